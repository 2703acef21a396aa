"""``review add FILE``: one new study or trial into ``data/additions/``, validated, or nothing at all.

The file is YAML or a one-row CSV. YAML gives the table, the row's cells, its
provenance and, for a study from a paper not yet cited, the reference::

    table: msc_studies            # msc_studies (Table 1), exosome_studies (Table 2) or clinical_trials (Table 3)
    date_added: "2026-12-06"
    added_by: "A. Curator"
    reference: {authors: ..., title: ..., journal: ..., year: 2025, volume_pages: ..., doi: ..., pmid: ...}
    row: {disease: POF, source: hUC-MSC, ...}          # the printed columns, without row and ref
    evidence: {disease: "quoted words", ...}             # one quote per non-empty cell of row

A CSV holds the additions' columns of the table plus ``table`` (and may give
``ref`` to cite a printed or added reference instead of a ``reference``).
Row and reference numbers continue after the highest printed or added one.

Order of work: parse, number, check against the additions' schema and the
checks of :func:`helpers.data.additions.problems` (a duplicate DOI, PMID or
NCT number names the row it repeats), and only then write, each file by an
atomic rename. A refusal is one line naming the file, the field and the
value, and leaves ``data/additions/`` as it was. Once written, the audit's
rules run on the current edition and their findings on the new row are
printed (findings inform; they never refuse).
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from helpers.core import edition, files, paths
from helpers.data import additions, curated
from helpers.data.schema import expectation

__all__ = ["AddError", "Added", "parse", "prepare", "add"]

_STUDY_TABLES = ("msc_studies", "exosome_studies", "clinical_trials")
_REFERENCE_FIELDS = ("authors", "title", "journal", "year", "volume_pages", "doi", "pmid")


class AddError(ValueError):
    """A file ``review add`` refuses; the message is one line naming file, field and value."""


@dataclass(frozen=True)
class Added:
    """What :func:`prepare` would write: the new rows per additions resource, and the study's place."""

    rows: dict[str, list[dict[str, str]]]
    table: str
    row: int


def _refuse(source: Path, field: str, value: object, reason: str) -> AddError:
    return AddError(f"{source.name}: field '{field}': value {value!r}: {reason}")


def parse(source: Path) -> dict:
    """Read a YAML or CSV addition into ``{table, row, evidence, reference?, provenance...}``."""
    source = Path(source)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AddError(f"{source.name}: cannot read the file ({exc})") from None
    if source.suffix.lower() == ".csv":
        records = list(csv.DictReader(io.StringIO(text)))
        if len(records) != 1:
            raise _refuse(source, "(rows)", len(records), "a CSV addition holds exactly one row")
        record = dict(records[0])
        return {
            "table": record.pop("table", ""),
            "evidence": record.pop("evidence", ""),  # JSON text, checked with the row
            "provenance": {k: record.pop(k, "") for k in ("doi", "pmid", "date_added", "added_by")},
            "ref": record.pop("ref", ""),
            "row": {k: v for k, v in record.items() if k != "row"},
        }
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise AddError(f"{source.name}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("row"), dict):
        raise _refuse(source, "row", None, "expected a mapping 'row:' with the printed cells")
    return {
        "table": data.get("table", ""),
        "evidence": data.get("evidence") or {},
        "provenance": {k: data.get(k, "") for k in ("doi", "pmid", "date_added", "added_by")},
        "ref": data.get("ref", ""),
        "reference": data.get("reference"),
        "row": data["row"],
    }


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _next(printed, added, key: str) -> int:
    return max([0, *(int(v) for v in printed[key]), *(int(v) for v in added[key])]) + 1


def _fields(name: str) -> list[str]:
    return [f["name"] for f in additions_resources()[name]["schema"]["fields"]]


def additions_resources() -> dict[str, dict]:
    """The additions' resources, by name (from ``data/additions/datapackage.json``)."""
    text = (edition.ADDITIONS_DIR / "datapackage.json").read_text(encoding="utf-8")
    return {r["name"]: r for r in json.loads(text)["resources"]}


def prepare(source: Path) -> Added:
    """Number the rows of one addition and check them; raise :class:`AddError` on the first problem.

    Long because it is the one place that turns a curator's file into additions rows: table, reference,
    row, provenance, then the schema and the cross-checks.
    """
    source = Path(source)
    given = parse(source)
    table = _text(given["table"])
    if table not in _STUDY_TABLES:
        raise _refuse(source, "table", table, f"expected one of {', '.join(_STUDY_TABLES)}")
    curated.validate()
    printed = {n: curated.load(n) for n in additions.RESOURCES}
    added = {n: additions.load(n) for n in additions.RESOURCES}
    provenance = {k: _text(v) for k, v in given["provenance"].items()}
    rows: dict[str, list[dict[str, str]]] = {}
    ref = _text(given.get("ref"))
    reference = given.get("reference")
    if reference is not None:
        if not isinstance(reference, dict):
            raise _refuse(source, "reference", reference, "expected a mapping of authors, title, journal, year, ...")
        cells = {k: _text(reference.get(k)) for k in _REFERENCE_FIELDS}
        ref = str(_next(printed["references"], added["references"], "ref"))
        doi = f" https://doi.org/{cells['doi']}." if cells["doi"] else ""
        citation = (
            f"{cells['authors']}. {cells['title']}. {cells['journal']}. {cells['year']};{cells['volume_pages']}.{doi}"
        )
        rows["references"] = [
            {
                "ref": ref,
                **cells,
                "citation": citation,
                "date_added": provenance["date_added"],
                "added_by": provenance["added_by"],
            }
        ]
        provenance["doi"] = provenance["doi"] or cells["doi"]
        provenance["pmid"] = provenance["pmid"] or cells["pmid"]
    number = _next(printed[table], added[table], "row")
    unknown = sorted(set(given["row"]) - set(_fields(table)) - {"row", "ref"})
    if unknown:
        raise _refuse(
            source, unknown[0], given["row"][unknown[0]], f"not a column of {table} ({', '.join(_fields(table))})"
        )
    study = {"row": str(number), **{k: _text(v) for k, v in given["row"].items()}, **provenance}
    if table != "clinical_trials":
        study["ref"] = ref
    quotes = given["evidence"]
    study["evidence"] = quotes if isinstance(quotes, str) else json.dumps(quotes, ensure_ascii=False, sort_keys=True)
    rows[table] = [{k: study.get(k, "") for k in _fields(table)}]
    _check(source, rows, printed, added)
    return Added(rows, table, number)


def _check(source: Path, rows: dict, printed: dict, added: dict) -> None:
    """The schema, then the cross-checks, on the new rows alone (the additions already pass both)."""
    import pandas as pd

    new: dict[str, pd.DataFrame] = {}
    for name in additions.RESOURCES:
        if name not in rows:
            new[name] = added[name].iloc[0:0]
            continue
        with tempfile.TemporaryDirectory(prefix="review-add-") as folder:
            path = Path(folder) / additions_resources()[name]["path"]
            path.write_text(_csv(_fields(name), rows[name]), encoding="utf-8")
            error = additions.row_error(name, path)
            if error is not None:
                field, value, reason = error
                raise _refuse(source, field, value, reason)
            new[name] = additions.read(name, path)
    for name in additions.RESOURCES:
        if name not in rows:
            continue
        # Rows of this addition count as added for the others (a study cites its new reference).
        with_new = {n: pd.concat([added[n], new[n]], ignore_index=True) if n != name else added[n] for n in added}
        found = additions.problems(name, new[name], printed.__getitem__, with_new.__getitem__)
        if found:
            first = found[0]
            raise _refuse(source, first.column, first.value, first.reason)


def _csv(columns: list[str], rows: list[dict[str, str]], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def add(source: Path) -> tuple[Added, list[str]]:
    """Check one addition, write it to ``data/additions/``, and return it with the audit's findings on its row.

    Raises
    ------
    AddError
        Before anything is written.
    """
    prepared = prepare(source)
    texts = {}
    for name, rows in prepared.rows.items():
        path = edition.ADDITIONS_DIR / additions_resources()[name]["path"]
        old = path.read_text(encoding="utf-8")
        texts[path] = old + ("" if old.endswith("\n") else "\n") + _csv(_fields(name), rows, header=False)
    for path, text in texts.items():  # references first (RESOURCES order): a study never cites a missing one
        files.write_bytes(path, text.encode("utf-8"))
    return prepared, findings(prepared)


def findings(prepared: Added) -> list[str]:
    """The audit's findings on the new row, on the current edition, one line each."""
    from helpers.audit import runner
    from helpers.audit.registry import TABLE_NAMES
    from helpers.data import duplicates

    previous = edition.current()
    edition.use(edition.CURRENT)
    try:
        found = runner.findings()
        # a printed row of the same design: one experiment perhaps counted twice (table1/audit ed2 7.3/7.4)
        twins = [p for k, p in duplicates.matches(prepared.table) if str(k) == str(prepared.row)]
    finally:
        edition.use(previous)
    table = TABLE_NAMES[prepared.table]
    return (
        [
            f"{f.rule} ({f.severity}) {table} row {f.row}, {f.field}: {f.message}"
            for f in found
            if f.table == table and str(f.row) == str(prepared.row)
        ]
        + [f"{table} row {prepared.row}: {duplicates.sentence(prepared.table, prepared.row, p)}" for p in twins]
        + [doi_warning(doi) for doi in _dois(prepared) if doi_warning(doi)]
    )


def doi_warning(doi: str) -> str:
    """A warning for a DOI whose registrant code is below 1000, which no agency issues; "" otherwise.

    The form check (``10.`` + 4-9 digits + ``/``) lets a mistyped prefix through, and nothing is looked up, so
    this is the one sign of a DOI that cannot resolve (references ed2 7.2).
    """
    code = re.match(r"10\.(\d{4,9})/", doi.strip())
    if code and int(code[1]) < 1000:
        return (
            f"DOI {doi}: warning, registrant code {code[1]} is below 1000, which no DOI registration agency issues; "
            "the DOI was not looked up, so check it at its source"
        )
    return ""


def _dois(prepared: Added) -> list[str]:
    """The DOIs of the rows an addition writes (its reference, its study's provenance), once each."""
    found = [str(row.get("doi", "")) for rows in prepared.rows.values() for row in rows]
    return list(dict.fromkeys(d for d in found if d))


def expected(name: str, field: str) -> str:
    """What a field of the additions accepts, in words (for messages and the docs)."""
    fields = {f["name"]: f for f in additions_resources()[name]["schema"]["fields"]}
    return expectation(fields[field])


def relative_additions() -> str:
    """The additions folder as a reader sees it."""
    return paths.relative(edition.ADDITIONS_DIR)
