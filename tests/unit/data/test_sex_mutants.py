"""Mutation tests for helpers.data.derive.sex.sex: a sex printed in the Animal model cell.

No Table 1-2 Animal model cell of the print names a sex (the rows that imply one do so through
a POF or OVX model), so the rule "a sex is coded where a printed cell names it" is checked with
literal cells. Expected values follow the module docstring: the value is one of SEXES and the
evidence quotes the cell and the sex words it prints.
"""

from __future__ import annotations

import pytest

from helpers.data.derive.sex import FEMALE_IMPLIED, IN_VITRO, NOT_REPORTED, SEXES, sex


@pytest.mark.parametrize(
    ("animal_model", "expected", "words"),
    [
        pytest.param("Aged male C57BL/6 mice", "male", "male", id="male-only"),
        pytest.param("Aged Female SD rats", "female", "female", id="female-only-title-case"),
        pytest.param("Males aged 24 months", "male", "male", id="plural-male"),
        pytest.param("Aged male and female mice", "female and male", "female and male", id="both-sexes"),
        pytest.param("Female and male SAMP8 mice", "female and male", "female and male", id="both-sexes-female-first"),
    ],
)
def test_a_sex_printed_in_the_animal_model_cell_is_coded_with_its_words(animal_model, expected, words):
    value, evidence = sex("Aging", animal_model, "in vivo")
    assert not value.missing
    assert value.value == expected
    assert value.value in SEXES
    assert evidence == f"Animal model '{animal_model}' prints '{words}'"


def test_a_printed_sex_wins_over_an_ovarian_model():
    """A printed 'female' is a printed value, not the implied one."""
    value, evidence = sex("POF", "Female CTX induced POF mouse model", "in vivo + in vitro")
    assert value.value == "female"
    assert evidence == "Animal model 'Female CTX induced POF mouse model' prints 'female'"


@pytest.mark.parametrize(
    ("disease", "animal_model", "evidence"),
    [
        pytest.param(
            "OP",
            "Ovariectomized rats",
            "Animal model 'Ovariectomized rats' prints 'Ovariectom': an ovariectomy model, so female animals",
            id="ovariectomized-title-case",
        ),
        pytest.param(
            "Osteoporosis after ovariectomy",
            "Aged rat model",
            "Disease 'Osteoporosis after ovariectomy' prints 'ovariectom': an ovariectomy model, so female animals",
            id="ovariectomy-in-disease",
        ),
        pytest.param(
            "POF",
            "CDDP induced POF rat model",
            "Animal model 'CDDP induced POF rat model' prints 'POF': an ovarian model, so female animals",
            id="pof-is-an-ovarian-model",
        ),
        pytest.param(
            "OP",
            "OVX rat model",
            "Animal model 'OVX rat model' prints 'OVX': an ovariectomy model, so female animals",
            id="ovx-abbreviation",
        ),
    ],
)
def test_an_ovariectomy_is_named_an_ovariectomy_model(disease, animal_model, evidence):
    value, said = sex(disease, animal_model, "in vivo")
    assert value.value == FEMALE_IMPLIED
    assert said == evidence


# Rows with no sex to code, each with the reason a reader is given. Called directly, so that mutmut's
# depth-limited run (the unit tests that reach the function within a few frames) sees the rule.
@pytest.mark.parametrize(
    ("animal_model", "setting", "reason"),
    [
        # No animal was treated: the question does not arise.
        pytest.param("Aged mice", "in vitro", IN_VITRO, id="in-vitro-only"),
        pytest.param("OVX rat model", "in vitro", IN_VITRO, id="in-vitro-only-even-with-an-ovarian-model"),
        # Animals, but no printed cell names a sex or a female-only model.
        pytest.param("Aged mice", "in vivo", NOT_REPORTED, id="in-vivo-silent"),
        pytest.param("Aged mice", "in vivo + in vitro", NOT_REPORTED, id="both-settings-silent"),
    ],
)
def test_a_row_with_no_sex_to_code_says_why_and_quotes_nothing(animal_model, setting, reason):
    value, evidence = sex("Aging", animal_model, setting)
    assert value.missing
    assert value.reason == reason
    assert evidence == ""
