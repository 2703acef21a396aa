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


@pytest.mark.parametrize(
    ("doi", "pmid", "expected"),
    [
        ("10.0000/a", "", "added 2026-01-01 from DOI 10.0000/a, not printed in the review"),
        ("", "123", "added 2026-01-01 from PMID 123, not printed in the review"),
        ("10.0000/a", "123", "added 2026-01-01 from DOI 10.0000/a, PMID 123, not printed in the review"),
        ("", "", "added 2026-01-01, not printed in the review"),
    ],
)
def test_an_added_label_names_date_and_source(doi, pmid, expected):
    assert added.label({"doi": doi, "pmid": pmid, "date_added": "2026-01-01"}) == expected


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


def test_an_added_row_is_marked_in_the_table_its_notes_and_the_notice(one_added):
    printed = _with_row_29()
    table = tables.published(printed, "msc_studies")
    assert list(table[tables.EDITION_COLUMN]) == [added.PRINTED_LABEL] * 28 + [
        "added 2026-01-01 from DOI 10.0000/synthetic.0001, not printed in the review"
    ]
    assert table["Ref."].iloc[-1] == "[84]"
    assert tables.added_notes(printed, "msc_studies") == (
        "Added row, row 29 [84]: not printed in the review; added 2026-01-01 by t from DOI 10.0000/synthetic.0001; "
        "its cells were coded from that source, with a quote for each in data/additions/msc_studies.csv.",
    )
    assert narrative.edition_notice("msc_studies", printed).endswith(
        "Of the 29 rows counted here, 28 are printed in the review and 1 was added since "
        "(row 29, added 2026-01-01); the Edition column marks it."
    )
    # a selection without the added row says none was added
    assert "None of the 28 rows shown was added" in narrative.edition_notice("msc_studies", printed.head(28))


def test_added_references_are_listed_as_added(one_added):
    refs = pd.concat([curated.load("references"), curated.load("references").tail(1).assign(ref=84)])
    refs = refs.reset_index(drop=True)
    text = bib.to_bibtex(refs)
    assert text.startswith("% The 84 references: 83 printed in Li & Bai (2025), 1 added since")
    entry = text[text.index("Reference 84, added") :]
    assert entry.startswith("Reference 84, added 2026-01-01 by t; not in Li and Bai (2025)")
    assert "printed" not in entry[len("Reference 84, added 2026-01-01 by t; not in Li and Bai (2025)") :].split("}")[0]
    assert "Reference 83 of Li and Bai (2025)" in text
    notice = narrative.references_notice(refs)
    assert "Every printed one is as printed" in notice
    assert notice.endswith("Of the 84 references counted here, 83 are printed in the review and 1 was added since "
                           "(reference 84, added 2026-01-01); the edition column marks it.")  # fmt: skip


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
        ([("table2", "29"), ("references", "84")], [added.PRINTED_LABEL, added.label(SYNTHETIC_REF)]),
        ([("abbreviations", "table1:2")], [added.PRINTED_LABEL]),
    ],
)
def test_the_audit_names_the_edition_of_the_row_each_finding_is_at(one_added, places, labels):
    assert list(render.editions(_findings(*places))) == labels


def test_the_current_audit_marks_and_counts_findings_on_added_rows(one_added):
    found = _findings(("table1", "4"), ("table1", "29"))
    shown = render.shown(found)
    assert list(shown["where"]) == ["table1 4 disease", "table1 29 (added row) disease"]
    assert list(shown["verdict"]) == ["confirmed: why", "unreviewed"]
    assert render.render(found, "csv", title="t").splitlines()[0].endswith(",verdict,edition")
    assert render.notice(found, ("R1",), 75).endswith(
        "1 of the 2 findings are reported at rows added since the review was printed (table1 row 29); "
        "1 of them have no verdict from the project team yet (unreviewed)."
    )
    assert "of the 75 rows (printed or added) of Tables 1-3" in render.notice(found, ("R1",), 75)


def test_the_printed_audit_is_worded_and_written_as_before():
    found = _findings(("table1", "4"))
    assert "edition" not in render.shown(found)
    assert render.render(found, "csv", title="t").splitlines()[0].endswith(",key,verdict")
    assert "of the 74 printed rows of Tables 1-3" in render.notice(found, ("R1",), 74)
    assert "Edition current" not in render.notice(found, ("R1",), 74)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({}, EMPTY_NOTE),
        (
            {"references": 1, "msc_studies": 1},
            "Edition current: the printed edition plus 2 added rows from data/additions/ "
            "(1 reference, 1 MSC study (Table 1)).",
        ),
        (
            {"exosome_studies": 2, "clinical_trials": 1},
            "Edition current: the printed edition plus 3 added rows from data/additions/ "
            "(2 exosome studies (Table 2), 1 clinical study (Table 3)).",
        ),
    ],
)
def test_the_edition_note_counts_the_added_rows_by_kind(monkeypatch, counts, expected):
    monkeypatch.setattr(curated.additions, "load", lambda name: pd.DataFrame({"row": range(counts.get(name, 0))}))
    assert curated.edition_note() == expected
