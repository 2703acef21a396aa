"""helpers.outputs.narrative, dosing exhibit: per-kg sentences, title and key, lifespan shares, amounts, edges.

Direct calls with small hand-built frames whose flags have the dtypes the pipeline gives them: ``audit_flag``,
``per_kg_systemic`` and ``outside_range`` are nullable booleans (an unchecked or unknown value is <NA>) and
``dose_per_kg_basis`` is a nullable string. The rules checked: an unknown flag is no flag, an unknown systemic
value is not systemic, an unknown basis is not "printed per kg", an unchecked dose is not outside its range.

The nominal masses are data/body_mass.csv's: mouse 32.5 g (printed adult range 30-35 g), rat 350 g, rabbit
4000 g (printed 3-5 kg). Within a printed range a drawn value could be mass/high to mass/low times itself, to
two significant digits: mouse 32.5/35 = 0.93 to 32.5/30 = 1.1; with the parameter's 25 g, 25/35 = 0.71 to
25/30 = 0.83. Every expected sentence is written by hand from these numbers and the frames below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import curated
from helpers.outputs import narrative

NA = pd.NA
ASSUMED = "printed dose per administration ÷ nominal mass"

LOCAL_WORDS = (
    "into an ovary, the brain or the nose; under the skin of a skin model, the injection site not reported in the "
    "review and taken as local; into a bone or an implant site; or in a scaffold or hydrogel"
)
BIAS = (
    "The nominal mass can be off in either direction: female (ovarian-model), young, inbred or mutant hosts are "
    "lighter than the sex-pooled outbred adult, so their per-kg doses are underestimated; high-fat-diet or older "
    "male hosts can be heavier, so theirs are overestimated. The review reports neither the animals' mass, sex nor "
    "age."
)
MOUSE_RANGE = "mouse 30-35 g: 0.93 to 1.1 times the drawn value"


def _ranges(*parts):
    return (
        f" Within the adult ranges the sources print (data/body_mass.csv): {'; '.join(parts)}; lighter young or "
        "mutant animals lie outside them."
    )


# ------------------------------------------------------------------ _notice_per_kg


def _doses(systemic=(True, True, True), flag=(False, False, False), basis=(ASSUMED, ASSUMED, ASSUMED)):
    """Three mouse doses to animals, the µg/kg one first: ref 41 3000 µg/kg IV, ref 42 2×10⁶ cells/kg IV,
    ref 43 6×10⁶ cells/kg IP, each divided by the assumed mass unless ``basis`` says otherwise."""
    return pd.DataFrame(
        {
            "ref": [41, 42, 43],
            "setting": ["in vivo"] * 3,
            "host_species": ["mouse"] * 3,
            "route": ["IV", "IV", "IP"],
            "dose_kind": ["mass as printed", "cells", "cells"],
            "dose_per_kg_unit": ["µg/kg", "cells/kg", "cells/kg"],
            "dose_per_kg_basis": pd.array(list(basis), dtype="string"),
            "dose_per_kg_low": [3000.0, 2e6, 6e6],
            "dose_per_kg_high": [3000.0, 2e6, 6e6],
            "per_kg_systemic": pd.array(list(systemic), dtype="boolean"),
            "audit_flag": pd.array(list(flag), dtype="boolean"),
            "audit_flagged_by": ["", "", ""],
            "carrier": [False, False, False],
            "mimetic": [False, False, False],
        }
    )


def _lead(masses, drawn, spans):
    return (
        "Per kg of body mass: 3 of the 3 amounts given to or injected into animals have a per-kg value in the table "
        f"below (3 computed from the assumed mass, {masses}, a sex-pooled adult outbred mass, an assumption, not the "
        "studies' animals, whose mass the review does not report; 0 printed per kg by the study). Of them, "
        f"{drawn} systemic doses (IV or IP) not flagged by the audit are drawn and span {spans}; µg is mass as "
        "printed, protein not stated."
    )


FILE_MOUSE = "mouse 32.5 g from data/body_mass.csv"
# All three drawn: cells/kg 2×10⁶ (ref 42) to 6×10⁶ (ref 43), then µg/kg 3000 -> 3×10³ (ref 41).
ALL_SPANS = "2×10⁶ to 6×10⁶ cells/kg (2 studies, by the assumed mass); 3×10³ µg/kg (1 study, by the assumed mass)"
ALL_DRAWN = [_lead(FILE_MOUSE, 3, ALL_SPANS), BIAS + _ranges(MOUSE_RANGE)]
# Ref 43 not drawn: cells/kg is ref 42 alone.
TWO_SPANS = "2×10⁶ cells/kg (1 study, by the assumed mass); 3×10³ µg/kg (1 study, by the assumed mass)"

PER_KG = [
    ("units in alphabetical order (cells/kg before ug/kg), whatever the rows' order", _doses(), None, ALL_DRAWN),
    ("an unknown audit flag (NA) is no flag: the dose is drawn", _doses(flag=(False, False, NA)), None, ALL_DRAWN),
    (
        "an unknown basis (NA) is not 'printed per kg': the dose counts as divided by the assumed mass",
        _doses(basis=(ASSUMED, ASSUMED, NA)),
        None,
        ALL_DRAWN,
    ),
    (
        "an unknown systemic value (NA) is not systemic: the dose is counted as local, not drawn",
        _doses(systemic=(True, True, NA)),
        None,
        [
            _lead(FILE_MOUSE, 2, TWO_SPANS),
            f"1 is given locally ({LOCAL_WORDS}) and left out of the ranges, because per kg of whole body says little "
            "about a dose at one site: ref 43.",
            BIAS + _ranges(MOUSE_RANGE),
        ],
    ),
    (
        "the body_mass_g parameter is named and scales the adult-range factors (25 g: 0.71 to 0.83)",
        _doses(),
        {"mouse": 25},
        [
            _lead("mouse 25 g from the parameter body_mass_g", 3, ALL_SPANS),
            BIAS + _ranges("mouse 30-35 g: 0.71 to 0.83 times the drawn value"),
        ],
    ),
]


@pytest.mark.parametrize("rule, doses, grams, sentences", PER_KG, ids=[p[0] for p in PER_KG])
def test_notice_per_kg(rule, doses, grams, sentences):
    """_notice_per_kg: which doses are drawn per kg, their spans unit by unit, and the mass they rest on."""
    assert narrative._notice_per_kg(doses, grams) == sentences, rule


# ------------------------------------------------------------------ title and key of the per-kg panels


def test_dosing_per_kg_title_orders_hosts_mouse_rat_rabbit_then_others():
    """Within the parameter's masses the rabbit comes before another host (guinea pig), though 'guinea pig'
    sorts first by name: the order is mouse, rat, rabbit, then the others by name."""
    drawn = pd.DataFrame({"host_species": ["guinea pig", "rabbit", "mouse"], "audit_flag": False})
    assert narrative.dosing_per_kg_title(drawn, {"rabbit": 3500, "guinea pig": 900}) == (
        "Doses per kg of body mass: 3 systemic (IV or IP) doses on rows the audit does not flag; printed dose ÷ "
        "nominal adult mass, rabbit 3500 g, guinea pig 900 g (parameter body_mass_g); mouse 32.5 g "
        "(data/body_mass.csv): an assumption, not the studies' animals; doses printed per kg kept as printed"
    )


KEY_LEAD = (
    "each on the row of its route (systemic here: IV or IP, not into a target organ nor in a scaffold or "
    "hydrogel; IP cells may largely stay in the peritoneal cavity, so IP and IV cells per kg are not like for like)"
)
KEY_TAIL = " The dosing schedule is not reported in the review: each value is per administration."


def test_dosing_per_kg_key_an_unknown_flag_is_no_flag():
    """Drawn refs 11 and 12 (12's flag unknown, NA) and two flagged local doses (refs 24, 58): of the 4 amounts
    2 are on flagged rows, not 3."""
    drawn = pd.DataFrame(
        {
            "ref": [11, 12],
            "host_species": ["mouse", "mouse"],
            "route": ["IV", "IP"],
            "audit_flag": pd.array([False, NA], dtype="boolean"),
        }
    )
    left = pd.DataFrame(
        {
            "ref": [58, 24],
            "host_species": ["mouse", "mouse"],
            "route": ["ICV", "OV"],
            "carrier": [False, False],
            "audit_flag": pd.array([True, True], dtype="boolean"),
            "audit_flagged_by": ["W6", "A3"],
            "dose_per_kg_high": [1e4, 1e7],
            "dose_per_kg_unit": ["µg/kg", "cells/kg"],
            "per_kg_left": ["local", "local"],
        }
    )
    assert narrative.dosing_per_kg_key(drawn, left) == (
        f"Per kg (bottom panels): 2 of the 4 amounts given to or injected into animals are drawn, {KEY_LEAD}; not "
        f"drawn: 2 given locally ({LOCAL_WORDS}; refs 24, 58): per kg of whole body says little about a dose at one "
        "site. Of the 4, 2 are on rows the audit flags (refs 24, 58); each amount is named once, under the first "
        "reason that applies (not an amount, local, flagged). " + BIAS + _ranges(MOUSE_RANGE) + KEY_TAIL
    )


# ------------------------------------------------------------------ _mass_ranges


def test_mass_ranges_reads_kilograms_as_thousands_of_grams():
    """The rabbit's printed 3-5 kg is 3000-5000 g: a 4977 g rabbit (the parameter) gives 4977/5000 = 0.995 -> 1
    and 4977/3000 = 1.66 -> 1.7 (5 kg read as anything but 5000 g would move the first factor below 0.995)."""
    kept = pd.DataFrame({"host_species": ["rabbit"], "ref": [20]})
    assert narrative._mass_ranges(kept, {"rabbit": 4977}) == _ranges(
        "rabbit 3-5 kg (ref 20, breed assumed: New Zealand White): 1 to 1.7 times the drawn value"
    )


def test_mass_ranges_of_a_host_whose_only_mass_names_a_strain(monkeypatch):
    """A host whose only row in the body-mass file names a strain has no nominal mass (masses() skips it): its
    factors fall back on that row's own mass, 120 g over 100-150 g: 0.8 to 1.2."""
    real = curated.load
    frame = pd.DataFrame(
        {
            "species": ["mouse", "hamster"],
            "strain": ["", "Syrian"],
            "body_mass_g": [32.5, 120.0],
            "source_value": ["Adult Weight 30-35 g", "Adult weight 100-150 g"],
        }
    )
    monkeypatch.setattr(curated, "load", lambda name, *a, **k: frame if name == "body_mass" else real(name))
    kept = pd.DataFrame({"host_species": ["hamster"], "ref": [7]})
    assert narrative._mass_ranges(kept) == _ranges("hamster 100-150 g: 0.8 to 1.2 times the drawn value")


# ------------------------------------------------------------------ _notice_lifespan

LIFESPAN_LEAD = (
    "As a share of the host's maximum recorded lifespan (data/lifespan.csv: AnAge's record in captivity, not "
    "a typical life, so each share is a lower bound), the follow-up of "
)


def test_notice_lifespan_unknown_flags_and_arms_and_two_flagged_apart():
    """An unknown flag (NA) is no flag, an unknown arm (NA) is not a stated one; two flagged shares are listed
    apart, comma-separated, in ref order.

    Stated: refs 31-35 and 37 (6; ref 36's arm is unknown). Shares: 31-35 (5); 34 and 35 flagged; the other 3
    (2 %, 4 %, 3 %) span 2.0% to 4.0%, median 3.0%; ref 37 has no share.
    """
    follow = pd.DataFrame(
        {
            "ref": [31, 32, 33, 35, 34, 36, 37],
            "arm_stated": pd.array([True, True, True, True, True, NA, True], dtype="boolean"),
            "lifespan_share": [0.02, 0.04, 0.03, 0.06, 0.05, float("nan"), float("nan")],
            "audit_flag": pd.array([False, False, NA, True, True, False, False], dtype="boolean"),
            "audit_flagged_by": ["", "", "", "R1", "W6", "", ""],
        }
    )
    assert narrative._notice_lifespan(follow) == [
        LIFESPAN_LEAD + "5 of the 6 in vivo studies with a printed follow-up is computed; the 3 on rows the audit "
        "does not flag span 2.0% to 4.0%, median 3.0% (flagged and left out: ref 34 5.0% (W6), ref 35 6.0% (R1)); "
        "the other 1 has a host without a sourced lifespan. The age at treatment is not reported in the review."
    ]


# ------------------------------------------------------------------ _notice_amounts


def test_notice_amounts_an_unchecked_dose_is_not_outside_its_range():
    """outside_range NA (no range applies, the dose was not checked) counts among the others, not outside.

    Masses 10-50 (inside), 100 (unchecked), 2000 (outside): 10 to 2000 µg; 1 outside (ref 42); the other 2 span
    10 to 100 µg.
    """
    doses = pd.DataFrame(
        {
            "ref": [40, 41, 42],
            "dose_kind": ["mass as printed"] * 3,
            "modality": ["exosomes"] * 3,
            "dose_low": [10.0, 100.0, 2000.0],
            "dose_high": [50.0, 100.0, 2000.0],
            "mimetic": [False, False, False],
            "outside_range": pd.array([False, NA, True], dtype="boolean"),
        }
    )
    assert narrative._notice_amounts(doses) == [
        "Exosome doses as a printed mass: 3 studies, 10 to 2000 µg. Of these, 1 (ref 42) lies outside "
        "data/dose_ranges.csv's range, kept as printed; the other 2 span 10 to 100 µg."
    ]


# ------------------------------------------------------------------ dosing_flagged


def test_dosing_flagged_an_unknown_flag_is_no_edge_but_its_title_check_is_said():
    """Ref 5 is flagged by W4 (not ringed); ref 7's flag is unknown (NA): no edge, but its title check R5 is named."""
    frame = pd.DataFrame(
        {
            "ref": [5, 7],
            "audit_flag": pd.array([True, NA], dtype="boolean"),
            "audit_findings": ["W4", "R5"],
            "audit_flagged_by": ["W4", ""],
            "outside_range": pd.array([False, False], dtype="boolean"),
        }
    )
    assert narrative.dosing_flagged(frame) == (
        "Black edge: an audit error or warning questions what the row's codes mean (tables/audit.csv). "
        "The findings that flag each: ref 5 W4. No edge, but a check of the row against its cited title questions "
        "what the mark shows: ref 7 R5."
    )


# ------------------------------------------------------------------ _titled_in_vitro


def test_titled_in_vitro_is_a_fresh_table_in_ref_order():
    """The in vitro rows whose cited title speaks of animal work, renumbered 0.. in ref order (ref 82's title says
    'Topical', ref 74's 'bone loss'; data/references.csv)."""
    studies = pd.DataFrame({"ref": [82, 74], "setting": ["in vitro", "in vitro"]})
    pd.testing.assert_frame_equal(
        narrative._titled_in_vitro(studies),
        pd.DataFrame({"ref": [74, 82], "words": ["'bone loss'", "'Topical'"]}),
    )
