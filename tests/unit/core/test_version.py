"""The version has one home, pyproject.toml; the library and the site read it from the installed metadata."""

from __future__ import annotations

import tomllib

import helpers
from review.site.context import project_version
from tests.conftest import ROOT


def test_the_library_and_the_site_report_the_pyproject_version():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert helpers.__version__ == declared
    assert project_version() == declared


def test_no_source_file_spells_the_version_out():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    spelled = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "src").rglob("*.py")
        if f'"{declared}"' in p.read_text(encoding="utf-8")
    ]
    assert spelled == []


def test_citation_cff_names_the_same_version():
    """CITATION.cff keeps a copy for GitHub and Zenodo; it must say what pyproject.toml says."""
    import yaml

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert str(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"]) == declared
