"""The provenance manifest of the canonical exhibits: ``figures/manifest.json``.

For every exhibit it holds the id, title and caption; each file with its
SHA-256; the notebook and parameters that made it; the data files it read,
with their hashes; and the software versions. It holds no build time and no
commit id: a committed file that names its own commit can never be up to
date, and a time would change on every build. Content hashes identify the
inputs instead (the README shows how to add the commit when citing).

The ``software`` block names the environment that MADE the committed
exhibits, not the one that last rebuilt them. Any supported interpreter
(3.11, 3.12, 3.13) reproduces every exhibit's bytes; a build on another one
that changes no byte therefore keeps the committed block, so a fresh clone's
first build leaves the manifest as committed whatever Python runs it. Only
a build that changes some exhibit (or the pinned versions) records the
environment it ran in. Each build's own environment is noted in the ignored
``.cache/build-env.json`` (:func:`note_environment`) and printed.
"""

from __future__ import annotations

import json
import platform
import re
import sys
from importlib import metadata
from pathlib import Path

from helpers.core import files, paths
from helpers.core.catalog import EXHIBITS, LICENCE, SOURCE, Exhibit

from . import lockfiles

__all__ = [
    "NAME",
    "ENVIRONMENT",
    "path",
    "load",
    "software",
    "entry",
    "update",
    "note_environment",
    "check_files",
    "verify",
]

NAME = "manifest.json"
#: Packages whose versions shape the exhibits' bytes.
_SOFTWARE = (
    "pandas",
    "numpy",
    "matplotlib",
    "openpyxl",
    "tabulate",
    "frictionless",
    "papermill",
    "nbformat",
    "nbclient",
    "ipykernel",
)


def path():
    """Where the manifest lives."""
    return paths.FIGURES_DIR / NAME


def load() -> dict[str, dict]:
    """Return the manifest's entries by exhibit id ({} when there is none)."""
    if not path().exists():
        return {}
    return json.loads(path().read_text(encoding="utf-8"))["exhibits"]


#: The local environment of the last build: ignored by git (under .cache/), never committed.
ENVIRONMENT = paths.CACHE_DIR / "build-env.json"


def software() -> dict[str, str]:
    """Versions of Python (major.minor) and of the pinned packages that matter."""
    pins = lockfiles.read_lock()
    versions = {"python": f"{sys.version_info.major}.{sys.version_info.minor}"}
    versions.update({name: pins[name] for name in _SOFTWARE if name in pins})
    return versions


def entry(info: Exhibit, record: dict, fingerprint: dict, notebook_sha256: str) -> dict:
    """Build one exhibit's manifest entry from its run record (:mod:`helpers.core.runrecord`).

    The executed notebook is part of the exhibit (readers and nbval see its
    outputs), so its SHA-256 is recorded and checked like the files'.
    """
    folder = info.folder.name
    return {
        "id": info.id,
        "kind": info.kind,
        "title": info.title,
        "caption": info.caption,
        "notebook": f"notebooks/{info.id}.ipynb",
        "notebook_sha256": notebook_sha256,
        "parameters": record["parameters"],
        "files": {f"{folder}/{name}": digest for name, digest in sorted(record["files"].items())},
        "inputs": dict(sorted(record["inputs"].items())),
        "modules": dict(sorted(record["modules"].items())),
        "fingerprint": fingerprint,
    }


def _software_for(previous: dict | None, exhibits: dict[str, dict], current: dict[str, str]) -> dict[str, str]:
    """The ``software`` block of a manifest whose exhibits are ``exhibits``.

    The committed block records the environment that made the committed
    bytes. It is kept when nothing but the interpreter differs: every
    exhibit's entry (file and notebook hashes, inputs, modules, fingerprint)
    is unchanged and the pinned packages are the same. Otherwise some
    exhibit was made here, now, and the block takes ``current``.
    """
    if not previous or "software" not in previous:
        return current
    old = previous["software"]
    same_pins = {k: v for k, v in old.items() if k != "python"} == {k: v for k, v in current.items() if k != "python"}
    return old if same_pins and previous.get("exhibits") == exhibits else current


def update(entries: dict[str, dict]) -> None:
    """Merge new entries into the manifest and rewrite it deterministically.

    The ``software`` block stays as committed when the merged exhibits are
    byte-for-byte those of the committed manifest (see :func:`_software_for`).
    """
    previous = json.loads(path().read_text(encoding="utf-8")) if path().exists() else None
    merged = dict(previous["exhibits"]) if previous else {}
    merged.update(entries)
    ordered = {k: merged[k] for k in EXHIBITS if k in merged}
    document = {
        "project": "mscs-aging-review",
        "source": SOURCE,
        "licence": LICENCE,
        "how_to_verify": "review verify (or make verify) recomputes every SHA-256 below",
        "software": _software_for(previous, ordered, software()),
        "exhibits": ordered,
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    files.write_bytes(path(), text.encode("utf-8"))


def note_environment() -> dict:
    """Write the environment of this build to ``.cache/build-env.json`` and return it.

    The committed manifest may name another interpreter (the one that made
    the exhibits, see :func:`_software_for`); this ignored file says what
    this checkout's last build really ran on, with installed versions.
    Best effort: a full disk or a read-only .cache/ must not fail a build
    over a note; ``unwritten`` then says why it was not written.
    """
    installed = {}
    for name in _SOFTWARE:
        try:
            installed[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed[name] = "missing"
    recorded = {}
    if path().exists():
        recorded = json.loads(path().read_text(encoding="utf-8")).get("software", {})
    here = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "platform": f"{sys.platform}-{platform.machine()}",
        "installed": installed,
        "manifest_python": recorded.get("python"),
    }
    try:
        files.write_bytes(ENVIRONMENT, (json.dumps(here, indent=2, sort_keys=True) + "\n").encode("utf-8"))
    except OSError as exc:
        here["unwritten"] = exc.strerror or str(exc)
    return here


def check_files(item: dict, *, notebook: bool = False) -> list[str]:
    """Problems with one entry's files on disk (missing or altered).

    Parameters
    ----------
    item : dict
        A manifest entry.
    notebook : bool
        Also check the executed notebook. The build does (a notebook whose
        outputs were cleared must run again); ``review verify`` does not,
        since a notebook is also source that people edit.
    """
    problems = []
    recorded = dict(item["files"])
    if notebook and "notebook_sha256" in item:
        recorded[item["notebook"]] = item["notebook_sha256"]
    for name, digest in recorded.items():
        target = paths.ROOT / name
        if not target.exists():
            problems.append(f"{name}: missing (recorded sha256 {digest[:12]}…)")
        elif files.sha256(target) != digest:
            problems.append(f"{name}: sha256 {files.sha256(target)[:12]}… differs from the recorded {digest[:12]}…")
    return problems


def verify() -> list[str]:
    """Check every canonical file against the manifest; return the problems.

    A manifest that is missing or cannot be read is one problem, named; so
    is an exhibit's notebook that is missing (its bytes are not compared:
    a notebook is also source that people edit, see :func:`check_files`).
    """
    name = paths.relative(path())
    if not path().exists():
        return [f"{name}: missing; run `review build`"]
    try:
        entries = load()
        items = list(entries.values())
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        # A truncated or hand-edited manifest must be named, not end in a traceback.
        return [f"{name}: unreadable ({type(exc).__name__}: {exc}); run `review build`"]
    problems = []
    for item in items:
        problems += check_files(item)
        notebook = item.get("notebook")
        if notebook and not (paths.ROOT / notebook).exists():
            problems.append(f"{notebook}: missing")
    return problems


#: The record a run (and a view of the site) leaves beside its files.
RUN_RECORD = "run.json"


def verify_run(target: Path) -> tuple[list[str], int]:
    """Check a view's or a run's files against the ``run.json`` in their folder; return (problems, files checked).

    ``target`` is the folder (every file the record lists is checked) or one
    of its files (that file only; it must be one the record lists). A site's
    view folder (``site/views/<id>/<slug>/``) holds its ``run.json``, so files
    downloaded from a view's page verify as they are.
    """
    folder = target if target.is_dir() else target.parent
    record_path = folder / RUN_RECORD
    if not target.exists():
        return [f"{target}: missing"], 0
    if target.is_file() and not record_path.is_file():
        record_path = _record_named_in(target) or record_path
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        listed = dict(record["files"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [
            f"{record_path}: no run record to check against ({type(exc).__name__}); keep run.json beside the files"
        ], 0
    # A figure found through its metadata may have been renamed on download: it is the view's file of its format.
    named = (
        target.name
        if target.name in listed or record_path.parent == folder
        else f"{record.get('exhibit')}{target.suffix}"
    )
    if target.is_dir():
        names = sorted(listed)
    elif named in listed:
        names = [named]
    else:
        return [f"{target}: not one of the files its run.json lists ({', '.join(sorted(listed))})"], 0
    problems = []
    for name in names:
        digest, here = listed[name], (target if target.is_file() else folder / name)
        if not here.is_file():
            problems.append(f"{here}: missing (run.json lists sha256 {digest[:12]}…)")
        elif files.sha256(here) != digest:
            problems.append(f"{here}: sha256 {files.sha256(here)[:12]}… differs from run.json's {digest[:12]}…")
    return problems, len(names)


#: How a view's PNG, SVG and PDF name their page (:func:`helpers.outputs.formats.figure_bytes`), in plain bytes.
_VIEW_PAGE = re.compile(rb"views/[A-Za-z0-9_]+/([A-Za-z0-9+._-]+)/index\.html")


def _record_named_in(target: Path) -> Path | None:
    """The run record of a view's figure downloaded on its own: its metadata names the view's page, whose
    slug is the run's folder (``runs/<slug>/run.json``), or the page's folder in ``site/``."""
    found = _VIEW_PAGE.search(target.read_bytes())
    if not found:
        return None
    page = found.group(0).decode()
    for candidate in (
        paths.RUNS_DIR / found.group(1).decode() / RUN_RECORD,
        paths.ROOT / "site" / page.rsplit("/", 1)[0] / RUN_RECORD,
    ):
        if candidate.is_file():
            return candidate
    return None
