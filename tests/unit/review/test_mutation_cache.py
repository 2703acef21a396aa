"""bench/mutation.py removes mutmut's copies of source files that were moved or deleted since the last run."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import ROOT


def _mutation_module():
    spec = importlib.util.spec_from_file_location("bench_mutation", ROOT / "bench" / "mutation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_copies_of_vanished_sources_are_dropped_and_live_ones_kept(tmp_path):
    mutation = _mutation_module()
    mutation.MUTANTS = tmp_path
    folder = tmp_path / "src" / "review"
    folder.mkdir(parents=True)
    for name in ("site.py", "site.py.meta", "manifest.py", "manifest.py.meta"):
        (folder / name).write_text("x", encoding="utf-8")
    assert mutation.drop_stale_copies() == ["src/review/site.py", "src/review/site.py.meta"]
    assert sorted(p.name for p in folder.iterdir()) == ["manifest.py", "manifest.py.meta"]


# One test file per case: its source, and what unfindable_tests must name. pytest 9 escapes an explicit id in
# place, so a second collection in one process (mutmut's way) escapes it again; ids made from the values are
# made afresh each time.
UNFINDABLE = [
    ("plain-ids", "@pytest.mark.parametrize('x', [1, 2], ids=['one', 'two'])\ndef test_a(x):\n    pass\n", []),
    ("non-ascii-value-id", "@pytest.mark.parametrize('x', ['5 µg'])\ndef test_a(x):\n    pass\n", []),
    (
        "non-ascii-explicit-id",
        "@pytest.mark.parametrize('x', [5], ids=['5 µg'])\ndef test_a(x):\n    pass\n\ndef test_b():\n    pass\n",
        ["tests/test_case.py::test_a"],
    ),
    (
        "backslash-explicit-id",
        "@pytest.mark.parametrize('x', [1], ids=[r'(\\d+) of'])\ndef test_c(x):\n    pass\n",
        ["tests/test_case.py::test_c"],
    ),
]


@pytest.mark.parametrize(("case", "source", "expected"), UNFINDABLE, ids=[c[0] for c in UNFINDABLE])
def test_unfindable_tests_names_the_tests_mutmut_could_not_pass_to_pytest(tmp_path, case, source, expected):
    (tmp_path / "src").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_case.py").write_text("import pytest\n\n" + source, encoding="utf-8")
    assert _mutation_module().unfindable_tests(["tests"], cwd=tmp_path) == expected


def test_a_listed_equivalent_that_a_test_kills_counts_as_killed(monkeypatch):
    # mutmut numbers a function's mutants in order: after an edit, a listed name may stand for a killable change.
    mutation = _mutation_module()
    codes = {"m.x_f__mutmut_1": 1, "m.x_f__mutmut_2": 0, "m.x_f__mutmut_3": 0, "m.x_f__mutmut_4": None}
    monkeypatch.setattr(mutation, "results", lambda: codes)
    monkeypatch.setattr(mutation, "equivalent", lambda: {"m.x_f__mutmut_1": "r", "m.x_f__mutmut_2": "r"})
    [(module, count, score)], total, survivors = mutation.scores(["m"])
    assert (count["killed"], count["equivalent"], count["survived"], count["other"]) == (1, 1, 1, 1)
    assert count["listed, killed"] == 1
    assert survivors == ["m.x_f__mutmut_3"]
    assert score == 100 / 3  # killed / (killed + survived + other)


# A results file as mutmut writes it: one entry per line, sections in its order.
WHOLE = {
    "exit_code_by_key": {"m.x_f__mutmut_1": 1, "m.x_f__mutmut_2": 0, "m.x_g__mutmut_1": None},
    "hash_by_function_name": {"x_f": "ab{c", "x_g": 'd"e'},
    "type_check_error_by_key": {},
    "durations_by_key": {"m.x_f__mutmut_1": 0.5, "m.x_f__mutmut_2": 0.25},
    "estimated_durations_by_key": {"m.x_f__mutmut_1": 0.5, "m.x_f__mutmut_2": 0.25},
}
WHOLE_TEXT = json.dumps(WHOLE, indent=4)


def _cut_after(marker, whole):
    """WHOLE_TEXT cut in the middle of a line, as a killed write leaves it: the line holding ``marker`` and the
    ``whole`` lines after it are kept whole."""
    lines = WHOLE_TEXT.splitlines()
    at = next(i for i, line in enumerate(lines) if marker in line) + 1 + whole
    return "\n".join(lines[:at] + [lines[at][: len(lines[at]) // 2]])


DEPTHS = [
    ("two opened", '{"k": {', 2),
    ("braces inside a string are text", '{"k": "}{"', 1),
    ("an escaped quote does not end the string", r'{"k": "a\"}"', 1),
    ("an escaped backslash does not escape the quote after it", r'{"k": "a\\"}', 0),
    ("all closed", '{"k": {"j": 1}}', 0),
]


@pytest.mark.parametrize(("rule", "text", "depth"), DEPTHS, ids=[c[0] for c in DEPTHS])
def test_depth_counts_the_braces_left_open_outside_strings(rule, text, depth):
    assert _mutation_module()._depth(text) == depth, rule


SALVAGED = [
    (
        "cut in the last section: every earlier entry kept",
        _cut_after('"estimated_durations_by_key"', 1),
        {**WHOLE, "estimated_durations_by_key": {"m.x_f__mutmut_1": 0.5}},
    ),
    (
        "cut among the exit codes: the two whole ones kept, later sections empty (run again, not guessed)",
        _cut_after('"exit_code_by_key"', 2),
        {**{k: {} for k in WHOLE}, "exit_code_by_key": {"m.x_f__mutmut_1": 1, "m.x_f__mutmut_2": 0}},
    ),
    (
        "braces and quotes inside a string do not count",
        _cut_after('"hash_by_function_name"', 2),
        {
            **{k: {} for k in WHOLE},
            "exit_code_by_key": WHOLE["exit_code_by_key"],
            "hash_by_function_name": WHOLE["hash_by_function_name"],
        },
    ),
    ("nothing whole: nothing to keep", '{\n    "exit_co', None),
    ("empty", "", None),
]


@pytest.mark.parametrize(("rule", "text", "expected"), SALVAGED, ids=[c[0] for c in SALVAGED])
def test_salvage_keeps_the_entries_written_whole(rule, text, expected):
    assert _mutation_module().salvage(text) == expected, rule


def test_results_cut_short_are_named_then_repaired_or_removed(tmp_path, monkeypatch):
    # mutmut writes its results in place: a run stopped mid-write leaves a file that is not JSON.
    mutation = _mutation_module()
    monkeypatch.setattr(mutation, "MUTANTS", tmp_path / "mutants")
    monkeypatch.setattr(mutation, "ROOT", tmp_path)
    folder = tmp_path / "mutants" / "src" / "helpers"
    folder.mkdir(parents=True)
    (folder / "good.py.meta").write_text('{"exit_code_by_key": {"helpers.good.x_f__mutmut_1": 1}}', encoding="utf-8")
    (folder / "cut.py.meta").write_text(_cut_after('"exit_code_by_key"', 2), encoding="utf-8")
    (folder / "lost.py.meta").write_text("{", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"mutants/src/helpers/cut\.py\.meta is cut short"):
        mutation.results()
    assert mutation.repair_cut_results() == ["src/helpers/cut.py.meta", "src/helpers/lost.py.meta"]
    assert sorted(p.name for p in folder.iterdir()) == ["cut.py.meta", "good.py.meta"]
    assert mutation.results() == {"helpers.good.x_f__mutmut_1": 1, "m.x_f__mutmut_1": 1, "m.x_f__mutmut_2": 0}
    assert mutation.repair_cut_results() == []


def test_a_fresh_map_removes_mutmuts_test_map_only(tmp_path, monkeypatch):
    # mutmut maps a test to the functions it reaches only when it first sees the test.
    mutation = _mutation_module()
    monkeypatch.setattr(mutation, "MUTANTS", tmp_path)
    (tmp_path / "mutmut-stats.json").write_text("{}", encoding="utf-8")
    (tmp_path / "mutmut-cicd-stats.json").write_text("{}", encoding="utf-8")
    assert mutation.drop_test_map() is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mutmut-cicd-stats.json"]
    assert mutation.drop_test_map() is False


def test_mutants_no_test_reaches_are_counted_apart_within_other(monkeypatch):
    mutation = _mutation_module()
    codes = {"m.x_f__mutmut_1": 33, "m.x_f__mutmut_2": None, "m.x_f__mutmut_3": 1}
    monkeypatch.setattr(mutation, "results", lambda: codes)
    monkeypatch.setattr(mutation, "equivalent", lambda: {})
    [(_, count, score)], total, _ = mutation.scores(["m"])
    assert (count["other"], count["no test"], total["no test"]) == (2, 1, 1)
    assert score == 100 / 3
