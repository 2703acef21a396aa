"""Sentences that state computed numbers: figure notes and "what to notice" paragraphs.

No number in the project's prose is typed by hand: each sentence here is
formatted from values the notebooks compute from ``data/``.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.analysis import vesicles as vesicle_items
from helpers.analysis.dosing import title_checks
from helpers.analysis.evidence import FACTOR_ONLY, PathwayView, untagged_label
from helpers.analysis.trials import LIMITATION_SHOWN, OPEN_STATUSES, RESULTS_SHOWN, TEXT_REPORTS_OUTCOME
from helpers.core.catalog import SOURCE_SHORT
from helpers.core.words import agree, are, plural, series
from helpers.data.derive.vesicles import PRODUCT_CHANGES

#: An audit rule id as a finding's note starts it ("R3: …").
_RULE_ID = re.compile(r"(?<![A-Za-z])([A-Z]\d+):")

__all__ = [
    "edition_notice",
    "effects_note",
    "effects_notice",
    "flags_note",
    "animal_titles_note",
    "IN_VITRO_AS_PRINTED",
    "IN_VITRO_RULE",
    "unrouted_note",
    "map_note",
    "map_notice",
    "pathway_note",
    "pathway_notice",
    "trust_text",
    "plural",
    "vesicles_note",
    "vesicles_notice",
]


def _between(low: float, high: float, unit: str) -> str:
    """``28 to 60 days``, or ``30 days`` when both ends are one value."""
    return f"{low:g} {unit}" if low == high else f"{low:g} to {high:g} {unit}"


def _sci_between(low: float, high: float) -> str:
    """``1×10⁶ to 5×10⁶``, or ``1×10⁶`` when both ends are one number of cells."""
    return _sci(low) if low == high else f"{_sci(low)} to {_sci(high)}"


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
        f"The project's audit (tables/audit.csv) questions {plural(studies, 'drawn study', 'drawn studies')} on "
        f"{agree(studies, 'its', 'their')} disease, host, product, setting, route or MSC source, kept as printed: "
        f"{items}."
    )


#: What "in vitro only" means on the evidence maps: what the table prints, not what the cited work did.
#: The rule is :func:`helpers.data.derive.setting.setting`'s: a route printed "NA" beside an animal model is not
#: co-culture, so such a row keeps its animal arm (fifth reading, fig1 5.1, fig2 5.1).
IN_VITRO_RULE = "no animal model printed, or co-culture in a dish the only printed route"
IN_VITRO_AS_PRINTED = f"in vitro only as printed ({IN_VITRO_RULE})"


def modelled_note(modelled: pd.DataFrame | None, hollow: int) -> str:
    """Which of the ``hollow`` in vitro only studies print an animal model all the same (empty when none).

    ``modelled`` is :func:`helpers.analysis.evidence.modelled_in_vitro` (fourth reading, fig1 4.1).
    """
    if modelled is None or modelled.empty:
        return ""
    items = "; ".join(f"[{m.ref}] {m.table} row {m.row}: '{m.model}'" for m in modelled.itertuples(index=False))
    return (
        f"{hollow - len(modelled)} of the {hollow} in vitro only studies also print no animal model; "
        f"{len(modelled)} {agree(len(modelled), 'prints', 'print')} one with no route into it ({items})."
    )


def unrouted_note(unrouted: pd.DataFrame | None) -> str:
    """Which studies drawn with an animal arm print "NA" where the route stands (empty when none).

    ``unrouted`` is :func:`helpers.analysis.evidence.unrouted_in_vivo` (fifth reading, fig1 5.1 and 5.2, fig2 5.1).
    """
    if unrouted is None or unrouted.empty:
        return ""
    items = "; ".join(
        f"[{u.ref}] {u.table} row {u.row}: route '{u.route}', model '{u.model}', follow-up '{u.follow_up}'"
        for u in unrouted.itertuples(index=False)
    )
    one = len(unrouted) == 1
    return (
        f"{plural(len(unrouted), 'study', 'studies')} drawn filled {'prints' if one else 'print'} 'NA' (the "
        f"legends' Not Applicable) where the route stands, but an animal model and a follow-up, so "
        f"{'it is' if one else 'they are'} drawn with an animal arm; the audit (A9, tables/audit.csv) questions "
        f"that 'NA', and which route was used is not reported in the review ({items})."
    )


def animal_titles_note(titled: pd.DataFrame | None) -> str:
    """One sentence naming the in vitro only studies whose cited title speaks of animal work (empty when none).

    ``titled`` is :func:`helpers.analysis.evidence.animal_titles`.
    """
    if titled is None or titled.empty:
        return ""
    route = titled["route_only"] if "route_only" in titled else pd.Series(False, index=titled.index)
    animal, only = titled[~route], titled[route]
    text = ""
    if not animal.empty:
        items = "; ".join(f"[{t.ref}] {t.table} row {t.row}: {t.words}" for t in animal.itertuples(index=False))
        text = (
            f"The cited title of {plural(len(animal), 'study', 'studies')} printed as in vitro only speaks of work "
            f"in animals that the table does not show, so the hollow mark may understate it: {items}."
        )
    if not only.empty:
        items = "; ".join(f"[{t.ref}] {t.table} row {t.row}: {t.words}" for t in only.itertuples(index=False))
        text += (
            f" The cited title of {plural(len(only), 'more study', 'more studies')} printed as in vitro only names "
            f"a route into a host but not the host, which may be an animal, a person or an explant: {items}."
        )
    return text.strip()


def map_note(
    cells: pd.DataFrame,
    counted: dict[str, dict[str, int]],
    setting: dict[str, int],
    flags: pd.DataFrame,
    titled: pd.DataFrame | None = None,
    modelled: pd.DataFrame | None = None,
    unrouted: pd.DataFrame | None = None,
) -> str:
    """Fig. 1's note: what a dot counts, the setting, what no category covers, and the rows the audit questions.

    ``titled`` (:func:`helpers.analysis.evidence.animal_titles`) names the in
    vitro only studies whose cited title speaks of animal work; ``modelled``
    (:func:`helpers.analysis.evidence.modelled_in_vitro`) those that print an
    animal model all the same; ``unrouted``
    (:func:`helpers.analysis.evidence.unrouted_in_vivo`) the studies drawn
    with an animal arm whose route is printed "NA".
    """
    total = counted["mechanism"]["studies"]
    parts = [
        "Dot area (proportional) and number: studies whose one-line Effects cell in Tables 1-2 supports the "
        "category (a study can support several), for MSCs (blue, Table 1) and MSC-derived exosomes (orange, "
        f"Table 2) as the review tabulates them; filled: with an animal arm, hollow: {IN_VITRO_AS_PRINTED}. Bars: all "
        "diseases together. The review's prose is not coded. The process categories are what the Effects cell "
        "names, not proof of how the product acts: some record an outcome (regenerated tissue, less amyloid, "
        "bone mass or osteoclast numbers) rather than a route to it.",
        f"Of the {total} selected studies, {counted['mechanism']['unnamed']} match no mechanism category and "
        f"{counted['cargo']['unnamed']} no cargo category of data/categories.csv in their Effects cell; "
        f"{setting['in vitro only']} of the {total} are in vitro only as printed.",
    ]
    if unrouted_note(unrouted):
        parts.append(unrouted_note(unrouted))
    if modelled_note(modelled, setting["in vitro only"]):
        parts.append(modelled_note(modelled, setting["in vitro only"]))
    if animal_titles_note(titled):
        parts.append(animal_titles_note(titled))
    if "Premature aging (weakness)" in set(cells.get("disease", [])):
        parts.append("'Premature aging (weakness)': the printed Disease cell reads 'weakness'.")
    note = flags_note(flags)
    if note:
        parts.append(note)
    parts.append(f"fig1.data.csv and fig1.evidence.csv give every count and the printed words. {SOURCE_SHORT}.")
    return " ".join(parts)


def _ref_names(refs: list[int]) -> str:
    """``[31] and [54]``."""
    names = [f"[{r}]" for r in refs]
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1] if names else ""


def map_notice(
    cells: pd.DataFrame,
    counted: dict[str, dict[str, int]],
    instead: dict,
    carried: dict[str, list[int]] | None = None,
    flags: pd.DataFrame | None = None,
) -> str:
    """What a reader should see in Fig. 1, in numbers that say what they count and out of how many.

    ``instead`` is :func:`helpers.analysis.evidence.named_instead`; ``carried``
    :func:`helpers.analysis.evidence.carried_mirna`; ``flags`` the audit's
    findings on drawn rows (:func:`helpers.analysis.evidence.flagged`), to say
    which miRNA studies it questions as vesicle studies (rule R4).
    """
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
    )
    if unnamed:
        sentence += _unnamed_mechanisms(unnamed, total, instead)
    else:
        sentence += f"Each of the {total} Effects cells matches a mechanism category of data/categories.csv. "
    cargo = cells[(cells["kind"] == "cargo") & (cells["modality"] == "exosomes")]
    named = cargo[~cargo["category"].str.startswith("No ")]
    if not named.empty:
        exo, with_cargo = _refs(cargo), _refs(named)
        mirna = _refs(named[named["category"] == "miRNA"])
        sentence += (
            f"{len(with_cargo)} of the {len(exo)} exosome studies name a carried or mediating molecule in "
            f"their Effects cell, {len(mirna)} of them a miRNA"
        )
        sentence += _mirna_detail(mirna, carried, flags) + "."
    return sentence


def _unnamed_mechanisms(unnamed: int, total: int, instead: dict) -> str:
    """The Effects cells that match no mechanism category, and what they carry instead (a map's notice)."""
    carry = instead["instead"]
    text = (
        f"{unnamed} of the {total} Effects cells ({_percent(unnamed, total)}) {agree(unnamed, 'matches', 'match')} "
        f"none of the mechanism categories of data/categories.csv; {carry} of these {unnamed} "
        f"{agree(carry, 'carries', 'carry')} a pathway-family, transcription-factor or cargo tag instead"
    )
    excluded = instead.get("excluded", [])
    if excluded:
        text += (
            f", {len(excluded)} more ({_ref_names(excluded)}) {agree(len(excluded), 'names', 'name')} a molecule "
            "that the categories exclude (data/curated_tags.csv says why)"
        )
    # Why an unmatched cell is not a study without a mechanism: the prose may still name one.
    return text + (
        ", and the review's prose gives a mechanism for others, so these rows do not mean that the studies name "
        "no mechanism. "
    )


def _mirna_detail(mirna: set[str], carried: dict[str, list[int]] | None, flags: pd.DataFrame | None) -> str:
    """How many of the exosome miRNA studies the printed words show as carriers, and which the audit questions."""
    if not carried:
        return ""
    shown = sorted(int(r) for r in mirna if int(r) in set(carried["carried"]))
    rest = sorted(int(r) for r in mirna if int(r) not in set(shown))
    text = f" ({len(shown)} of the {len(mirna)} printed as carried, delivered or overexpressed"
    if flags is not None and not flags.empty:
        doubted = sorted({int(r) for r in flags.loc[(flags["rule"] == "R4") & flags["ref"].isin(shown), "ref"]})
        if doubted:
            text += f", though the cited title of {_ref_names(doubted)} speaks of no vesicles (audit R4)"
    if rest:
        text += f"; {_ref_names(rest)} {agree(len(rest), 'names', 'name')} the miRNA only as a mediator"
    return text + ")"


def pathway_note(view: PathwayView) -> str:
    """Fig. 2's note: the unit, what is drawn and left out, the setting and the rows the audit questions.

    ``view`` is :func:`helpers.analysis.evidence.pathway_view`.
    """
    counted, drawn, setting = view.counted, len(view.drawn), view.setting
    total = counted["either"]["studies"]
    parts = [
        f"Dot area (proportional) and number: whole studies, by disease, for MSCs (blue, Table 1) and MSC-derived "
        f"exosomes (orange, Table 2) as the review tabulates them; filled: with an animal arm, hollow: in vitro "
        f"only as printed ({setting['in vitro only']} of the {drawn} drawn; {IN_VITRO_RULE}). Drawn: the {drawn} "
        f"of the {total} selected "
        f"studies whose one-line Effects cell names a signalling pathway family ({counted['pathway']['named']}) or "
        f"a transcription factor ({counted['regulator']['named']}) of data/categories.csv; a study counts once "
        "under each source, family and factor it names, so a block can sum to more than the studies drawn, and "
        "the blocks share the disease columns, not the studies (fig2.data.csv names the references behind "
        "each dot).",
    ]
    absent = [
        f"{disease} ({plural(total_d, 'selected study', 'selected studies')})"
        for disease, (shown, total_d) in view.per_disease.items()
        if not shown
    ]
    if absent:
        parts.append(
            f"No column for {' and '.join(absent)}: none of {agree(len(absent), 'its', 'their')} selected "
            "studies names a family or a factor."
        )
    if view.unseen_sources:
        parts.append(_unseen_sources_note(view.unseen_sources))
    if modelled_note(view.modelled, setting["in vitro only"]):
        parts.append(modelled_note(view.modelled, setting["in vitro only"]))
    if unrouted_note(view.unrouted):
        parts.append(unrouted_note(view.unrouted))
    if animal_titles_note(view.animal_titles):
        parts.append(animal_titles_note(view.animal_titles))
    if _called_pathway_note(view):
        parts.append(_called_pathway_note(view))
    parts.append("PI3K/AKT/mTOR includes a study that names PTEN alone. The review's prose is not coded.")
    if not view.modified.empty:
        items = "; ".join(
            f"[{m.ref}] {m.table} row {m.row}, {m.modification}: {m.categories}"
            for m in view.modified.itertuples(index=False)
        )
        parts.append(
            f"{plural(len(view.modified), 'drawn study', 'drawn studies')} add another agent to the MSCs (primed "
            "with it before the treatment, engineered to carry or express it, or co-given with it), so a family "
            f"or factor named may be that agent's rather than the MSCs' (the product's derived modification): {items}."
        )
    note = flags_note(view.flags)
    if note:
        parts.append(note)
    parts.append(f"fig2.data.csv and fig2.evidence.csv give every count and the printed words. {SOURCE_SHORT}.")
    return " ".join(parts)


def _unseen_sources_note(unseen: dict[str, list[int]]) -> str:
    """Fig. 2: the printed MSC sources with no row, because none of their studies is drawn (fourth reading, 4.4)."""
    items = [
        f"{name.lower()} ({plural(len(refs), 'selected study', 'selected studies')}, {_ref_names(refs)})"
        for name, refs in unseen.items()
    ]
    many = sum(len(refs) for refs in unseen.values()) > 1
    return (
        f"No source row for {' and '.join(items)}: {'none of them names' if many else 'it names neither'} a "
        f"{'family or a factor' if many else 'family nor a factor'}."
    )


def _called_pathway_note(view: PathwayView) -> str:
    """Fig. 2: the factor studies whose Effects cell puts the factor in a pathway (fourth reading 4.2, fifth 5.2)."""
    rows = view.called_pathway
    if rows.empty:
        return ""
    where = f", drawn in the row '{FACTOR_ONLY}'"
    items = "; ".join(
        f"[{r.ref}] {r.table} row {r.row}: '{r.words}'{where if r.factor_only else ''}"
        for r in rows.itertuples(index=False)
    )
    return (
        f"The Effects cells of {len(rows)} of the {view.factor_studies} drawn studies naming a transcription "
        f"factor call the factor part of a pathway ({items}); the figure keeps the factor apart, under "
        "'Transcription factors (kept apart)', because data/categories.csv defines it as a transcription factor, not a "
        "signalling pathway family, and files any family named with it under that family; this is the "
        "project's grouping, not a denial of the print's word."
    )


def pathway_notice(view: PathwayView) -> str:
    """What a reader should see in Fig. 2, in numbers that say what they count and out of how many.

    ``view`` is :func:`helpers.analysis.evidence.pathway_view`.
    """
    cells, counted = view.cells, view.counted
    if cells.empty:
        return (
            "No study in this selection names a pathway family or a transcription factor, so there is nothing to draw."
        )
    total = counted["either"]["studies"]
    family = cells[(cells["kind"] == "pathway") & ~cells["category"].isin([FACTOR_ONLY, untagged_label("pathway")])]
    per = family.groupby("category")["studies"].sum()
    per = per.sort_index().sort_values(ascending=False, kind="stable")
    top = [f"{name} ({plural(int(n), 'study', 'studies')})" for name, n in per.head(3).items()]
    sources = cells[cells["kind"] == "source"]
    exo = len(_refs(sources[sources["modality"] == "exosomes"]))
    either = counted["either"]["named"]
    text = (
        f"{counted['pathway']['named']} of the {total} selected studies name a signalling pathway family of "
        f"data/categories.csv in their Effects cell ({_percent(counted['pathway']['named'], total)}); "
        f"{counted['regulator']['named']} name a transcription factor, and {either} name either. "
    )
    if top:
        text += f"The families named most often: {', '.join(top)}. "
    ranked = sorted(view.per_disease.items(), key=lambda kv: (-kv[1][0], -kv[1][1]))
    shares = ", ".join(f"{disease} {shown} of {whole}" for disease, (shown, whole) in ranked)
    text += (
        f"Studies drawn out of those selected, per disease: {shares}; so a column's size follows both how often "
        f"the review tabulates a disease and how often its Effects cells name a pathway. {exo} of the {either} "
        "drawn test MSC-derived exosomes. The source block counts only the studies drawn, not every study of "
        "each source. The review's prose names a pathway for some studies whose Effects cell names none; those "
        "are not counted."
    )
    return text


def _precision(part: int, whole: int) -> str:
    """A precision to two decimals, with the counts it is made of: ``0.95 (95 of 100 proposed pairs supported)``."""
    return f"{part / whole:.2f} ({part} of {whole} proposed pairs supported)" if whole else "not measurable (no pair)"


def trust_text(coverage: dict[str, int]) -> str:
    """The "how far to trust the tags" paragraph, with the reviewed reading's real scope in numbers.

    ``coverage`` is :func:`helpers.analysis.accuracy.coverage`: it says which
    pairs reader A re-read after the definitions changed (not independent, so
    left out of A's score) and how reader B's blind reading of them went.
    """
    text = (
        f"Two readers who never saw the lexicon's output read the {coverage['studies']} selected studies' Effects "
        f"cells against the {coverage['categories']} categories of data/categories.csv and recorded each "
        f"(study, category) pair that either proposed: {coverage['pairs']} of the {coverage['possible']} possible "
        f"pairs, {coverage['supported']} of them supported after their disagreements were settled row by row "
        "(data/annotation.csv). A pair that neither proposed counts as not supported, so a pair both readers "
        "missed is never counted against them: recall is an upper bound. "
    )
    again = coverage.get("reread", 0)
    if again:
        agreed = coverage["reread agreed"]
        text += (
            "After that reading the definitions changed: transcription factors and nuclear receptors moved out of "
            "the pathway families into the kind 'regulator'; the AMPK/NR4A1 family was split into AMPK (a pathway, "
            "only where AMPK is printed) and NR4A1 (a regulator); and miRNA cargo was narrowed to a miRNA the "
            "product carries, delivers or overexpresses, or names as its mediator, not an inhibitor of one nor a "
            f"host miRNA it targets. Reader A re-read the {plural(again, 'pair')} of the changed categories with "
            "the first settled reading in view, so A's reading of them is not independent and they are left out "
            f"of A's score; reader B then read them blind and agreed with the settled reading on "
            f"{'all ' + str(again) if agreed == again else f'{agreed} of the {again}'} "
            f"({coverage['reread supported']} supported, {again - coverage['reread supported']} rejected)"
            + (f", doubtful of {coverage['reread doubtful']}" if coverage["reread doubtful"] else "")
            + ". "
        )
    if coverage["pending"]:
        text += (
            f"{plural(coverage['pending'], 'pair')} still await a reader under the current definitions and are "
            "left out of that reader's score. "
        )
    a, b = (_precision(coverage[f"reader {r} supported"], coverage[f"reader {r} proposed"]) for r in "AB")
    text += (
        f"Over all categories, reader A's precision is {a} and reader B's {b}. "
        "The table scores each reader per category against the settled reading (the real measure of agreement; "
        "an empty cell is a category with no pair left to score), then the lexicon with its curated "
        "corrections: that row agrees by construction, because the lexicon was revised and the corrections "
        "written with the settled reading in view, so it promises nothing about new studies."
    )
    return text


def _top(values: pd.Series, labels: dict | None = None, k: int = 2) -> str:
    """The k most frequent values with their counts: ``Alzheimer's disease (6), POF (5)``."""
    parts = values.dropna().astype(str).str.split("+").explode().value_counts()
    parts = parts.sort_index().sort_values(ascending=False, kind="stable").head(k)
    return ", ".join(f"{(labels or {}).get(name, name)} ({n})" for name, n in parts.items())


def table_notice(
    resource: str, printed: pd.DataFrame, derived: pd.DataFrame, findings: pd.DataFrame | None = None
) -> str:
    """What a reader should see in a printed table's selected rows, in numbers.

    ``findings`` (optional) is the audit's frame with verdicts
    (:func:`helpers.audit.runner.frame`), which the notebook passes in since
    this layer does not run the audit; with it, Tables 1-2 name the host rows
    whose cited title speaks of another host (rule R3).
    """
    mask = _added_mask(resource, printed)
    if mask is None:  # the edition leads in every current run, as in Table 1's (table2/table3 ed2 7.2/7.4)
        lead = edition_notice(resource, printed).strip()
        return (f"{lead} " if lead else "") + _table_notice(resource, printed, derived, findings)
    # A current edition with added rows: the edition first, then the review's rows counted as printed (every
    # "as printed" of that text holds), then what the added rows change, count by count (table1 ed. reading 1-2).
    base = _table_notice(resource, printed[~mask], derived[~mask], findings)
    return (
        edition_notice(resource, printed).strip()
        + f" The review's {plural(int((~mask).sum()), 'row')} first: "
        + base
        + _added_counts(resource, printed, derived, mask)
    )


def _added_mask(resource: str, printed: pd.DataFrame):
    """Which shown rows were added (a boolean array), or None when none is (always so in the printed edition)."""
    from helpers.data import added

    if resource not in ("msc_studies", "exosome_studies", "clinical_trials") or not len(printed):
        return None
    mask = printed["row"].astype(int).isin(set(added.provenance(resource)["key"].astype(int))).to_numpy()
    return mask if mask.any() else None


def _split(label: str, total: int, new: int, of: int | None = None) -> str:
    """``Premature ovarian failure 13 of 29 (12 printed, 1 added)``."""
    return f"{label} {total}" + (f" of {of}" if of is not None else "") + f" ({total - new} printed, {new} added)"


def _added_counts(resource: str, printed: pd.DataFrame, derived: pd.DataFrame, mask) -> str:
    """' With the added row 29 (…), the current edition counts: Premature ovarian failure 13 of 29 (12 printed,
    1 added), …; every other count above is of the printed rows and stands.' Counts the added rows change."""
    from helpers.core.vocab import DISEASE_CODES, TISSUE_CODES
    from helpers.data import added

    n, k = len(printed), int(mask.sum())
    new_refs = added.added_refs()
    rows = [
        f"row {r}" + (f" {added.ref_shown(int(f), new_refs)}" if "ref" in printed else "")
        for r, f in zip(printed["row"][mask], printed["ref"][mask] if "ref" in printed else printed["row"][mask])
    ]
    counts = []
    for column, names, of in (("disease_code", DISEASE_CODES, n), ("tissue", TISSUE_CODES, None)):
        everyone, new = _counted(derived[column]), _counted(derived.loc[mask, column])
        counts += [_split(f"{names.get(c, c)} ({c})", int(everyone[c]), int(new[c]), of) for c in new.index]
    if printed_twice(printed[~mask], derived[~mask]):  # its sum moves too (ed2 7.1)
        total, new_sum = int(_counted(derived["tissue"]).sum()), int(_counted(derived.loc[mask, "tissue"]).sum())
        counts.append(f"the source counts sum to {total} for {n} studies ({total - new_sum} printed, {new_sum} added)")
    if "setting" in derived:
        in_vivo = derived["setting"].astype("string").fillna("") != "in vitro"
        treated = int(in_vivo[mask].sum())
        if treated:
            counts.append(_split("an animal treated in", int(in_vivo.sum()), treated, n))
            hosts = _counted(derived.loc[in_vivo.to_numpy(), "host_species"])
            added_hosts = _counted(derived.loc[(in_vivo.to_numpy() & mask), "host_species"])
            counts += [_split(f"{h} hosts", int(hosts[h]), int(added_hosts[h])) for h in added_hosts.index]
    if "modification" in derived:
        modified = derived["modification"].astype("string").fillna("none") != "none"
        if int(modified[mask].sum()):
            counts.append(_split("a modified product in", int(modified.sum()), int(modified[mask].sum()), n))
    unit = agree(k, "row", "rows")
    return (
        f" With the added {unit} ({'; '.join(rows)}: cells coded by their curator, not printed), the current "
        f"edition counts {n} rows ({n - k} printed, {k} added): " + "; ".join(counts) + ". A count or sum above "
        f"that this list does not name is the same in the current edition (out of {n} where it says 'of')."
    )


def edition_notice(resource: str, shown: pd.DataFrame) -> str:
    """The current edition's sentences under a table's or the reference list's notice; "" in the printed edition.

    The first says what ``data/additions/`` holds (:func:`helpers.data.curated.edition_note`), so a current run
    that equals the printed one says so; the second how many of the rows counted above were added, not printed.

    Parameters
    ----------
    resource : str
        ``msc_studies``, ``exosome_studies``, ``clinical_trials`` or ``references``.
    shown : pandas.DataFrame
        The rows the exhibit shows (their ``row``, or ``ref`` for the references).
    """
    from helpers.core import edition
    from helpers.data import added, curated

    if edition.current() != edition.CURRENT or resource not in added.KEYS:
        return ""
    key = added.KEYS[resource]
    new = added.provenance(resource)
    new = new[new["key"].isin(set(shown[key].astype(int)) if len(shown) else set())]
    what = "reference" if resource == "references" else "row"
    if new.empty:
        tail = f" None of the {plural(len(shown), what)} shown was added; all are printed in the review."
    else:
        named = "; ".join(f"{what} {k}, added {d}" for k, d in zip(new["key"], new["date_added"]))
        tail = (
            f" Of the {plural(len(shown), what)} counted here, {len(shown) - len(new)} are printed in the review and "
            f"{len(new)} {agree(len(new), 'was', 'were')} added since ({named}); the "
            f"{'edition' if resource == 'references' else 'Edition'} column marks "
            f"{agree(len(new), 'it', 'them')}."
        )
    return " " + curated.edition_note() + tail


def _table_notice(
    resource: str, printed: pd.DataFrame, derived: pd.DataFrame, findings: pd.DataFrame | None = None
) -> str:
    from helpers.core.vocab import DISEASE_CODES, TISSUE_CODES

    n = len(printed)
    if n == 0:
        return "No row of the table matches this selection."
    if resource == "tissue_sources":
        return (
            f"{plural(n, 'tissue source')} compared: {', '.join(TISSUE_CODES.get(s, s) for s in printed['source'])}. "
            "Each is judged by how it is obtained and by what speaks for and against it; no row gives numbers, "
            "and the table cites no study for its claims: they are the review's own assertions."
            + _source_comparisons(printed)
        )
    if resource in ("msc_studies", "exosome_studies"):
        diseases = _counted(derived["disease_code"]).head(2)
        return (
            f"{plural(n, 'row')}, one study each. Most concern "
            + " and ".join(f"{DISEASE_CODES.get(code, code)} ({k} of {n})" for code, k in diseases.items())
            + ". "
            + _preclinical_notice(printed, derived, _other_host_titles(resource, printed, derived, findings))
        )
    text = (
        f"{plural(n, 'row')}. Most rows concern {_top(derived['disease_code'], DISEASE_CODES)}; "
        f"the most used MSC sources are {_top(derived['tissue'], TISSUE_CODES)}"
    )
    if resource == "clinical_trials":
        return text + _cord_blood_apart(derived["tissue"]) + "." + _trials_table_notice(printed, derived)
    return text + "."


def _cord_blood_apart(tissue: pd.Series) -> str:
    """' (tissue of the cells or of their vesicles; umbilical cord blood, 2 more, is counted apart)' (table3
    fifth reading 5.2): an exosome row counts under its parent cells' tissue, and cord blood is not cord."""
    codes = tissue.dropna().astype(str).str.split("+").explode()
    said = " (tissue of the cells or of their vesicles"
    blood = int((codes == "UCB").sum())
    if blood and int((codes == "UC").sum()):
        said += f"; umbilical cord blood, {blood} more, is counted apart from umbilical cord"
    return said + ")"


#: A source named as MSCs in a printed Effects cell ("AD-MSCs", "UC-MSCs"), for head-to-head comparisons.
_SOURCE_MSCS = re.compile(r"\b([A-Z]{2,3})-MSCs?\b")


def _source_comparisons(printed: pd.DataFrame) -> str:
    """' Its 4 comparative claims (…) cite no study either; 2 rows of Tables 1-2 print a comparison of sources
    in their Effects: …' (table4 fifth reading 5.3): what the review tabulates against Table 4's comparisons."""
    from helpers.data import curated

    claims = [
        line.strip()
        for column in ("advantages", "disadvantages")
        if column in printed
        for cell in printed[column].astype(str)
        for line in cell.splitlines()
        if re.search(r"\bthan\b", line)
    ]
    if not claims:
        return ""
    heads = []
    for resource in ("msc_studies", "exosome_studies"):
        rows = curated.load(resource)
        for ref, disease, effects in zip(rows["ref"], rows["disease"], rows["effects"].astype(str)):
            named = list(dict.fromkeys(_SOURCE_MSCS.findall(effects)))
            if len(named) >= 2:
                others = ", ".join(f"{c}-MSCs" for c in named[1:-1]) + (" and " if len(named) > 2 else "")
                heads.append(f"[{ref}] ({disease}: {named[0]}-MSCs against {others}{named[-1]}-MSCs)")
    text = (
        f" Its {plural(len(claims), 'comparative claim')} ({'; '.join(repr(c) for c in claims)}) "
        f"{agree(len(claims), 'cites', 'cite')} no study either"
    )
    if heads:
        text += (
            f"; {plural(len(heads), 'row')} of Tables 1-2 {agree(len(heads), 'prints', 'print')} a comparison of "
            f"sources in {agree(len(heads), 'its Effects, on', 'their Effects, each on')} one disease model: "
            f"{' and '.join(heads)}"
        )
    return text + "."


def _trials_table_notice(printed: pd.DataFrame, derived: pd.DataFrame) -> str:
    """Table 3's part of :func:`table_notice`: designs, completed trials, vesicles, repeated Results texts."""
    from helpers.data.derive.registry import REGISTERED_TRIAL
    from helpers.outputs.tables import designs as read_designs

    n = len(printed)
    designs = pd.Series(read_designs(printed), index=printed.index)
    trial = designs == REGISTERED_TRIAL
    completed = int((printed.loc[trial, "research_status"] == "Completed").sum())
    exos = int((derived["modality"] == "exosomes").sum())
    others = printed[~trial]
    # The print is all the evidence: "registered" means an NCT number is printed, and a status is the one printed
    # on a date the review does not give (table3 fifth reading 5.1).
    text = (
        f" {int(trial.sum())} of the {n} rows print an NCT number, {completed} of these the status 'Completed' "
        "(statuses as printed, not checked against ClinicalTrials.gov; the date they were read is not reported in "
        "the review)"
    )
    for (kind, ref), part in others.groupby([designs[~trial], "nct_number"]):
        text += (
            f"; {plural(len(part), 'row')} is a {kind}, cited as {ref} instead of an NCT number (so not from "
            f"ClinicalTrials.gov), with the status '{part['research_status'].iloc[0]}' printed"
        )
    text += f". {exos} of the {n} rows test MSC-derived vesicles rather than cells" + _vesicle_words(
        printed[derived["modality"] == "exosomes"]
    )
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


# "EVs", "sEV" as a Purpose cell prints them ("MSC-EVs", "HUC-MSC-sEV-001"), never inside a longer word.
_EV_WORD = re.compile(r"(?<![A-Za-z])s?EVs?(?![A-Za-z])")
#: The printed name around such a word ("MSC-EVs", "HUC-MSC-sEV-001").
_EV_NAME = re.compile(r"[\w-]*(?<![A-Za-z])s?EVs?(?![A-Za-z])[\w-]*")


def _vesicle_words(rows: pd.DataFrame) -> str:
    """How Table 3 names its vesicle rows: "Exos" in MSC Type, and extracellular vesicles in some Purpose cells."""
    if rows.empty:
        return "."
    named = rows[rows["purpose"].astype(str).str.contains(_EV_WORD)]
    text = " (MSC Type printed as exosomes"
    if len(named):
        # Quote the printed names: "sEV" is expanded nowhere in the review (table3 fifth reading 5.3).
        words = " and ".join(
            f"row {int(r)} '{m.group(0)}'"
            for r, p in zip(named["row"], named["purpose"].astype(str))
            if (m := _EV_NAME.search(p))
        )
        text += (
            f"; the Purpose names them with 'EV' codes, {words} (extracellular vesicles, small ones for 'sEV'; "
            "the review expands neither code)"
        )
    return text + ")."


def _counted(values: pd.Series, labels: dict | None = None) -> pd.Series:
    """Counts of '+'-joined codes, most first then by name, under readable labels."""
    parts = values.dropna().astype(str).str.split("+").explode().value_counts()
    parts = parts.sort_index().sort_values(ascending=False, kind="stable")
    return parts.rename(index=lambda code: f"{(labels or {}).get(code, code)} ({code})" if labels else code)


def _no_animal_treated(printed: pd.DataFrame, in_vivo: pd.Series) -> str:
    """What the in vitro rows print instead of a treatment of animals; an animal model some of them print is named."""
    vitro = printed[~in_vivo.to_numpy()]
    models = [(ref, str(m).strip()) for ref, m in zip(vitro["ref"], vitro["animal_model"]) if str(m).strip()]
    if not models:
        return "no animal model or in vivo route"
    named = "; ".join(f"[{ref}] prints '{model}'" for ref, model in models)
    return f"no in vivo route ({named} as its animal model, but no treatment of those animals)"


#: What R3's message says a cited title speaks of ("The cited article's title speaks of patients, while ...").
_R3_NAMED = re.compile(r"title speaks of (.+?), while")


def _other_host_titles(
    resource: str, printed: pd.DataFrame, derived: pd.DataFrame, findings: pd.DataFrame | None
) -> str:
    """Host rows whose cited title names another host (the audit's confirmed R3 findings), for the host count.

    Returns
    -------
    str
        E.g. "; [24], one of the mouse rows, cites an article whose title speaks of patients (see the notes
        under the table)", or "" when there is none or no findings were given.
    """
    exhibit = {"msc_studies": "table1", "exosome_studies": "table2"}.get(resource)
    if findings is None or exhibit is None:
        return ""
    hosts = {
        str(int(r)): (ref, h)
        for r, ref, h, s in zip(
            printed["row"], printed["ref"], derived["host_species"], derived["setting"].astype("string").fillna("")
        )
        if s != "in vitro"
    }
    part = findings[
        (findings["table"] == exhibit)
        & (findings["verdict"] == "confirmed")
        & (findings["rule"].str.split(" ").str[0] == "R3")
        & findings["row"].astype(str).isin(hosts)
    ]
    said = []
    for row, message in zip(part["row"].astype(str), part["message"]):
        named = _R3_NAMED.search(str(message))
        ref, host = hosts[row]
        said.append(
            f"[{ref}], one of the {host} rows, cites an article whose title speaks of "
            f"{named[1] if named else 'another host'}"
        )
    return f"; {'; '.join(said)} (see the notes under the table)" if said else ""


def printed_twice(printed: pd.DataFrame, derived: pd.DataFrame) -> bool:
    """Whether a shown row compares two sources, so the notice gives the source counts' sum (Tables 1-2)."""
    return "tissue" in derived and "ref" in printed and any("+" in str(t) for t in derived["tissue"])


def _preclinical_notice(printed: pd.DataFrame, derived: pd.DataFrame, other_hosts: str = "") -> str:
    """Tables 1-2: sources (saying when a row counts twice), hosts among in vivo studies, modified products.

    ``other_hosts`` is :func:`_other_host_titles`'s clause, put after the host counts.
    """
    from helpers.core.vocab import TISSUE_CODES

    n = len(printed)
    sources = _counted(derived["tissue"], TISSUE_CODES)
    twice = [f"[{ref}]" for ref, tissue in zip(printed["ref"], derived["tissue"]) if "+" in str(tissue)]
    text = "MSC sources: " + ", ".join(f"{name} {k}" for name, k in sources.items())
    if twice:
        text += (
            f"; {plural(len(twice), 'row')} ({', '.join(twice)}) {agree(len(twice), 'compares', 'compare')} "
            f"two sources and {agree(len(twice), 'counts', 'count')} under each, so these counts sum to "
            f"{int(sources.sum())} for {plural(n, 'study', 'studies')}"
        )
    in_vivo = derived["setting"].astype("string").fillna("") != "in vitro"
    animals = int(in_vivo.sum())
    hosts = _counted(derived.loc[in_vivo.to_numpy(), "host_species"])
    product = "exosomes" if (derived["modality"] == "exosomes").all() else "MSCs"
    text += (
        f". In {animals} of the {n} studies an animal received the {product}, as printed (hosts: "
        + ", ".join(f"{name} {k}" for name, k in hosts.items())
        + other_hosts
        + f"); {n - animals} of the {n} are in vitro only as printed: their rows print "
        + _no_animal_treated(printed, in_vivo)
        + ", which does not say that the cited study treated no animal"
        + _titled_no_arm(printed, in_vivo)
        + "."
    )
    modified = int((derived["product"] == "modified").sum())
    return (
        text
        + (
            f" {modified} of the {n} studies used a primed, engineered or selected product, or gave it on a "
            "biomaterial or with another agent (co-treatment), as derived from the printed cells."
        )
        + _text_adds_modification(printed)
        + _named_mirna_as_obtained(printed, derived)
    )


def _titled_no_arm(printed: pd.DataFrame, in_vivo: pd.Series) -> str:
    """'; the cited titles of 3 of these 7 speak of work in animals or of a route into a body: [58] (…), …'.

    The in vitro only rows whose cited title has words of :data:`helpers.data.design.ANIMAL_WORK`, as the
    design exhibit counts them (table2 fifth reading 5.2); '' when none.
    """
    from helpers.data import curated
    from helpers.data.design import title_animal_words

    titles = curated.load("references").set_index("ref")["title"].astype(str)
    vitro = printed[~in_vivo.to_numpy()]
    found = [(int(r), title_animal_words(titles.get(int(r), ""))) for r in vitro["ref"]]
    found = [f for f in found if f[1]]
    if not found:
        return ""
    listed = ", ".join(f"[{ref}] ({words})" for ref, words in found)
    return (
        f"; the cited titles of {len(found)} of these {len(vitro)} speak of work in animals or of a route into a "
        f"body: {listed} (see the notes under the table)"
    )


#: A product name that joins a microRNA to the vesicles ("hUCMSCs-Exos-miR-22-3p"), which may be their own
#: cargo or one loaded into them; the cell does not say which.
_NAMED_MIRNA = re.compile(r"[\w-]*Exos?-miR-[\w-]+")


def _named_mirna_as_obtained(printed: pd.DataFrame, derived: pd.DataFrame) -> str:
    """' 4 rows name … ; they count as used as obtained …' (table2 fifth reading 5.4); '' when none."""
    native = derived["modification"].astype("string").fillna("none").to_numpy() == "none"
    rows = [
        (int(ref), m.group(0))
        for ref, effects, plain in zip(printed["ref"], printed["effects"].astype(str), native)
        if plain and (m := _NAMED_MIRNA.search(effects))
    ]
    if not rows:
        return ""
    listed = ", ".join(f"'{name}' [{ref}]" for ref, name in rows)
    return (
        f" {plural(len(rows), 'row')} whose product name joins a microRNA to the exosomes ({listed}) without "
        "saying it was overexpressed, engineered or loaded count as used as obtained: whether the microRNA was "
        "added is not reported in the review."
    )


def _text_adds_modification(printed: pd.DataFrame) -> str:
    """' For [53] the review's body text adds …' where the text names a modification the cells do not (table2
    fifth reading 5.3); the count reads the cells only, the coded dataset records both."""
    from helpers.data.design import text_statements

    said = text_statements(printed, "adds")
    said = said[said["bears_on"] == "modification"]
    return "".join(
        f" For [{ref}] the review's body text adds a modification its cells do not print ('{words}'), which the "
        "coded dataset (tables/studies.csv) records; this count reads the cells only."
        for ref, words in zip(said["ref"], said["words"])
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
        verb = agree(len(where), f"which only {named} uses", f"which {named} use")
        parts.append(
            f"{TISSUE_CODES.get(c, c).lower()} ({c}: {uses(studies, c)} of the "
            f"{plural(len(studies), 'preclinical study', 'preclinical studies')}, {uses(trials, c)} of the "
            f"{plural(len(trials), 'clinical study', 'clinical studies')}), {verb} "
            f"({plural(total, 'study', 'studies')})"
        )
    return f"Table 4 does not describe {'; nor '.join(parts)}."


def references_notice(refs: pd.DataFrame, full: pd.DataFrame | None = None) -> str:
    """What a reader should see in the reference list, in numbers.

    ``full`` is the whole list, over which PMIDs printed twice are judged
    (:func:`helpers.outputs.bib.suspect_pmids`); default ``refs``.
    """
    from helpers.data import added

    if refs.empty:
        return "No reference is cited by the studies of this selection."
    new = refs["ref"].astype(int).isin(added.added_refs()) if "ref" in refs else None
    if new is None or not new.any():
        return _printed_references_notice(refs, full) + edition_notice("references", refs)
    # The current edition with added references: the review's list counted as printed (its years, its window of
    # five years, its PMIDs), then the added ones apart, so a reference of 2026 moves no window (references ed. 1-2).
    printed = refs[~new.to_numpy()].reset_index(drop=True)
    base = full[~full["ref"].astype(int).isin(added.added_refs())] if full is not None else None
    return (
        edition_notice("references", refs).strip()
        + f" The review's {plural(len(printed), 'reference')} first: "
        + _printed_references_notice(printed, base, "printed BibTeX entries")
        + _added_references(refs[new.to_numpy()], len(refs))
    )


def _added_references(new: pd.DataFrame, in_file: int = 0) -> str:
    """' The 1 added reference (84, 2026) is counted in none of these numbers: its fields are its curator's …'."""
    listed = ", ".join(f"{int(r)}, {int(y)}" for r, y in zip(new["ref"], new["year"]))
    with_pmid = int(new["pmid"].astype(str).str.fullmatch(r"\d{7,8}").sum())
    unit = agree(len(new), "reference", "references")
    return (
        f" The {len(new)} added {unit} ({listed}) {are(len(new))} counted in none of these "
        f"numbers: {agree(len(new), 'its', 'their')} fields are {agree(len(new), 'its', 'their')} "
        f"curator's, not printed, the citation is composed from them, {with_pmid} of {len(new)} give a PMID, and no "
        "DOI or PMID of an addition was looked up."
        # the file holds the added entries too: its own count, so "of the 83" is not read as the file's (ref ed2 7.1)
        + (f" The BibTeX file holds {in_file} entries, the {len(new)} added among them." if in_file else "")
    )


def _printed_references_notice(
    refs: pd.DataFrame, full: pd.DataFrame | None = None, entries: str = "BibTeX entries"
) -> str:
    """:func:`references_notice` for references the review prints."""
    from helpers.outputs.bib import suspect_pmids

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
        f"five years of that span. {pmid} print a plain PMID{suspect}; "
        f"{_other_pmids(refs, full, len(refs) - pmid, entries)} "
        f"{_as_printed(refs)}: some printed DOIs and PMIDs are wrong, and none was corrected."
    )


def _as_printed(refs: pd.DataFrame) -> str:
    """'All are as printed', or 'Every printed one is as printed' when the list holds added references."""
    from helpers.data import added

    if "ref" not in refs:
        return "All are as printed"
    new = set(added.provenance("references")["key"].astype(int))
    return "Every printed one is as printed" if new & set(refs["ref"].astype(int)) else "All are as printed"


def _other_pmids(refs: pd.DataFrame, full: pd.DataFrame | None, others: int, entries: str = "BibTeX entries") -> str:
    """What the references without a plain PMID print, and how many entries the BibTeX gives a ``pmid`` field."""
    from helpers.outputs.bib import pmid_export, suspect_pmids, trailing_words

    if "ref" not in refs or "title" not in refs:
        return (
            f"the other {others} {agree(others, 'prints', 'print')} none, or something else in its place, which the "
            "BibTeX keeps in `note`."
        )
    suspect = suspect_pmids(refs if full is None else full)
    read = [pmid_export(r, suspect) for r in refs.itertuples(index=False)]
    found, usable = [], 0
    for kind, words in (("stray", "a number followed by other text"), ("title", "a number inside the title")):
        numbers = [str(int(r)) for r, (_, k) in zip(refs["ref"], read) if k == kind]
        if numbers:
            usable += len(numbers)
            label = agree(len(numbers), "reference", "references")
            verb = agree(len(numbers), "prints", "print")
            where = f"{label} {', '.join(numbers)}"
            if kind == "stray":  # what follows: a stray letter, or a trial's registry number (references 5.2)
                after = {str(int(r)): trailing_words(p) for r, p in zip(refs["ref"], refs["pmid"])}
                where = "; ".join(f"reference {n}: {after[n]}" for n in numbers)
            found.append(f"{len(numbers)} {verb} {words} ({where})")
    text = f"of the {others} others, "
    if found:
        rest = others - usable
        text += f"{' and '.join(found)}, which the BibTeX exports as that number, saying in `note` what surrounds it"
        if rest:
            text += (
                f"; the other {rest} {agree(rest, 'prints', 'print')} none, or something else in its place, kept in "
                "`note` as printed"
            )
        text += "."
    else:
        text += "none prints a usable number; the BibTeX keeps what they print in `note`."
    exported = sum(1 for number, _ in read if number)
    return text + f" {exported} of the {len(refs)} {entries} carry a `pmid` field."


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


def _table_rows(rows) -> str:
    """``Table 2 rows 17 and 18 ([70], [71])`` for ``(table, row, ref)`` triples of one or more tables."""
    parts = []
    for table in dict.fromkeys(t for t, _, _ in rows):
        mine = [(r, ref) for t, r, ref in rows if t == table]
        nums = [str(r) for r, _ in mine]
        listed = series(nums)
        refs = ", ".join(f"[{ref}]" for _, ref in mine)
        parts.append(f"{table.replace('table', 'Table ')} {agree(len(nums), 'row', 'rows')} {listed} ({refs})")
    return "; ".join(parts)


def elsewhere_sentence(elsewhere: pd.DataFrame | None, *, reason: bool) -> str:
    """The preclinical rows that may be clinical studies Table 3 does not list, with the reviewed reason or not.

    ``elsewhere`` comes from :func:`helpers.analysis.trials.clinical_elsewhere`.
    """
    if elsewhere is None or elsewhere.empty:
        return ""
    rows = _table_rows(list(zip(elsewhere["table"], elsewhere["row"], elsewhere["ref"])))
    text = (
        f"Counted as preclinical, as printed, though possibly a clinical study that Table 3 does not list "
        f"(its cited title speaks of patients): {rows}."
    )
    if reason:
        text += " Reviewed: " + " ".join(str(r) for r in elsewhere["reason"])
    return text


def _rows_with_rules(rows: list) -> str:
    """``Table 2 rows 7 (R4), 17 (R4;W5)`` for ``(table, row, rule ids)`` triples."""
    parts = []
    for table in dict.fromkeys(t for t, _, _ in rows):
        mine = [f"{r} ({ids})" if ids else str(r) for t, r, ids in rows if t == table]
        listed = series(mine)
        parts.append(f"{table.replace('table', 'Table ')} {agree(len(mine), 'row', 'rows')} {listed}")
    return "; ".join(parts)


def questioned_versus_audit_flag(difference: dict | None, questioned: int) -> str:
    """How the gap map's 'questioned' rows differ from the coded dataset's ``audit_flag``, row by row.

    ``difference`` comes from :func:`helpers.analysis.gapmap.flag_difference`.
    """
    if difference is None:
        return ""
    mine, theirs = difference["questioned only"], difference["audit_flag only"]
    text = (
        "'questioned' is not the coded dataset's audit_flag (tables/studies.csv, tables/trials.csv: an error or "
        "warning of any rule that bears on a code), and gapmap.evidence.csv carries both per row"
    )
    if not mine and not theirs:
        same = f"here they name the same {plural(questioned, 'row')}" if questioned else "here neither names a row"
        return f"{text}; {same}."
    if mine:
        text += f"; questioned without audit_flag, the finding being only a check: {_rows_with_rules(mine)}"
    if theirs:
        text += (
            "; audit_flag without 'questioned', the finding not bearing on where the row is counted (a route, "
            "a dose, the reading of an animal model, a trial row's text or registry number): "
            f"{_rows_with_rules(theirs)}"
        )
    return text + "."


def _model_breakdown(counts: dict) -> str:
    """``induced: chemical 4 ('STZ'; diabetic osteoporosis by 4 cited titles), ...`` for one panel's model classes.

    How a model was made is followed by the condition the rows' cited titles name, where one does (fifth
    reading, gapmap 5.3).
    """
    parts = []
    for cls, (n, words, conditions) in counts.items():
        said = [", ".join("'" + w + "'" for w in words)] if words else []
        said += [f"{c} by {plural(k, 'cited title')}" for c, k in conditions.items()]
        parts.append(f"{cls} {n} ({'; '.join(said)})" if said else f"{cls} {n}")
    return ", ".join(parts)


def panel_models_sentence(models: list | None) -> str:
    """Diseases whose two panels rest on different kinds of animal model.

    ``models`` comes from :func:`helpers.analysis.gapmap.panel_models`.
    """
    from helpers.analysis.gapmap import disease_label

    if not models:
        return ""
    parts = [
        f"{disease_label(code)}: MSC rows {_model_breakdown(counts['cells'])}; exosome rows "
        f"{_model_breakdown(counts['exosomes'])}"
        for code, counts in models
    ]
    return (
        "Animal models printed, by class and rows, where the two panels share no kind of model, so one disease "
        f"row compares different models: {'; '.join(parts)}."
    )


def gap_note(
    studies: pd.DataFrame,
    trials: pd.DataFrame,
    cells: pd.DataFrame | None = None,
    mimetic: list | None = None,
    elsewhere: pd.DataFrame | None = None,
    difference: dict | None = None,
    models: list | None = None,
) -> str:
    """The gap map's note: what a mark counts, out of how many, and what each label in a cell means.

    ``mimetic`` (:func:`helpers.analysis.gapmap.mimetic_rows`) and ``elsewhere``
    (:func:`helpers.analysis.trials.clinical_elsewhere`) name rows counted as printed that a reader should
    know about; ``difference`` (:func:`helpers.analysis.gapmap.flag_difference`) says where 'questioned'
    and the dataset's ``audit_flag`` part; ``models`` (:func:`helpers.analysis.gapmap.panel_models`) names
    diseases whose two panels rest on different kinds of animal model.
    """
    questioned = int(cells["questioned"].sum()) if cells is not None else 0
    comparator = int(cells["comparator"].sum()) if cells is not None else 0
    wide = int(cells["wider_purpose"].sum()) if cells is not None and "wider_purpose" in cells else 0
    titled = int(cells["title_other_disease"].sum()) if cells is not None and "title_other_disease" in cells else 0
    other = int(cells["other_model"].sum()) if cells is not None and "other_model" in cells else 0
    parts = [
        _gap_marks_sentence(studies, trials, questioned),
        questioned_versus_audit_flag(difference, questioned),
        _gap_other_model_label(studies, other),
        _gap_star_label(wide, titled, _wider_titles(trials)),
        panel_models_sentence(models),
        _gap_mimetic_sentence(mimetic),
        elsewhere_sentence(elsewhere, reason=False),
        f"Hollow circle: a source a study's Effects cell names only as a comparator arm ({comparator} in all). "
        "Counts are of the rows of the review's Tables 1-3, its own selection; its text cites further studies "
        f"that are not counted. {SOURCE_SHORT}, Tables 1-3.",
    ]
    return " ".join(p for p in parts if p)


def _wider_titles(trials: pd.DataFrame) -> dict:
    """``row -> wider term`` of the selected clinical rows whose cited title names only a wider term."""
    from helpers.analysis.trials import wider_term_titles

    rows = set(trials["row"].astype(int)) if len(trials) else set()
    return {r: t for r, t in wider_term_titles().items() if r in rows}


def _gap_marks_sentence(studies: pd.DataFrame, trials: pd.DataFrame, questioned: int) -> str:
    """What the gap map's circles, diamonds, mark areas and 'questioned' label count.

    Parameters
    ----------
    studies, trials : pandas.DataFrame
        As for :func:`gap_note`.
    questioned : int
        The counted rows labelled 'questioned', over every cell.

    Returns
    -------
    str
        Four sentences.
    """
    from helpers.analysis.gapmap import NO_ANIMAL_ARM_MEANS

    no_arm = int((studies["setting"] == "in vitro").sum()) if "setting" in studies else 0
    return (
        f"Circles: preclinical rows of Tables 1-2 ({len(studies)} selected; {no_arm} of them print no animal arm, "
        f"labelled 'no animal arm' in their cell, meaning {NO_ANIMAL_ARM_MEANS}); diamonds: clinical studies of "
        f"Table 3 ({len(trials)} selected: {_clinical_phrase(trials)}; filled = registered trial, hollow = not a "
        "trial), per disease and MSC tissue source, donor species pooled. A study naming two sources counts in "
        "both cells. Mark area, edge included, is proportional to the number in the mark, on one scale for both "
        "panels and shapes. 'questioned': counted rows whose place in the grid an audit finding questions, at any "
        "severity not dismissed: the cited title names another disease, MSC source, host or setting, or product "
        "(rules R1-R4), or the row's own Effects cell speaks of animals although it prints no animal arm (W6) "
        f"({questioned} in all)."
    )


def _gap_other_model_label(studies: pd.DataFrame, other: int) -> str:
    """What the 'other model' label means, and how many rows and cells carry it; nothing when none does.

    Parameters
    ----------
    studies : pandas.DataFrame
        As for :func:`gap_note`.
    other : int
        The cells labelled 'other model'.

    Returns
    -------
    str
        One sentence, or ``""``.
    """
    from helpers.analysis.gapmap import other_condition_rule, other_model_rows

    if not other:
        return ""
    # A row naming two sources is counted in two cells: rows, counts and cells are all given when they differ.
    rows = len(other_model_rows(studies))
    many = f"{other} in all"
    if rows != other:
        many = f"{plural(rows, 'row')}, counted {other} times, a row naming two sources being counted in both cells"
    return (
        "'other model': a row whose every printed animal model is one the map checks as a model of another "
        f"condition: {other_condition_rule()}; counted as printed ({many}). Another mismatch of model and "
        "disease shows only where the audit questions the row; a row whose disease neither its model nor its "
        "cited title names (rule R5) is labelled 'other model', not 'questioned'."
    )


def _gap_star_label(wide: int, titled: int, wider: dict | None = None) -> str:
    """What the '*' beside a diamond means; nothing when no clinical study carries it.

    Parameters
    ----------
    wide, titled : int
        The clinical studies of a purpose covering several diseases, and of a cited title not naming
        their disease.
    wider : dict, optional
        ``row -> term`` of the selected clinical rows whose cited title names only a wider term that includes
        the disease (:func:`helpers.analysis.trials.wider_term_titles`): not a misfiling (fifth reading 5.1).

    Returns
    -------
    str
        One sentence, or ``""``.
    """
    if not (wide or titled):
        return ""
    from helpers.analysis.trials import WIDER_TERMS

    text = (
        "'*' beside a diamond: a clinical study counted under the one disease Table 3 files it under, though "
        f"its printed purpose covers several diseases ({wide} in all) or its cited title does not name that "
        f"disease itself ({titled} in all"
    )
    if wider:
        terms = {t: d for d, t in WIDER_TERMS.items()}
        said = " and ".join(f"'{t}', which includes {terms[t]}" for t in dict.fromkeys(wider.values()))
        text += (
            f"; {'it names' if len(wider) == titled == 1 else f'{len(wider)} of them name'} only the wider term "
            f"{said}, so the study may well be of the disease it is filed under"
        )
    return text + ")."


def _gap_mimetic_sentence(mimetic: list | None) -> str:
    """The rows of exosome-mimetic vesicles, counted as exosomes as printed; nothing when there are none.

    Parameters
    ----------
    mimetic : list, optional
        As for :func:`gap_note`.

    Returns
    -------
    str
        One sentence, or ``""``.
    """
    if not mimetic:
        return ""
    return (
        "Described as exosome mimetics by their Effects cell or cited title, counted as exosomes as printed "
        f"(whether MSCs secreted them or they were made from MSCs is not reported in the review): "
        f"{_table_rows(mimetic)}."
    )


def gap_notice(
    studies: pd.DataFrame,
    trials: pd.DataFrame,
    facts: dict,
    flagged: dict | None = None,
    elsewhere: pd.DataFrame | None = None,
    other: dict | None = None,
) -> str:
    """What a reader should see in the gap map, in numbers, each saying what it counts and where from.

    ``other`` (:func:`helpers.analysis.gapmap.other_model_rows`) names rows whose printed model is of
    another condition than their disease.
    """
    if studies.empty and trials.empty:
        return "No study or trial in this selection."
    parts = [
        _gap_modality_sentence(studies, trials, "cells", "MSC", "In the review's tables, "),
        _gap_modality_sentence(studies, trials, "exosomes", "exosome", "Likewise, "),
        _gap_cells_sentence(facts["gap_cells"]),
        _gap_sources_sentence(facts),
        _gap_source_text_sentence(studies),
        _gap_questioned_sentence(flagged),
        _gap_other_model_sentence(other),
        elsewhere_sentence(elsewhere, reason=True),
    ]
    return " ".join(p for p in parts if p)


def _gap_modality_sentence(studies: pd.DataFrame, trials: pd.DataFrame, modality: str, word: str, lead: str) -> str:
    """How many preclinical rows and clinical studies of one modality the gap map counts.

    Parameters
    ----------
    studies, trials : pandas.DataFrame
        As for :func:`gap_notice`.
    modality : str
        ``cells`` or ``exosomes``.
    word : str
        What the sentence calls the modality's product (``MSC``, ``exosome``).
    lead : str
        The sentence's opening words, which tie it to the sentence before.

    Returns
    -------
    str
        One sentence.
    """
    rows = studies[studies["modality"] == modality]
    part = trials[trials["modality"] == modality]
    return (
        f"{lead}{plural(len(rows), word + ' preclinical row')} ({_gap_where(rows)}) stand beside "
        f"{plural(len(part), word + ' clinical study', word + ' clinical studies')} (Table 3: "
        f"{_clinical_phrase(part)})."
    )


def _gap_where(rows: pd.DataFrame) -> str:
    """The tables that print ``rows``, and which of them name two sources.

    Parameters
    ----------
    rows : pandas.DataFrame
        Preclinical rows of one modality, with ``table``, ``row`` and ``tissue``.

    Returns
    -------
    str
        ``Table 1`` (or ``Tables 1 and 2``), then the rows naming two sources, since each of those
        draws a circle in two cells and the circles outnumber the rows.
    """
    tables = " and ".join(t.replace("table", "") for t in sorted(set(rows["table"].astype(str))))
    where = f"Table{'s' if ' and ' in tables else ''} {tables}" if tables else "Tables 1-2"
    two = rows[rows["tissue"].astype("string").fillna("").str.contains("+", regex=False)]
    if len(two):
        marks = len(rows) + int(two["tissue"].str.count(r"\+").sum())
        listed = ", ".join(str(int(r)) for r in two["row"])
        where += (
            f"; row{'s' if len(two) > 1 else ''} {listed} name{'' if len(two) > 1 else 's'} two sources, "
            f"so the circles add up to {marks}"
        )
    return where


def _gap_cells_sentence(gaps: dict) -> str:
    """How many disease-source cells hold rows on one side only.

    Parameters
    ----------
    gaps : dict
        The number of cells of each kind (``facts["gap_cells"]`` of :func:`gap_notice`).

    Returns
    -------
    str
        One sentence; a cell whose only preclinical trace is a comparator arm is named apart.
    """
    sentence = (
        f"{gaps.get('preclinical only', 0)} disease-source cells have preclinical rows but no clinical study in "
        f"Table 3; {gaps.get('clinical only', 0)} have a clinical study but no preclinical row in Tables 1-2"
    )
    comparator = gaps.get("clinical; preclinical as comparator arm only", 0)
    return sentence + (
        f"; {comparator} more has a clinical study and, in Tables 1-2, only a comparator arm of another source's study."
        if comparator
        else "."
    )


def _gap_sources_sentence(facts: dict) -> str:
    """The sources with rows on one side only, over every disease and modality.

    Parameters
    ----------
    facts : dict
        As for :func:`gap_notice`.

    Returns
    -------
    str
        Two sentences.
    """
    return (
        f"Sources with preclinical rows but no clinical study, in the review's Tables 1-3: "
        f"{_codes(facts['sources_preclinical_only'])}. Sources with a clinical study but no preclinical row there: "
        f"{_codes(facts['sources_clinical_only'])}."
    )


def _gap_rows(notes: dict) -> str:
    """``Table 1 row 3 (why); ...``, in table and row order, from ``(table, row) -> why``."""
    return "; ".join(f"{t.replace('table', 'Table ')} row {r} ({why})" for (t, r), why in sorted(notes.items()))


def _gap_source_text_sentence(studies: pd.DataFrame) -> str:
    """The rows whose MSC source the review's text names otherwise than the table and title (fifth reading 5.2).

    The sources sentence before it rests on the table's filing, so a reader learns where the text differs.
    """
    from helpers.analysis.gapmap import source_in_text

    said = source_in_text(studies) if len(studies) else {}
    if not said:
        return ""
    refs = dict(zip(zip(studies["table"].astype(str), studies["row"].astype(int)), studies["ref"]))
    rows = "; ".join(
        f"{t.replace('table', 'Table ')} row {r} ([{int(refs[(t, r)])}]): {note}"
        for (t, r), note in sorted(said.items())
    )
    return (
        "Both lists follow the tables' Source cells and the cited titles; the review's text names the source of "
        f"{plural(len(said), 'row')} otherwise: {rows}."
    )


def _gap_questioned_sentence(flagged: dict | None) -> str:
    """The counted rows whose place in the grid the audit questions, or nothing.

    Parameters
    ----------
    flagged : dict, optional
        ``(table, row) -> why`` (:func:`helpers.analysis.gapmap.flagged_in`).

    Returns
    -------
    str
        Two sentences, or ``""`` when no row is questioned.
    """
    if not flagged:
        return ""
    return (
        f"The audit questions where {plural(len(flagged), 'counted row')} {agree(len(flagged), 'belongs', 'belong')} "
        "in the grid (rules R1-R4 and W6, "
        f"any severity), each counted as printed: {_gap_rows(flagged)}. It reads the printed cells and the cited "
        "titles only, so a misfiled row it cannot see may remain."
    )


def _gap_other_model_sentence(other: dict | None) -> str:
    """The counted rows whose printed animal model is of another condition, or nothing.

    Parameters
    ----------
    other : dict, optional
        ``(table, row) -> why`` (:func:`helpers.analysis.gapmap.other_model_rows`).

    Returns
    -------
    str
        One sentence, or ``""`` when there is no such row.
    """
    from helpers.analysis.gapmap import other_condition_rule

    if not other:
        return ""
    # Fourth reading 4.2, checked "partly" by the fifth: the map checks a fixed list of model/disease pairs, so
    # the sentence names them and does not present its count as every model of another condition.
    return (
        f"Of the model and disease pairs the map checks ({other_condition_rule()}), "
        f"{plural(len(other), 'counted row prints', 'counted rows print')} only such a model: {_gap_rows(other)}. "
        "Another mismatch of model and disease shows only where the audit questions the row."
    )


def _designs(lines: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The registered trials of a trial landscape, and its other rows."""
    from helpers.data.derive.registry import REGISTERED_TRIAL

    trial = lines["design"] == REGISTERED_TRIAL
    return lines[trial], lines[~trial]


def _others(others: pd.DataFrame) -> list[str]:
    """``['1 retrospective cohort study (ref. [39])']``: each design that is not a trial, with its rows' refs."""
    parts = []
    for design, part in others.groupby("design", sort=True):
        refs = ", ".join(i.split(",")[0] for i in part["identifier"])
        parts.append(f"{plural(len(part), design, design.replace('study', 'studies'))} ({refs})")
    return parts


def _the_design(design: str, n: int) -> str:
    """``the retrospective cohort study``, or ``the 2 retrospective cohort studies`` for n rows of one design."""
    return f"the {design}" if n == 1 else f"the {n} {design.replace('study', 'studies')}"


def trials_note(lines: pd.DataFrame) -> str:
    """The trial landscape's note: what a mark, its area and its colour mean, and what the rows are."""
    trials, others = _designs(lines)
    rows = f"{plural(len(lines), 'row')}: {plural(len(trials), 'registered trial')}"
    if len(others):
        rows += f", {series(_others(others))}, drawn apart below the rule"
    return (
        f"One line per row of the review's Table 3 ({rows}). Mark area, edge included, is proportional to the "
        "enrollment printed "
        "in Table 3, the same for circles and squares; for a trial printed as recruiting or not yet recruiting "
        "that status makes the number a target, for the others the review does not say whether it is actual or "
        "anticipated. Colour: research status as printed in the review, not re-checked against the registry. "
        "Circle: MSCs; square: exosomes; hollow: no registry number. Route: the printed migration method. "
        "Results: 'outcome printed' where Table 3's Results column prints an outcome, 'limitation printed, no "
        "outcome' where it prints only a limit of the study, else its words 'No results published'. The "
        f"review does not report how it chose these rows. {SOURCE_SHORT}, Table 3 ({_table3_source(lines)})."
    )


def _table3_source(lines: pd.DataFrame) -> str:
    """Table 3's printed source line, quoted as its legend prints it, and the rows that cite a reference instead."""
    from helpers.data import curated

    legend = curated.load("legend_notes")
    printed = legend.loc[(legend["legend"] == "table3") & (legend["kind"] == "source"), "text"]
    text = f"its legend: '{printed.iloc[0]}'" if len(printed) else "its legend names no data source"
    cited = lines[~lines["registered"].astype(bool)]
    for line in cited.itertuples(index=False):
        text += f"; row {line.row} cites {line.identifier.split(',')[0]} instead of a registry number"
    return text


def _phase_counts(trials: pd.DataFrame) -> str:
    from helpers.analysis.trials import PHASES

    counts = trials["phase"].value_counts()
    present = [p for p in PHASES if p in counts]
    parts = [f"{int(counts[p])} in phase {p}" for p in present]
    parts[0] = parts[0].replace(" in ", f" {are(int(counts[present[0]]))} in ", 1)
    return series(parts)


def _results_sentence(lines: pd.DataFrame) -> str:
    """What Table 3's Results column prints, counted by design and, for the completed trials, out of how many.

    An outcome is counted apart from a cell that prints only a limitation of the study (row 9), and the rows
    printed "No results published" whose outcome the review's text reports are named (trials fourth reading
    4.1, 4.3); where a printed outcome appeared is said per row (4.2).
    """
    outcome = lines["results"] == RESULTS_SHOWN[True]
    limited = lines["results"] == LIMITATION_SHOWN
    none = ~outcome & ~limited
    trials, others = _designs(lines)
    done = trials[trials["status"] == "Completed"]
    done_outcome = int((done["results"] == RESULTS_SHOWN[True]).sum())
    done_limited = int((done["results"] == LIMITATION_SHOWN).sum())
    text = f"Table 3's Results column prints an outcome for {int(outcome.sum())} of the {plural(len(lines), 'row')}"
    if limited.any():
        rows = ", ".join(str(int(r)) for r in lines.loc[limited, "row"])
        n_limited = int(limited.sum())
        text += (
            f", only a limitation of the study, no outcome, for {n_limited} "
            f"(Table 3 {agree(n_limited, 'row', 'rows')} {rows})"
        )
    text += f" and 'No results published' for the other {int(none.sum())}"
    if len(done):
        text += (
            f"; of the {plural(len(done), 'completed registered trial')}, {done_outcome} "
            f"{agree(done_outcome, 'prints', 'print')} an outcome"
            + (f" and {done_limited} only a limitation" if done_limited else "")
        )
    designs = []
    for design, part in others.groupby("design", sort=True):
        k = int((part["results"] == RESULTS_SHOWN[True]).sum())
        designs.append(
            f"the {design} {'prints an outcome' if k else 'prints none'}"
            if len(part) == 1
            else f"{k} of {_the_design(design, len(part))} {agree(k, 'prints', 'print')} an outcome"
        )
    text += (", and " + series(designs) if designs else "") + "."
    told = lines[none & lines["note"].fillna("").str.contains(TEXT_REPORTS_OUTCOME, regex=False)]
    if len(told):
        rows = series([str(int(r)) for r in sorted(told["row"])])
        text += (
            f" For {plural(len(told), 'trial')} printed 'No results published' (Table 3 "
            f"{agree(len(told), 'row', 'rows')} {rows}) the review's own text reports an outcome; the figure "
            f"footnotes {agree(len(told), 'it', 'them')}."
        )
    text += (
        " A printed outcome or limitation is the review's; whether it matches the registry is not reported in the "
        "review."
    )
    return text + _where_appeared(lines[~none].sort_values("row"))


def _where_appeared(shown: pd.DataFrame) -> str:
    """`` Where it appeared: row 12, ref. [64] …; for rows 2, 3 the review cites no publication …`` (trials 4.2).

    ``shown`` are the rows whose Results cell prints an outcome or a limitation, in row order; nothing is said
    when the review cites a publication for none of them.
    """
    cited = shown[shown["results_in"].fillna("") != ""]
    uncited = shown[shown["results_in"].fillna("") == ""]
    if not len(cited):
        return ""
    text = " Where it appeared: " + "; ".join(
        f"row {int(r.row)}, {r.results_in}" for r in cited.itertuples(index=False)
    )
    if len(uncited):
        rows = ", ".join(str(int(r)) for r in uncited["row"])
        text += (
            f"; for {agree(len(uncited), 'row', 'rows')} {rows} the review cites no publication (not reported "
            "in the review)"
        )
    return text + "."


def trials_notice(lines: pd.DataFrame, elsewhere: pd.DataFrame | None = None) -> str:
    """What a reader should see in the trial landscape, in numbers, each saying what it counts.

    ``elsewhere`` (:func:`helpers.analysis.trials.clinical_elsewhere`) names rows of Tables 1-2 that may
    be clinical studies Table 3 does not list; the notice says so, with the reviewed reason.
    """
    if lines.empty:
        return "No clinical study in this selection."
    trials, others = _designs(lines)
    text = f"The review's Table 3 lists {plural(len(lines), 'clinical study', 'clinical studies')} in this selection"
    if len(others):
        text += (
            f": {series([plural(len(trials), 'registered trial'), *_others(others)])}, "
            f"{agree(len(others), 'which is not a trial', 'which are not trials')}"
        )
    text += ". "
    n = len(trials)
    if n:
        done = trials[trials["status"] == "Completed"]
        open_ = trials[trials["status"].isin(OPEN_STATUSES)]
        routes = trials["route"].value_counts()
        top = routes[routes == routes.iloc[0]]
        route = (
            f"{' and '.join(top.index)} ({int(top.iloc[0])} each)"
            if len(top) > 1
            else f"{top.index[0]} ({int(top.iloc[0])} of {n})"
        )
        text += (
            f"Of the {plural(n, 'registered trial')}, {_phase_counts(trials)}. "
            f"{len(done)} of the {plural(n, 'trial')} {are(len(done))} completed, with a printed enrollment of "
            f"{int(done['enrollment'].sum())} in all; {len(open_)} of the {n} {are(len(open_))} recruiting or not "
            f"yet recruiting, with a target enrollment of {int(open_['enrollment'].sum())} (not yet or still "
            f"enrolling, by the printed status). Most common route among the {plural(n, 'trial')}: {route}. "
        )
    for design, part in others.groupby("design", sort=True):
        statuses = "', '".join(dict.fromkeys(part["status"].astype(str)))
        text += (
            f"{_the_design(design, len(part)).capitalize()} {agree(len(part), 'prints', 'print')} an enrollment of "
            f"{int(part['enrollment'].sum())}{agree(len(part), '', ' in all')} (status '{statuses}' as printed). "
        )
    text += "For the other statuses the review does not say whether a printed enrollment is actual or anticipated. "
    text += _results_sentence(lines)
    if elsewhere is not None and len(elsewhere):
        text += (
            f" Not drawn: {plural(len(elsewhere), 'preclinical row')} of Tables 1-2 whose cited title the audit "
            f"finds about patients, so possibly a clinical study that Table 3 does not list: "
            f"{_table_rows(list(zip(elsewhere['table'], elsewhere['row'], elsewhere['ref'])))}. Reviewed: "
            + " ".join(str(r) for r in elsewhere["reason"])
        )
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


def timeline_note(studies: pd.DataFrame | None = None, found=None) -> str:
    """The timeline's note: what a bar and a shade count, and which counted rows need a caveat.

    ``found`` (:func:`helpers.analysis.timeline.caveats`) names the rows a reader
    should know about: questioned by the audit, of another condition, near a
    category boundary, or with a tag curation removes. Each row is named once;
    the longer reasons sit in the evidence CSV's ``caveat`` column (third reading 3.7).
    """
    parts = [_timeline_reading()]
    if studies is not None and len(studies):
        where = {
            (str(t), int(r)): (int(ref), int(y))
            for t, r, ref, y in zip(studies["table"], studies["row"], studies["ref"], studies["year"])
        }
        parts += [_timeline_no_arm(studies), _timeline_regulators(studies)]
        if found is not None:
            from helpers.analysis.gapmap import mimetic_rows

            questioned = _timeline_questioned(found.flagged, found.elsewhere, where, mimetic_rows(studies))
            parts += [
                questioned,
                _timeline_other_models(found.other, where, named=questioned),
                _timeline_boundary(found.boundary),
                _timeline_removals(found.removals),
            ]
    parts.append(f"{SOURCE_SHORT}, Tables 1-2 and references; each row's caveats in full in the evidence CSV.")
    return " ".join(p for p in parts if p)


def _timeline_reading() -> str:
    """How to read the two panels: what a bar counts, what a shade is, and when not to read the shade."""
    from helpers.analysis.timeline import FEW_STUDIES

    return (
        "Top: preclinical studies tabulated in Tables 1-2 by the year printed in the review's reference list for "
        "the reference each cites, MSCs solid and MSC-derived exosomes hatched (modality as the review tabulates "
        "it; the exosome mimetics among the hatched are named below), coloured by disease. Bottom: the share of "
        "that year's studies (MSCs and exosomes pooled) whose "
        "printed effects are attributed to each mechanism or pathway family as data/categories.csv defines it, "
        f"printed as count / studies that year. A year with fewer than {FEW_STUDIES} studies is left unshaded "
        "inside a dotted frame: read its count, not a colour."
    )


def _timeline_where(key: tuple[str, int], where: dict) -> str:
    """``Table 1 row 13 ([24], 2018`` (left open for what follows)."""
    table, row = key
    ref, year = where[key]
    return f"{table.replace('table', 'Table ')} row {row} ([{ref}], {year}"


def _timeline_no_arm(studies: pd.DataFrame) -> str:
    """How many studies print no animal arm, by year, with the gap map's words for what that means."""
    from helpers.analysis.gapmap import NO_ANIMAL_ARM_MEANS

    no_arm = studies[studies["setting"] == "in vitro"]
    if no_arm.empty:
        return ""
    by = no_arm.groupby("year").size()
    return (
        f"{len(no_arm)} of the {len(studies)} studies print no animal arm ("
        + ", ".join(f"{int(y)}: {int(k)}" for y, k in by.items())
        + f"), meaning {NO_ANIMAL_ARM_MEANS}."
    )


def _timeline_regulators(studies: pd.DataFrame) -> str:
    """Rows under 'No pathway family' whose Effects cell names a transcription-factor regulator (not drawn).

    Which transcription factors are drawn is data/categories.csv's choice, said as such (fifth reading,
    timeline 5.1): its regulators are not drawn, while NF-κB and Nrf2/HO-1 are pathway families there.
    """
    from helpers.analysis.timeline import NONE_NAMED, factor_split

    if "regulators" not in studies:
        return ""
    part = studies[(studies["pathways"].fillna("") == "") & (studies["regulators"].fillna("") != "")]
    if part.empty:
        return ""
    rows = ", ".join(
        f"{t.replace('table', 'Table ')} row {r} ([{ref}]: {reg})"
        for t, r, ref, reg in zip(part["table"], part["row"], part["ref"], part["regulators"])
    )
    split = factor_split()
    return (
        f"'{NONE_NAMED['pathways']}' counts rows that name no pathway family of that file. The transcription "
        f"factors that file defines as regulators ({'; '.join(split['regulators'])}) are not drawn, even where "
        f"the Effects cell calls them a pathway: {rows}. {' and '.join(split['families'])}, transcription-factor "
        "systems too, are drawn as pathway families, as that file defines them."
    )


def _timeline_questioned(flagged: dict, elsewhere: pd.DataFrame | None, where: dict, mimetic=()) -> str:
    """The rows an audit finding questions, each once with its rules; a possibly clinical row says so in place.

    ``mimetic`` (:func:`helpers.analysis.gapmap.mimetic_rows`) names the hatched rows the Effects cell or
    cited title calls exosome mimetics, said in place too (fifth reading, timeline 5.3).
    """
    clinical = set()
    if elsewhere is not None and len(elsewhere):
        clinical = {(str(t), int(r)) for t, r in zip(elsewhere["table"], elsewhere["row"])}
    mimetics = {(str(t), int(r)) for t, r, _ in mimetic}
    keys = sorted(k for k in set(flagged) | clinical | mimetics if k in where)
    if not keys:
        return ""
    rows = []
    for key in keys:
        rules = ", ".join(_RULE_ID.findall(flagged.get(key, "")))
        extra = [
            "possibly a clinical study, not in Table 3" if key in clinical else "",
            "exosome mimetics by the Effects cell or cited title, hatched as printed" if key in mimetics else "",
        ]
        rows.append(_timeline_where(key, where) + "".join(f"; {x}" for x in (rules, *extra) if x) + ")")
    return (
        "Counted as printed although an audit finding questions them (R1-R4: the cited title names another "
        "disease, MSC source, host or setting, or product; W6: the effects speak of animals, no animal arm "
        "printed): "
        f"{', '.join(rows)}."
    )


def _timeline_other_models(other: dict, where: dict, named: str = "") -> str:
    """The rows whose every printed animal model is one the gap map checks as of another condition.

    A row the caption has already named (``named``, the audit list) is given by table and row only, so
    each reference appears once (fourth reading #3.7); the rule is the checked pairs, not any mismatch (4.4).
    """
    from helpers.analysis.gapmap import other_condition_rule

    keys = [k for k in sorted(other) if k in where]
    if not keys:
        return ""
    rows = ", ".join(
        f"{k[0].replace('table', 'Table ')} row {k[1]} (above)"
        if f"{_timeline_where(k, where)};" in named or f"{_timeline_where(k, where)})" in named
        else f"{_timeline_where(k, where)})"
        for k in keys
    )
    return (
        "Counted as printed although every printed animal model is one the gap map checks as of another "
        f"condition ({other_condition_rule()}; another mismatch shows only as an audit finding above): {rows}."
    )


def _timeline_boundary(boundary: pd.DataFrame | None) -> str:
    """The rows whose printed effects come close to a category the definitions do not let them count under."""
    if boundary is None or boundary.empty:
        return ""
    parts = []
    for (category, reason), part in boundary.groupby(["category", "reason"], sort=False):
        refs = ", ".join(f"[{ref}] ({year})" for ref, year in zip(part["ref"], part["year"]))
        parts.append(f"{category} for {refs}: {reason}")
    return f"Not counted, by the definitions of data/categories.csv: {'; '.join(parts)}."


def _timeline_removals(removals: pd.DataFrame | None) -> str:
    """The tags curation removes, each with the reason its curator gave (the part after the quoted words)."""
    if removals is None or removals.empty:
        return ""
    rows = "; ".join(
        f"{line.category} for {line.table.replace('table', 'Table ')} row {line.row} ([{line.ref}], {line.year}): "
        f"{str(line.evidence).rsplit(': ', 1)[-1]}"
        for line in removals.itertuples(index=False)
    )
    return f"Not counted, by curation (data/curated_tags.csv): {rows}."


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
    return agree(len(refs), "ref ", "refs ") + ", ".join(str(r) for r in refs)


def dosing_note() -> str:
    """The dosing exhibit's note: what each panel draws and how it is encoded."""
    return (
        "Top left: each study's printed dose on a log scale, lowest to highest printed arm, one row per kind of "
        "quantity; kinds are never converted into one another, and a concentration injected without a volume or "
        "added to a dish is not an amount an animal received. Top right: follow-up of treated animals in days, "
        "and apart from it, incubation of cultured cells in hours. Bottom: routes of administration of the studies "
        "with animals (in vitro studies below the line), and the share of the studies each item applies to for "
        "which the review's tables print it (a gap may be the review's summary, not the study). Bottom row: the "
        "systemic doses animals received, per kg of a nominal adult body mass of their host species (an "
        "assumption, data/body_mass.csv or the body_mass_g parameter, not the studies' animals), cells/kg and "
        "µg/kg on separate axes; the doses left out are named above this note. Colour: disease "
        "('Premature aging (weakness)' is the project's label for the printed "
        "'weakness' of a Bmi-1⁻/⁻ premature-ageing model); shape: host; studies at the same value are stacked "
        "one above the other, ×n counts them; a stack within a mark's width of its neighbour is moved below its row "
        f"and labelled with its value (and ×n). {SOURCE_SHORT}, Tables 1-2."
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
    """The follow-up and incubation sentences of :func:`dosing_notice`.

    The lead sentence is over the in vivo only studies: a time printed by a study with an in vitro arm too may
    be the culture's (72 h, 3 days), so it is never called follow-up (third reading 3.8).
    """
    parts = []
    if len(follow):
        days, stated = follow["days"].astype(float), follow["arm_stated"].astype(bool)
        only = days[stated]
        if len(only) > 1:
            text = (
                f"Follow-up of treated animals: {len(only)} in vivo only studies print a time, "
                f"{_between(only.min(), only.max(), 'days')} (median {only.median():g})."
            )
        elif len(only):
            text = f"Follow-up of treated animals: 1 in vivo only study prints a time, {only.iloc[0]:g} days."
        else:
            text = "No in vivo only study prints a follow-up."
        text += _longest_flagged(follow[stated.to_numpy()])
        if (~stated).any():
            more = int((~stated).sum())
            text += (
                f" {plural(more, 'more study', 'more studies')}, which also {agree(more, 'has', 'have')} an in vitro "
                f"arm, {agree(more, 'prints', 'print')} a time whose arm the review does not state (hollow marks)."
            )
        silent = missing["follow-up"]
        animals = plural(missing["animals"], "study", "studies")
        text += f" {silent} of the {animals} with animals {agree(silent, 'prints', 'print')} none."
        # By product over the in vivo only studies: a time whose arm is not stated may be an incubation.
        by = [
            f"{word} {plural(len(part), 'study', 'studies')}, median {part.median():g} days"
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
    why, _ = _flagging(top)
    return (
        f" The longest, {float(top['days']):g} days (ref {int(top['ref'])}, printed '{top['printed']}'), is on a "
        f"row the audit flags ({', '.join(why)} in tables/audit.csv); the next "
        f"longest is {float(ordered['days'].iloc[1]):g} days."
    )


def _flagging(row) -> tuple[list[str], list[str]]:
    """The findings that flag a row (``audit_flagged_by``, when the row has it) and the others listed on it."""
    listed = [x for x in str(getattr(row, "audit_findings", "")).split(";") if x]
    by = getattr(row, "audit_flagged_by", None)
    why = [x for x in str(by).split(";") if x] if by is not None and not pd.isna(by) else listed
    return why, [x for x in listed if x not in why]


def dosing_flagged(*frames: pd.DataFrame, names: dict[str, str] | None = None) -> str:
    """The line under the dosing figure's route key: the drawn rows the audit flags (black edges), and why.

    When the frames carry ``audit_flagged_by`` (:func:`helpers.audit.flags.by_row` with ``reasons=True``),
    only the findings that flag each row are named: an error or warning that questions what the row's codes
    mean. Other rows carry the same checks (A7, R4) without an edge, so listing them would read as reasons
    (third reading 3.2); the row's other findings are counted and left to tables/studies.csv. ``names`` (rule
    id -> short name, :data:`helpers.audit.registry.RULES`) spells out each id used, so that a reader sees why
    ref 58, say, is flagged (W6: in vitro row with animal effects) without opening the audit.
    """
    rows: dict[int, tuple[list[str], list[str]]] = {}
    checked: dict[int, list[str]] = {}
    ringed: set[int] = set()
    reasons = False
    for frame in frames:
        if "outside_range" in frame:
            ringed |= {int(r) for r in frame.loc[frame["outside_range"].fillna(False).astype(bool), "ref"]}
        if "audit_flag" in frame:
            reasons |= "audit_flagged_by" in frame
            for r in frame[frame["audit_flag"].fillna(False).astype(bool)].itertuples():
                rows[int(r.ref)] = _flagging(r)
            for r in frame[~frame["audit_flag"].fillna(False).astype(bool)].itertuples():
                if title := title_checks(str(getattr(r, "audit_findings", "")).split(";")):
                    checked[int(r.ref)] = title
    if not rows:
        return ""
    each = "; ".join(f"ref {ref} {', '.join(why)}" for ref, (why, _) in sorted(rows.items()))
    text = (
        "Black edge: an audit error or warning questions what the row's codes mean (tables/audit.csv). "
        f"The findings that flag each: {each}."
    )
    # Fifth reading 5.2: W4 is the audit's check against data/dose_ranges.csv, the ring's own yardstick, so a row
    # flagged by W4 alone shows one finding twice.
    same = sorted(ref for ref, (why, _) in rows.items() if why and set(why) <= {"W4"} and ref in ringed)
    if same:
        text += (
            f" For ref{'s' if len(same) > 1 else ''} {', '.join(map(str, same))} the edge and the ring are one "
            "finding, not two: W4 is the audit's check against data/dose_ranges.csv, which the ring draws."
        )
    others = sum(len(rest) for _, rest in rows.values())
    if reasons and others:
        text += (
            f" These rows carry {plural(others, 'other finding')} (checks, and spelling or legend findings that "
            "leave the codes alone, which flag no row; a code that no legend explains, A3 or A6, does flag), "
            "listed in tables/studies.csv audit_findings."
        )
    if checked:
        text += (
            " No edge, but a check of the row against its cited title questions what the mark shows: "
            + "; ".join(f"ref {ref} {', '.join(ids)}" for ref, ids in sorted(checked.items()))
            + "."
        )
    used = sorted(
        {i for why, _ in rows.values() for i in why if names and i in names}
        | {i for ids in checked.values() for i in ids if names and i in names}
    )
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
            f"MSC doses: {plural(len(cells), 'study', 'studies')} {agree(len(cells), 'prints', 'print')} a number "
            f"of cells, {_sci_between(cells['dose_low'].min(), cells['dose_high'].max())}; "
            f"{int((cells['dose_low'] == mode).sum())} of the {len(cells)} gave {_sci(mode)} cells."
        )
    mass = doses[doses["dose_kind"] == "mass as printed"]
    if len(mass):
        mimetic = mass[mass["mimetic"].astype(bool)] if "mimetic" in mass else mass.iloc[:0]
        # Exosome mimetics are made from cells, not secreted by them: counted as printed, said apart (3.3).
        also = (
            f" ({len(mimetic)} of them, {_ref_list(mimetic)}, {are(len(mimetic))} exosome "
            "mimetics by the Effects cell or cited title, not secreted exosomes)"
            if len(mimetic)
            else ""
        )
        text = (
            f"Exosome doses as a printed mass: {plural(len(mass), 'study', 'studies')}{also}, "
            f"{_between(mass['dose_low'].min(), mass['dose_high'].max(), 'µg')}."
        )
        far = mass[mass["outside_range"].fillna(False).astype(bool)]
        rest = mass[~mass["outside_range"].fillna(False).astype(bool)]
        if len(far) and len(rest):
            text += (
                f" Of these, {len(far)} ({_ref_list(far)}) {agree(len(far), 'lies', 'lie')} outside "
                f"data/dose_ranges.csv's range, kept as printed; the other {len(rest)} "
                f"{agree(len(rest), 'gave', 'span')} "
                f"{_between(rest['dose_low'].min(), rest['dose_high'].max(), 'µg')}."
            )
        parts.append(text)
    return parts


def _amounts(doses: pd.DataFrame) -> str:
    """What a set of printed amounts is: "39 doses to animals, 3 concentrations in a dish" (third reading 3.7).

    Only the kinds of :data:`helpers.analysis.dosing.AMOUNT_KINDS` are amounts an animal received; the others are
    named by what they are.
    """
    from helpers.analysis.dosing import AMOUNT_KINDS

    parts = []
    given = int(doses["dose_kind"].isin(AMOUNT_KINDS).sum())
    if given:
        parts.append(plural(given, "dose to animals", "doses to animals"))
    for kind, one, many, _ in _APART:
        if n := int((doses["dose_kind"] == kind).sum()):
            parts.append(plural(n, one, many))
    named = {*AMOUNT_KINDS, *(kind for kind, *_ in _APART)}
    for kind, n in doses.loc[~doses["dose_kind"].isin(named), "dose_kind"].value_counts(sort=False).items():
        parts.append(f"{n} {kind}")  # any other kind by its own name, so that the parts add up
    return ", ".join(parts)


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
        # Out of the amounts that have a range to be checked against (second reading 2.11), said for what they are.
        parts.append(
            f"{len(outside)} of the {len(ranged)} printed amounts drawn with a range in data/dose_ranges.csv "
            f"({_amounts(ranged)}; the audit's W4 yardstick, by product and host) lie outside it and are "
            f"ringed: {each}."
        )
    if len(unranged):
        parts.append(
            f"{len(unranged)} {are(len(unranged))} of a kind with no documented range, so "
            f"not checked: {_ref_list(unranged)}."
        )
    odd = []
    for kind, _, _, words in _APART:
        part = doses[doses["dose_kind"] == kind]
        if len(part):
            odd.append(f"{len(part)} {are(len(part))} {words}: {_ref_list(part)}")
    if odd:
        parts.append("Kept apart: " + "; ".join(odd) + ".")
    parts.append(
        f"The {plural(len(doses), 'readable printed amount')} {agree(len(doses), 'is of', 'come in')} "
        f"{plural(doses['dose_kind'].nunique(), 'kind')} ({_amounts(doses)}); {missing['dose']} of the "
        f"{plural(len(doses) + missing['dose'], 'study', 'studies')} {agree(missing['dose'], 'prints', 'print')} "
        "no readable amount."
    )
    return parts


#: Dose kinds the notice names one by one: singular and plural name, and what they are.
_APART = (
    (
        "cells, printed for exosomes",
        "cell number for an exosome product",
        "cell numbers for exosome products",
        "an exosome study printing its dose as cells (not an MSC dose; the exosome amount is not reported in the "
        "review)",
    ),
    (
        "injected concentration",
        "injected concentration",
        "injected concentrations",
        "a concentration injected without a volume (the amount received is not reported in the review)",
    ),
    (
        "in vitro concentration",
        "concentration in a dish",
        "concentrations in a dish",
        "a concentration in a culture dish (not a dose to an animal)",
    ),
)


def dosing_notice(
    doses: pd.DataFrame,
    follow: pd.DataFrame,
    hours: pd.DataFrame,
    missing: dict[str, int],
    body_mass_g: dict | None = None,
) -> str:
    """What a reader should see in the dosing exhibit: every number says what it counts and out of how many.

    ``body_mass_g`` is the notebook's override of the nominal masses (empty: data/body_mass.csv), named in the
    per-kg sentence so that the assumption travels with the numbers.
    """
    if doses.empty and follow.empty and hours.empty:
        return "No study in this selection reports a dose, a follow-up or an incubation time."
    return " ".join(
        [
            *_notice_times(follow, hours, missing),
            *_notice_lifespan(follow),
            *_notice_amounts(doses),
            *_notice_per_kg(doses, body_mass_g),
            *_notice_apart(doses, missing),
        ]
    )


def _sci2(x: float) -> str:
    """A nominal number to two significant digits: 3.1×10⁸, 430, 15."""
    if abs(x) < 1000:
        return f"{float(f'{x:.2g}'):g}"
    mantissa, exponent = f"{x:.1e}".split("e")
    return f"{float(mantissa):g}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"


def _printed_per_kg(doses: pd.DataFrame) -> pd.Series:
    """Whether each dose is printed per kg by its study, rather than divided by an assumed mass here."""
    return doses["dose_per_kg_basis"].astype("string").str.startswith("printed per kg").fillna(False).astype(bool)


def _notice_per_kg(doses: pd.DataFrame, body_mass_g: dict | None) -> list[str]:
    """Doses per kg of a nominal body mass, kind by kind, with the assumption named (issue 18 item 5).

    Ranges hold systemic doses (IV, IP) only, without the rows the audit flags, and keep the doses the studies
    printed per kg apart from those we divide by an assumed mass (sixth reading 6.1, 6.2, 6.9); the local and
    flagged ones are counted and named, and the mass's direction of bias is said (6.3, 6.4).
    """
    from helpers.data.bodymass import masses

    if "dose_per_kg_unit" not in doses or doses["dose_per_kg_unit"].isna().all():
        return []
    given = doses[doses["setting"] != "in vitro"]
    per = given[given["dose_per_kg_unit"].notna()]
    grams = masses(body_mass_g)
    order = {"mouse": 0, "rat": 1, "rabbit": 2}
    hosts = sorted(set(per["host_species"]) & set(grams), key=lambda h: (order.get(h, 3), h))
    groups = [
        (where, [h for h in hosts if (h in (body_mass_g or {})) == by_parameter])
        for where, by_parameter in (("the parameter body_mass_g", True), ("data/body_mass.csv", False))
    ]
    named = ", ".join(
        f"{', '.join(f'{h} {grams[h]:g} g' for h in some)} from {where}" for where, some in groups if some
    )
    systemic = per["per_kg_systemic"].fillna(False).astype(bool) if "per_kg_systemic" in per else per["ref"] > 0
    flagged = per["audit_flag"].fillna(False).astype(bool) if "audit_flag" in per else per["ref"] < 0
    kept, local, odd = per[systemic & ~flagged], per[~systemic], per[systemic & flagged]
    spans = []
    for unit, part in kept.groupby("dose_per_kg_unit", sort=True):
        printed = _printed_per_kg(part)
        for some, how in ((part[~printed], "by the assumed mass"), (part[printed], "printed per kg by the study")):
            if len(some):
                spans.append(_span(some, unit, how))
    n_printed = int(_printed_per_kg(per).sum())
    out = [
        f"Per kg of body mass: {len(per)} of the {len(given)} amounts given to or injected into animals "
        f"{agree(len(per), 'has', 'have')} a per-kg value in the table below ({len(per) - n_printed} computed "
        f"from the assumed mass, {named}, a sex-pooled adult outbred mass, an assumption, not the studies' "
        f"animals, whose mass the review does not report; {n_printed} printed per kg by the study). Of them, "
        f"{plural(len(kept), 'systemic dose')} (IV or IP) not flagged by the audit {are(len(kept))} drawn and "
        f"{agree(len(kept), 'spans', 'span')} {'; '.join(spans) if spans else 'nothing'}; µg is mass as printed, "
        "protein not stated."
    ]
    if len(odd):
        each = ", ".join(
            f"ref {int(r.ref)} {_sci2(r.dose_per_kg_high)} {r.dose_per_kg_unit} ({_why_flagged(r)})"
            for r in odd.sort_values("ref").itertuples()
        )
        out.append(
            f"Left out of these ranges because the audit flags the row: {each}; kept as printed."
            + _flagged_among(per, local)
        )
    if len(local):
        out.append(
            f"{len(local)} {are(len(local))} given locally ({_local_words(local)}) and left "
            f"out of the ranges, because per kg of whole body says little about a dose at one site: {_ref_list(local)}."
        )
    out.append(
        _mass_bias(per) + _mass_ranges(kept, body_mass_g) + _not_restated(given[given["dose_per_kg_unit"].isna()])
    )
    return out


def _span(part: pd.DataFrame, unit: str, how: str) -> str:
    """``1.5×10⁶ (ref 34, rabbit, IV) to 3.1×10⁸ cells/kg (ref 10, mouse, IP; the other 12 span …) (14 studies, …)``.

    The studies at each end are named with host and route, since the ends of a per-kg range rest on its least secure
    masses (seventh reading 7.2); the rest's span follows when both ends are one study each. Exosome mimetics among
    them are named (7.4).
    """
    low, high = part["dose_per_kg_low"].min(), part["dose_per_kg_high"].max()
    n = len(part)
    count = f"{plural(n, 'study', 'studies')}, {how}"
    mimetic = part[part["mimetic"].fillna(False).astype(bool)] if "mimetic" in part else part.iloc[:0]
    if len(mimetic):
        count += f"; {len(mimetic)} of them, {_ref_list(mimetic)}, exosome mimetics, not secreted exosomes"
    if _sci2(low) == _sci2(high):
        return f"{_sci2(low)} {unit} ({count})"
    ends = [part[part["dose_per_kg_low"] == low], part[part["dose_per_kg_high"] == high]]
    if n < 4 or any(len(e) != 1 for e in ends):
        return f"{_sci2(low)} to {_sci2(high)} {unit} ({count})"
    first, last = (e.iloc[0] for e in ends)
    rest = part.drop(index=[first.name, last.name])
    return (
        f"{_sci2(low)} (ref {int(first.ref)}, {first.host_species}, {first.route}) to {_sci2(high)} {unit} "
        f"(ref {int(last.ref)}, {last.host_species}, {last.route}; the other {len(rest)} span "
        f"{_sci2(rest['dose_per_kg_low'].min())} to {_sci2(rest['dose_per_kg_high'].max())}) ({count})"
    )


def _flagged_among(per: pd.DataFrame, local: pd.DataFrame) -> str:
    """`` Of the 39, 5 are on rows the audit flags: these 2, and refs 19, 24, 37 counted as local …`` (7.6)."""
    flagged = local[local["audit_flag"].fillna(False).astype(bool)] if "audit_flag" in local else local.iloc[:0]
    if flagged.empty:
        return ""
    every = per[per["audit_flag"].fillna(False).astype(bool)]
    return (
        f" In all, {len(every)} of the {len(per)} per-kg values {are(len(every))} on rows the audit flags: these and "
        f"{_ref_list(flagged)}, counted as local (the first reason that applies)."
    )


def _local_words(local: pd.DataFrame) -> str:
    """Where the local doses went, one wording for the figure's key and the notebook (seventh reading 7.7, 7.8, 7.16).

    SC is said as under the skin of a skin model, the site inferred; a route printed NA or MI is named with what makes
    the dose local, its scaffold or hydrogel, not the code.
    """
    routes = local["route"].astype("string").fillna("")
    carrier = local["carrier"].fillna(False).astype(bool) if "carrier" in local else routes == "\0"
    odd = local[routes.isin(["NA (printed)", "MI"]) & carrier]
    named = " and ".join(
        f"ref {int(r.ref)} ({str(r.route).split(' ')[0]})" for r in odd.sort_values("ref").itertuples()
    )
    return (
        "into an ovary, the brain or the nose; under the skin of a skin model, the injection site not reported in the "
        "review and taken as local; into a bone or an implant site; or in a scaffold or hydrogel"
        + (f", which, not the printed route code, makes {named} local" if named else "")
    )


def _mass_bias(per: pd.DataFrame) -> str:
    """The nominal mass can be off either way (seventh reading 7.1): who is lighter, who heavier, with the refs."""
    short = _short_lived(per)
    return (
        "The nominal mass can be off in either direction: female (ovarian-model), young, inbred or mutant hosts"
        + (f" ({short}; growth-retarded or short-lived)" if short else "")
        + " are lighter than the sex-pooled outbred adult, so their per-kg doses are underestimated; high-fat-diet "
        "or older male hosts can be heavier, so theirs are overestimated. The review reports neither the animals' "
        "mass, sex nor age."
    )


def _mass_ranges(kept: pd.DataFrame, body_mass_g: dict | None = None) -> str:
    """`` By the sources' own adult ranges (mouse 30-35 g, rabbit 3-5 kg), a drawn value could be …`` (7.13).

    The ranges are read from data/body_mass.csv's printed source words; the rabbit's breed is an assumption said
    with it. Each factor is the mass the drawn values were computed with (``body_mass_g`` where it names the host,
    else the file's) over an end of the range, so that an override is scaled as it was used.
    """
    import re

    from helpers.data import curated
    from helpers.data.bodymass import masses

    frame = curated.load("body_mass")
    used = masses(body_mass_g)
    hosts = set(kept["host_species"].dropna().astype(str)) if len(kept) else set()
    parts = []
    for species, grams, words in zip(frame["species"], frame["body_mass_g"], frame["source_value"]):
        found = re.search(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\s*(k?g)", str(words), flags=re.IGNORECASE)
        if species not in hosts or not found or not grams:
            continue
        grams = used.get(species, grams)
        scale = 1000.0 if found.group(3).lower() == "kg" else 1.0
        low, high = float(found.group(1)) * scale, float(found.group(2)) * scale
        refs = _ref_list(kept[kept["host_species"] == species]) if species == "rabbit" else ""
        parts.append(
            f"{species} {found.group(1)}-{found.group(2)} {found.group(3).lower()}"
            + (f" ({refs}, breed assumed: New Zealand White)" if refs else "")
            + f": {float(grams) / high:.2g} to {float(grams) / low:.2g} times the drawn value"
        )
    if not parts:
        return ""
    return (
        f" Within the adult ranges the sources print (data/body_mass.csv): {'; '.join(parts)}; lighter young or "
        "mutant animals lie outside them."
    )


def _not_restated(rest: pd.DataFrame) -> str:
    """`` The other 3 amounts are not restated: injected concentrations, cells printed for exosomes (refs …).``

    Only the reasons that apply are named (a host without a sourced mass only when there is one).
    """
    if rest.empty:
        return ""
    from helpers.analysis.dosing import AMOUNT_KINDS

    kinds = rest["dose_kind"].astype(str)
    why = [
        words
        for words, present in (
            ("injected concentrations", (kinds == "injected concentration").any()),
            ("cells printed for exosomes", (kinds == "cells, printed for exosomes").any()),
            ("a host without a sourced mass", kinds.isin(AMOUNT_KINDS).any()),
        )
        if present
    ]
    said = ", ".join(why[:-1]) + (" and " if len(why) > 1 else "") + why[-1] if why else "other kinds"
    n = len(rest)
    return f" The other {n} {agree(n, 'amount is', 'amounts are')} not restated: {said} ({_ref_list(rest)})."


def _masses_named(hosts: list[str], body_mass_g: dict | None) -> str:
    """``mouse 32.5 g, rat 350 g (data/body_mass.csv)``, an overridden mass named as the parameter's."""
    from helpers.data.bodymass import masses

    grams, override = masses(body_mass_g), set(body_mass_g or {})
    parts = []
    for where, by_parameter in (("parameter body_mass_g", True), ("data/body_mass.csv", False)):
        some = [h for h in hosts if h in grams and (h in override) == by_parameter]
        if some:
            parts.append(", ".join(f"{h} {grams[h]:g} g" for h in some) + f" ({where})")
    return "; ".join(parts)


def dosing_per_kg_title(drawn: pd.DataFrame, body_mass_g: dict | None = None) -> str:
    """The per-kg panels' title: how many doses are drawn, which, and the assumed mass they are divided by."""
    order = {"mouse": 0, "rat": 1, "rabbit": 2}
    hosts = sorted(set(drawn["host_species"].dropna().astype(str)), key=lambda h: (order.get(h, 3), h))
    n = len(drawn)
    # flagged: keep does not consult the audit, so the title must not claim that flagged rows are left out.
    rows = "on rows the audit does not flag" if "audit_flag" in drawn else "(audit flags not consulted)"
    if not n:
        return f"Doses per kg of body mass: no systemic (IV or IP) dose {rows} in this selection"
    return (
        f"Doses per kg of body mass: {n} systemic (IV or IP) {agree(n, 'dose', 'doses')} {rows}; "
        f"printed dose ÷ nominal adult mass, {_masses_named(hosts, body_mass_g)}: "
        "an assumption, not the studies' animals; doses printed per kg kept as printed"
    )


def dosing_per_kg_key(
    drawn: pd.DataFrame, left: pd.DataFrame, names: dict[str, str] | None = None, body_mass_g: dict | None = None
) -> str:
    """The line under the dosing figure naming what the per-kg panels leave out, and why (issue 18 item 5).

    ``body_mass_g`` is the notebook's override of the nominal masses, which the adult-range factors scale.
    """
    total = len(drawn) + len(left)
    if not total:
        return ""
    why = left["per_kg_left"] if len(left) else pd.Series([], dtype="string")
    parts = []
    local = left[why == "local"]
    if len(local):
        parts.append(
            f"{len(local)} given locally ({_local_words(local)}; {_ref_list(local)}): per kg of whole body says "
            "little about a dose at one site"
        )
    odd = left[why == "flagged"]
    if len(odd):
        each = ", ".join(
            f"ref {int(r.ref)} {_sci2(r.dose_per_kg_high)} {r.dose_per_kg_unit} ({_why_flagged(r)})"
            for r in odd.sort_values("ref").itertuples()
        )
        parts.append(f"{len(odd)} more, systemic but on rows the audit flags ({each}; kept as printed)")
    amounts = left[why == "not an amount"]
    if len(amounts):
        parts.append(
            f"{len(amounts)} not an amount per animal (an injected concentration without a volume, or cells printed "
            f"for an exosome product; {_ref_list(amounts)})"
        )
    no_mass = left[why == "no mass"]
    if len(no_mass):
        parts.append(f"{len(no_mass)} with no sourced body mass for the host ({_ref_list(no_mass)})")
    both = pd.concat([drawn, left]) if len(left) else drawn
    flagged = both[both["audit_flag"].fillna(False).astype(bool)] if "audit_flag" in both else both.iloc[:0]
    among = (
        f" Of the {total}, {len(flagged)} {are(len(flagged))} on rows the audit flags ({_ref_list(flagged)}); "
        "each amount is named once, under the first reason that applies (not an amount, local, flagged)."
        if len(flagged) > len(odd)
        else ""
    )
    kept = drawn[drawn["route"].astype("string").isin(["IV", "IP"])] if "route" in drawn else drawn
    return (
        f"Per kg (bottom panels): {len(drawn)} of the {total} amounts given to or injected into animals "
        f"{are(len(drawn))} drawn, "
        "each on the row of its route (systemic here: IV or IP, not into a target organ nor in a scaffold or "
        "hydrogel; IP cells may largely stay in the peritoneal cavity, so IP and IV cells per kg are not like for "
        "like)"
        + (f"; not drawn: {'; '.join(parts)}" if parts else "")
        + "."
        + among
        + " "
        + _mass_bias(drawn)
        + _mass_ranges(kept, body_mass_g)
        + " The dosing schedule is not reported in the review: each value is per administration."
    )


def _why_flagged(row) -> str:
    """The audit findings that flag a row, as ``tables/audit.csv`` names them (``W4``; ``A3, R3``)."""
    ids = str(getattr(row, "audit_flagged_by", "") or getattr(row, "audit_findings", "") or "")
    return ", ".join(i for i in ids.split(";") if i) or "audit"


def _notice_lifespan(follow: pd.DataFrame) -> list[str]:
    """In vivo follow-up as a share of the host's lifespan (issue 18 item 6; sixth reading 6.10, 6.11)."""
    if "lifespan_share" not in follow:
        return []
    has = follow[follow["lifespan_share"].notna()]
    stated = int(follow["arm_stated"].fillna(False).astype(bool).sum())
    if has.empty:
        return []
    flagged = has["audit_flag"].fillna(False).astype(bool) if "audit_flag" in has else has["ref"] < 0
    shares = has.loc[~flagged, "lifespan_share"].astype(float)
    apart = ", ".join(
        f"ref {int(r.ref)} {float(r.lifespan_share):.1%} ({_why_flagged(r)})"
        for r in has[flagged].sort_values("ref").itertuples()
    )
    if len(shares) > 1:
        span = f"span {shares.min():.1%} to {shares.max():.1%}, median {shares.median():.1%}"
    elif len(shares):
        span = f"is {shares.iloc[0]:.1%}"
    else:
        span = "give no value"
    return [
        f"As a share of the host's maximum recorded lifespan (data/lifespan.csv: AnAge's record in captivity, not "
        f"a typical life, so each share is a lower bound), the follow-up of {len(has)} of the {stated} in vivo "
        f"studies with a printed follow-up is computed; the {len(shares)} on rows the audit does not flag {span}"
        + (f" (flagged and left out: {apart})" if apart else "")
        + (
            f"; the other {stated - len(has)} {agree(stated - len(has), 'has', 'have')} a host without a "
            "sourced lifespan."
            if stated > len(has)
            else "."
        )
        + (
            f" Short-lived models ({short}) are set against the same wild-type record, not corrected, so their "
            "share of their own life is larger still."
            if (short := _short_lived(has))
            else ""
        )
        + " The age at treatment is not reported in the review."
    ]


#: Hosts the print names that are short-lived or growth-retarded models (sixth reading 6.4, 6.11): ref -> host.
SHORT_LIVED = {10: "Bmi-1-/- mice", 28: "SAMP8 mice"}


def _short_lived(frame: pd.DataFrame) -> str:
    """``Bmi-1-/- mice, ref 10; SAMP8 mice, ref 28`` for the short-lived hosts among ``frame``'s refs."""
    refs = {int(r) for r in frame["ref"]}
    return "; ".join(f"{host}, ref {ref}" for ref, host in SHORT_LIVED.items() if ref in refs)


def design_note(studies: pd.DataFrame | None = None) -> str:
    """The design exhibit's note: what the dots count, where the classes come from, where they are defined.

    With ``studies`` (the coded studies drawn, with the audit's columns when
    the notebook attached them) the note also says which codes the review's
    body text decided or questions, what the two marks mean, and names a
    disease column whose label is ours, not the print's.
    """
    text = (
        "Dot area (proportional) and number: studies in each class, by disease, for MSCs (blue, Table 1) and "
        "MSC-derived exosomes (orange, Table 2); a study with two models or modifications counts under each. "
        "Derived by tested code from the printed Animal model, Source, Precondition (Table 1) and Effects cells"
    )
    text += _design_text_rule(studies) if studies is not None else ". "
    text += (
        "A same-species relation is named only where a cell or the cited title names it. "
        "Xenogeneic: the MSCs, or the cells that made the exosomes, came from another species than the host. "
    )
    if studies is not None and "audit_flag" in studies:
        text += _design_marks(studies)
    if studies is not None:
        text += _design_disease_labels(studies)
    return text + f"Classes are defined under the figure. {SOURCE_SHORT}, Tables 1-2."


def _design_text_rule(studies: pd.DataFrame) -> str:
    """Where the review's body text decided a code (a silent row) and where it contradicts a cell (code kept)."""
    from helpers.data.design import names_host, text_statements

    added, against = text_statements(studies, "adds"), text_statements(studies, "contradicts")
    text = ""
    if len(added):
        text += (
            f", and where the row is silent from the review's body text (data/text_statements.csv): {_by_ref(added)}"
        )
    text += ". "
    # A reference is in the first group when any of its statements names animals or patients (ref 24: "patients").
    named = {int(r) for r, w in zip(against["ref"], against["words"]) if names_host(w)}
    host, tissue = against[against["ref"].isin(named)], against[~against["ref"].isin(named)]
    if len(host):
        text += f"Where the body text contradicts a printed cell the code stays as printed: {_by_ref(host)}. "
    if len(tissue):
        # Fifth reading, design 5.1: "photodamaged skin" names no host, so the text does not contradict the cell.
        text += (
            "Where the body text speaks of a treated tissue without naming the host, the code stays as printed "
            f"too and the host is not reported in the review: {_by_ref(tissue)}. "
        )
    titled = _titled_in_vitro(studies)
    titled = titled[~titled["ref"].isin(set(against["ref"]))]
    if len(titled):
        # The audit's W6: the row's own Effects cell speaks of animals too, not only its title (4th reading 4.1).
        w6 = set(
            studies.loc[
                studies.get("audit_findings", pd.Series("", index=studies.index))
                .astype("string")
                .fillna("")
                .str.contains(r"\bW6\b"),
                "ref",
            ].astype(int)
        )
        own = titled["ref"].astype(int).isin(w6)
        shown = "; ".join(
            f"ref {r} ({'its Effects cell (W6) and its title: ' if o else 'its title: '}{w})"
            for r, w, o in zip(titled["ref"], titled["words"], own)
        )
        who = "the Effects cell or the cited title" if own.any() else "only the cited title"
        text += f"Where {who} speaks of animal work, the row stays in vitro as printed: {shown}. "
    return text


def _titled_in_vitro(studies: pd.DataFrame) -> pd.DataFrame:
    """``ref, words``: the in vitro only rows whose cited title speaks of animal work (helpers.data.design)."""
    from helpers.data import curated
    from helpers.data.design import title_animal_words

    titles = curated.load("references").set_index("ref")["title"].astype(str)
    no_arm = studies[studies["setting"].astype("string").fillna("") == "in vitro"]
    found = [(int(r), title_animal_words(titles.get(int(r), ""))) for r in no_arm["ref"]]
    return pd.DataFrame([f for f in found if f[1]], columns=["ref", "words"]).sort_values("ref", ignore_index=True)


def _by_ref(said: pd.DataFrame) -> str:
    """``refs 24 (setting, host) and 74 (setting)``: each ref once, with what the text bears on."""
    topics = said.groupby("ref", sort=True)["bears_on"].agg(lambda b: ", ".join(dict.fromkeys(b)))
    items = [f"{ref} ({topic})" for ref, topic in topics.items()]
    listed = series(items)
    return f"ref{'s' if len(items) > 1 else ''} {listed}"


def _design_marks(studies: pd.DataFrame) -> str:
    """What the dagger and the double dagger after a number mean."""
    from helpers.analysis.crossing import CHECK_MARK, FLAG_MARK
    from helpers.data.design import DESIGN_CHECK_RULES

    text = ""
    # No dagger is drawn when no study shown is flagged (flagged: drop or keep, or such a selection).
    if studies["audit_flag"].fillna(False).astype(bool).any():
        text = (
            f"{FLAG_MARK} after a number: the audit flags at least one study behind it (an error or warning on "
            f"what its row means){_design_flags_elsewhere(studies)}. "
        )
    if "audit_check" in studies:
        text += (
            f"{CHECK_MARK}: none is flagged, but an audit check on a code drawn here ({_rule_span(DESIGN_CHECK_RULES)}"
            "), the body text, or (for a row printed "
            "in vitro only) the cited title's words of animal work question at least one. "
        )
    return text + (
        "figures/design.data.csv says how many and which, design.evidence.csv each study's findings, "
        "tables/audit.csv why. "
    )


def _rule_span(rules: tuple[str, ...]) -> str:
    """``R1, R3-R5, W1, W6, W7``: rule ids with runs of consecutive numbers of one letter joined by a hyphen."""
    parts: list[list[str]] = []
    for rule in rules:
        last = parts[-1][-1] if parts else ""
        if last and last[0] == rule[0] and int(rule[1:]) == int(last[1:]) + 1:
            parts[-1].append(rule)
        else:
            parts.append([rule])
    return ", ".join(", ".join(p) if len(p) < 3 else f"{p[0]}-{p[-1]}" for p in parts)


def _design_flags_elsewhere(studies: pd.DataFrame) -> str:
    """The flagged studies whose findings all bear on a code not drawn here (a route, a dose), said by rule.

    Their dagger is the dataset's ``audit_flag``, not doubt about the model, host or product (4th reading 4.3).
    """
    from helpers.data.design import DESIGN_CHECK_RULES

    if "audit_flag" not in studies or "audit_findings" not in studies:
        return ""
    flagged = studies[studies["audit_flag"].fillna(False).astype(bool)]
    parts = []
    for ref, found in sorted(zip(flagged["ref"].astype(int), flagged["audit_findings"].astype("string").fillna(""))):
        ids = [i for i in str(found).split(";") if i]
        if ids and not set(ids) & set(DESIGN_CHECK_RULES):
            parts.append(f"ref {ref} ({', '.join(ids)})")
    if not parts:
        return ""
    return (
        "; for "
        + ", ".join(parts)
        + " the finding is on a code not drawn here, so "
        + agree(len(parts), "its", "their")
        + " dagger says nothing of the model, host or product"
    )


def _design_disease_labels(studies: pd.DataFrame) -> str:
    """Say where a disease column's name is ours: a label that adds words around the printed Disease cell.

    A label such as "Premature aging (weakness)" keeps the printed cell in
    parentheses; the note quotes the printed cell and the model it names.
    """
    from helpers.analysis.gapmap import disease_label
    from helpers.core.vocab import TABLE_OF_RESOURCE
    from helpers.data import curated
    from helpers.data.design import printed_evidence

    printed = {}
    for resource, table in TABLE_OF_RESOURCE.items():
        if resource in ("msc_studies", "exosome_studies"):
            frame = curated.load(resource)
            printed.update({(table, int(row)): str(cell) for row, cell in zip(frame["row"], frame["disease"])})
    parts = []
    for code, part in studies.groupby("disease_code", sort=True):
        label = disease_label(str(code))
        inner = re.search(r"\(([^()]+)\)$", label)
        cells = {printed.get((t, int(r)), "") for t, r in zip(part["table"], part["row"])}
        if not inner or cells != {inner.group(1)}:
            continue
        refs = ", ".join(str(r) for r in sorted(set(part["ref"])))
        models = "; ".join(sorted(set(printed_evidence(part)["animal_model"].astype(str))))
        parts.append(
            f"'{label}': the column's name is ours; the printed Disease cell reads '{inner.group(1)}' "
            f"(ref{'s' if len(set(part['ref'])) > 1 else ''} {refs}, animal model '{models}'). "
        )
    return "".join(parts)


def _count_of(codes: pd.Series, value: str) -> int:
    """Studies whose '+'-joined codes include ``value``."""
    return int(codes.astype("string").fillna("").str.split("+").map(lambda row: value in row).sum())


def _flagged_refs(part: pd.DataFrame) -> list[int]:
    """Reference numbers of the studies the audit flags (none before the notebook attached its columns)."""
    if "audit_flag" not in part:
        return []
    return sorted(int(r) for r in part.loc[part["audit_flag"].fillna(False).astype(bool), "ref"])


def _flag_clause(part: pd.DataFrame, whole: str) -> str:
    """'; the audit flags 1 of the 4: ref 24', or '' when it flags none."""
    refs = _flagged_refs(part)
    if not refs:
        return ""
    listed = ", ".join(map(str, refs))
    return f"; the audit flags {len(refs)} of {whole}: ref{'s' if len(refs) > 1 else ''} {listed}"


def _design_models(in_vivo: pd.DataFrame) -> str:
    """The most common model class, what it mostly models, and the models of ageing itself, out of the studies
    with a treated animal (second blind reading, design 2.4, 2.7)."""
    from helpers.core.vocab import DISEASE_CODES
    from helpers.data.design import ageing_models

    animals = len(in_vivo)
    codes = in_vivo["model_class"].astype("string").fillna("not reported").str.split("+")
    top = codes.explode().value_counts().sort_index().sort_values(ascending=False, kind="stable")
    in_top = in_vivo[codes.map(lambda c: top.index[0] in c)]
    by_disease = in_top["disease_code"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    text = f"The most common model class is {top.index[0]} ({top.iloc[0]} of {animals})"
    if len(by_disease) > 1:
        code = by_disease.index[0]
        text += (
            f"; {by_disease.iloc[0]} of these {len(in_top)} "
            + agree(
                int(by_disease.iloc[0]),
                f"is a model of {DISEASE_CODES.get(code, code)} ({code})",
                f"are {DISEASE_CODES.get(code, code)} ({code}) models",
            )
            + f", the other {len(in_top) - by_disease.iloc[0]} "
            f"{agree(len(in_top) - int(by_disease.iloc[0]), 'spreads', 'spread')} over "
            f"{plural(len(by_disease) - 1, 'disease')}"
        )
    aged = in_vivo[codes.map(lambda c: "natural ageing" in c)]
    text += f". {len(aged)} of {animals} {agree(len(aged), 'uses', 'use')} naturally aged animals"
    if len(aged):
        alone = int((aged["model_class"] == "natural ageing").sum())
        diseases = ", ".join(sorted(set(aged["disease_code"].dropna())))
        modalities = " and ".join(sorted(set(aged["modality"])))
        text += (
            f" (disease: {diseases}; product: {modalities}; {alone} with no other model, "
            f"{len(aged) - alone} beside an induced one{_flag_clause(aged, f'the {len(aged)}')})"
            + _design_other_condition(aged)
        )
    ageing = ageing_models(in_vivo)
    models = ageing.dropna()
    if len(models):
        kinds = models.value_counts().sort_index().sort_values(ascending=False, kind="stable")
        text += (
            f". {len(models)} of {animals} {agree(len(models), 'uses', 'use')} a model of ageing itself ("
            + ", ".join(f"{kind} {k}" for kind, k in kinds.items())
            + ")"
            + _flag_clause(in_vivo[ageing.notna()], f"these {len(models)}")
            + f"; the other {animals - len(models)} {agree(animals - len(models), 'models', 'model')} a condition "
            "the review files under an age-related "
            "disease, and the review reports the age of none of the animals"
        )
    return text + "."


def _design_other_condition(rows: pd.DataFrame) -> str:
    """Where a row's only model is of another condition than its disease, what it studies instead (4th reading 4.4)."""
    from helpers.analysis.gapmap import OTHER_CONDITION_MODELS, other_model_rows

    other = other_model_rows(rows)
    refs = rows.set_index(["table", "row"])["ref"]
    parts: dict[str, list[int]] = {}
    for key, why in other.items():
        what = next(v for v in OTHER_CONDITION_MODELS.values() if v in why)
        parts.setdefault(what, []).append(int(refs.loc[key]))
    return "".join(
        f"; for {_ref_list(pd.DataFrame({'ref': r}))} it is the only printed model: {what}, as the gap map labels them"
        for what, r in parts.items()
    )


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
        "of these"
        + (f" ({named})" if named else "")
        + f"; the other {same - sum(stated.values())} {are(same - sum(stated.values()))} same "
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
        f"{n - animals} of the {n} studies shown (tabulated in the review) print no animal arm (in vitro only as "
        f"the row prints it{_design_animal_words(studies)}), so animal models and hosts are counted among the other "
        f"{plural(animals, 'study', 'studies')}."
    ]
    if animals:
        parts += [_design_models(in_vivo), _design_relations(in_vivo)]
    modified = int((studies["product"] == "modified").sum())
    changed = int(
        studies["modification"]
        .astype("string")
        .fillna("")
        .str.split("+")
        .map(lambda m: bool({"primed", "engineered", "selected"} & set(m)))
        .sum()
    )
    added, what = modified - changed, _design_added(studies)
    parts.append(
        f"{modified} of the {n} studies {agree(modified, 'uses', 'use')} a primed, engineered or selected product, "
        f"or {agree(modified, 'delivers', 'deliver')} it with a biomaterial or a co-treatment ({changed} "
        f"{agree(changed, 'changes', 'change')} the product itself; {added} {agree(added, 'adds', 'add')} "
        f"something to it{': ' + what if what else ''}); {n - modified} {agree(n - modified, 'uses', 'use')} it as "
        f"obtained.{_design_active_carriers(studies)}"
    )
    return " ".join(parts)


def _design_added(studies: pd.DataFrame) -> str:
    """``5 a carrier or biomaterial, 2 a co-given agent``: the modified products that are not changed themselves.

    A co-treatment adds a second active agent, not a way of giving the product (fifth reading, design 5.2).
    """
    codes = studies["modification"].astype("string").fillna("").str.split("+").map(set)
    unchanged = codes.map(lambda m: not ({"primed", "engineered", "selected"} & m))
    carrier = int((unchanged & codes.map(lambda m: "biomaterial" in m)).sum())
    agent = int((unchanged & codes.map(lambda m: "co-treatment" in m)).sum())
    parts = [f"{carrier} a carrier or biomaterial" if carrier else "", f"{agent} a co-given agent" if agent else ""]
    return ", ".join(p for p in parts if p)


def _design_animal_words(studies: pd.DataFrame) -> str:
    """'; for 2 of them the Effects cell or the cited title speaks of animals: refs 58, 74; for ref 82 ...'.

    A row with no animal arm whose Effects cell the audit finds speaking of animals (W6), whose animals or
    patients the review's body text names (data/text_statements.csv), or whose cited title speaks of animal work
    (helpers.data.design.title_animal_words), third blind reading, design 3.5. Body text or title words that
    name a treated tissue or a route into a host but no host (ref 82: 'photodamaged skin', 'Topical') are said
    apart (fifth reading, design 5.1); '' when none.
    """
    from helpers.data.design import names_host, text_statements

    no_arm = studies[studies["setting"].astype("string").fillna("") == "in vitro"]
    said = text_statements(no_arm, "contradicts")
    w6 = (
        no_arm["audit_findings"].astype("string").fillna("").str.contains(r"\bW6\b")
        if "audit_findings" in no_arm
        else pd.Series(False, index=no_arm.index)
    )
    titled = _titled_in_vitro(studies)
    by = {
        "the Effects cell": {int(r) for r in no_arm.loc[w6, "ref"]},
        "the review's body text": {int(r) for r, w in zip(said["ref"], said["words"]) if names_host(w)},
        "the cited title": {int(r) for r, w in zip(titled["ref"], titled["words"]) if names_host(w)},
    }
    refs = sorted(set().union(*by.values()))
    unnamed = sorted(({int(r) for r in said["ref"]} | {int(r) for r in titled["ref"]}) - set(refs))
    text = ""
    if refs:
        who = [k for k, v in by.items() if v]
        who = series(who, "or")
        text += (
            f"; for {len(refs)} of them {who} speaks of animals: "
            f"ref{'s' if len(refs) > 1 else ''} {', '.join(map(str, refs))}"
        )
    if unnamed:
        text += (
            f"; for ref{'s' if len(unnamed) > 1 else ''} {', '.join(map(str, unnamed))} the body text or the cited "
            "title speaks of a treated tissue or a route into a host without naming the host"
        )
    return text


def _design_active_carriers(studies: pd.DataFrame) -> str:
    """' A carrier counted as biomaterial is itself active in 2: …', from the printed carriers (design 3.4)."""
    from helpers.data.design import active_carriers

    active = active_carriers(studies)
    if active.empty:
        return ""
    named = "; ".join(f"ref {r}'s '{p}' ({m})" for r, p, m in zip(active["ref"], active["printed"], active["meaning"]))
    return f" A carrier counted as biomaterial is itself active in {len(active)}: {named}."


# ------------------------------------------------------------------ vesicles


def _vesicle_rows_phrase(n: int) -> str:
    """'the 28 Table 2 rows' (or 'the 1 Table 2 row') shown: the denominator every vesicle sentence states."""
    return f"the {plural(n, 'Table 2 row')} shown"


def _rows_list(rows: list[int]) -> str:
    """``row 9`` or ``rows 9, 21``."""
    return agree(len(rows), "row ", "rows ") + ", ".join(str(r) for r in sorted(rows))


def _setting_reasons(rows: pd.DataFrame) -> str:
    """Each reason an in vitro label is marked, with the rows it applies to: ``rows 9, 21: reason; row 27: …``."""
    by_reason: dict[str, list[int]] = {}
    for row, caveat in sorted(zip(rows["row"].astype(int), rows["setting_caveat"])):
        for reason in [c for c in str(caveat).split("; ") if c]:
            by_reason.setdefault(reason, []).append(row)
    return "; ".join(f"{_rows_list(r)}: {reason}" for reason, r in by_reason.items())


def _vesicle_caveats(rows: pd.DataFrame) -> list[str]:
    """The label marks, spelled out: each reason with the rows it applies to (computed from the rows' caveats)."""
    parts = []
    said = _setting_reasons(rows)
    if said:
        parts.append(f"† in vitro as the filled cells say, but the row may understate animal work ({said}).")
    questioned = sorted(int(r) for r, c in zip(rows["row"], rows["disease_caveat"]) if c)
    if questioned:
        parts.append(
            "‡ filed under the disease Table 2 prints, which a transcription note questions "
            f"({_rows_list(questioned)}; the note is in the evidence file)."
        )
    return parts


def _vesicle_flags(rows: pd.DataFrame) -> str:
    """Which drawn rows the audit flags and by which findings; ``""`` when none is."""
    flagged = rows[rows["audit_flag"].astype(bool)].sort_values("row")
    if flagged.empty:
        return ""
    why = flagged["audit_flagged_by"] if "audit_flagged_by" in flagged else pd.Series("", index=flagged.index)
    said = "; ".join(
        f"row {int(r)} [{int(ref)}]" + (f", finding {w}" if w else "")
        for r, ref, w in zip(flagged["row"], flagged["ref"], why.fillna(""))
    )
    return f"A ring at the left edge marks a row the audit flags ({said}; tables/audit.csv)."


def vesicles_note(rows: pd.DataFrame, reporting: pd.DataFrame) -> str:
    """The vesicles figure's note: what each mark is, what the colours, columns and label marks are, and the source.

    ``rows`` is :func:`helpers.analysis.vesicles.exosome_rows`, ``reporting``
    :func:`helpers.analysis.vesicles.reporting`.
    """
    n = len(rows)
    kinds = rows["size_shown"].value_counts()
    methods = reporting[~reporting["item"].isin([vesicle_items.SIZE_ITEM, vesicle_items.PARTICLE_ITEM])]
    none_named = sorted(int(r) for r, t in zip(rows["row"], rows["vesicle_type"]) if t == "none named")
    parts = [
        f"One figure row per Table 2 row ({_vesicle_rows_phrase(n)}), grouped by MSC tissue source and, within a "
        "group, ordered by the cited title's term, then by printed row. A capped line is a printed range, from its "
        f"low to its high end ({int(kinds.get('range', 0))} of {n} rows); a point is one printed number "
        f"({int(kinds.get('single value', 0))} of {n}); the review says neither whether a number is a mean, a median "
        "or a peak nor what a range spans, so the two are not compared as one. "
        f"{int(kinds.get(vesicle_items.NOT_REPORTED, 0))} of {n} rows print no size (italic words, no mark).",
        "Colour is the term the cited title uses for the product (tables/studies.csv vesicle_type, with the words in "
        "vesicle_type_evidence): the authors' name, not a subtype anyone verified; the review reports no biogenesis or "
        "marker evidence and writes EVs and Exos for the same product. Conditioned medium is a secretome product that "
        "holds vesicles, not a kind of vesicle.",
    ]
    if none_named:
        parts.append(
            f"None named ({_rows_list(none_named)}): the cited title names the cells and no vesicle product; "
            '"exosomal" in the Effects cell is a proposed mechanism, so the row is drawn as Table 2 prints it but '
            "is not read as a vesicle study."
        )
    parts += [
        "The column right of the sizes says what was done to the product (the modification column split by the "
        "printed words: parent cells engineered, vesicles loaded after isolation, or engineering whose step is not "
        "printed; priming or 3D culture of the parent cells; a carrier; a co-applied enhancer; a co-treatment).",
        "The grey band is the 30-150 nm the review's text gives for exosomes: a yardstick for exosomes, not a test; "
        "a size inside or outside it does not show whether vesicles are exosomes (size alone identifies no subtype, "
        "MISEV2023), and the review never says how a size was measured.",
        "Row labels: printed row, [reference], disease (POF premature ovarian failure, AS atherosclerosis, OP "
        "osteoporosis; Alzheimer's written out, so AD on the figure means adipose tissue only), MSC source with the "
        "donor species the Source cell prints (h human, m mouse, r rat), and setting read from the filled Animal "
        "model / In vitro model cells (Table 2 has no setting column).",
        *_vesicle_caveats(rows),
    ]
    flagged = _vesicle_flags(rows)
    if flagged:
        parts.append(flagged)
    if (methods["rows printing it"] == 0).all():
        parts.append(
            "Isolation and characterisation methods: not reported in the review's tables (Table 2 has no such column, "
            f"and no printed cell of the {n} rows names an isolation, sizing, imaging or marker method)."
        )
    parts.append(f"{SOURCE_SHORT}, Table 2 and references.")
    return " ".join(parts)


def vesicles_notice(rows: pd.DataFrame, counts: pd.DataFrame, reporting: pd.DataFrame, fit: pd.DataFrame) -> str:
    """What a reader should see in the vesicles exhibit, each number with what it counts and out of how many.

    ``rows``, ``counts``, ``reporting`` and ``fit`` are :func:`helpers.analysis.vesicles.exosome_rows`,
    :func:`~helpers.analysis.vesicles.counts`, :func:`~helpers.analysis.vesicles.reporting` and
    :func:`~helpers.analysis.vesicles.band_fit`.
    """
    n = len(rows)
    if not n:
        return "No Table 2 row in this selection."
    total = counts.loc["all terms"]
    sized = int(total["single value"] + total["range"])
    paras = [
        f"- **Size.** {sized} of {_vesicle_rows_phrase(n)} print a vesicle size: {int(total['single value'])} as one "
        f"number and {int(total['range'])} as a range; {int(total[vesicle_items.NOT_REPORTED])} print none (not "
        "reported in the review). The review never says what a single number is (mean, median or peak), what a "
        "range spans, or how any size was measured, so the two are counted and drawn apart.",
        *_vesicle_size_lines(fit),
    ]
    named = [
        f"{int(counts.at[kind, 'rows'])} {kind}"
        for kind in counts.index
        if kind != "all terms" and counts.at[kind, "rows"]
    ]
    paras.append(
        f"- **Term in the cited title.** The review tabulates all {n} rows as exosomes; the cited titles name, row by "
        f"row: {', '.join(named)} (out of {n} rows). This is the authors' name for the product, not a verified "
        "subtype: the review reports no biogenesis or marker evidence."
    )
    paras += _vesicle_change_lines(rows)
    paras.append(_vesicle_methods_line(reporting, sized, n))
    return "\n".join(paras)


def _vesicle_size_lines(fit: pd.DataFrame) -> list[str]:
    """The band, against the rows whose cited title says exosomes only: single numbers and ranges counted apart."""
    compared = fit[fit["compared"]]
    singles = compared[compared["size_kind"] == "single value"]
    ranges = compared[compared["size_kind"] == "range"]
    lines = [
        f"- **The 30-150 nm band** is the review's own figure for exosomes, so it is set only against the "
        f"{plural(len(compared), 'sized row')} whose cited title says exosomes; the other "
        f"{plural(len(fit) - len(compared), 'sized row')} (other terms) {are(len(fit) - len(compared))} drawn but "
        "not compared. Inside or outside the band does not show whether "
        "vesicles are exosomes: size alone identifies no subtype (MISEV2023)."
    ]
    if len(singles):
        out = singles[~singles["within"]]
        outside = ", ".join(f"row {int(r)} at {v:g} nm" for r, v in zip(out["row"], out["size_low_nm"])) or "none"
        lines.append(
            f"- **Single numbers** (cited title: exosomes) run from {singles['size_low_nm'].min():g} to "
            f"{singles['size_low_nm'].max():g} nm ({plural(len(singles), 'row')}); {int(singles['within'].sum())} of "
            f"these {len(singles)} {agree(int(singles['within'].sum()), 'lies', 'lie')} within 30-150 nm; outside: "
            f"{outside}."
        )
    if len(ranges):
        width = ranges["size_high_nm"] - ranges["size_low_nm"]
        out = ranges[~ranges["within"]].sort_values("row")
        beyond = ", ".join(f"row {int(r)} by {b:g} nm" for r, b in zip(out["row"], out["beyond_nm"])) or "none"
        lines.append(
            f"- **Ranges** (cited title: exosomes) run from {ranges['size_low_nm'].min():g} nm at their lowest end to "
            f"{ranges['size_high_nm'].max():g} nm at their highest, and are "
            f"{_between(width.min(), width.max(), 'nm')} wide "
            f"({plural(len(ranges), 'row')}); {int(ranges['within'].sum())} of these {len(ranges)} "
            f"{agree(int(ranges['within'].sum()), 'lies', 'lie')} wholly within 30-150 nm, and {len(out)} "
            f"{agree(len(out), 'reaches', 'reach')} beyond it ({beyond})."
        )
    return lines


def _vesicle_change_lines(rows: pd.DataFrame) -> list[str]:
    """What was done to the products, the in vitro caveats and the questioned disease filing, each with its rows."""
    n = len(rows)
    changes: dict[str, list[int]] = {kind: [] for kind in PRODUCT_CHANGES}
    for row, change in zip(rows["row"].astype(int), rows["product_change"]):
        for part in str(change).split(" + "):
            changes.setdefault(part, []).append(row)
    done = [f"{k} {len(r)} ({_rows_list(r)})" for k, r in changes.items() if r and k != "none printed"]
    untouched = len(changes.get("none printed", []))
    lines = [
        f"- **What was done to the product** (modification and the printed words), kept apart from the term: "
        f"{'; '.join(done) or 'nothing printed'}; nothing printed for {untouched} of the {n} rows. A row can carry "
        "two changes. A co-applied enhancer is applied with the vesicles to help them into skin, not a carrier."
    ]
    vitro = rows[rows["setting_caveat"].astype(str) != ""]
    if len(vitro):
        lines.append(
            f"- **In vitro labels.** {len(vitro)} of the {int((rows['setting'] == 'in vitro').sum())} in vitro rows "
            "(the setting read from the filled Animal model / In vitro model cells) may understate the study: "
            f"{_setting_reasons(vitro)}."
        )
    for r, f, note in zip(rows["row"], rows["ref"], rows["disease_caveat"]):
        if note:
            lines.append(
                f"- **Row {int(r)} [{int(f)}]** is filed under the disease Table 2 prints; "
                f"our transcription note: {note}"
            )
    flagged = _vesicle_flags(rows)
    if flagged:
        lines.append(f"- **Audit.** {flagged}")
    return lines


def _vesicle_methods_line(reporting: pd.DataFrame, sized: int, n: int) -> str:
    """What the review reports of isolation and characterisation: each item's rows out of ``n``."""
    methods = reporting[~reporting["item"].isin([vesicle_items.SIZE_ITEM, vesicle_items.PARTICLE_ITEM])]
    particle_rows = int(reporting.loc[reporting["item"] == vesicle_items.PARTICLE_ITEM, "rows printing it"].sum())
    said = "; ".join(
        f"{item.split(' (')[0]} {int(k)} of {int(of)}"
        for item, k, of in zip(methods["item"], methods["rows printing it"], methods["out of"])
    )
    particles = f"{particle_rows} of {n} rows {agree(particle_rows, 'gives', 'give')} the dose as a particle count."
    if (methods["rows printing it"] == 0).all():
        return (
            "- **Isolation and characterisation methods: not reported in the review's tables** "
            f"({said} rows print one). A size number is the only characterisation Table 2 prints ({sized} of {n} "
            "rows), without the method or the statistic a sizing item needs, "
            f"and {particles} A 0 here says what the review reports, not what the cited studies did."
        )
    return (
        f"- **Isolation and characterisation methods** printed: {said} rows; a size number is printed in {sized} of "
        f"{n} rows, and {particles}"
    )


# ---------------------------------------------------------------- effects


def _effect_rows(rows: pd.DataFrame) -> str:
    """'Table 1 rows 3, 18; Table 2 row 13' from ``table`` and ``row`` columns."""
    parts = []
    for table, part in rows.groupby("table", sort=True):
        numbers = [str(int(r)) for r in part["row"]]
        parts.append(f"Table {table[-1]} {agree(len(numbers), 'row', 'rows')} {', '.join(numbers)}")
    return "; ".join(parts)


def effects_note(counts: pd.DataFrame, studies: pd.DataFrame | None = None) -> str:
    """The effects figure's note: what a bar counts, what it is out of, and what the codes rest on.

    ``studies`` (the selected coded studies) adds which in vitro only rows print an animal model or speak of
    animals, and how many rows a reader coded unsure (first blind reading, effects 3, 4, 14).
    """
    from helpers.analysis import effects as _effects  # analysis sits below outputs; imported here to stay light

    direction = counts[counts["field"] == "effect_direction"]
    totals = direction.drop_duplicates(["modality", "arm"])
    totals = totals[totals["modality_total"] > 0]  # a modality the selection leaves out is not counted at 0
    arms = "; ".join(
        f"{'MSCs' if m == 'cells' else 'vesicles'} {'in vivo' if a == 'in vivo' else 'in vitro only'}: {int(n)}"
        for m, a, n in zip(totals["modality"], totals["arm"], totals["arm_total"])
    )
    text = (
        "Each bar counts the review's one-line Effects summaries (Tables 1-2), one per tabulated study, that report "
        "that direction or whose words name that level as the highest outcome; its height is the number above it. "
        "A one-line summary states a headline, so a null or mixed secondary result could hardly show in it. "
        f"Solid: an animal treated; hatched: in vitro only as printed ({IN_VITRO_RULE}) ({arms}). "
        "Level: the level of the cell's words, whatever the setting; the endpoints measured are not reported in "
        "the review, and a cell that names no outcome is 'not stated'. 'Not stated' direction: of the Effects cell "
        "only (it names mechanisms, safety or delivery); 'prospect only': a benefit stated only as a prospect."
    )
    if studies is not None and len(studies):
        vitro = studies[studies["setting"] == "in vitro"]
        parts = [modelled_note(_effects.modelled(studies), len(vitro))]
        animals = _design_animal_words(studies)
        if animals:
            marked, mark = int(_effects.animal_words(studies).sum()), _effects.ANIMAL_MARK
            parts.append(f"Of the {len(vitro)} in vitro only rows: {animals[2:]}.")
            if marked:
                parts.append(
                    f"A count followed by (k{mark}) says how many of that bar's rows are among the {marked} that name "
                    "animals; such a row may have had an animal arm the table does not print."
                )
        sure = _effects.readers(studies)
        unsure = int((sure["unsure"] > 0).sum())
        parts.append(
            f"{unsure} of {len(sure)} rows {agree(unsure, 'was', 'were')} coded with at least one of two readers "
            "unsure (data/outcome_annotation.csv)."
        )
        text += " " + " ".join(p for p in parts if p)
    return (
        text + " Codes derived by cue words (data/outcome_cues.csv), defined in data/outcome_codes.csv. "
        f"{SOURCE_SHORT}, Tables 1-2."
    )


def effects_notice(
    counts: pd.DataFrame,
    compared: pd.DataFrame,
    silent: pd.DataFrame,
    agreement: pd.DataFrame,
    elsewhere: pd.DataFrame | None = None,
    sure: pd.DataFrame | None = None,
) -> str:
    """What a reader should see in the effects exhibit, each number with what it is out of.

    Parameters
    ----------
    counts : pandas.DataFrame
        :func:`helpers.analysis.effects.counts`.
    compared, silent : pandas.DataFrame
        :func:`helpers.analysis.effects.head_to_head` and :func:`~helpers.analysis.effects.not_stated`.
    agreement : pandas.DataFrame
        :func:`helpers.analysis.effects.agreement`.
    elsewhere, sure : pandas.DataFrame, optional
        :func:`~helpers.analysis.effects.stated_elsewhere` and :func:`~helpers.analysis.effects.readers`.
    """
    direction = counts[counts["field"] == "effect_direction"]
    total = int(direction.drop_duplicates("modality")["modality_total"].sum())
    by_code = direction.groupby("code", sort=False)["studies"].sum()
    null = int(by_code[["mixed", "no effect", "worse"]].sum())
    lines = [
        f"- Of the {total} tabulated studies, the review's one-line Effects cell reports an improvement for "
        f"{by_code['improved']}, a benefit only as a prospect (naming no outcome) for {by_code['prospect only']}, "
        f"a mixed result for {by_code['mixed']}, no effect for {by_code['no effect']} and a worsening for "
        f"{by_code['worse']}; for the other {by_code['not stated']} the cell states no direction."
    ]
    if null == 0 and total:
        lines.append(
            f"- None of the {total} Effects cells reports a null or harmful result. A one-line summary can hardly "
            "show one, and the review's tables give none; whether that comes from which studies were chosen or "
            "from how each was summarised, the print cannot tell. It is no measure of how often such treatments "
            "fail."
        )
    else:
        lines.append(
            f"- {null} of the {total} Effects cells {agree(null, 'reports', 'report')} no effect, a worsening or a "
            "mixed result."
        )
    lines.append(_effects_levels(counts))
    if len(silent):
        kinds = "; ".join(
            f"{kind} ({_effect_rows(part)})" for kind, part in silent.groupby("effect_instead", sort=True)
        )
        lines.append(f"- The {len(silent)} of {total} Effects cells that state no direction print instead: {kinds}.")
        if elsewhere is not None and len(elsewhere):
            refs = ", ".join(str(r) for r in elsewhere["ref"].drop_duplicates())
            lines.append(
                f"- For {elsewhere['ref'].nunique()} of these {len(silent)} the review's body text states a benefit "
                f"(refs {refs}; data/text_statements.csv): 'not stated' is of the Effects cell only."
            )
    lines.append(_effects_compared(compared, total))
    lines.append(_effects_agreement(agreement, sure))
    return "\n".join(line for line in lines if line)


def _effects_levels(counts: pd.DataFrame) -> str:
    """One clause per arm: how many studies reach each level, out of the arm's studies."""
    level = counts[counts["field"] == "outcome_level"]
    clauses = []
    for where, part in level.groupby("arm", sort=False):
        n = int(part.drop_duplicates("modality")["arm_total"].sum())
        if not n:
            continue
        by_code = part.groupby("code", sort=False)["studies"].sum()
        named = ", ".join(f"{code} {int(k)}" for code, k in by_code.items())
        whose = "studies with an animal treated (in vivo)" if where == "in vivo" else "in vitro only as printed"
        clauses.append(f"of the {n} {whose}: {named}")
    return "- Highest outcome level the Effects cell's words name, " + "; ".join(clauses) + "." if clauses else ""


def _effects_compared(compared: pd.DataFrame, total: int) -> str:
    """How many studies compare two arms head to head, what they compare, and where the cell names the better."""
    if not len(compared):
        return f"- None of the {total} studies compares two arms head to head."
    what = compared["comparison_what"].astype("string").fillna("")
    sources = compared[what.str.contains(r"-MSCs vs \w", regex=True)]
    better = compared["comparison_better"].astype("string")
    named = int(better.notna().sum())
    text = (
        f"- {len(compared)} of {total} Effects cells {agree(len(compared), 'compares', 'compare')} two arms head "
        f"to head: {len(sources)} MSC tissue "
        f"sources and {len(compared) - len(sources)} a modified or combined product with the plain one (the list "
        f"below names each). In {named} of the {len(compared)} the cell says the row's own product (the "
        "first-named source or the modified product) did better"
    )
    unnamed = compared[better.isna()]
    if len(unnamed):
        text += f"; {_effect_rows(unnamed)} states no direction, so not which did better"
    if "effect_direction" in compared:
        hoped = compared[better.notna() & (compared["effect_direction"] == "prospect only")]
        if len(hoped):
            text += f"; {_effect_rows(hoped)} only as a prospect"
        carried = compared[
            better.notna() & compared["effect_instead"].astype("string").fillna("").str.contains("delivery")
        ]
        if len(carried):
            text += f"; {_effect_rows(carried)} for delivery only"
    implied = compared[what.str.contains("comparator implied")]
    if len(implied):
        text += f"; {_effect_rows(implied)} {agree(len(implied), 'prints', 'print')} no comparator arm"
    return text + "."


def _effects_agreement(agreement: pd.DataFrame, sure: pd.DataFrame | None = None) -> str:
    """Agreement with the two-reader annotation, said to be by construction, and how sure the readers were."""
    if agreement.empty:
        return ""
    parts = []
    for r in agreement.itertuples():
        where = f" (differs: {r.disagreeing})" if r.disagreeing else ""
        parts.append(f"{r.field} {r.agree} of {r.out_of}{where}")
    text = (
        "- Against the two readers' annotation (data/outcome_annotation.csv), the derived codes agree on "
        + "; ".join(parts)
        + ". This agreement is by construction: the cue words were written with the annotation in view, so it "
        "validates nothing."
    )
    if sure is not None and len(sure):
        shaky = int((sure["unsure"] > 0).sum())
        text += (
            f" The readers themselves were unsure of {shaky} of the {len(sure)} rows (at least one of the two "
            f"marked the code unsure; both for {int((sure['unsure'] == 2).sum())}), so the split is a reading, "
            "not a settled fact; the evidence file gives each row's."
        )
    return text


# ------------------------------------------------------------------ selection


def _selection_n(flow: pd.DataFrame, box: str, quantity: str = "references") -> int:
    """One number the selection flow draws (``helpers.analysis.selection.flow``)."""
    return int(flow.loc[(flow["box"] == box) & (flow["quantity"] == quantity), "n"].iloc[0])


def selection_note(flow: pd.DataFrame, roles: pd.DataFrame) -> str:
    """The selection figure's note: what each box counts, how Table 3's rows reach a reference, and the reading."""
    trial_refs = roles[roles["role"] == "source of a tabulated trial"]
    how = "; ".join(f"[{r}] backs {rows}" for r, rows in zip(trial_refs["ref"], trial_refs["table_rows"]))
    return (
        "The review reports no search, screening or eligibility criteria: its list numbers the references in the "
        "order the body text first cites them, each cited there once. The drawing only parts that list by role, "
        "like a flow diagram in shape; it screens nothing out. "
        "Each box counts references of the list, and a table's box also its printed rows: a row of "
        "Tables 1-2 cites a reference in its Ref. column; a row of Table 3 prints an NCT number, or a reference in its "
        f"place, and a reference whose entry prints a row's NCT number backs that row ({how}); Table 3's other rows "
        "are registry records with no publication cited. Every reference has "
        "one role, so the boxes of a level add up to the box above. The roles of the references cited in the text "
        "only are our reading of every place the body text cites them and of their titles (data/reference_roles.csv); "
        f"names marked [sic] are copied as printed. {SOURCE_SHORT}."
    )


def _bracketed(refs) -> str:
    return ", ".join(f"[{r}]" for r in refs)


def _selection_pairs(held: pd.DataFrame, words: str) -> list[str]:
    """ "[a] and [b]" for each pair of references whose notes name each other after ``words``, both in ``held``."""
    present = set(held["ref"].astype(int))
    pairs = set()
    for ref, note in zip(held["ref"].astype(int), held["note"].fillna("").astype(str)):
        other = re.search(re.escape(words) + r" \[(\d+)\]", note)
        if other and int(other.group(1)) in present:
            pairs.add(tuple(sorted((ref, int(other.group(1))))))
    return [f"[{a}] and [{b}]" for a, b in sorted(pairs)]


def _selection_sample(flow: pd.DataFrame, roles: pd.DataFrame) -> str:
    """What the rows of Tables 1-3 are: reports, not independent studies; a patient study in Table 1; NCT-only rows."""
    from helpers.analysis import selection as sel  # here, so only the selection notebook imports it

    preclinical = _selection_n(flow, "table1", "rows") + _selection_n(flow, "table2", "rows")
    own = all(
        len({_selection_n(flow, t, q) for q in ("rows", "rows backed by a reference", "references")}) == 1
        for t in ("table1", "table2")
    )
    each = "each cite one reference of their own" if own else "do not each cite a reference of their own"
    tabulated = roles[roles["role"].isin(["tabulated MSC study", "tabulated exosome study"])]
    text = (
        f"The {preclinical} rows of Tables 1-2 {each}; a reference is a report, and whether the reports are "
        f"{preclinical} independent studies is not reported in the review"
    )
    companions, groups = _selection_pairs(tabulated, sel.COMPANION), _selection_pairs(tabulated, sel.SAME_GROUP)
    said = [f"companion reports: {', '.join(companions)}"] if companions else []
    said += [f"reports from one group: {', '.join(groups)}"] if groups else []
    text += f" ({'; '.join(said)})" if said else ""
    patients = tabulated[sel.noted(tabulated, sel.PATIENTS)]
    in_patients = [*patients["ref"], *roles.loc[roles["role"] == "source of a tabulated trial", "ref"]]
    verb = agree(len(in_patients), "reports", "report")
    text += ". "
    if len(patients):
        rows = "; ".join(patients["table_rows"].astype(str))
        text += (
            f"The print's titles of Tables 1-2 do not call them preclinical, and {len(patients)} of the {preclinical} "
            f"({rows}, {_bracketed(patients['ref'])}) {are(len(patients))} presented by the body text and the cited "
            f"title as {agree(len(patients), 'a study', 'studies')} in patients: the tables hold "
            f"{plural(len(in_patients), 'reference')} that {verb} work in patients "
            f"({_bracketed(in_patients)}), not only those behind Table 3. "
        )
    trial_rows = _selection_n(flow, "table3", "rows")
    backed = _selection_n(flow, "table3", "rows backed by a reference")
    if not trial_rows:
        return text + "Table 3 prints no clinical row of this selection."
    return text + (
        f"{backed} of Table 3's {trial_rows} clinical rows {are(backed)} backed by a reference; "
        f"the other {trial_rows - backed} are registry records: an NCT number, with no publication cited (the "
        "table's legend names ClinicalTrials.gov as its source)."
    )


def _selection_primary(flow: pd.DataFrame, roles: pd.DataFrame) -> str:
    """How many primary references the tables leave out, as a range over the ones the print leaves undecided."""
    from helpers.analysis import selection as sel  # here, so only the selection notebook imports it

    used, primary = _selection_n(flow, "tabulated"), _selection_n(flow, "primary")
    text_only = _selection_n(flow, "text_only")
    review, method = _selection_n(flow, "review"), _selection_n(flow, "method")
    held = roles[roles["role"] == "primary study, cited in the text only"]
    doubt = held[sel.undecided(held)]
    parts_of = held["text_section"].astype(str).str.split(" ").str[0]
    cells, exos = int((parts_of == "MSCs").sum()), int((parts_of == "MSC-Exos").sum())
    total, d = used + primary, len(doubt)
    if d:
        share = (
            f"Between {primary - d} and {primary} of the {total - d} to {total} primary references the review cites "
            f"({round(100 * (primary - d) / (total - d))}-{round(100 * primary / total)} %) are not in its tables: "
            f"{primary} if {_bracketed(doubt['ref'])} are primary studies, {primary - d} if they are reviews, which "
            f"the print does not decide (their notes say so). Here {total} counts references (the {used} behind a "
            f"table row and the {primary} primary studies cited in the text only), not table rows."
        )
    else:
        share = (
            f"{primary} of the {total} primary references the review cites ({round(100 * primary / total)} %) are "
            f"not in its tables (references: the {used} behind a table row and the {primary} cited in the text only)."
        )
    off = held[sel.noted(held, sel.OFF_MODEL)]
    text = (
        f"{share} Of the {primary} primary studies cited in the text only, {cells} {are(cells)} in the part on "
        f"MSCs and {exos} in the part on exosomes."
    )
    if len(off):
        text += (
            f" For {len(off)} of the {primary} ({_bracketed(off['ref'])}), the cited title shows a model other than "
            "the disease of the section that cites them (the note column says which); a disease is given to them only "
            "because the text cites them in its section."
        )
    if text_only == primary:
        return text
    return (
        f"{text} The other {text_only - primary} text-only references are "
        f"{plural(review, 'review or background source', 'reviews or background sources')} and "
        f"{plural(method, 'method or guideline', 'methods or guidelines')}."
    )


def selection_notice(flow: pd.DataFrame, roles: pd.DataFrame, selected: bool = False) -> str:
    """What a reader should see in the selection flow, in numbers, each out of how many.

    ``selected``: the run keeps the references cited for some diseases only, and the sentences say so.
    """
    listed, used, text_only = (_selection_n(flow, b) for b in ("listed", "tabulated", "text_only"))
    scope = (
        "cited for the selected diseases (by a table row of the disease or in the body text's section on it)"
        if selected
        else "in the review's list"
    )
    parts = [
        f"Of the {listed} references {scope}, {used} back a row of the review's tables and {text_only} are cited "
        "in the text only; the review reports no search or eligibility criteria, so this parts its list, it does not "
        "screen it.",
        _selection_sample(flow, roles),
        _selection_primary(flow, roles),
        "The gap map, the timeline and the other exhibits describe the rows of the tables, that is this selection, "
        "not every study the review cites, nor the field.",
    ]
    return " ".join(parts)
