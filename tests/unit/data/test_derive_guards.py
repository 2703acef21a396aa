"""Guards of helpers.data.derive that surviving mutants showed untested (issue 21, make mutation)."""

from __future__ import annotations

import pytest

from helpers.data.derive import Derived, modality
from helpers.data.derive.modification import product
from helpers.data.derive.sources import _word_case

WORD_CASES = [
    # rule, printed source piece, as read
    ("a leading species word is lower-cased", "Rabbit AD-MSC", "rabbit AD-MSC"),
    ("only the first word is looked at", "Rabbit bone marrow MSC", "rabbit bone marrow MSC"),
    ("a lone species word is left as printed", "Rabbit", "Rabbit"),
    ("a first word that is no species is left as printed", "UC-MSC and BM", "UC-MSC and BM"),
]


@pytest.mark.parametrize("rule, piece, expected", WORD_CASES, ids=[w[0] for w in WORD_CASES])
def test_a_leading_species_word_is_lower_cased(rule, piece, expected):
    """_word_case: "Rabbit AD-MSC" reads as "rabbit AD-MSC"; nothing else changes."""
    assert _word_case(piece) == expected, rule


def test_derived_refuses_a_missing_value_without_reason_and_a_value_with_one():
    """Derived: a missing value needs a reason; a parsed value carries none."""
    with pytest.raises(ValueError, match="^a missing Derived value needs a reason$"):
        Derived(None)
    with pytest.raises(ValueError, match="^a parsed Derived value must not carry a reason$"):
        Derived(1.0, "why")


def test_modality_of_a_trial_without_an_msc_type_is_missing_and_an_unknown_table_is_an_error():
    """modality: Table 3 without a printed MSC type is missing, with its reason; an unknown table raises."""
    assert modality("clinical_trials") == Derived(None, "no MSC type printed")
    with pytest.raises(ValueError, match="^unknown table 'table9'$"):
        modality("table9")


def test_product_of_a_missing_modification_stays_missing():
    """product: native or modified from the modification; a missing one stays missing, reason kept."""
    assert product(Derived(None, "no cell printed")) == Derived(None, "no cell printed")
    assert product(Derived("none")) == Derived("native")
    assert product(Derived("primed")) == Derived("modified")
