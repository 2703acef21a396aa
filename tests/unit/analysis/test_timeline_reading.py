"""Every number in the timeline's caption and "What to notice", against the years of the printed reference list."""

from __future__ import annotations

import pytest

from helpers.analysis import gapmap, timeline
from helpers.analysis import trials as trial_lines
from helpers.audit import runner as audit
from helpers.data import coded
from helpers.outputs import narrative
from tests.unit.analysis._numbers import numbers

# Recount: the year printed for each reference cited by Tables 1-2 (refs 10-83), per year (Table 1 + Table 2):
# 2015 2, 2016 1, 2017 0, 2018 3, 2019 4, 2020 9, 2021 9, 2022 10, 2023 6, 2024 12; 56 in all.
STUDIES = 56
FROM_2022, FROM_2021 = 10 + 6 + 12, 9 + 10 + 6 + 12  # 28 and 37
MSC, EXO, MSC_MEDIAN, EXO_MEDIAN = 28, 28, 2022, 2021
# No animal arm printed (no route into an animal), with the printed year of the cited reference: [25] 2016,
# [44] 2019, [55] [58] [71] [82] 2020, [74] 2023, [54] [81] 2024. Not "in vitro only": [58]'s Effects cell
# speaks of AD model mice (second reading 2.4).
IN_VITRO = {2016: 1, 2019: 1, 2020: 4, 2023: 1, 2024: 2}
# Rows an audit finding questions, with ref and year: cited title about another disease, source or setting
# (Table 1 rows 13, 22, 26), another product ([44] conditioned medium, Table 1 row 28; [55], Table 2 row 7;
# [58], Table 2 row 9), and [58]'s Effects cell speaking of mice (second reading #9, 2.4).
# Rows the audit questions (R1-R4, W6): (row, ref, year printed in the reference list). The six of the second
# reading, then Table 2 rows 17 and 18 ([70], 2024; [71], 2020), the exosome mimetics R4 reports since audit 2.5.
FLAGGED = [
    (13, 24, 2018),
    (22, 37, 2015),
    (26, 42, 2020),
    (28, 44, 2019),
    (7, 55, 2020),
    (9, 58, 2020),
    (17, 70, 2024),
    (18, 71, 2020),
]
# Tags curation removes (data/curated_tags.csv): Nrf2/HO-1 for Table 1 row 17 ([31], 2022), and
# anti-apoptosis for Table 1 row 24 ([40], 2018) (second reading 2.7).
REMOVED = [(17, 31, 2022), (24, 40, 2018)]


@pytest.fixture(scope="module")
def studies():
    return coded.studies()


def test_what_to_notice_states_only_recounted_numbers(studies):
    text = narrative.timeline_notice(studies)
    assert numbers(text) == [
        STUDIES,
        2015,
        2024,
        FROM_2022,
        STUDIES,
        2022,
        FROM_2021,
        STUDIES,
        2021,
        MSC,
        MSC_MEDIAN,
        EXO,
        EXO_MEDIAN,
        0,
        2017,
        12,
        2024,
    ]
    assert "cannot show whether exosomes replaced cells" in text


def test_the_caption_states_only_recounted_numbers(studies):
    findings = audit.frame(audit.findings(gapmap.AUDIT_RULES), audit.reviewed())
    elsewhere = trial_lines.clinical_elsewhere(findings, studies)
    removals = timeline.curated_removals(studies)
    other = gapmap.other_model_rows(studies)
    text = narrative.timeline_note(studies, gapmap.flagged_in(studies, findings), elsewhere, removals, other)
    expected = [timeline.FEW_STUDIES, sum(IN_VITRO.values()), STUDIES]
    for year, n in IN_VITRO.items():
        expected += [year, n]
    for row, ref, year in FLAGGED:
        expected += [row, ref, year]  # "Table 1" is a name, not a count
    # Printed models of another condition (gap map third reading 3.2, the rule the two exhibits share): Table 1
    # rows 8 ([18], 2024) and 13 ([24], 2018), naturally aged mice alone under POF; Table 2 row 25 ([80], 2024),
    # a surgical bone-defect model filed under OP (2.5).
    expected += [8, 18, 2024, 13, 24, 2018, 25, 80, 2024]
    expected += [13, 24]  # Table 1 row 13 ([24]): possibly a clinical study that Table 3 does not list
    for row, ref, year in REMOVED:
        expected += [row, ref, year]
    assert numbers(text) == expected
    assert "year printed in the review's reference list" in text
    assert "in vitro only" not in text.replace("not the same as in vitro only", "")
    # Second reading #7: the review's text, not only the title, makes [24] a clinical study.
    assert "review's own text presents the same study as a clinical one" in text
    assert "Nrf2 acts in the donor cells" in text  # 2.7: the curated removal is said, with its reason
    assert timeline.FEW_STUDIES == 5  # 2015-2019 have 2, 1, 0, 3, 4 studies: the reader's n < 5


def test_weakness_is_named_as_printed_as_in_the_gap_map(studies):
    """Second reading 2.6: Table 1 row 1 prints "weakness"; both exhibits put the printed word first."""
    counts = timeline.by_year(studies)
    assert "Weakness, as printed (premature-aging model)" in set(counts["disease"])
    assert gapmap.disease_label("WEAK") == "Weakness, as printed (premature-aging model)"


def _authored_markdown() -> str:
    import json

    from tests.conftest import ROOT

    nb = json.loads((ROOT / "notebooks" / "timeline.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


@pytest.mark.parametrize(
    "claim",
    [
        "1 to 12 studies a year",  # 2017 has none (second reading 2.3)
        "every column adds up to what was tabulated",  # a study naming several categories counts in each (2.2)
        "favours recent papers",  # the print states no selection criteria (2.9)
    ],
)
def test_the_authored_text_makes_no_claim_the_print_contradicts(claim):
    assert claim not in _authored_markdown()


def test_a_column_can_sum_to_more_than_its_year():
    """Why the text says so: 2015 has 2 tabulated studies (refs 10 and 37), and ref 37's Effects cell names three
    mechanisms while ref 10's names none, so the 2015 column of the mechanism block holds 4 marks for 2 studies."""
    import pandas as pd

    from tests.conftest import ROOT

    studies = pd.read_csv(ROOT / "tables" / "studies.csv")
    year = studies[studies["year"] == 2015]
    marks = sum(max(1, len(str(m).split("; "))) if pd.notna(m) else 1 for m in year["mechanisms"])
    assert (sorted(year["ref"]), len(year), marks) == ([10, 37], 2, 4)
    assert "can add up to more than its `n`" in _authored_markdown()
