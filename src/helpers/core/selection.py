"""Select rows by a run's parameters, through the codes derived from the printed cells."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

import pandas as pd

from helpers.core.vocab import ALL

__all__ = ["Selecting", "selected_rows", "FILTERS"]


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


#: Which shared parameters filter which derived column.
FILTERS = {
    "diseases": "disease_code",
    "sources": "tissue",
    "host_species": "host_species",
    "modality": "modality",
    "product": "product",
}


def selected_rows(derived: pd.DataFrame, run: Selecting) -> pd.Series:
    """Rows whose derived codes match every selecting parameter of the run."""
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
    return keep
