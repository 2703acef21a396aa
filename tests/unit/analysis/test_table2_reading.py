"""Table 2: the legend is the print's, character by character (no separator the print lacks); every number
of "What to notice" recounts from the printed rows; the notes a reader needs stand under the table.

Recounted by hand from the printed Table 2 (28 rows, refs [48]-[83]):

* diseases: AD 8 ([54]-[63]), OP 7 ([72]-[80]);
* sources of the parent MSCs: UC 13, BM 9, AD 5, DP 1 = 28;
* animals treated: 21 (mouse 14, rat 7); in vitro only 7: [54], [55], [58], [71], [74], [81], [82];
* modified or co-delivered products: 14 = [53], [54], [60], [61], [62], [70], [71], [73], [75], [77],
  [78], [80], [82] and [81] (HCOPs used "to enhance" the exosomes, a co-treatment).
"""

from __future__ import annotations

import pytest

from helpers.data import curated, derive
from helpers.outputs import tables
from tests.unit.analysis._table_reading import notice, numbers, printed_legend

EXPECTED = [
    (28, "rows"),
    (8, "AD"),
    (28, "of all rows"),
    (7, "OP"),
    (28, "of all rows"),
    (13, "UC"),
    (9, "BM"),
    (5, "AD-MSC"),
    (1, "DP"),
    (21, "animal received the exosomes, as printed"),
    (28, "of all"),
    (14, "mouse"),
    (7, "rat"),
    (7, "in vitro only"),
    (28, "of all"),
    (14, "modified or co-delivered"),
    (28, "of all"),
]


def test_legend_is_the_printed_one_character_by_character():
    legend = tables.legend("table2")
    assert legend == printed_legend("hUCMSC: Human umbilical cord derived")
    assert "Premature ovarian failure AD: Alzheimer's disease" in legend  # no ";" the print lacks


def test_every_number_in_what_to_notice_recounts_from_the_print():
    text = notice("exosome_studies")
    assert numbers(text) == [n for n, _ in EXPECTED]
    assert "7 of the 28 are in vitro only" in text
    # second reading 2.2: the rows print no animal; that is not proof the cited study treated none
    assert "print no animal model or in vivo route, which does not say that the cited study treated no animal" in text
    assert "with no animal treated" not in text


@pytest.mark.parametrize(
    "row, words",
    [
        (9, "'24 h' is an incubation time"),
        (21, "'50 µg/ml' is an amount or concentration in the dish"),
        (26, "'48 h' is an incubation time"),
        (27, "'4 h' is an incubation time"),
        (5, "number of cells"),  # W3
        (16, "200-fold"),  # W4, "IV 100 mg"
        (14, "does not say how much a mouse received"),  # W3, "IV 0.5 mg/mL"
        (15, "Apo⁻/⁻"),  # T1
        (9, "effects speak of mice"),  # W6
        (20, '"Iv"'),  # A5
    ],
)
def test_the_notes_a_reader_needs_are_under_the_table(row, words):
    from helpers.audit import runner

    printed = curated.load("exosome_studies")
    derived = derive.derive("exosome_studies", printed, curated.load("abbreviations"))
    notes = tables.notes(printed, derived, "exosome_studies", runner.frame(runner.findings(), runner.reviewed()))
    assert any(f"row {row}" in note and words in note for note in notes), (row, words)
    assert any(note.startswith("Audit L4 (warning), header, model Dosage/cells") for note in notes)


def test_the_caption_names_every_kind_of_vesicle_the_table_holds():
    """Second reading 2.5: rows 1 and 7 are EVs, rows 17 and 18 exosome-mimetic vesicles (their titles)."""
    from helpers.core.catalog import EXHIBITS

    caption = EXHIBITS["table2"].caption
    assert "other extracellular vesicles" in caption and "exosome-mimetic vesicles" in caption
