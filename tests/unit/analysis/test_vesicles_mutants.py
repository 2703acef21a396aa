"""Each rule of helpers.analysis.vesicles on a small literal Table 2, computed inside each test.

tests/unit/analysis/test_vesicles_reading.py reads the real exhibit through a module fixture, whose work mutmut
credits to the first test only, and no unit test called ``data``, ``evidence`` or the band's words. Here eight
made-up Table 2 rows (and one Table 1 row that must be left out) carry one case each: the tissue and term
orders, a tissue printed as two codes, donor species prefixes (one, two, unknown, none), an in vitro row with
the audit's W6, R6 and W8 and a transcription note, a questioned disease filing, a missing audit flag, and
printed sizes inside, across and beyond the 30-150 nm the review's text gives for exosomes. The expected values
are worked out by hand from the module's stated rules (docstrings) and written beside each case.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import vesicles

NR = "not reported in the review"
NA = pd.NA
NAN = float("nan")

#: (table, row, ref, tissue, term, size kind, low, high, donor, setting, disease, modification, dose kind,
#:  transcription notes, audit findings, audit flag)
STUDY_ROWS = [
    ("table2", 1, 101, "BM", "exosomes", "range", 30.0, 200.0, "human", "in vivo", "POF", NA, "particles",
     NA, NA, False),
    ("table2", 2, 102, "UC", "extracellular vesicles", "single value", 160.0, 160.0, "mouse", "in vitro", "AD", NA,
     NA, "In vitro model: the title reports treated mice", "W6;R6;W8", True),
    ("table2", 3, 103, "UC", "exosomes", "range", 50.0, 100.0, "human+rat", "in vivo", "SKIN", "primed",
     "mass as printed", "Animal model: Filed under SKIN: the title: a wound model", "", False),
    ("table2", 4, 104, "BM+UC", "exosomes", NA, NAN, NAN, NA, "in vivo + in vitro", "AS", "engineered", "particles",
     NA, NA, NA),
    ("table2", 5, 105, "AD", "exosome-mimetic", "single value", 120.0, 120.0, "rat", "in vitro", "OP",
     "engineered", NA, "Animal model: a note that questions nothing", "W8", False),
    ("table2", 6, 106, "MN", "none named", NA, NAN, NAN, "goat", "in vivo", "WEAK", "biomaterial", "cells",
     NA, "<NA>", False),
    ("table2", 7, 107, "BM", "conditioned medium", "single value", 25.0, 25.0, "rabbit", "in vivo", "AD", NA,
     "cells", NA, NA, True),
    ("table2", 8, 108, "UC", "exosomes", "range", 140.0, 150.0000006, "human", "in vivo", "POF", NA, "particles",
     NA, NA, False),
    ("table1", 1, 109, "UC", "exosomes", "single value", 100.0, 100.0, "human", "in vivo", "POF", NA, "cells",
     NA, NA, False),
]  # fmt: skip
COLUMNS = ["table", "row", "ref", "tissue", "vesicle_type", "size_kind", "size_low_nm", "size_high_nm",
           "donor_species", "setting", "disease_code", "modification", "dose_kind", "transcription_notes",
           "audit_findings", "audit_flag"]  # fmt: skip

#: Printed cells per row (source, animal model, size, route/dose, in vitro model, follow-up, effects, disease).
PRINTED_ROWS = [
    (1, "hBM-MSC", "a mouse model", "30–200 nm", "IV 1×10⁹ particles", "", "4 weeks", "Exos checked by western blot"),
    (2, "mUC-MSC", "", "160 nm", "", "cells; TEM images", "", "EVs protect neurons"),
    (3, "h+rUC-MSC", "a wound model", "50–100 nm", "", "", "", "spheroids in 3D culture; isolated Exos heal"),
    (4, "BM+UC-MSC", "a rat model", "", "IV", "", "", "Exos improve vessels"),
    (5, "rAD-MSC", "", "120 nm", "", "osteoblasts", "", "mimetic vesicles promote bone"),
    (6, "MN-MSC", "a model", "", "", "", "", "applied with spicules"),
    (7, "rbBM-MSC", "a model", "25 nm", "", "", "", "the medium helps; CD63 high"),
    (8, "hUC-MSC", "a model", "140–150 nm, NTA", "IP", "", "", "ovaries recover"),
]
TITLES = {104: "Curcumin-loaded exosomes against atherosclerosis", 101: "A title", 105: "Mimetics made by extrusion"}


def _studies(audit: bool = True, donor: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(STUDY_ROWS, columns=COLUMNS)
    frame["size_kind"] = frame["size_kind"].astype("string")
    frame["donor_species"] = frame["donor_species"].astype("string")
    frame["audit_findings"] = frame["audit_findings"].astype("string")
    frame["vesicle_type_evidence"] = [f"title of ref {r}" for r in frame["ref"]]
    frame.index = [50 - i for i in range(len(frame))]  # a shuffled, non-default index
    frame = frame.iloc[[3, 0, 8, 6, 1, 5, 2, 7, 4]]  # and rows out of printed order
    if not audit:
        frame = frame.drop(columns=["audit_findings", "audit_flag"])
    if not donor:
        frame = frame.drop(columns=["donor_species"])
    return frame


def _printed() -> pd.DataFrame:
    frame = pd.DataFrame(
        PRINTED_ROWS,
        columns=["row", "source", "animal_model", "size_nm", "route_dosage", "in_vitro_model", "follow_up", "effects"],
    )
    frame["row"] = frame["row"].astype(str)  # as data/exosome_studies.csv is read: text
    frame["disease"] = ["POF", "AD", "Skin aging", "AS", "OP", "Weakness", "AD", "POF"]
    frame["ref"] = [str(r) for r in range(101, 109)]
    return frame


def _references() -> pd.DataFrame:
    return pd.DataFrame(
        {"ref": [str(r) for r in range(101, 110)], "title": [TITLES.get(r, "") for r in range(101, 110)]}
    )


def _rows(**kw) -> pd.DataFrame:
    return vesicles.exosome_rows(_studies(**kw), _printed(), _references())


# Drawing order: tissue (UC, UCB, BM, AD, AM, DP, then any other code; a "BM+UC" row sorts under its first code,
# BM), then the cited title's term (exosomes, EVs, mimetic, conditioned medium, none named), then printed row:
#   UC: row 3 (exosomes), 8 (exosomes), 2 (EVs); BM: 1 (exosomes), 4 (BM+UC, exosomes), 7 (conditioned medium);
#   AD: 5; MN: 6.
ORDER = [3, 8, 2, 1, 4, 7, 5, 6]
TISSUES = ["UC", "UC", "UC", "BM", "BM+UC", "BM", "AD", "MN"]
# A heading line opens each run of one tissue string: UC (line 0), BM (4), BM+UC (6), BM (8), AD (10), MN (12).
Y = [1, 2, 3, 5, 7, 9, 11, 13]
# What was done to the product: primed + "3D" printed (row 3); engineered + "Curcumin-loaded exosomes" in the
# title (row 4); engineered mimetic (row 5); biomaterial + "spicules" (row 6); no modification coded: none printed.
PRODUCT = {3: "parent cells in 3D culture", 4: "loaded after isolation", 5: "mimetic (made, not secreted)",
           6: "co-applied enhancer"}  # fmt: skip
# Row 2: in vitro with W6, the In vitro model note, R6 and W8, in that order; row 5: in vitro with W8 only.
CAVEAT_2 = (
    "the Effects cell reports animals (audit W6); the cited title reports an animal outcome (transcription note); "
    "the cited title names another route (audit R6); a follow-up period is printed (audit W8)"
)
CAVEAT_5 = "a follow-up period is printed (audit W8)"
SETTING_CAVEAT = {2: CAVEAT_2, 5: CAVEAT_5}
DISEASE_CAVEAT = {3: "Filed under SKIN: the title: a wound model"}  # the note after "Animal model: "
FLAG = {2: True, 7: True}  # row 4's missing flag is no flag
LABELS = {
    3: "row 3 [103] skin aging‡, h+rUC-MSC, in vivo",
    8: "row 8 [108] POF, hUC-MSC, in vivo",
    2: "row 2 [102] Alzheimer's, mUC-MSC, in vitro†",
    1: "row 1 [101] POF, hBM-MSC, in vivo",
    4: "row 4 [104] AS, BM+UC-MSC, in vivo + in vitro",
    7: "row 7 [107] Alzheimer's, rbBM-MSC, in vivo",
    5: "row 5 [105] OP, rAD-MSC, in vitro†",
    6: "row 6 [106] WEAK, ?MN-MSC, in vivo",
}


def test_exosome_rows_keeps_table_2_in_drawing_order_with_heading_lines():
    rows = _rows()
    assert rows["row"].tolist() == ORDER
    assert rows["table"].tolist() == ["table2"] * 8
    assert rows["tissue"].tolist() == TISSUES
    assert rows["y"].tolist() == Y
    assert rows.index.tolist() == list(range(8))
    assert "index" not in rows.columns and "_t" not in rows.columns and "_v" not in rows.columns


def test_exosome_rows_says_what_was_done_to_each_product():
    rows = _rows()
    assert rows["product_change"].tolist() == [PRODUCT.get(r, "none printed") for r in ORDER]


def test_exosome_rows_shows_a_row_without_a_size_as_not_reported():
    rows = _rows()
    assert rows["size_shown"].tolist() == ["range", "range", "single value", "range", NR, "single value",
                                           "single value", NR]  # fmt: skip


def test_exosome_rows_marks_caveats_and_flags():
    rows = _rows()
    assert rows["setting_caveat"].tolist() == [SETTING_CAVEAT.get(r, "") for r in ORDER]
    assert rows["disease_caveat"].tolist() == [DISEASE_CAVEAT.get(r, "") for r in ORDER]
    assert rows["audit_flag"].tolist() == [FLAG.get(r, False) for r in ORDER]
    assert rows["audit_flag"].dtype == bool


def test_exosome_rows_without_the_audit_flags_nothing_and_marks_no_audit_reason():
    rows = _rows(audit=False)
    assert rows["audit_flag"].tolist() == [False] * 8 and rows["audit_flag"].dtype == bool
    # Without the audit only the transcription note is left on row 2; row 5 had only W8.
    assert rows["setting_caveat"].tolist() == [
        "the cited title reports an animal outcome (transcription note)" if r == 2 else "" for r in ORDER
    ]


def test_exosome_rows_reads_the_effects_and_titles_it_is_given():
    # Without row 3's printed "3D" the priming is an ordinary one; without row 4's title no loading is named.
    printed = _printed()
    printed.loc[printed["row"] == "3", "effects"] = "isolated Exos heal"
    references = _references()
    references.loc[references["ref"] == "104", "title"] = "Exosomes against atherosclerosis"
    rows = vesicles.exosome_rows(_studies(), printed, references)
    change = dict(zip(rows["row"], rows["product_change"]))
    assert change[3] == "parent cells primed" and change[4] == "engineered, step not printed"


def test_exosome_rows_of_a_row_missing_from_the_printed_table_reads_no_effects():
    printed = _printed()
    printed = printed[printed["row"] != "3"]  # row 3's cells unknown: its "3D" is not read
    references = _references()
    references = references[references["ref"] != "104"]
    rows = vesicles.exosome_rows(_studies(), printed, references)
    change = dict(zip(rows["row"], rows["product_change"]))
    assert change[3] == "parent cells primed" and change[4] == "engineered, step not printed"


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Animal model: Filed under AD: why: because", "Filed under AD: why: because"),  # split at the first ": "
        ("Animal model: Filed under OP", "Filed under OP"),
        ("Animal model: not a filing question", ""),
        ("In vitro model: Filed under AD", ""),  # a note on another cell
        ("Effects: x | Animal model: Filed under AS: reason", "Filed under AS: reason"),  # the second of two notes
    ],
)
def test_disease_caveat_is_the_animal_model_note_that_questions_the_filing(note, expected):
    assert vesicles.disease_caveat(pd.Series({"transcription_notes": note})) == expected


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"setting": "in vivo", "audit_findings": "W6;R6;W8"}, ""),
        ({"setting": "in vitro", "audit_findings": "W6"}, "the Effects cell reports animals (audit W6)"),
        ({"setting": "in vitro", "audit_findings": "R6"}, "the cited title names another route (audit R6)"),
        ({"setting": "in vitro", "audit_findings": "W8;W4"}, "a follow-up period is printed (audit W8)"),
        ({"setting": "in vitro", "audit_findings": "W4"}, ""),
        ({"setting": "in vitro"}, ""),
        ({"setting": "in vitro", "transcription_notes": "In vitro model: mice"},
         "the cited title reports an animal outcome (transcription note)"),
        ({"setting": "in vitro", "transcription_notes": NAN}, ""),
        ({"setting": "in vitro", "audit_findings": "W8;W6", "transcription_notes": "In vitro model: mice"},
         "the Effects cell reports animals (audit W6); the cited title reports an animal outcome (transcription "
         "note); a follow-up period is printed (audit W8)"),
    ],
)  # fmt: skip
def test_setting_caveat_names_each_reason_in_a_fixed_order(row, expected):
    assert vesicles.setting_caveat(pd.Series(row)) == expected


def test_marks_one_per_row_with_its_label_and_extent():
    out = vesicles.marks(_rows())
    assert out.columns.tolist() == [
        "y", "label", "table", "row", "ref", "disease", "setting", "tissue", "vesicle_type", "product_change",
        "size_kind", "mark", "x_low", "x_high", "audit_flag",
    ]  # fmt: skip
    assert out.index.tolist() == list(range(8))
    assert out["y"].tolist() == Y and out["row"].tolist() == ORDER
    assert out["ref"].tolist() == [100 + r for r in ORDER]
    assert [str(out[c].dtype) for c in ("y", "row", "ref", "x_low", "x_high", "audit_flag")] == [
        "int64", "int64", "int64", "Float64", "Float64", "bool"]  # fmt: skip
    assert out["label"].tolist() == [LABELS[r] for r in ORDER]
    assert out["table"].tolist() == ["table2"] * 8
    assert out["disease"].tolist() == [
        "Skin aging", "Premature ovarian failure", "Alzheimer's disease", "Premature ovarian failure",
        "Atherosclerosis", "Alzheimer's disease", "Osteoporosis", "Weakness, as printed (premature-aging model)",
    ]  # fmt: skip
    assert out["setting"].tolist() == ["in vivo", "in vivo", "in vitro", "in vivo", "in vivo + in vitro", "in vivo",
                                       "in vitro", "in vivo"]  # fmt: skip
    assert out["tissue"].tolist() == TISSUES
    assert out["vesicle_type"].tolist() == ["exosomes", "exosomes", "extracellular vesicles", "exosomes", "exosomes",
                                            "conditioned medium", "exosome-mimetic", "none named"]  # fmt: skip
    assert out["product_change"].tolist() == [PRODUCT.get(r, "none printed") for r in ORDER]
    assert out["size_kind"].tolist() == ["range", "range", "single value", "range", NR, "single value",
                                         "single value", NR]  # fmt: skip
    assert out["mark"].tolist() == ["line from low to high", "line from low to high", "point", "line from low to high",
                                    "text, no mark", "point", "point", "text, no mark"]  # fmt: skip
    assert out["x_low"].tolist()[:4] == [50.0, 140.0, 160.0, 30.0]
    assert out["x_high"].tolist()[:4] == [100.0, 150.0000006, 160.0, 200.0]
    assert pd.isna(out["x_low"].iloc[4]) and pd.isna(out["x_high"].iloc[7])
    assert out["audit_flag"].tolist() == [FLAG.get(r, False) for r in ORDER]


@pytest.mark.parametrize(
    ("donor", "source"),
    [
        ("human", "hUC-MSC"),
        ("rabbit", "rbUC-MSC"),
        ("human+rat", "h+rUC-MSC"),
        ("mouse+goat", "m+?UC-MSC"),  # a species the print does not code
        ("goat", "?UC-MSC"),
        (NA, "UC-MSC"),  # no donor species: the tissue alone
        ("", "UC-MSC"),
    ],
)
def test_the_label_names_the_source_as_the_print_codes_it(donor, source):
    rows = _rows().iloc[[0]].copy()
    rows["donor_species"] = pd.array([donor], dtype="string")
    assert vesicles.marks(rows)["label"].iloc[0] == f"row 3 [103] skin aging‡, {source}, in vivo"


def test_the_label_without_a_donor_species_column_names_the_tissue_alone():
    out = vesicles.marks(_rows(donor=False))
    assert out["label"].iloc[0] == "row 3 [103] skin aging‡, UC-MSC, in vivo"
    assert out["label"].iloc[7] == "row 6 [106] WEAK, MN-MSC, in vivo"


# Counts: exosomes rows 3, 8, 1 (range) and 4 (none); EVs row 2 (single); mimetic row 5 (single);
# conditioned medium row 7 (single); none named row 6 (none); 8 rows in all.
COUNTS = {
    "exosomes": [0, 3, 1, 4],
    "extracellular vesicles": [1, 0, 0, 1],
    "exosome-mimetic": [1, 0, 0, 1],
    "conditioned medium": [1, 0, 0, 1],
    "none named": [0, 0, 1, 1],
    "all terms": [3, 3, 2, 8],
}


def test_counts_per_term_and_size_kind_out_of_all_rows():
    table = vesicles.counts(_rows())
    assert table.index.name == "term in the cited title"
    assert table.index.tolist() == list(COUNTS)
    assert table.columns.tolist() == ["single value", "range", NR, "rows", "out of"]
    assert {k: table.loc[k, ["single value", "range", NR, "rows"]].tolist() for k in COUNTS} == COUNTS
    assert table["out of"].tolist() == [8] * 6
    assert all(str(t) == "int64" for t in table.dtypes)


def test_counts_give_zero_for_a_term_no_row_has():
    rows = _rows()
    table = vesicles.counts(rows[rows["vesicle_type"] == "exosomes"])
    assert table.loc["extracellular vesicles"].tolist() == [0, 0, 0, 0, 4]
    assert table.loc["all terms"].tolist() == [0, 3, 1, 4, 4]
    assert all(str(t) == "int64" for t in table.dtypes)


def test_counts_of_no_rows_are_zeros():
    table = vesicles.counts(_rows().iloc[:0])
    assert table.index.tolist() == list(COUNTS) and table.index.name == "term in the cited title"
    assert table.to_numpy().sum() == 0


# Reporting items, searched in each shown row's printed cells (row 1 of Table 1 is not shown):
#   size printed: rows 1, 2, 3, 5, 7, 8; sizing method: row 8 ("NTA" ending its size cell); isolation: row 3
#   ("isolated"); morphology: row 2 ("TEM"); markers: rows 1 ("western blot") and 7 ("CD63");
#   particles: rows 1, 4 and 8 (dose kind).
REPORTING = [
    (vesicles.SIZE_ITEM, 6, 8, "1; 2; 3; 5; 7; 8"),
    ("how size was measured (NTA, DLS, TRPS, flow cytometry)", 1, 8, "8"),
    ("isolation method (centrifugation, precipitation, SEC, filtration)", 1, 8, "3"),
    ("morphology (electron or atomic force microscopy)", 1, 8, "2"),
    ("EV markers (CD63, CD81, CD9, TSG101, Alix) or a negative marker (e.g. calnexin)", 2, 8, "1; 7"),
    (vesicles.PARTICLE_ITEM, 3, 8, "1; 4; 8"),
]


def test_reporting_counts_rows_printing_each_item_out_of_the_rows_shown():
    out = vesicles.reporting(_rows(), _printed())
    assert out.columns.tolist() == ["item", "rows printing it", "out of", "printed rows"]
    assert [tuple(r) for r in out.itertuples(index=False)] == REPORTING


def test_reporting_reads_a_word_only_as_a_whole_word():
    printed = _printed()
    printed.loc[printed["row"] == "8", "size_nm"] = "140–150 nm, NTAs"  # not the abbreviation NTA
    out = vesicles.reporting(_rows(), printed)
    assert out["rows printing it"].tolist()[1] == 0 and out["printed rows"].tolist()[1] == ""


# Band: rows with a size; compared only where the title's term is exosomes; within when low >= 30 and high <= 150;
# beyond = (high - 150 if above) + (30 - low if below), to 6 decimals.
BAND = [
    # row, term, compared, kind, low, high, within, beyond
    (3, "exosomes", True, "range", 50.0, 100.0, True, 0.0),
    (8, "exosomes", True, "range", 140.0, 150.0000006, False, 0.000001),  # 0.0000006 nm, to 6 decimals
    (2, "extracellular vesicles", False, "single value", 160.0, 160.0, False, 10.0),
    (1, "exosomes", True, "range", 30.0, 200.0, False, 50.0),
    (7, "conditioned medium", False, "single value", 25.0, 25.0, False, 5.0),  # 5 nm below the band
    (5, "exosome-mimetic", False, "single value", 120.0, 120.0, True, 0.0),
]


def test_band_fit_of_each_printed_size():
    out = vesicles.band_fit(_rows())
    assert out.columns.tolist() == ["row", "vesicle_type", "compared", "size_kind", "size_low_nm", "size_high_nm",
                                    "within", "beyond_nm"]  # fmt: skip
    assert out.index.tolist() == list(range(6))
    assert [tuple(r) for r in out.itertuples(index=False)] == BAND
    assert [str(t) for t in out.dtypes] == ["int64", "str", "bool", "str", "float64", "float64", "bool",
                                            "float64"]  # fmt: skip


def test_band_fit_adds_both_ends_outside_the_band():
    rows = _rows()
    rows.loc[rows["row"] == 1, ["size_low_nm", "size_high_nm"]] = [20.0, 170.0]  # 10 below, 20 above
    out = vesicles.band_fit(rows)
    assert out.loc[out["row"] == 1, "beyond_nm"].tolist() == [30.0]


def test_band_fit_beyond_is_rounded_to_a_millionth_of_a_nm():
    rows = _rows()
    rows.loc[rows["row"] == 8, "size_high_nm"] = 150.00000004  # 0.00000004 nm over: 0 to 6 decimals
    out = vesicles.band_fit(rows)
    assert out.loc[out["row"] == 8, "beyond_nm"].tolist() == [0.0]


# --- data: every number the figure draws ---------------------------------------------------------------------


def test_data_holds_the_marks_the_counts_and_the_reporting_items():
    rows = _rows()
    frame = vesicles.data(rows, _printed())
    assert frame.columns.tolist() == [
        "panel", "label", "size_kind", "table", "row", "ref", "y", "x_low", "x_high", "count", "out_of",
        "disease", "setting", "tissue", "vesicle_type", "product_change", "mark", "audit_flag",
    ]  # fmt: skip
    assert frame["panel"].tolist() == ["sizes"] * 8 + ["counts"] * 24 + ["reporting"] * 6
    assert frame.index.tolist() == list(range(38))
    for column in ("y", "row", "ref", "count", "out_of"):
        assert str(frame[column].dtype) == "Int64", column
    sizes = frame[frame["panel"] == "sizes"]
    assert sizes["label"].tolist() == [LABELS[r] for r in ORDER]
    assert sizes["row"].tolist() == ORDER and sizes["y"].tolist() == Y
    assert sizes["ref"].tolist() == [100 + r for r in ORDER]
    assert sizes["count"].isna().all() and sizes["out_of"].isna().all()
    counted = frame[frame["panel"] == "counts"]
    expected = [
        (term, column, n, 8)
        for term, values in COUNTS.items()
        for column, n in zip(["single value", "range", NR, "rows"], values)
    ]
    assert list(zip(counted["label"], counted["size_kind"], counted["count"], counted["out_of"])) == expected
    assert counted["row"].isna().all()
    reported = frame[frame["panel"] == "reporting"]
    assert list(zip(reported["label"], reported["count"], reported["out_of"])) == [r[:3] for r in REPORTING]
    assert reported["size_kind"].isna().all()


# --- evidence: the printed cells behind each drawn row -------------------------------------------------------

#: The band's word per row: compared rows say yes or how far outside; other terms are not compared.
BAND_WORDS = {
    3: "yes",
    8: "no: ends 1e-06 nm outside",
    2: "not compared: the cited title does not call the product exosomes",
    1: "no: ends 50 nm outside",
    4: NR,  # no size printed
    7: "not compared: the cited title does not call the product exosomes",
    5: "not compared: the cited title does not call the product exosomes",
    6: NR,
}


def test_evidence_shows_the_printed_cells_and_the_band_words_for_each_row():
    rows = _rows()
    out = vesicles.evidence(rows, _printed(), _references())
    printed = _printed().set_index(_printed()["row"].astype(int))
    assert out.columns.tolist() == [
        "y", "table", "row", "ref", "disease_printed", "source_printed", "size_printed", "size_kind",
        "within_30_150_nm", "vesicle_type", "vesicle_type_evidence", "modification", "product_change", "setting",
        "setting_caveat", "disease_caveat", "audit_flag", "audit_findings", "effects_printed", "cited_title",
    ]  # fmt: skip
    assert out["y"].tolist() == Y and out["row"].tolist() == ORDER and out["table"].tolist() == ["table2"] * 8
    assert out["ref"].tolist() == [100 + r for r in ORDER]
    assert [str(out[c].dtype) for c in ("y", "row", "ref")] == ["int64"] * 3
    assert out["disease_printed"].tolist() == [printed.at[r, "disease"] for r in ORDER]
    assert out["source_printed"].tolist() == [printed.at[r, "source"] for r in ORDER]
    # an empty size cell is shown as "(empty)"
    assert out["size_printed"].tolist() == ["50–100 nm", "140–150 nm, NTA", "160 nm", "30–200 nm", "(empty)",
                                            "25 nm", "120 nm", "(empty)"]  # fmt: skip
    assert out["size_kind"].tolist() == rows["size_shown"].tolist()
    assert out["within_30_150_nm"].tolist() == [BAND_WORDS[r] for r in ORDER]
    assert out["vesicle_type"].tolist() == rows["vesicle_type"].tolist()
    assert out["vesicle_type_evidence"].tolist() == [f"title of ref {100 + r}" for r in ORDER]
    assert out["product_change"].tolist() == [PRODUCT.get(r, "none printed") for r in ORDER]
    assert out["setting"].tolist() == rows["setting"].tolist()
    assert out["setting_caveat"].tolist() == [SETTING_CAVEAT.get(r, "") for r in ORDER]
    assert out["disease_caveat"].tolist() == [DISEASE_CAVEAT.get(r, "") for r in ORDER]
    assert out["audit_flag"].tolist() == [FLAG.get(r, False) for r in ORDER]
    assert out["audit_findings"].fillna("-").tolist() == ["", "-", "W6;R6;W8", "-", "-", "-", "W8", "<NA>"]
    assert out["effects_printed"].tolist() == [printed.at[r, "effects"] for r in ORDER]
    assert out["cited_title"].tolist() == [TITLES.get(100 + r, "") for r in ORDER]
    assert out["modification"].fillna("-").tolist() == ["primed", "-", "-", "-", "engineered", "-", "engineered",
                                                        "biomaterial"]  # fmt: skip


def test_evidence_without_the_audit_has_empty_findings():
    out = vesicles.evidence(_rows(audit=False), _printed(), _references())
    assert out["audit_findings"].tolist() == [""] * 8
    assert out["audit_flag"].tolist() == [False] * 8


@pytest.mark.parametrize(
    ("high", "words"),
    [
        (150.0, "yes"),
        (151.5, "no: ends 1.5 nm outside"),
        (317.5, "no: ends 167.5 nm outside"),
    ],
)
def test_evidence_says_how_far_a_compared_size_ends_outside_the_band(high, words):
    rows = _rows()
    rows.loc[rows["row"] == 3, "size_high_nm"] = high
    out = vesicles.evidence(rows, _printed(), _references())
    assert out.loc[out["row"] == 3, "within_30_150_nm"].tolist() == [words]


def test_evidence_of_a_reference_missing_from_the_list_has_an_empty_title():
    references = _references()
    references = references[references["ref"] != "104"]
    out = vesicles.evidence(_rows(), _printed(), references)
    assert out.loc[out["row"] == 4, "cited_title"].tolist() == [""]
    assert out.loc[out["row"] == 5, "cited_title"].tolist() == [TITLES[105]]


@pytest.mark.parametrize(
    "flags",
    [
        pd.array([False, True, False, pd.NA, False, False, True, False, False], dtype="boolean"),
        pd.Series([False, True, False, NAN, False, False, True, False, False], dtype=object).to_numpy(),
    ],
    ids=["nullable boolean", "object"],
)
def test_a_row_the_audit_left_unflagged_is_not_flagged(flags):
    # Rows 2 and 7 flagged; row 4's flag is missing (the audit did not mark it): not flagged, whatever the dtype.
    studies = pd.DataFrame(STUDY_ROWS, columns=COLUMNS)  # in STUDY_ROWS order: rows 1-8, then Table 1 row 1
    studies["audit_flag"] = flags
    studies["vesicle_type_evidence"] = ""
    rows = vesicles.exosome_rows(studies, _printed(), _references())
    assert dict(zip(rows["row"], rows["audit_flag"])) == {r: r in (2, 7) for r in ORDER}
    assert rows["audit_flag"].dtype == bool
