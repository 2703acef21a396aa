"""The rules of review.site.images that its first tests left unpinned (issue 21, surviving mutants).

Each expected value below is written from the module's docstrings and from the rules
of the formats involved, not from the code's output:

- ``img``: the figure URL and the alt text sit inside ``"``-quoted attributes, so
  ``&``, ``<``, ``>``, ``"`` and ``'`` are written ``&amp;``, ``&lt;``, ``&gt;``,
  ``&quot;`` and ``&#x27;`` (``html.escape`` with ``quote=True``); a bare ``"`` would
  end the attribute and let the rest of the string become markup.
- ``svg_size``: width and height from the root ``<svg>``; pt are 4/3 CSS px; no root
  or no stated size gives None.
- ``canonical_svg``: None when the markup does not parse as XML or declares entities
  (internal, external, parameter or unparsed); a DOCTYPE without declarations (what
  matplotlib writes) parses and is never fetched; whitespace-only text between elements
  is dropped; names and text outside ASCII are kept as they are.
- ``_quick_same``: same up to the XML prolog, the order of the root's attributes,
  newlines read as spaces, ``&quot;`` read as ``"`` and trailing whitespace; anything it
  calls the same must be the same drawing, so a text that only looks alike after a wrong
  replacement must not pass it.
- ``find``: the FIRST offered SVG file that draws the same; a non-SVG, missing, different
  or unreadable (invalid UTF-8) file is passed over, not the end of the search; the
  file is read as UTF-8 whatever the process locale.
"""

from __future__ import annotations

import locale
from pathlib import Path

import pytest

from review.site import images

NS = 'xmlns="http://www.w3.org/2000/svg"'
# A root with a stated size: 30pt x 15pt is 40 x 20 CSS px (1 pt = 4/3 px).
ROOT = f'<svg {NS} width="30pt" height="15pt">'
SIZE = (40, 20)
DRAWING = f'{ROOT}\n <g id="figure_1">\n  <text x="1" y="2">cells</text>\n </g>\n</svg>\n'


def _file(tmp_path: Path, name: str, content: str | bytes) -> images.Figure:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return images.Figure(f"files/figures/{name}", path)


# --- img: every attribute value escaped for a "-quoted attribute -------------------------------------------


@pytest.mark.parametrize(
    "url, alt, expected",
    [
        pytest.param(
            "files/figures/fig.svg",
            "Fig 1",
            '<img src="files/figures/fig.svg" width="40" height="20" alt="Fig 1">',
            id="plain",
        ),
        pytest.param(
            'a" onerror="alert(1).svg',
            "Fig 1",
            '<img src="a&quot; onerror=&quot;alert(1).svg" width="40" height="20" alt="Fig 1">',
            id="double-quote-in-url",
        ),
        pytest.param(
            "it's & <b>.svg",
            "Fig 1",
            '<img src="it&#x27;s &amp; &lt;b&gt;.svg" width="40" height="20" alt="Fig 1">',
            id="quote-amp-tag-in-url",
        ),
        pytest.param(
            "fig.svg",
            'MSC "young" vs old\'s & <i>',
            '<img src="fig.svg" width="40" height="20" alt="MSC &quot;young&quot; vs old&#x27;s &amp; &lt;i&gt;">',
            id="quotes-in-alt",
        ),
    ],
)
def test_img_escapes_quotes_in_the_url_and_the_alt_text(url, alt, expected):
    assert images.img(images.Figure(url, Path("unused.svg")), SIZE, alt) == expected


# --- svg_size ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "svg, size",
    [
        pytest.param("", None, id="empty"),
        pytest.param("not svg at all", None, id="no-markup"),
        pytest.param(f'<g {NS} width="10" height="10"/>', None, id="root-is-not-svg"),
        pytest.param(f'<svg {NS} width="30pt"/>', None, id="height-missing"),
        pytest.param(f'<svg {NS} height="15pt"/>', None, id="width-missing"),
        pytest.param(f'<svg {NS} width="" height="15pt"/>', None, id="width-empty"),
        pytest.param(f'<svg {NS} width="30pt" height="15pt"/>', (40, 20), id="pt-at-4-3-px"),
        pytest.param(f'<svg {NS} width=" 12 px " height="9"/>', (12, 9), id="px-or-bare-number"),
    ],
)
def test_svg_size_is_none_without_a_root_svg_with_width_and_height(svg, size):
    assert images.svg_size(svg) == size


# --- canonical_svg -------------------------------------------------------------------------------------------

HOSTNAME = "file:///etc/hostname"


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param(f'<!DOCTYPE svg [<!ENTITY a "x">]><svg {NS}>&a;</svg>', id="internal-entity-used"),
        pytest.param(f'<!DOCTYPE svg [<!ENTITY a "x">]><svg {NS}/>', id="internal-entity-declared-only"),
        pytest.param(f'<!DOCTYPE svg [<!ENTITY a SYSTEM "{HOSTNAME}">]><svg {NS}>&a;</svg>', id="external-entity"),
        pytest.param(f'<!DOCTYPE svg [<!ENTITY a SYSTEM "{HOSTNAME}">]><svg {NS}/>', id="external-entity-unused"),
        pytest.param(
            f'<!DOCTYPE svg [<!ENTITY % p SYSTEM "{HOSTNAME}"> %p;]><svg {NS}/>', id="external-parameter-entity"
        ),
        pytest.param(
            f'<!DOCTYPE svg [<!NOTATION gif SYSTEM "gif"><!ENTITY a SYSTEM "x.gif" NDATA gif>]><svg {NS}/>',
            id="unparsed-entity",
        ),
        pytest.param(f"<svg {NS}>&a;</svg>", id="undeclared-entity"),
        pytest.param(f"<svg {NS}>&QUOT;</svg>", id="entity-names-are-case-sensitive"),
        pytest.param(f"<svg {NS}><g></svg>", id="not-closed"),
    ],
)
def test_canonical_svg_is_none_for_markup_that_declares_entities_or_does_not_parse(markup):
    assert images.canonical_svg(markup) is None
    assert images.canonical_svg(markup.encode("utf-8")) is None


EMPTY_SVG = '<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg"></ns0:svg>'


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param(f'<!DOCTYPE svg SYSTEM "{HOSTNAME}"><svg {NS}/>', id="doctype-system"),
        pytest.param(
            '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
            f'  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg {NS}/>',
            id="matplotlib-prolog",
        ),
    ],
)
def test_canonical_svg_parses_a_doctype_without_declarations_and_fetches_nothing(markup):
    assert images.canonical_svg(markup) == EMPTY_SVG


@pytest.mark.parametrize(
    "markup, expected",
    [
        pytest.param(
            f"<svg {NS}>\n <g>\n  <path/>\n </g>\n</svg>\n",
            '<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg"><ns0:g><ns0:path></ns0:path></ns0:g></ns0:svg>',
            id="indentation-dropped",
        ),
        pytest.param(
            f"<svg {NS}><g><path/></g></svg>",
            '<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg"><ns0:g><ns0:path></ns0:path></ns0:g></ns0:svg>',
            id="no-indentation",
        ),
        pytest.param(
            f'<svg {NS}><g \u00e9="1"/></svg>',
            '<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg"><ns0:g \u00e9="1"></ns0:g></ns0:svg>',
            id="non-ascii-attribute-name",
        ),
        pytest.param(
            f"<svg {NS}><\u00e9t\u00e9/></svg>",
            '<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg"><ns0:\u00e9t\u00e9></ns0:\u00e9t\u00e9></ns0:svg>',
            id="non-ascii-element-name",
        ),
        pytest.param(
            f"<svg {NS}><text>\u00b5g/kg \u2265 5</text></svg>",
            '<ns0:svg xmlns:ns0="http://www.w3.org/2000/svg"><ns0:text>\u00b5g/kg \u2265 5</ns0:text></ns0:svg>',
            id="non-ascii-text",
        ),
    ],
)
def test_canonical_svg_drops_whitespace_only_text_and_keeps_non_ascii_names(markup, expected):
    assert images.canonical_svg(markup) == expected
    assert images.canonical_svg(markup.encode("utf-8")) == expected


# --- _quick_same: the documented fast rule, tested directly (it is private, but its docstring is the rule) ---


@pytest.mark.parametrize(
    "markup, file_text, same",
    [
        pytest.param(DRAWING, DRAWING, True, id="identical"),
        pytest.param(DRAWING.rstrip("\n"), DRAWING, True, id="trailing-newline"),
        pytest.param(DRAWING.rstrip("\n"), DRAWING + "  \n\n", True, id="trailing-whitespace"),
        pytest.param('<?xml version="1.0"?>\n' + DRAWING, DRAWING, True, id="prolog"),
        pytest.param(
            DRAWING.replace('width="30pt" height="15pt"', 'height="15pt" width="30pt"'),
            DRAWING,
            True,
            id="root-attributes-reordered",
        ),
        pytest.param(
            f'{ROOT}<path d="M 0 1  L 2 3 "/></svg>', f'{ROOT}<path d="M 0 1 \nL 2 3\n"/></svg>', True, id="newline"
        ),
        pytest.param(
            f'{ROOT}<text>says "x"</text></svg>', f"{ROOT}<text>says &quot;x&quot;</text></svg>", True, id="quot"
        ),
        pytest.param(DRAWING.replace("cells", "cellz"), DRAWING, False, id="text-differs"),
        pytest.param(DRAWING.replace('width="30pt"', 'width="31pt"'), DRAWING, False, id="root-attribute-differs"),
        pytest.param("<g/>", "<g/>", False, id="no-svg-root"),
    ],
)
def test_quick_same_follows_its_documented_rule(markup, file_text, same):
    assert images._quick_same(markup, file_text) is same


# --- find: what is the same drawing, and which of several files -----------------------------------------------

# Pairs that only look alike after a wrong replacement, or only after stripping the wrong end: never the same.
LOOKALIKES = [
    pytest.param(f"{ROOT}<text>a b</text></svg>", f"{ROOT}<text>aXX\nXXb</text></svg>", id="newline-inside-text"),
    pytest.param(f"{ROOT}<text>aXX XXb</text></svg>", f"{ROOT}<text>a\nb</text></svg>", id="newline-not-a-word"),
    pytest.param(f'{ROOT}<text>"</text></svg>', f"{ROOT}<text>XX&quot;XX</text></svg>", id="quot-inside-text"),
    pytest.param(f'{ROOT}<text>"</text></svg>', f"{ROOT}<text>&QUOT;</text></svg>", id="QUOT-is-no-entity"),
    pytest.param(f'{ROOT}<text>XX"XX</text></svg>', f"{ROOT}<text>&quot;</text></svg>", id="quot-is-one-char"),
    pytest.param(
        f'<svg {NS} width="30pt" height="15pt" a="x>y"/>',
        f'<svg {NS} width="30pt" height="15pt" a="x> y"/>',
        id="gt-in-root-attribute",
    ),
]


@pytest.mark.parametrize("markup, file_text", LOOKALIKES)
def test_find_refuses_a_file_that_differs_in_a_character(tmp_path, markup, file_text):
    assert images.find(markup, [_file(tmp_path, "fig.svg", file_text)]) is None


# The control runs on every lookalike whose file parses: "&QUOT;" is no XML entity, so that file is no drawing.
PARSING = [case for case in LOOKALIKES if "&QUOT;" not in case.values[1]]


@pytest.mark.parametrize("markup, file_text", PARSING)
def test_find_accepts_the_same_text_of_each_lookalike(tmp_path, markup, file_text):
    """The control: each lookalike's own text is found, so the refusal above is about the one character."""
    assert images.find(file_text, [_file(tmp_path, "fig.svg", file_text)]) is not None


@pytest.mark.parametrize(
    "before",
    [
        pytest.param([("fig.png", b"\x89PNG")], id="a-png-first"),
        pytest.param([("gone.svg", None)], id="a-missing-svg-first"),
        pytest.param([("other.svg", DRAWING.replace("cells", "exosomes"))], id="another-drawing-first"),
        pytest.param([("bad.svg", DRAWING.encode().replace(b"cells", b"c\xfflls"))], id="invalid-utf8-first"),
        pytest.param(
            [("fig.png", b"\x89PNG"), ("other.svg", DRAWING.replace("cells", "exosomes")), ("gone.svg", None)],
            id="all-three-first",
        ),
    ],
)
def test_find_passes_over_unusable_files_to_the_first_that_draws_the_same(tmp_path, before):
    offered = []
    for name, content in before:
        if content is None:
            offered.append(images.Figure(f"files/figures/{name}", tmp_path / name))
        else:
            offered.append(_file(tmp_path, name, content))
    same = _file(tmp_path, "fig.svg", DRAWING)
    later = _file(tmp_path, "fig_copy.svg", DRAWING)
    assert images.find(DRAWING, [*offered, same, later]) == (same, SIZE)


def test_find_with_only_an_invalid_utf8_file_is_none(tmp_path):
    bad = _file(tmp_path, "bad.svg", DRAWING.encode().replace(b"cells", b"c\xfflls"))
    assert images.find(DRAWING, [bad]) is None


def test_find_reads_the_file_as_utf8_whatever_the_locale(tmp_path):
    """In an ASCII locale a UTF-8 'é' would read as two replacement characters; it must still read as 'é'."""
    file_text = f"{ROOT}<text>caf\u00e9</text></svg>"
    figure = _file(tmp_path, "fig.svg", file_text)
    lookalike = f"{ROOT}<text>caf\ufffd\ufffd</text></svg>"
    old = locale.setlocale(locale.LC_CTYPE)
    try:
        try:
            locale.setlocale(locale.LC_CTYPE, "C")
        except locale.Error:  # pragma: no cover - every libc has "C"
            pytest.skip("cannot switch to the C locale")
        found_same = images.find(file_text, [figure])
        found_lookalike = images.find(lookalike, [figure])
    finally:
        locale.setlocale(locale.LC_CTYPE, old)
    assert found_same == (figure, SIZE)
    assert found_lookalike is None
