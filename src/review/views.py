"""The site's views: the selections the catalog declares, built with the sweep machinery, incrementally.

A view is one exhibit with one selection the catalog declares
(:func:`helpers.core.catalog.views`: each disease alone, each modality
alone), run by :func:`review.sweep.run_many` on the warm kernel pool, and
served by the site as its own page (:mod:`review.site.views`).

Where the files live. A view runs into ``runs/<slug>/``, the folder
``review run`` gives the same selection, and the site copies its files into
``site/views/<exhibit>/<slug>/`` beside its page. Running straight into
``site/`` was weighed and not done: ``runs/`` is the one place a run may
write (:func:`helpers.notebook.params.validate` refuses any other), so the
view is exactly what a reader's ``review run fig1 -p diseases AD`` makes,
with the same record; and every file under ``site/`` stays an output of the
site's incremental engine, with a key, so a view the catalog stops declaring
disappears from the site and a no-op render writes nothing.

Incremental like the build. :data:`STATE` keeps, per view, the fingerprint
(:func:`review.fingerprint.fingerprint`: notebook code, declared defaults,
modules imported, lock, data read) its run record gives; a view runs again
when that changed, when its ``run.json`` is gone, or when a file no longer
has the SHA-256 the record lists. ``review site`` serves only views that are
current, so a page never shows a view older than the code that would make it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from helpers.core import catalog, files, paths, project
from helpers.core.vocab import DISEASE_CODES, SINGLE_CHOICE
from helpers.notebook.params import declared, describe_selection, slug

from . import fingerprint, nbfiles

__all__ = ["STATE", "View", "ViewsResult", "declared_views", "current", "stale", "build"]

#: The fingerprints of the views this checkout has built (like the build's :data:`review.fingerprint.STATE`).
STATE = paths.CACHE_DIR / "views-state.json"
#: The record a run leaves beside its files (:data:`helpers.notebook.session.RUN_RECORD`).
RECORD = "run.json"


@dataclass(frozen=True)
class View:
    """One declared view: the exhibit, its selection and where its run and page are."""

    exhibit: str
    selection: dict[str, str]  # as declared: {"diseases": "AD"}
    slug: str  # the run's folder name, runs/<slug>/
    words: str  # "Selection: diseases AD", as the figure's subtitle says it

    @property
    def label(self) -> str:
        """The view's link text on its exhibit's page: a disease by name and code, a modality alone."""
        ((name, value),) = self.selection.items()
        if name == "diseases":
            return f"{DISEASE_CODES.get(value, value)} ({value})"
        return f"{value} only" if name == "modality" else f"{name.replace('_', ' ')} {value}"

    @property
    def out_dir(self) -> Path:
        return paths.RUNS_DIR / self.slug

    @property
    def page(self) -> str:
        """The view's page, a site path; its files sit in the same folder."""
        return project.view_page(self.exhibit, self.slug)

    @property
    def folder(self) -> str:
        """The site folder of the view's page and files."""
        return self.page.rsplit("/", 1)[0]

    def record(self) -> dict | None:
        """The run record ``run.json`` its last run left, or None."""
        path = self.out_dir / RECORD
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None


def declared_views(only: list[str] | None = None) -> list[View]:
    """Every view the catalog declares, for the exhibits with a notebook, in catalogue order.

    ``only`` keeps the views of these exhibit ids, and these views by slug (``trials_diseases-AD``).

    Each is named by the same slug (its ``runs/`` folder) and words (its
    subtitle) as ``review run`` gives the same selection; the notebook
    validates it again when it runs.
    """
    out = []
    for exhibit in nbfiles.notebook_ids():
        if only and exhibit not in only and not any(name.startswith(f"{exhibit}_") for name in only):
            continue
        defaults = declared(paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb")
        for selection in catalog.views(exhibit, defaults):
            # What validate() makes of one allowed code (a list parameter's tuple, a single choice's word),
            # stated here: validating the audit notebook's defaults would import every audit rule, and a
            # no-op render must stay a hash check. tests/unit/review/test_views.py holds the two equal.
            changed = {name: value if name in SINGLE_CHOICE else (value,) for name, value in selection.items()}
            view = View(exhibit, selection, slug(exhibit, changed), describe_selection(changed, exhibit))
            if not only or exhibit in only or view.slug in only:
                out.append(view)
    return out


class _Fingerprints:
    """Fingerprints now, each computed once per set of files (the views of one exhibit share them)."""

    def __init__(self) -> None:
        self._seen: dict[tuple, dict] = {}

    def __call__(self, exhibit: str, record: dict) -> dict:
        key = (exhibit, tuple(sorted(record.get("inputs", {}))), tuple(sorted(record.get("modules", {}))))
        if key not in self._seen:
            self._seen[key] = fingerprint.fingerprint(exhibit, record.get("inputs"), record.get("modules"))
        return self._seen[key]


def _load_state() -> dict:
    try:
        return json.loads(STATE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def stale(
    view: View,
    state: dict,
    now: Callable[[str, dict], dict],
    sha: Callable[[Path], str | None],
    record: dict | None = None,
) -> str | None:
    """Why ``view`` must run again, or None when its run is current.

    ``now`` gives an exhibit's fingerprint for a record, ``sha`` a file's SHA-256 (None when missing);
    ``record`` is its ``run.json`` when the caller has read it already.
    """
    record = record or view.record()
    if record is None or not record.get("files"):
        return "never built"
    if state.get(view.slug) != now(view.exhibit, record):
        return "changed since it was built" if view.slug in state else "not yet built in this checkout"
    for name, digest in record["files"].items():
        if sha(view.out_dir / name) != digest:
            return f"{name} differs from its run record"
    return None


def current(sha: Callable[[Path], str | None]) -> tuple[dict[str, list[tuple[View, dict]]], list[View]]:
    """The views the site serves (current, with their records), by exhibit, and those out of date.

    Only views this checkout has built (:data:`STATE`) are looked at, so a
    site without views costs nothing.
    """
    state = _load_state()
    if not state:
        return {}, []
    now, served, old = _Fingerprints(), {}, []
    for view in declared_views():
        if view.slug not in state:
            continue
        record = view.record()
        if stale(view, state, now, sha, record):
            old.append(view)
        else:
            served.setdefault(view.exhibit, []).append((view, record))
    return served, old


@dataclass
class ViewsResult:
    """What a views build did."""

    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def build(
    only: list[str] | None = None, *, jobs: int | None = None, timeout: int = 600, log=print, force: bool = False
) -> ViewsResult:
    """Run every declared view that is stale, on the warm kernel pool, and note what each run used.

    A failed view is reported and left out of :data:`STATE` (so the site does
    not serve it); the others still run.
    """
    from . import sweep

    result = ViewsResult()
    state, now = _load_state(), _Fingerprints()
    todo = []
    for view in declared_views(only):
        reason = "forced" if force else stale(view, state, now, lambda p: files.sha256(p) if p.is_file() else None)
        if reason:
            log(f"{view.slug}: {reason}")
            todo.append(view)
        else:
            result.skipped.append(view.slug)
    # Every stale view of every notebook on one pool of warm kernels; the figures first, as the build orders them.
    todo.sort(key=lambda v: catalog.get(v.exhibit).kind != "figure")
    runs = [
        # A relative output_dir (read from the project root), so run.json names no absolute path.
        (
            paths.NOTEBOOKS_DIR / f"{v.exhibit}.ipynb",
            v.out_dir,
            {**v.selection, "output_dir": paths.relative(v.out_dir)},
        )
        for v in todo
    ]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(runs)))
    outcomes = sweep.run_each(runs, timeout, workers) if runs else []
    for view, outcome in zip(todo, outcomes, strict=True):
        record = view.record()
        if isinstance(outcome, Exception) or record is None:
            result.failed[view.slug] = f"{view.slug}: {outcome}"
            state.pop(view.slug, None)
            continue
        state[view.slug] = fingerprint.fingerprint(view.exhibit, record["inputs"], record["modules"], as_read=True)
        result.ran.append(view.slug)
    files.write_bytes(STATE, (json.dumps(state, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return result
