"""The gap map: where the review's preclinical rows and its clinical studies meet, and where they do not.

Counts, from the coded dataset (:mod:`helpers.data.coded`), the preclinical
studies of Tables 1-2 and the clinical studies of Table 3 in each cell of a
disease × MSC tissue source grid, separately for MSCs and for MSC-derived
exosomes. A study or trial that names two sources counts in both cells, so a
row of the grid can hold more than its disease's studies.

Everything is a count of rows of the review's Tables 1-3, the review's own
selection: "no clinical study" means none in Table 3. Each cell also says how
many of its studies print no animal arm (the coded ``setting`` "in vitro": no
route into an animal), how many rest on a row the audit questions (its cited
title names another disease, source, setting or product, or its own Effects
cell speaks of animals although no animal arm is printed; passed in, never
silently counted), and how many studies name its source only as a
comparator arm in their Effects cell (:func:`helpers.data.derive.comparators.comparator_tissues`).
Registered trials and clinical studies that are not trials (Table 3's
retrospective cohort) are counted apart.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.analysis.trials import wider_purpose
from helpers.core.vocab import DISEASE_CODES, MODALITIES, RESOURCE_OF_TABLE, TISSUE_CODES
from helpers.data import curated
from helpers.data.derive.comparators import comparator_tissues
from helpers.data.derive.registry import REGISTERED_TRIAL
from helpers.data.design import DEFINITIONS

__all__ = [
    "grid",
    "facts",
    "evidence",
    "comparators",
    "flagged_rows",
    "flagged_in",
    "NOT_STATED",
    "GAPS",
    "COLUMNS",
    "FLAG_RULES",
    "NOTE_RULES",
    "AUDIT_RULES",
    "NO_ANIMAL_ARM",
    "mimetic_rows",
    "disease_label",
    "other_model_rows",
    "OTHER_CONDITION_MODELS",
]

NOT_STATED = "not stated"
#: What the coded setting "in vitro" says of a row: the table prints no route into an animal. Not "in vitro
#: only": for some such rows the Effects cell or the cited title speaks of animal work (audit W6).
NO_ANIMAL_ARM = "no animal arm printed"
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
    "no_animal_arm",
    "flagged",
    "other_model",
    "comparator",
    "trials",
    "other_clinical",
    "wider_purpose",
    "phases",
    "statuses",
    "gap",
]


#: Where the exhibits name a disease otherwise than its vocabulary name: the printed word first, then the
#: project's reading of it (Table 1 row 1 prints "weakness"; its Effects cell and ref. 10 speak of premature aging).
_DISEASE_LABELS = {"WEAK": "Weakness, as printed (premature-aging model)"}


def disease_label(code: str, *, wrap: bool = False) -> str:
    """The name the gap map and the timeline give a disease code: the printed word where it differs.

    ``wrap`` breaks a long label after "as printed", for an axis or a legend.
    """
    label = _DISEASE_LABELS.get(code, DISEASE_CODES.get(code, code))
    return label.replace(", as printed ", ", as printed\n") if wrap else label


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


#: The audit's rules whose finding questions where or how a row is counted in the grid: the cited title
#: names another disease (R1, the row), MSC source (R2, the column), host or setting (R3) or product (R4,
#: the panel: cells or exosomes), or the row's own Effects cell speaks of animals while the table prints
#: no animal arm (W6, the "no animal arm" label).
FLAG_RULES = ("R1", "R2", "R3", "R4", "W6")
#: Rules whose finding explains a row's label without questioning it: an animal model printed with no
#: route into an animal (W7), which is why such a row counts as printing no animal arm.
NOTE_RULES = ("W7",)
#: Every rule whose findings the gap map and the timeline read.
AUDIT_RULES = FLAG_RULES + NOTE_RULES


def _rule_notes(findings: pd.DataFrame | None, rules: tuple[str, ...]) -> dict[tuple[str, int], str]:
    """``(table, row) -> "R1: message"`` for the findings of ``rules`` that a review did not reject."""
    if findings is None or findings.empty:
        return {}
    ids = findings["rule"].str.split().str[0]
    part = findings[ids.isin(rules) & (findings["verdict"] != "rejected")]
    out: dict[tuple[str, int], str] = {}
    for line in part.itertuples(index=False):
        if str(line.row).isdigit():
            key = (str(line.table), int(line.row))
            text = f"{str(line.rule).split()[0]}: {line.message}"
            out[key] = f"{out[key]} {text}" if key in out else text
    return out


def flagged_rows(findings: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    """Rows an audit finding questions where or how they are counted (:data:`FLAG_RULES`).

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
    return _rule_notes(findings, FLAG_RULES)


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
        "no_animal_arm": int((p["setting"] == "in vitro").sum()) if "setting" in p else 0,
        "flagged": int(p["_flag"].sum()),
        "other_model": int(p["_other"].sum()),
        "comparator": len(c),
        "trials": len(t),
        "other_clinical": len(o),
        "wider_purpose": int(clinical["_wide"].sum()),
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
        ``no_animal_arm`` print no route into an animal and ``flagged`` are
        questioned by an audit finding (:data:`FLAG_RULES`); ``comparator`` studies naming the
        source only as a comparator arm; ``trials`` registered trials and
        ``other_clinical`` clinical studies that are not trials, of which
        ``wider_purpose`` print a purpose covering several diseases
        (:func:`helpers.analysis.trials.wider_purpose`). Diseases and
        sources that occur anywhere in the selection, in vocabulary order,
        with ``not stated`` last.
    """
    pre, tri = _exploded(studies), _exploded(trials)
    comp = arms if arms is not None else pd.DataFrame(columns=["modality", "disease_code", "source"])
    flags = flagged_rows(findings)
    other = other_model_rows(studies)
    pre = pre.assign(
        _flag=[(t, int(r)) in flags for t, r in zip(pre["table"], pre["row"])],
        _other=[(t, int(r)) in other for t, r in zip(pre["table"], pre["row"])],
    )
    registered = tri["design"] == REGISTERED_TRIAL
    diseases = [c for c in DISEASE_CODES if c in set(pre["disease_code"]) | set(tri["disease_code"])]
    present = set(pre["source"]) | set(tri["source"]) | set(comp["source"])
    sources = [c for c in TISSUE_CODES if c in present] + ([NOT_STATED] if NOT_STATED in present else [])
    pre = pre.assign(_registered=True)
    wide = set(wider_purpose())
    tri = tri.assign(_registered=registered, _flag=False, _wide=tri["row"].astype(int).isin(wide))
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
    """One line per study, comparator arm or clinical study in each grid cell, and what to know about it.

    A preclinical row's note holds every audit finding of :data:`AUDIT_RULES` on it, so a row counted as
    printing no animal arm although it prints an animal model says why (W7).
    """
    flags = _rule_notes(findings, AUDIT_RULES)
    mimetic = {(t, r): "exosome-mimetic by its Effects cell or cited title" for t, r, _ in mimetic_rows(studies)}
    other = other_model_rows(studies)
    pre = _exploded(studies).assign(
        kind=lambda f: f["setting"].map(
            lambda s: f"preclinical study, {NO_ANIMAL_ARM}" if s == "in vitro" else "preclinical study"
        ),
        identifier=lambda f: f["table"] + " row " + f["row"].astype(str),
        note=lambda f: [
            _joined(flags.get((t, int(r)), ""), other.get((t, int(r)), ""), mimetic.get((t, int(r)), ""))
            for t, r in zip(f["table"], f["row"])
        ],
    )
    comp = (arms if arms is not None else comparators(studies.iloc[:0])).assign(
        kind="comparator arm only",
        identifier=lambda f: f["table"] + " row " + f["row"].astype(str),
        note="the Effects cell compares the row's own source with this one",
    )
    design = trials["design"].astype("string").fillna("clinical study") if "design" in trials else "clinical study"
    wide = wider_purpose()
    tri = _exploded(trials.assign(kind=design)).assign(
        identifier=lambda f: f["nct_id"].astype("string").fillna("table3 row " + f["row"].astype(str)),
        note=lambda f: [
            f"filed under this disease; the purpose as printed reads '{wide[int(r)]}'" if int(r) in wide else ""
            for r in f["row"]
        ],
    )
    columns = ["modality", "disease_code", "source", "kind", "table", "row", "ref", "identifier", "note"]
    frame = pd.concat([pre[columns], comp[columns], tri[columns]], ignore_index=True)
    frame["ref"] = frame["ref"].map(lambda r: f"[{r}]" if pd.notna(r) else "")
    return frame.sort_values(["modality", "disease_code", "source", "kind", "table", "row"], ignore_index=True)


def _joined(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def flagged_in(studies: pd.DataFrame, findings: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    """:func:`flagged_rows` restricted to the selected studies."""
    kept = set(zip(studies["table"].astype(str), studies["row"].astype(int)))
    return {k: v for k, v in flagged_rows(findings).items() if k in kept}


#: A vesicle made by extrusion or engineering to imitate an exosome, not one an MSC secreted.
_MIMETIC = re.compile(r"\bmimetic", re.IGNORECASE)


def mimetic_rows(studies: pd.DataFrame) -> list[tuple[str, int, int]]:
    """Selected rows whose printed Effects cell or cited title calls the product exosome-mimetic.

    Counted as the review prints them, under Table 2, but a reader should know that they are not
    secreted exosomes.

    Returns
    -------
    list
        ``(table, row, ref)`` in table and row order.
    """
    titles = curated.load("references").set_index("ref")["title"].astype(str)
    out = []
    for table in sorted(dict.fromkeys(studies["table"])):
        effects = curated.load(RESOURCE_OF_TABLE[table]).set_index("row")["effects"].astype(str)
        for line in studies[studies["table"] == table].sort_values("row").itertuples(index=False):
            title = titles.get(int(line.ref), "") if pd.notna(line.ref) else ""
            if _MIMETIC.search(effects.get(int(line.row), "")) or _MIMETIC.search(title):
                out.append((str(table), int(line.row), int(line.ref)))
    return out


#: Animal model classes (:data:`helpers.data.design.MODEL_CLASSES`) that model another condition than the
#: ageing disease a row is filed under: a surgically made bone defect is a regeneration model, not osteoporosis.
OTHER_CONDITION_MODELS = ("induced: surgical bone defect",)


def other_model_rows(studies: pd.DataFrame) -> dict[tuple[str, int], str]:
    """Selected rows whose printed animal model is of a class in :data:`OTHER_CONDITION_MODELS`.

    The audit compares a row with its cited title; this reads the row's own Animal model cell, which can
    name another condition than the disease the review files the row under.

    Returns
    -------
    dict
        ``(table, row) -> "model: …"``, saying what the model is and what the row is filed under.
    """
    if "model_class" not in studies:
        return {}
    out = {}
    for line in studies.itertuples(index=False):
        classes = str(line.model_class).split("+") if pd.notna(line.model_class) else []
        for cls in (c for c in classes if c in OTHER_CONDITION_MODELS):
            out[(str(line.table), int(line.row))] = (
                f"model: {DEFINITIONS['Animal model'][cls]}, filed under {line.disease} by the review"
            )
    return out
