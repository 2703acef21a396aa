"""helpers.core.memo: a remembered frame is used only while the library and every file it read are unchanged."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.core import memo, paths, runrecord
from helpers.data import coded


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project root with two input files, and a counting computation that reads them."""
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(memo, "MEMO_DIR", tmp_path / ".cache" / "memo")
    (tmp_path / "data").mkdir()
    for name in ("a.csv", "b.csv"):
        (tmp_path / "data" / name).write_text("x\n1\n", encoding="utf-8")
    calls = []

    def compute() -> pd.DataFrame:
        calls.append(1)
        frames = []
        for name in ("a.csv", "b.csv"):
            path = tmp_path / "data" / name
            runrecord.note_read(path)
            frames.append(pd.read_csv(path).astype({"x": "Int64"}))
        return pd.concat(frames, ignore_index=True)

    runrecord.begin()
    return tmp_path, compute, calls


def _edit(root, name):
    (root / "data" / name).write_text("x\n2\n", encoding="utf-8")


def _corrupt(root, _name):
    for entry in (root / ".cache" / "memo").iterdir():
        entry.write_bytes(b"not a pickle")


@pytest.mark.parametrize(
    ("change", "computes_again"),
    [
        (None, False),  # nothing changed: remembered
        (lambda root: _edit(root, "a.csv"), True),  # an input edited
        (lambda root: _edit(root, "b.csv"), True),  # the other input edited
        (lambda root: (root / "data" / "b.csv").unlink(), True),  # an input gone: computed (and fails) again
        (lambda root: _corrupt(root, ""), True),  # a damaged entry is ignored
        (lambda root: (root / "data" / "c.csv").write_text("y\n", encoding="utf-8"), False),  # an unread file
    ],
    ids=["unchanged", "first input edited", "second input edited", "input removed", "entry damaged", "unread file"],
)
def test_a_remembered_frame_is_used_only_while_its_inputs_are_unchanged(project, change, computes_again):
    root, compute, calls = project
    first = memo.remembered("demo", compute)
    assert calls == [1]
    if change is not None:
        change(root)
    if not (root / "data" / "b.csv").exists():
        with pytest.raises(FileNotFoundError):
            memo.remembered("demo", compute)
        assert len(calls) == 2
        return
    again = memo.remembered("demo", compute)
    assert len(calls) == (2 if computes_again else 1)
    if not computes_again:
        pd.testing.assert_frame_equal(again, first)  # dtypes too: Int64 survives


def test_another_library_version_computes_again(project, monkeypatch):
    _root, compute, calls = project
    memo.remembered("demo", compute)
    monkeypatch.setattr(memo, "_library_hash", lambda: "another-version")
    memo.remembered("demo", compute)
    assert len(calls) == 2


def test_a_hit_records_the_same_inputs_as_the_computation(project):
    """The build's fingerprint must not depend on whether the cache was used."""
    _root, compute, calls = project
    memo.remembered("demo", compute)
    computed = runrecord.record()["inputs"]
    runrecord.begin()
    memo.remembered("demo", compute)
    assert len(calls) == 1
    assert (
        runrecord.record()["inputs"]
        == computed
        == {
            "data/a.csv": runrecord.record()["inputs"]["data/a.csv"],
            "data/b.csv": runrecord.record()["inputs"]["data/b.csv"],
        }
    )


def test_inputs_read_before_the_call_are_still_dependencies(project):
    """A file the notebook read earlier is recorded once, yet the entry must still depend on it."""
    root, compute, calls = project
    runrecord.note_read(root / "data" / "a.csv")
    memo.remembered("demo", compute)
    _edit(root, "a.csv")
    memo.remembered("demo", compute)
    assert len(calls) == 2


def test_callers_get_copies(project):
    _root, compute, _calls = project
    frame = memo.remembered("demo", compute)
    frame["x"] = 99
    assert memo.remembered("demo", compute)["x"].tolist() == [1, 1]


def test_a_project_that_cannot_be_written_computes_every_time(project, monkeypatch):
    _root, compute, calls = project

    def refuse(path, payload):
        raise OSError(30, "Read-only file system", str(path))

    monkeypatch.setattr(memo.files, "write_bytes", refuse)
    memo.remembered("demo", compute)
    memo.remembered("demo", compute)
    assert len(calls) == 2


def test_the_coded_dataset_is_the_same_remembered_or_computed():
    pd.testing.assert_frame_equal(coded.studies(), coded._studies())
    pd.testing.assert_frame_equal(coded.trials(), coded._trials())
