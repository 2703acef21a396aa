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
            "Each is judged by how it is obtained and by what speaks for and against it; no row gives numbers, "
            "and the table cites no study for its claims: they are the review's own assertions."
        )
    if resource in ("msc_studies", "exosome_studies"):
        diseases = _counted(derived["disease_code"]).head(2)
        return (
            f"{plural(n, 'row')}, one study each. Most concern "
            + " and ".join(f"{DISEASE_CODES.get(code, code)} ({k} of {n})" for code, k in diseases.items())
            + ". "
            + _preclinical_notice(printed, derived)
        )
    text = (
        f"{plural(n, 'row')}. Most rows concern {_top(derived['disease_code'], DISEASE_CODES)}; "
        f"the most used MSC sources are {_top(derived['tissue'], TISSUE_CODES)}."
    )
    if resource == "clinical_trials":
        from helpers.data.derive.registry import REGISTERED_TRIAL
        from helpers.outputs.tables import designs as read_designs

        designs = pd.Series(read_designs(printed), index=printed.index)
        trial = designs == REGISTERED_TRIAL
        completed = int((printed.loc[trial, "research_status"] == "Completed").sum())
        exos = int((derived["modality"] == "exosomes").sum())
        others = printed[~trial]
        text += f" {int(trial.sum())} of the {n} rows are registered trials, {completed} of them completed"
        for (kind, ref), part in others.groupby([designs[~trial], "nct_number"]):
            text += (
                f"; {plural(len(part), 'row')} is a {kind}, cited as {ref} instead of an NCT number (so not from "
                f"ClinicalTrials.gov), with the status '{part['research_status'].iloc[0]}' printed"
            )
        text += f". {exos} of the {n} rows test exosomes rather than cells."
        results = printed["results"].astype(str).str.strip()
        told = results[~results.str.lower().str.startswith("no results")]
        for _, same in told.groupby(told):
            if len(same) > 1:
                rows = " and ".join(str(int(r)) for r in printed.loc[same.index, "row"])
                text += f" Rows {rows} print word for word the same Results text (not checked against the registry)."
        return text + (
            " Enrollment is summed by design and status as printed; the review does not say whether a number is "
            "actual or anticipated."
        )
    return text


def _counted(values: pd.Series, labels: dict | None = None) -> pd.Series:
    """Counts of '+'-joined codes, most first then by name, under readable labels."""
    parts = values.dropna().astype(str).str.split("+").explode().value_counts()
    parts = parts.sort_index().sort_values(ascending=False, kind="stable")
    return parts.rename(index=lambda code: f"{(labels or {}).get(code, code)} ({code})" if labels else code)


def _preclinical_notice(printed: pd.DataFrame, derived: pd.DataFrame) -> str:
    """Tables 1-2: sources (saying when a row counts twice), hosts among in vivo studies, modified products."""
    from helpers.core.vocab import TISSUE_CODES

    n = len(printed)
    sources = _counted(derived["tissue"], TISSUE_CODES)
    twice = [f"[{ref}]" for ref, tissue in zip(printed["ref"], derived["tissue"]) if "+" in str(tissue)]
    text = "MSC sources: " + ", ".join(f"{name} {k}" for name, k in sources.items())
    if twice:
        text += (
            f"; {plural(len(twice), 'row')} ({', '.join(twice)}) {'compares' if len(twice) == 1 else 'compare'} "
            f"two sources and {'counts' if len(twice) == 1 else 'count'} under each, so these counts sum to "
            f"{int(sources.sum())} for {plural(n, 'study', 'studies')}"
        )
    in_vivo = derived["setting"].astype("string").fillna("") != "in vitro"
    animals = int(in_vivo.sum())
    hosts = _counted(derived.loc[in_vivo.to_numpy(), "host_species"])
    product = "exosomes" if (derived["modality"] == "exosomes").all() else "MSCs"
    text += (
        f". In {animals} of the {n} studies an animal received the {product} (hosts: "
        + ", ".join(f"{name} {k}" for name, k in hosts.items())
        + f"); {n - animals} of the {n} are in vitro only, with no animal treated."
    )
    modified = int((derived["product"] == "modified").sum())
    return text + (
        f" {modified} of the {n} studies used a primed, engineered or selected product, or gave it on a biomaterial "
        "or with another agent (co-treatment), as derived from the printed cells."
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
    # Name the tables that do use each source (second reading 2.1: AM is in Table 1 only, not "Tables 1-3").
    tables = [(f"Table {t[-1]}", studies[studies["table"] == t]) for t in sorted(set(studies["table"]))]
    tables.append(("Table 3", trials))
    parts = []
    for c in used:
        where = [name for name, frame in tables if uses(frame, c)]
        total = uses(studies, c) + uses(trials, c)
        named = " and ".join(where)
        verb = f"which only {named} uses" if len(where) == 1 else f"which {named} use"
        parts.append(
            f"{TISSUE_CODES.get(c, c).lower()} ({c}: {uses(studies, c)} of the {len(studies)} preclinical studies, "
            f"{uses(trials, c)} of the {len(trials)} clinical studies), {verb} ({total} "
            f"{'study' if total == 1 else 'studies'})"
        )
    return f"Table 4 does not describe {'; nor '.join(parts)}."


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

    return ", ".join(f"{TISSUE_CODES.get(c, c)} ({c}-MSC)" for c in codes) if codes else "none"


def _clinical_split(trials: pd.DataFrame) -> tuple[int, dict[str, int]]:
    """Registered trials, and the other clinical studies by design."""
    from helpers.data.derive.registry import REGISTERED_TRIAL

    design = trials["design"].astype("string").fillna("clinical study of unread design")
    others = design[design != REGISTERED_TRIAL].value_counts().sort_index()
    return int((design == REGISTERED_TRIAL).sum()), {str(d): int(n) for d, n in others.items()}


def _clinical_phrase(trials: pd.DataFrame) -> str:
    registered, others = _clinical_split(trials)
    parts = [plural(registered, "registered trial")]
    parts += [plural(n, d, d.replace("study", "studies")) for d, n in others.items()]
    return ", ".join(parts)


def gap_note(studies: pd.DataFrame, trials: pd.DataFrame, cells: pd.DataFrame | None = None) -> str:
    """The gap map's note: what a mark counts, out of how many, and what a flag means."""
    in_vitro = int((studies["setting"] == "in vitro").sum()) if "setting" in studies else 0
    flagged = int(cells["flagged"].sum()) if cells is not None else 0
    comparator = int(cells["comparator"].sum()) if cells is not None else 0
    return (
        f"Circles: preclinical rows of Tables 1-2 ({len(studies)} selected, {in_vitro} of them in vitro only, "
        "counted in their cell as 'in vitro'); diamonds: clinical studies of Table 3 "
        f"({len(trials)} selected: {_clinical_phrase(trials)}; filled = registered trial, hollow = not a trial), "
        "per disease and MSC tissue source, donor species pooled. A study naming two sources counts in both "
        "cells. Mark area is proportional to the number in the mark, on one scale for both panels and shapes. "
        f"'flagged': counted rows whose cited title the audit (rule family R) finds naming another disease, MSC "
        f"source or setting ({flagged} in all). Hollow circle: a source a study's Effects cell names only as a "
        f"comparator arm ({comparator} in all). Counts are of the rows of the review's Tables 1-3, its own "
        "selection; its text cites further studies that are not counted. "
        f"{SOURCE_SHORT}, Tables 1-3."
    )


def gap_notice(studies: pd.DataFrame, trials: pd.DataFrame, facts: dict, flagged: dict | None = None) -> str:
    """What a reader should see in the gap map, in numbers, each saying what it counts and where from."""
    if studies.empty and trials.empty:
        return "No study or trial in this selection."
    parts = []
    for modality, word in (("cells", "MSC"), ("exosomes", "exosome")):
        n_pre = int((studies["modality"] == modality).sum())
        part = trials[trials["modality"] == modality]
        lead = "In the review's tables, " if not parts else "Likewise, "
        parts.append(
            f"{lead}{plural(n_pre, word + ' preclinical row')} (Tables 1-2) stand beside "
            f"{plural(len(part), word + ' clinical study', word + ' clinical studies')} (Table 3: "
            f"{_clinical_phrase(part)})."
        )
    gaps = facts["gap_cells"]
    parts.append(
        f"{gaps.get('preclinical only', 0)} disease-source cells have preclinical rows but no clinical study in "
        f"Table 3; {gaps.get('clinical only', 0)} have a clinical study but no preclinical row in Tables 1-2"
    )
    comparator = gaps.get("clinical; preclinical as comparator arm only", 0)
    parts[-1] += (
        f"; {comparator} more has a clinical study and, in Tables 1-2, only a comparator arm of another source's study."
        if comparator
        else "."
    )
    parts.append(
        f"Sources with preclinical rows but no clinical study, in the review's Tables 1-3: "
        f"{_codes(facts['sources_preclinical_only'])}. Sources with a clinical study but no preclinical row there: "
        f"{_codes(facts['sources_clinical_only'])}."
    )
    if flagged:
        rows = "; ".join(f"{t.replace('table', 'Table ')} row {r} ({why})" for (t, r), why in sorted(flagged.items()))
        parts.append(f"{plural(len(flagged), 'counted row')} cite a title about something else: {rows}.")
    return " ".join(parts)


def _designs(lines: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The registered trials of a trial landscape, and its other rows."""
    from helpers.data.derive.registry import REGISTERED_TRIAL

    trial = lines["design"] == REGISTERED_TRIAL
    return lines[trial], lines[~trial]


def _others(others: pd.DataFrame) -> str:
    """``1 retrospective cohort study (ref. [39])``, for the rows that are not trials."""
    parts = []
    for design, part in others.groupby("design", sort=True):
        refs = ", ".join(i.split(",")[0] for i in part["identifier"])
        parts.append(f"{plural(len(part), design, design.replace('study', 'studies'))} ({refs})")
    return " and ".join(parts)


def trials_note(lines: pd.DataFrame) -> str:
    """The trial landscape's note: what a mark, its area and its colour mean, and what the rows are."""
    trials, others = _designs(lines)
    rows = f"{plural(len(lines), 'row')}: {plural(len(trials), 'registered trial')}"
    if len(others):
        rows += f", {_others(others)}, drawn apart below the rule"
    return (
        f"One line per row of the review's Table 3 ({rows}). Mark area is proportional to the enrollment printed "
        "in Table 3, the same for circles and squares; the review does not say whether a number is actual or "
        "anticipated. Colour: research status as printed in the review, not re-checked against the registry. "
        "Circle: MSCs; square: exosomes; hollow: no registry number. Route: the printed migration method. The "
        f"review does not report how it chose these rows. {SOURCE_SHORT}, Table 3 (data obtained from "
        "ClinicalTrials.gov, except for rows citing a reference)."
    )


def _phase_counts(trials: pd.DataFrame) -> str:
    from helpers.analysis.trials import PHASES

    counts = trials["phase"].value_counts()
    parts = [f"{int(counts[p])} in phase {p}" for p in PHASES if p in counts]
    parts[0] = parts[0].replace(" in ", " are in ", 1)
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def trials_notice(lines: pd.DataFrame) -> str:
    """What a reader should see in the trial landscape, in numbers, each saying what it counts."""
    if lines.empty:
        return "No clinical study in this selection."
    trials, others = _designs(lines)
    text = f"The review's Table 3 lists {plural(len(lines), 'clinical study', 'clinical studies')} in this selection"
    if len(others):
        text += f": {plural(len(trials), 'registered trial')} and {_others(others)}, which is not a trial"
    text += ". "
    n = len(trials)
    if n:
        done = trials[trials["status"] == "Completed"]
        open_ = trials[trials["status"].isin(["Recruiting", "Not yet recruiting"])]
        routes = trials["route"].value_counts()
        top = routes[routes == routes.iloc[0]]
        route = (
            f"{' and '.join(top.index)} ({int(top.iloc[0])} each)"
            if len(top) > 1
            else f"{top.index[0]} ({int(top.iloc[0])} of {n})"
        )
        text += (
            f"Of the {plural(n, 'registered trial')}, {_phase_counts(trials)}. "
            f"{len(done)} of the {n} trials are completed, with a printed enrollment of "
            f"{int(done['enrollment'].sum())} in all; {len(open_)} of the {n} are recruiting or not yet recruiting, "
            f"with {int(open_['enrollment'].sum())}. Most common route among the {n} trials: {route}. "
        )
    for design, part in others.groupby("design", sort=True):
        text += (
            f"The {design} prints an enrollment of {int(part['enrollment'].sum())} "
            f"(status '{part['status'].iloc[0]}' as printed). "
        )
    text += "The review does not say whether a printed enrollment is actual or anticipated."
    return text


def _half_year(years: pd.Series) -> int:
    """The latest year from which at least half of the studies were published."""
    counts = years.value_counts().sort_index(ascending=False).cumsum()
    return int(counts[counts >= len(years) / 2].index[0])


def timeline_notice(studies: pd.DataFrame) -> str:
    """What a reader should see in the timeline, in numbers, each out of how many."""
    if studies.empty:
        return "No study in this selection."
    years = studies["year"].astype(int)
    n = len(years)
    half = _half_year(years)
    parts = [
        f"The {plural(n, 'study', 'studies')} the review tabulates (Tables 1-2) cite references published "
        f"between {years.min()} and {years.max()}. {int((years >= half).sum())} of the {n} were published in "
        f"{half} or later, and {int((years >= half - 1).sum())} of the {n} in {half - 1} or later."
    ]
    for modality, word in (("cells", "MSC"), ("exosomes", "exosome")):
        part = studies.loc[studies["modality"] == modality, "year"].astype(int)
        if len(part):
            parts.append(
                f"Median year of the {plural(len(part), word + ' study', word + ' studies')}: {part.median():g}."
            )
    per_year = years.value_counts().reindex(range(years.min(), years.max() + 1), fill_value=0)
    parts.append(
        f"Tabulated studies per year range from {int(per_year.min())} (in {int(per_year.idxmin())}) to "
        f"{int(per_year.max())} (in {int(per_year.idxmax())}), so the heat map compares years by share, not by count. "
        "These years describe the review's selection; they cannot show whether exosomes replaced cells in the field."
    )
    return " ".join(parts)


def timeline_note(studies: pd.DataFrame | None = None, flagged: dict | None = None) -> str:
    """The timeline's note: what a bar and a shade count, and which counted rows need a caveat."""
    parts = [
        "Top: preclinical studies tabulated in Tables 1-2 by the year printed in the review's reference list for "
        "the reference each cites, MSCs solid and MSC-derived exosomes hatched (modality as the review tabulates "
        "it), coloured by disease. Bottom: the share of that year's studies whose printed effects name each "
        "mechanism or pathway family (data/categories.csv), printed as count / studies that year; MSC and "
        "exosome studies pooled."
    ]
    if studies is not None and len(studies):
        vitro = studies[studies["setting"] == "in vitro"]
        if len(vitro):
            by = vitro.groupby("year").size()
            parts.append(
                f"{len(vitro)} of the {len(studies)} studies are in vitro only ("
                + ", ".join(f"{int(y)}: {int(k)}" for y, k in by.items())
                + ")."
            )
    if flagged and studies is not None:
        where = {
            (t, int(r)): (ref, y)
            for t, r, ref, y in zip(studies["table"], studies["row"], studies["ref"], studies["year"])
        }
        rows = ", ".join(
            f"{t.replace('table', 'Table ')} row {r} ([{where[(t, r)][0]}], {where[(t, r)][1]})"
            for t, r in sorted(flagged)
            if (t, r) in where
        )
        parts.append(f"Counted as printed although the audit finds the cited title about something else: {rows}.")
    parts.append(f"{SOURCE_SHORT}, Tables 1-2 and references.")
    return " ".join(parts)


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _sci(x: float) -> str:
    """A count as a biologist writes it: 1×10⁵, 2×10⁷, 3.5×10⁵ (plain below 1000)."""
    if abs(x) < 1000:
        return f"{x:g}"
    mantissa, exponent = f"{x:.6e}".split("e")
    return f"{float(mantissa):g}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def _ref_list(frame: pd.DataFrame) -> str:
    """The refs of a frame's rows as a reader writes them: ``ref 68`` or ``refs 37, 68``."""
    refs = sorted(int(r) for r in frame["ref"])
    return ("ref " if len(refs) == 1 else "refs ") + ", ".join(str(r) for r in refs)


def dosing_note() -> str:
    """The dosing exhibit's note: what each panel draws and how it is encoded."""
    return (
        "Top left: each study's printed dose on a log scale, lowest to highest printed arm, one row per kind of "
        "quantity; kinds are never converted into one another, and a concentration injected without a volume or "
        "added to a dish is not an amount an animal received. Top right: follow-up of treated animals in days, "
        "and apart from it, incubation of cultured cells in hours. Bottom: routes of administration of the studies "
        "with animals (in vitro studies below the line), and the share of the studies each item applies to for "
        "which the review's tables print it (a gap may be the review's summary, not the study). Colour: disease "
        "('Premature aging (weakness)' is the project's label for the printed "
        "'weakness' of a Bmi-1⁻/⁻ premature-ageing model); shape: host; studies at the same value are stacked "
        f"one above the other, ×n counts them. {SOURCE_SHORT}, Tables 1-2."
    )


def dosing_route_key(routes: pd.DataFrame) -> str:
    """The route abbreviations a dosing figure shows, written out (MI and NA said for what they are)."""
    from helpers.analysis.dosing import ROUTE_NAMES

    shown = set(routes["route"]) if len(routes) else set()
    parts = [f"{code} {name}" for code, name in ROUTE_NAMES.items() if code in shown]
    if any(r.startswith("MI") for r in shown):
        parts.append("MI is printed but defined in none of the review's legends")
    if "NA (printed)" in shown:
        parts.append("NA: printed 'NA' ('Not Applicable' in the review's legend), kept apart from a route not printed")
    return "Routes: " + "; ".join(parts) + "." if parts else ""


def _notice_times(follow: pd.DataFrame, hours: pd.DataFrame, missing: dict[str, int]) -> list[str]:
    """The follow-up and incubation sentences of :func:`dosing_notice`."""
    parts = []
    if len(follow):
        days, stated = follow["days"].astype(float), follow["arm_stated"].astype(bool)
        text = (
            f"In vivo follow-up: {len(follow)} of the {missing['animals']} studies with animals print a time, "
            f"{days.min():g} to {days.max():g} days (median {days.median():g})." + _longest_flagged(follow)
        )
        if (~stated).any():
            only = days[stated]
            text += (
                f" {int((~stated).sum())} of the {len(follow)} also have an in vitro arm, and the review does not say "
                f"which arm their time belongs to (hollow marks); the {len(only)} in vivo only studies run "
                + (f"{only.min():g} to {only.max():g} days (median {only.median():g})." if len(only) else "none.")
            )
        # By product over the in vivo only studies: a time whose arm is not stated may be an incubation.
        by = [
            f"{word} {len(part)} studies, median {part.median():g} days"
            for modality, word in (("cells", "MSCs"), ("exosomes", "exosomes"))
            if len(part := days[(follow["modality"] == modality) & stated])
        ]
        parts.append(text + (" By product, in vivo only studies: " + "; ".join(by) + "." if by else ""))
    if missing["in vitro"]:
        if len(hours):
            h = hours["hours"].astype(float)
            parts.append(
                f"In vitro incubation is kept apart: {len(hours)} of the {missing['in vitro']} in vitro only studies "
                f"print a time, {h.min():g} to {h.max():g} hours."
            )
        else:
            parts.append(f"None of the {missing['in vitro']} in vitro only studies prints an incubation time.")
    return parts


def _longest_flagged(follow: pd.DataFrame) -> str:
    """When the audit flags the row of the longest time, say so and give the next longest (second reading 2.9)."""
    if "audit_flag" not in follow or len(follow) < 2:
        return ""
    ordered = follow.sort_values("days", ascending=False, kind="stable")
    top = ordered.iloc[0]
    if not bool(top["audit_flag"]) or float(ordered["days"].iloc[1]) == float(top["days"]):
        return ""
    return (
        f" The longest, {float(top['days']):g} days (ref {int(top['ref'])}, printed '{top['printed']}'), is on a "
        f"row the audit flags ({str(top['audit_findings']).replace(';', ', ')} in tables/audit.csv); the next "
        f"longest is {float(ordered['days'].iloc[1]):g} days."
    )


def dosing_flagged(*frames: pd.DataFrame, names: dict[str, str] | None = None) -> str:
    """The line under the dosing figure's route key: the drawn rows the audit flags (black edges), with their ids.

    ``names`` (rule id -> short name, :data:`helpers.audit.registry.RULES`) spells out each id used, so that a
    reader sees why ref 58, say, is flagged (W6: in vitro row with animal effects) without opening the audit.
    """
    rows: dict[int, list[str]] = {}
    for frame in frames:
        if "audit_flag" in frame:
            for r in frame[frame["audit_flag"].fillna(False).astype(bool)].itertuples():
                rows[int(r.ref)] = str(r.audit_findings).split(";")
    if not rows:
        return ""
    each = "; ".join(f"ref {ref} {', '.join(ids)}" for ref, ids in sorted(rows.items()))
    text = f"Black edge: the row is flagged by the audit (findings in tables/audit.csv): {each}."
    used = sorted({i for ids in rows.values() for i in ids if names and i in names})
    if used:
        text += " " + "; ".join(f"{i}: {names[i]}" for i in used) + "."
    return text


def _notice_amounts(doses: pd.DataFrame) -> list[str]:
    """The MSC cell and exosome mass sentences of :func:`dosing_notice`."""
    parts = []
    cells = doses[(doses["dose_kind"] == "cells") & (doses["modality"] == "cells")]
    if len(cells):
        mode = cells["dose_low"].mode().iloc[0]
        parts.append(
            f"MSC doses: {len(cells)} studies print a number of cells, {_sci(cells['dose_low'].min())} to "
            f"{_sci(cells['dose_high'].max())}; {int((cells['dose_low'] == mode).sum())} of the {len(cells)} "
            f"gave {_sci(mode)} cells."
        )
    mass = doses[doses["dose_kind"] == "mass as printed"]
    if len(mass):
        text = (
            f"Exosome doses as a printed mass: {len(mass)} studies, {mass['dose_low'].min():g} to "
            f"{mass['dose_high'].max():g} µg."
        )
        far = mass[mass["outside_range"].fillna(False).astype(bool)]
        rest = mass[~mass["outside_range"].fillna(False).astype(bool)]
        if len(far) and len(rest):
            text += (
                f" Of these, {len(far)} ({_ref_list(far)}) {'lies' if len(far) == 1 else 'lie'} outside "
                f"data/dose_ranges.csv's range, kept as printed; the other {len(rest)} span "
                f"{rest['dose_low'].min():g} to {rest['dose_high'].max():g} µg."
            )
        parts.append(text)
    return parts


def _notice_apart(doses: pd.DataFrame, missing: dict[str, int]) -> list[str]:
    """The out-of-range, kept-apart and kinds sentences of :func:`dosing_notice`."""
    parts = []
    outside = doses[doses["outside_range"].fillna(False).astype(bool)]
    ranged = doses[doses["range_high"].notna()]
    unranged = doses[doses["range_high"].isna()]
    if len(outside):
        each = ", ".join(
            f"ref {int(r.ref)} about {r.range_factor:.0f}-fold" for r in outside.sort_values("ref").itertuples()
        )
        # Out of the doses that have a range to be checked against (second reading 2.11).
        parts.append(
            f"{len(outside)} of the {len(ranged)} doses drawn with a range in data/dose_ranges.csv (the audit's W4 "
            f"yardstick, by product and host) lie outside it and are ringed: {each}."
        )
    if len(unranged):
        parts.append(
            f"{len(unranged)} {'is' if len(unranged) == 1 else 'are'} of a kind with no documented range, so "
            f"not checked: {_ref_list(unranged)}."
        )
    odd = []
    for kind, words in _APART:
        part = doses[doses["dose_kind"] == kind]
        if len(part):
            odd.append(f"{len(part)} {'is' if len(part) == 1 else 'are'} {words}: {_ref_list(part)}")
    if odd:
        parts.append("Kept apart: " + "; ".join(odd) + ".")
    parts.append(
        f"The {len(doses)} readable doses come in {doses['dose_kind'].nunique()} kinds; {missing['dose']} of the "
        f"{len(doses) + missing['dose']} studies print no readable dose."
    )
    return parts


#: Dose kinds the notice names one by one, with what they are.
_APART = (
    (
        "cells, printed for exosomes",
        "an exosome study printing its dose as cells (not an MSC dose; the exosome amount is not reported in the "
        "review)",
    ),
    (
        "injected concentration",
        "a concentration injected without a volume (the amount received is not reported in the review)",
    ),
    ("in vitro concentration", "a concentration in a culture dish (not a dose to an animal)"),
)


def dosing_notice(doses: pd.DataFrame, follow: pd.DataFrame, hours: pd.DataFrame, missing: dict[str, int]) -> str:
    """What a reader should see in the dosing exhibit: every number says what it counts and out of how many."""
    if doses.empty and follow.empty and hours.empty:
        return "No study in this selection reports a dose, a follow-up or an incubation time."
    return " ".join([*_notice_times(follow, hours, missing), *_notice_amounts(doses), *_notice_apart(doses, missing)])


def design_note() -> str:
    """The design exhibit's note: what the dots count, where the classes come from, where they are defined."""
    return (
        "Dot area (proportional) and number: studies in each class, by disease, for MSCs (blue, Table 1) and "
        "MSC-derived exosomes (orange, Table 2); a study with two models or modifications counts under each. "
        "Derived by tested code from the printed Animal model, Source, Precondition (Table 1) and Effects cells; "
        "a same-species relation is named only where a cell or the cited title names it. "
        "Xenogeneic: the MSCs, or the cells that made the exosomes, came from another species than the host. "
        f"Classes are defined under the figure. {SOURCE_SHORT}, Tables 1-2."
    )


def _count_of(series: pd.Series, value: str) -> int:
    """Studies whose '+'-joined codes include ``value``."""
    return int(series.astype("string").fillna("").str.split("+").map(lambda codes: value in codes).sum())


def _design_models(in_vivo: pd.DataFrame) -> str:
    """The most common model class and the naturally aged studies, out of the studies with a treated animal."""
    animals = len(in_vivo)
    codes = in_vivo["model_class"].astype("string").fillna("not reported").str.split("+")
    top = codes.explode().value_counts().sort_index().sort_values(ascending=False, kind="stable")
    aged = in_vivo[codes.map(lambda c: "natural ageing" in c)]
    text = (
        f"The most common model class is {top.index[0]} ({top.iloc[0]} of {animals}). "
        f"{len(aged)} of {animals} use naturally aged animals"
    )
    if len(aged):
        alone = int((aged["model_class"] == "natural ageing").sum())
        diseases = ", ".join(sorted(set(aged["disease_code"].dropna())))
        modalities = " and ".join(sorted(set(aged["modality"])))
        text += (
            f" (disease: {diseases}; product: {modalities}; {alone} with no other model, "
            f"{len(aged) - alone} beside an induced one)"
        )
    return text + "."


def _design_relations(in_vivo: pd.DataFrame) -> str:
    """Donor-host relations out of the studies with a treated animal; same-species words only where stated."""
    animals = len(in_vivo)
    relation = in_vivo["relation"].astype("string").fillna("not reported")
    all_human = in_vivo["donor_species"].astype("string").fillna("").str.split("+").map(lambda d: set(d) == {"human"})
    human_rodent = int(((relation == "xenogeneic") & all_human & in_vivo["host_species"].isin(["mouse", "rat"])).sum())
    same = int(relation.isin(["same species, not specified", "autologous", "allogeneic", "syngeneic"]).sum())
    stated = {word: int((relation == word).sum()) for word in ("autologous", "allogeneic", "syngeneic")}
    named = ", ".join(f"{k} {word}" for word, k in stated.items() if k)
    return (
        f"In {_count_of(relation, 'xenogeneic')} of {animals} the donor species differs from the host's "
        f"({human_rodent} of them human cells or their exosomes given to rodents); in {same} of {animals} donor and "
        f"host are of one species, and the print or the cited title names the relation for {sum(stated.values())} "
        "of these" + (f" ({named})" if named else "") + f"; the other {same - sum(stated.values())} are same "
        "species, not specified."
    )


def design_notice(studies: pd.DataFrame) -> str:
    """What a reader should see in the design exhibit, in numbers, each with what it counts and out of how many.

    Animal models and donor-host relations are counted among the studies in
    which an animal received the product (setting other than in vitro); the
    product among all studies.
    """
    if studies.empty:
        return "No study in this selection."
    n = len(studies)
    in_vivo = studies[studies["setting"].astype("string").fillna("") != "in vitro"]
    animals = len(in_vivo)
    parts = [
        f"{n - animals} of the {n} studies shown (tabulated in the review) are in vitro only, so animal models "
        f"and hosts are counted among the other {plural(animals, 'study', 'studies')}."
    ]
    if animals:
        parts += [_design_models(in_vivo), _design_relations(in_vivo)]
    modified = int((studies["product"] == "modified").sum())
    parts.append(
        f"{modified} of the {n} studies use a primed, engineered or selected product, or deliver it with a "
        f"biomaterial or a co-treatment; {n - modified} use it as obtained."
    )
    return " ".join(parts)
