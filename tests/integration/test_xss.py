"""A corpus of known XSS payloads, planted in data cells and in a notebook output, against every page of the site.

One module-wide project copy gets every payload of :data:`PAYLOADS` twice
over: in the data (appended to a reference title in ``data/references.csv``
and to an abbreviation's definition in ``data/abbreviations.csv``, written
with the csv module so commas, quotes, tabs and newlines stay inside their
cells), which ``review build`` carries into the references notebook's stored
outputs, and the site into its data pages; and in a notebook's stored outputs (an HTML output and
a Markdown output per payload, an authored Markdown cell, and images whose
data tries to leave its attribute), rendered by ``review site``.

Then, without a browser, every page is parsed (``html.parser``, not a grep)
and must hold no element with an ``on*`` attribute, no ``script``,
``iframe``, ``object``, ``embed``, ``base`` or ``meta http-equiv`` other than
the page's own Content-Security-Policy, no ``javascript:``, ``vbscript:`` or
``data:text/html`` URL in any URL attribute, and no inline style with
``url(`` or ``expression(``. Each payload, run through the sanitizer alone,
passes the same check. In headless Chromium every page must open without a
dialog, without an error from running or blocked script, and with
``window.__xss`` never set (each payload tries to set it).
"""

from __future__ import annotations

import csv
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import markupsafe
import pytest

from tests.conftest import copy_project, overlay, review

from .test_site import Visit

#: (name, payload): each tries to set window.__xss, open a dialog or load a script URL.
PAYLOADS = [
    ("script", "<script>window.__xss=1</script>"),
    ("script mixed case", "<ScRiPt>window.__xss=2</sCrIpT>"),
    ("script src data", '<script src="data:text/javascript,window.__xss=3"></script>'),
    ("script split by a script", "<scr<script>ipt>window.__xss=4</script>"),
    ("img onerror", '<img src=x onerror="window.__xss=5">'),
    ("svg onload", "<svg onload=window.__xss=6>"),
    (
        "svg animate href",
        '<svg><a><animate attributeName=href values="javascript:window.__xss=7"/><text y=20>a</text></a></svg>',
    ),
    (
        "svg set href",
        '<svg><a><set attributeName="xlink:href" to="javascript:window.__xss=8"/><text y=20>s</text></a></svg>',
    ),
    ("svg xlink href", '<svg><a xlink:href="javascript:window.__xss=9"><text y=20>x</text></a></svg>'),
    ("entity-encoded colon", '<a href="javascript&#58;window.__xss=10">e</a>'),
    ("entity-encoded letter", '<a href="&#106;avascript:window.__xss=11">j</a>'),
    ("tab-split scheme", '<a href="java\tscript:window.__xss=12">t</a>'),
    ("newline-split scheme", '<a href="java\nscript:window.__xss=13">n</a>'),
    ("leading space scheme", '<a href="  JaVaScRiPt:window.__xss=14">l</a>'),
    ("srcset", '<img srcset="javascript:window.__xss=15 1x" alt="s">'),
    ("formaction", '<form><button formaction="javascript:window.__xss=16">go</button></form>'),
    ("form action", '<form action="javascript:window.__xss=17"><input type=submit value=f></form>'),
    ("style url", '<div style="background:url(javascript:window.__xss=18)">u</div>'),
    ("style expression", '<div style="width:expression(window.__xss=19)">x</div>'),
    ("math namespace confusion", "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=20>"),
    ("svg style namespace confusion", '<svg></p><style><a id="</style><img src=x onerror=window.__xss=21>">'),
    ("noscript", '<noscript><p title="</noscript><img src=x onerror=window.__xss=22>">'),
    ("template", "<template><img src=x onerror=window.__xss=23></template><template><script>window.__xss=23</script>"),
    ("style break-out", "<style>p{color:red}</style></style><img src=x onerror=window.__xss=24>"),
    ("iframe srcdoc", '<iframe srcdoc="<script>parent.__xss=25</script>"></iframe>'),
    ("object data", '<object data="javascript:window.__xss=26"></object>'),
    ("embed", '<embed src="javascript:window.__xss=27">'),
    ("base href", '<base href="javascript:window.__xss=28//">'),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=29">'),
    ("data text/html link", '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MzA8L3NjcmlwdD4=">d</a>'),
    ("body onload", "<body onload=window.__xss=31>"),
    ("input onfocus autofocus", "<input onfocus=window.__xss=32 autofocus>"),
    ("details ontoggle", "<details open ontoggle=window.__xss=33><summary>d</summary></details>"),
    ("comment break-out", '<!--<img src="--><img src=x onerror=window.__xss=34//">'),
    ("entity in handler", '<img src=x onerror="&#119;indow.__xss=35">'),
    ("vbscript", '<a href="vbscript:msgbox(36)">v</a>'),
    ("video source onerror", "<video><source onerror=window.__xss=37></video>"),
    ("link import", '<link rel=stylesheet href="javascript:window.__xss=38">'),
    ("markdown link", "[m](javascript:window.__xss=39) <javascript:window.__xss=39>"),
]

#: Planted in the data package's description, which also fills an attribute (the meta description).
DESCRIPTION_PAYLOAD = '" onmouseover="window.__xss=40" x="<script>window.__xss=41</script>'
#: The notebook whose stored outputs get the payloads too.
NOTEBOOK = "table4"
#: A stored image whose data tries to end the src attribute (nbformat would store base64).
IMAGE_BREAKOUT = 'iVBORw0KGgo=" onerror="window.__xss=90'
SVG_WITH_SCRIPT = (
    '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__xss=91</script><rect width="9" height="9"/></svg>'
)

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "xlink:href", "data", "poster", "background"}
FORBIDDEN_ELEMENTS = {"script", "iframe", "object", "embed", "base", "frame", "frameset", "applet", "template"}
FORBIDDEN_ELEMENTS |= {"animate", "set", "form", "input", "button", "noscript", "math", "svg", "style"}
_DANGEROUS_URL = re.compile(r"^(javascript:|vbscript:|data:text/html|data:(?!image/(png|jpeg|svg\+xml);base64,))")
_IMAGE_DATA = re.compile(r"^data:image/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]*={0,2}$")


class Checker(HTMLParser):
    """Everything on a page that could run or load script, as (element, reason) findings."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.csp = 0

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta" and "http-equiv" in values:
            if values["http-equiv"].lower() == "content-security-policy" and self.csp == 0:
                self.csp += 1  # the page's own policy, once
            else:
                self.findings.append(f"<meta http-equiv={values['http-equiv']!r}>")
        if tag in FORBIDDEN_ELEMENTS:
            self.findings.append(f"<{tag}> element")
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in URL_ATTRIBUTES:
                plain = re.sub(r"[\x00-\x20]+", "", value).lower()
                empty = plain == "data:,"  # the pages' own empty favicon: nothing to run
                if not empty and (
                    _DANGEROUS_URL.match(plain) or (plain.startswith("data:") and not _IMAGE_DATA.match(value))
                ):
                    self.findings.append(f"<{tag} {name}={value[:60]!r}>")
                if name == "srcset" and ("javascript" in plain or "data:" in plain):
                    self.findings.append(f"<{tag} srcset={value[:60]!r}>")
            if name == "style" and re.search(r"url\(|expression\(|@import|javascript", value, re.I):
                self.findings.append(f"<{tag} style={value[:60]!r}>")


def findings(markup: str) -> list[str]:
    """What :class:`Checker` finds in ``markup``."""
    checker = Checker()
    checker.feed(markup)
    checker.close()
    return checker.findings


def _plant_csv(path: Path, column: str, count: int) -> None:
    """Append payload i to ``column`` of row i (the csv module keeps every payload inside its cell)."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    assert len(rows) >= count, f"{path.name} has fewer rows than payloads"
    for row, (_, payload) in zip(rows, PAYLOADS):
        row[column] = f"{row[column]} {payload}"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _plant_notebook(path: Path) -> None:
    """Add a Markdown cell and a code cell whose stored outputs carry every payload."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    outputs = []
    for _, payload in PAYLOADS:
        outputs.append({"output_type": "display_data", "metadata": {}, "data": {"text/html": payload}})
        outputs.append({"output_type": "display_data", "metadata": {}, "data": {"text/markdown": payload}})
    outputs.append({"output_type": "display_data", "metadata": {}, "data": {"image/png": IMAGE_BREAKOUT}})
    outputs.append({"output_type": "display_data", "metadata": {}, "data": {"image/svg+xml": SVG_WITH_SCRIPT}})
    nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "\n\n".join(p for _, p in PAYLOADS)})
    nb["cells"].append(
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": outputs, "source": "show()"}
    )
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory, built: Path) -> Path:
    """The site of a built copy with every payload in two data files and in one notebook's outputs."""
    root = copy_project(tmp_path_factory.mktemp("xss") / "project")
    overlay(built, root)
    # The reference titles travel through a notebook: the references exhibit
    # runs again and shows them in its stored outputs. Only that notebook is
    # rebuilt; the files read by every notebook (the abbreviations and the
    # data package) are planted after it, for the pages that read them
    # directly, so the fixture costs one notebook instead of a full build.
    _plant_csv(root / "data" / "references.csv", "title", len(PAYLOADS))
    done = review(root, "build", "--quiet", "--no-site", "--only", "references", timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    _plant_csv(root / "data" / "abbreviations.csv", "definition", len(PAYLOADS))
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    package["description"] += " " + DESCRIPTION_PAYLOAD  # the data page's lede and its meta description
    (root / "data" / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", "utf-8")
    _plant_notebook(root / "notebooks" / f"{NOTEBOOK}.ipynb")
    done = review(root, "site")
    assert done.returncode == 0, done.stdout + done.stderr
    return root / "site"


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_every_page_of_the_poisoned_site_is_inert(poisoned):
    pages = _pages(poisoned)
    assert len(pages) >= 10
    problems = {name: findings((poisoned / name).read_text(encoding="utf-8")) for name in pages}
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize("name, payload", PAYLOADS, ids=[n for n, _ in PAYLOADS])
def test_each_planted_payload_shows_as_text(poisoned, name, payload):
    """In the data pages a payload is the cell's text, escaped; in the notebook's page it is sanitized."""
    text = str(markupsafe.escape(payload))  # as the templates escape it
    for page in ("references.html", "abbreviations.html"):
        assert text in (poisoned / page).read_text(encoding="utf-8"), f"{name} not shown as text on {page}"
    assert str(markupsafe.escape(DESCRIPTION_PAYLOAD)) in (poisoned / "data.html").read_text(encoding="utf-8")
    # Through a notebook: the references exhibit's table shows each title as text (a newline becomes <br>,
    # and whitespace is compared as HTML folds it).
    page = (poisoned / "exhibits" / "references.html").read_text(encoding="utf-8")
    through = " ".join(page.replace("<br>", " ").split())
    assert " ".join(html.escape(payload, quote=False).split()) in through, f"{name} not text on the references page"
    notebook_page = (poisoned / "exhibits" / f"{NOTEBOOK}.html").read_text(encoding="utf-8")
    assert "window.__xss=90" not in notebook_page  # the image that tried to leave its attribute was dropped


def test_no_payload_runs_in_a_browser(browser, poisoned):
    """Every page: no dialog, no error from running or blocked script, window.__xss never set."""
    base = poisoned.as_uri() + "/"
    problems = []
    for name in _pages(poisoned):
        visit = Visit(browser, base + name, base)
        dialogs: list[str] = []
        visit.page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
        try:
            visit.page.reload(wait_until="load")  # the dialog listener is in place from the first byte
            visit.page.focus("body")
            xss = visit.page.evaluate("() => window.__xss")
            # a planted <img src=x> may fail to load: harmless; anything about script is not
            errors = [e for e in visit.errors if not re.search(r"Failed to load resource|request failed: .*/x$", e)]
        finally:
            visit.close()
        if xss is not None or dialogs or errors:
            problems.append(f"{name}: __xss={xss!r} dialogs={dialogs} errors={errors[:3]}")
    assert problems == []
