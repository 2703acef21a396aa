"""The blind reader's packet shows the notebooks' HTML tables as text (tools/reading_packet.py)."""

from __future__ import annotations

import importlib.util

import pytest

from helpers.core import paths


def _tool():
    spec = importlib.util.spec_from_file_location("reading_packet", paths.ROOT / "tools" / "reading_packet.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # a styled table with a caption: the style is not text, the caption is, the cells are rows
        (
            "<style>#t {border: 1px}</style><table id='t'><caption>Enrollment</caption>"
            "<tr><th>status</th><th>n</th></tr><tr><td>Completed</td><td>122</td></tr></table>",
            "Enrollment\n| status | n |\n|---|---|\n| Completed | 122 |",
        ),
        # a pipe inside a cell is escaped, entities are decoded, whitespace is folded
        ("<table><tr><th>a</th></tr><tr><td>x | y &amp;\n  z</td></tr></table>", "| a |\n|---|\n| x \\| y & z |"),
        # items of a cell broken by <br> stay apart (table4 3.4: "…clinical applicationsHigh differentiation…")
        (
            "<table><tr><th>Advantages</th></tr><tr><td>clinical applications<br>High potential</td></tr></table>",
            "| Advantages |\n|---|\n| clinical applications <br> High potential |",
        ),
        # prose outside a table stays prose, paragraph by paragraph
        ("<p>first</p><p>second <b>bold</b></p>", "first\nsecond bold"),
    ],
)
def test_html_displays_become_text_a_reader_can_check(html, expected):
    assert _tool().html_text(html) == expected


def test_a_notebook_table_reaches_the_reader():
    """trials 2.5: the packet showed '<IPython.core.display.HTML object>' where the notebook shows a table."""
    text = _tool().notebook_text("trials", "abc1234")
    assert "IPython.core.display.HTML" not in text
    assert "| registered trial | Completed | 6 | 122 |" in text  # Table 3: rows 4, 8, 9, 11, 12, 14 sum to 122
