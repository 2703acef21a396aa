"""The run record: one channel, one writer per side, a versioned schema."""

from __future__ import annotations

import json
import sys

import pytest

from helpers.core import paths, runrecord
from review import contract, fingerprint
from tests.conftest import ROOT


def _record(**changes) -> str:
    runrecord.begin()
    record = runrecord.record()
    record.update(changes)
    return json.dumps(record)


def test_a_fresh_record_has_every_key_of_the_schema():
    runrecord.begin("/some/stage")
    record = json.loads(runrecord.report())
    assert tuple(sorted(record)) == tuple(sorted(runrecord.RECORD_KEYS))
    assert record["schema"] == runrecord.SCHEMA and record["files"] == {} and record["inputs"] == {}
    assert str(runrecord.stage()) == "/some/stage"
    runrecord.begin()
    assert runrecord.stage() is None


def test_reads_are_recorded_once_with_their_hash_as_read(tmp_path):
    runrecord.begin()
    path = paths.DATA_DIR / "tissue_sources.csv"
    runrecord.note_read(path)
    runrecord.note_read(path)
    assert runrecord.record()["inputs"] == {
        "data/tissue_sources.csv": fingerprint.current_hashes(["data/tissue_sources.csv"], paths.ROOT)[
            "data/tissue_sources.csv"
        ]
    }


def test_modules_are_the_loaded_library_modules_named_from_the_package():
    runrecord.begin()
    modules = runrecord.record()["modules"]
    assert "helpers/core/runrecord.py" in modules and "helpers/core/paths.py" in modules
    assert all(name.startswith("helpers/") and name.endswith(".py") for name in modules)
    assert not any(name.startswith("review/") for name in modules), "the tool is not part of a notebook's library"
    loaded = {m for m in sys.modules if m.startswith("helpers.")}
    assert len(modules) >= len(loaded)


@pytest.mark.parametrize(
    "text, message",
    [
        ("not json", "not JSON"),
        ("[1, 2]", "schema 'list'"),
        (json.dumps({"schema": "mscs-review/run-record/0"}), "schema 'mscs-review/run-record/0'"),
        (json.dumps({"schema": runrecord.SCHEMA, "exhibit": "t"}), "lacks canonical"),
    ],
)
def test_the_build_refuses_a_record_it_does_not_know(text, message):
    with pytest.raises(contract.ContractError, match=message):
        contract.parse(text)


def test_the_build_accepts_the_library_record():
    parsed = contract.parse(_record(exhibit="table1"))
    assert parsed["exhibit"] == "table1"


def test_begin_code_unloads_the_library_and_starts_a_record_in_the_stage():
    code = contract.begin_code("/x/stage")
    assert "reset(new_session=True)" in code and "_rr.begin('/x/stage')" in code
    assert "_sys.modules.pop" in code
    compile(code, "<begin>", "exec")


def test_no_environment_variable_or_record_file_carries_the_contract():
    """The old hidden channels are gone from the library and the tool."""
    for folder in ("helpers", "review"):
        for path in (ROOT / "src" / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "REVIEW_STAGE_DIR" not in text and ".record.json" not in text, path
