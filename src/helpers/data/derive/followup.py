"""Follow-up periods in days, and which arm of a study a printed time belongs to.

The review prints one "Follow-up period" cell per study. For a study in
animals it is the follow-up of the treated animals; for a study in a dish
it is how long the cultured cells were exposed (an incubation time); for a
study with both an animal arm and a culture arm the review does not say
which of the two the single time belongs to. :func:`timed` keeps the three
apart and never assigns an unassigned time to an arm.
"""

from __future__ import annotations

import re

from helpers.data.derive.lexicon import _UNIT_SPELLINGS, DAYS_PER_UNIT, _squash
from helpers.data.derive.result import Derived, _absent

_FOLLOW_UP_RE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>[A-Za-z]+)")

#: What the printed time measures, by setting (the ``time_arm`` column).
TIME_ARMS: dict[str, str] = {
    "in vivo": "follow-up of treated animals",
    "in vitro": "incubation in culture",
    "in vivo + in vitro": "not stated in the review",
}
#: Why a setting-specific time column is empty although a time is printed.
_ELSEWHERE: dict[tuple[str, str], str] = {
    ("follow_up_days", "in vitro"): "in vitro study: no animals to follow up (a printed time is in incubation_hours)",
    ("incubation_hours", "in vivo"): "in vivo study: no culture to incubate (a printed time is in follow_up_days)",
}
_UNASSIGNED = (
    "the study has an animal arm and a culture arm, and the review prints one time without saying which arm "
    "it belongs to (unassigned_time_days)"
)


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


def timed(text: str, setting: Derived) -> dict[str, Derived]:
    """Put a printed Follow-up period cell into the column its setting allows.

    Parameters
    ----------
    text : str
        The printed Follow-up period cell.
    setting : Derived
        The study's setting from :func:`helpers.data.derive.setting`.

    Returns
    -------
    dict of str to Derived
        ``follow_up_days`` (in vivo studies only), ``incubation_hours``
        (in vitro studies only; hours rounded to 9 decimals so that "4 h"
        reads 4, not 3.9999999), ``unassigned_time_days`` (in vivo + in vitro
        studies only: the review does not say which arm the time belongs to)
        and ``time_arm`` (:data:`TIME_ARMS`). Each empty one carries its reason.
    """
    days = follow_up_days(text)
    fields = ("follow_up_days", "incubation_hours", "unassigned_time_days", "time_arm")
    if setting.missing:
        return dict.fromkeys(fields, _absent(f"no setting to assign the time to: {setting.reason}"))
    where = {"in vivo": "follow_up_days", "in vitro": "incubation_hours", "in vivo + in vitro": "unassigned_time_days"}
    own = where[setting.value]
    out: dict[str, Derived] = {}
    for field in fields[:3]:
        if field != own and not (days.missing and setting.value == "in vivo + in vitro"):
            reason = _UNASSIGNED if setting.value == "in vivo + in vitro" else _ELSEWHERE.get((field, setting.value))
            out[field] = _absent(reason or "not an in vivo + in vitro study")
        elif days.missing:
            out[field] = _absent(days.reason if field == "follow_up_days" else days.reason.replace("follow-up", "time"))
        elif field == "incubation_hours":
            out[field] = Derived(round(days.value * 24, 9))
        else:
            out[field] = days
    out["time_arm"] = _absent("no time printed") if days.missing else Derived(TIME_ARMS[setting.value])
    return out
