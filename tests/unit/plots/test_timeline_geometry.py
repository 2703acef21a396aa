"""The timeline's bars against its data CSV, and its heat map against a share recounted from its evidence CSV."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_rgb
from matplotlib.image import AxesImage
from matplotlib.patches import Rectangle

from helpers.analysis import timeline
from helpers.plots import timeline as timeline_plot
from tests.conftest import ROOT

#: Tabulated studies per year, recounted from the years printed in the review's reference list for the
#: references of Tables 1-2 (Table 1 + Table 2): 2015 2+0, 2016 1+0, 2017 0, 2018 3+0, 2019 3+1, 2020 2+7,
#: 2021 2+7, 2022 7+3, 2023 4+2, 2024 4+8.
PER_YEAR = {2015: 2, 2016: 1, 2017: 0, 2018: 3, 2019: 4, 2020: 9, 2021: 9, 2022: 10, 2023: 6, 2024: 12}


@pytest.fixture(scope="module")
def drawn():
    counts = pd.read_csv(ROOT / "figures" / "timeline.data.csv")
    evidence = pd.read_csv(ROOT / "figures" / "timeline.evidence.csv", keep_default_na=False)
    named = timeline.named_by_year(evidence)
    totals = timeline.year_totals(evidence)
    fig = timeline_plot.timeline(counts, named, totals, title="T")
    yield counts, evidence, named, fig
    matplotlib.pyplot.close(fig)


def test_bar_heights_sum_to_the_data_csv_per_year_and_modality(drawn):
    counts, _, _, fig = drawn
    bars = fig.axes[0]
    years = sorted(PER_YEAR)
    heights: dict[tuple[int, str], float] = {}
    for patch in bars.patches:
        if not isinstance(patch, Rectangle) or patch.get_height() == 0:
            continue
        centre = patch.get_x() + patch.get_width() / 2
        year = years[round(centre)]
        modality = "cells" if centre < round(centre) else "exosomes"
        heights[year, modality] = heights.get((year, modality), 0) + patch.get_height()
    expected = counts.groupby(["year", "modality"])["studies"].sum().to_dict()
    assert heights == pytest.approx(expected)
    per_year = {y: sum(v for (yy, _), v in heights.items() if yy == y) for y in years}
    assert per_year == PER_YEAR


def _recounted_shares(evidence, named) -> np.ndarray:
    years = sorted(PER_YEAR)
    share = np.zeros((len(named.index), len(years)))
    for i, category in enumerate(named.index):
        for j, year in enumerate(years):
            of_year = evidence[evidence["year"] == year]
            column = "mechanisms" if i < named.attrs["groups"][0][1] else "pathways"
            if category.startswith("No "):
                k = int((of_year[column] == "").sum())
            else:
                k = sum(category in cats for cats in of_year[column].str.split("; "))
            share[i, j] = k / PER_YEAR[year] if PER_YEAR[year] else 0.0
    return share


def _image(fig):
    return next(a for ax in fig.axes for a in ax.get_children() if isinstance(a, AxesImage))


def test_heat_map_colour_is_the_share_of_that_years_studies(drawn):
    _, evidence, named, fig = drawn
    shown = np.asarray(_image(fig).get_array())
    n = np.array([PER_YEAR[y] for y in sorted(PER_YEAR)])
    expected = timeline_plot.cell_colours(_recounted_shares(evidence, named), n)
    assert shown == pytest.approx(expected)
    # In a year of 5 or more studies the colour is the plain Blues scale of the share, 0 to 1.
    large = n >= 5
    plain = matplotlib.colormaps["Blues"](_recounted_shares(evidence, named))
    assert shown[:, large] == pytest.approx(plain[:, large])


def _darkness(rgba: np.ndarray) -> np.ndarray:
    return 1 - rgba[..., :3].mean(axis=-1)


def test_few_study_years_are_unshaded_and_framed_and_an_empty_year_is_grey(drawn):
    """Second reading 2.1, 2.8 and third reading 2.1, 3.1, 3.2: 2015, 2016, 2018 and 2019 (2, 1, 3 and 4 studies)
    must not be darker than any shaded cell of a larger year (the faded 1/1 cells of 2016 had read darker than
    2021's Immunomodulation 4/9), no colour may disagree with the colour bar, their mark must not be the top
    panel's exosome hatching, and 2017 (no study) must not look like a share of 0."""
    _, _, _, fig = drawn
    shown = np.asarray(_image(fig).get_array())
    years = sorted(PER_YEAR)
    few = [j for j, y in enumerate(years) if 0 < PER_YEAR[y] < 5]
    assert [years[j] for j in few] == [2015, 2016, 2018, 2019]
    large = [j for j, y in enumerate(years) if PER_YEAR[y] >= 5]
    # Every cell of a few-study year is white, whatever its share: lighter than the lightest shaded cell (1/12).
    assert shown[:, few, :3] == pytest.approx(np.ones(shown[:, few, :3].shape))
    lightest = matplotlib.colormaps["Blues"](1 / 12)
    assert _darkness(shown[:, few]).max() < _darkness(np.array(lightest))
    assert _darkness(shown[:, large]).max() > 0.5
    heat = next(ax for ax in fig.axes if any(isinstance(a, AxesImage) for a in ax.get_children()))
    frames = [p for p in heat.patches if isinstance(p, Rectangle)]
    assert sorted(round(p.get_x() + 0.5) for p in frames) == few
    assert all(not p.get_hatch() and p.get_linestyle() == ":" for p in frames)
    bar = next(ax for ax in heat.child_axes if ax.get_ylabel().startswith("share of that year's studies"))
    assert "dotted frame, unshaded: fewer than 5" in bar.get_ylabel()
    assert "hatch" not in bar.get_ylabel()
    empty = years.index(2017)
    assert shown[:, empty, :3] == pytest.approx(
        np.broadcast_to(to_rgb(timeline_plot.NO_STUDY), shown[:, empty, :3].shape)
    )
    assert any(t.get_text() == "no studies" for t in heat.texts)


def test_every_heat_cell_prints_count_over_that_years_studies(drawn):
    _, _, named, fig = drawn
    heat = next(ax for ax in fig.axes if any(isinstance(a, AxesImage) for a in ax.get_children()))
    labels = [t.get_text() for t in heat.texts if "/" in t.get_text()]
    expected = [
        f"{named.iloc[i][y]}/{PER_YEAR[y]}"
        for i in range(len(named))
        for y in sorted(PER_YEAR)
        if y in named and named.iloc[i][y]
    ]
    assert labels == expected
    ticks = [t.get_text() for t in heat.get_xticklabels()]
    assert ticks == [f"{y}\nn = {n}" for y, n in PER_YEAR.items()]
