"""Table 2's printed vesicle size in nanometres."""

from __future__ import annotations

import re

from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent

_SIZE_RE = re.compile(r"(?P<low>\d+(?:\.\d+)?)(?:\s*[–—-]\s*(?P<high>\d+(?:\.\d+)?))?\s*nm", re.IGNORECASE)


def size_nm(text: str) -> Derived:
    """Read a Size/nm cell as a ``(low, high)`` range in nanometres.

    Parameters
    ----------
    text : str
        E.g. ``"30–200 nm"``, ``"30–40nm"``, ``"160 nm"``.

    Returns
    -------
    Derived
        ``(low, high)`` floats; a single size gives ``low == high``.
    """
    cell = _squash(text)
    if not cell:
        return _absent("no size printed")
    match = _SIZE_RE.fullmatch(cell)
    if match is None:
        return _absent(f"size '{cell}' is not a size or size range in nm")
    low = float(match["low"])
    high = float(match["high"]) if match["high"] else low
    if high < low:
        return _absent(f"size range '{cell}' runs backwards")
    return Derived((low, high))
