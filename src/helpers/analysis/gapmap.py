"""The gap map: where the review's preclinical rows and its clinical studies meet, and where they do not.

Counts, from the coded dataset (:mod:`helpers.data.coded`), the preclinical
studies of Tables 1-2 and the clinical studies of Table 3 in each cell of a
disease × MSC tissue source grid, separately for MSCs and for MSC-derived
exosomes. A study or trial that names two sources counts in both cells, so a
row of the grid can hold more than its disease's studies.

Everything is a count of rows of the review's Tables 1-3, the review's own
selection: "no clinical study" means none in Table 3. Each cell also says how
many of its studies print no animal arm (the coded ``setting`` "in vitro": no
treated animal, see :data:`NO_ANIMAL_ARM_MEANS`), how many rest on a row the
audit questions where it is counted ("questioned", :data:`FLAG_RULES`: its
cited title names another disease, source, setting or product, or its own
Effects cell speaks of animals although no animal arm is printed; passed in,
never silently counted), how many print only an animal model of another
condition (:data:`OTHER_CONDITION_MODELS`), and how many studies name its
source only as a comparator arm in their Effects cell
(:func:`helpers.data.derive.comparators.comparator_tissues`).

"Questioned" is not the coded dataset's ``audit_flag`` (:mod:`helpers.audit.flags`):
that flag asks whether any code of a row is in doubt (an error or warning of
any rule that bears on meaning, a route or a dose included), while the gap map
asks only whether the row's place in the grid is (its disease, source, panel
or label), at any severity. :func:`flag_difference` names the rows on which
the two differ, and the evidence file carries both.
Registered trials and clinical studies that are not trials (Table 3's
retrospective cohort) are counted apart.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.analysis.trials import title_other_disease, wider_purpose
from helpers.core.vocab import DISEASE_CODES, MODALITIES, RESOURCE_OF_TABLE, TISSUE_CODES
from helpers.data import curated
from helpers.data.derive.comparators import comparator_tissues
from helpers.data.derive.registry import REGISTERED_TRIAL
from helpers.data.design import DEFINITIONS, model_evidence, text_statements
from helpers.data.design import MODEL_CLASSES as MODEL_CLASSES_ORDER

__all__ = [
    "grid",
    "facts",
    "evidence",
    "comparators",
    "flagged_rows",
    "flagged_in",
    "flag_difference",
    "panel_models",
    "source_in_text",
    "TITLE_CONDITIONS",
    "NOT_STATED",
    "GAPS",
    "COLUMNS",
    "FLAG_RULES",
    "NOTE_RULES",
    "AUDIT_RULES",
    "NO_ANIMAL_ARM",
    "NO_ANIMAL_ARM_MEANS",
    "mimetic_rows",
    "disease_label",
    "other_model_rows",
    "other_condition_rule",
    "OTHER_CONDITION_MODELS",
]

NOT_STATED = "not stated"
#: What the coded setting "in vitro" says of a row: the table prints no route into an animal. Not "in vitro
#: only": for some such rows the Effects cell or the cited title speaks of animal work (audit W6).
NO_ANIMAL_ARM = "no animal arm printed"
#: The rule behind :data:`NO_ANIMAL_ARM`, in words (:func:`helpers.data.derive.setting.setting`): a row whose
#: table prints a route but no animal model (Table 2 row 1 prints route "NA" beside a mouse model) is not one.
NO_ANIMAL_ARM_MEANS = (
    "no treated animal: no animal model is printed, or co-culture in a dish is the only printed route; "
    "not the same as in vitro only, since an Effects cell or a cited title may still speak of animals"
)
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
    "questioned",
    "other_model",
    "comparator",
    "trials",
    "other_clinical",
    "wider_purpose",
    "title_other_disease",
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
    part = findings[ids.isin(rules) & (findings["verdict"] != "dismissed")]
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
        table, row, message, verdict``. Findings a review dismissed are left out,
        as :func:`helpers.audit.flags.flags` leaves them out; every severity counts.

    Returns
    -------
    dict
        ``(table, row) -> "R1: message"``; several follow one another in the findings' order, joined by a
        space (each message ends with its own full stop).
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
        "questioned": int(p["_flag"].sum()),
        "other_model": int(p["_other"].sum()),
        "comparator": len(c),
        "trials": len(t),
        "other_clinical": len(o),
        "wider_purpose": int(clinical["_wide"].sum()),
        "title_other_disease": int(clinical["_title"].sum()),
        "phases": _phases(clinical) if len(clinical) else "",
        "statuses": _statuses(clinical) if len(clinical) else "",
        "gap": GAPS[len(p) > 0, len(clinical) > 0, len(c) > 0],
    }


def _marked_preclinical(studies: pd.DataFrame, findings: pd.DataFrame | None) -> pd.DataFrame:
    """The preclinical rows, one line per named source, marked with what :func:`_cell` counts of them.

    Parameters
    ----------
    studies : pandas.DataFrame
        As for :func:`grid`.
    findings : pandas.DataFrame, optional
        The audit's findings (see :func:`flagged_rows`).

    Returns
    -------
    pandas.DataFrame
        ``studies`` exploded by source, with ``_flag`` (questioned by a rule of :data:`FLAG_RULES`),
        ``_other`` (only a model of another condition) and ``_registered``.
    """
    pre = _exploded(studies)
    flags = flagged_rows(findings)
    other = other_model_rows(studies)
    keys = [(t, int(r)) for t, r in zip(pre["table"], pre["row"])]
    # _cell splits every frame it counts into registered trials and the rest; a preclinical row is
    # never a clinical study, so it is marked as on the counted side.
    return pre.assign(_flag=[k in flags for k in keys], _other=[k in other for k in keys], _registered=True)


def _marked_clinical(trials: pd.DataFrame) -> pd.DataFrame:
    """The clinical studies, one line per named source, marked with what :func:`_cell` counts of them.

    Parameters
    ----------
    trials : pandas.DataFrame
        As for :func:`grid`.

    Returns
    -------
    pandas.DataFrame
        ``trials`` exploded by source, with ``_registered`` (a registered trial), ``_flag`` (always
        False: the audit's placement rules read preclinical rows only), ``_wide``
        (:func:`helpers.analysis.trials.wider_purpose`) and ``_title``
        (:func:`helpers.analysis.trials.title_other_disease`).
    """
    tri = _exploded(trials)
    wide, other_title = set(wider_purpose()), set(title_other_disease())
    return tri.assign(
        _registered=tri["design"] == REGISTERED_TRIAL,
        _flag=False,
        _wide=tri["row"].astype(int).isin(wide),
        _title=tri["row"].astype(int).isin(other_title),
    )


def _axes(pre: pd.DataFrame, tri: pd.DataFrame, comp: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The grid's diseases and sources: those that occur anywhere, in vocabulary order.

    Parameters
    ----------
    pre, tri, comp : pandas.DataFrame
        The preclinical rows, clinical studies and comparator arms, each with ``disease_code`` and ``source``.

    Returns
    -------
    tuple of list of str
        The disease codes (of preclinical rows or clinical studies), then the source codes (of any of
        the three, a comparator arm included), with :data:`NOT_STATED` last when it occurs.
    """
    diseases = [c for c in DISEASE_CODES if c in set(pre["disease_code"]) | set(tri["disease_code"])]
    present = set(pre["source"]) | set(tri["source"]) | set(comp["source"])
    sources = [c for c in TISSUE_CODES if c in present] + ([NOT_STATED] if NOT_STATED in present else [])
    return diseases, sources


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
        ``no_animal_arm`` print no treated animal (:data:`NO_ANIMAL_ARM_MEANS`), ``questioned``
        are questioned by an audit finding (:data:`FLAG_RULES`) and ``other_model`` print only
        a model of another condition; ``comparator`` studies naming the
        source only as a comparator arm; ``trials`` registered trials and
        ``other_clinical`` clinical studies that are not trials, of which
        ``wider_purpose`` print a purpose covering several diseases
        (:func:`helpers.analysis.trials.wider_purpose`) and ``title_other_disease``
        cite a title that does not name the disease
        (:func:`helpers.analysis.trials.title_other_disease`). Diseases and
        sources that occur anywhere in the selection, in vocabulary order,
        with ``not stated`` last.
    """
    pre, tri = _marked_preclinical(studies, findings), _marked_clinical(trials)
    comp = arms if arms is not None else pd.DataFrame(columns=["modality", "disease_code", "source"])
    diseases, sources = _axes(pre, tri, comp)
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
    flags: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One line per study, comparator arm or clinical study in each grid cell, and what to know about it.

    A preclinical row's note holds every audit finding of :data:`AUDIT_RULES` on it, so a row counted as
    printing no animal arm although it prints an animal model says why (W7).

    Parameters
    ----------
    studies, trials, findings, arms
        As for :func:`grid`.
    flags : pandas.DataFrame, optional
        The audit's findings per printed row (:func:`helpers.audit.flags.by_row`), whose ``audit_flag``
        the coded dataset carries; copied beside the gap map's own ``questioned`` so a reader can see
        where the two differ (:func:`flag_difference`). Without it ``audit_flag`` is left empty.

    Returns
    -------
    pandas.DataFrame
        ``modality, disease_code, source, kind, table, row, ref, identifier, questioned, audit_flag, note``.
    """
    parts = [_preclinical_lines(studies, findings), _comparator_lines(studies, arms), _clinical_lines(trials)]
    frame = pd.concat([part[_EVIDENCE_COLUMNS] for part in parts], ignore_index=True)
    frame["ref"] = frame["ref"].map(lambda r: f"[{r}]" if pd.notna(r) else "")
    frame = _with_flags(frame, findings, flags)
    return frame.sort_values(["modality", "disease_code", "source", "kind", "table", "row"], ignore_index=True)


#: The columns each kind of evidence line carries before the two flags are inserted.
_EVIDENCE_COLUMNS = ["modality", "disease_code", "source", "kind", "table", "row", "ref", "identifier", "note"]

#: The ``kind`` of a comparator arm's line, the one kind that is not a counted row of its own.
_COMPARATOR_KIND = "comparator arm only"


def _preclinical_lines(studies: pd.DataFrame, findings: pd.DataFrame | None) -> pd.DataFrame:
    """The evidence lines of the preclinical rows, one per named source.

    Parameters
    ----------
    studies, findings : pandas.DataFrame
        As for :func:`evidence`.

    Returns
    -------
    pandas.DataFrame
        ``studies`` exploded by source, with ``kind`` (saying when no animal arm is printed),
        ``identifier`` and ``note`` (the row's audit findings of :data:`AUDIT_RULES`, its
        other-condition model and its exosome-mimetic product, as they apply).
    """
    notes = _rule_notes(findings, AUDIT_RULES)
    mimetic = {(t, r): "exosome-mimetic by its Effects cell or cited title" for t, r, _ in mimetic_rows(studies)}
    other = other_model_rows(studies)
    text = source_in_text(studies)
    return _exploded(studies).assign(
        kind=lambda f: f["setting"].map(
            lambda s: f"preclinical study, {NO_ANIMAL_ARM}" if s == "in vitro" else "preclinical study"
        ),
        identifier=lambda f: f["table"] + " row " + f["row"].astype(str),
        note=lambda f: [
            _joined(
                notes.get((t, int(r)), ""),
                other.get((t, int(r)), ""),
                mimetic.get((t, int(r)), ""),
                text.get((t, int(r)), ""),
            )
            for t, r in zip(f["table"], f["row"])
        ],
    )


def source_in_text(studies: pd.DataFrame) -> dict[tuple[str, int], str]:
    """Rows whose MSC source the review's body text names otherwise than the row and its cited title.

    The code follows the table and the title; the note quotes the text (``data/text_statements.csv``,
    :func:`helpers.data.design.text_statements`; fifth reading 5.2: Table 1 row 13, [24], "umbilical cord
    blood" against hUC-MSC).

    Returns
    -------
    dict
        ``(table, row) -> note``.
    """
    said = text_statements(studies, "source")
    words = {int(r): w for r, w in zip(said["ref"], said["words"])}
    return {
        (str(t), int(r)): (
            f"the review's text names the source '{words[int(ref)]}'; filed under {tissue} as the table and the "
            "cited title print it"
        )
        for t, r, ref, tissue in zip(studies["table"], studies["row"], studies["ref"], studies["tissue"])
        if pd.notna(ref) and int(ref) in words
    }


def _comparator_lines(studies: pd.DataFrame, arms: pd.DataFrame | None) -> pd.DataFrame:
    """The evidence lines of the comparator arms, one per arm.

    Parameters
    ----------
    studies, arms : pandas.DataFrame
        As for :func:`evidence`; ``studies`` gives only the columns when ``arms`` is not given.

    Returns
    -------
    pandas.DataFrame
        ``arms`` with ``kind``, ``identifier`` (the row that names the arm) and ``note``.
    """
    # Without arms, an empty frame with comparators' own columns still has every column the evidence takes.
    return (arms if arms is not None else comparators(studies.iloc[:0])).assign(
        kind=_COMPARATOR_KIND,
        identifier=lambda f: f["table"] + " row " + f["row"].astype(str),
        note="the Effects cell compares the row's own source with this one",
    )


def _clinical_lines(trials: pd.DataFrame) -> pd.DataFrame:
    """The evidence lines of the clinical studies, one per named source.

    Parameters
    ----------
    trials : pandas.DataFrame
        As for :func:`evidence`.

    Returns
    -------
    pandas.DataFrame
        ``trials`` exploded by source, with ``kind`` (the printed design), ``identifier`` (the NCT
        number, else the row of Table 3) and ``note`` (a purpose covering several diseases, a cited
        title naming another disease).
    """
    design = trials["design"].astype("string").fillna("clinical study") if "design" in trials else "clinical study"
    wide, other_title = wider_purpose(), title_other_disease()
    return _exploded(trials.assign(kind=design)).assign(
        identifier=lambda f: f["nct_id"].astype("string").fillna("table3 row " + f["row"].astype(str)),
        note=lambda f: [
            _joined(
                f"filed under this disease; the purpose as printed reads '{wide[int(r)]}'" if int(r) in wide else "",
                other_title.get(int(r), ""),
            )
            for r in f["row"]
        ],
    )


def _with_flags(frame: pd.DataFrame, findings: pd.DataFrame | None, flags: pd.DataFrame | None) -> pd.DataFrame:
    """Insert the gap map's ``questioned`` and the dataset's ``audit_flag`` before ``note``.

    Parameters
    ----------
    frame : pandas.DataFrame
        The evidence lines, in :data:`_EVIDENCE_COLUMNS`; changed in place.
    findings, flags : pandas.DataFrame, optional
        As for :func:`evidence`.

    Returns
    -------
    pandas.DataFrame
        ``frame``, with the two columns at positions 8 and 9.
    """
    questioned = flagged_rows(findings)
    keys = list(zip(frame["table"].astype(str), frame["row"].astype(int)))
    counted = frame["kind"] != _COMPARATOR_KIND
    frame.insert(8, "questioned", pd.Series([k in questioned for k in keys], index=frame.index) & counted)
    dataset = _audit_flags(flags)
    audit_flag = pd.Series([dataset.get(k, False) for k in keys], index=frame.index, dtype="boolean")
    # A comparator arm is not a row of its own; without the audit's rows the column says nothing.
    frame.insert(9, "audit_flag", audit_flag.where(counted & (flags is not None)))
    # A row flagged for a route, a dose or a copied trial text says why, not only that it is flagged (4th reading 4.5).
    why = _flag_notes(findings, flags)
    frame["note"] = [
        _joined(n, why.get(k, "")) if flag is True else n
        for n, k, flag in zip(frame["note"], keys, frame["audit_flag"].astype(object))
    ]
    return frame


def _flag_notes(findings: pd.DataFrame | None, flags: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    """``(table, row) -> "W4: message"`` for the errors and warnings that set ``audit_flag``.

    Only the rules the evidence note does not already quote (:data:`AUDIT_RULES`).
    """
    if findings is None or findings.empty or flags is None or flags.empty:
        return {}
    ids = {i for cell in flags["audit_findings"].dropna() for i in str(cell).split(";") if i}
    severe = findings[findings["severity"].isin(["error", "warning"])]
    return _rule_notes(severe, tuple(sorted(ids - set(AUDIT_RULES))))


def _audit_flags(flags: pd.DataFrame | None) -> dict[tuple[str, int], bool]:
    """``(table, row) -> audit_flag`` from :func:`helpers.audit.flags.by_row`."""
    if flags is None or flags.empty:
        return {}
    return {(str(t), int(r)): bool(f) for t, r, f in zip(flags["table"], flags["row"], flags["audit_flag"])}


def flag_difference(
    studies: pd.DataFrame, trials: pd.DataFrame, findings: pd.DataFrame | None, flags: pd.DataFrame | None
) -> dict[str, list[tuple[str, int, str]]]:
    """Where the gap map's "questioned" and the coded dataset's ``audit_flag`` name different selected rows.

    Parameters
    ----------
    studies, trials : pandas.DataFrame
        The selection.
    findings : pandas.DataFrame or None
        The audit's findings (:func:`flagged_rows`).
    flags : pandas.DataFrame or None
        :func:`helpers.audit.flags.by_row`, with ``audit_findings`` and ``audit_flag``.

    Returns
    -------
    dict
        ``"questioned only"``: rows the gap map questions and ``audit_flag`` does not (a finding of
        :data:`FLAG_RULES` that is only a check); ``"audit_flag only"``: rows ``audit_flag`` marks and the
        gap map does not question (their findings concern a code that does not place the row in the grid:
        a route, a dose, the reading of an animal model, a copied trial row). Each a list of
        ``(table, row, rule ids)`` in table and row order.
    """
    kept = set(zip(studies["table"].astype(str), studies["row"].astype(int)))
    kept |= set(zip(trials["table"].astype(str), trials["row"].astype(int)))
    mine = {k for k in flagged_rows(findings) if k in kept}
    dataset = {k for k, f in _audit_flags(flags).items() if f and k in kept}
    rules = (
        {}
        if flags is None
        else dict(zip(zip(flags["table"].astype(str), flags["row"].astype(int)), flags["audit_findings"]))
    )

    def own(key: tuple[str, int]) -> str:  # the map's own rules only: a W5 size check does not question placement
        return ";".join(i for i in str(rules.get(key, "")).split(";") if i in FLAG_RULES)

    return {
        "questioned only": [(t, r, own((t, r))) for t, r in sorted(mine - dataset)],
        "audit_flag only": [(t, r, rules.get((t, r), "")) for t, r in sorted(dataset - mine)],
    }


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
#: disease a row is filed under, with that disease (``None``: whatever it is filed under) and what the model is
#: instead: a surgically made bone defect is a regeneration model, not osteoporosis; naturally aged ovaries are
#: physiological reproductive ageing, not premature (pathological, early) ovarian failure.
OTHER_CONDITION_MODELS: dict[tuple[str, str | None], str] = {
    ("induced: surgical bone defect", None): "not a model of the disease itself",
    ("natural ageing", "POF"): "natural ovarian ageing, not premature ovarian failure",
}


def other_condition_rule() -> str:
    """The model/disease pairs :func:`other_model_rows` checks, in words, for a footnote or caption.

    The rule is a fixed list (:data:`OTHER_CONDITION_MODELS`), narrower than "any model of another
    condition": a mismatch outside it (a D-galactose ageing model filed under atherosclerosis) is shown
    only where the audit questions the row (fourth reading 4.2).
    """
    pairs = []
    for (model, disease), instead in OTHER_CONDITION_MODELS.items():
        where = f"filed under {disease_label(disease)}" if disease else "under any disease"
        pairs.append(f"'{model}' {where} ({instead})")
    return " or ".join(pairs)


def _other_condition(model_class: str, disease_code: str) -> str:
    """What a model of class ``model_class`` is instead of ``disease_code``; empty when it models the disease."""
    return OTHER_CONDITION_MODELS.get((model_class, disease_code), OTHER_CONDITION_MODELS.get((model_class, None), ""))


def other_model_rows(studies: pd.DataFrame) -> dict[tuple[str, int], str]:
    """Selected rows whose every printed animal model is of another condition (:data:`OTHER_CONDITION_MODELS`).

    The audit compares a row with its cited title; this reads the row's own Animal model cell, which can
    name another condition than the disease the review files the row under. A row that also prints a model
    of its own disease (naturally aged mice beside a CTX-induced POF model) is not one.

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
        instead = [_other_condition(c, str(line.disease_code)) for c in classes]
        if classes and all(instead):
            what = "; ".join(f"{DEFINITIONS['Animal model'][c]}, {i}" for c, i in zip(classes, instead))
            out[(str(line.table), int(line.row))] = f"model: {what}; filed under {line.disease} by the review"
    return out


#: Model classes that say nothing of how the animals came to have the disease, or that no animal was treated:
#: two panels cannot be said to model a disease differently on them.
_UNREAD_MODELS = ("model named, induction not stated", "in vitro only")


#: Conditions a cited title may name beside how its model was made: an induction (STZ, proteoglycan) says how the
#: animals were made ill, the title what illness they model (diabetic osteoporosis; osteoporosis in ankylosing
#: spondylitis mice), which is what makes two panels' rows of one disease comparable or not (fifth reading 5.3).
TITLE_CONDITIONS = re.compile(
    r"diabetic osteoporosis|ankylosing spondylitis|postmenopausal osteoporosis|senile osteoporosis", re.IGNORECASE
)


def panel_models(
    studies: pd.DataFrame,
) -> list[tuple[str, dict[str, dict[str, tuple[int, list[str], dict[str, int]]]]]]:
    """Diseases whose MSC rows and exosome rows print no animal model class in common.

    One disease row of the grid runs across both panels and invites comparing them; where the animal
    models of the two panels differ in kind (ovariectomy against a chemical induction, say), a reader
    should know. Classes that read nothing (:data:`_UNREAD_MODELS`) are left out of the comparison.

    Returns
    -------
    list
        ``(disease code, {modality: {model class: (rows, printed words, conditions)}})`` in vocabulary
        order, for each disease with read model classes in both modalities and none shared; the printed
        words are those that put the rows in the class (:func:`helpers.data.design.model_evidence`), and
        ``conditions`` counts the rows whose cited title names a condition of :data:`TITLE_CONDITIONS`.
    """
    if "model_class" not in studies or studies.empty:
        return []
    printed = {
        (table, int(row)): str(cell) if pd.notna(cell) else ""
        for table in dict.fromkeys(studies["table"])
        for row, cell in curated.load(RESOURCE_OF_TABLE[table]).set_index("row")["animal_model"].items()
    }
    titles = curated.load("references").set_index("ref")["title"].astype(str)
    out = []
    for disease in [c for c in DISEASE_CODES if c in set(studies["disease_code"])]:
        counts: dict[str, dict[str, tuple[int, list[str], dict[str, int]]]] = {}
        for modality in MODALITIES:
            part = studies[(studies["disease_code"] == disease) & (studies["modality"] == modality)]
            found: dict[str, list[str]] = {}
            named: dict[str, list[str]] = {}
            for line in part.itertuples(index=False):
                words = _model_words(printed.get((str(line.table), int(line.row)), ""))
                title = titles.get(int(line.ref), "") if pd.notna(line.ref) else ""
                condition = TITLE_CONDITIONS.search(title)
                for cls in str(line.model_class).split("+") if pd.notna(line.model_class) else []:
                    if cls not in _UNREAD_MODELS:
                        found.setdefault(cls, []).append(words.get(cls, ""))
                        named.setdefault(cls, []).extend([condition[0].lower()] if condition else [])
            counts[modality] = {
                c: (
                    len(found[c]),
                    list(dict.fromkeys(w for w in found[c] if w)),
                    {k: named[c].count(k) for k in dict.fromkeys(named[c])},
                )
                for c in MODEL_CLASSES_ORDER
                if c in found
            }
        if all(counts.get(m) for m in MODALITIES) and not set.intersection(*(set(counts[m]) for m in MODALITIES)):
            out.append((disease, counts))
    return out


def _model_words(cell: str) -> dict[str, str]:
    """``model class -> printed word`` of an Animal model cell, read from :func:`helpers.data.design.model_evidence`."""
    out = {}
    for part in model_evidence(cell).split("; ") if cell.strip() else []:
        cls, _, word = part.rpartition(": '")
        if cls:
            out[cls] = word.split("'")[0]
    return out
