"""Direct tests of :func:`helpers.data.derive.modification.modification_words`.

Rule (its docstring): the words of a cell that name each kind of modification, the first match per kind,
in the order of ``MODIFICATIONS``; spaces are squashed first. Expected dicts written by hand.
"""

from __future__ import annotations

import pytest

from helpers.data.derive.modification import modification_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Hypoxia-preconditioned  MSCs in a collagen scaffold",
            {"primed": "Hypoxia", "biomaterial": "collagen"},
            id="priming-and-carrier",
        ),
        pytest.param(
            "MSCs overexpressing Nrf2 combined with metformin",
            {"engineered": "overexpressing", "co-treatment": "combined"},
            id="engineering-and-co-treatment",
        ),
        pytest.param("a CD146+ subpopulation of MSCs", {"selected": "subpopulation"}, id="selected-subset"),
        pytest.param("MSCs improved memory", {}, id="no-modification"),
    ],
)
def test_modification_words_are_the_first_words_naming_each_kind(text, expected):
    assert modification_words(text) == expected
