"""Extract the numbers a narrative sentence states, leaving out names that merely contain digits."""

from __future__ import annotations

import re

# Names, not counts: table and figure names ("Tables 1-2", "Table 3"), phase names ("phase 1/2"), audit rule ids
# ("R3:"), category names with digits ("Nrf2/HO-1", "ATF4", "PI3K", "S1P"), and the source line (year and licence).
_NAMES = re.compile(
    r"Tables? \d+(?:-\d+)?(?: and \d+)?|phase \d(?:/\d)?|\bR\d+:|Source: .*$|data/categories\.csv|"
    r"[A-Za-z]+\d+[A-Za-z0-9]*(?:[/-][A-Za-z0-9]+)*",
)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")


def numbers(text: str) -> list[float]:
    """Every number ``text`` states, in order, as floats (``[39]`` gives 39; ``2021`` gives 2021)."""
    return [float(n) for n in _NUMBER.findall(_NAMES.sub(" ", text))]
