"""Evidence map R2 (fig2): every number in its caption and "What to notice" is checked against a recount.

The expected values are recounted by hand from the printed Effects cells of
Tables 1-2 against the definitions in data/categories.csv, where a
transcription factor (KLF6, FOXO1/FOXO3a, NR4A1, ATF4-ATF3-CHOP) is not a
signalling pathway family.
"""

from __future__ import annotations

import re

import pytest

from helpers.analysis import evidence
from helpers.notebook.session import start
from helpers.outputs import narrative
from tests.unit._audit import audit_frame
from tests.unit.analysis._evidence_reading import (
    check_caption_names_audited_rows,
    check_claim,
    check_every_number_is_covered,
    claim_id,
)

IDENTIFIERS = re.compile(
    r"\[\d+\]|Tables? \d(?:-\d)?(?: row \d+)?|\b[A-Z]\d\b|fig\d\.\w+\.csv|\(\d{4}\)|CC BY-NC-ND \d\.\d"
    r"|PI3K/AKT/mTOR|NF-κB|Nrf2/HO-1|FOXO\d\w*|ATF\d|miR-\d+a?-\dp|KLF6|ERK1/2|NR4A1|FOXO3a"
)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    run = start("fig2", {})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    view = evidence.pathway_view(selected, tagged, audit_frame())
    return {"note": narrative.pathway_note(view), "notice": narrative.pathway_notice(view)}


# The 19 studies Fig. 2 draws (a family or a transcription factor in the Effects cell); of these the audit
# questions at least [42] (R2: the title says gingival MSCs, the row DP).
DRAWN = {
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "22",
    "32",
    "35",
    "42",
    "48",
    "49",
    "51",
    "52",
    "57",
    "66",
    "67",
    "68",
    "74",
}
# Fourth reading 4.1: and [35] (W1: the row prints mAD-MSC, mouse cells, in a "high-fat diet constructed AS rat
# model").
MUST_NAME = {"35", "42"}

CLAIMS = [
    # [74] (Table 2 row 21) is the only drawn study done in a dish only, as printed; third reading 3.2: its cited
    # title says the exosomes "alleviated dexamethasone-induced bone loss", work in animals.
    ("note", r"in vitro only as printed \((\d+) of the (\d+) drawn;", (1, 19)),
    ("note", r"The cited title of (\d+) study printed as in vitro only speaks of work in animals", (1,)),
    # Families: MSC [11] [12] [14] [15] [16] [22] [32] [35] [42]; exosome [48] [49] [52] [57] [66] [67] [68] [74].
    # Factors: [11] [12] [13] [15] [51] [66]. Either: the 17 plus [13] and [51].
    ("note", r"Drawn: the (\d+) of the (\d+) selected studies", (19, 56)),
    ("note", r"pathway family \((\d+)\) or a transcription factor \((\d+)\)", (17, 6)),
    ("notice", r"(\d+) of the (\d+) selected studies name a signalling pathway family", (17, 56)),
    ("notice", r"Effects cell \((\d+) %\)", (30,)),
    ("notice", r"(\d+) name a transcription factor, and (\d+) name either", (6, 19)),
    ("notice", r"PI3K/AKT/mTOR \((\d+) studies\), NF-κB \((\d+) studies\), Wnt/β-catenin \((\d+) studies\)", (5, 3, 3)),
    # Second reading 2.2: drawn of tabulated, per disease: POF 11 of 17 (MSC [11]-[16], [22] + exosome [48],
    # [49], [51], [52]; 12 + 5 rows), AS 4 of 9, AD 2 of 14, OP 2 of 10, skin aging 0 of 5, weakness 0 of 1.
    (
        "notice",
        r"Premature ovarian failure (\d+) of (\d+), Atherosclerosis (\d+) of (\d+), Alzheimer's disease (\d+) of "
        r"(\d+), Osteoporosis (\d+) of (\d+), Skin aging (\d+) of (\d+), Premature aging \(weakness\) (\d+) of (\d+)",
        (11, 17, 4, 9, 2, 14, 2, 10, 0, 5, 0, 1),
    ),
    (
        "note",
        r"No column for Skin aging \((\d+) selected studies\) and Premature aging \(weakness\) \((\d+) selected",
        (5, 1),
    ),
    ("notice", r"(\d+) of the (\d+) drawn test MSC-derived exosomes", (9, 19)),
    # Second reading 2.3: [22] (MT, melatonin, in the Precondition cell) and [32] (resveratrol, "cumulative effects");
    # third reading 3.3: [15] (Precondition "Transfer MicroRNA 21": miR-21 "possibly by inhibiting the
    # PTEN/AKT/FOXO3a signaling pathway").
    ("note", r"(\d+) drawn studies add another agent to the MSCs", (3,)),
    # Fourth reading 4.1: [35] W1 and [42] R2.
    ("note", r"questions (\d+) drawn studies on their disease, host, product, setting, route or MSC source", (2,)),
    # Fourth reading 4.4: amniotic membrane is printed for [10] (Table 1 row 1, mAM-MSC) and [38] (row 23,
    # hAM-MSC); neither names a family or a factor.
    ("note", r"No source row for amniotic membrane \((\d+) selected studies, \[10\] and \[38\]\)", (2,)),
    # Fourth reading 4.2, fifth 5.2: of the 6 factor studies, 4 print the factor inside a pathway: [11] Table 1
    # row 2 "AMPK/NR4A1 signaling pathway", [15] row 6 "PTEN/AKT/FOXO3a signaling pathway", [51] Table 2 row 3
    # "KLF6 and ATF4-ATF3-CHOP pathways", [66] row 14 "KLF6 and ERK1/2 signaling pathways"; not [12] (FOXO1
    # "expression", the pathways of its cell are Wnt/β-catenin and Hippo) nor [13] ("NR4A1-mediated").
    ("note", r"The Effects cells of (\d+) of the (\d+) drawn studies naming a transcription factor", (4, 6)),
    # Fifth reading 5.1: Table 2 row 1 [48] prints route "NA" beside "CDDP induced POF mouse model", "4 weeks".
    ("note", r"(\d+) study drawn filled prints 'NA'", (1,)),
    ("note", r"\[48\] Table 2 row 1: route 'NA', model '[^']+', follow-up '(\d+) weeks'", (4,)),
]


def test_the_sirt_dots_name_the_agent_given_with_the_msc(texts):
    """Both SIRT studies are combinations: [22] primed with melatonin, [32] co-given resveratrol."""
    assert "[22] Table 1 row 11, primed: NF-κB, Sirtuins (SIRT)" in texts["note"]
    assert "[32] Table 1 row 18, co-treatment: Sirtuins (SIRT)" in texts["note"]


def test_the_engineered_study_is_listed_with_the_families_its_added_mirna_may_carry(texts):
    """Third reading 3.3: [15] transfers miR-21 into the MSCs, and its Effects cell credits the PTEN/AKT/FOXO3a
    pathway to miR-21, so its PI3K/AKT/mTOR and FoxO dots may be the added agent's, as for [22] and [32]."""
    assert "[15] Table 1 row 6, engineered: PI3K/AKT/mTOR, FoxO" in texts["note"]
    assert "engineered to carry or express it" in texts["note"]


def test_the_source_block_says_it_counts_only_the_drawn_studies(texts):
    """Second reading 2.1: 26 of the 56 studies use umbilical cord, 11 of the 19 drawn; the block is not all sources."""
    assert "The source block counts only the studies drawn" in texts["notice"]


@pytest.mark.parametrize("which, pattern, numbers", CLAIMS, ids=[claim_id(c) for c in CLAIMS])
def test_each_claim_carries_the_recounted_numbers(texts, which, pattern, numbers):
    check_claim(texts, which, pattern, numbers)


def test_the_caption_names_every_drawn_row_the_audit_questions(texts):
    check_caption_names_audited_rows(texts["note"], DRAWN, MUST_NAME)


@pytest.mark.parametrize("which", ["note", "notice"])
def test_no_number_in_the_text_goes_unchecked(texts, which):
    check_every_number_is_covered(texts[which], CLAIMS, IDENTIFIERS)


def test_the_notice_no_longer_says_only_n_name_a_pathway_at_all(texts):
    assert "at all" not in texts["notice"]
    assert "data/categories.csv" in texts["notice"]


def test_the_blocks_are_said_to_share_columns_not_studies(texts):
    """Second reading 2.4: within a column the figure cannot pair a source with a family; data.csv can."""
    assert "the blocks share the disease columns, not the studies" in texts["note"]


def test_the_figure_heads_the_source_block_with_the_studies_drawn():
    """Second reading 2.1: 19 studies drawn, so the source block is headed as theirs, not every study's."""
    from helpers.plots import fig2

    run = start("fig2", {})
    selected = evidence.studies(run)
    view = evidence.pathway_view(selected, evidence.tagged(selected), audit_frame())
    fig = fig2.draw(view, title="T")
    headings = {t.get_text() for ax in fig.axes for t in ax.texts}
    fig2.plt.close(fig)
    assert "MSC tissue source of the 19 studies drawn" in headings


def test_the_notebook_says_the_tgf_beta_dot_rests_on_an_expression_change():
    """Second reading 2.8: [12] prints 'downregulate TGF-β'; the prose ties TGF-β1/Smad3 to [11]."""
    import json

    from helpers.core import paths

    cells = json.loads((paths.ROOT / "notebooks" / "fig2.ipynb").read_text())["cells"]
    prose = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "prints TGF-β downregulated" in prose
    assert "TGF-β1/Smad3" in prose


def test_the_hollow_study_is_named_with_the_animal_words_of_its_title(texts):
    """Third reading 3.2: [74] prints an MC3T3-E1 coculture, but its cited title reports bone loss in animals."""
    assert "[74] Table 2 row 21: 'bone loss'" in texts["note"]
    assert "no animal arm" not in texts["note"]


def test_the_factor_only_study_whose_cell_says_pathway_is_footnoted(texts):
    """Fourth reading 4.2: the print calls ATF4-ATF3-CHOP a pathway; the caption quotes it and says why it is filed
    as transcription factors."""
    assert "[51] Table 2 row 3: 'hUCMSCs-Exos-miR-22-3p targets the KLF6 and ATF4-ATF3-CHOP pathways'" in texts["note"]


def test_the_added_agent_sentence_does_not_call_a_factor_a_family(texts):
    """Fourth reading 4.3: FoxO is drawn among the transcription factors."""
    assert "a family or factor named may be that agent's" in texts["note"]


def test_the_hollow_definition_is_the_model_or_co_culture_rule(texts):
    """Fourth reading (fig1 4.1), fifth 5.1: hollow means no animal model printed or co-culture the only route;
    [48] (route "NA" beside a mouse model and 4 weeks of follow-up) is named as drawn with an animal arm."""
    assert "no animal model printed, or co-culture in a dish the only printed route" in texts["note"]
    assert "no route into an animal" not in texts["note"]
    assert "no animal model and no route" not in texts["note"]
    sentence = texts["note"].split("drawn filled prints 'NA'")[1].split(". ")[0]
    assert re.findall(r"\[(\d+)\]", sentence) == ["48"] and "A9" in sentence


def test_every_factor_study_whose_cell_puts_the_factor_in_a_pathway_is_footnoted(texts):
    """Fifth reading 5.2: [11], [15], [51] and [66] print the factor inside a pathway; [12] and [13] do not."""
    sentence = texts["note"].split("call the factor part of a pathway")[1].split("; the figure keeps")[0]
    assert re.findall(r"\[(\d+)\] Table", sentence) == ["11", "15", "51", "66"]
    assert "'AMPK/NR4A1 signaling pathway'" in sentence and "KLF6 and ERK1/2 signaling pathways" in sentence


def test_the_factor_block_does_not_deny_the_prints_word_pathway():
    """Fifth reading 5.2: 4 of the 6 factor studies print the factor inside a pathway, so the block header says the
    factors are kept apart, not that they are "not pathways"."""
    from helpers.plots import fig1

    assert fig1.KIND_TITLES["regulator"] == "Transcription factors (kept apart)"
