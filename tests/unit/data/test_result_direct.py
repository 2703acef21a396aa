"""Direct tests of :class:`helpers.data.derive.result.Derived` and ``_absent``, and of ``lexicon._squash``.

Rule (Derived's docstring): a missing value must carry a non-empty reason, and a parsed value must carry
none, so a missing value can never travel without its reason. ``_squash`` strips a cell and collapses
runs of whitespace to one space.
"""

from __future__ import annotations

import pytest

from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent


@pytest.mark.parametrize(
    ("value", "reason", "missing"),
    [
        pytest.param(21.0, "", False, id="parsed-value"),
        pytest.param(0, "", False, id="zero-is-a-value"),
        pytest.param(None, "no dose printed", True, id="missing-with-reason"),
    ],
)
def test_a_valid_derived_value_is_missing_exactly_when_it_has_no_value(value, reason, missing):
    derived = Derived(value, reason)
    assert (derived.value, derived.reason, derived.missing) == (value, reason, missing)


@pytest.mark.parametrize(
    ("value", "reason", "message"),
    [
        pytest.param(None, "", "a missing Derived value needs a reason", id="missing-without-reason"),
        pytest.param(5.0, "printed twice", "a parsed Derived value must not carry a reason", id="value-with-reason"),
    ],
)
def test_an_inconsistent_derived_value_is_refused_with_its_rule(value, reason, message):
    with pytest.raises(ValueError) as caught:
        Derived(value, reason)
    assert str(caught.value) == message


def test_absent_is_a_missing_value_with_the_given_reason():
    got = _absent("no follow-up printed")
    assert (got.value, got.reason, got.missing) == (None, "no follow-up printed", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("  3   weeks\t", "3 weeks", id="runs-of-space"),
        pytest.param("IV\n1 × 10⁶", "IV 1 × 10⁶", id="newline"),
        pytest.param(21, "21", id="number"),
        pytest.param("", "", id="empty"),
    ],
)
def test_squash_strips_and_collapses_whitespace(text, expected):
    assert _squash(text) == expected
