"""Draw the clinical studies of Table 3: one line each, its phase, status, enrollment, modality and route.

Mark area is proportional to the printed enrollment, and a circle and a
square of the same enrollment have the same area (matplotlib sizes a square
marker by its side and a circle by its diameter, so the two get different
``s`` for one area). The area is the one a mark covers with its edge stroke,
by the rule the evidence maps use (:func:`helpers.plots.fig1.marker_size`),
and the size key is drawn by the same rule with the same stroke, so a mark
and the key entry of the same enrollment cover one area. Rows that are not registered trials are drawn in their
own band below a rule, in the "not a trial" column.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.lines import Line2D

from helpers.analysis.trials import NOT_A_TRIAL, PHASES, STATUS_ORDER
from helpers.data.derive.registry import REGISTERED_TRIAL
from helpers.plots.common import frame, note_height, plt
from helpers.plots.fig1 import marker_size

__all__ = [
    "trial_landscape",
    "mark_area",
    "STATUS_COLOURS",
    "MAX_LINES",
    "AREA_PER_PARTICIPANT",
    "SIZE_KEY",
    "EDGE",
    "UNIT_AREA",
]

#: Trials drawn at most, one labelled line each. Past a few dozen the chart
#: stops being readable (and at thousands, matplotlib spends a minute and
#: gigabytes laying out the labels); the exhibit's data file keeps every trial.
MAX_LINES = 80

#: Okabe–Ito colours by status; grey for an unknown one.
STATUS_COLOURS = {
    "Completed": "#009E73",
    "Recruiting": "#0072B2",
    "Not yet recruiting": "#56B4E9",
    "Pause": "#E69F00",
    "unknown": "#999999",
}
_MARKERS = {"cells": "o", "exosomes": "s"}
#: Mark area in square points per enrolled participant (n = 100 gives a circle about 23 pt across).
AREA_PER_PARTICIPANT = 4.0
#: Enrollments shown in the size key.
SIZE_KEY = (10, 50, 100)
#: Area of matplotlib's unit marker path per unit of ``s``: a circle of diameter 1, a square of side 1.
UNIT_AREA = {"o": math.pi / 4, "s": 1.0}
#: The edge stroke of every mark and size-key entry, in points.
EDGE = 0.9


def mark_area(n: int) -> float:
    """The area, in square points, of the mark for an enrollment of ``n``."""
    return AREA_PER_PARTICIPANT * n


def _s(n: int, marker: str) -> float:
    """Matplotlib's ``s`` whose ``marker``, its :data:`EDGE` stroke included, covers :func:`mark_area` (n)."""
    return marker_size(mark_area(n) / UNIT_AREA[marker], EDGE)


def _legends(fig, lines: pd.DataFrame, height: float, above: float) -> None:
    """Three legends under the chart: statuses present, marker shapes, and a size key."""
    statuses = [s for s in STATUS_ORDER if s in set(lines["status"])] + sorted(set(lines["status"]) - set(STATUS_ORDER))
    status_handles = [
        Line2D([], [], marker="o", linestyle="", color=STATUS_COLOURS.get(s, "#999999"), label=s) for s in statuses
    ]
    mark_handles = [
        Line2D([], [], marker=m, linestyle="", color="#777777", label=modality) for modality, m in _MARKERS.items()
    ]
    mark_handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="#333333",
            label="hollow: no registry number",
        )
    )
    size_handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=math.sqrt(_s(n, "o")),
            markerfacecolor="#bbbbbb",
            markeredgecolor="#888888",
            markeredgewidth=EDGE,
            label=f"n = {n}",
        )
        for n in SIZE_KEY
    ]
    anchor = above / height
    for handles, title, x, loc in (
        (status_handles, "status as printed", 0.01, "lower left"),
        (mark_handles, "marker", 0.36, "lower left"),
        (size_handles, "area = enrollment", 0.99, "lower right"),
    ):
        legend = fig.legend(
            handles=handles,
            title=title,
            loc=loc,
            bbox_to_anchor=(x, anchor),
            ncol={"status as printed": 3, "marker": 2}.get(title, len(handles)),
            frameon=False,
            fontsize=8,
            title_fontsize=8,
            alignment="left",
            handletextpad=0.9 if title.startswith("area") else 0.4,
            handlelength=2.6 if title.startswith("area") else 2.0,
            columnspacing=1.2,
        )
        fig.add_artist(legend)


def _footnotes(lines: pd.DataFrame) -> dict[str, str]:
    """A letter for each distinct note, in drawing order."""
    distinct = list(dict.fromkeys(n for n in lines["note"] if n))
    return {note: "abcdefghijklmnopqrstuvwxyz"[i % 26] for i, note in enumerate(distinct)}


def _marks(ax, lines: pd.DataFrame, ys: list[int], letters: dict[str, str]) -> None:
    """One scatter mark per row (area = :func:`mark_area`), and its enrollment and route to the right."""
    for y, line in zip(ys, lines.itertuples(index=False)):
        x = PHASES.index(line.phase)
        colour = STATUS_COLOURS.get(line.status, "#999999")
        marker = _MARKERS.get(line.modality, "o")
        ax.scatter(
            [x],
            [-y],
            s=_s(line.enrollment, marker),
            marker=marker,
            facecolor=colour if line.registered else "white",
            edgecolor=colour,
            linewidth=EDGE,
            zorder=3,
        )
        mark = f" ({letters[line.note]})" if getattr(line, "note", "") in letters else ""
        ax.annotate(
            f"n = {line.enrollment} · {line.route} · {line.results}{_where(line)}{mark}",
            xy=(len(PHASES) - 0.45, -y),
            xycoords="data",
            fontsize=7.5,
            va="center",
            ha="left",
            annotation_clip=False,
        )


def _where(line) -> str:
    """Where the review says a printed outcome appeared (fourth reading 4.2), kept apart from Table 3's own words.

    Table 3 prints the reference of a row without a registry number itself ("in ref. [39]"); a trial's
    publication is known only from the reference list, whose entry names its NCT number, so the label says
    so rather than credit Table 3's Results column with it (fifth reading 5.1).
    """
    where = str(getattr(line, "results_in", "") or "")
    ref = where.split(",")[0]
    if not where:
        return ""
    if "whose entry names" in where:
        return f"; published as {ref} (per the reference list)"
    return f" in {ref}"


def _band(ax, lines: pd.DataFrame, ys: list[int], other: list[int]) -> None:
    """A rule and a heading above the rows that are not trials."""
    first = ys[other[0]] - 1
    ax.axhline(-first + 0.5, color="#555555", linewidth=0.8)
    ax.text(
        -0.45,
        -first,
        f"not a trial: {', '.join(dict.fromkeys(lines['design'].iloc[other]))} (Table 3 lists it among the trials)",
        fontsize=7.5,
        va="center",
        ha="left",
        style="italic",
        color="#333333",
    )


def trial_landscape(lines: pd.DataFrame, *, title: str, subtitle: str = "", note: str = "") -> plt.Figure:
    """Draw :func:`helpers.analysis.trials.landscape`; no row draws an empty-state message.

    At most :data:`MAX_LINES` rows are drawn, the first in ``lines``' order,
    and the note then says how many were left out. Each mark is one
    ``PathCollection`` whose interior area is :func:`mark_area` of its
    enrollment.
    """
    if len(lines) > MAX_LINES:
        cut = f"Drawn: the first {MAX_LINES} of {len(lines)} rows; the data file lists every one."
        lines, note = lines.head(MAX_LINES), f"{note} {cut}".strip()
    letters = _footnotes(lines) if "note" in lines else {}
    if letters:
        note = " ".join([note, *(f"({letter}) {text}." for text, letter in letters.items())]).strip()
    # Under the chart: the legends (1.25 in) above the note, however long it is.
    above = note_height(note) + 0.2
    fig, ax = plt.subplots(figsize=(11.0, 0.36 * max(len(lines) + 1, 6) + 2.0 + above))
    frame(fig, title=title, subtitle=subtitle, note=note)
    if lines.empty:
        ax.axis("off")
        ax.text(
            0.5,
            0.5,
            "No clinical study in this selection.",
            ha="center",
            va="center",
            fontsize=11,
            transform=ax.transAxes,
        )
        return fig
    height = fig.get_figheight()
    other = [i for i, d in enumerate(lines["design"]) if d != REGISTERED_TRIAL]
    # One blank line above the first row that is not a trial holds the band's heading.
    ys = [i + (1 if other and i >= other[0] else 0) for i in range(len(lines))]
    fig.subplots_adjust(
        left=0.30, right=0.76, top=1 - (1.2 if subtitle else 0.95) / height, bottom=(above + 1.25) / height
    )
    _marks(ax, lines, ys, letters)
    if other:
        _band(ax, lines, ys, other)
    ax.set_yticks([-y for y in ys], list(lines["label"]), fontsize=8)
    ax.set_xticks(range(len(PHASES)), [f"phase {p}" if p != NOT_A_TRIAL else p for p in PHASES], fontsize=9)
    ax.set_xlim(-0.5, len(PHASES) - 0.5)
    ax.set_ylim(-ys[-1] - 0.6, 0.6)
    ax.xaxis.tick_top()
    ax.grid(True, axis="x", color="#e6e6e6")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(
        len(PHASES) - 0.45,
        0.75,
        "enrollment as printed · route · results (Table 3's Results column)",
        fontsize=7.5,
        ha="left",
        va="bottom",
        color="#333333",
    )
    _legends(fig, lines, height, above)
    return fig
