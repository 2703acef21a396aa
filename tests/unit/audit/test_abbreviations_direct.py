"""Rules A1, A6 and A9 and the helpers that word them, checked to the letter on a few literal legend entries.

What is checked:

- where entries are printed is said as "the article list and the table1 and
  table2 legends", every legend named once, in printed order;
- a legend key covers a token printed whole or as a defined head followed by
  plain words ("CTX-induced");
- A6 names where the code's base meaning is printed (the article list, or the
  code's first legend);
- A1 gives each meaning with its places, quotes another wording of a meaning
  that differs only in its apostrophe beside its own places only when it is
  truly another wording, and lists the codes that carry the second meaning
  as part of a source name;
- A9 (an "NA: Not Applicable" where a route or dose applied) cites, as
  evidence, the cell that shows it applied, and nothing for a route or dose
  printed in the same cell.

Expected values are worked out by hand from the module's docstrings and the
literal inputs below.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from helpers.audit.abbreviations import (
    _covered,
    _places,
    conflicting_meanings,
    not_applicable_applied,
    other_wording,
)
from helpers.audit.registry import Finding
from tests.unit.audit.test_audit import legends, rows

# --- where entries are printed ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "printed_in, said",
    [
        (["article"], "the article list"),
        (["table1"], "the table1 legend"),
        (["article", "table1", "table2"], "the article list and the table1 and table2 legends"),
        # Three legends: commas between all but the last two, each legend once, the last one last.
        (["table1", "table2", "table3"], "the table1, table2 and table3 legends"),
        (["table1", "table2", "table3", "fig2"], "the table1, table2, table3 and fig2 legends"),
        # A legend printing the code twice is named once, where it first appears.
        (["table2", "table1", "table2"], "the table2 and table1 legends"),
    ],
    ids=["article-only", "one-legend", "article-and-two-legends", "three-legends", "four-legends", "repeat-once"],
)
def test_places_names_every_legend_once_in_printed_order(printed_in, said):
    """Places are "the article list" and then the legends, listed "a, b and c", plural when more than one."""
    assert _places([SimpleNamespace(legend=legend) for legend in printed_in]) == said


# --- a legend key covers a token --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token, keys, covered",
    [
        ("STZ", {"STZ"}, True),
        # A defined head and a plain word: "CTX-induced" is explained by the CTX entry.
        ("CTX-induced", {"CTX"}, True),
        ("POF-like", {"POF"}, True),
        # A defined two-part head and a plain word.
        ("hUC-MSC-derived", {"hUCMSC"}, True),
        # A defined head followed by another code: the second code still needs its own entry.
        ("CTX-MSC", {"CTX"}, False),
        ("CTX-induced", {"STZ"}, False),
    ],
    ids=["whole", "head-plain-word", "head-plain-word-2", "two-part-head", "head-then-code", "other-head"],
)
def test_covered_whole_or_defined_head_with_plain_words(token, keys, covered):
    """A token is covered whole, or by a defined head whose remaining hyphen parts are plain words."""
    assert _covered(token, keys) is covered


# --- A6: where the base wording is printed ----------------------------------------------------------------


@pytest.mark.parametrize(
    "entries, said",
    [
        # The article list's entry is the base whatever legend comes first.
        (
            [
                ("table1", "MSC", "mesenchymal stem/stromal cells"),
                ("article", "MSC", "mesenchymal stem cells"),
            ],
            "The table1 legend words MSC differently from the article list; the two wordings name one thing.",
        ),
        # No article entry: the code's first legend is the base.
        (
            [
                ("table1", "MSC", "mesenchymal stem cells"),
                ("table2", "MSC", "mesenchymal stem/stromal cells"),
            ],
            "The table2 legend words MSC differently from the table1 legend; the two wordings name one thing.",
        ),
    ],
    ids=["base-article-list", "base-first-legend"],
)
def test_a6_names_where_the_base_wording_is_printed(entries, said):
    """A6: another wording of a code is compared with the article list's, else with the code's first legend's."""
    (found,) = other_wording(legends(*entries))
    assert found.message == said


# --- A1: one code, two meanings ---------------------------------------------------------------------------

AD_ALZHEIMER = [("article", "AD", "Alzheimer's disease"), ("table1", "AD", "Alzheimer's disease")]


@pytest.mark.parametrize(
    "entries, said",
    [
        # Two meanings, each with its places; no source name carries the second.
        (
            [*AD_ALZHEIMER, ("table4", "AD", "adipose")],
            'AD has two meanings in the review: "Alzheimer\'s disease" in the article list and the table1 legend, '
            'and "adipose" in the table4 legend.',
        ),
        # Two source names of one legend carry the second meaning: quoted together, separated by a comma.
        (
            [
                *AD_ALZHEIMER,
                ("table4", "AD", "adipose"),
                ("table4", "AD-MSCs", "adipose-derived mesenchymal stem cells"),
                ("table4", "ADMSCs-Exo", "adipose MSC exosomes"),
            ],
            'AD has two meanings in the review: "Alzheimer\'s disease" in the article list and the table1 legend, '
            'and "adipose" in the table4 legend; as part of a source name ("AD-MSCs", "ADMSCs-Exo" in the table4 '
            "legend) it has the second meaning.",
        ),
        # A curly and a straight apostrophe are one wording: the meaning is said once, with both places.
        (
            [
                ("article", "AD", "Alzheimer’s disease"),
                ("table1", "AD", "Alzheimer's disease"),
                ("table4", "AD", "adipose"),
            ],
            'AD has two meanings in the review: "Alzheimer’s disease" in the article list and the table1 legend, '
            'and "adipose" in the table4 legend.',
        ),
        # A wording that differs in more than the apostrophe is quoted beside its own place.
        (
            [
                ("article", "AD", "Alzheimer's disease"),
                ("table1", "AD", "Alzheimer disease"),
                ("table4", "AD", "adipose"),
            ],
            'AD has two meanings in the review: "Alzheimer\'s disease" in the article list '
            '("Alzheimer disease" in the table1 legend), and "adipose" in the table4 legend.',
        ),
    ],
    ids=["two-meanings", "carried-by-two-source-names", "apostrophes-one-wording", "other-wording-quoted"],
)
def test_a1_says_where_each_meaning_is_printed(entries, said):
    """A1: each meaning with every place printing it, and the source names that carry the second meaning."""
    (found,) = conflicting_meanings(legends(*entries))
    assert found.message == said


# --- A9: an NA where something applied --------------------------------------------------------------------

NA_LEGENDS = (
    ("table1", "NA", "Not Applicable"),
    ("table2", "NA", "Not Applicable"),
    ("table3", "NA", "Not Applicable"),
)
#: What every A9 message ends with: the print says only what NA cannot mean.
CANNOT = ': Not Applicable cannot be meant here, and what "NA" stands for in this cell is not reported in the review.'
PURPOSE = "Evaluation of clinical and bone density improvement after UC-MSC implantation"


@pytest.mark.parametrize(
    "row, expected",
    [
        # Table 1 row 22 as printed, "NA 2 × 10⁷": the dose in the same cell shows a route applied; the
        # evidence is that cell and the legend entry, no second cell.
        (
            {"table": "table1", "route_dosage": "NA 2 × 10⁷"},
            Finding(
                "A9",
                "check",
                "table1",
                "1",
                "route_dosage",
                'table1 row 1 route_dosage "NA 2 × 10⁷"; table1 legend entry 1 "NA: Not Applicable"',
                f'"NA" is defined as Not Applicable, but a dose (2 × 10⁷) is printed after it, '
                f"so a route applied{CANNOT}",
                "NA",
            ),
        ),
        # Table 2 rows 22-23 as printed, "IV NA": the route in the same cell shows a dose applied.
        (
            {"table": "table2", "route_dosage": "IV NA"},
            Finding(
                "A9",
                "check",
                "table2",
                "1",
                "route_dosage",
                'table2 row 1 route_dosage "IV NA"; table2 legend entry 1 "NA: Not Applicable"',
                f'"NA" is defined as Not Applicable, but a route (IV) is printed before it, so a dose applied{CANNOT}',
                "NA",
            ),
        ),
        # Table 3 row 16 as printed: NA as the whole Migration method, and a Purpose that speaks of an
        # implantation; the Purpose cell is cited under its printed column name.
        (
            {"table": "table3", "route_dosage": "NA", "effects": PURPOSE, "follow_up": ""},
            Finding(
                "A9",
                "check",
                "table3",
                "1",
                "migration_method",
                f'table3 row 1 migration_method "NA"; table3 row 1 purpose "{PURPOSE}"; '
                'table3 legend entry 1 "NA: Not Applicable"',
                f'"NA" is defined as Not Applicable, but the row\'s own text speaks of implantation, '
                f"so a route applied{CANNOT}",
                "NA",
            ),
        ),
    ],
    ids=["na-route-before-dose", "na-dose-after-route", "na-route-purpose-implantation"],
)
def test_a9_cites_the_cell_that_shows_something_applied(row, expected):
    """A9: the evidence is the NA cell, the other cell that shows a route or dose applied (if any), the entry."""
    assert not_applicable_applied(legends(*NA_LEGENDS), rows(row)) == [expected]


@pytest.mark.parametrize(
    "route_dosage",
    ["IV/NA 1 × 10⁶", "IV 1 × 10⁶"],
    ids=["na-inside-a-printed-route", "no-na"],
)
def test_a9_needs_the_route_or_dose_printed_as_na_as_a_whole(route_dosage):
    """A9 reads a route or dose printed as NA: a route part that also names IV is not a route printed as NA."""
    assert not_applicable_applied(legends(*NA_LEGENDS), rows({"route_dosage": route_dosage})) == []
