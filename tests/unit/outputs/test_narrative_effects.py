"""helpers.outputs.narrative, effects exhibit: the figure's note and the notice, from hand-built count tables.

``counts`` has the shape of :func:`helpers.analysis.effects.counts` (one row per field, modality, arm and code,
with the arm's and the modality's number of studies); the other frames those of head_to_head, not_stated,
agreement, stated_elsewhere and readers. Every expected sentence is summed by hand from the frames below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative

NAN = float("nan")
DIRECTIONS = ("improved", "prospect only", "mixed", "no effect", "worse", "not stated")

# (modality, arm, arm total, modality total, studies per direction code in DIRECTIONS' order)
ARMS = [
    ("cells", "in vivo", 24, 30, (18, 1, 0, 0, 0, 5)),
    ("cells", "in vitro", 6, 30, (4, 1, 0, 0, 0, 1)),
    ("exosomes", "in vivo", 18, 26, (14, 0, 0, 0, 0, 4)),
    ("exosomes", "in vitro", 8, 26, (4, 1, 0, 0, 0, 3)),
]
# Outcome levels: in vivo cells functional 15, molecular 9; exosomes functional 10, not stated 8;
# in vitro cells molecular 6; exosomes molecular 8.
LEVELS = [
    ("cells", "in vivo", "functional", 15),
    ("cells", "in vivo", "molecular", 9),
    ("exosomes", "in vivo", "functional", 10),
    ("exosomes", "in vivo", "not stated", 8),
    ("cells", "in vitro", "molecular", 6),
    ("exosomes", "in vitro", "molecular", 8),
]


def _counts(arms=ARMS, levels=LEVELS):
    rows = []
    totals = {(m, a): (t, mt) for m, a, t, mt, _ in arms}
    for modality, arm, total, modality_total, studies in arms:
        for code, k in zip(DIRECTIONS, studies):
            rows.append(("effect_direction", modality, arm, code, k, total, modality_total))
    for modality, arm, code, k in levels:
        total, modality_total = totals[(modality, arm)]
        rows.append(("outcome_level", modality, arm, code, k, total, modality_total))
    return pd.DataFrame(rows, columns=["field", "modality", "arm", "code", "studies", "arm_total", "modality_total"])


LEVELS_LINE = (
    "- Highest outcome level the Effects cell's words name, of the 42 studies with an animal treated (in vivo): "
    "functional 25, molecular 9, not stated 8; of the 14 in vitro only as printed: molecular 14."
)


def test_effects_levels_per_arm_summed_over_products():
    """_effects_levels: per arm, each level's studies summed over MSCs and vesicles, out of the arm's studies."""
    assert narrative._effects_levels(_counts()) == LEVELS_LINE


def test_effects_levels_skip_an_empty_arm():
    """An arm with no study is not said; no level row at all says nothing."""
    arms = [("cells", "in vivo", 3, 3, (3, 0, 0, 0, 0, 0)), ("cells", "in vitro", 0, 3, (0,) * 6)]
    levels = [("cells", "in vitro", "molecular", 0), ("cells", "in vivo", "cellular", 2), ("cells", "in vivo", "x", 1)]
    assert narrative._effects_levels(_counts(arms, levels)) == (
        "- Highest outcome level the Effects cell's words name, of the 3 studies with an animal treated (in vivo): "
        "cellular 2, x 1."
    )
    assert narrative._effects_levels(_counts(arms, [])) == ""


EFFECT_ROWS = [
    (
        "tables in order, rows as given",
        [("table2", 13), ("table1", 3), ("table1", 18)],
        "Table 1 rows 3, 18; Table 2 row 13",
    ),
    ("one row", [("table1", 7)], "Table 1 row 7"),
]


@pytest.mark.parametrize("rule, rows, text", EFFECT_ROWS, ids=[e[0] for e in EFFECT_ROWS])
def test_effect_rows(rule, rows, text):
    """_effect_rows: printed rows by table."""
    assert narrative._effect_rows(pd.DataFrame(rows, columns=["table", "row"])) == text, rule


def _compared(rows):
    return pd.DataFrame(
        rows, columns=["table", "row", "comparison_what", "comparison_better", "effect_direction", "effect_instead"]
    )


COMPARED = _compared(
    [
        ("table1", 3, "UC-MSCs vs BM-MSCs", "UC-MSCs", "improved", ""),
        ("table1", 18, "AD-MSCs vs UC-MSCs", None, "not stated", "mechanism"),
        ("table2", 13, "engineered vs native exosomes", "engineered", "prospect only", ""),
        ("table2", 20, "with hydrogel vs without", "modified", "not stated", "delivery"),
        ("table2", 22, "primed vs plain (comparator implied)", "primed", "improved", None),
    ]
)
COMPARED_LINE = (
    "- 5 of 50 Effects cells compare two arms head to head: 2 MSC tissue sources and 3 a modified or combined "
    "product with the plain one (the list below names each). In 4 of the 5 the cell says the row's own product "
    "(the first-named source or the modified product) did better; Table 1 row 18 states no direction, so not which "
    "did better; Table 2 row 13 only as a prospect; Table 2 row 20 for delivery only; Table 2 row 22 prints no "
    "comparator arm."
)


def test_effects_compared_every_kind_of_comparison():
    """Sources compared ('-MSCs vs'), modified products, no better named, a prospect, delivery, implied comparator."""
    assert narrative._effects_compared(COMPARED, 50) == COMPARED_LINE


def test_effects_compared_without_direction_columns():
    """Without direction and instead columns only the unnamed and implied clauses can be said; two 'print'."""
    compared = COMPARED.drop(columns=["effect_direction", "effect_instead"]).iloc[[0, 4, 4]]
    assert narrative._effects_compared(compared, 9) == (
        "- 3 of 9 Effects cells compare two arms head to head: 1 MSC tissue sources and 2 a modified or combined "
        "product with the plain one (the list below names each). In 3 of the 3 the cell says the row's own product "
        "(the first-named source or the modified product) did better; Table 2 rows 22, 22 print no comparator arm."
    )


def test_effects_compared_none():
    """No head-to-head comparison: one sentence, out of all studies."""
    assert (
        narrative._effects_compared(COMPARED.iloc[:0], 50) == "- None of the 50 studies compares two arms head to head."
    )


AGREEMENT = pd.DataFrame(
    {
        "field": ["effect_direction", "outcome_level"],
        "agree": [50, 56],
        "out_of": [56, 56],
        "disagreeing": ["Table 1 row 3", ""],
    }
)
AGREEMENT_HEAD = (
    "- Against the two readers' annotation (data/outcome_annotation.csv), the derived codes agree on "
    "effect_direction 50 of 56 (differs: Table 1 row 3); outcome_level 56 of 56. This agreement is by "
    "construction: the cue words were written with the annotation in view, so it validates nothing."
)
AGREEMENT_SURE = (
    " The readers themselves were unsure of 3 of the 5 rows (at least one of the two marked the code unsure; both "
    "for 2), so the split is a reading, not a settled fact; the evidence file gives each row's."
)
SURE = pd.DataFrame({"unsure": [0, 1, 2, 2, 0]})


AGREEMENTS = [
    ("with the readers' doubt", SURE, AGREEMENT_HEAD + AGREEMENT_SURE),
    ("without readers", None, AGREEMENT_HEAD),
    ("with no reader row", SURE.iloc[:0], AGREEMENT_HEAD),
]


@pytest.mark.parametrize("rule, sure, text", AGREEMENTS, ids=[a[0] for a in AGREEMENTS])
def test_effects_agreement(rule, sure, text):
    """_effects_agreement: agreement said to be by construction, and how many rows the readers doubted."""
    assert narrative._effects_agreement(AGREEMENT, sure) == text, rule


def test_effects_agreement_without_annotation():
    """No annotation compared: nothing said."""
    assert narrative._effects_agreement(AGREEMENT.iloc[:0], SURE) == ""


SILENT = pd.DataFrame(
    {
        "table": ["table1", "table2", "table1"],
        "row": [3, 13, 5],
        "effect_instead": ["mechanism", "safety", "mechanism"],
    }
)


def test_effects_notice_with_no_null_result():
    """Directions summed over products and arms (56 studies: 40 improved, 3 prospect, 13 not stated); no null."""
    elsewhere = pd.DataFrame({"ref": [19, 63, 19]})
    assert narrative.effects_notice(_counts(), COMPARED, SILENT, AGREEMENT, elsewhere, SURE) == "\n".join(
        [
            "- Of the 56 tabulated studies, the review's one-line Effects cell reports an improvement for 40, a "
            "benefit only as a prospect (naming no outcome) for 3, a mixed result for 0, no effect for 0 and a "
            "worsening for 0; for the other 13 the cell states no direction.",
            "- None of the 56 Effects cells reports a null or harmful result. A one-line summary can hardly show "
            "one, and the review's tables give none; whether that comes from which studies were chosen or from how "
            "each was summarised, the print cannot tell. It is no measure of how often such treatments fail.",
            LEVELS_LINE,
            "- The 3 of 56 Effects cells that state no direction print instead: mechanism (Table 1 rows 3, 5); "
            "safety (Table 2 row 13).",
            "- For 2 of these 3 the review's body text states a benefit (refs 19, 63; data/text_statements.csv): "
            "'not stated' is of the Effects cell only.",
            COMPARED_LINE.replace("of 50", "of 56"),
            AGREEMENT_HEAD + AGREEMENT_SURE,
        ]
    )


def test_effects_notice_with_null_results_and_nothing_silent():
    """Mixed, no effect and worse are counted together; no silent cell, no annotation: those lines are left out."""
    arms = [("cells", "in vivo", 10, 10, (6, 0, 1, 1, 2, 0)), ("exosomes", "in vivo", 4, 4, (3, 1, 0, 0, 0, 0))]
    levels = [("cells", "in vivo", "functional", 10), ("exosomes", "in vivo", "functional", 4)]
    empty = pd.DataFrame({"ref": []})
    assert narrative.effects_notice(
        _counts(arms, levels), COMPARED.iloc[:0], SILENT.iloc[:0], AGREEMENT.iloc[:0], empty
    ) == "\n".join(
        [
            "- Of the 14 tabulated studies, the review's one-line Effects cell reports an improvement for 9, a "
            "benefit only as a prospect (naming no outcome) for 1, a mixed result for 1, no effect for 1 and a "
            "worsening for 2; for the other 0 the cell states no direction.",
            "- 4 of the 14 Effects cells report no effect, a worsening or a mixed result.",
            "- Highest outcome level the Effects cell's words name, of the 14 studies with an animal treated (in "
            "vivo): functional 14.",
            "- None of the 14 studies compares two arms head to head.",
        ]
    )


def test_effects_notice_silent_without_elsewhere():
    """Silent cells without body-text statements: no 'For n of these' line."""
    text = narrative.effects_notice(_counts(), COMPARED.iloc[:0], SILENT, AGREEMENT.iloc[:0])
    assert text.split("\n")[3:] == [
        "- The 3 of 56 Effects cells that state no direction print instead: mechanism (Table 1 rows 3, 5); "
        "safety (Table 2 row 13).",
        "- None of the 56 studies compares two arms head to head.",
    ]


NOTE_HEAD = (
    "Each bar counts the review's one-line Effects summaries (Tables 1-2), one per tabulated study, that report "
    "that direction or whose words name that level as the highest outcome; its height is the number above it. "
    "A one-line summary states a headline, so a null or mixed secondary result could hardly show in it. "
    f"Solid: an animal treated; hatched: in vitro only as printed ({narrative.IN_VITRO_RULE}) "
)
NOTE_LEVEL = (
    ". Level: the level of the cell's words, whatever the setting; the endpoints measured are not reported in "
    "the review, and a cell that names no outcome is 'not stated'. 'Not stated' direction: of the Effects cell "
    "only (it names mechanisms, safety or delivery); 'prospect only': a benefit stated only as a prospect."
)
NOTE_TAIL = (
    " Codes derived by cue words (data/outcome_cues.csv), defined in data/outcome_codes.csv. "
    f"{SOURCE_SHORT}, Tables 1-2."
)


def test_effects_note_names_each_arm_total():
    """effects_note without studies: each product and arm with its number of studies, in the table's order."""
    assert narrative.effects_note(_counts()) == (
        NOTE_HEAD
        + "(MSCs in vivo: 24; MSCs in vitro only: 6; vesicles in vivo: 18; vesicles in vitro only: 8)"
        + NOTE_LEVEL
        + NOTE_TAIL
    )


def test_effects_note_leaves_out_a_product_the_selection_has_none_of():
    """A modality with no study in the selection is not counted at 0; an empty studies frame adds nothing."""
    arms = [("cells", "in vivo", 0, 0, (0,) * 6), ("exosomes", "in vitro", 5, 5, (5, 0, 0, 0, 0, 0))]
    assert narrative.effects_note(_counts(arms, []), pd.DataFrame({"setting": []})) == (
        NOTE_HEAD + "(vesicles in vitro only: 5)" + NOTE_LEVEL + NOTE_TAIL
    )
