"""HTML tables keep their layout through the sanitizers of untrusted JupyterLab and code hosts."""

from __future__ import annotations

import bleach
import pandas as pd
import pytest

from helpers.notebook.session import start
from helpers.outputs import htmltable, tables

#: What an untrusted JupyterLab or a code host's notebook view keeps of our
#: tables, modelled conservatively: table markup, line breaks and the
#: align/valign attributes; no <style>, no style or class attributes.
SANITIZER_TAGS = {"table", "caption", "thead", "tbody", "tr", "th", "td", "br", "p", "small", "b", "strong", "em"}
SANITIZER_ATTRIBUTES = {
    "th": ["align", "valign", "colspan", "rowspan"],
    "td": ["align", "valign", "colspan", "rowspan"],
}


def sanitized(markup: str) -> str:
    cleaned = bleach.clean(markup, tags=SANITIZER_TAGS, attributes=SANITIZER_ATTRIBUTES, strip=True)
    # bleach keeps the text of a stripped <style> element; a browser sanitizer drops it with the element.
    return cleaned.split("</style>")[-1] if "</style>" in markup else cleaned


@pytest.mark.parametrize(
    "column, numeric",
    [
        (pd.Series([1, 2]), True),
        (pd.Series(["12", "3.5", ""]), True),
        (pd.Series(["547", "NA"]), True),
        (pd.Series(["IV 1 × 10⁶", "3"]), False),
        (pd.Series(["[12]"]), False),
        (pd.Series([True, False]), False),
        (pd.Series(["", ""]), False),
    ],
)
def test_numbers_are_told_from_text(column, numeric):
    assert htmltable.is_numeric(column) is numeric


def test_cells_are_escaped_lines_kept_and_output_stable():
    frame = pd.DataFrame({"text": ["<b>x</b>", "line one\nline two"], "n": [3, 14]})
    first = htmltable.to_html(frame, uid="a b/c", caption="C & D", footer="legend <i>")
    assert first == htmltable.to_html(frame, uid="a b/c", caption="C & D", footer="legend <i>")
    assert "&lt;b&gt;x&lt;/b&gt;" in first and "<b>x</b>" not in first
    assert "line one<br>line two" in first and "C &amp; D" in first and "legend &lt;i&gt;" in first
    assert 'id="a-b-c"' in first and "#a-b-c td" in first
    assert '<td align="right" valign="top" style="text-align: right; vertical-align: top">14</td>' in first
    assert '<td align="left" valign="top" style="text-align: left; vertical-align: top">' in first


def test_table4_list_items_survive_a_sanitizer_on_their_own_lines():
    """Table 4 prints several advantages per cell; an untrusted view must not run them together."""
    run = start("table4", {})
    printed, _ = tables.load_table(run)
    table = tables.published(printed, run.exhibit.resource)
    multi = [cell for cell in table["Advantages"] if "\n" in cell]
    assert multi, "Table 4 has cells with several printed lines"
    clean = sanitized(htmltable.to_html(table, uid="table4", caption=run.exhibit.title))
    first, second = multi[0].split("\n")[:2]
    assert f"{first}<br>{second}" in clean.replace("&amp;", "&")
    assert "style" not in clean and 'align="left"' in clean


def test_numbers_stay_right_aligned_after_sanitizing():
    run = start("table3", {})
    printed, derived = tables.load_table(run)
    table = tables.published(printed, run.exhibit.resource)
    clean = sanitized(htmltable.to_html(table, uid="table3"))
    enrollment = list(table.columns).index("Enrollment")
    header_cells = clean.split("<thead>")[1].split("</thead>")[0].split("<th ")[1:]
    assert header_cells[enrollment].startswith('align="right"')
