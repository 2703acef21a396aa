"""Draw the design exhibit: animal model, donor-to-host relation and product, by disease and modality.

The layout is Fig. 1's evidence map (:func:`helpers.plots.fig1.evidence_map`):
one dot per class, disease and modality with the number of studies on it,
and a totals panel. Here a dot's **area is proportional to its count** with
no offset, so a "10" covers ten times the ink of a "1": the map drawn by
:mod:`helpers.plots.fig1` is redrawn at these sizes, in the order it drew
its dots (the order of ``cells``). The two dots of a cell sit further apart
than in Fig. 1, so the number beside the MSC dot never covers the exosome
dot (second blind reading, design 2.2), and a number gets a dagger when the
audit flags a study behind it (design 2.4, 2.8).
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.transforms import ScaledTranslation

from helpers.analysis.crossing import CHECK_MARK, FLAG_MARK
from helpers.analysis.gapmap import disease_label
from helpers.core.vocab import DISEASE_CODES
from helpers.plots import fig1
from helpers.plots.common import plt

__all__ = ["design_map", "AREA_OF_LARGEST", "dot_area", "key_counts", "key_marker", "OFFSET", "label_text"]

#: Area in points² of the dot with the most studies; every other dot is scaled from it.
AREA_OF_LARGEST = 500.0


# Below this area (points²) a dot is small beside its number, which is set smaller to keep the cell light.
_SMALL_AREA = 100.0

#: Where a dot sits in its disease column (column widths), by modality: wider apart than Fig. 1's, so the
#: largest MSC dot, its number and the exosome dot beside it do not overlap.
OFFSET = {"cells": -0.31, "exosomes": 0.21}

# Gap between a dot's edge and its number, in points (as in Fig. 1).
_LABEL_GAP = 1.2


def label_text(studies: int, flagged: int = 0, checked: int = 0) -> str:
    """The number written beside a dot: the count, and a dagger when the audit flags any study behind it.

    One mark, however many studies it concerns, so the number stays short
    enough not to reach the next dot: a dagger when the audit flags any study
    behind it, else a double dagger when a check or the body text questions
    one (third blind reading, design 3.1); ``flagged(_refs)`` and
    ``checked(_refs)`` in the data file say how many and which.
    """
    return f"{studies}{FLAG_MARK if flagged else CHECK_MARK if checked else ''}"


def dot_area(studies: int, largest: int) -> float:
    """Marker area (points²) for a count: proportional to it, ``AREA_OF_LARGEST`` for the largest."""
    return AREA_OF_LARGEST * studies / max(largest, 1)


def key_counts(largest: int) -> list[int]:
    """The counts the size key shows: 1, about half the largest, and the largest (each once)."""
    return sorted({1, max(1, round(largest / 2)), max(1, largest)})


def key_marker(studies: int, largest: int, edge: float = 0.0) -> Line2D:
    """The size key's dot for a count: it covers :func:`dot_area`, its edge stroke included, as a map dot does.

    A legend marker gets an edge stroke by default (``lines.markeredgewidth``),
    which widened each key dot by a point beyond the map dot of the same count
    (third blind reading, design #2.1, #20); the marker is sized with
    :func:`helpers.plots.fig1.marker_size` so that dot and stroke together
    cover the map's area, whatever ``edge`` is.
    """
    size = fig1.marker_size(dot_area(studies, largest), edge)
    return Line2D(
        [],
        [],
        linestyle="",
        marker="o",
        markersize=size**0.5,
        markeredgewidth=edge,
        color="#888888",
        label=str(studies),
    )


def _size_key(fig: plt.Figure, largest: int, edge: float = 0.0) -> None:
    """A key of grey dots drawn at the map's scale (``edge``: the map dots' stroke), beside the modality legend."""
    handles = [key_marker(n, largest, edge) for n in key_counts(largest)]
    fig.legend(
        handles=handles,
        title="dot area = studies",
        title_fontsize=8,
        loc="lower left",
        bbox_to_anchor=(0.55, _key_height(fig)),
        ncol=len(handles),
        frameon=False,
        fontsize=8,
        columnspacing=1.5,
        handletextpad=0.6,
        # Rows taller than the largest key dot (its diameter in points over the font size), so no dot covers the title.
        handleheight=1.3 * dot_area(largest, largest) ** 0.5 / 8,
    )


def _key_height(fig: plt.Figure) -> float:
    """Where the size key stands (figure fraction): level with the modality legend, whatever the note's length."""
    legend = fig.legends[0]
    return legend.get_bbox_to_anchor().y0 / fig.bbox.height


def _label_columns(ax) -> None:
    """Name each disease column as :func:`helpers.analysis.gapmap.disease_label` does, wrapped like Fig. 1's."""
    import textwrap

    labels = {DISEASE_CODES[code]: disease_label(code) for code in DISEASE_CODES}
    texts = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()]
    ax.set_xticks(
        ax.get_xticks(),
        [textwrap.fill(labels.get(t, t), 14, break_long_words=False, break_on_hyphens=False) for t in texts],
        fontsize=8.5,
    )


def _dot_axes(fig: plt.Figure):
    """The matrix panel: the axes holding one scatter collection per dot."""
    return max(fig.axes, key=lambda ax: len(ax.collections))


def design_map(
    cells: pd.DataFrame, *, totals: dict[str, int], title: str, subtitle: str = "", note: str = ""
) -> plt.Figure:
    """Draw the design exhibit from :func:`helpers.analysis.crossing.design_cells`.

    Parameters
    ----------
    cells : pandas.DataFrame
        ``kind, category, disease, modality, studies`` (and ``refs``).
    totals : dict
        Selected studies per modality, for the legend.
    title, subtitle, note : str
        See :func:`helpers.plots.common.frame`.

    Returns
    -------
    matplotlib.figure.Figure
        Fig. 1's layout with each dot's area equal to :func:`dot_area` of its count.
    """
    # One size key only, at this map's scale (second blind reading, design 2.1: two keys at two scales).
    # Fig. 1 orders its columns by the vocabulary's names; the figure shows the printed word first, as the gap map.
    names = {disease_label(code): name for code, name in DISEASE_CODES.items()}
    cells = cells.assign(disease=cells["disease"].map(lambda d: names.get(d, d)))
    fig = fig1.evidence_map(cells, totals=totals, title=title, subtitle=subtitle, note=note, size_key=False)
    if cells.empty:
        return fig
    dots = _dot_axes(fig).collections
    if len(dots) != len(cells):  # the map draws one collection per row of cells; say so if that changes
        raise RuntimeError(f"expected {len(cells)} dots, found {len(dots)}")
    ax = _dot_axes(fig)
    largest = int(cells["studies"].max())
    labels = [text for text in ax.texts if text.get_position() in {tuple(d.get_offsets()[0]) for d in dots}]
    _label_columns(ax)
    flagged = cells["flagged"] if "flagged" in cells else pd.Series(0, index=cells.index)
    checked = cells["checked"] if "checked" in cells else pd.Series(0, index=cells.index)
    for dot, label, count, modality, marks, doubts in zip(
        dots, labels, cells["studies"], cells["modality"], flagged, checked
    ):
        area = dot_area(int(count), largest)
        # Fig. 1 put the dot at column + its own offset; the column is the nearest whole number.
        x, y = (float(v) for v in dot.get_offsets()[0])
        x = round(x) + OFFSET[modality]
        dot.set_offsets([[x, y]])
        # The number starts just right of this dot's edge (the position stays the dot's centre).
        shift = ScaledTranslation((math.sqrt(area) / 2 + _LABEL_GAP) / 72, 0, fig.dpi_scale_trans)
        label.set_position((x, y))
        label.set_transform(ax.transData + shift)
        label.set_text(label_text(int(count), int(marks), int(doubts)))
        if area < _SMALL_AREA:
            label.set_fontsize(5.5)
        # The map's dots are filled with no stroke; if a stroke is ever drawn, the dot and its ring cover the area.
        edge = float(dot.get_linewidths()[0]) if len(dot.get_linewidths()) else 0.0
        dot.set_sizes([fig1.marker_size(area, edge)])
    _size_key(fig, largest, edge)
    return fig
