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

from helpers.plots import design as design_plot
from tests.conftest import ROOT

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
                "label": int(label.get_text()),
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


def test_the_size_key_is_drawn_at_the_map_scale():
    """The key's dots have the area of map dots of the counts they are labelled with."""
    cells = _cells()
    fig = design_plot.design_map(cells, totals={"cells": 28, "exosomes": 28}, title="design")
    key = next(legend for legend in fig.legends if legend.get_title().get_text() == "dot area = studies")
    largest = int(cells["studies"].max())
    labels = [int(text.get_text()) for text in key.get_texts()]
    assert labels == design_plot.key_counts(largest) == [1, 5, 10]
    for handle, count in zip(key.legend_handles, labels):
        assert handle.get_markersize() ** 2 == pytest.approx(design_plot.dot_area(count, largest))


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
        assert handle.get_markersize() ** 2 == pytest.approx(design_plot.dot_area(int(text.get_text()), largest))
