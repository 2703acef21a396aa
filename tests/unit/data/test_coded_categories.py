"""The category columns of the coded studies (``helpers.data.coded._categories``) and what curation takes away.

Rules, from the module and ``STUDY_COLUMNS``:

* ``mechanisms``, ``pathways``, ``regulators`` and ``cargo`` are the
  labels of ``data/categories.csv`` that the printed Effects cell names,
  sorted and '; '-joined, empty when it names none;
* a cargo label that lists two classes ("circRNA, lncRNA") is one category,
  written "circRNA or lncRNA" in a cell that already joins with ';'; other
  labels keep their commas ("MAPK (ERK, p38, JNK)");
* a category that ``data/curated_tags.csv`` removes is left out of its
  column but recorded: ``<column>_removed`` names it, and ``curated_out``
  says ``kind label: evidence``, ' | '-joined, or that nothing is left out.

The printed rows and the curation file are written here (the curation
through the module's own loader, :func:`helpers.data.tags.load_curated`),
so every expected label is read off ``data/categories.csv`` by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import coded, tags

NOTHING_LEFT_OUT = "data/curated_tags.csv leaves no category out for this row"

#: Three printed Table 1 rows: one naming a category of every kind, one whose categories curation removes
#: in part (the printed "BM-MSCs can induce T cell apoptosis", Table 1 row 24), one naming none.
EFFECTS = {
    1: "Exosomes carrying miR-21 and circ-Epc1 reduce apoptosis through the Wnt/β-catenin, NF-κB and ERK1/2 "
    "pathways and KLF6",
    2: "BM-MSCs can induce T cell apoptosis",
    3: "hUC-MSCs were given",
}

#: Our curation, file order: two removals on row 1, one on row 2, and one for another table (ignored here).
CURATION = [
    ("msc_studies", 1, "pathway", "nf_kb", "remove", "the cell places NF-κB in the donor cells"),
    ("msc_studies", 2, "mechanism", "anti_apoptosis", "remove", "T cells are made to die, not saved"),
    ("exosome_studies", 1, "pathway", "wnt", "remove", "another table's correction"),
    ("msc_studies", 1, "cargo", "mirna", "remove", "the miRNA is the host's, not carried"),
]


@pytest.fixture
def curation(tmp_path, monkeypatch):
    """Point the module's curation at a file of ``CURATION``, loaded by the project's own loader."""

    def use(rows):
        path = tmp_path / "curated_tags.csv"
        pd.DataFrame(rows, columns=["table", "row", "kind", "tag", "action", "evidence"]).to_csv(path, index=False)
        load = tags.load_curated
        monkeypatch.setattr(tags, "load_curated", lambda path_=None: load(path))

    return use


def _printed(effects: dict[int, str], index: list[int]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "row": pd.array(list(effects), dtype="Int64"),
            "disease": "POF",
            "source": "hUC-MSCs",
            "effects": list(effects.values()),
            "ref": pd.array([100 + r for r in effects], dtype="Int64"),
        }
    )
    frame.index = index
    return frame


def test_each_kind_of_category_gets_its_labels_and_what_curation_removed(curation):
    """Rule: sorted labels, '; '-joined; "circRNA, lncRNA" reads "circRNA or lncRNA"; a removed category is
    left out of its column and named in ``<column>_removed`` and ``curated_out``."""
    curation(CURATION)
    result = coded._categories(_printed(EFFECTS, [10, 11, 12]), "msc_studies")

    def strings(*values):
        return pd.array(list(values), dtype="string")

    expected = pd.DataFrame(
        {
            # row 2's T cells are immune cells (Immunomodulation & inflammation); its apoptosis is removed
            "mechanisms": strings("Anti-apoptosis & survival", "Immunomodulation & inflammation", ""),
            "mechanisms_removed": strings("", "Anti-apoptosis & survival", ""),
            # NF-κB is removed from row 1; the MAPK label keeps its commas
            "pathways": strings("MAPK (ERK, p38, JNK); Wnt/β-catenin", "", ""),
            "pathways_removed": strings("NF-κB", "", ""),
            "regulators": strings("KLF6", "", ""),
            "regulators_removed": strings("", "", ""),
            # miRNA is removed from row 1; circ-Epc1 is the one category "circRNA, lncRNA"
            "cargo": strings("circRNA or lncRNA", "", ""),
            "cargo_removed": strings("miRNA", "", ""),
            "curated_out": strings(
                "pathway NF-κB: the cell places NF-κB in the donor cells | "
                "cargo miRNA: the miRNA is the host's, not carried",
                "mechanism Anti-apoptosis & survival: T cells are made to die, not saved",
                pd.NA,
            ),
            "curated_out_missing": strings("", "", NOTHING_LEFT_OUT),
        },
        index=[10, 11, 12],  # the printed rows' index, so that the coded frame can join it
    )
    pd.testing.assert_frame_equal(result, expected)


def test_without_curation_every_category_found_is_kept(curation):
    """Rule: with nothing removed the columns hold every category the cell names, two or more '; '-joined."""
    curation([])
    result = coded._categories(_printed({1: EFFECTS[1]}, [0]), "msc_studies")
    assert result.loc[0, ["pathways", "cargo", "pathways_removed", "curated_out_missing"]].tolist() == [
        "MAPK (ERK, p38, JNK); NF-κB; Wnt/β-catenin",
        "circRNA or lncRNA; miRNA",
        "",
        NOTHING_LEFT_OUT,
    ]
    assert result.loc[0, "curated_out"] is pd.NA


def test_a_table_without_rows_still_gets_every_column_as_strings(curation):
    """Rule: the category columns are string columns whatever the rows (a selection may keep none)."""
    curation(CURATION[2:3])
    result = coded._categories(_printed({}, []), "msc_studies")
    assert list(result.columns) == [
        "mechanisms",
        "mechanisms_removed",
        "pathways",
        "pathways_removed",
        "regulators",
        "regulators_removed",
        "cargo",
        "cargo_removed",
        "curated_out",
        "curated_out_missing",
    ]
    assert {str(result[c].dtype) for c in result.columns} == {"string"} and len(result) == 0


@pytest.mark.parametrize(
    "resource, removed, out",
    [
        pytest.param(
            "msc_studies",
            {
                "pathway": {1: "NF-κB"},
                "mechanism": {2: "Anti-apoptosis & survival"},
                "cargo": {1: "miRNA"},
                "regulator": {5: "unknown_tf"},
            },
            {
                1: "pathway NF-κB: the cell places NF-κB in the donor cells | "
                "cargo miRNA: the miRNA is the host's, not carried",
                2: "mechanism Anti-apoptosis & survival: T cells are made to die, not saved",
                5: "regulator unknown_tf: a tag without a label",
            },
            id="Table 1: only its own removals, by kind and row; a tag without a label keeps its tag",
        ),
        pytest.param(
            "exosome_studies",
            {"pathway": {1: "Wnt/β-catenin"}},
            {1: "pathway Wnt/β-catenin: another table's correction"},
            id="Table 2: only its own removal",
        ),
        pytest.param("clinical_trials", {}, {}, id="a table with no removal: nothing"),
    ],
)
def test_what_curation_removes_is_named_by_kind_and_row(curation, resource, removed, out):
    """Rule: per kind and printed row, the label of each category curation removes; and per row, every removal
    as 'kind label: evidence', in file order, ' | '-joined. An 'add' removes nothing."""
    curation(
        [
            *CURATION,
            ("msc_studies", 5, "regulator", "unknown_tf", "remove", "a tag without a label"),
            ("msc_studies", 3, "pathway", "wnt", "add", "an added category is not removed"),
        ]
    )
    assert coded._removed_by_curation(resource) == removed
    assert coded._curated_out(resource) == out


def test_two_categories_of_one_kind_removed_from_one_row_are_both_named(curation):
    """Rule: ``<column>_removed`` names every category curation takes from the row, sorted and '; '-joined like
    the category columns. Before the fix the second removal of a kind on a row overwrote the first."""
    curation(
        [
            ("msc_studies", 1, "pathway", "nf_kb", "remove", "the cell places NF-κB in the donor cells"),
            ("msc_studies", 1, "pathway", "wnt", "remove", "Wnt is named for another cell type"),
        ]
    )
    # data/categories.csv labels: nf_kb -> NF-κB, wnt -> Wnt/β-catenin; sorted, NF-κB comes first.
    assert coded._removed_by_curation("msc_studies") == {"pathway": {1: "NF-κB; Wnt/β-catenin"}}
