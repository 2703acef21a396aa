"""Rule T1's two word helpers, called directly: what counts as one letter apart, and the near-word lookup.

:func:`helpers.audit.slips._one_letter_apart` decides whether two words differ by one letter *inside* the
word (not an ending, not an inserted or dropped "s", not punctuation). :func:`helpers.audit.slips._near_words`
builds the lookup of the vocabulary's words one edit away from a word, returned in vocabulary order and never
the word itself. The expected values below are worked out by hand from those two rules.
"""

from __future__ import annotations

import pytest

from helpers.audit.slips import _near_words, _one_letter_apart

# (a, b, expected): the rule of _one_letter_apart, case by case.
_APART = [
    ("umbilcal", "umbilical", True),  # a letter dropped inside the word
    ("umbilical", "umbilcal", True),  # the same pair the other way round
    ("etudy", "study", True),  # a letter changed inside the word
    ("tisue", "tissue", False),  # an "s" dropped inside the word is not a slip (plural-like doubling)
    ("tissue", "tisue", False),  # the same pair the other way round
    ("cells", "cell", False),  # a letter added at the end is an ending, not a slip
    ("cat", "dog", False),  # three letters changed
]


@pytest.mark.parametrize(
    "a, b, expected",
    _APART,
    ids=[
        "dropped-letter-inside",
        "dropped-letter-inside-reversed",
        "changed-letter-inside",
        "dropped-s-inside-is-no-slip",
        "dropped-s-inside-is-no-slip-reversed",
        "added-ending-is-no-slip",
        "three-letters-apart",
    ],
)
def test_one_letter_apart_counts_only_a_letter_inside_the_word_other_than_s(a, b, expected):
    """A slip is one letter added, dropped or changed inside the word; an inner "s" and an ending are not."""
    assert _one_letter_apart(a, b) is expected


# The vocabulary, in the order the rule lists it; the lookup answers in this order.
_VOCABULARY = ["cat", "bat", "cart", "at", "dog"]

# (word, expected): by hand from _VOCABULARY.
_NEAR = [
    # cat: "bat" (one letter changed), "cart" (one letter longer), "at" (one letter shorter); never "cat" itself.
    ("cat", ["bat", "cart", "at"]),
    # cot is not in the vocabulary: only "cat" (the o changed) is one edit away; most of its keys match nothing.
    ("cot", ["cat"]),
    # a word nothing is near: no candidate, and no error for keys the vocabulary never made.
    ("zebra", []),
    # dog: only itself is in the vocabulary, so nothing is returned.
    ("dog", []),
]


@pytest.mark.parametrize(
    "word, expected", _NEAR, ids=["in-vocabulary", "not-in-vocabulary", "no-neighbour", "only-itself"]
)
def test_near_words_lists_the_words_one_edit_away_in_vocabulary_order_without_the_word(word, expected):
    """The lookup returns every vocabulary word one letter changed, added or dropped away, in vocabulary order."""
    near = _near_words(_VOCABULARY)
    assert near(word) == expected
    # Asked again (served from the lookup's own cache), the answer is the same.
    assert near(word) == expected
