"""The Table 4 exhibit read against the print: every number of its "What to notice"."""

from __future__ import annotations

from tests.unit.analysis._stored import markdown_outputs, numbers


def test_every_number_of_the_notice_is_a_recount_of_the_print():
    notice = next(t for t in markdown_outputs("table4") if "tissue sources compared" in t)
    expected = [
        5,  # Table 4 prints five sources: BM, AD, UC, UCB, DP
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
