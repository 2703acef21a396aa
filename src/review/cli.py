"""The ``review`` command: build, run, verify and list the exhibits.

Exit codes: 0 success; 1 a notebook failed or a check found a problem;
2 the command was used wrongly (unknown notebook, bad parameter, lock held).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from helpers import paths

from .kernels import DEFAULT_TIMEOUT

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _cmd_build(args) -> int:
    from helpers.data import DataError

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
    if result.ran:
        print(f"regenerated: {', '.join(result.ran)}")
    if result.skipped:
        print(f"up to date:  {', '.join(result.skipped)}")
    for message in result.failed.values():
        print(f"FAILED {message}", file=sys.stderr)
    print(f"build {'finished' if result.ok else 'failed'} in {result.seconds:.2f} s")
    return EXIT_OK if result.ok else EXIT_FAILED


def _parse_run_parameters(args) -> dict:
    """Collect -p/-r/-y/-f parameters like papermill, refusing unsafe names."""
    import yaml

    values: dict = {}
    for path in args.parameters_file or []:
        values.update(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {})
    for text in args.parameters_yaml or []:
        values.update(yaml.safe_load(text) or {})
    for name, value in args.parameters_raw or []:
        values[name] = value
    for name, value in args.parameters or []:
        values[name] = value  # strings; helpers.params converts and checks them
    return values


def _cmd_run(args) -> int:
    import yaml

    from helpers import catalog
    from helpers.params import validate

    from . import nbfiles

    try:
        source = nbfiles.notebook_path(args.notebook)
        values = _parse_run_parameters(args)
        info = catalog.get(source.stem)
        resolved = validate(info.id, info.kind, values, source)
        # Like every path here, a relative -o is read from the project root.
        out_dir = (
            (paths.ROOT / args.output_dir).resolve()
            if args.output_dir
            else (resolved.out_dir if not resolved.canonical else paths.RUNS_DIR / info.id)
        )
        # The run writes its exhibits beside its executed notebook, never to the canonical folders.
        again = validate(info.id, info.kind, {**values, "output_dir": str(out_dir)}, source)
    except (ValueError, FileNotFoundError, KeyError) as exc:
        print(f"review run: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out_dir.mkdir(parents=True, exist_ok=True)
    injected = {**values, "output_dir": str(out_dir)}
    (out_dir / "parameters.yaml").write_text(
        yaml.safe_dump({k: v for k, v in injected.items() if k != "output_dir"}, sort_keys=True), encoding="utf-8"
    )
    from . import kernels

    # Same engine as the build: papermill's injected cell, run by nbclient.
    staged = nbfiles.parameterize(source, out_dir / f".{source.name}.in", injected)
    try:
        outcome = kernels.run_notebooks(
            [(info.id, staged, out_dir / source.name)],
            workers=1,
            kernel_name=nbfiles.kernel_name(source),
            timeout=args.timeout,
        )[info.id]
    finally:
        staged.unlink()
    if isinstance(outcome, Exception):
        print(f"review run: FAILED {outcome}", file=sys.stderr)
        return EXIT_FAILED
    print(f"ran {info.id} with {json.dumps({k: v for k, v in again.values.items() if k != 'output_dir'})}")
    print(f"outputs in {paths.relative(out_dir) if out_dir.is_relative_to(paths.ROOT) else out_dir}/")
    return EXIT_OK


def _cmd_verify(args) -> int:
    from . import manifest

    problems = manifest.verify()
    for problem in problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    if problems:
        print(f"verify: {len(problems)} problem(s); rebuild with `review build` or restore the files", file=sys.stderr)
        return EXIT_FAILED
    count = sum(len(e["files"]) for e in manifest.load().values())
    print(f"verify: all {count} files match figures/manifest.json")
    return EXIT_OK


def _cmd_list(args) -> int:
    from helpers import catalog
    from helpers.params import declared

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
    """The command-line interface."""
    top = argparse.ArgumentParser(prog="review", description=__doc__.splitlines()[0])
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="regenerate stale canonical exhibits in parallel")
    b.add_argument("--force", action="store_true", help="run every chosen notebook even if up to date")
    b.add_argument("--only", nargs="+", metavar="ID", help="consider only these exhibits")
    b.add_argument("--jobs", "-j", type=int, default=None, help="notebooks at once (default: cores)")
    b.add_argument("--quiet", "-q", action="store_true", help="no progress bar or reasons")
    _timeout_option(b)
    b.set_defaults(func=_cmd_build)

    r = sub.add_parser("run", help="run one notebook with parameters into runs/<slug>/")
    r.add_argument("notebook", help="exhibit id (table3) or notebook path")
    r.add_argument("-p", "--parameters", nargs=2, action="append", metavar=("NAME", "VALUE"))
    r.add_argument("-r", "--parameters_raw", nargs=2, action="append", metavar=("NAME", "VALUE"))
    r.add_argument("-y", "--parameters_yaml", action="append", metavar="YAML")
    r.add_argument("-f", "--parameters_file", action="append", metavar="FILE")
    r.add_argument("-o", "--output-dir", help="folder for this run (default: runs/<slug>/)")
    _timeout_option(r)
    r.set_defaults(func=_cmd_run)

    v = sub.add_parser("verify", help="check canonical files against figures/manifest.json")
    v.set_defaults(func=_cmd_verify)

    ls = sub.add_parser("list", help="list notebooks, their parameters and whether they are stale")
    ls.set_defaults(func=_cmd_list)
    return top


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``review`` command."""
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
