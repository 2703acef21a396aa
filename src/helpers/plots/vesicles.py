"""Draw the vesicles exhibit: each Table 2 row's printed size, by MSC tissue source and vesicle type, and two tables.

A printed range is a horizontal line from its low to its high end, closed by
short vertical caps; a single printed number is a point. The review does not
say what either is (a single number could be a mean, a median or a peak; a
range could span the particles or their peaks), so the two marks are never
merged and the legend names each. A row without a printed size shows the
words "not reported in the review" instead of a mark. The grey band is the
30-150 nm the review's own text gives for exosomes, a yardstick for the eye
only: it is the review's figure for exosomes, and a size inside or outside it
does not show what the vesicles are. Colour is the term the cited title uses
(a name, not a verified subtype); the column right of the sizes says what was
done to the product; rows are grouped by MSC tissue source. A ring at the left
edge marks a row the audit flags (:mod:`helpers.plots.flags`).
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from helpers.analysis.vesicles import NOT_REPORTED, PARTICLE_ITEM, SIZE_ITEM, STATED_BAND, TYPE_ORDER
from helpers.core.vocab import TISSUE_CODES
from helpers.core.words import plural
from helpers.plots import flags
from helpers.plots.common import OKABE_ITO, frame, note_height, plt

__all__ = ["vesicles", "TYPE_COLOURS", "RANGE_GID", "POINT_GID", "BAND_GID", "RING_GID", "CHANGE_GID", "RING_X"]

#: One colour per term (Okabe-Ito; grey for a title that names no vesicle product; black is kept for text).
TYPE_COLOURS = dict(zip(TYPE_ORDER, [OKABE_ITO[0], OKABE_ITO[2], OKABE_ITO[3], OKABE_ITO[1], "#8c8c8c"]))
#: Artist ids the geometry test finds the marks by: ``range:<row>``, ``point:<row>``, the band, the flag rings,
#: and ``change:<row>`` for the product-change text.
RANGE_GID, POINT_GID, BAND_GID, RING_GID, CHANGE_GID = "range", "point", "stated-band", "audit-ring", "change"
#: Where a flagged row's ring is drawn (nm): a column at the left edge, clear of every printed size (>= 30 nm).
RING_X = 10.0
_RING_AREA = 30.0
_X_MAX = 340.0
_RIGHT_COLUMN = 7.8  # inches


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
            ax.text(18, y, NOT_REPORTED, va="center", ha="left", fontsize=7.5, style="italic", color="#555555")
    flagged = marks["audit_flag"].astype(bool) if "audit_flag" in marks else pd.Series(False, index=marks.index)
    ring = flags.ring(ax, [RING_X] * len(marks), marks["y"].astype(float), flagged, size=_RING_AREA)
    if ring is not None:
        ring.set_gid(RING_GID)
        ring.set_clip_on(False)
    _changes(ax, marks)
    ax.set_yticks(list(marks["y"]), list(marks["label"]), fontsize=7.2)
    for tick, kind in zip(ax.get_yticklabels(), marks["vesicle_type"]):
        tick.set_color(TYPE_COLOURS.get(kind, "#333333"))
    ax.set_ylim(int(marks["y"].max()) + 0.5, -0.5)
    ax.set_xlim(0, _X_MAX)
    ax.set_xlabel("vesicle size printed in Table 2's Size/nm column (nm)", fontsize=9)
    ax.grid(axis="x", color="#cccccc", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    _groups(ax, marks)


def _changes(ax, marks: pd.DataFrame) -> None:
    """What was done to each row's product, in a column right of the sizes (grey where nothing is printed)."""
    where = blended_transform_factory(ax.transAxes, ax.transData)
    ax.text(1.02, -0.9, "what was done to the product", transform=where, fontsize=7.5, fontweight="bold", va="bottom")
    for _, m in marks.iterrows():
        change = str(m.get("product_change", ""))
        ax.text(
            1.02,
            int(m["y"]),
            change,
            transform=where,
            fontsize=6.8,
            va="center",
            ha="left",
            color="#999999" if change == "none printed" else "#222222",
            gid=f"{CHANGE_GID}:{m['row']}",
        )


def _groups(ax, marks: pd.DataFrame) -> None:
    """Separate and name the MSC tissue sources (rows are sorted by source)."""
    for tissue, part in marks.groupby("tissue", sort=False):
        first = int(part["y"].min())
        if first > 1:
            ax.axhline(first - 1.5, color="#333333", linewidth=0.8)
        name = TISSUE_CODES.get(str(tissue), str(tissue))
        ax.text(
            4,
            first - 1,
            f"{name} MSCs ({tissue}-MSC), {plural(len(part), 'row')}",
            ha="left",
            va="center",
            fontsize=8,
            fontweight="bold",
            color="#333333",
        )


def _table(ax, frame_: pd.DataFrame, title: str, widths: list[float], wrap: int = 60) -> None:
    """A plain table of counts in an empty axes, with its title above (the first column wrapped at ``wrap``)."""
    ax.axis("off")
    ax.set_title(title, fontsize=8.5, loc="left", fontweight="bold")
    cells = [[textwrap.fill(str(v), wrap) if i == 0 else str(v) for i, v in enumerate(row)] for row in
             frame_.itertuples(index=False)]  # fmt: skip
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
        elif "\n" in cells[r - 1][0]:
            cell.set_height(cell.get_height() * 1.8)


def _legend(fig, at: tuple[float, float], ringed: bool) -> None:
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
        Patch(
            facecolor="#e6e6e6",
            label="30-150 nm: the exosome diameter the\nreview's text states; a yardstick for\nexosomes, "
            "not a subtype test",
        ),
    ]
    if ringed:
        handle = flags.legend_handle()
        handle.set_label("ring at the left edge: row flagged\nby the audit (tables/audit.csv)")
        handles.append(handle)
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
        title="Colour: term the cited title\nuses (a name, not a subtype)",
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
    rows = int(marks["y"].max()) + 1 if len(marks) else 0
    below = note_height(note, 170) + 0.6
    # The right-hand column (legends, two tables, the methods line) takes about 7.8 inches below the title,
    # whatever the number of rows, and must end above the note.
    height = max(0.7 + _RIGHT_COLUMN + below, 1.3 + 0.26 * rows + below)
    fig = plt.figure(figsize=(14.0, height))
    frame(fig, title=title, subtitle=subtitle, note=note, width=170)
    if marks.empty:
        fig.text(0.5, 0.5, "No Table 2 row in this selection.", ha="center", va="center", fontsize=11)
        return fig
    top = 1 - (1.0 if subtitle else 0.7) / height
    sizes = fig.add_axes((0.2, below / height, 0.29, top - below / height))
    _sizes(sizes, marks)
    inch = 1 / height  # the right-hand column is laid out in inches from the top
    ringed = bool(marks["audit_flag"].any()) if "audit_flag" in marks else False
    _legend(fig, (0.62, top + 0.1 * inch), ringed)
    shown = counts.reset_index().rename(columns={"term in the cited title": "term in the cited title"})
    upper = fig.add_axes((0.63, top - 2.0 * inch, 0.36, 0.001))
    _table(
        upper,
        shown,
        f"Rows by the cited title's term and printed size (out of {int(counts['out of'].iloc[0])})",
        [0.36, 0.14, 0.1, 0.2, 0.1, 0.1],
    )
    lower = fig.add_axes((0.63, top - 4.55 * inch, 0.36, 0.001))
    items = reporting[["item", "rows printing it", "out of"]].rename(columns={"rows printing it": "rows printing"})
    _table(lower, items, "Selected MISEV2023 items: what Table 2 prints", [0.74, 0.15, 0.11], wrap=58)
    fig.text(
        0.63, top - 7.3 * inch, _methods_line(reporting), fontsize=8.5, fontweight="bold", va="top", color="#A23E00"
    )
    return fig


def _methods_line(reporting: pd.DataFrame) -> str:
    """The plain statement of what the review reports of isolation and characterisation methods."""
    methods = reporting[~reporting["item"].isin([SIZE_ITEM, PARTICLE_ITEM])]
    n = int(reporting["out of"].iloc[0]) if len(reporting) else 0
    printing = {r for rows in methods["printed rows"] for r in str(rows).split("; ") if r}
    if not printing:
        return (
            f"Isolation and characterisation methods: not reported in the\nreview's tables (0 of {n} rows print one)."
        )
    return f"Isolation and characterisation methods: printed in\n{len(printing)} of {n} rows (see the table above)."
