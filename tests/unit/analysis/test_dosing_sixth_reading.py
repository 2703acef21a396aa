"""The dosing exhibit's per-kg and lifespan sentences after the sixth blind reading (findings 6.1-6.17).

Expected values are hand-read from the print (Tables 1-2: the Route/Dosage cells, the Follow-up cells) and the
two data files (mouse 32.5 g, rat 350 g, rabbit 4000 g; 1460 and 1387 days, no rabbit lifespan), not from
the code. The audit's flagged rows are
the ones tables/audit.csv flags: refs 19 (W2), 24 (A3, R3), 37 (R1), 42 (R2), 68 (W4).
"""

from __future__ import annotations

import re
import statistics

import pytest

from helpers.analysis import dosing
from helpers.audit import flags as audit_flags
from helpers.data import coded, flags
from helpers.outputs import narrative
from tests.unit.analysis.test_dosing_reading import IN_VIVO_DAYS

MOUSE, RAT, RABBIT = 0.0325, 0.35, 4.0
RATS = {12, 13, 14, 23, 29, 35, 41, 52, 72, 73, 78, 80, 83}
#: Systemic (printed IV or IP, no scaffold or gel) cell doses per kg: ref -> cells / kg.
SYSTEMIC_CELLS = {
    10: 1e7 / MOUSE, 12: 2e6 / RAT, 13: 1e6 / RAT, 14: 1e6 / RAT, 15: 1e6 / MOUSE, 28: 5e6 / MOUSE,
    29: 1e6 / RAT, 31: 1e6 / MOUSE, 32: 1e6 / MOUSE, 35: 5e6 / RAT, 38: 5e5 / MOUSE, 40: 1e6 / MOUSE,
    41: 1e6 / RAT, 42: 2e6 / MOUSE,
    34: 6e6 / RABBIT,  # IV 6 x 10^6 cells / 4 kg rabbit = 1.5e6 (Table 1 row 20)
}  # fmt: skip
#: Systemic mass doses divided by the assumed mass (µg / kg), and those printed per kg (mg/kg x 1000).
SYSTEMIC_UG = {49: 150 / MOUSE, 51: 125 / MOUSE, 52: 150 / RAT, 57: 50 / MOUSE, 68: 100_000 / MOUSE, 70: 150 / MOUSE}
PRINTED_PER_KG = {72: 1600.0, 73: 1600.0, 78: 10_000.0}
#: Local doses: OV x 5, back sides, MI on a scaffold, NA in a hydrogel, SC in skin models, hippocampus, ICV, IN, femur.
LOCAL = {16, 18, 19, 21, 22, 23, 24, 37, 43, 60, 61, 62, 63, 80, 83}
FLAGGED = {19: "W2", 24: "A3, R3", 37: "R1", 42: "R2", 68: "W4"}


@pytest.fixture(scope="module")
def notice() -> str:
    studies = flags.attach(coded.studies(), audit_flags.by_row(True))
    doses, follow, hours, _routes, missing, _matrix, _summary = dosing.panels(studies)
    return narrative.dosing_notice(doses, follow, hours, missing)


#: Hand formatting of the expected range ends (two significant digits).
_ENDS = {
    1.5e6: "1.5×10⁶", 2.857e6: "2.9×10⁶", 3.077e8: "3.1×10⁸", 428.6: "430", 4615.4: "4.6×10³", 1600.0: "1.6×10³",
    10000.0: "1×10⁴", 6.154e7: "6.2×10⁷", 3.077e6: "3.1×10⁶",
}  # fmt: skip


def _sci2(x: float) -> str:
    """The hand-written form of the expected end nearest ``x``."""
    return _ENDS[min(_ENDS, key=lambda k: abs(k - x) / k)]


def test_local_and_systemic_add_up_to_the_39_restated():
    # 15 cells (14 + the rabbit) + 6 µg + 3 printed per kg + 15 local = 39 of the 42 amounts given to animals
    assert len(SYSTEMIC_CELLS) + len(SYSTEMIC_UG) + len(PRINTED_PER_KG) + len(LOCAL) == 39
    assert 61 in LOCAL  # the one particles/kg value is an ICV dose


def test_per_kg_ranges_are_systemic_and_unflagged(notice):
    """6.1, 6.2, 6.9: ranges of IV/IP doses only, flagged rows named apart, printed-per-kg apart."""
    cells = {r: v for r, v in SYSTEMIC_CELLS.items() if r not in FLAGGED}
    ug = {r: v for r, v in SYSTEMIC_UG.items() if r not in FLAGGED}
    kept = len(cells) + len(ug) + len(PRINTED_PER_KG)
    assert kept == 22  # 14 cells (15 - ref 42) + 5 µg (6 - ref 68) + 3 printed per kg
    assert f"Of them, {kept} systemic doses (IV or IP) not flagged by the audit are drawn and span" in notice
    # 7.2: the ends are named: the rabbit (ref 34, IV 6e6 / 4 kg) and the Bmi-1-/- mouse (ref 10, IP 1e7 / 32.5 g);
    # the other 12 span 1e6 / 0.35 kg = 2.9e6 to 5e6 / 0.0325 kg = 1.5e8 (ref 28)
    assert (
        f"{_sci2(min(cells.values()))} (ref 34, rabbit, IV) to {_sci2(max(cells.values()))} cells/kg (ref 10, mouse, "
        f"IP; the other {len(cells) - 2} span 2.9×10⁶ to 1.5×10⁸) ({len(cells)} studies, by the assumed mass)"
    ) in notice
    # 7.4: ref 70's mimetics are named among the 5 µg doses
    assert (
        f"{_sci2(min(ug.values()))} (ref 52, rat, IP) to {_sci2(max(ug.values()))} µg/kg (ref 49"
    ) not in notice  # the top end is shared by refs 49 and 70 (both 150 µg / 32.5 g), so no single end is named
    assert (
        f"{_sci2(min(ug.values()))} to {_sci2(max(ug.values()))} µg/kg ({len(ug)} studies, by the assumed mass; 1 of "
        "them, ref 70, exosome mimetics, not secreted exosomes)"
    ) in notice
    assert "1.6×10³ to 1×10⁴ µg/kg (3 studies, printed per kg by the study)" in notice
    assert "ref 42 6.2×10⁷ cells/kg (R2), ref 68 3.1×10⁶ µg/kg (W4)" in notice
    assert "mass as printed, protein not stated" in notice


def test_local_doses_are_counted_and_named(notice):
    """6.2: 15 local doses left out of the ranges, each named."""
    said = re.search(r"(\d+) are given locally .*?: refs ([\d, ]+)\.", notice)
    assert said and int(said.group(1)) == len(LOCAL)
    assert {int(r) for r in said.group(2).split(", ")} == LOCAL


def test_the_mass_assumption_and_its_bias_are_said(notice):
    """6.3, 6.4: sex-pooled outbred mass; females, inbred and mutant hosts lighter, so per kg underestimated."""
    assert "a sex-pooled adult outbred mass" in notice
    assert "so their per-kg doses are underestimated" in notice
    assert "Bmi-1-/- mice, ref 10" in notice
    # 6.15: the three not restated are named (66, 67 concentrations; 53 cells for exosomes); the rabbit (ref 34)
    # now has a sourced mass (data/body_mass.csv, 4000 g), so no "host without a sourced mass" is said
    assert "The other 3 amounts are not restated: injected concentrations and cells printed for exosomes" in notice
    assert "(refs 53, 66, 67)" in notice and "without a sourced mass" not in notice
    assert "42 amounts given to or injected into animals" in notice


def test_lifespan_share_leaves_flagged_rows_out_and_is_a_lower_bound(notice):
    """6.10, 6.11: the 1-year row and the other flagged rows apart; lower bound; short-lived models named."""
    days = {r: d for r, d in IN_VIVO_DAYS.items() if r != 34}  # the rabbit has no sourced lifespan
    shares = {r: d / (1387 if r in RATS else 1460) for r, d in days.items()}
    assert len(shares) == 36
    kept = [v for r, v in shares.items() if r not in FLAGGED]
    assert len(kept) == 31
    assert max(kept) == pytest.approx(112 / 1460)  # ref 57, 16 weeks
    said = (
        f"the {len(kept)} on rows the audit does not flag span {min(kept):.1%} to {max(kept):.1%}, "
        f"median {statistics.median(kept):.1%}"
    )
    assert said in notice
    assert "0.2% to 7.7%" in said  # 3 / 1387 (ref 83, 72 h) and 112 / 1460
    assert "ref 24 25.0% (A3, R3)" in notice  # 365 / 1460
    assert "so each share is a lower bound" in notice
    assert "Short-lived models (Bmi-1-/- mice, ref 10; SAMP8 mice, ref 28)" in notice
    assert "The age at treatment is not reported in the review." in notice


def test_displayed_tables_are_rounded():
    """6.7: 3 significant figures per kg, shares as a per cent with one decimal."""
    doses, follow, *_ = dosing.panels(coded.studies())
    shown = dosing.shown(doses).set_index("ref")
    assert float(shown.loc[10, "dose_per_kg_low"]) == 3.08e8  # 1e7 / 0.0325 = 307692307.69...
    assert float(shown.loc[52, "dose_per_kg_low"]) == 429.0  # 150 / 0.35 = 428.57...
    f = dosing.shown(follow).set_index("ref")
    assert float(f.loc[10, "lifespan_share_percent"]) == 1.4  # 21 / 1460 = 1.438 %
    assert float(f.loc[83, "lifespan_share_percent"]) == 0.2  # 3 / 1387 = 0.216 %


def test_ref_43_reason_and_basis_wording():
    """6.13: no follow-up printed for ref 43; 6.8: the basis says per administration, OV per ovary unknown."""
    studies = coded.studies().set_index("ref")
    assert studies.loc[43, "follow_up_lifespan_share_missing"] == "no follow-up printed"
    assert str(studies.loc[15, "dose_per_kg_basis"]).startswith(
        "printed dose per administration (schedule, and for OV per ovary or per animal, not reported in the review)"
    )


def test_systemic_column_matches_the_printed_routes():
    doses, *_ = dosing.panels(coded.studies())
    per = doses[doses["dose_per_kg_unit"].notna()].set_index("ref")["per_kg_systemic"].astype(bool)
    assert set(per[~per].index) == LOCAL
    assert set(per[per].index) == set(SYSTEMIC_CELLS) | set(SYSTEMIC_UG) | set(PRINTED_PER_KG)


def test_sex_is_documented_and_its_evidence_says_no_model_is_made():
    """6.14: `sex` in data/README.md; ref 18 (naturally aged, POF) reads 'an ovarian model, so female animals'."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "data" / "README.md").read_text(encoding="utf-8")
    assert "`sex`" in readme and "Access date not recorded" in readme
    studies = coded.studies().set_index("ref")
    assert studies.loc[18, "sex"] == "female (implied by the model)"
    assert "made in" not in str(studies.loc[18, "sex_evidence"])
    assert str(studies.loc[18, "sex_evidence"]).endswith("an ovarian model, so female animals")
