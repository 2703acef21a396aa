"""Evidence map R2 (fig2): dot areas and bar lengths equal whole-study counts in fig2.data.csv.

The exhibit was a flow diagram whose node heights were fractional study
weights while its labels gave whole counts. It now draws whole studies;
these tests read the drawn artists back against the data CSV, and check the
CSV against a recount of the printed Effects cells of Tables 1-2.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers.analysis import evidence
from helpers.core import paths
from helpers.notebook.session import start
from helpers.plots import fig1, fig2
from tests.unit.plots._geometry import (
    covered_area,
    dots_counting,
    key_covered_area,
    painted_area,
    size_key,
    visible_fractions,
)

KEYS = ["kind", "category", "disease", "modality", "setting"]


@pytest.fixture(scope="module")
def drawn():
    run = start("fig2", {})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    cells = evidence.pathway_matrix(selected, tagged)
    keys = evidence.drawn_keys(selected, tagged, ("pathway", "regulator"))
    fig = fig2.pathway_map(
        cells,
        totals=evidence.per_modality(selected, keys),
        title="T",
        in_vitro=evidence.settings(selected, keys)["in vitro only"],
    )
    yield fig
    fig1.plt.close(fig)


def _data() -> pd.DataFrame:
    return pd.read_csv(paths.ROOT / "figures" / "fig2.data.csv")


def test_every_dot_area_is_its_whole_study_count_in_the_data_csv(drawn):
    data = _data()
    unit = fig1.area_per_study(int(data["studies"].max()))
    expected = {tuple(k): n for *k, n in data[[*KEYS, "studies"]].itertuples(index=False, name=None)}
    dots = {}
    for ax in drawn.axes:
        for collection in ax.collections:
            gid = collection.get_gid() or ""
            if gid.startswith("dot|"):
                # the disc the eye reads, the hollow ring's stroke included
                dots[tuple(gid.split("|")[1:])] = fig1.visible_area(
                    float(collection.get_sizes()[0]), float(collection.get_linewidths()[0])
                )
    assert set(dots) == set(expected)
    for key, area in dots.items():
        assert math.isclose(area / unit, expected[key]), key
        assert float(expected[key]).is_integer(), "whole studies, never fractional weights"


def test_each_bar_length_is_the_row_total_in_the_data_csv(drawn):
    data = _data()
    totals = data.groupby(["kind", "category", "modality", "setting"])["studies"].sum()
    lengths = {
        tuple(p.get_gid().split("|")[1:]): p.get_width()
        for ax in drawn.axes
        for p in ax.patches
        if (p.get_gid() or "").startswith("bar|")
    }
    assert set(lengths) == set(totals.index)
    for key, width in lengths.items():
        assert math.isclose(width, totals[key]), key


# A recount from the printed Effects cells: (kind, category) -> studies (all diseases, both modalities).
PRINTED = [
    ("source", "Umbilical cord", 11),
    ("source", "Bone marrow", 4),
    ("source", "Adipose tissue", 3),
    ("source", "Dental pulp", 1),
    ("pathway", "PI3K/AKT/mTOR", 5),  # [14], [15], [48], [52], [68] (PTEN alone in [68])
    ("pathway", "NF-κB", 3),
    ("pathway", "Wnt/β-catenin", 3),
    ("pathway", "Hippo/YAP", 2),
    ("pathway", "Sirtuins (SIRT)", 2),
    ("pathway", "AMPK", 1),  # [11] only: [13] prints NR4A1 without AMPK
    ("pathway", "Transcription factor only (no pathway family)", 2),  # [13] and [51] name only factors
    ("regulator", "KLF6", 2),
    ("regulator", "FoxO (FOXO1, FOXO3a)", 2),
    ("regulator", "NR4A1 (nuclear receptor)", 2),
    ("regulator", "ATF4–ATF3–CHOP (stress response)", 1),
]


@pytest.mark.parametrize("kind, category, studies", PRINTED)
def test_the_data_csv_matches_a_recount_of_the_printed_effects_cells(kind, category, studies):
    data = _data()
    part = data[(data["kind"] == kind) & (data["category"] == category)]
    assert int(part["studies"].sum()) == studies


def test_the_one_in_vitro_only_study_drawn_is_hollow_in_the_data():
    data = _data()
    in_vitro = data[data["setting"] == "in vitro only"]
    assert set(in_vitro["refs"].astype(str)) == {"74"}  # Table 2 row 21, MC3T3-E1 coculture


def test_the_factor_only_row_closes_the_pathway_block():
    """Second reading 2.7: the 2 studies drawn for a transcription factor alone are a row of their own at the
    end of the pathway block, not read as the only 2 of 56 studies that name no pathway family (39 do)."""
    rows = fig1.row_order(_data())
    pathway = [category for kind, category in rows if kind == "pathway"]
    assert pathway[-1] == "Transcription factor only (no pathway family)"
    assert not any(category.startswith("No ") for category in pathway)


@pytest.mark.parametrize("studies", [1, 5, 10])
def test_a_size_key_dot_covers_the_area_of_a_data_dot_of_the_same_count(drawn, studies):
    """Third reading 3.1: the key dots carried a 1-point outline and read 11-27 % larger than data dots.

    Measured by geometry (marker and stroke) and on the rendered pixels, as the reader measured the PNG.
    """
    data = _data()
    unit = fig1.area_per_study(int(data["studies"].max()))
    key = size_key(drawn, studies)
    assert key.get_markeredgewidth() == 0.0, "the key dot has no outline, like a filled data dot"
    keyed = painted_area(drawn, key)
    assert keyed == pytest.approx(unit * studies * math.pi / 4, rel=0.02)
    for dot in dots_counting(drawn, data, studies):  # filled and hollow ([74]) alike
        assert covered_area(dot) == pytest.approx(key_covered_area(key, math.pi / 4), rel=0.01), dot.get_gid()
        assert painted_area(drawn, dot) == pytest.approx(keyed, rel=0.02), dot.get_gid()


def test_the_five_study_dot_is_measured_against_the_five_study_key(drawn):
    """Third reading 3.1 measured the key's 5 against the data's 5: Umbilical cord, POF, MSCs.

    Recount from the print: Table 1 rows 2, 4, 5, 6 and 7 ([11] [13] [14] [15] [16]) are UC-MSC POF studies
    whose Effects cell names a pathway family or a transcription factor.
    """
    (five,) = dots_counting(drawn, _data(), 5)
    assert five.get_gid() == "dot|source|Umbilical cord|Premature ovarian failure|cells|in vivo"
    assert painted_area(drawn, five) == pytest.approx(painted_area(drawn, size_key(drawn, 5)), rel=0.02)


def test_no_count_label_hides_part_of_a_neighbouring_dot(drawn):
    """As in fig1 (third reading 3.1): no white halo around a count hides part of a dot."""
    low = {gid: round(share, 2) for gid, share in visible_fractions(drawn).items() if share < 0.93}
    assert not low, f"dots partly hidden on the rendered figure: {low}"
