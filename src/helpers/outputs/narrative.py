"""Sentences that state computed numbers: figure notes and "what to notice" paragraphs.

No number in the project's prose is typed by hand: each sentence here is
formatted from values the notebooks compute from ``data/``.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.catalog import SOURCE_SHORT

__all__ = ["flags_note", "map_note", "map_notice", "pathway_note", "pathway_notice", "trust_text", "plural"]


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 study``, ``2 studies``."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "no"


def _refs(cells: pd.DataFrame) -> set[str]:
    """The distinct references behind some cells of an evidence map (a study is one reference)."""
    return {ref for refs in cells["refs"] for ref in str(refs).split(", ")}


def flags_note(flags: pd.DataFrame) -> str:
    """One sentence naming the drawn rows the audit questions, with the rule that does (empty when none)."""
    if flags.empty:
        return ""
    items = "; ".join(
        f"[{f.ref}] {f.table} row {f.row}, {f.rule}: {f.message.rstrip('.')}" for f in flags.itertuples(index=False)
    )
    studies = flags["ref"].nunique()
    return (
        f"The project's audit (tables/audit.csv) questions how {plural(studies, 'drawn study', 'drawn studies')} "
        f"{'is' if studies == 1 else 'are'} filed, kept as printed: {items}."
    )


def map_note(
    cells: pd.DataFrame, counted: dict[str, dict[str, int]], setting: dict[str, int], flags: pd.DataFrame
) -> str:
    """Fig. 1's note: what a dot counts, the setting, what no category covers, and the rows the audit questions."""
    total = counted["mechanism"]["studies"]
    parts = [
        "Dot area (proportional) and number: studies whose one-line Effects cell in Tables 1-2 supports the "
        "category (a study can support several), for MSCs (blue, Table 1) and MSC-derived exosomes (orange, "
        "Table 2) as the review tabulates them; filled: with an animal arm, hollow: in vitro only. Bars: all "
        "diseases together. The review's prose is not coded.",
        f"Of the {total} selected studies, {counted['mechanism']['unnamed']} match no mechanism category and "
        f"{counted['cargo']['unnamed']} no cargo category of data/categories.csv in their Effects cell; "
        f"{setting['in vitro only']} of the {total} have no animal arm (in vitro only).",
    ]
    if "Premature aging (weakness)" in set(cells.get("disease", [])):
        parts.append("'Premature aging (weakness)': the printed Disease cell reads 'weakness'.")
    note = flags_note(flags)
    if note:
        parts.append(note)
    parts.append(f"fig1.data.csv and fig1.evidence.csv give every count and the printed words. {SOURCE_SHORT}.")
    return " ".join(parts)


def map_notice(cells: pd.DataFrame, counted: dict[str, dict[str, int]], instead: dict[str, int]) -> str:
    """What a reader should see in Fig. 1, in numbers that say what they count and out of how many."""
    mech = cells[(cells["kind"] == "mechanism") & ~cells["category"].str.startswith("No ")]
    if mech.empty:
        return "No study in this selection has an Effects cell that matches a mechanism category."
    totals = mech.groupby("category")["studies"].sum().sort_values(ascending=False)
    by_modality = mech.groupby(["category", "modality"])["studies"].sum().unstack(fill_value=0)
    lead = totals.index[0]
    total = counted["mechanism"]["studies"]
    unnamed = counted["mechanism"]["unnamed"]
    sentence = (
        f"{lead} is the mechanism category matched most often: {int(totals.iloc[0])} of the {total} selected "
        f"studies ({int(by_modality.loc[lead].get('cells', 0))} with MSCs, "
        f"{int(by_modality.loc[lead].get('exosomes', 0))} with exosomes). "
        f"{unnamed} of the {total} Effects cells ({_percent(unnamed, total)}) match none of the mechanism "
        f"categories of data/categories.csv; {instead['instead']} of these {unnamed} name a pathway family, a "
        "transcription factor or a cargo category instead, and the review's prose gives a mechanism for "
        "others, so these rows do not mean that the studies name no mechanism. "
    )
    cargo = cells[(cells["kind"] == "cargo") & (cells["modality"] == "exosomes")]
    named = cargo[~cargo["category"].str.startswith("No ")]
    if not named.empty:
        exo, with_cargo = _refs(cargo), _refs(named)
        mirna = _refs(named[named["category"] == "miRNA"])
        sentence += (
            f"{len(with_cargo)} of the {len(exo)} exosome studies name a carried molecule in their Effects cell, "
            f"{len(mirna)} of them a miRNA that the vesicles carry, deliver or overexpress."
        )
    return sentence


def pathway_note(counted: dict[str, dict[str, int]], drawn: int, setting: dict[str, int], flags: pd.DataFrame) -> str:
    """Fig. 2's note: the unit, what is drawn and left out, the setting and the rows the audit questions."""
    total = counted["either"]["studies"]
    parts = [
        f"Dot area (proportional) and number: whole studies, by disease, for MSCs (blue, Table 1) and MSC-derived "
        f"exosomes (orange, Table 2) as the review tabulates them; filled: with an animal arm, hollow: in vitro "
        f"only ({setting['in vitro only']} of the {drawn} drawn). Drawn: the {drawn} of the {total} selected "
        f"studies whose one-line Effects cell names a signalling pathway family ({counted['pathway']['named']}) or "
        f"a transcription factor ({counted['regulator']['named']}) of data/categories.csv; a study counts once "
        "under each source, family and factor it names, so a block can sum to more than the studies drawn.",
        "PI3K/AKT/mTOR includes a study that names PTEN alone. The review's prose is not coded.",
    ]
    note = flags_note(flags)
    if note:
        parts.append(note)
    parts.append(f"fig2.data.csv and fig2.evidence.csv give every count and the printed words. {SOURCE_SHORT}.")
    return " ".join(parts)


def pathway_notice(cells: pd.DataFrame, counted: dict[str, dict[str, int]]) -> str:
    """What a reader should see in Fig. 2, in numbers that say what they count and out of how many."""
    if cells.empty:
        return (
            "No study in this selection names a pathway family or a transcription factor, so there is nothing to draw."
        )
    total = counted["either"]["studies"]
    family = cells[(cells["kind"] == "pathway") & ~cells["category"].str.startswith("No ")]
    per = family.groupby("category")["studies"].sum()
    per = per.sort_index().sort_values(ascending=False, kind="stable")
    top = [f"{name} ({plural(int(n), 'study', 'studies')})" for name, n in per.head(3).items()]
    sources = cells[cells["kind"] == "source"]
    by_disease = {disease: len(_refs(part)) for disease, part in sources.groupby("disease")}
    lead = sorted(by_disease.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    exo = len(_refs(sources[sources["modality"] == "exosomes"]))
    either = counted["either"]["named"]
    text = (
        f"{counted['pathway']['named']} of the {total} selected studies name a signalling pathway family of "
        f"data/categories.csv in their Effects cell ({_percent(counted['pathway']['named'], total)}); "
        f"{counted['regulator']['named']} name a transcription factor, and {either} name either. "
    )
    if top:
        text += f"The families named most often: {', '.join(top)}. "
    text += (
        f"{lead[0]} contributes the most of the {either} studies drawn ({lead[1]}); {exo} of the {either} test "
        "MSC-derived exosomes. The review's prose names a pathway for some studies whose Effects cell names none; "
        "those are not counted."
    )
    return text


def trust_text(coverage: dict[str, int]) -> str:
    """The "how far to trust the tags" paragraph, with the reviewed reading's real scope in numbers."""
    text = (
        f"Two readers who never saw the lexicon's output read the {coverage['studies']} selected studies' Effects "
        f"cells against the {coverage['categories']} categories of data/categories.csv and recorded each "
        f"(study, category) pair that either proposed: {coverage['pairs']} of the {coverage['possible']} possible "
        f"pairs, {coverage['supported']} of them supported after their disagreements were settled row by row "
        "(data/annotation.csv). A pair that neither proposed counts as not supported. "
    )
    if coverage["pending"]:
        text += (
            f"{coverage['pending']} of the {coverage['pairs']} pairs belong to categories whose definitions changed "
            "after that reading (transcription factors moved out of the pathway families, miRNA cargo narrowed to "
            "what the product carries); one reader has re-read them, and the second independent reading is "
            "pending, so those pairs are left out of reader B's score. "
        )
    text += (
        "The table scores each reader against the settled reading (the real measure of agreement), then the "
        "lexicon with its curated corrections: that row agrees by construction, because the lexicon was revised "
        "and the corrections written with the settled reading in view, so it promises nothing about new studies."
    )
    return text


def _top(series: pd.Series, labels: dict | None = None, k: int = 2) -> str:
    """The k most frequent values with their counts: ``Alzheimer's disease (6), POF (5)``."""
    parts = series.dropna().astype(str).str.split("+").explode().value_counts()
    parts = parts.sort_index().sort_values(ascending=False, kind="stable").head(k)
    return ", ".join(f"{(labels or {}).get(name, name)} ({n})" for name, n in parts.items())


def table_notice(resource: str, printed: pd.DataFrame, derived: pd.DataFrame) -> str:
    """What a reader should see in a printed table's selected rows, in numbers."""
    from helpers.core.vocab import DISEASE_CODES, TISSUE_CODES

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


def _codes(codes: list[str]) -> str:
    from helpers.core.vocab import TISSUE_CODES

    return ", ".join(f"{TISSUE_CODES.get(c, c)} ({c})" for c in codes) if codes else "none"


def gap_note(studies: pd.DataFrame, trials: pd.DataFrame) -> str:
    """The gap map's note: what a mark counts and what the shading means."""
    return (
        f"Circles: preclinical studies (Tables 1-2, {len(studies)} selected); diamonds: clinical studies (Table 3, "
        f"{len(trials)} selected), per disease and MSC tissue source. A study naming two sources counts in both "
        "cells. Orange cells: preclinical evidence but no trial; blue cells: a trial with no preclinical study of "
        f"that disease and source in the review. {SOURCE_SHORT}, Tables 1-3."
    )


def gap_notice(studies: pd.DataFrame, trials: pd.DataFrame, facts: dict) -> str:
    """What a reader should see in the gap map, in numbers."""
    if studies.empty and trials.empty:
        return "No study or trial in this selection."
    parts = [
        f"Sources studied only preclinically: {_codes(facts['sources_preclinical_only'])}.",
        f"Sources tested only in trials: {_codes(facts['sources_trials_only'])}.",
    ]
    for modality, word in (("exosomes", "exosome"), ("cells", "MSC")):
        n_pre = int((studies["modality"] == modality).sum())
        n_tri = int((trials["modality"] == modality).sum())
        parts.append(
            f"{plural(n_pre, word + ' study', word + ' studies')} stand against {plural(n_tri, word + ' trial')}."
        )
    gaps = facts["gap_cells"]
    parts.append(
        f"{gaps.get('preclinical only', 0)} disease-source cells have preclinical evidence but no trial; "
        f"{gaps.get('trials only', 0)} have a trial without a preclinical study in the review."
    )
    return " ".join(parts)


def trials_note(lines: pd.DataFrame) -> str:
    """The trial landscape's note: marks, sizes and what enrollment means."""
    return (
        "One line per clinical study of Table 3. Mark area: printed enrollment; colour: research status; circle: "
        "MSCs, square: exosomes; hollow: no registry number. Enrollment counts participants for completed trials "
        "and plans for the others, so the labels say which. Route: the printed migration method. "
        f"{SOURCE_SHORT}, Table 3 (data obtained from ClinicalTrials.gov)."
    )


def trials_notice(lines: pd.DataFrame) -> str:
    """What a reader should see in the trial landscape, in numbers."""
    if lines.empty:
        return "No clinical study in this selection."
    phases = lines["phase"].value_counts()
    done = lines[lines["status"] == "Completed"]
    planned = lines[lines["meaning"] == "planned"]
    routes = lines["route"].value_counts()
    unregistered = int((~lines["registered"]).sum())
    text = (
        f"{plural(len(lines), 'clinical study', 'clinical studies')}: "
        + ", ".join(f"{n} in phase {p}" if p != "no phase" else f"{n} without a phase" for p, n in phases.items())
        + f". {len(done)} completed, with {int(done['enrollment'].sum())} participants who took part; "
        f"{len(planned)} still recruiting or not yet recruiting, planning {int(planned['enrollment'].sum())}. "
        f"Most common route: {routes.index[0]} ({routes.iloc[0]}). "
    )
    if unregistered:
        text += f"{plural(unregistered, 'study')} prints no registry number and is marked hollow."
    return text


def timeline_notice(studies: pd.DataFrame) -> str:
    """What a reader should see in the timeline, in numbers."""
    if studies.empty:
        return "No study in this selection."
    years = studies["year"].astype(int)
    parts = [
        f"The {plural(len(studies), 'study', 'studies')} were published between {years.min()} and "
        f"{years.max()}; half of them in {int(years.median())} or later."
    ]
    for modality, word in (("cells", "MSC"), ("exosomes", "exosome")):
        part = studies.loc[studies["modality"] == modality, "year"].astype(int)
        if len(part):
            parts.append(f"{word} studies: median year {int(part.median())}.")
    return " ".join(parts)


def timeline_note() -> str:
    """The timeline's note."""
    return (
        "Top: preclinical studies of Tables 1-2 by the publication year of the reference each cites, MSCs solid "
        "and MSC-derived exosomes hatched, coloured by disease. Bottom: how many studies of each year name a "
        f"mechanism or pathway family (data/categories.csv). {SOURCE_SHORT}, Tables 1-2 and references."
    )


def dosing_note() -> str:
    """The dosing exhibit's note."""
    return (
        "Top left: each study's printed dose as a quantity, lowest to highest arm, on a log scale; cells, "
        "particles, protein mass, mass per body mass and concentrations are separate rows and are never converted "
        "into one another. Top right: follow-up in days (a month is 30 days). Bottom: routes, and the share of "
        "studies whose printed cells report each item where it applies. Colour: disease; circle: MSCs (Table 1); "
        f"square: exosomes (Table 2). {SOURCE_SHORT}, Tables 1-2."
    )


def dosing_notice(doses: pd.DataFrame, follow: pd.DataFrame, missing: dict[str, int]) -> str:
    """What a reader should see in the dosing exhibit, in numbers."""
    if doses.empty and follow.empty:
        return "No study in this selection reports a dose or a follow-up."
    parts = []
    cells = doses[doses["dose_kind"] == "cells"]
    if len(cells):
        parts.append(
            f"Cell doses span {cells['dose_low'].min():.1e} to {cells['dose_high'].max():.1e} cells "
            f"({plural(len(cells), 'study', 'studies')}); the most common is "
            f"{cells['dose_low'].mode().iloc[0]:.0e}."
        )
    mass = doses[doses["dose_kind"] == "protein mass"]
    if len(mass):
        parts.append(
            f"Exosome doses by protein mass span {mass['dose_low'].min():g} to {mass['dose_high'].max():g} µg "
            f"({plural(len(mass), 'study', 'studies')})."
        )
    kinds = doses["dose_kind"].nunique()
    parts.append(f"Doses come in {kinds} incommensurable kinds; {missing['dose']} studies give no readable dose.")
    if len(follow):
        days = follow["follow_up_days"]
        parts.append(
            f"Follow-up runs from {days.min():g} to {days.max():g} days (median {days.median():g}); "
            f"{missing['follow-up']} in-vivo studies print none."
        )
    return " ".join(parts)


def design_note() -> str:
    """The design exhibit's note."""
    return (
        "Dot area and number: studies in each category, by disease, for MSCs (blue, Table 1) and MSC-derived "
        "exosomes (orange, Table 2). A study with two models or modifications counts under each; values that "
        "could not be read from the printed cells are shown as 'not reported'. Classes are derived by tested code "
        f"(helpers.data.design, helpers.data.derive) from the printed Animal model, Source and Precondition cells. "
        f"{SOURCE_SHORT}, Tables 1-2."
    )


def design_notice(studies: pd.DataFrame) -> str:
    """What a reader should see in the design exhibit, in numbers."""
    if studies.empty:
        return "No study in this selection."
    models = studies["model_class"].astype("string").fillna("not reported").str.split("+").explode().value_counts()
    relation = studies["relation"].astype("string").fillna("not reported").value_counts()
    modified = int((studies["product"] == "modified").sum())
    return (
        f"The most common animal model class is {models.index[0]} ({models.iloc[0]} of {len(studies)} studies); "
        f"{int(models.get('natural ageing', 0))} use naturally aged animals. "
        f"{int(relation.get('xenogeneic', 0))} studies give MSCs or exosomes of one species to another "
        f"(mostly human to rodent), {int(relation.get('allogeneic', 0))} stay within a species. "
        f"{modified} of the {len(studies)} studies modify the product before or while giving it."
    )
