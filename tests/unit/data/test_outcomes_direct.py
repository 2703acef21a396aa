"""Direct tests of :mod:`helpers.data.derive.outcomes`: one Effects cell, and a table of them, read whole.

The rules are the module docstring's, applied with the cue words of ``data/outcome_cues.csv``:

* direction: a delivery or safety cue makes the row ``not stated`` and says what it prints instead
  ("delivery only", "safety only", "delivery and safety only"); a benefit cue with a no-effect cue is
  ``mixed``; a benefit cue alone ``improved``; a benefit stated only as a prospect ("may provide") in a cell
  that names no outcome ``prospect only``; no cue at all ``not stated`` with ``mechanism only``;
* level: the highest level any cue finds (organism > tissue > cellular or molecular);
* comparison: any comparison cue; what was compared comes from two or more MSC sources the cell names
  (the first did better), a "3D-" culture, or the row's modification, naming a priming only where the cell
  prints one; a cell that states no direction does not say which arm did better.

The evidence names the first printed words behind each field, in the order direction, level, comparison.
Every expected :class:`Outcome` below was worked out by hand from the cell text and those cues.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.derive import outcomes as outcomes_module
from helpers.data.derive.outcomes import Outcome, _compared, _direction, _level, load_cues, outcome, outcomes
from helpers.data.derive.result import Derived

STATED = Derived(None, "the printed Effects cell states a direction")
NO_COMPARISON = Derived(None, "no head-to-head comparison printed in the Effects cell")
NO_BETTER = Derived(None, "the Effects cell states no direction, so not which arm did better")
NOT_STATED = Derived("not stated")

PRIMED = "Pretreatment of the cells with DMF improves therapeutic efficacy"
ENGINEERED_AND_PRIMED = "Exosomes from hypoxia-pretreated and miR-engineered MSCs enhance the therapeutic effects"
MECHANISM = "MSCs act through the Wnt pathway"


@pytest.mark.parametrize(
    ("effects", "tissue", "modality", "modification", "expected"),
    [
        # A priming the cell prints ("Pretreatment") is named; "improves therapeutic efficacy" is the comparison.
        pytest.param(
            PRIMED,
            "UC",
            "cells",
            "primed",
            Outcome(
                Derived("improved"),
                STATED,
                NOT_STATED,
                Derived(True),
                Derived("UC-MSCs primed vs UC-MSCs as obtained"),
                Derived("UC-MSCs primed"),
                "direction: 'improves'; comparison: 'improves therapeutic efficacy'",
            ),
            id="printed-priming-compared-with-cells-as-obtained",
        ),
        # Two modifications are joined with "and"; exosomes with no coded tissue are plain "MSC exosomes".
        pytest.param(
            ENGINEERED_AND_PRIMED,
            "",
            "exosomes",
            "engineered+primed",
            Outcome(
                Derived("improved"),
                STATED,
                NOT_STATED,
                Derived(True),
                Derived("MSC exosomes engineered and primed vs MSC exosomes as obtained"),
                Derived("MSC exosomes engineered and primed"),
                "direction: 'enhance'; comparison: 'enhance the therapeutic effects'",
            ),
            id="two-modifications-of-exosomes-without-tissue",
        ),
        # A priming printed only in the Precondition cell is not named, so the compared arms are not read.
        pytest.param(
            "MSCs improve the therapeutic effect in aged mice",
            "BM",
            "cells",
            "primed",
            Outcome(
                Derived("improved"),
                STATED,
                NOT_STATED,
                Derived(True),
                Derived(None, "the compared arms are not read from the cell"),
                Derived(None, "no arms read"),
                "direction: 'improve'; comparison: 'improve the therapeutic effect'",
            ),
            id="unprinted-priming-leaves-arms-unread",
        ),
        # Three sources: the first named did better than the rest, which are listed together.
        pytest.param(
            "hUC-MSCs were better than hBM-MSCs and hAD-MSCs at improving memory",
            "UC",
            "cells",
            "none",
            Outcome(
                Derived("improved"),
                STATED,
                Derived("organism"),
                Derived(True),
                Derived("UC-MSCs vs BM, AD-MSCs"),
                Derived("UC-MSCs"),
                "direction: 'improving'; level: 'memory'; comparison: 'better'",
            ),
            id="three-tissue-sources-first-did-better",
        ),
        # Two comparison cues of two kinds: both are quoted; the first in cue order ("better") names the comparator.
        pytest.param(
            "Hydrogel-embedded MSCs improve cell retention and survive better than MSCs alone",
            "UC",
            "cells",
            "biomaterial",
            Outcome(
                Derived("improved"),
                STATED,
                NOT_STATED,
                Derived(True),
                Derived("UC-MSCs with a biomaterial vs UC-MSCs as obtained"),
                Derived("UC-MSCs with a biomaterial"),
                "direction: 'improve'; comparison: 'better'; 'improve cell retention'",
            ),
            id="two-comparison-cues-both-quoted",
        ),
        # A combination cue with no direction: the arms are read, but not which did better.
        pytest.param(
            "Cumulative effects of MSCs and metformin on autophagy",
            "AD",
            "cells",
            "co-treatment",
            Outcome(
                NOT_STATED,
                Derived("mechanism only"),
                Derived("cellular or molecular"),
                Derived(True),
                Derived("AD-MSCs with a co-agent vs each alone"),
                NO_BETTER,
                "level: 'autophagy'; comparison: 'Cumulative effects'",
            ),
            id="combination-without-direction",
        ),
        # No cue of any field: every field says so and the evidence is empty.
        pytest.param(
            MECHANISM,
            "BM",
            "cells",
            "none",
            Outcome(
                NOT_STATED, Derived("mechanism only"), NOT_STATED, Derived(False), NO_COMPARISON, NO_COMPARISON, ""
            ),
            id="mechanism-only-no-cue",
        ),
        # A benefit with a "did not": mixed; the highest level named (memory: organism) wins over plaque area.
        pytest.param(
            "MSCs improved memory but did not reduce plaque area; they may provide a therapy",
            "BM",
            "cells",
            "none",
            Outcome(
                Derived("mixed"),
                STATED,
                Derived("organism"),
                Derived(False),
                NO_COMPARISON,
                NO_COMPARISON,
                "direction: 'improved'; 'did not'; level: 'memory'",
            ),
            id="benefit-and-no-effect-is-mixed",
        ),
        # A benefit only as a prospect, in a cell that names no outcome.
        pytest.param(
            "MSC exosomes may provide a therapeutic option for aged skin",
            "UC",
            "exosomes",
            "none",
            Outcome(
                Derived("prospect only"),
                STATED,
                NOT_STATED,
                Derived(False),
                NO_COMPARISON,
                NO_COMPARISON,
                "direction: 'may provide'",
            ),
            id="prospect-only",
        ),
        pytest.param(
            "A safe skin delivery platform",
            "UC",
            "exosomes",
            "none",
            Outcome(
                NOT_STATED,
                Derived("delivery and safety only"),
                NOT_STATED,
                Derived(False),
                NO_COMPARISON,
                NO_COMPARISON,
                "direction: 'skin delivery'; 'safe'",
            ),
            id="delivery-and-safety-only",
        ),
        pytest.param(
            "MSC exosomes as a drug delivery platform",
            "UC",
            "exosomes",
            "none",
            Outcome(
                NOT_STATED,
                Derived("delivery only"),
                NOT_STATED,
                Derived(False),
                NO_COMPARISON,
                NO_COMPARISON,
                "direction: 'drug delivery'",
            ),
            id="delivery-only",
        ),
        pytest.param(
            "MSC infusion was safe in aged patients",
            "UC",
            "cells",
            "none",
            Outcome(
                NOT_STATED,
                Derived("safety only"),
                NOT_STATED,
                Derived(False),
                NO_COMPARISON,
                NO_COMPARISON,
                "direction: 'safe'",
            ),
            id="safety-only",
        ),
    ],
)
def test_one_effects_cell_gives_direction_level_comparison_and_evidence(
    effects, tissue, modality, modification, expected
):
    assert outcome(effects, "in vivo", tissue, modality, modification) == expected


def test_by_default_a_row_is_cells_of_no_coded_tissue():
    """Without tissue and modality, a 3D-culture comparison names plain "MSCs"."""
    grown = "MSCs of 3D-cultured cells"
    expected = Outcome(
        Derived("improved"),
        STATED,
        NOT_STATED,
        Derived(True),
        Derived(f"{grown} vs MSCs of conventionally cultured cells"),
        Derived(grown),
        "direction: 'better'; comparison: 'better'",
    )
    assert outcome("3D-cultured MSCs showed better engraftment", "in vivo") == expected


# --- a cue table without some fields finds nothing of those fields ------------------------------


def test_without_direction_or_instead_cues_a_cell_states_no_direction():
    assert _direction("A safe skin delivery platform that improved memory", {}) == (
        NOT_STATED,
        Derived("mechanism only"),
        "",
    )


def test_without_level_cues_a_cell_names_no_level():
    assert _level("MSCs improved memory", {}) == (NOT_STATED, "")


def test_without_kind_cues_every_coded_modification_is_named():
    """No priming cue to check against, so the coded priming is named although the cell prints none."""
    assert _compared("MSCs improve the therapeutic effect", "UC", "cells", "primed", {}, "yes") == (
        Derived("UC-MSCs primed vs UC-MSCs as obtained"),
        Derived("UC-MSCs primed"),
    )


@pytest.mark.parametrize(
    ("dropped", "expected"),
    [
        pytest.param(
            "direction",
            Outcome(
                NOT_STATED,
                Derived("mechanism only"),
                Derived("organism"),
                Derived(True),
                Derived("UC-MSCs primed vs UC-MSCs as obtained"),
                NO_BETTER,
                "level: 'memory'; comparison: 'improves therapeutic efficacy'",
            ),
            id="no-direction-cues",
        ),
        pytest.param(
            "comparison",
            Outcome(
                Derived("improved"),
                STATED,
                Derived("organism"),
                Derived(False),
                NO_COMPARISON,
                NO_COMPARISON,
                "direction: 'improves'; level: 'memory'",
            ),
            id="no-comparison-cues",
        ),
    ],
)
def test_a_cue_table_without_a_field_finds_nothing_of_that_field(monkeypatch, dropped, expected):
    cues = {field: rules for field, rules in load_cues().items() if field != dropped}
    monkeypatch.setattr(outcomes_module, "load_cues", lambda: cues)
    got = outcome("Pretreatment improves therapeutic efficacy for memory", "in vivo", "UC", "cells", "primed")
    assert got == expected


# --- a table of studies ------------------------------------------------------------------------


def test_a_table_of_studies_gets_every_outcome_column_with_its_reason_on_its_own_index():
    studies = pd.DataFrame(
        {
            "setting": ["in vivo", "in vitro", "in vivo"],
            "tissue": ["UC", float("nan"), "BM"],
            "modality": ["cells", "exosomes", "cells"],
            "modification": ["primed", "engineered+primed", float("nan")],
        },
        index=[7, 3, 12],
    )
    effects = pd.Series([PRIMED, ENGINEERED_AND_PRIMED, MECHANISM], index=[7, 3, 12])
    stated = "the printed Effects cell states a direction"
    none = "no head-to-head comparison printed in the Effects cell"
    na = pd.NA
    expected = pd.DataFrame(
        {
            "effect_direction": pd.array(["improved", "improved", "not stated"], dtype="string"),
            "effect_direction_missing": pd.array(["", "", ""], dtype="string"),
            "effect_instead": pd.array([na, na, "mechanism only"], dtype="string"),
            "effect_instead_missing": pd.array([stated, stated, ""], dtype="string"),
            "outcome_level": pd.array(["not stated"] * 3, dtype="string"),
            "outcome_level_missing": pd.array(["", "", ""], dtype="string"),
            "comparison": pd.array([True, True, False], dtype="boolean"),
            "comparison_missing": pd.array(["", "", ""], dtype="string"),
            "comparison_what": pd.array(
                [
                    "UC-MSCs primed vs UC-MSCs as obtained",
                    "MSC exosomes engineered and primed vs MSC exosomes as obtained",
                    na,
                ],
                dtype="string",
            ),
            "comparison_what_missing": pd.array(["", "", none], dtype="string"),
            "comparison_better": pd.array(["UC-MSCs primed", "MSC exosomes engineered and primed", na], dtype="string"),
            "comparison_better_missing": pd.array(["", "", none], dtype="string"),
            "outcome_evidence": pd.array(
                [
                    "direction: 'improves'; comparison: 'improves therapeutic efficacy'",
                    "direction: 'enhance'; comparison: 'enhance the therapeutic effects'",
                    "",
                ],
                dtype="string",
            ),
        },
        index=[7, 3, 12],
    )
    pd.testing.assert_frame_equal(outcomes(studies, effects), expected)


def test_a_table_where_every_row_states_a_direction_and_none_compares_keeps_typed_empty_columns():
    """All-missing columns stay ``string`` (not object): every row improved, none compared."""
    studies = pd.DataFrame(
        {
            "setting": ["in vivo", "in vivo"],
            "tissue": ["UC", "AD"],
            "modality": ["cells", "cells"],
            "modification": ["none", "none"],
        }
    )
    effects = pd.Series(["MSCs improved memory", "MSCs reduced apoptosis"])
    stated = "the printed Effects cell states a direction"
    none = "no head-to-head comparison printed in the Effects cell"
    expected = pd.DataFrame(
        {
            "effect_direction": pd.array(["improved", "improved"], dtype="string"),
            "effect_direction_missing": pd.array(["", ""], dtype="string"),
            "effect_instead": pd.array([pd.NA, pd.NA], dtype="string"),
            "effect_instead_missing": pd.array([stated, stated], dtype="string"),
            "outcome_level": pd.array(["organism", "cellular or molecular"], dtype="string"),
            "outcome_level_missing": pd.array(["", ""], dtype="string"),
            "comparison": pd.array([False, False], dtype="boolean"),
            "comparison_missing": pd.array(["", ""], dtype="string"),
            "comparison_what": pd.array([pd.NA, pd.NA], dtype="string"),
            "comparison_what_missing": pd.array([none, none], dtype="string"),
            "comparison_better": pd.array([pd.NA, pd.NA], dtype="string"),
            "comparison_better_missing": pd.array([none, none], dtype="string"),
            "outcome_evidence": pd.array(
                ["direction: 'improved'; level: 'memory'", "direction: 'reduced'; level: 'apoptosis'"],
                dtype="string",
            ),
        }
    )
    pd.testing.assert_frame_equal(outcomes(studies, effects), expected)


def test_an_empty_table_of_studies_still_gives_every_typed_column():
    """No rows, same columns and types: string columns stay ``string`` and ``comparison`` stays ``boolean``."""
    studies = pd.DataFrame({"setting": [], "tissue": [], "modality": [], "modification": []}, dtype=object)
    got = outcomes(studies, pd.Series([], dtype=object))
    names = [
        "effect_direction",
        "effect_instead",
        "outcome_level",
        "comparison",
        "comparison_what",
        "comparison_better",
    ]
    expected = {}
    for name in names:
        expected[name] = pd.array([], dtype="boolean" if name == "comparison" else "string")
        expected[f"{name}_missing"] = pd.array([], dtype="string")
    expected["outcome_evidence"] = pd.array([], dtype="string")
    pd.testing.assert_frame_equal(got, pd.DataFrame(expected, index=studies.index))
