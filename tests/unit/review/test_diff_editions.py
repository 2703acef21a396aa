"""``review diff printed current``: the editions of one working tree compared like two versions (review.diff)."""

from __future__ import annotations

import json
from pathlib import Path

from review import diff

PACKAGE = {"resources": [{"name": "msc_studies", "path": "msc_studies.csv", "schema": {"primaryKey": ["row"]}}]}


def _tree(root: Path, *, run: bool) -> Path:
    (root / "data" / "additions").mkdir(parents=True)
    (root / "data" / "datapackage.json").write_text(json.dumps(PACKAGE))
    (root / "data" / "msc_studies.csv").write_text("row,disease,ref\n1,POF,10\n2,AD,11\n")
    (root / "data" / "additions" / "msc_studies.csv").write_text(
        "row,disease,ref,doi,date_added,added_by,evidence\n3,POF,84,10.0000/x,2026-01-01,t,{}\n"
    )
    (root / "figures").mkdir()
    (root / "figures" / "fig1.data.csv").write_text("kind,disease,studies\nmechanism,POF,1\n")
    (root / "figures" / "manifest.json").write_text(
        json.dumps({"exhibits": {"fig1": {"files": {"figures/fig1.data.csv": "a", "figures/fig1.png": "b"}}}})
    )
    if run:
        folder = root / "runs" / "fig1_edition-current"
        folder.mkdir(parents=True)
        (folder / "fig1.data.csv").write_text("kind,disease,studies\nmechanism,POF,2\n")
        record = {
            "exhibit": "fig1",
            "parameters": {"edition": "current"},
            "files": {"fig1.data.csv": "c", "fig1.png": "b"},
        }
        (folder / "run.json").write_text(json.dumps(record))
    return root


def test_the_current_edition_adds_its_rows_and_moves_the_drawn_numbers(tmp_path):
    found = diff.diff("printed", "current", _tree(tmp_path, run=True))
    [data] = found.data
    assert (data.path, [(c.key, c.kind) for c in data.changes]) == ("data/msc_studies.csv", [(("3",), "added")])
    # Only the printed columns are compared: provenance is not a change of the printed table.
    assert data.changes[0].cells == {"disease": (None, "POF"), "ref": (None, "84")}
    [numbers] = found.numbers
    assert [(c.key, c.cells) for c in numbers.changes] == [(("mechanism", "POF"), {"studies": ("1", "2")})]
    assert found.exhibits == {"fig1": {"changed": ["fig1.data.csv"]}}
    shown = diff.markdown(found)
    assert "- row 3: added" in shown
    assert "- fig1 · mechanism · POF: studies 1 → 2" in shown


def test_an_exhibit_without_a_current_run_is_named_not_removed(tmp_path):
    found = diff.diff("printed", "current", _tree(tmp_path, run=False))
    assert found.numbers == ()
    assert found.not_compared == ("dataset", "fig1")
    assert "Not compared (no current-edition run" in diff.markdown(found)


def test_the_edition_words_resolve_without_git(tmp_path):
    assert [diff.resolve(word, tmp_path) for word in ("printed", "current")] == ["printed", "current"]
