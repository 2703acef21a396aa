"""The design exhibit's sentences: every number in "What to notice" and the caption, checked against the print.

Expected values are recounted by hand from the printed Tables 1-2 (Animal model,
Source, Precondition and Effects cells) and the cited titles, not taken from the
code:

* in vitro only (no animal received the product): Table 1 rows 14 ([25],
  coculture) and 28 ([44]); Table 2 rows 6, 7, 9, 18, 21, 26, 27: 9 of 56,
  so 47 studies with an animal host;
* induced by a small-molecule chemical: Table 1 rows 2, 4 (CDDP), 5, 7, 9,
  11, 12 (CTX), 10 (VCD), 16 (AIC3), 22 (D-gal); Table 2 rows 1-5, 13, 19,
  20, 23, 24: 20 of 47;
* naturally aged: Table 1 rows 7, 8, 10, 13, all POF and MSCs; rows 8 and 13
  alone, rows 7 and 10 beside an induced model: 4 of 47;
* donor species differs from the host's: 29 of 47, all human to rodent but
  Table 1 row 21 ([35], mAD-MSC into a rat): 28; same species 18, of which
  the relation is named for 2: ref 22's title says autologous, ref 34's
  Effects cell says Allograft (and its title Allogeneic); 16 not specified;
* a modified or co-delivered product: Table 1 rows 6, 7, 10, 11, 12, 13, 17,
  18, 19, 22 (the 10 printed Preconditions) and Table 2 rows 5, 6, 10, 11,
  12, 17, 18, 20, 22, 23, 24, 25, 26, 27: 24 of 56, so 32 as obtained; of the
  24, 7 only deliver it with a biomaterial or a co-treatment (refs 23, 24, 32,
  37, 80, 81, 82), so 17 change the product itself: ref 53's exosomes come
  from lipopolysaccharide-pretreated cells, as the review's text and the cited
  title print (dataset second reading #8; data/text_statements.csv);
* second reading, 2.7: of the 20 chemical inductions 13 are POF (refs 11, 13,
  14, 16, 19, 21, 22, 23, 48, 49, 51, 52, 53), the other 7 in OP (STZ: 72, 73,
  77, 78), AD (AlCl3 29, ICV STZ 63) and AS (D-gal 37): 3 diseases; models of
  ageing itself: natural ageing 16, 18, 21, 24, SAMP8 28, Bmi-1 knockout 10,
  D-gal 37: 7 of 47, so 40 model a disease;
* second reading, 2.4 and 2.8: the audit flags refs 19, 24, 25, 37, 42, 44, 58
  and 68 (refs 15, 29 and 53 no longer: the audit's second reading made their
  findings, A7 and W3, checks); among the naturally aged studies only ref 24,
  among the ageing models refs 24 and 37.
"""

from __future__ import annotations

import re

import pytest

from helpers.audit import flags as audit_flags
from helpers.data import coded, flags
from helpers.notebook.session import start
from helpers.outputs import narrative

NUMBER = re.compile(r"\d+(?:\.\d+)?")

# Every number of the canonical "What to notice", in reading order, with what it counts.
EXPECTED_NOTICE = [
    (9, "in vitro only"),
    (56, "studies shown"),
    (47, "studies with an animal host"),
    (20, "induced: chemical"),
    (47, "out of the in vivo studies"),
    (4, "naturally aged"),
    (47, "out of the in vivo studies"),
    (2, "naturally aged alone"),
    (2, "naturally aged beside an induced model"),
    (29, "xenogeneic"),
    (47, "out of the in vivo studies"),
    (28, "human to rodent"),
    (18, "same species"),
    (47, "out of the in vivo studies"),
    (2, "relation named by a cell or title"),
    (1, "autologous"),
    (1, "allogeneic"),
    (16, "same species, not specified"),
    (24, "modified or co-delivered product"),
    (56, "all studies"),
    (17, "product itself changed"),
    (7, "only delivered differently"),
    (32, "as obtained"),
]
# What the second reading (2.4, 2.7) asked for, after the most common class, in reading order.
EXPECTED_MODELS = [
    (13, "chemical inductions in POF"),
    (20, "chemical inductions"),
    (7, "chemical inductions elsewhere"),
    (3, "other diseases"),
]
EXPECTED_AGED = [(1, "naturally aged studies flagged"), (4, "naturally aged"), (24, "ref 24")]
EXPECTED_AGEING = [
    (7, "models of ageing itself"),
    (47, "out of the in vivo studies"),
    (4, "natural ageing"),
    (1, "the gene name Bmi-1"),
    (1, "Bmi-1 knockout"),
    (1, "D-galactose"),
    (1, "accelerated-ageing strain"),
    (2, "ageing models flagged"),
    (7, "ageing models"),
    (24, "ref 24"),
    (37, "ref 37"),
    (40, "in vivo studies modelling a disease"),
]


def _studies():
    """The coded studies with the audit's columns, as the notebook draws them."""
    return flags.attach(coded.studies(), audit_flags.by_row())


def _expected() -> list[float]:
    order = EXPECTED_NOTICE[:5] + EXPECTED_MODELS + EXPECTED_NOTICE[5:9] + EXPECTED_AGED + EXPECTED_AGEING
    return [float(n) for n, _ in order + EXPECTED_NOTICE[9:]]


def _numbers(text: str) -> list[float]:
    return [float(n) for n in NUMBER.findall(text)]


def test_every_number_in_what_to_notice_matches_the_recount():
    text = narrative.design_notice(_studies())
    assert _numbers(text) == _expected()
    # What the numbers count is said beside them.
    for words in ("in vitro only", "induced: chemical (20 of 47)", "naturally aged", "(1 autologous, 1 allogeneic)"):
        assert words in text
    assert "POF" in text and "cells" in text


def test_the_caption_states_no_count():
    """The note holds no number but the tables it names, the year and the licence."""
    note = narrative.design_note()
    assert _numbers(note) == [1, 2, 1, 2025, 4.0, 1, 2]  # Table 1, Table 2, Table 1, year, licence, Tables 1-2
    assert "proportional" in note and "Effects" in note


@pytest.mark.parametrize("diseases", ["AD", "POF", "OP,SKIN", "AS"])
def test_a_selection_states_its_own_counts(diseases):
    """Each number of a selection's notice recounts from that selection's coded rows."""
    run = start("design", {"diseases": diseases})
    studies, _ = coded.selected(run)
    text = narrative.design_notice(studies)
    in_vivo = studies[studies["setting"] != "in vitro"]
    n, animals = len(studies), len(in_vivo)
    assert text.startswith(f"{n - animals} of the {n} studies shown")
    xeno = int(in_vivo["relation"].str.contains("xenogeneic").sum())
    assert f"In {xeno} of {animals} the donor species" in text
    modified = int((studies["product"] == "modified").sum())
    assert f"{modified} of the {n} studies use" in text
    assert f"{n - modified} use it as obtained" in text


def test_the_notice_says_what_the_chemical_class_holds_and_which_ageing_studies_are_flagged():
    """Second reading 2.4 and 2.7: the flagged natural-ageing study is named; ageing models are counted."""
    text = narrative.design_notice(_studies())
    assert "13 of these 20 are Premature ovarian failure (POF) models" in text
    assert "the audit flags 1 of the 4: ref 24" in text
    assert "7 of 47 use a model of ageing itself" in text and "refs 24, 37" in text
    assert "17 change the product itself, 7 only how it is given" in text


def test_the_note_says_what_a_dagger_means_and_whose_name_a_column_bears():
    """Second reading 2.8 and 2.9: the dagger is explained; 'weakness' is the printed Disease cell of ref 10."""
    note = narrative.design_note(_studies())
    assert "† after a number: the audit flags at least one study behind it" in note
    assert "'Premature aging (weakness)': the column's name is ours; the printed Disease cell reads 'weakness'" in note
    assert "ref 10" in note and "Bmi-1⁻/⁻ mouse model" in note


def test_the_title_does_not_call_every_product_modified():
    """Second reading 2.3: 7 of the 24 studies only deliver the product with a biomaterial or a co-treatment."""
    from helpers.core.catalog import get

    exhibit = get("design")
    assert "modified products" not in exhibit.title and "product and delivery" in exhibit.title
    assert "biomaterial" in exhibit.caption
