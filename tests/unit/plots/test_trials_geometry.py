"""The trials figure's drawn marks against its data CSV: mark area is proportional to the printed enrollment."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from helpers.plots import trials as trials_plot
from tests.conftest import ROOT
from tests.unit.plots._geometry import covered_area, key_covered_area

# What the eye reads is the area a mark covers, its edge stroke included (second reading, trials 2.2).
_area = covered_area


@pytest.fixture(scope="module")
def drawn():
    data = pd.read_csv(ROOT / "figures" / "trials.data.csv", keep_default_na=False)
    fig = trials_plot.trial_landscape(data, title="T")
    marks = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    yield data, fig, marks
    matplotlib.pyplot.close(fig)


def test_one_mark_per_row_of_the_data_csv(drawn):
    data, _, marks = drawn
    assert len(marks) == len(data) == 18


def test_mark_area_is_proportional_to_the_printed_enrollment(drawn):
    """Every mark's area divided by its enrollment is one constant, circles and squares alike."""
    data, _, marks = drawn
    per = np.array([_area(m) for m in marks]) / data["enrollment"].to_numpy()
    assert per == pytest.approx(np.full(len(per), trials_plot.AREA_PER_PARTICIPANT), rel=0.01)
    # Recount from Table 3: the largest mark is the 100 of NCT06607900 (a square), the smallest the 3 of NCT02696889.
    areas = dict(zip(data["identifier"], (_area(m) for m in marks)))
    assert areas["NCT06607900"] / areas["NCT02696889"] == pytest.approx(100 / 3, rel=0.01)
    assert areas["NCT02062931"] == pytest.approx(areas["NCT02043743"], rel=0.001)  # both print 60


def test_squares_and_circles_of_one_enrollment_have_one_area(drawn):
    """Area per participant is the same for the circles (cells) and the squares (exosomes)."""
    data, _, marks = drawn
    per = pd.Series([_area(m) for m in marks]) / data["enrollment"]
    by_shape = per.groupby(data["modality"]).mean()
    assert by_shape["cells"] == pytest.approx(by_shape["exosomes"], rel=0.01)


def test_the_retrospective_cohort_is_drawn_below_the_rule_in_its_own_column(drawn):
    data, fig, marks = drawn
    ax = fig.axes[0]
    ys = [float(m.get_offsets()[0][1]) for m in marks]
    xs = [float(m.get_offsets()[0][0]) for m in marks]
    other = data.index[data["design"] != "registered trial"].tolist()
    assert data.loc[other, "row"].tolist() == [17]  # Table 3 row 17, ref [39]
    rule = [line.get_ydata()[0] for line in ax.lines if len(set(line.get_ydata())) == 1]
    assert len(rule) == 1
    assert all(ys[i] < rule[0] for i in other) and all(y > rule[0] for i, y in enumerate(ys) if i not in other)
    assert all(xs[i] == trials_plot.PHASES.index("not a trial") for i in other)
    assert all(m.get_facecolor()[0][:3].tolist() == [1.0, 1.0, 1.0] for i, m in enumerate(marks) if i in other)


def test_the_size_key_uses_the_same_area_rule(drawn):
    """A key circle covers, stroke included, the area of a data mark of the same enrollment (second reading 2.2).

    The reader measured key circles drawn without the marks' stroke, 7-20 % smaller than a mark of the same n.
    """
    data, fig, marks = drawn
    key = next(lg for lg in fig.legends if lg.get_title().get_text().startswith("area"))
    keyed = {}
    for handle, text in zip(key.legend_handles, key.get_texts()):
        n = int(text.get_text().split("=")[1])
        assert handle.get_markeredgewidth() > 0  # the key carries a stroke, as the marks do
        keyed[n] = key_covered_area(handle, np.pi / 4)
        assert keyed[n] == pytest.approx(trials_plot.AREA_PER_PARTICIPANT * n, rel=0.001)
    assert sorted(keyed) == [10, 50, 100]
    # Table 3 prints n = 10 for NCT02566655, a circle (MSCs) and n = 100 for NCT06607900, a square (exosomes).
    drawn_at = dict(zip(data["identifier"], (_area(m) for m in marks)))
    assert drawn_at["NCT02566655"] == pytest.approx(keyed[10], rel=0.001)
    assert drawn_at["NCT06607900"] == pytest.approx(keyed[100], rel=0.001)


@pytest.mark.parametrize("edge", [0.0, 0.9, 2.0])
@pytest.mark.parametrize("marker, unit", [("o", np.pi / 4), ("s", 1.0)])
def test_a_stroked_mark_covers_the_area_its_enrollment_asks_for(edge, marker, unit, monkeypatch):
    """Whatever the stroke width, a mark's covered area is the enrollment's area, circles and squares alike."""
    monkeypatch.setattr(trials_plot, "EDGE", edge)
    fig = matplotlib.pyplot.figure()
    ax = fig.add_subplot()
    mark = ax.scatter([0], [0], s=trials_plot._s(40, marker), marker=marker, linewidths=edge)
    assert covered_area(mark) == pytest.approx(trials_plot.AREA_PER_PARTICIPANT * 40, rel=0.001)
    matplotlib.pyplot.close(fig)


def test_the_results_labels_keep_table_3_apart_from_the_reference_list(drawn):
    """Fifth reading 5.1: Table 3 row 12 (NCT04388982) prints "Improvement in cognitive functioning" and no
    reference; ref. [64] is tied to it by its reference-list entry, so the label does not read "in ref. [64]" under
    the Results header. Row 17 prints [39] in Table 3 itself, so "in ref. [39]" stays. Enrollments 9 and 78."""
    _, fig, _ = drawn
    labels = [t.get_text() for t in fig.axes[0].texts]
    row12 = [t for t in labels if t.startswith("n = 9 · IN ·")]
    row17 = [t for t in labels if t.startswith("n = 78 ·")]
    assert row12 == ["n = 9 · IN · outcome printed; published as ref. [64] (per the reference list)"]
    assert len(row17) == 1 and "outcome printed in ref. [39]" in row17[0]
    assert not any("printed in ref. [64]" in t for t in labels)
