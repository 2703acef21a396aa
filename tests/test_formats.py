"""Exhibit files: serialisers byte-identical from run to run, with metadata; atomic writes."""

from __future__ import annotations

import io
import os
import zipfile

import pandas as pd
import pytest

from helpers import files, formats, style

FRAME = pd.DataFrame({"Disease": ["POF", "AD"], "Effects": ["a & b", "line one\nline two"], "Ref.": ["[1]", "[2]"]})


@pytest.mark.parametrize("fmt", ["csv", "md", "tex", "xlsx"])
def test_table_formats_are_deterministic(fmt):
    first = formats.table_bytes(FRAME, fmt, exhibit="t", title="T", caption="C")
    second = formats.table_bytes(FRAME, fmt, exhibit="t", title="T", caption="C")
    assert first == second and first


def test_table_formats_hold_the_cells():
    assert (
        formats.table_bytes(FRAME, "csv", exhibit="t", title="T", caption="C")
        .decode()
        .startswith("Disease,Effects,Ref.\nPOF,a & b,[1]\n")
    )
    md = formats.table_bytes(FRAME, "md", exhibit="t", title="T", caption="C").decode()
    assert "line one<br>line two" in md and "**T**" in md
    tex = formats.table_bytes(FRAME, "tex", exhibit="t", title="T", caption="C").decode()
    assert r"\toprule" in tex and r"a \& b" in tex and r"\label{tab:t}" in tex


def test_xlsx_has_no_timestamps():
    data = formats.table_bytes(FRAME, "xlsx", exhibit="t", title="T", caption="C")
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
    target = tmp_path / "out" / "x.csv"
    files.write_bytes(target, b"one")
    files.write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
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
    from helpers import catalog

    from .conftest import ROOT

    title = catalog.get(exhibit).title
    svg = (ROOT / "figures" / f"{exhibit}.svg").read_text(encoding="utf-8")
    assert f"<dc:identifier>{exhibit}</dc:identifier>" in svg and f"<dc:title>{title}</dc:title>" in svg
    assert "Li H, Bai L" in svg and "CC BY-NC-ND 4.0" in svg
    png = (ROOT / "figures" / f"{exhibit}.png").read_bytes()
    assert f"Exhibit {exhibit}".encode() in png and b"Li H, Bai L" in png and b"CC BY-NC-ND 4.0" in png
    pdf = (ROOT / "figures" / f"{exhibit}.pdf").read_bytes()
    assert f"Exhibit {exhibit}".encode() in pdf and b"CreationDate" not in pdf
