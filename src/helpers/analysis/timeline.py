"""Publication years of the studies the review tabulates.

Works on :func:`helpers.data.coded.studies`: each preclinical study carries the
year of the reference it cites (as printed in the review's reference list) and
the categories its printed effects name. These are the review's own selection
of studies, so the years show what it chose to tabulate, not how the field
moved. Because the number of tabulated studies differs from year to year
(0 to 12), categories are compared across years as shares of that year's
studies (:func:`year_totals`), never as raw counts.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.gapmap import disease_label
from helpers.core.vocab import RESOURCE_OF_TABLE
from helpers.data import curated

__all__ = [
    "by_year",
    "categories_by_year",
    "named_by_year",
    "tables_by_year",
    "year_totals",
    "shares",
    "curated_removals",
    "NONE_NAMED",
    "FEW_STUDIES",
]

#: A year with fewer tabulated studies than this has shares resting on 1 to 4 studies; the heat map
#: lightens and hatches it so its full-saturation cells do not read as the loudest signal.
FEW_STUDIES = 5

#: The row of each kind that counts the studies naming none of its categories.
NONE_NAMED = {"mechanisms": "No mechanism named", "pathways": "No pathway family named"}


def by_year(studies: pd.DataFrame) -> pd.DataFrame:
    """Studies per publication year, modality and disease (years without a study are left out).

    Returns
    -------
    pandas.DataFrame
        ``year, modality, disease, studies, refs``.
    """
    if studies.empty:
        return pd.DataFrame(columns=["year", "modality", "disease", "studies", "refs"])
    frame = studies.assign(disease=studies["disease_code"].map(disease_label))
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
        none = studies[studies[column].fillna("") == ""].groupby("year").size()
        if not part.empty or len(none):
            part = pd.concat([part, none.rename(NONE_NAMED[column]).to_frame().T]).fillna(0).astype(int)
            groups.append((name, len(part)))
            parts.append(part)
    if not parts:
        return pd.DataFrame()
    frame = pd.concat(parts).fillna(0).astype(int)
    frame = frame.reindex(columns=sorted(frame.columns))
    frame.index.name = "category"
    frame.attrs["groups"] = groups  # where each kind's rows start, for the drawing
    return frame


def year_totals(studies: pd.DataFrame) -> pd.Series:
    """How many tabulated studies each publication year has: the denominator of every share."""
    return studies.groupby("year").size().astype(int).rename("studies")


def shares(named: pd.DataFrame, totals: pd.Series) -> pd.DataFrame:
    """Each count of :func:`named_by_year` as a share of that year's studies (0 to 1)."""
    return named.div(totals.reindex(named.columns).to_numpy(), axis=1)


def tables_by_year(studies: pd.DataFrame) -> pd.DataFrame:
    """Which of the review's tables cite which years: studies per table and year."""
    if studies.empty:
        return pd.DataFrame()
    return studies.groupby(["table", "year"]).size().unstack("year", fill_value=0).astype(int)


#: The kinds of ``data/curated_tags.csv`` the heat map counts, with the column they fill.
_HEAT_KINDS = {"mechanism": "mechanisms", "pathway": "pathways"}


def curated_removals(studies: pd.DataFrame) -> pd.DataFrame:
    """Mechanism and pathway tags the lexicon would find but curation removes, for the selected studies.

    The heat map does not count them; the caption says which and why (``data/curated_tags.csv``).

    Returns
    -------
    pandas.DataFrame
        ``table, row, ref, year, category, evidence``, in table and row order.
    """
    columns = ["table", "row", "ref", "year", "category", "evidence"]
    curated_tags = curated.load("curated_tags")
    labels = curated.load("categories").set_index(["kind", "tag"])["label"]
    table_of = {resource: table for table, resource in RESOURCE_OF_TABLE.items()}
    keyed = studies.set_index([studies["table"].astype(str), studies["row"].astype(int)])
    rows = []
    for line in curated_tags.itertuples(index=False):
        key = (table_of.get(str(line.table), ""), int(line.row))
        if line.action != "remove" or line.kind not in _HEAT_KINDS or key not in keyed.index:
            continue
        study = keyed.loc[key]
        label = labels.get((line.kind, line.tag), line.tag)
        rows.append((*key, int(study["ref"]), int(study["year"]), str(label), str(line.evidence)))
    return pd.DataFrame(rows, columns=columns).sort_values(["table", "row"], ignore_index=True)
