"""The pages made from data/: the data dictionary, the references and the abbreviation legends.

Every cell reaches the page through the autoescaping templates; nothing
here builds markup from data.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from helpers.core import catalog, paths

from .context import Context, page, site_path, size

__all__ = ["abbreviations_page", "data_page", "readme_columns", "references_page"]


def _read_csv(path: Path) -> list[dict[str, str]]:
    """A CSV's rows as dicts (none when the file is missing)."""
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


#: The pattern every text column of data/ carries: no leading or trailing white space.
_TRIMMED = r"^(\S([\s\S]*\S)?)?$"


def readme_columns(text: str) -> dict[str, dict[str, str]]:
    """Column notes from the "### Columns" list of ``data/README.md``, by file and column.

    Each bullet reads ``- `file.csv`: `column` (note); `column`; ...``; a
    backticked name outside parentheses starts a column, and the
    parenthesized text after it (nested parentheses and all) is its note.
    """
    if "### Columns" not in text:
        return {}
    section = re.split(r"\n#", text.split("### Columns", 1)[1], maxsplit=1)[0]
    out: dict[str, dict[str, str]] = {}
    for bullet in re.split(r"\n- ", section):
        match = re.match(r"`([\w.-]+\.csv)`:\s*(.*)", " ".join(bullet.split()))
        if not match:
            continue
        notes, body, i, depth = out.setdefault(match.group(1), {}), match.group(2), 0, 0
        while i < len(body):
            ch = body[i]
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if ch == "`" and depth == 0 and (end := body.find("`", i + 1)) > i:
                name, i = body[i + 1 : end], end + 1
                rest = body[i:].lstrip()
                if rest.startswith("("):
                    close = _closing(rest)
                    notes.setdefault(name, rest[1:close].replace("`", ""))
                    i = len(body) - len(rest) + close + 1
                else:
                    notes.setdefault(name, "")
                continue
            i += 1
    return out


def _closing(text: str) -> int:
    """The index of the parenthesis that closes the one ``text`` starts with (its end if none)."""
    level = 0
    for index, ch in enumerate(text):
        level += {"(": 1, ")": -1}.get(ch, 0)
        if level == 0:
            return index
    return len(text)


def data_page(ctx: Context) -> bytes:
    """``data.html``: the data dictionary, from ``data/datapackage.json`` and the README's column notes."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8")) if paths.DATAPACKAGE.is_file() else {}
    readme_path = paths.DATA_DIR / "README.md"
    readme_notes = readme_columns(readme_path.read_text(encoding="utf-8")) if readme_path.is_file() else {}
    resources = []
    for resource in package.get("resources", []):
        source = paths.DATA_DIR / resource.get("path", "")
        schema = resource.get("schema", {})
        fields = []
        noted = readme_notes.get(resource.get("path", ""), {})
        for f in schema.get("fields", []):
            constraints = dict(f.get("constraints", {}))
            if constraints.get("pattern") == _TRIMMED:  # every text column has it: say it once, above
                constraints.pop("pattern")
            note = noted.get(f.get("name", ""), "")
            readme = note if note.strip().lower() != str(f.get("title", "")).strip().lower() else ""
            fields.append({**f, "constraints": constraints, "readme": readme})
        keys = [
            f"({', '.join(_as_list(k.get('fields')))}) → {k.get('reference', {}).get('resource') or 'itself'}."
            f"({', '.join(_as_list(k.get('reference', {}).get('fields')))})"
            for k in schema.get("foreignKeys", [])
        ]
        resources.append(
            {
                "resource": resource,
                "fields": fields,
                "rows": len(_read_csv(source)),
                "href": site_path(source) if source.is_file() else None,
                "size": size(source) if source.is_file() else "",
                "primary_key": ", ".join(_as_list(schema.get("primaryKey"))),
                "foreign_keys": keys,
            }
        )
    readme = paths.DATA_DIR / "README.md"
    return page(
        ctx,
        "data.html",
        "data.html",
        package=package,
        resources=resources,
        datapackage=site_path(paths.DATAPACKAGE) if paths.DATAPACKAGE.is_file() else None,
        readme=site_path(readme) if readme.is_file() else None,
    )


def _as_list(value) -> list[str]:
    """A schema's one-or-many field names as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def references_page(ctx: Context) -> bytes:
    """``references.html``: the review's references with DOI and PubMed links, and the BibTeX."""
    from urllib.parse import quote

    refs = []
    for row in _read_csv(paths.DATA_DIR / "references.csv"):
        doi = row.get("doi", "").strip()
        pmid = row.get("pmid", "").strip()
        refs.append(
            {
                **row,
                "doi_url": f"https://doi.org/{quote(doi, safe='/:;()._-')}" if doi else None,
                "pmid_url": f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid.isdigit() else None,
            }
        )
    exhibit = next((e for e in ctx.exhibits if e.kind == "references"), None)
    downloads = (
        [{"path": rel, "href": "files/" + rel} for rel in sorted(ctx.entry(exhibit.id).get("files", {}))]
        if exhibit
        else []
    )
    source = paths.DATA_DIR / "references.csv"
    if source.is_file():
        downloads.append({"path": "data/references.csv", "href": site_path(source)})
    return page(ctx, "references.html", "references.html", references=refs, downloads=downloads, exhibit=exhibit)


def abbreviations_page(ctx: Context) -> bytes:
    """``abbreviations.html``: the article's abbreviations and every exhibit's legend."""
    abbreviations = _read_csv(paths.DATA_DIR / "abbreviations.csv")
    notes = _read_csv(paths.DATA_DIR / "legend_notes.csv")
    order = {exhibit: i for i, exhibit in enumerate(catalog.EXHIBITS)}
    legends = sorted(
        {r.get("legend", "") for r in abbreviations + notes} - {"article"}, key=lambda k: (order.get(k, 999), k)
    )

    def position(row: dict) -> int:
        try:
            return int(row.get("position", 0))
        except ValueError:
            return 0

    def entries(legend: str) -> list[dict]:
        rows = [{**r, "is_note": False} for r in abbreviations if r.get("legend") == legend]
        rows += [{**r, "is_note": True} for r in notes if r.get("legend") == legend]
        return sorted(rows, key=position)

    sections = [
        {
            "legend": legend,
            "title": catalog.EXHIBITS[legend].title if legend in catalog.EXHIBITS else legend,
            "href": f"exhibits/{legend}.html" if any(e.id == legend for e in ctx.exhibits) else None,
            "entries": entries(legend),
        }
        for legend in legends
    ]
    sources = (paths.DATA_DIR / "abbreviations.csv", paths.DATA_DIR / "legend_notes.csv")
    downloads = [site_path(p) for p in sources if p.is_file()]
    return page(
        ctx,
        "abbreviations.html",
        "abbreviations.html",
        article=entries("article"),
        sections=sections,
        downloads=downloads,
    )
