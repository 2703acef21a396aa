"""Direct tests of :func:`helpers.data.derive.sources.msc_sources`: tissue and donor species per source.

Rules (its docstring): one (tissue, donor species) pair per source in printed order; a one-letter prefix
(h, m, r) or a species word gives the species; without one the species is missing ("no species prefix
printed"); an empty cell gives one pair of missing values ("no MSC source printed"). Written by hand.
"""

from __future__ import annotations

import pytest

from helpers.data.derive.result import Derived, Source
from helpers.data.derive.sources import msc_sources

NO_PREFIX = Derived(None, "no species prefix printed")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param(
            "",
            (Source(Derived(None, "no MSC source printed"), Derived(None, "no MSC source printed")),),
            id="empty-cell",
        ),
        pytest.param(
            "   ",
            (Source(Derived(None, "no MSC source printed"), Derived(None, "no MSC source printed")),),
            id="blank-cell",
        ),
        pytest.param(
            "hUCMSC/ rAD-MSC",
            (Source(Derived("UC"), Derived("human")), Source(Derived("AD"), Derived("rat"))),
            id="two-prefixed-sources-in-order",
        ),
        pytest.param("Rabbit AD-MSC", (Source(Derived("AD"), Derived("rabbit")),), id="species-word"),
        pytest.param("BMMSC-Exos", (Source(Derived("BM"), NO_PREFIX),), id="no-species-prefix"),
        pytest.param("UCB-MSC", (Source(Derived("UCB"), NO_PREFIX),), id="cord-blood-not-cord"),
    ],
)
def test_each_printed_source_gives_its_tissue_and_donor_species(cell, expected):
    assert msc_sources(cell) == expected
