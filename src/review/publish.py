"""Publish a build's staged files crash-safely, under a lock.

Exhibits and executed notebooks are written to a stage folder of the
build's own and moved into place only after their notebook succeeded. The
moves of one build are listed in a journal first; a build killed during the
moves is rolled forward by the next one, so every file is either wholly old
or wholly new and the manifest always describes what is on disk. A lock
file keeps two builds from writing at once.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from helpers.core import files, paths

from . import fingerprint, manifest

__all__ = ["LockHeld", "lock", "new_stage", "publish", "roll_forward", "STAGE", "JOURNAL", "LOCK"]

STAGE = paths.CACHE_DIR / "stage"
JOURNAL = paths.CACHE_DIR / "publish.json"
LOCK = paths.CACHE_DIR / "build.lock"


class LockHeld(RuntimeError):
    """Another build holds the lock."""


@contextmanager
def lock():
    """Hold the build lock, or raise :class:`LockHeld` at once."""
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with open(LOCK, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockHeld("another build is running (lock .cache/build.lock is held); wait for it") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def new_stage() -> Path:
    """A stage folder of this build's own.

    A kernel of a killed earlier build that is still shutting down cannot
    write into it.
    """
    stage = STAGE / f"{os.getpid()}-{time.time_ns()}"
    (stage / "notebooks").mkdir(parents=True)
    return stage


def publish(moves: list[tuple[str, str]], entries: dict[str, dict]) -> None:
    """Move staged files into place and update the manifest, crash-safely.

    Raises
    ------
    OSError
        Before anything moves, when a target folder cannot take a new file
        (read-only, say): the last good exhibits stay as they are.
    """
    _check_writable({(paths.ROOT / target).parent for _, target in moves} | {manifest.path().parent})
    files.write_bytes(JOURNAL, json.dumps({"moves": moves, "entries": entries}, sort_keys=True).encode())
    roll_forward()


def _check_writable(folders: set[Path]) -> None:
    """Create and remove a file in each folder, naming the first one that refuses.

    A publish stopped half way by a read-only folder would be finished by the
    next build, but until then the manifest would not describe the files.
    """
    for folder in sorted(folders):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(prefix=".publish.", suffix=".tmp", dir=folder)  # swept if we are killed
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(folder)) from None


def roll_forward() -> None:
    """Finish a publish that a killed build left half done (idempotent).

    Also removes what a killed writer can leave behind: temporary files of
    :func:`helpers.core.files.write_bytes` and stage folders of earlier builds
    (the caller holds the lock, so none of them is in use).
    """
    for folder in (paths.NOTEBOOKS_DIR, paths.TABLES_DIR, paths.FIGURES_DIR):
        for stray in folder.glob(files.TEMP_GLOB):
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
    state = fingerprint.load_state()
    state.update({k: v["fingerprint"] for k, v in journal["entries"].items()})
    files.write_bytes(fingerprint.STATE, json.dumps(state, indent=1, sort_keys=True).encode())
    JOURNAL.unlink()
    shutil.rmtree(STAGE, ignore_errors=True)
