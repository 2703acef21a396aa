"""Every number in the gap map's caption and "What to notice", against a recount of the printed Tables 1-3."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import gapmap
from helpers.analysis import trials as trial_lines
from helpers.audit import runner as audit
from helpers.data import coded
from helpers.outputs import narrative
from tests.unit.analysis._numbers import numbers

# Recount from the print (seed text).
STUDIES, MSC_ROWS, EXO_ROWS = 56, 28, 28  # Tables 1 and 2
# No animal arm printed (no route into an animal): Table 1 rows 14 [25], 28 [44]; Table 2 rows 6, 7, 9, 18, 21,
# 26, 27. Not "in vitro only": row 9's Effects cell speaks of AD model mice (second reading 2.1).
NO_ANIMAL_ARM = 9
TRIALS_ROWS = 18
MSC_CLINICAL, MSC_REGISTERED = 14, 13  # Table 3 cells rows; row 17 ([39]) is the retrospective cohort study
EXO_CLINICAL = 4  # Table 3 rows 7, 12, 13, 18
PRECLINICAL_ONLY_CELLS = 13  # 5 MSC + 8 exosome cells
CLINICAL_ONLY_CELLS = 2  # AD x UCB (MSCs, row 8) and skin aging x UCB (exosomes, row 18)
COMPARATOR_ONLY_CLINICAL = 1  # OP x UC (rows 15, 16): Table 1 row 25 [41] compares DP with AD, UC and AM MSCs
COMPARATOR_ARMS = 3  # AD, UC and AM in row 25's Effects cell
# Rows whose cited title names another disease, source or setting: Table 1 row 13 ([24], POF patients),
# row 22 ([37], myocardial infarction), row 26 ([42], gingival MSCs); another product: Table 1 row 28 ([44],
# conditioned medium), Table 2 row 7 ([55], conditioned medium), Table 2 row 9 ([58], the cells themselves,
# whose Effects cell also speaks of AD model mice although no animal arm is printed) (second reading 2.1, 2.4).
# Rows the audit questions (R1-R4, W6): the six of the second reading, and Table 2 rows 17-18, the exosome
# mimetics that R4 reports since audit 2.5 (the cited title or the Effects names another product).
FLAGGED = [
    ("table1", 13),
    ("table1", 22),
    ("table1", 26),
    ("table1", 28),
    ("table2", 7),
    ("table2", 9),
    ("table2", 17),
    ("table2", 18),
]
# Third reading 3.1: the coded dataset's audit_flag (an error or warning of any rule bearing on a code) names a
# different set, recounted from tables/audit.csv: the map alone questions Table 2 rows 7, 17, 18 (R4 at "check"
# severity), and audit_flag alone marks Table 1 row 9 (W2, route), row 14 (W7, animal model read as a cell
# source), Table 2 row 16 (W4, dose) and the diamonds' Table 3 rows 2 and 3 (X1, copied Results) and 17 (I9).
QUESTIONED_ONLY = [("table2", 7, "R4"), ("table2", 17, "R4"), ("table2", 18, "R4")]
AUDIT_FLAG_ONLY = [
    ("table1", 9, "W2"),
    ("table1", 14, "W7"),
    ("table2", 16, "W4"),
    ("table3", 2, "X1"),
    ("table3", 3, "X1"),
    ("table3", 17, "I9"),
]
# Third reading 3.2: rows whose every printed model is of another condition: Table 1 rows 8 [18] and 13 [24]
# print only "Naturally aged" mice under POF (ovarian ageing, not premature failure; rows 7 and 10 also print a
# POF model), Table 2 row 25 [80] a surgical bone defect under OP. Row 8 names UC and AD MSCs: 4 cell labels.
OTHER_MODEL = [("table1", 8), ("table1", 13), ("table2", 25)]
# Third reading 3.6: the MSC OP rows (Table 1 rows 24-26) all print "OVX"; the exosome OP rows print "STZ" (rows
# 19, 20, 23, 24), "proteoglycan" (22) and a bone defect (25); row 21 prints no animal model.
# Fifth reading 5.3: with the condition the rows' cited titles name: ref 41 "postmenopausal osteoporosis" (Table 1
# row 25; refs 40, 42 name none); refs 72, 73, 77, 78 "diabetic osteoporosis" (Table 2 rows 19, 20, 23, 24); ref 75
# "ankylosing spondylitis mice" (row 22); ref 80 (row 25) "bone regeneration", none.
OP_MODELS = {
    "cells": {"induced: ovariectomy": (3, ["OVX"], {"postmenopausal osteoporosis": 1})},
    "exosomes": {
        "induced: chemical": (4, ["STZ"], {"diabetic osteoporosis": 4}),
        "induced: immune": (1, ["proteoglycan"], {"ankylosing spondylitis": 1}),
        "induced: surgical bone defect": (1, ["bone defects"], {}),
    },
}
# Table 2 row 17 ([70], title "exosome-mimetic nanoparticles") and row 18 ([71], Effects "mimetic nanovesicles").
MIMETIC = [("table2", 17, 70), ("table2", 18, 71)]
MSC_CIRCLES = 29  # Table 1 row 8 [18] names UC and AD MSCs, so 28 rows give 29 circles


@pytest.fixture(scope="module")
def made():
    studies, trials = coded.studies(), coded.trials()
    findings = audit.frame(audit.findings(gapmap.AUDIT_RULES), audit.reviewed())
    arms = gapmap.comparators(studies)
    cells = gapmap.grid(studies, trials, findings, arms)
    return studies, trials, findings, cells


@pytest.fixture(scope="module")
def dataset_flags():
    from helpers.audit import flags

    return flags.by_row()


def _elsewhere(studies, findings):
    return trial_lines.clinical_elsewhere(findings, studies)


def test_the_caption_states_only_recounted_numbers(made, dataset_flags):
    studies, trials, findings, cells = made
    difference = gapmap.flag_difference(studies, trials, findings, dataset_flags)
    text = narrative.gap_note(
        studies,
        trials,
        cells,
        gapmap.mimetic_rows(studies),
        _elsewhere(studies, findings),
        difference,
        gapmap.panel_models(studies),
    )
    assert numbers(text) == [
        STUDIES,
        NO_ANIMAL_ARM,
        TRIALS_ROWS,
        MSC_REGISTERED + EXO_CLINICAL,
        1,
        len(FLAGGED),
        *(r for _, r, _ in QUESTIONED_ONLY),
        *(r for _, r, _ in AUDIT_FLAG_ONLY),
        len(OTHER_MODEL),
        len(OTHER_MODEL) + 1,  # Table 1 row 8 names two sources
        1,  # '*': Table 3 row 13 (NCT06607900), purpose "... multiple neurodegenerative diseases"
        1,  # '*': Table 3 row 17 ([39]), title "... in arteriosclerosis ..." (third reading 3.3)
        *(k for n, _, named in OP_MODELS["cells"].values() for k in (n, *named.values())),
        *(k for n, _, named in OP_MODELS["exosomes"].values() for k in (n, *named.values())),
        17,
        18,
        70,
        71,  # the exosome-mimetic rows
        13,
        24,  # Table 1 row 13 ([24]): possibly a clinical study not in Table 3
        COMPARATOR_ARMS,
    ]
    assert "donor species pooled" in text and "its own selection" in text
    assert "print no animal arm" in text
    # Second reading 2.1, third reading 3.4: the rule applied, said in the caption, and never "in vitro only".
    assert gapmap.NO_ANIMAL_ARM_MEANS in text and "not the same as in vitro only" in text
    assert "no route into an animal" not in text  # Table 2 row 1 prints route "NA" beside a mouse model
    assert "'questioned' is not the coded dataset's audit_flag" in text and "flagged" not in text
    assert "Osteoporosis: MSC rows induced: ovariectomy 3 ('OVX'; postmenopausal osteoporosis by 1 cited title)" in text
    assert "induced: chemical 4 ('STZ'; diabetic osteoporosis by 4 cited titles)" in text
    assert "induced: immune 1 ('proteoglycan'; ankylosing spondylitis by 1 cited title)" in text


def test_what_to_notice_states_only_recounted_numbers(made):
    studies, trials, findings, cells = made
    elsewhere = _elsewhere(studies, findings)
    flagged, other = gapmap.flagged_in(studies, findings), gapmap.other_model_rows(studies)
    text = narrative.gap_notice(studies, trials, gapmap.facts(cells), flagged, elsewhere, other)
    assert numbers(text) == [
        MSC_ROWS,
        8,
        MSC_CIRCLES,  # "(Table 1; row 8 names two sources, so the circles add up to 29)"
        MSC_CLINICAL,
        MSC_REGISTERED,
        1,
        EXO_ROWS,
        EXO_CLINICAL,
        EXO_CLINICAL,
        PRECLINICAL_ONLY_CELLS,
        CLINICAL_ONLY_CELLS,
        COMPARATOR_ONLY_CLINICAL,
        1,  # fifth reading 5.2: "the review's text names the source of 1 row otherwise: Table 1 row 13 ([24])"
        13,
        24,
        len(FLAGGED),
        *(r for _, r in FLAGGED),
        len(OTHER_MODEL),
        *(r for _, r in OTHER_MODEL),  # "..., 3 counted rows print only such a model: Table 1 row 8; ..."
        13,
        24,  # Table 1 row 13 ([24])
    ]
    assert "(Table 2) stand beside" in text  # the exosome rows are all in Table 2 (second reading 2.6)
    assert "trial" not in text.replace("registered trial", "")  # the cohort is never called a trial
    assert "in the review's Tables 1-3" in text
    assert "rules R1-R4 and W6, any severity" in text  # third reading 3.1: what "questioned" counts
    # Second reading 2.3: the text, not only the title, makes [24] a clinical study that Table 3 does not list.
    assert "review's own text presents the same study as a clinical one" in text


def test_the_rows_a_reader_must_know_about_are_named(made):
    """Second reading 2.1, 2.4, 2.5, 2.8 and #15: every questioned row carries its reason in the evidence file."""
    studies, trials, findings, cells = made
    assert sorted(gapmap.flagged_in(studies, findings)) == FLAGGED
    assert gapmap.mimetic_rows(studies) == MIMETIC
    evidence = gapmap.evidence(studies, trials, findings, gapmap.comparators(studies))
    note = {(t, int(r)): n for t, r, n in zip(evidence["table"], evidence["row"], evidence["note"])}
    assert note[("table2", 9)].startswith("W6") and "R4" in note[("table2", 9)]
    assert note[("table1", 14)].startswith("W7")  # "5XFAD mice" printed, but co-culture is its only route
    # R4 quotes the title's own words ("Conditioned medium"), so the case is the title's.
    assert "conditioned medium" in note[("table1", 28)].lower() and "conditioned medium" in note[("table2", 7)].lower()
    assert all("exosome-mimetic" in note[("table2", r)] for r in (17, 18))
    assert "multiple neurodegenerative diseases" in note[("table3", 13)]
    # Second reading 2.2: Table 2 row 25 ([80]) prints "Surgically establish bone defects in rats" under OP.
    assert sorted(gapmap.other_model_rows(studies)) == OTHER_MODEL
    assert gapmap.other_model_rows(studies)[("table2", 25)] in note[("table2", 25)]
    assert "bone defect" in note[("table2", 25)] and "Osteoporosis" in note[("table2", 25)]
    # Third reading 3.2: naturally aged mice alone, filed under POF; rows 7 and 10 also print a POF model.
    assert all("natural ovarian ageing" in note[("table1", r)] for r in (8, 13))
    assert "ovarian ageing" not in note[("table1", 7)] + note[("table1", 10)]
    # Third reading 3.3: the trials exhibit's note (d) on Table 3 row 17 ([39]) is carried into the evidence.
    assert note[("table3", 17)] == trial_lines.title_other_disease()[17] and "arteriosclerosis" in note[("table3", 17)]
    kinds = evidence.loc[evidence["table"].isin(["table1", "table2"]), "kind"]
    assert "preclinical study, in vitro only" not in set(kinds)
    assert (kinds == f"preclinical study, {gapmap.NO_ANIMAL_ARM}").sum() == NO_ANIMAL_ARM


def test_cell_counts_recount_the_print(made):
    *_, cells = made
    at = cells.set_index(["modality", "disease", "source"])
    assert at.loc[
        ("cells", "AS", "AD"), ["preclinical", "questioned", "trials", "other_clinical", "title_other_disease"]
    ].tolist() == [3, 1, 0, 1, 1]  # third reading 3.3: the cohort's title says arteriosclerosis
    assert at.loc[("cells", "OP", "DP"), ["preclinical", "questioned"]].tolist() == [2, 1]
    # Third reading 3.2: rows 8 and 13 print only naturally aged mice; row 8 also counts under AD-MSC.
    assert at.loc[("cells", "POF", "UC"), ["preclinical", "questioned", "other_model", "trials"]].tolist() == [
        8,
        1,
        2,
        2,
    ]
    assert at.loc[("cells", "POF", "AD"), ["preclinical", "other_model"]].tolist() == [3, 1]
    assert at.loc[("cells", "SKIN", "AD"), ["preclinical", "no_animal_arm", "questioned"]].tolist() == [1, 1, 1]
    assert at.loc[("exosomes", "AD", "UC"), ["preclinical", "no_animal_arm", "questioned"]].tolist() == [3, 2, 1]
    assert at.loc[("exosomes", "AD", "BM"), ["preclinical", "no_animal_arm", "questioned"]].tolist() == [4, 1, 1]
    assert at.loc[("exosomes", "AD", "UC"), ["trials", "wider_purpose"]].tolist() == [1, 1]  # NCT06607900
    assert int(cells["no_animal_arm"].sum()) == NO_ANIMAL_ARM
    assert int(cells["wider_purpose"].sum()) == 1
    # The whole exosome OP x DP-MSC cell rests on Table 2 row 25, a bone-defect model (second reading 2.2).
    assert at.loc[("exosomes", "OP", "DP"), ["preclinical", "other_model"]].tolist() == [1, 1]
    assert int(cells["other_model"].sum()) == len(OTHER_MODEL) + 1  # row 8 in two cells
    assert int(cells["title_other_disease"].sum()) == 1


def test_the_intro_says_what_the_review_does_not_do():
    """Second reading 2.7: each disease section of the review follows its preclinical paragraphs with a clinical
    one (POF NCT02696889, AD NCT02600130, AS [39], OP NCT02566655, ...); what it never does is cross-tabulate."""
    import json

    from tests.conftest import ROOT

    nb = json.loads((ROOT / "notebooks" / "gapmap.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert "never sets them side by side" not in text
    assert "never cross-tabulates the two by disease and MSC source" in text
    # Third reading 2.7: the MSC skin-aging and the exosome AS and OP sections have no clinical paragraph.
    assert "of each disease with the clinical ones" not in text and "in some of its disease sections" in text
    # Third reading 2.1 / 3.4: the intro states the rule applied, and what "questioned" is not.
    assert "co-culture in a dish is the only printed route" in text and "no route into an animal" not in text
    assert "not the coded dataset's `audit_flag`" in text


def test_questioned_and_audit_flag_differ_exactly_where_the_recount_says(made, dataset_flags):
    """Third reading 3.1: the map's 'questioned' and the dataset's audit_flag, compared row by row."""
    studies, trials, findings, _ = made
    assert gapmap.flag_difference(studies, trials, findings, dataset_flags) == {
        "questioned only": QUESTIONED_ONLY,
        "audit_flag only": AUDIT_FLAG_ONLY,
    }
    evidence = gapmap.evidence(studies, trials, findings, gapmap.comparators(studies), dataset_flags)
    rows = evidence[evidence["kind"] != "comparator arm only"].drop_duplicates(["table", "row"])
    questioned = {(t, int(r)) for t, r, q in zip(rows["table"], rows["row"], rows["questioned"]) if q}
    flagged = {(t, int(r)) for t, r, f in zip(rows["table"], rows["row"], rows["audit_flag"]) if f}
    assert sorted(questioned) == FLAGGED
    assert questioned - flagged == {(t, r) for t, r, _ in QUESTIONED_ONLY}
    assert flagged - questioned == {(t, r) for t, r, _ in AUDIT_FLAG_ONLY}
    # The evidence's audit_flag is the coded dataset's column, row for row (tables/studies.csv, tables/trials.csv).
    coded_flags = pd.concat([coded.studies(), coded.trials()])[["table", "row"]].merge(
        dataset_flags, on=["table", "row"], how="left"
    )
    expected = {
        (t, int(r))
        for t, r, f in zip(coded_flags["table"], coded_flags["row"], coded_flags["audit_flag"])
        if pd.notna(f) and bool(f)
    }
    assert flagged == expected
    # Each side says what the other's flag is: the dataset's column description, and the map's caption (above).
    from helpers.data.flags import COLUMNS

    assert "Not the gap map's 'questioned'" in COLUMNS["audit_flag"][1] and "R1-R4 and W6" in COLUMNS["audit_flag"][1]


@pytest.mark.parametrize(
    ("difference", "questioned", "says"),
    [
        ({"questioned only": [], "audit_flag only": []}, 0, "here neither names a row."),
        ({"questioned only": [], "audit_flag only": []}, 2, "here they name the same 2 rows."),
        ({"questioned only": [("table2", 7, "R4")], "audit_flag only": []}, 1, "only a check: Table 2 row 7 (R4)."),
    ],
)
def test_the_caption_says_how_questioned_and_audit_flag_differ_in_any_selection(difference, questioned, says):
    text = narrative.questioned_versus_audit_flag(difference, questioned)
    assert text.startswith("'questioned' is not the coded dataset's audit_flag") and text.endswith(says)


def test_a_dismissed_finding_questions_no_row():
    """The map leaves out what a review dismissed, as the dataset's audit_flag does (no "rejected" verdict exists)."""
    found = pd.DataFrame(
        {
            "rule": ["R1 cited title names another disease", "R2 cited title names another MSC source"],
            "table": ["table1", "table1"],
            "row": ["3", "4"],
            "message": ["m", "n"],
            "verdict": ["dismissed", "confirmed"],
        }
    )
    assert gapmap.flagged_rows(found) == {("table1", 4): "R2: n"}


def test_the_two_panels_of_osteoporosis_model_it_differently(made):
    """Third reading 3.6: no kind of animal model is shared by the MSC and the exosome osteoporosis rows."""
    studies, *_ = made
    assert gapmap.panel_models(studies) == [("OP", OP_MODELS)]


# Fourth reading 4.5: the rows audit_flag marks and the map does not question, with the words the reader found
# in tables/audit.csv for each (T1 row 9: Effects "Intrarenal" against route OV; T2 row 16: "IV 100 mg";
# Table 3 rows 2 and 3: the same results printed twice).
FLAG_REASONS = [
    ("table1", 9, "W2:", "intrarenal"),
    ("table2", 16, "W4:", "dose"),
    ("table3", 2, "X1:", "same results"),
    ("table3", 3, "X1:", "same results"),
]


@pytest.mark.parametrize(("table", "row", "rule", "word"), FLAG_REASONS)
def test_every_audit_flagged_row_says_why_in_the_evidence(dataset_flags, table, row, rule, word):
    studies, trials = coded.studies(), coded.trials()
    findings = audit.frame(audit.findings(), audit.reviewed())
    evidence = gapmap.evidence(studies, trials, findings, gapmap.comparators(studies), dataset_flags)
    notes = evidence[(evidence["table"] == table) & (evidence["row"] == row)]["note"]
    assert len(notes) and all(rule in n and word in n.lower() for n in notes)


def test_the_other_model_label_counts_rows_and_says_which_pairs_it_checks(made):
    """Fourth reading 4.1, 4.2, 4.4: 3 rows counted 4 times (row 8 names two sources), the rule worded as the pairs
    it checks (T1 row 22 [37], D-gal under AS, is outside it and shown as questioned), and R5 named."""
    studies, _, _, cells = made
    text = narrative._gap_other_model_label(studies, int(cells["other_model"].sum()))
    assert "3 rows, counted 4 times" in text and "labelled in 4 cells" not in text
    assert "'natural ageing' filed under Premature ovarian failure" in text
    assert "'induced: surgical bone defect' under any disease" in text
    assert "shows only where the audit questions the row" in text and "(rule R5) is labelled 'other model'" in text
    assert ("table1", 22) in gapmap.flagged_rows(made[2]) and ("table1", 22) not in gapmap.other_model_rows(studies)


def test_every_r5_row_is_labelled_other_model():
    """Fourth reading 4.4: the caption says an R5 row (Table 2 row 25 [80]) is labelled 'other model'."""
    found = audit.frame(audit.findings(("R5",)), audit.reviewed())
    rows = {(str(t), int(r)) for t, r in zip(found["table"], found["row"])}
    assert rows == {("table2", 25)} and rows <= set(gapmap.other_model_rows(coded.studies()))


def test_the_mimetic_sentence_does_not_say_they_are_not_secreted():
    """Fourth reading 4.3: the print calls [70]'s product platelet-membrane-coated BMMSC-Exos; how they were made is
    not reported in the review."""
    text = narrative._gap_mimetic_sentence([("table2", 17, 70), ("table2", 18, 71)])
    assert "not secreted exosomes" not in text and "is not reported in the review" in text


def test_the_rows_whose_source_the_text_names_otherwise_are_said(made):
    """Fifth reading 5.2: the review's text (MSC POF paragraph) expands [24]'s cells (Table 1 row 13, printed
    hUC-MSC; the title says UC-MSCs) as "human umbilical cord blood mesenchymal stem cells (hUC-MSCs)"; the notice
    and the row's evidence note say so, and that the row is filed under UC as the table and title print it."""
    studies, trials, findings, cells = made
    assert gapmap.source_in_text(studies) == {
        ("table1", 13): "the review's text names the source 'human umbilical cord blood mesenchymal stem cells "
        "(hUC-MSCs)'; filed under UC as the table and the cited title print it"
    }
    shown = gapmap.evidence(studies, trials, findings, gapmap.comparators(studies))
    row = shown[(shown["table"] == "table1") & (shown["row"] == 13)]
    assert row["note"].str.contains("umbilical cord blood").all()


def test_a_title_naming_the_wider_term_is_not_called_another_disease(made):
    """Fifth reading 5.1 (and trials 5.3): ref 39's title says "arteriosclerosis", the wider term that includes
    atherosclerosis; the '*' sentence and the row's note say so rather than call it another disease."""
    studies, trials, findings, cells = made
    text = narrative.gap_note(studies, trials, cells)
    assert "only the wider term 'arteriosclerosis', which includes atherosclerosis" in text
    note = trial_lines.title_other_disease()[17]
    assert "names arteriosclerosis, the wider term that includes atherosclerosis" in note
    assert "does not name atherosclerosis" not in note


def test_the_notice_and_notebook_say_the_other_model_rule_is_a_fixed_list(made):
    """Fourth reading 4.2, "partly" at the fifth: the notice and the notebook's intro name the checked pairs
    and say that another mismatch (Table 1 row 22, [37], a D-gal model under AS) shows only as an audit finding."""
    import json
    from pathlib import Path

    studies, trials, findings, cells = made
    text = narrative.gap_notice(
        studies,
        trials,
        gapmap.facts(cells),
        gapmap.flagged_in(studies, findings),
        None,
        gapmap.other_model_rows(studies),
    )
    assert "The printed animal model of" not in text
    assert "Of the model and disease pairs the map checks (" in text
    assert "Another mismatch of model and disease shows only where the audit questions the row." in text
    intro = "".join(json.loads(Path("notebooks/gapmap.ipynb").read_text())["cells"][0]["source"])
    assert "print only an animal model of another condition than their disease" not in intro
    assert "shows only where the audit questions the row" in intro
