"""Table 3 coded (``helpers.data.coded.trials``), column by column against the printed table.

Every expected value is read off the 18 printed rows of Table 3
(``data/clinical_trials.csv``, transcribed from the review) by the rules of
``TRIAL_COLUMNS``: a row prints a registry (NCT) number or, row 17 only, a
reference in brackets ([39]); the donor relation is the Purpose cell's word
(autologous or allogeneic) or empty with a reason; the modification is what
the Purpose cell names; the Results cell prints a summary or "No results
published"; our transcription notes sit on rows 2, 3, 4, 8, 9, 11, 14 and 17.
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from helpers.data import coded
from tests.conftest import ROOT

ROWS = list(range(1, 19))
NO_RELATION = "the Purpose cell names no donor relation: not reported in the review"
NO_REF = "the row prints a registry number, not a reference"
NO_NOTE = "no transcription note on this row's printed cells"
NA = pd.NA


def _printed() -> list[dict[str, str]]:
    with (ROOT / "data" / "clinical_trials.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _by_row(values: dict[int, object], otherwise: object) -> list[object]:
    return [values.get(row, otherwise) for row in ROWS]


COLUMNS = [
    # (column, dtype, expected value of rows 1..18)
    pytest.param("table", None, ["table3"] * 18, id="table: always table3"),
    pytest.param("row", "Int64", ROWS, id="row: the printed rows in order"),
    pytest.param("ref", "Int64", _by_row({17: 39}, NA), id="ref: only row 17 prints one, [39]"),
    pytest.param("ref_missing", "string", _by_row({17: ""}, NO_REF), id="ref_missing: why the others have none"),
    pytest.param("registered", "boolean", _by_row({17: False}, True), id="registered: an NCT number printed"),
    pytest.param(
        "design",
        "string",
        # ref 39's title ends "a retrospective cohort study"
        _by_row({17: "retrospective cohort study"}, "registered trial"),
        id="design: registered trials and one retrospective cohort study",
    ),
    pytest.param("design_missing", "string", [""] * 18, id="design_missing: every design found"),
    pytest.param(
        "disease",
        "string",
        ["Premature ovarian failure"] * 7
        + ["Alzheimer's disease"] * 6
        + ["Osteoporosis"] * 3
        + ["Atherosclerosis", "Skin aging"],
        id="disease: the printed Disease Type spelled out",
    ),
    pytest.param(
        "relation",
        "string",
        # "Autologous MSCs ..." (2, 3, 17), "autologous fucoidan ..." (14), "allogeneic ADMSCs-Exos" (12)
        _by_row({2: "autologous", 3: "autologous", 12: "allogeneic", 14: "autologous", 17: "autologous"}, NA),
        id="relation: the Purpose cell's word",
    ),
    pytest.param(
        "relation_missing",
        "string",
        _by_row({2: "", 3: "", 12: "", 14: "", 17: ""}, NO_RELATION),
        id="relation_missing: no word, not reported",
    ),
    pytest.param(
        "modification",
        "string",
        # "combined with hormone replacement therapy" (1); "glycosylated BM-MSC" (14); "skin rejuvenation" (18) is
        # the aim, not a rejuvenated (primed) product
        _by_row({1: "co-treatment", 14: "engineered"}, "none"),
        id="modification: what the Purpose cell names",
    ),
    pytest.param(
        "results_printed",
        "boolean",
        _by_row({2: True, 3: True, 4: True, 9: True, 12: True, 17: True}, False),
        id="results_printed: a summary, not 'No results published'",
    ),
    pytest.param("results_printed_missing", "string", [""] * 18, id="results_printed_missing: every cell printed"),
    pytest.param(
        "transcription_notes_missing",
        "string",
        _by_row(dict.fromkeys([2, 3, 4, 8, 9, 11, 14, 17], ""), NO_NOTE),
        id="transcription_notes_missing: the rows without a note",
    ),
]


@pytest.mark.parametrize("column, dtype, expected", COLUMNS)
def test_each_trial_column_is_what_table_3_prints(column, dtype, expected):
    """Rule: one coded row per printed row of Table 3, each value derived from its cells as TRIAL_COLUMNS says."""
    values = coded.trials()[column]
    if dtype is not None:
        assert str(values.dtype) == dtype
    assert [NA if pd.isna(v) else v for v in values] == expected


@pytest.mark.parametrize(
    "column, printed, kind",
    [
        ("status", "research_status", str),
        ("results", "results", str),
        ("enrollment", "enrollment", int),
    ],
)
def test_status_results_and_enrollment_are_as_printed(column, printed, kind):
    """Rule: research status, the Results cell and the enrollment are the printed cells, typed."""
    trials = coded.trials()
    assert str(trials[column].dtype) == ("Int64" if kind is int else "string")
    assert list(trials[column]) == [kind(r[printed]) for r in _printed()]


def test_the_trials_columns_are_the_documented_ones_each_with_its_reason():
    """Rule: TRIAL_COLUMNS in order, each derived column followed by its reason where it has one."""
    assert list(coded.trials().columns) == [
        "table",
        "row",
        "ref",
        "ref_missing",
        "nct_id",
        "nct_id_missing",
        "registered",
        "design",
        "design_missing",
        "disease_code",
        "disease_code_missing",
        "disease",
        "tissue",
        "tissue_missing",
        "modality",
        "modality_missing",
        "relation",
        "relation_missing",
        "modification",
        "route",
        "route_missing",
        "phase",
        "phase_missing",
        "status",
        "enrollment",
        "results_printed",
        "results_printed_missing",
        "results",
        "transcription_notes",
        "transcription_notes_missing",
    ]


def test_a_trials_transcription_note_names_the_printed_column():
    """Rule: a note reads 'Printed column title: note' (data/transcription_notes.csv, clinical_trials rows)."""
    with (ROOT / "data" / "transcription_notes.csv").open(encoding="utf-8", newline="") as handle:
        notes = {int(r["row"]): r["note"] for r in csv.DictReader(handle) if r["table"] == "clinical_trials"}
    text = dict(zip(coded.trials()["row"], coded.trials()["transcription_notes"]))
    assert text[14] == f"Purpose: {notes[14]}"
    assert text[17] == f"Disease Type: {notes[17]}"
    assert text[1] is NA
