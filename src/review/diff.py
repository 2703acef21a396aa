"""What changed between two versions of the project: data rows, derived codes, exhibit numbers, exhibit files.

``review diff A B`` compares two git refs (or a ref and the working tree,
``worktree``), or the two editions of the working tree (``printed`` and
``current``, see :mod:`helpers.core.edition`), and reports, in Markdown and JSON:

- the rows of ``data/*.csv`` added, removed or changed, cell by cell, keyed
  on each resource's primary key in ``data/datapackage.json``;
- the derived codes that changed (``tables/studies.csv``, ``tables/trials.csv``);
- every number an exhibit draws that changed (``figures/*.data.csv``), as
  before → after, e.g. "fig1 · mechanism · Immunomodulation & inflammation ·
  Premature ovarian failure · exosomes · in vivo: studies 2 → 3";
- the exhibits whose files changed, from ``figures/manifest.json``.

For the editions, ``printed`` is the working tree without ``data/additions/``
and ``current`` reads each printed table followed by its added rows, and each
exhibit from its current-edition run, ``runs/<id>_edition-current/`` (made by
``review build --edition current``); an exhibit without such a run is named
as not compared rather than read as removed.

Files are read with ``git show``, so neither version is checked out and the
working tree is never touched. Rows are compared as text, as the CSV holds
them, so "1e7" and "10000000" count as different (a change of spelling is a
change of the file). pandas is used only to parse the CSV; the comparison is
written here because a diff keyed on a schema's primary key, cell by cell,
is what no general diff tool gives.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

from helpers.core import paths
from helpers.core.vocab import EDITIONS

__all__ = ["WORKTREE", "DiffError", "RowChange", "TableDiff", "Diff", "read_at", "table_diff", "diff", "markdown"]

#: The name that stands for the working tree instead of a commit.
WORKTREE = "worktree"
#: The names of the two editions of the working tree (:data:`helpers.core.vocab.EDITIONS`).
PRINTED, CURRENT = EDITIONS
#: Derived datasets compared row by row, and their keys.
DERIVED = {"tables/studies.csv": ("table", "row"), "tables/trials.csv": ("table", "row")}
#: Columns that identify a drawn number's row rather than being one (a year, a printed row or reference).
_IDENTITY = ("year", "row", "ref")


class DiffError(ValueError):
    """A ref that git does not know, or a file that cannot be read as CSV."""


@dataclass(frozen=True)
class RowChange:
    """One row added, removed or changed: its key, and per changed column (before, after)."""

    key: tuple[str, ...]
    kind: str  # "added", "removed" or "changed"
    cells: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class TableDiff:
    """The changes of one CSV file, keyed on ``key`` (its columns)."""

    path: str
    key: tuple[str, ...]
    changes: tuple[RowChange, ...]
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes or self.columns_added or self.columns_removed)


@dataclass(frozen=True)
class Diff:
    """Everything that changed between two versions."""

    old: str
    new: str
    data: tuple[TableDiff, ...]
    derived: tuple[TableDiff, ...]
    numbers: tuple[TableDiff, ...]
    exhibits: dict[str, dict[str, list[str]]]  # exhibit -> {"changed"|"added"|"removed": [files]}
    not_compared: tuple[str, ...] = ()  # exhibits without a current-edition run (editions only)

    def as_json(self) -> str:
        """The diff as JSON (sorted keys, no time stamp: the same two versions give the same bytes)."""
        return json.dumps(asdict(self), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _git(*args: str, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)


def resolve(ref: str, root: Path | None = None) -> str:
    """``ref`` as a full commit id, or :data:`WORKTREE`; a ref git does not know raises :class:`DiffError`."""
    if ref in (WORKTREE, *EDITIONS):
        return ref
    done = _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", root=root or paths.ROOT)
    if done.returncode != 0:
        raise DiffError(
            f"'{ref}' is not a commit of this repository (nor '{WORKTREE}', the working tree, "
            f"nor '{PRINTED}' or '{CURRENT}', its editions)"
        )
    return done.stdout.strip()


def read_at(ref: str, path: str, root: Path | None = None) -> str | None:
    """The text of ``path`` (project-relative) at ``ref``, or None when that version has no such file."""
    root = root or paths.ROOT
    if ref in EDITIONS:
        return _edition_text(ref, path, root)
    if ref == WORKTREE:
        file = root / path
        return file.read_text(encoding="utf-8") if file.is_file() else None
    done = _git("show", f"{ref}:{path}", root=root)
    return done.stdout if done.returncode == 0 else None


def _run_dir(exhibit: str, root: Path) -> Path:
    """Where the current-edition run of ``exhibit`` writes (its slug, as :mod:`helpers.notebook.params` names it)."""
    return root / "runs" / f"{exhibit}_edition-{CURRENT}"


def _edition_text(ref: str, path: str, root: Path) -> str | None:
    """``path`` as the edition ``ref`` sees it: printed rows plus added ones, exhibits from the current run."""
    file = root / path
    if path.startswith("data/additions/"):
        return file.read_text(encoding="utf-8") if ref == CURRENT and file.is_file() else None
    if ref == PRINTED or not file.is_file():
        return file.read_text(encoding="utf-8") if file.is_file() else None
    if path.startswith("data/") and path.endswith(".csv"):
        added = root / "data" / "additions" / Path(path).name
        if not added.is_file():
            return file.read_text(encoding="utf-8")
        columns, _ = _rows(file.read_text(encoding="utf-8"), path)
        _, extra = _rows(added.read_text(encoding="utf-8"), str(added))
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writerows(extra)
        return file.read_text(encoding="utf-8") + out.getvalue()
    if path in DERIVED:
        run = _run_dir("dataset", root) / Path(path).name
        return run.read_text(encoding="utf-8") if run.is_file() else None
    if path.startswith("figures/"):
        run = _run_dir(Path(path).name.split(".")[0], root) / Path(path).name
        return run.read_text(encoding="utf-8") if run.is_file() else None
    return file.read_text(encoding="utf-8")


def _edition_runs(root: Path) -> dict[str, dict[str, str]]:
    """Exhibit -> the files its current-edition run wrote, with their SHA-256 (from its ``run.json``)."""
    out = {}
    for record in sorted((root / "runs").glob(f"*_edition-{CURRENT}/run.json")):
        data = json.loads(record.read_text(encoding="utf-8"))
        if (
            data.get("parameters", {}).get("edition") == CURRENT
            and len(data.get("parameters", {}))
            and data.get("exhibit")
        ):
            out[data["exhibit"]] = data.get("files", {})
    return out


def _rows(text: str | None, path: str) -> tuple[list[str], list[dict[str, str]]]:
    if text is None:
        return [], []
    reader = csv.DictReader(io.StringIO(text))
    try:
        return list(reader.fieldnames or []), list(reader)
    except csv.Error as exc:
        raise DiffError(f"{path}: not readable as CSV: {exc}") from None


def _numeric(values: list[str]) -> bool:
    seen = False
    for value in values:
        if value == "":
            continue
        try:
            float(value)
        except ValueError:
            return False
        seen = True
    return seen


def drawn_key(columns: list[str], rows: list[dict[str, str]]) -> tuple[str, ...]:
    """The columns that say which mark a line of a ``*.data.csv`` is: those before its first number.

    A year, a printed row or a reference number identifies a mark, so it
    counts as part of the key even though it is a number; a file with a
    panel and a printed row (``panel, table, row``) is keyed on those.
    """
    identity = tuple(c for c in ("panel", "table", "row") if c in columns)
    if "row" in identity and _unique(rows, identity):
        return identity
    key = []
    for column in columns:
        if column not in _IDENTITY and _numeric([r[column] for r in rows]):
            break
        key.append(column)
    return tuple(key)


def _unique(rows: list[dict[str, str]], key: tuple[str, ...]) -> bool:
    keys = [tuple(r.get(c, "") for c in key) for r in rows]
    return len(keys) == len(set(keys))


def _keyed(rows: list[dict[str, str]], key: tuple[str, ...]) -> dict[tuple[str, ...], dict[str, str]]:
    """Rows by key; a key seen again gets its occurrence number appended, so no row is lost."""
    out: dict[tuple[str, ...], dict[str, str]] = {}
    for row in rows:
        k = tuple(row.get(c, "") for c in key)
        n, base = 1, k
        while k in out:
            n += 1
            k = (*base, f"#{n}")
        out[k] = row
    return out


def table_diff(path: str, old: str | None, new: str | None, key: tuple[str, ...] | None = None) -> TableDiff:
    """Compare two versions of one CSV file, row by row on ``key`` (or :func:`drawn_key`), cell by cell.

    Parameters
    ----------
    path : str
        The file's project-relative path, for the report.
    old, new : str or None
        Its text in each version; None when that version lacks the file.
    key : tuple of str, optional
        The columns that identify a row (a resource's primary key).
    """
    old_cols, old_rows = _rows(old, path)
    new_cols, new_rows = _rows(new, path)
    if key is None:
        key = drawn_key(new_cols or old_cols, new_rows or old_rows)
    before, after = _keyed(old_rows, key), _keyed(new_rows, key)
    # A column that one version lacks is reported once, not as a change in every row; a file that one
    # version lacks has all its rows added or removed.
    both = [c for c in new_cols if c in old_cols and c not in key] if old_rows and new_rows else []
    changes = []
    for k in sorted(set(before) | set(after), key=_sort_key):
        if k not in before:
            changes.append(RowChange(k, "added", {c: (None, after[k].get(c)) for c in new_cols if c not in key}))
        elif k not in after:
            changes.append(RowChange(k, "removed", {c: (before[k].get(c), None) for c in old_cols if c not in key}))
        else:
            cells = {c: (before[k].get(c), after[k].get(c)) for c in both if before[k].get(c) != after[k].get(c)}
            if cells:
                changes.append(RowChange(k, "changed", cells))
    added = tuple(c for c in new_cols if c not in old_cols) if old_cols else ()
    removed = tuple(c for c in old_cols if c not in new_cols) if new_cols else ()
    return TableDiff(path, tuple(key), tuple(changes), added, removed)


def _sort_key(key: tuple[str, ...]) -> tuple:
    """Numbers as numbers (row 9 before row 10), text as text."""
    return tuple((0, float(p), "") if _numeric([p]) else (1, 0.0, p) for p in key)


def _primary_keys(old: str, new: str, root: Path) -> dict[str, tuple[str, ...]]:
    """``data/<file>`` -> its primary key, from either version's data package (the newer wins)."""
    keys: dict[str, tuple[str, ...]] = {}
    for ref in (old, new):
        text = read_at(ref, "data/datapackage.json", root)
        if text is None:
            continue
        for resource in json.loads(text).get("resources", []):
            pk = resource.get("schema", {}).get("primaryKey")
            if pk:
                keys[f"data/{resource['path']}"] = tuple([pk] if isinstance(pk, str) else pk)
    return keys


def _files(ref: str, folder: str, suffix: str, root: Path) -> set[str]:
    if ref in (WORKTREE, *EDITIONS):
        return {p.relative_to(root).as_posix() for p in (root / folder).glob(f"*{suffix}")}
    done = _git("ls-tree", "--name-only", f"{ref}:{folder}", root=root)
    return (
        {f"{folder}/{name}" for name in done.stdout.split() if name.endswith(suffix)} if done.returncode == 0 else set()
    )


def _manifest(ref: str, root: Path) -> dict:
    """Exhibit -> its manifest entry; for the current edition, the files of each current-edition run."""
    if ref == CURRENT:
        return {exhibit: {"files": found} for exhibit, found in _edition_runs(root).items()}
    text = read_at(WORKTREE if ref == PRINTED else ref, "figures/manifest.json", root)
    return json.loads(text).get("exhibits", {}) if text else {}


def _exhibit_files(old: str, new: str, root: Path) -> dict[str, dict[str, list[str]]]:
    """Per exhibit, the files whose SHA-256 in the manifest changed, or that appeared or went."""
    manifests = [_manifest(ref, root) for ref in (old, new)]
    if {old, new} == set(EDITIONS):  # only the exhibits both editions have
        # A run names its files without the canonical folder: compare file names.
        both = set(manifests[0]) & set(manifests[1])
        manifests = [
            {k: {"files": {Path(n).name: h for n, h in v.get("files", {}).items()}} for k, v in m.items() if k in both}
            for m in manifests
        ]
    out: dict[str, dict[str, list[str]]] = {}
    for exhibit in sorted(set(manifests[0]) | set(manifests[1])):
        a = manifests[0].get(exhibit, {}).get("files", {})
        b = manifests[1].get(exhibit, {}).get("files", {})
        found = {
            "changed": sorted(n for n in set(a) & set(b) if a[n] != b[n]),
            "added": sorted(set(b) - set(a)),
            "removed": sorted(set(a) - set(b)),
        }
        if any(found.values()):
            out[exhibit] = {k: v for k, v in found.items() if v}
    return out


def diff(old_ref: str, new_ref: str, root: Path | None = None) -> Diff:
    """Everything that changed from ``old_ref`` to ``new_ref`` (git refs, or :data:`WORKTREE`)."""
    root = root or paths.ROOT
    old, new = resolve(old_ref, root), resolve(new_ref, root)

    def compare(files: set[str], keys: dict[str, tuple[str, ...]] | None) -> tuple[TableDiff, ...]:
        out = []
        for path in sorted(files):
            found = table_diff(path, read_at(old, path, root), read_at(new, path, root), (keys or {}).get(path))
            if found:
                out.append(found)
        return tuple(out)

    data_files = _files(old, "data", ".csv", root) | _files(new, "data", ".csv", root)
    drawn = _files(old, "figures", ".data.csv", root) | _files(new, "figures", ".data.csv", root)
    derived, not_compared = set(DERIVED), ()
    if {old, new} == set(EDITIONS):
        # An exhibit is compared only when the current edition has a run of it.
        ran = _edition_runs(root)
        not_compared = tuple(
            sorted(p.split("/")[1].split(".")[0] for p in drawn if p.split("/")[1].split(".")[0] not in ran)
        )
        drawn = {p for p in drawn if p.split("/")[1].split(".")[0] in ran}
        if "dataset" not in ran:
            derived, not_compared = set(), tuple(sorted({*not_compared, "dataset"}))
    return Diff(
        old=old_ref,
        new=new_ref,
        data=compare(data_files, _primary_keys(old, new, root)),
        derived=compare(derived, DERIVED),
        numbers=compare(drawn, None),
        exhibits=_exhibit_files(old, new, root),
        not_compared=not_compared,
    )


def _number_lines(table: TableDiff) -> list[str]:
    """One line per drawn number that changed: ``exhibit · key: column before → after``."""
    exhibit = Path(table.path).name.split(".")[0]
    lines = []
    for change in table.changes:
        where = " · ".join([exhibit, *[k for k in change.key if k]])
        numeric = {c: v for c, v in change.cells.items() if _numeric([x for x in v if x is not None])}
        shown = numeric or change.cells
        parts = [f"{c} {_shown(a)} → {_shown(b)}" for c, (a, b) in shown.items()]
        lines.append(
            f"- {where}: " + ("; ".join(parts) if change.kind == "changed" else f"{change.kind} ({'; '.join(parts)})")
        )
    return lines


def _shown(value: str | None) -> str:
    return "(none)" if value is None else (value if value != "" else "(empty)")


def _row_lines(table: TableDiff) -> list[str]:
    lines = []
    for change in table.changes:
        key = ", ".join(f"{c} {v}" for c, v in zip(table.key, change.key, strict=False))
        if change.kind == "changed":
            cells = "; ".join(f"{c}: {_shown(a)} → {_shown(b)}" for c, (a, b) in change.cells.items())
            lines.append(f"- {key}: {cells}")
        else:
            lines.append(f"- {key}: {change.kind}")
    return lines


def markdown(d: Diff) -> str:
    """The diff as Markdown, for a reader and for the CHANGELOG."""
    out = [f"# What changed: {d.old} → {d.new}", ""]
    sections = (
        ("Transcribed data (data/)", d.data, _row_lines),
        ("Derived codes (tables/studies.csv, tables/trials.csv)", d.derived, _row_lines),
        ("Numbers the exhibits draw (figures/*.data.csv)", d.numbers, _number_lines),
    )
    for title, tables, lines in sections:
        out.append(f"## {title}")
        if not tables:
            out += ["", "No change.", ""]
            continue
        for table in tables:
            out += ["", f"### {table.path} ({len(table.changes)} rows)", ""]
            if table.columns_added:
                out.append(f"- columns added: {', '.join(table.columns_added)}")
            if table.columns_removed:
                out.append(f"- columns removed: {', '.join(table.columns_removed)}")
            out += lines(table)
        out.append("")
    if d.not_compared:
        out += [
            "Not compared (no current-edition run; make them with `review build --edition current`): "
            + ", ".join(d.not_compared),
            "",
        ]
    out.append("## Exhibits whose files changed (figures/manifest.json)")
    out.append("")
    if not d.exhibits:
        out.append("No change.")
    for exhibit, kinds in d.exhibits.items():
        out.append(f"- {exhibit}: " + "; ".join(f"{k} {', '.join(v)}" for k, v in kinds.items()))
    return "\n".join(out).rstrip() + "\n"
