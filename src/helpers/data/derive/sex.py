"""The sex of a study's animals, where the printed row implies or prints it.

The review's Tables 1-2 print no sex column. An ovarian-failure (POF) or
ovariectomy (OVX) model can only be made in females, so such a row implies
female animals; any other sex is coded only where a printed cell names it,
and otherwise it is not reported in the review. A row with no animals (in
vitro only) has no animal sex.
"""

from __future__ import annotations

import re

from helpers.data.derive.result import Derived

#: The one implied value, worded so that a reader sees it was not printed.
FEMALE_IMPLIED = "female (implied by the model)"
#: Every value the column takes.
SEXES: tuple[str, ...] = (FEMALE_IMPLIED, "female", "male", "female and male")

# Words of a model that exists only in females: ovarian failure, ovariectomy.
_OVARIAN = re.compile(r"\bPOF\b|\bOVX\b|ovariectom|ovarian failure", re.IGNORECASE)
_PRINTED = re.compile(r"\b(female|male)s?\b", re.IGNORECASE)

NOT_REPORTED = "not reported in the review: no printed cell of the row names a sex or a model that implies one"
IN_VITRO = (
    "not applicable: an in vitro only row (no animal model with an in vivo route printed), so no animal was treated "
    "whose sex could be reported"
)


def sex(disease: str, animal_model: str, setting: str) -> tuple[Derived, str]:
    """The animals' sex and the printed words behind it.

    Parameters
    ----------
    disease, animal_model : str
        The printed Disease and Animal model cells.
    setting : str
        The row's setting (``in vivo``, ``in vitro`` or ``in vivo + in vitro``).

    Returns
    -------
    tuple of Derived and str
        The sex (one of :data:`SEXES`) or its missing reason, and the evidence
        (empty when there is none).
    """
    if setting == "in vitro":
        return Derived(None, IN_VITRO), ""
    printed = sorted({m.lower() for m in _PRINTED.findall(animal_model)})
    if printed:
        value = "female and male" if len(printed) == 2 else printed[0]
        return Derived(value), f"Animal model '{animal_model}' prints '{' and '.join(printed)}'"
    for column, cell in (("Animal model", animal_model), ("Disease", disease)):
        found = _OVARIAN.search(cell)
        if found:
            word = found.group(0).lower()
            # An ovarian model says the animals are female; a naturally aged host is not "made" (sixth reading 6.14).
            why = "an ovariectomy model" if word in ("ovx", "ovariectom") else "an ovarian model"
            return Derived(FEMALE_IMPLIED), f"{column} '{cell}' prints '{found.group(0)}': {why}, so female animals"
    return Derived(None, NOT_REPORTED), ""
