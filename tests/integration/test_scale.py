"""Scale: the build on data ten times larger (bench/scale.py), and the notebook display cut that keeps notebooks small.

``make bench`` measures 100 times the data (bench/bench.py, ``--scale``);
this test builds a 10x variant, which takes about half a minute (slow).
"""

from __future__ import annotations

import csv
import io
import sys

import pandas as pd
import pytest

from helpers.outputs import htmltable
from tests.conftest import ROOT, copy_project, review

sys.path.insert(0, str(ROOT / "bench"))
import scale  # noqa: E402  (bench/scale.py)

MB = 1024 * 1024


def test_a_long_frame_is_cut_in_the_notebook_with_a_note_and_a_short_one_is_not():
    frame = pd.DataFrame({"n": range(250), "text": [f"row {i}" for i in range(250)]})
    cut = htmltable.to_html(frame, uid="t")
    assert cut.count("<tr>") == 1 + htmltable.MAX_ROWS
    assert f"Showing the first {htmltable.MAX_ROWS} of 250 rows." in cut and "hold every row" in cut
    whole = htmltable.to_html(frame, uid="t", max_rows=None)
    assert whole.count("<tr>") == 251 and "Showing the first" not in whole
    short = frame.head(htmltable.MAX_ROWS)
    assert htmltable.to_html(short, uid="t") == htmltable.to_html(short, uid="t", max_rows=None)


def test_the_scaled_data_is_valid_and_keeps_the_real_rows_first(tmp_path):
    root = copy_project(tmp_path / "project")
    counts = scale.scale(root / "data", 3, seed=1)
    scale.validate(root)
    assert counts["msc_studies"] == 3 * 28 and counts["references"] == 3 * 83
    original = (ROOT / "data" / "msc_studies.csv").read_text(encoding="utf-8").splitlines()
    assert (root / "data" / "msc_studies.csv").read_text(encoding="utf-8").splitlines()[: len(original)] == original
    rows = list(csv.DictReader(io.StringIO((root / "data" / "exosome_studies.csv").read_text(encoding="utf-8"))))
    assert sorted(int(r["row"]) for r in rows) == list(range(1, len(rows) + 1))
    assert max(int(r["ref"]) for r in rows) > 83, "copies cite copies of the references"


@pytest.mark.slow
def test_a_build_on_ten_times_the_data_succeeds_with_small_notebooks_and_complete_exports(tmp_path):
    """Correctness at scale; its speed is measured by bench/bench.py (a timed test would be noise on 2 cores)."""
    root = copy_project(tmp_path / "scaled")
    counts = scale.scale(root / "data", 10)
    scale.validate(root)
    result = review(root, "build", "--force", "-q", "--no-site")
    assert result.returncode == 0, result.stdout + result.stderr
    sizes = {p.name: p.stat().st_size for p in (root / "notebooks").glob("*.ipynb")}
    assert all(size < 2 * MB for size in sizes.values()), sizes
    # The notebook shows a cut table; the exported file holds every row.
    exported = list(csv.reader(io.StringIO((root / "tables" / "table1.csv").read_text(encoding="utf-8"))))
    assert len(exported) == 1 + counts["msc_studies"]
    assert f"of {counts['msc_studies']} rows." in (root / "notebooks" / "table1.ipynb").read_text(encoding="utf-8")
    assert review(root, "verify").returncode == 0
