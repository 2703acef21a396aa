"""Escape text for LaTeX: the one escaper behind the BibTeX and the ``.tex`` tables."""

from __future__ import annotations

__all__ = ["escape"]

# Character by character, so the braces of a replacement are never escaped again.
_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def escape(text: str) -> str:
    """Return ``text`` with LaTeX's special characters escaped.

    Examples
    --------
    >>> escape("5% of {n}")
    '5\\\\% of \\\\{n\\\\}'
    """
    return "".join(_SPECIAL.get(ch, ch) for ch in text)
