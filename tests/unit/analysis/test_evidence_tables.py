"""The data and evidence tables behind the effects, selection and vesicles figures, against the print.

A reader checks a mark against its figure's ``*.data.csv`` and ``*.evidence.csv``. These tests call the
functions that make those tables and compare them, row by row, with what Table 2, the reference list and
``data/outcome_annotation.csv`` (the two readers' codes) print. Before them no unit test reached
``vesicles.data``, ``vesicles.evidence``, ``effects.evidence``, ``effects.disagreements`` or
``selection.evidence`` (mutmut found their mutants untested; only the committed-bytes checks would notice).
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import effects, selection, vesicles
from helpers.audit import flags as audit_flags
from helpers.data import coded, curated, flags

# --------------------------------------------------------------------------- vesicles


@pytest.fixture(scope="module")
def exosome_parts():
    studies = flags.attach(coded.studies(), audit_flags.by_row(reasons=True))  # as the notebook does
    printed = curated.load("exosome_studies")
    references = curated.load("references")
    return vesicles.exosome_rows(studies, printed, references), printed, references


# Table 2's Size/nm column as printed, and the 30-150 nm yardstick applied by hand: a range is inside when both
# ends are, a single value when it is; "ends N nm outside" is how far the far end lies beyond the band.
# Rows whose cited title calls the product something other than exosomes are not compared (rows 1, 12, 23, 24
# extracellular vesicles; 17, 18 exosome-mimetic); rows 4, 7 and 9 print no size.
BAND = [
    (2, "50–100 nm", "yes"),
    (3, "30–40nm", "yes"),
    (5, "160 nm", "no: ends 10 nm outside"),
    (15, "163.4 nm", "no: ends 13.4 nm outside"),
    (21, "80–200 nm", "no: ends 50 nm outside"),
    (25, "40–172 nm", "no: ends 22 nm outside"),
    (27, "57.5–317.5 nm", "no: ends 167.5 nm outside"),
    (22, "30–150 nm", "yes"),
    (1, "30–200 nm", "not compared: the cited title does not call the product exosomes"),
    (17, "142.5–150.9 nm", "not compared: the cited title does not call the product exosomes"),
    (4, "(empty)", "not reported in the review"),
    (9, "(empty)", "not reported in the review"),
]


@pytest.mark.parametrize(("row", "size", "words"), BAND, ids=[f"row {r}" for r, _, _ in BAND])
def test_each_exosome_row_says_whether_its_printed_size_fits_the_30_150_nm_band(exosome_parts, row, size, words):
    rows, printed, references = exosome_parts
    line = vesicles.evidence(rows, printed, references).set_index("row").loc[row]
    assert (line["size_printed"], line["within_30_150_nm"]) == (size, words)


def test_the_vesicles_evidence_carries_the_printed_cells_and_the_cited_title(exosome_parts):
    rows, printed, references = exosome_parts
    table = vesicles.evidence(rows, printed, references)
    assert len(table) == 28 and sorted(table["row"]) == list(range(1, 29))
    # The header of figures/vesicles.evidence.csv, as a reader opens it.
    assert list(table.columns) == [
        "y", "table", "row", "ref", "disease_printed", "source_printed", "size_printed", "size_kind",
        "within_30_150_nm", "vesicle_type", "vesicle_type_evidence", "modification", "product_change", "setting",
        "setting_caveat", "disease_caveat", "audit_flag", "audit_findings", "effects_printed", "cited_title",
    ]  # fmt: skip
    assert set(table["table"]) == {"table2"}
    line = table.set_index("row").loc[11]  # Table 2 row 11 as printed: AD, hAD-MSC, 80–130 nm, ref [61]
    assert (line["ref"], line["disease_printed"], line["source_printed"], line["size_printed"]) == (
        61,
        "AD",
        "hAD-MSC",
        "80–130 nm",
    )
    assert line["size_kind"] == "range" and line["within_30_150_nm"] == "yes"
    titles = dict(zip(references["ref"].astype(int), references["title"]))
    assert line["cited_title"] == titles[61]
    assert line["effects_printed"] == printed.set_index("row").at[11, "effects"]
    # Each row's y is its drawn position: integers, one per row, none shared.
    assert table["y"].dtype.kind == "i" and table["y"].is_unique


def test_the_vesicles_evidence_names_the_audit_s_findings_on_a_flagged_row(exosome_parts):
    rows, printed, references = exosome_parts
    table = vesicles.evidence(rows, printed, references).set_index("row")
    # tables/audit.csv flags Table 2 row 16 (W4, a dose out of range) and row 9 (R4, W6, W8).
    assert (bool(table.at[16, "audit_flag"]), table.at[16, "audit_findings"]) == (True, "W4")
    assert (bool(table.at[9, "audit_flag"]), table.at[9, "audit_findings"]) == (True, "R4;W6;W8")
    # Whole numbers stay whole: a CSV of floats would print "16.0" for row 16.
    assert [table.index.dtype.kind, table["ref"].dtype.kind, table["y"].dtype.kind] == ["i", "i", "i"]


def test_rows_without_audit_columns_or_a_listed_reference_get_empty_cells_not_none(exosome_parts):
    rows, printed, references = exosome_parts
    bare = rows.drop(columns=["audit_findings"])  # a run with flagged: keep attaches no findings
    table = vesicles.evidence(bare, printed, references[references["ref"] != 61]).set_index("row")
    assert set(table["audit_findings"]) == {""}
    assert table.at[11, "cited_title"] == ""  # Table 2 row 11 cites [61], left out of this reference list
    assert table.at[2, "cited_title"] != ""


@pytest.mark.parametrize(
    ("row", "low", "high", "kind"),
    [
        (2, 50.0, 100.0, "range"),
        (3, 30.0, 40.0, "range"),
        (5, 160.0, 160.0, "single value"),
        (27, 57.5, 317.5, "range"),
    ],
)
def test_each_drawn_size_mark_spans_the_printed_numbers(exosome_parts, row, low, high, kind):
    rows, printed, _ = exosome_parts
    sizes = vesicles.data(rows, printed).query("panel == 'sizes'").set_index("row")
    assert (sizes.at[row, "x_low"], sizes.at[row, "x_high"], sizes.at[row, "size_kind"]) == (low, high, kind)
    assert sizes.at[row, "table"] == "table2"


# Recounted from Table 2 (tests/unit/analysis/test_vesicles_reading.py): (single value, range, not reported, rows).
COUNTS = {
    "exosomes": (6, 13, 1, 20),
    "extracellular vesicles": (3, 1, 0, 4),
    "exosome-mimetic": (1, 1, 0, 2),
    "conditioned medium": (0, 0, 1, 1),
    "none named": (0, 0, 1, 1),
    "all terms": (10, 15, 3, 28),
}


def test_the_vesicles_data_holds_every_count_the_table_shows_out_of_28(exosome_parts):
    rows, printed, _ = exosome_parts
    frame = vesicles.data(rows, printed)
    # The header of figures/vesicles.data.csv: the mark's name, the numbers drawn, then the codes.
    assert list(frame.columns) == [
        "panel", "label", "size_kind", "table", "row", "ref", "y", "x_low", "x_high", "count", "out_of",
        "disease", "setting", "tissue", "vesicle_type", "product_change", "mark", "audit_flag",
    ]  # fmt: skip
    line = frame[(frame["panel"] == "sizes") & (frame["row"] == 16)].iloc[0]  # Table 2 row 16, flagged (W4)
    assert (line["disease"], line["setting"], line["tissue"], bool(line["audit_flag"])) == (
        "Atherosclerosis",
        "in vivo",
        "BM",
        True,
    )
    assert (line["vesicle_type"], line["product_change"]) == ("exosomes", "none printed")
    # One size line per row of Table 2: its 15 ranges drawn as lines, its 10 single values as points, and the 3
    # rows printing no size named in words with no mark; 6 terms x 4 columns of counts; 6 reporting items.
    assert frame["panel"].value_counts().to_dict() == {"sizes": 28, "counts": 24, "reporting": 6}
    sizes = frame[frame["panel"] == "sizes"]
    assert sizes["mark"].value_counts().to_dict() == {"line from low to high": 15, "point": 10, "text, no mark": 3}
    assert sizes.loc[sizes["mark"] == "text, no mark", "x_low"].isna().all()
    assert sorted(sizes.loc[sizes["mark"] == "text, no mark", "row"]) == [4, 7, 9]
    counted = frame[frame["panel"] == "counts"]
    got = {
        label: tuple(
            int(part.set_index("size_kind").at[k, "count"])
            for k in ("single value", "range", vesicles.NOT_REPORTED, "rows")
        )
        for label, part in counted.groupby("label", sort=False)
    }
    assert got == COUNTS
    assert set(counted["out_of"].astype(int)) == {28}
    for column in ("y", "row", "ref", "count", "out_of"):
        assert str(frame[column].dtype) == "Int64", column  # whole numbers in the CSV, never "5.0"


def test_the_reporting_lines_count_what_table_2_prints_out_of_28(exosome_parts):
    rows, printed, _ = exosome_parts
    items = vesicles.data(rows, printed).query("panel == 'reporting'")
    by_item = dict(zip(items["label"], zip(items["count"].astype(int), items["out_of"].astype(int))))
    assert by_item[next(k for k in by_item if k.startswith("a size number is printed"))] == (25, 28)
    assert by_item["dose as a particle count"] == (1, 28)  # row 11: "ICV 1×10⁹ particles"
    assert sum(n for n, _ in by_item.values()) == 26  # isolation, sizing method, morphology, markers: 0 each


# --------------------------------------------------------------------------- effects


@pytest.fixture(scope="module")
def studies():
    return coded.studies()


def test_the_effects_evidence_lists_every_counted_study_with_its_codes_in_the_order_read(studies):
    table = effects.evidence(studies)
    assert list(table.columns) == [
        "table", "row", "ref", "modality", "setting", "arm", "effect_direction", "effect_instead",
        "outcome_level", "comparison", "comparison_what", "comparison_better", "outcome_evidence", "readers",
    ]  # fmt: skip
    assert len(table) == 56 and list(table.index) == list(range(56))
    # 9 studies print no animal arm (in vitro only); the 47 others treated animals, 8 of them with an in vitro arm.
    assert table["arm"].value_counts().to_dict() == {effects.IN_VIVO: 47, effects.IN_VITRO: 9}
    assert (table.loc[table["setting"] == "in vivo + in vitro", "arm"] == effects.IN_VIVO).sum() == 8
    # data/outcome_annotation.csv: 31 rows with at least one reader unsure, 26 with both.
    assert table["readers"].value_counts().to_dict() == {"both unsure": 26, "both sure": 25, "one unsure": 5}


@pytest.mark.parametrize(
    ("table", "row", "ref", "direction", "level", "readers"),
    [
        ("table1", 1, 10, "improved", "organism", "both sure"),  # "improved the premature aging phenotype"
        ("table1", 2, 11, "improved", "organism", "both unsure"),  # "recovery of ovarian function"
    ],
)
def test_an_effects_evidence_line_is_the_row_as_the_two_readers_coded_it(
    studies, table, row, ref, direction, level, readers
):
    line = effects.evidence(studies).set_index(["table", "row"]).loc[(table, row)]
    assert (line["ref"], line["effect_direction"], line["outcome_level"], line["readers"]) == (
        ref,
        direction,
        level,
        readers,
    )
    assert line["arm"] == effects.IN_VIVO


def test_the_derived_codes_and_the_readers_codes_never_differ_on_the_print(studies):
    found = effects.disagreements(studies)
    assert found.empty
    assert list(found.columns) == ["table", "row", "field", "derived", "annotation", "setting", "evidence"]


@pytest.mark.parametrize(
    ("column", "value", "field", "derived", "read"),
    [
        ("effect_direction", "not stated", "direction", "not stated", "improved"),
        ("outcome_level", "tissue", "level", "tissue", "organism"),
        ("comparison", True, "comparison", "yes", "no"),
    ],
)
def test_a_derived_code_that_leaves_the_readers_is_listed_with_both_codes(studies, column, value, field, derived, read):
    # Table 1 row 1 as data/outcome_annotation.csv codes it: improved; organism; no comparison.
    changed = studies.copy()
    at = changed.index[(changed["table"] == "table1") & (changed["row"] == 1)]
    changed.loc[at, column] = value
    found = effects.disagreements(changed)
    assert found.to_dict("records") == [
        {
            "table": "table1",
            "row": 1,
            "field": field,
            "derived": derived,
            "annotation": read,
            "setting": "in vivo",
            "evidence": "improved the premature aging phenotype",
        }
    ]


# --------------------------------------------------------------------------- selection

# The reference list holds 83; 58 of them back a row of Tables 1-3 (28 + 28 + 2, Table 3's other 16 rows name a
# registry record only) and the 25 others are cited in the text alone: 16 primary studies, 8 reviews, 1 method
# (data/reference_roles.csv, read from the body text and the titles).
BOX_SIZES = {
    "listed": 83,
    "tabulated": 58,
    "text_only": 25,
    "table1": 28,
    "table2": 28,
    "table3": 2,
    "primary": 16,
    "review": 8,
    "method": 1,
}


def test_the_selection_evidence_holds_each_box_s_references_once():
    frame = selection.evidence(selection.roles())
    assert frame["box"].value_counts().to_dict() == BOX_SIZES
    assert list(frame["box"].drop_duplicates()) == list(BOX_SIZES)  # top to bottom, left to right
    assert not frame.duplicated(["box", "ref"]).any()
    assert list(frame.columns) == [
        "box", "ref", "first_author", "year", "title", "role", "table_rows", "text_section", "disease_codes",
        "evidence", "note",
    ]  # fmt: skip
    listed = frame[frame["box"] == "listed"]
    assert sorted(listed["ref"].astype(int)) == list(range(1, 84))
    first = listed.set_index("ref").loc[1]  # reference 1 as printed: Niccoli T, 2012
    assert (first["first_author"], int(first["year"])) == ("Niccoli T", 2012)
    for box, kept in selection.BOXES.items():
        if kept is not None:
            assert set(frame.loc[frame["box"] == box, "role"]) <= set(kept), box


def test_a_table_3_reference_is_held_by_the_tabulated_and_table3_boxes_only():
    frame = selection.evidence(selection.roles())
    trial_refs = set(frame.loc[frame["box"] == "table3", "ref"])
    assert len(trial_refs) == 2
    for ref in trial_refs:
        assert set(frame.loc[frame["ref"] == ref, "box"]) == {"listed", "tabulated", "table3"}


def test_the_evidence_boxes_are_the_flow_s_boxes():
    assert isinstance(selection.BOXES, dict)
    frame = selection.evidence(selection.roles())
    assert set(frame["box"]) == set(selection.BOXES)
    assert pd.api.types.is_integer_dtype(frame["ref"])
