"""Remember a derived frame between notebooks, keyed on the library and on the files it read.

Several analysis notebooks start from the same coded dataset
(:func:`helpers.data.coded.studies`), and deriving it costs about a millisecond
per study: nothing for the review's 56 studies, but seconds for every
notebook on a hundred times the data. Each notebook runs in a kernel of its
own, so an in-memory cache would not help; the frame is kept under
``.cache/memo/`` instead.

An entry is used only when

* the library's source (every module of this package) is byte for byte the
  one that computed it: the file name carries its hash, and
* every file the computation read has the SHA-256 it had then.

On a hit those files are recorded as read (:func:`helpers.core.runrecord.note_read`),
so the build's fingerprint of the notebook is the same with or without the
cache. They were validated when the entry was made, and the same bytes
validated by the same code give the same answer. A project that cannot be
written (a read-only checkout) simply computes every time.

``pickle`` is used rather than CSV or Parquet because it keeps pandas'
extension dtypes (``Int64``, ``string``, ``boolean``) exactly; the files
are this checkout's own, written and read by the same code.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from helpers.core import edition, files, paths, runrecord

__all__ = ["remembered", "MEMO_DIR"]

#: Where remembered frames live.
MEMO_DIR: Path = paths.CACHE_DIR / "memo"

_LIBRARY = paths.SRC_DIR


def _library_hash() -> str:
    digest = hashlib.sha256(pd.__version__.encode())
    for module in sorted(_LIBRARY.rglob("*.py")):
        digest.update(module.relative_to(_LIBRARY).as_posix().encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()[:16]


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def remembered(name: str, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """``compute()``, or the frame it gave last time if nothing it depends on has changed.

    Parameters
    ----------
    name : str
        What is remembered (one entry per name and library version).
    compute : callable
        Returns a DataFrame; every file it reads must go through
        :func:`helpers.core.runrecord.note_read` (as :func:`helpers.data.curated.load` does).

    Returns
    -------
    pandas.DataFrame
        A fresh copy; callers may change it.
    """
    # The current edition reads the printed files too, so a printed entry would pass its check: keep them apart.
    shown = name if edition.current() == edition.PRINTED else f"{name}-{edition.current()}"
    entry = MEMO_DIR / f"{shown}-{_library_hash()}.pickle"
    try:
        reads, frame = pickle.loads(entry.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        reads = frame = None
    if reads is not None and all(_sha256(paths.ROOT / rel) == digest for rel, digest in reads.items()):
        for rel in reads:
            runrecord.note_read(paths.ROOT / rel)
        return frame.copy()
    with runrecord.reads_within() as seen:
        frame = compute()
    try:
        payload = pickle.dumps(({paths.relative(p): d for p, d in sorted(seen.items())}, frame), protocol=5)
        files.write_bytes(entry, payload)
    except OSError:  # a read-only or full project: compute again next time
        pass
    return frame.copy()
