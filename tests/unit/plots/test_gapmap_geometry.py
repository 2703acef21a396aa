"""The gap map's drawn marks and shades against its data CSV: one area scale, area = count, every shade explained."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.patches import Rectangle

from helpers.plots import gapmap as gapmap_plot
from tests.conftest import ROOT
from tests.unit.plots._geometry import covered_area, key_covered_area

# What the eye reads is the area a mark covers, its edge stroke included.
_area = covered_area


@pytest.fixture(scope="module")
def drawn():
    cells = pd.read_csv(ROOT / "figures" / "gapmap.data.csv", keep_default_na=False)
    fig = gapmap_plot.gap_map(cells, title="T")
    yield cells, fig
    matplotlib.pyplot.close(fig)


def _marks(cells, fig):
    """Every drawn mark as (modality, disease, source, kind, area, filled), read from the artists."""
    diseases = list(dict.fromkeys(cells["disease"]))
    sources = list(dict.fromkeys(cells["source"]))
    rows = []
    for ax, modality in zip(fig.axes, ("cells", "exosomes")):
        for c in ax.collections:
            if not isinstance(c, PathCollection):
                continue
            x, y = c.get_offsets()[0]
            kind = "circle" if x < round(x) else "diamond"
            filled = to_hex(c.get_facecolor()[0]) != "#ffffff"
            rows.append((modality, diseases[-round(y)], sources[round(x)], kind, _area(c), filled))
    return pd.DataFrame(rows, columns=["modality", "disease", "source", "kind", "area", "filled"])


def test_mark_area_equals_the_count_on_one_scale_for_both_panels_and_shapes(drawn):
    cells, fig = drawn
    marks = _marks(cells, fig).merge(cells, on=["modality", "disease", "source"])
    count = np.where(
        marks["kind"] == "circle",
        np.where(marks["preclinical"] > 0, marks["preclinical"], marks["comparator"]),
        marks["trials"] + marks["other_clinical"],
    )
    per = marks["area"] / count
    assert per.to_numpy() == pytest.approx(np.full(len(per), gapmap_plot.AREA_PER_STUDY), rel=0.01)
    # The reader's example: exosome 4-circles and the MSC 8-circle (POF x UC) differ two-fold in area.
    eight = marks[(marks["modality"] == "cells") & (marks["disease"] == "POF") & (marks["source"] == "UC")]
    four = marks[(marks["modality"] == "exosomes") & (marks["disease"] == "POF") & (marks["source"] == "UC")]
    assert eight.loc[eight["kind"] == "circle", "area"].iloc[0] == pytest.approx(
        2 * four.loc[four["kind"] == "circle", "area"].iloc[0], rel=0.01
    )


def test_every_nonzero_count_is_drawn_once_and_hollow_means_what_the_legend_says(drawn):
    cells, fig = drawn
    marks = _marks(cells, fig)
    circles = cells[(cells["preclinical"] > 0) | (cells["comparator"] > 0)]
    diamonds = cells[(cells["trials"] + cells["other_clinical"]) > 0]
    assert (marks["kind"] == "circle").sum() == len(circles)
    assert (marks["kind"] == "diamond").sum() == len(diamonds)
    merged = marks.merge(cells, on=["modality", "disease", "source"])
    circle = merged[merged["kind"] == "circle"]
    assert (circle["filled"] == (circle["preclinical"] > 0)).all()
    diamond = merged[merged["kind"] == "diamond"]
    assert (diamond["filled"] == (diamond["trials"] > 0)).all()
    # Recount from the print: the one hollow diamond is AS x AD-MSC (Table 3 row 17, the retrospective cohort [39]).
    hollow = diamond[~diamond["filled"]]
    assert hollow[["disease", "source"]].values.tolist() == [["AS", "AD"]]


def test_every_cell_is_shaded_as_its_gap_and_every_shade_is_in_the_legend(drawn):
    cells, fig = drawn
    shades = []
    for ax in fig.axes:
        shades += [(to_hex(p.get_facecolor()), p.get_hatch() or "") for p in ax.patches if isinstance(p, Rectangle)]
    expected = [(gapmap_plot.SHADES[g][0].lower(), gapmap_plot.SHADES[g][1]) for g in cells["gap"]]
    assert shades == expected
    legend_texts = {t.get_text() for lg in fig.legends for t in lg.get_texts()}
    for gap in set(cells["gap"]) | {"both", "neither"}:
        assert gapmap_plot.SHADES[gap][2] in legend_texts
    assert any(t.startswith("neither") for t in legend_texts)


def test_osteoporosis_by_umbilical_cord_is_not_drawn_as_clinical_only(drawn):
    """Table 1 row 25 [41] compares DP-MSCs with AD-, UC- and AM-MSCs in OVX-induced osteoporosis."""
    cells, _ = drawn
    cell = cells[(cells["modality"] == "cells") & (cells["disease"] == "OP") & (cells["source"] == "UC")].iloc[0]
    assert (cell["comparator"], cell["trials"], cell["gap"]) == (1, 2, "clinical; preclinical as comparator arm only")
    for source in ("AD", "AM"):
        other = cells[(cells["modality"] == "cells") & (cells["disease"] == "OP") & (cells["source"] == source)].iloc[0]
        assert (other["comparator"], other["gap"]) == (1, "comparator arm only")


def test_the_size_key_uses_the_same_area_rule(drawn):
    """A key circle covers, its stroke included, the area of a data circle of the same count."""
    cells, fig = drawn
    key = next(lg for lg in fig.legends if lg.get_title().get_text().startswith("mark area"))
    keyed = {}
    for handle, text in zip(key.legend_handles, key.get_texts()):
        assert handle.get_markeredgewidth() == gapmap_plot.EDGE  # the same stroke as the marks
        keyed[int(text.get_text())] = key_covered_area(handle, np.pi / 4)
    assert keyed == pytest.approx({n: gapmap_plot.AREA_PER_STUDY * n for n in (1, 4, 8)}, rel=0.001)
    marks = _marks(cells, fig)
    # Recount from the print: MSC POF x UC holds 8 rows (Table 1 rows 2, 4-8, 10, 13), exosome POF x UC 4.
    at = marks.set_index(["modality", "disease", "source", "kind"])["area"]
    assert at[("cells", "POF", "UC", "circle")] == pytest.approx(keyed[8], rel=0.001)
    assert at[("exosomes", "POF", "UC", "circle")] == pytest.approx(keyed[4], rel=0.001)


def test_cells_label_rows_with_no_animal_arm_and_flagged_and_star_the_multi_disease_trial(drawn):
    """Second reading 2.1 and #15: no cell claims "in vitro"; the multi-disease trial is labelled in its cell."""
    _, fig = drawn
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    assert not any("in vitro" in t for t in texts)
    assert sum("no animal arm" in t for t in texts) == 7  # 2 MSC cells and 5 exosome cells hold such rows
    # Exosome OP x DP-MSC: Table 2 row 25, a bone defect; MSC POF x AD-MSC: Table 1 row 8, naturally aged mice
    # (third reading 3.2); MSC POF x UC-MSC: rows 8 and 13, both naturally aged mice.
    assert sum("1 other model" in t for t in texts) == 2 and sum("2 other model" in t for t in texts) == 1
    assert not any("flagged" in t for t in texts) and sum("questioned" in t for t in texts) == 8  # third reading 3.1
    # Beside the AD x UC-MSC exosome diamond (NCT06607900, several diseases) and the AS x AD-MSC hollow diamond
    # ([39], whose title says arteriosclerosis; third reading 3.3).
    assert [t for t in texts if t == "*"] == ["*", "*"]


def test_no_label_covers_a_mark(drawn):
    """Two lines of labels under the MSC POF x UC-MSC "8" (1 questioned, 2 other model) must not cover the mark."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    cells, fig = drawn
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    pixels = fig.dpi / 72
    for ax in fig.axes[:2]:
        marks = []
        for c in ax.collections:
            if isinstance(c, PathCollection) and c.get_paths()[0] is not None:
                x, y = ax.transData.transform(c.get_offsets()[0])
                marks.append((x, y, np.sqrt(c.get_sizes()[0]) / 2 * pixels))  # centre and radius, in pixels
        labels = [t.get_window_extent(renderer) for t in ax.texts if "\n" in t.get_text()]
        assert labels
        for label in labels:
            for x, y, radius in marks:
                # The distance from the mark's centre to the nearest point of the label's box.
                dx, dy = max(label.x0 - x, 0, x - label.x1), max(label.y0 - y, 0, y - label.y1)
                assert np.hypot(dx, dy) >= radius, (label, x, y, radius)
