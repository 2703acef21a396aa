"""Evidence behind Figures 1 and 2: selected studies, their tags and links.

The review's two figures are drawn schematics. We regenerate them as
evidence diagrams: every bar and every flow counts study rows of Tables 1
and 2 whose printed Effects support a mechanism or a pathway family, as
decided by the curated lexicon (:mod:`helpers.tags`). Each count keeps the
rows, references and phrases behind it.
"""

from __future__ import annotations

import pandas as pd

from . import data, derive, tags
from .select import selected_rows
from .session import Run
from .vocab import DISEASE_CODES, PRECLINICAL_TABLES, TABLE_OF_RESOURCE

__all__ = ["studies", "tagged", "flows", "evidence_table", "coverage"]


def studies(run: Run) -> dict[str, pd.DataFrame]:
    """Printed study rows of Tables 1–2 selected by the run's parameters.

    Each frame gains the derived ``disease_code`` and ``tissue`` columns.
    """
    abbreviations = data.load("abbreviations")
    out = {}
    for table in PRECLINICAL_TABLES:
        printed = data.load(table)  # only the files the figure reads (they decide its reruns)
        derived = derive.derive(table, printed, abbreviations)
        keep = selected_rows(derived, run)
        joined = printed.assign(disease_code=derived["disease_code"], tissue=derived["tissue"])
        out[table] = joined[keep].reset_index(drop=True)
    return out


def tagged(selected: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Tag the selected studies with the lexicon and the curated corrections."""
    lexicon = tags.load_lexicon()
    curated = tags.load_curated()
    # Curated lines name rows by number; keep only those still selected.
    rows = {t: set(f["row"]) for t, f in selected.items()}
    curated = curated[[r in rows.get(t, set()) for t, r in zip(curated["table"], curated["row"])]]
    return tags.tag_rows(selected, lexicon, curated)


def flows(
    selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, *, untagged: bool = True, min_studies: int = 1
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Study counts for Fig. 2: source → disease, and disease → pathway family.

    Parameters
    ----------
    selected : dict
        From :func:`studies`.
    tagged_rows : pandas.DataFrame
        From :func:`tagged`.
    untagged : bool
        Keep studies whose effects name no pathway, under "no pathway named".
    min_studies : int
        Drop links supported by fewer studies.

    Returns
    -------
    left, right : pandas.DataFrame
        ``source, disease, studies, refs`` and ``disease, pathway, studies, refs``.
    """
    labels = DISEASE_CODES
    pathway = tagged_rows[tagged_rows["kind"] == "pathway"]
    left, right = [], []
    for table, frame in selected.items():
        for _, study in frame.iterrows():
            disease = labels.get(study["disease_code"], study["disease"])
            tissues = str(study["tissue"]).split("+") if pd.notna(study["tissue"]) else ["not stated"]
            for tissue in tissues:
                left.append((tissue, disease, int(study["ref"])))
            names = pathway.loc[(pathway["table"] == table) & (pathway["row"] == study["row"]), "label"]
            if names.empty and untagged:
                names = pd.Series(["no pathway named"])
            for name in names:
                right.append((disease, name, int(study["ref"])))
    return (_links(left, ["source", "disease"], min_studies), _links(right, ["disease", "pathway"], min_studies))


def _links(records: list[tuple], names: list[str], min_studies: int) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=[*names, "ref"])
    grouped = frame.groupby(names, sort=True)["ref"]
    out = pd.DataFrame(
        {"studies": grouped.size(), "refs": grouped.agg(lambda r: ", ".join(str(x) for x in sorted(set(r))))}
    ).reset_index()
    return out[out["studies"] >= min_studies].reset_index(drop=True)


def evidence_table(tagged_rows: pd.DataFrame, kind: str) -> pd.DataFrame:
    """One line per supporting study: the table, row, reference and phrase."""
    part = tagged_rows[tagged_rows["kind"] == kind]
    table_names = {t: f"Table {TABLE_OF_RESOURCE[t].removeprefix('table')}" for t in PRECLINICAL_TABLES}
    return pd.DataFrame(
        {
            kind: part["label"].to_numpy(),
            "modality": part["modality"].to_numpy(),
            "table": part["table"].map(table_names).to_numpy(),
            "row": part["row"].to_numpy(),
            "ref": part["ref"].map(lambda r: f"[{r}]").to_numpy(),
            "origin": part["origin"].to_numpy(),
            "supporting text": part["phrase"].to_numpy(),
        }
    ).sort_values([kind, "modality", "row"], kind="stable", ignore_index=True)


def coverage(selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, kind: str) -> str:
    """A sentence saying how many selected studies carry at least one tag of ``kind``."""
    part = tagged_rows[tagged_rows["kind"] == kind]
    words = {"msc_studies": "MSC (cell) studies", "exosome_studies": "MSC-exosome studies"}
    pieces = []
    for table, frame in selected.items():
        hit = part.loc[part["table"] == table, "row"].nunique()
        pieces.append(f"{hit} of {len(frame)} {words[table]}")
    return (
        f"Studies with at least one {kind} named in their printed effects: "
        + "; ".join(pieces)
        + f". A study may support several {kind}s. Tags come from data/lexicon.csv and "
        "data/curated_tags.csv; the supporting text of each is listed in the evidence table."
    )
