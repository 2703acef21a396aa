"""One citation, four forms: what each says, for every kind of exhibit."""

from __future__ import annotations

import json

import pytest
import rispy

from helpers.core import catalog
from review.site import citing
from review.site.citing import Citation


def _citation(kind: str, **changes) -> Citation:
    values = dict(
        key="mscs-aging-review-x",
        exhibit="x",
        title="A title,\nover two lines",
        kind=kind,
        version="9.8.7",
        date="2026-11-27",
        file="figures/x.svg",
        sha256="ab" * 32,
        page="exhibits/x.html",
        downloads={"pdf": "files/figures/x.pdf", "svg": "files/figures/x.svg"},
    )
    values.update(changes)
    return Citation(**values)


def test_every_kind_of_exhibit_has_a_genre_in_each_format():
    assert {e.kind for e in catalog.EXHIBITS.values()} <= set(citing.GENRES)


@pytest.mark.parametrize(
    ("kind", "csl_type", "ris_type", "dc_type"),
    [
        ("figure", "figure", "FIGURE", "Image"),
        ("table", "dataset", "DATA", "Dataset"),
        ("dataset", "dataset", "DATA", "Dataset"),
        ("references", "dataset", "DATA", "Dataset"),
        ("audit", "report", "RPRT", "Text"),
    ],
)
def test_each_format_names_the_kind_version_date_and_bytes(kind, csl_type, ris_type, dc_type):
    c = _citation(kind)
    (item,) = json.loads(citing.csl_json(c))
    assert (item["type"], item["version"], item["issued"]) == (csl_type, "9.8.7", {"date-parts": [[2026, 11, 27]]})
    assert "ab" * 32 in item["note"] and item["author"] == [{"literal": citing.AUTHORS}]

    text = citing.ris(c)
    assert text.startswith(f"TY  - {ris_type}\r\n") and text.endswith("ER  - \r\n")
    (record,) = rispy.loads(text)
    assert (record["title"], record["edition"], record["year"]) == ("A title, over two lines", "9.8.7", "2026")

    tags = citing.meta_tags(c, "../")
    assert dict(tags)["DC.type"] == dc_type
    assert dict(tags)["DC.identifier"] == f"figures/x.svg sha256:{'ab' * 32}"


def test_the_pdf_tag_only_when_there_is_a_pdf():
    assert dict(citing.meta_tags(_citation("figure"), "../"))["citation_pdf_url"] == "../files/figures/x.pdf"
    without = _citation("table", downloads={"csv": "files/tables/x.csv"})
    assert "citation_pdf_url" not in dict(citing.meta_tags(without, "../"))


def test_bibtex_escapes_markup_and_braces_the_corporate_author():
    text = citing.bibtex(_citation("table", title="50% of A & B_c"))
    assert "title        = {50\\% of A \\& B\\_c}," in text
    assert "author       = {{The mscs-aging-review contributors}}," in text
    assert "Li \\& Bai (2025)" in text
