"""Tests for ``helpers.data.quantities``: printed Route/Dosage cells as pint quantities.

``EXPECTED_ROWS`` holds a hand-read value for every row of Tables 1 and 2:
the printed cell copied from ``data/``, then the kind, the arms in the
kind's base unit and that unit. A new row, or a changed cell, in ``data/``
fails ``test_expected_rows_cover_data_exactly`` until someone reads it and
adds it here, so no printed form reaches a table unread.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pint
import pytest

from helpers.data.derive import Derived, Dose, dose, dose_arms
from helpers.data.quantities import (
    DOSE_TABLE_COLUMNS,
    KINDS,
    UREG,
    DoseReading,
    base_dose,
    dose_table,
    in_base_units,
    kind_of,
    read_dose,
)
from tests.conftest import ROOT

DATA = ROOT / "data"
T1, T2 = "msc_studies", "exosome_studies"
Q = UREG.Quantity

CELLS, PARTICLES, MASS, PER_BODY, CONC = "cells", "particles", "mass as printed", "mass per body mass", "concentration"
NO_DOSE = "no dose printed"
NA_DOSE = "dose printed as NA"


def unitless(printed: str) -> str:
    """The reason for a Table 2 bare number."""
    return (
        f"dose '{printed}' printed without a unit, and Table 2's header names none:"
        " it could count particles or producer cells"
    )


def load(name: str) -> pd.DataFrame:
    """Load one CSV of ``data/`` as printed text, keys as integers."""
    df = pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)
    for column in ("row", "ref"):
        df[column] = df[column].astype(int)
    return df


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return {table: load(table) for table in (T1, T2)}


# --- (a) printed forms: must parse ----------------------------------------------

# (printed cell, table, route codes, kind, arms in the base unit, base unit label)
PARSE_CASES = [
    ("1 × 10⁷", T1, None, CELLS, (1e7,), "cells"),
    ("IP 1 × 10⁷", T1, ("IP",), CELLS, (1e7,), "cells"),
    ("OV 3.5 × 10⁵", T1, ("OV",), CELLS, (3.5e5,), "cells"),
    ("Back sides 1 × 10⁷", T1, ("BACK_SIDES",), CELLS, (1e7,), "cells"),
    ("NA 2 × 10⁷", T1, None, CELLS, (2e7,), "cells"),  # route NA, dose still printed
    ("MI 5 × 10⁶", T1, ("MI",), CELLS, (5e6,), "cells"),  # MI is in no legend; the dose is fine
    ("OV 2×10⁶ cells", T2, ("OV",), CELLS, (2e6,), "cells"),
    ("OV 2×10⁶ cells", T1, ("OV",), CELLS, (2e6,), "cells"),  # explicit unit agrees with the header
    ("ICV 1×10⁹ particles", T2, ("ICV",), PARTICLES, (1e9,), "particles"),
    ("SC 200, 400 and 600 µg", T2, ("SC",), MASS, (200.0, 400.0, 600.0), "µg"),
    ("IP 150 µg", T2, ("IP",), MASS, (150.0,), "µg"),
    ("Hippocampus 50 µg", T2, ("HIPPOCAMPUS",), MASS, (50.0,), "µg"),
    ("Femur 150 µg", T2, ("FEMUR",), MASS, (150.0,), "µg"),
    ("ICV 0.5 µg", T2, ("ICV",), MASS, (0.5,), "µg"),
    ("IV 100 mg", T2, ("IV",), MASS, (100_000.0,), "µg"),  # implausible, kept as printed
    ("IV 0.5 mg/mL", T2, ("IV",), CONC, (500.0,), "µg/mL"),
    ("IV 80 µg/mL", T2, ("IV",), CONC, (80.0,), "µg/mL"),
    ("coculture 0.4 µg/ml", T2, ("COCULTURE",), CONC, (0.4,), "µg/mL"),
    ("Coculture 250 µg/mL", T2, ("COCULTURE",), CONC, (250.0,), "µg/mL"),
    ("IV 1.6 mg/kg", T2, ("IV",), PER_BODY, (1.6,), "mg/kg"),
    ("Iv 1.6 mg/kg", T2, ("IV",), PER_BODY, (1.6,), "mg/kg"),  # lower-case v
    ("IV 10 mg/kg", T2, ("IV",), PER_BODY, (10.0,), "mg/kg"),
    # Not printed today: spellings derive accepts, and conversions within a kind.
    ("IV 2 x 10^6 cells", T2, ("IV",), CELLS, (2e6,), "cells"),
    ("IV 1 × 10⁶, 2 × 10⁶ and 5 × 10⁶", T1, ("IV",), CELLS, (1e6, 2e6, 5e6), "cells"),
    ("IV 5 μg/ml", T2, ("IV",), CONC, (5.0,), "µg/mL"),  # Greek mu
    ("IV 5 ug", T2, ("IV",), MASS, (5.0,), "µg"),
    ("IV 2.5 ng", T2, ("IV",), MASS, (0.0025,), "µg"),
    ("IV 1.1 mg", T2, ("IV",), MASS, (1100.0,), "µg"),
    ("IP 500 µg/kg", T2, ("IP",), PER_BODY, (0.5,), "mg/kg"),
    ("IP 3 µg/g", T2, ("IP",), PER_BODY, (3.0,), "mg/kg"),  # per gram of body mass
    ("IV 2 mg/ml", T2, ("IV",), CONC, (2000.0,), "µg/mL"),
    ("IV 1 × 10⁻³ mg", T2, ("IV",), MASS, (1.0,), "µg"),
]


@pytest.mark.parametrize("text, table, route, kind, base, label", PARSE_CASES)
def test_read_dose_parses(text, table, route, kind, base, label):
    reading = read_dose(text, table)
    assert not reading.missing and reading.reason == ""
    assert reading.kind == kind
    if route is not None:
        assert reading.route == Derived(route)
    assert tuple(arm.magnitude for arm in in_base_units(reading)) == pytest.approx(base)
    assert base_dose(reading) == Derived(Dose(min(base), max(base), label, len(base)))


@pytest.mark.parametrize(
    "text, arms",
    [
        ("IV 100 mg", (Q(100, "mg"),)),
        ("IV 0.5 mg/mL", (Q(0.5, "mg/mL"),)),
        ("SC 200, 400 and 600 µg", (Q(200, "µg"), Q(400, "µg"), Q(600, "µg"))),
        ("Iv 1.6 mg/kg", (Q(1.6, "mg/kg_bm"),)),
        ("ICV 1×10⁹ particles", (Q(1e9, "ev_particle"),)),
    ],
)
def test_arms_keep_the_printed_value_and_unit(text, arms):
    reading = read_dose(text, T2)
    assert reading.arms == arms
    assert [str(a.units) for a in reading.arms] == [str(a.units) for a in arms]


def test_arms_keep_printed_order():
    assert dose_arms("SC 600, 200 and 400 µg").value.values == (600.0, 200.0, 400.0)
    reading = read_dose("SC 600, 200 and 400 µg", T2)
    assert [a.magnitude for a in reading.arms] == [600.0, 200.0, 400.0]
    assert base_dose(reading).value == Dose(200.0, 600.0, "µg", 3)


def test_route_is_derives_route():
    na_route = read_dose("NA 2 × 10⁷", T1)
    assert na_route.route == Derived(
        None, "route printed as NA (legend: Not Applicable): a route applied, but it is not reported in the review"
    )
    assert na_route.arms == (Q(2e7, "cell"),)


# --- (a) printed forms: must refuse ---------------------------------------------

# (printed cell, table, reason)
REFUSE_CASES = [
    ("NA", T1, NA_DOSE),
    ("NA", T2, NA_DOSE),
    ("IV NA", T2, NA_DOSE),
    ("", T1, NO_DOSE),
    ("", T2, NO_DOSE),
    ("IV", T1, NO_DOSE),
    ("coculture", T1, NO_DOSE),
    ("Coculture", T2, NO_DOSE),
    ("hippocampus", T1, NO_DOSE),
    # A bare number in Table 2 could be particles or producer cells: never guessed.
    ("IV 1 × 10⁶", T2, unitless("1 × 10⁶")),
    ("NA 2 × 10⁷", T2, unitless("2 × 10⁷")),
    ("3.5 × 10⁵", T2, unitless("3.5 × 10⁵")),
    ("IV 150", T2, unitless("150")),
    # Units or forms nobody has decided how to read.
    ("IV 100 µL", T2, "dose unit 'µL' is not recognised"),
    ("IV 1 × 10⁹ exosomes", T2, "dose unit 'exosomes' is not recognised"),
    ("IV 5 furlongs", T1, "dose unit 'furlongs' is not recognised"),
    ("IV 2 U/mL", T2, "dose unit 'U/mL' is not recognised"),
    ("IV 1–2 × 10⁶", T1, "dose '1–2 × 10⁶' is not in a recognised form"),
    ("IV 0.3 mg, 0.1 mg", T2, "dose '0.3 mg, 0.1 mg' is not in a recognised form"),  # unit once per arm
]


@pytest.mark.parametrize("text, table, reason", REFUSE_CASES)
def test_read_dose_refuses(text, table, reason):
    reading = read_dose(text, table)
    assert reading.missing
    assert (reading.arms, reading.kind, reading.reason) == ((), None, reason)
    assert in_base_units(reading) == ()
    assert base_dose(reading) == Derived(None, reason)


def test_derive_dose_is_unchanged_by_the_arms_split():
    """derive.dose still refuses what quantities explains (one source of the rule)."""
    assert dose("IV 1 × 10⁶") == Derived(None, "dose '1 × 10⁶' printed without a unit")
    assert dose_arms("IV 1 × 10⁶").value.unit is None


@pytest.mark.parametrize("table", ["clinical_trials", "tissue_sources", "table1"])
def test_read_dose_rejects_tables_without_doses(table):
    with pytest.raises(ValueError, match="unknown table"):
        read_dose("IV 1 × 10⁶", table)


# --- (b) every printed row, read by hand ------------------------------------------

# (table, row) -> (printed route_dosage, kind, arms in base unit, base unit label)
# for a read dose, or (printed, None, (), reason) for a missing one.
# Table 1 (msc_studies): bare counts are cells by its "Dosage/cells" header.
# Table 2 (exosome_studies): units as printed; nothing defaulted.
EXPECTED_ROWS: dict[tuple[str, int], tuple] = {
    (T1, 1): ("IP 1 × 10⁷", CELLS, (1e7,), "cells"),
    (T1, 2): ("IV", None, (), NO_DOSE),
    (T1, 3): ("IV 2 × 10⁶", CELLS, (2e6,), "cells"),
    (T1, 4): ("IV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 5): ("IV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 6): ("IV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 7): ("OV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 8): ("OV 3.5 × 10⁵", CELLS, (3.5e5,), "cells"),
    (T1, 9): ("OV 5 × 10⁵", CELLS, (5e5,), "cells"),
    (T1, 10): ("OV 1 × 10⁵", CELLS, (1e5,), "cells"),
    (T1, 11): ("OV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 12): ("Back sides 1 × 10⁷", CELLS, (1e7,), "cells"),
    (T1, 13): ("MI 5 × 10⁶", CELLS, (5e6,), "cells"),
    (T1, 14): ("coculture", None, (), NO_DOSE),
    (T1, 15): ("IP 5 × 10⁶", CELLS, (5e6,), "cells"),
    (T1, 16): ("IV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 17): ("IV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 18): ("IV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 19): ("hippocampus", None, (), NO_DOSE),
    (T1, 20): ("IV 6 × 10⁶", CELLS, (6e6,), "cells"),
    (T1, 21): ("IV 5 × 10⁶", CELLS, (5e6,), "cells"),
    (T1, 22): ("NA 2 × 10⁷", CELLS, (2e7,), "cells"),
    (T1, 23): ("IV 5 × 10⁵", CELLS, (5e5,), "cells"),
    (T1, 24): ("IV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 25): ("IV 1 × 10⁶", CELLS, (1e6,), "cells"),
    (T1, 26): ("IV 2 × 10⁶", CELLS, (2e6,), "cells"),
    (T1, 27): ("SC 2 × 10⁶", CELLS, (2e6,), "cells"),
    (T1, 28): ("Coculture", None, (), NO_DOSE),
    (T2, 1): ("NA", None, (), NA_DOSE),
    (T2, 2): ("IP 150 µg", MASS, (150.0,), "µg"),
    (T2, 3): ("IV 125 µg", MASS, (125.0,), "µg"),
    (T2, 4): ("IP 150 µg", MASS, (150.0,), "µg"),
    (T2, 5): ("OV 2×10⁶ cells", CELLS, (2e6,), "cells"),
    (T2, 6): ("Coculture", None, (), NO_DOSE),
    (T2, 7): ("Coculture", None, (), NO_DOSE),
    (T2, 8): ("IV 50 µg", MASS, (50.0,), "µg"),
    (T2, 9): ("coculture 0.4 µg/ml", CONC, (0.4,), "µg/mL"),
    (T2, 10): ("Hippocampus 50 µg", MASS, (50.0,), "µg"),
    (T2, 11): ("ICV 1×10⁹ particles", PARTICLES, (1e9,), "particles"),
    (T2, 12): ("IN 30 µg", MASS, (30.0,), "µg"),
    (T2, 13): ("ICV 0.5 µg", MASS, (0.5,), "µg"),
    (T2, 14): ("IV 0.5 mg/mL", CONC, (500.0,), "µg/mL"),
    (T2, 15): ("IV 80 µg/mL", CONC, (80.0,), "µg/mL"),
    (T2, 16): ("IV 100 mg", MASS, (100_000.0,), "µg"),
    (T2, 17): ("IV 150 µg", MASS, (150.0,), "µg"),
    (T2, 18): ("Coculture", None, (), NO_DOSE),
    (T2, 19): ("IV 1.6 mg/kg", PER_BODY, (1.6,), "mg/kg"),
    (T2, 20): ("Iv 1.6 mg/kg", PER_BODY, (1.6,), "mg/kg"),
    (T2, 21): ("coculture 50 µg/ml", CONC, (50.0,), "µg/mL"),
    (T2, 22): ("IV NA", None, (), NA_DOSE),
    (T2, 23): ("IV NA", None, (), NA_DOSE),
    (T2, 24): ("IV 10 mg/kg", PER_BODY, (10.0,), "mg/kg"),
    (T2, 25): ("Femur 150 µg", MASS, (150.0,), "µg"),
    (T2, 26): ("Coculture", None, (), NO_DOSE),
    (T2, 27): ("Coculture 250 µg/mL", CONC, (250.0,), "µg/mL"),
    (T2, 28): ("SC 200, 400 and 600 µg", MASS, (200.0, 400.0, 600.0), "µg"),
}

# Rows per kind (None: no dose) in Tables 1-2, counted from the list above.
KIND_COUNTS = {
    T1: {CELLS: 24, None: 4},
    T2: {MASS: 11, CONC: 5, PER_BODY: 3, CELLS: 1, PARTICLES: 1, None: 7},
}


def printed_cells(frames: dict[str, pd.DataFrame]) -> dict[tuple[str, int], str]:
    """(table, row) -> printed route_dosage, for every row of the given frames."""
    return {(table, int(row)): cell for table, df in frames.items() for row, cell in zip(df["row"], df["route_dosage"])}


def unread_rows(frames: dict[str, pd.DataFrame]) -> list[tuple[str, int]]:
    """Rows whose printed cell is not, word for word, in ``EXPECTED_ROWS``."""
    printed = printed_cells(frames)
    return sorted(key for key, cell in printed.items() if key not in EXPECTED_ROWS or EXPECTED_ROWS[key][0] != cell)


def test_expected_rows_cover_data_exactly(frames):
    """(d) All 56 rows, no more: a new or changed printed cell must be read by hand first."""
    assert len(EXPECTED_ROWS) == 56
    assert unread_rows(frames) == []
    assert set(printed_cells(frames)) == set(EXPECTED_ROWS)


def test_a_new_printed_form_fails_coverage(frames):
    """(d) A row added to data/ with a form nobody has read is caught, and refused."""
    new = pd.DataFrame({"row": [29], "ref": [99], "route_dosage": ["IV 1 × 10⁹ exosomes"]})
    grown = {**frames, T2: pd.concat([frames[T2], new], ignore_index=True)}
    assert unread_rows(grown) == [(T2, 29)]
    assert read_dose("IV 1 × 10⁹ exosomes", T2).missing
    edited = {**frames, T1: frames[T1].assign(route_dosage=frames[T1]["route_dosage"].replace("IV", "IV 3 mL"))}
    assert unread_rows(edited) == [(T1, 2)]


@pytest.mark.parametrize("key", sorted(EXPECTED_ROWS), ids=[f"{t}-{r}" for t, r in sorted(EXPECTED_ROWS)])
def test_every_printed_row(frames, key):
    """(b) The parser agrees with the hand-read value of each row."""
    table, row = key
    printed, kind, base, last = EXPECTED_ROWS[key]
    df = frames[table]
    assert df.loc[df["row"] == row, "route_dosage"].item() == printed
    reading = read_dose(printed, table)
    assert reading.kind == kind
    if kind is None:
        assert reading.missing and reading.reason == last
        return
    assert tuple(arm.magnitude for arm in in_base_units(reading)) == base
    assert base_dose(reading) == Derived(Dose(min(base), max(base), last, len(base)))


def test_kind_counts(frames):
    for table, counts in KIND_COUNTS.items():
        kinds = pd.Series([read_dose(cell, table).kind for cell in frames[table]["route_dosage"]], dtype=object)
        assert kinds.value_counts(dropna=False).to_dict() == counts


# --- (c) kinds never mix -------------------------------------------------------------

ONE_OF_EACH = {
    CELLS: Q(1e6, "cell"),
    PARTICLES: Q(1e9, "ev_particle"),
    MASS: Q(150, "µg"),
    PER_BODY: Q(1.6, "mg/kg_bm"),
    CONC: Q(0.4, "µg/mL"),
}


def test_one_example_per_kind():
    assert set(ONE_OF_EACH) == set(KINDS)
    assert all(kind_of(q) == kind for kind, q in ONE_OF_EACH.items())


@pytest.mark.parametrize("first, second", list(itertools.permutations(KINDS, 2)))
def test_kinds_cannot_be_added_or_converted(first, second):
    a, b = ONE_OF_EACH[first], ONE_OF_EACH[second]
    with pytest.raises(pint.DimensionalityError):
        a + b
    with pytest.raises(pint.DimensionalityError):
        a.to(KINDS[second].unit)


@pytest.mark.parametrize("kind", list(KINDS))
def test_no_kind_adds_to_a_bare_number(kind):
    """mg/kg included: its own body-mass dimension keeps it from being dimensionless."""
    with pytest.raises(pint.DimensionalityError):
        ONE_OF_EACH[kind] + Q(1, "dimensionless")


def test_cells_and_micrograms_from_the_data_cannot_be_summed():
    cells = read_dose("IV 1 × 10⁶", T1).arms[0]
    protein = read_dose("IP 150 µg", T2).arms[0]
    with pytest.raises(pint.DimensionalityError):
        cells + protein


def test_particles_are_not_moles():
    """pint's own "particle" is 1/N_A mol; ours is a counted vesicle (and the registry has no mole)."""
    with pytest.raises((pint.DimensionalityError, pint.UndefinedUnitError)):
        ONE_OF_EACH[PARTICLES].to("mol")


def test_same_kind_adds_across_prefixes():
    assert (Q(0.5, "mg") + Q(150, "µg")).to("µg").magnitude == pytest.approx(650.0)
    assert Q(3, "µg/g_bm").to(KINDS[PER_BODY].unit).magnitude == pytest.approx(3.0)


@pytest.mark.parametrize("key", sorted(EXPECTED_ROWS), ids=[f"{t}-{r}" for t, r in sorted(EXPECTED_ROWS)])
def test_base_units_stay_in_kind(key):
    """The module's only conversion (to base units) never leaves a kind."""
    table, _ = key
    reading = read_dose(EXPECTED_ROWS[key][0], table)
    for arm, base in zip(reading.arms, in_base_units(reading)):
        assert kind_of(base) == kind_of(arm) == reading.kind
        assert base.units == KINDS[reading.kind].unit


@pytest.mark.parametrize("quantity", [Q(3, "m"), Q(2, "mL"), Q(5, "dimensionless"), Q(1, "mg/kg")])
def test_kind_of_refuses_what_is_no_dose(quantity):
    # Plain pint mg/kg is dimensionless, not our mass per body mass.
    with pytest.raises(LookupError):
        kind_of(quantity)


# Every unit derive can hand over, in its base unit: factors by hand (1 mg = 1000 µg,
# 1 g = 10⁶ µg, 1 ng/mL = 10⁻³ µg/mL, 1 µg/g = 1 mg/kg, 1 g/kg = 1000 mg/kg).
@pytest.mark.parametrize(
    "unit, base_magnitude",
    [
        ("ng", 1e-3),
        ("µg", 1.0),
        ("mg", 1e3),
        ("g", 1e6),
        ("ng/mL", 1e-3),
        ("µg/mL", 1.0),
        ("mg/mL", 1e3),
        ("g/mL", 1e6),
        ("ng/kg", 1e-6),
        ("µg/kg", 1e-3),
        ("mg/kg", 1.0),
        ("g/kg", 1e3),
        ("µg/g", 1.0),
        ("mg/g", 1e3),
        ("cells", 1.0),
        ("particles", 1.0),
    ],
)
def test_each_printed_unit_converts_to_its_base_unit_by_the_right_factor(unit, base_magnitude):
    reading = read_dose(f"IV 1 {unit}", "exosome_studies")
    (base,) = in_base_units(reading)
    assert base.magnitude == pytest.approx(base_magnitude, rel=1e-12)


@pytest.mark.parametrize("unit", ["day", "inch", "mole", "particle", "percent"])
def test_the_registry_holds_only_what_the_tables_print(unit):
    # "particle" would be pint's molecule (1/N_A mol) in its default registry.
    with pytest.raises(pint.UndefinedUnitError):
        UREG.parse_units(unit)


@pytest.mark.parametrize(
    "arms, kind, reason",
    [
        ((), None, ""),
        ((), CELLS, "no dose printed"),
        ((Q(1, "cell"),), CELLS, "a reason"),
        ((Q(1, "cell"),), MASS, ""),
        ((Q(1, "cell"), Q(1, "µg")), CELLS, ""),
        ((Q(3, "m"),), CELLS, ""),
        ((Q(1, "cell"),), "volume", ""),
    ],
)
def test_dose_reading_rejects_inconsistent_fields(arms, kind, reason):
    with pytest.raises(ValueError):
        DoseReading(Derived(("IV",)), arms, kind, reason)


def test_dose_reading_is_frozen():
    with pytest.raises(AttributeError):
        read_dose("IV 1 × 10⁶", T1).kind = MASS


# --- tabulation ------------------------------------------------------------------------


@pytest.mark.parametrize("table", [T1, T2])
def test_dose_table_layout(frames, table):
    out = dose_table(frames[table], table)
    assert list(out.columns) == ["row", "ref", *DOSE_TABLE_COLUMNS]
    assert {c: str(out[c].dtype) for c in DOSE_TABLE_COLUMNS} == DOSE_TABLE_COLUMNS
    assert len(out) == len(frames[table]) == 28
    assert out["row"].tolist() == frames[table]["row"].tolist()
    read = out["dose_missing"] == ""
    assert out.loc[~read, ["dose_kind", "dose_low", "dose_unit"]].isna().all().all()
    assert out.loc[read, ["dose_kind", "dose_low", "dose_high", "dose_unit", "dose_arms"]].notna().all().all()
    # The unit column always names the kind's base unit.
    assert (out.loc[read, "dose_unit"] == out.loc[read, "dose_kind"].map(lambda k: KINDS[k].label)).all()


@pytest.mark.parametrize("table", [T1, T2])
def test_dose_table_matches_hand_read_rows(frames, table):
    out = dose_table(frames[table], table).set_index("row")
    for (t, row), (_, kind, base, last) in EXPECTED_ROWS.items():
        if t != table:
            continue
        record = out.loc[row]
        if kind is None:
            assert record["dose_missing"] == last and record["dose_kind"] is pd.NA
        else:
            got = (record["dose_kind"], record["dose_low"], record["dose_high"], record["dose_unit"])
            assert got == (kind, min(base), max(base), last)
            assert record["dose_arms"] == len(base)


def test_dose_table_example_rows(frames):
    out = dose_table(frames[T2], T2).set_index("row")
    assert out.loc[16, ["dose_low", "dose_unit"]].tolist() == [100_000.0, "µg"]  # "IV 100 mg"
    assert out.loc[28, ["dose_low", "dose_high", "dose_arms"]].tolist() == [200.0, 600.0, 3]
    assert out.loc[14, ["dose_kind", "dose_low", "dose_unit"]].tolist() == [CONC, 500.0, "µg/mL"]


def test_dose_table_rejects_other_tables(frames):
    with pytest.raises(ValueError, match="unknown table"):
        dose_table(frames[T1], "clinical_trials")
