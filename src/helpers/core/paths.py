"""Every location the project reads or writes, anchored on this package.

Notebooks run under papermill start their kernel in the caller's working
directory, so nothing here may depend on ``os.getcwd()``. The project root
is the directory two levels above the package (``src/helpers/..``), which is
where an editable install (the only supported install) leaves it.

``REVIEW_ROOT`` may point at another checkout of the project; the test
suite uses it to build throw-away copies without touching the real tree.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "ROOT",
    "DATA_DIR",
    "NOTEBOOKS_DIR",
    "FIGURES_DIR",
    "TABLES_DIR",
    "RUNS_DIR",
    "CACHE_DIR",
    "DATAPACKAGE",
    "LOCKFILE",
    "SRC_DIR",
    "relative",
]

#: The ``helpers`` package folder (this file is ``helpers/core/paths.py``).
SRC_DIR: Path = Path(__file__).resolve().parents[1]
ROOT: Path = Path(os.environ.get("REVIEW_ROOT") or SRC_DIR.parents[1]).resolve()

DATA_DIR: Path = ROOT / "data"
DATAPACKAGE: Path = DATA_DIR / "datapackage.json"
NOTEBOOKS_DIR: Path = ROOT / "notebooks"
FIGURES_DIR: Path = ROOT / "figures"
TABLES_DIR: Path = ROOT / "tables"
RUNS_DIR: Path = ROOT / "runs"
CACHE_DIR: Path = ROOT / ".cache"
LOCKFILE: Path = ROOT / "requirements.lock"


def relative(path: Path) -> str:
    """Return ``path`` relative to the project root, with forward slashes.

    Outputs (manifests, notebook text) must never hold absolute paths, so
    every path shown to a reader goes through here.
    """
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.name
