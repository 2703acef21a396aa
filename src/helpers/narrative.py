"""Sentences that state computed numbers: figure notes and "what to notice" paragraphs.

No number in the project's prose is typed by hand: each sentence here is
formatted from values the notebooks compute from ``data/``.
"""

from __future__ import annotations

import pandas as pd

from .catalog import SOURCE_SHORT

__all__ = ["flow_note", "flow_notice", "map_note", "map_notice", "plural"]


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 study``, ``2 studies``."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "no"


def flow_note(strands: pd.DataFrame, counted: dict[str, int], *, untagged: bool) -> str:
    """Fig. 2's note: the unit, the totals, the hatching and what is left out."""
    drawn = len(strands[["table", "row"]].drop_duplicates())
    parts = [
        f"One unit per study: each of the {plural(drawn, 'study', 'studies')} drawn weighs 1, split equally among "
        f"its MSC sources and among its pathway families, so every column totals {drawn}; n = distinct studies "
        "behind a node. Solid bands: MSCs (Table 1); hatched: MSC-derived exosomes (Table 2)."
    ]
    if untagged:
        parts.append(
            f"{plural(counted['unnamed'], 'study', 'studies')} that name no pathway family are drawn as "
            "'No pathway named'."
        )
    else:
        parts.append(
            f"{counted['unnamed']} of the {counted['studies']} selected studies name no pathway family and "
            "are not drawn (show_untagged=True draws them)."
        )
    parts.append(
        "Families come from data/lexicon.csv and data/curated_tags.csv; fig2.evidence.csv quotes the "
        f"printed words behind each. {SOURCE_SHORT}, Tables 1-2."
    )
    return " ".join(parts)


def flow_notice(strands: pd.DataFrame, counted: dict[str, int]) -> str:
    """What a reader should see in Fig. 2, in numbers."""
    if strands.empty:
        return "No study in this selection names a pathway family, so there is nothing to draw."
    per = strands.drop_duplicates(["table", "row", "target"]).groupby("target").size().sort_values(ascending=False)
    top = [f"{name} ({plural(int(n), 'study', 'studies')})" for name, n in per.head(3).items()]
    diseases = strands.drop_duplicates(["table", "row"]).groupby("disease").size().sort_values(ascending=False)
    exo = strands[strands["modality"] == "exosomes"].drop_duplicates(["table", "row"])
    return (
        f"Only {counted['named']} of the {counted['studies']} selected studies "
        f"({_percent(counted['named'], counted['studies'])}) name a signalling pathway at all. "
        f"The most often named families are {', '.join(top)}. "
        f"{diseases.index[0]} contributes the most studies that name one ({int(diseases.iloc[0])}). "
        f"Of the {counted['named']} studies that name a family, {len(exo)} test MSC-derived exosomes."
    )


def map_note(cells: pd.DataFrame, counted: dict[str, dict[str, int]]) -> str:
    """Fig. 1's note: what a dot counts and what no category covers."""
    unnamed = "; ".join(f"{c['unnamed']} name no {kind}" for kind, c in counted.items())
    return (
        "Dot area and number: studies whose printed effects support the category (a study can support several), "
        "for MSCs (blue, Table 1) and MSC-derived exosomes (orange, Table 2). Bars: all diseases together. "
        f"Of the {counted['mechanism']['studies']} selected studies, {unnamed}. "
        f"Categories are defined in data/categories.csv; fig1.evidence.csv quotes the printed words behind each "
        f"dot. {SOURCE_SHORT}, Tables 1-2."
    )


def map_notice(cells: pd.DataFrame, counted: dict[str, dict[str, int]]) -> str:
    """What a reader should see in Fig. 1, in numbers."""
    mech = cells[(cells["kind"] == "mechanism") & ~cells["category"].str.startswith("No ")]
    if mech.empty:
        return "No study in this selection names a mechanism."
    totals = mech.groupby("category")["studies"].sum().sort_values(ascending=False)
    by_modality = mech.groupby(["category", "modality"])["studies"].sum().unstack(fill_value=0)
    lead = totals.index[0]
    cargo = cells[(cells["kind"] == "cargo") & ~cells["category"].str.startswith("No ")]
    cargo_exo = int(cargo.loc[cargo["modality"] == "exosomes", "studies"].sum())
    sentence = (
        f"{lead} is the mechanism named most often ({plural(int(totals.iloc[0]), 'study', 'studies')}: "
        f"{int(by_modality.loc[lead].get('cells', 0))} with MSCs, {int(by_modality.loc[lead].get('exosomes', 0))} "
        f"with exosomes). "
        f"{counted['mechanism']['unnamed']} of the {counted['mechanism']['studies']} selected studies "
        f"({_percent(counted['mechanism']['unnamed'], counted['mechanism']['studies'])}) report an effect without "
        "naming any mechanism. "
    )
    if not cargo.empty:
        sentence += f"Named cargo (mostly miRNAs) accounts for {plural(cargo_exo, 'tag')} in exosome studies."
    return sentence


def _top(series: pd.Series, labels: dict | None = None, k: int = 2) -> str:
    """The k most frequent values with their counts: ``Alzheimer's disease (6), POF (5)``."""
    parts = series.dropna().astype(str).str.split("+").explode().value_counts()
    parts = parts.sort_index().sort_values(ascending=False, kind="stable").head(k)
    return ", ".join(f"{(labels or {}).get(name, name)} ({n})" for name, n in parts.items())


def table_notice(resource: str, printed: pd.DataFrame, derived: pd.DataFrame) -> str:
    """What a reader should see in a printed table's selected rows, in numbers."""
    from .vocab import DISEASE_CODES, TISSUE_CODES

    n = len(printed)
    if n == 0:
        return "No row of the table matches this selection."
    if resource == "tissue_sources":
        return (
            f"{plural(n, 'tissue source')} compared: {', '.join(TISSUE_CODES.get(s, s) for s in printed['source'])}. "
            "Each is judged by how it is obtained and by what speaks for and against it; no row gives numbers."
        )
    text = (
        f"{plural(n, 'row')}. Most rows concern {_top(derived['disease_code'], DISEASE_CODES)}; "
        f"the most used MSC sources are {_top(derived['tissue'], TISSUE_CODES)}."
    )
    if resource == "clinical_trials":
        completed = int((printed["research_status"] == "Completed").sum())
        exos = int((derived["modality"] == "exosomes").sum())
        return (
            text + f" {completed} of them are completed; {exos} test exosomes rather than cells. "
            "Enrollment mixes participants who took part with planned numbers, so the summary keeps "
            "the statuses apart."
        )
    hosts = _top(derived["host_species"], k=3)
    modified = int((derived["product"] == "modified").sum())
    return (
        text + f" Hosts: {hosts}. {modified} of the {n} studies modified their MSC product (primed, "
        "engineered, on a biomaterial, selected or given with a drug), as derived from the printed cells."
    )


def references_notice(refs: pd.DataFrame) -> str:
    """What a reader should see in the reference list, in numbers."""
    if refs.empty:
        return "No reference is cited by the studies of this selection."
    years = refs["year"].astype(int)
    recent = int((years >= years.max() - 4).sum())
    pmid = int(refs["pmid"].str.fullmatch(r"\d{7,8}").sum())
    return (
        f"{plural(len(refs), 'reference')} from {years.min()} to {years.max()}; {recent} of them from the last "
        f"five years of that span. {pmid} print a plain PMID; the others print none, or something else in its "
        "place, which the BibTeX keeps in `note` as printed."
    )
