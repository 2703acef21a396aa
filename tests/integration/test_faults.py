"""Faults users cause during a build: kill -9, Ctrl-C, a hanging cell, a dying kernel, a read-only folder, a full disk.

Each test drives the real ``review build`` on a throw-away copy and checks the
guarantees of docs/RELIABILITY.md: every canonical file is wholly old or
wholly new, the next normal build repairs everything, the manifest agrees
(``review verify``), no kernel process is left, and the error names what
failed. ``make test`` runs one interruption of each kind; the ten kills and
the other Ctrl-C moments take minutes and are marked slow (``make soak``).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EDIT, build_lock_held, copy_project, overlay, replace_once, review

from .test_build import file_bytes, kernels_of, listed, manifest, stray_temporaries

#: What ``review build`` says on Ctrl-C, and nothing else (with ``-q``).
INTERRUPTED = "review build: interrupted; every file is wholly old or new, run `review build` again"


def published(root: Path) -> dict[str, bytes]:
    """Published files' bytes, without the temporaries a killed writer may leave (the next build sweeps them)."""
    temporaries = set(stray_temporaries(root))
    return {name: payload for name, payload in file_bytes(root).items() if name not in temporaries}


def assert_old_or_new(root: Path, old: dict[str, bytes], new: dict[str, bytes], why: str) -> None:
    now = published(root)
    for name, payload in now.items():
        assert payload in (old.get(name), new.get(name)), f"{why}: {name} is neither the old nor the new file"
    assert set(old) <= set(now), f"{why}: a published file disappeared: {sorted(set(old) - set(now))}"


def assert_no_kernel_left(root: Path, why: str) -> None:
    """Kernels notice that their build is gone and exit by themselves, within seconds."""
    deadline = time.monotonic() + 15
    while kernels_of(root) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = kernels_of(root)
    for pid in left:  # do not leak them into the other tests, but fail
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert not left, f"{why}: processes of this project still running: {left}"


#: The exhibits a fault test builds with ``--only``: Table 4 reads the edited
#: file (:data:`EDIT`); the references and the trials do not (Table 3 does,
#: through its audit notes). Three light notebooks show every guarantee that
#: all ten readers of the file would, for a fraction of the kernel time, and
#: a per-cell ``--timeout`` then bounds only notebooks whose cells take a
#: second or two, not the evidence maps, whose data cell could pass 12 s on
#: a loaded 2-core machine.
ONLY = ("table4", "references", "trials")


def exhibit_bytes(root: Path, files: dict[str, bytes], only: tuple[str, ...]) -> dict[str, bytes]:
    """The part of ``files`` that belongs to the exhibits ``only`` (their files and notebooks, not the manifest)."""
    entries = manifest(root)
    names = {name for e in only for name in entries[e]["files"]} | {f"notebooks/{e}.ipynb" for e in only}
    return {name: payload for name, payload in files.items() if name in names}


def assert_repaired(root: Path, new: dict[str, bytes], why: str, only: tuple[str, ...] = ()) -> None:
    """A normal build after the fault leaves exactly what a complete build gives, and verify agrees.

    With ``only``, the repairing build is ``--only`` those exhibits, and their
    files (not the rest, which stay stale by design) must be the new bytes.
    """
    result = review(root, "build", "-q", "--no-site", *(("--only", *only) if only else ()))
    assert result.returncode == 0, f"{why}: the next build failed:\n{result.stdout}\n{result.stderr}"
    if only:
        mine = exhibit_bytes(root, file_bytes(root), only)
        assert mine == exhibit_bytes(root, new, only), f"{why}: the next build did not bring {only} to the new bytes"
    else:
        assert file_bytes(root) == new, f"{why}: the next build did not bring every file to the new bytes"
    verified = review(root, "verify")
    assert verified.returncode == 0, f"{why}: {verified.stderr}"
    assert not (root / ".cache" / "publish.json").exists() and not (root / ".cache" / "stage").exists()
    assert_no_kernel_left(root, why)


def start_build(root: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "REVIEW_ROOT": str(root)}
    return subprocess.Popen(
        [sys.executable, "-m", "review", "build", "-q", "--no-site", *args],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def edited(project_copy: Path, built: Path, reference_build) -> tuple[Path, dict, dict, float]:
    """An up-to-date copy with :data:`EDIT` applied: (root, old bytes, new bytes, reference build seconds)."""
    overlay(built, project_copy)
    replace_once(project_copy, *EDIT)
    ref, seconds = reference_build
    old, new = file_bytes(project_copy), file_bytes(ref)
    assert old != new
    return project_copy, old, new, seconds


# --------------------------------------------------------------------------- kill -9 and Ctrl-C


@pytest.mark.slow
def test_kill_9_at_ten_random_moments_then_a_normal_build_repairs_all(edited):
    """SIGKILL a forced build at 10 seeded random moments; every file stays old or new; the next build repairs."""
    root, old, new, _ = edited
    # The moments span a forced build of this copy, timed on a twin of it (the reference build runs only the
    # edited file's readers, so its time is too short).
    twin = copy_project(root.parent / "twin")
    overlay(root, twin)
    started = time.perf_counter()
    assert review(twin, "build", "-q", "--no-site", "--force").returncode == 0
    seconds = time.perf_counter() - started
    seed = int(os.environ.get("FAULT_SEED") or random.SystemRandom().randrange(2**32))
    print(f"kill -9 moments drawn with FAULT_SEED={seed}")
    moments = [random.Random(seed + i).uniform(0.05, seconds * 1.1) for i in range(10)]
    for moment in moments:
        why = f"FAULT_SEED={seed}, killed after {moment:.2f} s"
        build = start_build(root, "--force")
        time.sleep(moment)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(build.pid, signal.SIGKILL)
        build.communicate(timeout=60)
        assert_old_or_new(root, old, new, why)
        assert_no_kernel_left(root, why)
    assert_repaired(root, new, f"FAULT_SEED={seed}, after 10 kills at {[round(m, 2) for m in moments]}")
    assert stray_temporaries(root) == []


def _staged_notebooks(root: Path) -> int:
    """Notebooks the running build has finished so far (their executed copies in its stage)."""
    return len(list((root / ".cache" / "stage").glob("*/notebooks/*.ipynb")))


#: Where Ctrl-C comes, as events rather than times (a loaded machine stretches
#: a build two- or threefold): (name, notebooks the build has staged by then).
#: ``make test`` interrupts once; ``make soak`` at all three points.
CTRL_C_POINTS = [
    pytest.param("kernels started", 0, marks=pytest.mark.slow),
    pytest.param("first notebook done", 1),
    pytest.param("all but the last notebook done", len(ONLY) - 1, marks=pytest.mark.slow),
]


@pytest.mark.parametrize(("point", "staged"), CTRL_C_POINTS)
def test_ctrl_c_stops_the_build_in_one_line_with_exit_130(edited, point, staged):
    """SIGINT during a forced build: exit 130, one line, kernels gone, lock free, files old or new; then repaired.

    "kernels started" waits until the build and at least one kernel are
    processes of this project; the others wait for executed notebooks in
    the build's stage.
    """
    root, old, new, _ = edited
    reached = (lambda: len(kernels_of(root)) > 1) if not staged else (lambda: _staged_notebooks(root) >= staged)
    build = start_build(root, "--force", "--only", *ONLY)
    deadline = time.monotonic() + 300
    while not build_lock_held(root) and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    while not reached() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert build.poll() is None, f"{point}: the build ended before the point was reached"
    build.send_signal(signal.SIGINT)  # what Ctrl-C sends: to the build; its kernels live in their own sessions
    stdout, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, f"SIGINT {point}: exit {build.returncode}\n{stdout}\n{stderr}"
    assert stderr.strip().splitlines() == [INTERRUPTED], f"SIGINT {point}: {stderr}"
    assert_no_kernel_left(root, point)
    assert_old_or_new(root, old, new, point)
    assert "another build" not in review(root, "list").stderr
    assert_repaired(root, new, f"after Ctrl-C, {point}", only=ONLY)


# --------------------------------------------------------------------------- cells that hang, kernels that die


def _prepend_to_third_code_cell(root: Path, exhibit: str, code: str) -> None:
    path = root / "notebooks" / f"{exhibit}.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    cells[2]["source"] = [code + "\n", *cells[2]["source"]]
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_a_hanging_cell_and_a_dying_kernel_are_named_and_the_others_publish(edited):
    """``--timeout 12`` ends a cell that sleeps; ``os._exit(1)`` kills a kernel; both are named; the others publish.

    The timeout applies to every cell, the import cell too. By now the session's
    builds have written the bytecode of everything a kernel imports (see
    ``pytest_configure``), so the import cell takes 1-3 s even on a loaded
    2-core machine; 12 s keeps it clear of the timeout, while the sleeping
    cell (600 s) still must trip it. (It was 30 s while every kernel compiled
    pandas from source, and the test waited those 30 s.)
    """
    root, old, new, _ = edited
    # Two notebooks that do not read the edited file, so their last good files must stay.
    _prepend_to_third_code_cell(root, "references", "import time; time.sleep(600)")
    _prepend_to_third_code_cell(root, "trials", "import os; os._exit(1)")
    started = time.perf_counter()
    result = review(root, "build", "-q", "--no-site", "--timeout", "12", "--only", *ONLY)
    assert time.perf_counter() - started < 120
    assert result.returncode == 1, result.stdout + result.stderr
    failed = sorted(line for line in result.stderr.splitlines() if line.startswith("FAILED"))
    assert failed == [
        "FAILED notebooks/references.ipynb, cell In[3]: CellTimeoutError: the cell ran longer than the timeout of 12 s "
        "(--timeout)",
        "FAILED notebooks/trials.ipynb, cell In[3]: DeadKernelError: the kernel died while the cell ran (exit code 1)",
    ], result.stderr
    readers = {e for e, entry in manifest(root).items() if EDIT[0] in entry["inputs"]}
    assert "table4" in readers and not readers & {"references", "trials"}
    assert listed(result.stdout, "regenerated") == readers & set(ONLY) == {"table4"}
    now = file_bytes(root)
    for name, payload in now.items():
        if name.startswith(("tables/table4.", "notebooks/table4.")) or name == "figures/manifest.json":
            continue
        if name.startswith(("tables/references.", "figures/trials.")):
            assert payload == old[name], f"{name}: the last good exhibit must stay"
    assert now["tables/table4.csv"] == new["tables/table4.csv"]
    assert review(root, "verify").returncode == 0
    assert_no_kernel_left(root, "after a timeout and a dead kernel")


# --------------------------------------------------------------------------- read-only folder, full disk


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


_SITECUSTOMIZE = """
import os
_where, _code = os.environ["REVIEW_FAULT_DIR"], int(os.environ["REVIEW_FAULT_ERRNO"])
_open, _replace = os.open, os.replace
def _inside(path):
    return os.path.abspath(os.fspath(path)).startswith(_where + os.sep)
def _refused(path, flags, *args, **kwargs):
    if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and _inside(path):
        raise OSError(_code, os.strerror(_code), path)
    return _open(path, flags, *args, **kwargs)
def _no_replace(src, dst, *args, **kwargs):
    if _inside(dst):
        raise OSError(_code, os.strerror(_code), dst)
    return _replace(src, dst, *args, **kwargs)
os.open, os.replace = _refused, _no_replace
"""


@contextlib.contextmanager
def refusing_writes(folder: Path, code: int, tmp_path: Path):
    """Writes into ``folder`` fail with ``code``: by the kernel (a mount), or else by a patched writer.

    Yields the environment the commands need (empty for a real mount).
    EROFS: a read-only bind mount of ``folder``. ENOSPC: ``folder`` must
    already be a small tmpfs, filled here with a ballast file.
    """
    if code == errno.EROFS and _mount("--bind", str(folder), str(folder)):
        try:
            assert _mount("-o", "remount,bind,ro", str(folder)), "remount read-only failed"
            yield {}
        finally:
            subprocess.run(["umount", str(folder)], check=True)
        return
    if code == errno.ENOSPC and _is_tmpfs(folder):
        ballast = folder / "ballast"
        fd = os.open(ballast, os.O_WRONLY | os.O_CREAT)
        for size in (1 << 20, 1 << 12, 1):  # fill to the last byte
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
        os.close(fd)
        try:
            yield {}
        finally:
            ballast.unlink()
        return
    patch = tmp_path / "fault-site"
    patch.mkdir(exist_ok=True)
    (patch / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    yield {"PYTHONPATH": str(patch), "REVIEW_FAULT_DIR": str(folder), "REVIEW_FAULT_ERRNO": str(code)}


def _is_tmpfs(folder: Path) -> bool:
    mounts = Path("/proc/mounts").read_text().splitlines()
    return any(line.split()[1] == str(folder) and line.split()[2] == "tmpfs" for line in mounts)


def _review(root: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "review", *args],
        cwd=root,
        env={**os.environ, "REVIEW_ROOT": str(root), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_read_only_figures_folder_stops_the_publish_before_anything_moves(edited, tmp_path):
    root, old, new, _ = edited
    with refusing_writes(root / "figures", errno.EROFS, tmp_path) as env:
        result = _review(root, env, "build", "-q", "--no-site", "--only", *ONLY)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stderr.strip().splitlines() == [
            "review build: cannot write figures: Read-only file system; the last good exhibits are kept, "
            "fix this and run `review build` again"
        ]
        assert published(root) == old, "nothing moved"
        assert _review(root, env, "verify").returncode == 0
        assert not (root / ".cache" / "publish.json").exists()
    assert_repaired(root, new, "figures/ writable again", only=ONLY)


def test_a_full_disk_fails_the_notebooks_clearly_and_keeps_the_last_good_exhibits(built, reference, tmp_path):
    ref = reference
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = _mount("-t", "tmpfs", "-o", "size=48m", "tmpfs", str(disk))
    try:
        root = copy_project(disk / "project")
        overlay(built, root)
        shutil.rmtree(root / "site", ignore_errors=True)
        replace_once(root, *EDIT)
        old, new = file_bytes(root), file_bytes(ref)
        where = disk if mounted else root / ".cache"
        with refusing_writes(where, errno.ENOSPC, tmp_path) as env:
            result = _review(root, env, "build", "-q", "--no-site", "--only", *ONLY)
            assert result.returncode == 1, result.stdout + result.stderr
            failures = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
            assert failures and all("No space left on device" in line for line in failures), result.stderr
            readers = {e for e, entry in manifest(root).items() if EDIT[0] in entry["inputs"]}
            assert {line.split()[1] for line in failures} <= {f"notebooks/{e}.ipynb," for e in readers}, failures
            assert "Traceback" not in result.stderr
            assert published(root) == old
            assert _review(root, env, "verify").returncode == 0
        assert_repaired(root, new, "space freed", only=ONLY)
    finally:
        if mounted:
            assert_no_kernel_left(root, "before unmounting")
            subprocess.run(["umount", str(disk)], check=True)
