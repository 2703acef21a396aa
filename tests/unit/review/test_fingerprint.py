"""Fingerprints and staleness, table-driven, on a throw-away project root."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers.core import paths
from review import fingerprint, manifest
from tests.conftest import ROOT


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A minimal project: one notebook, one data file, one module, a lock."""
    root = tmp_path / "p"
    (root / "notebooks").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "tables").mkdir()
    shutil.copy2(ROOT / "notebooks" / "table4.ipynb", root / "notebooks" / "table4.ipynb")
    (root / "data" / "x.csv").write_text("a\n1\n")
    (root / "requirements.lock").write_text("pandas==1\n")
    src = tmp_path / "src" / "helpers"
    src.mkdir(parents=True)
    (src / "m.py").write_text("X = 1\n")
    (root / "tables" / "table4.csv").write_text("out\n")
    for name, value in (
        ("ROOT", root),
        ("NOTEBOOKS_DIR", root / "notebooks"),
        ("LOCKFILE", root / "requirements.lock"),
        ("SRC_DIR", src),
    ):
        monkeypatch.setattr(paths, name, value)
    monkeypatch.setattr(fingerprint, "STATE", root / ".cache" / "build-state.json")
    inputs = fingerprint.current_hashes(["data/x.csv"], root)
    modules = fingerprint.current_hashes(["helpers/m.py"], tmp_path / "src")
    stamp = fingerprint.fingerprint("table4", inputs, modules, as_read=True)
    entry = {
        "inputs": inputs,
        "modules": modules,
        "fingerprint": stamp,
        "files": {"tables/table4.csv": fingerprint.current_hashes(["tables/table4.csv"], root)["tables/table4.csv"]},
    }
    return root, tmp_path / "src", entry, {"table4": stamp}


def _edit_notebook_code(root, src):
    nb = json.loads((root / "notebooks" / "table4.ipynb").read_text())
    nb["cells"][2]["source"] = ["print('changed')\n"]
    (root / "notebooks" / "table4.ipynb").write_text(json.dumps(nb))


def _edit_notebook_output(root, src):
    nb = json.loads((root / "notebooks" / "table4.ipynb").read_text())
    nb["cells"][2]["outputs"] = []
    nb["cells"][2]["execution_count"] = 99
    (root / "notebooks" / "table4.ipynb").write_text(json.dumps(nb))


def _edit_default(root, src):
    path = root / "notebooks" / "table4.ipynb"
    path.write_text(
        path.read_text().replace(
            'formats: list = [\\"csv\\", \\"md\\", \\"tex\\", \\"xlsx\\"]', 'formats: list = [\\"csv\\"]'
        )
    )


EDITS = [
    # (what changes, how, which fingerprint keys change, why stale)
    ("nothing", lambda root, src: None, set(), None),
    (
        "a data file it read",
        lambda root, src: (root / "data" / "x.csv").write_text("a\n2\n"),
        {"inputs"},
        "changed: inputs",
    ),
    ("a data file it did not read", lambda root, src: (root / "data" / "y.csv").write_text("b\n"), set(), None),
    ("a deleted input", lambda root, src: (root / "data" / "x.csv").unlink(), {"inputs"}, "changed: inputs"),
    (
        "a module it imported",
        lambda root, src: (src / "helpers" / "m.py").write_text("X = 2\n"),
        {"library"},
        "changed: library",
    ),
    ("a module it did not import", lambda root, src: (src / "helpers" / "n.py").write_text("Y = 1\n"), set(), None),
    ("the lock", lambda root, src: (root / "requirements.lock").write_text("pandas==2\n"), {"lock"}, "changed: lock"),
    ("the notebook's code", _edit_notebook_code, {"notebook"}, "changed: notebook"),
    ("only the notebook's outputs", _edit_notebook_output, set(), None),
    ("a parameter default", _edit_default, {"notebook", "parameters"}, "changed: notebook, parameters"),
    (
        "an output file",
        lambda root, src: (root / "tables" / "table4.csv").write_text("tampered\n"),
        set(),
        "outputs differ from the manifest",
    ),
]


@pytest.mark.parametrize("what, edit, keys, reason", EDITS, ids=[e[0] for e in EDITS])
def test_fingerprint_and_stale(project, what, edit, keys, reason):
    root, src, entry, state = project
    before = fingerprint.fingerprint("table4", entry["inputs"], entry["modules"])
    assert before == entry["fingerprint"], "hashing now equals hashing as read when nothing changed"
    edit(root, src)
    after = fingerprint.fingerprint("table4", entry["inputs"], entry["modules"])
    assert {k for k in after if after[k] != before[k]} == keys
    assert fingerprint.stale("table4", entry, state) == reason


def test_never_built_and_not_built_here(project):
    root, src, entry, state = project
    assert fingerprint.stale("table4", None, state) == "never built"
    assert fingerprint.stale("table4", entry, {}) == "not yet built in this checkout"
    assert fingerprint.stale("table4", entry, state) is None
    assert manifest.check_files(entry) == []


def test_a_file_that_does_not_exist_hashes_as_missing(project):
    """current_hashes: a file not on disk is recorded as "missing" (so its appearance makes the notebook stale)."""
    root = project[0]
    assert fingerprint.current_hashes(["data/nope.csv"], root) == {"data/nope.csv": "missing"}


def test_the_parameters_fingerprint_does_not_depend_on_their_order(project, monkeypatch):
    """fingerprint: the declared defaults are hashed with sorted keys."""
    orders = iter([{"b": 1, "a": 2}, {"a": 2, "b": 1}])
    monkeypatch.setattr(fingerprint, "declared", lambda notebook: next(orders))
    first = fingerprint.fingerprint("table4", {}, {}, as_read=True)["parameters"]
    assert fingerprint.fingerprint("table4", {}, {}, as_read=True)["parameters"] == first


def test_an_entry_without_a_fingerprint_is_stale_and_a_changed_notebook_output_too(project):
    """stale: an entry that records no fingerprint is stale on every key; a notebook whose bytes differ from the
    manifest's record is stale ("outputs differ"), even when its code is unchanged."""
    root, _src, entry, state = project
    bare = {k: v for k, v in entry.items() if k != "fingerprint"}
    assert fingerprint.stale("table4", bare, state).startswith("changed: ")
    recorded = dict(entry, notebook="notebooks/table4.ipynb", notebook_sha256="0" * 64)
    assert fingerprint.stale("table4", recorded, state) == "outputs differ from the manifest"


def test_stale_reads_the_build_state_when_none_is_given(project):
    """stale without a state argument reads .cache/build-state.json: up to date when it matches."""
    root, _src, entry, state = project
    fingerprint.STATE.parent.mkdir(parents=True, exist_ok=True)
    fingerprint.STATE.write_text(json.dumps(state))
    assert fingerprint.stale("table4", entry) is None
