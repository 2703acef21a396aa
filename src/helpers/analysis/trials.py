"""Clinical studies listed in Table 3: what each is, how far it got, and its printed enrollment.

Works on :func:`helpers.data.coded.trials`. Table 3 is headed "clinical
trials", but its rows are not all trials: the ``design`` column of the coded
dataset (derived by :func:`helpers.data.derive.registry.design`) says which
rows are registered trials and which is a retrospective study, and the
landscape keeps the two apart. Enrollment is printed as one number per row;
the review does not say whether a number is actual or anticipated, so it is
shown as printed and never read as "took part" or "planned".
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.core.vocab import DISEASE_CODES
from helpers.data import curated
from helpers.data.derive.registry import REGISTERED_TRIAL

__all__ = [
    "landscape",
    "by_status",
    "clinical_elsewhere",
    "title_other_disease",
    "wider_term_titles",
    "WIDER_TERMS",
    "enrollment_meaning",
    "OPEN_STATUSES",
    "wider_purpose",
    "PHASES",
    "NOT_A_TRIAL",
    "STATUS_ORDER",
    "ENROLLMENT_MEANING",
    "LIMITATION_SHOWN",
    "RESULTS_SHOWN",
    "TEXT_REPORTS_OUTCOME",
    "results_elsewhere",
    "results_shown",
]

#: How a row's Results cell is shown: Table 3 prints an outcome, or "No results published" (fourth reading 4.3).
RESULTS_SHOWN = {True: "outcome printed", False: "'No results published'"}
#: A Results cell that prints words other than "No results published" but only a limit of the study, no outcome
#: (row 9, "Conclusions limited by small sample size"): it is not counted as a printed outcome.
LIMITATION_SHOWN = "limitation printed, no outcome"
#: The footnote of a row printed "No results published" whose outcome the review's text reports (rows 8, 11).
TEXT_REPORTS_OUTCOME = "yet the review's text reports an outcome for this trial"
_LIMITATION_RE = re.compile(r"\blimited by\b|\blimitation", re.IGNORECASE)


def results_shown(cell: object, printed: bool) -> str:
    """How the figure shows one Results cell: an outcome, only a limitation, or "No results published".

    >>> results_shown("Conclusions limited by small sample size", True)
    'limitation printed, no outcome'
    >>> results_shown("Improvement in cognitive functioning", True)
    'outcome printed'
    """
    if printed and _LIMITATION_RE.search(str(cell)):
        return LIMITATION_SHOWN
    return RESULTS_SHOWN[bool(printed)]


def results_elsewhere(trials: pd.DataFrame, references: pd.DataFrame | None = None) -> dict[int, str]:
    """For each row that prints an outcome or limitation: where the review says the results appeared.

    A row without a registry number is its cited study (row 17, ref. [39]); a reference whose entry names the
    row's NCT number is the trial's publication (row 12, ref. [64]); otherwise the review cites none (fourth
    reading 4.2). Returns ``row -> "ref. [n] ..."`` for the rows with a source only.
    """
    references = curated.load("references") if references is None else references
    entries = {int(r): " ".join(str(v) for v in row) for r, row in zip(references["ref"], references.values)}
    out: dict[int, str] = {}
    for t in trials.itertuples(index=False):
        if pd.isna(t.results_printed) or not bool(t.results_printed):  # a flag not read is no printed result
            continue
        if pd.isna(t.nct_id) and pd.notna(t.ref):
            out[int(t.row)] = f"ref. [{int(t.ref)}], the study the row cites"  # Table 3 prints the reference
        elif pd.notna(t.nct_id):
            named = [r for r, text in entries.items() if str(t.nct_id) in text]
            if named:
                out[int(t.row)] = f"ref. [{named[0]}], whose entry names {t.nct_id}"
    return out


#: The column of a row that is not a trial (no phase, no registry number).
NOT_A_TRIAL = "not a trial"
#: Phase columns, left to right; a row that is not a trial is shown in its own column, not dropped.
PHASES = ("1", "1/2", "2", NOT_A_TRIAL)
#: Statuses from settled to open.
STATUS_ORDER = ("Completed", "Recruiting", "Not yet recruiting", "Pause", "unknown")
#: What a printed enrollment number is, in the review's own terms.
ENROLLMENT_MEANING = "as printed; the review does not say whether actual or anticipated"
#: Statuses under which nobody has finished enrolling, so a printed enrollment can only be a target.
OPEN_STATUSES = ("Recruiting", "Not yet recruiting")
#: What a printed enrollment is under :data:`OPEN_STATUSES` (fifth reading, trials 5.2).
ENROLLMENT_TARGET = "a target by the printed status (not yet or still enrolling)"


def enrollment_meaning(status: str) -> str:
    """What a printed enrollment number is for a row of this printed status.

    >>> enrollment_meaning("Recruiting")
    'a target by the printed status (not yet or still enrolling)'
    >>> enrollment_meaning("Completed")
    'as printed; the review does not say whether actual or anticipated'
    """
    return ENROLLMENT_TARGET if status in OPEN_STATUSES else ENROLLMENT_MEANING


#: A purpose that covers more than the disease the row is filed under.
_SEVERAL_RE = re.compile(r"\b(?:multiple|several|various)\b", re.IGNORECASE)


def _phase(value: object, design: object) -> str:
    # a design not read is missing (pd.NA), whose comparison with a string is itself missing, not False
    if pd.isna(design) or design != REGISTERED_TRIAL or pd.isna(value):
        return NOT_A_TRIAL
    return str(value).replace(" ", "")


def _route(printed: str) -> str:
    """The printed migration method; "NA" with what the table's legend defines it as."""
    cell = printed.strip()
    return "NA (printed; legend: Not Applicable)" if cell == "NA" else cell


#: A wider term a cited title may use for a disease Table 3 files a row under: arteriosclerosis (hardening of the
#: arteries) includes atherosclerosis, so such a title does not name another disease (fifth reading, trials 5.3,
#: gapmap 5.1).
WIDER_TERMS = {"atherosclerosis": "arteriosclerosis"}


def title_other_disease(printed: pd.DataFrame | None = None) -> dict[int, str]:
    """Rows that cite a reference instead of a registry number, whose cited title does not name their disease.

    Table 3 files such a row under a disease code; the note quotes the title so a reader sees what the
    cited study names. A title that names only a wider term of :data:`WIDER_TERMS` ("arteriosclerosis" for a
    row filed under AS, atherosclerosis) is said to name that wider term, not another disease. The trials
    exhibit footnotes these rows and the gap map marks their diamond.

    Returns
    -------
    dict
        ``row -> note`` quoting the cited title.
    """
    printed = curated.load("clinical_trials") if printed is None else printed
    cells = printed.set_index(printed["row"].astype(int))
    titles = curated.load("references").set_index("ref")["title"]
    out = {}
    for row, cell in cells["nct_number"].astype(str).items():
        cited = re.fullmatch(r"\[(\d+)\]", cell.strip())
        if not cited or int(cited.group(1)) not in titles.index:
            continue
        code = str(cells.at[row, "disease_type"]).strip()
        name = DISEASE_CODES.get(code, code)
        title = str(titles[int(cited.group(1))])
        if name.lower() in title.lower():
            continue
        wider = WIDER_TERMS.get(name.lower(), "")
        says = (
            f"names {wider}, the wider term that includes {name.lower()}, not {name.lower()} itself"
            if wider and wider in title.lower()
            else f"does not name {name.lower()}"
        )
        out[int(row)] = (
            f"filed under {code} ({name}) by the review; the cited title (ref. [{cited.group(1)}]) {says}: '{title}'"
        )
    return out


def wider_term_titles(printed: pd.DataFrame | None = None) -> dict[int, str]:
    """The rows of :func:`title_other_disease` whose cited title names a wider term of the disease: ``row -> term``."""
    printed = curated.load("clinical_trials") if printed is None else printed
    cells = printed.set_index(printed["row"].astype(int))
    out = {}
    for row, note in title_other_disease(printed).items():
        name = DISEASE_CODES.get(str(cells.at[row, "disease_type"]).strip(), "").lower()
        if WIDER_TERMS.get(name) and f"names {WIDER_TERMS[name]}, the wider term" in note:
            out[row] = WIDER_TERMS[name]
    return out


def wider_purpose(printed: pd.DataFrame | None = None) -> dict[int, str]:
    """Rows of Table 3 whose printed Purpose covers several diseases ("multiple neurodegenerative diseases").

    Table 3 files each row under one disease; these rows' purpose reaches beyond it.

    Returns
    -------
    dict
        ``row -> purpose as printed``.
    """
    printed = curated.load("clinical_trials") if printed is None else printed
    purposes = dict(zip(printed["row"].astype(int), printed["purpose"].astype(str)))
    return {row: purpose for row, purpose in purposes.items() if _SEVERAL_RE.search(purpose)}


def _notes(rows: pd.Series, printed: pd.DataFrame) -> dict[int, list[str]]:
    """Notes a reader needs beside a row: identical Results text shared with another row, a wider purpose,
    a cited title that does not name the row's disease."""
    notes: dict[int, list[str]] = {int(r): [] for r in rows}
    cells = printed.set_index(printed["row"].astype(int))
    results = cells["results"].astype(str).str.strip()
    informative = results[~results.str.lower().str.startswith("no results")]
    for _, group in informative.groupby(informative):
        if len(group) > 1:
            for row in group.index:
                if row in notes:
                    others = ", ".join(f"row {o}" for o in group.index if o != row)
                    notes[row].append(
                        f"Results text word for word as in {others} of Table 3; not checked against the registry"
                    )
    for row, purpose in wider_purpose(printed).items():
        if row in notes:
            notes[row].append(
                f"filed under {cells.at[row, 'disease_type']}, but the purpose as printed reads '{purpose}'"
            )
    for row, note in title_other_disease(printed).items():
        if row in notes:
            notes[row].append(note)
    for row, cell in results.items():
        if row in notes and results_shown(cell, True) == LIMITATION_SHOWN:
            notes[row].append(f"the Results cell prints a limitation ('{cell}'), not an outcome")
    for row in _text_reports_results(printed):
        if row in notes:
            notes[row].append(
                f"Table 3 prints 'No results published', {TEXT_REPORTS_OUTCOME} "
                "(transcription note in tables/trials.csv)"
            )
    return notes


def _text_reports_results(printed: pd.DataFrame) -> list[int]:
    """Rows printed "No results published" whose Results cell has a transcription note: the review's text
    reports an outcome for the trial (rows 8 and 11, print line 121; trials fourth reading 4.1)."""
    notes = curated.load("transcription_notes")
    noted = notes[(notes["table"] == "clinical_trials") & (notes["column"] == "results")]["row"].astype(int)
    cells = dict(zip(printed["row"].astype(int), printed["results"].astype(str).str.strip()))
    return [int(r) for r in noted if cells.get(int(r), "").lower().startswith("no results")]


def landscape(trials: pd.DataFrame) -> pd.DataFrame:
    """One line per row of Table 3 with what the figure draws: registered trials first, then the rest.

    Within each design the order is by disease, then phase, then printed row.

    Returns
    -------
    pandas.DataFrame
        ``row, label, disease, design, phase, status, modality, route,
        enrollment, results, registered, identifier, note, results_in`` (``results_in``: where the review
        says a printed outcome appeared, :func:`results_elsewhere`; empty when it cites no publication).
    """
    printed = curated.load("clinical_trials")
    method = dict(zip(printed["row"].astype(int), printed["migration_method"].astype(str)))
    notes = _notes(trials["row"], printed)
    published = results_elsewhere(trials)
    frame = pd.DataFrame(
        {
            "row": trials["row"].astype(int),
            "disease": trials["disease_code"].map(lambda c: DISEASE_CODES.get(c, c)),
            "design": trials["design"].astype("string").fillna("design not read").astype(str),
            "phase": [_phase(p, d) for p, d in zip(trials["phase"], trials["design"])],
            "status": trials["status"].astype(str),
            "modality": trials["modality"].astype(str),
            "route": [_route(method.get(int(r), "")) for r in trials["row"]],
            "enrollment": trials["enrollment"].astype(int),
            "results": [
                results_shown(c, bool(r)) for c, r in zip(trials["results"], trials["results_printed"].fillna(False))
            ],
            "registered": trials["registered"].astype(bool),
            "identifier": [
                nct if pd.notna(nct) else f"ref. [{ref}], no registry number"
                for nct, ref in zip(trials["nct_id"], trials["ref"])
            ],
            "note": ["; ".join(notes[int(r)]) for r in trials["row"]],
            "results_in": [published.get(int(r), "") for r in trials["row"]],
        }
    )
    order = {d: i for i, d in enumerate(DISEASE_CODES.values())}
    frame = frame.assign(
        _t=(frame["design"] != REGISTERED_TRIAL).astype(int),
        _d=frame["disease"].map(order),
        _p=frame["phase"].map(PHASES.index),
    )
    frame = frame.sort_values(["_t", "_d", "_p", "row"], ignore_index=True).drop(columns=["_t", "_d", "_p"])
    frame.insert(1, "label", [f"{i}  ({d})" for i, d in zip(frame["identifier"], frame["disease"])])
    return frame


def by_status(lines: pd.DataFrame) -> pd.DataFrame:
    """Rows and printed enrollment per design and status, never summed across designs.

    Returns
    -------
    pandas.DataFrame
        ``design, status, studies, enrollment as printed, meaning``; one
        line per design and status present, registered trials first.
    """
    rows = []
    designs = sorted(set(lines["design"]), key=lambda d: (d != REGISTERED_TRIAL, d))
    for design in designs:
        part = lines[lines["design"] == design]
        statuses = [s for s in STATUS_ORDER if s in set(part["status"])] + sorted(
            set(part["status"]) - set(STATUS_ORDER)
        )
        for status in statuses:
            sub = part[part["status"] == status]
            rows.append(
                {
                    "design": design,
                    "status": status,
                    "studies": len(sub),
                    "enrollment as printed": int(sub["enrollment"].sum()),
                    "outcome printed": int((sub["results"] == RESULTS_SHOWN[True]).sum()),
                    "meaning": enrollment_meaning(status),
                }
            )
    columns = ["design", "status", "studies", "enrollment as printed", "outcome printed", "meaning"]
    return pd.DataFrame(rows, columns=columns)


def clinical_elsewhere(findings: pd.DataFrame | None, studies: pd.DataFrame) -> pd.DataFrame:
    """Rows of Tables 1-2 that may be clinical studies: the audit finds their cited title about patients.

    Table 3 does not list them, so the trial landscape does not draw them; its notice names them with the
    reviewed reason (``data/audit_review.csv``), which says what the review's own text reports.

    Parameters
    ----------
    findings : pandas.DataFrame or None
        The audit's findings with their reviewed verdicts and reasons (:func:`helpers.audit.runner.frame`).
    studies : pandas.DataFrame
        The coded preclinical studies (:func:`helpers.data.coded.studies`), for the reference numbers.

    Returns
    -------
    pandas.DataFrame
        ``table, row, ref, disease, reason``; rejected findings are left out.
    """
    columns = ["table", "row", "ref", "disease", "reason"]
    if findings is None or findings.empty:
        return pd.DataFrame(columns=columns)
    about = findings["evidence"].str.contains(r"\bpatients?\b", case=False, regex=True) & findings[
        "message"
    ].str.contains("patients", regex=False)
    part = findings[findings["rule"].str.startswith("R3") & about & (findings["verdict"] != "rejected")]
    keyed = studies.set_index([studies["table"].astype(str), studies["row"].astype(int)])
    rows = []
    for line in part.itertuples(index=False):
        key = (str(line.table), int(line.row))
        if key in keyed.index:
            study = keyed.loc[key]
            rows.append((key[0], key[1], int(study["ref"]), str(study["disease"]), str(line.reason)))
    return pd.DataFrame(rows, columns=columns)
