"""The snapshot format's rules byte for byte (helpers.data.snapshots), written against mutmut's survivors."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.core import paths
from helpers.data import snapshots


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path / "data")
    (tmp_path / "data" / "registry").mkdir(parents=True)
    return tmp_path / "data"


def test_a_snapshot_is_written_sorted_indented_by_two_in_utf8_with_one_final_newline():
    snapshot = {"trials": [{"nct_id": "NCT00000001", "sponsor": "Universitätsklinikum"}], "fetched": "2026-01-02"}
    expected = (
        "{\n"
        '  "fetched": "2026-01-02",\n'
        '  "trials": [\n'
        "    {\n"
        '      "nct_id": "NCT00000001",\n'
        '      "sponsor": "Universitätsklinikum"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    ).encode()  # UTF-8: "ä" is the two bytes C3 A4, not the escape \u00e4
    assert snapshots.encode(snapshot) == expected


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            '{"source": "https://clinicaltrials.gov/api/v2/studies/{nct}", "fetched": "2026-01-02", "trials": []}',
            "https://clinicaltrials.gov/api/v2/studies/{nct}",
        ),
        ('{"fetched": "2026-01-02", "trials": []}', ""),
    ],
)
def test_read_gives_the_snapshot_s_source_or_empty_text_when_it_names_none(data, body, source):
    snapshots.path("2026-01-02").write_text(body, encoding="utf-8")
    got = snapshots.read("2026-01-02")
    assert got == {"fetched": "2026-01-02", "source": source, "trials": {}}


class _AsciiLocalePath(type(Path())):
    """A path read as a machine whose locale is ASCII reads it when no encoding is given."""

    def read_text(self, encoding=None, errors=None):
        return super().read_text(encoding=encoding or "ascii", errors=errors)


def test_a_snapshot_is_read_as_utf8_whatever_the_machine_s_locale(data, monkeypatch):
    body = '{"source": "Universitätsklinikum", "fetched": "2026-01-02", "trials": []}'
    snapshots.path("2026-01-02").write_text(body, encoding="utf-8")
    monkeypatch.setattr(snapshots, "folder", lambda: _AsciiLocalePath(data / "registry"))
    assert snapshots.read("2026-01-02")["source"] == "Universitätsklinikum"


def test_asking_for_a_missing_day_names_every_snapshot_there_is(data):
    for day in ("2025-12-31", "2026-01-02"):
        snapshots.path(day).write_text("{}", encoding="utf-8")
    with pytest.raises(snapshots.SnapshotError) as caught:
        snapshots.choose("2026-01-01")
    assert str(caught.value) == (
        "parameter 'snapshot': no snapshot data/registry/2026-01-01.json; snapshots: 2025-12-31, 2026-01-02"
    )
