"""Derive every field of a whole printed table (one ``<field>_missing`` reason per field)."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.data.derive.disease import disease_code
from helpers.data.derive.doses import dose
from helpers.data.derive.followup import timed
from helpers.data.derive.lexicon import ROUTE_SITES, TABLE_LEGENDS
from helpers.data.derive.modality import modality
from helpers.data.derive.modification import modification, product
from helpers.data.derive.registry import nct_id, phase
from helpers.data.derive.result import Derived, _absent
from helpers.data.derive.routes import legend_codes, legend_route_codes, route_defined, routes
from helpers.data.derive.setting import setting
from helpers.data.derive.size import size_nm
from helpers.data.derive.sources import msc_sources
from helpers.data.derive.species import host_species

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
    "incubation_hours": "Float64",
    "unassigned_time_days": "Float64",
    "time_arm": "string",
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
    "incubation_hours",
    "unassigned_time_days",
    "time_arm",
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
    """Whether every printed route code is one the table's legend defines; empty for a plain word.

    A spelled-out site ("Hippocampus", "Femur") is no code, so a legend cannot define it, and a
    co-culture is no route of administration: for those the question does not arise.
    """
    if route.missing:
        return _absent(f"no route to look up: {route.reason}")
    codes = [code for code in route.value if code not in ROUTE_SITES.values()]
    if not codes:
        words = ", ".join(route.value)
        if "COCULTURE" in route.value:
            return _absent(f"{words}: co-culture is not a route of administration, so no legend code applies")
        return _absent(f"{words}: printed as a plain word naming the site, not a legend code")
    return Derived(all(route_defined(code, legend) for code in codes))


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
    where = setting(row["animal_model"], row["in_vitro_model"], () if route.missing else route.value)
    out["host_species"] = host_species(row["animal_model"])
    if where.value == "in vitro" and not out["host_species"].missing:
        # A study in a dish has no animal host: its Animal model cell can only name where the cells came from.
        cell = " ".join(str(row["animal_model"]).split())
        out["host_species"] = _absent(f"in vitro study: no animal host ('{cell}' printed; the cells' origin)")
    out.update(
        {
            "dose_low": _part(amount, 0),
            "dose_high": _part(amount, 1),
            "dose_unit": _part(amount, 2),
            "dose_arms": _part(amount, 3),
            # One printed time, put where the setting allows (follow-up, incubation, or arm not stated).
            **timed(row["follow_up"], where),
            "setting": where,
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
