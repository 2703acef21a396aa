"""helpers.outputs.narrative, vesicle wording: how Table 3 names its vesicle rows, and the 30-150 nm band lines.

Direct calls with small hand-built frames. The Purpose cells quoted are Table 3's own (data/clinical_trials.csv):
row 7 "Intraovarian injection of MSC-EVs with idiopathic POF", row 13 "HUC-MSC-sEV-001 nasal drops for multiple
neurodegenerative diseases"; the review expands neither "EV" nor "sEV".
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.outputs import narrative

WORDS = [
    ("no vesicle row: the sentence just ends", pd.DataFrame({"row": [], "purpose": []}), "."),
    (
        "Purpose cells without an 'EV' code: only the MSC Type's word",
        pd.DataFrame({"row": [3], "purpose": ["Safety of exosomes in frailty"]}),
        " (MSC Type printed as exosomes).",
    ),
    (
        "'EV' codes quoted as printed, with the row, in the rows' order",
        pd.DataFrame(
            {
                "row": [7, 5, 13],
                "purpose": [
                    "Intraovarian injection of MSC-EVs with idiopathic POF",
                    "Exosome eye drops",
                    "HUC-MSC-sEV-001 nasal drops for multiple neurodegenerative diseases",
                ],
            }
        ),
        " (MSC Type printed as exosomes; the Purpose names them with 'EV' codes, row 7 'MSC-EVs' and row 13 "
        "'HUC-MSC-sEV-001' (extracellular vesicles, small ones for 'sEV'; the review expands neither code)).",
    ),
]


@pytest.mark.parametrize("rule, rows, text", WORDS, ids=[w[0] for w in WORDS])
def test_vesicle_words(rule, rows, text):
    """_vesicle_words: the words Table 3 uses for its vesicle rows, each 'EV' code quoted, none expanded."""
    assert narrative._vesicle_words(rows) == text, rule


def _fit(*specs):
    """band_fit rows: row, compared (title says exosomes), size_kind, low, high, within, beyond_nm."""
    cols = ["row", "compared", "size_kind", "size_low_nm", "size_high_nm", "within", "beyond_nm"]
    return pd.DataFrame([dict(zip(cols, s)) for s in specs], columns=cols)


SIZES = [
    (
        # 40-120 and 50-100 nm lie in the band; 100-180 nm ends 30 nm above it. Widths 80, 50, 80 nm.
        "one range beyond the band 'reaches' it",
        _fit(
            (4, True, "range", 40.0, 120.0, True, 0.0),
            (2, True, "range", 100.0, 180.0, False, 30.0),
            (6, True, "range", 50.0, 100.0, True, 0.0),
        ),
        [
            "- **The 30-150 nm band** is the review's own figure for exosomes, so it is set only against the 3 sized "
            "rows whose cited title says exosomes; the other 0 sized rows (other terms) are drawn but not compared. "
            "Inside or outside the band does not show whether vesicles are exosomes: size alone identifies no "
            "subtype (MISEV2023).",
            "- **Ranges** (cited title: exosomes) run from 40 nm at their lowest end to 180 nm at their highest, and "
            "are 50 to 80 nm wide (3 rows); 2 of these 3 lie wholly within 30-150 nm, and 1 reaches beyond it (row 2 "
            "by 30 nm).",
        ],
    ),
]


@pytest.mark.parametrize("rule, fit, lines", SIZES, ids=[s[0] for s in SIZES])
def test_vesicle_size_lines(rule, fit, lines):
    """_vesicle_size_lines: the verb agrees with how many ranges reach beyond the band."""
    assert narrative._vesicle_size_lines(fit) == lines, rule
