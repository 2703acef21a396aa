"""Shared fixtures: the project's paths and throw-away copies of the project."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seed" / "000_9c99a493e4af6bb2.txt"

# The one-off transcription lives in tools/, outside the installed packages;
# tests/unit/data/test_fidelity.py imports it from there.
sys.path.insert(0, str(ROOT / "tools"))

#: What a copy of the project needs to build (the package itself is shared).
_COPIED = (
    "data",
    "notebooks",
    "figures",
    "tables",
    "docs/reviews",
    "CITATION.cff",
    "requirements.lock",
    "environment.yml",
)

#: The folders a build publishes into.
OUTPUTS = ("notebooks", "tables", "figures")

#: A schema-valid edit of one printed cell: (file, old text, new text).
EDIT = ("data/tissue_sources.csv", "The most widely studied", "The most extensively studied")


#: mutmut's names for its own runs, which are not a mutant (trampoline.set_mutant_under_test).
_MUTMUT_PHASES = {"", "stats", "list_all_tests", "fail"}
#: One memo folder per mutant run, by (process, mutant): mutmut runs each mutant's tests in a fork of their own.
_MUTANT_MEMO: dict[tuple[int, str], Path] = {}


@pytest.fixture(autouse=True)
def _nothing_remembered_under_mutmut(tmp_path_factory):
    """Under mutmut (``make mutation``), nothing computed outside a mutant's run is read back inside it.

    mutmut puts every mutant of a module in one source file and picks the
    active one at run time (``MUTANT_UNDER_TEST``), and runs each mutant's
    tests in a fork of the process that collected its stats. So the memo's
    key (the library's source) is the same for every mutant, and an
    ``lru_cache`` filled before the fork holds unmutated results: a mutant
    would be handed the frames and keys of other code. While mutmut records
    which tests reach which function (and in its other phases), a test served
    from the memo reaches nothing, so each test starts with an empty memo
    folder and empty caches. Within one mutant's run every test sees the same
    code, so its tests share one memo folder, filled by the first: a mutant
    reached through the coded dataset builds it once, not once per test (a
    surviving mutant of ``bodymass`` ran its 240 tests at 10 s each). Outside
    mutmut nothing changes.
    """
    mutant = os.environ.get("MUTANT_UNDER_TEST")
    if mutant is None:
        yield
        return
    from helpers.core import memo

    key = (os.getpid(), mutant)
    shared = mutant not in _MUTMUT_PHASES
    if not shared or key not in _MUTANT_MEMO:
        from helpers.audit import abbreviations
        from review.site import notebook
        from tests.unit import _audit

        abbreviations.code_key.cache_clear()
        notebook.highlighted.cache_clear()
        _audit.clear()
        folder = tmp_path_factory.mktemp("memo")
        if shared:
            _MUTANT_MEMO[key] = folder
    else:
        folder = _MUTANT_MEMO[key]
    saved, memo.MEMO_DIR = memo.MEMO_DIR, folder
    yield
    memo.MEMO_DIR = saved


def _mutmut_depth_survives_frames_without_a_file() -> None:
    """Make mutmut's ``max_stack_depth`` skip stack frames that have no file, instead of aborting its run.

    With ``max_stack_depth`` set, mutmut 3.8.1 walks the stack of every call
    of a mutated function while it records which tests reach which function,
    and resolves each frame's file with ``Path.resolve(strict=True)``. A frame
    without a file raises ``FileNotFoundError`` and the whole run stops:
    ``<frozen importlib._bootstrap>`` when a module calls a mutated function
    at import (``helpers.data.quantities`` builds its unit registry), or the
    ``<string>`` of a dataclass's generated ``__init__``. The fix proposed
    upstream (boxed/mutmut#570, open) counts such frames as neither project
    code nor the test runner; this is the same rule, installed only under
    mutmut (only its stats phase records hits). Everything else is mutmut's own logic: the walk
    stops at the test runner, and only frames under the mutated source paths
    use up the depth.
    """
    import functools
    import inspect

    from mutmut import stats
    from mutmut.configuration import config
    from mutmut.mutation import trampoline
    from mutmut.state import state

    @functools.cache
    def kind(filename: str) -> str:
        """Classify a frame's file as "runner", "project" (under the mutated sources) or "other".

        Each file name is classified once: mutmut's own walk resolves the path of every frame at every
        call, which upstream measured as a stats run 7 times slower (the same change caches it).
        """
        if "pytest" in filename or "hammett" in filename or "unittest" in filename:
            return "runner"
        path = Path(filename)
        if not path.is_absolute() or not path.is_file():  # <frozen ...>, <string>: no file
            return "other"
        roots = config().resolved_mutated_source_paths
        return "project" if any(root in path.resolve().parents for root in roots) else "other"

    def record_trampoline_hit(name: str, caller: str | None = None) -> None:
        settings = config()
        if settings.max_stack_depth != -1:
            frame, depth = inspect.currentframe(), settings.max_stack_depth
            while depth and frame:
                seen = kind(frame.f_code.co_filename)
                frame = frame.f_back
                if seen == "runner":
                    break
                depth -= seen == "project"
            if not depth:
                return
        state()._stats.add(name)
        if caller is not None and settings.track_dependencies:
            state().function_dependencies[name].add(caller)

    stats.record_trampoline_hit = trampoline.record_trampoline_hit = record_trampoline_hit


# Under mutmut, whatever its phase: one mutmut process imports this file once, in whichever phase runs
# pytest first (listing the tests, say), and collects the stats later in the same process.
if os.environ.get("MUTANT_UNDER_TEST") is not None:
    _mutmut_depth_survives_frames_without_a_file()


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


def build_lock_held(root: Path) -> bool:
    """A build of ``root`` holds ``.cache/build.lock`` (read from /proc/locks, without touching the lock).

    Trying the lock to find out would, for that instant, hold it, and a
    build starting then would be refused as if another build were running.
    """
    try:
        st = (root / ".cache" / "build.lock").stat()
        held = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return False
    key = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    return any(len(f) > 5 and f[1] == "FLOCK" and f[5] == key for f in map(str.split, held))


def replace_once(root: Path, name: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in ``root/name``, byte-wise, exactly once."""
    path = root / name
    raw = path.read_bytes()
    assert raw.count(old.encode()) == 1, f"{name}: expected exactly one {old!r} to edit"
    path.write_bytes(raw.replace(old.encode(), new.encode()))


def overlay(source: Path, target: Path) -> None:
    """Make ``target``'s published folders, data and build state an exact copy of ``source``'s."""
    for folder in (*OUTPUTS, "data"):
        shutil.rmtree(target / folder, ignore_errors=True)
        shutil.copytree(source / folder, target / folder)
    (target / ".cache").mkdir(exist_ok=True)
    shutil.copy2(source / ".cache" / "build-state.json", target / ".cache" / "build-state.json")


def build_ok(root: Path, *args: str, site: bool = False) -> subprocess.CompletedProcess:
    """``review build`` that must succeed; without the site unless asked (tests/integration/test_site.py checks it)."""
    result = review(root, "build", *args, *(() if site else ("--no-site",)))
    assert result.returncode == 0, f"review build {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


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
    """Let every process of the run reuse bytecode, and keep nbval's notebooks away from the canonical files.

    The builds, runs and kernels the tests start inherit this environment.
    With ``PYTHONDONTWRITEBYTECODE`` set (some shells and containers set it;
    the Makefile unexports it, but pytest may be started by hand), each of them
    would compile pandas and matplotlib from source again, which made a single
    ``review run`` three times slower.

    nbval runs each committed notebook with its default parameters, which
    write into tables/ and figures/. Its kernels get ``REVIEW_ROOT`` set to
    a scratch copy of the project's data and notebooks, so those writes land
    in the copy; this test process itself keeps the real tree.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    if getattr(config.option, "nbval", False) or getattr(config.option, "nbval_lax", False):
        import tempfile

        scratch = Path(tempfile.mkdtemp(prefix="nbval-root-"))
        _SCRATCH.append(scratch)
        for name in ("data", "notebooks"):
            shutil.copytree(ROOT / name, scratch / name)
        for name in ("requirements.lock", "CITATION.cff"):  # the lock is fingerprinted; the release is cited
            shutil.copy2(ROOT / name, scratch / name)
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


#: The real tree's canonical and source folders, hashed when the session starts.
_GUARDED = (*OUTPUTS, "data")
_BEFORE: dict[str, str] = {}


def pytest_sessionstart(session):
    """Remember the real tree's exhibits and data (once, in the controlling process)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        _BEFORE.update(tree_hashes(ROOT, *_GUARDED))


def pytest_sessionfinish(session, exitstatus):
    """Fail the session if any test wrote into the real ``tables/``, ``figures/``, ``notebooks/`` or ``data/``.

    Every test must work on a copy; a run that escaped its copy (an
    ``output_dir`` or ``REVIEW_ROOT`` that pointed back here) once left
    run files in the real ``figures/``.
    """
    if os.environ.get("PYTEST_XDIST_WORKER") or not _BEFORE:
        return
    after = tree_hashes(ROOT, *_GUARDED)
    changed = sorted(name for name in _BEFORE.keys() | after.keys() if _BEFORE.get(name) != after.get(name))
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = "tests changed the real project tree (they must work on copies): " + ", ".join(changed[:20])
        if reporter is not None:
            reporter.write_line(message, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# --------------------------------------------------------------------------- trees built once per session
#
# A built copy of the project costs a full build (about ten seconds on two
# cores). The build, fault and concurrency tests all start from the same two
# trees, so each is built once per test session and shared by every xdist
# worker: the first worker to need it builds it under a file lock, the others
# wait for it and then read it. Tests never write into these trees; they
# ``overlay`` them onto their own ``project_copy``.


def _shared_tree(tmp_path_factory, name: str, make: Callable[[Path], dict]) -> tuple[Path, dict]:
    """The tree ``make(root)`` builds, once for all workers, with the facts it returned."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    root, facts = shared / name / "project", shared / name / "facts.json"
    (shared / name).mkdir(exist_ok=True)
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # held while building; released when the file closes
        if not facts.exists():
            shutil.rmtree(root, ignore_errors=True)  # a worker that died while building left half a tree
            copy_project(root)
            facts.write_text(json.dumps(make(root)), encoding="utf-8")
    return root, json.loads(facts.read_text(encoding="utf-8"))


def _build_fresh_copy(root: Path) -> dict:
    before = tree_hashes(root, *OUTPUTS)
    result = build_ok(root)
    return {"before": before, "stdout": result.stdout}


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory) -> tuple[Path, dict]:
    """The committed project after its first ``review build`` in a new checkout.

    Returns the tree and ``{"before": hashes of the published files as
    committed, "stdout": what the build printed}``.
    """
    return _shared_tree(tmp_path_factory, "built", _build_fresh_copy)


@pytest.fixture(scope="session")
def built(fresh_build) -> Path:
    """The committed project, brought up to date by one build (never written to)."""
    return fresh_build[0]


@pytest.fixture(scope="session")
def reference_facts(tmp_path_factory, built: Path) -> tuple[Path, dict]:
    """``built`` with :data:`EDIT` applied and brought up to date by a normal build.

    Only the edited file's readers run; the others keep ``built``'s bytes. A
    forced build gives the same bytes (test_two_forced_builds_give_identical_bytes
    compares one against this tree), so the session need not pay for one here.
    Returns the tree and ``{"seconds": the build's time, "stdout": what it printed}``:
    test_editing_one_csv_reruns_exactly_its_dependents reads which notebooks it reran,
    so that check costs no build of its own.
    """

    def make(root: Path) -> dict:
        overlay(built, root)
        replace_once(root, *EDIT)
        started = time.perf_counter()
        result = build_ok(root)
        return {"seconds": time.perf_counter() - started, "stdout": result.stdout}

    return _shared_tree(tmp_path_factory, "reference", make)


@pytest.fixture(scope="session")
def reference_build(reference_facts) -> tuple[Path, float]:
    """The ``reference`` tree and how long its build took."""
    root, facts = reference_facts
    return root, facts["seconds"]


@pytest.fixture(scope="session")
def reference(reference_build) -> Path:
    """What a complete forced build of the edited data produces (never written to)."""
    return reference_build[0]


@pytest.fixture
def up_to_date_copy(project_copy: Path, built: Path) -> Path:
    """A ``project_copy`` whose outputs, data and build state match ``built``."""
    overlay(built, project_copy)
    return project_copy
