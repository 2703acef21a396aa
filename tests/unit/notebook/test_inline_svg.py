"""The inline figure of a notebook: the SVG file's own markup, and no interpreter- or address-dependent byte."""

from __future__ import annotations

import json

import pytest

from helpers.core import catalog
from helpers.notebook.session import InlineSVG
from tests.conftest import ROOT

FIGURES = [e for e, x in catalog.EXHIBITS.items() if x.kind == "figure"]


def test_the_prolog_is_dropped_and_the_markup_kept_as_written():
    markup = '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg a="1"><text>say "GMSCs" &amp; more</text></svg>\n'
    shown = InlineSVG(markup)
    # Quotes in text stay as written: minidom (IPython's SVG) escaped them before Python 3.13 and not after.
    assert shown._repr_svg_() == '<svg a="1"><text>say "GMSCs" &amp; more</text></svg>\n'
    assert repr(shown) == "<SVG figure>"


def test_markup_without_an_svg_element_is_refused():
    with pytest.raises(ValueError, match="no <svg element"):
        InlineSVG("<html></html>")


@pytest.mark.parametrize("exhibit", FIGURES)
def test_a_committed_figure_notebook_shows_its_svg_file_byte_for_byte(exhibit):
    nb = json.loads((ROOT / "notebooks" / f"{exhibit}.ipynb").read_text(encoding="utf-8"))
    shown = [
        output["data"]
        for cell in nb["cells"]
        for output in cell.get("outputs", [])
        if "image/svg+xml" in output.get("data", {})
    ]
    assert len(shown) == 1, f"{exhibit}: one inline figure expected"
    svg = (ROOT / "figures" / f"{exhibit}.svg").read_text(encoding="utf-8")
    assert "".join(shown[0]["image/svg+xml"]) == svg[svg.index("<svg") :]
    assert "".join(shown[0]["text/plain"]) == "<SVG figure>"
