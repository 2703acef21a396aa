"""The run record: the one channel between a notebook run and whoever runs it.

A notebook's kernel keeps one record of its current run: which data files
it read (with their SHA-256 as read), which ``helpers`` modules it imported,
which files it wrote and with which parameters. Whoever drives the kernel
talks to it through two functions of this module, and through nothing else:

:func:`begin`
    Called in the kernel before the notebook runs. Starts an empty record
    and says where canonical exhibits go: ``stage`` is a folder of the
    build's own, or ``None`` to write them to ``tables/``/``figures/``.
    Plain papermill and nbval never call it; the record then starts when
    :mod:`helpers` is first imported and canonical files go to their
    folders, as a user running a notebook by hand expects.
:func:`report`
    Called in the kernel after the notebook ran. Returns the record as a
    JSON text that follows :data:`SCHEMA`; the build tool reads it through
    Jupyter's ``user_expressions`` (``review.contract``) and checks the
    schema id before using it.

The notebook library feeds the record: :mod:`helpers.data.curated` calls
:func:`note_read` for every file it loads, and :class:`helpers.notebook.session.Run`
calls :func:`note_run` and :func:`note_written`. Nothing is written to disk
and no environment variable is involved, so a notebook's bytes are the same
whoever runs it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from helpers.core import files, paths

__all__ = [
    "SCHEMA",
    "RECORD_KEYS",
    "begin",
    "stage",
    "note_read",
    "reads_within",
    "note_run",
    "note_written",
    "record",
    "report",
]

#: Identifies the layout of :func:`report`'s JSON. Bump the number when a
#: key changes meaning or goes; the build refuses a record it does not know.
SCHEMA = "mscs-review/run-record/1"

#: The keys of a record, in order. ``inputs`` maps project-relative
#: paths to SHA-256, ``modules`` maps package paths (``helpers/data/curated.py``); ``files`` maps written file names
#: (in ``out_dir``) to SHA-256.
RECORD_KEYS = ("schema", "exhibit", "canonical", "parameters", "out_dir", "files", "inputs", "modules")

_PACKAGE = __name__.split(".")[0]  # "helpers": every module of the library, in any layer


@dataclass
class _Record:
    stage: Path | None = None
    exhibit: str | None = None
    canonical: bool | None = None
    parameters: dict = field(default_factory=dict)
    out_dir: Path | None = None
    files: dict[str, str] = field(default_factory=dict)
    reads: dict[Path, str] = field(default_factory=dict)


# The kernel runs one notebook at a time, so one current record is enough;
# begin() replaces it wholesale between notebooks of a warm kernel.
_current = _Record()


def _sha256(path: Path) -> str:
    # A folder hashes its listing; an absent path is "missing", as the build's fingerprint writes it,
    # so a folder that appears later (a first registry snapshot) makes the reader stale.
    return files.sha256(path) if Path(path).exists() else "missing"


def begin(stage_dir: str | None = None) -> None:
    """Start a fresh record; canonical outputs go under ``stage_dir`` when given.

    Parameters
    ----------
    stage_dir : str, optional
        A folder of the build's own. Canonical exhibits are written to
        ``<stage_dir>/tables`` or ``<stage_dir>/figures`` and published by
        the build only once the whole notebook succeeded.
    """
    global _current
    _current = _Record(stage=Path(stage_dir) if stage_dir else None)


def stage() -> Path | None:
    """The staging folder set by :func:`begin`, or None."""
    return _current.stage


#: Open :func:`reads_within` blocks, innermost last.
_collectors: list[dict[Path, str]] = []


def note_read(path: Path) -> None:
    """Record that the run read ``path``, with its SHA-256 at this moment (a folder: its listing's)."""
    path = Path(path).resolve()
    if path not in _current.reads:
        _current.reads[path] = _sha256(path)
    for seen in _collectors:
        seen[path] = _current.reads[path]


@contextmanager
def reads_within() -> Iterator[dict[Path, str]]:
    """Collect the files read inside the block, with their SHA-256 (they are recorded as usual too).

    :mod:`helpers.core.memo` uses it to learn what a computation depends on,
    including files the notebook had already read before the block.
    """
    seen: dict[Path, str] = {}
    _collectors.append(seen)
    try:
        yield seen
    finally:
        _collectors.remove(seen)


def note_run(exhibit: str, parameters: dict, canonical: bool, out_dir: Path) -> None:
    """Record which exhibit this run makes, with what parameters and where."""
    _current.exhibit, _current.canonical, _current.out_dir = exhibit, canonical, Path(out_dir)
    _current.parameters = {k: list(v) if isinstance(v, tuple) else v for k, v in parameters.items()}


def note_written(name: str, digest: str) -> None:
    """Record that the run wrote ``name`` (in its output folder) with this SHA-256."""
    _current.files[name] = digest


def _modules() -> dict[str, str]:
    """Source files of every library module loaded in this process, with their SHA-256."""
    out = {}
    for name, module in list(sys.modules.items()):
        if name != _PACKAGE and not name.startswith(_PACKAGE + "."):
            continue
        source = getattr(module, "__file__", None)
        if source and Path(source).suffix == ".py":
            # Named from the folder holding the package ("helpers/data/curated.py"),
            # wherever the project root is.
            out[Path(source).resolve().relative_to(paths.SRC_DIR.parent).as_posix()] = _sha256(Path(source))
    return dict(sorted(out.items()))


def record() -> dict:
    """The current record as a plain dict with the keys :data:`RECORD_KEYS`."""
    out_dir = _current.out_dir
    return {
        "schema": SCHEMA,
        "exhibit": _current.exhibit,
        "canonical": _current.canonical,
        "parameters": _current.parameters,
        "out_dir": paths.relative(out_dir) if out_dir is not None else None,
        "files": dict(sorted(_current.files.items())),
        "inputs": {paths.relative(p): digest for p, digest in sorted(_current.reads.items())},
        "modules": _modules(),
    }


def report() -> str:
    """The current record as JSON text (what the build reads after a run)."""
    return json.dumps(record(), sort_keys=True)
