"""Which doses the per-kg panels draw, on which row, and why the others are left out: literal doses, by rule.

Covers :func:`helpers.analysis.dosing.per_kg_row`, :func:`~helpers.analysis.dosing.per_kg_panels` and
:func:`~helpers.analysis.dosing.per_kg`. The doses are synthetic lines in the shape of
:func:`~helpers.analysis.dosing.doses`, each after a printed row (named in its id or comment); the expected row
labels are those of :data:`~helpers.analysis.dosing.PER_KG_ROWS` and the reasons those of
:data:`~helpers.analysis.dosing.PER_KG_LEFT`, first that applies: not an amount per animal (or no sourced
mass), local, flagged. In vitro rows gave no animal anything and are in neither frame.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import dosing

IV_CELLS = "MSCs, IV: cells ÷ nominal mass"
IP_CELLS = "MSCs, IP: cells ÷ nominal mass\n(cells may stay in the peritoneal cavity)"
PRINTED_PER_KG = "exosomes, IV: printed per kg\n(mg/kg as µg/kg)"
MIMETICS = "exosome mimetics, IV: µg ÷ nominal mass\n(not secreted exosomes)"


@pytest.mark.parametrize(
    ("unit", "route", "printed", "mimetic", "label"),
    [
        pytest.param("cells/kg", "IV", False, False, IV_CELLS, id="msc-iv"),
        pytest.param("cells/kg", "IP", False, False, IP_CELLS, id="msc-ip-may-stay-in-the-peritoneum"),
        pytest.param("cells/kg", "IV", False, True, IV_CELLS, id="cells-are-msc-whatever-the-mimetic-mark"),
        pytest.param("particles/kg", "IV", False, False, "exosomes, IV: particles ÷ nominal mass", id="particles-iv"),
        pytest.param("particles/kg", "IP", False, False, "exosomes, IP: particles ÷ nominal mass", id="particles-ip"),
        pytest.param("µg/kg", "IV", False, False, "exosomes, IV: µg ÷ nominal mass", id="ug-iv"),
        pytest.param("µg/kg", "IP", False, False, "exosomes, IP: µg ÷ nominal mass", id="ref-49-150-ug-ip"),
        pytest.param("µg/kg", "IV", False, True, MIMETICS, id="ref-70-mimetics-apart"),
        pytest.param("µg/kg", "IV", True, False, PRINTED_PER_KG, id="ref-72-1.6-mg-per-kg-as-printed"),
        pytest.param("µg/kg", "IP", True, False, "exosomes, IP: printed per kg", id="no-such-row-the-head-itself"),
        pytest.param("cells/kg", "OV", False, False, "MSCs, OV: cells ÷ nominal mass", id="a-local-route-has-no-row"),
    ],
)
def test_per_kg_row_names_product_route_and_how_the_value_was_obtained(unit, route, printed, mimetic, label):
    assert dosing.per_kg_row(unit, route, printed, mimetic) == label


def _line(ref: int, kind: str, unit: object, route: str, systemic: object, **changes) -> dict:
    """A dose line (table 1 for cells, else table 2) with its per-kg cells."""
    table = "table1" if kind.startswith("cells") and not kind.endswith("exosomes") else "table2"
    return {
        "table": table,
        "row": ref % 30,
        "ref": ref,
        "setting": "in vivo",
        "dose_kind": kind,
        "route": route,
        "dose_per_kg_low": 1.0,
        "dose_per_kg_high": 2.0,
        "dose_per_kg_unit": unit,
        "dose_per_kg_basis": "printed dose per administration / nominal mouse body mass 32.5 g",
        "per_kg_systemic": systemic,
        "carrier": False,
        "mimetic": False,
        "audit_flag": False,
        **changes,
    }


def _frame(lines: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(lines)
    types = {"dose_per_kg_unit": "string", "dose_per_kg_basis": "string", "route": "string", "setting": "string"}
    types |= {"dose_kind": "string", "per_kg_systemic": "boolean", "mimetic": "boolean", "audit_flag": "boolean"}
    return frame.astype({c: t for c, t in types.items() if c in frame})


LINES = [
    _line(29, "cells", "cells/kg", "IV", True),  # drawn
    _line(15, "cells", "cells/kg", "NA (printed)", False, carrier=True),  # ref 37's kind: in a hydrogel -> local
    _line(66, "injected concentration", pd.NA, "IV", False, dose_per_kg_basis=pd.NA),  # not an amount
    _line(53, "cells, printed for exosomes", pd.NA, "OV", False, audit_flag=True),  # not an amount, first reason
    _line(34, "cells", pd.NA, "IV", False, audit_flag=True),  # an amount, but no sourced mass for the host
    _line(42, "cells", "cells/kg", "IV", True, audit_flag=True),  # flagged (R2)
    _line(63, "mass as printed", "µg/kg", "ICV", False, audit_flag=True),  # local comes before flagged
    _line(70, "mass as printed", "µg/kg", "IV", True, mimetic=True),  # drawn, mimetics row
    _line(72, "mass per body mass", "µg/kg", "IV", True, dose_per_kg_basis="printed per kg (mg/kg restated in µg/kg)"),
    _line(58, "in vitro concentration", pd.NA, "coculture (no route of administration)", pd.NA, setting="in vitro"),
    _line(51, "mass as printed", "µg/kg", "IP", True, setting="in vivo + in vitro"),  # drawn: has animals
    _line(61, "particles", "particles/kg", "IV", pd.NA),  # systemic not decided: not drawn as systemic
]


def test_per_kg_panels_draw_systemic_unflagged_doses_and_leave_the_rest_with_the_first_reason():
    drawn, left = dosing.per_kg_panels(_frame(LINES))
    assert drawn[["ref", "per_kg_row"]].values.tolist() == [
        [29, IV_CELLS],
        [70, MIMETICS],
        [72, PRINTED_PER_KG],
        [51, "exosomes, IP: µg ÷ nominal mass"],
    ]
    assert str(drawn["per_kg_row"].dtype) == "string"
    assert left[["ref", "per_kg_left"]].values.tolist() == [
        [15, "local"],
        [66, "not an amount"],
        [53, "not an amount"],
        [34, "no mass"],
        [42, "flagged"],
        [63, "local"],
        [61, "local"],
    ]
    assert drawn.index.tolist() == [0, 1, 2, 3]
    assert left.index.tolist() == list(range(7))
    # every column of the dose lines is kept, and only the label or the reason is added (renumbered, no old index)
    assert list(drawn.columns) == [*_frame(LINES).columns, "per_kg_row"]
    assert list(left.columns) == [*_frame(LINES).columns, "per_kg_left"]
    assert str(left["per_kg_left"].dtype) == "string"
    assert set(dosing.PER_KG_LEFT) >= set(left["per_kg_left"])


def test_per_kg_panels_without_the_audit_or_mimetic_columns_flag_nothing_and_mark_no_mimetic():
    frame = _frame(LINES).drop(columns=["audit_flag", "mimetic"])
    drawn, left = dosing.per_kg_panels(frame)
    assert drawn[["ref", "per_kg_row"]].values.tolist() == [
        [29, IV_CELLS],
        [42, IV_CELLS],
        [70, "exosomes, IV: µg ÷ nominal mass"],
        [72, PRINTED_PER_KG],
        [51, "exosomes, IP: µg ÷ nominal mass"],
    ]
    assert "flagged" not in set(left["per_kg_left"])
    assert left["ref"].tolist() == [15, 66, 53, 34, 63, 61]


def test_per_kg_panels_read_undecided_marks_as_not_set():
    """An NA audit flag is no flag and an NA mimetic mark no mimetic: the dose is drawn on its plain row."""
    frame = _frame([_line(70, "mass as printed", "µg/kg", "IV", True, mimetic=pd.NA, audit_flag=pd.NA)])
    drawn, left = dosing.per_kg_panels(frame)
    assert drawn["per_kg_row"].tolist() == ["exosomes, IV: µg ÷ nominal mass"]
    assert len(left) == 0


def test_per_kg_panels_of_only_dish_doses_are_empty():
    drawn, left = dosing.per_kg_panels(_frame([LINES[9]]))
    assert (len(drawn), len(left)) == (0, 0)
    # the row label is text even when nothing is drawn
    assert str(drawn["per_kg_row"].dtype) == "string"


def test_per_kg_without_an_override_keeps_the_datasets_own_columns():
    studies = pd.DataFrame({"ref": [10], "dose_per_kg_low": [1e7 / 0.0325], "host_species": ["mouse"]})
    assert dosing.per_kg(studies) is studies
    assert dosing.per_kg(studies, {}) is studies
