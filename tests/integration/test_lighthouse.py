"""Lighthouse on the site: accessibility, best practices and SEO 100, performance at least 95.

The site of the session's ``built`` project is rendered into a scratch
folder, served by ``python -m http.server`` on 127.0.0.1 and audited by
Lighthouse 12.2.3 (installed by ``.ci/run`` with
``npm i -E lighthouse@12.2.3 --prefix .cache/lighthouse``) in Debian's
Chromium, one Chrome for all pages (``tests/lighthouse/run.mjs``). A page
costs about 20 s (Lighthouse waits for the page to settle), so ``make test``
audits three representative pages (the home page, a figure's exhibit page,
the references) and one figure view page, and the ``slow`` check (``make
soak``) audits every page and every view page the session builds. The view
pages are those of the session's ``views_built`` tree (the views
test_views.py checks), served apart from the build's site.
Without node or the installed Lighthouse the tests skip and say so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project, overlay, review
from tests.integration.conftest import CHROMIUM, VIEW_PAGES, VIEWS
from tests.integration.conftest import served as serving

PREFIX = ROOT / ".cache" / "lighthouse"
RUNNER = ROOT / "tests" / "lighthouse" / "run.mjs"
REPRESENTATIVE = ["index.html", "exhibits/fig2.html", "references.html"]
#: A figure's view page: its notebook's figure, selection, Cite this and files.
VIEW = VIEW_PAGES["trials_diseases-AD"]
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed (apt-get install nodejs npm; .ci/run does it)"
    if not (PREFIX / "node_modules" / "lighthouse" / "package.json").is_file():
        return f"Lighthouse is not installed: npm i -E lighthouse@12.2.3 --prefix {PREFIX.relative_to(ROOT)}"
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM}"
    return None


@pytest.fixture(scope="module")
def served(tmp_path_factory, built: Path):
    """The built project's site, served over HTTP on the loopback interface: (base URL, site folder)."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    root = copy_project(tmp_path_factory.mktemp("lighthouse") / "project")
    overlay(built, root)
    done = review(root, "site")
    assert done.returncode == 0, done.stdout + done.stderr
    site = root / "site"
    with serving(site) as base:
        yield base, site


@pytest.fixture(scope="module")
def views_served(views_built):
    """The site of the session's views tree, served over HTTP: (base URL, site folder)."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    site = views_built[0] / "site"
    with serving(site) as base:
        yield base, site


def _audit(base: str, pages: list[str]) -> dict[str, dict]:
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(
        ["node", str(RUNNER), str(PREFIX), base, *pages],
        env=env,
        capture_output=True,
        text=True,
        timeout=60 + 60 * len(pages),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _below(scores: dict[str, dict]) -> dict[str, dict]:
    """Pages whose score in some category is under its minimum, with the audits that cost points."""
    return {
        page: s for page, s in scores.items() if any(s[category] < minimum for category, minimum in MINIMUM.items())
    }


def test_lighthouse_on_representative_pages(served):
    base, _ = served
    scores = _audit(base, REPRESENTATIVE)
    assert sorted(scores) == sorted(REPRESENTATIVE)
    assert _below(scores) == {}


@pytest.mark.slow
def test_lighthouse_on_every_page(served):
    base, site = served
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "files" not in p.parts)
    scores = _audit(base, pages)
    assert _below(scores) == {}


def test_lighthouse_on_a_figure_view_page(views_served):
    base, _ = views_served
    scores = _audit(base, [VIEW])
    assert sorted(scores) == [VIEW]
    assert _below(scores) == {}


@pytest.mark.slow
def test_lighthouse_on_every_view_page(views_served):
    base, site = views_served
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "views").rglob("index.html"))
    assert pages == sorted(VIEW_PAGES[v] for v in VIEWS)
    scores = _audit(base, pages)
    assert _below(scores) == {}
