"""Transcribe the review's full text into the tidy rows kept in ``data/``.

The seed text is a PDF-to-text conversion of the review. This module
documents, as code, every step taken to turn it into ``data/``: it finds the
tab-separated table blocks, the footnote legends (their abbreviation entries
and their other sentences), the abbreviation list and the reference list,
and renders the conversion's typesetting noise as plain Unicode. Nothing
here interprets or corrects what the review prints; the only judgement calls
are listed in ``data/README.md`` and flagged in the ``note`` column where
they touch a single entry.

The committed CSVs are the source of truth. ``tests/unit/data/test_fidelity.py``
re-runs this transcription on the seed (when the seed is present) and
checks that ``data/`` still says exactly what the review prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpers.core.vocab import TABLE_OF_RESOURCE

__all__ = [
    "clean",
    "transcribe",
    "TABLE_COLUMNS",
]

# --- Unicode rendering of typesetting noise ---------------------------------

_SUPERSCRIPT = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")

# LaTeX commands that occur in the seed. The micro sign follows the seed's
# own plain-text cells (U+00B5), so "µg" is spelled one way everywhere.
_LATEX_SYMBOLS = {
    r"\times": "×",
    r"\beta": "β",
    r"\kappa": "κ",
    r"\alpha": "α",
    r"\zeta": "ζ",
    r"\mu": "µ",
}


def _superscript(text: str) -> str:
    """Render ``text`` (digits and signs) as Unicode superscript characters."""
    return text.translate(_SUPERSCRIPT)


def _latex(body: str) -> str:
    """Render the body of one ``$…$`` span as plain Unicode."""
    out = body
    for command, symbol in _LATEX_SYMBOLS.items():
        out = out.replace(command, symbol)
    out = re.sub(r"\^\{([^}]*)\}", lambda m: _superscript(m.group(1)), out)
    out = re.sub(r"\^(\S)", lambda m: _superscript(m.group(1)), out)
    return out.strip()


def _math(match: re.Match[str]) -> str:
    """Replace one ``$…$`` span, closing the spaces the converter put around it.

    A span that is only a symbol or a superscript was glued to its word in
    print ("A $\\beta$" is "Aβ", "NF- $\\kappa$ B" is "NF-κB"), so the space
    before and one space after are dropped. The micro sign is a unit prefix
    and keeps the space before it ("50 $\\mu$ g" is "50 µg"). A numeric span
    such as ``$1 \\times 10^6$`` stands on its own and keeps its spaces.
    """
    before, body, after = match.group(1), match.group(2), match.group(3)
    rendered = _latex(body)
    if re.search(r"\d", body.replace("^{-/-}", "")) and "\\times" in body:
        return f"{before}{rendered}{after}"
    if body.strip() == r"\mu":
        return f"{before}{rendered}"
    # A following lower-case word ("A $\\beta$ induces") was a separate word.
    keep_after = after if re.match(r"[a-z ]", match.string[match.end() : match.end() + 1]) else ""
    return f"{rendered}{keep_after}"


def clean(text: str) -> str:
    """Render one cell or line of the seed as plain Unicode text.

    Parameters
    ----------
    text : str
        Raw text from the seed, possibly holding ``<sup>``, ``<i>``,
        ``$…$`` LaTeX, Markdown emphasis or Table 4's HTML lists.

    Returns
    -------
    str
        The same content with markup rendered as Unicode, list items joined
        by newlines, runs of spaces folded and the ends trimmed.

    Examples
    --------
    >>> clean("IP 1 × 10 <sup>7</sup>")
    'IP 1 × 10⁷'
    >>> clean("NF- $\\\\kappa$ B pathway")
    'NF-κB pathway'
    """
    out = text
    if "<li>" in out:
        items = re.findall(r"<li>\s*(?:λ\s*)?(.*?)\s*</li>", out)
        out = "\n".join(clean(item) for item in items)
        return out
    # ``$…$`` spans, with the spaces the converter put around them.
    out = re.sub(r"( ?)\$([^$]+)\$( ?)", _math, out)
    # <sup>: glued to the preceding token in print.
    out = re.sub(r"\s*<sup>(.*?)</sup>", lambda m: _superscript(m.group(1).strip()), out)
    # An italic gene name keeps its hyphenated suffix ("<i>Bmi-1</i> -deficient").
    out = re.sub(r"</i>\s+(?=-)", "", out)
    out = re.sub(r"</?i>", "", out)
    out = re.sub(r"\*([^*]+)\*", r"\1", out)
    out = re.sub(r"[ \t]+", " ", out)
    return out.strip()


# --- Tables ------------------------------------------------------------------

#: Data column names of each published table, in published order. The
#: printed header of each column is kept as its ``title`` in the schema.
TABLE_COLUMNS: dict[str, list[str]] = {
    "msc_studies": [
        "disease",
        "source",
        "animal_model",
        "precondition",
        "route_dosage",
        "in_vitro_model",
        "follow_up",
        "effects",
        "ref",
    ],
    "exosome_studies": [
        "disease",
        "source",
        "animal_model",
        "size_nm",
        "route_dosage",
        "in_vitro_model",
        "follow_up",
        "effects",
        "ref",
    ],
    "clinical_trials": [
        "disease_type",
        "purpose",
        "msc_type",
        "migration_method",
        "results",
        "phases",
        "enrollment",
        "research_status",
        "nct_number",
    ],
    "tissue_sources": [
        "source",
        "method_of_procurement",
        "advantages",
        "disadvantages",
    ],
}

_TABLE_IDS = {int(table.removeprefix("table")): resource for resource, table in TABLE_OF_RESOURCE.items()}


@dataclass
class _TableBlock:
    header: list[str]
    rows: list[list[str]]
    legend: list[str]


def _table_blocks(lines: list[str]) -> dict[int, _TableBlock]:
    """Collect each table's header, rows (over continuation blocks) and legend."""
    blocks: dict[int, _TableBlock] = {}
    current: int | None = None
    in_rows = False
    for line in lines:
        heading = re.match(r"\*\*Table (\d)\*\*", line)
        if heading:
            current = int(heading.group(1))
            in_rows = False
            continue
        if current is None:
            continue
        if "\t" in line:
            cells = line.split("\t")
            block = blocks.get(current)
            if block is None:
                blocks[current] = _TableBlock(header=cells, rows=[], legend=[])
            elif not in_rows and cells == block.header:
                pass  # the header repeated on a "(continued)" page
            else:
                block.rows.append(cells)
            in_rows = True
            continue
        if not line.strip():
            continue
        if in_rows and current in blocks:
            # The first prose after a table's last block is its legend:
            # one or two paragraphs of "ABBR: definition;" entries.
            if re.match(r"^[A-Za-z0-9][^\s:]{0,20}(?: [^\s:]{1,6})?\s*:", line.strip()):
                blocks[current].legend.append(line.strip())
                continue
            in_rows = False
            current = None
    return blocks


def _table_rows(table_id: str, block: _TableBlock) -> list[dict[str, str]]:
    columns = TABLE_COLUMNS[table_id]
    out = []
    for number, cells in enumerate(block.rows, start=1):
        cells = [clean(c) for c in cells]
        if len(cells) != len(columns):
            raise ValueError(f"{table_id} row {number}: {len(cells)} cells, expected {len(columns)}")
        row = {"row": str(number)}
        row.update(zip(columns, cells))
        if "ref" in row:
            # Citation brackets are typesetting; the number is the datum.
            row["ref"] = re.fullmatch(r"\[(\d+)\]", row["ref"]).group(1)
        out.append(row)
    return out


def printed_headers(seed: str) -> dict[str, list[str]]:
    """Return each table's printed header cells, as plain Unicode."""
    blocks = _table_blocks(seed.splitlines())
    return {_TABLE_IDS[n]: [clean(c) for c in b.header] for n, b in blocks.items()}


# --- Abbreviations ----------------------------------------------------------

# Entries that print two abbreviations with no separator between them. Each
# is read as two entries and carries a note, so the reading can be audited.
_MISSING_SEPARATOR = re.compile(r"^(.*?) ([A-Z]{2,}): (.*)$")


#: The sentences a legend prints besides its abbreviation entries, by their
#: opening words, and what each kind of sentence is.
NOTE_KINDS = {
    "Data obtained from": "source",  # Table 3: where the rows come from
    "Created using": "credit",  # Figs. 1-2: the tool the article's artwork was drawn with
}


def _legend_entries(legend: str, source: str) -> list[dict[str, str]]:
    """Read one printed legend into abbreviation entries and notes, in printed order.

    A note (a row of ``legend_notes``) carries ``kind`` and ``text``; an
    abbreviation entry carries ``abbreviation`` and ``definition``. A chunk
    that is neither an entry ("ABBR: definition", "ABBR, definition") nor a
    known note stops the transcription rather than being dropped.
    """
    entries: list[dict[str, str]] = []
    for chunk in legend.split(";"):
        chunk = chunk.strip().rstrip(".")
        if not chunk:
            continue
        kind = next((k for opening, k in NOTE_KINDS.items() if chunk.startswith(opening)), None)
        if kind:
            entries.append({"legend": source, "kind": kind, "text": clean(chunk)})
            continue
        if ":" not in chunk and "," not in chunk:
            raise ValueError(f"{source} legend: {chunk!r} is neither an abbreviation entry nor a known note")
        abbreviation, _, definition = chunk.partition(":")
        if not _:
            abbreviation, _, definition = chunk.partition(",")
        definition = definition.strip()
        note = ""
        split = _MISSING_SEPARATOR.match(definition)
        if split:
            entries.append(
                _entry(source, abbreviation, split.group(1), "printed with no separator before the next entry")
            )
            abbreviation, definition = split.group(2), split.group(3)
            note = "printed with no separator after the previous entry"
        entries.append(_entry(source, abbreviation, definition, note))
    return entries


def _entry(source: str, abbreviation: str, definition: str, note: str = "") -> dict[str, str]:
    return {
        "legend": source,
        "abbreviation": clean(abbreviation),
        "definition": clean(definition),
        "note": note,
    }


def _caption_legend(caption: str) -> str:
    """Return the legend part of a figure caption: its abbreviations and the credit after them."""
    # The legend follows the caption's descriptive sentences (the caption
    # proper, not transcribed) and ends with the illustration credit.
    first = re.search(r"[.)] ([A-Z][A-Za-z-]*[,:] )", caption)
    return caption[first.start() + 2 :] if first else ""


def _legends(lines: list[str], blocks: dict[int, _TableBlock]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Return the abbreviation entries and the legend notes, each numbered in printed order.

    ``position`` counts a legend's entries and notes together, so the two
    files merge back into the printed legend by position.
    """
    entries: list[dict[str, str]] = []
    start = lines.index("#### Abbreviations")
    for line in lines[start + 1 :]:
        if line.startswith("###"):
            break
        if "\t" in line:
            abbreviation, definition = line.split("\t", 1)
            entries.append(_entry("article", abbreviation, definition))
    for number in sorted(blocks):
        for paragraph in blocks[number].legend:
            entries.extend(_legend_entries(paragraph, f"table{number}"))
    for line in lines:
        fig = re.match(r"\*\*Fig\. (\d)\*\* (.*)", line)
        if fig:
            legend = _caption_legend(fig.group(2)).replace(". ", "; ")
            entries.extend(_legend_entries(legend, f"fig{fig.group(1)}"))
    positions: dict[str, int] = {}
    for entry in entries:
        positions[entry["legend"]] = positions.get(entry["legend"], 0) + 1
        entry["position"] = str(positions[entry["legend"]])
    return [e for e in entries if "text" not in e], [e for e in entries if "text" in e]


# --- References -------------------------------------------------------------


def _reference_items(lines: list[str]) -> list[str]:
    """Return the printed references, one string each, in printed order.

    The conversion marks references 1–22 as list bullets and the rest with
    their numbers, and it breaks two references over a page with a stray
    bullet. A bullet or line starting in lower case continues the previous
    reference. Reference 56 prints its first author without the initial
    capital, so a numbered line always starts a new reference.
    """
    start = lines.index("### References")
    items: list[str] = []
    for raw in lines[start + 1 :]:
        if raw.startswith("### "):
            break
        line = raw.strip()
        if not line:
            continue
        numbered = re.match(r"^(\d+)\. (.*)$", line)
        bullet = re.match(r"^- (.*)$", line)
        body = numbered.group(2) if numbered else bullet.group(1) if bullet else line
        if numbered or (bullet and not body[:1].islower()):
            if numbered and int(numbered.group(1)) != len(items) + 1:
                raise ValueError(f"reference {numbered.group(1)} out of order")
            items.append(body)
        else:
            items[-1] = f"{items[-1]} {body}"
    return items


def _reference(number: int, item: str) -> dict[str, str]:
    text = clean(item.replace("<https://", "https://").replace("<http://", "http://").replace(">", ""))
    # Markdown emphasis marks the journal; read it before it is cleaned away.
    journal = re.search(r"\*([^*]+)\*", item)
    head = item[: journal.start()] if journal else item
    authors, _, title = clean(head).partition(". ")
    after = item[journal.end() :] if journal else ""
    issue = re.match(r"\.?\s*(\d{4});\s*([^.<]*?)\.?\s*(?:<|$|\s\*|\sEpub|\s)", after)
    doi = re.search(r"<?https?://doi\.org/([^>\s]+?)>?(?:\.?\s|\.?$)", item)
    # The closing "PMID: n." of a reference; ref 35 prints one inside its title,
    # which is text of the title, not the identifier.
    pmid = re.search(r"PMID(?::\s*([^*<>]*?))?\.?\s*$", item)
    return {
        "ref": str(number),
        "authors": authors.strip(),
        "title": title.strip().rstrip("."),
        "journal": clean(journal.group(1)).rstrip(".") if journal else "",
        "year": issue.group(1) if issue else "",
        "volume_pages": issue.group(2).strip() if issue else "",
        "doi": doi.group(1) if doi else "",
        "pmid": (pmid.group(1) or "").strip() if pmid else "",
        "citation": text,
    }


# --- Entry point --------------------------------------------------------------


def transcribe(seed_path: Path) -> dict[str, list[dict[str, str]]]:
    """Transcribe the seed text into rows for each ``data/`` resource.

    Parameters
    ----------
    seed_path : pathlib.Path
        The review's full text, as converted from the published PDF.

    Returns
    -------
    dict of str to list of dict
        Rows (column name to cell text) for each resource name:
        the four tables, ``references``, ``abbreviations`` and
        ``legend_notes``.
    """
    seed = seed_path.read_text(encoding="utf-8")
    lines = seed.splitlines()
    blocks = _table_blocks(lines)
    out = {_TABLE_IDS[n]: _table_rows(_TABLE_IDS[n], b) for n, b in sorted(blocks.items())}
    out["references"] = [_reference(i, item) for i, item in enumerate(_reference_items(lines), 1)]
    out["abbreviations"], out["legend_notes"] = _legends(lines, blocks)
    return out


#: Column order of the non-table resources.
OTHER_COLUMNS = {
    "references": ["ref", "authors", "title", "journal", "year", "volume_pages", "doi", "pmid", "citation"],
    "abbreviations": ["legend", "position", "abbreviation", "definition", "note"],
    "legend_notes": ["legend", "position", "kind", "text"],
}


def columns(resource: str) -> list[str]:
    """Return the CSV column order of one ``data/`` resource."""
    if resource in TABLE_COLUMNS:
        return ["row", *TABLE_COLUMNS[resource]]
    return OTHER_COLUMNS[resource]


def main(argv: list[str] | None = None) -> int:
    """Write the transcription of a seed text as CSV files (a curator's tool)."""
    import argparse
    import csv

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("seed", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    for resource, rows in transcribe(args.seed).items():
        with open(args.out_dir / f"{resource}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns(resource), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
