"""The units registry and the kinds of ``helpers.data.quantities``, built afresh in the test.

``UREG`` and ``KINDS`` are built once, when the module is imported; here
:func:`_registry` and :func:`_kind` are called again so that what they
build is checked directly (mutation testing switches code only at call
time, so an import-time build would never see a change). The rules are the
module docstring's: three dimensions of our own, cell counts, vesicle
counts and body mass (with gram of body mass a thousandth of a kilogram),
each unit with its short name, and a kind made of its name, unit and label.
"""

from __future__ import annotations

import pytest

from helpers.data.quantities import UREG, Kind, _kind, _registry


@pytest.mark.parametrize(
    "unit, dimensionality",
    [
        ("cell", {"[cell_count]": 1}),
        ("ev_particle", {"[particle_count]": 1}),
        ("kilogram_body_mass", {"[body_mass]": 1}),
        ("kg_bm", {"[body_mass]": 1}),
        ("gram_body_mass", {"[body_mass]": 1}),
        ("g_bm", {"[body_mass]": 1}),
        ("milligram / kilogram_body_mass", {"[mass]": 1, "[body_mass]": -1}),
    ],
)
def test_a_fresh_registry_has_counts_and_body_mass_of_its_own(unit, dimensionality):
    """Rule: cells, vesicles and body mass are dimensions of their own, not pint's molecules or kilograms."""
    # one per test: mutmut runs against a mutant of _registry only the tests during which it ran
    ureg = _registry()
    assert dict(ureg.parse_units(unit).dimensionality) == dimensionality


def test_a_gram_of_body_mass_is_a_thousandth_of_a_kilogram_in_a_fresh_registry():
    """Rule: gram_body_mass = 1e-3 kilogram_body_mass, so 1 mg/g of body mass is 1000 mg/kg."""
    ureg = _registry()
    assert ureg.Quantity(1, "g_bm").to("kg_bm").magnitude == pytest.approx(1e-3)
    assert ureg.Quantity(1, "mg / g_bm").to("mg / kg_bm").magnitude == pytest.approx(1000)


@pytest.mark.parametrize(
    "name, unit, label",
    [("mass as printed", "microgram", "µg"), ("mass per body mass", "milligram / kilogram_body_mass", "mg/kg")],
)
def test_a_kind_is_its_name_base_unit_and_label(name, unit, label):
    """Rule: a kind carries its name, its base unit (of UREG) and how that unit is written in a table."""
    assert _kind(name, unit, label) == Kind(name, UREG.parse_units(unit), label)


@pytest.mark.parametrize(
    "quantity, message",
    [
        (UREG.Quantity(3, "meter"), "meter ([length]) is no dose kind"),
        (UREG.Quantity(2, "milliliter"), "milliliter ([length] ** 3) is no dose kind"),
    ],
)
def test_a_quantity_of_no_dose_kind_is_named_in_the_error(quantity, message):
    """Rule: a dimension no dose kind has is a programming error naming the unit and its dimension."""
    from helpers.data.quantities import kind_of

    with pytest.raises(LookupError) as info:
        kind_of(quantity)
    assert str(info.value) == message


def test_a_route_only_a_legend_defines_is_read_with_the_dose():
    """Rule: read_dose passes the legends' route abbreviations on to the route reading."""
    from helpers.data.derive import Derived
    from helpers.data.quantities import read_dose

    assert read_dose("ZZ 150 µg", "exosome_studies", ("ZZ",)).route == Derived(("ZZ",))


def test_the_dose_table_keys_are_nullable_integers():
    """Rule: row and ref are whole numbers in nullable integer columns, like every key of the coded data."""
    import pandas as pd

    from helpers.data.quantities import dose_table

    frame = pd.DataFrame({"row": [1, 2], "ref": [10, 11], "route_dosage": ["IV 150 µg", "NA"]})
    out = dose_table(frame, "exosome_studies")
    assert [str(out[c].dtype) for c in ("row", "ref")] == ["Int64", "Int64"]


@pytest.mark.parametrize(
    "arms, kind, reason, message",
    [
        ((), None, "", "a DoseReading without arms needs a reason and no kind"),
        ((), "cells", "no dose printed", "a DoseReading without arms needs a reason and no kind"),
        (("cell",), "cells", "a reason", "a DoseReading with arms must not carry a reason"),
        (("microgram",), "cells", "", "every arm must be of kind 'cells'"),
        (("cell",), "volume", "", "every arm must be of kind 'volume'"),
    ],
)
def test_an_inconsistent_reading_is_refused_saying_which_rule_it_breaks(arms, kind, reason, message):
    """Rule: a reading without arms has a reason and no kind; one with arms has no reason and one kind."""
    from helpers.data.derive import Derived
    from helpers.data.quantities import DoseReading

    quantities = tuple(UREG.Quantity(1, unit) for unit in arms)
    with pytest.raises(ValueError) as info:
        DoseReading(Derived(("IV",)), quantities, kind, reason)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "cell, table",
    [
        ("IV NA", "exosome_studies"),  # no dose printed
        ("IV 2 × 10⁶", "exosome_studies"),  # a bare number in Table 2: no unit
        ("IV 5 furlongs", "msc_studies"),  # a unit nobody reads
    ],
)
def test_a_reading_without_a_dose_still_names_its_route(cell, table):
    """Rule: the route is read whatever the dose: a reading missing its dose keeps the route's codes."""
    from helpers.data.derive import Derived
    from helpers.data.quantities import read_dose

    reading = read_dose(cell, table)
    assert reading.missing and reading.route == Derived(("IV",))
