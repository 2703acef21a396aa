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

import re

import pytest

from helpers.data import curated, derive
from helpers.outputs import tables
from tests.unit._audit import audit_frame
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
    # fifth reading 5.2: titles of the in vitro-only refs 54, 55, 58, 71, 74, 81, 82 that speak of animal work
    # or a route into a body: 58 ("cognitive impairment", "hippocampus"), 74 ("bone loss"), 82 ("Topical")
    (3, "titles of the in vitro-only rows"),
    (7, "in vitro only"),
    (58, "ref"),
    (74, "ref"),
    (82, "ref"),
    (14, "modified or co-delivered"),
    (28, "of all"),
    (53, "fifth reading 5.3: the body text's 'lipopolysaccharide-pretreated' parent cells of [53]"),
    # fifth reading 5.4: rows 3, 4, 14, 15 print "-Exos-miR-22-3p", "-Exo-miR-144-5p", "-Exos-miR-21a-5p",
    # "-Exos-miR-100-5p" and are coded native
    (4, "rows naming a miRNA in the product"),
    (51, "ref"),
    (52, "ref"),
    (66, "ref"),
    (67, "ref"),
]


def test_legend_is_the_printed_one_character_by_character():
    legend = tables.legend("table2")
    assert legend == printed_legend("hUCMSC: Human umbilical cord derived")
    assert "Premature ovarian failure AD: Alzheimer's disease" in legend  # no ";" the print lacks


def test_every_number_in_what_to_notice_recounts_from_the_print():
    text = notice("exosome_studies")
    # quoted words (product names such as 'hUCMSCs-Exos-miR-22-3p') are printed cells, not counts
    assert numbers(re.sub(r"(?<!\w)'[^']*'(?!\w)", "", text)) == [n for n, _ in EXPECTED]
    assert "7 of the 28 are in vitro only" in text
    # second reading 2.2: the rows print no animal; that is not proof the cited study treated none
    assert "print no animal model or in vivo route, which does not say that the cited study treated no animal" in text
    assert "with no animal treated" not in text


@pytest.mark.parametrize(
    "row, words",
    [
        # fifth reading 5.1: the setting notes say what W8 says, "reads as", and leave the animals open
        (9, "'24 h' reads as an incubation time"),
        (21, "'50 µg/ml' as an amount or concentration in the dish"),
        (26, "'48 h' reads as an incubation time"),
        (27, "'4 h' reads as an incubation time"),
        (9, "whether the cited study also followed or dosed animals is not reported in the row"),
        (21, "whether the cited study also followed or dosed animals is not reported in the row"),
        (26, "whether the cited study also followed or dosed animals is not reported in the row"),
        (27, "whether the cited study also followed or dosed animals is not reported in the row"),
        (5, "number of cells"),  # W3
        (16, "200-fold"),  # W4, "IV 100 mg"
        (14, "does not say how much a mouse received"),  # W3, "IV 0.5 mg/mL"
        (15, "Apo⁻/⁻"),  # T1
        (9, "effects speak of mice"),  # W6
        (20, '"Iv"'),  # A5
        # second reading: what the notes must now say, read from the print
        # 2.3, #5: "NA" beside a CDDP mouse model followed 4 weeks; third reading audit 3.2: in the route's
        # place the print says only that Not Applicable cannot be meant, not what NA stands for
        (1, 'Not Applicable cannot be meant here, and what "NA" stands for in this cell is not reported'),
        # fourth reading 4.2: "IV NA" worded as row 1's NA, with no guess at what NA stands for
        (22, 'Not Applicable cannot be meant here, and what "NA" stands for in this cell is not reported'),
        (23, 'Not Applicable cannot be meant here, and what "NA" stands for in this cell is not reported'),
        (5, "producer-cell equivalents"),  # 2.4: "OV 2×10⁶ cells", as the review gives NCT06202547's dose
        (17, "exosome-mimetic nanoparticles"),  # 2.5: ref 70's title
        (18, "exosome-mimetic nanovesicles"),  # 2.5: ref 71's title and the row's effects
        (25, "names OP"),  # 2.6: a surgical bone defect filed under OP; ref 80's title names no osteoporosis
        (9, "no treatment of animals is printed"),  # 2.2: what the row prints, not what the study did
        (27, "no treatment of animals is printed"),
        (27, '"Topical"'),  # 2.2: ref 82's title speaks of topical application
        # third reading: the text cites [74] for ref 75's microRNA-21 finding and [75] for ref 74's Nrf2/HO-1 (3.2)
        (21, "very probably swapped"),
        (22, "very probably swapped"),
        (22, "ankylosing spondylitis"),  # 3.3: ref 75's title; proteoglycan-induced spondylitis
        (21, "dexamethasone-induced bone loss"),  # 3.4: ref 74's title speaks of an animal outcome
        (23, "osteoblasts"),  # 3.6: the text says osteoblasts, the row prints Osteoclast
        (20, "in another letter case"),  # 3.7: "Iv" against the legend's IV
    ],
)
def test_the_notes_a_reader_needs_are_under_the_table(row, words):

    printed = curated.load("exosome_studies")
    derived = derive.derive("exosome_studies", printed, curated.load("abbreviations"))
    notes = tables.notes(printed, derived, "exosome_studies", audit_frame())
    assert any(row in tables.note_rows(note) and words in note for note in notes), (row, words)
    assert any(note.startswith("Audit L4 (warning), header, model Dosage/cells") for note in notes)


def test_the_caption_names_every_kind_of_vesicle_the_table_holds():
    """Second reading 2.5: rows 1 and 7 are EVs, rows 17 and 18 exosome-mimetic vesicles (their titles)."""
    from helpers.core.catalog import EXHIBITS

    caption = EXHIBITS["table2"].caption
    assert "other extracellular vesicles" in caption and "exosome-mimetic vesicles" in caption


@pytest.mark.parametrize("row", [1, 5, 9, 17, 18, 21, 22, 23, 25, 26, 27])
def test_no_note_says_an_animal_was_not_treated(row):
    """Second reading 2.2: a row that prints no animal does not show that no animal was treated."""

    printed = curated.load("exosome_studies")
    derived = derive.derive("exosome_studies", printed, curated.load("abbreviations"))
    notes = tables.notes(printed, derived, "exosome_studies", audit_frame())
    assert not any("no animal received" in note for note in notes)
    assert not any("Audit W3 (warning)" in note for note in notes)  # 2.4: a cell-equivalent dose is a check


def _notes() -> tuple[str, ...]:
    printed = curated.load("exosome_studies")
    derived = derive.derive("exosome_studies", printed, curated.load("abbreviations"))
    return tables.notes(printed, derived, "exosome_studies", audit_frame())


def test_the_table_paragraph_does_not_say_no_animal_was_treated():
    """Third reading 3.1: the notebook's own account of the setting notes says what the rows print."""
    import json

    from tests.conftest import ROOT

    cells = json.loads((ROOT / "notebooks" / "table2.ipynb").read_text(encoding="utf-8"))["cells"]
    prose = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "no animal received" not in prose
    # fourth reading 4.1: the paragraph names the rows that get setting notes, not all rows without an animal
    assert "setting notes on in vitro-only rows that print an animal model, a time or a dose" in prose
    assert "in vivo + in vitro rows that print one time for both arms" in prose


# Fourth reading 4.1 and 4.3, recounted from the print: in vitro-only rows 6, 7, 9, 18, 21, 26, 27, of which
# 9, 21, 26, 27 print a time or a concentration; rows 2, 3, 10, 23 print an animal model with an in vivo route
# and an in vitro model (GCs, GCs, SH-SY5Y, Osteoclast) but one time (2 weeks, 72 h, 14 days, 3 days).
def test_setting_notes_stand_under_the_rows_the_paragraph_names():
    setting = [n for n in _notes() if n.startswith("Setting note")]
    assert sorted(r for n in setting for r in tables.note_rows(n)) == [2, 3, 9, 10, 21, 23, 26, 27]
    for row, time in ((2, "'2 weeks'"), (3, "'72 h'"), (10, "'14 days'"), (23, "'3 days'")):
        (note,) = [n for n in setting if row in tables.note_rows(n)]
        assert time in note and "is not reported in the review" in note, row


def test_one_point_is_made_once_for_consecutive_rows():
    """Fourth reading 4.5: the [74]/[75] swap note stands once, naming rows 21 and 22; 4.2: both "IV NA" rows
    read as row 1's NA, with no guess at the likeliest meaning."""
    notes = _notes()
    swapped = [n for n in notes if "very probably swapped" in n]
    assert len(swapped) == 1 and tables.note_rows(swapped[0]) == (21, 22)
    assert not any("most likely" in n for n in notes)
    (na,) = [n for n in notes if n.startswith("Audit A9") and 22 in tables.note_rows(n)]
    assert tables.note_rows(na) == (22, 23)


def test_the_notes_say_the_cell_where_they_quote_a_cell():
    """Fourth reading 4.4: "The text" is the review's body; a quoted table cell is "the cell"."""
    assert not any("The text reads" in n for n in _notes())


def test_a_spelling_tally_is_not_a_note_on_a_row():
    """Third reading 3.5: "HucMSC-Exo" (row 10) and "BMMSCs" (row 24) are spellings, printed so on other rows too."""
    assert not any(note.startswith("Audit L1") for note in _notes())


def test_the_notes_are_listed_row_by_row():
    """Table 3 third reading 3.3, for every table: a reader meets each row's notes together, header first."""
    rows = [tables.noted_row(note) for note in _notes()]
    assert rows == sorted(rows) and rows[0] == 0


@pytest.mark.parametrize(
    "row, pointer",
    [
        # Fifth reading 5.1: row 9 prints "improve cognitive impairment in AD model mice" (W6); row 21's
        # transcription note reads ref 74's title ("dexamethasone-induced bone loss") as animal work.
        (9, "see audit W6"),
        (21, "see the transcription note"),
    ],
)
def test_setting_notes_point_to_the_notes_that_speak_of_animals(row, pointer):
    setting = [n for n in _notes() if n.startswith("Setting note") and row in tables.note_rows(n)]
    assert len(setting) == 1 and pointer in setting[0], setting


def test_no_setting_note_says_flatly_what_a_time_or_dose_is():
    """Fifth reading 5.1 (audit 5.2): W8 now says a time "reads as" an incubation time; the notes labelled W8
    must not say "is … not a follow-up of animals" or "not a dose to an animal"."""
    for note in _notes():
        assert "not a follow-up of animals" not in note and "not a dose to an animal" not in note, note


def test_the_notice_names_the_in_vitro_rows_whose_titles_speak_of_animals():
    """Fifth reading 5.2: refs 58 (AD model, hippocampus) and 74 (dexamethasone-induced bone loss); ref 82's
    title speaks of topical application, as the design exhibit counts it."""
    text = notice("exosome_studies")
    assert "[58] ('cognitive impairment', 'hippocampus'), [74] ('bone loss'), [82] ('Topical')" in text


def test_the_notice_says_where_the_modification_codes_come_from():
    """Fifth reading 5.3 and 5.4: row 5 [53] counts for its printed HAMA; the primed parent cells come from the
    body text (studies.csv records them); exosome names with a miRNA and no "overexpressed" count as native."""
    text = notice("exosome_studies")
    assert "For [53] the review's body text adds a modification its cells do not print" in text
    assert "this count reads the cells only" in text
    for ref, name in ((51, "hUCMSCs-Exos-miR-22-3p"), (52, "BMMSCs-Exo-miR-144-5p"), (66, "hUCMSC-Exos-miR-21a-5p")):
        assert f"'{name}' [{ref}]" in text
    assert "whether the microRNA was added is not reported in the review" in text
    printed = curated.load("exosome_studies")
    derived = tables._derived("exosome_studies", printed, curated.load("abbreviations"))
    assert derived.loc[printed["ref"] == 53, "modification"].item() == "biomaterial"  # HAMA, as printed
