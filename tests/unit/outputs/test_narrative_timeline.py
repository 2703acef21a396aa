"""helpers.outputs.narrative, the timeline's prose: timeline_notice, timeline_note and the _timeline_* parts.

The studies are a few hand-made rows in the coded dataset's columns (table, row, ref, year, modality,
setting, pathways, regulators); the caveats a :class:`helpers.analysis.timeline.Caveats` built by hand.
Years, medians and per-year counts are worked out in the comments.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.gapmap import NO_ANIMAL_ARM_MEANS, other_condition_rule
from helpers.analysis.timeline import Caveats
from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative


def years(*pairs) -> pd.DataFrame:
    """Studies from ``(year, modality)`` pairs."""
    return pd.DataFrame(pairs, columns=["year", "modality"])


PER_YEAR_TAIL = (
    "so the heat map compares years by share, not by count. These years describe the review's selection; they "
    "cannot show whether exosomes replaced cells in the field."
)
NOTICES = [
    (
        # 8 studies: 2024 1, 2022 3 -> 4 from 2022 on, half of 8; 2021 adds 1 -> 5. MSCs 2018, 2020, 2021: median
        # 2020; exosomes 2020, 2022 x3, 2024: median 2022. Per year 2018-2024: 1, 0, 2, 1, 3, 0, 1.
        "eight studies over seven years",
        years(
            (2018, "cells"),
            (2020, "cells"),
            (2021, "cells"),
            (2020, "exosomes"),
            (2022, "exosomes"),
            (2022, "exosomes"),
            (2022, "exosomes"),
            (2024, "exosomes"),
        ),
        "The 8 studies the review tabulates (Tables 1-2) cite references published between 2018 and 2024. 4 of the "
        "8 were published in 2022 or later, and 5 of the 8 in 2021 or later. Median year of the 3 MSC studies: 2020. "
        "Median year of the 5 exosome studies: 2022. Tabulated studies per year range from 0 (in 2019) to 3 (in "
        "2022), " + PER_YEAR_TAIL,
    ),
    (
        "one MSC study",
        years((2020, "cells")),
        "The 1 study the review tabulates (Tables 1-2) cite references published between 2020 and 2020. 1 of the 1 "
        "were published in 2020 or later, and 1 of the 1 in 2019 or later. Median year of the 1 MSC study: 2020. "
        "Tabulated studies per year range from 1 (in 2020) to 1 (in 2020), " + PER_YEAR_TAIL,
    ),
    (
        # 2022 alone is half of 2; the exosome median falls between years; 2020 and 2021 have none.
        "two exosome studies, a median between years",
        years((2019, "exosomes"), (2022, "exosomes")),
        "The 2 studies the review tabulates (Tables 1-2) cite references published between 2019 and 2022. 1 of the 2 "
        "were published in 2022 or later, and 1 of the 2 in 2021 or later. Median year of the 2 exosome studies: "
        "2020.5. Tabulated studies per year range from 0 (in 2020) to 1 (in 2019), " + PER_YEAR_TAIL,
    ),
]


@pytest.mark.parametrize("rule, studies, text", NOTICES, ids=[n[0] for n in NOTICES])
def test_timeline_notice(rule, studies, text):
    """timeline_notice: span, the half-year and the year before, medians per modality, per-year range."""
    assert narrative.timeline_notice(studies) == text, rule


def test_timeline_notice_without_studies():
    """No study: one sentence saying so."""
    assert narrative.timeline_notice(years()) == "No study in this selection."


HALF = [
    ("half reached in the latest year", [2020, 2021], 2021),
    ("an odd count needs more than half", [2018, 2019, 2020], 2019),
    ("a year holding most of them", [2015, 2020, 2020, 2020], 2020),
]


@pytest.mark.parametrize("rule, values, year", HALF, ids=[h[0] for h in HALF])
def test_half_year(rule, values, year):
    """_half_year: the latest year from which at least half of the studies were published."""
    assert narrative._half_year(pd.Series(values)) == year, rule


READING = (
    "Top: preclinical studies tabulated in Tables 1-2 by the year printed in the review's reference list for the "
    "reference each cites, MSCs solid and MSC-derived exosomes hatched (modality as the review tabulates it; the "
    "exosome mimetics among the hatched are named below), coloured by disease. Bottom: the share of that year's "
    "studies (MSCs and exosomes pooled) whose printed effects are attributed to each mechanism or pathway family "
    "as data/categories.csv defines it, printed as count / studies that year. A year with fewer than 5 studies "
    "is left unshaded inside a dotted frame: read its count, not a colour."
)
END = f"{SOURCE_SHORT}, Tables 1-2 and references; each row's caveats in full in the evidence CSV."


def test_timeline_reading():
    """_timeline_reading: what a bar counts and a shade shows, and the few-studies threshold (5)."""
    assert narrative._timeline_reading() == READING


STUDIES = pd.DataFrame(
    {
        "table": ["table1", "table1", "table1", "table2"],
        "row": [2, 5, 9, 17],
        "ref": [11, 14, 18, 70],
        "year": [2019, 2021, 2019, 2022],
        "modality": ["cells", "cells", "cells", "exosomes"],
        "setting": ["in vitro", "in vivo", "in vitro", "in vitro"],
        "pathways": ["", None, "NF-κB", ""],
        "regulators": ["KLF6", "FoxO", "NR4A1", None],
    }
)
NO_ARM = f"3 of the 4 studies print no animal arm (2019: 2, 2022: 1), meaning {NO_ANIMAL_ARM_MEANS}."
REGULATORS = (
    "'No pathway family (data/categories.csv)' counts rows that name no pathway family of that file. The "
    "transcription factors that file defines as regulators (FoxO (FOXO1, FOXO3a); KLF6; NR4A1 (nuclear receptor); "
    "ATF4–ATF3–CHOP (stress response)) are not drawn, even where the Effects cell calls them a pathway: Table 1 row "
    "2 ([11]: KLF6), Table 1 row 5 ([14]: FoxO). NF-κB and Nrf2/HO-1, transcription-factor systems too, are drawn "
    "as pathway families, as that file defines them."
)


def test_timeline_note_without_caveats():
    """timeline_note with studies only: the reading, rows with no animal arm by year, regulators not drawn."""
    assert narrative.timeline_note(STUDIES) == " ".join([READING, NO_ARM, REGULATORS, END])


def test_timeline_note_without_studies():
    """timeline_note with nothing: the reading and the source."""
    assert narrative.timeline_note() == f"{READING} {END}"
    assert narrative.timeline_note(STUDIES.iloc[0:0]) == f"{READING} {END}"


def test_timeline_no_arm_and_regulators_apart():
    """Nothing to say: every row has an animal arm; no regulators column, or every regulator row names a family."""
    treated = STUDIES.assign(setting="in vivo")
    assert narrative._timeline_no_arm(treated) == ""
    assert narrative._timeline_regulators(STUDIES.drop(columns="regulators")) == ""
    assert narrative._timeline_regulators(STUDIES.assign(pathways="Wnt")) == ""


WHERE = {("table1", 2): (11, 2019), ("table1", 5): (14, 2021), ("table1", 9): (18, 2019), ("table2", 17): (70, 2022)}


def test_timeline_questioned_names_each_row_once_with_its_rules():
    """_timeline_questioned: rows sorted, rule ids from the findings, possibly clinical and mimetic rows in place."""
    flagged = {("table1", 9): "R3: title speaks of patients; W6: effects speak of mice", ("table1", 5): "R1: disease"}
    elsewhere = pd.DataFrame({"table": ["table1", "table1"], "row": [9, 99]})
    text = narrative._timeline_questioned(flagged, elsewhere, WHERE, [("table2", 17, 70)])
    assert text == (
        "Counted as printed although an audit finding questions them (R1-R4: the cited title names another disease, "
        "MSC source, host or setting, or product; W6: the effects speak of animals, no animal arm printed): Table 1 "
        "row 5 ([14], 2021; R1), Table 1 row 9 ([18], 2019; R3, W6; possibly a clinical study, not in Table 3), "
        "Table 2 row 17 ([70], 2022; exosome mimetics by the Effects cell or cited title, hatched as printed)."
    )
    assert narrative._timeline_questioned({("table1", 99): "R1: x"}, None, WHERE) == ""
    assert narrative._timeline_questioned({}, pd.DataFrame(columns=["table", "row"]), WHERE) == ""


def test_timeline_other_models_refers_back_to_rows_already_named():
    """_timeline_other_models: a row the audit list names is given as '(above)', others in full."""
    named = "Table 1 row 9 ([18], 2019; R3)"
    other = {("table1", 9): "m", ("table1", 2): "m", ("table3", 1): "m"}
    assert narrative._timeline_other_models(other, WHERE, named=named) == (
        "Counted as printed although every printed animal model is one the gap map checks as of another condition "
        f"({other_condition_rule()}; another mismatch shows only as an audit finding above): Table 1 row 2 ([11], "
        "2019), Table 1 row 9 (above)."
    )
    assert narrative._timeline_other_models({("table1", 5): "m"}, WHERE, named="Table 1 row 5 ([14], 2021)").endswith(
        "Table 1 row 5 (above)."
    )
    assert narrative._timeline_other_models({("table3", 1): "m"}, WHERE) == ""


def test_timeline_boundary_groups_by_category_and_reason():
    """_timeline_boundary: per category and reason, in order of appearance (not by name), the references and years."""
    boundary = pd.DataFrame(
        {
            "category": ["Senescence", "Autophagy", "Autophagy"],
            "reason": ["names p16 only", "names LC3 only", "names LC3 only"],
            "ref": [14, 11, 18],
            "year": [2021, 2019, 2019],
        }
    )
    assert narrative._timeline_boundary(boundary) == (
        "Not counted, by the definitions of data/categories.csv: Senescence for [14] (2021): names p16 only; "
        "Autophagy for [11] (2019), [18] (2019): names LC3 only."
    )
    assert narrative._timeline_boundary(None) == ""
    assert narrative._timeline_boundary(boundary.iloc[0:0]) == ""


def test_timeline_removals_keeps_the_curators_reason():
    """_timeline_removals: each removed tag with its row, and the reason after the last ': ' of the evidence."""
    removals = pd.DataFrame(
        {
            "category": ["Nrf2/HO-1", "miRNA"],
            "table": ["table1", "table2"],
            "row": [2, 17],
            "ref": [11, 70],
            "year": [2019, 2022],
            "evidence": ["'Nrf2': 'restores donor cells': acts in the donor", "an inhibitor"],
        }
    )
    assert narrative._timeline_removals(removals) == (
        "Not counted, by curation (data/curated_tags.csv): Nrf2/HO-1 for Table 1 row 2 ([11], 2019): acts in the "
        "donor; miRNA for Table 2 row 17 ([70], 2022): an inhibitor."
    )
    assert narrative._timeline_removals(None) == ""
    assert narrative._timeline_removals(removals.iloc[0:0]) == ""


def test_timeline_note_joins_every_caveat():
    """timeline_note with caveats: questioned, other models (back-referenced), boundary and removals, in order."""
    found = Caveats(
        flagged={("table1", 9): "R3: patients"},
        elsewhere=pd.DataFrame(columns=["table", "row"]),
        removals=pd.DataFrame(
            {"category": ["KLF6"], "table": ["table1"], "row": [5], "ref": [14], "year": [2021], "evidence": ["x: y"]}
        ),
        other={("table1", 9): "m"},
        boundary=pd.DataFrame({"category": ["Autophagy"], "reason": ["LC3"], "ref": [11], "year": [2019]}),
    )
    note = narrative.timeline_note(STUDIES, found)
    assert note == " ".join(
        [
            READING,
            NO_ARM,
            REGULATORS,
            "Counted as printed although an audit finding questions them (R1-R4: the cited title names another "
            "disease, MSC source, host or setting, or product; W6: the effects speak of animals, no animal arm "
            "printed): Table 1 row 9 ([18], 2019; R3), Table 2 row 17 ([70], 2022; exosome mimetics by the Effects "
            "cell or cited title, hatched as printed).",
            "Counted as printed although every printed animal model is one the gap map checks as of another "
            f"condition ({other_condition_rule()}; another mismatch shows only as an audit finding above): Table 1 "
            "row 9 (above).",
            "Not counted, by the definitions of data/categories.csv: Autophagy for [11] (2019): LC3.",
            "Not counted, by curation (data/curated_tags.csv): KLF6 for Table 1 row 5 ([14], 2021): y.",
            END,
        ]
    )
