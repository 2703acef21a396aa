"""helpers.outputs.narrative, doses per kg of a nominal body mass: the notice sentences, the panels' title and key.

The nominal masses are data/body_mass.csv's: mouse 32.5 g (printed adult range 30-35 g), rat 350 g (no range
printed), rabbit 4000 g (printed 3-5 kg). Within a printed range a drawn value could be mass/high to mass/low
times itself: mouse 32.5/35 = 0.93 to 32.5/30 = 1.1, rabbit 4000/5000 = 0.8 to 4000/3000 = 1.3 (two significant
digits). Every expected sentence below is written by hand from these numbers and the small frames given.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.outputs import narrative

NAN = float("nan")

ASSUMED = "printed dose per administration ÷ nominal mass"
PRINTED = "printed per kg by the study"

_COLUMNS = [
    "ref",
    "setting",
    "host_species",
    "route",
    "dose_kind",
    "dose_per_kg_unit",
    "dose_per_kg_basis",
    "dose_per_kg_low",
    "dose_per_kg_high",
    "per_kg_systemic",
    "audit_flag",
    "audit_flagged_by",
    "carrier",
    "mimetic",
]


def _doses(rows):
    return pd.DataFrame(rows, columns=_COLUMNS)


LOCAL_WORDS = (
    "into an ovary, the brain or the nose; under the skin of a skin model, the injection site not reported in the "
    "review and taken as local; into a bone or an implant site; or in a scaffold or hydrogel"
)
BIAS_HEAD = "The nominal mass can be off in either direction: female (ovarian-model), young, inbred or mutant hosts"
BIAS_TAIL = (
    " are lighter than the sex-pooled outbred adult, so their per-kg doses are underestimated; high-fat-diet "
    "or older male hosts can be heavier, so theirs are overestimated. The review reports neither the animals' "
    "mass, sex nor age."
)
MOUSE_RANGE = "mouse 30-35 g: 0.93 to 1.1 times the drawn value"
RABBIT_RANGE = "rabbit 3-5 kg (ref 34, breed assumed: New Zealand White): 0.8 to 1.3 times the drawn value"


def _ranges(*parts):
    return (
        f" Within the adult ranges the sources print (data/body_mass.csv): {'; '.join(parts)}; lighter young or "
        "mutant animals lie outside them."
    )


# The full set: four systemic cells/kg by the assumed mass (refs 34, 13, 12, 10), µg/kg one assumed (a mimetic)
# and one printed per kg, two local (ref 58 ICV; ref 24 NA in a hydrogel, flagged), one systemic flagged (ref 19),
# an injected concentration (ref 50) and a guinea pig (no mass, ref 70) not restated, an in vitro row (ref 60).
FULL = _doses(
    [
        (10, "in vivo", "mouse", "IP", "cells", "cells/kg", ASSUMED, 3.08e8, 3.08e8, True, False, "", False, False),
        (12, "in vivo", "rat", "IV", "cells", "cells/kg", ASSUMED, 5.7e6, 5.7e6, True, False, "", False, False),
        (34, "in vivo", "rabbit", "IV", "cells", "cells/kg", ASSUMED, 1.5e6, 1.5e6, True, False, "", False, False),
        (13, "in vivo", "rat", "IV", "cells", "cells/kg", ASSUMED, 2.9e6, 2.9e6, True, None, "", False, False),
        (40, "in vivo", "mouse", "IV", "mass as printed", "µg/kg", PRINTED, 1000, 1000, True, False, "", False, False),
        (41, "in vivo", "mouse", "IV", "mass as printed", "µg/kg", ASSUMED, 3077, 3077, True, False, "", False, True),
        (58, "in vivo", "mouse", "ICV", "mass as printed", "µg/kg", ASSUMED, 1e4, 1e4, None, False, "", False, False),
        (24, "in vivo", "mouse", "NA (printed)", "cells", "cells/kg", NAN, 1e7, 1e7, False, True, "A3", True, False),
        (19, "in vivo", "rat", "IV", "cells", "cells/kg", ASSUMED, 9.9e9, 9.9e9, True, True, "W4", False, False),
        (50, "in vivo", "rat", "IV", "injected concentration", NAN, NAN, NAN, NAN, NAN, False, "", False, False),
        (60, "in vitro", NAN, NAN, "in vitro concentration", NAN, NAN, NAN, NAN, NAN, False, "", False, False),
        (70, "in vivo", "guinea pig", "IP", "cells", NAN, NAN, NAN, NAN, NAN, False, "", False, False),
    ]
)


def test_notice_per_kg_names_masses_spans_flagged_local_bias_ranges_and_the_rest():
    """The per-kg sentences over a selection with every kind of per-kg row.

    9 of the 11 amounts given to animals (ref 60 is in a dish) have a per-kg value, 1 printed per kg (ref 40);
    the 6 systemic unflagged ones are drawn: 4 cells/kg (1.5×10⁶ ref 34 to 3.1×10⁸ ref 10; the other 2 span
    2.9×10⁶ to 5.7×10⁶), one µg/kg by mass (ref 41, a mimetic, 3077 -> 3.1×10³), one printed (1×10³). The rat's
    mass comes from the parameter, the others from data/body_mass.csv.
    """
    out = narrative._notice_per_kg(FULL, {"rat": 300})
    assert out == [
        "Per kg of body mass: 9 of the 11 amounts given to or injected into animals have a per-kg value in the table "
        "below (8 computed from the assumed mass, rat 300 g from the parameter body_mass_g, mouse 32.5 g, rabbit "
        "4000 g from data/body_mass.csv, a sex-pooled adult outbred mass, an assumption, not the studies' animals, "
        "whose mass the review does not report; 1 printed per kg by the study). Of them, 6 systemic doses (IV or "
        "IP) not flagged by the audit are drawn and span 1.5×10⁶ (ref 34, rabbit, IV) to 3.1×10⁸ cells/kg (ref 10, "
        "mouse, IP; the other 2 span 2.9×10⁶ to 5.7×10⁶) (4 studies, by the assumed mass); 3.1×10³ µg/kg (1 study, "
        "by the assumed mass; 1 of them, ref 41, exosome mimetics, not secreted exosomes); 1×10³ µg/kg (1 study, "
        "printed per kg by the study); µg is mass as printed, protein not stated.",
        "Left out of these ranges because the audit flags the row: ref 19 9.9×10⁹ cells/kg (W4); kept as printed. "
        "In all, 2 of the 9 per-kg values are on rows the audit flags: these and ref 24, counted as local (the "
        "first reason that applies).",
        f"2 are given locally ({LOCAL_WORDS}, which, not the printed route code, makes ref 24 (NA) local) and left "
        "out of the ranges, because per kg of whole body says little about a dose at one site: refs 24, 58.",
        BIAS_HEAD
        + " (Bmi-1-/- mice, ref 10; growth-retarded or short-lived)"
        + BIAS_TAIL
        + _ranges(MOUSE_RANGE, RABBIT_RANGE)
        + " The other 2 amounts are not restated: injected concentrations and a host without a sourced mass "
        "(refs 50, 70).",
    ]


def test_notice_per_kg_one_dose_without_audit_or_systemic_columns():
    """Without per_kg_systemic every dose (ref 1 too) is systemic; without audit_flag none is flagged; no parameter
    masses."""
    doses = pd.DataFrame(
        {
            "ref": [1],
            "setting": ["in vivo"],
            "host_species": ["mouse"],
            "route": ["IV"],
            "dose_kind": ["cells"],
            "dose_per_kg_unit": ["cells/kg"],
            "dose_per_kg_basis": [ASSUMED],
            "dose_per_kg_low": [1e8],
            "dose_per_kg_high": [1e8],
        }
    )
    assert narrative._notice_per_kg(doses, None) == [
        "Per kg of body mass: 1 of the 1 amounts given to or injected into animals has a per-kg value in the table "
        "below (1 computed from the assumed mass, mouse 32.5 g from data/body_mass.csv, a sex-pooled adult outbred "
        "mass, an assumption, not the studies' animals, whose mass the review does not report; 0 printed per kg by "
        "the study). Of them, 1 systemic dose (IV or IP) not flagged by the audit is drawn and spans 1×10⁸ "
        "cells/kg (1 study, by the assumed mass); µg is mass as printed, protein not stated.",
        BIAS_HEAD + BIAS_TAIL + _ranges(MOUSE_RANGE),
    ]


def test_notice_per_kg_flagged_local_one_and_nothing_drawn():
    """Nothing systemic and unflagged: the span is 'nothing'; one local dose 'is'; a flagged local row is not
    counted again among the flagged systemic ones when there are none."""
    doses = _doses(
        [
            (58, "in vivo", "mouse", "ICV", "mass as printed", "µg/kg", ASSUMED, 1e4, 1e4, False, True, "", 0, 0),
            (61, "in vitro", "mouse", "IV", "cells", "cells/kg", ASSUMED, 1e8, 1e8, True, False, "", 0, 0),
        ]
    )
    assert narrative._notice_per_kg(doses, {}) == [
        "Per kg of body mass: 1 of the 1 amounts given to or injected into animals has a per-kg value in the table "
        "below (1 computed from the assumed mass, mouse 32.5 g from data/body_mass.csv, a sex-pooled adult outbred "
        "mass, an assumption, not the studies' animals, whose mass the review does not report; 0 printed per kg by "
        "the study). Of them, 0 systemic doses (IV or IP) not flagged by the audit are drawn and span nothing; µg "
        "is mass as printed, protein not stated.",
        f"1 is given locally ({LOCAL_WORDS}) and left out of the ranges, because per kg of whole body says little "
        "about a dose at one site: ref 58.",
        BIAS_HEAD + BIAS_TAIL,
    ]


@pytest.mark.parametrize(
    "rule, doses",
    [
        ("no per-kg column", pd.DataFrame({"ref": [1], "setting": ["in vivo"]})),
        ("no per-kg value", pd.DataFrame({"ref": [1], "setting": ["in vivo"], "dose_per_kg_unit": [NAN]})),
    ],
    ids=["no column", "all missing"],
)
def test_notice_per_kg_without_values(rule, doses):
    """_notice_per_kg: no sentence without a per-kg value."""
    assert narrative._notice_per_kg(doses, None) == [], rule


def test_dosing_notice_carries_the_per_kg_sentences():
    """dosing_notice places the per-kg sentences after the amounts and before the kinds."""
    doses = pd.DataFrame(
        {
            "ref": [11],
            "setting": ["in vivo"],
            "host_species": ["mouse"],
            "route": ["IV"],
            "modality": ["cells"],
            "dose_kind": ["cells"],
            "dose_low": [3.25e6],
            "dose_high": [3.25e6],
            "range_high": [1e7],
            "outside_range": [False],
            "range_factor": [0.3],
            "dose_per_kg_unit": ["cells/kg"],
            "dose_per_kg_basis": [ASSUMED],
            "dose_per_kg_low": [1e8],
            "dose_per_kg_high": [1e8],
        }
    )
    empty = pd.DataFrame({"ref": [], "hours": []})
    missing = {"in vitro": 0, "dose": 0}
    assert narrative.dosing_notice(doses, empty.iloc[:0], empty, missing) == (
        "MSC doses: 1 study prints a number of cells, 3.25×10⁶; 1 of the 1 gave 3.25×10⁶ cells. "
        "Per kg of body mass: 1 of the 1 amounts given to or injected into animals has a per-kg value in the table "
        "below (1 computed from the assumed mass, mouse 32.5 g from data/body_mass.csv, a sex-pooled adult outbred "
        "mass, an assumption, not the studies' animals, whose mass the review does not report; 0 printed per kg by "
        "the study). Of them, 1 systemic dose (IV or IP) not flagged by the audit is drawn and spans 1×10⁸ "
        "cells/kg (1 study, by the assumed mass); µg is mass as printed, protein not stated. "
        + BIAS_HEAD
        + BIAS_TAIL
        + _ranges(MOUSE_RANGE)
        + " The 1 readable printed amount is of 1 kind (1 dose to animals); 0 of the 1 study print no readable "
        "amount."
    )


# ------------------------------------------------------------------ spans


def _span_part(rows):
    return pd.DataFrame(
        rows, columns=["ref", "host_species", "route", "dose_per_kg_low", "dose_per_kg_high", "mimetic"]
    ).set_index(pd.Index([7, 3, 9, 1, 5, 2][: len(rows)]))


SPANS = [
    (
        "one value to two digits is said once",
        _span_part([(1, "mouse", "IV", 1.01e6, 1.01e6, False), (2, "rat", "IV", 1.04e6, 1.04e6, False)]),
        "1×10⁶ cells/kg (2 studies, by the assumed mass)",
    ),
    (
        "under four studies the ends are not named",
        _span_part(
            [
                (1, "mouse", "IV", 1e6, 1e6, False),
                (2, "rat", "IV", 2e6, 3e6, False),
                (3, "rat", "IP", 5e6, 5e6, False),
            ]
        ),
        "1×10⁶ to 5×10⁶ cells/kg (3 studies, by the assumed mass)",
    ),
    (
        "four studies with one at each end: the ends named with host and route, the rest's span after",
        _span_part(
            [
                (8, "rat", "IV", 2e6, 3e6, False),
                (1, "mouse", "IP", 1e6, 1e6, False),
                (9, "rabbit", "IV", 4e7, 4e7, False),
                (3, "rat", "IV", 5e6, 6e6, False),
            ]
        ),
        "1×10⁶ (ref 1, mouse, IP) to 4×10⁷ cells/kg (ref 9, rabbit, IV; the other 2 span 2×10⁶ to 6×10⁶) "
        "(4 studies, by the assumed mass)",
    ),
    (
        "two studies at the low end: the ends are not named",
        _span_part(
            [
                (8, "rat", "IV", 1e6, 3e6, False),
                (1, "mouse", "IP", 1e6, 1e6, False),
                (9, "rabbit", "IV", 4e7, 4e7, False),
                (3, "rat", "IV", 5e6, 6e6, False),
            ]
        ),
        "1×10⁶ to 4×10⁷ cells/kg (4 studies, by the assumed mass)",
    ),
    (
        "two studies at the high end: the ends are not named",
        _span_part(
            [
                (8, "rat", "IV", 2e6, 4e7, False),
                (1, "mouse", "IP", 1e6, 1e6, False),
                (9, "rabbit", "IV", 4e7, 4e7, False),
                (3, "rat", "IV", 5e6, 6e6, False),
            ]
        ),
        "1×10⁶ to 4×10⁷ cells/kg (4 studies, by the assumed mass)",
    ),
    (
        "exosome mimetics among them are named",
        _span_part([(4, "mouse", "IV", 10, 20, True), (2, "mouse", "IV", 30, 30, True), (5, "rat", "IP", 40, 40, 0)]),
        "10 to 40 cells/kg (3 studies, by the assumed mass; 2 of them, refs 2, 4, exosome mimetics, not secreted "
        "exosomes)",
    ),
]


@pytest.mark.parametrize("rule, part, text", SPANS, ids=[s[0] for s in SPANS])
def test_span(rule, part, text):
    """_span: a per-kg range, its ends named with host and route when each is one study of four or more."""
    assert narrative._span(part, "cells/kg", "by the assumed mass") == text, rule


def test_span_without_a_mimetic_column():
    """No mimetic column: no mimetic is said."""
    part = pd.DataFrame({"ref": [1], "dose_per_kg_low": [5.0], "dose_per_kg_high": [5.0]})
    assert (
        narrative._span(part, "µg/kg", "printed per kg by the study")
        == "5 µg/kg (1 study, printed per kg by the study)"
    )


# ------------------------------------------------------------------ the pieces of the per-kg sentences

FLAGGED_AMONG = [
    (
        "flagged local rows are named with the count of all flagged",
        pd.DataFrame({"ref": [1, 2, 3, 4], "audit_flag": [True, True, None, False]}),
        pd.DataFrame({"ref": [2, 3], "audit_flag": [True, None]}),
        " In all, 2 of the 4 per-kg values are on rows the audit flags: these and ref 2, counted as local (the first "
        "reason that applies).",
    ),
    (
        "no flagged local row: nothing",
        pd.DataFrame({"ref": [1], "audit_flag": [True]}),
        pd.DataFrame({"ref": [3], "audit_flag": [None]}),
        "",
    ),
    ("no audit column: nothing", pd.DataFrame({"ref": [1]}), pd.DataFrame({"ref": [3]}), ""),
]


@pytest.mark.parametrize("rule, per, local, text", FLAGGED_AMONG, ids=[f[0] for f in FLAGGED_AMONG])
def test_flagged_among(rule, per, local, text):
    """_flagged_among: how many per-kg values are flagged in all, naming the ones counted as local."""
    assert narrative._flagged_among(per, local) == text, rule


LOCAL = [
    (
        "an NA or MI route in a carrier is named, in ref order",
        pd.DataFrame(
            {"ref": [7, 3, 5, 6], "route": ["NA (printed)", "MI", "MI", "OV"], "carrier": [True, True, None, True]}
        ),
        LOCAL_WORDS + ", which, not the printed route code, makes ref 3 (MI) and ref 7 (NA) local",
    ),
    (
        "without a carrier column no route is named",
        pd.DataFrame({"ref": [7], "route": ["NA (printed)"]}),
        LOCAL_WORDS,
    ),
    (
        "a missing route is not NA",
        pd.DataFrame({"ref": [7], "route": [None], "carrier": [True]}),
        LOCAL_WORDS,
    ),
]


@pytest.mark.parametrize("rule, local, text", LOCAL, ids=[x[0] for x in LOCAL])
def test_local_words(rule, local, text):
    """_local_words: where local doses went; a route code that is not a site is named with its carrier."""
    assert narrative._local_words(local) == text, rule


MASS_BIAS = [
    (
        "short-lived hosts are named",
        [28, 10],
        " (Bmi-1-/- mice, ref 10; SAMP8 mice, ref 28; growth-retarded or short-lived)",
    ),
    ("none: no parenthesis", [11], ""),
]


@pytest.mark.parametrize("rule, refs, middle", MASS_BIAS, ids=[m[0] for m in MASS_BIAS])
def test_mass_bias(rule, refs, middle):
    """_mass_bias: the nominal mass can be off either way, with the short-lived hosts."""
    assert narrative._mass_bias(pd.DataFrame({"ref": refs})) == BIAS_HEAD + middle + BIAS_TAIL, rule


MASS_RANGES = [
    ("a mouse: the range its source prints", ["mouse"], [1], _ranges(MOUSE_RANGE)),
    (
        "a rabbit names its refs and the assumed breed; in data/body_mass.csv order",
        ["rabbit", "mouse", "rabbit", "rat"],
        [34, 10, 20, 12],
        _ranges(MOUSE_RANGE, RABBIT_RANGE.replace("ref 34", "refs 20, 34")),
    ),
    ("a rat's source prints no range", ["rat"], [12], ""),
    ("a host without a mass", ["guinea pig"], [1], ""),
]


@pytest.mark.parametrize("rule, hosts, refs, text", MASS_RANGES, ids=[m[0] for m in MASS_RANGES])
def test_mass_ranges(rule, hosts, refs, text):
    """_mass_ranges: how far off a drawn value could be within the adult range the mass's source prints."""
    assert narrative._mass_ranges(pd.DataFrame({"host_species": hosts, "ref": refs})) == text, rule


@pytest.mark.parametrize(
    "override, text",
    [
        # 25 g was used for every mouse: 25/35 = 0.714 and 25/30 = 0.833 of the drawn value, not 32.5/35 to 32.5/30.
        ({"mouse": 25}, _ranges("mouse 30-35 g: 0.71 to 0.83 times the drawn value")),
        # An override of another host leaves the mouse's factors on the file's 32.5 g.
        ({"rat": 300}, _ranges(MOUSE_RANGE)),
    ],
    ids=["mouse-overridden", "other-host-overridden"],
)
def test_mass_ranges_scale_the_mass_the_values_were_computed_with(override, text):
    """_mass_ranges with the body_mass_g parameter: the factors divide the mass actually used by the range's ends.

    Before the fix the factors divided data/body_mass.csv's mass whatever the parameter said, so a run with
    ``body_mass_g={"mouse": 25}`` printed 0.93 to 1.1 under values computed with 25 g.
    """
    assert narrative._mass_ranges(pd.DataFrame({"host_species": ["mouse"], "ref": [1]}), override) == text


def test_mass_ranges_of_nothing_drawn():
    """Nothing drawn: nothing said (the frame need not have columns)."""
    assert narrative._mass_ranges(pd.DataFrame()) == ""


NOT_RESTATED = [
    (
        "all three reasons, the last after 'and'",
        ["injected concentration", "cells, printed for exosomes", "mass as printed"],
        [5, 3, 9],
        " The other 3 amounts are not restated: injected concentrations, cells printed for exosomes and a host "
        "without a sourced mass (refs 3, 5, 9).",
    ),
    (
        "one reason, one amount",
        ["cells, printed for exosomes"],
        [3],
        " The other 1 amount is not restated: cells printed for exosomes (ref 3).",
    ),
    (
        "a kind with no reason of its own is 'other kinds'",
        ["in vitro concentration", "in vitro concentration"],
        [4, 2],
        " The other 2 amounts are not restated: other kinds (refs 2, 4).",
    ),
    (
        "a dose to animals without a mass: the host",
        ["particles"],
        [6],
        " The other 1 amount is not restated: a host without a sourced mass (ref 6).",
    ),
]


@pytest.mark.parametrize("rule, kinds, refs, text", NOT_RESTATED, ids=[n[0] for n in NOT_RESTATED])
def test_not_restated(rule, kinds, refs, text):
    """_not_restated: the amounts with no per-kg value and the reasons that apply."""
    assert narrative._not_restated(pd.DataFrame({"dose_kind": kinds, "ref": refs})) == text, rule


def test_not_restated_of_nothing():
    """Every amount restated: nothing said."""
    assert narrative._not_restated(pd.DataFrame()) == ""


MASSES = [
    (
        "the parameter's masses first, each group in the hosts' order",
        ["mouse", "rat", "rabbit"],
        {"rat": 300, "mouse": 25},
        "mouse 25 g, rat 300 g (parameter body_mass_g); rabbit 4000 g (data/body_mass.csv)",
    ),
    ("no parameter: the file's", ["rat", "mouse"], None, "rat 350 g, mouse 32.5 g (data/body_mass.csv)"),
    ("a host without a mass is left out", ["guinea pig", "mouse"], {}, "mouse 32.5 g (data/body_mass.csv)"),
    ("only parameter masses", ["rat"], {"rat": 280.5}, "rat 280.5 g (parameter body_mass_g)"),
]


@pytest.mark.parametrize("rule, hosts, grams, text", MASSES, ids=[m[0] for m in MASSES])
def test_masses_named(rule, hosts, grams, text):
    """_masses_named: each nominal mass with where it comes from."""
    assert narrative._masses_named(hosts, grams) == text, rule


# ------------------------------------------------------------------ title and key of the per-kg panels

TITLES = [
    (
        "hosts in the order mouse, rat, rabbit; flagged rows said left out when the audit was consulted",
        pd.DataFrame({"host_species": ["rabbit", "mouse", None, "mouse"], "audit_flag": False}),
        None,
        "Doses per kg of body mass: 4 systemic (IV or IP) doses on rows the audit does not flag; printed dose ÷ "
        "nominal adult mass, mouse 32.5 g, rabbit 4000 g (data/body_mass.csv): an assumption, not the studies' "
        "animals; doses printed per kg kept as printed",
    ),
    (
        "one dose, audit not consulted, a parameter mass",
        pd.DataFrame({"host_species": ["mouse"]}),
        {"mouse": 25},
        "Doses per kg of body mass: 1 systemic (IV or IP) dose (audit flags not consulted); printed dose ÷ nominal "
        "adult mass, mouse 25 g (parameter body_mass_g): an assumption, not the studies' animals; doses printed per "
        "kg kept as printed",
    ),
    (
        "an unknown host sorts after the rabbit, by name",
        pd.DataFrame({"host_species": ["zebu", "rabbit", "rat", "aurochs"], "audit_flag": True}),
        {"zebu": 500, "aurochs": 900},
        "Doses per kg of body mass: 4 systemic (IV or IP) doses on rows the audit does not flag; printed dose ÷ "
        "nominal adult mass, aurochs 900 g, zebu 500 g (parameter body_mass_g); rat 350 g, rabbit 4000 g "
        "(data/body_mass.csv): an assumption, not the studies' animals; doses printed per kg kept as printed",
    ),
    (
        "nothing drawn",
        pd.DataFrame({"host_species": [], "audit_flag": []}),
        None,
        "Doses per kg of body mass: no systemic (IV or IP) dose on rows the audit does not flag in this selection",
    ),
    (
        "nothing drawn, audit not consulted",
        pd.DataFrame({"host_species": []}),
        None,
        "Doses per kg of body mass: no systemic (IV or IP) dose (audit flags not consulted) in this selection",
    ),
]


@pytest.mark.parametrize("rule, drawn, grams, title", TITLES, ids=[t[0] for t in TITLES])
def test_dosing_per_kg_title(rule, drawn, grams, title):
    """dosing_per_kg_title: how many doses, which, and the mass they are divided by."""
    assert narrative.dosing_per_kg_title(drawn, grams) == title, rule


KEY_LEAD = (
    "each on the row of its route (systemic here: IV or IP, not into a target organ nor in a scaffold or "
    "hydrogel; IP cells may largely stay in the peritoneal cavity, so IP and IV cells per kg are not like for like)"
)
KEY_TAIL = " The dosing schedule is not reported in the review: each value is per administration."


def _drawn(rows):
    return pd.DataFrame(rows, columns=["ref", "host_species", "route", "audit_flag"])


def test_dosing_per_kg_key_names_every_reason_a_dose_is_not_drawn():
    """Local, flagged, not an amount, no mass; flagged rows counted over all when some are named elsewhere.

    Drawn: refs 10 (mouse IP), 34 (rabbit IV), 12 (rat IV). Left: 58 and 24 local (24 NA in a hydrogel, also
    flagged), 19 flagged, 50 not an amount, 70 no mass. 8 in all, 2 flagged (19, 24).
    """
    drawn = _drawn([(10, "mouse", "IP", False), (34, "rabbit", "IV", False), (12, "rat", "IV", None)])
    left = pd.DataFrame(
        {
            "ref": [58, 24, 19, 50, 70],
            "host_species": ["mouse", "mouse", "rat", "rat", "guinea pig"],
            "route": ["ICV", "NA (printed)", "IV", "IV", "IP"],
            "carrier": [False, True, False, False, False],
            "audit_flag": [False, True, True, None, False],
            "audit_flagged_by": ["", "A3", "W4", "", ""],
            "dose_per_kg_high": [1e4, 1e7, 9.9e9, NAN, NAN],
            "dose_per_kg_unit": ["µg/kg", "cells/kg", "cells/kg", NAN, NAN],
            "per_kg_left": ["local", "local", "flagged", "not an amount", "no mass"],
        }
    )
    assert narrative.dosing_per_kg_key(drawn, left) == (
        f"Per kg (bottom panels): 3 of the 8 amounts given to or injected into animals are drawn, {KEY_LEAD}; not "
        f"drawn: 2 given locally ({LOCAL_WORDS}, which, not the printed route code, makes ref 24 (NA) local; refs "
        "24, 58): per kg of whole body says little about a dose at one site; 1 more, systemic but on rows the audit "
        "flags (ref 19 9.9×10⁹ cells/kg (W4); kept as printed); 1 not an amount per animal (an injected "
        "concentration without a volume, or cells printed for an exosome product; ref 50); 1 with no sourced body "
        "mass for the host (ref 70). Of the 8, 2 are on rows the audit flags (refs 19, 24); each amount is named "
        "once, under the first reason that applies (not an amount, local, flagged). "
        + BIAS_HEAD
        + " (Bmi-1-/- mice, ref 10; growth-retarded or short-lived)"
        + BIAS_TAIL
        + _ranges(MOUSE_RANGE, RABBIT_RANGE)
        + KEY_TAIL
    )


def test_dosing_per_kg_key_flagged_only_where_named():
    """Every flagged dose is already named as flagged: no 'Of the n' sentence; only IV/IP draws get ranges."""
    drawn = _drawn([(12, "rat", "IV", False), (80, "mouse", "SC", False)])
    left = pd.DataFrame(
        {
            "ref": [19, 21],
            "host_species": ["rat", "rat"],
            "route": ["IV", "IP"],
            "audit_flag": [True, True],
            "audit_flagged_by": ["W4", "R1;W6"],
            "dose_per_kg_high": [9.9e9, 430.4],
            "dose_per_kg_unit": ["cells/kg", "µg/kg"],
            "per_kg_left": ["flagged", "flagged"],
        }
    )
    assert narrative.dosing_per_kg_key(drawn, left) == (
        f"Per kg (bottom panels): 2 of the 4 amounts given to or injected into animals are drawn, {KEY_LEAD}; not "
        "drawn: 2 more, systemic but on rows the audit flags (ref 19 9.9×10⁹ cells/kg (W4), ref 21 430 µg/kg (R1, "
        "W6); kept as printed). " + BIAS_HEAD + BIAS_TAIL + KEY_TAIL
    )


def test_dosing_per_kg_key_one_flagged_amount_is_named_in_the_singular():
    """One flagged amount, and it is local (ref 24, NA in a hydrogel, A3): it is named under local, and the count
    of flagged rows over all 3 says 'is'. Drawn: refs 12 (rat IV) and 80 (mouse SC), as in the test above."""
    drawn = _drawn([(12, "rat", "IV", False), (80, "mouse", "SC", False)])
    left = pd.DataFrame(
        {
            "ref": [24],
            "host_species": ["mouse"],
            "route": ["NA (printed)"],
            "carrier": [True],
            "audit_flag": [True],
            "audit_flagged_by": ["A3"],
            "dose_per_kg_high": [1e7],
            "dose_per_kg_unit": ["cells/kg"],
            "per_kg_left": ["local"],
        }
    )
    assert narrative.dosing_per_kg_key(drawn, left) == (
        f"Per kg (bottom panels): 2 of the 3 amounts given to or injected into animals are drawn, {KEY_LEAD}; not "
        f"drawn: 1 given locally ({LOCAL_WORDS}, which, not the printed route code, makes ref 24 (NA) local; ref "
        "24): per kg of whole body says little about a dose at one site. Of the 3, 1 is on rows the audit flags "
        "(ref 24); each amount is named once, under the first reason that applies (not an amount, local, flagged). "
        + BIAS_HEAD
        + BIAS_TAIL
        + KEY_TAIL
    )


def test_dosing_per_kg_key_all_drawn_without_audit_or_route():
    """Nothing left out, no audit or route columns: every draw counts for the ranges; no 'not drawn'."""
    drawn = pd.DataFrame({"ref": [34, 28], "host_species": ["rabbit", "mouse"]})
    assert narrative.dosing_per_kg_key(drawn, pd.DataFrame()) == (
        f"Per kg (bottom panels): 2 of the 2 amounts given to or injected into animals are drawn, {KEY_LEAD}. "
        + BIAS_HEAD
        + " (SAMP8 mice, ref 28; growth-retarded or short-lived)"
        + BIAS_TAIL
        + _ranges(MOUSE_RANGE, RABBIT_RANGE)
        + KEY_TAIL
    )


def test_dosing_per_kg_key_scales_an_overridden_mass():
    """The key's adult-range factors use the body_mass_g parameter the drawn values were computed with."""
    drawn = pd.DataFrame({"ref": [11], "host_species": ["mouse"]})
    # 25 g over the source's 30-35 g: 25/35 = 0.71 to 25/30 = 0.83.
    assert narrative.dosing_per_kg_key(drawn, pd.DataFrame(), body_mass_g={"mouse": 25}) == (
        f"Per kg (bottom panels): 1 of the 1 amounts given to or injected into animals is drawn, {KEY_LEAD}. "
        + BIAS_HEAD
        + BIAS_TAIL
        + _ranges("mouse 30-35 g: 0.71 to 0.83 times the drawn value")
        + KEY_TAIL
    )


def test_dosing_per_kg_key_of_nothing():
    """No amount given to animals: no key."""
    assert narrative.dosing_per_kg_key(_drawn([]), pd.DataFrame()) == ""


def test_notice_per_kg_orders_hosts_mouse_rat_rabbit_then_by_name_and_reads_missing_flags_as_false():
    """Hosts are named mouse, rat, rabbit, then any other by name, within each source of the mass; a missing
    (NaN) systemic, flag or mimetic value is read as false, and a missing basis as not printed per kg.

    The parameter gives the rabbit (4000 g, as the file) and an aardvark (100 g); the file the mouse and rat.
    """
    rows = [
        (1, "in vivo", "rat", "IV", "cells", "cells/kg", ASSUMED, 2e6, 2e6, True, NAN, "", False, NAN),
        (2, "in vivo", "aardvark", "IV", "cells", "cells/kg", NAN, 3e6, 3e6, True, False, "", False, False),
        (3, "in vivo", "rabbit", "IV", "cells", "cells/kg", ASSUMED, 4e6, 4e6, NAN, False, "", False, False),
        (4, "in vivo", "mouse", "IV", "cells", "cells/kg", ASSUMED, 5e6, 5e6, True, False, "", False, False),
    ]
    out = narrative._notice_per_kg(_doses(rows), {"rabbit": 4000, "aardvark": 100})
    assert out[0] == (
        "Per kg of body mass: 4 of the 4 amounts given to or injected into animals have a per-kg value in the table "
        "below (4 computed from the assumed mass, rabbit 4000 g, aardvark 100 g from the parameter body_mass_g, "
        "mouse 32.5 g, rat 350 g from data/body_mass.csv, a sex-pooled adult outbred mass, an assumption, not the "
        "studies' animals, whose mass the review does not report; 0 printed per kg by the study). Of them, 3 "
        "systemic doses (IV or IP) not flagged by the audit are drawn and span 2×10⁶ to 5×10⁶ cells/kg (3 studies, "
        "by the assumed mass); µg is mass as printed, protein not stated."
    )
    assert out[1] == (
        f"1 is given locally ({LOCAL_WORDS}) and left out of the ranges, because per kg of whole body says little "
        "about a dose at one site: ref 3."
    )
