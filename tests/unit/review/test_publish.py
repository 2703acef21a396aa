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


def test_a_missing_target_folder_is_created_and_no_probe_is_left(project, monkeypatch):
    """The check creates a folder that does not exist yet; each probe is named like a temporary and removed.

    A probe left by a killed build must be swept like any temporary of
    ``files.write_bytes`` (``files.TEMP_GLOB``), so its name must match it.
    """
    import fnmatch

    from helpers.core import files

    probes = []
    real = tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        fd, name = real(*args, **kwargs)
        probes.append(Path(name))
        return fd, name

    monkeypatch.setattr(publish.tempfile, "mkstemp", mkstemp)
    moves = [*MOVES[:2], (".cache/stage/b1/notebooks/table1.ipynb", "notebooks/deeper/still/table1.ipynb")]
    publish.publish(moves, {})
    assert (project / "notebooks/deeper/still/table1.ipynb").read_text() == "new notebook\n"
    # files.write_bytes (journal, manifest) makes its temporaries with mkstemp too
    assert {project / "tables", project / "figures", project / "notebooks/deeper/still"} <= {p.parent for p in probes}
    assert all(fnmatch.fnmatch(p.name, files.TEMP_GLOB) and not p.exists() for p in probes), probes


def test_the_refusal_says_why_and_where(project, monkeypatch):
    """The OSError keeps the system's reason and names the folder (the build prints both)."""
    _read_only(monkeypatch, project / "tables")
    with pytest.raises(OSError) as raised:
        publish.publish(MOVES, {})
    assert raised.value.strerror == "Read-only file system"
    assert str(raised.value) == f"[Errno {errno.EROFS}] Read-only file system: '{project / 'tables'}'"


def _entry(exhibit: str, stamp: str) -> dict:
    return {"id": exhibit, "files": {}, "fingerprint": {"lock": stamp}}


def test_publish_writes_manifest_and_build_state_merged_and_in_catalogue_order(project, monkeypatch):
    """The manifest gets the new entries merged into the old, in catalogue order; so does the build state."""
    import json

    from helpers.core.catalog import EXHIBITS
    from review import manifest

    monkeypatch.setattr(manifest.lockfiles, "read_lock", lambda: {"pandas": "2.0", "numpy": "1.0", "zzz": "9"})
    first, second = list(EXHIBITS)[0], list(EXHIBITS)[1]
    publish.publish([], {second: _entry(second, "b")})
    publish.publish(MOVES, {first: _entry(first, "a")})
    document = json.loads(manifest.path().read_text(encoding="utf-8"))
    assert list(document["exhibits"]) == [first, second]
    assert document["exhibits"][second] == _entry(second, "b")
    assert document["project"] == "mscs-aging-review"
    assert document["how_to_verify"].startswith("review verify")
    assert {"pandas": "2.0", "numpy": "1.0"}.items() <= document["software"].items()
    assert "zzz" not in document["software"] and "python" in document["software"]
    assert manifest.path().read_text(encoding="utf-8").endswith("}\n")
    state = json.loads(fingerprint.STATE.read_text())
    assert state == {first: {"lock": "a"}, second: {"lock": "b"}}


def test_roll_forward_finishes_a_journal_and_sweeps_what_a_killed_build_left(project):
    """A journal left by a killed build: its moves are made (those already made skipped), temporaries and stages go."""
    import json

    from review import manifest

    deep = (".cache/stage/b1/deep.csv", "tables/a/b/deep.csv")  # two folders that do not exist yet
    (project / deep[0]).write_text("new deep\n")
    moves = [*MOVES, deep, (".cache/stage/b1/gone.csv", "tables/gone.csv")]
    publish.JOURNAL.write_text(json.dumps({"moves": moves, "entries": {}}))
    strays = [project / name / ".old.txt.1234.tmp" for name in FOLDERS]
    for stray in strays:
        stray.write_text("half")
    (project / ".cache" / "stage" / "b0").mkdir()
    publish.roll_forward()
    for _source, target in [*MOVES, deep]:
        assert (project / target).read_text().startswith("new")
    assert not (project / "tables/gone.csv").exists()
    assert not any(s.exists() for s in strays)
    assert not publish.JOURNAL.exists() and not publish.STAGE.exists()
    assert manifest.load() == {}
    publish.roll_forward()  # nothing left to do: idempotent
    assert (project / "tables/table1.csv").read_text() == "new table\n"


def test_roll_forward_without_a_journal_only_sweeps(project):
    """No journal: stray temporaries and stage folders are removed, nothing else is written."""
    stray = project / "figures" / ".fig1.png.99.tmp"
    stray.write_text("half")
    publish.roll_forward()
    assert not stray.exists() and not publish.STAGE.exists()
    assert not (project / "figures" / "manifest.json").exists()
    assert (project / "tables" / "old.txt").exists()


def test_each_build_stages_in_a_folder_of_its_own(project):
    """new_stage: a fresh folder under the stage, named by process and time, with its notebooks/ folder."""
    import os

    first, second = publish.new_stage(), publish.new_stage()
    assert first != second and first.parent == second.parent == publish.STAGE
    assert first.name.startswith(f"{os.getpid()}-") and (first / "notebooks").is_dir()


def test_roll_forward_without_a_stage_folder(project):
    """A journal whose build's stage is already gone (all moves done) is still finished without error."""
    import json
    import shutil

    shutil.rmtree(publish.STAGE)
    publish.JOURNAL.write_text(json.dumps({"moves": [], "entries": {}}))
    publish.roll_forward()
    assert not publish.JOURNAL.exists()
