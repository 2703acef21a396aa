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
  12, 17, 18, 20, 22, 23, 24, 25, 26, 27: 24 of 56, so 32 as obtained.
"""

from __future__ import annotations

import re

import pytest

from helpers.data import coded
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
    (32, "as obtained"),
]


def _numbers(text: str) -> list[float]:
    return [float(n) for n in NUMBER.findall(text)]


def test_every_number_in_what_to_notice_matches_the_recount():
    text = narrative.design_notice(coded.studies())
    assert _numbers(text) == [float(n) for n, _ in EXPECTED_NOTICE]
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
