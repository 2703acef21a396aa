"""A view's page: one exhibit with one selection (``make views``), its own figure or table and its own citation.

The page shows the view's executed notebook (``runs/<slug>/<id>.ipynb``, its
stored outputs: the figure or table, the "What to notice", and the
notebook's own empty state when the selection holds no row), the selection
as a subtitle, a Cite-this box naming the view's file and SHA-256, every file
of the view (copied beside the page) with the SHA-256 its run record lists,
and the commands that rerun and verify it. Which views exist, and where
their files live, is :mod:`review.views`.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.core import paths
from helpers.core.catalog import Exhibit
from helpers.core.vocab import CHOICES

from . import citing
from .context import Context, page, size
from .exhibit import RESERVED_IDS, rewrite
from .images import Figure
from .notebook import NotebookRenderer

__all__ = ["view_files", "view_citation", "view_page"]

#: What a run folder holds beside the exhibit's files, offered on the page too.
_RECORDS = ("run.json", "parameters.yaml")


def view_files(exhibit: Exhibit, slug: str, record: dict) -> list[Path]:
    """The files the site copies beside a view's page: its exhibit files, run record, parameters and notebook."""
    folder = paths.RUNS_DIR / slug
    names = [*sorted(record.get("files", {})), *_RECORDS, f"{exhibit.id}.ipynb"]
    return [folder / name for name in names if (folder / name).is_file()]


def view_citation(ctx: Context, exhibit: Exhibit, slug: str, words: str, record: dict) -> citing.Citation:
    """The citation of a view, from its run record."""
    return citing.cite_view(ctx, exhibit, slug=slug, selection=words, files=record.get("files", {}))


def view_page(ctx: Context, exhibit: Exhibit, slug: str, words: str, record: dict) -> bytes:
    """``views/<id>/<slug>/index.html``: the view's notebook as it ran, Cite this, Files and Rerun it."""
    c = view_citation(ctx, exhibit, slug, words, record)
    here = c.page
    root = "../" * here.count("/")
    notebook = paths.RUNS_DIR / slug / f"{exhibit.id}.ipynb"

    def up(url: str) -> str:
        """A link the exhibit page would make (from ``exhibits/``), made from this page's depth."""
        made = rewrite(ctx, url)
        if made.startswith("../"):
            return root + made[3:]
        if made != url and made.endswith(".html"):
            return root + "exhibits/" + made
        return made

    title = f"{exhibit.title} ({words})"
    # The view's figure is shown from its own SVG beside the page (copied there for download) when it draws the same.
    figures = [Figure(p.name, p) for p in view_files(exhibit, slug, record) if p.suffix == ".svg"]
    caption = f"{exhibit.caption} {words}."
    renderer = NotebookRenderer(title, caption, rewrite=up, reserved_ids=RESERVED_IDS, figures=figures)
    cells = renderer.render(json.loads(notebook.read_text(encoding="utf-8"))) if notebook.is_file() else ""
    listed = record.get("files", {})
    files = [
        {"path": p.name, "href": p.name, "sha256": listed.get(p.name) or ctx.hashes(p), "size": size(p)}
        for p in view_files(exhibit, slug, record)
    ]
    args = " ".join(f"-p {k} {v}" for k, v in sorted(_selection(record).items()))
    return page(
        ctx,
        "view.html",
        here,
        title=title,
        exhibit=exhibit,
        words=words,
        slug=slug,
        notebook_html=cells,
        cite={
            "file": c.file,
            "sha256": c.sha256,
            "reference": c.reference,
            "bibtex": citing.bibtex(c),
            "csl": "cite.csl.json",
            "ris": "cite.ris",
            "meta": citing.meta_tags(c, root),
        },
        files=files,
        rerun="\n".join(
            [
                "# from the project's root folder: this view again (its files go to runs/" + slug + "/)",
                f".venv/bin/review run {exhibit.id} {args}",
                "# check the files you downloaded from this page against its run.json:",
                f".venv/bin/review verify site/{c.page.rsplit('/', 1)[0]}/",
                "# every view of every exhibit, built or brought up to date:",
                "make views",
            ]
        ),
    )


def _selection(record: dict) -> dict[str, str]:
    """The view's selecting parameters as typed on a command line, read back from its run record."""

    out = {}
    for name, value in record.get("parameters", {}).items():
        if name in CHOICES and value != "all":
            out[name] = ",".join(value) if isinstance(value, list) else str(value)
    return out
