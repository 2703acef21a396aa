"""Rule family A to the letter (``helpers.audit.abbreviations``): each finding whole, and the comparisons.

``test_audit.py`` checks which rows fire at which severity; here each
finding is pinned whole (severity, place, evidence, message), as the rules'
docstrings describe it: a legend entry is quoted as ``<legend> legend entry
<n> "<code>: <meaning>"``, a printed cell as ``<table> row <n> <column>
"<cell>"``, and the message says what disagrees with what. Then the helpers
the rules compare with: codes up to hyphens, spaces and a plural s;
meanings up to case, hyphens, apostrophes, plural and filler words; cells
split into tokens that keep hyphenated codes whole.
"""

from __future__ import annotations

import pytest

from helpers.audit.abbreviations import code_key, meaning_words, tokens
from helpers.audit.registry import RULES, Finding
from tests.unit.audit.test_audit import BASE_LEGENDS, legends, printed


def entry(legend: str, position: int, code: str, meaning: str) -> str:
    """A legend entry as the evidence quotes it."""
    return f'{legend} legend entry {position} "{code}: {meaning}"'


@pytest.mark.parametrize(
    "entries, expected",
    [
        (  # nothing in common: a warning, against the article list
            [("article", "MT", "Melatonin"), ("table1", "MT", "Mitochondrial transfer")],
            Finding(
                "A1",
                "warning",
                "abbreviations",
                "table1:1",
                "definition",
                f"{entry('article', 1, 'MT', 'Melatonin')}; {entry('table1', 1, 'MT', 'Mitochondrial transfer')}",
                # Each meaning with where the review prints it (third reading, table4 3.2).
                'MT has two meanings in the review: "Melatonin" in the article list, and "Mitochondrial transfer" in '
                "the table1 legend.",
            ),
        ),
        (  # one drops words of the other: a check, against the code's first legend when the article lacks it
            [("table2", "MSC", "mesenchymal stem cells"), ("table3", "MSC", "mesenchymal stem/stromal cells")],
            Finding(
                "A6",
                "check",
                "abbreviations",
                "table3:1",
                "definition",
                f"{entry('table2', 1, 'MSC', 'mesenchymal stem cells')}; "
                f"{entry('table3', 1, 'MSC', 'mesenchymal stem/stromal cells')}",
                "The table3 legend words MSC differently from the table2 legend; the two wordings name one thing.",
            ),
        ),
    ],
)
def test_a1_findings_quote_both_entries(entries, expected):
    """Rules A1 and A6: a second meaning (A1, warning) or wording (A6, check) is quoted with the first."""
    found = RULES["A1"].check(legends(*entries)) + RULES["A6"].check(legends(*entries))
    assert found == [expected]


@pytest.mark.parametrize(
    "a, b, near",
    [
        ("Oophorectomy", "Ovariectomy", True),  # a long word ending shared (more than six letters each)
        ("Stem cells", "Stem therapy", True),  # a shared content word
        ("Melatonin", "Mitochondrial transfer", False),
        ("Plasma", "Cytoplasma", False),  # a shared ending, but the shorter word has only six letters
        ("Section", "Dissection", True),  # seven letters: long enough
        ("Ablation", "Isolation", True),  # both longer than six letters: the last five letters agree
    ],
)
def test_a1_severity_tells_near_meanings_from_different_ones(a, b, near):
    """Near meanings (a shared word or long word ending) are another wording (A6, check); else two meanings (A1)."""
    entries = legends(("table1", "X", a), ("table2", "X", b))
    one, other = RULES["A1"].check(entries), RULES["A6"].check(entries)
    (found,) = other if near else one
    assert (found.rule, found.severity) == (("A6", "check") if near else ("A1", "warning"))
    assert (other if not near else one) == []


@pytest.mark.parametrize(
    "entries, expected",
    [
        (
            [("table1", "HDFs", "Human dermal fibroblasts"), ("table1", "HDF", "human dermal fibroblast")],
            Finding(
                "A2",
                "warning",
                "abbreviations",
                "table1:2",
                "abbreviation",
                f"{entry('table1', 1, 'HDFs', 'Human dermal fibroblasts')}; "
                f"{entry('table1', 2, 'HDF', 'human dermal fibroblast')}",
                "The table1 legend lists HDF a second time.",
            ),
        ),
        (
            [("table1", "MT", "Melatonin"), ("table1", "MT", "Mitochondrial transfer")],
            Finding(
                "A2",
                "error",
                "abbreviations",
                "table1:2",
                "abbreviation",
                f"{entry('table1', 1, 'MT', 'Melatonin')}; {entry('table1', 2, 'MT', 'Mitochondrial transfer')}",
                "The table1 legend defines MT twice, with two meanings.",
            ),
        ),
    ],
)
def test_a2_findings_quote_the_first_entry_and_the_repeat(entries, expected):
    """Rule A2: a code listed twice in one legend: warning if it repeats, error if the meanings differ."""
    assert RULES["A2"].check(legends(*entries)) == [expected]


def run(rule_id: str, **tables) -> list[Finding]:
    return RULES[rule_id].check(legends(*BASE_LEGENDS), *printed(**tables))


@pytest.mark.parametrize(
    "rule_id, tables, expected",
    [
        (
            "A3",
            {"t1": [{"route_dosage": "MI 5 × 10⁶"}]},
            Finding(
                "A3",
                "warning",
                "table1",
                "1",
                "route_dosage",
                'table1 row 1 route_dosage "MI 5 × 10⁶"; not in the table1 legend'
                " nor in any other legend or the article list",
                'No legend of the article says what "MI" stands for.',
                "MI",
            ),
        ),
        (
            "A3",
            {"t2": [{"animal_model": "CDDP induced POF mouse model"}]},
            Finding(
                "A3",
                "check",
                "table2",
                "1",
                "animal_model",
                'table2 row 1 animal_model "CDDP induced POF mouse model"; not in the table2 legend; '
                f"explained only in {entry('table1', 9, 'CDDP', 'Cisplatin')}",
                '"CDDP" is explained elsewhere in the article but not in the legend under this table.',
                "CDDP",
            ),
        ),
        (
            "A5",
            {"t2": [{"route_dosage": "Iv 1.6 mg/kg"}]},
            Finding(
                "A5",
                "warning",
                "table2",
                "1",
                "route_dosage",
                f'table2 row 1 route_dosage "Iv 1.6 mg/kg"; {entry("table2", 1, "IV", "Intravenous injection")}',
                '"Iv" is printed where the legend has the code IV: the same letters in another letter case.',
                "Iv",
            ),
        ),
        (
            "A5",  # an all-lower-case disease code right before the host species
            {"t1": [{"animal_model": "CTX induced pof rat model"}]},
            Finding(
                "A5",
                "warning",
                "table1",
                "1",
                "animal_model",
                f'table1 row 1 animal_model "CTX induced pof rat model"; '
                f"{entry('table1', 6, 'POF', 'Premature Ovarian Failure')}",
                '"pof" is printed where the legend has the code POF: the same letters in another letter case.',
                "pof",
            ),
        ),
    ],
)
def test_a3_and_a5_findings_quote_the_cell_and_the_legend(rule_id, tables, expected):
    """Rules A3 and A5: the printed cell, then where (if anywhere) the code is explained."""
    assert run(rule_id, **tables) == [expected]


def test_a3_reports_a_token_once_per_cell():
    """Rule A3: a code printed twice in one cell is one finding."""
    assert [f.subject for f in run("A3", t1=[{"source": "XYZ cells and XYZ"}])] == ["XYZ"]


@pytest.mark.parametrize(
    "animal_model, expected",
    [
        ("CTX induced pof rats", ["pof"]),  # rats, mice, mouse, rabbit(s) follow the code
        ("CTX induced pof mice", ["pof"]),
        ("CTX induced pof Rabbits", ["pof"]),
        ("CTX induced pof", []),  # no host word after it
        ("pof model in rats", []),  # the host word is not the next token
        ("CTX induced pof ratty model", []),  # a whole host word only
        ("iv rats", []),  # lower case is reported only for a disease code
    ],
)
def test_a5_lower_case_codes_only_in_the_disease_slot(animal_model, expected):
    """Rule A5: an all-lower-case token counts only as a disease code printed just before the host species."""
    assert [f.subject for f in run("A5", t1=[{"animal_model": animal_model}])] == expected


def test_a4_finding_quotes_the_unused_entry():
    """Rule A4: a legend entry its table never prints is a check on the legend entry."""
    tables = {"t1": [{"route_dosage": "IV 1", "effects": "CTX hUC-MSC hAD-MSC AS POF GCs CDDP"}]}
    found = [f for f in run("A4", **tables) if f.row.startswith("table1:")]
    assert found == [
        Finding(
            "A4",
            "check",
            "abbreviations",
            "table1:8",
            "abbreviation",
            f"{entry('table1', 8, 'TEC', 'Thymus epithelial cells')}; no cell of table1 prints it",
            "The legend explains TEC, which its table never prints.",
        )
    ]


@pytest.mark.parametrize(
    "column, used",
    [
        ("row", False),  # numbers, not cells a legend codes
        ("ref", False),
        ("enrollment", False),
        ("advantages", True),  # a text cell
    ],
)
def test_a4_ignores_row_ref_and_enrollment(column, used):
    """Rule A4: a code counts as printed only in text cells, not in the row, ref or enrollment numbers."""
    t4 = printed(t4=[{"source": "TEC"}])[3].assign(ref=3, enrollment=4)
    t4[column] = 12
    found = RULES["A4"].check(legends(("table4", "12", "twelve"), ("table4", "TEC", "Thymus")), *printed()[:3], t4)
    assert [f.row for f in found] == ([] if used else ["table4:1"])


@pytest.mark.parametrize(
    "code, key",
    [
        ("hUC-MSCs", "hUCMSC"),
        ("hUC MSCs", "hUCMSC"),
        (" BM-MSC ", "BMMSC"),
        ("GCs", "GC"),
        ("Cs", "Cs"),  # a plural s needs two letters before it
        ("IVs", "IV"),
        ("ASs", "AS"),  # a plural s is taken once
        ("Exos", "Exo"),
        ("ss", "ss"),
        ("class", "class"),  # a double s is not a plural
    ],
)
def test_code_key_ignores_hyphens_spaces_and_a_plural_s(code, key):
    """Rule: abbreviations are compared up to hyphens, spaces and one plural s."""
    assert code_key(code) == key


@pytest.mark.parametrize(
    "text, words",
    [
        ("Alzheimer’s Disease", {"alzheimer", "disease"}),
        ("Alzheimer's disease", {"alzheimer", "disease"}),
        ("Adipose tissue-derived stem cells", {"adipose", "stem", "cell"}),
        ("the injection of cells", {"injection", "cell"}),
        ("Gas", {"gas"}),  # a short word keeps its s
        ("Grass", {"grass"}),  # a double s is not a plural
    ],
)
def test_meaning_words_are_content_words_up_to_case_plural_and_filler(text, words):
    """Rule: a meaning is its content words up to case, hyphens, apostrophes, plural and filler words."""
    assert meaning_words(text) == frozenset(words)


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("hUC-MSC/ hAD-MSC", ["hUC-MSC", "hAD-MSC"]),
        ("IV (tail), IP; SC+IM", ["IV", "tail", "IP", "SC", "IM"]),
        ("CTX-induced. POF:", ["CTX-induced", "POF"]),
        ("  ", []),
        ("...", []),
        ("Type X collagen", ["Type", "X", "collagen"]),  # a token of X's is a token like any other
    ],
)
def test_tokens_keep_hyphenated_codes_whole(cell, expected):
    """Rule: cells split at spaces and / , ; ( ) +, hyphenated codes kept whole, trailing dots and colons gone."""
    assert tokens(cell) == expected


@pytest.mark.parametrize(
    "rule_id, tables, expected",
    [
        # only a Route/Dosage cell loses its dose: a code in the dose part is not a route code
        ("A3", {"t1": [{"route_dosage": "IV 5 × 10⁶ EVs"}]}, []),
        # any other cell is read whole, digits and all
        ("A3", {"t1": [{"source": "Rabbit 3 NEWCODE"}]}, [("warning", "NEWCODE")]),
        # digits mark a name (CD39, SH-SY5Y), not an abbreviation
        ("A3", {"t1": [{"source": "ABC1 cells"}]}, []),
        # a defined head followed by several plain words
        ("A3", {"t1": [{"source": "hUC-MSC-derived-exosomes"}]}, []),
    ],
)
def test_a3_reads_codes_from_the_cells_the_legends_code(rule_id, tables, expected):
    """Rule A3: routes without their dose, other cells whole; digits mark names; a defined head plus words."""
    assert [(f.severity, f.subject) for f in run(rule_id, **tables)] == expected


@pytest.mark.parametrize(
    "codes, absent, expected",
    [
        # a table without a coded column prints nothing there: no made-up token to report
        ([], "source", []),
        # nor a "None" that a legend's NONE would match in another case
        ([("table1", "NONE", "nothing")], "source", []),
        ([("table1", "NONE", "nothing")], "precondition", []),
    ],
)
def test_a_column_the_table_lacks_prints_nothing(codes, absent, expected):
    """Rules A3 and A5: only printed cells are read; a column a table does not have holds no token."""
    t1 = printed(t1=[{"source": "hUC-MSC"}])[0].drop(columns=[absent])
    found = [
        f for rule_id in ("A3", "A5") for f in RULES[rule_id].check(legends(*BASE_LEGENDS, *codes), t1, *printed()[1:])
    ]
    assert [(f.rule, f.subject) for f in found] == expected


def test_a_missing_table_is_skipped_and_the_others_read():
    """Rules A3 and A5: a printed table not given (None) is skipped, not the end of the check."""
    t1, t2, t3, t4 = printed(t2=[{"route_dosage": "MI 5"}, {"route_dosage": "Iv 5"}])
    assert [f.subject for f in RULES["A3"].check(legends(*BASE_LEGENDS), None, t2, t3, t4)] == ["MI"]
    assert [f.subject for f in RULES["A5"].check(legends(*BASE_LEGENDS), None, t2, t3, t4)] == ["Iv"]
