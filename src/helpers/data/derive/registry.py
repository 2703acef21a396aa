"""Table 3's phase and registry (NCT) number."""

from __future__ import annotations

import re

from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent

_PHASE_RE = re.compile(r"(?:phase)?(?P<first>[1-4])(?:/(?P<second>[1-4]))?", re.IGNORECASE)


def phase(text: str) -> Derived:
    """Normalise a Table 3 Phases cell.

    Parameters
    ----------
    text : str
        E.g. ``"1/ 2"``, ``"1/2"``, ``"1"``, ``"2"``.

    Returns
    -------
    Derived
        ``"1"``, ``"2"``, ``"1/2"`` and so on.
    """
    cell = _squash(text)
    if not cell:
        return _absent("no phase printed")
    match = _PHASE_RE.fullmatch(cell.replace(" ", ""))
    if match is None:
        return _absent(f"not a trial phase: '{cell}'")
    return Derived("/".join(p for p in (match["first"], match["second"]) if p))


_NCT_RE = re.compile(r"NCT\d{8}")
_REFERENCE_RE = re.compile(r"\[\d+(?:[,–-]\s*\d+)*\]")


def nct_id(text: str) -> Derived:
    """Read a Table 3 NCT number cell.

    Parameters
    ----------
    text : str
        E.g. ``"NCT01742533"``; row 17 prints the reference ``"[39]"``.

    Returns
    -------
    Derived
        The NCT identifier, or missing with a reason.
    """
    cell = _squash(text)
    if not cell:
        return _absent("no NCT number printed")
    if _NCT_RE.fullmatch(cell):
        return Derived(cell)
    if _REFERENCE_RE.fullmatch(cell):
        return _absent(f"a reference number {cell} printed instead of an NCT number")
    return _absent(f"'{cell}' is not an NCT number")


#: Study designs :func:`design` can return.
REGISTERED_TRIAL = "registered trial"
RETROSPECTIVE_COHORT = "retrospective cohort study"
RETROSPECTIVE = "retrospective study"
DESIGNS = (REGISTERED_TRIAL, RETROSPECTIVE_COHORT, RETROSPECTIVE)
_RETROSPECTIVE_RE = re.compile(r"\bretrospective\b", re.IGNORECASE)
_COHORT_RE = re.compile(r"\bcohort\b", re.IGNORECASE)


def design(phases: str, nct_number: str, cited_title: str = "") -> Derived:
    """The study design of a Table 3 row, from its Phases and NCT number cells and its cited title.

    Table 3 is headed "clinical trials", but a row can print a study
    description where a phase belongs and a reference where an NCT number
    belongs. Such a row is not a registered trial; whether it was a cohort
    is read from the cited title, never assumed.

    Parameters
    ----------
    phases : str
        The printed Phases cell, e.g. ``"1/ 2"`` or ``"A retrospective study"``.
    nct_number : str
        The printed NCT number cell, e.g. ``"NCT01742533"`` or ``"[39]"``.
    cited_title : str, optional
        Title of the reference the row cites instead of an NCT number.

    Returns
    -------
    Derived
        One of :data:`DESIGNS`, or missing with the reason.
    """
    registered = not nct_id(nct_number).missing
    if registered and not phase(phases).missing:
        return Derived(REGISTERED_TRIAL)
    cell = _squash(phases)
    if _RETROSPECTIVE_RE.search(cell):
        return Derived(RETROSPECTIVE_COHORT if _COHORT_RE.search(cited_title or "") else RETROSPECTIVE)
    if registered:
        return _absent(f"NCT number printed but the Phases cell '{cell}' names no phase")
    return _absent(f"no NCT number and the Phases cell '{cell}' names no design")


#: What Table 3 prints in its Results column when a trial has none.
NO_RESULTS = "No results published"


def results(text: str) -> Derived:
    """Whether a Table 3 Results cell prints a summary of results.

    The review prints either the words "No results published" or a short
    summary (e.g. "Improvement in cognitive functioning"). Only that is read:
    whether and where the results were published (a journal, the registry)
    is not reported in the review, and a printed summary is not checked
    against the registry.

    Parameters
    ----------
    text : str
        The printed Results cell.

    Returns
    -------
    Derived
        True for a printed summary, False for "No results published", or
        missing with the reason when the cell is empty.
    """
    cell = _squash(text)
    if not cell:
        return _absent("the Results cell is empty")
    return Derived(cell.rstrip(".").casefold() != NO_RESULTS.casefold())
