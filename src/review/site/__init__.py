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
``review/site/templates/``), mistune (Markdown cells) and Pygments (code),
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
outputs and all Markdown go through :func:`sanitize_html`, an nh3 (ammonia)
allow-list of tags, attributes, two CSS properties and three URL schemes
(see :mod:`.sanitize`); stored images must be base64 and are shown as
``data:`` URLs inside ``<img>``, except a figure that draws exactly what the
exhibit's own SVG file holds, which ``<img>`` loads from that file (see
:mod:`.images`); and every page
carries a Content-Security-Policy that forbids scripts and plugins, so
markup that slipped through would still never run. ``tests/integration/test_xss.py``
plants a corpus of known payloads in data cells and in a notebook output.

Incremental. Each output (page, thumbnail, copied file) has a key: the
SHA-256 of everything it is made from (its notebook, exhibit files, manifest
entry, data files, the project version, and this package with its templates).
Keys are kept in ``site/.site-state.json``; an output whose key is unchanged
and whose file exists is left alone, so a no-op render hashes the inputs and
writes nothing. The gallery's key holds each card's text and thumbnail key,
so it re-renders exactly when a card or a thumbnail changed.


Modules, each with one job; the engine below never imports the pages above
(an import-linter contract in pyproject.toml):

* :mod:`.plan`: every output of this site with its key, and :func:`render`;
* :mod:`.home`, :mod:`.exhibit`, :mod:`.datapages`: the pages;
* :mod:`.context`: what the pages are made from, the templates, site paths;
* :mod:`.notebook`, :mod:`.thumbs`: a notebook as HTML, gallery thumbnails;
* :mod:`.images`: a notebook's figure served from the exhibit's SVG file;
* :mod:`.sanitize`, :mod:`.engine`: the sanitizer, the incremental writer.
"""

from __future__ import annotations

from .context import site_dir
from .engine import STATE_NAME, SiteResult
from .plan import render
from .sanitize import sanitize_html

__all__ = ["SiteResult", "render", "site_dir", "STATE_NAME", "sanitize_html"]
