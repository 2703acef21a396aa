"""Doses per kg of body mass and follow-up as a share of lifespan, from sourced nominal values.

The review prints doses per animal and no body mass, and follow-up times
with no lifespan. ``data/body_mass.csv`` and ``data/lifespan.csv`` hold a
nominal adult body mass and a lifespan per host species, each with its
source: an assumption about typical animals, not a measurement of the
studies' animals. Only a dose an animal received is divided by a body mass,
and only within its kind: cells per kg, particles per kg and µg per kg stay
apart, a concentration is never converted, and a dose the row already prints
per kg is only restated in µg/kg.
"""

from __future__ import annotations

import math

import pandas as pd

from helpers.data import curated

__all__ = [
    "masses", "lifespans", "per_kg", "lifespan_share", "PER_KG_UNITS", "SYSTEMIC_ROUTES", "DELIVERIES", "check_masses"
]  # fmt: skip

#: The per-animal unit of each dose kind that can be put per kg -> the unit per kg.
PER_KG_UNITS: dict[tuple[str, str], str] = {
    ("cells", "cells"): "cells/kg",
    ("particles", "particles"): "particles/kg",
    ("mass as printed", "µg"): "µg/kg",
}
#: Routes whose dose reaches the whole body, so that a dose per kg of body mass is meaningful. IP counts: the
#: dose is not put into a target organ, though IP cells may largely stay in the peritoneal cavity (seventh
#: reading 7.3). SC is not one: both printed SC rows are skin models (refs 43, 83) whose injection site the
#: review does not report, and a dose under the skin of a skin model acts there first.
SYSTEMIC_ROUTES = ("IV", "IP")
#: Values of ``dose_per_kg_delivery``: whether a dose per kg is one the whole body received (seventh reading 7.12).
DELIVERIES = ("systemic (IV or IP)", "local (per kg of whole body not meaningful)")

#: Why a kind of dose is never put per kg of body mass.
_NEVER: dict[str, str] = {
    "in vitro concentration": "a concentration in a culture dish, not a dose an animal received: never converted",
    "injected concentration": (
        "a concentration injected without a printed volume: the amount an animal received, hence a dose per kg, is "
        "not reported in the review"
    ),
    "cells, printed for exosomes": (
        "an exosome study whose dose is printed as a number of cells (most likely the producer cells): not an "
        "amount of the vesicles, so not put per kg"
    ),
}


def masses(override: dict | None = None) -> dict[str, float]:
    """Nominal body mass in grams per host species: ``data/body_mass.csv``, then ``override`` on top."""
    frame = curated.load("body_mass")
    out = {
        s: float(g) for s, g, strain in zip(frame["species"], frame["body_mass_g"], frame["strain"]) if g and not strain
    }
    return out | {str(k): float(v) for k, v in (override or {}).items()}


def check_masses(value: object, species: tuple[str, ...]) -> dict[str, float]:
    """``value`` as a body_mass_g parameter: a dict of host species to a positive mass in grams, or a ValueError."""
    if not isinstance(value, dict):
        raise ValueError(f"parameter 'body_mass_g': expected a dict such as {{'mouse': 25}}, got {value!r}")
    for key, grams in value.items():
        if key not in species:
            raise ValueError(f"parameter 'body_mass_g': {key!r} is not a host species; expected one of {list(species)}")
        if isinstance(grams, bool) or not isinstance(grams, int | float) or not math.isfinite(grams) or grams <= 0:
            raise ValueError(f"parameter 'body_mass_g': {key!r} must be a positive number of grams, got {grams!r}")
    return {k: float(v) for k, v in value.items()}


def lifespans() -> dict[str, float]:
    """Lifespan in days per host species (``data/lifespan.csv``), where a source gives one."""
    frame = curated.load("lifespan")
    return {s: float(d) for s, d in zip(frame["species"], frame["lifespan_days"]) if d}


def _one(row, grams: dict[str, float], overridden: set[str]) -> tuple:
    """(low, high, unit, basis, reason) of one coded study."""
    kind, unit, host = row.dose_kind, row.dose_unit, row.host_species
    if row.setting == "in vitro":
        return None, None, None, None, "in vitro only row: no animal received a dose"
    if pd.isna(kind):
        return None, None, None, None, f"no dose to put per kg: {row.dose_missing}"
    if kind in _NEVER:
        return None, None, None, None, _NEVER[kind]
    if kind == "mass per body mass" and unit == "mg/kg":
        # Printed per kg already: only restated in µg/kg, the unit of the other mass doses (1 mg = 1000 µg).
        return row.dose_low * 1000, row.dose_high * 1000, "µg/kg", "printed per kg (mg/kg restated in µg/kg)", ""
    if (kind, unit) not in PER_KG_UNITS:
        return None, None, None, None, f"a dose of kind '{kind}' in '{unit}' has no per-kg form"
    if host not in grams:
        return (
            None,
            None,
            None,
            None,
            (
                f"no sourced nominal body mass for the {host} (data/body_mass.csv); "
                "the parameter body_mass_g can set one"
            ),
        )
    kg = grams[host] / 1000
    where = "parameter body_mass_g" if host in overridden else "data/body_mass.csv"
    # The print gives one number per row, no schedule, and for doses into an ovary not whether it is per ovary
    # (sixth reading 6.8): the basis says so rather than "per animal".
    basis = (
        f"printed dose per administration (schedule, and for OV per ovary or per animal, not reported in the review) "
        f"/ nominal {host} body mass {grams[host]:g} g ({where}), not the study's animals"
    )
    return row.dose_low / kg, row.dose_high / kg, PER_KG_UNITS[(kind, unit)], basis, ""


def delivery(route: object, modification: object) -> str:
    """``systemic (IV or IP)`` or ``local (…)``: an IV or IP dose not carried in a scaffold or hydrogel is systemic.

    Any other route (into an ovary, the brain, the nose, under the skin of a skin model, a bone, an implant site,
    a route printed NA or MI) and any dose in a biomaterial (``modification`` names one) is local.
    """
    material = "biomaterial" in str(modification if pd.notna(modification) else "").split("+")
    return DELIVERIES[0] if str(route) in SYSTEMIC_ROUTES and not material else DELIVERIES[1]


def per_kg(studies: pd.DataFrame, override: dict | None = None) -> pd.DataFrame:
    """``dose_per_kg_low``, ``_high``, ``_unit``, ``_basis`` and ``_delivery`` of every coded study, with
    ``dose_per_kg_missing``.

    Parameters
    ----------
    studies : DataFrame
        Coded studies with ``setting``, ``host_species``, ``dose_kind``, ``dose_low``, ``dose_high``,
        ``dose_unit`` and ``dose_missing``.
    override : dict, optional
        Host species -> nominal body mass in grams, replacing ``data/body_mass.csv`` for those species.
    """
    grams = masses(override)
    rows = [_one(r, grams, set(override or {})) for r in studies.itertuples()]
    low, high, unit, basis, reason = zip(*rows) if rows else ((),) * 5
    routes = studies["route"] if "route" in studies else pd.Series(pd.NA, index=studies.index)
    materials = studies["modification"] if "modification" in studies else pd.Series(pd.NA, index=studies.index)
    # Said only where there is a dose per kg: empty with it, for the same reason (dose_per_kg_missing).
    how = [delivery(r, m) if u is not None else None for r, m, u in zip(routes, materials, unit)]
    return pd.DataFrame(
        {
            "dose_per_kg_low": pd.array(low, dtype="Float64"),
            "dose_per_kg_high": pd.array(high, dtype="Float64"),
            "dose_per_kg_unit": pd.array(unit, dtype="string"),
            "dose_per_kg_basis": pd.array(basis, dtype="string"),
            "dose_per_kg_delivery": pd.array(how, dtype="string"),
            "dose_per_kg_missing": pd.array(reason, dtype="string"),
        },
        index=studies.index,
    )


def lifespan_share(studies: pd.DataFrame) -> pd.DataFrame:
    """``follow_up_lifespan_share`` (follow-up days / lifespan days), in vivo studies only, with its reason."""
    days = lifespans()
    shares, reasons = [], []
    unassigned = studies["unassigned_time_days"] if "unassigned_time_days" in studies else [None] * len(studies)
    rows = zip(studies["setting"], studies["host_species"], studies["follow_up_days"], unassigned)
    for setting, host, follow, other in rows:
        if setting == "in vitro":
            share, why = None, "in vitro only row: no animals to follow up"
        elif pd.isna(follow) and pd.isna(other):
            # No time printed at all (sixth reading 6.13: ref 43), whatever the setting.
            share, why = None, "no follow-up printed"
        elif setting != "in vivo":
            share, why = None, "the review does not say whether the one printed time is the animals' follow-up"
        elif pd.isna(follow):
            share, why = None, "no follow-up printed"
        elif host not in days:
            share, why = None, f"no sourced lifespan for the {host} (data/lifespan.csv)"
        else:
            share, why = follow / days[host], ""
        shares.append(share)
        reasons.append(why)
    return pd.DataFrame(
        {
            "follow_up_lifespan_share": pd.array(shares, dtype="Float64"),
            "follow_up_lifespan_share_missing": pd.array(reasons, dtype="string"),
        },
        index=studies.index,
    )
