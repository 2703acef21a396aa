"""Draw Figures 1 and 2 as evidence diagrams (matplotlib, Agg backend).

Colours come from the Okabe–Ito palette, which stays distinguishable under
the common colour-vision deficiencies. Fonts are the matplotlib default
(DejaVu Sans, shipped with matplotlib) so the bytes do not depend on the
fonts a machine happens to have.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .style import configure_matplotlib

configure_matplotlib()

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import PathPatch, Rectangle  # noqa: E402
from matplotlib.path import Path as MplPath  # noqa: E402

__all__ = ["OKABE_ITO", "mechanism_bars", "alluvial"]

#: Okabe & Ito (2008) colour-blind-safe palette, without black.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"]
_MODALITY_COLOURS = {"cells": OKABE_ITO[0], "exosomes": OKABE_ITO[1]}


def mechanism_bars(counts: pd.DataFrame, *, title: str, note: str = "") -> plt.Figure:
    """Fig. 1: supporting studies per mechanism, cells and exosomes side by side.

    Parameters
    ----------
    counts : pandas.DataFrame
        Indexed by mechanism label with columns ``cells`` and ``exosomes``
        (from :func:`helpers.tags.support_counts`), in display order.
    title, note : str
        Figure title and a footnote.
    """
    labels = list(counts.index)[::-1]  # largest at the top
    y = np.arange(len(labels))
    height = 0.38
    fig, ax = plt.subplots(figsize=(8.0, 0.45 * len(labels) + 1.8))
    for offset, modality in ((height / 2, "cells"), (-height / 2, "exosomes")):
        if modality not in counts:
            continue
        values = counts[modality].iloc[::-1].to_numpy()
        bars = ax.barh(
            y + offset,
            values,
            height=height,
            color=_MODALITY_COLOURS[modality],
            label=f"MSCs as {'cells' if modality == 'cells' else 'exosomes'}",
        )
        for bar, value in zip(bars, values):
            if value:
                ax.text(
                    bar.get_width() + 0.1,
                    bar.get_y() + bar.get_height() / 2,
                    str(int(value)),
                    va="center",
                    ha="left",
                    fontsize=8,
                )
    ax.set_yticks(y, labels)
    ax.set_xlabel("Preclinical studies whose printed effects support the mechanism")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="lower right", frameon=False)
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    if note:
        fig.text(0.01, 0.005, note, fontsize=7, color="#444444", ha="left", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


def _ribbon(ax, x0: float, y0: tuple[float, float], x1: float, y1: tuple[float, float], colour: str) -> None:
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
    ax.add_patch(PathPatch(MplPath(verts, codes), facecolor=colour, edgecolor="none", alpha=0.55))


def _stack(totals: dict[str, float], gap: float) -> dict[str, list[float]]:
    """Lay nodes top to bottom; return each node's [top, bottom] in data units."""
    out, top = {}, 0.0
    for name, size in totals.items():
        out[name] = [top, top - size]
        top -= size + gap
    return out


_NODE_WIDTH = 0.06


def _bands(
    ax,
    links: pd.DataFrame,
    keys: tuple[str, str],
    nodes: tuple[dict, dict],
    xs: tuple[float, float],
    colour: dict[str, str],
) -> None:
    """Draw the bands between two columns; each node fills from its top, in the other side's order."""
    (a_key, b_key), (a_nodes, b_nodes), (x0, x1) = keys, nodes, xs
    a_top = {k: v[0] for k, v in a_nodes.items()}
    b_top = {k: v[0] for k, v in b_nodes.items()}
    rank = {**{k: i for i, k in enumerate(a_nodes)}, **{k: i for i, k in enumerate(b_nodes)}}
    for _, link in links.sort_values([a_key, b_key], key=lambda s: s.map(rank)).iterrows():
        n, a, b = float(link["studies"]), a_top[link[a_key]], b_top[link[b_key]]
        _ribbon(ax, x0 + _NODE_WIDTH / 2, (a, a - n), x1 - _NODE_WIDTH / 2, (b, b - n), colour[link["disease"]])
        a_top[link[a_key]] -= n
        b_top[link[b_key]] -= n


def _nodes(ax, x: float, nodes: dict, totals: dict, side: str, colour: dict[str, str], gap: float) -> None:
    """Draw one column's nodes and label them beside (outer columns) or above (middle)."""
    width = _NODE_WIDTH
    for name, (top, bottom) in nodes.items():
        fill = colour.get(name, "#555555") if side == "center" else "#555555"
        ax.add_patch(Rectangle((x - width / 2, bottom), width, top - bottom, facecolor=fill, edgecolor="white"))
        label = f"{name} ({int(totals[name])})"
        if side == "right":
            ax.text(x - width, (top + bottom) / 2, label, ha="right", va="center", fontsize=8)
        elif side == "left":
            ax.text(x + width, (top + bottom) / 2, label, ha="left", va="center", fontsize=8)
        else:
            box = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
            ax.text(x, top + gap * 0.15, label, ha="center", va="bottom", fontsize=8, fontweight="bold", bbox=box)


def alluvial(
    left: pd.DataFrame, right: pd.DataFrame, *, title: str, columns: tuple[str, str, str], note: str = ""
) -> plt.Figure:
    """Fig. 2: a three-column alluvial diagram, source → disease → pathway.

    Parameters
    ----------
    left : pandas.DataFrame
        ``source, disease, studies`` links.
    right : pandas.DataFrame
        ``disease, pathway, studies`` links.
    columns : tuple of str
        Column headings.

    Notes
    -----
    A band's width is the number of studies behind the link. A study with
    two sources or two pathway families adds to each, so the middle column
    can be fed unequally from its two sides; each side is scaled on its own.
    Colour follows the disease, so a reader can follow one disease through.
    """
    diseases = sorted(
        set(left["disease"]) | set(right["disease"]),
        key=lambda d: (-left.loc[left["disease"] == d, "studies"].sum(), d),
    )
    colour = {d: OKABE_ITO[i % len(OKABE_ITO)] for i, d in enumerate(diseases)}

    def order(frame: pd.DataFrame, key: str) -> dict[str, float]:
        sums = frame.groupby(key)["studies"].sum()
        return {k: float(sums[k]) for k in sorted(sums.index, key=lambda k: (-sums[k], k))}

    src_tot, pw_tot = order(left, "source"), order(right, "pathway")
    dis_in = {d: float(left.loc[left["disease"] == d, "studies"].sum()) for d in diseases}
    dis_out = {d: float(right.loc[right["disease"] == d, "studies"].sum()) for d in diseases}
    dis_tot = {d: max(dis_in[d], dis_out[d]) for d in diseases}
    span = max(sum(src_tot.values()), sum(dis_tot.values()), sum(pw_tot.values()), 1.0)
    gap = span * 0.045  # room for the middle column's labels
    src, dis, pw = _stack(src_tot, gap), _stack(dis_tot, gap), _stack(pw_tot, gap)

    fig, ax = plt.subplots(figsize=(10.0, 7.0))
    xs = (0.0, 1.0, 2.0)
    _bands(ax, left, ("source", "disease"), (src, dis), (xs[0], xs[1]), colour)
    _bands(ax, right, ("disease", "pathway"), (dis, pw), (xs[1], xs[2]), colour)
    _nodes(ax, xs[0], src, src_tot, "right", colour, gap)
    _nodes(ax, xs[1], dis, dis_tot, "center", colour, gap)
    _nodes(ax, xs[2], pw, pw_tot, "left", colour, gap)
    lowest = min(v[1] for v in (*src.values(), *dis.values(), *pw.values()))
    for x, heading in zip(xs, columns):
        ax.text(x, gap * 1.6, heading, ha="center", va="bottom", fontsize=10, fontweight="bold")
    ax.set_xlim(-0.75, 2.85)
    ax.set_ylim(lowest - gap, gap * 3.2)
    ax.axis("off")
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    if note:
        fig.text(0.01, 0.005, note, fontsize=7, color="#444444", ha="left", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig
