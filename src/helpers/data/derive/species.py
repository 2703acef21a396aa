"""The host species named in a printed Animal model cell."""

from __future__ import annotations

import re

from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent

# Word boundaries keep "rat" out of "radiation" and "rabbit" out of nothing
# longer; plural and singular forms map to one species.
_HOST_WORDS: dict[str, re.Pattern[str]] = {
    "mouse": re.compile(r"\b(?:mouse|mice|murine)\b", re.IGNORECASE),
    "rat": re.compile(r"\brats?\b", re.IGNORECASE),
    "rabbit": re.compile(r"\brabbits?\b", re.IGNORECASE),
}


def host_species(animal_model: str) -> Derived:
    """Read the host species from an Animal model cell.

    Parameters
    ----------
    animal_model : str
        The printed cell, e.g. ``"CDDP induced POF rat model"``,
        ``"5XFAD mice"``.

    Returns
    -------
    Derived
        ``"mouse"``, ``"rat"`` or ``"rabbit"``; missing when the cell is
        empty, names no species, or names two different species.
    """
    cell = _squash(animal_model)
    if not cell:
        return _absent("no animal model printed")
    found = [name for name, pattern in _HOST_WORDS.items() if pattern.search(cell)]
    if not found:
        return _absent(f"animal model '{cell}' names no host species")
    if len(found) > 1:
        return _absent(f"animal model names more than one species: {', '.join(found)}")
    return Derived(found[0])
