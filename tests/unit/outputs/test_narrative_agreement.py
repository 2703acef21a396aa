"""Words that agree with a count, and one value said once (``helpers.outputs.narrative``).

A narrative sentence counts what a selection holds, and a small selection holds one of something: the verb
then agrees with 1 ("1 study prints"), and a range whose ends are one value is that value ("30 days", not
"30 to 30 days"). These are the small functions every such sentence goes through.
"""

from __future__ import annotations

import pytest

from helpers.outputs import narrative

AGREE = [
    ("one takes the singular", 1, "prints", "print", "prints"),
    ("none takes the plural", 0, "prints", "print", "print"),
    ("two take the plural", 2, "is", "are", "are"),
    ("many take the plural", 17, "has", "have", "have"),
]


@pytest.mark.parametrize("rule, n, one, many, expected", AGREE, ids=[a[0] for a in AGREE])
def test_agree_picks_the_word_for_the_count(rule, n, one, many, expected):
    assert narrative._agree(n, one, many) == expected


BETWEEN = [
    ("two ends are a range", 28.0, 60.0, "days", "28 to 60 days"),
    ("one value is said once", 30.0, 30.0, "days", "30 days"),
    ("fractions keep their digits, no trailing zeros", 0.5, 2.25, "µg", "0.5 to 2.25 µg"),
    ("one mass is said once", 2000.0, 2000.0, "µg", "2000 µg"),
]


@pytest.mark.parametrize("rule, low, high, unit, expected", BETWEEN, ids=[b[0] for b in BETWEEN])
def test_between_says_one_value_once(rule, low, high, unit, expected):
    assert narrative._between(low, high, unit) == expected


SCI_BETWEEN = [
    ("a range of cell numbers", 1e6, 5e6, "1×10⁶ to 5×10⁶"),
    ("one number of cells is said once", 3.25e6, 3.25e6, "3.25×10⁶"),
]


@pytest.mark.parametrize("rule, low, high, expected", SCI_BETWEEN, ids=[s[0] for s in SCI_BETWEEN])
def test_sci_between_says_one_number_of_cells_once(rule, low, high, expected):
    assert narrative._sci_between(low, high) == expected
