"""Python 3.11, 3.12 and 3.13, and only they: the manifest, the setup's refusal, the stated range.

The proof that each supported interpreter reproduces every exhibit is
``make pythons`` (a fresh clone per interpreter, minutes each); these are
the fast checks of the rules it relies on.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib

import pytest
from packaging.specifiers import SpecifierSet

from review import manifest
from tests.conftest import ROOT, copy_project

PYTHONS = ROOT / "tools" / "pythons.sh"


def _supported() -> list[str]:
    done = subprocess.run(["bash", str(PYTHONS), "list"], capture_output=True, text=True, check=True)
    return done.stdout.split()


@pytest.fixture
def committed(tmp_path, monkeypatch):
    """The committed manifest in a copy of the project, and manifest.py pointed at it."""
    root = copy_project(tmp_path / "project")
    monkeypatch.setattr(manifest.paths, "FIGURES_DIR", root / "figures")
    monkeypatch.setattr(manifest.paths, "ROOT", root)
    monkeypatch.setattr(manifest.paths, "CACHE_DIR", root / ".cache")
    monkeypatch.setattr(manifest, "ENVIRONMENT", root / ".cache" / "build-env.json")
    return root / "figures" / "manifest.json"


def _elsewhere(monkeypatch, python: str) -> dict[str, str]:
    """Pretend this process runs Python ``python`` (major.minor), with the same pins."""
    real = manifest.software

    def software():
        return {**real(), "python": python}

    monkeypatch.setattr(manifest, "software", software)
    return software()


def test_a_rebuild_that_differs_only_in_the_interpreter_keeps_the_committed_software(committed, monkeypatch):
    """Every exhibit's entry as committed, rebuilt on another Python: the manifest stays byte for byte."""
    before = committed.read_bytes()
    recorded = json.loads(before)["software"]["python"]
    other = next(v for v in _supported() if v != recorded)
    _elsewhere(monkeypatch, other)
    entries = json.loads(before)["exhibits"]
    manifest.update(entries)  # what the first build of a fresh clone publishes when every byte reproduced
    assert committed.read_bytes() == before
    assert json.loads(committed.read_bytes())["software"]["python"] == recorded


def test_a_changed_exhibit_takes_the_current_environment(committed, monkeypatch):
    """One exhibit's bytes changed: the manifest now names the environment that made them."""
    document = json.loads(committed.read_bytes())
    other = next(v for v in _supported() if v != document["software"]["python"])
    current = _elsewhere(monkeypatch, other)
    changed = dict(document["exhibits"]["table4"])
    changed["files"] = {name: "0" * 64 for name in changed["files"]}
    manifest.update({"table4": changed})
    after = json.loads(committed.read_bytes())
    assert after["software"] == current
    assert after["exhibits"]["table4"]["files"] == changed["files"]


def test_changed_pins_take_the_current_environment_even_when_no_byte_changed(committed, monkeypatch):
    """Same exhibits, another pandas: the committed block would lie about the pins, so it is replaced."""
    document = json.loads(committed.read_bytes())
    real = manifest.software
    monkeypatch.setattr(manifest, "software", lambda: {**real(), "pandas": "0.0.1"})
    manifest.update(document["exhibits"])
    assert json.loads(committed.read_bytes())["software"]["pandas"] == "0.0.1"


def test_the_build_environment_is_noted_in_an_ignored_file(committed):
    """The local interpreter goes to .cache/build-env.json, beside what the manifest names."""
    noted = manifest.note_environment()
    on_disk = json.loads(manifest.ENVIRONMENT.read_text(encoding="utf-8"))
    assert on_disk == noted
    assert noted["python"].startswith(f"{sys.version_info.major}.{sys.version_info.minor}.")
    assert noted["manifest_python"] == json.loads(committed.read_bytes())["software"]["python"]
    ignored = subprocess.run(["git", "check-ignore", "-q", ".cache/build-env.json"], cwd=ROOT)
    assert ignored.returncode == 0, ".cache/build-env.json must be ignored by git"


@pytest.fixture
def fake_python(tmp_path):
    """An executable that answers like a Python 3.10 interpreter."""
    fake = tmp_path / "python3.10"
    fake.write_text("#!/bin/sh\necho 3.10\n")
    fake.chmod(0o755)
    return fake


def test_the_check_refuses_an_unsupported_version_in_one_line(fake_python):
    done = subprocess.run(["bash", str(PYTHONS), "check", str(fake_python)], capture_output=True, text=True)
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1 and "Python 3.10" in lines[0]
    assert "3.11, 3.12 or 3.13" in lines[0] and "install" in lines[0]


def test_the_check_accepts_this_interpreter():
    done = subprocess.run(["bash", str(PYTHONS), "check", sys.executable], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "")


def test_make_setup_refuses_an_unsupported_version_before_creating_anything(fake_python, tmp_path):
    """`make setup` with Python 3.10: exit 2, one line naming what to install, no venv."""
    venv = tmp_path / "venv"
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "setup", f"PYTHON={fake_python}", f"VENV={venv}"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert "Python 3.10" in lines[0] and "3.11, 3.12 or 3.13" in lines[0]
    assert not venv.exists()


def test_requires_python_states_exactly_the_supported_versions():
    """pyproject.toml's requires-python admits 3.11 to 3.13, as tools/pythons.sh says, and nothing else."""
    spec = SpecifierSet(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"])
    supported = _supported()
    assert supported == ["3.11", "3.12", "3.13"]
    for version in supported:
        assert f"{version}.0" in spec and f"{version}.9" in spec, version
    for version in ("3.10.14", "3.14.0", "4.0.0"):
        assert version not in spec, version
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in supported, "the tests run on an unsupported Python"


def test_a_note_that_cannot_be_written_does_not_fail_the_build(committed, monkeypatch, tmp_path):
    """A full disk or read-only .cache/ leaves the note unwritten and says why; nothing raises."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setattr(manifest, "ENVIRONMENT", blocker / "build-env.json")  # its folder is a file
    noted = manifest.note_environment()
    assert noted["unwritten"] and not (blocker / "build-env.json").exists()
