"""helpers.outputs.narrative in the current edition: edition_notice, table_notice with an added row.

An added row is played by a synthetic provenance record (Table 1 row 29 citing reference 84, added
2026-01-01), as tests/unit/outputs/test_edition_tables.py does; the edition's own first sentence
(:func:`helpers.data.curated.edition_note`, tested where it lives) is stood in for by a marker, so what
is checked here is what narrative adds: the counts of printed and added rows.
"""

from __future__ import annotations

import contextlib
from unittest import mock

import pandas as pd
import pytest

from helpers.core import edition
from helpers.data import added, curated
from helpers.outputs import narrative

from .test_narrative_tables import DERIVED, HEAD, PRECLINICAL, PRINTED

NOTE = "EDITION NOTE."
RECORDS = {
    "msc_studies": [{"key": 29, "date_added": "2026-01-01"}],
    "references": [{"key": 84, "date_added": "2026-02-02"}],
}


@contextlib.contextmanager
def current(records=RECORDS):
    """The current edition, with ``records`` as the added rows of each resource."""
    edition.use(edition.CURRENT)
    frames = lambda resource: pd.DataFrame(records.get(resource, []), columns=["key", "date_added"])  # noqa: E731
    try:
        with mock.patch.object(added, "provenance", frames), mock.patch.object(curated, "edition_note", lambda: NOTE):
            yield
    finally:
        edition.use(edition.PRINTED)


# Table 1's four rows plus row 29 (reference 84): POF, adipose tissue, a rat treated, a primed product.
PRINTED_29 = pd.concat(
    [PRINTED, pd.DataFrame({"row": [29], "ref": [84], "animal_model": ["rats"], "effects": ["x"]})], ignore_index=True
)
DERIVED_29 = pd.concat(
    [
        DERIVED,
        pd.DataFrame(
            {
                "disease_code": ["POF"],
                "tissue": ["AD"],
                "setting": ["in vivo"],
                "host_species": ["rat"],
                "modality": ["cells"],
                "product": ["modified"],
                "modification": ["primed"],
            }
        ),
    ],
    ignore_index=True,
)


def test_table_notice_counts_the_printed_rows_then_what_the_added_row_changes():
    """table_notice, current edition: the edition, the review's rows as printed, then each count the addition moves."""
    with current():
        notice = narrative.table_notice("msc_studies", PRINTED_29, DERIVED_29)
    assert notice == (
        "EDITION NOTE. Of the 5 rows counted here, 4 are printed in the review and 1 was added since (row 29, added "
        "2026-01-01); the Edition column marks it. The review's 4 rows first: "
        + HEAD
        + PRECLINICAL.format(product="MSCs", hosts="")
        + " With the added row (row 29 [added 84]: cells coded by their curator, not printed), the current edition "
        "counts 5 rows (4 printed, 1 added): Premature ovarian failure (POF) 3 of 5 (2 printed, 1 added); Adipose "
        "tissue (AD) 2 (1 printed, 1 added); the source counts sum to 6 for 5 studies (5 printed, 1 added); an "
        "animal treated in 3 of 5 (2 printed, 1 added); rat hosts 2 (1 printed, 1 added); a modified product in 2 "
        "of 5 (1 printed, 1 added). A count or sum above that this list does not name is the same in the current "
        "edition (out of 5 where it says 'of')."
    )


def test_table_notice_current_edition_without_an_added_row_shown():
    """table_notice, current edition, no added row among those shown: the edition says so, then the notice."""
    with current():
        notice = narrative.table_notice("msc_studies", PRINTED, DERIVED)
    assert notice == (
        "EDITION NOTE. None of the 4 rows shown was added; all are printed in the review. "
        + HEAD
        + PRECLINICAL.format(product="MSCs", hosts="")
    )


def test_added_counts_two_added_rows_in_vitro_and_native():
    """_added_counts: two added rows ('rows'), neither treating an animal nor modified: only the codes they move."""
    printed = pd.concat([PRINTED_29, PRINTED_29.tail(1).assign(row=30, ref=85)], ignore_index=True)
    derived = pd.concat([DERIVED_29, DERIVED_29.tail(1)], ignore_index=True)
    derived.loc[4:, ["setting", "product", "modification", "tissue"]] = ["in vitro", "native", "none", "UC"]
    mask = printed["row"].isin([29, 30]).to_numpy()
    records = {"references": [{"key": 84, "date_added": "2026-02-02"}]}
    with current(records):
        text = narrative._added_counts("msc_studies", printed, derived, mask)
    assert text == (
        " With the added rows (row 29 [added 84]; row 30 [85]: cells coded by their curator, not printed), the current "
        "edition counts 6 rows (4 printed, 2 added): Premature ovarian failure (POF) 4 of 6 (2 printed, 2 added); "
        "Umbilical cord (UC) 4 (2 printed, 2 added); the source counts sum to 7 for 6 studies (5 printed, 2 added). "
        "A count or sum above that this list does not name is the same in the current edition (out of 6 where it "
        "says 'of')."
    )


EDITIONS = [
    (
        "an added row shown",
        "msc_studies",
        PRINTED_29,
        " EDITION NOTE. Of the 5 rows counted here, 4 are printed in the review and 1 was added since "
        "(row 29, added 2026-01-01); the Edition column marks it.",
    ),
    (
        "two added references: 'were', 'them', 'edition' in lower case",
        "references",
        pd.DataFrame({"ref": [1, 84, 85]}),
        " EDITION NOTE. Of the 3 references counted here, 1 are printed in the review and 2 were added since "
        "(reference 84, added 2026-02-02; reference 85, added 2026-03-03); the edition column marks them.",
    ),
    (
        "nothing shown",
        "msc_studies",
        PRINTED.iloc[0:0],
        " EDITION NOTE. None of the 0 rows shown was added; all are printed in the review.",
    ),
    (
        "one reference shown, printed",
        "references",
        pd.DataFrame({"ref": [1]}),
        " EDITION NOTE. None of the 1 reference shown was added; all are printed in the review.",
    ),
    ("a resource no addition extends", "tissue_sources", PRINTED, ""),
]


@pytest.mark.parametrize("rule, resource, shown, text", EDITIONS, ids=[e[0] for e in EDITIONS])
def test_edition_notice_in_the_current_edition(rule, resource, shown, text):
    """edition_notice: how many of the rows shown were added, each named with its date."""
    records = {
        **RECORDS,
        "references": [{"key": 84, "date_added": "2026-02-02"}, {"key": 85, "date_added": "2026-03-03"}],
    }
    with current(records):
        assert narrative.edition_notice(resource, shown) == text, rule


def test_edition_notice_in_the_printed_edition_is_empty():
    """The printed edition adds no sentence."""
    assert narrative.edition_notice("msc_studies", PRINTED_29) == ""


def test_added_mask():
    """_added_mask: which shown rows were added; None in the printed edition, for other tables, or when none is."""
    with current():
        assert list(narrative._added_mask("msc_studies", PRINTED_29)) == [False, False, False, False, True]
        assert narrative._added_mask("msc_studies", PRINTED) is None
        assert narrative._added_mask("tissue_sources", PRINTED_29) is None
        assert narrative._added_mask("msc_studies", PRINTED_29.iloc[0:0]) is None
    assert narrative._added_mask("msc_studies", PRINTED_29) is None


def test_table_notice_current_edition_keeps_the_findings_for_the_printed_rows():
    """table_notice with an added row and the audit's findings: the printed rows' notice names the other hosts."""
    from .test_narrative_tables import FINDINGS, OTHER_HOSTS

    with current():
        notice = narrative.table_notice("msc_studies", PRINTED_29, DERIVED_29, FINDINGS)
    assert PRECLINICAL.format(product="MSCs", hosts=OTHER_HOSTS) in notice


def test_added_counts_without_refs_unknown_codes_and_an_unread_setting():
    """_added_counts: rows named without a reference when none is printed; a code with no name kept as the code;
    a missing setting is not 'in vitro', so the added row counts as treating an animal."""
    printed = pd.DataFrame({"row": [1, 2, 3]})
    derived = pd.DataFrame(
        {
            "disease_code": ["AD", "XX", "XX"],
            "tissue": ["BM", "BM", "ZZ"],
            "setting": ["in vitro", "in vivo", None],
            "host_species": ["", "mouse", "mouse"],
        }
    )
    with current():
        text = narrative._added_counts("exosome_studies", printed, derived, pd.Series([False, False, True]).to_numpy())
    assert text == (
        " With the added row (row 3: cells coded by their curator, not printed), the current edition counts 3 rows "
        "(2 printed, 1 added): XX (XX) 2 of 3 (1 printed, 1 added); ZZ (ZZ) 1 (0 printed, 1 added); an animal "
        "treated in 2 of 3 (1 printed, 1 added); mouse hosts 2 (1 printed, 1 added). A count or sum above that "
        "this list does not name is the same in the current edition (out of 3 where it says 'of')."
    )


def test_added_mask_for_table2_and_an_empty_edition_notice():
    """_added_mask reads Table 2's additions too; edition_notice of an empty column-less frame names none."""
    with current({"exosome_studies": [{"key": 29, "date_added": "2026-01-01"}]}):
        assert list(narrative._added_mask("exosome_studies", PRINTED_29)) == [False, False, False, False, True]
        assert narrative.edition_notice("exosome_studies", pd.DataFrame()) == (
            " EDITION NOTE. None of the 0 rows shown was added; all are printed in the review."
        )


def test_added_mask_for_table3():
    """_added_mask reads Table 3's additions as well."""
    with current({"clinical_trials": [{"key": 3, "date_added": "2026-01-01"}]}):
        assert list(narrative._added_mask("clinical_trials", pd.DataFrame({"row": [1, 3]}))) == [False, True]
