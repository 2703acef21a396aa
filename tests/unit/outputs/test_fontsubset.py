"""Remembered PDF font subsets (helpers.outputs.fontsubset): the same bytes as matplotlib's own, made once.

The rule: a PDF (or PostScript) file saved with the memory is byte for byte the file saved without it,
whether its subsets are made (first save) or reused (second save); each distinct subset is made once per
process, and no more than ``LIMIT`` are kept.
"""

from __future__ import annotations

import io

import pytest
from matplotlib.backends import _backend_pdf_ps as pdf_ps
from matplotlib.figure import Figure

from helpers.outputs import fontsubset
from helpers.outputs.formats import figure_bytes
from helpers.outputs.style import configure_matplotlib

# Regular, bold and oblique DejaVu, the three fonts the exhibits embed; signs and Greek the captions print.
TEXTS = {
    "regular": [("Preclinical studies, n = 28", {})],
    "bold-and-oblique": [("Table 1", {"weight": "bold"}), ("in vivo", {"style": "oblique"})],
    "signs-and-greek": [("dose ≥ 1×10⁶ cells/kg; 50–150 µg; α-SMA", {})],
    "mathtext": [(r"$10^{6}$ cells, $\mu$g", {})],
}


def _figure(lines) -> Figure:
    fig = Figure(figsize=(3, 1.5))
    for n, (text, style) in enumerate(lines):
        fig.text(0.05, 0.8 - 0.3 * n, text, **style)
    return fig


def _pdf(lines) -> bytes:
    return figure_bytes(_figure(lines), "pdf", exhibit="test", title="T", dpi=100)


@pytest.fixture
def own_subsetting(monkeypatch):
    """matplotlib's own subsetting, counted, with no memory; the ``install`` it yields puts the memory over it."""
    fontsubset.uninstall()
    original = pdf_ps.get_glyphs_subset
    made = []

    def counted(fontfile, glyphs):
        made.append((str(fontfile), frozenset(glyphs)))
        return original(fontfile, glyphs)

    pdf_ps.get_glyphs_subset = counted
    install = fontsubset.install
    # figure_bytes configures matplotlib, which installs the memory: here it is on only where a test says so.
    monkeypatch.setattr(fontsubset, "install", lambda: None)
    yield made, install
    fontsubset.uninstall()
    pdf_ps.get_glyphs_subset = original
    monkeypatch.undo()
    configure_matplotlib()  # as every other test finds it


@pytest.mark.parametrize("case", sorted(TEXTS))
def test_a_pdf_is_the_same_bytes_with_or_without_the_memory(case, own_subsetting):
    made, install = own_subsetting
    without = _pdf(TEXTS[case])
    install()
    first, second = _pdf(TEXTS[case]), _pdf(TEXTS[case])  # subsets made, then reused
    assert first == without
    assert second == without


def test_a_postscript_file_is_the_same_bytes_with_or_without_the_memory(own_subsetting, monkeypatch):
    # PostScript reads the subset's tables, not only its bytes: the memory must hand back a real font.
    import matplotlib

    made, install = own_subsetting
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    monkeypatch.setitem(matplotlib.rcParams, "ps.fonttype", 42)

    def ps() -> bytes:
        buffer = io.BytesIO()
        _figure(TEXTS["bold-and-oblique"]).savefig(buffer, format="ps")
        return buffer.getvalue()

    without = ps()
    install()
    assert ps() == without
    assert ps() == without


def test_each_distinct_subset_is_made_once(own_subsetting):
    made, install = own_subsetting
    install()
    _pdf(TEXTS["regular"])
    assert len(made) == 1  # one font (regular DejaVu Sans), one glyph set
    _pdf(TEXTS["regular"])
    _pdf(TEXTS["regular"])
    assert len(made) == 1
    _pdf(TEXTS["bold-and-oblique"])  # two other fonts: two more subsets
    assert len(made) == 3


def test_installing_twice_wraps_once(own_subsetting):
    made, install = own_subsetting
    install()
    install()
    _pdf(TEXTS["regular"])
    _pdf(TEXTS["regular"])
    assert len(made) == 1
    fontsubset.uninstall()
    assert pdf_ps.get_glyphs_subset.__name__ == "counted"  # the one it wrapped, not a wrapper of a wrapper


def test_no_more_than_the_limit_are_kept(own_subsetting, monkeypatch):
    made, install = own_subsetting
    monkeypatch.setattr(fontsubset, "LIMIT", 1)
    install()
    other = [("Clinical trials: 18", {})]  # the same font as "regular", other glyphs: one subset each
    _pdf(TEXTS["regular"])  # subset A kept
    _pdf(other)  # subset B made; A dropped
    _pdf(other)  # B reused
    assert len(made) == 2
    _pdf(TEXTS["regular"])  # A made again
    assert len(made) == 3
