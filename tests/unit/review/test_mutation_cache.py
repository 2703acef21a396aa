"""bench/mutation.py removes mutmut's copies of source files that were moved or deleted since the last run."""

from __future__ import annotations

import importlib.util

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
