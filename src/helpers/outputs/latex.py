"""Escape text for LaTeX: the one escaper behind the BibTeX and the ``.tex`` tables.

The output is plain ASCII that compiles with pdfLaTeX and LuaLaTeX alike,
with no font package and no input encoding: LaTeX's special characters are
escaped, and every non-ASCII character is given a LaTeX form that both
engines typeset with the fonts every TeX installation has (Computer Modern
text and math, and the AMS symbols for ``®``: :func:`packages` names the
package a text needs). Superscript digits become ``\\textsuperscript{…}``, Greek
letters and mathematical signs math-mode symbols (``$\\beta$``,
``$\\times$``), the micro sign ``$\\mu$``, dashes and quotes their ASCII
ligatures, accented Latin letters accent commands (``{\\"{u}}``). Text-
companion symbols (``\\textmu``, ``\\textregistered``) are avoided on purpose:
pdfLaTeX would need the TS1 fonts, which a minimal TeX installation only has
as METAFONT sources.

A character with no LaTeX form raises :class:`UnmappedCharacter`, naming the
character and where the text came from, instead of reaching the ``.tex``
file and breaking pdfLaTeX there.
"""

from __future__ import annotations

import unicodedata

__all__ = ["escape", "packages", "UnmappedCharacter", "UNICODE", "PACKAGES"]


class UnmappedCharacter(ValueError):
    """A character has no LaTeX form in :data:`UNICODE`."""


# Character by character, so the braces of a replacement are never escaped again.
# ``<``, ``>`` and ``|`` have their own commands: in pdfLaTeX's default (OT1)
# fonts those slots hold ``¡``, ``¿`` and an em dash.
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
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}

#: Superscript and subscript characters: what they raise or lower.
_SCRIPT_FORMS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "$+$", "$-$", "$=$", "(", ")"]
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾", _SCRIPT_FORMS))
_SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎", _SCRIPT_FORMS))

# Greek letters in Unicode order (U+03B1…, U+0391…); None where LaTeX has
# no command because the letter looks Latin (omicron, capital alpha …).
_LOWER = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"]
_LOWER += ["nu", "xi", None, "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]
_UPPER = [None, None, "Gamma", "Delta", None, None, None, "Theta", None, None, "Lambda", None, None, "Xi", None]
_UPPER += ["Pi", None, None, "Sigma", None, "Upsilon", "Phi", None, "Psi", "Omega"]
_GREEK = {
    chr(start + i): rf"$\{name}$"
    for start, names in ((0x3B1, _LOWER), (0x391, _UPPER))
    for i, name in enumerate(names)
    if name
}

#: Every non-ASCII character with a LaTeX form, other than the superscripts,
#: subscripts and the accented Latin letters built by decomposition (see
#: :func:`escape`). Each form is valid in text mode of both engines.
UNICODE: dict[str, str] = {
    **_GREEK,
    "\u00a0": "~",  # no-break space
    "\u2009": r"\,",  # thin space
    "\u202f": r"\,",  # narrow no-break space
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "–": "--",
    "—": "---",
    "−": "$-$",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
    "…": r"\ldots{}",
    "•": r"$\bullet$",
    "·": r"$\cdot$",
    "×": r"$\times$",
    "±": r"$\pm$",
    "÷": r"$\div$",
    "≤": r"$\leq$",
    "≥": r"$\geq$",
    "≈": r"$\approx$",
    "≠": r"$\neq$",
    "∼": r"$\sim$",
    "→": r"$\rightarrow$",
    "←": r"$\leftarrow$",
    "↑": r"$\uparrow$",
    "↓": r"$\downarrow$",
    "°": r"$^{\circ}$",
    "µ": r"$\mu$",  # micro sign (U+00B5), typeset as the Greek letter
    "®": r"$^{\circledR}$",
    "ß": r"{\ss}",
    "æ": r"{\ae}",
    "Æ": r"{\AE}",
    "œ": r"{\oe}",
    "Œ": r"{\OE}",
    "ø": r"{\o}",
    "Ø": r"{\O}",
    "ł": r"{\l}",
    "Ł": r"{\L}",
    "ı": r"{\i}",
}

#: LaTeX package a form needs, by the command that needs it.
PACKAGES: dict[str, str] = {r"\circledR": "amssymb"}

#: Combining accents and the LaTeX accent command of each.
_ACCENTS = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0304": "=",
    "\u0306": "u",
    "\u0307": ".",
    "\u0308": '"',
    "\u030a": "r",
    "\u030b": "H",
    "\u030c": "v",
    "\u0327": "c",
}  # no ogonek (\k): pdfLaTeX's default OT1 encoding lacks it


def _accented(ch: str) -> str | None:
    """``{\\"{u}}`` for ``ü``: an ASCII letter under one or more accents, or None."""
    base, *marks = unicodedata.normalize("NFD", ch)
    if not marks or not base.isascii() or not base.isalpha() or any(m not in _ACCENTS for m in marks):
        return None
    out = {"i": r"\i", "j": r"\j"}.get(base, base)
    for mark in marks:
        out = f"\\{_ACCENTS[mark]}{{{out}}}"
    return "{" + out + "}"


def _form(ch: str, where: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch.isascii() and (ch.isprintable() or ch in "\n\t"):
        return ch
    if ch in UNICODE:
        return UNICODE[ch]
    accented = _accented(ch)
    if accented:
        return accented
    name = unicodedata.name(ch, "unnamed")
    raise UnmappedCharacter(
        f"no LaTeX form for {ch!r} (U+{ord(ch):04X} {name}) in {where or 'the text'}; "
        "add one to helpers.outputs.latex.UNICODE (it must compile with pdfLaTeX and LuaLaTeX)"
    )


def escape(text: str, where: str = "") -> str:
    """Return ``text`` as ASCII LaTeX: special characters escaped, the rest mapped.

    Parameters
    ----------
    text : str
        Plain Unicode text (a cell, a caption, a BibTeX field).
    where : str, optional
        Where the text comes from, named by the error (``"table3 row 8,
        column 'Purpose'"``).

    Raises
    ------
    UnmappedCharacter
        For a character with no LaTeX form, naming it and ``where``.

    Examples
    --------
    >>> escape("5% of {n}")
    '5\\\\% of \\\\{n\\\\}'
    >>> escape("IV 1 × 10⁶, ApoE⁻/⁻, Aβ")
    'IV 1 $\\\\times$ 10\\\\textsuperscript{6}, ApoE\\\\textsuperscript{$-$}/\\\\textsuperscript{$-$}, A$\\\\beta$'
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        for table, command in ((_SUPERSCRIPTS, r"\textsuperscript"), (_SUBSCRIPTS, r"\textsubscript")):
            if ch in table:
                # One command for a run: "10¹²" is 10\textsuperscript{12}.
                j = i
                while j < len(text) and text[j] in table:
                    j += 1
                out.append(command + "{" + "".join(table[c] for c in text[i:j]) + "}")
                i = j
                break
        else:
            # "--" would print an en dash: keep two hyphens as printed.
            out.append("-{}" if ch == "-" and text[i + 1 : i + 2] == "-" else _form(ch, where))
            i += 1
    return "".join(out)


def packages(tex: str) -> list[str]:
    """The LaTeX packages that escaped text needs beyond the kernel, sorted."""
    return sorted({package for command, package in PACKAGES.items() if command in tex})
