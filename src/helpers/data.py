"""Load the curated data, validated against its Frictionless schema.

``data/datapackage.json`` describes every CSV: field types, allowed codes,
patterns, primary keys and foreign keys. :func:`validate` checks the whole
package with the ``frictionless`` library and turns the first problem into
one :class:`DataError` that names the file, the record, the column and what
was expected.

Validation is not free: importing frictionless and checking the package
takes about 0.9 s here, more than loading every CSV with pandas. Each
notebook of the build would pay it again, so a successful validation is
remembered under ``.cache/validated/``, keyed on the SHA-256 of the schema
and of every file it describes. Any edit to any byte of ``data/`` changes
the key and validation runs again.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths

if TYPE_CHECKING:  # pandas is imported when a table is read, not to check hashes
    import pandas as pd

__all__ = ["DataError", "validate", "load", "load_all", "resources", "files_read", "note_read", "track_reads", "data_hashes"]

#: Every file a loader has read in this process (for build provenance).
_READ: set[Path] = set()
#: Called after each newly recorded read (the active run refreshes its record).
_LISTENER: list = [None]


class DataError(ValueError):
    """A file in ``data/`` does not match its schema."""


def note_read(path: Path) -> None:
    """Record that this process read ``path`` (loaders outside this module call it)."""
    path = Path(path).resolve()
    if path not in _READ:
        _READ.add(path)
        if _LISTENER[0] is not None:
            _LISTENER[0]()


def track_reads(listener=None) -> None:
    """Start a fresh record of reads, calling ``listener()`` after each new one.

    A notebook run starts here, so that a file read after its last exhibit
    was saved (a legend, say) still counts as one of its inputs.
    """
    _READ.clear()
    _LISTENER[0] = listener


def files_read() -> list[Path]:
    """Return the data files read so far by this process, sorted."""
    return sorted(_READ)


def _package(data_dir: Path) -> dict:
    return json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))


def resources(data_dir: Path | None = None) -> dict[str, dict]:
    """Return the resource descriptors of the data package, by name."""
    data_dir = Path(data_dir or paths.DATA_DIR)
    return {r["name"]: r for r in _package(data_dir)["resources"]}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def data_hashes(data_dir: Path | None = None) -> dict[str, str]:
    """Return the SHA-256 of the schema and of every file it describes."""
    data_dir = Path(data_dir or paths.DATA_DIR)
    files = ["datapackage.json"] + [r["path"] for r in resources(data_dir).values()]
    return {name: _sha256(data_dir / name) for name in files}


def _expectation(field: dict) -> str:
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


def _describe(error, resource: dict, data_dir: Path) -> str:
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
        return f"{location}: got {got}; expected {_expectation(fields[column])}."
    if error.type == "foreign-key":
        keys = resource["schema"].get("foreignKeys", [])
        target = keys[0]["reference"]["resource"] if keys else "the referenced resource"
        return f"{location}: {error.note}; the value must exist in data/{target}.csv."
    return f"{location}: {error.type}: {error.note}"


def _validation_key(data_dir: Path) -> str:
    # The validator's version is part of the key; reading it from metadata
    # avoids importing frictionless when the answer is already cached.
    from importlib.metadata import version

    blob = json.dumps(data_hashes(data_dir), sort_keys=True) + version("frictionless")
    return hashlib.sha256(blob.encode()).hexdigest()


def validate(data_dir: Path | None = None, *, use_cache: bool = True) -> None:
    """Validate the whole data package; raise :class:`DataError` on the first problem.

    Parameters
    ----------
    data_dir : pathlib.Path, optional
        Folder holding ``datapackage.json``; the project's ``data/`` by default.
    use_cache : bool
        Skip the check when these exact bytes were validated before.

    Raises
    ------
    DataError
        Naming the file, record, column and expected value.
    """
    data_dir = Path(data_dir or paths.DATA_DIR).resolve()
    stamp_dir = paths.CACHE_DIR / "validated"
    try:
        key = _validation_key(data_dir)
    except FileNotFoundError as exc:
        raise DataError(f"{paths.relative(Path(exc.filename))}: file is missing") from None
    if use_cache and (stamp_dir / key).exists():
        return
    import frictionless

    descriptors = resources(data_dir)
    for resource in descriptors.values():
        # Encoding is checked first: frictionless would report it per cell.
        try:
            (data_dir / resource["path"]).read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"{paths.relative(data_dir / resource['path'])}: not UTF-8 "
                f"(byte {exc.start}); save the file as UTF-8."
            ) from None
    report = frictionless.Package(str(data_dir / "datapackage.json")).validate()
    if not report.valid:
        for task in report.tasks:
            for error in task.errors:
                raise DataError(_describe(error, descriptors[task.name], data_dir))
        raise DataError(f"{paths.relative(data_dir)}: {report.errors[0].message}")
    stamp_dir.mkdir(parents=True, exist_ok=True)
    (stamp_dir / key).touch()


_PANDAS_TYPES = {"integer": "Int64", "string": "str"}


def load(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Load one validated resource as a DataFrame with schema types.

    Text cells keep the printed text exactly: an empty cell is ``""`` and a
    printed "NA" stays the string ``"NA"``.
    """
    data_dir = Path(data_dir or paths.DATA_DIR).resolve()
    validate(data_dir)
    return _read(name, data_dir)


def _read(name: str, data_dir: Path) -> pd.DataFrame:
    import pandas as pd

    descriptors = resources(data_dir)
    if name not in descriptors:
        raise KeyError(f"no resource {name!r} in data/datapackage.json; known: {', '.join(descriptors)}")
    resource = descriptors[name]
    dtypes = {f["name"]: _PANDAS_TYPES[f["type"]] for f in resource["schema"]["fields"]}
    path = data_dir / resource["path"]
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[], encoding="utf-8")
    note_read(path)
    note_read(data_dir / "datapackage.json")
    return frame


def load_all(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """Validate once, then load every resource of the package, by name."""
    data_dir = Path(data_dir or paths.DATA_DIR).resolve()
    validate(data_dir)
    return {name: _read(name, data_dir) for name in resources(data_dir)}

