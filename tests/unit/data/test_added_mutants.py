"""How a current-edition run names the rows added after the print (helpers.data.added), on additions built here.

The additions files are replaced by a few literal rows (``additions.load`` is patched, ``provenance`` is not), so
each rule is checked from the file's columns to the words a table cell, a caption or a notice shows.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.core import edition
from helpers.data import added

CODED = "not printed in the review; cells coded by one curator, not reviewed"
TYPED = "not printed in the review; fields typed by its curator, its citation composed from them"


def _rows(key: str, keys: list[int], **columns) -> pd.DataFrame:
    base = {key: keys, "doi": ["10.0000/x"] * len(keys), "pmid": [""] * len(keys)}
    base |= {"date_added": ["2026-01-01"] * len(keys), "added_by": ["t"] * len(keys)}
    return pd.DataFrame(base | columns)


@pytest.fixture
def additions_of(monkeypatch):
    """Make the run's edition current and its additions the frames given (a resource not given: none)."""

    def use(frames: dict[str, pd.DataFrame]) -> None:
        def load(resource: str) -> pd.DataFrame:
            return frames.get(resource, _rows(added.KEYS[resource], []))

        monkeypatch.setattr(added.additions, "load", load)

    edition.use(edition.CURRENT)
    yield use
    edition.use(edition.PRINTED)


def test_provenance_gives_each_added_row_its_number_source_date_and_curator(additions_of):
    additions_of({"msc_studies": _rows("row", [29], doi=["10.0000/a"], pmid=["123"], added_by=["A. Curator"])})
    got = added.provenance("msc_studies")
    assert list(got.columns) == ["key", "doi", "pmid", "date_added", "added_by"]
    assert got["key"].dtype.kind == "i"
    assert got.to_dict("records") == [
        {"key": 29, "doi": "10.0000/a", "pmid": "123", "date_added": "2026-01-01", "added_by": "A. Curator"}
    ]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"date_added": "2026-01-01", "pmid": "123", "added_by": "t"},
            f"added 2026-01-01 by t from PMID 123 (not looked up), {CODED}",
        ),
        (
            {"date_added": "2026-01-01", "doi": "10.0000/a", "added_by": "t"},
            f"added 2026-01-01 by t from DOI 10.0000/a (not looked up), {CODED}",
        ),
        (
            {"date_added": "2026-01-01", "doi": "10.0000/a"},
            f"added 2026-01-01 from DOI 10.0000/a (not looked up), {CODED}",
        ),
        ({"date_added": "2026-01-01"}, f"added 2026-01-01, {CODED}"),
    ],
)
def test_a_label_leaves_out_the_source_and_curator_a_record_does_not_have(record, expected):
    assert added.label(record) == expected


def test_the_labels_of_added_references_say_their_citation_was_composed(additions_of):
    additions_of({"references": _rows("ref", [84])})
    got = added.labels("references", pd.Series([1, 84], index=[10, 11]))
    assert got.tolist() == [added.PRINTED_LABEL, f"added 2026-01-01 by t from DOI 10.0000/x (not looked up), {TYPED}"]
    assert list(got.index) == [10, 11]


def test_the_labels_of_added_study_rows_say_one_curator_coded_them_and_keep_the_table_s_index(additions_of):
    additions_of({"msc_studies": _rows("row", [29])})
    got = added.labels("msc_studies", pd.Series([29, 3], index=[28, 2]))
    assert got.tolist() == [f"added 2026-01-01 by t from DOI 10.0000/x (not looked up), {CODED}", added.PRINTED_LABEL]
    assert list(got.index) == [28, 2]


def test_the_labels_of_no_rows_are_an_empty_text_column(additions_of):
    additions_of({})
    got = added.labels("msc_studies", pd.Series([], dtype=int))
    assert got.empty and str(got.dtype) == "str"


def test_added_reference_numbers_are_whole_numbers(additions_of):
    additions_of({"references": _rows("ref", [84, 85])})
    assert sorted(str(k) for k in added.added_refs()) == ["84", "85"]


@pytest.mark.parametrize(
    ("frames", "resource", "printed_n", "expected"),
    [
        (
            {"msc_studies": _rows("row", [29, 30])},
            "msc_studies",
            28,
            "current edition: the review's 28 rows plus 2 added since (rows 29, 30), not from the review",
        ),
        (
            {"msc_studies": _rows("row", [29])},
            "msc_studies",
            1,
            "current edition: the review's 1 row plus 1 added since (row 29), not from the review",
        ),
        (
            {"clinical_trials": _rows("row", [19])},
            "clinical_trials",
            2,
            "current edition: the review's 2 rows plus 1 added since (row 19), not from the review",
        ),
        (
            {"references": _rows("ref", [84, 85, 86])},
            "references",
            83,
            "current edition: the review's 83 references plus 3 added since (references 84, 85, 86), "
            "not from the review",
        ),
    ],
)
def test_a_current_caption_counts_the_printed_rows_and_names_each_added_one(
    additions_of, frames, resource, printed_n, expected
):
    additions_of(frames)
    assert added.scope(resource, printed_n) == expected


@pytest.mark.parametrize(
    ("frames", "expected"),
    [
        ({"references": _rows("ref", [84])}, "1 reference (84)"),
        ({"references": _rows("ref", [84, 85])}, "2 references (84, 85)"),
        ({"clinical_trials": _rows("row", [19, 20])}, "2 trials in Table 3 (rows 19, 20)"),
        (
            {"msc_studies": _rows("row", [29]), "exosome_studies": _rows("row", [29, 30])},
            "1 study in Table 1 (row 29) and 2 studies in Table 2 (rows 29, 30)",
        ),
        (
            {
                "msc_studies": _rows("row", [29]),
                "exosome_studies": _rows("row", [29, 30]),
                "clinical_trials": _rows("row", [19]),
                "references": _rows("ref", [84, 85]),
            },
            "1 study in Table 1 (row 29), 2 studies in Table 2 (rows 29, 30), 1 trial in Table 3 (row 19) "
            "and 2 references (84, 85)",
        ),
        ({}, ""),
    ],
)
def test_the_summary_names_every_addition_by_table_and_number(additions_of, frames, expected):
    additions_of(frames)
    assert added.summary() == expected
