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

from helpers.core import edition, paths, runrecord
from helpers.data import additions
from helpers.data.schema import DataError, check_utf8, describe, validator_version

if TYPE_CHECKING:  # pandas is imported when a table is read, not to check hashes
    import pandas as pd

__all__ = ["DataError", "validate", "load", "load_file", "resources", "data_hashes", "edition_note"]


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


def _validation_key(data_dir: Path) -> str:
    blob = json.dumps(data_hashes(data_dir), sort_keys=True) + validator_version()
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
        check_utf8(data_dir / resource["path"])
    report = frictionless.Package(str(data_dir / "datapackage.json")).validate()
    if not report.valid:
        for task in report.tasks:
            for error in task.errors:
                raise DataError(describe(error, descriptors[task.name], data_dir))
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
    frame = _read(name, data_dir)
    if edition.current() == edition.CURRENT and data_dir == paths.DATA_DIR.resolve():
        frame = _with_additions(name, frame, data_dir)
    return frame


def _with_additions(name: str, frame: pd.DataFrame, data_dir: Path) -> pd.DataFrame:
    """The printed rows of ``name`` followed by its added rows (the current edition), printed columns only.

    Every additions file is recorded as read, even for a resource no addition extends and even while the
    additions are empty, so the first addition of any kind makes every current-edition run stale.
    """
    import pandas as pd

    additions.validate(lambda n: _read(n, data_dir), data_hashes(data_dir))
    for path in additions.input_files():
        runrecord.note_read(path)
    if name not in additions.RESOURCES:
        return frame
    added = additions.load(name)
    if added.empty:
        return frame
    return pd.concat([frame, added[list(frame.columns)].astype(frame.dtypes.to_dict())], ignore_index=True)


def edition_note() -> str:
    """One sentence saying what the current edition holds beyond the printed one, counted from ``data/additions/``.

    Examples
    --------
    'Edition current: data/additions/ holds no rows, so the current edition equals the printed one.'
    """
    from helpers.data import added  # deferred: added reads the additions this module's loads append

    counts = {name: len(added.provenance(name)) for name in additions.RESOURCES}
    if not any(counts.values()):
        return "Edition current: data/additions/ holds no rows, so the current edition equals the printed one."

    n = sum(counts.values())
    # "additions", not "rows": a reference is an entry of the list, not a row of a table (table1 ed. reading 8)
    return (
        f"Edition current: the printed edition plus {n} {'addition' if n == 1 else 'additions'} since the review, "
        f"from data/additions/: {added.summary()}."
    )


def _read(name: str, data_dir: Path, path: Path | None = None) -> pd.DataFrame:
    import pandas as pd

    descriptors = resources(data_dir)
    if name not in descriptors:
        raise KeyError(f"no resource {name!r} in data/datapackage.json; known: {', '.join(descriptors)}")
    resource = descriptors[name]
    dtypes = {f["name"]: _PANDAS_TYPES[f["type"]] for f in resource["schema"]["fields"]}
    path = path or data_dir / resource["path"]
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[], encoding="utf-8")
    runrecord.note_read(path)
    runrecord.note_read(data_dir / "datapackage.json")
    return frame


def load_file(name: str, path: Path) -> pd.DataFrame:
    """Validate one CSV against resource ``name``'s schema in ``data/``, then load it.

    For a file kept outside ``data/`` with the layout of one of its
    resources (a trial lexicon, a test fixture). Foreign keys are not
    checked: they need the whole package.

    Raises
    ------
    DataError
        Naming the file, record, column and expected value.
    """
    import frictionless

    path = Path(path).resolve()
    descriptor = dict(resources()[name], path=path.name)
    check_utf8(path)
    schema = {k: v for k, v in descriptor["schema"].items() if k != "foreignKeys"}
    resource = frictionless.Resource(dict(descriptor, schema=schema), basepath=str(path.parent))
    report = resource.validate()
    if not report.valid:
        errors = report.tasks[0].errors if report.tasks else report.errors
        raise DataError(describe(errors[0], descriptor, path.parent))
    return _read(name, paths.DATA_DIR, path)  # the project's schema, the given file
