"""Serialise exhibits: tables as CSV, Markdown, LaTeX and Excel; figures as PNG, SVG and PDF.

Each serialiser returns bytes that depend only on its inputs: dates in
PDF/SVG/XLSX metadata, random SVG ids and zip timestamps are fixed or left
out. Writing the bytes is :mod:`helpers.core.files`' job.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from typing import TYPE_CHECKING

from helpers.core.catalog import LICENCE, SOURCE
from helpers.outputs.latex import escape as _tex_escape
from helpers.outputs.latex import packages as _tex_packages
from helpers.outputs.style import configure_matplotlib

if TYPE_CHECKING:  # imported lazily: `review build` must not pay for them when nothing is stale
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["table_bytes", "figure_bytes", "column_widths"]


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


#: Numeric text: an optional minus, digits without a leading zero ("007" stays text), no exponent.
_INTEGER = re.compile(r"-?(?:0|[1-9]\d{0,14})")
_DECIMAL = re.compile(r"-?(?:0|[1-9]\d{0,14})\.\d{1,15}")


def _text(value: object) -> str:
    import pandas as pd

    return "" if pd.isna(value) else str(value)


def _numeric_columns(frame: pd.DataFrame) -> set[str]:
    """Columns whose every non-empty cell is numeric text (at least one cell)."""
    out = set()
    for column in frame.columns:
        cells = [_text(v) for v in frame[column]]
        filled = [c for c in cells if c]
        if filled and all(_INTEGER.fullmatch(c) or _DECIMAL.fullmatch(c) for c in filled):
            out.add(column)
    return out


def _number(text: str) -> int | float | None:
    if not text:
        return None
    return int(text) if _INTEGER.fullmatch(text) else float(text)


def _xlsx(frame: pd.DataFrame, *, exhibit: str, title: str, caption: str, legend: str, notes: tuple = ()) -> bytes:
    """One sheet with the table (numeric columns as numbers), one with its notes."""
    import datetime

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    numeric = _numeric_columns(frame)
    wb = Workbook()
    ws = wb.active
    ws.title = exhibit[:31]
    ws.append(list(frame.columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for record in frame.itertuples(index=False):
        ws.append([_number(_text(v)) if c in numeric else _text(v) for c, v in zip(frame.columns, record)])
    for column in ws.columns:
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    sheet = wb.create_sheet("Notes")
    for name, text in (("Title", title), ("Caption", caption), ("Legend", legend), *(("Note", n) for n in notes)):
        if text:
            sheet.append([name, text])
    sheet.append(["Source", SOURCE])
    for row in sheet.iter_rows():
        row[0].font = Font(bold=True)
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["B"].width = 100
    fixed = datetime.datetime(2025, 1, 1)  # no build time in a citable file
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.title = exhibit
    wb.properties.description = f"{title}. {caption}"
    wb.properties.creator = "mscs-aging-review"
    buffer = io.BytesIO()
    wb.save(buffer)
    return _normalise_zip(buffer.getvalue())


# --- LaTeX -------------------------------------------------------------------

#: Lower-case letters of \footnotesize text (3.9 pt each) across the article
#: class's 345 pt \linewidth: the unit in which columns are measured.
_CHARS_PER_LINE = 88
#: 2\tabcolsep (2 x 2 pt), in the same unit.
_SEPARATION = 1.0
#: TeX hyphenates a long plain word; a piece left on one line is about this wide.
_SYLLABLES = 6
#: No column takes more than this share of the line.
_WIDEST = 0.5

_NUMBER_PREFIX = re.compile(r"^(?:Table|Fig\.?|Figure)\s+\d+[.:]?\s*")
#: Where TeX may break inside a word: after a hyphen, and after "/" (typeset as \slash).
_BREAKS = re.compile(r"(?<=[-/])")
_PLAIN_WORD = re.compile(r"\(?[A-Za-z]?[a-z]+[,.;:)]*")


def _cell_lines(value: object) -> list[str]:
    return _text(value).split("\n")


def _chars(text: str) -> float:
    """Width of ``text`` in lower-case letters: capitals are half as wide again, digits a tenth."""
    return sum(1.5 if ch.isupper() else 1.1 if ch.isdigit() else 1.0 for ch in text)


def _unbreakable(text: str) -> float:
    """The widest piece of ``text`` TeX cannot break, in lower-case letters.

    TeX breaks lines at spaces, after a hyphen or a slash, and inside a
    plain word by hyphenation (what is left is about :data:`_SYLLABLES`
    wide); it does not hyphenate a code (``NCT01742533``) or a part of a
    hyphenated compound (``Radiation-``).
    """
    widths = [1.0]
    for word in text.split():
        pieces = [p for p in _BREAKS.split(word) if p]
        if len(pieces) == 1 and _PLAIN_WORD.fullmatch(word):
            widths.append(min(_chars(word), _SYLLABLES))
        else:
            widths.extend(_chars(p) for p in pieces)
    return max(widths)


def column_widths(frame: pd.DataFrame) -> list[float]:
    """Share of ``\\linewidth`` per column, separation included; the shares sum to at most 1.

    A column asks for room in proportion to its typical content (the mean
    width of its cells' longest lines) and never gets less than its widest
    piece that TeX cannot break (a code such as ``NCT01742533``, the header
    included; plain words hyphenate). The line is shared in proportion to
    what the columns ask; a column whose share falls below its floor is
    pinned at the floor, one above :data:`_WIDEST` at that cap, and the rest
    is shared again. Room nobody else can use goes back to the capped
    columns. When the floors alone exceed the line they are scaled down
    together.

    Examples
    --------
    >>> import pandas as pd
    >>> column_widths(pd.DataFrame({"Ref.": ["[1]"], "Effects": ["improved memory and learning " * 5]}))
    [0.062, 0.937]
    >>> column_widths(pd.DataFrame({"Ref.": ["[1]"], "Effects": ["improved memory " * 9], "Purpose": ["x y " * 9]}))
    [0.062, 0.5, 0.437]
    """
    floors, asks = [], []
    for column in frame.columns:
        lines = [line for value in frame[column] for line in _cell_lines(value)] + str(column).split("\n")
        floor = max(_unbreakable(line) for line in lines) + _SEPARATION
        per_cell = [max(_chars(line) for line in _cell_lines(v)) for v in frame[column]] or [0.0]
        floors.append(floor / _CHARS_PER_LINE)
        asks.append(max(floor, sum(per_cell) / len(per_cell) + _SEPARATION))
    if sum(floors) >= 1:
        shares = [f / sum(floors) for f in floors]
    else:
        pinned: dict[int, float] = {}
        capped: list[int] = []
        while True:
            free = [i for i in range(len(asks)) if i not in pinned]
            room = 1 - sum(pinned.values())
            total = sum(asks[i] for i in free)
            shares = [pinned.get(i, asks[i] * room / total if total else 0.0) for i in range(len(asks))]
            low = [i for i in free if shares[i] < floors[i]]
            high = [i for i in free if shares[i] > _WIDEST]
            if not low and not high:
                break
            # Floors first: pinning one frees or takes room that changes who is over the cap.
            for i in low or high:
                pinned[i] = floors[i] if low else _WIDEST
                capped += [] if low else [i]
        spare = 1 - sum(shares)
        for i in capped if spare > 0 else []:
            shares[i] += spare * asks[i] / sum(asks[j] for j in capped)
    # Round down, so the rounded shares never sum to more than the line.
    return [math.floor(s * 1000) / 1000 for s in shares]


def _tex_cell(value: object, where: str) -> str:
    # "\slash" lets a line break after "/" ("hUCMSC/ hAD-MSC", "Dosage/cells").
    return r" \newline ".join(_tex_escape(line, where).replace("/", r"\slash{}") for line in _cell_lines(value))


def _latex(frame: pd.DataFrame, *, exhibit: str, title: str, legend: str, notes: tuple = ()) -> bytes:
    """A ``longtable`` that fits ``\\linewidth``, its header repeated on every page, the legend as its note.

    Long because it writes the whole file: header comment, column
    specification, caption, first and continued heads, rows and the note.
    """
    n = len(frame.columns)
    widths = column_widths(frame)
    spec = "".join(
        r">{\raggedright\arraybackslash\leavevmode\nobreak\hspace{0pt}}p{\dimexpr "
        + f"{w:.3f}"
        + r"\linewidth-2\tabcolsep\relax}"
        for w in widths
    )
    head = " & ".join(_tex_cell(c, f"{exhibit} header") for c in frame.columns) + r" \\"
    body = []
    for number, record in enumerate(frame.itertuples(index=False), start=1):
        cells = [_tex_cell(v, f"{exhibit} row {number}, column '{c}'") for c, v in zip(frame.columns, record)]
        body.append(" & ".join(cells) + r" \\")
    caption = _tex_escape(_NUMBER_PREFIX.sub("", title), f"{exhibit} title")
    lines = [
        r"\begingroup",
        r"\footnotesize",
        r"\setlength{\tabcolsep}{2pt}",
        r"\begin{longtable}{" + spec + "}",
        r"\caption{" + caption + r"}\label{tab:" + exhibit + r"} \\",
        r"\toprule",
        head,
        r"\midrule",
        r"\endfirsthead",
        r"\caption[]{(continued)} \\",
        r"\toprule",
        head,
        r"\midrule",
        r"\endhead",
        r"\midrule",
        r"\multicolumn{" + str(n) + r"}{r}{Continued on next page} \\",
        r"\endfoot",
        r"\bottomrule",
    ]
    width = f"{sum(widths):.3f}"
    for number, text in enumerate((legend, *notes)):
        if not text:
            continue
        note = _tex_escape(text, f"{exhibit} legend" if number == 0 else f"{exhibit} note {number}").replace("\n", " ")
        lines.append(r"\addlinespace")
        lines.append(r"\multicolumn{" + str(n) + r"}{@{}p{" + width + r"\linewidth}@{}}{\raggedright " + note + r"} \\")
    lines += [r"\endlastfoot", *body, r"\end{longtable}", r"\endgroup", ""]
    tex = "\n".join(lines)
    needs = ",".join(sorted({"array", "booktabs", "longtable", *_tex_packages(tex)}))
    comment = (
        f"% {exhibit}: regenerated from data/ by the mscs-aging-review project; ASCII, for pdfLaTeX and LuaLaTeX.\n"
        f"% Needs \\usepackage{{{needs}}}. Columns are sized for a 345 pt \\linewidth (article class).\n"
    )
    return (comment + tex).encode("ascii")


# --- Markdown ----------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_<>\[\]|])")


def _markdown(frame: pd.DataFrame, *, exhibit: str, title: str, legend: str, notes: tuple = ()) -> bytes:
    """A pipe table under its title, with the legend as a paragraph after it, then one paragraph per note."""
    shown = frame.map(lambda v: _text(v).replace("\n", "<br>").replace("|", "\\|"))
    text = (
        f"<!-- {exhibit}: regenerated from data/ by the mscs-aging-review project -->\n\n"
        f"**{title}**\n\n" + shown.to_markdown(index=False) + "\n"
    )
    for paragraph in (legend, *notes):
        if paragraph:
            text += "\n" + _MD_SPECIAL.sub(r"\\\1", paragraph).replace("\n", " ") + "\n"
    return text.encode("utf-8")


def table_bytes(
    frame: pd.DataFrame, fmt: str, *, exhibit: str, title: str, caption: str, legend: str = "", notes: tuple = ()
) -> bytes:
    """Serialise a table exhibit in one format.

    Parameters
    ----------
    frame : pandas.DataFrame
        The exhibit: published headers, printed cells.
    fmt : {'csv', 'md', 'tex', 'xlsx'}
    exhibit, title, caption : str
        Identify the exhibit inside formats that carry metadata. The LaTeX
        caption is ``title`` without its "Table N." (LaTeX numbers it).
    legend : str, optional
        The legend printed under the table (:func:`helpers.outputs.tables.legend`):
        a paragraph after the Markdown table, the note under the LaTeX
        table, a row of the "Notes" sheet in Excel. CSV holds cells only.
    notes : tuple of str, optional
        Our notes on the cells (:func:`helpers.outputs.tables.transcription_notes`
        and the like), each placed after the legend as the legend is.

    Raises
    ------
    helpers.outputs.latex.UnmappedCharacter
        For ``tex``, a character with no LaTeX form, naming the row and column.
    """
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    if fmt == "md":
        return _markdown(frame, exhibit=exhibit, title=title, legend=legend, notes=notes)
    if fmt == "tex":
        return _latex(frame, exhibit=exhibit, title=title, legend=legend, notes=notes)
    if fmt == "xlsx":
        return _xlsx(frame, exhibit=exhibit, title=title, caption=caption, legend=legend, notes=notes)
    raise ValueError(f"unknown table format {fmt!r}")


def figure_bytes(
    fig: Figure, fmt: str, *, exhibit: str, title: str, dpi: int, selection: str = "", version: str = "", page: str = ""
) -> bytes:
    """Render a figure in one format with embedded, date-free metadata.

    Parameters
    ----------
    selection, version, page : str, optional
        For a run with other parameters: its selection in words, the project's
        version and, for a view the site serves, its page's site path. A figure
        cited from a run or a view then says what it shows, from which version
        and where its page and record are, in every format; a canonical figure
        (no selection) carries none of them, so its bytes do not change.
    """
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
    if selection:
        meta.update(_run_metadata(fmt, exhibit, selection, version, page))
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=dpi, metadata=meta, bbox_inches="tight")
    return buffer.getvalue()


def _run_metadata(fmt: str, exhibit: str, selection: str, version: str, page: str) -> dict[str, str]:
    """The metadata that traces a run's figure back: selection, project version and page (when a view).

    PNG takes any ``tEXt`` keyword, so each fact has its own; SVG takes only
    Dublin Core terms (``Description``, ``Relation``, ``Publisher``); PDF's
    Info dictionary names them in ``Subject``, which every PDF reader shows.
    """
    said = f"{selection}; mscs-aging-review version {version}" + (f"; site page {page}" if page else "")
    if fmt == "png":
        return {"Description": f"Exhibit {exhibit}. {said}", "Selection": selection, "Version": version} | (
            {"Page": page} if page else {}
        )
    if fmt == "svg":
        return {"Description": said, "Publisher": f"mscs-aging-review {version}"} | ({"Relation": page} if page else {})
    return {"Subject": f"Exhibit {exhibit}. {said}. Source: {SOURCE}"}
