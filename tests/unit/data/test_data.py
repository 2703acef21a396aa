"""The data package: it loads with the right types, and bad data fails clearly."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.core import paths
from helpers.data import additions, curated
from tests.conftest import DATA

EXPECTED_ROWS = {"msc_studies": 28, "exosome_studies": 28, "clinical_trials": 18, "tissue_sources": 5, "references": 83}


def test_every_resource_loads_with_schema_types():
    frames = {name: curated.load(name) for name in curated.resources()}
    for name, count in EXPECTED_ROWS.items():
        assert len(frames[name]) == count, name
    assert frames["msc_studies"]["ref"].dtype == "Int64"
    assert frames["clinical_trials"]["enrollment"].dtype == "Int64"
    # Printed empties stay empty strings, and a printed "NA" stays text.
    assert frames["msc_studies"].loc[1, "precondition"] == ""
    assert frames["exosome_studies"].loc[0, "route_dosage"] == "NA"


def test_rows_are_numbered_in_published_order():
    for name in ("msc_studies", "exosome_studies", "clinical_trials", "tissue_sources"):
        frame = curated.load(name)
        assert frame["row"].tolist() == list(range(1, len(frame) + 1)), name


def test_references_keep_printed_identifiers():
    refs = curated.load("references").set_index("ref")
    assert refs.index.tolist() == list(range(1, 84))
    assert refs.loc[3, "doi"] == "10.1016/j.cell.2022.11.001"
    assert refs.loc[3, "pmid"] == "36599349"
    # Printed errata are kept as printed, for the audit to flag.
    assert refs.loc[1, "pmid"] == "2012;22:R741–52"
    assert refs.loc[33, "pmid"] == refs.loc[34, "pmid"] == "37348174"
    assert refs.loc[5, "pmid"] == ""


def test_abbreviations_record_their_legend():
    abbr = curated.load("abbreviations")
    assert set(abbr["legend"]) == {"article", "table1", "table2", "table3", "table4", "fig1", "fig2"}
    # Legends differ: OVX is "Oophorectomy" under Table 1 and "Ovariectomy" under Table 2.
    ovx = abbr[abbr["abbreviation"] == "OVX"].set_index("legend")["definition"]
    assert ovx["table1"] == "Oophorectomy" and ovx["table2"] == "Ovariectomy"
    assert not abbr.duplicated(["legend", "position"]).any()


def test_legend_notes_hold_the_printed_sentences_that_are_not_abbreviations():
    notes = curated.load("legend_notes")
    assert list(notes.itertuples(index=False, name=None)) == [
        ("table3", 14, "source", "Data obtained from ClinicalTrials.gov"),
        ("fig1", 6, "credit", "Created using BioRender.com"),
        ("fig2", 8, "credit", "Created using BioRender.com"),
    ]


def test_legend_positions_are_one_sequence_over_entries_and_notes():
    """Abbreviation entries and notes of one legend never share a position, and leave no gap."""
    abbr = curated.load("abbreviations")[["legend", "position"]]
    notes = curated.load("legend_notes")[["legend", "position"]]
    both = pd.concat([abbr, notes], ignore_index=True)
    assert not both.duplicated().any()
    assert set(notes["legend"]) <= set(abbr["legend"])
    for legend, positions in both.groupby("legend")["position"]:
        assert sorted(positions) == list(range(1, len(positions) + 1)), legend


def test_files_are_utf8_without_typesetting_noise():
    for path in DATA.glob("*.csv"):
        text = path.read_bytes().decode("utf-8")
        for noise in ("<sup>", "</i>", "<li>", "$", "\\times", "\r"):
            assert noise not in text, f"{path.name} holds {noise!r}"


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def _set_cell(path: Path, record: int, column: str, value: str) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fieldnames = list(rows[0])
    rows[record - 1][column] = value
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# One corrupted copy per file: (file, record, column, bad value, words the message must hold).
CORRUPTIONS = [
    ("msc_studies.csv", 3, "disease", "XYZ", ["record 3", "'disease'", "'XYZ'", "one of", "'POF'"]),
    ("exosome_studies.csv", 5, "ref", "999", ["record 5", "'ref'", "'999'", "<= 83"]),
    ("clinical_trials.csv", 2, "enrollment", "many", ["record 2", "'enrollment'", "whole number"]),
    ("clinical_trials.csv", 4, "nct_number", "NCT12", ["record 4", "'nct_number'", "matching"]),
    ("tissue_sources.csv", 1, "source", "XX", ["record 1", "'source'", "'UCB'"]),
    ("references.csv", 7, "doi", "not a doi", ["record 7", "'doi'", "matching"]),
    ("references.csv", 9, "year", "", ["record 9", "'year'", "an empty cell"]),
    ("abbreviations.csv", 2, "legend", "table9", ["record 2", "'legend'", "'table4'"]),
    ("legend_notes.csv", 1, "kind", "footnote", ["record 1", "'kind'", "'source'", "'credit'"]),
    ("legend_notes.csv", 2, "legend", "article", ["record 2", "'legend'", "'fig2'"]),
    ("legend_notes.csv", 3, "text", "", ["record 3", "'text'", "an empty cell"]),
    ("legend_notes.csv", 1, "position", "0", ["record 1", "'position'", ">= 1"]),
    ("msc_studies.csv", 6, "effects", " padded", ["record 6", "'effects'", "matching"]),
    ("lexicon.csv", 1, "kind", "gene", ["record 1", "'kind'", "'mechanism'", "'pathway'"]),
    ("curated_tags.csv", 1, "action", "flip", ["record 1", "'action'", "'add'", "'remove'"]),
    ("curated_tags.csv", 2, "tag", "no_such_tag", ["record 2", "must exist in data/categories.csv"]),
]


@pytest.mark.parametrize("name, record, column, value, words", CORRUPTIONS, ids=[f"{c[0]}-{c[2]}" for c in CORRUPTIONS])
def test_corrupted_cell_fails_with_file_record_column_and_expectation(tmp_path, name, record, column, value, words):
    folder = _copy_data(tmp_path)
    _set_cell(folder / name, record, column, value)
    with pytest.raises(curated.DataError) as info:
        curated.validate(folder, use_cache=False)
    message = str(info.value)
    assert message.startswith(f"data/{name}") or name in message
    for word in words:
        assert word in message, (word, message)


def test_missing_reference_breaks_the_foreign_key(tmp_path):
    folder = _copy_data(tmp_path)
    refs = pd.read_csv(folder / "references.csv", dtype=str, keep_default_na=False)
    refs[refs["ref"] != "10"].to_csv(folder / "references.csv", index=False, lineterminator="\n")
    with pytest.raises(curated.DataError, match=r"msc_studies\.csv.*references"):
        curated.validate(folder, use_cache=False)


def test_duplicate_legend_note_position_is_refused(tmp_path):
    folder = _copy_data(tmp_path)
    _set_cell(folder / "legend_notes.csv", 3, "legend", "fig1")
    _set_cell(folder / "legend_notes.csv", 3, "position", "6")
    with pytest.raises(curated.DataError, match=r"legend_notes\.csv"):
        curated.validate(folder, use_cache=False)


def test_duplicate_row_number_is_refused(tmp_path):
    folder = _copy_data(tmp_path)
    _set_cell(folder / "tissue_sources.csv", 2, "row", "1")
    with pytest.raises(curated.DataError, match=r"tissue_sources\.csv"):
        curated.validate(folder, use_cache=False)


def test_non_utf8_file_is_refused(tmp_path):
    folder = _copy_data(tmp_path)
    path = folder / "clinical_trials.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    with pytest.raises(curated.DataError, match=r"clinical_trials\.csv: not UTF-8"):
        curated.validate(folder, use_cache=False)


def test_missing_file_is_named(tmp_path):
    folder = _copy_data(tmp_path)
    (folder / "references.csv").unlink()
    with pytest.raises(curated.DataError, match=r"references\.csv: file is missing"):
        curated.validate(folder, use_cache=False)


def test_validation_is_cached_on_content_hashes(tmp_path, monkeypatch):
    folder = _copy_data(tmp_path)
    monkeypatch.setattr(curated.paths, "CACHE_DIR", tmp_path / "cache")
    curated.validate(folder)
    stamps = list((tmp_path / "cache" / "validated").iterdir())
    assert len(stamps) == 1
    # An edit that keeps the data valid gets a new key, so validation runs again.
    _set_cell(folder / "tissue_sources.csv", 1, "method_of_procurement", "Isolated from BM aspirate.")
    curated.validate(folder)
    assert len(list((tmp_path / "cache" / "validated").iterdir())) == 2
    # And an invalid edit is never hidden by an old stamp.
    _set_cell(folder / "tissue_sources.csv", 1, "source", "XX")
    with pytest.raises(curated.DataError):
        curated.validate(folder)


@pytest.mark.parametrize(
    ("module", "key"),
    [
        ("curated", lambda: curated._validation_key(paths.DATA_DIR.resolve())),
        ("additions", lambda: additions._key({"datapackage.json": "0" * 64})),
    ],
    ids=["printed-data", "additions"],
)
def test_another_validator_version_makes_another_validated_key(module, key, monkeypatch):
    # A stamp says "these bytes passed this validator": a new frictionless must check them again.
    target = {"curated": curated, "additions": additions}[module]
    monkeypatch.setattr(target, "validator_version", lambda: "5.18.0")
    before = key()
    assert key() == before
    monkeypatch.setattr(target, "validator_version", lambda: "5.18.1")
    assert key() != before


def test_the_validator_version_is_the_installed_frictionless():
    from importlib.metadata import version

    from helpers.data.schema import validator_version

    assert validator_version() == version("frictionless")
