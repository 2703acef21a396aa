"""``tools/setup.sh``: the venv that ``make setup`` makes, by uv and by the pip fallback.

Slow (``make soak`` runs them): each installs the whole lock into a scratch
venv (from the local wheel caches, 10-60 s).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

_MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
UV_VERSION = next(line.split(":=")[1].strip() for line in _MAKEFILE if line.startswith("UV_VERSION"))


def _pins() -> dict[str, str]:
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    return dict(line.lower().split("==") for line in lines if "==" in line and not line.startswith("#"))


def _setup(tmp_path: Path, installer: str, uv_version: str = UV_VERSION, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(ROOT / "tools" / "setup.sh"), sys.executable, str(tmp_path / "venv"), installer, uv_version, "k"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    "installer, uv_version, env, used",
    [
        ("uv", UV_VERSION, {}, f"uv {UV_VERSION}"),
        ("pip", UV_VERSION, {}, "pip"),
        # No such uv: setup says so and installs the lock with pip.
        ("uv", "0.0.0", {}, "pip"),
        # A cache folder that cannot be written: uv is kept in the clone's .cache/uv instead.
        ("uv", UV_VERSION, {"REVIEW_UV_HOME": "/proc/no-such-folder/uv"}, f"uv {UV_VERSION}"),
    ],
    ids=["uv", "pip", "no-such-uv", "unwritable-cache"],
)
def test_setup_makes_a_venv_with_pip_the_locked_pins_and_the_kernel(tmp_path, installer, uv_version, env, used):
    done = _setup(tmp_path, installer, uv_version, env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"lock installed with {used}" in done.stdout
    venv = tmp_path / "venv"
    # Whoever wants to add a package finds pip, on either path.
    assert subprocess.run([venv / "bin" / "pip", "--version"], capture_output=True).returncode == 0
    frozen = subprocess.run(
        [venv / "bin" / "python", "-m", "pip", "freeze", "--exclude-editable", "--all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = dict(line.lower().split("==") for line in frozen.splitlines() if "==" in line)
    assert {name: installed.get(name) for name in _pins()} == _pins()
    assert (venv / "share" / "jupyter" / "kernels" / "k" / "kernel.json").is_file()
