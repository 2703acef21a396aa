"""The audit of the real data, computed once per test process for the tests that only read it.

Running every rule over the four printed tables takes about a second (three
on a loaded machine), and the table readings call it once per parametrized
case: 30 cases paid for 30 audits. Under mutmut the cache is emptied before
every test (``tests/conftest.py``), so each test reaches the audit code it
depends on and a mutant is never served an unmutated frame.
"""

from __future__ import annotations

import functools

import pandas as pd

from helpers.audit import runner


@functools.cache
def _frame() -> pd.DataFrame:
    return runner.frame(runner.findings(), runner.reviewed())


def audit_frame() -> pd.DataFrame:
    """The audit's findings with their verdicts (:func:`helpers.audit.runner.frame`), a fresh copy per call."""
    return _frame().copy()


def clear() -> None:
    """Forget the cached audit (every test under mutmut)."""
    _frame.cache_clear()
