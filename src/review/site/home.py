"""The home page, the gallery with its thumbnails, and the stylesheet."""

from __future__ import annotations

import csv

from helpers.core import paths
from helpers.core.catalog import Exhibit

from . import thumbs
from .context import TEMPLATES, Context, page, site_path, thumb_source

__all__ = ["home_page", "gallery_page", "stylesheet", "thumbnail"]


def stylesheet(ctx: Context) -> bytes:
    """The site's stylesheet with Pygments' rules for highlighted code appended."""
    from pygments.formatters import HtmlFormatter

    css = (TEMPLATES / "site.css").read_text(encoding="utf-8")
    pygments_css = HtmlFormatter(style="default").get_style_defs(".highlight")
    return (css + "\n/* code highlighting (Pygments) */\n" + pygments_css + "\n").encode()


def _card(ctx: Context, exhibit: Exhibit) -> dict:
    thumb, _ = thumb_source(ctx, exhibit)
    return {"exhibit": exhibit, "href": f"exhibits/{exhibit.id}.html", "thumb": thumb}


def home_page(ctx: Context) -> bytes:
    """``index.html``: the review, its licence, and every exhibit with its notebook."""
    notebooks = [{**_card(ctx, e), "notebook": site_path(paths.NOTEBOOKS_DIR / f"{e.id}.ipynb")} for e in ctx.exhibits]
    refs = next((e for e in ctx.exhibits if e.kind == "references"), None)
    bib = [f for f in ctx.entry(refs.id).get("files", {}) if f.endswith(".bib")] if refs else []
    return page(
        ctx,
        "index.html",
        "index.html",
        title="Home",
        exhibits=notebooks,
        datapackage=site_path(paths.DATAPACKAGE) if paths.DATAPACKAGE.is_file() else None,
        bib="files/" + bib[0] if bib else None,
    )


def gallery_page(ctx: Context) -> bytes:
    """``gallery.html``: one card per published exhibit, in catalog order."""
    return page(ctx, "gallery.html", "gallery.html", cards=[_card(ctx, e) for e in ctx.exhibits])


def thumbnail(ctx: Context, exhibit: Exhibit) -> bytes:
    """A figure's PNG scaled to the gallery's width, or a drawn preview of a table's first rows."""
    thumb, source = thumb_source(ctx, exhibit)
    if thumb.endswith(".png"):
        return thumbs.scaled_png(source)
    rows: list[list[str]] = []
    if source is not None:
        with open(source, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    return thumbs.table_preview(exhibit.kind, rows, source.name if source else "")
