"""Evidence map R1 (fig1): what the eye reads, dot areas and bar lengths, equals the counts in fig1.data.csv.

The drawn artists are read back (each dot's marker area, fill and position,
each bar's length) and compared with the exhibit's data CSV; the few
expected values written here come from a recount of the printed Effects,
model and route cells of Tables 1-2, not from the code.
"""

from __future__ import annotations

import math

import matplotlib.colors as mcolors
import pandas as pd
import pytest

from helpers.analysis import evidence
from helpers.core import paths
from helpers.notebook.session import start
from helpers.plots import fig1
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
    run = start("fig1", {})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    cells = evidence.matrix(selected, tagged, ("mechanism", "cargo"))
    setting = evidence.settings(selected)
    fig = fig1.evidence_map(cells, totals=evidence.per_modality(selected), title="T", in_vitro=setting["in vitro only"])
    yield fig, cells
    fig1.plt.close(fig)


def _data() -> pd.DataFrame:
    return pd.read_csv(paths.ROOT / "figures" / "fig1.data.csv")


def _dots(fig) -> dict[tuple, tuple[float, bool]]:
    """Every drawn dot: the area it covers in points² (edge included) and whether it is hollow, keyed by its gid."""
    out = {}
    for ax in fig.axes:
        for collection in ax.collections:
            gid = collection.get_gid() or ""
            if gid.startswith("dot|"):
                face = mcolors.to_hex(collection.get_facecolors()[0])
                # What the eye reads: the disc with its edge stroke (a hollow dot's ring reaches past its outline).
                area = fig1.visible_area(float(collection.get_sizes()[0]), float(collection.get_linewidths()[0]))
                out[tuple(gid.split("|")[1:])] = (area, face == "#ffffff")
    return out


def test_every_dot_area_is_proportional_to_its_count_in_the_data_csv(drawn):
    fig, cells = drawn
    data = _data()
    unit = fig1.area_per_study(int(data["studies"].max()))
    dots = _dots(fig)
    expected = {tuple(k): n for *k, n in data[[*KEYS, "studies"]].itertuples(index=False, name=None)}
    assert set(dots) == set(expected), "one dot per line of fig1.data.csv, no more"
    for key, (area, _) in dots.items():
        assert math.isclose(area / unit, expected[key]), key


def test_in_vitro_only_dots_are_hollow_and_the_others_filled(drawn):
    fig, _ = drawn
    for (_kind, category, disease, modality, setting), (_, hollow) in _dots(fig).items():
        assert hollow == (setting == "in vitro only"), (category, disease, modality, setting)


def test_each_bar_length_is_the_row_total_in_the_data_csv(drawn):
    fig, _ = drawn
    data = _data()
    totals = data.groupby(["kind", "category", "modality", "setting"])["studies"].sum()
    lengths = {}
    for ax in fig.axes:
        for patch in ax.patches:
            gid = patch.get_gid() or ""
            if gid.startswith("bar|"):
                lengths[tuple(gid.split("|")[1:])] = patch.get_width()
    assert set(lengths) == set(totals.index)
    for key, width in lengths.items():
        assert math.isclose(width, totals[key]), key


# A recount from the print: (kind, category, modality) -> studies over all diseases and settings.
PRINTED = [
    ("mechanism", "Immunomodulation & inflammation", "cells", 5),
    ("mechanism", "Immunomodulation & inflammation", "exosomes", 9),
    ("mechanism", "No mechanism category in the Effects cell", "cells", 10),
    ("mechanism", "No mechanism category in the Effects cell", "exosomes", 11),
    # Third reading 3.3: [23] prints "retention" of hAD-MSCs in the 3D-bioprinted grafts it implanted (POF), so
    # the row says retention; [34] and [37] (AS) print homing. 3 MSC studies, no exosome study.
    ("mechanism", "Homing, engraftment & retention", "cells", 3),
    ("mechanism", "Homing, engraftment & retention", "exosomes", 0),
    ("cargo", "miRNA", "cells", 1),
    ("cargo", "miRNA", "exosomes", 9),  # [54] carries an inhibitor, [78]'s miR-3064-5p is targeted: not cargo
    ("cargo", "circRNA, lncRNA", "exosomes", 2),
    ("cargo", "Protein", "cells", 1),
    ("cargo", "No cargo category in the Effects cell", "cells", 26),
    ("cargo", "No cargo category in the Effects cell", "exosomes", 17),
]


@pytest.mark.parametrize("kind, category, modality, studies", PRINTED)
def test_the_data_csv_matches_a_recount_of_the_printed_effects_cells(kind, category, modality, studies):
    data = _data()
    part = data[(data["kind"] == kind) & (data["category"] == category) & (data["modality"] == modality)]
    assert int(part["studies"].sum()) == studies


def test_the_in_vitro_only_studies_are_the_nine_printed_without_an_animal_arm():
    data = _data()
    refs = {r for refs in data.loc[data["setting"] == "in vitro only", "refs"] for r in str(refs).split(", ")}
    # Table 1 rows 14 [25] and 28 [44]; Table 2 rows 6, 7, 9, 18, 21, 26, 27.
    assert refs == {"25", "44", "54", "55", "58", "71", "74", "81", "82"}


def test_the_number_beside_each_dot_is_its_count(drawn):
    fig, _ = drawn
    data = _data()
    expected = {tuple(k): n for *k, n in data[[*KEYS, "studies"]].itertuples(index=False, name=None)}
    ax = max(fig.axes, key=lambda a: len(a.collections))
    numbers = {tuple(round(v, 6) for v in text.get_position()): text.get_text() for text in ax.texts}
    for collection in ax.collections:
        key = tuple(collection.get_gid().split("|")[1:])
        at = tuple(round(float(v), 6) for v in collection.get_offsets()[0])
        assert numbers[at] == str(expected[key]), key


@pytest.mark.parametrize("studies", [1, 2, 5, 11])
def test_a_hollow_dot_covers_the_same_area_as_a_filled_one_of_the_same_count(studies):
    """Second blind reading (fig1 and fig2): hollow rings were drawn about 1.5 times the area of filled dots."""
    unit = fig1.area_per_study(11)
    filled = fig1.visible_area(fig1.marker_size(unit * studies, 0.0), 0.0)
    hollow = fig1.visible_area(fig1.marker_size(unit * studies, fig1.HOLLOW_EDGE), fig1.HOLLOW_EDGE)
    assert math.isclose(filled, unit * studies) and math.isclose(hollow, unit * studies)


def test_the_size_key_dots_do_not_touch(drawn):
    """Second reading 2.10: the grey 5- and 10-study key dots met at their edges; now a gap separates them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig, _ = drawn
    canvas = FigureCanvasAgg(fig)  # an earlier test may have left the figure on a canvas without a renderer
    canvas.draw()
    legend = fig.legends[0]
    handles = dict(zip((t.get_text() for t in legend.get_texts()), legend.legend_handles))
    boxes = [handles[label].get_window_extent(canvas.get_renderer()) for label in ("5 studies", "10 studies")]
    upper, lower = sorted(boxes, key=lambda b: -b.y0)
    gap_points = (upper.y0 - lower.y1) * 72 / fig.dpi
    assert gap_points >= 2.0, f"the key dots are {gap_points:.1f} points apart"


@pytest.mark.parametrize("studies", [1, 5, 10])
def test_a_size_key_dot_covers_the_area_of_a_data_dot_of_the_same_count(drawn, studies):
    """Third reading 3.1: the key dots carried a 1-point outline and read 15-25 % larger than data dots.

    Measured twice: by geometry (the marker with its stroke, as the data dots are
    measured) and on the rendered pixels, as the reader measured the PNG.
    """
    fig, _ = drawn
    data = _data()
    unit = fig1.area_per_study(int(data["studies"].max()))
    key = size_key(fig, studies)
    assert key.get_markeredgewidth() == 0.0, "the key dot has no outline, like a filled data dot"
    assert key_covered_area(key, math.pi / 4) == pytest.approx(unit * studies * math.pi / 4, rel=1e-3)
    keyed = painted_area(fig, key)
    assert keyed == pytest.approx(unit * studies * math.pi / 4, rel=0.02)
    for dot in dots_counting(fig, data, studies):  # filled and hollow alike
        assert covered_area(dot) == pytest.approx(key_covered_area(key, math.pi / 4), rel=0.01), dot.get_gid()
        assert painted_area(fig, dot) == pytest.approx(keyed, rel=0.02), dot.get_gid()


def test_the_eleven_study_dot_reads_larger_than_the_ten_study_key(drawn):
    """Third reading 3.1: the key's 10 had the pixel area of the data's 11 (POF, MSCs, no cargo category).

    Recount from the print: 11 of the 12 POF rows of Table 1 name no cargo category.
    """
    fig, _ = drawn
    data = _data()
    (eleven,) = dots_counting(fig, data, 11)
    assert eleven.get_gid() == "dot|cargo|No cargo category in the Effects cell|Premature ovarian failure|cells|in vivo"
    assert painted_area(fig, eleven) / painted_area(fig, size_key(fig, 10)) == pytest.approx(11 / 10, rel=0.02)


def test_the_homing_definition_says_graft_retention_is_retention_not_homing():
    """Third reading 3.3: cells kept in their own implanted scaffold are retained, not homing to the host ovary."""
    from helpers.data import tags

    categories = tags.load_categories()
    homing = categories[categories["tag"] == "homing"].iloc[0]
    assert homing["label"] == "Homing, engraftment & retention"
    assert "graft or scaffold they were implanted in" in homing["definition"]


def test_no_count_label_hides_part_of_a_neighbouring_dot(drawn):
    """Third reading 3.1 measured the data's 5 (AD, MSCs, no cargo category) at 35-37 px against an expected 37:
    the white halo of the hollow dot's "1" beside it hid a sliver, and the halo of the MSC "11" in POF hid 18 %
    of the exosome 3 next to it. The counts have no halo now; only the digits' ink may touch a dot.
    """
    fig, _ = drawn
    shown = visible_fractions(fig)
    data = _data()
    assert len(shown) == int((data["setting"] == "in vivo").sum()), "every filled dot is measured"
    low = {gid: round(share, 2) for gid, share in shown.items() if share < 0.93}
    assert not low, f"dots partly hidden on the rendered figure: {low}"
    five = "dot|cargo|No cargo category in the Effects cell|Alzheimer's disease|cells|in vivo"
    assert shown[five] > 0.97


def test_the_hollow_key_states_the_rule_and_counts_the_hollow_dots_drawn(drawn):
    """Fifth reading 5.1: the key's rule is "no animal model, or only a co-culture route" (not "no route into an
    animal", which the filled [37] and [48] also fit), and its n equals the hollow studies of fig1.data.csv: the
    9 co-culture rows (Table 1 rows 14, 28; Table 2 rows 6, 7, 9, 18, 21, 26, 27)."""
    fig, _ = drawn
    labels = [t.get_text() for ax in fig.axes for legend in [ax.get_legend()] if legend for t in legend.get_texts()]
    labels += [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    hollow = [label for label in labels if label.startswith("hollow")]
    assert hollow == [
        "hollow, hatched: in vitro only as printed (no animal model, or only a co-culture route, in the table), n = 9"
    ]
    data = _data()
    refs = set()
    for line in data[data["setting"] == "in vitro only"].itertuples(index=False):
        refs |= set(str(line.refs).replace("[", "").replace("]", "").replace(",", " ").split())
    assert len(refs) == 9
