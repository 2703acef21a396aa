"""Modified products: primed, engineered or biomaterial-borne, from the printed cells.

Decisions on printed forms
--------------------------
* Table 1's Precondition column says the cells were preconditioned with
  what it names, so a printed agent with no other cue ("MT") is ``primed``.
* An agent the Effects cell says was combined with the product ("combine
  with hUC-MSCs", "cumulative effects", "utilizing HCOPs to enhance … Exos")
  is a ``co-treatment``; it is ``primed`` as well only where the words say it
  acted on the cells themselves ("restore the vitality of … MSCs").
* A nanoparticle loaded into or onto vesicles ("magnetic
  nanoparticle-enhanced", "GMNP-loaded") engineers the vesicle, like a loaded
  miRNA: ``engineered``. ``biomaterial`` is kept for a matrix that carries
  the product (scaffold, hydrogel, collagen, a bioprinted organ, spicules).
* Cells whose surface glycans were changed before use (Table 3's "fucoidan
  glycosylated BM-MSC", which the review's text calls "fucosylated
  BM-MSCs") were glyco-engineered ex vivo: ``engineered``.
"""

from __future__ import annotations

import re

from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived

#: Ways a study modified its MSCs or exosomes, in output order.
MODIFICATIONS: tuple[str, ...] = ("engineered", "primed", "biomaterial", "selected", "co-treatment")

# Only what the printed words say: a miRNA named beside an exosome
# ("Exo-miR-144-5p") may be native cargo, so it is not read as engineering.
_MODIFICATION_PATTERNS: dict[str, re.Pattern[str]] = {
    "engineered": re.compile(
        r"\boverexpress\w*|\bloaded\b|\bengineered (?:\w+-)?(?:MSCs?|Exos?|EVs?|exosomes?)\b"
        r"|\btransfer microRNA\b|\bdelivery of miR-|\bmimetic\b|\bnanodrug\b|\b(?:glyco|fuco)sylated\b",
        re.IGNORECASE,
    ),
    "primed": re.compile(
        r"\bprecondition\w*|\bpretreat\w*|\bprim(?:ed|ing)\b|\bhypox\w*|\b3D-(?=\w*MSC)"
        r"|(?<!skin )\brejuvenat\w*|\brestor\w* the vitality\b",
        re.IGNORECASE,
    ),
    "biomaterial": re.compile(
        r"\bscaffolds?\b|\bhydrogels?\b|\bhyaluronic acid\b|\bcollagen\b|\bbio-?print\w*|\btitanium\b"
        r"|\bspicules?\b|\bmethacryloyl\b",
        re.IGNORECASE,
    ),
    "selected": re.compile(r"\bsub(?:set|group|population)s?\b", re.IGNORECASE),
    "co-treatment": re.compile(
        r"\bcombin\w*|\bcumulative\b|\butili[sz]\w*\s+\S+\s+to enhance\b|\bco-?(?:administ|deliver|treat)\w*",
        re.IGNORECASE,
    ),
}


def modification(precondition: str, effects: str) -> Derived:
    """Say how a study modified its MSC product, from its printed cells.

    Parameters
    ----------
    precondition : str
        Table 1's Precondition cell (``""`` for Table 2, which has none).
    effects : str
        The printed Effects cell.

    Returns
    -------
    Derived
        The kinds of :data:`MODIFICATIONS` the words name, joined with
        ``+`` in that order, or ``"none"``. A printed Precondition that
        names no modification (a drug such as "MT") is ``primed``, as the
        column's header says, unless the words say the agent was combined
        with the product (``co-treatment``).
    """
    text = f"{_squash(precondition)} | {_squash(effects)}"
    found = [kind for kind, pattern in _MODIFICATION_PATTERNS.items() if pattern.search(text)]
    if not found and _squash(precondition):
        found = ["primed"]
    return Derived("+".join(found) if found else "none")


def modification_words(text: str) -> dict[str, str]:
    """The words of ``text`` that name each kind of :data:`MODIFICATIONS` (first match), for an evidence file."""
    cell = _squash(text)
    return {kind: hit.group(0) for kind, pattern in _MODIFICATION_PATTERNS.items() if (hit := pattern.search(cell))}


def product(modified: Derived) -> Derived:
    """``native`` or ``modified``, from :func:`modification`."""
    return modified if modified.missing else Derived("native" if modified.value == "none" else "modified")
