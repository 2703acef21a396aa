"""Notes under a table reach every format that carries a legend; a legend keeps a separator only where printed."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from helpers.outputs import formats, tables

FRAME = pd.DataFrame({"Disease": ["POF"], "Route Dosage/cells": ["NA 2 × 10⁷"]})
NOTES = (
    "Transcription note, row 1, Route Dosage/cells: NA stands where a route is printed.",
    "Audit W4 (check): 2-fold.",
)


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_notes_follow_the_legend_in_text_formats(fmt):
    text = formats.table_bytes(FRAME, fmt, exhibit="t", title="T", caption="c", legend="LEGEND", notes=NOTES).decode()
    where = [text.index("LEGEND"), text.index("Transcription note"), text.index("Audit W4")]
    assert where == sorted(where)


def test_notes_are_rows_of_the_excel_notes_sheet():
    from openpyxl import load_workbook

    data = formats.table_bytes(FRAME, "xlsx", exhibit="t", title="T", caption="c", legend="LEGEND", notes=NOTES)
    sheet = load_workbook(io.BytesIO(data))["Notes"]
    rows = [(r[0].value, r[1].value) for r in sheet.iter_rows()]
    assert ("Note", NOTES[0]) in rows and ("Note", NOTES[1]) in rows
    assert [name for name, _ in rows].index("Legend") < [name for name, _ in rows].index("Note")


def test_csv_holds_cells_only():
    data = formats.table_bytes(FRAME, "csv", exhibit="t", title="T", caption="c", legend="LEGEND", notes=NOTES)
    assert b"Transcription note" not in data and b"LEGEND" not in data


def test_no_notes_leave_the_files_as_before():
    for fmt in ("md", "tex"):
        with_none = formats.table_bytes(FRAME, fmt, exhibit="t", title="T", caption="c", legend="L")
        assert with_none == formats.table_bytes(FRAME, fmt, exhibit="t", title="T", caption="c", legend="L", notes=())


# (entries: (position, abbreviation, definition, note), expected legend)
LEGENDS = [
    ([(1, "A", "a", ""), (2, "B", "b", "")], "A: a; B: b"),
    (
        [
            (1, "POF", "Premature ovarian failure", "printed with no separator before the next entry"),
            (2, "AD", "Alzheimer's disease", "printed with no separator after the previous entry"),
            (3, "AS", "Atherosclerosis", ""),
        ],
        "POF: Premature ovarian failure AD: Alzheimer's disease; AS: Atherosclerosis",
    ),
    ([(1, "A", "a", "printed with no separator before the next entry")], "A: a"),
]


@pytest.mark.parametrize("entries, expected", LEGENDS)
def test_legend_adds_no_separator_the_print_lacks(monkeypatch, entries, expected):
    frames = {
        "abbreviations": pd.DataFrame(
            [("t", p, a, d, n) for p, a, d, n in entries],
            columns=["legend", "position", "abbreviation", "definition", "note"],
        ),
        "legend_notes": pd.DataFrame(columns=["legend", "position", "kind", "text"]),
    }
    monkeypatch.setattr(tables.curated, "load", frames.__getitem__)
    assert tables.legend("t") == expected
