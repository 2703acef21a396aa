"""Typed empties and carried reasons of the dosing tables, on printed studies (``helpers.analysis.dosing``).

Covers :func:`helpers.analysis.dosing.doses` and :func:`~helpers.analysis.dosing.follow_up`, called directly
on a few rows of the coded dataset. The module's rules checked here:

* a dose with no documented range of its kind is not checked: ``range_low``, ``range_high``,
  ``range_factor`` (Float64) and ``outside_range`` (boolean) are empty, neither inside nor outside, and keep
  their types even when no dose of the selection was checked, or when the selection has no dose at all;
* ``dose_per_kg_missing`` is the study's own reason, carried unchanged (a dish concentration and an
  injected concentration are never put per kg; data/body_mass.csv's reasons in ``helpers.data.bodymass``);
* ``per_kg_systemic`` is true for an IV or IP dose not in a scaffold or hydrogel, and boolean even for no dose;
* follow-up days come from ``follow_up_days`` (in vivo) or ``unassigned_time_days`` (arm not stated), also
  for studies held as Python objects, whose time columns hold floats and ``pd.NA`` (object columns).

Expected values are read off the printed Route/Dosage and Follow-up cells of Tables 1-2 (data/msc_studies.csv,
data/exosome_studies.csv) by hand; a printed dose range stays min..max (ref 83: "SC 200, 400 and 600 µg").
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import dosing
from helpers.data import coded

NA = pd.NA
RANGE_COLUMNS = ["range_low", "range_high", "range_factor", "outside_range"]
RANGE_TYPES = ["Float64", "Float64", "Float64", "boolean"]
# helpers.data.bodymass: why a study's dose is not put per kg
DISH = "in vitro only row: no animal received a dose"
INJECTED = (
    "a concentration injected without a printed volume: the amount an animal received, hence a dose per kg, is "
    "not reported in the review"
)
RANGE_FIELDS = ["modality", "host_species", "dose_kind", "unit", "low", "high", "basis"]


@pytest.fixture(scope="module")
def studies() -> pd.DataFrame:
    return coded.studies()


def _refs(studies: pd.DataFrame, refs: list[int]) -> pd.DataFrame:
    return studies[studies["ref"].isin(refs)]


def _values(frame: pd.DataFrame, column: str) -> list:
    return [NA if pd.isna(v) else v for v in frame[column]]


#: (ref, dose_kind, dose_low, dose_high, dose_per_kg_missing, per_kg_systemic), each from its printed row.
PRINTED = [
    # Table 1 row 1: IP 1 × 10⁷ cells in a Bmi-1⁻/⁻ mouse: put per kg, IP is systemic
    (10, "cells", 1e7, 1e7, "", True),
    # Table 2 row 9: coculture 0.4 µg/ml on astrocytes: a dish, no animal
    (58, "in vitro concentration", 0.4, 0.4, DISH, False),
    # Table 2 row 14: IV 0.5 mg/mL (= 500 µg/mL) in mice: no volume printed, so no amount per kg; IV is systemic
    (66, "injected concentration", 500.0, 500.0, INJECTED, True),
    # Table 2 row 28: SC 200, 400 and 600 µg in rats: min..max of the arms; SC into a skin model is local
    (83, "mass as printed", 200.0, 600.0, "", False),
]

NO_RANGE_OF_THEIR_KIND = [
    pytest.param(
        pd.DataFrame(
            [["exosomes", "rabbit", "particles", "particles", 1e9, 1e11, "a test range"]], columns=RANGE_FIELDS
        ),
        id="ranges only for exosome particles in rabbits",
    ),
    pytest.param(pd.DataFrame(columns=RANGE_FIELDS), id="no documented range at all"),
]


@pytest.mark.parametrize("ranges", NO_RANGE_OF_THEIR_KIND)
def test_doses_without_a_range_of_their_kind_are_not_checked_and_keep_their_reasons(studies, ranges):
    """Rule: no range for the dose's product, host and kind: range and outside columns empty (not checked, neither
    inside nor outside) and still typed; the per-kg reason is the study's own; systemic means IV or IP."""
    got = dosing.doses(_refs(studies, [ref for ref, *_ in PRINTED]), ranges)
    assert [str(got[c].dtype) for c in RANGE_COLUMNS] == RANGE_TYPES
    assert [_values(got, c) for c in RANGE_COLUMNS] == [[NA] * len(PRINTED)] * len(RANGE_COLUMNS)
    columns = ["ref", "dose_kind", "dose_low", "dose_high", "dose_per_kg_missing", "per_kg_systemic"]
    assert list(zip(*(_values(got, c) for c in columns))) == PRINTED
    assert str(got["per_kg_systemic"].dtype) == "boolean"


def test_doses_of_studies_without_a_readable_dose_keep_every_checked_column_typed(studies):
    """Rule: ref 11 (Table 1 row 2, "IV" with no amount) and ref 44 (row 28, "Coculture") give no dose line; the
    empty table's range columns are still numbers and its outside and systemic columns still booleans."""
    got = dosing.doses(_refs(studies, [11, 44]))
    assert len(got) == 0
    assert [str(got[c].dtype) for c in [*RANGE_COLUMNS, "per_kg_systemic"]] == [*RANGE_TYPES, "boolean"]


def test_follow_up_of_studies_held_as_python_objects_takes_the_unassigned_time_where_no_follow_up_is_printed(studies):
    """Rule: days = follow_up_days, else unassigned_time_days (arm not stated); a frame of Python objects
    (floats and pd.NA in object columns, as ``astype(object)`` or a hand-built frame gives) gives the same days.
    Ref 10 (Table 1 row 1): 21 days, in vivo. Ref 13 (row 4, in vivo + in vitro): 1 week = 7 days, arm not
    stated. Ref 43 (row 27): no time printed."""
    part = _refs(studies, [10, 13, 43])
    held = part.astype(object)
    # what makes the frame different: the two time columns are object columns holding pd.NA
    assert [str(held[c].dtype) for c in ("follow_up_days", "unassigned_time_days")] == ["object", "object"]
    got = dosing.follow_up(held)
    assert got[["ref", "setting", "printed", "days", "arm_stated"]].values.tolist() == [
        [10, "in vivo", "21 days", 21.0, True],
        [13, "in vivo + in vitro", "1 week", 7.0, False],
    ]
    assert [str(got[c].dtype) for c in ("days", "arm_stated")] == ["Float64", "boolean"]
