"""The current edition in the reproductions of the printed tables, the audit and the references.

Counts come from the print: Table 1 prints 28 rows, Table 2 28, Table 3 18, and the reference list 83 entries.
An added row is played by a synthetic provenance record (row 29 of Table 1 citing reference 84, DOI prefix
10.0000, which no real DOI uses); the shipped ``data/additions/`` is empty, so the current edition's tables hold
the printed rows only, and say so.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.audit import render
from helpers.core import edition
from helpers.data import added, curated
from helpers.outputs import bib, narrative, tables

PRINTED_ROWS = {"msc_studies": 28, "exosome_studies": 28, "clinical_trials": 18, "references": 83}
SYNTHETIC = {"key": 29, "doi": "10.0000/synthetic.0001", "pmid": "", "date_added": "2026-01-01", "added_by": "t"}
SYNTHETIC_REF = {**SYNTHETIC, "key": 84}
EMPTY_NOTE = "Edition current: data/additions/ holds no rows, so the current edition equals the printed one."


@pytest.fixture
def current():
    edition.use(edition.CURRENT)
    yield
    edition.use(edition.PRINTED)


@pytest.fixture
def one_added(monkeypatch, current):
    """Table 1 row 29 and reference 84 as added rows (the printed frames get a copy of their last row)."""
    records = {"msc_studies": [SYNTHETIC], "references": [SYNTHETIC_REF]}
    monkeypatch.setattr(
        added, "provenance", lambda resource: pd.DataFrame(records.get(resource, []), columns=list(SYNTHETIC))
    )


def _with_row_29() -> pd.DataFrame:
    printed = curated.load("msc_studies")
    extra = printed.tail(1).assign(row=29, ref=84)
    return pd.concat([printed, extra], ignore_index=True)


#: What every added row's label ends with (table1 ed. reading 7): one curator, nobody else has read the cells.
CODED = "not printed in the review; cells coded by one curator, not reviewed"


@pytest.mark.parametrize(
    ("doi", "pmid", "by", "expected"),
    [
        ("10.0000/a", "", "", f"added 2026-01-01 from DOI 10.0000/a (not looked up), {CODED}"),
        ("", "123", "t", f"added 2026-01-01 by t from PMID 123 (not looked up), {CODED}"),
        ("10.0000/a", "123", "", f"added 2026-01-01 from DOI 10.0000/a, PMID 123 (not looked up), {CODED}"),
        ("", "", "", f"added 2026-01-01, {CODED}"),
    ],
)
def test_an_added_label_names_date_curator_and_a_source_not_looked_up(doi, pmid, by, expected):
    # audit ed. 7, references ed. 6: a DOI of an addition is its provenance, and nobody resolved it
    assert added.label({"doi": doi, "pmid": pmid, "date_added": "2026-01-01", "added_by": by}) == expected


@pytest.mark.parametrize("resource", list(PRINTED_ROWS))
def test_the_printed_edition_adds_nothing_and_reads_no_addition(monkeypatch, resource):
    monkeypatch.setattr(added.additions, "load", lambda name: pytest.fail("read data/additions/ in print"))
    assert added.provenance(resource).empty
    assert narrative.edition_notice(resource, pd.DataFrame({"row": [1], "ref": [1]})) == ""


@pytest.mark.parametrize("resource", ["msc_studies", "exosome_studies", "clinical_trials"])
def test_the_printed_table_has_no_edition_column(resource):
    assert tables.EDITION_COLUMN not in tables.published(curated.load(resource), resource)


@pytest.mark.parametrize(("resource", "what"), [("msc_studies", "row"), ("clinical_trials", "row")])
def test_a_current_table_with_nothing_added_says_it_equals_the_printed_one(current, resource, what):
    printed = curated.load(resource)
    table = tables.published(printed, resource)
    assert len(table) == PRINTED_ROWS[resource]
    assert table.columns[0] == tables.EDITION_COLUMN
    assert set(table[tables.EDITION_COLUMN]) == {added.PRINTED_LABEL}
    n = PRINTED_ROWS[resource]
    assert narrative.edition_notice(resource, printed) == (
        f" {EMPTY_NOTE} None of the {n} {what}s shown was added; all are printed in the review."
    )
    assert tables.edition_lead() == (EMPTY_NOTE,)
    assert tables.edition_lead(printed, resource) == (
        f"{EMPTY_NOTE} None of them is in Table {1 if resource == 'msc_studies' else 3}: all {n} rows shown are "
        "printed in the review.",
    )


def test_an_added_row_is_marked_in_the_table_its_notes_and_the_notice(one_added):
    printed = _with_row_29()
    table = tables.published(printed, "msc_studies")
    assert list(table[tables.EDITION_COLUMN]) == [added.PRINTED_LABEL] * 28 + [
        f"added 2026-01-01 by t from DOI 10.0000/synthetic.0001 (not looked up), {CODED}"
    ]
    # table1 ed. 6: the review's list ends at reference 83, so "[84]" would read as a reference of the review
    assert table["Ref."].iloc[-1] == "[added 84]"
    assert table["Ref."].iloc[0] == "[10]"
    assert tables.added_notes(printed, "msc_studies", _findings(("table1", "4"))) == (
        "Added row, row 29 [added 84]: not printed in the review; added 2026-01-01 by t from DOI "
        "10.0000/synthetic.0001 (not looked up); its cells were coded from that source by one curator, with a quote "
        "for each in data/additions/msc_studies.csv, and no second reader has read them; the audit reports 0 "
        "findings on it (any would have no verdict yet).",
    )
    assert narrative.edition_notice("msc_studies", printed).endswith(
        "Of the 29 rows counted here, 28 are printed in the review and 1 was added since "
        "(row 29, added 2026-01-01); the Edition column marks it."
    )
    # a selection without the added row says none was added
    assert "None of the 28 rows shown was added" in narrative.edition_notice("msc_studies", printed.head(28))


def _with_reference_84() -> pd.DataFrame:
    """The printed list and, as reference 84, a copy of reference 83 dated 2026 with no PMID (the synthetic one)."""
    printed = curated.load("references")
    extra = printed.tail(1).assign(ref=84, year=2026, pmid="")
    return pd.concat([printed, extra]).reset_index(drop=True)


def test_added_references_are_listed_as_added(one_added):
    refs = _with_reference_84()
    text = bib.to_bibtex(refs)
    assert text.startswith("% The 84 references: 83 printed in Li & Bai (2025), 1 added since")
    head = "Reference 84, added 2026-01-01 by t; not in Li and Bai (2025); DOI and PMID not looked up"
    entry = text[text.index("Reference 84, added") :]
    assert entry.startswith(head)
    assert "printed" not in entry[len(head) :].split("}")[0]
    assert "Reference 83 of Li and Bai (2025)" in text


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # references ed. 5: an added entry's key never has the printed entries' form ref<N>_
        ("@article{added84_", True),
        ("@article{ref84_", False),
        ("@article{ref83_Wu2021,", True),
        # references ed. 7: the header's "as printed" names the printed entries only
        ("% Fields of the printed entries are as printed;", True),
        ("% Fields are as printed;", False),
        ("% The added entry gives the fields their curator typed (key added<N>_...); no DOI or PMID", True),
    ],
)
def test_the_bibtex_of_an_added_reference_is_keyed_and_headed_apart(one_added, key, expected):
    assert (key in bib.to_bibtex(_with_reference_84())) is expected


@pytest.mark.parametrize(
    "sentence",
    [
        # references ed. 1: the window is the printed list's (the print: 2006-2024, 61 from 2020-2024)
        "The review's 83 references first: 83 references from 2006 to 2024; 61 of them from the last five years "
        "of that span.",
        # references ed. 2: 19 printed references without a plain PMID; 16 print none or something else
        "of the 19 others, 2 print a number followed by other text",
        "the other 16 print none, or something else in its place, kept in `note` as printed.",
        # references ed2 7.1: the file holds 84 entries; the 60 are of the 83 printed ones
        "60 of the 83 printed BibTeX entries carry a `pmid` field.",
        "The BibTeX file holds 84 entries, the 1 added among them.",
        "The 1 added reference (84, 2026) is counted in none of these numbers: its fields are its curator's, not "
        "printed, the citation is composed from them, 0 of 1 give a PMID, and no DOI or PMID of an addition was "
        "looked up.",
        "Of the 84 references counted here, 83 are printed in the review and 1 was added since (reference 84, "
        "added 2026-01-01); the edition column marks it.",
    ],
)
def test_the_reference_notice_counts_the_printed_list_and_the_added_apart(one_added, sentence):
    assert sentence in narrative.references_notice(_with_reference_84())


def test_the_reference_notice_of_the_printed_list_is_unchanged():
    notice = narrative.references_notice(curated.load("references"))
    assert notice.startswith("83 references from 2006 to 2024; 61 of them from the last five years of that span.")
    assert "the other 16 print none" in notice


def test_an_added_reference_says_its_citation_was_composed(one_added):
    # references ed. 4: the `citation` column of an added reference is not printed text
    assert added.label(SYNTHETIC_REF, "references").endswith(
        "not printed in the review; fields typed by its curator, its citation composed from them"
    )


def _synthetic_table1() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Table 1's 28 printed rows and the synthetic study (tests/fixtures/additions/synthetic-study.yaml) as row 29
    citing reference 84, with their derived codes."""
    import yaml

    from tests.integration.test_add import FIXTURE

    cells = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["row"]
    printed = curated.load("msc_studies")
    extra = pd.DataFrame([{**{c: "" for c in printed.columns}, **cells, "row": 29, "ref": 84}])
    printed = pd.concat([printed, extra.astype(printed.dtypes.to_dict())], ignore_index=True)
    return printed, tables._derived("msc_studies", printed, curated.load("abbreviations"), by_disease=False)


#: Recounted from the print's Table 1 (28 rows), plus the synthetic row 29 (POF, hUC-MSC, a rat, IV, no
#: precondition): each count the added row changes, as "total (printed, added)".
TABLE1_SPLIT = [
    "Premature ovarian failure (POF) 13 of 29 (12 printed, 1 added)",
    "Umbilical cord (UC) 14 (13 printed, 1 added)",
    "an animal treated in 27 of 29 (26 printed, 1 added)",
    "rat hosts 10 (9 printed, 1 added)",
    "the current edition counts 29 rows (28 printed, 1 added)",
    # the review's own rows, counted as printed first: every "as printed" there holds
    "The review's 28 rows first: 28 rows, one study each. Most concern Premature ovarian failure (12 of 28)",
    "In 26 of the 28 studies an animal received the MSCs, as printed (hosts: mouse 16, rat 9, rabbit 1",
    "10 of the 28 studies used a primed, engineered or selected product",
    "(row 29 [added 84]: cells coded by their curator, not printed)",
    # table1 ed2 7.1: the print's sources sum to 29 for 28 studies ([18] compares UC and AD); row 29 adds one UC
    "the source counts sum to 30 for 29 studies (29 printed, 1 added)",
    "A count or sum above that this list does not name is the same in the current edition",
]


@pytest.mark.parametrize("sentence", TABLE1_SPLIT)
def test_the_table1_notice_splits_every_count_the_added_row_changes(one_added, sentence):
    printed, derived = _synthetic_table1()
    notice = narrative.table_notice("msc_studies", printed, derived)
    assert sentence in notice
    # table1 ed. 2: the edition is said first, not last
    assert notice.startswith("Edition current: the printed edition plus 2 additions since the review")


@pytest.mark.parametrize(
    ("name", "label", "studies", "printed_n", "added_n"),
    [
        ("Disease", "Premature ovarian failure", 13, 12, 1),
        ("Disease", "Alzheimer's disease", 6, 6, 0),
        ("MSC source", "Umbilical cord (UC)", 14, 13, 1),
        ("MSC source", "Adipose tissue (AD)", 8, 8, 0),
        ("Host species", "rat", 10, 9, 1),
        ("Host species", "mouse", 16, 16, 0),
        ("Host species", "no animal (in vitro only)", 2, 2, 0),
    ],
)
def test_the_count_tables_of_a_current_table1_have_printed_and_added_columns(
    one_added, name, label, studies, printed_n, added_n
):
    printed, derived = _synthetic_table1()
    counts = tables.summary(printed, derived, "msc_studies")[name]
    row = counts[counts.iloc[:, 0] == label].iloc[0]
    assert (row["studies"], row["printed"], row["added"]) == (studies, printed_n, added_n)


def test_the_count_tables_of_the_printed_table1_have_no_edition_columns():
    printed = curated.load("msc_studies")
    derived = tables._derived("msc_studies", printed, curated.load("abbreviations"), by_disease=False)
    assert list(tables.summary(printed, derived, "msc_studies")["Disease"].columns) == ["disease", "studies"]


def test_a_current_table1_caption_names_its_added_row_and_no_selection(one_added):
    # table1 ed. 5, table2 ed. 2: "Selection" is a subset of the print; a current table is not
    assert added.scope("msc_studies", 28) == (
        "current edition: the review's 28 rows plus 1 added since (row 29), not from the review"
    )
    assert added.scope("exosome_studies", 28) == "current edition: the review's 28 rows, none added since, as printed"
    assert added.scope("references", 83) == (
        "current edition: the review's 83 references plus 1 added since (reference 84), not from the review"
    )
    assert added.summary() == "1 study in Table 1 (row 29) and 1 reference (84)"


def test_the_notes_of_table2_say_none_of_the_additions_is_theirs(one_added):
    # table2 ed. 1, table3 ed. 1: the md/tex/xlsx carry this, not only the notebook
    lead = tables.edition_lead(curated.load("exosome_studies"), "exosome_studies")
    assert lead[0].endswith("None of them is in Table 2: all 28 rows shown are printed in the review.")
    assert lead[0].startswith("Edition current: the printed edition plus 2 additions since the review")


def _findings(*places: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rule": "R1 cited title names another disease",
            "severity": "warning",
            "table": [t for t, _ in places],
            "row": [r for _, r in places],
            "field": "disease",
            "evidence": "e",
            "message": "m",
            "key": [f"R1|{t}|{r}|disease|" for t, r in places],
            "verdict": ["confirmed" if r != "29" else "unreviewed" for _, r in places],
            "reason": ["why" if r != "29" else "" for _, r in places],
        }
    )


@pytest.mark.parametrize(
    ("places", "labels"),
    [
        ([("table1", "4"), ("table1", "29")], [added.PRINTED_LABEL, added.label(SYNTHETIC)]),
        ([("table2", "29"), ("references", "84")], [added.PRINTED_LABEL, added.label(SYNTHETIC_REF, "references")]),
        ([("abbreviations", "table1:2")], [added.PRINTED_LABEL]),
    ],
)
def test_the_audit_names_the_edition_of_the_row_each_finding_is_at(one_added, printed_same, places, labels):
    assert list(render.editions(_findings(*places))) == labels


class _EveryKey(dict):
    """The printed edition's findings as :func:`render._printed_evidence` gives them: every key, evidence "e"."""

    def __contains__(self, key) -> bool:
        return True

    def __missing__(self, key) -> str:
        return "e"


@pytest.fixture
def printed_same(monkeypatch):
    """The printed edition alone reports every printed-place finding of :func:`_findings` with the same evidence."""
    monkeypatch.setattr(render, "_printed_evidence", lambda: _EveryKey())


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        # audit ed. 2: L1 at Table 1 row 8 counts "UC-MSC" 49x in the print, 51x with the synthetic row's two
        ("e", added.PRINTED_LABEL),
        ("other", render.CHANGED),
    ],
)
def test_a_printed_finding_whose_evidence_the_additions_change_is_marked(one_added, printed_same, evidence, expected):
    found = _findings(("table1", "4")).assign(evidence=evidence)
    assert list(render.editions(found)) == [expected]


def test_a_printed_finding_only_the_additions_draw_has_no_verdict(one_added, monkeypatch):
    found = _findings(("table1", "7")).assign(verdict="unreviewed", reason="")
    monkeypatch.setattr(render, "_printed_evidence", dict)  # the printed edition alone reports nothing here
    assert list(render.editions(found)) == [render.ONLY_WITH_ADDED]
    assert list(render.shown(found)["verdict"]) == ["no verdict yet (changed by the additions)"]


def test_the_current_audit_marks_and_counts_findings_on_added_rows(one_added, printed_same):
    found = _findings(("table1", "4"), ("table1", "29"))
    shown = render.shown(found)
    assert list(shown["where"]) == ["table1 4 disease", "table1 29 (added row) disease"]
    # audit ed. 9: "no verdict yet (added row)", never a bare word or a blank
    assert list(shown["verdict"]) == ["confirmed: why", "no verdict yet (added row)"]
    # audit ed. 9: the edition right after the severity
    assert render.render(found, "csv", title="t").splitlines()[0] == (
        "rule,severity,edition,table,row,field,evidence,message,key,verdict"
    )
    notice = render.notice(found, ("R1",), 75)
    assert "1 of the 2 findings are reported at the additions (table1 row 29); 1 of them have no verdict yet" in notice
    # audit ed. 8: the rows split by edition, and where the anchors fall
    assert (
        "2 of the 75 rows of the current edition (74 printed, 1 added; 1 of these anchors printed, 1 added)" in notice
    )
    assert "Verdicts on the 2 findings, all by the project team: 1 confirmed, 1 with no verdict yet." in notice
    # audit ed. 3: a column for the findings nobody has judged
    summary = render.summary(found, ("R1",))
    assert list(summary.columns)[-1] == render.NO_VERDICT
    assert summary[["confirmed", render.NO_VERDICT]].iloc[0].tolist() == [1, 1]


def test_the_current_audit_with_no_finding_at_an_addition_names_both_additions(one_added, printed_same):
    # audit ed. 6: "row" was ambiguous; the sentence names the study and the reference
    notice = render.notice(_findings(("table1", "4")), ("R1",), 75)
    assert "None of the 1 findings is reported at any of the additions (1 study in Table 1 (row 29) and 1 " in notice
    assert "Every finding at a printed place is the one the printed edition reports, with the same evidence" in notice


def test_the_printed_audit_is_worded_and_written_as_before():
    found = _findings(("table1", "4"))
    assert "edition" not in render.shown(found)
    assert render.render(found, "csv", title="t").splitlines()[0].endswith(",key,verdict")
    assert "of the 74 printed rows of Tables 1-3" in render.notice(found, ("R1",), 74)
    assert "Edition current" not in render.notice(found, ("R1",), 74)
    assert list(render.summary(found, ("R1",)).columns)[-1] == "dismissed"


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({}, EMPTY_NOTE),
        (
            # table1 ed. 8: "2 additions", a study and a reference, never "2 added rows"
            {"references": [84], "msc_studies": [29]},
            "Edition current: the printed edition plus 2 additions since the review, from data/additions/: "
            "1 study in Table 1 (row 29) and 1 reference (84).",
        ),
        (
            {"exosome_studies": [29, 30], "clinical_trials": [19]},
            "Edition current: the printed edition plus 3 additions since the review, from data/additions/: "
            "2 studies in Table 2 (rows 29, 30) and 1 trial in Table 3 (row 19).",
        ),
    ],
)
def test_the_edition_note_names_the_additions_by_kind(monkeypatch, current, counts, expected):
    def load(name):
        keys = counts.get(name, [])
        return pd.DataFrame({"row": keys, "ref": keys, "doi": "", "pmid": "", "date_added": "", "added_by": ""})

    monkeypatch.setattr(curated.additions, "load", load)
    assert curated.edition_note() == expected


def _row_flags(*rows: tuple[str, int, bool]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "table": [t for t, _, _ in rows],
            "row": [r for _, r, _ in rows],
            "audit_findings": "R1",
            "audit_max_severity": "warning",
            "audit_flag": [f for _, _, f in rows],
        }
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # audit ed. 1: tables/studies.csv holds 56 preclinical rows (28 + 28, the print); the 57th is added
        (
            [("table1", 9, True), ("table1", 29, False)],
            # audit ed2 7.3: the run that writes the current coded dataset, named
            "In the current edition's coded dataset (runs/dataset_edition-current/, written by `review build "
            "--edition current`; tables/studies.csv and tables/trials.csv hold the printed rows only) "
            "the audit flags 1 of the 57 preclinical studies (Tables 1-2) of the current edition "
            "(56 printed, 1 added, none of the added flagged) and 0 of the 18 clinical studies (Table 3) of the "
            "current edition (18 printed, 0 added, none of the added flagged):",
        ),
        (
            [("table1", 29, True)],
            "the audit flags 1 of the 57 preclinical studies (Tables 1-2) of the current edition (56 printed, 1 "
            "added, 1 of the added flagged)",
        ),
    ],
)
def test_the_current_audit_flag_counts_say_which_rows_are_added(one_added, rows, expected):
    from helpers.audit import flags

    assert expected in flags.notice(_row_flags(*rows), 57, 18)


def test_the_printed_audit_flag_counts_read_as_before():
    from helpers.audit import flags

    assert flags.notice(_row_flags(("table1", 9, True)), 56, 18).startswith(
        "In the coded dataset the audit flags 1 of the 56 preclinical studies (Tables 1-2) and 0 of the 18 clinical "
        "studies (Table 3): each has an error or warning"
    )


def test_a_finding_on_an_added_row_stands_under_the_table_without_a_verdict(one_added):
    # table1 ed. 10: confirmed findings only would leave an added row unflagged for ever
    printed, _ = _synthetic_table1()
    found = _findings(("table1", "4"), ("table1", "29"))
    notes = tables.audit_notes(found, "table1", printed, "msc_studies")
    assert notes == (
        "Audit R1 (warning), row 4 [13], Disease: m",  # Table 1 row 4 cites [13] in the print
        "Audit R1 (warning, no verdict yet: added row), row 29 [added 84], Disease: m",
    )


def _with_added_trial_19(monkeypatch) -> pd.DataFrame:
    """Table 3 with an added row 19 (a copy of row 18), its provenance a PMID added on 2026-01-01."""
    record = {"key": 19, "doi": "", "pmid": "123", "date_added": "2026-01-01", "added_by": "t"}
    monkeypatch.setattr(
        added, "provenance", lambda r: pd.DataFrame([record] if r == "clinical_trials" else [], columns=list(record))
    )
    return pd.concat([curated.load("clinical_trials"), curated.load("clinical_trials").tail(1).assign(row=19)])


def test_an_added_trial_says_its_cells_are_not_the_reviews_registry_reading(monkeypatch, current):
    # table3 ed. 3: "Data obtained from ClinicalTrials.gov" is the review's note on its own rows
    printed = _with_added_trial_19(monkeypatch)
    (note,) = tables.added_notes(printed.reset_index(drop=True), "clinical_trials")
    assert note.endswith(
        "The legend's source note is the review's, for its printed rows: this trial's cells, its status included, "
        "come from the source named, as of 2026-01-01."
    )


# --- The second reading of the current edition (ed2 7.N) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        # table1 ed2 7.4: the audit reports no finding on the synthetic row; the note says so and counts
        ([("table1", "4")], "the audit reports 0 findings on it (any would have no verdict yet)."),
        ([("table1", "29")], "the audit reports 1 finding on it, with no verdict yet (the audit notes on this row)."),
        (
            [("table1", "29"), ("table1", "29")],
            "the audit reports 2 findings on it, with no verdict yet (the audit notes on this row).",
        ),
    ],
)
def test_the_note_on_an_added_row_counts_the_audits_findings_on_it(one_added, places, expected):
    (note,) = tables.added_notes(_with_row_29(), "msc_studies", _findings(*places))
    assert note.endswith(expected)


def test_a_printed_finding_the_additions_changed_is_marked_under_the_table(one_added):
    # table1 ed2 7.2: L2 at Table 1 row 15 ([28]) counts "h" 65x in the print, 67x with row 29
    printed, _ = _synthetic_table1()
    found = _findings(("table1", "15")).assign(edition=render.CHANGED)
    assert tables.audit_notes(found, "table1", printed, "msc_studies") == (
        "Audit R1 (warning; evidence changed by the additions, verdict given on the print not re-read), "
        "row 15 [28], Disease: m",
    )
    # the printed edition's frame has no edition column, and its note reads as before
    assert tables.audit_notes(_findings(("table1", "15")), "table1", printed, "msc_studies") == (
        "Audit R1 (warning), row 15 [28], Disease: m",
    )


#: The synthetic row 29 (POF, hUC-MSC, "CTX induced POF rat model", "IV 1 × 10⁶", 4 weeks) against the print's
#: Table 1 row 5 ([14]: POF, hUC-MSC, "CTX induced POF rat model", "IV 1 × 10⁶", 28 days): one design.
DUPLICATE_CASES = [
    ({}, [(29, 5)]),
    ({"follow_up": "28 days"}, [(29, 5)]),  # the same follow-up in other units
    ({"effects": "other words", "in_vitro_model": ""}, [(29, 5)]),  # wording and in vitro arm not compared
    ({"follow_up": "2 weeks"}, []),
    ({"disease": "AD"}, []),
    ({"source": "hBM-MSC"}, []),
    ({"animal_model": "CTX induced POF mouse model"}, []),
    ({"route_dosage": "IV 2 × 10⁶"}, []),
    ({"follow_up": ""}, []),  # an empty cell matches nothing
]


@pytest.mark.parametrize(("change", "expected"), DUPLICATE_CASES)
def test_an_added_row_of_a_printed_rows_design_is_a_possible_duplicate(one_added, monkeypatch, change, expected):
    # table1 ed2 7.3, audit ed2 7.4
    from helpers.data import duplicates

    printed, _ = _synthetic_table1()
    for column, value in change.items():
        printed.loc[printed["row"] == 29, column] = value
    monkeypatch.setattr(duplicates.curated, "load", lambda resource: printed)
    assert duplicates.matches("msc_studies") == expected


def test_a_possible_duplicate_is_a_warning_under_the_table_with_no_verdict(one_added, monkeypatch):
    from helpers.data import duplicates

    printed, _ = _synthetic_table1()
    monkeypatch.setattr(duplicates.curated, "load", lambda resource: printed)
    (note,) = tables.added_notes(printed, "msc_studies", _findings(("table1", "4")))
    assert note.endswith(
        "Audit: Possible duplicate of printed row 5 [14]: the same disease, source, animal model, route and dose, "
        "follow-up (follow-up compared in days); the two may be one experiment counted twice, or two studies of one "
        "design: warning, no verdict yet."
    )


def test_the_printed_edition_has_no_possible_duplicate():
    from helpers.data import duplicates

    assert all(duplicates.matches(resource) == [] for resource in duplicates.FIELDS)


@pytest.mark.parametrize(
    ("exhibit", "holds", "expected"),
    [
        # table2/table3 ed2 7.1, 7.3: a table holding no addition is not "plus" one
        (
            "table2",
            False,
            "; the additions of this edition (1 study in Table 1 (row 29), data/additions/) are not in this table, "
            "whose rows are the printed ones of the published exhibit.",
        ),
        (
            "table1",
            True,
            ", plus 1 study in Table 1 (row 29) added since from other sources, not from the review (data/additions/).",
        ),
    ],
)
def test_cite_as_says_whether_the_table_holds_an_addition(exhibit, holds, expected):
    from helpers.core import catalog, project

    line = project.cite_as(
        catalog.get(exhibit),
        {f"{exhibit}.csv": "c"},
        canonical=False,
        selection="current edition",
        additions="1 study in Table 1 (row 29)",
        holds_additions=holds,
    )
    assert line.endswith(expected)


@pytest.mark.parametrize(
    ("status", "studies"),
    [
        # table3 ed2 7.2: Completed rows 4, 8, 9, 11, 12, 14 carry NCT numbers; row 17 ([39]) is the cohort study
        ("Completed", 6),
        ("Completed (retrospective cohort study, not a trial)", 1),
        ("unknown", 4),
        ("Not yet recruiting", 3),
        ("Recruiting", 3),
        ("Pause", 1),
    ],
)
def test_the_table3_status_counts_keep_the_cohort_study_apart(status, studies):
    printed = curated.load("clinical_trials")
    derived = tables._derived("clinical_trials", printed, curated.load("abbreviations"), by_disease=False)
    counts = tables.summary(printed, derived, "clinical_trials")["Status"]
    assert counts.loc[counts.iloc[:, 0] == status, "studies"].tolist() == [studies]


def test_an_added_trial_is_said_to_name_its_source_in_the_edition_cell(monkeypatch, current):
    # table3 ed2 7.1: Table 3 has no Ref. column
    printed = _with_added_trial_19(monkeypatch)
    (lead,) = tables.edition_lead(printed.reset_index(drop=True), "clinical_trials")
    assert lead.endswith(
        "an added trial's source (its DOI or PMID) is named in its Edition cell, and its NCT number is its curator's, "
        "not the review's."
    )
    assert "Ref." not in lead


@pytest.mark.parametrize("resource", ["exosome_studies", "clinical_trials"])
def test_the_edition_leads_the_notice_of_a_table_holding_no_addition(one_added, resource):
    # table2 ed2 7.2, table3 ed2 7.4: as in Table 1
    printed = curated.load(resource)
    derived = tables._derived(resource, printed, curated.load("abbreviations"), by_disease=False)
    notice = narrative.table_notice(resource, printed, derived)
    assert notice.startswith("Edition current: the printed edition plus 2 additions since the review")


def test_a_verdict_on_changed_evidence_is_not_counted_as_confirmed(one_added, monkeypatch):
    # audit ed2 7.1, 7.2: L2 at Table 1 row 15 counts "h" 65x in the print and 67x with row 29's two
    found = _findings(("table1", "15"), ("table1", "4")).assign(
        evidence=['2× "HUC-MSC" at table1 row 15 effects; usual form "h" 67×: …', "e"]
    )
    monkeypatch.setattr(
        render,
        "_printed_evidence",
        lambda: {found["key"][0]: '2× "HUC-MSC" at table1 row 15 effects; usual form "h" 65×: …', found["key"][1]: "e"},
    )
    shown = render.shown(found)
    assert list(shown["verdict"]) == [
        "confirmed on the print; evidence changed by the additions, not re-read: why",
        "confirmed: why",
    ]
    assert list(shown["evidence (as printed, or as added)"]) == [
        '2× "HUC-MSC" at table1 row 15 effects; usual form "h" 67× (2 of them from the added row 29): …',
        "e",
    ]
    notice = render.notice(found, ("R1",), 75)
    assert (
        "Verdicts on the 2 findings, all by the project team: 1 confirmed, 1 judged on the print only (1 confirmed "
        "on the print; evidence changed by the additions, not re-read), 0 with no verdict yet." in notice
    )
    summary = render.summary(found, ("R1",))
    assert summary[["confirmed", render.ON_PRINT, render.NO_VERDICT]].iloc[0].tolist() == [1, 1, 0]
    written = pd.read_csv(__import__("io").StringIO(render.render(found, "csv", title="t")), dtype=str)
    assert written["verdict"].tolist() == [
        "confirmed on the print; evidence changed by the additions, not re-read",
        "confirmed",
    ]


def test_the_printed_audit_summary_has_no_edition_columns():
    found = _findings(("table1", "4"))
    assert list(render.summary(found, ("R1",)).columns)[-3:] == ["confirmed", "plausible", "dismissed"]


@pytest.mark.parametrize(
    ("selection", "caption"),
    [("", "Findings per rule"), ("current edition: x", "Findings per rule (current edition: x)")],
)
def test_the_audit_summary_has_a_caption(selection, caption):
    # audit ed2 7.5
    assert render.summary_caption(selection) == caption


@pytest.mark.parametrize(("n", "word"), [(1, "its"), (2, "their")])
def test_the_bibtex_header_says_its_or_their_note(one_added, monkeypatch, n, word):
    # references ed2 7.3
    refs = _with_reference_84()
    records = [{**SYNTHETIC_REF, "key": 84 + i} for i in range(n)]
    monkeypatch.setattr(
        added, "provenance", lambda r: pd.DataFrame(records if r == "references" else [], columns=list(SYNTHETIC))
    )
    if n == 2:
        refs = pd.concat([refs, refs.tail(1).assign(ref=85)]).reset_index(drop=True)
    assert f"added since ({word} `note` says so)" in bib.to_bibtex(refs).splitlines()[0]


@pytest.mark.parametrize("resource", ["msc_studies", "exosome_studies"])
def test_the_host_species_counts_put_no_animal_last(resource):
    # table1 ed2 7.6: in vitro only is not a host species (Table 1: mouse 16, rat 9, in vitro 2, rabbit 1)
    printed = curated.load(resource)
    derived = tables._derived(resource, printed, curated.load("abbreviations"), by_disease=False)
    hosts = tables.summary(printed, derived, resource)["Host species"]
    assert hosts["host species"].iloc[-1] == tables.NO_HOST
    assert "in vitro only" not in set(hosts["host species"])


class _Diseases:
    """A run selecting ``diseases`` (the references notebook's parameter)."""

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes

    def selected(self, name: str):
        return self.codes if name == "diseases" else None


@pytest.mark.parametrize(("disease", "kept"), [("POF", True), ("AD", False)])
def test_a_disease_selection_keeps_an_added_reference_with_its_studys_disease(one_added, monkeypatch, disease, kept):
    # references ed2 7.5: row 29 (POF) cites reference 84, so POF keeps it and AD drops it
    table1, _ = _synthetic_table1()
    refs = _with_reference_84()
    load = curated.load
    monkeypatch.setattr(
        tables.curated,
        "load",
        lambda r: table1 if r == "msc_studies" else refs if r == "references" else load(r),
    )
    chosen = tables.references(_Diseases((disease,)))
    assert (84 in set(chosen["ref"].astype(int))) is kept
    assert len(chosen) > 1  # the printed references of that disease are kept as well


def test_a_current_reference_list_with_nothing_added_says_it_is_the_printed_one(current):
    # references ed2 7.4: the shipped data/additions/ is empty; the print lists 83 references
    notice = narrative.references_notice(curated.load("references"))
    assert notice.endswith(f"{EMPTY_NOTE} None of the 83 references shown was added; all are printed in the review.")
