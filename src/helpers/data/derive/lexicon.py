"""Printed spellings and the fixed conversions every parser shares."""

from __future__ import annotations

from helpers.core.vocab import DISEASE_CODES, STUDY_TABLES, TABLE_OF_RESOURCE

# Printed disease spellings (lower-cased) -> code. "weakness" is the printed
# label of Table 1's Bmi-1-deficient premature-ageing mouse model.
_DISEASE_SPELLINGS: dict[str, str] = {
    "aging skin": "SKIN",
    "skin aging": "SKIN",
    "weakness": "WEAK",
    **{code.lower(): code for code in DISEASE_CODES},
    **{label.lower(): code for code, label in DISEASE_CODES.items()},
}

# One-letter donor prefixes as printed in Tables 1-2 ("hUC-MSC", "rBM-MSC").
# Matched case-sensitively: the legends only ever print them lower-case.
_SPECIES_PREFIXES: dict[str, str] = {"h": "human", "m": "mouse", "r": "rat"}

#: Spelled-out route sites (lower-cased printed text) -> stable route code.
ROUTE_SITES: dict[str, str] = {
    "coculture": "COCULTURE",
    "co-culture": "COCULTURE",
    "hippocampus": "HIPPOCAMPUS",
    "back sides": "BACK_SIDES",
    "femur": "FEMUR",
    "superficial injection": "SUPERFICIAL",
}

#: Route abbreviations printed in the route columns. "MI" is defined in no
#: legend; it is kept (not guessed at) so the audit can flag it.
KNOWN_ROUTE_CODES: frozenset[str] = frozenset({"IV", "IP", "OV", "SC", "IM", "ICV", "IN", "MI"})

#: Derived-table name -> the abbreviation legend printed under that table.
TABLE_LEGENDS: dict[str, str] = {t: TABLE_OF_RESOURCE[t] for t in STUDY_TABLES}

#: Days per follow-up unit. A month is taken as 30 days and a year as 365
#: days; the review never says which calendar it means.
DAYS_PER_UNIT: dict[str, float] = {
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
}

_UNIT_SPELLINGS: dict[str, str] = {
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "hours": "hour",
    "d": "day",
    "day": "day",
    "days": "day",
    "w": "week",
    "wk": "week",
    "wks": "week",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "y": "year",
    "yr": "year",
    "yrs": "year",
    "year": "year",
    "years": "year",
}


def _squash(text: str) -> str:
    """Strip ``text`` and collapse runs of whitespace to one space."""
    return " ".join(str(text).split())
