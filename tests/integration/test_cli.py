"""End-to-end tests of ``review verify``, ``review run``, ``review list`` and plain papermill.

Each test drives the real command in a subprocess against a throw-away copy
of the project (``project_copy``), and checks exit codes, messages and that
the canonical folders are never touched by a parameterised run.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_project, papermill, review, tree_hashes

CANONICAL = ("notebooks", "tables", "figures")
#: The disease codes ``helpers.notebook.params`` accepts, as its messages list them.
DISEASES = "POF, AD, AS, OP, SKIN, WEAK"


def rows(path: Path) -> list[list[str]]:
    """A CSV exhibit as a list of rows, header first."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def canonical_rows(root: Path, exhibit: str, column: str, keep: set[str]) -> list[list[str]]:
    """The canonical table's header and the rows whose ``column`` is in ``keep``."""
    header, *body = rows(root / "tables" / f"{exhibit}.csv")
    index = header.index(column)
    return [header] + [row for row in body if row[index] in keep]


def the_run_folder(root: Path) -> Path:
    """The single folder under runs/ that a run wrote."""
    folders = [p for p in (root / "runs").iterdir() if p.is_dir()]
    assert len(folders) == 1, folders
    return folders[0]


# --------------------------------------------------------------------------- verify


def test_verify_passes_on_a_fresh_copy(project_copy):
    """Every file the committed manifest lists has the recorded SHA-256."""
    result = review(project_copy, "verify")
    assert result.returncode == 0, result.stderr
    assert "match figures/manifest.json" in result.stdout


@pytest.mark.parametrize(
    "damage, name, message",
    [
        ("flip", "tables/table1.csv", "differs"),
        ("delete", "tables/table2.md", "missing"),
    ],
)
def test_verify_names_the_damaged_file(project_copy, damage, name, message):
    """One flipped byte or one deleted file: exit 1, naming the file and what is wrong."""
    target = project_copy / name
    if damage == "flip":
        payload = bytearray(target.read_bytes())
        payload[len(payload) // 2] ^= 0x01
        target.write_bytes(bytes(payload))
    else:
        target.unlink()
    result = review(project_copy, "verify")
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("MISMATCH")]
    assert len(problems) == 1, result.stderr
    assert name in problems[0] and message in problems[0]
    if damage == "flip":
        assert "sha256" in problems[0]


# --------------------------------------------------------------------------- run


def test_run_with_a_parameter_writes_only_under_runs(project_copy):
    """``review run table1 -p diseases AD``: an AD-only table, its notebook and parameters in runs/<slug>/."""
    before = tree_hashes(project_copy, *CANONICAL)
    result = review(project_copy, "run", "table1", "-p", "diseases", "AD")
    assert result.returncode == 0, result.stderr

    folder = the_run_folder(project_copy)
    assert f"outputs in runs/{folder.name}/" in result.stdout
    table = rows(folder / "table1.csv")
    disease = table[0].index("Disease")
    assert len(table) > 1 and all(row[disease] == "AD" for row in table[1:])
    assert table == canonical_rows(project_copy, "table1", "Disease", {"AD"})
    assert (folder / "table1.ipynb").is_file()
    assert yaml.safe_load((folder / "parameters.yaml").read_text(encoding="utf-8")) == {"diseases": "AD"}
    assert tree_hashes(project_copy, *CANONICAL) == before


@pytest.mark.parametrize("how", ["comma list", "yaml", "file"])
def test_list_parameters_in_every_papermill_form(project_copy, tmp_path, how):
    """``-p diseases AD,POF``, ``-y "diseases: [AD, POF]"`` and ``-f`` select the same rows."""
    if how == "comma list":
        args = ["-p", "diseases", "AD,POF"]
    elif how == "yaml":
        args = ["-y", "diseases: [AD, POF]"]
    else:
        params = tmp_path / "params.yaml"
        params.write_text("diseases:\n  - AD\n  - POF\n", encoding="utf-8")
        args = ["-f", str(params)]
    result = review(project_copy, "run", "table1", *args)
    assert result.returncode == 0, result.stderr
    table = rows(the_run_folder(project_copy) / "table1.csv")
    assert table == canonical_rows(project_copy, "table1", "Disease", {"AD", "POF"})
    assert {row[0] for row in table[1:]} == {"AD", "POF"}


@pytest.mark.parametrize(
    "args, expected",
    [
        (
            ["table1", "-p", "colour", "red"],
            ["colour", "diseases, sources, host_species, edition, formats, output_dir"],
        ),
        (["table1", "-p", "x=1;import os;os.system('touch PWNED');y", "1"], ["not a Python identifier"]),
        (["table1", "-y", "{'x=1;import os;os.system(\"touch PWNED\");y': 1}"], ["not a Python identifier"]),
        (["table1", "-p", "diseases", "XYZ"], ["'XYZ'", DISEASES]),
        (["table1", "-p", "diseases", "AD", "-p", "output_dir", "tables"], ["output_dir", "canonical"]),
        (["nosuch"], ["no notebook 'nosuch'", "known: "]),
        # a sweep is checked whole before anything runs, and the bad combination is named
        (
            ["fig1", "--grid", "diseases=POF,XX", "--grid", "modality=cells,exosomes"],
            ["grid combination diseases=XX, modality=cells:", "'XX'", DISEASES],
        ),
        (["table1", "--grid", "diseases"], ["--grid 'diseases': expected NAME=VALUE,VALUE"]),
        (["table1", "--grid", "diseases=AD,", "--grid", "sources=BM"], ["--grid 'diseases=AD,': expected NAME="]),
        (["table1", "--grid", "diseases=AD", "--grid", "diseases=POF"], ["diseases is swept twice"]),
        (["table1", "--grid", "diseases=AD,POF", "-p", "diseases", "AS"], ["diseases: given both with -p"]),
        (
            ["table1", "--grid", "diseases=AD,POF", "-o", "elsewhere"],
            ["-o/--output-dir cannot be combined with --grid"],
        ),
        (["table1", "--grid", "diseases=AD+POF,POF+AD"], ["grid combinations diseases=AD,POF and diseases=POF,AD"]),
        (["table1", "--grid", "colour=red,blue"], ["grid combination colour=red:", "colour"]),
    ],
    ids=[
        "undeclared",
        "code-as-name",
        "code-as-yaml-key",
        "unknown-value",
        "into-tables",
        "unknown-notebook",
        "grid-bad-combination",
        "grid-no-values",
        "grid-empty-value",
        "grid-swept-twice",
        "grid-and-p",
        "grid-and-o",
        "grid-same-run-twice",
        "grid-undeclared",
    ],
)
def test_run_refuses_bad_requests(project_copy, args, expected):
    """Bad names, values or notebooks: exit 2 with a message that helps, and nothing written."""
    before = tree_hashes(project_copy, *CANONICAL)
    result = review(project_copy, "run", *args)
    assert result.returncode == 2, result.stdout + result.stderr
    for text in expected:
        assert text in result.stderr
    if args[0] == "nosuch":
        for notebook in (project_copy / "notebooks").glob("*.ipynb"):
            assert notebook.stem in result.stderr
    assert not (project_copy / "runs").exists()
    assert list(project_copy.parent.rglob("PWNED")) == []
    assert tree_hashes(project_copy, *CANONICAL) == before


def test_a_grid_runs_every_combination_into_its_own_folder_as_single_runs_would(project_copy):
    """``--grid sources=BM,UC+AD``: two runs in parallel, a table of both, the bytes a single run gives."""
    before = tree_hashes(project_copy, *CANONICAL)
    result = review(project_copy, "run", "table4", "--grid", "sources=BM,UC+AD")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["| run | state | folder | files |", "|---|---|---|---|"]
    assert lines[-1] == "2 of 2 runs succeeded"
    folders = {"table4_sources-BM", "table4_sources-UC+AD"}
    assert {p.name for p in (project_copy / "runs").iterdir()} == folders
    for folder in folders:
        assert f"| ok | runs/{folder}/ |" in result.stdout
        assert {p.name for p in (project_copy / "runs" / folder).iterdir()} >= {"table4.csv", "table4.ipynb"}
    swept = {p.name: p.read_bytes() for p in (project_copy / "runs" / "table4_sources-BM").iterdir()}
    alone = review(project_copy, "run", "table4", "-p", "sources", "BM")
    assert alone.returncode == 0, alone.stderr
    assert {p.name: p.read_bytes() for p in (project_copy / "runs" / "table4_sources-BM").iterdir()} == swept
    assert tree_hashes(project_copy, *CANONICAL) == before


def test_one_failed_run_of_a_grid_does_not_stop_the_others(project_copy):
    """A run whose cell raises is named with its folder and cell; the other runs finish; exit 1."""
    path = project_copy / "notebooks" / "table4.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    code[2]["source"] = ["if 'UC' in str(sources): raise ValueError('deliberate failure')\n", *code[2]["source"]]
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    result = review(project_copy, "run", "table4", "--grid", "sources=UC,BM")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "review run: FAILED runs/table4_sources-UC/: " in result.stderr
    assert "ValueError: deliberate failure" in result.stderr
    assert "| 1 | failed | runs/table4_sources-UC/ |" in result.stdout
    assert "| 2 | ok | runs/table4_sources-BM/ |" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 of 2 runs succeeded"
    assert (project_copy / "runs" / "table4_sources-BM" / "table4.csv").is_file()
    assert not (project_copy / "runs" / "table4_sources-UC" / "table4.ipynb").exists()


@pytest.mark.parametrize("args", [["-o", "tables"], ["-o", "tables/sub", "-p", "diseases", "AD"]])
def test_run_refuses_to_write_into_canonical_folders(project_copy, args):
    """``review run`` never writes into tables/: an output folder there is refused with exit 2."""
    before = tree_hashes(project_copy, *CANONICAL)
    result = review(project_copy, "run", "table1", *args)
    assert result.returncode == 2
    assert tree_hashes(project_copy, *CANONICAL) == before


# --------------------------------------------------------------------------- papermill


def _papermill(root: Path, cwd: Path, *args: str, notebook: str = "table3") -> subprocess.CompletedProcess:
    """Plain papermill on one of the copy's notebooks, started from an unrelated folder ``cwd``."""
    return papermill(root, cwd, str(root / "notebooks" / f"{notebook}.ipynb"), "out.ipynb", *args)


def test_plain_papermill_writes_a_run_not_the_canonical_table(project_copy, tmp_path):
    """papermill -p diseases AD from another folder: an AD-only table3 under the copy's runs/."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    before = tree_hashes(project_copy, *CANONICAL)
    result = _papermill(project_copy, elsewhere, "-p", "diseases", "AD")
    assert result.returncode == 0, result.stderr[-3000:]
    table = rows(the_run_folder(project_copy) / "table3.csv")
    assert len(table) > 1
    assert table == canonical_rows(project_copy, "table3", "Disease Type", {"AD"})
    assert tree_hashes(project_copy, *CANONICAL) == before
    assert sorted(p.name for p in elsewhere.iterdir()) == ["out.ipynb"]


def test_plain_papermill_with_a_bad_value_fails_naming_the_allowed_values(project_copy, tmp_path):
    """papermill -p diseases XYZ: the notebook fails at its first cell, before anything is written."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    before = tree_hashes(project_copy, *CANONICAL)
    result = _papermill(project_copy, elsewhere, "-p", "diseases", "XYZ")
    assert result.returncode != 0
    assert "ParameterError" in result.stderr
    assert "'XYZ'" in result.stderr and DISEASES in result.stderr
    assert not (project_copy / "runs").exists()
    assert tree_hashes(project_copy, *CANONICAL) == before


# --------------------------------------------------------------------------- list


def _status(stdout: str) -> dict[str, str]:
    """Exhibit id -> status from the first line of each ``review list`` entry."""
    out = {}
    for line in stdout.splitlines():
        if line and not line.startswith(" "):
            exhibit, _kind, status = line.split(maxsplit=2)
            out[exhibit] = status
    return out


def test_list_shows_every_notebook_and_its_state(tmp_path, up_to_date_copy):
    """A fresh copy lists every notebook as not yet built here; after a build, all are up to date."""
    fresh = copy_project(tmp_path / "fresh")
    result = review(fresh, "list")
    assert result.returncode == 0, result.stderr
    status = _status(result.stdout)
    assert set(status) == {p.stem for p in (fresh / "notebooks").glob("*.ipynb")}
    assert set(status.values()) == {"not yet built in this checkout"}, status
    built = _status(review(up_to_date_copy, "list").stdout)
    assert set(built) == set(status) and set(built.values()) == {"up to date"}, built


def test_list_reports_an_edited_input_without_running_anything(project_copy):
    """After a data edit, exactly the notebooks that read the file are reported as changed inputs."""
    import json

    entries = json.loads((project_copy / "figures" / "manifest.json").read_text(encoding="utf-8"))["exhibits"]
    path = project_copy / "data" / "tissue_sources.csv"
    path.write_bytes(path.read_bytes().replace(b"widely studied", b"extensively studied", 1))
    before = tree_hashes(project_copy, *CANONICAL)
    result = review(project_copy, "list")
    assert result.returncode == 0, result.stderr
    readers = {e for e, entry in entries.items() if "data/tissue_sources.csv" in entry["inputs"]}
    assert "table4" in readers
    flagged = {e for e, status in _status(result.stdout).items() if "inputs" in status}
    assert flagged == readers
    assert tree_hashes(project_copy, *CANONICAL) == before


ALL_NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


#: One table and one figure in every ``make test``; every notebook in ``make soak``.
QUICK = {"table1", "fig2"}


@pytest.mark.parametrize(
    "notebook", [pytest.param(nb, marks=() if nb in QUICK else pytest.mark.slow) for nb in ALL_NOTEBOOKS]
)
def test_papermill_by_hand_with_diseases_ad_gives_an_ad_only_run(project_copy, tmp_path, notebook):
    """`papermill notebooks/<nb>.ipynb out.ipynb -p diseases AD` works on every notebook, into runs/."""
    import csv

    before = tree_hashes(project_copy, *CANONICAL)
    done = _papermill(project_copy, tmp_path, "-p", "diseases", "AD", notebook=notebook)
    assert done.returncode == 0, done.stderr
    run_dir = project_copy / "runs" / f"{notebook}_diseases-AD"
    record = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert record["parameters"]["diseases"] == ["AD"] and record["files"]
    for name in record["files"]:
        assert (run_dir / name).exists()
    ad_refs = {
        int(r["ref"])
        for t in ("msc_studies", "exosome_studies")
        for r in csv.DictReader(io.StringIO((project_copy / "data" / f"{t}.csv").read_text(encoding="utf-8")))
        if r["disease"] == "AD"
    }
    if notebook in {"table1", "table2", "table3"}:
        rows = list(csv.DictReader(io.StringIO((run_dir / f"{notebook}.csv").read_text(encoding="utf-8"))))
        assert rows and {r.get("Disease") or r.get("Disease Type") for r in rows} == {"AD"}
    elif notebook.startswith("fig"):
        rows = list(csv.DictReader(io.StringIO((run_dir / f"{notebook}.evidence.csv").read_text(encoding="utf-8"))))
        assert rows and {int(r["ref"].strip("[]")) for r in rows} <= ad_refs
    elif notebook == "references":
        rows = list(csv.DictReader(io.StringIO((run_dir / "references.csv").read_text(encoding="utf-8"))))
        assert {int(r["ref"]) for r in rows} == ad_refs  # no Table 3 AD row cites a reference
    assert tree_hashes(project_copy, *CANONICAL) == before
