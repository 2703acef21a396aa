"""Sex implied by the model, doses per kg of body mass and follow-up as a share of lifespan (issue 18 items 5-7).

Every expectation is read from the printed Tables 1-2 (Disease, Animal model, route/dose and Follow-up cells)
and from data/body_mass.csv (mouse 32.5 g, rat 350 g, rabbit 4000 g: the midpoint of the
producer's printed 3-5 kg) and data/lifespan.csv (mouse 4 years =
1460 days, rat 3.8 years = 1387 days, rabbit none); the arithmetic is written beside each value.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import bodymass, coded

F = "female (implied by the model)"
NR = "not reported"
NA = "not applicable"

#: Sex of every printed row, read from its Disease and Animal model cells (POF or OVX: female implied).
SEX: dict[tuple[str, int], str] = {
    ("table1", 1): NR,  # weakness, Bmi-1-/- mouse
    **{("table1", r): F for r in range(2, 14)},  # rows 2-13: Disease POF (rows 8 and 13: naturally aged mice, POF)
    ("table1", 14): NA,  # 5XFAD mice, coculture: in vitro only
    **{("table1", r): NR for r in range(15, 24)},  # AD and AS models name no sex
    ("table1", 24): F,  # OVX induced OP mouse model
    ("table1", 25): F,  # OVX induced OP rat model
    ("table1", 26): F,  # OVX induced OP mouse model
    ("table1", 27): NR,  # skin aging model of nude mice
    ("table1", 28): NA,  # no animal model, coculture
    **{("table2", r): F for r in range(1, 6)},  # rows 1-5: CDDP/CTX induced POF mouse or rat
    **{("table2", r): NA for r in (6, 7, 9, 18, 21, 26, 27)},  # no animal model printed, in vitro cells only
    **{("table2", r): NR for r in (8, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 22, 23, 24, 25, 28)},
}


@pytest.fixture(scope="module")
def studies() -> pd.DataFrame:
    return coded.studies().set_index(["table", "row"])


def test_every_row_has_a_hand_read_sex():
    assert len(SEX) == 56


@pytest.mark.parametrize(("key", "expected"), sorted(SEX.items()))
def test_sex(studies, key, expected):
    row = studies.loc[key]
    if expected == F:
        assert row["sex"] == F and ("POF" in row["sex_evidence"] or "OVX" in row["sex_evidence"])
    else:
        assert pd.isna(row["sex"])
        assert row["sex_missing"].startswith(expected)


#: Dose per kg of every row that has one: (low, high, unit). Rows not listed have none.
PER_KG: dict[tuple[str, int], tuple[float, float, str]] = {
    ("table1", 1): (1e7 / 0.0325,) * 2 + ("cells/kg",),  # IP 1 x 10^7 cells / 0.0325 kg mouse = 3.077e8
    ("table1", 3): (2e6 / 0.35,) * 2 + ("cells/kg",),  # IV 2 x 10^6 / 0.35 kg rat = 5.714e6
    ("table1", 4): (1e6 / 0.35,) * 2 + ("cells/kg",),  # IV 1 x 10^6, rat (in vivo arm) = 2.857e6
    ("table1", 5): (1e6 / 0.35,) * 2 + ("cells/kg",),  # IV 1 x 10^6, rat
    ("table1", 6): (1e6 / 0.0325,) * 2 + ("cells/kg",),  # IV 1 x 10^6, mouse = 3.077e7
    ("table1", 7): (1e6 / 0.0325,) * 2 + ("cells/kg",),  # OV 1 x 10^6, mouse
    ("table1", 8): (3.5e5 / 0.0325,) * 2 + ("cells/kg",),  # OV 3.5 x 10^5, mouse = 1.077e7
    ("table1", 9): (5e5 / 0.0325,) * 2 + ("cells/kg",),  # OV 5 x 10^5, mouse = 1.538e7
    ("table1", 10): (1e5 / 0.0325,) * 2 + ("cells/kg",),  # OV 1 x 10^5, mouse = 3.077e6
    ("table1", 11): (1e6 / 0.0325,) * 2 + ("cells/kg",),  # OV 1 x 10^6, mouse
    ("table1", 12): (1e7 / 0.35,) * 2 + ("cells/kg",),  # back sides 1 x 10^7, rat = 2.857e7
    ("table1", 13): (5e6 / 0.0325,) * 2 + ("cells/kg",),  # MI 5 x 10^6, mouse = 1.538e8
    ("table1", 15): (5e6 / 0.0325,) * 2 + ("cells/kg",),  # IP 5 x 10^6, SAMP8 mice
    ("table1", 16): (1e6 / 0.35,) * 2 + ("cells/kg",),  # IV 1 x 10^6, rat
    ("table1", 17): (1e6 / 0.0325,) * 2 + ("cells/kg",),  # IV 1 x 10^6, mouse
    ("table1", 18): (1e6 / 0.0325,) * 2 + ("cells/kg",),  # IV 1 x 10^6, mouse
    ("table1", 20): (6e6 / 4.0,) * 2 + ("cells/kg",),  # IV 6 x 10^6 cells / 4 kg rabbit = 1.5e6
    ("table1", 21): (5e6 / 0.35,) * 2 + ("cells/kg",),  # IV 5 x 10^6, rat = 1.429e7
    ("table1", 22): (2e7 / 0.0325,) * 2 + ("cells/kg",),  # NA 2 x 10^7, mouse = 6.154e8
    ("table1", 23): (5e5 / 0.0325,) * 2 + ("cells/kg",),  # IV 5 x 10^5, mouse
    ("table1", 24): (1e6 / 0.0325,) * 2 + ("cells/kg",),  # IV 1 x 10^6, mouse
    ("table1", 25): (1e6 / 0.35,) * 2 + ("cells/kg",),  # IV 1 x 10^6, rat
    ("table1", 26): (2e6 / 0.0325,) * 2 + ("cells/kg",),  # IV 2 x 10^6, mouse = 6.154e7
    ("table1", 27): (2e6 / 0.0325,) * 2 + ("cells/kg",),  # SC 2 x 10^6, nude mice
    ("table2", 2): (150 / 0.0325,) * 2 + ("µg/kg",),  # IP 150 µg, mouse = 4615 µg/kg
    ("table2", 3): (125 / 0.0325,) * 2 + ("µg/kg",),  # IV 125 µg, mouse = 3846 µg/kg
    ("table2", 4): (150 / 0.35,) * 2 + ("µg/kg",),  # IP 150 µg, rat = 428.6 µg/kg
    ("table2", 8): (50 / 0.0325,) * 2 + ("µg/kg",),  # IV 50 µg, mouse = 1538 µg/kg
    ("table2", 10): (50 / 0.0325,) * 2 + ("µg/kg",),  # hippocampus 50 µg, mouse
    ("table2", 11): (1e9 / 0.0325,) * 2 + ("particles/kg",),  # ICV 1 x 10^9 particles, mouse = 3.077e10
    ("table2", 12): (30 / 0.0325,) * 2 + ("µg/kg",),  # IN 30 µg, mouse = 923.1 µg/kg
    ("table2", 13): (0.5 / 0.0325,) * 2 + ("µg/kg",),  # ICV 0.5 µg, mouse = 15.38 µg/kg
    ("table2", 16): (100_000 / 0.0325,) * 2 + ("µg/kg",),  # IV 100 mg = 100,000 µg, mouse = 3.077e6 µg/kg
    ("table2", 17): (150 / 0.0325,) * 2 + ("µg/kg",),  # IV 150 µg, mouse
    ("table2", 19): (1600.0, 1600.0, "µg/kg"),  # printed 1.6 mg/kg = 1600 µg/kg
    ("table2", 20): (1600.0, 1600.0, "µg/kg"),  # printed 1.6 mg/kg
    ("table2", 24): (10_000.0, 10_000.0, "µg/kg"),  # printed 10 mg/kg = 10,000 µg/kg
    ("table2", 25): (150 / 0.35,) * 2 + ("µg/kg",),  # femur 150 µg, rat
    ("table2", 28): (200 / 0.35, 600 / 0.35, "µg/kg"),  # SC 200-600 µg, rat = 571.4 to 1714 µg/kg
}
#: Why the rest have none, by the start of the reason.
NO_PER_KG: dict[tuple[str, int], str] = {
    ("table1", 2): "no dose",  # IV, no dose printed
    ("table1", 14): "in vitro",
    ("table1", 19): "no dose",  # hippocampus, no dose
    ("table1", 28): "in vitro",
    ("table2", 1): "no dose",  # NA
    ("table2", 5): "an exosome study whose dose is printed as a number of cells",  # OV 2 x 10^6 cells
    **{("table2", r): "in vitro" for r in (6, 7, 9, 18, 21, 26, 27)},
    ("table2", 14): "a concentration injected",  # IV 0.5 mg/mL
    ("table2", 15): "a concentration injected",  # IV 80 µg/mL
    ("table2", 22): "no dose",  # IV NA
    ("table2", 23): "no dose",  # IV NA
}


def test_every_row_is_expected():
    assert len(PER_KG) + len(NO_PER_KG) == 56 and not set(PER_KG) & set(NO_PER_KG)


@pytest.mark.parametrize(("key", "expected"), sorted(PER_KG.items()))
def test_dose_per_kg(studies, key, expected):
    row = studies.loc[key]
    assert (row["dose_per_kg_low"], row["dose_per_kg_high"]) == pytest.approx(expected[:2], rel=1e-9)
    assert row["dose_per_kg_unit"] == expected[2]


@pytest.mark.parametrize(("key", "reason"), sorted(NO_PER_KG.items()))
def test_no_dose_per_kg(studies, key, reason):
    row = studies.loc[key]
    assert pd.isna(row["dose_per_kg_low"]) and row["dose_per_kg_missing"].lower().startswith(reason.lower())


#: follow-up days / lifespan days of every in vivo row with a follow-up (mouse 1460, rat 1387 days).
SHARE: dict[tuple[str, int], float] = {
    ("table1", 1): 21 / 1460,
    ("table1", 3): 14 / 1387,  # 2 weeks, rat
    ("table1", 6): 7 / 1460,
    ("table1", 8): 21 / 1460,
    ("table1", 9): 28 / 1460,
    ("table1", 10): 14 / 1460,
    ("table1", 11): 7 / 1460,
    ("table1", 12): 28 / 1387,
    ("table1", 13): 365 / 1460,  # 1 year: a quarter of the mouse's maximum longevity
    ("table1", 15): 56 / 1460,
    ("table1", 16): 30 / 1387,  # 1 month = 30 days
    ("table1", 17): 28 / 1460,
    ("table1", 18): 60 / 1460,
    ("table1", 21): 21 / 1387,
    ("table1", 22): 30 / 1460,
    ("table1", 23): 70 / 1460,
    ("table1", 24): 28 / 1460,
    ("table1", 25): 60 / 1387,
    ("table1", 26): 56 / 1460,
    ("table2", 1): 28 / 1460,
    ("table2", 4): 14 / 1387,
    ("table2", 5): 14 / 1460,
    ("table2", 8): 112 / 1460,
    ("table2", 11): 60 / 1460,
    ("table2", 12): 21 / 1460,
    ("table2", 13): 5 / 1460,
    ("table2", 14): 14 / 1460,
    ("table2", 15): 14 / 1460,
    ("table2", 16): 84 / 1460,
    ("table2", 17): 30 / 1460,
    ("table2", 19): 30 / 1387,
    ("table2", 20): 84 / 1387,
    ("table2", 22): 42 / 1460,
    ("table2", 24): 7 / 1387,
    ("table2", 25): 70 / 1387,
    ("table2", 28): 3 / 1387,  # 72 h
}


@pytest.mark.parametrize("key", sorted(SEX))
def test_follow_up_lifespan_share(studies, key):
    row = studies.loc[key]
    if key in SHARE:
        assert row["follow_up_lifespan_share"] == pytest.approx(SHARE[key], rel=1e-9)
    else:
        # rabbit (t1 r20), no follow-up printed, in vivo + in vitro (time unassigned) or in vitro only
        assert pd.isna(row["follow_up_lifespan_share"]) and row["follow_up_lifespan_share_missing"]


def test_override_replaces_the_mass_and_says_so(studies):
    frame = coded.studies()
    out = bodymass.per_kg(frame, {"mouse": 25, "rabbit": 3000})
    i = frame.index[(frame["table"] == "table1") & (frame["row"] == 20)][0]
    assert out.at[i, "dose_per_kg_low"] == pytest.approx(6e6 / 3.0)  # IV 6 x 10^6 cells / 3 kg rabbit
    j = frame.index[(frame["table"] == "table1") & (frame["row"] == 1)][0]
    assert out.at[j, "dose_per_kg_low"] == pytest.approx(1e7 / 0.025)
    assert "parameter body_mass_g" in out.at[j, "dose_per_kg_basis"]


@pytest.mark.parametrize("bad", [[25], {"cat": 4000}, {"mouse": 0}, {"mouse": "25"}, {"mouse": float("nan")}])
def test_bad_override_names_the_parameter(bad):
    with pytest.raises(ValueError, match="body_mass_g"):
        bodymass.check_masses(bad, ("mouse", "rat", "rabbit"))
