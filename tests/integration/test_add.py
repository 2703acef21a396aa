"""``review add`` and the editions, end to end in a scratch copy of the project.

The refusals are read from the print: Table 3 row 1 is NCT01742533 and reference 13 (Luo et al., Table 1 row 4)
has DOI 10.1186/s12958-022-0992-5, so an addition naming either repeats a printed row. The synthetic study
(tests/fixtures/additions/synthetic-study.yaml, marked synthetic) is a Table 1 POF rat study whose Effects cell
names apoptosis: the printed Table 1 has 28 rows and the reference list 83 entries, so it becomes row 29 citing
reference 84, and the only printed POF cell study with an animal arm whose Effects cell names apoptosis is
row 4 (reference 13), so Fig. 1's "Anti-apoptosis & survival" dot for POF cells in vivo goes from 1 to 2.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from tests.conftest import build_ok, copy_project, review, tree_hashes

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "additions" / "synthetic-study.yaml"
#: The audit's edition cell of a finding at a printed place whose evidence the additions changed.
CHANGED = "printed in the review; evidence changed by the additions, verdict given on the print not re-read"


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
    # table1/audit ed2 7.3/7.4: the synthetic row repeats the design of printed row 5 ([14]); references ed2 7.2
    assert "table1 row 29: possible duplicate of printed row 5: the same disease, source, animal model" in done.stdout
    assert "DOI 10.0000/synthetic.study.0001: warning, registrant code 0000 is below 1000" in done.stdout

    build_ok(root, "--only", "fig1", "table1")  # the printed edition, rebuilt: the same bytes as committed
    build_ok(root, "--edition", "current", "--only", *CURRENT_RUNS)
    assert tree_hashes(root, "figures", "tables") == canonical
    _current_audit_marks_the_printed_findings_the_addition_changed(root)
    again = build_ok(root, "--edition", "current", "--only", *CURRENT_RUNS)
    assert f"up to date (edition current):  {', '.join(CURRENT_RUNS)}" in again.stdout
    _current_table1_holds_the_printed_rows_and_the_added_one_marked(root)
    _current_references_list_reference_84_as_added(root)

    shown = review(root, "diff", "printed", "current").stdout
    assert "### data/msc_studies.csv (1 rows)\n\n- row 29: added" in shown
    assert "- ref 84: added" in shown
    assert "- table table1, row 29: added" in shown
    assert (
        "fig1 · mechanism · Anti-apoptosis & survival · Premature ovarian failure · cells · in vivo: studies 1 → 2"
        in shown
    )
    notebook = (root / "runs" / "fig1_edition-current" / "fig1.ipynb").read_text(encoding="utf-8")
    assert (
        "Edition current: the printed edition plus 2 additions since the review, from data/additions/: 1 study in "
        "Table 1 (row 29) and 1 reference (84)." in notebook
    )

    # A second study whose cited title names POF on a row filed under AD: the current audit runs its row rules on
    # the added rows (R1 at row 30), and only the runs that read what it changed are made again.
    mismatch = tmp_path / "mismatch.yaml"
    other = _study(reference__doi="10.0000/synthetic.study.0002", row__disease="AD")
    mismatch.write_text(yaml.safe_dump(other, allow_unicode=True), encoding="utf-8")
    assert review(root, "add", str(mismatch)).returncode == 0
    rerun = build_ok(root, "--edition", "current", "--only", "table1", "audit")
    assert "regenerated (edition current): table1, audit" in rerun.stdout
    audit = pd.read_csv(root / "runs" / "audit_edition-current" / "audit.csv", keep_default_na=False, dtype=str)
    at_30 = audit[(audit["table"] == "table1") & (audit["row"] == "30")]
    assert set(at_30["key"].str.split("|").str[0]) >= {"R1"}
    assert set(at_30["edition"]) == {
        "added 2026-01-01 by synthetic test fixture from DOI 10.0000/synthetic.study.0002 (not looked up), not "
        "printed in the review; cells coded by one curator, not reviewed"
    }
    assert set(at_30["verdict"]) == {"no verdict yet (added row)"}
    printed_rows = audit["row"].isin([str(n) for n in range(1, 29)])
    assert set(audit.loc[printed_rows, "edition"]) <= {"printed in the review", CHANGED}
    assert tree_hashes(root, "figures", "tables") == canonical


#: The current-edition runs the test makes: the dataset, a figure, the reproductions of the printed tables, the
#: audit and the references (every notebook with an ``edition`` parameter but the other figures).
CURRENT_RUNS = ("table1", "table3", "fig1", "references", "dataset", "audit")  # catalogue order


def _shown(notebook: Path) -> str:
    """Every output a notebook shows (printed text, Markdown, HTML), its whitespace collapsed."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    parts = []
    for output in (out for cell in cells for out in cell.get("outputs", [])):
        parts.append("".join(output.get("text", "")))
        parts += ["".join(v) if isinstance(v, list) else str(v) for v in output.get("data", {}).values()]
    return " ".join(" ".join(parts).split())


def _current_table1_holds_the_printed_rows_and_the_added_one_marked(root: Path) -> None:
    """Table 1 prints 28 rows; the current one holds them as printed (the canonical CSV's rows, each led by
    "printed in the review") and the synthetic study as row 29, citing reference 84, marked as added."""
    printed = (root / "tables" / "table1.csv").read_text(encoding="utf-8").splitlines()
    current = (root / "runs" / "table1_edition-current" / "table1.csv").read_text(encoding="utf-8").splitlines()
    assert len(printed) == 1 + 28 and len(current) == 1 + 29
    assert current[0] == "Edition," + printed[0]
    assert current[1:29] == [f"printed in the review,{line}" for line in printed[1:]]
    assert current[29].startswith(
        '"added 2026-01-01 by synthetic test fixture from DOI 10.0000/synthetic.study.0001 (not looked up), not '
        'printed in the review; cells coded by one curator, not reviewed",POF,hUC-MSC,'
    )
    assert current[29].endswith(",[added 84]")  # never "[84]", a number of the review's own list (ends at 83)
    md = (root / "runs" / "table1_edition-current" / "table1.md").read_text(encoding="utf-8")
    assert (
        "(current edition: the review's 28 rows plus 1 added since (row 29), not from the review)" in md.splitlines()[2]
    )
    assert "Selection" not in md.splitlines()[2]
    assert (
        "Edition current: the printed edition plus 2 additions since the review, from data/additions/: 1 study in "
        "Table 1 (row 29) and 1 reference (84). Of the 29 rows shown, 28 are printed in the review and 1 (row 29) "
        "was added since;" in md
    )
    assert (
        "Added row, row 29 \\[added 84\\]: not printed in the review; added 2026-01-01 by synthetic test fixture "
        "from DOI 10.0000/synthetic.study.0001 (not looked up)" in md
    )
    table3 = (root / "runs" / "table3_edition-current" / "table3.csv").read_text(encoding="utf-8").splitlines()
    assert len(table3) == 1 + 18 and all(line.startswith("printed in the review,") for line in table3[1:])
    md3 = (root / "runs" / "table3_edition-current" / "table3.md").read_text(encoding="utf-8")
    assert "(current edition: the review's 18 rows, none added since, as printed)" in md3.splitlines()[2]
    assert "None of them is in Table 3: all 18 rows shown are printed in the review." in md3
    # table1 ed2 7.2: L2 at row 15 ([28]) counts "h" 65x in the print, 67x with row 29: its note says so
    assert (
        "Audit L2 (check; evidence changed by the additions, verdict given on the print not re-read), row 15 \\[28\\]"
        in md
    )
    # table1 ed2 7.3: the added row repeats printed row 5 ([14]): disease, source, model, route and dose, follow-up
    assert "Possible duplicate of printed row 5 \\[14\\]" in md
    # table3 ed2 7.3: Table 3 holds no addition, and its citation says so
    shown3 = _shown(root / "runs" / "table3_edition-current" / "table3.ipynb")
    assert "are not in this table, whose rows are the printed ones of the published exhibit" in shown3


def _current_audit_marks_the_printed_findings_the_addition_changed(root: Path) -> None:
    """The print spells UC MSCs "UC-MSC" 49 times (tables/audit.csv, L1 at Table 1 row 8); the synthetic row adds
    "hUC-MSC" (Source) and "hUC-MSCs" (Effects), so the current L1 there counts 51 and says it was not re-read."""
    audit = pd.read_csv(root / "runs" / "audit_edition-current" / "audit.csv", keep_default_na=False, dtype=str)
    printed = pd.read_csv(root / "tables" / "audit.csv", keep_default_na=False, dtype=str)
    key = "L1|table1|8|source|UCMSC"
    assert 'usual form "UC-MSC" 49×' in printed.loc[printed["key"] == key, "evidence"].item()
    at_8 = audit[audit["key"] == key].iloc[0]
    assert 'usual form "UC-MSC" 51× (2 of them from the added row 29)' in at_8["evidence"]  # audit ed2 7.2
    assert at_8["edition"] == CHANGED
    # audit ed2 7.1: the print's verdict, not one on this evidence
    assert at_8["verdict"] == "confirmed on the print; evidence changed by the additions, not re-read"
    assert list(audit.columns[:3]) == ["rule", "severity", "edition"]
    assert len(audit) == len(printed) == 92
    # audit ed2 7.1, 7.5: the print's 88 confirmed verdicts, 2 of them (L1 row 8, L2 row 15) on changed evidence
    notebook = _shown(root / "runs" / "audit_edition-current" / "audit.ipynb")
    assert (
        "86 confirmed, 4 plausible, 2 judged on the print only (2 confirmed on the print; evidence changed by the "
        "additions, not re-read), 0 with no verdict yet" in notebook
    )
    assert "<caption>Findings per rule (current edition: the review plus 1 study in Table 1 (row 29)" in notebook


def _current_references_list_reference_84_as_added(root: Path) -> None:
    refs = pd.read_csv(root / "runs" / "references_edition-current" / "references.csv", keep_default_na=False)
    assert list(refs["ref"]) == list(range(1, 85))
    assert set(refs.loc[refs["ref"] <= 83, "edition"]) == {"printed in the review"}
    assert refs.loc[refs["ref"] == 84, "edition"].item() == (
        "added 2026-01-01 by synthetic test fixture from DOI 10.0000/synthetic.study.0001 (not looked up), not "
        "printed in the review; fields typed by its curator, its citation composed from them"
    )
    bibtex = (root / "runs" / "references_edition-current" / "references.bib").read_text(encoding="utf-8")
    assert bibtex.startswith("% The 84 references: 83 printed in Li & Bai (2025), 1 added since")
    assert (
        "@article{added84_Synthetic2026,"  # never the printed entries' ref<N>_ form
        in bibtex
    )
    assert (
        "Reference 84, added 2026-01-01 by synthetic test fixture; not in Li and Bai (2025); DOI and PMID not "
        "looked up; no PMID given}" in bibtex
    )


@pytest.mark.parametrize(
    ("doi", "warned"),
    [
        # references ed2 7.2: registrant codes start at 1000; the form check alone lets 10.0000 through
        ("10.0000/synthetic.study.0001", True),
        ("10.0999/x", True),
        ("10.1000/182", False),
        ("10.1186/s12958-022-0992-5", False),  # printed reference 13's DOI
        ("not a doi", False),  # the schema refuses it before this
    ],
)
def test_a_doi_below_registrant_1000_draws_a_warning(doi, warned):
    from review import add

    assert bool(add.doi_warning(doi)) is warned
