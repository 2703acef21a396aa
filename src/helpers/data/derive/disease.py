"""The disease code of a printed Disease cell."""

from __future__ import annotations

from helpers.data.derive.lexicon import _DISEASE_SPELLINGS, _squash
from helpers.data.derive.result import Derived, _absent


def disease_code(text: str) -> Derived:
    """Map a printed Disease / Disease Type cell to a disease code.

    Parameters
    ----------
    text : str
        The printed cell, e.g. ``"POF"``, ``"Aging skin"``, ``"weakness"``.

    Returns
    -------
    Derived
        One of the keys of :data:`DISEASE_CODES`, or missing with a reason.
    """
    cell = _squash(text)
    if not cell:
        return _absent("no disease printed")
    code = _DISEASE_SPELLINGS.get(cell.lower())
    if code is None:
        return _absent(f"disease '{cell}' is not a known disease code")
    return Derived(code)
