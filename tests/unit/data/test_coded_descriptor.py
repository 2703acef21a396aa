"""The Frictionless descriptor of the coded files (``helpers.data.coded.descriptor``), on small frames.

The descriptor is what ``frictionless validate`` and every user of
``tables/datapackage.json`` read: a package named for the review, two
tabular CSV resources (studies, trials) keyed by table and printed row,
and one field per column of the frame, in the frame's order. A documented
column keeps its type and words and gets the vocabulary's constraints; a
``<field>_missing`` column that is not documented itself is a string saying
why ``<field>`` is empty: a failed derivation, or, for a recorded column,
that nothing is recorded. The frames here hold a handful of columns, so the
whole package is written out by hand.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.catalog import LICENCE, SOURCE
from helpers.data import coded

S, T = coded.STUDY_COLUMNS, coded.TRIAL_COLUMNS


def _frame(*columns: str) -> pd.DataFrame:
    return pd.DataFrame({c: [] for c in columns})


def _described(name: str, kind: str, columns: dict, constraints: dict | None = None) -> dict:
    field = {"name": name, "type": kind, "description": columns[name][1]}
    return field | ({"constraints": constraints} if constraints else {})


STUDY_FIELDS = [
    _described("table", "string", S),
    _described("row", "integer", S, {"minimum": 1}),
    _described("disease_code", "string", S, {"enum": ["POF", "AD", "AS", "OP", "SKIN", "WEAK"]}),
    _described(
        "relation",
        "string",
        S,
        {
            "enum": [
                "xenogeneic",
                "allogeneic",
                "syngeneic",
                "autologous",
                "same species, not specified",
                "no animal host (in vitro)",
            ]
        },
    ),  # fmt: skip
    _described("dose_low", "number", S, {"minimum": 0}),
    {
        "name": "dose_low_missing",
        "type": "string",
        "description": "why dose_low could not be derived from the printed cells; empty when it was",
    },
    # documented itself: its own words, not the generic reason
    _described("dose_missing", "string", S),
    _described("review_text", "string", S),
    {
        "name": "review_text_missing",
        "type": "string",
        "description": "why review_text is empty: no statement of the review's text on this row is recorded "
        "(data/text_statements.csv); empty when it has a value",
    },
    _described("route_defined", "boolean", S),
]

TRIAL_FIELDS = [
    _described("table", "string", T),
    _described("row", "integer", T, {"minimum": 1}),
    # a patient is autologous or allogeneic, never another species (dataset third reading 3.5)
    _described("relation", "string", T, {"enum": ["autologous", "allogeneic"]}),
    {
        "name": "relation_missing",
        "type": "string",
        "description": "why relation could not be derived from the printed cells; empty when it was",
    },
    _described("nct_id", "string", T, {"pattern": r"^NCT\d{8}$"}),
    _described("transcription_notes", "string", T),
    {
        "name": "transcription_notes_missing",
        "type": "string",
        "description": "why transcription_notes is empty: no note of ours on this row's printed cells is recorded "
        "(data/transcription_notes.csv); empty when it has a value",
    },
    _described("enrollment", "integer", T, {"minimum": 1}),
]


def test_the_package_describes_both_files_field_by_field():
    """Rule: the whole package: its name, title, source and licence, and per file one field per column, in order,
    with the documented type, words and constraints, or the reason column's words."""
    studies = _frame(*(f["name"] for f in STUDY_FIELDS))
    trials = _frame(*(f["name"] for f in TRIAL_FIELDS))
    common = {
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
    }
    assert coded.descriptor(studies, trials) == {
        "name": "li-bai-2025-msc-aging-coded",
        "title": "Coded studies and trials of Li & Bai (2025): every derived code and quantity, one row per study",
        "description": "Regenerated from data/ by the mscs-aging-review project (notebooks/dataset.ipynb). Each row "
        "is keyed by its source table and printed row; *_missing columns say why a value is absent.",
        "sources": [{"title": SOURCE}],
        "licenses": [{"name": "CC-BY-NC-ND-4.0", "title": LICENCE}],
        "resources": [
            {
                "name": "studies",
                "path": "studies.csv",
                "title": "Preclinical studies of Tables 1 and 2, coded",
                "description": "One row per printed row of Table 1 (MSCs) and Table 2 (MSC-derived exosomes and other "
                "vesicles), keyed by table and row: the codes and quantities derived from its printed cells and "
                "cited title.",
                **common,
                "schema": {"fields": STUDY_FIELDS, "primaryKey": ["table", "row"], "missingValues": [""]},
            },
            {
                "name": "trials",
                "path": "trials.csv",
                "title": "Clinical studies of Table 3, coded",
                "description": "One row per printed row of Table 3 (registered trials, and a retrospective study where "
                "the row prints one), keyed by table and row: registry number, design, disease, source, donor "
                "relation, route, phase, status and enrollment.",
                **common,
                "schema": {"fields": TRIAL_FIELDS, "primaryKey": ["table", "row"], "missingValues": [""]},
            },
        ],
    }


def test_the_fields_follow_the_frames_column_order_not_the_dictionarys():
    """Rule: the schema lists the frame's columns as they stand in the file."""
    package = coded.descriptor(_frame("row", "table"), _frame("nct_id", "row"))
    assert [[f["name"] for f in r["schema"]["fields"]] for r in package["resources"]] == [
        ["row", "table"],
        ["nct_id", "row"],
    ]
