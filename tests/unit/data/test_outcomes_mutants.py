"""The outcome columns of a table of studies: index, empty source cells and column types (mutation survivors).

Expected values come from the rules in ``helpers.data.derive.outcomes``'s docstrings: a comparison names the
row's own product ("{tissue}-MSCs", or plain "MSCs" / "MSC exosomes" where no tissue is coded) and the
modification the cell prints; every output column is a ``string`` (``comparison`` a ``boolean``) column indexed
like the studies, whatever the rows hold.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers.data.derive.outcomes import outcomes

#: A priming the cell prints ("Pretreatment"), and a comparison cue ("improves therapeutic efficacy").
PRIMED = "Pretreatment of the cells with DMF improves therapeutic efficacy"
NO_COMPARISON = "MSCs improved memory in aged mice"

STRING_COLUMNS = [
    "effect_direction",
    "effect_instead",
    "outcome_level",
    "comparison_what",
    "comparison_better",
    "outcome_evidence",
] + [
    f"{c}_missing"
    for c in (
        "effect_direction",
        "effect_instead",
        "outcome_level",
        "comparison",
        "comparison_what",
        "comparison_better",
    )
]


def _studies(rows, index=None):
    return pd.DataFrame(rows, columns=["setting", "tissue", "modality", "modification"], index=index)


def test_the_outcomes_keep_the_studies_index():
    studies = _studies([("in vivo", "UC", "cells", "none"), ("in vitro", "AD", "exosomes", "none")], index=[7, 3])
    effects = pd.Series([NO_COMPARISON, NO_COMPARISON], index=[7, 3])
    got = outcomes(studies, effects)
    assert list(got.index) == [7, 3]
    assert list(got["effect_direction"]) == ["improved", "improved"]


@pytest.mark.parametrize(
    ("modality", "empty", "what"),
    [
        pytest.param("cells", np.nan, "MSCs primed vs MSCs as obtained", id="cells-nan"),
        pytest.param("cells", None, "MSCs primed vs MSCs as obtained", id="cells-none"),
        pytest.param("exosomes", pd.NA, "MSC exosomes primed vs MSC exosomes as obtained", id="exosomes-na"),
    ],
)
def test_a_study_with_no_tissue_compares_the_plain_product_without_a_tissue_word(modality, empty, what):
    studies = _studies([("in vivo", empty, modality, "primed")])
    got = outcomes(studies, pd.Series([PRIMED]))
    assert got.loc[0, "comparison_what"] == what
    assert got.loc[0, "comparison_better"] == what.split(" vs ")[0]


def test_a_table_where_no_row_compares_keeps_string_columns_with_missing_values():
    studies = _studies([("in vivo", "UC", "cells", "none"), ("in vivo", "BM", "cells", "none")])
    got = outcomes(studies, pd.Series([NO_COMPARISON, NO_COMPARISON]))
    assert got["comparison_what"].isna().all() and got["comparison_better"].isna().all()
    assert got["effect_instead"].isna().all()
    for column in STRING_COLUMNS:
        assert got[column].dtype == "string", column
    assert got["comparison"].dtype == "boolean"
    assert list(got["comparison"]) == [False, False]


def test_an_empty_table_gives_the_documented_columns_and_types():
    got = outcomes(_studies([]), pd.Series([], dtype="string"))
    assert len(got) == 0
    for column in STRING_COLUMNS:
        assert got[column].dtype == "string", column
    assert got["comparison"].dtype == "boolean"
