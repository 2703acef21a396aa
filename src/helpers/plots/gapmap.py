"""Draw the gap map: one grid per modality, a circle for preclinical studies and a diamond for clinical studies.

Mark area is proportional to the count it is labelled with, on one scale for
both panels and for both marker shapes (matplotlib sizes a circle by its
diameter and a diamond by the side of its square, so the two get different
``s`` for one area). The area is the one a mark covers with its edge stroke,
by the rule the evidence maps use (:func:`helpers.plots.fig1.marker_size`),
and the size key is drawn by the same rule with the same stroke.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from helpers.analysis.gapmap import disease_label
from helpers.core.vocab import TISSUE_CODES
from helpers.plots.common import frame, note_height, plt
from helpers.plots.fig1 import marker_size

__all__ = ["gap_map", "mark_area", "SHADES", "AREA_PER_STUDY", "SIZE_KEY", "PANEL_TITLES", "EDGE", "UNIT_AREA"]

#: Cell shading by which side has evidence (pale, so the marks stay readable), with its legend text.
SHADES = {
    "preclinical only": ("#FBE3C8", "", "preclinical rows, no clinical study in Table 3"),
    "clinical only": ("#CFE3F3", "", "clinical study, no preclinical row in Tables 1-2"),
    "clinical; preclinical as comparator arm only": (
        "#CFE3F3",
        "////",
        "clinical study; preclinical only as another study's comparator arm",
    ),
    "both": ("#FFFFFF", "", "both: preclinical rows and a clinical study"),
    "comparator arm only": ("#F4F4F4", "////", "only a comparator arm of another source's study"),
    "neither": ("#F4F4F4", "", "neither: no row of Tables 1-3"),
}
PANEL_TITLES = {"cells": "MSCs (Tables 1 and 3)", "exosomes": "MSC-derived exosomes (Tables 2 and 3)"}
_PRE, _TRIAL = "#0072B2", "#D55E00"
#: Mark area in square points per study counted, the same in both panels and for both shapes.
AREA_PER_STUDY = 70.0
#: Counts shown in the size key.
SIZE_KEY = (1, 4, 8)
#: Area of matplotlib's unit marker path per unit of ``s``: a circle of diameter 1, a diamond of side 1.
UNIT_AREA = {"o": math.pi / 4, "D": 1.0}
#: The edge stroke of every mark and size-key entry, in points.
EDGE = 0.9
_DX = 0.25
#: How far, in rows, the marks of a cell with two lines of labels move up.
_LIFT = 0.12


def mark_area(count: int) -> float:
    """The area, in square points, of a mark labelled ``count``."""
    return AREA_PER_STUDY * count


def _s(count: int, marker: str) -> float:
    """Matplotlib's ``s`` whose mark, its :data:`EDGE` stroke included, covers :func:`mark_area` (count)."""
    return marker_size(mark_area(count) / UNIT_AREA[marker], EDGE)


def _label(code: str) -> str:
    # "(AD-MSC)" rather than "(AD)": the tissue code must not read as Alzheimer's disease.
    return f"{textwrap.fill(TISSUE_CODES[code], 10)}\n({code}-MSC)" if code in TISSUE_CODES else code


def _mark(ax, x: float, y: float, count: int, marker: str, colour: str, filled: bool, text: str) -> None:
    ax.scatter(
        [x],
        [y],
        s=_s(count, marker),
        marker=marker,
        facecolor=colour if filled else "white",
        edgecolor=colour,
        linewidth=EDGE,
        zorder=3,
    )
    ax.text(
        x,
        y,
        text,
        ha="center",
        va="center",
        fontsize=7,
        zorder=4,
        fontweight="bold",
        color="white" if filled else colour,
    )


def _panel(ax, cells: pd.DataFrame, diseases: list, sources: list, title: str) -> None:
    for line in cells.itertuples(index=False):
        x, row = sources.index(line.source), -diseases.index(line.disease)
        face, hatch, _ = SHADES[line.gap]
        ax.add_patch(
            Rectangle(
                (x - 0.5, row - 0.5), 1, 1, facecolor=face, hatch=hatch, edgecolor="#d0d0d0", linewidth=0.6, zorder=0
            )
        )
        counted = (
            (line.no_animal_arm, "no animal arm"),
            (line.questioned, "questioned"),
            (line.other_model, "other model"),
        )
        notes = [f"{n} {word}" for n, word in counted if n]
        if notes:
            ax.text(x, row - 0.44, "\n".join(notes), ha="center", va="bottom", fontsize=5.5, color="#333333", zorder=4)
        # Two lines of labels reach the largest mark (8) unless the marks move up; one line does not.
        y = row + (_LIFT if len(notes) > 1 else 0.0)
        if line.preclinical:
            _mark(ax, x - _DX, y, line.preclinical, "o", _PRE, True, str(line.preclinical))
        elif line.comparator:
            _mark(ax, x - _DX, y, line.comparator, "o", _PRE, False, str(line.comparator))
        clinical = line.trials + line.other_clinical
        if clinical:
            text = f"{line.trials}+{line.other_clinical}" if line.trials and line.other_clinical else str(clinical)
            _mark(ax, x + _DX, y, clinical, "D", _TRIAL, bool(line.trials), text)
        if line.wider_purpose or line.title_other_disease:  # filed under one disease, but purpose or title differ
            ax.text(x + _DX + 0.13, y + 0.13, "*", ha="left", va="bottom", fontsize=9, color=_TRIAL, zorder=4)
    ax.set_xticks(range(len(sources)), [_label(s) for s in sources], fontsize=7.5)
    ax.set_yticks(
        [-i for i in range(len(diseases))],
        [disease_label(d, wrap=True) for d in diseases],
        fontsize=8.5,
    )
    ax.set_xlim(-0.5, len(sources) - 0.5)
    ax.set_ylim(-len(diseases) + 0.5, 0.5)
    ax.set_title(title, fontsize=10, loc="left")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _legend(fig, cells: pd.DataFrame, above: float) -> None:
    def disc(marker, colour, filled, label, count=2):
        size = math.sqrt(_s(count, marker))
        return Line2D(
            [],
            [],
            marker=marker,
            linestyle="",
            markersize=size,
            markerfacecolor=colour if filled else "white",
            markeredgecolor=colour,
            markeredgewidth=EDGE,
            label=label,
        )

    marks = [
        disc("o", _PRE, True, "preclinical rows (Tables 1-2)", 1),
        disc("o", _PRE, False, "source named only as a comparator arm", 1),
        disc("D", _TRIAL, True, "registered trials (Table 3)", 1),
        disc("D", _TRIAL, False, "clinical study that is not a trial (Table 3)", 1),
    ]
    sizes = [disc("o", "#999999", True, f"{n}", n) for n in SIZE_KEY]
    shown = [
        g for g in SHADES if g in set(cells["gap"]) or g in ("both", "neither", "preclinical only", "clinical only")
    ]
    shades = [Patch(facecolor=SHADES[g][0], hatch=SHADES[g][1], edgecolor="#b0b0b0", label=SHADES[g][2]) for g in shown]
    height = fig.get_figheight()
    for handles, title, x, y, ncol, pad in (
        (marks, "marks (number in the mark = count)", 0.01, above + 1.05, 4, 0.6),
        (sizes, "mark area = count", 0.01, above, 3, 1.4),
        (shades, "cell shading", 0.24, above, 2, 0.6),
    ):
        legend = fig.legend(
            handles=handles,
            title=title,
            loc="lower left",
            bbox_to_anchor=(x, y / height),
            ncol=ncol,
            frameon=False,
            fontsize=7.5,
            title_fontsize=7.5,
            alignment="left",
            handlelength=2.4,
            handletextpad=pad,
            columnspacing=1.4,
        )
        fig.add_artist(legend)


def gap_map(cells: pd.DataFrame, *, title: str, subtitle: str = "", note: str = "") -> plt.Figure:
    """Draw the gap map from :func:`helpers.analysis.gapmap.grid`; an empty grid draws an empty-state message."""
    # Under the grids: the legends (2.4 in) above the note, however long it is.
    above = note_height(note, 215) + 0.15
    fig = plt.figure(figsize=(13.0, 7.6 + above))
    frame(fig, title=title, subtitle=subtitle, note=note, width=215)
    counted = ["preclinical", "trials", "other_clinical", "comparator"]
    if cells.empty or not cells[counted].to_numpy().sum():
        fig.text(0.5, 0.5, "No study or trial in this selection.", ha="center", va="center", fontsize=11)
        return fig
    diseases = list(dict.fromkeys(cells["disease"]))
    sources = list(dict.fromkeys(cells["source"]))
    modalities = [
        m for m in dict.fromkeys(cells["modality"]) if cells.loc[cells["modality"] == m, counted].to_numpy().sum()
    ]
    top = 1 - (1.15 if subtitle else 0.9) / fig.get_figheight()
    axes = fig.subplots(
        1,
        len(modalities),
        sharey=True,
        gridspec_kw={
            "left": 0.14,
            "right": 0.99,
            "top": top,
            "bottom": (above + 2.4) / fig.get_figheight(),
            "wspace": 0.05,
        },
    )
    axes = [axes] if len(modalities) == 1 else list(axes)
    for ax, modality in zip(axes, modalities):
        _panel(ax, cells[cells["modality"] == modality], diseases, sources, PANEL_TITLES.get(modality, modality))
    _legend(fig, cells, above)
    return fig
