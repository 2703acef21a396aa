"""Run one notebook many times with other parameters, on the warm kernel pool: ``review run``, its
``--grid`` sweep and the site's views (``review site --views``) share it.

Each run writes its own folder under ``runs/`` (its executed notebook, exhibits,
``parameters.yaml`` and the notebook's ``run.json``), whole files only.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

from helpers.core import paths

__all__ = ["run_lock", "run_many"]


@contextmanager
def run_lock(out_dir: Path):
    """Take turns with any other ``review run`` into the same folder (same parameters, same slug)."""
    import fcntl
    import hashlib

    lock = paths.CACHE_DIR / "run-locks" / f"{hashlib.sha256(str(out_dir).encode()).hexdigest()[:16]}.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("review run: waiting for another run into the same folder to finish", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def run_many(runs: list[tuple[Path, dict]], source: Path, exhibit: str, timeout: int, workers: int) -> list:
    """Run one parameterised notebook once per ``(out_dir, injected)``; see :func:`run_each`."""
    return run_each([(source, out_dir, injected) for out_dir, injected in runs], timeout, workers)


def run_each(runs: list[tuple[Path, Path, dict]], timeout: int, workers: int) -> list:
    """Run notebooks once per ``(source, out_dir, injected)``, writing whole files, each run its own.

    One run (``review run``), a sweep (``review run --grid``) and the site's
    views (every notebook's, on one pool of kernels) share this:
    the sweep's runs go to the same warm kernel pool as a build's notebooks,
    ``workers`` at a time, and a failed run is returned as its exception
    without stopping the others.

    Each injected notebook is staged in a private temporary folder (two runs
    with the same parameters once shared one staging name, and one removed
    the other's); runs into one folder take turns (the folders' locks are
    taken in sorted order, so two sweeps that share folders cannot deadlock),
    and every file lands by an atomic rename, so a folder never mixes two
    runs' files.
    """
    import tempfile
    from contextlib import ExitStack

    import yaml

    from helpers.core import files

    from . import kernels, nbfiles

    with ExitStack() as stack:
        for out_dir in sorted({out for _, out, _ in runs}):
            stack.enter_context(run_lock(out_dir))
        private = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="review-run-")))
        jobs = []
        for n, (source, out_dir, injected) in enumerate(runs):
            shown = {k: v for k, v in injected.items() if k != "output_dir"}
            files.write_bytes(out_dir / "parameters.yaml", yaml.safe_dump(shown, sort_keys=True).encode("utf-8"))
            # Same engine as the build: papermill's injected cell, run by nbclient.
            (private / f"{n}").mkdir()
            staged = nbfiles.parameterize(source, private / f"{n}" / source.name, injected)
            # papermill gives its injected cell a random id; a run's notebook must be the same bytes every time.
            nb = json.loads(staged.read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
                    cell["id"] = "injected-parameters"
            staged.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
            jobs.append((f"{source.stem}#{n}", staged, private / f"{n}" / "executed.ipynb"))
        kernel = nbfiles.kernel_name(runs[0][0])  # every notebook of the project asks for the project's kernel
        done = kernels.run_notebooks(jobs, workers=workers, kernel_name=kernel, timeout=timeout)
        outcomes = []
        for (source, out_dir, _), (key, _, _) in zip(runs, jobs, strict=True):
            outcome = done[key]
            if not isinstance(outcome, Exception):
                files.write_bytes(out_dir / source.name, outcome.notebook)
            outcomes.append(outcome)
    return outcomes
