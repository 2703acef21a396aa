"""The references exhibit read against the print: every number of its notice, and the BibTeX notes.

Expected values are recounted from the printed reference list (the seed text),
as the blind reading of docs/reviews/references.md did.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.unit.analysis._stored import markdown_outputs, numbers

# Recounted from the print: refs 30 and 43 print 35226669, 33 and 34 print 37348174,
# 40 and 44 print 30000000, and 39 prints the round 32000000.
SUSPECT = {30: "43", 43: "30", 33: "34", 34: "33", 40: "44", 44: "40", 39: None}


@pytest.fixture(scope="module")
def bibtex() -> dict[int, str]:
    text = (ROOT / "tables" / "references.bib").read_text(encoding="utf-8")
    return {int(m[1]): m[0] for m in re.finditer(r"@article\{ref(\d+)_.*?\n\}", text, re.S)}


def test_every_number_of_the_notice_is_a_recount_of_the_print():
    notice = next(t for t in markdown_outputs("references") if "references from" in t)
    expected = [
        83,  # references printed
        2006,  # earliest year (ref. 6, Dominici 2006)
        2024,  # latest year
        61,  # 2020-2024: 10 + 12 + 12 + 10 + 17
        64,  # entries whose PMID is a plain 7-8 digit number
        7,  # of which printed twice or round: 30, 43, 33, 34, 40, 44, 39
        30,
        43,
        33,
        34,
        39,
        40,
        44,  # named in pairs, as printed
        # third reading 3.1: what the 83 - 64 = 19 others print
        19,
        2,  # a number followed by other text: ref 11 "36307672 h", ref 64 "37859748 NCT04388982"
        11,
        64,
        3,  # fifth reading 5.2: NCT04388982 is the NCT number Table 3 prints on row 12
        12,
        1,  # a number inside the title, with no PMID field: ref 35 "PMID: 31637885 adipose-derived …"
        35,
        16,  # 19 - 2 - 1: none, a bare label, or the citation text of ref 1
        60,  # entries with a pmid field: 64 - 7 + 2 + 1
        83,
    ]
    assert numbers(notice) == expected, notice
    assert "as printed" in notice and "none was corrected" in notice


def test_ref35_exports_the_pmid_printed_inside_its_title_and_says_so(bibtex):
    """Third reading 3.2 and 3.3: 31637885 is printed once, at the start of ref 35's title, and nowhere else,
    so it is as usable as refs 11's and 64's; the note says the title field still carries the prefix."""
    assert "pmid = {31637885}" in bibtex[35]
    assert "PMID printed inside the title ('PMID: 31637885'), not after the DOI, exported as that number" in bibtex[35]
    assert "the title field keeps the printed prefix, which a citation should leave out" in bibtex[35]
    assert "title = {{PMID: 31637885 adipose-derived" in bibtex[35]  # the title stays as printed


def test_the_number_of_pmid_fields_is_the_notices(bibtex):
    """Third reading 3.1: 60 entries carry a pmid field (64 plain - 7 distrusted + refs 11, 64 and 35)."""
    assert sum("pmid = {" in entry for entry in bibtex.values()) == 60


@pytest.mark.parametrize("ref", sorted(SUSPECT))
def test_pmids_printed_twice_or_round_are_kept_in_note_not_pmid(bibtex, ref):
    entry = bibtex[ref]
    assert "pmid = " not in entry and "not exported as a pmid field" in entry
    if SUSPECT[ref]:
        assert f"printed for reference {SUSPECT[ref]}, so at least one of them is wrong" in entry
    if ref in (39, 40, 44):
        assert "a round number, probably a placeholder" in entry


def test_a_plain_unique_pmid_stays_a_pmid_field(bibtex):
    assert "pmid = {38181790}" in bibtex[2]


@pytest.mark.parametrize(
    "ref, note",
    [
        (83, "also printed: Aging (Albany NY). 2021;13(8):11542--11563"),  # the journal printed twice
        (51, "also printed: Epub 2023 Mar 31"),
        (5, "the label PMID is printed with no number"),
        (9, "no PMID printed"),
    ],
)
def test_what_the_citation_prints_beyond_the_fields_is_in_the_note(bibtex, ref, note):
    assert note in bibtex[ref]


def test_the_bibtex_header_counts_its_entries(bibtex):
    header = (ROOT / "tables" / "references.bib").read_text(encoding="utf-8").splitlines()[0]
    assert numbers(header) == [len(bibtex), 2025] and len(bibtex) == 83  # the print lists refs 1-83


def test_a_selections_header_says_out_of_how_many():
    from helpers.data import curated
    from helpers.outputs import bib

    full = curated.load("references")
    assert bib.to_bibtex(full.head(12), full).startswith("% 12 of the 83 references of Li & Bai (2025)")


@pytest.mark.parametrize("exhibit", ["references", "table4", "audit"])
def test_captions_state_no_uncomputed_number(exhibit):
    from helpers.core import catalog

    # Numbers belong in the computed notices; a caption may only name a printed table ("Table 4").
    caption = catalog.get(exhibit).caption
    assert numbers(caption.replace("Table 4", "")) == [], caption


def test_ref64s_trailing_text_is_named_as_the_trial_it_reports(bibtex):
    """Fifth reading 5.2: ref 64's PMID field ends "NCT04388982", the number of Table 3 row 12 (the phase I/II
    exosome trial in AD that ref 64 reports); ref 11's "h" is stray."""
    notice = next(t for t in markdown_outputs("references") if "references from" in t)
    assert "reference 11: a stray 'h'; reference 64: the registry number NCT04388982 of Table 3 row 12" in notice
    assert "stray text" not in notice
    assert "followed by 'NCT04388982', the registry number Table 3 prints on row 12, exported without it" in " ".join(
        bibtex[64].split()
    )
    assert "PMID printed followed by 'h', exported without it" in bibtex[11]
