"""The editions: data/additions/ (schema, provenance, checks) and the current edition built from it."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.core import edition, paths
from helpers.data import additions, curated
from helpers.notebook.params import ParameterError, describe_selection, validate


@pytest.fixture
def current():
    edition.use(edition.CURRENT)
    yield
    edition.use(edition.PRINTED)


def test_the_additions_package_is_the_printed_schema_plus_provenance():
    printed = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    shipped = json.loads((edition.ADDITIONS_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert shipped == additions.package(printed)
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in shipped["resources"]}
    for resource in printed["resources"]:
        if resource["name"] in additions.RESOURCES:
            names = [f["name"] for f in resource["schema"]["fields"]]
            assert fields[resource["name"]] == names + list(additions.PROVENANCE[resource["name"]])


@pytest.mark.parametrize("name", additions.RESOURCES)
def test_the_shipped_additions_are_empty_and_current_equals_printed(name, current):
    assert additions.load(name).empty
    printed = curated._read(name, paths.DATA_DIR.resolve())
    pd.testing.assert_frame_equal(curated.load(name), printed)


def test_an_empty_edition_says_it_equals_the_printed_one():
    assert curated.edition_note() == (
        "Edition current: data/additions/ holds no rows, so the current edition equals the printed one."
    )


def test_the_printed_edition_reads_no_addition(monkeypatch):
    seen = []
    monkeypatch.setattr(curated.runrecord, "note_read", lambda path: seen.append(paths.relative(path)))
    curated.load("msc_studies")
    assert not [p for p in seen if p.startswith("data/additions/")]


def test_the_current_edition_reads_every_addition_file(monkeypatch, current):
    seen = []
    monkeypatch.setattr(curated.runrecord, "note_read", lambda path: seen.append(paths.relative(path)))
    curated.load("categories")  # a resource no addition extends still depends on the additions
    assert {p for p in seen if p.startswith("data/additions/")} == {
        "data/additions/datapackage.json",
        *(f"data/additions/{n}.csv" for n in additions.RESOURCES),
    }


# --- what the schema cannot say ------------------------------------------------------------------------------------

_QUOTES = json.dumps({"disease": "q", "source": "q", "route_dosage": "q", "effects": "q"})


def _study(**cells) -> pd.DataFrame:
    row = {
        "row": 29, "disease": "POF", "source": "hUC-MSC", "animal_model": "", "precondition": "",
        "route_dosage": "IV", "in_vitro_model": "", "follow_up": "", "effects": "less apoptosis", "ref": 84,
        "doi": "10.0000/x", "pmid": "", "date_added": "2026-01-01", "added_by": "t", "evidence": _QUOTES,
    }  # fmt: skip
    return pd.DataFrame([{**row, **cells}])


def _refs(*numbers_dois) -> pd.DataFrame:
    return pd.DataFrame({"ref": [n for n, _ in numbers_dois], "doi": [d for _, d in numbers_dois], "pmid": ""})


def _printed(name: str) -> pd.DataFrame:
    return curated._read(name, paths.DATA_DIR.resolve())


def _added(refs: pd.DataFrame):
    empty = {n: additions.read(n).iloc[0:0] for n in additions.RESOURCES}
    return {**empty, "references": refs}.__getitem__


# Expected values from the print: Table 1 prints rows 1-28; reference 13's DOI is 10.1186/s12958-022-0992-5 and
# it backs Table 1 row 4; reference 2 (DOI 10.1016/j.cmet.2023.12.007) is cited in the text and backs no row of
# Table 1 or 2; reference 12 (DOI 10.1007/s12015-021-10135-9) backs a row of Table 1, none of Table 2.
CASES = [
    ("clean", {}, _refs((84, "10.0000/x")), []),
    ("row-taken", {"row": 28}, _refs((84, "10.0000/x")), [("row", "28", "already used")]),
    (
        "unknown-ref",
        {"ref": 85, "doi": "10.0000/z"},
        _refs((84, "10.0000/x")),
        [("ref", "85", "no printed or added reference")],
    ),
    (
        "doi-of-a-printed-reference-that-backs-a-row-of-the-table",
        {"doi": "10.1186/s12958-022-0992-5", "ref": 13},
        _refs(),
        [
            (
                "doi",
                "10.1186/s12958-022-0992-5",
                "duplicates data/msc_studies.csv row 4, tabulated from data/references.csv ref 13",
            )
        ],
    ),
    (
        "doi-of-its-printed-reference-cited-only-in-the-text",
        {"doi": "10.1016/j.cmet.2023.12.007", "ref": 2},
        _refs(),
        [],
    ),
    (
        "doi-of-a-printed-reference-it-does-not-cite",
        {"doi": "10.1016/j.cmet.2023.12.007", "ref": 84},
        _refs((84, "10.0000/x")),
        [("doi", "10.1016/j.cmet.2023.12.007", "duplicates data/references.csv ref 2")],
    ),
    (
        "doi-of-another-added-reference",
        {"doi": "10.0000/y"},
        _refs((84, "10.0000/x"), (85, "10.0000/y")),
        [("doi", "10.0000/y", "duplicates data/additions/references.csv ref 85")],
    ),
    ("no-doi-nor-pmid", {"doi": ""}, _refs((84, "10.0000/x")), [("doi", "", "DOI or PMID")]),
    (
        "cell-without-quote",
        {"follow_up": "4 weeks"},
        _refs((84, "10.0000/x")),
        [("follow_up", "4 weeks", "no quoted source text")],
    ),
    ("evidence-not-json", {"evidence": "{oops}"}, _refs((84, "10.0000/x")), [("evidence", "{oops}", "not JSON")]),
]


@pytest.mark.parametrize(("case", "cells", "refs", "expected"), CASES, ids=[c[0] for c in CASES])
def test_problems_name_column_value_and_reason(case, cells, refs, expected):
    found = additions.problems("msc_studies", _study(**cells), _printed, _added(refs))
    assert [(p.column, p.value) for p in found] == [(c, v) for c, v, _ in expected]
    for problem, (_, _, reason) in zip(found, expected, strict=True):
        assert reason in problem.reason
        assert str(problem).startswith(f"data/additions/msc_studies.csv, record 1, column '{problem.column}': got ")


# --- the parameter ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "canonical", "folder"),
    [
        ("printed", True, "figures"),
        ("current", False, "fig1_edition-current"),
        ("CURRENT", False, "fig1_edition-current"),
    ],
)
def test_the_edition_parameter_chooses_the_folder(given, canonical, folder):
    resolved = validate("fig1", "figure", {"edition": given})
    assert resolved.canonical is canonical
    assert resolved.out_dir.name == folder


def test_an_unknown_edition_is_refused_with_the_choices():
    with pytest.raises(ParameterError, match=r"parameter 'edition': got 'latest'; allowed: printed, current"):
        validate("fig1", "figure", {"edition": "latest"})


def test_the_subtitle_names_the_current_edition():
    assert describe_selection({"edition": "current"}) == (
        "Selection: current edition (printed review + data/additions/)"
    )
