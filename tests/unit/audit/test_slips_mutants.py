"""Rule T1 to the letter on the legends' texts: the survivors of mutmut over ``helpers.audit.slips``.

T1 reads the words of every phrase the review prints: the tables' cells, the
legends' definitions and notes, and the cited titles (which only count). A slip
in a definition or a note is reported at its legend entry: table
"abbreviations", row "<legend>:<position>", field "definition" or "text". A
legend's code is a code, not a phrase: it adds no word to the counts.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.audit.registry import RULES, Finding
from helpers.audit.slips import _one_letter_apart
from tests.unit.audit.test_audit import legends, printed, refs

NO_NOTES = pd.DataFrame(columns=["legend", "position", "kind", "text"])
SLIP = '"umbilcal" differs by one letter from "umbilical", printed elsewhere in the same phrase.'


def notes(*texts: tuple[str, int, str]) -> pd.DataFrame:
    return pd.DataFrame([{"legend": lg, "position": p, "kind": "source", "text": t} for lg, p, t in texts])


@pytest.mark.parametrize(
    "abbr, legend_notes, expected",
    [
        # A letter dropped in a definition, "human umbilical cord" printed twice beside it: the definition is
        # reported where it is printed, table2 legend entry 1.
        (
            legends(
                ("table1", "hUC", "human umbilical cord"),
                ("table2", "hUCB", "human umbilcal cord blood"),
                ("table3", "UC", "human umbilical cord"),
            ),
            NO_NOTES,
            Finding(
                "T1",
                "warning",
                "abbreviations",
                "table2:1",
                "definition",
                'abbreviations row table2:1 definition "human umbilcal cord blood"; '
                'abbreviations row table1:1 definition "human umbilical cord"',
                SLIP,
                "umbilcal",
            ),
        ),
        # The same slip in a legend note (Table 3's note 14): reported at the note, field "text".
        (
            legends(("table1", "hUC", "human umbilical cord"), ("table3", "UC", "human umbilical cord")),
            notes(("table3", 14, "data on human umbilcal cord cells")),
            Finding(
                "T1",
                "warning",
                "abbreviations",
                "table3:14",
                "text",
                'abbreviations row table3:14 text "data on human umbilcal cord cells"; '
                'abbreviations row table1:1 definition "human umbilical cord"',
                SLIP,
                "umbilcal",
            ),
        ),
    ],
    ids=["in-a-definition", "in-a-legend-note"],
)
def test_t1_reports_a_slip_in_a_legend_at_its_entry(abbr, legend_notes, expected):
    found = RULES["T1"].check(abbr, legend_notes, refs(), *printed())
    assert found == [expected]


@pytest.mark.parametrize(
    "titles, expected",
    [
        # "etudy" and "study" are each printed once in a phrase (a Purpose, a title): neither is the commoner
        # word. A legend whose code happens to read "study" prints no phrase with it, so the count stays one each.
        (["An efficacy study of cells"], []),
        # Control: "study" printed in a second phrase is the commoner word, and the Purpose's "etudy" is reported.
        (["An efficacy study of cells", "An efficacy study of cells"], [("table3", "1", "purpose", "etudy")]),
    ],
    ids=["code-not-counted", "second-phrase-counted"],
)
def test_t1_does_not_count_a_legend_code_as_a_word(titles, expected):
    abbr = legends(("table3", "study", "a design of a trial"))
    # "etudy" stands inside its phrase, with a word on either side.
    t3 = printed(t3=[{"purpose": "An efficacy etudy of UC-MSCs"}])
    found = RULES["T1"].check(abbr, NO_NOTES, refs(*({"title": t} for t in titles)), *t3)
    assert [(f.table, f.row, f.field, f.subject) for f in found] == expected


def _t1(purposes: list[str]) -> list[tuple[str, str, str]]:
    """T1 over Table 3 Purposes only: (row, slip, the commoner word it is one letter from) per finding."""
    t3 = [{"purpose": p} for p in purposes]
    found = RULES["T1"].check(legends(), NO_NOTES, refs(), *printed(t3=t3))
    return [(f.row, f.subject, f.message.split('"')[3]) for f in found]


@pytest.mark.parametrize(
    "purposes, expected",
    [
        # A letter changed inside the word (third of five letters): a slip.
        (
            ["An efficacy stidy of UC-MSCs", "An efficacy study of X", "An efficacy study of Y"],
            [("1", "stidy", "study")],
        ),
        # A letter changed in the last two (an ending, "-al" for "-el"): another word, not a slip.
        (["A mouse modal of AD", "A mouse model of AD", "A mouse model of PD"], []),
        # A letter dropped inside the word ("inducd" for "induced"): a slip, both neighbours shared.
        (
            ["CTX inducd POF mice", "CTX induced POF mice", "CTX induced POF rats"],
            [("1", "inducd", "induced")],
        ),
        # The last letter dropped ("induce" for "induced"): an ending, not a slip.
        (["CTX induce POF mice", "CTX induced POF mice", "CTX induced POF rats"], []),
        # A letter added inside the word ("studdy" for "study"): a slip; the commoner word is the shorter one.
        (
            ["An efficacy studdy of UC-MSCs", "An efficacy study of X", "An efficacy study of Y"],
            [("1", "studdy", "study")],
        ),
    ],
    ids=["changed-inside", "changed-in-ending", "dropped-inside", "dropped-last", "added-inside"],
)
def test_t1_a_slip_is_one_letter_inside_the_word_not_in_its_ending(purposes, expected):
    assert _t1(purposes) == expected


def test_t1_names_the_commoner_word_printed_first_when_two_are_one_letter_away():
    # "tone" is one letter from "zone" and from "bone", both printed twice in the same phrase; the message names the
    # one printed first ("zone"), as a scan of the words in printed order finds it, not the first in the alphabet.
    purposes = ["a tone marrow graft"] + ["a zone marrow graft"] * 2 + ["a bone marrow graft"] * 2
    assert _t1(purposes) == [("1", "tone", "zone")]


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("study", "stidy", True),
        ("cell", "cells", False),  # a plural s
        ("cell", "cellular", False),  # four letters longer: no one-letter slip
        ("stud", "studied", False),  # three letters longer
    ],
    ids=["substitution", "plural-s", "four-longer", "three-longer"],
)
def test_one_letter_apart_needs_lengths_within_one(a, b, expected):
    assert _one_letter_apart(a, b) is expected
    assert _one_letter_apart(b, a) is expected


@pytest.mark.parametrize(
    "purposes, expected",
    [
        # The slip last in its phrase: only its left neighbour ("efficacy") is there to share.
        (["An efficacy etudy", "An efficacy study", "An efficacy study"], [("1", "etudy", "study")]),
        # The slip first in its phrase: only its right neighbour ("of") is there to share.
        (["Etudy of efficacy", "Study of efficacy", "Study of safety"], [("1", "Etudy", "Study")]),  # quoted as printed
        # A one-word phrase shares no neighbour: not reported, and nothing raised.
        (["Etudy", "Study", "Study"], []),
    ],
    ids=["slip-last-in-phrase", "slip-first-in-phrase", "one-word-phrase"],
)
def test_t1_reads_a_slip_at_either_end_of_its_phrase(purposes, expected):
    # Found by a helper reading the survivors: "" + True raised TypeError and stopped the whole audit.
    assert _t1(purposes) == expected
