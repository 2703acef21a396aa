"""The four published tables: rows selected by a run, published layout, legend and summary.

A table exhibit is the printed rows of one ``data/`` resource under the
published headers (the schema's field titles), in published order, with the
reference number printed back as ``[n]``. A run's parameters select rows by
the derived codes of :mod:`helpers.data.derive`; they never alter a cell.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.core import edition
from helpers.core.selection import Selecting, selected_rows
from helpers.core.vocab import DISEASE_CODES, STUDY_TABLES, TISSUE_CODES
from helpers.core.words import agree, plural, series
from helpers.data import added, curated, derive, duplicates

__all__ = [
    "study_codes",
    "load_table",
    "references",
    "published",
    "legend",
    "summary",
    "enrollment",
    "transcription_notes",
    "setting_notes",
    "audit_notes",
    "legend_audit_notes",
    "notes",
    "EDITION_COLUMN",
    "edition_lead",
    "added_notes",
    "NO_HOST",
    "caption",
    "sources_by_disease",
]


def study_codes() -> pd.DataFrame:
    """Disease code, tissue source(s) and cited reference of every row of Tables 1–3.

    Table 3 cites a reference only where it prints one instead of an NCT
    number (``[39]``).
    """
    abbreviations = curated.load("abbreviations")
    parts = []
    for resource in STUDY_TABLES:
        printed = curated.load(resource)
        derived = derive.derive(resource, printed, abbreviations)
        ref = (
            printed["ref"] if "ref" in printed else printed["nct_number"].str.extract(r"^\[(\d+)\]$")[0].astype("Int64")
        )
        parts.append(
            pd.DataFrame({"disease_code": derived["disease_code"], "tissue": derived["tissue"], "ref": ref.to_numpy()})
        )
    return pd.concat(parts, ignore_index=True)


def _derived(
    resource: str, frame: pd.DataFrame, abbreviations: pd.DataFrame | None, by_disease: bool = False
) -> pd.DataFrame:
    if resource != "tissue_sources":
        return derive.derive(resource, frame, abbreviations)
    # Table 4's Source cell is already a tissue code (BM, AD, UC, UCB, DP).
    out = pd.DataFrame({"row": frame["row"], "tissue": frame["source"]})
    if by_disease:
        # Table 4 has no disease column: a source is kept for a disease when
        # a study of that disease in Tables 1–3 used it. Only read when the
        # run selects diseases, so the canonical table depends on Table 4 alone.
        codes = study_codes()
        pairs = (
            codes.assign(tissue=codes["tissue"].str.split("+"))
            .explode("tissue")
            .dropna(subset=["tissue", "disease_code"])
        )
        used = pairs.groupby("tissue")["disease_code"].agg(lambda c: "+".join(sorted(set(c))))
        out["disease_code"] = out["tissue"].map(used)
    return out


def sources_by_disease(printed: pd.DataFrame) -> str:
    """What Table 4's ``diseases`` parameter keeps, per disease, from the rows Table 4 prints.

    Table 4 has no disease column; a run that selects diseases keeps the rows of the tissue sources that
    studies of those diseases in Tables 1-3 use, each row as printed (:func:`_derived`). The sentence lists,
    for every disease code, the sources it keeps, in Table 4's printed order and by name, since "AD" is a
    disease in Tables 1-3 and a tissue here (third reading, table4 3.5).

    Parameters
    ----------
    printed : pandas.DataFrame
        Table 4's printed rows (``source``).
    """
    kept = _derived("tissue_sources", printed, None, by_disease=True)
    parts = []
    for code, name in DISEASE_CODES.items():
        if kept.empty:  # a selection that keeps no row (diseases WEAK): the derived frame has no columns to read
            parts.append(f"{code} ({name}) keeps no row")
            continue
        rows = kept[kept["disease_code"].fillna("").str.split("+").map(lambda c, code=code: code in c)]
        names = ", ".join(TISSUE_CODES.get(t, t).lower() for t in rows["tissue"]) or "no row"
        parts.append(f"{code} ({name}) keeps {names}{_undescribed(code, set(printed['source']), bool(len(rows)))}")
    return (
        "Table 4 has no disease column, so the `diseases` parameter keeps the rows of the tissue sources that "
        "studies of those diseases in Tables 1-3 use, each row as printed: " + "; ".join(parts) + "."
    )


def _undescribed(disease: str, described: set[str], kept_any: bool) -> str:
    """' (its only study uses amniotic membrane, which Table 4 does not describe)': the studies of a disease in
    Tables 1-3 whose source no Table 4 row describes, which a disease run silently leaves out (table4 fifth
    reading 5.1); '' when none."""
    codes = study_codes()
    of = codes[codes["disease_code"].fillna("").str.split("+").map(lambda c: disease in c)]
    lost: dict[str, int] = {}
    for tissue in of["tissue"].dropna().astype(str):
        for t in sorted(set(tissue.split("+")) - described):
            lost[t] = lost.get(t, 0) + 1
    if not lost:
        return ""
    named = " and ".join(
        f"{plural(k, 'study', 'studies')} using {TISSUE_CODES.get(t, t).lower()}" for t, k in lost.items()
    )
    if not kept_any and sum(lost.values()) == len(of):
        return (
            f" ({agree(len(of), 'its only study uses', 'its studies use')} "
            + " and ".join(TISSUE_CODES.get(t, t).lower() for t in lost)
            + ", which Table 4 does not describe)"
        )
    return f" (not the {named}, {agree(len(lost), 'a source', 'sources')} Table 4 does not describe)"


def load_table(run: Selecting) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the run's selected printed rows and their derived fields.

    Returns
    -------
    printed, derived : pandas.DataFrame
        Same index; ``printed`` keeps the data columns exactly as loaded.
    """
    resource = run.exhibit.resource
    # Load only what this exhibit needs: the build reruns a notebook when a
    # file it read changes, so reading everything would make every edit
    # rerun every notebook.
    printed = curated.load(resource)
    abbreviations = curated.load("abbreviations") if resource != "tissue_sources" else None
    derived = _derived(resource, printed, abbreviations, by_disease=run.selected("diseases") is not None)
    keep = selected_rows(derived, run)
    return printed[keep].reset_index(drop=True), derived[keep].reset_index(drop=True)


def references(run: Selecting) -> pd.DataFrame:
    """The printed references, or those cited by the studies of the selected diseases.

    In the current edition the list also holds the added references, and an ``edition`` column after ``ref``
    says of each whether the review printed it or when and from where it was added
    (:func:`helpers.data.added.labels`).
    """
    refs = curated.load("references")
    if edition.current() == edition.CURRENT:
        refs.insert(1, "edition", added.labels("references", refs["ref"]).to_numpy())
    chosen = run.selected("diseases")
    if chosen is None:
        return refs
    codes = study_codes()
    cited = set(codes.loc[codes["disease_code"].isin(chosen), "ref"].dropna().astype(int))
    return refs[refs["ref"].isin(cited)].reset_index(drop=True)


#: The column a current-edition table leads with, saying of each row whether the review printed it.
EDITION_COLUMN = "Edition"


def published(printed: pd.DataFrame, resource: str) -> pd.DataFrame:
    """Lay printed rows out as the published table: its headers, its order.

    In the current edition the table leads with :data:`EDITION_COLUMN`, which says of every row whether the
    review printed it or, for a row of ``data/additions/``, when it was added and from which DOI or PMID
    (:func:`helpers.data.added.labels`), so an added study is never read as one the review printed. The
    printed edition has no such column (its bytes stay those of the published table).
    """
    fields = curated.resources()[resource]["schema"]["fields"]
    frame = printed.drop(columns="row").copy()
    if edition.current() == edition.CURRENT and resource in added.KEYS:
        frame.insert(0, EDITION_COLUMN, added.labels(resource, printed[added.KEYS[resource]]).to_numpy())
    if "ref" in frame:  # an added reference never reads as one of the review's: [added 84] (added.REF_WORD)
        new = added.added_refs()
        frame["ref"] = frame["ref"].map(lambda n: added.ref_shown(n, new))
    if "enrollment" in frame:
        frame["enrollment"] = frame["enrollment"].astype("Int64").astype(str)
    titles = {f["name"]: f["title"] for f in fields}
    return frame.rename(columns=titles).astype(str)


def legend(exhibit: str) -> str:
    """Regenerate the legend printed under an exhibit, in printed order.

    The abbreviation entries (``data/abbreviations.csv``, as "ABBR:
    definition") and the legend's other sentences (``data/legend_notes.csv``,
    such as Table 3's "Data obtained from ClinicalTrials.gov") share one
    sequence of positions; they are merged by position and joined with
    "; ", except after an entry whose transcription note says the print has
    no separator there (``POF: Premature ovarian failure AD: …``): the
    legend keeps the print's form, character for character. An exhibit with
    no printed legend gives "".

    Raises
    ------
    ValueError
        When an abbreviation entry and a note claim the same position.
    """
    abbreviations = curated.load("abbreviations")
    notes = curated.load("legend_notes")
    entries = abbreviations[abbreviations["legend"] == exhibit]
    sentences = notes[notes["legend"] == exhibit]
    # An entry the print runs into the next one, with no separator, is kept that way (its note says so).
    remarks = entries["note"] if "note" in entries else pd.Series("", index=entries.index)
    glued = {p for p, note in zip(entries["position"], remarks) if _NO_SEPARATOR_AFTER in str(note)}
    parts = [(p, f"{a}: {d}") for p, a, d in zip(entries["position"], entries["abbreviation"], entries["definition"])]
    parts += [(p, text) for p, text in zip(sentences["position"], sentences["text"])]
    positions = [p for p, _ in parts]
    if len(set(positions)) != len(positions):
        raise ValueError(f"legend {exhibit!r}: a position is used by both an abbreviation and a note")
    ordered = sorted(parts)
    text = ""
    for index, (position, part) in enumerate(ordered):
        text += part
        if index < len(ordered) - 1:
            text += " " if position in glued else "; "
    return text


# The transcription note of a legend entry printed with no separator before the next entry.
_NO_SEPARATOR_AFTER = "no separator before the next entry"


#: The Host species line of the studies with no animal treated: not a species, so it is named so and put last.
NO_HOST = "no animal (in vitro only)"


def _counts(values: pd.Series, name: str) -> pd.DataFrame:
    parts = values.fillna("not stated").astype(str).str.split("+").explode()
    counts = parts.value_counts().rename_axis(name).reset_index(name="studies")
    return counts.sort_values(["studies", name], ascending=[False, True], ignore_index=True)


def summary(printed: pd.DataFrame, derived: pd.DataFrame, resource: str) -> dict[str, pd.DataFrame]:
    """Counts computed from the selected rows, for the notebook's summary.

    In a current-edition run that shows added rows, each count table gets ``printed`` and ``added`` columns
    after ``studies``, so a copied count never passes an added study for one of the review's (table1 ed.
    reading 3).

    Returns
    -------
    dict of str to pandas.DataFrame
        By disease, MSC source and host species for the preclinical tables;
        by disease, source, phase, status and modality, plus enrollment by
        status (:func:`enrollment`), for Table 3; by source for Table 4.
    """
    out = _summary(printed, derived, resource)
    key = added.KEYS.get(resource, "")
    new = set(added.provenance(resource)["key"].astype(int)) if key else set()
    mask = printed[key].astype(int).isin(new).to_numpy() if new and len(printed) else None
    if mask is None or not mask.any():
        return out
    base = _summary(printed[~mask], derived[~mask], resource)
    for name, counts in out.items():
        if "studies" not in counts or name not in base or name.startswith("Enrollment"):
            continue
        label = counts.columns[0]
        before = dict(zip(base[name][label], base[name]["studies"]))
        counts["printed"] = [int(before.get(v, 0)) for v in counts[label]]
        counts["added"] = counts["studies"] - counts["printed"]
    return out


def _summary(printed: pd.DataFrame, derived: pd.DataFrame, resource: str) -> dict[str, pd.DataFrame]:
    """:func:`summary`'s counts over the given rows, whatever their edition."""
    out: dict[str, pd.DataFrame] = {}
    if "disease_code" in derived:
        labels = derived["disease_code"].map(lambda c: DISEASE_CODES.get(c, c) if pd.notna(c) else c)
        out["Disease"] = _counts(labels, "disease")
    # Spelled out: "AD" is adipose tissue here and Alzheimer's disease in the Disease counts.
    spelled = derived["tissue"].map(
        lambda t: "+".join(f"{TISSUE_CODES.get(c, c)} ({c})" for c in str(t).split("+")) if pd.notna(t) else t
    )
    if "host_species" in derived:
        out["MSC source"] = _counts(spelled, "tissue source")
        # A study with no animal treated has no host, whatever animal model it prints (co-culture with cells
        # taken from 5XFAD mice).
        in_vitro = derived["setting"].astype("string").fillna("") == "in vitro"
        hosts = _counts(derived["host_species"].mask(in_vitro.to_numpy()).fillna(NO_HOST), "host species")
        # not a species: last, whatever its count (table1 ed2 7.6)
        out["Host species"] = pd.concat(
            [hosts[hosts["host species"] != NO_HOST], hosts[hosts["host species"] == NO_HOST]], ignore_index=True
        )
    else:
        if resource == "clinical_trials":  # a tissue, not a cell code; an exosome row counts under its parent cells'
            out["MSC source"] = _counts(spelled, "tissue source (of the cells or their vesicles)")
        else:
            out["MSC source"] = _counts(derived["tissue"], "tissue source")
    if resource == "clinical_trials":
        out["Phase"] = _counts(derived["phase"].fillna("not a phase"), "phase")
        # A study that is not a registered trial counts apart under its status, as in the notice and the
        # enrollment table: "Completed" of the 6 trials is not the cohort study's (table3 ed2 7.2).
        kind = pd.Series(designs(printed), index=printed.index)
        status = printed["research_status"].where(
            kind == "registered trial", printed["research_status"] + " (" + kind + ", not a trial)"
        )
        out["Status"] = _counts(status, "research status")
        out["Modality"] = _counts(derived["modality"], "modality")
        out["Enrollment by design and status"] = enrollment(printed)
    return out


def designs(printed: pd.DataFrame) -> list[str]:
    """The study design of each printed Table 3 row (:func:`helpers.data.derive.registry.design`).

    A row that cites a reference instead of an NCT number is read with that
    reference's title, as the coded dataset does.
    """
    from helpers.data.derive.registry import design

    refs = curated.load("references")
    titles = {f"[{r}]": t for r, t in zip(refs["ref"].astype(int), refs["title"].astype(str))}
    return [
        design(p, n, titles.get(str(n).strip(), "")).value or "design not read"
        for p, n in zip(printed["phases"], printed["nct_number"])
    ]


def enrollment(printed: pd.DataFrame) -> pd.DataFrame:
    """Printed enrollment by study design and research status, never summed across designs.

    The review prints one Enrollment number per row and does not say whether
    it is actual or anticipated, so no line reads it as "took part" or
    "planned". The design (:func:`helpers.data.derive.registry.design`, from
    the Phases and NCT number cells) keeps the registered trials apart from a
    retrospective study listed among them.
    """
    meaning = "as printed; the review does not say whether actual or anticipated"
    frame = printed.assign(_design=designs(printed))
    rows = []
    for (kind, status), part in frame.groupby(["_design", "research_status"], sort=True):
        rows.append(
            {
                "design": kind,
                "research status": status,
                "studies": len(part),
                "enrollment as printed": int(part["enrollment"].sum()),
                "meaning": meaning,
            }
        )
    rows.append(
        {
            "design": "all rows",
            "research status": "all statuses",
            "studies": len(printed),
            "enrollment as printed": int(printed["enrollment"].sum()),
            "meaning": "a sum over designs and statuses as printed; not a count of treated patients",
        }
    )
    return pd.DataFrame(rows)


def transcription_notes(resource: str, printed: pd.DataFrame) -> tuple[str, ...]:
    """Our notes on the selected rows' printed cells (``data/transcription_notes.csv``), for under the table.

    Each reads ``Transcription note, row 3 [12], Animal model: …``, with the
    printed reference and column header.
    """
    return tuple(_Note(*n).text(printed, _titles(resource)) for n in _transcription(resource, printed))


#: The audit's severities, worst first (as :mod:`helpers.audit.registry` orders them; this layer sits below it).
_SEVERITY_ORDER = ("error", "warning", "check")


class _Note:
    """One note under a table before it is written: its kind, place, text and the audit findings it takes in.

    ``fields`` are the printed columns the note speaks about. A transcription
    note explains one printed token, so it takes in a finding on its cell
    whose subject (the token) it quotes; a setting note says what a printed
    animal model and follow-up mean for an in vitro row, so it takes in any
    finding on those cells. A finding it takes in says less than the note and
    is named in the note's label instead of getting a note of its own.
    """

    def __init__(self, kind: str, row: object, column: str, body: str, fields: tuple[str, ...] = ()):
        self.kind, self.row, self.column, self.body = kind, row, column, body
        self.fields = fields or ((column,) if column else ())
        self.rules: list[tuple[str, str]] = []  # (rule id, severity) folded in

    def takes(self, row: str, field: str, subject: str, rule: str = "") -> bool:
        """Whether a finding of ``rule`` at ``row``/``field`` about ``subject`` is what this note already says.

        A note that names the finding's rule ("(audit R3)") says it and more, whatever the subject.
        """
        if str(self.row) != row or field not in self.fields:
            return False
        if rule and f"(audit {rule})" in self.body:
            return True
        if not subject:
            return self.kind == "Setting"
        return re.search(rf"(?<![\w-]){re.escape(subject)}(?![\w-])", self.body) is not None

    def text(self, printed: pd.DataFrame, titles: dict[str, str]) -> str:
        folded = ""
        if self.rules:
            ids = ", ".join(dict.fromkeys(r for r, _ in self.rules))
            worst = min((sev for _, sev in self.rules), key=_SEVERITY_ORDER.index)
            folded = f" (audit {ids}, {worst})"
        where = row_label(printed, self.row) + (f", {titles.get(self.column, self.column)}" if self.column else "")
        return f"{self.kind} note{folded}, {where}: {self.body}"


def _titles(resource: str) -> dict[str, str]:
    return {f["name"]: f["title"] for f in curated.resources()[resource]["schema"]["fields"]}


def _transcription(resource: str, printed: pd.DataFrame) -> list[tuple]:
    notes = curated.load("transcription_notes")
    shown = set(printed["row"].astype(int))
    part = notes[(notes["table"] == resource) & notes["row"].astype(int).isin(shown)]
    return [("Transcription", r, column, note) for r, column, note in zip(part["row"], part["column"], part["note"])]


def row_label(printed: pd.DataFrame, row: object) -> str:
    """How a note names a printed row: ``row 9 [19]``, with the reference the row cites, so a reader finds it
    without counting rows; ``header`` for the column header."""
    if str(row) == "header":
        return "header"
    if "ref" not in printed:
        return f"row {row}"
    refs = dict(zip(printed["row"].astype(int), printed["ref"]))
    ref = refs.get(int(row))
    if ref is None or not pd.notna(ref) or not str(ref).strip():
        return f"row {row}"
    return f"row {row} {added.ref_shown(int(ref), added.added_refs())}"  # [added 84] for an added reference


def setting_notes(printed: pd.DataFrame, derived: pd.DataFrame) -> tuple[str, ...]:
    """Notes on in vitro rows of Tables 1-2 whose printed cells read like animal work.

    The printed columns are shared by animal and dish studies. Where a row
    prints no animal model or in vivo route (``setting`` ``in vitro``; the
    cited study may still have treated animals), a printed animal model only
    supplied cells, a Follow-up period is an incubation time and a dose is an
    amount or concentration in the dish; each such row gets one note naming
    the printed cells.
    """
    return tuple(n.text(printed, {}) for n in _setting(printed, derived))


def _setting(printed: pd.DataFrame, derived: pd.DataFrame) -> list[_Note]:
    if "setting" not in derived or "animal_model" not in printed:
        return []
    out = []
    for (_, cells), setting in zip(printed.iterrows(), derived["setting"]):
        if setting == "in vivo + in vitro" and cells.get("follow_up") and cells.get("in_vitro_model"):
            # One printed time for two arms: under "Follow-up period" it reads as the animals' (table2 4.3).
            body = (
                f"the row prints an animal model with an in vivo route and an in vitro model "
                f"('{cells['in_vitro_model']}') but one time ('{cells['follow_up']}'); whether it is the animals' "
                "follow-up or the culture's incubation is not reported in the review."
            )
            out.append(_Note("Setting", cells["row"], "", body))
            continue
        if setting != "in vitro":
            continue
        said, fields = [], []
        if cells["animal_model"]:
            fields.append("animal_model")
            said.append(
                f"the animals of the model printed ('{cells['animal_model']}') probably supplied the cells, "
                "which the review does not report"
            )
        # "reads as", not "is": W8 says only this much, and a row's effects or its cited title may speak of
        # animals (table2 and audit fifth reading 5.1/5.2); the note says what the cells read as, no more.
        read = []
        if cells["follow_up"]:
            fields.append("follow_up")
            read.append(f"'{cells['follow_up']}' reads as an incubation time in culture")
        dose = derive.split_route_dosage(cells["route_dosage"])[1]
        if dose:
            read.append(f"'{dose}' {'as' if read else 'reads as'} an amount or concentration in the dish")
        if read:
            said.append(" and ".join(read))
        if said:
            whether = "followed or dosed animals" if read else "treated animals"
            body = f"no treatment of animals is printed (in vitro only, route '{cells['route_dosage']}'); "
            tail = f"; whether the cited study also {whether} is not reported in the row."
            out.append(_Note("Setting", cells["row"], "", body + "; ".join(said) + tail, tuple(fields)))
    return out


def _point_to_animal_work(ours: list[_Note], audit: list[tuple[str, str]]) -> None:
    """End each in vitro setting note with a pointer to the notes on its row that speak of animal work: a
    transcription note that names animals, an audit W6 (effects that speak of animals on a row that prints none).

    ``audit`` holds (row, rule) of the audit notes written on their own. Without the pointer the setting note
    would read as if the row had nothing more to say about animals (table2 fifth reading 5.1).
    """
    for note in ours:
        if note.kind != "Setting" or "whether the cited study also" not in note.body:
            continue
        row = str(note.row)
        pointers = [
            "the transcription note"
            for other in ours
            if other.kind == "Transcription" and str(other.row) == row and "animals" in other.body
        ][:1] + [f"audit {rule}" for r, rule in audit if r == row and rule == "W6"]
        if pointers:
            see = " and ".join(pointers)
            note.body = note.body.rstrip(".") + f" (other notes on this row point to animal work: see {see})."


#: Audit rules whose findings are not repeated under a table. L1 tallies how an MSC label is spelled across the
#: article and names only the first row of each rarer spelling ("BMMSCs" on one row of Table 2, not on the six
#: others that print it so): a spelling is no error of fact about a row, so it stays in the audit exhibit only.
_NOT_UNDER_A_TABLE: frozenset[str] = frozenset({"L1"})


def audit_notes(findings: pd.DataFrame, exhibit: str, printed: pd.DataFrame, resource: str) -> tuple[str, ...]:
    """The audit's confirmed findings on the shown rows (and header) of a table, for under it.

    Parameters
    ----------
    findings : pandas.DataFrame
        The audit's findings with verdicts (:func:`helpers.audit.runner.frame`).
    exhibit : str
        ``table1``, ``table2``, … (the findings' ``table``).
    printed : pandas.DataFrame
        The rows shown.
    resource : str
        Their ``data/`` resource, for the printed column headers.

    Returns
    -------
    tuple of str
        ``Audit W2 (error), row 9 [19], Route Dosage/cells: …`` in the
        audit's order; a printed value is never changed, only described.
        Findings of several rules on one printed token (one row, column and
        subject: "MI" reported as undefined and as beside an unused entry)
        make one note, ``Audit A3, A8 (warning), …``, with the worst
        severity and the message whose evidence quotes most, which says what
        the others say.
    """
    new = set(added.provenance(resource)["key"].astype(int)) if resource in added.KEYS else set()
    return tuple(_audit_text(g, printed, _titles(resource)) for g in _audit_groups(findings, exhibit, printed, new))


def _audit_text(records: list[dict], printed: pd.DataFrame, titles: dict[str, str]) -> str:
    rules = ", ".join(dict.fromkeys(r["rule"].split(" ")[0] for r in records))
    severity = records[0]["severity"]  # the audit's order puts the worst first
    if records[0]["verdict"] != "confirmed":  # a finding on an added row, which nobody has judged yet
        severity += ", no verdict yet: added row"
    elif str(records[0].get("edition", "")).startswith(f"{added.PRINTED_LABEL};"):
        # a printed finding whose evidence the additions changed (the audit's edition cell; table1 ed2 7.2)
        severity += f"; {records[0]['edition'].removeprefix(added.PRINTED_LABEL + '; ')}"
    message = max(records, key=lambda r: len(r["evidence"]))["message"]
    first = records[0]
    return (
        f"Audit {rules} ({severity}), {row_label(printed, first['row'])}, "
        f"{titles.get(first['field'], first['field'])}: {message}"
    )


def _audit_groups(
    findings: pd.DataFrame, exhibit: str, printed: pd.DataFrame, new: set[int] = frozenset()
) -> list[list[dict]]:
    """The confirmed findings on the shown rows, one group per printed token (row, column and subject).

    A finding on an added row (``new``, current edition) has no verdict yet and is shown too, saying so, so an
    added row never stands in the table unflagged (table1 ed. reading 10).
    """
    shown = {str(int(r)) for r in printed["row"]} | {"header"}
    on_new = findings["row"].astype(str).isin({str(k) for k in new})
    part = findings[(findings["table"] == exhibit) & ((findings["verdict"] == "confirmed") | on_new)]
    part = part[part["row"].astype(str).isin(shown) & ~part["rule"].str.split(" ").str[0].isin(_NOT_UNDER_A_TABLE)]
    token = part["key"].str.split("|").str[4].fillna("")
    # A finding with no subject is its own group; findings sharing row, column and a subject are one slip.
    group = [
        (row, field, subject) if subject else (key,)
        for key, row, field, subject in zip(part["key"], part["row"].astype(str), part["field"], token)
    ]
    merged: dict[tuple, list[dict]] = {}
    for g, record, subject in zip(group, part.to_dict("records"), token):
        merged.setdefault(g, []).append({**record, "subject": subject})
    return list(merged.values())


def legend_audit_notes(findings: pd.DataFrame, exhibit: str) -> tuple[str, ...]:
    """The audit's confirmed findings on a table's legend (rule family A), for under the table.

    A legend finding is keyed ``abbreviations`` / ``<exhibit>:<entry>`` (Table 4's "AD: adipose" is entry 2,
    against the article list's "AD: Alzheimer's disease"), so :func:`audit_notes`, which reads a table's rows,
    never sees it.

    Parameters
    ----------
    findings : pandas.DataFrame
        The audit's findings with verdicts (:func:`helpers.audit.runner.frame`).
    exhibit : str
        ``table1`` … ``table4``.

    Returns
    -------
    tuple of str
        ``Audit A1 (warning), legend entry 2: … (… quoted evidence)`` in the audit's order.
    """
    prefix = f"{exhibit}:"
    part = findings[
        (findings["table"] == "abbreviations")
        & findings["row"].astype(str).str.startswith(prefix)
        & (findings["verdict"] == "confirmed")
    ]
    return tuple(
        f"Audit {rule.split(' ')[0]} ({severity}), legend entry {str(row)[len(prefix) :]}: "
        f"{str(message).rstrip('.')} ({evidence})."
        for rule, severity, row, message, evidence in zip(
            part["rule"], part["severity"], part["row"], part["message"], part["evidence"]
        )
    )


def notes(printed: pd.DataFrame, derived: pd.DataFrame, resource: str, findings: pd.DataFrame) -> tuple[str, ...]:
    """Every note for under a table of Tables 1-3, in row order: on each row transcription, setting, audit notes.

    ``findings`` is the audit's frame with verdicts (:func:`helpers.audit.runner.frame`);
    the notebook passes it in, since this layer does not run the audit. Table 3
    has no setting notes (its rows are clinical studies), but its exports carry
    the same transcription and audit notes as Tables 1-2.
    """
    exhibit = {"msc_studies": "table1", "exosome_studies": "table2", "clinical_trials": "table3"}.get(
        resource, resource
    )
    titles = _titles(resource)
    ours = [_Note(*n) for n in _transcription(resource, printed)] + _setting(printed, derived)
    audit, alone = [], []
    new = set(added.provenance(resource)["key"].astype(int)) if resource in added.KEYS else set()
    for records in _audit_groups(findings, exhibit, printed, new):
        first = records[0]
        rule = first["rule"].split(" ")[0]
        home = next((n for n in ours if n.takes(str(first["row"]), first["field"], first["subject"], rule)), None)
        if home is None:
            audit.append(_audit_text(records, printed, titles))
            alone += [(str(r["row"]), r["rule"].split(" ")[0]) for r in records]
        else:  # the note already says what the finding says: one note, which names the finding's rules
            home.rules += [(r["rule"].split(" ")[0], r["severity"]) for r in records]
    _point_to_animal_work(ours, alone)
    every = tuple(n.text(printed, titles) for n in ours) + tuple(audit) + added_notes(printed, resource, findings)
    # A reader looks a row up once: the header's notes first, then row by row (stable, so on one row the
    # transcription note comes before the setting and audit notes).
    return edition_lead(printed, resource) + merged_rows(tuple(sorted(every, key=noted_row)))


def edition_lead(printed: pd.DataFrame | None = None, resource: str = "") -> tuple[str, ...]:
    """The current edition's sentences heading the notes; () in the printed edition.

    What the edition adds (:func:`helpers.data.curated.edition_note`), then how many of the rows shown are the
    review's, so the Markdown, LaTeX and Excel files of Table 2 or 3 say that none of the additions is theirs
    (table2 ed. reading 1).
    """
    if edition.current() != edition.CURRENT:
        return ()
    lead = curated.edition_note()
    if printed is None or resource not in added.KEYS:
        return (lead,)
    new = set(added.provenance(resource)["key"].astype(int)) & set(printed[added.KEYS[resource]].astype(int))
    where = {"msc_studies": "Table 1", "exosome_studies": "Table 2", "clinical_trials": "Table 3"}.get(resource, "")
    n = len(printed)
    if not new:
        return (f"{lead} None of them is in {where}: all {n} rows shown are printed in the review.",)
    rows = ", ".join(str(k) for k in sorted(new))
    cited = (
        f"an added row's Ref. reads [{added.REF_WORD} N], reference N of data/additions/references.csv, which "
        "numbers its references on from the review's list but is not part of it."
        if "ref" in printed
        # Table 3 has no Ref. column: an added trial's source is in its Edition cell (table3 ed2 7.1)
        else "an added trial's source (its DOI or PMID) is named in its Edition cell, and its NCT number is its "
        "curator's, not the review's."
    )
    return (
        f"{lead} Of the {n} rows shown, {n - len(new)} are printed in the review and {len(new)} "
        f"({agree(len(new), 'row', 'rows')} {rows}) {agree(len(new), 'was', 'were')} added since; " + cited,
    )


def added_notes(printed: pd.DataFrame, resource: str, findings: pd.DataFrame | None = None) -> tuple[str, ...]:
    """One note per added row shown (current edition): not printed, when added, by whom, from which source.

    ``Added row, row 29 [84]: not printed in the review; added 2026-01-01 by … from DOI …; its cells were coded
    from that source, with a quote for each in data/additions/msc_studies.csv.`` It counts the audit's findings
    on the row (``findings``, the audit's frame; table1 ed2 7.4) and names a printed row of the same design
    (:mod:`helpers.data.duplicates`; table1 ed2 7.3).
    """
    shown = set(printed[added.KEYS.get(resource, "row")].astype(int)) if len(printed) else set()
    twins = duplicates.matches(resource)
    out = []
    for record in added.provenance(resource).to_dict("records"):
        if record["key"] not in shown:
            continue
        named = added.source(record["doi"], record["pmid"])
        same = [
            duplicates.sentence(resource, k, p, row_label(printed, p) if p in shown else "")
            for k, p in twins
            if k == record["key"]
        ]
        out.append(
            f"Added row, {row_label(printed, record['key'])}: not printed in the review; added {record['date_added']} "
            f"by {record['added_by']}" + (f" from {named} (not looked up)" if named else "") + "; its cells were "
            f"coded from that source by one curator, with a quote for each in data/additions/{resource}.csv, and "
            f"no second reader has read them; {_findings_on(findings, resource, record['key'])}."
            + "".join(f" Audit: {s[0].upper()}{s[1:]}." for s in same)
            + (
                f" The legend's source note is the review's, for its printed rows: this trial's cells, its status "
                f"included, come from the source named, as of {record['date_added']}."
                if resource == "clinical_trials"
                else ""
            )
        )
    return tuple(out)


def _findings_on(findings: pd.DataFrame | None, resource: str, key: int) -> str:
    """``the audit reports 0 findings on it (any would have no verdict yet)``, or how many, with no verdict yet."""
    if findings is None:
        return "any finding of the audit on it has no verdict yet"
    exhibit = {"msc_studies": "table1", "exosome_studies": "table2", "clinical_trials": "table3"}.get(resource, "")
    n = int(((findings["table"] == exhibit) & (findings["row"].astype(str) == str(key))).sum())
    if not n:
        return "the audit reports 0 findings on it (any would have no verdict yet)"
    return f"the audit reports {plural(n, 'finding')} on it, with no verdict yet (the audit notes on this row)"


#: A note's label split at its row: ``Audit X1 (warning), `` | ``row 2`` | ``, NCT number: …``.
_ROW_IN_NOTE = re.compile(r"^(?P<head>.*?, )(?P<row>row \d+(?: \[(?:added )?\d+\])?)(?P<tail>(?:,|:) .*)$", re.S)


def merged_rows(notes: tuple[str, ...]) -> tuple[str, ...]:
    """Notes that say the same of consecutive printed rows, made one note naming the rows (``rows 2 and 3``) in
    the place of the first; each point is made once (table2 fourth reading 4.5, table3 4.4). Rows further
    apart keep a note each, so that a reader who looks a row up finds its note there."""
    groups: dict[tuple[str, str, int], list[str]] = {}
    order: list[tuple[str, str, int] | str] = []
    last: dict[tuple[str, str], tuple[str, str, int]] = {}  # the open group of each note text
    for note in notes:
        found = _ROW_IN_NOTE.match(note)
        if found is None:
            order.append(note)
            continue
        text, label = (found["head"], found["tail"]), found["row"].removeprefix("row ")
        number = int(label.split(" ")[0])
        key = last.get(text)
        if key is None or int(groups[key][-1].split(" ")[0]) != number - 1:
            key = (*text, number)
            last[text] = key
            order.append(key)
            groups[key] = []
        groups[key].append(label)
    out = []
    for key in order:
        if isinstance(key, str):
            out.append(key)
            continue
        rows = groups[key]
        label = agree(len(rows), "row ", "rows ") + series(rows)
        out.append(key[0] + label + key[1])
    return tuple(out)


def note_rows(note: str) -> tuple[int, ...]:
    """The printed rows a note names: ``…, rows 21 [74] and 22 [75], Ref.: …`` gives (21, 22); () for the header."""
    named = re.search(r", rows? ((?:\d+(?: \[\d+\])?(?:, | and )?)+)", note)
    if named is None:
        return ()
    return tuple(int(n) for n in re.findall(r"(?<!\[)\b(\d+)\b(?!\])", named[1]))


def noted_row(note: str) -> int:
    """The printed row a note names (``Audit W2 (error), row 9 [19], …`` gives 9; the header 0), as
    :func:`row_label` writes it; the first ", row N" or ", header" counts, since a note's label may itself
    hold a comma ("Transcription note (audit A7, check), row 16 [29]")."""
    named = re.search(r", (?:rows? (\d+)\b|header\b)", note)
    return int(named[1]) if named and named[1] else 0


def caption(run: Selecting) -> str:
    """The table's title, followed by the selection when the run is not the canonical one."""
    return f"{run.exhibit.title} ({run.selection})" if run.selection else run.exhibit.title
