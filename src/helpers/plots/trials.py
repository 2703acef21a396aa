"""Draw the trial landscape: one line per trial, its phase, status, enrollment, modality and route."""

from __future__ import annotations

import pandas as pd
from matplotlib.lines import Line2D

from helpers.analysis.trials import PHASES, STATUS_ORDER
from helpers.plots.common import frame, plt

__all__ = ["trial_landscape", "STATUS_COLOURS", "MAX_LINES"]

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


def _size(n: int) -> float:
    return 30 + 2.2 * n  # area grows with participants; the smallest trial stays visible


def _legends(fig, lines: pd.DataFrame, height: float) -> None:
    """Two legends under the chart: the statuses present, and what the marker shapes mean."""
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
    first = fig.legend(
        handles=status_handles,
        title="status",
        loc="lower left",
        bbox_to_anchor=(0.01, 0.55 / height),
        ncol=len(status_handles),
        frameon=False,
        fontsize=8,
        title_fontsize=8,
        alignment="left",
    )
    fig.add_artist(first)
    fig.legend(
        handles=mark_handles,
        title="marker",
        loc="lower right",
        bbox_to_anchor=(0.99, 0.55 / height),
        ncol=len(mark_handles),
        frameon=False,
        fontsize=8,
        title_fontsize=8,
        alignment="left",
    )


def trial_landscape(lines: pd.DataFrame, *, title: str, subtitle: str = "", note: str = "") -> plt.Figure:
    """Draw :func:`helpers.analysis.trials.landscape`; no trial draws an empty-state message.

    At most :data:`MAX_LINES` trials are drawn, the first in ``lines``' order,
    and the note then says how many were left out.
    """
    if len(lines) > MAX_LINES:
        cut = f"Drawn: the first {MAX_LINES} of {len(lines)} trials; the data file lists every one."
        lines, note = lines.head(MAX_LINES), f"{note} {cut}".strip()
    fig, ax = plt.subplots(figsize=(11.0, 0.36 * max(len(lines), 6) + 2.4))
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
    fig.subplots_adjust(left=0.30, right=0.80, top=1 - (1.2 if subtitle else 0.95) / height, bottom=1.45 / height)
    for y, line in enumerate(lines.itertuples(index=False)):
        x = PHASES.index(line.phase)
        colour = STATUS_COLOURS.get(line.status, "#999999")
        ax.scatter(
            [x],
            [-y],
            s=_size(line.enrollment),
            marker=_MARKERS.get(line.modality, "o"),
            facecolor=colour if line.registered else "white",
            edgecolor=colour,
            linewidth=1.5,
            zorder=3,
        )
        ax.annotate(
            f"n = {line.enrollment} ({line.meaning}) · {line.route}",
            xy=(len(PHASES) - 0.45, -y),
            xycoords="data",
            fontsize=7.5,
            va="center",
            ha="left",
            annotation_clip=False,
        )
    ax.set_yticks([-y for y in range(len(lines))], list(lines["label"]), fontsize=8)
    ax.set_xticks(range(len(PHASES)), [f"phase {p}" if p != "no phase" else p for p in PHASES], fontsize=9)
    ax.set_xlim(-0.5, len(PHASES) - 0.5)
    ax.set_ylim(-len(lines) + 0.4, 0.6)
    ax.xaxis.tick_top()
    ax.grid(True, axis="x", color="#e6e6e6")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    _legends(fig, lines, height)
    return fig
