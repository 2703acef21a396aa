"""Rule family L's findings to the letter (``helpers.audit.labels``): evidence, message, place.

Each case is small enough to check by hand against the rules' docstrings:
the evidence lists at most three occurrences of a form and then says how
many more (``; and N more``), quotes each occurrence as printed (with its
species prefix and plural), and names the usual form, the commonest one
(first seen on a tie). The label corpus reads every cell of Tables 1-4 but
the row number, ``ref`` and ``enrollment``, and every legend code.
"""

from __future__ import annotations

import pandas as pd
import pytest

import helpers.audit.labels  # noqa: F401  (registers L1-L4 in RULES)
from helpers.audit.registry import RULES

T1 = ["row", "disease", "source", "animal_model", "precondition", "route_dosage", "in_vitro_model", "effects"]
T2 = ["row", "disease", "source", "animal_model", "size_nm", "route_dosage", "in_vitro_model", "effects"]
T3 = ["row", "disease_type", "purpose", "msc_type", "migration_method", "phases", "nct_number"]
T4 = ["row", "source", "advantages"]
COLUMNS = {"table1": T1, "table2": T2, "table3": T3, "table4": T4}


def frame(columns: list[str], *items: dict) -> pd.DataFrame:
    """A printed table: empty cells, rows numbered from 1 unless an item says otherwise."""
    return pd.DataFrame(
        [{c: "" for c in columns} | {"row": i} | item for i, item in enumerate(items, 1)], columns=columns
    )


def legend(*codes: str, name: str = "table3") -> pd.DataFrame:
    """One legend's codes, at positions 1, 2, …"""
    out = [
        {"legend": name, "position": i, "abbreviation": c, "definition": "", "note": ""} for i, c in enumerate(codes, 1)
    ]
    return pd.DataFrame(out, columns=["legend", "position", "abbreviation", "definition", "note"])


def label_rule(rule_id: str, codes=(), **cells: list[dict]):
    """Run L1 or L2 on a legend and Tables 1-4 given as ``table3=[{"msc_type": …}, …]``."""
    tables = [frame(COLUMNS[t], *cells.get(t, [])) for t in COLUMNS]
    return RULES[rule_id].check(legend(*codes), *tables)


def msc(*labels: str) -> list[dict]:
    """Table 3 rows with these MSC types."""
    return [{"msc_type": x} for x in labels]


#: Second reading (audit 2.12): every message says what its counts count.
LABELS_COUNTED = (
    " (counted in the cells of Tables 1-4 and the legends' codes, product names with a serial number left out)."
)
DISEASES_COUNTED = " (counted in the Disease cells of Tables 1-3)."


def one(found):
    assert len(found) == 1, found
    f = found[0]
    return f.severity, f.table, f.row, f.field, f.subject, f.evidence, f.message


UC_MSC = 'The same MSC type is printed "UCMSC" here; most places use the form "UC-MSC"' + LABELS_COUNTED


@pytest.mark.parametrize(
    "labels, codes, expected",
    [
        pytest.param(
            ["UC-MSC", "UC-MSC", "UCMSCs"],
            (),
            (
                "table3",
                "3",
                "msc_type",
                "UCMSC",
                '1× "UCMSCs" at table3 row 3 msc_type; usual form "UC-MSC" 2×: '
                '"UC-MSC" at table3 row 1 msc_type; "UC-MSC" at table3 row 2 msc_type',
                # The message quotes the printed label, and names the form compared (#7 of the audit's reading).
                'The same MSC type is printed "UCMSCs" here, in the form "UCMSC"; most places use the form "UC-MSC"'
                + LABELS_COUNTED,
            ),
            id="two against one",
        ),
        pytest.param(
            ["hUC-MSC", "UC-MSCs", "UC-MSC", "UCMSC"],
            (),
            (
                "table3",
                "4",
                "msc_type",
                "UCMSC",
                '1× "UCMSC" at table3 row 4 msc_type; usual form "UC-MSC" 3×: "hUC-MSC" at table3 row 1 msc_type; '
                '"UC-MSCs" at table3 row 2 msc_type; "UC-MSC" at table3 row 3 msc_type',
                UC_MSC,
            ),
            id="three shown, none more",
        ),
        pytest.param(
            ["UC-MSC", "UC-MSC", "UC-MSC", "UC-MSC", "UCMSC"],
            (),
            (
                "table3",
                "5",
                "msc_type",
                "UCMSC",
                '1× "UCMSC" at table3 row 5 msc_type; usual form "UC-MSC" 4×: "UC-MSC" at table3 row 1 msc_type; '
                '"UC-MSC" at table3 row 2 msc_type; "UC-MSC" at table3 row 3 msc_type; and 1 more',
                UC_MSC,
            ),
            id="four: one more",
        ),
        pytest.param(
            ["UCMSC", "UCMSC", "UCMSC", "UCMSC"] + ["UC-MSC"] * 5,
            (),
            (
                "table3",
                "1",
                "msc_type",
                "UCMSC",
                '4× "UCMSC" at table3 row 1 msc_type; "UCMSC" at table3 row 2 msc_type; "UCMSC" at table3 row 3 '
                'msc_type; and 1 more; usual form "UC-MSC" 5×: "UC-MSC" at table3 row 5 msc_type; "UC-MSC" at table3 '
                'row 6 msc_type; "UC-MSC" at table3 row 7 msc_type; and 2 more',
                UC_MSC,
            ),
            id="the minority cut off too",
        ),
        pytest.param(
            ["UCMSC", "UC-MSC"],
            (),
            (
                "table3",
                "2",
                "msc_type",
                "UC-MSC",
                '1× "UC-MSC" at table3 row 2 msc_type; usual form "UCMSC" 1×: "UCMSC" at table3 row 1 msc_type',
                'The same MSC type is printed "UC-MSC" here; most places use the form "UCMSC"' + LABELS_COUNTED,
            ),
            id="a tie: the first seen is the usual form",
        ),
        pytest.param(
            ["UC-MSC", "UC-MSC"],
            ("UCMSC",),
            (
                "abbreviations",
                "table3:1",
                "abbreviation",
                "UCMSC",
                '1× "UCMSC" at abbreviations row table3:1 abbreviation; usual form "UC-MSC" 2×: '
                '"UC-MSC" at table3 row 1 msc_type; "UC-MSC" at table3 row 2 msc_type',
                UC_MSC,
            ),
            id="a legend code",
        ),
    ],
)
def test_l1_evidence_and_message(labels, codes, expected):
    assert one(label_rule("L1", codes, table3=msc(*labels))) == ("check", *expected)


def test_l1_one_spelling_is_no_finding():
    assert label_rule("L1", table3=msc("UC-MSC", "hUC-MSCs", "HUC-MSC")) == []


READ = [(t, c) for t, columns in COLUMNS.items() for c in columns if c != "row"]


@pytest.mark.parametrize("table, column", READ, ids=[f"{t}.{c}" for t, c in READ])
def test_l1_reads_every_printed_column(table, column):
    # the usual form twice in the legend, the variant only in this column
    found = label_rule("L1", ("UC-MSC", "UC-MSC"), **{table: [{column: "UCMSC"}]})
    assert [(f.table, f.row, f.field, f.subject) for f in found] == [(table, "1", column, "UCMSC")]


@pytest.mark.parametrize("column", ["row", "ref", "enrollment"])
def test_l1_skips_the_row_number_ref_and_enrollment(column):
    t3 = frame(
        ["row", "ref", "enrollment", "msc_type"], {"msc_type": "UC-MSC"}, {"msc_type": "UC-MSC"}, {column: "UCMSC"}
    )
    empty = [frame(COLUMNS[t]) for t in ("table1", "table2", "table4")]
    assert RULES["L1"].check(legend(), empty[0], empty[1], t3, empty[2]) == []


def test_l1_reads_the_tables_after_a_missing_one():
    t3 = frame(T3, *msc("UC-MSC", "UC-MSC", "UCMSC"))
    found = RULES["L1"].check(legend(), None, frame(T2), t3, frame(T4))
    assert [(f.table, f.row, f.subject) for f in found] == [("table3", "3", "UCMSC")]


def test_l2_evidence_and_message():
    assert one(label_rule("L2", table3=msc("hUC-MSC", "hBM-MSC", "HUC-MSC"))) == (
        "check",
        "table3",
        "3",
        "msc_type",
        "H",
        '1× "HUC-MSC" at table3 row 3 msc_type; usual form "h" 2×: '
        '"hUC-MSC" at table3 row 1 msc_type; "hBM-MSC" at table3 row 2 msc_type',
        'The same species prefix is printed "HUC-MSC" here, in the form "H"; most places use the form "h"'
        + LABELS_COUNTED,
    )


def disease_rule(t1=(), t2=(), t3=()):
    return RULES["L3"].check(
        frame(T1, *({"disease": d} for d in t1)),
        frame(T2, *({"disease": d} for d in t2)),
        frame(T3, *({"disease_type": d} for d in t3)),
    )


@pytest.mark.parametrize(
    "t1, t2, t3, expected",
    [
        pytest.param(
            ["Aging skin"],
            ["Skin aging", "Skin aging"],
            [],
            (
                "table1",
                "1",
                "disease",
                "Aging skin",
                '1× "Aging skin" at table1 row 1 disease; usual form "Skin aging" 2×: '
                '"Skin aging" at table2 row 1 disease; "Skin aging" at table2 row 2 disease',
                'The same disease is printed "Aging skin" here; most places use the form "Skin aging"'
                + DISEASES_COUNTED,
            ),
            id="table1",
        ),
        pytest.param(
            ["Skin aging", "Skin aging"],
            ["Aging skin"],
            [],
            (
                "table2",
                "1",
                "disease",
                "Aging skin",
                '1× "Aging skin" at table2 row 1 disease; usual form "Skin aging" 2×: '
                '"Skin aging" at table1 row 1 disease; "Skin aging" at table1 row 2 disease',
                'The same disease is printed "Aging skin" here; most places use the form "Skin aging"'
                + DISEASES_COUNTED,
            ),
            id="table2",
        ),
        pytest.param(
            ["Skin aging"],
            ["Skin aging"],
            ["skin Aging"],
            (
                "table3",
                "1",
                "disease_type",
                "skin Aging",
                '1× "skin Aging" at table3 row 1 disease_type; usual form "Skin aging" 2×: '
                '"Skin aging" at table1 row 1 disease; "Skin aging" at table2 row 1 disease',
                'The same disease is printed "skin Aging" here; most places use the form "Skin aging"'
                + DISEASES_COUNTED,
            ),
            id="table3 disease_type",
        ),
    ],
)
def test_l3_evidence_and_message_in_each_disease_column(t1, t2, t3, expected):
    assert one(disease_rule(t1, t2, t3)) == ("check", *expected)


def doses(*items: tuple[str, object]) -> pd.DataFrame:
    """Table 2 rows of the ``rows`` frame: (printed route and dosage, dose unit)."""
    return pd.DataFrame(
        [{"table": "table2", "row": i, "route_dosage": d, "dose_unit": u} for i, (d, u) in enumerate(items, 1)]
    )


MOST = "The column header says the doses are in cells, but most doses in the column are in other units."
SOME = "The column header says the doses are in cells, but some doses in the column are in other units."


@pytest.mark.parametrize(
    "items, expected",
    [
        pytest.param(
            [("IV 10 µg", "µg"), ("IV 1 × 10⁶", "cells")],
            (
                "check",
                'table2 header route_dosage "model Dosage/cells"; 1 of 2 readable doses in other units: '
                'row 1 "IV 10 µg"',
                SOME,
            ),
            id="half: check",
        ),
        pytest.param(
            [("IV 10 µg", "µg"), ("IP 5 mg/kg", "mg/kg"), ("IV 1 × 10⁶", "cells")],
            (
                "warning",
                'table2 header route_dosage "model Dosage/cells"; 2 of 3 readable doses in other units: '
                'row 1 "IV 10 µg"; row 2 "IP 5 mg/kg"',
                MOST,
            ),
            id="more than half: warning",
        ),
        pytest.param(
            [("a", "µg"), ("b", "µg"), ("c", "µg"), ("d", "µg"), ("e", "cells")],
            (
                "warning",
                'table2 header route_dosage "model Dosage/cells"; 4 of 5 readable doses in other units: '
                'row 1 "a"; row 2 "b"; row 3 "c"',
                MOST,
            ),
            id="three shown",
        ),
        pytest.param(
            [("a", "µg"), ("b", pd.NA), ("c", "cells")],
            (
                "check",
                'table2 header route_dosage "model Dosage/cells"; 1 of 2 readable doses in other units: row 1 "a"',
                SOME,
            ),
            id="an unreadable dose is not counted",
        ),
    ],
)
def test_l4_evidence_and_message(items, expected):
    found = RULES["L4"].check({"table2": {"route_dosage": "model Dosage/cells"}}, doses(*items))
    assert [(f.severity, f.table, f.row, f.field, f.evidence, f.message) for f in found] == [
        (expected[0], "table2", "header", "route_dosage", expected[1], expected[2])
    ]


# `_variants`, called directly: the grouping rule under L1-L3, each group an entity and its spellings, each
# spelling its occurrences as (printed text, (table, row, field, subject)).
def _occ(text: str, table: str, row: int, field: str = "msc_type") -> tuple:
    return text, (table, str(row), field, text)


VARIANT_GROUPS = [
    pytest.param(
        # An entity printed one way only comes first: it says nothing, and the next entity is still read.
        {
            "UC": {"UC-MSC": [_occ("UC-MSC", "table3", 1)]},
            "BM": {
                "BM-MSC": [_occ("BM-MSC", "table3", 2), _occ("BM-MSC", "table3", 3)],
                "BMMSC": [_occ("BMMSCs", "table1", 4, "source")],
            },
        },
        [("L9", "check", "table1", "4", "source", "BMMSC")],
        id="single-spelling-first",
    ),
    pytest.param(
        # Two minority spellings of one entity: one finding each, at its first occurrence.
        {
            "AD": {
                "AD-MSC": [_occ("AD-MSC", "table3", 1), _occ("AD-MSC", "table3", 2), _occ("AD-MSC", "table3", 5)],
                "ADMSC": [_occ("ADMSC", "table2", 7, "source")],
                "Ad-MSC": [_occ("Ad-MSCs", "table1", 3, "source"), _occ("Ad-MSC", "table1", 9, "source")],
            }
        },
        [("L9", "check", "table1", "3", "source", "Ad-MSC"), ("L9", "check", "table2", "7", "source", "ADMSC")],
        id="two-minorities",
    ),
]


@pytest.mark.parametrize("groups, expected", VARIANT_GROUPS)
def test_variants_names_each_minority_spelling_with_its_rule_and_place(groups, expected):
    from helpers.audit.labels import _variants

    found = _variants(groups, "L9", "MSC type", "here")
    assert [(f.rule, f.severity, f.table, f.row, f.field, f.subject) for f in found] == expected
