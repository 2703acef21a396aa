"""Rules whose breaking changed no exhibit on today's data (issue 21): dose-arm order and letter case.

Every expected value here is read off the rule as documented (the docstring
or the printed convention), on small hand-written inputs, not copied from
the code's output. Each case names the rule it checks.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import tags as T
from helpers.data.derive import Derived, Dose, disease_code, dose, follow_up_days, modality, size_nm
from helpers.data.derive.doses import dose_arms
from helpers.data.derive.result import DoseArms

# ------------------------------------------------------------ dose-arm order
#
# Rule (helpers.data.derive.doses.dose): low and high are the lowest and the
# highest printed arm, whatever order the arms are printed in; dose_arms keeps
# the printed order.

ARM_ORDERS = [
    # cell, default unit, (low, high, unit, n_arms), arms in printed order
    ("SC 200, 400 and 600 µg", None, (200.0, 600.0, "µg", 3), (200.0, 400.0, 600.0)),  # ascending
    ("SC 600, 400 and 200 µg", None, (200.0, 600.0, "µg", 3), (600.0, 400.0, 200.0)),  # descending
    ("SC 400, 600 and 200 µg", None, (200.0, 600.0, "µg", 3), (400.0, 600.0, 200.0)),  # unordered: max in the middle
    ("SC 400, 200 and 600 µg", None, (200.0, 600.0, "µg", 3), (400.0, 200.0, 600.0)),  # unordered: min in the middle
    ("IV 1 × 10⁷ and 1 × 10⁶", "cells", (1e6, 1e7, "cells", 2), (1e7, 1e6)),  # two arms, descending
    ("IV 5 × 10⁵", "cells", (5e5, 5e5, "cells", 1), (5e5,)),  # one arm: low is high
]


@pytest.mark.parametrize("cell, default, expected, _arms", ARM_ORDERS)
def test_dose_low_and_high_are_the_smallest_and_largest_arm_in_any_printed_order(cell, default, expected, _arms):
    """dose(): low = min of the arms, high = max, n_arms = their number, for any printed order."""
    assert dose(cell, default) == Derived(Dose(*expected))


@pytest.mark.parametrize("cell, default, expected, arms", ARM_ORDERS)
def test_dose_arms_keep_the_printed_order(cell, default, expected, arms):
    """dose_arms(): the arms as printed, in printed order, with the dose's unit."""
    assert dose_arms(cell, default) == Derived(DoseArms(arms, expected[2]))


# ------------------------------------------------------------ letter case
#
# Rule (helpers.data.tags): lexicon patterns match the Effects cell
# case-insensitively. The patterns below are written here, in lower case, so
# the expected phrase is the text as printed, in its own case.

CASED_EFFECTS = [
    # pattern, effects text, the phrase it must find
    ("oxidative stress", "alleviate apoptosis and oxidative stress", "oxidative stress"),
    ("oxidative stress", "ALLEVIATE APOPTOSIS AND OXIDATIVE STRESS", "OXIDATIVE STRESS"),
    ("oxidative stress", "Alleviate Apoptosis And Oxidative Stress", "Oxidative Stress"),
    ("oxidative stress", "alleviate apoptosis and OxIdAtIvE sTrEsS", "OxIdAtIvE sTrEsS"),
    (r"\bautophag\w*", "Autophagy of granulosa cells", "Autophagy"),
]


@pytest.mark.parametrize("pattern, text, phrase", CASED_EFFECTS)
def test_compiled_lexicon_patterns_ignore_letter_case(pattern, text, phrase):
    """compile_pattern(): lexicon patterns are matched case-insensitively (tags.py, module docstring)."""
    found = T.compile_pattern(pattern).search(text)
    assert found is not None and found[0] == phrase


@pytest.mark.parametrize("pattern, text, phrase", CASED_EFFECTS)
def test_tag_rows_finds_a_tag_in_effects_of_any_case(tmp_path, pattern, text, phrase):
    """tag_rows(): a lexicon line tags a row whatever the case of its Effects, keeping the printed phrase."""
    lexicon_csv = tmp_path / "lexicon.csv"
    quoted = pattern.replace('"', '""')
    lexicon_csv.write_text(f'kind,tag,pattern,note\nmechanism,antioxidant,"{quoted}",\n', encoding="utf-8")
    lexicon = T.load_lexicon(lexicon_csv)
    study = pd.DataFrame({"row": [1], "ref": [101], "disease": ["POF"], "source": ["hUC-MSC"], "effects": [text]})
    out = T.tag_rows({"msc_studies": study}, lexicon)
    assert list(zip(out["tag"], out["phrase"])) == [("antioxidant", phrase)]


def test_a_pattern_scoped_case_sensitive_keeps_its_case():
    """compile_pattern(): (?-i:...) keeps an acronym case-sensitive ("ROS" is not "ros" in "across")."""
    regex = T.compile_pattern(r"\b(?-i:ROS)\b")
    assert regex.search("reduced ROS levels") is not None
    assert regex.search("reduced ros levels") is None


# Other matchers documented as case-insensitive: disease spellings (lexicon
# holds them lower-cased and the cell is lower-cased), follow-up units
# ("72 h" ... case-insensitive), Table 3's MSC type naming exosomes, dose
# units, exosome sizes in nm.
CASED_CELLS = [
    ("disease_code: code in lower case", lambda: disease_code("pof"), Derived("POF")),
    ("disease_code: code in mixed case", lambda: disease_code("Pof"), Derived("POF")),
    ("disease_code: spelling in upper case", lambda: disease_code("AGING SKIN"), Derived("SKIN")),
    ("disease_code: spelling in title case", lambda: disease_code("Skin Aging"), Derived("SKIN")),
    ("disease_code: spelling in title case", lambda: disease_code("Weakness"), Derived("WEAK")),
    ("follow_up_days: unit in upper case", lambda: follow_up_days("3 WEEKS"), Derived(21.0)),
    ("follow_up_days: unit in title case", lambda: follow_up_days("2 Months"), Derived(60.0)),
    ("follow_up_days: unit in mixed case", lambda: follow_up_days("1 YeAr"), Derived(365.0)),
    ("modality: exosomes in upper case", lambda: modality("clinical_trials", "UC-MSC-EXOSOMES"), Derived("exosomes")),
    ("modality: vesicles in title case", lambda: modality("clinical_trials", "MSC Vesicles"), Derived("exosomes")),
    ("modality: EVs in lower case", lambda: modality("clinical_trials", "msc-evs"), Derived("exosomes")),
    ("dose: unit in upper case", lambda: dose("IV 50 MG/KG"), Derived(Dose(50.0, 50.0, "mg/kg", 1))),
    ("dose: unit in title case", lambda: dose("IV 2 × 10⁶ Cells"), Derived(Dose(2e6, 2e6, "cells", 1))),
    ("dose: per-millilitre in mixed case", lambda: dose("IV 10 µg/mL"), Derived(Dose(10.0, 10.0, "µg/mL", 1))),
    ("size_nm: unit in upper case", lambda: size_nm("50–150 NM"), Derived((50.0, 150.0))),
]


@pytest.mark.parametrize("rule, call, expected", CASED_CELLS, ids=[c[0] for c in CASED_CELLS])
def test_case_insensitive_matchers_read_any_case(rule, call, expected):
    """Each matcher documented as case-insensitive reads upper, title and mixed case alike."""
    assert call() == expected, rule


# ------------------------------------------------------------ spellings and reasons of doses

DOSE_SPELLINGS = [
    # rule, cell, what dose() reads
    ("ug is the micro sign spelled in ASCII", "IV 5 ug", Derived(Dose(5.0, 5.0, "µg", 1))),
    ("Greek mu is the micro sign", "IV 5 μg/kg", Derived(Dose(5.0, 5.0, "µg/kg", 1))),
    ("mg stays mg", "IV 5 mg", Derived(Dose(5.0, 5.0, "mg", 1))),
    ("ng per mL", "IV 5 ng/mL", Derived(Dose(5.0, 5.0, "ng/mL", 1))),
    (
        "an arm that is no number makes the dose unreadable, saying why",
        "SC 200, a and 600 µg",
        Derived(None, "dose '200, a and 600 µg' is not in a recognised form"),
    ),
    ("an unknown unit is named", "IV 5 furlongs", Derived(None, "dose unit 'furlongs' is not recognised")),
    ("a bare number without a default unit", "IV 5", Derived(None, "dose '5' printed without a unit")),
]


@pytest.mark.parametrize("rule, cell, expected", DOSE_SPELLINGS, ids=[d[0] for d in DOSE_SPELLINGS])
def test_dose_units_are_normalised_and_unreadable_doses_say_why(rule, cell, expected):
    """dose(): units in their canonical spelling (µg, mL); a missing dose carries the reason."""
    assert dose(cell) == expected, rule
