"""The blind domain readings' records: what the site reads from them, and that every exhibit has one."""

from __future__ import annotations

import re

import pytest

from helpers.core import catalog
from review import readings
from review.readings import RecordError, parse

HEAD = "# Blind domain reading: x\nVerdict: cite after fixes. Why.\n\n| # | where | finding |\n|---|---|---|\n"


@pytest.mark.parametrize(
    ("body", "findings", "resolutions", "open_"),
    [
        ("| 1 | a | b |\n| 2 | c | d |\n\nRead at commit `abc1234` on 2026-12-06.\n", ("1", "2"), {}, ("1", "2")),
        (
            "| 1 | a | b |\n| 2 | c | d |\nRead at commit `abc1234` on 2026-12-06.\n\n## Resolutions\n"
            "1. fixed: the bars are drawn from counts (test: t)\n2. Answered: the print says so\n",
            ("1", "2"),
            {"1": "fixed", "2": "answered"},
            (),
        ),
        (
            # a list line outside "Resolutions" is prose, not a resolution
            "| 1 | a | b |\nRead at commit `abc1234`.\n\n## Notes\n1. fixed: not here\n",
            ("1",),
            {},
            ("1",),
        ),
        (
            # a second reading numbers its findings 2.1, 2.2 and dates the record again
            "| 1 | a | b |\nRead at commit `abc1234` on 2026-12-06.\n## Resolutions\n- 1. fixed: x\n"
            "## Second reading\n| 2.1 | e | f |\nRead at commit `def5678` on 2026-12-07.\n",
            ("1", "2.1"),
            {"1": "fixed"},
            ("2.1",),
        ),
    ],
    ids=["all-open", "fixed-and-answered", "list-outside-resolutions", "second-reading"],
)
def test_a_record_is_read_as_findings_resolutions_and_what_is_open(body, findings, resolutions, open_):
    reading = parse(HEAD + body, "x")
    assert reading.findings == findings
    assert reading.resolutions == resolutions
    assert reading.open == open_
    assert reading.verdict == "cite after fixes"


def test_the_latest_reading_dates_the_record():
    reading = parse(
        HEAD + "| 1 | a |\nRead at commit `abc1234` on 2026-12-06.\nRead at commit `def5678` on 2026-12-07.\n", "x"
    )
    assert (reading.commit, reading.date) == ("def5678", "2026-12-07")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("| 1 | a |\n| 1 | b |\nRead at commit `abc1234`.\n", "docs/reviews/x.md, line 7: finding 1 is numbered twice"),
        (
            "| 1 | a |\nRead at commit `abc1234`.\n## Resolutions\n3. fixed: y\n",
            "docs/reviews/x.md, line 9: a resolution of finding 3, which the record does not list",
        ),
        ("| 1 | a |\n", "docs/reviews/x.md: no line says 'Read at commit `<sha>` on <date>'"),
    ],
    ids=["numbered-twice", "unknown-finding", "undated"],
)
def test_a_broken_record_is_refused_naming_file_and_line(body, message):
    with pytest.raises(RecordError) as raised:
        parse(HEAD + body, "x")
    assert str(raised.value) == message


def test_a_record_without_a_verdict_is_refused():
    with pytest.raises(RecordError, match="no 'Verdict:' line"):
        parse("| 1 | a |\nRead at commit `abc1234`.\n", "x")


@pytest.mark.parametrize("exhibit", sorted(catalog.EXHIBITS))
def test_every_exhibit_has_a_dated_record(exhibit):
    reading = readings.read(exhibit)
    assert reading is not None, f"docs/reviews/{exhibit}.md is missing"
    assert reading.findings, "a record lists the reader's findings"


def test_the_index_agrees_with_the_records():
    """docs/reviews/README.md's table says, per exhibit, the verdict, the findings and how many are open."""
    index = (readings.RECORDS_DIR / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \[(\w+)\]\(\1\.md\) \| ([^|]+) \| (\d+) \| (\d+) \|$", index, flags=re.MULTILINE)
    assert {r[0] for r in rows} == set(catalog.EXHIBITS)
    for exhibit, verdict, findings, open_ in rows:
        reading = readings.read(exhibit)
        assert (verdict.strip(), int(findings), int(open_)) == (
            reading.verdict,
            len(reading.findings),
            len(reading.open),
        ), exhibit


def test_write_index_replaces_only_the_table_rows(tmp_path):
    """After records change, one call rewrites the counts and keeps the prose around the table."""
    index = tmp_path / "README.md"
    stale = "| [table1](table1.md) | would not cite | 1 | 1 |\n| [fig1](fig1.md) | would not cite | 9 | 9 |\n"
    index.write_text(
        "# Readings\n\nprose before\n\n| exhibit | verdict | findings | open |\n|---|---|---|---|\n"
        + stale
        + "\nprose after\n",
        encoding="utf-8",
    )
    assert readings.write_index(["table1", "fig1"], index) is True
    text = index.read_text(encoding="utf-8")
    assert text.startswith("# Readings\n\nprose before\n") and text.endswith("\nprose after\n")
    assert readings.index_rows(["table1", "fig1"]) in text
    assert "would not cite | 9 | 9" not in text
    assert readings.write_index(["table1", "fig1"], index) is False  # already current


@pytest.mark.parametrize(
    ("checks", "later", "open_"),
    [
        ("| #1 | holds | recounted |\n| #2 | partly | the caption still says so |\n", "", ("2",)),
        ("| #1 | does not hold | x |\n| #2 | holds | y |\n", "", ("1",)),
        # a resolution written after the check closes the reopened finding again
        ("| #1 | holds | x |\n| #2 | partly | y |\n", "\n## Resolutions\n2. fixed: the caption now says so\n", ()),
    ],
    ids=["partly-reopens", "does-not-hold-reopens", "fixed-again"],
)
def test_a_later_reading_reopens_what_does_not_hold(checks, later, open_):
    first = "| 1 | a |\n| 2 | b |\nRead at commit `abc1234`.\n## Resolutions\n1. fixed: x\n2. answered: y\n"
    second = "## Second reading\nRead at commit `def5678`.\n### Resolutions checked\n| # | holds? | evidence |\n"
    reading = parse(HEAD + first + second + checks + later, "x")
    assert reading.open == open_
    assert reading.count("fixed") + reading.count("answered") == 2 - len(open_)
