"""How the field moved: the cited studies by publication year.

Works on :func:`helpers.data.coded.studies`: each preclinical study carries the
year of the reference it cites and the categories its printed effects name.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.vocab import DISEASE_CODES

__all__ = ["by_year", "categories_by_year", "named_by_year", "tables_by_year"]


def by_year(studies: pd.DataFrame) -> pd.DataFrame:
    """Studies per publication year, modality and disease (years without a study are left out).

    Returns
    -------
    pandas.DataFrame
        ``year, modality, disease, studies, refs``.
    """
    if studies.empty:
        return pd.DataFrame(columns=["year", "modality", "disease", "studies", "refs"])
    frame = studies.assign(disease=studies["disease_code"].map(lambda c: DISEASE_CODES.get(c, c)))
    rows = [
        (int(year), modality, disease, len(part), ", ".join(str(r) for r in sorted(set(part["ref"]))))
        for (year, modality, disease), part in frame.groupby(["year", "modality", "disease"], sort=True)
    ]
    return pd.DataFrame(rows, columns=["year", "modality", "disease", "studies", "refs"])


def categories_by_year(studies: pd.DataFrame, column: str) -> pd.DataFrame:
    """How many studies of each year name each category of one kind (``mechanisms``, ``pathways`` or ``cargo``).

    Returns
    -------
    pandas.DataFrame
        Indexed by category (most named first), one integer column per year.
    """
    named = studies.assign(category=studies[column].str.split("; ")).explode("category")
    named = named[named["category"].fillna("") != ""]
    if named.empty:
        return pd.DataFrame()
    table = named.groupby(["category", "year"]).size().unstack("year", fill_value=0)
    order = table.sum(axis=1).sort_index().sort_values(ascending=False, kind="stable").index
    return table.loc[order].astype(int)


def named_by_year(studies: pd.DataFrame) -> pd.DataFrame:
    """Mechanisms, then pathway families: how many studies of each year name each one."""
    groups, parts = [], []
    for column, name in (("mechanisms", "Mechanisms"), ("pathways", "Pathway families")):
        part = categories_by_year(studies, column)
        if not part.empty:
            groups.append((name, len(part)))
            parts.append(part)
    if not parts:
        return pd.DataFrame()
    frame = pd.concat(parts).fillna(0).astype(int)
    frame.attrs["groups"] = groups  # where each kind's rows start, for the drawing
    return frame


def tables_by_year(studies: pd.DataFrame) -> pd.DataFrame:
    """Which of the review's tables cite which years: studies per table and year."""
    if studies.empty:
        return pd.DataFrame()
    return studies.groupby(["table", "year"]).size().unstack("year", fill_value=0).astype(int)
