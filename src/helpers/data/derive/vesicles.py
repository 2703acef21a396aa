"""What Table 2's vesicles are: the kind of printed size, and the vesicle type from the printed words.

Decisions on printed forms
--------------------------
* Table 2's Size/nm cells print only two forms: one number ("160 nm") or a
  range of two ("30–200 nm"). The review never says whether one number is a
  mean, a median or the peak of a distribution, nor what a range spans (the
  particles' minimum to maximum, or a spread of peaks), so :func:`size_kind`
  names the printed form only: ``single value`` or ``range``. It never calls a
  value a mean, because no cell prints "mean", "±" or "peak".
* ``vesicle_type`` is the term the cited title uses for the product (its
  authors' word, a name, not a verified subtype: the review reports no
  biogenesis, marker or subtype evidence), in this order of precedence (the
  first that applies wins; the evidence names every word found):

  1. ``exosome-mimetic``: "mimetic" (particles made from cells or their
     membranes, not vesicles the cells secreted);
  2. ``conditioned medium``: the medium the cells grew in, which holds vesicles
     and every other secreted factor (a secretome product, not a vesicle);
  3. ``extracellular vesicles`` or ``exosomes``: the one of the two the title
     names; a title naming both leaves the Effects cell's word to decide;
  4. ``none named``: the title names no vesicle product (Table 2 row 9 [58]: the
     title names the cells, and the Effects cell's "exosomal" describes how the
     cells act, so the row is not recoded as an exosome study).

  The Effects cell is quoted in the evidence but never overrides the title:
  the review uses "EVs" and "Exos" for the same product.
* What was done to the product is kept apart from the term
  (:func:`product_change`): the ``modification`` code, split by the printed
  words into parent cells engineered (they overexpress an RNA), vesicles
  loaded after isolation ("X-loaded EVs"), engineering whose step the print
  does not give, priming or culture format of the parent cells, a carrier, a
  co-applied delivery enhancer and a co-treatment.
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
    "PRODUCT_CHANGES",
    "product_change",
    "classify",
]

#: The forms a printed Size/nm cell takes in the review.
SIZE_KINDS: tuple[str, ...] = ("single value", "range")
#: The terms a cited title uses for the product, in drawing and counting order.
VESICLE_TYPES: tuple[str, ...] = (
    "exosomes",
    "extracellular vesicles",
    "exosome-mimetic",
    "conditioned medium",
    "none named",
)
#: What was done to the product, by the printed words (:func:`product_change`), in output order.
PRODUCT_CHANGES: tuple[str, ...] = (
    "parent cells engineered",
    "loaded after isolation",
    "engineered, step not printed",
    "mimetic (made, not secreted)",
    "parent cells primed",
    "parent cells in 3D culture",
    "on a carrier",
    "co-applied enhancer",
    "co-treatment",
    "none printed",
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

# Rules 1-2, in precedence order: a term and the words that show it.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("exosome-mimetic", re.compile(r"\b(?:exosome-)?mimetic\b(?:\s+nano\w+)?", re.IGNORECASE)),
    ("conditioned medium", re.compile(r"\bconditioned medi(?:um|a)\b", re.IGNORECASE)),
)
# Rule 3: the vesicle words.
_EV = re.compile(r"\b(?:small\s+)?extracellular vesicles?\b|\bEVs?\b", re.IGNORECASE)
_EXO = re.compile(r"\bexosom\w*|\bExos?\b", re.IGNORECASE)
# What was done to the product: the cells overexpress (either word order), or a vesicle is "X-loaded".
_CELLS = r"(?:stem cells?|MSCs?|BMSCs?)"
_PARENT_ENGINEERED = re.compile(
    rf"\b{_CELLS}\s+overexpress\w*|\boverexpress\w*\s+(?:[\w-]+\s+){{0,4}}?{_CELLS}\b", re.IGNORECASE
)
_LOADED = re.compile(
    r"\b[\w-]*loaded\s+(?:[\w-]+\s+){0,2}?(?:EVs?|Exos?|exosomes?|extracellular vesicles?)\b", re.IGNORECASE
)
_THREE_D = re.compile(r"\b3D\b", re.IGNORECASE)
_SPICULES = re.compile(r"\bspicules?\b", re.IGNORECASE)


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
    """The term the cited title uses for a Table 2 row's product, and the printed words behind it.

    Parameters
    ----------
    effects : str
        The row's printed Effects cell (quoted in the evidence; it decides only
        where the title names both exosomes and extracellular vesicles).
    title : str
        The title of the reference the row cites (``""`` when unknown).

    Returns
    -------
    tuple of (Derived, str)
        A value of :data:`VESICLE_TYPES` (or missing with a reason), and the
        evidence: the words that decided and where, and the other vesicle
        words printed, e.g. ``"title 'small extracellular vesicles' (the cited
        title's word); also printed: Effects 'EVs'"``.
    """
    effects, title = _squash(effects), _squash(title)
    if not title:
        return _absent("the cited title is not known"), "no cited title"
    ev, exo = _found(_EV, effects, title), _found(_EXO, effects, title)
    for kind, pattern in _RULES:
        hit = pattern.search(title)
        if hit:
            rest = [w for w in _found(pattern, effects, "") + ev + exo]
            return Derived(kind), f"title '{hit.group(0)}'" + ("; also printed: " + ", ".join(rest) if rest else "")
    in_title = [
        name for name, pattern in (("extracellular vesicles", _EV), ("exosomes", _EXO)) if pattern.search(title)
    ]
    rest = [w for w in ev + exo if not w.startswith("title")]
    also = "; also printed: " + ", ".join(rest) if rest else ""
    if len(in_title) == 1:
        pattern = _EV if in_title[0] == "extracellular vesicles" else _EXO
        return Derived(in_title[0]), f"title '{pattern.search(title).group(0)}' (the cited title's word){also}"
    if not in_title:
        return Derived("none named"), f"the cited title names no vesicle product{also}"
    in_effects = [
        name for name, pattern in (("extracellular vesicles", _EV), ("exosomes", _EXO)) if pattern.search(effects)
    ]
    if len(in_effects) == 1:
        pattern = _EV if in_effects[0] == "extracellular vesicles" else _EXO
        return Derived(in_effects[0]), f"Effects '{pattern.search(effects).group(0)}' (the cited title names both)"
    return _absent("the cited title names both exosomes and extracellular vesicles"), "no vesicle word decides"


def product_change(modification: str, term: str, effects: str, title: str) -> str:
    """What was done to a vesicle product: the ``modification`` code split by the printed words.

    Parameters
    ----------
    modification : str
        The row's ``modification`` (:func:`helpers.data.derive.modification.modification`), e.g.
        ``"engineered"`` or ``"primed+biomaterial"``.
    term : str
        The row's :func:`vesicle_type` (a mimetic is engineered by being made).
    effects, title : str
        The printed Effects cell and the cited title, which say where the engineering happened.

    Returns
    -------
    str
        Values of :data:`PRODUCT_CHANGES` joined with ``" + "``: engineering is ``parent cells
        engineered`` where the parent cells are said to overexpress, ``loaded after isolation`` where a
        vesicle is "X-loaded", else ``engineered, step not printed``; ``primed`` is ``parent cells in 3D
        culture`` where "3D" is printed (a culture format, not an agent); ``biomaterial`` is
        ``co-applied enhancer`` for spicules (applied with the vesicles to help them through skin, not
        carrying them), else ``on a carrier``.
    """
    words = f"{_squash(effects)} | {_squash(title)}"
    kinds = set(str(modification).split("+"))
    found = []
    if "engineered" in kinds:
        if term == "exosome-mimetic":
            found.append("mimetic (made, not secreted)")
        elif _PARENT_ENGINEERED.search(words):
            found.append("parent cells engineered")
        elif _LOADED.search(words):
            found.append("loaded after isolation")
        else:
            found.append("engineered, step not printed")
    if "primed" in kinds:
        found.append("parent cells in 3D culture" if _THREE_D.search(words) else "parent cells primed")
    if "biomaterial" in kinds:
        found.append("co-applied enhancer" if _SPICULES.search(words) else "on a carrier")
    if "co-treatment" in kinds:
        found.append("co-treatment")
    return " + ".join(found) if found else "none printed"


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
