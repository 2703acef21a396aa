"""The ``review`` command: build, run, verify and list the exhibits, and render the site.

Exit codes: 0 success; 1 a notebook failed or a check found a problem;
2 the command was used wrongly (unknown notebook, bad parameter, lock held);
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpers.core import paths

from .kernels import DEFAULT_TIMEOUT

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
#: What a shell reports for a command ended by Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 130
#: The one line a command ended by Ctrl-C prints.
INTERRUPTED = {"build": "review build: interrupted; every file is wholly old or new, run `review build` again"}


def _cmd_build_edition(args) -> int:
    """``review build --edition current``: the current-edition runs (``runs/<id>_edition-current/``) that are stale."""
    from helpers.data.curated import DataError

    from .editions import build_current

    try:
        result = build_current(args.only or None, force=args.force, jobs=args.jobs or 1, timeout=args.timeout)
    except DataError as exc:
        print(f"review build: data error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if result.ran:
        print(f"regenerated (edition current): {', '.join(result.ran)}")
    if result.skipped:
        print(f"up to date (edition current):  {', '.join(result.skipped)}")
    for message in result.failed.values():
        print(f"FAILED {message}", file=sys.stderr)
    return EXIT_FAILED if result.failed else EXIT_OK


def _cmd_build(args) -> int:
    from helpers.data.curated import DataError

    if args.edition == "current":
        return _cmd_build_edition(args)

    from .build import BuildError, build
    from .publish import LockHeld

    try:
        result = build(
            args.only or None,
            force=args.force,
            jobs=args.jobs,
            timeout=args.timeout,
            progress=not args.quiet,
            log=(lambda *_: None) if args.quiet else print,
        )
    except (BuildError, LockHeld) as exc:
        print(f"review build: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DataError as exc:  # names file, record, column and what was expected
        print(f"review build: data error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # a read-only folder, a full disk: the journal lets the next build finish
        where = f" {paths.relative(Path(exc.filename))}:" if exc.filename else ""
        print(
            f"review build: cannot write{where} {exc.strerror or exc}; the last good exhibits are kept, "
            "fix this and run `review build` again",
            file=sys.stderr,
        )
        return EXIT_FAILED
    if result.ran:
        print(f"regenerated: {', '.join(result.ran)}")
    if result.skipped:
        print(f"up to date:  {', '.join(result.skipped)}")
    for message in result.failed.values():
        print(f"FAILED {message}", file=sys.stderr)
    print(f"build {'finished' if result.ok else 'failed'} in {result.seconds:.2f} s")
    print(_environment_line(result.environment))
    if result.ok and not args.no_site:
        return _render_site(force=False, quiet=args.quiet)
    return EXIT_OK if result.ok else EXIT_FAILED


def _environment_line(env: dict) -> str:
    """One line naming the interpreter this build ran on, and the one the manifest names."""
    noted = f"not noted ({env['unwritten']})" if "unwritten" in env else "noted in .cache/build-env.json"
    here = f"environment: Python {env['python']} ({env['platform']}), {noted}"
    recorded = env.get("manifest_python")
    if recorded and not env["python"].startswith(f"{recorded}."):
        return f"{here}; figures/manifest.json names Python {recorded}, which made the committed exhibits"
    return here


def _render_site(*, force: bool, quiet: bool) -> int:
    """Bring site/ up to date (a hash check when nothing changed) and say what was written."""
    from . import site

    try:
        result = site.render(force=force)
    except Exception as exc:  # a page that cannot be rendered must not pass silently
        print(f"review site: FAILED {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if result.rendered:  # by name when few, so a one-notebook change shows what it re-rendered
        rendered = ", ".join(result.rendered) if len(result.rendered) <= 12 else f"{len(result.rendered)} outputs"
        print(f"site rendered: {rendered}")
    if result.copied and not quiet:
        copied = ", ".join(result.copied) if len(result.copied) <= 12 else f"{len(result.copied)} files"
        print(f"site copied: {copied}")
    if result.removed:
        # By name, unless a whole set of views went (their hundreds of files would bury the summary).
        removed = ", ".join(result.removed) if len(result.removed) <= 40 else f"{len(result.removed)} files"
        print(f"site removed: {removed}")
    for note in result.notes:
        print(f"site: {note}")
    index = result.folder / "index.html"
    shown = paths.relative(index) if index.is_relative_to(paths.ROOT) else index
    counts = f"{len(result.rendered)} rendered, {len(result.copied)} copied, {len(result.unchanged)} unchanged"
    print(f"site ready in {result.seconds:.2f} s ({counts}): {shown}")
    return EXIT_OK


def _cmd_site(args) -> int:
    if args.only and not args.views:
        print("review site: --only chooses exhibits whose views to build; give it with --views", file=sys.stderr)
        return EXIT_USAGE
    built = _build_views(args) if args.views else EXIT_OK
    if built == EXIT_USAGE:
        return built
    # A failed view is left out of the site (it is not current); the others are served all the same.
    return max(built, _render_site(force=args.force, quiet=args.quiet))


def _build_views(args) -> int:
    """Run every stale view the catalog declares (``review site --views``), then say what ran."""
    from . import nbfiles, views
    from .publish import LockHeld, lock

    known = set(nbfiles.notebook_ids()) | {v.slug for v in views.declared_views()}
    unknown = [e for e in args.only or [] if e not in known]
    if unknown:
        print(
            f"review site: {unknown[0]!r} is neither an exhibit with a notebook ({', '.join(nbfiles.notebook_ids())}) "
            "nor a declared view (a slug such as trials_diseases-AD)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        with lock():  # the views read the canonical build's notebooks and data: not while a build publishes
            result = views.build(
                args.only,
                jobs=args.jobs,
                timeout=args.timeout,
                force=args.force,
                log=(lambda *_: None) if args.quiet else print,
            )
    except LockHeld as exc:
        print(f"review site: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for message in result.failed.values():
        print(f"review site: view FAILED {message}", file=sys.stderr)
    print(f"views: {len(result.ran)} ran, {len(result.skipped)} up to date, {len(result.failed)} failed")
    return EXIT_FAILED if result.failed else EXIT_OK


def _parse_run_parameters(args) -> dict:
    """Collect -p/-r/-y/-f parameters like papermill, refusing unsafe names."""
    import yaml

    from helpers.notebook.params import ParameterError

    def mapping(text: str, where: str) -> dict:
        try:
            loaded = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ParameterError(f"{where}: not valid YAML: {exc}") from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ParameterError(f"{where}: expected a mapping (name: value per line), got a {type(loaded).__name__}")
        return loaded or {}

    values: dict = {}
    for path in args.parameters_file or []:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ParameterError(f"-f {path}: cannot read the parameters file: {exc}") from None
        values.update(mapping(text, f"-f {path}"))
    for text in args.parameters_yaml or []:
        values.update(mapping(text, f"-y {text!r}"))
    for name, value in args.parameters_raw or []:
        values[name] = value
    for name, value in args.parameters or []:
        values[name] = value  # strings; helpers.notebook.params converts and checks them
    return values


def _grid_items(specs: list[str]) -> list[tuple[str, list[str]]]:
    """``NAME=V1,V2`` per ``--grid``, as (name, values); ``+`` joins the codes of one list value (``POF+AD``)."""
    from helpers.notebook.params import ParameterError

    grid: list[tuple[str, list[str]]] = []
    for spec in specs:
        name, sep, values = spec.partition("=")
        items = [v.strip() for v in values.split(",")]
        if not sep or not name.strip() or not all(items):
            raise ParameterError(f"--grid {spec!r}: expected NAME=VALUE,VALUE,... (e.g. --grid diseases=POF,AD)")
        if name.strip() in {n for n, _ in grid}:
            raise ParameterError(f"--grid {spec!r}: {name.strip()} is swept twice; give its values in one --grid")
        grid.append((name.strip(), [v.replace("+", ",") for v in items]))
    return grid


def _planned_runs(args, source: Path, info) -> list[tuple[dict, Path, dict]]:
    """Every run the command asks for, validated before any runs: (values, out_dir, resolved values).

    Raises ParameterError naming the grid combination that is invalid, and
    refuses two combinations that would write the same folder.
    """
    import itertools

    from helpers.notebook.params import ParameterError, validate

    base = _parse_run_parameters(args)
    grid = _grid_items(args.grid or [])
    if grid and args.output_dir:
        raise ParameterError("-o/--output-dir cannot be combined with --grid: each combination writes its own folder")
    if clash := {n for n, _ in grid} & set(base):
        raise ParameterError(f"{', '.join(sorted(clash))}: given both with -p/-r/-y/-f and with --grid; choose one")
    planned, seen = [], {}
    for combo in itertools.product(*(values for _, values in grid)):
        chosen = dict(zip((n for n, _ in grid), combo, strict=True))
        values = {**base, **chosen}
        named = ", ".join(f"{n}={v}" for n, v in chosen.items())
        try:
            resolved = validate(info.id, info.kind, values, source)
            # Like every path here, a relative -o is read from the project root.
            out_dir = (
                (paths.ROOT / args.output_dir).resolve()
                if args.output_dir
                else (resolved.out_dir if not resolved.canonical else paths.RUNS_DIR / info.id)
            )
            # The run writes its exhibits beside its executed notebook, never to the canonical folders.
            again = validate(info.id, info.kind, {**values, "output_dir": str(out_dir)}, source)
        except ParameterError as exc:
            raise ParameterError(f"grid combination {named}: {exc}" if grid else str(exc)) from None
        if out_dir in seen:
            raise ParameterError(f"grid combinations {seen[out_dir]} and {named} select the same run ({out_dir.name})")
        seen[out_dir] = named
        planned.append((values, out_dir, {k: v for k, v in again.values.items() if k != "output_dir"}))
    return planned


def _cmd_run(args) -> int:
    import os

    from helpers.core import catalog

    from . import nbfiles, sweep

    try:
        source = nbfiles.notebook_path(args.notebook)
        info = catalog.get(source.stem)
        planned = _planned_runs(args, source, info)
    except (ValueError, FileNotFoundError, KeyError) as exc:
        print(f"review run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    workers = min(len(planned), args.jobs or os.cpu_count() or 1)
    runs = [(out_dir, {**values, "output_dir": str(out_dir)}) for values, out_dir, _ in planned]
    outcomes = sweep.run_many(runs, source, info.id, args.timeout, workers)
    failed = 0
    for (_, out_dir, shown), outcome in zip(planned, outcomes, strict=True):
        where = paths.relative(out_dir) if out_dir.is_relative_to(paths.ROOT) else str(out_dir)
        if isinstance(outcome, Exception):
            failed += 1
            print(f"review run: FAILED {where + '/: ' if args.grid else ''}{outcome}", file=sys.stderr)
            continue
        if not args.grid:
            print(f"ran {info.id} with {json.dumps(shown)}")
            print(f"outputs in {where}/")
    if args.grid:
        _print_sweep(planned, outcomes)
    return EXIT_FAILED if failed else EXIT_OK


def _print_sweep(planned: list, outcomes: list) -> None:
    """The sweep's table: one row per run, its state, folder and files (Markdown, so it pastes into notes)."""
    print("| run | state | folder | files |")
    print("|---|---|---|---|")
    for n, ((_, out_dir, _), outcome) in enumerate(zip(planned, outcomes, strict=True), start=1):
        where = paths.relative(out_dir) if out_dir.is_relative_to(paths.ROOT) else str(out_dir)
        state = "failed" if isinstance(outcome, Exception) else "ok"
        names = ", ".join(sorted(p.name for p in out_dir.iterdir() if p.is_file())) if out_dir.is_dir() else ""
        print(f"| {n} | {state} | {where}/ | {names} |")
    ok = sum(not isinstance(o, Exception) for o in outcomes)
    print(f"{ok} of {len(outcomes)} runs succeeded")


def _cmd_diff(args) -> int:
    from . import diff

    try:
        found = diff.diff(args.old, args.new)
    except diff.DiffError as exc:
        print(f"review diff: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.json:
        from helpers.core import files

        files.write_bytes(Path(args.json), found.as_json().encode("utf-8"))
    print(diff.markdown(found), end="")
    return EXIT_OK


def _cmd_add(args) -> int:
    from helpers.data.curated import DataError

    from . import add

    try:
        done, found = add.add(Path(args.file))
    except add.AddError as exc:
        print(f"review add: refused: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except DataError as exc:  # the printed data or the additions already on disk do not validate
        print(f"review add: data error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    for name, rows in done.rows.items():
        key = "ref" if name == "references" else "row"
        print(f"added {name} {key} {', '.join(r[key] for r in rows)} to {add.relative_additions()}/{name}.csv")
    print(f"audit findings on {done.table} row {done.row}: {len(found) or 'none'}")
    for line in found:
        print(f"  {line}")
    return EXIT_OK


def _cmd_release(args) -> int:
    from . import release

    try:
        if args.step == "prepare":
            written = release.prepare(args.version, args.date)
            print(f"release {args.version}: wrote {', '.join(written)}; now `make` rebuilds with it")
        else:
            out = release.bundle()
            print(f"release bundle: {paths.relative(out) if out.is_relative_to(paths.ROOT) else out}")
    except (release.ReleaseError, release.diff.DiffError) as exc:
        print(f"review release: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _verified(problems: list[str], failed: str, passed: str) -> int:
    """Print each problem as a MISMATCH line and the summary; the exit code every verify shares."""
    for problem in problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    if problems:
        print(f"verify: {len(problems)} problem(s){failed}", file=sys.stderr)
        return EXIT_FAILED
    print(f"verify: {passed}")
    return EXIT_OK


def _verify_bundle(path: str) -> int:
    from . import release

    problems = release.verify_bundle(Path(path))
    return _verified(problems, f" in {path}", f"every file of {path} matches its SHA256SUMS and figures/manifest.json")


def _cmd_registry(args) -> int:
    """Fetch a ClinicalTrials.gov snapshot for every NCT id Table 3 prints (opt-in: the only network call)."""
    from helpers.data import curated

    from . import registry

    ncts = [n for n in curated.load("clinical_trials")["nct_number"].astype(str) if n.startswith("NCT")]
    try:
        out = registry.fetch(ncts, base=args.base, day=args.date, timeout=args.timeout)
    except (registry.RegistryError, OSError) as exc:
        print(f"review registry: {exc}", file=sys.stderr)
        return EXIT_FAILED
    trials = json.loads(out.read_text(encoding="utf-8"))["trials"]
    failed = [t for t in trials if "error" in t]
    for t in failed:
        print(f"review registry: {t['nct_id']}: {t['error']}", file=sys.stderr)
    print(f"registry snapshot: {paths.relative(out)} ({len(trials) - len(failed)} of {len(trials)} trials read)")
    # The exhibit records data/registry/'s listing, so a new snapshot makes it stale.
    print("to compare it with Table 3: review build --only registry")
    return EXIT_FAILED if failed else EXIT_OK


def _verify_runs(targets: list[str]) -> int:
    """Check a view's (or any run's) files against the ``run.json`` in their folder."""
    from . import manifest

    problems, count = [], 0
    for target in targets:
        found, checked = manifest.verify_run(Path(target))
        problems += found
        count += checked
    return _verified(problems, " against run.json", f"all {count} files match their run.json")


def _cmd_verify(args) -> int:
    if args.bundle:
        return _verify_bundle(args.bundle)
    if args.paths:
        return _verify_runs(args.paths)
    from . import manifest

    problems = manifest.verify()
    count = 0 if problems else sum(len(e["files"]) for e in manifest.load().values())  # unreadable: not loaded
    return _verified(
        problems, "; rebuild with `review build` or restore the files", f"all {count} files match figures/manifest.json"
    )


def _cmd_list(args) -> int:
    from helpers.core import catalog
    from helpers.notebook.params import declared

    from . import fingerprint, manifest, nbfiles

    entries = manifest.load()
    for exhibit in nbfiles.notebook_ids():
        info = catalog.get(exhibit)
        reason = fingerprint.stale(exhibit, entries.get(exhibit))
        print(f"{exhibit:<8} {info.kind:<7} {reason or 'up to date'}")
        print(f"         {info.title}")
        defaults = declared(paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb")
        print("         parameters: " + ", ".join(f"{k}={v!r}" for k, v in defaults.items()))
    return EXIT_OK


def _timeout_option(command: argparse.ArgumentParser) -> None:
    """The per-cell timeout shared by ``build`` and ``run``."""
    command.add_argument(
        "--timeout",
        type=int,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds a single cell may run (default: {DEFAULT_TIMEOUT})",
    )


def parser() -> argparse.ArgumentParser:
    """The command-line interface.

    Long because it declares every subcommand and its options in one place, the order ``review --help``
    shows them; each block is a flat list of ``add_argument`` calls with nothing to factor out.
    """
    top = argparse.ArgumentParser(prog="review", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="regenerate stale canonical exhibits in parallel")
    b.add_argument("--force", action="store_true", help="run every chosen notebook even if up to date")
    b.add_argument("--only", nargs="+", metavar="ID", help="consider only these exhibits")
    b.add_argument("--jobs", "-j", type=int, default=None, help="notebooks at once (default: cores)")
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar or reasons")
    b.add_argument("--no-site", action="store_true", help="do not render site/ after a successful build")
    b.add_argument(
        "--edition",
        choices=("printed", "current"),
        default="printed",
        help="printed: the canonical exhibits (default); current: runs/<id>_edition-current/ with data/additions/",
    )
    _timeout_option(b)
    b.set_defaults(func=_cmd_build)

    s = sub.add_parser("site", help="render the static HTML site into site/ (only what changed)")
    s.add_argument("--force", action="store_true", help="re-render every page")
    s.add_argument("--quiet", "-q", action="store_true", help="do not list the files copied")
    s.add_argument(
        "--views",
        action="store_true",
        help="first build the views the catalog declares (each disease alone, each modality alone) that are stale",
    )
    s.add_argument(
        "--only", nargs="+", metavar="ID", help="with --views: only these exhibits' views, or these views by slug"
    )
    s.add_argument("--jobs", "-j", type=int, default=None, help="with --views: runs at once (default: cores)")
    _timeout_option(s)
    s.set_defaults(func=_cmd_site)

    r = sub.add_parser("run", help="run one notebook with parameters into runs/<slug>/")
    r.add_argument("notebook", help="exhibit id (table3) or notebook path")
    r.add_argument("-p", "--parameters", nargs=2, action="append", metavar=("NAME", "VALUE"))
    r.add_argument("-r", "--parameters_raw", nargs=2, action="append", metavar=("NAME", "VALUE"))
    r.add_argument("-y", "--parameters_yaml", action="append", metavar="YAML")
    r.add_argument("-f", "--parameters_file", action="append", metavar="FILE")
    r.add_argument("-o", "--output-dir", help="folder for this run (default: runs/<slug>/)")
    r.add_argument(
        "--grid",
        action="append",
        metavar="NAME=V1,V2",
        help="sweep a parameter: one run per value, the product over every --grid; '+' joins the codes of one "
        "list value (diseases=POF+AD,AS is two runs); every combination is checked before any runs",
    )
    r.add_argument("--jobs", "-j", type=int, default=None, help="runs at once with --grid (default: cores)")
    _timeout_option(r)
    r.set_defaults(func=_cmd_run)

    d = sub.add_parser("diff", help="what changed between two versions: data rows, codes, drawn numbers, files")
    d.add_argument("old", help="a git ref (commit, tag, branch), 'worktree', or an edition: 'printed' or 'current'")
    d.add_argument(
        "new", nargs="?", default="worktree", help="a git ref, 'worktree' (the default), or 'printed' / 'current'"
    )
    d.add_argument("--json", metavar="FILE", help="also write the diff as JSON to FILE")
    d.set_defaults(func=_cmd_diff)

    a = sub.add_parser("add", help="add one study or trial (YAML or one-row CSV) to data/additions/, validated")
    a.add_argument("file", help="the addition: see data/additions/README.md")
    a.set_defaults(func=_cmd_add)

    rel = sub.add_parser("release", help="make a release: `prepare VERSION`, then `make`, then `bundle`")
    rel.add_argument("step", choices=["prepare", "bundle"])
    rel.add_argument("version", nargs="?", help="x.y.z (prepare)")
    rel.add_argument("--date", help="release date YYYY-MM-DD (prepare; default today)")
    rel.set_defaults(func=_cmd_release)

    g = sub.add_parser("registry", help="opt-in network: snapshot ClinicalTrials.gov for Table 3's NCT ids")
    g.add_argument("action", choices=["fetch"])
    g.add_argument("--base", default="https://clinicaltrials.gov/api/v2", help="the API's root URL")
    g.add_argument("--date", help="the snapshot's date YYYY-MM-DD (default: today, UTC)")
    g.add_argument("--timeout", type=float, default=20.0, help="seconds per request (default 20)")
    g.set_defaults(func=_cmd_registry)

    v = sub.add_parser("verify", help="check canonical files against figures/manifest.json")
    v.add_argument("--bundle", metavar="ZIP", help="check a release bundle on its own instead")
    v.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="instead, a view's (or run's) folder or files: each checked against the run.json in its folder",
    )
    v.set_defaults(func=_cmd_verify)

    ls = sub.add_parser("list", help="list notebooks, their parameters and whether they are stale")
    ls.set_defaults(func=_cmd_list)
    return top


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``review`` command."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:  # Ctrl-C: kernels are shut down and locks released on the way out
        print(INTERRUPTED.get(args.command, f"review {args.command}: interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())
