"""Doses of Tables 1-2 as physical quantities with units.

:mod:`helpers.data.derive` splits a printed "Route Dosage/cells" cell into its
route and its dose arms and normalises the spelling of the unit (µ, mL);
this module turns those arms into `pint <https://pint.readthedocs.io>`_
quantities and says which *kind* of quantity a cell prints.

Why pint: it is a maintained units registry that refuses to add (or
convert between) incompatible dimensions. Cells, particles, micrograms,
mg/kg and µg/mL therefore can never be summed or compared by accident; a
mistake raises :class:`pint.DimensionalityError` instead of producing a
number. Conversions happen only inside one kind (mg -> µg, mg/mL -> µg/mL).

Kinds and their base units (:data:`KINDS`)
------------------------------------------
========================  ==========  ===============================================
kind                      base unit   printed as
========================  ==========  ===============================================
``cells``                 cells       Table 1's bare counts ("Dosage/cells"), "2×10⁶ cells"
``particles``             particles   "1×10⁹ particles" (counted vesicles)
``mass as printed``       µg          "150 µg", "100 mg" (the review never says of what:
                                      vesicle protein is likely, but not stated)
``mass per body mass``    mg/kg       "1.6 mg/kg"
``concentration``         µg/mL       "0.4 µg/ml", "0.5 mg/mL" (co-culture or injected solution)
========================  ==========  ===============================================

No cell of Tables 1-2 prints a volume, and :func:`helpers.data.derive.dose_arms`
does not read volume units, so there is no volume kind: a printed "100 µL"
is refused with derive's reason and breaks the coverage test until someone
decides how to read it.

The registry
------------
:data:`UREG` holds only the units the tables print (:data:`DEFINITIONS`: mass,
volume and their prefixes, defined as pint's default registry defines them),
plus three dimensions of our own:

* ``[cell_count]`` (unit ``cell``) and ``[particle_count]`` (unit
  ``ev_particle``). Pint's own ``particle`` is a molecule, 1/N_A mol, which
  would let 1×10⁹ exosome particles convert to moles; and a plain count
  would be dimensionless, addable to cells.
* ``[body_mass]`` (units ``kilogram_body_mass``, ``gram_body_mass``): the
  "kg" of mg/kg is the animal's body mass. In pint's plain units mg/kg is
  dimensionless, so it could be added to a bare number or to any other
  ratio; with its own dimension it cannot.

Quantities from another registry (``pint.get_application_registry()``)
cannot be mixed with these; build them from :data:`UREG`.

Values are kept as printed: "IV 100 mg" stays 100 mg even though it looks
implausible for exosomes; :mod:`helpers.data.doserange` says how far it lies
outside the documented range, and the audit and the dosing exhibit mark it.

Kinds of the coded dataset
--------------------------
A quantity kind says what a number measures; the coded ``dose_kind``
(:func:`coded_kind`, :data:`CODED_KINDS`) also says what it means for the
study. A concentration injected into an animal, with no volume printed, is
not a dose an animal received, and is kept apart from a concentration in a
culture dish; a number of cells printed for an exosome product is not an
MSC dose.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
import pint

from helpers.core.vocab import TABLE_OF_RESOURCE
from helpers.data.derive import DEFAULT_DOSE_UNIT, Derived, Dose, dose_arms, routes, split_route_dosage

__all__ = [
    "UREG",
    "DEFINITIONS",
    "Kind",
    "KINDS",
    "DoseReading",
    "kind_of",
    "read_dose",
    "in_base_units",
    "base_dose",
    "dose_table",
    "DOSE_TABLE_COLUMNS",
    "CODED_KINDS",
    "coded_kind",
    "quantity_kind",
]


# --- the registry ----------------------------------------------------------------


#: Every unit a dose cell of Tables 1-2 can print once derive has normalised it
#: (ng, µg, mg or g, alone or per mL, per kg or per g of body mass; cells; particles),
#: in pint's definition syntax, the base units and prefixes as pint's own default
#: file defines them, so every conversion gives the same float as there.
#: Why not pint's default registry: parsing its definitions file takes about 1 s,
#: and the build unloads ``helpers`` between the notebooks of a warm kernel (so each
#: run record lists what its notebook imports), so every notebook paid it again:
#: about 8 s of an 18-notebook build on two cores. This one builds in about 15 ms,
#: and a unit no table prints is refused (:class:`pint.UndefinedUnitError`)
#: instead of being read as something exotic.
DEFINITIONS: tuple[str, ...] = (
    "nano- = 1e-9 = n-",
    "micro- = 1e-6 = µ- = μ- = u-",
    "milli- = 1e-3 = m-",
    "deci- = 1e-1 = d-",
    "kilo- = 1e3 = k-",
    "meter = [length] = m = metre",
    "gram = [mass] = g",
    "liter = decimeter ** 3 = l = L = litre",
    # The three dimensions pint lacks (see the module docstring).
    "cell = [cell_count]",
    "ev_particle = [particle_count]",
    "kilogram_body_mass = [body_mass] = kg_bm",
    "gram_body_mass = 1e-3 * kilogram_body_mass = g_bm",
)


def _registry() -> pint.UnitRegistry:
    """A pint registry of :data:`DEFINITIONS` and nothing else."""
    ureg = pint.UnitRegistry(None)  # None: no default definitions file
    for definition in DEFINITIONS:
        ureg.define(definition)
    return ureg


#: The one registry every quantity of this module comes from (pint cannot
#: combine quantities of two registries).
UREG: pint.UnitRegistry = _registry()


# --- kinds ---------------------------------------------------------------------


class Kind(NamedTuple):
    """One kind of dose quantity.

    Attributes
    ----------
    name : str
        E.g. ``"mass as printed"``.
    unit : pint.Unit
        The base unit its magnitudes are tabulated in.
    label : str
        How the base unit is written in a table, in ``data/``'s spelling.
    """

    name: str
    unit: pint.Unit
    label: str


def _kind(name: str, unit: str, label: str) -> Kind:
    return Kind(name, UREG.parse_units(unit), label)


#: Kind name -> :class:`Kind`, in output order. Each kind has its own
#: dimensionality, so pint refuses to convert one into another.
KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        _kind("cells", "cell", "cells"),
        _kind("particles", "ev_particle", "particles"),
        _kind("mass as printed", "microgram", "µg"),
        _kind("mass per body mass", "milligram / kilogram_body_mass", "mg/kg"),
        _kind("concentration", "microgram / milliliter", "µg/mL"),
    )
}

# derive's normalised units -> pint. Counts and the "per" part are spelled
# out because pint's "particles" and "kg" would mean something else here.
_COUNT_UNITS: dict[str, str] = {"cells": "cell", "particles": "ev_particle"}
_PER_UNITS: dict[str, str] = {"mL": "milliliter", "kg": "kilogram_body_mass", "g": "gram_body_mass"}


def _pint_unit(unit: str) -> pint.Unit:
    """Translate a unit as :func:`helpers.data.derive.dose_arms` spells it (``"µg/mL"``) into pint."""
    if unit in _COUNT_UNITS:
        return UREG.parse_units(_COUNT_UNITS[unit])
    mass, _, per = unit.partition("/")
    numerator = UREG.parse_units(mass)
    return numerator / UREG.parse_units(_PER_UNITS[per]) if per else numerator


def kind_of(quantity: pint.Quantity) -> str:
    """Name the kind of a quantity from its dimensionality.

    Parameters
    ----------
    quantity : pint.Quantity
        A quantity of :data:`UREG`.

    Returns
    -------
    str
        A key of :data:`KINDS`.

    Raises
    ------
    LookupError
        When the dimensionality is no dose kind (metres, seconds, a bare
        number): a programming error, not a data gap.
    """
    for kind in KINDS.values():
        if quantity.dimensionality == kind.unit.dimensionality:
            return kind.name
    raise LookupError(f"{quantity.units} ({quantity.dimensionality}) is no dose kind")


# --- one printed cell -------------------------------------------------------------


@dataclass(frozen=True)
class DoseReading:
    """What one printed Route/Dosage cell says, as quantities.

    Parameters
    ----------
    route : Derived
        The route code(s) exactly as :func:`helpers.data.derive.routes` gives
        them: a tuple of codes, or missing with derive's reason.
    arms : tuple of pint.Quantity
        One quantity per dose arm in printed order and printed unit
        (``"SC 200, 400 and 600 µg"`` gives three); empty when missing.
    kind : str or None
        The key of :data:`KINDS` all arms share; None when missing.
    reason : str
        Why there is no dose; ``""`` when the arms are read.
    """

    route: Derived
    arms: tuple[pint.Quantity, ...]
    kind: str | None
    reason: str = ""

    def __post_init__(self) -> None:
        # Same contract as Derived: a missing dose always carries its reason,
        # and a read dose never mixes kinds.
        if not self.arms:
            if self.kind is not None or not self.reason:
                raise ValueError("a DoseReading without arms needs a reason and no kind")
            return
        if self.reason:
            raise ValueError("a DoseReading with arms must not carry a reason")
        if self.kind not in KINDS or any(
            arm.dimensionality != KINDS[self.kind].unit.dimensionality for arm in self.arms
        ):
            raise ValueError(f"every arm must be of kind {self.kind!r}")

    @property
    def missing(self) -> bool:
        """bool : True when the cell prints no readable dose."""
        return not self.arms


def _check_table(table: str) -> None:
    if table not in DEFAULT_DOSE_UNIT:
        raise ValueError(f"unknown table {table!r}; expected one of {sorted(DEFAULT_DOSE_UNIT)}")


def _unitless_reason(route_dosage: str, table: str) -> str:
    """Explain a bare number in a table whose header names no unit."""
    _, dose_text = split_route_dosage(route_dosage)
    printed_table = TABLE_OF_RESOURCE[table].replace("table", "Table ")  # "table2" -> "Table 2"
    return (
        f"dose '{dose_text}' printed without a unit, and {printed_table}'s header names none:"
        " it could count particles or producer cells"
    )


def read_dose(route_dosage: str, table: str, legends: Iterable[str] = ()) -> DoseReading:
    """Read one printed Route/Dosage cell of Table 1 or 2 as quantities.

    Parameters
    ----------
    route_dosage : str
        The printed cell, e.g. ``"IV 1 × 10⁶"``, ``"Iv 1.6 mg/kg"``,
        ``"SC 200, 400 and 600 µg"``, ``"coculture 0.4 µg/ml"``.
    table : {"msc_studies", "exosome_studies"}
        Which table printed it. Table 1's header "Dosage/cells" makes its
        bare numbers cell counts; Table 2 has no such default.
    legends : iterable of str, optional
        Extra route abbreviations, passed on to :func:`helpers.data.derive.routes`.

    Returns
    -------
    DoseReading
        Missing, with a reason, for an empty dose, "NA", "IV NA", a route
        alone ("coculture"), a Table 2 bare number, or an unreadable form.

    Raises
    ------
    ValueError
        For a table that prints no doses.
    """
    _check_table(table)
    route = routes(route_dosage, legends)
    read = dose_arms(route_dosage, DEFAULT_DOSE_UNIT[table])
    if read.missing:
        return DoseReading(route, (), None, read.reason)
    values, unit = read.value
    if unit is None:
        return DoseReading(route, (), None, _unitless_reason(route_dosage, table))
    arms = tuple(UREG.Quantity(value, _pint_unit(unit)) for value in values)
    return DoseReading(route, arms, kind_of(arms[0]))


# --- base units and tabulation ------------------------------------------------------


def _tidy(magnitude: float) -> float:
    """Round away float noise of a unit conversion (12 significant digits).

    Prefix factors such as 1e-3 / 1e-6 are not exact in binary; without this
    a table could print 99999.99999999999 µg for 100 mg.
    """
    return float(f"{magnitude:.12g}")


def in_base_units(reading: DoseReading) -> tuple[pint.Quantity, ...]:
    """Convert every arm to its kind's base unit (never to another kind).

    Parameters
    ----------
    reading : DoseReading

    Returns
    -------
    tuple of pint.Quantity
        The arms in :data:`KINDS` ``[reading.kind].unit``; empty when missing.
    """
    if reading.missing:
        return ()
    base = KINDS[reading.kind].unit
    return tuple(UREG.Quantity(_tidy(arm.to(base).magnitude), base) for arm in reading.arms)


def base_dose(reading: DoseReading) -> Derived:
    """Summarise a reading as numbers in its kind's base unit.

    Parameters
    ----------
    reading : DoseReading

    Returns
    -------
    Derived
        A :class:`helpers.data.derive.Dose` ``(low, high, unit, n_arms)`` with
        plain floats and the base unit's label (``"100 mg"`` ->
        ``(100000.0, 100000.0, "µg", 1)``); missing with the reading's reason.
    """
    if reading.missing:
        return Derived(None, reading.reason)
    magnitudes = [arm.magnitude for arm in in_base_units(reading)]
    return Derived(Dose(min(magnitudes), max(magnitudes), KINDS[reading.kind].label, len(magnitudes)))


#: Columns of :func:`dose_table` after the ``row`` and ``ref`` keys, with their dtypes.
DOSE_TABLE_COLUMNS: dict[str, str] = {
    "dose_kind": "string",
    "dose_low": "Float64",
    "dose_high": "Float64",
    "dose_unit": "string",
    "dose_arms": "Int64",
    "dose_missing": "string",
}


def _table_row(reading: DoseReading) -> dict[str, object]:
    """One :func:`dose_table` record (pd.NA where missing)."""
    summary = base_dose(reading)
    if summary.missing:
        values = dict.fromkeys(("dose_kind", "dose_low", "dose_high", "dose_unit", "dose_arms"), pd.NA)
        return {**values, "dose_missing": summary.reason}
    low, high, unit, n_arms = summary.value
    return {
        "dose_kind": reading.kind,
        "dose_low": low,
        "dose_high": high,
        "dose_unit": unit,
        "dose_arms": n_arms,
        "dose_missing": "",
    }


def dose_table(df: pd.DataFrame, table: str, legends: Iterable[str] = ()) -> pd.DataFrame:
    """Tabulate the doses of Table 1 or 2 in base units, one row per study.

    Parameters
    ----------
    df : pandas.DataFrame
        The table as loaded from ``data/`` (columns ``row``, ``ref``,
        ``route_dosage``; text cells as ``str``).
    table : {"msc_studies", "exosome_studies"}
    legends : iterable of str, optional
        Extra route abbreviations, as for :func:`read_dose`.

    Returns
    -------
    pandas.DataFrame
        ``row``, ``ref``, then :data:`DOSE_TABLE_COLUMNS`: the kind, the
        lowest and highest arm as numbers in the kind's base unit, that
        unit's label in its own column, the number of arms, and the reason
        (``""`` when read). Nullable dtypes, so a missing value is ``pd.NA``.
        Magnitudes of different kinds share the ``dose_low`` column: filter
        on ``dose_kind`` (or ``dose_unit``) before comparing them.
    """
    _check_table(table)
    legends = tuple(legends)
    records = [_table_row(read_dose(cell, table, legends)) for cell in df["route_dosage"]]
    columns = {key: pd.Series(df[key].to_numpy(), dtype="Int64") for key in ("row", "ref")}
    for name, dtype in DOSE_TABLE_COLUMNS.items():
        columns[name] = pd.Series([record[name] for record in records], dtype=dtype)
    return pd.DataFrame(columns)


# --- kinds of the coded dataset -----------------------------------------------------

#: Coded ``dose_kind`` -> the quantity kind (:data:`KINDS`) it measures. The quantity kinds
#: map to themselves, except the two that need the setting or the product to be read.
CODED_KINDS: dict[str, str] = {
    **{name: name for name in KINDS if name != "concentration"},
    "cells, printed for exosomes": "cells",
    "injected concentration": "concentration",
    "in vitro concentration": "concentration",
    "concentration, arm not stated": "concentration",
}


def coded_kind(kind: str | None, modality: str | None, setting: str | None) -> str | None:
    """Name what a dose means for its study: the quantity kind, qualified where it must be.

    Parameters
    ----------
    kind : str or None
        A key of :data:`KINDS` (None or NA when no dose was read).
    modality : {"cells", "exosomes"} or None
        The study's product.
    setting : str or None
        ``"in vivo"``, ``"in vitro"`` or ``"in vivo + in vitro"``.

    Returns
    -------
    str or None
        A key of :data:`CODED_KINDS`: ``"in vitro concentration"`` in a dish,
        ``"injected concentration"`` given to animals (volume not printed),
        ``"concentration, arm not stated"`` for a study with both arms,
        ``"cells, printed for exosomes"`` for a cell count printed as an
        exosome dose; otherwise the quantity kind itself. None when ``kind``
        is missing.
    """
    if kind is None or kind is pd.NA or (isinstance(kind, float) and kind != kind):
        return None
    if kind == "concentration":
        return {"in vitro": "in vitro concentration", "in vivo": "injected concentration"}.get(
            str(setting), "concentration, arm not stated"
        )
    if kind == "cells" and modality == "exosomes":
        return "cells, printed for exosomes"
    return kind


def quantity_kind(kind: str) -> str:
    """The quantity kind (:data:`KINDS`) of a coded ``dose_kind``; a quantity kind maps to itself."""
    return CODED_KINDS.get(kind, kind)
