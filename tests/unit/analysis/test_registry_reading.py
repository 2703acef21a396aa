"""The registry exhibit: Table 3's printed values beside a ClinicalTrials.gov snapshot, and each drift flagged.

Expected printed values are our reading of Table 3 in the seed text (18 rows; row 17 prints "[39]" for its NCT
number and "A retrospective study" for its phase). Expected registry values and flags are written by hand from
tests/fixtures/registry/synthetic-snapshot-2026-12-06.json (invented values, never in data/).
"""

from __future__ import annotations

import json
import shutil

import pytest

from helpers.analysis import registry
from helpers.core import paths
from helpers.data import snapshots
from helpers.notebook.params import ParameterError, validate
from helpers.outputs import registry as registry_table
from tests.conftest import ROOT
from tests.unit.analysis._numbers import numbers

FIXTURE = ROOT / "tests" / "fixtures" / "registry" / "synthetic-snapshot-2026-12-06.json"

# Table 3 as printed: row -> (NCT number, research status, phase as coded from the Phases cell, enrollment,
# whether the Results column prints a result rather than "No results published").
PRINTED = {
    1: ("NCT01742533", "unknown", "1/2", "40", "no"),
    2: ("NCT02062931", "unknown", "1/2", "60", "yes"),
    3: ("NCT02043743", "unknown", "1/2", "60", "yes"),
    4: ("NCT02696889", "Completed", "1/2", "3", "yes"),
    5: ("NCT06132542", "Not yet recruiting", "1", "10", "no"),
    6: ("NCT05494723", "Not yet recruiting", "1", "6", "no"),
    7: ("NCT06202547", "Recruiting", "1", "10", "no"),
    8: ("NCT02054208", "Completed", "1/2", "46", "no"),
    9: ("NCT03117738", "Completed", "1/2", "21", "yes"),  # "Conclusions limited by small sample size"
    10: ("NCT02672306", "unknown", "1/2", "16", "no"),
    11: ("NCT02600130", "Completed", "1", "33", "no"),
    12: ("NCT04388982", "Completed", "1/2", "9", "yes"),
    13: ("NCT06607900", "Not yet recruiting", "1", "100", "no"),
    14: ("NCT02566655", "Completed", "1", "10", "no"),
    15: ("NCT05152381", "Pause", "1", "20", "no"),
    16: ("NCT04501354", "Recruiting", "2", "5", "no"),
    17: ("", "Completed", "A retrospective study", "78", "yes"),
    18: ("NCT05813379", "Recruiting", "1/2", "20", "no"),
}
REGISTRY_COLUMNS = [
    "registry_status",
    "status_changed",
    "registry_phase",
    "phase_changed",
    "registry_enrollment",
    "enrollment_type",
    "enrollment_changed",
    "registry_results_posted",
    "results_now_posted",
    "last_update_posted",
    "snapshot",
    "registry_answer",
]


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A scratch copy of the project's data/ with no snapshot; the tests add the synthetic one where they need it."""
    data = tmp_path / "project" / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("registry"))
    monkeypatch.setattr(paths, "DATA_DIR", data)
    return data


def _with_fixture(data, day="2026-12-06"):
    (data / "registry").mkdir(exist_ok=True)
    shutil.copy2(FIXTURE, data / "registry" / f"{day}.json")


def test_the_canonical_state_has_no_snapshot():
    """data/registry/ holds no snapshot (the machine that made the exhibit had no network)."""
    assert snapshots.dates() == []
    assert snapshots.choose("latest") is None


def test_without_a_snapshot_the_table_is_the_printed_values_and_nothing_else(scratch):
    table, day = registry.load()
    assert day is None and len(table) == 18
    for _, line in table.iterrows():
        nct, status, phase, enrollment, results = PRINTED[int(line["row"])]
        got = (line["nct_id"], line["printed_status"], line["printed_phase"], line["printed_enrollment"])
        assert got + (line["printed_results"],) == (nct, status, phase, enrollment, results)
        assert all(line[c] == "" for c in REGISTRY_COLUMNS), f"row {line['row']}: a registry value without a snapshot"
    notes = dict(zip(table["row"].astype(int), table["note"]))
    assert notes[17].startswith("no NCT id printed") and "[39]" in notes[17]
    assert {n for r, n in notes.items() if r != 17} == {"no registry snapshot"}


def test_without_a_snapshot_the_notice_says_how_to_make_one_and_every_number_is_in_the_table(scratch):
    table, day = registry.load()
    text = registry_table.notice(table, day)
    assert "No registry snapshot exists" in text and "`review registry fetch`" in text and "network" in text
    # 18 rows, 17 of them with an NCT id, row 17 without one; "<date>" and the command name hold no number.
    assert numbers(text) == [18.0, 17.0, 18.0, 17.0]
    assert (
        len(table) == 18
        and (table["nct_id"] != "").sum() == 17
        and table.loc[table["nct_id"] == "", "row"].tolist() == ["17"]
    )


# Hand-written from the fixture: row -> (status, changed, phase, changed, enrollment, type, changed, posted,
# now posted, last update, answer).
DRIFT = {
    1: ("COMPLETED", "yes", "1/2", "no", "40", "ACTUAL", "no", "yes", "yes", "2025-03-01", "read"),  # printed unknown
    4: ("COMPLETED", "no", "2", "yes", "3", "ACTUAL", "no", "yes", "no", "2020-05-05", "read"),  # results printed
    12: ("COMPLETED", "no", "1/2", "no", "9", "ACTUAL", "no", "no", "no", "2022-01-10", "read"),  # an alias
    15: ("SUSPENDED", "yes", "1", "no", "20", "ESTIMATED", "no", "no", "no", "2026-02-02", "read"),  # printed Pause
    16: ("RECRUITING", "no", "2", "no", "12", "ESTIMATED", "yes", "no", "no", "2026-11-20", "read"),  # printed 5
    7: ("", "", "", "", "", "", "", "", "", "", "no usable answer"),  # the fetch recorded a 404
}


@pytest.mark.parametrize("snapshot", ["latest", "2026-12-06"])
def test_each_drift_kind_is_flagged_against_a_synthetic_snapshot(scratch, snapshot):
    _with_fixture(scratch)
    table, day = registry.load(snapshot)
    assert day == "2026-12-06"
    for _, line in table.iterrows():
        row = int(line["row"])
        assert line["printed_status"] == PRINTED[row][1]  # the printed values never change
        if row == 17:
            assert all(line[c] == "" for c in REGISTRY_COLUMNS)
            continue
        assert line["snapshot"] == "2026-12-06"
        expected = DRIFT.get(row, ("",) * 10 + ("not in this snapshot",))
        got = tuple(line[c] for c in REGISTRY_COLUMNS if c != "snapshot")
        assert got == expected, f"row {row}"
    notes = dict(zip(table["row"].astype(int), table["note"]))
    assert notes[12] == "the registry answers for NCT04388982 with NCT09999999"
    assert notes[7] == "the fetch recorded: no such study (404)"


def test_the_notice_counts_each_drift_kind_from_the_synthetic_snapshot(scratch):
    _with_fixture(scratch)
    table, day = registry.load()
    text = registry_table.notice(table, day)
    assert text.startswith("Snapshot of 2026-12-06: 5 of the 17 rows with an NCT id were read")
    assert "2 status changed, 1 phase changed, 1 enrollment changed, 1 results now posted" in text
    # 5 read of 17, 12 others; of those 5: 2, 1, 1, 1; row 17 without an id (the date's digits excluded).
    assert numbers(text.replace("2026-12-06", "")) == [5.0, 17.0, 12.0, 5.0, 2.0, 1.0, 1.0, 1.0, 17.0]


def test_latest_picks_the_newest_snapshot_and_a_date_picks_its_own(scratch):
    _with_fixture(scratch, "2026-12-06")
    older = json.loads(FIXTURE.read_text(encoding="utf-8")) | {"fetched": "2025-01-02", "trials": []}
    (scratch / "registry" / "2025-01-02.json").write_bytes(snapshots.encode(older))
    assert snapshots.dates() == ["2025-01-02", "2026-12-06"]
    assert registry.load()[1] == "2026-12-06"
    table, day = registry.load("2025-01-02")
    assert day == "2025-01-02" and set(table.loc[table["nct_id"] != "", "registry_answer"]) == {"not in this snapshot"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2020-01-01", "no snapshot data/registry/2020-01-01.json; snapshots: none"),
        ("yesterday", "expected 'latest' or a date YYYY-MM-DD"),
    ],
)
def test_a_snapshot_that_does_not_exist_is_a_parameter_error(scratch, value, message):
    with pytest.raises(ParameterError, match="parameter 'snapshot'") as caught:
        validate("registry", "table", {"snapshot": value})
    assert message in str(caught.value)


def test_a_missing_date_names_the_snapshots_that_exist(scratch):
    _with_fixture(scratch)
    with pytest.raises(ParameterError, match="snapshots: 2026-12-06"):
        validate("registry", "table", {"snapshot": "2026-12-07"})


@pytest.mark.parametrize(
    ("phases", "shown"),
    [
        (["PHASE1", "PHASE2"], "1/2"),
        (["PHASE2"], "2"),
        (["EARLY_PHASE1"], "early 1"),
        (["NA"], "not applicable"),
        ([], ""),
        (None, ""),
    ],
)
def test_registry_phases_are_written_as_table_3_writes_a_phase(phases, shown):
    assert registry.registry_phase(phases) == shown


@pytest.mark.parametrize(
    ("printed", "enum"),
    [
        ("Not yet recruiting", "NOT_YET_RECRUITING"),
        ("Completed", "COMPLETED"),
        ("unknown", "UNKNOWN"),
        ("Pause", "PAUSE"),
    ],
)
def test_printed_statuses_are_written_as_the_registry_writes_its_statuses(printed, enum):
    assert registry.registry_status(printed) == enum


def test_the_committed_csv_lists_every_value_the_exhibit_shows():
    """tables/registry.csv: one row per Table 3 row, the printed values as read, the registry columns empty."""
    import pandas as pd

    csv = pd.read_csv(ROOT / "tables" / "registry.csv", dtype=str, keep_default_na=False)
    assert list(csv.columns) == list(registry_table.HEADERS.values())
    assert len(csv) == 18
    for _, line in csv.iterrows():
        nct, status, phase, enrollment, results = PRINTED[int(line["Row"])]
        assert (line["NCT id (printed)"], line["Status (printed)"], line["Phase (printed)"]) == (nct, status, phase)
        assert (line["Enrollment (printed)"], line["Results printed (review)"]) == (enrollment, results)
    md = (ROOT / "tables" / "registry.md").read_text(encoding="utf-8")
    assert "No registry snapshot exists in data/registry/" in md
