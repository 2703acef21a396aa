"""The static HTML site: every notebook with its stored outputs, for reading anywhere.

``review site`` (and every successful ``review build``) renders ``site/``:
a home page, a gallery generated from :data:`helpers.core.catalog.EXHIBITS`, one
page per exhibit (the notebook with its stored outputs, a "Cite this" box,
the files with their SHA-256, the provenance from ``figures/manifest.json``
and the rerun commands), a data dictionary generated from
``data/datapackage.json``, the 83 references and the abbreviation legends.
Every file a page links to is copied beside it under ``site/files/``, so the
folder opens from ``file://`` and can be put on any static host as it is.

Why this stack. We render with Jinja2 (autoescaping templates in
``review/site_templates/``), mistune (Markdown cells) and Pygments (code),
all already in the environment through nbconvert, plus Pillow (already there
through matplotlib) for the thumbnails. The alternatives were tried against
the requirements: Jupyter Book 2 / mystmd fetches its theme from the network;
Quarto ships no wheel; nbconvert's HTML templates load require.js and
MathJax from CDNs; Sphinx with MyST-NB and sphinx-book-theme works offline
but takes several seconds just to start, writes search and theme JavaScript
we do not need, and would have us generate Markdown from data cells, where
escaping is harder to get right than in HTML. A few templates of our own
give full control over what matters here: nothing is fetched from the network
(no fonts, no JavaScript at all, no MathJax: the notebooks use no math),
every data cell passes through one autoescaping path, figures get alt text
from their captions, headings stay in order, and a no-op render is one hash
check, fast enough to run after every build.

Safety. Data cells are escaped by the templates; Markdown produced from data
(``text/markdown`` outputs) is rendered with HTML escaped; notebook HTML
outputs and authored Markdown go through :class:`_Sanitizer`, which drops
scripts, frames, event-handler attributes and ``javascript:`` URLs; and every
page carries a Content-Security-Policy that forbids scripts and plugins, so
markup that slipped through would still never run.

Incremental. Each output (page, thumbnail, copied file) has a key: the
SHA-256 of everything it is made from (its notebook, exhibit files, manifest
entry, data files, the project version, and this module with its templates).
Keys are kept in ``site/.site-state.json``; an output whose key is unchanged
and whose file exists is left alone, so a no-op render hashes the inputs and
writes nothing. The gallery's key holds each card's text and thumbnail key,
so it re-renders exactly when a card or a thumbnail changed.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import json
import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from helpers.core import catalog, paths
from helpers.core.catalog import Exhibit

__all__ = ["SiteResult", "render", "site_dir", "STATE_NAME", "sanitize_html"]

#: The state file that makes renders incremental, inside the site folder.
STATE_NAME = ".site-state.json"
_STATE_SCHEMA = "mscs-review/site-state/1"
_TEMPLATES = Path(__file__).with_name("site_templates")
_THUMB_WIDTH = 480
#: The site's top-level pages, in navigation order: (file, label).
NAV = (
    ("index.html", "Home"),
    ("gallery.html", "Gallery"),
    ("data.html", "Data"),
    ("references.html", "References"),
    ("abbreviations.html", "Abbreviations"),
)
#: The review, for the BibTeX of every exhibit (its citation as text is catalog.SOURCE).
_REVIEW_AUTHORS = "Li, Hang and Bai, Lin"
_REVIEW_TITLE = "Advances in mesenchymal stem cell and exosome-based therapies for aging and age-related diseases"
_REVIEW_YEAR = "2025"
LICENCE_URL = "https://creativecommons.org/licenses/by-nc-nd/4.0/"
#: Scripts, plugins, frames and <base> are forbidden on every page; nothing else is needed to read it.
CSP = "script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"


@dataclass
class SiteResult:
    """What a render did."""

    folder: Path
    rendered: list[str] = field(default_factory=list)  # pages and thumbnails written, site-relative
    unchanged: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)  # downloadable files copied
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def pages(self) -> list[str]:
        """The HTML pages among the rendered outputs."""
        return [p for p in self.rendered if p.endswith(".html")]


def site_dir() -> Path:
    """Where the site is rendered: ``site/`` under the project root (ignored by git)."""
    return paths.ROOT / "site"


# --------------------------------------------------------------------------- hashing and planning


class _Hashes:
    """SHA-256 of files, each read once per render."""

    def __init__(self) -> None:
        self._seen: dict[Path, str | None] = {}

    def __call__(self, path: Path) -> str | None:
        if path not in self._seen:
            self._seen[path] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
        return self._seen[path]


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def project_version() -> str:
    """The project's version, from ``pyproject.toml`` of the source tree (the installed metadata otherwise)."""
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    if pyproject.is_file():
        match = re.search(r'(?m)^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"))
        if match:
            return match.group(1)
    from importlib.metadata import version

    return version("mscs-aging-review")


def _code_key() -> str:
    """What every output depends on: this module, its templates and the renderers' versions."""
    from importlib.metadata import PackageNotFoundError, version

    parts = [hashlib.sha256(Path(__file__).read_bytes()).hexdigest()]
    for path in sorted(_TEMPLATES.rglob("*")):
        if path.is_file():
            parts.append((path.name, hashlib.sha256(path.read_bytes()).hexdigest()))
    for package in ("jinja2", "mistune", "pygments", "pillow"):
        try:
            parts.append((package, version(package)))
        except PackageNotFoundError:
            parts.append((package, None))
    return _digest(parts)


@dataclass
class _Output:
    """One file of the site: where it goes, its key and how to make it."""

    path: str
    key: str
    make: Callable[[_Context], bytes] | None = None  # None: a copy of ``source``
    source: Path | None = None


@dataclass
class _Context:
    """Everything the pages are made from, read once per render."""

    manifest: dict
    exhibits: list[Exhibit]
    version: str
    hashes: _Hashes
    copied: dict[str, Path] = field(default_factory=dict)  # site path -> source, for download links
    _env: object = None

    def entry(self, exhibit: str) -> dict:
        return self.manifest.get("exhibits", {}).get(exhibit, {})

    def env(self):
        if self._env is None:
            self._env = _jinja_env()
        return self._env


def _manifest() -> dict:
    path = paths.FIGURES_DIR / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _published(manifest: dict) -> list[Exhibit]:
    """Exhibits of the catalog with a notebook and a manifest entry, in catalog order."""
    built = manifest.get("exhibits", {})
    return [e for e in catalog.EXHIBITS.values() if (paths.NOTEBOOKS_DIR / f"{e.id}.ipynb").is_file() and e.id in built]


def _data_files() -> list[Path]:
    """The data package, its README and every resource file it lists."""
    package = paths.DATAPACKAGE
    out = [package, paths.DATA_DIR / "README.md"]
    if package.is_file():
        resources = json.loads(package.read_text(encoding="utf-8")).get("resources", [])
        out += [paths.DATA_DIR / r["path"] for r in resources if isinstance(r.get("path"), str)]
    return [p for p in out if p.is_file()]


def _exhibit_sources(ctx: _Context, exhibit: Exhibit) -> list[Path]:
    """The notebook and every file of an exhibit, as the manifest lists them."""
    files = [paths.NOTEBOOKS_DIR / f"{exhibit.id}.ipynb"]
    files += [paths.ROOT / rel for rel in sorted(ctx.entry(exhibit.id).get("files", {}))]
    return [p for p in files if p.is_file()]


def _site_path(source: Path) -> str:
    """Where a project file is offered for download: ``files/<its path in the project>``."""
    return "files/" + source.resolve().relative_to(paths.ROOT).as_posix()


def _thumb_source(ctx: _Context, exhibit: Exhibit) -> tuple[str, Path | None]:
    """The thumbnail's site path and the file it is drawn from (a PNG for figures, else a CSV)."""
    files = sorted(ctx.entry(exhibit.id).get("files", {}))
    pngs = [f for f in files if f.endswith(".png")]
    if pngs:
        return f"thumbs/{exhibit.id}.png", paths.ROOT / pngs[0]
    csvs = [f for f in files if f.endswith(".csv")]
    own = [f for f in csvs if Path(f).name == f"{exhibit.id}.csv"]
    source = paths.ROOT / (own or csvs)[0] if csvs else None
    return f"thumbs/{exhibit.id}.svg", source


def _plan(ctx: _Context, code: str) -> list[_Output]:
    """Every output of the site with its key. Long because it lists the site: one block per kind of page."""
    h = ctx.hashes
    outputs: list[_Output] = []

    def copy(source: Path) -> str:
        target = _site_path(source)
        if target not in ctx.copied:
            ctx.copied[target] = source
            outputs.append(_Output(target, h(source) or "", source=source))
        return target

    data_files = _data_files()
    for source in data_files:
        copy(source)
    cards = []
    for exhibit in ctx.exhibits:
        sources = _exhibit_sources(ctx, exhibit)
        for source in sources:
            copy(source)
        thumb, thumb_from = _thumb_source(ctx, exhibit)
        thumb_key = _digest(code, thumb, exhibit.kind, thumb_from and h(thumb_from))
        outputs.append(_Output(thumb, thumb_key, make=lambda c, e=exhibit: _thumbnail(c, e)))
        cards.append((exhibit.id, exhibit.kind, exhibit.title, exhibit.caption, thumb_key))
        page_key = _digest(
            code,
            ctx.version,
            exhibit.__dict__,
            ctx.entry(exhibit.id),
            ctx.manifest.get("software"),
            [(_site_path(s), h(s)) for s in sources],
        )
        outputs.append(_Output(f"exhibits/{exhibit.id}.html", page_key, make=lambda c, e=exhibit: _exhibit_page(c, e)))
    titles = [(e.id, e.kind, e.title) for e in catalog.EXHIBITS.values()]
    published = [e.id for e in ctx.exhibits]
    data_key = [(_site_path(s), h(s)) for s in data_files]
    references = next((e for e in ctx.exhibits if e.kind == "references"), None)
    ref_files = sorted(ctx.entry(references.id).get("files", {})) if references else []
    outputs += [
        _Output("assets/site.css", _digest(code), make=_stylesheet),
        _Output("index.html", _digest(code, ctx.version, titles, published, data_key, ref_files), make=_home_page),
        _Output("gallery.html", _digest(code, ctx.version, cards), make=_gallery_page),
        _Output("data.html", _digest(code, ctx.version, data_key), make=_data_page),
        _Output("references.html", _digest(code, ctx.version, data_key, ref_files), make=_references_page),
        _Output("abbreviations.html", _digest(code, ctx.version, data_key, titles, published), _abbreviations_page),
    ]
    return outputs


# --------------------------------------------------------------------------- the render


def render(*, force: bool = False) -> SiteResult:
    """Bring ``site/`` up to date; with ``force``, rewrite every output.

    Returns what was rendered, copied and removed. Outputs are written
    atomically and the state file is saved even when a page fails, so the
    next render redoes only what is missing.
    """
    start = time.perf_counter()
    folder = site_dir()
    result = SiteResult(folder=folder)
    manifest = _manifest()
    ctx = _Context(manifest=manifest, exhibits=_published(manifest), version=project_version(), hashes=_Hashes())
    outputs = _plan(ctx, _code_key())
    state_path = folder / STATE_NAME
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
        done = state["outputs"] if state.get("schema") == _STATE_SCHEMA else {}
    except (OSError, ValueError, KeyError):
        done = {}
    kept: dict[str, str] = {}
    try:
        for out in outputs:
            target = folder / out.path
            if not force and done.get(out.path) == out.key and target.is_file():
                result.unchanged.append(out.path)
            elif out.make is None:
                _write(target, out.source.read_bytes())
                result.copied.append(out.path)
            else:
                _write(target, out.make(ctx))
                result.rendered.append(out.path)
            kept[out.path] = out.key
        for stale in sorted(set(done) - set(kept)):
            (folder / stale).unlink(missing_ok=True)
            result.removed.append(stale)
    finally:
        if kept != done or not state_path.is_file():
            _write(state_path, json.dumps({"schema": _STATE_SCHEMA, "outputs": kept}, indent=1).encode())
    result.seconds = time.perf_counter() - start
    return result


def _write(path: Path, data: bytes) -> None:
    """Write a file atomically (a temporary sibling, then rename); the site is regenerable, so no fsync."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- templates


def _jinja_env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(nav=NAV, csp=CSP, source=catalog.SOURCE, licence_url=LICENCE_URL)
    env.filters["size"] = _size
    return env


def _page(ctx: _Context, template: str, here: str, **values) -> bytes:
    """Render one page; ``here`` is its site path, from which its links are made relative."""
    depth = here.count("/")
    values.setdefault("title", dict(NAV).get(here, ""))
    return (
        ctx.env()
        .get_template(template)
        .render(root="../" * depth, here=here, version=ctx.version, **values)
        .encode("utf-8")
    )


def _size(path: Path) -> str:
    n = path.stat().st_size
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} MB"


def _stylesheet(ctx: _Context) -> bytes:
    from pygments.formatters import HtmlFormatter

    css = (_TEMPLATES / "site.css").read_text(encoding="utf-8")
    pygments_css = HtmlFormatter(style="default").get_style_defs(".highlight")
    return (css + "\n/* code highlighting (Pygments) */\n" + pygments_css + "\n").encode()


def _card(ctx: _Context, exhibit: Exhibit) -> dict:
    thumb, _ = _thumb_source(ctx, exhibit)
    return {"exhibit": exhibit, "href": f"exhibits/{exhibit.id}.html", "thumb": thumb}


def _home_page(ctx: _Context) -> bytes:
    notebooks = [{**_card(ctx, e), "notebook": _site_path(paths.NOTEBOOKS_DIR / f"{e.id}.ipynb")} for e in ctx.exhibits]
    refs = next((e for e in ctx.exhibits if e.kind == "references"), None)
    bib = [f for f in ctx.entry(refs.id).get("files", {}) if f.endswith(".bib")] if refs else []
    return _page(
        ctx,
        "index.html",
        "index.html",
        title="Home",
        exhibits=notebooks,
        datapackage=_site_path(paths.DATAPACKAGE) if paths.DATAPACKAGE.is_file() else None,
        bib="files/" + bib[0] if bib else None,
    )


def _gallery_page(ctx: _Context) -> bytes:
    return _page(ctx, "gallery.html", "gallery.html", cards=[_card(ctx, e) for e in ctx.exhibits])


# --------------------------------------------------------------------------- thumbnails


def _thumbnail(ctx: _Context, exhibit: Exhibit) -> bytes:
    """A figure's PNG scaled to the gallery's width, or a drawn preview of a table's first rows."""
    thumb, source = _thumb_source(ctx, exhibit)
    if thumb.endswith(".png"):
        import io

        from PIL import Image

        with Image.open(source) as image:
            image = image.convert("RGB")
            height = max(1, round(image.height * _THUMB_WIDTH / image.width))
            small = image.resize((_THUMB_WIDTH, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG")
        return buffer.getvalue()
    rows: list[list[str]] = []
    if source is not None:
        with open(source, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
    return _table_preview(exhibit, rows, source.name if source else "")


def _table_preview(exhibit: Exhibit, rows: list[list[str]], name: str) -> bytes:
    """An SVG picture of a CSV's first columns and rows (every cell XML-escaped)."""
    width, height, pad, row_h, cols = _THUMB_WIDTH, 240, 14, 22, 4
    col_w = (width - 2 * pad) // cols
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    shown = lambda s: s if len(s) <= 15 else s[:14] + "…"  # noqa: E731
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    font = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f'<rect width="{width}" height="{height}" fill="#f4f6f9"/>',
        f'<text x="{pad}" y="28" {font} font-size="15" font-weight="bold" fill="#1b2a41">'
        f"{esc(exhibit.kind.capitalize())} · {esc(name)}</text>",
        f'<text x="{pad}" y="48" {font} font-size="12" fill="#3b4a5e">{len(body)} rows × {len(header)} columns</text>',
    ]
    top = 62
    for r, row in enumerate([header, *body][:8]):
        y = top + r * row_h
        fill = "#d5deeb" if r == 0 else ("#ffffff" if r % 2 else "#eef2f7")
        parts.append(f'<rect x="{pad}" y="{y}" width="{width - 2 * pad}" height="{row_h}" fill="{fill}"/>')
        for c, cell in enumerate(row[:cols]):
            weight = ' font-weight="bold"' if r == 0 else ""
            parts.append(
                f'<text x="{pad + 6 + c * col_w}" y="{y + 15}" {font} font-size="12"{weight} fill="#1b2a41">'
                f"{esc(shown(cell.replace(chr(10), ' ')))}</text>"
            )
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")


# --------------------------------------------------------------------------- exhibit pages


def _primary_file(exhibit: Exhibit, files: dict[str, str]) -> str | None:
    """The file a citation names: the SVG of a figure, the CSV of a table, the BibTeX of the references."""
    names = sorted(files)
    for suffix in (".svg", f"{exhibit.id}.csv", ".bib", ".csv"):
        for name in names:
            if name.endswith(suffix):
                return name
    return names[0] if names else None


def _bibtex_text(text: str) -> str:
    return re.sub(r"([{}&%$#_\\])", r"\\\1", text)


def citation(ctx: _Context, exhibit: Exhibit) -> dict:
    """The "Cite this" box of an exhibit: the file it names, its SHA-256, a reference and BibTeX."""
    files = ctx.entry(exhibit.id).get("files", {})
    primary = _primary_file(exhibit, files)
    sha = files.get(primary, "")
    reference = (
        f"{exhibit.title} ({primary}, SHA-256 {sha}). Exhibit {exhibit.id} of mscs-aging-review, "
        f"version {ctx.version}, regenerated from data transcribed from {catalog.SOURCE} "
        "Licence of the content: CC BY-NC-ND 4.0."
    )
    bibtex = "\n".join(
        [
            f"@misc{{mscs-aging-review-{exhibit.id},",
            "  author       = {{The mscs-aging-review contributors}},",
            f"  title        = {{{_bibtex_text(exhibit.title)}}},",
            f"  howpublished = {{mscs-aging-review, version {ctx.version}, exhibit {exhibit.id}}},",
            f"  version      = {{{ctx.version}}},",
            f"  note         = {{File {_bibtex_text(primary or '')}, SHA-256 {sha}. Regenerated from data "
            "transcribed from Li H, Bai L (2025), CC BY-NC-ND 4.0},",
            "  related      = {li-bai-2025},",
            "}",
            "",
            "@article{li-bai-2025,",
            f"  author = {{{_REVIEW_AUTHORS}}},",
            f"  title  = {{{_REVIEW_TITLE}}},",
            f"  year   = {{{_REVIEW_YEAR}}},",
            "  note   = {Review, open access. Licensed CC BY-NC-ND 4.0},",
            "}",
        ]
    )
    return {"file": primary, "sha256": sha, "reference": reference, "bibtex": bibtex}


def rerun_commands(exhibit: Exhibit, parameters: dict) -> str:
    """The exact commands that rebuild an exhibit, and rerun it with other parameters, from the project root."""
    from helpers.core.vocab import CHOICES

    example = next((f"-p {n} {CHOICES[n][0]}" for n in CHOICES if n in parameters), "")
    folder = exhibit.folder.name
    return "\n".join(
        [
            "# from the project's root folder; `make` sets up .venv, then rebuilds whatever is stale",
            "make",
            f"# this exhibit only ({folder}/{exhibit.id}.*), rebuilt if its inputs changed:",
            f".venv/bin/review build --only {exhibit.id}",
            "# check every file against figures/manifest.json:",
            ".venv/bin/review verify",
            "# with your own parameters (files go to runs/<slug>/, never to the canonical folder):",
            f".venv/bin/review run {exhibit.id} {example}".rstrip(),
            f".venv/bin/papermill notebooks/{exhibit.id}.ipynb {exhibit.id}-run.ipynb {example}".rstrip(),
        ]
    )


def _exhibit_page(ctx: _Context, exhibit: Exhibit) -> bytes:
    entry = ctx.entry(exhibit.id)
    notebook = paths.NOTEBOOKS_DIR / f"{exhibit.id}.ipynb"
    here = f"exhibits/{exhibit.id}.html"
    h = ctx.hashes

    def link(rel: str) -> str | None:
        """A project file's download link from this page, if the site offers it."""
        target = "files/" + rel
        return "../" + target if target in ctx.copied else None

    files = [
        {"path": rel, "href": link(rel), "sha256": sha, "size": _size(paths.ROOT / rel)}
        for rel, sha in sorted(entry.get("files", {}).items())
        if (paths.ROOT / rel).is_file()
    ]
    cells = _NotebookRenderer(exhibit, ctx, page=here).render(json.loads(notebook.read_text(encoding="utf-8")))
    return _page(
        ctx,
        "exhibit.html",
        here,
        title=exhibit.title,
        exhibit=exhibit,
        notebook_html=cells,
        notebook={"path": f"notebooks/{exhibit.id}.ipynb", "href": "../" + _site_path(notebook), "sha256": h(notebook)},
        cite=citation(ctx, exhibit),
        files=files,
        parameters=[(k, json.dumps(v, ensure_ascii=False)) for k, v in sorted(entry.get("parameters", {}).items())],
        inputs=[{"path": k, "sha256": v, "href": link(k)} for k, v in sorted(entry.get("inputs", {}).items())],
        modules=sorted(entry.get("modules", {}).items()),
        fingerprint=sorted(entry.get("fingerprint", {}).items()),
        software=sorted(ctx.manifest.get("software", {}).items()),
        rerun=rerun_commands(exhibit, entry.get("parameters", {})),
    )


# --------------------------------------------------------------------------- notebooks


_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_TAGS = re.compile(r"<[^>]*>")
_RESERVED_IDS = {"main", "top", "cite", "files", "provenance", "rerun", "notebook"}


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


class _NotebookRenderer:
    """A notebook's cells and stored outputs as HTML; nothing is executed."""

    def __init__(self, exhibit: Exhibit, ctx: _Context, *, page: str):
        import mistune

        self.exhibit, self.ctx, self.page = exhibit, ctx, page
        self.ids: set[str] = set(_RESERVED_IDS)
        self.regions = 0
        renderer = self

        class Headings(mistune.HTMLRenderer):
            def heading(self, text: str, level: int, **attrs) -> str:
                return f'<h{level} id="{renderer.unique_id(text)}">{text}</h{level}>\n'

        plugins = ["table", "strikethrough", "url"]
        self.authored = mistune.create_markdown(renderer=Headings(escape=False), plugins=plugins)
        self.from_data = mistune.create_markdown(renderer=Headings(escape=True), plugins=plugins)

    def unique_id(self, heading_html: str) -> str:
        slug = re.sub(r"[^\w]+", "-", html.unescape(_TAGS.sub("", heading_html)).lower()).strip("-") or "section"
        candidate, n = slug, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{slug}-{n}"
        self.ids.add(candidate)
        return candidate

    def render(self, notebook: dict) -> str:
        """The cells in order; a title is added when the notebook has no level-1 heading."""
        chunks = [self.cell(cell) for cell in notebook.get("cells", [])]
        body = "\n".join(c for c in chunks if c)
        if not re.search(r"<h1[\s>]", body):
            title = html.escape(self.exhibit.title)
            body = f'<h1 id="{self.unique_id(title)}">{title}</h1>\n' + body
        return body

    def cell(self, cell: dict) -> str:
        kind, source = cell.get("cell_type"), _text(cell.get("source", ""))
        if kind == "markdown":
            return f'<div class="cell markdown">{self.markdown(source, authored=True)}</div>'
        if kind != "code":
            return ""
        parts = []
        if source.strip():
            parts.append(self.code(source, cell.get("metadata", {})))
        parts += [self.output(o) for o in cell.get("outputs", [])]
        return '<div class="cell code">' + "\n".join(p for p in parts if p) + "</div>"

    def markdown(self, text: str, *, authored: bool) -> str:
        if authored:  # written by the notebook's authors: HTML allowed, then sanitized
            return sanitize_html(self.authored(text), rewrite=self.rewrite)
        return self.from_data(text)  # made from data: any HTML in it is shown as text

    def rewrite(self, url: str) -> str:
        """Point a notebook's relative link at the site's copy of the file, or at another exhibit's page."""
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^#|^/", url) or not url:
            return url
        target = (paths.NOTEBOOKS_DIR / url.split("#")[0]).resolve()
        pages = {e.id for e in self.ctx.exhibits}
        if target.suffix == ".ipynb" and target.parent == paths.NOTEBOOKS_DIR.resolve() and target.stem in pages:
            return f"{target.stem}.html"
        if target.is_relative_to(paths.ROOT) and _site_path(target) in self.ctx.copied:
            return "../" + _site_path(target)
        return url

    def code(self, source: str, metadata: dict) -> str:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import PythonLexer

        block = highlight(source, PythonLexer(), HtmlFormatter(style="default"))
        if "parameters" in metadata.get("tags", []):
            label = '<p class="input-label">Parameters (their defaults made this page)</p>'
            return f'<div class="input">{label}{block}</div>'
        if metadata.get("jupyter", {}).get("source_hidden"):
            return f'<details class="input"><summary>Show the code</summary>{block}</details>'
        return f'<div class="input">{block}</div>'

    def region(self, inner: str, label: str) -> str:
        """A scrollable, keyboard-focusable box with a name (wide tables)."""
        self.regions += 1
        return (
            f'<div class="output scroll" role="region" tabindex="0" aria-label="{html.escape(label, quote=True)}">'
            f"{inner}</div>"
        )

    def output(self, out: dict) -> str:
        kind = out.get("output_type")
        if kind == "stream":
            css = "stderr" if out.get("name") == "stderr" else "stdout"
            return f'<pre class="output {css}">{html.escape(_ANSI.sub("", _text(out.get("text", ""))))}</pre>'
        if kind == "error":
            trace = "\n".join(out.get("traceback", [])) or f"{out.get('ename')}: {out.get('evalue')}"
            return f'<pre class="output error">{html.escape(_ANSI.sub("", trace))}</pre>'
        data = out.get("data", {})
        alt = html.escape(self.exhibit.caption, quote=True)
        for mime in ("image/svg+xml", "image/png", "image/jpeg"):
            if mime in data:
                raw = _text(data[mime])
                payload = base64.b64encode(raw.encode()).decode() if mime == "image/svg+xml" else raw.replace("\n", "")
                return (
                    f'<figure class="output image"><img src="data:{mime};base64,{payload}" alt="{alt}">'
                    f"<figcaption>{html.escape(self.exhibit.caption)}</figcaption></figure>"
                )
        if "text/html" in data:
            body = sanitize_html(_text(data["text/html"]), rewrite=self.rewrite)
            caption = re.search(r"<caption[^>]*>(.*?)</caption>", body, re.S)
            label = html.unescape(_TAGS.sub("", caption.group(1))) if caption else f"Output {self.regions + 1}"
            return self.region(body, label) if "<table" in body else f'<div class="output html">{body}</div>'
        if "text/markdown" in data:
            return f'<div class="output markdown">{self.markdown(_text(data["text/markdown"]), authored=False)}</div>'
        if "text/plain" in data:
            return f'<pre class="output plain">{html.escape(_ANSI.sub("", _text(data["text/plain"])))}</pre>'
        return ""


# --------------------------------------------------------------------------- sanitizing


class _Sanitizer(HTMLParser):
    """Re-serialize HTML without anything that runs or loads: scripts, frames, handlers, script URLs.

    A deny-list on top of escaping and the pages' CSP: notebook outputs are
    made by our own code, so this only has to catch what must never run, and
    keeps the tables' ``style`` blocks and attributes.
    """

    DROP_WITH_CONTENT = {"script", "iframe", "object", "embed", "applet", "frame", "frameset", "template", "noscript"}
    DROP = {"base", "meta", "link", "form"}
    URL_ATTRS = {"href", "src", "xlink:href", "action", "formaction", "background", "poster", "data", "srcset"}

    def __init__(self, rewrite: Callable[[str], str] | None = None):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping: list[str] = []
        self.raw = False
        self.rewrite = rewrite

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        kept = []
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                continue
            if name in self.URL_ATTRS:
                plain = re.sub(r"[\x00-\x20]+", "", value).lower()
                if plain.startswith(("javascript:", "vbscript:")) or (
                    plain.startswith("data:") and not (name == "src" and plain.startswith("data:image/"))
                ):
                    continue
                if name in ("href", "src") and self.rewrite:
                    value = self.rewrite(value)
            kept.append(f' {name}="{html.escape(value, quote=True)}"')
        return "".join(kept)

    def handle_starttag(self, tag, attrs):
        if self.skipping or tag in self.DROP_WITH_CONTENT:
            if tag in self.DROP_WITH_CONTENT:
                self.skipping.append(tag)
            return
        if tag not in self.DROP:
            self.out.append(f"<{tag}{self._attrs(tag, attrs)}>")
            self.raw = tag == "style"

    def handle_startendtag(self, tag, attrs):
        if not self.skipping and tag not in self.DROP_WITH_CONTENT and tag not in self.DROP:
            self.out.append(f"<{tag}{self._attrs(tag, attrs)} />")

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag not in self.DROP and tag not in self.DROP_WITH_CONTENT:
            self.out.append(f"</{tag}>")
        self.raw = False

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(data if self.raw else html.escape(data, quote=False))


def sanitize_html(markup: str, *, rewrite: Callable[[str], str] | None = None) -> str:
    """Return ``markup`` without scripts, frames, plugins, event handlers or script URLs.

    Text is re-escaped, comments and declarations are dropped, and
    ``rewrite`` (if given) maps every ``href`` and ``src``.
    """
    parser = _Sanitizer(rewrite)
    parser.feed(markup)
    parser.close()
    return "".join(parser.out)


# --------------------------------------------------------------------------- data, references, abbreviations


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


#: The pattern every text column of data/ carries: no leading or trailing white space.
_TRIMMED = r"^(\S([\s\S]*\S)?)?$"


def readme_columns(text: str) -> dict[str, dict[str, str]]:
    """Column notes from the "### Columns" list of ``data/README.md``, by file and column.

    Each bullet reads ``- `file.csv`: `column` (note); `column`; ...``; a
    backticked name outside parentheses starts a column, and the
    parenthesized text after it (nested parentheses and all) is its note.
    """
    if "### Columns" not in text:
        return {}
    section = re.split(r"\n#", text.split("### Columns", 1)[1], maxsplit=1)[0]
    out: dict[str, dict[str, str]] = {}
    for bullet in re.split(r"\n- ", section):
        match = re.match(r"`([\w.-]+\.csv)`:\s*(.*)", " ".join(bullet.split()))
        if not match:
            continue
        notes, body, i, depth = out.setdefault(match.group(1), {}), match.group(2), 0, 0
        while i < len(body):
            ch = body[i]
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if ch == "`" and depth == 0 and (end := body.find("`", i + 1)) > i:
                name, i = body[i + 1 : end], end + 1
                rest = body[i:].lstrip()
                if rest.startswith("("):
                    close = _closing(rest)
                    notes.setdefault(name, rest[1:close].replace("`", ""))
                    i = len(body) - len(rest) + close + 1
                else:
                    notes.setdefault(name, "")
                continue
            i += 1
    return out


def _closing(text: str) -> int:
    """The index of the parenthesis that closes the one ``text`` starts with (its end if none)."""
    level = 0
    for index, ch in enumerate(text):
        level += {"(": 1, ")": -1}.get(ch, 0)
        if level == 0:
            return index
    return len(text)


def _data_page(ctx: _Context) -> bytes:
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8")) if paths.DATAPACKAGE.is_file() else {}
    readme_path = paths.DATA_DIR / "README.md"
    readme_notes = readme_columns(readme_path.read_text(encoding="utf-8")) if readme_path.is_file() else {}
    resources = []
    for resource in package.get("resources", []):
        source = paths.DATA_DIR / resource.get("path", "")
        schema = resource.get("schema", {})
        fields = []
        noted = readme_notes.get(resource.get("path", ""), {})
        for f in schema.get("fields", []):
            constraints = dict(f.get("constraints", {}))
            if constraints.get("pattern") == _TRIMMED:  # every text column has it: say it once, above
                constraints.pop("pattern")
            note = noted.get(f.get("name", ""), "")
            readme = note if note.strip().lower() != str(f.get("title", "")).strip().lower() else ""
            fields.append({**f, "constraints": constraints, "readme": readme})
        keys = [
            f"({', '.join(_as_list(k.get('fields')))}) → {k.get('reference', {}).get('resource') or 'itself'}."
            f"({', '.join(_as_list(k.get('reference', {}).get('fields')))})"
            for k in schema.get("foreignKeys", [])
        ]
        resources.append(
            {
                "resource": resource,
                "fields": fields,
                "rows": len(_read_csv(source)),
                "href": _site_path(source) if source.is_file() else None,
                "size": _size(source) if source.is_file() else "",
                "primary_key": ", ".join(_as_list(schema.get("primaryKey"))),
                "foreign_keys": keys,
            }
        )
    readme = paths.DATA_DIR / "README.md"
    return _page(
        ctx,
        "data.html",
        "data.html",
        package=package,
        resources=resources,
        datapackage=_site_path(paths.DATAPACKAGE) if paths.DATAPACKAGE.is_file() else None,
        readme=_site_path(readme) if readme.is_file() else None,
    )


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _references_page(ctx: _Context) -> bytes:
    from urllib.parse import quote

    refs = []
    for row in _read_csv(paths.DATA_DIR / "references.csv"):
        doi = row.get("doi", "").strip()
        pmid = row.get("pmid", "").strip()
        refs.append(
            {
                **row,
                "doi_url": f"https://doi.org/{quote(doi, safe='/:;()._-')}" if doi else None,
                "pmid_url": f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid.isdigit() else None,
            }
        )
    exhibit = next((e for e in ctx.exhibits if e.kind == "references"), None)
    downloads = (
        [{"path": rel, "href": "files/" + rel} for rel in sorted(ctx.entry(exhibit.id).get("files", {}))]
        if exhibit
        else []
    )
    source = paths.DATA_DIR / "references.csv"
    if source.is_file():
        downloads.append({"path": "data/references.csv", "href": _site_path(source)})
    return _page(ctx, "references.html", "references.html", references=refs, downloads=downloads, exhibit=exhibit)


def _abbreviations_page(ctx: _Context) -> bytes:
    abbreviations = _read_csv(paths.DATA_DIR / "abbreviations.csv")
    notes = _read_csv(paths.DATA_DIR / "legend_notes.csv")
    order = {exhibit: i for i, exhibit in enumerate(catalog.EXHIBITS)}
    legends = sorted(
        {r.get("legend", "") for r in abbreviations + notes} - {"article"}, key=lambda k: (order.get(k, 999), k)
    )

    def position(row: dict) -> int:
        try:
            return int(row.get("position", 0))
        except ValueError:
            return 0

    def entries(legend: str) -> list[dict]:
        rows = [{**r, "is_note": False} for r in abbreviations if r.get("legend") == legend]
        rows += [{**r, "is_note": True} for r in notes if r.get("legend") == legend]
        return sorted(rows, key=position)

    sections = [
        {
            "legend": legend,
            "title": catalog.EXHIBITS[legend].title if legend in catalog.EXHIBITS else legend,
            "href": f"exhibits/{legend}.html" if any(e.id == legend for e in ctx.exhibits) else None,
            "entries": entries(legend),
        }
        for legend in legends
    ]
    sources = (paths.DATA_DIR / "abbreviations.csv", paths.DATA_DIR / "legend_notes.csv")
    downloads = [_site_path(p) for p in sources if p.is_file()]
    return _page(
        ctx,
        "abbreviations.html",
        "abbreviations.html",
        article=entries("article"),
        sections=sections,
        downloads=downloads,
    )
