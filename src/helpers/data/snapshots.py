"""ClinicalTrials.gov snapshots of Table 3's trials: the one home of the ``data/registry/<date>.json`` format.

``review registry fetch`` (opt-in, the project's only network call) writes a
snapshot with :func:`encode` to :func:`path`; the ``registry`` exhibit reads it
with :func:`read`. A snapshot is a JSON object::

    {"source": "<API URL pattern>", "fetched": "<YYYY-MM-DD>",
     "fields": {<kept name>: "<dotted path in the API record>"},
     "trials": [{"nct_id": ..., <kept name>: <value or null>, ...}
                or {"nct_id": ..., "error": "<what went wrong>"}]}

A trial may also carry ``registry_id`` (the id the registry answered with)
and ``alias_of`` (when that id is not the printed one). Snapshots are facts
about the day they were fetched; none is invented, and with none in
``data/registry/`` the exhibit says so instead of showing values.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from helpers.core import paths, runrecord

__all__ = ["FIELDS", "LATEST", "SnapshotError", "folder", "path", "dates", "choose", "encode", "read"]

#: The fields kept, as paths into the API v2 study record (``GET /api/v2/studies/{nctId}``).
FIELDS: dict[str, tuple[str, ...]] = {
    "overall_status": ("protocolSection", "statusModule", "overallStatus"),
    "phases": ("protocolSection", "designModule", "phases"),
    "enrollment": ("protocolSection", "designModule", "enrollmentInfo"),
    "start_date": ("protocolSection", "statusModule", "startDateStruct"),
    "completion_date": ("protocolSection", "statusModule", "completionDateStruct"),
    # How current the status is: a record can be updated without its status being re-verified.
    "status_verified": ("protocolSection", "statusModule", "statusVerifiedDate"),
    "last_update_posted": ("protocolSection", "statusModule", "lastUpdatePostDateStruct"),
    "has_results": ("hasResults",),
}
#: The ``snapshot`` parameter's value that picks the most recent snapshot.
LATEST = "latest"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class SnapshotError(ValueError):
    """A snapshot asked for that does not exist, or a file that is not a snapshot."""


def folder() -> Path:
    """``data/registry/``: where snapshots live (read at call time, so a scratch project can point elsewhere)."""
    return paths.DATA_DIR / "registry"


def path(day: str) -> Path:
    """``data/registry/<day>.json``."""
    return folder() / f"{day}.json"


def dates() -> list[str]:
    """The days of the snapshots in ``data/registry/``, oldest first (empty when there is none).

    The folder's listing is recorded as an input of the run, so the build reruns
    the exhibit when a snapshot is added or removed (even where there was none).
    """
    runrecord.note_read(folder())
    if not folder().is_dir():
        return []
    return sorted(p.stem for p in folder().glob("*.json") if _DAY.fullmatch(p.stem))


def choose(snapshot: str = LATEST) -> str | None:
    """The day of the snapshot the ``snapshot`` parameter picks; None for ``latest`` when none exists.

    Raises
    ------
    SnapshotError
        For a value that is neither ``latest`` nor a date, or a date with no snapshot, naming those that exist.
    """
    text = str(snapshot).strip().lower()
    known = dates()
    if text == LATEST:
        return known[-1] if known else None
    have = ", ".join(known) if known else "none (make one with `review registry fetch`, which needs network access)"
    if not _DAY.fullmatch(text):
        raise SnapshotError(f"parameter 'snapshot': got {snapshot!r}; expected {LATEST!r} or a date YYYY-MM-DD")
    if text not in known:
        raise SnapshotError(f"parameter 'snapshot': no snapshot data/registry/{text}.json; snapshots: {have}")
    return text


def encode(snapshot: dict) -> bytes:
    """A snapshot's bytes: sorted keys, two-space indent, UTF-8, one final newline (deterministic)."""
    return (json.dumps(snapshot, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def read(day: str) -> dict:
    """The snapshot of ``day``, its trials keyed by printed NCT id; recorded as an input of the run.

    Raises
    ------
    SnapshotError
        When the file is not JSON, lacks ``fetched`` or ``trials``, or its ``fetched`` is not a day
        (``YYYY-MM-DD``).
    """
    file = path(day)
    runrecord.note_read(file)  # the build reruns the exhibit when this snapshot's bytes change
    try:
        snapshot = json.loads(file.read_text(encoding="utf-8"))
        trials = {str(t["nct_id"]): t for t in snapshot["trials"]}
        fetched = str(snapshot["fetched"])
    except (ValueError, KeyError, TypeError) as exc:
        raise SnapshotError(f"data/registry/{file.name} is not a registry snapshot ({exc!s})") from None
    if not _DAY.fullmatch(fetched):
        # The exhibit reads "not in this snapshot" for every trial of a snapshot without its day, so refuse it.
        raise SnapshotError(
            f"data/registry/{file.name} is not a registry snapshot (fetched is {fetched!r}, expected YYYY-MM-DD)"
        )
    return {"fetched": fetched, "source": snapshot.get("source", ""), "trials": trials}
