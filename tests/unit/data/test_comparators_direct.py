"""Direct tests of :func:`helpers.data.derive.comparators.comparator_tissues`.

Rule (its docstring): where the Effects cell compares ("better than", "compared to", "versus" ...) MSCs of
tissues its Source cell does not print, those tissues are returned, "+"-joined in the order the Effects cell
first names them; otherwise the value is missing with the reason. Expected values written by hand.
"""

from __future__ import annotations

import pytest

from helpers.data.derive.comparators import comparator_tissues
from helpers.data.derive.result import Derived


@pytest.mark.parametrize(
    ("effects", "source", "expected"),
    [
        pytest.param("hUC-MSCs were better than hBM-MSCs", "hUC-MSC", Derived("BM"), id="one-comparator"),
        pytest.param(
            "UC-MSCs did better than BM-MSCs; BM-MSCs were compared with AD-MSCs",
            "UC-MSC",
            Derived("BM+AD"),
            id="two-comparators-in-order-once-each",
        ),
        pytest.param(
            "hUC-MSCs were better than hBM-MSCs",
            "hUC-MSC/ hBM-MSC",
            Derived(None, "every source the effects cell compares is printed in the Source cell"),
            id="comparator-already-in-source",
        ),
        pytest.param(
            "UC-MSCs and BM-MSCs improved memory",
            "UC-MSC",
            Derived(None, "the effects cell compares no MSC sources"),
            id="no-comparison-word",
        ),
        # A Source cell that cannot be read keeps none of its own tissues, so every compared one is extra.
        pytest.param(
            "Cells versus AD-MSCs", "unknown cells", Derived("AD"), id="unreadable-source-keeps-no-own-tissue"
        ),
    ],
)
def test_the_comparator_tissues_are_those_compared_but_not_printed_as_the_source(effects, source, expected):
    assert comparator_tissues(effects, source) == expected
