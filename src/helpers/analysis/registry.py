"""Table 3 beside a ClinicalTrials.gov snapshot: the printed values, the registry's, and each comparison.

Works on :func:`helpers.data.coded.trials` (the printed rows and their codes)
and a snapshot read by :func:`helpers.data.snapshots.read`. Nothing is
filled in: with no snapshot the registry columns stay empty and every flag
says ``not compared: no snapshot yet``; a row that is no registered trial
(row 17, a retrospective cohort from ref 39), or a trial the snapshot could
not read, says why it is not compared.

The comparison rules (each flag is ``differs``, ``same``, ``not comparable: <why>``
or ``not compared: <why>``, never blank):

- status: a printed word is compared only where its registry ``overallStatus``
  is certain (:data:`STATUS_ENUM`). ``Pause`` is no registry status, and the
  printed lowercase ``unknown`` may be the registry's "Unknown status" or the
  authors' own word (the legend does not say), so both are ``not comparable``;
- phase: the coded phase (the printed ``1/ 2`` read as ``1/2``) against the
  registry's ``phases`` written the same way (``PHASE1`` + ``PHASE2`` as ``1/2``,
  ``EARLY_PHASE1`` as ``early 1``, ``NA`` as ``not applicable``, both differing
  from a printed ``1``);
- enrollment number: the printed number against the registry's count;
- enrollment type, reported apart: the review does not say whether a printed
  number is estimated or actual. The registry keeps an estimated count while a
  trial has not finished recruiting, so for a row printed as ``Recruiting`` or
  ``Not yet recruiting`` the printed number was an estimate, and a registry
  type ACTUAL reads ``estimated -> actual`` (expected as a trial closes, not an
  error in the review); for other rows the printed type is not known;
- results: never compared. What the review prints (its Results cell) and
  whether the registry has a results section (``hasResults``) are two
  different things, shown in two columns.
"""

from __future__ import annotations

import pandas as pd

from helpers.data import coded, curated, snapshots

__all__ = [
    "COLUMNS",
    "FLAGS",
    "STATUS_ENUM",
    "NO_COUNTERPART",
    "READ",
    "ABSENT",
    "FAILED",
    "NO_SNAPSHOT",
    "registry_phase",
    "status_flag",
    "enrollment_type_flag",
    "compare",
    "load",
]

#: The comparison's columns, in order: printed values, the snapshot's, and the flags.
COLUMNS = (
    "row",
    "nct_id",
    "design",
    "printed_status",
    "registry_status",
    "status_changed",
    "printed_phase",
    "coded_phase",
    "registry_phase",
    "phase_changed",
    "printed_enrollment",
    "printed_enrollment_type",
    "registry_enrollment",
    "enrollment_type",
    "enrollment_number_changed",
    "enrollment_type_changed",
    "results_cell",
    "results_printed",
    "registry_results_posted",
    "status_verified",
    "start_date",
    "completion_date",
    "last_update_posted",
    "snapshot",
    "registry_answer",
    "note",
)
#: The flag columns: each holds differs / same / not comparable: ... / not compared: ... (never blank).
FLAGS = ("status_changed", "phase_changed", "enrollment_number_changed", "enrollment_type_changed")
#: Printed status words whose registry ``overallStatus`` is certain (the project's reading, not the print's).
STATUS_ENUM = {"Completed": "COMPLETED", "Recruiting": "RECRUITING", "Not yet recruiting": "NOT_YET_RECRUITING"}
#: Printed status words with no certain registry counterpart, and why.
NO_COUNTERPART = {
    "Pause": "'Pause' is not a registry status (the nearest, SUSPENDED, is not certain)",
    "unknown": "printed 'unknown' is not defined in the review (the registry's 'Unknown status' or the authors' word)",
}
#: What the snapshot holds for a registered trial (``registry_answer``); empty with no snapshot.
READ, ABSENT, FAILED = "read", "not in this snapshot", "no usable answer"
NO_SNAPSHOT = "not compared: no snapshot yet"
_NOT_TRIAL = "not compared: not a registered trial"
_TYPE_UNKNOWN = "not reported in the review"
_RECRUITING = ("Recruiting", "Not yet recruiting")


def registry_phase(phases: object) -> str:
    """The registry's ``phases`` written as Table 3 writes a phase: ``["PHASE1", "PHASE2"]`` -> ``1/2``.

    ``EARLY_PHASE1`` stays ``early 1`` and ``NA`` becomes ``not applicable``; an
    absent list gives "".
    """
    if not isinstance(phases, list) or not phases:
        return ""
    words = {"NA": "not applicable", "EARLY_PHASE1": "early 1"}
    return "/".join(words.get(p, str(p).removeprefix("PHASE")) for p in phases)


def _differs(printed: str, registry: str) -> str:
    if not registry:
        return "not compared: registry field empty"
    return "differs" if printed != registry else "same"


def status_flag(printed: str, registry: str) -> str:
    """``printed`` status against the registry's ``overallStatus`` (:data:`STATUS_ENUM`, :data:`NO_COUNTERPART`)."""
    if printed not in STATUS_ENUM:
        return f"not comparable: {NO_COUNTERPART.get(printed, 'no registry counterpart')}"
    return _differs(STATUS_ENUM[printed], registry)


def enrollment_type_flag(printed_status: str, registry_type: str) -> str:
    """Whether the enrollment type moved from estimated to actual since the print (see the module's rules)."""
    if printed_status not in _RECRUITING:
        return f"not comparable: printed type {_TYPE_UNKNOWN}"
    if not registry_type:
        return "not compared: registry field empty"
    return "estimated -> actual" if registry_type == "ACTUAL" else "same (estimated)"


def _date(found: dict, key: str) -> str:
    value = found.get(key)
    return str((value.get("date") if isinstance(value, dict) else value) or "")


def _printed(trial: pd.Series, twins: dict[int, list[int]]) -> dict:
    """The printed side of one row, with the notes its printed cells call for."""
    row = int(trial["row"])
    out = {
        "row": row,
        "nct_id": "" if pd.isna(trial["nct_id"]) else str(trial["nct_id"]),
        "design": str(trial["design"]),
        "printed_status": str(trial["status"]),
        "printed_phase": str(trial["phases_printed"]),
        "coded_phase": "" if pd.isna(trial["phase"]) else str(trial["phase"]),
        "printed_enrollment": "" if pd.isna(trial["enrollment"]) else str(int(trial["enrollment"])),
        "printed_enrollment_type": _TYPE_UNKNOWN,
        "results_cell": str(trial["results_cell"]),
        "results_printed": "yes" if bool(trial["results_printed"]) else "no",
    }
    notes = []
    if not out["coded_phase"]:
        notes.append(f"phase: {trial['phase_missing']}")
    if twins.get(row):
        rows = ", ".join(str(r) for r in twins[row])
        notes.append(f"Results cell identical to row {rows}'s; not checked against the registry")
    # Our transcription note on the Results cell (e.g. rows 8 and 11: the text reports a result the cell does not).
    transcribed = "" if pd.isna(trial["transcription_notes"]) else str(trial["transcription_notes"])
    if "Results: " in transcribed:
        notes.append("Results cell: " + transcribed.split("Results: ", 1)[1].split(" | ")[0])
    out["note"] = notes
    return out


def _registry(found: dict) -> dict:
    """The registry side of one read answer."""
    enrollment = found.get("enrollment") or {}
    count, posted = enrollment.get("count"), found.get("has_results")
    return {
        "registry_status": str(found.get("overall_status") or ""),
        "registry_phase": registry_phase(found.get("phases")),
        "registry_enrollment": "" if count is None else str(count),
        "enrollment_type": str(enrollment.get("type") or ""),
        "registry_results_posted": "" if posted is None else ("yes" if posted else "no"),
        "status_verified": _date(found, "status_verified"),
        "start_date": _date(found, "start_date"),
        "completion_date": _date(found, "completion_date"),
        "last_update_posted": _date(found, "last_update_posted"),
    }


def _row(trial: pd.Series, day: str | None, answers: dict, twins: dict[int, list[int]]) -> dict:
    """One Table 3 row beside its snapshot entry; every flag says what was compared or why not."""
    out = _printed(trial, twins)
    notes = out.pop("note")
    out |= {c: "" for c in COLUMNS if c not in out}
    nct, why = out["nct_id"], NO_SNAPSHOT
    found = answers.get(nct) if nct and day else None
    if out["design"] != "registered trial":
        why = _NOT_TRIAL
        notes.insert(
            0,
            f"a {out['design']} (no NCT id printed: {trial['nct_id_missing']}), not a registered trial: its status, "
            "phase cell and enrollment are the review's entries, not registry fields; not looked up in "
            "ClinicalTrials.gov, and whether it is registered elsewhere is not reported in the review",
        )
    elif day is not None:
        out["snapshot"] = day
        out["registry_answer"] = ABSENT if found is None else FAILED if "error" in found else READ
        why = f"not compared: {out['registry_answer']}"
        if found is not None and "error" in found:
            notes.append(f"the fetch recorded: {found['error']}")
        if found is not None and found.get("alias_of"):
            notes.append(f"the registry answers for {nct} with {found['alias_of']}")
    if out["registry_answer"] != READ:
        out |= {flag: why for flag in FLAGS}
        out["note"] = "; ".join(notes)
        return out
    out |= _registry(found)
    out["status_changed"] = status_flag(out["printed_status"], out["registry_status"])
    out["phase_changed"] = _differs(out["coded_phase"], out["registry_phase"])
    out["enrollment_number_changed"] = _differs(out["printed_enrollment"], out["registry_enrollment"])
    out["enrollment_type_changed"] = enrollment_type_flag(out["printed_status"], out["enrollment_type"])
    out["note"] = "; ".join(notes)
    return out


def _twins(trials: pd.DataFrame) -> dict[int, list[int]]:
    """Rows whose printed Results cell (other than 'No results published') is word for word another row's."""
    printed = trials[trials["results_printed"].astype(bool)]
    groups = printed.groupby("results_cell")["row"].apply(lambda r: sorted(int(x) for x in r))
    return {r: [o for o in rows if o != r] for rows in groups if len(rows) > 1 for r in rows}


def compare(trials: pd.DataFrame, snapshot: dict | None) -> pd.DataFrame:
    """Every Table 3 row, printed values beside the snapshot's, each flag stating what it compared.

    Parameters
    ----------
    trials : pandas.DataFrame
        The coded trials (:func:`helpers.data.coded.trials`) with the printed
        Phases cell (``phases_printed``) and Results cell (``results_cell``).
    snapshot : dict or None
        :func:`helpers.data.snapshots.read`'s answer, or None when no snapshot
        exists: every registry cell is then empty and every flag says so.

    Returns
    -------
    pandas.DataFrame
        One row per Table 3 row, in printed order, :data:`COLUMNS`, all text.
    """
    day = snapshot["fetched"] if snapshot else None
    answers = snapshot["trials"] if snapshot else {}
    twins = _twins(trials)
    rows = [_row(t, day, answers, twins) for _, t in trials.sort_values("row").iterrows()]
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(str)


def load(snapshot: str = snapshots.LATEST) -> tuple[pd.DataFrame, str | None]:
    """The comparison for the ``snapshot`` parameter, and the snapshot's day (None when none exists)."""
    day = snapshots.choose(snapshot)
    printed = curated.load("clinical_trials")[["row", "phases", "results"]]
    printed = printed.rename(columns={"phases": "phases_printed", "results": "results_cell"})
    trials = coded.trials().merge(printed, on="row", how="left", validate="one_to_one")
    return compare(trials, snapshots.read(day) if day else None), day
