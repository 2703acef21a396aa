"""Fig. 2: MSC source, signalling pathway family and transcription factor, by disease, in whole studies.

Draws :func:`helpers.analysis.evidence.pathway_matrix` with the evidence map
of :mod:`helpers.plots.fig1`: one dot per disease, modality and setting, its
area proportional to the studies it counts. The exhibit was a three-column
flow diagram; with 19 studies, fractional strand weights and no study identity
across the disease column, a matrix of whole counts reads truer (the notebook
says why).
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.evidence import PathwayView
from helpers.outputs import narrative
from helpers.plots import fig1
from helpers.plots.common import plt

__all__ = ["pathway_map", "draw"]


def pathway_map(
    cells: pd.DataFrame,
    *,
    totals: dict[str, int],
    title: str,
    subtitle: str = "",
    note: str = "",
    in_vitro: int | None = None,
    drawn: int | None = None,
) -> plt.Figure:
    """Draw Fig. 2 from :func:`helpers.analysis.evidence.pathway_matrix`.

    Parameters
    ----------
    cells : pandas.DataFrame
        From :func:`helpers.analysis.evidence.pathway_matrix`; may be empty.
    totals : dict
        Studies drawn per modality, for the legend.
    title, subtitle, note : str
        See :func:`helpers.plots.common.frame`.
    in_vitro : int, optional
        Studies drawn that are in vitro only, for the legend.
    drawn : int, optional
        Studies drawn: the source block's heading says it counts only these,
        not every study of a source.
    """
    titles = {"source": f"MSC tissue source of the {drawn} studies drawn"} if drawn is not None else None
    return fig1.evidence_map(
        cells, totals=totals, title=title, subtitle=subtitle, note=note, in_vitro=in_vitro, kind_titles=titles
    )


def draw(view: PathwayView, *, title: str, subtitle: str = "", lead: str = "") -> plt.Figure:
    """Draw Fig. 2 from :func:`helpers.analysis.evidence.pathway_view`, with its computed note.

    ``lead`` opens the note (what the run's ``flagged`` choice did, see :func:`helpers.plots.fig1.draw`).
    """
    return pathway_map(
        view.cells,
        totals=view.totals,
        title=title,
        subtitle=subtitle,
        note=f"{lead} {narrative.pathway_note(view)}".strip(),
        in_vitro=view.setting["in vitro only"],
        drawn=len(view.drawn),
    )
