"""``review build --edition current``: the current-edition run of every notebook that has an edition.

The canonical exhibits are the printed edition and the build makes them. The
current edition (printed rows plus ``data/additions/``) lives in one run
folder per notebook, ``runs/<id>_edition-current/``, as any run with a
non-default parameter does. This keeps those folders up to date the way the
build keeps the canonical ones: a notebook runs again when its fingerprint
(:func:`review.fingerprint.fingerprint`: code, defaults, imported modules,
lock and every file it read, which in this edition includes each file of
``data/additions/``) differs from the one recorded when its run was made.
So one added study reruns every current-edition run and no canonical one.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from helpers.core import catalog, edition, files, paths
from helpers.notebook.params import declared, validate

from . import fingerprint, kernels, nbfiles

__all__ = ["EditionResult", "notebooks", "run_dir", "stale", "build_current", "STATE"]

#: Fingerprints of the current-edition runs this checkout made, by exhibit.
STATE = paths.CACHE_DIR / "edition-state.json"


@dataclass
class EditionResult:
    """What ``review build --edition current`` did."""

    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def notebooks() -> list[str]:
    """The exhibits whose notebooks declare the ``edition`` parameter, in catalogue order."""
    return [e.id for e in catalog.EXHIBITS.values() if "edition" in declared(paths.NOTEBOOKS_DIR / f"{e.id}.ipynb")]


def run_dir(exhibit: str) -> Path:
    """The folder of ``exhibit``'s current-edition run (the slug any run with ``edition current`` gets)."""
    return validate(exhibit, catalog.get(exhibit).kind, {"edition": edition.CURRENT}).out_dir


def _state() -> dict:
    return json.loads(STATE.read_text(encoding="utf-8")) if STATE.exists() else {}


def stale(exhibit: str, state: dict | None = None) -> str | None:
    """Why ``exhibit``'s current-edition run must be made again, or None when it is up to date."""
    record = run_dir(exhibit) / "run.json"
    if not record.exists():
        return "no current-edition run"
    made = json.loads(record.read_text(encoding="utf-8"))
    now = fingerprint.fingerprint(exhibit, made.get("inputs"), made.get("modules"))
    recorded = (_state() if state is None else state).get(exhibit)
    if recorded is None:
        return "not made by this checkout"
    changed = [k for k, v in now.items() if recorded.get(k) != v]
    return "changed: " + ", ".join(changed) if changed else None


def build_current(only: list[str] | None = None, *, force: bool = False, jobs: int = 1, timeout: int = 600, log=print):
    """Make every stale current-edition run (or those of ``only``); return an :class:`EditionResult`."""
    chosen = [e for e in notebooks() if not only or e in only]
    state, result = _state(), EditionResult()
    todo = []
    for exhibit in chosen:
        why = "forced" if force else stale(exhibit, state)
        if why is None:
            result.skipped.append(exhibit)
        else:
            log(f"{exhibit} (edition current): {why}")
            todo.append(exhibit)
    if not todo:
        return result
    with tempfile.TemporaryDirectory(prefix="review-edition-") as private:
        work = []
        for exhibit in todo:
            source = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
            staged = nbfiles.parameterize(source, Path(private) / source.name, {"edition": edition.CURRENT})
            work.append((exhibit, staged, Path(private) / f"{exhibit}.executed.ipynb"))
        kernel = nbfiles.kernel_name(work[0][1])
        done = kernels.run_notebooks(work, workers=max(1, jobs), kernel_name=kernel, timeout=timeout)
    for exhibit in todo:
        outcome = done[exhibit]
        if isinstance(outcome, Exception):
            result.failed[exhibit] = f"{exhibit} (edition current): {outcome}"
            continue
        files.write_bytes(run_dir(exhibit) / f"{exhibit}.ipynb", outcome.notebook)
        # The run's own record (run.json, written by run.finish()) is what stale() compares with later.
        record = json.loads((run_dir(exhibit) / "run.json").read_text(encoding="utf-8"))
        state[exhibit] = fingerprint.fingerprint(exhibit, record["inputs"], record["modules"], as_read=True)
        result.ran.append(exhibit)
    files.write_bytes(STATE, (json.dumps(state, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    return result
