"""Every number in Table 3's "What to notice" and caption, against a recount of the printed Table 3."""

from __future__ import annotations

import pytest

from helpers.core.catalog import get
from helpers.data import curated, derive
from helpers.outputs import narrative, tables
from tests.conftest import ROOT
from tests.unit._audit import audit_frame
from tests.unit.analysis._numbers import numbers

# Recount of the printed Table 3: 18 rows; POF 7 (rows 1-7), AD 6 (8-13); BM 6 (2, 3, 4, 7, 11, 14), UC 6
# (1, 6, 10, 13, 15, 16); 17 registered trials of which 6 completed (4, 8, 9, 11, 12, 14); row 17 prints [39]
# (retrospective cohort study, status Completed); exosomes 4 (7, 12, 13, 18), of which rows 7 ("MSC-EVs") and 13
# ("HUC-MSC-sEV-001") name extracellular vesicles in their Purpose; rows 2 and 3 print the same Results.
# Fifth reading: 5.2, UCB rows 8 and 18 = 2 counted apart from UC; 5.3, row 7 prints "MSC-EVs" and row 13
# "HUC-MSC-sEV-001" (its digits are a product code, not a count).
EXPECTED = [18, 7, 6, 6, 6, 2, 17, 18, 6, 1, 39, 4, 18, 7, 13, 2, 3]


def test_what_to_notice_states_only_recounted_numbers():
    printed = curated.load("clinical_trials")
    derived = derive.derive("clinical_trials", printed, curated.load("abbreviations"))
    text = narrative.table_notice("clinical_trials", printed, derived)
    assert numbers(text.replace("HUC-MSC-sEV-001", "")) == EXPECTED
    assert "retrospective cohort study, cited as [39]" in text
    assert "took part" not in text and "planned" not in text
    assert "test MSC-derived vesicles rather than cells" in text
    # fifth reading 5.1: "registered" and "completed" rest on the print
    assert "17 of the 18 rows print an NCT number, 6 of these the status 'Completed'" in text
    assert "the date they were read is not reported in the review" in text and "are registered trials" not in text
    # 5.2: tissue of the cells or their vesicles, cord blood apart
    assert "Umbilical cord (6) (tissue of the cells or of their vesicles; umbilical cord blood, 2 more" in text
    # 5.3: the printed names, and no expansion the review does not give
    assert "row 7 'MSC-EVs' and row 13 'HUC-MSC-sEV-001'" in text and "the review expands neither code" in text
    assert "calls them extracellular vesicles" not in text


def test_the_caption_does_not_call_every_row_registered():
    caption = get("table3").caption
    assert numbers(caption) == []
    assert "retrospective cohort study" in caption and not caption.startswith("Registered")


def test_the_legend_keeps_the_prints_missing_separator():
    """The print reads 'POF: Premature ovarian failure AD: Alzheimer's disease' with no ';' between them."""
    legend = tables.legend("table3")
    assert "POF: Premature ovarian failure AD: Alzheimer’s disease; AS: Atherosclerosis" in legend


def test_enrollment_summary_keeps_the_cohort_apart_and_reads_no_status_as_took_part():
    summary = tables.summary(
        curated.load("clinical_trials"),
        derive.derive("clinical_trials", curated.load("clinical_trials"), curated.load("abbreviations")),
        "clinical_trials",
    )
    table = summary["Enrollment by design and status"]
    rows = {
        (d, s): (n, e) for d, s, n, e in table[["design", "research status", "studies", "enrollment as printed"]].values
    }
    assert rows[("registered trial", "Completed")] == (6, 122)
    assert rows[("retrospective cohort study", "Completed")] == (1, 78)
    assert rows[("all rows", "all statuses")] == (18, 547)
    assert not table["meaning"].str.contains("took part|planned").any()
    # fifth reading 5.2: the values are tissues, exosome rows 7, 12, 13, 18 under their parent cells' tissue
    assert "tissue source (of the cells or their vesicles)" in summary["MSC source"]
    sources = dict(zip(summary["MSC source"].iloc[:, 0], summary["MSC source"]["studies"]))
    assert sources == {
        "Bone marrow (BM)": 6,
        "Umbilical cord (UC)": 6,
        "Adipose tissue (AD)": 4,
        "Umbilical cord blood (UCB)": 2,
    }


# The notes a citer of tables/table3.* needs (second reading 2.1-2.3), as the reader found them in the print and the
# audit: (row, words the note must hold).
NOTES = [
    (17, "ClinicalTrials.gov"),  # I9: "[39]" instead of an NCT number, under a legend naming the registry
    (2, "same results word for word"),  # X1 with row 3
    (3, "same results word for word"),  # X1 with row 2
    (10, "etudy"),  # T1
    (16, "is not reported in the review"),  # "NA" where the Purpose names an implantation (A9, 3.3: one note)
    (14, "fucosylated"),  # the review's own text on NCT02566655
    # third reading: the review's AD paragraph reports results for NCT02054208 and NCT02600130 (3.1)
    (8, '"its efficacy remains unclear"'),
    (11, "no significant improvement in cognitive performance"),
    (2, "not checked against the registry"),  # 3.2: X1 no longer guesses that a row was copied
    # 3.4: printed results with no publication the review cites (rows 12 and 17 cite [64] and [39])
    (2, "not checked against ClinicalTrials.gov"),
    (3, "not checked against ClinicalTrials.gov"),
    (4, "not checked against ClinicalTrials.gov"),
    (9, "not checked against ClinicalTrials.gov"),
    # fourth reading: the POF paragraph repeats only FSH, AMH and estradiol for NCT02696889 (4.2); the AD paragraph
    # repeats row 9's result with only NCT03117738 (4.3); ref 39's title says arteriosclerosis (4.1); a quoted
    # table cell is "the cell" (4.5)
    (4, "repeats only the FSH, AMH and estradiol changes"),
    (4, "pregnancy) are not in the text"),
    (9, "repeats the result (a 21-patient trial limited by its small sample size), citing only the NCT number"),
    (17, '"arteriosclerosis"'),
    (14, 'The cell reads "fucoidan glycosylated BM-MSC"'),
]


@pytest.mark.parametrize("row, words", NOTES)
def test_the_notes_a_reader_needs_are_under_the_table(row, words):

    printed = curated.load("clinical_trials")
    derived = derive.derive("clinical_trials", printed, curated.load("abbreviations"))
    notes = tables.notes(printed, derived, "clinical_trials", audit_frame())
    assert any(row in tables.note_rows(note) and words in note for note in notes), (row, words)


@pytest.mark.parametrize("row, words", NOTES)
def test_the_exported_markdown_carries_the_notes(row, words):
    """The citable file, not only the notebook, holds each note (the Tables 1-2 exports already did)."""
    text = (ROOT / "tables" / "table3.md").read_text(encoding="utf-8")
    assert any(row in tables.note_rows(line) and words in line for line in text.splitlines()), (row, words)


def test_each_point_is_made_once_and_the_notes_go_row_by_row():
    """Third reading 3.2-3.3: no note guesses a row was copied; row 16's "NA" has one note; notes in row order."""
    printed = curated.load("clinical_trials")
    derived = derive.derive("clinical_trials", printed, curated.load("abbreviations"))
    notes = tables.notes(printed, derived, "clinical_trials", audit_frame())
    assert not any("copied" in note for note in notes)
    assert sum("row 16," in note for note in notes) == 1
    rows = [tables.noted_row(note) for note in notes]
    assert rows == sorted(rows)


def test_a_point_on_rows_2_and_3_is_made_once():
    """Fourth reading 4.4: X1 and the unverified-results note say the same of rows 2 and 3: one note each."""
    printed = curated.load("clinical_trials")
    derived = derive.derive("clinical_trials", printed, curated.load("abbreviations"))
    notes = tables.notes(printed, derived, "clinical_trials", audit_frame())
    for words in ("same results word for word", "The review cites no publication"):
        said = [tables.note_rows(n) for n in notes if words in n and {2, 3} & set(tables.note_rows(n))]
        assert said == [(2, 3)], words
    assert not any("The text reads" in n for n in notes)
