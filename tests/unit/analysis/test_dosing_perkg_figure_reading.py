"""Every number of the dosing figure's per-kg title, key and note (issue 18 item 5), against hand-read values.

Worked from Tables 1-2 of the print (Route/Dosage cells) and data/body_mass.csv (mouse 32.5 g, rat 350 g,
rabbit 4000 g): of the 42 amounts given to or injected into animals (45 readable amounts minus the 3
concentrations in a dish), 22 are drawn (14 cell doses, 5 µg doses divided by the assumed mass, 3 printed per
kg), 15 are local, 2 are on rows the audit flags (refs 42, 68) and 3 are no amount per animal (refs 53, 66, 67).
"""

from __future__ import annotations

import pytest

from helpers.analysis import dosing
from helpers.audit import flags as audit_flags
from helpers.data import coded, flags
from helpers.outputs import narrative
from tests.unit.analysis.test_dosing_reading import _numbers
from tests.unit.plots.test_dosing_perkg_geometry import DRAWN, LEFT, MOUSE

LOCAL = sorted(r for r, why in LEFT.items() if why == "given locally")
NOT_AN_AMOUNT = sorted(r for r, why in LEFT.items() if why == "not an amount per animal")


@pytest.fixture(scope="module")
def per_kg():
    studies = flags.attach(coded.studies(), audit_flags.by_row(reasons=True))
    return dosing.per_kg_panels(dosing.panels(studies).doses)


def test_the_title_states_the_count_and_the_assumed_masses(per_kg):
    drawn, _ = per_kg
    title = narrative.dosing_per_kg_title(drawn)
    # 22 drawn; the masses divided by, as data/body_mass.csv prints them: 32.5 g, 350 g, 4000 g
    assert _numbers(title) == [len(DRAWN), 32.5, 350, 4000]
    said = "(data/body_mass.csv): an assumption, not the studies' animals; doses printed per kg kept as printed"
    assert said in title


def test_an_override_is_named_in_the_title():
    studies = dosing.per_kg(flags.attach(coded.studies(), audit_flags.by_row(reasons=True)), {"mouse": 25})
    drawn, _ = dosing.per_kg_panels(dosing.panels(studies).doses)
    title = narrative.dosing_per_kg_title(drawn, {"mouse": 25})
    assert "mouse 25 g (parameter body_mass_g); rat 350 g, rabbit 4000 g (data/body_mass.csv)" in title


def test_the_key_names_every_dose_left_out_and_why(per_kg):
    drawn, left = per_kg
    key = narrative.dosing_per_kg_key(drawn, left)
    expected = [
        # 22 of the 42 amounts given to or injected into animals are drawn
        len(DRAWN), len(DRAWN) + len(LEFT),
        # 15 given locally (...; in a scaffold or hydrogel, which, not the printed route code, makes ref 24 (MI)
        # and ref 37 (NA) local; refs 16, 18, 19, 21, 22, 23, 24, 37, 43, 60, 61, 62, 63, 80, 83)
        len(LOCAL), 24, 37, *LOCAL,
        # 2 more on rows the audit flags: ref 42 IV 2 x 10^6 / 0.0325 kg = 6.15e7 -> 6.2×10⁷ cells/kg (R2);
        # ref 68 IV 100 mg = 1e5 µg / 0.0325 kg = 3.08e6 -> 3.1×10⁶ µg/kg (W4)
        2, 42, 6.2e7, 68, 3.1e6,
        # 3 not an amount per animal (refs 53, 66, 67)
        len(NOT_AN_AMOUNT), *NOT_AN_AMOUNT,
        # Of the 42, 5 are on rows the audit flags (refs 19, 24, 37, 42, 68): tables/audit.csv (7.6)
        42, 5, 19, 24, 37, 42, 68,
        # lighter hosts: Bmi-1-/- mice, ref 10; SAMP8 mice, ref 28 (the "1" of "Bmi-1" reads as a number)
        1, 10, 28,
        # adult ranges the sources print (data/body_mass.csv): mouse 30-35 g -> 32.5/35 = 0.93 to 32.5/30 = 1.08
        # (1.1); rabbit 3-5 kg, ref 34 -> 4/5 = 0.8 to 4/3 = 1.33 (1.3)
        30, 35, 0.93, 1.1, 3, 5, 34, 0.8, 1.3,
    ]  # fmt: skip
    assert _numbers(key) == pytest.approx([float(x) for x in expected])
    assert "(R2)" in key and "(W4)" in key
    assert pytest.approx(6.15e7, rel=1e-3) == 2e6 / MOUSE
    # 7.1: the bias goes both ways, each way named
    assert "The nominal mass can be off in either direction" in key
    assert "so their per-kg doses are underestimated" in key and "so theirs are overestimated" in key
    assert "high-fat-diet or older male hosts can be heavier" in key
    # 7.3: the word defined, IP said for what it is
    assert "systemic here: IV or IP, not into a target organ nor in a scaffold or hydrogel" in key
    assert "IP cells may largely stay in the peritoneal cavity" in key
    # 7.6: the order of the reasons is said
    assert "under the first reason that applies (not an amount, local, flagged)" in key
    # 7.7: the hydrogel, not the NA, makes ref 37 local
    assert "which, not the printed route code, makes ref 24 (MI) and ref 37 (NA) local" in key
    # 7.8: SC in the skin models: under the skin, the site inferred
    assert "under the skin of a skin model, the injection site not reported in the review and taken as local" in key
    # 7.13: the rabbit's breed is an assumption; 7.14: per administration
    assert "rabbit 3-5 kg (ref 34, breed assumed: New Zealand White)" in key
    assert "each value is per administration" in key
    assert "no sourced body mass" not in key  # the rabbit has one now (4000 g)


def test_the_key_and_the_notebook_name_the_local_doses_in_the_same_words(per_kg):
    """7.16: one list of where the local doses went, in the figure's key and in "What to notice"."""
    drawn, left = per_kg
    key = narrative.dosing_per_kg_key(drawn, left)
    studies = flags.attach(coded.studies(), audit_flags.by_row(reasons=True))
    doses, follow, hours, _routes, missing, _matrix, _summary = dosing.panels(studies)
    notice = narrative.dosing_notice(doses, follow, hours, missing)
    words = (
        "into an ovary, the brain or the nose; under the skin of a skin model, the injection site not reported in the "
        "review and taken as local; into a bone or an implant site; or in a scaffold or hydrogel"
    )
    assert words in key and words in notice
    assert "the skin, a bone or a site" not in key  # the old, differing list


def test_the_caption_names_no_host_without_a_mass_that_is_not_there():
    """7.9: no host lacks a sourced mass in the canonical figure, and the caption says so."""
    from helpers.core import catalog

    caption = catalog.get("dosing").caption
    assert "(as a host without a sourced mass would be; none in the canonical figure)" in caption
    assert "each route and exosome mimetics on rows of their own" in caption


def test_the_note_says_the_bottom_row_is_per_kg_of_an_assumed_mass():
    note = narrative.dosing_note()
    assert "Bottom row: the systemic doses animals received, per kg of a nominal adult body mass" in note
    assert "data/body_mass.csv or the body_mass_g parameter, not the studies' animals" in note
    # 7.10: a mark moved off its row to clear a neighbour, and its value label, are explained
    assert "a stack within a mark's width of its neighbour is moved below its row and labelled with its value" in note


def test_without_the_audit_the_title_does_not_claim_flagged_rows_are_left_out():
    """flagged: keep consults no audit: refs 42 and 68 are drawn (14 + 1 cells, 5 + 1 µg, 3 printed = 24)."""
    drawn, left = dosing.per_kg_panels(dosing.panels(coded.studies()).doses)
    assert len(drawn) == len(DRAWN) + 2 and {42, 68} <= set(drawn["ref"])
    title = narrative.dosing_per_kg_title(drawn)
    assert "24 systemic (IV or IP) doses (audit flags not consulted)" in title
    assert "flagged" not in narrative.dosing_per_kg_key(drawn, left)


def test_a_selection_with_no_systemic_dose_says_so():
    """Skin models only (refs 43 and 83, both SC): nothing is drawn per kg."""
    doses = dosing.panels(coded.studies()).doses
    drawn, left = dosing.per_kg_panels(doses[doses["ref"].isin([43, 83])])
    assert drawn.empty and sorted(left["ref"]) == [43, 83]
    assert narrative.dosing_per_kg_title(drawn).endswith(
        "no systemic (IV or IP) dose (audit flags not consulted) in this selection"
    )
