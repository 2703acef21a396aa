"""``review add``: a curator's file turned into numbered, checked additions rows, or one refusal (review.add)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml

from helpers.core import edition
from review import add, cli

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "additions" / "synthetic-study.yaml"


def _yaml(tmp_path: Path, name: str, **changes) -> Path:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        block, _, key = dotted.partition("__")
        if key:
            data[block][key] = value
        else:
            data[block] = value
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_synthetic_study_is_numbered_after_the_printed_rows(tmp_path):
    # The print has 28 rows in Table 1 and 83 references: the first addition is row 29 citing reference 84.
    prepared = add.prepare(_yaml(tmp_path, "s.yaml"))
    assert (prepared.table, prepared.row) == ("msc_studies", 29)
    [reference] = prepared.rows["references"]
    [study] = prepared.rows["msc_studies"]
    assert (reference["ref"], study["ref"], study["doi"]) == ("84", "84", "10.0000/synthetic.study.0001")
    assert json.loads(study["evidence"])["effects"].startswith("SYNTHETIC quote")


REFUSED = [
    ("table", {"table": "table9"}, "field 'table': value 'table9'"),
    ("unknown-column", {"row__dose": "1 mg"}, "field 'dose': value '1 mg': not a column of msc_studies"),
    ("unknown-code", {"row__disease": "ALS"}, "field 'disease': value 'ALS': expected one of"),
    ("missing-cell", {"row__source": ""}, "field 'source': value '': expected text, not empty"),
    ("bad-date", {"date_added": "06/12/2026"}, "field 'date_added': value '06/12/2026'"),
    ("no-added-by", {"added_by": ""}, "field 'added_by': value ''"),
    ("bad-doi", {"reference__doi": "doi:10.1/x"}, "field 'doi': value 'doi:10.1/x'"),
    ("printed-doi", {"reference__doi": "10.1186/s12958-022-0992-5"}, "duplicates data/references.csv ref 13"),
    (
        "cited-printed-ref",
        {"reference": None, "ref": 13, "doi": "10.1186/s12958-022-0992-5"},
        "field 'doi': value '10.1186/s12958-022-0992-5': duplicates data/msc_studies.csv row 4, "
        "tabulated from data/references.csv ref 13",
    ),
    ("no-source", {"reference": None, "ref": 13}, "field 'doi': value '': expected the source's DOI or PMID"),
]


@pytest.mark.parametrize(("case", "changes", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_each_refusal_is_one_line_naming_file_field_and_value(tmp_path, case, changes, message):
    source = _yaml(tmp_path, f"{case}.yaml", **changes)
    with pytest.raises(add.AddError) as caught:
        add.prepare(source)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"{case}.yaml: ")
    assert message in text


def test_a_study_from_a_printed_reference_cited_only_in_the_text_is_accepted_with_its_doi(tmp_path):
    # Reference 2 (DOI 10.1016/j.cmet.2023.12.007) is cited in the review's text and backs no row of Table 1.
    prepared = add.prepare(_yaml(tmp_path, "r2.yaml", reference=None, ref=2, doi="10.1016/j.cmet.2023.12.007"))
    assert prepared.rows.get("references", []) == []
    [study] = prepared.rows["msc_studies"]
    assert (study["row"], study["ref"], study["doi"]) == ("29", "2", "10.1016/j.cmet.2023.12.007")


def test_a_csv_addition_with_bad_evidence_is_refused(tmp_path):
    source = tmp_path / "trial.csv"
    cells = {
        "table": "clinical_trials",
        "disease_type": "AD",
        "purpose": "SYNTHETIC",
        "msc_type": "UC-MSC",
        "migration_method": "IV",
        "results": "No results published",
        "phases": "1",
        "enrollment": "10",
        "research_status": "Recruiting",
        "nct_number": "NCT99999999",
        "date_added": "2026-01-01",
        "added_by": "synthetic",
        "evidence": "not json",
    }
    with source.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(cells))
        writer.writeheader()
        writer.writerow(cells)
    with pytest.raises(add.AddError, match=r"^trial\.csv: field 'evidence': value 'not json'"):
        add.prepare(source)


def test_a_refusal_exits_1_and_writes_nothing(tmp_path, capsys):
    before = {p.name: p.read_bytes() for p in edition.ADDITIONS_DIR.iterdir()}
    assert cli.main(["add", str(_yaml(tmp_path, "dup.yaml", reference__doi="10.1186/s12958-022-0992-5"))]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in edition.ADDITIONS_DIR.iterdir()} == before
