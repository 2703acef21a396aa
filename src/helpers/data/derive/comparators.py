"""MSC sources a study names only as comparator arms, from its printed Effects cell."""

from __future__ import annotations

import re

from helpers.core.vocab import TISSUE_CODES
from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent
from helpers.data.derive.sources import msc_sources

# A source written in the Effects text: "UC-MSCs", "AD-MSC", "BMMSCs"; longer codes first so that
# "UCB" is never read as "UC". A letter before the code (as in "hUC") is a species prefix, allowed.
_MENTION_RE = re.compile(
    r"(?<![A-Za-z])[hmr]?(?P<tissue>" + "|".join(sorted(TISSUE_CODES, key=len, reverse=True)) + r")-?MSCs?\b"
)
# Words that make the sources an Effects cell names arms of a comparison.
_COMPARISON_RE = re.compile(r"\b(?:compared (?:to|with)|versus|vs\.?|than|better|best)\b", re.IGNORECASE)


def comparator_tissues(effects: str, source: str) -> Derived:
    """Tissue sources that a row's Effects cell compares its own source with, but its Source cell omits.

    A study whose Source cell prints one tissue but whose Effects cell reports it
    working "better than" or "compared to" MSCs of other tissues has preclinical
    arms of those tissues too. They are returned so that a count of studies per
    tissue can show them apart, never add them to the printed Source.

    Parameters
    ----------
    effects : str
        The printed Effects cell.
    source : str
        The printed Source cell of the same row.

    Returns
    -------
    Derived
        ``"+"``-joined tissue codes in the order the Effects cell names them,
        or missing with the reason (no comparison, or none beyond the Source).
    """
    text = _squash(effects)
    if not _COMPARISON_RE.search(text):
        return _absent("the effects cell compares no MSC sources")
    own = {s.tissue.value for s in msc_sources(source) if not s.tissue.missing}
    named = [m["tissue"] for m in _MENTION_RE.finditer(text)]
    extra = [t for t in dict.fromkeys(named) if t not in own]
    if not extra:
        return _absent("every source the effects cell compares is printed in the Source cell")
    return Derived("+".join(extra))
