"""Every number in the trials exhibit's caption and "What to notice", against a recount of the printed Table 3."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import trials as trial_lines
from helpers.audit import runner as audit
from helpers.data import coded
from helpers.outputs import narrative
from tests.unit.analysis._numbers import numbers

# Recount of the printed Table 3 (seed text), by row: enrollment, status, phase cell, route cell.
# Row 17 prints "A retrospective study" and "[39]"; reference 39's title ends "a retrospective cohort study".
REGISTERED = 17  # rows 1-16 and 18 print an NCT number and a phase
PHASE_1, PHASE_1_2, PHASE_2 = 7, 9, 1  # rows 5,6,7,11,13,14,15 / 1,2,3,4,8,9,10,12,18 / 16
COMPLETED_TRIALS, COMPLETED_ENROLLED = 6, 3 + 46 + 21 + 33 + 9 + 10  # rows 4, 8, 9, 11, 12, 14 = 122
OPEN_TRIALS, OPEN_ENROLLED = 6, (10 + 6 + 100) + (10 + 5 + 20)  # not yet recruiting 5,6,13; recruiting 7,16,18 = 151
IV_TRIALS, OV_TRIALS = 6, 6  # among the 17 trials (row 17, IV, is not a trial)
COHORT_ENROLLED = 78
# The Results column prints words other than "No results published" for rows 2, 3, 4, 9, 12 and 17; row 9's are
# "Conclusions limited by small sample size", a limitation, not an outcome (fourth reading 4.3). So an outcome for
# rows 2, 3, 4, 12, 17; of the completed registered trials (4, 8, 9, 11, 12, 14), rows 4 and 12 print an outcome,
# row 9 only a limitation. The text (print line 121) reports outcomes for rows 11 (NCT02600130) and 8 (NCT02054208).
RESULTS_ROWS, COMPLETED_WITH_RESULTS = 6, 3
OUTCOME_ROWS, LIMITATION_ROW, COMPLETED_WITH_OUTCOME = {2, 3, 4, 12, 17}, 9, 2


@pytest.fixture(scope="module")
def lines() -> pd.DataFrame:
    return trial_lines.landscape(coded.trials())


def test_what_to_notice_states_only_recounted_numbers(lines):
    text = narrative.trials_notice(lines)
    assert numbers(text) == [
        18,
        REGISTERED,
        1,
        39,  # rows; registered trials; 1 retrospective cohort study (ref. [39])
        REGISTERED,
        PHASE_1,
        PHASE_1_2,
        PHASE_2,  # "Of the 17 registered trials, 7 ... 9 ... 1"
        COMPLETED_TRIALS,
        REGISTERED,
        COMPLETED_ENROLLED,
        OPEN_TRIALS,
        REGISTERED,
        OPEN_ENROLLED,
        REGISTERED,
        OV_TRIALS,  # "Most common route among the 17 trials: OV and IV (6 each)"
        COHORT_ENROLLED,
        len(OUTCOME_ROWS),
        18,  # "an outcome for 5 of the 18 rows"
        1,
        LIMITATION_ROW,  # "only a limitation ..., for 1 (Table 3 row 9)" ("Table 3" is a name, not counted)
        18 - RESULTS_ROWS,  # "'No results published' for the other 12"
        COMPLETED_TRIALS,
        COMPLETED_WITH_OUTCOME,
        COMPLETED_WITH_RESULTS - COMPLETED_WITH_OUTCOME,  # "of the 6 completed ..., 2 print an outcome and 1 only ..."
        2,
        8,
        11,  # "For 2 trials printed 'No results published' (Table 3 rows 8 and 11)"
        12,
        64,  # "row 12, ref. [64], whose entry names NCT04388982"
        17,
        39,  # "row 17, ref. [39], the study the row cites"
        2,
        3,
        4,
        9,  # "for rows 2, 3, 4, 9 the review cites no publication"
    ]
    assert "the retrospective cohort study prints an outcome" in text
    assert "not reported in the review" in text
    assert "OV and IV (6 each)" in text
    assert "took part" not in text and "planned" not in text and "participants" not in text


def test_the_caption_states_only_recounted_numbers(lines):
    text = narrative.trials_note(lines)
    assert numbers(text) == [18, REGISTERED, 1, 39]  # the source line after "Source:" is checked below
    assert "proportional to the enrollment printed" in text and "actual or anticipated" in text


def test_the_caption_quotes_table_3s_legend_and_says_what_is_inferred(lines):
    """Second reading 2.1: the legend prints only "Data obtained from ClinicalTrials.gov"; the exception is ours."""
    text = narrative.trials_note(lines)
    assert "its legend: 'Data obtained from ClinicalTrials.gov'" in text
    assert "row 17 cites ref. [39] instead of a registry number" in text
    assert "except for rows citing a reference" not in text


def test_the_notebooks_source_line_does_not_say_every_row_came_from_the_registry():
    """Third reading 2.1: row 17 ([39], a published retrospective cohort) cannot come from ClinicalTrials.gov, so the
    notebook's Source line quotes what the legend says and names the exception, as the caption does."""
    import json

    from tests.conftest import ROOT

    nb = json.loads((ROOT / "notebooks" / "trials.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "The review took the trial data from ClinicalTrials.gov." not in text
    assert "Table 3's legend says its data were obtained from ClinicalTrials.gov" in text
    assert "cites a published reference instead of a registry number cannot come from the registry" in text


def test_the_rows_the_caption_footnotes_as_copies_are_the_rows_the_dataset_flags(lines):
    """Gap map third reading 3.1, on the trials side: the one Table 3 finding that flags a row for what it prints
    (X1: rows 2 and 3 print the same Results and enrollment) and the footnotes (a) and (b) name the same rows."""
    from helpers.audit import flags

    found = flags.by_row()
    x1 = found[(found["table"] == "table3") & found["audit_findings"].str.split(";").map(lambda ids: "X1" in ids)]
    copied = {int(r) for r, n in zip(lines["row"], lines["note"]) if "word for word" in n}
    assert copied == set(x1["row"].astype(int)) == {2, 3}
    assert x1["audit_flag"].all()


def test_the_clinical_study_the_text_names_outside_table_3_is_named():
    """Second reading 2.3: Table 1 row 13 ([24]) is printed as mice, but its title and the text speak of patients."""
    studies = coded.studies()
    found = audit.frame(audit.findings(("R3",)), audit.reviewed())
    elsewhere = trial_lines.clinical_elsewhere(found, studies)
    assert list(zip(elsewhere["table"], elsewhere["row"], elsewhere["ref"])) == [("table1", 13, 24)]
    text = narrative.trials_notice(trial_lines.landscape(coded.trials()), elsewhere)
    tail = text.split("Not drawn:")[1]
    assert numbers(tail) == [1, 13, 24]  # 1 preclinical row: Table 1 row 13 ([24])
    assert "review's own text presents the same study as a clinical one" in tail
    assert "Table 3 does not list it" in tail


def test_the_notes_beside_rows_recount_the_print(lines):
    """Rows 2 and 3 print the same Results text; row 13's purpose names multiple neurodegenerative diseases."""
    notes = dict(zip(lines["row"], lines["note"]))
    assert "as in row 3" in notes[2] and "as in row 2" in notes[3]
    assert "multiple neurodegenerative diseases" in notes[13]
    # Second reading 2.4: row 17 is filed under AS; ref. 39's title says arteriosclerosis, not atherosclerosis.
    assert "filed under AS (Atherosclerosis)" in notes[17] and "arteriosclerosis" in notes[17]
    assert {r for r, n in notes.items() if n} == {2, 3, 13, 17} | {8, 9, 11}  # fourth reading 4.1, 4.3


def test_enrollment_by_design_and_status_recounts_the_print(lines):
    table = trial_lines.by_status(lines)
    columns = ["design", "status", "studies", "enrollment as printed", "outcome printed"]
    got = {(d, s): (n, e, r) for d, s, n, e, r in table[columns].values}
    assert got == {
        ("registered trial", "Completed"): (6, 122, 2),  # outcomes: rows 4, 12 (row 9 a limitation only)
        ("registered trial", "Recruiting"): (3, 35, 0),
        ("registered trial", "Not yet recruiting"): (3, 116, 0),
        ("registered trial", "Pause"): (1, 20, 0),
        ("registered trial", "unknown"): (4, 40 + 60 + 60 + 16, 2),  # rows 2, 3
        ("retrospective cohort study", "Completed"): (1, 78, 1),  # row 17
    }


def test_each_row_shows_what_its_results_cell_prints(lines):
    """Issue 18: the figure's text beside each row says whether Table 3 prints results (rows 2, 3, 4, 9, 12, 17)."""
    shown = dict(zip(lines["row"], lines["results"]))
    assert {r for r, v in shown.items() if v == "outcome printed"} == OUTCOME_ROWS
    assert {r for r, v in shown.items() if v == "limitation printed, no outcome"} == {LIMITATION_ROW}
    assert {v for r, v in shown.items() if r not in {2, 3, 4, 9, 12, 17}} == {"'No results published'"}


def test_routes_are_the_printed_cells(lines):
    routes = dict(zip(lines["row"], lines["route"]))
    assert routes[16] == "NA (printed; legend: Not Applicable)"
    assert routes[18] == "Superficial injection"


# --- fourth reading ----------------------------------------------------------------------------------


@pytest.mark.parametrize("row", [8, 11])
def test_a_row_whose_outcome_the_text_reports_is_footnoted(lines, row):
    """4.1: Table 3 prints 'No results published' for rows 8 (NCT02054208) and 11 (NCT02600130); the text's AD
    paragraph (print line 121) reports safety and efficacy for both. Row 14 (NCT02566655) agrees with the text."""
    notes = dict(zip(lines["row"], lines["note"]))
    assert "the review's text reports an outcome for this trial" in notes[row]
    assert "reports an outcome" not in notes[14]
    text = narrative.trials_notice(lines)
    assert "(Table 3 rows 8 and 11) the review's own text reports an outcome" in text


def test_where_a_printed_outcome_appeared_is_said_per_row(lines):
    """4.2: row 12's outcome is backed by ref. [64], whose entry carries NCT04388982 (text line 203); row 17's is
    its own cited study, ref. [39]; rows 2, 3, 4 and 9 cite no publication."""
    where = {r: w for r, w in zip(lines["row"], lines["results_in"]) if w}
    assert where == {12: "ref. [64], whose entry names NCT04388982", 17: "ref. [39], the study the row cites"}
    text = narrative.trials_notice(lines)
    assert "for rows 2, 3, 4, 9 the review cites no publication" in text
    assert "where the results appeared, and whether they match the registry, is not reported" not in text


def test_a_limitation_is_not_counted_as_an_outcome(lines):
    """4.3: row 9 prints "Conclusions limited by small sample size" (text line 121: "limited by its small sample
    size"): a limit of the study, footnoted, and not among the printed outcomes."""
    notes = dict(zip(lines["row"], lines["note"]))
    assert "prints a limitation ('Conclusions limited by small sample size'), not an outcome" in notes[9]
    assert "only a limitation of the study, no outcome, for 1 (Table 3 row 9)" in narrative.trials_notice(lines)


def test_an_open_trials_enrollment_is_a_target_and_the_others_are_not_stated(lines):
    """Fifth reading 5.2: the 3 "Not yet recruiting" rows (5, 6, 13: 10 + 6 + 100) and 3 "Recruiting" rows (7, 16,
    18: 10 + 5 + 20) can only print a target; the other statuses keep "not stated"."""
    table = trial_lines.by_status(lines).set_index(["design", "status"])
    registered = table.loc["registered trial"]
    for status, studies, enrolled in (("Recruiting", 3, 35), ("Not yet recruiting", 3, 116)):
        assert registered.loc[status, "studies"] == studies
        assert registered.loc[status, "enrollment as printed"] == enrolled
        assert registered.loc[status, "meaning"] == "a target by the printed status (not yet or still enrolling)"
    for status in ("Completed", "Pause", "unknown"):
        assert "does not say whether actual or anticipated" in registered.loc[status, "meaning"]
    notice = narrative.trials_notice(lines)
    assert "with a target enrollment of 151 (not yet or still enrolling, by the printed status)" in notice
    note = narrative.trials_note(lines)
    assert "recruiting or not yet recruiting that status makes the number a target" in note


def test_the_arteriosclerosis_footnote_says_it_is_the_wider_term(lines):
    """Fifth reading 5.3: ref 39's title names "arteriosclerosis", which includes atherosclerosis (row 17)."""
    note = lines.set_index("row").loc[17, "note"]
    assert "names arteriosclerosis, the wider term that includes atherosclerosis" in note
    assert "does not name atherosclerosis" not in note
