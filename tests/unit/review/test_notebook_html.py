"""A notebook as HTML (``review.site.notebook``), rule by rule, on hand-written cells and outputs.

The rules come from the module's and the renderer's docstrings: cells are
rendered in order and nothing runs; a page without a level-1 heading gets
the title as one; heading ids are slugs of the heading text, unique on the
page and never one the page around it reserved; authored Markdown may hold
HTML (sanitized), Markdown made from data may not (escaped); streams,
errors and plain text are escaped with terminal colour codes removed;
images become ``<img>`` with ``data:`` URLs (SVG base64-encoded, a PNG or
JPEG that is not base64 dropped) and carry the caption as alt text and
figure caption; an HTML output holding a table is a named, focusable
scroll region. Each expected string below was written from these rules;
the class names and the parameters label are the hooks the site's
stylesheet (``review/site/templates``) styles.
"""

from __future__ import annotations

import base64

import pytest

from review.site.notebook import NotebookRenderer, text

CAPTION = 'Figure 1: "a" & <b>'
ALT = "Figure 1: &quot;a&quot; &amp; &lt;b&gt;"  # the caption as an attribute value
SHOWN = "Figure 1: &quot;a&quot; &amp; &lt;b&gt;"  # the caption as text (html.escape quotes by default)


def renderer(**kwargs) -> NotebookRenderer:
    return NotebookRenderer("Title", CAPTION, **kwargs)


def code_cell(*outputs: dict, source: str = "", **metadata) -> dict:
    return {"cell_type": "code", "source": source, "metadata": metadata, "outputs": list(outputs)}


@pytest.mark.parametrize(
    "value, expected",
    [
        (["a\n", "b"], "a\nb"),  # nbformat's list of lines, joined without a separator
        ([], ""),
        ("one string", "one string"),
        (3, "3"),
    ],
)
def test_a_notebook_field_is_one_string(value, expected):
    """Rule: a multi-line field stored as a list of lines reads as their concatenation."""
    assert text(value) == expected


@pytest.mark.parametrize(
    "headings, reserved, expected",
    [
        (["Results"], (), ["results"]),
        (["Results", "Results", "Results"], (), ["results", "results-2", "results-3"]),
        (["Results"], ("results",), ["results-2"]),
        (["Results", "Results"], ("results-2",), ["results", "results-3"]),
        (["Dose &amp; route (mg/kg)"], (), ["dose-route-mg-kg"]),  # entities read as text, runs of non-word one dash
        (["<em>Big</em> Table"], (), ["big-table"]),  # tags are not part of the slug
        (["--- !!! ---"], (), ["section"]),  # nothing left: a fixed fallback
        (["!!", "??"], (), ["section", "section-2"]),
        (["snake_case 2"], (), ["snake_case-2"]),  # word characters (letters, digits, _) stay
    ],
)
def test_heading_ids_are_unique_slugs_that_avoid_reserved_ids(headings, reserved, expected):
    """Rule: a heading's id is its lower-cased text with non-word runs as one dash, numbered from -2 on a clash."""
    r = renderer(reserved_ids=reserved)
    assert [r.unique_id(h) for h in headings] == expected


@pytest.mark.parametrize(
    "cells, expected",
    [
        # no level-1 heading: the title (escaped) becomes one, before the cells
        ([], '<h1 id="title">Title</h1>\n'),
        (
            [{"cell_type": "markdown", "source": "Some text."}],
            '<h1 id="title">Title</h1>\n<div class="cell markdown"><p>Some text.</p>\n</div>',
        ),
        # a level-1 heading of its own: no title added
        (
            [{"cell_type": "markdown", "source": "# Own title"}],
            '<div class="cell markdown"><h1 id="own-title">Own title</h1>\n</div>',
        ),
        # cells in order, one line apart; a raw cell (neither Markdown nor code) shows nothing
        (
            [
                {"cell_type": "markdown", "source": ["# A\n", "one"]},
                {"cell_type": "raw", "source": "raw text"},
                {"cell_type": "markdown", "source": "two"},
            ],
            '<div class="cell markdown"><h1 id="a">A</h1>\n<p>one</p>\n</div>\n'
            '<div class="cell markdown"><p>two</p>\n</div>',
        ),
        # a level-2 heading is not a title
        (
            [{"cell_type": "markdown", "source": "## Part"}],
            '<h1 id="title">Title</h1>\n<div class="cell markdown"><h2 id="part">Part</h2>\n</div>',
        ),
        # a code cell with no source and no output is an empty code box
        ([code_cell(source="  \n")], '<h1 id="title">Title</h1>\n<div class="cell code"></div>'),
    ],
)
def test_cells_render_in_order_under_one_title(cells, expected):
    """Rule: every cell in order, joined by newlines; the title is the level-1 heading only when none is there."""
    assert renderer().render({"cells": cells}) == expected


def test_a_notebook_without_cells_is_its_title_alone():
    """Rule: a notebook without a ``cells`` key still gets its title."""
    assert renderer().render({}) == '<h1 id="title">Title</h1>\n'


def test_the_title_is_escaped_and_its_id_taken():
    """Rule: the title is text, not markup (its id is the slug of that text); its id is unique like every heading's."""
    r = NotebookRenderer("A <b>&</b> B", CAPTION, reserved_ids=("a-b-b-b",))
    assert r.render({"cells": []}) == '<h1 id="a-b-b-b-2">A &lt;b&gt;&amp;&lt;/b&gt; B</h1>\n'


def test_heading_text_of_a_h1_attribute_is_not_a_title():
    """Rule: only an ``<h1>`` element counts as the page's heading, not a tag that merely starts with h1."""
    cells = [{"cell_type": "markdown", "source": "<h1x>not a heading</h1x>"}]
    assert renderer().render({"cells": cells}).startswith('<h1 id="title">Title</h1>\n')


@pytest.mark.parametrize(
    "source, authored, expected",
    [
        # authored: HTML allowed, then sanitized (bold kept, script gone with its content)
        ("<b>bold</b> <script>alert(1)</script>", True, "<p><b>bold</b> </p>\n"),
        # from data: the same HTML shown as text
        ("<b>bold</b>", False, "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n"),
        # both: Markdown's own links pass through the rewrite
        ("[doc](a.html)", True, '<p><a href="site/a.html">doc</a></p>\n'),
        ("[doc](a.html)", False, '<p><a href="site/a.html">doc</a></p>\n'),
        # a rewrite into a forbidden scheme loses the attribute
        ("[doc](js)", True, "<p><a>doc</a></p>\n"),
        # GFM tables and strikethrough are on
        ("~~gone~~", True, "<p><del>gone</del></p>\n"),
        ("~~gone~~", False, "<p><del>gone</del></p>\n"),
        (
            "| a |\n|---|\n| 1 |",
            False,
            "<table>\n<thead>\n<tr>\n  <th>a</th>\n</tr>\n</thead>\n"
            "<tbody>\n<tr>\n  <td>1</td>\n</tr>\n</tbody>\n</table>\n",
        ),
        # a bare URL becomes a link (mistune's url plugin)
        ("see https://example.org", False, '<p>see <a href="https://example.org">https://example.org</a></p>\n'),
    ],
)
def test_authored_markdown_may_hold_html_and_data_markdown_may_not(source, authored, expected):
    """Rule: authored Markdown keeps sanitized HTML; Markdown from data escapes it; links are rewritten."""

    def rewrite(url: str) -> str:
        return "javascript:alert(1)" if url == "js" else url if "//" in url else "site/" + url

    assert renderer(rewrite=rewrite).markdown(source, authored=authored) == expected


@pytest.mark.parametrize(
    "source, metadata, opening, closing",
    [
        ("x = 1\n", {}, '<div class="input"><div class="highlight"><pre>', "</pre></div>\n</div>"),
        (
            "x = 1\n",
            {"tags": ["parameters"]},
            '<div class="input"><p class="input-label">Parameters (their defaults made this page)</p>'
            '<div class="highlight"><pre>',
            "</pre></div>\n</div>",
        ),
        (
            "x = 1\n",
            {"jupyter": {"source_hidden": True}},
            '<details class="input"><summary>Show the code</summary><div class="highlight"><pre>',
            "</pre></div>\n</details>",
        ),
        ("x = 1\n", {"jupyter": {"source_hidden": False}}, '<div class="input"><div class="highlight"><pre>', "</div>"),
        ("x = 1\n", {"tags": ["other"]}, '<div class="input"><div class="highlight"><pre>', "</div>"),
    ],
)
def test_code_is_highlighted_labelled_or_folded(source, metadata, opening, closing):
    """Rule: the parameters cell is labelled, a hidden cell is folded behind a summary, others shown."""
    out = renderer().code(source, metadata)
    assert out.startswith(opening) and out.endswith(closing)
    assert '<span class="n">x</span>' in out  # highlighted by Pygments, not pasted


def test_a_code_cell_holds_its_code_then_its_outputs_one_line_apart():
    """Rule: a code cell is its source (when not blank) and then each output, in order."""
    cell = code_cell(
        {"output_type": "stream", "name": "stdout", "text": "one"},
        {"output_type": "unknown"},  # shows nothing, and leaves no empty line
        {"output_type": "stream", "name": "stdout", "text": "two"},
        source="x",
    )
    out = renderer().cell(cell)
    assert out.startswith('<div class="cell code"><div class="input">')
    assert out.endswith('</div>\n<pre class="output stdout">one</pre>\n<pre class="output stdout">two</pre></div>')


@pytest.mark.parametrize(
    "output, expected",
    [
        (
            {"output_type": "stream", "name": "stdout", "text": ["\x1b[1;31mred\x1b[0m ", "<b>&"]},
            '<pre class="output stdout">red &lt;b&gt;&amp;</pre>',
        ),
        ({"output_type": "stream", "name": "stderr", "text": "warn"}, '<pre class="output stderr">warn</pre>'),
        ({"output_type": "stream", "text": "no name"}, '<pre class="output stdout">no name</pre>'),
        ({"output_type": "stream", "name": "stdout"}, '<pre class="output stdout"></pre>'),
        (
            {"output_type": "error", "traceback": ["\x1b[0;31mValueError\x1b[0m", "line <2>"]},
            '<pre class="output error">ValueError\nline &lt;2&gt;</pre>',
        ),
        (
            {"output_type": "error", "ename": "KeyError", "evalue": "'x' <y>", "traceback": []},
            '<pre class="output error">KeyError: &#x27;x&#x27; &lt;y&gt;</pre>',
        ),
        ({"output_type": "error", "ename": "E", "evalue": "v"}, '<pre class="output error">E: v</pre>'),
        (
            {"output_type": "execute_result", "data": {"text/plain": ["\x1b[32m<x>\x1b[0m", " 1"]}},
            '<pre class="output plain">&lt;x&gt; 1</pre>',
        ),
        (
            {"output_type": "display_data", "data": {"text/markdown": "**b** <i>i</i>"}},
            '<div class="output markdown"><p><strong>b</strong> &lt;i&gt;i&lt;/i&gt;</p>\n</div>',
        ),
        (
            {"output_type": "display_data", "data": {"text/html": "<p>hi<script>x</script></p>"}},
            '<div class="output html"><p>hi</p></div>',
        ),
        # HTML before Markdown before plain text, when an output carries several
        (
            {
                "output_type": "execute_result",
                "data": {"text/html": "<i>h</i>", "text/markdown": "m", "text/plain": "p"},
            },
            '<div class="output html"><i>h</i></div>',
        ),
        (
            {"output_type": "execute_result", "data": {"text/markdown": "m", "text/plain": "p"}},
            '<div class="output markdown"><p>m</p>\n</div>',
        ),
        ({"output_type": "display_data", "data": {"application/json": {}}}, ""),
        ({"output_type": "display_data"}, ""),
    ],
)
def test_text_outputs_are_escaped_without_colour_codes(output, expected):
    """Rule: streams, errors and plain text are text (escaped, ANSI codes removed); HTML is sanitized."""
    assert renderer().output(output) == expected


def figure(mime: str, payload: str) -> str:
    return (
        f'<figure class="output image"><img src="data:{mime};base64,{payload}" alt="{ALT}">'
        f"<figcaption>{SHOWN}</figcaption></figure>"
    )


SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    "data, expected",
    [
        # SVG: base64 of its bytes, so its markup never joins the page
        ({"image/svg+xml": [SVG[:20], SVG[20:]]}, figure("image/svg+xml", base64.b64encode(SVG.encode()).decode())),
        # PNG and JPEG are stored base64 already; nbformat's line breaks removed
        ({"image/png": "iVBORw0K\nGgo=\n"}, figure("image/png", "iVBORw0KGgo=")),
        ({"image/jpeg": ["/9j/4AAQ", "SkZJRg=="]}, figure("image/jpeg", "/9j/4AAQSkZJRg==")),
        # SVG first, then PNG, then JPEG; then HTML and text
        ({"image/png": "AAAA", "image/svg+xml": "<svg/>"}, figure("image/svg+xml", "PHN2Zy8+")),
        ({"image/jpeg": "BBBB", "image/png": "AAAA", "text/plain": "p"}, figure("image/png", "AAAA")),
        # a "PNG" that is not base64 could end the attribute: skipped, the next kind is shown
        ({"image/png": 'AAAA" onerror="alert(1)', "image/jpeg": "BBBB"}, figure("image/jpeg", "BBBB")),
        ({"image/png": "AA AA", "text/plain": "fallback"}, '<pre class="output plain">fallback</pre>'),
        ({"image/png": "AAAA=x"}, ""),  # padding only at the end
    ],
)
def test_images_are_data_urls_with_the_caption(data, expected):
    """Rule: an image is an ``<img>`` with a base64 ``data:`` URL, the caption its alt text and figure caption."""
    assert renderer().output({"output_type": "display_data", "data": data}) == expected


@pytest.mark.parametrize(
    "outputs, labels",
    [
        # a table's caption names its region; its tags are not part of the name
        (["<table><caption>Table <b>1</b> &amp; more</caption><tr><td>1</td></tr></table>"], ["Table 1 & more"]),
        # no caption: numbered in page order, counting only regions
        (
            ["<table><tr><td>1</td></tr></table>", "<p>no table</p>", "<table><tr><td>2</td></tr></table>"],
            ["Output 1", "Output 2"],
        ),
        # a caption with attributes and over several lines
        (['<table><caption align="top">Two\nlines</caption></table>'], ["Two\nlines"]),
    ],
)
def test_html_tables_are_named_focusable_scroll_regions(outputs, labels):
    """Rule: an HTML output holding a table is a keyboard-focusable region named by the table's caption."""
    r = renderer()
    got = [r.output({"output_type": "display_data", "data": {"text/html": o}}) for o in outputs]
    regions = [g for g in got if g.startswith('<div class="output scroll"')]
    assert len(regions) == len(labels) == r.regions
    for region, label in zip(regions, labels):
        escaped = label.replace("&", "&amp;")
        assert region.startswith(
            f'<div class="output scroll" role="region" tabindex="0" aria-label="{escaped}"><table>'
        )
        assert region.endswith("</table></div>")


def test_a_region_label_is_an_escaped_attribute():
    """Rule: a region's name is quoted text: quotes and markup in a caption cannot leave the attribute."""
    r = renderer()
    assert r.region("<table></table>", 'a "b" <c> & d') == (
        '<div class="output scroll" role="region" tabindex="0" aria-label="a &quot;b&quot; &lt;c&gt; &amp; d">'
        "<table></table></div>"
    )
    assert r.regions == 1


def test_html_outputs_are_sanitized_and_their_links_rewritten():
    """Rule: an HTML output passes the sanitizer with the renderer's rewrite, like authored Markdown."""
    r = renderer(rewrite=lambda url: "files/" + url)
    html_out = {"output_type": "display_data", "data": {"text/html": '<a href="t.csv" onclick="x()">t</a>'}}
    assert r.output(html_out) == '<div class="output html"><a href="files/t.csv">t</a></div>'


@pytest.mark.parametrize(
    "cell, expected",
    [
        # authored Markdown in a cell keeps its (sanitized) HTML
        ({"cell_type": "markdown", "source": "<b>x</b>"}, '<div class="cell markdown"><p><b>x</b></p>\n</div>'),
        # nbformat fields a cell may lack: no source, no metadata, no outputs
        ({"cell_type": "markdown"}, '<div class="cell markdown"></div>'),
        ({"cell_type": "code"}, '<div class="cell code"></div>'),
        (
            {"cell_type": "code", "source": "", "outputs": [{"output_type": "stream", "text": "o"}]},
            '<div class="cell code"><pre class="output stdout">o</pre></div>',
        ),
    ],
)
def test_a_cell_renders_by_its_kind_and_tolerates_missing_fields(cell, expected):
    """Rule: a Markdown cell is authored Markdown; a cell without source, metadata or outputs still renders."""
    assert renderer().cell(cell) == expected


@pytest.mark.parametrize(
    "metadata, opening",
    [
        ({"tags": ["parameters"]}, '<div class="cell code"><div class="input"><p class="input-label">'),
        ({"jupyter": {"source_hidden": True}}, '<div class="cell code"><details class="input">'),
        (None, '<div class="cell code"><div class="input"><div class="highlight">'),
    ],
)
def test_a_code_cell_reads_its_own_metadata(metadata, opening):
    """Rule: the parameters label and the folding come from the cell's metadata (a cell may have none)."""
    cell = {"cell_type": "code", "source": "x = 1\n", "outputs": []}
    if metadata is not None:
        cell["metadata"] = metadata
    assert renderer().cell(cell).startswith(opening)


def test_headings_in_markdown_from_data_get_ids_too():
    """Rule: Markdown from data is escaped, and its headings take unique ids like authored ones."""
    r = renderer(reserved_ids=("counts",))
    assert r.markdown("## Counts <i>\n\ntext", authored=False) == (
        '<h2 id="counts-i">Counts &lt;i&gt;</h2>\n<p>text</p>\n'
    )
    assert r.markdown("## Counts", authored=False) == '<h2 id="counts-2">Counts</h2>\n'
