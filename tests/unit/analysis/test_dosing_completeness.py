"""Reporting completeness, routes and "not reported" counts of the dosing exhibit, on a few literal studies.

Covers :func:`helpers.analysis.dosing.completeness`, :func:`~helpers.analysis.dosing.completeness_summary`,
:func:`~helpers.analysis.dosing.missing`, :func:`~helpers.analysis.dosing.routes` and the setting and carrier
rules under them (``_has_animals``, ``_in_vitro_only``, :func:`~helpers.analysis.dosing.carried`,
``_route_label``). The studies are synthetic rows in the shape of :func:`helpers.data.coded.studies`, each
modelled on a printed row of Tables 1-2 (named in its comment); the expected states and counts are worked out
by hand from the module's rules: in vivo items apply to studies with an animal arm, in vitro items to studies in
a dish only, and only "reported" counts as reported.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.analysis import dosing

NA_ROUTE = "route printed as NA (legend: Not Applicable): a route applied, but it is not reported in the review"
NA_DOSE = "dose printed as NA"
UNSTATED = "model named, induction not stated"

REPORTED, NOT_REPORTED, PRINTED_NA = "reported", "not reported in the review", "printed NA"
UNCLEAR, NOT_APPLICABLE = "printed, arm not stated", "not applicable"
CONCENTRATION, CELLS_FOR_EXOSOMES = "concentration only, volume not reported", "cells printed for an exosome product"
UNSTATED_STATE = "model printed, induction not stated"

COLUMNS = [
    "table", "row", "ref", "disease", "modality", "setting", "host_species", "route", "route_missing",
    "dose_kind", "dose_missing", "modification", "model_class", "follow_up_days", "unassigned_time_days",
    "incubation_hours",
]  # fmt: skip

#: (table, row, ref, modality, setting, route, route_missing, dose_kind, dose_missing, modification, model_class,
#: follow_up_days, unassigned_time_days, incubation_hours), each after a printed row.
STUDIES = [
    # ref 10: IP 1 × 10⁷, Bmi-1⁻/⁻ mouse model, 21 days
    ("table1", 1, 10, "cells", "in vivo", "IP", "", "cells", "", "none", "genetic", 21.0, None, None),
    # ref 37: NA 2 × 10⁷ in a NapFF-NO hydrogel, 1 month
    ("table1", 22, 37, "cells", "in vivo", None, NA_ROUTE, "cells", "", "biomaterial", "genetic", 30.0, None, None),
    # ref 43: SC 2 × 10⁶, "Skin aging model of nude mice", HDFs, no time printed
    ("table1", 27, 43, "cells", "in vivo + in vitro", "SC", "", "cells", "", "none", UNSTATED, None, None, None),
    # ref 44: Coculture, no dose, no time
    ("table1", 28, 44, "cells", "in vitro", "COCULTURE", "", None, "no dose printed", "none", "in vitro only",
     None, None, None),
    # ref 48: route NA, dose NA, 4 weeks
    ("table2", 1, 48, "exosomes", "in vivo", None, NA_ROUTE, None, NA_DOSE, "none", "induced: chemical", 28.0,
     None, None),
    # ref 53: OV 2×10⁶ cells in a HAMA hydrogel, 2 weeks
    ("table2", 5, 53, "exosomes", "in vivo", "OV", "", "cells, printed for exosomes", "", "primed+biomaterial",
     "induced: chemical", 14.0, None, None),
    # ref 66: IV 0.5 mg/mL, 2 weeks
    ("table2", 14, 66, "exosomes", "in vivo", "IV", "", "injected concentration", "", "none", "genetic", 14.0,
     None, None),
    # ref 77: IV NA, STZ rat model with osteoclasts in vitro, 3 days whose arm is not stated
    ("table2", 23, 77, "exosomes", "in vivo + in vitro", "IV", "", None, NA_DOSE, "engineered", "induced: chemical",
     None, 3.0, None),
    # ref 58: coculture 0.4 µg/ml, 24 h
    ("table2", 9, 58, "exosomes", "in vitro", "COCULTURE", "", "in vitro concentration", "", "none", "in vitro only",
     None, None, 24.0),
    # ref 54: Coculture, no dose, no time
    ("table2", 6, 54, "exosomes", "in vitro", "COCULTURE", "", None, "no dose printed", "engineered", "in vitro only",
     None, None, None),
    # ref 80: Femur 150 µg on a titanium scaffold, bone defect model, 10 weeks
    ("table2", 25, 80, "exosomes", "in vivo", "FEMUR", "", "mass as printed", "", "biomaterial", "induced: surgical",
     70.0, None, None),
]  # fmt: skip


def _studies(rows: list[tuple] = STUDIES) -> pd.DataFrame:
    records = []
    for t, r, ref, mod, setting, route, rmiss, kind, dmiss, modif, model, fu, un, inc in rows:
        host = None if setting == "in vitro" else "mouse"
        records.append(dict(zip(COLUMNS, [t, r, ref, "POF", mod, setting, host, route, rmiss, kind, dmiss, modif,
                                          model, fu, un, inc])))  # fmt: skip
    frame = pd.DataFrame(records, columns=COLUMNS)
    strings = [
        c for c in COLUMNS if c not in ("row", "ref", "follow_up_days", "unassigned_time_days", "incubation_hours")
    ]
    return frame.astype({c: "string" for c in strings} | {c: "Float64" for c in COLUMNS[-3:]})


# ---------------------------------------------------------------- setting and carrier


@pytest.mark.parametrize(
    ("setting", "animals", "dish_only"),
    [
        pytest.param("in vivo", True, False, id="in-vivo"),
        pytest.param("in vivo + in vitro", True, False, id="both-arms-has-animals"),
        pytest.param("in vitro", False, True, id="in-vitro-only"),
        pytest.param(pd.NA, True, False, id="unknown-setting-held-to-animals"),
    ],
)
def test_a_study_has_animals_or_is_in_a_dish_only(setting, animals, dish_only):
    frame = pd.DataFrame({"setting": pd.array([setting], dtype="string")})
    assert dosing._has_animals(frame).tolist() == [animals]
    got = dosing._in_vitro_only(frame)
    assert got.tolist() == [dish_only]
    assert got.dtype == bool


@pytest.mark.parametrize(
    ("modification", "setting", "carried"),
    [
        pytest.param("biomaterial", "in vivo", True, id="ref-80-titanium-scaffold"),
        pytest.param("primed+biomaterial", "in vivo", True, id="ref-53-hama-hydrogel-among-others"),
        pytest.param("biomaterial", "in vitro", False, id="ref-82-spicules-give-no-animal-anything"),
        pytest.param("biomaterial", pd.NA, True, id="unknown-setting-held-to-animals"),
        pytest.param("engineered", "in vivo", False, id="ref-78-loaded-nanoparticle-is-no-carrier"),
        pytest.param(pd.NA, "in vivo", False, id="no-modification-printed"),
        pytest.param("biomaterials", "in vivo", False, id="only-the-exact-code-counts"),
    ],
)
def test_carried_marks_animals_given_the_product_in_a_scaffold_or_hydrogel(modification, setting, carried):
    frame = pd.DataFrame(
        {"modification": pd.array([modification], dtype="string"), "setting": pd.array([setting], dtype="string")}
    )
    got = dosing.carried(frame)
    assert got.tolist() == [carried]
    assert got.dtype == bool


@pytest.mark.parametrize(
    ("route", "reason", "carrier", "label"),
    [
        pytest.param(pd.NA, NA_ROUTE, False, "NA (printed)", id="a-printed-NA"),
        pytest.param(pd.NA, "no route printed", False, "not reported in the review", id="not-printed"),
        pytest.param(pd.NA, pd.NA, False, "not reported in the review", id="not-printed-no-reason"),
        pytest.param("MI", "", False, "MI (not defined in the review)", id="ref-24-MI-undefined"),
        pytest.param("MI", "", True, "MI (not defined in the review)", id="MI-in-a-scaffold-stays-undefined"),
        pytest.param("IV", "", False, "IV", id="abbreviation-kept"),
        pytest.param("ICV", "", False, "ICV", id="three-letter-abbreviation-kept"),
        pytest.param("SC", "", True, "SC", id="abbreviation-kept-with-a-carrier"),
        pytest.param("HIPPOCAMPUS", "", False, "hippocampus", id="a-site-in-words"),
        pytest.param("BACK_SIDES", "", True, "back sides (implant site)", id="ref-23-bioprinted-ovary-implanted"),
        pytest.param("FEMUR", "", True, "femur (implant site)", id="ref-80-titanium-scaffold-implanted"),
    ],
)
def test_route_label_reads_as_the_route_panel_reads_it(route, reason, carrier, label):
    assert dosing._route_label(route, reason, carrier) == label


# ---------------------------------------------------------------- routes


def test_routes_count_studies_per_route_and_product_with_the_dish_apart():
    got = dosing.routes(_studies())
    assert got.to_dict("records") == [
        {"setting": "in vitro", "route": "coculture (no route of administration)", "modality": "cells", "studies": 1},
        {"setting": "in vitro", "route": "coculture (no route of administration)", "modality": "exosomes",
         "studies": 2},
        {"setting": "in vivo", "route": "IP", "modality": "cells", "studies": 1},
        {"setting": "in vivo", "route": "IV", "modality": "exosomes", "studies": 2},
        {"setting": "in vivo", "route": "NA (printed)", "modality": "cells", "studies": 1},
        {"setting": "in vivo", "route": "NA (printed)", "modality": "exosomes", "studies": 1},
        {"setting": "in vivo", "route": "OV", "modality": "exosomes", "studies": 1},
        {"setting": "in vivo", "route": "SC", "modality": "cells", "studies": 1},
        {"setting": "in vivo", "route": "femur (implant site)", "modality": "exosomes", "studies": 1},
    ]  # fmt: skip


def test_routes_of_no_studies_is_an_empty_table_with_its_columns():
    got = dosing.routes(_studies().iloc[0:0])
    assert list(got.columns) == ["setting", "route", "modality", "studies"]
    assert len(got) == 0


# ---------------------------------------------------------------- missing


def test_missing_counts_what_each_panel_leaves_out():
    """11 studies: 4 with no dose (44, 48, 77, 54), 2 of them with animals (48, 77); of the 8 with animals only
    ref 43 prints no time (77's 3 days is a time, arm not stated); of the 3 in a dish 2 print no incubation."""
    assert dosing.missing(_studies()) == {
        "studies": 11,
        "dose": 4,
        "dose, with animals": 2,
        "follow-up": 1,
        "incubation": 2,
        "animals": 8,
        "in vitro": 3,
    }


# ---------------------------------------------------------------- completeness


ITEMS = [
    "how the model was made",
    "route",
    "amount given",
    "follow-up",
    "amount in the dish (cells or µg/mL)",
    "incubation time",
]
NA4 = [NOT_APPLICABLE] * 4
NA2 = [NOT_APPLICABLE] * 2

#: ref -> states of ITEMS, by hand from the rules.
STATES = {
    10: [REPORTED, REPORTED, REPORTED, REPORTED, *NA2],
    37: [REPORTED, PRINTED_NA, REPORTED, REPORTED, *NA2],
    43: [UNSTATED_STATE, REPORTED, REPORTED, NOT_REPORTED, *NA2],
    44: [*NA4, NOT_REPORTED, NOT_REPORTED],
    48: [REPORTED, PRINTED_NA, PRINTED_NA, REPORTED, *NA2],
    53: [REPORTED, REPORTED, CELLS_FOR_EXOSOMES, REPORTED, *NA2],
    66: [REPORTED, REPORTED, CONCENTRATION, REPORTED, *NA2],
    77: [REPORTED, REPORTED, PRINTED_NA, UNCLEAR, *NA2],
    58: [*NA4, REPORTED, REPORTED],
    54: [*NA4, NOT_REPORTED, NOT_REPORTED],
    80: [REPORTED, REPORTED, REPORTED, REPORTED, *NA2],
}


def test_completeness_states_each_item_where_it_applies():
    got = dosing.completeness(_studies())
    assert list(got.columns) == ["table", "row", "ref", "modality", "setting", *ITEMS]
    assert got.index.tolist() == list(range(11))
    assert {int(r): got.loc[i, ITEMS].tolist() for i, r in enumerate(got["ref"])} == STATES


def test_completeness_of_a_selection_keeps_each_study_with_its_own_states():
    """A selection keeps the dataset's row labels (here 0, 3, 8: refs 10, 44, 58); states stay with their study."""
    selection = _studies().iloc[[0, 3, 8]]
    got = dosing.completeness(selection)
    assert got.index.tolist() == [0, 1, 2]
    assert {int(r): got.loc[i, ITEMS].tolist() for i, r in enumerate(got["ref"])} == {
        r: STATES[r] for r in (10, 44, 58)
    }
    # every state is text, as STATES writes it
    assert [str(got[c].dtype) for c in ITEMS] == ["string"] * len(ITEMS)


@pytest.mark.parametrize(
    ("changes", "states"),
    [
        pytest.param(
            {"model_class": None, "route": None, "route_missing": None, "dose_kind": None, "dose_missing": None},
            [NOT_REPORTED, NOT_REPORTED, NOT_REPORTED, REPORTED],
            id="nothing-printed-is-not-reported-not-printed-NA",
        ),
        pytest.param(
            {"dose_kind": "particles", "follow_up_days": None},
            [REPORTED, REPORTED, REPORTED, NOT_REPORTED],
            id="ref-61-particles-are-an-amount",
        ),
        pytest.param({"dose_kind": "mass per body mass"}, [REPORTED] * 4, id="ref-72-mg-per-kg-is-an-amount"),
        pytest.param(
            {"dose_kind": "concentration, arm not stated"},
            [REPORTED, REPORTED, CONCENTRATION, REPORTED],
            id="a-concentration-of-no-stated-arm",
        ),
        pytest.param(
            {"setting": None, "follow_up_days": 21.0, "unassigned_time_days": 21.0},
            [REPORTED] * 4,
            id="unknown-setting-held-to-animals-a-stated-time-wins",
        ),
    ],
)
def test_completeness_of_one_study_with_animals(changes, states):
    base = list(STUDIES[0])
    names = ["table", "row", "ref", "modality", "setting", "route", "route_missing", "dose_kind", "dose_missing",
             "modification", "model_class", "follow_up_days", "unassigned_time_days", "incubation_hours"]  # fmt: skip
    row = {**dict(zip(names, base)), **changes}
    frame = _studies([tuple(row[n] for n in names)])
    assert dosing.completeness(frame).loc[0, ITEMS].tolist() == [*states, *NA2]


# ---------------------------------------------------------------- completeness_summary


def test_completeness_summary_shares_of_the_studies_each_item_applies_to():
    """MSCs (10, 37, 43, 44): 3 with animals, 1 in a dish; exosomes (48, 53, 66, 77, 58, 54, 80): 5 and 2."""
    got = dosing.completeness_summary(dosing.completeness(_studies()))
    assert list(got.columns) == [
        "item", "applies to", "modality", "reported", "unclear", "applicable", "share", "unclear share"
    ]  # fmt: skip
    vivo, vitro = "studies with animals", "in vitro only studies"
    expected = [
        # MSCs: model 10, 37 of 3 (43 induction not stated); route 10, 43 (37 NA); amount all 3; follow-up 10, 37
        ("how the model was made", vivo, "cells", 2, 0, 3, 66.7, 0.0),
        ("route", vivo, "cells", 2, 0, 3, 66.7, 0.0),
        ("amount given", vivo, "cells", 3, 0, 3, 100.0, 0.0),
        ("follow-up", vivo, "cells", 2, 0, 3, 66.7, 0.0),
        ("amount in the dish (cells or µg/mL)", vitro, "cells", 0, 0, 1, 0.0, 0.0),
        ("incubation time", vitro, "cells", 0, 0, 1, 0.0, 0.0),
        # exosomes: model all 5; route 53, 66, 77, 80 (48 NA); amount 80 only (48, 77 NA; 53 cells; 66 a
        # concentration); follow-up 48, 53, 66, 80, and 77's time without its arm
        ("how the model was made", vivo, "exosomes", 5, 0, 5, 100.0, 0.0),
        ("route", vivo, "exosomes", 4, 0, 5, 80.0, 0.0),
        ("amount given", vivo, "exosomes", 1, 0, 5, 20.0, 0.0),
        ("follow-up", vivo, "exosomes", 4, 1, 5, 80.0, 20.0),
        ("amount in the dish (cells or µg/mL)", vitro, "exosomes", 1, 0, 2, 50.0, 0.0),
        ("incubation time", vitro, "exosomes", 1, 0, 2, 50.0, 0.0),
    ]
    assert [tuple(r) for r in got.itertuples(index=False)] == expected


def test_completeness_summary_of_an_item_that_applies_to_no_study_has_no_share():
    """Only studies with animals: the in vitro items apply to none, so their share is undefined, not 0."""
    got = dosing.completeness_summary(dosing.completeness(_studies([STUDIES[0]])))
    dish = got[got["applies to"] == "in vitro only studies"]
    assert dish["applicable"].tolist() == [0, 0]
    assert all(math.isnan(v) for v in [*dish["share"], *dish["unclear share"]])
    assert got["share"].tolist()[:4] == [100.0] * 4


@pytest.mark.parametrize(
    ("route", "label"),
    [
        pytest.param("HIPPOCAMPUS", "hippocampus", id="a-site-without-a-carrier-is-no-implant-site"),
        pytest.param("SKIN", "skin", id="a-four-letter-site-is-a-word-not-an-abbreviation"),
        pytest.param("ICV", "ICV", id="three-letters-is-an-abbreviation"),
    ],
)
def test_route_label_without_a_carrier_given_is_a_route_not_an_implant(route, label):
    """By default no scaffold or hydrogel is assumed: a site reads as a site, not an implant site."""
    assert dosing._route_label(route, "") == label


def test_completeness_summary_lists_products_in_name_order_whatever_the_studies_order():
    """Exosome studies first in the selection: the summary still gives MSCs (cells) first, then exosomes."""
    got = dosing.completeness_summary(dosing.completeness(_studies(STUDIES[4:] + STUDIES[:4])))
    assert got["modality"].tolist() == ["cells"] * 6 + ["exosomes"] * 6
    assert got["item"].tolist() == ITEMS * 2
