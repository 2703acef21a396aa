"""The ClinicalTrials.gov client (review.registry), against a local server that serves synthetic API v2 records.

Every record comes from tests/fixtures/registry/synthetic-*.json, marked as
synthetic in its name and in a ``_synthetic`` field; nothing here touches
the network or data/.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from helpers.core import paths
from review import registry

FIXTURES = paths.ROOT / "tests" / "fixtures" / "registry"
COMPLETED = json.loads((FIXTURES / "synthetic-NCT00000001.json").read_text(encoding="utf-8"))
#: What the server does per id: (status, headers, body); a callable body is evaluated per request.
hits: dict[str, int] = {}


def _routes() -> dict[str, object]:
    return {
        "NCT00000001": (200, {}, (FIXTURES / "synthetic-NCT00000001.json").read_bytes()),
        "NCT00000009": (200, {}, (FIXTURES / "synthetic-NCT00000009.json").read_bytes()),
        "NCT00000002": (301, {"Location": "/api/v2/studies/NCT00000001?format=json"}, b""),  # an alias
        "NCT00000003": (404, {}, b'{"message": "not found"}'),
        "NCT00000004": "throttled-then-ok",
        "NCT00000005": "always-throttled",
        "NCT00000006": "slow",
        "NCT00000007": (200, {}, b"<html>maintenance</html>"),
        "NCT00000008": (200, {}, b'{"studies": []}'),
    }


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        nct = self.path.split("?")[0].rsplit("/", 1)[-1]
        hits[nct] = hits.get(nct, 0) + 1
        route = _routes().get(nct, (404, {}, b"{}"))
        if route == "throttled-then-ok":
            route = (429, {"Retry-After": "7"}, b"") if hits[nct] == 1 else _routes()["NCT00000001"]
        elif route == "always-throttled":
            route = (429, {"Retry-After": "2"}, b"")
        elif route == "slow":
            time.sleep(1.5)
            route = _routes()["NCT00000001"]
        status, headers, body = route
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up first (the timeout case)
            self.wfile.write(body)

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture(scope="module")
def base():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v2"
    server.shutdown()


@pytest.fixture(autouse=True)
def _fresh_hits():
    hits.clear()


def test_a_study_keeps_exactly_the_documented_fields(base):
    got = registry.fetch_one("NCT00000001", base=base)
    assert got == {
        "nct_id": "NCT00000001",
        "registry_id": "NCT00000001",
        "overall_status": "COMPLETED",
        "phases": ["PHASE1", "PHASE2"],
        "enrollment": {"count": 42, "type": "ACTUAL"},
        "start_date": {"date": "2020-01"},
        "completion_date": {"date": "2022-06-30", "type": "ACTUAL"},
        "last_update_posted": {"date": "2023-02-01", "type": "ACTUAL"},
        "status_verified": "2023-01",
        "has_results": True,
    }
    assert "briefTitle" not in json.dumps(got)  # only the fields the project compares


@pytest.mark.parametrize(
    ("nct", "expected"),
    [
        ("NCT00000003", {"nct_id": "NCT00000003", "error": "no such study (404)"}),
        ("NCT00000005", {"nct_id": "NCT00000005", "error": "HTTP 429 Too Many Requests"}),
        ("NCT00000006", {"nct_id": "NCT00000006", "error": "timed out after 0.5 s"}),
        ("NCT00000007", {"nct_id": "NCT00000007", "error": "the answer is not JSON"}),
        (
            "NCT00000008",
            {"nct_id": "NCT00000008", "error": "the answer is JSON but not a study record (no protocolSection)"},
        ),
    ],
    ids=["404", "429-every-time", "timeout", "not-json", "not-a-study"],
)
def test_what_goes_wrong_is_recorded_per_trial_not_raised(base, nct, expected):
    waits = []
    assert registry.fetch_one(nct, base=base, timeout=0.5, sleep=waits.append) == expected
    if nct == "NCT00000005":
        assert waits == [2.0] * registry.RETRIES and hits[nct] == registry.RETRIES + 1


def test_a_429_is_waited_out_as_retry_after_says(base):
    waits = []
    got = registry.fetch_one("NCT00000004", base=base, sleep=waits.append)
    assert waits == [7.0] and hits["NCT00000004"] == 2
    assert got["overall_status"] == "COMPLETED" and "error" not in got


def test_a_redirect_to_another_id_is_kept_as_an_alias(base):
    got = registry.fetch_one("NCT00000002", base=base)
    assert got["nct_id"] == "NCT00000002" and got["alias_of"] == "NCT00000001"
    assert got["overall_status"] == "COMPLETED"


@pytest.mark.parametrize("bad", ["NCT123", "nct00000001", "[39]", "NCT0000000X"])
def test_an_id_that_is_not_an_nct_id_is_refused_before_any_request(base, bad):
    with pytest.raises(registry.RegistryError, match="is not an NCT id"):
        registry.fetch_one(bad, base=base)
    assert hits == {}


@pytest.mark.parametrize(("header", "seconds"), [("7", 7.0), (None, 1.0), ("soon", 1.0), ("-3", 0.0)])
def test_retry_after_is_read_as_seconds(header, seconds):
    assert registry._retry_after(header) == seconds


def test_the_snapshot_is_written_whole_with_its_date_and_fields(base, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path / "data")
    out = registry.fetch(["NCT00000009", "NCT00000001", "NCT00000003"], base=base, day="2026-12-06")
    assert out == tmp_path / "data" / "registry" / "2026-12-06.json"
    snapshot = json.loads(out.read_text(encoding="utf-8"))
    assert snapshot["fetched"] == "2026-12-06"
    assert [t["nct_id"] for t in snapshot["trials"]] == ["NCT00000001", "NCT00000003", "NCT00000009"]
    assert snapshot["trials"][2]["enrollment"] == {"count": 12, "type": "ESTIMATED"}
    assert snapshot["fields"]["has_results"] == "hasResults"


def test_only_the_registry_module_opens_network_connections():
    """`make` never calls the network: no module of the library or the build imports an HTTP or socket client."""
    clients = ("urllib.request", "http.client", "requests", "httpx", "socket", "aiohttp")
    offenders = []
    src = paths.SRC_DIR.parent  # src/: the library (helpers) and the build tool (review)
    for module in sorted(src.rglob("*.py")):
        if module.name == "registry.py" and module.parent.name == "review":
            continue
        text = module.read_text(encoding="utf-8")
        offenders += [f"{module.relative_to(src)}: {c}" for c in clients if f"import {c}" in text]
    assert offenders == []


def test_a_fetched_snapshot_is_what_the_registry_exhibit_reads(base, tmp_path, monkeypatch, capsys):
    """One format, one home: `review registry fetch` writes it and the exhibit reads it (helpers.data.snapshots).

    The local server knows none of Table 3's 17 NCT ids, so each is recorded as a 404 and the exhibit shows each
    row as having no usable answer, with no registry value and no flag; row 17 prints no NCT id and is not asked.
    """
    import shutil

    from helpers.analysis import registry as comparison
    from review import cli

    monkeypatch.setattr(paths, "DATA_DIR", tmp_path / "data")
    shutil.copytree(paths.ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("registry"))
    assert cli.main(["registry", "fetch", "--base", base, "--date", "2026-12-06", "--timeout", "5"]) == 1
    out = capsys.readouterr()
    assert "data/registry/2026-12-06.json" in out.out or "2026-12-06.json" in out.out
    assert "(0 of 17 trials read)" in out.out and "review build --only registry\n" in out.out
    assert out.err.count("no such study (404)") == 17
    table, day = comparison.load()
    assert day == "2026-12-06"
    answers = dict(zip(table["row"].astype(int), table["registry_answer"]))
    assert answers.pop(17) == "" and set(answers.values()) == {"no usable answer"}
    assert (table[["registry_status", "registry_results_posted"]] == "").all().all()
    flags = table.loc[table["row"] != "17", ["status_changed", "enrollment_type_changed"]]
    assert (flags == "not compared: no usable answer").all().all()
