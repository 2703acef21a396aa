"""The one sanitizer of notebook HTML: what a stored output or authored Markdown may put on a page."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

__all__ = ["sanitize_html"]


class _Sanitizer(HTMLParser):
    """Re-serialize HTML without anything that runs or loads: scripts, frames, handlers, script URLs.

    A deny-list on top of escaping and the pages' CSP: notebook outputs are
    made by our own code, so this only has to catch what must never run, and
    keeps the tables' ``style`` blocks and attributes.
    """

    DROP_WITH_CONTENT = {"script", "iframe", "object", "embed", "applet", "frame", "frameset", "template", "noscript"}
    DROP = {"base", "meta", "link", "form"}
    URL_ATTRS = {"href", "src", "xlink:href", "action", "formaction", "background", "poster", "data", "srcset"}

    def __init__(self, rewrite: Callable[[str], str] | None = None):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []
        self.raw = False
        self.rewrite = rewrite

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        kept = []
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                continue
            if name in self.URL_ATTRS:
                plain = re.sub(r"[\x00-\x20]+", "", value).lower()
                if plain.startswith(("javascript:", "vbscript:")) or (
                    plain.startswith("data:") and not (name == "src" and plain.startswith("data:image/"))
                ):
                    continue
                if name in ("href", "src") and self.rewrite:
                    value = self.rewrite(value)
            kept.append(f' {name}="{html.escape(value, quote=True)}"')
        return "".join(kept)

    def handle_starttag(self, tag, attrs):
        if self.skipping or tag in self.DROP_WITH_CONTENT:
            if tag in self.DROP_WITH_CONTENT:
                self.skipping.append(tag)
            return
        if tag not in self.DROP:
            self.out.append(f"<{tag}{self._attrs(tag, attrs)}>")
            self.raw = tag == "style"

    def handle_startendtag(self, tag, attrs):
        if not self.skipping and tag not in self.DROP_WITH_CONTENT and tag not in self.DROP:
            self.out.append(f"<{tag}{self._attrs(tag, attrs)} />")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag not in self.DROP and tag not in self.DROP_WITH_CONTENT:
            self.out.append(f"</{tag}>")
        self.raw = False

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(data if self.raw else html.escape(data, quote=False))


def sanitize_html(markup: str, *, rewrite: Callable[[str], str] | None = None) -> str:
    """Return ``markup`` without scripts, frames, plugins, event handlers or script URLs.

    Text is re-escaped, comments and declarations are dropped, and
    ``rewrite`` (if given) maps every ``href`` and ``src``.
    """
    parser = _Sanitizer(rewrite)
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)
