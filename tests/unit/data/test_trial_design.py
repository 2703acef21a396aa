"""Study design of a Table 3 row, and comparator arms named in an Effects cell (issue 17)."""

from __future__ import annotations

import pytest

from helpers.data import coded
from helpers.data.derive.comparators import comparator_tissues
from helpers.data.derive.registry import DESIGNS, design
from helpers.data.derive.result import Derived

DESIGN = [
    # phases cell, NCT cell, cited title, expected design
    ("1/ 2", "NCT01742533", "", "registered trial"),
    ("2", "NCT04501354", "", "registered trial"),
    (
        "A retrospective study",
        "[39]",
        "... potential for anti-aging application: a retrospective cohort study",
        "retrospective cohort study",
    ),
    ("A retrospective study", "[39]", "", "retrospective study"),
    ("Retrospective analysis", "[12]", "a case series", "retrospective study"),
]


@pytest.mark.parametrize("phases, nct, title, expected", DESIGN)
def test_design_of_a_table3_row(phases, nct, title, expected):
    assert design(phases, nct, title) == Derived(expected)
    assert expected in DESIGNS


@pytest.mark.parametrize(
    "phases, nct, reason",
    [
        ("A pilot study", "NCT01742533", "NCT number printed but the Phases cell 'A pilot study' names no phase"),
        ("", "[7]", "no NCT number and the Phases cell '' names no design"),
        ("1", "", "no NCT number and the Phases cell '1' names no design"),
    ],
)
def test_design_is_missing_with_a_reason_when_the_cells_do_not_say(phases, nct, reason):
    assert design(phases, nct) == Derived(None, reason)


def test_the_coded_trials_carry_the_design_recounted_from_the_print():
    """Table 3 as printed: 17 rows with an NCT number and a phase; row 17 prints 'A retrospective study' and [39],
    whose title (reference 39) ends 'a retrospective cohort study'."""
    trials = coded.trials()
    designs = dict(zip(trials["row"].astype(int), trials["design"]))
    assert designs[17] == "retrospective cohort study"
    assert sorted(r for r, d in designs.items() if d == "registered trial") == [r for r in range(1, 19) if r != 17]
    assert "design" in coded.TRIAL_COLUMNS and "design" in dict(
        (f["name"], f) for f in coded.descriptor(coded.studies(), trials)["resources"][1]["schema"]["fields"]
    )


COMPARATORS = [
    # effects cell, source cell, expected comparator tissues, or the reason a reader sees why there are none
    (
        "DP-MSCs demonstrate the best therapeutic efficacy in treating OVX-induced OP compared to AD-MSCs, UC-MSCs, "
        "and AM-MSCs",
        "hDP-MSC",
        "AD+UC+AM",
        "",
    ),
    (
        "AD-MSCs had better effect on improving ovarian function than UC-MSCs",
        "hUCMSC/ hAD-MSC",
        None,
        "every source the effects cell compares is printed in the Source cell",
    ),
    ("UCB-MSCs worked better than BM-MSCs", "UCB-MSC", "BM", ""),
    ("hUC-MSCs improve cognition in AD model mice", "hUC-MSC", None, "the effects cell compares no MSC sources"),
    ("AD-MSCs reduce plaques in AD mice", "hUC-MSC", None, "the effects cell compares no MSC sources"),
]


@pytest.mark.parametrize("effects, source, expected, reason", COMPARATORS)
def test_comparator_tissues(effects, source, expected, reason):
    found = comparator_tissues(effects, source)
    assert (found.value, found.reason) == (expected, reason)


RESULTS_CELLS = [
    # printed Results cell (Table 3), expected: does it print a summary of results?
    ("No results published", False),
    ("No results published.", False),
    ("no results published", False),  # case is not what the cell means
    ("Improvement in cognitive functioning", True),
    ("Conclusions limited by small sample size", True),  # row 9: a summary, though not of an effect
    ("Decrease in serum FSH levels, increase in estrogen and AMH levels", True),
]


@pytest.mark.parametrize("cell, printed", RESULTS_CELLS)
def test_a_results_cell_prints_a_summary_or_says_none(cell, printed):
    from helpers.data.derive.registry import results

    assert results(cell) == Derived(printed)


def test_an_empty_results_cell_is_missing_with_its_reason():
    from helpers.data.derive.registry import results

    assert results("  ").missing and "empty" in results("").reason


def test_every_trial_s_results_are_read_as_printed():
    """Hand-read from the printed Table 3: rows 2, 3, 4, 9, 12 and 17 print a summary; the other 12 print
    'No results published'. Completed: rows 4, 9, 12 and 17 (the cohort) with a summary, 8, 11, 14 without."""
    trials = coded.trials().set_index("row")
    printed = {2, 3, 4, 9, 12, 17}
    assert {int(r) for r, v in trials["results_printed"].items() if v} == printed
    assert trials["results_printed"].notna().all()
    assert trials.loc[12, "results"] == "Improvement in cognitive functioning"
    assert (trials.loc[sorted(set(range(1, 19)) - printed), "results"] == "No results published").all()
