"""The dosing figure's per-kg panels (issue 18 item 5) against tables and data CSV: what the eye reads is the value.

Expected values are worked by hand from the printed Route/Dosage cells of Tables 1-2 and data/body_mass.csv
(mouse 32.5 g, rat 350 g, rabbit 4000 g), the arithmetic beside each; the rows the audit flags are the ones
tables/audit.csv flags (refs 19, 24, 37, 42, 58, 68). Drawn: systemic (IV or IP) doses on unflagged rows.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from helpers.analysis import dosing
from helpers.audit import flags as audit_flags
from helpers.audit.registry import RULES
from helpers.data import coded, flags
from helpers.plots import dosing as dosing_plot
from helpers.plots.common import plt
from tests.conftest import ROOT

MOUSE, RAT, RABBIT = 0.0325, 0.35, 4.0  # kg
#: ref -> (row label, dose per kg) of every dose the per-kg panels draw.
DRAWN: dict[int, tuple[str, float]] = {
    10: ("cells", 1e7 / MOUSE),  # IP 1 x 10^7, Bmi-1-/- mouse = 3.077e8
    12: ("cells", 2e6 / RAT),  # IV 2 x 10^6 = 5.714e6
    13: ("cells", 1e6 / RAT),  # IV 1 x 10^6 = 2.857e6
    14: ("cells", 1e6 / RAT),
    15: ("cells", 1e6 / MOUSE),  # IV 1 x 10^6 = 3.077e7
    28: ("cells", 5e6 / MOUSE),  # IP 5 x 10^6, SAMP8 = 1.538e8
    29: ("cells", 1e6 / RAT),
    31: ("cells", 1e6 / MOUSE),
    32: ("cells", 1e6 / MOUSE),
    34: ("cells", 6e6 / RABBIT),  # IV 6 x 10^6, rabbit = 1.5e6
    35: ("cells", 5e6 / RAT),  # IV 5 x 10^6 = 1.429e7
    38: ("cells", 5e5 / MOUSE),  # IV 5 x 10^5 = 1.538e7
    40: ("cells", 1e6 / MOUSE),
    41: ("cells", 1e6 / RAT),
    49: ("µg", 150 / MOUSE),  # IP 150 µg = 4615 µg/kg
    51: ("µg", 125 / MOUSE),  # IV 125 µg = 3846
    52: ("µg", 150 / RAT),  # IP 150 µg, rat = 428.6
    57: ("µg", 50 / MOUSE),  # IV 50 µg = 1538
    70: ("µg", 150 / MOUSE),  # IV 150 µg = 4615
    72: ("printed", 1.6 * 1000),  # IV 1.6 mg/kg = 1600 µg/kg
    73: ("printed", 1.6 * 1000),  # Iv 1.6 mg/kg
    78: ("printed", 10 * 1000),  # IV 10 mg/kg = 10,000 µg/kg
}
#: ref -> why a dose given to animals is not drawn per kg.
LEFT: dict[int, str] = {
    **{r: "given locally" for r in (16, 18, 19, 21, 22, 24)},  # OV x 5 (16, 18, 19, 21, 22); MI on a scaffold (24)
    23: "given locally",  # back sides (a scaffold)
    37: "given locally",  # printed NA, in a hydrogel
    43: "given locally",  # SC, skin model
    60: "given locally",  # hippocampus
    61: "given locally",  # ICV (the one particles/kg value)
    62: "given locally",  # IN
    63: "given locally",  # ICV
    80: "given locally",  # femur
    83: "given locally",  # SC, skin model
    42: "row flagged by the audit",  # IV 2 x 10^6, R2
    68: "row flagged by the audit",  # IV 100 mg, W4
    53: "not an amount per animal",  # OV 2 x 10^6 cells for an exosome product
    66: "not an amount per animal",  # IV 0.5 mg/mL, no volume
    67: "not an amount per animal",  # IV 80 µg/mL, no volume
}
#: Route printed in each drawn dose's Route/Dosage cell: IP for refs 10, 28 (Table 1 rows 1, 15) and 49, 52
#: (Table 2 rows 2, 4); every other drawn dose is printed IV (ref 73 as "Iv").
IP = {10, 28, 49, 52}
#: Exosome mimetics by the cited title (ref 70, "exosome-mimetic nanoparticles with platelet membrane fusion").
MIMETIC = {70}
ROWS = {
    ("cells", "IV"): "MSCs, IV: cells ÷ nominal mass",
    ("cells", "IP"): "MSCs, IP: cells ÷ nominal mass (cells may stay in the peritoneal cavity)",
    ("µg", "IV"): "exosomes, IV: µg ÷ nominal mass",
    ("µg", "IP"): "exosomes, IP: µg ÷ nominal mass",
    ("mimetic", "IV"): "exosome mimetics, IV: µg ÷ nominal mass (not secreted exosomes)",
    ("printed", "IV"): "exosomes, IV: printed per kg (mg/kg as µg/kg)",
}


def row_of(ref: int) -> str:
    """The per-kg row a drawn dose belongs on, by hand: its kind, its printed route, and mimetic or not."""
    kind = "mimetic" if ref in MIMETIC else DRAWN[ref][0]
    return ROWS[(kind, "IP" if ref in IP else "IV")]


@pytest.fixture(scope="module")
def figure():
    studies = flags.attach(coded.studies(), audit_flags.by_row(reasons=True))
    panels = dosing.panels(studies)
    fig = dosing_plot.dosing_exhibit(panels, title="T", rule_names={k: r.name for k, r in RULES.items()})
    data = pd.read_csv(ROOT / "figures" / "dosing.data.csv", keep_default_na=False, na_values=[""])
    yield fig, data
    plt.close(fig)


def _axes(fig, unit: str):
    return [ax for ax in fig.axes if any(a.get_gid() == f"perkg:{unit}-points" for a in ax.get_children())]


def test_the_data_csv_holds_the_hand_read_doses_per_kg(figure):
    _, data = figure
    drawn = data[data["panel"] == "doses per kg"].set_index("ref")
    assert sorted(drawn.index) == sorted(DRAWN)  # 14 cells + 5 µg + 3 printed per kg = 22
    for ref, (row, value) in DRAWN.items():
        assert drawn.at[ref, "label"] == row_of(ref), ref
        assert drawn.at[ref, "low"] == pytest.approx(value, rel=1e-9) == drawn.at[ref, "high"]
        assert drawn.at[ref, "unit"] == ("cells/kg" if row == "cells" else "µg/kg")
    left = data[data["panel"] == "doses per kg, not drawn"].set_index("ref")
    assert left["mark"].to_dict() == LEFT  # 15 local + 2 flagged + 3 not an amount = 20; 22 + 20 = 42


@pytest.mark.parametrize("unit", ["cells/kg", "µg/kg"])
def test_every_dose_per_kg_is_a_mark_at_its_value_on_a_log_axis_of_its_own_unit(figure, unit):
    fig, data = figure
    (ax,) = _axes(fig, unit)  # one axis per unit: cells/kg and µg/kg never share one
    assert ax.get_xscale() == "log"
    label = ax.get_xlabel().replace("\n", " ")
    assert label.startswith(f"{unit.split('/')[0]} per kg of ")
    assert "per administration (schedule not reported in the review)" in label  # 7.14
    if unit == "µg/kg":  # 7.5: the axis also carries the doses printed per kg, which no nominal mass divides
        assert "÷ nominal mass, or as the study printed it per kg (bottom row)" in label
        assert "of nominal body mass" not in label
    marks = [
        (round(float(x), 6), float(y))
        for c in ax.get_children()
        if isinstance(c, PathCollection) and c.get_gid() == f"perkg:{unit}-points"
        for x, y in c.get_offsets()
    ]
    part = data[(data["panel"] == "doses per kg") & (data["unit"] == unit)]
    assert Counter(x for x, _ in marks) == Counter(round(float(v), 6) for v in part["low"])
    expected = Counter(round(v, 6) for row, v in DRAWN.values() if (row == "cells") == (unit == "cells/kg"))
    assert Counter(x for x, _ in marks) == expected
    low, high = ax.get_xlim()
    assert all(low < x < high for x, _ in marks)
    # Each mark sits in its own row: the nearest row tick is the row its data line names.
    ticks = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks())}
    by_value = Counter()
    for x, y in marks:
        nearest = min(ticks, key=lambda label: abs(ticks[label] - y))
        by_value[(x, nearest.replace("\n", " "))] += 1
    assert by_value == Counter((round(float(v), 6), lab) for v, lab in zip(part["low"], part["label"]))


def test_stacked_doses_per_kg_are_counted(figure):
    """Studies at one value on one row are stacked and counted: 1e6 cells IV in 4 rats (13, 14, 29, 41) and 4 mice
    (15, 31, 32, 40); 1.6 mg/kg in 2 rats (72, 73). 150 µg in 2 mice is no stack: ref 49 is IP, ref 70 IV
    mimetics, each on its own row (seventh reading 7.3, 7.4)."""
    fig, _ = figure
    counts = [a for ax in fig.axes for a in ax.get_children() if str(a.get_gid()).startswith("perkg:")
              and str(a.get_gid()).endswith("-count")]  # fmt: skip
    got = Counter((round(float(a.xy[0]), 6), a.get_text().split("×")[-1]) for a in counts)
    assert got == Counter(
        {
            (round(1e6 / RAT, 6), "4"): 1,
            (round(1e6 / MOUSE, 6), "4"): 1,
            (1600.0, "2"): 1,
        }
    )


def test_no_two_doses_per_kg_share_a_spot(figure):
    fig, _ = figure
    for unit in ("cells/kg", "µg/kg"):
        (ax,) = _axes(fig, unit)
        spots = [
            (round(math.log10(float(x)), 6), round(float(y), 6))
            for c in ax.get_children()
            if c.get_gid() == f"perkg:{unit}-points"
            for x, y in c.get_offsets()
        ]
        assert len(spots) == len(set(spots)), unit


@pytest.mark.parametrize(
    ("unit", "row", "refs"),
    [
        ("cells/kg", ROWS[("cells", "IV")], {12, 13, 14, 15, 29, 31, 32, 34, 35, 38, 40, 41}),
        ("cells/kg", ROWS[("cells", "IP")], {10, 28}),  # 1e7 / 0.0325 = 3.08e8; 5e6 / 0.0325 = 1.54e8
        ("µg/kg", ROWS[("µg", "IV")], {51, 57}),  # 125 / 0.0325 = 3846; 50 / 0.0325 = 1538
        ("µg/kg", ROWS[("µg", "IP")], {49, 52}),  # 150 / 0.0325 = 4615; 150 / 0.35 = 428.6
        ("µg/kg", ROWS[("mimetic", "IV")], {70}),  # 150 / 0.0325 = 4615
        ("µg/kg", ROWS[("printed", "IV")], {72, 73, 78}),
    ],
)
def test_each_route_and_the_mimetics_have_a_row_of_their_own(figure, unit, row, refs):
    """7.3, 7.4: an IP dose is never on an IV row, and ref 70's mimetics are apart from secreted exosomes; the
    marks on each row's tick are at exactly the hand-read values of its refs."""
    fig, data = figure
    (ax,) = _axes(fig, unit)
    ticks = {t.get_text().replace("\n", " "): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks())}
    assert row in ticks
    marks = [
        round(float(x), 6)
        for c in ax.get_children()
        if isinstance(c, PathCollection) and c.get_gid() == f"perkg:{unit}-points"
        for x, y in c.get_offsets()
        if min(ticks, key=lambda label: abs(ticks[label] - y)) == row
    ]
    assert Counter(marks) == Counter(round(DRAWN[r][1], 6) for r in refs)
    drawn = data[(data["panel"] == "doses per kg") & (data["label"] == row)]
    assert set(drawn["ref"]) == refs
    assert all(("exosome mimetics" in m) == (r in MIMETIC) for r, m in zip(drawn["ref"], drawn["mark"]))


def test_each_per_kg_axis_counts_its_own_studies(figure):
    """7.11: the cells/kg axis says its 14 (12 IV + 2 IP), the µg/kg axis its 8 (5 divided + 3 printed per kg)."""
    fig, _ = figure
    (cells,) = _axes(fig, "cells/kg")
    (ug,) = _axes(fig, "µg/kg")
    assert cells.get_title(loc="left").endswith("\ncells/kg: 14 studies")
    assert ug.get_title(loc="left") == "µg/kg: 8 studies"
    assert sum(1 for row, _ in DRAWN.values() if row == "cells") == 14
    assert sum(1 for row, _ in DRAWN.values() if row != "cells") == 8


def test_the_coded_dataset_says_which_doses_per_kg_are_systemic():
    """7.12: tables/studies.csv dose_per_kg_delivery: systemic for the 22 drawn and the 2 flagged IV doses (refs
    42, 68), local for the 15 local ones, empty where there is no dose per kg (refs 53, 66, 67)."""
    table = pd.read_csv(ROOT / "tables" / "studies.csv", keep_default_na=False, na_values=[""]).set_index("ref")
    systemic = {*DRAWN, 42, 68}
    local = {r for r, why in LEFT.items() if why == "given locally"}
    for ref in systemic:
        assert table.at[ref, "dose_per_kg_delivery"] == "systemic (IV or IP)", ref
    for ref in local:
        assert table.at[ref, "dose_per_kg_delivery"] == "local (per kg of whole body not meaningful)", ref
    for ref in (53, 66, 67):
        assert pd.isna(table.at[ref, "dose_per_kg_delivery"]), ref
    has = table["dose_per_kg_delivery"].notna()
    assert set(table.index[has]) == systemic | local  # 24 + 15 = the 39 per-kg values
    package = (ROOT / "tables" / "datapackage.json").read_text(encoding="utf-8")
    assert '"name": "dose_per_kg_delivery"' in package


def test_the_key_scales_the_adult_ranges_by_the_mass_the_run_used():
    """A run with ``body_mass_g={"mouse": 25}`` draws mouse doses per kg of 25 g, so the key's adult-range factor
    for mice is 25/35 = 0.71 to 25/30 = 0.83 (the source prints 30-35 g), not the file's 32.5/35 to 32.5/30.

    Before the fix the figure's key kept 0.93 to 1.1 whatever mass the run drew with.
    """
    override = {"mouse": 25}
    studies = flags.attach(dosing.per_kg(coded.studies(), override), audit_flags.by_row(reasons=True))
    fig = dosing_plot.dosing_exhibit(
        dosing.panels(studies), title="T", rule_names={k: r.name for k, r in RULES.items()}, body_mass_g=override
    )
    try:
        words = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
    finally:
        plt.close(fig)
    assert "mouse 30-35 g: 0.71 to 0.83 times the drawn value" in " ".join(words.split())
    assert "0.93 to 1.1" not in words
