"""Derive analysable values from the printed cells of Tables 1-3.

Every value here is computed from the exact text the review prints (see
``data/``); nothing is typed by hand and nothing is guessed. Each parser
returns a :class:`Derived` (or a tuple of them): either a value, or an
explicit missing value together with a short human reason saying why the
cell could not be read. :func:`derive` applies the parsers to a whole table
and returns a new DataFrame with one ``<field>_missing`` reason column per
derived field.

Conventions
-----------
* Follow-up periods are converted to days with 1 hour = 1/24 day,
  1 week = 7 days, 1 month = 30 days and 1 year = 365 days
  (:data:`DAYS_PER_UNIT`).
* Doses keep the printed unit, normalised in spelling only: ``ml`` becomes
  ``mL`` and the Greek mu becomes the micro sign (U+00B5) used in ``data/``.
  Units are never converted into one another (µg and mg/kg are different
  quantities).
* Table 1 prints bare counts under the header "Dosage/cells", so its
  default dose unit is ``cells``. Table 2 gets no default: a bare count of
  exosomes could be particles or producer cells.
* Several MSC sources or routes in one cell are joined with ``+`` in the
  derived DataFrame, in printed order; tissue and donor species stay paired
  position by position (``UC+AD`` with ``human+human``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import pandas as pd

from helpers.core.vocab import DISEASE_CODES, PRECLINICAL_TABLES, SPECIES, STUDY_TABLES, TABLE_OF_RESOURCE, TISSUE_CODES

__all__ = [
    "Derived",
    "Source",
    "Dose",
    "DoseArms",
    "DISEASE_CODES",
    "TISSUE_CODES",
    "SPECIES",
    "ROUTE_SITES",
    "KNOWN_ROUTE_CODES",
    "DAYS_PER_UNIT",
    "TABLE_LEGENDS",
    "FIELDS",
    "disease_code",
    "msc_sources",
    "modality",
    "host_species",
    "split_route_dosage",
    "routes",
    "route_defined",
    "legend_codes",
    "legend_route_codes",
    "DEFAULT_DOSE_UNIT",
    "dose_arms",
    "dose",
    "follow_up_days",
    "setting",
    "size_nm",
    "phase",
    "nct_id",
    "modification",
    "product",
    "MODIFICATIONS",
    "derive",
]


# --- the result type ---------------------------------------------------------


@dataclass(frozen=True)
class Derived:
    """A derived value, or an explicit missing value with its reason.

    Parameters
    ----------
    value : Any
        The derived value; ``None`` when the cell could not be read.
    reason : str
        Why the value is missing: a short human sentence. Must be empty
        when ``value`` is set and non-empty when it is not, so a missing
        value can never travel without its reason.
    """

    value: Any
    reason: str = ""

    def __post_init__(self) -> None:
        if self.value is None and not self.reason:
            raise ValueError("a missing Derived value needs a reason")
        if self.value is not None and self.reason:
            raise ValueError("a parsed Derived value must not carry a reason")

    @property
    def missing(self) -> bool:
        """bool : True when no value could be derived."""
        return self.value is None


def _absent(reason: str) -> Derived:
    return Derived(None, reason)


class Source(NamedTuple):
    """One MSC source named in a Source / MSC Type cell."""

    tissue: Derived
    donor_species: Derived


class Dose(NamedTuple):
    """A printed dose: lowest and highest arm, unit and number of arms."""

    low: float
    high: float
    unit: str
    n_arms: int


class DoseArms(NamedTuple):
    """Every printed dose arm in printed order, and their unit.

    ``unit`` is None when the cell prints no unit and no default applies;
    the caller decides what that means (:func:`dose` refuses it).
    """

    values: tuple[float, ...]
    unit: str | None


# --- vocabularies --------------------------------------------------------------

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


# --- disease -------------------------------------------------------------------


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


# --- MSC source ------------------------------------------------------------------

# Longer codes are tried first ("UCB" before "UC") so that umbilical cord blood is never read as
# umbilical cord; the trailing part allows "-MSC", "MSCs", "-MSC-Exos" etc.
_SOURCE_RE = re.compile(
    r"""
    (?:(?P<prefix>[hmr])|(?P<word>"""
    + "|".join(SPECIES)
    + r""")\s+)?
    (?P<tissue>"""
    + "|".join(sorted(TISSUE_CODES, key=len, reverse=True))
    + r""")
    [-\s]?MSCs?
    (?:\s*-\s*(?:Exos?|EVs?|sEVs?))?
    """,
    re.VERBOSE,
)
_SOURCE_SPLIT_RE = re.compile(r"\s*(?:/|\+|,|\band\b)\s*")


def _one_source(piece: str) -> Source:
    """Parse one MSC source such as ``"hUC-MSC"`` or ``"UCB-MSC-Exos"``."""
    match = _SOURCE_RE.fullmatch(_word_case(piece))
    if match is None:
        reason = f"MSC source '{piece}' is not a recognised tissue/species form"
        return Source(_absent(reason), _absent(reason))
    tissue = Derived(match["tissue"])
    if match["prefix"]:
        species = Derived(_SPECIES_PREFIXES[match["prefix"]])
    elif match["word"]:
        species = Derived(match["word"])
    else:
        species = _absent("no species prefix printed")
    return Source(tissue, species)


def _word_case(piece: str) -> str:
    """Lower-case a leading species word ("Rabbit AD-MSC" -> "rabbit AD-MSC")."""
    head, _, rest = piece.partition(" ")
    if rest and head.lower() in SPECIES:
        return f"{head.lower()} {rest}"
    return piece


def msc_sources(text: str) -> tuple[Source, ...]:
    """Parse a Source (Tables 1-2) or MSC Type (Table 3) cell.

    Parameters
    ----------
    text : str
        The printed cell, e.g. ``"hUC-MSC"``, ``"hUCMSC/ hAD-MSC"``,
        ``"Rabbit AD-MSC"``, ``"BMMSC-Exos"``.

    Returns
    -------
    tuple of Source
        One ``(tissue, donor_species)`` pair of :class:`Derived` per source,
        in printed order. Tissue codes are keys of :data:`TISSUE_CODES`.
        Without a species prefix the donor species is missing ("no species
        prefix printed"); an empty cell gives one pair of missing values.
    """
    cell = _squash(text)
    if not cell:
        reason = "no MSC source printed"
        return (Source(_absent(reason), _absent(reason)),)
    pieces = [p for p in _SOURCE_SPLIT_RE.split(cell) if p]
    return tuple(_one_source(piece) for piece in pieces)


# --- modality ------------------------------------------------------------------

_VESICLE_RE = re.compile(r"\b(?:s?EVs?|Exos?)\b|exosome|vesicle", re.IGNORECASE)


def modality(table: str, msc_type: str = "") -> Derived:
    """Tell whether a row studies MSCs ("cells") or their exosomes.

    Parameters
    ----------
    table : str
        ``"msc_studies"`` (all cells), ``"exosome_studies"`` (all
        exosomes) or ``"clinical_trials"`` (decided by ``msc_type``).
    msc_type : str, optional
        Table 3's MSC Type cell; it names exosomes as "Exos" (or EVs).

    Returns
    -------
    Derived
        ``"cells"`` or ``"exosomes"``.

    Raises
    ------
    ValueError
        For an unknown table name (a programming error, not a data gap).
    """
    if table in PRECLINICAL_TABLES:
        return Derived(PRECLINICAL_TABLES[table])
    if table != "clinical_trials":
        raise ValueError(f"unknown table {table!r}")
    cell = _squash(msc_type)
    if not cell:
        return _absent("no MSC type printed")
    return Derived("exosomes" if _VESICLE_RE.search(cell) else "cells")


# --- host species ----------------------------------------------------------------

# Word boundaries keep "rat" out of "radiation" and "rabbit" out of nothing
# longer; plural and singular forms map to one species.
_HOST_WORDS: dict[str, re.Pattern[str]] = {
    "mouse": re.compile(r"\b(?:mouse|mice|murine)\b", re.IGNORECASE),
    "rat": re.compile(r"\brats?\b", re.IGNORECASE),
    "rabbit": re.compile(r"\brabbits?\b", re.IGNORECASE),
}


def host_species(animal_model: str) -> Derived:
    """Read the host species from an Animal model cell.

    Parameters
    ----------
    animal_model : str
        The printed cell, e.g. ``"CDDP induced POF rat model"``,
        ``"5XFAD mice"``.

    Returns
    -------
    Derived
        ``"mouse"``, ``"rat"`` or ``"rabbit"``; missing when the cell is
        empty, names no species, or names two different species.
    """
    cell = _squash(animal_model)
    if not cell:
        return _absent("no animal model printed")
    found = [name for name, pattern in _HOST_WORDS.items() if pattern.search(cell)]
    if not found:
        return _absent(f"animal model '{cell}' names no host species")
    if len(found) > 1:
        return _absent(f"animal model names more than one species: {', '.join(found)}")
    return Derived(found[0])


# --- route -----------------------------------------------------------------------

# The route is everything before the dose; the dose starts at the first token
# that begins with a digit, or at a trailing "NA" ("IV NA"). The route part may
# not contain digits, so a list dose ("200, 400 and 600 µg") is never split.
_ROUTE_DOSE_RE = re.compile(r"(?:(?P<route>[^\d]*?)\s+)?(?P<dose>NA|\d.*)")
_ROUTE_SPLIT_RE = re.compile(r"\s*(?:/|\+|,|\band\b)\s*", re.IGNORECASE)
_ROUTE_DEFINITION_RE = re.compile(r"\b(?:injections?|administration|infusion)\b", re.IGNORECASE)
_NA_ROUTE = "route printed as NA (Not Applicable)"


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


# --- dose ------------------------------------------------------------------------

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


# --- follow-up -----------------------------------------------------------------

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


# --- setting ---------------------------------------------------------------------


def setting(animal_model: str, in_vitro_model: str, route_codes: Iterable[str] = ()) -> Derived:
    """Classify a study as in vivo, in vitro, or both.

    Parameters
    ----------
    animal_model, in_vitro_model : str
        The printed cells.
    route_codes : iterable of str, optional
        Route codes from :func:`routes` (empty when none was parsed).

    Returns
    -------
    Derived
        ``"in vivo"`` when an animal model is printed and some route other
        than co-culture delivered the treatment (or no route was parsed);
        ``"in vitro"`` when an in vitro model is printed or the route is
        co-culture; ``"in vivo + in vitro"`` when both hold.
    """
    codes = tuple(route_codes)
    by_coculture = "COCULTURE" in codes
    only_coculture = bool(codes) and all(code == "COCULTURE" for code in codes)
    in_vivo = bool(_squash(animal_model)) and not only_coculture
    in_vitro = bool(_squash(in_vitro_model)) or by_coculture
    if in_vivo and in_vitro:
        return Derived("in vivo + in vitro")
    if in_vivo:
        return Derived("in vivo")
    if in_vitro:
        return Derived("in vitro")
    return _absent("neither an animal model nor an in vitro model is printed")


# --- Table 2 size ----------------------------------------------------------------

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


# --- Table 3 phase and NCT number --------------------------------------------------

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


# --- modified products -----------------------------------------------------------------

#: Ways a study modified its MSCs or exosomes, in output order.
MODIFICATIONS: tuple[str, ...] = ("engineered", "primed", "biomaterial", "selected", "co-treatment")

# Only what the printed words say: a miRNA named beside an exosome
# ("Exo-miR-144-5p") may be native cargo, so it is not read as engineering.
_MODIFICATION_PATTERNS: dict[str, re.Pattern[str]] = {
    "engineered": re.compile(
        r"\boverexpress\w*|\bloaded\b|\bengineered (?:\w+-)?(?:MSCs?|Exos?|EVs?|exosomes?)\b"
        r"|\btransfer microRNA\b|\bdelivery of miR-|\bmimetic\b|\bnanodrug\b",
        re.IGNORECASE,
    ),
    "primed": re.compile(
        r"\bprecondition\w*|\bpretreat\w*|\bprim(?:ed|ing)\b|\bhypox\w*|\b3D-(?=\w*MSC)", re.IGNORECASE
    ),
    "biomaterial": re.compile(
        r"\bscaffolds?\b|\bhydrogels?\b|\bhyaluronic acid\b|\bcollagen\b|\bbio-?print\w*|\btitanium\b"
        r"|\bnanoparticles?\b|\bspicules?\b|\bmethacryloyl\b",
        re.IGNORECASE,
    ),
    "selected": re.compile(r"\bsub(?:set|group|population)s?\b", re.IGNORECASE),
}


def modification(precondition: str, effects: str) -> Derived:
    """Say how a study modified its MSC product, from its printed cells.

    Parameters
    ----------
    precondition : str
        Table 1's Precondition cell (``""`` for Table 2, which has none).
    effects : str
        The printed Effects cell.

    Returns
    -------
    Derived
        The kinds of :data:`MODIFICATIONS` the words name, joined with
        ``+`` in that order, or ``"none"``. A printed Precondition that
        names no modification (a drug such as "Resveratrol") is a
        ``co-treatment``: something given with the cells.
    """
    text = f"{_squash(precondition)} | {_squash(effects)}"
    found = [kind for kind, pattern in _MODIFICATION_PATTERNS.items() if pattern.search(text)]
    if not found and _squash(precondition):
        found = ["co-treatment"]
    return Derived("+".join(found) if found else "none")


def product(modified: Derived) -> Derived:
    """``native`` or ``modified``, from :func:`modification`."""
    return modified if modified.missing else Derived("native" if modified.value == "none" else "modified")


# --- whole tables ------------------------------------------------------------------

_FIELD_DTYPES: dict[str, str] = {
    "disease_code": "string",
    "tissue": "string",
    "donor_species": "string",
    "modality": "string",
    "host_species": "string",
    "route": "string",
    "route_defined": "boolean",
    "dose_low": "Float64",
    "dose_high": "Float64",
    "dose_unit": "string",
    "dose_arms": "Int64",
    "follow_up_days": "Float64",
    "setting": "string",
    "size_low_nm": "Float64",
    "size_high_nm": "Float64",
    "phase": "string",
    "nct_id": "string",
    "modification": "string",
    "product": "string",
}

_PRECLINICAL_FIELDS = (
    "disease_code",
    "tissue",
    "donor_species",
    "modality",
    "host_species",
    "route",
    "route_defined",
    "dose_low",
    "dose_high",
    "dose_unit",
    "dose_arms",
    "follow_up_days",
    "setting",
    "modification",
    "product",
)

#: Derived fields of each table, in output order.
FIELDS: dict[str, tuple[str, ...]] = {
    "msc_studies": _PRECLINICAL_FIELDS,
    "exosome_studies": (*_PRECLINICAL_FIELDS, "size_low_nm", "size_high_nm"),
    "clinical_trials": (
        "disease_code",
        "tissue",
        "donor_species",
        "modality",
        "route",
        "route_defined",
        "phase",
        "nct_id",
    ),
}

# Printed columns each table's derivation reads.
_INPUTS: dict[str, dict[str, str]] = {
    "msc_studies": {"disease": "disease", "source": "source", "route": "route_dosage"},
    "exosome_studies": {"disease": "disease", "source": "source", "route": "route_dosage"},
    "clinical_trials": {
        "disease": "disease_type",
        "source": "msc_type",
        "route": "migration_method",
    },
}

#: Unit of a bare dose number per table: Table 1's header reads "Dosage/cells";
#: Table 2's names none, so a bare number there has no unit.
DEFAULT_DOSE_UNIT: dict[str, str | None] = {"msc_studies": "cells", "exosome_studies": None}


def _joined(parts: Iterable[Derived]) -> Derived:
    """Join several parsed parts with "+", or collect their reasons."""
    parts = tuple(parts)
    reasons = list(dict.fromkeys(p.reason for p in parts if p.missing))
    if reasons:
        return _absent("; ".join(reasons))
    return Derived("+".join(str(p.value) for p in parts))


def _part(result: Derived, index: int) -> Derived:
    """Pick one element of a tuple-valued result, keeping its reason."""
    return result if result.missing else Derived(result.value[index])


def _route_defined(route: Derived, legend: frozenset[str]) -> Derived:
    if route.missing:
        return _absent(f"no route to look up: {route.reason}")
    return Derived(all(route_defined(code, legend) for code in route.value))


def _derive_row(
    table: str, row: pd.Series, route_legends: frozenset[str], table_legend: frozenset[str]
) -> dict[str, Derived]:
    """Derive every field of one printed row."""
    cols = _INPUTS[table]
    sources = msc_sources(row[cols["source"]])
    route = routes(row[cols["route"]], route_legends)
    out = {
        "disease_code": disease_code(row[cols["disease"]]),
        "tissue": _joined(s.tissue for s in sources),
        "donor_species": _joined(s.donor_species for s in sources),
        "modality": modality(table, row[cols["source"]] if table == "clinical_trials" else ""),
        "route": _joined(Derived(c) for c in route.value) if not route.missing else route,
        "route_defined": _route_defined(route, table_legend),
    }
    if table == "clinical_trials":
        out["phase"] = phase(row["phases"])
        out["nct_id"] = nct_id(row["nct_number"])
        return out
    amount = dose(row["route_dosage"], DEFAULT_DOSE_UNIT[table])
    out["host_species"] = host_species(row["animal_model"])
    out.update(
        {
            "dose_low": _part(amount, 0),
            "dose_high": _part(amount, 1),
            "dose_unit": _part(amount, 2),
            "dose_arms": _part(amount, 3),
            "follow_up_days": follow_up_days(row["follow_up"]),
            "setting": setting(row["animal_model"], row["in_vitro_model"], () if route.missing else route.value),
        }
    )
    out["modification"] = modification(row.get("precondition", ""), row["effects"])
    out["product"] = product(out["modification"])
    if table == "exosome_studies":
        size = size_nm(row["size_nm"])
        out["size_low_nm"] = _part(size, 0)
        out["size_high_nm"] = _part(size, 1)
    return out


def derive(table: str, df: pd.DataFrame, legends: pd.DataFrame) -> pd.DataFrame:
    """Derive analysable columns from one printed table.

    Parameters
    ----------
    table : {"msc_studies", "exosome_studies", "clinical_trials"}
        Which table ``df`` holds.
    df : pandas.DataFrame
        The table as loaded from ``data/`` (text cells as ``str``, ``""``
        for empty cells).
    legends : pandas.DataFrame
        ``data/abbreviations.csv``. Route abbreviations are recognised from
        any legend; ``route_defined`` uses the legend printed under this
        table (:data:`TABLE_LEGENDS`).

    Returns
    -------
    pandas.DataFrame
        A new frame: ``row`` (and ``ref`` for Tables 1-2), then for each
        field of :data:`FIELDS` the value column followed by its
        ``<field>_missing`` reason column (``""`` when parsed). Values use
        pandas nullable dtypes, so a missing value is ``pd.NA``.
    """
    if table not in FIELDS:
        raise ValueError(f"unknown table {table!r}; expected one of {sorted(FIELDS)}")
    route_legends = legend_route_codes(legends)
    table_legend = legend_codes(legends, TABLE_LEGENDS[table])
    derived = [_derive_row(table, row, route_legends, table_legend) for _, row in df.iterrows()]

    ids = ["row", "ref"] if table != "clinical_trials" else ["row"]
    columns: dict[str, pd.Series] = {name: pd.Series(df[name].to_numpy(), dtype="Int64") for name in ids}
    for field in FIELDS[table]:
        results = [row[field] for row in derived]
        columns[field] = pd.Series([pd.NA if r.missing else r.value for r in results], dtype=_FIELD_DTYPES[field])
        columns[f"{field}_missing"] = pd.Series([r.reason for r in results], dtype="string")
    return pd.DataFrame(columns)
