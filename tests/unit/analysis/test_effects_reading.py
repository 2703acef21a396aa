"""Every number in the effects exhibit's note and "What to notice", against a recount of the printed Effects cells."""

from __future__ import annotations

import pytest

from helpers.analysis import effects
from helpers.data import coded
from helpers.outputs import narrative
from tests.unit.analysis._numbers import numbers

# Recount from the printed Effects cells of Tables 1-2, after the first blind reading of the exhibit:
# 43 improved; 4 a benefit only as a prospect naming no outcome (Table 1 rows 13 'may provide', 27 'new insights';
# Table 2 rows 26 'is a potential strategy', 28 'may represent'); 9 not stated; none mixed, no effect or worse.
IMPROVED, PROSPECT, NOT_STATED, STUDIES = 43, 4, 9, 56
# Highest level the words name, studies with an animal treated (47) and in vitro only rows (9). In vivo: organism
# Table 1 rows 1, 2, 4, 5, 6, 8, 10, 15, 25 and Table 2 rows 2, 4, 5, 10, 11, 19, 22, 23 (17); tissue Table 1
# rows 12, 22 and Table 2 rows 8, 13, 14, 16, 25 (7); not stated Table 1 rows 9, 11, 13, 17, 19, 27 and Table 2
# rows 17, 28 (8); cellular the other 15. In vitro: Table 2 row 9 names cognition (organism 1); Table 1 rows 14,
# 28 and Table 2 rows 7, 18, 21 a cellular outcome (5); Table 2 rows 6, 26, 27 none (3).
IN_VIVO_LEVELS = {"organism": 17, "tissue": 7, "cellular or molecular": 15, "not stated": 8}
IN_VITRO_LEVELS = {"organism": 1, "tissue": 0, "cellular or molecular": 5, "not stated": 3}
# Head to head: Table 1 rows 8 and 25 compare tissue sources; 13 rows a modified or combined product with the
# plain one; Table 1 row 18 states no direction (14 name the better arm); rows 12, 17 print no comparator.
COMPARED, SOURCES, MODIFIED, NAMED_BETTER = 15, 2, 13, 14
# What the 9 not-stated rows print instead (Table 2 row 17 'mitigating adverse reactions' is a safety claim).
INSTEAD = {
    "delivery and safety only": "Table 2 rows 17, 27",
    "mechanism only": "Table 1 rows 3, 18, 24, 26; Table 2 rows 3, 13",
    "safety only": "Table 1 row 9",
}
# The review's body text states a benefit for these no-direction studies (refs as printed in the text).
ELSEWHERE = [12, 19, 32, 63, 70, 82]
# Readers unsure, counted in data/outcome_annotation.csv: 31 rows with at least one, 26 with both.
UNSURE, BOTH_UNSURE = 31, 26


@pytest.fixture(scope="module")
def notice() -> str:
    studies = coded.studies()
    counts = effects.counts(studies)
    return narrative.effects_notice(
        counts,
        effects.head_to_head(studies),
        effects.not_stated(studies),
        effects.agreement(studies),
        effects.stated_elsewhere(studies),
        effects.readers(studies),
    )


def _line(notice: str, start: str) -> str:
    return next(line for line in notice.splitlines() if line.startswith(start))


def test_the_direction_sentence_counts_as_the_print(notice):
    line = _line(notice, "- Of the")
    assert numbers(line) == [STUDIES, IMPROVED, PROSPECT, 0, 0, 0, NOT_STATED]
    assert "one-line Effects cell" in line


def test_the_zero_sentence_does_not_guess_a_cause(notice):
    line = _line(notice, "- None of the")
    assert numbers(line) == [STUDIES]
    assert "publication bias" not in line and "cannot tell" in line and "can hardly show" in line


def test_the_levels_sentence_counts_each_arm(notice):
    line = _line(notice, "- Highest outcome level")
    expected = [47, *IN_VIVO_LEVELS.values(), 9, *IN_VITRO_LEVELS.values()]
    assert numbers(line) == expected


def test_the_not_stated_rows_are_named_with_what_they_print_instead(notice):
    line = _line(notice, "- The 9 of 56")
    for kind, rows in INSTEAD.items():
        assert f"{kind} ({rows})" in line
    assert numbers(line)[:2] == [NOT_STATED, STUDIES]


def test_the_body_text_benefits_are_named(notice):
    line = _line(notice, "- For 6 of these 9")
    assert numbers(line) == [len(ELSEWHERE), NOT_STATED, *ELSEWHERE]


def test_the_comparison_sentence(notice):
    line = _line(notice, f"- {COMPARED} of")
    assert numbers(line)[:6] == [COMPARED, STUDIES, SOURCES, MODIFIED, NAMED_BETTER, COMPARED]
    assert "Table 1 row 18 states no direction" in line and "Table 1 rows 12, 17 print no comparator arm" in line


def test_the_agreement_sentence_says_by_construction_and_how_sure_the_readers_were(notice):
    line = _line(notice, "- Against the two readers")
    assert "by construction" in line and "validates nothing" in line
    assert numbers(line) == [56, 56, 56, 56, 56, 56, UNSURE, STUDIES, BOTH_UNSURE]


def test_the_note_states_the_arm_totals_row_14_the_animal_words_and_the_readers():
    studies = coded.studies()
    note = narrative.effects_note(effects.counts(studies), studies)
    assert numbers(note)[:4] == [26, 2, 21, 7]  # the arm totals
    assert "vesicles in vitro only: 7" in note
    assert "[25] Table 1 row 14: '5XFAD mice'" in note  # prints an animal model beside co-culture
    assert "refs 58, 74" in note  # the Effects cell or cited title speaks of animals
    assert f"{UNSURE} of {STUDIES} rows were coded with at least one of two readers unsure" in note
    assert "endpoints measured are not reported in the review" in note
