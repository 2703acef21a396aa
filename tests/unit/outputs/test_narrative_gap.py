"""helpers.outputs.narrative, the gap map's prose: gap_note, gap_notice and the sentences they join.

The study and trial rows are a few hand-made lines in the coded dataset's
columns (:mod:`helpers.data.coded`); each expected sentence is written out
from them, so the counts, the singular/plural words and every clause are
checked together.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.gapmap import NO_ANIMAL_ARM_MEANS, other_condition_rule
from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative


def studies(*rows) -> pd.DataFrame:
    """Study rows from ``(table, row, ref, modality, tissue, setting)``."""
    return pd.DataFrame(rows, columns=["table", "row", "ref", "modality", "tissue", "setting"])


def trials(*rows) -> pd.DataFrame:
    """Trial rows from ``(row, modality, design)``; a design of None is unread."""
    return pd.DataFrame(rows, columns=["row", "modality", "design"])


# Three MSC rows over Tables 1 and 2 (rows 4 and 9 name two sources, row 9 three codes: BM+AD+UC would be
# three circles; here two codes each), one exosome row; three trials and a cohort study.
STUDIES = studies(
    ("table1", 4, 10, "cells", "BM+AD", "in vivo"),
    ("table1", 2, 11, "cells", "UC", "in vitro"),
    ("table2", 9, 12, "cells", "AD+UC", "in vitro"),
    ("table2", 3, 13, "exosomes", "UC", "in vivo"),
)
TRIALS = trials(
    (1, "cells", "registered trial"),
    (2, "cells", "registered trial"),
    (3, "cells", "retrospective cohort study"),
    (4, "exosomes", None),
)

MARKS = (
    "Circles: preclinical rows of Tables 1-2 (4 selected; 2 of them print no animal arm, labelled 'no animal "
    f"arm' in their cell, meaning {NO_ANIMAL_ARM_MEANS}); diamonds: clinical studies of Table 3 (4 selected: "
    "2 registered trials, 1 clinical study of unread design, 1 retrospective cohort study; filled = registered "
    "trial, hollow = not a trial), per disease and MSC tissue source, donor species pooled. A study naming two "
    "sources counts in both cells. Mark area, edge included, is proportional to the number in the mark, on one "
    "scale for both panels and shapes. 'questioned': counted rows whose place in the grid an audit finding "
    "questions, at any severity not dismissed: the cited title names another disease, MSC source, host or "
    "setting, or product (rules R1-R4), or the row's own Effects cell speaks of animals although it prints no "
    "animal arm (W6) ({} in all)."
)


def test_gap_marks_sentence_counts_rows_trials_and_no_animal_arm():
    """_gap_marks_sentence: rows selected, those with no animal arm, trials by design, the questioned count."""
    assert narrative._gap_marks_sentence(STUDIES, TRIALS, 3) == MARKS.format(3)


CLINICAL = [
    (
        "trials and two other designs, sorted by name",
        TRIALS,
        "2 registered trials, 1 clinical study of unread design, 1 retrospective cohort study",
    ),
    ("one trial alone", trials((1, "cells", "registered trial")), "1 registered trial"),
    (
        "no trial, two cohort studies",
        trials((1, "cells", "retrospective cohort study"), (2, "cells", "retrospective cohort study")),
        "0 registered trials, 2 retrospective cohort studies",
    ),
]


@pytest.mark.parametrize("rule, frame, text", CLINICAL, ids=[c[0] for c in CLINICAL])
def test_clinical_phrase_counts_trials_then_other_designs(rule, frame, text):
    """_clinical_phrase: registered trials first, then each other design (an unread one named so)."""
    assert narrative._clinical_phrase(frame) == text, rule


def test_clinical_split_returns_trials_and_designs():
    """_clinical_split: the registered trials, and the other designs counted by name."""
    assert narrative._clinical_split(TRIALS) == (
        2,
        {"clinical study of unread design": 1, "retrospective cohort study": 1},
    )


FLAG_TEXT = (
    "'questioned' is not the coded dataset's audit_flag (tables/studies.csv, tables/trials.csv: an error or "
    "warning of any rule that bears on a code), and gapmap.evidence.csv carries both per row"
)
AUDIT_ONLY = (
    "; audit_flag without 'questioned', the finding not bearing on where the row is counted (a route, a dose, "
    "the reading of an animal model, a trial row's text or registry number): "
)
DIFFERENCES = [
    ("no difference given: nothing", None, 2, ""),
    ("same rows, none", {"questioned only": [], "audit_flag only": []}, 0, FLAG_TEXT + "; here neither names a row."),
    (
        "same rows, one",
        {"questioned only": [], "audit_flag only": []},
        1,
        FLAG_TEXT + "; here they name the same 1 row.",
    ),
    (
        "same rows, three",
        {"questioned only": [], "audit_flag only": []},
        3,
        FLAG_TEXT + "; here they name the same 3 rows.",
    ),
    (
        "questioned only, over two tables",
        {"questioned only": [("table2", 7, "R4"), ("table2", 17, "R4;W5"), ("table1", 3, "")], "audit_flag only": []},
        3,
        FLAG_TEXT + "; questioned without audit_flag, the finding being only a check: Table 2 rows 7 (R4) and "
        "17 (R4;W5); Table 1 row 3.",
    ),
    (
        "audit_flag only",
        {"questioned only": [], "audit_flag only": [("table1", 5, "A9")]},
        0,
        FLAG_TEXT + AUDIT_ONLY + "Table 1 row 5 (A9).",
    ),
    (
        "both kinds",
        {"questioned only": [("table1", 3, "R1")], "audit_flag only": [("table2", 1, "D2"), ("table2", 2, "D2")]},
        1,
        FLAG_TEXT
        + "; questioned without audit_flag, the finding being only a check: Table 1 row 3 (R1)"
        + AUDIT_ONLY
        + "Table 2 rows 1 (D2) and 2 (D2).",
    ),
]


@pytest.mark.parametrize("rule, difference, questioned, text", DIFFERENCES, ids=[d[0] for d in DIFFERENCES])
def test_questioned_versus_audit_flag_names_rows_on_each_side(rule, difference, questioned, text):
    """questioned_versus_audit_flag: where 'questioned' and audit_flag part, row by row with the rule ids."""
    assert narrative.questioned_versus_audit_flag(difference, questioned) == text, rule


TABLE_ROWS = [
    ("one row", [("table2", 17, 70)], "Table 2 row 17 ([70])"),
    ("two rows of one table", [("table2", 17, 70), ("table2", 18, 71)], "Table 2 rows 17 and 18 ([70], [71])"),
    (
        "three rows, then another table, tables in order of appearance",
        [("table2", 1, 5), ("table2", 2, 6), ("table1", 9, 3), ("table2", 3, 7)],
        "Table 2 rows 1, 2 and 3 ([5], [6], [7]); Table 1 row 9 ([3])",
    ),
]


@pytest.mark.parametrize("rule, rows, text", TABLE_ROWS, ids=[t[0] for t in TABLE_ROWS])
def test_table_rows_groups_rows_by_table(rule, rows, text):
    """_table_rows: rows per table, 'row'/'rows', the last joined by 'and', then their references."""
    assert narrative._table_rows(rows) == text, rule


ELSEWHERE = pd.DataFrame(
    {"table": ["table1", "table1"], "row": [13, 20], "ref": [24, 31], "reason": ["Patients' serum.", "A case report."]}
)
ELSEWHERE_TEXT = (
    "Counted as preclinical, as printed, though possibly a clinical study that Table 3 does not list (its cited "
    "title speaks of patients): Table 1 rows 13 and 20 ([24], [31])."
)


@pytest.mark.parametrize(
    "rule, frame, reason, text",
    [
        ("without the reason", ELSEWHERE, False, ELSEWHERE_TEXT),
        (
            "with the reviewed reasons, space-joined",
            ELSEWHERE,
            True,
            ELSEWHERE_TEXT + " Reviewed: Patients' serum. A case report.",
        ),
        ("none", None, True, ""),
        ("empty", ELSEWHERE.iloc[0:0], False, ""),
    ],
    ids=["without reason", "with reason", "none", "empty"],
)
def test_elsewhere_sentence(rule, frame, reason, text):
    """elsewhere_sentence: the possibly clinical rows of Tables 1-2, with the reviewed reason when asked."""
    assert narrative.elsewhere_sentence(frame, reason=reason) == text, rule


STAR = (
    "'*' beside a diamond: a clinical study counted under the one disease Table 3 files it under, though its "
    "printed purpose covers several diseases ({} in all) or its cited title does not name that disease itself "
    "({} in all"
)
WIDER = (
    "only the wider term 'arteriosclerosis', which includes atherosclerosis, "
    "so the study may well be of the disease it is filed under"
)
STARS = [
    ("neither kind: nothing", 0, 0, None, ""),
    ("purpose only", 2, 0, None, STAR.format(2, 0) + ")."),
    ("title only, no wider term", 0, 1, {}, STAR.format(0, 1) + ")."),
    (
        "the one title names a wider term: 'it names'",
        0,
        1,
        {17: "arteriosclerosis"},
        STAR.format(0, 1) + "; it names " + WIDER + ").",
    ),
    (
        "one of two titles names it: '1 of them name'",
        1,
        2,
        {17: "arteriosclerosis"},
        STAR.format(1, 2) + "; 1 of them name " + WIDER + ").",
    ),
]


@pytest.mark.parametrize("rule, wide, titled, wider, text", STARS, ids=[s[0] for s in STARS])
def test_gap_star_label(rule, wide, titled, wider, text):
    """_gap_star_label: what '*' means, both counts, and a title naming only a wider term of the disease."""
    assert narrative._gap_star_label(wide, titled, wider) == text, rule


def test_wider_titles_keeps_the_selected_rows():
    """_wider_titles: Table 3 row 17's title names 'arteriosclerosis' (data/references.csv); kept when selected."""
    assert narrative._wider_titles(trials((17, "cells", "registered trial"), (1, "cells", "registered trial"))) == {
        17: "arteriosclerosis"
    }
    assert narrative._wider_titles(trials((1, "cells", "registered trial"))) == {}
    assert narrative._wider_titles(trials()) == {}


def test_gap_mimetic_sentence():
    """_gap_mimetic_sentence: the exosome-mimetic rows, counted as exosomes as printed; nothing when none."""
    assert narrative._gap_mimetic_sentence([("table2", 17, 70), ("table2", 18, 71)]) == (
        "Described as exosome mimetics by their Effects cell or cited title, counted as exosomes as printed "
        "(whether MSCs secreted them or they were made from MSCs is not reported in the review): Table 2 rows 17 "
        "and 18 ([70], [71])."
    )
    assert narrative._gap_mimetic_sentence([]) == ""
    assert narrative._gap_mimetic_sentence(None) == ""


MODELS = [
    (
        "OP",
        {
            "cells": {"induced: chemical": (4, ["STZ", "D-gal"], {"diabetic osteoporosis": 4, "ageing": 1})},
            "exosomes": {"natural ageing": (2, [], {}), "induced: surgical": (1, ["OVX"], {})},
        },
    ),
    ("POF", {"cells": {"induced: chemical": (1, [], {"POF": 1})}, "exosomes": {"natural ageing": (3, [], {})}}),
]


def test_panel_models_sentence():
    """panel_models_sentence: per disease, each panel's model classes with their printed words and cited conditions."""
    assert narrative.panel_models_sentence(MODELS) == (
        "Animal models printed, by class and rows, where the two panels share no kind of model, so one disease "
        "row compares different models: Osteoporosis: MSC rows induced: chemical 4 ('STZ', 'D-gal'; diabetic "
        "osteoporosis by 4 cited titles; ageing by 1 cited title); exosome rows natural ageing 2, induced: "
        "surgical 1 ('OVX'); Premature ovarian failure: MSC rows induced: chemical 1 (POF by 1 cited title); "
        "exosome rows natural ageing 3."
    )
    assert narrative.panel_models_sentence([]) == ""
    assert narrative.panel_models_sentence(None) == ""


def modelled(*rows) -> pd.DataFrame:
    """Study rows for the 'other model' rule: ``(table, row, disease_code, disease, model_class)``."""
    return pd.DataFrame(rows, columns=["table", "row", "disease_code", "disease", "model_class"])


OTHER_TEXT = (
    "'other model': a row whose every printed animal model is one the map checks as a model of another "
    f"condition: {other_condition_rule()}; counted as printed ({{}}). Another mismatch of model and disease "
    "shows only where the audit questions the row; a row whose disease neither its model nor its cited title "
    "names (rule R5) is labelled 'other model', not 'questioned'."
)
BONE = modelled(("table2", 25, "OP", "Osteoporosis", "induced: surgical bone defect"))
OTHER_LABELS = [
    ("no cell labelled: nothing", BONE, 0, ""),
    ("one row in one cell", BONE, 1, OTHER_TEXT.format("1 in all")),
    (
        "one row counted in two cells",
        BONE,
        2,
        OTHER_TEXT.format("1 row, counted 2 times, a row naming two sources being counted in both cells"),
    ),
]


@pytest.mark.parametrize("rule, frame, other, text", OTHER_LABELS, ids=[o[0] for o in OTHER_LABELS])
def test_gap_other_model_label(rule, frame, other, text):
    """_gap_other_model_label: the rule, and the rows and cells when a row is counted in two cells."""
    assert narrative._gap_other_model_label(frame, other) == text, rule


def test_gap_note_joins_its_sentences():
    """gap_note: marks, the audit_flag difference, the labels, models, mimetics, elsewhere, the comparator count."""
    cells = pd.DataFrame(
        {
            "questioned": [1, 0, 1],
            "comparator": [0, 2, 1],
            "wider_purpose": [1, 0, 0],
            "title_other_disease": [0, 1, 0],
            "other_model": [1, 0, 0],
        }
    )
    rows = STUDIES.assign(disease_code="OP", disease="Osteoporosis", model_class=[None, None, None, "natural ageing"])
    rows.loc[0, "model_class"] = "induced: surgical bone defect"
    note = narrative.gap_note(
        rows,
        trials(
            (17, "cells", "registered trial"),
            (2, "cells", "registered trial"),
            (3, "cells", "retrospective cohort study"),
            (4, "exosomes", None),
        ),
        cells,
        mimetic=[("table2", 17, 70)],
        elsewhere=ELSEWHERE,
        difference={"questioned only": [], "audit_flag only": []},
        models=MODELS[1:],
    )
    assert note == " ".join(
        [
            MARKS.format(2),
            FLAG_TEXT + "; here they name the same 2 rows.",
            OTHER_TEXT.format("1 in all"),
            STAR.format(1, 1) + "; it names " + WIDER + ").",
            "Animal models printed, by class and rows, where the two panels share no kind of model, so one disease "
            "row compares different models: Premature ovarian failure: MSC rows induced: chemical 1 (POF by 1 "
            "cited title); exosome rows natural ageing 3.",
            "Described as exosome mimetics by their Effects cell or cited title, counted as exosomes as printed "
            "(whether MSCs secreted them or they were made from MSCs is not reported in the review): Table 2 row 17 "
            "([70]).",
            ELSEWHERE_TEXT,
            "Hollow circle: a source a study's Effects cell names only as a comparator arm (3 in all). Counts are "
            "of the rows of the review's Tables 1-3, its own selection; its text cites further studies that are not "
            f"counted. {SOURCE_SHORT}, Tables 1-3.",
        ]
    )


def test_gap_note_without_cells():
    """gap_note with no cells: no label is counted, so only the marks (0 questioned) and the comparator line (0)."""
    note = narrative.gap_note(STUDIES, TRIALS)
    assert note == (
        MARKS.format(0) + " Hollow circle: a source a study's Effects cell names only as a comparator arm (0 in "
        "all). Counts are of the rows of the review's Tables 1-3, its own selection; its text cites further "
        f"studies that are not counted. {SOURCE_SHORT}, Tables 1-3."
    )


GAP_WHERE = [
    ("one table, one source each", studies(("table1", 2, 11, "cells", "UC", "in vivo")), "Table 1"),
    (
        "two tables; two rows naming two sources add a circle each",
        STUDIES[STUDIES["modality"] == "cells"],
        "Tables 1 and 2; rows 4, 9 name two sources, so the circles add up to 5",
    ),
    (
        "one row naming three sources adds two circles",
        studies(("table2", 3, 13, "exosomes", "UC+BM+AD", "in vivo"), ("table2", 5, 14, "exosomes", None, "in vivo")),
        "Table 2; row 3 names two sources, so the circles add up to 4",
    ),
    ("no row", studies(), "Tables 1-2"),
]


@pytest.mark.parametrize("rule, frame, text", GAP_WHERE, ids=[g[0] for g in GAP_WHERE])
def test_gap_where(rule, frame, text):
    """_gap_where: the tables printing the rows, and the rows naming two sources with the circles' total."""
    assert narrative._gap_where(frame) == text, rule


def test_gap_modality_sentence():
    """_gap_modality_sentence: preclinical rows of a modality beside its clinical studies, with the lead words."""
    assert narrative._gap_modality_sentence(STUDIES, TRIALS, "exosomes", "exosome", "Likewise, ") == (
        "Likewise, 1 exosome preclinical row (Table 2) stand beside 1 exosome clinical study (Table 3: 0 "
        "registered trials, 1 clinical study of unread design)."
    )


GAP_CELLS = [
    (
        "counts on each side",
        {"preclinical only": 7, "clinical only": 2},
        "7 disease-source cells have preclinical rows but no clinical study in Table 3; "
        "2 have a clinical study but no preclinical row in Tables 1-2.",
    ),
    (
        "missing keys count 0",
        {},
        "0 disease-source cells have preclinical rows but no clinical study in Table 3; "
        "0 have a clinical study but no preclinical row in Tables 1-2.",
    ),
    (
        "a comparator-only cell named apart",
        {"preclinical only": 7, "clinical only": 2, "clinical; preclinical as comparator arm only": 1},
        "7 disease-source cells have preclinical rows but no clinical study in Table 3; 2 have a clinical study but "
        "no preclinical row in Tables 1-2; 1 more has a clinical study and, in Tables 1-2, only a comparator arm "
        "of another source's study.",
    ),
]


@pytest.mark.parametrize("rule, gaps, text", GAP_CELLS, ids=[g[0] for g in GAP_CELLS])
def test_gap_cells_sentence(rule, gaps, text):
    """_gap_cells_sentence: cells with preclinical rows only, clinical studies only, and comparator arms only."""
    assert narrative._gap_cells_sentence(gaps) == text, rule


def test_codes_names_tissues():
    """_codes: each source as its name and code; 'none' for an empty list."""
    assert narrative._codes(["AM", "DP"]) == "Amniotic membrane (AM-MSC), Dental pulp (DP-MSC)"
    assert narrative._codes(["XX"]) == "XX (XX-MSC)"
    assert narrative._codes([]) == "none"


GAP_ROWS = {("table2", 3): "R4", ("table1", 12): "W6", ("table1", 2): "R1"}


def test_gap_questioned_sentence():
    """_gap_questioned_sentence: the questioned rows, sorted by table and row, each with why."""
    assert narrative._gap_questioned_sentence(GAP_ROWS) == (
        "The audit questions where 3 counted rows belong in the grid (rules R1-R4 and W6, any severity), each "
        "counted as printed: Table 1 row 2 (R1); Table 1 row 12 (W6); Table 2 row 3 (R4). It reads the printed "
        "cells and the cited titles only, so a misfiled row it cannot see may remain."
    )
    assert narrative._gap_questioned_sentence({("table1", 2): "R1"}).startswith(
        "The audit questions where 1 counted row belongs in the grid"
    )
    assert narrative._gap_questioned_sentence({}) == ""
    assert narrative._gap_questioned_sentence(None) == ""


OTHER_SENTENCES = [
    (
        "one row: 'prints'",
        {("table2", 25): "model: bone defect"},
        f"Of the model and disease pairs the map checks ({other_condition_rule()}), 1 counted row prints only such "
        "a model: Table 2 row 25 (model: bone defect). Another mismatch of model and disease shows only where the "
        "audit questions the row.",
    ),
    (
        "two rows: 'print'",
        {("table2", 25): "b", ("table1", 8): "a"},
        f"Of the model and disease pairs the map checks ({other_condition_rule()}), 2 counted rows print only such "
        "a model: Table 1 row 8 (a); Table 2 row 25 (b). Another mismatch of model and disease shows only where the "
        "audit questions the row.",
    ),
    ("none", {}, ""),
    ("None", None, ""),
]


@pytest.mark.parametrize("rule, other, text", OTHER_SENTENCES, ids=[o[0] for o in OTHER_SENTENCES])
def test_gap_other_model_sentence(rule, other, text):
    """_gap_other_model_sentence: the checked pairs, then the rows printing only such a model."""
    assert narrative._gap_other_model_sentence(other) == text, rule


def test_gap_source_text_sentence_names_the_review_text():
    """_gap_source_text_sentence: [24] (Table 1 row 13) is filed under UC, the review's text says cord blood."""
    rows = studies(("table1", 13, 24, "cells", "UC", "in vivo"), ("table1", 2, 11, "cells", "UC", "in vivo"))
    assert narrative._gap_source_text_sentence(rows) == (
        "Both lists follow the tables' Source cells and the cited titles; the review's text names the source of "
        "1 row otherwise: Table 1 row 13 ([24]): the review's text names the source 'human umbilical cord blood "
        "mesenchymal stem cells (hUC-MSCs)'; filed under UC as the table and the cited title print it."
    )
    assert narrative._gap_source_text_sentence(rows.iloc[1:]) == ""
    assert narrative._gap_source_text_sentence(rows.iloc[0:0]) == ""


FACTS = {
    "gap_cells": {"preclinical only": 3, "clinical only": 1},
    "sources_preclinical_only": ["AM"],
    "sources_clinical_only": [],
}


def test_gap_notice_joins_its_sentences():
    """gap_notice: both modalities, the one-sided cells and sources, the audit's rows, other models, elsewhere."""
    notice = narrative.gap_notice(
        STUDIES, TRIALS, FACTS, flagged={("table1", 2): "R1"}, elsewhere=ELSEWHERE, other={("table2", 3): "m"}
    )
    assert notice == " ".join(
        [
            "In the review's tables, 3 MSC preclinical rows (Tables 1 and 2; rows 4, 9 name two sources, so the "
            "circles add up to 5) stand beside 3 MSC clinical studies (Table 3: 2 registered trials, 1 retrospective "
            "cohort study).",
            "Likewise, 1 exosome preclinical row (Table 2) stand beside 1 exosome clinical study (Table 3: 0 "
            "registered trials, 1 clinical study of unread design).",
            "3 disease-source cells have preclinical rows but no clinical study in Table 3; 1 have a clinical study "
            "but no preclinical row in Tables 1-2.",
            "Sources with preclinical rows but no clinical study, in the review's Tables 1-3: Amniotic membrane "
            "(AM-MSC). Sources with a clinical study but no preclinical row there: none.",
            "The audit questions where 1 counted row belongs in the grid (rules R1-R4 and W6, any severity), each "
            "counted as printed: Table 1 row 2 (R1). It reads the printed cells and the cited titles only, so a "
            "misfiled row it cannot see may remain.",
            f"Of the model and disease pairs the map checks ({other_condition_rule()}), 1 counted row prints only "
            "such a model: Table 2 row 3 (m). Another mismatch of model and disease shows only where the audit "
            "questions the row.",
            ELSEWHERE_TEXT + " Reviewed: Patients' serum. A case report.",
        ]
    )


def test_gap_notice_without_rows():
    """No study and no trial: one sentence saying so."""
    assert narrative.gap_notice(studies(), trials(), FACTS) == "No study or trial in this selection."


def test_gap_marks_sentence_without_a_setting_column():
    """_gap_marks_sentence: rows that carry no setting cannot be counted as printing no animal arm: 0."""
    text = narrative._gap_marks_sentence(STUDIES.drop(columns="setting"), TRIALS, 1)
    assert text == MARKS.format(1).replace("(4 selected; 2 of them", "(4 selected; 0 of them")


def test_gap_notice_with_trials_only():
    """gap_notice: a selection with clinical studies but no preclinical row still gets its sentences."""
    notice = narrative.gap_notice(studies(), trials((1, "cells", "registered trial")), FACTS)
    assert notice == " ".join(
        [
            "In the review's tables, 0 MSC preclinical rows (Tables 1-2) stand beside 1 MSC clinical study (Table 3: "
            "1 registered trial).",
            "Likewise, 0 exosome preclinical rows (Tables 1-2) stand beside 0 exosome clinical studies (Table 3: 0 "
            "registered trials).",
            "3 disease-source cells have preclinical rows but no clinical study in Table 3; 1 have a clinical study "
            "but no preclinical row in Tables 1-2.",
            "Sources with preclinical rows but no clinical study, in the review's Tables 1-3: Amniotic membrane "
            "(AM-MSC). Sources with a clinical study but no preclinical row there: none.",
        ]
    )


def test_empty_frames_without_columns_give_nothing():
    """An empty selection (a frame with no columns at all) has no text-named source and no wider title."""
    assert narrative._gap_source_text_sentence(pd.DataFrame()) == ""
    assert narrative._wider_titles(pd.DataFrame()) == {}


def test_gap_source_text_sentence_lists_rows_in_order():
    """_gap_source_text_sentence: several rows, sorted by table and row, joined by semicolons."""
    from unittest import mock

    from helpers.analysis import gapmap

    rows = studies(("table2", 3, 13, "exosomes", "UC", "in vivo"), ("table1", 13, 24, "cells", "UC", "in vivo"))
    said = {("table2", 3): "text says BM", ("table1", 13): "text says UCB"}
    with mock.patch.object(gapmap, "source_in_text", lambda frame: said):
        assert narrative._gap_source_text_sentence(rows) == (
            "Both lists follow the tables' Source cells and the cited titles; the review's text names the source "
            "of 2 rows otherwise: Table 1 row 13 ([24]): text says UCB; Table 2 row 3 ([13]): text says BM."
        )


def test_gap_star_label_joins_two_wider_terms():
    """_gap_star_label: two distinct wider terms are both named, joined by 'and'."""
    from unittest import mock

    from helpers.analysis import trials as trial_analysis

    terms = {"atherosclerosis": "arteriosclerosis", "osteoporosis": "bone loss"}
    with mock.patch.object(trial_analysis, "WIDER_TERMS", terms):
        text = narrative._gap_star_label(0, 2, {17: "arteriosclerosis", 20: "bone loss", 21: "bone loss"})
    assert text == STAR.format(0, 2) + (
        "; 3 of them name only the wider term 'arteriosclerosis', which includes atherosclerosis and 'bone loss', "
        "which includes osteoporosis, so the study may well be of the disease it is filed under)."
    )
