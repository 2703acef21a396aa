"""Evidence behind Figures 1 and 2: selected studies, their tags, and what the figures count.

The review's two figures are drawn schematics. We regenerate them as
evidence maps: every mark counts study rows of Tables 1 and 2 whose printed
Effects cell supports a category of ``data/categories.csv`` (a mechanism, a
pathway family, a transcription factor or a cargo), as decided by the
lexicon and the curated corrections (:mod:`helpers.data.tags`). Each count
keeps the rows, references and phrases behind it.

One unit throughout: a whole study. A study counts once in every category it
supports, so a block's counts can sum to more than its studies; the setting
(in vivo, or in vitro only) is kept as its own column so no figure draws a
dish like an animal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers.core import memo
from helpers.core.selection import Selecting, selected_rows
from helpers.core.vocab import DISEASE_CODES, PRECLINICAL_TABLES, TABLE_OF_RESOURCE, TISSUE_CODES
from helpers.data import curated, derive, tags
from helpers.data.design import ROUTE_WORD, title_animal_words

__all__ = [
    "studies",
    "tagged",
    "untagged_label",
    "matrix",
    "pathway_matrix",
    "setting_group",
    "SETTINGS",
    "evidence_table",
    "counted",
    "per_modality",
    "tissue_name",
    "flagged",
    "settings",
    "drawn_keys",
    "named_instead",
    "carried_mirna",
    "FACTOR_ONLY",
    "factor_studies",
    "unrouted_in_vivo",
    "pathway_view",
    "PathwayView",
    "mechanism_view",
    "MechanismView",
    "MECHANISM_KINDS",
    "bears_on_coding",
    "TABLE_NAMES",
    "animal_titles",
    "modelled_in_vitro",
    "unseen_sources",
    "called_pathway",
]

#: "Table 1" and "Table 2", by resource.
TABLE_NAMES = {t: f"Table {TABLE_OF_RESOURCE[t].removeprefix('table')}" for t in PRECLINICAL_TABLES}
_NOT_STATED = "not stated"
#: How the figures group the derived setting: a study with any animal arm is in
#: vivo; one with only a dish is "in vitro only" (drawn hollow).
SETTINGS = ("in vivo", "in vitro only")


def setting_group(setting: object) -> str:
    """``in vivo`` for a study with an animal arm (alone or with a dish), ``in vitro only`` otherwise."""
    return SETTINGS[0] if isinstance(setting, str) and "in vivo" in setting else SETTINGS[1]


def untagged_label(kind: str) -> str:
    """The category shown for studies whose Effects cell matches no category of ``kind``.

    It says what was looked at (the printed Effects cell) and what was not
    found (a category of ``data/categories.csv``): not that the study names
    no mechanism, which the review's prose or the study itself may do.
    """
    return {
        "mechanism": "No mechanism category in the Effects cell",
        "pathway": "No pathway family in the Effects cell",
        "regulator": "No transcription factor in the Effects cell",
        "cargo": "No cargo category in the Effects cell",
    }[kind]


#: Fig. 2's row for a drawn study that names a transcription factor but no pathway family.
FACTOR_ONLY = "Transcription factor only (no pathway family)"


def studies(run: Selecting) -> dict[str, pd.DataFrame]:
    """Printed study rows of Tables 1–2 selected by the run's parameters.

    Each frame gains the derived ``disease_code``, ``tissue``, ``modality``,
    ``product`` (native or modified), ``modification`` (how: primed,
    co-treatment, ...) and ``setting`` columns.
    """
    out = {}
    for table in PRECLINICAL_TABLES:
        printed = curated.load(table)  # only the files the figure reads (they decide its reruns)
        derived = _derived(table)
        keep = selected_rows(derived, run, table=TABLE_OF_RESOURCE[table])
        joined = printed.assign(**{c: derived[c] for c in _DERIVED})
        out[table] = joined[keep].reset_index(drop=True)
    return out


_DERIVED = ("disease_code", "tissue", "modality", "product", "modification", "setting")


def _derived(table: str) -> pd.DataFrame:
    """:func:`helpers.data.derive.derive` of a whole printed table, remembered (:mod:`helpers.core.memo`)."""
    return memo.remembered(
        f"derived-{table}", lambda: derive.derive(table, curated.load(table), curated.load("abbreviations"))
    )


def tagged(selected: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Tag the selected studies with the lexicon and the curated corrections."""
    lexicon = tags.load_lexicon()
    curated = tags.load_curated()
    # Curated lines name rows by number; keep only those still selected.
    rows = {t: set(f["row"]) for t, f in selected.items()}
    curated = curated[[r in rows.get(t, set()) for t, r in zip(curated["table"], curated["row"])]]
    return tags.tag_rows(selected, lexicon, curated)


def _labels(tagged_rows: pd.DataFrame, kind: str) -> dict[tuple[str, int], list[str]]:
    part = tagged_rows[tagged_rows["kind"] == kind]
    out: dict[tuple[str, int], list[str]] = {}
    for table, row, label in zip(part["table"], part["row"], part["label"]):
        out.setdefault((table, int(row)), []).append(label)
    return out


def _study_lines(selected: dict[str, pd.DataFrame]):
    for table, frame in selected.items():
        for study in frame.itertuples(index=False):
            disease = DISEASE_CODES.get(study.disease_code, study.disease)
            yield table, study, disease


def per_modality(selected: dict[str, pd.DataFrame], keys: set[tuple[str, int]] | None = None) -> dict[str, int]:
    """Selected studies (or only those in ``keys``) of each modality: MSCs (Table 1) and their exosomes (Table 2)."""
    return {
        PRECLINICAL_TABLES[table]: sum(1 for r in frame["row"] if keys is None or (table, int(r)) in keys)
        for table, frame in selected.items()
    }


def counted(
    selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, kind: str | tuple[str, ...]
) -> dict[str, int]:
    """How many selected studies there are, and how many name at least one category of ``kind``.

    ``kind`` may be a tuple of kinds: a study then counts as named when it
    names a category of any of them.
    """
    kinds = (kind,) if isinstance(kind, str) else kind
    named = set().union(*(_labels(tagged_rows, k) for k in kinds))
    total = sum(len(f) for f in selected.values())
    with_tag = sum(1 for table, study, _ in _study_lines(selected) if (table, int(study.row)) in named)
    return {"studies": total, "named": with_tag, "unnamed": total - with_tag}


def matrix(
    selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, kinds: tuple[str, ...] = ("mechanism", "cargo")
) -> pd.DataFrame:
    """Studies per category × disease × modality: what Fig. 1 draws.

    Each study counts once under every category of ``kinds`` it supports,
    or once under the kind's "No … named" category when it supports none;
    so no selected study is missing from a kind.

    Returns
    -------
    pandas.DataFrame
        ``kind, category, disease, modality, setting, studies, refs``; one
        line per category, disease, modality and setting (:data:`SETTINGS`)
        with at least one study.
    """
    records = []
    for kind in kinds:
        named = _labels(tagged_rows, kind)
        for table, study, disease in _study_lines(selected):
            for label in named.get((table, int(study.row)), [untagged_label(kind)]):
                records.append((kind, label, disease, study.modality, setting_group(study.setting), int(study.ref)))
    return _grouped(records)


_CELL_KEYS = ["kind", "category", "disease", "modality", "setting"]


def _grouped(records: list[tuple]) -> pd.DataFrame:
    """Count the studies (and list their references) of each category, disease, modality and setting."""
    frame = pd.DataFrame(records, columns=[*_CELL_KEYS, "ref"])
    grouped = frame.groupby(_CELL_KEYS, sort=False)
    out = grouped.agg(studies=("ref", "size"), refs=("ref", lambda r: ", ".join(str(x) for x in sorted(set(r)))))
    return out.reset_index()


def tissue_name(code: str | None) -> str:
    """A tissue source spelled out without its code (the code AD would read as the disease)."""
    return TISSUE_CODES.get(code, _NOT_STATED) if code else _NOT_STATED


def pathway_matrix(
    selected: dict[str, pd.DataFrame],
    tagged_rows: pd.DataFrame,
    *,
    untagged: bool = False,
    min_studies: int = 1,
) -> pd.DataFrame:
    """What Fig. 2 draws: MSC source, pathway family and transcription factor, by disease, in whole studies.

    The studies drawn are those whose Effects cell names a pathway family or
    a transcription factor (``regulator``), or every selected study when
    ``untagged``. Each counts once under its MSC tissue source (under each,
    when two are printed), once under every family and every transcription
    factor it names, and, when it names no family, under :data:`FACTOR_ONLY`
    (it names a factor) or "No pathway family in the Effects cell" (it names
    neither, drawn only when ``untagged``). Families and factors named by fewer
    than ``min_studies`` studies are pooled as "Other (< n studies)".

    Returns
    -------
    pandas.DataFrame
        The layout of :func:`matrix`, with kinds ``source``, ``pathway`` and
        ``regulator``.
    """
    named = {kind: _labels(tagged_rows, kind) for kind in ("pathway", "regulator")}
    counts = pd.Series(
        [label for labels in named.values() for studies in labels.values() for label in studies]
    ).value_counts()
    other = f"Other (< {min_studies} studies)"

    def pooled(labels: list[str]) -> list[str]:
        return list(dict.fromkeys(other if counts[label] < min_studies else label for label in labels))

    records = []
    for table, study, disease in _study_lines(selected):
        key = (table, int(study.row))
        if not untagged and not any(key in part for part in named.values()):
            continue
        where = (disease, study.modality, setting_group(study.setting), int(study.ref))
        codes = str(study.tissue).split("+") if pd.notna(study.tissue) else [None]
        records += [("source", tissue_name(code), *where) for code in dict.fromkeys(codes)]
        for kind, part in named.items():
            # Only the pathway block says who names none, and why it is drawn: a study with
            # a transcription factor alone is not one of the many that name no family at all.
            for label in pooled(part.get(key, [])) or ([_no_family(key, named)] if kind == "pathway" else []):
                records.append((kind, label, *where))
    if not records:
        return pd.DataFrame(columns=[*_CELL_KEYS, "studies", "refs"])
    return _grouped(records)


def _no_family(key: tuple[str, int], named: dict[str, dict]) -> str:
    """The pathway row of a study that names no family: "factor only" when it names a factor, else "no family"."""
    return FACTOR_ONLY if key in named["regulator"] else untagged_label("pathway")


def evidence_table(tagged_rows: pd.DataFrame, kinds: str | tuple[str, ...]) -> pd.DataFrame:
    """One line per supporting study: the category, table, row, reference and printed words."""
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    part = tagged_rows[tagged_rows["kind"].isin(kinds)]
    frame = pd.DataFrame(
        {
            "kind": part["kind"].to_numpy(),
            "category": part["label"].to_numpy(),
            "modality": part["modality"].to_numpy(),
            "table": part["table"].map(TABLE_NAMES).to_numpy(),
            "row": part["row"].to_numpy(),
            "ref": part["ref"].map(lambda r: f"[{r}]").to_numpy(),
            "origin": part["origin"].to_numpy(),
            "supporting text": part["phrase"].to_numpy(),
        }
    )
    order = {k: i for i, k in enumerate(kinds)}
    frame = frame.assign(_k=frame["kind"].map(order)).sort_values(
        ["_k", "category", "modality", "table", "row"], kind="stable", ignore_index=True
    )
    return frame.drop(columns="_k") if len(kinds) > 1 else frame.drop(columns=["_k", "kind"])


#: Audit rules whose findings change what a drawn row means: the cited title
#: names another disease, source, host, product or route, or neither the model
#: nor the title names the row's disease (R...), or the printed model and route
#: disagree on whether animals were treated (W6, W7), or the row's own cells
#: disagree on the donor species against the host (W1, MSC source) or on the
#: route (W2, the Effects cell names another; fourth reading, fig1 4.2, fig2
#: 4.1). Dose and spelling findings do not move a dot.
_SETTING_RULES = ("W6", "W7")
_PAIRING_RULES = ("W1", "W2")


def bears_on_coding(rule: str) -> bool:
    """True for an audit rule id that questions a row's disease, source, host, product, route or setting."""
    return rule.startswith("R") or rule in _SETTING_RULES or rule in _PAIRING_RULES


def flagged(
    selected: dict[str, pd.DataFrame], findings: pd.DataFrame, keys: set[tuple[str, int]] | None = None
) -> pd.DataFrame:
    """The audit's findings on the selected study rows that bear on how a row is coded.

    Parameters
    ----------
    selected : dict
        From :func:`studies`.
    findings : pandas.DataFrame
        ``helpers.audit.runner.frame`` output (``rule`` as "R3 name", ``table``
        as ``table1``/``table2``, ``row``, ``message``, ``verdict``).
    keys : set, optional
        Only these ``(table, row)``: the studies a figure draws.

    Returns
    -------
    pandas.DataFrame
        ``ref, table, row, rule, message``, one line per confirmed finding,
        sorted by reference.
    """
    resource = {TABLE_OF_RESOURCE[t]: t for t in PRECLINICAL_TABLES}
    refs = {
        (t, int(r)): int(ref)
        for t, f in selected.items()
        for r, ref in zip(f["row"], f["ref"])
        if keys is None or (t, int(r)) in keys
    }
    lines = []
    for f in findings.itertuples(index=False):
        key = (resource.get(f.table), int(f.row) if str(f.row).isdigit() else -1)
        rule = str(f.rule).split(" ", 1)[0]
        if key in refs and bears_on_coding(rule) and f.verdict == "confirmed":
            lines.append((refs[key], TABLE_NAMES[key[0]], key[1], rule, f.message))
    frame = pd.DataFrame(lines, columns=["ref", "table", "row", "rule", "message"])
    return frame.sort_values(["ref", "rule"], ignore_index=True)


def settings(selected: dict[str, pd.DataFrame], keys: set[tuple[str, int]] | None = None) -> dict[str, int]:
    """Selected studies (or only those in ``keys``) per setting group of :data:`SETTINGS`."""
    out = dict.fromkeys(SETTINGS, 0)
    for table, study, _ in _study_lines(selected):
        if keys is None or (table, int(study.row)) in keys:
            out[setting_group(study.setting)] += 1
    return out


def drawn_keys(
    selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, kinds: tuple[str, ...], *, untagged: bool = False
) -> set:
    """``(table, row)`` of the selected studies that name a category of any of ``kinds`` (all when ``untagged``)."""
    if untagged:
        return {(t, int(s.row)) for t, s, _ in _study_lines(selected)}
    named = set().union(*(_labels(tagged_rows, k) for k in kinds))
    return {(t, int(s.row)) for t, s, _ in _study_lines(selected) if (t, int(s.row)) in named}


def named_instead(
    selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, missing: str, others: tuple[str, ...]
) -> dict[str, int]:
    """Of the studies naming no category of ``missing``, how many name one of ``others`` instead.

    Returns ``{"unnamed": ..., "instead": ..., "excluded": [...]}``: ``excluded``
    lists the references of the remaining studies whose Effects cell names a
    molecule that a curated correction (``data/curated_tags.csv``) removed
    from one of ``others`` (a pathway acting in the donor cells, the
    inhibitor of a miRNA), so they name a molecule that the categories exclude.
    """
    lacking = {(t, int(s.row)) for t, s, _ in _study_lines(selected)} - drawn_keys(selected, tagged_rows, (missing,))
    instead = lacking & drawn_keys(selected, tagged_rows, others)
    removed = tags.load_curated()
    removed = removed[(removed["action"] == "remove") & removed["kind"].isin(others)]
    keys = {(t, int(r)) for t, r in zip(removed["table"], removed["row"])} & (lacking - instead)
    refs = {(t, int(s.row)): int(s.ref) for t, s, _ in _study_lines(selected)}
    return {"unnamed": len(lacking), "instead": len(instead), "excluded": sorted(refs[k] for k in keys)}


#: Printed words that say a product carries, delivers or overexpresses its miRNA: a miRNA
#: written onto the vesicle ("Exos-miR-22-3p"), "exosomal miR-…", delivery, transfer, loading
#: or overexpression. A miRNA named only inside a pathway ("the miR-let7/HMGA2/NF-κB pathway")
#: is a mediator, not cargo the words show.
_CARRIED = re.compile(
    r"Exos?-miR|exosomal miR|overexpress\w*|\bdeliver\w*|\btransferr\w*|\bloaded\b|\bcarr(?:y|ies|ied)\b",
    re.IGNORECASE,
)


def carried_mirna(selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame) -> dict[str, list[int]]:
    """The references of the studies tagged miRNA cargo, and of those whose Effects cell prints it as carried.

    Returns ``{"mirna": [...], "carried": [...]}``, references in order. The
    miRNA definition also counts a miRNA named as the product's mediator, so
    ``carried`` can be fewer: it is what the printed words show.
    """
    part = tagged_rows[(tagged_rows["kind"] == "cargo") & (tagged_rows["tag"] == "mirna")]
    keys = {(t, int(r)) for t, r in zip(part["table"], part["row"])}
    lines = [(int(s.ref), str(s.effects)) for t, s, _ in _study_lines(selected) if (t, int(s.row)) in keys]
    return {
        "mirna": sorted(ref for ref, _ in lines),
        "carried": sorted(ref for ref, words in lines if _CARRIED.search(words)),
    }


def animal_titles(selected: dict[str, pd.DataFrame], keys: set | None = None) -> pd.DataFrame:
    """The in vitro only studies (of ``keys``, if given) whose cited title speaks of work in animals.

    The setting is read from the printed model and route cells, so "in vitro
    only" means the table prints no animal model or co-culture in a dish as its
    only route, not that the cited work had no animals.

    Returns
    -------
    pandas.DataFrame
        ``ref, table, row, words`` (the title's words, quoted and joined by
        ", ") and ``route_only`` (the words name only a route, such as
        'Topical', and no animal or animal disease: fourth reading, fig1 4.4),
        sorted by reference.
    """
    titles = curated.load("references").set_index("ref")["title"].astype(str)
    lines = []
    for table, study, _ in _study_lines(selected):
        key = (table, int(study.row))
        if (keys is not None and key not in keys) or setting_group(study.setting) != SETTINGS[1]:
            continue
        words = title_animal_words(titles.get(int(study.ref), ""))
        if words:
            route_only = all(_ROUTE_WORD.fullmatch(w.strip("'")) for w in words.split(", "))
            lines.append((int(study.ref), TABLE_NAMES[table], key[1], words, route_only))
    frame = pd.DataFrame(lines, columns=["ref", "table", "row", "words", "route_only"])
    return frame.sort_values("ref", ignore_index=True)


#: Title words that name a route into a host but not the host (:data:`helpers.data.design.ROUTE_WORD`).
_ROUTE_WORD = ROUTE_WORD


def modelled_in_vitro(selected: dict[str, pd.DataFrame], keys: set | None = None) -> pd.DataFrame:
    """The in vitro only studies (of ``keys``, if given) whose row prints an animal model all the same.

    "In vitro only" is read from the model and route cells: no animal model is
    printed, or co-culture in a dish is the only printed route. A row of the
    second kind still names an animal model (Table 1 row 14, [25]: '5XFAD
    mice' with a co-culture route; fourth reading, fig1 4.1).

    Returns
    -------
    pandas.DataFrame
        ``ref, table, row, model`` (the printed animal model), sorted by reference.
    """
    lines = [
        (int(study.ref), TABLE_NAMES[table], int(study.row), str(study.animal_model).strip())
        for table, study, _ in _study_lines(selected)
        if (keys is None or (table, int(study.row)) in keys)
        and setting_group(study.setting) == SETTINGS[1]
        and pd.notna(study.animal_model)
        and str(study.animal_model).strip()
    ]
    return pd.DataFrame(lines, columns=["ref", "table", "row", "model"]).sort_values("ref", ignore_index=True)


#: The printed words around "pathway(s)" in an Effects cell, up to the nearest comma, semicolon or full stop.
_PATHWAY_WORDS = re.compile(r"[^,;.]*\bpathways?\b", re.IGNORECASE)


def called_pathway(selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, keys: set) -> pd.DataFrame:
    """The drawn studies naming a transcription factor whose Effects cell calls that factor part of a pathway.

    The project files transcription factors apart from signalling pathway
    families; the print may still put the factor in a pathway (Table 2 row 3,
    [51]: the "ATF4-ATF3-CHOP pathways"; Table 1 row 2, [11]: the
    "AMPK/NR4A1 signaling pathway"; fourth reading fig2 4.2, fifth 5.2). A
    clause that says "pathway" counts only when it also prints the factor's
    own tagged words: Table 1 row 3 ([12]) names FOXO1 in one clause and the
    "Wnt/β-catenin and Hippo signaling pathways" in another.

    Returns
    -------
    pandas.DataFrame
        ``ref, table, row, words`` (the printed clause that says "pathway")
        and ``factor_only`` (the study names no pathway family, so it stands
        in the row :data:`FACTOR_ONLY`), sorted by reference.
    """
    families = _labels(tagged_rows, "pathway")
    part = tagged_rows[tagged_rows["kind"] == "regulator"]
    phrases: dict[tuple[str, int], list[str]] = {}
    for t, r, phrase in zip(part["table"], part["row"], part["phrase"]):
        phrases.setdefault((t, int(r)), []).append(str(phrase).lower())
    lines = []
    for table, study, _ in _study_lines(selected):
        key = (table, int(study.row))
        if key not in keys or key not in phrases:
            continue
        clauses = [m[0].strip() for m in _PATHWAY_WORDS.finditer(str(study.effects))]
        found = [c for c in clauses if any(p in c.lower() for p in phrases[key])]
        if found:
            lines.append((int(study.ref), TABLE_NAMES[table], key[1], found[0], key not in families))
    columns = ["ref", "table", "row", "words", "factor_only"]
    return pd.DataFrame(lines, columns=columns).sort_values("ref", ignore_index=True)


def factor_studies(tagged_rows: pd.DataFrame, keys: set) -> int:
    """How many of the studies in ``keys`` name a transcription factor (``regulator``) category."""
    return len(set(_labels(tagged_rows, "regulator")) & keys)


def unrouted_in_vivo(selected: dict[str, pd.DataFrame], keys: set | None = None) -> pd.DataFrame:
    """The studies with an animal arm (of ``keys``, if given) whose route cell prints "NA" where a route stands.

    The setting is read from the model and route cells: a row that prints an
    animal model and no co-culture route has an animal arm, even when its route
    is printed as "NA" (Table 1 row 22, [37]: "NA 2 × 10⁷"; Table 2 row 1, [48]:
    "NA"), which the legends define as Not Applicable and the audit questions
    (A9; fifth reading, fig1 5.1, fig2 5.1).

    Returns
    -------
    pandas.DataFrame
        ``ref, table, row, route`` (the printed route cell), ``model`` and
        ``follow_up`` (as printed), sorted by reference.
    """
    lines = [
        (
            int(study.ref),
            TABLE_NAMES[table],
            int(study.row),
            str(study.route_dosage).strip(),
            str(study.animal_model).strip(),
            str(study.follow_up).strip() if pd.notna(study.follow_up) else "not reported in the review",
        )
        for table, study, _ in _study_lines(selected)
        if (keys is None or (table, int(study.row)) in keys)
        and setting_group(study.setting) != SETTINGS[1]
        and str(study.route_dosage).split()[:1] == ["NA"]
    ]
    columns = ["ref", "table", "row", "route", "model", "follow_up"]
    return pd.DataFrame(lines, columns=columns).sort_values("ref", ignore_index=True)


def unseen_sources(selected: dict[str, pd.DataFrame], keys: set) -> dict[str, list[int]]:
    """MSC tissue sources of the selected studies of which no study is in ``keys``, with their references.

    Fig. 2's source block has a row only for a source some drawn study names;
    this says which printed sources have none (fourth reading, fig2 4.4).
    """
    refs: dict[str, list[int]] = {}
    drawn: set[str] = set()
    for table, study, _ in _study_lines(selected):
        codes = str(study.tissue).split("+") if pd.notna(study.tissue) else []
        for name in dict.fromkeys(tissue_name(code) for code in codes):
            refs.setdefault(name, []).append(int(study.ref))
            if (table, int(study.row)) in keys:
                drawn.add(name)
    return {name: sorted(set(r)) for name, r in refs.items() if name not in drawn}


#: What Fig. 1 draws: its two kinds of category, in the order of its panels.
MECHANISM_KINDS = ("mechanism", "cargo")


@dataclass(frozen=True)
class MechanismView:
    """Everything Fig. 1 draws and states, computed once: see :func:`mechanism_view`."""

    cells: pd.DataFrame
    counted: dict[str, dict[str, int]]
    setting: dict[str, int]
    totals: dict[str, int]
    flags: pd.DataFrame
    animal_titles: pd.DataFrame
    named_instead: dict
    carried_mirna: dict[str, list[int]]
    evidence: pd.DataFrame
    modelled: pd.DataFrame
    unrouted: pd.DataFrame


def mechanism_view(
    selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, findings: pd.DataFrame
) -> MechanismView:
    """Fig. 1's counts: the matrix, the studies naming each kind, the setting, the audit's findings and the evidence.

    Parameters
    ----------
    selected : dict of pandas.DataFrame
        The selected studies, from :func:`studies`.
    tagged_rows : pandas.DataFrame
        Their tags, from :func:`tagged`.
    findings : pandas.DataFrame
        The audit's findings (:func:`flagged` keeps those on selected rows).

    Returns
    -------
    MechanismView
        ``cells`` (:func:`matrix`), ``counted`` per kind of :data:`MECHANISM_KINDS`
        (:func:`counted`), ``setting`` and ``totals`` over every selected study (Fig. 1 draws
        each of them, under a "No … named" category when it names none), ``flags``
        (:func:`flagged`), ``animal_titles`` (:func:`animal_titles`), ``named_instead`` (the
        studies naming no mechanism but a pathway, regulator or cargo, :func:`named_instead`),
        ``carried_mirna`` (:func:`carried_mirna`), ``evidence`` (:func:`evidence_table`) and
        ``modelled`` (:func:`modelled_in_vitro`) and ``unrouted`` (:func:`unrouted_in_vivo`).
    """
    return MechanismView(
        cells=matrix(selected, tagged_rows, MECHANISM_KINDS),
        counted={kind: counted(selected, tagged_rows, kind) for kind in MECHANISM_KINDS},
        setting=settings(selected),
        totals=per_modality(selected),
        flags=flagged(selected, findings),
        animal_titles=animal_titles(selected),
        named_instead=named_instead(selected, tagged_rows, "mechanism", ("pathway", "regulator", "cargo")),
        carried_mirna=carried_mirna(selected, tagged_rows),
        evidence=evidence_table(tagged_rows, MECHANISM_KINDS),
        modelled=modelled_in_vitro(selected),
        unrouted=unrouted_in_vivo(selected),
    )


@dataclass(frozen=True)
class PathwayView:
    """Everything Fig. 2 draws and states, computed once: see :func:`pathway_view`."""

    cells: pd.DataFrame
    counted: dict[str, dict[str, int]]
    drawn: set
    setting: dict[str, int]
    totals: dict[str, int]
    flags: pd.DataFrame
    per_disease: dict[str, tuple[int, int]]
    modified: pd.DataFrame
    animal_titles: pd.DataFrame
    modelled: pd.DataFrame
    unseen_sources: dict[str, list[int]]
    called_pathway: pd.DataFrame
    factor_studies: int
    unrouted: pd.DataFrame


def pathway_view(
    selected: dict[str, pd.DataFrame],
    tagged_rows: pd.DataFrame,
    findings: pd.DataFrame,
    *,
    untagged: bool = False,
    min_studies: int = 1,
) -> PathwayView:
    """Fig. 2's counts: the matrix, the studies naming a family, a factor or either, and the drawn studies' setting.

    ``counted`` has keys ``pathway``, ``regulator`` and ``either`` (as from
    :func:`counted`); ``drawn`` the ``(table, row)`` drawn; ``setting`` and
    ``totals`` the drawn studies per setting group and per modality;
    ``flags`` the audit ``findings`` on drawn rows (:func:`flagged`);
    ``per_disease`` the studies drawn and selected per disease, in the
    vocabulary's order; ``modified`` the drawn studies of a primed,
    engineered or co-treated product (:func:`added_agent`); ``animal_titles``
    the drawn in vitro only studies whose cited title speaks of animal work
    (:func:`animal_titles`); ``modelled`` those that print an animal model
    all the same (:func:`modelled_in_vitro`); ``unseen_sources`` the printed
    MSC sources no drawn study names (:func:`unseen_sources`); ``called_pathway``
    the factor studies whose Effects cell puts the factor in a pathway (:func:`called_pathway`);
    ``factor_studies`` the drawn studies naming a factor (:func:`factor_studies`); ``unrouted``
    the drawn studies with an animal arm whose route is printed "NA" (:func:`unrouted_in_vivo`).
    """
    kinds = ("pathway", "regulator")
    drawn = drawn_keys(selected, tagged_rows, kinds, untagged=untagged)
    return PathwayView(
        cells=pathway_matrix(selected, tagged_rows, untagged=untagged, min_studies=min_studies),
        counted={
            "pathway": counted(selected, tagged_rows, "pathway"),
            "regulator": counted(selected, tagged_rows, "regulator"),
            "either": counted(selected, tagged_rows, kinds),
        },
        drawn=drawn,
        setting=settings(selected, drawn),
        totals=per_modality(selected, drawn),
        flags=flagged(selected, findings, drawn),
        per_disease=per_disease(selected, drawn),
        modified=added_agent(selected, tagged_rows, drawn, kinds),
        animal_titles=animal_titles(selected, drawn),
        modelled=modelled_in_vitro(selected, drawn),
        unseen_sources=unseen_sources(selected, drawn),
        called_pathway=called_pathway(selected, tagged_rows, drawn),
        factor_studies=factor_studies(tagged_rows, drawn),
        unrouted=unrouted_in_vivo(selected, drawn),
    )


def per_disease(selected: dict[str, pd.DataFrame], keys: set) -> dict[str, tuple[int, int]]:
    """Per disease (in :data:`DISEASE_CODES` order), the selected studies in ``keys`` and all selected studies."""
    lines = [(disease, (t, int(s.row)) in keys) for t, s, disease in _study_lines(selected)]
    order = [
        d for d in dict.fromkeys([*DISEASE_CODES.values(), *(d for d, _ in lines)]) if any(d == x for x, _ in lines)
    ]
    return {d: (sum(1 for x, k in lines if x == d and k), sum(1 for x, _ in lines if x == d)) for d in order}


#: Modifications that give the MSCs or their vesicles another agent: before the treatment (primed),
#: built into the product (engineered: a transferred or overexpressed gene or miRNA), or with the
#: treatment (co-treatment). A pathway the Effects cell names may be that agent's; an engineered
#: product's was left out until the third reading (fig2 3.3: [15]'s miR-21). A selected subpopulation
#: or a biomaterial carrier adds no agent that acts on a pathway in the words of the Effects cells.
ADDED_AGENT = ("primed", "engineered", "co-treatment")


def added_agent(
    selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, keys: set, kinds: tuple[str, ...]
) -> pd.DataFrame:
    """The studies in ``keys`` of a primed, engineered or co-treated product and the ``kinds`` categories they name.

    Returns
    -------
    pandas.DataFrame
        ``ref, table, row, modification, categories`` (labels joined by
        ", "), sorted by reference.
    """
    named = {}
    for kind in kinds:
        for key, labels in _labels(tagged_rows, kind).items():
            named.setdefault(key, []).extend(labels)
    lines = []
    for table, study, _ in _study_lines(selected):
        key = (table, int(study.row))
        how = [m for m in str(study.modification).split("+") if m in ADDED_AGENT]
        if key in keys and how and named.get(key):
            lines.append((int(study.ref), TABLE_NAMES[table], key[1], " and ".join(how), ", ".join(named[key])))
    frame = pd.DataFrame(lines, columns=["ref", "table", "row", "modification", "categories"])
    return frame.sort_values("ref", ignore_index=True)
