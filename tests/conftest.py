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
        _nbval_kernels_on_ipc()


_NBVAL_SOCKET_FOLDERS: list[Path] = []


def _nbval_kernels_on_ipc() -> None:
    """Give nbval's kernels private IPC sockets, as the build's own kernels have.

    nbval starts each kernel on TCP ports that jupyter_client picks and
    releases before the kernel binds them; a kernel started by the other
    test worker at that moment can take one, and the notebook fails with
    "Kernel died before replying to kernel_info" (see helpers.kernels).
    nbval has no option for the transport, so its KernelManager is swapped
    for one that asks for IPC.
    """
    import nbval.kernel
    from jupyter_client.manager import KernelManager

    from helpers.kernels import ipc_sockets

    class IPCKernelManager(KernelManager):
        def __init__(self, **kwargs):
            folder, sockets = ipc_sockets()
            _NBVAL_SOCKET_FOLDERS.append(folder)
            super().__init__(**sockets, **kwargs)

    nbval.kernel.KernelManager = IPCKernelManager


def pytest_unconfigure(config):
    for folder in _NBVAL_SOCKET_FOLDERS:
        shutil.rmtree(folder, ignore_errors=True)
