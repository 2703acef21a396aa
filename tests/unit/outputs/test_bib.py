"""BibTeX of the reference list: printed fields, nothing invented."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.data import curated
from helpers.outputs import bib, latex
from tests.conftest import ROOT


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("Niccoli T, Partridge L", "Niccoli, T and Partridge, L"),
        ("Dominici M, Le Blanc K, Mueller I et al", "Dominici, M and Le Blanc, K and Mueller, I and others"),
        ("Guarente L, SDA, Kroemer G", "Guarente, L and {SDA} and Kroemer, G"),
        ("Wood MJA, Andaloussi SEL", "Wood, MJA and Andaloussi, SEL"),
        ("López-Otín C, Hägg S", r"L{\'{o}}pez-Ot{\'{\i}}n, C and H{\"{a}}gg, S"),
        ("O'Brien K, Smith_Jones A", r"O'Brien, K and Smith\_Jones, A"),
    ],
)
def test_authors(printed, expected):
    assert bib.authors(printed) == expected


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("36(2):354–376", {"volume": "36", "number": "2", "pages": "354--376"}),
        ("22:R741–52", {"volume": "22", "pages": "R741--52"}),
        ("28(7–8):997–1011", {"volume": "28", "number": "7--8", "pages": "997--1011"}),
        ("97(6):e13267", {"volume": "97", "number": "6", "pages": "e13267"}),
        ("no pages", {}),
    ],
)
def test_volume_pages(printed, expected):
    assert bib.volume_pages(printed) == expected


def test_an_unmapped_character_names_the_reference_and_field():
    refs = curated.load("references").head(2).copy()
    refs.loc[1, "title"] = "A snowman ☃"
    with pytest.raises(
        latex.UnmappedCharacter, match=r"U\+2603 SNOWMAN\) in data/references.csv, reference 2, column 'title'"
    ):
        bib.to_bibtex(refs)


def test_bibtex_is_ascii_with_latex_forms():
    text = bib.to_bibtex(curated.load("references"))
    assert text.isascii()
    assert "author = {L{\\'{o}}pez-Ot{\\'{\\i}}n, C and Blasco, MA" in text  # ref 3
    assert "TGF-$\\beta$, Wnt/$\\beta$-catenin and Hippo pathways" in text


def test_keys_are_unique_ascii_and_ordered():
    refs = curated.load("references")
    keys = [bib.entry_key(r.ref, r.authors, r.year) for r in refs.itertuples()]
    assert len(set(keys)) == 83 and keys[0] == "ref01_Niccoli2012" and keys[2] == "ref03_LopezOtin2023"
    assert all(re.fullmatch(r"ref\d\d_[A-Za-z]+\d{4}", k) for k in keys)


def test_bibtex_keeps_printed_identifiers_and_flags_the_rest():
    text = bib.to_bibtex(curated.load("references"))
    assert text.count("@article{") == 83
    assert "pmid = {36599349}" in text  # ref 3
    # Second reading (references 2.2): a unique number with stray text after it is exported, the stray text noted.
    assert "pmid = {36307672}" in text and "PMID printed followed by 'h', exported without it" in text  # ref 11
    assert "pmid = {37859748}" in text and "followed by 'NCT04388982'" in text  # ref 64
    assert "no PMID printed" in text
    assert text.count("doi = {") == 83


def test_committed_bib_is_what_the_data_renders():
    assert (ROOT / "tables" / "references.bib").read_text(encoding="utf-8") == bib.to_bibtex(curated.load("references"))


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("36307672 h", ("36307672", "h")),  # ref 11 as printed
        ("37859748 NCT04388982", ("37859748", "NCT04388982")),  # ref 64 as printed
        ("36599349", None),  # a plain PMID: no stray text
        ("2012;22:R741–52", None),  # no PMID at all (ref 1)
        ("", None),
    ],
)
def test_leading_pmid_splits_a_number_from_stray_text(printed, expected):
    assert bib.leading_pmid(printed) == expected


def test_an_author_printed_as_initials_only_is_noted():
    """Second reading references 2.3: ref 2 prints "SDA" between Guarente L and Kroemer G."""
    assert bib.unnamed_authors("Guarente L, SDA, Kroemer G") == ["SDA"]
    assert bib.unnamed_authors("Dominici M, Le Blanc K, Mueller I et al") == []
    text = bib.to_bibtex(curated.load("references"))
    entry = text[text.index("@article{ref02_") :].split("\n}\n")[0]
    assert "an author is printed as 'SDA' (initials only, no surname); kept as printed" in entry
    assert sum("initials only" in e for e in text.split("@article{")) == 1


def _refs(*rows: tuple[int, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"ref": r, "pmid": pmid, "title": title, "citation": f"A. {title}. PMID: {pmid}"} for r, pmid, title in rows]
    )


@pytest.mark.parametrize(
    "rows, expected",
    [
        # Third reading (references 3.2): a unique number printed inside the title, no PMID field (ref 35).
        (((35, "", "PMID: 31637885 adipose-derived stem cell"), (3, "36599349", "t")), ("31637885", "title")),
        # The same number printed for another reference as well: distrusted like any shared PMID.
        (((35, "", "PMID: 31637885 adipose-derived stem cell"), (3, "31637885", "t")), ("", "suspect")),
        # A title with no number and an empty field: nothing to export.
        (((35, "", "Adipose-derived stem cell"), (3, "36599349", "t")), ("", "none")),
    ],
)
def test_a_pmid_inside_the_title_is_exported_when_unique(rows, expected):
    refs = _refs(*rows)
    first = next(refs.itertuples(index=False))
    assert bib.pmid_export(first, bib.suspect_pmids(refs)) == expected


# --- fourth reading: printed-vs-printed slips in the reference list get a note -----------------------------------


def _entry(ref: int) -> str:
    text = bib.to_bibtex(curated.load("references"))
    return text[text.index(f"@article{{ref{ref:02d}_") :].split("\n}\n")[0]


@pytest.mark.parametrize(
    "authors, expected",
    [
        ("brahim N, Al Saihati HA, Alali Z", ["brahim N"]),  # ref 56 as printed
        ("van der Berg A, de Souza B, Smith C", []),  # particles are lower case on purpose
        ("Guarente L, SDA, Kroemer G", []),  # initials only: I12's business
    ],
)
def test_lower_case_surnames(authors, expected):
    assert bib.lower_case_surnames(authors) == expected


def test_ref56s_lower_case_author_is_noted():
    """Fourth reading references 4.2: "brahim N" gets a note, as ref 2's "SDA" does (2.3)."""
    entry = _entry(56)
    assert "author = {brahim, N and" in entry  # kept as printed
    assert "an author is printed as 'brahim N' (surname in lower case" in entry


@pytest.mark.parametrize(
    "dois, expected",
    [
        # Fourth reading 4.1: the print's 2020-2024 10.1186 DOIs have a 5-digit serial; ref 13 (2022) has 4.
        ({13: "10.1186/s12958-022-0992-5", 21: "10.1186/s13287-022-02724-3", 20: "10.1186/s13287-019-1136-x"}, [13]),
        # A 2019 DOI with 4 digits beside later 5-digit ones is the list's own older form.
        ({20: "10.1186/s13287-019-1136-x", 21: "10.1186/s13287-022-02724-3"}, []),
        # Another registrant's DOIs are not compared.
        ({13: "10.1186/s12958-022-0992-5", 99: "10.9999/s13287-020-02067-x"}, []),
    ],
)
def test_short_doi_serials(dois, expected):
    refs = pd.DataFrame({"ref": list(dois), "doi": list(dois.values())})
    assert sorted(bib.short_doi_serials(refs)) == expected


def test_ref13s_doi_is_noted_against_the_lists_other_dois():
    """Fifth reading references 5.1 / audit 5.1: the print holds 18 DOIs of the 10.1186/s…-YY-serial form. Besides
    ref 13, the 12 from 2020 on (refs 5, 14, 15, 16, 18, 21, 22, 23, 29, 39, 50, 63) all have 5-digit serials; the
    5 from 2018-2019 (refs 20, 26, 45, 46, 76) have 4. Recounted from the print's reference list."""
    entry = _entry(13)
    assert "doi = {10.1186/s12958-022-0992-5}" in entry  # exported as printed
    assert (
        "its serial has 4 digits where all 12 other printed DOIs of this form from 2020 on have 5 "
        "(references 5, 14, 15, 16, 18, 21, 22, 23, 29, 39, 50, 63); "
        "only the 5 from 2018-2019 have 4 (references 20, 26, 45, 46, 76)"
    ) in " ".join(entry.split())
    assert "same or an earlier year have more" not in entry
    assert sorted(bib.short_doi_serials(curated.load("references"))) == [13]


def test_ref47s_journal_form_is_noted():
    """Fourth reading references 4.3 (a): "Sci. Rep" (ref 47) beside "Sci Rep" (refs 10, 58, 59)."""
    entry = _entry(47)
    assert "journal = {Sci. Rep}" in entry
    assert "journal printed 'Sci. Rep', elsewhere 'Sci Rep' (references 10, 58, 59); kept as printed" in entry
    assert sorted(bib.journal_variants(curated.load("references"))) == [47]
