"""Mutation tests for helpers.data.derive.registry: design without a cited title, results cells."""

from __future__ import annotations

import pytest

from helpers.data.derive.registry import results


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param("No results published", False, id="no-results"),
        pytest.param("No results published.", False, id="no-results-full-stop"),
        pytest.param("No results publishedX", True, id="trailing-letter-is-not-the-phrase"),
        pytest.param("Improvement in cognitive functioning", True, id="summary"),
    ],
)
def test_only_a_trailing_full_stop_is_ignored_when_reading_no_results(cell, expected):
    assert results(cell).value is expected


@pytest.mark.parametrize("cell", [pytest.param("", id="empty"), pytest.param("   ", id="blank")])
def test_an_empty_results_cell_is_missing_with_its_reason(cell):
    derived = results(cell)
    assert derived.missing
    assert derived.reason == "the Results cell is empty"
