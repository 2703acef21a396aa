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
from helpers.data import coded
from helpers.outputs import narrative
from helpers.plots import dosing as dosing_plot
from helpers.plots.common import plt
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def drawn():
    studies = coded.studies()
    doses, follow, hours = dosing.doses(studies), dosing.follow_up(studies), dosing.incubation(studies)
    routes, missing = dosing.routes(studies), dosing.missing(studies)
    summary = dosing.completeness_summary(dosing.completeness(studies))
    fig = dosing_plot.dosing_figure(
        doses, follow, hours, routes, summary, dosing.ITEMS, missing=missing, title="T",
        route_key=narrative.dosing_route_key(routes),
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
    assert set(committed["panel"]) == {"doses", "follow-up", "incubation", "routes", "reporting"}


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
    marked = data[(data["panel"] == "doses") & (data["mark"] != "")]
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
    assert hollow == Counter(round(float(x), 9) for x in follow.loc[follow["mark"] != "", "low"])
    assert sum(hollow.values()) == 7


def test_median_ticks_sit_at_the_medians_of_the_data(drawn):
    fig, data = drawn
    # Medians over the in vivo only studies: a hollow (arm not stated) time is drawn but not counted.
    follow = data[(data["panel"] == "follow-up") & (data["mark"] == "")]
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
    titles = " ".join(ax.get_title(loc="left") for ax in fig.axes)
    follow = data[data["panel"] == "follow-up"]
    hollow = int((follow["mark"] != "").sum())
    # Recount: 37 in vivo only studies print a time, 7 in vivo + in vitro print one the review does not assign.
    assert (len(follow) - hollow, hollow) == (37, 7)
    assert "Follow-up of treated animals: 37 in vivo only studies, and 7 hollow (arm not stated), of 47" in titles
    assert f"In vitro incubation ({len(data[data['panel'] == 'incubation'])} of 9 in vitro only studies)" in titles
    assert "no readable dose: 11 of 56 studies, 5 with animals" in titles
    numbers = [int(n) for n in re.findall(r"\((\d+) studies with animals\)", titles)]
    assert numbers == [47]
