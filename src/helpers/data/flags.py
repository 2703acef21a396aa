"""The audit's flags on the coded rows: join them onto a frame and keep, mark or drop flagged rows.

The findings themselves come from the audit layer
(:func:`helpers.audit.flags.by_row`), which sits above this one: a notebook
fetches them and passes the plain frame down, so analyses and plots can use
these functions without importing the audit. Usage in a notebook::

    from helpers.audit import flags as audit_flags
    from helpers.data import flags

    found = audit_flags.by_row() if run.values["flagged"] != "keep" else None
    frame = flags.apply(frame, found, run.values["flagged"])  # any frame with table and row
    # a plot then rings the points where frame["audit_flag"] is true (helpers.plots.flags.ring)
"""

from __future__ import annotations

import copy

import pandas as pd

from helpers.core.vocab import FLAGGED
from helpers.data import coded

__all__ = ["COLUMNS", "attach", "apply", "flagged", "package", "dictionary"]

#: The columns :func:`attach` adds: name -> (Frictionless type, description).
COLUMNS: dict[str, tuple[str, str]] = {
    "audit_findings": (
        "string",
        "ids of the audit rules with a finding on this row, ';'-joined in rule order (tables/audit.csv has each "
        "finding with its printed evidence); empty when none",
    ),
    "audit_max_severity": (
        "string",
        "the highest severity among those findings: error, warning or check; empty when none",
    ),
    "audit_flag": (
        "boolean",
        "true when an error or warning questions what the row's codes mean (its disease, source, host, animal "
        "model, route, dose, product, setting or registry entry); spelling findings and checks only list. Not the "
        "gap map's 'questioned' (figures/gapmap.evidence.csv), which asks only where a row is counted in its grid "
        "(audit rules R1-R4 and W6) and counts checks too",
    ),
}


def attach(frame: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Add the audit columns (:data:`COLUMNS`) to a frame with ``table`` and ``row`` columns.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any frame keyed by the review's ``table`` (table1-table3) and printed
        ``row``: the coded studies or trials, or a figure's evidence CSV.
    found : pandas.DataFrame
        :func:`helpers.audit.flags.by_row`; with ``reasons=True`` its ``audit_flagged_by``
        (the findings that flag each row) is added too.

    Returns
    -------
    pandas.DataFrame
        ``frame`` with its rows and order unchanged; rows without a finding
        get empty strings and ``audit_flag`` false.
    """
    keyed = found.set_index(["table", "row"])
    index = pd.MultiIndex.from_arrays([frame["table"].astype(str), frame["row"].astype("int64")])
    out = frame.copy()
    # The findings that flag each row ride along when asked for (by_row(reasons=True)); the dataset never asks.
    for column in [*COLUMNS, *(["audit_flagged_by"] if "audit_flagged_by" in found else [])]:
        values = keyed[column].reindex(index).to_numpy()
        if column == "audit_flag":
            out[column] = pd.array([bool(v) if pd.notna(v) else False for v in values], dtype="boolean")
        else:
            out[column] = pd.array([v if pd.notna(v) else "" for v in values], dtype="string")
    return out


def flagged(frame: pd.DataFrame) -> pd.Series:
    """The rows :func:`attach` flagged, as a boolean mask (all false before it ran)."""
    if "audit_flag" not in frame:
        return pd.Series(False, index=frame.index)
    return frame["audit_flag"].fillna(False).astype(bool)


def apply(frame: pd.DataFrame, found: pd.DataFrame | None, mode: str) -> pd.DataFrame:
    """Apply a ``flagged`` choice (:data:`helpers.core.vocab.FLAGGED`) to a frame with ``table`` and ``row``.

    ``keep`` returns the frame unchanged (``found`` may be None); ``mark``
    adds the audit columns; ``drop`` adds them and removes the flagged rows.
    """
    if mode not in FLAGGED:
        raise ValueError(f"flagged: got {mode!r}; allowed: {', '.join(FLAGGED)}")
    if mode == "keep":
        return frame
    if found is None:
        raise ValueError(f"flagged={mode!r} needs the audit's findings (helpers.audit.flags.by_row())")
    out = attach(frame, found)
    return out[~flagged(out)].reset_index(drop=True) if mode == "drop" else out


def _fields() -> list[dict]:
    return [{"name": name, "type": kind, "description": text} for name, (kind, text) in COLUMNS.items()]


def package(
    studies: pd.DataFrame, trials: pd.DataFrame, found: pd.DataFrame | None, mode: str
) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The dataset exhibit under a ``flagged`` choice: studies, trials and their data package.

    The descriptor is :func:`helpers.data.coded.descriptor` with the audit
    columns appended to both resources unless ``mode`` is ``keep``.
    """
    descriptor = copy.deepcopy(coded.descriptor(studies, trials))
    studies, trials = apply(studies, found, mode), apply(trials, found, mode)
    if mode != "keep":
        studies, trials = _with_reasons(studies), _with_reasons(trials)
        for resource in descriptor["resources"]:
            resource["schema"]["fields"] += _fields() + [_REASON_FIELD]
    return studies, trials, descriptor


#: Why a row's audit columns are empty (the dataset says why wherever a value is absent).
_NO_FINDING = "no rule of the audit found anything on this row"
_REASON_FIELD = {
    "name": "audit_findings_missing",
    "type": "string",
    "description": "why audit_findings and audit_max_severity are empty: no audit finding on the row; empty when "
    "there is one",
}


def _with_reasons(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``audit_findings_missing``: the reason beside each row whose audit columns are empty."""
    out = frame.copy()
    out["audit_findings_missing"] = pd.array(
        [_NO_FINDING if not found else "" for found in out["audit_findings"]], dtype="string"
    )
    return out


def dictionary(mode: str) -> pd.DataFrame:
    """:func:`helpers.data.coded.dictionary` with the audit columns, when ``mode`` adds them."""
    base = coded.dictionary()
    if mode == "keep":
        return base
    extra = pd.DataFrame(
        [("both", name, kind, text) for name, (kind, text) in COLUMNS.items()], columns=list(base.columns)
    )
    return pd.concat([base, extra], ignore_index=True)
