"""Fingerprints: the facts that decide whether a notebook must run again.

A notebook runs again when any of these changed since its last run:

``notebook``    its code (cell types, sources and tags; not outputs);
``parameters``  the defaults its ``parameters`` cell declares;
``library``     the ``helpers`` modules it imported, with their bytes;
``lock``        the pip lock (every package version);
``inputs``      the data files it read, with their bytes.

Both ``library`` and ``inputs`` come from the notebook's own run record
(:mod:`helpers.core.runrecord`), so a notebook depends only on what it used:
editing the build tool reruns nothing, editing ``helpers/plots/common.py`` reruns
only the notebooks that import it. jupyter-cache was not enough: it keys a
notebook on its cell code alone, so an edited CSV or module would not
trigger a rerun.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from helpers.core import files, paths
from helpers.notebook.params import declared

from . import manifest, nbfiles

__all__ = ["fingerprint", "stale", "current_hashes", "load_state", "STATE"]

#: Fingerprints of what this checkout has itself executed. The first build
#: in a fresh clone therefore runs every notebook, which proves on the
#: user's machine that the committed bytes reproduce; later builds skip
#: what is unchanged.
STATE = paths.CACHE_DIR / "build-state.json"


def _sha_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def current_hashes(names: dict[str, str] | list[str] | None, base: Path) -> dict[str, str]:
    """SHA-256 now of each named file under ``base`` ("missing" when it is gone)."""
    out = {}
    for name in sorted(names or []):
        path = base / name
        out[name] = files.sha256(path) if path.exists() else "missing"
    return out


def fingerprint(
    exhibit: str, inputs: dict[str, str] | None = None, modules: dict[str, str] | None = None, *, as_read: bool = False
) -> dict[str, str]:
    """The fingerprint of ``exhibit``'s notebook.

    Parameters
    ----------
    exhibit : str
    inputs : dict, optional
        Data files (project-relative) the notebook read, with the hashes
        they had when read.
    modules : dict, optional
        Library modules (``helpers/data/curated.py``) the notebook imported, with
        their hashes.
    as_read : bool
        Use the recorded hashes (what the notebook actually used) rather
        than hashing the files now; a file edited during a build then makes
        the next build run the notebook again.
    """
    notebook = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    if not as_read:
        inputs = current_hashes(inputs, paths.ROOT)
        modules = current_hashes(modules, paths.SRC_DIR.parent)
    return {
        "notebook": nbfiles.code_hash(notebook),
        "parameters": _sha_text(json.dumps(declared(notebook), sort_keys=True)),
        "library": _sha_text(json.dumps(dict(sorted((modules or {}).items())))),
        "lock": files.sha256(paths.LOCKFILE),
        "inputs": _sha_text(json.dumps(dict(sorted((inputs or {}).items())))),
    }


def load_state() -> dict[str, dict]:
    """Fingerprints this checkout has executed, by exhibit."""
    return json.loads(STATE.read_text()) if STATE.exists() else {}


def stale(exhibit: str, entry: dict | None, state: dict | None = None) -> str | None:
    """Why ``exhibit`` must run again, or None when it is up to date.

    Parameters
    ----------
    exhibit : str
    entry : dict or None
        Its manifest entry.
    state : dict, optional
        Fingerprints this checkout has executed; read from :data:`STATE`.
    """
    if not entry:
        return "never built"
    now = fingerprint(exhibit, entry.get("inputs"), entry.get("modules"))
    changed = [k for k, v in now.items() if entry.get("fingerprint", {}).get(k) != v]
    if changed:
        return "changed: " + ", ".join(changed)
    if (load_state() if state is None else state).get(exhibit) != now:
        return "not yet built in this checkout"
    if manifest.check_files(entry, notebook=True):
        return "outputs differ from the manifest"
    return None
