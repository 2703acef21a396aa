"""The trials landscape rule by rule, on the printed Table 3 and on small literal tables (issue 21, mutation).

Expected values are a reading of the printed Table 3 (seed text, lines 232-256) and of the reference list,
written out by hand; the note and label wordings are the exhibit's documented phrases. Each test computes what
it checks inside the test (no module fixture), so that mutmut credits it with every function it reaches.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import trials as trial_lines
from helpers.data import coded, curated

NA = pd.NA
OUT, LIM, NONE = "outcome printed", "limitation printed, no outcome", "'No results published'"
REG, COHORT, NAT = "registered trial", "retrospective cohort study", "not a trial"
POF, AD, AS, OP, SKIN = (
    "Premature ovarian failure",
    "Alzheimer's disease",
    "Atherosclerosis",
    "Osteoporosis",
    "Skin aging",
)
NA_ROUTE = "NA (printed; legend: Not Applicable)"
TITLE_39 = (
    "Autologous adipose mesenchymal stem cell administration in arteriosclerosis and potential for anti-aging "
    "application: a retrospective cohort study"
)
COPY = "Results text word for word as in row {} of Table 3; not checked against the registry"
TEXT_REPORTS = (
    "Table 3 prints 'No results published', yet the review's text reports an outcome for this trial "
    "(transcription note in tables/trials.csv)"
)
NOTES = {
    2: COPY.format(3),
    3: COPY.format(2),
    8: TEXT_REPORTS,
    9: "the Results cell prints a limitation ('Conclusions limited by small sample size'), not an outcome",
    11: TEXT_REPORTS,
    13: "filed under AD, but the purpose as printed reads "
    "'HUC-MSC-sEV-001 nasal drops for multiple neurodegenerative diseases'",
    17: "filed under AS (Atherosclerosis) by the review; the cited title (ref. [39]) names arteriosclerosis, the "
    f"wider term that includes atherosclerosis, not atherosclerosis itself: '{TITLE_39}'",
}
RESULTS_IN = {12: "ref. [64], whose entry names NCT04388982", 17: "ref. [39], the study the row cites"}

# Table 3 as printed, in the landscape's order: registered trials by disease (POF, AD, AS, OP, skin, in the legend's
# order of the vocabulary), then phase 1, 1/2, 2, then row; the retrospective study (row 17) last.
# row, disease, design, phase, status, modality (MSC type: "-Exos"/"-EVs" = exosomes), route, enrollment, results,
# identifier
LANDSCAPE = [
    (5, POF, REG, "1", "Not yet recruiting", "cells", "OV", 10, NONE, "NCT06132542"),
    (6, POF, REG, "1", "Not yet recruiting", "cells", "IV", 6, NONE, "NCT05494723"),
    (7, POF, REG, "1", "Recruiting", "exosomes", "OV", 10, NONE, "NCT06202547"),
    (1, POF, REG, "1/2", "unknown", "cells", "OV", 40, NONE, "NCT01742533"),
    (2, POF, REG, "1/2", "unknown", "cells", "OV", 60, OUT, "NCT02062931"),
    (3, POF, REG, "1/2", "unknown", "cells", "OV", 60, OUT, "NCT02043743"),
    (4, POF, REG, "1/2", "Completed", "cells", "OV", 3, OUT, "NCT02696889"),
    (11, AD, REG, "1", "Completed", "cells", "IV", 33, NONE, "NCT02600130"),
    (13, AD, REG, "1", "Not yet recruiting", "exosomes", "IN", 100, NONE, "NCT06607900"),
    (8, AD, REG, "1/2", "Completed", "cells", "ICV", 46, NONE, "NCT02054208"),
    (9, AD, REG, "1/2", "Completed", "cells", "IV", 21, LIM, "NCT03117738"),
    (10, AD, REG, "1/2", "unknown", "cells", "IV", 16, NONE, "NCT02672306"),
    (12, AD, REG, "1/2", "Completed", "exosomes", "IN", 9, OUT, "NCT04388982"),
    (14, OP, REG, "1", "Completed", "cells", "IV", 10, NONE, "NCT02566655"),
    (15, OP, REG, "1", "Pause", "cells", "IV", 20, NONE, "NCT05152381"),
    (16, OP, REG, "2", "Recruiting", "cells", NA_ROUTE, 5, NONE, "NCT04501354"),
    (18, SKIN, REG, "1/2", "Recruiting", "exosomes", "Superficial injection", 20, NONE, "NCT05813379"),
    (17, AS, COHORT, NAT, "Completed", "cells", "IV", 78, OUT, "ref. [39], no registry number"),
]
COLUMNS = [
    "row",
    "label",
    "disease",
    "design",
    "phase",
    "status",
    "modality",
    "route",
    "enrollment",
    "results",
    "registered",
    "identifier",
    "note",
    "results_in",
]


def test_the_landscape_is_table_3_line_by_line_in_the_drawn_order():
    lines = trial_lines.landscape(coded.trials())
    assert list(lines.columns) == COLUMNS
    expected = [
        [row, f"{ident}  ({disease})", disease, design, phase, status, modality, route, n, results]
        + [design == REG, ident, NOTES.get(row, ""), RESULTS_IN.get(row, "")]
        for row, disease, design, phase, status, modality, route, n, results, ident in LANDSCAPE
    ]
    assert lines.values.tolist() == expected
    assert list(lines.index) == list(range(18))  # a fresh index after the sort
    assert lines["row"].dtype.kind == "i"  # row numbers, not 5.0


# --- small literal tables ------------------------------------------------------------------------------------------

PHASE_CASES = [
    # printed phase cell, design, the phase column the figure files the row under
    ("1/ 2", REG, "1/2"),  # Table 3 prints "1/ 2" and "1/2": one column
    ("1", REG, "1"),
    (NA, REG, NAT),  # a registered row without a phase cell is not placed in a phase
    ("2", COHORT, NAT),  # a row that is not a registered trial has no phase, whatever the cell
    (NA, NA, NAT),
]


@pytest.mark.parametrize("value, design, phase", PHASE_CASES)
def test_a_row_is_placed_in_a_phase_only_when_it_is_a_registered_trial_with_a_phase(value, design, phase):
    assert trial_lines._phase(value, design) == phase


ROUTE_CASES = [
    # printed Migration method cell, what the figure writes (legend: "NA: Not Applicable")
    ("NA", NA_ROUTE),
    (" NA ", NA_ROUTE),
    ("IV", "IV"),
    ("  OV ", "OV"),
    ("na", "na"),  # only the printed abbreviation NA is the legend's
    ("Superficial injection", "Superficial injection"),
]


@pytest.mark.parametrize("cell, shown", ROUTE_CASES)
def test_the_route_is_the_printed_cell_and_na_says_what_the_legend_defines(cell, shown):
    assert trial_lines._route(cell) == shown


PURPOSE_CASES = [
    # purpose, covers several diseases
    ("nasal drops for multiple neurodegenerative diseases", True),  # Table 3 row 13
    ("Several age-related disorders", True),
    ("VARIOUS frailty syndromes", True),
    ("MSC therapy for POF", False),
    ("multiplex assay in AD", False),  # a word that only starts like "multiple"
    ("the severally treated", False),
]


def test_a_wider_purpose_is_a_purpose_naming_multiple_several_or_various_diseases():
    printed = pd.DataFrame({"row": [str(i) for i in range(1, 7)], "purpose": [p for p, _ in PURPOSE_CASES]})
    wide = {i: p for i, (p, w) in enumerate(PURPOSE_CASES, 1) if w}
    assert trial_lines.wider_purpose(printed) == wide
    assert all(isinstance(r, int) for r in trial_lines.wider_purpose(printed))


def test_on_the_print_only_row_13_has_a_wider_purpose():
    assert trial_lines.wider_purpose() == {13: "HUC-MSC-sEV-001 nasal drops for multiple neurodegenerative diseases"}


def _printed(*rows):
    """Table 3 cells for the rows given; unspecified cells as in a plain registered row."""
    base = {"disease_type": "AD", "purpose": "MSC for AD", "migration_method": "IV", "results": "No results published"}
    base |= {"phases": "1", "enrollment": 10, "research_status": "Completed", "nct_number": "NCT00000001"}
    return pd.DataFrame([base | row for row in rows])


def test_a_cited_title_that_names_another_disease_or_a_wider_term_is_quoted():
    """Ref. 39's title names arteriosclerosis (not atherosclerosis), ref. 64's names Alzheimer's disease."""
    printed = _printed(
        {"row": 1, "disease_type": "AS", "nct_number": "[39]"},  # wider term
        {"row": 2, "disease_type": "AD", "nct_number": " [39] "},  # another disease
        {"row": 3, "disease_type": "AD", "nct_number": "[64]"},  # the title names the disease: no note
        {"row": 4, "disease_type": "AD", "nct_number": "NCT04388982"},  # a registry number: no note
        {"row": 5, "disease_type": "AD", "nct_number": "[99999]"},  # no such reference: no note
        {"row": 6, "disease_type": "Frailty", "nct_number": "[64]"},  # a code outside the vocabulary, as printed
        {"row": 7, "disease_type": "OP", "nct_number": "[39] and [64]"},  # not one citation
    )
    ref = "the cited title (ref. [{}])"
    assert trial_lines.title_other_disease(printed) == {
        1: f"filed under AS (Atherosclerosis) by the review; {ref.format(39)} names arteriosclerosis, the wider "
        f"term that includes atherosclerosis, not atherosclerosis itself: '{TITLE_39}'",
        2: f"filed under AD (Alzheimer's disease) by the review; {ref.format(39)} does not name alzheimer's "
        f"disease: '{TITLE_39}'",
        6: f"filed under Frailty (Frailty) by the review; {ref.format(64)} does not name frailty: "
        f"'{curated.load('references').set_index('ref').at[64, 'title']}'",
    }
    assert trial_lines.wider_term_titles(printed) == {1: "arteriosclerosis"}


def test_a_wider_term_counts_only_when_the_title_names_it():
    """Filed under AS, citing ref. 64 (Alzheimer's disease): the title names neither atherosclerosis nor the wider
    arteriosclerosis, so the note says it does not name atherosclerosis."""
    printed = _printed({"row": 4, "disease_type": "AS", "nct_number": "[64]"})
    note = trial_lines.title_other_disease(printed)[4]
    assert note.startswith("filed under AS (Atherosclerosis) by the review; the cited title (ref. [64]) does not ")
    assert "does not name atherosclerosis: '" in note
    assert trial_lines.wider_term_titles(printed) == {}


def test_on_the_print_only_row_17_cites_a_title_without_its_disease():
    assert trial_lines.title_other_disease() == {17: NOTES[17]}
    assert trial_lines.wider_term_titles() == {17: "arteriosclerosis"}


def test_the_rows_the_text_reports_are_the_noted_rows_printed_no_results():
    """The transcription notes on Table 3's Results cells name rows 2, 3, 4, 8, 9 and 11; of these only rows 8 and
    11 print "No results published" (any letter case counts; a noted row absent from the table does not)."""
    printed = _printed(
        {"row": 2, "results": "NO RESULTS PUBLISHED"},
        {"row": 4, "results": "  no results published"},
        {"row": 8, "results": "Decrease in FSH"},
        {"row": 11, "results": "No results published"},
        {"row": 12, "results": "No results published"},  # not noted
    )
    assert trial_lines._text_reports_results(printed) == [2, 4, 11]
    assert trial_lines._text_reports_results(curated.load("clinical_trials")) == [8, 11]


def test_notes_beside_rows_say_every_reason_in_order():
    """Three rows print the same Results; a row with several reasons gets each, in the documented order."""
    same = "Decrease in serum FSH levels"
    printed = _printed(
        {"row": 1, "results": same, "purpose": "MSC for several diseases", "nct_number": "[39]", "disease_type": "AD"},
        {"row": 2, "results": same},
        {"row": 3, "results": same + " "},  # the same text once stripped
        {"row": 4, "results": "Conclusions limited by small sample size"},
        {"row": 5, "results": "No results published"},
        {"row": 6, "results": "no results published"},  # "no results" texts are never copies of each other
        {"row": 7, "results": "Conclusions limited by small sample size", "purpose": "various"},  # not asked for
    )
    notes = trial_lines._notes(pd.Series([1, 2, 3, 4, 5, 6]), printed)
    assert notes == {
        1: [
            "Results text word for word as in row 2, row 3 of Table 3; not checked against the registry",
            "filed under AD, but the purpose as printed reads 'MSC for several diseases'",
            "filed under AD (Alzheimer's disease) by the review; the cited title (ref. [39]) does not name "
            f"alzheimer's disease: '{TITLE_39}'",
        ],
        2: ["Results text word for word as in row 1, row 3 of Table 3; not checked against the registry"],
        3: ["Results text word for word as in row 1, row 2 of Table 3; not checked against the registry"],
        4: [
            "Results text word for word as in row 7 of Table 3; not checked against the registry",
            "the Results cell prints a limitation ('Conclusions limited by small sample size'), not an outcome",
        ],
        5: [],
        6: [],
    }


def test_notes_of_the_print_are_read_only_for_the_rows_asked():
    """Rows 8 and 11 are noted by the transcription notes, 2 and 3 are copies, 9 a limitation, 13 a wider purpose,
    17 a cited title: asked for rows 1, 8 and 13 only, only 8 and 13 get notes."""
    notes = trial_lines._notes(pd.Series([1, 8, 13]), curated.load("clinical_trials"))
    assert notes == {1: [], 8: [TEXT_REPORTS], 13: [NOTES[13]]}


def _references(*entries):
    return pd.DataFrame([{"ref": r, "authors": a, "title": t, "pmid": p} for r, a, t, p in entries])


def test_where_a_printed_result_appeared_is_the_cited_study_or_the_first_entry_naming_the_nct():
    references = _references(
        (3, "A", "A trial", "111"),
        (5, "B", "Results of NCT02", "222"),  # names NCT02 in its title
        (7, "C", "Follow-up", "333 NCT02"),  # names it too, in another column, listed later
        (9, "D", "Other", "444 NCT03"),
    )
    trials = pd.DataFrame(
        {
            "row": [1, 2, 3, 4, 5, 6, 7, 8],
            "results_printed": pd.array([True, True, True, False, True, True, NA, True], dtype="boolean"),
            "nct_id": [NA, "NCT02", "NCT03", "NCT02", "NCT04", NA, NA, "NCT03"],
            "ref": [3, NA, NA, 3, NA, NA, 3, 3],
        }
    )  # row 7: a Results flag not read is no printed result; row 8: a registry number wins over a cited study
    assert trial_lines.results_elsewhere(trials, references) == {
        1: "ref. [3], the study the row cites",
        2: "ref. [5], whose entry names NCT02",
        3: "ref. [9], whose entry names NCT03",
        8: "ref. [9], whose entry names NCT03",
    }


def test_on_the_print_rows_12_and_17_say_where_their_results_appeared():
    assert trial_lines.results_elsewhere(coded.trials()) == RESULTS_IN


def test_a_row_whose_design_was_not_read_is_said_so_and_drawn_after_the_trials():
    trials = coded.trials()
    trials["design"] = trials["design"].astype("string").mask(trials["row"] == 1)
    trials["results_printed"] = trials["results_printed"].astype("boolean").mask(trials["row"] == 2)
    lines = trial_lines.landscape(trials).set_index("row")
    assert lines.at[1, "design"] == "design not read" and lines.at[1, "phase"] == NAT
    assert lines.at[2, "results"] == NONE  # an unread Results flag is not an outcome
    assert list(lines.index[-2:]) == [1, 17]  # after the registered trials, by disease: POF before AS


def _lines(*rows):
    base = {"design": REG, "status": "Completed", "enrollment": 10, "results": NONE}
    return pd.DataFrame([base | row for row in rows])


def test_by_status_counts_rows_enrollment_and_outcomes_per_design_and_status_registered_first():
    lines = _lines(
        {"design": "b design", "status": "Zeta", "enrollment": 1},
        {"design": "a design", "status": "Completed", "enrollment": 2, "results": OUT},
        {"status": "unknown", "enrollment": 4, "results": LIM},
        {"status": "Recruiting", "enrollment": 8},
        {"status": "Recruiting", "enrollment": 16, "results": OUT},
        {"status": "Alpha", "enrollment": 32},
        {"status": "Completed", "enrollment": 64, "results": OUT},
        {"status": "Completed", "enrollment": 128, "results": OUT},
        {"status": "Pause", "enrollment": 256},
        {"status": "Not yet recruiting", "enrollment": 512},
    )
    table = trial_lines.by_status(lines)
    target, printed = trial_lines.ENROLLMENT_TARGET, trial_lines.ENROLLMENT_MEANING
    assert list(table.columns) == ["design", "status", "studies", "enrollment as printed", "outcome printed", "meaning"]
    assert table.values.tolist() == [
        [REG, "Completed", 2, 192, 2, printed],
        [REG, "Recruiting", 2, 24, 1, target],
        [REG, "Not yet recruiting", 1, 512, 0, target],
        [REG, "Pause", 1, 256, 0, printed],
        [REG, "unknown", 1, 4, 0, printed],  # a limitation is not an outcome
        [REG, "Alpha", 1, 32, 0, printed],  # statuses outside the print's, after them, alphabetically
        ["a design", "Completed", 1, 2, 1, printed],
        ["b design", "Zeta", 1, 1, 0, printed],
    ]
    empty = trial_lines.by_status(lines.iloc[:0])
    assert list(empty.columns) == list(table.columns) and empty.empty


STUDIES = pd.DataFrame(
    {"table": ["table1", "table2", "table1"], "row": ["13", 4, 5], "ref": [24.0, 50, 51], "disease": ["AD", "OP", "X"]}
)
PATIENTS = "the cited title speaks of patients"


def _findings(*items):
    base = {"rule": "R3", "severity": "check", "table": "table1", "row": 13, "field": "ref"}
    base |= {"evidence": "title: MSCs in patients with AD", "message": PATIENTS, "key": "k", "verdict": "confirmed"}
    base |= {"reason": "the text reports a clinical study"}
    return pd.DataFrame([base | item for item in items])


ELSEWHERE = [
    # one audit finding (changes from an R3 finding about patients, confirmed), kept as (table, row, ref, disease)
    ({}, ("table1", 13, 24, "AD")),
    ({"evidence": "title: one Patient treated"}, ("table1", 13, 24, "AD")),  # singular, any case
    ({"rule": "R3b", "table": "table2", "row": "4"}, ("table2", 4, 50, "OP")),  # an R3 sub-rule
    ({"verdict": "open"}, ("table1", 13, 24, "AD")),
    ({"verdict": "rejected"}, None),
    ({"rule": "R2"}, None),
    ({"rule": "XR3"}, None),
    ({"evidence": "title: outpatients"}, None),  # a word that only contains "patient"
    ({"evidence": "title: patientsX"}, None),
    ({"message": "the cited title speaks of mice"}, None),
    ({"message": "the cited title speaks of Patients"}, None),  # the rule's own word is lower case
    ({"row": 99}, None),  # not a preclinical row
    ({"table": "table2", "row": 13}, None),
]


@pytest.mark.parametrize("change, kept", ELSEWHERE)
def test_a_preclinical_row_is_named_as_clinical_only_for_an_accepted_r3_finding_about_patients(change, kept):
    found = trial_lines.clinical_elsewhere(_findings(change), STUDIES)
    assert list(found.columns) == ["table", "row", "ref", "disease", "reason"]
    expected = [] if kept is None else [[*kept, "the text reports a clinical study"]]
    assert found.values.tolist() == expected


def test_clinical_elsewhere_keeps_every_finding_in_order_and_none_without_findings():
    found = trial_lines.clinical_elsewhere(
        _findings({"table": "table2", "row": 4, "reason": "b"}, {"reason": "a"}), STUDIES
    )
    assert found.values.tolist() == [["table2", 4, 50, "OP", "b"], ["table1", 13, 24, "AD", "a"]]
    assert all(type(v) is int for v in found["row"]) and all(type(v) is int for v in found["ref"])
    for nothing in (None, _findings().iloc[:0]):
        none = trial_lines.clinical_elsewhere(nothing, STUDIES)
        assert none.empty and list(none.columns) == ["table", "row", "ref", "disease", "reason"]
