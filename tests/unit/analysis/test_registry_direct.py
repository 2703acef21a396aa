"""The registry comparison's row builders, called directly: the printed side, the registry side, one row.

:func:`helpers.analysis.registry.compare` reaches ``_row`` and, one level further, ``_printed``,
``_registry`` and ``_date``; here each is called on its own with one literal Table 3 row and literal
snapshot answers, so that every cell and every flag of the module's docstring is checked where it is made.
The printed rows are modelled on Table 3 of the review (row 7: NCT06202547, Recruiting, phase 1, 10
participants; row 17: the retrospective cohort of ref 39); the registry answers are invented (never in data/).
Every expected value is written by hand from the module's rules.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import registry

DAY = "2026-12-06"
NCT = "NCT06202547"

#: Table 3 row 7 as printed: a recruiting phase 1 trial of 10, "No results published".
ROW_7 = {
    "row": 7,
    "nct_id": NCT,
    "nct_id_missing": "",
    "design": "registered trial",
    "status": "Recruiting",
    "phases_printed": "1",
    "phase": "1",
    "phase_missing": "",
    "enrollment": 10,
    "results_cell": "No results published",
    "results_printed": False,
    "transcription_notes": pd.NA,
}

#: A registry answer that agrees with row 7 in every compared field.
AGREEING = {
    "nct_id": NCT,
    "overall_status": "RECRUITING",
    "phases": ["PHASE1"],
    "enrollment": {"count": 10, "type": "ESTIMATED"},
    "has_results": False,
    "status_verified": {"date": "2026-11"},
    "start_date": {"date": "2024-01-15"},
    "completion_date": "2027-06",
    "last_update_posted": {"date": "2026-11-20"},
}

#: The registry columns of a read answer that agrees with row 7 (dates as the answer writes them).
AGREEING_CELLS = {
    "registry_status": "RECRUITING",
    "registry_phase": "1",
    "registry_enrollment": "10",
    "enrollment_type": "ESTIMATED",
    "registry_results_posted": "no",
    "status_verified": "2026-11",
    "start_date": "2024-01-15",
    "completion_date": "2027-06",
    "last_update_posted": "2026-11-20",
}

#: The printed side of row 7 (every printed enrollment type is unknown to the review).
ROW_7_PRINTED = {
    "row": 7,
    "nct_id": NCT,
    "design": "registered trial",
    "printed_status": "Recruiting",
    "printed_phase": "1",
    "coded_phase": "1",
    "printed_enrollment": "10",
    "printed_enrollment_type": "not reported in the review",
    "results_cell": "No results published",
    "results_printed": "no",
}


def _trial(**changes) -> pd.Series:
    return pd.Series({**ROW_7, **changes})


def _row(trial: pd.Series, day: str | None, answer: dict | None, twins: dict | None = None) -> dict:
    answers = {} if answer is None else {str(trial["nct_id"]): answer}
    return registry._row(trial, day, answers, twins or {})


# ---------------------------------------------------------------- _date: a registry date as text


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        pytest.param({"start_date": {"date": "2024-01-15"}}, "2024-01-15", id="a-date-structure-gives-its-date"),
        pytest.param({"start_date": "2024-01"}, "2024-01", id="a-plain-date-is-kept"),
        pytest.param({"start_date": {"type": "ACTUAL"}}, "", id="a-structure-without-date-is-empty"),
        pytest.param({"start_date": None}, "", id="a-null-date-is-empty"),
        pytest.param({}, "", id="an-absent-date-is-empty"),
    ],
)
def test_date_reads_the_date_of_a_registry_field_or_nothing(found, expected):
    assert registry._date(found, "start_date") == expected


# ---------------------------------------------------------------- _printed: the printed side and its notes


def test_printed_side_of_a_complete_row_keeps_every_printed_cell_as_text():
    """Row 7 prints everything: no note, and the enrollment type is not reported in the review."""
    assert registry._printed(_trial(), {}) == {**ROW_7_PRINTED, "note": []}


def test_printed_side_of_the_retrospective_cohort_writes_missing_cells_empty_and_notes_the_phase():
    """Row 17 (ref 39): no NCT id and no trial phase printed; its Results cell is shared with nobody here."""
    trial = _trial(
        row=17,
        nct_id=pd.NA,
        nct_id_missing="a reference number [39] printed instead of an NCT number",
        design="retrospective cohort study",
        status="Completed",
        phases_printed="A retrospective study",
        phase=pd.NA,
        phase_missing="not a trial phase: 'A retrospective study'",
        enrollment=78,
        results_cell="Improved ovarian reserve",
        results_printed=True,
    )
    assert registry._printed(trial, {}) == {
        "row": 17,
        "nct_id": "",
        "design": "retrospective cohort study",
        "printed_status": "Completed",
        "printed_phase": "A retrospective study",
        "coded_phase": "",
        "printed_enrollment": "78",
        "printed_enrollment_type": "not reported in the review",
        "results_cell": "Improved ovarian reserve",
        "results_printed": "yes",
        "note": ["phase: not a trial phase: 'A retrospective study'"],
    }


@pytest.mark.parametrize(
    ("changes", "twins", "note"),
    [
        pytest.param({"enrollment": pd.NA}, {}, [], id="an-unprinted-enrollment-needs-no-note"),
        pytest.param(
            {}, {7: [2, 3]}, ["Results cell identical to row 2, 3's; not checked against the registry"], id="twin-rows"
        ),
        pytest.param({}, {7: []}, [], id="a-row-with-no-twin-gets-no-twin-note"),
        pytest.param(
            {"transcription_notes": "Purpose: x | Results: the text reports a result | y"},
            {},
            ["Results cell: the text reports a result"],
            id="the-transcription-note-on-the-results-cell",
        ),
        pytest.param({"transcription_notes": "Results- not our label"}, {}, [], id="no-results-label-no-note"),
        pytest.param(
            {"transcription_notes": "Results: first says Results: second | rest"},
            {},
            ["Results cell: first says Results: second"],
            id="the-note-runs-from-the-first-results-label-to-the-next-cell",
        ),
        pytest.param(
            {"phase": pd.NA, "phase_missing": "printed as NA", "transcription_notes": "Results: said"},
            {7: [9]},
            [
                "phase: printed as NA",
                "Results cell identical to row 9's; not checked against the registry",
                "Results cell: said",
            ],
            id="phase-then-twins-then-transcription",
        ),
    ],
)
def test_printed_side_notes_in_their_order(changes, twins, note):
    got = registry._printed(_trial(**changes), twins)
    assert got["note"] == note


def test_printed_side_of_an_unprinted_enrollment_is_an_empty_cell():
    assert registry._printed(_trial(enrollment=pd.NA), {})["printed_enrollment"] == ""


# ---------------------------------------------------------------- _registry: the registry side of one answer


def test_registry_side_of_a_full_answer():
    assert registry._registry(AGREEING) == AGREEING_CELLS


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        pytest.param(
            {},
            dict.fromkeys(AGREEING_CELLS, ""),
            id="an-answer-with-no-field-gives-empty-cells",
        ),
        pytest.param(
            {"enrollment": None, "overall_status": None, "phases": None, "has_results": None},
            dict.fromkeys(AGREEING_CELLS, ""),
            id="null-fields-give-empty-cells",
        ),
        pytest.param(
            {"enrollment": {"count": 0, "type": "ACTUAL"}, "has_results": True, "phases": ["PHASE1", "PHASE2"]},
            {
                **dict.fromkeys(AGREEING_CELLS, ""),
                "registry_phase": "1/2",
                "registry_enrollment": "0",
                "enrollment_type": "ACTUAL",
                "registry_results_posted": "yes",
            },
            id="a-count-of-zero-is-a-count-and-posted-results-read-yes",
        ),
    ],
)
def test_registry_side_leaves_absent_fields_empty(answer, expected):
    assert registry._registry(answer) == expected


# ---------------------------------------------------------------- _row: one row beside its snapshot entry


def test_row_without_a_snapshot_is_printed_values_and_empty_registry_cells():
    """No snapshot: every registry cell empty and every flag says there is no snapshot yet."""
    got = _row(_trial(), None, None)
    assert got == {
        **ROW_7_PRINTED,
        **dict.fromkeys(AGREEING_CELLS, ""),
        "snapshot": "",
        "registry_answer": "",
        **dict.fromkeys(registry.FLAGS, "not compared: no snapshot yet"),
        "note": "",
    }


@pytest.mark.parametrize(
    ("answer", "registry_answer", "note"),
    [
        pytest.param(None, "not in this snapshot", "", id="a-trial-absent-from-the-snapshot"),
        pytest.param(
            {"nct_id": NCT, "error": "HTTP 404"},
            "no usable answer",
            "the fetch recorded: HTTP 404",
            id="a-fetch-that-failed",
        ),
        pytest.param(
            {"nct_id": NCT, "error": "timeout", "alias_of": "NCT09999999"},
            "no usable answer",
            f"the fetch recorded: timeout; the registry answers for {NCT} with NCT09999999",
            id="a-failed-fetch-of-an-alias",
        ),
    ],
)
def test_row_not_read_says_why_in_every_flag(answer, registry_answer, note):
    """A snapshot that holds no usable answer: the day is kept, registry cells empty, flags say why."""
    got = _row(_trial(), DAY, answer)
    assert got == {
        **ROW_7_PRINTED,
        **dict.fromkeys(AGREEING_CELLS, ""),
        "snapshot": DAY,
        "registry_answer": registry_answer,
        **dict.fromkeys(registry.FLAGS, f"not compared: {registry_answer}"),
        "note": note,
    }


def test_row_read_and_agreeing_is_same_in_every_compared_flag():
    """Status RECRUITING, phase 1, 10 estimated: all same; the type of a recruiting row stays estimated."""
    got = _row(_trial(), DAY, AGREEING)
    assert got == {
        **ROW_7_PRINTED,
        **AGREEING_CELLS,
        "snapshot": DAY,
        "registry_answer": "read",
        "status_changed": "same",
        "phase_changed": "same",
        "enrollment_number_changed": "same",
        "enrollment_type_changed": "same (estimated)",
        "note": "",
    }


def test_row_read_and_drifted_differs_in_every_compared_flag():
    """Completed, phase 1/2, 12 actual against a recruiting phase 1 trial of 10: each flag moves."""
    answer = {
        **AGREEING,
        "overall_status": "COMPLETED",
        "phases": ["PHASE1", "PHASE2"],
        "enrollment": {"count": 12, "type": "ACTUAL"},
        "alias_of": "NCT06202548",
    }
    got = _row(_trial(), DAY, answer)
    assert [got[f] for f in registry.FLAGS] == ["differs", "differs", "differs", "estimated -> actual"]
    assert got["registry_answer"] == "read"
    assert got["snapshot"] == DAY
    assert got["note"] == f"the registry answers for {NCT} with NCT06202548"


def test_row_read_with_empty_registry_fields_is_not_compared_field_by_field():
    """A read answer with no status, phases or enrollment: the flags say the registry field is empty."""
    got = _row(_trial(), DAY, {"nct_id": NCT})
    assert [got[f] for f in registry.FLAGS] == ["not compared: registry field empty"] * 4


def test_row_of_a_completed_trial_compares_status_but_not_enrollment_type():
    """A printed Completed row: status compared (same), the printed enrollment type is not known."""
    answer = {**AGREEING, "overall_status": "COMPLETED", "enrollment": {"count": 10, "type": "ACTUAL"}}
    got = _row(_trial(status="Completed"), DAY, answer)
    assert [got[f] for f in registry.FLAGS] == [
        "same",
        "same",
        "same",
        "not comparable: printed type not reported in the review",
    ]


def test_row_that_is_no_registered_trial_is_not_looked_up_even_with_an_answer():
    """Row 17 (ref 39) is not a registered trial: no snapshot day, no answer, flags say so."""
    trial = _trial(
        row=17,
        nct_id=pd.NA,
        nct_id_missing="a reference number [39] printed instead of an NCT number",
        design="retrospective cohort study",
        status="Completed",
        phase=pd.NA,
        phase_missing="not a trial phase: 'A retrospective study'",
    )
    got = registry._row(trial, DAY, {"": AGREEING}, {})
    assert got["snapshot"] == ""
    assert got["registry_answer"] == ""
    assert [got[f] for f in registry.FLAGS] == ["not compared: not a registered trial"] * 4
    assert got["note"].startswith("a retrospective cohort study (no NCT id printed: a reference number [39] ")
    assert got["note"].endswith("; phase: not a trial phase: 'A retrospective study'")


def test_row_of_a_registered_trial_without_a_printed_nct_id_is_not_looked_up():
    """No NCT id printed: nothing to look up, so it is not in the snapshot whatever the snapshot holds."""
    got = registry._row(_trial(nct_id=pd.NA, nct_id_missing="no NCT number printed"), DAY, {"": AGREEING}, {})
    assert got["registry_answer"] == "not in this snapshot"
    assert got["registry_status"] == ""
    assert [got[f] for f in registry.FLAGS] == ["not compared: not in this snapshot"] * 4
