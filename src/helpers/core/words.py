"""Words that agree with a count, and lists said in words: one rule for every sentence the project writes.

A sentence counts what a selection holds, and a small selection holds one of something: the verb and the noun then
agree with 1 ("1 study prints", "0 studies print"). The narrative, the plot labels, the audit report and the
table notes all write such sentences, so they share these few functions rather than each spelling out
``'is' if n == 1 else 'are'``. English agreement is this small; a library (inflect) would guess plurals the
vocabulary already spells out.
"""

from __future__ import annotations

from collections.abc import Sequence


def agree(n: int, one: str, many: str) -> str:
    """The word that agrees with a count: ``one`` for 1, ``many`` for 0 or 2 and more (``1 prints``, ``0 print``)."""
    return one if n == 1 else many


def are(n: int) -> str:
    """The verb that agrees with a count: ``1 is``, ``0 are``, ``2 are``."""
    return agree(n, "is", "are")


def plural(n: int, word: str, many: str | None = None) -> str:
    """The count and its noun: ``1 study``, ``2 studies`` (``many`` when adding an s is wrong)."""
    return f"{n} {agree(n, word, many or word + 's')}"


def series(items: Sequence[str], last: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``: a list in words, ``last`` before its final item (no serial comma)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"
