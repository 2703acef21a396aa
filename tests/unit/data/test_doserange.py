"""The one dose yardstick (data/dose_ranges.csv) the audit's W4 and the dosing exhibit share."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import doserange

NA = pd.NA
RANGES = pd.DataFrame(
    [
        ("cells", "mouse", "cells", "cells", "1e4", "1e7"),
        ("exosomes", "mouse", "mass as printed", "µg", "0.1", "500"),
        ("exosomes", "in vitro", "concentration", "µg/mL", "0.1", "500"),
    ],
    columns=["modality", "host_species", "dose_kind", "unit", "low", "high"],
)


def _row(modality, setting, host, kind, low, high, unit):
    return {
        "modality": modality, "setting": setting, "host_species": host, "dose_kind": kind,
        "dose_low": low, "dose_high": high, "dose_unit": unit,
    }  # fmt: skip


@pytest.mark.parametrize(
    "row, factor",
    [
        (_row("cells", "in vivo", "mouse", "cells", 1e6, 1e6, "cells"), 0.1),  # inside: 1e6 / 1e7
        (_row("cells", "in vivo", "mouse", "cells", 2e7, 2e7, "cells"), 2.0),  # ref 37, 2×10⁷
        (_row("exosomes", "in vivo", "mouse", "mass as printed", 1e5, 1e5, "µg"), 200.0),  # ref 68, "100 mg"
        (_row("exosomes", "in vivo", "mouse", "mass as printed", 0.01, 0.01, "µg"), 10.0),  # below the range
        (_row("exosomes", "in vitro", NA, "in vitro concentration", 250.0, 250.0, "µg/mL"), 0.5),
        (_row("exosomes", "in vivo", "mouse", "injected concentration", 500.0, 500.0, "µg/mL"), None),  # no range
        (_row("exosomes", "in vivo", "mouse", "cells, printed for exosomes", 2e6, 2e6, "cells"), None),
        (_row("cells", "in vivo", "rat", "cells", 1e6, 1e6, "cells"), None),  # no rat range in this table
        (_row("cells", "in vivo", "mouse", "cells", 1e6, 1e6, "mg"), None),  # another unit: never compared
        (_row("cells", "in vivo", "mouse", NA, NA, NA, NA), None),
    ],
)
def test_outside_measures_how_far_a_dose_lies_beyond_its_range(row, factor):
    got = doserange.outside(doserange.load(RANGES), row)
    if factor is None:
        assert got is None
    else:
        assert got.factor == pytest.approx(factor) and got.outside is (factor > 1)


def test_the_real_ranges_load_and_key_on_quantity_kinds():
    known = doserange.load()
    assert ("exosomes", "in vitro", "concentration") in known
    assert all(len(key) == 3 for key in known)
