"""The gap map: where preclinical evidence and clinical trials meet, and where they do not.

Counts, from the coded dataset (:mod:`helpers.data.coded`), the preclinical
studies of Tables 1-2 and the clinical studies of Table 3 in each cell of a
disease × MSC tissue source grid, separately for MSCs and for MSC-derived
exosomes. A study or trial that names two sources counts in both cells, so a
row of the grid can hold more than its disease's studies.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.vocab import DISEASE_CODES, MODALITIES, TISSUE_CODES

__all__ = ["grid", "facts", "evidence", "NOT_STATED", "GAPS"]

NOT_STATED = "not stated"
#: What a cell of the grid shows, by which side has evidence.
GAPS = {
    (True, False): "preclinical only",
    (False, True): "trials only",
    (True, True): "both",
    (False, False): "neither",
}


def _exploded(frame: pd.DataFrame) -> pd.DataFrame:
    tissue = frame["tissue"].astype("string").fillna(NOT_STATED).str.split("+")
    return frame.assign(source=tissue).explode("source")


def _phases(part: pd.DataFrame) -> str:
    counts = part["phase"].astype("string").fillna("no phase").value_counts().sort_index()
    return ", ".join(f"phase {p}: {n}" if p != "no phase" else f"no phase: {n}" for p, n in counts.items())


def _statuses(part: pd.DataFrame) -> str:
    counts = part["status"].value_counts().sort_index()
    return ", ".join(f"{s}: {n}" for s, n in counts.items())


def grid(studies: pd.DataFrame, trials: pd.DataFrame) -> pd.DataFrame:
    """Every modality × disease × source cell with its preclinical and trial counts.

    Parameters
    ----------
    studies, trials : pandas.DataFrame
        From :func:`helpers.data.coded.studies` and :func:`helpers.data.coded.trials`,
        already selected.

    Returns
    -------
    pandas.DataFrame
        ``modality, disease, source, preclinical, trials, phases, statuses,
        gap``; diseases and sources that occur anywhere in the selection,
        in vocabulary order, with ``not stated`` last.
    """
    pre, tri = _exploded(studies), _exploded(trials)
    diseases = [c for c in DISEASE_CODES if c in set(pre["disease_code"]) | set(tri["disease_code"])]
    present = set(pre["source"]) | set(tri["source"])
    sources = [c for c in TISSUE_CODES if c in present] + ([NOT_STATED] if NOT_STATED in present else [])
    rows = []
    for modality in MODALITIES:
        for disease in diseases:
            for source in sources:
                p = pre[(pre["modality"] == modality) & (pre["disease_code"] == disease) & (pre["source"] == source)]
                t = tri[(tri["modality"] == modality) & (tri["disease_code"] == disease) & (tri["source"] == source)]
                rows.append(
                    {
                        "modality": modality,
                        "disease": disease,
                        "source": source,
                        "preclinical": len(p),
                        "trials": len(t),
                        "phases": _phases(t) if len(t) else "",
                        "statuses": _statuses(t) if len(t) else "",
                        "gap": GAPS[len(p) > 0, len(t) > 0],
                    }
                )
    return pd.DataFrame(
        rows, columns=["modality", "disease", "source", "preclinical", "trials", "phases", "statuses", "gap"]
    )


def facts(cells: pd.DataFrame) -> dict:
    """What the grid shows, as numbers and lists a caption can state.

    Returns
    -------
    dict
        ``sources_preclinical_only`` and ``sources_trials_only`` (tissue
        codes with evidence on one side only, over all diseases and
        modalities), ``preclinical`` and ``trials`` per modality (distinct
        studies are counted by the caller; these are grid totals), and the
        number of cells of each gap kind.
    """
    by_source = cells.groupby("source")[["preclinical", "trials"]].sum()
    return {
        "sources_preclinical_only": [s for s, r in by_source.iterrows() if r["preclinical"] and not r["trials"]],
        "sources_trials_only": [s for s, r in by_source.iterrows() if r["trials"] and not r["preclinical"]],
        "gap_cells": cells["gap"].value_counts().to_dict(),
    }


def evidence(studies: pd.DataFrame, trials: pd.DataFrame) -> pd.DataFrame:
    """One line per study or trial in each grid cell: where its count comes from."""
    pre = _exploded(studies).assign(
        kind="preclinical study", identifier=lambda f: f["table"] + " row " + f["row"].astype(str)
    )
    tri = _exploded(trials).assign(
        kind="clinical study",
        identifier=lambda f: f["nct_id"].astype("string").fillna("table3 row " + f["row"].astype(str)),
    )
    columns = ["modality", "disease_code", "source", "kind", "table", "row", "ref", "identifier"]
    frame = pd.concat([pre[columns], tri[columns]], ignore_index=True)
    frame["ref"] = frame["ref"].map(lambda r: f"[{r}]" if pd.notna(r) else "")
    return frame.sort_values(["modality", "disease_code", "source", "kind", "table", "row"], ignore_index=True)
