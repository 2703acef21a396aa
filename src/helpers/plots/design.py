"""Draw the design exhibit: animal model, donor-to-host relation and product, by disease and modality.

The layout is Fig. 1's evidence map (:func:`helpers.plots.fig1.evidence_map`):
one dot per class, disease and modality with the number of studies on it,
and a totals panel. Here a dot's **area is proportional to its count** with
no offset, so a "10" covers ten times the ink of a "1": the map drawn by
:mod:`helpers.plots.fig1` is redrawn at these sizes, in the order it drew
its dots (the order of ``cells``).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.lines import Line2D

from helpers.plots import fig1
from helpers.plots.common import plt

__all__ = ["design_map", "AREA_OF_LARGEST", "dot_area", "key_counts"]

#: Area in points² of the dot with the most studies; every other dot is scaled from it.
AREA_OF_LARGEST = 500.0


# Below this area (points²) a 7-point number overflows its dot, so it is set smaller.
_SMALL_AREA = 100.0


def dot_area(studies: int, largest: int) -> float:
    """Marker area (points²) for a count: proportional to it, ``AREA_OF_LARGEST`` for the largest."""
    return AREA_OF_LARGEST * studies / max(largest, 1)


def key_counts(largest: int) -> list[int]:
    """The counts the size key shows: 1, about half the largest, and the largest (each once)."""
    return sorted({1, max(1, round(largest / 2)), max(1, largest)})


def _size_key(fig: plt.Figure, largest: int) -> None:
    """A key of grey dots drawn at the map's scale, beside the modality legend."""
    handles = [
        Line2D([], [], linestyle="", marker="o", markersize=dot_area(n, largest) ** 0.5, color="#888888", label=str(n))
        for n in key_counts(largest)
    ]
    fig.legend(
        handles=handles,
        title="dot area = studies",
        title_fontsize=8,
        loc="lower left",
        bbox_to_anchor=(0.55, 0.56 / fig.get_figheight()),
        ncol=len(handles),
        frameon=False,
        fontsize=8,
        columnspacing=1.5,
        handletextpad=0.6,
        # Rows taller than the largest key dot (its diameter in points over the font size), so no dot covers the title.
        handleheight=1.3 * dot_area(largest, largest) ** 0.5 / 8,
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
    fig = fig1.evidence_map(cells, totals=totals, title=title, subtitle=subtitle, note=note, size_key=False)
    if cells.empty:
        return fig
    dots = _dot_axes(fig).collections
    if len(dots) != len(cells):  # the map draws one collection per row of cells; say so if that changes
        raise RuntimeError(f"expected {len(cells)} dots, found {len(dots)}")
    largest = int(cells["studies"].max())
    labels = [text for text in _dot_axes(fig).texts if text.get_position() in {tuple(d.get_offsets()[0]) for d in dots}]
    for dot, label, count in zip(dots, labels, cells["studies"]):
        dot.set_sizes([dot_area(int(count), largest)])
        if dot_area(int(count), largest) < _SMALL_AREA:  # the number must fit inside its dot
            label.set_fontsize(5.5)
    _size_key(fig, largest)
    return fig
