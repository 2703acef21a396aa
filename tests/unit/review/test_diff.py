"""``review diff``: rows, codes, drawn numbers and files that changed between two versions (review.diff)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from helpers.core import paths
from review import cli, diff

# --- one file, two versions -------------------------------------------------------------------------------------

OLD = "row,disease,ref\n1,POF,10\n2,AD,11\n3,AS,12\n"


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ("row,disease,ref\n1,POF,10\n2,AD,11\n3,AS,12\n", []),
        ("row,disease,ref\n1,POF,10\n2,OP,11\n3,AS,12\n", [(("2",), "changed", {"disease": ("AD", "OP")})]),
        ("row,disease,ref\n1,POF,10\n3,AS,12\n", [(("2",), "removed", {"disease": ("AD", None), "ref": ("11", None)})]),
        (
            "row,disease,ref\n1,POF,10\n2,AD,11\n3,AS,12\n10,SKIN,13\n",
            [(("10",), "added", {"disease": (None, "SKIN"), "ref": (None, "13")})],
        ),
        # rows keyed on the primary key, not on their place: a reordered file has not changed
        ("row,disease,ref\n3,AS,12\n1,POF,10\n2,AD,11\n", []),
        # a spelling is a change of the file: compared as printed text, not as numbers
        ("row,disease,ref\n1,POF,10.0\n2,AD,11\n3,AS,12\n", [(("1",), "changed", {"ref": ("10", "10.0")})]),
    ],
    ids=["same", "one-cell", "row-removed", "row-added", "reordered", "spelling"],
)
def test_rows_are_compared_on_their_key_cell_by_cell(new, expected):
    found = diff.table_diff("data/x.csv", OLD, new, ("row",))
    assert [(c.key, c.kind, c.cells) for c in found.changes] == expected
    assert bool(found) == bool(expected)


def test_rows_are_listed_in_numeric_order_of_their_key():
    found = diff.table_diff("data/x.csv", "row,v\n", "row,v\n10,a\n9,b\n2,c\n", ("row",))
    assert [c.key for c in found.changes] == [("2",), ("9",), ("10",)]


def test_a_new_column_is_reported_once_not_as_a_change_of_every_row():
    found = diff.table_diff("f.csv", "k,n\na,1\nb,2\n", "k,n,flag\na,1,0\nb,3,1\n", ("k",))
    assert found.columns_added == ("flag",) and found.columns_removed == ()
    assert [(c.key, c.cells) for c in found.changes] == [(("b",), {"n": ("2", "3")})]


def test_a_file_only_one_version_has_adds_or_removes_every_row():
    assert [c.kind for c in diff.table_diff("f.csv", None, "k,n\na,1\nb,2\n", ("k",)).changes] == ["added"] * 2
    assert [c.kind for c in diff.table_diff("f.csv", "k,n\na,1\n", None, ("k",)).changes] == ["removed"]


def test_a_key_seen_twice_keeps_both_rows():
    found = diff.table_diff("f.csv", "k,n\na,1\na,2\n", "k,n\na,1\na,5\n", ("k",))
    assert [(c.key, c.cells) for c in found.changes] == [(("a", "#2"), {"n": ("2", "5")})]


@pytest.mark.parametrize(
    ("header", "rows", "key"),
    [
        # the leading text columns say which mark a number belongs to
        (
            "kind,category,disease,modality,setting,studies,refs",
            ['mechanism,Immunomodulation,POF,exosomes,in vivo,9,"1, 2"'],
            ("kind", "category", "disease", "modality", "setting"),
        ),
        # a year identifies a mark although it is a number
        ("year,modality,disease,studies,refs", ["2015,cells,AS,1,37"], ("year", "modality", "disease")),
        # a panel and a printed row identify a mark where they are unique
        ("panel,table,row,low,high", ["doses,table1,1,10,20", "follow-up,table1,1,21,21"], ("panel", "table", "row")),
    ],
    ids=["evidence-map", "timeline", "per-row"],
)
def test_the_key_of_a_drawn_number_is_what_names_its_mark(header, rows, key):
    columns = header.split(",")
    import csv
    import io

    parsed = list(csv.DictReader(io.StringIO("\n".join([header, *rows]) + "\n")))
    assert diff.drawn_key(columns, parsed) == key


# --- two commits of a small project ------------------------------------------------------------------------------


def _commit(root: Path, files: dict[str, str], message: str) -> str:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message], cwd=root, check=True)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()


PACKAGE = json.dumps(
    {"resources": [{"name": "msc_studies", "path": "msc_studies.csv", "schema": {"primaryKey": ["row"]}}]}
)
FIG1 = 'kind,category,modality,studies,refs\nmechanism,Immunomodulation,exosomes,{n},"1, 2"\n'


def _manifest(sha: str) -> str:
    return json.dumps({"exhibits": {"fig1": {"files": {"figures/fig1.png": sha, "figures/fig1.svg": "s"}}}})


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    before = _commit(
        root,
        {
            "data/datapackage.json": PACKAGE,
            "data/msc_studies.csv": "row,disease\n1,POF\n2,AD\n",
            "figures/fig1.data.csv": FIG1.format(n=9),
            "figures/manifest.json": _manifest("a"),
            "tables/studies.csv": "table,row,disease_code\ntable1,1,POF\ntable1,2,AD\n",
        },
        "before",
    )
    after = _commit(
        root,
        {
            "data/msc_studies.csv": "row,disease\n1,POF\n2,AS\n",
            "figures/fig1.data.csv": FIG1.format(n=10),
            "figures/manifest.json": _manifest("b"),
            "tables/studies.csv": "table,row,disease_code\ntable1,1,POF\ntable1,2,AS\n",
        },
        "after",
    )
    return root, before, after


def test_two_commits_give_every_kind_of_change(repo):
    root, before, after = repo
    found = diff.diff(before, after, root)
    text = diff.markdown(found)
    assert "- row 2: disease: AD → AS" in text  # a printed cell, keyed on the data package's primary key
    assert "- table table1, row 2: disease_code: AD → AS" in text  # a derived code
    assert "- fig1 · mechanism · Immunomodulation · exosomes: studies 9 → 10" in text  # a drawn number
    assert "- fig1: changed figures/fig1.png" in text  # the exhibit's files
    assert diff.diff(before, after, root).as_json() == found.as_json()  # the same versions, the same bytes
    assert json.loads(found.as_json())["exhibits"] == {"fig1": {"changed": ["figures/fig1.png"]}}


def test_the_same_version_twice_has_no_change(repo):
    root, _, after = repo
    text = diff.markdown(diff.diff(after, after, root))
    assert text.count("No change.") == 4


def test_the_working_tree_is_a_version_too(repo):
    root, _, after = repo
    (root / "data" / "msc_studies.csv").write_text("row,disease\n1,POF\n2,AS\n3,OP\n", encoding="utf-8")
    assert "- row 3: added" in diff.markdown(diff.diff(after, diff.WORKTREE, root))


def test_an_unknown_ref_is_named(repo, monkeypatch, capsys):
    root, before, _ = repo
    with pytest.raises(diff.DiffError, match="'nosuch' is not a commit of this repository"):
        diff.diff("nosuch", before, root)
    monkeypatch.setattr(paths, "ROOT", root)
    assert cli.main(["diff", "nosuch", before]) == 2
    assert capsys.readouterr().err.strip() == (
        "review diff: 'nosuch' is not a commit of this repository (nor 'worktree', the working tree, "
        "nor 'printed' or 'current', its editions)"
    )


def test_the_command_prints_markdown_and_writes_json(repo, monkeypatch, capsys, tmp_path):
    root, before, after = repo
    monkeypatch.setattr(paths, "ROOT", root)
    out = tmp_path / "d.json"
    assert cli.main(["diff", before, after, "--json", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"# What changed: {before} → {after}\n")
    assert json.loads(out.read_text(encoding="utf-8"))["numbers"][0]["path"] == "figures/fig1.data.csv"
