"""A notebook's image output served as the exhibit's own figure file, when the two draw the same thing.

A figure page used to inline its notebook's SVG as a ``data:`` URL, which
made the design, dosing, fig1 and timeline pages 200-450 KB of HTML that a
browser must parse before it can paint anything. The site already copies
each exhibit's figure files beside its page for download (``files/figures/<id>.svg``
for an exhibit, ``<id>.svg`` in a view's folder), so the page can point an
``<img>`` at that file instead: the page gets light, and what a reader sees
is the very file the page's Files list gives a SHA-256 for.

Only when the two are the same drawing. The notebook stores matplotlib's SVG
with XML's attribute-value whitespace already normalised and ``"`` for
``&quot;``, so the bytes differ; both are parsed (defusedxml: no entity
expansion, no external fetches) and compared in canonical XML (C14N 2.0).
Anything else (a second image, an output that does not parse, a stale
file) keeps its ``data:`` URL, which a browser never runs as a document.
Parsing costs about 50 ms per 100 KB figure, so a quick comparison comes
first (:func:`_quick_same`): the root's attributes as a set and the rest of
the text with newlines read as spaces and ``&quot;`` as ``"``, the only
changes the notebook's copy makes; only when it says no are both parsed.

Why this is safe. The file is one the site serves for download anyway; an
SVG output planted in a notebook (the XSS corpus) matches no figure file and
stays a ``data:`` URL inside ``<img>``, where scripts never run. The URL in
``src`` is made by the page (a relative path under the site), never read from
the notebook.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Figure", "find", "img", "canonical_svg", "svg_size"]

#: CSS pixels per point: SVG sizes from matplotlib are in pt, and 1pt = 4/3 px.
_PX_PER_PT = 4 / 3
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(pt|px)?\s*$")
_ROOT = re.compile(r"<svg\b([^>]*)>")
_ATTRIBUTE = re.compile(r'([\w:.-]+)="([^"]*)"')


@dataclass(frozen=True)
class Figure:
    """A figure file a page may show in place of an image output: its URL from the page, and the file."""

    url: str
    path: Path


def canonical_svg(markup: str | bytes) -> str | None:
    """The SVG in canonical XML (attributes sorted, entities resolved, whitespace-only text dropped).

    Returns None when it does not parse as XML or declares entities.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        # Text is parsed as text: encoding it first would make expat read a declared encoding ("latin-1") on
        # UTF-8 bytes, and a lone surrogate would raise outside the try (UnicodeEncodeError is a ValueError).
        root = fromstring(markup, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        return ET.canonicalize(ET.tostring(root, encoding="unicode"), strip_text=True)
    except (ET.ParseError, DefusedXmlException, ValueError):
        return None


def _quick_same(markup: str, file_text: str) -> bool:
    """Whether the two are the same SVG up to what the notebook's copy changes: XML prolog, the root's
    attribute order, newlines (XML reads a newline in an attribute value as a space) and ``&quot;``.

    Each of these leaves the parsed document the same, so True means the same drawing; False means only
    "not proven here" (the canonical comparison decides).
    """
    roots = [_ROOT.search(text) for text in (markup, file_text)]
    if not all(roots):
        return False
    attributes = [sorted(_ATTRIBUTE.findall(root.group(1))) for root in roots]
    rests = [
        text[root.end() :].replace("\n", " ").replace("&quot;", '"').rstrip()
        for text, root in zip((markup, file_text), roots)
    ]
    return attributes[0] == attributes[1] and rests[0] == rests[1]


def svg_size(svg: str) -> tuple[int, int] | None:
    """An SVG's width and height in CSS pixels (rounded), from its root element; None if not stated in pt or px."""
    root = _ROOT.search(svg)
    stated = dict(_ATTRIBUTE.findall(root.group(1))) if root else {}
    sizes = []
    for name in ("width", "height"):
        m = _LENGTH.match(stated.get(name, ""))
        if not m:
            return None
        value = float(m.group(1)) * (_PX_PER_PT if m.group(2) == "pt" else 1)
        sizes.append(round(value))
    return sizes[0], sizes[1]


def find(markup: str, figures: list[Figure]) -> tuple[Figure, tuple[int, int]] | None:
    """The first of ``figures`` (SVG files) that draws exactly what ``markup`` (an SVG output) draws, with its size."""
    wanted = None
    for figure in figures:
        if figure.path.suffix != ".svg" or not figure.path.is_file():
            continue
        file_text = figure.path.read_text(encoding="utf-8", errors="replace")
        if not _quick_same(markup, file_text):
            if wanted is None:
                wanted = canonical_svg(markup)
                if wanted is None:
                    return None
            if canonical_svg(figure.path.read_bytes()) != wanted:
                continue
        size = svg_size(file_text)
        if size:
            return figure, size
    return None


def img(figure: Figure, size: tuple[int, int], alt: str) -> str:
    """The ``<img>`` tag: relative URL, intrinsic size (so nothing shifts while it loads), alt text."""
    width, height = size
    src = html.escape(figure.url, quote=True)
    return f'<img src="{src}" width="{width}" height="{height}" alt="{html.escape(alt, quote=True)}">'
