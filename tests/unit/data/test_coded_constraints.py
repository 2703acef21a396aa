"""The Frictionless constraints of every coded column (``helpers.data.coded.constraints``), field by field.

The descriptor attaches these constraints so that ``frictionless validate``
checks the values of ``tables/studies.csv`` and ``tables/trials.csv``, not
only their types. Each expected value below is written out from the
column's own description (``STUDY_COLUMNS`` / ``TRIAL_COLUMNS``) and
``data/README.md``: a single code gets its ``enum`` in the vocabulary's
order, a '+'-joined code a ``pattern``, a count or a measure a ``minimum``,
and a free-text column nothing. A trial's donor relation is narrower than a
study's (a patient is never another species, a syngeneic strain or a dish).
"""

from __future__ import annotations

import re

import pytest

from helpers.data import coded

#: A single code per cell: the whole list of allowed values, as the column descriptions spell them.
ENUMS = [
    ("disease_code", ["POF", "AD", "AS", "OP", "SKIN", "WEAK"]),
    ("host_species", ["mouse", "rat", "rabbit"]),
    ("modality", ["cells", "exosomes"]),
    ("product", ["native", "modified"]),
    (
        "dose_kind",
        [
            "cells",
            "particles",
            "mass as printed",
            "mass per body mass",
            "cells, printed for exosomes",
            "injected concentration",
            "in vitro concentration",
            "concentration, arm not stated",
        ],
    ),
    ("time_arm", ["follow-up of treated animals", "incubation in culture", "not stated in the review"]),
    ("setting", ["in vivo", "in vitro", "in vivo + in vitro"]),
    ("design", ["registered trial", "retrospective cohort study", "retrospective study"]),
    ("size_kind", ["single value", "range"]),
    ("vesicle_type", ["exosomes", "extracellular vesicles", "exosome-mimetic", "conditioned medium", "none named"]),
    ("effect_direction", ["improved", "prospect only", "mixed", "no effect", "worse", "not stated"]),
    ("outcome_level", ["organism", "tissue", "cellular or molecular", "not stated"]),
    ("effect_instead", ["mechanism only", "safety only", "delivery only", "delivery and safety only"]),
    ("sex", ["female (implied by the model)", "female", "male", "female and male"]),
    ("dose_per_kg_unit", ["cells/kg", "particles/kg", "µg/kg"]),
    ("dose_per_kg_delivery", ["systemic (IV or IP)", "local (per kg of whole body not meaningful)"]),
]

#: Whole numbers that count from one (a printed row, a reference, an arm, a participant) and measures that
#: cannot be negative (a dose, a time, a share of a lifespan, a size).
MINIMUMS = [
    ("row", 1),
    ("ref", 1),
    ("dose_arms", 1),
    ("enrollment", 1),
    ("dose_low", 0),
    ("dose_high", 0),
    ("dose_per_kg_low", 0),
    ("dose_per_kg_high", 0),
    ("follow_up_days", 0),
    ("follow_up_lifespan_share", 0),
    ("incubation_hours", 0),
    ("unassigned_time_days", 0),
    ("size_low_nm", 0),
    ("size_high_nm", 0),
]

#: '+'-joined codes: one code, or several joined with '+', each escaped for a regular expression.
TISSUE = r"(?:UC|UCB|BM|AD|AM|DP)"
SPECIES = r"(?:human|mouse|rat|rabbit)"
MODIFIED = r"(?:engineered|primed|biomaterial|selected|co\-treatment)"
MODEL_CLASS = (
    r"(?:natural\ ageing|accelerated\-ageing\ strain|genetic|induced:\ chemical|induced:\ Aβ\ peptide"
    r"|induced:\ immune|induced:\ radiation|induced:\ ovariectomy|induced:\ surgical\ bone\ defect"
    r"|induced:\ diet|model\ named,\ induction\ not\ stated|in\ vitro\ only)"
)
PATTERNS = [
    ("tissue", f"^{TISSUE}(?:\\+{TISSUE})*$"),
    ("donor_species", f"^{SPECIES}(?:\\+{SPECIES})*$"),
    ("model_class", f"^{MODEL_CLASS}(?:\\+{MODEL_CLASS})*$"),
    # "none" stands alone, never joined to a modification
    ("modification", f"^(?:none|{MODIFIED}(?:\\+{MODIFIED})*)$"),
    ("nct_id", r"^NCT\d{8}$"),
]

#: Free text, flags and evidence: nothing to check beyond the type.
UNCONSTRAINED = [
    "table",
    "year",
    "disease",
    "relation_evidence",
    "sex_evidence",
    "route",
    "route_defined",
    "dose_unit",
    "dose_missing",
    "dose_per_kg_basis",
    "animal_work_words",
    "mechanisms",
    "cargo",
    "comparison",
    "review_text",
    "transcription_notes",
    "registered",
    "phase",
    "status",
    "results",
    "not_a_column",
]

BOTH = ["studies", "trials"]


@pytest.mark.parametrize("resource", BOTH)
@pytest.mark.parametrize("name, values", ENUMS, ids=[n for n, _ in ENUMS])
def test_a_single_code_column_allows_exactly_its_vocabulary(name, values, resource):
    """Rule: a column holding one code per cell gets an ``enum`` of every code its description names, in order."""
    assert coded.constraints(name, resource) == {"enum": values}


@pytest.mark.parametrize("resource", BOTH)
@pytest.mark.parametrize("name, minimum", MINIMUMS, ids=[n for n, _ in MINIMUMS])
def test_a_count_starts_at_one_and_a_measure_at_zero(name, minimum, resource):
    """Rule: printed rows, references, dose arms and participants count from 1; doses, times and sizes are >= 0."""
    assert coded.constraints(name, resource) == {"minimum": minimum}


@pytest.mark.parametrize("resource", BOTH)
@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_a_joined_code_column_gets_a_pattern_of_its_codes(name, pattern, resource):
    """Rule: one code or several '+'-joined (tissue, species, model class, modification); an NCT id is 8 digits."""
    assert coded.constraints(name, resource) == {"pattern": pattern}


@pytest.mark.parametrize(
    "resource, relations",
    [
        # a study's host may be another species, a syngeneic strain or no animal at all
        (
            "studies",
            [
                "xenogeneic",
                "allogeneic",
                "syngeneic",
                "autologous",
                "same species, not specified",
                "no animal host (in vitro)",
            ],
        ),
        # a patient is never another species, a syngeneic strain or a dish (dataset third reading 3.5)
        ("trials", ["autologous", "allogeneic"]),
    ],
)
def test_a_trials_relation_is_only_autologous_or_allogeneic(resource, relations):
    """Rule: the relation enum depends on the file: the trials' is narrower than the studies'."""
    assert coded.constraints("relation", resource) == {"enum": relations}


def test_the_default_resource_is_the_studies():
    """Rule: without a resource the constraints are the studies' (the larger relation vocabulary)."""
    assert coded.constraints("relation") == coded.constraints("relation", "studies")
    assert len(coded.constraints("relation")["enum"]) == 6


@pytest.mark.parametrize("resource", BOTH)
@pytest.mark.parametrize("name", UNCONSTRAINED)
def test_free_text_and_flags_get_no_constraints(name, resource):
    """Rule: a column whose values are words, evidence or true/false gets no constraint (an empty dict)."""
    assert coded.constraints(name, resource) == {}


@pytest.mark.parametrize(
    "name, value, valid",
    [
        ("tissue", "UC", True),
        ("tissue", "AD+UC+AM", True),
        ("tissue", "UCB", True),
        ("tissue", "UC+", False),  # a '+' joins two codes, never ends one
        ("tissue", "+UC", False),
        ("tissue", "uc", False),  # codes are the legend's capitals
        ("tissue", "UC|BM", False),  # '|' is not the joiner
        ("tissue", "XUC", False),  # anchored at both ends
        ("donor_species", "human+rat", True),
        ("donor_species", "dog", False),
        ("modification", "none", True),
        ("modification", "engineered+co-treatment", True),
        ("modification", "co-treatment", True),
        ("modification", "cotreatment", False),  # the hyphen is literal
        ("modification", "none+primed", False),  # "none" stands alone
        ("modification", "primed+none", False),
        ("modification", "^none$", False),
        ("model_class", "induced: Aβ peptide+genetic", True),
        ("model_class", "model named, induction not stated", True),
        ("model_class", "induced:  chemical", False),
        ("nct_id", "NCT01234567", True),
        ("nct_id", "NCT0123456", False),
        ("nct_id", "nct01234567", False),
    ],
)
def test_the_patterns_accept_the_coded_forms_and_nothing_else(name, value, valid):
    """Rule: ``frictionless validate`` must accept every well-formed joined code and reject a malformed one."""
    (pattern,) = coded.constraints(name).values()
    assert bool(re.fullmatch(pattern, value)) == valid
    assert bool(re.search(pattern, value)) == valid  # the pattern anchors itself, as a validator may search


@pytest.mark.parametrize(
    "values, pattern",
    [
        (("a",), "^(?:a)(?:\\+(?:a))*$"),
        (("in vivo", "x+y"), "^(?:in\\ vivo|x\\+y)(?:\\+(?:in\\ vivo|x\\+y))*$"),
    ],
    ids=["one value", "values with a space and a plus are escaped"],
)
def test_a_joined_pattern_lists_each_value_escaped(values, pattern):
    """Rule: one value or several joined with '+', every value matched literally."""
    assert coded._joined_pattern(values) == pattern
