"""Table 2's size kind and vesicle type, against a hand reading of every printed row.

Expectations are read from the print (Table 2, lines 163-195 of the seed text, and the reference list), not
from the code: the Size/nm cell's form, and the words of the Effects cell and the cited title.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import coded, curated
from helpers.data.derive import vesicles

SINGLE, RANGE, NONE = "single value", "range", None
EXO, EV, MIM, CM, ENG = (
    "exosomes",
    "extracellular vesicles",
    "exosome-mimetic nanovesicles",
    "conditioned medium",
    "loaded or engineered vesicles",
)

#: Table 2 row -> (printed Size/nm, its form, vesicle type, a word the evidence must quote), hand-read.
PRINTED: dict[int, tuple[str, str | None, str, str]] = {
    1: ("30–200 nm", RANGE, EV, "small extracellular vesicles"),  # title; Effects "UCMSC-EVs"
    2: ("50–100 nm", RANGE, EXO, "exosomes"),
    3: ("30–40nm", RANGE, EXO, "exosomes"),
    4: ("", NONE, EXO, "exosomal"),  # title "exosomal miR-144-5p"
    5: ("160 nm", SINGLE, EXO, "exosomes"),  # HAMA is a carrier, the vesicles are exosomes
    6: ("50–120 nm", RANGE, ENG, "Engineered"),
    7: ("", NONE, CM, "conditioned medium"),  # title: "Mesenchymal stem cell-conditioned medium"
    8: ("110 nm", SINGLE, EXO, "exosomes"),
    9: ("", NONE, EXO, "exosomal"),  # Effects "exosomal miR-146a"; the title names cells only
    10: ("50–150 nm", RANGE, EXO, "exosomes"),  # 3D culture primes the cells
    11: ("80–130 nm", RANGE, EXO, "exosomes"),  # hypoxic pretreatment primes the cells
    12: ("200 nm", SINGLE, EV, "extracellular vesicles"),  # title's word; the Effects cell prints "Exos"
    13: ("50 nm", SINGLE, EXO, "Exosomes"),
    14: ("100 nm", SINGLE, EXO, "exosomal"),
    15: ("163.4 nm", SINGLE, EXO, "exosomes"),
    16: ("50–150 nm", RANGE, EXO, "Exosomes"),
    17: ("142.5–150.9 nm", RANGE, MIM, "exosome-mimetic nanoparticles"),
    18: ("200 nm", SINGLE, MIM, "mimetic nanovesicles"),
    19: ("40–100 nm", RANGE, EXO, "Exosomes"),
    20: ("50–100 nm", RANGE, ENG, "overexpressed"),
    21: ("80–200 nm", RANGE, EXO, "Exosomes"),
    22: ("30–150 nm", RANGE, ENG, "overexpressing"),
    23: ("120 nm", SINGLE, ENG, "nanoparticle-enhanced"),
    24: ("100 nm", SINGLE, ENG, "GMNP-loaded"),
    25: ("40–172 nm", RANGE, EXO, "exosomes"),  # titanium scaffold is a carrier
    26: ("141 nm", SINGLE, EXO, "exosomes"),
    27: ("57.5–317.5 nm", RANGE, EXO, "exosomes"),  # spicules are a carrier
    28: ("40–100 nm", RANGE, EXO, "exosome"),  # "exosome-delivered 14-3-3ζ": its own protein, not loaded
}


@pytest.fixture(scope="module")
def table2():
    printed = curated.load("exosome_studies")
    out = vesicles.classify(printed, "exosome_studies", curated.load("references"))
    return printed.assign(**{c: out[c] for c in vesicles.OUTPUT_COLUMNS}).set_index(printed["row"].astype(int))


def test_every_row_is_read():
    assert sorted(PRINTED) == list(range(1, 29))


@pytest.mark.parametrize("row", sorted(PRINTED))
def test_size_kind_of_every_row(table2, row):
    printed, kind, _, _ = PRINTED[row]
    line = table2.loc[row]
    assert line["size_nm"] == printed  # the hand reading is of the cell as transcribed
    if kind is None:
        assert pd.isna(line["size_kind"])
        assert line["size_kind_missing"].startswith("not reported in the review")
    else:
        assert line["size_kind"] == kind and line["size_kind_missing"] == ""


@pytest.mark.parametrize("row", sorted(PRINTED))
def test_vesicle_type_of_every_row_with_its_printed_words(table2, row):
    _, _, kind, word = PRINTED[row]
    line = table2.loc[row]
    assert line["vesicle_type"] == kind and line["vesicle_type_missing"] == ""
    assert f"'{word}" in line["vesicle_type_evidence"]


def test_counts_recounted_from_the_print():
    kinds = [k for _, k, _, _ in PRINTED.values()]
    assert (kinds.count(SINGLE), kinds.count(RANGE), kinds.count(NONE)) == (10, 15, 3)
    types = [t for _, _, t, _ in PRINTED.values()]
    assert {t: types.count(t) for t in set(types)} == {EXO: 18, EV: 2, MIM: 2, CM: 1, ENG: 5}


@pytest.mark.parametrize(
    ("cell", "kind"),
    [("160 nm", "single value"), ("163.4 nm", "single value"), ("30–40nm", "range"), ("57.5–317.5 nm", "range")],
)
def test_size_kind_forms(cell, kind):
    assert vesicles.size_kind(cell).value == kind


@pytest.mark.parametrize("cell", ["about 100 nm", "100 ± 20 nm", "100"])
def test_an_unprinted_form_is_missing_with_the_cell_quoted_never_guessed(cell):
    got = vesicles.size_kind(cell)
    assert got.missing and cell.split()[0] in got.reason


@pytest.mark.parametrize(
    ("effects", "title", "kind"),
    [
        ("X", "Exosomes and extracellular vesicles from MSCs", None),  # both in the title, neither in the cell
        ("MSC-EVs help", "Exosomes and extracellular vesicles from MSCs", EV),  # the cell decides
        ("MSC-Exos help", "", EXO),
        ("MSCs help", "MSCs help", None),
    ],
)
def test_title_naming_both_or_neither_falls_back_to_the_effects_cell(effects, title, kind):
    got, evidence = vesicles.vesicle_type(effects, title)
    assert got.value == kind and evidence


def test_table1_rows_are_cell_therapy_in_the_coded_dataset():
    studies = coded.studies()
    cells = studies[studies["table"] == "table1"]
    assert len(cells) == 28
    for column in ("size_kind", "vesicle_type"):
        assert cells[column].isna().all()
        assert (cells[f"{column}_missing"] == vesicles.CELL_THERAPY).all()
        assert vesicles.CELL_THERAPY.startswith("not applicable (cell therapy)")
    exosomes = studies[studies["table"] == "table2"].set_index("row")
    assert {int(r): (None if pd.isna(k) else k) for r, k in exosomes["size_kind"].items()} == {
        r: v[1] for r, v in PRINTED.items()
    }
    assert {int(r): t for r, t in exosomes["vesicle_type"].items()} == {r: v[2] for r, v in PRINTED.items()}


def test_both_columns_are_described_and_constrained_in_the_package():
    fields = {
        f["name"]: f for f in coded.descriptor(coded.studies(), coded.trials())["resources"][0]["schema"]["fields"]
    }
    assert fields["size_kind"]["constraints"]["enum"] == ["single value", "range"]
    assert set(fields["vesicle_type"]["constraints"]["enum"]) == {EXO, EV, MIM, CM, ENG}
    for name in ("size_kind_missing", "vesicle_type_missing", "vesicle_type_evidence"):
        assert fields[name]["description"]
