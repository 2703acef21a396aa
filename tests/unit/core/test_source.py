"""The review's citation has one home, helpers.core.source; CITATION.cff and the catalog agree with it."""

from __future__ import annotations

import yaml

from helpers.core import catalog, source
from tests.conftest import ROOT


def _cff_review() -> dict:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    (article,) = [r for r in cff["references"] if r["type"] == "article"]
    return article


def test_citation_cff_names_the_review_as_the_source_module_does():
    article, review = _cff_review(), source.REVIEW
    assert article["title"] == review.title
    assert [(a["family-names"], a["given-names"]) for a in article["authors"]] == list(review.authors)
    assert article["year"] == review.year
    assert str(article["date-published"]) == review.published
    assert article["license"] == review.licence_spdx


def test_the_catalog_cites_the_review_from_the_source_module():
    assert f"Li H, Bai L. {source.REVIEW.title}. 2025." == catalog.SOURCE
    assert catalog.SOURCE_SHORT == "Source: Li & Bai (2025), CC BY-NC-ND 4.0"
    assert catalog.LICENCE.startswith("CC BY-NC-ND 4.0 ")


def test_the_formats_follow_the_authors_not_a_fixed_string():
    three = source.REVIEW._replace(authors=(("Smith", "Anna Maria"), ("Doe", "J"), ("Roe", "K")), year=2030)
    assert source.citation(three).startswith("Smith AM, Doe J, Roe K. ")
    assert source.short(three) == "Smith et al. (2030)"
    assert source.bibtex_authors(three) == "Smith, Anna Maria and Doe, J and Roe, K"


def test_no_other_source_file_spells_out_the_review():
    """The title and the author list live in helpers/core/source.py only; everything else reads them."""
    spelled = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "src").rglob("*.py")
        if p.name != "source.py"
        and (source.REVIEW.title in p.read_text(encoding="utf-8") or "Li, Hang" in p.read_text(encoding="utf-8"))
    ]
    assert spelled == []
