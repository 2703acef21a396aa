"""Rules A8 and A9 and :func:`spelled_out` to the letter: the survivors of mutmut over ``helpers.audit.abbreviations``.

Each expected value is read from the rule as its docstring states it and from
the print: Table 2 row 1 prints "NA" under Route/Dosage beside "CDDP induced
POF mouse model" and a follow-up of "4 weeks"; Table 3 (clinical trials)
prints no animal model at all, only a Purpose; the legends of Tables 1-3
define NA as "Not Applicable".
"""

from __future__ import annotations

import pytest

from helpers.audit.abbreviations import spelled_out
from helpers.audit.registry import RULES, Finding
from tests.unit.audit.test_audit import legends, printed, rows

NA_LEGENDS = (
    ("table1", "NA", "Not Applicable"),
    ("table2", "NA", "Not Applicable"),
    ("table3", "NA", "Not Applicable"),
)
#: What every A9 message ends with: the print says only what NA cannot mean.
CANNOT = ': Not Applicable cannot be meant here, and what "NA" stands for in this cell is not reported in the review.'


# --- A9: what the message says shows a route or dose applied ----------------------------------------------


@pytest.mark.parametrize(
    "follow_up, why",
    [
        # Table 2 row 1 as printed: the model and the follow-up both show the product was given.
        ("4 weeks", "the row prints an animal model (CDDP induced POF mouse model) and a follow-up (4 weeks)"),
        # The same row without a follow-up: only the model is named; no empty "follow-up ()" is invented.
        ("", "the row prints an animal model (CDDP induced POF mouse model)"),
        (None, "the row prints an animal model (CDDP induced POF mouse model)"),
    ],
    ids=["model-and-follow-up", "model-no-follow-up", "model-follow-up-missing"],
)
def test_a9_names_the_follow_up_only_when_one_is_printed(follow_up, why):
    row = {"table": "table2", "route_dosage": "NA", "animal_model": "CDDP induced POF mouse model"}
    (found,) = RULES["A9"].check(legends(*NA_LEGENDS), rows({**row, "follow_up": follow_up}))
    assert found.message == f'"NA" is defined as Not Applicable, but {why}, so a route and a dose applied{CANNOT}'
    assert found.evidence == (
        'table2 row 1 route_dosage "NA"; table2 row 1 animal_model "CDDP induced POF mouse model"; '
        'table2 legend entry 1 "NA: Not Applicable"'
    )


@pytest.mark.parametrize(
    "effects, expected",
    [
        # Table 3 row 16 as printed: the Purpose speaks of an implantation; a trial has no animal model to cite.
        (
            "Evaluation of clinical and bone density improvement after UC-MSC implantation",
            "the row's own text speaks of implantation, so a route applied",
        ),
        # A trial whose Purpose names no delivery: nothing shows a route applied, whatever else the row holds.
        ("Safety of UC-MSCs", None),
    ],
    ids=["purpose-implantation", "purpose-silent"],
)
def test_a9_never_reads_an_animal_model_in_a_clinical_trial(effects, expected):
    # rows() gives every row the animal model "5XFAD mice": Table 3 has no such column, so it must not count.
    row = {"table": "table3", "route_dosage": "NA", "effects": effects, "follow_up": ""}
    found = RULES["A9"].check(legends(*NA_LEGENDS), rows(row))
    if expected is None:
        assert found == []
    else:
        (only,) = found
        assert only.message == f'"NA" is defined as Not Applicable, but {expected}{CANNOT}'
        assert only.field == "migration_method"


# --- A8: an undefined code beside an unused legend entry of one length and ending -------------------------


def _a8_check(cell: str, unused: str) -> Finding:
    return Finding(
        "A8",
        "check",
        "table2",
        "1",
        "source",
        f'table2 row 1 source "{cell}"; not in the table2 legend; table2 legend entry 1 "{unused}: a stem cell"; '
        "no cell of table2 prints it",
        f'"{cell}" is explained nowhere under this table, whose legend explains {unused} (the same length and '
        f'ending) but never uses it: perhaps one slip. What "{cell}" means is not reported in the review.',
        cell,
    )


@pytest.mark.parametrize(
    "cell, unused, expected",
    [
        # Four letters, one ending ("SC"): the shortest codes the rule pairs by shape.
        ("ADSC", "BMSC", [_a8_check("ADSC", "BMSC")]),
        # Five letters, one ending: the docstring's own kind of pair (HCAEC beside HUVEC).
        ("HCAEC", "HUVEC", [_a8_check("HCAEC", "HUVEC")]),
        # Three letters only: too short for a shared ending to suggest one kind of thing.
        ("TEC", "HEC", []),
        # Four letters, another ending: nothing pairs them.
        ("ADSC", "BMSX", []),
    ],
    ids=["four-letters", "five-letters", "three-letters", "other-ending"],
)
def test_a8_pairs_codes_of_one_length_and_ending_from_four_letters(cell, unused, expected):
    abbr = legends(("table2", unused, "a stem cell"))
    found = RULES["A8"].check(abbr, *printed(t2=[{"source": cell}]))
    assert found == expected


# --- spelled_out: the words whose initials spell a code, one word per letter -------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        # Two letters are enough: MI spelled out by the row's own words.
        ("MI", "myocardial infarction model", "myocardial infarction"),
        ("HCAECs", "human coronary artery endothelial cells", "human coronary artery endothelial cells"),
        # One letter is no abbreviation a row spells out.
        ("A", "adipose tissue", None),
        # One word per letter: "ß" folds to "ss", but one word cannot stand for two letters of the code.
        ("SSA", "ßig apple", None),
        ("SSA", "x ßig apple", None),
    ],
    ids=["two-letters", "five-letters", "one-letter", "fewer-words-than-letters", "last-window-short"],
)
def test_spelled_out_takes_one_word_per_letter_of_a_code_of_two_or_more(code, text, expected):
    assert spelled_out(code, text) == expected


# --- A8 reads the codes A3 reads: whole descriptive cells, a route cell's route without its dose ----------


def _a8_bmsc(column: str, cell: str) -> Finding:
    return Finding(
        "A8",
        "check",
        "table1",
        "1",
        column,
        f'table1 row 1 {column} "{cell}"; not in the table1 legend; '
        'table1 legend entry 1 "ADSC: adipose-derived stem cells"; no cell of table1 prints it',
        '"BMSCs" is explained nowhere under this table, whose legend explains ADSC (the same length and ending) '
        'but never uses it: perhaps one slip. What "BMSCs" means is not reported in the review.',
        "BMSCs",
    )


@pytest.mark.parametrize(
    "row, expected",
    [
        # An Effects cell is read whole, numbers and all: the code after "4 weeks" is a code the table prints.
        (
            {"effects": "After 4 weeks BMSCs improved memory"},
            [_a8_bmsc("effects", "After 4 weeks BMSCs improved memory")],
        ),
        # A route cell's dose is no code the legend must explain: only its route ("IV") is read.
        ({"route_dosage": "IV 1 × 10⁶ BMSCs"}, []),
        # A code printed in another case than its legend's ("AdSC" for ADSC) is rule A5's, never paired here.
        ({"source": "AdSC"}, []),
    ],
    ids=["effects-read-whole", "dose-not-read", "case-variant-not-paired"],
)
def test_a8_reads_the_cells_a3_reads(row, expected):
    abbr = legends(("table1", "ADSC", "adipose-derived stem cells"))
    assert RULES["A8"].check(abbr, *printed(t1=[row])) == expected


# --- A4: what counts as printed by a table --------------------------------------------------------------


def _a4(code: str, meaning: str) -> Finding:
    return Finding(
        "A4",
        "check",
        "abbreviations",
        "table1:1",
        "abbreviation",
        f'table1 legend entry 1 "{code}: {meaning}"; no cell of table1 prints it',
        f"The legend explains {code}, which its table never prints.",
    )


@pytest.mark.parametrize(
    "code, meaning, cells, expected",
    [
        # A legend sign for a missing value ("-") that no cell prints: unused.
        ("-", "not reported", ["IV 1 × 10⁶", "IP 2 × 10⁶"], [_a4("-", "not reported")]),
        # The same sign where a cell prints it: used.
        ("-", "not reported", ["IV 1 × 10⁶", "-"], []),
        # A footnote number no cell prints: unused, however many rows the table has (row numbers are no cells).
        ("2", "footnote", ["IV 1 × 10⁶", "IP 5 × 10⁵", "IV 1 × 10⁶"], [_a4("2", "footnote")]),
    ],
    ids=["dash-unused", "dash-printed", "footnote-number-unused"],
)
def test_a4_unused_means_no_printed_cell_holds_it(code, meaning, cells, expected):
    abbr = legends(("table1", code, meaning))
    t1 = [{"route_dosage": c} for c in cells]
    assert RULES["A4"].check(abbr, *printed(t1=t1)) == expected
