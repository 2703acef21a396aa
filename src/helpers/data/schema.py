"""What a schema accepts and what a file broke, in words a curator can act on.

Shared by the printed data package (:mod:`helpers.data.curated`) and the
additions package (:mod:`helpers.data.additions`): both validate with
frictionless and report its first error as one :class:`DataError` naming the
file, the record, the column and what was expected.
"""

from __future__ import annotations

import functools
from pathlib import Path

from helpers.core import paths

__all__ = ["DataError", "expectation", "describe", "check_utf8", "validator_version"]


@functools.cache
def validator_version() -> str:
    """The installed frictionless's version, part of every "validated before" key.

    Read from the package metadata, so a key is made without importing frictionless; once per process
    (about 1.4 ms a lookup, and every load of a resource checks its key).
    """
    from importlib.metadata import version

    return version("frictionless")


class DataError(ValueError):
    """A file in ``data/`` does not match its schema."""


def expectation(field: dict) -> str:
    """Describe in words what a schema field accepts."""
    c = field.get("constraints", {})
    if "enum" in c:
        return "one of " + ", ".join(repr(v) for v in c["enum"])
    parts = [{"integer": "a whole number", "string": "text"}.get(field["type"], field["type"])]
    if c.get("required"):
        parts.append("not empty")
    if "minimum" in c:
        parts.append(f">= {c['minimum']}")
    if "maximum" in c:
        parts.append(f"<= {c['maximum']}")
    if "pattern" in c:
        parts.append(f"matching /{c['pattern']}/")
    if c.get("unique"):
        parts.append("unique in the column")
    return ", ".join(parts)


def describe(error, resource: dict, data_dir: Path) -> str:
    """Turn one frictionless error into a sentence a curator can act on."""
    where = paths.relative(data_dir / resource["path"])
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    record = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    location = where
    if record:
        # frictionless counts the header as row 1; a record may span lines.
        location += f", record {record - 1} (after the header)"
    if column:
        location += f", column '{column}'"
    if column in fields and error.type in {"type-error", "constraint-error", "missing-cell"}:
        got = "an empty cell" if cell in (None, "") else repr(cell)
        return f"{location}: got {got}; expected {expectation(fields[column])}."
    if error.type == "foreign-key":
        keys = resource["schema"].get("foreignKeys", [])
        target = keys[0]["reference"]["resource"] if keys else "the referenced resource"
        return f"{location}: {error.note}; the value must exist in data/{target}.csv."
    return f"{location}: {error.type}: {error.note}"


def check_utf8(path: Path) -> None:
    """Raise :class:`DataError` when ``path`` is not UTF-8, naming the first bad byte."""
    # Checked before frictionless, which would report bad bytes once per cell.
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{paths.relative(path)}: not UTF-8 (byte {exc.start}); save the file as UTF-8.") from None
