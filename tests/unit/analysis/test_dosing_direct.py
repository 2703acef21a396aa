"""The dosing figure's data lines and their marks, built from a few literal rows and checked rule by rule.

Covers :func:`helpers.analysis.dosing.figure_data` and the builders it calls (``_dose_lines``,
``_per_kg_lines``, ``_time_lines``, ``_reporting_lines``, ``_audit_marks``), the display rounding of
:func:`~helpers.analysis.dosing.shown` and the follow-up axis key :func:`~helpers.analysis.dosing.days_key`.
The rows are small synthetic frames in the shape :func:`~helpers.analysis.dosing.doses`,
:func:`~helpers.analysis.dosing.follow_up` and :func:`~helpers.analysis.dosing.incubation` give; they are
modelled on printed rows (ref 37: 2 × 10⁷ cells in a NapFF-NO hydrogel; ref 68: IV 100 mg; ref 83: SC 200, 400
and 600 µg; ref 58: coculture 0.4 µg/ml for 24 h), and every expected value is worked out by hand from the
module's docstrings: a week is 7 days, a month 30, 72 h is 3 days.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.analysis import dosing

KEYS = ["table", "row", "ref", "disease", "modality", "setting", "host_species"]
COLUMNS = ["panel", "label", *KEYS, "low", "high", "unit", "studies", "applicable", "share", "mark"]

OUTSIDE = "outside data/dose_ranges.csv"
CARRIER = "given to animals in a scaffold or hydrogel (printed Precondition or Effects cell)"
MIMETIC = "exosome mimetics by the Effects cell or cited title, not secreted exosomes"
FLAGGED = "flagged by the audit"
TITLE = "not flagged; the audit's check against the cited title questions what the mark shows"
BASIS = "printed dose per administration / nominal mouse body mass 32.5 g (data/body_mass.csv)"


def _keys(table: str, row: int, ref: int, modality: str = "cells", setting: str = "in vivo") -> dict:
    host = None if setting == "in vitro" else "mouse"
    return dict(zip(KEYS, [table, row, ref, "AS", modality, setting, host]))


def _dose(ref: int, keys: dict | None = None, **changes) -> dict:
    """One line of :func:`dosing.doses` (defaults: an IV cell dose in a mouse inside its range, drawn per kg)."""
    base = {
        **(keys or _keys("table1", ref - 10, ref)),
        "route": "IV",
        "dose_kind": "cells",
        "dose_unit": "cells",
        "dose_low": 1e6,
        "dose_high": 1e6,
        "dose_arms": 1,
        "carrier": False,
        "mimetic": False,
        "range_factor": 0.1,
        "outside_range": False,
        "dose_per_kg_low": 1e6 / 0.0325,
        "dose_per_kg_high": 1e6 / 0.0325,
        "dose_per_kg_unit": "cells/kg",
        "dose_per_kg_basis": BASIS,
        "per_kg_systemic": True,
    }
    return {**base, **changes}


def _doses(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    types = {"range_factor": "Float64", "outside_range": "boolean", "per_kg_systemic": "boolean"}
    types |= {"dose_per_kg_low": "Float64", "dose_per_kg_high": "Float64", "dose_per_kg_unit": "string"}
    return frame.astype({c: t for c, t in types.items() if c in frame})


def _audited(frame: pd.DataFrame, flag: list, findings: list, by: list | None = None) -> pd.DataFrame:
    """``frame`` with the audit's columns as :func:`helpers.data.flags.attach` writes them."""
    out = frame.assign(audit_flag=pd.array(flag, dtype="boolean"), audit_findings=pd.array(findings, dtype="string"))
    if by is not None:
        out["audit_flagged_by"] = pd.array(by, dtype="string")
    return out


# ---------------------------------------------------------------- audit marks


@pytest.mark.parametrize(
    ("flag", "findings", "by", "mark"),
    [
        pytest.param(False, "", "", "", id="no-finding-no-mark"),
        pytest.param(False, "A7;W4", "", "", id="unflagged-without-a-title-check-no-mark"),
        pytest.param(False, "R5", "", f"{TITLE} (R5)", id="a-title-check-alone-is-named"),
        pytest.param(False, "R5;R6", "", f"{TITLE} (R5, R6)", id="two-title-checks-comma-separated"),
        pytest.param(
            False, "A7;R4;W4", "", f"{TITLE} (R4; also listed: A7, W4)", id="title-check-and-the-others-listed"
        ),
        pytest.param(True, "R2", "R2", f"{FLAGGED} (R2)", id="flagged-by-its-only-finding"),
        pytest.param(
            True, "A7;R1;A9;W4", "R1", f"{FLAGGED} (R1; also listed: A7, A9, W4)", id="flagging-finding-first"
        ),
        pytest.param(
            True, "W4;R2;A7", "R2;W4", f"{FLAGGED} (R2, W4; also listed: A7)", id="two-flagging-findings-in-their-order"
        ),
    ],
)
def test_audit_marks_name_the_flagging_findings_first(flag, findings, by, mark):
    """``flagged by the audit (R1; also listed: A7, A9, W4)``; a title check (R) is named on an unflagged row."""
    frame = _audited(pd.DataFrame([_keys("table2", 16, 68)]), [flag], [findings], [by])
    assert dosing._audit_marks(frame) == [mark]


def test_audit_marks_without_the_flagging_reasons_name_every_finding():
    """Studies attached without ``reasons=True`` carry no ``audit_flagged_by``: all findings are the why."""
    frame = _audited(pd.DataFrame([_keys("table1", 22, 37), _keys("table1", 1, 10)]), [True, False], ["R1;W4", ""])
    assert dosing._audit_marks(frame) == [f"{FLAGGED} (R1, W4)", ""]


def test_audit_marks_of_studies_the_audit_never_saw_are_empty():
    frame = pd.DataFrame([_keys("table1", 1, 10), _keys("table1", 2, 11)])
    assert dosing._audit_marks(frame) == ["", ""]


def _named(mark: str) -> set[str]:
    """The finding ids a mark names (upper-case words inside its parentheses)."""
    inside = mark[mark.index("(") + 1 : -1] if "(" in mark else ""
    return set(re.findall(r"\b[A-Z]+\d*\b", inside))


def test_audit_marks_with_missing_audit_values_name_only_the_rows_own_findings():
    """An undecided flag (NA) is not a flag, and a mark never names a finding the row does not have."""
    frame = _audited(
        pd.DataFrame([_keys("table1", 1, 10), _keys("table1", 22, 37), _keys("table2", 16, 68)]),
        [pd.NA, True, True],
        [pd.NA, pd.NA, "R1;W4"],
        [pd.NA, "R1", pd.NA],
    )
    marks = dosing._audit_marks(frame)
    assert marks[0] == ""
    assert marks[1].startswith(f"{FLAGGED} (R1") and _named(marks[1]) == {"R1"}
    assert marks[2].startswith(f"{FLAGGED} (") and _named(marks[2]) == {"R1", "W4"}


@pytest.mark.parametrize(
    ("ids", "checks"),
    [
        pytest.param(["A7", "R5", "W4", "R6"], ["R5", "R6"], id="rule-family-R-only-in-order"),
        pytest.param(["A7", "W4"], [], id="none"),
        pytest.param([""], [], id="empty"),
    ],
)
def test_title_checks_are_the_findings_of_family_r(ids, checks):
    assert dosing.title_checks(ids) == checks


# ---------------------------------------------------------------- the doses panel


@pytest.mark.parametrize(
    ("factor", "outside", "mark"),
    [
        pytest.param(0.2, False, "", id="5-fold-inside-no-mark"),
        pytest.param(1.2, True, f"{OUTSIDE} (just)", id="just-outside-below-1.5"),
        pytest.param(1.5, True, f"{OUTSIDE} (2-fold)", id="1.5-is-already-rounded-to-2-fold"),
        pytest.param(2.0, True, f"{OUTSIDE} (2-fold)", id="ref-37-2e7-cells-against-1e7"),
        pytest.param(200.0, True, f"{OUTSIDE} (200-fold)", id="ref-68-100-mg-against-500-ug"),
        pytest.param(pd.NA, pd.NA, "", id="no-range-not-checked-no-mark"),
    ],
)
def test_dose_lines_mark_a_dose_outside_its_range_by_how_far(factor, outside, mark):
    line = dosing._dose_lines(_doses([_dose(37, range_factor=factor, outside_range=outside)]))
    assert line["mark"].tolist() == [mark]


def test_dose_lines_join_every_mark_and_keep_min_and_max_as_the_range():
    """Ref 83 prints three arms, 200, 400 and 600 µg: the line runs from the least to the most."""
    rows = [
        _dose(37, carrier=True, range_factor=2.0, outside_range=True),
        _dose(70, _keys("table2", 17, 70, "exosomes"), dose_kind="mass as printed", dose_unit="µg",
              dose_low=150.0, dose_high=150.0, mimetic=True),
        _dose(83, _keys("table2", 28, 83, "exosomes"), dose_kind="mass as printed", dose_unit="µg",
              dose_low=200.0, dose_high=600.0, dose_arms=3),
    ]  # fmt: skip
    frame = _audited(_doses(rows), [True, False, False], ["R1;W4", "R4", ""], ["R1", "", ""])
    lines = dosing._dose_lines(frame)
    assert list(lines.columns) == [*KEYS, "panel", "label", "low", "high", "unit", "mark"]
    assert lines[["panel", "label", "low", "high", "unit"]].values.tolist() == [
        ["doses", "cells", 1e6, 1e6, "cells"],
        ["doses", "mass as printed", 150.0, 150.0, "µg"],
        ["doses", "mass as printed", 200.0, 600.0, "µg"],
    ]
    assert lines["mark"].tolist() == [
        f"{OUTSIDE} (2-fold); {CARRIER}; {FLAGGED} (R1; also listed: W4)",
        f"{MIMETIC}; {TITLE} (R4)",
        "",
    ]


# ---------------------------------------------------------------- the per-kg panels' lines


def test_per_kg_lines_draw_systemic_doses_on_one_line_label_and_say_why_the_others_are_left():
    rows = [
        _dose(29, route="IP"),
        _dose(70, _keys("table2", 17, 70, "exosomes"), dose_kind="mass as printed", dose_unit="µg",
              dose_per_kg_low=150 / 0.0325, dose_per_kg_high=150 / 0.0325, dose_per_kg_unit="µg/kg", mimetic=True),
        _dose(37, route="NA (printed)", carrier=True, per_kg_systemic=False),
        _dose(66, _keys("table2", 14, 66, "exosomes"), dose_kind="injected concentration", dose_unit="µg/mL",
              dose_per_kg_low=pd.NA, dose_per_kg_high=pd.NA, dose_per_kg_unit=pd.NA, dose_per_kg_basis=pd.NA),
    ]  # fmt: skip
    drawn, left = dosing._per_kg_lines(_doses(rows))
    assert drawn[["ref", "panel", "label", "unit", "mark"]].values.tolist() == [
        [29, "doses per kg", "MSCs, IP: cells ÷ nominal mass (cells may stay in the peritoneal cavity)", "cells/kg",
         BASIS],
        [70, "doses per kg", "exosome mimetics, IV: µg ÷ nominal mass (not secreted exosomes)", "µg/kg",
         f"{BASIS}; {MIMETIC}"],
    ]  # fmt: skip
    assert drawn["low"].tolist() == pytest.approx([1e6 / 0.0325, 150 / 0.0325])
    assert drawn["high"].tolist() == pytest.approx([1e6 / 0.0325, 150 / 0.0325])
    assert left[["ref", "panel", "label", "unit", "mark"]].astype(object).values.tolist() == [
        [37, "doses per kg, not drawn", "cells", "cells/kg", "given locally"],
        [66, "doses per kg, not drawn", "injected concentration", pd.NA, "not an amount per animal"],
    ]


def test_per_kg_lines_mark_nothing_a_drawn_dose_does_not_state():
    """No stated basis and an undecided mimetic mark (NA): no mark, not a made-up basis or a mimetic."""
    rows = [_dose(40, dose_per_kg_basis=pd.NA, mimetic=pd.NA)]
    frame = _doses(rows).astype({"dose_per_kg_basis": "string", "mimetic": "boolean"})
    (drawn,) = dosing._per_kg_lines(frame)
    assert drawn["mark"].tolist() == [""]


def test_per_kg_lines_of_nothing_given_to_animals_are_none():
    frame = _doses([_dose(58, _keys("table2", 9, 58, "exosomes", "in vitro"), dose_kind="in vitro concentration")])
    assert dosing._per_kg_lines(frame) == []


# ---------------------------------------------------------------- follow-up and incubation lines


def _follow(rows: list[tuple]) -> pd.DataFrame:
    """Follow-up lines: (table, row, ref, modality, printed, days, arm stated)."""
    frame = pd.DataFrame(
        [{**_keys(t, r, ref, m), "printed": p, "days": d, "arm_stated": s} for t, r, ref, m, p, d, s in rows],
        columns=[*KEYS, "printed", "days", "arm_stated"],
    )
    return frame.astype({"days": "Float64", "arm_stated": "boolean"})


def _hours(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(
        [{**_keys(t, r, ref, m, "in vitro"), "printed": p, "hours": h} for t, r, ref, m, p, h in rows],
        columns=[*KEYS, "printed", "hours"],
    )
    return frame.astype({"hours": "Float64"})


FOLLOW = [
    ("table2", 28, 83, "exosomes", "72 h", 3.0, True),
    ("table1", 1, 10, "cells", "21 days", 21.0, True),
    ("table2", 2, 49, "exosomes", "2 weeks", 14.0, False),  # in vivo + in vitro: arm not stated
    ("table1", 3, 12, "cells", "2 weeks", 14.0, True),
    ("table2", 19, 72, "exosomes", "30 days", 30.0, True),
    ("table2", 24, 78, "exosomes", "1 week", 7.0, True),
]


def test_time_lines_one_per_study_then_medians_of_stated_arms_by_product():
    """Medians over the in vivo only times: MSCs 21 and 14 -> 17.5 (2 studies); exosomes 3, 30, 7 -> 7 (3)."""
    follow = _follow(FOLLOW)
    hours = _hours([("table2", 9, 58, "exosomes", "24 h", 24.0)])
    lines, medians, incubation = dosing._time_lines(follow, hours)
    assert lines[["ref", "panel", "label", "low", "high", "unit", "mark"]].values.tolist() == [
        [83, "follow-up", "exosomes", 3.0, 3.0, "days", ""],
        [10, "follow-up", "cells", 21.0, 21.0, "days", ""],
        [49, "follow-up", "exosomes", 14.0, 14.0, "days", "arm not stated in the review"],
        [12, "follow-up", "cells", 14.0, 14.0, "days", ""],
        [72, "follow-up", "exosomes", 30.0, 30.0, "days", ""],
        [78, "follow-up", "exosomes", 7.0, 7.0, "days", ""],
    ]
    expected = pd.DataFrame(
        {
            "panel": ["follow-up median"] * 2,
            "label": ["median, in vivo only studies"] * 2,
            "modality": ["cells", "exosomes"],
            "low": [17.5, 7.0],
            "high": [17.5, 7.0],
            "unit": ["days", "days"],
            "studies": [2, 3],
        }
    )
    pd.testing.assert_frame_equal(medians, expected, check_dtype=False)
    assert incubation[["ref", "panel", "label", "low", "high", "unit", "mark"]].values.tolist() == [
        [58, "incubation", "exosomes", 24.0, 24.0, "hours", ""]
    ]


def test_time_lines_carry_the_audit_marks():
    follow = _audited(_follow(FOLLOW[1:3]), [True, False], ["R2;A7", ""], ["R2", ""])
    hours = _audited(_hours([("table2", 21, 74, "exosomes", "24 h", 24.0)]), [False], ["R6"], [""])
    lines, _, incubation = dosing._time_lines(follow, hours)
    assert lines["mark"].tolist() == [f"{FLAGGED} (R2; also listed: A7)", "arm not stated in the review"]
    assert incubation["mark"].tolist() == [f"{TITLE} (R6)"]


def test_time_lines_of_no_times_are_none():
    assert dosing._time_lines(_follow(FOLLOW).iloc[0:0], _hours([])) == []


# ---------------------------------------------------------------- reporting lines


SUMMARY = pd.DataFrame(
    [
        ("follow-up", "studies with animals", "cells", 20, 3, 26, 76.9, 11.5),
        ("follow-up", "studies with animals", "exosomes", 17, 1, 21, 81.0, 4.8),
        ("route", "studies with animals", "cells", 25, 0, 26, 96.2, 0.0),
    ],
    columns=["item", "applies to", "modality", "reported", "unclear", "applicable", "share", "unclear share"],
)


def test_reporting_lines_one_per_share_and_one_per_hatched_share_even_of_a_single_study():
    reported, unclear = dosing._reporting_lines(SUMMARY)
    assert reported.to_dict("records") == [
        {"panel": "reporting", "label": "follow-up", "modality": "cells", "studies": 20, "applicable": 26,
         "share": 76.9, "mark": ""},
        {"panel": "reporting", "label": "follow-up", "modality": "exosomes", "studies": 17, "applicable": 21,
         "share": 81.0, "mark": ""},
        {"panel": "reporting", "label": "route", "modality": "cells", "studies": 25, "applicable": 26,
         "share": 96.2, "mark": ""},
    ]  # fmt: skip
    assert unclear.to_dict("records") == [
        {"panel": "reporting", "label": "follow-up", "modality": "cells", "studies": 3, "applicable": 26,
         "share": 11.5, "mark": "printed, arm not stated"},
        {"panel": "reporting", "label": "follow-up", "modality": "exosomes", "studies": 1, "applicable": 21,
         "share": 4.8, "mark": "printed, arm not stated"},
    ]  # fmt: skip


def test_no_hatched_share_gives_no_hatched_line():
    """A selection where every time is printed with its arm: no 'printed, arm not stated' line at all.

    Before the fix the empty selection took the whole summary's index back when its columns were assigned
    from the summary, giving one line per item with no panel and the mark of a hatched share.
    """
    _, unclear = dosing._reporting_lines(SUMMARY.assign(unclear=0, **{"unclear share": 0.0}))
    assert unclear.empty
    assert unclear.columns.tolist() == ["panel", "label", "modality", "studies", "applicable", "share", "mark"]


# ---------------------------------------------------------------- the whole figure table


ROUTES = pd.DataFrame(
    {"setting": ["in vitro", "in vivo"], "route": ["coculture (no route of administration)", "IV"],
     "modality": ["cells", "cells"], "studies": [2, 14]}
)  # fmt: skip


def _line(panel: str, label: str, **cells) -> dict:
    return {**dict.fromkeys(COLUMNS, pd.NA), "panel": panel, "label": label, "mark": "", **cells}


def test_figure_data_is_every_panel_in_order_numbered_from_zero():
    dose_frame = _doses([_dose(10, route="IP", dose_low=1e7, dose_high=1e7, dose_per_kg_low=4e8,
                               dose_per_kg_high=4e8)])  # fmt: skip
    follow = _follow([FOLLOW[1]])
    hours = _hours([("table2", 9, 58, "exosomes", "24 h", 24.0)])
    got = dosing.figure_data(dose_frame, follow, hours, ROUTES, SUMMARY.iloc[[0]])
    k10, k58 = _keys("table1", 0, 10), _keys("table2", 9, 58, "exosomes", "in vitro")
    expected = pd.DataFrame(
        [
            _line("doses", "cells", **k10, low=1e7, high=1e7, unit="cells"),
            _line("doses per kg", "MSCs, IP: cells ÷ nominal mass (cells may stay in the peritoneal cavity)",
                  **k10, low=4e8, high=4e8, unit="cells/kg", mark=BASIS),
            _line("follow-up", "cells", **_keys("table1", 1, 10), low=21.0, high=21.0, unit="days"),
            _line("follow-up median", "median, in vivo only studies", modality="cells", low=21.0, high=21.0,
                  unit="days", studies=1),
            _line("incubation", "exosomes", **k58, low=24.0, high=24.0, unit="hours"),
            _line("routes", "coculture (no route of administration)", setting="in vitro", modality="cells",
                  studies=2),
            _line("routes", "IV", setting="in vivo", modality="cells", studies=14),
            _line("reporting", "follow-up", modality="cells", studies=20, applicable=26, share=76.9),
            _line("reporting", "follow-up", modality="cells", studies=3, applicable=26, share=11.5,
                  mark="printed, arm not stated"),
        ],
        columns=COLUMNS,
    )  # fmt: skip
    assert list(got.columns) == COLUMNS
    assert got.index.tolist() == list(range(9))
    assert got.astype(object).where(got.notna(), None).values.tolist() == (
        expected.astype(object).where(expected.notna(), None).values.tolist()
    )
    # counts are whole numbers, kept with their gaps
    assert [str(got[c].dtype) for c in ("row", "ref", "studies", "applicable")] == ["Int64"] * 4


def test_figure_data_without_per_kg_columns_draws_no_per_kg_panel():
    dose_frame = _doses([_dose(10)]).drop(columns=["dose_per_kg_low", "dose_per_kg_high", "dose_per_kg_unit"])
    got = dosing.figure_data(dose_frame, _follow([]), _hours([]), ROUTES.iloc[0:0], SUMMARY.iloc[0:0])
    assert got["panel"].tolist() == ["doses"]


def test_figure_data_of_nothing_is_the_empty_table_with_its_columns():
    empty = pd.DataFrame()
    got = dosing.figure_data(empty, empty, empty, empty, empty)
    assert list(got.columns) == COLUMNS
    assert len(got) == 0


# ---------------------------------------------------------------- shown


def test_shown_rounds_doses_per_kg_to_3_significant_figures_and_lifespan_shares_to_percent():
    """Per-kg doses to 3 significant figures, shares as % with 1 decimal (sixth reading 6.7)."""
    frame = pd.DataFrame(
        {
            "ref": [10, 83, 66],
            # ref 10: 1e7 / 0.0325 = 307692307.7; ref 83: 200 / 0.35 = 571.43 and 600 / 0.35 = 1714.29
            "dose_per_kg_low": pd.array([1e7 / 0.0325, 200 / 0.35, pd.NA], dtype="Float64"),
            "dose_per_kg_high": pd.array([1e7 / 0.0325, 600 / 0.35, pd.NA], dtype="Float64"),
            # 21 days of a 4-year mouse lifespan (1460 d) = 0.014384; 3 of 1387 = 0.002163
            "lifespan_share": pd.array([21 / 1460, 3 / 1387, pd.NA], dtype="Float64"),
        }
    )
    got = dosing.shown(frame)
    assert list(got.columns) == ["ref", "dose_per_kg_low", "dose_per_kg_high", "lifespan_share_percent"]
    expected = {
        "dose_per_kg_low": [3.08e8, 571.0, None],
        "dose_per_kg_high": [3.08e8, 1710.0, None],
        "lifespan_share_percent": [1.4, 0.2, None],
    }
    for column, values in expected.items():
        assert str(got[column].dtype) == "Float64", column
        assert [None if pd.isna(v) else v for v in got[column]] == values, column
    # tables/studies.csv keeps the full values: the frame given is not changed
    assert frame["dose_per_kg_high"].tolist()[1] == pytest.approx(1714.2857, rel=1e-6)


def test_shown_keeps_an_all_empty_column_a_number_column():
    frame = pd.DataFrame(
        {
            c: pd.array([pd.NA, pd.NA], dtype="Float64")
            for c in ("dose_per_kg_low", "dose_per_kg_high", "lifespan_share")
        }
    )
    got = dosing.shown(frame)
    assert [str(t) for t in got.dtypes] == ["Float64"] * 3


def test_shown_leaves_a_frame_without_those_columns_alone():
    frame = pd.DataFrame({"ref": [10], "days": [21.0]})
    pd.testing.assert_frame_equal(dosing.shown(frame), frame)


# ---------------------------------------------------------------- days_key


@pytest.mark.parametrize(
    ("printed", "days", "key"),
    [
        pytest.param(["21 days", "14 days"], [21, 14], "", id="days-only-need-no-key"),
        pytest.param(["2 weeks", "1 month"], [14, 30], "week = 7 d, month = 30 d", id="weeks-and-months"),
        pytest.param(["1 year", "3 Weeks"], [365, 21], "week = 7 d, year = 365 d", id="units-in-lexicon-order"),
        pytest.param(["72 h"], [3], "72 h = 3 d", id="hours-alone-no-leading-separator"),
        pytest.param(["72 h", "24 h"], [3, 1], "24 h = 1 d, 72 h = 3 d", id="two-hour-times-sorted"),
        pytest.param(["12 weeks", "72 h", "2 months"], [84, 3, 60], "week = 7 d, month = 30 d; 72 h = 3 d", id="both"),
        pytest.param(["NA", "2 weeks"], [14, 14], "week = 7 d", id="a-cell-without-a-number-is-skipped"),
        pytest.param(["0 days", "1 month"], [0, 30], "month = 30 d", id="a-zero-time-is-skipped"),
    ],
)
def test_days_key_names_only_the_units_the_panel_holds(printed, days, key):
    """E.g. "week = 7 d, month = 30 d, year = 365 d; 72 h = 3 d" (second reading 2.4)."""
    follow = pd.DataFrame({"printed": printed, "days": pd.array(days, dtype="Float64")})
    assert dosing.days_key(follow) == key
