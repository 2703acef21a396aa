"""Size kind and vesicle type of a whole table: every Table 1 row, an unknown cited reference, index and types.

Expected values come from the print and ``helpers.data.derive.vesicles``'s docstrings: Table 1's 28 printed rows
are cell therapies (both fields missing with the cell-therapy reason); a row whose cited title is not known has no
vesicle type ("the cited title is not known", never guessed as "none named"); the result is ``string`` columns on
the printed table's index.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import curated
from helpers.data.derive import vesicles

REFERENCES = pd.DataFrame({"ref": [53], "title": ["Exosomes restore ovarian function in mice"]})


@pytest.fixture(scope="module")
def table1():
    return vesicles.classify(curated.load("msc_studies"), "msc_studies", curated.load("references"))


def test_every_one_of_table1s_28_rows_is_a_cell_therapy(table1):
    assert len(table1) == 28  # Table 1 prints rows 1-28
    for column in ("size_kind_missing", "vesicle_type_missing"):
        assert set(table1[column]) == {vesicles.CELL_THERAPY}
    assert table1["size_kind"].isna().all() and table1["vesicle_type"].isna().all()


def test_table1s_all_missing_columns_are_still_string_columns(table1):
    for column in vesicles.OUTPUT_COLUMNS:
        assert table1[column].dtype == "string", column


@pytest.mark.parametrize(("ref", "kind"), [(53, "exosomes"), (999, None)], ids=["known-ref", "unknown-ref"])
def test_a_row_citing_an_unknown_reference_has_no_vesicle_type(ref, kind):
    printed = pd.DataFrame({"size_nm": ["160 nm"], "effects": ["Exos restore ovarian function"], "ref": [ref]})
    got = vesicles.classify(printed, "exosome_studies", REFERENCES)
    value = got.loc[0, "vesicle_type"]
    assert (None if pd.isna(value) else value) == kind
    if kind is None:
        assert got.loc[0, "vesicle_type_missing"] == "the cited title is not known"
        assert got.loc[0, "vesicle_type_evidence"] == "no cited title"
    assert got.loc[0, "size_kind"] == "single value"


@pytest.mark.parametrize("table", ["msc_studies", "exosome_studies"])
def test_the_result_keeps_the_printed_tables_index(table):
    printed = pd.DataFrame(
        {"size_nm": ["160 nm", "30–200 nm"], "effects": ["Exos help", "Exos help"], "ref": [53, 53]}, index=[11, 4]
    )
    got = vesicles.classify(printed, table, REFERENCES)
    assert list(got.index) == [11, 4]
    if table == "exosome_studies":
        assert list(got["size_kind"]) == ["single value", "range"]
