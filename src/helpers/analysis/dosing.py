"""Doses, routes, follow-up and reporting completeness of the preclinical studies.

Works on :func:`helpers.data.coded.studies`, whose doses are quantities read by
:mod:`helpers.data.quantities`: one kind per study (cells, particles, protein
mass, mass per body mass, concentration), each in its own base unit, and
never converted into another kind.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.crossing import NOT_REPORTED

__all__ = ["doses", "follow_up", "routes", "missing", "completeness", "completeness_summary", "ITEMS"]

#: What a study can report, in the spirit of the ARRIVE items, limited to what the tables print.
ITEMS = ("host species", "animal model", "route", "dose", "follow-up", "in vitro model")


def doses(studies: pd.DataFrame) -> pd.DataFrame:
    """One line per study with a readable dose: its kind, unit and lowest and highest arm."""
    part = studies[studies["dose_kind"].notna()]
    return part[
        [
            "table",
            "row",
            "ref",
            "disease",
            "modality",
            "route",
            "dose_kind",
            "dose_unit",
            "dose_low",
            "dose_high",
            "dose_arms",
        ]
    ].reset_index(drop=True)


def follow_up(studies: pd.DataFrame) -> pd.DataFrame:
    """One line per study with its follow-up in days (studies without one are counted, not listed)."""
    part = studies[studies["follow_up_days"].notna()]
    return part[["table", "row", "ref", "disease", "modality", "follow_up_days"]].reset_index(drop=True)


def completeness(studies: pd.DataFrame) -> pd.DataFrame:
    """For each study, which items of :data:`ITEMS` its printed cells report.

    Returns
    -------
    pandas.DataFrame
        ``table, row, ref, modality`` and one column per item holding
        ``reported``, ``not reported`` or ``not applicable`` (an in-vitro-only
        study has no host, model or follow-up in an animal; an in-vivo-only
        study needs no in vitro model).
    """
    in_vitro_only = studies["setting"] == "in vitro"
    has_vitro = studies["setting"].astype("string").fillna("").str.contains("in vitro")

    def item(present: pd.Series, applicable: pd.Series) -> pd.Series:
        out = present.map({True: "reported", False: NOT_REPORTED})
        return out.where(applicable, "not applicable")

    frame = studies[["table", "row", "ref", "modality"]].copy()
    in_vivo = ~in_vitro_only.fillna(False)
    frame["host species"] = item(studies["host_species"].notna(), in_vivo)
    frame["animal model"] = item(studies["model_class"].notna(), in_vivo)
    frame["route"] = item(studies["route"].notna(), pd.Series(True, index=studies.index))
    frame["dose"] = item(studies["dose_kind"].notna(), pd.Series(True, index=studies.index))
    frame["follow-up"] = item(studies["follow_up_days"].notna(), in_vivo)
    frame["in vitro model"] = item(has_vitro.fillna(False), has_vitro.fillna(False))
    return frame.reset_index(drop=True)


def completeness_summary(matrix: pd.DataFrame) -> pd.DataFrame:
    """Share of studies reporting each item where it applies, by modality.

    Returns
    -------
    pandas.DataFrame
        ``item, modality, reported, applicable, share`` (share in percent).
    """
    rows = []
    for modality, part in matrix.groupby("modality", sort=True):
        for name in ITEMS:
            applicable = int((part[name] != "not applicable").sum())
            reported = int((part[name] == "reported").sum())
            rows.append(
                (
                    name,
                    modality,
                    reported,
                    applicable,
                    round(100 * reported / applicable, 1) if applicable else float("nan"),
                )
            )
    return pd.DataFrame(rows, columns=["item", "modality", "reported", "applicable", "share"])


def routes(studies: pd.DataFrame) -> pd.DataFrame:
    """Studies per route and modality; "not reported" where no route could be read."""
    from helpers.analysis.crossing import crossed

    counts = crossed(studies, "route", "Route").groupby(["category", "modality"])["studies"].sum()
    frame = counts.rename_axis(["route", "modality"]).reset_index()
    # Abbreviations stay as printed (IV); spelled-out sites read as words (BACK_SIDES -> back sides).
    frame["route"] = frame["route"].map(lambda r: r if len(r) <= 3 else r.lower().replace("_", " "))
    return frame


def missing(studies: pd.DataFrame) -> dict[str, int]:
    """Studies without a readable dose, and in-vivo studies without a follow-up."""
    in_vivo = studies["setting"] != "in vitro"
    return {
        "dose": int(studies["dose_kind"].isna().sum()),
        "follow-up": int((studies["follow_up_days"].isna() & in_vivo.fillna(True)).sum()),
    }
