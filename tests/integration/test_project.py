"""Project files agree with each other: lock and environment, citation, docs, notebooks."""

from __future__ import annotations

import ast
import json
import re

import pytest
import yaml

from helpers.core import catalog
from helpers.data import curated
from review import lockfiles
from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_lock_and_environment_name_the_same_pins():
    lock = lockfiles.read_lock(ROOT / "requirements.lock")
    env = lockfiles.read_environment(ROOT / "environment.yml")
    assert lock == env
    for needed in ("jupyterlab", "pandas", "matplotlib", "papermill", "nbval", "pytest", "frictionless"):
        assert needed in lock, needed


def test_environment_is_exactly_what_the_lock_renders():
    rendered = lockfiles.render_environment(lockfiles.read_lock(ROOT / "requirements.lock"))
    assert (ROOT / "environment.yml").read_text(encoding="utf-8") == rendered


def test_every_lock_line_is_an_exact_pin():
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[^\s]+", line), line


def test_jsonschema_is_pinned_below_the_slow_import():
    # jsonschema >= 4.24 pulls rfc3987-syntax, whose grammar compiles at import (jsonschema#1392).
    lock = lockfiles.read_lock(ROOT / "requirements.lock")
    assert tuple(int(p) for p in lock["jsonschema"].split(".")[:2]) < (4, 24)
    assert "rfc3987-syntax" not in lock


# CFF 1.2.0 rules, checked here by hand: the maintained validator (cffconvert)
# pins jsonschema<4, which this environment cannot install beside jupyter.
_CFF_TYPES = {"art", "article", "book", "data", "generic", "report", "software", "thesis"}


def _check_person(person, where):
    assert isinstance(person, dict), where
    assert person.get("name") or person.get("family-names"), f"{where}: a person needs family-names or name"


def test_citation_cff_is_valid_cff_1_2_0():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors"):
        assert cff.get(key), key
    assert cff.get("type", "software") in {"software", "dataset"}
    for i, person in enumerate(cff["authors"]):
        _check_person(person, f"authors[{i}]")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))
    for i, ref in enumerate(cff.get("references", [])):
        assert ref["type"] in _CFF_TYPES, f"references[{i}].type"
        assert ref["title"] and ref["authors"], f"references[{i}]"
        for j, person in enumerate(ref["authors"]):
            _check_person(person, f"references[{i}].authors[{j}]")
    review = cff["references"][0]
    assert review["authors"][0]["family-names"] == "Li" and review["license"] == "CC-BY-NC-ND-4.0"


def test_data_readme_lists_every_file_and_column():
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for name, resource in curated.resources().items():
        assert f"`{resource['path']}`" in text, resource["path"]
        for f in resource["schema"]["fields"]:
            assert f"`{f['name']}`" in text, f"{name}.{f['name']}"
    assert "CC BY-NC-ND 4.0" in text


def test_readme_quickstart_has_the_two_commands_and_ci_calls_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(make(?: \w+)?)\s", quick, flags=re.M)
    assert commands[:2] == ["make", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_are_thin_and_declare_literal_parameters(notebook):
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cells = nb["cells"]
    assert notebook.stem in catalog.EXHIBITS, "the notebook's stem is its exhibit id"
    assert cells[0]["cell_type"] == "markdown" and "".join(cells[0]["source"]).startswith("# ")
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and cells[1] is tagged[0], "the parameters cell follows the title"
    for node in ast.parse("".join(tagged[0]["source"])).body:
        assert isinstance(node, ast.AnnAssign), "typed assignments only"
        ast.literal_eval(node.value)  # literals only
    lines = "".join(tagged[0]["source"]).splitlines()
    assert all("#" in line for line in lines), "every parameter carries a comment"
    code = [c for c in cells if c["cell_type"] == "code"]
    assert sum(len("".join(c["source"]).splitlines()) for c in code) < 40, "logic belongs in helpers"
    assert f'start("{notebook.stem}", globals())' in "".join("".join(c["source"]) for c in code)
    assert nb["metadata"]["kernelspec"]["name"] == "mscs-review"
    assert "papermill" not in nb["metadata"] and "version" not in nb["metadata"].get("language_info", {})


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_notebook_outputs_are_clean(notebook):
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        assert "papermill" not in cell.get("metadata", {})
        assert "execution" not in cell.get("metadata", {})
        for output in cell.get("outputs", []):
            text = json.dumps(output)
            assert output["output_type"] != "error"
            assert output.get("name") != "stderr", "no warnings in outputs"
            assert str(ROOT) not in text and "/tmp/" not in text, "no absolute paths"
            assert not re.search(r"0x[0-9a-f]{8,}", text), "no memory addresses"
    assert any(c.get("outputs") for c in nb["cells"]), "outputs are committed"


def test_make_help_lists_every_target_and_answers_an_unknown_one():
    import subprocess

    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M)) - {"all"}
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert {line.split()[0] for line in shown.splitlines()} == targets
    unknown = subprocess.run(["make", "-s", "no-such-target"], cwd=ROOT, capture_output=True, text=True)
    assert unknown.returncode != 0 and "the targets are" in unknown.stderr and "bench" in unknown.stderr


def test_readme_names_both_layers_and_the_architecture_notes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needle in ("`src/helpers/`", "`src/review/`", "`tools/`", "ARCHITECTURE.md", "CONTRIBUTING.md"):
        assert needle in readme, needle
    assert "python -m helpers" not in readme
