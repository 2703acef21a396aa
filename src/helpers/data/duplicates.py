"""Added rows that repeat a printed row's design: a possible duplicate, one experiment counted twice.

A companion paper of the same group, or a preprint and its journal version under two DOIs, passes the
identifier check of ``review add`` (which refuses a repeated DOI, PMID or NCT id only) and would raise a
disease, source and host count by one each. This check compares every added row with the printed rows of its
table on the cells that describe the experiment (not on its wording or its identifiers) and names each match
as a *possible* duplicate, a warning with no verdict yet: two studies may well share a design (table1 and
audit, second reading of the current edition, 7.3 / 7.4).
"""

from __future__ import annotations

import re

from helpers.data import added, curated
from helpers.data.derive import follow_up_days

#: The cells that describe one experiment, per table: disease, source, model, route and dose, follow-up.
FIELDS: dict[str, tuple[str, ...]] = {
    "msc_studies": ("disease", "source", "animal_model", "route_dosage", "follow_up"),
    "exosome_studies": ("disease", "source", "animal_model", "route_dosage", "follow_up"),
    "clinical_trials": ("disease_type", "msc_type", "migration_method", "phases", "enrollment"),
}

#: How the cells are named in a sentence.
NAMES: dict[str, str] = {
    "disease": "disease",
    "disease_type": "disease",
    "source": "source",
    "msc_type": "MSC type",
    "animal_model": "animal model",
    "route_dosage": "route and dose",
    "migration_method": "route",
    "follow_up": "follow-up",
    "phases": "phase",
    "enrollment": "enrollment",
}

#: The severity the warning is given, as the audit's severities say it.
SEVERITY = "warning"


def _norm(field: str, text: object) -> object:
    """A cell as compared: case and spacing ignored; a follow-up in days, so "4 weeks" equals "28 days"."""
    said = re.sub(r"\s+", " ", str(text)).strip().lower()
    if field == "follow_up" and said:
        days = follow_up_days(said).value
        return days if days is not None else said
    return said


def matches(resource: str) -> list[tuple[int, int]]:
    """Pairs (added row, printed row) of ``resource`` whose experiment cells (:data:`FIELDS`) all agree.

    Empty in the printed edition and for a table no addition extends. Rows compare only when every one of the
    cells is printed in both (an empty cell matches nothing, so a sparse row never draws a warning by absence).
    """
    fields = FIELDS.get(resource)
    new = set(added.provenance(resource)["key"].astype(int)) if fields else set()
    if not new:
        return []
    frame = curated.load(resource)
    rows = frame["row"].astype(int)
    keyed = {
        int(r): tuple(_norm(f, record[f]) for f in fields)
        for r, record in zip(rows, frame.to_dict("records"))
        if all(str(record[f]).strip() for f in fields)
    }
    return [(k, p) for k in sorted(new) if k in keyed for p in sorted(keyed) if p not in new and keyed[p] == keyed[k]]


def sentence(resource: str, key: int, printed_row: int, shown: str = "") -> str:
    """``possible duplicate of printed row 5 [14]: the same disease, source, … (warning, no verdict yet)``.

    ``shown`` is how the printed row is named (``row 5 [14]``); ``row <n>`` when not given.
    """
    said = ", ".join(NAMES[f] for f in FIELDS[resource])
    return (
        f"possible duplicate of printed {shown or f'row {printed_row}'}: the same {said} "
        f"(follow-up compared in days); the two may be one experiment counted twice, or two studies of one "
        f"design: {SEVERITY}, no verdict yet"
    )
