"""End to end: ``make release VERSION=0.2.0`` in a scratch clone gives a bundle that verifies on its own.

The unit tests (tests/unit/review/test_release.py) check each piece: the version's one
place, the CHANGELOG section, packing and verifying. This test runs the Makefile target as a
maintainer would, on a clone of the committed project: it sets the version, rebuilds every
exhibit (the citation date changed, and every exhibit cites it), packs ``dist/`` and checks the
bundle. Then one byte of the bundle is changed and ``review verify --bundle`` must refuse it.

The clone sets up its own ``.venv``, as a maintainer's checkout does. It must not borrow this
checkout's: ``review release prepare`` changes ``pyproject.toml``, so the release's build reinstalls
the environment it runs in, and a borrowed one would be left pointing at the deleted clone. The
test costs an environment (from the warm uv cache) and a full build: it is ``slow`` (``make soak``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

VERSION = "0.2.0"
BUNDLE = f"mscs-aging-review-{VERSION}.zip"


def _clone(tmp_path: Path) -> Path:
    clone = tmp_path / "project"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    shared = ROOT.parent / "shared"
    if shared.exists():  # the review's text, beside the project as in the real layout
        (tmp_path / "shared").symlink_to(shared)
    return clone


def _make_release(clone: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("REVIEW_ROOT", "MAKEFLAGS", "VIRTUAL_ENV")}
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(clone), "release", f"VERSION={VERSION}", "DATE=2026-12-07"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def _verify(clone: Path, bundle: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(clone / ".venv" / "bin" / "python"), "-m", "review", "verify", "--bundle", str(bundle)],
        cwd=clone,
        env={k: v for k, v in os.environ.items() if k != "REVIEW_ROOT"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_make_release_in_a_clone_gives_a_bundle_that_verifies_and_one_changed_byte_is_refused(tmp_path):
    if shutil.which("make") is None or shutil.which("git") is None:
        pytest.skip("make and git are needed")
    clone = _clone(tmp_path)
    ours = (ROOT / ".venv" / "lib").glob("python*/site-packages/__editable__*.pth")
    before = {p: p.read_bytes() for p in ours}
    done = _make_release(clone)
    assert {p: p.read_bytes() for p in before} == before, "the release touched this checkout's .venv"
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    # The version moved in its one place, and the citation says the same.
    assert f'version = "{VERSION}"' in (clone / "pyproject.toml").read_text(encoding="utf-8")
    cff = (clone / "CITATION.cff").read_text(encoding="utf-8")
    assert f"version: {VERSION}" in cff and "2026-12-07" in cff
    assert f"## {VERSION}" in (clone / "CHANGELOG.md").read_text(encoding="utf-8")

    bundle = clone / "dist" / BUNDLE
    assert bundle.is_file(), sorted(p.name for p in (clone / "dist").iterdir())
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    for expected in ("SHA256SUMS", "CITATION.cff", ".zenodo.json", "figures/manifest.json", "figures/fig1.png"):
        assert any(name.endswith(expected) for name in names), expected
    assert _verify(clone, bundle).returncode == 0

    # One byte changed inside one exhibit: the bundle is refused, naming that file.
    changed = tmp_path / BUNDLE
    target = next(name for name in names if name.endswith("tables/table1.csv"))
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(changed, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == target:
                data = data[:-2] + bytes([data[-2] ^ 0x01]) + data[-1:]
            out.writestr(info, data)
    refused = _verify(clone, changed)
    assert refused.returncode != 0
    assert "table1.csv" in refused.stdout + refused.stderr
