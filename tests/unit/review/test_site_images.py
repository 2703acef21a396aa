"""A notebook's SVG output is shown from the exhibit's figure file only when both draw the same (review.site.images).

The rules: the two are compared in canonical XML, so matplotlib's file and
the notebook's stored copy (attribute whitespace normalised, ``"`` for
``&quot;``, no XML declaration) match, while any change to the drawing, an
output that does not parse, or one that declares entities does not; the
``<img>`` carries the page's own relative URL, the size in CSS pixels (1 pt =
4/3 px) and the caption as alt text; everything else keeps its ``data:`` URL.
A quick textual comparison decides first, and only what it cannot prove is
parsed. The committed notebooks and figures are checked too: if the build ever stored
a figure differently from its file, every figure page would silently grow
back to a few hundred KB.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from helpers.core import catalog, paths
from review.site import images
from review.site.notebook import NotebookRenderer, text

# As matplotlib writes a file: a declaration, a DOCTYPE, a path split over lines, an entity in text.
FILE = """<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="72pt" height="36pt" viewBox="0 0 72 36" \
xmlns="http://www.w3.org/2000/svg" version="1.1">
 <g id="figure_1">
  <path d="M 0 36 \nL 72 36 \nz\n" style="fill: #ffffff"/>
  <text x="1" y="2">says &quot;cells&quot;</text>
 </g>
</svg>
"""
# As the notebook stores the same figure: no prolog, attributes reordered, newlines in d already spaces.
SHOWN = (
    '<svg xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.w3.org/2000/svg" width="72pt" height="36pt" '
    'viewBox="0 0 72 36" version="1.1">\n <g id="figure_1">\n  <path d="M 0 36  L 72 36  z " style="fill: #ffffff"/>\n'
    '  <text x="1" y="2">says "cells"</text>\n </g>\n</svg>'
)
ALT = 'Fig "1" & <b>'


@pytest.fixture
def figure_file(tmp_path: Path) -> images.Figure:
    path = tmp_path / "fig.svg"
    path.write_text(FILE, encoding="utf-8")
    return images.Figure("../files/figures/fig.svg", path)


@pytest.mark.parametrize(
    "shown, same",
    [
        (SHOWN, True),
        (FILE, True),
        # attributes reordered inside the drawing: the quick comparison cannot tell, the canonical one can
        (
            SHOWN.replace(
                'd="M 0 36  L 72 36  z " style="fill: #ffffff"', 'style="fill: #ffffff" d="M 0 36  L 72 36  z "'
            ),
            True,
        ),
        (SHOWN.replace("72 36  z", "72 35  z"), False),  # one coordinate moved
        (SHOWN.replace('"cells"', '"exosomes"'), False),  # a label changed
        (SHOWN.replace('width="72pt"', 'width="73pt"'), False),  # another size
        (SHOWN.replace("</g>", "<script>window.__xss=1</script></g>"), False),  # something planted
        ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', False),
        ("<svg><p>not closed</svg>", False),
        ("not xml at all", False),
    ],
)
def test_an_svg_output_matches_the_file_only_when_it_draws_the_same(figure_file, shown, same):
    assert (images.find(shown, [figure_file]) is not None) is same


@pytest.mark.parametrize(
    "markup, expected",
    [
        ('<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', None),
        ("<svg", None),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><g a="1"  b="2"/></svg>',
            '<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg"><ns0:g a="1" b="2"></ns0:g></ns0:svg>',
        ),
    ],
)
def test_canonical_svg(markup, expected):
    assert images.canonical_svg(markup) == expected


@pytest.mark.parametrize(
    "root, size",
    [
        ('width="72pt" height="36pt"', (96, 48)),  # 1 pt = 4/3 CSS px
        ('width="857.21625pt" height="939.6144pt"', (1143, 1253)),  # fig1, rounded
        ('width="100" height="50px"', (100, 50)),
        ('width="100%" height="50"', None),  # no intrinsic size: stays a data: URL
        ('height="50"', None),
    ],
)
def test_svg_size_in_css_pixels(root, size):
    assert images.svg_size(f'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" {root}/>') == size


def _render(shown: str, figures: list[images.Figure]) -> str:
    renderer = NotebookRenderer("T", ALT, figures=figures)
    return renderer.output({"output_type": "display_data", "data": {"image/svg+xml": shown, "text/plain": "F"}})


def test_a_matching_output_is_an_img_of_the_file_with_its_size_and_alt(figure_file):
    assert _render(SHOWN, [figure_file]) == (
        '<figure class="output image"><img src="../files/figures/fig.svg" width="96" height="48" '
        'alt="Fig &quot;1&quot; &amp; &lt;b&gt;"><figcaption>Fig &quot;1&quot; &amp; &lt;b&gt;</figcaption></figure>'
    )


@pytest.mark.parametrize(
    "shown, figures",
    [
        (SHOWN, []),  # the page offers no figure file
        (SHOWN.replace('"cells"', '"other"'), "file"),  # a different drawing
        ('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"/>', "file"),  # planted: never a file
    ],
)
def test_anything_else_stays_a_data_url(figure_file, tmp_path, shown, figures):
    offered = [figure_file] if figures == "file" else []
    payload = base64.b64encode(shown.encode()).decode()
    assert f'<img src="data:image/svg+xml;base64,{payload}"' in _render(shown, offered)


def test_a_missing_or_non_svg_file_is_not_offered(tmp_path):
    png = tmp_path / "fig.png"
    png.write_bytes(b"\x89PNG")
    offered = [images.Figure("fig.png", png), images.Figure("gone.svg", tmp_path / "gone.svg")]
    assert "data:image/svg+xml;base64," in _render(SHOWN, offered)


def _figure_exhibits() -> list[str]:
    return sorted(e.id for e in catalog.EXHIBITS.values() if (paths.ROOT / "figures" / f"{e.id}.svg").is_file())


@pytest.mark.parametrize("exhibit", _figure_exhibits())
def test_each_committed_figure_notebook_shows_what_its_svg_file_draws(exhibit):
    """The committed notebook's one SVG output matches ``figures/<id>.svg``: its page serves the file."""
    notebook = json.loads((paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb").read_text(encoding="utf-8"))
    shown = [
        text(out["data"]["image/svg+xml"])
        for cell in notebook["cells"]
        for out in cell.get("outputs", [])
        if "image/svg+xml" in out.get("data", {})
    ]
    path = paths.ROOT / "figures" / f"{exhibit}.svg"
    assert len(shown) == 1
    # the quick comparison suffices (no parse: a figure page costs no more to render than before)
    assert images._quick_same(shown[0], path.read_text(encoding="utf-8"))
    assert images.find(shown[0], [images.Figure(f"../files/figures/{exhibit}.svg", path)]) is not None


def test_a_png_output_holding_svg_text_is_dropped_not_served_as_the_figure_file(figure_file):
    # Only an SVG output may be shown from a figure file; a PNG's data that is not base64 could end the attribute,
    # so the image is dropped and the output's text shown, even when the text is the figure's own SVG.
    renderer = NotebookRenderer("T", ALT, figures=[figure_file])
    shown = renderer.output({"output_type": "display_data", "data": {"image/png": SHOWN, "text/plain": "F"}})
    assert shown == '<pre class="output plain">F</pre>'


def test_text_declaring_another_encoding_is_read_as_the_text_it_is():
    # A str is already decoded: its prolog's encoding names how the file was stored, not how to read the str.
    declared = '<?xml version="1.0" encoding="latin-1"?><svg xmlns="http://www.w3.org/2000/svg"><text>é</text></svg>'
    plain = '<svg xmlns="http://www.w3.org/2000/svg"><text>é</text></svg>'
    assert images.canonical_svg(declared) == images.canonical_svg(plain)
    assert "é" in images.canonical_svg(declared)


def test_an_svg_output_with_a_lone_surrogate_is_not_a_drawing_and_stays_an_inert_data_url(figure_file):
    # JSON may hold "\ud800", which no UTF-8 file can: the output matches no figure and the page still renders.
    shown = SHOWN.replace("cells", "cells \ud800")
    assert images.canonical_svg(shown) is None
    page = _render(shown, [figure_file])
    payload = base64.b64encode(shown.encode("utf-8", "replace")).decode()
    assert f'<img src="data:image/svg+xml;base64,{payload}"' in page
