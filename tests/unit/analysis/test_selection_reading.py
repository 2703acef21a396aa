"""The role of every one of the review's 83 references, as read from the print, and the selection exhibit's numbers.

Expected values are our reading of the seed text: the Ref. columns of Tables 1-2, the NCT number column of
Table 3, the reference list, and every place the body text cites a reference that no table row uses.
"""

from __future__ import annotations

import os
import re

import pandas as pd
import pytest

from helpers.analysis import selection
from helpers.data import curated
from helpers.outputs import narrative
from tests.conftest import ROOT, SEED
from tests.unit.analysis._numbers import numbers

MSC, EXO, TRIAL = "tabulated MSC study", "tabulated exosome study", "source of a tabulated trial"
PRIMARY, REVIEW, METHOD = "primary study, cited in the text only", "review or background", "method or guideline"

# Read from the printed Ref. column of Table 1, rows 1-28 in order.
TABLE1_REFS = [10, 11, 12, 13, 14, 15, 16, 18, 19, 21, 22, 23, 24, 25, 28, 29, 31, 32, 33, 34, 35, 37, 38, 40, 41, 42]
TABLE1_REFS += [43, 44]
# Read from the printed Ref. column of Table 2, rows 1-28 in order.
TABLE2_REFS = [48, 49, 51, 52, 53, 54, 55, 57, 58, 60, 61, 62, 63, 66, 67, 68, 70, 71, 72, 73, 74, 75, 77, 78, 80, 81]
TABLE2_REFS += [82, 83]

# Every reference's role from our reading. Refs 1-2 (Introduction), 3-4 (Aging in general) and 5, 7-9 (MSC basics)
# are cited for general statements and their titles name a field, not an experiment; 6 is the ISCT position
# statement; 39 is printed in Table 3 row 17's NCT column; 64's entry prints NCT04388982, Table 3 row 12's number;
# the other text-only references are cited for a finding of one study (17, 20, 26, 27, 30, 36, 45, 46 in the part
# on MSCs; 47, 50, 56, 59, 65, 69, 76, 79 in the part on exosomes).
EXPECTED: dict[int, str] = {
    1: REVIEW,
    2: REVIEW,
    3: REVIEW,
    4: REVIEW,
    5: REVIEW,
    6: METHOD,
    7: REVIEW,
    8: REVIEW,
    9: REVIEW,
    10: MSC,
    11: MSC,
    12: MSC,
    13: MSC,
    14: MSC,
    15: MSC,
    16: MSC,
    17: PRIMARY,
    18: MSC,
    19: MSC,
    20: PRIMARY,
    21: MSC,
    22: MSC,
    23: MSC,
    24: MSC,
    25: MSC,
    26: PRIMARY,
    27: PRIMARY,
    28: MSC,
    29: MSC,
    30: PRIMARY,
    31: MSC,
    32: MSC,
    33: MSC,
    34: MSC,
    35: MSC,
    36: PRIMARY,
    37: MSC,
    38: MSC,
    39: TRIAL,
    40: MSC,
    41: MSC,
    42: MSC,
    43: MSC,
    44: MSC,
    45: PRIMARY,
    46: PRIMARY,
    47: PRIMARY,
    48: EXO,
    49: EXO,
    50: PRIMARY,
    51: EXO,
    52: EXO,
    53: EXO,
    54: EXO,
    55: EXO,
    56: PRIMARY,
    57: EXO,
    58: EXO,
    59: PRIMARY,
    60: EXO,
    61: EXO,
    62: EXO,
    63: EXO,
    64: TRIAL,
    65: PRIMARY,
    66: EXO,
    67: EXO,
    68: EXO,
    69: PRIMARY,
    70: EXO,
    71: EXO,
    72: EXO,
    73: EXO,
    74: EXO,
    75: EXO,
    76: PRIMARY,
    77: EXO,
    78: EXO,
    79: PRIMARY,
    80: EXO,
    81: EXO,
    82: EXO,
    83: EXO,
}
# The rows the tabulated references back, from the printed tables.
TABLE_ROWS = {ref: f"Table 1 row {i}" for i, ref in enumerate(TABLE1_REFS, 1)}
TABLE_ROWS |= {ref: f"Table 2 row {i}" for i, ref in enumerate(TABLE2_REFS, 1)}
TABLE_ROWS |= {39: "Table 3 row 17", 64: "Table 3 row 12"}
# Where the body text cites each text-only reference (the part and its printed disease heading).
SECTIONS = {
    1: "Introduction",
    2: "Introduction",
    3: "Aging in general",
    4: "Aging in general",
    **dict.fromkeys((5, 6, 7, 8, 9), "Basic characteristics of MSCs and MSC-exosomes"),
    17: "MSCs / Premature ovarian failure",
    20: "MSCs / Premature ovarian failure",
    26: "MSCs / Alzheimer's disease",
    27: "MSCs / Alzheimer's disease",
    30: "MSCs / Alzheimer's disease",
    36: "MSCs / Atherosclerosis",
    39: "MSCs / Atherosclerosis",
    45: "MSCs / Skin aging",
    46: "MSCs / Skin aging",
    47: "MSC-Exos (opening paragraph)",
    50: "MSC-Exos / Premature ovarian failure",
    56: "MSC-Exos / Alzheimer's disease",
    59: "MSC-Exos / Alzheimer's disease",
    64: "MSC-Exos / Alzheimer's disease",
    65: "MSC-Exos / Atherosclerosis",
    69: "MSC-Exos / Atherosclerosis",
    76: "MSC-Exos / Osteoporosis",
    79: "MSC-Exos / Osteoporosis",
}
#: Where the print does not decide between a primary study and a review (the note says so).
UNDECIDED = {56, 59}


@pytest.fixture(scope="module")
def roles():
    return selection.roles()


@pytest.fixture(scope="module")
def curated_roles():
    return curated.load("reference_roles")


def test_the_expectations_cover_the_83_references_once():
    assert sorted(EXPECTED) == list(range(1, 84))
    assert len(TABLE1_REFS) == len(set(TABLE1_REFS)) == 28
    assert len(TABLE2_REFS) == len(set(TABLE2_REFS)) == 28


@pytest.mark.parametrize(("ref", "role"), sorted(EXPECTED.items()))
def test_each_reference_has_the_role_read_from_the_print(curated_roles, ref, role):
    row = curated_roles[curated_roles["ref"] == ref]
    assert len(row) == 1
    assert row["role"].iloc[0] == role


@pytest.mark.parametrize(("ref", "rows"), sorted(TABLE_ROWS.items()))
def test_the_derived_roles_agree_with_the_printed_tables(ref, rows):
    derived = selection.derived_roles().set_index("ref")
    assert derived.at[ref, "table_rows"] == rows
    assert derived.at[ref, "role"] == EXPECTED[ref]


def test_the_tables_decide_exactly_the_tabulated_roles(curated_roles):
    """The curated column cannot drift: the refs the code derives are those curated with a table role, same rows."""
    derived = selection.derived_roles()
    tabulated = curated_roles[curated_roles["role"].isin([MSC, EXO, TRIAL])]
    assert sorted(derived["ref"]) == sorted(tabulated["ref"]) == sorted(TABLE_ROWS)
    mine = {int(r): (str(role), str(rows)) for r, role, rows in tabulated[["ref", "role", "table_rows"]].values}
    theirs = {int(r): (str(role), str(rows)) for r, role, rows in derived[["ref", "role", "table_rows"]].values}
    assert mine == theirs


@pytest.mark.parametrize(
    ("ref", "field", "value"),
    [
        (2, "role", MSC),
        (10, "role", EXO),
        (17, "role", MSC),
        (39, "role", PRIMARY),
        (10, "table_rows", "Table 1 row 2"),
    ],
)
def test_a_curated_role_that_drifts_from_the_tables_is_refused(curated_roles, ref, field, value):
    drifted = curated_roles.copy()
    drifted.loc[drifted["ref"] == ref, field] = value
    with pytest.raises(ValueError, match=rf"\[{ref}\]"):
        selection.roles(drifted)


def test_a_reference_backing_rows_of_two_tables_is_refused():
    printed = {name: curated.load(name) for name in selection.TABLE_ROLES}
    printed["exosome_studies"] = printed["exosome_studies"].assign(ref=[10, *printed["exosome_studies"]["ref"][1:]])
    with pytest.raises(ValueError, match=r"\[10\] backs rows of Table 1, Table 2"):
        selection.derived_roles(printed)


@pytest.mark.parametrize(("ref", "section"), sorted(SECTIONS.items()))
def test_text_only_references_say_where_the_text_cites_them(curated_roles, ref, section):
    row = curated_roles.set_index("ref").loc[ref]
    assert row["text_section"] == section
    assert str(row["evidence"]).strip()


@pytest.mark.parametrize("ref", sorted(r for r, role in EXPECTED.items() if role in (PRIMARY, REVIEW, METHOD, TRIAL)))
def test_title_words_are_printed_in_the_reference_s_title(curated_roles, ref):
    words = curated_roles.set_index("ref").at[ref, "title_words"]
    title = curated.load("references").set_index("ref").at[ref, "title"]
    assert isinstance(words, str) and words and words in title


def test_the_undecided_ones_say_so_and_no_other_does(curated_roles):
    noted = curated_roles["note"].astype("string").fillna("")
    said = set(curated_roles.loc[noted.str.contains("does not let us decide"), "ref"])
    assert said == UNDECIDED


#: The seed's headings that open a part or a disease section of the body text, and how SECTIONS names them.
_PART_MSC_EXOS = "MSC-Exos from different sources in the treatment of aging-related diseases"
_DISEASES = ("Premature ovarian failure", "Alzheimer's disease", "Atherosclerosis", "Osteoporosis", "Skin aging")


def _citations(text: str) -> set[int]:
    """The reference numbers cited in ``text``: ``[3]``, ``[13, 14]``, ``[5–9]``."""
    out: set[int] = set()
    for group in re.findall(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]", text):
        for part in re.split(r"\s*,\s*", group):
            ends = [int(n) for n in re.split(r"\s*[–-]\s*", part)]
            out |= set(range(ends[0], ends[-1] + 1))
    return out


def _cited_by_section(seed: str) -> dict[int, set[str]]:
    """Where the body text (before the reference list; table rows, which are tab-separated, left out) cites each
    reference, named as in SECTIONS."""
    out: dict[int, set[str]] = {}
    part, section = "", ""
    for line in seed.split("### References")[0].splitlines():
        heading = re.match(r"^#+\s+(.*?)\s*$", line)
        if heading:
            name = heading.group(1)
            if name == _PART_MSC_EXOS:
                part, section = "MSC-Exos", "MSC-Exos (opening paragraph)"
            elif name in _DISEASES:
                part = part or "MSCs"
                section = f"{part} / {name}"
            elif not part:
                section = name
            continue
        if "\t" in line or line.lstrip().startswith("**Table"):
            continue
        for ref in _citations(line):
            out.setdefault(ref, set()).add(section)
    return out


@pytest.fixture
def seed():
    """The review's text; its absence is a skip on a developer's machine and a failure in CI, which has it."""
    if not SEED.exists():
        if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
            pytest.fail("the review's text is not beside the project; CI has it")
        pytest.skip("the review's text is not beside the project")
    return SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(("ref", "section"), sorted(SECTIONS.items()))
def test_the_body_text_cites_each_text_only_reference_where_the_file_says(seed, ref, section):
    """Every text-only reference (and the two trial sources) is cited in the body text, in the section named."""
    assert section in _cited_by_section(seed).get(ref, set())


def test_every_reference_not_in_a_table_is_cited_in_the_body_text(seed):
    cited = _cited_by_section(seed)
    assert {r for r, role in EXPECTED.items() if role in (PRIMARY, REVIEW, METHOD)} <= set(cited)
    assert set(SECTIONS) == {r for r, role in EXPECTED.items() if role in (PRIMARY, REVIEW, METHOD, TRIAL)}


# ------------------------------------------------------------------ the flow's numbers, recounted

# (box, quantity) -> n, recounted from the expectations above: 83 references; 28 + 28 + 2 = 58 used by a table;
# 16 + 8 + 1 = 25 cited in the text only; Table 3 prints 18 rows, 2 of them backed by a reference ([39], [64]).
# Table 1 row 13 cites [24], which the body text ("for the first time in a clinical study", cells on collagen
# scaffolds transplanted into the ovaries of patients) and its title ("POF patients") present as a patient study;
# no Table 2 row is. Of the 16 text-only primary studies, [56] and [59] are left undecided by the print.
FLOW = {
    ("listed", "references"): 83,
    ("tabulated", "references"): 58,
    ("text_only", "references"): 25,
    ("table1", "rows"): 28,
    ("table1", "rows the text presents as a study in patients"): 1,
    ("table1", "rows backed by a reference"): 28,
    ("table1", "rows without a reference"): 0,
    ("table1", "references"): 28,
    ("table2", "rows"): 28,
    ("table2", "rows the text presents as a study in patients"): 0,
    ("table2", "rows backed by a reference"): 28,
    ("table2", "rows without a reference"): 0,
    ("table2", "references"): 28,
    ("table3", "rows"): 18,
    ("table3", "rows backed by a reference"): 2,
    ("table3", "rows without a reference"): 16,
    ("table3", "references"): 2,
    ("primary", "references"): 16,
    ("primary", "references the print leaves undecided (primary study or review)"): 2,
    ("review", "references"): 8,
    ("method", "references"): 1,
}


def test_the_flow_counts_what_we_recount(roles):
    flow = selection.flow(roles)
    assert {(b, q): int(n) for b, q, n in zip(flow["box"], flow["quantity"], flow["n"])} == FLOW


def test_the_committed_data_csv_is_the_flow(roles):
    committed = pd.read_csv(ROOT / "figures" / "selection.data.csv")
    assert {(b, q): int(n) for b, q, n in zip(committed["box"], committed["quantity"], committed["n"])} == FLOW


def test_each_level_adds_up_to_the_box_above():
    assert FLOW["listed", "references"] == FLOW["tabulated", "references"] + FLOW["text_only", "references"]
    assert FLOW["tabulated", "references"] == sum(FLOW[t, "references"] for t in ("table1", "table2", "table3"))
    assert FLOW["text_only", "references"] == sum(FLOW[b, "references"] for b in ("primary", "review", "method"))


def test_the_evidence_csv_names_the_references_behind_each_count():
    evidence = pd.read_csv(ROOT / "figures" / "selection.evidence.csv", keep_default_na=False)
    for (box, quantity), n in FLOW.items():
        if quantity == "references":
            assert (evidence["box"] == box).sum() == n, box
    primary = evidence.loc[evidence["box"] == "primary", "ref"]
    assert sorted(primary) == sorted(r for r, role in EXPECTED.items() if role == PRIMARY)


def test_the_untabulated_list_is_the_primary_studies_with_first_author_year_and_title(roles):
    listed = selection.untabulated_primary(roles)
    assert list(listed["ref"]) == [17, 20, 26, 27, 30, 36, 45, 46, 47, 50, 56, 59, 65, 69, 76, 79]
    # Read from the reference list: first author and year of the first and last entries, printed as is.
    assert tuple(listed.iloc[0][["first_author", "year"]]) == ("Wang ZB", 2017)
    assert tuple(listed.iloc[-1][["first_author", "year"]]) == ("Wang L", 2024)
    # printed without its capital I, and marked so (finding 9); [12]'s "Ei-Derany MO" likewise
    assert listed.set_index("ref").at[56, "first_author"] == "brahim N [sic; probably Ibrahim N]"
    assert roles.set_index("ref").at[12, "first_author"] == "Ei-Derany MO [sic; probably El-Derany MO]"


# ------------------------------------------------------------------ narrative numbers


def test_what_to_notice_states_only_recounted_numbers(roles):
    text = narrative.selection_notice(selection.flow(roles), roles)
    # 83 references, 58 used, 25 text only; 56 rows of Tables 1-2 (28 + 28), 56 reports; companion reports [72]
    # and [73], [77] and [78] (same authors and year in the list); one group: [11] and [13], [31] and [32];
    # 1 of the 56 (Table 1 row 13, [24]) a patient study, so 3 references of work in patients ([24], [39], [64]);
    # 2 of 18 trial rows backed, 16 NCT only; 14-16 of 72-74 primary references (14/72 = 19 %, 16/74 = 22 %),
    # 16 if [56], [59] are primary, 14 if reviews; 74 = 58 + 16; of the 16, 8 in the MSC part and 8 in the
    # exosome part; 8 of the 16 with another model ([17], [26], [27], [36], [45], [46], [76], [79]); 9 others:
    # 8 reviews, 1 guideline.
    assert numbers(text) == [
        *(83, 58, 25, 56, 56, 72, 73, 77, 78, 11, 13, 31, 32, 1, 56, 13, 24, 3, 24, 39, 64, 2, 18, 16),
        *(14, 16, 72, 74, 19, 22, 16, 56, 59, 14, 74, 58, 16, 16, 8, 8, 8, 16),
        *(17, 26, 27, 36, 45, 46, 76, 79, 9, 8, 1),
    ]


@pytest.mark.parametrize(
    "words",
    [
        "the review reports no search or eligibility criteria",  # finding 2
        "Table 1 row 13, [24]) is presented by the body text and the cited title as a study in patients",  # 1
        "registry records: an NCT number, with no publication cited",  # 3
        "names ClinicalTrials.gov as its source",  # 3
        "(19-22 %)",  # 4
        "not table rows",  # 4
        "whether the reports are 56 independent studies is not reported in the review",  # 5
        "companion reports: [72] and [73], [77] and [78]",  # 5
        "a model other than the disease of the section that cites them",  # 6, 7
    ],
)
def test_what_to_notice_says_what_the_first_reading_asked(roles, words):
    assert words in narrative.selection_notice(selection.flow(roles), roles)


def test_the_note_names_the_references_that_back_table_3_rows(roles):
    text = narrative.selection_note(selection.flow(roles), roles)
    assert numbers(text) == [39, 17, 64, 12]
    assert "[39] backs Table 3 row 17; [64] backs Table 3 row 12" in text


@pytest.mark.parametrize("exhibit", ["gapmap", "timeline"])
def test_the_gap_map_and_the_timeline_say_they_describe_the_review_s_sample(exhibit):
    from helpers.core.catalog import EXHIBITS

    caption = EXHIBITS[exhibit].caption
    assert "the review's sample of studies" in caption.lower() and "not" in caption and "the field" in caption
    assert "selection exhibit" in caption


# ------------------------------------------------------------------ a run that selects diseases

# AD, read from the print: Table 1's AD rows cite 25, 28, 29, 31, 32, 33; the MSC part's AD section also cites
# 26, 27, 30; Table 2's AD rows cite 54, 55, 57, 58, 60-63; the exosome part's AD section also cites 56, 59 and
# the trial report 64 (Table 3 row 12). Table 3 prints 6 AD rows (rows 8-13), only row 12 backed by a reference.
AD_REFS = [25, 26, 27, 28, 29, 30, 31, 32, 33, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64]
AD_FLOW = {
    ("listed", "references"): 20,
    ("tabulated", "references"): 15,
    ("text_only", "references"): 5,
    ("table1", "rows"): 6,
    ("table1", "rows the text presents as a study in patients"): 0,
    ("table1", "rows backed by a reference"): 6,
    ("table1", "rows without a reference"): 0,
    ("table1", "references"): 6,
    ("table2", "rows"): 8,
    ("table2", "rows the text presents as a study in patients"): 0,
    ("table2", "rows backed by a reference"): 8,
    ("table2", "rows without a reference"): 0,
    ("table2", "references"): 8,
    ("table3", "rows"): 6,
    ("table3", "rows backed by a reference"): 1,
    ("table3", "rows without a reference"): 5,
    ("table3", "references"): 1,
    ("primary", "references"): 5,
    ("primary", "references the print leaves undecided (primary study or review)"): 2,
    ("review", "references"): 0,
    ("method", "references"): 0,
}


def test_selecting_ad_keeps_the_references_cited_for_ad(roles):
    chosen = selection.select(roles, ("AD",))
    assert list(chosen["ref"]) == AD_REFS
    flow = selection.flow(chosen, diseases=("AD",))
    assert {(b, q): int(n) for b, q, n in zip(flow["box"], flow["quantity"], flow["n"])} == AD_FLOW
    assert flow.loc[flow["box"] == "listed", "heading"].iloc[0] == selection.LISTED_SELECTED


@pytest.mark.parametrize(("ref", "codes"), [(1, ""), (6, ""), (10, "WEAK"), (39, "AS"), (47, ""), (64, "AD")])
def test_a_reference_is_cited_for_the_disease_of_its_row_or_its_section(roles, ref, codes):
    # [47] opens the exosome part, before any disease heading; [10] backs Table 1 row 1 (weakness).
    assert roles.set_index("ref").at[ref, "disease_codes"] == codes


def test_the_notice_of_a_selection_says_what_it_counts(roles):
    chosen = selection.select(roles, ("AD",))
    text = narrative.selection_notice(selection.flow(chosen, diseases=("AD",)), chosen, selected=True)
    assert text.startswith("Of the 20 references cited for the selected diseases")


# ------------------------------------------------------------------ the first reading's findings, held to the print

#: The notes' fixed phrases and the references whose notes carry them, from our reading of the print: [24]'s text
#: and title speak of patients; the titles of [17] (aged mice, mitochondria), [26] (cisplatin), [27]
#: (chemotherapy), [36] (in vitro ischaemia-reperfusion), [45] (UV-damaged PBMCs), [46] (Th17 cells), [76]
#: (radiation-induced bone loss) and [79] (bone regeneration) show a model other than their section's disease;
#: [72]/[73] and [77]/[78] print the same authors and year; [11]/[13] and [31]/[32] share authors; [12] and [56]
#: print "Ei-Derany MO" and "brahim N".
MARKED = {
    selection.PATIENTS: {24},
    selection.OFF_MODEL: {17, 26, 27, 36, 45, 46, 76, 79},
    selection.COMPANION: {72, 73, 77, 78},
    selection.SAME_GROUP: {11, 13, 31, 32},
    "[sic": {12, 56},
    selection.UNDECIDED: UNDECIDED,
}


@pytest.mark.parametrize(("words", "refs"), sorted(MARKED.items()))
def test_each_note_phrase_marks_exactly_the_references_read_from_the_print(curated_roles, words, refs):
    assert set(curated_roles.loc[selection.noted(curated_roles, words), "ref"]) == refs


def test_the_companion_reports_print_the_same_authors_and_year():
    listed = curated.load("references").set_index("ref")
    for a, b in ((72, 73), (77, 78)):
        assert listed.at[a, "year"] == listed.at[b, "year"]
        assert listed.at[a, "authors"].split(",")[0] == listed.at[b, "authors"].split(",")[0]


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        (47, "inhibiting"),  # finding 10: the text's direction
        (47, "upregulating SIRT1"),  # and the title's
        (39, "arteriosclerosis"),  # finding 11
        (20, "amnion-derived"),  # finding 13
    ],
)
def test_the_notes_keep_what_the_print_says_in_view(curated_roles, ref, words):
    assert words in curated_roles.set_index("ref").at[ref, "note"]


def test_refs_5_to_8_share_one_note_on_the_shift(curated_roles):
    """Finding 12: [5] closes the ISCT passage, [6] the homing sentence, [7] the immunogenicity one, [8] the
    paracrine one."""
    notes = set(curated_roles.set_index("ref").loc[[5, 6, 7, 8], "note"])
    assert len(notes) == 1 and "shifted by one sentence" in notes.pop()


def test_each_reference_is_cited_once_in_the_body_text_and_numbered_in_citing_order(seed):
    """What the caption and the note claim: 83 citation sites outside the tables, one per reference, first cited
    in the order of the list (recounted by the blind reader, too)."""
    sites: list[int] = []
    for line in seed.split("### References")[0].splitlines():
        if "\t" in line or line.lstrip().startswith("**Table"):
            continue
        sites += sorted(_citations(line))
    assert sorted(sites) == list(range(1, 84))
    first = list(dict.fromkeys(sites))
    assert first == sorted(first)


def test_table_3_s_heading_names_the_source_its_legend_prints():
    legend = curated.load("legend_notes")
    source = legend.loc[(legend["legend"] == "table3") & (legend["kind"] == "source"), "text"].iloc[0]
    assert "ClinicalTrials.gov" in source and "ClinicalTrials.gov" in selection.HEADINGS["table3"]


def test_no_box_or_caption_calls_the_tables_preclinical_or_the_flow_prisma():
    from helpers.core.catalog import EXHIBITS

    words = " ".join(selection.HEADINGS.values()) + " " + EXHIBITS["selection"].caption
    assert "preclinical" not in words.lower() and "PRISMA-style" not in words
    assert "no search, screening or eligibility criteria" in EXHIBITS["selection"].caption
