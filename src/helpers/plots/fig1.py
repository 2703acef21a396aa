"""Fig. 1: an evidence map, category × disease, for MSCs and their exosomes.

Draws :func:`helpers.analysis.evidence.matrix`: in each cell, one dot for MSC
studies (Table 1) and one for exosome studies (Table 2), its area
proportional to the number of studies (:func:`area_per_study` square points
each) and the number written beside it. Studies with an animal arm are
filled dots; studies done only in a dish are hollow dots further out, so the
eye never pools the two. A bar panel on the right gives each row's total.
Rows are grouped by kind; each group ends with the studies that name none.
The design and Fig. 2 exhibits draw their counts with the same function.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.transforms import ScaledTranslation

from helpers.analysis.evidence import FACTOR_ONLY, MechanismView
from helpers.core import edition
from helpers.core.vocab import DISEASE_CODES, MODALITIES
from helpers.core.words import plural
from helpers.outputs import narrative
from helpers.plots.common import MODALITY_COLOURS, MODALITY_NAMES, frame, plt

__all__ = [
    "draw",
    "evidence_map",
    "row_order",
    "area_per_study",
    "marker_size",
    "visible_area",
    "KIND_TITLES",
    "IN_VITRO",
]

#: Where a dot sits in its disease column, by modality and setting.
_OFFSET = {
    ("cells", "in vivo"): -0.22,
    ("exosomes", "in vivo"): 0.10,
    ("cells", "in vitro only"): -0.42,
    ("exosomes", "in vitro only"): 0.33,
}
#: The setting drawn hollow (and hatched in the bars).
IN_VITRO = "in vitro only"
KIND_TITLES = {
    "mechanism": "Processes and effects named",
    "pathway": "Signalling pathway families",
    "regulator": "Transcription factors (kept apart)",
    "cargo": "Carried or produced molecule",
    "source": "MSC tissue source",
}


def area_per_study(largest: int) -> float:
    """Square points of dot area per study: one scale for the whole figure, so area is proportional to n.

    The scale shrinks only when the largest count would otherwise outgrow a
    row (about 22 points across).
    """
    return min(42.0, 400.0 / max(largest, 1))


def _is_none(category: str) -> bool:
    """The rows that count studies with nothing to show in their block, which always come last.

    Fig. 2's "transcription factor only" row counts the drawn studies that name
    no pathway family; it comes last in the pathway block, before the row of
    studies that name neither (drawn only on request).
    """
    return category.startswith("No ") or category in ("not reported", FACTOR_ONLY)


def row_order(cells: pd.DataFrame) -> list[tuple[str, str]]:
    """Rows top to bottom: by kind, then most studies first; each kind's "No … named" or "not reported" row last."""
    totals = cells.groupby(["kind", "category"], sort=False)["studies"].sum()
    rows = []
    for kind in dict.fromkeys(cells["kind"]):
        part = totals[kind]
        named = sorted((c for c in part.index if not _is_none(c)), key=lambda c: (-part[c], c))
        none = sorted((c for c in part.index if _is_none(c)), key=lambda c: c != FACTOR_ONLY)  # stable otherwise
        rows += [(kind, c) for c in named] + [(kind, c) for c in none]
    return rows


#: The ring of a hollow (in vitro only) dot, in points.
HOLLOW_EDGE = 1.2


def marker_size(area: float, edge: float) -> float:
    """The scatter size (points²) whose drawn disc, its edge stroke included, covers ``area``.

    Matplotlib centres the stroke on the marker's outline, so a ring of width
    ``edge`` reaches ``edge / 2`` beyond it on each side; without this a
    hollow dot looked about 1.4 times the area of a filled one of the same
    count (second blind reading, fig1 and fig2).
    """
    return max(math.sqrt(area) - edge, 0.0) ** 2


def visible_area(size: float, edge: float) -> float:
    """The area (points²) a dot of scatter ``size`` covers with its edge stroke: the inverse of :func:`marker_size`."""
    return (math.sqrt(size) + edge) ** 2 if size > 0 else 0.0


def _dots(ax, cells: pd.DataFrame, y_of: dict, x_of: dict, unit: float) -> None:
    """One dot per cell, modality and setting, area = ``unit`` × studies, its count written on it.

    Each dot's ``gid`` names what it counts (``kind|category|disease|modality|setting``)
    so a test can read the drawn area back against the data.
    """
    for line in cells.itertuples(index=False):
        x, y = x_of[line.disease] + _OFFSET[line.modality, line.setting], y_of[line.kind, line.category]
        colour = MODALITY_COLOURS[line.modality]
        hollow = line.setting == IN_VITRO
        edge = HOLLOW_EDGE if hollow else 0.0
        dot = ax.scatter(
            [x],
            [y],
            s=marker_size(unit * line.studies, edge),
            facecolors="white" if hollow else colour,
            edgecolors=colour,
            linewidths=edge,
            zorder=3,
        )
        dot.set_gid("|".join(("dot", line.kind, line.category, line.disease, line.modality, line.setting)))
        # The number sits beside the dot, not on it, so it never hides a small dot's area. Its
        # position stays the dot's centre (the shift is in the transform), so a reader of the
        # artists finds each number at its dot.
        shift = ScaledTranslation((math.sqrt(unit * line.studies) / 2 + 1.2) / 72, 0, ax.figure.dpi_scale_trans)
        # No white halo: where a count sits beside a neighbouring dot, a halo hid part of that dot (up to
        # 18 % of the exosome 3 beside the MSC 11 in POF), so the dot read smaller than its count (third
        # reading, fig1 3.1). Dark digits stay legible over the pale grid lines without one.
        ax.text(
            x,
            y,
            str(line.studies),
            transform=ax.transData + shift,
            ha="left",
            va="center",
            fontsize=6.5,
            color="#222222",
            zorder=4,
        )


def _bars(ax, cells: pd.DataFrame, rows: list, y_of: dict) -> None:
    """Each row's studies over all diseases: modality by colour, in vitro only hatched; bar length = count."""
    per_row = cells.groupby(["kind", "category", "modality", "setting"])["studies"].sum()
    left = dict.fromkeys(rows, 0)
    for modality in MODALITIES:
        for setting in ("in vivo", IN_VITRO):
            drawn = [(r, int(per_row[(*r, modality, setting)])) for r in rows if (*r, modality, setting) in per_row]
            if not drawn:
                continue
            hollow = setting == IN_VITRO
            bars = ax.barh(
                [y_of[r] for r, _ in drawn],
                [v for _, v in drawn],
                left=[left[r] for r, _ in drawn],
                height=0.62,
                color="white" if hollow else MODALITY_COLOURS[modality],
                edgecolor=MODALITY_COLOURS[modality],
                linewidth=0.8 if hollow else 0.0,
                hatch="////" if hollow else None,
            )
            for (row, value), bar in zip(drawn, bars):
                bar.set_gid("|".join(("bar", row[0], row[1], modality, setting)))
                left[row] += value
    for row in rows:
        ax.text(left[row] + 0.3, y_of[row], str(left[row]), va="center", ha="left", fontsize=7.5)
    ax.set_yticks([])
    ax.set_xlabel("studies, all diseases", fontsize=8.5)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(left.values()) * 1.18 + 1)


def _matrix(ax, cells: pd.DataFrame, rows: list, y_of: dict, unit: float) -> None:
    """The dot panel: one column per disease, one row per category."""
    diseases = [d for d in DISEASE_CODES.values() if d in set(cells["disease"])]
    x_of = {d: i for i, d in enumerate(diseases)}
    _dots(ax, cells, y_of, x_of, unit)
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


def _groups(fig, ax, side, rows: list, y_of: dict, titles: dict[str, str]) -> None:
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
            titles.get(kind, kind),
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


#: Colour of the size key's dots (no modality of its own).
KEY_GREY = "#8c8c8c"

#: Height of a legend row with a size key, in points: the 5- and 10-study key dots (at most
#: about 14.5 and 20.5 points across at the largest scale) stacked with a gap of about 4 points.
_KEY_ROW = 22.0


#: Whose table the studies come from, per edition: the current one counts the added rows too.
_TABULATED = {
    edition.PRINTED: "as tabulated by the review",
    edition.CURRENT: "as tabulated by the review or added since",
}


def _legend(fig, bottom: float, totals: dict[str, int], unit: float | None, in_vitro: int | None) -> None:
    """Modalities (as the review tabulates them), the setting, and a size key at the figure's scale (unless None)."""
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker="s",
            markersize=8,
            color=MODALITY_COLOURS[m],
            label=f"{MODALITY_NAMES[m]} {_TABULATED[edition.current()]}, n = {totals.get(m, 0)}",
        )
        for m in MODALITIES
    ]
    if in_vitro is not None:  # only maps that keep the setting apart say so
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="o",
                markersize=7,
                markerfacecolor="white",
                markeredgecolor="#555555",
                label=f"hollow, hatched: in vitro only as printed (no animal model, or only a co-culture "
                f"route, in the table), n = {in_vitro}",
            )
        )
    for n in (1, 5, 10) if unit is not None else ():
        # Drawn like a filled data dot: no outline, and sized by the same rule (marker_size), so a key
        # dot covers the area of a data dot of the same count. Line2D strokes its marker edge 1 point
        # wide by default, which drew the key 11-27 % larger than the data (third reading, fig1/fig2 3.1).
        handles.append(
            Line2D(
                [],
                [],
                linestyle="",
                marker="o",
                color=KEY_GREY,
                markeredgewidth=0.0,
                markersize=math.sqrt(marker_size(unit * n, 0.0)),
                label=plural(n, "study", "studies"),
            )
        )
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.01, bottom),
        ncol=3 if unit is not None else 1,  # without the size key, one column leaves room for the caller's key
        frameon=False,
        fontsize=8,
        title="dot area proportional to studies" if unit is not None else None,
        title_fontsize=8,
        # Rows tall enough for the 10-study key dot, so the key dots never touch (second reading, fig1 2.10).
        handleheight=_KEY_ROW / 8 if unit is not None else 0.7,
        alignment="left",
    )


def evidence_map(
    cells: pd.DataFrame,
    *,
    totals: dict[str, int],
    title: str,
    subtitle: str = "",
    note: str = "",
    in_vitro: int | None = None,
    kind_titles: dict[str, str] | None = None,
    size_key: bool = True,
) -> plt.Figure:
    """Draw Fig. 1 from :func:`helpers.analysis.evidence.matrix`.

    Parameters
    ----------
    cells : pandas.DataFrame
        ``kind, category, disease, modality, studies`` and, optionally,
        ``setting`` (``in vivo`` or ``in vitro only``; all in vivo when the
        column is absent); may be empty, which draws an empty-state message.
    totals : dict
        Selected studies per modality, for the legend.
    title, subtitle, note : str
        See :func:`helpers.plots.common.frame`.
    in_vitro : int, optional
        Studies drawn that are in vitro only, for the legend.
    kind_titles : dict, optional
        Headings of the row groups, by kind (:data:`KIND_TITLES` by default).
    size_key : bool
        Draw the dot-size key at this map's scale; a caller that resizes the
        dots (the design map) draws its own instead.
    """
    rows = row_order(cells) if not cells.empty else []
    below = 0.3 + 0.13 * len(textwrap.wrap(note, 150)) + 0.85  # inches: the wrapped note, then the legend
    fig = plt.figure(figsize=(11.0, 0.34 * max(len(rows), 6) + 1.6 + below))
    frame(fig, title=title, subtitle=subtitle, note=note)
    if cells.empty:
        fig.text(0.5, 0.5, "No study in this selection.", ha="center", va="center", fontsize=11)
        return fig
    if "setting" not in cells:
        cells = cells.assign(setting="in vivo")
    unit = area_per_study(int(cells["studies"].max()))
    height = fig.get_figheight()  # margins in inches, so small and large maps read alike
    top = 1 - (1.25 if subtitle else 1.0) / height
    grid = fig.add_gridspec(
        1, 2, width_ratios=(3.2, 1.0), left=0.27, right=0.98, top=top, bottom=(below + 0.25) / height, wspace=0.05
    )
    ax, side = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
    y_of = {row: -i for i, row in enumerate(rows)}
    _matrix(ax, cells, rows, y_of, unit)
    _groups(fig, ax, side, rows, y_of, {**KIND_TITLES, **(kind_titles or {})})
    _bars(side, cells, rows, y_of)
    _legend(fig, (below - 0.85) / height, totals, unit if size_key else None, in_vitro)
    return fig


def draw(view: MechanismView, *, title: str, subtitle: str = "", lead: str = "") -> plt.Figure:
    """Draw Fig. 1 from :func:`helpers.analysis.evidence.mechanism_view`, with its computed note.

    Parameters
    ----------
    view : helpers.analysis.evidence.MechanismView
        What the figure draws and its caption states.
    title, subtitle : str
        See :func:`helpers.plots.common.frame`.
    lead : str
        A sentence that opens the note: what the run's ``flagged`` choice did
        (:meth:`helpers.notebook.session.Run.caption`); empty for the canonical figure.

    Returns
    -------
    matplotlib.figure.Figure
        As :func:`evidence_map` draws it.
    """
    note = narrative.map_note(
        view.cells, view.counted, view.setting, view.flags, view.animal_titles, view.modelled, view.unrouted
    )
    note = f"{lead} {note}".strip()
    return evidence_map(
        view.cells,
        totals=view.totals,
        title=title,
        subtitle=subtitle,
        note=note,
        in_vitro=view.setting["in vitro only"],
    )
