"""Keep the pip lock and the conda ``environment.yml`` in agreement.

``requirements.lock`` is the installable truth (these machines reach PyPI,
not conda channels). ``environment.yml`` is rendered from it for conda
users: Python from conda, every pinned package through conda's pip section,
so both files name exactly the same versions.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from helpers.core import paths

__all__ = ["read_lock", "read_environment", "render_environment", "main"]

_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)")
ENVIRONMENT = paths.ROOT / "environment.yml"
_HEADER = """\
# Exact pins of every package the project installs (pip lock).
# Regenerate with `make lock`; environment.yml is rendered from this file and
# tests/integration/test_project.py checks that the two agree.
# jsonschema stays below 4.24: later releases pull in rfc3987-syntax, whose
# grammar compiles at import and costs every nbformat import about 2.5 s.
"""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path = paths.LOCKFILE) -> dict[str, str]:
    """Return ``{normalised name: version}`` for every pin in a pip lock."""
    pins = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line.strip())
        if match:
            pins[_normal(match.group(1))] = match.group(2)
    return pins


def read_environment(path: Path = ENVIRONMENT) -> dict[str, str]:
    """Return ``{normalised name: version}`` for the pip pins of environment.yml."""
    import yaml

    spec = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    pins = {}
    for dep in spec["dependencies"]:
        if isinstance(dep, dict):
            for line in dep.get("pip", []):
                match = _PIN.match(line)
                if match:
                    pins[_normal(match.group(1))] = match.group(2)
    return pins


def supported_pythons() -> str:
    """The conda spec of the supported interpreters, from ``requires-python`` in pyproject.toml (its one home)."""
    import tomllib

    spec = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    return spec.replace(" ", "")


def render_environment(pins: dict[str, str], python: str | None = None) -> str:
    """Render environment.yml text naming exactly ``pins`` and the supported Pythons."""
    python = python or supported_pythons()
    lines = [
        "# Rendered from requirements.lock by `make lock`; do not edit by hand.",
        "name: mscs-review",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python{python}",  # a conda match spec: python>=3.11,<3.14
        "  - pip",
        "  - pip:",
    ]
    lines += [f"      - {name}=={version}" for name, version in sorted(pins.items())]
    lines.append("      - -e .")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``write``: freeze the current environment into the lock and environment.yml."""
    argv = sys.argv[1:] if argv is None else argv
    if argv != ["write"]:
        print("usage: python -m review.lockfiles write", file=sys.stderr)
        return 2
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable", "--all"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pins = [line for line in frozen.splitlines() if _PIN.match(line) and not line.startswith("pip==")]
    paths.LOCKFILE.write_text(_HEADER + "\n".join(sorted(pins, key=str.lower)) + "\n", encoding="utf-8")
    ENVIRONMENT.write_text(render_environment(read_lock()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
