"""Follow-up periods in days."""

from __future__ import annotations

import re

from helpers.data.derive.lexicon import _UNIT_SPELLINGS, DAYS_PER_UNIT, _squash
from helpers.data.derive.result import Derived, _absent

_FOLLOW_UP_RE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>[A-Za-z]+)")


def follow_up_days(text: str) -> Derived:
    """Convert a Follow-up period cell to days.

    Parameters
    ----------
    text : str
        E.g. ``"21 days"``, ``"3 Weeks"``, ``"2 months"``, ``"1 year"``,
        ``"72 h"`` (case-insensitive).

    Returns
    -------
    Derived
        Float days, using :data:`DAYS_PER_UNIT` (month = 30 days,
        year = 365 days, hour = 1/24 day).
    """
    cell = _squash(text)
    if not cell:
        return _absent("no follow-up printed")
    match = _FOLLOW_UP_RE.fullmatch(cell)
    unit = _UNIT_SPELLINGS.get(match["unit"].lower()) if match else None
    if unit is None:
        return _absent(f"follow-up '{cell}' is not a number of hours/days/weeks/months/years")
    return Derived(float(match["n"]) * DAYS_PER_UNIT[unit])
