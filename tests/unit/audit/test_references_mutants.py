"""Rule R2's message to the letter: the survivors of mutmut over ``helpers.audit.references``.

R2 (a row whose MSC source differs from every source its cited title names)
says which tissue the title names: plain words as "MSCs from <tissue>", an
abbreviation quoted as printed with its usual reading. Whatever the title's
letter case, the message names the tissue the title speaks of.
"""

from __future__ import annotations

import pytest

from tests.unit.audit.test_references import finding


@pytest.mark.parametrize(
    "title, tissue",
    [
        ("Dental pulp stem cells improve memory in aged mice", "dental pulp"),
        # A title printed in Title Case: the tissue is still named ("Dental Pulp" has two capitals).
        ("Human Dental Pulp Stem Cells Improve Memory in Aged Mice", "dental pulp"),
        ("Umbilical Cord Blood MSCs in mice", "umbilical cord blood"),
        # An abbreviation only (Table 1 row 26 cites such a title, "GMSCs"): quoted, with its usual reading.
        ("CD39 produced from human GMSCs in osteoporosis", "gingiva"),
    ],
    ids=["plain-words", "title-case-two-capitals", "title-case-three-capitals", "abbreviation"],
)
def test_r2_message_names_the_tissue_the_title_speaks_of(title, tissue):
    (found,) = finding("R2", {"tissue": "BM"}, title)
    assert f"MSCs from {tissue}" in found.message
    assert found.message.endswith(", not the row's BM.")


def test_r2_plain_tissue_words_are_said_as_msc_sources():
    (found,) = finding("R2", {"tissue": "BM"}, "Dental pulp stem cells improve memory in aged mice")
    assert found.message == "The cited article's title speaks of MSCs from dental pulp, not the row's BM."
