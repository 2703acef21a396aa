"""A whole printed table derived (``helpers.data.derive.tables``), on hand-written rows.

The rule: every field comes from its printed column(s) through its parser
(Table 3 reads ``disease_type``, ``msc_type`` and ``migration_method``
instead of ``disease``, ``source`` and ``route_dosage``); a dose's low,
high, unit and number of arms are the parts of one reading; a bare number
counts cells in Table 1 (header "Dosage/cells") and has no unit in Table 2;
route abbreviations are recognised from any legend; several sources are
joined with "+", and several reasons with "; ". The expected values are
read off the cells below by those rules.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.derive import derive

LEGENDS = pd.DataFrame(
    [
        {"legend": "table1", "position": 1, "abbreviation": "SC", "definition": "Subcutaneous injection"},
        # a route only a legend of another table defines
        {"legend": "table3", "position": 1, "abbreviation": "ZZ", "definition": "Zonal infusion"},
    ],
    columns=["legend", "position", "abbreviation", "definition", "note"],
)

PRECLINICAL = {
    "row": 1,
    "ref": 5,
    "disease": "POF",
    "source": "hUC-MSC + rBM-MSC",
    "animal_model": "CTX-induced POF rat model",
    "precondition": "",
    "route_dosage": "SC 200, 400 and 600 µg",
    "in_vitro_model": "",
    "follow_up": "4 weeks",
    "effects": "improved ovarian function",
    "size_nm": "30–150 nm",
}


def one(table: str, **cells) -> pd.Series:
    columns = [c for c in PRECLINICAL if table == "exosome_studies" or c != "size_nm"]
    row = {c: PRECLINICAL[c] for c in columns} | cells
    return derive(table, pd.DataFrame([row]), LEGENDS).iloc[0]


@pytest.mark.parametrize("table", ["msc_studies", "exosome_studies"])
def test_every_field_of_a_preclinical_row_comes_from_its_column(table):
    """Rule: disease, sources, host, route, dose arms, follow-up and setting, each from its printed cell."""
    got = one(table)
    assert (got["row"], got["ref"], got["disease_code"]) == (1, 5, "POF")
    assert (got["tissue"], got["donor_species"]) == ("UC+BM", "human+rat")
    assert (got["host_species"], got["route"], got["route_defined"]) == ("rat", "SC", table == "msc_studies")
    assert (got["dose_low"], got["dose_high"], got["dose_unit"], got["dose_arms"]) == (200.0, 600.0, "µg", 3)
    assert (got["follow_up_days"], got["setting"]) == (28.0, "in vivo")
    assert got["modality"] == ("cells" if table == "msc_studies" else "exosomes")


def test_an_exosome_size_range_gives_its_low_and_high_end():
    """Rule: Table 2's size cell gives the smallest and largest size, in nm."""
    got = one("exosome_studies")
    assert (got["size_low_nm"], got["size_high_nm"]) == (30.0, 150.0)


@pytest.mark.parametrize(
    "table, unit, reason",
    [
        ("msc_studies", "cells", ""),  # Table 1's header: "Dosage/cells"
        ("exosome_studies", pd.NA, "dose '2 × 10⁶' printed without a unit"),  # Table 2's names none
    ],
)
def test_a_bare_number_counts_cells_only_in_table_1(table, unit, reason):
    """Rule: the unit of a bare dose number comes from the table's header."""
    got = one(table, route_dosage="IV 2 × 10⁶")
    assert got["dose_unit_missing"] == reason
    assert (got["dose_unit"] is pd.NA) if unit is pd.NA else (got["dose_unit"] == unit and got["dose_low"] == 2e6)


def test_a_route_any_legend_defines_is_read():
    """Rule: route abbreviations are recognised from every legend, not only the built-in list."""
    got = one("msc_studies", route_dosage="ZZ 1 × 10⁶")
    assert (got["route"], got["route_missing"]) == ("ZZ", "")
    assert not got["route_defined"]  # defined, but not in the legend under Table 1


@pytest.mark.parametrize(
    "source, tissue, reason",
    [
        ("", pd.NA, "no MSC source printed"),
        (
            "FOO-MSC + BAR-MSC",
            pd.NA,
            "MSC source 'FOO-MSC' is not a recognised tissue/species form; "
            "MSC source 'BAR-MSC' is not a recognised tissue/species form",
        ),
        ("hUC-MSC + FOO-MSC", pd.NA, "MSC source 'FOO-MSC' is not a recognised tissue/species form"),
    ],
)
def test_a_source_that_cannot_be_read_says_why(source, tissue, reason):
    """Rule: several sources are joined with "+" only when each was read; else their reasons, joined by "; "."""
    got = one("msc_studies", source=source)
    assert got["tissue"] is tissue and got["tissue_missing"] == reason
    assert got["donor_species"] is pd.NA and got["donor_species_missing"] == reason


def test_a_trial_row_reads_its_own_columns():
    """Rule: Table 3 reads disease_type, msc_type and migration_method; phase and NCT number from theirs."""
    trial = pd.DataFrame(
        [
            {
                "row": 3,
                "disease_type": "AD",
                "msc_type": "UC-MSC-Exos",
                "migration_method": "ZZ",
                "phases": "1/ 2",
                "nct_number": "NCT01234567",
            }
        ]
    )
    got = derive("clinical_trials", trial, LEGENDS).iloc[0]
    assert (got["row"], got["disease_code"], got["tissue"], got["modality"]) == (3, "AD", "UC", "exosomes")
    assert (got["route"], got["route_defined"], got["nct_id"]) == ("ZZ", True, "NCT01234567")
    assert got["phase"] == "1/2"


@pytest.mark.parametrize("table", ["tissue_sources", "table1"])
def test_a_table_without_derived_fields_is_refused_by_name(table):
    """Rule: only Tables 1-3 are derived; another name is a programming error that lists the three."""
    with pytest.raises(ValueError) as info:
        derive(table, pd.DataFrame(), LEGENDS)
    assert str(info.value) == (
        f"unknown table {table!r}; expected one of ['clinical_trials', 'exosome_studies', 'msc_studies']"
    )


@pytest.mark.parametrize(
    "animal_model, in_vitro_model, route_dosage, expected",
    [
        ("", "GCs", "coculture 0.4 µg/ml", "in vitro"),  # no animal: in vitro only
        ("", "GCs", "IV 2 × 10⁶", "in vitro"),  # even with an injection route: no animal model printed
        ("CTX-induced POF rat model", "GCs", "IV 2 × 10⁶", "in vivo + in vitro"),
        ("CTX-induced POF rat model", "", "IV 2 × 10⁶", "in vivo"),
    ],
)
def test_the_setting_reads_the_animal_and_in_vitro_model_cells(animal_model, in_vitro_model, route_dosage, expected):
    """Rule: in vivo when an animal model is printed, in vitro when an in vitro model is, both when both are."""
    got = one("msc_studies", animal_model=animal_model, in_vitro_model=in_vitro_model, route_dosage=route_dosage)
    assert got["setting"] == expected
