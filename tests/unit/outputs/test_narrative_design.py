"""helpers.outputs.narrative, design exhibit: the note and the notice, and the helpers that build them.

The studies frames are small and hand-built. Where a helper reads the curated data (the printed Animal model
cell through ``table``/``row``, data/text_statements.csv and the cited titles through ``ref``), the rows use the
real table, row and ref of the study, and the expected words are the ones those files print:

- Table 1 row 8 (ref 18) and row 13 (ref 24) print naturally aged mice for POF; row 10 (ref 21) naturally aged
  mice beside a chemical induction; row 15 (ref 28) SAMP8 mice (an accelerated-ageing strain); row 1 (ref 10)
  the Bmi-1⁻/⁻ mouse model under the Disease cell 'weakness'; rows 2, 9, 16, 20 (refs 11, 19, 29, 34) induced
  models; row 12 (ref 23) prints the carrier drug-free IVA.
- data/text_statements.csv: ref 22 adds a relation, ref 53 a modification; ref 24's text contradicts its
  setting ('clinical study') and host ('patients'); ref 82's ('photodamaged skin') names no host.
- Cited titles of in vitro rows: ref 58 'cognitive impairment', 'hippocampus'; ref 74 'bone loss'; ref 82
  'Topical' (a route, no host).
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative

NAN = float("nan")

_COLUMNS = [
    "table",
    "row",
    "ref",
    "setting",
    "disease_code",
    "disease",
    "model_class",
    "relation",
    "donor_species",
    "host_species",
    "modality",
    "product",
    "modification",
]


def _studies(rows, **extra):
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    for column, values in extra.items():
        frame[column] = values
    return frame


POF = "Premature ovarian failure"
XENO = ("xenogeneic", "human", "mouse")
SAME = ("same species, not specified", "mouse", "mouse")

# ------------------------------------------------------------------ small helpers

COUNT_OF = [
    ("a code among '+'-joined codes counts", "b", 2),
    ("a code that is part of another word does not", "a", 1),
    ("missing codes count as none", "c", 0),
]


@pytest.mark.parametrize("rule, value, n", COUNT_OF, ids=[c[0] for c in COUNT_OF])
def test_count_of(rule, value, n):
    """_count_of: studies whose '+'-joined codes include the value."""
    assert narrative._count_of(pd.Series(["a+b", "b", None, "ab"]), value) == n, rule


FLAG_CLAUSE = [
    ("no audit column: none", pd.DataFrame({"ref": [3]}), ""),
    ("none flagged: none", pd.DataFrame({"ref": [3, 4], "audit_flag": [False, None]}), ""),
    (
        "one flagged: 'ref'",
        pd.DataFrame({"ref": [3, 24], "audit_flag": [False, True]}),
        "; the audit flags 1 of the 4: ref 24",
    ),
    (
        "several, in ref order: 'refs'",
        pd.DataFrame({"ref": [28, 3, 24], "audit_flag": [True, None, True]}),
        "; the audit flags 2 of the 4: refs 24, 28",
    ),
]


@pytest.mark.parametrize("rule, part, text", FLAG_CLAUSE, ids=[f[0] for f in FLAG_CLAUSE])
def test_flag_clause(rule, part, text):
    """_flag_clause: how many of a group the audit flags, and which."""
    assert narrative._flag_clause(part, "the 4") == text, rule


def test_flagged_refs():
    """_flagged_refs: the flagged refs in order; none without the audit's column."""
    assert narrative._flagged_refs(pd.DataFrame({"ref": ["28", 3, 24], "audit_flag": [True, None, True]})) == [24, 28]
    assert narrative._flagged_refs(pd.DataFrame({"ref": [1]})) == []


RULE_SPAN = [
    ("the design rules", ("R1", "R3", "R4", "R5", "W1", "W6", "W7"), "R1, R3-R5, W1, W6, W7"),
    ("two in a row are not a run", ("A1", "A2"), "A1, A2"),
    ("a run needs one letter", ("A1", "B2", "B3", "B4", "B6"), "A1, B2-B4, B6"),
    ("numbers, not text, are consecutive", ("R9", "R10", "R11"), "R9-R11"),
    ("one rule", ("W4",), "W4"),
]


@pytest.mark.parametrize("rule, rules, text", RULE_SPAN, ids=[r[0] for r in RULE_SPAN])
def test_rule_span(rule, rules, text):
    """_rule_span: runs of three or more consecutive numbers of one letter joined by a hyphen."""
    assert narrative._rule_span(rules) == text, rule


BY_REF = [
    (
        "each ref once, its topics once each, the last after 'and'",
        [(74, "setting"), (24, "setting"), (24, "host"), (24, "setting")],
        "refs 24 (setting, host) and 74 (setting)",
    ),
    ("three refs", [(3, "c"), (1, "a"), (2, "b")], "refs 1 (a), 2 (b) and 3 (c)"),
    ("one ref", [(5, "x")], "ref 5 (x)"),
]


@pytest.mark.parametrize("rule, said, text", BY_REF, ids=[b[0] for b in BY_REF])
def test_by_ref(rule, said, text):
    """_by_ref: each ref once, with what the text bears on."""
    assert narrative._by_ref(pd.DataFrame(said, columns=["ref", "bears_on"])) == text, rule


ADDED = [
    (
        "carriers and co-given agents among products not changed themselves",
        ["biomaterial", "co-treatment", "primed+biomaterial", "biomaterial+co-treatment", None, "none"],
        "2 a carrier or biomaterial, 2 a co-given agent",
    ),
    ("only an agent", ["co-treatment", "engineered+co-treatment"], "1 a co-given agent"),
    ("only a carrier", ["biomaterial", "selected+biomaterial"], "1 a carrier or biomaterial"),
    ("nothing added", ["primed", "none"], ""),
]


@pytest.mark.parametrize("rule, modification, text", ADDED, ids=[a[0] for a in ADDED])
def test_design_added(rule, modification, text):
    """_design_added: the modified products that are not changed themselves, by what is added."""
    assert narrative._design_added(pd.DataFrame({"modification": modification})) == text, rule


# ------------------------------------------------------------------ relations and models


def test_design_relations_counts_cross_species_and_named_relations():
    """Xenogeneic among animals, human to rodent among those; same-species with the relation named or not.

    Xenogeneic: human->mouse, human+human->rat (both human to rodents), human->rabbit, mouse->rat; same
    species: autologous, allogeneic, 2 syngeneic, 1 not specified; one relation not reported. 10 animals.
    """
    rows = [
        ("xenogeneic", "human", "mouse"),
        ("xenogeneic", "human+human", "rat"),
        ("xenogeneic", "human", "rabbit"),
        ("xenogeneic", "mouse", "rat"),
        ("autologous", "mouse", "mouse"),
        ("allogeneic", "rabbit", "rabbit"),
        ("syngeneic", "mouse", "mouse"),
        ("syngeneic", "rat", "rat"),
        ("same species, not specified", "rat", "rat"),
        (None, None, "mouse"),
    ]
    in_vivo = pd.DataFrame(rows, columns=["relation", "donor_species", "host_species"])
    assert narrative._design_relations(in_vivo) == (
        "In 4 of 10 the donor species differs from the host's (2 of them human cells or their exosomes given to "
        "rodents); in 5 of 10 donor and host are of one species, and the print or the cited title names the "
        "relation for 4 of these (1 autologous, 1 allogeneic, 2 syngeneic); the other 1 is same species, not "
        "specified."
    )


def test_design_relations_none_named():
    """No relation named: no parenthesis."""
    in_vivo = pd.DataFrame([SAME], columns=["relation", "donor_species", "host_species"])
    assert narrative._design_relations(in_vivo) == (
        "In 0 of 1 the donor species differs from the host's (0 of them human cells or their exosomes given to "
        "rodents); in 1 of 1 donor and host are of one species, and the print or the cited title names the "
        "relation for 0 of these; the other 1 is same species, not specified."
    )


MODELS_ROWS = [
    ("table1", 8, 18, "in vivo", "POF", POF, "natural ageing", *XENO, "cells", "native", "none"),
    ("table1", 13, 24, "in vivo", "POF", POF, "natural ageing", *XENO, "cells", "modified", "biomaterial"),
    ("table1", 10, 21, "in vivo", "POF", POF, "induced: chemical+natural ageing", *XENO, "cells", "native", "none"),
    ("table1", 2, 11, "in vivo", "POF", POF, "induced: chemical", *XENO, "cells", "native", "none"),
    ("table1", 9, 19, "in vivo", "POF", POF, "induced: chemical", *XENO, "cells", "native", "none"),
    ("table1", 16, 29, "in vivo", "AD", "Alzheimer's disease", "induced: chemical", *SAME, "cells", "native", "none"),
    (
        "table1",
        15,
        28,
        "in vivo",
        "AD",
        "Alzheimer's disease",
        "accelerated-ageing strain",
        *XENO,
        "cells",
        "native",
        "",
    ),
    ("table2", 25, 80, "in vivo", "OP", "Osteoporosis", "induced: surgical bone defect", *XENO, "exosomes", "n", ""),
]


def test_design_models_top_class_natural_ageing_and_ageing_models():
    """The top class and its diseases; naturally aged animals, alone or beside an induction; ageing models.

    Classes over 8 animals: induced: chemical 4 (refs 21, 11, 19, 29: 3 POF, 1 AD), natural ageing 3 (refs 18
    and 24 alone, 21 beside an induction; 24 flagged), accelerated-ageing strain 1, surgical bone defect 1.
    Refs 18 and 24 model natural ovarian ageing only, under POF. Printed ageing models: natural ageing (refs
    18, 24, 21), accelerated-ageing strain (ref 28, flagged).
    """
    in_vivo = _studies(MODELS_ROWS, audit_flag=[False, True, False, False, None, False, True, False])
    assert narrative._design_models(in_vivo) == (
        "The most common model class is induced: chemical (4 of 8); 3 of these 4 are Premature ovarian failure "
        "(POF) models, the other 1 spreads over 1 disease. 3 of 8 use naturally aged animals (disease: POF; "
        "product: cells; 2 with no other model, 1 beside an induced one; the audit flags 1 of the 3: ref 24); for "
        "refs 18, 24 it is the only printed model: natural ovarian ageing, not premature ovarian failure, as the "
        "gap map labels them. 4 of 8 use a model of ageing itself (natural ageing 3, accelerated-ageing strain 1); "
        "the audit flags 2 of these 4: refs 24, 28; the other 4 model a condition the review files under an "
        "age-related disease, and the review reports the age of none of the animals."
    )


def test_design_models_one_disease_no_ageing():
    """A top class of one disease: no breakdown; no aged animals and no ageing model: said in one number."""
    in_vivo = _studies([MODELS_ROWS[3], MODELS_ROWS[4], MODELS_ROWS[7]])
    assert narrative._design_models(in_vivo) == (
        "The most common model class is induced: chemical (2 of 3). 0 of 3 use naturally aged animals."
    )


def test_design_models_tie_goes_to_the_first_name_and_aged_over_diseases():
    """Classes tied in count: the first by name is said. Aged animals under two diseases and two products.

    Ref 18 (natural ageing, POF, cells) and Table 2 row 14 (ref 66) coded natural ageing under AS, exosomes:
    natural ageing 2 of 2, 1 AS and 1 POF (AS first by name). Only ref 18's printed cell is an ageing model.
    """
    rows = [
        MODELS_ROWS[0],
        ("table2", 14, 66, "in vivo", "AS", "Atherosclerosis", "natural ageing", *XENO, "exosomes", "native", ""),
    ]
    assert narrative._design_models(_studies(rows)) == (
        "The most common model class is natural ageing (2 of 2); 1 of these 2 is a model of Atherosclerosis (AS), the "
        "other 1 spreads over 1 disease. 2 of 2 use naturally aged animals (disease: AS, POF; product: cells and "
        "exosomes; 2 with no other model, 0 beside an induced one); for ref 18 it is the only printed model: "
        "natural ovarian ageing, not premature ovarian failure, as the gap map labels them. 1 of 2 uses a model of "
        "ageing itself (natural ageing 1); the other 1 models a condition the review files under an age-related "
        "disease, and the review reports the age of none of the animals."
    )


def test_design_models_ties_and_a_lone_ageing_strain():
    """Two classes of one study each: the first by name (accelerated-ageing strain) is the most common."""
    rows = [
        ("table1", 20, 34, "in vivo", "AS", "Atherosclerosis", "induced: diet", *SAME, "cells", "native", "none"),
        MODELS_ROWS[6],
    ]
    assert narrative._design_models(_studies(rows)) == (
        "The most common model class is accelerated-ageing strain (1 of 2). 0 of 2 use naturally aged animals. 1 "
        "of 2 uses a model of ageing itself (accelerated-ageing strain 1); the other 1 models a condition the review "
        "files under an age-related disease, and the review reports the age of none of the animals."
    )


def test_design_other_condition_groups_refs_by_what_their_only_model_is():
    """Rows whose only model is of another condition, grouped by what it is, in the order first met."""
    rows = [MODELS_ROWS[0], MODELS_ROWS[7], MODELS_ROWS[1], MODELS_ROWS[3], MODELS_ROWS[2]]
    assert narrative._design_other_condition(_studies(rows)) == (
        "; for refs 18, 24 it is the only printed model: natural ovarian ageing, not premature ovarian failure, as "
        "the gap map labels them; for ref 80 it is the only printed model: not a model of the disease itself, as "
        "the gap map labels them"
    )


# ------------------------------------------------------------------ the notice

NOTICE_ROWS = [
    ("table1", 8, 18, "in vivo", "POF", POF, "natural ageing", *XENO, "cells", "native", "none"),
    (
        "table1",
        12,
        23,
        "in vivo",
        "POF",
        POF,
        "induced: chemical",
        "xenogeneic",
        "human",
        "rat",
        "cells",
        "modified",
        "biomaterial",
    ),
    (
        "table2",
        9,
        58,
        "in vitro",
        "AD",
        "Alzheimer's disease",
        "in vitro only",
        "no animal host (in vitro)",
        "rat",
        None,
        "exosomes",
        "native",
        "none",
    ),
    (
        "table2",
        27,
        82,
        "in vitro",
        "SKIN",
        "Skin aging",
        "in vitro only",
        "no animal host (in vitro)",
        "human",
        None,
        "exosomes",
        "modified",
        "biomaterial",
    ),
    (
        "table2",
        17,
        70,
        "in vivo",
        "AS",
        "Atherosclerosis",
        "genetic+induced: diet",
        *SAME,
        "exosomes",
        "modified",
        "engineered",
    ),
]


def test_design_notice_counts_arms_models_relations_and_products():
    """design_notice over 5 studies, 2 of them in vitro only (refs 58, 82), 3 with animals.

    Ref 58: its Effects cell (W6) and title speak of animals; ref 82: its text and title name a treated tissue
    and a route, no host. Modified: 23 and 82 carried (23's carrier drug-free IVA is itself active), 70
    engineered.
    """
    studies = _studies(NOTICE_ROWS, audit_flag=False, audit_findings=["", "", "W6", "", ""])
    assert narrative.design_notice(studies) == (
        "2 of the 5 studies shown (tabulated in the review) print no animal arm (in vitro only as the row prints "
        "it; for 1 of them the Effects cell or the cited title speaks of animals: ref 58; for ref 82 the body text "
        "or the cited title speaks of a treated tissue or a route into a host without naming the host), so animal "
        "models and hosts are counted among the other 3 studies. "
        "The most common model class is genetic (1 of 3). 1 of 3 uses naturally aged animals (disease: POF; "
        "product: cells; 1 with no other model, 0 beside an induced one); for ref 18 it is the only printed model: "
        "natural ovarian ageing, not premature ovarian failure, as the gap map labels them. 1 of 3 uses a model of "
        "ageing itself (natural ageing 1); the other 2 model a condition the review files under an age-related "
        "disease, and the review reports the age of none of the animals. "
        "In 2 of 3 the donor species differs from the host's (2 of them human cells or their exosomes given to "
        "rodents); in 1 of 3 donor and host are of one species, and the print or the cited title names the "
        "relation for 0 of these; the other 1 is same species, not specified. "
        "3 of the 5 studies use a primed, engineered or selected product, or deliver it with a biomaterial or a "
        "co-treatment (1 changes the product itself; 2 add something to it: 2 a carrier or biomaterial); 2 use it "
        "as obtained. A carrier counted as biomaterial is itself active in 1: ref 23's 'drug-free IVA' (ovarian "
        "tissue activated in vitro, itself a fertility treatment)."
    )


def test_design_notice_without_animals():
    """Only in vitro rows: no model or relation sentence; one study with animals would be 'study'."""
    studies = _studies(NOTICE_ROWS[2:4])
    assert narrative.design_notice(studies) == (
        "2 of the 2 studies shown (tabulated in the review) print no animal arm (in vitro only as the row prints "
        "it; for 1 of them the cited title speaks of animals: ref 58; for ref 82 the body text or the cited title "
        "speaks of a treated tissue or a route into a host without naming the host), so animal models and hosts "
        "are counted among the other 0 studies. 1 of the 2 studies uses a primed, engineered or selected product, "
        "or delivers it with a biomaterial or a co-treatment (0 change the product itself; 1 adds something to it: "
        "1 a carrier or biomaterial); 1 uses it as obtained."
    )


def test_design_notice_of_nothing():
    """An empty selection says so."""
    assert narrative.design_notice(_studies([])) == "No study in this selection."


ANIMAL_WORDS = [
    (
        "only the cited title speaks of animals (ref 58, no audit findings)",
        [("table2", 9, 58, "in vitro")],
        "; for 1 of them the cited title speaks of animals: ref 58",
    ),
    (
        "the body text names patients of a row coded in vitro here (ref 24), as its title does",
        [("table1", 13, 24, "in vitro")],
        "; for 1 of them the review's body text or the cited title speaks of animals: ref 24",
    ),
    (
        "several sources and refs: 'refs', joined with 'or'",
        [("table1", 13, 24, "in vitro"), ("table2", 9, 58, "in vitro"), ("table2", 21, 74, "in vitro")],
        "; for 3 of them the review's body text or the cited title speaks of animals: refs 24, 58, 74",
    ),
    (
        "the same refs with animals are not counted",
        [("table1", 13, 24, "in vivo"), ("table2", 9, 58, "in vivo + in vitro")],
        "",
    ),
    ("no words of animals", [("table1", 14, 25, "in vitro")], ""),
]


@pytest.mark.parametrize("rule, rows, text", ANIMAL_WORDS, ids=[a[0] for a in ANIMAL_WORDS])
def test_design_animal_words(rule, rows, text):
    """_design_animal_words: rows with no animal arm whose Effects cell, body text or title speak of animals."""
    studies = pd.DataFrame(rows, columns=["table", "row", "ref", "setting"])
    assert narrative._design_animal_words(studies) == text, rule


def test_design_animal_words_three_sources_and_two_unnamed():
    """All three sources named, the last after 'or'; two refs naming no host are 'refs'."""
    studies = pd.DataFrame(
        {
            "ref": [24, 58, 82, 81],
            "setting": ["in vitro"] * 4,
            "audit_findings": ["", "A7;W6", "", "W60"],
        }
    )
    # Ref 81's title speaks of no animal work and its text statement is a comparison, so it is not named at all;
    # 'W60' is not the rule W6.
    assert narrative._design_animal_words(studies) == (
        "; for 2 of them the Effects cell, the review's body text or the cited title speaks of animals: refs 24, 58"
        "; for ref 82 the body text or the cited title speaks of a treated tissue or a route into a host without "
        "naming the host"
    )


# ------------------------------------------------------------------ the note

NOTE_HEAD = (
    "Dot area (proportional) and number: studies in each class, by disease, for MSCs (blue, Table 1) and "
    "MSC-derived exosomes (orange, Table 2); a study with two models or modifications counts under each. "
    "Derived by tested code from the printed Animal model, Source, Precondition (Table 1) and Effects cells"
)
NOTE_RELATION = (
    "A same-species relation is named only where a cell or the cited title names it. "
    "Xenogeneic: the MSCs, or the cells that made the exosomes, came from another species than the host. "
)
NOTE_TAIL = f"Classes are defined under the figure. {SOURCE_SHORT}, Tables 1-2."
MARKS_TAIL = (
    "figures/design.data.csv says how many and which, design.evidence.csv each study's findings, tables/audit.csv why. "
)


def test_design_note_without_studies():
    """No studies: the fixed note."""
    assert narrative.design_note() == NOTE_HEAD + ". " + NOTE_RELATION + NOTE_TAIL


def test_design_note_without_audit_columns_or_statements():
    """Studies without body-text statements or audit columns: the fixed note still, from the studies."""
    studies = _studies([MODELS_ROWS[3]])
    assert narrative.design_note(studies) == NOTE_HEAD + ". " + NOTE_RELATION + NOTE_TAIL


def test_design_text_rule_names_every_kind_of_body_text_statement():
    """Body text that adds a code, contradicts a cell naming the host, or names a tissue only; titles in vitro.

    Ref 58 carries W6, so its Effects cell is named with its title.
    """
    studies = pd.DataFrame(
        {
            "ref": [22, 53, 24, 82, 58, 74],
            "setting": ["in vivo", "in vivo", "in vivo", "in vitro", "in vitro", "in vitro"],
            "audit_findings": ["", "", "", "", "W6", None],
        }
    )
    assert narrative._design_text_rule(studies) == (
        ", and where the row is silent from the review's body text (data/text_statements.csv): refs 22 (relation) "
        "and 53 (modification). Where the body text contradicts a printed cell the code stays as printed: ref 24 "
        "(setting, host). Where the body text speaks of a treated tissue without naming the host, the code stays "
        "as printed too and the host is not reported in the review: ref 82 (setting). Where the Effects cell or "
        "the cited title speaks of animal work, the row stays in vitro as printed: ref 58 (its Effects cell (W6) "
        "and its title: 'cognitive impairment', 'hippocampus'); ref 74 (its title: 'bone loss'). "
    )


def test_design_text_rule_titles_only():
    """Without audit findings only the cited titles speak of animal work."""
    studies = pd.DataFrame({"ref": [74, 58], "setting": ["in vitro", "in vitro"]})
    assert narrative._design_text_rule(studies) == (
        ". Where only the cited title speaks of animal work, the row stays in vitro as printed: ref 58 (its title: "
        "'cognitive impairment', 'hippocampus'); ref 74 (its title: 'bone loss'). "
    )


def test_titled_in_vitro():
    """_titled_in_vitro: the in vitro rows whose cited title speaks of animal work, in ref order."""
    studies = pd.DataFrame({"ref": [82, 74, 58, 25], "setting": ["in vitro", "in vitro", "in vivo", "in vitro"]})
    assert narrative._titled_in_vitro(studies).to_dict("list") == {
        "ref": [74, 82],
        "words": ["'bone loss'", "'Topical'"],
    }


def test_design_note_with_marks_and_flags_elsewhere():
    """The dagger, the double dagger and a flagged row whose finding is on a code not drawn here.

    Ref 19 is flagged by W4 (a dose rule) only, ref 24 by R1 (a design rule); ref 11 carries a check.
    """
    studies = _studies(
        [MODELS_ROWS[4], MODELS_ROWS[1], MODELS_ROWS[3]],
        audit_flag=[True, True, False],
        audit_findings=["W4;A7", "R1", "R3"],
        audit_check=[False, False, True],
    )
    assert narrative.design_note(studies) == (
        NOTE_HEAD + ". Where the body text contradicts a printed cell the code stays as printed: ref 24 (setting, "
        "host). " + NOTE_RELATION + "† after a number: the audit flags at least one study behind it (an error or "
        "warning on what its row means); for ref 19 (W4, A7) the finding is on a code not drawn here, so its "
        "dagger says nothing of the model, host or product. ‡: none is flagged, but an audit check on a code drawn "
        "here (R1, R3-R5, W1, W6, W7), the body text, or (for a row printed in vitro only) the cited title's words "
        "of animal work question at least one. " + MARKS_TAIL + NOTE_TAIL
    )


def test_design_marks_without_a_flag_or_a_check_column():
    """No study flagged and no check column: only where to read more."""
    studies = pd.DataFrame({"ref": [1], "audit_flag": [None], "audit_findings": ["W4"]})
    assert narrative._design_marks(studies) == MARKS_TAIL


FLAGS_ELSEWHERE = [
    (
        "two flagged off the design codes, in ref order; one on a design rule is not named",
        pd.DataFrame(
            {
                "ref": [30, 19, 24, 5],
                "audit_flag": [True, True, True, None],
                "audit_findings": ["W2", "W4;A7", "R1;W4", "W3"],
            }
        ),
        "; for ref 19 (W4, A7), ref 30 (W2) the finding is on a code not drawn here, so their dagger says nothing of "
        "the model, host or product",
    ),
    (
        "a flagged row with no finding listed is not named",
        pd.DataFrame({"ref": [1], "audit_flag": [True], "audit_findings": [None]}),
        "",
    ),
    ("without findings column", pd.DataFrame({"ref": [1], "audit_flag": [True]}), ""),
    ("without flag column", pd.DataFrame({"ref": [1], "audit_findings": ["W4"]}), ""),
]


@pytest.mark.parametrize("rule, studies, text", FLAGS_ELSEWHERE, ids=[f[0] for f in FLAGS_ELSEWHERE])
def test_design_flags_elsewhere(rule, studies, text):
    """_design_flags_elsewhere: flagged studies whose findings all bear on a code not drawn here."""
    assert narrative._design_flags_elsewhere(studies) == text, rule


def test_design_disease_labels_quotes_the_printed_cell_a_label_wraps(monkeypatch):
    """A disease label that keeps the printed Disease cell in parentheses is said to be ours, with the cell and
    the printed model (Table 1 row 1, ref 10: 'weakness', 'Bmi-1⁻/⁻ mouse model').

    The gap map's own WEAK label reads 'Weakness, as printed (...)' and says so itself, so the older wording
    'Premature aging (weakness)' is put in its place here to reach the rule.
    """
    from helpers.analysis import gapmap

    labels = {"WEAK": "Premature aging (weakness)", "POF": "Ovarian failure (POF model)"}
    monkeypatch.setattr(gapmap, "disease_label", lambda code: labels.get(code, code))
    studies = _studies(
        [("table1", 1, 10, "in vivo", "WEAK", "w", "genetic", *SAME, "cells", "native", "none"), MODELS_ROWS[3]]
    )
    assert narrative._design_disease_labels(studies) == (
        "'Premature aging (weakness)': the column's name is ours; the printed Disease cell reads 'weakness' (ref 10, "
        "animal model 'Bmi-1⁻/⁻ mouse model'). "
    )


def test_design_disease_labels_of_the_printed_labels():
    """With the gap map's labels no column name adds words around a printed cell: nothing is said."""
    studies = _studies([("table1", 1, 10, "in vivo", "WEAK", "w", "genetic", *SAME, "cells", "native", "none")])
    assert narrative._design_disease_labels(studies) == ""


def test_design_models_a_disease_code_outside_the_vocabulary_is_named_by_its_code():
    """A code the vocabulary lacks (say an edition adds hearing loss, HL) is said as printed, not as None.

    Refs 11 and 19 (Table 1 rows 2 and 9), both induced: chemical, one recoded HL: 1 HL and 1 POF, HL first by
    name; neither printed model is one of ageing.
    """
    hearing = ("table1", 2, 11, "in vivo", "HL", "Hearing loss", "induced: chemical", *XENO, "cells", "native", "")
    assert narrative._design_models(_studies([hearing, MODELS_ROWS[4]])) == (
        "The most common model class is induced: chemical (2 of 2); 1 of these 2 is a model of HL (HL), the other 1 "
        "spreads over 1 disease. 0 of 2 use naturally aged animals."
    )


def test_design_notice_a_changed_product_and_nothing_added_lists_nothing():
    """Ref 11 as obtained and ref 19 recoded as primed: 1 of 2 changes the product itself, none adds anything,
    so no list follows 'something to it'; both in vivo, human cells in mice."""
    primed = (*MODELS_ROWS[4][:-2], "modified", "primed")
    assert narrative.design_notice(_studies([MODELS_ROWS[3], primed])) == (
        "0 of the 2 studies shown (tabulated in the review) print no animal arm (in vitro only as the row prints "
        "it), so animal models and hosts are counted among the other 2 studies. The most common model class is "
        "induced: chemical (2 of 2). 0 of 2 use naturally aged animals. In 2 of 2 the donor species differs from "
        "the host's (2 of them human cells or their exosomes given to rodents); in 0 of 2 donor and host are of one "
        "species, and the print or the cited title names the relation for 0 of these; the other 0 are same species, "
        "not specified. 1 of the 2 studies uses a primed, engineered or selected product, or delivers it with a "
        "biomaterial or a co-treatment (1 changes the product itself; 0 add something to it); 1 uses it as obtained."
    )
