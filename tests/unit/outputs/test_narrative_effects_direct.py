"""helpers.outputs.narrative, effects exhibit: the note, the notice, the level clause and the local-dose words.

Direct calls with small hand-built frames. ``counts`` has the shape of :func:`helpers.analysis.effects.counts`
(one row per field, modality, arm and code, with the arm's and the modality's number of studies). Where a
function reads the curated data (cited titles, Table 1-2 cells, the two readers' annotation, the body-text
statements) the expected words were read by hand from data/references.csv, data/msc_studies.csv,
data/exosome_studies.csv, data/outcome_annotation.csv and data/text_statements.csv:

- Table 1 row 2 (ref 11) is an animal study; both readers marked its codes unsure.
- Table 1 row 14 (ref 25) prints the animal model '5XFAD mice' but co-culture as its only route, so it is in
  vitro only as printed; its title says "an in vitro model", no animal work.
- Table 2 row 9 (ref 58): co-culture; its title speaks of 'cognitive impairment' and the 'hippocampus'; both
  readers unsure.
- Table 2 row 21 (ref 74): co-culture; its title speaks of 'bone loss'; both readers sure.
- The only body-text statement that adds a modification is ref 53's ('exosomes from lipopolysaccharide-pretreated
  UC-MSCs').
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import curated
from helpers.outputs import narrative
from tests.unit.outputs.test_narrative_effects import COMPARED, NOTE_HEAD, NOTE_LEVEL, NOTE_TAIL, _counts

# ------------------------------------------------------------------ effects_note


# Table 1 row 2 in vivo; Table 1 row 14, Table 2 rows 9 and 21 in vitro only (see the module docstring).
STUDIES = pd.DataFrame(
    {
        "table": ["table1", "table1", "table2", "table2"],
        "row": [2, 14, 9, 21],
        "ref": [11, 25, 58, 74],
        "setting": ["in vivo", "in vitro", "in vitro", "in vitro"],
        "audit_findings": ["", "", "", ""],
    }
)
# MSCs: 1 in vivo and 1 in vitro only (2 in all); vesicles: 2 in vitro only.
STUDY_ARMS = [
    ("cells", "in vivo", 1, 2, (1, 0, 0, 0, 0, 0)),
    ("cells", "in vitro", 1, 2, (1, 0, 0, 0, 0, 0)),
    ("exosomes", "in vitro", 2, 2, (2, 0, 0, 0, 0, 0)),
]

NOTES = [
    (
        "a product with a single study is still counted (only a product with none is left out)",
        _counts(
            [("cells", "in vivo", 1, 1, (1, 0, 0, 0, 0, 0)), ("exosomes", "in vitro", 3, 3, (3, 0, 0, 0, 0, 0))], ()
        ),
        None,
        NOTE_HEAD + "(MSCs in vivo: 1; vesicles in vitro only: 3)" + NOTE_LEVEL + NOTE_TAIL,
    ),
    (
        # 3 in vitro only rows: 1 prints a model (ref 25), so 2 print none; the titles of refs 58 and 74 name
        # animals (2 marked rows); of the 4 rows, Table 1 row 2 and Table 2 row 9 had a reader unsure.
        "with the studies: in vitro rows that print a model, that name animals, the mark, and the readers' doubt",
        _counts(STUDY_ARMS, ()),
        STUDIES,
        NOTE_HEAD
        + "(MSCs in vivo: 1; MSCs in vitro only: 1; vesicles in vitro only: 2)"
        + NOTE_LEVEL
        + " 2 of the 3 in vitro only studies also print no animal model; 1 prints one with no route into it ([25] "
        "Table 1 row 14: '5XFAD mice')."
        " Of the 3 in vitro only rows: for 2 of them the cited title speaks of animals: refs 58, 74."
        " A count followed by (k*) says how many of that bar's rows are among the 2 that name animals; such a row "
        "may have had an animal arm the table does not print."
        " 2 of 4 rows were coded with at least one of two readers unsure (data/outcome_annotation.csv)." + NOTE_TAIL,
    ),
    (
        # Table 1 row 2 alone: in vivo, so nothing on in vitro rows; both its readers were unsure: one row 'was'.
        "one row, coded unsure: the verb agrees with the one",
        _counts([("cells", "in vivo", 1, 1, (1, 0, 0, 0, 0, 0))], ()),
        STUDIES.iloc[[0]],
        NOTE_HEAD
        + "(MSCs in vivo: 1)"
        + NOTE_LEVEL
        + " 1 of 1 rows was coded with at least one of two readers unsure (data/outcome_annotation.csv)."
        + NOTE_TAIL,
    ),
]


@pytest.mark.parametrize("rule, counts, studies, text", NOTES, ids=[n[0] for n in NOTES])
def test_effects_note(rule, counts, studies, text):
    """effects_note: each product and arm with its studies; with the studies, what the in vitro rows print."""
    assert narrative.effects_note(counts, studies) == text, rule


# ------------------------------------------------------------------ effects_notice and the level clause

NOTICE_COUNTS = _counts(
    [("cells", "in vivo", 6, 6, (3, 0, 0, 0, 0, 3))],
    [("cells", "in vivo", "organism", 4), ("cells", "in vivo", "cellular or molecular", 2)],
)
SILENT = pd.DataFrame(
    {
        "table": ["table2", "table1", "table1"],
        "row": [4, 8, 2],
        "effect_instead": ["safety", "delivery", "safety"],
    }
)


def test_effects_notice_names_what_silent_cells_print_in_alphabetical_order():
    """What the cells that state no direction print instead, kind by kind in alphabetical order (delivery before
    safety, though a safety row comes first), each kind's rows by table.

    6 studies: 3 improved, 3 not stated; no null result; levels organism 4, cellular or molecular 2.
    """
    empty = pd.DataFrame({"field": [], "agree": [], "out_of": [], "disagreeing": []})
    assert narrative.effects_notice(NOTICE_COUNTS, pd.DataFrame(), SILENT, empty) == "\n".join(
        [
            "- Of the 6 tabulated studies, the review's one-line Effects cell reports an improvement for 3, a benefit "
            "only as a prospect (naming no outcome) for 0, a mixed result for 0, no effect for 0 and a worsening for "
            "0; for the other 3 the cell states no direction.",
            "- None of the 6 Effects cells reports a null or harmful result. A one-line summary can hardly show one, "
            "and the review's tables give none; whether that comes from which studies were chosen or from how each "
            "was summarised, the print cannot tell. It is no measure of how often such treatments fail.",
            "- Highest outcome level the Effects cell's words name, of the 6 studies with an animal treated (in "
            "vivo): organism 4, cellular or molecular 2.",
            "- The 3 of 6 Effects cells that state no direction print instead: delivery (Table 1 row 8); safety "
            "(Table 1 row 2; Table 2 row 4).",
            "- None of the 6 studies compares two arms head to head.",
        ]
    )


def test_effects_notice_one_null_result_reports_in_the_singular():
    """3 studies: 2 improved, 1 mixed. The one null-or-mixed cell 'reports'; no silent cell, no comparison."""
    empty = pd.DataFrame({"field": [], "agree": [], "out_of": [], "disagreeing": []})
    counts = _counts([("cells", "in vivo", 3, 3, (2, 0, 1, 0, 0, 0))], [("cells", "in vivo", "functional", 3)])
    assert narrative.effects_notice(counts, pd.DataFrame(), SILENT.iloc[:0], empty).split("\n")[1] == (
        "- 1 of the 3 Effects cells reports no effect, a worsening or a mixed result."
    )


def test_effects_compared_one_comparison_in_the_singular():
    """One cell (Table 1 row 3, UC-MSCs vs BM-MSCs, UC-MSCs better) of 50: it 'compares' two tissue sources."""
    assert narrative._effects_compared(COMPARED.iloc[[0]], 50) == (
        "- 1 of 50 Effects cells compares two arms head to head: 1 MSC tissue sources and 0 a modified or combined "
        "product with the plain one (the list below names each). In 1 of the 1 the cell says the row's own product "
        "(the first-named source or the modified product) did better."
    )


LEVELS = [
    (
        "levels keep the order the counts list them (highest first), not the alphabet; summed over products",
        _counts(
            [
                ("cells", "in vivo", 6, 8, (6, 0, 0, 0, 0, 0)),
                ("exosomes", "in vivo", 4, 4, (4, 0, 0, 0, 0, 0)),
                ("cells", "in vitro", 2, 8, (2, 0, 0, 0, 0, 0)),
            ],
            [
                ("cells", "in vivo", "organism", 5),
                ("cells", "in vivo", "cellular or molecular", 1),
                ("exosomes", "in vivo", "organism", 2),
                ("exosomes", "in vivo", "cellular or molecular", 2),
                ("cells", "in vitro", "cellular or molecular", 2),
            ],
        ),
        # in vivo: 6 + 4 = 10 studies, organism 5 + 2 = 7, cellular or molecular 1 + 2 = 3; in vitro: 2.
        "- Highest outcome level the Effects cell's words name, of the 10 studies with an animal treated (in vivo): "
        "organism 7, cellular or molecular 3; of the 2 in vitro only as printed: cellular or molecular 2.",
    ),
]


@pytest.mark.parametrize("rule, counts, text", LEVELS, ids=[x[0] for x in LEVELS])
def test_effects_levels(rule, counts, text):
    """_effects_levels: per arm, each level's studies out of the arm's studies, in the counts' order."""
    assert narrative._effects_levels(counts) == text, rule


# ------------------------------------------------------------------ _local_words

LOCAL_WORDS = (
    "into an ovary, the brain or the nose; under the skin of a skin model, the injection site not reported in the "
    "review and taken as local; into a bone or an implant site; or in a scaffold or hydrogel"
)

LOCAL = [
    (
        "an unknown carrier (NA) is no carrier: the MI route is not named",
        pd.DataFrame(
            {
                "ref": [9, 4],
                "route": ["MI", "NA (printed)"],
                "carrier": pd.array([pd.NA, True], dtype="boolean"),
            }
        ),
        LOCAL_WORDS + ", which, not the printed route code, makes ref 4 (NA) local",
    ),
]


@pytest.mark.parametrize("rule, local, text", LOCAL, ids=[x[0] for x in LOCAL])
def test_local_words(rule, local, text):
    """_local_words: a route code that is not a site is named only when a carrier is known to hold the dose."""
    assert narrative._local_words(local) == text, rule


# ------------------------------------------------------------------ _text_adds_modification

REF_53 = (
    " For [53] the review's body text adds a modification its cells do not print ('exosomes from "
    "lipopolysaccharide-pretreated UC-MSCs'), which the coded dataset (tables/studies.csv) records; this count "
    "reads the cells only."
)

ADDS = [
    ("a study the body text adds a modification to", [53, 10], REF_53),
    ("no such study: nothing", [10, 74], ""),
]


@pytest.mark.parametrize("rule, refs, text", ADDS, ids=[x[0] for x in ADDS])
def test_text_adds_modification(rule, refs, text):
    """_text_adds_modification: the body text's added modification, as data/text_statements.csv quotes it."""
    assert narrative._text_adds_modification(pd.DataFrame({"ref": refs})) == text, rule


def test_text_adds_modification_runs_several_statements_together(monkeypatch):
    """Two modifications added by the body text: one sentence each, one after the other, in ref order; a statement
    on another code (the relation) is not one of them."""
    real = curated.load
    statements = pd.DataFrame(
        {
            "ref": [61, 53, 53],
            "section": ["MSC-Exos / X", "MSC-Exos / Y", "MSC-Exos / Y"],
            "words": ["hypoxia-primed cells", "LPS-pretreated cells", "autologous cells"],
            "bears_on": ["modification: primed", "modification: primed", "relation: autologous"],
        }
    )
    monkeypatch.setattr(curated, "load", lambda name, *a, **k: statements if name == "text_statements" else real(name))
    assert narrative._text_adds_modification(pd.DataFrame({"ref": [53, 61]})) == (
        " For [53] the review's body text adds a modification its cells do not print ('LPS-pretreated cells'), which "
        "the coded dataset (tables/studies.csv) records; this count reads the cells only."
        " For [61] the review's body text adds a modification its cells do not print ('hypoxia-primed cells'), which "
        "the coded dataset (tables/studies.csv) records; this count reads the cells only."
    )
