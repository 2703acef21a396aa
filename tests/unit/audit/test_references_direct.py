"""How rule R2 words the tissues a cited title names: :func:`_abbreviated` and :func:`_tissue_words` called directly.

R2 (a row whose MSC source differs from every source its cited title names)
says plain title words as "MSCs from <tissue>" and quotes an abbreviation as
printed with its usual reading. An abbreviation is one token with two capitals
or more; a tissue code with no words of its own in ``TISSUE_WORDS`` is said as
its code, in both branches, so a tissue added to the title vocabulary alone is
still named. Expected sentences are written from these rules by hand.
"""

from __future__ import annotations

import pytest

from helpers.audit.references import _abbreviated, _tissue_words
from tests.unit.audit.test_references import finding


@pytest.mark.parametrize(
    "printed, abbreviated",
    [
        ("GMSCs", True),
        ("BM-MSCs", True),
        # Exactly two capitals in one token: the least an abbreviation has.
        ("hUCmsc", True),
        ("DPsc", True),
        # One capital: a word at the start of a sentence.
        ("Wharton", False),
        ("Adipose", False),
        # Two capitals, but two words of a Title-Case title.
        ("Dental Pulp", False),
    ],
    ids=["gmscs", "bm-mscs", "two-capitals-hucmsc", "two-capitals-dpsc", "one-capital", "one-capital-2", "two-words"],
)
def test_an_abbreviation_is_one_token_with_at_least_two_capitals(printed, abbreviated):
    """An abbreviation is one token with two capitals or more; words, capitalised or not, are not."""
    assert _abbreviated(printed) is abbreviated


def test_r2_quotes_a_two_capital_token_as_an_abbreviation():
    """R2: a title naming the tissue only as "hUCmsc" (two capitals) quotes it with its usual reading."""
    (found,) = finding("R2", {"tissue": "BM"}, "hUCmsc therapy in aged mice")
    assert found.message == (
        "The cited article's title speaks of "
        '"hUCmsc" (usually read as MSCs from umbilical cord; expanded in no legend of the review), not the row\'s BM.'
    )


@pytest.mark.parametrize(
    "said, defined, words",
    [
        ({"BM": "bone marrow", "DP": "dental pulp"}, set(), "MSCs from bone marrow and dental pulp"),
        (
            {"gingiva": "GMSCs"},
            {"GMSC"},
            '"GMSCs" (usually read as MSCs from gingiva; expanded in a legend of the review)',
        ),
        # A code with no words of its own is said as the code, in plain words and as an abbreviation's reading.
        ({"synovium": "synovial"}, set(), "MSCs from synovium"),
        (
            {"synovium": "SMSCs"},
            set(),
            '"SMSCs" (usually read as MSCs from synovium; expanded in no legend of the review)',
        ),
    ],
    ids=["plain-words-joined", "abbreviation-in-a-legend", "unknown-code-plain", "unknown-code-abbreviation"],
)
def test_tissue_words_say_each_tissue_by_its_words_or_else_its_code(said, defined, words):
    """Plain words joined by "and" after "MSCs from"; an abbreviation quoted with its reading and legend status."""
    assert _tissue_words(said, defined) == words
