"""Draw the dosing exhibit: doses by kind, in vivo follow-up, in vitro incubation, routes, and what is reported.

What the eye reads is what the labels say: studies printed at the same value are
stacked one above the other, a mark's width apart, and counted ("×n"); a row is as
tall as its tallest stack needs. A dose outside its documented range is
ringed, a time whose arm the review does not state is hollow, and the reporting
bars are the share of the studies each item applies to. Every mark and bar carries
a ``gid`` naming what it draws, so tests can read the geometry back.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import NullLocator

from helpers.analysis.dosing import IN_VIVO_ITEMS, ITEMS, KIND_ORDER, PER_KG_ROWS, Panels, days_key, per_kg_panels
from helpers.core.words import plural
from helpers.outputs import narrative
from helpers.plots.common import DISEASE_COLOURS, MODALITY_NAMES, frame, plt

__all__ = ["dosing_exhibit", "dosing_figure", "HOST_MARKERS", "KIND_LABELS", "RASTER_ABOVE"]

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
    "mass as printed": "mass as printed, µg\n(protein not stated)",
    "mass per body mass": "mg per kg body mass",
    "injected concentration": "injected, µg/mL\n(volume not reported)",
    "concentration, arm not stated": "µg/mL, arm not stated",
    "in vitro concentration": "in the dish, µg/mL\n(in vitro, not a dose)",
}

#: The figure's height, the room under the panels (legend, keys, note) and where the legend sits, in inches:
#: the per-kg row (issue 18 item 5) made the figure taller, and the text below keeps its size in inches.
_HEIGHT_IN = 16.65
_BOTTOM_IN = 5.7
_LEGEND_IN = 3.9

#: Above this many marks a strip panel is rasterized in SVG and PDF: one vector
#: element per study would make the files grow with the data.
RASTER_ABOVE = 400
_MARK_POINTS = 5.0  # width of a mark (s=24 points²), in points
#: Distance between the centres of two studies stacked at one value, in points: a mark's width and a gap,
#: so that no mark covers another (second reading 2.2).
PITCH = _MARK_POINTS + 1.2
_LABEL_POINTS = 9.0  # room for a "×n" count above or below a stack
_RING_POINTS = 3.0  # how far a ring (s=110) reaches beyond the mark it surrounds
_PAD_POINTS = 3.0  # space left at the top and bottom of each row


def _host(setting: object, host: object) -> str:
    if str(setting) == "in vitro":
        return "in vitro"
    return str(host) if pd.notna(host) else "unknown"


def _stacked(part: pd.DataFrame, low: str, high: str, to_points) -> list[tuple[float, int, bool, int, bool]]:
    """Where each study of one row goes: vertical offset in points, its stack's size, whether it opens it, label
    side, and whether its stack has a neighbour.

    Studies with the same printed value (or range) form one stack, drawn one above the
    other :data:`PITCH` points apart so that each is seen, and counted once beside it.
    A stack whose value lies within a mark's width of the previous stack (28 and 30
    days, say) is moved below it rather than drawn over it, a count's height lower
    still, and its count goes below it (side -1). Two such neighbours would read as
    one column, so the moved stack's label also gives its value (third reading 3.6).

    Parameters
    ----------
    part : pandas.DataFrame
        The row's studies, sorted by value.
    low, high : str
        The value columns.
    to_points : callable
        Data x -> horizontal position in points (log or linear, as the axis).
    """
    keys = list(zip(part[low].astype(float), part[high].astype(float)))
    sizes = pd.Series(keys).value_counts()
    centre: dict[tuple[float, float], tuple[float, int]] = {}
    paired: set[tuple[float, float]] = set()
    previous: tuple[tuple[float, float], float, int, float] | None = None  # key, middle, side, half-height
    for key in dict.fromkeys(keys):
        half = (int(sizes[key]) - 1) / 2 * PITCH
        middle, side = 0.0, 1
        if previous is not None and abs(to_points(key[0]) - to_points(previous[0][0])) < _MARK_POINTS * 1.2:
            p_key, p_middle, p_side, p_half = previous
            if p_side == 1:  # the previous stack is in place: go below it, with room for a label between
                middle, side = p_middle - p_half - half - PITCH - _LABEL_POINTS, -1
                paired |= {key, p_key}
        centre[key] = (middle, side)
        previous = (key, middle, side, half)
    seen: dict[tuple[float, float], int] = {}
    out = []
    for key in keys:
        k, n = seen.get(key, 0), int(sizes[key])
        seen[key] = k + 1
        middle, side = centre[key]
        out.append((middle + (k - (n - 1) / 2) * PITCH, n, k == 0, side, key in paired))
    return out


def _extent(places: list[tuple[float, int, bool, int, bool]], ringed: list[bool], below: float) -> tuple[float, float]:
    """The lowest and highest point (in points from the row's axis) a row's marks, rings and counts reach."""
    if not places:
        return -_MARK_POINTS / 2 - below, _MARK_POINTS / 2
    reach = [_MARK_POINTS / 2 + (_RING_POINTS if r else 0.0) for r in ringed]
    top = max(dy + r for (dy, *_), r in zip(places, reach))
    bottom = min(dy - r for (dy, *_), r in zip(places, reach))
    if any(n > 1 and side == 1 for _, n, _, side, _ in places):
        top += _LABEL_POINTS
    if any((n > 1 or pair) and side == -1 for _, n, _, side, pair in places):
        bottom -= _LABEL_POINTS
    return bottom - below, top


def _row_heights(extents: list[tuple[float, float]], height: float) -> tuple[list[float], float]:
    """Each row's height in data units (1 unless its stacks need more) and the points one unit spans.

    A row whose tallest stack would not fit in an even share of the axes gets the
    height it needs; the others share what is left. When even that cannot fit, all
    rows shrink alike (the geometry test then fails: the figure needs more height).
    """
    need = [top - bottom + 2 * _PAD_POINTS for bottom, top in extents]
    tall: set[int] = set()
    while True:
        rest = len(need) - len(tall)
        unit = (height - sum(need[i] for i in tall)) / rest if rest else 0.0
        grown = {i for i, n in enumerate(need) if n > unit} if unit > 0 else set(range(len(need)))
        if grown <= tall or unit <= 0:
            break
        tall |= grown
    if unit <= 0:
        unit = height / max(sum(need), 1e-9)
        return [n / unit for n in need], unit
    return [n / unit if i in tall else 1.0 for i, n in enumerate(need)], unit


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


def _count(ax, n: int, x: float, y: float, side: int, what: str, value: str = "") -> None:
    """Write "×n" (or "30 d ×2", "6×10⁶" when ``value`` is given) just above (side 1) or below (side -1) a stack.

    A stack of one gets a label only with its value, under the gid ``<what>-value``: counts stay "×n".
    """
    text = " ".join(t for t in (value, f"×{n}" if n > 1 else "") if t)
    # On the follow-up axis a value label under a moved stack is centred on it, so that "60 d ×2" sits under its
    # own stack and not beside the 30 d pair (fourth reading 4.5): nothing hangs below there. Elsewhere (the
    # dose rows) a value label ends at the stack, reaching left: to its right a tall stack (×10 at 10⁶ cells)
    # reaches down to the label's height.
    centred = not value or (side == -1 and what == "follow-up")
    ax.annotate(
        text,
        (x, y),
        xytext=(0 if centred else 3, 3.5 * side),
        textcoords="offset points",
        fontsize=6,
        ha="center" if centred else "right",
        va="bottom" if side == 1 else "top",
        gid=f"{what}-count" if n > 1 else f"{what}-value",
    )


def _marks(ax, marks: dict, rings: tuple[list, list], raster: bool, what: str) -> None:
    """One scatter per host shape and fill (hollow: arm not stated), and black rings round doses out of range.

    A mark's edge is black when the audit flags its row, white (or its colour, when hollow) otherwise.
    """
    for (host, hollow), (xs, ys, colours, flagged) in sorted(marks.items()):
        edges = ["black" if f else (c if hollow else "white") for c, f in zip(colours, flagged)]
        ax.scatter(
            xs,
            ys,
            facecolors="white" if hollow else colours,
            edgecolors=edges,
            marker=HOST_MARKERS.get(host, _OTHER_HOST),
            s=24,
            zorder=3,
            linewidths=[1.0 if hollow or f else 0.4 for f in flagged],
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


@dataclass
class _Ink:
    """What a strip panel's studies draw, collected row by row and drawn once for the whole panel.

    Collected first, drawn last: one artist per kind of mark (and per host shape and
    fill) rather than one per study, so that drawing cost grows with studies, not
    with matplotlib calls, and so that the panel knows how many marks it holds
    before it decides whether to rasterize them (:data:`RASTER_ABOVE`).
    """

    #: A line from the lowest to the highest printed arm, and its colour, per study printed as a range.
    segments: list = field(default_factory=list)
    segment_colours: list = field(default_factory=list)
    #: (host, hollow) -> (xs, ys, colours, flagged), as :func:`_marks` draws them.
    marks: dict[tuple[str, bool], tuple[list, list, list, list]] = field(default_factory=dict)
    #: (xs, ys) of the rings round doses out of range, and of the crosses of carried products.
    rings: tuple[list, list] = field(default_factory=lambda: ([], []))
    crosses: tuple[list, list] = field(default_factory=lambda: ([], []))

    def add(
        self, lo: float, hi: float, y: float, colour: str, shape: tuple[str, bool], flagged: bool, *, carrier, ringed
    ) -> None:
        """Add one study: a mark at its lowest and highest arm (one when they agree), joined by a line.

        Parameters
        ----------
        lo, hi : float
            The study's lowest and highest printed value.
        y : float
            The y of its marks, in data units.
        colour : str
            Its disease's colour.
        shape : (str, bool)
            Its host (:data:`HOST_MARKERS`) and whether the mark is hollow.
        flagged : bool
            Whether the audit flags its row (a black edge).
        carrier, ringed : bool
            Given to animals in a scaffold or hydrogel (a cross in each mark); outside its
            documented range (a ring round the highest arm).
        """
        if hi != lo:
            self.segments.append([(lo, y), (hi, y)])
            self.segment_colours.append(colour)
        xs, ys, colours, flags = self.marks.setdefault(shape, ([], [], [], []))
        for x in dict.fromkeys((lo, hi)):
            xs.append(x)
            ys.append(y)
            colours.append(colour)
            flags.append(flagged)
            if carrier:
                self.crosses[0].append(x)
                self.crosses[1].append(y)
        if ringed:
            self.rings[0].append(hi)
            self.rings[1].append(y)

    def draw(self, ax, what: str) -> None:
        """Draw the ranges, then the marks and rings, then the crosses on top, each under a ``gid`` from ``what``."""
        raster = sum(len(xs) for xs, *_ in self.marks.values()) > RASTER_ABOVE
        if self.segments:
            ax.add_collection(
                LineCollection(
                    self.segments, colors=self.segment_colours, linewidths=1.2, rasterized=raster, gid=f"{what}-range"
                )
            )
        _marks(ax, self.marks, self.rings, raster, what)
        if self.crosses[0]:
            ax.scatter(*self.crosses, marker="+", s=14, color="black", linewidths=0.7, zorder=4, rasterized=raster,
                       gid=f"{what}-carrier")  # fmt: skip


def _row_axes(
    extents: list[tuple[float, float]], heights: list[float], unit: float, below: float
) -> tuple[list[tuple[float, float]], float]:
    """Where each row of a strip panel sits, top row first, from 0 downwards.

    Parameters
    ----------
    extents : list of (float, float)
        Each row's lowest and highest point in points (:func:`_extent`).
    heights : list of float
        Each row's height in data units (:func:`_row_heights`).
    unit : float
        The points one data unit spans.
    below : float
        Points left under each row's marks for the caller.

    Returns
    -------
    axes : list of (float, float)
        Each row's axis (where its tick sits) and the lowest point its marks reach, in data units.
    edge : float
        The bottom of the last row: the panel's lower y limit.
    """
    axes, edge = [], 0.0
    for (bottom, top), h in zip(extents, heights):
        # The row's axis sits so that its marks, counts and rings are centred in the row.
        axis = edge - h / 2 - (top + bottom) / 2 / unit
        axes.append((axis, axis + (bottom + below) / unit))
        edge -= h
    return axes, edge


def _row(
    ax,
    ink: _Ink,
    part: pd.DataFrame,
    places: list,
    axis: float,
    unit: float,
    columns: tuple[str, str],
    what: str,
    value,
) -> dict:
    """Put one row's studies into ``ink`` and write the counts beside its stacks.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The panel (the counts are written at once; the marks wait in ``ink``).
    ink : _Ink
        The panel's marks so far.
    part : pandas.DataFrame
        The row's studies in order of value, as :func:`_strip` describes ``table``.
    places : list
        :func:`_stacked` of ``part``.
    axis, unit : float
        The row's axis in data units, and the points one data unit spans.
    columns : (str, str)
        The low and high value columns.
    what, value
        As in :func:`_strip`.

    Returns
    -------
    dict
        The y of each study's mark, by ``part``'s index.
    """
    low, high = columns
    flags = part["audit_flag"] if "audit_flag" in part else pd.Series(False, index=part.index)
    carried = part["carrier"] if "carrier" in part else pd.Series(False, index=part.index)
    rows = part[[low, high, "disease", "setting", "host_species", "hollow", "ringed"]].itertuples(index=False)
    ys = {}
    for index, (lo_, hi_, disease, setting, host, hollow, ringed), flag, carrier, (dy, n, first, side, pair) in zip(
        part.index, rows, flags.fillna(False), carried.fillna(False), places
    ):
        yy = axis + dy / unit
        ys[index] = yy
        colour = DISEASE_COLOURS.get(disease, "#999999")
        ink.add(lo_, hi_, yy, colour, (_host(setting, host), bool(hollow)), bool(flag), carrier=carrier, ringed=ringed)
        moved = pair and side == -1 and value is not None
        if first and (n > 1 or moved):
            # The count sits beyond the stack's last mark, on the side the stack was moved to; a stack moved
            # under its neighbour also says its value, so that the two are not read as one column.
            shown = value(hi_) if moved else ""
            _count(ax, n, hi_, yy + (n - 1) * PITCH / unit if side == 1 else yy, side, what, shown)
    return ys


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
    below: float = 0.0,
    value=None,
) -> tuple[list[tuple[float, float]], pd.Series]:
    """Each study a mark on a log axis (its printed range a line); rows are groups.

    ``table`` needs ``disease, setting, host_species, hollow, ringed``; optional
    ``carrier`` (a cross in the mark: given to animals in a scaffold or hydrogel) and
    ``audit_flag`` (a black edge). Marks are one scatter per host shape (and fill),
    so drawing cost grows with studies, not with matplotlib calls. A row is as tall
    as its tallest stack needs (``below`` points more under it, for the caller).
    ``value`` (x -> text, e.g. "28 d") labels stacks that sit next to another one.

    Returns
    -------
    rows : list of (float, float)
        Each row's axis (where its tick sits) and the lowest point its marks reach, in data units.
    y : pandas.Series
        The y of each study's mark, on ``table``'s index.
    """
    to_points, height = _x_scale(ax, table, low, high, log)
    # In order of value, so that a stack can see the stack drawn just before it.
    parts = [table[table[key] == name].sort_values([low, high], kind="stable") for name in rows]
    placed = [_stacked(part, low, high, to_points) for part in parts]
    extents = [_extent(places, list(part["ringed"].astype(bool)), below) for part, places in zip(parts, placed)]
    heights, unit = _row_heights(extents, height)
    axes, edge = _row_axes(extents, heights, unit, below)
    ink, ys = _Ink(), pd.Series(float("nan"), index=table.index)
    for part, places, (axis, _) in zip(parts, placed, axes):
        for index, y in _row(ax, ink, part, places, axis, unit, (low, high), what, value).items():
            ys[index] = y
    ink.draw(ax, what)
    ax.set_yticks([a for a, _ in axes], labels, fontsize=7.5)
    ax.set_ylim(edge, 0)
    ax.grid(True, axis="x", color="#eeeeee")
    ax.spines[["top", "right"]].set_visible(False)
    return axes, ys


def _wrapped(text: str, width: int = 56) -> str:
    """A panel title on as many lines as it needs, so that no title reaches past the figure's right edge."""
    return "\n".join(textwrap.wrap(text, width))


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
    _, ys = _strip(ax, rows, labels, keyed, "rowkey", "dose_low", "dose_high", "dose", value=_short)
    for index, r in keyed[keyed["ringed"]].iterrows():
        ax.annotate(
            outside_label(r),
            (r["dose_high"], ys[index]),
            xytext=(9, -6),
            textcoords="offset points",
            fontsize=6.5,
            ha="left",
            va="top",
            gid="dose-outside-label",
        )
    ax.set_xlabel("printed dose per administration (schedule not reported in the review)", fontsize=8)
    vivo = missing["dose, with animals"]
    # Units are converted within a kind (100 mg drawn at 10⁵ µg), kinds never into one another (3.9).
    ax.set_title(
        _wrapped(
            f"Doses by kind: kinds never converted into one another, units within a kind converted "
            f"(no readable dose: {missing['dose']} of {missing['studies']} studies, {vivo} with animals)",
            84,
        ),
        fontsize=9,
        loc="left",
    )


def outside_label(dose: pd.Series) -> str:
    """The words beside a ringed dose: the printed cell, its value in the row's unit, and how far out it lies.

    E.g. "printed 'IV 100 mg' (= 10⁵ µg); 200-fold above the project's mouse range" (second reading 2.12: a
    converted number is never called "as printed").
    """
    value = float(dose["dose_high"])
    above = value > float(dose["range_high"])
    shown = _short(value)
    host = "in vitro" if str(dose["setting"]) == "in vitro" else str(dose["host_species"])
    return (
        f"printed '{dose['printed']}'\n(= {shown} {dose['dose_unit']}); {dose['range_factor']:.0f}-fold\n"
        f"{'above' if above else 'below'} the project's {host} range"
    )


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _short(value: float) -> str:
    """A value as a reader writes it: 150, 0.4, 6×10⁶, 10⁵."""
    if value < 1000:
        return f"{value:g}"
    exponent = math.floor(math.log10(value))
    mantissa = f"{value / 10**exponent:g}"
    power = f"10{str(exponent).translate(_SUPERSCRIPT)}"
    return power if mantissa == "1" else f"{mantissa}×{power}"


#: Ticks of the follow-up axis, in days: a week, two, four and eight weeks, three months, a year (3.6). A log
#: axis with ticks at 10 and 100 only leaves 21, 28 and 30 days unreadable.
DAY_TICKS = (3, 7, 14, 28, 56, 90, 180, 365)


def _times(fig, cell, follow: pd.DataFrame, hours: pd.DataFrame, missing: dict[str, int], days_key: str) -> None:
    inner = cell.subgridspec(2, 1, height_ratios=[3.0, 1.0], hspace=0.75)
    ax = fig.add_subplot(inner[0])
    rows = [m for m in ("cells", "exosomes") if m in set(follow["modality"])]
    table = follow.assign(hollow=~follow["arm_stated"].astype(bool), ringed=False)
    axes, _ = _strip(
        ax, rows, [_SHORT[m] for m in rows], table, "modality", "days", "days", "follow-up", below=10.0,
        value=lambda d: f"{d:g} d",
    )  # fmt: skip
    low, high = ax.get_xlim()
    ax.set_xticks([d for d in DAY_TICKS if low <= d <= high], [f"{d:g}" for d in DAY_TICKS if low <= d <= high])
    ax.xaxis.set_minor_locator(NullLocator())
    ax.tick_params(axis="x", labelsize=7)
    unit = 1.0 / (ax.get_position().height * fig.get_figheight() * 72 / (ax.get_ylim()[1] - ax.get_ylim()[0]))
    for (_, lowest), modality in zip(axes, rows):
        # Over the in vivo only studies: a hollow time may belong to the in vitro arm (the review does not say).
        days = follow.loc[(follow["modality"] == modality) & follow["arm_stated"].astype(bool), "days"].astype(float)
        if days.empty:
            continue
        median = float(days.median())
        # A tick under the row's marks, not across them, so that it hides no study.
        ax.plot(
            [median, median], [lowest - 9 * unit, lowest - 2 * unit], color="black", linewidth=1.6, zorder=5,
            gid="follow-up-median",
        )  # fmt: skip
        ax.text(
            1.0,
            lowest - 5.5 * unit,
            f"tick: median {median:g} d, n = {len(days)} in vivo only",
            transform=ax.get_yaxis_transform(),
            fontsize=6.5,
            ha="right",
            va="center",
            gid="follow-up-median-label",
        )
    ax.set_xlabel(f"follow-up of treated animals, days\n({days_key})" if days_key else "follow-up, days", fontsize=8)
    unstated = int((~follow["arm_stated"].astype(bool)).sum())
    ax.set_title(
        _wrapped(
            f"Follow-up of treated animals: {len(follow) - unstated} in vivo only studies, and {unstated} hollow "
            f"(arm not stated), of {missing['animals']} with animals"
        ),
        fontsize=9,
        loc="left",
    )
    ax = fig.add_subplot(inner[1])
    rows = [m for m in ("cells", "exosomes") if m in set(hours["modality"])]
    if rows:
        table = hours.assign(hollow=False, ringed=False)
        # A handful of hours: a plain axis reads better than a log one.
        _strip(
            ax, rows, [_SHORT[m] for m in rows], table, "modality", "hours", "hours", "incubation", log=False,
            value=lambda h: f"{h:g} h",
        )  # fmt: skip
    else:
        ax.set_yticks([])
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("incubation in culture, hours", fontsize=8)
    total = missing["in vitro"]
    ax.set_title(f"In vitro incubation ({len(hours)} of {total} in vitro only studies)", fontsize=9, loc="left")


#: Axis words of each per-kg unit: what is counted, per kg of which mass, per administration (seventh reading 7.5,
#: 7.14: the µg/kg axis also carries the doses the studies printed per kg, which no nominal mass divides).
_SCHEDULE = "per administration (schedule not reported in the review)"
_PER_KG_AXIS = {
    "cells/kg": f"cells per kg of nominal body mass,\n{_SCHEDULE}",
    "particles/kg": f"particles per kg of nominal body mass,\n{_SCHEDULE}",
    "µg/kg": (
        "µg per kg of body mass, per administration\n(schedule not reported in the review): ÷ nominal mass,\n"
        "or as the study printed it per kg (bottom row); mass as printed, protein not stated"
    ),
}


def _per_kg(fig, cells, rest, drawn: pd.DataFrame, title: str) -> None:
    """The per-kg panels: one axis per unit (the first, cells/kg, left; the others right), never one across kinds.

    Each dose is its printed dose per administration divided by the nominal mass of its host (or printed per
    kg), on a log axis, stacked and counted as in the doses panel; ``title`` states the assumption.
    """
    units = [u for u in _PER_KG_AXIS if u in set(drawn["dose_per_kg_unit"])]
    # The first unit (cells/kg when there are cell doses) goes left, under the routes; the others right, stacked.
    places = [cells] + (list(rest.subgridspec(len(units) - 1, 1, hspace=0.9)) if len(units) > 1 else [])
    if not units:
        ax = fig.add_subplot(cells)
        ax.set_axis_off()
        ax.set_title(_wrapped(title, 84), fontsize=9, loc="left")
        ax.text(0, 0.5, "No dose in this selection is drawn per kg.", fontsize=8, transform=ax.transAxes)
        return
    order = {label: i for i, (_, label) in enumerate(PER_KG_ROWS)}
    for n, (unit, place) in enumerate(zip(units, places)):
        ax = fig.add_subplot(place)
        part = drawn[drawn["dose_per_kg_unit"] == unit].assign(hollow=False, ringed=False)
        rows = sorted(dict.fromkeys(part["per_kg_row"]), key=lambda r: order.get(r, len(order)))
        _strip(
            ax, rows, rows, part, "per_kg_row", "dose_per_kg_low", "dose_per_kg_high", f"perkg:{unit}",
            value=lambda v: _short(float(f"{v:.3g}")),  # a nominal value: 3 significant figures, as the tables
        )  # fmt: skip
        ax.set_xlabel(_PER_KG_AXIS[unit], fontsize=8)
        # Each axis counts its own studies, the first under the shared title (seventh reading 7.11).
        count = f"{unit}: {plural(len(part), 'study', 'studies')}"
        if n == 0:
            ax.set_title(f"{_wrapped(title, 84)}\n{count}", fontsize=9, loc="left")
        else:
            ax.set_title(count, fontsize=8.5, loc="left")


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
    ax.set_xlabel(
        "% of the studies the item applies to for which the review prints it\n(hatched: time printed, arm not stated)",
        fontsize=8,
    )
    ax.spines[["top", "right"]].set_visible(False)


def _legend(fig, route_key: str, flagged: str, per_kg: str = "") -> None:
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
            label=(
                "ringed: outside data/dose_ranges.csv (as printed; a dose per animal, any route,\n"
                "so a dose into the brain meets the systemic range; a dish row per mL of medium)"
            ),
        ),
        Line2D([], [], color="black", linewidth=1.2, label="line: lowest to highest printed arm"),
        Line2D(
            [], [], marker="o", linestyle="", markerfacecolor="#bbbbbb", markeredgecolor="black", markeredgewidth=1.0,
            label="black edge: row flagged by the audit",
        ),
        Line2D(
            [], [], marker="+", linestyle="", color="black", markersize=5,
            label="cross: given to animals in a scaffold or hydrogel\n(printed Precondition or Effects cell)",
        ),
    ]  # fmt: skip
    if not flagged:  # no drawn mark has a black edge (flagged: keep or drop, or a selection without one)
        handles = [h for h in handles if not h.get_label().startswith("black edge")]
    handles += [Line2D([], [], marker="o", linestyle="", color=c, label=d) for d, c in DISEASE_COLOURS.items()]
    height = fig.get_figheight()
    fig.legend(
        handles=handles, loc="lower left", bbox_to_anchor=(0.01, _LEGEND_IN / height), ncol=5, frameon=False,
        fontsize=7.5,
    )  # fmt: skip
    keys = "\n".join(textwrap.wrap(route_key, 190) + textwrap.wrap(flagged, 190))
    # Hung from just under the legend, so that a longer key grows down towards the note, never into the legend.
    fig.text(0.012, (_LEGEND_IN - 0.05) / height, keys, fontsize=7.5, va="top", gid="route-key")
    if per_kg:
        lines = textwrap.wrap(per_kg, 190)
        fig.text(
            0.012, (_LEGEND_IN - 0.12) / height - len(keys.splitlines()) * 0.125 / height, "\n".join(lines),
            fontsize=7.5, va="top", gid="per-kg-key",
        )  # fmt: skip


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
    flagged: str = "",
    per_kg: pd.DataFrame | None = None,
    per_kg_title: str = "",
    per_kg_key: str = "",
) -> plt.Figure:
    """Seven panels: doses by kind, in vivo follow-up, in vitro incubation, routes, reporting completeness, and
    the doses per kg of body mass (one axis per unit).

    ``missing`` is :func:`helpers.analysis.dosing.missing`: the counts shown in the panels'
    titles so that "not reported" is never dropped and every count says out of how many.
    ``flagged`` is a line under the route key naming the rows the audit flags (black edges).
    ``per_kg`` is the ``drawn`` frame of :func:`helpers.analysis.dosing.per_kg_panels`, ``per_kg_title``
    the assumption its panels rest on, and ``per_kg_key`` the lines naming what they leave out and why.
    """
    fig = plt.figure(figsize=(12.5, _HEIGHT_IN))
    frame(fig, title=title, subtitle=subtitle, note=note)
    if doses.empty and follow.empty and hours.empty and routes.empty:
        fig.text(0.5, 0.5, "No study in this selection.", ha="center", va="center", fontsize=11)
        return fig
    top = 1 - (1.15 if subtitle else 0.9) / _HEIGHT_IN
    grid = fig.add_gridspec(
        3, 2, left=0.17, right=0.98, top=top, bottom=_BOTTOM_IN / _HEIGHT_IN, hspace=0.5, wspace=0.42,
        width_ratios=[1.3, 1], height_ratios=[1.35, 1, 0.62],
    )  # fmt: skip
    ax = fig.add_subplot(grid[0, 0])
    if len(doses):
        _doses(ax, doses, missing)
    _times(fig, grid[0, 1], follow, hours, missing, days_key(follow) if len(follow) else "")
    _routes(fig.add_subplot(grid[1, 0]), routes)
    ax = fig.add_subplot(grid[1, 1])
    _complete(ax, summary, items)
    ax.set_title(
        "What the review's Tables 1-2 print per study",
        fontsize=9,
        loc="left",
        pad=16,
    )
    _per_kg(fig, grid[2, 0], grid[2, 1], per_kg if per_kg is not None else pd.DataFrame(
        columns=["dose_per_kg_unit", "per_kg_row"]), per_kg_title)  # fmt: skip
    _legend(fig, route_key, flagged, per_kg_key)
    return fig


def dosing_exhibit(
    panels: Panels,
    *,
    title: str,
    subtitle: str = "",
    rule_names: dict[str, str] | None = None,
    lead: str = "",
    body_mass_g: dict | None = None,
) -> plt.Figure:
    """The dosing exhibit of one selection: :func:`dosing_figure` with its note, route key and flagged line.

    Parameters
    ----------
    panels : helpers.analysis.dosing.Panels
        From :func:`helpers.analysis.dosing.panels`.
    title, subtitle : str
        The exhibit's title and the run's selection.
    rule_names : dict, optional
        Rule id -> short name (:data:`helpers.audit.registry.RULES`), so that the line
        naming the flagged rows says why each is flagged. Passed in, not imported:
        the audit is no layer below the plots.
    lead : str
        A sentence that opens the note: what the run's ``flagged`` choice did
        (see :func:`helpers.plots.fig1.draw`); empty for the canonical figure.
    body_mass_g : dict, optional
        The run's override of the nominal body masses (empty: data/body_mass.csv), named in the per-kg
        panels' title.

    Returns
    -------
    matplotlib.figure.Figure
    """
    drawn, left = per_kg_panels(panels.doses) if "dose_per_kg_unit" in panels.doses else (None, None)
    return dosing_figure(
        panels.doses,
        panels.follow,
        panels.hours,
        panels.routes,
        panels.summary,
        ITEMS,
        missing=panels.missing,
        title=title,
        subtitle=subtitle,
        note=f"{lead} {narrative.dosing_note()}".strip(),
        route_key=narrative.dosing_route_key(panels.routes),
        flagged=narrative.dosing_flagged(panels.doses, panels.follow, panels.hours, names=rule_names),
        per_kg=drawn,
        per_kg_title=narrative.dosing_per_kg_title(drawn, body_mass_g) if drawn is not None else "",
        per_kg_key=narrative.dosing_per_kg_key(drawn, left, names=rule_names, body_mass_g=body_mass_g)
        if drawn is not None
        else "",
    )
