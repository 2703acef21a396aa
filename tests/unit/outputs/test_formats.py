"""Exhibit files: serialisers byte-identical from run to run, with metadata; atomic writes."""

from __future__ import annotations

import io
import os
import re
import zipfile

import pandas as pd
import pytest

from helpers.core import files
from helpers.outputs import formats, latex, style

FRAME = pd.DataFrame({"Disease": ["POF", "AD"], "Effects": ["a & b", "line one\nline two"], "Ref.": ["[1]", "[2]"]})


LEGEND = "AD: Alzheimer's disease; NA: Not Applicable; Data obtained from ClinicalTrials.gov"


def _table(fmt, frame=FRAME, **kwargs):
    kwargs = {"exhibit": "t", "title": "Table 9. Things", "caption": "C", **kwargs}
    return formats.table_bytes(frame, fmt, **kwargs)


@pytest.mark.parametrize("fmt", ["csv", "md", "tex", "xlsx"])
@pytest.mark.parametrize("legend", ["", LEGEND])
def test_table_formats_are_deterministic(fmt, legend):
    first = _table(fmt, legend=legend)
    second = _table(fmt, legend=legend)
    assert first == second and first


def test_table_formats_hold_the_cells():
    assert _table("csv").decode().startswith("Disease,Effects,Ref.\nPOF,a & b,[1]\n")
    md = _table("md").decode()
    assert "line one<br>line two" in md and "**Table 9. Things**" in md
    tex = _table("tex").decode()
    assert r"\toprule" in tex and r"a \& b" in tex and r"\label{tab:t}" in tex
    assert r"line one \newline line two" in tex


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown table format 'pdf'"):
        _table("pdf")


# --- LaTeX -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, caption",
    [
        ("Table 3. Clinical trials of MSCs", "Clinical trials of MSCs"),
        ("Table 12: Twelve", "Twelve"),
        ("Fig. 2. A figure", "A figure"),
        ("Results without a number", "Results without a number"),
        ("Table of contents", "Table of contents"),
    ],
)
def test_tex_caption_is_the_title_without_its_number(title, caption):
    tex = _table("tex", title=title, caption="Our own words.").decode()
    assert "\\caption{" + caption + "}\\label{tab:t} \\\\" in tex
    assert "Our own words" not in tex
    assert tex.count("\\caption{") == 1 and "\\caption[]{(continued)}" in tex  # numbered once


def test_tex_is_a_longtable_with_a_repeated_header_and_the_legend_as_note():
    tex = _table("tex", legend=LEGEND).decode()
    lines = tex.splitlines()
    head = "Disease & Effects & Ref. \\\\"
    assert lines.count(head) == 2  # first page and every continued page
    assert lines.index("\\endfirsthead") < lines.index("\\endhead") < lines.index("\\endfoot")
    assert lines.index("\\endfoot") < lines.index("\\endlastfoot") < lines.index("\\end{longtable}")
    note = next(line for line in lines if line.startswith("\\multicolumn{3}{@{}p{"))
    assert "Alzheimer's disease; NA: Not Applicable; Data obtained from ClinicalTrials.gov" in note
    assert lines.index("\\bottomrule") < lines.index(note) < lines.index("\\endlastfoot")
    assert "\\multicolumn{3}{@{}p{" not in _table("tex").decode()  # no legend, no note


@pytest.mark.parametrize(
    "cell, packages",
    [("plain", "array,booktabs,longtable"), ("NEUROSTEM®", "amssymb,array,booktabs,longtable")],
)
def test_tex_header_names_the_packages_it_needs(cell, packages):
    tex = _table("tex", frame=pd.DataFrame({"A": [cell]})).decode()
    assert tex.splitlines()[1].startswith("% Needs \\usepackage{" + packages + "}.")
    assert tex.isascii()


def test_tex_unmapped_character_names_row_and_column():
    frame = pd.DataFrame({"Disease": ["AD", "POF"], "Effects": ["fine", "snow ☃ here"]})
    with pytest.raises(latex.UnmappedCharacter, match=r"U\+2603 SNOWMAN\) in t row 2, column 'Effects'"):
        _table("tex", frame=frame)
    with pytest.raises(latex.UnmappedCharacter, match="in t legend"):
        _table("tex", legend="☃")


def _widths(tex: str) -> list[float]:
    return [float(w) for w in re.findall(r"p\{\\dimexpr ([\d.]+)\\linewidth-2\\tabcolsep\\relax\}", tex)]


WIDTH_CASES = {
    "one column": pd.DataFrame({"A": ["x"]}),
    "short and long": pd.DataFrame({"Ref.": ["[1]", "[2]"], "Effects": ["word " * 40, "word " * 30]}),
    "nine columns": pd.DataFrame({f"Column {i}": ["NCT01742533 " * (i % 3 + 1)] for i in range(9)}),
    "codes wider than the line": pd.DataFrame({c: ["X" * 60] for c in "ABCD"}),
    "no rows": pd.DataFrame({"A": pd.Series([], dtype=str), "B": pd.Series([], dtype=str)}),
    "lists and empties": pd.DataFrame({"A": ["one\ntwo", ""], "B": [None, "three"]}),
}


@pytest.mark.parametrize("frame", WIDTH_CASES.values(), ids=WIDTH_CASES.keys())
def test_column_widths_fit_the_line(frame):
    widths = formats.column_widths(frame)
    assert len(widths) == len(frame.columns)
    assert all(w > 0 for w in widths) and sum(widths) <= 1
    assert _widths(_table("tex", frame=frame).decode()) == widths  # separation inside each share


def test_column_widths_follow_content_within_floor_and_cap():
    frame = pd.DataFrame(
        {"Ref.": ["[1]"] * 3, "Code": ["NCT01742533"] * 3, "Effects": ["improved memory and learning " * 6] * 3}
    )
    ref, code, effects = formats.column_widths(frame)
    assert ref < code < effects and ref + code + effects <= 1
    assert code * 345 >= 52  # pt: NCT01742533 at \footnotesize is 52.6 pt wide
    # The cap keeps room for a second text column; room nobody needs goes back to the capped one.
    three = frame.assign(Purpose=["a purpose of some length " * 2] * 3)
    assert formats.column_widths(three)[2] == 0.5 and formats.column_widths(three)[3] > 0.2
    lists = pd.DataFrame({"A": ["short\nlines\nonly"], "B": ["one long line without breaks " * 3]})
    assert formats.column_widths(lists)[0] < formats.column_widths(lists)[1]


# --- Markdown --------------------------------------------------------------------


@pytest.mark.parametrize(
    "legend, paragraph",
    [
        (LEGEND, LEGEND),
        ("a_b *c* `d` <e> [f] |g| \\h", "a\\_b \\*c\\* \\`d\\` \\<e\\> \\[f\\] \\|g\\| \\\\h"),
        ("two\nlines", "two lines"),
    ],
)
def test_markdown_carries_the_legend_after_the_table(legend, paragraph):
    md = _table("md", legend=legend).decode()
    table, _, after = md.rpartition("|\n")
    assert after == "\n" + paragraph + "\n"
    assert table.startswith("<!-- t: regenerated")


def test_markdown_without_legend_ends_with_the_table():
    assert _table("md").decode().endswith("|\n")


# --- Excel -----------------------------------------------------------------------


def _sheets(data: bytes) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}


@pytest.mark.parametrize(
    "cells, stored",
    [
        (["40", "60", "3"], [40, 60, 3]),
        (["1.5", "2", "-4"], [1.5, 2, -4]),
        (["", "7"], [None, 7]),
        (["1/ 2", "2"], ["1/ 2", "2"]),
        (["NA", "3"], ["NA", "3"]),
        (["007", "1"], ["007", "1"]),
        (["[10]", "[11]"], ["[10]", "[11]"]),
        (["1e5", "2"], ["1e5", "2"]),
        (["NCT01742533", "NCT02062931"], ["NCT01742533", "NCT02062931"]),
        (["", ""], [None, None]),
    ],
)
def test_xlsx_stores_a_numeric_column_as_numbers_and_the_rest_as_text(cells, stored):
    frame = pd.DataFrame({"Enrollment": cells, "Name": ["x", "y"] if len(cells) == 2 else ["x", "y", "z"]})
    rows = _sheets(_table("xlsx", frame=frame))["t"]
    assert rows[0] == ["Enrollment", "Name"]
    values = [row[0] for row in rows[1:]]
    assert values == stored
    assert [type(v) for v in values] == [type(v) for v in stored]


def test_xlsx_has_a_notes_sheet_with_title_caption_legend_and_source():
    notes = dict(_sheets(_table("xlsx", legend=LEGEND))["Notes"])
    assert notes["Title"] == "Table 9. Things" and notes["Caption"] == "C" and notes["Legend"] == LEGEND
    assert notes["Source"].startswith("Li H, Bai L")
    assert "Legend" not in dict(_sheets(_table("xlsx"))["Notes"])


def test_xlsx_has_no_timestamps():
    data = _table("xlsx", legend=LEGEND)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "2025-01-01T00:00:00Z" in core and core.count("2025-01-01") == 2


@pytest.fixture
def figure():
    style.configure_matplotlib()
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2])
    yield fig
    plt.close(fig)


@pytest.mark.parametrize(
    "fmt, marker", [("png", b"Copyright"), ("svg", b"<dc:title>My title"), ("pdf", b"/Title (My title)")]
)
def test_figures_are_deterministic_and_carry_metadata(figure, fmt, marker):
    first = formats.figure_bytes(figure, fmt, exhibit="figX", title="My title", dpi=72)
    second = formats.figure_bytes(figure, fmt, exhibit="figX", title="My title", dpi=72)
    assert first == second
    assert marker in first
    assert b"CreationDate" not in first and b"<dc:date>" not in first


def test_write_bytes_replaces_atomically_and_leaves_no_temporary(tmp_path):
    """The new bytes arrive by a rename: a reader of the old file keeps it whole, never half of each."""
    target = tmp_path / "out" / "x.csv"
    files.write_bytes(target, b"one")
    with open(target, "rb") as reader:
        old_inode = os.fstat(reader.fileno()).st_ino
        files.write_bytes(target, b"two")
        assert reader.read() == b"one", "the old file was overwritten in place, not replaced"
    assert target.read_bytes() == b"two"
    assert target.stat().st_ino != old_inode
    assert [p.name for p in target.parent.iterdir()] == ["x.csv"]


def test_write_bytes_keeps_an_unchanged_file_untouched(tmp_path):
    target = tmp_path / "x.csv"
    files.write_bytes(target, b"same")
    os.utime(target, (1, 1))
    files.write_bytes(target, b"same")
    assert target.stat().st_mtime == 1


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "x.csv"
    files.write_bytes(target, b"good")

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", boom)
    with pytest.raises(OSError):
        files.write_bytes(target, b"half")
    assert target.read_bytes() == b"good"
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]


@pytest.mark.parametrize("exhibit", ["fig1", "fig2"])
def test_canonical_figures_embed_their_id_title_source_and_licence(exhibit):
    from helpers.core import catalog
    from tests.conftest import ROOT

    title = catalog.get(exhibit).title
    svg = (ROOT / "figures" / f"{exhibit}.svg").read_text(encoding="utf-8")
    assert f"<dc:identifier>{exhibit}</dc:identifier>" in svg and f"<dc:title>{title}</dc:title>" in svg
    assert "Li H, Bai L" in svg and "CC BY-NC-ND 4.0" in svg
    png = (ROOT / "figures" / f"{exhibit}.png").read_bytes()
    assert f"Exhibit {exhibit}".encode() in png and b"Li H, Bai L" in png and b"CC BY-NC-ND 4.0" in png
    pdf = (ROOT / "figures" / f"{exhibit}.pdf").read_bytes()
    assert f"Exhibit {exhibit}".encode() in pdf and b"CreationDate" not in pdf
