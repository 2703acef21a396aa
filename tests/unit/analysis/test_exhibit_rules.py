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


COMPLETENESS = [
    # setting, host, model, follow-up days: host species, animal model, follow-up, in vitro model
    ("in vivo", "mouse", "induced", 28.0, ("reported", "reported", "reported", "not applicable")),
    ("in vivo", NA, NA, NA, ("not reported", "not reported", "not reported", "not applicable")),
    ("in vitro", NA, NA, NA, ("not applicable", "not applicable", "not applicable", "reported")),
    ("in vivo + in vitro", "rat", NA, NA, ("reported", "not reported", "not reported", "reported")),
    (NA, NA, NA, NA, ("not reported", "not reported", "not reported", "not applicable")),
]


@pytest.mark.parametrize("setting, host, model, days, expected", COMPLETENESS)
def test_host_model_and_follow_up_apply_to_every_study_but_in_vitro_only_ones(setting, host, model, days, expected):
    """completeness: an in-vitro-only study has no host, model or follow-up to report; any other study has.

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
            "dose_kind": ["cells"],
            "follow_up_days": pd.array([days], dtype="Float64"),
        }
    )
    row = dosing.completeness(studies).iloc[0]
    assert tuple(row[["host species", "animal model", "follow-up", "in vitro model"]]) == expected
    assert tuple(row[["route", "dose"]]) == ("reported", "reported")
