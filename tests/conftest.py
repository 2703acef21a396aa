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

# The one-off transcription lives in tools/, outside the installed packages;
# tests/test_fidelity.py imports it from there.
sys.path.insert(0, str(ROOT / "tools"))

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
    return subprocess.run(
        [sys.executable, "-m", "review", *args], cwd=root, env=env, capture_output=True, text=True, timeout=timeout
    )


#: papermill's own command line, with the kernel manager handed private IPC sockets.
_PAPERMILL_ON_IPC = """
import atexit, shutil, sys
from jupyter_client.manager import KernelManager
from review.kernels import ipc_sockets
_init = KernelManager.__init__
def _on_ipc(self, **kwargs):
    folder, sockets = ipc_sockets()
    atexit.register(shutil.rmtree, folder, True)
    _init(self, **{**sockets, "connection_file": str(folder / "kernel.json"), **kwargs})
KernelManager.__init__ = _on_ipc
from papermill.cli import papermill
sys.exit(papermill())
"""


def papermill(root: Path, cwd: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Plain papermill (its own command line and parameter parsing) on the project at ``root``, run from ``cwd``.

    papermill starts its kernel on TCP ports that jupyter_client picks,
    releases and hands to the kernel; a process that binds a port in that
    moment (another test's HTTP server, a browser) can take one, and the
    kernel dies before replying to kernel_info (jupyter/jupyter_client#154).
    The race is upstream's and not what the tests check, so papermill's
    kernel gets private IPC sockets here, as the build's and nbval's have.
    """
    env = {**os.environ, "REVIEW_ROOT": str(root)}
    return subprocess.run(
        [sys.executable, "-c", _PAPERMILL_ON_IPC, "--no-progress-bar", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


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
    write into tables/ and figures/. Its kernels get ``REVIEW_ROOT`` set to
    a scratch copy of the project's data and notebooks, so those writes land
    in the copy; this test process itself keeps the real tree.
    """
    if getattr(config.option, "nbval", False) or getattr(config.option, "nbval_lax", False):
        import tempfile

        scratch = Path(tempfile.mkdtemp(prefix="nbval-root-"))
        _SCRATCH.append(scratch)
        for name in ("data", "notebooks"):
            shutil.copytree(ROOT / name, scratch / name)
        shutil.copy2(ROOT / "requirements.lock", scratch / "requirements.lock")
        _nbval_kernels_isolated(scratch)


_SCRATCH: list[Path] = []


def _nbval_kernels_isolated(root: Path) -> None:
    """Give nbval's kernels private IPC sockets and the scratch project root.

    IPC, as the build's own kernels have: nbval starts each kernel on TCP
    ports that jupyter_client picks and releases before the kernel binds
    them; a kernel started by the other test worker at that moment can take
    one, and the notebook fails with "Kernel died before replying to
    kernel_info" (see review.kernels). nbval has no option for either, so
    its KernelManager is swapped for one that asks for both.
    """
    import nbval.kernel
    from jupyter_client.manager import KernelManager

    from review.kernels import ipc_sockets

    class IsolatedKernelManager(KernelManager):
        def __init__(self, **kwargs):
            folder, sockets = ipc_sockets()
            _SCRATCH.append(folder)
            super().__init__(**sockets, connection_file=str(folder / "kernel.json"), **kwargs)

        def start_kernel(self, **kwargs):
            kwargs["env"] = {**os.environ, **kwargs.get("env", {}), "REVIEW_ROOT": str(root)}
            return super().start_kernel(**kwargs)

    nbval.kernel.KernelManager = IsolatedKernelManager


def pytest_unconfigure(config):
    for folder in _SCRATCH:
        shutil.rmtree(folder, ignore_errors=True)
