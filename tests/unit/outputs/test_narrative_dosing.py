"""helpers.outputs.narrative, dosing exhibit: the figure's note, route key, flagged-row line and notice.

Each test hands a function a small hand-built frame (the columns
:func:`helpers.analysis.dosing.panels` gives it) and compares the WHOLE
returned text with a sentence written by hand from that frame and the rule the
module's docstrings state, so that a changed number or word shows.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative

NAN = float("nan")

# ------------------------------------------------------------------ number formats

SCI = [
    ("below 1000 is plain", 999, "999"),
    ("a fraction below 1000 is plain", 0.5, "0.5"),
    ("1000 is one times ten to the third", 1000, "1×10³"),
    ("a mantissa keeps its decimals", 350000, "3.5×10⁵"),
    ("ten million", 1e7, "1×10⁷"),
    ("six significant digits at most", 12345678, "1.23457×10⁷"),
    ("a negative count keeps its sign", -2e6, "-2×10⁶"),
]


@pytest.mark.parametrize("rule, x, text", SCI, ids=[s[0] for s in SCI])
def test_sci_writes_a_count_as_a_biologist_does(rule, x, text):
    """_sci: plain below 1000, else mantissa×10 with a superscript exponent."""
    assert narrative._sci(x) == text, rule


SCI2 = [
    ("two significant digits below 1000", 430.4, "430"),
    ("a small integer stays", 15, "15"),
    ("a fraction is rounded to two digits", 0.1234, "0.12"),
    ("999.7 rounds up to 1000, still plain", 999.7, "1000"),
    ("1000 is one times ten to the third", 1000, "1×10³"),
    ("rounded to one decimal of the mantissa", 3.08e8, "3.1×10⁸"),
    ("a round mantissa has no decimals", 2e6, "2×10⁶"),
]


@pytest.mark.parametrize("rule, x, text", SCI2, ids=[s[0] for s in SCI2])
def test_sci2_writes_two_significant_digits(rule, x, text):
    """_sci2: a nominal number to two significant digits."""
    assert narrative._sci2(x) == text, rule


REF_LIST = [
    ("one ref is 'ref'", [68], "ref 68"),
    ("several refs are 'refs', sorted as numbers", [68, 37, 9], "refs 9, 37, 68"),
    ("refs printed as text are read as numbers", ["12", "3"], "refs 3, 12"),
]


@pytest.mark.parametrize("rule, refs, text", REF_LIST, ids=[r[0] for r in REF_LIST])
def test_ref_list(rule, refs, text):
    """_ref_list: the refs of a frame's rows as a reader writes them."""
    assert narrative._ref_list(pd.DataFrame({"ref": refs})) == text, rule


# ------------------------------------------------------------------ the note and the route key


def test_dosing_note_is_the_whole_panel_description():
    """dosing_note: what every panel draws, the encodings, and the source (a fixed text, checked whole)."""
    assert narrative.dosing_note() == (
        "Top left: each study's printed dose on a log scale, lowest to highest printed arm, one row per kind of "
        "quantity; kinds are never converted into one another, and a concentration injected without a volume or "
        "added to a dish is not an amount an animal received. Top right: follow-up of treated animals in days, "
        "and apart from it, incubation of cultured cells in hours. Bottom: routes of administration of the studies "
        "with animals (in vitro studies below the line), and the share of the studies each item applies to for "
        "which the review's tables print it (a gap may be the review's summary, not the study). Bottom row: the "
        "systemic doses animals received, per kg of a nominal adult body mass of their host species (an "
        "assumption, data/body_mass.csv or the body_mass_g parameter, not the studies' animals), cells/kg and "
        "µg/kg on separate axes; the doses left out are named above this note. Colour: disease "
        "('Premature aging (weakness)' is the project's label for the printed "
        "'weakness' of a Bmi-1⁻/⁻ premature-ageing model); shape: host; studies at the same value are stacked "
        "one above the other, ×n counts them; a stack within a mark's width of its neighbour is moved below its row "
        f"and labelled with its value (and ×n). {SOURCE_SHORT}, Tables 1-2."
    )


ROUTE_KEYS = [
    (
        "codes in the key's order (IV before IP), each once",
        ["IP", "IV", "IV"],
        "Routes: IV intravenous; IP intraperitoneal.",
    ),
    (
        "MI and NA are said for what they are, after the named codes",
        ["NA (printed)", "MI (not defined in the review)", "SC", "ICV"],
        "Routes: ICV intracerebroventricular; SC subcutaneous; MI is printed but defined in none of the review's "
        "legends; NA: printed 'NA' ('Not Applicable' in the review's legend), kept apart from a route not printed.",
    ),
    ("a route the key does not name gives no key", ["coculture (no route of administration)"], ""),
]


@pytest.mark.parametrize("rule, routes, key", ROUTE_KEYS, ids=[r[0] for r in ROUTE_KEYS])
def test_dosing_route_key(rule, routes, key):
    """dosing_route_key: the abbreviations shown, written out."""
    assert narrative.dosing_route_key(pd.DataFrame({"route": routes})) == key, rule


def test_dosing_route_key_without_routes():
    """An empty routes table (no column at all) gives no key, and is not read."""
    assert narrative.dosing_route_key(pd.DataFrame()) == ""


# ------------------------------------------------------------------ flagged rows

FLAGGING = [
    (
        "the findings that flag the row are named; the others listed apart",
        {"audit_findings": "A7;W4;R4", "audit_flagged_by": "W4"},
        (["W4"], ["A7", "R4"]),
    ),
    (
        "without audit_flagged_by every listed finding is a reason",
        {"audit_findings": "A7;W4"},
        (["A7", "W4"], []),
    ),
    (
        "a missing audit_flagged_by (NaN) falls back to the listed findings",
        {"audit_findings": "R1;W6", "audit_flagged_by": NAN},
        (["R1", "W6"], []),
    ),
    ("without audit_findings the flagging ones are all there is", {"audit_flagged_by": "R1;W6"}, (["R1", "W6"], [])),
    ("a row with neither has no findings", {}, ([], [])),
    ("findings are split at ';' only", {"audit_findings": "A 7;W 4", "audit_flagged_by": "W 4"}, (["W 4"], ["A 7"])),
]


@pytest.mark.parametrize("rule, row, split", FLAGGING, ids=[f[0] for f in FLAGGING])
def test_flagging(rule, row, split):
    """_flagging: (findings that flag the row, the row's other findings)."""
    assert narrative._flagging(SimpleNamespace(**row)) == split, rule


_OTHERS = (
    "(checks, and spelling or legend findings that leave the codes alone, which flag no row; a code that no legend "
    "explains, A3 or A6, does flag), listed in tables/studies.csv audit_findings."
)
_EDGE = "Black edge: an audit error or warning questions what the row's codes mean (tables/audit.csv). "


def _flag_frame(rows, with_by=True, with_ring=True):
    """Rows (ref, flag, findings, flagged_by, outside_range) as a frame with the audit's columns."""
    frame = pd.DataFrame(rows, columns=["ref", "audit_flag", "audit_findings", "audit_flagged_by", "outside_range"])
    if not with_by:
        frame = frame.drop(columns="audit_flagged_by")
    if not with_ring:
        frame = frame.drop(columns="outside_range")
    return frame


def test_dosing_flagged_names_each_flagging_finding_the_ring_the_others_and_title_checks():
    """A W4-only ringed row is one finding; other findings are counted; R checks on unflagged rows are named.

    Ref 10 is flagged by W4 alone and ringed; ref 12 by R1 and W6 (A9 also listed); ref 31, in a frame without
    audit_flagged_by or rings, by its one finding W4, not ringed; ref 20 is not flagged but carries R5, a check
    against its cited title. Only ids in ``names`` and used as reasons are spelled out (A7 is not a reason).
    """
    first = _flag_frame(
        [
            (12, True, "R1;W6;A9", "R1;W6", False),
            (10, True, "A7;W4", "W4", True),
            (20, False, "A7;R5", NAN, NAN),
            (21, None, "R2", NAN, True),
        ]
    )
    second = _flag_frame([(31, True, "W4", "", NAN)], with_by=False, with_ring=False)
    names = {"W4": "dose outside its range", "R1": "model against title", "R5": "bone defect", "A7": "spelling"}
    assert narrative.dosing_flagged(first, second, names=names) == (
        _EDGE + "The findings that flag each: ref 10 W4; ref 12 R1, W6; ref 31 W4."
        " For ref 10 the edge and the ring are one finding, not two: W4 is the audit's check against "
        "data/dose_ranges.csv, which the ring draws."
        " These rows carry 2 other findings " + _OTHERS + " No edge, but a check of the row against its cited title "
        "questions what the mark shows: ref 20 R5; ref 21 R2."
        " R1: model against title; R5: bone defect; W4: dose outside its range."
    )


def test_dosing_flagged_several_ringed_one_other_finding_no_names():
    """Two W4-only ringed rows are 'refs'; one other finding is singular; without names no id is spelled out."""
    frame = _flag_frame(
        [
            (5, True, "W4;A7", "W4", True),
            (3, True, "W4", "W4", True),
            (8, False, "R4;A7", "", False),
            (9, False, "R6", "", False),
            (7, False, "A7", "", False),
        ]
    )
    assert narrative.dosing_flagged(frame) == (
        _EDGE + "The findings that flag each: ref 3 W4; ref 5 W4."
        " For refs 3, 5 the edge and the ring are one finding, not two: W4 is the audit's check against "
        "data/dose_ranges.csv, which the ring draws."
        " These rows carry 1 other finding " + _OTHERS + " No edge, but a check of the row against its cited title "
        "questions what the mark shows: ref 8 R4; ref 9 R6."
    )


def test_dosing_flagged_w4_with_another_reason_is_not_the_ring():
    """A ringed row flagged by W4 and another finding is two findings: no 'one finding' sentence; no others."""
    frame = _flag_frame([(4, True, "R1;W4", "R1;W4", True), (6, True, "W4", "W4", False)])
    assert narrative.dosing_flagged(frame, names={"W4": "outside range"}) == (
        _EDGE + "The findings that flag each: ref 4 R1, W4; ref 6 W4. W4: outside range."
    )


def test_dosing_flagged_names_only_the_ids_of_title_checks_when_no_reason_is_named():
    """A title check's id is spelled out from ``names`` too, even when no flagging id is in ``names``."""
    frame = _flag_frame([(1, True, "W9", "W9", False), (2, False, "R5", "", False)])
    assert narrative.dosing_flagged(frame, names={"R5": "bone defect"}) == (
        _EDGE + "The findings that flag each: ref 1 W9. No edge, but a check of the row against its cited title "
        "questions what the mark shows: ref 2 R5. R5: bone defect."
    )


def test_dosing_flagged_rings_of_every_frame_and_missing_values():
    """Rings are gathered over all frames; a missing ring or flag (NaN) is no ring and no flag; a title check
    with two ids names both; a frame without audit_findings has no title check.

    Ref 3 is ringed in the first frame and W4-only flagged in the second; ref 4 is W4-only flagged with an
    unknown ring (NaN), so the edge is not said to be the ring; ref 6's flag is missing (NaN).
    """
    first = _flag_frame([(3, False, "", "", True), (9, False, "R4;R5", "", False)])
    second = _flag_frame([(3, True, "W4", "W4", False), (4, True, "W4", "W4", NAN), (6, NAN, "W4", "W4", False)])
    third = pd.DataFrame({"ref": [8], "audit_flag": [False]})
    assert narrative.dosing_flagged(first, second, third) == (
        _EDGE + "The findings that flag each: ref 3 W4; ref 4 W4."
        " For ref 3 the edge and the ring are one finding, not two: W4 is the audit's check against "
        "data/dose_ranges.csv, which the ring draws."
        " No edge, but a check of the row against its cited title questions what the mark shows: ref 9 R4, R5."
    )


NO_EDGE = [
    ("no audit columns: nothing to say", [pd.DataFrame({"ref": [1], "outside_range": [True]})]),
    (
        "no flagged row, even with a title check: nothing to say",
        [_flag_frame([(2, False, "R5", "", True), (3, None, "A7", "", False)])],
    ),
]


@pytest.mark.parametrize("rule, frames", NO_EDGE, ids=[n[0] for n in NO_EDGE])
def test_dosing_flagged_without_a_flagged_row_is_empty(rule, frames):
    """dosing_flagged: '' when no drawn row is flagged."""
    assert narrative.dosing_flagged(*frames) == "", rule


# ------------------------------------------------------------------ follow-up and incubation

FOLLOW = pd.DataFrame(
    {
        "ref": [10, 12, 40, 13, 41],
        "days": [21, 14, 60, 3, 28],
        "arm_stated": [True, True, True, False, True],
        "modality": ["cells", "cells", "exosomes", "cells", "exosomes"],
        "printed": ["21 days", "2 weeks", "60 days", "3 days", "4 weeks"],
    }
)


def test_notice_times_over_in_vivo_only_studies_and_by_product():
    """Follow-up is over the in vivo only studies; a time whose arm is unstated is counted apart.

    Stated: 21, 14, 60, 28 days (median 24.5); MSCs 21, 14 (median 17.5); exosomes 60, 28 (median 44).
    """
    hours = pd.DataFrame({"hours": [24, 48]})
    missing = {"follow-up": 2, "animals": 7, "in vitro": 3}
    assert narrative._notice_times(FOLLOW, hours, missing) == [
        "Follow-up of treated animals: 4 in vivo only studies print a time, 14 to 60 days (median 24.5). "
        "1 more study, which also has an in vitro arm, prints a time whose arm the review does not state "
        "(hollow marks). 2 of the 7 studies with animals print none. By product, in vivo only studies: MSCs 2 "
        "studies, median 17.5 days; exosomes 2 studies, median 44 days.",
        "In vitro incubation is kept apart: 2 of the 3 in vitro only studies print a time, 24 to 48 hours.",
    ]


def test_notice_times_when_no_study_states_its_arm_and_no_dish_prints_a_time():
    """No in vivo only time: said so, no product sentence; in vitro studies without a time are said too."""
    follow = FOLLOW[~FOLLOW["arm_stated"]]
    missing = {"follow-up": 0, "animals": 4, "in vitro": 2}
    assert narrative._notice_times(follow, pd.DataFrame({"hours": []}), missing) == [
        "No in vivo only study prints a follow-up. 1 more study, which also has an in vitro arm, prints a time "
        "whose arm the review does not state (hollow marks). 0 of the 4 studies with animals print none.",
        "None of the 2 in vitro only studies prints an incubation time.",
    ]


def test_notice_times_all_stated_and_no_in_vitro_study():
    """Every time stated: no hollow-mark sentence; no in vitro study: no incubation sentence."""
    follow = FOLLOW[FOLLOW["arm_stated"] & (FOLLOW["modality"] == "exosomes")]
    missing = {"follow-up": 1, "animals": 3, "in vitro": 0}
    assert narrative._notice_times(follow, pd.DataFrame({"hours": [5.0]}), missing) == [
        "Follow-up of treated animals: 2 in vivo only studies print a time, 28 to 60 days (median 44). 1 of the 3 "
        "studies with animals prints none. By product, in vivo only studies: exosomes 2 studies, median 44 days."
    ]


def test_notice_times_with_nothing_printed():
    """No follow-up and no in vitro study: no sentence."""
    assert narrative._notice_times(FOLLOW.iloc[:0], pd.DataFrame({"hours": []}), {"in vitro": 0}) == []


def _follow_flagged(flags, days=(90, 60, 30)):
    frame = pd.DataFrame(
        {
            "ref": [10, 12, 13],
            "days": list(days),
            "printed": ["3 months", "2 months", "30 days"],
            "audit_flag": flags,
            "audit_findings": ["A7;W4", "", "R1"],
            "audit_flagged_by": ["W4", "", "R1"],
        }
    )
    return frame.iloc[::-1]  # given shortest first: the longest is found by sorting


LONGEST = [
    (
        "the longest time on a flagged row is said, with the next longest",
        _follow_flagged([True, False, True]),
        " The longest, 90 days (ref 10, printed '3 months'), is on a row the audit flags (W4 in tables/audit.csv); "
        "the next longest is 60 days.",
    ),
    ("the longest on an unflagged row says nothing", _follow_flagged([False, True, True]), ""),
    ("a longest time shared with the next says nothing", _follow_flagged([True, False, False], (60, 60, 30)), ""),
    ("one study has no next longest", _follow_flagged([True, False, False]).iloc[-1:], ""),
    (
        "two studies are enough to have a next longest; every flagging finding is named",
        _follow_flagged([True, False, False]).iloc[1:].assign(audit_flagged_by=["", "W4;R1"]),
        " The longest, 90 days (ref 10, printed '3 months'), is on a row the audit flags (W4, R1 in tables/audit.csv); "
        "the next longest is 60 days.",
    ),
    ("without the audit's columns nothing is said", _follow_flagged([True, True, True]).drop(columns="audit_flag"), ""),
]


@pytest.mark.parametrize("rule, follow, text", LONGEST, ids=[x[0] for x in LONGEST])
def test_longest_flagged(rule, follow, text):
    """_longest_flagged: when the audit flags the row of the longest time, say so and give the next longest."""
    assert narrative._longest_flagged(follow) == text, rule


def test_notice_times_says_when_the_longest_follow_up_is_flagged():
    """The longest-flagged clause follows the lead sentence, over the stated times only."""
    follow = _follow_flagged([True, False, False]).assign(arm_stated=True, modality="cells")
    missing = {"follow-up": 0, "animals": 3, "in vitro": 0}
    assert narrative._notice_times(follow, pd.DataFrame({"hours": []}), missing) == [
        "Follow-up of treated animals: 3 in vivo only studies print a time, 30 to 90 days (median 60). The longest, "
        "90 days (ref 10, printed '3 months'), is on a row the audit flags (W4 in tables/audit.csv); the next "
        "longest is 60 days. 0 of the 3 studies with animals print none. By product, in vivo only studies: MSCs 3 "
        "studies, median 60 days."
    ]


# ------------------------------------------------------------------ lifespan share

_LIFESPAN_LEAD = (
    "As a share of the host's maximum recorded lifespan (data/lifespan.csv: AnAge's record in captivity, not "
    "a typical life, so each share is a lower bound), the follow-up of "
)


def test_notice_lifespan_flagged_apart_short_lived_named():
    """Shares over unflagged rows; flagged ones named apart; a host without lifespan counted; short-lived named.

    Unflagged shares 1.44 %, 1.01 %, 5 % give 1.0% to 5.0%, median 1.4%; ref 28 (flagged by W6) 4.11 % apart;
    5 in vivo studies print a time whose arm is stated, 4 have a share.
    """
    follow = pd.DataFrame(
        {
            "ref": [10, 12, 40, 28, 20, 13],
            "arm_stated": [True, True, True, True, True, False],
            "lifespan_share": [0.0144, 0.0101, 0.05, 0.0411, NAN, NAN],
            "audit_flag": [False, False, None, True, False, False],
            "audit_findings": ["", "", "", "A7;W6", "", ""],
            "audit_flagged_by": ["", "", "", "W6", "", ""],
        }
    )
    assert narrative._notice_lifespan(follow) == [
        _LIFESPAN_LEAD + "4 of the 5 in vivo studies with a printed follow-up is computed; the 3 on rows the audit "
        "does not flag span 1.0% to 5.0%, median 1.4% (flagged and left out: ref 28 4.1% (W6)); the other 1 has a "
        "host without a sourced lifespan. Short-lived models (Bmi-1-/- mice, ref 10; SAMP8 mice, ref 28) are set "
        "against the same wild-type record, not corrected, so their share of their own life is larger still. The "
        "age at treatment is not reported in the review."
    ]


def test_notice_lifespan_one_share_without_audit_columns():
    """One share 'spans'; every stated study has a share: the sentence ends there; ref 1 is not flagged."""
    follow = pd.DataFrame({"ref": [1, 41], "arm_stated": [True, None], "lifespan_share": [0.02, NAN]})
    assert narrative._notice_lifespan(follow) == [
        _LIFESPAN_LEAD + "1 of the 1 in vivo studies with a printed follow-up is computed; the 1 on rows the audit "
        "does not flag is 2.0%. The age at treatment is not reported in the review."
    ]


def test_notice_lifespan_two_shares_are_a_span_with_a_median():
    """Two unflagged shares, 2 % and 4 %, are a span with its median (3 %); only one share is said as a value."""
    follow = pd.DataFrame({"ref": [1, 2], "arm_stated": [True, True], "lifespan_share": [0.04, 0.02]})
    assert narrative._notice_lifespan(follow) == [
        _LIFESPAN_LEAD + "2 of the 2 in vivo studies with a printed follow-up is computed; the 2 on rows the audit "
        "does not flag span 2.0% to 4.0%, median 3.0%. The age at treatment is not reported in the review."
    ]


def test_notice_lifespan_all_flagged_gives_no_value():
    """Every share flagged: 'give no value'; two stated studies without a share 'have' no sourced lifespan."""
    follow = pd.DataFrame(
        {
            "ref": [50, 51, 52],
            "arm_stated": [True, True, True],
            "lifespan_share": [0.03, NAN, NAN],
            "audit_flag": [True, False, False],
            "audit_findings": ["A3;R3", "", ""],
        }
    )
    assert narrative._notice_lifespan(follow) == [
        _LIFESPAN_LEAD + "1 of the 3 in vivo studies with a printed follow-up is computed; the 0 on rows the audit "
        "does not flag give no value (flagged and left out: ref 50 3.0% (A3, R3)); the other 2 have a host without "
        "a sourced lifespan. The age at treatment is not reported in the review."
    ]


@pytest.mark.parametrize(
    "rule, follow",
    [
        ("no lifespan column", pd.DataFrame({"ref": [1], "arm_stated": [True]})),
        ("no share computed", pd.DataFrame({"ref": [1], "arm_stated": [True], "lifespan_share": [NAN]})),
    ],
    ids=["no column", "all missing"],
)
def test_notice_lifespan_without_shares(rule, follow):
    """_notice_lifespan: no sentence without a share."""
    assert narrative._notice_lifespan(follow) == [], rule


WHY = [
    ("the flagging findings first", {"audit_flagged_by": "W4", "audit_findings": "A7;W4"}, "W4"),
    ("else the listed findings", {"audit_flagged_by": "", "audit_findings": "A3;R3"}, "A3, R3"),
    ("a row without findings is flagged by the audit", {}, "audit"),
    ("empty ids are dropped", {"audit_findings": ";;"}, "audit"),
]


@pytest.mark.parametrize("rule, row, text", WHY, ids=[w[0] for w in WHY])
def test_why_flagged(rule, row, text):
    """_why_flagged: the findings that flag a row as tables/audit.csv names them."""
    assert narrative._why_flagged(SimpleNamespace(**row)) == text, rule


SHORT = [
    ("both short-lived hosts, in the constant's order", [28, 5, 10], "Bmi-1-/- mice, ref 10; SAMP8 mice, ref 28"),
    ("one", ["28"], "SAMP8 mice, ref 28"),
    ("none", [11], ""),
]


@pytest.mark.parametrize("rule, refs, text", SHORT, ids=[s[0] for s in SHORT])
def test_short_lived(rule, refs, text):
    """_short_lived: the short-lived hosts among the refs."""
    assert narrative._short_lived(pd.DataFrame({"ref": refs})) == text, rule


# ------------------------------------------------------------------ amounts


def test_notice_amounts_cells_and_mass_with_mimetic_and_outside():
    """MSC cells: range and the most common dose; exosome mass: mimetics and out-of-range said apart.

    Cells of MSC studies (an exosome study printing cells is not one): 1×10⁶, 1×10⁶-2×10⁶, 5×10⁵, so 5×10⁵ to
    2×10⁶, 2 of 3 at 1×10⁶. Mass: 10-50, 100 (a mimetic), 2000 (outside its range), so 10 to 2000 µg, the
    other 2 10 to 100 µg.
    """
    doses = pd.DataFrame(
        {
            "ref": [10, 12, 14, 99, 40, 41, 42],
            "dose_kind": ["cells"] * 4 + ["mass as printed"] * 3,
            "modality": ["cells"] * 3 + ["exosomes"] * 4,
            "dose_low": [1e6, 1e6, 5e5, 1e9, 10, 100, 2000],
            "dose_high": [1e6, 2e6, 5e5, 1e9, 50, 100, 2000],
            "mimetic": [False, False, False, False, False, True, False],
            "outside_range": [False, False, False, True, NAN, False, True],
        }
    )
    assert narrative._notice_amounts(doses) == [
        "MSC doses: 3 studies print a number of cells, 5×10⁵ to 2×10⁶; 2 of the 3 gave 1×10⁶ cells.",
        "Exosome doses as a printed mass: 3 studies (1 of them, ref 41, is exosome mimetics by the Effects cell or "
        "cited title, not secreted exosomes), 10 to 2000 µg. Of these, 1 (ref 42) lies outside "
        "data/dose_ranges.csv's range, kept as printed; the other 2 span 10 to 100 µg.",
    ]


def test_notice_amounts_plural_mimetics_and_outside():
    """Two mimetics 'are'; two outside 'lie'."""
    doses = pd.DataFrame(
        {
            "ref": [40, 41, 42],
            "dose_kind": ["mass as printed"] * 3,
            "modality": ["exosomes"] * 3,
            "dose_low": [5, 100, 2000],
            "dose_high": [5, 300, 2000],
            "mimetic": [True, True, False],
            "outside_range": [False, True, True],
        }
    )
    assert narrative._notice_amounts(doses) == [
        "Exosome doses as a printed mass: 3 studies (2 of them, refs 40, 41, are exosome mimetics by the Effects "
        "cell or cited title, not secreted exosomes), 5 to 2000 µg. Of these, 2 (refs 41, 42) lie outside "
        "data/dose_ranges.csv's range, kept as printed; the other 1 gave 5 µg."
    ]


def test_notice_amounts_mass_without_mimetic_column_or_outside():
    """No mimetic column: none said; all inside their range: no out-of-range sentence."""
    doses = pd.DataFrame(
        {
            "ref": [40, 41],
            "dose_kind": ["mass as printed"] * 2,
            "modality": ["exosomes"] * 2,
            "dose_low": [5, 20],
            "dose_high": [10, 20],
            "outside_range": [False, NAN],
        }
    )
    assert narrative._notice_amounts(doses) == ["Exosome doses as a printed mass: 2 studies, 5 to 20 µg."]


def test_notice_amounts_all_outside_has_no_rest():
    """Every mass outside its range: there is no 'other' span to give."""
    doses = pd.DataFrame(
        {
            "ref": [40],
            "dose_kind": ["mass as printed"],
            "modality": ["exosomes"],
            "dose_low": [2000],
            "dose_high": [2000],
            "mimetic": [False],
            "outside_range": [True],
        }
    )
    assert narrative._notice_amounts(doses) == ["Exosome doses as a printed mass: 1 study, 2000 µg."]


AMOUNTS = [
    (
        "amounts to animals first, then the apart kinds in their order, then any other kind",
        [
            "cells",
            "odd kind",
            "mass as printed",
            "in vitro concentration",
            "injected concentration",
            "injected concentration",
            "cells, printed for exosomes",
            "cells",
        ],
        "3 doses to animals, 1 cell number for an exosome product, 2 injected concentrations, "
        "1 concentration in a dish, 1 odd kind",
    ),
    ("one dose to animals is singular", ["particles"], "1 dose to animals"),
    (
        "other kinds keep the order they come in",
        ["zeta", "alpha", "alpha", "cells, printed for exosomes", "cells, printed for exosomes"],
        "2 cell numbers for exosome products, 1 zeta, 2 alpha",
    ),
    ("a mass per body mass is a dose to animals", ["mass per body mass", "mass as printed"], "2 doses to animals"),
]


@pytest.mark.parametrize("rule, kinds, text", AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_amounts(rule, kinds, text):
    """_amounts: what a set of printed amounts is, every kind by its own name, so the parts add up."""
    assert narrative._amounts(pd.DataFrame({"dose_kind": kinds})) == text, rule


def test_notice_apart_outside_unranged_kept_apart_and_kinds():
    """Outside the range of the ranged amounts, unranged kinds, kinds kept apart, and how many print none.

    Ranged: refs 12, 10, 40 (3 doses to animals); outside: ref 10 at 3.4-fold, ref 40 at 12.6-fold.
    Unranged: refs 50, 58, 60. 6 amounts of 4 kinds; 4 of 10 studies print no readable amount.
    """
    doses = pd.DataFrame(
        {
            "ref": [12, 40, 10, 60, 50, 58],
            "dose_kind": [
                "cells",
                "mass as printed",
                "cells",
                "in vitro concentration",
                "injected concentration",
                "in vitro concentration",
            ],
            "range_high": [3e7, 200, 1e7, NAN, NAN, NAN],
            "outside_range": [False, True, True, NAN, NAN, NAN],
            "range_factor": [0.1, 12.6, 3.4, NAN, NAN, NAN],
        }
    )
    assert narrative._notice_apart(doses, {"dose": 4}) == [
        "2 of the 3 printed amounts drawn with a range in data/dose_ranges.csv (3 doses to animals; the audit's W4 "
        "yardstick, by product and host) lie outside it and are ringed: ref 10 about 3-fold, ref 40 about 13-fold.",
        "3 are of a kind with no documented range, so not checked: refs 50, 58, 60.",
        "Kept apart: 1 is a concentration injected without a volume (the amount received is not reported in the "
        "review): ref 50; 2 are a concentration in a culture dish (not a dose to an animal): refs 58, 60.",
        "The 6 readable printed amounts come in 4 kinds (3 doses to animals, 1 injected concentration, 2 "
        "concentrations in a dish); 4 of the 10 studies print no readable amount.",
    ]


def test_notice_apart_none_outside_one_unranged():
    """No amount outside its range: no ring sentence; one unranged 'is'."""
    doses = pd.DataFrame(
        {
            "ref": [5, 6],
            "dose_kind": ["cells", "cells, printed for exosomes"],
            "range_high": [1e7, NAN],
            "outside_range": [False, NAN],
            "range_factor": [0.5, NAN],
        }
    )
    assert narrative._notice_apart(doses, {"dose": 0}) == [
        "1 is of a kind with no documented range, so not checked: ref 6.",
        "Kept apart: 1 is an exosome study printing its dose as cells (not an MSC dose; the exosome amount is not "
        "reported in the review): ref 6.",
        "The 2 readable printed amounts come in 2 kinds (1 dose to animals, 1 cell number for an exosome product); "
        "0 of the 2 studies print no readable amount.",
    ]


def test_notice_apart_all_ranged_and_inside():
    """Every amount ranged and inside: only the kinds sentence."""
    doses = pd.DataFrame(
        {"ref": [5], "dose_kind": ["cells"], "range_high": [1e7], "outside_range": [None], "range_factor": [0.5]}
    )
    assert narrative._notice_apart(doses, {"dose": 1}) == [
        "The 1 readable printed amount is of 1 kind (1 dose to animals); 1 of the 2 studies prints no readable amount."
    ]


# ------------------------------------------------------------------ the notice as a whole


def test_dosing_notice_with_nothing_printed():
    """No dose, follow-up or incubation: one sentence says so."""
    empty = pd.DataFrame()
    assert narrative.dosing_notice(empty, empty, empty, {}) == (
        "No study in this selection reports a dose, a follow-up or an incubation time."
    )


def test_dosing_notice_joins_times_lifespan_amounts_and_kinds():
    """dosing_notice: follow-up, lifespan share, amounts, kinds, in that order, joined by spaces (no per kg)."""
    follow = pd.DataFrame(
        {
            "ref": [40],
            "days": [30],
            "arm_stated": [True],
            "modality": ["exosomes"],
            "printed": ["30 days"],
            "lifespan_share": [0.02],
        }
    )
    doses = pd.DataFrame(
        {
            "ref": [40],
            "dose_kind": ["mass as printed"],
            "modality": ["exosomes"],
            "dose_low": [50],
            "dose_high": [50],
            "range_high": [200],
            "outside_range": [False],
            "range_factor": [0.25],
        }
    )
    missing = {"follow-up": 0, "animals": 1, "in vitro": 0, "dose": 0}
    assert narrative.dosing_notice(doses, follow, pd.DataFrame({"hours": []}), missing) == (
        "Follow-up of treated animals: 1 in vivo only study prints a time, 30 days. 0 of the 1 "
        "study with animals print none. By product, in vivo only studies: exosomes 1 study, median 30 days. "
        + _LIFESPAN_LEAD
        + "1 of the 1 in vivo studies with a printed follow-up is computed; the 1 on rows the audit does not flag "
        "is 2.0%. The age at treatment is not reported in the review. "
        "Exosome doses as a printed mass: 1 study, 50 µg. "
        "The 1 readable printed amount is of 1 kind (1 dose to animals); 0 of the 1 study print no readable "
        "amount."
    )
