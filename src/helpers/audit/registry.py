"""The audit's rule base: :class:`Finding`, the rule registry :data:`RULES`, families, severities and quoting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

SEVERITIES: tuple[str, ...] = ("error", "warning", "check")
FAMILIES: dict[str, str] = {
    "I": "identifiers",
    "A": "abbreviations",
    "L": "labels",
    "R": "row against its cited reference",
    "W": "within a row",
    "T": "typing slips",
    "X": "across rows",
}


@dataclass(frozen=True)
class Finding:
    """One place where the review disagrees with itself.

    ``row`` is the printed row number, the reference number, ``<legend>:<position>``
    for a legend entry, or ``header``; ``subject`` (the printed token concerned,
    when one cell can hold several findings of a rule) only makes the key unique.
    """

    rule: str
    severity: str
    table: str
    row: str
    field: str
    evidence: str
    message: str
    subject: str = ""

    @property
    def key(self) -> str:
        """Stable identity of the finding: ``rule|table|row|field|subject``."""
        return "|".join((self.rule, self.table, self.row, self.field, self.subject))


@dataclass(frozen=True)
class Rule:
    """A registered rule: id, short name, the input frames it reads, the function."""

    id: str
    name: str
    needs: tuple[str, ...]
    check: Callable[..., list[Finding]]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, name: str, *needs: str):
    """Register a rule function under an id such as ``I1`` with the input frames it takes, in order."""

    def register(fn):
        RULES[rule_id] = Rule(rule_id, name, needs, fn)
        return fn

    return register


def rank(rule_id: str) -> tuple[int, int]:
    """Sort key of a rule id: family in :data:`FAMILIES` order, then number (``I2`` before ``I10``)."""
    return list(FAMILIES).index(rule_id[0]), int(rule_id[1:])


TABLE_NAMES = {
    "msc_studies": "table1",
    "exosome_studies": "table2",
    "clinical_trials": "table3",
    "tissue_sources": "table4",
}
#: Printed column of Table 3 behind each generic column of the ``rows`` frame.
TABLE3_FIELDS = {
    "disease": "disease_type",
    "source": "msc_type",
    "route_dosage": "migration_method",
    "effects": "purpose",
}
#: The printed tables' frames, as rules that read all four take them.
PRINTED = ("msc_studies", "exosome_studies", "clinical_trials", "tissue_sources")


def q(value: object) -> str:
    """Quote a printed value."""
    return f'"{value}"'


def field_name(table: str, column: str) -> str:
    """The printed column behind a column of the ``rows`` frame."""
    return TABLE3_FIELDS.get(column, column) if table == "table3" else column


def at(table: str, row: object, column: str, value: object) -> str:
    """A printed cell with its location: ``table1 row 9 effects "…"``."""
    return f"{table} row {row} {field_name(table, column)} {q(value)}"


def printed_tables(t1, t2, t3, t4) -> dict[str, pd.DataFrame]:
    """Tables 1-4 by exhibit id."""
    return {"table1": t1, "table2": t2, "table3": t3, "table4": t4}
