"""A snapshot of ClinicalTrials.gov for the trials of Table 3: ``review registry fetch`` (opt-in, network).

For every NCT id in ``data/clinical_trials.csv`` it calls the registry's API v2
(``GET /api/v2/studies/{nctId}``) and keeps only the fields the project
compares with the print:

- ``protocolSection.statusModule``: ``overallStatus``, ``statusVerifiedDate``, ``startDateStruct``,
  ``completionDateStruct``, ``lastUpdatePostDateStruct``;
- ``protocolSection.designModule``: ``phases`` and ``enrollmentInfo`` (``count``,
  and ``type``: ACTUAL or ESTIMATED);
- ``hasResults``.

The snapshot is written to ``data/registry/<date>.json`` (the date is the
day of the fetch, which is what the snapshot is a fact about). Nothing else
in the project opens a network connection: ``make`` and ``review build``
never import this module, and ``tests/integration/test_registry.py``
proves a build runs with the network refused.

What can go wrong is recorded per trial, never raised: a 404 (no such id),
a redirect to another id (an alias; the id the registry answers with is
kept beside the printed one), a 429 (the ``Retry-After`` seconds are waited,
a few times at most), a timeout, or a body that is not the JSON the API
documents. The standard library's ``urllib`` is enough for one GET per
trial, so no HTTP client joins the lock.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from helpers.core import files
from helpers.data import snapshots

__all__ = ["API", "FIELDS", "extract", "fetch_one", "fetch", "snapshot_path", "RegistryError"]

#: The registry's API v2 (documented at clinicaltrials.gov/data-api/api).
API = "https://clinicaltrials.gov/api/v2"
#: The fields kept, as paths into the API's study record (the snapshot format's home is helpers.data.snapshots).
FIELDS = snapshots.FIELDS
#: Times a 429 is waited out before the trial is recorded as refused; the longest wait honoured.
RETRIES, LONGEST_WAIT = 3, 60.0


class RegistryError(ValueError):
    """A request the client refuses before sending (a malformed NCT id)."""


def _get(record: object, path: tuple[str, ...]) -> object:
    for step in path:
        if not isinstance(record, dict) or step not in record:
            return None
        record = record[step]
    return record


def extract(study: object) -> dict:
    """The kept fields of one API study record, each None when the record lacks it; the id it answers with."""
    kept = {name: _get(study, path) for name, path in FIELDS.items()}
    kept["registry_id"] = _get(study, ("protocolSection", "identificationModule", "nctId"))
    return kept


def fetch_one(
    nct: str,
    *,
    base: str = API,
    timeout: float = 20.0,
    sleep: Callable[[float], None] = time.sleep,
) -> dict:
    """One trial's kept fields, or ``{"error": ...}`` saying what went wrong; never raises for the network.

    Parameters
    ----------
    nct : str
        ``NCT`` and eight digits, as Table 3 prints it.
    base : str
        The API's root (tests point it at a local server).
    timeout : float
        Seconds to wait for an answer.
    sleep : callable
        How to wait out a 429 (tests record the wait instead).
    """
    if not (nct.startswith("NCT") and len(nct) == 11 and nct[3:].isdigit()):
        raise RegistryError(f"{nct!r} is not an NCT id (NCT and eight digits)")
    url = f"{base.rstrip('/')}/studies/{nct}?format=json"
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    for attempt in range(RETRIES + 1):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # follows 301/302 to an alias
                body = response.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 429 and attempt < RETRIES:
                sleep(min(_retry_after(exc.headers.get("Retry-After")), LONGEST_WAIT))
                continue
            reason = "no such study (404)" if exc.code == 404 else f"HTTP {exc.code} {exc.reason}"
            return {"nct_id": nct, "error": reason}
        except (TimeoutError, urllib.error.URLError) as exc:
            reason = getattr(exc, "reason", exc)
            timed_out = isinstance(exc, TimeoutError) or isinstance(reason, TimeoutError)
            return {"nct_id": nct, "error": f"timed out after {timeout:g} s" if timed_out else f"no answer ({reason})"}
        try:
            study = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return {"nct_id": nct, "error": "the answer is not JSON"}
        if not isinstance(study, dict) or "protocolSection" not in study:
            return {"nct_id": nct, "error": "the answer is JSON but not a study record (no protocolSection)"}
        kept = {"nct_id": nct, **extract(study)}
        if kept["registry_id"] and kept["registry_id"] != nct:
            kept["alias_of"] = kept["registry_id"]  # the printed id now answers as another study's
        return kept
    return {"nct_id": nct, "error": f"refused (429) {RETRIES + 1} times"}  # pragma: no cover - loop exits above


def _retry_after(value: str | None) -> float:
    """Seconds from a ``Retry-After`` header (a number of seconds); 1 s when absent or unreadable."""
    try:
        return max(0.0, float(value)) if value is not None else 1.0
    except ValueError:
        return 1.0


def snapshot_path(day: str) -> Path:
    """``data/registry/<day>.json`` (:func:`helpers.data.snapshots.path`)."""
    return snapshots.path(day)


def fetch(ncts: list[str], *, base: str = API, day: str | None = None, timeout: float = 20.0, sleep=time.sleep) -> Path:
    """Fetch every trial and write the snapshot; returns its path. The file is written whole or not at all."""
    day = day or datetime.now(UTC).date().isoformat()
    trials = [fetch_one(n, base=base, timeout=timeout, sleep=sleep) for n in sorted(set(ncts))]
    snapshot = {
        "source": f"{base.rstrip('/')}/studies/{{nctId}}",
        "fetched": day,
        "fields": {name: ".".join(path) for name, path in FIELDS.items()},
        "trials": trials,
    }
    out = snapshot_path(day)
    files.write_bytes(out, snapshots.encode(snapshot))
    return out
