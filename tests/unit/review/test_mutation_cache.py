"""bench/mutation.py removes mutmut's copies of source files that were moved or deleted since the last run."""

from __future__ import annotations

import importlib.util

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
