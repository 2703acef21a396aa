"""What every figure of the project shares: colours and the frame of title, subtitle and note.

Colours come from the Okabe–Ito palette, which stays distinguishable under
the common colour-vision deficiencies; each disease and each modality keeps
one colour in every figure. Fonts are the matplotlib default (DejaVu Sans,
shipped with matplotlib) so the bytes do not depend on the fonts a machine
happens to have. The drawings themselves are in :mod:`helpers.plots.common.fig2`
(Fig. 2) and :mod:`helpers.plots.common.fig1` (Fig. 1).
"""

from __future__ import annotations

import textwrap

from helpers.core.vocab import DISEASE_CODES
from helpers.outputs.style import configure_matplotlib

configure_matplotlib()

import matplotlib.pyplot as plt  # noqa: E402

__all__ = ["OKABE_ITO", "DISEASE_COLOURS", "MODALITY_COLOURS", "MODALITY_NAMES", "frame", "note_height", "plt"]

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

#: One colour per disease label. Sky blue and yellow are left out: beside
#: blue, and at the transparency of a band, they are hard to tell apart.
DISEASE_COLOURS = dict(zip(DISEASE_CODES.values(), ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#666666"]))
MODALITY_COLOURS = {"cells": "#0072B2", "exosomes": "#E69F00"}
#: Legend wording for the two modalities, with the table each comes from.
MODALITY_NAMES = {"cells": "MSCs (Table 1)", "exosomes": "MSC-derived exosomes (Table 2)"}

_SELECTION_COLOUR = "#A23E00"  # darker vermillion: readable as text


#: The note's font size in points, and its line height as a multiple of it.
_NOTE_SIZE, _NOTE_LEADING = 7.5, 1.2


def note_height(note: str, width: int = 150) -> float:
    """Inches the note :func:`frame` writes takes at the bottom of a figure, so a layout can leave room for it."""
    lines = len(textwrap.wrap(note, width)) if note else 0
    return lines * _NOTE_SIZE * _NOTE_LEADING / 72


def frame(fig, *, title: str, subtitle: str = "", note: str = "", width: int = 150) -> None:
    """Put the title, an optional selection subtitle and a wrapped note on a figure.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    title : str
        The exhibit's title.
    subtitle : str
        Says which selection a non-canonical run shows; empty for the
        canonical figure.
    note : str
        The caption's numbers, wrapped here (deterministically) at ``width``
        characters.
    """
    fig.text(0.01, 0.995, title, ha="left", va="top", fontsize=12, fontweight="bold")
    if subtitle:
        fig.text(0.01, 0.962, subtitle, ha="left", va="top", fontsize=10, color=_SELECTION_COLOUR, style="italic")
    if note:
        fig.text(
            0.01,
            0.005,
            "\n".join(textwrap.wrap(note, width)),
            ha="left",
            va="bottom",
            fontsize=_NOTE_SIZE,
            color="#333333",
        )
