"""Which rows a run selects (``helpers.core.selection.selected_rows``), called with its default arguments.

Rule (the function's docstring): with ``flagged: drop`` the rows the audit flags are left out here, by
default, so every exhibit selecting through this function drops the same rows; ``audit=False`` selects by
the parameters alone. The expected lists are worked out by hand from the three rows below.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from helpers.core.selection import selected_rows

DERIVED = pd.DataFrame({"table": ["table1", "table1", "table2"], "row": [1, 2, 1], "disease_code": ["AD", "AD", "POF"]})


def _run(flagged: str, diseases=None):
    values = {"flagged": flagged} | ({"diseases": diseases} if diseases else {})
    return SimpleNamespace(values=values, audit_flagged={("table1", 2)}, selected=lambda name: values.get(name))


@pytest.mark.parametrize(
    "run, expected",
    [
        (_run("drop"), [True, False, True]),  # by default the audit-flagged row (table1 row 2) is left out
        (_run("keep"), [True, True, True]),  # keep leaves nothing out
        (_run("drop", diseases=("AD",)), [True, False, False]),  # parameters and the audit both apply
    ],
    ids=["drop-by-default", "keep", "drop-and-diseases"],
)
def test_selected_rows_leaves_out_the_audit_flagged_rows_by_default(run, expected):
    """Called without ``audit``, a drop run's selection already leaves out what the audit flags."""
    assert selected_rows(DERIVED, run).tolist() == expected


def test_selected_rows_without_the_audit_selects_by_the_parameters_alone():
    """``audit=False``: the flagged row stays (what a drop run leaves out is counted among these)."""
    assert selected_rows(DERIVED, _run("drop", diseases=("AD",)), audit=False).tolist() == [True, True, False]
