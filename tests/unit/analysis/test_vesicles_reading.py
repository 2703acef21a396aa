"""Every number of the vesicles exhibit's note and "What to notice", against a recount of the printed Table 2.

Recount from the print (Table 2's Size/nm column, rows 1-28):
  one number (10): 160 (5), 110 (8), 200 (12), 50 (13), 100 (14), 163.4 (15), 200 (18), 120 (23), 100 (24), 141 (26);
    within 30-150 nm: 110, 50, 100, 120, 100, 141 -> 6 of 10.
  range (15): 30-200 (1), 50-100 (2), 30-40 (3), 50-120 (6), 50-150 (10), 80-130 (11), 50-150 (16),
    142.5-150.9 (17), 40-100 (19), 50-100 (20), 80-200 (21), 30-150 (22), 40-172 (25), 57.5-317.5 (27), 40-100 (28);
    lowest end 30, highest 317.5; narrowest 150.9 - 142.5 = 8.4, widest 317.5 - 57.5 = 260;
    wholly within 30-150: rows 2, 3, 6, 10, 11, 16, 19, 20, 22, 28 -> 10; beyond: rows 1, 17, 21, 25, 27 -> 5.
  empty (3): rows 4, 7, 9.
The cited title's term (the reference list, tests/unit/data/test_vesicles.py): 20 exosomes, 4 extracellular
vesicles (rows 1, 12, 23, 24), 2 exosome-mimetic (17, 18), 1 conditioned medium (7), 1 none named (9: the title
names the cells). Sizes of the rows the title calls exosomes (the band is the review's figure for exosomes only):
  19 sized (row 4 prints none); the other 6 sized rows are 1, 12, 23, 24 (EVs) and 17, 18 (mimetic).
  one number (6): 160 (5), 110 (8), 50 (13), 100 (14), 163.4 (15), 141 (26); within 30-150: 4; outside rows 5, 15.
  range (13): rows 2, 3, 6, 10, 11, 16, 19, 20, 21, 22, 25, 27, 28; lowest end 30, highest 317.5; narrowest
    40 - 30 = 10 (row 3), widest 260 (row 27); within: 10; beyond: row 21 by 50, 25 by 22, 27 by 167.5.
What was done to the product (Effects cell and title): parent cells engineered rows 20, 22 (title: the stem cells
overexpress); loaded after isolation row 24 ("GMNP-loaded EVs"); engineered, step not printed rows 6, 23;
mimetic rows 17, 18; parent cells primed rows 5 (LPS), 11 (hypoxia), 12 (cytokines); 3D culture row 10; on a
carrier rows 5 (HAMA), 25 (titanium scaffold); co-applied enhancer row 27 (spicules); co-treatment row 26
(HCOPs); nothing printed for the other 14 rows.
In vitro rows (Animal model cell empty): 6, 7, 9, 18, 21, 26, 27 -> 7; of these the Effects cell of row 9 speaks of
mice (audit W6), rows 9, 21, 26, 27 print a follow-up period (W8), row 27's title says "Topical" (R6), and row 21's
title an animal outcome (our transcription note) -> 4 rows marked. The audit flags rows 9 (W6) and 16 (W4).
Dose printed as particles: row 11 ("1×10⁹ particles") only. No printed cell names an isolation, sizing,
imaging or marker method.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.analysis import vesicles
from helpers.audit import flags as audit_flags
from helpers.data import coded, curated, flags
from helpers.outputs import narrative
from tests.conftest import ROOT, SEED
from tests.unit.analysis._numbers import numbers
from tests.unit.analysis._stored import markdown_outputs

N, SIZED, SINGLE, RANGE, NONE = 28, 25, 10, 15, 3
TYPES = {
    "exosomes": 20,
    "extracellular vesicles": 4,
    "exosome-mimetic": 2,
    "conditioned medium": 1,
    "none named": 1,
}
#: (single value, range, not reported) per term, recounted from the rows above.
BY_TYPE = {
    "exosomes": (6, 13, 1),
    "extracellular vesicles": (3, 1, 0),
    "exosome-mimetic": (1, 1, 0),
    "conditioned medium": (0, 0, 1),
    "none named": (0, 0, 1),
}


@pytest.fixture(scope="module")
def parts():
    studies = flags.attach(coded.studies(), audit_flags.by_row(reasons=True))  # as the notebook, flagged: mark
    printed = curated.load("exosome_studies")
    rows = vesicles.exosome_rows(studies, printed, curated.load("references"))
    reporting = vesicles.reporting(rows, printed)
    return rows, vesicles.counts(rows), reporting, vesicles.band_fit(rows)


def test_what_to_notice_states_only_recounted_numbers(parts):
    text = narrative.vesicles_notice(*parts)
    assert numbers(text) == [
        SIZED, N, SINGLE, RANGE, NONE,  # size
        30, 150, 19, 6,  # the band, set against the 19 sized exosome rows only; 6 other sized rows
        50, 163.4, 6, 4, 6, 30, 150, 5, 160, 15, 163.4,  # single numbers of exosome rows
        30, 317.5, 10, 260, 13, 10, 13, 30, 150, 3, 21, 50, 25, 22, 27, 167.5,  # ranges of exosome rows
        N, 20, 4, 2, 1, 1, N,  # terms
        2, 20, 22, 1, 24, 2, 6, 23, 2, 17, 18, 3, 5, 11, 12,  # engineered (cells, loaded, step), mimetic, primed
        3, 1, 10, 2, 5, 25, 1, 27, 1, 26, 14, N,  # "3D" culture row 10, carrier, enhancer, co-treatment, none
        4, 7, 9, 9, 21, 26, 27, 21, 27,  # in vitro labels: row 9 W6; W8 rows; row 21 note; row 27 R6
        22, 75, 75,  # row 22 [75] and its transcription note ("Ref 75's title")
        9, 58, 16, 68,  # rings
        0, N, 0, N, 0, N, 0, N, SIZED, N, 1, N, 0,  # reporting items
    ]  # fmt: skip
    assert "not reported in the review's tables" in text
    assert "size alone identifies no subtype" in text


def test_the_note_states_only_recounted_numbers(parts):
    rows, _, reporting, _ = parts
    text = narrative.vesicles_note(rows, reporting)
    assert numbers(text) == [
        N, RANGE, N, SINGLE, N, NONE, N,  # marks
        9,  # none named: row 9
        3,  # "3D culture" in the list of product changes
        30, 150,  # the band
        9, 9, 21, 26, 27, 21, 27,  # † reasons
        22,  # ‡
        9, 58, 16, 68,  # rings
        N,  # methods
    ]  # fmt: skip
    assert "not reported in the review's tables" in text and "mean, a median or a peak" in text
    assert "AD on the figure means adipose tissue only" in text and "not a subtype" in text
    assert "setting read from the filled Animal model / In vitro model cells" in text  # finding 7
    assert "ordered by the cited title's term, then by printed row" in text  # finding 15
    assert "Conditioned medium is a secretome product" in text  # finding 3


def test_the_committed_notebook_shows_what_the_code_computes(parts):
    assert narrative.vesicles_notice(*parts) in markdown_outputs("vesicles")


def test_counts_table_is_the_recount(parts):
    _, counts, _, _ = parts
    for kind, (single, ranged, none) in BY_TYPE.items():
        assert tuple(counts.loc[kind, ["single value", "range", vesicles.NOT_REPORTED]]) == (single, ranged, none)
        assert counts.at[kind, "rows"] == TYPES[kind] and counts.at[kind, "out of"] == N
    assert tuple(counts.loc["all terms", ["single value", "range", vesicles.NOT_REPORTED, "rows"]]) == (
        SINGLE,
        RANGE,
        NONE,
        N,
    )


def test_reporting_items_are_recounted(parts):
    _, _, reporting, _ = parts
    got = dict(zip(reporting["item"].str.split(" \\(").str[0], reporting["rows printing it"]))
    assert got == {
        "a size number is printed": SIZED,
        "how size was measured": 0,
        "isolation method": 0,
        "morphology": 0,
        "EV markers": 0,
        "dose as a particle count": 1,
    }
    assert "method and statistic: not reported" in reporting["item"].iloc[0]  # finding 12
    assert any("negative marker (e.g. calnexin)" in item for item in reporting["item"])  # finding 14
    assert reporting.loc[reporting["item"] == "dose as a particle count", "printed rows"].item() == "11"
    assert (reporting["out of"] == N).all()


def test_the_data_csv_counts_match_the_recount():
    data = pd.read_csv(ROOT / "figures" / "vesicles.data.csv", keep_default_na=False)
    counted = data[(data["panel"] == "counts") & (data["size_kind"] == "rows")]
    assert dict(zip(counted["label"], counted["count"].astype(int))) == {**TYPES, "all terms": N}
    assert (data.loc[data["panel"] != "sizes", "out_of"].astype(int) == N).all()


def test_the_body_text_names_no_isolation_or_characterisation_method():
    """The notebook's words "the review's body text names no … method" are our reading; the print bears it out."""
    if not SEED.exists():
        pytest.skip("the review's text is not beside the project")
    text = SEED.read_text(encoding="utf-8")
    words = r"ultracentrifug|nanoparticle tracking|\bNTA\b|electron microscop|\bCD63\b|\bCD81\b|\bTSG101\b|MISEV"
    assert re.search(words, text, re.IGNORECASE) is None


def test_the_band_is_set_only_against_rows_whose_title_says_exosomes(parts):
    """Finding 10: EVs (1, 12, 23, 24) and mimetics (17, 18) are drawn but not compared with the band."""
    *_, fit = parts
    assert sorted(fit.loc[~fit["compared"], "row"]) == [1, 12, 17, 18, 23, 24]
    beyond = fit[fit["compared"] & ~fit["within"]]
    assert dict(zip(beyond["row"], beyond["beyond_nm"])) == {5: 10, 15: pytest.approx(13.4), 21: 50, 25: 22, 27: 167.5}


def test_labels_mark_the_in_vitro_rows_and_the_questioned_filing(parts):
    """Findings 5-9 and 16: species in the source, Alzheimer's spelled out, † and ‡ where the data say so."""
    rows, *_ = parts
    labels = dict(zip(rows["row"].astype(int), vesicles.marks(rows)["label"]))
    assert labels[9] == "row 9 [58] Alzheimer's, rBM-MSC, in vitro†"
    assert labels[11] == "row 11 [61] Alzheimer's, hAD-MSC, in vivo"  # AD is adipose only
    assert labels[22] == "row 22 [75] OP‡, mAD-MSC, in vivo"
    assert labels[12] == "row 12 [62] Alzheimer's, hBM-MSC, in vivo"
    assert sorted(r for r, label in labels.items() if label.endswith("†")) == [9, 21, 26, 27]
    assert sorted(rows.loc[rows["audit_flag"], "row"]) == [9, 16]
