"""The effects figure's bars against its data CSV: each bar's height is the count printed above it."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from helpers.analysis.effects import FIELDS, IN_VITRO, IN_VIVO
from helpers.plots import effects as effects_plot
from tests.conftest import ROOT

#: Studies per modality and arm, recounted from the printed Animal model, In vitro model and route cells:
#: Table 1 rows 14 and 28 and Table 2 rows 6, 7, 9, 18, 21, 26, 27 print no animal arm.
ARM_TOTALS = {("cells", IN_VIVO): 26, ("cells", IN_VITRO): 2, ("exosomes", IN_VIVO): 21, ("exosomes", IN_VITRO): 7}


@pytest.fixture(scope="module")
def drawn():
    counts = pd.read_csv(ROOT / "figures" / "effects.data.csv")
    fig = effects_plot.effects(counts, title="T", note="N.")
    yield counts, fig
    matplotlib.pyplot.close(fig)


def test_every_bar_height_is_its_count_in_the_data_csv(drawn):
    counts, fig = drawn
    heights = _bars_by_gid(fig)
    expected = {(r.modality, r.field, r.arm, r.code): r.studies for r in counts.itertuples()}
    assert heights == pytest.approx(expected)


def test_the_number_above_each_bar_is_its_height(drawn):
    _, fig = drawn
    for ax in fig.axes:
        labels = {(round(t.get_position()[0], 3)): int(t.get_text().split()[0]) for t in ax.texts}
        for patch in ax.patches:
            centre = round(patch.get_x() + patch.get_width() / 2, 3)
            assert labels[centre] == patch.get_height()


#: In vitro only rows whose cited title speaks of animals (recounted from the reference list: [58] 'improve
#: cognitive impairment in an Alzheimer's disease model', 'hippocampus'; [74] 'bone loss'), both Table 2 and
#: improved: [58] (row 9) names an organism outcome, [74] (row 21) a cellular one.
MARKED = {
    ("exosomes", "effect_direction", "improved"): 2,
    ("exosomes", "outcome_level", "organism"): 1,
    ("exosomes", "outcome_level", "cellular or molecular"): 1,
}


def test_the_animal_mark_after_a_count_is_the_data_csv(drawn):
    counts, fig = drawn
    marked = counts[counts["animal_words"] > 0]
    assert {(r.modality, r.field, r.code): r.animal_words for r in marked.itertuples()} == MARKED
    assert set(marked["arm"]) == {IN_VITRO}
    drawn_marks = {}
    for ax in fig.axes:
        for text in ax.texts:
            if "(" in text.get_text():
                drawn_marks[round(text.get_position()[0], 3), ax.get_title(loc="left")] = text.get_text()
    assert sorted(drawn_marks.values()) == ["1 (1*)", "3 (1*)", "5 (2*)"]


def test_the_arms_are_out_of_the_recounted_totals(drawn):
    counts, fig = drawn
    totals = counts.drop_duplicates(["modality", "arm"]).set_index(["modality", "arm"])["arm_total"].to_dict()
    assert totals == ARM_TOTALS
    legends = {t.get_text() for ax in fig.axes for t in ax.get_legend().get_texts()}
    names = effects_plot.LEGEND_NAMES
    assert legends == {f"{names[m]}, {w} (out of {n})" for (m, w), n in ARM_TOTALS.items()}
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert all(t.endswith("out of 28 studies") for t in titles) and len(titles) == 4
    assert sum("Vesicles of Table 2 (exosomes, EVs, mimetics)" in t for t in titles) == 2


#: Bar heights recounted from the printed Effects cells (first blind reading of the exhibit applied): direction.
DIRECTION = {
    ("cells", IN_VIVO): {"improved": 19, "prospect only": 2, "not stated": 5},
    ("cells", IN_VITRO): {"improved": 2},
    ("exosomes", IN_VIVO): {"improved": 17, "prospect only": 1, "not stated": 3},
    ("exosomes", IN_VITRO): {"improved": 5, "prospect only": 1, "not stated": 1},
}


def test_the_direction_bars_are_the_recount(drawn):
    _, fig = drawn
    heights = _bars_by_gid(fig)
    for (modality, where), codes in DIRECTION.items():
        for code in FIELDS["effect_direction"]:
            assert heights[modality, "effect_direction", where, code] == codes.get(code, 0), (modality, where, code)


def _bars_by_gid(fig) -> dict[tuple[str, str, str, str], float]:
    out = {}
    for ax in fig.axes:
        for patch in ax.patches:
            modality, field, where = patch.get_gid().split("|")
            code = FIELDS[field][round(patch.get_x() + patch.get_width() / 2 - effects_plot.OFFSET[where])]
            out[modality, field, where, code] = patch.get_height()
    return out
