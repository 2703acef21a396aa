"""Shared fixtures: the project's paths and throw-away copies of the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seed" / "000_9c99a493e4af6bb2.txt"

#: What a copy of the project needs to build (the package itself is shared).
_COPIED = ("data", "notebooks", "figures", "tables", "requirements.lock", "environment.yml")


def copy_project(root: Path) -> Path:
    """Copy the project's data, notebooks and outputs (as committed) to ``root``."""
    root.mkdir(parents=True)
    for name in _COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    return root


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's data, notebooks and outputs in a temp folder.

    Commands run with ``REVIEW_ROOT`` pointing here (see :func:`review`), so
    builds and runs in a test never touch the real tree.
    """
    return copy_project(tmp_path / "project")


def review(root: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the ``review`` command against the project at ``root``."""
    env = {**os.environ, "REVIEW_ROOT": str(root)}
    return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=timeout)


def tree_hashes(root: Path, *folders: str) -> dict[str, str]:
    """SHA-256 of every file under the given folders of ``root``."""
    import hashlib

    out = {}
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                out[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def pytest_configure(config):
    """Keep nbval's re-execution of the notebooks away from the canonical files.

    nbval runs each committed notebook with its default parameters, which
    would write into tables/ and figures/. Pointing the stage variable at a
    scratch folder sends those writes there instead (see helpers.session).
    """
    if getattr(config.option, "nbval", False) or getattr(config.option, "nbval_lax", False):
        import tempfile

        os.environ.setdefault("REVIEW_STAGE_DIR", tempfile.mkdtemp(prefix="nbval-stage-"))
