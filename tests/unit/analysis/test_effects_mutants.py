"""The effects exhibit's analysis, rule by rule, on small literal studies and on the coded dataset.

Written against mutmut's survivors of :mod:`helpers.analysis.effects` (issue 21). Each test builds what it
checks inside the test (no module fixture: under mutmut a module fixture's work is credited to one test only).
Expected values come from the print and the data files, read by hand:

- ``data/outcome_annotation.csv``: Table 1 row 1 is improved, organism, no comparison, both readers sure; row 2
  improved, organism, no comparison, both unsure; row 3 not stated, cellular or molecular, no comparison, both
  unsure; row 8 improved, organism, compared head to head (AD-MSCs vs UC-MSCs), both sure; row 22 improved,
  tissue, compared, one reader unsure.
- ``data/references.csv``: ref 58's title names cognitive impairment and the hippocampus, ref 74's bone loss
  (animal work); ref 25's names no animal; ref 82's only "Topical" (a route, no host).
- ``data/text_statements.csv``: ref 24's body text says the cells went into the ovaries of patients (a host);
  ref 82's text speaks of photodamaged skin (no host).
"""

from __future__ import annotations

import types

import pandas as pd
import pytest

from helpers.analysis import effects
from helpers.data import coded, curated

_CELLS, _EXOS = "cells", "exosomes"


def _studies(rows: list[dict], index: list[int] | None = None) -> pd.DataFrame:
    """A few coded studies with the columns the effects analysis reads (defaults: an improved in vivo study)."""
    base = {
        "table": "table1",
        "ref": 1,
        "modality": _CELLS,
        "setting": "in vivo",
        "effect_direction": "improved",
        "effect_instead": pd.NA,
        "outcome_level": "organism",
        "comparison": False,
        "comparison_what": pd.NA,
        "comparison_better": pd.NA,
        "outcome_evidence": "words",
    }
    frame = pd.DataFrame([{**base, **r} for r in rows], index=index)
    return frame.astype({"setting": "string", "comparison": "boolean"})


# ---------------------------------------------------------------- animal_words


def _spoken(rows, index, audit=None):
    frame = _studies(rows, index)
    if audit is not None:
        frame["audit_findings"] = pd.Series(audit, index=frame.index, dtype="string")
    return effects.animal_words(frame)


_VITRO = "in vitro"
# (setting, ref, W6 in the audit's findings, expected): only in vitro only rows count; W6, a host named by the
# body text or animal work named by the cited title marks one.
_WORDS = [
    (_VITRO, 25, None, False),  # title names no animal, no text, no W6
    (_VITRO, 25, "W6", True),  # the audit's W6: the Effects cell speaks of animals
    (_VITRO, 25, "W1; W6", True),
    (_VITRO, 25, "W61", False),  # another finding, not W6
    (_VITRO, 24, None, True),  # body text names patients
    (_VITRO, 58, None, True),  # title names cognitive impairment
    (_VITRO, 74, None, True),  # title names bone loss
    (_VITRO, 82, None, False),  # "Topical" is a route, the text names no host
    ("in vivo", 58, None, False),  # an animal was treated: not an in vitro only row
    ("in vivo + in vitro", 74, "W6", False),
    (pd.NA, 58, None, False),  # no setting: not in vitro only
]


def test_animal_words_marks_in_vitro_only_rows_by_w6_text_or_title():
    rows = [{"setting": s, "ref": ref} for s, ref, _, _ in _WORDS]
    index = [100 + 7 * i for i in range(len(rows))]
    got = _spoken(rows, index, audit=[w for _, _, w, _ in _WORDS])
    assert got.dtype == bool
    assert list(got.index) == index
    assert got.tolist() == [e for *_, e in _WORDS]


def test_animal_words_without_audit_columns_reads_text_and_title_only():
    rows = [{"setting": s, "ref": ref} for s, ref, _, _ in _WORDS]
    index = [3 * i + 1 for i in range(len(rows))]
    got = _spoken(rows, index)
    # Without the audit's findings, the W6 rows are read by their text and title alone.
    expected = [False, False, False, False, True, True, True, False, False, False, False]
    assert got.dtype == bool
    assert list(got.index) == index
    assert got.tolist() == expected


def test_animal_words_reads_the_body_text_even_when_the_title_names_no_host(monkeypatch):
    # Ref 24's title names patients too; with its title blanked, its body text ("ovaries of patients") alone marks
    # it, while ref 82's text (photodamaged skin) names no host.
    real = curated.load

    def load(name):
        frame = real(name).copy()  # the loader may hand out a shared frame
        if name == "references":
            frame.loc[frame["ref"].isin([24, 82]), "title"] = ""
        return frame

    monkeypatch.setattr(effects, "curated", types.SimpleNamespace(load=load))
    got = effects.animal_words(_studies([{"setting": _VITRO, "ref": 24}, {"setting": _VITRO, "ref": 82}]))
    assert got.tolist() == [True, False]


def test_animal_words_of_no_study_is_an_empty_boolean_series():
    got = effects.animal_words(_studies([{"ref": 1}]).iloc[0:0])
    assert len(got) == 0 and got.dtype == bool


def test_animal_words_on_the_dataset_are_table2_rows_9_and_21():
    studies = coded.studies()
    got = studies.loc[effects.animal_words(studies), ["table", "row", "ref"]]
    assert [tuple(r) for r in got.itertuples(index=False)] == [("table2", 9, 58), ("table2", 21, 74)]


# ---------------------------------------------------------------- counts


def test_counts_animal_words_are_of_the_code_counted():
    # Two in vitro only exosome studies: ref 58 (title names animals) improved at organism level, ref 25 not
    # stated at cellular level; one in vivo cell study.
    studies = _studies(
        [
            {"modality": _EXOS, "setting": _VITRO, "ref": 58, "row": 9, "table": "table2"},
            {
                "modality": _EXOS,
                "setting": _VITRO,
                "ref": 25,
                "row": 14,
                "effect_direction": "not stated",
                "outcome_level": "cellular or molecular",
            },
            {"modality": _CELLS, "ref": 1, "row": 1},
        ]
    )
    got = effects.counts(studies).set_index(["modality", "arm", "field", "code"])
    vitro = (_EXOS, effects.IN_VITRO)
    assert got.loc[(*vitro, "effect_direction", "improved"), ["studies", "animal_words"]].tolist() == [1, 1]
    assert got.loc[(*vitro, "effect_direction", "not stated"), ["studies", "animal_words"]].tolist() == [1, 0]
    assert got.loc[(*vitro, "outcome_level", "organism"), ["studies", "animal_words"]].tolist() == [1, 1]
    assert got.loc[(*vitro, "outcome_level", "tissue"), ["studies", "animal_words"]].tolist() == [0, 0]
    assert got.loc[(*vitro, "effect_direction", "improved"), ["arm_total", "modality_total"]].tolist() == [2, 2]
    assert got["animal_words"].sum() == 2  # one study, counted once per field


# ---------------------------------------------------------------- readers and _with_readers


def test_readers_count_the_unsure_readers_as_annotated():
    studies = _studies([{"row": r} for r in (1, 2, 22)])
    got = effects.readers(studies)
    assert got["readers"].tolist() == ["both sure", "both unsure", "one unsure"]
    assert got["unsure"].tolist() == [0, 2, 1]


HEAD_COLUMNS = [
    "table",
    "row",
    "ref",
    "modality",
    "setting",
    "effect_direction",
    "effect_instead",
    "comparison_what",
    "comparison_better",
    "outcome_evidence",
    "readers",
]


def test_head_to_head_lists_only_compared_rows_with_their_readers():
    # Row 8 compares AD- with UC-MSCs (both readers sure); row 99 is in no annotation (no readers to say);
    # row 2 compares nothing; row 1's comparison is unknown (NA), which is not a comparison.
    studies = _studies(
        [
            {"row": 1, "comparison": pd.NA},
            {"row": 8, "comparison": True, "comparison_what": "AD-MSCs vs UC-MSCs"},
            {"row": 2, "comparison": False},
            {"row": 99, "comparison": True},
        ],
        index=[5, 6, 7, 8],
    )
    got = effects.head_to_head(studies)
    assert list(got.columns) == HEAD_COLUMNS
    assert list(got.index) == [0, 1]
    assert got["row"].tolist() == [8, 99]
    assert got["readers"].tolist() == ["both sure", ""]


def test_not_stated_lists_only_rows_without_a_direction():
    studies = _studies(
        [
            {"row": 1},
            {"row": 3, "effect_direction": "not stated", "effect_instead": "mechanism only"},
            {"row": 98, "effect_direction": "not stated"},
        ],
        index=[10, 11, 12],
    )
    got = effects.not_stated(studies)
    assert list(got.columns) == [
        "table",
        "row",
        "ref",
        "modality",
        "setting",
        "effect_instead",
        "outcome_evidence",
        "readers",
    ]
    assert list(got.index) == [0, 1]
    assert got["row"].tolist() == [3, 98]
    assert got["effect_instead"].tolist()[0] == "mechanism only"
    assert got["readers"].tolist() == ["both unsure", ""]


# ---------------------------------------------------------------- agreement (and the comparison yes / no)


def test_agreement_counts_and_names_the_disagreeing_rows():
    # Annotated: row 1 improved/organism/no, row 2 improved/organism/no, row 3 not stated/cellular/no,
    # row 8 improved/organism/yes. Derived here: rows 1 and 2 with a direction the readers did not give,
    # row 3 at the wrong level.
    studies = _studies(
        [
            {"row": 1, "effect_direction": "not stated"},
            {"row": 2, "effect_direction": "mixed"},
            {"row": 3, "effect_direction": "not stated", "outcome_level": "tissue"},
            {"row": 8, "comparison": True},
        ]
    )
    got = effects.agreement(studies)
    assert got.to_dict("records") == [
        {"field": "direction", "agree": 2, "out_of": 4, "disagreeing": "table1 row 1; table1 row 2"},
        {"field": "level", "agree": 3, "out_of": 4, "disagreeing": "table1 row 3"},
        {"field": "comparison", "agree": 4, "out_of": 4, "disagreeing": ""},
    ]


@pytest.mark.parametrize(
    ("row", "compared", "agree"),
    [
        (8, True, 1),  # annotated yes, derived yes
        (1, False, 1),  # annotated no, derived no
        (8, False, 0),
        (1, True, 0),
    ],
)
def test_agreement_reads_a_derived_comparison_as_the_readers_yes_or_no(row, compared, agree):
    got = effects.agreement(_studies([{"row": row, "comparison": compared}]))
    assert got.set_index("field").loc["comparison", ["agree", "out_of"]].tolist() == [agree, 1]


# ---------------------------------------------------------------- modelled


def test_modelled_on_the_dataset_is_table1_row_14():
    # Table 1 row 14 [25] prints 5XFAD mice beside co-culture; the in vitro only rows of Table 2 print no model.
    got = effects.modelled(coded.studies())
    assert [tuple(r) for r in got.itertuples(index=False)] == [(25, "Table 1", 14, "5XFAD mice")]


def test_modelled_skips_blank_and_na_models_and_names_each_table(monkeypatch):
    printed = {
        "msc_studies": pd.DataFrame(
            {"row": [1, 2, 3, 4, 5], "animal_model": [" SAMP8 mice ", pd.NA, "NA", "   ", "old rats"]}
        ),
        "exosome_studies": pd.DataFrame({"row": [1, 2], "animal_model": ["nude mice", "aged mice"]}),
    }
    monkeypatch.setattr(effects, "curated", types.SimpleNamespace(load=lambda name: printed[name].copy()))
    studies = _studies(
        [
            *({"table": "table1", "row": r, "ref": 10 + r, "setting": _VITRO} for r in (1, 2, 3, 4)),
            {"table": "table1", "row": 5, "ref": 15, "setting": "in vivo"},  # an animal treated: not listed
            {"table": "table2", "row": 1, "ref": 21, "setting": _VITRO},
        ]
    )
    got = effects.modelled(studies)
    assert [tuple(r) for r in got.itertuples(index=False)] == [
        (11, "Table 1", 1, "SAMP8 mice"),
        (21, "Table 2", 1, "nude mice"),
    ]


# ---------------------------------------------------------------- stated_elsewhere


def test_stated_elsewhere_on_the_dataset_are_the_texts_of_the_silent_rows():
    # The body text states a benefit for refs 12, 19, 32, 63, 70 and 82, all rows whose Effects cell is silent.
    got = effects.stated_elsewhere(coded.studies())
    assert got["ref"].tolist() == [12, 19, 32, 63, 70, 82]
    assert list(got.index) == list(range(6))
    assert got.loc[got["ref"] == 63, "words"].item() == "also improved AD-like behavior"


def test_stated_elsewhere_needs_the_row_to_be_silent():
    # Ref 63's text states a benefit, but a study that prints its direction needs no other source.
    studies = _studies([{"ref": 63, "row": 1}, {"ref": 19, "row": 3, "effect_direction": "not stated"}])
    got = effects.stated_elsewhere(studies)
    assert got["ref"].tolist() == [19]
    assert list(got.index) == [0]


def test_every_reader_cell_is_four_codes_ending_sure_or_unsure():
    # data/README.md: each reader's cell is "direction; level; comparison; sure or unsure". readers() reads the
    # certainty as the text after the last "; ", which this format makes the last of four fields.
    notes = curated.load("outcome_annotation")
    for column in ("reader_a", "reader_b"):
        fields = notes[column].astype(str).str.split("; ")
        assert fields.str.len().eq(4).all(), column
        assert set(fields.str[-1]) == {"sure", "unsure"}, column
