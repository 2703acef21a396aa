"""helpers.outputs.narrative, Fig. 2's prose: pathway_note, pathway_notice and their parts.

A :class:`helpers.analysis.evidence.PathwayView` is built by hand with a few cells and
counts; each expected paragraph is written out from them.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.evidence import FACTOR_ONLY, PathwayView, untagged_label
from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative

from .test_narrative_map import cells, flags, titled, unrouted

# NF-kB 3 studies, AMPK 2 and Wnt 2 (tied: by name), PI3K 1 (fourth, left out); the factor-only and untagged
# lines are not families. Exosome studies among the sources: ref 3 only (the
# family lines' exosome refs, 3 and 4, are not the source block's).
CELLS = cells(
    ("pathway", "NF-κB", "AD", "cells", 2, "1, 2"),
    ("pathway", "NF-κB", "AD", "exosomes", 1, "3"),
    ("pathway", "Wnt", "OP", "exosomes", 2, "3, 4"),
    ("pathway", "AMPK", "AD", "cells", 2, "1, 5"),
    ("pathway", "PI3K", "AD", "cells", 1, "6"),
    ("pathway", FACTOR_ONLY, "AD", "cells", 5, "7"),
    ("pathway", untagged_label("pathway"), "AD", "cells", 9, "8"),
    ("source", "Bone marrow", "AD", "cells", 2, "1, 2"),
    ("source", "Umbilical cord", "AD", "exosomes", 1, "3"),
    ("source", "Adipose tissue", "AD", "exosomes", 1, "3"),
)
COUNTED = {
    "pathway": {"studies": 20, "named": 6, "unnamed": 14},
    "regulator": {"studies": 20, "named": 3, "unnamed": 17},
    "either": {"studies": 20, "named": 8, "unnamed": 12},
}
PER_DISEASE = {"Osteoporosis": (2, 5), "Alzheimer's disease": (3, 6), "Skin aging": (3, 4), "POF": (0, 5)}
EMPTY = pd.DataFrame(columns=["ref", "table", "row"])


def view(**changes) -> PathwayView:
    fields = {
        "cells": CELLS,
        "counted": COUNTED,
        "drawn": {("table1", r) for r in range(1, 9)},
        "setting": {"in vivo": 6, "in vitro only": 2},
        "totals": {"cells": 6, "exosomes": 2},
        "flags": flags(),
        "per_disease": PER_DISEASE,
        "modified": EMPTY,
        "animal_titles": None,
        "modelled": None,
        "unseen_sources": {},
        "called_pathway": EMPTY,
        "factor_studies": 3,
        "unrouted": None,
    }
    return PathwayView(**{**fields, **changes})


NOTICE = (
    "6 of the 20 selected studies name a signalling pathway family of data/categories.csv in their Effects cell "
    "(30 %); 3 name a transcription factor, and 8 name either. The families named most often: NF-κB (3 studies), "
    "AMPK (2 studies), Wnt (2 studies). Studies drawn out of those selected, per disease: Alzheimer's disease 3 of "
    "6, Skin aging 3 of 4, Osteoporosis 2 of 5, POF 0 of 5; so a column's size follows both how often the review "
    "tabulates a disease and how often its Effects cells name a pathway. 1 of the 8 drawn test MSC-derived "
    "exosomes. The source block counts only the studies drawn, not every study of each source. The review's prose "
    "names a pathway for some studies whose Effects cell names none; those are not counted."
)


def test_pathway_notice_counts_families_diseases_and_exosome_studies():
    """pathway_notice: studies naming a family, a factor or either; the top three families; drawn per disease."""
    assert narrative.pathway_notice(view()) == NOTICE


def test_pathway_notice_one_family_of_one_study_and_no_family_at_all():
    """One family of one study: 'study'; with only factor-only lines there is no 'families named' sentence."""
    one = cells(("pathway", "Wnt", "AD", "cells", 1, "1"), ("source", "Bone marrow", "AD", "cells", 1, "1"))
    text = narrative.pathway_notice(view(cells=one, per_disease={"AD": (1, 2)}))
    assert text == (
        "6 of the 20 selected studies name a signalling pathway family of data/categories.csv in their Effects cell "
        "(30 %); 3 name a transcription factor, and 8 name either. The families named most often: Wnt (1 study). "
        "Studies drawn out of those selected, per disease: AD 1 of 2; so a column's size follows both how often the "
        "review tabulates a disease and how often its Effects cells name a pathway. 0 of the 8 drawn test "
        "MSC-derived exosomes. The source block counts only the studies drawn, not every study of each source. The "
        "review's prose names a pathway for some studies whose Effects cell names none; those are not counted."
    )
    factor = cells(
        ("pathway", FACTOR_ONLY, "AD", "exosomes", 1, "1"), ("source", "Bone marrow", "AD", "exosomes", 1, "1")
    )
    text = narrative.pathway_notice(view(cells=factor, per_disease={"AD": (1, 2)}))
    assert "The families named most often" not in text
    assert text.startswith(
        "6 of the 20 selected studies name a signalling pathway family of data/categories.csv "
        "in their Effects cell (30 %); "
        "3 name a transcription factor, and 8 name either. "
        "Studies drawn out"
    )
    assert "1 of the 8 drawn test MSC-derived exosomes." in text


def test_pathway_notice_without_cells():
    """No cell: one sentence saying there is nothing to draw."""
    assert narrative.pathway_notice(view(cells=CELLS.iloc[0:0])) == (
        "No study in this selection names a pathway family or a transcription factor, so there is nothing to draw."
    )


READING = (
    "Dot area (proportional) and number: whole studies, by disease, for MSCs (blue, Table 1) and MSC-derived "
    "exosomes (orange, Table 2) as the review tabulates them; filled: with an animal arm, hollow: in vitro only as "
    f"printed (2 of the 8 drawn; {narrative.IN_VITRO_RULE}). Drawn: the 8 of the 20 selected studies whose "
    "one-line Effects cell names a signalling pathway family (6) or a transcription factor (3) of "
    "data/categories.csv; a study counts once under each source, family and factor it names, so a block can sum "
    "to more than the studies drawn, and the blocks share the disease columns, not the studies (fig2.data.csv "
    "names the references behind each dot)."
)
PTEN = "PI3K/AKT/mTOR includes a study that names PTEN alone. The review's prose is not coded."
CLOSING = f"fig2.data.csv and fig2.evidence.csv give every count and the printed words. {SOURCE_SHORT}."


def test_pathway_note_with_called_pathways_modified_products_and_flags():
    """pathway_note: the reading, the missing column and source row, factors called pathways, added agents, flags."""
    called = pd.DataFrame(
        [(31, "Table 1", 9, "FoxO pathway", True), (40, "Table 2", 3, "KLF6 signalling", False)],
        columns=["ref", "table", "row", "words", "factor_only"],
    )
    modified = pd.DataFrame(
        [(12, "Table 1", 4, "primed", "NF-κB")], columns=["ref", "table", "row", "modification", "categories"]
    )
    note = narrative.pathway_note(
        view(
            unseen_sources={"Amniotic membrane": [10]},
            called_pathway=called,
            modified=modified,
            flags=flags((24, "Table 1", 13, "R3", "Title speaks of patients.")),
        )
    )
    assert note == " ".join(
        [
            READING,
            "No column for POF (5 selected studies): none of its selected studies names a family or a factor.",
            "No source row for amniotic membrane (1 selected study, [10]): it names neither a family nor a factor.",
            "The Effects cells of 2 of the 3 drawn studies naming a transcription factor call the factor part of a "
            f"pathway ([31] Table 1 row 9: 'FoxO pathway', drawn in the row '{FACTOR_ONLY}'; [40] Table 2 row 3: "
            "'KLF6 signalling'); the figure keeps the factor apart, under 'Transcription factors (kept apart)', "
            "because data/categories.csv defines it as a transcription factor, not a signalling pathway family, and "
            "files any family named with it under that family; this is the project's grouping, not a denial of the "
            "print's word.",
            PTEN,
            "1 drawn study add another agent to the MSCs (primed with it before the treatment, engineered to carry "
            "or express it, or co-given with it), so a family or factor named may be that agent's rather than the "
            "MSCs' (the product's derived modification): [12] Table 1 row 4, primed: NF-κB.",
            "The project's audit (tables/audit.csv) questions 1 drawn study on its disease, host, product, setting, "
            "route or MSC source, kept as printed: [24] Table 1 row 13, R3: Title speaks of patients.",
            CLOSING,
        ]
    )


def test_pathway_note_with_two_missing_columns_sources_and_the_in_vitro_notes():
    """pathway_note: two missing diseases and sources ('their', 'none of them'); modelled, unrouted, titled in order."""
    note = narrative.pathway_note(
        view(
            per_disease={"A": (0, 1), "B": (0, 2), "C": (8, 17)},
            unseen_sources={"Amniotic membrane": [10, 11], "Dental pulp": [12]},
            modelled=pd.DataFrame({"ref": [12], "table": ["Table 1"], "row": [4], "model": ["mice"]}),
            unrouted=unrouted((33, "Table 1", 8, "NA", "aged mice", "4 weeks")),
            animal_titles=titled((58, "Table 2", 5, "'mice'", False)),
            modified=pd.DataFrame(
                [(12, "Table 1", 4, "primed", "NF-κB"), (13, "Table 2", 1, "engineered", "Wnt")],
                columns=["ref", "table", "row", "modification", "categories"],
            ),
        )
    )
    assert note == " ".join(
        [
            READING,
            "No column for A (1 selected study) and B (2 selected studies): none of their selected studies names a "
            "family or a factor.",
            "No source row for amniotic membrane (2 selected studies, [10] and [11]) and dental pulp (1 selected "
            "study, [12]): none of them names a family or a factor.",
            "1 of the 2 in vitro only studies also print no animal model; 1 prints one with no route into it ([12] "
            "Table 1 row 4: 'mice').",
            "1 study drawn filled prints 'NA' (the legends' Not Applicable) where the route stands, but an animal "
            "model and a follow-up, so it is drawn with an animal arm; the audit (A9, tables/audit.csv) questions "
            "that 'NA', and which route was used is not reported in the review ([33] Table 1 row 8: route 'NA', "
            "model 'aged mice', follow-up '4 weeks').",
            "The cited title of 1 study printed as in vitro only speaks of work in animals that the table does not "
            "show, so the hollow mark may understate it: [58] Table 2 row 5: 'mice'.",
            PTEN,
            "2 drawn studies add another agent to the MSCs (primed with it before the treatment, engineered to carry "
            "or express it, or co-given with it), so a family or factor named may be that agent's rather than the "
            "MSCs' (the product's derived modification): [12] Table 1 row 4, primed: NF-κB; [13] Table 2 row 1, "
            "engineered: Wnt.",
            CLOSING,
        ]
    )


UNSEEN = [
    (
        "one source of two studies: 'none of them'",
        {"Amniotic membrane": [10, 11]},
        "No source row for amniotic membrane (2 selected studies, [10] and [11]): "
        "none of them names a family or a factor.",
    ),
    (
        "one source of one study: 'it names neither'",
        {"Dental pulp": [12]},
        "No source row for dental pulp (1 selected study, [12]): it names neither a family nor a factor.",
    ),
]


@pytest.mark.parametrize("rule, unseen, text", UNSEEN, ids=[u[0] for u in UNSEEN])
def test_unseen_sources_note(rule, unseen, text):
    """_unseen_sources_note: printed sources with no row, with their studies; the wording follows how many."""
    assert narrative._unseen_sources_note(unseen) == text, rule


def test_pathway_notice_breaks_ties_among_many_families_by_name():
    """With many families of equal count, the three named are the first by name (b, d, f of eleven twice-named)."""
    twice = "bdfhjlnprtv"
    many = cells(
        *[
            ("pathway", f"F{c}", "AD", "cells", 2 if c in twice else 1, str(i))
            for i, c in enumerate("abcdefghijklmnopqrstuvw")
        ]
    )
    text = narrative.pathway_notice(view(cells=many))
    assert "The families named most often: Fb (2 studies), Fd (2 studies), Ff (2 studies). " in text
