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


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _sci(x: float) -> str:
    """A count as a biologist writes it: 1×10⁵, 2×10⁷, 3.5×10⁵ (plain below 1000)."""
    if abs(x) < 1000:
        return f"{x:g}"
    mantissa, exponent = f"{x:.6e}".split("e")
    return f"{float(mantissa):g}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def _refs(frame: pd.DataFrame) -> str:
    refs = sorted(int(r) for r in frame["ref"])
    return ("ref " if len(refs) == 1 else "refs ") + ", ".join(str(r) for r in refs)


def dosing_note() -> str:
    """The dosing exhibit's note: what each panel draws and how it is encoded."""
    return (
        "Top left: each study's printed dose on a log scale, lowest to highest printed arm, one row per kind of "
        "quantity; kinds are never converted into one another, and a concentration injected without a volume or "
        "added to a dish is not an amount an animal received. Top right: follow-up of treated animals in days, "
        "and apart from it, incubation of cultured cells in hours. Bottom: routes of administration of the studies "
        "with animals (in vitro studies below the line), and the share of the studies each item applies to that "
        "report it. Colour: disease ('Premature aging (weakness)' is the project's label for the printed "
        "'weakness' of a Bmi-1⁻/⁻ premature-ageing model); shape: host; studies at the same value sit side by "
        f"side, ×n counts them. {SOURCE_SHORT}, Tables 1-2."
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
            f"{days.min():g} to {days.max():g} days (median {days.median():g})."
        )
        if (~stated).any():
            only = days[stated]
            text += (
                f" {int((~stated).sum())} of the {len(follow)} also have an in vitro arm, and the review does not say "
                f"which arm their time belongs to (hollow marks); the {len(only)} in vivo only studies run "
                + (f"{only.min():g} to {only.max():g} days (median {only.median():g})." if len(only) else "none.")
            )
        by = [
            f"{word} {len(part)} studies, median {part.median():g} days"
            for modality, word in (("cells", "MSCs"), ("exosomes", "exosomes"))
            if len(part := days[follow["modality"] == modality])
        ]
        parts.append(text + (" By product: " + "; ".join(by) + "." if by else ""))
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
    mass = doses[doses["dose_kind"] == "protein mass"]
    if len(mass):
        text = (
            f"Exosome doses as a printed mass: {len(mass)} studies, {mass['dose_low'].min():g} to "
            f"{mass['dose_high'].max():g} µg."
        )
        far = mass[mass["outside_range"].fillna(False).astype(bool)]
        rest = mass[~mass["outside_range"].fillna(False).astype(bool)]
        if len(far) and len(rest):
            text += (
                f" Of these, {len(far)} ({_refs(far)}) {'lies' if len(far) == 1 else 'lie'} outside "
                f"data/dose_ranges.csv's range, kept as printed; the other {len(rest)} span "
                f"{rest['dose_low'].min():g} to {rest['dose_high'].max():g} µg."
            )
        parts.append(text)
    return parts


def _notice_apart(doses: pd.DataFrame, missing: dict[str, int]) -> list[str]:
    """The out-of-range, kept-apart and kinds sentences of :func:`dosing_notice`."""
    parts = []
    outside = doses[doses["outside_range"].fillna(False).astype(bool)]
    if len(outside):
        each = ", ".join(
            f"ref {int(r.ref)} about {r.range_factor:.0f}-fold" for r in outside.sort_values("ref").itertuples()
        )
        parts.append(
            f"{len(outside)} of the {len(doses)} doses drawn lie outside the range data/dose_ranges.csv documents "
            f"for their product and host (the audit's W4 yardstick) and are ringed: {each}."
        )
    odd = []
    for kind, words in _APART:
        part = doses[doses["dose_kind"] == kind]
        if len(part):
            odd.append(f"{len(part)} {'is' if len(part) == 1 else 'are'} {words}: {_refs(part)}")
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
