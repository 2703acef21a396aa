"""The vesicles figure's drawn marks and tables against its data CSV, and the CSV against the printed sizes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.table import Table

from helpers.analysis import vesicles
from helpers.plots import vesicles as vesicles_plot
from tests.conftest import ROOT

#: Table 2 row -> printed size (low, high) in nm, hand-read; None where the Size/nm cell is empty.
PRINTED = {
    1: (30, 200), 2: (50, 100), 3: (30, 40), 4: None, 5: (160, 160), 6: (50, 120), 7: None, 8: (110, 110),
    9: None, 10: (50, 150), 11: (80, 130), 12: (200, 200), 13: (50, 50), 14: (100, 100), 15: (163.4, 163.4),
    16: (50, 150), 17: (142.5, 150.9), 18: (200, 200), 19: (40, 100), 20: (50, 100), 21: (80, 200), 22: (30, 150),
    23: (120, 120), 24: (100, 100), 25: (40, 172), 26: (141, 141), 27: (57.5, 317.5), 28: (40, 100),
}  # fmt: skip
#: Rows whose printed size is one number: drawn as a point, never as a line.
SINGLE = {5, 8, 12, 13, 14, 15, 18, 23, 24, 26}


@pytest.fixture(scope="module")
def drawn():
    data = pd.read_csv(ROOT / "figures" / "vesicles.data.csv", keep_default_na=False)
    marks = data[data["panel"] == "sizes"].copy()
    for column in ("y", "row", "ref"):
        marks[column] = marks[column].astype(int)
    for column in ("x_low", "x_high"):
        marks[column] = pd.to_numeric(marks[column], errors="coerce").astype("Float64")
    marks = marks.reset_index(drop=True)
    table = vesicles.counts(pd.DataFrame({"vesicle_type": marks["vesicle_type"], "size_shown": marks["size_kind"]}))
    reported = data[data["panel"] == "reporting"]
    reporting = pd.DataFrame(
        {
            "item": reported["label"],
            "rows printing it": reported["count"].astype(int),
            "out of": reported["out_of"].astype(int),
            "printed rows": "",
        }
    )
    fig = vesicles_plot.vesicles(marks, table, reporting, title="T")
    yield data, marks, table, fig
    matplotlib.pyplot.close(fig)


def _gid_marks(fig, prefix: str) -> dict[int, Line2D]:
    return {
        int(a.get_gid().split(":")[1]): a
        for a in fig.findobj(Line2D)
        if isinstance(a.get_gid(), str) and a.get_gid().startswith(prefix + ":")
    }


def test_the_data_csv_holds_the_printed_sizes(drawn):
    _, marks, _, _ = drawn
    assert sorted(marks["row"]) == list(range(1, 29))
    for _, m in marks.iterrows():
        size = PRINTED[int(m["row"])]
        if size is None:
            assert pd.isna(m["x_low"]) and m["size_kind"] == "not reported in the review"
        else:
            assert (float(m["x_low"]), float(m["x_high"])) == pytest.approx(size)
            assert m["size_kind"] == ("single value" if m["row"] in SINGLE else "range")


def test_each_range_is_a_line_from_low_to_high_at_its_rows_height(drawn):
    _, marks, _, fig = drawn
    lines = _gid_marks(fig, vesicles_plot.RANGE_GID)
    ranged = marks[marks["size_kind"] == "range"]
    assert set(lines) == set(ranged["row"])
    for _, m in ranged.iterrows():
        line = lines[int(m["row"])]
        assert list(line.get_xdata()) == pytest.approx([float(m["x_low"]), float(m["x_high"])])
        assert list(line.get_ydata()) == [m["y"], m["y"]]
        assert line.get_linestyle() == "-"


def test_each_single_value_is_a_point_and_no_line(drawn):
    _, marks, _, fig = drawn
    points = _gid_marks(fig, vesicles_plot.POINT_GID)
    single = marks[marks["size_kind"] == "single value"]
    assert set(points) == set(single["row"]) == SINGLE
    for _, m in single.iterrows():
        point = points[int(m["row"])]
        assert list(point.get_xdata()) == pytest.approx([float(m["x_low"])])
        assert list(point.get_ydata()) == [m["y"]]
        assert point.get_linestyle() == "None" and point.get_marker() == "o"


def test_rows_without_a_size_have_no_mark_but_the_words(drawn):
    _, marks, _, fig = drawn
    none = marks[marks["size_kind"] == "not reported in the review"]
    assert sorted(none["row"]) == [4, 7, 9]
    sizes = fig.axes[0]
    said = [t for t in sizes.texts if t.get_text() == "not reported in the review"]
    assert sorted(t.get_position()[1] for t in said) == sorted(none["y"])
    marked = set(_gid_marks(fig, "range")) | set(_gid_marks(fig, "point"))
    assert not marked & {4, 7, 9}


def test_row_labels_name_each_row_at_its_height(drawn):
    _, marks, _, fig = drawn
    sizes = fig.axes[0]
    ticks = dict(zip(sizes.get_yticks(), (t.get_text() for t in sizes.get_yticklabels())))
    for _, m in marks.iterrows():
        assert ticks[m["y"]] == m["label"]
        assert ticks[m["y"]].startswith(f"row {m['row']} [{m['ref']}]")


def test_the_band_spans_the_reviews_stated_30_to_150_nm(drawn):
    *_, fig = drawn
    band = next(a for a in fig.axes[0].patches if a.get_gid() == vesicles_plot.BAND_GID)
    if isinstance(band, Rectangle):
        x0, x1 = band.get_x(), band.get_x() + band.get_width()
    else:
        xs = band.get_xy()[:, 0]
        x0, x1 = xs.min(), xs.max()
    assert (x0, x1) == pytest.approx(vesicles.STATED_BAND)


def test_the_legend_says_what_each_mark_is(drawn):
    *_, fig = drawn
    labels = [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert any("range" in label and "not stated" in label for label in labels)
    assert any("one printed number" in label and "not stated" in label for label in labels)


def _tables(fig) -> list[list[list[str]]]:
    """Every drawn table as rows of cell texts (header row first)."""
    out = []
    for table in fig.findobj(Table):
        cells = table.get_celld()
        nrows, ncols = max(r for r, _ in cells) + 1, max(c for _, c in cells) + 1
        out.append([[cells[r, c].get_text().get_text() for c in range(ncols)] for r in range(nrows)])
    return out


def test_the_drawn_tables_are_the_data_csv(drawn):
    data, _, _, fig = drawn
    counts_drawn, reporting_drawn = _tables(fig)
    counted = data[data["panel"] == "counts"]
    header = [h.replace("\n", " ") for h in counts_drawn[0]]
    for line in counts_drawn[1:]:
        kind = line[0]
        for column, text in zip(header[1:], line[1:]):
            if column == "out of":
                assert int(text) == int(counted.loc[counted["label"] == kind, "out_of"].iloc[0])
                continue
            got = counted[(counted["label"] == kind) & (counted["size_kind"] == column)]["count"]
            assert int(text) == int(got.item()), (kind, column)
    reported = data[data["panel"] == "reporting"]
    assert [(r[0], int(r[1]), int(r[2])) for r in reporting_drawn[1:]] == list(
        zip(reported["label"], reported["count"].astype(int), reported["out_of"].astype(int))
    )
    statement = [t.get_text() for t in fig.texts if t.get_text().startswith("Isolation and characterisation")]
    assert statement == [
        "Isolation and characterisation methods: not reported in the\nreview's tables (0 of 28 rows print one)."
    ]
