"""helpers.outputs.narrative, the printed tables' notices: table_notice and the parts of Tables 1-2's.

Four hand-made rows of Table 1 (printed cells beside derived codes), with
references whose titles in data/references.csv were read by hand: ref 4's
title ("Validation of biomarkers of aging") speaks of no animal, ref 13's
("... in premature ovarian failure rats") of rats. Each notice is written out
from those rows.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.outputs import narrative

PRINTED = pd.DataFrame(
    {
        "row": [1, 2, 3, 4],
        "ref": [1, 2, 4, 13],
        "animal_model": ["CTX mice", "D-gal rats", "", "SAMP8 mice"],
        "effects": [
            "Improved ovarian function",
            "Less apoptosis",
            "Less senescence",
            "hUCMSCs-Exos-miR-22-3p reduced apoptosis",
        ],
    }
)
DERIVED = pd.DataFrame(
    {
        "disease_code": ["POF", "POF", "AD", "OP"],
        "tissue": ["UC", "BM+AD", "BM", "UC"],
        "setting": ["in vivo", "in vivo", "in vitro", "in vitro"],
        "host_species": ["mouse", "rat", None, None],
        "modality": ["cells"] * 4,
        "product": ["native", "modified", "native", "native"],
        "modification": ["none", "primed", "none", None],
    }
)

# Rows 1-2 have an animal arm (mouse, rat); rows 3-4 none, row 4 printing a model all the same. Sources: BM 2
# (rows 2, 3), UC 2 (rows 1, 4), AD 1 (row 2): 5 for 4 studies. Row 2 is the one modified product; row 4's
# product name joins a miRNA to the exosomes while its modification is missing (so none).
PRECLINICAL = (
    "MSC sources: Bone marrow (BM) 2, Umbilical cord (UC) 2, Adipose tissue (AD) 1; 1 row ([2]) compares two "
    "sources and counts under each, so these counts sum to 5 for 4 studies. In 2 of the 4 studies an animal "
    "received the {product}, as printed (hosts: mouse 1, rat 1{hosts}); 2 of the 4 are in vitro only as printed: "
    "their rows print no in vivo route ([13] prints 'SAMP8 mice' as its animal model, but no treatment of those "
    "animals), which does not say that the cited study treated no animal; the cited titles of 1 of these 2 speak "
    "of work in animals or of a route into a body: [13] ('rats') (see the notes under the table). 1 of the 4 "
    "studies used a primed, engineered or selected product, or gave it on a biomaterial or with another agent "
    "(co-treatment), as derived from the printed cells. 1 row whose product name joins a microRNA to the "
    "exosomes ('hUCMSCs-Exos-miR-22-3p' [13]) without saying it was overexpressed, engineered or loaded count "
    "as used as obtained: whether the microRNA was added is not reported in the review."
)
HEAD = "4 rows, one study each. Most concern Premature ovarian failure (2 of 4) and Alzheimer's disease (1 of 4). "

FINDINGS = pd.DataFrame(
    [
        (
            "table1",
            "confirmed",
            "R3 host",
            "1",
            "The cited article's title speaks of patients, while the row prints mice.",
        ),
        ("table1", "confirmed", "R3 host", "2", "The title is odd."),
        ("table1", "dismissed", "R3 host", "1", "The cited article's title speaks of dogs, while x."),
        ("table2", "confirmed", "R3 host", "1", "The cited article's title speaks of cats, while x."),
        ("table1", "confirmed", "R1 disease", "2", "The cited article's title speaks of cows, while x."),
        ("table1", "confirmed", "R31 other", "2", "The cited article's title speaks of cows, while x."),
        ("table1", "confirmed", "R3 host", "3", "The cited article's title speaks of pigs, while x."),
    ],
    columns=["table", "verdict", "rule", "row", "message"],
)
OTHER_HOSTS = (
    "; [1], one of the mouse rows, cites an article whose title speaks of patients; [2], one of the rat rows, "
    "cites an article whose title speaks of another host (see the notes under the table)"
)


def test_table_notice_for_table1_in_the_printed_edition():
    """table_notice, Table 1: rows, the two leading diseases, sources, hosts, in vitro rows, modified products."""
    notice = narrative.table_notice("msc_studies", PRINTED, DERIVED)
    assert notice == HEAD + PRECLINICAL.format(product="MSCs", hosts="")


def test_table_notice_names_hosts_whose_title_speaks_of_another():
    """With the audit's findings, only confirmed R3 findings on Table 1's host rows are named, after the hosts."""
    notice = narrative.table_notice("msc_studies", PRINTED, DERIVED, FINDINGS)
    assert notice == HEAD + PRECLINICAL.format(product="MSCs", hosts=OTHER_HOSTS)


OTHER_HOST_CASES = [
    ("Table 1's confirmed R3 findings on host rows", "msc_studies", FINDINGS, OTHER_HOSTS),
    ("no findings given", "msc_studies", None, ""),
    (
        "Table 2's findings for Table 2's rows",
        "exosome_studies",
        FINDINGS,
        "; [1], one of the mouse rows, cites an article whose title speaks of cats (see the notes under the table)",
    ),
    ("a table without hosts", "clinical_trials", FINDINGS, ""),
    ("no finding matches", "msc_studies", FINDINGS[FINDINGS["verdict"] == "dismissed"], ""),
]


@pytest.mark.parametrize("rule, resource, findings, text", OTHER_HOST_CASES, ids=[o[0] for o in OTHER_HOST_CASES])
def test_other_host_titles(rule, resource, findings, text):
    """_other_host_titles: the host rows of the table's own exhibit whose cited title speaks of another host."""
    assert narrative._other_host_titles(resource, PRINTED, DERIVED, findings) == text, rule


def test_preclinical_notice_for_exosomes_only():
    """_preclinical_notice: a table of exosome rows says the animal received the exosomes."""
    derived = DERIVED.assign(modality="exosomes")
    assert narrative._preclinical_notice(PRINTED, derived) == PRECLINICAL.format(product="exosomes", hosts="")


def test_preclinical_notice_with_two_rows_comparing_sources_and_no_model_in_vitro():
    """Two rows naming two sources: 'compare'/'count'; no in vitro row prints a model: nothing named."""
    printed = PRINTED.assign(
        animal_model=["CTX mice", "D-gal rats", "", ""], effects="Less apoptosis", ref=[1, 2, 4, 3]
    )
    derived = DERIVED.assign(tissue=["UC+BM", "BM+AD", "BM", "UC"], product="native", modification="none")
    assert narrative._preclinical_notice(printed, derived) == (
        "MSC sources: Bone marrow (BM) 3, Umbilical cord (UC) 2, Adipose tissue (AD) 1; 2 rows ([1], [2]) compare "
        "two sources and count under each, so these counts sum to 6 for 4 studies. In 2 of the 4 studies an animal "
        "received the MSCs, as printed (hosts: mouse 1, rat 1); 2 of the 4 are in vitro only as printed: their rows "
        "print no animal model or in vivo route, which does not say that the cited study treated no animal. 0 of "
        "the 4 studies used a primed, engineered or selected product, or gave it on a biomaterial or with another "
        "agent (co-treatment), as derived from the printed cells."
    )


def test_table_notice_other_tables_name_the_two_most_frequent_codes():
    """A table other than 1-3 (no study rows): rows, the two leading diseases and sources, by count then name."""
    derived = pd.DataFrame({"disease_code": ["AD", "POF", "AD", "OP"], "tissue": ["UC+BM", "BM", "AD", None]})
    assert narrative._table_notice("other", PRINTED, derived) == (
        "4 rows. Most rows concern Alzheimer's disease (2), Osteoporosis (1); the most used MSC sources are "
        "Bone marrow (2), Adipose tissue (1)."
    )


def test_table_notice_tissue_sources_without_comparisons():
    """Table 4: the sources compared, by name; no claim with 'than', so nothing more."""
    printed = pd.DataFrame(
        {"source": ["BM", "XX"], "advantages": ["Easy", "Many"], "disadvantages": ["Painful", "Few"]}
    )
    assert narrative._table_notice("tissue_sources", printed, printed) == (
        "2 tissue sources compared: Bone marrow, XX. Each is judged by how it is obtained and by what speaks for "
        "and against it; no row gives numbers, and the table cites no study for its claims: they are the review's "
        "own assertions."
    )
    assert narrative._table_notice("tissue_sources", printed.iloc[:1], printed).startswith(
        "1 tissue source compared: Bone marrow."
    )


def test_table_notice_without_rows():
    """No row: one sentence saying so."""
    assert narrative._table_notice("msc_studies", PRINTED.iloc[0:0], DERIVED.iloc[0:0]) == (
        "No row of the table matches this selection."
    )


TOPS = [
    ("count first, then name", pd.Series(["AD", "POF", "AD", "OP"]), None, 2, "AD (2), OP (1)"),
    (
        "joined codes split, labels used",
        pd.Series(["UC+BM", "BM", None]),
        {"BM": "Bone marrow"},
        2,
        "Bone marrow (2), UC (1)",
    ),
    ("k = 1", pd.Series(["AD", "POF", "POF"]), None, 1, "POF (2)"),
]


@pytest.mark.parametrize("rule, series, labels, k, text", TOPS, ids=[t[0] for t in TOPS])
def test_top(rule, series, labels, k, text):
    """_top: the k most frequent codes (ties by name) with their counts, under readable labels."""
    assert narrative._top(series, labels, k) == text, rule


def test_top_defaults_to_two():
    """_top's default k is 2."""
    assert narrative._top(pd.Series(["A", "B", "C", "A"])) == "A (2), B (1)"


CORD = [
    (
        "cord and cord blood both: blood counted apart",
        pd.Series(["UC", "UCB", "UC+UCB", "BM"]),
        " (tissue of the cells or of their vesicles; umbilical cord blood, 2 more, "
        "is counted apart from umbilical cord)",
    ),
    (
        "cord blood without cord: nothing to set apart",
        pd.Series(["UCB", "BM"]),
        " (tissue of the cells or of their vesicles)",
    ),
    ("no cord blood", pd.Series(["UC", None]), " (tissue of the cells or of their vesicles)"),
]


@pytest.mark.parametrize("rule, tissue, text", CORD, ids=[c[0] for c in CORD])
def test_cord_blood_apart(rule, tissue, text):
    """_cord_blood_apart: umbilical cord blood is counted apart from umbilical cord when both occur."""
    assert narrative._cord_blood_apart(tissue) == text, rule


COUNTED = [
    ("most first, then by code", pd.Series(["UC", "BM", "UC+AD", None]), None, {"UC": 2, "AD": 1, "BM": 1}),
    ("with labels", pd.Series(["UC", "BM+UC"]), {"UC": "Umbilical cord"}, {"Umbilical cord (UC)": 2, "BM (BM)": 1}),
]


@pytest.mark.parametrize("rule, values, labels, counts", COUNTED, ids=[c[0] for c in COUNTED])
def test_counted(rule, values, labels, counts):
    """_counted: counts of '+'-joined codes, most first then by code, labelled 'name (code)' when labels are given."""
    assert narrative._counted(values, labels).to_dict() == counts, rule
    assert list(narrative._counted(values, labels).index) == list(counts), rule


def test_printed_twice():
    """printed_twice: a row of Tables 1-2 naming two sources (a '+' in tissue), and only with refs printed."""
    assert narrative.printed_twice(PRINTED, DERIVED) is True
    assert narrative.printed_twice(PRINTED, DERIVED.assign(tissue="UC")) is False
    assert narrative.printed_twice(PRINTED.drop(columns="ref"), DERIVED) is False
    assert narrative.printed_twice(PRINTED, DERIVED.drop(columns="tissue")) is False


def test_preclinical_notice_one_row_naming_two_sources_and_an_unread_setting():
    """One study: 'study'; a missing setting is not 'in vitro', so the row counts as an animal treated."""
    printed = PRINTED.iloc[:1]
    derived = DERIVED.iloc[:1].assign(tissue="UC+BM", setting=None)
    assert narrative._preclinical_notice(printed, derived).startswith(
        "MSC sources: Bone marrow (BM) 1, Umbilical cord (UC) 1; 1 row ([1]) compares two sources and counts under "
        "each, so these counts sum to 2 for 1 study. In 1 of the 1 studies an animal received the MSCs, as printed "
        "(hosts: mouse 1); 0 of the 1 are in vitro only as printed"
    )
    findings = FINDINGS.iloc[:1]
    assert narrative._other_host_titles("msc_studies", printed, derived, findings) == (
        "; [1], one of the mouse rows, cites an article whose title speaks of patients (see the notes under the table)"
    )


def test_table_notice_for_table2_with_an_unnamed_disease_code():
    """Table 2 gets the preclinical notice too; a disease code with no name is shown as the code."""
    derived = DERIVED.assign(disease_code=["ZZ", "ZZ", "AD", "OP"])
    notice = narrative._table_notice("exosome_studies", PRINTED, derived)
    assert notice == (
        "4 rows, one study each. Most concern ZZ (2 of 4) and Alzheimer's disease (1 of 4). "
        + PRECLINICAL.format(product="MSCs", hosts="")
    )


def test_table_notice_for_table3_rows_as_printed():
    """Table 3, rows 1, 2, 3, 7, 8, 12 and 17 as printed (data/clinical_trials.csv), counted by hand.

    Diseases: POF 4 (rows 1-3, 7), AD 2 (8, 12), AS 1 (17). Sources: BM 3 (2, 3, 7), AD 2 (12, 17), then UC
    (1) and UCB (8), cord blood apart from cord. Six rows print an NCT number, two of them (8, 12) 'Completed';
    row 17 is a retrospective cohort study cited as [39]. Rows 7 and 12 are exosomes, row 7's Purpose names
    'MSC-EVs'. Rows 2 and 3 print the same Results text.
    """
    from helpers.data import coded, curated

    rows = [1, 2, 3, 7, 8, 12, 17]
    printed = curated.load("clinical_trials")
    # Kept with their index in the whole table, as a selection keeps them.
    printed = printed[printed["row"].isin(rows)]
    derived = coded.trials()
    derived = derived[derived["row"].isin(rows)]
    assert narrative.table_notice("clinical_trials", printed, derived) == (
        "7 rows. Most rows concern Premature ovarian failure (4), Alzheimer's disease (2); the most used MSC "
        "sources are Bone marrow (3), Adipose tissue (2) (tissue of the cells or of their vesicles; umbilical cord "
        "blood, 1 more, is counted apart from umbilical cord). 6 of the 7 rows print an NCT number, 2 of these the "
        "status 'Completed' (statuses as printed, not checked against ClinicalTrials.gov; the date they were read "
        "is not reported in the review); 1 row is a retrospective cohort study, cited as [39] instead of an NCT "
        "number (so not from ClinicalTrials.gov), with the status 'Completed' printed. 2 of the 7 rows test "
        "MSC-derived vesicles rather than cells (MSC Type printed as exosomes; the Purpose names them with 'EV' "
        "codes, row 7 'MSC-EVs' (extracellular vesicles, small ones for 'sEV'; the review expands neither code)). "
        "Rows 2 and 3 print word for word the same Results text (not checked against the registry). Enrollment is "
        "summed by design and status as printed; the review does not say whether a number is actual or "
        "anticipated."
    )


# 23 codes, 11 of them twice and 12 once: enough tied values that only a stable sort keeps them by name.
TWICE = list("bcfhkloqruw")
MANY = pd.Series([c for c in "abcdefghijklmnopqrstuvw" for _ in range(2 if c in TWICE else 1)])


def test_ties_are_broken_by_name_however_many():
    """_top and _counted: among many equal counts the order is by name (a stable sort after sorting by name)."""
    assert narrative._top(MANY, k=5) == "b (2), c (2), f (2), h (2), k (2)"
    assert list(narrative._counted(MANY).index) == TWICE + [c for c in "adegijmnpstv"]


#: The rows of Tables 1-2 whose Effects name two or more MSC sources, read off the print: Table 1 row 8 (ref 18,
#: POF) "AD-MSCs had better effect ... than UC-MSCs"; Table 1 row 25 (ref 41, OP) "DP-MSCs ... compared to AD-MSCs,
#: UC-MSCs, and AM-MSCs". ("hAD-MSCs" and "rBM-MSC" carry a species letter and are not a bare source name.)
SOURCE_HEADS = (
    "; 2 rows of Tables 1-2 print a comparison of sources in their Effects, each on one disease model: "
    "[18] (POF: AD-MSCs against UC-MSCs) and [41] (OP: DP-MSCs against AD-MSCs, UC-MSCs and AM-MSCs)."
)


@pytest.mark.parametrize(
    "columns, expected",
    [
        pytest.param(
            {"advantages": ["Higher yield than BM\nEasy to obtain", "Faster growth than AD"],
             "disadvantages": ["Fewer cells than UC", "Invasive harvest"]},
            " Its 3 comparative claims ('Higher yield than BM'; 'Faster growth than AD'; 'Fewer cells than UC') "
            "cite no study either" + SOURCE_HEADS,
            id="claims-with-than-in-column-order-then-the-tables-rows",
        ),
        pytest.param(
            {"advantages": ["  Proliferates more than BM  "]},
            " Its 1 comparative claim ('Proliferates more than BM') cites no study either" + SOURCE_HEADS,
            id="one-column-present-line-stripped",
        ),
        pytest.param(
            {"advantages": ["Easy to obtain", "Thane is not a comparison"], "disadvantages": ["Invasive", "Costly"]},
            "",
            id="no-whole-word-than-no-sentence",
        ),
        pytest.param({"tissue": ["UC"]}, "", id="no-claim-columns"),
    ],
)  # fmt: skip
def test_source_comparisons_count_table4_claims_and_name_the_rows_that_compare_sources(columns, expected):
    """Table 4's comparative claims (a line with the word 'than') are counted and quoted; then the rows of
    Tables 1-2 whose Effects compare two or more sources are named with their disease."""
    assert narrative._source_comparisons(pd.DataFrame(columns)) == expected
