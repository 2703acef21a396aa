"""Which rows of the current edition were added after the review was printed, and where each came from.

A current-edition run (:mod:`helpers.core.edition`) reads the printed rows of
``data/`` followed by the rows of ``data/additions/``
(:func:`helpers.data.curated.load`), and the printed columns alone do not say
which is which. The reproductions of the printed tables, the audit and the
references must never let an added study pass for one the review printed, so
they ask here: :func:`provenance` gives the added rows of one resource with
their source (DOI, PMID), date and curator, and :func:`label` the words a
table cell shows for a row.

In the printed edition nothing is added and nothing under ``data/additions/``
is read, so a printed run's inputs (and the canonical exhibits) stay as they
were.
"""

from __future__ import annotations

import pandas as pd

from helpers.core import edition
from helpers.data import additions

__all__ = ["PRINTED_LABEL", "KEYS", "provenance", "label", "labels", "source"]

#: The cell a current-edition table shows for a row the review printed.
PRINTED_LABEL = "printed in the review"
#: The column that numbers a resource's rows (the references are numbered by ``ref``).
KEYS: dict[str, str] = {"references": "ref", "msc_studies": "row", "exosome_studies": "row", "clinical_trials": "row"}
_COLUMNS = ("key", "doi", "pmid", "date_added", "added_by")


def provenance(resource: str) -> pd.DataFrame:
    """The added rows of ``resource`` in this run's edition: ``key`` (row or ref number), doi, pmid, date, curator.

    Empty in the printed edition, and for a resource no addition extends.
    """
    if edition.current() != edition.CURRENT or resource not in additions.RESOURCES:
        return pd.DataFrame(columns=list(_COLUMNS))
    rows = additions.load(resource)
    out = pd.DataFrame({"key": rows[KEYS[resource]].astype(int)})
    for column in _COLUMNS[1:]:
        out[column] = rows[column].astype(str) if column in rows else ""
    return out.reset_index(drop=True)


def source(doi: str, pmid: str) -> str:
    """How a label names the source an added row was coded from: ``DOI 10.x/y, PMID 123`` (whichever are given).

    Examples
    --------
    >>> source("10.0000/a", "")
    'DOI 10.0000/a'
    >>> source("", "123")
    'PMID 123'
    """
    return ", ".join(part for part in (f"DOI {doi}" if doi else "", f"PMID {pmid}" if pmid else "") if part)


def label(record: dict) -> str:
    """The cell shown for one added row: ``added 2026-01-01 from DOI …, not printed in the review``."""
    named = source(str(record.get("doi", "")), str(record.get("pmid", "")))
    return f"added {record['date_added']}" + (f" from {named}" if named else "") + ", not printed in the review"


def labels(resource: str, keys: pd.Series) -> pd.Series:
    """For each row number (or reference number) in ``keys``: :data:`PRINTED_LABEL` or its added label."""
    found = {int(r["key"]): label(r) for r in provenance(resource).to_dict("records")}
    return pd.Series([found.get(int(k), PRINTED_LABEL) for k in keys], index=keys.index, dtype="str")
