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
from typing import NamedTuple

import pandas as pd

from helpers.core.selection import Selecting, left_out, selected_rows
from helpers.core.vocab import FLAGGED
from helpers.data import coded

__all__ = [
    "COLUMNS",
    "attach",
    "apply",
    "flagged",
    "package",
    "dictionary",
    "LeftOut",
    "left_out_rows",
    "left_out_line",
    "audit_caption",
]

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


# --- What a figure says about its ``flagged`` choice -------------------------------------------
#
# A ``drop`` run leaves the flagged rows out where every exhibit selects its rows
# (helpers.core.selection.selected_rows), so nothing downstream counts or draws them. What is
# said about it is worded here, once: the selection line under the title and the lead of the
# caption, both with the counts of the exhibit's own selection.

#: The coded frames whose rows an exhibit counts (default: the preclinical studies).
_UNITS: dict[str, tuple[str, ...]] = {
    "trials": ("trials",),
    "gapmap": ("studies", "trials"),
    "dataset": ("studies", "trials"),
}


class LeftOut(NamedTuple):
    """What a ``drop`` run leaves out of one coded frame of its exhibit."""

    noun: str  # what a row is: "studies", "preclinical studies", "clinical studies"
    ids: list[tuple[str, int]]  # the (table, row) pairs left out, in printed order
    selected: int  # the rows the other parameters select, so the words can say "3 of 56"


def left_out_rows(run: Selecting) -> list[LeftOut]:
    """The rows of each coded frame of the exhibit that a ``drop`` run leaves out (empty ids otherwise).

    Counted among the rows the other parameters select, so the numbers are those of the exhibit's
    own selection, not of the whole dataset.
    """
    units = _UNITS.get(run.exhibit.id, ("studies",))
    nouns = {"studies": "preclinical studies" if len(units) > 1 else "studies", "trials": "clinical studies"}
    out = []
    for unit in units:
        frame = coded.studies() if unit == "studies" else coded.trials()
        chosen = frame[selected_rows(frame, run, audit=False)]
        gone = chosen[left_out(chosen, run)]
        ids = sorted(zip(gone["table"].astype(str), gone["row"].astype(int)))
        out.append(LeftOut(nouns[unit], ids, len(chosen)))
    return out


def _ids(ids: list[tuple[str, int]]) -> str:
    """``Table 1 rows 9, 13; Table 2 row 16``: the printed rows, table by table."""
    parts = []
    for table in sorted({t for t, _ in ids}):
        rows = [str(r) for t, r in ids if t == table]
        parts.append(f"Table {table.removeprefix('table')} row{'s' if len(rows) > 1 else ''} {', '.join(rows)}")
    return "; ".join(parts)


def _noun(part: LeftOut, n: int) -> str:
    """The part's noun for ``n`` rows: ``studies``, or ``study`` for one."""
    return part.noun.replace("studies", "study") if n == 1 else part.noun


def _shown(parts: list[LeftOut]) -> list[LeftOut]:
    """The parts with a selected row (a gap map of a disease Table 3 never names has no clinical part to count)."""
    return [part for part in parts if part.selected] or parts[:1]


def left_out_line(parts: list[LeftOut]) -> str:
    """The selection line of a ``drop`` run: how many of how many rows were left out, and which.

    Examples
    --------
    >>> left_out_line([LeftOut("studies", [("table1", 9), ("table2", 16)], 56)])
    '2 of 56 studies flagged by the audit left out: Table 1 row 9; Table 2 row 16'
    >>> left_out_line([LeftOut("studies", [], 1)])
    '0 of 1 study flagged by the audit left out'
    """
    parts = _shown(parts)
    counts = " and ".join(f"{len(part.ids)} of {part.selected} {_noun(part, part.selected)}" for part in parts)
    ids = [i for part in parts for i in part.ids]
    return f"{counts} flagged by the audit left out" + (f": {_ids(ids)}" if ids else "")


def audit_caption(mode: str, parts: list[LeftOut] | None = None) -> str:
    """The caption's first sentence for a ``flagged`` choice; empty for ``mark``, which rings flagged rows.

    Parameters
    ----------
    mode : {'keep', 'mark', 'drop'}
    parts : list of LeftOut
        :func:`left_out_rows`, for ``drop``.
    """
    if mode == "keep":
        return (
            "Audit flags not shown (flagged: keep): the audit was not consulted for this run, so no row is "
            "ringed, marked or counted as questioned; tables/audit.csv lists its findings."
        )
    if mode != "drop":
        return ""
    parts = _shown(parts or [])
    if not any(part.ids for part in parts):
        selected = " and ".join(f"{part.selected} {_noun(part, part.selected)}" for part in parts)
        return f"Left out (flagged: drop): none; the audit flags none of the {selected} selected."
    counts = " and ".join(f"{len(part.ids)} of the {part.selected} {_noun(part, part.selected)}" for part in parts)
    rest = [(part, part.selected - len(part.ids)) for part in parts]
    kept = " and ".join(f"{n} {_noun(part, n)}" for part, n in rest)
    ids = _ids([i for part in parts for i in part.ids])
    return (
        f"Left out (flagged: drop): the {counts} that the audit flags (an error or warning that questions what "
        f"the row's codes mean; tables/audit.csv), {ids}. Every count and mark here is of the other {kept}."
    )
