"""The build: run every stale notebook on warm kernels, then publish atomically.

Process model (measured, see bench/): a process that imports nbformat and
papermill costs about 0.6 s before it does anything, a kernel start about
1 s, and importing pandas, matplotlib and ``helpers`` in the kernel 1–1.5 s,
while most notebooks then compute for well under a second. So one
orchestrating process drives a pool of warm kernels, one per core
(:mod:`review.kernels`); each kernel runs several notebooks, reset in
between. Results are collected in catalogue order, whatever order they
finish in.

What runs is decided by :mod:`review.fingerprint`; how results reach the
canonical folders, by :mod:`review.publish`. What a notebook read, imported
and wrote arrives through its run record (:mod:`review.contract`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from helpers.core import catalog, paths
from helpers.data import curated

from . import fingerprint, kernels, manifest, nbfiles, publish

__all__ = ["BuildError", "BuildResult", "build"]


class BuildError(RuntimeError):
    """A build could not start (unknown notebook, lock held) or a notebook's record is unusable."""


@dataclass
class BuildResult:
    """What a build did, for the summary and the exit code."""

    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    #: This build's own environment (:func:`review.manifest.note_environment`).
    environment: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


def _staged(exhibit: str, stage: Path, executed: kernels.Executed) -> tuple[list[tuple[str, str]], dict]:
    """The moves and manifest entry of one notebook that ran into the stage."""
    info, record = catalog.get(exhibit), executed.record
    if record["exhibit"] != exhibit or not record["files"]:
        raise BuildError(f"{exhibit}: the notebook wrote no exhibit (no call to run.save_*)")
    if not record["canonical"]:
        raise BuildError(f"{exhibit}: the notebook ran with non-default parameters inside the build")
    kind_dir = info.folder.name
    source = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    moves = [(paths.relative(stage / "notebooks" / source.name), paths.relative(source))]
    moves += [(paths.relative(stage / kind_dir / name), f"{kind_dir}/{name}") for name in record["files"]]
    stamp = fingerprint.fingerprint(exhibit, record["inputs"], record["modules"], as_read=True)
    return moves, manifest.entry(info, record, stamp, hashlib.sha256(executed.notebook).hexdigest())


def _choose(only: list[str] | None, force: bool, log) -> tuple[list[str], list[str]]:
    """Split the chosen notebooks into those to run and those up to date."""
    known = nbfiles.notebook_ids()
    unknown = [name for name in only or [] if name not in known]
    if unknown:
        raise BuildError(f"unknown notebook {unknown[0]!r}; known: {', '.join(known)}")
    current, state = manifest.load(), fingerprint.load_state()
    todo, skipped = [], []
    for exhibit in (e for e in known if not only or e in only):
        reason = "forced" if force else fingerprint.stale(exhibit, current.get(exhibit), state)
        (todo if reason else skipped).append(exhibit)
        if reason:
            log(f"{exhibit}: {reason}")
    return todo, skipped


def _execute(todo: list[str], stage: Path, jobs: int | None, timeout: int, progress: bool) -> dict:
    """Run the notebooks into the stage; figures first, since they take longest."""
    from tqdm.auto import tqdm

    ordered = sorted(todo, key=lambda e: catalog.get(e).kind != "figure")
    runs = [(e, paths.NOTEBOOKS_DIR / f"{e}.ipynb", stage / "notebooks" / f"{e}.ipynb") for e in ordered]
    with tqdm(total=len(todo), desc="notebooks", unit="nb", disable=not progress, leave=False) as bar:
        return kernels.run_notebooks(
            runs,
            workers=jobs or os.cpu_count() or 1,
            stage=str(stage),
            kernel_name=nbfiles.kernel_name(runs[0][1]),
            timeout=timeout,
            on_done=lambda _: bar.update(1),
        )


def build(
    only: list[str] | None = None,
    *,
    force: bool = False,
    jobs: int | None = None,
    timeout: int = kernels.DEFAULT_TIMEOUT,
    progress: bool = True,
    log=print,
) -> BuildResult:
    """Bring every canonical exhibit up to date.

    Parameters
    ----------
    only : list of str, optional
        Exhibit ids to consider; all notebooks by default.
    force : bool
        Run even notebooks that are up to date.
    jobs : int, optional
        Notebooks run at once; the number of cores by default.
    timeout : int
        Seconds a single cell may run.
    progress : bool
        Show a tqdm progress bar on stderr.

    Returns
    -------
    BuildResult

    Raises
    ------
    BuildError, publish.LockHeld, helpers.data.curated.DataError
        Before any notebook runs.
    """
    started = time.perf_counter()
    result = BuildResult()
    with publish.lock():
        publish.roll_forward()  # recover from a build killed while publishing
        _validate_data()  # once here, so no kernel pays for it and bad data stops everything
        todo, result.skipped = _choose(only, force, log)
        moves, entries = [], {}
        if todo:
            stage = publish.new_stage()
            executed = _execute(todo, stage, jobs, timeout, progress)
            for exhibit in todo:  # catalogue order, whatever order they finished in
                try:
                    outcome = executed[exhibit]
                    if isinstance(outcome, Exception):
                        raise outcome
                    exhibit_moves, entries[exhibit] = _staged(exhibit, stage, outcome)
                    moves += exhibit_moves
                    result.ran.append(exhibit)
                except Exception as exc:  # reported per notebook; the others still publish
                    result.failed[exhibit] = _describe_failure(exhibit, exc)
        if moves or not manifest.path().exists():
            publish.publish(moves, entries)
        elif todo:  # every notebook failed: nothing to publish, so nothing is written (a full disk, say)
            shutil.rmtree(stage, ignore_errors=True)
        result.environment = manifest.note_environment()  # this build's, beside the manifest's (issue 22)
    result.seconds = time.perf_counter() - started
    return result


#: The field types :mod:`helpers.data.curated` loads.
_FIELD_TYPES = tuple(curated._PANDAS_TYPES)


def _validate_data() -> None:
    """:func:`helpers.data.curated.validate`, after the checks whose failures it would not name well.

    The schema must be JSON with field types the loader reads, and each CSV
    must pass :func:`_check_csv`. Each problem is one
    :class:`helpers.data.curated.DataError` naming the file and line or field.
    """
    schema = paths.relative(paths.DATAPACKAGE)
    try:
        resources = curated.resources()
    except FileNotFoundError:
        raise curated.DataError(f"{schema}: file is missing") from None
    except (ValueError, KeyError, TypeError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise curated.DataError(f"{schema}: not a data package (valid JSON with a 'resources' list): {exc}") from None
    for name, resource in resources.items():
        fields = resource.get("schema", {}).get("fields", [])
        for column in fields:
            if column.get("type") not in _FIELD_TYPES:
                raise curated.DataError(
                    f"{schema}: resource {name!r}, field {column.get('name')!r}: type {column.get('type')!r}; "
                    f"expected one of {', '.join(_FIELD_TYPES)}"
                )
        path = paths.DATA_DIR / resource.get("path", "")
        try:
            raw = path.read_bytes()
        except OSError:
            continue  # helpers.data.curated says a file is missing
        _check_csv(paths.relative(path), raw, [f.get("name") for f in fields])
    try:
        curated.validate()
    except curated.DataError:
        raise
    except Exception as exc:  # frictionless refusing the descriptor itself
        if type(exc).__module__.split(".")[0] != "frictionless":
            raise
        raise curated.DataError(f"{schema}: {exc}") from None


def _check_csv(where: str, raw: bytes, expected: list[str]) -> None:
    """Refuse what frictionless and pandas would read differently, or that frictionless names vaguely.

    UTF-8 without a byte-order mark, LF line endings (a CR would stay inside
    multi-line cells), every quoted cell closed (frictionless reads an
    unclosed quote as a cell running to the end of the file, pandas fails),
    and the schema's header, in order.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raise curated.DataError(f"{where}: starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    if b"\r" in raw:
        line = raw[: raw.index(b"\r")].count(b"\n") + 1
        raise curated.DataError(f"{where}, line {line}: CR line ending (CRLF); save it with LF line endings")
    if not raw.strip():
        raise curated.DataError(f"{where}: empty; expected a header line: {','.join(expected)}")
    text = raw.decode("utf-8", "replace")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header, record, line = [], 0, 1
    try:
        header = next(reader)
        line = reader.line_num + 1
        for record, _ in enumerate(reader, start=1):  # noqa: B007 (the count is read after the loop)
            line = reader.line_num + 1
    except csv.Error as exc:
        cells = next(csv.reader(io.StringIO("\n".join(text.split("\n")[line - 1 :]), newline="")), [""])
        column = header[len(cells) - 1] if header and len(cells) <= len(header) else "?"
        place = f"record {record + 1} (after the header), line {line}, column {column!r}" if header else "line 1"
        raise curated.DataError(f"{where}, {place}: a quoted cell is not closed ({exc})") from None
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        detail = "; ".join(
            [f"missing {', '.join(map(repr, missing))}"] * bool(missing)
            + [f"unexpected {', '.join(map(repr, extra))}"] * bool(extra)
        )
        raise curated.DataError(
            f"{where}, line 1 (header): {detail or 'the columns are in another order'}; "
            f"expected columns {', '.join(expected)}"
        )


def _describe_failure(exhibit: str, exc: Exception) -> str:
    """Name the notebook, the cell and the error in one or two lines."""
    if isinstance(exc, kernels.NotebookFailed):
        return f"notebooks/{exhibit}.ipynb, cell In[{exc.exec_count}]: {exc.ename}: {exc.evalue}"
    return f"notebooks/{exhibit}.ipynb: {type(exc).__name__}: {exc}"
