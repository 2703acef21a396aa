"""Mutation testing with mutmut, and the score per module (``make mutation``).

mutmut (configured in ``[tool.mutmut]`` of pyproject.toml) mutates the
science and safety modules in a copy of the tree under ``mutants/`` and runs,
for each mutant, the unit tests that reach the mutated function within two
calls of project code (``max_stack_depth = 3``: the unit tests of its layer,
not every test that builds the coded dataset on the way). Its results
stay in ``mutants/`` between runs: a mutant is run again only when its
function, or a test, changed. This script runs it on the modules asked for
(all configured modules by default), then prints one line per module:

    module                               killed  survived  equivalent  other  score

``score`` is killed / (killed + survived + other): mutants listed in
``bench/mutation_equivalent.txt`` (with the reason each changes nothing a
test could observe) are left out of the denominator; ``other`` counts those
mutmut could not decide (no test reached them, suspicious, not run yet).

Usage::

    python bench/mutation.py [--jobs N] [--score-only | --survivors] [--fresh-map]
                             [--min-module 90] [--min-total 95] [MODULE ...]
    python bench/mutation.py --show-equivalent [MODULE ...]

``--show-equivalent`` prints each listed equivalent mutant's change as mutmut now
generates it, beside its reason: mutmut numbers the mutants of a function in
order, so an edit of the function can give a listed name another change, and the
reason must be read again against it. A name whose function no longer exists is
marked ``gone``.

MODULE is a dotted module name (``helpers.data.derive.doses``) or a prefix
(``helpers.audit``). The exit status is 1 when a module that ran scores
below ``--min-module`` or all of them together below ``--min-total``.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
EQUIVALENT = ROOT / "bench" / "mutation_equivalent.txt"

#: mutmut's exit codes (mutmut.stats.status_by_exit_code) folded into what the score needs.
KILLED_CODES = {1, 3, 36, 24, -24, 152, 255, 37}  # failed, pytest error, timeout, type check
SURVIVED_CODES = {0}


def _config() -> dict:
    """``[tool.mutmut]`` of pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]


def configured_modules() -> list[str]:
    """Dotted names of the modules ``[tool.mutmut] only_mutate`` selects (globs expanded)."""
    config = _config()
    modules = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if path.name != "__init__.py" and any(fnmatch.fnmatch(relative, p) for p in config["only_mutate"]):
            modules.append(".".join(path.relative_to(ROOT / "src").with_suffix("").parts))
    return modules


def equivalent() -> dict[str, str]:
    """``{mutant name: reason}`` from bench/mutation_equivalent.txt (``name  reason`` lines, # comments)."""
    if not EQUIVALENT.exists():
        return {}
    out = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            out[name] = reason.strip()
    return out


def module_of(mutant: str) -> str:
    """``helpers.data.tags.x_compile_pattern__mutmut_3`` -> ``helpers.data.tags``."""
    return mutant.rsplit(".", 1)[0]


def results() -> dict[str, int | None]:
    """Every mutant's last exit code, from mutmut's ``*.meta`` files in mutants/."""
    out: dict[str, int | None] = {}
    for meta in MUTANTS.rglob("*.py.meta"):
        try:
            out.update(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise SystemExit(
                f"mutation: {meta.relative_to(ROOT).as_posix()} is cut short (an interrupted run?): {exc}; "
                "run make mutation again, which keeps its complete entries and runs the lost ones again"
            ) from None
    return out


def scores(modules: list[str]) -> tuple[list[tuple], Counter, list[str]]:
    """Per-module counts and score, the totals, and the names of surviving mutants."""
    codes, known = results(), equivalent()
    rows, total, survivors = [], Counter(), []
    for module in modules:
        mine = {k: v for k, v in codes.items() if module_of(k) == module}
        count = Counter()
        for name, code in mine.items():
            # A listed name is counted killed when a test kills it: mutmut numbers a function's mutants in
            # order, so after an edit a listed name can stand for another change (--show-equivalent).
            if code in KILLED_CODES:
                count["killed"] += 1
                if name in known:
                    count["listed, killed"] += 1
            elif name in known:
                count["equivalent"] += 1
            elif code in SURVIVED_CODES:
                count["survived"] += 1
                survivors.append(name)
            else:
                count["other"] += 1
                count["no test"] += code == 33  # mutmut's "no tests": no test in its map reaches the function
        decided = count["killed"] + count["survived"] + count["other"]
        score = 100 * count["killed"] / decided if decided else None
        rows.append((module, count, score))
        total.update(count)
    return rows, total, survivors


#: Run by :func:`unfindable_tests` in a child process: two collections in one process, as mutmut does, and
#: the ids of the first that the second does not give again, one per line.
_COLLECT_TWICE = """
import sys, pytest
class Ids:
    def pytest_collection_finish(self, session):
        self.ids = [item.nodeid for item in session.items]
first, second = Ids(), Ids()
for plugin in (first, second):
    pytest.main(["--collect-only", "-qqq", "-p", "no:cacheprovider", *sys.argv[1:]], plugins=[plugin])
print("\\n".join(sorted(set(getattr(first, "ids", [])) - set(getattr(second, "ids", [])))))
"""


def unfindable_tests(selection: list[str], cwd: Path = ROOT) -> list[str]:
    """Tests whose ids change when pytest collects them a second time in one process, as ``file::function``.

    mutmut runs pytest in its own process several times (listing the tests, recording which reach which
    function, then the runs) and passes the ids of the first to the later ones. pytest 9 escapes an id given
    by an explicit ``ids=`` list in place, so the second collection escapes it again: an id with a backslash
    or a non-ASCII letter (``µ``, ``κ``) doubles its backslashes, is not found, and every mutmut run stops
    with "Failed to run pytest", naming no test. Checked before mutmut starts, so the message names them.

    Parameters
    ----------
    selection : list of str
        The test paths and options mutmut collects from (``pytest_add_cli_args_test_selection``).
    cwd : Path
        The project whose tests are collected.
    """
    done = subprocess.run(
        [sys.executable, "-c", _COLLECT_TWICE, *selection],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(cwd / "src")},
    )
    if done.returncode != 0:
        raise RuntimeError(f"collecting the tests failed: {done.stderr.strip()[-500:]}")
    lost = [line for line in done.stdout.splitlines() if "::" in line]
    return sorted({line.split("[", 1)[0] for line in lost})


#: The sections of a ``*.py.meta`` file that mutmut's loader reads (mutmut.mutation.data); a repaired file
#: lacking one gets it empty, which mutmut reads as "not run yet" or "changed", never as a verdict.
META_SECTIONS = (
    "exit_code_by_key",
    "hash_by_function_name",
    "type_check_error_by_key",
    "durations_by_key",
    "estimated_durations_by_key",
)


def _depth(text: str) -> int:
    """How many ``{`` of ``text`` are still open, braces inside JSON strings not counted."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            escaped, in_string = (False, in_string) if escaped else (char == "\\", char != '"')
        elif char == '"':
            in_string = True
        elif char in "{}":
            depth += 1 if char == "{" else -1
    return depth


def salvage(text: str) -> dict | None:
    """The complete entries of a results file cut short, or None when not even its first line is whole.

    mutmut writes one entry per line. The last lines are dropped one at a time until the rest, its trailing comma
    removed and its open braces closed, is JSON: every entry kept was written whole, so no verdict is guessed.
    """
    lines = text.splitlines()
    while lines:
        head = "\n".join(lines).rstrip().removesuffix(",")
        try:
            data = json.loads(head + "}" * _depth(head))
        except json.JSONDecodeError:
            lines.pop()
            continue
        return {section: data.get(section, {}) for section in META_SECTIONS} if data else None
    return None


def repair_cut_results() -> list[str]:
    """Repair mutmut's result files (``*.py.meta``) that an interrupted run left cut short.

    mutmut writes a module's results in place, so a run stopped while writing (a killed job, a full disk) leaves
    a file that is not JSON, and every later run stops on it with a bare ``JSONDecodeError``. The complete
    entries are kept (:func:`salvage`); the mutants whose entries were lost are run again. A file with nothing
    to keep is removed, and its module's mutants are all run again.
    """
    cut = []
    for meta in sorted(MUTANTS.rglob("*.py.meta")) if MUTANTS.is_dir() else []:
        text = meta.read_text(encoding="utf-8", errors="replace")
        try:
            json.loads(text)
            continue
        except json.JSONDecodeError:
            pass
        kept = salvage(text)
        if kept is None:
            meta.unlink()
        else:
            meta.write_text(json.dumps(kept, indent=4) + "\n", encoding="utf-8")
        cut.append(meta.relative_to(MUTANTS).as_posix())
    return cut


def drop_test_map() -> bool:
    """Remove mutmut's map of which tests reach which function, so the next run makes it anew.

    mutmut records the functions each test reaches once, when it first sees the test, and afterwards only for
    tests it has not seen. A function split out of another, or newly called, since then is reached by old
    tests the map does not list: its mutants read as "no test" (other) or survive tests that would kill them.
    A fresh clone makes the whole map; after such a refactor, ``--fresh-map`` does the same here.
    """
    stats = MUTANTS / "mutmut-stats.json"
    if stats.exists():
        stats.unlink()
        return True
    return False


def drop_stale_copies() -> list[str]:
    """Remove mutmut's copies of source files that no longer exist in src/ (moved or deleted).

    mutmut refreshes the files it mutates but keeps the rest of its copy of the tree,
    so a module moved since the last run stays in ``mutants/src`` and the tests that
    scan ``src/`` (one source per fact, the import contracts) see it there.
    """
    gone = []
    copy = MUTANTS / "src"
    for path in sorted(copy.rglob("*")) if copy.is_dir() else []:
        original = ROOT / "src" / path.relative_to(copy)
        if (
            path.is_file()
            and path.suffix in (".py", ".meta")
            and not original.with_suffix("" if path.suffix == ".meta" else ".py").exists()
        ):
            path.unlink()
            gone.append(path.relative_to(MUTANTS).as_posix())
    return gone


def show_equivalent(modules: list[str]) -> int:
    """Print each listed equivalent mutant of these modules: its reason and its change today."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    chosen, sources, gone = set(modules), {}, 0
    for name, reason in equivalent().items():
        if module_of(name) not in chosen:
            continue
        path = MUTANTS / "src" / (module_of(name).replace(".", "/") + ".py")
        try:
            source = sources.setdefault(path, path.read_text(encoding="utf-8"))
            diff = get_diff_for_mutant(name, source=source, path=str(path))
        except Exception as exc:  # noqa: BLE001 - mutmut raises several kinds for a name it does not find
            gone += 1
            print(f"{name}  gone ({type(exc).__name__}): {reason}")
            continue
        change = [line for line in diff.splitlines()[2:] if line[:1] in "+-"]
        print(f"{name}  {reason}")
        print("\n".join(f"    {line}" for line in change))
    return 1 if gone else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="dotted module names or prefixes (default: every configured one)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants at once (mutmut --max-children)")
    parser.add_argument("--score-only", action="store_true", help="print the scores of the last runs, run nothing")
    parser.add_argument(
        "--survivors", action="store_true", help="run again only the mutants of these modules not killed last time"
    )
    parser.add_argument(
        "--show-equivalent", action="store_true", help="print each listed equivalent mutant's change beside its reason"
    )
    parser.add_argument(
        "--fresh-map",
        action="store_true",
        help="make mutmut's map of which tests reach which function anew (after functions were split or moved)",
    )
    parser.add_argument("--min-module", type=float, default=90.0)
    parser.add_argument("--min-total", type=float, default=95.0)
    args = parser.parse_args(argv)

    every = configured_modules()
    chosen = [m for m in every if not args.modules or any(m == a or m.startswith(a + ".") for a in args.modules)]
    if not chosen:
        parser.error(f"no configured module matches {args.modules}; configured: {', '.join(every)}")
    if args.show_equivalent:
        return show_equivalent(chosen)
    if not args.score_only:
        config = _config()
        lost = unfindable_tests(config["pytest_add_cli_args_test_selection"] + config.get("pytest_add_cli_args", []))
        if lost:
            print("mutation: pytest cannot find these tests again by the ids it prints, so mutmut cannot run them;")
            print("give their cases plain ASCII ids (no backslash):")
            print("\n".join(f"    {name}" for name in lost))
            return 2
        for name in repair_cut_results():
            print(f"mutation: {name} was cut short by an interrupted run; its lost results are run again")
        for name in drop_stale_copies():
            print(f"mutation: removed {name}, whose source file no longer exists")
        if args.fresh_map and drop_test_map():
            print("mutation: mutmut's test map removed; it is made anew from every test (a few minutes)")
        mutmut = Path(sys.executable).with_name("mutmut")
        # Named mutants are always run again (mutmut's rule); without names only those
        # not yet decided, or whose function changed, run: the cache of a full run.
        globs = [f"{m}.*" for m in chosen] if args.modules else []
        if args.survivors:
            # survivors, and those no test reached before: a new test may reach them now
            known, chosen_set = equivalent(), set(chosen)
            globs = sorted(
                name
                for name, code in results().items()
                if module_of(name) in chosen_set and name not in known and code not in KILLED_CODES
            )
            if not globs:
                print("no surviving mutant to run again")
        if globs or not args.survivors:
            # Each surviving mutant of params.py runs its ~140 tests; the hypothesis fuzz test
            # alone takes 400 examples. 40 are enough for a mutant (the table-driven tests do the
            # killing); make test keeps 400. FUZZ_EXAMPLES set by the caller wins.
            env = {**os.environ, "FUZZ_EXAMPLES": os.environ.get("FUZZ_EXAMPLES", "40")}
            run = subprocess.run([str(mutmut), "run", "--max-children", str(args.jobs), *globs], cwd=ROOT, env=env)
            if run.returncode not in (0, 1):  # mutmut exits 1 when mutants survive; anything else is a failure to run
                return run.returncode

    rows, total, survivors = scores(chosen)
    print(f"{'module':<38} {'killed':>6} {'survived':>8} {'equivalent':>10} {'other':>5} {'score':>7}")
    failed = False
    for module, count, score in rows:
        shown = "   -   " if score is None else f"{score:6.1f}%"
        print(
            f"{module:<38} {count['killed']:>6} {count['survived']:>8} {count['equivalent']:>10} "
            f"{count['other']:>5} {shown:>7}"
        )
        failed |= score is not None and score < args.min_module
    decided = total["killed"] + total["survived"] + total["other"]
    overall = 100 * total["killed"] / decided if decided else None
    print(
        f"{'all':<38} {total['killed']:>6} {total['survived']:>8} {total['equivalent']:>10} {total['other']:>5} "
        + ("   -   " if overall is None else f"{overall:6.1f}%")
    )
    for name in sorted(survivors):
        print(f"survived: {name}  (mutmut show {name})")
    if total["no test"]:
        print(
            f"{total['no test']} mutants have no test in mutmut's map. If their functions were split out or newly "
            "called since the map was made, run again with --fresh-map --survivors"
        )
    if total["listed, killed"]:
        print(
            f"{total['listed, killed']} mutants listed as equivalent were killed, so counted killed: after an edit of "
            "their function the names stand for other changes (check the list with --show-equivalent)"
        )
    failed |= overall is not None and overall < args.min_total
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
