"""``review add`` and the editions, end to end in a scratch copy of the project.

The refusals are read from the print: Table 3 row 1 is NCT01742533 and reference 13 (Luo et al., Table 1 row 4)
has DOI 10.1186/s12958-022-0992-5, so an addition naming either repeats a printed row. The synthetic study
(tests/fixtures/additions/synthetic-study.yaml, marked synthetic) is a Table 1 POF rat study whose Effects cell
names apoptosis: the printed Table 1 has 28 rows and the reference list 83 entries, so it becomes row 29 citing
reference 84, and the only printed POF cell study with an animal arm whose Effects cell names apoptosis is
row 4 (reference 13), so Fig. 1's "Anti-apoptosis & survival" dot for POF cells in vivo goes from 1 to 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import build_ok, copy_project, review, tree_hashes

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "additions" / "synthetic-study.yaml"


def _study(**changes) -> dict:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        block, _, key = dotted.partition("__")
        data[block][key] = value
    return data


def _trial(nct: str) -> dict:
    cells = {
        "disease_type": "POF",
        "purpose": "SYNTHETIC trial of UC-MSCs for POF",
        "msc_type": "UC-MSC",
        "migration_method": "IV",
        "results": "No results published",
        "phases": "1",
        "enrollment": 20,
        "research_status": "Recruiting",
        "nct_number": nct,
    }
    return {
        "table": "clinical_trials",
        "date_added": "2026-01-01",
        "added_by": "synthetic test fixture",
        "row": cells,
        "evidence": {k: f"SYNTHETIC quote: {v}" for k, v in cells.items() if k != "nct_number"},
    }


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("add") / "project")


REFUSALS = [
    ("duplicate-doi", _study(reference__doi="10.1186/s12958-022-0992-5"), "doi", "data/references.csv ref 13"),
    ("unknown-code", _study(row__disease="ALS"), "disease", "'ALS'"),
    ("missing-required-cell", _study(row__effects=""), "effects", "not empty"),
    ("bad-nct-id", _trial("NCT123"), "nct_number", "'NCT123'"),
    ("duplicate-nct-id", _trial("NCT01742533"), "nct_number", "data/clinical_trials.csv row 1"),
    ("no-evidence", _study(evidence__effects=""), "effects", "no quoted source text"),
]


@pytest.mark.parametrize(("case", "addition", "field", "named"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_a_refused_addition_is_one_line_naming_file_field_value_and_writes_nothing(
    scratch, tmp_path, case, addition, field, named
):
    source = tmp_path / f"{case}.yaml"
    source.write_text(yaml.safe_dump(addition, allow_unicode=True), encoding="utf-8")
    before = tree_hashes(scratch, "data")
    done = review(scratch, "add", str(source))
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"review add: refused: {case}.yaml: field '{field}': value "), lines[0]
    assert named in lines[0]
    assert tree_hashes(scratch, "data") == before
    assert not list((scratch / "data" / "additions").glob("*.tmp*"))


def test_an_added_study_moves_the_current_edition_and_leaves_the_printed_one(tmp_path):
    root = copy_project(tmp_path / "project")
    canonical = tree_hashes(root, "figures", "tables")

    done = review(root, "add", str(FIXTURE))
    assert done.returncode == 0, done.stderr
    assert "added references ref 84 to data/additions/references.csv" in done.stdout
    assert "added msc_studies row 29 to data/additions/msc_studies.csv" in done.stdout
    assert "audit findings on msc_studies row 29:" in done.stdout

    build_ok(root, "--only", "fig1")  # the printed edition, rebuilt: the same bytes as committed
    build_ok(root, "--edition", "current", "--only", "fig1", "dataset")
    assert tree_hashes(root, "figures", "tables") == canonical
    again = build_ok(root, "--edition", "current", "--only", "fig1", "dataset")
    assert "up to date (edition current):  fig1, dataset" in again.stdout

    shown = review(root, "diff", "printed", "current").stdout
    assert "### data/msc_studies.csv (1 rows)\n\n- row 29: added" in shown
    assert "- ref 84: added" in shown
    assert "- table table1, row 29: added" in shown
    assert (
        "fig1 · mechanism · Anti-apoptosis & survival · Premature ovarian failure · cells · in vivo: studies 1 → 2"
        in shown
    )
    notebook = (root / "runs" / "fig1_edition-current" / "fig1.ipynb").read_text(encoding="utf-8")
    assert "Edition current: the printed edition plus 2 added rows from data/additions/" in notebook
