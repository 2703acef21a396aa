"""One value said once (``helpers.outputs.narrative``).

A range whose ends are one value is that value ("30 days", not "30 to 30 days"). The words that agree with a
count are tested with helpers.core.words (tests/unit/core/test_words.py).
"""

from __future__ import annotations

import pytest

from helpers.outputs import narrative

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
