"""MSC sources (tissue and donor species) of a printed Source or MSC Type cell."""

from __future__ import annotations

import re

from helpers.core.vocab import SPECIES, TISSUE_CODES
from helpers.data.derive.lexicon import _SPECIES_PREFIXES, _squash
from helpers.data.derive.result import Derived, Source, _absent

# Longer codes are tried first ("UCB" before "UC") so that umbilical cord blood is never read as
# umbilical cord; the trailing part allows "-MSC", "MSCs", "-MSC-Exos" etc.
_SOURCE_RE = re.compile(
    r"""
    (?:(?P<prefix>[hmr])|(?P<word>"""
    + "|".join(SPECIES)
    + r""")\s+)?
    (?P<tissue>"""
    + "|".join(sorted(TISSUE_CODES, key=len, reverse=True))
    + r""")
    [-\s]?MSCs?
    (?:\s*-\s*(?:Exos?|EVs?|sEVs?))?
    """,
    re.VERBOSE,
)
_SOURCE_SPLIT_RE = re.compile(r"\s*(?:/|\+|,|\band\b)\s*")


def _one_source(piece: str) -> Source:
    """Parse one MSC source such as ``"hUC-MSC"`` or ``"UCB-MSC-Exos"``."""
    match = _SOURCE_RE.fullmatch(_word_case(piece))
    if match is None:
        reason = f"MSC source '{piece}' is not a recognised tissue/species form"
        return Source(_absent(reason), _absent(reason))
    tissue = Derived(match["tissue"])
    if match["prefix"]:
        species = Derived(_SPECIES_PREFIXES[match["prefix"]])
    elif match["word"]:
        species = Derived(match["word"])
    else:
        species = _absent("no species prefix printed")
    return Source(tissue, species)


def _word_case(piece: str) -> str:
    """Lower-case a leading species word ("Rabbit AD-MSC" -> "rabbit AD-MSC")."""
    head, _, rest = piece.partition(" ")
    if rest and head.lower() in SPECIES:
        return f"{head.lower()} {rest}"
    return piece


def msc_sources(text: str) -> tuple[Source, ...]:
    """Parse a Source (Tables 1-2) or MSC Type (Table 3) cell.

    Parameters
    ----------
    text : str
        The printed cell, e.g. ``"hUC-MSC"``, ``"hUCMSC/ hAD-MSC"``,
        ``"Rabbit AD-MSC"``, ``"BMMSC-Exos"``.

    Returns
    -------
    tuple of Source
        One ``(tissue, donor_species)`` pair of :class:`Derived` per source,
        in printed order. Tissue codes are keys of :data:`TISSUE_CODES`.
        Without a species prefix the donor species is missing ("no species
        prefix printed"); an empty cell gives one pair of missing values.
    """
    cell = _squash(text)
    if not cell:
        reason = "no MSC source printed"
        return (Source(_absent(reason), _absent(reason)),)
    pieces = [p for p in _SOURCE_SPLIT_RE.split(cell) if p]
    return tuple(_one_source(piece) for piece in pieces)
