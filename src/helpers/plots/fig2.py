"""Fig. 2: a three-column flow diagram, MSC source → disease → pathway family.

Draws the strands of :func:`helpers.analysis.evidence.strands`: one unit per study,
split among its sources and its pathway families, so the three columns
have the same total height. Bands take the colour of their disease; bands
of MSC-derived exosomes are hatched, those of MSCs solid.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as MplPath

from helpers.analysis import evidence
from helpers.plots.common import DISEASE_COLOURS, MODALITY_NAMES, frame, plt

__all__ = ["flow_diagram", "COLUMNS"]

#: The strand columns drawn, left to right, with their headings.
COLUMNS = (("source", "MSC tissue source"), ("disease", "Disease"), ("target", "Pathway family"))
_WIDTH = 0.035  # node width, in axis units (columns sit at x = 0, 1, 2)
_HATCH = {"cells": "", "exosomes": "////"}
_ALPHA = 0.72
_FALLBACK = "#999999"


def _ribbon(
    ax, x0: float, y0: tuple[float, float], x1: float, y1: tuple[float, float], colour: str, hatch: str
) -> None:
    """A filled band from (x0, y0-span) to (x1, y1-span) with S-shaped edges."""
    mid = (x0 + x1) / 2
    verts = [
        (x0, y0[0]),
        (mid, y0[0]),
        (mid, y1[0]),
        (x1, y1[0]),
        (x1, y1[1]),
        (mid, y1[1]),
        (mid, y0[1]),
        (x0, y0[1]),
        (x0, y0[0]),
    ]
    codes = [
        MplPath.MOVETO,
        MplPath.CURVE4,
        MplPath.CURVE4,
        MplPath.CURVE4,
        MplPath.LINETO,
        MplPath.CURVE4,
        MplPath.CURVE4,
        MplPath.CURVE4,
        MplPath.CLOSEPOLY,
    ]
    # The hatch takes the edge colour; a zero-width white edge draws white stripes only.
    ax.add_patch(
        PathPatch(MplPath(verts, codes), facecolor=colour, edgecolor="white", linewidth=0, alpha=_ALPHA, hatch=hatch)
    )


def _stack(column: pd.DataFrame, name: str, gap: float) -> dict[str, list[float]]:
    """Lay a column's nodes top to bottom: each node's [top, bottom]."""
    out, top = {}, 0.0
    for label, weight in zip(column[name], column["weight"]):
        out[label] = [top, top - weight]
        top -= weight + gap
    return out


def _bands(ax, links: pd.DataFrame, a: str, b: str, layout: dict, xs: tuple[float, float]) -> None:
    """Draw the bands between columns ``a`` and ``b``, stacked in the other side's node order."""
    a_top = {k: v[0] for k, v in layout[a].items()}
    b_top = {k: v[0] for k, v in layout[b].items()}
    rank = {k: i for i, k in enumerate([*layout[a], *layout[b], "cells", "exosomes"])}
    # Order at the a side: by b node, then modality; each node fills from its top.
    order_a = links.sort_values([b, "modality"], key=lambda s: s.map(rank), kind="stable")
    starts = {}
    for link in order_a.itertuples(index=False):
        key = (getattr(link, a), getattr(link, b), link.modality)
        starts[key] = a_top[key[0]]
        a_top[key[0]] -= link.weight
    order_b = links.sort_values([a, "modality"], key=lambda s: s.map(rank), kind="stable")
    for link in order_b.itertuples(index=False):
        key = (getattr(link, a), getattr(link, b), link.modality)
        disease = key[1] if b == "disease" else key[0]
        y0, y1 = starts[key], b_top[key[1]]
        _ribbon(
            ax,
            xs[0] + _WIDTH / 2,
            (y0, y0 - link.weight),
            xs[1] - _WIDTH / 2,
            (y1, y1 - link.weight),
            DISEASE_COLOURS.get(disease, _FALLBACK),
            _HATCH[link.modality],
        )
        b_top[key[1]] -= link.weight


def _nodes(ax, x: float, column: pd.DataFrame, name: str, placed: dict, side: str) -> None:
    """Draw one column's nodes and write each label beside its node."""
    for label, studies in zip(column[name], column["studies"]):
        top, bottom = placed[label]
        fill = DISEASE_COLOURS.get(label, _FALLBACK) if name == "disease" else "#4d4d4d"
        ax.add_patch(
            Rectangle((x - _WIDTH / 2, bottom), _WIDTH, top - bottom, facecolor=fill, edgecolor="white", linewidth=0.6)
        )
        text = f"{label}  (n = {studies})"
        middle = (top + bottom) / 2
        if side == "left":
            ax.text(x - _WIDTH, middle, text, ha="right", va="center", fontsize=8.5)
        elif side == "right":
            ax.text(x + _WIDTH, middle, text, ha="left", va="center", fontsize=8.5)
        else:
            box = {"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.9}
            ax.text(x - _WIDTH, middle, text, ha="right", va="center", fontsize=8.5, fontweight="bold", bbox=box)


def _by_barycentre(column: pd.DataFrame, strand_frame: pd.DataFrame, name: str, diseases: list[str]) -> pd.DataFrame:
    """Order an outer column by the mean position of the diseases it feeds, so fewer bands cross."""
    rank = strand_frame["disease"].map({d: i for i, d in enumerate(diseases)})
    centre = (rank * strand_frame["weight"]).groupby(strand_frame[name]).sum() / strand_frame.groupby(name)[
        "weight"
    ].sum()
    keyed = column.assign(_centre=column[name].map(centre))
    return keyed.sort_values(["_centre", "weight", name], ascending=[True, False, True], ignore_index=True).drop(
        columns="_centre"
    )


def flow_diagram(strand_frame: pd.DataFrame, *, title: str, subtitle: str = "", note: str = "") -> plt.Figure:
    """Draw Fig. 2 from :func:`helpers.analysis.evidence.strands`.

    Parameters
    ----------
    strand_frame : pandas.DataFrame
        The weighted strands; may be empty, which draws an empty-state
        message instead of a diagram.
    title, subtitle, note : str
        See :func:`helpers.plots.common.frame`.
    """
    fig, ax = plt.subplots(figsize=(11.0, 8.0))
    ax.axis("off")
    frame(fig, title=title, subtitle=subtitle, note=note)
    if strand_frame.empty:
        ax.text(
            0.5,
            0.5,
            "No study in this selection names a pathway family.",
            ha="center",
            va="center",
            fontsize=11,
            transform=ax.transAxes,
        )
        return fig
    total = strand_frame["weight"].sum()
    gap = total * 0.035
    columns = {name: evidence.nodes(strand_frame, name) for name, _ in COLUMNS}
    for outer in ("source", "target"):
        columns[outer] = _by_barycentre(columns[outer], strand_frame, outer, list(columns["disease"]["disease"]))
    layout = {name: _stack(columns[name], name, gap) for name, _ in COLUMNS}
    _bands(ax, evidence.links(strand_frame, "source", "disease"), "source", "disease", layout, (0.0, 1.0))
    _bands(ax, evidence.links(strand_frame, "disease", "target"), "disease", "target", layout, (1.0, 2.0))
    for x, (name, heading), side in zip((0.0, 1.0, 2.0), COLUMNS, ("left", "middle", "right")):
        _nodes(ax, x, columns[name], name, layout[name], side)
        ax.text(x, gap * 1.2, heading, ha="center", va="bottom", fontsize=10.5, fontweight="bold")
    lowest = min(bottom for placed in layout.values() for _, bottom in placed.values())
    drawn = strand_frame.drop_duplicates(["table", "row"])["modality"].value_counts()
    handles = [
        Patch(facecolor="#8c8c8c", edgecolor="white", hatch=_HATCH[m], label=f"{MODALITY_NAMES[m]}, n = {n}")
        for m, n in sorted(drawn.items())
    ]
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=8.5, handleheight=1.4)
    ax.set_xlim(-0.95, 2.95)
    ax.set_ylim(lowest - gap, gap * 3.0)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.93 if subtitle else 0.95, bottom=0.09)
    return fig
