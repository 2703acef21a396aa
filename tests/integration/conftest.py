"""What the browser tests share: Debian's Chromium driven by Playwright, a site served on loopback, and the views.

The views (``views_built``) are built once per session for all xdist workers,
like the session's ``built`` tree: test_views.py reads what they wrote, and
test_lighthouse.py audits their pages.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import _shared_tree, review

#: The views the session builds: a table's empty selection (Table 4 keeps no row for WEAK) and a figure.
VIEWS = ("table4_diseases-WEAK", "trials_diseases-AD")
#: Their pages, site-relative.
VIEW_PAGES = {
    "table4_diseases-WEAK": "views/table4/table4_diseases-WEAK/index.html",
    "trials_diseases-AD": "views/trials/trials_diseases-AD/index.html",
}

CHROMIUM = Path(os.environ.get("REVIEW_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing_browser() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return (
            "Playwright for Python is not installed: it is in requirements.lock, so run `make setup` "
            "(do not run `playwright install`: the tests drive Debian's Chromium)"
        )
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM}: run `apt-get install -y chromium` (or set REVIEW_CHROMIUM)"
    return None


@pytest.fixture(scope="module")
def browser():
    reason = missing_browser()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def served(folder: Path):
    """Serve ``folder`` with ``python -m http.server`` on a free loopback port; yield its base URL."""
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        port = re.search(r"port (\d+)", server.stdout.readline()).group(1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _build_views(root: Path) -> dict:
    done = review(root, "site", "--views", "--only", *VIEWS, "--jobs", "2", "--quiet", timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return {"stdout": done.stdout}


@pytest.fixture(scope="session")
def views_built(tmp_path_factory) -> tuple[Path, dict]:
    """A copy of the project with :data:`VIEWS` built by ``review site --views`` (never written to by tests).

    No canonical build is needed: the site renders the committed exhibits, and
    the views run their own notebooks. Returns the tree and ``{"stdout": what
    the views build printed}``.
    """
    return _shared_tree(tmp_path_factory, "views", _build_views)
