"""What the review's own text adds to a coded study (``helpers.data.coded._with_text``), statement by statement.

The module's docstring: ``review_text`` lists every statement of the
review's text recorded for the row's reference as ``section: 'words'
(bears on)``, ' | '-joined, or is empty with a reason; a statement on the
modification is read with the row's own cells (the text is the print
too); a statement that the cells went into patients leaves the relation as
printed but says, in ``relation_evidence``, what the other reading would
give; and a relation word in the text joins ``relation_evidence``. Every
input is a one- or two-row frame written here, so each expected value is
worked out from these rules by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import coded

NO_TEXT = "no statement of the review's text bearing on this row's codes or citation is recorded"
PATIENTS = "'transplanted into the ovaries of patients' (see the transcription notes): if the cells went into patients"


def _frame(**cells) -> pd.DataFrame:
    """One coded row with the columns ``_with_text`` reads, ``cells`` overriding a native rat-into-mouse study."""
    row = {
        "ref": 7,
        "modification": "none",
        "product": "native",
        "relation": "xenogeneic",
        "donor_species": "rat",
        "relation_evidence": "Source 'rBM-MSCs'",
    } | cells
    frame = pd.DataFrame({k: [v] for k, v in row.items()})
    frame["ref"] = frame["ref"].astype("Int64")
    for column in ("modification", "product", "relation", "donor_species", "relation_evidence"):
        frame[column] = frame[column].astype("string")
    return frame


def _statements(*rows: tuple[int, str, str, str]) -> pd.DataFrame:
    """``data/text_statements.csv`` as loaded: ref, section, words, bears_on."""
    frame = pd.DataFrame(list(rows), columns=["ref", "section", "words", "bears_on"])
    frame["ref"] = frame["ref"].astype("Int64")
    return frame


CASES = [
    pytest.param(
        {},
        [(8, "MSCs / POF", "the autologous cells", "relation: another study")],
        {"review_text": pd.NA, "review_text_missing": NO_TEXT},
        id="a statement on another reference is not this row's: nothing recorded, and the reason says so",
    ),
    pytest.param(
        {"modification": "engineered", "product": "modified", "relation": "same species, not specified"},
        [
            (7, "MSCs / POF", "exosomes from pretreated cells", "modification: the parent cells were primed"),
            (7, "MSCs / AD", "the autologous AD-MSCs", "relation: the text calls the cells autologous"),
        ],
        {
            "review_text": "MSCs / POF: 'exosomes from pretreated cells' (modification: the parent cells were primed)"
            " | MSCs / AD: 'the autologous AD-MSCs' (relation: the text calls the cells autologous)",
            "review_text_missing": "",
            # the printed 'engineered' and the text's 'primed', in the vocabulary's order
            "modification": "engineered+primed",
            "product": "modified",
            "relation_evidence": "Source 'rBM-MSCs'; review text (MSCs / AD) says 'autologous'",
        },
        id="two statements are joined in order; a modification in the text joins the printed one",
    ),
    pytest.param(
        {},
        [(7, "MSC-Exos / POF", "lipopolysaccharide-pretreated UC-MSCs", "modification: primed parent cells")],
        {
            "review_text": "MSC-Exos / POF: 'lipopolysaccharide-pretreated UC-MSCs' "
            "(modification: primed parent cells)",
            "review_text_missing": "",
            "modification": "primed",
            "product": "modified",
        },
        id="a native row whose text names a priming becomes primed and modified (ref 53)",
    ),
    pytest.param(
        {},
        [(7, "MSCs / OP", "cells given as obtained", "modification: nothing done to the cells")],
        {
            "review_text": "MSCs / OP: 'cells given as obtained' (modification: nothing done to the cells)",
            "review_text_missing": "",
            "modification": "none",
            "product": "native",
        },
        id="a modification statement that names no kind leaves the row native, modification none",
    ),
    pytest.param(
        {"donor_species": "human"},
        [(7, "MSCs / POF", "transplanted into the ovaries of patients", "host: the text names patients")],
        {
            "review_text": "MSCs / POF: 'transplanted into the ovaries of patients' (host: the text names patients)",
            "review_text_missing": "",
            "relation_evidence": f"Source 'rBM-MSCs'; but the review's text says {PATIENTS} the relation would be "
            "human into human, not xenogeneic (allogeneic or autologous, not reported in the review)",
        },
        id="human cells said to go into patients: the evidence says the relation would not be xenogeneic (ref 24)",
    ),
    pytest.param(
        {},
        [(7, "MSCs / POF", "transplanted into the ovaries of patients", "host: the text names patients")],
        {
            "review_text": "MSCs / POF: 'transplanted into the ovaries of patients' (host: the text names patients)",
            "review_text_missing": "",
            "relation_evidence": f"Source 'rBM-MSCs'; but the review's text says {PATIENTS} the relation would be "
            "xenogeneic still",
        },
        id="rat cells said to go into patients: the relation would be xenogeneic still",
    ),
    pytest.param(
        {"relation": pd.NA, "relation_evidence": pd.NA},
        [(7, "MSCs / POF", "autologous cells transplanted into patients", "host: the text names patients")],
        {
            "review_text": "MSCs / POF: 'autologous cells transplanted into patients' (host: the text names patients)",
            "review_text_missing": "",
        },
        id="a row with no relation gets no relation evidence from the text",
    ),
    pytest.param(
        {},
        [(7, "MSCs / POF", "transplanted into the ovaries of mice", "host: the text names mice")],
        {
            "review_text": "MSCs / POF: 'transplanted into the ovaries of mice' (host: the text names mice)",
            "review_text_missing": "",
        },
        id="a host statement that names no patients changes nothing",
    ),
    pytest.param(
        {},
        [(7, "MSCs / POF", "for the first time in patients", "setting: the text calls it a clinical study")],
        {
            "review_text": "MSCs / POF: 'for the first time in patients' (setting: the text calls it a clinical study)",
            "review_text_missing": "",
        },
        id="patients named in a statement that does not bear on the host change nothing",
    ),
    pytest.param(
        {},
        [(7, "MSCs / AS", "autologous and allogeneic grafts", "relation: both words")],
        {
            "review_text": "MSCs / AS: 'autologous and allogeneic grafts' (relation: both words)",
            "review_text_missing": "",
            "relation_evidence": "Source 'rBM-MSCs'; review text (MSCs / AS) says 'autologous'; "
            "review text (MSCs / AS) says 'allogeneic'",
        },
        id="every relation word of a statement joins the evidence, '; '-joined",
    ),
]


@pytest.mark.parametrize("cells, said, changed", CASES)
def test_the_review_text_is_recorded_and_read_into_the_codes(cells, said, changed):
    """Rule: review_text lists the row's statements; a modification, patients or relation word is read in."""
    frame = _frame(**cells)
    expected = frame.copy()
    for column, value in changed.items():
        expected[column] = pd.array([value], dtype="string")
    result = coded._with_text(frame, _statements(*said))
    pd.testing.assert_frame_equal(result, expected)


def test_each_row_gets_only_its_own_references_statements():
    """Rule: statements are matched to rows by reference; the input frame is not changed."""
    frame = pd.concat([_frame(ref=7), _frame(ref=9, donor_species="human")], ignore_index=True)
    before = frame.copy()
    result = coded._with_text(
        frame,
        _statements(
            (9, "MSCs / AD", "into patients", "host: patients"),
            (7, "MSCs / AD", "a syngeneic graft", "relation: syngeneic"),
        ),
    )
    pd.testing.assert_frame_equal(frame, before)
    assert list(result["review_text"]) == [
        "MSCs / AD: 'a syngeneic graft' (relation: syngeneic)",
        "MSCs / AD: 'into patients' (host: patients)",
    ]
    assert list(result["relation_evidence"]) == [
        "Source 'rBM-MSCs'; review text (MSCs / AD) says 'syngeneic'",
        "Source 'rBM-MSCs'; but the review's text says 'into patients' (see the transcription notes): if the cells "
        "went into patients the relation would be human into human, not xenogeneic (allogeneic or autologous, not "
        "reported in the review)",
    ]


def test_a_frame_without_rows_still_gets_both_text_columns_as_strings():
    """Rule: review_text and its reason are string columns whatever the rows (a selection may keep none)."""
    empty = _frame().iloc[:0]
    result = coded._with_text(empty, _statements())
    assert list(result.columns) == [*empty.columns, "review_text", "review_text_missing"]
    assert (str(result["review_text"].dtype), str(result["review_text_missing"].dtype)) == ("string", "string")
    assert len(result) == 0
