"""Select rows by a run's parameters, through the codes derived from the printed cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from .vocab import ALL

if TYPE_CHECKING:
    from .session import Run

__all__ = ["selected_rows", "FILTERS"]

#: Which shared parameters filter which derived column.
FILTERS = {
    "diseases": "disease_code",
    "sources": "tissue",
    "host_species": "host_species",
    "modality": "modality",
    "product": "product",
}


def selected_rows(derived: pd.DataFrame, run: Run) -> pd.Series:
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
