"""Parameters of single exhibits (the dosing run's body masses, the registry's snapshot) and defaults given to validate.

Expected values come from the parameter's documented rule: a dict of host species (mouse, rat, rabbit) to a
positive number of grams, given as a dict or as its JSON text on the command line; a run's selection line
reads "nominal body mass <species> <grams> g"; its folder name joins ``<species>-<grams>`` with ``+``.
"""

from __future__ import annotations

import pytest

from helpers.notebook import params
from helpers.notebook.params import ParameterError, describe_selection, slug

MASSES = {"mouse": 25.0, "rat": 300.0}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"mouse": 25, "rat": 300}, MASSES),
        ('{"mouse": 25, "rat": 300}', MASSES),  # JSON text, as `review run -p body_mass_g '{...}'` passes it
        ('{"rabbit": 3500.5}', {"rabbit": 3500.5}),
    ],
    ids=["dict", "json-text", "json-text-fraction"],
)
def test_body_masses_are_read_from_a_dict_or_its_json_text(given, expected):
    assert params._normalise("body_mass_g", given, {"mouse": 20.0}, ()) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"dog": 10},
            "parameter 'body_mass_g': 'dog' is not a host species; expected one of ['mouse', 'rat', 'rabbit']",
        ),
        ('{"mouse": 0}', "parameter 'body_mass_g': 'mouse' must be a positive number of grams, got 0"),
        ("[25]", "parameter 'body_mass_g': expected a dict such as {'mouse': 25}, got [25]"),
    ],
    ids=["unknown-species", "zero-grams", "not-a-dict"],
)
def test_a_bad_body_mass_is_refused_naming_the_parameter_and_the_value(given, message):
    with pytest.raises(ParameterError) as caught:
        params._normalise("body_mass_g", given, {"mouse": 20.0}, ())
    assert str(caught.value) == message


def test_text_that_is_not_json_is_refused_as_a_parameter_error():
    with pytest.raises(ParameterError):
        params._normalise("body_mass_g", "{mouse: 25}", {"mouse": 20.0}, ())


def test_a_run_with_other_masses_says_which_in_its_selection_line():
    assert describe_selection({"body_mass_g": MASSES}) == "Selection: nominal body mass mouse 25 g, rat 300 g"


def test_a_run_with_other_masses_is_named_by_them():
    assert slug("dosing", {"body_mass_g": MASSES}) == "dosing_body_mass_g-mouse-25+rat-300"


# Table 4 selects its tissue sources only through the Tables 1-3 studies of the diseases asked for; a code is
# named with its disease (a code outside the vocabulary is shown as given), whether one code or several.
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("AD", "Alzheimer's disease (disease code AD)"),
        (("AD", "POF"), "Alzheimer's disease (disease code AD), Premature ovarian failure (disease code POF)"),
        (("XX",), "XX (disease code XX)"),
    ],
    ids=["one-code-as-text", "two-codes", "unknown-code"],
)
def test_table4_names_the_diseases_whose_studies_chose_its_sources(value, expected):
    assert describe_selection({"diseases": value}, exhibit="table4") == (
        f"Selection: tissue sources used by the Tables 1-3 studies of {expected}"
    )


def test_the_registry_snapshot_parameter_is_kept_in_lower_case_without_spaces():
    # "latest" is the one word the registry exhibit documents; a run record and its folder name spell it so.
    assert params._normalise("snapshot", "  Latest ", "latest", ()) == "latest"


def test_validate_reads_the_defaults_it_is_given_not_the_notebooks_again():
    # The site's views validate many selections of one notebook with the defaults read once: only those count.
    resolved = params.validate("table1", "table", {"diseases": "AD"}, defaults={"diseases": "all"})
    assert set(resolved.values) == {"diseases"}
    assert resolved.changed == {"diseases": ("AD",)}
