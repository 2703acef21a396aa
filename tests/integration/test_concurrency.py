"""Two commands at once on one project: builds, a build and a run, two identical runs.

``make test`` runs a build with a run, and identical runs; two builds at
once (30 s) is marked slow for ``make soak``, and ``tests/integration/test_build.py``
checks the lock quickly.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EDIT, OUTPUTS, build_lock_held, build_ok, overlay, replace_once, review

from .test_build import file_bytes, listed, stray_temporaries


def start(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "review", *args],
        cwd=root,
        env={**os.environ, "REVIEW_ROOT": str(root)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.fixture
def up_to_date(project_copy: Path, built: Path) -> Path:
    overlay(built, project_copy)
    return project_copy


@pytest.mark.slow
def test_a_second_build_is_refused_while_the_first_runs_and_nothing_is_corrupted(up_to_date):
    root = up_to_date
    replace_once(root, *EDIT)
    first = start(root, "build", "-q", "--no-site", "--force")
    wait_for(lambda: build_lock_held(root) or first.poll() is not None)
    second = review(root, "build", "-q", "--no-site")
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, out + err
    assert second.returncode == 2, second.stdout + second.stderr
    assert second.stderr.strip() == (
        "review build: another build is running (lock .cache/build.lock is held); wait for it"
    )
    assert review(root, "verify").returncode == 0
    assert stray_temporaries(root) == []
    again = build_ok(root)
    assert listed(again.stdout, "regenerated") == set(), "the first build left everything up to date"


def test_a_run_during_a_build_works_and_leaves_the_build_alone(up_to_date):
    root = up_to_date
    expected = file_bytes(root)
    # The four tables, forced: a build long enough to hold the lock while the run starts. That a forced build
    # of every notebook republishes the same bytes is test_two_forced_builds_give_identical_bytes' job.
    build = start(root, "build", "-q", "--no-site", "--force", "--only", "table1", "table2", "table3", "table4")
    wait_for(lambda: build_lock_held(root) or build.poll() is not None)
    run = review(root, "run", "table1", "-p", "diseases", "AD")
    out, err = build.communicate(timeout=300)
    assert build.returncode == 0, out + err
    assert run.returncode == 0, run.stdout + run.stderr
    folder = root / "runs" / "table1_diseases-AD"
    assert sorted(p.name for p in folder.iterdir()) == [
        "parameters.yaml",
        "run.json",
        "table1.csv",
        "table1.ipynb",
        "table1.md",
        "table1.tex",
        "table1.xlsx",
    ]
    assert file_bytes(root) == expected, "a forced build of unchanged data republishes the same bytes"
    assert review(root, "verify").returncode == 0


def test_two_identical_runs_at_once_both_succeed_with_whole_files(project_copy, tmp_path):
    """Both runs stage privately (once they shared one staging name and one crashed) and take turns."""
    root = project_copy
    args = ("run", "table4", "-p", "sources", "BM,UC")
    alone = review(root, *args)
    assert alone.returncode == 0, alone.stderr
    folder = root / "runs" / "table4_sources-UC+BM"
    solo = {p.name: p.read_bytes() for p in folder.iterdir()}
    before = {name: payload for name, payload in file_bytes(root).items() if name.split("/")[0] in OUTPUTS}

    runs = [start(root, *args) for _ in range(2)]
    results = [(r.wait(timeout=300), *r.communicate()) for r in runs]
    for code, out, err in results:
        assert code == 0, out + err
        assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == solo, "the same files, each whole"
    assert file_bytes(root) == before
    assert not list((root / "runs").rglob("*.in")) and not list((root / "runs").rglob(".*.tmp"))
