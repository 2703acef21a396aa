"""Rules of the gap map and the dosing completeness on small literal data (issue 21).

Mutants of these rules were caught only because nbval's committed outputs
changed; these tests say which rule broke.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import dosing, gapmap

NA = pd.NA


def _studies(*items):
    base = {"table": "table1", "ref": 1, "modality": "cells", "disease_code": "AD", "tissue": "UC"}
    return pd.DataFrame([base | {"row": i} | item for i, item in enumerate(items, 1)])


def _trials(*items):
    base = {"table": "table3", "ref": NA, "nct_id": NA, "modality": "cells", "disease_code": "AD", "tissue": "UC"}
    base |= {"phase": "2", "status": "Completed", "design": "registered trial"}
    return pd.DataFrame([base | {"row": i} | item for i, item in enumerate(items, 1)])


STUDIES = _studies({}, {"disease_code": "POF", "tissue": "BM"})
TRIALS = _trials({}, {"disease_code": "SKIN", "tissue": "AD"})

GAPS = [
    # disease, source: preclinical, trials, the label the grid gives
    ("AD", "UC", 1, 1, "both"),
    ("POF", "BM", 1, 0, "preclinical only"),
    ("SKIN", "AD", 0, 1, "clinical only"),
    ("AD", "BM", 0, 0, "neither"),
]


@pytest.mark.parametrize("disease, source, pre, tri, label", GAPS)
def test_gap_labels_say_which_side_has_evidence(disease, source, pre, tri, label):
    """grid: "preclinical only" = studies but no clinical study; "clinical only" = clinical studies but no study."""
    cells = gapmap.grid(STUDIES, TRIALS)
    cell = cells[(cells["modality"] == "cells") & (cells["disease"] == disease) & (cells["source"] == source)]
    assert cell[["preclinical", "trials", "gap"]].values.tolist() == [[pre, tri, label]]


def test_gap_facts_name_the_sources_with_one_side_only():
    """facts: sources with preclinical evidence only, and with trials only, over the whole grid."""
    facts = gapmap.facts(gapmap.grid(STUDIES, TRIALS))
    assert facts["sources_preclinical_only"] == ["BM"]
    assert facts["sources_clinical_only"] == ["AD"]
    cells_only = gapmap.grid(STUDIES, TRIALS).query("modality == 'cells'")["gap"].value_counts().to_dict()
    assert cells_only == {"neither": 6, "both": 1, "preclinical only": 1, "clinical only": 1}


REPORTED, NOT, NO = "reported", "not reported in the review", "not applicable"
COMPLETENESS = [
    # setting, host, model, follow-up days: how the model was made, follow-up, incubation time
    # (host species is no item: a study has animals when its Animal model cell is printed, second reading 2.14)
    ("in vivo", "mouse", "induced", 28.0, (REPORTED, REPORTED, NO)),
    ("in vivo", NA, NA, NA, (NOT, NOT, NO)),
    ("in vitro", NA, NA, NA, (NO, NO, NOT)),
    ("in vivo + in vitro", "rat", NA, NA, (NOT, NOT, NO)),
    (NA, NA, NA, NA, (NOT, NOT, NO)),
]


@pytest.mark.parametrize("setting, host, model, days, expected", COMPLETENESS)
def test_animal_items_apply_to_studies_with_animals_and_dish_items_to_in_vitro_only_ones(
    setting, host, model, days, expected
):
    """completeness: in vivo items apply to any study with an animal arm, in vitro items to studies in a dish only.

    A study of unknown setting is held to the in vivo items (it may have used animals).
    """
    studies = pd.DataFrame(
        {
            "table": ["table1"],
            "row": [1],
            "ref": [1],
            "modality": ["cells"],
            "setting": pd.array([setting], dtype="string"),
            "host_species": [host],
            "model_class": [model],
            "route": ["IV"],
            "route_missing": [""],
            "dose_kind": ["cells"],
            "dose_missing": [""],
            "follow_up_days": pd.array([days], dtype="Float64"),
            "unassigned_time_days": pd.array([NA], dtype="Float64"),
            "incubation_hours": pd.array([NA], dtype="Float64"),
        }
    )
    row = dosing.completeness(studies).iloc[0]
    assert tuple(row[["how the model was made", "follow-up", "incubation time"]]) == expected
    assert "host species" not in row.index
    animals = not (isinstance(setting, str) and setting == "in vitro")
    assert tuple(row[["route", "amount given"]]) == ((REPORTED, REPORTED) if animals else (NO, NO))
