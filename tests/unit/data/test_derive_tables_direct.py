"""The whole-table derivation's own rules, called directly (``helpers.data.derive.tables``).

The parsers of each field are tested where they live; this file checks what the table layer adds:

- ``_joined``: several parsed parts are joined with "+"; if any is missing, the distinct reasons are joined
  with "; " in first-seen order and no value is given.
- ``_part``: one element of a tuple-valued reading, or the reading's own reason when it is missing.
- ``_route_defined``: whether every route code is one the table's legend defines; no answer (with its reason)
  when no route was read, when the only route is a co-culture, or when the route is a spelled-out site.
- ``_derive_row`` / ``derive``: a study in a dish has no animal host; each field is followed by its
  ``<field>_missing`` reason (empty when parsed); values use pandas nullable dtypes.

Expected values are worked out by hand from those rules and the cells written below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.derive import tables
from helpers.data.derive.result import Derived, _absent

_OK = Derived


# ---------------------------------------------------------------- _joined


@pytest.mark.parametrize(
    "parts, value, reason",
    [
        ([_OK("UC")], "UC", ""),
        ([_OK("UC"), _OK("BM")], "UC+BM", ""),
        ([_OK(1), _OK(2)], "1+2", ""),  # values are joined as text
        ([_OK("UC"), _absent("unread A")], None, "unread A"),
        ([_absent("unread A"), _OK("UC"), _absent("unread B")], None, "unread A; unread B"),
        ([_absent("same"), _absent("same"), _absent("other")], None, "same; other"),  # each reason once
    ],
    ids=["one", "two", "numbers", "one-missing", "two-missing-in-order", "repeated-reason-once"],
)
def test_joined_joins_values_with_plus_or_collects_distinct_reasons(parts, value, reason):
    """Several parts give "a+b"; any missing part gives no value and the distinct reasons joined by "; "."""
    got = tables._joined(iter(parts))  # any iterable, read once
    assert (got.value, got.reason) == (value, reason)


# ---------------------------------------------------------------- _part


@pytest.mark.parametrize(
    "result, index, value, reason",
    [
        (_OK((200.0, 600.0, "µg", 3)), 0, 200.0, ""),
        (_OK((200.0, 600.0, "µg", 3)), 2, "µg", ""),
        (_absent("no dose printed"), 1, None, "no dose printed"),
    ],
    ids=["first", "third", "missing-keeps-reason"],
)
def test_part_picks_one_element_or_keeps_the_reason(result, index, value, reason):
    """A tuple reading gives its element; a missing reading stays missing with its reason."""
    got = tables._part(result, index)
    assert (got.value, got.reason) == (value, reason)


# ---------------------------------------------------------------- _route_defined

_LEGEND = frozenset({"IV", "SC"})
_CO = "COCULTURE: co-culture is not a route of administration, so no legend code applies"


@pytest.mark.parametrize(
    "route, value, reason",
    [
        (_OK(("IV",)), True, ""),  # the legend defines IV
        (_OK(("IV", "SC")), True, ""),  # ... and SC
        (_OK(("IV", "MI")), False, ""),  # MI is defined by no legend: not every code is defined
        (_OK(("MI",)), False, ""),
        (_OK(("HIPPOCAMPUS", "IV")), True, ""),  # a site beside a code: only the code is looked up
        (_OK(("HIPPOCAMPUS", "MI")), False, ""),
        (_OK(("HIPPOCAMPUS",)), None, "HIPPOCAMPUS: printed as a plain word naming the site, not a legend code"),
        (
            _OK(("FEMUR", "BACK_SIDES")),
            None,
            "FEMUR, BACK_SIDES: printed as a plain word naming the site, not a legend code",
        ),
        (_OK(("COCULTURE",)), None, _CO),
        (_absent("no route printed"), None, "no route to look up: no route printed"),
    ],
    ids=[
        "defined",
        "all-defined",
        "one-undefined",
        "undefined",
        "site-and-defined-code",
        "site-and-undefined-code",
        "site-only",
        "two-sites",
        "co-culture",
        "no-route",
    ],
)
def test_route_defined_looks_up_only_codes_in_the_tables_legend(route, value, reason):
    """Every printed code must be in the legend; sites and co-culture are no codes; no route, no answer."""
    got = tables._route_defined(route, _LEGEND)
    assert (got.value, got.reason) == (value, reason)


# ---------------------------------------------------------------- a whole row

_LEGENDS = pd.DataFrame(
    [
        {"legend": "table1", "position": 1, "abbreviation": "IV", "definition": "Intravenous injection"},
        {"legend": "table2", "position": 1, "abbreviation": "IP", "definition": "Intraperitoneal injection"},
        # a route code only a legend defines (no built-in route code)
        {"legend": "table2", "position": 2, "abbreviation": "XY", "definition": "Intrathecal injection"},
    ],
    columns=["legend", "position", "abbreviation", "definition", "note"],
)
_ROW = {
    "row": 4,
    "ref": 9,
    "disease": "AD",
    "source": "hUC-MSC",
    "animal_model": "APP/PS1 mouse",
    "precondition": "",
    "route_dosage": "IV 1 × 10⁶",
    "in_vitro_model": "",
    "follow_up": "2 weeks",
    "effects": "improved memory",
}


def _derive(table: str, **cells) -> pd.DataFrame:
    row = _ROW | ({"size_nm": "50–100 nm"} if table == "exosome_studies" else {}) | cells
    return tables.derive(table, pd.DataFrame([row]), _LEGENDS)


def test_a_row_in_a_dish_has_no_animal_host_and_says_whose_cells_the_cell_names():
    """An in vitro only study has no host species: its Animal model cell names the cells' origin, said so."""
    got = _derive(
        "msc_studies", animal_model="  rat   granulosa cells ", in_vitro_model="GCs", route_dosage="coculture"
    )
    # The animal model cell, its spaces collapsed, is quoted in the reason.
    assert got.loc[0, "setting"] == "in vitro"
    assert got.loc[0, "host_species"] is pd.NA
    assert got.loc[0, "host_species_missing"] == (
        "in vitro study: no animal host ('rat granulosa cells' printed; the cells' origin)"
    )
    # The co-culture is no route of administration: route_defined has no answer.
    assert got.loc[0, "route"] == "COCULTURE"
    assert got.loc[0, "route_defined"] is pd.NA
    assert got.loc[0, "route_defined_missing"] == _CO


def test_a_row_in_vivo_keeps_its_host_and_looks_its_route_up_in_its_own_legend():
    """An in vivo row keeps the host its Animal model names; IV is in Table 1's legend, IP only in Table 2's."""
    table1 = _derive("msc_studies")
    assert (table1.loc[0, "host_species"], table1.loc[0, "host_species_missing"]) == ("mouse", "")
    assert (table1.loc[0, "route"], table1.loc[0, "route_defined"], table1.loc[0, "route_defined_missing"]) == (
        "IV",
        True,
        "",
    )
    table1_ip = _derive("msc_studies", route_dosage="IP 1 × 10⁶")
    assert (table1_ip.loc[0, "route"], table1_ip.loc[0, "route_defined"]) == ("IP", False)
    table2_ip = _derive("exosome_studies", route_dosage="IP 1 × 10⁶")
    assert (table2_ip.loc[0, "route"], table2_ip.loc[0, "route_defined"]) == ("IP", True)


def test_a_route_not_read_leaves_route_and_route_defined_missing_with_reasons():
    """No route printed: the route's reason, and route_defined says there was no route to look up."""
    got = _derive("msc_studies", route_dosage="")
    assert got.loc[0, "route"] is pd.NA
    assert got.loc[0, "route_missing"] == "no route printed"
    assert got.loc[0, "route_defined"] is pd.NA
    assert got.loc[0, "route_defined_missing"] == "no route to look up: no route printed"


_PRECLINICAL_COLUMNS = ["row", "ref"] + [
    name for field in tables.FIELDS["msc_studies"] for name in (field, f"{field}_missing")
]


@pytest.mark.parametrize(
    "table, columns",
    [
        ("msc_studies", _PRECLINICAL_COLUMNS),
        (
            "exosome_studies",
            _PRECLINICAL_COLUMNS + ["size_low_nm", "size_low_nm_missing", "size_high_nm", "size_high_nm_missing"],
        ),
    ],
    ids=["table1", "table2"],
)
def test_derive_gives_every_field_then_its_reason_with_nullable_dtypes(table, columns):
    """Columns: row, ref, then each field followed by <field>_missing; each field in its nullable dtype."""
    got = _derive(table)
    assert list(got.columns) == columns
    assert str(got["row"].dtype) == "Int64" and str(got["ref"].dtype) == "Int64"
    for field in tables.FIELDS[table]:
        assert str(got[field].dtype) == tables._FIELD_DTYPES[field], field
        assert str(got[f"{field}_missing"].dtype) == "string", field
    # Every parsed field of this row has an empty reason.
    parsed = ["disease_code", "tissue", "donor_species", "modality", "host_species", "route", "route_defined"]
    assert [got.loc[0, f"{f}_missing"] for f in parsed] == [""] * len(parsed)
    assert (got.loc[0, "row"], got.loc[0, "ref"]) == (4, 9)


def test_a_trial_row_gives_trial_fields_only():
    """Table 3's fields: disease, sources, modality, route and whether the legend defines it, phase, NCT id."""
    trial = pd.DataFrame(
        [
            {
                "row": 2,
                "disease_type": "POF",
                "msc_type": "hUC-MSC",
                "migration_method": "Hippocampus",
                "phases": "2",
                "nct_number": "NCT00000001",
            }
        ]
    )
    got = tables.derive("clinical_trials", trial, _LEGENDS)
    assert list(got.columns) == ["row"] + [
        name for field in tables.FIELDS["clinical_trials"] for name in (field, f"{field}_missing")
    ]
    assert (got.loc[0, "row"], got.loc[0, "disease_code"], got.loc[0, "tissue"]) == (2, "POF", "UC")
    # Table 3 mixes cells and exosomes: its MSC type cell decides (hUC-MSC names no vesicles).
    assert (got.loc[0, "modality"], got.loc[0, "modality_missing"]) == ("cells", "")
    assert (got.loc[0, "route"], got.loc[0, "route_defined"]) == ("HIPPOCAMPUS", pd.NA)
    assert got.loc[0, "route_defined_missing"] == (
        "HIPPOCAMPUS: printed as a plain word naming the site, not a legend code"
    )
    assert (got.loc[0, "phase"], got.loc[0, "nct_id"]) == ("2", "NCT00000001")


@pytest.mark.parametrize(
    "msc_type, modality, reason",
    [
        ("hUC-MSC", "cells", ""),
        ("UC-MSC-Exos", "exosomes", ""),
        ("", None, "no MSC type printed"),
    ],
    ids=["cells", "exosomes", "not-printed"],
)
def test_a_trials_modality_is_read_from_its_msc_type_cell(msc_type, modality, reason):
    """A trial studies exosomes when its MSC type names them, cells otherwise; no MSC type, no modality."""
    trial = pd.DataFrame(
        [
            {
                "row": 1,
                "disease_type": "AD",
                "msc_type": msc_type,
                "migration_method": "IV",
                "phases": "1",
                "nct_number": "NCT00000002",
            }
        ]
    )
    got = tables.derive("clinical_trials", trial, _LEGENDS)
    assert (None if got.loc[0, "modality"] is pd.NA else got.loc[0, "modality"]) == modality
    assert got.loc[0, "modality_missing"] == reason


@pytest.mark.parametrize(
    "table, defined",
    [("msc_studies", False), ("exosome_studies", True)],
    ids=["table1-legend-lacks-it", "table2-legend-defines-it"],
)
def test_a_route_code_only_a_legend_defines_is_read_from_any_legend(table, defined):
    """A code no built-in list has is read as a route when any legend defines it; defined only under its table."""
    got = _derive(table, route_dosage="XY 1 × 10⁶")
    assert (got.loc[0, "route"], got.loc[0, "route_missing"], got.loc[0, "route_defined"]) == ("XY", "", defined)


def test_a_row_reads_dose_time_setting_and_size_from_their_own_cells():
    """Dose low, high, unit and arms are the parts of one reading; follow-up in days; both models: both settings."""
    got = _derive("exosome_studies", route_dosage="IV 200, 400 and 600 µg", in_vitro_model="GCs").loc[0]
    assert (got["dose_low"], got["dose_high"], got["dose_unit"], got["dose_arms"]) == (200.0, 600.0, "µg", 3)
    assert got["setting"] == "in vivo + in vitro"  # an animal model and an in vitro model printed
    # One printed time ("2 weeks") and two arms: the time is put where the setting allows, in no arm.
    assert got["follow_up_days"] is pd.NA
    assert (got["unassigned_time_days"], got["time_arm"]) == (14.0, "not stated in the review")
    in_vivo = _derive("msc_studies").loc[0]
    assert (in_vivo["follow_up_days"], in_vivo["follow_up_days_missing"]) == (14.0, "")  # an animal arm only
    assert (got["size_low_nm"], got["size_high_nm"]) == (50.0, 100.0)  # "50–100 nm"


@pytest.mark.parametrize(
    "table, cells, modification, product",
    [
        ("msc_studies", {"precondition": "MT"}, "primed", "modified"),  # a printed precondition primes
        ("msc_studies", {"effects": "cells in a hydrogel improved healing"}, "biomaterial", "modified"),
        ("msc_studies", {}, "none", "native"),  # no precondition, effects name no modification
        ("exosome_studies", {}, "none", "native"),  # Table 2 has no Precondition column at all
    ],
    ids=["precondition", "effects-word", "none", "table2-without-precondition"],
)
def test_modification_reads_the_precondition_cell_and_the_effects_cell(table, cells, modification, product):
    """The Precondition cell (Table 1 only) and the Effects cell decide the modification; none is native."""
    row = _ROW | ({"size_nm": "50–100 nm"} if table == "exosome_studies" else {}) | cells
    if table == "exosome_studies":
        row.pop("precondition")
    got = tables.derive(table, pd.DataFrame([row]), _LEGENDS).loc[0]
    assert (got["modification"], got["product"]) == (modification, product)
