"""Every number of the vesicles exhibit's note and "What to notice", against a recount of the printed Table 2.

Recount from the print (Table 2's Size/nm column, rows 1-28):
  one number (10): 160 (5), 110 (8), 200 (12), 50 (13), 100 (14), 163.4 (15), 200 (18), 120 (23), 100 (24), 141 (26);
    within 30-150 nm: 110, 50, 100, 120, 100, 141 -> 6 of 10.
  range (15): 30-200 (1), 50-100 (2), 30-40 (3), 50-120 (6), 50-150 (10), 80-130 (11), 50-150 (16),
    142.5-150.9 (17), 40-100 (19), 50-100 (20), 80-200 (21), 30-150 (22), 40-172 (25), 57.5-317.5 (27), 40-100 (28);
    lowest end 30, highest 317.5; narrowest 150.9 - 142.5 = 8.4, widest 317.5 - 57.5 = 260;
    wholly within 30-150: rows 2, 3, 6, 10, 11, 16, 19, 20, 22, 28 -> 10; beyond: rows 1, 17, 21, 25, 27 -> 5.
  empty (3): rows 4, 7, 9.
Vesicle types (Effects cell and cited title, tests/unit/data/test_vesicles.py): 18 exosomes, 2 extracellular
vesicles (rows 1, 12), 5 loaded or engineered (6, 20, 22, 23, 24), 2 exosome-mimetic (17, 18), 1 conditioned medium
(7). Dose printed as particles: row 11 ("1×10⁹ particles") only. No printed cell names an isolation, sizing,
imaging or marker method.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.analysis import vesicles
from helpers.data import coded, curated
from helpers.outputs import narrative
from tests.conftest import ROOT, SEED
from tests.unit.analysis._numbers import numbers
from tests.unit.analysis._stored import markdown_outputs

N, SIZED, SINGLE, RANGE, NONE = 28, 25, 10, 15, 3
TYPES = {
    "exosomes": 18,
    "extracellular vesicles": 2,
    "loaded or engineered vesicles": 5,
    "exosome-mimetic nanovesicles": 2,
    "conditioned medium": 1,
}
#: (single value, range, not reported) per vesicle type, recounted from the rows above.
BY_TYPE = {
    "exosomes": (6, 10, 2),
    "extracellular vesicles": (1, 1, 0),
    "loaded or engineered vesicles": (2, 3, 0),
    "exosome-mimetic nanovesicles": (1, 1, 0),
    "conditioned medium": (0, 0, 1),
}


@pytest.fixture(scope="module")
def parts():
    rows = vesicles.exosome_rows(coded.studies())
    printed = curated.load("exosome_studies")
    reporting = vesicles.reporting(rows, printed)
    return rows, vesicles.counts(rows), reporting, vesicles.band_fit(rows)


def test_what_to_notice_states_only_recounted_numbers(parts):
    text = narrative.vesicles_notice(*parts)
    assert numbers(text) == [
        SIZED, N, SINGLE, RANGE, NONE,  # size
        50, 200, SINGLE, 6, SINGLE, 30, 150,  # single numbers
        30, 317.5, 8.4, 260, RANGE, 10, RANGE, 30, 150, 5, 1, 17, 21, 25, 27,  # ranges
        N, 18, 2, 5, 2, 1, N,  # vesicle types
        0, N, 0, N, 0, N, 0, N, SIZED, N, 1, N, 0,  # reporting items
    ]  # fmt: skip
    assert "not reported in the review's tables" in text


def test_the_note_states_only_recounted_numbers(parts):
    rows, _, reporting, _ = parts
    text = narrative.vesicles_note(rows, reporting)
    assert numbers(text) == [N, RANGE, N, SINGLE, N, NONE, N, 30, 150, N]
    assert "not reported in the review's tables" in text and "mean, a median or a peak" in text


def test_the_committed_notebook_shows_what_the_code_computes(parts):
    assert narrative.vesicles_notice(*parts) in markdown_outputs("vesicles")


def test_counts_table_is_the_recount(parts):
    _, counts, _, _ = parts
    for kind, (single, ranged, none) in BY_TYPE.items():
        assert tuple(counts.loc[kind, ["single value", "range", vesicles.NOT_REPORTED]]) == (single, ranged, none)
        assert counts.at[kind, "rows"] == TYPES[kind] and counts.at[kind, "out of"] == N
    assert tuple(counts.loc["all types", ["single value", "range", vesicles.NOT_REPORTED, "rows"]]) == (
        SINGLE,
        RANGE,
        NONE,
        N,
    )


def test_reporting_items_are_recounted(parts):
    _, _, reporting, _ = parts
    got = dict(zip(reporting["item"].str.split(" \\(").str[0], reporting["rows printing it"]))
    assert got == {
        "vesicle size": SIZED,
        "how size was measured": 0,
        "isolation method": 0,
        "morphology": 0,
        "protein markers": 0,
        "dose as a particle count": 1,
    }
    assert reporting.loc[reporting["item"] == "dose as a particle count", "printed rows"].item() == "11"
    assert (reporting["out of"] == N).all()


def test_the_data_csv_counts_match_the_recount():
    data = pd.read_csv(ROOT / "figures" / "vesicles.data.csv", keep_default_na=False)
    counted = data[(data["panel"] == "counts") & (data["size_kind"] == "rows")]
    assert dict(zip(counted["label"], counted["count"].astype(int))) == {**TYPES, "all types": N}
    assert (data.loc[data["panel"] != "sizes", "out_of"].astype(int) == N).all()


def test_the_body_text_names_no_isolation_or_characterisation_method():
    """The notebook's words "the review's body text names no … method" are our reading; the print bears it out."""
    if not SEED.exists():
        pytest.skip("the review's text is not beside the project")
    text = SEED.read_text(encoding="utf-8")
    words = r"ultracentrifug|nanoparticle tracking|\bNTA\b|electron microscop|\bCD63\b|\bCD81\b|\bTSG101\b|MISEV"
    assert re.search(words, text, re.IGNORECASE) is None
