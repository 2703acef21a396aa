"""Table 3's phase and registry (NCT) number."""

from __future__ import annotations

import re

from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent

_PHASE_RE = re.compile(r"(?:phase)?(?P<first>[1-4])(?:/(?P<second>[1-4]))?", re.IGNORECASE)


def phase(text: str) -> Derived:
    """Normalise a Table 3 Phases cell.

    Parameters
    ----------
    text : str
        E.g. ``"1/ 2"``, ``"1/2"``, ``"1"``, ``"2"``.

    Returns
    -------
    Derived
        ``"1"``, ``"2"``, ``"1/2"`` and so on.
    """
    cell = _squash(text)
    if not cell:
        return _absent("no phase printed")
    match = _PHASE_RE.fullmatch(cell.replace(" ", ""))
    if match is None:
        return _absent(f"not a trial phase: '{cell}'")
    return Derived("/".join(p for p in (match["first"], match["second"]) if p))


_NCT_RE = re.compile(r"NCT\d{8}")
_REFERENCE_RE = re.compile(r"\[\d+(?:[,–-]\s*\d+)*\]")


def nct_id(text: str) -> Derived:
    """Read a Table 3 NCT number cell.

    Parameters
    ----------
    text : str
        E.g. ``"NCT01742533"``; row 17 prints the reference ``"[39]"``.

    Returns
    -------
    Derived
        The NCT identifier, or missing with a reason.
    """
    cell = _squash(text)
    if not cell:
        return _absent("no NCT number printed")
    if _NCT_RE.fullmatch(cell):
        return Derived(cell)
    if _REFERENCE_RE.fullmatch(cell):
        return _absent(f"a reference number {cell} printed instead of an NCT number")
    return _absent(f"'{cell}' is not an NCT number")
