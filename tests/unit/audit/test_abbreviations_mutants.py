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


# --- A1 and A6: which entry is the base, which wordings go together, where each meaning is printed ------------

MT_SAYS = 'MT has two meanings in the review: "Melatonin" in the article list, and '
MT_TWO = MT_SAYS + '"Mitochondrial transfer" in the table1 legend.'


def _a1_a6(*entries: tuple[str, str, str]) -> list[Finding]:
    abbr = legends(*entries)
    return RULES["A1"].check(abbr) + RULES["A6"].check(abbr)


def test_a1_compares_with_the_article_list_wherever_the_list_stands_in_the_file():
    # The article list is the base even when a legend's entry comes first in the frame: the legend is reported.
    found = _a1_a6(("table1", "MT", "Mitochondrial transfer"), ("article", "MT", "Melatonin"))
    assert found == [
        Finding(
            "A1",
            "warning",
            "abbreviations",
            "table1:1",
            "definition",
            'article legend entry 1 "MT: Melatonin"; table1 legend entry 1 "MT: Mitochondrial transfer"',
            MT_TWO,
        )
    ]


def test_a6_a_wording_of_filler_words_only_is_another_wording_not_another_meaning():
    # "Tissue-derived" only drops a word of "Tissue-derived cells" ("tissue" and "derived" are filler words):
    # one thing worded twice (A6, check), not two meanings (A1).
    found = _a1_a6(("table1", "TD", "Tissue-derived"), ("table2", "TD", "Tissue-derived cells"))
    assert found == [
        Finding(
            "A6",
            "check",
            "abbreviations",
            "table2:1",
            "definition",
            'table1 legend entry 1 "TD: Tissue-derived"; table2 legend entry 1 "TD: Tissue-derived cells"',
            "The table2 legend words TD differently from the table1 legend; the two wordings name one thing.",
        )
    ]


def test_a1_names_a_meaning_printed_in_two_legends_with_both():
    # As AD in the print: Alzheimer's disease in the article list, adipose under Table 4 and Fig. 2.
    found = RULES["A1"].check(
        legends(("article", "AD", "Alzheimer's disease"), ("table4", "AD", "adipose"), ("fig2", "AD", "adipose"))
    )
    says = 'AD has two meanings in the review: "Alzheimer\'s disease" in the article list, and "adipose" in the table4 '
    assert [(f.row, f.message) for f in found] == [
        ("table4:1", says + "and fig2 legends."),
        ("fig2:1", says + "and fig2 legends."),
    ]


def test_a1_does_not_quote_a_third_meaning_as_a_wording_of_the_second():
    # Metallothionein has nothing in common with Melatonin or Mitochondrial transfer: its own A1 finding, and no
    # place in the message on Mitochondrial transfer.
    found = RULES["A1"].check(
        legends(
            ("article", "MT", "Melatonin"),
            ("table1", "MT", "Mitochondrial transfer"),
            ("table2", "MT", "Metallothionein"),
        )
    )
    assert [(f.row, f.message) for f in found] == [
        ("table1:1", MT_TWO),
        (
            "table2:1",
            MT_SAYS + '"Metallothionein" in the table2 legend.',
        ),
    ]


def test_a1_names_every_legend_whose_wording_only_drops_words_of_a_meaning():
    # "Tissue-derived" (filler words only) drops every word of either meaning: its legend is one that prints the
    # code in one of the two meanings, so the message names it.
    found = RULES["A1"].check(
        legends(
            ("article", "MT", "Melatonin"),
            ("table1", "MT", "Mitochondrial transfer"),
            ("table2", "MT", "Tissue-derived"),
        )
    )
    (table1,) = [f for f in found if f.row == "table1:1"]
    assert "table2 legend" in table1.message


def test_a1_says_which_legends_use_the_code_both_ways():
    # As AD in the print, cut down: Alzheimer's disease in the article list and under Tables 1-2, adipose under
    # Table 4; the article list and the Table 2 legend also print it as part of a source name (AD-MSCs, hAD-MSC)
    # in the second meaning. Those two use it both ways; the Table 1 legend, with no such source name, does not.
    abbr = legends(
        ("article", "AD", "Alzheimer's disease"),
        ("table1", "AD", "Alzheimer's disease"),
        ("table2", "AD", "Alzheimer's disease"),
        ("table4", "AD", "adipose"),
        ("article", "AD-MSCs", "Adipose tissue derived mesenchymal stem cells"),
        ("table2", "hAD-MSC", "Human adipose mesenchymal stem cells"),
    )
    (found,) = RULES["A1"].check(abbr)
    assert found.message == (
        'AD has two meanings in the review: "Alzheimer\'s disease" in the article list and the table1 and table2 '
        'legends, and "adipose" in the table4 legend; as part of a source name ("AD-MSCs" in the article list; '
        '"hAD-MSC" in the table2 legend) it has the second meaning, so the article list and the table2 legend use '
        "it both ways."
    )


def test_a1_quotes_each_other_wording_of_a_meaning_beside_its_place():
    # Two other wordings of Alzheimer's disease (one drops the apostrophe-s, one another word): each quoted with
    # its own legend, separated by a semicolon.
    abbr = legends(
        ("article", "AD", "Alzheimer's disease"),
        ("table1", "AD", "Alzheimer disease"),
        ("table2", "AD", "Alzheimer's dementia"),
        ("table4", "AD", "adipose"),
    )
    (found,) = RULES["A1"].check(abbr)
    assert found.message == (
        'AD has two meanings in the review: "Alzheimer\'s disease" in the article list ("Alzheimer disease" in '
        'the table1 legend; "Alzheimer\'s dementia" in the table2 legend), and "adipose" in the table4 legend.'
    )
