"""Fig. 1: an evidence map, category × disease, for MSCs and their exosomes.

Draws :func:`helpers.analysis.evidence.matrix`: in each cell, one dot for MSC
studies (Table 1) and one for exosome studies (Table 2), its area
proportional to the number of studies and the number written on it. A bar
panel on the right gives each row's total. Rows are grouped by kind
(mechanisms, then cargo); each group ends with the studies that name none.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from helpers.core.vocab import DISEASE_CODES, MODALITIES
from helpers.plots.common import MODALITY_COLOURS, MODALITY_NAMES, frame, plt

__all__ = ["evidence_map", "row_order"]

_OFFSET = {"cells": -0.17, "exosomes": 0.17}
_TEXT = {"cells": "white", "exosomes": "black"}
_KIND_TITLES = {"mechanism": "Mechanisms", "pathway": "Pathway families", "cargo": "Cargo"}


def _is_none(category: str) -> bool:
    """The rows that count studies with nothing to show, which always come last."""
    return category.startswith("No ") or category == "not reported"


def row_order(cells: pd.DataFrame) -> list[tuple[str, str]]:
    """Rows top to bottom: by kind, then most studies first; each kind's "No … named" or "not reported" row last."""
    totals = cells.groupby(["kind", "category"], sort=False)["studies"].sum()
    rows = []
    for kind in dict.fromkeys(cells["kind"]):
        part = totals[kind]
        named = sorted((c for c in part.index if not _is_none(c)), key=lambda c: (-part[c], c))
        rows += [(kind, c) for c in named] + [(kind, c) for c in part.index if _is_none(c)]
    return rows


def _dots(ax, cells: pd.DataFrame, y_of: dict, x_of: dict) -> None:
    """One dot per cell and modality; area grows with the count from a size that fits its number."""
    largest = max(int(cells["studies"].max()), 1)
    for line in cells.itertuples(index=False):
        x, y = x_of[line.disease] + _OFFSET[line.modality], y_of[line.kind, line.category]
        ax.scatter(
            [x],
            [y],
            s=55 + 330 * line.studies / largest,
            color=MODALITY_COLOURS[line.modality],
            zorder=3,
            edgecolors="white",
            linewidths=0.5,
        )
        ax.text(x, y, str(line.studies), ha="center", va="center", fontsize=7, color=_TEXT[line.modality], zorder=4)


def _bars(ax, cells: pd.DataFrame, rows: list, y_of: dict, totals: dict[str, int]) -> None:
    per_row = cells.groupby(["kind", "category", "modality"])["studies"].sum()
    left = dict.fromkeys(rows, 0)
    for modality in MODALITIES:
        values = [per_row.get((*row, modality), 0) for row in rows]
        ax.barh(
            [y_of[r] for r in rows],
            values,
            left=[left[r] for r in rows],
            height=0.62,
            color=MODALITY_COLOURS[modality],
            label=f"{MODALITY_NAMES[modality]}, n = {totals.get(modality, 0)}",
        )
        for row, value in zip(rows, values):
            left[row] += value
    for row in rows:
        ax.text(left[row] + 0.3, y_of[row], str(left[row]), va="center", ha="left", fontsize=7.5)
    ax.set_yticks([])
    ax.set_xlabel("studies, all diseases", fontsize=8.5)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(left.values()) * 1.18 + 1)


def _matrix(ax, cells: pd.DataFrame, rows: list, y_of: dict) -> None:
    """The dot panel: one column per disease, one row per category."""
    diseases = [d for d in DISEASE_CODES.values() if d in set(cells["disease"])]
    x_of = {d: i for i, d in enumerate(diseases)}
    _dots(ax, cells, y_of, x_of)
    ax.set_xticks(range(len(diseases)), [textwrap.fill(d, 14, break_long_words=False) for d in diseases], fontsize=8.5)
    ax.xaxis.tick_top()
    ax.set_yticks([y_of[r] for r in rows], [r[1] for r in rows], fontsize=8.5)
    ax.set_xlim(-0.6, len(diseases) - 0.4)
    ax.grid(True, axis="y", color="#e6e6e6", linewidth=0.6, zorder=0)
    for i in range(len(diseases) - 1):
        ax.axvline(i + 0.5, color="#e6e6e6", linewidth=0.8, zorder=0)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _groups(fig, ax, side, rows: list, y_of: dict) -> None:
    """Shared row limits, a rule between kinds and each kind's heading in the margin."""
    for axis in (ax, side):
        axis.set_ylim(-len(rows) + 0.4, 0.6)
    kinds = list(dict.fromkeys(k for k, _ in rows))
    for index, kind in enumerate(kinds):
        first = next(y_of[r] for r in rows if r[0] == kind)
        if index:
            for axis in (ax, side):
                axis.axhline(first + 0.5, color="#555555", linewidth=0.8)
        ax.annotate(
            _KIND_TITLES.get(kind, kind),
            xy=(0, first + 0.5),
            xycoords=("figure fraction", "data"),
            xytext=(0.01, first + 0.5),
            textcoords=("figure fraction", "data"),
            fontsize=8.5,
            fontweight="bold",
            va="top",
            ha="left",
            color="#555555",
        )


def evidence_map(
    cells: pd.DataFrame, *, totals: dict[str, int], title: str, subtitle: str = "", note: str = ""
) -> plt.Figure:
    """Draw Fig. 1 from :func:`helpers.analysis.evidence.matrix`.

    Parameters
    ----------
    cells : pandas.DataFrame
        ``kind, category, disease, modality, studies``; may be empty, which
        draws an empty-state message.
    totals : dict
        Selected studies per modality, for the legend.
    title, subtitle, note : str
        See :func:`helpers.plots.common.frame`.
    """
    rows = row_order(cells) if not cells.empty else []
    fig = plt.figure(figsize=(11.0, 0.33 * max(len(rows), 6) + 2.6))
    frame(fig, title=title, subtitle=subtitle, note=note)
    if cells.empty:
        fig.text(0.5, 0.5, "No study in this selection.", ha="center", va="center", fontsize=11)
        return fig
    height = fig.get_figheight()  # margins in inches, so small and large maps read alike
    top = 1 - (1.25 if subtitle else 1.0) / height
    grid = fig.add_gridspec(
        1, 2, width_ratios=(3.2, 1.0), left=0.27, right=0.98, top=top, bottom=1.3 / height, wspace=0.05
    )
    ax, side = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
    y_of = {row: -i for i, row in enumerate(rows)}
    _matrix(ax, cells, rows, y_of)
    _groups(fig, ax, side, rows, y_of)
    _bars(side, cells, rows, y_of, totals)
    handles, labels = side.get_legend_handles_labels()
    fig.legend(
        handles, labels, loc="lower left", bbox_to_anchor=(0.01, 0.62 / height), ncol=2, frameon=False, fontsize=8.5
    )
    return fig
