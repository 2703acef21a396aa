"""What this project's pages are made from: the manifest, the published exhibits, the templates.

Read once per render into a :class:`Context`; the page modules take it and
return bytes. Site paths are POSIX paths relative to the site folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from helpers.core import catalog, paths, source
from helpers.core.catalog import Exhibit

from .engine import Hashes

__all__ = [
    "CSP",
    "LICENCE_URL",
    "NAV",
    "TEMPLATES",
    "Context",
    "data_files",
    "exhibit_sources",
    "load_manifest",
    "page",
    "project_version",
    "published",
    "site_dir",
    "site_path",
    "size",
    "thumb_source",
]

TEMPLATES = Path(__file__).with_name("templates")
#: The site's top-level pages, in navigation order: (file, label).
NAV = (
    ("index.html", "Home"),
    ("gallery.html", "Gallery"),
    ("data.html", "Data"),
    ("references.html", "References"),
    ("abbreviations.html", "Abbreviations"),
    ("changes.html", "What changed"),
)
LICENCE_URL = source.REVIEW.licence_url
#: Scripts, plugins, frames and <base> are forbidden on every page; nothing else is needed to read it.
CSP = "script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"


def site_dir() -> Path:
    """Where the site is rendered: ``site/`` under the project root (ignored by git)."""
    return paths.ROOT / "site"


def project_version() -> str:
    """The project's version: :data:`helpers.__version__`, read from the installed metadata."""
    import helpers

    return helpers.__version__


@dataclass
class Context:
    """Everything the pages are made from, read once per render."""

    manifest: dict
    exhibits: list[Exhibit]
    version: str
    hashes: Hashes
    copied: dict[str, Path] = field(default_factory=dict)  # site path -> source, for download links
    #: The views the site serves, by exhibit id: (view, its run record), see :func:`review.views.current`.
    views: dict[str, list] = field(default_factory=dict)
    _env: object = None

    def entry(self, exhibit: str) -> dict:
        """The manifest's entry of an exhibit (empty when it has none)."""
        return self.manifest.get("exhibits", {}).get(exhibit, {})

    def env(self):
        """The Jinja environment, made on first use (a no-op render never needs it)."""
        if self._env is None:
            self._env = _jinja_env()
        return self._env


def load_manifest() -> dict:
    """``figures/manifest.json``, or an empty dict before the first build."""
    path = paths.FIGURES_DIR / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def published(manifest: dict) -> list[Exhibit]:
    """Exhibits of the catalog with a notebook and a manifest entry, in catalog order."""
    built = manifest.get("exhibits", {})
    return [e for e in catalog.EXHIBITS.values() if (paths.NOTEBOOKS_DIR / f"{e.id}.ipynb").is_file() and e.id in built]


def data_files() -> list[Path]:
    """The data package, its README and every resource file it lists."""
    package = paths.DATAPACKAGE
    out = [package, paths.DATA_DIR / "README.md"]
    if package.is_file():
        resources = json.loads(package.read_text(encoding="utf-8")).get("resources", [])
        out += [paths.DATA_DIR / r["path"] for r in resources if isinstance(r.get("path"), str)]
    return [p for p in out if p.is_file()]


def exhibit_sources(ctx: Context, exhibit: Exhibit) -> list[Path]:
    """The notebook and every file of an exhibit, as the manifest lists them."""
    files = [paths.NOTEBOOKS_DIR / f"{exhibit.id}.ipynb"]
    files += [paths.ROOT / rel for rel in sorted(ctx.entry(exhibit.id).get("files", {}))]
    return [p for p in files if p.is_file()]


def site_path(source: Path) -> str:
    """Where a project file is offered for download: ``files/<its path in the project>``."""
    return "files/" + source.resolve().relative_to(paths.ROOT).as_posix()


def thumb_source(ctx: Context, exhibit: Exhibit) -> tuple[str, Path | None]:
    """The thumbnail's site path and the file it is drawn from (a PNG for figures, else a CSV)."""
    files = sorted(ctx.entry(exhibit.id).get("files", {}))
    pngs = [f for f in files if f.endswith(".png")]
    if pngs:
        return f"thumbs/{exhibit.id}.png", paths.ROOT / pngs[0]
    csvs = [f for f in files if f.endswith(".csv")]
    own = [f for f in csvs if Path(f).name == f"{exhibit.id}.csv"]
    source = paths.ROOT / (own or csvs)[0] if csvs else None
    return f"thumbs/{exhibit.id}.svg", source


def _jinja_env():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(nav=NAV, csp=CSP, source=catalog.SOURCE, licence_url=LICENCE_URL)
    env.filters["size"] = size
    return env


def page(ctx: Context, template: str, here: str, **values) -> bytes:
    """Render one page; ``here`` is its site path, from which its links are made relative."""
    depth = here.count("/")
    values.setdefault("title", dict(NAV).get(here, ""))
    return (
        ctx.env()
        .get_template(template)
        .render(root="../" * depth, here=here, version=ctx.version, **values)
        .encode("utf-8")
    )


def size(path: Path) -> str:
    """A file's size for people: bytes, KB or MB (1024-based, one decimal)."""
    n = path.stat().st_size
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} MB"
