"""How an added row is checked before it joins the printed edition: rules stated by helpers.data.additions.

Written against the module's surviving mutmut mutants (issue 21). Expected values come from the print
(Table 1 rows 1-28, Table 3 row 1 is NCT01742533, reference 13 has DOI 10.1186/s12958-022-0992-5 and
PMID 35986315, 83 printed references), the schema's stated patterns and the module's docstrings.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from helpers.core import edition, paths
from helpers.data import additions, curated
from helpers.data.schema import DataError

# --- small rows in the additions' layout ---------------------------------------------------------------------------

_STUDY_QUOTES = {"disease": "q", "source": "q", "route_dosage": "q", "effects": "q"}
_TRIAL_QUOTES = {
    c: "q"
    for c in (
        "disease_type", "purpose", "msc_type", "migration_method", "results", "phases", "enrollment",
        "research_status", "nct_number",
    )
}  # fmt: skip


def _study(**cells) -> dict:
    row = {
        "row": 29, "disease": "POF", "source": "hUC-MSC", "animal_model": "", "precondition": "",
        "route_dosage": "IV", "in_vitro_model": "", "follow_up": "", "effects": "less apoptosis", "ref": 84,
        "doi": "10.0000/x", "pmid": "", "date_added": "2026-01-01", "added_by": "t",
        "evidence": json.dumps(_STUDY_QUOTES),
    }  # fmt: skip
    return {**row, **cells}


def _exosome_study(**cells) -> dict:
    """A Table 2 row: Table 1's columns but ``precondition``, and the vesicles' printed ``size_nm``."""
    row = {k: v for k, v in _study().items() if k != "precondition"}
    return {**row, "size_nm": "", **cells}


def _trial(**cells) -> dict:
    row = {
        "row": 40, "disease_type": "POF", "purpose": "p", "msc_type": "UC-MSC", "migration_method": "OV",
        "results": "No results published", "phases": "1", "enrollment": 20, "research_status": "Recruiting",
        "nct_number": "NCT09999999", "doi": "", "pmid": "", "date_added": "2026-01-01", "added_by": "t",
        "evidence": json.dumps(_TRIAL_QUOTES),
    }  # fmt: skip
    return {**row, **cells}


def _ref(ref: int, doi: str, pmid: str = "") -> dict:
    return {
        "ref": ref, "authors": "A", "title": "T", "journal": "J", "year": 2026, "volume_pages": "1:1",
        "doi": doi, "pmid": pmid, "citation": "A. T. J. 2026;1:1.", "date_added": "2026-01-01", "added_by": "t",
    }  # fmt: skip


def _printed(name: str) -> pd.DataFrame:
    return curated._read(name, paths.DATA_DIR.resolve())


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    columns = list(additions.read(name).columns)
    return pd.DataFrame(rows, columns=columns) if rows else additions.read(name).iloc[0:0]


def _added(**rows):
    """The rows already added, per resource (the others empty)."""
    frames = {n: _frame(n, rows.get(n, [])) for n in additions.RESOURCES}
    return frames.__getitem__


def _found(name: str, rows: list[dict], **added) -> list[tuple]:
    found = additions.problems(name, pd.DataFrame(rows), _printed, _added(**added))
    return [(p.record, p.column, p.value, p.reason) for p in found]


# --- _duplicates and _known: a DOI, PMID or NCT number held twice --------------------------------------------------

_REF84 = _ref(84, "10.0000/x")
DUPLICATES = [
    # (rule, resource, new rows, already added rows, expected (record, column, value, reason))
    (
        "a-trial-repeating-a-printed-nct-number",
        "clinical_trials",
        [_trial(nct_number="NCT01742533")],
        {},
        [(1, "nct_number", "NCT01742533", "duplicates data/clinical_trials.csv row 1")],
    ),
    (
        "a-trial-repeating-an-added-nct-number",
        "clinical_trials",
        [_trial(row=41, nct_number="NCT09999999")],
        {"clinical_trials": [_trial()]},
        [(1, "nct_number", "NCT09999999", "duplicates data/additions/clinical_trials.csv row 40")],
    ),
    (
        "a-study-repeating-a-printed-pmid",
        "msc_studies",
        [_study(doi="", pmid="35986315", ref=13)],
        {},
        [(1, "pmid", "35986315", "duplicates data/msc_studies.csv row 4, tabulated from data/references.csv ref 13")],
    ),
    (
        # Trials carry no reference number, so none is "their own": reference 1's DOI is held by the list.
        "a-trial-giving-the-doi-of-printed-reference-1",
        "clinical_trials",
        [_trial(doi="10.1016/j.cub.2012.07.024")],
        {},
        [(1, "doi", "10.1016/j.cub.2012.07.024", "duplicates data/references.csv ref 1")],
    ),
    (
        "a-table-2-study-from-a-reference-the-review-tabulates-only-in-table-1",
        "exosome_studies",
        [_exosome_study(doi="10.1007/s12015-021-10135-9", ref=12)],
        {},
        [],
    ),
    (
        "a-study-repeating-an-added-study-doi-that-no-reference-holds",
        "msc_studies",
        [_study(row=30, doi="10.0000/a")],
        {"references": [_REF84], "msc_studies": [_study(doi="10.0000/a")]},
        [(1, "doi", "10.0000/a", "duplicates data/additions/msc_studies.csv row 29")],
    ),
    (
        "two-studies-coded-from-one-added-paper-are-not-duplicates",
        "msc_studies",
        [_study(row=30)],
        {"references": [_REF84], "msc_studies": [_study()]},
        [],
    ),
    (
        # Reference 2 (10.1016/j.cmet.2023.12.007) is cited in the text and tabulated in neither Table 1 nor 2.
        "two-studies-coded-from-one-paper-the-review-cites-only-in-its-text-are-not-duplicates",
        "msc_studies",
        [_study(row=30, ref=2, doi="10.1016/j.cmet.2023.12.007")],
        {"msc_studies": [_study(ref=2, doi="10.1016/j.cmet.2023.12.007")]},
        [],
    ),
    (
        "a-table-2-study-from-a-text-only-paper-already-coded-into-table-1-is-not-a-duplicate",
        "exosome_studies",
        [_exosome_study(ref=2, doi="10.1016/j.cmet.2023.12.007")],
        {"msc_studies": [_study(ref=2, doi="10.1016/j.cmet.2023.12.007")]},
        [],
    ),
    (
        "a-reference-repeating-a-printed-reference-doi",
        "references",
        [_ref(84, "10.1186/s12958-022-0992-5")],
        {},
        [(1, "doi", "10.1186/s12958-022-0992-5", "duplicates data/references.csv ref 13")],
    ),
    (
        "a-reference-repeating-an-added-reference-number-and-doi",
        "references",
        [_ref(84, "10.0000/x")],
        {"references": [_REF84]},
        [
            (1, "ref", "84", "the number is already used (printed or added); use the next free one"),
            (1, "doi", "10.0000/x", "duplicates data/additions/references.csv ref 84"),
        ],
    ),
    (
        "a-reference-holding-an-added-study-doi-is-its-source",
        "references",
        [_ref(85, "10.0000/a")],
        {"references": [_REF84], "msc_studies": [_study(doi="10.0000/a")]},
        [],
    ),
    (
        "a-study-reusing-an-added-row-number",
        "msc_studies",
        [_study(doi="10.0000/b")],
        {"references": [_REF84], "msc_studies": [_study(doi="10.0000/a")]},
        [(1, "row", "29", "the number is already used (printed or added); use the next free one")],
    ),
]


@pytest.mark.parametrize(("rule", "name", "rows", "added", "expected"), DUPLICATES, ids=[c[0] for c in DUPLICATES])
def test_an_identifier_held_twice_is_named_with_the_row_that_holds_it(rule, name, rows, added, expected):
    if name == "msc_studies" and "references" not in added:
        added = {**added, "references": [_REF84]}
    assert _found(name, rows, **added) == expected


# --- _study_problems: the reference a study cites, the source it was coded from ------------------------------------

STUDY = [
    ("a-clean-trial-needs-no-reference-nor-doi", "clinical_trials", [_trial()], []),
    (
        "a-study-citing-no-known-reference",
        "msc_studies",
        [_study(ref=85, doi="10.0000/z")],
        [(1, "ref", "85", "no printed or added reference has that number")],
    ),
    (
        "a-study-without-doi-or-pmid",
        "exosome_studies",
        [{**_study(doi=""), "size_nm": ""}],
        [(1, "doi", "", "expected the source's DOI or PMID (at least one)")],
    ),
    (
        "a-study-citing-a-printed-reference",
        "msc_studies",
        [_study(ref=83, doi="10.0000/z")],
        [],
    ),
]


@pytest.mark.parametrize(("rule", "name", "rows", "expected"), STUDY, ids=[c[0] for c in STUDY])
def test_a_study_cites_a_known_reference_and_names_its_source(rule, name, rows, expected):
    rows = [{k: v for k, v in r.items() if k != "precondition" or name == "msc_studies"} for r in rows]
    assert _found(name, rows, references=[_REF84]) == expected


# --- _evidence_problems: every coded cell has the source's words ----------------------------------------------------

_TABLE1_CODED = "disease, source, animal_model, precondition, route_dosage, in_vitro_model, follow_up, effects"
EVIDENCE = [
    (
        "evidence-that-is-json-but-no-object",
        {"evidence": "[1]"},
        [(1, "evidence", "[1]", 'expected a JSON object {"column": "quoted text"}')],
    ),
    (
        "a-quote-for-a-column-that-is-not-coded",
        {"evidence": json.dumps({**_STUDY_QUOTES, "colour": "q"})},
        [(1, "evidence", "colour", f"not a coded column ({_TABLE1_CODED})")],
    ),
    (
        "a-quote-for-the-reference-number-which-is-not-coded",
        {"evidence": json.dumps({**_STUDY_QUOTES, "ref": "q"})},
        [(1, "evidence", "ref", f"not a coded column ({_TABLE1_CODED})")],
    ),
    (
        "a-coded-cell-without-its-quote",
        {"follow_up": "4 weeks"},
        [(1, "follow_up", "4 weeks", "no quoted source text for this coded cell in 'evidence'")],
    ),
]


@pytest.mark.parametrize(("rule", "cells", "expected"), EVIDENCE, ids=[c[0] for c in EVIDENCE])
def test_every_coded_cell_has_its_quote_and_no_quote_names_another_column(rule, cells, expected):
    assert _found("msc_studies", [_study(**cells)], references=[_REF84]) == expected


def test_a_problem_is_the_resource_record_column_value_and_reason():
    found = additions.problems(
        "msc_studies", pd.DataFrame([_study(evidence="[1]")]), _printed, _added(references=[_REF84])
    )
    assert found == [
        additions.Problem("msc_studies", 1, "evidence", "[1]", 'expected a JSON object {"column": "quoted text"}')
    ]
    assert str(found[0]) == (
        "data/additions/msc_studies.csv, record 1, column 'evidence': got '[1]'; "
        'expected a JSON object {"column": "quoted text"}'
    )


def test_an_unknown_quote_key_is_reported_as_a_problem_of_that_record():
    rows = [_study(doi="10.0000/c"), _study(row=30, evidence=json.dumps({**_STUDY_QUOTES, "colour": "q"}))]
    found = additions.problems("msc_studies", pd.DataFrame(rows), _printed, _added(references=[_REF84]))
    assert found == [additions.Problem("msc_studies", 2, "evidence", "colour", f"not a coded column ({_TABLE1_CODED})")]


def test_a_coded_column_absent_from_the_row_needs_no_quote():
    row = {k: v for k, v in _study().items() if k not in ("precondition", "in_vitro_model")}
    assert _found("msc_studies", [row], references=[_REF84]) == []


def test_a_problem_without_a_record_names_file_and_column_only():
    problem = additions.Problem("msc_studies", None, "doi", "x", "why")
    assert str(problem) == "data/additions/msc_studies.csv, column 'doi': got 'x'; why"


# --- row_error: the first schema problem of a candidate file --------------------------------------------------------

_HEADER = (
    "row,disease,source,animal_model,precondition,route_dosage,in_vitro_model,follow_up,effects,ref,"
    "doi,pmid,date_added,added_by,evidence\n"
)
_GOOD = '29,POF,hUC-MSC,,,IV,,,less apoptosis,84,10.0000/x,,2026-01-01,t,"{""disease"": ""q""}"\n'
ROW_ERRORS = [
    ("clean", _HEADER + _GOOD, None),
    (
        "a-date-not-in-iso-form",
        _HEADER + _GOOD.replace("2026-01-01", "2026-1-1"),
        ("date_added", "2026-1-1", r"expected text, not empty, matching /^\d{4}-\d{2}-\d{2}$/"),
    ),
    (
        "a-misnamed-column-header-is-named-as-written",
        _HEADER.replace("disease", "diseases") + _GOOD,
        ("disease", "diseases", "incorrect-label: the header's column 2 should be 'disease'"),
    ),
    (
        "a-header-cut-short-names-the-first-column-missing",
        _HEADER.replace(",evidence", "") + _GOOD.replace(',"{""disease"": ""q""}"', ""),
        ("evidence", "", "missing-label: the header's column 15 should be 'evidence'"),
    ),
    (
        "an-extra-cell-belongs-to-no-column",
        _HEADER + _GOOD.rstrip("\n") + ",extra\n",
        ("(file)", "extra", "extra-cell: "),
    ),
    ("a-blank-row-has-no-column-nor-cell", _HEADER + _GOOD + ",,,,,,,,,,,,,,\n", ("(file)", "", "blank-row: ")),
    ("an-empty-file", "", ("(file)", "", "source-error: the source is empty")),
]


@pytest.mark.parametrize(("rule", "text", "expected"), ROW_ERRORS, ids=[c[0] for c in ROW_ERRORS])
def test_row_error_names_column_value_and_what_is_expected(rule, text, expected, tmp_path):
    path = tmp_path / "candidate.csv"  # not the resource's file name: the file given is the one read
    path.write_text(text, encoding="utf-8")
    assert additions.row_error("msc_studies", path) == expected


# --- read: the schema's types --------------------------------------------------------------------------------------


def test_read_keeps_identifiers_as_text_and_numbers_as_integers(tmp_path):
    path = tmp_path / "candidate.csv"
    path.write_text(_HEADER + _GOOD.replace("10.0000/x,,", "10.0000/x,0012345,").replace(",IV,,,", ",NA,,,"), "utf-8")
    frame = additions.read("msc_studies", path)
    assert frame.loc[0, "pmid"] == "0012345"  # a PMID is text: leading zeros kept
    assert frame.loc[0, "route_dosage"] == "NA"  # a printed "NA" stays text
    assert frame.loc[0, "animal_model"] == ""
    assert str(frame["row"].dtype) == "Int64"
    assert str(frame["ref"].dtype) == "Int64"


# --- package: derived from the printed package ---------------------------------------------------------------------

_PRINTED = {
    "resources": [
        {
            "name": "references",
            "path": "references.csv",
            "schema": {"fields": [{"name": "ref", "type": "integer"}, {"name": "pmid", "type": "string"}]},
        },
        {
            "name": "msc_studies",
            "path": "msc_studies.csv",
            "schema": {
                "fields": [
                    {"name": "row", "type": "integer"},
                    {"name": "ref", "type": "integer", "constraints": {"minimum": 1}},
                ],
                "foreignKeys": [{"fields": "ref", "reference": {"resource": "references", "fields": "ref"}}],
            },
        },
    ]
}


def test_package_fields_without_constraints_and_refs_without_maximum():
    out = additions.package(_PRINTED)
    assert out["licenses"] == []
    studies = {r["name"]: r for r in out["resources"]}["msc_studies"]["schema"]
    assert "foreignKeys" not in studies
    assert studies["fields"][0] == {"name": "row", "type": "integer", "constraints": {}}
    assert studies["fields"][1] == {"name": "ref", "type": "integer", "constraints": {"minimum": 1}}
    refs = {r["name"]: r for r in out["resources"]}["references"]["schema"]
    assert refs["fields"][1]["constraints"] == {"pattern": r"^(\d{1,9})?$"}


def test_package_returns_a_fresh_descriptor_each_time():
    first = additions.package(_PRINTED)
    for resource in first["resources"]:
        for field in resource["schema"]["fields"]:
            field.get("constraints", {})["pattern"] = "edited"
    second = additions.package(_PRINTED)
    fields = {f["name"]: f for f in second["resources"][1]["schema"]["fields"]}
    assert fields["date_added"]["constraints"] == {"required": True, "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    assert fields["doi"]["constraints"] == {"pattern": r"^(10\.\d{4,9}/\S+)?$"}


# --- validate: the whole folder, its first problem, and the remembered success -------------------------------------

_HASHES = {"datapackage.json": "a", "msc_studies.csv": "b"}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A scratch copy of data/additions/ with one added reference (84) and one added study (row 29) citing it."""
    target = tmp_path / "additions"
    shutil.copytree(edition.ADDITIONS_DIR, target)
    monkeypatch.setattr(edition, "ADDITIONS_DIR", target)
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache")
    _append(target / "references.csv", _ref(84, "10.0000/x"))
    _append(target / "msc_studies.csv", _study())
    return target


def _append(path, row: dict) -> None:
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    frame = pd.DataFrame([{c: row.get(c, "") for c in header}])
    path.write_text(path.read_text(encoding="utf-8") + frame.to_csv(index=False, header=False), encoding="utf-8")


def _stamps(folder) -> list[str]:
    return sorted(p.name for p in (folder.parent / "cache" / "validated").iterdir())


def test_a_valid_folder_passes_and_its_success_is_remembered(folder):
    additions.validate(_printed, _HASHES, use_cache=False)
    stamps = _stamps(folder)
    assert len(stamps) == 1
    assert re.fullmatch(r"additions-[0-9a-f]{64}", stamps[0])
    additions.validate(_printed, _HASHES, use_cache=False)  # checked again; the stamp folder already exists
    assert _stamps(folder) == stamps


def _row_1_taken(name: str) -> pd.DataFrame:
    """The printed tables, as if Table 1 printed a row 29 (so the added row 29 is a problem)."""
    frame = _printed(name)
    if name == "msc_studies":
        frame = pd.concat([frame, frame.iloc[[0]].assign(row=29)], ignore_index=True)
    return frame


_TAKEN = (
    "msc_studies.csv, record 1, column 'row': got '29'; the number is already used (printed or added); "
    "use the next free one"
)


def test_a_remembered_success_is_not_checked_again_unless_asked(folder):
    additions.validate(_printed, _HASHES)
    additions.validate(_row_1_taken, _HASHES)  # same bytes, same key: remembered
    additions.validate(_row_1_taken, dict(reversed(list(_HASHES.items()))))  # key order does not matter
    with pytest.raises(DataError) as raised:
        additions.validate(_row_1_taken, _HASHES, use_cache=False)
    assert str(raised.value).endswith(_TAKEN)


def test_other_printed_bytes_are_checked_again(folder):
    additions.validate(_printed, _HASHES)
    with pytest.raises(DataError) as raised:
        additions.validate(_row_1_taken, {**_HASHES, "msc_studies.csv": "changed"})
    assert str(raised.value).endswith(_TAKEN)


def test_a_missing_file_is_named(folder):
    (folder / "msc_studies.csv").unlink()
    with pytest.raises(DataError) as raised:
        additions.validate(_printed, _HASHES)
    assert str(raised.value) == "msc_studies.csv: file is missing"


def test_a_schema_error_is_raised_as_one_sentence(folder):
    path = folder / "msc_studies.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-01-01", "2026-1-1"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        additions.validate(_printed, _HASHES)
    assert str(raised.value) == (
        "msc_studies.csv, record 1 (after the header), column 'date_added': got '2026-1-1'; "
        r"expected text, not empty, matching /^\d{4}-\d{2}-\d{2}$/."
    )
    assert not (folder.parent / "cache" / "validated").exists()


def test_a_check_the_schema_cannot_make_is_raised_with_file_record_column(folder):
    path = folder / "msc_studies.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",84,10.0000/x,", ",85,10.0000/z,"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        additions.validate(_printed, _HASHES)
    assert str(raised.value) == (
        "msc_studies.csv, record 1, column 'ref': got '85'; no printed or added reference has that number"
    )


# --- an empty identifier matches nothing; files are read as UTF-8 whatever the locale ------------------------------


def test_an_empty_pmid_duplicates_no_printed_pmid_cell_even_one_holding_text():
    # The printed PMID column is free text (reference 1 prints "2012;22:R741–52"); here one cell holds letters.
    def printed(name: str) -> pd.DataFrame:
        frame = _printed(name)
        return frame.assign(pmid=["xxxx"] + list(frame["pmid"])[1:]) if name == "references" else frame

    found = additions.problems("msc_studies", pd.DataFrame([_study(pmid="")]), printed, _added(references=[_REF84]))
    assert found == []


def test_the_additions_schema_is_read_as_utf8_under_an_ascii_locale(tmp_path):
    target = tmp_path / "additions"
    shutil.copytree(edition.ADDITIONS_DIR, target)
    package = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    package["title"] += " (µ, ×)"  # non-ASCII, as the printed tables' cells are
    (target / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from helpers.core import edition; from helpers.data import additions; "
        "edition.ADDITIONS_DIR = Path(sys.argv[1]); print(' '.join(p.name for p in additions.input_files()))"
    )
    env = {**os.environ, "LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
    done = subprocess.run([sys.executable, "-c", code, str(target)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "datapackage.json", "references.csv", "msc_studies.csv", "exosome_studies.csv", "clinical_trials.csv"
    ]  # fmt: skip
