"""``changes.html``: what changed since the last release, from :mod:`review.diff`.

The page compares the last release tag (``v*``) with the files as they are
now: the rows of ``data/``, the derived codes, every drawn number and the
exhibits whose files changed. Without a release (or outside a git checkout)
it says so and compares nothing. Every value reaches the page through the
autoescaping template.
"""

from __future__ import annotations

import subprocess

from helpers.core import paths

from .. import diff, release
from .context import Context, page

__all__ = ["changes_key", "changes_page", "compared_files"]


def compared_files() -> list:
    """The files a diff reads in the working tree, whose hashes key the page."""
    root = paths.ROOT
    found = sorted((root / "data").glob("*.csv")) + sorted((root / "figures").glob("*.data.csv"))
    found += [root / name for name in (*diff.DERIVED, "figures/manifest.json", "data/datapackage.json")]
    return [p for p in found if p.is_file()]


def _tag_commit(tag: str | None) -> str | None:
    if tag is None:
        return None
    done = subprocess.run(["git", "rev-parse", f"{tag}^{{commit}}"], cwd=paths.ROOT, capture_output=True, text=True)
    return done.stdout.strip() or None


def changes_key() -> tuple[str | None, str | None]:
    """The release the page compares with, and its commit: with the files' hashes, what the page depends on."""
    tag = release.last_tag(paths.ROOT)
    return tag, _tag_commit(tag)


def _rows(table: diff.TableDiff) -> list[dict]:
    out = []
    for change in table.changes:
        cells = [{"column": c, "before": a, "after": b} for c, (a, b) in change.cells.items()]
        out.append({"key": " · ".join(k for k in change.key if k), "kind": change.kind, "cells": cells})
    return out


def changes_page(ctx: Context) -> bytes:
    """Render ``changes.html`` (the diff from the last release tag to now, or why there is none)."""
    tag, _ = changes_key()
    sections = []
    exhibits = {}
    if tag is not None:
        found = diff.diff(tag, diff.WORKTREE)
        for title, tables in (
            ("Transcribed data (data/)", found.data),
            ("Derived codes (tables/studies.csv, tables/trials.csv)", found.derived),
            ("Numbers the exhibits draw (figures/*.data.csv)", found.numbers),
        ):
            sections.append(
                {
                    "title": title,
                    "tables": [
                        {
                            "path": t.path,
                            "key": ", ".join(t.key),
                            "added": t.columns_added,
                            "removed": t.columns_removed,
                            "rows": _rows(t),
                        }
                        for t in tables
                    ],
                }
            )
        exhibits = found.exhibits
    return page(ctx, "changes.html", "changes.html", tag=tag, sections=sections, exhibits=exhibits)
