"""Rules I12 and I13 (the form of a reference's authors), checked finding by finding.

I12 reports an author printed as initials with no surname ("SDA"); I13 an
author whose surname starts in lower case ("brahim N") that is no particle
such as "van". Both are a ``check`` on the reference list's ``authors`` field,
one per author picked out, with the reference and its whole printed author
list as evidence, and the author as printed as the finding's subject. The
tests call the rule functions on two- or three-row reference lists and compare
whole :class:`~helpers.audit.registry.Finding` values, so every field of the
finding (table, field, evidence, message, subject) is guarded.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.audit.identifiers import author_initials_only, author_lower_case
from helpers.audit.registry import Finding


def reference_list(*authors: str) -> pd.DataFrame:
    """A reference list numbered from 1 with the given printed author lists."""
    return pd.DataFrame({"ref": list(range(1, len(authors) + 1)), "authors": list(authors)})


I12_SAID = "initials with no surname"
I13_SAID = "a surname starting in lower case, unlike every other author"


@pytest.mark.parametrize(
    "authors, expected",
    [
        pytest.param(
            ("Guarente L, Sinclair DA, Kroemer G", "Guarente L, SDA, Kroemer G"),
            [
                Finding(
                    "I12",
                    "check",
                    "references",
                    "2",
                    "authors",
                    'reference 2 authors "Guarente L, SDA, Kroemer G"',
                    f'An author is printed as "SDA", {I12_SAID}.',
                    "SDA",
                )
            ],
            id="initials-only-author-is-one-check-on-its-reference",
        ),
        pytest.param(
            ("AB, Smith J, CD et al",),
            [
                Finding(
                    "I12",
                    "check",
                    "references",
                    "1",
                    "authors",
                    'reference 1 authors "AB, Smith J, CD et al"',
                    f'An author is printed as "AB", {I12_SAID}.',
                    "AB",
                ),
                Finding(
                    "I12",
                    "check",
                    "references",
                    "1",
                    "authors",
                    'reference 1 authors "AB, Smith J, CD et al"',
                    f'An author is printed as "CD", {I12_SAID}.',
                    "CD",
                ),
            ],
            id="two-initials-only-authors-are-two-checks-in-printed-order",
        ),
        pytest.param(("Guarente L, Sinclair DA", "Dominici M, Le Blanc K et al"), [], id="named-authors-no-check"),
    ],
)
def test_i12_one_check_per_author_printed_as_initials_only(authors, expected):
    """I12: each author printed as initials only is one check naming that author, with the list as evidence."""
    assert author_initials_only(reference_list(*authors)) == expected


@pytest.mark.parametrize(
    "authors, expected",
    [
        pytest.param(
            ("Smith J, Jones K", "Ali M, brahim N, Chen X"),
            [
                Finding(
                    "I13",
                    "check",
                    "references",
                    "2",
                    "authors",
                    'reference 2 authors "Ali M, brahim N, Chen X"',
                    f'An author is printed as "brahim N", {I13_SAID}.',
                    "brahim N",
                )
            ],
            id="lower-case-surname-is-one-check-on-its-reference",
        ),
        # "van der Berg" starts in lower case on purpose: a particle, not a lost capital.
        pytest.param(("van der Berg A, de Souza B",), [], id="particles-are-not-reported"),
    ],
)
def test_i13_one_check_per_surname_printed_in_lower_case(authors, expected):
    """I13: a surname starting in lower case (not a particle) is one check quoting the author as printed."""
    assert author_lower_case(reference_list(*authors)) == expected


def test_finding_key_names_reference_field_and_author():
    """The key of an I12 finding is rule|references|ref|authors|author, so two authors of one reference differ."""
    found = author_initials_only(reference_list("AB, Smith J, CD"))
    assert [f.key for f in found] == ["I12|references|1|authors|AB", "I12|references|1|authors|CD"]
