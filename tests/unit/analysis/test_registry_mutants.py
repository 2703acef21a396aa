"""The registry comparison, rule by rule, on a few literal Table 3 rows and literal snapshot answers.

Written against mutmut's survivors of :mod:`helpers.analysis.registry` (issue 21). The expected wording is what
the module's docstring states each flag and note says; the registry answers are invented (never in data/).
"""

from __future__ import annotations

import types

import pandas as pd
import pytest

from helpers.analysis import registry

DAY = "2026-12-06"
NOT_TRIAL_NOTE = (
    "a retrospective cohort study (no NCT id printed: a reference number [39] printed instead of an NCT number), "
    "not a registered trial: its status, phase cell and enrollment are the review's entries, not registry "
    "fields; not looked up in ClinicalTrials.gov, and whether it is registered elsewhere is not reported in the "
    "review"
)


def _trials(rows: list[dict]) -> pd.DataFrame:
    """Table 3 rows with the columns the comparison reads (defaults: a completed phase 1 trial of 10)."""
    base = {
        "nct_id": "NCT00000001",
        "nct_id_missing": "",
        "design": "registered trial",
        "status": "Completed",
        "phases_printed": "1",
        "phase": "1",
        "phase_missing": "",
        "enrollment": 10,
        "results_cell": "No results published",
        "results_printed": False,
        "transcription_notes": pd.NA,
    }
    frame = pd.DataFrame([{**base, **r} for r in rows])
    return frame.astype({"enrollment": "Int64", "results_printed": "boolean"})


def _one(row: dict, answer: dict | None = None, day: str | None = DAY) -> pd.Series:
    nct = row.get("nct_id", "NCT00000001")
    snapshot = None if day is None else {"fetched": day, "trials": {} if answer is None else {nct: answer}}
    return registry.compare(_trials([{"row": 1, **row}]), snapshot).iloc[0]


# ---------------------------------------------------------------- the printed side and its notes


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (pd.NA, ""),
        ("Purpose: a note on another cell", ""),
        ("Results: the text reports a result | Purpose: other", "Results cell: the text reports a result"),
        ("Purpose: x | Results: said in the text", "Results cell: said in the text"),
        ("Results: first says Results: second | rest", "Results cell: first says Results: second"),
    ],
)
def test_the_results_note_is_the_transcription_note_on_the_results_cell(notes, expected):
    assert _one({"transcription_notes": notes}, day=None)["note"] == expected


def test_a_missing_printed_enrollment_is_an_empty_cell():
    got = _one({"enrollment": pd.NA}, {"enrollment": {"count": 10, "type": "ACTUAL"}, "overall_status": "COMPLETED"})
    assert got["printed_enrollment"] == ""
    assert got["enrollment_number_changed"] == "differs"


def test_a_results_cell_shared_by_three_rows_names_the_other_two():
    shared = {"results_cell": "Improved ovarian function", "results_printed": True}
    table = registry.compare(_trials([{"row": r, **shared} for r in (2, 3, 5)]), None)
    assert table["note"].tolist() == [
        "Results cell identical to row 3, 5's; not checked against the registry",
        "Results cell identical to row 2, 5's; not checked against the registry",
        "Results cell identical to row 2, 3's; not checked against the registry",
    ]


def test_notes_are_joined_by_semicolons_without_and_with_a_snapshot():
    row = {"phase": pd.NA, "phase_missing": "not a trial phase: 'x'", "transcription_notes": "Results: said"}
    expected = "phase: not a trial phase: 'x'; Results cell: said"
    assert _one(row, day=None)["note"] == expected
    read = _one(row, {"overall_status": "COMPLETED", "phases": ["PHASE1"]})
    assert read["registry_answer"] == registry.READ
    assert read["note"] == expected


def test_a_row_that_is_no_registered_trial_says_so_first():
    row = {
        "nct_id": pd.NA,
        "nct_id_missing": "a reference number [39] printed instead of an NCT number",
        "design": "retrospective cohort study",
        "phase": pd.NA,
        "phase_missing": "not a trial phase: 'A retrospective study'",
    }
    got = _one(row)
    assert got["note"] == NOT_TRIAL_NOTE + "; phase: not a trial phase: 'A retrospective study'"
    assert [got[f] for f in registry.FLAGS] == ["not compared: not a registered trial"] * 4


# ---------------------------------------------------------------- the registry side


def test_absent_registry_fields_are_empty_cells_and_not_compared():
    got = _one({"status": "Recruiting"}, {"enrollment": {}})
    assert got["registry_answer"] == registry.READ
    assert [got[c] for c in ("registry_status", "registry_enrollment", "enrollment_type")] == ["", "", ""]
    assert got["registry_results_posted"] == ""
    assert got["status_changed"] == "not compared: registry field empty"
    assert got["enrollment_number_changed"] == "not compared: registry field empty"
    assert got["enrollment_type_changed"] == "not compared: registry field empty"


@pytest.mark.parametrize(("posted", "shown"), [(True, "yes"), (False, "no"), (None, "")])
def test_registry_results_posted_reads_has_results(posted, shown):
    assert _one({}, {"has_results": posted})["registry_results_posted"] == shown


# ---------------------------------------------------------------- the flags
# status_flag and enrollment_type_flag: one table each in test_registry_reading.py


@pytest.mark.parametrize(
    ("phases", "written"),
    [
        (["PHASE1", "PHASE2"], "1/2"),
        (["EARLY_PHASE1"], "early 1"),
        (["NA"], "not applicable"),
        ([], ""),
        (None, ""),
        ("PHASE2", ""),  # not the registry's list: nothing is read from it
    ],
)
def test_registry_phase_is_written_as_table_3_writes_a_phase(phases, written):
    assert registry.registry_phase(phases) == written


# ---------------------------------------------------------------- the table


@pytest.mark.parametrize("rows", [[], [{"row": 2}, {"row": 1}]])
def test_compare_gives_every_column_in_order(rows):
    table = registry.compare(_trials(rows) if rows else _trials([{"row": 1}]).iloc[0:0], None)
    assert list(table.columns) == list(registry.COLUMNS)
    assert table["row"].tolist() == [str(r["row"]) for r in sorted(rows, key=lambda r: r["row"])]


def _printed_table(rows: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"row": rows, "phases": ["1"] * len(rows), "results": ["No results published"] * len(rows)})


def test_load_refuses_a_printed_table_with_a_row_twice(monkeypatch):
    monkeypatch.setattr(registry.snapshots, "choose", lambda snapshot: None)
    monkeypatch.setattr(
        registry, "curated", types.SimpleNamespace(load=lambda name: _printed_table([1, 1, *range(2, 19)]))
    )
    with pytest.raises(pd.errors.MergeError):
        registry.load()


def test_load_keeps_every_coded_trial_even_without_its_printed_cells(monkeypatch):
    monkeypatch.setattr(registry.snapshots, "choose", lambda snapshot: None)
    monkeypatch.setattr(
        registry, "curated", types.SimpleNamespace(load=lambda name: _printed_table(list(range(1, 18))))
    )
    table, day = registry.load()
    assert day is None
    assert table["row"].tolist() == [str(r) for r in range(1, 19)]
