"""The layers: the build tool ``review`` over the notebook library ``helpers``, and the layers inside it.

Imports go one way. The contracts live in pyproject.toml and ``lint-imports``
(import-linter) checks them in ``make lint``; the tests here prove that the
check bites: a scratch copy with one planted violation (an upward import at
module level, inside a function or under TYPE_CHECKING, a library module
importing the tool, a cycle between siblings) must fail it. The ``ast`` checks
below keep the library free of the tools in tools/ and bench/, which are not
packages import-linter can see.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src"
LIBRARY = sorted((SRC / "helpers").rglob("*.py"))
TOOL = sorted((SRC / "review").rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every module a file imports, at any depth."""
    package = ".".join(path.relative_to(SRC).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's package
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_the_import_parser_sees_relative_and_nested_imports(tmp_path):
    folder = SRC / "helpers"
    sample = folder / "data" / "curated.py"
    assert "helpers.core.runrecord" in imported_modules(sample) and "helpers.core.paths" in imported_modules(sample)
    assert "frictionless" in imported_modules(sample)  # imported inside a function


@pytest.mark.parametrize("path", LIBRARY, ids=[p.name for p in LIBRARY])
def test_the_library_never_imports_the_tool(path):
    bad = sorted(
        name
        for name in imported_modules(path)
        if name == "review" or name.startswith("review.") or name.split(".")[0] in {"transcribe", "bench"}
    )
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}: the library must not depend on the build tool"


def test_the_tool_uses_the_library():
    used = set().union(*(imported_modules(p) for p in TOOL))
    assert any(name.startswith("helpers") for name in used)


def test_every_module_is_listed_in_architecture_md():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for path in [*LIBRARY, *TOOL]:
        if path.name in {"__init__.py", "__main__.py"}:
            continue
        name = path.relative_to(SRC).as_posix()
        assert f"`{name}`" in text, f"ARCHITECTURE.md does not describe {name}"
    for path in ROOT.glob("tools/*.py"):
        assert f"`tools/{path.name}`" in text


def test_no_function_is_longer_than_60_lines_without_saying_why():
    long = []
    for path in [*LIBRARY, *TOOL]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                doc = ast.get_docstring(node) or ""
                if length > 60 and "Long because" not in doc:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length} lines)")
    assert not long, long


# --------------------------------------------------------------- the import contracts

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

#: One planted violation per case: (file under src/, line added at its end, contract that must break).
PLANTED = {
    "upward import at module level": ("helpers/core/vocab.py", "from helpers.notebook import session", "layers"),
    "upward import inside a function": (
        "helpers/data/curated.py",
        "def _planted():\n    from helpers.plots import common\n",
        "layers",
    ),
    "upward import for type checking only": (
        "helpers/analysis/evidence.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from helpers.notebook.session import Run\n",
        "layers",
    ),
    "the library imports the build tool": ("helpers/core/files.py", "import review.cli", "tool-above-library"),
    "a cycle within one layer": ("helpers/data/design.py", "from helpers.data import coded", "no-cycles"),
    "a cycle inside the build tool": ("review/nbfiles.py", "from review import cli", "no-cycles"),
    "the site's engine imports a page": (
        "review/site/notebook.py",
        "def _planted():\n    from review.site import exhibit\n",
        "site-layers",
    ),
}


def _lint_imports(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "src")}  # the scratch copy shadows the editable install
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )


def _scratch(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(SRC, project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy2(ROOT / "pyproject.toml", project / "pyproject.toml")
    return project


def test_the_real_tree_keeps_every_import_contract(tmp_path):
    result = _lint_imports(_scratch(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("case", PLANTED, ids=list(PLANTED))
def test_a_planted_violation_breaks_its_contract(tmp_path, case):
    relative, line, contract = PLANTED[case]
    project = _scratch(tmp_path)
    target = project / "src" / relative
    target.write_text(target.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
    result = _lint_imports(project)
    assert result.returncode != 0, f"{case}: lint-imports passed\n{result.stdout}"
    names = {
        "layers": "helpers: each layer imports only the layers below it BROKEN",
        "tool-above-library": "the build tool review uses the library helpers, never the reverse BROKEN",
        "no-cycles": "no import cycle between sibling modules or packages, at any depth BROKEN",
        "site-layers": "review.site: the pages sit above the generic engine, which never imports them BROKEN",
    }
    assert names[contract] in result.stdout, result.stdout
