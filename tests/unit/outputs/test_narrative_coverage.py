"""helpers.outputs.narrative: which MSC sources Table 4 leaves out, and the rows that compare sources.

``source_coverage`` is called with hand-made Table 4 ``source`` columns and
coded study and trial frames (``table`` and ``tissue`` columns, several codes
joined with ``+``, a missing tissue as ``<NA>``), and once with its defaults,
the whole review. Every expected sentence is written out from the rule in its
docstring: each source the studies use that Table 4 does not list, by its name
in lower case (its code when the vocabulary has no name), with its count among
the preclinical studies, among the clinical studies, the tables that use it and
its total.

``_source_comparisons`` reads Tables 1-2 itself; here ``curated.load`` is
replaced by a stand-in serving two hand-made tables, so that a row whose
Effects name exactly three sources can be shown.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import curated
from helpers.outputs import narrative


def _studies(*rows: tuple[str, str | None]) -> pd.DataFrame:
    """Coded preclinical studies: (table, tissue) pairs; tissue is a nullable string as in helpers.data.coded."""
    return pd.DataFrame(
        {
            "table": [table for table, _ in rows],
            "tissue": pd.array([pd.NA if t is None else t for _, t in rows], dtype="string"),
        }
    )


def _trials(*tissues: str | None) -> pd.DataFrame:
    """Coded clinical studies: their tissue codes only."""
    return pd.DataFrame({"tissue": pd.array([pd.NA if t is None else t for t in tissues], dtype="string")})


def _sources(*codes: str) -> pd.DataFrame:
    """Table 4 as printed: one row per source it describes."""
    return pd.DataFrame({"source": list(codes)})


EVERY_SOURCE_DESCRIBED = "Every MSC source the studies of Tables 1-3 use is described in Table 4."


@pytest.mark.parametrize(
    "sources, studies, trials, expected",
    [
        pytest.param(
            # AM: Table 1 row "UC+AM" and Table 2 row "AM" -> 2 of 4 preclinical, 0 of 2 clinical, 2 tables.
            # DP: the one trial "DP" -> 0 of 4, 1 of 2, Table 3 alone, 1 study. UC and BM are described.
            _sources("BM", "UC"),
            _studies(("table1", "UC+AM"), ("table1", "BM"), ("table2", "AM"), ("table2", None)),
            _trials("DP", "BM"),
            "Table 4 does not describe amniotic membrane (AM: 2 of the 4 preclinical studies, 0 of the 2 clinical "
            "studies), which Table 1 and Table 2 use (2 studies); nor dental pulp (DP: 0 of the 4 preclinical "
            "studies, 1 of the 2 clinical studies), which only Table 3 uses (1 study).",
            id="two-sources-in-code-order-joined-by-nor-one-in-two-tables-one-in-table-3-only",
        ),
        pytest.param(
            # AD: Table 1 row "AD" (1 of 2 preclinical) and trials "AD+UC", "AD" (2 of 3 clinical): 3 studies,
            # used by Table 1 and Table 3 but not by Table 2 (its one row is UC).
            _sources("UC"),
            _studies(("table1", "AD"), ("table2", "UC")),
            _trials("AD+UC", "AD", None),
            "Table 4 does not describe adipose tissue (AD: 1 of the 2 preclinical studies, 2 of the 3 clinical "
            "studies), which Table 1 and Table 3 use (3 studies).",
            id="total-adds-preclinical-and-clinical-and-names-only-the-tables-using-it",
        ),
        pytest.param(
            # PL has no name in the vocabulary: the sentence names it by its code (lower-cased like a name).
            _sources("BM"),
            _studies(("table2", "PL")),
            _trials("BM"),
            "Table 4 does not describe pl (PL: 1 of the 1 preclinical study, 0 of the 1 clinical study), "
            "which only Table 2 uses (1 study).",
            id="a-code-without-a-name-is-named-by-its-code",
        ),
        pytest.param(
            # UCB twice in Table 1 alone: "only" with one table, and the plural for 2 studies.
            _sources("BM", "UC"),
            _studies(("table1", "UCB"), ("table1", "UCB+BM"), ("table2", "UC")),
            _trials("UC"),
            "Table 4 does not describe umbilical cord blood (UCB: 2 of the 3 preclinical studies, 0 of the 1 "
            "clinical study), which only Table 1 uses (2 studies).",
            id="one-table-two-studies-only-and-plural",
        ),
        pytest.param(
            _sources("BM", "UC", "AM"),
            _studies(("table1", "UC+AM"), ("table2", None)),
            _trials("BM", None),
            EVERY_SOURCE_DESCRIBED,
            id="every-used-source-described-missing-tissues-ignored",
        ),
    ],
)  # fmt: skip
def test_source_coverage_names_each_undescribed_source_with_its_counts_and_tables(sources, studies, trials, expected):
    """A source used by the studies or trials but absent from Table 4 is named with its preclinical and clinical
    counts (of all rows), the tables that use it ('only' when one), and its total; several are joined by '; nor'."""
    assert narrative.source_coverage(sources, studies, trials) == expected


def test_source_coverage_of_the_whole_review():
    """With its defaults the sentence is about the whole review, read off the print by hand.

    Table 4 describes BM, AD, UC, UCB and DP (data/tissue_sources.csv; the seed's Table 4). Of the sources of
    Tables 1-3 (data/msc_studies.csv and exosome_studies.csv ``source``, clinical_trials.csv ``msc_type``) only
    amniotic membrane is left: Table 1 row 1 "mAM-MSC" (ref 10) and row 23 "hAM-MSC" (ref 38); no row of Table 2
    (28 rows) or Table 3 (18 rows) names AM. Tables 1 and 2 hold 28 + 28 = 56 preclinical studies.
    """
    assert narrative.source_coverage() == (
        "Table 4 does not describe amniotic membrane (AM: 2 of the 56 preclinical studies, 0 of the 18 clinical "
        "studies), which only Table 1 uses (2 studies)."
    )


#: Two hand-made tables for _source_comparisons: Table 1 with a row comparing three sources (BM first, then AD
#: and UC) and a row naming one source twice; Table 2 with a row comparing two sources (the first named repeated).
TABLES = {
    "msc_studies": pd.DataFrame(
        {
            "ref": [7, 8],
            "disease": ["OP", "POF"],
            "effects": ["BM-MSCs healed bone better than AD-MSCs or UC-MSCs", "UC-MSCs and more UC-MSCs helped"],
        }
    ),
    "exosome_studies": pd.DataFrame(
        {
            "ref": [9],
            "disease": ["AS"],
            "effects": ["DP-MSC exosomes beat BM-MSC exosomes; DP-MSC again"],
        }
    ),
}


@pytest.mark.parametrize(
    "columns, expected",
    [
        pytest.param(
            {"advantages": ["Grows faster than BM"], "disadvantages": ["Fewer cells than AD\nPainful"]},
            " Its 2 comparative claims ('Grows faster than BM'; 'Fewer cells than AD') cite no study either; 2 rows "
            "of Tables 1-2 print a comparison of sources in their Effects, each on one disease model: "
            "[7] (OP: BM-MSCs against AD-MSCs and UC-MSCs) and [9] (AS: DP-MSCs against BM-MSCs).",
            id="three-sources-first-against-second-and-third-two-sources-first-against-second",
        ),
    ],
)  # fmt: skip
def test_source_comparisons_a_row_naming_three_sources_lists_the_other_two_with_and(monkeypatch, columns, expected):
    """A row of Tables 1-2 whose Effects name three sources reads 'first against second and third'; a source named
    twice counts once, so a row repeating one source compares nothing and is left out."""
    # _source_comparisons imports helpers.data.curated inside the function and calls curated.load: patch that.
    monkeypatch.setattr(curated, "load", lambda name: TABLES[name])
    assert narrative._source_comparisons(pd.DataFrame(columns)) == expected


def test_source_comparisons_one_claim_and_one_row_are_said_in_the_singular(monkeypatch):
    """One comparative claim 'cites'; one row of Tables 1-2 'prints' a comparison 'in its Effects'."""
    one_row = {"msc_studies": TABLES["msc_studies"].iloc[[0]], "exosome_studies": TABLES["exosome_studies"].iloc[:0]}
    monkeypatch.setattr(curated, "load", lambda name: one_row[name])
    assert narrative._source_comparisons(pd.DataFrame({"advantages": ["Grows faster than BM"]})) == (
        " Its 1 comparative claim ('Grows faster than BM') cites no study either; 1 row of Tables 1-2 prints a "
        "comparison of sources in its Effects, on one disease model: [7] (OP: BM-MSCs against AD-MSCs and UC-MSCs)."
    )
