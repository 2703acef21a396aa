"""Write files atomically and hash them.

Every file is first written next to its target under a temporary name and
then renamed over it (``os.replace`` is atomic on one file system), so a
reader never sees half a file and a killed writer leaves the old file whole.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_bytes", "sha256", "TEMP_GLOB"]

#: Names of the temporary siblings :func:`write_bytes` creates (for sweeping
#: what a killed writer left behind).
TEMP_GLOB = ".*.tmp"


def sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file, or of a folder's listing (its entries' names, sorted).

    A folder's hash changes when an entry is added, removed or renamed, not when
    an entry's bytes change: a reader that opens an entry records that file too.
    """
    path = Path(path)
    if path.is_dir():
        return hashlib.sha256("\n".join(sorted(p.name for p in path.iterdir())).encode("utf-8")).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically: a temporary sibling, then rename.

    An unchanged file is left alone, so its modification time keeps telling
    when its content last changed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return path
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
