"""Draw the effects exhibit: studies by effect direction and outcome level, per modality, in vivo apart from in vitro.

One panel per modality and field; each code has two bars, in vivo (solid) and
in vitro only (hatched, paler), whose heights are the counts printed above
them. Every code is drawn, also at 0, so that "no effect" and "worse" are
visibly empty rather than left out.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.effects import ANIMAL_MARK, FIELDS, IN_VITRO, IN_VIVO
from helpers.plots.common import MODALITY_COLOURS, MODALITY_NAMES, frame, note_height, plt

__all__ = ["effects", "OFFSET", "WIDTH", "FIELD_TITLES", "PANEL_NAMES", "LEGEND_NAMES"]

#: Horizontal offset of each arm's bar from its code's tick, and the bar width.
OFFSET = {IN_VIVO: -0.2, IN_VITRO: 0.2}
WIDTH = 0.38
_HATCH = {IN_VIVO: "", IN_VITRO: "////"}
_ALPHA = {IN_VIVO: 1.0, IN_VITRO: 0.55}
#: Panel heading of each field.
FIELD_TITLES = {
    "effect_direction": "Effect direction in the Effects cell",
    "outcome_level": "Highest outcome level its words name",
}
# Two-line tick labels so the codes fit.
_TICKS = {
    "cellular or molecular": "cellular or\nmolecular",
    "no effect": "no\neffect",
    "not stated": "not\nstated",
    "prospect only": "prospect\nonly",
}
#: Panel heading of each modality: Table 2 groups exosomes, EVs and mimetics (and one cell study, ref 58).
PANEL_NAMES = {"cells": "MSCs (Table 1)", "exosomes": "Vesicles of Table 2 (exosomes, EVs, mimetics)"}
#: Colour key: the legend names the modality beside each arm (first blind reading, effects 18).
LEGEND_NAMES = {"cells": "MSCs", "exosomes": "vesicles"}


def _panel(ax, part: pd.DataFrame, modality: str, field: str) -> None:
    """Two bars per code, each labelled with the count its height draws."""
    codes = FIELDS[field]
    for where in (IN_VIVO, IN_VITRO):
        rows = part[part["arm"] == where].set_index("code").reindex(codes)
        xs = [i + OFFSET[where] for i in range(len(codes))]
        total = int(rows["arm_total"].iloc[0])
        ax.bar(
            xs,
            rows["studies"],
            width=WIDTH,
            color=MODALITY_COLOURS[modality],
            alpha=_ALPHA[where],
            hatch=_HATCH[where],
            edgecolor="white",
            linewidth=0.5,
            label=f"{LEGEND_NAMES[modality]}, {where} (out of {total})",
            gid=f"{modality}|{field}|{where}",
        )
        marked = rows["animal_words"] if "animal_words" in rows else [0] * len(codes)
        for x, n, k in zip(xs, rows["studies"], marked):
            # The count is the bar's height; a mark says how many of them speak of animals though none is printed.
            label = f"{int(n)}" + (f" ({int(k)}{ANIMAL_MARK})" if k else "")
            ax.text(x, n + 0.3, label, ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(codes)), [_TICKS.get(c, c) for c in codes], fontsize=8)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=7.5, frameon=False, loc="upper right")


def effects(counts: pd.DataFrame, *, title: str, subtitle: str = "", note: str = ""):
    """Draw the counts of :func:`helpers.analysis.effects.counts`.

    Parameters
    ----------
    counts : pandas.DataFrame
        One row per modality, arm, field and code.
    title, subtitle, note : str
        The frame's texts (:func:`helpers.plots.common.frame`).

    Returns
    -------
    matplotlib.figure.Figure
    """
    totals = counts.drop_duplicates("modality").set_index("modality")["modality_total"]
    modalities = [m for m in MODALITY_NAMES if totals.get(m, 0) > 0]
    height = 3.0 * max(len(modalities), 1) + 1.0 + note_height(note)
    fig, axes = plt.subplots(max(len(modalities), 1), 2, figsize=(11, height), squeeze=False)
    if not modalities:
        axes[0][0].text(0.5, 0.5, "No tabulated studies in this selection", ha="center", va="center", fontsize=11)
        for ax in axes[0]:
            ax.set_axis_off()
    top = max(int(counts["studies"].max()) if len(counts) else 0, 1) + 4
    for r, modality in enumerate(modalities):
        part = counts[counts["modality"] == modality]
        total = int(part["modality_total"].iloc[0])
        for c, field in enumerate(FIELDS):
            ax = axes[r][c]
            _panel(ax, part[part["field"] == field], modality, field)
            ax.set_ylim(0, top)
            heading = f"{PANEL_NAMES[modality]}\n{FIELD_TITLES[field]}, out of {total} studies"
            ax.set_title(heading, fontsize=9.5, loc="left")
            if c == 0:
                ax.set_ylabel("studies", fontsize=9)
    frame(fig, title=title, subtitle=subtitle, note=note)
    bottom = (note_height(note) + 0.5) / height
    head = 1.1 if subtitle else 0.8  # a selection's subtitle needs room above the two-line panel headings
    fig.subplots_adjust(left=0.06, right=0.99, top=1 - head / height, bottom=bottom, hspace=0.65, wspace=0.12)
    return fig
