"""The static site (``review site``) checked in a real browser: headless Chromium driven by Playwright.

One module-wide project copy gets a ``<script>`` and an ``onerror=`` planted
in schema-valid data cells, then ``review build`` (which renders the site
after a successful build). Every page is then opened from ``file://`` and
checked: no console error, no request outside the site's folder, every image
loads, every internal link and anchor resolves, headings in order, and
axe-core (vendored in ``tests/vendor/axe-core``) finds no serious or
critical violation. Site-wide: one gallery card per built exhibit, each
"Cite this" SHA-256 equals the manifest, the planted markup shows as text
and never runs, the site also works over ``python -m http.server``, and a
render re-renders only what changed.

Needs Debian's Chromium (``apt-get install -y chromium``) and Playwright for
Python (``.venv/bin/pip install playwright``; never ``playwright install``,
whose browser download cannot work here). Without them the browser tests
skip and say so.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from helpers.core import catalog
from tests.conftest import ROOT, copy_project, overlay, review
from tests.integration.conftest import served

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / ".cache" / "screenshots"

#: Planted in schema-valid free-text cells (no comma or quote, so the CSV rows stay intact).
PAYLOAD_REF = "<script>window.__planted=1</script><img src=x onerror=window.__planted=2>"
PAYLOAD_ABBR = "<svg onload=window.__planted=3>"
PLANTS = (
    (
        "data/references.csv",
        ",Ageing as a risk factor for disease,",
        f",Ageing as a risk factor for disease {PAYLOAD_REF},",
    ),
    ("data/abbreviations.csv", "article,1,Aβ,β-amyloid,", f"article,1,Aβ,β-amyloid {PAYLOAD_ABBR},"),
)


def _built_exhibits(root: Path) -> list[str]:
    """Catalog exhibits with a notebook and a manifest entry: the ones the site shows."""
    manifest = json.loads((root / "figures" / "manifest.json").read_text(encoding="utf-8"))["exhibits"]
    return [e for e in catalog.EXHIBITS if (root / "notebooks" / f"{e}.ipynb").is_file() and e in manifest]


TOP_PAGES = ["index.html", "gallery.html", "data.html", "references.html", "abbreviations.html", "changes.html"]
PAGES = TOP_PAGES + [f"exhibits/{e}.html" for e in _built_exhibits(ROOT)]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def project(tmp_path_factory, built: Path) -> Path:
    """A built project copy with planted markup, its site rendered by ``review build`` and ``review site``.

    Starting from the session's ``built`` tree, the planted reference title
    reaches the references exhibit through its notebook, the one notebook
    rebuilt (``--only``). The abbreviation is planted after that build: every
    notebook reads the file, but only the abbreviations page shows its text,
    so a full build here would add nothing but time.
    """
    root = copy_project(tmp_path_factory.mktemp("site") / "project")
    overlay(built, root)

    def plant(name: str, old: str, new: str) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{name}: expected one {old!r} to plant into"
        path.write_text(text.replace(old, new), encoding="utf-8")

    (references, abbreviations) = PLANTS
    plant(*references)
    done = review(root, "build", "--quiet", "--only", "references", timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "site ready in" in done.stdout, done.stdout
    plant(*abbreviations)
    done = review(root, "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return project / "site"


class Visit:
    """One page opened in a fresh context, with everything it logged and requested."""

    def __init__(self, browser, url: str, base: str, **context_options):
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(**context_options)

        def gate(route):
            url = route.request.url
            if url.startswith(base) or url.startswith("data:"):
                route.continue_()
            else:
                self.outside.append(url)
                route.abort()

        self.context.route("**/*", gate)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(url, wait_until="load")
        self.base = base

    def close(self) -> None:
        self.context.close()

    def offsite(self) -> list[str]:
        """Requests that left the site's folder (data: URIs are inside the page)."""
        return sorted(
            set(self.outside) | {u for u in self.requests if not (u.startswith(self.base) or u.startswith("data:"))}
        )


def _ids(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        cache[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))
    return cache[path]


def _broken_links(hrefs: list[str], base: str, folder: Path) -> list[str]:
    """Internal links whose file or anchor does not exist; external (http) links are not followed."""
    broken, cache = [], {}
    for href in hrefs:
        if not href.startswith(base):
            if not href.startswith(("http://", "https://", "mailto:")):
                broken.append(f"{href} (not a site, web or mail link)")
            continue
        parts = urlsplit(href)
        rel = unquote(href[len(base) :].split("#")[0].split("?")[0]) or "index.html"
        target = folder / rel
        if not target.is_file():
            broken.append(f"{href} (no file {rel})")
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target, cache):
            broken.append(f"{href} (no id {parts.fragment!r} in {rel})")
    return broken


def _heading_problems(levels: list[int]) -> list[str]:
    problems = []
    if not levels or levels[0] != 1:
        problems.append(f"first heading is h{levels[0] if levels else '-'}, not h1")
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 elements")
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            problems.append(f"h{before} followed by h{after}")
    return problems


AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


def _check_page(visit: Visit, folder: Path, *, axe: bool = True) -> list[str]:
    """Every problem a reader or a checker would meet on the open page."""
    page, problems = visit.page, []
    problems += [f"console error: {e}" for e in visit.errors]
    problems += [f"request outside the site: {u}" for u in visit.offsite()]
    images = page.evaluate(
        "() => [...document.images].map(i => [i.getAttribute('src').slice(0, 80), i.complete, i.naturalWidth, i.alt])"
    )
    problems += [f"image does not load: {src}" for src, complete, width, _ in images if not (complete and width > 0)]
    problems += [f"image without alt text: {src}" for src, _, _, alt in images if not alt.strip()]
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    problems += [f"broken link: {b}" for b in _broken_links(hrefs, visit.base, folder)]
    levels = page.evaluate("() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    problems += [f"headings: {p}" for p in _heading_problems(levels)]
    if page.evaluate("() => document.querySelectorAll('script').length"):
        problems.append("the page holds a <script> element")
    if axe:
        page.evaluate(AXE.read_text(encoding="utf-8"))  # DevTools evaluation: not subject to the page's CSP
        for v in page.evaluate(AXE_RUN):
            if v["impact"] in ("serious", "critical"):
                problems.append(f"axe {v['impact']}: {v['id']} ({v['help']}) at {v['nodes']}")
    return problems


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("name", PAGES)
def test_page_in_browser(browser, site, name):
    """Console clean, offline, images load, links and anchors resolve, headings in order, axe clean."""
    assert (site / name).is_file(), f"site/{name} was not rendered"
    base = site.as_uri() + "/"
    visit = Visit(browser, base + name, base)
    try:
        assert _check_page(visit, site) == []
    finally:
        visit.close()


# --------------------------------------------------------------------------- site-wide


def test_gallery_has_one_card_per_built_exhibit(browser, site, project):
    base = site.as_uri() + "/"
    visit = Visit(browser, base + "gallery.html", base)
    try:
        cards = visit.page.eval_on_selector_all(".card[data-exhibit]", "cs => cs.map(c => c.dataset.exhibit)")
        hrefs = visit.page.eval_on_selector_all(".card a", "as => as.map(a => a.getAttribute('href'))")
    finally:
        visit.close()
    expected = _built_exhibits(project)
    assert cards == expected  # catalog order, each once
    assert hrefs == [f"exhibits/{e}.html" for e in expected]
    assert set(expected) >= {"table1", "fig1", "references"}


def _bibtex_problems(text: str) -> list[str]:
    """Unbalanced braces, and fields not closed by a comma (what breaks BibTeX and biber)."""
    problems, depth = [], 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            problems.append("a } closes nothing")
    if depth:
        problems.append(f"{depth} unclosed {{")
    for entry in re.split(r"\n(?=@)", text.strip()):
        lines = entry.strip().splitlines()
        if not re.match(r"@\w+\{[\w:-]+,$", lines[0]) or lines[-1] != "}":
            problems.append(f"entry not opened or closed: {lines[0]!r}")
        problems += [f"field not closed: {line!r}" for line in lines[1:-1] if "=" in line and not line.endswith(",")]
    return problems


def test_cite_this_sha256_equals_manifest(browser, site, project):
    manifest = json.loads((project / "figures" / "manifest.json").read_text(encoding="utf-8"))["exhibits"]
    base = site.as_uri() + "/"
    for exhibit in _built_exhibits(project):
        visit = Visit(browser, f"{base}exhibits/{exhibit}.html", base)
        try:
            cited = visit.page.eval_on_selector_all(
                "#cite code.sha256", "cs => cs.map(c => [c.dataset.file, c.textContent.trim()])"
            )
            bibtex = visit.page.text_content("#cite pre.bibtex")
            listed = visit.page.eval_on_selector_all(
                "#files code.sha256", "cs => cs.map(c => [c.dataset.file, c.textContent.trim()])"
            )
        finally:
            visit.close()
        assert len(cited) == 1, exhibit
        file, sha = cited[0]
        assert manifest[exhibit]["files"][file] == sha, exhibit
        assert sha in bibtex and exhibit in bibtex and "li-bai-2025" in bibtex
        assert _bibtex_problems(bibtex) == [], exhibit
        assert dict(listed) == manifest[exhibit]["files"], exhibit


def test_each_exhibit_page_says_when_it_was_read_against_the_print_and_what_is_open(site, project):
    """The "Read against the print" box states the record's commit, verdict and open findings, and links it."""
    from review.readings import parse

    for exhibit in _built_exhibits(project):
        record = project / "docs" / "reviews" / f"{exhibit}.md"
        reading = parse(record.read_text(encoding="utf-8"), exhibit)
        html = (site / "exhibits" / f"{exhibit}.html").read_text(encoding="utf-8")
        box = html.split('id="reading"', 1)[1].split("</section>", 1)[0]
        assert f"at commit <code>{reading.commit}</code>" in box, exhibit
        assert f"<dd>{reading.verdict}</dd>" in box, exhibit
        assert f"<strong>{len(reading.open)} open</strong>" in box, exhibit
        assert f'href="../files/docs/reviews/{exhibit}.md"' in box, exhibit
        assert (site / "files" / "docs" / "reviews" / f"{exhibit}.md").read_bytes() == record.read_bytes()


@pytest.mark.parametrize(
    "name, payload",
    [
        ("references.html", PAYLOAD_REF),
        ("exhibits/references.html", PAYLOAD_REF),
        ("abbreviations.html", PAYLOAD_ABBR),
    ],
)
def test_planted_markup_is_text_and_never_runs(browser, site, name, payload):
    base = site.as_uri() + "/"
    visit = Visit(browser, base + name, base)
    try:
        text = visit.page.evaluate("() => document.body.textContent")
        planted = visit.page.evaluate("() => window.__planted")
        injected = visit.page.evaluate(
            "() => document.querySelectorAll('main script, main img[src=\"x\"], main svg[onload], [onerror]').length"
        )
        errors = list(visit.errors)
    finally:
        visit.close()
    assert payload in text, f"the planted markup is not shown as text on {name}"
    assert planted is None, "the planted markup ran"
    assert injected == 0
    assert errors == []  # a blocked inline script or handler would log a CSP error here


def test_site_works_over_http_server(browser, site):
    """The same pages served by ``python -m http.server`` on the loopback interface."""
    with served(site) as base:
        for name in ["index.html", "gallery.html", "exhibits/fig1.html", "references.html"]:
            visit = Visit(browser, base + name, base)
            try:
                assert _check_page(visit, site, axe=False) == [], name
            finally:
                visit.close()


def test_screenshots(browser, site):
    """Home, gallery and one exhibit page, saved under .cache/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    base = site.as_uri() + "/"
    for name, full in [("index.html", True), ("gallery.html", True), ("exhibits/fig1.html", False)]:
        visit = Visit(browser, base + name, base, viewport={"width": 1280, "height": 900})
        try:
            shot = SCREENSHOTS / (name.replace("/", "-").removesuffix(".html") + ".png")
            visit.page.screenshot(path=str(shot), full_page=full)
            assert shot.stat().st_size > 10_000
            if name.startswith("exhibits/"):
                visit.page.locator("figure.output").first.screenshot(path=str(SCREENSHOTS / "fig1-figure.png"))
                visit.page.locator("#cite").screenshot(path=str(SCREENSHOTS / "fig1-cite.png"))
        finally:
            visit.close()


# --------------------------------------------------------------------------- content, without a browser


def _csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_references_and_abbreviations_are_complete(site, project):
    refs = _csv_rows(project / "data" / "references.csv")
    page = (site / "references.html").read_text(encoding="utf-8")
    assert len(refs) == 83
    assert len(re.findall(r'<li id="ref-\d+"', page)) == 83
    assert len(re.findall(r'class="doi" href="https://doi\.org/', page)) == sum(1 for r in refs if r["doi"])
    assert 'href="files/tables/references.bib"' in page
    abbreviations = _csv_rows(project / "data" / "abbreviations.csv")
    notes = _csv_rows(project / "data" / "legend_notes.csv")
    page = (site / "abbreviations.html").read_text(encoding="utf-8")
    rows = len(re.findall(r"<tr(?: class=\"note\")?><td class=\"num\">", page))
    assert rows == len(abbreviations) + len(notes)
    for legend in {r["legend"] for r in abbreviations + notes} - {"article"}:
        assert f'id="legend-{legend}"' in page


def test_data_dictionary_lists_every_resource_and_column(site, project):
    package = json.loads((project / "data" / "datapackage.json").read_text(encoding="utf-8"))
    page = (site / "data.html").read_text(encoding="utf-8")
    for resource in package["resources"]:
        section = page.split(f'<section class="box" id="{resource["name"]}"', 1)[1].split("</section>", 1)[0]
        assert f'href="files/data/{resource["path"]}"' in section
        for column in resource["schema"]["fields"]:
            assert f"<td><code>{column['name']}</code></td>" in section, (resource["name"], column["name"])


def test_home_names_the_review_and_its_licence(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    assert catalog.SOURCE.replace("&", "&amp;") in page
    assert "https://creativecommons.org/licenses/by-nc-nd/4.0/" in page and "CC BY-NC-ND 4.0" in page
    for exhibit in _built_exhibits(ROOT):
        assert f'href="exhibits/{exhibit}.html"' in page and f'href="files/notebooks/{exhibit}.ipynb"' in page


def _listed(stdout: str, label: str) -> set[str]:
    for line in stdout.splitlines():
        if line.startswith(label):
            return {item.strip() for item in line.split(":", 1)[1].split(",") if item.strip()}
    return set()


def test_render_is_incremental(project, tmp_path):
    """No-op: nothing written. One notebook: its page only. A new figure PNG: its page, thumbnail and the gallery."""
    root = tmp_path / "project"
    shutil.copytree(project, root, symlinks=True)
    noop = review(root, "site")
    assert noop.returncode == 0, noop.stderr
    assert _listed(noop.stdout, "site rendered") == set() and _listed(noop.stdout, "site copied") == set()

    notebook = root / "notebooks" / "table4.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    first = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    first["source"] = "".join(first["source"]) + "\n\nAn edited sentence."
    notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    one = review(root, "site")
    assert one.returncode == 0, one.stderr
    assert _listed(one.stdout, "site rendered") == {"exhibits/table4.html"}
    assert _listed(one.stdout, "site copied") == {"files/notebooks/table4.ipynb"}
    assert "An edited sentence." in (root / "site" / "exhibits" / "table4.html").read_text(encoding="utf-8")

    shutil.copy2(root / "figures" / "design.png", root / "figures" / "trials.png")
    thumb = review(root, "site")
    assert thumb.returncode == 0, thumb.stderr
    assert _listed(thumb.stdout, "site rendered") == {"thumbs/trials.png", "exhibits/trials.html", "gallery.html"}
    assert _listed(thumb.stdout, "site copied") == {"files/figures/trials.png"}

    notebook.unlink()  # an exhibit without a notebook leaves the site, and the gallery loses its card
    gone = review(root, "site")
    assert gone.returncode == 0, gone.stderr
    assert {"exhibits/table4.html", "thumbs/table4.svg", "files/notebooks/table4.ipynb"} <= _listed(
        gone.stdout, "site removed"
    )
    assert {"gallery.html", "index.html"} <= _listed(gone.stdout, "site rendered")
    assert not (root / "site" / "exhibits" / "table4.html").exists()
    assert 'data-exhibit="table4"' not in (root / "site" / "gallery.html").read_text(encoding="utf-8")


def test_build_has_a_no_site_flag():
    from review import cli

    assert cli.parser().parse_args(["build", "--no-site"]).no_site is True
    assert cli.parser().parse_args(["site", "--force"]).force is True


def test_sanitizer_keeps_text_and_drops_what_runs():
    from review.site import sanitize_html

    dirty = (
        '<style>#t td {padding: 1px}</style><table id="t"><tr><td onclick="x()">a &lt;b&gt; &amp; c</td></tr></table>'
        '<script>alert(1)</script><img src="javascript:alert(1)" onerror="alert(2)" alt="i">'
        '<a href=" JaVaScRiPt:alert(3)">l</a><iframe srcdoc="<script>alert(4)</script>"></iframe><p>ok</p>'
    )
    clean = sanitize_html(dirty)
    assert "<style" not in clean and "padding" not in clean  # a style block could restyle the page: dropped
    assert "a &lt;b&gt; &amp; c" in clean and "<p>ok</p>" in clean
    for bad in ("<script", "onclick", "onerror", "javascript:", "JaVaScRiPt", "<iframe", "alert(4)", "alert(1)"):
        assert bad not in clean, bad
    cell = '<table><tr><td align="left" style="text-align: left; position: fixed; background: url(x)">c</td></tr>'
    assert '<td align="left" style="text-align:left">c</td>' in sanitize_html(cell)


def test_the_checks_catch_a_bad_page(browser, tmp_path):
    """The checker itself: a page with every fault it looks for is reported on each count."""
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "ok.html").write_text('<!doctype html><title>ok</title><p id="here">x</p>', encoding="utf-8")
    (folder / "index.html").write_text(
        '<!doctype html><html><head><title>bad</title><link rel="stylesheet" href="https://example.invalid/x.css">'
        "</head><body><h2>skips h1</h2><h4>skips h3</h4>"
        '<img src="missing.png" alt="gone"><img src="ok.html">'
        '<a href="nowhere.html">a</a> <a href="ok.html#elsewhere">b</a> <a href="ok.html#here">fine</a>'
        '<p style="color:#bbb;background:#fff">faint</p><script>console.error("boom")</script></body></html>',
        encoding="utf-8",
    )
    base = folder.as_uri() + "/"
    visit = Visit(browser, base + "index.html", base)
    try:
        problems = "\n".join(_check_page(visit, folder))
    finally:
        visit.close()
    for expected in (
        "console error: boom",
        "request outside the site: https://example.invalid/x.css",
        "image does not load: missing.png",
        "image without alt text: ok.html",
        "no file nowhere.html",
        "no id 'elsewhere' in ok.html",
        "first heading is h2",
        "h2 followed by h4",
        "<script> element",
        "axe serious: color-contrast",
        "axe critical: image-alt",
    ):
        assert expected in problems, expected
    assert "#here" not in problems


# --------------------------------------------------------------------------- citations that software reads


class _Meta(HTMLParser):
    """The ``<meta name=… content=…>`` pairs of a page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "meta" and "name" in found:
            self.pairs.append((found["name"], found.get("content") or ""))


def _citable(project: Path) -> list[tuple[str, dict, str]]:
    """(exhibit, its manifest entry, the file its citation names) for every page."""
    manifest = json.loads((project / "figures" / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for exhibit in _built_exhibits(project):
        entry = manifest["exhibits"][exhibit]
        from review.site.citing import primary_file

        out.append((exhibit, entry, primary_file(catalog.EXHIBITS[exhibit], entry["files"])))
    return out


def test_every_exhibit_page_carries_highwire_and_dublin_core_tags(site, project):
    """The tags Zotero's Embedded Metadata reads: title, author, date, version, the PDF and the cited bytes."""
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    version, released = cff["version"], str(cff["date-released"])
    for exhibit, entry, primary in _citable(project):
        parser = _Meta()
        parser.feed((site / "exhibits" / f"{exhibit}.html").read_text(encoding="utf-8"))
        tags = dict(parser.pairs)
        title = catalog.EXHIBITS[exhibit].title
        assert tags["citation_title"] == tags["DC.title"] == title, exhibit
        assert tags["citation_author"] == tags["DC.creator"] == "The mscs-aging-review contributors"
        assert tags["citation_publication_date"] == released.replace("-", "/") and tags["DC.date"] == released
        assert tags["citation_technical_report_number"] == f"{exhibit}, version {version}"
        assert tags["DC.identifier"] == f"{primary} sha256:{entry['files'][primary]}", exhibit
        pdfs = [f for f in entry["files"] if f.endswith(".pdf")]
        if pdfs:  # a figure: the PDF link resolves to the copy the site offers
            assert tags["citation_pdf_url"] == f"../files/{pdfs[0]}"
            assert (site / "exhibits" / tags["citation_pdf_url"]).resolve().is_file()
        else:
            assert "citation_pdf_url" not in tags


def test_csl_json_renders_in_two_styles_and_ris_parses_with_the_manifest_sha(site, project):
    """Each download is read by the software a scientist cites with: citeproc-py (CSL) and rispy (RIS)."""
    import citeproc
    import rispy
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    styles = [
        Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl",
        Path(__file__).parent / "csl" / "plain-numeric.csl",
    ]
    version = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"]
    for exhibit, entry, primary in _citable(project):
        sha = entry["files"][primary]
        items = json.loads((site / "cite" / f"{exhibit}.csl.json").read_text(encoding="utf-8"))
        assert len(items) == 1 and items[0]["version"] == version and sha in items[0]["note"]
        rendered = []
        for style in styles:
            bibliography = CitationStylesBibliography(
                CitationStylesStyle(str(style), validate=False), CiteProcJSON(items), formatter.plain
            )
            bibliography.register(Citation([CitationItem(items[0]["id"])]))
            rendered.append(" ".join(str(line) for line in bibliography.bibliography()))
        title = catalog.EXHIBITS[exhibit].title
        for text in rendered:
            assert title in text and "The mscs-aging-review contributors" in text, (exhibit, text)
        assert f"Version {version}" in rendered[1] and sha in rendered[1]

        (record,) = rispy.loads((site / "cite" / f"{exhibit}.ris").read_text(encoding="utf-8"))
        assert record["title"] == title
        assert record["authors"] == ["The mscs-aging-review contributors"]
        assert record["edition"] == version
        assert any(sha in note and primary in note for note in record["notes"]), record["notes"]


def test_the_cite_box_links_the_downloads(site, project):
    for exhibit, _, _ in _citable(project):
        html = (site / "exhibits" / f"{exhibit}.html").read_text(encoding="utf-8")
        box = html.split('id="cite"', 1)[1].split("</section>", 1)[0]
        for name in (f"{exhibit}.csl.json", f"{exhibit}.ris"):
            assert f'href="../cite/{name}" download' in box and (site / "cite" / name).is_file(), name


def test_figure_pages_show_their_figure_from_the_svg_file_not_inlined(site, project):
    """Each figure's page points an <img> at its own figures/<id>.svg (the download copy), with a size, and
    inlines no image as a data: URL: a page is its text and tables, and the figure is fetched beside it."""
    figures = [e for e in _built_exhibits(project) if (project / "figures" / f"{e}.svg").is_file()]
    assert figures
    for exhibit in figures:
        text = (site / "exhibits" / f"{exhibit}.html").read_text(encoding="utf-8")
        assert "data:image" not in text, exhibit
        (tag,) = re.findall(r"<img [^>]*>", text)
        src = re.fullmatch(r'<img src="([^"]+)" width="\d+" height="\d+" alt="[^"]+">', tag).group(1)
        assert src == f"../files/figures/{exhibit}.svg"
        assert (site / "files" / "figures" / f"{exhibit}.svg").read_bytes() == (
            project / "figures" / f"{exhibit}.svg"
        ).read_bytes()
