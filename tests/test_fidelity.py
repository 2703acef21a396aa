"""Fidelity: data/ says what the review prints, and tables/ say what data/ holds."""

from __future__ import annotations

import csv
import re

import pytest

import transcribe  # tools/transcribe.py; conftest puts tools/ on sys.path
from helpers import data

from .conftest import DATA, ROOT, SEED

TABLES = {
    "table1": ("msc_studies", 28),
    "table2": ("exosome_studies", 28),
    "table3": ("clinical_trials", 18),
    "table4": ("tissue_sources", 5),
}

needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason="the review's text (../shared/seed) is not beside the project"
)


def _csv_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@needs_seed
@pytest.mark.parametrize(
    "resource", ["msc_studies", "exosome_studies", "clinical_trials", "tissue_sources", "references", "abbreviations"]
)
def test_data_matches_a_fresh_transcription_of_the_seed(resource):
    """Re-running the documented transcription on the review's text gives data/ exactly."""
    fresh = transcribe.transcribe(SEED)[resource]
    with open(DATA / f"{resource}.csv", encoding="utf-8", newline="") as fh:
        committed = list(csv.DictReader(fh))
    assert len(committed) == len(fresh)
    for number, (ours, theirs) in enumerate(zip(committed, fresh), start=1):
        assert ours == {k: theirs[k] for k in ours}, f"{resource} record {number}"


@needs_seed
def test_published_headers_are_the_printed_ones():
    """Exhibit headers are the printed headers, less line-break hyphens and spaces."""
    printed = transcribe.printed_headers(SEED.read_text(encoding="utf-8"))
    for table, (resource, _) in TABLES.items():
        header = _csv_rows(ROOT / "tables" / f"{table}.csv")[0]
        expected = [
            re.sub(r"(\w)-(\w)", r"\1\2", h) if h.startswith("Dis-ease") else h.replace("/ ", "/")
            for h in printed[resource]
        ]
        assert header == expected, table


@pytest.mark.parametrize("table", sorted(TABLES))
def test_canonical_table_reproduces_the_data_cell_for_cell(table):
    resource, count = TABLES[table]
    rows = _csv_rows(ROOT / "tables" / f"{table}.csv")[1:]
    assert len(rows) == count
    frame = data.load(resource)
    for i, row in enumerate(rows):
        printed = frame.iloc[i]
        expected = [str(printed[c]) for c in frame.columns if c != "row"]
        if "ref" in frame:
            expected[-1] = f"[{printed['ref']}]"
        assert row == expected, f"{table} row {i + 1}"


@needs_seed
def test_clean_renders_typesetting_as_unicode():
    cases = {
        "IP 1 × 10 <sup>7</sup>": "IP 1 × 10⁷",
        "IV $1 \\times 10^6$": "IV 1 × 10⁶",
        "NF- $\\kappa$ B pathway": "NF-κB pathway",
        "Wnt/ $\\beta$ -catenin": "Wnt/β-catenin",
        "A $\\beta$ induces": "Aβ induces",
        "A $\\beta$  plaques": "Aβ plaques",
        "coculture 50 $\\mu$ g/ml": "coculture 50 µg/ml",
        "<i>Bmi-1</i> <sup>-/-</sup> mouse": "Bmi-1⁻/⁻ mouse",
        "<i>Bmi-1</i> -deficient": "Bmi-1-deficient",
        "Ldlr $^{-/-}$  mice": "Ldlr⁻/⁻ mice",
        "<ul><li>λ One</li> <li>λ Two</li></ul>": "One\nTwo",
    }
    for raw, expected in cases.items():
        assert transcribe.clean(raw) == expected, raw
