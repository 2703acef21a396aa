"""The dosing figure's geometry against its data CSV (issue 17): what the eye reads is what the labels say.

Every mark and bar of :func:`helpers.plots.dosing.dosing_figure` carries a ``gid``;
these tests read the drawn artists back (scatter offsets, bar widths, count labels)
and compare them with the numbers :func:`helpers.analysis.dosing.figure_data` writes
to ``figures/dosing.data.csv``, and with the committed file itself.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter

import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from helpers.analysis import dosing
from helpers.audit import flags as audit_flags
from helpers.audit.registry import RULES
from helpers.data import coded, flags
from helpers.outputs import narrative
from helpers.plots import dosing as dosing_plot
from helpers.plots.common import plt
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def drawn():
    # As the notebook does: the audit's findings on each row ride along (black edges).
    studies = flags.attach(coded.studies(), audit_flags.by_row())
    doses, follow, hours = dosing.doses(studies), dosing.follow_up(studies), dosing.incubation(studies)
    routes, missing = dosing.routes(studies), dosing.missing(studies)
    summary = dosing.completeness_summary(dosing.completeness(studies))
    fig = dosing_plot.dosing_figure(
        doses, follow, hours, routes, summary, dosing.ITEMS, missing=missing, title="T", note=narrative.dosing_note(),
        route_key=narrative.dosing_route_key(routes),
        flagged=narrative.dosing_flagged(doses, follow, hours, names={k: r.name for k, r in RULES.items()}),
    )  # fmt: skip
    data = dosing.figure_data(doses, follow, hours, routes, summary)
    yield fig, data
    plt.close(fig)


def _artists(fig, gid: str, kind=None) -> list:
    return [
        a for ax in fig.axes for a in ax.get_children() if a.get_gid() == gid and (kind is None or isinstance(a, kind))
    ]


def _xs(fig, gid: str) -> Counter:
    return Counter(round(float(x), 9) for c in _artists(fig, gid, PathCollection) for x, _ in c.get_offsets())


def _values(part: pd.DataFrame) -> Counter:
    """A study's marks: one at its lowest and one at its highest printed arm (one when they agree)."""
    return Counter(round(float(x), 9) for lo, hi in zip(part["low"], part["high"]) for x in dict.fromkeys((lo, hi)))


def test_the_committed_data_csv_is_what_the_figure_draws(drawn):
    _, data = drawn
    committed = pd.read_csv(ROOT / "figures" / "dosing.data.csv", keep_default_na=False, na_values=[""])
    fresh = pd.read_csv(
        io.StringIO(data.to_csv(index=False, lineterminator="\n")), keep_default_na=False, na_values=[""]
    )
    pd.testing.assert_frame_equal(committed, fresh)
    assert set(committed["panel"]) == {"doses", "follow-up", "follow-up median", "incubation", "routes", "reporting"}
    # The medians drawn are in the file too (finding 22): the reader's recount, MSCs 20 and exosomes 17 in vivo
    # only studies, both 28 days.
    medians = committed[committed["panel"] == "follow-up median"].set_index("modality")
    assert medians[["low", "studies"]].to_dict("index") == {
        "cells": {"low": 28.0, "studies": 20}, "exosomes": {"low": 28.0, "studies": 17}
    }  # fmt: skip


@pytest.mark.parametrize("panel, gid", [("doses", "dose"), ("follow-up", "follow-up"), ("incubation", "incubation")])
def test_every_study_is_a_mark_at_its_value(drawn, panel, gid):
    fig, data = drawn
    assert _xs(fig, f"{gid}-points") == _values(data[data["panel"] == panel])


def test_stacked_studies_are_counted_where_they_are_drawn(drawn):
    """A "×n" beside a stack says how many studies print that value in that row; every stack of 2+ has one."""
    fig, data = drawn
    for panel, gid, row in (("doses", "dose", "label"), ("follow-up", "follow-up", "modality")):
        part = data[data["panel"] == panel]
        stacks = part.groupby([row, "low", "high"]).size()
        expected = Counter(round(float(hi), 9) for (_, _, hi), n in stacks.items() if n > 1 for _ in range(1))
        counts = _artists(fig, f"{gid}-count")
        got = Counter(round(float(a.xy[0]), 9) for a in counts)
        assert got == expected, panel
        by_value = {round(float(a.xy[0]), 9): [] for a in counts}
        for a in counts:
            by_value[round(float(a.xy[0]), 9)].append(int(a.get_text().lstrip("×")))
        for (_, _, hi), n in stacks.items():
            if n > 1:
                assert n in by_value[round(float(hi), 9)], (panel, hi)


def test_no_two_studies_are_drawn_on_the_same_spot(drawn):
    """Stacked studies are side by side: every mark of a panel has its own (x, y)."""
    fig, _ = drawn
    for gid in ("dose-points", "follow-up-points", "incubation-points"):
        spots = [(round(float(x), 9), round(float(y), 6)) for c in _artists(fig, gid) for x, y in c.get_offsets()]
        # A range (ref 83) has two marks on one line: distinct x, same y.
        assert len(spots) == len(set(spots)), gid


def test_outside_range_rings_are_the_marked_doses(drawn):
    fig, data = drawn
    marked = data[(data["panel"] == "doses") & data["mark"].str.contains(dosing.MARK_OUTSIDE, regex=False)]
    assert _xs(fig, "dose-outside") == Counter(round(float(x), 9) for x in marked["high"])
    assert len(marked) == 2  # ref 37 (2×10⁷ cells, mouse) and ref 68 (100 mg, mouse)


def test_hollow_marks_are_the_times_whose_arm_is_not_stated(drawn):
    fig, data = drawn
    follow = data[data["panel"] == "follow-up"]
    hollow = Counter()
    for c in _artists(fig, "follow-up-points"):
        faces = c.get_facecolors()
        if len(faces) and all(tuple(f) == (1.0, 1.0, 1.0, 1.0) for f in faces):
            hollow.update(round(float(x), 9) for x, _ in c.get_offsets())
    unstated = follow["mark"].str.contains(dosing.MARK_UNSTATED, regex=False)
    assert hollow == Counter(round(float(x), 9) for x in follow.loc[unstated, "low"])
    assert sum(hollow.values()) == 7


def test_median_ticks_sit_at_the_medians_of_the_data(drawn):
    fig, data = drawn
    # Medians over the in vivo only studies: a hollow (arm not stated) time is drawn but not counted.
    follow = data[(data["panel"] == "follow-up") & ~data["mark"].str.contains(dosing.MARK_UNSTATED, regex=False)]
    lines = _artists(fig, "follow-up-median")
    got = sorted(float(line.get_xdata()[0]) for line in lines)
    assert got == sorted(follow.groupby("modality")["low"].median().astype(float))
    assert got == [28.0, 28.0]  # the reading's recount: MSCs n = 20, exosomes n = 17, both 28 days
    labels = [a.get_text() for a in _artists(fig, "follow-up-median-label")]
    for _, part in follow.groupby("modality"):
        assert f"median {part['low'].median():g} d, n = {len(part)} in vivo only" in " ".join(labels)


def test_route_bars_are_as_long_as_their_counts(drawn):
    fig, data = drawn
    routes = data[data["panel"] == "routes"]
    for r in routes.itertuples():
        (bar,) = _artists(fig, f"route:{r.label}:{r.modality}")
        assert math.isclose(bar.get_width(), r.studies)
    totals = Counter()
    for r in routes.itertuples():
        totals[r.label] += r.studies
    assert sorted(int(t.get_text()) for t in _artists(fig, "route-total")) == sorted(totals.values())


def test_reporting_bars_are_the_shares_their_labels_state(drawn):
    fig, data = drawn
    rows = data[data["panel"] == "reporting"]
    for r in rows[rows["mark"] == ""].itertuples():
        bars = _artists(fig, f"share:{r.label}:{r.modality}")
        if r.applicable == 0:
            assert not bars
            continue
        (bar,) = bars
        assert math.isclose(bar.get_width(), 100 * r.studies / r.applicable, abs_tol=0.05)
    for r in rows[rows["mark"] != ""].itertuples():
        (bar,) = _artists(fig, f"unclear:{r.label}:{r.modality}")
        assert math.isclose(bar.get_width(), 100 * r.studies / r.applicable, abs_tol=0.05)
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert "20/26 (+3 hatched)" in texts and "17/21 (+4 hatched)" in texts


def test_titles_say_out_of_how_many(drawn):
    fig, data = drawn
    titles = " ".join(ax.get_title(loc="left").replace("\n", " ") for ax in fig.axes)
    follow = data[data["panel"] == "follow-up"]
    hollow = int(follow["mark"].str.contains(dosing.MARK_UNSTATED, regex=False).sum())
    # Recount: 37 in vivo only studies print a time, 7 in vivo + in vitro print one the review does not assign.
    assert (len(follow) - hollow, hollow) == (37, 7)
    assert "Follow-up of treated animals: 37 in vivo only studies, and 7 hollow (arm not stated), of 47" in titles
    assert f"In vitro incubation ({len(data[data['panel'] == 'incubation'])} of 9 in vitro only studies)" in titles
    assert "no readable dose: 11 of 56 studies, 5 with animals" in titles
    numbers = [int(n) for n in re.findall(r"\((\d+) studies with animals\)", titles)]
    assert numbers == [47]


# --- second reading ----------------------------------------------------------------------------------


def _points(fig, gid: str) -> list[tuple[object, float, float]]:
    """Every mark of a kind, as (axes, x, y) in display points."""
    out = []
    for c in _artists(fig, gid, PathCollection):
        to_display = c.axes.transData
        for x, y in c.get_offsets():
            px, py = to_display.transform((float(x), float(y)))
            out.append((c.axes, px * 72 / fig.dpi, py * 72 / fig.dpi))
    return out


@pytest.mark.parametrize("gid", ["dose-points", "follow-up-points", "incubation-points"])
def test_no_mark_covers_another(drawn, gid):
    """Stacked studies sit at least a mark's width apart (2.2, 25): the three at 2×10⁶ cells, the four at 150 µg
    and the ten at 1×10⁶ cells can each be seen and their colour read."""
    fig, _ = drawn
    fig.canvas.draw()
    marks = _points(fig, gid)
    width = dosing_plot._MARK_POINTS
    for i, (ax, x, y) in enumerate(marks):
        for ax2, x2, y2 in marks[i + 1 :]:
            if ax2 is ax and abs(x - x2) < width:
                assert abs(y - y2) >= width, (gid, round(x, 1), round(y, 1), round(y2, 1))


def test_black_edges_and_crosses_are_the_marked_rows(drawn):
    """Black edge: the audit flags the row (refs 24, 58 among them; 2.9, 2.13). Cross: scaffold or hydrogel (2.8)."""
    fig, data = drawn
    for panel, gid in (("doses", "dose"), ("follow-up", "follow-up"), ("incubation", "incubation")):
        part = data[data["panel"] == panel]
        edged = Counter()
        for c in _artists(fig, f"{gid}-points", PathCollection):
            for (x, _), edge in zip(c.get_offsets(), c.get_edgecolors()):
                if tuple(edge) == (0.0, 0.0, 0.0, 1.0):
                    edged[round(float(x), 9)] += 1
        flagged = part[part["mark"].str.contains(dosing.MARK_AUDIT, regex=False)]
        assert edged == _values(flagged), panel
    doses = data[data["panel"] == "doses"]
    assert {24, 58} <= set(data.loc[data["mark"].str.contains(dosing.MARK_AUDIT, regex=False), "ref"].astype(int))
    carried = doses[doses["mark"].str.contains(dosing.MARK_CARRIER, regex=False)]
    assert _xs(fig, "dose-carrier") == _values(carried)
    assert set(carried["ref"].astype(int)) == {21, 23, 24, 37, 53, 80}


def test_a_ringed_dose_quotes_the_print_and_says_which_way_it_lies(drawn):
    """ "IV 100 mg" is printed, 10⁵ µg is ours, and it lies 200-fold above the mouse range (2.12, 9)."""
    fig, _ = drawn
    labels = sorted(a.get_text().replace("\n", " ") for a in _artists(fig, "dose-outside-label"))
    assert labels == [
        "printed 'IV 100 mg' (= 10⁵ µg); 200-fold above the project's mouse range",
        "printed 'NA 2 × 10⁷' (= 2×10⁷ cells); 2-fold above the project's mouse range",
    ]


def test_the_panels_say_what_they_measure_and_stay_on_the_canvas(drawn):
    """The reporting panel counts what the review prints (2.7); no title widens the figure (white space at right)."""
    fig, _ = drawn
    titles = " ".join(ax.get_title(loc="left").replace("\n", " ") for ax in fig.axes)
    assert "What the review's Tables 1-2 print per study" in titles
    labels = " ".join(ax.get_xlabel().replace("\n", " ") for ax in fig.axes)
    assert "for which the review prints it" in labels
    assert "days (week = 7 d, month = 30 d, year = 365 d; 72 h = 3 d)" in labels
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer() if hasattr(fig.canvas, "get_renderer") else fig._get_renderer()
    right = fig.bbox.x1
    for ax in fig.axes:
        assert ax.title.get_window_extent(renderer).x1 <= right
        assert ax._left_title.get_window_extent(renderer).x1 <= right, ax.get_title(loc="left")
        assert ax.xaxis.label.get_window_extent(renderer).x1 <= right, ax.get_xlabel()


def test_the_line_under_the_figure_says_why_each_edged_row_is_flagged(drawn):
    """Ref 58 is printed as coculture but its Effects and cited title speak of mice (W6, 2.13); ref 24's title
    speaks of patients, its row of mice (R3, 2.9)."""
    fig, _ = drawn
    (key,) = [t.get_text().replace("\n", " ") for t in fig.texts if t.get_gid() == "route-key"]
    # ref 58 (Table 2 row 9) also prints "24 h" as a follow-up of a co-culture: audit W8, third reading 3.4
    assert "ref 24 A3, A8, R3;" in key and "ref 58 R4, W6, W8;" in key
    assert "W6: in vitro row with animal effects" in key
    assert "R3: cited title names another host or setting" in key


def test_the_keys_under_the_figure_do_not_overlap(drawn):
    """The route key and the audit line sit between the legend and the note, touching neither."""
    fig, _ = drawn
    fig.canvas.draw()
    renderer = fig._get_renderer()
    (key,) = [t for t in fig.texts if t.get_gid() == "route-key"]
    key_box = key.get_window_extent(renderer)
    legend_box = fig.legends[0].get_window_extent(renderer)
    assert key_box.y1 <= legend_box.y0
    below = [t.get_window_extent(renderer) for t in fig.texts if t is not key and t.get_position()[1] < 0.05]
    assert below and all(box.y1 <= key_box.y0 for box in below)
