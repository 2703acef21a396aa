"""A notebook as HTML: its cells and stored outputs, in order; nothing is executed.

Code is highlighted by Pygments; authored Markdown is rendered by mistune
with HTML allowed, then sanitized; Markdown made from data (``text/markdown``
outputs) is rendered with HTML escaped; HTML outputs are sanitized and wide
tables get a named, keyboard-scrollable region; images are ``<img>``: pointing
at the exhibit's own figure file when it draws the same thing (:mod:`.images`),
else with a ``data:`` URL (SVG included, so a figure's markup never joins the
page's DOM).
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from . import images
from .sanitize import sanitize_html

__all__ = ["NotebookRenderer", "text"]

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_TAGS = re.compile(r"<[^>]*>")
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def text(value) -> str:
    """A notebook field as one string (nbformat stores multi-line text as a list of lines)."""
    return "".join(value) if isinstance(value, list) else str(value)


@lru_cache(maxsize=1024)
def highlighted(source: str) -> str:
    """A code cell's source as Pygments' HTML (the same source always gives the same HTML).

    Remembered by source: a view's notebook repeats its exhibit's code cells
    but for the parameters, so the site's ~130 notebook pages highlight about
    150 distinct cells, not 1,300.
    """
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import PythonLexer

    return highlight(source, PythonLexer(), HtmlFormatter(style="default"))


class NotebookRenderer:
    """A notebook's cells and stored outputs as HTML; nothing is executed.

    Parameters
    ----------
    title : str
        The page's level-1 heading when the notebook has none.
    caption : str
        Every image output's alt text and caption.
    rewrite : callable, optional
        Maps each ``href`` and ``src`` of authored Markdown and HTML outputs
        (a notebook's relative links, pointed at the site's copies).
    reserved_ids : iterable of str
        Ids the page around the notebook uses; headings never take them.
    figures : iterable of images.Figure
        The exhibit's figure files the site serves, with their URLs from the
        page: an SVG output that draws exactly what one of them holds is shown
        from that file instead of a ``data:`` URL (a much lighter page).
    """

    def __init__(
        self,
        title: str,
        caption: str,
        *,
        rewrite: Callable[[str], str] | None = None,
        reserved_ids: Iterable[str] = (),
        figures: Iterable[images.Figure] = (),
    ):
        import mistune

        self.title, self.caption, self.rewrite = title, caption, rewrite
        self.figures = list(figures)
        self.ids: set[str] = set(reserved_ids)
        self.regions = 0
        self.injected = False  # whether the notebook being rendered ran with injected parameters (a view)
        renderer = self

        class Headings(mistune.HTMLRenderer):
            def heading(self, text: str, level: int, **attrs) -> str:
                return f'<h{level} id="{renderer.unique_id(text)}">{text}</h{level}>\n'

        plugins = ["table", "strikethrough", "url"]
        self.authored = mistune.create_markdown(renderer=Headings(escape=False), plugins=plugins)
        self.from_data = mistune.create_markdown(renderer=Headings(escape=True), plugins=plugins)

    def unique_id(self, heading_html: str) -> str:
        slug = re.sub(r"[^\w]+", "-", html.unescape(_TAGS.sub("", heading_html)).lower()).strip("-") or "section"
        candidate, n = slug, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{slug}-{n}"
        self.ids.add(candidate)
        return candidate

    def _parameters_label(self, tags: list[str]) -> str:
        """What a parameters cell says: a run's (a view's) injected values replace the declared defaults."""
        if "injected-parameters" in tags:
            return "Parameters of this run (they replace the defaults above, and made this page)"
        if self.injected:
            return "Parameters the notebook declares, with their defaults"
        return "Parameters (their defaults made this page)"

    def render(self, notebook: dict) -> str:
        """The cells in order; a title is added when the notebook has no level-1 heading."""
        self.injected = any(
            "injected-parameters" in c.get("metadata", {}).get("tags", []) for c in notebook.get("cells", [])
        )
        chunks = [self.cell(cell) for cell in notebook.get("cells", [])]
        body = "\n".join(c for c in chunks if c)
        if not re.search(r"<h1[\s>]", body):
            title = html.escape(self.title)
            body = f'<h1 id="{self.unique_id(title)}">{title}</h1>\n' + body
        return body

    def cell(self, cell: dict) -> str:
        kind, source = cell.get("cell_type"), text(cell.get("source", ""))
        if kind == "markdown":
            return f'<div class="cell markdown">{self.markdown(source, authored=True)}</div>'
        if kind != "code":
            return ""
        parts = []
        if source.strip():
            parts.append(self.code(source, cell.get("metadata", {})))
        parts += [self.output(o) for o in cell.get("outputs", [])]
        return '<div class="cell code">' + "\n".join(p for p in parts if p) + "</div>"

    def markdown(self, text: str, *, authored: bool) -> str:
        if authored:  # written by the notebook's authors: HTML allowed, then sanitized
            return sanitize_html(self.authored(text), rewrite=self.rewrite)
        # made from data: any HTML in it is shown as text; sanitized too, for the links Markdown itself makes
        return sanitize_html(self.from_data(text), rewrite=self.rewrite)

    def code(self, source: str, metadata: dict) -> str:
        block = highlighted(source)
        tags = metadata.get("tags", [])
        if "parameters" in tags or "injected-parameters" in tags:
            label = f'<p class="input-label">{self._parameters_label(tags)}</p>'
            return f'<div class="input">{label}{block}</div>'
        if metadata.get("jupyter", {}).get("source_hidden"):
            return f'<details class="input"><summary>Show the code</summary>{block}</details>'
        return f'<div class="input">{block}</div>'

    def region(self, inner: str, label: str) -> str:
        """A scrollable, keyboard-focusable box with a name (wide tables)."""
        self.regions += 1
        return (
            f'<div class="output scroll" role="region" tabindex="0" aria-label="{html.escape(label, quote=True)}">'
            f"{inner}</div>"
        )

    def output(self, out: dict) -> str:
        kind = out.get("output_type")
        if kind == "stream":
            css = "stderr" if out.get("name") == "stderr" else "stdout"
            return f'<pre class="output {css}">{html.escape(_ANSI.sub("", text(out.get("text", ""))))}</pre>'
        if kind == "error":
            trace = "\n".join(out.get("traceback", [])) or f"{out.get('ename')}: {out.get('evalue')}"
            return f'<pre class="output error">{html.escape(_ANSI.sub("", trace))}</pre>'
        data = out.get("data", {})
        alt = html.escape(self.caption, quote=True)
        for mime in ("image/svg+xml", "image/png", "image/jpeg"):
            if mime in data:
                raw = text(data[mime])
                served = images.find(raw, self.figures) if mime == "image/svg+xml" else None
                if served:
                    return (
                        f'<figure class="output image">{images.img(*served, self.caption)}'
                        f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"
                    )
                if mime == "image/svg+xml":
                    # A lone surrogate (JSON allows "\ud800") has no UTF-8 form: replaced; the image stays inert.
                    payload = base64.b64encode(raw.encode("utf-8", "replace")).decode()
                else:
                    payload = raw.replace("\n", "")
                if not _BASE64.fullmatch(payload):  # a stored PNG/JPEG is base64; anything else could end the attribute
                    continue
                return (
                    f'<figure class="output image"><img src="data:{mime};base64,{payload}" alt="{alt}">'
                    f"<figcaption>{html.escape(self.caption)}</figcaption></figure>"
                )
        if "text/html" in data:
            body = sanitize_html(text(data["text/html"]), rewrite=self.rewrite)
            caption = re.search(r"<caption[^>]*>(.*?)</caption>", body, re.S)
            label = html.unescape(_TAGS.sub("", caption.group(1))) if caption else f"Output {self.regions + 1}"
            return self.region(body, label) if "<table" in body else f'<div class="output html">{body}</div>'
        if "text/markdown" in data:
            return f'<div class="output markdown">{self.markdown(text(data["text/markdown"]), authored=False)}</div>'
        if "text/plain" in data:
            return f'<pre class="output plain">{html.escape(_ANSI.sub("", text(data["text/plain"])))}</pre>'
        return ""
