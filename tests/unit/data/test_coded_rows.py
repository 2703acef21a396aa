"""Per-row columns of the coded studies that come from our own records (``helpers.data.coded``).

Checks, each on a few rows written here or picked from the printed tables:

* ``animal_work_words``: on an in vitro only row, the words of the Effects
  cell and of the cited title that speak of animal work, each labelled with
  where it stands, or a reason why there are none;
* ``transcription_notes``: our notes on a row's printed cells
  (``data/transcription_notes.csv``) as ``Column title: note``, ' | '-joined,
  with the printed column's title, or the reason a row has none;
* the column order of a coded file (each value followed by its reason);
* the publication year of each cited reference (``data/references.csv``).
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from helpers.data import coded
from tests.conftest import ROOT

NOT_IN_VITRO = "not an in vitro only row: its printed animal model and in vivo route show the animal work"
NO_WORDS = "no word of the Effects cell or the cited title speaks of animal work"
NO_NOTE = "no transcription note on this row's printed cells"


def _animal_work(rows: list[tuple[int, str, str]], index: list[int]) -> pd.DataFrame:
    refs = pd.array([r for r, _, _ in rows], dtype="Int64")
    printed = pd.DataFrame({"ref": refs, "effects": [e for _, e, _ in rows]})
    printed.index = index
    return coded._animal_work_words(printed, pd.Series([s for _, _, s in rows], index=index))


ANIMAL_WORK = [
    pytest.param(
        (58, "BM-MSCs improve cognitive impairment in AD model mice by transferring exosomal miR-146a", "in vitro"),
        # ref 58's title: "... improve cognitive impairment in an Alzheimer's disease model ... in hippocampus"
        ("Effects cell 'cognitive impairment', 'mice'; cited title 'cognitive impairment', 'hippocampus'", ""),
        id="both the Effects cell and the cited title speak of animals: both, labelled, '; '-joined",
    ),
    pytest.param(
        (74, "ADMSC-Exos alleviate apoptosis and oxidative stress by regulating the Nrf2/HO-1 axis", "in vitro"),
        # ref 74's title: "... alleviated dexamethasone-induced bone loss by regulating the Nrf2/HO-1 axis"
        ("cited title 'bone loss'", ""),
        id="only the cited title speaks of an outcome in animals (ref 74, audit W6)",
    ),
    pytest.param(
        (9999, "cells injected into rats", "in vitro"),
        ("Effects cell 'injected', 'rats'", ""),
        id="a reference without a title: the Effects cell alone",
    ),
    pytest.param(
        (44, "AD-MSCs combat skin photoaging in vitro by activating dermal fibroblast proliferation", "in vitro"),
        # ref 44's title speaks of human keratinocytes and dermal fibroblasts only
        (pd.NA, NO_WORDS),
        id="an in vitro row whose cell and title name no animal work: empty, with the reason",
    ),
    pytest.param(
        (10, "AM-MSC transplantation improved the premature aging phenotype in mice", "in vivo"),
        (pd.NA, NOT_IN_VITRO),
        id="an in vivo row prints its animal work: the column is for in vitro only rows",
    ),
    pytest.param(
        (58, "cognitive impairment in mice", "in vivo + in vitro"),
        (pd.NA, NOT_IN_VITRO),
        id="an in vivo + in vitro row prints its animal work too",
    ),
]


@pytest.mark.parametrize("row, expected", ANIMAL_WORK)
def test_animal_work_words_of_an_in_vitro_only_row(row, expected):
    """Rule: only an in vitro only row lists animal words, from the Effects cell then the cited title."""
    words, reason = expected
    # indexed as the printed rows (5), so that the coded frame can join it back
    pd.testing.assert_frame_equal(
        _animal_work([row], [5]),
        pd.DataFrame(
            {
                "animal_work_words": pd.array([words], dtype="string"),
                "animal_work_words_missing": pd.array([reason], dtype="string"),
            },
            index=[5],
        ),
    )


def test_animal_work_words_are_found_row_by_row_after_an_in_vivo_row():
    """Rule: each printed row gets its own words and reason, whatever the rows before it; both are strings."""
    frame = _animal_work(
        [
            (10, "AM-MSC transplantation improved the phenotype", "in vivo"),
            (74, "ADMSC-Exos alleviate apoptosis", "in vitro"),
            (44, "AD-MSCs combat skin photoaging in vitro", "in vitro"),
        ],
        [7, 3, 9],
    )
    expected = pd.DataFrame(
        {
            "animal_work_words": pd.array([pd.NA, "cited title 'bone loss'", pd.NA], dtype="string"),
            "animal_work_words_missing": pd.array([NOT_IN_VITRO, "", NO_WORDS], dtype="string"),
        },
        index=[7, 3, 9],
    )
    pd.testing.assert_frame_equal(frame, expected)


def _notes(table: str) -> dict[tuple[int, str], str]:
    """Our notes as written in data/transcription_notes.csv, by (row, column): the input, read as a user would."""
    with (ROOT / "data" / "transcription_notes.csv").open(encoding="utf-8", newline="") as handle:
        return {(int(r["row"]), r["column"]): r["note"] for r in csv.DictReader(handle) if r["table"] == table}


@pytest.mark.parametrize(
    "resource, rows, said",
    [
        pytest.param(
            "msc_studies",
            [22, 1, 3],
            # row 22 has two notes, in file order; row 1 none; row 3 one on its Animal model cell
            [
                [("Animal model", 22, "animal_model"), ("Route Dosage/cells", 22, "route_dosage")],
                [],
                [("Animal model", 3, "animal_model")],
            ],
            id="Table 1: two notes joined, a row without a note, one note",
        ),
        pytest.param(
            "exosome_studies",
            [21, 2],
            [[("In vitro model", 21, "in_vitro_model"), ("Ref.", 21, "ref")], []],
            id="Table 2: the printed titles of Table 2's columns",
        ),
        pytest.param(
            "clinical_trials",
            [1, 14],
            [[], [("Purpose", 14, "purpose")]],
            id="Table 3: only Table 3's notes, not another table's row of the same number",
        ),
    ],
)
def test_transcription_notes_name_the_printed_column_of_each_note(resource, rows, said):
    """Rule: a row's notes read 'Printed column title: note', ' | '-joined; a row without one says so."""
    notes = _notes(resource)
    index = [40 + i for i in range(len(rows))]  # not 0..n: the result must keep the printed rows' index
    text, reason = coded._transcription_notes(resource, pd.Series(pd.array(rows, dtype="Int64"), index=index))
    expected = [" | ".join(f"{title}: {notes[(r, column)]}" for title, r, column in parts) or pd.NA for parts in said]
    pd.testing.assert_series_equal(text, pd.Series(pd.array(expected, dtype="string"), index=index))
    reasons = ["" if parts else NO_NOTE for parts in said]
    pd.testing.assert_series_equal(reason, pd.Series(pd.array(reasons, dtype="string"), index=index))


@pytest.mark.parametrize(
    "given, columns, order",
    [
        pytest.param(
            ["b", "a_missing", "a", "c", "b_missing"],
            {"a": ("string", ""), "b": ("number", ""), "c": ("string", "")},
            ["a", "a_missing", "b", "b_missing", "c"],
            id="each value is followed by its reason, in the documented order",
        ),
        pytest.param(
            ["a", "a_missing"],
            {"a": ("string", ""), "a_missing": ("string", "a documented column of its own")},
            ["a", "a_missing"],
            id="a documented _missing column is listed once, in its own place",
        ),
    ],
)
def test_the_columns_are_ordered_each_followed_by_its_reason(given, columns, order):
    """Rule: a coded file's columns are its documented ones in order, each derived one followed by its reason;
    the rows are numbered from 0 again."""
    frame = pd.DataFrame({c: [f"{c}1", f"{c}2"] for c in given}, index=[4, 2])
    result = coded._with_reasons(frame, columns)
    assert list(result.columns) == order
    assert list(result.index) == [0, 1]
    assert list(result[order[0]]) == [f"{order[0]}1", f"{order[0]}2"]


def test_the_year_of_each_cited_reference_is_a_whole_number():
    """Rule: the year a study was published is its reference's year in data/references.csv (ref 10: Sci Rep 2015;
    ref 58: Sci Rep 2020; ref 83: Aging 2021), keyed and valued by whole numbers."""
    years = coded._years()
    assert (years[10], years[58], years[83]) == (2015, 2020, 2021)
    assert all(type(ref) is int and type(year) is int for ref, year in years.items())
    assert len(years) == 83  # one per numbered reference, 1 to 83
    assert sorted(years) == list(range(1, 84))


def test_a_table_without_rows_gets_both_animal_work_columns_as_strings():
    """Rule: animal_work_words and its reason are string columns whatever the rows (a selection may keep none)."""
    frame = _animal_work([], [])
    assert list(frame.columns) == ["animal_work_words", "animal_work_words_missing"]
    assert [str(frame[c].dtype) for c in frame.columns] == ["string", "string"] and len(frame) == 0


def test_a_note_on_a_column_the_table_does_not_define_keeps_the_columns_name(monkeypatch):
    """Rule: a note is shown under the printed column's title; a column without one (not in the table's schema)
    is shown under its own name rather than as 'None'."""
    from helpers.data import curated

    load = curated.load
    notes = pd.DataFrame(
        {
            "table": ["msc_studies", "msc_studies", "exosome_studies"],
            "row": pd.array([2, 2, 2], dtype="Int64"),
            "column": ["effects", "page_footer", "effects"],
            "note": ["first note", "second note", "another table's note"],
        }
    )
    monkeypatch.setattr(curated, "load", lambda name: notes if name == "transcription_notes" else load(name))
    text, reason = coded._transcription_notes("msc_studies", pd.Series(pd.array([2], dtype="Int64")))
    assert list(text) == ["Effects: first note | page_footer: second note"]
    assert list(reason) == [""]
