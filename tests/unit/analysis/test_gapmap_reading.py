"""Every number in the gap map's caption and "What to notice", against a recount of the printed Tables 1-3."""

from __future__ import annotations

import pytest

from helpers.analysis import gapmap
from helpers.audit import runner as audit
from helpers.audit.registry import RULES
from helpers.data import coded
from helpers.outputs import narrative
from tests.unit.analysis._numbers import numbers

# Recount from the print (seed text).
STUDIES, MSC_ROWS, EXO_ROWS = 56, 28, 28  # Tables 1 and 2
IN_VITRO_ONLY = 9  # no animal work: Table 1 rows 14 [25], 28 [44]; Table 2 rows 6, 7, 9, 18, 21, 26, 27
TRIALS_ROWS = 18
MSC_CLINICAL, MSC_REGISTERED = 14, 13  # Table 3 cells rows; row 17 ([39]) is the retrospective cohort study
EXO_CLINICAL = 4  # Table 3 rows 7, 12, 13, 18
PRECLINICAL_ONLY_CELLS = 13  # 5 MSC + 8 exosome cells
CLINICAL_ONLY_CELLS = 2  # AD x UCB (MSCs, row 8) and skin aging x UCB (exosomes, row 18)
COMPARATOR_ONLY_CLINICAL = 1  # OP x UC (rows 15, 16): Table 1 row 25 [41] compares DP with AD, UC and AM MSCs
COMPARATOR_ARMS = 3  # AD, UC and AM in row 25's Effects cell
# Rows whose cited title names another disease, source or setting: Table 1 row 13 ([24], POF patients),
# row 22 ([37], myocardial infarction), row 26 ([42], gingival MSCs).
FLAGGED = [13, 22, 26]


@pytest.fixture(scope="module")
def made():
    studies, trials = coded.studies(), coded.trials()
    findings = audit.frame(audit.findings(tuple(r for r in RULES if r.startswith("R"))), audit.reviewed())
    arms = gapmap.comparators(studies)
    cells = gapmap.grid(studies, trials, findings, arms)
    return studies, trials, findings, cells


def test_the_caption_states_only_recounted_numbers(made):
    studies, trials, _, cells = made
    text = narrative.gap_note(studies, trials, cells)
    assert numbers(text) == [
        STUDIES,
        IN_VITRO_ONLY,
        TRIALS_ROWS,
        MSC_REGISTERED + EXO_CLINICAL,
        1,
        len(FLAGGED),
        COMPARATOR_ARMS,
    ]
    assert "donor species pooled" in text and "its own selection" in text


def test_what_to_notice_states_only_recounted_numbers(made):
    studies, trials, findings, cells = made
    text = narrative.gap_notice(studies, trials, gapmap.facts(cells), gapmap.flagged_in(studies, findings))
    assert numbers(text) == [
        MSC_ROWS,
        MSC_CLINICAL,
        MSC_REGISTERED,
        1,
        EXO_ROWS,
        EXO_CLINICAL,
        EXO_CLINICAL,
        PRECLINICAL_ONLY_CELLS,
        CLINICAL_ONLY_CELLS,
        COMPARATOR_ONLY_CLINICAL,
        len(FLAGGED),
        *FLAGGED,
    ]
    assert "trial" not in text.replace("registered trial", "")  # the cohort is never called a trial
    assert "in the review's Tables 1-3" in text


def test_cell_counts_recount_the_print(made):
    *_, cells = made
    at = cells.set_index(["modality", "disease", "source"])
    assert at.loc[("cells", "AS", "AD"), ["preclinical", "flagged", "trials", "other_clinical"]].tolist() == [
        3,
        1,
        0,
        1,
    ]
    assert at.loc[("cells", "OP", "DP"), ["preclinical", "flagged"]].tolist() == [2, 1]
    assert at.loc[("cells", "POF", "UC"), ["preclinical", "flagged", "trials"]].tolist() == [8, 1, 2]
    assert at.loc[("cells", "SKIN", "AD"), ["preclinical", "in_vitro_only"]].tolist() == [1, 1]
    assert at.loc[("exosomes", "AD", "UC"), ["preclinical", "in_vitro_only"]].tolist() == [3, 2]
    assert int(cells["in_vitro_only"].sum()) == IN_VITRO_ONLY
