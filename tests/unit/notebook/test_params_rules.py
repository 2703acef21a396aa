"""Parameter rules to the letter (``helpers.notebook.params``): whole refusal messages and edge values.

The error contract (docs/RELIABILITY.md) asks one message naming the
parameter and what was expected; ``test_params.py`` checks the words, these
tests pin each message whole, written from the rule it states: where a run
may write (only under ``runs/``; never the canonical folders), which
values each kind of parameter takes, and how a selection is described.
"""

from __future__ import annotations

import pytest

from helpers.core import paths
from helpers.notebook.params import ParameterError, describe_selection, validate

TABLE1 = paths.NOTEBOOKS_DIR / "table1.ipynb"
FIG2 = paths.NOTEBOOKS_DIR / "fig2.ipynb"

CANONICAL = (
    "which only the build writes (canonical exhibits, default parameters); "
    "leave output_dir empty or choose a folder elsewhere, e.g. runs/mine"
)
NOT_UNDER_RUNS = "is not under runs/; a run writes only there (e.g. runs/mine); copy its files elsewhere afterwards"


@pytest.mark.parametrize(
    "output_dir, expected",
    [
        ("tables/sub", f"parameter 'output_dir': tables/sub/ is inside tables/, {CANONICAL}"),
        ("notebooks", f"parameter 'output_dir': notebooks/ is inside notebooks/, {CANONICAL}"),
        # inside the project: named from the project root
        ("data", f"parameter 'output_dir': data/ {NOT_UNDER_RUNS}"),
        ("src/helpers", f"parameter 'output_dir': src/helpers/ {NOT_UNDER_RUNS}"),
        # outside it: the absolute path, one slash at the end
        ("/", f"parameter 'output_dir': / {NOT_UNDER_RUNS}"),
        ("/tmp/X", f"parameter 'output_dir': /tmp/X/ {NOT_UNDER_RUNS}"),
    ],
)
def test_a_refused_output_dir_is_named_with_where_a_run_may_write(output_dir, expected):
    """Rule: a run writes only under runs/; the refusal names the folder as the user would and says where to go."""
    with pytest.raises(ParameterError) as info:
        validate("table1", "table", {"output_dir": output_dir}, TABLE1)
    assert str(info.value) == expected


@pytest.mark.parametrize(
    "changed, expected",
    [
        # presentation parameters say nothing of the selection, wherever they come in the order
        ({"dpi": 300, "diseases": ("AD",)}, "Selection: diseases AD"),
        ({"formats": ("png",), "output_dir": "runs/x", "product": "native"}, "Selection: native products only"),
    ],
)
def test_presentation_parameters_are_skipped_not_the_end_of_the_selection(changed, expected):
    """Rule: formats, dpi and output_dir shape files, not content: skipped, and the rest still described."""
    assert describe_selection(changed) == expected


@pytest.mark.parametrize(
    "folder, accepted",
    [
        ("a" * 255, True),  # the longest name a Linux file system takes
        ("a" * 256, False),
        ("é" * 127, True),  # 254 bytes: bytes count, not characters
        ("é" * 128, False),  # 128 characters, 256 bytes
    ],
)
def test_a_folder_name_may_have_at_most_255_bytes(folder, accepted):
    """Rule: a folder name longer than 255 bytes in UTF-8 is refused before any file is written."""
    given = {"output_dir": f"runs/{folder}"}
    if accepted:
        assert validate("table1", "table", given, TABLE1).out_dir == paths.RUNS_DIR / folder
    else:
        with pytest.raises(ParameterError) as info:
            validate("table1", "table", given, TABLE1)
        assert str(info.value) == "parameter 'output_dir': a folder name is longer than 255 bytes"


@pytest.mark.parametrize(
    "given, expected",
    [
        ({"severity": "bad"}, "parameter 'severity': got 'bad'; allowed: error, warning, check"),
        ({"rules": "Z9"}, "parameter 'rules': unknown value(s) 'Z9'; allowed: 'all' or any of I1, I2, I3, "),
    ],
)
def test_audit_parameters_name_themselves_when_refused(given, expected):
    """Rule: the audit's severity takes one of the three levels, its rules only registered rule ids."""
    with pytest.raises(ParameterError) as info:
        validate("audit", "audit", given)
    assert str(info.value).startswith(expected)


@pytest.mark.parametrize(
    "given, expected",
    [
        (
            {"diseases": "XYZ,QQ"},
            "parameter 'diseases': unknown value(s) 'XYZ', 'QQ'; allowed: 'all' or any of POF, AD, AS, OP, SKIN, WEAK",
        ),
        ({"formats": ""}, "parameter 'formats': empty; use 'all' for no filter"),
        (
            {"formats": "csv,pptx,doc"},
            "parameter 'formats': unknown format(s) 'pptx', 'doc'; allowed: csv, md, tex, xlsx",
        ),
    ],
)
def test_table_parameters_list_every_bad_value_and_every_allowed_one(given, expected):
    """Rule: a refusal names the parameter, each value refused and each value allowed, comma-separated."""
    with pytest.raises(ParameterError) as info:
        validate("table1", "table", given, TABLE1)
    assert str(info.value) == expected


@pytest.mark.parametrize(
    "given, expected",
    [
        ({"modality": "cell"}, "parameter 'modality': got 'cell'; allowed: all, cells, exosomes"),
        ({"dpi": 49}, "parameter 'dpi': 49 is outside 50–1200"),
        ({"dpi": 1201}, "parameter 'dpi': 1201 is outside 50–1200"),
        ({"dpi": 50}, None),  # both ends are allowed
        ({"dpi": 1200}, None),
    ],
)
def test_figure_parameters_take_one_choice_and_a_dpi_from_50_to_1200(given, expected):
    """Rule: a single choice is 'all' or one of its values; dpi is a whole number from 50 to 1200, both included."""
    if expected is None:
        assert validate("fig2", "figure", given, FIG2).values["dpi"] == given["dpi"]
        return
    with pytest.raises(ParameterError) as info:
        validate("fig2", "figure", given, FIG2)
    assert str(info.value) == expected


@pytest.mark.parametrize(
    "given, folder",
    [
        ({"modality": "exosomes"}, "fig2_modality-exosomes"),  # a single value, as itself
        ({"min_studies": "3", "show_untagged": "yes"}, "fig2_min_studies-3_show_untagged-True"),
        ({"diseases": "AD,POF"}, "fig2_diseases-POF+AD"),  # a list, '+'-joined in the allowed order
    ],
)
def test_a_run_folder_is_named_from_the_changed_values(given, folder):
    """Rule: a run with other parameters writes to runs/<exhibit>_<name>-<value>…, in the declared order."""
    assert validate("fig2", "figure", given, FIG2).out_dir == paths.RUNS_DIR / folder


@pytest.mark.parametrize(
    "changed, slug",
    [
        ({"note": "a b/c:d"}, "t_note-a-b-c-d"),  # anything but letters, digits and + . _ - becomes one dash
        ({"note": "x" * 200}, "t_note-" + "x" * 113),  # at most 120 characters
    ],
)
def test_a_run_folder_name_is_safe_and_short(changed, slug):
    """Rule: a run's folder name keeps only letters, digits and + . _ -, and at most 120 characters."""
    from helpers.notebook.params import slug as _slug

    assert _slug("t", changed) == slug


@pytest.mark.parametrize(
    "source, names",
    [
        ('# Parameters\ndiseases: str = "AD"\ndpi = 300\n', ["diseases", "dpi"]),  # annotated or not
        ("# Parameters\nx: int\n", ["x"]),
    ],
)
def test_injected_reads_annotated_assignments_too(source, names):
    """Rule: every name papermill's cell assigns counts, with or without a type annotation."""
    from helpers.notebook.params import injected

    assert injected({"In": ["", source]}) == names


def test_a_parameter_the_notebook_does_not_declare_selects_everything():
    """Rule: ``selected`` gives None (no filter) for a list parameter the run does not have."""
    resolved = validate("references", "references", {}, paths.NOTEBOOKS_DIR / "references.ipynb")
    assert resolved.selected("host_species") is None
    assert resolved.selected("diseases") is None


@pytest.mark.parametrize("value", [None, ""])
def test_an_empty_output_dir_is_the_empty_string(value):
    """Rule: an empty ``output_dir`` (YAML ``output_dir:`` reads as None) means no folder given: canonical."""
    resolved = validate("table1", "table", {"output_dir": value}, TABLE1)
    assert resolved.values["output_dir"] == "" and resolved.canonical


@pytest.mark.parametrize(
    "value, expected",
    [("true", True), ("TRUE", True), ("1", True), ("yes", True), ("Yes", True)]
    + [("false", False), ("False", False), ("0", False), ("no", False), ("NO", False)],
)
def test_a_flag_takes_true_1_yes_or_false_0_no_in_any_case(value, expected):
    """Rule: a true/false parameter reads true, 1, yes or false, 0, no, in any case."""
    assert validate("fig2", "figure", {"show_untagged": value}, FIG2).values["show_untagged"] is expected


def _notebook(tmp_path, cell: str):
    """A notebook whose parameters cell is ``cell`` (what validate reads of it)."""
    import json

    path = tmp_path / "table1.ipynb"
    nb = {"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": cell, "outputs": []}]}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "value, expected",
    [("x, y", ("x", "y")), (["x", " y "], ("x", "y")), ("", "parameter 'labels': empty; use 'all' for no filter")],
)
def test_a_notebook_list_parameter_takes_a_list_or_a_comma_separated_string(tmp_path, value, expected):
    """Rule: a notebook-specific parameter whose default is a list takes a list or comma-separated text."""
    notebook = _notebook(tmp_path, 'labels = ["a"]\nformats = ["csv"]\noutput_dir = ""\n')
    if isinstance(expected, tuple):
        assert validate("table1", "table", {"labels": value}, notebook).values["labels"] == expected
        return
    with pytest.raises(ParameterError) as info:
        validate("table1", "table", {"labels": value}, notebook)
    assert str(info.value) == expected


def test_output_dir_is_where_a_run_goes_not_what_it_shows():
    """Rule: output_dir is never one of the changed values (they name the selection and the run folder)."""
    resolved = validate("table1", "table", {"output_dir": "runs/mine", "diseases": "AD"}, TABLE1)
    assert resolved.changed == {"diseases": ("AD",)}


def test_an_undeclared_name_is_refused_naming_the_exhibit_and_the_declared_ones():
    """Rule: validate refuses a name the notebook does not declare, naming the exhibit and every declared name."""
    with pytest.raises(ParameterError) as info:
        validate("table1", "table", {"colour": "red"}, TABLE1)
    assert str(info.value) == (
        "table1: unknown parameter(s) colour; declared: diseases, sources, host_species, edition, formats, output_dir"
    )


@pytest.mark.parametrize("name", ["x=1;import os;y", "two words", "1st"])
def test_a_name_that_is_no_identifier_is_refused_as_such(name):
    """Rule: papermill pastes names into code, so a name must be a Python identifier, and the refusal says so."""
    with pytest.raises(ParameterError) as info:
        validate("table1", "table", {name: "1"}, TABLE1)
    assert str(info.value) == f"parameter name {name!r} is not a Python identifier"


@pytest.mark.parametrize(
    "cell",
    [
        'labels = ["a"]\nformats = ["csv"]\noutput_dir = ""\n',  # a list default, compared as its tuple
        'formats = ["md", "csv"]\noutput_dir = ""\n',  # formats in another order than the allowed one
        'formats = ["csv"]\n',  # no output_dir declared at all
    ],
)
def test_a_run_with_the_defaults_is_canonical_however_they_are_written(tmp_path, cell):
    """Rule: canonical means every value equals its default, both normalised, and no output_dir given."""
    resolved = validate("table1", "table", {}, _notebook(tmp_path, cell))
    assert resolved.canonical and resolved.changed == {}
    assert resolved.out_dir == paths.TABLES_DIR and resolved.exhibit == "table1"


@pytest.mark.parametrize(
    "other_cells",
    [
        [{"cell_type": "markdown", "source": "# Title"}],  # no metadata at all
        [{"cell_type": "markdown", "metadata": {}, "source": "# Title"}],  # metadata without tags
        [{"cell_type": "code", "metadata": {"tags": ["other"]}, "source": "x = 1", "outputs": []}],
    ],
)
def test_the_parameters_cell_is_found_among_cells_without_tags(tmp_path, other_cells):
    """Rule: the defaults are the cell tagged 'parameters'; other cells may lack metadata or tags."""
    import json

    from helpers.notebook.params import declared

    path = tmp_path / "nb.ipynb"
    parameters = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ["dpi = 300\n"], "outputs": []}
    path.write_text(json.dumps({"cells": [*other_cells, parameters]}), encoding="utf-8")
    assert declared(path) == {"dpi": 300}


def test_every_undeclared_name_is_listed():
    """Rule: all undeclared names are named at once, sorted and comma-separated."""
    with pytest.raises(ParameterError) as info:
        validate("table1", "table", {"size": 1, "colour": "red"}, TABLE1)
    assert str(info.value).startswith("table1: unknown parameter(s) colour, size; declared: ")


@pytest.mark.parametrize(
    "cells, message",
    [
        (
            [{"cell_type": "code", "metadata": {}, "source": "dpi = 300", "outputs": []}],
            "nb.ipynb has no cell tagged 'parameters'",
        ),
        (
            [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": "import os", "outputs": []}],
            "nb.ipynb: the parameters cell may only assign literals",
        ),
        (
            [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": "a = b = 1", "outputs": []}],
            "nb.ipynb: the parameters cell may only assign literals",
        ),
    ],
)
def test_a_notebook_without_a_literal_parameters_cell_is_refused_by_name(tmp_path, cells, message):
    """Rule: the defaults are a tagged cell of literal assignments; anything else names the notebook."""
    import json

    from helpers.notebook.params import declared

    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    with pytest.raises(ParameterError) as info:
        declared(path)
    assert str(info.value) == message
