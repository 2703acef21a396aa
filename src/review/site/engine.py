"""The incremental engine: each output has a key, and only outputs whose key changed are written.

Nothing here knows which pages the site has. A caller lists its outputs
(:class:`Output`: a site path, a key and how to make the bytes) and
:func:`apply` writes those whose key differs from the one recorded in the
site folder's state file, or whose file is missing, and removes outputs no
longer listed. Keys are SHA-256 of JSON (:func:`digest`), so the same inputs
give the same key on any machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["STATE_NAME", "SiteResult", "Output", "Hashes", "digest", "code_key", "apply", "write"]

#: The state file that makes renders incremental, inside the site folder.
STATE_NAME = ".site-state.json"
_STATE_SCHEMA = "mscs-review/site-state/1"


@dataclass
class SiteResult:
    """What a render did."""

    folder: Path
    rendered: list[str] = field(default_factory=list)  # pages and thumbnails written, site-relative
    unchanged: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)  # downloadable files copied
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # what the caller wants said about this render

    @property
    def pages(self) -> list[str]:
        """The HTML pages among the rendered outputs."""
        return [p for p in self.rendered if p.endswith(".html")]


@dataclass
class Output:
    """One file of the site: where it goes, its key and how to make it."""

    path: str
    key: str
    make: Callable[[Any], bytes] | None = None  # None: a copy of ``source``
    source: Path | None = None
    #: ``make`` spends its time in code that releases the GIL (Pillow's image
    #: codecs), so it runs on a worker thread while the pages render.
    concurrent: bool = False


class Hashes:
    """SHA-256 of files, each read once per render."""

    def __init__(self) -> None:
        self._seen: dict[Path, str | None] = {}

    def __call__(self, path: Path) -> str | None:
        if path not in self._seen:
            self._seen[path] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
        return self._seen[path]


def digest(*parts: object) -> str:
    """SHA-256 of ``parts`` as sorted JSON (anything JSON cannot hold is written with ``str``)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def code_key(sources: list[Path], packages: tuple[str, ...]) -> str:
    """What every output depends on: the renderer's source files (in the given order) and packages' versions.

    Parameters
    ----------
    sources : list of Path
        The modules and templates that shape the bytes; each is hashed with its name.
    packages : tuple of str
        Distributions whose version is part of the key (a missing one counts as ``None``).
    """
    from importlib.metadata import PackageNotFoundError, version

    parts: list[object] = [(path.name, hashlib.sha256(path.read_bytes()).hexdigest()) for path in sources]
    for package in packages:
        try:
            parts.append((package, version(package)))
        except PackageNotFoundError:
            parts.append((package, None))
    return digest(parts)


def apply(outputs: list[Output], folder: Path, context: object, *, force: bool = False) -> SiteResult:
    """Bring ``folder`` up to date with ``outputs``; with ``force``, rewrite every output.

    Each ``make`` is called with ``context``. Returns what was rendered,
    copied and removed. Outputs are written atomically and the state file is
    saved even when an output fails, so the next render redoes only what is
    missing.
    """
    start = time.perf_counter()
    result = SiteResult(folder=folder)
    state_path = folder / STATE_NAME
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
        done = state["outputs"] if state.get("schema") == _STATE_SCHEMA else {}
    except (OSError, ValueError, KeyError):
        done = {}
    kept: dict[str, str] = {}
    due = {out.path for out in outputs if force or done.get(out.path) != out.key or not (folder / out.path).is_file()}
    # Thumbnails are decoded, scaled and encoded by Pillow, which releases the
    # GIL: made on other cores while this thread renders the pages, they cost
    # the render about a second less after a full build on two cores. Each is
    # still written in the outputs' order, and the bytes do not depend on the
    # thread (tests/unit/review/test_site_engine.py).
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    early: dict[str, Future] = {
        out.path: pool.submit(out.make, context)
        for out in outputs
        if out.concurrent and out.make is not None and out.path in due
    }
    try:
        for out in outputs:
            target = folder / out.path
            if out.path not in due:
                result.unchanged.append(out.path)
            elif out.make is None:
                write(target, out.source.read_bytes())
                result.copied.append(out.path)
            else:
                write(target, early[out.path].result() if out.path in early else out.make(context))
                result.rendered.append(out.path)
            kept[out.path] = out.key
        for stale in sorted(set(done) - set(kept)):
            (folder / stale).unlink(missing_ok=True)
            result.removed.append(stale)
    finally:
        pool.shutdown(cancel_futures=True)
        if kept != done or not state_path.is_file():
            write(state_path, json.dumps({"schema": _STATE_SCHEMA, "outputs": kept}, indent=1).encode())
    result.seconds = time.perf_counter() - start
    return result


def write(path: Path, data: bytes) -> None:
    """Write a file atomically (a temporary sibling, then rename); the site is regenerable, so no fsync."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
