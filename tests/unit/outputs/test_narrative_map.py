"""helpers.outputs.narrative, Fig. 1's prose: map_note, map_notice and the notes they join.

Each test builds a few cells of the evidence map by hand (the shape
:func:`helpers.analysis.evidence.mechanism_view` gives the notebook) and
checks the whole sentence against one written out from that input, so a
changed number, a changed word or a dropped clause all fail.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative

COLUMNS = ["kind", "category", "disease", "modality", "setting", "studies", "refs"]


def cells(*lines) -> pd.DataFrame:
    """An evidence map's cells from ``(kind, category, disease, modality, studies, refs)``."""
    return pd.DataFrame(
        [(k, c, d, m, "in vivo", n, r) for k, c, d, m, n, r in lines],
        columns=COLUMNS,
    )


# Anti-inflammatory: 2 MSC + 1 + 1 exosome studies over two diseases = 4, above Anti-apoptotic's 3 and
# below the 9 of the "No ..." line, which is not a category and must not lead.
MIXED = cells(
    ("mechanism", "Anti-inflammatory", "AD", "cells", 2, "1, 2"),
    ("mechanism", "Anti-inflammatory", "AD", "exosomes", 1, "3"),
    ("mechanism", "Anti-inflammatory", "POF", "exosomes", 1, "4"),
    ("mechanism", "Anti-apoptotic", "AD", "cells", 1, "1"),
    ("mechanism", "Anti-apoptotic", "AD", "exosomes", 2, "3, 4"),
    ("mechanism", "No mechanism category in the Effects cell", "AD", "cells", 9, "8"),
    ("cargo", "miRNA", "AD", "exosomes", 2, "3, 4"),
    ("cargo", "Proteins", "AD", "exosomes", 1, "5"),
    ("cargo", "No cargo category in the Effects cell", "AD", "exosomes", 1, "6"),
    ("cargo", "miRNA", "AD", "cells", 1, "7"),
)
# Only exosome studies match a mechanism: the MSC count of the lead is 0, not a missing column.
EXOSOMES_ONLY = cells(
    ("mechanism", "Senescence", "AD", "exosomes", 3, "1, 2, 3"),
    ("mechanism", "Autophagy", "AD", "exosomes", 1, "1"),
    ("cargo", "miRNA", "AD", "exosomes", 1, "1"),
    ("cargo", "miRNA", "POF", "exosomes", 2, "2, 3"),
)
# Only MSC studies: the exosome count of the lead is 0, and no exosome cargo sentence follows.
CELLS_ONLY = cells(
    ("mechanism", "Senescence", "AD", "cells", 2, "1, 2"),
    ("cargo", "No cargo category in the Effects cell", "AD", "cells", 2, "1, 2"),
)

COUNTED_10 = {"mechanism": {"studies": 10, "unnamed": 4}, "cargo": {"studies": 10, "unnamed": 3}}
COUNTED_3 = {"mechanism": {"studies": 3, "unnamed": 1}, "cargo": {"studies": 3, "unnamed": 0}}
COUNTED_2 = {"mechanism": {"studies": 2, "unnamed": 0}, "cargo": {"studies": 2, "unnamed": 2}}

PROSE = (
    ", and the review's prose gives a mechanism for others, so these rows do not mean that the studies name "
    "no mechanism. "
)

MAP_NOTICES = [
    (
        "lead, its split by product, the unnamed share, the excluded molecules and the miRNA carriers",
        MIXED,
        COUNTED_10,
        {"unnamed": 4, "instead": 2, "excluded": [31, 54]},
        {"mirna": [3, 4], "carried": [3]},
        pd.DataFrame({"ref": [3, 4, 5, 3], "rule": ["R4", "R4", "R4", "R3"]}),
        "Anti-inflammatory is the mechanism category matched most often: 4 of the 10 selected studies (2 with MSCs, "
        "2 with exosomes). 4 of the 10 Effects cells (40 %) match none of the mechanism categories of "
        "data/categories.csv; 2 of these 4 carry a pathway-family, transcription-factor or cargo tag instead, "
        "2 more ([31] and [54]) name a molecule that the categories exclude (data/curated_tags.csv says why)"
        + PROSE
        + "3 of the 4 exosome studies name a carried or mediating molecule in their Effects cell, 2 of them a "
        "miRNA (1 of the 2 printed as carried, delivered or overexpressed, though the cited title of [3] speaks "
        "of no vesicles (audit R4); [4] names the miRNA only as a mediator).",
    ),
    (
        "exosomes only: no MSC column, one excluded molecule, two mediators and no audit flag on a carrier",
        EXOSOMES_ONLY,
        COUNTED_3,
        {"unnamed": 1, "instead": 0, "excluded": [9]},
        {"mirna": [1, 2, 3], "carried": [9]},
        pd.DataFrame({"ref": [1], "rule": ["R4"]}),
        "Senescence is the mechanism category matched most often: 3 of the 3 selected studies (0 with MSCs, "
        "3 with exosomes). 1 of the 3 Effects cells (33 %) matches none of the mechanism categories of "
        "data/categories.csv; 0 of these 1 carry a pathway-family, transcription-factor or cargo tag instead, "
        "1 more ([9]) names a molecule that the categories exclude (data/curated_tags.csv says why)"
        + PROSE
        + "3 of the 3 exosome studies name a carried or mediating molecule in their Effects cell, 3 of them a "
        "miRNA (0 of the 3 printed as carried, delivered or overexpressed; [1], [2] and [3] name the miRNA only "
        "as a mediator).",
    ),
    (
        "all carried, flags given but none R4 on a carrier: the bracket closes on the count",
        EXOSOMES_ONLY,
        COUNTED_3,
        {"unnamed": 1, "instead": 1},
        {"mirna": [1, 2, 3], "carried": [1, 2, 3]},
        pd.DataFrame({"ref": [1, 7], "rule": ["R3", "R4"]}),
        "Senescence is the mechanism category matched most often: 3 of the 3 selected studies (0 with MSCs, "
        "3 with exosomes). 1 of the 3 Effects cells (33 %) matches none of the mechanism categories of "
        "data/categories.csv; 1 of these 1 carries a pathway-family, transcription-factor or cargo tag instead"
        + PROSE
        + "3 of the 3 exosome studies name a carried or mediating molecule in their Effects cell, 3 of them a "
        "miRNA (3 of the 3 printed as carried, delivered or overexpressed).",
    ),
    (
        "a carried list but no audit findings: the mediators still named",
        EXOSOMES_ONLY,
        COUNTED_3,
        {"unnamed": 1, "instead": 1, "excluded": []},
        {"mirna": [1, 2, 3], "carried": [2, 3]},
        None,
        "Senescence is the mechanism category matched most often: 3 of the 3 selected studies (0 with MSCs, "
        "3 with exosomes). 1 of the 3 Effects cells (33 %) matches none of the mechanism categories of "
        "data/categories.csv; 1 of these 1 carries a pathway-family, transcription-factor or cargo tag instead"
        + PROSE
        + "3 of the 3 exosome studies name a carried or mediating molecule in their Effects cell, 3 of them a "
        "miRNA (2 of the 3 printed as carried, delivered or overexpressed; [1] names the miRNA only as a mediator).",
    ),
    (
        "the lead has no MSC study while another category has one: 0, not a gap",
        cells(
            ("mechanism", "Senescence", "AD", "exosomes", 3, "1, 2, 3"),
            ("mechanism", "Autophagy", "AD", "cells", 1, "4"),
        ),
        {"mechanism": {"studies": 3, "unnamed": 0}, "cargo": {"studies": 3, "unnamed": 0}},
        {"unnamed": 0, "instead": 0},
        None,
        None,
        "Senescence is the mechanism category matched most often: 3 of the 3 selected studies (0 with MSCs, "
        "3 with exosomes). Each of the 3 Effects cells matches a mechanism category of data/categories.csv. ",
    ),
    (
        "no carried list: the miRNA count ends the sentence",
        EXOSOMES_ONLY,
        COUNTED_3,
        {"unnamed": 1, "instead": 1, "excluded": []},
        None,
        None,
        "Senescence is the mechanism category matched most often: 3 of the 3 selected studies (0 with MSCs, "
        "3 with exosomes). 1 of the 3 Effects cells (33 %) matches none of the mechanism categories of "
        "data/categories.csv; 1 of these 1 carries a pathway-family, transcription-factor or cargo tag instead"
        + PROSE
        + "3 of the 3 exosome studies name a carried or mediating molecule in their Effects cell, 3 of them a "
        "miRNA.",
    ),
    (
        "MSC studies only, none unnamed: 0 with exosomes, no share to take, no cargo sentence",
        CELLS_ONLY,
        COUNTED_2,
        {"unnamed": 0, "instead": 0, "excluded": []},
        {"mirna": [], "carried": []},
        pd.DataFrame({"ref": [], "rule": []}),
        "Senescence is the mechanism category matched most often: 2 of the 2 selected studies (2 with MSCs, "
        "0 with exosomes). Each of the 2 Effects cells matches a mechanism category of data/categories.csv. ",
    ),
]


@pytest.mark.parametrize(
    "rule, frame, counted, instead, carried, flags, sentence", MAP_NOTICES, ids=[m[0] for m in MAP_NOTICES]
)
def test_map_notice_states_each_count_out_of_its_whole(rule, frame, counted, instead, carried, flags, sentence):
    """map_notice: the most matched category, the unnamed cells and the exosome cargo, each out of its whole."""
    assert narrative.map_notice(frame, counted, instead, carried, flags) == sentence, rule


def test_map_notice_without_a_mechanism_category():
    """Only the "No mechanism ..." line: no category to lead, one sentence saying so."""
    frame = cells(("mechanism", "No mechanism category in the Effects cell", "AD", "cells", 2, "1, 2"))
    assert (
        narrative.map_notice(frame, COUNTED_2, {"unnamed": 2, "instead": 0})
        == "No study in this selection has an Effects cell that matches a mechanism category."
    )


REF_NAMES = [
    ("none", [], ""),
    ("one", [7], "[7]"),
    ("two joined by and", [31, 54], "[31] and [54]"),
    ("three: commas, then and", [1, 2, 3], "[1], [2] and [3]"),
]


@pytest.mark.parametrize("rule, refs, text", REF_NAMES, ids=[r[0] for r in REF_NAMES])
def test_ref_names_lists_references_in_prose(rule, refs, text):
    """_ref_names: bracketed references, the last joined by 'and'."""
    assert narrative._ref_names(refs) == text, rule


PERCENTS = [
    ("a third rounds down to 33", 1, 3, "33 %"),
    ("two thirds round up to 67", 2, 3, "67 %"),
    ("the whole is 100", 5, 5, "100 %"),
    ("nothing out of nothing is 'no'", 0, 0, "no"),
]


@pytest.mark.parametrize("rule, part, whole, text", PERCENTS, ids=[p[0] for p in PERCENTS])
def test_percent_rounds_to_a_whole_percent(rule, part, whole, text):
    """_percent: a share as a whole percent, or 'no' when there is no whole."""
    assert narrative._percent(part, whole) == text, rule


def flags(*lines) -> pd.DataFrame:
    return pd.DataFrame(lines, columns=["ref", "table", "row", "rule", "message"])


FLAG_NOTES = [
    (
        "one study: 'its', the message's full stop dropped",
        flags((24, "Table 1", 13, "R3", "The cited title speaks of patients.")),
        "The project's audit (tables/audit.csv) questions 1 drawn study on its disease, host, product, setting, "
        "route or MSC source, kept as printed: [24] Table 1 row 13, R3: The cited title speaks of patients.",
    ),
    (
        "two findings on two studies: 'their', items joined by semicolons",
        flags(
            (24, "Table 1", 13, "R3", "Title speaks of patients."),
            (24, "Table 1", 13, "R1", "Title names model X."),
            (70, "Table 2", 17, "R4", "No vesicles in the title."),
        ),
        "The project's audit (tables/audit.csv) questions 2 drawn studies on their disease, host, product, "
        "setting, route or MSC source, kept as printed: [24] Table 1 row 13, R3: Title speaks of patients; "
        "[24] Table 1 row 13, R1: Title names model X; [70] Table 2 row 17, R4: No vesicles in the title.",
    ),
    ("no finding: nothing", flags(), ""),
]


@pytest.mark.parametrize("rule, frame, text", FLAG_NOTES, ids=[f[0] for f in FLAG_NOTES])
def test_flags_note_counts_studies_not_findings(rule, frame, text):
    """flags_note: the questioned studies counted once each, every finding listed."""
    assert narrative.flags_note(frame) == text, rule


MODELLED = [
    (
        "one of four prints a model",
        pd.DataFrame({"ref": [12], "table": ["Table 1"], "row": [4], "model": ["SAMP8 mice"]}),
        4,
        "3 of the 4 in vitro only studies also print no animal model; 1 prints one with no route into it "
        "([12] Table 1 row 4: 'SAMP8 mice').",
    ),
    (
        "two of five print one",
        pd.DataFrame({"ref": [12, 40], "table": ["Table 1", "Table 2"], "row": [4, 9], "model": ["mice", "rats"]}),
        5,
        "3 of the 5 in vitro only studies also print no animal model; 2 print one with no route into it "
        "([12] Table 1 row 4: 'mice'; [40] Table 2 row 9: 'rats').",
    ),
    ("none given", None, 4, ""),
    ("an empty frame", pd.DataFrame({"ref": [], "table": [], "row": [], "model": []}), 4, ""),
]


@pytest.mark.parametrize("rule, frame, hollow, text", MODELLED, ids=[m[0] for m in MODELLED])
def test_modelled_note_counts_the_rest_of_the_hollow_studies(rule, frame, hollow, text):
    """modelled_note: of the hollow studies, how many print no model and which print one."""
    assert narrative.modelled_note(frame, hollow) == text, rule


def unrouted(*lines) -> pd.DataFrame:
    return pd.DataFrame(lines, columns=["ref", "table", "row", "route", "model", "follow_up"])


UNROUTED = [
    (
        "one study: 'prints', 'it is'",
        unrouted((33, "Table 1", 8, "NA", "aged mice", "4 weeks")),
        "1 study drawn filled prints 'NA' (the legends' Not Applicable) where the route stands, but an animal "
        "model and a follow-up, so it is drawn with an animal arm; the audit (A9, tables/audit.csv) questions "
        "that 'NA', and which route was used is not reported in the review ([33] Table 1 row 8: route 'NA', "
        "model 'aged mice', follow-up '4 weeks').",
    ),
    (
        "two studies: 'print', 'they are'",
        unrouted((33, "Table 1", 8, "NA", "aged mice", "4 weeks"), (61, "Table 2", 2, "NA", "rats", "NA")),
        "2 studies drawn filled print 'NA' (the legends' Not Applicable) where the route stands, but an animal "
        "model and a follow-up, so they are drawn with an animal arm; the audit (A9, tables/audit.csv) questions "
        "that 'NA', and which route was used is not reported in the review ([33] Table 1 row 8: route 'NA', "
        "model 'aged mice', follow-up '4 weeks'; [61] Table 2 row 2: route 'NA', model 'rats', follow-up 'NA').",
    ),
    ("none", None, ""),
    ("empty", unrouted(), ""),
]


@pytest.mark.parametrize("rule, frame, text", UNROUTED, ids=[u[0] for u in UNROUTED])
def test_unrouted_note_names_each_na_route(rule, frame, text):
    """unrouted_note: the studies drawn filled whose route is printed 'NA', each with its cells."""
    assert narrative.unrouted_note(frame) == text, rule


def titled(*lines, route_only=True) -> pd.DataFrame:
    frame = pd.DataFrame([line[:4] for line in lines], columns=["ref", "table", "row", "words"])
    if route_only:
        frame["route_only"] = [line[4] for line in lines]
    return frame


ANIMAL_TITLES = [
    (
        "one animal title, no route_only column: every row speaks of animals",
        titled((58, "Table 2", 5, "'mice'"), route_only=False),
        "The cited title of 1 study printed as in vitro only speaks of work in animals that the table does not "
        "show, so the hollow mark may understate it: [58] Table 2 row 5: 'mice'.",
    ),
    (
        "two animal titles and one that names a route only",
        titled(
            (58, "Table 2", 5, "'mice'", False),
            (60, "Table 2", 7, "'rats', 'in vivo'", False),
            (62, "Table 1", 3, "'Topical'", True),
        ),
        "The cited title of 2 studies printed as in vitro only speaks of work in animals that the table does not "
        "show, so the hollow mark may understate it: [58] Table 2 row 5: 'mice'; [60] Table 2 row 7: 'rats', "
        "'in vivo'. The cited title of 1 more study printed as in vitro only names a route into a host but not "
        "the host, which may be an animal, a person or an explant: [62] Table 1 row 3: 'Topical'.",
    ),
    (
        "route words only, two of them: the sentence stands alone, unspaced",
        titled((62, "Table 1", 3, "'Topical'", True), (63, "Table 1", 6, "'Intravenous'", True)),
        "The cited title of 2 more studies printed as in vitro only names a route into a host but not the host, "
        "which may be an animal, a person or an explant: [62] Table 1 row 3: 'Topical'; [63] Table 1 row 6: "
        "'Intravenous'.",
    ),
    (
        "two animal titles, no route_only column",
        titled((58, "Table 2", 5, "'mice'"), (60, "Table 2", 7, "'rats'"), route_only=False),
        "The cited title of 2 studies printed as in vitro only speaks of work in animals that the table does not "
        "show, so the hollow mark may understate it: [58] Table 2 row 5: 'mice'; [60] Table 2 row 7: 'rats'.",
    ),
    ("none", None, ""),
    ("empty", titled(), ""),
]


@pytest.mark.parametrize("rule, frame, text", ANIMAL_TITLES, ids=[a[0] for a in ANIMAL_TITLES])
def test_animal_titles_note_splits_animals_from_routes(rule, frame, text):
    """animal_titles_note: titles speaking of animals, then titles naming only a route into a host."""
    assert narrative.animal_titles_note(frame) == text, rule


READING = (
    "Dot area (proportional) and number: studies whose one-line Effects cell in Tables 1-2 supports the "
    "category (a study can support several), for MSCs (blue, Table 1) and MSC-derived exosomes (orange, "
    f"Table 2) as the review tabulates them; filled: with an animal arm, hollow: {narrative.IN_VITRO_AS_PRINTED}. "
    "Bars: all diseases together. The review's prose is not coded. The process categories are what the Effects "
    "cell names, not proof of how the product acts: some record an outcome (regenerated tissue, less amyloid, "
    "bone mass or osteoclast numbers) rather than a route to it."
)
CLOSING = f"fig1.data.csv and fig1.evidence.csv give every count and the printed words. {SOURCE_SHORT}."


def test_map_note_plain():
    """map_note with nothing to flag: the reading, the unmatched counts and the in vitro share, then the source."""
    frame = cells(("mechanism", "Senescence", "Osteoporosis", "cells", 2, "1, 2"))
    counted = {"mechanism": {"studies": 12, "unnamed": 5}, "cargo": {"studies": 12, "unnamed": 9}}
    note = narrative.map_note(frame, counted, {"in vivo": 8, "in vitro only": 4}, flags())
    assert note == (
        READING + " Of the 12 selected studies, 5 match no mechanism category and 9 no cargo category of "
        "data/categories.csv in their Effects cell; 4 of the 12 are in vitro only as printed. " + CLOSING
    )


def test_map_note_joins_every_caveat_in_order():
    """map_note: unrouted, modelled, titled, the 'weakness' disease, then the audit's flags, then the source."""
    frame = cells(("mechanism", "Senescence", "Premature aging (weakness)", "cells", 1, "33"))
    counted = {"mechanism": {"studies": 6, "unnamed": 1}, "cargo": {"studies": 6, "unnamed": 2}}
    note = narrative.map_note(
        frame,
        counted,
        {"in vivo": 3, "in vitro only": 3},
        flags((24, "Table 1", 13, "R3", "Title speaks of patients.")),
        titled=titled((58, "Table 2", 5, "'mice'", False)),
        modelled=pd.DataFrame({"ref": [12], "table": ["Table 1"], "row": [4], "model": ["mice"]}),
        unrouted=unrouted((33, "Table 1", 8, "NA", "aged mice", "4 weeks")),
    )
    assert note == (
        READING + " Of the 6 selected studies, 1 match no mechanism category and 2 no cargo category of "
        "data/categories.csv in their Effects cell; 3 of the 6 are in vitro only as printed. "
        "1 study drawn filled prints 'NA' (the legends' Not Applicable) where the route stands, but an animal "
        "model and a follow-up, so it is drawn with an animal arm; the audit (A9, tables/audit.csv) questions "
        "that 'NA', and which route was used is not reported in the review ([33] Table 1 row 8: route 'NA', "
        "model 'aged mice', follow-up '4 weeks'). "
        "2 of the 3 in vitro only studies also print no animal model; 1 prints one with no route into it "
        "([12] Table 1 row 4: 'mice'). "
        "The cited title of 1 study printed as in vitro only speaks of work in animals that the table does not "
        "show, so the hollow mark may understate it: [58] Table 2 row 5: 'mice'. "
        "'Premature aging (weakness)': the printed Disease cell reads 'weakness'. "
        "The project's audit (tables/audit.csv) questions 1 drawn study on its disease, host, product, setting, "
        "route or MSC source, kept as printed: [24] Table 1 row 13, R3: Title speaks of patients. " + CLOSING
    )


def test_map_note_reads_cells_without_a_disease_column():
    """map_note: cells with no disease column (one disease, dropped) cannot be the 'weakness' one; no error."""
    frame = cells(("mechanism", "Senescence", "Osteoporosis", "cells", 2, "1, 2")).drop(columns="disease")
    counted = {"mechanism": {"studies": 2, "unnamed": 0}, "cargo": {"studies": 2, "unnamed": 1}}
    note = narrative.map_note(frame, counted, {"in vivo": 2, "in vitro only": 0}, flags())
    assert note == (
        READING + " Of the 2 selected studies, 0 match no mechanism category and 1 no cargo category of "
        "data/categories.csv in their Effects cell; 0 of the 2 are in vitro only as printed. " + CLOSING
    )
