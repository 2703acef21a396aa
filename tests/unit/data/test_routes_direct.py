"""Direct tests of :mod:`helpers.data.derive.routes`: the route/dose split and the legends' route codes.

Rules from the module's docstrings: a "Route Dosage/cells" cell splits where the dose starts (the first
token that begins with a digit, or a trailing "NA"); a cell that is only "NA" is not applicable as a whole
(both parts "NA"); a cell with no dose is all route. A legend's codes are the abbreviations it prints, and
a legend entry is a route when its definition names an injection, an administration or an infusion; route
codes are compared upper-cased. Expected values were written by hand from the cells below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.derive.routes import legend_codes, legend_route_codes, split_route_dosage


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param("IV 1 × 10⁶", ("IV", "1 × 10⁶"), id="route-then-count"),
        pytest.param("  SC   200, 400 and 600 µg ", ("SC", "200, 400 and 600 µg"), id="spaces-squashed-list-dose"),
        pytest.param("IV NA", ("IV", "NA"), id="dose-printed-as-na"),
        pytest.param("NA 2 × 10⁷", ("NA", "2 × 10⁷"), id="route-printed-as-na"),
        # A cell that is only NA (any case) is not applicable as a whole: the route is NA too.
        pytest.param("NA", ("NA", "NA"), id="whole-cell-na"),
        pytest.param("na", ("NA", "NA"), id="whole-cell-na-lower-case"),
        pytest.param("coculture", ("coculture", ""), id="route-alone-no-dose"),
        pytest.param("5 µg", ("", "5 µg"), id="dose-alone-no-route"),
        pytest.param("", ("", ""), id="empty-cell"),
    ],
)
def test_a_route_dosage_cell_splits_where_the_dose_starts(cell, expected):
    assert split_route_dosage(cell) == expected


ABBREVIATIONS = pd.DataFrame(
    {
        "legend": ["table1", "table1", "table1", "table2", "table2", "table2"],
        "abbreviation": ["IV ", "BM", "Oc", "IN", "ICV", "MSC"],
        "definition": [
            "Intravenous Injections",
            "Bone marrow",
            "Ocular infusion",
            "Intranasal administration",
            "Intraventricular injection",
            "Mesenchymal stem cell",
        ],
    }
)


@pytest.mark.parametrize(
    ("legend", "expected"),
    [
        pytest.param("table1", frozenset({"IV", "BM", "Oc"}), id="table1-stripped"),
        pytest.param("table2", frozenset({"IN", "ICV", "MSC"}), id="table2"),
        pytest.param("table3", frozenset(), id="legend-not-printed"),
    ],
)
def test_a_legends_codes_are_every_abbreviation_it_prints_and_no_other_legends(legend, expected):
    assert legend_codes(ABBREVIATIONS, legend) == expected


def test_a_legend_entry_is_a_route_when_it_defines_an_injection_administration_or_infusion():
    """Bone marrow and MSC are not routes; "Oc" is upper-cased as route codes are."""
    assert legend_route_codes(ABBREVIATIONS) == frozenset({"IV", "OC", "IN", "ICV"})
