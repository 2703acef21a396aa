"""The warm kernel pool: private IPC sockets, retries, and clear start failures."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from review import kernels


def _notebook(path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def _kernelspec(root: Path, name: str, argv: list[str]) -> None:
    spec = root / "kernels" / name
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": name, "language": "python"}))


@pytest.fixture
def jupyter_path(tmp_path, monkeypatch) -> Path:
    """A private Jupyter data folder, searched first for kernel specs."""
    root = tmp_path / "jupyter"
    monkeypatch.setenv("JUPYTER_PATH", str(root))
    _kernelspec(root, "pool-python", [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"])
    return root


def test_kernels_use_private_ipc_sockets_not_tcp_ports(jupyter_path, tmp_path):
    """Each kernel binds Unix sockets in its own folder, so concurrent starts cannot race for ports."""
    probe = (
        "import json, ipykernel.kernelapp as k\n"
        "app = k.IPKernelApp.instance()\n"
        "print(json.dumps([app.transport, app.ip]))"
    )
    jobs = [(f"nb{i}", _notebook(tmp_path / f"nb{i}.ipynb", probe), tmp_path / f"out{i}.ipynb") for i in range(4)]
    results = kernels.run_notebooks(jobs, workers=4, kernel_name="pool-python")
    folders = set()
    for key, _source, target in jobs:
        assert isinstance(results[key], kernels.Executed), results[key]
        out = nbformat.read(target, as_version=4).cells[0].outputs[0]["text"]
        transport, ip = json.loads(out)
        assert transport == "ipc"
        folders.add(Path(ip).parent)
        assert not Path(ip).parent.exists(), "a stopped kernel's socket folder is removed"
    assert len(folders) == 4, "every kernel has a folder of its own"


def test_a_kernel_that_dies_at_start_is_retried_then_reported_with_its_stderr(jupyter_path, tmp_path, monkeypatch):
    """A kernel that cannot start fails its notebook with a message quoting what the kernel printed."""
    marker = tmp_path / "attempts"
    dead = (
        "import sys, pathlib; p = pathlib.Path(sys.argv[1]); "
        "p.write_text(p.read_text() + 'x' if p.exists() else 'x'); "
        "sys.stderr.write('ImportError: no module named broken_dependency\\n'); sys.exit(3)"
    )
    _kernelspec(jupyter_path, "dead-python", [sys.executable, "-c", dead, str(marker)])
    nb = _notebook(tmp_path / "a.ipynb", "1 + 1")
    results = kernels.run_notebooks([("a", nb, tmp_path / "out.ipynb")], workers=1, kernel_name="dead-python")
    failure = results["a"]
    assert isinstance(failure, kernels.KernelStartFailed)
    assert "broken_dependency" in str(failure) and "dead-python" in str(failure)
    assert marker.read_text() == "x" * kernels.START_ATTEMPTS
    assert not (tmp_path / "out.ipynb").exists()


def test_a_kernel_that_dies_once_is_replaced_and_the_notebook_runs(jupyter_path, tmp_path):
    """The first start dies (as a lost port race would); the retry runs the notebook."""
    marker = tmp_path / "died-once"
    flaky = (
        "import os, sys, runpy; m = sys.argv.pop(1)\n"
        "if not os.path.exists(m):\n"
        "    open(m, 'w').close(); sys.exit(1)\n"
        "sys.argv[0] = 'ipykernel_launcher'; runpy.run_module('ipykernel_launcher', run_name='__main__')"
    )
    _kernelspec(jupyter_path, "flaky-python", [sys.executable, "-c", flaky, str(marker), "-f", "{connection_file}"])
    nb = _notebook(tmp_path / "a.ipynb", "print(6 * 7)")
    results = kernels.run_notebooks([("a", nb, tmp_path / "out.ipynb")], workers=1, kernel_name="flaky-python")
    assert isinstance(results["a"], kernels.Executed), results["a"]
    assert marker.exists()
    assert nbformat.read(tmp_path / "out.ipynb", as_version=4).cells[0].outputs[0]["text"] == "42\n"


def test_socket_folders_of_killed_processes_are_swept(monkeypatch):
    """A build killed with SIGKILL cannot remove its kernels' folders; the next run does.

    The sweep scans the whole temp folder, where every other test worker's
    builds sweep too and would take this test's orphan first: the folders
    live in a private base folder instead.
    """
    base = Path(tempfile.mkdtemp(prefix="sweep-", dir="/tmp"))  # short: socket paths stay under 107 bytes
    monkeypatch.setattr(kernels.tempfile, "tempdir", str(base))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    try:
        orphan, _ = kernels.ipc_sockets()
        (orphan / "owner").write_text(dead.stdout.strip())
        mine, _ = kernels.ipc_sockets()
        assert orphan.parent == mine.parent == base
        assert kernels.sweep_orphans() == [orphan] and not orphan.exists()
        assert mine.exists(), "a live process's folder is left alone"
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_sockets_stay_short_when_the_temp_dir_is_deep(tmp_path, monkeypatch):
    """A deep TMPDIR would overflow the 107-byte limit on a socket path; /tmp is used instead."""
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    monkeypatch.setattr(kernels.tempfile, "tempdir", str(deep))
    folder, sockets = kernels.ipc_sockets()
    try:
        assert len(os.fsencode(sockets["ip"] + "-99")) <= 107
        assert folder.parent == Path("/tmp")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# make test runs the same faults end to end (tests/integration/test_faults.py); this layer's check runs in make soak.
@pytest.mark.slow
def test_a_cell_that_hangs_or_kills_its_kernel_is_named_and_the_next_notebook_runs(jupyter_path, tmp_path):
    """A timed-out cell and a kernel that dies name their cell and why; the same worker then runs the next one."""
    hangs = _notebook(tmp_path / "hangs.ipynb", "x = 1", "import time; time.sleep(60)")
    dies = _notebook(tmp_path / "dies.ipynb", "x = 1", "y = 2", "import os; os._exit(3)")
    fine = _notebook(tmp_path / "fine.ipynb", "print(6 * 7)")
    jobs = [(p.stem, p, tmp_path / f"out-{p.name}") for p in (hangs, dies, fine)]
    results = kernels.run_notebooks(jobs, workers=1, kernel_name="pool-python", timeout=2)
    assert str(results["hangs"]) == (
        "notebooks/hangs.ipynb, cell In[2]: CellTimeoutError: the cell ran longer than the timeout of 2 s (--timeout)"
    )
    assert str(results["dies"]) == (
        "notebooks/dies.ipynb, cell In[3]: DeadKernelError: the kernel died while the cell ran (exit code 3)"
    )
    assert isinstance(results["fine"], kernels.Executed), results["fine"]
