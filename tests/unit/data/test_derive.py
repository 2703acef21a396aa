"""Tests for ``helpers.data.derive``: every printed form in ``data/`` has a case.

The case tables below list each distinct printed cell of the columns the
parsers read; ``test_every_printed_form_has_a_case`` fails when ``data/``
gains a form no case covers, so a new spelling cannot slip through
untested.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.derive import (
    DISEASE_CODES,
    FIELDS,
    TISSUE_CODES,
    Derived,
    Dose,
    derive,
    disease_code,
    dose,
    follow_up_days,
    host_species,
    legend_codes,
    legend_route_codes,
    modality,
    msc_sources,
    nct_id,
    phase,
    route_defined,
    routes,
    setting,
    size_nm,
    split_route_dosage,
)
from tests.conftest import ROOT

DATA = ROOT / "data"
TABLES = ("msc_studies", "exosome_studies", "clinical_trials")
INT_COLUMNS = ("row", "ref", "enrollment")


def load(name: str) -> pd.DataFrame:
    """Load one CSV of ``data/`` with the project's dtype rules."""
    df = pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)
    for column in INT_COLUMNS:
        if column in df.columns:
            df[column] = df[column].astype(int)
    return df


@pytest.fixture(scope="module")
def legends() -> pd.DataFrame:
    return load("abbreviations")


@pytest.fixture(scope="module")
def derived(legends) -> dict[str, pd.DataFrame]:
    return {name: derive(name, load(name), legends) for name in TABLES}


# --- Derived -------------------------------------------------------------------


def test_derived_parsed_and_missing():
    assert not Derived("POF").missing
    assert Derived(None, "no dose printed").missing
    assert Derived(0.0).value == 0.0 and not Derived(0.0).missing


@pytest.mark.parametrize("value, reason", [(None, ""), ("POF", "a reason")])
def test_derived_rejects_inconsistent_pairs(value, reason):
    with pytest.raises(ValueError):
        Derived(value, reason)


def test_derived_is_frozen():
    with pytest.raises(AttributeError):
        Derived("POF").value = "AD"


# --- disease -------------------------------------------------------------------

DISEASE_CASES = [
    ("weakness", "WEAK"),
    ("POF", "POF"),
    ("AD", "AD"),
    ("AS", "AS"),
    ("OP", "OP"),
    ("Aging skin", "SKIN"),
    ("Skin aging", "SKIN"),
]


@pytest.mark.parametrize("text, code", DISEASE_CASES)
def test_disease_code(text, code):
    assert disease_code(text) == Derived(code)
    assert code in DISEASE_CODES


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "no disease printed"),
        ("Osteoarthritis", "disease 'Osteoarthritis' is not a known disease code"),
    ],
)
def test_disease_code_missing(text, reason):
    assert disease_code(text) == Derived(None, reason)


def test_disease_labels():
    assert DISEASE_CODES["POF"] == "Premature ovarian failure"
    assert DISEASE_CODES["SKIN"] == "Skin aging"
    assert DISEASE_CODES["WEAK"] == "Premature aging (weakness)"


# --- MSC sources -------------------------------------------------------------------

NO_PREFIX = None  # donor species missing: "no species prefix printed"

SOURCE_CASES_T12 = [
    ("mAM-MSC", [("AM", "mouse")]),
    ("hUC-MSC", [("UC", "human")]),
    ("rBM-MSC", [("BM", "rat")]),
    ("hUCMSC/ hAD-MSC", [("UC", "human"), ("AD", "human")]),
    ("hBM-MSC", [("BM", "human")]),
    ("mAD-MSC", [("AD", "mouse")]),
    ("hAD-MSC", [("AD", "human")]),
    ("rAD-MSC", [("AD", "rat")]),
    ("Rabbit AD-MSC", [("AD", "rabbit")]),
    ("hAM-MSC", [("AM", "human")]),
    ("mBM-MSC", [("BM", "mouse")]),
    ("hDP-MSC", [("DP", "human")]),
]

SOURCE_CASES_T3 = [
    ("UC-MSC", [("UC", NO_PREFIX)]),
    ("BM-MSCs", [("BM", NO_PREFIX)]),
    ("BM-MSC", [("BM", NO_PREFIX)]),
    ("AD-MSC", [("AD", NO_PREFIX)]),
    ("BMMSC-Exos", [("BM", NO_PREFIX)]),
    ("UCB-MSC", [("UCB", NO_PREFIX)]),
    ("UCMSCs", [("UC", NO_PREFIX)]),
    ("ADMSCs-Exos", [("AD", NO_PREFIX)]),
    ("UCMSC-Exos", [("UC", NO_PREFIX)]),
    ("UCB-MSC-Exos", [("UCB", NO_PREFIX)]),
]

SOURCE_CASES = SOURCE_CASES_T12 + SOURCE_CASES_T3


@pytest.mark.parametrize("text, expected", SOURCE_CASES)
def test_msc_sources(text, expected):
    sources = msc_sources(text)
    assert [s.tissue.value for s in sources] == [tissue for tissue, _ in expected]
    for source, (tissue, species) in zip(sources, expected):
        assert tissue in TISSUE_CODES
        if species is NO_PREFIX:
            assert source.donor_species == Derived(None, "no species prefix printed")
        else:
            assert source.donor_species == Derived(species)


def test_msc_sources_ucb_is_not_uc():
    assert msc_sources("UCB-MSC")[0].tissue.value == "UCB"
    assert msc_sources("hUCB-MSC")[0].tissue.value == "UCB"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "no MSC source printed"),
        ("iPSC", "MSC source 'iPSC' is not a recognised tissue/species form"),
    ],
)
def test_msc_sources_missing(text, reason):
    (source,) = msc_sources(text)
    assert source.tissue == Derived(None, reason)
    assert source.donor_species == Derived(None, reason)


# --- modality ----------------------------------------------------------------------

MODALITY_CASES = [
    ("msc_studies", "", "cells"),
    ("exosome_studies", "", "exosomes"),
    *[("clinical_trials", text, "exosomes" if "Exos" in text else "cells") for text, _ in SOURCE_CASES_T3],
    ("clinical_trials", "UC-MSC-EVs", "exosomes"),
]


@pytest.mark.parametrize("table, msc_type, expected", MODALITY_CASES)
def test_modality(table, msc_type, expected):
    assert modality(table, msc_type) == Derived(expected)


def test_modality_exos_forms_read_as_exosomes():
    # Guard the comprehension above: these four are the printed Exos forms.
    for text in ("BMMSC-Exos", "ADMSCs-Exos", "UCMSC-Exos", "UCB-MSC-Exos"):
        assert modality("clinical_trials", text) == Derived("exosomes")


def test_modality_missing_and_unknown_table():
    assert modality("clinical_trials", "") == Derived(None, "no MSC type printed")
    with pytest.raises(ValueError):
        modality("table9")


# --- host species ------------------------------------------------------------------

ANIMAL_CASES = [
    ("Bmi-1⁻/⁻ mouse model", "mouse"),
    ("CDDP induced POF rat model", "rat"),
    ("Y Radiation-induced POF rat model", "rat"),
    ("CTX induced POF rat model", "rat"),
    ("ZP3 induced POF mouse model", "mouse"),
    ("Naturally aged mice / CTX induced POF mouse model", "mouse"),
    ("Naturally aged mouse model", "mouse"),
    ("CTX induced POF mouse model", "mouse"),
    ("VCD induced POF mouse model/ Naturally aged mouse model", "mouse"),
    ("CTX-induced POF rat model", "rat"),
    ("Naturally aged mice", "mouse"),
    ("5XFAD mice", "mouse"),
    ("SAMP8 mice", "mouse"),
    ("AIC3 induced rat model", "rat"),
    ("APP/PS1 transgenic AD mouse model", "mouse"),
    ("Intrahippocampal infusion of Aβ induces AD in a rat model", "rat"),
    ("high-fat diet constructed AS rabbit model", "rabbit"),
    ("high-fat diet constructed AS rat model", "rat"),
    ("D-gal induces transgenic FVB mouse model", "mouse"),
    ("high-fat diet-induced as mouse model", "mouse"),
    ("OVX induced OP mouse model", "mouse"),
    ("OVX induced OP rat model", "rat"),
    ("Skin aging model of nude mice", "mouse"),
    ("CDDP induced POF mouse model", "mouse"),
    ("APP/PS1 transgenic mouse model", "mouse"),
    ("APP/PS1 Transgenic mouse model", "mouse"),
    ("3xTg-AD mouse model", "mouse"),
    ("STZ induced AD mouse model", "mouse"),
    ("High-fat diet Apo⁻/⁻ mouse model", "mouse"),
    ("High-fat diet ApoE⁻/⁻ mouse model", "mouse"),
    ("STZ induced OP rat model", "rat"),
    ("proteoglycan induced OP mouse model", "mouse"),
    ("Surgically establish bone defects in rats", "rat"),
    # "radiation" must not be read as "rat"; the word "rat" here is real.
    ("UV radiation-induced photodamage rat model", "rat"),
]

ANIMAL_MISSING = [
    ("", "no animal model printed"),
    ("Aged mice / CTX induced POF rat model", "animal model names more than one species: mouse, rat"),
    ("Y radiation-induced model", "animal model 'Y radiation-induced model' names no host species"),
]


@pytest.mark.parametrize("text, species", ANIMAL_CASES)
def test_host_species(text, species):
    assert host_species(text) == Derived(species)


@pytest.mark.parametrize("text, reason", ANIMAL_MISSING)
def test_host_species_missing(text, reason):
    assert host_species(text) == Derived(None, reason)


# --- route -----------------------------------------------------------------------

NA_ROUTE = "route printed as NA (legend: Not Applicable): a route applied, but it is not reported in the review"

# Printed route cell -> route codes, or the missing reason.
ROUTE_CASES = [
    # Tables 1-2 "Route Dosage/cells"
    ("IP 1 × 10⁷", ("IP",)),
    ("IV", ("IV",)),
    ("IV 2 × 10⁶", ("IV",)),
    ("IV 1 × 10⁶", ("IV",)),
    ("OV 1 × 10⁶", ("OV",)),
    ("OV 3.5 × 10⁵", ("OV",)),
    ("OV 5 × 10⁵", ("OV",)),
    ("OV 1 × 10⁵", ("OV",)),
    ("Back sides 1 × 10⁷", ("BACK_SIDES",)),
    ("MI 5 × 10⁶", ("MI",)),
    ("coculture", ("COCULTURE",)),
    ("IP 5 × 10⁶", ("IP",)),
    ("hippocampus", ("HIPPOCAMPUS",)),
    ("IV 6 × 10⁶", ("IV",)),
    ("IV 5 × 10⁶", ("IV",)),
    ("NA 2 × 10⁷", NA_ROUTE),
    ("IV 5 × 10⁵", ("IV",)),
    ("SC 2 × 10⁶", ("SC",)),
    ("Coculture", ("COCULTURE",)),
    ("NA", NA_ROUTE),
    ("IP 150 µg", ("IP",)),
    ("IV 125 µg", ("IV",)),
    ("OV 2×10⁶ cells", ("OV",)),
    ("IV 50 µg", ("IV",)),
    ("coculture 0.4 µg/ml", ("COCULTURE",)),
    ("Hippocampus 50 µg", ("HIPPOCAMPUS",)),
    ("ICV 1×10⁹ particles", ("ICV",)),
    ("IN 30 µg", ("IN",)),
    ("ICV 0.5 µg", ("ICV",)),
    ("IV 0.5 mg/mL", ("IV",)),
    ("IV 80 µg/mL", ("IV",)),
    ("IV 100 mg", ("IV",)),
    ("IV 150 µg", ("IV",)),
    ("IV 1.6 mg/kg", ("IV",)),
    ("Iv 1.6 mg/kg", ("IV",)),
    ("coculture 50 µg/ml", ("COCULTURE",)),
    ("IV NA", ("IV",)),
    ("IV 10 mg/kg", ("IV",)),
    ("Femur 150 µg", ("FEMUR",)),
    ("Coculture 250 µg/mL", ("COCULTURE",)),
    ("SC 200, 400 and 600 µg", ("SC",)),
    # Table 3 "Migration method"
    ("OV", ("OV",)),
    ("ICV", ("ICV",)),
    ("IN", ("IN",)),
    ("Superficial injection", ("SUPERFICIAL",)),
    # Not printed today: several routes in one cell.
    ("IV/IP", ("IV", "IP")),
    ("IV / IP 1 × 10⁶", ("IV", "IP")),
    ("IM and SC 5 µg", ("IM", "SC")),
]

ROUTE_MISSING = [
    ("", "no route printed"),
    ("5 × 10⁶", "no route printed"),
    ("Tail vein 1 × 10⁶", "route 'Tail vein' is not a route code in any legend"),
    ("IV/Tail vein", "route 'Tail vein' is not a route code in any legend"),
]


@pytest.mark.parametrize("text, expected", ROUTE_CASES)
def test_routes(text, expected, legends):
    result = routes(text, legend_route_codes(legends))
    if isinstance(expected, tuple):
        assert result == Derived(expected)
    else:
        assert result == Derived(None, expected)


@pytest.mark.parametrize("text, reason", ROUTE_MISSING)
def test_routes_missing(text, reason):
    assert routes(text) == Derived(None, reason)


def test_routes_accepts_a_route_a_legend_defines():
    assert routes("IA 1 × 10⁶") == Derived(None, "route 'IA' is not a route code in any legend")
    assert routes("IA 1 × 10⁶", {"IA"}) == Derived(("IA",))


def test_legend_route_codes(legends):
    codes = legend_route_codes(legends)
    assert {"IV", "IP", "OV", "SC", "IM", "ICV", "IN"} <= codes
    # Not a route: defined as something else, or defined nowhere.
    assert not {"AD", "NA", "MI", "CTX"} & codes


@pytest.mark.parametrize(
    "text, parts",
    [
        ("IV 1 × 10⁶", ("IV", "1 × 10⁶")),
        ("IV NA", ("IV", "NA")),
        ("NA 2 × 10⁷", ("NA", "2 × 10⁷")),
        ("NA", ("NA", "NA")),
        ("coculture", ("coculture", "")),
        ("Back sides 1 × 10⁷", ("Back sides", "1 × 10⁷")),
        ("SC 200, 400 and 600 µg", ("SC", "200, 400 and 600 µg")),
        ("150 µg", ("", "150 µg")),
        ("", ("", "")),
    ],
)
def test_split_route_dosage(text, parts):
    assert split_route_dosage(text) == parts


@pytest.mark.parametrize(
    "code, legend, defined",
    [
        ("IV", "table1", True),
        ("OV", "table1", True),
        ("IP", "table1", True),
        ("SC", "table1", True),
        ("MI", "table1", False),  # printed in Table 1, defined in no legend
        ("ICV", "table1", False),  # defined in Tables 2-3 only
        ("ICV", "table2", True),
        ("IN", "table2", True),
        ("IN", "table3", True),
        ("IP", "table3", False),
        ("COCULTURE", "table1", True),  # spelled out: needs no legend
        ("BACK_SIDES", "table1", True),
        ("FEMUR", "table2", True),
        ("SUPERFICIAL", "table3", True),
    ],
)
def test_route_defined(code, legend, defined, legends):
    assert route_defined(code, legend_codes(legends, legend)) is defined


def test_mi_is_in_no_legend(legends):
    assert "MI" not in set(legends["abbreviation"])


# --- dose ----------------------------------------------------------------------

DOSE_NONE = "no dose printed"
DOSE_NA = "dose printed as NA"

# (printed cell, default unit, expected Dose or reason). Table 1 cells use
# the "cells" default of its "Dosage/cells" header; Table 2 cells use none.
DOSE_CASES = [
    ("IP 1 × 10⁷", "cells", Dose(1e7, 1e7, "cells", 1)),
    ("IV", "cells", DOSE_NONE),
    ("IV 2 × 10⁶", "cells", Dose(2e6, 2e6, "cells", 1)),
    ("IV 1 × 10⁶", "cells", Dose(1e6, 1e6, "cells", 1)),
    ("OV 1 × 10⁶", "cells", Dose(1e6, 1e6, "cells", 1)),
    ("OV 3.5 × 10⁵", "cells", Dose(3.5e5, 3.5e5, "cells", 1)),
    ("OV 5 × 10⁵", "cells", Dose(5e5, 5e5, "cells", 1)),
    ("OV 1 × 10⁵", "cells", Dose(1e5, 1e5, "cells", 1)),
    ("Back sides 1 × 10⁷", "cells", Dose(1e7, 1e7, "cells", 1)),
    ("MI 5 × 10⁶", "cells", Dose(5e6, 5e6, "cells", 1)),
    ("coculture", "cells", DOSE_NONE),
    ("IP 5 × 10⁶", "cells", Dose(5e6, 5e6, "cells", 1)),
    ("hippocampus", "cells", DOSE_NONE),
    ("IV 6 × 10⁶", "cells", Dose(6e6, 6e6, "cells", 1)),
    ("IV 5 × 10⁶", "cells", Dose(5e6, 5e6, "cells", 1)),
    ("NA 2 × 10⁷", "cells", Dose(2e7, 2e7, "cells", 1)),
    ("IV 5 × 10⁵", "cells", Dose(5e5, 5e5, "cells", 1)),
    ("SC 2 × 10⁶", "cells", Dose(2e6, 2e6, "cells", 1)),
    ("Coculture", "cells", DOSE_NONE),
    ("NA", None, DOSE_NA),
    ("IP 150 µg", None, Dose(150.0, 150.0, "µg", 1)),
    ("IV 125 µg", None, Dose(125.0, 125.0, "µg", 1)),
    ("OV 2×10⁶ cells", None, Dose(2e6, 2e6, "cells", 1)),
    ("IV 50 µg", None, Dose(50.0, 50.0, "µg", 1)),
    ("coculture 0.4 µg/ml", None, Dose(0.4, 0.4, "µg/mL", 1)),
    ("Hippocampus 50 µg", None, Dose(50.0, 50.0, "µg", 1)),
    ("ICV 1×10⁹ particles", None, Dose(1e9, 1e9, "particles", 1)),
    ("IN 30 µg", None, Dose(30.0, 30.0, "µg", 1)),
    ("ICV 0.5 µg", None, Dose(0.5, 0.5, "µg", 1)),
    ("IV 0.5 mg/mL", None, Dose(0.5, 0.5, "mg/mL", 1)),
    ("IV 80 µg/mL", None, Dose(80.0, 80.0, "µg/mL", 1)),
    ("IV 100 mg", None, Dose(100.0, 100.0, "mg", 1)),
    ("IV 150 µg", None, Dose(150.0, 150.0, "µg", 1)),
    ("IV 1.6 mg/kg", None, Dose(1.6, 1.6, "mg/kg", 1)),
    ("Iv 1.6 mg/kg", None, Dose(1.6, 1.6, "mg/kg", 1)),
    ("coculture 50 µg/ml", None, Dose(50.0, 50.0, "µg/mL", 1)),
    ("IV NA", None, DOSE_NA),
    ("IV 10 mg/kg", None, Dose(10.0, 10.0, "mg/kg", 1)),
    ("Femur 150 µg", None, Dose(150.0, 150.0, "µg", 1)),
    ("Coculture 250 µg/mL", None, Dose(250.0, 250.0, "µg/mL", 1)),
    ("SC 200, 400 and 600 µg", None, Dose(200.0, 600.0, "µg", 3)),
    # Not printed today: other spellings the parser accepts.
    ("IV 2 x 10^6 cells", None, Dose(2e6, 2e6, "cells", 1)),
    ("IV 5 μg/ml", None, Dose(5.0, 5.0, "µg/mL", 1)),  # Greek mu
    ("IV 1 × 10⁶, 2 × 10⁶ and 5 × 10⁶", "cells", Dose(1e6, 5e6, "cells", 3)),
]

DOSE_MISSING = [
    ("IV 1 × 10⁶", None, "dose '1 × 10⁶' printed without a unit"),
    ("IV 5 furlongs", None, "dose unit 'furlongs' is not recognised"),
    ("IV 1–2 × 10⁶", "cells", "dose '1–2 × 10⁶' is not in a recognised form"),
    ("", "cells", DOSE_NONE),
]


@pytest.mark.parametrize("text, default_unit, expected", DOSE_CASES)
def test_dose(text, default_unit, expected):
    result = dose(text, default_unit)
    if isinstance(expected, Dose):
        assert not result.missing
        assert result.value.unit == expected.unit
        assert result.value.low == pytest.approx(expected.low)
        assert result.value.high == pytest.approx(expected.high)
        assert result.value.n_arms == expected.n_arms
    else:
        assert result == Derived(None, expected)


@pytest.mark.parametrize("text, default_unit, reason", DOSE_MISSING)
def test_dose_missing(text, default_unit, reason):
    assert dose(text, default_unit) == Derived(None, reason)


def test_dose_superscript_exponent_is_exact():
    assert dose("OV 3.5 × 10⁵", "cells").value.low == 350000.0
    assert dose("ICV 1×10⁹ particles").value == Dose(1e9, 1e9, "particles", 1)


def test_dose_explicit_unit_beats_default():
    assert dose("OV 2×10⁶ cells", "particles").value.unit == "cells"


# --- follow-up -------------------------------------------------------------------

FOLLOW_UP_CASES = [
    ("21 days", 21.0),
    ("2 weeks", 14.0),
    ("1 week", 7.0),
    ("28 days", 28.0),
    ("3 Weeks", 21.0),
    ("4 weeks", 28.0),
    ("14 days", 14.0),
    ("1 year", 365.0),
    ("8 weeks", 56.0),
    ("1 month", 30.0),
    ("28 Days", 28.0),
    ("2 months", 60.0),
    ("3 months", 90.0),
    ("3 weeks", 21.0),
    ("10 weeks", 70.0),
    ("56 days", 56.0),
    ("72 h", 3.0),
    ("16 weeks", 112.0),
    ("24 h", 1.0),
    ("5 days", 5.0),
    ("12 weeks", 84.0),
    ("30 days", 30.0),
    ("6 weeks", 42.0),
    ("3 days", 3.0),
    ("48 h", 2.0),
    ("4 h", 4 / 24),
]


@pytest.mark.parametrize("text, days", FOLLOW_UP_CASES)
def test_follow_up_days(text, days):
    result = follow_up_days(text)
    assert not result.missing
    assert result.value == pytest.approx(days)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "no follow-up printed"),
        ("until death", "follow-up 'until death' is not a number of hours/days/weeks/months/years"),
        ("3 fortnights", "follow-up '3 fortnights' is not a number of hours/days/weeks/months/years"),
    ],
)
def test_follow_up_days_missing(text, reason):
    assert follow_up_days(text) == Derived(None, reason)


# --- setting ---------------------------------------------------------------------

# (animal model, in vitro model, route codes, expected). Together these cover
# every printed combination of (animal model printed?, in vitro model
# printed?, routes), checked by test_every_setting_combination_has_a_case.
SETTING_CASES = [
    ("Bmi-1⁻/⁻ mouse model", "", ("IP",), "in vivo"),
    ("CDDP induced POF rat model", "", ("IV",), "in vivo"),
    ("CDDP induced POF rat model", "TIC", ("IV",), "in vivo + in vitro"),
    ("CTX induced POF mouse model", "GCs", ("IP",), "in vivo + in vitro"),
    ("Naturally aged mice / CTX induced POF mouse model", "GCs", ("OV",), "in vivo + in vitro"),
    ("Naturally aged mouse model", "", ("OV",), "in vivo"),
    ("CTX-induced POF rat model", "", ("BACK_SIDES",), "in vivo"),
    ("Naturally aged mice", "", ("MI",), "in vivo"),
    # Table 1 row 14: an animal model is printed but the MSCs were co-cultured.
    ("5XFAD mice", "Neural stem cell", ("COCULTURE",), "in vitro"),
    ("Intrahippocampal infusion of Aβ induces AD in a rat model", "", ("HIPPOCAMPUS",), "in vivo"),
    ("D-gal induces transgenic FVB mouse model", "", (), "in vivo"),  # route NA
    ("Skin aging model of nude mice", "HDFs", ("SC",), "in vivo + in vitro"),
    ("", "HDFs/ HaCaTs", ("COCULTURE",), "in vitro"),
    ("CDDP induced POF mouse model", "", (), "in vivo"),  # whole cell NA
    ("", "SH-SY5Y", ("COCULTURE",), "in vitro"),
    ("APP/PS1 transgenic mouse model", "", ("IV",), "in vivo"),
    ("APP/PS1 Transgenic mouse model", "SH-SY5Y", ("HIPPOCAMPUS",), "in vivo + in vitro"),
    ("APP/PS1 transgenic AD mouse model", "", ("ICV",), "in vivo"),
    ("3xTg-AD mouse model", "", ("IN",), "in vivo"),
    ("STZ induced OP rat model", "Osteoclast", ("IV",), "in vivo + in vitro"),
    ("Surgically establish bone defects in rats", "", ("FEMUR",), "in vivo"),
    ("UV radiation-induced photodamage rat model", "", ("SC",), "in vivo"),
    # Not printed today.
    ("", "", ("COCULTURE",), "in vitro"),
    ("SAMP8 mice", "", ("IV", "COCULTURE"), "in vivo + in vitro"),
]


@pytest.mark.parametrize("animal, in_vitro, codes, expected", SETTING_CASES)
def test_setting(animal, in_vitro, codes, expected):
    assert setting(animal, in_vitro, codes) == Derived(expected)


@pytest.mark.parametrize("codes", [(), ("IV",)])
def test_setting_missing(codes):
    assert setting("", "", codes) == Derived(None, "neither an animal model nor an in vitro model is printed")


# --- size ------------------------------------------------------------------------

SIZE_CASES = [
    ("30–200 nm", (30.0, 200.0)),
    ("50–100 nm", (50.0, 100.0)),
    ("30–40nm", (30.0, 40.0)),
    ("160 nm", (160.0, 160.0)),
    ("50–120 nm", (50.0, 120.0)),
    ("110 nm", (110.0, 110.0)),
    ("50–150 nm", (50.0, 150.0)),
    ("80–130 nm", (80.0, 130.0)),
    ("200 nm", (200.0, 200.0)),
    ("50 nm", (50.0, 50.0)),
    ("100 nm", (100.0, 100.0)),
    ("163.4 nm", (163.4, 163.4)),
    ("142.5–150.9 nm", (142.5, 150.9)),
    ("40–100 nm", (40.0, 100.0)),
    ("80–200 nm", (80.0, 200.0)),
    ("30–150 nm", (30.0, 150.0)),
    ("120 nm", (120.0, 120.0)),
    ("40–172 nm", (40.0, 172.0)),
    ("141 nm", (141.0, 141.0)),
    ("57.5–317.5 nm", (57.5, 317.5)),
    ("30-200 nm", (30.0, 200.0)),  # hyphen instead of en dash
]


@pytest.mark.parametrize("text, expected", SIZE_CASES)
def test_size_nm(text, expected):
    assert size_nm(text) == Derived(expected)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "no size printed"),
        ("200–30 nm", "size range '200–30 nm' runs backwards"),
        ("about 100", "size 'about 100' is not a size or size range in nm"),
    ],
)
def test_size_nm_missing(text, reason):
    assert size_nm(text) == Derived(None, reason)


# --- phase and NCT number -----------------------------------------------------------

PHASE_CASES = [("1/ 2", "1/2"), ("1", "1"), ("2", "2"), ("1/2", "1/2"), ("Phase 2", "2")]


@pytest.mark.parametrize("text, expected", PHASE_CASES)
def test_phase(text, expected):
    assert phase(text) == Derived(expected)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("A retrospective study", "not a trial phase: 'A retrospective study'"),
        ("", "no phase printed"),
    ],
)
def test_phase_missing(text, reason):
    assert phase(text) == Derived(None, reason)


NCT_CASES = [
    "NCT01742533",
    "NCT02062931",
    "NCT02043743",
    "NCT02696889",
    "NCT06132542",
    "NCT05494723",
    "NCT06202547",
    "NCT02054208",
    "NCT03117738",
    "NCT02672306",
    "NCT02600130",
    "NCT04388982",
    "NCT06607900",
    "NCT02566655",
    "NCT05152381",
    "NCT04501354",
    "NCT05813379",
]


@pytest.mark.parametrize("text", NCT_CASES)
def test_nct_id(text):
    assert nct_id(text) == Derived(text)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("[39]", "a reference number [39] printed instead of an NCT number"),
        ("", "no NCT number printed"),
        ("NCT0174253", "'NCT0174253' is not an NCT number"),
    ],
)
def test_nct_id_missing(text, reason):
    assert nct_id(text) == Derived(None, reason)


# --- coverage of the printed data ---------------------------------------------------


def _case_texts(cases) -> set[str]:
    return {case[0] if isinstance(case, tuple) else case for case in cases}


# (table, printed column, texts the case tables above cover)
COVERAGE = [
    ("msc_studies", "disease", _case_texts(DISEASE_CASES)),
    ("exosome_studies", "disease", _case_texts(DISEASE_CASES)),
    ("clinical_trials", "disease_type", _case_texts(DISEASE_CASES)),
    ("msc_studies", "source", _case_texts(SOURCE_CASES)),
    ("exosome_studies", "source", _case_texts(SOURCE_CASES)),
    ("clinical_trials", "msc_type", _case_texts(SOURCE_CASES)),
    ("clinical_trials", "msc_type", {c[1] for c in MODALITY_CASES}),
    ("msc_studies", "animal_model", _case_texts(ANIMAL_CASES + ANIMAL_MISSING)),
    ("exosome_studies", "animal_model", _case_texts(ANIMAL_CASES + ANIMAL_MISSING)),
    ("msc_studies", "route_dosage", _case_texts(ROUTE_CASES)),
    ("exosome_studies", "route_dosage", _case_texts(ROUTE_CASES)),
    ("clinical_trials", "migration_method", _case_texts(ROUTE_CASES)),
    ("msc_studies", "route_dosage", _case_texts(DOSE_CASES)),
    ("exosome_studies", "route_dosage", _case_texts(DOSE_CASES)),
    ("msc_studies", "follow_up", _case_texts(FOLLOW_UP_CASES) | {""}),
    ("exosome_studies", "follow_up", _case_texts(FOLLOW_UP_CASES) | {""}),
    ("exosome_studies", "size_nm", _case_texts(SIZE_CASES) | {""}),
    ("clinical_trials", "phases", _case_texts(PHASE_CASES) | {"A retrospective study"}),
    ("clinical_trials", "nct_number", set(NCT_CASES) | {"[39]"}),
]


@pytest.mark.parametrize("table, column, covered", COVERAGE, ids=[f"{t}.{c}" for t, c, _ in COVERAGE])
def test_every_printed_form_has_a_case(table, column, covered):
    printed = set(load(table)[column])
    assert printed, "the column is empty: nothing to cover"
    assert printed - covered == set()


@pytest.mark.parametrize("table", ["msc_studies", "exosome_studies"])
def test_every_setting_combination_has_a_case(table, legends):
    """Each printed (animal?, in vitro?, routes) combination has a case."""
    known = legend_route_codes(legends)

    def signature(animal, in_vitro, codes):
        return bool(animal), bool(in_vitro), tuple(codes)

    covered = {signature(a, v, c) for a, v, c, _ in SETTING_CASES}
    printed = set()
    for _, row in load(table).iterrows():
        route = routes(row["route_dosage"], known)
        codes = () if route.missing else route.value
        printed.add(signature(row["animal_model"], row["in_vitro_model"], codes))
    assert printed - covered == set()


# --- derive: the three tables ---------------------------------------------------------


def test_row_counts(derived):
    assert [len(derived[name]) for name in TABLES] == [28, 28, 18]


@pytest.mark.parametrize("table", TABLES)
def test_every_field_parsed_or_explained(table, derived):
    out = derived[table]
    for field in FIELDS[table]:
        reasons = out[f"{field}_missing"]
        missing = out[field].isna()
        # Missing exactly where a reason is given, and every reason is text.
        assert (missing == (reasons != "")).all(), field
        assert not reasons.isna().any(), field


@pytest.mark.parametrize("table", TABLES)
def test_derive_columns_and_dtypes(table, derived):
    out = derived[table]
    ids = ["row"] if table == "clinical_trials" else ["row", "ref"]
    expected = ids + [name for field in FIELDS[table] for name in (field, f"{field}_missing")]
    assert list(out.columns) == expected
    for field in FIELDS[table]:
        assert str(out[f"{field}_missing"].dtype) == "string"
        assert str(out[field].dtype) in {"string", "Float64", "Int64", "boolean"}
    assert str(out["row"].dtype) == "Int64"


def test_derive_dtypes_are_nullable(derived):
    out = derived["exosome_studies"]
    assert str(out["dose_low"].dtype) == "Float64"
    assert str(out["dose_arms"].dtype) == "Int64"
    assert str(out["route_defined"].dtype) == "boolean"
    assert str(out["dose_unit"].dtype) == "string"
    assert out.loc[0, "dose_low"] is pd.NA  # row 1 prints "NA"


def test_derive_is_deterministic_and_leaves_input_alone(legends):
    df = load("exosome_studies")
    before = df.copy()
    first = derive("exosome_studies", df, legends)
    pd.testing.assert_frame_equal(df, before)
    pd.testing.assert_frame_equal(first, derive("exosome_studies", df, legends))


def test_derive_rejects_unknown_table(legends):
    with pytest.raises(ValueError):
        derive("tissue_sources", load("tissue_sources"), legends)


def _row(out: pd.DataFrame, number: int) -> pd.Series:
    (index,) = out.index[out["row"] == number]
    return out.loc[index]


def test_spot_check_table1_row1(derived):
    row = _row(derived["msc_studies"], 1)
    assert row["ref"] == 10
    assert row["disease_code"] == "WEAK"
    assert row["tissue"] == "AM"
    assert row["donor_species"] == "mouse"
    assert row["host_species"] == "mouse"
    assert row["modality"] == "cells"
    assert row["route"] == "IP" and row["route_defined"]
    assert row["dose_low"] == row["dose_high"] == 1e7
    assert row["dose_unit"] == "cells" and row["dose_arms"] == 1
    assert row["follow_up_days"] == 21.0
    assert row["setting"] == "in vivo"


def test_spot_check_table1_odd_rows(derived):
    out = derived["msc_studies"]
    two_sources = _row(out, 8)
    assert (two_sources["tissue"], two_sources["donor_species"]) == ("UC+AD", "human+human")
    mi = _row(out, 13)
    assert mi["route"] == "MI" and not mi["route_defined"]
    na_route = _row(out, 22)
    assert na_route["route"] is pd.NA
    assert (
        na_route["route_missing"]
        == "route printed as NA (legend: Not Applicable): a route applied, but it is not reported in the review"
    )
    assert na_route["dose_low"] == 2e7  # a dose is printed after the NA route
    coculture = _row(out, 14)
    assert coculture["setting"] == "in vitro"
    assert coculture["dose_low_missing"] == "no dose printed"


def test_spot_check_table2_row28(derived):
    row = _row(derived["exosome_studies"], 28)
    assert row["ref"] == 83
    assert row["modality"] == "exosomes"
    assert row["route"] == "SC"
    assert (row["dose_low"], row["dose_high"], row["dose_unit"], row["dose_arms"]) == (200.0, 600.0, "µg", 3)
    assert row["follow_up_days"] == 3.0
    assert (row["size_low_nm"], row["size_high_nm"]) == (40.0, 100.0)
    assert row["host_species"] == "rat"


def test_spot_check_table2_na_cells(derived):
    out = derived["exosome_studies"]
    whole_na = _row(out, 1)
    assert (
        whole_na["route_missing"]
        == "route printed as NA (legend: Not Applicable): a route applied, but it is not reported in the review"
    )
    assert whole_na["dose_low_missing"] == "dose printed as NA"
    iv_na = _row(out, 22)
    assert iv_na["route"] == "IV" and iv_na["dose_unit_missing"] == "dose printed as NA"
    assert _row(out, 20)["route"] == "IV"  # printed "Iv"


def test_spot_check_table3(derived):
    out = derived["clinical_trials"]
    row17 = _row(out, 17)
    assert row17["nct_id"] is pd.NA
    assert row17["nct_id_missing"] == "a reference number [39] printed instead of an NCT number"
    assert row17["phase_missing"] == "not a trial phase: 'A retrospective study'"
    row18 = _row(out, 18)
    assert (row18["tissue"], row18["modality"], row18["route"], row18["phase"]) == (
        "UCB",
        "exosomes",
        "SUPERFICIAL",
        "1/2",
    )
    assert row18["donor_species_missing"] == "no species prefix printed"
    assert _row(out, 1)["phase"] == "1/2"
    assert (out["modality"] == "exosomes").sum() == 4


# --- modified products ---------------------------------------------------------

# Hand-read from the printed Precondition and Effects cells: row -> modification.
MODIFIED_TABLE1 = {
    6: "engineered",
    7: "selected",
    10: "primed+biomaterial",
    11: "primed",  # "MT" in the Precondition column, no word of combination: primed, as the header says
    12: "biomaterial",
    13: "biomaterial",
    17: "primed+co-treatment",  # MG53 "restore the vitality of aging hUC-MSCs ... and combine with hUC-MSCs"
    18: "co-treatment",
    19: "primed",
    22: "biomaterial",
}
MODIFIED_TABLE2 = {
    5: "biomaterial",
    6: "engineered",
    10: "primed",
    11: "primed",
    12: "primed",
    17: "engineered",
    18: "engineered",
    20: "engineered",
    22: "engineered",
    23: "engineered",  # a nanoparticle loaded on the vesicles engineers them, as "GMNP-loaded" in row 24
    24: "engineered",
    25: "biomaterial",
    26: "co-treatment",  # "Utilizing HCOPs to enhance the anti-aging capabilities of hUCMSC-Exos"
    27: "biomaterial",
}


@pytest.mark.parametrize("table, expected", [("msc_studies", MODIFIED_TABLE1), ("exosome_studies", MODIFIED_TABLE2)])
def test_modification_of_every_printed_row(table, expected):
    from helpers.data import curated

    derived = derive(table, curated.load(table), curated.load("abbreviations"))
    got = dict(zip(range(1, len(derived) + 1), derived["modification"]))
    assert got == {row: expected.get(row, "none") for row in got}
    assert set(derived["product"]) == {"native", "modified"}
    assert (derived["product"] == "native").sum() == len(derived) - len(expected)


@pytest.mark.parametrize(
    "precondition, effects, expected",
    [
        ("", "Engineered hUCMSC-Exos overexpressing miR-211-5p inhibitors", "engineered"),
        ("3D bioprinted engineered ovaries", "3D bio-printed engineered ovaries composed of IVA", "biomaterial"),
        ("", "3D-HucMSC-Exo has demonstrated enhanced effects", "primed"),
        ("", "GMNP-loaded EVs derived from BMMSCs", "engineered"),
        ("", "Delivery of miR-15b-5p via magnetic nanoparticle-enhanced BMMSC-Exos", "engineered"),
        ("MT", "MT enhances the therapeutic effect of AD-MSCs", "primed"),
        (
            "MG53 protein",
            "MG53 can restore the vitality of aging hUC-MSCs, and combine with hUC-MSCs",
            "primed+co-treatment",
        ),
        ("", "Utilizing HCOPs to enhance the anti-aging capabilities of hUCMSC-Exos", "co-treatment"),
        ("", "The delivery of BMMSCs-Exo-miR-144-5p may improve", "none"),  # native cargo cannot be ruled out
        ("", "hUCMSCs-Exos-miR-22-3p targets the KLF6", "none"),
        ("Resveratrol", "hUC-MSCs and resveratrol have cumulative effects", "co-treatment"),
        ("DMF", "Pretreatment of AD-MSCs with DMF improves therapeutic efficacy", "primed"),
        ("hyaluronic acid and hypoxia", "", "primed+biomaterial"),
        ("LRP1 high subset MSCs", "", "selected"),
        ("", "Allograft AD-MSCs can be transported", "none"),
        ("", "", "none"),
    ],
)
def test_modification_reads_only_the_printed_words(precondition, effects, expected):
    from helpers.data.derive import modification, product

    result = modification(precondition, effects)
    assert result.value == expected
    assert product(result).value == ("native" if expected == "none" else "modified")
