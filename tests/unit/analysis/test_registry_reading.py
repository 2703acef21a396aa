"""The registry exhibit: Table 3's printed values beside a ClinicalTrials.gov snapshot, and each drift flagged.

Expected printed values are our reading of Table 3 in the seed text (18 rows; row 17 prints "[39]" for its NCT
number and "A retrospective study" for its phase). Expected registry values and flags are written by hand from
tests/fixtures/registry/synthetic-snapshot-2026-12-06.json (invented values, never in data/).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers.analysis import registry
from helpers.core import catalog, paths, runrecord
from helpers.data import snapshots
from helpers.notebook.params import ParameterError, validate
from helpers.outputs import registry as registry_table
from review import fingerprint
from tests.conftest import ROOT
from tests.unit.analysis._numbers import numbers

FIXTURE = ROOT / "tests" / "fixtures" / "registry" / "synthetic-snapshot-2026-12-06.json"

# Table 3 as printed (recounted from the seed text, lines 232-258): row -> (NCT number, research status, Phases
# cell as printed, enrollment, whether the Results cell prints anything other than "No results published").
PRINTED = {
    1: ("NCT01742533", "unknown", "1/ 2", "40", "no"),
    2: ("NCT02062931", "unknown", "1/ 2", "60", "yes"),
    3: ("NCT02043743", "unknown", "1/ 2", "60", "yes"),
    4: ("NCT02696889", "Completed", "1/ 2", "3", "yes"),
    5: ("NCT06132542", "Not yet recruiting", "1", "10", "no"),
    6: ("NCT05494723", "Not yet recruiting", "1", "6", "no"),
    7: ("NCT06202547", "Recruiting", "1", "10", "no"),
    8: ("NCT02054208", "Completed", "1/ 2", "46", "no"),
    9: ("NCT03117738", "Completed", "1/ 2", "21", "yes"),  # "Conclusions limited by small sample size"
    10: ("NCT02672306", "unknown", "1/ 2", "16", "no"),
    11: ("NCT02600130", "Completed", "1", "33", "no"),
    12: ("NCT04388982", "Completed", "1/ 2", "9", "yes"),
    13: ("NCT06607900", "Not yet recruiting", "1", "100", "no"),
    14: ("NCT02566655", "Completed", "1", "10", "no"),
    15: ("NCT05152381", "Pause", "1", "20", "no"),
    16: ("NCT04501354", "Recruiting", "2", "5", "no"),
    17: ("", "Completed", "A retrospective study", "78", "yes"),
    18: ("NCT05813379", "Recruiting", "1/2", "20", "no"),
}
# The phase each printed Phases cell is read as ("1/ 2" and "1/2" alike); row 17's cell is no trial phase.
CODED_PHASE = {"1/ 2": "1/2", "1/2": "1/2", "1": "1", "2": "2", "A retrospective study": ""}
REGISTRY_COLUMNS = [
    "registry_status",
    "registry_phase",
    "registry_enrollment",
    "enrollment_type",
    "registry_results_posted",
    "status_verified",
    "start_date",
    "completion_date",
    "last_update_posted",
    "snapshot",
    "registry_answer",
]
FLAGS = ["status_changed", "phase_changed", "enrollment_number_changed", "enrollment_type_changed"]


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


def test_without_a_snapshot_the_table_is_the_printed_values_and_every_flag_says_not_compared(scratch):
    table, day = registry.load()
    assert day is None and len(table) == 18
    for _, line in table.iterrows():
        row = int(line["row"])
        nct, status, phase, enrollment, results = PRINTED[row]
        got = (line["nct_id"], line["printed_status"], line["printed_phase"], line["printed_enrollment"])
        assert got + (line["results_printed"],) == (nct, status, phase, enrollment, results)
        assert line["coded_phase"] == CODED_PHASE[phase]
        assert line["printed_enrollment_type"] == "not reported in the review"
        assert all(line[c] == "" for c in REGISTRY_COLUMNS), f"row {row}: a registry value without a snapshot"
        why = "not compared: not a registered trial" if row == 17 else "not compared: no snapshot yet"
        assert [line[f] for f in FLAGS] == [why] * 4, f"row {row}: a flag that is blank or reads as 'no change'"


def test_row_17_is_said_to_be_no_registered_trial_and_is_not_looked_up(scratch):
    table, _ = registry.load()
    line = table[table["row"] == "17"].iloc[0]
    assert line["design"] == "retrospective cohort study" and line["nct_id"] == ""
    assert "[39]" in line["note"] and "not a registered trial" in line["note"]
    assert "registered elsewhere is not reported in the review" in line["note"]
    assert "not a trial phase" in line["note"]
    assert set(table.loc[table["row"] != "17", "design"]) == {"registered trial"}


def test_the_results_cell_is_shown_and_its_notes_ride_with_it(scratch):
    """Rows 2 and 3 print one Results text; rows 8 and 11 print none though the text reports one; row 9 a comment."""
    table, _ = registry.load()
    notes = dict(zip(table["row"].astype(int), table["note"]))
    cells = dict(zip(table["row"].astype(int), table["results_cell"]))
    assert cells[2] == cells[3] and "identical to row 3's" in notes[2] and "identical to row 2's" in notes[3]
    assert cells[9] == "Conclusions limited by small sample size"
    for row in (8, 11):
        assert (
            cells[row] == "No results published" and "the text gives a result the table calls unpublished" in notes[row]
        )
    assert not any("identical" in notes[r] for r in notes if r not in (2, 3))


def test_without_a_snapshot_the_title_and_the_notice_say_no_snapshot_yet(scratch):
    table, day = registry.load()
    exhibit = registry_table.titled(catalog.get("registry"), day)
    assert exhibit.title.endswith("(no snapshot yet: registry columns not compared)")
    assert "not reported in the review (received 16 December 2024, accepted 7 April 2025)" in exhibit.caption
    text = registry_table.notice(table, day)
    assert text.startswith("No snapshot yet") and "`review registry fetch`" in text and "network" in text
    # 18 rows; 17 registered trials of 18; the received and accepted dates (16 December 2024, 7 April 2025);
    # row 17 not a registered trial. "<date>" and the command name hold no number.
    assert numbers(text) == [18.0, 17.0, 18.0, 16.0, 2024.0, 7.0, 2025.0, 17.0]
    assert len(table) == 18 and (table["design"] == "registered trial").sum() == 17


STATUS_UNKNOWN = (
    "not comparable: printed 'unknown' is not defined in the review (the registry's 'Unknown status' or the "
    "authors' word)"
)
PAUSE = "not comparable: 'Pause' is not a registry status (the nearest, SUSPENDED, is not certain)"
TYPE_NA = "not comparable: printed type not reported in the review"
# Hand-written from the fixture: row -> (status, phase, enrollment, type, posted, verified, start, completion,
# last update, answer) and the four flags (status, phase, enrollment number, enrollment type).
DRIFT = {
    1: (
        ("COMPLETED", "1/2", "40", "ACTUAL", "yes", "2025-02", "2012-12", "2024-06-30", "2025-03-01", "read"),
        (
            STATUS_UNKNOWN,
            "same",
            "same",
            TYPE_NA,
        ),
    ),
    4: (
        ("COMPLETED", "2", "3", "ACTUAL", "yes", "", "2016-01", "2019-01-31", "2020-05-05", "read"),
        ("same", "differs", "same", TYPE_NA),
    ),
    5: (
        ("NOT_YET_RECRUITING", "early 1", "10", "ESTIMATED", "no", "", "2026-06", "2027-01-31", "2026-03-03", "read"),
        ("same", "differs", "same", "same (estimated)"),
    ),
    12: (
        ("COMPLETED", "1/2", "9", "ACTUAL", "no", "", "2020-05", "2021-12-31", "2022-01-10", "read"),
        ("same", "same", "same", TYPE_NA),
    ),
    15: (
        ("SUSPENDED", "1", "20", "ESTIMATED", "no", "", "2021-12", "2027-12-31", "2026-02-02", "read"),
        (PAUSE, "same", "same", TYPE_NA),
    ),
    16: (
        ("RECRUITING", "2", "12", "ESTIMATED", "no", "", "2020-08", "2027-06-30", "2026-11-20", "read"),
        ("same", "same", "differs", "same (estimated)"),
    ),
    18: (
        ("COMPLETED", "1/2", "22", "ACTUAL", "no", "2026-10", "2023-04", "2025-09-30", "2026-10-15", "read"),
        ("differs", "same", "differs", "estimated -> actual"),
    ),
    7: (("",) * 9 + ("no usable answer",), ("not compared: no usable answer",) * 4),  # the fetch recorded a 404
}


@pytest.mark.parametrize("snapshot", ["latest", "2026-12-06"])
def test_each_comparison_rule_against_a_synthetic_snapshot(scratch, snapshot):
    _with_fixture(scratch)
    table, day = registry.load(snapshot)
    assert day == "2026-12-06"
    for _, line in table.iterrows():
        row = int(line["row"])
        assert line["printed_status"] == PRINTED[row][1]  # the printed values never change
        if row == 17:
            assert all(line[c] == "" for c in REGISTRY_COLUMNS)
            assert [line[f] for f in FLAGS] == ["not compared: not a registered trial"] * 4
            continue
        values, flags = DRIFT.get(
            row, (("",) * 9 + ("not in this snapshot",), ("not compared: not in this snapshot",) * 4)
        )
        got = tuple(line[c] for c in REGISTRY_COLUMNS if c != "snapshot")
        assert (line["snapshot"], got) == ("2026-12-06", values), f"row {row}"
        assert tuple(line[f] for f in FLAGS) == flags, f"row {row}"
    notes = dict(zip(table["row"].astype(int), table["note"]))
    assert "the registry answers for NCT04388982 with NCT09999999" in notes[12]
    assert "the fetch recorded: no such study (404)" in notes[7]


def test_the_notice_counts_each_comparison_from_the_synthetic_snapshot(scratch):
    _with_fixture(scratch)
    table, day = registry.load()
    text = registry_table.notice(table, day)
    # Read: rows 1, 4, 5, 12, 15, 16, 18 = 7 of 17; 10 others. Status differs: row 18 (1); not comparable: rows 1
    # and 15 (2); phase differs: rows 4 and 5 (2); enrollment number: rows 16 and 18 (2); estimated -> actual: 18 (1).
    assert text.startswith("Snapshot of 2026-12-06: 7 of the 17 registered trials were read; the other 10")
    assert "the status differs in 1 (2 more print" in text and "the phase in 2, the enrollment number in 2;" in text
    assert "in 1 the enrollment went from an estimate to an actual count" in text
    assert numbers(text.replace("2026-12-06", "")) == [
        7.0,
        17.0,
        10.0,
        7.0,
        1.0,
        2.0,
        2.0,
        2.0,
        1.0,
        16.0,
        2024.0,
        7.0,
        2025.0,
        17.0,
    ]


def test_a_new_snapshot_makes_the_exhibit_stale(scratch):
    """The run records data/registry/'s listing: 'missing' with none; adding a snapshot changes what it hashes to."""
    runrecord.begin()
    registry.load()
    folder = scratch / "registry"
    recorded = {Path(p).resolve(): h for p, h in runrecord._current.reads.items()}
    assert recorded[folder.resolve()] == "missing"
    before = fingerprint.current_hashes([str(folder)], Path("/"))
    _with_fixture(scratch)
    after = fingerprint.current_hashes([str(folder)], Path("/"))
    assert before[str(folder)] == "missing" and after[str(folder)] not in ("missing", recorded[folder.resolve()])
    runrecord.begin()
    registry.load()
    assert runrecord._current.reads[folder.resolve()] == after[str(folder)]


def test_the_dictionary_describes_every_published_column():
    schema = json.loads((ROOT / "tables" / "registry.schema.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in schema["fields"]] == list(registry_table.HEADERS.values())
    assert all(f["description"] for f in schema["fields"])
    assert list(registry_table.DICTIONARY) == list(registry.COLUMNS)


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
    ("printed", "registry_word", "flag"),
    [
        ("Completed", "COMPLETED", "same"),
        ("Not yet recruiting", "NOT_YET_RECRUITING", "same"),
        ("Recruiting", "ACTIVE_NOT_RECRUITING", "differs"),
        (
            "Pause",
            "SUSPENDED",
            "not comparable: 'Pause' is not a registry status (the nearest, SUSPENDED, is not certain)",
        ),
        (
            "Pause",
            "RECRUITING",
            "not comparable: 'Pause' is not a registry status (the nearest, SUSPENDED, is not certain)",
        ),
        ("Completed", "", "not compared: registry field empty"),
        ("Recruiting", "COMPLETED", "differs"),
        ("Terminated", "TERMINATED", "not comparable: no registry counterpart"),
    ],
)
def test_a_printed_status_is_compared_only_where_its_registry_word_is_certain(printed, registry_word, flag):
    assert registry.status_flag(printed, registry_word) == flag


@pytest.mark.parametrize(
    ("status", "kind", "flag"),
    [
        ("Recruiting", "ACTUAL", "estimated -> actual"),
        ("Not yet recruiting", "ESTIMATED", "same (estimated)"),
        ("Completed", "ACTUAL", "not comparable: printed type not reported in the review"),
        ("unknown", "ESTIMATED", "not comparable: printed type not reported in the review"),
        ("Recruiting", "", "not compared: registry field empty"),
    ],
)
def test_the_enrollment_type_is_reported_apart_from_the_number(status, kind, flag):
    assert registry.enrollment_type_flag(status, kind) == flag


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
        assert line["Status changed"] == (
            "not compared: not a registered trial" if line["Row"] == "17" else "not compared: no snapshot yet"
        )
    md = (ROOT / "tables" / "registry.md").read_text(encoding="utf-8")
    assert "(no snapshot yet: registry columns not compared)**" in md and "No snapshot yet: data/registry/" in md
