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
        1,  # "Tables 1-3"
        3,
    ]
    assert numbers(notice) == expected, notice
    assert "Bone marrow, Adipose tissue, Umbilical cord, Umbilical cord blood, Dental pulp" in notice  # printed order
    assert "the review's own assertions" in notice


def test_no_count_table_of_one_row_per_source():
    assert not any("studies" in t and "MSC source" in t for t in markdown_outputs("table4"))
