"""Direct tests of :mod:`helpers.data.quantities`: what a coded dose kind means, and the dose table.

:func:`coded_kind` qualifies a dose kind by its study, as its docstring states: a concentration is an
"in vitro concentration" in a dish, an "injected concentration" given to animals and "concentration, arm
not stated" for a study with both arms; a cell count printed as an exosome dose is "cells, printed for
exosomes"; any other kind is itself, and a missing kind stays missing (None).

:func:`dose_table` tabulates one row per printed Route/Dosage cell in the kind's base unit (cells, µg,
mg/kg, µg/mL); the expected tables below were worked out by hand from the cells written here (e.g.
100 mg = 100 000 µg; Table 1's bare numbers are cells, Table 2's have no unit).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data.quantities import coded_kind, dose_table

# --- coded_kind --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "modality", "setting", "expected"),
    [
        pytest.param("concentration", "exosomes", "in vitro", "in vitro concentration", id="dish-concentration"),
        pytest.param("concentration", "exosomes", "in vivo", "injected concentration", id="animal-concentration"),
        pytest.param("concentration", "cells", "in vivo + in vitro", "concentration, arm not stated", id="both-arms"),
        # A study whose setting was not derived cannot say which arm a concentration belongs to either.
        pytest.param("concentration", "exosomes", None, "concentration, arm not stated", id="no-setting"),
        pytest.param("cells", "exosomes", "in vivo", "cells, printed for exosomes", id="cell-count-for-exosomes"),
        pytest.param("cells", "cells", "in vivo", "cells", id="cell-count-for-cells"),
        # Only a cell count is flagged on an exosome row: particles and masses are the product's own dose.
        pytest.param("particles", "exosomes", "in vivo", "particles", id="particles-for-exosomes"),
        pytest.param("mass as printed", "exosomes", "in vitro", "mass as printed", id="mass-for-exosomes"),
        pytest.param("mass per body mass", "cells", "in vivo", "mass per body mass", id="mass-per-kg-for-cells"),
    ],
)
def test_a_dose_kind_is_qualified_by_its_studys_setting_and_product(kind, modality, setting, expected):
    assert coded_kind(kind, modality, setting) == expected


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(None, id="none"),
        pytest.param(pd.NA, id="pd-na"),
        pytest.param(np.nan, id="nan"),
        pytest.param(float("nan"), id="float-nan"),
    ],
)
def test_a_missing_dose_kind_stays_missing_whatever_the_study(kind):
    assert coded_kind(kind, "exosomes", "in vitro") is None


# --- dose_table ----------------------------------------------------------------------------------


def _expected(rows, refs, kinds, lows, highs, units, arms, missing) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "row": pd.array(rows, dtype="Int64"),
            "ref": pd.array(refs, dtype="Int64"),
            "dose_kind": pd.array(kinds, dtype="string"),
            "dose_low": pd.array(lows, dtype="Float64"),
            "dose_high": pd.array(highs, dtype="Float64"),
            "dose_unit": pd.array(units, dtype="string"),
            "dose_arms": pd.array(arms, dtype="Int64"),
            "dose_missing": pd.array(missing, dtype="string"),
        }
    )


NA = pd.NA


def test_table2_doses_are_tabulated_in_base_units_one_row_per_cell():
    """100 mg is 100 000 µg; three arms keep lowest and highest; a bare number or NA is missing with why."""
    printed = pd.DataFrame(
        {
            "row": [1, 2, 3, 4, 5],
            "ref": [40, 41, 42, 43, 44],
            "route_dosage": ["IV 100 mg", "SC 200, 400 and 600 µg", "coculture 0.4 µg/ml", "IV 50", "IV NA"],
        }
    )
    unitless = (
        "dose '50' printed without a unit, and Table 2's header names none: it could count particles or producer cells"
    )
    expected = _expected(
        rows=[1, 2, 3, 4, 5],
        refs=[40, 41, 42, 43, 44],
        kinds=["mass as printed", "mass as printed", "concentration", NA, NA],
        lows=[100000.0, 200.0, 0.4, NA, NA],
        highs=[100000.0, 600.0, 0.4, NA, NA],
        units=["µg", "µg", "µg/mL", NA, NA],
        arms=[1, 3, 1, NA, NA],
        missing=["", "", "", unitless, "dose printed as NA"],
    )
    pd.testing.assert_frame_equal(dose_table(printed, "exosome_studies"), expected)


def test_table1_bare_numbers_are_cell_counts_and_per_kg_doses_keep_their_kind():
    """Table 1's header "Dosage/cells" makes a bare number a cell count; mg/kg stays mass per body mass."""
    printed = pd.DataFrame({"row": [7, 8], "ref": [12, 13], "route_dosage": ["IV 1 × 10⁶", "Iv 1.6 mg/kg"]})
    expected = _expected(
        rows=[7, 8],
        refs=[12, 13],
        kinds=["cells", "mass per body mass"],
        lows=[1000000.0, 1.6],
        highs=[1000000.0, 1.6],
        units=["cells", "mg/kg"],
        arms=[1, 1],
        missing=["", ""],
    )
    pd.testing.assert_frame_equal(dose_table(printed, "msc_studies"), expected)


def test_a_route_named_only_in_a_legend_does_not_change_the_dose_read():
    """Legends only widen the route codes accepted; the dose of "XR 5 µg" is 5 µg either way."""
    printed = pd.DataFrame({"row": [1], "ref": [2], "route_dosage": ["XR 5 µg"]})
    expected = _expected([1], [2], ["mass as printed"], [5.0], [5.0], ["µg"], [1], [""])
    pd.testing.assert_frame_equal(dose_table(printed, "exosome_studies", ["XR"]), expected)
    pd.testing.assert_frame_equal(dose_table(printed, "exosome_studies", iter(["XR"])), expected)


@pytest.mark.parametrize("table", ["clinical_trials", "tissue_sources", ""])
def test_a_table_that_prints_no_doses_is_refused_by_name(table):
    printed = pd.DataFrame({"row": [1], "ref": [2], "route_dosage": ["IV 5 µg"]})
    message = f"unknown table {table!r}; expected one of ['exosome_studies', 'msc_studies']"
    with pytest.raises(ValueError) as caught:
        dose_table(printed, table)
    assert str(caught.value) == message
