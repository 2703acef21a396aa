"""``review verify PATH`` on a run's or a view's files: the record it finds, what it counts and what it says.

Table-driven over small folders made here (no notebook runs): a run folder with
its ``run.json``, and a view's figure downloaded on its own and renamed, whose
metadata names its page, found through ``runs/<slug>/`` or the site's view folder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from helpers.core import paths
from review import manifest

PAGE = b"views/fig1/fig1_diseases-AD/index.html"
FIGURE = b"\x89PNG fake figure whose metadata names its page: " + PAGE + b" \xc3\xa9"


def _record(folder: Path, listed: dict[str, bytes], exhibit: str = "fig1") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    record = {"exhibit": exhibit, "files": {name: hashlib.sha256(data).hexdigest() for name, data in listed.items()}}
    (folder / manifest.RUN_RECORD).write_text(json.dumps(record), encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "RUNS_DIR", tmp_path / "runs")
    return tmp_path


def test_a_folder_without_its_record_is_named_with_the_reason_and_counts_nothing(project):
    folder = project / "runs" / "fig1_x"
    folder.mkdir(parents=True)
    (folder / "fig1.png").write_bytes(FIGURE)
    assert manifest.verify_run(folder) == (
        [f"{folder / 'run.json'}: no run record to check against (FileNotFoundError); keep run.json beside the files"],
        0,
    )


@pytest.mark.parametrize("where", ["runs", "site"])
def test_a_renamed_view_figure_is_found_through_the_page_its_metadata_names(project, where):
    # The page's folder in site/ is views/fig1/fig1_diseases-AD/; the run's folder is runs/fig1_diseases-AD/.
    folder = (
        project / "runs" / "fig1_diseases-AD" if where == "runs" else project / "site" / PAGE.decode().rsplit("/", 1)[0]
    )
    _record(folder, {"fig1.png": FIGURE, "fig1.csv": b"a,b\n"})
    download = project / "Downloads" / "my figure.png"
    download.parent.mkdir()
    download.write_bytes(FIGURE)
    # Checked as the view's fig1.png (its format's file), one file.
    assert manifest.verify_run(download) == ([], 1)
    download.write_bytes(FIGURE + b"!")
    (problem,), count = manifest.verify_run(download)
    assert count == 1 and problem.startswith(f"{download}: sha256 ") and "differs from run.json's" in problem


def test_a_figure_naming_no_page_has_no_record_to_check_against(project):
    download = project / "Downloads" / "fig1.png"
    download.parent.mkdir()
    download.write_bytes(b"\x89PNG no page named")
    problems, count = manifest.verify_run(download)
    assert count == 0 and problems == [
        f"{download.parent / 'run.json'}: no run record to check against (FileNotFoundError); "
        "keep run.json beside the files"
    ]


def test_a_file_beside_its_record_but_not_listed_is_refused_naming_what_is_listed(project):
    folder = project / "runs" / "fig1_x"
    _record(folder, {"fig1.png": FIGURE, "fig1.csv": b"a,b\n"})
    stray = folder / "notes.txt"
    stray.write_bytes(b"mine")
    assert manifest.verify_run(stray) == ([f"{stray}: not one of the files its run.json lists (fig1.csv, fig1.png)"], 0)


def test_a_missing_listed_file_names_the_digest_it_should_have(project):
    folder = project / "runs" / "fig1_x"
    _record(folder, {"fig1.png": FIGURE})
    digest = hashlib.sha256(FIGURE).hexdigest()
    assert manifest.verify_run(folder) == (
        [f"{folder / 'fig1.png'}: missing (run.json lists sha256 {digest[:12]}…)"],
        1,
    )


def test_an_unlisted_copy_beside_the_record_is_not_taken_for_the_listed_figure(project):
    # Only a figure found through its metadata (its record elsewhere) is read as its view's file of that format;
    # beside its run.json a file is checked under its own name.
    folder = project / "runs" / "fig1_x"
    _record(folder, {"fig1.png": FIGURE})
    copy = folder / "copy.png"
    copy.write_bytes(FIGURE)
    assert manifest.verify_run(copy) == ([f"{copy}: not one of the files its run.json lists (fig1.png)"], 0)


def test_a_target_that_does_not_exist_is_named_missing_and_counts_nothing(project):
    target = project / "runs" / "fig1_gone"
    assert manifest.verify_run(target) == ([f"{target}: missing"], 0)


def test_a_changed_file_names_both_digests_by_their_first_twelve_hex_digits(project):
    folder = project / "runs" / "fig1_x"
    _record(folder, {"fig1.png": FIGURE})
    (folder / "fig1.png").write_bytes(b"another figure")
    listed, found = hashlib.sha256(FIGURE).hexdigest(), hashlib.sha256(b"another figure").hexdigest()
    assert manifest.verify_run(folder) == (
        [f"{folder / 'fig1.png'}: sha256 {found[:12]}… differs from run.json's {listed[:12]}…"],
        1,
    )
