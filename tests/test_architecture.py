"""The two layers: the notebook library ``helpers`` and the build tool ``review``.

Imports go one way: ``review`` may import ``helpers``; ``helpers`` never
imports ``review`` (nor the tools in tools/). Checked on the source with
``ast``, including imports inside functions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

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
