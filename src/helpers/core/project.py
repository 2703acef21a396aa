"""This project as a citable work: its name, authors, release and the "Cite as" line, stated once.

The site's Cite-this box, its meta tags, CSL-JSON and RIS (:mod:`review.site.citing`)
and the line each notebook shows under its parameters (:func:`cite_as`) take
these facts from here, so a notebook and its page cannot cite differently.

The release (version and date) is read from ``CITATION.cff``, the file a
reader and Zenodo read; ``tests/unit/core/test_version.py`` holds it equal to
``pyproject.toml``'s version. A notebook that cites records the read, so a
new release reruns it and its "Cite as" line never names an old version.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import yaml

from helpers.core import paths, runrecord, source
from helpers.core.catalog import Exhibit

__all__ = [
    "PROJECT",
    "AUTHORS",
    "GENRES",
    "Release",
    "release",
    "page",
    "view_page",
    "primary_file",
    "companions",
    "cite_as",
]

#: The project's name, and its authors as CITATION.cff names them (one corporate author).
PROJECT = "mscs-aging-review"
AUTHORS = "The mscs-aging-review contributors"
#: Per exhibit kind: (genre in words, CSL item type, RIS reference type, Dublin Core type).
GENRES = {
    "figure": ("Figure", "figure", "FIGURE", "Image"),
    "table": ("Table", "dataset", "DATA", "Dataset"),
    "dataset": ("Dataset", "dataset", "DATA", "Dataset"),
    "references": ("Bibliography", "dataset", "DATA", "Dataset"),
    "audit": ("Audit report", "report", "RPRT", "Text"),
}


class Release(NamedTuple):
    """The version a citation names and its release date (``YYYY-MM-DD``)."""

    version: str
    date: str


def release(cff: Path | None = None) -> Release:
    """The project's release as ``CITATION.cff`` states it (``version``, ``date-released``).

    A citation needs a date, and an output must not carry today's (outputs
    are deterministic); the release date is the one date the project states.
    """
    path = cff or paths.ROOT / "CITATION.cff"
    runrecord.note_read(path)
    return _parsed(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _parsed(text: str) -> Release:
    # Keyed on the file's text, so an edited file is parsed again. The site asks
    # once per page and download (about 400 times with the views), and PyYAML
    # parsing this file each time was a second of every views render.
    data = yaml.safe_load(text)
    return Release(str(data["version"]), str(data["date-released"]))


def page(exhibit: Exhibit) -> str:
    """The exhibit's page on the project's site, as a site path."""
    return f"exhibits/{exhibit.id}.html"


def view_page(exhibit: str, slug: str) -> str:
    """A view's page on the project's site (``make views``), as a site path; its files sit beside it.

    ``slug`` is the run's folder name (``runs/<slug>/``, e.g. ``fig1_diseases-AD``), so the page, the run
    folder and the command that reruns it name the selection the same way.
    """
    return f"views/{exhibit}/{slug}/index.html"


def primary_file(exhibit: Exhibit, files: dict[str, str]) -> str | None:
    """The file a citation names: the SVG of a figure, the exhibit's own CSV otherwise (the references too)."""
    names = sorted(files)
    for suffix in (".svg", f"{exhibit.id}.csv", ".bib", ".csv"):
        for name in names:
            if name.endswith(suffix):
                return name
    return names[0] if names else None


#: Files of a table that carry what its CSV cannot: the printed legend and our notes under the table.
_WITH_LEGEND = (".md", ".tex", ".xlsx")


def companions(exhibit: Exhibit, files: dict[str, str]) -> str:
    """For a table, where its legend and notes are: the CSV holds the cells only, for every table.

    Every table (Tables 1-4) prints a legend, and its exports carry our transcription and audit notes under
    it, in Markdown, LaTeX and Excel; a reader told to cite the CSV is told where those are (third reading,
    table4 3.1). Empty for other kinds, or when no such file was written.
    """
    if exhibit.kind != "table":
        return ""
    names = sorted(Path(n).name for n in files if Path(n).stem == exhibit.id and Path(n).suffix in _WITH_LEGEND)
    if not names:
        return ""
    first, rest = names[0], [Path(n).suffix for n in names[1:]]
    also = f" (also {', '.join(rest)})" if rest else ""
    return f"; the printed legend and the notes under the table are in {first}{also}, not in the CSV"


def cite_as(
    exhibit: Exhibit,
    written: dict[str, str],
    *,
    canonical: bool = True,
    selection: str = "",
    cff: Path | None = None,
    additions: str = "",
    holds_additions: bool = True,
) -> str:
    """The line a notebook prints under its files, saying how its exhibit is cited.

    Parameters
    ----------
    exhibit : Exhibit
        The exhibit's catalog entry.
    written : dict
        The files the run wrote (name -> SHA-256); the line names the
        :func:`primary_file` and its hash, so it cites exact bytes.
    canonical : bool
        False for a run with other parameters: it is not the published exhibit,
        so the line says so and how to cite it with its own record, never
        passing it off as the exhibit.
    selection : str
        The run's selection in words, as its subtitle states it.
    additions : str
        In a current-edition run, the additions it holds in words ("1 study in Table 1 (row 29)"): the line
        then says that these were not transcribed from the review.
    holds_additions : bool
        False when the exhibit's own table holds none of the additions (Table 2 or 3 of a current edition that
        adds only a Table 1 study): the line then says that its rows are the printed exhibit's, not "plus" an
        addition (table2/table3 ed2 reading 7.1, 7.3).
    """
    rel = release(cff)
    name = primary_file(exhibit, written)
    genre = GENRES[exhibit.kind][0]
    also = companions(exhibit, written)
    file = f"file {Path(name).name}, SHA-256 {written[name]}{also}" if name else "no file written"
    if canonical:
        return (
            f"Cite as: {AUTHORS} ({rel.date[:4]}). {exhibit.title} [{genre}; {file}]. Exhibit {exhibit.id} of "
            f"{PROJECT}, version {rel.version} (site page {page(exhibit)}). Regenerated from data transcribed "
            f"from {source.short()} ({source.REVIEW.licence})."
        )
    return (
        f"Cite as: a run of exhibit {exhibit.id} of {PROJECT}, version {rel.version}, with "
        f"{selection or 'other parameters'} ({file}); not the published exhibit, so give its parameters "
        f"and keep its run.json, which lists every file's SHA-256. The published exhibit: {exhibit.title} "
        f"[{genre}], site page {page(exhibit)}. Regenerated from data transcribed from {source.short()} "
        f"({source.REVIEW.licence})" + _additions_said(additions, holds_additions) + "."
    )


def _additions_said(additions: str, holds: bool) -> str:
    """The clause of :func:`cite_as` on a current edition's additions: held by this exhibit, or not."""
    if not additions:
        return ""
    if holds:
        return f", plus {additions} added since from other sources, not from the review (data/additions/)"
    return (
        f"; the additions of this edition ({additions}, data/additions/) are not in this table, whose rows are "
        "the printed ones of the published exhibit"
    )
