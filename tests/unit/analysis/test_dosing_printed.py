"""Doses, follow-up and incubation of a few printed studies, read off Tables 1-2 of the review by hand.

Covers :func:`helpers.analysis.dosing.doses`, :func:`~helpers.analysis.dosing.follow_up`,
:func:`~helpers.analysis.dosing.incubation`, ``_printed``, :func:`~helpers.analysis.dosing.per_kg` with an
override and :func:`~helpers.analysis.dosing.panels`, each called directly on a handful of rows of the coded
dataset. Every expected value comes from the printed Route/Dosage and Follow-up cells (seed text; data/
msc_studies.csv and data/exosome_studies.csv), data/dose_ranges.csv, data/body_mass.csv (mouse 32.5 g, rat
350 g, rabbit 4000 g) and data/lifespan.csv (mouse 1460 d, rat 1387 d), worked out by hand:

* range factor = the larger of lowest range bound / lowest arm and highest arm / upper bound, to 3 decimals;
* a week is 7 days, a month 30, a year 365; 72 h is 3 days;
* an animal arm and a dish are kept apart: a coculture's 24 h is an incubation, never a follow-up.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import dosing
from helpers.data import coded

KEYS = ["table", "row", "ref", "disease", "modality", "setting", "host_species"]
MOUSE_KG, RAT_KG, RABBIT_KG = 0.0325, 0.35, 4.0


@pytest.fixture(scope="module")
def studies() -> pd.DataFrame:
    return coded.studies()


def _refs(studies: pd.DataFrame, refs: list[int]) -> pd.DataFrame:
    return studies[studies["ref"].isin(refs)]


def _na(value):
    return None if pd.isna(value) else value


# ---------------------------------------------------------------- doses

#: ref -> printed Route/Dosage cell, route, kind, unit, lowest arm, highest arm, arms, carrier, mimetic,
#: range low, range high, range factor, outside, per-kg unit, systemic.
DOSES = {
    # Table 1 row 1, IP 1 × 10⁷ in a mouse: at the mouse cells range's top, 1e7 / 1e7 = 1, not outside
    10: ("IP 1 × 10⁷", "IP", "cells", "cells", 1e7, 1e7, 1, False, False, 1e4, 1e7, 1.0, False, "cells/kg", True),
    # Table 1 row 4, IV 1 × 10⁶ in a rat: 1e5 / 1e6 = 0.1 (rat range 1e5-3e7)
    13: ("IV 1 × 10⁶", "IV", "cells", "cells", 1e6, 1e6, 1, False, False, 1e5, 3e7, 0.1, False, "cells/kg", True),
    # Table 1 row 13, MI 5 × 10⁶ in a collagen scaffold: local; 1e4 / 5e6 = 0.002, 5e6 / 1e7 = 0.5
    24: ("MI 5 × 10⁶", "MI", "cells", "cells", 5e6, 5e6, 1, True, False, 1e4, 1e7, 0.5, False, "cells/kg", False),
    # Table 1 row 20, IV 6 × 10⁶ in a rabbit: 1e6 / 6e6 = 0.1667 -> 0.167 (rabbit range 1e6-1e8)
    34: ("IV 6 × 10⁶", "IV", "cells", "cells", 6e6, 6e6, 1, False, False, 1e6, 1e8, 0.167, False, "cells/kg", True),
    # Table 1 row 22, NA 2 × 10⁷ in a NapFF-NO hydrogel: route printed NA; 2e7 / 1e7 = 2, outside
    37: ("NA 2 × 10⁷", "NA (printed)", "cells", "cells", 2e7, 2e7, 1, True, False, 1e4, 1e7, 2.0, True, "cells/kg",
         False),
    # Table 2 row 9, coculture 0.4 µg/ml: a dish concentration, range 0.1-500 µg/mL -> 0.1 / 0.4 = 0.25
    58: ("coculture 0.4 µg/ml", "COCULTURE", "in vitro concentration", "µg/mL", 0.4, 0.4, 1, False, False, 0.1,
         500.0, 0.25, False, None, False),
    # Table 2 row 14, IV 0.5 mg/mL: an injected concentration (500 µg/mL); no range of that kind: not checked
    66: ("IV 0.5 mg/mL", "IV", "injected concentration", "µg/mL", 500.0, 500.0, 1, False, False, None, None, None,
         None, None, True),
    # Table 2 row 16, IV 100 mg in a mouse = 1e5 µg: 1e5 / 500 = 200-fold outside
    68: ("IV 100 mg", "IV", "mass as printed", "µg", 1e5, 1e5, 1, False, False, 0.1, 500.0, 200.0, True, "µg/kg",
         True),
    # Table 2 row 17, IV 150 µg of exosome mimetics (cited title): 150 / 500 = 0.3
    70: ("IV 150 µg", "IV", "mass as printed", "µg", 150.0, 150.0, 1, False, True, 0.1, 500.0, 0.3, False, "µg/kg",
         True),
    # Table 2 row 28, SC 200, 400 and 600 µg in a rat: three arms, the range runs 200-600; 600 / 2000 = 0.3
    83: ("SC 200, 400 and 600 µg", "SC", "mass as printed", "µg", 200.0, 600.0, 3, False, False, 1.0, 2000.0, 0.3,
         False, "µg/kg", False),
}  # fmt: skip

#: ref -> dose per kg (lowest, highest arm) by the nominal masses.
PER_KG = {
    10: (1e7 / MOUSE_KG,) * 2,
    13: (1e6 / RAT_KG,) * 2,
    24: (5e6 / MOUSE_KG,) * 2,
    34: (6e6 / RABBIT_KG,) * 2,
    37: (2e7 / MOUSE_KG,) * 2,
    58: (None, None),
    66: (None, None),
    68: (1e5 / MOUSE_KG,) * 2,
    70: (150 / MOUSE_KG,) * 2,
    83: (200 / RAT_KG, 600 / RAT_KG),
}

DOSE_COLUMNS = [
    "printed", "route", "dose_kind", "dose_unit", "dose_low", "dose_high", "dose_arms", "carrier", "mimetic",
    "range_low", "range_high", "range_factor", "outside_range", "dose_per_kg_unit", "per_kg_systemic",
]  # fmt: skip


def test_doses_read_off_the_printed_cells_and_the_documented_ranges(studies):
    """Ref 11 (Table 1 row 2, "IV" with no amount) has no readable dose and is not a line."""
    got = dosing.doses(_refs(studies, [*DOSES, 11]))
    assert list(got.columns) == [
        *KEYS, "printed", "route", "dose_kind", "dose_unit", "dose_low", "dose_high", "dose_arms", "carrier",
        "mimetic", "range_low", "range_high", "range_factor", "outside_range", "dose_per_kg_low",
        "dose_per_kg_high", "dose_per_kg_unit", "dose_per_kg_basis", "dose_per_kg_missing", "per_kg_systemic",
    ]  # fmt: skip
    assert got.index.tolist() == list(range(len(DOSES)))
    read = {int(r["ref"]): tuple(_na(r[c]) for c in DOSE_COLUMNS) for _, r in got.iterrows()}
    assert read == DOSES
    for ref, low, high in zip(got["ref"], got["dose_per_kg_low"], got["dose_per_kg_high"]):
        assert (_na(low), _na(high)) == pytest.approx(PER_KG[int(ref)]), ref
    # the empties are typed empties: not checked is neither inside nor outside
    assert [str(got[c].dtype) for c in ("range_low", "range_high", "range_factor")] == ["Float64"] * 3
    assert [str(got[c].dtype) for c in ("outside_range", "per_kg_systemic")] == ["boolean"] * 2
    assert str(got["route"].dtype) == "string"


def test_doses_of_studies_without_a_readable_dose_are_an_empty_table_of_text_routes(studies):
    """Ref 11 prints "IV" with no amount, ref 44 "Coculture" with none: no dose line, the columns still typed."""
    got = dosing.doses(_refs(studies, [11, 44]))
    assert len(got) == 0
    assert str(got["route"].dtype) == "string"


def test_doses_keep_the_setting_apart(studies):
    """A coculture concentration is a dish kind, never a dose given to animals."""
    got = dosing.doses(_refs(studies, [10, 58]))
    assert got[["ref", "setting", "host_species", "dose_kind"]].astype(object).values.tolist() == [
        [10, "in vivo", "mouse", "cells"],
        [58, "in vitro", pd.NA, "in vitro concentration"],
    ]


def test_doses_are_checked_against_the_ranges_given(studies):
    """With a mouse cells range of 1e4-1e6, ref 10's 1 × 10⁷ is 10-fold outside; ref 13 (a rat) has no range."""
    ranges = pd.DataFrame(
        [{"modality": "cells", "host_species": "mouse", "dose_kind": "cells", "unit": "cells", "low": 1e4,
          "high": 1e6, "basis": "a test range"}]
    )  # fmt: skip
    got = dosing.doses(_refs(studies, [10, 13]), ranges)
    assert [[_na(v) for v in r] for r in got[["range_high", "range_factor", "outside_range"]].values.tolist()] == [
        [1e6, 10.0, True],
        [None, None, None],
    ]


def test_doses_carry_the_audit_columns_after_the_keys(studies):
    audited = _refs(studies, [37, 68]).assign(
        audit_flag=pd.array([True, True], dtype="boolean"),
        audit_findings=pd.array(["R1;W4", "W4"], dtype="string"),
        audit_flagged_by=pd.array(["R1", "W4"], dtype="string"),
    )
    got = dosing.doses(audited)
    assert list(got.columns[:11]) == [*KEYS, "audit_flag", "audit_findings", "audit_flagged_by", "printed"]
    assert got["audit_findings"].tolist() == ["R1;W4", "W4"]


# ---------------------------------------------------------------- printed cells


def test_printed_gives_the_cell_a_number_was_read_from(studies):
    part = _refs(studies, [10, 58, 83])
    assert dosing._printed(part).tolist() == ["21 days", "24 h", "72 h"]
    assert dosing._printed(part, "route_dosage").tolist() == ["IP 1 × 10⁷", "coculture 0.4 µg/ml",
                                                              "SC 200, 400 and 600 µg"]  # fmt: skip
    assert str(dosing._printed(part).dtype) == "string"


def test_printed_of_a_row_the_tables_do_not_print_is_empty():
    frame = pd.DataFrame({"table": ["table1", "table2"], "row": [99, 1]})
    assert dosing._printed(frame, "route_dosage").tolist() == ["", "NA"]


# ---------------------------------------------------------------- follow-up and incubation


def test_follow_up_keeps_animals_times_and_times_of_no_stated_arm_never_incubation(studies):
    """Ref 10: 21 days; ref 13 (in vivo + in vitro): 1 week, arm not stated; ref 24: 1 year; ref 29: 1 month;
    ref 83: 72 h = 3 days. Ref 43 prints no time, ref 58's 24 h is a dish's."""
    got = dosing.follow_up(_refs(studies, [10, 13, 24, 29, 43, 58, 83]))
    assert list(got.columns) == [*KEYS, "printed", "days", "arm_stated", "lifespan_share"]
    assert got[["ref", "setting", "printed", "days", "arm_stated"]].values.tolist() == [
        [10, "in vivo", "21 days", 21.0, True],
        [13, "in vivo + in vitro", "1 week", 7.0, False],
        [24, "in vivo", "1 year", 365.0, True],
        [29, "in vivo", "1 month", 30.0, True],
        [83, "in vivo", "72 h", 3.0, True],
    ]
    # share of the host's lifespan, in vivo only: mouse 1460 d, rat 1387 d (ref 29 is a rat model)
    shares = [_na(v) for v in got["lifespan_share"]]
    assert shares == pytest.approx([21 / 1460, None, 365 / 1460, 30 / 1387, 3 / 1387])
    assert [str(got[c].dtype) for c in ("days", "arm_stated")] == ["Float64", "boolean"]


def test_incubation_keeps_the_dishes_times_in_hours(studies):
    """Ref 58: 24 h; ref 74: 24 h; ref 81: 48 h; ref 82: 4 h (in vitro only); ref 10's 21 days is no incubation."""
    got = dosing.incubation(_refs(studies, [10, 58, 74, 81, 82, 44]))
    assert list(got.columns) == [*KEYS, "printed", "hours"]
    assert got[["ref", "setting", "printed", "hours"]].values.tolist() == [
        [58, "in vitro", "24 h", 24.0],
        [74, "in vitro", "24 h", 24.0],
        [81, "in vitro", "48 h", 48.0],
        [82, "in vitro", "4 h", 4.0],
    ]
    assert str(got["hours"].dtype) == "Float64"
    assert got.index.tolist() == [0, 1, 2, 3]


# ---------------------------------------------------------------- per kg with an override


def test_per_kg_with_an_override_divides_by_the_mass_given(studies):
    """A 25 g mouse: ref 10's 1 × 10⁷ cells is 4 × 10⁸ cells/kg; ref 13's rat keeps 350 g."""
    part = _refs(studies, [10, 13])
    got = dosing.per_kg(part, {"mouse": 25})
    assert got["dose_per_kg_low"].tolist() == pytest.approx([1e7 / 0.025, 1e6 / RAT_KG])
    assert got["dose_per_kg_high"].tolist() == pytest.approx([1e7 / 0.025, 1e6 / RAT_KG])
    assert list(got.columns).count("dose_per_kg_low") == 1
    assert [c for c in got.columns if not c.startswith("dose_per_kg")] == [
        c for c in part.columns if not c.startswith("dose_per_kg")
    ]
    assert "mouse body mass 25 g" in got["dose_per_kg_basis"].iloc[0]


# ---------------------------------------------------------------- panels


def test_panels_give_every_frame_of_the_exhibit_for_one_selection(studies):
    """Refs 10, 13 (animals), 43 (animals, no time), 44 (dish, nothing printed), 58 (dish, 0.4 µg/ml, 24 h)."""
    got = dosing.panels(_refs(studies, [10, 13, 43, 44, 58]))
    assert isinstance(got, dosing.Panels)
    assert got.doses["ref"].tolist() == [10, 13, 43, 58]
    assert got.follow["ref"].tolist() == [10, 13]
    assert got.hours["ref"].tolist() == [58]
    assert got.routes.to_dict("records") == [
        {"setting": "in vitro", "route": "coculture (no route of administration)", "modality": "cells", "studies": 1},
        {"setting": "in vitro", "route": "coculture (no route of administration)", "modality": "exosomes",
         "studies": 1},
        {"setting": "in vivo", "route": "IP", "modality": "cells", "studies": 1},
        {"setting": "in vivo", "route": "IV", "modality": "cells", "studies": 1},
        {"setting": "in vivo", "route": "SC", "modality": "cells", "studies": 1},
    ]  # fmt: skip
    assert got.missing == {
        "studies": 5,
        "dose": 1,
        "dose, with animals": 0,
        "follow-up": 1,
        "incubation": 1,
        "animals": 3,
        "in vitro": 2,
    }
    assert got.matrix["ref"].tolist() == [10, 13, 43, 44, 58]
    # follow-up of the MSC studies with animals: 10 reported, 13 unclear (arm not stated), 43 none
    row = got.summary[(got.summary["item"] == "follow-up") & (got.summary["modality"] == "cells")]
    assert row[["reported", "unclear", "applicable", "share", "unclear share"]].values.tolist() == [
        [1, 1, 3, 33.3, 33.3]
    ]
    assert len(got.summary) == 12
