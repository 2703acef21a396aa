"""``review verify`` with anything missing or unreadable (issue 21).

Rule: verify exits 1 and names every problem: a manifest that is missing or
cannot be read, a file it lists that is missing or altered, an exhibit's
notebook that is missing. Run in-process on a throw-away project root.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from helpers.core import paths
from review import cli, manifest

CSV = b"a,b\n1,2\n"
PNG = b"\x89PNG fake"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with one exhibit: two files and a notebook, and a manifest that lists them."""
    root = tmp_path / "p"
    for name in ("tables", "figures", "notebooks"):
        (root / name).mkdir(parents=True)
    (root / "tables" / "table1.csv").write_bytes(CSV)
    (root / "figures" / "fig1.png").write_bytes(PNG)
    (root / "notebooks" / "table1.ipynb").write_text("{}")
    entry = {
        "notebook": "notebooks/table1.ipynb",
        "notebook_sha256": "0" * 64,  # a notebook is source people edit: its hash is not checked by verify
        "files": {
            "tables/table1.csv": hashlib.sha256(CSV).hexdigest(),
            "figures/fig1.png": hashlib.sha256(PNG).hexdigest(),
        },
    }
    (root / "figures" / "manifest.json").write_text(json.dumps({"exhibits": {"table1": entry}}))
    for name, value in (("ROOT", root), ("FIGURES_DIR", root / "figures"), ("NOTEBOOKS_DIR", root / "notebooks")):
        monkeypatch.setattr(paths, name, value)
    return root


def _damage(root, how):
    if how == "manifest missing":
        (root / "figures" / "manifest.json").unlink()
    elif how == "manifest not JSON":
        (root / "figures" / "manifest.json").write_text('{"exhibits": {"table1": ')
    elif how == "manifest without exhibits":
        (root / "figures" / "manifest.json").write_text('{"project": "x"}')
    elif how == "manifest not UTF-8":
        (root / "figures" / "manifest.json").write_bytes(b'{"exhibits": "\xff"}')
    elif how == "a table missing":
        (root / "tables" / "table1.csv").unlink()
    elif how == "a figure altered":
        (root / "figures" / "fig1.png").write_bytes(PNG + b"!")
    elif how == "a notebook missing":
        (root / "notebooks" / "table1.ipynb").unlink()


DAMAGES = [
    # how, the name the message must hold, the words it must hold
    ("manifest missing", "figures/manifest.json", "missing"),
    ("manifest not JSON", "figures/manifest.json", "unreadable (JSONDecodeError"),
    ("manifest without exhibits", "figures/manifest.json", "unreadable (KeyError"),
    ("manifest not UTF-8", "figures/manifest.json", "unreadable"),
    ("a table missing", "tables/table1.csv", "missing"),
    ("a figure altered", "figures/fig1.png", "differs"),
    ("a notebook missing", "notebooks/table1.ipynb", "missing"),
]


def test_verify_passes_an_intact_project(project, capsys):
    """Nothing missing: exit 0, the files counted."""
    assert manifest.verify() == []
    assert cli.main(["verify"]) == 0
    assert "all 2 files match" in capsys.readouterr().out


@pytest.mark.parametrize("how, name, words", DAMAGES, ids=[d[0] for d in DAMAGES])
def test_verify_names_what_is_missing_or_unreadable(project, capsys, how, name, words):
    """verify: exit 1 and one MISMATCH line naming the file and what is wrong, no traceback."""
    _damage(project, how)
    problems = manifest.verify()
    assert len(problems) == 1 and name in problems[0] and words in problems[0], problems
    assert cli.main(["verify"]) == 1
    err = capsys.readouterr().err
    assert f"MISMATCH {name}" in err and "1 problem(s)" in err


def test_verify_reports_the_problems_of_every_exhibit(project, capsys):
    """Two exhibits, each with a missing file: both named, exit 1, the count says 2."""
    document = json.loads((project / "figures" / "manifest.json").read_text())
    second = {"notebook": "notebooks/table2.ipynb", "files": {"tables/table2.csv": "1" * 64}}
    document["exhibits"]["table2"] = second
    (project / "figures" / "manifest.json").write_text(json.dumps(document))
    (project / "tables" / "table1.csv").unlink()
    problems = manifest.verify()
    assert [p.split(":")[0] for p in problems] == ["tables/table1.csv", "tables/table2.csv", "notebooks/table2.ipynb"]
    assert cli.main(["verify"]) == 1
    assert "3 problem(s)" in capsys.readouterr().err


def test_a_manifest_in_utf8_with_non_ascii_text_is_read(project):
    """The manifest is UTF-8 (titles print µ and en dashes); load reads it as such."""
    path = project / "figures" / "manifest.json"
    document = json.loads(path.read_text())
    document["exhibits"]["table1"]["title"] = "Doses in µg – by route"
    path.write_bytes(json.dumps(document, ensure_ascii=False).encode("utf-8"))
    assert manifest.load()["table1"]["title"] == "Doses in µg – by route"
    assert manifest.verify() == []


def test_entry_records_files_notebook_inputs_and_fingerprint_of_one_exhibit():
    """manifest.entry: what the manifest says of one exhibit, files keyed by their canonical folder, sorted."""
    from helpers.core.catalog import EXHIBITS

    info = EXHIBITS["table1"]
    record = {
        "parameters": {"diseases": "all"},
        "files": {"table1.md": "b" * 64, "table1.csv": "a" * 64},
        "inputs": {"data/z.csv": "z", "data/a.csv": "a"},
        "modules": {"helpers/z.py": "z", "helpers/a.py": "a"},
    }
    got = manifest.entry(info, record, {"lock": "l"}, "n" * 64)
    assert got == {
        "id": "table1",
        "kind": info.kind,
        "title": info.title,
        "caption": info.caption,
        "notebook": "notebooks/table1.ipynb",
        "notebook_sha256": "n" * 64,
        "parameters": {"diseases": "all"},
        "files": {f"{info.folder.name}/table1.csv": "a" * 64, f"{info.folder.name}/table1.md": "b" * 64},
        "inputs": {"data/a.csv": "a", "data/z.csv": "z"},
        "modules": {"helpers/a.py": "a", "helpers/z.py": "z"},
        "fingerprint": {"lock": "l"},
    }
    assert list(got["files"]) == sorted(got["files"]) and list(got["inputs"]) == ["data/a.csv", "data/z.csv"]
    assert list(got["modules"]) == ["helpers/a.py", "helpers/z.py"]
    assert info.folder.name == "tables"


def test_check_files_messages_and_the_notebook_when_asked(project):
    """check_files: a missing or altered file named with 12 hex digits of each hash; the notebook only when asked."""
    item = manifest.load()["table1"]
    digest = item["files"]["tables/table1.csv"]
    (project / "tables" / "table1.csv").unlink()
    (project / "figures" / "fig1.png").write_bytes(b"other")
    now = hashlib.sha256(b"other").hexdigest()
    was = item["files"]["figures/fig1.png"]
    expected = [
        f"tables/table1.csv: missing (recorded sha256 {digest[:12]}…)",
        f"figures/fig1.png: sha256 {now[:12]}… differs from the recorded {was[:12]}…",
    ]
    assert manifest.check_files(item) == expected
    on_disk = hashlib.sha256(b"{}").hexdigest()
    notebook = f"notebooks/table1.ipynb: sha256 {on_disk[:12]}… differs from the recorded {'0' * 12}…"
    assert manifest.check_files(item, notebook=True) == [*expected, notebook]
    del item["notebook_sha256"]  # an entry written before notebooks were hashed
    assert manifest.check_files(item, notebook=True) == expected


def test_update_writes_the_documented_header_as_indented_utf8_json(project, monkeypatch):
    """manifest.update: project, source, licence, how to verify, software, exhibits; indent 2, non-ASCII kept."""
    from helpers.core.catalog import LICENCE, SOURCE

    monkeypatch.setattr(manifest.lockfiles, "read_lock", lambda: {})
    manifest.update({"table1": {"title": "µg – doses"}})
    text = manifest.path().read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["source"] == SOURCE and document["licence"] == LICENCE
    assert document["how_to_verify"] == "review verify (or make verify) recomputes every SHA-256 below"
    assert text == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    assert "µg – doses" in text


# --- the software block and the environment note (issue 21: review.manifest's survivors) -----------------------

PINS = {"python": "3.11", "matplotlib": "3.9.2", "pandas": "2.2.3"}


@pytest.mark.parametrize(
    ("previous", "exhibits", "current", "kept"),
    [
        (None, {"a": {}}, PINS, False),  # no manifest yet
        ({"exhibits": {"a": {}}}, {"a": {}}, PINS, False),  # a manifest without a software block
        # only the interpreter differs and every exhibit is as committed: the committed block stays
        ({"software": {**PINS, "python": "3.13"}, "exhibits": {"a": {"x": 1}}}, {"a": {"x": 1}}, PINS, True),
        # an exhibit was made here: the block says what made it
        ({"software": {**PINS, "python": "3.13"}, "exhibits": {"a": {"x": 1}}}, {"a": {"x": 2}}, PINS, False),
        # another pin: the block is this build's
        ({"software": {**PINS, "pandas": "2.2.2"}, "exhibits": {"a": {"x": 1}}}, {"a": {"x": 1}}, PINS, False),
        # a pin the committed block lacks
        ({"software": {"python": "3.11", "pandas": "2.2.3"}, "exhibits": {"a": {}}}, {"a": {}}, PINS, False),
    ],
    ids=["no-manifest", "no-block", "python-only", "exhibit-changed", "pin-changed", "pin-added"],
)
def test_the_software_block_names_what_made_the_committed_bytes(previous, exhibits, current, kept):
    got = manifest._software_for(previous, exhibits, current)
    assert got == (previous["software"] if kept else current)


def test_update_merges_entries_in_catalog_order_and_keeps_the_block_when_nothing_changed(project, monkeypatch):
    monkeypatch.setattr(manifest, "software", lambda: PINS)
    manifest.update({"table2": {"n": 2}, "table1": {"n": 1}})
    first = json.loads(manifest.path().read_text(encoding="utf-8"))
    assert list(first["exhibits"]) == ["table1", "table2"]  # the catalog's order, not the call's
    assert first["software"] == PINS and first["project"] == "mscs-aging-review"
    monkeypatch.setattr(manifest, "software", lambda: {**PINS, "python": "3.13"})
    manifest.update({"table1": {"n": 1}})  # the same entry again, made on another interpreter
    again = json.loads(manifest.path().read_text(encoding="utf-8"))
    assert again["software"] == PINS and again["exhibits"] == first["exhibits"]
    manifest.update({"table2": {"n": 3}})  # a changed entry: the block is this build's
    changed = json.loads(manifest.path().read_text(encoding="utf-8"))
    assert changed["software"]["python"] == "3.13" and changed["exhibits"]["table2"] == {"n": 3}
    assert changed["exhibits"]["table1"] == {"n": 1}


def test_load_reads_the_entries_and_nothing_when_there_is_no_manifest(project):
    assert list(manifest.load()) == ["table1"]
    manifest.path().unlink()
    assert manifest.load() == {}


def test_the_environment_note_says_what_this_build_ran_on(project, tmp_path, monkeypatch):
    note = tmp_path / "cache" / "build-env.json"
    monkeypatch.setattr(manifest, "ENVIRONMENT", note)
    document = json.loads(manifest.path().read_text(encoding="utf-8"))
    document["software"] = {"python": "3.12"}
    manifest.path().write_text(json.dumps(document), encoding="utf-8")
    here = manifest.note_environment()
    import platform
    import sys

    assert here["python"] == platform.python_version() and here["executable"] == sys.executable
    assert here["implementation"] == platform.python_implementation()
    assert here["platform"] == f"{sys.platform}-{platform.machine()}"
    assert here["manifest_python"] == "3.12"
    assert set(here["installed"]) == set(manifest._SOFTWARE)
    assert all(v != "missing" for v in here["installed"].values())  # the lock's packages are installed here
    assert json.loads(note.read_text(encoding="utf-8")) == here and "unwritten" not in here
    assert note.read_text(encoding="utf-8") == json.dumps(here, indent=2, sort_keys=True) + "\n"


def test_an_environment_note_that_cannot_be_written_does_not_fail_the_build(project, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(manifest, "ENVIRONMENT", blocker / "build-env.json")  # a file where a folder must be
    here = manifest.note_environment()
    assert here["unwritten"] and here["python"]


def test_a_package_that_is_not_installed_is_named_missing(project, tmp_path, monkeypatch):
    monkeypatch.setattr(manifest, "ENVIRONMENT", tmp_path / "env.json")
    monkeypatch.setattr(manifest, "_SOFTWARE", ("matplotlib", "no-such-package-here"))
    assert manifest.note_environment()["installed"]["no-such-package-here"] == "missing"


def test_without_a_manifest_the_note_names_no_committed_python(project, tmp_path, monkeypatch):
    monkeypatch.setattr(manifest, "ENVIRONMENT", tmp_path / "env.json")
    manifest.path().unlink()
    assert manifest.note_environment()["manifest_python"] is None
