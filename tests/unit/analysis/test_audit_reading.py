"""The audit exhibit read against its data: every number of its "What to notice", and the audit columns.

Expected values are recounted from ``tables/audit.csv`` (the exhibit's own data
file) with code independent of :func:`helpers.audit.render.notice`; the
dataset's audit columns are checked against the same file, row by row.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict

import pytest

from helpers.audit import runner  # noqa: F401 (registers every rule)
from helpers.audit.registry import RULES, rank
from tests.conftest import ROOT
from tests.unit.analysis._stored import markdown_outputs, numbers


@pytest.fixture(scope="module")
def audit_rows() -> list[dict]:
    with (ROOT / "tables" / "audit.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def notice() -> str:
    return next(t for t in markdown_outputs("audit") if "findings shown" in t)


def test_every_number_of_the_notice_is_a_count_of_the_data(notice, audit_rows):
    severities = Counter(r["severity"] for r in audit_rows)
    verdicts = Counter(r["verdict"] for r in audit_rows)
    fired = {r["key"].split("|")[0] for r in audit_rows}
    on_rows = {
        (r["table"], r["row"])
        for r in audit_rows
        if r["table"] in ("table1", "table2", "table3") and r["row"].isdigit()
    }
    expected = [
        len(audit_rows),  # findings shown
        severities["error"],
        severities["warning"],
        severities["check"],
        len(fired),  # rules that found something ...
        len(RULES),  # ... of the rules run (all, by default)
        # second reading 2.8: the distinct printed places the findings point at (one slip, several findings)
        len({(r["table"], r["row"], r["field"]) for r in audit_rows}),
        len(on_rows),  # printed rows of Tables 1-3 that anchor a finding ...
        28 + 28 + 18,  # ... of the rows printed in Tables 1, 2 and 3
        1,  # "Tables 1-3" (the range's two ends)
        3,
        len(audit_rows),  # verdicts on the findings
        *(verdicts[v] for v in ("confirmed", "plausible", "dismissed") if verdicts[v]),
    ]
    assert numbers(notice) == expected, notice


def test_the_notice_says_what_each_number_counts_and_whose_verdicts(notice):
    assert "findings shown" in notice and "rules run" in notice and "of the 74 printed rows of Tables 1-3" in notice
    assert "all by the project team" in notice
    # Second reading 2.8 and 2.9: findings are not slips, and a row counts as the anchor of a finding.
    assert "these count findings, not slips" in notice and "its anchor" in notice


@pytest.mark.parametrize("name", ["studies", "trials"])
def test_the_datasets_audit_columns_list_exactly_the_findings_on_each_row(audit_rows, name):
    by_row: dict[tuple[str, str], set[str]] = defaultdict(set)
    severity: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in audit_rows:
        if r["table"] in ("table1", "table2", "table3") and r["row"].isdigit() and r["verdict"] != "dismissed":
            by_row[(r["table"], r["row"])].add(r["key"].split("|")[0])
            severity[(r["table"], r["row"])].append(r["severity"])
    with (ROOT / "tables" / f"{name}.csv").open(encoding="utf-8") as f:
        coded = list(csv.DictReader(f))
    assert {"audit_findings", "audit_max_severity", "audit_flag"} <= set(coded[0])
    for row in coded:
        key = (row["table"], row["row"])
        assert row["audit_findings"] == ";".join(sorted(by_row.get(key, ()), key=rank)), key
        worst = min(severity.get(key, []), key=("error", "warning", "check").index, default="")
        assert row["audit_max_severity"] == worst, key


def test_the_rows_the_issue_names_carry_their_findings():
    with (ROOT / "tables" / "studies.csv").open(encoding="utf-8") as f:
        studies = {(r["table"], r["row"]): r for r in csv.DictReader(f)}
    with (ROOT / "tables" / "trials.csv").open(encoding="utf-8") as f:
        trials = {(r["table"], r["row"]): r for r in csv.DictReader(f)}
    # Table 1 row 13 cites ref. 24, a study of POF patients, for naturally aged mice (R3).
    assert (
        "R3" in studies[("table1", "13")]["audit_findings"].split(";")
        and studies[("table1", "13")]["audit_flag"] == "True"
    )
    # Table 2 row 16 prints IV 100 mg of exosomes (W4).
    assert studies[("table2", "16")]["audit_findings"] == "W4" and studies[("table2", "16")]["audit_flag"] == "True"
    # Table 3 rows 2 and 3 print the same results sentence and enrollment 60 (X1).
    assert all("X1" in trials[("table3", r)]["audit_findings"] for r in ("2", "3"))
    # Table 2 row 20 prints "Iv" for IV: a spelling finding, listed but not flagged.
    assert studies[("table2", "20")]["audit_findings"] == "A5" and studies[("table2", "20")]["audit_flag"] == "False"


def test_every_number_of_the_flag_notice_is_a_count_of_the_coded_dataset():
    notice = next(t for t in markdown_outputs("audit") if "the audit flags" in t)
    rows = []
    for name in ("studies", "trials"):
        with (ROOT / "tables" / f"{name}.csv").open(encoding="utf-8") as f:
            rows += list(csv.DictReader(f))
    pre = [r for r in rows if r["table"] in ("table1", "table2")]
    clin = [r for r in rows if r["table"] == "table3"]
    expected = [
        sum(r["audit_flag"] == "True" for r in pre),
        len(pre),  # 28 + 28 printed rows of Tables 1 and 2
        1,  # "Tables 1-2"
        2,
        sum(r["audit_flag"] == "True" for r in clin),
        len(clin),  # 18 printed rows of Table 3
        3,  # "Table 3"
        sum(r["audit_flag"] == "False" and r["audit_findings"] != "" for r in rows),
    ]
    assert numbers(notice) == expected, notice
    assert (len(pre), len(clin)) == (56, 18)


def test_audit_md_lists_every_rule_run_with_its_count():
    """Second reading 2.10: audit.md alone says which rules ran, those that found nothing included."""
    md = (ROOT / "tables" / "audit.md").read_text(encoding="utf-8")
    head, _, per_rule = md.partition("**Findings per rule: every rule run")
    assert per_rule, "audit.md has no per-rule table"
    with (ROOT / "tables" / "audit.csv").open(encoding="utf-8") as f:
        counts = Counter(r["key"].split("|")[0] for r in csv.DictReader(f))
    lines = [line for line in per_rule.splitlines() if line.startswith("| ") and not line.startswith("| rule")]
    assert len(lines) == len(RULES)
    for line in lines:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rule_id = cells[0].split(" ")[0]
        assert sum(int(c) for c in cells[2:5]) == counts.get(rule_id, 0), line
    assert any(line.startswith("| I8 malformed DOI") for line in lines)  # the DOI-form rule, which found nothing


# --- fifth reading (5.1-5.5) ---------------------------------------------------------------------------------------


def _audit_csv() -> list[dict]:
    with (ROOT / "tables" / "audit.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _reasons() -> dict[str, str]:
    with (ROOT / "data" / "audit_review.csv").open(encoding="utf-8") as fh:
        return {r["key"]: r["reason"] for r in csv.DictReader(fh)}


def test_i14_describes_every_doi_of_the_form():
    """5.1: 18 printed 10.1186/s…-YY-serial DOIs. Besides ref 13 (2022, "0992"), the 12 from 2020 on (refs 5, 14,
    15, 16, 18, 21, 22, 23, 29, 39, 50, 63) have 5-digit serials, the 5 from 2018-2019 (20, 26, 45, 46, 76) 4."""
    (row,) = [r for r in _audit_csv() if r["rule"].startswith("I14 ")]
    assert (
        "all 12 other printed DOIs of this form from 2020 on have 5 (references 5, 14, 15, 16, 18, 21, 22, 23, 29, "
        "39, 50, 63); only the 5 from 2018-2019 have 4 (references 20, 26, 45, 46, 76)"
    ) in row["message"]
    for doi in ("s13287-018-1121-9", "s13287-019-1136-x", "s13287-019-1307-9", "s12896-019-0534-6"):
        assert doi in row["evidence"]  # the older short serials are quoted too
    assert "only the pre-2020 ones have 4" in _reasons()[row["key"]]  # message and verdict now agree


@pytest.mark.parametrize(
    "row, words", [(21, "Ref. 74's title speaks of dexamethasone-induced bone loss"), (26, "reads as")]
)
def test_w8_verdicts_are_hedged_and_cross_referenced(row, words):
    """5.3: the r21 verdict points to ref 74's title and the transcription note, as r9 and r27 point elsewhere."""
    (found,) = [r for r in _audit_csv() if r["rule"].startswith("W8 ") and r["row"] == str(row)]
    reason = _reasons()[found["key"]]
    assert words in reason
    assert ": an incubation time in a column" not in reason


def test_how_to_read_says_what_the_rules_take_from_the_body_text_and_why_a3_has_two_severities():
    """5.4: W5's 30-150 nm comes from the text and verdicts quote it; 5.5: A3 is a warning on Table 1's "MI"
    (no legend nor the article list explains it) and a check on the 7 codes another legend explains."""
    text = " ".join(t for t in markdown_outputs("audit") if "Each finding has a severity" in t)
    assert "Nor does it read the review's body text" not in text
    assert "The rules do not compare the review's body text with the tables" in text
    assert "the exosome size range of W5 is the one yardstick taken from the text" in text
    assert "A3, for one, is a warning where neither a legend of the article nor the article list explains" in text
    a3 = [r for r in _audit_csv() if r["rule"].startswith("A3 ")]
    assert Counter(r["severity"] for r in a3) == {"warning": 1, "check": 7}
