"""Gallery thumbnails: a figure's PNG scaled down, or an SVG picture of a table's first rows."""

from __future__ import annotations

import html
from pathlib import Path

__all__ = ["WIDTH", "scaled_png", "table_preview"]

#: The gallery's card width, in pixels.
WIDTH = 480


def scaled_png(source: Path) -> bytes:
    """A PNG scaled to :data:`WIDTH` (Lanczos; RGB, so the bytes do not depend on the source's alpha)."""
    import io

    from PIL import Image

    with Image.open(source) as image:
        image = image.convert("RGB")
        height = max(1, round(image.height * WIDTH / image.width))
        small = image.resize((WIDTH, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG")
    return buffer.getvalue()


def table_preview(kind: str, rows: list[list[str]], name: str) -> bytes:
    """An SVG picture of a CSV's first columns and rows (every cell XML-escaped).

    Parameters
    ----------
    kind : str
        The exhibit's kind ("table", "references", ...), shown as the heading with ``name``.
    rows : list of list of str
        The CSV's rows, header first.
    name : str
        The CSV's file name.
    """
    width, height, pad, row_h, cols = WIDTH, 240, 14, 22, 4
    col_w = (width - 2 * pad) // cols
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    shown = lambda s: s if len(s) <= 15 else s[:14] + "…"  # noqa: E731
    header, body = (rows[0], rows[1:]) if rows else ([], [])
    font = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"'
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
        f'<rect width="{width}" height="{height}" fill="#f4f6f9"/>',
        f'<text x="{pad}" y="28" {font} font-size="15" font-weight="bold" fill="#1b2a41">'
        f"{esc(kind.capitalize())} · {esc(name)}</text>",
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
