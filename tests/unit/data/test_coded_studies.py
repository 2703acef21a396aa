"""Tables 1 and 2 coded (``helpers.data.coded.studies``), row by row against the printed tables.

Each case is one printed row of Table 1 or Table 2 (``data/msc_studies.csv``,
``data/exosome_studies.csv``) and the values ``STUDY_COLUMNS`` says it
codes to, read off the row's cells by hand: the table, the publication year
of its reference, the disease spelled out, the dose read with its setting
and product, the vesicle size (none for cells), the sex a model implies, a
modification the review's text adds, and, for a category column left empty,
the reason it is empty.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import coded

NO_SIZE = "cells (Table 1): the review prints no vesicle size"
NONE_NAMED = "the printed effects name none"
CURATED = "which data/curated_tags.csv leaves out for this row (curated_out says why)"

CASES = [
    pytest.param(
        ("table1", 1),
        # weakness | Bmi-1⁻/⁻ mouse model | IP 1 × 10⁷ | 21 days | [10] Sci Rep 2015
        {
            "ref": 10,
            "year": 2015,
            "disease_code": "WEAK",
            "disease": "Premature aging (weakness)",
            "dose_kind": "cells",
            "dose_low": 1e7,
            "dose_high": 1e7,
            "dose_arms": 1,
            "size_low_nm": pd.NA,
            "size_low_nm_missing": NO_SIZE,
            "size_high_nm_missing": NO_SIZE,
            "regulators": pd.NA,
            "regulators_missing": NONE_NAMED,
            "review_text_missing": "no statement of the review's text bearing on this row's codes or citation is "
            "recorded",
        },
        id="Table 1 row 1: cells given to mice, no size, no regulator named",
    ),
    pytest.param(
        ("table1", 3),
        # POF | Y Radiation-induced POF rat model | IV 2 × 10⁶ | 2 weeks
        {
            "table": "table1",
            "disease": "Premature ovarian failure",
            "dose_low": 2e6,
            "dose_arms": 1,
            "sex": "female (implied by the model)",
            "sex_missing": "",
            "transcription_notes_missing": "",
        },
        id="Table 1 row 3: an ovarian-failure model implies female animals",
    ),
    pytest.param(
        ("table1", 17),
        # effects print "Nrf2 signaling pathway"; data/curated_tags.csv removes it; the text ([31]) speaks of it
        {
            "pathways": pd.NA,
            "pathways_missing": f"a pattern finds Nrf2/HO-1 in the printed effects, {CURATED}; see review_text",
        },  # fmt: skip
        id="Table 1 row 17: a category curation removes, with the review's text on it",
    ),
    pytest.param(
        ("table2", 5),
        # HAMA (a biomaterial) | OV 2×10⁶ cells | the text: exosomes from lipopolysaccharide-pretreated UC-MSCs
        {
            "table": "table2",
            "modality": "exosomes",
            "modification": "primed+biomaterial",
            "product": "modified",
            "dose_kind": "cells, printed for exosomes",
            "dose_low": 2e6,
            "dose_high": 2e6,
            "size_low_nm": 160.0,
            "size_high_nm": 160.0,
        },
        id="Table 2 row 5: cells printed as an exosome dose; the text's priming joins the printed carrier",
    ),
    pytest.param(
        ("table2", 6),
        # "hUCMSC-Exos overexpressing miR-211-5p inhibitors": curation removes the miRNA; no text statement ([54])
        {"cargo": pd.NA, "cargo_missing": f"a pattern finds miRNA in the printed effects, {CURATED}"},
        id="Table 2 row 6: a category curation removes, no text on it",
    ),
    pytest.param(
        ("table2", 9),
        # coculture 0.4 µg/ml | Astrocytes | 24 h
        {"setting": "in vitro", "dose_kind": "in vitro concentration", "dose_low": 0.4, "incubation_hours": 24.0},
        id="Table 2 row 9: a concentration in a dish",
    ),
    pytest.param(
        ("table2", 28),
        # UV radiation-induced photodamage rat model | 40–100 nm | SC 200, 400 and 600 µg | [83] Aging 2021
        {
            "year": 2021,
            "dose_kind": "mass as printed",
            "dose_low": 200.0,
            "dose_high": 600.0,
            "dose_unit": "µg",
            "dose_arms": 3,
            "size_low_nm": 40.0,
            "size_high_nm": 100.0,
            "size_kind": "range",
        },
        id="Table 2 row 28: three mass arms and a size range",
    ),
]


@pytest.mark.parametrize("key, expected", CASES)
def test_a_printed_row_codes_to_what_its_cells_say(key, expected):
    """Rule: each coded value is derived from the row's printed cells, reference and text as STUDY_COLUMNS says."""
    studies = coded.studies()
    (row,) = studies.index[(studies["table"] == key[0]) & (studies["row"] == key[1])]
    got = {c: (pd.NA if pd.isna(studies.at[row, c]) else studies.at[row, c]) for c in expected}
    assert got == expected


def test_the_studies_are_table_1_then_table_2_in_printed_order():
    """Rule: one row per printed row, Table 1's 28 then Table 2's 28, numbered from 0."""
    studies = coded.studies()
    assert list(zip(studies["table"], studies["row"])) == [("table1", r) for r in range(1, 29)] + [
        ("table2", r) for r in range(1, 29)
    ]
    assert list(studies.index) == list(range(56))


def test_every_documented_column_is_there_in_order_each_followed_by_its_reason():
    """Rule: STUDY_COLUMNS in order; any other column is the reason column of the one before it."""
    columns = list(coded.studies().columns)
    assert [c for c in columns if c in coded.STUDY_COLUMNS] == list(coded.STUDY_COLUMNS)
    for before, column in zip(columns, columns[1:]):
        if column not in coded.STUDY_COLUMNS:
            assert column == f"{before}_missing"
    # the columns _studies itself adds a reason to
    for base in ("size_low_nm", "size_high_nm", "mechanisms", "pathways", "regulators", "cargo", "sex"):
        assert f"{base}_missing" in columns


@pytest.mark.parametrize("column", ["mechanisms", "pathways", "regulators", "cargo"])
def test_a_category_column_is_empty_exactly_where_its_reason_says_why(column):
    """Rule: a category value and its reason are never both filled nor both empty, and both are strings."""
    studies = coded.studies()
    assert str(studies[column].dtype) == "string" and str(studies[f"{column}_missing"].dtype) == "string"
    assert (studies[column].isna() == (studies[f"{column}_missing"] != "")).all()
    assert not (studies[column] == "").any()
