"""The selection flow's boxes, labels and arrows against its data CSV and our recount of the print."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import re

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.path import Path

from helpers.analysis import selection
from helpers.plots import selection as selection_plot
from tests.conftest import ROOT

#: What each box says, recounted from the printed tables and our reading of the text-only references
#: (tests/unit/analysis/test_selection_reading.py): its numbers in drawing order and the nouns they count.
DRAWN = {
    "listed": ([83], ["references"]),
    "tabulated": ([58], ["references"]),
    "text_only": ([25], ["references"]),
    # Table 1 row 13 ([24]) is a study in patients by the body text and its title; no Table 2 row is.
    "table1": ([28, 1, 28, 0, 28], ["printed rows", "study in patients", "backed by a reference", "without one"]),
    "table2": ([28, 0, 28, 0, 28], ["printed rows", "study in patients", "backed by a reference", "without one"]),
    # Table 3's 16 rows without a reference print an NCT number only (its legend: ClinicalTrials.gov).
    "table3": ([18, 2, 16, 2], ["printed rows", "backed by a reference", "registry records only", "references"]),
    # [56] and [59]: primary study or review, the print does not decide.
    "primary": ([16, 2], ["references", "maybe reviews"]),
    "review": ([8], ["references"]),
    "method": ([1], ["reference"]),
}


@pytest.fixture(scope="module")
def drawn():
    flow = pd.read_csv(ROOT / "figures" / "selection.data.csv")
    evidence = pd.read_csv(ROOT / "figures" / "selection.evidence.csv", keep_default_na=False)
    primary = evidence[evidence["box"] == "primary"]
    fig = selection_plot.selection_figure(flow, primary, title="T", note="N")
    yield flow, primary, fig
    matplotlib.pyplot.close(fig)


def _by_gid(fig, prefix: str) -> dict[str, object]:
    artists = [a for ax in fig.axes for a in (*ax.patches, *ax.texts)]
    return {a.get_gid().split(":", 1)[1]: a for a in artists if str(a.get_gid() or "").startswith(prefix + ":")}


def _renderer(fig):
    """The Agg renderer of a drawn figure (a figure made outside pyplot has a bare canvas)."""
    if not hasattr(fig.canvas, "get_renderer"):
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _numbers(text: str) -> list[int]:
    # Table names ("Table 1") are names, not counts.
    return [int(n) for n in re.findall(r"(?<![\w.])\d+", re.sub(r"Table \d", " ", text))]


@pytest.mark.parametrize("box", list(DRAWN))
def test_each_box_label_states_the_data_csv_numbers_with_what_they_count(drawn, box):
    flow, _, fig = drawn
    text = _by_gid(fig, "label")[box].get_text()
    expected, nouns = DRAWN[box]
    assert _numbers(text) == expected
    assert _numbers(text) == [int(n) for n in flow.loc[flow["box"] == box, "n"]]
    for noun in nouns:
        assert noun in " ".join(text.split())  # wrapped lines read as one
    assert " ".join(text.split()).startswith(" ".join(str(flow.loc[flow["box"] == box, "heading"].iloc[0]).split()))


@pytest.mark.parametrize("box", list(DRAWN))
def test_each_box_is_one_patch_that_holds_its_label(drawn, box):
    _, _, fig = drawn
    patch, label = _by_gid(fig, "box")[box], _by_gid(fig, "label")[box]
    renderer = _renderer(fig)
    outer, inner = patch.get_window_extent(renderer), label.get_window_extent(renderer)
    assert outer.x0 <= inner.x0 and inner.x1 <= outer.x1 and outer.y0 <= inner.y0 and inner.y1 <= outer.y1


def test_no_two_boxes_overlap(drawn):
    _, _, fig = drawn
    renderer = _renderer(fig)
    extents = {b: p.get_window_extent(renderer) for b, p in _by_gid(fig, "box").items()}
    for a in extents:
        for b in extents:
            if a < b:
                assert not extents[a].overlaps(extents[b]), (a, b)


def test_one_arrow_per_split_from_the_parent_s_bottom_to_the_child_s_top(drawn):
    _, _, fig = drawn
    renderer = _renderer(fig)
    boxes = {b: p.get_window_extent(renderer) for b, p in _by_gid(fig, "box").items()}
    arrows = _by_gid(fig, "edge")
    assert set(arrows) == {f"{a}->{b}" for a, b in selection.EDGES}
    for name, arrow in arrows.items():
        parent, child = name.split("->")
        path = arrow.get_path()  # in axes units: the shaft from the parent, then the head ending at the tip
        drawn_points = path.vertices[path.codes != Path.CLOSEPOLY]
        (x0, y0), (x1, y1) = arrow.axes.transAxes.transform([drawn_points[0], min(drawn_points, key=lambda v: v[1])])
        # within the rounded pad and the outline (a few pixels at 100 dpi)
        assert abs(y0 - boxes[parent].y0) < 5 and abs(y1 - boxes[child].y1) < 5, name
        assert boxes[parent].x0 <= x0 <= boxes[parent].x1 and boxes[child].x0 <= x1 <= boxes[child].x1, name


def test_the_boxes_of_a_level_add_up_to_the_box_above(drawn):
    flow, _, _ = drawn
    refs = dict(zip(flow.loc[flow["quantity"] == "references", "box"], flow.loc[flow["quantity"] == "references", "n"]))
    children: dict[str, list[str]] = {}
    for parent, child in selection.EDGES:
        children.setdefault(parent, []).append(child)
    for parent, kids in children.items():
        assert refs[parent] == sum(refs[k] for k in kids), parent


def test_the_list_names_every_untabulated_primary_study(drawn):
    _, primary, fig = drawn
    listed = [t for ax in fig.axes for t in ax.texts if t.get_gid() == "list"][0].get_text()
    heading = [t for ax in fig.axes for t in ax.texts if t.get_gid() == "list-heading"][0].get_text()
    assert heading.startswith(f"The {len(primary)} primary studies")
    assert len(primary) == 16
    flat = " ".join(listed.split())
    for r in primary.itertuples(index=False):
        assert f"[{r.ref}] {r.first_author} ({r.year}). {' '.join(str(r.title).split())}." in flat


def test_the_list_marks_the_studies_the_print_leaves_between_primary_and_review(drawn):
    """Refs 56 and 59 (our reading: the print does not decide) carry the words; no other entry does."""
    _, _, fig = drawn
    listed = " ".join([t for ax in fig.axes for t in ax.texts if t.get_gid() == "list"][0].get_text().split())
    entries = re.split(r"(?=\[\d+\] )", listed)
    marked = {int(e[1:3]) for e in entries if "the print does not decide" in e}
    assert marked == {56, 59}


def test_the_colour_key_shows_each_box_fill_with_what_it_means(drawn):
    """Finding 8: every fill the boxes use has an entry in the key, drawn in the box's own colour."""
    _, _, fig = drawn
    legend = next(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)
    assert legend.get_gid() == "key"
    boxes = _by_gid(fig, "box")
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == [label for _, label in selection_plot.KEY]
    for (box, _), handle in zip(selection_plot.KEY, legend.legend_handles):
        assert tuple(handle.get_facecolor()) == tuple(boxes[box].get_facecolor()), box
    drawn_fills = {tuple(p.get_facecolor()) for p in boxes.values()}
    assert drawn_fills <= {tuple(boxes[box].get_facecolor()) for box, _ in selection_plot.KEY}


def test_every_text_only_box_has_one_grey(drawn):
    """No text-only box is drawn darker than the others (finding 8)."""
    _, _, fig = drawn
    boxes = _by_gid(fig, "box")
    assert len({tuple(boxes[b].get_facecolor()) for b in ("text_only", "primary", "review", "method")}) == 1


def test_the_list_carries_the_notes_of_the_studies_it_names(drawn):
    """Findings 6, 10, 13: [17]'s mitochondria, [47]'s contradiction and [20]'s amnion-derived cells are visible."""
    _, _, fig = drawn
    listed = " ".join([t for ax in fig.axes for t in ax.texts if t.get_gid() == "list"][0].get_text().split())
    entries = {int(e[1:3]): e for e in re.split(r"(?=\[\d+\] )", listed) if e.startswith("[")}
    assert "mitochondria" in entries[17] and "not a model of the section's disease" in entries[17]
    assert "inhibiting" in entries[47] and "upregulating SIRT1" in entries[47]
    assert "amnion-derived" in entries[20]
    assert "brahim N [sic; probably Ibrahim N]" in entries[56]
