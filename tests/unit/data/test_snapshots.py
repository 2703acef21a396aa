"""The snapshot format's one home (helpers.data.snapshots): where snapshots live, how they are chosen, written, read."""

from __future__ import annotations

import pytest

from helpers.core import paths
from helpers.data import snapshots


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path / "data")
    (tmp_path / "data" / "registry").mkdir(parents=True)
    return tmp_path / "data"


def test_only_dated_json_files_are_snapshots(data):
    for name in ("2026-01-02.json", "2025-12-31.json", "notes.json", "2026-01-03.txt", "README.md"):
        (data / "registry" / name).write_text("{}", encoding="utf-8")
    assert snapshots.dates() == ["2025-12-31", "2026-01-02"]
    assert snapshots.choose("latest") == "2026-01-02" and snapshots.choose(" LATEST ") == "2026-01-02"
    assert snapshots.choose("2025-12-31") == "2025-12-31"


def test_encoding_is_deterministic_and_read_keys_trials_by_printed_id(data):
    snapshot = {"trials": [{"nct_id": "NCT00000001", "error": "no such study (404)"}], "fetched": "2026-01-02"}
    raw = snapshots.encode(snapshot)
    assert raw == snapshots.encode(dict(reversed(list(snapshot.items()))))
    assert raw.endswith(b"}\n") and raw.index(b'"fetched"') < raw.index(b'"trials"')
    snapshots.path("2026-01-02").write_bytes(raw)
    got = snapshots.read("2026-01-02")
    assert got["fetched"] == "2026-01-02" and got["trials"]["NCT00000001"]["error"] == "no such study (404)"


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "{}",
        '{"fetched": "2026-01-02", "trials": [{"status": 1}]}',
        '{"fetched": "", "trials": []}',  # no day: every trial would read "not in this snapshot"
        '{"fetched": "yesterday", "trials": []}',
        '{"fetched": null, "trials": []}',
    ],
)
def test_a_file_that_is_not_a_snapshot_is_refused_by_name(data, body):
    snapshots.path("2026-01-02").write_text(body, encoding="utf-8")
    with pytest.raises(snapshots.SnapshotError, match=r"data/registry/2026-01-02.json is not a registry snapshot"):
        snapshots.read("2026-01-02")
