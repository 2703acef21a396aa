"""Render a DataFrame as a styled HTML table for the notebooks' readers."""

from __future__ import annotations

import html
import re

import pandas as pd

__all__ = ["to_html"]


def to_html(frame: pd.DataFrame, *, uid: str, caption: str = "", footer: str = "") -> str:
    """Render a frame as a styled HTML table for people.

    pandas' Styler draws a random id into its HTML unless given ``uuid``;
    a fixed one keeps the notebook output byte-stable for nbval.
    """
    # The uid becomes a CSS id: a space would split the selector and drop the styles.
    uid = re.sub(r"[^A-Za-z0-9_-]+", "-", uid)
    styler = (
        frame.style.hide(axis="index")
        .format(escape="html")  # cells are data, never markup
        .set_uuid(uid)
        .set_table_styles(
            [
                {"selector": "th", "props": "text-align: left; vertical-align: bottom; background: #f0f0f0;"},
                {"selector": "td", "props": "text-align: left; vertical-align: top; white-space: pre-line;"},
                {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold;"},
            ]
        )
    )
    if caption:
        styler = styler.set_caption(html.escape(caption))
    out = styler.to_html()
    if footer:
        out += f'<p style="font-size: 85%; max-width: 60em;">{html.escape(footer)}</p>'
    return out
