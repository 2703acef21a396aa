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

__all__ = [
    "PRINTED_LABEL",
    "KEYS",
    "REF_WORD",
    "provenance",
    "label",
    "labels",
    "source",
    "ref_shown",
    "added_refs",
    "scope",
    "summary",
]

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


def label(record: dict, resource: str = "") -> str:
    """The cell shown for one added row: when, by whom, from which source, and that it is not the review's.

    ``added 2026-01-01 by A. Curator from DOI 10.x/y (not looked up), not printed in the review; cells coded by
    one curator, not reviewed``: the DOI or PMID is the row's only provenance, and nobody has checked that it
    resolves (the project looks nothing up), nor has a second reader read the cells against the source.
    """
    named = source(str(record.get("doi", "")), str(record.get("pmid", "")))
    by = f" by {record['added_by']}" if str(record.get("added_by", "")) else ""
    return (
        f"added {record['date_added']}{by}"
        + (f" from {named} (not looked up)" if named else "")
        + ", not printed in the review; "
        + (
            "fields typed by its curator, its citation composed from them"
            if resource == "references"
            else "cells coded by one curator, not reviewed"
        )
    )


def labels(resource: str, keys: pd.Series) -> pd.Series:
    """For each row number (or reference number) in ``keys``: :data:`PRINTED_LABEL` or its added label."""
    found = {int(r["key"]): label(r, resource) for r in provenance(resource).to_dict("records")}
    return pd.Series([found.get(int(k), PRINTED_LABEL) for k in keys], index=keys.index, dtype="str")


#: How a Ref. cell, a BibTeX key and a note name a reference of ``data/additions/``: ``[added 84]``, never
#: ``[84]``, which would read as the review's own reference 84 (its list ends at 83). The number is the one
#: ``data/additions/references.csv`` gives it, so it stays the same from run to run.
REF_WORD = "added"


def added_refs() -> set[int]:
    """The numbers of the added references in this run's edition (empty in the printed edition)."""
    return set(provenance("references")["key"].astype(int))


def ref_shown(ref: int, new: set[int]) -> str:
    """A Ref. cell: ``[10]`` for a printed reference, ``[added 84]`` for one in ``new`` (:func:`added_refs`)."""
    return f"[{REF_WORD} {int(ref)}]" if int(ref) in new else f"[{int(ref)}]"


#: What a table exhibit calls its rows, and the table it names, by resource.
_UNITS = {
    "msc_studies": ("row", "rows", "Table 1"),
    "exosome_studies": ("row", "rows", "Table 2"),
    "clinical_trials": ("row", "rows", "Table 3"),
    "references": ("reference", "references", "the reference list"),
}


def summary() -> str:
    """The additions of this run's edition, named one by one: ``1 study in Table 1 (row 29) and 1 reference
    (84)``; "" when there are none."""
    parts = []
    for resource, (one, many, where) in _UNITS.items():
        keys = sorted(provenance(resource)["key"].astype(int))
        if not keys:
            continue
        if resource == "references":
            named = ", ".join(str(k) for k in keys)
            parts.append(f"{len(keys)} {'reference' if len(keys) == 1 else 'references'} ({named})")
        else:
            noun = "trial" if resource == "clinical_trials" else "study"
            plural = f"{noun[:-1]}ies" if noun == "study" else f"{noun}s"
            named = ", ".join(str(k) for k in keys)
            parts.append(
                f"{len(keys)} {noun if len(keys) == 1 else plural} in {where} ({one if len(keys) == 1 else many} "
                f"{named})"
            )
    return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)


def scope(resource: str, printed_n: int) -> str:
    """How a current-edition table's caption names what it holds, never as a "Selection" of the print.

    ``current edition: the review's 28 rows plus 1 added since (row 29), not from the review`` or, when no
    addition extends this table, ``current edition: the review's 28 rows, none added since, as printed``.

    Parameters
    ----------
    resource : str
        The resource the table reproduces (``msc_studies``, …, ``references``).
    printed_n : int
        How many of its rows the review prints (within the run's selection).
    """
    one, many, _ = _UNITS[resource]
    keys = sorted(provenance(resource)["key"].astype(int))
    head = f"current edition: the review's {printed_n} {one if printed_n == 1 else many}"
    if not keys:
        return f"{head}, none added since, as printed"
    named = ", ".join(str(k) for k in keys)
    word = "reference" if resource == "references" else "row"
    return f"{head} plus {len(keys)} added since ({word}{'s' if len(keys) > 1 else ''} {named}), not from the review"
