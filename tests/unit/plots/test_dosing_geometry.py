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
    studies = flags.attach(coded.studies(), audit_flags.by_row(reasons=True))
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
    assert set(committed["panel"]) == {
        "doses", "doses per kg", "doses per kg, not drawn", "follow-up", "follow-up median", "incubation", "routes",
        "reporting",
    }  # fmt: skip
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
            by_value[round(float(a.xy[0]), 9)].append(int(re.search(r"×(\d+)$", a.get_text()).group(1)))
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
    # Only the findings that flag a row are named (third reading 3.2): R4 and A8 are on the rows but flag none.
    assert "ref 24 A3, R3;" in key and "ref 58 W6;" in key
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


# --- third reading -----------------------------------------------------------------------------------


def test_the_edge_line_names_only_the_findings_that_flag(drawn):
    """3.2: ref 37's edge comes from R1 alone (A7, A9 are checks; W4 a check at 2-fold), ref 68's from W4 (a
    warning at 200-fold); checks listed on other rows (A7 on refs 15 and 29, R4 on ref 70) give no edge."""
    fig, _ = drawn
    (key,) = [t.get_text().replace("\n", " ") for t in fig.texts if t.get_gid() == "route-key"]
    each = key.split("The findings that flag each: ")[1].split(".")[0]
    assert each == "ref 19 W2; ref 24 A3, R3; ref 37 R1; ref 42 R2; ref 58 W6; ref 68 W4"
    assert "Black edge: an audit error or warning questions what the row's codes mean" in key
    assert "A7:" not in key and "A9:" not in key
    # The data file says the same: the flagging finding first, the others as "also listed".
    _, data = drawn
    marks = dict(zip(data.loc[data["panel"] == "doses", "ref"].astype(int), data.loc[data["panel"] == "doses", "mark"]))
    assert "flagged by the audit (R1; also listed: A7, A9, W4)" in marks[37]
    assert "flagged by the audit (W4)" in marks[68]


def _labels(fig, gid: str) -> set[str]:
    return {a.get_text() for a in _artists(fig, gid)}


def test_neighbouring_stacks_say_their_value(drawn):
    """3.6: 28 d ×5 beside 30 d ×2 and 56 d ×2 beside 60 d ×2 (MSCs, Table 1 recount) read as one column unless
    the lower stack says its value; so do ref 34's 6×10⁶ cells under the 5×10⁶ ×3 stack and the 150 µg ×4 stack
    under ref 51's 125 µg (Table 2 rows 3; 2, 4, 17, 25)."""
    fig, _ = drawn
    counts, values = _labels(fig, "follow-up-count"), _labels(fig, "follow-up-value")
    # The stack drawn under its neighbour says its value; the one in place keeps its "×n".
    assert {"×5", "30 d ×2", "×2", "60 d ×2"} <= counts
    doses = _labels(fig, "dose-count") | _labels(fig, "dose-value")
    assert {"×3", "6×10⁶", "150 ×4"} <= doses
    assert not values or all(re.fullmatch(r"[\d.]+ d", v) for v in values)


def test_the_days_axis_has_ticks_a_reader_can_use(drawn):
    """3.6: ticks at a week, 2, 4 and 8 weeks, 3 months and a year, so 21, 28 and 30 d can be read off."""
    fig, _ = drawn
    (ax,) = [a for a in fig.axes if a.get_xlabel().startswith("follow-up of treated animals")]
    assert {7, 14, 28, 56, 90, 365} <= {round(t) for t in ax.get_xticks()}


def test_the_dose_title_and_cross_key_say_what_was_done(drawn):
    """3.9: units are converted within a kind ("IV 100 mg" at 10⁵ µg); 3.1: refs 21 and 53 were given by ovarian
    injection (OV) with hyaluronic acid / HAMA, so the cross does not say "not an injected dose"."""
    fig, _ = drawn
    titles = " ".join(ax.get_title(loc="left").replace("\n", " ") for ax in fig.axes)
    assert "kinds never converted into one another, units within a kind converted" in titles
    labels = [t.get_text().replace("\n", " ") for t in fig.legends[0].get_texts()]
    assert "cross: given to animals in a scaffold or hydrogel (printed Precondition or Effects cell)" in labels
    assert not any("not an injected dose" in t for t in labels)


# --- fourth reading ----------------------------------------------------------------------------------


def test_the_edge_line_says_which_legend_finding_flags(drawn):
    """4.1: ref 24's A3 ("MI" defined in no legend) flags it; A8 on the same cell is listed only (tables/audit.csv,
    table1 row 13), so the line may not say that legend findings flag no row."""
    fig, _ = drawn
    (key,) = [t.get_text().replace("\n", " ") for t in fig.texts if t.get_gid() == "route-key"]
    assert "ref 24 A3, R3" in key
    assert "findings on spelling and legends, which flag no row" not in key
    assert "a code that no legend explains, A3 or A6, does flag" in key


@pytest.mark.parametrize(
    "ref, ids, name",
    [
        (70, "R4", "cited title names another product"),  # platelet-membrane exosome mimetics (Table 2 row 15)
        (80, "R5", "disease named neither by the model nor the cited title"),  # OP row, bone-defect model (row 25)
        (82, "R6", "cited title names another route"),  # printed "Coculture", title "Topical application" (row 27)
    ],
)
def test_unflagged_marks_questioned_by_their_cited_title_are_named(drawn, ref, ids, name):
    """4.3, 4.4: refs 80 (filed under OP, model a bone defect) and 82 (printed as coculture, cited title topical
    use on skin) carry only checks, so no edge; the line under the figure and the data file still name them."""
    fig, data = drawn
    (key,) = [t.get_text().replace("\n", " ") for t in fig.texts if t.get_gid() == "route-key"]
    listed = key.split("questions what the mark shows: ")[1].split(".")[0]
    assert listed == "ref 70 R4; ref 80 R5; ref 82 R6"
    assert f"{ids}: {name}" in key
    marks = data.loc[(data["panel"] == "doses") & (data["ref"] == ref), "mark"]
    assert any(f"questions what the mark shows ({ids}" in str(m) for m in marks), marks


def test_the_cross_marks_only_scaffolds_and_hydrogels_given_to_animals(drawn):
    """4.2: crossed are refs 21 (hyaluronic acid), 23 (bioprinted ovary), 24 (collagen scaffold), 37 (NapFF-NO
    hydrogel), 53 (HAMA), 80 (titanium scaffold); not ref 82 (spicules on skin cells in a dish), 78 (GMNP-loaded
    EVs) or 70 (membrane-coated mimetics)."""
    _, data = drawn
    doses = data[data["panel"] == "doses"]
    crossed = set(doses.loc[doses["mark"].fillna("").str.contains("scaffold or hydrogel"), "ref"].astype(int))
    assert crossed == {21, 23, 24, 37, 53, 80}
    assert not data["mark"].fillna("").str.contains("carrier").any()


def test_the_ring_key_says_the_range_ignores_route(drawn):
    """4.7: refs 61, 63 (ICV) and 60 (hippocampus) are judged by the per-animal systemic range (data/dose_ranges.csv
    basis: "does not tell routes apart")."""
    fig, _ = drawn
    labels = [t.get_text().replace("\n", " ") for t in fig.legends[0].get_texts()]
    assert any("a dose per animal, any route, so a dose into the brain meets the systemic range" in t for t in labels)


def test_the_ring_key_names_the_dish_yardstick_and_the_dish_marks_are_ranged(drawn):
    """Fifth reading 5.1: the dish rows (Table 2 rows 9, 21, 27: refs 58 0.4, 74 50, 82 250 µg/mL) are checked
    against data/dose_ranges.csv's in vitro row (0.1-500 µg/mL of medium), so the key says so; none is ringed."""
    fig, data = drawn
    labels = [t.get_text().replace("\n", " ") for t in fig.legends[0].get_texts()]
    assert any("a dish row per mL of medium" in t for t in labels)
    dish = data[(data["panel"] == "doses") & (data["unit"].astype(str).str.contains("mL"))]
    dish = dish[dish["ref"].isin([58, 74, 82])]
    assert sorted(zip(dish["ref"], dish["low"])) == [(58, 0.4), (74, 50.0), (82, 250.0)]
    assert not dish["mark"].fillna("").str.contains("outside").any()


def test_an_edge_and_a_ring_from_one_w4_finding_are_said_to_be_one(drawn):
    """Fifth reading 5.2: ref 68 (Table 2 row 16, "IV 100 mg") is flagged by W4 alone, the ring's own range check;
    ref 37's W4 is a check (no edge), so only ref 68 is named."""
    fig, _ = drawn
    text = " ".join(t.get_text().replace("\n", " ") for t in fig.texts if t.get_gid() == "route-key")
    assert "For ref 68 the edge and the ring are one finding, not two" in " ".join(text.split())


def test_a_moved_follow_up_stack_has_its_value_under_it(drawn):
    """4.5: MSCs, Table 1: refs 32, 41 at 60 d are moved under the 56 d pair, refs 29, 37 at 30 d under the 28 d
    stack; each value label is centred on its own stack, not beside the other pair."""
    fig, _ = drawn
    (ax,) = [a for a in fig.axes if a.get_xlabel().startswith("follow-up of treated animals")]
    at = {a.get_text(): a for a in ax.texts if a.get_gid() == "follow-up-count"}
    for label, days in [("60 d ×2", 60), ("30 d ×2", 30)]:
        a = at[label]
        assert a.get_ha() == "center" and a.xy[0] == pytest.approx(days), (label, a.xy)
