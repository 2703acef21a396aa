"""The dosing exhibit against a reading of the printed Tables 1-2 (issue 17).

Every expected value here was recounted from the review's printed tables
(the seed text), not from the code: the Follow-up period, Route Dosage/cells,
Animal model and In vitro model cells of each row, with a week of 7 days, a
month of 30 and a year of 365, and the review's legends. The numbers in the
exhibit's sentences are extracted and compared with these counts.
"""

from __future__ import annotations

import re
import statistics

import pandas as pd
import pytest

from helpers.analysis import dosing
from helpers.data import coded, curated
from helpers.outputs import narrative

# --- the print, recounted ------------------------------------------------------------------------

#: In vivo only studies that print a follow-up: ref -> days (Table 1 then Table 2).
IN_VIVO_DAYS = {
    10: 21, 12: 14, 15: 7, 18: 21, 19: 28, 21: 14, 22: 7, 23: 28, 24: 365, 28: 56,
    29: 30, 31: 28, 32: 60, 34: 90, 35: 21, 37: 30, 38: 70, 40: 28, 41: 60, 42: 56,
    48: 28, 52: 14, 53: 14, 57: 112, 61: 60, 62: 21, 63: 5, 66: 14, 67: 14, 68: 84,
    70: 30, 72: 30, 73: 84, 75: 42, 78: 7, 80: 70, 83: 3,
}  # fmt: skip
#: In vivo + in vitro studies: one printed time, arm not stated (ref -> days).
UNASSIGNED_DAYS = {13: 7, 14: 28, 16: 21, 49: 14, 51: 3, 60: 14, 77: 3}
#: In vitro only studies that print a time: ref -> hours ("24 h", "24 h", "48 h", "4 h").
IN_VITRO_HOURS = {58: 24, 74: 24, 81: 48, 82: 4}
#: Studies with animals that print no time; in vitro only studies that print none.
NO_TIME_IN_VIVO, NO_TIME_IN_VITRO = {11, 33, 43}, {25, 44, 54, 55, 71}
MSC_REFS = {
    10,
    11,
    12,
    13,
    14,
    15,
    16,
    18,
    19,
    21,
    22,
    23,
    24,
    25,
    28,
    29,
    31,
    32,
    33,
    34,
    35,
    37,
    38,
    40,
    41,
    42,
    43,
    44,
}

#: Doses as printed, by what they are (ref -> lowest, highest arm in the kind's base unit).
MSC_CELLS = {
    10: 1e7, 12: 2e6, 13: 1e6, 14: 1e6, 15: 1e6, 16: 1e6, 18: 3.5e5, 19: 5e5, 21: 1e5, 22: 1e6, 23: 1e7,
    24: 5e6, 28: 5e6, 29: 1e6, 31: 1e6, 32: 1e6, 34: 6e6, 35: 5e6, 37: 2e7, 38: 5e5, 40: 1e6, 41: 1e6,
    42: 2e6, 43: 2e6,
}  # fmt: skip
MASS_UG = {49: 150, 51: 125, 52: 150, 57: 50, 60: 50, 62: 30, 63: 0.5, 68: 100000, 70: 150, 80: 150, 83: (200, 600)}
KINDS = {
    "cells, printed for exosomes": {53},  # "OV 2×10⁶ cells"
    "particles": {61},  # "ICV 1×10⁹ particles"
    "mass per body mass": {72, 73, 78},  # 1.6, 1.6, 10 mg/kg
    "injected concentration": {66, 67},  # "IV 0.5 mg/mL", "IV 80 µg/mL"
    "in vitro concentration": {58, 74, 82},  # coculture 0.4 µg/ml, 50 µg/ml, 250 µg/mL
}
#: Outside data/dose_ranges.csv: ref 37 2×10⁷ cells in a mouse (range to 1×10⁷), ref 68 100 mg (to 500 µg).
OUTSIDE = {37: 2.0, 68: 200.0}
#: Doses of a kind data/dose_ranges.csv gives no range for: cells for exosomes (53), injected concentrations (66, 67).
NO_RANGE = {53, 66, 67}

#: Exosome mimetics among the doses: ref 70 (Table 2 row 17), whose cited title gives "MSC-derived bioinspired
#: exosome-mimetic nanoparticles with platelet membrane fusion" (third reading 3.3).
MIMETIC = (70,)

#: Routes of the studies with animals, (MSCs, exosomes); the 9 in vitro studies are coculture (2, 7).
ROUTES = {
    "IV": (14, 11), "OV": (5, 1), "IP": (2, 2), "ICV": (0, 2), "hippocampus": (1, 1), "NA (printed)": (1, 1),
    "SC": (1, 1), "femur (implant site)": (0, 1), "back sides (implant site)": (1, 0),
    "MI (not defined in the review)": (1, 0), "IN": (0, 1),
}  # fmt: skip
#: Given in a scaffold, hydrogel or implant, as the Precondition (Table 1) or Effects (Table 2) cell prints:
#: ref 21 hyaluronic acid, 23 3D-bioprinted ovary, 24 collagen scaffold, 37 NapFF-NO hydrogel, 53 HAMA
#: hydrogel, 80 titanium scaffold (the second reading's 2.8 list).
CARRIED = {21, 23, 24, 37, 53, 80}

#: Reporting: item -> (MSCs reported/unclear/applicable, exosomes reported/unclear/applicable).
REPORTING = {
    "how the model was made": ((25, 0, 26), (21, 0, 21)),  # ref 43: "Skin aging model of nude mice"
    "route": ((25, 0, 26), (20, 0, 21)),  # refs 37, 48 print NA
    "amount given": ((24, 0, 26), (15, 0, 21)),  # 11, 33 none; 48, 75, 77 NA; 53 cells; 66, 67 concentrations
    "follow-up": ((20, 3, 26), (17, 4, 21)),
    "amount in the dish (cells or µg/mL)": ((0, 0, 2), (3, 0, 7)),  # refs 25, 44 print none; 58, 74, 82
    "incubation time": ((0, 0, 2), (4, 0, 7)),
}


@pytest.fixture(scope="module")
def studies() -> pd.DataFrame:
    return coded.studies()


def _by_ref(frame: pd.DataFrame, column: str) -> dict[int, float]:
    return {int(r): float(v) for r, v in zip(frame["ref"], frame[column])}


# --- setting kept apart ----------------------------------------------------------------------------


def test_follow_up_is_in_vivo_and_never_holds_an_incubation_time(studies):
    follow = dosing.follow_up(studies)
    stated = follow[follow["arm_stated"].astype(bool)]
    assert _by_ref(stated, "days") == IN_VIVO_DAYS
    assert _by_ref(follow[~follow["arm_stated"].astype(bool)], "days") == UNASSIGNED_DAYS
    assert set(follow["setting"]) == {"in vivo", "in vivo + in vitro"}
    assert not set(IN_VITRO_HOURS) & set(follow["ref"].astype(int))


def test_incubation_is_in_hours_and_only_in_vitro(studies):
    hours = dosing.incubation(studies)
    assert _by_ref(hours, "hours") == IN_VITRO_HOURS
    assert set(hours["setting"]) == {"in vitro"}


@pytest.mark.parametrize(
    "refs, column",
    [
        (IN_VIVO_DAYS, "follow_up_days"),
        (UNASSIGNED_DAYS, "unassigned_time_days"),
        (IN_VITRO_HOURS, "incubation_hours"),
    ],
)
def test_the_coded_dataset_puts_each_time_in_its_own_column(studies, refs, column):
    filled = studies[studies[column].notna()]
    assert _by_ref(filled, column) == refs
    others = {"follow_up_days", "unassigned_time_days", "incubation_hours"} - {column}
    assert filled[list(others)].isna().all().all()


@pytest.mark.parametrize(
    "arm, refs",
    [
        ("follow-up of treated animals", set(IN_VIVO_DAYS)),
        ("not stated in the review", set(UNASSIGNED_DAYS)),
        ("incubation in culture", set(IN_VITRO_HOURS)),
    ],
)
def test_time_arm_says_what_the_printed_time_measures(studies, arm, refs):
    assert set(studies.loc[studies["time_arm"] == arm, "ref"].astype(int)) == refs
    assert studies.loc[studies["time_arm"].isna(), "ref"].astype(int).tolist() == sorted(
        NO_TIME_IN_VIVO | NO_TIME_IN_VITRO
    )


def test_doses_keep_kinds_and_settings_apart(studies):
    doses = dosing.doses(studies)
    cells = doses[doses["dose_kind"] == "cells"]
    assert _by_ref(cells, "dose_low") == MSC_CELLS and set(cells["modality"]) == {"cells"}
    mass = doses[doses["dose_kind"] == "mass as printed"]
    got = {
        int(r): (lo if lo == hi else (lo, hi)) for r, lo, hi in zip(mass["ref"], mass["dose_low"], mass["dose_high"])
    }
    assert got == MASS_UG
    for kind, refs in KINDS.items():
        assert set(doses.loc[doses["dose_kind"] == kind, "ref"].astype(int)) == refs, kind
    assert len(doses) == 45


def test_doses_outside_the_documented_range_are_the_audit_s(studies):
    doses = dosing.doses(studies)
    outside = doses[doses["outside_range"].fillna(False).astype(bool)]
    assert _by_ref(outside, "range_factor") == OUTSIDE
    # The same yardstick as the audit's W4: the rows it reports are the rows ringed here.
    from helpers.audit import within

    rows = studies.assign(route_dosage="")
    found = within.dose_magnitude(rows, curated.load("dose_ranges"))
    keyed = dict(zip(zip(studies["table"], studies["row"].astype(str)), studies["ref"].astype(int)))
    assert {keyed[(f.table, f.row)] for f in found} == set(OUTSIDE)


def test_routes_separate_animals_from_dishes_and_na_from_not_reported(studies):
    routes = dosing.routes(studies)
    vivo = routes[routes["setting"] == "in vivo"]
    got = {
        route: tuple(int(part.loc[part["modality"] == m, "studies"].sum()) for m in ("cells", "exosomes"))
        for route, part in vivo.groupby("route")
    }
    assert got == ROUTES
    vitro = routes[routes["setting"] == "in vitro"]
    assert vitro.groupby("modality")["studies"].sum().to_dict() == {"cells": 2, "exosomes": 7}
    assert set(vitro["route"]) == {"coculture (no route of administration)"}


def test_reporting_counts_only_where_the_item_applies(studies):
    summary = dosing.completeness_summary(dosing.completeness(studies)).set_index(["item", "modality"])
    for item, expected in REPORTING.items():
        for modality, (reported, unclear, applicable) in zip(("cells", "exosomes"), expected):
            row = summary.loc[(item, modality)]
            assert (row["reported"], row["unclear"], row["applicable"]) == (reported, unclear, applicable), item
            assert row["share"] == round(100 * reported / applicable, 1)


NA = pd.NA
DISH = "amount in the dish (cells or µg/mL)"


def _one(**cells):
    base = {
        "table": "table1", "row": 1, "ref": 1, "modality": "cells", "setting": "in vivo", "host_species": "mouse",
        "model_class": "genetic", "route": "IV", "route_missing": "", "dose_kind": "cells", "dose_missing": "",
        "follow_up_days": 7.0, "unassigned_time_days": NA, "incubation_hours": NA,
    }  # fmt: skip
    frame = pd.DataFrame([base | cells])
    for column in ("follow_up_days", "unassigned_time_days", "incubation_hours"):
        frame[column] = frame[column].astype("Float64")
    return dosing.completeness(frame).iloc[0]


@pytest.mark.parametrize(
    "cells, item, state",
    [
        ({"model_class": NA}, "how the model was made", "not reported in the review"),
        # Fifth reading 5.3: ref 43 prints "Skin aging model of nude mice", a model with no induction.
        (
            {"model_class": "model named, induction not stated"},
            "how the model was made",
            "model printed, induction not stated",
        ),
        (
            {
                "route": NA,
                "route_missing": (
                    "route printed as NA (legend: Not Applicable): a route applied, "
                    "but it is not reported in the review"
                ),
            },
            "route",
            "printed NA",
        ),
        ({"route": NA, "route_missing": "no route printed"}, "route", "not reported in the review"),
        ({"dose_kind": NA, "dose_missing": "dose printed as NA"}, "amount given", "printed NA"),
        ({"dose_kind": "injected concentration"}, "amount given", "concentration only, volume not reported"),
        ({"dose_kind": "cells, printed for exosomes"}, "amount given", "cells printed for an exosome product"),
        ({"follow_up_days": NA}, "follow-up", "not reported in the review"),
        ({"follow_up_days": NA, "unassigned_time_days": 3.0}, "follow-up", "printed, arm not stated"),
        ({"setting": "in vitro", "dose_kind": NA}, DISH, "not reported in the review"),
        ({"setting": "in vitro", "dose_kind": "in vitro concentration"}, DISH, "reported"),
        ({"setting": "in vitro", "dose_kind": "cells"}, DISH, "reported"),  # cocultured MSCs: a number of cells
        ({"setting": "in vitro", "follow_up_days": NA}, "incubation time", "not reported in the review"),
        ({"setting": "in vitro"}, "route", "not applicable"),
        ({}, "incubation time", "not applicable"),
        ({"setting": "in vivo + in vitro"}, DISH, "not applicable"),
    ],
)
def test_no_item_is_reported_by_construction(cells, item, state):
    """Each item can fail where it applies: none is true because of how the setting was read."""
    assert _one(**cells)[item] == state


# --- the sentences -----------------------------------------------------------------------------------

_SUPER = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")


def _numbers(text: str) -> list[float]:
    """Every number a sentence states, 1×10⁵ read as 100000."""
    out = []
    # A digit glued to a letter is a name (the audit's rule W4), not a number.
    for mantissa, exponent in re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)(?:×10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?", text):
        value = float(mantissa)
        out.append(value * 10 ** int(exponent.translate(_SUPER)) if exponent else value)
    return out


#: Sentences read in test_dosing_perkg_reading.py and test_dosing_sixth_reading.py.
_PER_KG_AND_LIFESPAN = (
    "As a share of the host's maximum recorded lifespan",
    "Short-lived models",
    "The age at treatment",
    "Per kg of body mass",
    "Of them,",
    "Left out of these ranges",
    "In all,",  # how many per-kg values are on flagged rows (seventh reading 7.6)
    "The nominal mass can be off",  # the mass's bias, both ways (7.1)
    "The review reports neither the animals'",
    "Within the adult ranges",  # the sources' own mass ranges (7.13)
    "The other 3 amounts",  # not restated per kg: 2 injected concentrations, 1 cells for exosomes
)


def test_what_to_notice_states_the_recounted_numbers(studies):
    doses, follow = dosing.doses(studies), dosing.follow_up(studies)
    text = narrative.dosing_notice(doses, follow, dosing.incubation(studies), dosing.missing(studies))
    # The lifespan and per-kg sentences (issue 18 items 5-6) are read number by number in
    # test_dosing_perkg_reading.py; every other sentence is read here.
    text = " ".join(
        s
        for s in re.split(r"(?<=\.) (?=[A-Z0-9])", text)
        if not s.startswith(_PER_KG_AND_LIFESPAN) and not re.match(r"\d+ (is|are) given locally", s)
    )
    all_days = [*IN_VIVO_DAYS.values(), *UNASSIGNED_DAYS.values()]
    # By product over the in vivo only studies (second reading 2.1: a time whose arm the review does not state
    # may be an incubation, and pooling them gave exosomes a median of 14 days against 28 for in vivo only).
    msc_days = [d for r, d in IN_VIVO_DAYS.items() if r in MSC_REFS]
    exo_days = [d for r, d in IN_VIVO_DAYS.items() if r not in MSC_REFS]
    with_animals = len(all_days) + len(NO_TIME_IN_VIVO)
    in_vitro = len(IN_VITRO_HOURS) + len(NO_TIME_IN_VITRO)
    hours = list(IN_VITRO_HOURS.values())
    cells = list(MSC_CELLS.values())
    mode = statistics.mode(cells)
    masses = [v for m in MASS_UG.values() for v in (m if isinstance(m, tuple) else (m,))]
    rest = [v for r, m in MASS_UG.items() if r not in OUTSIDE for v in (m if isinstance(m, tuple) else (m,))]
    n_rest = len([r for r in MASS_UG if r not in OUTSIDE])
    given = len(MSC_CELLS) + len(MASS_UG) + len(KINDS["particles"]) + len(KINDS["mass per body mass"])
    expected = [
        # Follow-up of treated animals: 37 in vivo only studies print a time, 3 to 365 days (median 28)
        # (third reading 3.8: a time whose arm is not stated is never called follow-up).
        len(IN_VIVO_DAYS), min(IN_VIVO_DAYS.values()), max(IN_VIVO_DAYS.values()),
        statistics.median(IN_VIVO_DAYS.values()),
        # 7 more studies ... print a time whose arm the review does not state; 3 of the 47 ... print none.
        len(UNASSIGNED_DAYS), len(NO_TIME_IN_VIVO), with_animals,
        # By product, in vivo only studies: MSCs 20 studies, median 28 days; exosomes 17 studies, median 28 days.
        len(msc_days), statistics.median(msc_days), len(exo_days), statistics.median(exo_days),
        # In vitro incubation: 4 of the 9 in vitro only studies print a time, 4 to 48 hours.
        len(hours), in_vitro, min(hours), max(hours),
        # MSC doses: 24 studies, 1×10⁵ to 2×10⁷; 10 of the 24 gave 1×10⁶.
        len(cells), min(cells), max(cells), cells.count(mode), len(cells), mode,
        # Exosome doses as a printed mass: 11 studies (1 of them, ref 70, exosome mimetics; 3.3), 0.5 to 100000
        # µg; 1 (ref 68) outside; other 10: 0.5 to 600.
        len(MASS_UG), len(MIMETIC), *MIMETIC, min(masses), max(masses), 1, 68, n_rest, min(rest), max(rest),
        # 2 of the 42 printed amounts drawn with a range (39 doses to animals, 3 concentrations in a dish; 3.7)
        # lie outside it: ref 37 about 2-fold, ref 68 about 200-fold.
        len(OUTSIDE), 45 - len(NO_RANGE), given, len(KINDS["in vitro concentration"]),
        37, OUTSIDE[37], 68, OUTSIDE[68],
        # 3 are of a kind with no documented range: refs 53, 66, 67 (second reading 2.11).
        len(NO_RANGE), *sorted(NO_RANGE),
        # Kept apart: 1 ...: ref 53; 2 ...: refs 66, 67; 3 ...: refs 58, 74, 82.
        1, 53, 2, 66, 67, 3, 58, 74, 82,
        # The 45 readable printed amounts come in 7 kinds (39 doses to animals, 1 cell number for an exosome
        # product, 2 injected concentrations, 3 concentrations in a dish); 11 of the 56 studies print none.
        45, 7, given, 1, 2, 3, 11, 56,
    ]  # fmt: skip
    assert _numbers(text) == [float(x) for x in expected], text


def test_the_note_states_no_count():
    """The note describes the encoding; its only digits are names (Tables 1-2, Bmi-1⁻/⁻, the year)."""
    text = narrative.dosing_note()
    for name in ("Tables 1-2", "Bmi-1", "2025", "×n", "CC BY-NC-ND 4.0"):
        text = text.replace(name, "")
    assert not re.search(r"\d", text), text


def test_the_route_key_writes_out_every_code_drawn(studies):
    routes = dosing.routes(studies)
    key = narrative.dosing_route_key(routes)
    for code in ("IV", "OV", "IP", "ICV", "SC", "IN"):
        assert f"{code} {dosing.ROUTE_NAMES[code]}" in key
    assert "MI is printed but defined in none of the review's legends" in key
    assert "Not Applicable" in key


# --- second reading ----------------------------------------------------------------------------------


def test_no_dose_kind_or_caption_calls_a_printed_mass_protein(studies):
    """The review prints bare masses ("150 µg", "100 mg"); it never says they are vesicle protein (2.5, #10)."""
    from helpers.core import catalog

    doses = dosing.doses(studies)
    assert "protein" not in " ".join(doses["dose_kind"].unique())
    assert set(doses.loc[doses["dose_kind"] == "mass as printed", "ref"].astype(int)) == set(MASS_UG)
    exhibit = catalog.get("dosing")
    assert "protein mass" not in exhibit.caption
    # The title names whose selection the studies are (2.6, #11): the review's Tables 1-2, not "the" studies.
    assert exhibit.title.endswith("preclinical studies tabulated in the review (Tables 1-2)")


def test_scaffold_and_hydrogel_doses_are_the_printed_ones(studies):
    assert set(studies.loc[dosing.carried(studies), "ref"].astype(int)) == CARRIED
    doses = dosing.doses(studies)
    assert set(doses.loc[doses["carrier"], "ref"].astype(int)) == CARRIED


def test_the_days_axis_names_every_conversion_it_holds(studies):
    """Weeks, months, the year (ref 24) and "72 h" (refs 51, 83) are converted to days; the axis says so (2.4, 28)."""
    assert dosing.days_key(dosing.follow_up(studies)) == "week = 7 d, month = 30 d, year = 365 d; 72 h = 3 d"


def test_the_longest_follow_up_says_the_audit_flags_its_row(studies):
    """365 days is ref 24's "1 year", a row the audit flags (R3); the next longest is ref 57's 112 days (2.9, 5)."""
    from helpers.audit import flags as audit_flags
    from helpers.data import flags

    marked = flags.attach(studies, audit_flags.by_row(reasons=True))
    follow = dosing.follow_up(marked)
    text = narrative.dosing_notice(dosing.doses(marked), follow, dosing.incubation(marked), dosing.missing(marked))
    assert "The longest, 365 days (ref 24, printed '1 year'), is on a row the audit flags (" in text
    # Only the findings that flag the row (3.2): A8, an undefined code beside an unused legend entry, flags none.
    assert "(A3, R3 in tables/audit.csv)" in text
    assert "the next longest is 112 days" in text
    # Without the audit's columns the sentence is not written (nothing to say it from).
    assert "The longest" not in narrative.dosing_notice(
        dosing.doses(studies), dosing.follow_up(studies), dosing.incubation(studies), dosing.missing(studies)
    )


# --- third reading -----------------------------------------------------------------------------------


def test_unchecked_doses_are_neither_inside_nor_outside(studies):
    """3.4: refs 53, 66, 67 have no range, so `outside_range` is empty, not False; `range_factor` is defined.

    The reader's recount: ref 63's 0.5 µg against 0.1-500 µg is 0.2 (5-fold inside the low bound); ref 12's
    2×10⁶ cells in a rat against 1×10⁵-3×10⁷ is 0.067 (15-fold inside the high bound)."""
    doses = dosing.doses(studies).set_index("ref")
    for ref in NO_RANGE:
        assert pd.isna(doses.loc[ref, "outside_range"]) and pd.isna(doses.loc[ref, "range_factor"]), ref
    assert doses["outside_range"].notna().sum() == 45 - len(NO_RANGE)
    assert float(doses.loc[63, "range_factor"]) == 0.2
    assert float(doses.loc[12, "range_factor"]) == pytest.approx(2e6 / 3e7, abs=1e-3)
    assert "nearer bound" in dosing.RANGE_FACTOR and "inside" in dosing.RANGE_FACTOR


@pytest.mark.parametrize("ref, route", [(37, "NA (printed)"), (48, None), (10, "IP"), (53, "OV")])
def test_the_doses_table_keeps_a_printed_na_route(studies, ref, route):
    """3.5: Table 1 row 22 prints "NA 2 × 10⁷": the route reads "NA (printed)", not empty. Ref 48 ("NA") prints
    no readable dose, so it is not in the table."""
    doses = dosing.doses(studies).set_index("ref")
    if route is None:
        assert ref not in doses.index
    else:
        assert doses.loc[ref, "route"] == route


def test_exosome_mimetics_are_said_apart(studies):
    """3.3: ref 70 counts among the 11 printed masses, as printed, and the notice and data file say what it is."""
    doses = dosing.doses(studies)
    assert tuple(doses.loc[doses["mimetic"], "ref"].astype(int)) == MIMETIC
    lines = dosing.figure_data(
        doses,
        dosing.follow_up(studies),
        dosing.incubation(studies),
        dosing.routes(studies),
        dosing.completeness_summary(dosing.completeness(studies)),
    )
    marked = lines[lines["mark"].str.contains(dosing.MARK_MIMETIC, regex=False)]
    # Its printed dose, and (seventh reading 7.4) its dose per kg, on a row of its own: no flag consulted here.
    assert set(marked["ref"].astype(int)) == set(MIMETIC)
    assert sorted(marked["panel"]) == ["doses", "doses per kg"]
    text = narrative.dosing_notice(
        doses, dosing.follow_up(studies), dosing.incubation(studies), dosing.missing(studies)
    )
    assert "11 studies (1 of them, ref 70, is exosome mimetics by the Effects cell or cited title" in text


def test_the_notice_counts_amounts_for_what_they_are(studies):
    """3.7: 45 printed amounts = 39 doses to animals + 1 cell number for exosomes + 2 injected concentrations
    + 3 in the dish; "dose" is not said of the 6 that are not amounts an animal received."""
    text = narrative.dosing_notice(
        dosing.doses(studies), dosing.follow_up(studies), dosing.incubation(studies), dosing.missing(studies)
    )
    assert (
        "The 45 readable printed amounts come in 7 kinds (39 doses to animals, 1 cell number for an exosome "
        "product, 2 injected concentrations, 3 concentrations in a dish)"
    ) in text
    assert "(39 doses to animals, 3 concentrations in a dish;" in text
    assert "readable doses" not in text and "doses drawn with a range" not in text


def test_the_lead_sentence_calls_no_unassigned_time_follow_up(studies):
    """3.8: the 7 times of studies with an in vitro arm too (72 h at ref 51, 3 days at ref 77 ...) are not
    "in vivo follow-up"; the lead sentence is over the 37 in vivo only studies."""
    text = narrative.dosing_notice(
        dosing.doses(studies), dosing.follow_up(studies), dosing.incubation(studies), dosing.missing(studies)
    )
    assert text.startswith("Follow-up of treated animals: 37 in vivo only studies print a time, 3 to 365 days")
    assert "In vivo follow-up" not in text
    assert "7 more studies, which also have an in vitro arm, print a time whose arm the review does not state" in text


def test_the_caption_and_tables_charge_the_review_not_the_studies():
    """2.7: what is counted is what the review's Tables 1-2 print, not what each study reports."""
    import json

    from helpers.core import catalog
    from tests.conftest import ROOT

    assert "each study reports" not in catalog.get("dosing").caption
    assert "the review's Tables 1-2 print for each study" in catalog.get("dosing").caption
    source = json.loads((ROOT / "notebooks" / "dosing.ipynb").read_text(encoding="utf-8"))
    code = "".join("".join(c["source"]) for c in source["cells"])
    assert "Reporting completeness" not in code
    assert "What the review's Tables 1-2 print, study by study" in code


def test_no_dose_range_says_the_review_s_masses_are_protein():
    """2.12: the yardstick's ranges come from studies that measured vesicle protein; the review prints bare
    masses ("150 µg", "100 mg"), and every basis that speaks of protein says so."""
    ranges = curated.load("dose_ranges")
    for basis in ranges["basis"]:
        if "protein" in basis:
            assert "the review prints bare masses" in basis, basis


def test_ref_43_reads_induction_not_stated_not_unreported(studies):
    """Fifth reading 5.3: Table 1 row 27 (ref 43) prints "Skin aging model of nude mice": a model, no induction.
    The reporting count stays 25 of 26 MSC studies with animals."""
    table = dosing.completeness(studies).set_index("ref")
    assert table.loc[43, "how the model was made"] == "model printed, induction not stated"
    summary = dosing.completeness_summary(dosing.completeness(studies))
    line = summary[(summary["item"] == "how the model was made") & (summary["modality"] == "cells")].iloc[0]
    assert (int(line["reported"]), int(line["applicable"])) == (25, 26)
