"""The review's reference list as BibTeX (``tables/references.bib``).

Each entry is built from the printed fields of ``data/references.csv``.
Nothing is looked up or corrected: a PMID that is not a plain number, or
volume/pages that do not parse, go into the entry's ``note`` as printed.
Text fields go through :func:`helpers.outputs.latex.escape`, the escaper of the
``.tex`` tables, so the file is ASCII (``L{\\'{o}}pez``, ``TGF-$\\beta$``) and
works with BibTeX under pdfLaTeX as under LuaLaTeX.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from helpers.outputs.latex import escape as _escape

__all__ = ["entry_key", "authors", "volume_pages", "to_bibtex"]


def entry_key(ref: int, authors_text: str, year: object) -> str:
    """A stable, ASCII citation key: ``ref07_Nitzsche2017``."""
    surname = authors_text.split(",")[0].split(" ")[0]
    ascii_name = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode()
    return f"ref{int(ref):02d}_{re.sub(r'[^A-Za-z]', '', ascii_name) or 'anon'}{year}"


def authors(text: str, where: str = "") -> str:
    """Printed "Surname AB, Other C et al" as BibTeX "Surname, AB and Other, C and others".

    ``where`` names the source of the text in an escaping error.
    """
    out = []
    for person in (p.strip() for p in text.split(",")):
        if not person:
            continue
        etal = person.endswith(" et al")
        person = person.removesuffix(" et al").strip()
        match = re.fullmatch(r"(.+?) ([A-Z]{1,3})", person)
        out.append(
            f"{_escape(match.group(1), where)}, {match.group(2)}" if match else "{" + _escape(person, where) + "}"
        )
        if etal:
            out.append("others")
    return " and ".join(out)


def volume_pages(text: str) -> dict[str, str]:
    """Split "36(2):354–376" into volume, number and pages (``354--376``); {} if it does not parse."""
    match = re.fullmatch(r"(\w+)(?:\(([^)]+)\))?:([\w–-]+)", text.strip())
    if not match:
        return {}
    where = f"volume/pages {text!r}"
    out = {"volume": _escape(match.group(1), where), "pages": _escape(match.group(3), where)}
    if match.group(2):
        out["number"] = _escape(match.group(2), where)
    return out


def to_bibtex(refs: pd.DataFrame) -> str:
    """Render every reference as an ``@article`` entry, in printed order."""
    chunks = [
        "% The 83 references of Li & Bai (2025), generated from data/references.csv.\n"
        "% Fields are as printed; anything that does not parse is kept in `note`.\n"
    ]
    for ref in refs.itertuples(index=False):
        where = f"data/references.csv, reference {ref.ref}, column '{{}}'"
        fields = {
            "author": authors(ref.authors, where.format("authors")),
            "title": "{" + _escape(ref.title, where.format("title")) + "}",
            "journal": _escape(ref.journal, where.format("journal")),
            "year": str(ref.year),
        }
        parts = volume_pages(ref.volume_pages)
        fields.update(parts)
        notes = [f"Reference {ref.ref} of Li and Bai (2025)"]
        if not parts:
            notes.append(f"volume/pages as printed: {_escape(ref.volume_pages, where.format('volume_pages'))}")
        if ref.doi:
            fields["doi"] = _escape(ref.doi, where.format("doi"))
        if re.fullmatch(r"\d{7,8}", ref.pmid):
            fields["pmid"] = ref.pmid
        elif ref.pmid:
            notes.append(f"PMID as printed: {_escape(ref.pmid, where.format('pmid'))}")
        else:
            notes.append("no PMID printed")
        fields["note"] = "; ".join(notes)
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        chunks.append(f"@article{{{entry_key(ref.ref, ref.authors, ref.year)},\n{body}\n}}\n")
    return "\n".join(chunks)
