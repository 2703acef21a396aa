"""Mutation check: break one key guard at a time and see whether the tests notice.

Usage: ``.venv/bin/python bench/mutants.py [--only NAME ...] [--skip-slow] [--no-baseline]``

Each mutant is a hand-written, one-place change to a guard the project's
guarantees rest on (the canonical-folder refusal, fingerprint inputs, the
atomic write, verify, parameter validation, dose parsing, ...). For each,
``src/`` is copied to a temporary folder, the change applied there, and the
tests that should catch it run with that copy first on ``PYTHONPATH`` (the
build's subprocesses and kernels inherit it); the real tree is never
touched. A mutant is *caught* when those tests fail, *survived* when they
pass. First the same tests run on the unchanged copy (the baseline): a
failure there makes every verdict meaningless, so the script stops.

The score is printed at the end and recorded in docs/RELIABILITY.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str  # under src/
    old: str
    new: str
    tests: tuple[str, ...]  # pytest arguments
    slow: bool = False


MUTANTS = [
    # Only guards that mutmut (make mutation) does not reach: modules it does not mutate, or
    # guards whose tests are integration builds or kernels. The mutants of params, fingerprint,
    # manifest and quantities moved to mutmut, which generates them and many more.
    Mutant(
        "papermill: names injected but not declared no longer refused",
        "helpers/notebook/session.py",
        "    check_declared(exhibit, {name: None for name in injected(namespace)}, defaults)",
        "    injected(namespace)",
        ("tests/unit/notebook/test_params.py", "-k", "papermill_injected"),
    ),
    Mutant(
        "atomic write: the new bytes copied over the old file in place",
        "helpers/core/files.py",
        "        os.replace(tmp, path)",
        "        __import__('shutil').copyfile(tmp, path)\n        os.unlink(tmp)",
        ("tests/unit/outputs/test_formats.py", "-k", "write_bytes"),
    ),
    Mutant(
        "atomic write: a failed write leaves its temporary behind",
        "helpers/core/files.py",
        "        Path(tmp).unlink(missing_ok=True)\n        raise",
        "        raise",
        ("tests/unit/outputs/test_formats.py", "-k", "failed_write"),
    ),
    Mutant(
        "lock: a second build runs beside the first",
        "review/publish.py",
        '            raise LockHeld("another build is running (lock .cache/build.lock is held); wait for it")'
        " from None",
        "            pass",
        ("tests/integration/test_build.py", "-k", "second_build"),
    ),
    Mutant(
        "publish: the journal's moves are not replayed after a crash",
        "review/publish.py",
        "        if src.exists():",
        "        if False:",
        ("tests/integration/test_build.py", "-k", "publish_interrupted"),
    ),
    Mutant(
        "data: a byte-order mark read silently",
        "review/build.py",
        '    if raw.startswith(b"\\xef\\xbb\\xbf"):',
        "    if False:",
        ("tests/integration/test_errors.py", "-k", "byte-order"),
    ),
    Mutant(
        "data: invalid UTF-8 left to frictionless",
        "helpers/data/curated.py",
        '        _check_utf8(data_dir / resource["path"])',
        "        pass",
        ("tests/integration/test_errors.py", "-k", "utf8"),
    ),
    Mutant(
        "memo: a remembered frame used although a file it read has changed",
        "helpers/core/memo.py",
        "    if reads is not None and all(_sha256(paths.ROOT / rel) == digest for rel, digest in reads.items()):",
        "    if reads is not None:",
        ("tests/unit/core/test_memo.py",),
    ),
    Mutant(
        "kernels: a timed-out cell or dead kernel no longer named",
        "review/kernels.py",
        "    return NotebookFailed(name, cell_number, type(exc).__name__, text)",
        "    return NotebookFailed(name, None, type(exc).__name__, text)",
        ("tests/unit/review/test_kernels.py", "-k", "hangs"),
    ),
    Mutant(
        "Ctrl-C: reported as an ordinary failure (exit 1)",
        "review/cli.py",
        "        return EXIT_INTERRUPTED\n",
        "        return EXIT_FAILED\n",
        ("tests/integration/test_faults.py", "-k", "ctrl_c"),
        slow=True,
    ),
]


def _copy_source(work: Path) -> Path:
    src = work / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    return src


def _pytest(src: Path, args: tuple[str, ...]) -> tuple[bool, float, str]:
    env = {**os.environ, "PYTHONPATH": str(src), "REVIEW_ROOT": str(ROOT)}
    env.pop("PYTEST_ADDOPTS", None)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "no:xdist", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    tail = (done.stdout.strip().splitlines() or [""])[-1]
    return done.returncode == 0, time.perf_counter() - started, tail


def apply(src: Path, mutant: Mutant) -> None:
    path = src / mutant.path
    text = path.read_text(encoding="utf-8")
    if text.count(mutant.old) != 1:
        raise SystemExit(f"{mutant.name}: the guard is not in {mutant.path} exactly once; update this mutant")
    path.write_text(text.replace(mutant.old, mutant.new), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", help="names (substrings) of the mutants to run")
    parser.add_argument("--skip-slow", action="store_true", help="leave out mutants whose tests take minutes")
    parser.add_argument("--no-baseline", action="store_true", help="do not first run the tests unmutated")
    args = parser.parse_args()
    chosen = [
        m for m in MUTANTS if (not args.only or any(o in m.name for o in args.only)) and not (args.skip_slow and m.slow)
    ]
    with tempfile.TemporaryDirectory(prefix="review-mutants-") as tmp:
        if not args.no_baseline:
            src = _copy_source(Path(tmp) / "baseline")
            for mutant in chosen:
                apply(_copy_source(Path(tmp) / "check"), mutant)  # every guard is where the mutant expects it
                shutil.rmtree(Path(tmp) / "check")
                ok, seconds, tail = _pytest(src, mutant.tests)
                if not ok:
                    raise SystemExit(f"baseline: {' '.join(mutant.tests)} fails unmutated ({tail}); fix that first")
            print(f"baseline: the tests of {len(chosen)} mutants pass on the unchanged source")
        caught = 0
        for number, mutant in enumerate(chosen, start=1):
            work = Path(tmp) / f"m{number}"
            src = _copy_source(work)
            apply(src, mutant)
            ok, seconds, tail = _pytest(src, mutant.tests)
            caught += not ok
            verdict = "SURVIVED" if ok else "caught  "
            print(f"{verdict} {mutant.name} [{mutant.path}; {' '.join(mutant.tests)}; {seconds:.0f} s: {tail}]")
            shutil.rmtree(work)
    print(f"\nmutation score: {caught} of {len(chosen)} caught ({100 * caught / max(1, len(chosen)):.0f}%)")
    return 0 if caught == len(chosen) else 1


if __name__ == "__main__":
    raise SystemExit(main())
