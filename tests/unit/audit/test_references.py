"""Rule family R to the letter (``helpers.audit.references``): what a cited title names, and each finding.

The vocabularies are the module's documented reading of a title: disease
words (the review's six codes and the other diseases a title may be about
instead), MSC tissue words and host words, all case-insensitive. Each case
below is a short title written to hit one alternative of one entry, so a
broken pattern or a wrong code shows. The findings are then pinned whole:
severity, table, row, printed field, evidence (the cell as printed, the
reference number and its title in quotes) and message, as the rules'
docstrings describe them.
"""

from __future__ import annotations

import pytest

from helpers.audit.references import TITLE_DISEASES, TITLE_HOSTS, TITLE_TISSUES, _named
from helpers.audit.registry import RULES, Finding
from tests.unit.audit.test_audit import NA, legends, refs, rows


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Premature ovarian failure", {"POF"}),
        ("MSCs in a POI model", {"POF"}),
        ("MSCs in POF rats", {"POF"}),
        ("Ovaries of aged rats", {"POF"}),
        ("Oocyte quality after therapy", {"POF"}),
        ("SPOF is no disease", set()),  # POF only as a word
        ("Alzheimer's disease", {"AD"}),
        ("MSCs in AD mice", {"AD"}),
        ("AD-MSCs in rats", set()),  # AD-MSC names a source
        ("ADMSCs in rats", set()),
        ("Amyloid plaques", {"AD"}),
        ("Atherosclerosis in mice", {"AS"}),
        ("Atherosclerotic plaque", {"AS"}),
        ("Arteriosclerosis in rabbits", {"AS"}),
        ("Osteoporotic fracture", {"OP"}),
        ("Bone loss in aged mice", {"OP"}),
        ("Skin wounds", {"SKIN"}),
        ("Photoageing of the face", {"SKIN"}),
        ("Photodamage repair", {"SKIN"}),
        ("Premature ageing", {"WEAK"}),
        ("Premature aging", {"WEAK"}),
        ("Myocardial infarction", {"myocardial infarction"}),
        ("Cancers of the breast", {"cancer"}),
        ("Ischemic stroke", {"ischaemia"}),
        ("Ischaemic stroke", {"ischaemia"}),
        ("Ankylosing spondylitis", {"ankylosing spondylitis"}),
        ("ALZHEIMER and OSTEOPOROSIS", {"AD", "OP"}),  # any case; several at once
    ],
)
def test_title_disease_words_name_their_code(title, expected):
    """Rule: each disease word of TITLE_DISEASES, in any case, names its disease."""
    assert _named(title, TITLE_DISEASES) == expected


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Umbilical cord blood MSCs", {"UCB"}),
        ("UCB-derived cells", {"UCB"}),
        ("Umbilical cord MSCs", {"UC"}),
        ("hUC-MSCs", {"UC"}),
        ("UCMSC exosomes", {"UC"}),
        ("Wharton's jelly cells", {"UC"}),
        ("Bone marrow MSCs", {"BM"}),
        ("BM-MSCs", {"BM"}),
        ("BMSCs", {"BM"}),
        ("Adipose tissue", {"AD"}),
        ("AD-MSCs", {"AD"}),
        ("ADSCs", {"AD"}),
        ("Amnion cells", {"AM"}),
        ("Amniotic fluid", {"AM"}),
        ("Dental pulp", {"DP"}),
        ("DPSCs", {"DP"}),
        ("DP-MSCs", {"DP"}),
        ("Gingival cells", {"gingiva"}),
        ("hGMSCs", {"gingiva"}),
        ("Placental MSCs", {"placenta"}),
        ("Mesenchymal stem cells", set()),
    ],
)
def test_title_tissue_words_name_their_source(title, expected):
    """Rule: each tissue word of TITLE_TISSUES, in any case, names its MSC source."""
    assert _named(title, TITLE_TISSUES) == expected


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Mice", {"mouse"}),
        ("A mouse model", {"mouse"}),
        ("Murine cells", {"mouse"}),
        ("Rats", {"rat"}),
        ("A rat model", {"rat"}),
        ("After radiation", set()),  # rat inside a word
        ("Rabbits", {"rabbit"}),
        ("Patients", {"patients"}),
        ("Women over 40", {"patients"}),
        ("A clinical trial", {"patients"}),
        ("A cohort study", {"patients"}),
        ("Healthy volunteers", {"patients"}),
        ("Neurons in vitro", {"in vitro"}),
        ("In vitro and in mice", {"in vitro", "mouse"}),
    ],
)
def test_title_host_words_name_their_host(title, expected):
    """Rule: each host word of TITLE_HOSTS, in any case, names who or what was treated."""
    assert _named(title, TITLE_HOSTS) == expected


def finding(rule_id: str, row: dict, title: str, ref: object = 7) -> list[Finding]:
    """One rule over one row that cites reference 7, whose title is given."""
    frames = {"rows": rows({"ref": ref, **row}), "references": refs({"ref": 7, "title": title})}
    frames["abbreviations"] = legends()  # R2 asks the legends whether they expand a title's abbreviation
    return RULES[rule_id].check(*(frames[n] for n in RULES[rule_id].needs))


TITLE = "Hydrogel MSCs for myocardial infarction and cancer"


@pytest.mark.parametrize(
    "rule_id, row, title, expected",
    [
        (
            "R1",
            {"disease": "Alzheimer", "disease_code": "AD"},
            TITLE,
            Finding(
                "R1",
                "warning",
                "table1",
                "1",
                "disease",
                f'table1 row 1 disease "Alzheimer"; reference 7 title "{TITLE}"',
                "The cited article's title speaks of cancer, myocardial infarction, not the row's AD.",
            ),
        ),
        (
            "R1",  # Table 3's disease is printed as disease_type
            {"table": "table3", "disease": "POF", "disease_code": "POF"},
            "Osteoporosis trial",
            Finding(
                "R1",
                "warning",
                "table3",
                "1",
                "disease_type",
                'table3 row 1 disease_type "POF"; reference 7 title "Osteoporosis trial"',
                "The cited article's title speaks of OP, not the row's POF.",
            ),
        ),
        (
            "R2",
            {"source": "hUC-MSC + AD-MSC", "tissue": "UC+AD"},
            "Bone marrow and dental pulp MSCs",
            Finding(
                "R2",
                "warning",
                "table1",
                "1",
                "source",
                'table1 row 1 source "hUC-MSC + AD-MSC"; reference 7 title "Bone marrow and dental pulp MSCs"',
                # Second reading (audit 2.11): the title's tissues in words, not the project's codes.
                "The cited article's title speaks of MSCs from bone marrow and dental pulp, not the row's AD, UC.",
            ),
        ),
        (
            "R3",
            {"animal_model": "SD rats", "host_species": "rat"},
            "MSCs in mice and rabbits",
            Finding(
                "R3",
                "warning",
                "table1",
                "1",
                "animal_model",
                'table1 row 1 animal_model "SD rats"; reference 7 title "MSCs in mice and rabbits"',
                "The cited article's title speaks of mice and rabbits, while the row is about rats.",
            ),
        ),
        (
            "R3",  # only in vitro against in vivo: a check
            {"animal_model": "5XFAD mice"},
            "Neurons in vitro",
            Finding(
                "R3",
                "check",
                "table1",
                "1",
                "animal_model",
                'table1 row 1 animal_model "5XFAD mice"; reference 7 title "Neurons in vitro"',
                "The cited article's title speaks of cells in vitro, while the row is about mice.",
            ),
        ),
        (
            "R3",  # a trial is about patients; its place is the printed disease_type
            {"table": "table3", "disease": "POF", "host_species": NA, "setting": NA},
            "Ovaries of rats",
            Finding(
                "R3",
                "warning",
                "table3",
                "1",
                "disease_type",
                'table3 row 1 disease_type "POF"; reference 7 title "Ovaries of rats"',
                "The cited article's title speaks of rats, while the row is about patients.",
            ),
        ),
    ],
)
def test_findings_quote_the_cell_and_the_cited_title(rule_id, row, title, expected):
    """Rule: a finding names the printed cell, the reference and its title, and what the title speaks of."""
    assert finding(rule_id, row, title) == [expected]


@pytest.mark.parametrize(
    "row, title, expected",
    [
        # in vitro and one other host: only the setting differs, a check
        ({"setting": "in vitro", "host_species": NA}, "Treated mice", "check"),
        ({"setting": "in vitro", "host_species": NA}, "POF patients", "check"),
        # another species as well as in vitro: a warning
        ({"setting": "in vivo", "host_species": "rat"}, "Mice and cells in vitro", "warning"),
        ({"setting": "in vivo", "host_species": "rat"}, "Rabbits", "warning"),
        # no disagreement once either host matches; in vivo with no species says nothing of the host
        ({"setting": "in vivo + in vitro", "host_species": "rat"}, "Neurons in vitro", None),
        ({"setting": "in vivo + in vitro", "host_species": "rat"}, "Old rats", None),
        ({"setting": "in vivo", "host_species": NA}, "Rabbits", None),
        ({"setting": NA, "host_species": "rat"}, "Rabbits", None),
        ({"setting": "in vitro", "host_species": "rat"}, "Rats", "check"),  # in vitro only: the species is a donor's
    ],
)
def test_r3_severity_is_check_only_between_in_vitro_and_one_host(row, title, expected):
    """Rule: R3 warns when another species or patients are named; in vitro against in vivo is a check."""
    found = finding("R3", row, title)
    assert [f.severity for f in found] == ([expected] if expected else [])


@pytest.mark.parametrize(
    "ref, expected",
    [
        (7, 1),
        (7.0, 1),  # a number read as float still cites reference 7
        ("7", 1),
        (8, 0),  # a reference not in the list: nothing to compare
        (NA, 0),
    ],
)
def test_only_a_row_citing_a_listed_reference_is_compared(ref, expected):
    """Rule: the rules compare a row with the title of the reference it prints, and only then."""
    assert len(finding("R1", {"disease_code": "AD"}, "Osteoporosis", ref=ref)) == expected


@pytest.mark.parametrize(
    "rule_id, row",
    [
        ("R1", {"disease_code": NA}),  # a row without a disease code
        ("R2", {"tissue": NA}),  # a row without a source
        ("R1", {"disease_code": "OP"}),  # the title names the row's own disease
        ("R2", {"tissue": "UC+OTHER"}),  # one of the row's sources is named
    ],
)
def test_rows_without_a_code_or_with_an_agreeing_title_are_silent(rule_id, row):
    """Rule: R1 and R2 fire only when the row has a code and the title names only others."""
    assert finding(rule_id, row, "Umbilical cord MSCs in osteoporosis") == []
