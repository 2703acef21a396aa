"""Table 3 beside a ClinicalTrials.gov snapshot: the printed values, the registry's, and each drift.

Works on :func:`helpers.data.coded.trials` (the printed rows and their codes)
and a snapshot read by :func:`helpers.data.snapshots.read`. Nothing is
filled in: with no snapshot the registry columns stay empty, and a row
without an NCT id, or a trial the snapshot could not read, says why.

A drift is flagged only where both sides state a value:

- status changed: the printed status, written as the registry writes its
  statuses (``Not yet recruiting`` as ``NOT_YET_RECRUITING``), differs from
  ``overallStatus``; the print's ``Pause`` is no registry status, so it
  differs from any;
- phase changed: the printed phase (``1/2``) differs from the registry's
  phases written the same way (``PHASE1``, ``PHASE2`` as ``1/2``);
- enrollment changed: the printed number differs from the registry's count
  (ACTUAL or ESTIMATED, shown beside it);
- results now posted: the registry has results posted while the print's
  Results column reports none.
"""

from __future__ import annotations

import pandas as pd

from helpers.data import coded, curated, snapshots

__all__ = [
    "COLUMNS",
    "READ",
    "ABSENT",
    "FAILED",
    "registry_status",
    "registry_phase",
    "compare",
    "snapshot_day",
    "load",
]

#: The comparison's columns, in order: printed values, the snapshot's, and the drift flags.
COLUMNS = (
    "row",
    "nct_id",
    "printed_status",
    "registry_status",
    "status_changed",
    "printed_phase",
    "registry_phase",
    "phase_changed",
    "printed_enrollment",
    "registry_enrollment",
    "enrollment_type",
    "enrollment_changed",
    "printed_results",
    "registry_results_posted",
    "results_now_posted",
    "last_update_posted",
    "snapshot",
    "registry_answer",
    "note",
)
#: What the snapshot holds for a row with an NCT id (``registry_answer``); empty with no snapshot.
READ, ABSENT, FAILED = "read", "not in this snapshot", "no usable answer"


def registry_status(printed: str) -> str:
    """A printed status written as the registry's ``overallStatus`` enum writes it (``Completed`` -> ``COMPLETED``)."""
    return "_".join(str(printed).split()).upper()


def registry_phase(phases: object) -> str:
    """The registry's ``phases`` written as Table 3 writes a phase: ``["PHASE1", "PHASE2"]`` -> ``1/2``.

    ``EARLY_PHASE1`` stays ``early 1`` and ``NA`` becomes ``not applicable``; an
    absent list gives "".
    """
    if not isinstance(phases, list) or not phases:
        return ""
    words = {"NA": "not applicable", "EARLY_PHASE1": "early 1"}
    return "/".join(words.get(p, str(p).removeprefix("PHASE")) for p in phases)


def _flag(changed: bool) -> str:
    return "yes" if changed else "no"


def _row(trial: pd.Series, day: str | None, answers: dict) -> dict:
    """One Table 3 row beside its snapshot entry (empty registry cells where there is none)."""
    nct = "" if pd.isna(trial["nct_id"]) else str(trial["nct_id"])
    out = {
        "row": int(trial["row"]),
        "nct_id": nct,
        "printed_status": str(trial["status"]),
        # The coded phase ("1/ 2" read as 1/2); a cell that is no phase (row 17) is shown as printed.
        "printed_phase": str(trial["phases_printed"]) if pd.isna(trial["phase"]) else str(trial["phase"]),
        "printed_enrollment": "" if pd.isna(trial["enrollment"]) else str(int(trial["enrollment"])),
        "printed_results": "yes" if bool(trial["results_printed"]) else "no",
    }
    out |= {c: "" for c in COLUMNS if c not in out}
    if not nct:
        out["note"] = f"no NCT id printed ({trial['nct_id_missing']}): not looked up in the registry"
        return out
    if day is None:
        out["note"] = "no registry snapshot"
        return out
    out["snapshot"] = day
    found = answers.get(nct)
    if found is None:
        out["registry_answer"] = ABSENT
        return out
    if "error" in found:
        out["registry_answer"], out["note"] = FAILED, f"the fetch recorded: {found['error']}"
        return out
    out["registry_answer"] = READ
    enrollment = found.get("enrollment") or {}
    count = enrollment.get("count")
    posted = found.get("has_results")
    out |= {
        "registry_status": str(found.get("overall_status") or ""),
        "registry_phase": registry_phase(found.get("phases")),
        "registry_enrollment": "" if count is None else str(count),
        "enrollment_type": str(enrollment.get("type") or ""),
        "registry_results_posted": "" if posted is None else ("yes" if posted else "no"),
        "last_update_posted": str((found.get("last_update_posted") or {}).get("date") or ""),
    }
    if out["registry_status"]:
        out["status_changed"] = _flag(registry_status(out["printed_status"]) != out["registry_status"])
    if out["registry_phase"] and not pd.isna(trial["phase"]):
        out["phase_changed"] = _flag(out["registry_phase"] != out["printed_phase"])
    if out["registry_enrollment"] and out["printed_enrollment"]:
        out["enrollment_changed"] = _flag(out["registry_enrollment"] != out["printed_enrollment"])
    if posted is not None:
        out["results_now_posted"] = _flag(bool(posted) and not bool(trial["results_printed"]))
    if found.get("alias_of"):
        out["note"] = f"the registry answers for {nct} with {found['alias_of']}"
    return out


def compare(trials: pd.DataFrame, snapshot: dict | None) -> pd.DataFrame:
    """Every Table 3 row, printed values beside the snapshot's, with each drift flagged ``yes``/``no``.

    Parameters
    ----------
    trials : pandas.DataFrame
        The coded trials (:func:`helpers.data.coded.trials`): ``row``,
        ``nct_id``, ``status``, ``phase``, ``enrollment``, ``results_printed``,
        with ``phases_printed`` (the printed Phases cell, shown where it is no phase).
    snapshot : dict or None
        :func:`helpers.data.snapshots.read`'s answer, or None when no snapshot
        exists: every registry cell and flag is then empty.

    Returns
    -------
    pandas.DataFrame
        One row per Table 3 row, in printed order, :data:`COLUMNS`, all text.
    """
    day = snapshot["fetched"] if snapshot else None
    answers = snapshot["trials"] if snapshot else {}
    rows = [_row(t, day, answers) for _, t in trials.sort_values("row").iterrows()]
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(str)


def snapshot_day(snapshot: str = snapshots.LATEST) -> str | None:
    """The day the ``snapshot`` parameter picks (:func:`helpers.data.snapshots.choose`)."""
    return snapshots.choose(snapshot)


def load(snapshot: str = snapshots.LATEST) -> tuple[pd.DataFrame, str | None]:
    """The comparison for the ``snapshot`` parameter, and the snapshot's day (None when none exists)."""
    day = snapshots.choose(snapshot)
    printed = curated.load("clinical_trials")[["row", "phases"]].rename(columns={"phases": "phases_printed"})
    trials = coded.trials().merge(printed, on="row", how="left", validate="one_to_one")
    return compare(trials, snapshots.read(day) if day else None), day
