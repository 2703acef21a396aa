"""Render a DataFrame as an HTML table that reads well wherever a notebook is opened.

Readers meet our notebooks in three places: a trusted JupyterLab, an
untrusted one (whose sanitizer strips ``<style>`` blocks and ``style``
attributes) and code hosts' notebook views (which strip them too). So the
layout that matters is carried by markup those sanitizers keep: ``<br>``
between the lines of a cell, and ``align``/``valign`` attributes (numbers
right, text left, everything top-aligned), repeated as inline styles
because a notebook's own stylesheet outranks an ``align`` attribute. A
scoped ``<style>`` block only adds polish where it survives.

We write the few lines of HTML ourselves rather than use pandas' Styler,
which has no way to put attributes on individual cells and turns line
breaks into nothing but CSS.
"""

from __future__ import annotations

import html
import re

import pandas as pd

__all__ = ["to_html", "is_numeric", "MAX_ROWS"]

_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")


def is_numeric(column: pd.Series) -> bool:
    """True when every non-empty cell of a column is a number (so it is right-aligned)."""
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return True
    values = [str(v).strip() for v in column if not pd.isna(v) and str(v).strip() not in ("", "NA", "nan")]
    return bool(values) and all(_NUMBER.match(v) for v in values)


def _cell(value: object) -> str:
    """A cell's text, escaped (cells are data, never markup), with its lines kept as lines."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "<br>".join(html.escape(line) for line in str(value).split("\n"))


#: Rows a notebook shows at most. A longer frame is cut, with a note under it:
#: at 100 times the review's data an executed notebook would otherwise pass
#: 20 MB. The files a notebook writes always hold every row.
MAX_ROWS = 100
_CUT = (
    "<p><small><b>Showing the first {shown} of {total} rows.</b> "
    "The files this notebook writes hold every row.</small></p>"
)


def to_html(
    frame: pd.DataFrame,
    *,
    uid: str,
    caption: str = "",
    footer: str = "",
    notes: tuple[str, ...] = (),
    max_rows: int | None = MAX_ROWS,
) -> str:
    """Render a frame as an HTML table for people.

    Parameters
    ----------
    frame : pandas.DataFrame
        Shown without its index.
    uid : str
        The table's id (scopes its style); the same uid gives the same bytes.
    caption : str
        Shown above the table.
    footer : str
        A legend shown under the table.
    notes : tuple of str
        Further paragraphs under the legend (transcription notes, say).
    max_rows : int or None
        Show at most this many rows, saying so under the table; None shows all.
    """
    uid = re.sub(r"[^A-Za-z0-9_-]+", "-", uid)  # a CSS id: a space would split the selector
    align = ["right" if is_numeric(frame[c]) else "left" for c in frame.columns]
    # The attribute survives sanitizers that drop styles; the inline style wins over notebook
    # stylesheets that right-align every cell (JupyterLab's does), which an attribute cannot.
    head = "".join(
        f'<th align="{a}" valign="bottom" style="text-align: {a}; vertical-align: bottom">{html.escape(str(c))}</th>'
        for c, a in zip(frame.columns, align)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td align="{a}" valign="top" style="text-align: {a}; vertical-align: top">{_cell(v)}</td>'
            for v, a in zip(row, align)
        )
        + "</tr>"
        for row in frame.head(max_rows if max_rows is not None else len(frame)).itertuples(index=False, name=None)
    )
    style = (
        f"<style>#{uid} {{border-collapse: collapse; margin-bottom: 0.5em;}} "
        f"#{uid} th {{background: #f0f0f0; padding: 3px 8px;}} "
        f"#{uid} td {{padding: 3px 8px; border-top: 1px solid #e0e0e0;}} "
        f"#{uid} caption {{caption-side: top; text-align: left; font-weight: bold; padding-bottom: 4px;}}</style>"
    )
    out = style + f'<table id="{uid}">'
    if caption:
        out += f"<caption>{html.escape(caption)}</caption>"
    out += f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if max_rows is not None and len(frame) > max_rows:
        out += _CUT.format(shown=max_rows, total=len(frame))
    for paragraph in (footer, *notes):
        if paragraph:
            out += f"<p><small>{_cell(paragraph)}</small></p>"
    return out
