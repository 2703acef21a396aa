"""``review site --views`` end to end, on two views of the cheapest exhibits: a table's empty selection and a figure.

The session's ``views_built`` tree (tests/integration/conftest.py) holds ``table4_diseases-WEAK`` (Table 4
keeps no row for it: the notebook's empty state) and ``trials_diseases-AD`` (a figure), built once; the tests
read what it wrote, and test_lighthouse.py audits the same pages.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import review
from tests.integration.conftest import VIEW_PAGES, VIEWS

TRIALS = VIEW_PAGES["trials_diseases-AD"].rsplit("/", 1)[0]
EMPTY = VIEW_PAGES["table4_diseases-WEAK"].rsplit("/", 1)[0]


@pytest.fixture(scope="module")
def project(views_built) -> Path:
    root, facts = views_built
    assert "views: 2 ran, 0 up to date, 0 failed" in facts["stdout"]
    return root


class _Page(HTMLParser):
    """The links, meta tags and scripts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.meta: list[tuple[str, str]] = []
        self.scripts = 0
        self.csp = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag == "link" and "href" in a:
            self.links.append(a["href"])
        if tag == "meta" and "name" in a:
            self.meta.append((a["name"], a["content"]))
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a["content"]
        self.scripts += tag == "script" or any(k.startswith("on") for k in a)


def parsed(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.mark.parametrize("folder", [TRIALS, EMPTY])
def test_a_view_page_has_its_meta_tags_no_script_and_every_link_resolves(project, folder):
    page_path = project / "site" / folder / "index.html"
    page = parsed(page_path)
    assert page.scripts == 0 and "script-src 'none'" in page.csp
    meta = dict(page.meta)
    record = json.loads((project / "site" / folder / "run.json").read_text(encoding="utf-8"))
    assert meta["DC.coverage"].startswith("Selection: ")
    assert meta["DC.coverage"] in meta["citation_title"]
    assert meta["DC.relation.isPartOf"] == f"{folder}/index.html"
    file, sha = meta["DC.identifier"].split(" sha256:")
    assert record["files"][Path(file).name] == sha
    for link in page.links:
        if urlsplit(link).scheme or link.startswith(("#", "data:")):
            continue
        assert (page_path.parent / urlsplit(link).path).resolve().is_file(), link


def test_the_exhibit_page_links_to_its_built_views_with_plain_links(project):
    page = parsed(project / "site" / "exhibits" / "trials.html")
    assert f"../{TRIALS}/index.html" in page.links
    assert page.scripts == 0
    # Only the views that were built are linked; the others have no page to point at.
    assert not [link for link in page.links if "trials_diseases-POF" in link]


def test_an_empty_selection_shows_the_notebooks_empty_state(project):
    text = (project / "site" / EMPTY / "index.html").read_text(encoding="utf-8")
    assert "No row of the table matches this selection." in text
    assert "Traceback" not in text and "Error" not in re.sub(r"<[^>]+>", "", text).split("Files")[0][-2000:]


def test_the_views_csl_json_and_ris_name_its_selection_and_sha256(project):
    import rispy

    record = json.loads((project / "site" / TRIALS / "run.json").read_text(encoding="utf-8"))
    (item,) = json.loads((project / "site" / TRIALS / "cite.csl.json").read_text(encoding="utf-8"))
    assert "Selection: diseases AD" in item["title"] and record["files"]["trials.svg"] in item["note"]
    (entry,) = rispy.loads((project / "site" / TRIALS / "cite.ris").read_text(encoding="utf-8"))
    assert "Selection: diseases AD" in entry["title"]


def test_the_views_figures_carry_selection_version_and_page(project):
    for name in ("trials.png", "trials.svg", "trials.pdf"):
        data = (project / "site" / TRIALS / name).read_bytes()
        assert b"Selection: diseases AD" in data
        assert f"{TRIALS}/index.html".encode() in data
        assert b"mscs-aging-review version " in data or b"mscs-aging-review " in data


def test_verify_accepts_a_views_files_and_names_a_changed_one(project, tmp_path):
    done = review(project, "verify", f"site/{TRIALS}/")
    assert done.returncode == 0, done.stderr
    assert "all 5 files match their run.json" in done.stdout
    copy = tmp_path / "copy"
    shutil.copytree(project / "site" / TRIALS, copy)
    (copy / "trials.data.csv").write_text("edited\n", encoding="utf-8")
    done = review(project, "verify", str(copy))
    assert done.returncode == 1 and "trials.data.csv" in done.stderr


def test_a_second_views_build_with_nothing_changed_reruns_and_rewrites_nothing(project):
    done = review(project, "site", "--views", "--only", *VIEWS, "--quiet")
    assert done.returncode == 0, done.stderr
    assert "views: 0 ran, 2 up to date, 0 failed" in done.stdout
    assert "(0 rendered, 0 copied," in done.stdout


@pytest.mark.parametrize("folder", [TRIALS, EMPTY])
def test_a_view_page_in_a_browser_is_clean_offline_and_accessible(project, browser, folder):
    """The browser checks every site page passes (tests/integration/test_site.py::_check_page), on view pages:
    console clean, offline, images load, links and anchors resolve, headings in order, axe clean."""
    from tests.integration.test_site import Visit, _check_page

    site = project / "site"
    base = site.as_uri() + "/"
    visit = Visit(browser, base + f"{folder}/index.html", base)
    try:
        assert _check_page(visit, site) == []
    finally:
        visit.close()


def test_the_views_figure_is_shown_from_its_svg_beside_the_page_not_inlined(project):
    """The page points an <img> at the view's own trials.svg (listed under Files) with its size: no data: URL."""
    text = (project / "site" / TRIALS / "index.html").read_text(encoding="utf-8")
    (tag,) = re.findall(r"<img [^>]*>", text)
    src, width, height = re.fullmatch(r'<img src="([^"]+)" width="(\d+)" height="(\d+)" alt="[^"]+">', tag).groups()
    assert src == "trials.svg" and "data:image" not in text
    svg = (project / "site" / TRIALS / src).read_text(encoding="utf-8")
    box = [float(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split()]
    # the intrinsic size keeps the drawing's shape (1 pt = 4/3 px), so nothing shifts as it loads
    assert abs(int(width) - box[2] * 4 / 3) < 1 and abs(int(height) - box[3] * 4 / 3) < 1


def test_an_exhibit_page_that_links_views_passes_the_browser_checks(project, browser):
    """The exhibit page with its Views list (only built with views) keeps its h1 first and passes every check."""
    from tests.integration.test_site import Visit, _check_page

    site = project / "site"
    base = site.as_uri() + "/"
    visit = Visit(browser, base + "exhibits/trials.html", base)
    try:
        assert _check_page(visit, site) == []
    finally:
        visit.close()
