"""helpers.outputs.narrative, the reference list's notice: references_notice and its parts.

Eight hand-made references cover every way a PMID is printed (helpers.outputs.bib reads them):
refs 1 and 2 print the same number (both distrusted), ref 3 a round placeholder-like number,
ref 4 a number followed by a stray 'h', ref 5 a number inside its title, ref 6 something else,
ref 7 a plain unique number, ref 8 the label 'PMID' with no number.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.outputs import narrative

from .test_narrative_edition import current


def refs(*rows) -> pd.DataFrame:
    """References from ``(ref, year, pmid, title, citation)``."""
    return pd.DataFrame(rows, columns=["ref", "year", "pmid", "title", "citation"])


EIGHT = refs(
    (1, 2019, "12345678", "A", "J."),
    (2, 2020, "12345678", "B", "J."),
    (3, 2021, "30000000", "C", "J."),
    (4, 2022, "36307672 h", "D", "J."),
    (5, 2023, "", "PMID: 31637885 adipose", "J."),
    (6, 2024, "n/a", "F", "J."),
    (7, 2024, "7654321", "G", "J."),
    (8, 2015, "", "H", "Journal. PMID"),
)
TAIL = ": some printed DOIs and PMIDs are wrong, and none was corrected."
# 2015-2024: 2020 on is recent (refs 2-7). Plain numbers: refs 1, 2, 3, 7; distrusted: 1 and 2 (same number), 3
# (round). Of the 4 others: ref 4 (stray) and ref 5 (title) are exported, refs 6 and 8 not. Exported in all:
# refs 4, 5, 7.
EIGHT_TEXT = (
    "8 references from 2015 to 2024; 6 of them from the last five years of that span. 4 print a plain PMID, 3 of "
    "which are printed for two different references or look like placeholders (references 1/2, 3), so the BibTeX "
    "keeps them in `note` rather than `pmid`; of the 4 others, 1 prints a number followed by other text (reference "
    "4: a stray 'h') and 1 prints a number inside the title (reference 5), which the BibTeX exports as that number, "
    "saying in `note` what surrounds it; the other 2 print none, or something else in its place, kept in `note` as "
    "printed. 3 of the 8 BibTeX entries carry a `pmid` field. All are as printed" + TAIL
)


def test_references_notice_reads_every_kind_of_pmid():
    """references_notice, printed edition: span, recent share, plain and distrusted PMIDs, what the others print."""
    assert narrative.references_notice(EIGHT) == EIGHT_TEXT


def test_references_notice_without_ref_or_title():
    """A list without ref and title columns: the others are summed up in one clause, nothing is judged suspect."""
    frame = pd.DataFrame({"year": [2019, 2020], "pmid": ["12345678", "x"]})
    assert narrative.references_notice(frame) == (
        "2 references from 2019 to 2020; 2 of them from the last five years of that span. 1 print a plain PMID; the "
        "other 1 prints none, or something else in its place, which the BibTeX keeps in `note`. All are as printed"
        + TAIL
    )


OTHERS = [
    (
        "nothing usable among the others",
        refs((1, 2020, "12345678", "A", "J."), (2, 2021, "n/a", "B", "J.")),
        None,
        "12345678",
        "of the 1 others, none prints a usable number; the BibTeX keeps what they print in `note`. 1 of the 2 "
        "BibTeX entries carry a `pmid` field.",
    ),
    (
        "two strays, one the registry number of Table 3 row 12",
        refs(
            (4, 2022, "36307672 h", "D", "J."),
            (9, 2022, "31234567 NCT04388982", "E", "J."),
            (10, 2022, "", "F", "J."),
        ),
        None,
        "",
        "of the 3 others, 2 print a number followed by other text (reference 4: a stray 'h'; reference 9: the "
        "registry number NCT04388982 of Table 3 row 12), which the BibTeX exports as that number, saying in `note` "
        "what surrounds it; the other 1 prints none, or something else in its place, kept in `note` as printed. 2 "
        "of the 3 BibTeX entries carry a `pmid` field.",
    ),
    (
        "two title numbers; one distrusted over the full list",
        refs((5, 2023, "", "PMID: 31637885 x", "J."), (11, 2023, "", "PMID 21637885 y", "J.")),
        refs(
            (5, 2023, "", "PMID: 31637885 x", "J."),
            (11, 2023, "", "PMID 21637885 y", "J."),
            (12, 2023, "31637885", "Z", "J."),
        ),
        "",
        "of the 2 others, 1 prints a number inside the title (reference 11), which the BibTeX exports as that "
        "number, saying in `note` what surrounds it; the other 1 prints none, or something else in its place, kept in "
        "`note` as printed. 1 of the 2 BibTeX entries carry a `pmid` field.",
    ),
]


@pytest.mark.parametrize("rule, frame, full, plain, text", OTHERS, ids=[o[0] for o in OTHERS])
def test_other_pmids(rule, frame, full, plain, text):
    """_other_pmids: the references without a plain PMID, by what they print instead, and the exported count."""
    others = len(frame) - int(frame["pmid"].str.fullmatch(r"\d{7,8}").sum())
    assert narrative._other_pmids(frame, full, others) == text, rule


def test_printed_references_notice_judges_suspects_over_the_full_list():
    """A PMID printed for a reference outside the selection still makes the selected one suspect."""
    one = EIGHT.iloc[:1]
    text = narrative._printed_references_notice(one, EIGHT, "printed BibTeX entries")
    assert text == (
        "1 reference from 2019 to 2019; 1 of them from the last five years of that span. 1 print a plain PMID, 1 "
        "of which are printed for two different references or look like placeholders (references 1), so the "
        "BibTeX keeps them in `note` rather than `pmid`; of the 0 others, none prints a usable number; the BibTeX "
        "keeps what they print in `note`. 0 of the 1 printed BibTeX entries carry a `pmid` field. All are as "
        "printed" + TAIL
    )


ADDED = [
    (
        "one added reference without a PMID, in a file of 3",
        refs((84, 2026, "", "T", "C")),
        3,
        " The 1 added reference (84, 2026) is counted in none of these numbers: its fields are its curator's, not "
        "printed, the citation is composed from them, 0 of 1 give a PMID, and no DOI or PMID of an addition was "
        "looked up. The BibTeX file holds 3 entries, the 1 added among them.",
    ),
    (
        "two added references, one with a PMID, no file count",
        refs((84, 2026, "12345678", "T", "C"), (85, 2025, "123", "U", "C")),
        0,
        " The 2 added references (84, 2026, 85, 2025) are counted in none of these numbers: their fields are their "
        "curator's, not printed, the citation is composed from them, 1 of 2 give a PMID, and no DOI or PMID of an "
        "addition was looked up.",
    ),
]


@pytest.mark.parametrize("rule, frame, in_file, text", ADDED, ids=[a[0] for a in ADDED])
def test_added_references(rule, frame, in_file, text):
    """_added_references: the added references apart, with how many give a PMID and the file's own count."""
    assert narrative._added_references(frame, in_file) == text, rule


def test_added_references_default_file_count():
    """_added_references' file count defaults to 0: no sentence about the file."""
    assert narrative._added_references(ADDED[0][1]).endswith("no DOI or PMID of an addition was looked up.")


def test_references_notice_current_edition_counts_the_printed_list_first():
    """references_notice with an added reference: the edition, the printed references, then the added one apart."""
    frame = pd.concat([EIGHT.iloc[[0, 6]], refs((84, 2026, "", "T", "C"))], ignore_index=True)
    with current():
        text = narrative.references_notice(frame, pd.concat([EIGHT, frame.tail(1)], ignore_index=True))
    assert text == (
        "EDITION NOTE. Of the 3 references counted here, 2 are printed in the review and 1 was added since "
        "(reference 84, added 2026-02-02); the edition column marks it. The review's 2 references first: "
        "2 references from 2019 to 2024; 1 of them from the last five years of that span. 2 print a plain PMID, 1 "
        "of which are printed for two different references or look like placeholders (references 1), so the "
        "BibTeX keeps them in `note` rather than `pmid`; of the 0 others, none prints a usable number; the BibTeX "
        "keeps what they print in `note`. 1 of the 2 printed BibTeX entries carry a `pmid` field. All are as "
        "printed" + TAIL + " The 1 added reference (84, 2026) is counted in none of these numbers: its fields are "
        "its curator's, not printed, the citation is composed from them, 0 of 1 give a PMID, and no DOI or PMID of "
        "an addition was looked up. The BibTeX file holds 3 entries, the 1 added among them."
    )


def test_references_notice_current_edition_without_an_added_reference():
    """In the current edition with no added reference shown, the printed notice then the edition's sentences."""
    with current():
        text = narrative.references_notice(EIGHT)
    assert (
        text == EIGHT_TEXT + " EDITION NOTE. None of the 8 references shown was added; all are printed in the review."
    )


def test_as_printed():
    """_as_printed: 'Every printed one' when the list holds an added reference, else 'All are'."""
    with current():
        assert (
            narrative._as_printed(refs((1, 2020, "", "", ""), (84, 2026, "", "", "")))
            == "Every printed one is as printed"
        )
        assert narrative._as_printed(refs((1, 2020, "", "", ""))) == "All are as printed"
        assert narrative._as_printed(pd.DataFrame({"year": [2020]})) == "All are as printed"
    assert narrative._as_printed(refs((84, 2026, "", "", ""))) == "All are as printed"


def test_other_pmids_needs_both_ref_and_title():
    """Without a title column the others cannot be read one by one: the short clause."""
    frame = EIGHT.drop(columns="title")
    assert narrative._other_pmids(frame, None, 4) == (
        "the other 4 print none, or something else in its place, which the BibTeX keeps in `note`."
    )


def test_other_pmids_names_several_title_numbers():
    """Two references printing their number in the title: 'references 5, 11', 'print'."""
    frame = refs((5, 2023, "", "PMID: 31637885 x", "J."), (11, 2023, "", "PMID 21637885 y", "J."))
    assert narrative._other_pmids(frame, None, 2) == (
        "of the 2 others, 2 print a number inside the title (references 5, 11), which the BibTeX exports as that "
        "number, saying in `note` what surrounds it. 2 of the 2 BibTeX entries carry a `pmid` field."
    )


def test_references_notice_sorts_suspect_groups_by_reference_number():
    """Distrusted numbers are listed by their first reference as a number (3 before 10/11), judged over ``full``."""
    frame = refs(
        (10, 2020, "12345678", "A", "J."),
        (11, 2020, "12345678", "B", "J."),
        (3, 2020, "30000000", "C", "J."),
    )
    assert narrative.references_notice(frame).startswith(
        "3 references from 2020 to 2020; 3 of them from the last five years of that span. 3 print a plain PMID, 3 "
        "of which are printed for two different references or look like placeholders (references 3, 10/11), so"
    )
    assert narrative.references_notice(EIGHT.iloc[:1], EIGHT) == narrative._printed_references_notice(
        EIGHT.iloc[:1], EIGHT
    )
    assert "(references 1)" in narrative.references_notice(EIGHT.iloc[:1], EIGHT)
