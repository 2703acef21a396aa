"""What Table 2's vesicles are: the kind of printed size, and the vesicle type from the printed words.

Decisions on printed forms
--------------------------
* Table 2's Size/nm cells print only two forms: one number ("160 nm") or a
  range of two ("30–200 nm"). The review never says whether one number is a
  mean, a median or the peak of a distribution, nor what a range spans (the
  particles' minimum to maximum, or a spread of peaks), so :func:`size_kind`
  names the printed form only: ``single value`` or ``range``. It never calls a
  value a mean, because no cell prints "mean", "±" or "peak".
* The vesicle type is read from the row's Effects cell and the title of the
  reference it cites, in this order of precedence (the first that applies wins,
  the evidence names every word found):

  1. ``exosome-mimetic nanovesicles``: "mimetic" in either (particles made by
     extruding or fusing cell membranes, not vesicles the cells secreted);
  2. ``conditioned medium``: the title or the cell names a conditioned medium,
     which holds vesicles and every other secreted factor;
  3. ``loaded or engineered vesicles``: "engineered", "loaded",
     "nanoparticle-enhanced" or "overexpress…" (vesicles of parent cells made to
     overexpress an RNA count: the vesicles are then engineered to carry it);
  4. ``extracellular vesicles`` or ``exosomes``: the word the cited title uses
     for the product (its authors' term), or, where the title names neither or
     both, the Effects cell's word ("EVs" against "Exo(s)", "exosomal").

  Priming of the parent cells (hypoxia, cytokines, 3D culture, LPS) or a
  carrier (hydrogel, scaffold, spicules) does not change what the vesicles are;
  ``modification`` records those.
* Table 1's rows give MSCs: neither field applies (a cell therapy).
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent

__all__ = [
    "SIZE_KINDS",
    "VESICLE_TYPES",
    "NOT_REPORTED",
    "CELL_THERAPY",
    "OUTPUT_COLUMNS",
    "size_kind",
    "vesicle_type",
    "classify",
]

#: The forms a printed Size/nm cell takes in the review.
SIZE_KINDS: tuple[str, ...] = ("single value", "range")
#: The vesicle types, in the order of precedence of the module's rules.
VESICLE_TYPES: tuple[str, ...] = (
    "exosome-mimetic nanovesicles",
    "conditioned medium",
    "loaded or engineered vesicles",
    "extracellular vesicles",
    "exosomes",
)
#: The reason for a size the review does not print.
NOT_REPORTED = "not reported in the review: the Size/nm cell is empty"
#: The reason both fields are empty on a Table 1 row.
CELL_THERAPY = "not applicable (cell therapy): Table 1 studies give MSCs, not vesicles"
#: Columns :func:`classify` returns.
OUTPUT_COLUMNS = ("size_kind", "size_kind_missing", "vesicle_type", "vesicle_type_missing", "vesicle_type_evidence")

_NUMBER = r"\d+(?:\.\d+)?"
_SINGLE = re.compile(rf"{_NUMBER}\s*nm", re.IGNORECASE)
_RANGE = re.compile(rf"{_NUMBER}\s*[–—-]\s*{_NUMBER}\s*nm", re.IGNORECASE)

# Rules 1-3, in precedence order: a type and the words that show it.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("exosome-mimetic nanovesicles", re.compile(r"\b(?:exosome-)?mimetic\b(?:\s+nano\w+)?", re.IGNORECASE)),
    ("conditioned medium", re.compile(r"\bconditioned medi(?:um|a)\b", re.IGNORECASE)),
    (
        "loaded or engineered vesicles",
        re.compile(r"\bengineered\b|\b[\w-]*loaded\b|\bnanoparticle-enhanced\b|\boverexpress\w*", re.IGNORECASE),
    ),
)
# Rule 4: the vesicle words.
_EV = re.compile(r"\b(?:small\s+)?extracellular vesicles?\b|\bEVs?\b", re.IGNORECASE)
_EXO = re.compile(r"\bexosom\w*|\bExos?\b", re.IGNORECASE)


def size_kind(text: str) -> Derived:
    """The printed form of a Size/nm cell: ``single value`` or ``range``.

    Parameters
    ----------
    text : str
        E.g. ``"160 nm"``, ``"30–200 nm"``, ``"30–40nm"``, ``""``.

    Returns
    -------
    Derived
        A value of :data:`SIZE_KINDS`; missing with :data:`NOT_REPORTED` for an
        empty cell, or with the cell quoted for a form the review does not use.
    """
    cell = _squash(text)
    if not cell:
        return _absent(NOT_REPORTED)
    if _RANGE.fullmatch(cell):
        return Derived("range")
    if _SINGLE.fullmatch(cell):
        return Derived("single value")
    return _absent(f"size '{cell}' is neither one size nor a range in nm")


def _found(pattern: re.Pattern[str], effects: str, title: str) -> list[str]:
    """Where ``pattern`` matches: ``Effects 'words'`` and ``title 'words'``."""
    said = []
    for where, text in (("Effects", effects), ("title", title)):
        hit = pattern.search(text)
        if hit:
            said.append(f"{where} '{hit.group(0)}'")
    return said


def vesicle_type(effects: str, title: str) -> tuple[Derived, str]:
    """The vesicle type of a Table 2 row, and the printed words that decided it.

    Parameters
    ----------
    effects : str
        The row's printed Effects cell.
    title : str
        The title of the reference the row cites (``""`` when unknown).

    Returns
    -------
    tuple of (Derived, str)
        A value of :data:`VESICLE_TYPES` (or missing with a reason), and the
        evidence: the rule that decided, the words it found and where, and the
        other vesicle words printed, e.g. ``"title 'small extracellular
        vesicles' (the cited title's word); also printed: Effects 'EVs'"``.
    """
    effects, title = _squash(effects), _squash(title)
    ev, exo = _found(_EV, effects, title), _found(_EXO, effects, title)
    others = "; also printed: " + ", ".join(ev + exo) if ev or exo else ""
    for kind, pattern in _RULES:
        said = _found(pattern, effects, title)
        if said:
            return Derived(kind), ", ".join(said) + others
    in_title = {
        name for name, pattern in (("extracellular vesicles", _EV), ("exosomes", _EXO)) if pattern.search(title)
    }
    if len(in_title) == 1:
        chosen = in_title.pop()
        pattern = _EV if chosen == "extracellular vesicles" else _EXO
        rest = [w for w in ev + exo if not w.startswith("title")]
        decided = f"title '{pattern.search(title).group(0)}' (the cited title's word)"
        return Derived(chosen), decided + ("; also printed: " + ", ".join(rest) if rest else "")
    in_effects = [
        name for name, pattern in (("extracellular vesicles", _EV), ("exosomes", _EXO)) if pattern.search(effects)
    ]
    if len(in_effects) == 1:
        chosen = in_effects[0]
        pattern = _EV if chosen == "extracellular vesicles" else _EXO
        why = "the cited title names no vesicle" if not in_title else "the cited title names both"
        return Derived(chosen), f"Effects '{pattern.search(effects).group(0)}' ({why})"
    return _absent("the Effects cell and the cited title name no single kind of vesicle"), "no vesicle word decides"


def classify(printed: pd.DataFrame, table: str, references: pd.DataFrame) -> pd.DataFrame:
    """Size kind and vesicle type of every row of Table 1 or 2.

    Parameters
    ----------
    printed : pandas.DataFrame
        The printed table as loaded from ``data/``.
    table : {"msc_studies", "exosome_studies"}
        Which table ``printed`` holds; Table 1's rows are cell therapies, so both
        fields are missing with :data:`CELL_THERAPY`.
    references : pandas.DataFrame
        ``data/references.csv`` (the cited titles).

    Returns
    -------
    pandas.DataFrame
        :data:`OUTPUT_COLUMNS` as ``string`` columns on ``printed``'s index: a
        value is ``pd.NA`` exactly when its ``_missing`` reason is non-empty.
    """
    titles = dict(zip(references["ref"].astype(int), references["title"].astype(str)))
    rows = []
    for _, row in printed.iterrows():
        if table != "exosome_studies":
            rows.append((None, CELL_THERAPY, None, CELL_THERAPY, "Table 1 (MSCs): a cell therapy, no vesicle product"))
            continue
        size = size_kind(row["size_nm"])
        kind, evidence = vesicle_type(row["effects"], titles.get(int(row["ref"]), ""))
        rows.append((size.value, size.reason, kind.value, kind.reason, evidence))
    columns = {
        name: pd.array([r[i] if r[i] is not None else pd.NA for r in rows], dtype="string")
        for i, name in enumerate(OUTPUT_COLUMNS)
    }
    return pd.DataFrame(columns, index=printed.index)
