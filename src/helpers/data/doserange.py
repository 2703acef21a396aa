"""The documented dose ranges (``data/dose_ranges.csv``): is a printed dose inside its range?

One yardstick for everyone: the audit's rule W4 and the dosing exhibit both
call :func:`outside`, so a point the figure rings is exactly a dose the audit
reports, with the same factor.

A range is looked up by product (``modality``), host (``"in vitro"`` for a
study in a dish) and quantity kind (:func:`helpers.data.quantities.quantity_kind`
of the coded ``dose_kind``); doses are never compared across kinds or units.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import pandas as pd

from helpers.data import curated
from helpers.data.quantities import quantity_kind

__all__ = ["Yardstick", "Outside", "load", "host_key", "range_of", "outside"]

#: (modality, host, quantity kind) -> that range's row of data/dose_ranges.csv.
Yardstick = dict[tuple[str, str, str], dict]


class Outside(NamedTuple):
    """A dose against its documented range.

    Attributes
    ----------
    factor : float
        How many times the dose lies beyond the range (the larger of low/dose
        and dose/high); 1 or less means inside.
    range : dict
        The data/dose_ranges.csv row (``low``, ``high``, ``unit``, ``host_species``...).
    """

    factor: float
    range: dict

    @property
    def outside(self) -> bool:
        """bool : the dose lies beyond its range."""
        return self.factor > 1


def load(ranges: pd.DataFrame | None = None) -> Yardstick:
    """Index data/dose_ranges.csv (or a frame with its columns) by product, host and kind."""
    frame = curated.load("dose_ranges") if ranges is None else ranges
    return {(g["modality"], g["host_species"], g["dose_kind"]): g for g in frame.to_dict("records")}


def host_key(setting: object, host_species: object) -> str | None:
    """The host a range is documented for: ``"in vitro"`` in a dish, else the species (None if unknown)."""
    if str(setting) == "in vitro":
        return "in vitro"
    return None if host_species is None or pd.isna(host_species) else str(host_species)


def range_of(known: Yardstick, row: Mapping) -> dict | None:
    """The documented range for a coded study row, or None when there is none for its product, host and kind."""
    if row.get("dose_kind") is None or pd.isna(row["dose_kind"]):
        return None
    return known.get((row["modality"], host_key(row["setting"], row["host_species"]), quantity_kind(row["dose_kind"])))


def outside(known: Yardstick, row: Mapping) -> Outside | None:
    """Compare a coded study row's dose with its documented range.

    Parameters
    ----------
    known : Yardstick
        From :func:`load`.
    row : mapping
        A row with ``modality, setting, host_species, dose_kind, dose_low,
        dose_high, dose_unit`` (a record of :func:`helpers.data.coded.studies`).

    Returns
    -------
    Outside or None
        None when no range applies (no dose, no range for this product, host
        and kind, or a range in another unit).
    """
    g = range_of(known, row)
    if g is None or g["unit"] != row["dose_unit"]:
        return None
    low, high = float(g["low"]), float(g["high"])
    dose_low, dose_high = float(row["dose_low"]), float(row["dose_high"])
    factor = max(low / dose_low if dose_low > 0 else float("inf"), dose_high / high)
    return Outside(factor, g)
