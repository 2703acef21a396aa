"""Column types of the coded dataset built from a few printed rows, or none (``helpers.data.coded``).

The module's docstring promises that numbers are numbers and that every value
sits beside a ``<field>_missing`` reason; ``STUDY_COLUMNS`` and
``TRIAL_COLUMNS`` give each column one type, which does not depend on the
rows a table holds. These tests build the coded frames with ``_studies`` and
``_trials`` called directly, on a selection of the printed tables
(``data/msc_studies.csv``, ``data/exosome_studies.csv``,
``data/clinical_trials.csv``): no row at all, or a few rows whose values are
read off the printed cells by hand.

* The sex of the animals, its reason and its evidence are text columns even
  where no kept row names a sex (no value to infer a type from).
* ``dose_kind`` is the nullable text type, as every other coded text column.
* The reason beside each category column is text even for no row.
* A trial's ``results_printed`` is a nullable boolean and its reason text,
  even for no row.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import coded, curated, tags

NA = pd.NA
FEMALE = "female (implied by the model)"
# helpers.data.derive.sex: the two reasons a row has no sex
NOT_REPORTED = "not reported in the review: no printed cell of the row names a sex or a model that implies one"
IN_VITRO = (
    "not applicable: an in vitro only row (no animal model with an in vivo route printed), so no animal was treated "
    "whose sex could be reported"
)


def _keep(monkeypatch, rows: dict[str, list[int]]) -> None:
    """Let ``curated.load`` return only the printed ``rows`` of each table named (index 0..n-1, as it always has),
    and the category curations of those rows only (a curation of a row not kept names a row the table lacks)."""
    load, load_curated = curated.load, tags.load_curated

    def selected(name, *args, **kwargs):
        frame = load(name, *args, **kwargs)
        if name not in rows:
            return frame
        return frame[frame["row"].isin(rows[name])].reset_index(drop=True)

    def curations(*args, **kwargs):
        frame = load_curated(*args, **kwargs)
        pairs = {(name, r) for name, keep in rows.items() for r in keep}
        kept = [(t, int(r)) in pairs for t, r in zip(frame["table"], frame["row"])]
        return frame[kept].reset_index(drop=True)

    monkeypatch.setattr(curated, "load", selected)
    monkeypatch.setattr(tags, "load_curated", curations)


def _values(frame: pd.DataFrame, column: str) -> list:
    return [NA if pd.isna(v) else v for v in frame[column]]


STUDY_SELECTIONS = [
    pytest.param({"msc_studies": [], "exosome_studies": []}, {}, id="no printed row of either table"),
    pytest.param(
        {"msc_studies": [6], "exosome_studies": [9, 14]},
        {
            # Table 1 row 6: POF | ZP3 induced POF mouse model | IV 1 × 10⁶ (an ovarian model: female)
            # Table 2 row 9: AD | no animal model | coculture 0.4 µg/ml (in vitro only: no animal, no sex)
            # Table 2 row 14: AS | High-fat diet Apo⁻/⁻ mouse model | IV 0.5 mg/mL (no sex named or implied)
            # (rows 6 and 14 each name a mechanism, a pathway, a regulator and a cargo, as the whole tables do)
            "sex": [FEMALE, NA, NA],
            "sex_missing": ["", IN_VITRO, NOT_REPORTED],
            "sex_evidence": [
                "Animal model 'ZP3 induced POF mouse model' prints 'POF': an ovarian model, so female animals",
                NA,
                NA,
            ],
            # cells given to mice; a concentration in a dish; a concentration injected into mice
            "dose_kind": ["cells", "in vitro concentration", "injected concentration"],
        },
        id="Table 1 row 6 and Table 2 rows 9 and 14: Table 2's part names no sex",
    ),
]


@pytest.mark.parametrize("rows, expected", STUDY_SELECTIONS)
def test_sex_dose_kind_and_category_reasons_are_text_whatever_the_rows(monkeypatch, rows, expected):
    """Rule: sex, sex_missing, sex_evidence, dose_kind and each category's reason are string columns (STUDY_COLUMNS
    types them "string"), also for a table with no row or with no sex to read; the values are the printed ones."""
    _keep(monkeypatch, rows)
    studies = coded._studies()
    text = ["sex", "sex_missing", "sex_evidence", "dose_kind"]
    text += [f"{c}_missing" for c in ("mechanisms", "pathways", "regulators", "cargo")]
    assert {c: str(studies[c].dtype) for c in text} == dict.fromkeys(text, "string")
    assert len(studies) == sum(len(r) for r in rows.values())
    for column, values in expected.items():
        assert _values(studies, column) == values, column


TRIAL_SELECTIONS = [
    pytest.param([], [], [], id="no printed row of Table 3"),
    # Table 3 row 1 prints "No results published", row 2 a summary of results
    pytest.param([1, 2], [False, True], ["", ""], id="Table 3 rows 1 and 2: none published, then a summary"),
]


@pytest.mark.parametrize("rows, printed, reasons", TRIAL_SELECTIONS)
def test_results_printed_is_a_nullable_boolean_with_a_text_reason_whatever_the_rows(
    monkeypatch, rows, printed, reasons
):
    """Rule: results_printed is "boolean" in TRIAL_COLUMNS (true: a summary; false: 'No results published') and
    its reason is text, also for a Table 3 with no row."""
    _keep(monkeypatch, {"clinical_trials": rows})
    trials = coded._trials()
    assert [str(trials[c].dtype) for c in ("results_printed", "results_printed_missing")] == ["boolean", "string"]
    assert _values(trials, "results_printed") == printed
    assert _values(trials, "results_printed_missing") == reasons


def test_a_kept_row_naming_no_category_of_a_kind_gets_an_empty_cell(monkeypatch):
    """Table 1 row 3 alone ("BM-MSCs upregulate ... FOXO1 ..., downregulate TGF-β, and ... upregulate the
    Wnt/β-catenin and Hippo signaling pathways") names pathways and a regulator but no mechanism category and no
    cargo: those two cells are empty text, built without pandas' deprecated fill of a float column (an error under
    this suite's warning filter, and in pandas 4)."""
    _keep(monkeypatch, {"msc_studies": [3]})
    printed = curated.load("msc_studies")
    out = coded._categories(printed, "msc_studies")
    assert out.loc[0, ["mechanisms", "pathways", "regulators", "cargo"]].tolist() == [
        "",
        "Hippo/YAP; TGF-β/Smad; Wnt/β-catenin",
        "FoxO (FOXO1, FOXO3a)",
        "",
    ]
    assert all(out[c].dtype == "string" for c in ("mechanisms", "pathways", "regulators", "cargo"))
