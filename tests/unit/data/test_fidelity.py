"""Fidelity: data/ says what the review prints, and tables/ say what data/ holds."""

from __future__ import annotations

import csv
import os
import re

import pytest

import transcribe  # tools/transcribe.py; conftest puts tools/ on sys.path
from helpers.data import curated
from tests.conftest import DATA, ROOT, SEED

TABLES = {
    "table1": ("msc_studies", 28),
    "table2": ("exosome_studies", 28),
    "table3": ("clinical_trials", 18),
    "table4": ("tissue_sources", 5),
}


@pytest.fixture
def seed_text():
    """The review's text; its absence is a skip on a developer's machine and a failure in CI, which has it."""
    if not SEED.exists():
        message = f"the review's text ({SEED.relative_to(ROOT.parent)}) is not beside the project"
        if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
            pytest.fail(f"{message}; CI has it, so the fidelity checks must run")
        pytest.skip(message)


needs_seed = pytest.mark.usefixtures("seed_text")


def _csv_rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


@needs_seed
@pytest.mark.parametrize(
    "resource",
    [
        "msc_studies",
        "exosome_studies",
        "clinical_trials",
        "tissue_sources",
        "references",
        "abbreviations",
        "legend_notes",
    ],
)
def test_data_matches_a_fresh_transcription_of_the_seed(resource):
    """Re-running the documented transcription on the review's text gives data/ exactly."""
    fresh = transcribe.transcribe(SEED)[resource]
    with open(DATA / f"{resource}.csv", encoding="utf-8", newline="") as fh:
        committed = list(csv.DictReader(fh))
    assert len(committed) == len(fresh)
    for number, (ours, theirs) in enumerate(zip(committed, fresh), start=1):
        assert ours == {k: theirs[k] for k in ours}, f"{resource} record {number}"


def _printed_legends(seed: str) -> dict[str, str]:
    """The legend printed under each table and in each figure caption, as raw text of the seed."""
    lines = seed.splitlines()
    blocks = transcribe._table_blocks(lines)
    out = {f"table{n}": " ".join(block.legend) for n, block in blocks.items()}
    for line in lines:
        fig = re.match(r"\*\*Fig\. (\d)\*\* (.*)", line)
        if fig:
            out[f"fig{fig.group(1)}"] = transcribe._caption_legend(fig.group(2))
    return out


def _words(text: str) -> str:
    """Legend text with separators and spacing folded: "ABBR: definition" and notes, in order."""
    return " ".join(re.sub(r"[;.,:]", " ", text).split())


@needs_seed
@pytest.mark.parametrize("exhibit", ["table1", "table2", "table3", "table4", "fig1", "fig2"])
def test_regenerated_legend_says_what_the_printed_one_says(exhibit):
    """Every word of the printed legend, the sentences that are not abbreviations included, in printed order."""
    from helpers.outputs import tables

    printed = _printed_legends(SEED.read_text(encoding="utf-8"))[exhibit]
    assert _words(tables.legend(exhibit)) == _words(transcribe.clean(printed))


@needs_seed
def test_table3_legend_keeps_its_statement_of_source():
    printed = _printed_legends(SEED.read_text(encoding="utf-8"))["table3"]
    assert printed.endswith("; Data obtained from ClinicalTrials.gov")
    notes = transcribe.transcribe(SEED)["legend_notes"]
    assert {
        "legend": "table3",
        "kind": "source",
        "text": "Data obtained from ClinicalTrials.gov",
        "position": "14",
    } in notes


@pytest.mark.parametrize(
    "legend, entries",
    [
        ("A: a; B: b", [("A", "a"), ("B", "b")]),
        ("A: a; Data obtained from X.org", [("A", "a"), ("source", "Data obtained from X.org")]),
        ("A, a; Created using Tool.com", [("A", "a"), ("credit", "Created using Tool.com")]),
    ],
)
def test_legend_entries_and_notes_are_read_in_printed_order(legend, entries):
    read = transcribe._legend_entries(legend, "table9")
    assert [
        (e["abbreviation"], e["definition"]) if "abbreviation" in e else (e["kind"], e["text"]) for e in read
    ] == entries


def test_a_legend_sentence_that_is_neither_entry_nor_known_note_stops_the_transcription():
    with pytest.raises(ValueError, match="table9 legend: 'Adapted from somewhere' is neither"):
        transcribe._legend_entries("A: a; Adapted from somewhere", "table9")


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
    frame = curated.load(resource)
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
