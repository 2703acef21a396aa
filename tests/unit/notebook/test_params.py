"""Parameters: declared in the notebook, validated before work, routed to runs/."""

from __future__ import annotations

import pytest

from helpers.core import paths
from helpers.notebook.params import ParameterError, declared, validate

TABLE1 = paths.NOTEBOOKS_DIR / "table1.ipynb"
FIG2 = paths.NOTEBOOKS_DIR / "fig2.ipynb"


def test_declared_reads_the_parameters_cell():
    params = declared(TABLE1)
    assert params == {
        "diseases": "all",
        "sources": "all",
        "host_species": "all",
        "edition": "printed",
        "formats": ["csv", "md", "tex", "xlsx"],
        "output_dir": "",
    }


@pytest.mark.parametrize(
    "given, expected",
    [
        ({"diseases": "AD,POF"}, ("POF", "AD")),  # comma string from papermill -p
        ({"diseases": ["POF", "AD"]}, ("POF", "AD")),  # YAML list from -y / -f
        ({"diseases": " ad , pof "}, ("POF", "AD")),  # case and spaces do not matter
        ({"diseases": "AD"}, ("AD",)),
        ({"diseases": "POF,AD,AS,OP,SKIN,WEAK"}, "all"),  # every code is the same as "all"
        ({"diseases": "all"}, "all"),
    ],
)
def test_list_parameters_accept_strings_and_lists(given, expected):
    assert validate("table1", "table", given, TABLE1).values["diseases"] == expected


@pytest.mark.parametrize(
    "given, words",
    [
        ({"diseases": "XYZ"}, ["'diseases'", "'XYZ'", "POF", "AD", "WEAK"]),
        ({"sources": "UC,liver"}, ["'sources'", "'liver'", "UCB", "DP"]),
        ({"host_species": "dog"}, ["'host_species'", "mouse", "rabbit"]),
        ({"formats": "csv,pptx"}, ["'formats'", "'pptx'", "xlsx"]),
        ({"diseases": ""}, ["'diseases'", "empty"]),
        ({"diseases": 3}, ["'diseases'", "list"]),
        ({"colour": "red"}, ["unknown parameter", "colour", "diseases"]),
    ],
)
def test_bad_values_name_the_parameter_and_what_is_allowed(given, words):
    with pytest.raises(ParameterError) as info:
        validate("table1", "table", given, TABLE1)
    for word in words:
        assert word in str(info.value), (word, str(info.value))


@pytest.mark.parametrize(
    "given, words",
    [
        ({"dpi": "high"}, ["'dpi'", "whole number"]),
        ({"dpi": 20}, ["'dpi'", "50"]),
        ({"modality": "cell"}, ["'modality'", "cells", "exosomes"]),
        ({"min_studies": "two"}, ["'min_studies'", "whole number"]),
        ({"show_untagged": "maybe"}, ["'show_untagged'", "true or false"]),
    ],
)
def test_figure_parameters_are_checked(given, words):
    with pytest.raises(ParameterError) as info:
        validate("fig2", "figure", given, FIG2)
    for word in words:
        assert word in str(info.value)


def test_defaults_go_to_the_canonical_folders():
    assert validate("table1", "table", {}, TABLE1).out_dir == paths.TABLES_DIR
    resolved = validate("fig2", "figure", {"dpi": "200", "show_untagged": "false"}, FIG2)
    assert resolved.canonical and resolved.out_dir == paths.FIGURES_DIR


@pytest.mark.parametrize(
    "given, slug",
    [
        ({"diseases": "AD"}, "table1_diseases-AD"),
        ({"diseases": "AD,POF", "formats": "csv"}, "table1_diseases-POF+AD_formats-csv"),
    ],
)
def test_other_parameters_go_to_a_readable_run_folder(given, slug):
    resolved = validate("table1", "table", given, TABLE1)
    assert not resolved.canonical
    assert resolved.out_dir == paths.RUNS_DIR / slug


@pytest.mark.parametrize("folder", ["tables", "figures"])
def test_non_default_runs_may_not_target_the_canonical_folders(folder):
    with pytest.raises(ParameterError, match="canonical"):
        validate("table1", "table", {"diseases": "AD", "output_dir": folder}, TABLE1)


def test_an_explicit_output_dir_is_read_from_the_project_root():
    resolved = validate("table1", "table", {"output_dir": "runs/mine"}, TABLE1)
    assert resolved.out_dir == paths.ROOT / "runs" / "mine" and not resolved.canonical


@pytest.mark.parametrize(
    "output_dir, where",
    [
        ("tables/sub", "inside tables/, which only the build writes"),  # inside, not equal
        ("figures/a/b", "inside figures/, which"),
        ("notebooks/x", "inside notebooks/, which"),
        ("runs/../tables", "inside tables/, which"),
        ("runs/./../figures/mine", "inside figures/, which"),
        (str(paths.ROOT / "figures" / "mine"), "inside figures/, which"),
        ("data", "data/ is not under runs/"),
        ("src/helpers", "not under runs/"),
        (".", "not under runs/"),
        ("runs/a\0b", "NUL"),
        ("/", "/ is not under runs/"),
        ("/tmp/elsewhere", "/tmp/elsewhere/ is not under runs/"),
        ("..", "is not under runs/"),
        ("runs/" + "a" * 256, "longer than 255 bytes"),
    ],
)
def test_output_dir_may_not_point_outside_runs(output_dir, where):
    with pytest.raises(ParameterError, match="output_dir") as info:
        validate("table1", "table", {"output_dir": output_dir}, TABLE1)
    assert where in str(info.value)


def test_output_dir_through_a_symlink_into_a_canonical_folder_is_refused(tmp_path, monkeypatch):
    root = tmp_path / "project"
    (root / "runs").mkdir(parents=True)
    (root / "figures").mkdir()
    (root / "runs" / "link").symlink_to(root / "figures", target_is_directory=True)
    for name, folder in [("ROOT", root), ("RUNS_DIR", root / "runs"), ("FIGURES_DIR", root / "figures")]:
        monkeypatch.setattr(paths, name, folder)
    with pytest.raises(ParameterError, match="inside figures/"):
        validate("table1", "table", {"output_dir": "runs/link/mine"}, TABLE1)


@pytest.mark.parametrize("output_dir", ["runs/mine", "runs", "runs/a/b", "tables/../runs/x"])
def test_output_dir_under_runs_is_accepted(output_dir):
    resolved = validate("table1", "table", {"output_dir": output_dir}, TABLE1)
    assert resolved.out_dir == (paths.ROOT / output_dir).resolve() and not resolved.canonical


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), "1e400", [300], None])
def test_numbers_that_are_not_whole_numbers_are_refused_not_crashed(value):
    with pytest.raises(ParameterError, match="'dpi'"):
        validate("fig2", "figure", {"dpi": value}, FIG2)
    with pytest.raises(ParameterError, match="'min_studies'"):
        validate("fig2", "figure", {"min_studies": value}, FIG2)


def test_start_refuses_a_name_papermill_injected_that_the_notebook_does_not_declare():
    """papermill only warns; ``start`` reads its injected cell from ``In`` and refuses, naming both."""
    from helpers.notebook.session import start

    namespace = {"In": ["", 'diseases: str = "all"', '# Parameters\ndiseases = "AD"\ncolour = "red"\n']}
    namespace.update(diseases="AD", colour="red")
    with pytest.raises(ParameterError) as info:
        start("table1", namespace)
    assert str(info.value) == (
        "table1: unknown parameter(s) colour; declared: diseases, sources, host_species, edition, formats, output_dir"
    )
