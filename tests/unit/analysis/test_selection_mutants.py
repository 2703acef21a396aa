"""The selection's rules, each checked on an input built inside the test (written against mutmut's survivors).

Expected values are read from the print: the reference list's first authors (ref 1 "Niccoli T", ref 12 printed
"Ei-Derany MO", ref 56 printed "brahim N"), Table 3 row 1's NCT01742533 (a POF trial) and row 12's NCT04388982 (an
AD trial, whose report is reference 64), or are counted by hand on the few-row tables below.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import selection
from helpers.data import curated

MSC, EXO, TRIAL = "tabulated MSC study", "tabulated exosome study", "source of a tabulated trial"
PRIMARY, REVIEW = "primary study, cited in the text only", "review or background"


@pytest.mark.parametrize(
    ("authors", "note", "expected"),
    [
        ("Niccoli T, Partridge L", "", "Niccoli T"),
        ("Dominici M", "", "Dominici M"),
        (
            "brahim N, Al Saihati HA",
            "first author printed as 'brahim N' [sic; probably Ibrahim N]",
            "brahim N [sic; probably Ibrahim N]",
        ),
        (
            "Ei-Derany MO, Said RS, El-Demerdash E",
            "first author printed as 'Ei-Derany MO' [sic; probably El-Derany MO]; kept as printed",
            "Ei-Derany MO [sic; probably El-Derany MO]",
        ),
        # a sic note about another author of the list does not mark the first one
        ("Xu B, Li Z", "second author printed as 'Li Z' [sic; probably Lee Z]", "Xu B"),
    ],
)
def test_first_author_is_the_first_listed_name_with_its_sic_note(authors, note, expected):
    assert selection.first_author(authors, note) == expected


def test_first_author_without_a_note_is_the_name_alone():
    assert selection.first_author("Niccoli T, Partridge L") == "Niccoli T"


def test_roles_frame_holds_each_reference_once_by_integer_number_in_order():
    frame = selection.roles()
    assert frame["ref"].dtype.kind == "i"
    assert frame["ref"].tolist() == list(range(1, 84))
    assert list(frame.index) == list(range(83))
    assert "index" not in frame.columns
    assert str(frame["disease_codes"].dtype) == "string"
    # the roles file's columns, then the list's year and title as printed, the first author and the diseases
    assert list(frame.columns) == [
        "ref",
        "role",
        "table_rows",
        "text_section",
        "evidence",
        "title_words",
        "note",
        "year",
        "title",
        "first_author",
        "disease_codes",
    ]
    assert str(frame["ref"].dtype) == "int64"


@pytest.mark.parametrize(
    ("ref", "first"),
    [(1, "Niccoli T"), (12, "Ei-Derany MO [sic; probably El-Derany MO]"), (56, "brahim N [sic; probably Ibrahim N]")],
)
def test_roles_show_the_printed_first_author_marked_sic_where_the_note_says(ref, first):
    frame = selection.roles()
    assert frame.loc[frame["ref"] == ref, "first_author"].item() == first


@pytest.mark.parametrize(
    ("ref", "codes"),
    [
        (10, "WEAK"),  # Table 1 row 1, weakness; cited in no disease section
        (17, "POF"),  # text only, in MSCs / Premature ovarian failure
        (26, "AD"),  # text only, in MSCs / Alzheimer's disease
        (64, "AD"),  # Table 3 row 12 (AD) and the exosome AD section
        (1, ""),  # Introduction: no disease
    ],
)
def test_a_reference_is_cited_for_its_row_s_disease_and_its_section_s(ref, codes):
    frame = selection.roles()
    assert frame.loc[frame["ref"] == ref, "disease_codes"].item() == codes


def _curated_roles() -> pd.DataFrame:
    return curated.load("reference_roles").copy()


def test_a_tabulated_reference_also_cited_in_a_disease_section_counts_both_diseases_in_vocabulary_order():
    curated_roles = _curated_roles()
    # ref 10 backs Table 1 row 1 (weakness); cite it also in the MSC section on Alzheimer's disease
    curated_roles.loc[curated_roles["ref"] == 10, "text_section"] = "MSCs / Alzheimer's disease"
    frame = selection.roles(curated_roles)
    assert frame.loc[frame["ref"] == 10, "disease_codes"].item() == "AD; WEAK"


def _references_with_64_naming_two_trials() -> pd.DataFrame:
    references = curated.load("references").copy()
    at = references["ref"] == 64
    references.loc[at, "citation"] = references.loc[at, "citation"].astype(str) + " NCT01742533."
    return references


def test_a_trial_report_whose_entry_names_two_trials_backs_both_rows_and_their_diseases():
    references = _references_with_64_naming_two_trials()
    curated_roles = _curated_roles()
    curated_roles.loc[curated_roles["ref"] == 64, "table_rows"] = "Table 3 row 1; Table 3 row 12"
    frame = selection.roles(curated_roles, references)
    row = frame.loc[frame["ref"] == 64]
    assert row["table_rows"].item() == "Table 3 row 1; Table 3 row 12"
    assert row["disease_codes"].item() == "POF; AD"
    derived = selection.derived_roles(references=references)
    assert derived.loc[derived["ref"] == 64, "table_rows"].item() == "Table 3 row 1; Table 3 row 12"
    # the flow counts Table 3's two backed rows of 64 and row 17 of [39]: three rows backed by a reference
    flows = selection.flow(frame)
    backed = flows[(flows["box"] == "table3") & (flows["quantity"] == "rows backed by a reference")]
    assert backed["n"].item() == 3


def test_the_roles_refuse_the_curated_file_when_the_given_list_moves_a_trial_report():
    # the list given names NCT01742533 in 64's entry, so 64 backs Table 3 rows 1 and 12; the curated file says row 12
    with pytest.raises(ValueError, match=r"\[64\] is curated as 'source of a tabulated trial' \(Table 3 row 12\)"):
        selection.roles(references=_references_with_64_naming_two_trials())


def test_a_curated_file_missing_a_tabulated_reference_is_refused_with_every_reason():
    curated_roles = _curated_roles()
    curated_roles = curated_roles[curated_roles["ref"] != 10]
    with pytest.raises(ValueError) as caught:
        selection.roles(curated_roles)
    assert str(caught.value) == (
        "data/reference_roles.csv disagrees with the printed tables: "
        "[10] backs Table 1 row 1 but has no curated role; "
        "no role for listed reference [10]"
    )


def test_a_curated_role_for_a_reference_beyond_the_list_is_named_as_the_list_numbers_it():
    # The review lists references 1-83; a role given to 84 names 84 as an integer, as the list does.
    curated_roles = _curated_roles()
    extra = curated_roles[curated_roles["ref"] == 83].assign(ref=84)
    with pytest.raises(ValueError, match=r"a role for reference \[84\] not in the list"):
        selection.roles(pd.concat([curated_roles, extra], ignore_index=True))


# Each case: what is done to the curated roles of the few-row print's list (refs 10, 20, 30, 60, 70), and the
# coverage reason the refusal must give, naming the references concerned (read from the case, not the code).
@pytest.mark.parametrize(
    ("refs", "reason"),
    [
        ([10, 20, 30, 60], "no role for listed reference [70]"),
        ([10, 30, 60], "no role for listed references [20, 70]"),
        ([10, 20, 30, 60, 70, 99], "a role for reference [99] not in the list"),
        ([10, 20, 30, 60, 70, 98, 99], "a role for references [98, 99] not in the list"),
        ([10, 20, 30, 60, 70, 70], "more than one role for reference [70]"),
        ([10, 20, 20, 30, 60, 70, 70], "more than one role for references [20, 70]"),
        ([10, 20, 30, 60, 99], "no role for listed reference [70]; a role for reference [99] not in the list"),
    ],
    ids=["one-missing", "two-missing", "one-unknown", "two-unknown", "one-twice", "two-twice", "missing-and-unknown"],
)
def test_the_coverage_reason_names_the_references_missing_unknown_or_twice(refs, reason):
    assert "; ".join(selection._coverage([10, 20, 30, 60, 70], refs)) == reason


def test_a_role_for_each_listed_reference_once_gives_no_coverage_reason():
    assert selection._coverage([10, 20, 30, 60, 70], [70, 60, 30, 20, 10]) == []


# A few-row print: Table 1 rows 1-3 (POF, AD, AD; rows 1 and 2 cite [10], row 3 no reference), Table 2 row 1
# (AD, [20]), Table 3 row 1 printing "[30]" in its NCT column and row 2 (AD) an NCT number that [60]'s entry prints.
def _printed() -> dict[str, pd.DataFrame]:
    return {
        "msc_studies": pd.DataFrame({"row": [1, 2, 3], "disease": ["POF", "AD", "AD"], "ref": [10, 10, None]}),
        "exosome_studies": pd.DataFrame({"row": [1], "disease": ["AD"], "ref": [20]}),
        "clinical_trials": pd.DataFrame(
            {"row": [1, 2], "disease_type": ["POF", "AD"], "nct_number": ["[30]", "NCT00000001"]}
        ),
    }


def _references() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ref": [10, 20, 30, 60],
            "authors": ["A B", "C D", "E F", "G H"],
            "citation": ["A B. One.", "C D. Two.", "E F. Three.", "G H. A trial. PMID: 1 NCT00000001."],
        }
    )


def test_the_tables_decide_the_roles_of_the_references_they_use():
    got = selection.derived_roles(_printed(), _references())
    expected = pd.DataFrame(
        {
            "ref": [10, 20, 30, 60],
            "role": [MSC, EXO, TRIAL, TRIAL],
            "table_rows": ["Table 1 row 1; Table 1 row 2", "Table 2 row 1", "Table 3 row 1", "Table 3 row 2"],
        }
    )
    pd.testing.assert_frame_equal(got, expected)


def test_tables_that_use_no_reference_give_an_empty_frame_with_the_three_columns():
    empty = {
        "msc_studies": pd.DataFrame({"row": [1], "disease": ["AD"], "ref": [None]}),
        "exosome_studies": pd.DataFrame({"row": [1], "disease": ["AD"], "ref": [None]}),
        "clinical_trials": pd.DataFrame({"row": [1], "disease_type": ["AD"], "nct_number": ["NCT00000009"]}),
    }
    got = selection.derived_roles(empty, _references())
    assert list(got.columns) == ["ref", "role", "table_rows"] and got.empty


def _role_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ref": [10, 20, 30, 40, 50],
            "role": [MSC, EXO, TRIAL, PRIMARY, REVIEW],
            "table_rows": ["Table 1 row 1; Table 1 row 2", "Table 2 row 1", "Table 3 row 1", None, None],
            "note": [f"the print and title {selection.PATIENTS}", None, None, f"x {selection.UNDECIDED}", None],
        }
    )


def _counts(frame: pd.DataFrame) -> dict[tuple[str, str], int]:
    return {(b, q): int(n) for b, q, n in zip(frame["box"], frame["quantity"], frame["n"])}


def test_the_flow_counts_rows_and_references_apart():
    got = selection.flow(_role_frame(), _printed())
    assert list(got.columns) == ["box", "heading", "quantity", "n"]
    assert got.loc[got["box"] == "listed", "heading"].unique().tolist() == [selection.HEADINGS["listed"]]
    counts = _counts(got)
    assert counts[("listed", "references")] == 5
    assert counts[("tabulated", "references")] == 3
    assert counts[("text_only", "references")] == 2
    assert counts[("table1", "rows")] == 3
    assert counts[("table1", selection.PATIENT_ROWS)] == 2
    assert counts[("table1", "rows backed by a reference")] == 2
    assert counts[("table1", "rows without a reference")] == 1
    assert counts[("table3", "rows")] == 2
    assert counts[("table3", "rows backed by a reference")] == 1
    assert counts[("primary", selection.UNDECIDED_REFS)] == 1


def test_a_selected_flow_counts_only_the_rows_of_the_selected_diseases():
    got = selection.flow(_role_frame(), _printed(), diseases=("AD",))
    assert got.loc[got["box"] == "listed", "heading"].unique().tolist() == [selection.LISTED_SELECTED]
    counts = _counts(got)
    # Table 1's AD rows are 2 and 3; [10] backs rows 1 (POF) and 2 (AD), and its note says patients
    assert counts[("table1", "rows")] == 2
    assert counts[("table1", selection.PATIENT_ROWS)] == 1
    assert counts[("table1", "rows backed by a reference")] == 1
    assert counts[("table1", "rows without a reference")] == 1
    # Table 3's AD row is row 2, which [30] (row 1, POF) does not back
    assert counts[("table3", "rows")] == 1
    assert counts[("table3", "rows backed by a reference")] == 0
    assert counts[("table3", "rows without a reference")] == 1


@pytest.mark.parametrize("words", [selection.PATIENTS, selection.UNDECIDED, selection.COMPANION])
def test_a_reference_without_a_note_is_marked_by_no_phrase(words):
    frame = pd.DataFrame({"note": [None, f"... {words} ..."]}, dtype=object)
    assert selection.noted(frame, words).tolist() == [False, True]


def _coded() -> pd.DataFrame:
    return pd.DataFrame({"ref": [1, 2, 3, 4], "disease_codes": pd.Series(["POF; AD", "AD", "", None], dtype="string")})


@pytest.mark.parametrize(
    ("diseases", "refs"),
    [(("AD",), [1, 2]), (("POF",), [1]), (("OP",), []), (("POF", "AD"), [1, 2])],
)
def test_selecting_diseases_keeps_references_cited_for_any_of_them(diseases, refs):
    got = selection.select(_coded(), diseases)
    assert got["ref"].tolist() == refs
    assert list(got.columns) == ["ref", "disease_codes"]
    assert list(got.index) == list(range(len(refs)))


def test_selecting_no_disease_keeps_every_reference():
    assert selection.select(_coded(), None)["ref"].tolist() == [1, 2, 3, 4]


def test_the_untabulated_list_is_the_primary_studies_renumbered_from_zero():
    frame = pd.DataFrame(
        {
            "ref": [10, 17, 20],
            "role": [MSC, PRIMARY, PRIMARY],
            "first_author": ["Xie C", "Wang ZB", "Ling L"],
            "year": [2020, 2021, 2022],
            "title": ["a", "b", "c"],
            "text_section": ["", "MSCs / Premature ovarian failure", "MSCs / Premature ovarian failure"],
            "note": ["", "", ""],
        }
    )
    got = selection.untabulated_primary(frame)
    assert list(got.columns) == ["ref", "first_author", "year", "title", "text_section", "note"]
    assert got["ref"].tolist() == [17, 20] and list(got.index) == [0, 1]


def test_a_roles_file_read_with_its_empty_cells_as_missing_gives_the_same_roles():
    as_read = _curated_roles()
    missing = as_read.copy()
    for column in ("table_rows", "text_section", "note"):
        missing[column] = missing[column].replace("", None)
    expected = selection.roles(as_read)
    got = selection.roles(missing)
    assert got["disease_codes"].tolist() == expected["disease_codes"].tolist()
    assert got["first_author"].tolist() == expected["first_author"].tolist()


@pytest.mark.parametrize("words", ["X", "note", selection.OFF_MODEL])
def test_a_missing_note_holds_no_words_at_all(words):
    frame = pd.DataFrame({"note": [None]}, dtype=object)
    assert selection.noted(frame, words).tolist() == [False]


@pytest.mark.parametrize("diseases", [("AD",), ("X",), ("XXXX",)])
def test_a_reference_with_no_disease_code_is_selected_by_no_code_at_all(diseases):
    frame = pd.DataFrame({"ref": [1, 2], "disease_codes": pd.Series([None, ""], dtype="string")})
    assert selection.select(frame, diseases).empty


def test_the_evidence_lists_each_box_s_references_box_first_with_what_the_print_shows():
    columns = ["ref", "first_author", "year", "title", "role", "table_rows", "text_section", "disease_codes"]
    frame = _role_frame().assign(
        first_author=["A", "B", "C", "D", "E"],
        year=[2020] * 5,
        title=["t"] * 5,
        text_section=[""] * 5,
        disease_codes=["POF; AD", "AD", "POF", "", ""],
        evidence=["e"] * 5,
    )
    got = selection.evidence(frame)
    assert list(got.columns) == ["box", *columns, "evidence", "note"]
    by_box = {box: got.loc[got["box"] == box, "ref"].tolist() for box in selection.BOXES}
    assert by_box == {
        "listed": [10, 20, 30, 40, 50],
        "tabulated": [10, 20, 30],
        "text_only": [40, 50],
        "table1": [10],
        "table2": [20],
        "table3": [30],
        "primary": [40],
        "review": [50],
        "method": [],
    }
    assert list(got.index) == list(range(len(got)))
