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
