"""Modality (cells or exosomes) from the table a row is printed in."""

from __future__ import annotations

import re

from helpers.core.vocab import PRECLINICAL_TABLES
from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent

_VESICLE_RE = re.compile(r"\b(?:s?EVs?|Exos?)\b|exosome|vesicle", re.IGNORECASE)


def modality(table: str, msc_type: str = "") -> Derived:
    """Tell whether a row studies MSCs ("cells") or their exosomes.

    Parameters
    ----------
    table : str
        ``"msc_studies"`` (all cells), ``"exosome_studies"`` (all
        exosomes) or ``"clinical_trials"`` (decided by ``msc_type``).
    msc_type : str, optional
        Table 3's MSC Type cell; it names exosomes as "Exos" (or EVs).

    Returns
    -------
    Derived
        ``"cells"`` or ``"exosomes"``.

    Raises
    ------
    ValueError
        For an unknown table name (a programming error, not a data gap).
    """
    if table in PRECLINICAL_TABLES:
        return Derived(PRECLINICAL_TABLES[table])
    if table != "clinical_trials":
        raise ValueError(f"unknown table {table!r}")
    cell = _squash(msc_type)
    if not cell:
        return _absent("no MSC type printed")
    return Derived("exosomes" if _VESICLE_RE.search(cell) else "cells")
