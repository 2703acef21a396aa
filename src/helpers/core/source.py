"""The review this project regenerates: its citation, stated once.

Every other place that names the review reads it from here: the catalog's
citation text and figure notes (:mod:`helpers.core.catalog`), the site's
BibTeX (:mod:`review.site`), and the figures' metadata. ``CITATION.cff`` is
for people and GitHub, so it keeps its own copy in its own format;
``tests/unit/core/test_source.py`` checks that it says the same.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Review", "REVIEW", "citation", "short", "bibtex_authors"]


class Review(NamedTuple):
    """The bibliographic facts of the review, as its publisher prints them."""

    authors: tuple[tuple[str, str], ...]  # (family name, given names), in printed order
    title: str
    year: int
    published: str  # ISO date
    licence: str  # as a reader writes it
    licence_spdx: str
    licence_url: str


REVIEW = Review(
    authors=(("Li", "Hang"), ("Bai", "Lin")),
    title="Advances in mesenchymal stem cell and exosome-based therapies for aging and age-related diseases",
    year=2025,
    published="2025-07-26",
    licence="CC BY-NC-ND 4.0",
    licence_spdx="CC-BY-NC-ND-4.0",
    licence_url="https://creativecommons.org/licenses/by-nc-nd/4.0/",
)


def citation(review: Review = REVIEW) -> str:
    """Vancouver-style text: ``Li H, Bai L. <title>. 2025.``"""
    names = ", ".join(f"{family} {''.join(g[0] for g in given.split())}" for family, given in review.authors)
    return f"{names}. {review.title}. {review.year}."


def short(review: Review = REVIEW) -> str:
    """Author-year form for notes and titles: ``Li & Bai (2025)``."""
    families = [family for family, _ in review.authors]
    names = " & ".join(families) if len(families) <= 2 else f"{families[0]} et al."
    return f"{names} ({review.year})"


def bibtex_authors(review: Review = REVIEW) -> str:
    """BibTeX ``author`` field: ``Li, Hang and Bai, Lin``."""
    return " and ".join(f"{family}, {given}" for family, given in review.authors)
