"""Evidence map R2 (fig2): every number in its caption and "What to notice" is checked against a recount.

The expected values are recounted by hand from the printed Effects cells of
Tables 1-2 against the definitions in data/categories.csv, where a
transcription factor (KLF6, FOXO1/FOXO3a, NR4A1, ATF4-ATF3-CHOP) is not a
signalling pathway family.
"""

from __future__ import annotations

import re

import pytest

from helpers.analysis import evidence
from helpers.audit import runner as audit
from helpers.notebook.session import start
from helpers.outputs import narrative
from tests.unit.analysis._evidence_reading import (
    check_caption_names_audited_rows,
    check_claim,
    check_every_number_is_covered,
)

IDENTIFIERS = re.compile(
    r"\[\d+\]|Tables? \d(?:-\d)?(?: row \d+)?|\b[A-Z]\d\b|fig\d\.\w+\.csv|\(\d{4}\)|CC BY-NC-ND \d\.\d"
    r"|PI3K/AKT/mTOR|NF-κB|Nrf2/HO-1|FOXO\d\w*|ATF\d"
)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    run = start("fig2", {})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    kinds = ("pathway", "regulator")
    cells = evidence.pathway_matrix(selected, tagged)
    counted = {
        "pathway": evidence.counted(selected, tagged, "pathway"),
        "regulator": evidence.counted(selected, tagged, "regulator"),
        "either": evidence.counted(selected, tagged, kinds),
    }
    keys = evidence.drawn_keys(selected, tagged, kinds)
    flags = evidence.flagged(selected, audit.frame(audit.findings(), audit.reviewed()), keys)
    return {
        "note": narrative.pathway_note(counted, len(keys), evidence.settings(selected, keys), flags),
        "notice": narrative.pathway_notice(cells, counted),
    }


# The 19 studies Fig. 2 draws (a family or a transcription factor in the Effects cell); of these the audit
# questions at least [42] (R2: the title says gingival MSCs, the row DP).
DRAWN = {
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "22",
    "32",
    "35",
    "42",
    "48",
    "49",
    "51",
    "52",
    "57",
    "66",
    "67",
    "68",
    "74",
}
MUST_NAME = {"42"}

CLAIMS = [
    # [74] (Table 2 row 21) is the only drawn study done in a dish only.
    ("note", r"in vitro only \((\d+) of the (\d+) drawn\)", (1, 19)),
    # Families: MSC [11] [12] [14] [15] [16] [22] [32] [35] [42]; exosome [48] [49] [52] [57] [66] [67] [68] [74].
    # Factors: [11] [12] [13] [15] [51] [66]. Either: the 17 plus [13] and [51].
    ("note", r"Drawn: the (\d+) of the (\d+) selected studies", (19, 56)),
    ("note", r"pathway family \((\d+)\) or a transcription factor \((\d+)\)", (17, 6)),
    ("notice", r"(\d+) of the (\d+) selected studies name a signalling pathway family", (17, 56)),
    ("notice", r"Effects cell \((\d+) %\)", (30,)),
    ("notice", r"(\d+) name a transcription factor, and (\d+) name either", (6, 19)),
    ("notice", r"PI3K/AKT/mTOR \((\d+) studies\), NF-κB \((\d+) studies\), Wnt/β-catenin \((\d+) studies\)", (5, 3, 3)),
    # POF: MSC [11]-[16], [22] (7) + exosome [48], [49], [51], [52] (4).
    ("notice", r"Premature ovarian failure contributes the most of the (\d+) studies drawn \((\d+)\)", (19, 11)),
    ("notice", r"(\d+) of the (\d+) test MSC-derived exosomes", (9, 19)),
]


@pytest.mark.parametrize("which, pattern, numbers", CLAIMS, ids=[c[1][:40] for c in CLAIMS])
def test_each_claim_carries_the_recounted_numbers(texts, which, pattern, numbers):
    check_claim(texts, which, pattern, numbers)


def test_the_caption_names_every_drawn_row_the_audit_questions(texts):
    check_caption_names_audited_rows(texts["note"], DRAWN, MUST_NAME)


@pytest.mark.parametrize("which", ["note", "notice"])
def test_no_number_in_the_text_goes_unchecked(texts, which):
    check_every_number_is_covered(texts[which], CLAIMS, IDENTIFIERS)


def test_the_notice_no_longer_says_only_n_name_a_pathway_at_all(texts):
    assert "at all" not in texts["notice"]
    assert "data/categories.csv" in texts["notice"]
