"""helpers.outputs.narrative, the trial landscape's prose: trials_note, trials_notice and their parts.

The lines are built by hand in the shape :func:`helpers.analysis.trials.landscape`
gives the notebook (one per row of Table 3); every expected sentence is
written out from those few lines, counts done by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.trials import LIMITATION_SHOWN, RESULTS_SHOWN, TEXT_REPORTS_OUTCOME
from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative

OUTCOME, NONE = RESULTS_SHOWN[True], RESULTS_SHOWN[False]
TOLD = f"Table 3 prints 'No results published', {TEXT_REPORTS_OUTCOME} (transcription note)"
TRIAL = "registered trial"
COHORT = "retrospective cohort study"
SERIES = "case series study"
COLUMNS = [
    "row",
    "design",
    "phase",
    "status",
    "route",
    "enrollment",
    "results",
    "note",
    "results_in",
    "registered",
    "identifier",
]


def lines(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


# Five registered trials (phases 1, 1, 1, 1/2, 2; two completed, two open) and one cohort study, given out
# of row order so that the rows named per sentence must be sorted.
MIXED = lines(
    (5, TRIAL, "1", "unknown", "OV", 40, OUTCOME, "", "", True, "NCT5"),
    (1, TRIAL, "1", "Completed", "IV", 30, OUTCOME, "", "Stem Cell Res 2020", True, "NCT1"),
    (2, TRIAL, "1/2", "Completed", "IV", 20, LIMITATION_SHOWN, "", "", True, "NCT2"),
    (3, TRIAL, "2", "Recruiting", "OV", 50, NONE, TOLD, "", True, "NCT3"),
    (4, TRIAL, "1", "Not yet recruiting", "IV", 10, NONE, "", "", True, "NCT4"),
    (6, COHORT, "not a trial", "Completed", "IV", 100, OUTCOME, "", "", False, "ref. [39], no registry number"),
)
# Two completed trials, neither printing an outcome, both told by the text; routes tie one each.
TIED = lines(
    (11, TRIAL, "1", "Completed", "IV", 33, NONE, TOLD, "", True, "NCT11"),
    (8, TRIAL, "1/2", "Completed", "ICV", 46, NONE, TOLD, "", True, "NCT8"),
)
# No registered trial: a cohort study with an outcome and a case series without one.
OTHERS = lines(
    (
        6,
        COHORT,
        "not a trial",
        "Completed",
        "IV",
        100,
        OUTCOME,
        "",
        "J Aging 2021",
        False,
        "ref. [39], no registry number",
    ),
    (7, SERIES, "not a trial", "unknown", "IV", 12, NONE, "", "", False, "ref. [41], no registry number"),
)
# Two registered trials (one completed, one recruiting) and two cohort studies of one design, one printing an
# outcome: the singular of 'completed', the two cohorts counted together.
TWO_COHORTS = lines(
    (6, COHORT, "not a trial", "Completed", "IV", 100, OUTCOME, "", "", False, "ref. [39], no registry number"),
    (9, COHORT, "not a trial", "unknown", "IV", 20, NONE, "", "", False, "ref. [40], no registry number"),
    (1, TRIAL, "1", "Completed", "IV", 30, OUTCOME, "", "J 2020", True, "NCT1"),
    (2, TRIAL, "2", "Recruiting", "IV", 30, NONE, "", "", True, "NCT2"),
)
# One open trial alone: one phase, one route, nothing completed.
SINGLE = lines((7, TRIAL, "2", "Recruiting", "OV", 10, NONE, "", "", True, "NCT7"))

ANTICIPATED = "For the other statuses the review does not say whether a printed enrollment is actual or anticipated. "
REGISTRY = (
    " A printed outcome or limitation is the review's; whether it matches the registry is not reported in the review."
)

RESULTS = [
    (
        "outcome, limitation and none counted apart; completed trials; the cohort; told rows; where it appeared",
        MIXED,
        "Table 3's Results column prints an outcome for 3 of the 6 rows, only a limitation of the study, no "
        "outcome, for 1 (Table 3 row 2) and 'No results published' for the other 2; of the 2 completed "
        "registered trials, 1 prints an outcome and 1 only a limitation, and the retrospective cohort study "
        "prints an outcome. For 1 trial printed 'No results published' (Table 3 row 3) the review's own text "
        "reports an outcome; the figure footnotes it." + REGISTRY + " Where it appeared: row 1, Stem Cell Res "
        "2020; for rows 2, 5, 6 the review cites no publication (not reported in the review).",
    ),
    (
        "no outcome among completed trials; two told rows named in row order",
        TIED,
        "Table 3's Results column prints an outcome for 0 of the 2 rows and 'No results published' for the "
        "other 2; of the 2 completed registered trials, 0 print an outcome. For 2 trials printed 'No results "
        "published' (Table 3 rows 8 and 11) the review's own text reports an outcome; the figure footnotes "
        "them." + REGISTRY,
    ),
    (
        "designs other than trials, by name: one prints an outcome, one none; every shown row cited",
        OTHERS,
        "Table 3's Results column prints an outcome for 1 of the 2 rows and 'No results published' for the "
        "other 1, and the case series study prints none and the retrospective cohort study prints an outcome."
        + REGISTRY
        + " Where it appeared: row 6, J Aging 2021.",
    ),
    (
        "two limitations named by row; two cited rows; a missing place counts as uncited",
        lines(
            (2, TRIAL, "1", "unknown", "IV", 20, LIMITATION_SHOWN, "", "J One 2019", True, "NCT2"),
            (4, TRIAL, "1", "unknown", "IV", 20, LIMITATION_SHOWN, "", None, True, "NCT4"),
            (9, TRIAL, "1", "unknown", "IV", 20, OUTCOME, "", "J Two 2022", True, "NCT9"),
        ),
        "Table 3's Results column prints an outcome for 1 of the 3 rows, only a limitation of the study, no "
        "outcome, for 2 (Table 3 rows 2, 4) and 'No results published' for the other 0." + REGISTRY + " Where it "
        "appeared: row 2, J One 2019; row 9, J Two 2022; for row 4 the review cites no publication (not reported "
        "in the review).",
    ),
    (
        "two rows of one design other than a trial, both with an outcome: counted together, 'print'",
        lines(
            (6, COHORT, "not a trial", "Completed", "IV", 100, OUTCOME, "", "J Aging 2021", False, "ref. [39]"),
            (8, COHORT, "not a trial", "Completed", "IV", 40, OUTCOME, "", "J Bone 2022", False, "ref. [43]"),
        ),
        "Table 3's Results column prints an outcome for 2 of the 2 rows and 'No results published' for the other "
        "0, and 2 of the 2 retrospective cohort studies print an outcome." + REGISTRY + " Where it appeared: row 6, "
        "J Aging 2021; row 8, J Bone 2022.",
    ),
    (
        "one row",
        SINGLE,
        "Table 3's Results column prints an outcome for 0 of the 1 row and 'No results published' for the other 1."
        + REGISTRY,
    ),
]


def _results_of(frame):
    """The results sentence written out above for one of the shared frames."""
    return next(sentence for _, shown, sentence in RESULTS if shown is frame)


@pytest.mark.parametrize("rule, frame, sentence", RESULTS, ids=[r[0] for r in RESULTS])
def test_results_sentence_counts_what_the_results_column_prints(rule, frame, sentence):
    """_results_sentence: outcomes, limitations and 'No results published', each counted, then where they appeared."""
    assert narrative._results_sentence(frame) == sentence, rule


NOTICES = [
    (
        "trials and a cohort: phases, completed and open enrollment, the leading route, the cohort apart",
        MIXED,
        "The review's Table 3 lists 6 clinical studies in this selection: 5 registered trials and 1 retrospective "
        "cohort study (ref. [39]), which is not a trial. Of the 5 registered trials, 3 are in phase 1, 1 in phase "
        "1/2 and 1 in phase 2. 2 of the 5 trials are completed, with a printed enrollment of 50 in all; 2 of the "
        "5 are recruiting or not yet recruiting, with a target enrollment of 60 (not yet or still enrolling, by "
        "the printed status). Most common route among the 5 trials: IV (3 of 5). The retrospective cohort study "
        "prints an enrollment of 100 (status 'Completed' as printed). " + ANTICIPATED + _results_of(MIXED),
    ),
    (
        "two routes tie: both named, 'each'",
        TIED,
        "The review's Table 3 lists 2 clinical studies in this selection. Of the 2 registered trials, 1 is in "
        "phase 1 and 1 in phase 1/2. 2 of the 2 trials are completed, with a printed enrollment of 79 in all; 0 "
        "of the 2 are recruiting or not yet recruiting, with a target enrollment of 0 (not yet or still "
        "enrolling, by the printed status). Most common route among the 2 trials: IV and ICV (1 each). "
        + ANTICIPATED
        + _results_of(TIED),
    ),
    (
        "no registered trial: no trial sentence, each other design's enrollment and status",
        OTHERS,
        "The review's Table 3 lists 2 clinical studies in this selection: 0 registered trials, 1 case series "
        "study (ref. [41]) and 1 retrospective cohort study (ref. [39]), which are not trials. The case series "
        "study prints an enrollment of 12 (status 'unknown' as printed). The retrospective cohort study prints an "
        "enrollment of 100 (status 'Completed' as printed). " + ANTICIPATED + _results_of(OTHERS),
    ),
    (
        "one completed trial of two; two cohort studies of one design counted together",
        TWO_COHORTS,
        "The review's Table 3 lists 4 clinical studies in this selection: 2 registered trials and 2 retrospective "
        "cohort studies (ref. [39], ref. [40]), which are not trials. Of the 2 registered trials, 1 is in phase 1 "
        "and 1 in phase 2. 1 of the 2 trials is completed, with a printed enrollment of 30 in all; 1 of the 2 is "
        "recruiting or not yet recruiting, with a target enrollment of 30 (not yet or still enrolling, by the "
        "printed status). Most common route among the 2 trials: IV (2 of 2). The 2 retrospective cohort studies "
        "print an enrollment of 120 in all (status 'Completed', 'unknown' as printed). " + ANTICIPATED + "Table 3's "
        "Results column prints an outcome for 2 of the 4 rows and 'No results published' for the other 2; of the 1 "
        "completed registered trial, 1 prints an outcome, and 1 of the 2 retrospective cohort studies prints an "
        "outcome." + REGISTRY + " Where it appeared: row 1, J 2020; for row 6 the review cites no publication (not "
        "reported in the review).",
    ),
    (
        "one open trial",
        SINGLE,
        "The review's Table 3 lists 1 clinical study in this selection. Of the 1 registered trial, 1 is in "
        "phase 2. 0 of the 1 trial are completed, with a printed enrollment of 0 in all; 1 of the 1 is "
        "recruiting or not yet recruiting, with a target enrollment of 10 (not yet or still enrolling, by the "
        "printed status). Most common route among the 1 trial: OV (1 of 1). " + ANTICIPATED + _results_of(SINGLE),
    ),
]


SINGLE_NOTICE = next(sentence for _, frame, sentence in NOTICES if frame is SINGLE)


@pytest.mark.parametrize("rule, frame, sentence", NOTICES, ids=[n[0] for n in NOTICES])
def test_trials_notice_counts_each_thing_out_of_its_whole(rule, frame, sentence):
    """trials_notice: designs, phases, completed and open trials with their enrollment, the route, the results."""
    assert narrative.trials_notice(frame) == sentence, rule


def test_trials_notice_names_preclinical_rows_about_patients():
    """trials_notice: rows of Tables 1-2 possibly clinical are named with the reviewed reason, after the results."""
    elsewhere = pd.DataFrame(
        {
            "table": ["table1", "table2", "table2"],
            "row": [13, 4, 9],
            "ref": [24, 50, 55],
            "disease": ["AD", "AD", "POF"],
            "reason": ["Title reads 'patients'.", "Checked: a case report.", "Checked: serum of patients."],
        }
    )
    assert narrative.trials_notice(SINGLE, elsewhere) == (
        SINGLE_NOTICE + " Not drawn: 3 preclinical rows of Tables 1-2 whose cited title the audit finds about "
        "patients, so possibly a clinical study that Table 3 does not list: Table 1 row 13 ([24]); Table 2 rows "
        "4 and 9 ([50], [55]). Reviewed: Title reads 'patients'. Checked: a case report. Checked: serum of patients."
    )


def test_trials_notice_with_an_empty_elsewhere_frame_adds_nothing():
    """An empty ``elsewhere`` frame names no row."""
    empty = pd.DataFrame(columns=["table", "row", "ref", "disease", "reason"])
    assert narrative.trials_notice(SINGLE, empty) == SINGLE_NOTICE


def test_trials_notice_without_lines():
    """No line: one sentence saying so."""
    assert narrative.trials_notice(lines()) == "No clinical study in this selection."


PHASES = [
    ("one phase only", lines(SINGLE.iloc[0].tolist()), "1 is in phase 2"),
    (
        "phases in the order 1, 1/2, 2, whatever the row order",
        MIXED[MIXED["design"] == TRIAL],
        "3 are in phase 1, 1 in phase 1/2 and 1 in phase 2",
    ),
    ("two phases", TIED, "1 is in phase 1 and 1 in phase 1/2"),
]


@pytest.mark.parametrize("rule, frame, text", PHASES, ids=[p[0] for p in PHASES])
def test_phase_counts_in_phase_order(rule, frame, text):
    """_phase_counts: trials per phase in PHASES order, the first with 'are'."""
    assert narrative._phase_counts(frame) == text, rule


def test_others_lists_each_design_with_its_references():
    """_others: per design, sorted by name, the count and the references (the identifier before its comma)."""
    frame = lines(
        (6, COHORT, "not a trial", "Completed", "IV", 100, OUTCOME, "", "", False, "ref. [39], no registry number"),
        (7, SERIES, "not a trial", "unknown", "IV", 12, NONE, "", "", False, "ref. [41], no registry number"),
        (9, SERIES, "not a trial", "unknown", "IV", 8, NONE, "", "", False, "ref. [42], no registry number"),
    )
    assert narrative._others(frame) == [
        "2 case series studies (ref. [41], ref. [42])",
        "1 retrospective cohort study (ref. [39])",
    ]


READING = (
    "Mark area, edge included, is proportional to the enrollment printed in Table 3, the same for circles and "
    "squares; for a trial printed as recruiting or not yet recruiting that status makes the number a target, for "
    "the others the review does not say whether it is actual or anticipated. Colour: research status as printed "
    "in the review, not re-checked against the registry. Circle: MSCs; square: exosomes; hollow: no registry "
    "number. Route: the printed migration method. Results: 'outcome printed' where Table 3's Results column "
    "prints an outcome, 'limitation printed, no outcome' where it prints only a limit of the study, else its "
    "words 'No results published'. The review does not report how it chose these rows."
)
LEGEND = "its legend: 'Data obtained from ClinicalTrials.gov'"

TRIAL_NOTES = [
    (
        "trials and a cohort drawn apart; the cohort cites a reference instead of a registry number",
        MIXED,
        "One line per row of the review's Table 3 (6 rows: 5 registered trials, 1 retrospective cohort study "
        f"(ref. [39]), drawn apart below the rule). {READING} {SOURCE_SHORT}, Table 3 ({LEGEND}; row 6 cites "
        "ref. [39] instead of a registry number).",
    ),
    (
        "no trial, two designs apart: one list, each with the reference it cites",
        OTHERS,
        "One line per row of the review's Table 3 (2 rows: 0 registered trials, 1 case series study (ref. [41]) "
        f"and 1 retrospective cohort study (ref. [39]), drawn apart below the rule). {READING} {SOURCE_SHORT}, "
        f"Table 3 ({LEGEND}; row 6 cites ref. [39] instead of a registry number; row 7 cites ref. [41] instead of a "
        "registry number).",
    ),
    (
        "one trial: singular words, nothing apart",
        SINGLE,
        f"One line per row of the review's Table 3 (1 row: 1 registered trial). {READING} {SOURCE_SHORT}, "
        f"Table 3 ({LEGEND}).",
    ),
]


@pytest.mark.parametrize("rule, frame, note", TRIAL_NOTES, ids=[t[0] for t in TRIAL_NOTES])
def test_trials_note_reads_the_marks_and_names_the_source(rule, frame, note):
    """trials_note: the rows by design, how to read a mark, and Table 3's printed source line (legend_notes)."""
    assert narrative.trials_note(frame) == note, rule


LEGENDS = [
    (
        "another legend's source line first: Table 3's is the one quoted",
        pd.DataFrame(
            {
                "legend": ["table4", "table3", "table3"],
                "kind": ["source", "note", "source"],
                "text": ["Own assertions", "Abbreviations", "Registry"],
            }
        ),
        "its legend: 'Registry'",
    ),
    (
        "no source line in Table 3's legend",
        pd.DataFrame({"legend": ["table4", "table3"], "kind": ["source", "note"], "text": ["Own", "Abbreviations"]}),
        "its legend names no data source",
    ),
]


@pytest.mark.parametrize("rule, legend, text", LEGENDS, ids=[x[0] for x in LEGENDS])
def test_table3_source_quotes_table3s_own_source_line(rule, legend, text):
    """_table3_source: only the legend line of Table 3 whose kind is 'source' is quoted (data/legend_notes.csv)."""
    from unittest import mock

    from helpers.data import curated

    with mock.patch.object(curated, "load", lambda name: legend):
        assert narrative._table3_source(SINGLE) == text, rule


# (rule, rows as (row, results_in), the clause): the rows whose Results cell prints an outcome or a limitation.
WHERE = [
    ("none cited: nothing said", [(2, ""), (4, None)], ""),
    (
        "one cited, one not: 'row'",
        [(2, "J One 2019"), (4, None)],
        " Where it appeared: row 2, J One 2019; for row 4 the review cites no publication (not reported in the "
        "review).",
    ),
    (
        "one cited, two not: 'rows', in the given order",
        [(1, "J 2020"), (3, ""), (5, None)],
        " Where it appeared: row 1, J 2020; for rows 3, 5 the review cites no publication (not reported in the "
        "review).",
    ),
    (
        "every row cited: no uncited clause",
        [(6, "J Aging 2021"), (8, "J Bone 2022")],
        " Where it appeared: row 6, J Aging 2021; row 8, J Bone 2022.",
    ),
]


@pytest.mark.parametrize("rule, rows, text", WHERE, ids=[w[0] for w in WHERE])
def test_where_appeared_names_each_cited_row_then_the_uncited(rule, rows, text):
    """_where_appeared: where each printed outcome appeared, then the rows for which the review cites nothing."""
    shown = pd.DataFrame(rows, columns=["row", "results_in"], index=[10 + i for i in range(len(rows))])
    assert narrative._where_appeared(shown) == text, rule
