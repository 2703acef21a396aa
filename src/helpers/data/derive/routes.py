"""Routes of administration, and the route/dose split of Table 2's combined column."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from helpers.data.derive.lexicon import KNOWN_ROUTE_CODES, ROUTE_SITES, _squash
from helpers.data.derive.result import Derived, _absent

# The route is everything before the dose; the dose starts at the first token
# that begins with a digit, or at a trailing "NA" ("IV NA"). The route part may
# not contain digits, so a list dose ("200, 400 and 600 µg") is never split.
_ROUTE_DOSE_RE = re.compile(r"(?:(?P<route>[^\d]*?)\s+)?(?P<dose>NA|\d.*)")
_ROUTE_SPLIT_RE = re.compile(r"\s*(?:/|\+|,|\band\b)\s*", re.IGNORECASE)
_ROUTE_DEFINITION_RE = re.compile(r"\b(?:injections?|administration|infusion)\b", re.IGNORECASE)
_NA_ROUTE = "route printed as NA (legend: Not Applicable): a route applied, but it is not reported in the review"


def split_route_dosage(text: str) -> tuple[str, str]:
    """Split a "Route Dosage/cells" cell into its route and dose parts.

    Parameters
    ----------
    text : str
        E.g. ``"IV 1 × 10⁶"``, ``"IV NA"``, ``"NA 2 × 10⁷"``, ``"coculture"``.

    Returns
    -------
    tuple of str
        ``(route_text, dose_text)``; either may be ``""``. A cell that is
        only ``"NA"`` is read as not applicable as a whole: both parts are
        ``"NA"``.
    """
    cell = _squash(text)
    if cell.upper() == "NA":
        return "NA", "NA"
    match = _ROUTE_DOSE_RE.fullmatch(cell)
    if match is None:
        return cell, ""
    return (match["route"] or "").strip(), match["dose"]


def legend_codes(abbreviations: pd.DataFrame, legend: str) -> frozenset[str]:
    """Return every abbreviation one legend defines.

    Parameters
    ----------
    abbreviations : pandas.DataFrame
        ``data/abbreviations.csv`` (columns ``legend``, ``abbreviation``).
    legend : str
        Legend name, e.g. ``"table1"``.

    Returns
    -------
    frozenset of str
    """
    rows = abbreviations[abbreviations["legend"] == legend]
    return frozenset(str(code).strip() for code in rows["abbreviation"])


def legend_route_codes(abbreviations: pd.DataFrame) -> frozenset[str]:
    """Return the abbreviations any legend defines as a route of delivery.

    A legend entry counts as a route when its definition names an
    injection, an administration or an infusion ("Intravenous Injections",
    "Intranasal administration").

    Parameters
    ----------
    abbreviations : pandas.DataFrame
        ``data/abbreviations.csv``.

    Returns
    -------
    frozenset of str
    """
    is_route = abbreviations["definition"].astype(str).str.contains(_ROUTE_DEFINITION_RE)
    codes = abbreviations.loc[is_route, "abbreviation"]
    return frozenset(str(code).strip().upper() for code in codes)


def _route_code(piece: str, legends: frozenset[str]) -> Derived:
    """Normalise one printed route token (or spelled-out site)."""
    site = ROUTE_SITES.get(piece.lower())
    if site is not None:
        return Derived(site)
    code = piece.upper()
    if code in KNOWN_ROUTE_CODES or code in legends:
        return Derived(code)
    return _absent(f"route '{piece}' is not a route code in any legend")


def routes(text: str, legends: Iterable[str] = ()) -> Derived:
    """Read the route code(s) from a route/dosage or Migration method cell.

    Parameters
    ----------
    text : str
        A Tables 1-2 "Route Dosage/cells" cell (``"OV 1 × 10⁶"``) or a
        Table 3 "Migration method" cell (``"Superficial injection"``).
    legends : iterable of str, optional
        Route abbreviations defined in the legends (see
        :func:`legend_route_codes`); they are accepted in addition to
        :data:`KNOWN_ROUTE_CODES` and :data:`ROUTE_SITES`.

    Returns
    -------
    Derived
        A tuple of route codes in printed order: abbreviations upper-cased
        (``"Iv"`` -> ``"IV"``), spelled-out sites as the codes in
        :data:`ROUTE_SITES`. Missing when no route is printed, when it is
        printed as NA, or when a token is no known route.
    """
    route_text, _ = split_route_dosage(text)
    if not route_text:
        return _absent("no route printed")
    if route_text.upper() == "NA":
        return _absent(_NA_ROUTE)
    known = frozenset(code.upper() for code in legends)
    codes = [_route_code(piece, known) for piece in _ROUTE_SPLIT_RE.split(route_text) if piece]
    for code in codes:
        if code.missing:
            return code
    return Derived(tuple(code.value for code in codes))


def route_defined(code: str, legend_codes: Iterable[str]) -> bool:
    """Tell whether a route code is explained by a table's legend.

    Parameters
    ----------
    code : str
        A normalised route code from :func:`routes`.
    legend_codes : iterable of str
        The abbreviations the table's legend defines (:func:`legend_codes`).

    Returns
    -------
    bool
        True when the abbreviation is in the legend, or when the route is a
        spelled-out site (:data:`ROUTE_SITES`), which needs no legend.
        False for an abbreviation no legend explains (e.g. ``"MI"``).
    """
    if code in ROUTE_SITES.values():
        return True
    return code.upper() in {c.upper() for c in legend_codes}
