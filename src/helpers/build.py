"""The build: run every stale notebook in parallel, then publish atomically.

Process model (measured, see bench/): a process that imports nbformat and
papermill costs about 0.6 s before it does anything, a kernel start about
1 s, and importing pandas, matplotlib and ``helpers`` in the kernel 1–1.5 s,
while most notebooks then compute for well under a second. So one
orchestrating process drives a pool of warm kernels, one per core, started
concurrently (:mod:`helpers.kernels`); each kernel runs several notebooks,
reset in between. Results are collected in catalogue order, whatever order
they finish in.

Incremental rule. A notebook runs again when its fingerprint changes. The
fingerprint covers its own code (cell sources and tags, not outputs), the
data files it actually read in its last run (recorded by
:class:`helpers.session.Run`), every ``helpers`` source file, the pip lock and
its parameters (the declared defaults). jupyter-cache was not enough: it
keys a notebook on its cell code alone, so an edited CSV or helper would not
trigger a rerun. Fingerprints live in the committed manifest, so a fresh
clone knows at once that nothing needs running.

The first build in a checkout runs everything (see :data:`STATE`): cloning
copies the manifest, not the proof that this machine reproduces it.

Safety. Exhibits and notebooks are written to ``.cache/stage/`` and moved
into place only after their notebook succeeded. The moves of one build are
listed in a journal first; a build killed during the moves is rolled
forward by the next one, so every file is either wholly old or wholly new
and the manifest always describes what is on disk. A lock file keeps two
builds from writing at once.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import catalog, data, export, kernels, manifest, notebooks, params, paths
from .session import STAGE_ENV

__all__ = ["BuildError", "BuildResult", "build", "fingerprint", "stale"]

STAGE = paths.CACHE_DIR / "stage"
JOURNAL = paths.CACHE_DIR / "publish.json"
#: Fingerprints of what this checkout has itself executed. The first build
#: in a fresh clone therefore runs every notebook, which proves on the
#: user's machine that the committed bytes reproduce; later builds skip
#: what is unchanged.
STATE = paths.CACHE_DIR / "build-state.json"
LOCK = paths.CACHE_DIR / "build.lock"


class BuildError(RuntimeError):
    """A build could not start (lock held, bad data) or a notebook failed."""


@dataclass
class BuildResult:
    """What a build did, for the summary and the exit code."""

    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def _sha_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def helpers_hash() -> str:
    """SHA-256 over every ``helpers`` source file (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(paths.SRC_DIR.rglob("*.py")):
        digest.update(path.relative_to(paths.SRC_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(exhibit: str, inputs: dict[str, str] | None = None, *, as_read: bool = False) -> dict[str, str]:
    """The facts that decide whether ``exhibit``'s notebook must run again.

    Parameters
    ----------
    exhibit : str
    inputs : dict, optional
        Data files (project-relative) the notebook read last time, with the
        hashes they had.
    as_read : bool
        Use those recorded hashes (what the notebook actually read) rather
        than hashing the files now; a file edited during a build then makes
        the next build run the notebook again.
    """
    notebook = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    current_inputs = {}
    for name in sorted(inputs or {}):
        path = paths.ROOT / name
        if as_read:
            current_inputs[name] = inputs[name]
        else:
            current_inputs[name] = export.sha256(path) if path.exists() else "missing"
    return {
        "notebook": notebooks.code_hash(notebook),
        "parameters": _sha_text(json.dumps(params.declared(notebook), sort_keys=True)),
        "helpers": helpers_hash(),
        "lock": export.sha256(paths.LOCKFILE),
        "inputs": _sha_text(json.dumps(current_inputs, sort_keys=True)),
    }


def _state() -> dict[str, dict]:
    return json.loads(STATE.read_text()) if STATE.exists() else {}


def stale(exhibit: str, entry: dict | None, state: dict | None = None) -> str | None:
    """Why ``exhibit`` must run again, or None when it is up to date.

    Parameters
    ----------
    exhibit : str
    entry : dict or None
        Its manifest entry.
    state : dict, optional
        Fingerprints this checkout has executed; read from :data:`STATE`.
    """
    if not entry:
        return "never built"
    now = fingerprint(exhibit, entry.get("inputs"))
    changed = [k for k, v in now.items() if entry.get("fingerprint", {}).get(k) != v]
    if changed:
        return "changed: " + ", ".join(changed)
    if (_state() if state is None else state).get(exhibit) != now:
        return "not yet built in this checkout"
    problems = manifest.check_files(entry)
    if problems:
        return "outputs differ from the manifest"
    return None


@contextmanager
def _lock():
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError("another build is running (lock .cache/build.lock is held); wait for it") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _publish(moves: list[tuple[str, str]], entries: dict[str, dict]) -> None:
    """Move staged files into place and update the manifest, crash-safely."""
    export.write_bytes(JOURNAL, json.dumps({"moves": moves, "entries": entries}, sort_keys=True).encode())
    _roll_forward()


def _roll_forward() -> None:
    """Finish a publish that a killed build left half done (idempotent).

    Also removes what a killed writer can leave behind: temporary files of
    :func:`helpers.export.write_bytes` and stage folders of earlier builds
    (this build holds the lock, so none of them is in use).
    """
    for folder in (paths.NOTEBOOKS_DIR, paths.TABLES_DIR, paths.FIGURES_DIR):
        for stray in folder.glob(".*.tmp"):
            stray.unlink(missing_ok=True)
    if not JOURNAL.exists():
        shutil.rmtree(STAGE, ignore_errors=True)
        return
    journal = json.loads(JOURNAL.read_text())
    for source, target in journal["moves"]:
        src, dst = paths.ROOT / source, paths.ROOT / target
        if src.exists():
            dst.parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, dst)
    manifest.update(journal["entries"])
    state = _state()
    state.update({k: v["fingerprint"] for k, v in journal["entries"].items()})
    export.write_bytes(STATE, json.dumps(state, indent=1, sort_keys=True).encode())
    JOURNAL.unlink()
    shutil.rmtree(STAGE, ignore_errors=True)


def _staged(exhibit: str, stage: Path) -> tuple[list[tuple[str, str]], dict]:
    """The moves and manifest entry of one notebook that ran into the stage."""
    info = catalog.get(exhibit)
    source = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    staged_nb = stage / "notebooks" / source.name
    kind_dir = info.folder.name
    record_path = stage / kind_dir / f"{exhibit}.record.json"
    if not record_path.exists():
        raise BuildError(f"{exhibit}: the notebook wrote no exhibit (no call to run.save_*)")
    record = json.loads(record_path.read_text())
    record_path.unlink()
    moves = [(paths.relative(staged_nb), paths.relative(source))]
    for name in record["files"]:
        moves.append((paths.relative(stage / kind_dir / name), f"{kind_dir}/{name}"))
    entry = manifest.entry(info, record, fingerprint(exhibit, record["inputs"], as_read=True))
    return moves, entry


def build(only: list[str] | None = None, *, force: bool = False, jobs: int | None = None,
          progress: bool = True, log=print) -> BuildResult:
    """Bring every canonical exhibit up to date.

    Parameters
    ----------
    only : list of str, optional
        Exhibit ids to consider; all notebooks by default.
    force : bool
        Run even notebooks that are up to date.
    jobs : int, optional
        Notebooks run at once; the number of cores by default.
    progress : bool
        Show a tqdm progress bar on stderr.

    Returns
    -------
    BuildResult
    """
    started = time.perf_counter()
    result = BuildResult()
    known = notebooks.notebook_ids()
    for name in only or []:
        if name not in known:
            raise BuildError(f"unknown notebook {name!r}; known: {', '.join(known)}")
    chosen = [e for e in known if not only or e in only]
    with _lock():
        _roll_forward()  # recover from a build killed while publishing
        data.validate()  # once here, so no kernel pays for it and bad data stops everything
        current, state = manifest.load(), _state()
        todo = []
        for exhibit in chosen:
            reason = "forced" if force else stale(exhibit, current.get(exhibit), state)
            (todo if reason else result.skipped).append(exhibit)
            if reason:
                log(f"{exhibit}: {reason}")
        if not todo:
            if not (paths.FIGURES_DIR / manifest.NAME).exists():
                manifest.update({})
            result.seconds = time.perf_counter() - started
            return result
        # A folder of this build's own: a kernel of a killed earlier build
        # that is still shutting down cannot write into it.
        stage = STAGE / f"{os.getpid()}-{time.time_ns()}"
        stage.mkdir(parents=True)
        outcomes: dict[str, tuple] = {}
        previous = os.environ.get(STAGE_ENV)
        os.environ[STAGE_ENV] = str(stage)  # inherited by every kernel started below
        try:
            from tqdm.auto import tqdm

            (stage / "notebooks").mkdir()
            # Figures take longest; starting them first balances the workers.
            ordered = sorted(todo, key=lambda e: catalog.get(e).kind != "figure")
            runs = [(e, paths.NOTEBOOKS_DIR / f"{e}.ipynb", stage / "notebooks" / f"{e}.ipynb") for e in ordered]
            bar = tqdm(total=len(todo), desc="notebooks", unit="nb", disable=not progress, leave=False)
            executed = kernels.run_notebooks(runs, workers=jobs or os.cpu_count() or 1,
                                             kernel_name=notebooks.kernel_name(runs[0][1]),
                                             on_done=lambda _: bar.update(1))
            bar.close()
            for exhibit in todo:
                try:
                    if isinstance(executed[exhibit], Exception):
                        raise executed[exhibit]
                    outcomes[exhibit] = _staged(exhibit, stage)
                except Exception as exc:  # reported per notebook; the others still publish
                    result.failed[exhibit] = _describe_failure(exhibit, exc)
        finally:
            if previous is None:
                os.environ.pop(STAGE_ENV, None)
            else:
                os.environ[STAGE_ENV] = previous
        moves, entries = [], {}
        for exhibit in todo:  # catalogue order, whatever order they finished in
            if exhibit in outcomes:
                moves += outcomes[exhibit][0]
                entries[exhibit] = outcomes[exhibit][1]
                result.ran.append(exhibit)
        _publish(moves, entries)
    result.seconds = time.perf_counter() - started
    return result


def _describe_failure(exhibit: str, exc: Exception) -> str:
    """Name the notebook, the cell and the error in one or two lines."""
    cell = getattr(exc, "exec_count", None)
    if hasattr(exc, "ename"):  # kernels.NotebookFailed
        return f"notebooks/{exhibit}.ipynb, cell In[{cell}]: {exc.ename}: {exc.evalue}"
    return f"notebooks/{exhibit}.ipynb: {type(exc).__name__}: {exc}"
