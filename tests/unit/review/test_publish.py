"""Publishing checks every target folder before anything moves (issue 21).

Rule (review.publish.publish): before the first move, each folder a file
moves into (tables/, figures/, notebooks/) and the manifest's folder must
take a new file; the first that refuses stops the publish, named, with
nothing moved and no journal written.

The check creates and removes a probe file (``tempfile.mkstemp``). The test
suite runs as root, for whom a ``chmod`` read-only folder still takes files,
so the refusal is simulated: ``mkstemp`` raises ``EROFS`` for the one folder
made "read-only" (the integration test ``test_faults.py`` mounts a real
read-only ``figures/`` where mount is permitted).
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

from helpers.core import paths
from review import fingerprint, publish

FOLDERS = ("tables", "figures", "notebooks")


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "p"
    for name in (*FOLDERS, ".cache/stage/b1/notebooks"):
        (root / name).mkdir(parents=True)
    stage = root / ".cache" / "stage" / "b1"
    (stage / "table1.csv").write_text("new table\n")
    (stage / "fig1.png").write_text("new figure\n")
    (stage / "notebooks" / "table1.ipynb").write_text("new notebook\n")
    for name in FOLDERS:
        (root / name / "old.txt").write_text("old\n")
    for name, value in (
        ("ROOT", root),
        ("FIGURES_DIR", root / "figures"),
        ("TABLES_DIR", root / "tables"),
        ("NOTEBOOKS_DIR", root / "notebooks"),
        ("CACHE_DIR", root / ".cache"),
    ):
        monkeypatch.setattr(paths, name, value)
    monkeypatch.setattr(publish, "JOURNAL", root / ".cache" / "publish.json")
    monkeypatch.setattr(publish, "STAGE", root / ".cache" / "stage")
    monkeypatch.setattr(fingerprint, "STATE", root / ".cache" / "build-state.json")
    return root


MOVES = [
    (".cache/stage/b1/table1.csv", "tables/table1.csv"),
    (".cache/stage/b1/fig1.png", "figures/fig1.png"),
    (".cache/stage/b1/notebooks/table1.ipynb", "notebooks/table1.ipynb"),
]


def _read_only(monkeypatch, folder: Path) -> None:
    """Make ``folder`` refuse new files, as a read-only mount would (chmod does not stop root)."""
    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and Path(dir) == folder:
            raise OSError(errno.EROFS, "Read-only file system")
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(publish.tempfile, "mkstemp", mkstemp)


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_read_only_target_folder_stops_the_publish_before_anything_moves(project, monkeypatch, folder):
    """Any one of tables/, figures/, notebooks/ read-only: OSError naming it, no file moved, no journal."""
    _read_only(monkeypatch, project / folder)
    with pytest.raises(OSError) as raised:
        publish.publish(MOVES, {})
    assert raised.value.errno == errno.EROFS
    assert raised.value.filename == str(project / folder), raised.value
    assert str(project / folder) in str(raised.value)
    assert not publish.JOURNAL.exists()
    for name in FOLDERS:
        assert sorted(p.name for p in (project / name).iterdir()) == ["old.txt"], name
    assert all((project / source).exists() for source, _ in MOVES)


def test_writable_folders_publish_every_move(project):
    """No folder refuses: every staged file is in place and the journal is gone."""
    publish.publish(MOVES, {})
    for source, target in MOVES:
        assert (project / target).read_text().startswith("new")
        assert not (project / source).exists()
    assert not publish.JOURNAL.exists()
