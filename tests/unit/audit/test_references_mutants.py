"""Rule R2's message to the letter: the survivors of mutmut over ``helpers.audit.references``.

R2 (a row whose MSC source differs from every source its cited title names)
says which tissue the title names: plain words as "MSCs from <tissue>", an
abbreviation quoted as printed with its usual reading. Whatever the title's
letter case, the message names each tissue the title speaks of, once.
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
    assert found.message.count(f"MSCs from {tissue}") == 1  # named, and once
    assert found.message.endswith(", not the row's BM.")


def test_r2_plain_tissue_words_are_said_as_msc_sources():
    (found,) = finding("R2", {"tissue": "BM"}, "Dental pulp stem cells improve memory in aged mice")
    assert found.message == "The cited article's title speaks of MSCs from dental pulp, not the row's BM."


@pytest.mark.parametrize(
    "title, says",
    [
        # An abbreviation read as its tissue in words: DPSCs are dental pulp stem cells, not "MSCs from DP".
        (
            "DPSCs improve memory in aged mice",
            '"DPSCs" (usually read as MSCs from dental pulp; expanded in no legend of the review)',
        ),
        # Plain words and an abbreviation in one title: both said, separated by a comma.
        (
            "GMSCs and bone marrow MSCs in aged mice",
            'MSCs from bone marrow, "GMSCs" (usually read as MSCs from gingiva; expanded in no legend of the review)',
        ),
    ],
    ids=["abbreviation-read-in-words", "words-and-abbreviation"],
)
def test_r2_says_each_tissue_the_title_names(title, says):
    (found,) = finding("R2", {"tissue": "UC"}, title)
    assert found.message == f"The cited article's title speaks of {says}, not the row's UC."


@pytest.mark.parametrize(
    "model, fires",
    [
        # The model names the disease in words ("Alzheimer's disease"), not by its code: R5 is silent.
        ("Alzheimer's disease model mice", False),
        # The model names it by its code.
        ("AD model mice", False),
        # Neither the model nor the title names any disease: a check.
        ("Aged mice", True),
    ],
    ids=["in-words", "by-code", "nowhere"],
)
def test_r5_reads_the_disease_in_the_model_by_code_or_in_words(model, fires):
    found = finding("R5", {"disease_code": "AD", "animal_model": model}, "Mesenchymal stem cells in aged mice")
    assert [f.rule for f in found] == (["R5"] if fires else [])


@pytest.mark.parametrize(
    "title, says",
    [
        # Title Case: "Dental Pulp" is two words with two capitals, not an abbreviation to quote and expand.
        ("Human Dental Pulp Stem Cells Improve Memory in Aged Mice", "MSCs from dental pulp"),
        ("Umbilical Cord Blood MSCs in Aged Mice", "MSCs from umbilical cord blood"),
        # One token with two capitals or more is an abbreviation, in a Title-Case title too.
        (
            "Human GMSCs Improve Memory in Aged Mice",
            '"GMSCs" (usually read as MSCs from gingiva; expanded in no legend of the review)',
        ),
    ],
    ids=["title-case-words", "title-case-three-words", "abbreviation-in-title-case"],
)
def test_r2_title_case_words_are_said_as_words_not_quoted_as_an_abbreviation(title, says):
    # Found by a helper reading the survivors: "Dental Pulp" was quoted and "expanded in no legend of the review".
    (found,) = finding("R2", {"tissue": "BM"}, title)
    assert found.message == f"The cited article's title speaks of {says}, not the row's BM."
