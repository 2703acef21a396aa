"""Which edition of the data this run reads: the printed review, or the printed review plus additions.

``data/`` is the printed edition and never changes with new literature;
``data/additions/`` holds the studies, trials and references added since
(see ``data/additions/README.md``). A notebook's ``edition`` parameter picks
one, :func:`helpers.notebook.session.start` sets it here once per run, and
:func:`helpers.data.curated.load` reads it, so every frame of the run comes
from the same edition without any notebook or analysis passing it along.

It is process state, like :mod:`helpers.core.runrecord`: a warm kernel runs
one notebook at a time, and every run sets it afresh (the printed edition
unless the notebook asks otherwise).
"""

from __future__ import annotations

from pathlib import Path

from helpers.core import paths
from helpers.core.vocab import EDITIONS

__all__ = ["EDITIONS", "PRINTED", "CURRENT", "ADDITIONS_DIR", "use", "current"]

PRINTED, CURRENT = EDITIONS
#: Where the added rows live, with their own data package.
ADDITIONS_DIR: Path = paths.DATA_DIR / "additions"

_edition = PRINTED


def use(edition: str) -> None:
    """Make ``edition`` the one every later load reads (until the next call).

    Raises
    ------
    ValueError
        For a name other than those of :data:`EDITIONS`.
    """
    global _edition
    if edition not in EDITIONS:
        raise ValueError(f"edition {edition!r}: allowed: {', '.join(EDITIONS)}")
    _edition = edition


def current() -> str:
    """The edition loads read now (``printed`` unless a run chose ``current``)."""
    return _edition
