"""Table 1: the legend is the print's, character by character; every number of "What to notice" recounts
from the printed rows; the notes a reader needs stand under the table.

Recounted by hand from the printed Table 1 (28 rows, refs [10]-[44]):

* diseases: POF 12 ([11]-[24]), AD 6 ([25], [28], [29], [31], [32], [33]);
* MSC sources: UC 13, AD 8, BM 4, AM 2, DP 2 = 29, because row 8 ([18], "hUCMSC/ hAD-MSC")
  compares two sources;
* animals treated: 26 of 28 (mouse 16, rat 9, rabbit 1); in vitro only 2: [25] (route "coculture",
  the 5XFAD mice only supplied cells) and [44] (no animal model);
* modified products: the 10 printed Precondition cells ([15], [16], [21], [22], [23], [24], [31], [32],
  [33], [37]).
"""

from __future__ import annotations

import pytest

from helpers.data import curated, derive
from helpers.outputs import tables
from tests.unit.analysis._table_reading import notice, numbers, printed_legend

EXPECTED = [
    (28, "rows"),
    (12, "POF"),
    (28, "of all rows"),
    (6, "AD"),
    (28, "of all rows"),
    (13, "UC"),
    (8, "AD-MSC"),
    (4, "BM"),
    (2, "AM"),
    (2, "DP"),
    (1, "row counted under two sources"),
    (18, "its reference"),
    (29, "source counts"),
    (28, "studies"),
    (26, "animal treated"),
    (28, "of all"),
    (16, "mouse"),
    (9, "rat"),
    (1, "rabbit"),
    (2, "in vitro only"),
    (28, "of all"),
    (10, "modified"),
    (28, "of all"),
]


def test_legend_is_the_printed_one_character_by_character():
    assert tables.legend("table1") == printed_legend("hUC-MSC: human umbilical cord-derived")


def test_every_number_in_what_to_notice_recounts_from_the_print():
    text = notice("msc_studies")
    assert numbers(text) == [n for n, _ in EXPECTED]
    assert "sum to 29 for 28 studies" in text
    assert "2 of the 28 are in vitro only" in text
    assert "Adipose tissue (AD)" in text  # not to be read as Alzheimer's disease


def test_host_counts_leave_out_the_study_without_a_treated_animal():
    printed = curated.load("msc_studies")
    derived = derive.derive("msc_studies", printed, curated.load("abbreviations"))
    hosts = tables.summary(printed, derived, "msc_studies")["Host species"]
    assert dict(zip(hosts["host species"], hosts["studies"])) == {
        "mouse": 16,
        "rat": 9,
        "in vitro only": 2,
        "rabbit": 1,
    }


@pytest.mark.parametrize(
    "row, words",
    [
        (16, "AlCl3"),  # "AIC3"
        (22, "NA, which the legend defines as Not Applicable"),  # "NA 2 × 10⁷"
        (14, "'5XFAD mice') supplied cells"),  # coculture
        (9, "intrarenal"),  # W2: route OV, effects intrarenal
        (13, '"MI"'),  # A3: MI defined nowhere
        (22, "myocardial infarction"),  # R1
        (26, "gingiva"),  # R2
        (13, "patients"),  # R3
    ],
)
def test_the_notes_a_reader_needs_are_under_the_table(row, words):
    from helpers.audit import runner

    printed = curated.load("msc_studies")
    derived = derive.derive("msc_studies", printed, curated.load("abbreviations"))
    notes = tables.notes(printed, derived, "msc_studies", runner.frame(runner.findings(), runner.reviewed()))
    assert any(f"row {row}" in note and words in note for note in notes), (row, words)
