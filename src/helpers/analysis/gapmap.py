"""The gap map: where the review's preclinical rows and its clinical studies meet, and where they do not.

Counts, from the coded dataset (:mod:`helpers.data.coded`), the preclinical
studies of Tables 1-2 and the clinical studies of Table 3 in each cell of a
disease × MSC tissue source grid, separately for MSCs and for MSC-derived
exosomes. A study or trial that names two sources counts in both cells, so a
row of the grid can hold more than its disease's studies.

Everything is a count of rows of the review's Tables 1-3, the review's own
selection: "no clinical study" means none in Table 3. Each cell also says how
many of its studies are in vitro only, how many rest on a row whose cited
title the audit finds naming another disease, source or setting (passed in,
never silently counted), and how many studies name its source only as a
comparator arm in their Effects cell (:func:`helpers.data.derive.comparators.comparator_tissues`).
Registered trials and clinical studies that are not trials (Table 3's
retrospective cohort) are counted apart.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.vocab import DISEASE_CODES, MODALITIES, RESOURCE_OF_TABLE, TISSUE_CODES
from helpers.data import curated
from helpers.data.derive.comparators import comparator_tissues
from helpers.data.derive.registry import REGISTERED_TRIAL

__all__ = ["grid", "facts", "evidence", "comparators", "flagged_rows", "flagged_in", "NOT_STATED", "GAPS", "COLUMNS"]

NOT_STATED = "not stated"
#: What a cell of the grid shows, by (preclinical row, clinical study, comparator arm only).
GAPS = {
    (True, True, False): "both",
    (True, True, True): "both",
    (True, False, False): "preclinical only",
    (True, False, True): "preclinical only",
    (False, True, True): "clinical; preclinical as comparator arm only",
    (False, True, False): "clinical only",
    (False, False, True): "comparator arm only",
    (False, False, False): "neither",
}
COLUMNS = [
    "modality",
    "disease",
    "source",
    "preclinical",
    "in_vitro_only",
    "flagged",
    "comparator",
    "trials",
    "other_clinical",
    "phases",
    "statuses",
    "gap",
]


def _exploded(frame: pd.DataFrame, column: str = "tissue") -> pd.DataFrame:
    tissue = frame[column].astype("string").fillna(NOT_STATED).str.split("+")
    return frame.assign(source=tissue).explode("source")


def _phases(part: pd.DataFrame) -> str:
    counts = part["phase"].astype("string").fillna("no phase").value_counts().sort_index()
    return ", ".join(f"phase {p}: {n}" if p != "no phase" else f"no phase: {n}" for p, n in counts.items())


def _statuses(part: pd.DataFrame) -> str:
    counts = part["status"].value_counts().sort_index()
    return ", ".join(f"{s}: {n}" for s, n in counts.items())


def comparators(studies: pd.DataFrame) -> pd.DataFrame:
    """The selected studies' comparator arms: one line per study and tissue it names only as a comparator.

    Returns
    -------
    pandas.DataFrame
        ``table, row, ref, modality, disease_code, source``.
    """
    rows = []
    for table in dict.fromkeys(studies["table"]):
        printed = curated.load(RESOURCE_OF_TABLE[table]).set_index("row")
        for line in studies[studies["table"] == table].itertuples(index=False):
            cell = printed.loc[int(line.row)]
            found = comparator_tissues(cell["effects"], cell["source"])
            for tissue in [] if found.missing else str(found.value).split("+"):
                rows.append((table, int(line.row), line.ref, line.modality, line.disease_code, tissue))
    return pd.DataFrame(rows, columns=["table", "row", "ref", "modality", "disease_code", "source"])


#: The audit's rules whose finding questions where a row is counted in the grid: the cited title names
#: another disease (R1), MSC source (R2) or host / setting (R3). R4 (another product) is left to the
#: dataset's audit columns: the grid's cell does not depend on it.
TITLE_RULES = ("R1", "R2", "R3")


def flagged_rows(findings: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    """Rows an audit finding says cite a title about another disease, source or setting (:data:`TITLE_RULES`).

    Parameters
    ----------
    findings : pandas.DataFrame or None
        The audit's findings (:func:`helpers.audit.runner.frame`): ``rule,
        table, row, message, verdict``. Findings a review rejected are left out.

    Returns
    -------
    dict
        ``(table, row) -> "R1: message"`` (several joined by ``"; "``).
    """
    if findings is None or findings.empty:
        return {}
    ids = findings["rule"].str.split().str[0]
    part = findings[ids.isin(TITLE_RULES) & (findings["verdict"] != "rejected")]
    out: dict[tuple[str, int], str] = {}
    for line in part.itertuples(index=False):
        if str(line.row).isdigit():
            key = (str(line.table), int(line.row))
            text = f"{str(line.rule).split()[0]}: {line.message}"
            out[key] = f"{out[key]}; {text}" if key in out else text
    return out


def _at(frame: pd.DataFrame, modality: str, disease: str, source: str) -> pd.DataFrame:
    at = (frame["modality"] == modality) & (frame["disease_code"] == disease) & (frame["source"] == source)
    return frame[at]


def _cell(modality: str, disease: str, source: str, pre, tri, comp) -> dict:
    """One grid cell's counts."""
    p, c = _at(pre, modality, disease, source), _at(comp, modality, disease, source)
    clinical = _at(tri, modality, disease, source)
    t, o = clinical[clinical["_registered"]], clinical[~clinical["_registered"]]
    return {
        "modality": modality,
        "disease": disease,
        "source": source,
        "preclinical": len(p),
        "in_vitro_only": int((p["setting"] == "in vitro").sum()) if "setting" in p else 0,
        "flagged": int(p["_flag"].sum()),
        "comparator": len(c),
        "trials": len(t),
        "other_clinical": len(o),
        "phases": _phases(clinical) if len(clinical) else "",
        "statuses": _statuses(clinical) if len(clinical) else "",
        "gap": GAPS[len(p) > 0, len(clinical) > 0, len(c) > 0],
    }


def grid(
    studies: pd.DataFrame,
    trials: pd.DataFrame,
    findings: pd.DataFrame | None = None,
    arms: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every modality × disease × source cell with its preclinical and clinical counts.

    Parameters
    ----------
    studies, trials : pandas.DataFrame
        From :func:`helpers.data.coded.studies` and :func:`helpers.data.coded.trials`,
        already selected.
    findings : pandas.DataFrame, optional
        The audit's findings (see :func:`flagged_rows`).
    arms : pandas.DataFrame, optional
        Comparator arms (:func:`comparators`); none when not given.

    Returns
    -------
    pandas.DataFrame
        :data:`COLUMNS`: ``preclinical`` rows of Tables 1-2, of which
        ``in_vitro_only`` have no animal work and ``flagged`` cite a title the
        audit finds about something else; ``comparator`` studies naming the
        source only as a comparator arm; ``trials`` registered trials and
        ``other_clinical`` clinical studies that are not trials. Diseases and
        sources that occur anywhere in the selection, in vocabulary order,
        with ``not stated`` last.
    """
    pre, tri = _exploded(studies), _exploded(trials)
    comp = arms if arms is not None else pd.DataFrame(columns=["modality", "disease_code", "source"])
    flags = flagged_rows(findings)
    pre = pre.assign(_flag=[(t, int(r)) in flags for t, r in zip(pre["table"], pre["row"])])
    registered = tri["design"] == REGISTERED_TRIAL
    diseases = [c for c in DISEASE_CODES if c in set(pre["disease_code"]) | set(tri["disease_code"])]
    present = set(pre["source"]) | set(tri["source"]) | set(comp["source"])
    sources = [c for c in TISSUE_CODES if c in present] + ([NOT_STATED] if NOT_STATED in present else [])
    pre = pre.assign(_registered=True)
    tri = tri.assign(_registered=registered, _flag=False)
    rows = [
        _cell(modality, disease, source, pre, tri, comp)
        for modality in MODALITIES
        for disease in diseases
        for source in sources
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def facts(cells: pd.DataFrame) -> dict:
    """What the grid shows, as numbers and lists a caption can state.

    Returns
    -------
    dict
        ``sources_preclinical_only`` and ``sources_clinical_only`` (tissue
        codes with rows on one side only, over all diseases and modalities;
        comparator arms do not count as rows), and ``gap_cells``, the number
        of cells of each kind.
    """
    cells = cells.assign(clinical=cells["trials"] + cells["other_clinical"])
    by_source = cells.groupby("source")[["preclinical", "clinical"]].sum()
    return {
        "sources_preclinical_only": [s for s, r in by_source.iterrows() if r["preclinical"] and not r["clinical"]],
        "sources_clinical_only": [s for s, r in by_source.iterrows() if r["clinical"] and not r["preclinical"]],
        "gap_cells": cells["gap"].value_counts().to_dict(),
    }


def evidence(
    studies: pd.DataFrame,
    trials: pd.DataFrame,
    findings: pd.DataFrame | None = None,
    arms: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One line per study, comparator arm or clinical study in each grid cell, and what to know about it."""
    flags = flagged_rows(findings)
    pre = _exploded(studies).assign(
        kind=lambda f: f["setting"].map(
            lambda s: "preclinical study, in vitro only" if s == "in vitro" else "preclinical study"
        ),
        identifier=lambda f: f["table"] + " row " + f["row"].astype(str),
        note=lambda f: [flags.get((t, int(r)), "") for t, r in zip(f["table"], f["row"])],
    )
    comp = (arms if arms is not None else comparators(studies.iloc[:0])).assign(
        kind="comparator arm only",
        identifier=lambda f: f["table"] + " row " + f["row"].astype(str),
        note="the Effects cell compares the row's own source with this one",
    )
    design = trials["design"].astype("string").fillna("clinical study") if "design" in trials else "clinical study"
    tri = _exploded(trials.assign(kind=design)).assign(
        identifier=lambda f: f["nct_id"].astype("string").fillna("table3 row " + f["row"].astype(str)), note=""
    )
    columns = ["modality", "disease_code", "source", "kind", "table", "row", "ref", "identifier", "note"]
    frame = pd.concat([pre[columns], comp[columns], tri[columns]], ignore_index=True)
    frame["ref"] = frame["ref"].map(lambda r: f"[{r}]" if pd.notna(r) else "")
    return frame.sort_values(["modality", "disease_code", "source", "kind", "table", "row"], ignore_index=True)


def flagged_in(studies: pd.DataFrame, findings: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    """:func:`flagged_rows` restricted to the selected studies."""
    kept = set(zip(studies["table"].astype(str), studies["row"].astype(int)))
    return {k: v for k, v in flagged_rows(findings).items() if k in kept}
