"""What the browser tests share: Debian's Chromium driven by Playwright, and a site served on loopback."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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
