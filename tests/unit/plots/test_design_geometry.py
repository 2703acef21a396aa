"""The design exhibit: what the eye reads (dot area) equals what the label and the data file say.

The figure is drawn from ``figures/design.data.csv`` (the numbers the exhibit
publishes); every dot is then read back from the matplotlib artists: its
marker area, its position (row = class, column = disease, side = modality)
and the number written on it.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from matplotlib.lines import Line2D

from helpers.analysis.crossing import CHECK_MARK, FLAG_MARK
from helpers.plots import design as design_plot
from tests.conftest import ROOT
from tests.unit.plots._geometry import covered_area, key_covered_area, marker_area

DATA = ROOT / "figures" / "design.data.csv"


def _cells() -> pd.DataFrame:
    return pd.read_csv(DATA, dtype={"studies": int}, keep_default_na=False)


def _drawn(cells: pd.DataFrame) -> pd.DataFrame:
    """Every dot drawn: class, disease, modality, area (points²) and the number on it."""
    fig = design_plot.design_map(cells, totals={"cells": 28, "exosomes": 28}, title="design")
    ax = design_plot._dot_axes(fig)
    rows = {round(y, 6): label.get_text() for y, label in zip(ax.get_yticks(), ax.get_yticklabels())}
    columns = {round(x): label.get_text().replace("\n", " ") for x, label in zip(ax.get_xticks(), ax.get_xticklabels())}
    labels = {tuple(round(v, 6) for v in text.get_position()): text for text in ax.texts}
    out = []
    for dot in ax.collections:
        x, y = (float(v) for v in dot.get_offsets()[0])
        label = labels[(round(x, 6), round(y, 6))]
        out.append(
            {
                "category": rows[round(y, 6)],
                "disease": columns[round(x)],
                "modality": "cells" if x < round(x) else "exosomes",
                "area": float(dot.get_sizes()[0]),
                "label": int(label.get_text().rstrip(FLAG_MARK + CHECK_MARK)),
                "dagger": label.get_text().endswith(FLAG_MARK),
                "double_dagger": label.get_text().endswith(CHECK_MARK),
                "fontsize": label.get_fontsize(),
            }
        )
    return pd.DataFrame(out)


@pytest.fixture(scope="module")
def drawn() -> pd.DataFrame:
    return _drawn(_cells())


def test_one_dot_per_row_of_the_data_file(drawn):
    cells = _cells()
    assert len(drawn) == len(cells)
    key = ["category", "disease", "modality"]
    merged = drawn.merge(cells, on=key, how="outer", indicator=True)
    assert (merged["_merge"] == "both").all()
    # The number on each dot is the data file's count.
    assert (merged["label"] == merged["studies"]).all()


def test_dot_area_is_proportional_to_the_count(drawn):
    """Area / count is one constant: a "10" has ten times the area of a "1" (no offset)."""
    per_study = drawn["area"] / drawn["label"]
    assert per_study.max() == pytest.approx(per_study.min())
    assert drawn["area"].max() == pytest.approx(design_plot.AREA_OF_LARGEST)
    one, ten = drawn.loc[drawn["label"] == 1, "area"].iloc[0], drawn.loc[drawn["label"] == 10, "area"].iloc[0]
    assert ten / one == pytest.approx(10)


@pytest.mark.parametrize(
    "counts, areas",
    [
        ((1, 2, 5, 10), (50.0, 100.0, 250.0, 500.0)),
        ((1, 3), (500 / 3, 500.0)),
        ((4,), (500.0,)),
    ],
)
def test_any_selection_keeps_area_proportional(counts, areas):
    cells = pd.DataFrame(
        {
            "kind": "Animal model",
            "category": [f"class {i}" for i in range(len(counts))],
            "disease": "Alzheimer's disease",
            "modality": "cells",
            "studies": counts,
            "refs": "",
        }
    )
    got = _drawn(cells).sort_values("label")["area"].tolist()
    assert all(math.isclose(g, a) for g, a in zip(got, areas))


def test_small_dots_get_a_number_that_fits(drawn):
    small = drawn["area"] < 100
    assert (drawn.loc[small, "fontsize"] < drawn.loc[~small, "fontsize"].min()).all()


def _key_and_map(cells: pd.DataFrame):
    """The size key's handles with their counts, and every map dot's covered area by its count, as drawn."""
    fig = design_plot.design_map(cells, totals={"cells": 28, "exosomes": 28}, title="design")
    (key,) = [lg for lg in fig.legends if lg.get_title().get_text() == "dot area = studies"]
    ax = design_plot._dot_axes(fig)
    labels = {tuple(round(v, 6) for v in t.get_position()): t.get_text() for t in ax.texts}
    by_count = {}
    for dot in ax.collections:
        count = int(labels[tuple(round(float(v), 6) for v in dot.get_offsets()[0])].rstrip(FLAG_MARK + "‡"))
        by_count.setdefault(count, set()).add(round(covered_area(dot), 6))
    handles = [(h, int(t.get_text())) for h, t in zip(key.legend_handles, key.get_texts())]
    first = ax.collections[0]
    unit = marker_area(first) / float(first.get_sizes()[0])  # the circle path's area at size 1, as drawn
    return handles, by_count, unit


def test_the_size_key_is_drawn_at_the_map_scale():
    """Third reading (design #2.1, #20): the key's dots, edge stroke included, cover exactly the area of the map's
    dots of the same count. The reader measured key 23 / 47 / 65 px against map 19 / 43 / 61 px (n = 1, 5, 10)."""
    cells = _cells()
    handles, by_count, circle = _key_and_map(cells)
    largest = int(cells["studies"].max())
    assert [count for _, count in handles] == design_plot.key_counts(largest) == [1, 5, 10]
    for handle, count in handles:
        (drawn_area,) = by_count[count]  # every map dot of one count covers one area
        assert key_covered_area(handle, circle) == pytest.approx(drawn_area)
        assert drawn_area == pytest.approx(circle * design_plot.dot_area(count, largest))


@pytest.mark.parametrize("edge", [0.0, 1.0, 2.5])
def test_a_key_dot_covers_as_many_pixels_as_a_map_dot_of_its_count(edge):
    """Measured on the raster: a key marker (with any stroke) and a map dot of the same count ink as many pixels."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def inked(draw) -> int:
        fig = Figure(figsize=(1, 1), dpi=400)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(-1, 1)
        ax.set_ylim(-1, 1)
        ax.axis("off")
        draw(ax)
        fig.canvas.draw()
        rgb = np.asarray(fig.canvas.buffer_rgba())[..., :3].astype(float)
        return int((rgb.mean(axis=-1) < 200).sum())

    marker = design_plot.key_marker(10, 10, edge)
    key = inked(lambda ax: ax.add_line(Line2D([0], [0], **_style(marker))))
    dot = inked(lambda ax: ax.scatter([0], [0], s=design_plot.dot_area(10, 10), color="#888888", linewidths=0))
    assert key == pytest.approx(dot, rel=0.03)


def _style(marker) -> dict:
    return {
        "linestyle": "",
        "marker": "o",
        "markersize": marker.get_markersize(),
        "markeredgewidth": marker.get_markeredgewidth(),
        "color": "#888888",
    }


@pytest.mark.parametrize("largest, counts", [(1, [1]), (2, [1, 2]), (3, [1, 2, 3]), (10, [1, 5, 10]), (13, [1, 6, 13])])
def test_key_counts(largest, counts):
    assert design_plot.key_counts(largest) == counts


def test_one_size_key_at_the_maps_scale():
    """Second blind reading (design 2.1): the map had two size keys at two scales; it keeps only its own."""
    cells = _cells()
    fig = design_plot.design_map(cells, totals={"cells": 28, "exosomes": 28}, title="design")
    titles = [lg.get_title().get_text() for lg in fig.legends]
    assert titles.count("dot area = studies") == 1
    assert "dot area proportional to studies" not in titles
    largest = int(cells["studies"].max())
    (key,) = [lg for lg in fig.legends if lg.get_title().get_text() == "dot area = studies"]
    for handle, text in zip(key.legend_handles, key.get_texts()):
        assert key_covered_area(handle, 1.0) == pytest.approx(design_plot.dot_area(int(text.get_text()), largest))


def _extents(fig) -> tuple[list, list]:
    """Every dot as a disc (centre and radius, display pixels) and every number's box, as drawn."""
    ax = design_plot._dot_axes(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    discs = []
    for dot in ax.collections:
        cx, cy = ax.transData.transform(dot.get_offsets()[0])
        discs.append((cx, cy, math.sqrt(float(dot.get_sizes()[0])) / 2 * fig.dpi / 72))
    boxes = [text.get_window_extent(renderer) for text in ax.texts if text.get_text()]
    return discs, boxes


# A number is drawn with a white halo 2.2 points wide (1.1 each side), which must not bite into a dot either.
HALO = 1.1


def _box_meets_disc(box, disc, dpi: float) -> bool:
    cx, cy, r = disc
    nearest_x, nearest_y = min(max(cx, box.x0), box.x1), min(max(cy, box.y0), box.y1)
    return math.hypot(nearest_x - cx, nearest_y - cy) < r + HALO * dpi / 72


def test_no_number_covers_a_dot_and_no_dots_overlap():
    """Second blind reading (design 2.2): POF's "10" beside MSCs covered part of the exosome "4" next to it."""
    fig = design_plot.design_map(_cells(), totals={"cells": 28, "exosomes": 28}, title="design")
    discs, boxes = _extents(fig)
    hits = [(box.bounds, disc) for box in boxes for disc in discs if _box_meets_disc(box, disc, fig.dpi)]
    assert hits == []
    for i, (x1, y1, r1) in enumerate(discs):
        for x2, y2, r2 in discs[i + 1 :]:
            assert math.hypot(x1 - x2, y1 - y2) >= r1 + r2
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


# The studies the audit flags, as the second reader listed them from tables/studies.csv (audit_flag): a dot
# carries a dagger exactly when one of its refs is among them. The audit's second reading (2.2, 2.3) made A7
# (an unexplained inducing agent: refs 15, 29) and an exosome dose counted in cells (W3: ref 53) checks, which
# flag no row.
FLAGGED_REFS = {19, 24, 25, 37, 42, 44, 58, 68}


def test_a_number_gets_a_dagger_when_the_audit_flags_a_study_behind_it(drawn):
    cells = _cells()
    expected = cells.assign(
        dagger=cells["refs"].map(lambda refs: bool({int(r) for r in str(refs).split(", ")} & FLAGGED_REFS))
    )
    merged = drawn.merge(expected, on=["category", "disease", "modality"], suffixes=("", "_expected"))
    assert len(merged) == len(cells)
    assert (merged["dagger"] == merged["dagger_expected"]).all()
    # Ref 24 (a clinical study by its cited title and the review's text) is one of POF's 4 naturally aged studies.
    aged = merged[(merged["category"] == "natural ageing") & (merged["modality"] == "cells")]
    assert aged[["label", "dagger"]].values.tolist() == [[4, True]]


# Third reading 3.1: studies that only an audit check on a drawn code, or the review's body text, questions (the
# reader's four cases: ref 35 W1; ref 80 R5; refs 70, 71 R4; ref 82 R6; and, by the same rule, ref 55 R4 and
# ref 74, whose animal work only its cited title names: 'bone loss'). A dot with none flagged gets ‡ exactly
# when one is behind it.
CHECKED_REFS = {35, 55, 70, 71, 74, 80, 82}


def test_a_number_gets_a_double_dagger_when_only_a_check_questions_a_study_behind_it(drawn):
    cells = _cells()

    def refs(text):
        return {int(r) for r in str(text).split(", ")}

    expected = cells.assign(
        double_dagger=cells["refs"].map(lambda r: not (refs(r) & FLAGGED_REFS) and bool(refs(r) & CHECKED_REFS))
    )
    merged = drawn.merge(expected, on=["category", "disease", "modality"], suffixes=("", "_expected"))
    assert len(merged) == len(cells)
    assert (merged["double_dagger"] == merged["double_dagger_expected"]).all()
    # The reader's case (a): the AS xenogeneic MSC "2" (refs 35, 38) now carries a mark.
    case = merged[(merged["category"] == "xenogeneic") & (merged["modality"] == "cells")]
    case = case[case["disease"] == "Atherosclerosis"]
    assert case[["label", "double_dagger"]].values.tolist() == [[2, True]]


def test_the_size_key_stands_level_with_the_legend_and_clear_of_the_note():
    """A longer note pushed the legend up but not the size key, which then covered the note."""
    fig = design_plot.design_map(
        _cells(), totals={"cells": 28, "exosomes": 28}, title="design", note="A note of some length. " * 40
    )
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    key = next(lg for lg in fig.legends if lg.get_title().get_text() == "dot area = studies")
    note = max(fig.texts, key=lambda t: len(t.get_text()))
    assert not key.get_window_extent(renderer).overlaps(note.get_window_extent(renderer))
    assert key.get_bbox_to_anchor().y0 == pytest.approx(fig.legends[0].get_bbox_to_anchor().y0)
