"""The added rows of the current edition: their schema, provenance and checks.

``data/additions/`` holds studies, trials and references added after the
review was printed, one CSV per printed table it extends, described by
``data/additions/datapackage.json``. That schema is the printed one
(:func:`package` derives it from ``data/datapackage.json``, and a test keeps
the file equal to it) with three differences: an added reference may carry a
number above the printed 83, an added trial must name a registry number
(``NCTxxxxxxxx``, not a reference), and every row carries its provenance:

``doi`` / ``pmid``  the source the row was coded from (at least one);
``date_added``      ISO date;
``added_by``        who coded it;
``evidence``        a JSON object: for every coded cell, the source's own words.

Checks a schema cannot state (:func:`problems`) are made in code: added
row and reference numbers must not reuse printed ones; a study's reference
must exist; a DOI, PMID or NCT number must not repeat a printed or added one;
every coded cell must have its evidence. The first problem is raised as one
:class:`helpers.data.schema.DataError` naming file, record, column and value.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from helpers.core import edition, paths
from helpers.data.schema import DataError, check_utf8, describe, expectation, validator_version

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "RESOURCES",
    "PROVENANCE",
    "package",
    "validate",
    "load",
    "problems",
    "Problem",
    "row_error",
    "read",
    "coded_columns",
    "input_files",
]

#: Printed resources an edition may extend, in the order rows are checked (references first: studies cite them).
RESOURCES: tuple[str, ...] = ("references", "msc_studies", "exosome_studies", "clinical_trials")
_NONBLANK = r"^(\S([\s\S]*\S)?)?$"
#: Provenance columns appended to each resource's printed columns.
PROVENANCE: dict[str, tuple[str, ...]] = {
    "references": ("date_added", "added_by"),
    **{r: ("doi", "pmid", "date_added", "added_by", "evidence") for r in RESOURCES[1:]},
}
_FIELDS = {
    "doi": {
        "name": "doi",
        "title": "DOI of the source",
        "type": "string",
        "constraints": {"pattern": r"^(10\.\d{4,9}/\S+)?$"},
    },
    "pmid": {
        "name": "pmid",
        "title": "PMID of the source",
        "type": "string",
        "constraints": {"pattern": r"^(\d{1,9})?$"},
    },
    "date_added": {
        "name": "date_added",
        "title": "Date added",
        "type": "string",
        "constraints": {"required": True, "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    },
    "added_by": {
        "name": "added_by",
        "title": "Added by",
        "type": "string",
        "constraints": {"required": True, "pattern": _NONBLANK},
    },
    "evidence": {
        "name": "evidence",
        "title": "Quoted evidence per coded cell (JSON object)",
        "type": "string",
        "constraints": {"required": True, "pattern": r"^\{[\s\S]*\}$"},
    },
}
#: Constraints the additions tighten or lift, per (resource, field).
_CHANGED = {
    ("clinical_trials", "nct_number"): {"pattern": r"^NCT\d{8}$"},
    ("references", "pmid"): {"pattern": r"^(\d{1,9})?$"},
}
_NOT_CODED = ("row", "ref")
_TYPES = {"integer": "Int64", "string": "str"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an added row: where (resource, record, column), the value, and why."""

    resource: str
    record: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"{_where(self.resource, self.record, self.column)}: got {self.value!r}; {self.reason}"


def _dir() -> Path:
    return Path(edition.ADDITIONS_DIR)


def package(printed: dict) -> dict:
    """The additions' data package, derived from the printed one (``data/datapackage.json`` as a dict)."""
    out = []
    for resource in printed["resources"]:
        if resource["name"] not in RESOURCES:
            continue
        schema = copy.deepcopy(resource["schema"])
        schema.pop("foreignKeys", None)  # a study may cite a printed or an added reference: checked in code
        for field in schema["fields"]:
            constraints = field.setdefault("constraints", {})
            if field["name"] == "ref":
                constraints.pop("maximum", None)
            constraints.update(_CHANGED.get((resource["name"], field["name"]), {}))
        schema["fields"] += [copy.deepcopy(_FIELDS[name]) for name in PROVENANCE[resource["name"]]]
        out.append(
            {"name": resource["name"], "path": resource["path"], "profile": "tabular-data-resource", "schema": schema}
        )
    out.sort(key=lambda r: RESOURCES.index(r["name"]))
    return {
        "name": "mscs-review-additions",
        "title": "Studies, trials and references added to the printed review (the current edition)",
        "licenses": printed.get("licenses", []),
        "resources": out,
    }


def coded_columns(resource: dict) -> list[str]:
    """The coded cells of an added row: every printed column but the row and reference numbers."""
    provenance = PROVENANCE[resource["name"]]
    return [f["name"] for f in resource["schema"]["fields"] if f["name"] not in (*_NOT_CODED, *provenance)]


def _resources() -> dict[str, dict]:
    text = (_dir() / "datapackage.json").read_text(encoding="utf-8")
    return {r["name"]: r for r in json.loads(text)["resources"]}


def input_files() -> list[Path]:
    """Every file the current edition reads besides ``data/``: the additions' package and CSVs."""
    return [_dir() / "datapackage.json"] + [_dir() / r["path"] for r in _resources().values()]


def read(name: str, path: Path | None = None) -> pd.DataFrame:
    """Read an additions CSV (``path``, or the resource's file) with the schema's types."""
    import pandas as pd

    resource = _resources()[name]
    dtypes = {f["name"]: _TYPES[f["type"]] for f in resource["schema"]["fields"]}
    return pd.read_csv(
        path or _dir() / resource["path"], dtype=dtypes, keep_default_na=False, na_values=[], encoding="utf-8"
    )


def _schema_error(name: str, path: Path):
    """The first frictionless error of ``path`` read as resource ``name`` of the additions, with the descriptor."""
    import frictionless

    resource = dict(_resources()[name], path=path.name)
    check_utf8(path)
    report = frictionless.Resource(resource, basepath=str(path.parent)).validate()
    if report.valid:
        return None, resource
    errors = report.tasks[0].errors if report.tasks else report.errors
    return errors[0], resource


def row_error(name: str, path: Path) -> tuple[str, str, str] | None:
    """The first schema problem of ``path`` as (column, value, what the column expects), or None."""
    error, resource = _schema_error(name, path)
    if error is None:
        return None
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    column = getattr(error, "field_name", None) or "(file)"
    if error.type.endswith("-label"):  # the header, not a cell: name the label as written, not an empty value
        return column, str(error.label), f"{error.type}: the header's column {error.field_number} should be {column!r}"
    cell = getattr(error, "cell", None)
    value = "" if cell is None else str(cell)  # a blank row or an empty file has no cell
    if column in fields:
        return column, value, f"expected {expectation(fields[column])}"
    return column, value, f"{error.type}: {error.note}"


def _where(name: str, n: int | None, column: str) -> str:
    record = f", record {n}" if n is not None else ""
    return f"{paths.relative(_dir() / _resources()[name]['path'])}{record}, column '{column}'"


def _known(source: Callable[[str], pd.DataFrame], folder: str) -> dict[str, dict[str, tuple[str, str, int]]]:
    """Identifiers already held, by column and lower-cased value: (what to call the row, resource, its number).

    References give DOIs and PMIDs, trials their NCT numbers; added studies and trials also give the DOI or
    PMID they were coded from.
    """
    out: dict[str, dict[str, tuple[str, str, int]]] = {"doi": {}, "pmid": {}, "nct_number": {}}
    for name in RESOURCES:
        frame = source(name)
        key = "ref" if name == "references" else "row"
        for column in out:
            if column not in frame.columns:
                continue
            for number, value in zip(frame[key], frame[column], strict=True):
                text = str(value).strip().lower()
                if text and text not in out[column]:
                    out[column][text] = (f"{folder}{name}.csv {key} {number}", name, int(number))
    return out


def problems(
    name: str, frame, printed: Callable[[str], pd.DataFrame], added: Callable[[str], pd.DataFrame]
) -> list[Problem]:
    """What the schema cannot check about the rows of ``frame`` (resource ``name`` of the additions).

    Parameters
    ----------
    name : str
        One of :data:`RESOURCES`.
    frame : pandas.DataFrame
        Rows in the additions' layout, already valid against its schema.
    printed, added : callable
        Load a printed resource, and the other rows already in the additions (excluding ``frame``).

    Returns
    -------
    list of Problem
        One per problem, naming file, record, column and value.
    """
    resource = _resources()[name]
    key = "ref" if name == "references" else "row"
    taken = {int(v) for v in printed(name)[key]} | {int(v) for v in added(name)[key]}
    known = [_known(printed, "data/"), _known(added, "data/additions/")]
    refs = {int(v) for v in printed("references")["ref"]} | {int(v) for v in added("references")["ref"]}
    if name == "references":
        refs |= {int(v) for v in frame["ref"]}
    backing = _backing(name, printed)
    out: list[Problem] = []
    for n, row in enumerate(frame.to_dict("records"), start=1):
        if int(row[key]) in taken:
            out.append(
                Problem(
                    name, n, key, str(row[key]), "the number is already used (printed or added); use the next free one"
                )
            )
        out += _duplicates(name, n, row, known, backing)
        if name != "references":
            out += _study_problems(name, resource, n, row, refs)
    return out


def _backing(name: str, printed: Callable[[str], pd.DataFrame]) -> dict[int, str]:
    """Reference number -> the printed row of table ``name`` it backs; empty for trials and references.

    The review backs each row of Tables 1 and 2 with its own reference, and no reference backs two rows of
    one table: a paper it tabulated is not added to that table again (an addition adds, it never re-codes a
    printed row). Rows added from one added paper may be several, one per model the paper reports.
    """
    import pandas as pd

    frame = printed(name)
    if name == "references" or "ref" not in frame.columns:
        return {}
    return {
        int(ref): f"data/{name}.csv row {int(row)}" for row, ref in zip(frame["row"], frame["ref"]) if pd.notna(ref)
    }


def _duplicates(name: str, n: int, row: dict, known: list[dict], backing: dict[int, str]) -> list[Problem]:
    """A DOI, PMID or NCT number already held.

    A study's own reference, printed or added, carries the study's DOI by design: a study coded from a
    reference the review cites but does not tabulate is what an addition is for, and one paper may give
    several added rows, one per model it reports. It is refused only when the review already tabulates that
    reference in the same table (``backing``, from :func:`_backing`).
    """
    out = []
    for column in ("doi", "pmid", "nct_number"):
        value = str(row.get(column, "") or "").strip()
        for found in known:  # printed first: a value held twice is named where the review prints it
            match = found[column].get(value.lower()) if value else None
            if match is None:
                continue
            label, resource, number = match
            if name == "references" and resource != "references":
                continue  # a study's provenance names its reference, not another study (references have no NCT)
            if name != "references" and resource == "references" and number == int(row.get("ref") or 0):
                if number in backing:
                    out.append(Problem(name, n, column, value, f"duplicates {backing[number]}, tabulated from {label}"))
                # The study's own reference accounts for the identifier. Any other added study holding it was
                # coded from the same paper, another model the paper reports: accepted, whether the paper is a
                # printed reference or an added one (whose entry comes first in the additions' own lookup).
                break
            out.append(Problem(name, n, column, value, f"duplicates {label}"))
            break
    return out


def _study_problems(name: str, resource: dict, n: int, row: dict, refs: set[int]) -> list[Problem]:
    out = []
    if name != "clinical_trials" and int(row["ref"]) not in refs:
        out.append(Problem(name, n, "ref", str(row["ref"]), "no printed or added reference has that number"))
    if not (str(row["doi"]).strip() or str(row["pmid"]).strip() or name == "clinical_trials"):
        out.append(Problem(name, n, "doi", "", "expected the source's DOI or PMID (at least one)"))
    return out + _evidence_problems(name, resource, n, row)


def _evidence_problems(name: str, resource: dict, n: int, row: dict) -> list[Problem]:
    """Every non-empty coded cell needs the source's words behind it; no quote may name another column."""
    text = str(row["evidence"])
    try:
        quotes = json.loads(text)
    except json.JSONDecodeError as exc:
        return [Problem(name, n, "evidence", text, f'not JSON ({exc.msg}); expected {{"column": "quoted text"}}')]
    if not isinstance(quotes, dict):
        return [Problem(name, n, "evidence", text, 'expected a JSON object {"column": "quoted text"}')]
    coded = coded_columns(resource)
    out = [
        Problem(name, n, "evidence", k, f"not a coded column ({', '.join(coded)})") for k in quotes if k not in coded
    ]
    for column in coded:
        if str(row.get(column, "")).strip() and not str(quotes.get(column, "")).strip():
            out.append(
                Problem(name, n, column, str(row[column]), "no quoted source text for this coded cell in 'evidence'")
            )
    return out


def _key(printed_hashes: dict[str, str]) -> str:
    digest = hashlib.sha256(json.dumps(printed_hashes, sort_keys=True).encode() + validator_version().encode())
    for path in input_files():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return "additions-" + digest.hexdigest()


def validate(printed: Callable[[str], pd.DataFrame], printed_hashes: dict[str, str], *, use_cache: bool = True) -> None:
    """Validate ``data/additions/`` against its schema and :func:`problems`; raise the first as :class:`DataError`.

    A success is remembered under ``.cache/validated/`` keyed on every byte of the
    additions and of the printed package (the checks compare the two).
    """
    try:
        stamp = paths.CACHE_DIR / "validated" / _key(printed_hashes)
    except FileNotFoundError as exc:
        raise DataError(f"{paths.relative(Path(exc.filename))}: file is missing") from None
    if use_cache and stamp.exists():
        return
    for name in RESOURCES:
        error, resource = _schema_error(name, _dir() / _resources()[name]["path"])
        if error is not None:
            raise DataError(describe(error, resource, _dir()))
    for name in RESOURCES:
        # Each row against the printed rows and the other added files; within a file, row numbers are unique by schema.
        others = {r: read(r) for r in RESOURCES}
        empty = {r: others[r].iloc[0:0] for r in RESOURCES}
        found = problems(name, others[name], printed, {**others, name: empty[name]}.__getitem__)
        if found:
            raise DataError(str(found[0]))
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.touch()


def load(name: str) -> pd.DataFrame:
    """The added rows of one printed resource (provenance columns included); validate first."""
    return read(name)
