"""Draw the dosing exhibit: doses by kind, in vivo follow-up, in vitro incubation, routes, and what is reported.

What the eye reads is what the labels say: studies printed at the same value are
stacked side by side and counted ("×n"), a dose outside its documented range is
ringed, a time whose arm the review does not state is hollow, and the reporting
bars are the share of the studies each item applies to. Every mark and bar carries
a ``gid`` naming what it draws, so tests can read the geometry back.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.analysis.dosing import IN_VIVO_ITEMS, KIND_ORDER
from helpers.plots.common import DISEASE_COLOURS, MODALITY_NAMES, frame, plt

__all__ = ["dosing_figure", "HOST_MARKERS", "KIND_LABELS", "RASTER_ABOVE"]

#: Marker per host: the shape says what received the dose.
HOST_MARKERS = {"mouse": "o", "rat": "s", "rabbit": "^", "in vitro": "D"}
_OTHER_HOST = "P"
# Greys for the count panels: colour already means disease in the strip panels above.
_GREYS = {"cells": "#4d4d4d", "exosomes": "#b3b3b3"}
_SHORT = {"cells": "MSCs", "exosomes": "exosomes"}

#: Row label of each dose kind (the coded dataset's dose_kind) with its unit.
KIND_LABELS = {
    "cells": "cells",
    "cells, printed for exosomes": "cells as printed\n(exosome amount not reported)",
    "particles": "particles",
    "protein mass": "mass as printed, µg\n(protein not stated)",
    "mass per body mass": "mg per kg body mass",
    "injected concentration": "injected, µg/mL\n(volume not reported)",
    "concentration, arm not stated": "µg/mL, arm not stated",
    "in vitro concentration": "in the dish, µg/mL\n(in vitro, not a dose)",
}

#: Above this many marks a strip panel is rasterized in SVG and PDF: one vector
#: element per study would make the files grow with the data.
RASTER_ABOVE = 400
_STEP = 0.11  # vertical distance between studies stacked at one value, in row units
_MARK_POINTS = 5.0  # width of a mark (s=24 points²), in points


def _host(setting: object, host: object) -> str:
    if str(setting) == "in vitro":
        return "in vitro"
    return str(host) if pd.notna(host) else "unknown"


def _stacked(
    part: pd.DataFrame, low: str, high: str, to_points, row_points: float
) -> list[tuple[float, int, bool, int]]:
    """Where each study of one row goes: vertical offset, its stack's size, whether it opens it, label side.

    Studies with the same printed value (or range) form one stack, drawn one above the
    other so that each is seen, and counted once beside it. A stack whose value lies
    within a mark's width of the previous stack (28 and 30 days, say) is moved below
    it rather than drawn over it; its count then goes below it too (side -1).

    Parameters
    ----------
    part : pandas.DataFrame
        The row's studies, sorted by value.
    low, high : str
        The value columns.
    to_points : callable
        Data x -> horizontal position in points (log or linear, as the axis).
    row_points : float
        The height of one row in points.
    """
    keys = list(zip(part[low].astype(float), part[high].astype(float)))
    sizes = pd.Series(keys).value_counts()
    step = min(_STEP, 0.84 / max(int(sizes.max()) if len(sizes) else 1, 1))
    centre: dict[tuple[float, float], tuple[float, int]] = {}
    previous: tuple[float, float, int, float] | None = None  # x, middle, side, half-height of the last stack
    for key in dict.fromkeys(keys):
        half = (int(sizes[key]) - 1) / 2 * step
        middle, side = 0.0, 1
        if previous is not None and abs(to_points(key[0]) - to_points(previous[0])) < _MARK_POINTS * 1.2:
            _, p_middle, p_side, p_half = previous
            if p_side == 1:  # the previous stack is in place: go below it
                middle, side = p_middle - p_half - half - _MARK_POINTS / row_points, -1
        centre[key] = (middle, side)
        previous = (key[0], middle, side, half)
    seen: dict[tuple[float, float], int] = {}
    out = []
    for key in keys:
        k, n = seen.get(key, 0), int(sizes[key])
        seen[key] = k + 1
        middle, side = centre[key]
        out.append((middle + (k - (n - 1) / 2) * step, n, k == 0, side))
    return out


def _x_scale(ax, table: pd.DataFrame, low: str, high: str, log: bool):
    """Set the x-axis (log or linear) around the values; return data x -> points, and the axes height in points."""
    box = ax.get_position()
    width, height = box.width * ax.figure.get_figwidth() * 72, box.height * ax.figure.get_figheight() * 72
    values = pd.concat([table[low], table[high]]).astype(float)
    if log:
        lo, hi = float(values.min()) / 2.5, float(values.max()) * 2.5
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        span = math.log10(hi / lo)
        return (lambda x: math.log10(x / lo) / span * width), height
    hi = float(values.max()) * 1.12
    ax.set_xlim(0, hi)
    return (lambda x: x / hi * width), height


def _count(ax, n: int, x: float, y: float, side: int, what: str) -> None:
    """Write "×n" just above (side 1) or below (side -1) a stack of n studies."""
    ax.annotate(
        f"×{n}",
        (x, y),
        xytext=(0, 3.5 * side),
        textcoords="offset points",
        fontsize=6,
        ha="center",
        va="bottom" if side == 1 else "top",
        gid=f"{what}-count",
    )


def _marks(ax, marks: dict, rings: tuple[list, list], raster: bool, what: str) -> None:
    """One scatter per host shape and fill (hollow: arm not stated), and black rings round doses out of range."""
    for (host, hollow), (xs, ys, colours) in sorted(marks.items()):
        ax.scatter(
            xs,
            ys,
            facecolors="white" if hollow else colours,
            edgecolors=colours if hollow else "white",
            marker=HOST_MARKERS.get(host, _OTHER_HOST),
            s=24,
            zorder=3,
            linewidths=1.0 if hollow else 0.4,
            rasterized=raster,
            gid=f"{what}-points",
        )
    if rings[0]:
        ax.scatter(
            *rings,
            s=110,
            facecolors="none",
            edgecolors="black",
            linewidths=1.0,
            zorder=4,
            rasterized=raster,
            gid=f"{what}-outside",
        )


def _strip(
    ax,
    rows: list,
    labels: list[str],
    table: pd.DataFrame,
    key: str,
    low: str,
    high: str,
    what: str,
    *,
    log: bool = True,
) -> None:
    """Each study a mark on a log axis (its printed range a line); rows are groups.

    ``table`` needs ``disease, setting, host_species, hollow, ringed``. Marks are
    one scatter per host shape (and fill), so drawing cost grows with studies,
    not with matplotlib calls.
    """
    segments, segment_colours = [], []
    marks: dict[tuple[str, bool], tuple[list, list, list]] = {}
    rings: tuple[list, list] = ([], [])
    to_points, height = _x_scale(ax, table, low, high, log)
    row_points = height / max(len(rows), 1)
    for y, name in enumerate(rows):
        # In order of value, so that a stack can see the stack drawn just before it.
        part = table[table[key] == name].sort_values([low, high], kind="stable")
        places = _stacked(part, low, high, to_points, row_points)
        step = min(_STEP, 0.84 / max(part.groupby([low, high]).size().max(), 1)) if len(part) else _STEP
        columns = part[[low, high, "disease", "setting", "host_species", "hollow", "ringed"]].itertuples(index=False)
        for (lo_, hi_, disease, setting, host, hollow, ringed), (dy, n, first, side) in zip(columns, places):
            yy = -y + dy
            colour = DISEASE_COLOURS.get(disease, "#999999")
            if hi_ != lo_:
                segments.append([(lo_, yy), (hi_, yy)])
                segment_colours.append(colour)
            xs, ys, colours = marks.setdefault((_host(setting, host), bool(hollow)), ([], [], []))
            for x in dict.fromkeys((lo_, hi_)):
                xs.append(x)
                ys.append(yy)
                colours.append(colour)
            if ringed:
                rings[0].append(hi_)
                rings[1].append(yy)
            if first and n > 1:
                # The count sits beyond the stack's last mark, on the side the stack was moved to.
                _count(ax, n, hi_, yy + (n - 1) * step if side == 1 else yy, side, what)
    raster = sum(len(xs) for xs, _, _ in marks.values()) > RASTER_ABOVE
    if segments:
        ax.add_collection(
            LineCollection(segments, colors=segment_colours, linewidths=1.2, rasterized=raster, gid=f"{what}-range")
        )
    _marks(ax, marks, rings, raster, what)
    ax.set_yticks([-y for y in range(len(rows))], labels, fontsize=7.5)
    ax.set_ylim(-len(rows) + 0.5, 0.5)
    ax.grid(True, axis="x", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)


def _doses(ax, doses: pd.DataFrame, missing: dict[str, int]) -> None:
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    keyed = doses.assign(
        rowkey=doses["modality"] + "|" + doses["dose_kind"],
        hollow=False,
        ringed=doses["outside_range"].fillna(False).astype(bool),
    )
    rows = sorted(
        dict.fromkeys(keyed["rowkey"]),
        key=lambda k: (order.get(k.split("|")[1], len(order)), k),
    )
    labels = []
    for key in rows:
        modality, kind = key.split("|")
        prefix = "in vitro" if kind == "in vitro concentration" else _SHORT.get(modality, modality)
        labels.append(f"{prefix}: {KIND_LABELS.get(kind, kind)}")
    _strip(ax, rows, labels, keyed, "rowkey", "dose_low", "dose_high", "dose")
    for r in keyed[keyed["ringed"]].itertuples(index=False):
        y = -rows.index(r.rowkey)
        ax.annotate(
            f"as printed; {r.range_factor:.0f}-fold outside range",
            (r.dose_high, y),
            xytext=(9, -6),
            textcoords="offset points",
            fontsize=6.5,
            ha="left",
            va="top",
            gid="dose-outside-label",
        )
    ax.set_xlabel("printed dose per administration (schedule not reported in the review)", fontsize=8)
    vivo = missing["dose, with animals"]
    ax.set_title(
        f"Doses by kind, never converted (no readable dose: {missing['dose']} of "
        f"{missing['studies']} studies, {vivo} with animals)",
        fontsize=9,
        loc="left",
    )


def _times(fig, cell, follow: pd.DataFrame, hours: pd.DataFrame, missing: dict[str, int]) -> None:
    inner = cell.subgridspec(2, 1, height_ratios=[2.2, 1.3], hspace=0.9)
    ax = fig.add_subplot(inner[0])
    rows = [m for m in ("cells", "exosomes") if m in set(follow["modality"])]
    table = follow.assign(hollow=~follow["arm_stated"].astype(bool), ringed=False)
    _strip(ax, rows, [_SHORT[m] for m in rows], table, "modality", "days", "days", "follow-up")
    for y, modality in enumerate(rows):
        # Over the in vivo only studies: a hollow time may belong to the in vitro arm (the review does not say).
        days = follow.loc[(follow["modality"] == modality) & follow["arm_stated"].astype(bool), "days"].astype(float)
        if days.empty:
            continue
        median = float(days.median())
        # A tick under the row, not across it, so that it hides no study.
        ax.plot([median, median], [-y - 0.48, -y - 0.3], color="black", linewidth=1.6, zorder=5, gid="follow-up-median")
        ax.text(
            1.0,
            -y - 0.36,
            f"tick: median {median:g} d, n = {len(days)} in vivo only",
            transform=ax.get_yaxis_transform(),
            fontsize=6.5,
            ha="right",
            va="center",
            gid="follow-up-median-label",
        )
    ax.set_xlabel("follow-up of treated animals, days (month = 30 d, year = 365 d)", fontsize=8)
    ax.set_ylim(-len(rows) + 0.45, 0.6)
    unstated = int((~follow["arm_stated"].astype(bool)).sum())
    ax.set_title(
        f"Follow-up of treated animals: {len(follow) - unstated} in vivo only studies, and {unstated} hollow "
        f"(arm not stated), of {missing['animals']} with animals",
        fontsize=9,
        loc="left",
    )
    ax = fig.add_subplot(inner[1])
    rows = [m for m in ("cells", "exosomes") if m in set(hours["modality"])]
    if rows:
        table = hours.assign(hollow=False, ringed=False)
        # A handful of hours: a plain axis reads better than a log one.
        _strip(ax, rows, [_SHORT[m] for m in rows], table, "modality", "hours", "hours", "incubation", log=False)
    else:
        ax.set_yticks([])
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("incubation in culture, hours", fontsize=8)
    total = missing["in vitro"]
    ax.set_title(f"In vitro incubation ({len(hours)} of {total} in vitro only studies)", fontsize=9, loc="left")


def _routes(ax, routes: pd.DataFrame) -> None:
    vivo = routes[routes["setting"] == "in vivo"]
    vitro = routes[routes["setting"] == "in vitro"]
    order = list(vitro.groupby("route")["studies"].sum().sort_values().index)
    gap = 1 if order else 0
    order_vivo = list(vivo.groupby("route")["studies"].sum().sort_values(kind="stable").index)
    ys = {route: i for i, route in enumerate(order)}
    ys.update({route: i + len(order) + gap for i, route in enumerate(order_vivo)})
    left = pd.Series(0, index=list(ys))
    for modality in ("cells", "exosomes"):
        part = routes[routes["modality"] == modality].groupby("route")["studies"].sum()
        for route, n in part.items():
            ax.barh(
                ys[route],
                n,
                left=left[route],
                color=_GREYS[modality],
                height=0.7,
                gid=f"route:{route}:{modality}",
            )
            left[route] += n
    for route, y in ys.items():
        ax.text(left[route] + 0.3, y, str(int(left[route])), va="center", fontsize=7, gid="route-total")
    ax.set_yticks(list(ys.values()), list(ys), fontsize=7.5)
    if order:
        ax.axhline(len(order) - 0.5 + gap / 2, color="#999999", linewidth=0.6)
    ax.set_xlabel("studies (one route each)", fontsize=8.5)
    ax.legend(
        handles=[Patch(color=_GREYS[m], label=MODALITY_NAMES[m]) for m in ("cells", "exosomes")],
        loc="lower right",
        frameon=False,
        fontsize=7.5,
    )
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    n_vivo, n_vitro = int(vivo["studies"].sum()), int(vitro["studies"].sum())
    ax.set_title(
        f"Routes of administration ({n_vivo} studies with animals); in vitro ({n_vitro}) below the line",
        fontsize=9,
        loc="left",
    )


def _complete(ax, summary: pd.DataFrame, items: tuple[str, ...]) -> None:
    for offset, modality in ((0.18, "cells"), (-0.18, "exosomes")):
        part = summary[summary["modality"] == modality].set_index("item").reindex(list(items))
        for i, item in enumerate(items):
            share, unclear, reported, n_unclear, applicable = part.loc[
                item, ["share", "unclear share", "reported", "unclear", "applicable"]
            ]
            y = -i + offset
            if not applicable or applicable != applicable:
                ax.text(1.5, y, "does not apply", va="center", fontsize=6.5, color="#777777")
                continue
            ax.barh(y, share, height=0.34, color=_GREYS[modality], gid=f"share:{item}:{modality}")
            text = f"{int(reported)}/{int(applicable)}"
            if n_unclear:
                ax.barh(
                    y,
                    unclear,
                    left=share,
                    height=0.34,
                    color="white",
                    edgecolor=_GREYS[modality],
                    hatch="////",
                    linewidth=0.6,
                    gid=f"unclear:{item}:{modality}",
                )
                text += f" (+{int(n_unclear)} hatched)"
            ax.text(share + unclear + 1.5, y, text, va="center", fontsize=6.5)
    ax.set_yticks([-i for i in range(len(items))], list(items), fontsize=8)
    split = -len([i for i in items if i in IN_VIVO_ITEMS]) + 0.5
    ax.axhline(split, color="#999999", linewidth=0.6)
    counts = summary.groupby(["applies to", "modality"])["applicable"].max()
    for y, where in ((0.62, "studies with animals"), (split - 0.06, "in vitro only studies")):
        n = ", ".join(f"{_SHORT[m]} {int(counts.get((where, m), 0))}" for m in ("cells", "exosomes"))
        ax.text(124, y, f"over {where} ({n})", fontsize=6.5, ha="right", va="top", color="#555555", gid="share-group")
    ax.set_xlim(0, 125)
    ax.set_xticks(range(0, 101, 20))
    ax.set_ylim(-len(items) + 0.4, 0.75)
    ax.legend(
        handles=[Patch(color=_GREYS[m], label=MODALITY_NAMES[m]) for m in ("cells", "exosomes")],
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=2,
        frameon=False,
        fontsize=7.5,
    )
    ax.set_xlabel("% of the studies the item applies to (hatched: time printed, arm not stated)", fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)


def _legend(fig, route_key: str) -> None:
    handles = [
        # Shape is the host, in black: black is no disease colour.
        Line2D([], [], marker=m, linestyle="", color="black", label=h if h == "in vitro" else f"host: {h}")
        for h, m in HOST_MARKERS.items()
    ]
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="white",
            markeredgecolor="black",
            markeredgewidth=1.4,
            label="hollow: time printed, arm not stated",
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markersize=10,
            markerfacecolor="none",
            markeredgecolor="black",
            label="ringed: outside data/dose_ranges.csv (as printed)",
        ),
        Line2D([], [], color="black", linewidth=1.2, label="line: lowest to highest printed arm"),
    ]
    handles += [Line2D([], [], marker="o", linestyle="", color=c, label=d) for d, c in DISEASE_COLOURS.items()]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.145), ncol=5, frameon=False, fontsize=7.5)
    fig.text(0.012, 0.108, "\n".join(textwrap.wrap(route_key, 190)), fontsize=7.5, va="bottom", gid="route-key")


def dosing_figure(
    doses: pd.DataFrame,
    follow: pd.DataFrame,
    hours: pd.DataFrame,
    routes: pd.DataFrame,
    summary: pd.DataFrame,
    items: tuple[str, ...],
    *,
    missing: dict[str, int],
    title: str,
    subtitle: str = "",
    note: str = "",
    route_key: str = "",
) -> plt.Figure:
    """Five panels: doses by kind, in vivo follow-up, in vitro incubation, routes, and reporting completeness.

    ``missing`` is :func:`helpers.analysis.dosing.missing`: the counts shown in the panels'
    titles so that "not reported" is never dropped and every count says out of how many.
    """
    fig = plt.figure(figsize=(12.5, 10.5))
    frame(fig, title=title, subtitle=subtitle, note=note)
    if doses.empty and follow.empty and hours.empty and routes.empty:
        fig.text(0.5, 0.5, "No study in this selection.", ha="center", va="center", fontsize=11)
        return fig
    top = 1 - (1.15 if subtitle else 0.9) / 10.5
    grid = fig.add_gridspec(
        2, 2, left=0.17, right=0.98, top=top, bottom=0.285, hspace=0.42, wspace=0.42, width_ratios=[1.3, 1]
    )
    ax = fig.add_subplot(grid[0, 0])
    if len(doses):
        _doses(ax, doses, missing)
    _times(fig, grid[0, 1], follow, hours, missing)
    _routes(fig.add_subplot(grid[1, 0]), routes)
    ax = fig.add_subplot(grid[1, 1])
    _complete(ax, summary, items)
    ax.set_title("What the studies report, where the item applies", fontsize=9, loc="left", pad=16)
    _legend(fig, route_key)
    return fig
