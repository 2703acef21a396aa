"""The site's views: what the catalog declares, how a view is named, when it is stale, how it is cited and verified."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from helpers.core import catalog, files, paths
from helpers.notebook.params import declared, validate
from review import manifest, views
from review.site import citing

#: Per exhibit, the views the site serves, counted by hand from each notebook's parameters cell: 6 diseases
#: each alone where it declares ``diseases``, and 2 modalities each alone where it declares ``modality``.
EXPECTED = {
    "table1": 6,  # diseases, sources, host_species: no modality (Table 1 is MSCs only)
    "table2": 6,  # exosomes only: no modality
    "table3": 8,
    "table4": 6,  # diseases (indirectly), sources
    "fig1": 8,
    "fig2": 8,
    "references": 6,
    "dataset": 8,
    "gapmap": 8,
    "trials": 8,
    "dosing": 8,
    "design": 8,
    "audit": 8,
    "timeline": 8,
    "vesicles": 8,  # "cells only" keeps no row (only Table 2's exosome rows print vesicles): its empty state
    "effects": 8,
    "selection": 6,  # diseases only
    "registry": 0,  # its only selection is the snapshot's date: the catalog declares no view for it
}


@pytest.mark.parametrize(("exhibit", "count"), EXPECTED.items())
def test_the_catalog_declares_each_disease_and_each_modality_alone(exhibit, count):
    """Rule: one declaration for every exhibit; a parameter the notebook does not take gives no view."""
    found = catalog.views(exhibit, declared(paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"))
    assert len(found) == count
    assert all(len(selection) == 1 for selection in found)
    if count == 0:
        return
    assert {v for s in found for k, v in s.items() if k == "diseases"} == {"POF", "AD", "AS", "OP", "SKIN", "WEAK"}


def test_every_exhibit_with_a_notebook_has_its_views_listed():
    assert {e for e, count in EXPECTED.items() if count} == {v.exhibit for v in views.declared_views()}
    assert len(views.declared_views()) == sum(EXPECTED.values())


@pytest.mark.parametrize("exhibit", ["table4", "trials", "fig2"])
def test_a_view_is_named_as_review_run_names_the_same_selection(exhibit):
    """The slug (runs/<slug>/) and subtitle words equal what validate() gives the same values."""
    notebook = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    for view in views.declared_views([exhibit]):
        resolved = validate(exhibit, catalog.get(exhibit).kind, view.selection, notebook)
        assert view.slug == resolved.out_dir.name
        assert catalog.is_view(exhibit, resolved.changed)
        assert view.page == f"views/{exhibit}/{view.slug}/index.html"


@pytest.mark.parametrize(
    ("changed", "expected"),
    [
        ({"diseases": ("AD",)}, True),
        ({"modality": "exosomes"}, True),
        ({"diseases": ("AD", "POF")}, False),  # two diseases: an ordinary run
        ({"diseases": ("AD",), "dpi": 300}, False),  # another resolution: not the page's files
        ({"sources": ("BM",)}, False),  # not a view parameter
        ({}, False),  # the canonical run
    ],
)
def test_only_the_declared_selections_are_views(changed, expected):
    assert catalog.is_view("fig1", changed) is expected


def test_only_limits_by_exhibit_or_by_slug():
    assert {v.slug for v in views.declared_views(["trials_diseases-AD", "table4"])} == {
        "trials_diseases-AD",
        *(f"table4_diseases-{d}" for d in ("POF", "AD", "AS", "OP", "SKIN", "WEAK")),
    }


@pytest.fixture
def a_run(tmp_path, monkeypatch):
    """A view's run folder with its record, under a runs/ of its own."""
    monkeypatch.setattr(paths, "RUNS_DIR", tmp_path / "runs")
    view = views.View("trials", {"diseases": "AD"}, "trials_diseases-AD", "Selection: diseases AD")
    view.out_dir.mkdir(parents=True)
    (view.out_dir / "trials.csv").write_text("a\n1\n", encoding="utf-8")
    record = {"exhibit": "trials", "files": {"trials.csv": files.sha256(view.out_dir / "trials.csv")}, "inputs": {}}
    (view.out_dir / "run.json").write_text(json.dumps(record), encoding="utf-8")
    return view


def _sha(path: Path) -> str | None:
    return files.sha256(path) if path.is_file() else None


@pytest.mark.parametrize(
    ("state", "damage", "reason"),
    [
        ({"trials_diseases-AD": {"f": 1}}, None, None),
        ({}, None, "not yet built in this checkout"),
        ({"trials_diseases-AD": {"f": 0}}, None, "changed since it was built"),
        ({"trials_diseases-AD": {"f": 1}}, "edit", "trials.csv differs from its run record"),
        ({"trials_diseases-AD": {"f": 1}}, "no record", "never built"),
    ],
    ids=["current", "not-in-state", "fingerprint-changed", "file-edited", "record-gone"],
)
def test_a_view_reruns_exactly_when_its_fingerprint_record_or_files_changed(a_run, state, damage, reason):
    if damage == "edit":
        (a_run.out_dir / "trials.csv").write_text("a\n2\n", encoding="utf-8")
    if damage == "no record":
        (a_run.out_dir / "run.json").unlink()
    assert views.stale(a_run, state, lambda exhibit, record: {"f": 1}, _sha) == reason


def test_verify_checks_a_view_folder_and_one_of_its_files(a_run):
    assert manifest.verify_run(a_run.out_dir) == ([], 1)
    assert manifest.verify_run(a_run.out_dir / "trials.csv") == ([], 1)
    (a_run.out_dir / "trials.csv").write_text("a\n2\n", encoding="utf-8")
    problems, _ = manifest.verify_run(a_run.out_dir)
    assert len(problems) == 1 and "differs from run.json" in problems[0]


def test_verify_finds_a_lone_figures_record_through_the_page_its_metadata_names(a_run, tmp_path):
    """A PNG downloaded alone (and renamed) still verifies: its metadata names the view's page, hence its run."""
    import matplotlib.pyplot as plt

    from helpers.outputs import formats

    fig = plt.figure(figsize=(1, 1))
    png = formats.figure_bytes(
        fig, "png", exhibit="trials", title="t", dpi=50, selection="Selection: diseases AD", version="9.9",
        page=a_run.page,
    )  # fmt: skip
    plt.close(fig)
    (a_run.out_dir / "trials.png").write_bytes(png)
    record = json.loads((a_run.out_dir / "run.json").read_text())
    record["files"]["trials.png"] = files.sha256(a_run.out_dir / "trials.png")
    (a_run.out_dir / "run.json").write_text(json.dumps(record))
    lone = tmp_path / "downloads" / "figure.png"
    lone.parent.mkdir()
    lone.write_bytes(png)
    assert manifest.verify_run(lone) == ([], 1)
    lone.write_bytes(png + b"x")
    assert manifest.verify_run(lone)[0]


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_a_views_figure_names_its_selection_version_and_page_and_a_canonical_one_does_not(fmt):
    import matplotlib.pyplot as plt

    from helpers.outputs import formats

    fig = plt.figure(figsize=(1, 1))
    said = {"selection": "Selection: diseases AD", "version": "9.9.9", "page": "views/fig1/fig1_diseases-AD/index.html"}
    view = formats.figure_bytes(fig, fmt, exhibit="fig1", title="t", dpi=50, **said)
    canonical = formats.figure_bytes(fig, fmt, exhibit="fig1", title="t", dpi=50)
    plt.close(fig)
    if fmt == "png":
        from PIL import Image

        info = Image.open(io.BytesIO(view)).info
        assert (info["Selection"], info["Version"], info["Page"]) == (said["selection"], "9.9.9", said["page"])
        assert "Selection" not in Image.open(io.BytesIO(canonical)).info
    else:
        for text in said.values():
            assert text.encode() in view
            assert text.encode() not in canonical


def test_a_views_citation_names_its_selection_file_and_page():
    from review.site.context import Context
    from review.site.engine import Hashes

    ctx = Context(manifest={}, exhibits=[], version="9.9.9", hashes=Hashes())
    c = citing.cite_view(
        ctx,
        catalog.get("trials"),
        slug="trials_diseases-AD",
        selection="Selection: diseases AD",
        files={"trials.svg": "ab" * 32, "trials.pdf": "cd" * 32},
    )
    assert c.file == "runs/trials_diseases-AD/trials.svg" and c.sha256 == "ab" * 32
    assert "Selection: diseases AD" in c.title and "Selection: diseases AD" in c.note
    tags = dict(citing.meta_tags(c, "../../../"))
    assert tags["DC.coverage"] == "Selection: diseases AD"
    assert tags["DC.relation.isPartOf"] == "views/trials/trials_diseases-AD/index.html"
    assert tags["citation_pdf_url"] == "../../../views/trials/trials_diseases-AD/trials.pdf"
    assert tags["citation_technical_report_number"] == "trials_diseases-AD, version 9.9.9"
    (item,) = json.loads(citing.csl_json(c))
    assert "Selection: diseases AD" in item["title"] and item["version"] == "9.9.9"
    assert "Selection: diseases AD" in citing.ris(c)


@pytest.mark.parametrize("exhibit", list(EXPECTED))
def test_every_notebook_takes_a_views_injected_parameters(exhibit, tmp_path):
    """papermill's injection needs every cell's tags; design.ipynb has a cell without them (it once failed)."""
    from review import nbfiles

    staged = nbfiles.parameterize(paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb", tmp_path / "x.ipynb", {"diseases": "AD"})
    cells = json.loads(staged.read_text(encoding="utf-8"))["cells"]
    injected = [c for c in cells if "injected-parameters" in c["metadata"].get("tags", [])]
    assert len(injected) == 1 and 'diseases = "AD"' in "".join(injected[0]["source"])


@pytest.mark.parametrize(
    ("tags_per_cell", "labels"),
    [
        ([["parameters"]], ["Parameters (their defaults made this page)"]),
        (
            [["parameters"], ["injected-parameters"]],
            [
                "Parameters the notebook declares, with their defaults",
                "Parameters of this run (they replace the defaults above, and made this page)",
            ],
        ),
    ],
    ids=["exhibit-page", "view-page"],
)
def test_a_views_page_says_which_parameters_made_it(tags_per_cell, labels):
    from review.site.notebook import NotebookRenderer

    cells = [
        {"cell_type": "code", "source": "x = 1", "metadata": {"tags": tags}, "outputs": []} for tags in tags_per_cell
    ]
    html = NotebookRenderer("t", "c").render({"cells": cells})
    # The whole label element: a label with words added around it would still contain the expected text.
    shown = re.findall(r'<p class="input-label">(.*?)</p>', html)
    assert shown == labels


@pytest.mark.parametrize(
    ("selection", "label"),
    [
        ({"diseases": "AD"}, "Alzheimer's disease (AD)"),
        ({"diseases": "POF"}, "Premature ovarian failure (POF)"),
        ({"modality": "exosomes"}, "exosomes only"),
    ],
)
def test_a_views_link_names_the_disease_in_words(selection, label):
    assert views.View("fig1", selection, "s", "w").label == label
