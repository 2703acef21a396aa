"""The coded dataset's descriptor and dictionary (``helpers.data.coded``), rule by rule.

The module's docstring promises a Frictionless descriptor that lets anyone
load ``tables/studies.csv`` and ``tables/trials.csv`` validated, rows keyed
by table and printed row, and a ``<field>_missing`` column saying why a
value is absent; the notebooks call the functions and users read the
files, so the two must agree.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.data import coded
from tests.conftest import ROOT


@pytest.fixture
def package() -> dict:
    # per test, not per module: mutmut runs against a mutant only the tests that reached it
    return coded.descriptor(coded.studies(), coded.trials())


def _as_published() -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The dataset as its notebook publishes it by default: the coded frames with the audit's columns (``mark``)."""
    from helpers.audit import flags as audit_flags
    from helpers.data import flags

    return flags.package(coded.studies(), coded.trials(), audit_flags.by_row(), "mark")


@pytest.mark.parametrize("name, index", [("studies", 0), ("trials", 1)])
def test_the_written_files_are_what_the_functions_return(name, index):
    """Rule: the notebooks call the functions and users read tables/*.csv: the same rows, columns and cells."""
    written = (ROOT / "tables" / f"{name}.csv").read_text(encoding="utf-8")
    assert _as_published()[index].to_csv(index=False, lineterminator="\n") == written


def test_the_written_descriptor_is_what_the_function_returns():
    """Rule: tables/datapackage.json (what users read) is what ``descriptor`` gives, with the audit's columns."""
    assert _as_published()[2] == json.loads((ROOT / "tables" / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name, title",
    [
        ("studies", "Preclinical studies of Tables 1 and 2, coded"),
        ("trials", "Clinical studies of Table 3, coded"),
    ],
)
def test_each_file_is_a_tabular_csv_resource_keyed_by_table_and_row(package, name, title):
    """Rule: one tabular CSV resource per file, UTF-8, keyed by (table, row), an empty cell a missing value."""
    (resource,) = [dict(r) for r in package["resources"] if r["name"] == name]
    schema = resource.pop("schema")
    assert resource.pop("description").startswith("One row per printed row of Table")  # dataset second reading 2.11
    assert resource == {
        "name": name,
        "path": f"{name}.csv",
        "title": title,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
    }
    assert schema["primaryKey"] == ["table", "row"] and schema["missingValues"] == [""]


@pytest.mark.parametrize("name, columns", [("studies", coded.STUDY_COLUMNS), ("trials", coded.TRIAL_COLUMNS)])
def test_every_column_is_described_and_every_reason_column_says_so(package, name, columns):
    """Rule: a documented column keeps its type and words; a ``<field>_missing`` column is a string saying why."""
    (resource,) = [r for r in package["resources"] if r["name"] == name]
    for field in resource["schema"]["fields"]:
        if field["name"] in columns:
            kind, text = columns[field["name"]]
            # constraints from the vocabulary, so that validation checks values (dataset second reading 2.11)
            limits = coded.constraints(field["name"], name)
            expected = {"name": field["name"], "type": kind, "description": text}
            assert field == (expected | {"constraints": limits} if limits else expected)
        else:
            base = field["name"].removesuffix("_missing")
            assert field["name"] == f"{base}_missing" and base in columns
            assert field == {
                "name": field["name"],
                "type": "string",
                "description": coded.missing_description(base),
            }
            # dataset fourth reading 4.2: a recorded column's empty value is "nothing recorded", not a failed derivation
            recorded = base in ("review_text", "transcription_notes", "curated_out")
            assert ("could not be derived" in field["description"]) != recorded, field["name"]


def test_the_package_names_the_review_its_source_and_licence(package):
    """Rule: the package says whose data it codes and under which licence (the article's CC BY-NC-ND 4.0)."""
    from helpers.core.catalog import LICENCE, SOURCE

    assert package["name"] == "li-bai-2025-msc-aging-coded"
    assert package["title"].startswith("Coded studies and trials of Li & Bai (2025)")
    assert package["sources"] == [{"title": SOURCE}]
    assert package["licenses"] == [{"name": "CC-BY-NC-ND-4.0", "title": LICENCE}]


def test_the_dictionary_lists_both_files_then_the_reason_columns():
    """Rule: one row per column of each file, in file order, with the descriptor's words; then the reasons."""
    table = coded.dictionary()
    assert list(table.columns) == ["file", "column", "type", "meaning"]
    expected = [("studies.csv", c, k, t) for c, (k, t) in coded.STUDY_COLUMNS.items()]
    expected += [("trials.csv", c, k, t) for c, (k, t) in coded.TRIAL_COLUMNS.items()]
    expected.append(("both", "<field>_missing", "string", coded.MISSING_MEANING))
    assert "review_text, transcription_notes, curated_out, nothing is recorded" in coded.MISSING_MEANING
    assert list(table.itertuples(index=False, name=None)) == expected


@pytest.mark.parametrize(
    "nct_number, ref, registered",
    [
        ("NCT01234567", pd.NA, True),  # a registry number: no reference
        ("[37]", 37, False),  # a reference printed in brackets instead
    ],
)
def test_a_trial_prints_a_registry_number_or_a_reference(nct_number, ref, registered):
    """Rule: a trial row prints an NCT number (registered) or, instead, a reference number in brackets."""
    trials = coded.trials()
    printed = pd.read_csv(ROOT / "data" / "clinical_trials.csv", dtype=str, keep_default_na=False)
    rows = printed.loc[printed["nct_number"].str.fullmatch(r"\[\d+\]" if not registered else r"NCT\d{8}"), "row"]
    assert len(rows) > 0
    chosen = trials[trials["row"].isin(rows.astype(int))]
    assert chosen["registered"].eq(registered).all()
    if registered:
        assert chosen["ref"].isna().all() and chosen["nct_id"].notna().all()
    else:
        assert chosen["ref"].notna().all() and chosen["nct_id"].isna().all()


@pytest.mark.parametrize(
    "given, diseases",
    [
        ({"diseases": "AD"}, {"AD"}),
        ({"diseases": "POF,OP"}, {"POF", "OP"}),
    ],
)
def test_a_selection_keeps_the_columns_and_renumbers_the_rows(given, diseases):
    """Rule: ``selected`` returns the coded frames' rows a run keeps, same columns, numbered from 0 again."""
    from helpers.core import paths
    from helpers.notebook.params import validate

    run = validate("gapmap", "figure", given, paths.NOTEBOOKS_DIR / "gapmap.ipynb")
    for frame, whole in zip(coded.selected(run), (coded.studies(), coded.trials())):
        assert list(frame.columns) == list(whole.columns)
        assert list(frame.index) == list(range(len(frame))) and len(frame) > 0
        assert set(frame["disease_code"]) == diseases


@pytest.mark.parametrize(
    "frame, columns",
    [
        ("studies", ("row", "ref", "year", "dose_arms")),
        ("trials", ("row", "ref", "enrollment")),
    ],
)
def test_whole_numbers_are_nullable_integers(frame, columns):
    """Rule: numbers are numbers, and a value that could not be found is empty, so integers are nullable."""
    data = getattr(coded, frame)()
    for column in columns:
        assert str(data[column].dtype) == "Int64", column


@pytest.mark.parametrize("column", ["mechanisms", "pathways", "cargo"])
def test_a_study_whose_effects_name_no_category_has_an_empty_text(column):
    """Rule: the category columns are '; '-joined labels, empty when none is named, with that reason beside them
    (every empty value says why: dataset second reading)."""
    frame = coded.studies()
    values, reasons = frame[column], frame[f"{column}_missing"]
    assert values.isna().any() and values.notna().any() and (values.dropna() != "").all()
    assert (reasons[values.notna()] == "").all()
    # A category the effects name but data/curated_tags.csv removes is not "none" (dataset third reading 3.2):
    # Table 1 row 17 [31] Nrf2/HO-1; Table 2 rows 6 and 24 miRNA (an inhibitor; a host miRNA targeted).
    curated = {"pathways": {("table1", 17)}, "cargo": {("table2", 6), ("table2", 24)}}.get(column, set())
    for (table, row), value, reason in zip(zip(frame["table"], frame["row"]), values, reasons):
        if pd.isna(value) and (table, row) in curated:
            assert "which data/curated_tags.csv leaves out for this row" in reason, (table, row)
        elif pd.isna(value):
            assert reason == "the printed effects name none", (table, row)
