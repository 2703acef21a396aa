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
    marks["audit_flag"] = marks["audit_flag"].map({"True": True, "False": False})
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
    assert any("not a subtype test" in label for label in labels)  # finding 11: the band is a yardstick
    assert any("ring at the left edge" in label for label in labels)
    titles = [legend.get_title().get_text() for legend in fig.legends]
    assert "Colour: term the cited title\nuses (a name, not a subtype)" in titles  # findings 1-3


#: Table 2 rows the audit flags (tables/audit.csv: row 9 W6, row 16 W4; the rest are checks or none).
FLAGGED = {9, 16}


def test_a_ring_sits_at_the_left_edge_of_each_flagged_row_and_no_other(drawn):
    _, marks, _, fig = drawn
    assert set(marks.loc[marks["audit_flag"], "row"]) == FLAGGED
    ring = next(c for c in fig.axes[0].collections if c.get_gid() == vesicles_plot.RING_GID)
    at = {(float(x), float(y)) for x, y in ring.get_offsets()}
    expected = {(vesicles_plot.RING_X, float(y)) for y in marks.loc[marks["audit_flag"], "y"]}
    assert at == expected
    assert min(PRINTED[r][0] for r in PRINTED if PRINTED[r]) > vesicles_plot.RING_X  # clear of every printed size


#: Table 2 row -> what was done to the product, hand-read (tests/unit/data/test_vesicles.py); the rest none printed.
CHANGES = {
    5: "parent cells primed + on a carrier", 6: "engineered, step not printed", 10: "parent cells in 3D culture",
    11: "parent cells primed", 12: "parent cells primed", 17: "mimetic (made, not secreted)",
    18: "mimetic (made, not secreted)", 20: "parent cells engineered", 22: "parent cells engineered",
    23: "engineered, step not printed", 24: "loaded after isolation", 25: "on a carrier", 26: "co-treatment",
    27: "co-applied enhancer",
}  # fmt: skip


def test_what_was_done_to_each_product_is_written_at_its_rows_height(drawn):
    _, marks, _, fig = drawn
    texts = {
        int(t.get_gid().split(":")[1]): t
        for t in fig.axes[0].texts
        if isinstance(t.get_gid(), str) and t.get_gid().startswith(vesicles_plot.CHANGE_GID + ":")
    }
    assert set(texts) == set(range(1, 29))
    for _, m in marks.iterrows():
        text = texts[int(m["row"])]
        assert text.get_position()[1] == m["y"]
        assert text.get_text() == m["product_change"] == CHANGES.get(int(m["row"]), "none printed")


def test_group_headings_sit_on_their_own_line_and_name_adipose_as_a_tissue(drawn):
    """Finding 8: the heading says adipose-tissue MSCs, and no mark shares its line."""
    _, marks, _, fig = drawn
    headings = {t.get_text(): t.get_position()[1] for t in fig.axes[0].texts if " MSCs (" in t.get_text()}
    assert "Adipose tissue MSCs (AD-MSC), 5 rows" in headings
    assert not set(headings.values()) & set(marks["y"].astype(float))


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
    assert [(r[0].replace("\n", " "), int(r[1]), int(r[2])) for r in reporting_drawn[1:]] == list(
        zip(reported["label"], reported["count"].astype(int), reported["out_of"].astype(int))
    )
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert "Selected MISEV2023 items: what Table 2 prints" in titles  # finding 13: a selection of the items
    statement = [t.get_text() for t in fig.texts if t.get_text().startswith("Isolation and characterisation")]
    assert statement == [
        "Isolation and characterisation methods: not reported in the\nreview's tables (0 of 28 rows print one)."
    ]
