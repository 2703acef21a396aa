"""Draw the timeline: tabulated studies per publication year, and the share of each year's studies naming a category.

The heat map's colour is the share of that year's studies (count / studies
that year), and each cell prints both numbers, so a year with one study and a
year with twelve are read on the same scale and the reader sees how few
studies a share rests on. A year with fewer than
:data:`helpers.analysis.timeline.FEW_STUDIES` studies is not shaded at all and
is framed by a dotted line, so a share of 1/1 cannot read as a loud signal and
no colour on the map disagrees with the colour bar (third blind reading 2.1,
3.2; a paler ramp had still outshone the larger years' cells). The frame is
dotted, not hatched, because hatching means "exosomes" in the top panel (3.1).
A year with no study is grey ("no studies"), not the pale blue of a 0 % share.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.patches import Patch, Rectangle

from helpers.analysis.gapmap import disease_label
from helpers.analysis.timeline import FEW_STUDIES
from helpers.core.vocab import DISEASE_CODES
from helpers.plots.common import DISEASE_COLOURS, MODALITY_NAMES, frame, note_height, plt

__all__ = ["timeline", "cell_colours", "FEW_COLOUR", "FEW_FRAME", "NO_STUDY"]

#: The colour of every cell of a year with too few studies for a share to be compared: no shade at all.
FEW_COLOUR = "#ffffff"
#: The line style of the frame around such a year: a mark the top panel does not use.
FEW_FRAME = ":"
#: The colour of a year with no tabulated study: no share at all, not a share of 0.
NO_STUDY = "#d9d9d9"
#: Disease colours by the label the timeline shows (the printed word where it differs, as in the gap map).
_COLOURS = {disease_label(code): DISEASE_COLOURS[name] for code, name in DISEASE_CODES.items()}

_HATCH = {"cells": "", "exosomes": "////"}
_OFFSET = {"cells": -0.2, "exosomes": 0.2}


def _bars(ax, counts: pd.DataFrame, years: list[int]) -> None:
    """Two stacked bars a year, MSCs (solid) and exosomes (hatched), coloured by disease."""
    x_of = {y: i for i, y in enumerate(years)}
    for modality in ("cells", "exosomes"):
        part = counts[counts["modality"] == modality]
        bottom = dict.fromkeys(years, 0)
        for disease, colour in _COLOURS.items():
            rows = part[part["disease"] == disease]
            if rows.empty:
                continue
            xs = [x_of[y] + _OFFSET[modality] for y in rows["year"]]
            ax.bar(
                xs,
                rows["studies"],
                width=0.38,
                bottom=[bottom[y] for y in rows["year"]],
                color=colour,
                hatch=_HATCH[modality],
                edgecolor="white",
                linewidth=0.5,
            )
            for year, n in zip(rows["year"], rows["studies"]):
                bottom[year] += n
    ax.set_xticks(range(len(years)), [str(y) for y in years], fontsize=8.5)
    ax.set_ylabel("tabulated studies", fontsize=9)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)


def cell_colours(share: np.ndarray, n: np.ndarray) -> np.ndarray:
    """RGBA of each heat cell: the share on the Blues scale; unshaded for a few-study year, grey for no study.

    Parameters
    ----------
    share : numpy.ndarray
        Categories × years, each count over that year's studies (0 where the year has none).
    n : numpy.ndarray
        Studies per year (the columns).
    """
    rgba = colormaps["Blues"](np.clip(share, 0.0, 1.0))
    few = (n > 0) & (n < FEW_STUDIES)
    rgba[:, few, :3] = _rgb(FEW_COLOUR)
    rgba[:, n == 0, :3] = _rgb(NO_STUDY)
    return rgba


def _rgb(colour: str) -> np.ndarray:
    """``#rrggbb`` as three floats from 0 to 1."""
    return np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])


def _heat(ax, table: pd.DataFrame, totals: pd.Series, years: list[int]):
    """Categories × years: the share of that year's studies that name the category, printed as count/studies."""
    values = table.reindex(columns=years, fill_value=0).to_numpy()
    n = totals.reindex(years, fill_value=0).to_numpy()
    share = np.divide(values, n, out=np.zeros(values.shape), where=n > 0)
    ax.imshow(cell_colours(share, n), aspect="auto", interpolation="nearest")
    # The colour bar reads every shaded cell; the unshaded few-study columns are framed and said to be unshaded.
    image = plt.cm.ScalarMappable(cmap="Blues", norm=plt.Normalize(0, 1.0))
    rows = len(table.index)
    for j, k in enumerate(n):
        if k == 0:
            ax.text(j, (rows - 1) / 2, "no studies", rotation=90, ha="center", va="center", fontsize=7, color="#555555")
        elif k < FEW_STUDIES:
            ax.add_patch(
                Rectangle(
                    (j - 0.47, -0.47),
                    0.94,
                    rows - 0.06,
                    fill=False,
                    linestyle=FEW_FRAME,
                    edgecolor="#555555",
                    linewidth=1.0,
                )
            )
    for (i, j), k in np.ndenumerate(values):
        if k:
            ax.text(
                j,
                i,
                f"{k}/{n[j]}",
                ha="center",
                va="center",
                fontsize=6.5,
                color="white" if share[i, j] > 0.6 and n[j] >= FEW_STUDIES else "black",
            )
    ax.set_yticks(range(len(table.index)), list(table.index), fontsize=8)
    ax.set_xticks(range(len(years)), [f"{y}\nn = {k}" for y, k in zip(years, n)], fontsize=8)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    start = 0
    for index, (name, count) in enumerate(table.attrs.get("groups", [])):
        if index:
            ax.axhline(start - 0.5, color="#555555", linewidth=0.8)
        ax.annotate(
            name,
            xy=(0, start - 0.5),
            xycoords=("figure fraction", "data"),
            xytext=(0.01, start - 0.4),
            textcoords=("figure fraction", "data"),
            fontsize=8.5,
            fontweight="bold",
            va="top",
            color="#555555",
        )
        start += count
    return image


def timeline(
    counts: pd.DataFrame,
    categories: pd.DataFrame,
    totals: pd.Series | None = None,
    *,
    title: str,
    subtitle: str = "",
    note: str = "",
) -> plt.Figure:
    """Draw studies per year (:func:`helpers.analysis.timeline.by_year`) above categories per year.

    ``totals`` (:func:`helpers.analysis.timeline.year_totals`) are the studies of each year; by default
    they are summed from ``counts``.
    """
    if totals is None:
        totals = counts.groupby("year")["studies"].sum() if len(counts) else pd.Series(dtype=int)
    rows = len(categories.index)
    # Below the heat map: its two-line year labels (0.5 in), then the note, however long.
    below = 0.5 + note_height(note) + 0.1
    fig = plt.figure(figsize=(11.0, 3.3 + 0.24 * rows + below))
    frame(fig, title=title, subtitle=subtitle, note=note)
    if counts.empty:
        fig.text(0.5, 0.5, "No study in this selection.", ha="center", va="center", fontsize=11)
        return fig
    years = list(range(int(counts["year"].min()), int(counts["year"].max()) + 1))
    height = fig.get_figheight()
    grid = fig.add_gridspec(
        2 if rows else 1,
        1,
        height_ratios=(2.4, 0.24 * rows) if rows else None,
        left=0.3,
        right=0.88,
        top=1 - (1.2 if subtitle else 0.95) / height,
        bottom=below / height,
        hspace=0.35,
    )
    bars = fig.add_subplot(grid[0])
    _bars(bars, counts, years)
    if rows:
        heat = fig.add_subplot(grid[1])
        image = _heat(heat, categories, totals, years)
        bar = fig.colorbar(image, cax=heat.inset_axes((1.015, 0.55, 0.018, 0.45)))
        bar.set_label(
            "share of that year's studies\n(cell: count / studies that year)\n"
            f"dotted frame, unshaded: fewer than {FEW_STUDIES}\nstudies (read the count)\ngrey: no studies that year",
            fontsize=7.5,
        )
        bar.ax.tick_params(labelsize=7)
    # Modality swatches are outlines, so their grey cannot be read as a disease colour.
    handles = [
        Patch(facecolor="white", hatch=_HATCH[m], edgecolor="#333333", label=MODALITY_NAMES[m])
        for m in ("cells", "exosomes")
    ]
    wrapped = {disease_label(code): disease_label(code, wrap=True) for code in DISEASE_CODES}
    handles += [Patch(facecolor=c, label=wrapped[d]) for d, c in _COLOURS.items() if d in set(counts["disease"])]
    bars.legend(handles=handles, loc="upper left", bbox_to_anchor=(-0.42, 1.0), frameon=False, fontsize=8)
    return fig
