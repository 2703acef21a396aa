"""Direct checks of the selection sentences of :mod:`helpers.outputs.narrative`.

Each case builds a small selection flow (the ``box, quantity, n`` rows
:func:`helpers.analysis.selection.flow` gives) and a few reference roles by hand,
and compares the WHOLE sentence with one written from them: the counts, the
shares, the bracketed references, and the singular/plural words.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.selection import COMPANION, OFF_MODEL, PATIENTS, SAME_GROUP, UNDECIDED
from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative as nv

TRIAL = "source of a tabulated trial"
MSC = "tabulated MSC study"
EXO = "tabulated exosome study"
TEXT_ONLY = "primary study, cited in the text only"


def _flow(counts: dict[tuple[str, str], int]) -> pd.DataFrame:
    """The selection flow as rows of box, quantity and n."""
    return pd.DataFrame([{"box": b, "quantity": q, "n": n} for (b, q), n in counts.items()])


def _roles(*specs: tuple) -> pd.DataFrame:
    """Reference roles: ref, role, table_rows, note (None for an empty cell), text_section."""
    cols = ["ref", "role", "table_rows", "note", "text_section"]
    return pd.DataFrame([dict(zip(cols, s)) for s in specs], columns=cols)


def _tables(t1: tuple[int, int, int], t2: tuple[int, int, int], t3: tuple[int, int]) -> dict:
    """Table boxes: (rows, rows backed by a reference, references) for Tables 1-2, (rows, backed) for Table 3."""
    out = {}
    for box, (rows, backed, refs) in (("table1", t1), ("table2", t2)):
        out |= {(box, "rows"): rows, (box, "rows backed by a reference"): backed, (box, "references"): refs}
    return out | {("table3", "rows"): t3[0], ("table3", "rows backed by a reference"): t3[1]}


REGISTRY = (
    "registry records: an NCT number, with no publication cited (the table's legend names ClinicalTrials.gov as "
    "its source)."
)

# Four tabulated references, one reference per row (3 + 1 rows); [5] and [6] name each other as companions, [7]
# and [8] as one group; [9] names a group member outside the tables, so no pair; [8] is a study in patients and
# [20] backs a trial row: two references report work in patients. One of Table 3's 4 rows has a reference.
SAMPLE_ROLES = _roles(
    (5, MSC, "Table 1 row 2", f"{COMPANION} [6]", "MSCs"),
    (6, MSC, "Table 1 row 3", f"{COMPANION} [5]", "MSCs"),
    (7, EXO, "Table 2 row 1", f"{SAME_GROUP} [8]", "MSC-Exos"),
    (8, MSC, "Table 1 row 5", f"{SAME_GROUP} [7]; {PATIENTS}", "MSCs"),
    (9, EXO, "Table 2 row 4", f"{SAME_GROUP} [30]", "MSC-Exos"),
    (20, TRIAL, "Table 3 rows 1, 2", None, "MSCs"),
)
SAMPLE_FLOW = _tables((3, 3, 3), (1, 1, 1), (4, 1))
SAMPLE_TEXT = (
    "The 4 rows of Tables 1-2 each cite one reference of their own; a reference is a report, and whether the "
    "reports are 4 independent studies is not reported in the review (companion reports: [5] and [6]; reports from "
    "one group: [7] and [8]). The print's titles of Tables 1-2 do not call them preclinical, and 1 of the 4 (Table 1 "
    "row 5, [8]) is presented by the body text and the cited title as a study in patients: the tables hold 2 "
    "references that report work in patients ([8], [20]), not only those behind Table 3. 1 of Table 3's 4 clinical "
    f"rows is backed by a reference; the other 3 are {REGISTRY}"
)


@pytest.mark.parametrize(
    ("flow", "roles", "expected"),
    [
        pytest.param(
            SAMPLE_FLOW, SAMPLE_ROLES, SAMPLE_TEXT, id="own references, both pairs, one patient study, one trial row"
        ),
        pytest.param(
            # Table 1: 3 rows, 2 references; Table 2: 2 rows, 1 reference, so 5 rows not each with their own.
            _tables((3, 3, 2), (2, 2, 1), (0, 0)),
            _roles(
                (5, MSC, "Table 1 rows 1-2", PATIENTS, "MSCs"),
                (6, MSC, "Table 1 row 3", None, "MSCs"),
                (7, EXO, "Table 2 rows 1-2", "", "MSC-Exos"),
            ),
            "The 5 rows of Tables 1-2 do not each cite a reference of their own; a reference is a report, and whether "
            "the reports are 5 independent studies is not reported in the review. The print's titles of Tables 1-2 "
            "do not call them preclinical, and 1 of the 5 (Table 1 rows 1-2, [5]) is presented by the body text and "
            "the cited title as a study in patients: the tables hold 1 reference that reports work in patients "
            "([5]), not only those behind Table 3. Table 3 prints no clinical row of this selection.",
            id="shared references, no pair, one reference in patients, no trial row",
        ),
        pytest.param(
            _tables((2, 2, 2), (3, 3, 3), (5, 2)),
            _roles(
                (5, MSC, "Table 1 row 1", f"{PATIENTS}; {COMPANION} [6]", "MSCs"),
                (6, MSC, "Table 1 row 2", f"{COMPANION} [5]; {PATIENTS}", "MSCs"),
                (7, EXO, "Table 2 row 1", "", "MSC-Exos"),
                (10, EXO, "Table 2 row 2", f"{COMPANION} [11]", "MSC-Exos"),
                (11, EXO, "Table 2 row 3", f"{COMPANION} [10]", "MSC-Exos"),
                (20, TRIAL, "Table 3 row 1", None, "MSCs"),
                (21, TRIAL, "Table 3 row 3", None, "MSCs"),
            ),
            "The 5 rows of Tables 1-2 each cite one reference of their own; a reference is a report, and whether the "
            "reports are 5 independent studies is not reported in the review (companion reports: [5] and [6], [10] "
            "and [11]). The print's titles of Tables 1-2 do not call them preclinical, and 2 of the 5 (Table 1 row 1; "
            "Table 1 row 2, "
            "[5], [6]) are presented by the body text and the cited title as studies in patients: the tables hold 4 "
            "references that report work in patients ([5], [6], [20], [21]), not only those behind Table 3. 2 of "
            f"Table 3's 5 clinical rows are backed by a reference; the other 3 are {REGISTRY}",
            id="two companion pairs only, two patient studies, two backed trial rows",
        ),
        pytest.param(
            _tables((2, 2, 2), (2, 2, 2), (2, 0)),
            _roles(
                (5, MSC, "Table 1 row 1", "", "MSCs"),
                (7, EXO, "Table 2 row 1", f"{SAME_GROUP} [5]", "MSC-Exos"),
                (8, MSC, "Table 1 row 2", f"{SAME_GROUP} [9]", "MSCs"),
                (9, EXO, "Table 2 row 2", None, "MSC-Exos"),
            ),
            "The 4 rows of Tables 1-2 each cite one reference of their own; a reference is a report, and whether the "
            "reports are 4 independent studies is not reported in the review (reports from one group: [5] and [7], "
            "[8] and [9]). "
            f"0 of Table 3's 2 clinical rows are backed by a reference; the other 2 are {REGISTRY}",
            id="two groups only, no patient study, no backed trial row",
        ),
    ],
)
def test_selection_sample_says_what_the_rows_are(flow, roles, expected):
    """Rows are reports, not independent studies: pairs named, patient studies counted, NCT-only rows counted."""
    assert nv._selection_sample(_flow(flow), roles) == expected


@pytest.mark.parametrize(
    ("held", "words", "expected"),
    [
        pytest.param(SAMPLE_ROLES, COMPANION, ["[5] and [6]"], id="a pair naming each other is listed once"),
        pytest.param(SAMPLE_ROLES, SAME_GROUP, ["[7] and [8]"], id="a partner outside the held refs is no pair"),
        pytest.param(SAMPLE_ROLES.iloc[0:0], COMPANION, [], id="no references: no pair"),
    ],
)
def test_selection_pairs_lists_pairs_within_the_held_references(held, words, expected):
    """Two references form a pair when a note names the other after the marker words and both are held."""
    assert nv._selection_pairs(held, words) == expected


@pytest.mark.parametrize(
    ("refs", "expected"), [([8], "[8]"), ([5, 6, 20], "[5], [6], [20]")], ids=["one ref", "refs comma-separated"]
)
def test_bracketed_writes_references_as_printed(refs, expected):
    """References are written [n], comma-separated, in the order given."""
    assert nv._bracketed(refs) == expected


def _refs_flow(used: int, primary: int, text_only: int, review: int, method: int, listed: int = 0) -> dict:
    return {
        ("listed", "references"): listed,
        ("tabulated", "references"): used,
        ("primary", "references"): primary,
        ("text_only", "references"): text_only,
        ("review", "references"): review,
        ("method", "references"): method,
    }


OFF_TAIL = (
    "the cited title shows a model other than the disease of the section that cites them (the note column says "
    "which); a disease is given to them only because the text cites them in its section."
)
# 1 tabulated + 3 text-only primary references: 3 of 4 = 75 %; two in the MSC part, one in the exosome part, [31]
# off its section's model; 6 text-only references, so 3 are not primary: 2 reviews and 1 method.
PRIMARY_ROLES = _roles(
    (30, TEXT_ONLY, "", "", "MSCs in aging"),
    (31, TEXT_ONLY, "", OFF_MODEL, "MSC-Exos in skin"),
    (32, TEXT_ONLY, "", None, "MSCs in bone"),
)
PRIMARY_FLOW = _refs_flow(1, 3, 6, 2, 1, listed=7)
PRIMARY_TEXT = (
    "3 of the 4 primary references the review cites (75 %) are not in its tables (references: the 1 behind a table "
    "row and the 3 cited in the text only). Of the 3 primary studies cited in the text only, 2 are in the part on "
    f"MSCs and 1 in the part on exosomes. For 1 of the 3 ([31]), {OFF_TAIL} The other 3 text-only references are 2 "
    "reviews or background sources and 1 method or guideline."
)


@pytest.mark.parametrize(
    ("flow", "roles", "expected"),
    [
        pytest.param(PRIMARY_FLOW, PRIMARY_ROLES, PRIMARY_TEXT, id="decided: one share, one off-model, 2 reviews"),
        pytest.param(
            # 2 tabulated + 3 text-only primary, 2 of them undecided: 1-3 of 3-5 (33-60 %).
            _refs_flow(2, 3, 6, 1, 2),
            _roles(
                (30, TEXT_ONLY, "", UNDECIDED, "MSCs x"),
                (33, TEXT_ONLY, "", UNDECIDED, "MSC-Exos y"),
                (34, TEXT_ONLY, "", "", "MSC-Exos z"),
            ),
            "Between 1 and 3 of the 3 to 5 primary references the review cites (33-60 %) are not in its tables: 3 "
            "if [30], [33] are primary studies, 1 if they are reviews, which the print does not decide (their notes "
            "say so). Here 5 counts references (the 2 behind a table row and the 3 primary studies cited in the text "
            "only), not table rows. Of the 3 primary studies cited in the text only, 1 is in the part on MSCs and 2 "
            "in the part on exosomes. The other 3 text-only references are 1 review or background source and 2 "
            "methods or guidelines.",
            id="undecided: a range of shares, 1 review, 2 methods",
        ),
        pytest.param(
            # 1 tabulated + 4 text-only primary, 2 undecided: 2-4 of 3-5 (67-80 %).
            _refs_flow(1, 4, 7, 1, 2),
            _roles(
                (30, TEXT_ONLY, "", UNDECIDED, "MSCs x"),
                (33, TEXT_ONLY, "", UNDECIDED, "MSC-Exos y"),
                (34, TEXT_ONLY, "", "", "MSCs z"),
                (35, TEXT_ONLY, "", None, "MSCs w"),
            ),
            "Between 2 and 4 of the 3 to 5 primary references the review cites (67-80 %) are not in its tables: 4 "
            "if [30], [33] are primary studies, 2 if they are reviews, which the print does not decide (their notes "
            "say so). Here 5 counts references (the 1 behind a table row and the 4 primary studies cited in the text "
            "only), not table rows. Of the 4 primary studies cited in the text only, 3 are in the part on MSCs and 1 "
            "in the part on exosomes. The other 3 text-only references are 1 review or background source and 2 "
            "methods or guidelines.",
            id="undecided: two left out at least, shares rounded",
        ),
        pytest.param(
            _refs_flow(1, 3, 3, 0, 0),
            PRIMARY_ROLES,
            "3 of the 4 primary references the review cites (75 %) are not in its tables (references: the 1 behind a "
            "table row and the 3 cited in the text only). Of the 3 primary studies cited in the text only, 2 are in "
            f"the part on MSCs and 1 in the part on exosomes. For 1 of the 3 ([31]), {OFF_TAIL}",
            id="every text-only reference primary: no other references sentence",
        ),
    ],
)
def test_selection_primary_counts_primary_references_left_out(flow, roles, expected):
    """Primary references outside the tables, as a share of all primary ones (a range where the print is undecided)."""
    assert nv._selection_primary(_flow(flow), roles) == expected


@pytest.mark.parametrize(
    ("kwargs", "scope"),
    [
        ({}, "in the review's list"),
        ({"selected": False}, "in the review's list"),
        (
            {"selected": True},
            "cited for the selected diseases (by a table row of the disease or in the body text's section on it)",
        ),
    ],
    ids=["by default the whole list", "whole list", "selected diseases"],
)
def test_selection_notice_joins_scope_sample_and_primary(kwargs, scope):
    """The notice: listed, tabulated and text-only counts in the run's scope, then the sample and primary sentences."""
    flow = _flow(SAMPLE_FLOW | PRIMARY_FLOW)
    roles = pd.concat([SAMPLE_ROLES, PRIMARY_ROLES], ignore_index=True)
    expected = " ".join(
        [
            f"Of the 7 references {scope}, 1 back a row of the review's tables and 6 are cited in the text only; the "
            "review reports no search or eligibility criteria, so this parts its list, it does not screen it.",
            SAMPLE_TEXT,
            PRIMARY_TEXT,
            "The gap map, the timeline and the other exhibits describe the rows of the tables, that is this "
            "selection, not every study the review cites, nor the field.",
        ]
    )
    assert nv.selection_notice(flow, roles, **kwargs) == expected


def test_selection_note_names_each_trial_source():
    """The figure note says which reference backs which Table 3 rows, each as [ref] backs rows."""
    roles = _roles(
        (5, MSC, "Table 1 row 2", "", "MSCs"),
        (20, TRIAL, "Table 3 rows 1, 2", None, "MSCs"),
        (21, TRIAL, "Table 3 row 4", None, "MSCs"),
    )
    expected = (
        "The review reports no search, screening or eligibility criteria: its list numbers the references in the "
        "order the body text first cites them, each cited there once. The drawing only parts that list by role, "
        "like a flow diagram in shape; it screens nothing out. "
        "Each box counts references of the list, and a table's box also its printed rows: a row of "
        "Tables 1-2 cites a reference in its Ref. column; a row of Table 3 prints an NCT number, or a reference in its "
        "place, and a reference whose entry prints a row's NCT number backs that row ([20] backs Table 3 rows 1, 2; "
        "[21] backs Table 3 row 4); Table 3's other rows are registry records with no publication cited. Every "
        "reference has one role, so the boxes of a level add up to the box above. The roles of the references cited "
        "in the text only are our reading of every place the body text cites them and of their titles "
        f"(data/reference_roles.csv); names marked [sic] are copied as printed. {SOURCE_SHORT}."
    )
    assert nv.selection_note(_flow({}), roles) == expected
