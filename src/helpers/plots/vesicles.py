"""Draw the vesicles exhibit: each Table 2 row's printed size, by MSC tissue source and vesicle type, and two tables.

A printed range is a horizontal line from its low to its high end, closed by
short vertical caps; a single printed number is a point. The review does not
say what either is (a single number could be a mean, a median or a peak; a
range could span the particles or their peaks), so the two marks are never
merged and the legend names each. A row without a printed size shows the
words "not reported in the review" instead of a mark. The grey band is the
30-150 nm the review's own text gives for exosomes, a yardstick for the eye
only. Colour is the vesicle type; rows are grouped by MSC tissue source.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.analysis.vesicles import NOT_REPORTED, STATED_BAND, TYPE_ORDER
from helpers.core.vocab import TISSUE_CODES
from helpers.plots.common import OKABE_ITO, frame, note_height, plt

__all__ = ["vesicles", "TYPE_COLOURS", "RANGE_GID", "POINT_GID", "BAND_GID"]

#: One Okabe-Ito colour per vesicle type (black is kept for text).
TYPE_COLOURS = dict(zip(TYPE_ORDER, [OKABE_ITO[0], OKABE_ITO[2], OKABE_ITO[5], OKABE_ITO[3], OKABE_ITO[1]]))
#: Artist ids the geometry test finds the marks by: ``range:<row>``, ``point:<row>``, the band.
RANGE_GID, POINT_GID, BAND_GID = "range", "point", "stated-band"
_X_MAX = 340.0
_RIGHT_COLUMN = 7.2  # inches


def _sizes(ax, marks: pd.DataFrame) -> None:
    """One line per row: a range as a capped line, a single value as a point, else the words."""
    low, high = STATED_BAND
    ax.axvspan(low, high, color="#e6e6e6", zorder=0, gid=BAND_GID, linewidth=0)
    for _, m in marks.iterrows():
        colour, y = TYPE_COLOURS.get(m["vesicle_type"], "#555555"), int(m["y"])
        if m["size_kind"] == "range":
            ax.plot(
                [float(m["x_low"]), float(m["x_high"])],
                [y, y],
                color=colour,
                linewidth=2.4,
                marker="|",
                markersize=9,
                markeredgewidth=1.6,
                solid_capstyle="butt",
                gid=f"{RANGE_GID}:{m['row']}",
            )
        elif m["size_kind"] == "single value":
            ax.plot(
                [float(m["x_low"])],
                [y],
                linestyle="none",
                marker="o",
                markersize=7,
                color=colour,
                markeredgecolor="black",
                markeredgewidth=0.6,
                gid=f"{POINT_GID}:{m['row']}",
            )
        else:
            ax.text(4, y, NOT_REPORTED, va="center", ha="left", fontsize=7.5, style="italic", color="#555555")
    ax.set_yticks(list(marks["y"]), list(marks["label"]), fontsize=7.5)
    for tick, kind in zip(ax.get_yticklabels(), marks["vesicle_type"]):
        tick.set_color(TYPE_COLOURS.get(kind, "#333333"))
    ax.set_ylim(len(marks) - 0.5, -0.5)
    ax.set_xlim(0, _X_MAX)
    ax.set_xlabel("vesicle size printed in Table 2's Size/nm column (nm)", fontsize=9)
    ax.grid(axis="x", color="#cccccc", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    _groups(ax, marks)


def _groups(ax, marks: pd.DataFrame) -> None:
    """Separate and name the MSC tissue sources (rows are sorted by source)."""
    for tissue, part in marks.groupby("tissue", sort=False):
        first = int(part["y"].min())
        if first:
            ax.axhline(first - 0.5, color="#333333", linewidth=0.8)
        name = TISSUE_CODES.get(str(tissue), str(tissue))
        ax.text(
            _X_MAX - 4,
            first - 0.1,
            f"{name} ({tissue}), {len(part)} row{'' if len(part) == 1 else 's'}",
            ha="right",
            va="top",
            fontsize=8,
            fontweight="bold",
            color="#333333",
        )


def _table(ax, frame_: pd.DataFrame, title: str, widths: list[float]) -> None:
    """A plain table of counts in an empty axes, with its title above."""
    ax.axis("off")
    ax.set_title(title, fontsize=8.5, loc="left", fontweight="bold")
    cells = [[str(v) for v in row] for row in frame_.itertuples(index=False)]
    labels = [str(c).replace("not reported in the review", "not reported\nin the review") for c in frame_.columns]
    table = ax.table(cellText=cells, colLabels=labels, colWidths=widths, loc="upper left", cellLoc="left")
    table.auto_set_font_size(False)
    table.set_fontsize(7)
    table.scale(1, 1.35)
    for (r, _), cell in table.get_celld().items():
        cell.set_edgecolor("#bbbbbb")
        if r == 0:
            cell.set_text_props(fontweight="bold")
            cell.set_height(cell.get_height() * 1.9)


def _legend(fig, at: tuple[float, float]) -> None:
    """What each mark and colour is, in the right-hand column of the figure."""
    handles = [
        Line2D(
            [],
            [],
            color="#333333",
            linewidth=2.4,
            marker="|",
            markersize=9,
            markeredgewidth=1.6,
            label="printed range, low to high\n(what it spans: not stated in the review)",
        ),
        Line2D(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=7,
            color="#999999",
            markeredgecolor="black",
            markeredgewidth=0.6,
            label="one printed number (mean, median\nor peak: not stated in the review)",
        ),
        Patch(facecolor="#e6e6e6", label="30-150 nm: exosome diameter\nstated in the review's text"),
    ]
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=at,
        frameon=False,
        fontsize=7.5,
        title="Marks",
        title_fontsize=8.5,
        alignment="left",
    )
    types = [Patch(facecolor=c, label=k) for k, c in TYPE_COLOURS.items()]
    fig.legend(
        handles=types,
        loc="upper left",
        bbox_to_anchor=(at[0] + 0.2, at[1]),
        frameon=False,
        fontsize=7.5,
        title="Colour: vesicle type",
        title_fontsize=8.5,
        alignment="left",
    )


def vesicles(
    marks: pd.DataFrame,
    counts: pd.DataFrame,
    reporting: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "",
    note: str = "",
) -> plt.Figure:
    """Draw the sizes (:func:`helpers.analysis.vesicles.marks`) beside the counts and the reporting items.

    Parameters
    ----------
    marks, counts, reporting : pandas.DataFrame
        :func:`helpers.analysis.vesicles.marks`, :func:`~helpers.analysis.vesicles.counts` and
        :func:`~helpers.analysis.vesicles.reporting`.
    """
    rows = len(marks)
    below = note_height(note, 170) + 0.6
    # The right-hand column (legends, two tables, the methods line) takes about 7.2 inches below the title,
    # whatever the number of rows, and must end above the note.
    height = max(0.7 + _RIGHT_COLUMN + below, 1.3 + 0.26 * rows + below)
    fig = plt.figure(figsize=(14.0, height))
    frame(fig, title=title, subtitle=subtitle, note=note, width=170)
    if marks.empty:
        fig.text(0.5, 0.5, "No Table 2 row in this selection.", ha="center", va="center", fontsize=11)
        return fig
    top = 1 - (1.0 if subtitle else 0.7) / height
    sizes = fig.add_axes((0.2, below / height, 0.37, top - below / height))
    _sizes(sizes, marks)
    inch = 1 / height  # the right-hand column is laid out in inches from the top
    _legend(fig, (0.6, top + 0.1 * inch))
    shown = counts.reset_index().rename(columns={"vesicle type": "vesicle type (rows)"})
    upper = fig.add_axes((0.61, top - 1.75 * inch, 0.38, 0.001))
    _table(
        upper,
        shown,
        f"Rows by vesicle type and printed size (out of {int(counts['out of'].iloc[0])})",
        [0.38, 0.14, 0.1, 0.18, 0.1, 0.1],
    )
    lower = fig.add_axes((0.61, top - 4.3 * inch, 0.38, 0.001))
    items = reporting[["item", "rows printing it", "out of"]].rename(columns={"rows printing it": "rows printing"})
    _table(lower, items, "What Table 2 prints of each reporting item (MISEV-style)", [0.72, 0.17, 0.11])
    fig.text(
        0.61, top - 6.5 * inch, _methods_line(reporting), fontsize=8.5, fontweight="bold", va="top", color="#A23E00"
    )
    return fig


def _methods_line(reporting: pd.DataFrame) -> str:
    """The plain statement of what the review reports of isolation and characterisation methods."""
    methods = reporting[~reporting["item"].str.startswith(("vesicle size", "dose as"))]
    n = int(reporting["out of"].iloc[0]) if len(reporting) else 0
    printing = {r for rows in methods["printed rows"] for r in str(rows).split("; ") if r}
    if not printing:
        return (
            f"Isolation and characterisation methods: not reported in the\nreview's tables (0 of {n} rows print one)."
        )
    return f"Isolation and characterisation methods: printed in\n{len(printing)} of {n} rows (see the table above)."
