"""The ``registry`` exhibit's table layout, data dictionary and computed sentences (Table 3 beside a snapshot)."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd

__all__ = ["HEADERS", "DICTIONARY", "published", "titled", "schema", "notice"]

#: Each column of :func:`helpers.analysis.registry.compare`: its published header and what it holds.
DICTIONARY = {
    "row": ("Row", "the project's number for a Table 3 row, in printed order (the print does not number its rows)"),
    "nct_id": ("NCT id (printed)", "the ClinicalTrials.gov number as printed; empty where the row prints none"),
    "design": ("Design (coded)", "registered trial, or what the row is instead (row 17: a retrospective cohort study)"),
    "printed_status": ("Status (printed)", "the Research status cell as printed"),
    "registry_status": ("Status (registry)", "the snapshot's overallStatus (API v2 enum)"),
    "status_changed": (
        "Status changed",
        "differs / same where the printed word has a certain registry counterpart (Completed, Recruiting, Not yet "
        "recruiting); 'not comparable' for Pause (no registry status) and for the printed lowercase 'unknown' (not "
        "defined in the review); 'not compared' when there is no snapshot, no registry answer or no registered trial",
    ),
    "printed_phase": ("Phase (printed)", "the Phases cell as printed (the print writes '1/ 2' in 8 rows, '1/2' in 1)"),
    "coded_phase": ("Phase (coded)", "the printed phase read as 1, 2 or 1/2; empty where the cell is no trial phase"),
    "registry_phase": (
        "Phase (registry)",
        "the snapshot's phases written as the coded phase: PHASE1+PHASE2 as 1/2, EARLY_PHASE1 as 'early 1', NA as "
        "'not applicable'",
    ),
    "phase_changed": ("Phase changed", "differs / same: coded phase against registry phase ('early 1' differs from 1)"),
    "printed_enrollment": ("Enrollment (printed)", "the Enrollment cell as printed (participants)"),
    "printed_enrollment_type": (
        "Enrollment type (printed)",
        "always 'not reported in the review': the print does not say whether a number is estimated or actual",
    ),
    "registry_enrollment": ("Enrollment (registry)", "the snapshot's enrollmentInfo.count"),
    "enrollment_type": ("Enrollment type (registry)", "the snapshot's enrollmentInfo.type: ACTUAL or ESTIMATED"),
    "enrollment_number_changed": ("Enrollment number changed", "differs / same: printed number against registry count"),
    "enrollment_type_changed": (
        "Enrollment type changed",
        "reported apart from the number: 'estimated -> actual' or 'same (estimated)' for rows printed as Recruiting "
        "or Not yet recruiting (the registry keeps an estimated count until recruitment ends: the project's "
        "reading); 'not comparable' for other rows, whose printed type is not reported in the review",
    ),
    "results_cell": ("Results cell (printed)", "the Results cell as printed"),
    "results_printed": (
        "Results printed (review)",
        "yes when the Results cell prints anything other than 'No results published' (an outcome or, row 9, a "
        "comment on the conclusions); its source is cited for rows 12 and 17 only",
    ),
    "registry_results_posted": (
        "Results section posted (registry)",
        "the snapshot's hasResults: a results section on ClinicalTrials.gov, not a publication; never compared "
        "with the review's Results cell",
    ),
    "status_verified": (
        "Status verified (registry)",
        "the snapshot's statusVerifiedDate: when the status was last confirmed",
    ),
    "start_date": ("Start date (registry)", "the snapshot's startDateStruct.date"),
    "completion_date": ("Completion date (registry)", "the snapshot's completionDateStruct.date"),
    "last_update_posted": ("Last update posted (registry)", "the snapshot's lastUpdatePostDateStruct.date"),
    "snapshot": ("Snapshot date", "the day data/registry/<date>.json was fetched; empty with no snapshot"),
    "registry_answer": (
        "Registry answer",
        "read / not in this snapshot / no usable answer (the fetch's error is in the Note); empty with no snapshot "
        "or for a row that is no registered trial",
    ),
    "note": ("Note", "why a row is not compared, our transcription notes on its Results cell, and registry aliases"),
}
#: The published header of each column.
HEADERS = {column: header for column, (header, _) in DICTIONARY.items()}
#: When the review's authors read the registry: not printed; only these dates are.
WHEN = (
    "The date the review's authors read ClinicalTrials.gov is not reported in the review (received 16 December "
    "2024, accepted 7 April 2025), so a difference may predate the review."
)


def published(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison with its published headers (every value shown is a cell of the CSV)."""
    return comparison.rename(columns=HEADERS)


def titled(exhibit, day: str | None):
    """The exhibit's catalog entry with a title and caption that name the snapshot, or say there is none yet."""
    where = f"ClinicalTrials.gov snapshot of {day}" if day else "no snapshot yet: registry columns not compared"
    return dataclasses.replace(exhibit, title=f"{exhibit.title} ({where})", caption=f"{exhibit.caption} {WHEN}")


def schema() -> str:
    """A Table Schema (JSON) for ``tables/registry.csv``: every column's header and what it holds."""
    fields = [{"name": header, "type": "string", "description": text} for header, text in DICTIONARY.values()]
    return json.dumps({"fields": fields, "missingValues": [""]}, indent=2, ensure_ascii=False) + "\n"


def notice(comparison: pd.DataFrame, day: str | None) -> str:
    """The "What to notice" paragraph, every number counted from ``comparison``.

    Parameters
    ----------
    comparison : pandas.DataFrame
        :func:`helpers.analysis.registry.compare`'s rows.
    day : str or None
        The snapshot's date, or None when ``data/registry/`` holds none.
    """
    rows = len(comparison)
    trials = comparison[comparison["design"] == "registered trial"]
    other = comparison.loc[comparison["design"] != "registered trial", "row"].tolist()
    without = (
        f" Row {', '.join(other)} is not a registered trial (no NCT id is printed) and is not looked up; whether "
        f"it is registered elsewhere is not reported in the review."
        if other
        else ""
    )
    if day is None:
        return (
            f"No snapshot yet: data/registry/ holds none, so none of the {rows} rows of Table 3 is compared with "
            f"the registry and every flag reads 'not compared'. Nothing is shown beyond the print's cells, coded as "
            f"the dictionary (tables/registry.schema.json) describes. {len(trials)} of the {rows} rows are "
            f"registered trials with a printed NCT id. To compare them, run `review registry fetch` where the "
            f"network is open (it writes data/registry/<date>.json); the next `review build` reruns this exhibit, "
            f"because it reads the folder's listing. {WHEN}" + without
        )
    read = trials[trials["registry_answer"] == "read"]
    counts = {
        c: int((read[c] == "differs").sum()) for c in ("status_changed", "phase_changed", "enrollment_number_changed")
    }
    apart = int((read["status_changed"].str.startswith("not comparable")).sum())
    actual = int((read["enrollment_type_changed"] == "estimated -> actual").sum())
    unread = len(trials) - len(read)
    missed = f"; the other {unread} are not in it or have no usable answer" if unread else ""
    return (
        f"Snapshot of {day}: {len(read)} of the {len(trials)} registered trials were read{missed}. Of those "
        f"{len(read)}: the status differs in {counts['status_changed']} ({apart} more print a status word with no "
        f"certain registry counterpart: not comparable), the phase in {counts['phase_changed']}, the enrollment "
        f"number in {counts['enrollment_number_changed']}; in {actual} the enrollment went from an estimate to an "
        f"actual count, which a closing trial is expected to do. A flag says the two sources differ, not which is "
        f"right, and the printed values stay as printed. {WHEN}" + without
    )
