"""How an exhibit is cited, once, in every form a reader or a reference manager takes.

One :class:`Citation` per exhibit holds the facts: the exhibit's title, the
project's authors, version and release date, the file a citation names and
its SHA-256 from the manifest, and the review the content comes from. The
page's "Cite this" box, its ``citation_*`` (Highwire Press) and ``DC.*``
(Dublin Core) meta tags, which Zotero's "Embedded Metadata" import reads, and
the CSL-JSON and RIS downloads are all rendered from it, so they cannot
disagree.

CSL-JSON and RIS are written here rather than with a library: both are
small, fixed records (the formats' libraries, citeproc-py and rispy, read
them back in the tests).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from helpers.core import catalog, project, source
from helpers.core.catalog import Exhibit

from .context import Context

__all__ = [
    "AUTHORS",
    "GENRES",
    "PROJECT",
    "primary_file",
    "Citation",
    "cite",
    "cite_view",
    "csl_json",
    "ris",
    "meta_tags",
    "bibtex",
    "release_date",
]

# The project's name, authors and genres, and its release, have one home: helpers.core.project.
PROJECT, AUTHORS, GENRES = project.PROJECT, project.AUTHORS, project.GENRES


def release_date(cff: Path | None = None) -> str:
    """The release date of this version, from ``CITATION.cff`` (``date-released``), as ``YYYY-MM-DD``."""
    return project.release(cff).date


# The file a citation names: one rule for the notebooks' "Cite as" line and the site.
primary_file = project.primary_file


@dataclass(frozen=True)
class Citation:
    """Everything a citation of one exhibit says.

    Attributes
    ----------
    key : str
        The citation key, ``mscs-aging-review-<id>``.
    exhibit, title, kind : str
        The exhibit's id, title and kind (table, figure, references, dataset).
    version, date : str
        The project's version and its release date (``YYYY-MM-DD``).
    file, sha256 : str
        The file the citation names and its SHA-256 from the manifest.
    page : str
        The exhibit page's site path, ``exhibits/<id>.html`` (a view's, ``views/<id>/<slug>/index.html``).
    downloads : dict
        ``{"pdf": path, "png": path, ...}``: the exhibit's files by format, as
        site paths (``files/...``), for the ``citation_pdf_url`` and ``DC.format`` tags.
    """

    key: str
    exhibit: str
    title: str
    kind: str
    version: str
    date: str
    file: str
    sha256: str
    page: str
    downloads: dict[str, str]
    selection: str = ""  # a view's selection ("Selection: diseases AD"); empty for the published exhibit

    @property
    def genre(self) -> str:
        """What the cited thing is, in words a reference list uses."""
        return GENRES[self.kind][0]

    @property
    def note(self) -> str:
        """The exact bytes cited, and where the content comes from."""
        view = f" ({self.selection}; site page {self.page})" if self.selection else ""
        return (
            f"Exhibit {self.exhibit}{view}, file {self.file}, SHA-256 {self.sha256}. Regenerated from data "
            f"transcribed from {source.short()} ({source.REVIEW.licence})."
        )

    @property
    def reference(self) -> str:
        """A plain-text reference, for a reader who copies it by hand."""
        view = f", view {self.page} ({self.selection})" if self.selection else ""
        return (
            f"{self.title} ({self.file}, SHA-256 {self.sha256}). Exhibit {self.exhibit}{view} of {PROJECT}, "
            f"version {self.version}, regenerated from data transcribed from {catalog.SOURCE} "
            f"Licence of the content: {source.REVIEW.licence}."
        )


def cite(ctx: Context, exhibit: Exhibit) -> Citation:
    """The citation of ``exhibit`` from the manifest's entry and the project's release."""
    files = ctx.entry(exhibit.id).get("files", {})
    primary = primary_file(exhibit, files) or ""
    downloads = {}
    for name in sorted(files):
        suffix = Path(name).suffix.lstrip(".")
        downloads.setdefault(suffix, "files/" + name)
    return Citation(
        key=f"{PROJECT}-{exhibit.id}",
        exhibit=exhibit.id,
        title=exhibit.title,
        kind=exhibit.kind,
        version=ctx.version,
        date=release_date(),
        file=primary,
        sha256=files.get(primary, ""),
        page=project.page(exhibit),
        downloads=downloads,
    )


def cite_view(ctx: Context, exhibit: Exhibit, *, slug: str, selection: str, files: dict[str, str]) -> Citation:
    """The citation of one of ``exhibit``'s views: its own title, file and SHA-256 (from its run record) and page.

    ``files`` maps the view's file names (in ``runs/<slug>/``) to their
    SHA-256; the citation names them by that project path, which ``review run``
    reproduces, and its downloads by their copies beside the view's page.
    """
    page = project.view_page(exhibit.id, slug)
    folder = page.rsplit("/", 1)[0]
    primary = primary_file(exhibit, files) or ""
    downloads = {}
    for name in sorted(files):
        downloads.setdefault(Path(name).suffix.lstrip("."), f"{folder}/{name}")
    return Citation(
        key=f"{PROJECT}-{slug}",
        exhibit=exhibit.id,
        title=f"{exhibit.title} ({selection})",
        kind=exhibit.kind,
        version=ctx.version,
        date=release_date(),
        file=f"runs/{slug}/{primary}" if primary else "",
        sha256=files.get(primary, ""),
        page=page,
        downloads=downloads,
        selection=selection,
    )


def _date_parts(date: str) -> list[int]:
    return [int(part) for part in date.split("-")]


def csl_json(c: Citation) -> str:
    """The citation as CSL-JSON (a list of one item), as citation processors and Zotero import it."""
    item = {
        "id": c.key,
        "type": GENRES[c.kind][1],
        "title": c.title,
        "author": [{"literal": AUTHORS}],
        "issued": {"date-parts": [_date_parts(c.date)]},
        "version": c.version,
        "publisher": PROJECT,
        "genre": c.genre,
        "medium": c.file,
        "note": c.note,
        "references": source.citation(),
    }
    return json.dumps([item], indent=2, ensure_ascii=False) + "\n"


def ris(c: Citation) -> str:
    """The citation as RIS, the tagged format reference managers and journals import.

    RIS lines are ``TAG  - value``; a value never spans lines, so any line
    break in a field is folded into a space.
    """

    def line(tag: str, value: str) -> str:
        return f"{tag}  - {' '.join(value.split())}"

    lines = [
        line("TY", GENRES[c.kind][2]),
        line("ID", c.key),
        line("TI", c.title),
        line("AU", AUTHORS),
        line("PY", c.date[:4]),
        line("DA", c.date.replace("-", "/")),
        line("ET", c.version),
        line("PB", PROJECT),
        line("M3", c.genre),
        line("N1", c.note),
        line("N1", f"Content: {source.citation()}"),
        "ER  - ",
    ]
    return "\r\n".join(lines) + "\r\n"


def _bibtex_text(text: str) -> str:
    """Escape what BibTeX reads as markup in a field's text."""
    return re.sub(r"([{}&%$#_\\])", r"\\\1", text)


def bibtex(c: Citation) -> str:
    """The citation as BibTeX: the exhibit, and the review it is related to."""
    return "\n".join(
        [
            f"@misc{{{c.key},",
            f"  author       = {{{{{AUTHORS}}}}},",
            f"  title        = {{{_bibtex_text(c.title)}}},",
            f"  howpublished = {{{PROJECT}, version {c.version}, exhibit {c.exhibit}}},",
            f"  version      = {{{c.version}}},",
            f"  year         = {{{c.date[:4]}}},",
            f"  note         = {{File {_bibtex_text(c.file)}, SHA-256 {c.sha256}. Regenerated from data "
            f"transcribed from {_bibtex_text(source.short())}, {source.REVIEW.licence}}},",
            "  related      = {li-bai-2025},",
            "}",
            "",
            "@article{li-bai-2025,",
            f"  author = {{{source.bibtex_authors()}}},",
            f"  title  = {{{source.REVIEW.title}}},",
            f"  year   = {{{source.REVIEW.year}}},",
            f"  note   = {{Review, open access. Licensed {source.REVIEW.licence}}},",
            "}",
        ]
    )


def meta_tags(c: Citation, root: str) -> list[tuple[str, str]]:
    """``(name, content)`` of the page's Highwire Press and Dublin Core tags, in a fixed order.

    Parameters
    ----------
    c : Citation
        The exhibit's citation.
    root : str
        The page's way up to the site's root (``"../"`` for an exhibit page):
        file URLs are relative, because the site is served from wherever its
        reader puts it.
    """
    tags = [
        ("citation_title", c.title),
        ("citation_author", AUTHORS),
        ("citation_publication_date", c.date.replace("-", "/")),
        ("citation_date", c.date.replace("-", "/")),
        ("citation_publisher", PROJECT),
        ("citation_technical_report_number", f"{c.key.removeprefix(PROJECT + '-')}, version {c.version}"),
        ("citation_language", "en"),
        ("citation_keywords", "mesenchymal stem cells; exosomes; aging"),
    ]
    if "pdf" in c.downloads:
        tags.append(("citation_pdf_url", root + c.downloads["pdf"]))
    tags += [
        ("DC.title", c.title),
        ("DC.creator", AUTHORS),
        ("DC.date", c.date),
        ("DC.type", GENRES[c.kind][3]),
        ("DC.format", ", ".join(sorted(c.downloads))),
        ("DC.identifier", f"{c.file} sha256:{c.sha256}"),
        ("DC.publisher", PROJECT),
        ("DC.relation.isVersionOf", f"{PROJECT} {c.version}"),
        ("DC.source", source.citation()),
        ("DC.rights", f"Content: {source.REVIEW.licence} ({source.REVIEW.licence_url})"),
        ("DC.language", "en"),
    ]
    if c.selection:  # a view: what it selects, and the page it is served on
        tags += [("DC.coverage", c.selection), ("DC.relation.isPartOf", c.page)]
    return tags
