"""Select rows by a run's parameters, through the codes derived from the printed cells."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import pandas as pd

from helpers.core.vocab import ALL

__all__ = ["Selecting", "selected_rows", "left_out", "FILTERS"]


class Selecting(Protocol):
    """What the library needs of a notebook run: its exhibit, parameters and selection.

    :class:`helpers.notebook.session.Run` satisfies it. The lower layers type
    their ``run`` arguments with this protocol instead of importing ``Run``,
    so no module below the notebook layer imports it, not even for type
    checking (the import contracts in pyproject.toml forbid that cycle).
    """

    @property
    def exhibit(self): ...  # the catalog entry (helpers.core.catalog.Exhibit)

    @property
    def values(self) -> Mapping[str, object]: ...

    def selected(self, name: str) -> tuple[str, ...] | None: ...

    @property
    def selection(self) -> str: ...

    # A run whose ``flagged`` parameter is ``drop`` also has ``audit_flagged``: the (table, row) pairs
    # the audit flags, fetched by the notebook layer (helpers.notebook.session.start), since this
    # layer may not import the audit. Read with getattr, so runs without the parameter need not carry it.


#: Which shared parameters filter which derived column.
FILTERS = {
    "diseases": "disease_code",
    "sources": "tissue",
    "host_species": "host_species",
    "modality": "modality",
    "product": "product",
}


def selected_rows(derived: pd.DataFrame, run: Selecting, *, table: str | None = None, audit: bool = True) -> pd.Series:
    """Rows whose derived codes match every selecting parameter of the run.

    With ``flagged: drop`` the rows the audit flags are left out too (:func:`left_out`), here, so
    that every exhibit selecting through this function drops the same rows before it counts or
    draws anything.

    Parameters
    ----------
    derived : pandas.DataFrame
        Derived codes, with ``row`` and, unless ``table`` is given, a ``table`` column (``table1``...).
    run : Selecting
    table : str, optional
        The printed table (``table1``, ``table2``, ``table3``) of every row, for a frame of one
        table without a ``table`` column.
    audit : bool
        False selects by the parameters alone (what a ``drop`` run leaves out is counted among these).
    """
    keep = pd.Series(True, index=derived.index)
    for name, column in FILTERS.items():
        if name not in run.values or column not in derived:
            continue
        chosen = run.selected(name)
        if chosen is None or chosen == (ALL,):
            continue
        # A cell may name several sources ("UC+AD"); any selected one keeps the row.
        codes = derived[column].fillna("").astype(str).str.split("+")
        wanted = set(chosen)
        keep &= codes.map(lambda parts, wanted=wanted: bool(set(parts) & wanted))
    if audit:
        keep &= ~left_out(derived, run, table=table)
    return keep


def left_out(derived: pd.DataFrame, run: Selecting, *, table: str | None = None) -> pd.Series:
    """The rows a ``flagged: drop`` run leaves out: those the audit flags (all false for keep and mark).

    Raises
    ------
    ValueError
        For a ``drop`` run that does not carry the audit's flagged rows (``run.audit_flagged``):
        dropping nothing would draw the flagged rows under a subtitle saying they were left out.
    """
    if run.values.get("flagged") != "drop":
        return pd.Series(False, index=derived.index)
    flagged = getattr(run, "audit_flagged", None)
    if flagged is None:
        raise ValueError("flagged='drop' needs the audit's flagged rows on the run (run.audit_flagged)")
    tables = derived["table"].astype(str) if "table" in derived else pd.Series(table, index=derived.index)
    keys = zip(tables, derived["row"].astype(int))
    return pd.Series([key in flagged for key in keys], index=derived.index, dtype=bool)
