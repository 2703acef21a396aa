"""Sentences that state computed numbers: figure notes and "what to notice" paragraphs.

No number in the project's prose is typed by hand: each sentence here is
formatted from values the notebooks compute from ``data/``.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.catalog import SOURCE_SHORT

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
    from helpers.core.vocab import DISEASE_CODES, TISSUE_CODES

    n = len(printed)
    if n == 0:
        return "No row of the table matches this selection."
    if resource == "tissue_sources":
        return (
            f"{plural(n, 'tissue source')} compared: {', '.join(TISSUE_CODES.get(s, s) for s in printed['source'])}. "
            "Each is judged by how it is obtained and by what speaks for and against it; no row gives numbers, "
            "and the table cites no study for its claims: they are the review's own assertions."
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


def source_coverage(
    sources: pd.DataFrame | None = None, studies: pd.DataFrame | None = None, trials: pd.DataFrame | None = None
) -> str:
    """Which MSC sources the studies of Tables 1-3 use that Table 4 does not describe, and in how many studies.

    ``sources`` is the whole of Table 4 as printed (its ``source`` column);
    ``studies`` and ``trials`` all coded rows (:mod:`helpers.data.coded`),
    whose ``tissue`` may join several codes with ``+``. All three default to
    the whole review, whatever a run selects: the sentence is about the review.
    """
    from helpers.core.vocab import TISSUE_CODES
    from helpers.data import coded, curated

    sources = curated.load("tissue_sources") if sources is None else sources
    studies = coded.studies() if studies is None else studies
    trials = coded.trials() if trials is None else trials
    described = set(sources["source"])

    def uses(frame: pd.DataFrame, code: str) -> int:
        return int(frame["tissue"].fillna("").str.split("+").map(lambda parts: code in parts).sum())

    used = sorted({c for f in (studies, trials) for t in f["tissue"].dropna() for c in str(t).split("+")} - described)
    if not used:
        return "Every MSC source the studies of Tables 1-3 use is described in Table 4."
    parts = [
        f"{TISSUE_CODES.get(c, c).lower()} ({c}: {uses(studies, c)} of the {len(studies)} preclinical studies, "
        f"{uses(trials, c)} of the {len(trials)} clinical studies)"
        for c in used
    ]
    return f"Table 4 does not describe {', '.join(parts)}, which Tables 1-3 use."


def references_notice(refs: pd.DataFrame, full: pd.DataFrame | None = None) -> str:
    """What a reader should see in the reference list, in numbers.

    ``full`` is the whole list, over which PMIDs printed twice are judged
    (:func:`helpers.outputs.bib.suspect_pmids`); default ``refs``.
    """
    from helpers.outputs.bib import suspect_pmids

    if refs.empty:
        return "No reference is cited by the studies of this selection."
    years = refs["year"].astype(int)
    recent = int((years >= years.max() - 4).sum())
    plain = refs["pmid"].str.fullmatch(r"\d{7,8}")
    pmid = int(plain.sum())
    suspect = ""
    if "ref" in refs:
        flagged = suspect_pmids(refs if full is None else full)
        shown = refs[plain & refs["ref"].astype(int).isin(flagged)]
        if len(shown):
            groups = shown.groupby("pmid", sort=False)["ref"].agg(lambda r: "/".join(str(int(x)) for x in r))
            suspect = (
                f", {len(shown)} of which are printed for two different references or look like placeholders "
                f"(references {', '.join(sorted(groups, key=lambda g: int(g.split('/')[0])))}), so the BibTeX keeps "
                "them in `note` rather than `pmid`"
            )
    return (
        f"{plural(len(refs), 'reference')} from {years.min()} to {years.max()}; {recent} of them from the last "
        f"five years of that span. {pmid} print a plain PMID{suspect}; the others print none, or something else "
        "in its place, which the BibTeX keeps in `note` as printed. All are as printed: some printed DOIs and "
        "PMIDs are wrong, and none was corrected."
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
