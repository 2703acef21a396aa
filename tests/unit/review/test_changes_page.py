"""The site's "What changed" page (review.site.changes): the diff since the last release, or why there is none."""

from __future__ import annotations

import html
import re

from review import diff
from review.site import changes
from review.site.context import Context, load_manifest, project_version, published
from review.site.engine import Hashes


def _ctx() -> Context:
    manifest = load_manifest()
    return Context(manifest=manifest, exhibits=published(manifest), version=project_version(), hashes=Hashes())


def test_without_a_release_the_page_says_there_is_nothing_to_compare(monkeypatch):
    monkeypatch.setattr(changes.release, "last_tag", lambda root: None)
    text = changes.changes_page(_ctx()).decode("utf-8")
    assert "No release has been made yet" in text and "<table" not in text


def test_with_a_release_the_page_lists_rows_numbers_and_files(monkeypatch):
    """Every value of the diff reaches the page, escaped: a cell that holds markup is text."""
    found = diff.Diff(
        old="v0.1.0",
        new="worktree",
        data=(
            diff.TableDiff(
                "data/msc_studies.csv",
                ("row",),
                (diff.RowChange(("2",), "changed", {"disease": ("AD", "<b>AS</b>")}),),
            ),
        ),
        derived=(),
        numbers=(
            diff.TableDiff(
                "figures/fig1.data.csv",
                ("kind", "category"),
                (diff.RowChange(("mechanism", "Immunomodulation"), "changed", {"studies": ("9", "10")}),),
                ("flagged",),
            ),
        ),
        exhibits={"fig1": {"changed": ["figures/fig1.png"]}},
    )
    monkeypatch.setattr(changes.release, "last_tag", lambda root: "v0.1.0")
    monkeypatch.setattr(changes.diff, "diff", lambda old, new: found)
    text = changes.changes_page(_ctx()).decode("utf-8")
    assert "between release v0.1.0 and this version" in text
    assert '<a href="exhibits/fig1.html">fig1</a>: changed figures/fig1.png' in text
    assert "<td>mechanism · Immunomodulation</td><td>changed</td><td>studies</td><td>9</td><td>10</td>" in text
    assert "Columns added: flagged" in text
    assert html.escape("<b>AS</b>") in text and "<b>AS</b>" not in text
    assert re.search(r"Derived codes \(tables/studies.csv, tables/trials.csv\)</h2>\s*<p>No change.</p>", text)
