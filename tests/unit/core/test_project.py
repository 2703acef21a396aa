"""The project's own citation facts (helpers.core.project): the release, the cited file, the "Cite as" line."""

from __future__ import annotations

import json
import re

import pytest

from helpers.core import catalog, paths, project

CFF = 'cff-version: 1.2.0\ntitle: t\nversion: 9.8.7\ndate-released: "2031-02-03"\n'


@pytest.fixture
def cff(tmp_path):
    path = tmp_path / "CITATION.cff"
    path.write_text(CFF, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("exhibit", "written", "cited"),
    [
        ("fig1", {"fig1.png": "p", "fig1.svg": "s", "fig1.pdf": "d", "fig1.data.csv": "c"}, "file fig1.svg, SHA-256 s"),
        ("table1", {"table1.md": "m", "table1.csv": "c", "table1.tex": "t"}, "file table1.csv, SHA-256 c"),
        ("references", {"references.bib": "b", "references.csv": "c"}, "file references.csv, SHA-256 c"),
        ("table4", {}, "no file written"),
    ],
)
def test_the_line_cites_the_primary_file_by_its_hash(cff, exhibit, written, cited):
    """A figure is cited by its SVG, a table by its CSV, the references by their BibTeX, with the file's SHA-256."""
    line = project.cite_as(catalog.get(exhibit), written, cff=cff)
    assert line.startswith(f"Cite as: {project.AUTHORS} (2031). {catalog.get(exhibit).title} [")
    assert cited in line
    assert f"Exhibit {exhibit} of mscs-aging-review, version 9.8.7 (site page exhibits/{exhibit}.html)" in line
    assert "Li & Bai (2025) (CC BY-NC-ND 4.0)" in line


def test_a_run_is_never_cited_as_the_published_exhibit(cff):
    line = project.cite_as(
        catalog.get("fig1"), {"fig1.svg": "s"}, canonical=False, selection="diseases AD · exosomes only", cff=cff
    )
    assert line.startswith("Cite as: a run of exhibit fig1 of mscs-aging-review, version 9.8.7, with diseases AD")
    assert "not the published exhibit" in line and "run.json" in line
    assert "file fig1.svg, SHA-256 s" in line


def test_the_release_is_what_citation_cff_states(cff):
    assert project.release(cff) == project.Release("9.8.7", "2031-02-03")


def test_an_edited_citation_cff_is_read_again_not_remembered(cff):
    # The parse is remembered by the file's text (the site asks ~400 times); a new release must still show.
    assert project.release(cff).version == "9.8.7"
    cff.write_text(cff.read_text(encoding="utf-8").replace("9.8.7", "9.8.8"), encoding="utf-8")
    assert project.release(cff) == project.Release("9.8.8", "2031-02-03")


def _cite_line(exhibit: str) -> str:
    nb = json.loads((paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb").read_text(encoding="utf-8"))
    shown = ["".join(out.get("text", "")) for cell in nb["cells"] for out in cell.get("outputs", [])]
    text = " ".join(" ".join(shown).split())
    match = re.search(r"Cite as: .*?\(CC BY-NC-ND 4\.0\)\.", text)
    assert match, f"notebooks/{exhibit}.ipynb shows no 'Cite as' line"
    return match.group(0)


@pytest.mark.parametrize("exhibit", list(catalog.EXHIBITS))
def test_each_notebook_cites_the_manifest_s_file_and_version(exhibit):
    """The line under the notebook's files names the bytes the manifest records and the released version."""
    entry = json.loads((paths.FIGURES_DIR / "manifest.json").read_text(encoding="utf-8"))["exhibits"][exhibit]
    info = catalog.get(exhibit)
    primary = project.primary_file(info, entry["files"])
    line = _cite_line(exhibit)
    assert f"file {primary.rsplit('/', 1)[-1]}, SHA-256 {entry['files'][primary]}" in line
    assert f"version {project.release().version} " in line


@pytest.mark.parametrize(
    ("exhibit", "written", "said"),
    [
        # Every table's CSV holds the cells only; its legend and notes are in the other exports (table4 3.1).
        (
            "table4",
            {"table4.csv": "c", "table4.md": "m", "table4.tex": "t", "table4.xlsx": "x"},
            "file table4.csv, SHA-256 c; the printed legend and the notes under the table are in table4.md "
            "(also .tex, .xlsx), not in the CSV]",
        ),
        (
            "table1",
            {"table1.csv": "c", "table1.xlsx": "x"},
            "file table1.csv, SHA-256 c; the printed legend and the notes under the table are in table1.xlsx, "
            "not in the CSV]",
        ),
        ("table2", {"table2.csv": "c"}, "file table2.csv, SHA-256 c]"),
        ("fig1", {"fig1.svg": "s", "fig1.data.csv": "c"}, "file fig1.svg, SHA-256 s]"),
    ],
)
def test_a_table_s_citation_says_where_its_legend_and_notes_are(cff, exhibit, written, said):
    assert said in project.cite_as(catalog.get(exhibit), written, cff=cff)
