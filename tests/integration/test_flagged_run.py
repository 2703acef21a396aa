"""End to end: ``review run <figure> -p flagged drop`` leaves out the audit-flagged rows, and a bad value is refused.

The flagged rows are our reading of ``tables/audit.csv`` (see
``tests/unit/analysis/test_flagged_drop.py``): Table 3 rows 2 and 3 (X1, the
same results text and enrollment) and row 17 (I9, no registry number).
"""

from __future__ import annotations

import csv
import io

from tests.conftest import review, tree_hashes

CANONICAL = ("notebooks", "tables", "figures")
TRIALS_FLAGGED = {2, 3, 17}


def test_a_drop_run_of_the_trials_figure_leaves_out_the_flagged_rows_and_says_so(project_copy):
    before = tree_hashes(project_copy, *CANONICAL)
    result = review(project_copy, "run", "trials", "-p", "flagged", "drop", "-p", "formats", "svg")
    assert result.returncode == 0, result.stderr
    folder = project_copy / "runs" / "trials_flagged-drop_formats-svg"
    evidence = list(csv.DictReader(io.StringIO((folder / "trials.evidence.csv").read_text(encoding="utf-8"))))
    assert len(evidence) == 18 - len(TRIALS_FLAGGED)
    assert not {int(row["row"]) for row in evidence} & TRIALS_FLAGGED
    svg = (folder / "trials.svg").read_text(encoding="utf-8")
    assert "3 of 18 clinical studies flagged by the audit left out: Table 3 rows 2, 3, 17" in svg
    assert "Left out (flagged: drop): the 3 of the 18 clinical studies" in svg  # the caption's lead
    assert tree_hashes(project_copy, *CANONICAL) == before


def test_a_bad_flagged_value_is_refused_naming_the_parameter_before_anything_is_written(project_copy):
    before = tree_hashes(project_copy, *CANONICAL)
    result = review(project_copy, "run", "dosing", "-p", "flagged", "hide")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "parameter 'flagged'" in result.stderr and "allowed: keep, mark, drop" in result.stderr
    assert not (project_copy / "runs").exists()
    assert tree_hashes(project_copy, *CANONICAL) == before
