"""Every number of the dosing exhibit's per-kg and lifespan sentences, against the hand-read expectations.

The expectations are tests/unit/data/test_perkg.py's, read from Tables 1-2 and the two data files; the
sentences are rounded as printed (two significant digits per kg, one decimal of a per cent for shares).
"""

from __future__ import annotations

import re
import statistics

import pytest

from helpers.analysis import dosing
from helpers.data import coded
from helpers.outputs import narrative
from tests.unit.data.test_perkg import PER_KG, SHARE


@pytest.fixture(scope="module")
def notice() -> str:
    doses, follow, hours, _routes, missing, _matrix, _summary = dosing.panels(coded.studies())
    return narrative.dosing_notice(doses, follow, hours, missing)


def _sentence(text: str, start: str) -> str:
    return next(s for s in re.split(r"(?<=\.) (?=[A-Z0-9])", text) if s.startswith(start))


def test_per_kg_sentence(notice):
    said = _sentence(notice, "Per kg of body mass")
    cells = [v for v in PER_KG.values() if v[2] == "cells/kg"]
    # 39 restated of 42 amounts in studies with animals (45 readable amounts minus the 3 in a dish)
    assert said.startswith(f"Per kg of body mass: {len(PER_KG)} of the 42 amounts given to or injected into animals")
    # 36 divided by the assumed mass + 3 printed per kg (refs 72, 73, 78) = 39 (seventh reading 7.15)
    assert "(36 computed from the assumed mass, mouse 32.5 g, rat 350 g, rabbit 4000 g from data/body_mass.csv," in said
    assert "3 printed per kg by the study)" in said
    # cells: min IV 6e6 / 4 kg rabbit = 1.5e6; without the audit's columns no row is set apart as flagged, so
    # the systemic (IV/IP) cell range is 15 studies (14 mouse and rat + the rabbit) up to ref 10's
    # 1e7 / 0.0325 = 3.077e8 (sixth reading 6.2)
    assert min(v[0] for v in cells) == pytest.approx(1.5e6, rel=1e-9)
    # the ends named (seventh reading 7.2); the other 13 (with ref 42, 2e6 / 0.0325 = 6.2e7): 1e6 / 0.35 = 2.9e6 to
    # ref 28's 5e6 / 0.0325 = 1.5e8
    assert (
        "1.5×10⁶ (ref 34, rabbit, IV) to 3.1×10⁸ cells/kg (ref 10, mouse, IP; the other 13 span 2.9×10⁶ to 1.5×10⁸) "
        "(15 studies, by the assumed mass)"
    ) in notice
    # mass by the assumed mass: IP 150 µg / 0.35 kg rat = 428.6 (ref 52) to IV 100 mg / 0.0325 kg = 3.077e6 (ref
    # 68), 6 studies; the other 4 (refs 49, 51, 57, 70): 50 / 0.0325 = 1538 to 150 / 0.0325 = 4615
    assert (
        "430 (ref 52, rat, IP) to 3.1×10⁶ µg/kg (ref 68, mouse, IV; the other 4 span 1.5×10³ to 4.6×10³) "
        "(6 studies, by the assumed mass; 1 of them, ref 70, exosome mimetics, not secreted exosomes)"
    ) in notice
    assert "1.6×10³ to 1×10⁴ µg/kg (3 studies, printed per kg by the study)" in notice
    assert "The other 3 amounts are not restated" in notice  # 2 injected concentrations, 1 cells for exosomes


def test_lifespan_sentence(notice):
    said = _sentence(notice, "As a share of the host's maximum recorded lifespan")
    shares = list(SHARE.values())
    assert f"the follow-up of {len(shares)} of the 37 in vivo studies" in said
    assert f"span {min(shares):.1%} to {max(shares):.1%}, median {statistics.median(shares):.1%}" in said
    assert "0.2% to 25.0%" in said  # 72 h = 3 days / 1387; 365 / 1460 (no audit columns: nothing set apart)
    assert "the other 1 has a host without a sourced lifespan" in said  # the rabbit, Table 1 row 20


def test_an_override_names_where_each_mass_comes_from():
    studies = dosing.per_kg(coded.studies(), {"mouse": 25.0})
    doses, follow, hours, _routes, missing, _matrix, _summary = dosing.panels(studies)
    text = narrative.dosing_notice(doses, follow, hours, missing, {"mouse": 25.0})
    said = _sentence(text, "Per kg of body mass")
    assert "mouse 25 g from the parameter body_mass_g, rat 350 g, rabbit 4000 g from data/body_mass.csv," in said
    # cells: min 6e6 / 4 kg = 1.5e6 (rabbit, unchanged); max systemic IP 1e7 / 0.025 kg = 4e8 (ref 10); the
    # other 13: 1e6 / 0.35 = 2.9e6 to ref 28's 5e6 / 0.025 = 2e8
    assert (
        "1.5×10⁶ (ref 34, rabbit, IV) to 4×10⁸ cells/kg (ref 10, mouse, IP; the other 13 span 2.9×10⁶ to 2×10⁸) "
        "(15 studies, by the assumed mass)"
    ) in text
