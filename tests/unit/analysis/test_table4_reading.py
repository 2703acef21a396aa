"""The Table 4 exhibit read against the print: every number of its "What to notice"."""

from __future__ import annotations

import re

from tests.unit.analysis._stored import markdown_outputs, numbers


def test_every_number_of_the_notice_is_a_recount_of_the_print():
    notice = next(t for t in markdown_outputs("table4") if "tissue sources compared" in t)
    expected = [
        5,  # Table 4 prints five sources: BM, AD, UC, UCB, DP
        # fifth reading 5.3: cells with "than": AD "Better immunomodulation than BM-MSCs", AD "Differentiation
        # potential may be lower than bone marrow sources", UC "Higher cell proliferation capacity than AD-MSCs",
        # UCB "Less osteogenic potential than BM" = 4; Effects comparing sources: Table 1 rows 8 [18] (POF, AD- vs
        # UC-MSCs) and 25 [41] (OP, DP- vs AD-, UC-, AM-MSCs) = 2, in "Tables 1-2"
        4,
        2,
        1,
        2,
        18,
        41,
        4,  # "Table 4 does not describe"
        2,  # amniotic membrane: Table 1 rows 1 ("mAM-MSC", ref. 10) and 23 ("hAM-MSC", ref. 38)
        56,  # of the 28 + 28 rows of Tables 1 and 2
        0,  # no Table 3 row names amnion
        18,  # of the 18 rows of Table 3
        1,  # "which only Table 1 uses" (second reading 2.1: no row of Tables 2-3 names amnion)
        2,  # "(2 studies)"
    ]
    assert numbers(notice) == expected, notice
    assert "Bone marrow, Adipose tissue, Umbilical cord, Umbilical cord blood, Dental pulp" in notice  # printed order
    assert "the review's own assertions" in notice
    assert "which only Table 1 uses (2 studies)" in notice and "Tables 1-3 use" not in notice


def test_no_count_table_of_one_row_per_source():
    assert not any("studies" in t and "MSC source" in t for t in markdown_outputs("table4"))


def test_the_exports_carry_the_audit_s_notes_on_the_legend():
    """Second reading 2.2: "AD: adipose" here is "AD: Alzheimer's disease" in the article list (audit A1), and
    "MSCs: mesenchymal stem cells" is "stem/stromal cells" there (A6); both confirmed in data/audit_review.csv."""
    from tests.conftest import ROOT

    for suffix in ("md", "tex"):
        text = (ROOT / "tables" / f"table4.{suffix}").read_text(encoding="utf-8")
        assert "Audit A1 (warning), legend entry 2" in text, suffix
        assert "Alzheimer" in text and "Audit A6 (check), legend entry 6" in text, suffix


def test_legend_notes_are_the_confirmed_legend_findings_of_that_table_only():
    import pandas as pd

    from helpers.outputs import tables

    findings = pd.DataFrame(
        [
            ("A1 one code, two meanings", "warning", "abbreviations", "table4:2", "m1", "e1", "confirmed"),
            ("A6 one code, another wording", "check", "abbreviations", "table4:6", "m2", "e2", "dismissed"),
            ("A1 one code, two meanings", "warning", "abbreviations", "table1:3", "m3", "e3", "confirmed"),
            ("A3 code missing from its legend", "check", "table4", "2", "m4", "e4", "confirmed"),
        ],
        columns=["rule", "severity", "table", "row", "message", "evidence", "verdict"],
    )
    assert tables.legend_audit_notes(findings, "table4") == ("Audit A1 (warning), legend entry 2: m1 (e1).",)


def test_the_diseases_parameter_says_which_rows_it_keeps():
    """3.5: Table 4 has no disease column; a run keeps the sources that studies of the diseases use. Recounted
    from the printed Source / MSC Type cells of Tables 1-3: POF studies use UC, BM, AD; AD studies UC, BM, AD and
    (Table 3) UCB; AS studies AD, AM, UC, BM; OP studies BM, DP, AD, UC; skin ageing UC, AD, UCB; the one
    weakness study (ref 10) mAM-MSC, a source Table 4 does not describe."""
    text = next(t for t in markdown_outputs("table4") if "no disease column" in t)
    for code, kept in [
        ("POF", "bone marrow, adipose tissue, umbilical cord"),
        ("AD", "bone marrow, adipose tissue, umbilical cord, umbilical cord blood"),
        ("OP", "bone marrow, adipose tissue, umbilical cord, dental pulp"),
        ("SKIN", "adipose tissue, umbilical cord, umbilical cord blood"),
        # fifth reading 5.1: the studies a run loses because Table 4 has no row for their source (Table 1 row 23
        # [38] hAM-MSC for AS; row 1 [10] mAM-MSC, the only WEAK study)
        (
            "AS",
            "bone marrow, adipose tissue, umbilical cord \\(not the 1 study using amniotic membrane, a source "
            "Table 4 does not describe\\)",
        ),
        ("WEAK", "no row \\(its only study uses amniotic membrane, which Table 4 does not describe\\)"),
    ]:
        assert re.search(rf"{code} \([^;]+\) keeps {kept}(;|\.$)", text), (code, text)
    assert "each row as printed" in text


def test_the_legend_notes_say_where_the_review_uses_each_meaning():
    """3.2: the print uses AD for Alzheimer's disease (Abbreviations entry 3, Table 1-3 legends) and for adipose
    (Table 4 legend, Fig. 2 legend "AD, adipose tissue", Abbreviations entry 2 "AD-MSCs"). 3.3: "stem cells" and
    "stem/stromal cells" name the same cells."""
    from tests.conftest import ROOT

    text = " ".join((ROOT / "tables" / "table4.md").read_text(encoding="utf-8").split())
    assert (
        'AD has two meanings in the review: "Alzheimer\'s disease" in the article list and the table1, table2 and '
        'table3 legends, and "adipose" in the table4 legend ("adipose tissue" in the fig2 legend); as part of a '
        "source name"
    ) in text  # fifth reading 5.2: the Fig. 2 legend prints "AD, adipose tissue"
    # 4.1: every source name that carries AD = adipose, with where it is printed (print lines 113, 197;
    # Abbreviations entries 2 and 4; Table 3 legend), so the Table 1-3 legends use AD both ways.
    for names, place in [
        ('"AD-MSCs", "ADMSCs-Exo"', "the article list"),
        ('"hAD-MSC", "mAD-MSC", "rAD-MSC"', "the table1 legend"),
        ('"hAD-MSC", "rAD-MSC", "mAD-MSC"', "the table2 legend"),
        ('"AD-MSC"', "the table3 legend"),
    ]:
        assert f"{names} in {place}" in text, (names, text)
    assert "so the article list and the table1, table2 and table3 legends use it both ways" in text
    assert "something else in the table4 legend" not in text
    assert "words MSCs differently from the article list; the two wordings name one thing" in text
    assert "may name one thing" not in text


def test_a_disease_run_is_titled_as_the_sources_of_those_studies_with_the_disease_spelled_out():
    """4.3, 4.4: Table 4 has no disease column and prints AD as a row (adipose); a run with ``diseases AD`` keeps
    the sources that Alzheimer's disease studies of Tables 1-3 use, which is not the review's advice for AD."""
    from helpers.notebook.params import describe_selection

    assert describe_selection({"diseases": ("AD", "POF")}, exhibit="table4") == (
        "Selection: tissue sources used by the Tables 1-3 studies of Alzheimer's disease (disease code AD), "
        "Premature ovarian failure (disease code POF)"
    )
    assert describe_selection({"diseases": ("AD",)}, exhibit="table1") == "Selection: diseases AD"


def test_the_notes_under_the_legend_are_named_as_what_they_are():
    """4.2: data/transcription_notes.csv has no Table 4 row; what follows the legend are the audit's notes."""
    import json

    from tests.conftest import ROOT

    cells = json.loads((ROOT / "notebooks" / "table4.ipynb").read_text(encoding="utf-8"))["cells"]
    text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert not any("tissue_sources" in line for line in (ROOT / "data" / "transcription_notes.csv").open())
    assert "our transcription notes follow it" not in text
    assert "the audit's notes on the legend follow it (Table 4 has no transcription notes)" in text
    assert "here AD is the disease code (Alzheimer's disease), not the Table 4 row AD (adipose)" in text


def test_the_notice_marks_the_comparative_claims_and_the_tabulated_head_to_heads():
    """Fifth reading 5.3: Table 4's comparisons cite no study; the review tabulates two source comparisons."""
    notice = next(t for t in markdown_outputs("table4") if "tissue sources compared" in t)
    assert "'Higher cell proliferation capacity than AD-MSCs'" in notice
    assert "[18] (POF: AD-MSCs against UC-MSCs) and [41] (OP: DP-MSCs against AD-MSCs, UC-MSCs and AM-MSCs)" in notice


def test_the_rerun_section_shows_the_title_a_disease_run_writes():
    """Fourth reading 4.3 (partly at the fifth): the reader could not see a run's title; "Rerun this" now shows it."""
    text = next(t for t in markdown_outputs("table4") if "titles its files" in t)
    assert "Selection: tissue sources used by the Tables 1-3 studies of Alzheimer's disease (disease code AD)" in text
