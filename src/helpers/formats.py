"""Serialise exhibits: tables as CSV, Markdown, LaTeX and Excel; figures as PNG, SVG and PDF.

Each serialiser returns bytes that depend only on its inputs: dates in
PDF/SVG/XLSX metadata, random SVG ids and zip timestamps are fixed or left
out. Writing the bytes is :mod:`helpers.files`' job.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from .catalog import LICENCE, SOURCE
from .latex import escape as _tex_escape
from .style import configure_matplotlib

if TYPE_CHECKING:  # imported lazily: `review build` must not pay for them when nothing is stale
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["table_bytes", "figure_bytes"]


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (xlsx) with fixed timestamps, including the one in its XML.

    openpyxl stamps ``dcterms:modified`` with the time of saving, whatever
    the workbook says, and zip members carry their write time.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            payload = source.read(name)
            if name == "docProps/core.xml":
                payload = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", payload)
            target.writestr(info, payload)
    return out.getvalue()


def _xlsx(frame: pd.DataFrame, title: str, caption: str) -> bytes:
    import datetime

    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append(list(frame.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for record in frame.itertuples(index=False):
        ws.append(["" if pd.isna(v) else v for v in record])
    for column in ws.columns:
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    fixed = datetime.datetime(2025, 1, 1)  # no build time in a citable file
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.title = title
    wb.properties.description = caption
    wb.properties.creator = "mscs-aging-review"
    buffer = io.BytesIO()
    wb.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _latex(frame: pd.DataFrame, caption: str, label: str) -> bytes:
    import pandas as pd

    escaped = frame.copy()
    for column in escaped.columns:
        escaped[column] = escaped[column].map(
            lambda v: _tex_escape(str(v)).replace("\n", r" \newline ") if not pd.isna(v) else ""
        )
    escaped.columns = [_tex_escape(c) for c in escaped.columns]
    styler = escaped.style.hide(axis="index")
    tex = styler.to_latex(
        caption=_tex_escape(caption),
        label=f"tab:{label}",
        hrules=True,
        column_format="".join("p{%.2f\\linewidth}" % (0.9 / len(frame.columns)) for _ in frame.columns),
        position="htbp",
        environment="longtable",
    )
    header = "% Regenerated from data/ by the mscs-aging-review project. Needs \\usepackage{booktabs,longtable}.\n"
    return (header + tex).encode("utf-8")


def table_bytes(frame: pd.DataFrame, fmt: str, *, exhibit: str, title: str, caption: str) -> bytes:
    """Serialise a table exhibit in one format.

    Parameters
    ----------
    frame : pandas.DataFrame
        The exhibit: published headers, printed cells.
    fmt : {'csv', 'md', 'tex', 'xlsx'}
    exhibit, title, caption : str
        Identify the exhibit inside formats that carry metadata.
    """
    import pandas as pd

    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if fmt == "md":
        shown = frame.map(lambda v: "" if pd.isna(v) else str(v).replace("\n", "<br>").replace("|", "\\|"))
        return (
            f"<!-- {exhibit}: regenerated from data/ by the mscs-aging-review project -->\n\n"
            f"**{title}**\n\n" + shown.to_markdown(index=False) + "\n"
        ).encode("utf-8")
    if fmt == "tex":
        return _latex(frame, f"{title}. {caption}".strip(), exhibit)
    if fmt == "xlsx":
        return _xlsx(frame, exhibit, f"{title}. {caption}")
    raise ValueError(f"unknown table format {fmt!r}")


def figure_bytes(fig: Figure, fmt: str, *, exhibit: str, title: str, dpi: int) -> bytes:
    """Render a figure in one format with embedded, date-free metadata."""
    configure_matplotlib()
    meta = {
        "png": {
            "Title": title,
            "Description": f"Exhibit {exhibit}",
            "Source": SOURCE,
            "Copyright": LICENCE,
            "Software": "matplotlib (mscs-aging-review)",
        },
        "svg": {
            "Title": title,
            "Identifier": exhibit,
            "Source": SOURCE,
            "Rights": LICENCE,
            "Date": None,
            "Creator": "mscs-aging-review",
        },
        "pdf": {
            "Title": title,
            "Subject": f"Exhibit {exhibit}. Source: {SOURCE}",
            "Keywords": LICENCE,
            "Creator": "mscs-aging-review",
            "Producer": "matplotlib",
            "CreationDate": None,
            "ModDate": None,
        },
    }[fmt]
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=dpi, metadata=meta, bbox_inches="tight")
    return buffer.getvalue()
