"""Which rows a ``flagged: drop`` run leaves out (helpers.core.selection.left_out), as its docstring states."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from helpers.core.selection import left_out

DERIVED = pd.DataFrame({"table": ["table1", "table1", "table2"], "row": [1, 2, 1]})


@pytest.mark.parametrize(
    ("flagged", "audit_flagged", "expected"),
    [
        ("keep", {("table1", 1)}, [False, False, False]),  # keep and mark leave nothing out
        ("mark", {("table1", 1)}, [False, False, False]),
        ("drop", {("table1", 2), ("table2", 1)}, [False, True, True]),
        ("drop", set(), [False, False, False]),  # the audit flags nothing: nothing left out
    ],
    ids=["keep", "mark", "drop-two", "drop-none-flagged"],
)
def test_a_drop_run_leaves_out_exactly_the_rows_the_audit_flags(flagged, audit_flagged, expected):
    run = SimpleNamespace(values={"flagged": flagged}, audit_flagged=audit_flagged)
    assert left_out(DERIVED, run).tolist() == expected


def test_a_drop_run_without_the_audits_rows_is_refused_by_name():
    # Dropping nothing would draw the flagged rows under a subtitle saying they were left out.
    run = SimpleNamespace(values={"flagged": "drop"})
    with pytest.raises(ValueError) as caught:
        left_out(DERIVED, run)
    assert str(caught.value) == "flagged='drop' needs the audit's flagged rows on the run (run.audit_flagged)"


def test_a_table_without_a_table_column_is_named_by_the_caller():
    run = SimpleNamespace(values={"flagged": "drop"}, audit_flagged={("table3", 2)})
    rows = pd.DataFrame({"row": [1, 2]})
    assert left_out(rows, run, table="table3").tolist() == [False, True]


def test_row_numbers_read_as_text_match_the_audits_numbers():
    run = SimpleNamespace(values={"flagged": "drop"}, audit_flagged={("table1", 2)})
    rows = pd.DataFrame({"table": ["table1", "table1"], "row": ["1", "2"]})  # as a CSV read with dtype=str gives
    assert left_out(rows, run).tolist() == [False, True]
