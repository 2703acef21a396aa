"""Table 1: the legend is the print's, character by character; every number of "What to notice" recounts
from the printed rows; the notes a reader needs stand under the table.

Recounted by hand from the printed Table 1 (28 rows, refs [10]-[44]):

* diseases: POF 12 ([11]-[24]), AD 6 ([25], [28], [29], [31], [32], [33]);
* MSC sources: UC 13, AD 8, BM 4, AM 2, DP 2 = 29, because row 8 ([18], "hUCMSC/ hAD-MSC")
  compares two sources;
* animals treated: 26 of 28 (mouse 16, rat 9, rabbit 1); in vitro only 2: [25] (route "coculture",
  no animal treatment printed; the 5XFAD mice probably supplied the cells, which the print does not say)
  and [44] (no animal model);
* modified products: the 10 printed Precondition cells ([15], [16], [21], [22], [23], [24], [31], [32],
  [33], [37]).
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
    # third reading table1 3.1: the in vitro row that prints an animal model ([25], "5XFAD mice") is named
    (25, "its reference"),
    (5, "the 5 of the printed '5XFAD mice'"),
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
        "rabbit": 1,
        "no animal (in vitro only)": 2,  # not a host species: named so, and last (table1 ed2 7.6)
    }
    assert hosts["host species"].iloc[-1] == tables.NO_HOST


@pytest.mark.parametrize(
    "row, words",
    [
        (16, "AlCl3"),  # "AIC3"
        (22, "NA, which the legend defines as Not Applicable"),  # "NA 2 × 10⁷"
        # second reading table1 2.1: an inference about the 5XFAD mice is said to be one
        (14, "probably supplied the cells, which the review does not report"),  # coculture
        (9, "intrarenal"),  # W2: route OV, effects intrarenal
        (13, '"MI"'),  # A3: MI defined nowhere
        (22, "myocardial infarction"),  # R1
        # second reading table1 2.5: GMSCs is quoted as printed, gingiva is our reading, and said to be
        (26, '"GMSCs" (usually read as MSCs from gingiva; expanded in no legend of the review)'),
        (13, "patients"),  # R3
        # second reading table1 2.2: the agents the legends leave unexplained, with their usual meaning
        (6, "zona pellucida glycoprotein 3"),
        (22, "D-galactose"),
    ],
)
def test_the_notes_a_reader_needs_are_under_the_table(row, words):

    printed = curated.load("msc_studies")
    derived = derive.derive("msc_studies", printed, curated.load("abbreviations"))
    notes = tables.notes(printed, derived, "msc_studies", audit_frame())
    assert any(f"row {row}" in note and words in note for note in notes), (row, words)


def _notes() -> tuple[str, ...]:

    printed = curated.load("msc_studies")
    derived = derive.derive("msc_studies", printed, curated.load("abbreviations"))
    return tables.notes(printed, derived, "msc_studies", audit_frame())


def test_one_slip_gets_one_note():
    """Second reading table1 2.3: "MI" (row 13, ref [24]) is one note naming both rules, A3 and A8."""
    on_mi = [n for n in _notes() if '"MI"' in n]
    assert len(on_mi) == 1 and on_mi[0].startswith("Audit A3, A8 (warning), row 13 [24],"), on_mi


@pytest.mark.parametrize(
    "start",
    [
        "Transcription note, row 3 [12],",  # "Y Radiation", printed row 3 cites ref [12]
        "Setting note (audit W7, warning), row 14 [25]:",
        "Audit W2 (error), row 9 [19],",
        "Audit R2 (warning), row 26 [42],",
        # second reading audit 2.2 / table1 2.2: ZP3's A7 is a check; third reading table1 3.2: it is named in
        # the label of the transcription note that explains ZP3, not given a note of its own
        "Transcription note (audit A7, check), row 6 [15],",
    ],
)
def test_every_note_names_its_row_with_the_reference_it_cites(start):
    """Second reading table1 2.4: the table has no row-number column, so each note gives the row's reference."""
    notes = _notes()
    assert any(n.startswith(start) for n in notes), start
    assert all(
        re.match(
            r"((Transcription|Setting) note( \(audit [A-Z]\d+(, [A-Z]\d+)*, (error|warning|check)\))?"
            r"|Audit [A-Z]\d+(, [A-Z]\d+)* \((error|warning|check)\)), (row \d+ \[\d+\]|header)",
            n,
        )
        for n in notes
    ), [n[:60] for n in notes]


def test_the_in_vitro_rows_are_described_as_printed():
    """Third reading table1 3.1: row [25] prints an animal model ("5XFAD mice") but no treatment of it; row
    [44] prints none. The notice must not say that both print no animal model."""
    text = notice("msc_studies")
    assert "print no animal model or in vivo route" not in text
    assert "their rows print no in vivo route ([25] prints '5XFAD mice' as its animal model" in text


@pytest.mark.parametrize(
    "label, rules, words",
    [
        # third reading table1 3.2: the five printed tokens that had two overlapping notes each (the reader's
        # list); the audit's rule is named in the label of the note that already explains the token
        ("Transcription note (audit A7, check), row 6 [15], Animal model:", "A7", "zona pellucida glycoprotein 3"),
        ("Transcription note (audit A7, check), row 16 [29], Animal model:", "A7", "AlCl"),
        ("Transcription note (audit A7, check), row 22 [37], Animal model:", "A7", "D-galactose"),
        ("Transcription note (audit A9, check), row 22 [37], Route Dosage/cells:", "A9", "route is not reported"),
        ("Setting note (audit W7, warning), row 14 [25]:", "W7", "5XFAD mice"),
    ],
)
def test_a_printed_token_our_note_explains_gets_no_second_audit_note(label, rules, words):
    notes = _notes()
    home = [n for n in notes if n.startswith(label)]
    assert len(home) == 1 and words in home[0], (label, home)
    row = re.search(r"row \d+ \[\d+\]", label)[0]
    field = label.split(f"{row}")[1].strip(":, ")
    separate = [n for n in notes if n.startswith(f"Audit {rules} ") and f"{row}, {field}" in n]
    assert separate == [], separate


def test_a_finding_our_note_does_not_explain_keeps_its_own_note():
    """Row 22 [37]'s route cell: the transcription note explains "NA", not the dose the audit's W4 measures."""
    notes = _notes()
    assert any(n.startswith("Audit W4 (check), row 22 [37], Route Dosage/cells:") for n in notes)


def test_the_caption_does_not_say_every_row_treated_an_animal():
    """Third reading table1 3.4: rows [25] and [44] treat no animal; ref 24's title speaks of patients."""
    from helpers.core.catalog import EXHIBITS

    caption = EXHIBITS["table1"].caption
    assert "that treated models" not in caption and "animal or cell models as printed" in caption


# --- fourth reading ------------------------------------------------------------------------------------------


def test_every_confirmed_table1_finding_stands_in_exactly_one_note():
    """Fourth reading table1 4.1 (and 3.2 partly): each confirmed finding on Table 1 is named by one note, its
    own or the note that takes it in, except the rules the tables leave to the audit exhibit (L1)."""
    frame = audit_frame()
    titles = {f["name"]: f["title"] for f in curated.resources()["msc_studies"]["schema"]["fields"]}
    printed = curated.load("msc_studies")
    notes = _notes()
    label = re.compile(
        r"^(?:Audit ([A-Z]\d+(?:, [A-Z]\d+)*) \(\w+\)|\w+ note \(audit ([A-Z]\d+(?:, [A-Z]\d+)*), \w+\))"
    )
    named = []
    for n in notes:
        m = label.match(n)
        named.append(set((m[1] or m[2]).split(", ")) if m else set())
    part = frame[(frame["table"] == "table1") & (frame["verdict"] == "confirmed")]
    missing = {}
    for rule, row, field in zip(part["rule"].str.split(" ").str[0], part["row"].astype(str), part["field"]):
        if rule in tables._NOT_UNDER_A_TABLE:
            continue
        # a setting note names its row only (it speaks of the row's animal model and follow-up together)
        wheres = (
            f"{tables.row_label(printed, row)}, {titles.get(field, field)}:",
            f"{tables.row_label(printed, row)}:",
        )
        hits = [n for n, rules in zip(notes, named) if rule in rules and any(w in n for w in wheres)]
        if len(hits) != 1:
            missing[(rule, row, field)] = len(hits)
    assert missing == {}


def test_the_notebook_says_which_rules_stay_out_of_the_notes():
    """Fourth reading table1 4.1: L1 (hUCMSC on row 8 [18]) is left to the audit exhibit on purpose, and the
    notebook's text under "The table" says so instead of promising every confirmed finding."""
    import json

    from tests.conftest import ROOT

    cells = json.loads((ROOT / "notebooks" / "table1.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "".join(cells[3]["source"])
    assert "## The table" in text
    assert all(f"(rule {rule})" in text for rule in tables._NOT_UNDER_A_TABLE)
    assert "L1" in tables._NOT_UNDER_A_TABLE  # the rule the reader found missing under row 8 [18]


def test_the_notebook_title_does_not_say_every_row_treated_disease():
    """Fourth reading table1 3.4 (partly): the H1 under the caption said every row "treated" disease."""
    import json

    from tests.conftest import ROOT

    cells = json.loads((ROOT / "notebooks" / "table1.ipynb").read_text(encoding="utf-8"))["cells"]
    title = "".join(cells[0]["source"]).splitlines()[0]
    assert "treated" not in title and title.startswith("# Table 1 · Preclinical studies the review lists")


def test_row13_says_the_reviews_own_text_describes_patients():
    """Fourth reading table1 4.2: the print's text puts the study of [24] in patients' ovaries; the note on the
    row's animal model says so and takes in the audit's R3 finding on the same cell."""
    notes = _notes()
    home = [n for n in notes if n.startswith("Transcription note (audit R3, warning), row 13 [24], Animal model:")]
    assert len(home) == 1 and "review's own text" in home[0] and "patients' ovaries" in home[0], home
    assert [n for n in notes if n.startswith("Audit R3 ")] == []


def test_the_host_count_names_the_mouse_row_whose_title_speaks_of_patients():
    """Fourth reading table1 4.2: [24] is counted among the 16 mouse hosts, as printed, but the notice says that
    its cited title speaks of patients (the audit's R3)."""
    from helpers.outputs import narrative

    printed = curated.load("msc_studies")
    derived = tables._derived("msc_studies", printed, curated.load("abbreviations"))
    text = narrative.table_notice("msc_studies", printed, derived, audit_frame())
    assert (
        "(hosts: mouse 16, rat 9, rabbit 1; [24], one of the mouse rows, cites an article whose title speaks "
        "of patients (see the notes under the table))" in text
    )
    assert "[24]" not in notice("msc_studies")  # without the audit's findings, the notice says nothing of it


# --- fifth reading ------------------------------------------------------------------------------------------------


def test_the_table_paragraph_promises_only_the_setting_notes_that_stand():
    """Fifth reading 5.1: row 28 [44] prints no animal model, no time and no dose (route "Coculture"), so it gets
    no setting note; the paragraph promises notes only on in vitro rows that print one of these, as Table 2's does."""
    import json

    from tests.conftest import ROOT

    cells = json.loads((ROOT / "notebooks" / "table1.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "".join(cells[3]["source"])
    assert "setting notes on rows that print no animal model or in vivo route" not in text
    assert "setting notes on in vitro-only rows that print an animal model, a time or a dose" in text
    assert not [n for n in _notes() if n.startswith("Setting note") and 28 in tables.note_rows(n)]
    # row 14 [25] prints "5XFAD mice" under Animal model: it keeps its note
    assert [n for n in _notes() if n.startswith("Setting note") and 14 in tables.note_rows(n)]


def test_row13s_note_says_the_text_speaks_of_cord_blood():
    """Fifth reading 5.2: the text before [24] reads "human umbilical cord blood mesenchymal stem cells
    (hUC-MSCs)"; the row prints hUC-MSC and ref 24's title "UC-MSCs"; Table 4 keeps UCB apart from UC."""
    (note,) = [n for n in _notes() if n.startswith("Transcription note (audit R3, warning), row 13 [24]")]
    assert '"human umbilical cord blood mesenchymal stem cells (hUC-MSCs)"' in note
    assert "which tissue the cells came from is not reported in the review" in note
    assert "UC-MSCs on a collagen scaffold" not in note


def test_row8_points_to_the_texts_route_comparison():
    """Fifth reading 5.4: the text credits [18] with intravenous beating intraovarian injection of UC-MSCs; the
    row prints "OV 3.5 × 10⁵" only and compares AD- with UC-MSCs."""
    (note,) = [n for n in _notes() if n.startswith("Transcription note, row 8 [18], Route Dosage/cells:")]
    assert "intravenously" in note and "OV 3.5 × 10⁵" in note and "no intravenous arm" in note
    assert "rule L1" in note  # the spelling finding that stays in the audit exhibit is named
