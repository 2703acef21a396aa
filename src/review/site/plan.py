"""This site's outputs, each with its key, and the render that brings ``site/`` up to date."""

from __future__ import annotations

import time
from pathlib import Path

from helpers.core import catalog

from .. import readings, views
from . import engine
from .changes import changes_key, changes_page, compared_files
from .citing import cite, cite_view, csl_json, release_date, ris
from .context import (
    Context,
    data_files,
    exhibit_sources,
    load_manifest,
    project_version,
    published,
    site_dir,
    site_path,
    thumb_source,
)
from .datapages import abbreviations_page, data_page, references_page
from .engine import Hashes, Output, SiteResult, digest
from .exhibit import exhibit_page
from .home import gallery_page, home_page, stylesheet, thumbnail
from .views import view_files, view_page

__all__ = ["plan", "render", "code_key"]

#: The renderers whose versions shape the bytes.
_PACKAGES = ("jinja2", "mistune", "pygments", "pillow", "nh3")


def code_key() -> str:
    """What every output depends on: this package's modules, its templates and the renderers' versions."""
    package = Path(__file__).parent
    sources = sorted(package.glob("*.py")) + sorted(p for p in (package / "templates").rglob("*") if p.is_file())
    return engine.code_key(sources, _PACKAGES)


def render(*, force: bool = False) -> SiteResult:
    """Bring ``site/`` up to date; with ``force``, rewrite every output.

    Returns what was rendered, copied and removed. Outputs are written
    atomically and the state file is saved even when a page fails, so the
    next render redoes only what is missing.
    """
    start = time.perf_counter()
    manifest = load_manifest()
    ctx = Context(manifest=manifest, exhibits=published(manifest), version=project_version(), hashes=Hashes())
    built = {e.id for e in ctx.exhibits}
    served, old = views.current(ctx.hashes)
    ctx.views = {exhibit: found for exhibit, found in served.items() if exhibit in built}
    result = engine.apply(plan(ctx, code_key()), site_dir(), ctx, force=force)
    if old:
        result.notes.append(f"{len(old)} views are out of date and not served; `make views` rebuilds them")
    result.seconds = time.perf_counter() - start
    return result


def view_outputs(ctx: Context, code: str, release: str, exhibit: catalog.Exhibit) -> list[Output]:
    """A view's page, its citation downloads and its files (copied beside the page), for each view of ``exhibit``."""
    h, outputs = ctx.hashes, []
    for view, record in ctx.views.get(exhibit.id, []):
        sources = view_files(exhibit, view.slug, record)
        copies = [(f"{view.folder}/{s.name}", h(s)) for s in sources]
        outputs += [Output(target, key or "", source=s) for (target, key), s in zip(copies, sources, strict=True)]
        key = digest(code, ctx.version, release, exhibit.__dict__, view.words, record, copies)
        make = lambda c, e=exhibit, v=view, r=record: view_page(c, e, v.slug, v.words, r)  # noqa: E731
        cite_key = digest(code, ctx.version, release, exhibit.__dict__, view.words, record.get("files"))
        outputs += [
            Output(view.page, key, make=make),
            Output(
                f"{view.folder}/cite.csl.json", cite_key, make=lambda c, e=exhibit, v=view, r=record: _csl(c, e, v, r)
            ),
            Output(f"{view.folder}/cite.ris", cite_key, make=lambda c, e=exhibit, v=view, r=record: _ris(c, e, v, r)),
        ]
    return outputs


def _csl(ctx: Context, exhibit: catalog.Exhibit, view: views.View, record: dict) -> bytes:
    return csl_json(cite_view(ctx, exhibit, slug=view.slug, selection=view.words, files=record["files"])).encode()


def _ris(ctx: Context, exhibit: catalog.Exhibit, view: views.View, record: dict) -> bytes:
    return ris(cite_view(ctx, exhibit, slug=view.slug, selection=view.words, files=record["files"])).encode()


def plan(ctx: Context, code: str) -> list[Output]:
    """Every output of the site with its key. Long because it lists the site: one block per kind of page."""
    h = ctx.hashes
    outputs: list[Output] = []

    def copy(source: Path) -> str:
        target = site_path(source)
        if target not in ctx.copied:
            ctx.copied[target] = source
            outputs.append(Output(target, h(source) or "", source=source))
        return target

    data = data_files()
    release = release_date()
    for source in data:
        copy(source)
    cards = []
    for exhibit in ctx.exhibits:
        sources = exhibit_sources(ctx, exhibit)
        record = readings.RECORDS_DIR / f"{exhibit.id}.md"
        # The blind reading's record is offered beside the files, and keys the page's review status.
        if record.is_file():
            sources.append(record)
        for source in sources:
            copy(source)
        thumb, thumb_from = thumb_source(ctx, exhibit)
        thumb_key = digest(code, thumb, exhibit.kind, thumb_from and h(thumb_from))
        outputs.append(Output(thumb, thumb_key, make=lambda c, e=exhibit: thumbnail(c, e), concurrent=True))
        cards.append((exhibit.id, exhibit.kind, exhibit.title, exhibit.caption, thumb_key))
        page_key = digest(
            code,
            ctx.version,
            release,
            exhibit.__dict__,
            ctx.entry(exhibit.id),
            ctx.manifest.get("software"),
            [(site_path(s), h(s)) for s in sources],
            [(view.slug, view.label) for view, _ in ctx.views.get(exhibit.id, [])],  # its links to its views
        )
        outputs.append(Output(f"exhibits/{exhibit.id}.html", page_key, make=lambda c, e=exhibit: exhibit_page(c, e)))
        # The citation downloads: what the page's "Cite this" box says, for reference managers.
        cite_key = digest(code, ctx.version, release, exhibit.__dict__, ctx.entry(exhibit.id).get("files"))
        outputs += [
            Output(f"cite/{exhibit.id}.csl.json", cite_key, make=lambda c, e=exhibit: csl_json(cite(c, e)).encode()),
            Output(f"cite/{exhibit.id}.ris", cite_key, make=lambda c, e=exhibit: ris(cite(c, e)).encode()),
        ]
        outputs += view_outputs(ctx, code, release, exhibit)
    titles = [(e.id, e.kind, e.title) for e in catalog.EXHIBITS.values()]
    built = [e.id for e in ctx.exhibits]
    data_key = [(site_path(s), h(s)) for s in data]
    references = next((e for e in ctx.exhibits if e.kind == "references"), None)
    ref_files = sorted(ctx.entry(references.id).get("files", {})) if references else []
    outputs += [
        Output("assets/site.css", digest(code), make=stylesheet),
        Output("index.html", digest(code, ctx.version, titles, built, data_key, ref_files), make=home_page),
        Output("gallery.html", digest(code, ctx.version, cards), make=gallery_page),
        Output("data.html", digest(code, ctx.version, data_key), make=data_page),
        Output("references.html", digest(code, ctx.version, data_key, ref_files), make=references_page),
        Output("abbreviations.html", digest(code, ctx.version, data_key, titles, built), abbreviations_page),
        # What changed since the last release: the tag's commit and the compared files key it, so the diff
        # (a second or two of git) runs only when one of them changed.
        Output(
            "changes.html",
            digest(code, ctx.version, changes_key(), [(site_path(s), h(s)) for s in compared_files()]),
            make=changes_page,
        ),
    ]
    return outputs
