"""The one sanitizer of notebook HTML: what a stored output or authored Markdown may put on a page.

An allow-list, applied by nh3 (the Python binding of the Rust ``ammonia``
library, which parses with html5ever as a browser does, so markup that a
hand-written parser reads one way and a browser another cannot slip
through). Everything not listed is dropped: an unknown tag keeps its text,
``script`` and ``style`` go with their content, comments go.

The lists cover what the notebooks' stored outputs hold and what mistune
writes for authored Markdown, and nothing more:

* tables from :func:`helpers.outputs.htmltable.to_html` (``caption``,
  ``thead``/``tbody``, ``th``/``td`` with ``align``, ``valign`` and inline
  ``text-align``/``vertical-align`` styles, ``<br>`` in cells) and the
  ``<p><small>`` notes under them. Their scoped ``<style>`` block is dropped:
  the site's stylesheet gives output tables the same look, and a style
  block would let an output restyle the whole page (or load a URL);
* mistune's Markdown: paragraphs, headings (with the ids the renderer gives
  them), lists, emphasis, code, quotes, rules, links, images, GFM tables
  (whose cells carry ``text-align`` styles) and strikethrough.

Inline ``style`` is kept only on table cells, and only its ``text-align``
and ``vertical-align`` properties (nh3's ``filter_style_properties``), so no
``url(...)``, ``expression(...)`` or positioning survives. URLs may be
relative or use ``http``, ``https`` or ``mailto``; ``data:``,
``javascript:`` and every other scheme are dropped however they are spelled
(entities, tabs, newlines), because ammonia decodes them as a browser would
before checking. No element can carry an event handler, ``srcset``,
``formaction``, ``srcdoc`` or ``xlink:href``: none is on the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import nh3

__all__ = ["sanitize_html", "TAGS", "ATTRIBUTES", "URL_SCHEMES", "STYLE_PROPERTIES"]

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CELL = frozenset({"align", "valign", "style", "colspan", "rowspan", "scope"})

#: Elements an output or authored Markdown may use.
TAGS = frozenset(
    {
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
        *("p", "br", "hr", "div", "span", "small", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark"),
        *("sub", "sup", "abbr", "code", "kbd", "samp", "pre", "blockquote", "q", "cite"),
        *("ul", "ol", "li", "dl", "dt", "dd", "details", "summary", "figure", "figcaption"),
        *("a", "img"),
        *_HEADINGS,
    }
)
#: Attributes per element; nothing is allowed on every element.
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start"},
    "col": {"span"},
    "colgroup": {"span"},
    "th": set(_CELL),
    "td": set(_CELL),
    **{h: {"id"} for h in _HEADINGS},
}
#: The only CSS an inline ``style`` keeps (the cells' alignment).
STYLE_PROPERTIES = frozenset({"text-align", "vertical-align"})
#: Schemes a link or image may use; relative URLs are kept too.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
#: What a rewritten URL may look like: relative (no scheme) or one of URL_SCHEMES.
_SAFE_URL = re.compile(r"^(?:https?:|mailto:|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


def sanitize_html(markup: str, *, rewrite: Callable[[str], str] | None = None) -> str:
    """Return ``markup`` keeping only the allow-listed tags, attributes, styles and URL schemes.

    Parameters
    ----------
    markup : str
        An HTML fragment (a notebook's ``text/html`` output, or authored Markdown rendered to HTML).
    rewrite : callable, optional
        Maps every ``href`` and ``src`` that passed the checks (a notebook's
        relative links, pointed at the site's copies). What it returns must
        again be relative or use an allowed scheme, or the attribute is dropped.

    Returns
    -------
    str
        The fragment, re-serialized by html5ever: text escaped, comments dropped.
    """

    def urls(tag: str, name: str, value: str) -> str | None:
        if rewrite is None or name not in ("href", "src"):
            return value
        new = rewrite(value)
        return new if _SAFE_URL.match(new) else None

    return nh3.clean(
        markup,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        # "*" empty: without it ammonia allows lang and title on every element
        attributes={"*": set(), **{tag: set(names) for tag, names in ATTRIBUTES.items()}},
        attribute_filter=urls,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )
