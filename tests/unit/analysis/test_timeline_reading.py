"""Every number in the timeline's caption and "What to notice", against the years of the printed reference list."""

from __future__ import annotations

import re

import pytest

from helpers.analysis import gapmap, timeline
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
# Printed effects near a category the definitions do not count (third reading 3.3, 3.4), in caption order
# (Bone remodelling, then Paracrine): [72], [73] (2021, "in osteoclasts"); [32] (2018, "neurotrophic factor secretion").
BOUNDARY = [(72, 2021), (73, 2021), (32, 2018)]


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


@pytest.fixture(scope="module")
def found(studies):
    return timeline.caveats(studies, audit.frame(audit.findings(gapmap.AUDIT_RULES), audit.reviewed()))


def test_the_caption_states_only_recounted_numbers(studies, found):
    text = narrative.timeline_note(studies, found)
    expected = [timeline.FEW_STUDIES, sum(IN_VITRO.values()), STUDIES]
    for year, n in IN_VITRO.items():
        expected += [year, n]
    # Fourth reading 4.2: rows under 'No pathway family' naming a transcription factor: Table 1 row 4 ([13],
    # NR4A1) and Table 2 row 3 ([51], "KLF6 and ATF4-ATF3-CHOP pathways").
    expected += [4, 13, 3, 51]
    for row, ref, year in FLAGGED:
        expected += [row, ref, year]  # "Table 1" is a name, not a count
    # Printed models of another condition (gap map third reading 3.2, the rule the two exhibits share): Table 1
    # rows 8 ([18], 2024) and 13 ([24], 2018), naturally aged mice alone under POF; Table 2 row 25 ([80], 2024),
    # a surgical bone-defect model filed under OP (2.5).
    # Row 13 ([24]) is in the audit list already, so it is named by row only (fourth reading #3.7).
    expected += [8, 18, 2024, 13, 25, 80, 2024]
    for ref, year in BOUNDARY:
        expected += [ref, year]
    for row, ref, year in REMOVED:
        expected += [row, ref, year]
    assert numbers(text) == expected
    assert "year printed in the review's reference list" in text
    assert "in vitro only" not in text.replace("not the same as in vitro only", "")
    assert "places Nrf2 only in the donor cells" in text  # 2.7: the curated removal is said, with its reason


def test_each_questioned_row_is_named_once_and_the_reviewed_reason_sits_in_the_evidence(studies, found):
    """Third reading 3.7: [24] was listed twice, once with a reviewer's note ("Reviewed: ..."); now once in the
    caption, marked as possibly clinical, and the reviewed reason (the review's text presents it as a clinical
    study, second reading #7) in the evidence CSV's caveat column."""
    text = narrative.timeline_note(studies, found)
    # Once among the questioned rows; the rows whose printed model is of another condition name it by row only
    # (fourth reading #3.7), and its model's reason sits in the evidence CSV.
    assert text.count("[24]") == 1
    assert "Table 1 row 13 (above)" in text
    assert "([24], 2018; R3; possibly a clinical study, not in Table 3)" in text
    assert "Reviewed" not in text and "audit cannot see" not in text
    shown = timeline.evidence(studies, found).set_index("ref")
    assert "review's own text presents the same study as a clinical one" in shown.loc[24, "caveat"]
    assert "R1" in shown.loc[37, "caveat"] and "places Nrf2 only in the donor cells" in shown.loc[31, "caveat"]


def test_the_evidence_does_not_call_a_row_without_an_animal_arm_in_vitro(studies, found):
    """Third reading 3.5: the nine rows print no animal arm; [58]'s Effects cell speaks of AD model mice."""
    shown = timeline.evidence(studies, found)
    assert "in vitro" not in set(shown["setting"])
    no_arm = shown[shown["setting"] == "no animal arm printed"]
    assert no_arm.groupby("year").size().to_dict() == IN_VITRO
    assert "W6" in no_arm.set_index("ref").loc[58, "caveat"]


@pytest.mark.parametrize(
    "ref, category, printed",
    [
        (32, "Paracrine & trophic factors", "neurotrophic factor secretion"),  # T1 row 18 (3.3)
        (
            72,
            "Bone remodelling",
            "in osteoclasts",
        ),  # T2 row 19: "...NLRP3 inflammasome activation in osteoclasts" (3.4)
        (73, "Bone remodelling", "in osteoclasts"),  # T2 row 20: "...therapeutic effects in osteoclasts" (3.4)
    ],
)
def test_a_boundary_call_is_named_with_the_printed_words(studies, found, ref, category, printed):
    """Third reading 3.3, 3.4: a category the printed words come close to but the definitions do not count."""
    line = found.boundary.set_index("ref").loc[ref]
    assert (line["category"], line["printed"]) == (category, printed)
    named = studies.set_index("ref").loc[ref, "mechanisms"]
    assert category not in str(named).split("; ")
    assert f"[{ref}]" in narrative.timeline_note(studies, found)


def test_every_table_of_years_shows_the_empty_year(studies):
    """Third reading 3.6: 2017 has no tabulated study, yet the figure draws it; the notebook tables show it too."""
    assert timeline.year_totals(studies).to_dict() == {
        2015: 2,
        2016: 1,
        2017: 0,
        2018: 3,
        2019: 4,
        2020: 9,
        2021: 9,
        2022: 10,
        2023: 6,
        2024: 12,
    }
    by_table = timeline.tables_by_year(studies)
    assert list(by_table.columns) == list(range(2015, 2025))
    assert by_table[2017].tolist() == [0, 0]
    assert by_table.loc["table1"].tolist() == [2, 1, 0, 3, 3, 2, 2, 7, 4, 4]
    assert by_table.loc["table2"].tolist() == [0, 0, 0, 0, 1, 7, 7, 3, 2, 8]


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


def test_each_reference_is_named_once_and_the_wording_follows_the_gap_map(studies, found):
    """Fourth reading #3.7, 4.1, 4.4, 4.5: [24] once; the gap map's no-animal-arm rule; the other-condition list
    worded as the pairs checked; 'host' in the R-rule gloss."""
    from helpers.analysis.gapmap import NO_ANIMAL_ARM_MEANS, other_condition_rule

    text = narrative.timeline_note(studies, found)
    refs = re.findall(r"\[(\d+)\]", text)
    assert len(refs) == len(set(refs))  # every reference once
    assert "no route into an animal" not in text and NO_ANIMAL_ARM_MEANS in text
    assert other_condition_rule() in text and "another mismatch shows only as an audit finding" in text
    assert "another disease, MSC source, host or setting, or product" in text


def test_the_no_pathway_row_says_what_it_leaves_out(studies):
    """Fourth reading 4.2: T2 row 3 ([51]) prints 'KLF6 and ATF4-ATF3-CHOP pathways', regulators in
    data/categories.csv; the row label and the caption say so."""
    assert timeline.NONE_NAMED["pathways"] == "No pathway family (data/categories.csv)"
    text = narrative.timeline_note(studies)
    assert "Table 2 row 3 ([51]: ATF4–ATF3–CHOP (stress response); KLF6)" in text and "are not drawn" in text


def test_the_category_table_has_every_year(studies):
    """Fourth reading 4.3: no tabulated reference is dated 2017; its column is kept with zeros."""
    named = timeline.named_by_year(studies)
    assert list(named.columns) == list(range(2015, 2025)) and named[2017].sum() == 0


def test_the_transcription_factor_sentence_is_the_categories_files_split(studies, found):
    """Fifth reading 5.1: NF-κB (T1 rows 11, 21: [22], [35]; T2 row 16: [68]) and Nrf2/HO-1 (T2 row 21: [74])
    are drawn as families, so the caption names the file's four regulators as what is left out, not every
    transcription factor."""
    text = narrative.timeline_note(studies, found)
    assert "a transcription factor named in an Effects cell is a regulator there" not in text
    regulators = text.split("defines as regulators (")[1].split(") are not drawn")[0]
    assert regulators.split("; ") == [
        "FoxO (FOXO1, FOXO3a)",
        "KLF6",
        "NR4A1 (nuclear receptor)",
        "ATF4–ATF3–CHOP (stress response)",
    ]
    assert "NF-κB and Nrf2/HO-1, transcription-factor systems too, are drawn as pathway families" in text


def test_the_nrf2_definition_covers_treated_cells_in_a_dish():
    """Fifth reading 5.2: [74] (T2 row 21, co-culture with MC3T3-E1 cells, "regulating the Nrf2/HO-1 axis") has
    no host tissue; the definition says treated (recipient) cells or tissue, not the donor MSCs."""
    from helpers.data import curated

    categories = curated.load("categories").set_index("tag")
    definition = categories.loc["nrf2_ho1", "definition"]
    assert "treated (recipient) cells or tissue" in definition and "not in the donor MSCs" in definition
    assert "in the host tissue" not in definition


def test_the_exosome_mimetics_among_the_hatched_are_named_once(studies, found):
    """Fifth reading 5.3: Table 2 rows 17 ([70], 2024, "exosome-mimetic nanoparticles" in its title) and 18 ([71],
    2020, "mimetic nanovesicles" in its Effects cell) are hatched as printed; each is named once, in place."""
    text = narrative.timeline_note(studies, found)
    said = re.findall(r"Table 2 row (\d+) \(\[(\d+)\], (\d+); R4; exosome mimetics", text)
    assert said == [("17", "70", "2024"), ("18", "71", "2020")]
    assert text.count("[70]") == 1 and text.count("[71]") == 1
    assert "the exosome mimetics among the hatched are named below" in text
