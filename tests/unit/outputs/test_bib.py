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
