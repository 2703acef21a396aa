"""Benchmark the build against the obvious alternatives, side by side, in one run.

Usage: ``.venv/bin/python bench/bench.py [--repeat N]`` (or ``make bench``).

Everything runs on a throw-away copy of the project (``REVIEW_ROOT``), on the
same notebooks, in one process run, so the ratios compare like with like on
this noisy 2-core machine. Printed, in seconds and as ratios:

* ``review build --force``: the full parallel build;
* ``review build``: a no-op rebuild;
* ``review build`` after editing one data file, and which notebooks reran;
* ``review build`` after editing a module of the build tool (none may rerun);
* a sequential loop of ``papermill`` CLI calls;
* a loop of ``jupyter nbconvert --execute``;
* the in-process lower bound: every notebook's code as plain Python in one
  process (no kernels, no notebook I/O);
* ``review site``: the static site rendered from scratch after a full build,
  a no-op render, and renders after one notebook or one figure's PNG changed
  (which outputs were re-rendered);
* a no-op ``make`` (exhibits and site), as a user types it;
* the site's views (``make views``): every declared view built cold, on the
  sweep's warm kernels, and a no-op ``make views``, with how many views each reran.
  ``--views-only [ID ...]`` times only these two (of these exhibits or view slugs).

``--setup`` measures instead the first run of a fresh clone, side by side:
two ``git clone``s of HEAD, one set up with uv (``make``'s default) and one
with ``INSTALLER=pip``; for each, ``make setup`` (the environment) and then
``make`` (the build of every notebook and the site, split by their own summary
lines), and ``make test`` on the uv clone. Target: a fresh ``make`` <= 25 s
on 2 cores. Package caches (uv's and pip's) are used as they are; add
``--cold`` to give both installers empty caches (everything downloaded).

The build rows pass ``--no-site`` so they time the build alone, as before the
site existed; the site has rows of its own.

Targets (from the issue): full build >= 3x faster than the papermill loop;
no-op rebuild < 0.5 s and >= 20x faster than the full build; a one-file edit
reruns only the notebooks that read that file; editing a build-tool module
reruns no notebook; on 100 times the data (``bench/scale.py``, ``--scale``) a
full build takes <= 3x the normal one and every executed notebook stays under
2 MB (peak memory reported); the site renders in <= 30 s after a full build; a no-op
``make`` takes < 1 s; a one-notebook change re-renders only its page, and
the gallery only when a thumbnail changed; all views on 2 cores in <= 90 s cold,
and a no-op ``make views`` in <= 1 s that reruns no view.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))
# The bench copies the project exactly as the tests do: one list of what a copy needs.
from tests.conftest import copy_project as _copy_project  # noqa: E402


def _timed(cmd: list[str], env: dict, cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed, done.stdout


def _listed(stdout: str, label: str) -> set[str]:
    """The names on the ``<label>:`` lines of a quiet ``review build`` or ``review site``."""
    return {
        name.strip()
        for line in stdout.splitlines()
        if line.startswith(f"{label}:")
        for name in line.split(":", 1)[1].split(",")
    }


#: Seconds of each notebook in the last in-process run, printed beside the totals (where the time goes).
PER_NOTEBOOK: dict[str, float] = {}


def _forget(project: Path) -> None:
    """Start a measurement with nothing remembered (:mod:`helpers.core.memo`), so every alternative computes the audit.

    The loops and the in-process bound ran in one copy after one another, so
    all but the first found the audit remembered by the one before, while the
    full build had to compute it: the bound was cheaper by the audit's own time.
    """
    shutil.rmtree(project / ".cache" / "memo", ignore_errors=True)


def _in_process(project: Path, notebooks: list[Path]) -> float:
    """Run every notebook's code cells as plain Python in this one process; note each notebook's time."""
    os.environ["REVIEW_ROOT"] = str(project)
    sys.path.insert(0, str(ROOT / "src"))
    start = time.perf_counter()
    for notebook in notebooks:
        began = time.perf_counter()
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, str(notebook), "exec"), {"__name__": "__main__"})  # noqa: S102
        import matplotlib.pyplot as plt

        plt.close("all")  # as the build's kernel reset does between notebooks
        PER_NOTEBOOK[notebook.stem] = time.perf_counter() - began
    return time.perf_counter() - start


#: What a site render after each edit must re-render, and nothing else.
SITE_EDITS = {
    "notebook": {"exhibits/table4.html"},
    "figure": {"exhibits/trials.html", "thumbs/trials.png", "gallery.html"},
}


def _site_rows(rows: dict[str, float], project: Path, env: dict, median) -> dict[str, set[str]]:
    """Time the site: a render from scratch, a no-op, a no-op ``make``, and two one-exhibit edits."""
    site = [str(BIN / "python"), "-m", "review", "site"]

    def from_scratch() -> float:
        shutil.rmtree(project / "site", ignore_errors=True)
        return _timed(site, env, project)[0]

    rows["review site (full render after a full build)"] = median(from_scratch)
    rows["review site (no-op)"] = median(lambda: _timed(site, env, project)[0])
    # The Makefile as a user runs it, against the copy; -o keeps make from refreshing .venv's stamp.
    make = ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed", "build"]
    rows["make (no-op: exhibits and site)"] = median(lambda: _timed(make, env, project)[0])

    reran: dict[str, set[str]] = {"notebook": set(), "figure": set()}
    notebook = project / "notebooks" / "table4.ipynb"
    figure, other = project / "figures" / "trials.png", project / "figures" / "design.png"

    def edited(kind: str, path: Path, change) -> float:
        original = path.read_bytes()
        change()
        seconds, out = _timed(site, env, project)
        reran[kind].update(_listed(out, "site rendered"))
        path.write_bytes(original)
        _timed(site, env, project)  # back to the built state
        return seconds

    def edit_notebook() -> None:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        cell = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
        cell["source"] = "".join(cell["source"]) + "\n\nAn edited sentence."
        notebook.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    rows["review site after editing one notebook"] = median(lambda: edited("notebook", notebook, edit_notebook))
    rows["review site after one figure's PNG changed"] = median(
        lambda: edited("figure", figure, lambda: figure.write_bytes(other.read_bytes()))
    )
    return reran


def _site_targets(rows: dict[str, float], reran: dict[str, set[str]]) -> None:
    full_site = rows["review site (full render after a full build)"]
    verdict = "MET" if full_site <= 30 else "NOT MET"
    print(f"  site render after a full build: {full_site:.2f} s (target <= 30 s): {verdict}")
    make = rows["make (no-op: exhibits and site)"]
    print(f"  no-op make, exhibits and site: {make:.3f} s (target < 1 s): {'MET' if make < 1 else 'NOT MET'}")
    for kind, expected in SITE_EDITS.items():
        verdict = "MET" if reran[kind] == expected else "NOT MET"
        print(f"  {kind} edit re-rendered {sorted(reran[kind])}; expected {sorted(expected)}: {verdict}")


def _views_rows(rows: dict[str, float], project: Path, env: dict, median, only: list[str]) -> dict[str, int]:
    """Time the views: every declared view from nothing (no run, no state), then a no-op ``make views``.

    Returns how many views each reran (from ``review site --views``' summary line), so the
    no-op is judged by what it ran, not only by its time.
    """
    limit = ["--only", *only] if only else []
    views = [str(BIN / "python"), "-m", "review", "site", "--views", "--quiet", *limit]
    ran: dict[str, int] = {}

    def cold() -> float:
        shutil.rmtree(project / "runs", ignore_errors=True)
        (project / ".cache" / "views-state.json").unlink(missing_ok=True)
        seconds, out = _timed(views, env, project)
        ran["cold"] = _views_ran(out)
        return seconds

    rows["all views, cold (review site --views)"] = median(cold)
    make = ["make", "--no-print-directory", "-C", str(ROOT), "-o", ".venv/.installed", "views"]
    make += [f"ONLY={' '.join(only)}"] if only else []

    def noop() -> float:
        seconds, out = _timed(make, env, project)
        ran["no-op"] = _views_ran(out)
        return seconds

    rows["make views (no-op)"] = median(noop)
    return ran


def _views_ran(stdout: str) -> int:
    """N of the ``views: N ran, ...`` line."""
    line = next(line for line in stdout.splitlines() if line.startswith("views: "))
    return int(line.split()[1])


def _views_targets(rows: dict[str, float], ran: dict[str, int]) -> None:
    cold, noop = rows["all views, cold (review site --views)"], rows["make views (no-op)"]
    print(
        f"  all views cold: {ran['cold']} views in {cold:.1f} s (target <= 90 s): {'MET' if cold <= 90 else 'NOT MET'}"
    )
    verdict = "MET" if noop <= 1 and ran["no-op"] == 0 else "NOT MET"
    print(f"  no-op make views: {noop:.3f} s, {ran['no-op']} views rerun (target <= 1 s, none rerun): {verdict}")


def _views_only(only: list[str]) -> int:
    """``--views-only``: the two views rows alone, on a fresh copy of the project."""
    work = Path(tempfile.mkdtemp(prefix="review-bench-"))
    try:
        project = _copy_project(work / "project")
        env = {**os.environ, "REVIEW_ROOT": str(project)}
        # Built and rendered first, as after `make`: the cold row then times the views, not the first render.
        _timed([str(BIN / "python"), "-m", "review", "build", "--quiet"], env, project)
        rows: dict[str, float] = {}
        ran = _views_rows(rows, project, env, lambda fn: fn(), only)
        for name, seconds in rows.items():
            print(f"{name:<52} {seconds:8.2f}")
        print("\ntargets")
        _views_targets(rows, ran)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


#: Prints the peak resident memory (kB) of the largest process a command started, the kernels included.
_PEAK = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
    "print(done.stdout, done.stderr, file=sys.stderr) if done.returncode else None; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)"
)


def _scale_rows(rows: dict[str, float], work: Path, median, factor: int) -> dict:
    """Time a full build on data ``factor`` times larger (bench/scale.py); measure notebook sizes and peak memory."""
    sys.path.insert(0, str(ROOT / "bench"))
    import scale

    scaled = _copy_project(work / f"scaled-{factor}")
    counts = scale.scale(scaled / "data", factor)
    scale.validate(scaled)
    env = {**os.environ, "REVIEW_ROOT": str(scaled)}
    command = [str(BIN / "python"), "-c", _PEAK, str(BIN / "python"), "-m", "review", "build", "-q", "--no-site"]
    peaks: list[int] = []

    def full() -> float:
        _forget(scaled)  # a cold build
        seconds, out = _timed([*command, "--force"], env, scaled)
        peaks.append(int(out.split()[-1]))
        return seconds

    rows[f"review build --force on {factor}x data (bench/scale.py)"] = median(full)
    sizes = {p.stem: p.stat().st_size for p in (scaled / "notebooks").glob("*.ipynb")}
    return {"counts": counts, "sizes": sizes, "peak_mb": max(peaks) / 1024}


def _scale_targets(rows: dict[str, float], factor: int, scaled: dict) -> None:
    full = rows["review build --force (full, parallel)"]
    seconds = rows[f"review build --force on {factor}x data (bench/scale.py)"]
    print(
        f"  full build on {factor}x data ({', '.join(f'{k} {v}' for k, v in scaled['counts'].items())} rows): "
        f"{seconds / full:.1f}x the normal full build (target <= 3x): {'MET' if seconds <= 3 * full else 'NOT MET'}"
    )
    big = {name: size for name, size in sorted(scaled["sizes"].items()) if size >= 2 * 1024 * 1024}
    largest = max(scaled["sizes"], key=scaled["sizes"].get)
    print(
        f"  executed notebooks on {factor}x data: largest {largest} {scaled['sizes'][largest] / 1e6:.2f} MB "
        f"(target < 2 MB each): {'MET' if not big else 'NOT MET: ' + ', '.join(big)}"
    )
    print(f"  peak memory of one process (build or kernel) on {factor}x data: {scaled['peak_mb']:.0f} MB")


#: Variables of a calling make or shell that must not steer a fresh clone's make.
_INHERITED = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "REVIEW_ROOT", "VIRTUAL_ENV", "PYTHONPATH")


def _seconds_on(stdout: str, prefix: str) -> float:
    """The seconds on the line starting with ``prefix`` ("build finished in 6.78 s" gives 6.78)."""
    line = next(line for line in stdout.splitlines() if line.startswith(prefix))
    return float(line[len(prefix) :].split()[0])


def _setup_bench(cold: bool) -> int:
    """A fresh clone's ``make`` with uv against pip, and ``make test``, in one run (``--setup``)."""
    work = Path(tempfile.mkdtemp(prefix="review-setup-bench-"))
    try:
        (work / "shared").symlink_to((ROOT.parent / "shared").resolve())  # the tests read ../shared/seed
        env = {k: v for k, v in os.environ.items() if k not in _INHERITED}
        if cold:
            env |= {"UV_CACHE_DIR": str(work / "uv-cache"), "PIP_CACHE_DIR": str(work / "pip-cache")}
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
        rows: dict[str, dict[str, float]] = {}
        for installer in ("uv", "pip"):
            clone = work / installer
            _timed(["git", "clone", "--quiet", str(ROOT), str(clone)], env, work)
            _timed(["git", "-C", str(clone), "checkout", "--quiet", "--detach", head.strip()], env, work)
            make = ["make", "--no-print-directory", "-C", str(clone), f"INSTALLER={installer}"]
            setup, out = _timed([*make, "setup"], env, clone)
            if installer == "uv" and "installed with uv" not in out:
                raise SystemExit(f"the uv clone fell back to pip:\n{out}")
            total, out = _timed(make, env, clone)
            build, site = _seconds_on(out, "build finished in"), _seconds_on(out, "site ready in")
            dirty = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True).stdout
            if dirty:
                raise SystemExit(f"make left the {installer} clone dirty:\n{dirty}")
            rows[installer] = {
                "environment (make setup)": setup,
                f"  build (review build, {len(list((clone / 'notebooks').glob('*.ipynb')))} notebooks)": build,
                "  site (review site)": site,
                "  make's other work (process starts, data check)": total - build - site,
                "exhibits and site (make, after setup)": total,
                "fresh make (setup + make)": setup + total,
            }
        # A failing test is reported with the time, not raised: the row is the suite's wall time.
        start = time.perf_counter()
        test = ["make", "--no-print-directory", "-C", str(work / "uv"), "test"]
        done = subprocess.run(test, env=env, cwd=work / "uv", capture_output=True, text=True)
        tested = time.perf_counter() - start
        counts = done.stdout.strip().splitlines()[-1].strip("= ") if done.stdout.strip() else done.stderr[-300:]
        loads = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    caches = "empty package caches (--cold)" if cold else "package caches as they were"
    print(f"fresh clone of {head.strip()[:7]}, {os.cpu_count()} cores, {caches}\n")
    print(f"{'measurement':<50} {'uv (default)':>13} {'INSTALLER=pip':>14}")
    for name in rows["uv"]:
        print(f"{name:<50} {rows['uv'][name]:13.2f} {rows['pip'][name]:14.2f}")
    print(f"{'make test on the fresh uv clone':<50} {tested:13.2f}   ({counts})")
    fresh = rows["uv"]["fresh make (setup + make)"]
    print("\ntargets")
    print(f"  fresh make with uv: {fresh:.1f} s (target <= 25 s): {'MET' if fresh <= 25 else 'NOT MET'}")
    saved = rows["pip"]["environment (make setup)"] / rows["uv"]["environment (make setup)"]
    print(f"  environment with uv: {saved:.1f}x faster than with pip")
    print(f"  load average at the end (1, 5, 15 min): {loads[0]:.2f}, {loads[1]:.2f}, {loads[2]:.2f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="repeat each measurement, report the median")
    parser.add_argument("--scale", type=int, default=100, metavar="N", help="also build on N times the data (0: skip)")
    parser.add_argument("--setup", action="store_true", help="time a fresh clone's make with uv vs pip, and make test")
    parser.add_argument("--cold", action="store_true", help="with --setup: empty uv and pip caches")
    parser.add_argument(
        "--views-only",
        nargs="*",
        metavar="ID",
        help="time only the views (all, or these exhibits or view slugs): cold, then a no-op make views",
    )
    args = parser.parse_args()
    if args.setup:
        return _setup_bench(args.cold)
    if args.views_only is not None:
        return _views_only(args.views_only)
    work = Path(tempfile.mkdtemp(prefix="review-bench-"))
    try:
        project = _copy_project(work / "project")
        env = {**os.environ, "REVIEW_ROOT": str(project)}
        notebooks = sorted((project / "notebooks").glob("*.ipynb"))
        review = [str(BIN / "python"), "-m", "review", "build", "--quiet", "--no-site"]
        scratch = work / "scratch"
        scratch.mkdir()
        # The baselines run with default parameters and so write canonical
        # files: give them a copy of their own.
        base_project = _copy_project(work / "baseline")
        base_env = {**os.environ, "REVIEW_ROOT": str(base_project)}

        def median(fn) -> float:
            return statistics.median(fn() for _ in range(args.repeat))

        rows: dict[str, float] = {}

        def cold_full() -> float:
            _forget(project)
            return _timed([*review, "--force"], env, project)[0]

        rows["review build --force (full, parallel)"] = median(cold_full)
        rows["review build (no-op)"] = median(lambda: _timed(review, env, project)[0])

        edited = project / "data" / "tissue_sources.csv"
        original = edited.read_text(encoding="utf-8")
        reran: set[str] = set()

        def one_file() -> float:
            edited.write_text(
                original.replace("Wide range of sources", "Wide range of sources (edited)"), encoding="utf-8"
            )
            seconds, out = _timed(review, env, project)
            reran.update(_listed(out, "regenerated"))
            edited.write_text(original, encoding="utf-8")
            _timed(review, env, project)  # back to the committed state
            return seconds

        rows["review build after editing tissue_sources.csv"] = median(one_file)

        # The same source in a folder of its own, so the tool can be edited.
        shutil.copytree(ROOT / "src", work / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
        tool_env = {**env, "PYTHONPATH": str(work / "src")}
        tool_module = work / "src" / "review" / "cli.py"
        tool_reran: set[str] = set()

        def tool_edit() -> float:
            with open(tool_module, "a", encoding="utf-8") as fh:
                fh.write("\n# an edit to the build tool\n")
            seconds, out = _timed(review, tool_env, project)
            tool_reran.update(_listed(out, "regenerated"))
            return seconds

        rows["review build after editing review/cli.py"] = median(tool_edit)

        def papermill_loop() -> float:
            _forget(base_project)
            start = time.perf_counter()
            for nb in notebooks:
                _timed(
                    [str(BIN / "papermill"), "--no-progress-bar", str(nb), str(scratch / nb.name)], base_env, scratch
                )
            return time.perf_counter() - start

        def nbconvert_loop() -> float:
            _forget(base_project)
            start = time.perf_counter()
            for nb in notebooks:
                _timed(
                    [
                        str(BIN / "jupyter"),
                        "nbconvert",
                        "--to",
                        "notebook",
                        "--execute",
                        "--output-dir",
                        str(scratch),
                        str(nb),
                    ],
                    base_env,
                    scratch,
                )
            return time.perf_counter() - start

        rows["sequential papermill CLI loop"] = median(papermill_loop)
        rows["sequential jupyter nbconvert --execute loop"] = median(nbconvert_loop)

        def in_process() -> float:
            _forget(base_project)
            return _in_process(base_project, notebooks)

        rows["in-process lower bound (plain Python, one process)"] = median(in_process)

        site_reran = _site_rows(rows, project, env, median)
        views_ran = _views_rows(rows, project, env, median, [])
        scaled = _scale_rows(rows, work, median, args.scale) if args.scale else None

        full = rows["review build --force (full, parallel)"]
        noop = rows["review build (no-op)"]
        print(f"{len(notebooks)} notebooks, {os.cpu_count()} cores, median of {args.repeat} run(s)\n")
        print(f"{'measurement':<52} {'seconds':>8} {'x full build':>13}")
        for name, seconds in rows.items():
            print(f"{name:<52} {seconds:8.2f} {seconds / full:13.2f}")
        manifest = json.loads((project / "figures" / "manifest.json").read_text(encoding="utf-8"))
        readers = {k for k, v in manifest["exhibits"].items() if "data/tissue_sources.csv" in v["inputs"]}
        speedup = rows["sequential papermill CLI loop"] / full
        print("\nin-process seconds per notebook (last run; the first pays the imports)")
        for stem, seconds in PER_NOTEBOOK.items():
            print(f"  {stem:<14} {seconds:6.2f}")
        print("\ntargets")
        verdict = "MET" if speedup >= 3 else "NOT MET"
        print(f"  full build vs papermill loop: {speedup:.2f}x faster (target >= 3x): {verdict}")
        print(
            f"  no-op rebuild: {noop:.3f} s (target < 0.5 s), {full / noop:.0f}x faster than the full build "
            f"(target >= 20x): {'MET' if noop < 0.5 and full / noop >= 20 else 'NOT MET'}"
        )
        print(
            f"  one-file edit reran {sorted(reran)}; notebooks that read the file: {sorted(readers)}: "
            f"{'MET' if reran == readers else 'NOT MET'}"
        )
        lower = rows["in-process lower bound (plain Python, one process)"]
        print(
            f"  full build vs in-process lower bound: {full / lower:.2f}x (target <= 1.5x): "
            f"{'MET' if full / lower <= 1.5 else 'NOT MET'}; "
            f"near the 2-core limit (target <= 0.6x): {'MET' if full / lower <= 0.6 else 'NOT MET'}"
        )
        print(
            f"  build-tool edit reran {len(tool_reran)} notebook(s) {sorted(tool_reran)} (target 0): "
            f"{'MET' if not tool_reran else 'NOT MET'}"
        )
        _site_targets(rows, site_reran)
        _views_targets(rows, views_ran)
        if scaled:
            _scale_targets(rows, args.scale, scaled)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
