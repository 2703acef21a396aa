"""Printed doses: every arm in printed order, their unit, and the lowest and highest arm."""

from __future__ import annotations

import re

from helpers.data.derive.result import Derived, Dose, DoseArms, _absent
from helpers.data.derive.routes import split_route_dosage

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_DIGITS = "0-9⁰¹²³⁴⁵⁶⁷⁸⁹"
# Amount ends at the last (possibly superscript) digit; the unit is the rest.
_AMOUNT_UNIT_RE = re.compile(rf"(?P<amount>.*?[{_DIGITS}])\s*(?P<unit>[^{_DIGITS}]*)")
_ARM_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# One arm: "150", "3.5 × 10⁵", "2×10⁶", "1 x 10^9". The exponent must follow
# "10" directly so "10 mg/kg" stays the number ten.
_TERM_RE = re.compile(
    r"""
    (?P<mantissa>\d+(?:\.\d+)?)
    (?:\s*[×xX]\s*10(?:(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\^\s*(?P<caret>-?\d+)))?
    """,
    re.VERBOSE,
)
_MASS_UNIT_RE = re.compile(r"(?P<mass>[nµum]?g)(?:\s*/\s*(?P<per>ml|kg|g))?")
_COUNT_UNITS = {
    "cell": "cells",
    "cells": "cells",
    "particle": "particles",
    "particles": "particles",
}


def _normalise_unit(unit: str) -> str | None:
    """Return the canonical spelling of a dose unit, or None if unknown."""
    lowered = unit.strip().lower().replace("μ", "µ")  # Greek mu -> micro sign
    if lowered in _COUNT_UNITS:
        return _COUNT_UNITS[lowered]
    match = _MASS_UNIT_RE.fullmatch(lowered)
    if match is None:
        return None
    mass = "µg" if match["mass"] == "ug" else match["mass"]
    per = {"ml": "mL", "kg": "kg", "g": "g", None: ""}[match["per"]]
    return f"{mass}/{per}" if per else mass


def _term_value(term: str) -> float | None:
    """Return the number one dose arm prints, or None if unreadable."""
    match = _TERM_RE.fullmatch(term)
    if match is None:
        return None
    exponent = match["sup"].translate(_SUPERSCRIPTS) if match["sup"] else match["caret"]
    # Going through the decimal string keeps 3.5 × 10⁵ exactly 350000.0.
    return float(f"{match['mantissa']}e{exponent}" if exponent else match["mantissa"])


def dose_arms(text: str, default_unit: str | None = None) -> Derived:
    """Read every printed dose arm of a "Route Dosage/cells" cell.

    Parameters
    ----------
    text : str
        The whole printed cell; the route in front is skipped (see
        :func:`split_route_dosage`).
    default_unit : str, optional
        Unit of a bare number, as for :func:`dose`.

    Returns
    -------
    Derived
        A :class:`DoseArms`: the arms as floats in printed order
        (``"200, 400 and 600 µg"`` -> ``(200.0, 400.0, 600.0)``) and the
        normalised unit, None when neither the cell nor a default gives one.
    """
    _, dose_text = split_route_dosage(text)
    if not dose_text:
        return _absent("no dose printed")
    if dose_text.upper() == "NA":
        return _absent("dose printed as NA")
    split = _AMOUNT_UNIT_RE.fullmatch(dose_text)
    if split is None:
        return _absent(f"dose '{dose_text}' is not in a recognised form")
    unit = default_unit or None
    if split["unit"]:
        unit = _normalise_unit(split["unit"])
        if unit is None:
            return _absent(f"dose unit '{split['unit']}' is not recognised")
    values = [_term_value(term) for term in _ARM_SPLIT_RE.split(split["amount"])]
    if not values or any(v is None for v in values):
        return _absent(f"dose '{dose_text}' is not in a recognised form")
    return Derived(DoseArms(tuple(values), unit))


def dose(text: str, default_unit: str | None = None) -> Derived:
    """Read the dose from a "Route Dosage/cells" cell.

    Parameters
    ----------
    text : str
        The whole printed cell (``"IV 1 × 10⁶"``, ``"SC 200, 400 and 600
        µg"``); the route in front is skipped (see
        :func:`split_route_dosage`).
    default_unit : str, optional
        Unit of a bare number, when the column header supplies one (Table 1
        prints "Dosage/cells", so ``"cells"``). Without it a bare number is
        missing.

    Returns
    -------
    Derived
        A :class:`Dose` ``(low, high, unit, n_arms)``: the lowest and the
        highest printed arm, the normalised unit, and the number of arms
        (``"200, 400 and 600 µg"`` -> ``(200.0, 600.0, "µg", 3)``).
    """
    arms = dose_arms(text, default_unit)
    if arms.missing:
        return arms
    values, unit = arms.value
    if unit is None:
        return _absent(f"dose '{split_route_dosage(text)[1]}' printed without a unit")
    return Derived(Dose(min(values), max(values), unit, len(values)))
