"""The audit's findings for a figure notebook, as its ``flagged`` parameter allows.

``keep`` means the audit is not consulted: every function here then returns an
empty frame of the usual columns, without running a rule, so no point is ringed
or marked and nothing is counted as questioned. ``mark`` and ``drop`` return the
findings as the audit layer gives them (with ``drop`` the flagged rows are
already gone from the selection, :func:`helpers.core.selection.left_out`, so
only the findings on the rows that remain can mark anything).
"""

from __future__ import annotations

import pandas as pd

from helpers.audit import flags as audit_flags
from helpers.audit import runner
from helpers.core.selection import Selecting
from helpers.core.vocab import ALL

__all__ = ["consulted", "findings", "by_row", "checks_by_row"]


def consulted(run: Selecting) -> bool:
    """Whether the run consults the audit: not with ``flagged: keep``."""
    return run.values.get("flagged", "mark") != "keep"


def findings(run: Selecting, rules: tuple[str, ...] | str = ALL) -> pd.DataFrame:
    """:func:`helpers.audit.runner.frame` of the chosen rules with the reviewed verdicts; empty for ``keep``."""
    if not consulted(run):
        return runner.frame([])
    return runner.frame(runner.findings(rules), runner.reviewed())


def by_row(run: Selecting, reasons: bool = False) -> pd.DataFrame:
    """:func:`helpers.audit.flags.by_row`; an empty frame of its columns for ``keep``."""
    if not consulted(run):
        return audit_flags.flags(runner.frame([]), reasons)
    return audit_flags.by_row(reasons)


def checks_by_row(run: Selecting, rules: tuple[str, ...]) -> pd.DataFrame:
    """:func:`helpers.audit.flags.checks_by_row`; an empty frame of its columns for ``keep``."""
    if not consulted(run):
        return pd.DataFrame({"table": [], "row": [], "audit_checks": []}).astype({"row": "int64", "table": object})
    return audit_flags.checks_by_row(rules)
