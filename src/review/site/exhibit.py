"""An exhibit's page: its notebook as it last ran, then Cite this, Files, Provenance and Rerun it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers.core import paths
from helpers.core.catalog import Exhibit

from .. import readings
from . import citing
from .context import Context, page, site_path, size
from .images import Figure
from .notebook import NotebookRenderer

__all__ = ["exhibit_page", "exhibit_figures", "citation", "reading_status", "rerun_commands", "rewrite"]

#: Ids of exhibit.html around the notebook: a notebook heading never takes one.
RESERVED_IDS = frozenset({"main", "top", "reading", "views", "cite", "files", "provenance", "rerun", "notebook"})


def citation(ctx: Context, exhibit: Exhibit) -> dict:
    """The "Cite this" box of an exhibit: the file it names, its SHA-256, a reference, BibTeX and the downloads."""
    c = citing.cite(ctx, exhibit)
    return {
        "file": c.file,
        "sha256": c.sha256,
        "reference": c.reference,
        "bibtex": citing.bibtex(c),
        "csl": f"../cite/{exhibit.id}.csl.json",
        "ris": f"../cite/{exhibit.id}.ris",
        "meta": citing.meta_tags(c, "../"),
    }


def reading_status(ctx: Context, exhibit: Exhibit) -> dict | None:
    """The "Read against the print" box: the last blind domain reading of the exhibit and what is open.

    None when ``docs/reviews/<id>.md`` does not exist; the page then says the
    exhibit has not been read yet.
    """
    reading = readings.read(exhibit.id)
    if reading is None:
        return None
    record = readings.RECORDS_DIR / f"{exhibit.id}.md"
    target = site_path(record)
    return {
        "commit": reading.commit,
        "date": reading.date or "date not recorded",
        "verdict": reading.verdict,
        "findings": len(reading.findings),
        "fixed": reading.count("fixed"),
        "answered": reading.count("answered"),
        "open": list(reading.open),
        "record": {"path": paths.relative(record), "href": "../" + target if target in ctx.copied else None},
    }


def rerun_commands(exhibit: Exhibit, parameters: dict) -> str:
    """The exact commands that rebuild an exhibit, and rerun it with other parameters, from the project root."""
    from helpers.core.vocab import CHOICES

    example = next((f"-p {n} {CHOICES[n][0]}" for n in CHOICES if n in parameters), "")
    folder = exhibit.folder.name
    return "\n".join(
        [
            "# from the project's root folder; `make` sets up .venv, then rebuilds whatever is stale",
            "make",
            f"# this exhibit only ({folder}/{exhibit.id}.*), rebuilt if its inputs changed:",
            f".venv/bin/review build --only {exhibit.id}",
            "# check every file against figures/manifest.json:",
            ".venv/bin/review verify",
            "# with your own parameters (files go to runs/<slug>/, never to the canonical folder):",
            f".venv/bin/review run {exhibit.id} {example}".rstrip(),
            f".venv/bin/papermill notebooks/{exhibit.id}.ipynb {exhibit.id}-run.ipynb {example}".rstrip(),
        ]
    )


def exhibit_page(ctx: Context, exhibit: Exhibit) -> bytes:
    """``exhibits/<id>.html``: the notebook with its outputs, Cite this, Files, Provenance and Rerun it."""
    entry = ctx.entry(exhibit.id)
    notebook = paths.NOTEBOOKS_DIR / f"{exhibit.id}.ipynb"
    here = f"exhibits/{exhibit.id}.html"
    h = ctx.hashes

    def link(rel: str) -> str | None:
        """A project file's download link from this page, if the site offers it."""
        target = "files/" + rel
        return "../" + target if target in ctx.copied else None

    files = [
        {"path": rel, "href": link(rel), "sha256": sha, "size": size(paths.ROOT / rel)}
        for rel, sha in sorted(entry.get("files", {}).items())
        if (paths.ROOT / rel).is_file()
    ]
    # The figure is shown from its download copy when it draws the same (a light page: no data: URL).
    figures = [Figure("../" + site_path(p), p) for p in exhibit_figures(ctx, exhibit)]
    renderer = NotebookRenderer(
        exhibit.title,
        exhibit.caption,
        rewrite=lambda url: rewrite(ctx, url),
        reserved_ids=RESERVED_IDS,
        figures=figures,
    )
    cells = renderer.render(json.loads(notebook.read_text(encoding="utf-8")))
    return page(
        ctx,
        "exhibit.html",
        here,
        title=exhibit.title,
        exhibit=exhibit,
        notebook_html=cells,
        notebook={"path": f"notebooks/{exhibit.id}.ipynb", "href": "../" + site_path(notebook), "sha256": h(notebook)},
        reading=reading_status(ctx, exhibit),
        cite=citation(ctx, exhibit),
        files=files,
        parameters=[(k, json.dumps(v, ensure_ascii=False)) for k, v in sorted(entry.get("parameters", {}).items())],
        inputs=[{"path": k, "sha256": v, "href": link(k)} for k, v in sorted(entry.get("inputs", {}).items())],
        modules=sorted(entry.get("modules", {}).items()),
        fingerprint=sorted(entry.get("fingerprint", {}).items()),
        software=sorted(ctx.manifest.get("software", {}).items()),
        rerun=rerun_commands(exhibit, entry.get("parameters", {})),
        views=[{"href": "../" + view.page, "words": view.label} for view, _ in ctx.views.get(exhibit.id, [])],
    )


def exhibit_figures(ctx: Context, exhibit: Exhibit) -> list[Path]:
    """The exhibit's SVG files the site offers for download (the files an image output may be served from)."""
    svgs = [paths.ROOT / rel for rel in sorted(ctx.entry(exhibit.id).get("files", {})) if rel.endswith(".svg")]
    return [p for p in svgs if p.is_file() and site_path(p) in ctx.copied]


def rewrite(ctx: Context, url: str) -> str:
    """Point a notebook's relative link at the site's copy of the file, or at another exhibit's page."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^#|^/", url) or not url:
        return url
    target = (paths.NOTEBOOKS_DIR / url.split("#")[0]).resolve()
    pages = {e.id for e in ctx.exhibits}
    if target.suffix == ".ipynb" and target.parent == paths.NOTEBOOKS_DIR.resolve() and target.stem in pages:
        return f"{target.stem}.html"
    if target.is_relative_to(paths.ROOT) and site_path(target) in ctx.copied:
        return "../" + site_path(target)
    return url
