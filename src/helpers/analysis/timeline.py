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

import re
from dataclasses import dataclass, field

import pandas as pd

from helpers.analysis import gapmap
from helpers.analysis import trials as trial_lines
from helpers.analysis.gapmap import NO_ANIMAL_ARM, disease_label
from helpers.core.vocab import RESOURCE_OF_TABLE
from helpers.data import curated
from helpers.data.design import printed_evidence

__all__ = [
    "by_year",
    "categories_by_year",
    "named_by_year",
    "tables_by_year",
    "year_totals",
    "shares",
    "curated_removals",
    "boundary_calls",
    "Caveats",
    "caveats",
    "evidence",
    "NONE_NAMED",
    "FEW_STUDIES",
    "FACTOR_FAMILIES",
    "factor_split",
]

#: A year with fewer tabulated studies than this has shares resting on 1 to 4 studies; the heat map
#: leaves it unshaded in a dotted frame, so its shares are read from their counts, never from a colour.
FEW_STUDIES = 5

#: Pathway families of data/categories.csv whose core is itself a transcription-factor system (NF-κB, Nrf2
#: with its target HO-1): drawn as families, as the file defines them, while the transcription factors the
#: file files as ``regulator`` (FoxO, KLF6, NR4A1, ATF4-ATF3-CHOP) are not drawn. The split is the file's,
#: not a property of transcription factors (fifth reading, timeline 5.1).
FACTOR_FAMILIES = ("nf_kb", "nrf2_ho1")


def factor_split() -> dict[str, list[str]]:
    """The labels of data/categories.csv's transcription factors (``regulator``) and of :data:`FACTOR_FAMILIES`."""
    categories = curated.load("categories")
    regulators = categories.loc[categories["kind"] == "regulator", "label"].astype(str).tolist()
    families = categories.set_index("tag").loc[list(FACTOR_FAMILIES), "label"].astype(str).tolist()
    return {"regulators": regulators, "families": families}


#: The row of each kind that counts the studies naming none of its categories.
NONE_NAMED = {"mechanisms": "No mechanism named", "pathways": "No pathway family (data/categories.csv)"}


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
    # Every year from the first to the last, an empty one (2017) with zeros, as in the other tables (4th reading 4.3).
    frame = frame.reindex(columns=_all_years(studies), fill_value=0)
    frame.index.name = "category"
    frame.attrs["groups"] = groups  # where each kind's rows start, for the drawing
    return frame


def _all_years(studies: pd.DataFrame) -> list[int]:
    """Every year from the first to the last of the selected studies, those with no study included."""
    if studies.empty:
        return []
    return list(range(int(studies["year"].min()), int(studies["year"].max()) + 1))


def year_totals(studies: pd.DataFrame) -> pd.Series:
    """How many tabulated studies each publication year has: the denominator of every share.

    A year between the first and the last with no study is kept with 0 (2017 in the review's
    Tables 1-2), so a reader adding the denominators sees the empty year (third reading 3.6).
    """
    counts = studies.groupby("year").size().astype(int)
    return counts.reindex(_all_years(studies), fill_value=0).rename("studies").rename_axis("year")


def shares(named: pd.DataFrame, totals: pd.Series) -> pd.DataFrame:
    """Each count of :func:`named_by_year` as a share of that year's studies (0 to 1)."""
    return named.div(totals.reindex(named.columns).to_numpy(), axis=1)


def tables_by_year(studies: pd.DataFrame) -> pd.DataFrame:
    """Which of the review's tables cite which years: studies per table and year."""
    if studies.empty:
        return pd.DataFrame()
    table = studies.groupby(["table", "year"]).size().unstack("year", fill_value=0)
    # A year without a study keeps its column of zeros (third reading 3.6), as in the figure.
    return table.reindex(columns=_all_years(studies), fill_value=0).astype(int)


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


#: Printed words that come close to a category the heat map does not count for that row, by the definitions
#: of ``data/categories.csv`` and the notes of ``data/lexicon.csv``: (category label, words, why not counted).
#: The caption names the rows, so a boundary call is said, not hidden (third reading 3.3, 3.4).
BOUNDARY_WORDS: tuple[tuple[str, str, str], ...] = (
    (
        "Paracrine & trophic factors",
        r"\b(?:neuro)?trophic factors?\b[^,;]*\bsecretion\b",
        "secretion listed as one outcome among others, not as the mediator",
    ),
    (
        "Bone remodelling",
        r"\bin osteoclasts\b",
        "an effect placed 'in osteoclasts', with no osteoclast number or activity printed",
    ),
)


def boundary_calls(studies: pd.DataFrame) -> pd.DataFrame:
    """Selected studies whose printed Effects cell comes close to a category that is not counted for them.

    Returns
    -------
    pandas.DataFrame
        ``table, row, ref, year, category, printed, reason``: ``printed`` quotes the words that matched,
        ``reason`` says which rule of ``data/categories.csv`` keeps the study out of ``category``.
    """
    columns = ["table", "row", "ref", "year", "category", "printed", "reason"]
    if studies.empty:
        return pd.DataFrame(columns=columns)
    effects = printed_evidence(studies)["effects"].astype("string").fillna("")
    named = studies["mechanisms"].astype("string").fillna("")
    rows = []
    for category, words, reason in BOUNDARY_WORDS:
        for index, text in effects.items():
            hit = re.search(words, str(text), flags=re.IGNORECASE)
            if hit and category not in str(named[index]).split("; "):
                study = studies.loc[index]
                rows.append(
                    (
                        study["table"],
                        int(study["row"]),
                        int(study["ref"]),
                        int(study["year"]),
                        category,
                        hit.group(0),
                        reason,
                    )
                )
    return pd.DataFrame(rows, columns=columns).sort_values(["category", "table", "row"], ignore_index=True)


@dataclass(frozen=True)
class Caveats:
    """What a reader of the timeline should know about the rows it counts (see :func:`caveats`)."""

    #: ``(table, row) -> "R1: message"``: rows an audit finding questions (:func:`helpers.analysis.gapmap.flagged_in`).
    flagged: dict = field(default_factory=dict)
    #: Rows that may be clinical studies Table 3 does not list (:func:`helpers.analysis.trials.clinical_elsewhere`).
    elsewhere: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: Tags curation removes (:func:`curated_removals`).
    removals: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: ``(table, row) -> "model: …"``: a printed model of another condition (gapmap.other_model_rows).
    other: dict = field(default_factory=dict)
    #: Printed words near a category not counted (:func:`boundary_calls`).
    boundary: pd.DataFrame = field(default_factory=pd.DataFrame)


def caveats(studies: pd.DataFrame, findings: pd.DataFrame | None) -> Caveats:
    """Collect every caveat on the selected rows, from the audit's ``findings`` (rules R1-R4, W6, as in the gap map)."""
    return Caveats(
        flagged=gapmap.flagged_in(studies, findings),
        elsewhere=trial_lines.clinical_elsewhere(findings, studies),
        removals=curated_removals(studies),
        other=gapmap.other_model_rows(studies),
        boundary=boundary_calls(studies),
    )


#: The columns of ``figures/timeline.evidence.csv``.
EVIDENCE_COLUMNS = ["table", "row", "ref", "year", "modality", "disease", "setting", "mechanisms", "pathways", "caveat"]


def evidence(studies: pd.DataFrame, found: Caveats) -> pd.DataFrame:
    """The rows behind every count, with the printed disease word first and each row's caveats in words.

    ``setting`` reads "no animal arm printed" where the row prints no route into an animal (the coded "in vitro":
    not the same as in vitro only, third reading 3.5); ``caveat`` carries the audit's findings, the reviewed
    reason for a possibly clinical row, a model of another condition and the boundary calls, so the caption
    need not (third reading 3.7).
    """
    notes: dict[tuple[str, int], list[str]] = {}
    for key, text in found.flagged.items():
        notes.setdefault(key, []).append(f"audit {text}")
    for line in found.elsewhere.itertuples(index=False):
        notes.setdefault((str(line.table), int(line.row)), []).append(f"possibly clinical (reviewed): {line.reason}")
    for key, text in found.other.items():
        notes.setdefault(key, []).append(text)
    for line in found.boundary.itertuples(index=False):
        notes.setdefault((str(line.table), int(line.row)), []).append(
            f"not counted under {line.category}: '{line.printed}', {line.reason}"
        )
    for line in found.removals.itertuples(index=False):
        notes.setdefault((str(line.table), int(line.row)), []).append(
            f"{line.category} removed by curation: {line.evidence}"
        )
    keys = zip(studies["table"].astype(str), studies["row"].astype(int))
    shown = studies.assign(
        disease=studies["disease_code"].map(disease_label),
        setting=studies["setting"].replace({"in vitro": NO_ANIMAL_ARM}),
        caveat=[" | ".join(notes.get(key, [])) for key in keys],
    )
    return shown[EVIDENCE_COLUMNS]
