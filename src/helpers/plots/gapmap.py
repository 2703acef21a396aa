"""Draw the gap map: one grid per modality, a circle for preclinical studies and a diamond for trials."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from helpers.core.vocab import DISEASE_CODES, TISSUE_CODES
from helpers.plots.common import MODALITY_NAMES, frame, plt

__all__ = ["gap_map", "SHADES"]

#: Cell shading by which side has evidence (pale, so the marks stay readable).
SHADES = {"preclinical only": "#FBE3C8", "trials only": "#CFE3F3", "both": "#FFFFFF", "neither": "#F4F4F4"}
_PRE, _TRIAL = "#0072B2", "#D55E00"


def _label(code: str) -> str:
    return f"{textwrap.fill(TISSUE_CODES[code], 10)}\n({code})" if code in TISSUE_CODES else code


def _panel(ax, cells: pd.DataFrame, diseases: list, sources: list, title: str) -> None:
    largest = max(int(cells[["preclinical", "trials"]].to_numpy().max()), 1)
    for line in cells.itertuples(index=False):
        x, y = sources.index(line.source), -diseases.index(line.disease)
        ax.add_patch(
            Rectangle(
                (x - 0.5, y - 0.5), 1, 1, facecolor=SHADES[line.gap], edgecolor="#d0d0d0", linewidth=0.6, zorder=0
            )
        )
        for count, dx, marker, colour in ((line.preclinical, -0.2, "o", _PRE), (line.trials, 0.2, "D", _TRIAL)):
            if count:
                ax.scatter([x + dx], [y], s=70 + 330 * count / largest, marker=marker, color=colour, zorder=3)
                ax.text(
                    x + dx,
                    y,
                    str(count),
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color="white",
                    zorder=4,
                    fontweight="bold",
                )
    ax.set_xticks(range(len(sources)), [_label(s) for s in sources], fontsize=8)
    ax.set_yticks([-i for i in range(len(diseases))], [DISEASE_CODES[d] for d in diseases], fontsize=8.5)
    ax.set_xlim(-0.5, len(sources) - 0.5)
    ax.set_ylim(-len(diseases) + 0.5, 0.5)
    ax.set_title(title, fontsize=10, loc="left")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def gap_map(cells: pd.DataFrame, *, title: str, subtitle: str = "", note: str = "") -> plt.Figure:
    """Draw the gap map from :func:`helpers.analysis.gapmap.grid`; an empty grid draws an empty-state message."""
    fig = plt.figure(figsize=(12.0, 6.2))
    frame(fig, title=title, subtitle=subtitle, note=note)
    if cells.empty or not (cells["preclinical"].sum() + cells["trials"].sum()):
        fig.text(0.5, 0.5, "No study or trial in this selection.", ha="center", va="center", fontsize=11)
        return fig
    diseases = list(dict.fromkeys(cells["disease"]))
    sources = list(dict.fromkeys(cells["source"]))
    modalities = [
        m
        for m in dict.fromkeys(cells["modality"])
        if cells.loc[cells["modality"] == m, ["preclinical", "trials"]].to_numpy().sum()
    ]
    top = 1 - (1.15 if subtitle else 0.9) / fig.get_figheight()
    axes = fig.subplots(
        1,
        len(modalities),
        sharey=True,
        gridspec_kw={"left": 0.16, "right": 0.99, "top": top, "bottom": 0.30, "wspace": 0.06},
    )
    axes = [axes] if len(modalities) == 1 else list(axes)
    for ax, modality in zip(axes, modalities):
        part = cells[cells["modality"] == modality]
        _panel(ax, part, diseases, sources, f"{MODALITY_NAMES[modality]}")
    handles = [
        Line2D([], [], marker="o", linestyle="", color=_PRE, markersize=9, label="preclinical studies"),
        Line2D([], [], marker="D", linestyle="", color=_TRIAL, markersize=8, label="clinical studies"),
        Patch(facecolor=SHADES["preclinical only"], edgecolor="#d0d0d0", label="preclinical evidence, no trial"),
        Patch(facecolor=SHADES["trials only"], edgecolor="#d0d0d0", label="trial, no preclinical study here"),
    ]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.085), ncol=4, frameon=False, fontsize=8.5)
    return fig
