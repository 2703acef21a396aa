"""The audit of the project's data is remembered between notebooks, per set of rules (helpers.audit.runner)."""

from __future__ import annotations

import pytest

from helpers.audit import runner
from helpers.core import memo, paths, runrecord


@pytest.fixture
def memo_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(memo, "MEMO_DIR", tmp_path / "memo")
    return tmp_path / "memo"


def _run(chosen):
    with runrecord.reads_within() as seen:
        found = runner.findings(chosen)
    return found, {paths.relative(p) for p in seen}


@pytest.mark.parametrize("chosen", ["all", ("R3",), ("A1", "L4")])
def test_a_remembered_audit_is_the_computed_one_and_reads_the_same_files(memo_dir, chosen):
    computed, read_computing = _run(chosen)
    assert len(list(memo_dir.glob("audit-*.pickle"))) == 1
    remembered, read_remembering = _run(chosen)
    assert remembered == computed and all(type(f) is runner.Finding for f in remembered)
    assert read_remembering == read_computing  # the build's fingerprint is the same with or without the memo
    ids = tuple(runner.RULES) if chosen == "all" else chosen
    assert computed == runner.findings(ids, runner.inputs({n for i in ids for n in runner.RULES[i].needs}))


def test_each_set_of_rules_has_its_own_entry_and_reads_only_its_files(memo_dir):
    """A notebook that asks for R3 alone must not come to depend on every file the whole audit reads."""
    _, everything = _run("all")
    _, for_r3 = _run(("R3",))
    assert len(list(memo_dir.glob("audit-*.pickle"))) == 2
    assert for_r3 < everything
    assert "data/tissue_sources.csv" in everything and "data/tissue_sources.csv" not in for_r3
