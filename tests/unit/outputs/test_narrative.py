"""helpers.outputs.narrative: numbers a caption states (issue 21, a mutant only nbval caught)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.outputs import narrative

REFERENCE_YEARS = [
    # rule, years, pmids, the sentence's numbers
    (
        "the last five years of 2019-2024 are 2020-2024",
        [2019, 2020, 2021, 2024],
        ["12345678", "1234567", "123", "PMID 1234567"],
        "4 references from 2019 to 2024; 3 of them from the last five years of that span. 2 print a plain PMID",
    ),
    (
        "a year six years before the latest is not recent",
        [2015, 2018, 2019, 2023],
        ["", "", "", "7654321"],
        "4 references from 2015 to 2023; 2 of them from the last five years of that span. 1 print a plain PMID",
    ),
    (
        "one reference is recent by itself",
        [2010],
        ["123456789"],
        "1 reference from 2010 to 2010; 1 of them from the last five years of that span. 0 print a plain PMID",
    ),
]


@pytest.mark.parametrize("rule, years, pmids, sentence", REFERENCE_YEARS, ids=[r[0] for r in REFERENCE_YEARS])
def test_references_notice_counts_the_last_five_years_of_the_span(rule, years, pmids, sentence):
    """references_notice: recent = published in the latest year or the four before it (five years)."""
    refs = pd.DataFrame({"year": [str(y) for y in years], "pmid": pmids})
    assert narrative.references_notice(refs).startswith(sentence), rule


def test_references_notice_without_references():
    """No reference: one sentence saying so."""
    empty = pd.DataFrame({"year": [], "pmid": []})
    assert narrative.references_notice(empty) == "No reference is cited by the studies of this selection."
