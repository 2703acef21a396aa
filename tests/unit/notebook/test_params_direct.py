"""Notebook parameters, called directly: each parameter's normalisation, the selection's words and the run folder.

:mod:`helpers.notebook.params` turns the values papermill injects (strings or lists) into what a notebook
uses, refuses what the data does not allow with a :class:`ParameterError` naming the parameter and the
allowed values, names a non-default selection in words (figure subtitles, table captions) and decides the
folder a run writes to. Each expected value below is worked out by hand from the module's docstrings and
the vocabulary of :mod:`helpers.core.vocab` (diseases POF, AD, AS, OP, SKIN, WEAK in that order; host
species mouse, rat, rabbit; modalities cells, exosomes; products native, modified; editions printed,
current; flagged keep, mark, drop).
"""

from __future__ import annotations

import io
import json

import pytest

from helpers.core import paths
from helpers.notebook import params
from helpers.notebook.params import ParameterError, Resolved

_FIGURE_FORMATS = ("png", "svg", "pdf")
_DISEASES_ALLOWED = "'all' or any of POF, AD, AS, OP, SKIN, WEAK"

# ---------------------------------------------------------------- _normalise: accepted values

# (name, value, default, expected): one line per rule of _normalise.
_NORMALISED = [
    ("edition", " Current ", "printed", "current"),  # one word of the editions, any case, trimmed
    ("snapshot", " LATEST ", "latest", "latest"),  # "latest" whatever its case; the word, not a date
    ("flagged", "DROP", "keep", "drop"),  # one word of keep/mark/drop, any case
    ("diseases", "AD, pof", "all", ("POF", "AD")),  # codes of any case, in the vocabulary's order
    ("diseases", ("AD", " OP "), "all", ("AD", "OP")),  # a list is trimmed like a string
    ("diseases", "all", "all", "all"),  # the word 'all' is no filter
    ("diseases", " All ", "all", "all"),  # ... in any case, like the codes beside it
    ("sources", ["ALL"], "all", "all"),
    ("diseases", "POF,AD,AS,OP,SKIN,WEAK", "all", "all"),  # every code listed is the same as 'all'
    ("sources", "uc", "all", ("UC",)),  # another list parameter: the tissue codes
    ("modality", "Exosomes", "all", "exosomes"),  # a single choice is one word, lower-cased
    ("modality", "all", "all", "all"),  # ... or 'all'
    ("product", "MODIFIED", "all", "modified"),
    ("formats", "SVG, png", ("png",), ("png", "svg")),  # formats in the kind's order, any case
    ("dpi", "300", 300, 300),  # a whole number from the command line
    ("dpi", 50, 300, 50),  # the lowest allowed
    ("dpi", "1200", 300, 1200),  # the highest allowed
    ("output_dir", None, "", ""),  # no folder given is the empty string
    ("output_dir", "runs/mine", "", "runs/mine"),
    ("show_all", "Yes", False, True),  # a notebook's own true/false parameter
    ("show_all", "1", False, True),
    ("show_all", "TRUE", False, True),
    ("show_all", "no", True, False),
    ("show_all", "0", True, False),
    ("show_all", "False", True, False),
    ("top", "7", 5, 7),  # a notebook's own whole number keeps its type
    ("columns", "a, b", [], ("a", "b")),  # a notebook's own list becomes a tuple of trimmed words
    ("body_mass_g", '{"mouse": 25}', {}, {"mouse": 25.0}),  # host masses from JSON text, in grams
    ("body_mass_g", {"rat": 300}, {}, {"rat": 300.0}),
    ("title", "Aged mice", "", "Aged mice"),  # anything else is kept as given
]


@pytest.mark.parametrize(
    "name, value, default, expected",
    _NORMALISED,
    ids=[f"{n}={v!r}" for n, v, _, _ in _NORMALISED],
)
def test_normalise_turns_each_accepted_value_into_what_the_notebook_uses(name, value, default, expected):
    """Each parameter is read by its own rule: choices by word, numbers as numbers, a notebook's own by type."""
    got = params._normalise(name, value, default, _FIGURE_FORMATS)
    assert got == expected
    assert type(got) is type(expected)


# ---------------------------------------------------------------- _normalise: refused values

# (name, value, default, the whole message of the ParameterError).
_REFUSED = [
    ("edition", "bogus", "printed", "parameter 'edition': got 'bogus'; allowed: printed, current"),
    (
        "snapshot",
        "yesterday",
        "latest",
        "parameter 'snapshot': got 'yesterday'; expected 'latest' or a date YYYY-MM-DD",
    ),
    ("flagged", "all", "keep", "parameter 'flagged': got 'all'; allowed: keep, mark, drop"),
    ("diseases", "AD,XX,yy", "all", f"parameter 'diseases': unknown value(s) 'XX', 'yy'; allowed: {_DISEASES_ALLOWED}"),
    ("diseases", " , ", "all", "parameter 'diseases': empty; use 'all' for no filter"),
    ("diseases", 5, "all", "parameter 'diseases': expected a list or a comma-separated string, got 5"),
    ("modality", "vesicles", "all", "parameter 'modality': got 'vesicles'; allowed: all, cells, exosomes"),
    ("formats", "png,gif,bmp", ("png",), "parameter 'formats': unknown format(s) 'gif', 'bmp'; allowed: png, svg, pdf"),
    ("dpi", "abc", 300, "parameter 'dpi': expected a whole number, got 'abc'"),
    ("dpi", None, 300, "parameter 'dpi': expected a whole number, got None"),
    ("dpi", 49, 300, "parameter 'dpi': 49 is outside 50–1200"),
    ("dpi", "1201", 300, "parameter 'dpi': 1201 is outside 50–1200"),
    ("show_all", "maybe", False, "parameter 'show_all': expected true or false, got 'maybe'"),
    ("top", "seven", 5, "parameter 'top': expected a whole number, got 'seven'"),
    ("top", None, 5, "parameter 'top': expected a whole number, got None"),
    ("columns", "", [], "parameter 'columns': empty; use 'all' for no filter"),
]


@pytest.mark.parametrize(
    "name, value, default, message",
    _REFUSED,
    ids=[f"{n}={v!r}" for n, v, _, _ in _REFUSED],
)
def test_normalise_refuses_a_value_naming_the_parameter_and_what_is_allowed(name, value, default, message):
    """A value the notebook cannot use is a ParameterError whose whole message names parameter and choices."""
    with pytest.raises(ParameterError) as caught:
        params._normalise(name, value, default, _FIGURE_FORMATS)
    assert str(caught.value) == message


def test_the_parameters_cell_is_read_as_utf8_whatever_the_locale(tmp_path, monkeypatch):
    """A notebook is UTF-8 JSON: a default with a non-ASCII letter reads back intact on a Latin-1 locale too."""
    notebook = tmp_path / "nb.ipynb"
    cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ['title = "Ménière µg"\n']}
    notebook.write_text(json.dumps({"cells": [cell]}, ensure_ascii=False), encoding="utf-8")
    # A platform whose locale encoding is Latin-1 (as cp1252 on Windows): only an explicit encoding is safe.
    real = io.text_encoding
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "latin-1")
    try:
        got = params.declared(notebook)
    finally:
        monkeypatch.setattr(io, "text_encoding", real)
    assert got == {"title": "Ménière µg"}


# ---------------------------------------------------------------- check_declared


@pytest.mark.parametrize(
    "given, message",
    [
        ({"x=1;import os;y": 1}, "parameter name 'x=1;import os;y' is not a Python identifier"),
        ({1: 2}, "parameter name 1 is not a Python identifier"),
        ({"zeta": 1, "alpha": 2}, "fig1: unknown parameter(s) alpha, zeta; declared: diseases, dpi"),
    ],
    ids=["code-in-a-name", "not-a-string", "undeclared-names-sorted"],
)
def test_check_declared_refuses_non_identifiers_and_undeclared_names(given, message):
    """Only identifiers the notebook declares are accepted; the message lists the bad and the declared names."""
    with pytest.raises(ParameterError) as caught:
        params.check_declared("fig1", given, {"diseases": "all", "dpi": 300})
    assert str(caught.value) == message


def test_check_declared_accepts_declared_identifiers():
    """Declared identifier names pass without error."""
    assert params.check_declared("fig1", {"dpi": 600}, {"diseases": "all", "dpi": 300}) is None


# ---------------------------------------------------------------- injected

_INJECTED = [
    ({}, []),  # not IPython: no In list
    ({"In": "# Parameters\nx = 1"}, []),  # an In that is no list
    ({"In": ["x = 1", "y = 2"]}, []),  # no injected cell
    # The last injected cell counts; plain, annotated and augmented assignments name a parameter, a tuple
    # target or an expression does not.
    (
        {
            "In": [
                "# Parameters\nold = 1\n",
                "# Parameters\nd = 'AD'\ndpi: int = 300\nn += 1\na, b = 1, 2\nprint(d)\n",
                "z = 3",
            ]
        },
        ["d", "dpi", "n"],
    ),
    ({"In": ["# Parameters\nx = (\n"]}, []),  # a cell that does not parse
    ({"In": ["# Parameters\nx = '\0'\n"]}, []),  # a NUL byte
]


@pytest.mark.parametrize(
    "namespace, expected",
    _INJECTED,
    ids=["no-In", "In-not-a-list", "no-injected-cell", "last-injected-cell", "syntax-error", "nul-byte"],
)
def test_injected_names_what_the_last_papermill_cell_assigned(namespace, expected):
    """The names of papermill's last injected cell, read with ast; nothing when there is none or it is unreadable."""
    assert params.injected(namespace) == expected


# ---------------------------------------------------------------- describe_selection

_ALZ = "Alzheimer's disease (disease code AD)"
_DESCRIBED = [
    ({"diseases": ("AD", "POF"), "modality": "exosomes"}, "", "", "Selection: diseases AD, POF · exosomes only"),
    ({"dpi": 300, "formats": ("png",), "output_dir": "runs/x"}, "", "", ""),  # presentation only: no selection
    ({}, "", "", ""),
    ({"diseases": ("AD",)}, "table4", "", f"Selection: tissue sources used by the Tables 1-3 studies of {_ALZ}"),
    ({"diseases": "AD"}, "table4", "", f"Selection: tissue sources used by the Tables 1-3 studies of {_ALZ}"),
    (
        {"diseases": ("AD", "XX")},
        "table4",
        "",
        f"Selection: tissue sources used by the Tables 1-3 studies of {_ALZ}, XX (disease code XX)",
    ),
    ({"diseases": ("AD",)}, "fig1", "", "Selection: diseases AD"),  # only Table 4 words diseases indirectly
    ({"flagged": "drop"}, "", "", "Selection: audit-flagged rows dropped"),
    ({"flagged": "drop"}, "", "2 flagged rows left out", "Selection: 2 flagged rows left out"),
    ({"flagged": "mark"}, "", "2 flagged rows left out", "Selection: audit flags marked"),
    ({"flagged": "keep"}, "", "", "Selection: audit flags not shown"),
    ({"edition": "current"}, "", "", "Selection: current edition (printed review + data/additions/)"),
    ({"edition": "printed"}, "", "", "Selection: printed edition"),
    ({"modality": "cells"}, "", "", "Selection: cells only"),
    ({"product": "modified"}, "", "", "Selection: modified products only"),
    ({"host_species": ("mouse", "rat")}, "", "", "Selection: host species mouse, rat"),
    ({"body_mass_g": {"mouse": 25.0, "rat": 300.5}}, "", "", "Selection: nominal body mass mouse 25 g, rat 300.5 g"),
    ({"top_n": 5, "dpi": 600}, "", "", "Selection: top n 5"),
]


@pytest.mark.parametrize(
    "changed, exhibit, left_out, expected",
    _DESCRIBED,
    ids=[
        "diseases-and-modality",
        "presentation-only",
        "nothing-changed",
        "table4-diseases-indirect",
        "table4-one-code-as-text",
        "table4-unknown-code",
        "fig1-diseases-direct",
        "drop-without-counts",
        "drop-with-counts",
        "mark-ignores-counts",
        "keep",
        "current-edition",
        "printed-edition",
        "modality-only",
        "product-only",
        "list-parameter-with-underscore",
        "nominal-body-mass",
        "notebook-own-parameter",
    ],
)
def test_describe_selection_names_every_selecting_parameter_in_words(changed, exhibit, left_out, expected):
    """The subtitle names each selecting parameter in words, joined by " · "; presentation parameters never."""
    assert params.describe_selection(changed, exhibit=exhibit, left_out=left_out) == expected


# ---------------------------------------------------------------- slug

_SLUGS = [
    ("fig1", {"diseases": ("AD",)}, "fig1_diseases-AD"),
    ("fig1", {"diseases": ("AD", "POF"), "modality": "exosomes"}, "fig1_diseases-AD+POF_modality-exosomes"),
    ("fig2", {"body_mass_g": {"mouse": 25.0, "rat": 300.5}}, "fig2_body_mass_g-mouse-25+rat-300.5"),
    ("table1", {"title": "a b/c"}, "table1_title-a-b-c"),  # characters a folder name should not hold become "-"
    ("fig1", {"dpi": 300}, "fig1_dpi-300"),
    ("fig1", {}, "fig1"),
    ("x", {"t": "a" * 200}, "x_t-" + "a" * 116),  # cut at 120 characters
]


@pytest.mark.parametrize("exhibit, changed, expected", _SLUGS, ids=[s[2][:30] for s in _SLUGS])
def test_slug_names_a_run_folder_from_its_non_default_values(exhibit, changed, expected):
    """A run's folder is the exhibit then name-value pairs joined by "_", safe characters only, at most 120."""
    assert params.slug(exhibit, changed) == expected


# ---------------------------------------------------------------- Resolved.selected


@pytest.mark.parametrize(
    "values, expected",
    [
        ({"diseases": ("AD", "POF")}, ("AD", "POF")),
        ({"diseases": "all"}, None),
        ({}, None),
        ({"diseases": "AD"}, ("AD",)),
    ],
    ids=["codes", "all", "not-declared", "one-word"],
)
def test_resolved_selected_gives_the_codes_or_none_for_all(values, expected):
    """A list parameter's selected codes as a tuple; None when it selects everything or is not declared."""
    run = Resolved("fig1", values, canonical=False, out_dir=paths.RUNS_DIR / "x")
    assert run.selected("diseases") == expected


# ---------------------------------------------------------------- _run_folder


def test_run_folder_under_runs_is_accepted_resolved():
    """An output_dir under runs/ is the resolved folder; ".." is resolved first."""
    assert params._run_folder("runs/mine") == paths.RUNS_DIR / "mine"
    assert params._run_folder("runs/a/../b") == paths.RUNS_DIR / "b"


@pytest.mark.parametrize(
    "output_dir, message",
    [
        ("a\0b", "parameter 'output_dir': 'a\\x00b' holds a NUL character; expected a path"),
        (
            "tables/mine",
            "parameter 'output_dir': tables/mine/ is inside tables/, which only the build writes (canonical "
            "exhibits, default parameters); leave output_dir empty or choose a folder elsewhere, e.g. runs/mine",
        ),
        (
            "runs/../figures",
            "parameter 'output_dir': figures/ is inside figures/, which only the build writes (canonical "
            "exhibits, default parameters); leave output_dir empty or choose a folder elsewhere, e.g. runs/mine",
        ),
        (
            "notebooks",
            "parameter 'output_dir': notebooks/ is inside notebooks/, which only the build writes (canonical "
            "exhibits, default parameters); leave output_dir empty or choose a folder elsewhere, e.g. runs/mine",
        ),
        (
            "data/mine",
            "parameter 'output_dir': data/mine/ is not under runs/; a run writes only there (e.g. runs/mine); "
            "copy its files elsewhere afterwards",
        ),
        (
            "src/X",
            "parameter 'output_dir': src/X/ is not under runs/; a run writes only there (e.g. runs/mine); "
            "copy its files elsewhere afterwards",
        ),
        ("runs/" + "a" * 256, "parameter 'output_dir': a folder name is longer than 255 bytes"),
    ],
    ids=["nul", "tables", "figures-via-dotdot", "notebooks", "data", "named-as-given", "long-name"],
)
def test_run_folder_refuses_what_is_not_under_runs(output_dir, message):
    """Only a folder under runs/ is written: the build's folders, sources and over-long names are refused."""
    with pytest.raises(ParameterError) as caught:
        params._run_folder(output_dir)
    assert str(caught.value) == message


def test_run_folder_outside_the_project_is_named_in_full(tmp_path):
    """A folder outside the project is named by its absolute path (it has no project-relative one)."""
    with pytest.raises(ParameterError) as caught:
        params._run_folder(str(tmp_path / "out"))
    assert str(caught.value) == (
        f"parameter 'output_dir': {(tmp_path / 'out').resolve()}/ is not under runs/; a run writes only there "
        "(e.g. runs/mine); copy its files elsewhere afterwards"
    )


# ---------------------------------------------------------------- validate

_DEFAULTS = {"diseases": "all", "modality": "all", "dpi": 300, "formats": ("png",), "output_dir": ""}


@pytest.mark.parametrize(
    "given, changed, canonical, folder",
    [
        ({}, {}, True, paths.ROOT / "figures"),
        ({"dpi": "300", "diseases": "POF,AD,AS,OP,SKIN,WEAK"}, {}, True, paths.ROOT / "figures"),
        ({"diseases": "ad"}, {"diseases": ("AD",)}, False, paths.RUNS_DIR / "fig1_diseases-AD"),
        (
            {"modality": "Cells", "dpi": 600},
            {"modality": "cells", "dpi": 600},
            False,
            paths.RUNS_DIR / "fig1_modality-cells_dpi-600",
        ),
        ({"output_dir": "runs/mine"}, {}, False, paths.RUNS_DIR / "mine"),
        ({"output_dir": "runs/mine", "diseases": "AD"}, {"diseases": ("AD",)}, False, paths.RUNS_DIR / "mine"),
    ],
    ids=["defaults", "defaults-spelled-out", "one-disease", "two-changes", "output-dir", "output-dir-wins"],
)
def test_validate_decides_canonical_and_the_folder_a_run_writes(given, changed, canonical, folder):
    """Default values write the canonical folder; a change writes runs/<slug>; an output_dir names its own."""
    run = params.validate("fig1", "figure", given, defaults=_DEFAULTS)
    assert run.exhibit == "fig1"
    assert run.changed == changed
    assert run.canonical is canonical
    assert run.out_dir == folder
    assert set(run.values) == set(_DEFAULTS)
    assert run.values["dpi"] == int(given.get("dpi", 300))


# ---------------------------------------------------------------- the audit's own parameters, formats


@pytest.mark.parametrize(
    "name, value, expected",
    [
        ("severity", " Warning ", "warning"),  # the lowest level shown, any case
        ("rules", "all", "all"),  # every rule
        ("rules", "i2, I1", ("I1", "I2")),  # rule ids in the registry's order, any case
    ],
    ids=["severity", "rules-all", "rules-two"],
)
def test_the_audit_parameters_are_read_by_the_audits_own_choices(name, value, expected):
    """severity is one of error, warning, check; rules are rule ids of the audit's registry, or 'all'."""
    assert params._normalise(name, value, "all", _FIGURE_FORMATS) == expected


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("severity", "fatal", "parameter 'severity': got 'fatal'; allowed: error, warning, check"),
        ("formats", " , ", "parameter 'formats': empty; use 'all' for no filter"),
    ],
    ids=["unknown-severity", "no-format"],
)
def test_the_audit_and_format_parameters_refuse_by_name(name, value, message):
    """An unknown severity or an empty format list is a ParameterError naming the parameter."""
    with pytest.raises(ParameterError) as caught:
        params._normalise(name, value, "all", _FIGURE_FORMATS)
    assert str(caught.value) == message


# ---------------------------------------------------------------- describe_selection with its defaults


@pytest.mark.parametrize(
    "changed, expected",
    [
        ({"flagged": "drop"}, "Selection: audit-flagged rows dropped"),  # no counts given: the words of drop
        ({"diseases": ("AD",)}, "Selection: diseases AD"),  # no exhibit given: diseases select directly
        ({"dpi": 300, "diseases": ("AD",)}, "Selection: diseases AD"),  # a presentation parameter first is skipped
        ({"formats": ("png",), "output_dir": "runs/x", "modality": "cells"}, "Selection: cells only"),
    ],
    ids=["drop-default-left-out", "no-exhibit", "dpi-then-diseases", "presentation-then-modality"],
)
def test_describe_selection_with_default_arguments_skips_only_presentation(changed, expected):
    """Called with its defaults, the selection names every selecting parameter, whatever comes before it."""
    assert params.describe_selection(changed) == expected


# ---------------------------------------------------------------- _run_folder edges


def test_run_folder_refuses_the_root_of_the_file_system_by_its_name():
    """ "/" is shown as "/" (not "//"): the folder named is the one given."""
    with pytest.raises(ParameterError) as caught:
        params._run_folder("/")
    assert str(caught.value) == (
        "parameter 'output_dir': / is not under runs/; a run writes only there (e.g. runs/mine); "
        "copy its files elsewhere afterwards"
    )


def test_run_folder_accepts_a_folder_name_of_exactly_255_bytes():
    """255 bytes is the longest folder name a file system takes: accepted; 256 is refused (above)."""
    assert params._run_folder("runs/" + "a" * 255) == paths.RUNS_DIR / ("a" * 255)


# ---------------------------------------------------------------- declared


def _notebook(tmp_path, cells) -> object:
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    return path


_PARAMETERS = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ["a = 1\n", "b: int = 2\n"]}


@pytest.mark.parametrize(
    "cells, expected",
    [
        ([_PARAMETERS], {"a": 1, "b": 2}),
        # cells before it with no metadata, or metadata without tags, are passed over
        ([{"cell_type": "markdown", "source": ["# Title"]}, _PARAMETERS], {"a": 1, "b": 2}),
        ([{"cell_type": "code", "metadata": {}, "source": ["x = 9"]}, _PARAMETERS], {"a": 1, "b": 2}),
        (
            [{"cell_type": "code", "metadata": {"tags": ["other"]}, "source": ["x = 9"]}, _PARAMETERS],
            {"a": 1, "b": 2},
        ),
    ],
    ids=["alone", "after-a-cell-without-metadata", "after-a-cell-without-tags", "after-another-tag"],
)
def test_declared_reads_the_literals_of_the_cell_tagged_parameters(tmp_path, cells, expected):
    """The defaults are the literal assignments of the cell tagged 'parameters', its lines joined as written."""
    assert params.declared(_notebook(tmp_path, cells)) == expected


@pytest.mark.parametrize(
    "cells, message",
    [
        ([{"cell_type": "code", "metadata": {}, "source": ["a = 1"]}], "nb.ipynb has no cell tagged 'parameters'"),
        (
            [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ["a, b = 1, 2"]}],
            "nb.ipynb: the parameters cell may only assign literals",
        ),
        (
            [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ["a = b = 1"]}],
            "nb.ipynb: the parameters cell may only assign literals",
        ),
        (
            [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ["import os"]}],
            "nb.ipynb: the parameters cell may only assign literals",
        ),
    ],
    ids=["no-parameters-cell", "tuple-target", "two-targets", "not-an-assignment"],
)
def test_declared_refuses_a_notebook_without_a_literal_parameters_cell(tmp_path, cells, message):
    """No tagged cell, or anything but one name assigned a literal, is refused naming the notebook."""
    with pytest.raises(ParameterError) as caught:
        params.declared(_notebook(tmp_path, cells))
    assert str(caught.value) == message


# ---------------------------------------------------------------- validate reading its notebook


def test_validate_reads_the_defaults_of_the_notebook_it_is_given(tmp_path):
    """Without defaults, validate reads the given notebook's parameters cell (not the exhibit's own notebook)."""
    cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": ['diseases = "all"\n', "dpi = 300\n"]}
    run = params.validate("fig1", "figure", {"diseases": "AD"}, _notebook(tmp_path, [cell]))
    assert run.values == {"diseases": ("AD",), "dpi": 300}
    assert run.changed == {"diseases": ("AD",)}
    assert run.out_dir == paths.RUNS_DIR / "fig1_diseases-AD"


def test_validate_refuses_an_undeclared_name_naming_the_exhibit():
    """A name the notebook does not declare is refused with the exhibit's id and the declared names."""
    with pytest.raises(ParameterError) as caught:
        params.validate("fig1", "figure", {"zeta": 1}, defaults=_DEFAULTS)
    assert (
        str(caught.value) == "fig1: unknown parameter(s) zeta; declared: diseases, modality, dpi, formats, output_dir"
    )


# A notebook's own parameters (typed by their defaults), a default that is itself normalised, no output_dir.
_OWN = {"diseases": "AD", "show_all": False, "top": 5, "columns": ["a", "b"]}


@pytest.mark.parametrize(
    "given, values, changed, folder",
    [
        ({}, {"diseases": ("AD",), "show_all": False, "top": 5, "columns": ("a", "b")}, {}, paths.ROOT / "figures"),
        (
            {"show_all": "yes", "top": "7"},
            {"diseases": ("AD",), "show_all": True, "top": 7, "columns": ("a", "b")},
            {"show_all": True, "top": 7},
            paths.RUNS_DIR / "fig1_show_all-True_top-7",
        ),
    ],
    ids=["defaults-are-canonical", "typed-by-their-defaults"],
)
def test_validate_types_a_notebooks_own_parameters_by_their_defaults(given, values, changed, folder):
    """A default is compared normalised ("AD" is the selection ("AD",)); values take the type of their default."""
    run = params.validate("fig1", "figure", given, defaults=_OWN)
    assert run.values == values
    assert run.changed == changed
    assert run.canonical is (not changed)
    assert run.out_dir == folder
