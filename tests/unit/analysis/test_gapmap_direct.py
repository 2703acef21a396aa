"""Direct, table-driven tests of ``helpers.analysis.gapmap`` on a small hand-made selection.

The selection is a handful of real rows of Tables 1-3 (so the printed cells, cited titles and body-text
statements the module reads from ``data/`` are the review's), given as small frames of the coded columns
the gap map reads. For it the tests state, worked out by hand:

* the grid: which diseases and sources it spans, each cell's counts (preclinical rows, no animal arm,
  questioned, other-condition model, comparator arm, trials, other clinical studies, wider purpose, title
  naming another disease, phases, statuses) and the gap each cell shows;
* the evidence lines beside the grid, with the gap map's "questioned" and the dataset's ``audit_flag``;
* where the two flags differ, which audit findings question a row, and the notes (other-condition
  models, exosome mimetics, the body text naming another source);
* the disease labels, the other-condition rule in words, and the model classes two panels do not share.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import gapmap

# --- the selection --------------------------------------------------------------------------------

STUDY_COLUMNS = ["table", "row", "ref", "modality", "disease_code", "disease", "tissue", "setting", "model_class"]
POF, AD_NAME, AS_NAME = "Premature ovarian failure", "Alzheimer's disease", "Atherosclerosis"
# Table 1 row 8 [18]: hUCMSC/ hAD-MSC in naturally aged mice, filed under POF.
# Table 1 row 13 [24]: hUC-MSC in naturally aged mice, filed under POF; its title names POF patients and the
# review's text calls the cells umbilical cord blood MSCs.
# Table 2 row 7 [55]: SH-SY5Y cells only, filed under AD; its title names conditioned medium.
# Table 2 row 18 [71]: HCAECs only, filed under AS; its Effects cell prints "mimetic nanovesicles".
STUDIES = pd.DataFrame(
    [
        ("table1", 8, 18, "cells", "POF", POF, "UC+AD", "in vivo", "natural ageing"),
        ("table1", 13, 24, "cells", "POF", POF, "UC", "in vivo", "natural ageing"),
        ("table2", 7, 55, "exosomes", "AD", AD_NAME, "UC", "in vitro", "in vitro only"),
        ("table2", 18, 71, "exosomes", "AS", AS_NAME, "UC", "in vitro", "in vitro only"),
    ],
    columns=STUDY_COLUMNS,
).astype({"row": "Int64", "ref": "Int64"})

TRIAL_COLUMNS = ["table", "row", "ref", "modality", "disease_code", "tissue", "design", "phase", "status", "nct_id"]
# Table 3 row 2 (BM, POF), row 13 (exosomes, "multiple neurodegenerative diseases"), row 17 ([39], the
# retrospective cohort study whose title names arteriosclerosis, filed under AS).
TRIALS = pd.DataFrame(
    [
        ("table3", 2, pd.NA, "cells", "POF", "BM", "registered trial", "1/2", "unknown", "NCT02062931"),
        ("table3", 13, pd.NA, "exosomes", "AD", "UC", "registered trial", "1", "Not yet recruiting", "NCT06607900"),
        ("table3", 17, 39, "cells", "AS", "AD", "retrospective cohort study", pd.NA, "Completed", pd.NA),
    ],
    columns=TRIAL_COLUMNS,
).astype({"row": "Int64", "ref": "Int64", "phase": "string", "nct_id": "string"})

# Comparator arms (as gapmap.comparators gives them): AM-MSCs named beside Table 1 row 8's POF study, and
# AD-MSCs beside an AS study.
ARMS = pd.DataFrame(
    [("table1", 8, 18, "cells", "POF", "AM"), ("table1", 20, 34, "cells", "AS", "AD")],
    columns=["table", "row", "ref", "modality", "disease_code", "source"],
)

FINDING_COLUMNS = ["rule", "table", "row", "message", "verdict", "severity"]
FINDINGS = pd.DataFrame(
    [
        ("R3", "table1", "13", "the cited title names patients", "", "warning"),
        ("R4", "table2", "7", "the cited title names conditioned medium", "confirmed", "check"),
        # A dismissed finding questions nothing.
        ("R2", "table1", "8", "the cited title names another source", "dismissed", "warning"),
        # A finding on a row outside the selection.
        ("R1", "table1", "22", "the cited title names myocardial infarction", "", "check"),
        # A finding on no row (a table-level finding) is not a row's.
        ("R1", "table1", "", "the table has no legend entry", "", "check"),
        # Rules outside the gap map's placement rules: a route, copied Results.
        ("W2", "table1", "9", "route 'OV' is not the text's", "", "warning"),
        ("X1", "table3", "2", "Results copied from row 3", "", "warning"),
        ("W3", "table1", "8", "dose printed without a unit", "", "error"),
    ],
    columns=FINDING_COLUMNS,
)
# The dataset's audit flags per printed row (helpers.audit.flags.by_row).
FLAGS = pd.DataFrame(
    [
        ("table1", 8, "W3", True),
        ("table1", 9, "W2", True),
        ("table1", 13, "R3", True),
        ("table2", 7, "R4;W5;W6", False),
        ("table2", 18, "", False),
        ("table3", 2, "X1;I9", True),
        ("table3", 13, "", False),
    ],
    columns=["table", "row", "audit_findings", "audit_flag"],
)

NATURAL_POF = (
    "model: animals aged naturally ('naturally aged' printed), natural ovarian ageing, not premature ovarian "
    "failure; filed under Premature ovarian failure by the review"
)
TEXT_24 = (
    "the review's text names the source 'human umbilical cord blood mesenchymal stem cells (hUC-MSCs)'; filed "
    "under UC as the table and the cited title print it"
)
MIMETIC = "exosome-mimetic by its Effects cell or cited title"
WIDE_13 = (
    "filed under this disease; the purpose as printed reads 'HUC-MSC-sEV-001 nasal drops for multiple "
    "neurodegenerative diseases'"
)
TITLE_17 = (
    "filed under AS (Atherosclerosis) by the review; the cited title (ref. [39]) names arteriosclerosis, the wider "
    "term that includes atherosclerosis, not atherosclerosis itself: 'Autologous adipose mesenchymal stem cell "
    "administration in arteriosclerosis and potential for anti-aging application: a retrospective cohort study'"
)


# --- the grid -------------------------------------------------------------------------------------

EMPTY = {
    "preclinical": 0,
    "no_animal_arm": 0,
    "questioned": 0,
    "other_model": 0,
    "comparator": 0,
    "trials": 0,
    "other_clinical": 0,
    "wider_purpose": 0,
    "title_other_disease": 0,
    "phases": "",
    "statuses": "",
    "gap": "neither",
}
# Every non-empty cell, counted by hand from the selection above.
FILLED = {
    # Rows 8 and 13 both name UC; both print only naturally aged mice; row 13 is questioned (R3).
    ("cells", "POF", "UC"): {"preclinical": 2, "questioned": 1, "other_model": 2, "gap": "preclinical only"},
    ("cells", "POF", "BM"): {
        "trials": 1,
        "phases": "phase 1/2: 1",
        "statuses": "unknown: 1",
        "gap": "clinical only",
    },
    # Row 8's second source; its R2 finding is dismissed, so not questioned.
    ("cells", "POF", "AD"): {"preclinical": 1, "other_model": 1, "gap": "preclinical only"},
    ("cells", "POF", "AM"): {"comparator": 1, "gap": "comparator arm only"},
    ("cells", "AS", "AD"): {
        "comparator": 1,
        "other_clinical": 1,
        "title_other_disease": 1,
        "phases": "no phase: 1",
        "statuses": "Completed: 1",
        "gap": "clinical; preclinical as comparator arm only",
    },
    ("exosomes", "AD", "UC"): {
        "preclinical": 1,
        "no_animal_arm": 1,
        "questioned": 1,
        "trials": 1,
        "wider_purpose": 1,
        "phases": "phase 1: 1",
        "statuses": "Not yet recruiting: 1",
        "gap": "both",
    },
    ("exosomes", "AS", "UC"): {"preclinical": 1, "no_animal_arm": 1, "gap": "preclinical only"},
}
# Diseases of preclinical rows or clinical studies in vocabulary order; sources of any of the three (a comparator
# arm included) in vocabulary order.
DISEASES = ["POF", "AD", "AS"]
SOURCES = ["UC", "BM", "AD", "AM"]


def _expected_grid() -> list[dict]:
    rows = []
    for modality in ("cells", "exosomes"):
        for disease in DISEASES:
            for source in SOURCES:
                cell = {"modality": modality, "disease": disease, "source": source, **EMPTY}
                cell.update(FILLED.get((modality, disease, source), {}))
                rows.append(cell)
    return rows


def test_grid_counts_every_cell():
    """Each modality x disease x source cell counts its rows, studies and arms, and says which gap it shows."""
    got = gapmap.grid(STUDIES, TRIALS, FINDINGS, ARMS)
    assert got.columns.tolist() == gapmap.COLUMNS
    assert got.to_dict("records") == _expected_grid()


def test_grid_without_findings_or_arms():
    """Without findings nothing is questioned; without arms no comparator counts and no arm-only source appears."""
    got = gapmap.grid(STUDIES, TRIALS)
    assert got["source"].drop_duplicates().tolist() == ["UC", "BM", "AD"]
    assert int(got["questioned"].sum()) == 0
    assert int(got["comparator"].sum()) == 0
    # cells x AS x AD: the cohort study alone.
    at = got[(got["modality"] == "cells") & (got["disease"] == "AS") & (got["source"] == "AD")]
    assert at["gap"].tolist() == ["clinical only"]


def test_grid_puts_not_stated_last():
    """A study printing no source counts under 'not stated', after every tissue of the vocabulary."""
    studies = STUDIES.assign(tissue=["UC+AD", pd.NA, "DP", "UC"])
    got = gapmap.grid(studies, TRIALS.iloc[:0])
    assert got["source"].drop_duplicates().tolist() == ["UC", "AD", "DP", "not stated"]
    assert got["disease"].drop_duplicates().tolist() == ["POF", "AD", "AS"]
    at = got[(got["modality"] == "cells") & (got["source"] == "not stated")]
    assert at[["disease", "preclinical", "other_model"]].values.tolist() == [["POF", 1, 1], ["AD", 0, 0], ["AS", 0, 0]]


def test_grid_of_an_empty_selection_and_without_a_setting():
    """An empty selection gives an empty grid with every column; without a coded setting no row is counted as
    printing no animal arm."""
    empty = gapmap.grid(STUDIES.iloc[:0], TRIALS.iloc[:0])
    assert empty.columns.tolist() == gapmap.COLUMNS
    assert len(empty) == 0
    got = gapmap.grid(STUDIES.drop(columns="setting"), TRIALS, FINDINGS, ARMS)
    assert got.drop(columns="no_animal_arm").to_dict("records") == [
        {k: v for k, v in cell.items() if k != "no_animal_arm"} for cell in _expected_grid()
    ]
    assert int(got["no_animal_arm"].sum()) == 0


# (cells frame, sources with preclinical rows only, sources with clinical studies only, cells per gap)
FACT_CASES = [
    pytest.param(
        [
            ("UC", 2, 0, 0, "preclinical only"),
            ("BM", 0, 1, 1, "clinical only"),
            ("AD", 1, 1, 0, "both"),
            ("AM", 0, 0, 0, "comparator arm only"),
        ],
        ["UC"],
        ["BM"],
        {"preclinical only": 1, "clinical only": 1, "both": 1, "comparator arm only": 1},
        id="trials-and-other-clinical-add-up",
    ),
    pytest.param(
        [("UC", 1, 0, 0, "preclinical only"), ("UC", 0, 1, 0, "clinical only"), ("BM", 0, 0, 1, "clinical only")],
        [],
        ["BM"],
        {"preclinical only": 1, "clinical only": 2},
        id="summed-over-diseases-a-cohort-study-is-clinical",
    ),
]


@pytest.mark.parametrize("cells, pre_only, clinical_only, gaps", FACT_CASES)
def test_facts(cells, pre_only, clinical_only, gaps):
    """A source is preclinical-only (clinical-only) when, over every cell, it has rows on that side alone;
    trials and other clinical studies both count as clinical."""
    frame = pd.DataFrame(cells, columns=["source", "preclinical", "trials", "other_clinical", "gap"])
    got = gapmap.facts(frame)
    assert sorted(got) == ["gap_cells", "sources_clinical_only", "sources_preclinical_only"]
    assert sorted(got["sources_preclinical_only"]) == sorted(pre_only)
    assert sorted(got["sources_clinical_only"]) == sorted(clinical_only)
    assert got["gap_cells"] == gaps


# --- the evidence lines ---------------------------------------------------------------------------

# (modality, disease, source, kind, table, row, ref, identifier, questioned, audit_flag, note), in the order
# modality, disease code, source, kind, table, row.
NO_ARM = "preclinical study, no animal arm printed"
W3_NOTE = f"{NATURAL_POF}; W3: dose printed without a unit"
EVIDENCE = [
    ("cells", "AS", "AD", "comparator arm only", "table1", 20, "[34]", "table1 row 20", False, pd.NA,
     "the Effects cell compares the row's own source with this one"),
    ("cells", "AS", "AD", "retrospective cohort study", "table3", 17, "[39]", "table3 row 17", False, False,
     TITLE_17),
    # Flagged by the dataset for a dose error (W3): the note says why; its comparator arm line does not.
    ("cells", "POF", "AD", "preclinical study", "table1", 8, "[18]", "table1 row 8", False, True, W3_NOTE),
    ("cells", "POF", "AM", "comparator arm only", "table1", 8, "[18]", "table1 row 8", False, pd.NA,
     "the Effects cell compares the row's own source with this one"),
    # Flagged by the dataset for copied Results (X1): the note says why.
    ("cells", "POF", "BM", "registered trial", "table3", 2, "", "NCT02062931", False, True,
     "X1: Results copied from row 3"),
    ("cells", "POF", "UC", "preclinical study", "table1", 8, "[18]", "table1 row 8", False, True, W3_NOTE),
    ("cells", "POF", "UC", "preclinical study", "table1", 13, "[24]", "table1 row 13", True, True,
     f"R3: the cited title names patients; {NATURAL_POF}; {TEXT_24}"),
    ("exosomes", "AD", "UC", NO_ARM, "table2", 7, "[55]", "table2 row 7", True, False,
     "R4: the cited title names conditioned medium"),
    ("exosomes", "AD", "UC", "registered trial", "table3", 13, "", "NCT06607900", False, False, WIDE_13),
    ("exosomes", "AS", "UC", NO_ARM, "table2", 18, "[71]", "table2 row 18", False, False, MIMETIC),
]  # fmt: skip
EVIDENCE_COLUMNS = [
    "modality",
    "disease_code",
    "source",
    "kind",
    "table",
    "row",
    "ref",
    "identifier",
    "questioned",
    "audit_flag",
    "note",
]


def _lines(frame: pd.DataFrame) -> list[tuple]:
    return [tuple(line) for line in frame.astype(object).itertuples(index=False)]


def test_evidence_lines():
    """One line per study and source, comparator arm and clinical study, with both flags and what to know."""
    got = gapmap.evidence(STUDIES, TRIALS, FINDINGS, ARMS, FLAGS)
    assert got.columns.tolist() == EVIDENCE_COLUMNS
    assert _lines(got) == EVIDENCE
    assert got.index.tolist() == list(range(len(EVIDENCE)))


def test_evidence_without_flags_or_arms():
    """Without the dataset's flags audit_flag says nothing, and no flag note is added; without arms no arm line."""
    got = gapmap.evidence(STUDIES, TRIALS, FINDINGS)
    want = [line for line in EVIDENCE if line[3] != "comparator arm only"]
    notes = {"X1: Results copied from row 3": "", W3_NOTE: NATURAL_POF}
    want = [(*line[:9], pd.NA, notes.get(line[10], line[10])) for line in want]
    assert _lines(got) == want


def test_clinical_lines_without_a_printed_design():
    """A clinical study with no design coded (or no design column) is a 'clinical study'."""
    trials = TRIALS.assign(design=pd.array([pd.NA, "registered trial", pd.NA], dtype="string"))
    assert gapmap._clinical_lines(trials)["kind"].tolist() == ["clinical study", "registered trial", "clinical study"]
    bare = gapmap._clinical_lines(TRIALS.drop(columns="design"))
    assert bare["kind"].tolist() == ["clinical study"] * 3
    assert bare["identifier"].tolist() == ["NCT02062931", "NCT06607900", "table3 row 17"]


def test_no_comparator_lines_without_arms():
    """Without arms there is no comparator line, even for a study whose Effects cell compares sources."""
    studies = pd.DataFrame(
        [("table1", 25, 41, "cells", "OP", "Osteoporosis", "DP", "in vivo", "induced: ovariectomy")],
        columns=STUDY_COLUMNS,
    )
    got = gapmap._comparator_lines(studies, None)
    assert len(got) == 0
    assert {"kind", "identifier", "note", "table", "row", "source"} <= set(got.columns)


def test_flag_difference():
    """Rows the map questions that audit_flag does not (with the map's own rule ids), and the reverse."""
    got = gapmap.flag_difference(STUDIES, TRIALS, FINDINGS, FLAGS)
    assert got == {
        # W5 is a size check, not a placement rule: only R4 and W6 are the map's.
        "questioned only": [("table2", 7, "R4;W6")],
        # Table 1 row 9 is flagged but not selected; Table 1 row 13 is both questioned and flagged; Table 1
        # row 8's R2 finding was dismissed.
        "audit_flag only": [("table1", 8, "W3"), ("table3", 2, "X1;I9")],
    }


def test_flag_difference_without_flags():
    """Without the dataset's flags every questioned row is 'questioned only', with no rule ids to show."""
    got = gapmap.flag_difference(STUDIES, TRIALS, FINDINGS, None)
    assert got == {"questioned only": [("table1", 13, ""), ("table2", 7, "")], "audit_flag only": []}


def test_flagged_rows_and_flagged_in():
    """Findings of the placement rules that no review dismissed, by row; flagged_in keeps the selected rows."""
    everywhere = {
        ("table1", 13): "R3: the cited title names patients",
        ("table2", 7): "R4: the cited title names conditioned medium",
        ("table1", 22): "R1: the cited title names myocardial infarction",
    }
    assert gapmap.flagged_rows(FINDINGS) == everywhere
    assert gapmap.flagged_in(STUDIES, FINDINGS) == {k: v for k, v in everywhere.items() if k != ("table1", 22)}
    assert gapmap.flagged_rows(None) == {}
    # Two findings on one row: both kept, in the findings' order.
    two = pd.concat([FINDINGS.iloc[[0]], FINDINGS.iloc[[0]].assign(rule="R1", message="the title names AD")])
    note = gapmap.flagged_rows(two)[("table1", 13)]
    assert note.startswith("R3: the cited title names patients")
    assert note.endswith("R1: the title names AD")
    assert gapmap.flagged_rows(FINDINGS.iloc[:0]) == {}


def test_flag_notes_and_audit_flags():
    """The dataset's flags by row, and the error or warning findings behind them that the map does not read."""
    assert gapmap._audit_flags(FLAGS.iloc[1:4]) == {("table1", 9): True, ("table1", 13): True, ("table2", 7): False}
    assert gapmap._audit_flags(None) == {}
    assert gapmap._audit_flags(FLAGS.iloc[:0]) == {}
    # W2, W3 and X1 are outside AUDIT_RULES (an error counts as a warning does); I9, W5 and W6 have no error or
    # warning finding here.
    assert gapmap._flag_notes(FINDINGS, FLAGS) == {
        ("table1", 8): "W3: dose printed without a unit",
        ("table1", 9): "W2: route 'OV' is not the text's",
        ("table3", 2): "X1: Results copied from row 3",
    }
    assert gapmap._flag_notes(FINDINGS, None) == {}
    assert gapmap._flag_notes(None, FLAGS) == {}
    assert gapmap._flag_notes(FINDINGS.iloc[:0], FLAGS) == {}
    assert gapmap._flag_notes(FINDINGS, FLAGS.iloc[:0]) == {}


# --- notes on rows --------------------------------------------------------------------------------


def test_other_model_rows():
    """A row counts as another condition's model only when every printed model class is one."""
    studies = pd.DataFrame(
        [
            ("table1", 8, 18, "cells", "POF", POF, "UC+AD", "in vivo", "natural ageing"),
            # Naturally aged mice beside a CTX-induced POF model: the row also models its own disease.
            ("table1", 7, 17, "cells", "POF", POF, "UC", "in vivo", "natural ageing+induced: chemical"),
            ("table2", 25, 80, "exosomes", "OP", "Osteoporosis", "DP", "in vivo", "induced: surgical bone defect"),
            # Natural ageing models ageing, not another condition, outside POF.
            ("table1", 13, 24, "cells", "AD", AD_NAME, "UC", "in vivo", "natural ageing"),
            ("table2", 21, 74, "exosomes", "OP", "Osteoporosis", "AD", "in vitro", pd.NA),
            # Two printed models, both of other conditions than POF.
            ("table1", 10, 21, "cells", "POF", POF, "UC", "in vivo", "natural ageing+induced: surgical bone defect"),
        ],
        columns=STUDY_COLUMNS,
    )
    assert gapmap.other_model_rows(studies) == {
        ("table1", 8): NATURAL_POF,
        ("table2", 25): "model: a bone defect made surgically, a regeneration model, not a model of the disease "
        "itself; filed under Osteoporosis by the review",
        ("table1", 10): "model: animals aged naturally ('naturally aged' printed), natural ovarian ageing, not "
        "premature ovarian failure; a bone defect made surgically, a regeneration model, not a model of the disease "
        "itself; filed under Premature ovarian failure by the review",
    }
    assert gapmap.other_model_rows(studies.drop(columns="model_class")) == {}


# (model class, disease, what it is instead)
OTHER_CONDITIONS = [
    pytest.param("natural ageing", "POF", "natural ovarian ageing, not premature ovarian failure", id="aged-ovaries"),
    pytest.param("natural ageing", "AD", "", id="natural-ageing-elsewhere-models-the-disease"),
    pytest.param("induced: surgical bone defect", "OP", "not a model of the disease itself", id="bone-defect-any"),
    pytest.param("induced: ovariectomy", "OP", "", id="ovariectomy-models-osteoporosis"),
]


@pytest.mark.parametrize("model, disease, instead", OTHER_CONDITIONS)
def test_other_condition(model, disease, instead):
    """What a model class is instead of the disease it is filed under; empty when it models that disease."""
    assert gapmap._other_condition(model, disease) == instead


def test_other_condition_rule():
    """The fixed model/disease pairs in words, joined with 'or'."""
    assert gapmap.other_condition_rule() == (
        "'induced: surgical bone defect' under any disease (not a model of the disease itself) or 'natural ageing' "
        "filed under Premature ovarian failure (natural ovarian ageing, not premature ovarian failure)"
    )


def test_mimetic_rows():
    """Rows whose Effects cell or cited title call the product mimetic, in table and row order."""
    studies = pd.DataFrame(
        {
            "table": ["table2", "table2", "table1", "table2", "table2"],
            # Row 18's Effects: "mimetic nanovesicles"; row 17's title [70]: "exosome-mimetic nanoparticles".
            # Rows 18 and 16 cite references with no title here: row 18's Effects cell alone says mimetic. Row 99 is
            # not printed.
            "row": [18, 16, 2, 17, 99],
            "ref": pd.array([999, 998, pd.NA, 70, 48], dtype="Int64"),
        }
    )
    assert gapmap.mimetic_rows(studies) == [("table2", 17, 70), ("table2", 18, 999)]


def test_source_in_text():
    """A row whose source the body text names otherwise gets a note quoting the text and the filed source."""
    assert gapmap.source_in_text(STUDIES) == {("table1", 13): TEXT_24}
    assert gapmap.source_in_text(STUDIES.iloc[[0, 2, 3]]) == {}


def test_comparators():
    """The tissues an Effects cell compares the row's own source with, one line each, in printed order."""
    studies = pd.DataFrame(
        [
            # "DP-MSCs demonstrate the best ... compared to AD-MSCs, UC-MSCs, and AM-MSCs"
            ("table1", 25, 41, "cells", "OP"),
            # "AD-MSCs had better effect ... than UC-MSCs": both are the row's own sources.
            ("table1", 8, 18, "cells", "POF"),
            ("table2", 1, 48, "exosomes", "POF"),
        ],
        columns=["table", "row", "ref", "modality", "disease_code"],
    )
    got = gapmap.comparators(studies)
    assert got.columns.tolist() == ["table", "row", "ref", "modality", "disease_code", "source"]
    assert _lines(got) == [
        ("table1", 25, 41, "cells", "OP", "AD"),
        ("table1", 25, 41, "cells", "OP", "UC"),
        ("table1", 25, 41, "cells", "OP", "AM"),
    ]


# --- labels, sources, phases ----------------------------------------------------------------------

# (code, wrap, label)
LABELS = [
    pytest.param("WEAK", False, "Weakness, as printed (premature-aging model)", id="printed-word-first"),
    pytest.param("WEAK", True, "Weakness, as printed\n(premature-aging model)", id="wrapped-after-as-printed"),
    pytest.param("POF", False, "Premature ovarian failure", id="vocabulary-name"),
    pytest.param("POF", True, "Premature ovarian failure", id="vocabulary-name-unwrapped"),
    pytest.param("XYZ", False, "XYZ", id="unknown-code-as-is"),
]


def test_disease_label_is_one_line_by_default():
    """Unless asked to wrap, a label stays on one line."""
    assert gapmap.disease_label("WEAK") == "Weakness, as printed (premature-aging model)"


@pytest.mark.parametrize("code, wrap, label", LABELS)
def test_disease_label(code, wrap, label):
    """The name a disease code gets: the printed word where it differs from the vocabulary."""
    assert gapmap.disease_label(code, wrap=wrap) == label


def test_exploded_sources():
    """A row naming two sources becomes two lines; a row naming none counts under 'not stated'."""
    frame = pd.DataFrame({"row": [1, 2, 3], "tissue": ["UC+AD", pd.NA, "BM"]})
    got = gapmap._exploded(frame)
    assert list(zip(got["row"], got["source"])) == [(1, "UC"), (1, "AD"), (2, "not stated"), (3, "BM")]
    other = pd.DataFrame({"row": [4], "tissue": ["UC"], "cells": ["DP+AM"]})
    assert gapmap._exploded(other, "cells")["source"].tolist() == ["DP", "AM"]


def test_phases_and_statuses():
    """Phases and statuses of a cell's clinical studies, counted, in sorted order; no phase said so."""
    part = pd.DataFrame(
        {
            "phase": pd.array(["1/2", "1", pd.NA, "1/2"], dtype="string"),
            "status": ["unknown", "Recruiting", "Completed", "unknown"],
        }
    )
    assert gapmap._phases(part) == "phase 1: 1, phase 1/2: 2, no phase: 1"
    assert gapmap._statuses(part) == "Completed: 1, Recruiting: 1, unknown: 2"


def test_axes():
    """Diseases of rows or studies and sources of any of the three, in vocabulary order, 'not stated' last."""
    pre = pd.DataFrame({"disease_code": ["AS", "POF"], "source": ["not stated", "DP"]})
    tri = pd.DataFrame({"disease_code": ["SKIN"], "source": ["UCB"]})
    comp = pd.DataFrame({"disease_code": ["OP"], "source": ["BM"]})
    assert gapmap._axes(pre, tri, comp) == (["POF", "AS", "SKIN"], ["UCB", "BM", "DP", "not stated"])


# --- the two panels' animal models ----------------------------------------------------------------

# (printed Animal model cell, class -> printed word)
MODEL_WORDS = [
    pytest.param(
        "High-fat diet ApoE⁻/⁻ mouse model",
        {"genetic": "ApoE⁻/⁻", "induced: diet": "High-fat diet"},
        id="two-classes",
    ),
    pytest.param(
        "D-gal induces transgenic FVB mouse model",
        {"genetic": "transgenic", "induced: chemical": "D-gal"},
        id="word-without-the-note",
    ),
    pytest.param("OVX induced OP rat model", {"induced: ovariectomy": "OVX"}, id="one-class"),
    pytest.param("Aged rats", {}, id="no-class"),
    pytest.param("", {}, id="empty"),
    pytest.param("   ", {}, id="blank"),
]


@pytest.mark.parametrize("cell, words", MODEL_WORDS)
def test_model_words(cell, words):
    """The printed word behind each model class of an Animal model cell."""
    assert gapmap._model_words(cell) == words


def test_panel_models_needs_model_classes():
    """Without coded model classes there is nothing to compare."""
    assert gapmap.panel_models(STUDIES.drop(columns="model_class")) == []
    assert gapmap.panel_models(STUDIES.iloc[:0]) == []


@pytest.mark.parametrize("ref", [pd.NA, 999], ids=["no-ref", "ref-with-no-title"])
def test_panel_models_counts_a_row_the_print_does_not_hold(ref):
    """A selected row that the printed table does not hold counts by its coded classes, with no printed words;
    a row with no cited title names no condition."""
    studies = pd.DataFrame(
        [
            ("table1", 1, 10, "cells", "WEAK", "weakness", "AM", "in vivo", "genetic"),  # Bmi-1⁻/⁻ mouse model
            ("table2", 99, ref, "exosomes", "WEAK", "weakness", "UC", "in vivo", "natural ageing+induced: chemical"),
        ],
        columns=STUDY_COLUMNS,
    ).astype({"row": "Int64", "ref": "Int64"})
    assert gapmap.panel_models(studies) == [
        (
            "WEAK",
            {
                "cells": {"genetic": (1, ["Bmi-1⁻/⁻"], {})},
                "exosomes": {"natural ageing": (1, [], {}), "induced: chemical": (1, [], {})},
            },
        )
    ]


def test_panel_models_reads_printed_words_and_title_conditions():
    """Osteoporosis: ovariectomy in the MSC rows against STZ and a bone defect in the exosome rows, with the
    printed words and the conditions the cited titles name; an in vitro only row is left out."""
    studies = pd.DataFrame(
        [
            ("table1", 25, 41, "cells", "OP", "OP", "DP", "in vivo", "induced: ovariectomy"),
            ("table1", 24, 40, "cells", "OP", "OP", "BM", "in vivo", "induced: ovariectomy"),
            ("table2", 19, 72, "exosomes", "OP", "OP", "AD", "in vivo", "induced: chemical"),
            ("table2", 25, 80, "exosomes", "OP", "OP", "DP", "in vivo", "induced: surgical bone defect"),
            ("table2", 21, 74, "exosomes", "OP", "OP", "AD", "in vitro", "in vitro only"),
            # AD: the panels share the genetic class, so AD is not listed.
            ("table1", 17, 31, "cells", "AD", "AD", "UC", "in vivo", "genetic"),
            ("table2", 8, 57, "exosomes", "AD", "AD", "BM", "in vivo", "genetic"),
        ],
        columns=STUDY_COLUMNS,
    )
    assert gapmap.panel_models(studies) == [
        (
            "OP",
            {
                # Ref 41's title names postmenopausal osteoporosis; ref 40's names no condition.
                "cells": {"induced: ovariectomy": (2, ["OVX"], {"postmenopausal osteoporosis": 1})},
                # Ref 72: "diabetic osteoporosis"; ref 80: bone regeneration, none.
                "exosomes": {
                    "induced: chemical": (1, ["STZ"], {"diabetic osteoporosis": 1}),
                    "induced: surgical bone defect": (1, ["bone defects"], {}),
                },
            },
        )
    ]


@pytest.mark.parametrize(
    "notes, joined",
    [
        (("R1: the route is questioned.", "", "exosome-mimetic by its Effects cell or cited title"),
         "R1: the route is questioned.; exosome-mimetic by its Effects cell or cited title"),
        (("", "", ""), ""),
        (("one note",), "one note"),
    ],
    ids=["two-notes-skip-the-empty-one", "no-note-empty", "one-note-alone"],
)  # fmt: skip
def test_a_rows_notes_are_joined_by_a_semicolon_and_empty_ones_dropped(notes, joined):
    """The note of a grid row: every non-empty note, in the order given, '; '-joined."""
    assert gapmap._joined(*notes) == joined
