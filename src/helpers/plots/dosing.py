"""Draw the dosing exhibit: doses by kind, follow-up in days, routes, and what the studies report."""

from __future__ import annotations

import pandas as pd
from matplotlib.collections import LineCollection

from helpers.plots.common import DISEASE_COLOURS, MODALITY_NAMES, frame, plt

__all__ = ["dosing_figure"]

_MARKERS = {"cells": "o", "exosomes": "s"}
# Greys for the count panels: colour already means disease in the strip panels above.
_GREYS = {"cells": "#4d4d4d", "exosomes": "#b3b3b3"}


#: Above this many marks a strip panel is rasterized in SVG and PDF: one vector
#: element per study would make the files, and the notebook that shows the SVG,
#: grow with the data (a few MB at a few thousand studies).
RASTER_ABOVE = 400


def _strip(ax, rows: list[str], table: pd.DataFrame, key: str, low: str, high: str, label: str) -> None:
    """Each study a mark on a log axis, its dose range a line; rows are the groups.

    The lines go into one collection and the marks into one scatter per
    marker shape, so the cost of drawing grows with the studies, not with
    the matplotlib calls.
    """
    segments, segment_colours = [], []
    marks: dict[str, tuple[list, list, list]] = {m: ([], [], []) for m in _MARKERS}
    for y, name in enumerate(rows):
        part = table[table[key] == name]
        spread = min(0.5 / max(len(part), 1), 0.09)
        columns = part[[low, high, "disease", "modality"]].itertuples(index=False)
        for i, (lo, hi, disease, modality) in enumerate(columns):
            yy = -y + (i - (len(part) - 1) / 2) * spread
            colour = DISEASE_COLOURS.get(disease, "#999999")
            if hi != lo:
                segments.append([(lo, yy), (hi, yy)])
                segment_colours.append(colour)
            xs, ys, colours = marks[modality]
            xs += [lo, hi]
            ys += [yy, yy]
            colours += [colour, colour]
    raster = sum(len(xs) for xs, _, _ in marks.values()) > RASTER_ABOVE
    if segments:
        ax.add_collection(LineCollection(segments, colors=segment_colours, linewidths=1.2, rasterized=raster))
    for modality, (xs, ys, colours) in marks.items():
        if xs:
            ax.scatter(
                xs,
                ys,
                color=colours,
                marker=_MARKERS[modality],
                s=22,
                zorder=3,
                edgecolors="white",
                linewidths=0.4,
                rasterized=raster,
            )
    ax.set_xscale("log")
    ax.set_yticks([-y for y in range(len(rows))], rows, fontsize=8)
    ax.set_ylim(-len(rows) + 0.5, 0.5)
    ax.set_xlabel(label, fontsize=8.5)
    ax.grid(True, axis="x", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)


def _routes(ax, routes: pd.DataFrame) -> None:
    order = routes.groupby("route")["studies"].sum().sort_values().index
    left = pd.Series(0, index=order)
    for modality in ("cells", "exosomes"):
        part = routes[routes["modality"] == modality].set_index("route")["studies"].reindex(order, fill_value=0)
        ax.barh(range(len(order)), part, left=left, color=_GREYS[modality], label=MODALITY_NAMES[modality])
        left += part
    ax.set_yticks(range(len(order)), list(order), fontsize=8)
    ax.set_xlabel("studies", fontsize=8.5)
    ax.legend(loc="lower right", frameon=False, fontsize=7.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)


def _complete(ax, summary: pd.DataFrame, items: tuple[str, ...]) -> None:
    for offset, modality in ((0.18, "cells"), (-0.18, "exosomes")):
        part = summary[summary["modality"] == modality].set_index("item").reindex(list(items))
        ys = [-i + offset for i in range(len(items))]
        ax.barh(ys, part["share"].fillna(0), height=0.34, color=_GREYS[modality], label=MODALITY_NAMES[modality])
        for y, (share, reported, applicable) in zip(ys, part[["share", "reported", "applicable"]].to_numpy()):
            text = f"{int(reported)}/{int(applicable)}" if applicable == applicable and applicable else "n/a"
            ax.text((share if share == share else 0) + 1.5, y, text, va="center", fontsize=7)
    ax.set_yticks([-i for i in range(len(items))], list(items), fontsize=8)
    ax.set_xlim(0, 118)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, fontsize=7.5)
    ax.set_xlabel("% of studies where the item applies", fontsize=8.5)
    ax.spines[["top", "right"]].set_visible(False)


def dosing_figure(
    doses: pd.DataFrame,
    follow: pd.DataFrame,
    routes: pd.DataFrame,
    summary: pd.DataFrame,
    items: tuple[str, ...],
    *,
    missing: dict[str, int],
    title: str,
    subtitle: str = "",
    note: str = "",
) -> plt.Figure:
    """Four panels: doses by kind, follow-up by disease, routes, and reporting completeness.

    ``missing`` counts the studies without a readable dose and without a follow-up, shown in the panels'
    titles so "not reported" is never dropped.
    """
    fig = plt.figure(figsize=(12.0, 9.0))
    frame(fig, title=title, subtitle=subtitle, note=note)
    if doses.empty and follow.empty and routes.empty:
        fig.text(0.5, 0.5, "No study in this selection.", ha="center", va="center", fontsize=11)
        return fig
    top = 1 - (1.15 if subtitle else 0.9) / 9.0
    grid = fig.add_gridspec(2, 2, left=0.15, right=0.98, top=top, bottom=0.21, hspace=0.45, wspace=0.45)
    kinds = list(
        dict.fromkeys(
            doses.sort_values("dose_kind")["dose_kind"] + " (" + doses.sort_values("dose_kind")["dose_unit"] + ")"
        )
    )
    labelled = doses.assign(kind_label=doses["dose_kind"] + " (" + doses["dose_unit"] + ")")
    ax = fig.add_subplot(grid[0, 0])
    _strip(ax, kinds, labelled, "kind_label", "dose_low", "dose_high", "dose per study, lowest to highest arm")
    ax.set_title(
        f"Doses by kind, never converted between kinds (not reported: {missing['dose']})", fontsize=9, loc="left"
    )
    ax = fig.add_subplot(grid[0, 1])
    diseases = [d for d in DISEASE_COLOURS if d in set(follow["disease"])]
    _strip(
        ax,
        diseases,
        follow.assign(high=follow["follow_up_days"]),
        "disease",
        "follow_up_days",
        "high",
        "follow-up, days",
    )
    ax.set_title(f"Follow-up (not reported: {missing['follow-up']})", fontsize=9, loc="left")
    _routes(fig.add_subplot(grid[1, 0]), routes)
    fig.axes[-1].set_title("Routes (a study with two routes counts twice)", fontsize=9, loc="left")
    _complete(fig.add_subplot(grid[1, 1]), summary, items)
    fig.axes[-1].set_title("What the studies report", fontsize=9, loc="left", pad=16)
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker=_MARKERS[m], linestyle="", color="#555555", label=MODALITY_NAMES[m])
        for m in ("cells", "exosomes")
    ]
    handles += [Line2D([], [], marker="o", linestyle="", color=c, label=d) for d, c in DISEASE_COLOURS.items()]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.075), ncol=4, frameon=False, fontsize=8)
    return fig
