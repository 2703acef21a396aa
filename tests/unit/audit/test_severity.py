"""Severities at both sides of every graded threshold of the audit (issue 21).

A rule that fires at the wrong severity changes what a reader is told to
fix first; the mutant that moved W4's threshold from tenfold to a hundredfold
survived every test that only checked that the rule fired. The expected
severities are read off each rule's docstring.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.audit.registry import RULES
from tests.unit.audit.test_audit import NA, fired, rows

#: Documented ranges, as data/dose_ranges.csv states them (low, high).
RANGES = pd.DataFrame(
    [
        ("cells", "mouse", "cells", "cells", "1e4", "1e7"),
        ("exosomes", "mouse", "mass as printed", "µg", "0.1", "500"),
    ],
    columns=["modality", "host_species", "dose_kind", "unit", "low", "high"],
).assign(basis="typical reported doses")


def _dose(kind, low, high, unit, modality):
    return {"modality": modality, "dose_kind": kind, "dose_low": low, "dose_high": high, "dose_unit": unit}


def cells(low, high=None):
    return _dose("cells", low, low if high is None else high, "cells", "cells")


def protein(low, high=None):
    return _dose("mass as printed", low, low if high is None else high, "µg", "exosomes")


# W4: "A dose outside its range: warning beyond tenfold, check within."
# factor = max(range low / dose low, dose high / range high).
W4_CASES = [
    # what, row, expected [(severity, row)], words of the message
    ("above: exactly tenfold is within", cells(1e8), [("check", "1")], "about 10-fold"),
    ("above: just over tenfold is beyond", cells(1.1e8), [("warning", "1")], "about 11-fold"),
    ("above: twentyfold (under a hundredfold) is beyond", protein(1e4), [("warning", "1")], "about 20-fold"),
    ("above: fiftyfold", cells(5e8), [("warning", "1")], "about 50-fold"),
    ("above: 1.2-fold is just outside", protein(600.0), [("check", "1")], "just outside"),
    ("below: exactly tenfold is within", cells(1e3), [("check", "1")], "about 10-fold"),
    ("below: twentyfold is beyond", cells(5e2), [("warning", "1")], "about 20-fold"),
    ("below: fortyfold", protein(0.0025), [("warning", "1")], "about 40-fold"),
    ("below: a zero dose is infinitely far", protein(0.0), [("warning", "1")], "-fold"),
    ("a range of arms: the high arm decides", cells(1e5, 3e8), [("warning", "1")], "about 30-fold"),
    ("a range of arms: the low arm decides", cells(1e2, 1e6), [("warning", "1")], "about 100-fold"),
    ("on the upper bound: nothing", cells(1e7), [], ""),
    ("on the lower bound: nothing", protein(0.1), [], ""),
]


@pytest.mark.parametrize("what, row, expected, words", W4_CASES, ids=[c[0] for c in W4_CASES])
def test_w4_severity_is_warning_beyond_tenfold_and_check_within(what, row, expected, words):
    """W4 (dose outside the documented range): warning beyond tenfold, check from just outside up to tenfold."""
    found = RULES["W4"].check(rows(row), RANGES)
    assert fired(found) == expected, what
    assert all(words in f.message for f in found), [f.message for f in found]


# L4: "Warning when more than half the readable doses use another unit, check when a few do."
L4_CASES = [
    ("1 of 2 in another unit: half is not more than half", ["cells", "µg"], [("check", "header")]),
    ("2 of 3 in another unit: more than half", ["cells", "µg", "µg"], [("warning", "header")]),
    ("2 of 4 in another unit: exactly half", ["cells", "cells", "µg", "mg/kg"], [("check", "header")]),
    ("3 of 4 in another unit", ["cells", "µg", "µg", "mg/kg"], [("warning", "header")]),
    ("1 of 1 in another unit", ["µg"], [("warning", "header")]),
    ("none in another unit", ["cells", "cells", NA], []),
]


@pytest.mark.parametrize("what, units, expected", L4_CASES, ids=[c[0] for c in L4_CASES])
def test_l4_severity_is_warning_past_half_and_check_up_to_half(what, units, expected):
    """L4 (header unit contradicted by the cells): warning when more than half differ, check otherwise."""
    frame = rows(*({"table": "table2", "dose_unit": u} for u in units))
    found = RULES["L4"].check({"table2": {"route_dosage": "Route Dosage/cells"}}, frame)
    assert fired(found) == expected, what
    if expected:
        word = "most" if expected[0][0] == "warning" else "some"
        assert f"but {word} doses" in found[0].message


# W1: error if the row calls the graft allogeneic, autologous or syngeneic; check for two animal species.
W1_CASES = [
    ("rat cells in a mouse, nothing said: check", {"donor_species": "rat"}, [("check", "1")]),
    (
        "rat cells in a mouse called allogeneic: error",
        {"donor_species": "rat", "effects": "ALLOGENEIC graft"},
        [("error", "1")],
    ),
    ("human cells in a mouse called autologous: error", {"effects": "Autologous transplant"}, [("error", "1")]),
    ("human cells in a mouse, nothing said: the norm", {}, []),
]


@pytest.mark.parametrize("what, row, expected", W1_CASES, ids=[c[0] for c in W1_CASES])
def test_w1_severity_error_when_the_row_names_the_relation_else_check(what, row, expected):
    """W1 (donor against host species): error when the text names a same-species relation, in any case."""
    assert fired(RULES["W1"].check(rows(row))) == expected, what


# W6: an in vitro row whose Effects speak of animals, in any case (warning).
W6_CASES = [
    ("lower case", "improved memory in mice", [("warning", "1")]),
    ("upper case", "IMPROVED MEMORY IN MICE", [("warning", "1")]),
    ("title case", "Shown In Vivo", [("warning", "1")]),
    ("no animal", "Proliferation of granulosa cells", []),
]


@pytest.mark.parametrize("what, effects, expected", W6_CASES, ids=[c[0] for c in W6_CASES])
def test_w6_finds_animal_words_in_any_case(what, effects, expected):
    """W6 (in vitro row with animal effects): matched case-insensitively, warning."""
    row = {"setting": "in vitro", "host_species": NA, "effects": effects}
    assert fired(RULES["W6"].check(rows(row))) == expected, what


IN_VITRO_RANGES = pd.concat(
    [
        RANGES,
        pd.DataFrame(
            [("exosomes", "in vitro", "concentration", "µg/mL", "1", "100")],
            columns=["modality", "host_species", "dose_kind", "unit", "low", "high"],
        ).assign(basis="typical reported doses"),
    ],
    ignore_index=True,
)


def _in_vitro(value):
    return _dose("concentration", value, value, "µg/mL", "exosomes") | {"setting": "in vitro", "host_species": NA}


W4_HOSTS = [
    ("in vitro rows use the in vitro range: twentyfold", _in_vitro(2000.0), [("warning", "1")]),
    ("in vitro rows use the in vitro range: inside", _in_vitro(50.0), []),
    ("an in vivo row without a host has no range", protein(1e5) | {"host_species": NA}, []),
]


@pytest.mark.parametrize("what, row, expected", W4_HOSTS, ids=[c[0] for c in W4_HOSTS])
def test_w4_range_is_chosen_by_host_and_in_vitro_setting(what, row, expected):
    """W4 looks a dose up under its host species, or under "in vitro" for an in vitro row; no host, no range."""
    assert fired(RULES["W4"].check(rows(row), IN_VITRO_RANGES)) == expected, what


@pytest.mark.parametrize(
    "row, shown",
    [
        (cells(2e8), "read as 200,000,000 cells; data/dose_ranges.csv cells / mouse: 10,000 to 10,000,000 cells"),
        (protein(0.0025), "read as 0.0025 µg; data/dose_ranges.csv exosomes / mouse: 0.1 to 500 µg"),
        (cells(5e2, 2e8), "read as 500 to 200,000,000 cells"),
    ],
)
def test_w4_evidence_prints_doses_as_a_reader_writes_them(row, shown):
    """W4 evidence: whole numbers with thousands separators, others as short decimals; a range as "a to b"."""
    (finding,) = RULES["W4"].check(rows(row), RANGES)
    assert shown in finding.evidence


def test_w3_skips_an_in_vivo_row_without_a_host():
    """W3: without a host species there is no range to miss (the row is not reported)."""
    row = _dose("cells", 2e6, 2e6, "cells", "exosomes") | {"host_species": NA}
    assert fired(RULES["W3"].check(rows(row), RANGES)) == []


def test_w1_reads_the_relation_in_every_column_it_names():
    """W1 reads effects, precondition and animal model as one text: a relation word opening the last still counts."""
    row = {"donor_species": "rat", "effects": "improved memory", "precondition": "", "animal_model": "allograft model"}
    assert fired(RULES["W1"].check(rows(row))) == [("error", "1")]
