"""helpers.core.words: the words that agree with a count, and a list said in words.

Expected values are English as a reader writes it: "1 study prints", "0 studies print", "a, b and c".
"""

from __future__ import annotations

import pytest

from helpers.core import words

AGREE = [
    ("one takes the singular", 1, "prints", "print", "prints"),
    ("none takes the plural", 0, "prints", "print", "print"),
    ("two take the plural", 2, "is", "are", "are"),
    ("many take the plural", 17, "has", "have", "have"),
]


@pytest.mark.parametrize("rule, n, one, many, expected", AGREE, ids=[a[0] for a in AGREE])
def test_agree_picks_the_word_for_the_count(rule, n, one, many, expected):
    assert words.agree(n, one, many) == expected, rule


@pytest.mark.parametrize(("n", "expected"), [(0, "are"), (1, "is"), (2, "are")])
def test_are(n, expected):
    assert words.are(n) == expected


PLURAL = [
    ("one: the word as given", 1, "study", "studies", "1 study"),
    ("none: the plural given", 0, "study", "studies", "0 studies"),
    ("many, no plural given: an s added", 3, "printed row", None, "3 printed rows"),
    ("one, no plural given: no s", 1, "reference", None, "1 reference"),
]


@pytest.mark.parametrize("rule, n, word, many, expected", PLURAL, ids=[p[0] for p in PLURAL])
def test_plural_says_the_count_and_its_noun(rule, n, word, many, expected):
    assert words.plural(n, word, many) == expected, rule


SERIES = [
    ("one item alone", ["a"], "and", "a"),
    ("two joined by the last word", ["a", "b"], "and", "a and b"),
    (
        "three: commas, then the last word, no serial comma",
        ["the print", "the title", "the text"],
        "or",
        "the print, the title or the text",
    ),
    ("four", ["1", "2", "3", "4"], "and", "1, 2, 3 and 4"),
]


@pytest.mark.parametrize("rule, items, last, expected", SERIES, ids=[s[0] for s in SERIES])
def test_series_says_a_list_in_words(rule, items, last, expected):
    assert words.series(items, last) == expected, rule


def test_series_says_and_unless_told():
    assert words.series(["a", "b", "c"]) == "a, b and c"
