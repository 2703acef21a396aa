"""The ``registry`` exhibit's table layout and its computed sentences (Table 3 beside a registry snapshot)."""

from __future__ import annotations

import pandas as pd

__all__ = ["HEADERS", "published", "notice"]

#: The published header of each column of :func:`helpers.analysis.registry.compare`.
HEADERS = {
    "row": "Row",
    "nct_id": "NCT id (printed)",
    "printed_status": "Status (printed)",
    "registry_status": "Status (registry)",
    "status_changed": "Status changed",
    "printed_phase": "Phase (printed)",
    "registry_phase": "Phase (registry)",
    "phase_changed": "Phase changed",
    "printed_enrollment": "Enrollment (printed)",
    "registry_enrollment": "Enrollment (registry)",
    "enrollment_type": "Enrollment type (registry)",
    "enrollment_changed": "Enrollment changed",
    "printed_results": "Results printed (review)",
    "registry_results_posted": "Results posted (registry)",
    "results_now_posted": "Results now posted",
    "last_update_posted": "Last update posted (registry)",
    "snapshot": "Snapshot date",
    "registry_answer": "Registry answer",
    "note": "Note",
}
_FLAGS = {
    "status_changed": "status changed",
    "phase_changed": "phase changed",
    "enrollment_changed": "enrollment changed",
    "results_now_posted": "results now posted",
}


def published(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison with its published headers (every value shown is a cell of the CSV)."""
    return comparison.rename(columns=HEADERS)


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
    with_id = int((comparison["nct_id"] != "").sum())
    no_id = comparison.loc[comparison["nct_id"] == "", "row"].tolist()
    without = f" Row {', '.join(no_id)} prints no NCT id, so it cannot be looked up." if no_id else ""
    if day is None:
        return (
            f"No registry snapshot exists in data/registry/, so the registry columns are empty for all {rows} rows "
            f"of Table 3 and no drift is flagged: nothing is shown that the print or a snapshot does not state. "
            f"{with_id} of the {rows} rows print an NCT id. To compare them with ClinicalTrials.gov, run "
            f"`review registry fetch` where the network is open (it writes data/registry/<date>.json), then "
            f"`review build --only registry --force` (the build does not notice a new snapshot by itself)." + without
        )
    read = comparison[comparison["registry_answer"] == "read"]
    parts = [f"{int((read[c] == 'yes').sum())} {words}" for c, words in _FLAGS.items()]
    unread = with_id - len(read)
    missed = (
        f"; the other {unread} are not in it or have no usable answer (see the Registry answer column)"
        if unread
        else ""
    )
    return (
        f"Snapshot of {day}: {len(read)} of the {with_id} rows with an NCT id were read from the registry{missed}. "
        f"Of those {len(read)}: {', '.join(parts)}. A flag compares the printed value with the registry's on the "
        f"snapshot's date; it says the two differ, not which is right, and the review's own values stay as "
        f"printed." + without
    )
