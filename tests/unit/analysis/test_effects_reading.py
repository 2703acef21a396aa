"""Every number in the effects exhibit's note and "What to notice", against a recount of the printed Effects cells."""

from __future__ import annotations

import pytest

from helpers.analysis import effects
from helpers.data import coded
from helpers.outputs import narrative
from tests.unit.analysis._numbers import numbers

# Recount from the printed Effects cells of Tables 1-2 (data/outcome_annotation.csv, two readers):
# 47 improved, 9 not stated, none mixed, no effect or worse.
IMPROVED, NOT_STATED, STUDIES = 47, 9, 56
# Highest level, studies with an animal arm (47) and rows printing none (9; Table 2 row 9 capped at cellular).
IN_VIVO_LEVELS = {"organism": 15, "tissue": 8, "cellular or molecular": 15, "not stated": 9}
IN_VITRO_LEVELS = {"organism": 0, "tissue": 0, "cellular or molecular": 8, "not stated": 1}
# Head to head: Table 1 rows 8 and 25 compare tissue sources; 13 rows a modified product with the plain one.
COMPARED, SOURCES, MODIFIED = 15, 2, 13
# What the 9 not-stated rows print instead.
INSTEAD = {
    "delivery and safety only": "Table 2 row 27",
    "delivery only": "Table 2 row 17",
    "mechanism only": "Table 1 rows 3, 18, 24, 26; Table 2 rows 3, 13",
    "safety only": "Table 1 row 9",
}


@pytest.fixture(scope="module")
def notice() -> str:
    studies = coded.studies()
    counts = effects.counts(studies)
    return narrative.effects_notice(
        counts, effects.head_to_head(studies), effects.not_stated(studies), effects.agreement(studies)
    )


def _line(notice: str, start: str) -> str:
    return next(line for line in notice.splitlines() if line.startswith(start))


def test_the_direction_sentence_counts_as_the_print(notice):
    line = _line(notice, "- Of the")
    assert numbers(line) == [STUDIES, IMPROVED, 0, 0, 0, NOT_STATED]


def test_the_bias_sentence_is_said_because_no_study_is_null_or_worse(notice):
    line = _line(notice, "- None of the")
    assert numbers(line) == [STUDIES]
    assert "publication bias" in line and "says nothing about how often such treatments fail" in line


def test_the_levels_sentence_counts_each_arm(notice):
    line = _line(notice, "- Highest outcome level")
    expected = [47, *IN_VIVO_LEVELS.values(), 9, *IN_VITRO_LEVELS.values()]
    assert numbers(line) == expected


def test_the_not_stated_rows_are_named_with_what_they_print_instead(notice):
    line = _line(notice, "- The 9 of 56")
    for kind, rows in INSTEAD.items():
        assert f"{kind} ({rows})" in line
    # 9 of 56, then only row numbers
    assert numbers(line)[:2] == [NOT_STATED, STUDIES]


def test_the_comparison_sentence(notice):
    line = _line(notice, f"- {COMPARED} of")
    assert numbers(line) == [COMPARED, STUDIES, SOURCES, MODIFIED]


def test_the_agreement_sentence_says_by_construction_and_names_the_differing_row(notice):
    line = _line(notice, "- Against the two readers")
    assert "by construction" in line
    assert numbers(line) == [56, 56, 55, 56, 9, 56, 56]
    assert "table2 row 9" in line


def test_the_note_states_the_arm_totals():
    note = narrative.effects_note(effects.counts(coded.studies()))
    assert numbers(note) == [26, 2, 21, 7]
