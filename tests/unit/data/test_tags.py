"""Tests for helpers.data.tags: the lexicon, curated corrections and counts.

The lexicon is data, so most tests here are tables of printed phrases and
the tags they must (or must not) produce with the real ``data/lexicon.csv``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from helpers.data import tags as T
from tests.conftest import ROOT

DATA = ROOT / "data"
LEXICON_HEADER = "kind,tag,pattern,note\n"
CURATED_HEADER = "table,row,kind,tag,action,evidence\n"


# ------------------------------------------------------------------ helpers


@pytest.fixture(scope="module")
def lexicon() -> pd.DataFrame:
    return T.load_lexicon()


@pytest.fixture(scope="module")
def curated() -> pd.DataFrame:
    return T.load_curated()


@pytest.fixture(scope="module")
def studies() -> dict[str, pd.DataFrame]:
    frames = {}
    for name in T.TABLES:
        frame = pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)
        frames[name] = frame.astype({"row": int, "ref": int})
    return frames


@pytest.fixture(scope="module")
def tagged(studies, lexicon, curated) -> pd.DataFrame:
    return T.tag_rows(studies, lexicon, curated)


def _study(*effects: str, table: str = "msc_studies") -> dict[str, pd.DataFrame]:
    """A minimal study table with one row per effects text."""
    return {
        table: pd.DataFrame(
            {
                "row": range(1, len(effects) + 1),
                "ref": range(101, 101 + len(effects)),
                "disease": "POF",
                "source": "hUC-MSC",
                "effects": list(effects),
            }
        )
    }


def _found(text: str, lexicon: pd.DataFrame) -> dict[tuple[str, str], str]:
    """{(kind, tag): phrase} that the lexicon finds in one effects text."""
    out = T.tag_rows(_study(text), lexicon)
    return {(k, t): p for k, t, p in zip(out["kind"], out["tag"], out["phrase"])}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _row(tagged: pd.DataFrame, table: str, row: int) -> dict[tuple[str, str], pd.Series]:
    part = tagged[(tagged["table"] == table) & (tagged["row"] == row)]
    return {(r.kind, r.tag): r for r in part.itertuples(index=False)}


# ------------------------------------------------ lexicon: positive matches

MATCHES = [
    # effects text (printed wording), kind, tag, expected phrase
    ("hUC-MSCs induce neurogenesis through activin A", "mechanism", "regeneration", "neurogenesis"),
    ("hUC-MSCs induce neurogenesis through activin A", "mechanism", "paracrine", "activin"),
    ("promotes ovarian function and proliferation", "mechanism", "regeneration", "proliferation"),
    ("improved bone tissue regeneration", "mechanism", "regeneration", "regeneration"),
    ("improve hAD-MSCs retention and revascularization in grafts", "mechanism", "angiogenesis", "revascularization"),
    ("improve hAD-MSCs retention and revascularization in grafts", "mechanism", "homing", "retention"),
    ("through paracrine VEGFA, regulate the PI3K/AKT/mTOR signaling pathway", "mechanism", "paracrine", "paracrine"),
    ("HGF mediated HUC-MSC-induced functional recovery", "mechanism", "paracrine", "HGF"),
    ("hAM-MSC treatment can effectively reduce immune response", "mechanism", "immunomodulation", "immune"),
    ("modulate gliocyte activation, neuroinflammation", "mechanism", "immunomodulation", "gliocyte"),
    ("promoting M1/M2 polarization of microglia", "mechanism", "immunomodulation", "microglia"),
    ("inhibiting NLRP3 inflammasome activation in osteoclasts", "mechanism", "immunomodulation", "NLRP3"),
    ("circulation of CD8+ CD28-T cells", "mechanism", "immunomodulation", "T cells"),
    ("demonstrated enhanced anti-inflammatory effects", "mechanism", "immunomodulation", "inflammatory"),
    ("inhibit TICs apoptosis", "mechanism", "anti_apoptosis", "apoptosis"),
    ("regulate cellular autophagy, thereby reducing GC death.", "mechanism", "anti_apoptosis", "GC death"),
    ("nerve cell survival and apoptosis", "mechanism", "anti_apoptosis", "cell survival"),
    ("alleviate apoptosis and oxidative stress", "mechanism", "antioxidant", "oxidative stress"),
    ("dermal fibroblast proliferation, antioxidant effect", "mechanism", "antioxidant", "antioxidant"),
    ("alleviate the over-autophagy of ovarian GCs", "mechanism", "autophagy", "autophagy"),
    ("suppress apoptosis via mitochondrial transfer", "mechanism", "mitochondria", "mitochondrial"),
    (
        "inhibit ox-LDL uptake, inflammatory response and endothelial injury",
        "mechanism",
        "endothelial",
        "endothelial injury",
    ),
    (
        "inhibit vascular inflammation and endothelial dysfunction",
        "mechanism",
        "endothelial",
        "endothelial dysfunction",
    ),
    (
        "alleviated TNF-α-induced inflammation in human coronary artery endothelial cells.",
        "mechanism",
        "endothelial",
        "inflammation in human coronary artery endothelial cells",
    ),
    ("paracrine effect of angiogenesis.", "mechanism", "angiogenesis", "angiogenesis"),
    ("recovery of ovarian function and tissue fibrosis", "mechanism", "ecm_fibrosis", "fibrosis"),
    ("and matrix metalloproteinases reduction", "mechanism", "ecm_fibrosis", "matrix metalloproteinases"),
    ("extracellular matrix related signaling", "mechanism", "ecm_fibrosis", "extracellular matrix"),
    ("enhancing autophagy and inhibiting proteopathy", "mechanism", "proteostasis", "proteopathy"),
    ("BMMSCs-Exo reduces Aβ deposition by", "mechanism", "proteostasis", "Aβ deposition"),
    (
        "regulates the balance between osteoclasts and osteoblasts",
        "mechanism",
        "bone_remodelling",
        "balance between osteoclasts and osteoblasts",
    ),
    ("and reduce the number of osteoclasts", "mechanism", "bone_remodelling", "number of osteoclasts"),
    (
        "enhancing osteoblast proliferation and differentiation",
        "mechanism",
        "bone_remodelling",
        "osteoblast proliferation",
    ),
    ("increase bone mineral content", "mechanism", "bone_remodelling", "bone mineral content"),
    ("can be transported to atherosclerotic aortic plaque", "mechanism", "homing", "transported to"),
    ("by increasing cell implantation and paracrine effect", "mechanism", "homing", "cell implantation"),
    (
        "DNA damage pathway, extracellular matrix related signaling and cell metabolism regulation",
        "mechanism",
        "metabolism",
        "cell metabolism",
    ),
    # pathway families
    ("regulate the PI3K/AKT/mTOR signaling pathway", "pathway", "pi3k_akt_mtor", "PI3K"),
    ("activate the PI3K/Akt signaling pathway", "pathway", "pi3k_akt_mtor", "PI3K"),
    ("inhibiting the PTEN/AKT/FOXO3a signaling pathway", "pathway", "pi3k_akt_mtor", "PTEN"),
    ("inhibiting the PTEN/AKT/FOXO3a signaling pathway", "regulator", "foxo", "FOXO3a"),
    ("upregulate the expression of FOXO1, GDF-9", "regulator", "foxo", "FOXO1"),
    ("upregulate the Wnt/β-catenin and Hippo signaling pathways.", "pathway", "wnt", "Wnt"),
    ("through the FZD5/Wnt/β-catenin pathway", "pathway", "wnt", "FZD5"),
    ("beta-catenin accumulation", "pathway", "wnt", "beta-catenin"),
    ("SIRT6/NF-κB signaling pathway", "pathway", "nf_kb", "NF-κB"),
    ("the NF-kB pathway", "pathway", "nf_kb", "NF-kB"),
    ("SIRT6/NF-κB signaling pathway", "pathway", "sirt", "SIRT6"),
    ("regulating the Nrf2/HO-1 axis", "pathway", "nrf2_ho1", "Nrf2"),
    ("targeting the KLF6 and ERK1/2 signaling pathways.", "pathway", "mapk", "ERK1/2"),
    ("targeting the KLF6 and ERK1/2 signaling pathways.", "regulator", "klf6", "KLF6"),
    ("the p38 MAPK pathway", "pathway", "mapk", "p38"),
    ("by regulating the Hippo pathway", "pathway", "hippo", "Hippo"),
    ("AMPK/NR4A1 signaling pathway is involved", "pathway", "ampk", "AMPK"),
    ("AMPK/NR4A1 signaling pathway is involved", "regulator", "nr4a1", "NR4A1"),
    ("regulating NR4A1-mediated mitochondrial mechanisms", "regulator", "nr4a1", "NR4A1"),
    ("Fst genes, downregulate TGF-β, and", "pathway", "tgf_beta", "TGF-β"),
    ("activating the SphK/S1P signaling pathway", "pathway", "sphk_s1p", "SphK"),
    ("targets the KLF6 and ATF4-ATF3-CHOP pathways.", "regulator", "atf_chop", "ATF4"),
    ("mainly through DNA damage pathway", "pathway", "dna_damage", "DNA damage"),
    # cargo
    ("hUCMSCs-Exos-miR-22-3p targets the KLF6", "cargo", "mirna", "miR-22-3p"),
    ("the miR-let7/HMGA2/NF-κB pathway", "cargo", "mirna", "miR-let7"),
    ("ADMSC-Exo overexpressing microRNA-21 can increase", "cargo", "mirna", "microRNA-21"),
    ("by delivering circ-Epc1 and promoting", "cargo", "other_rna", "circ-Epc1"),
    ("target miR-3064-5p through MEG3 overexpression", "cargo", "other_rna", "MEG3"),
    ("hDP-MSCs-produced CD39 regulates the balance", "cargo", "protein", "MSCs-produced CD39"),
]


@pytest.mark.parametrize("text, kind, tag, phrase", MATCHES)
def test_lexicon_finds_tag_with_exact_phrase(lexicon, text, kind, tag, phrase):
    found = _found(text, lexicon)
    assert found.get((kind, tag)) == phrase, f"{text!r}: got {found}"


# ------------------------------------------------ lexicon: negatives

NO_MATCHES = [
    # text, kind, tag it must NOT produce, why
    ("in the hippocampus of AD mice", "pathway", "hippo", "hippocampus is not the Hippo pathway"),
    ("AD-MSCs had better effect on improving ovarian function", "pathway", None, "AD the disease/tissue is no pathway"),
    ("up-regulating the circulation of CD8+ CD28-T cells", "cargo", "other_rna", "circulation is not circRNA"),
    ("MT enhances the therapeutic effect of AD-MSCs", "mechanism", "mitochondria", "MT is melatonin in Table 1"),
    ("activating dermal fibroblast proliferation", "mechanism", "ecm_fibrosis", "fibroblast is not fibrosis"),
    ("inhibit ox-LDL uptake", "mechanism", "antioxidant", "ox-LDL uptake is not oxidative stress"),
    # Second reading fig1 2.8: ox-LDL uptake into plaque is foam-cell formation by macrophages.
    ("inhibit ox-LDL uptake", "mechanism", "endothelial", "ox-LDL uptake is not endothelial protection"),
    ("downregulate TGF-β", "mechanism", "paracrine", "TGF abbreviation is a pathway"),
    ("neurotrophic factor secretion, neurogenesis", "mechanism", "paracrine", "secretion printed as an outcome"),
    ("BDNF-related neuropathological changes", "mechanism", "paracrine", "BDNF changes as an outcome"),
    (
        "enhancing osteoblast proliferation and differentiation",
        "mechanism",
        "regeneration",
        "osteoblast proliferation is bone remodelling",
    ),
    (
        "inhibiting NLRP3 inflammasome activation in osteoclasts",
        "mechanism",
        "bone_remodelling",
        "an effect located in osteoclasts, not on their number or activity",
    ),
    (
        "improve hAD-MSCs retention and revascularization in grafts",
        "mechanism",
        "regeneration",
        "revascularization is angiogenesis only",
    ),
    ("hUC-MSCs have neuroprotective potential", "mechanism", "anti_apoptosis", "neuroprotection names no cell death"),
    (
        "restore the vitality of aging hUC-MSCs by activating Nrf2 signaling pathway",
        "mechanism",
        "antioxidant",
        "Nrf2 in the donor cells is no antioxidant effect in the host",
    ),
    ("MG53 can restore the vitality", "cargo", "protein", "a protein given as a drug is not cargo"),
    ("the Takt of the cell cycle", "pathway", "pi3k_akt_mtor", "AKT inside a word"),
    ("a clerk recorded the dose", "pathway", "mapk", "ERK inside a word"),
    ("Rosiglitazone and ros", "mechanism", "antioxidant", "ROS is a case-sensitive acronym"),
    ("chop the tissue into pieces", "regulator", "atf_chop", "CHOP is a case-sensitive acronym"),
    ("improved survival of aged mice", "mechanism", "anti_apoptosis", "animal survival is an outcome"),
    ("at cells and tissues", "mechanism", "immunomodulation", "T cell needs a word-initial capital T"),
    ("enhance the skin delivery of MSC-Exo", "mechanism", "homing", "delivery of vesicles is not cell homing"),
    ("Intrarenal transplantation of hBM-MSCs may be a safe stem cell-based therapy", None, None, "no mechanism"),
]


@pytest.mark.parametrize("text, kind, tag, why", NO_MATCHES)
def test_lexicon_does_not_produce_false_positive(lexicon, text, kind, tag, why):
    found = _found(text, lexicon)
    unwanted = [key for key in found if (kind is None or key[0] == kind) and (tag is None or key[1] == tag)]
    assert unwanted == [], f"{why}: {text!r} gave {found}"


def test_first_phrase_in_reading_order_wins(lexicon):
    # Two patterns of one tag match; the earlier position is kept.
    found = _found("HGF secretion and paracrine signalling", lexicon)
    assert found[("mechanism", "paracrine")] == "HGF"
    found = _found("paracrine signalling and HGF secretion", lexicon)
    assert found[("mechanism", "paracrine")] == "paracrine"


# ------------------------------------------------ lexicon: validation

# Structure is the schema's job (data/datapackage.json, via helpers.data.curated);
# what a schema cannot say (patterns compile and match something, one label
# per tag) is load_lexicon's. Both report file, record and column.
BAD_LEXICONS = [
    # body after the header, expected message fragments
    (
        "mechanism,autophagy,\\bautophag\\w*,\nmechanism,autophagy,(unclosed,\n",
        [
            "lexicon.csv, record 2 (after the header), column 'pattern'",
            "invalid regular expression",
            "missing ), unterminated subpattern",
            "position 0",
        ],
    ),
    ("mechanism,autophagy,[a-,\n", ["record 1", "column 'pattern'", "unterminated character set"]),
    ("pathways,hippo,\\bx\\b,\n", ["record 1", "column 'kind'", "one of 'mechanism', 'pathway', 'regulator', 'cargo'"]),
    ("pathway,Bad-Tag,\\bx\\b,\n", ["record 1", "column 'tag'", "matching /^[a-z][a-z0-9_]*$/"]),
    (
        "pathway,no_such_family,\\bx\\b,\n",
        ["record 1", "column 'tag'", "'no_such_family' is not defined", "data/categories.csv"],
    ),
    ("pathway,hippo,,\n", ["record 1", "column 'pattern'", "an empty cell", "not empty"]),
    ("pathway,hippo,a*,\n", ["record 1", "column 'pattern'", "matches the empty string"]),
    ("pathway,hippo, \\bx\\b,\n", ["record 1", "column 'pattern'", "matching"]),
    ("pathway,hippo,\\bx\\b,\npathway,hippo,\\bx\\b,\n", ["record 2", "primary-key"]),
    ("pathway,hippo,\\bx\\b,,extra\n", ["record 1", "extra-cell"]),
]


@pytest.mark.parametrize("body, fragments", BAD_LEXICONS)
def test_bad_lexicon_is_refused_with_a_clear_message(tmp_path, body, fragments):
    path = _write(tmp_path, "lexicon.csv", LEXICON_HEADER + body)
    with pytest.raises(ValueError) as info:
        T.load_lexicon(path)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_lexicon_missing_column_is_named(tmp_path):
    path = _write(tmp_path, "lexicon.csv", "kind,tag\npathway,hippo\n")
    with pytest.raises(ValueError, match=r"lexicon.csv.*pattern"):
        T.load_lexicon(path)


def test_lexicon_multiline_note_counts_records_not_lines(tmp_path):
    body = 'pathway,hippo,\\bx\\b,"a note\nover two lines"\nregulator,klf6,(,\n'
    path = _write(tmp_path, "lexicon.csv", LEXICON_HEADER + body)
    with pytest.raises(ValueError, match=r"record 2 \(after the header\), column 'pattern'"):
        T.load_lexicon(path)


# ------------------------------------------------ curated: validation

SMALL_LEXICON = (
    LEXICON_HEADER
    + "mechanism,anti_apoptosis,\\bapopto\\w*,\n"
    + "mechanism,paracrine,\\bparacrine\\b,\n"
    + "pathway,nf_kb,\\bNF-?κB\\b,\n"
)

BAD_CURATED = [
    ("msc_studies,1,mechanism,paracrine,keep,x\n", ["record 1", "column 'action'", "one of 'add', 'remove'"]),
    ("table9,1,mechanism,paracrine,add,x\n", ["record 1", "column 'table'", "'table9'"]),
    ("msc_studies,0,mechanism,paracrine,add,x\n", ["record 1", "column 'row'", ">= 1"]),
    ("msc_studies,1,mechanism,paracrine,add,\n", ["record 1", "column 'evidence'", "not empty"]),
    (
        "msc_studies,1,mechanism,paracrine,add,x\nmsc_studies,1,mechanism,paracrine,remove,y\n",
        ["record 2", "primary-key"],
    ),
]


@pytest.mark.parametrize("body, fragments", BAD_CURATED)
def test_bad_curated_file_is_refused(tmp_path, body, fragments):
    path = _write(tmp_path, "curated_tags.csv", CURATED_HEADER + body)
    with pytest.raises(ValueError) as info:
        T.load_curated(path)
    for fragment in fragments:
        assert fragment in str(info.value)


@pytest.mark.parametrize("kind, tag", [("mechanism", "autophagy"), ("pathway", "paracrine")])
def test_curated_tag_missing_from_the_lexicon_is_refused(kind, tag):
    small = pd.DataFrame(
        [("mechanism", "paracrine", "Paracrine", r"\bparacrine\b", "")], columns=list(T.LEXICON_COLUMNS)
    )
    curated = pd.DataFrame([("msc_studies", 1, kind, tag, "add", "x")], columns=list(T.CURATED_COLUMNS))
    with pytest.raises(ValueError, match=f"{kind} '{tag}'.*the tag is not in the lexicon"):
        T.tag_rows(_study("paracrine"), small, curated)


# ------------------------------------------------ curated: add and remove


@pytest.fixture
def small(tmp_path):
    lexicon = T.load_lexicon(_write(tmp_path, "lexicon.csv", SMALL_LEXICON))
    studies = _study(
        "BM-MSCs can induce T cell apoptosis",
        "hDP-MSCs-produced CD39 regulates osteoclasts",
        "paracrine NF-κB",
        table="msc_studies",
    )
    return tmp_path, lexicon, studies


def test_curated_remove_and_add(small):
    tmp_path, lexicon, studies = small
    curated = T.load_curated(
        _write(
            tmp_path,
            "curated_tags.csv",
            CURATED_HEADER
            + "msc_studies,1,mechanism,anti_apoptosis,remove,apoptosis is induced\n"
            + "msc_studies,2,mechanism,paracrine,add,'hDP-MSCs-produced CD39'\n",
        )
    )
    plain = T.tag_rows(studies, lexicon)
    fixed = T.tag_rows(studies, lexicon, curated)
    assert ("msc_studies", 1, "anti_apoptosis") in set(zip(plain["table"], plain["row"], plain["tag"]))
    assert not ((fixed["row"] == 1) & (fixed["tag"] == "anti_apoptosis")).any()
    added = fixed[(fixed["row"] == 2)].iloc[0]
    assert (added["tag"], added["origin"], added["phrase"], added["label"]) == (
        "paracrine",
        "curated",
        "'hDP-MSCs-produced CD39'",
        "Paracrine & trophic factors",
    )
    # Row 3 is untouched by curation.
    assert fixed[fixed["row"] == 3]["origin"].tolist() == ["lexicon", "lexicon"]


STALE = [
    ("msc_studies,2,mechanism,anti_apoptosis,remove,x\n", "the lexicon does not tag this row"),
    ("msc_studies,3,mechanism,paracrine,add,x\n", "the lexicon already finds it ('paracrine')"),
    ("msc_studies,9,mechanism,paracrine,add,x\n", "the table has no such row"),
]


@pytest.mark.parametrize("body, message", STALE)
def test_stale_curation_is_an_error(small, body, message):
    tmp_path, lexicon, studies = small
    curated = T.load_curated(_write(tmp_path, "curated_tags.csv", CURATED_HEADER + body))
    with pytest.raises(ValueError, match=re.escape(message)):
        T.tag_rows(studies, lexicon, curated)


def test_curation_for_an_absent_table_is_ignored(small):
    tmp_path, lexicon, studies = small
    curated = T.load_curated(
        _write(tmp_path, "curated_tags.csv", CURATED_HEADER + "exosome_studies,99,mechanism,paracrine,add,x\n")
    )
    assert T.tag_rows(studies, lexicon, curated).equals(T.tag_rows(studies, lexicon))


def test_unknown_table_is_refused(small):
    _, lexicon, _ = small
    with pytest.raises(ValueError, match="unknown table"):
        T.tag_rows({"table3": pd.DataFrame()}, lexicon)


# ------------------------------------------------ output shape and counts


def test_output_columns_order_and_one_line_per_tag(small):
    _, lexicon, _ = small
    studies = {
        **_study("apoptosis and apoptotic paracrine", table="exosome_studies"),
        **_study("NF-κB", table="msc_studies"),
    }
    out = T.tag_rows(studies, lexicon)
    assert list(out.columns) == list(T.TAG_COLUMNS)
    assert out[["table", "tag"]].values.tolist() == [
        ["msc_studies", "nf_kb"],
        ["exosome_studies", "anti_apoptosis"],
        ["exosome_studies", "paracrine"],
    ]
    assert out["modality"].tolist() == ["cells", "exosomes", "exosomes"]
    assert out.loc[1, "phrase"] == "apoptosis"


def test_support_counts_and_refs():
    tags = pd.DataFrame(
        [
            # table, row, ref, modality, kind, tag, label
            ("msc_studies", 1, 10, "cells", "mechanism", "a", "Alpha"),
            ("msc_studies", 2, 13, "cells", "mechanism", "a", "Alpha"),
            ("exosome_studies", 1, 22, "exosomes", "mechanism", "a", "Alpha"),
            ("exosome_studies", 2, 25, "exosomes", "mechanism", "b", "Beta"),
            ("msc_studies", 3, 14, "cells", "mechanism", "c", "Gamma"),
            ("msc_studies", 3, 14, "cells", "pathway", "p", "Pathway P"),
        ],
        columns=["table", "row", "ref", "modality", "kind", "tag", "label"],
    )
    counts = T.support_counts(tags, "mechanism")
    assert counts.index.name == "label"
    assert counts.to_dict("index") == {
        "Alpha": {"cells": 2, "exosomes": 1},
        "Beta": {"cells": 0, "exosomes": 1},
        "Gamma": {"cells": 1, "exosomes": 0},
    }
    assert list(counts.index) == ["Alpha", "Beta", "Gamma"]  # total desc, then label
    lexicon = pd.DataFrame({"kind": ["mechanism"], "tag": ["z"], "label": ["Zeta"], "pattern": ["z"], "note": [""]})
    assert T.support_counts(tags, "mechanism", lexicon).loc["Zeta"].tolist() == [0, 0]
    with pytest.raises(ValueError, match="kind must be one of"):
        T.support_counts(tags, "mechanisms")


# ------------------------------------------------ the real data


def test_every_category_has_a_pattern_and_every_pattern_a_category(lexicon):
    categories = T.load_categories()
    assert set(zip(lexicon["kind"], lexicon["tag"])) == set(zip(categories["kind"], categories["tag"]))
    assert set(categories["kind"]) == set(T.KINDS)
    assert "oxidative_stress" not in set(categories.loc[categories["kind"] == "pathway", "tag"]), "OS is no pathway"


def test_every_curated_tag_exists_in_the_lexicon(lexicon, curated):
    known = set(zip(lexicon["kind"], lexicon["tag"]))
    assert len(curated) > 0
    assert set(zip(curated["kind"], curated["tag"])) <= known


def test_curated_quotes_are_printed_in_that_row(curated, studies):
    # Evidence must rest on the printed row: every 'quoted' span is verbatim.
    for entry in curated.itertuples(index=False):
        row = studies[entry.table].set_index("row").loc[entry.row]
        printed = " | ".join(str(v) for v in row.values)
        quotes = re.findall(r"'([^']+)'", entry.evidence)
        assert quotes, f"{entry.table} row {entry.row}: evidence quotes nothing"
        for quote in quotes:
            assert quote in printed, f"{entry.table} row {entry.row}: {quote!r} not printed"


def test_real_rows_keep_their_evidence(tagged, studies):
    assert len(tagged) > 0
    assert (tagged["phrase"].str.strip() != "").all()
    effects = {(t, int(r)): e for t, f in studies.items() for r, e in zip(f["row"], f["effects"])}
    lexical = tagged[tagged["origin"] == "lexicon"]
    for table, row, phrase in zip(lexical["table"], lexical["row"], lexical["phrase"]):
        assert phrase in effects[table, row]
    refs = {(t, int(r)): int(x) for t, f in studies.items() for r, x in zip(f["row"], f["ref"])}
    assert all(refs[t, r] == x for t, r, x in zip(tagged["table"], tagged["row"], tagged["ref"]))


EXPECTED_ROWS = [
    # table, row, ref, (kind, tag) that must be present
    (
        "exosome_studies",
        21,
        74,
        [("pathway", "nrf2_ho1"), ("mechanism", "antioxidant"), ("mechanism", "anti_apoptosis")],
    ),
    ("msc_studies", 5, 14, [("mechanism", "autophagy"), ("pathway", "pi3k_akt_mtor"), ("mechanism", "paracrine")]),
    ("msc_studies", 11, 22, [("pathway", "sirt"), ("pathway", "nf_kb")]),
    ("msc_studies", 3, 12, [("pathway", "wnt"), ("pathway", "hippo"), ("pathway", "tgf_beta"), ("regulator", "foxo")]),
    ("exosome_studies", 7, 55, [("mechanism", "mitochondria"), ("mechanism", "anti_apoptosis")]),
    ("exosome_studies", 14, 66, [("pathway", "mapk"), ("regulator", "klf6"), ("mechanism", "immunomodulation")]),
    ("msc_studies", 26, 42, [("pathway", "wnt"), ("cargo", "protein"), ("mechanism", "bone_remodelling")]),
]


@pytest.mark.parametrize("table, row, ref, expected", EXPECTED_ROWS)
def test_real_rows_get_expected_tags(tagged, table, row, ref, expected):
    lines = _row(tagged, table, row)
    assert {line.ref for line in lines.values()} == {ref}
    missing = [key for key in expected if key not in lines]
    assert missing == [], f"{table} row {row}: missing {missing}; has {sorted(lines)}"


UNEXPECTED_ROWS = [
    # table, row, (kind, tag) that must be absent, why
    ("msc_studies", 24, ("mechanism", "anti_apoptosis"), "curated remove: MSCs induce T cell apoptosis"),
    ("msc_studies", 17, ("pathway", "nrf2_ho1"), "curated remove: Nrf2 rescues the donor cells"),
    ("msc_studies", 11, ("mechanism", "mitochondria"), "MT is melatonin"),
    ("msc_studies", 18, ("pathway", "hippo"), "hippocampus"),
    ("exosome_studies", 13, ("pathway", "hippo"), "hippocampus"),
    ("msc_studies", 20, ("mechanism", "antioxidant"), "ox-LDL uptake"),
    ("msc_studies", 26, ("mechanism", "paracrine"), "CD39 is protein cargo, not a secreted growth factor"),
]


@pytest.mark.parametrize("table, row, key, why", UNEXPECTED_ROWS)
def test_real_rows_avoid_false_positives(tagged, table, row, key, why):
    lines = _row(tagged, table, row)
    assert key not in lines, why


def test_curated_lines_are_marked(tagged, curated):
    adds = curated[curated["action"] == "add"]
    marked = tagged[tagged["origin"] == "curated"]
    assert sorted(zip(marked["table"], marked["row"], marked["tag"])) == sorted(
        zip(adds["table"], adds["row"], adds["tag"])
    )
    assert set(marked["phrase"]) == set(adds["evidence"])


def test_real_counts_match_the_tags(tagged):
    for kind in T.KINDS:
        counts = T.support_counts(tagged, kind)
        part = tagged[tagged["kind"] == kind]
        assert counts.to_numpy().sum() == len(part)
        totals = counts.sum(axis=1).tolist()
        assert totals == sorted(totals, reverse=True)
        for (label, modality), rows in part.groupby(["label", "modality"]):
            assert counts.loc[label, modality] == rows[["table", "row"]].drop_duplicates().shape[0]
    assert T.support_counts(tagged, "pathway").loc["Nrf2/HO-1"].tolist() == [0, 1]


# ------------------------------------------------ counting and curation: the details a figure rests on


def test_support_counts_are_integers_per_modality_counting_a_row_once():
    """support_counts: one count per study row and tag (a row listed twice counts once), an int64 column per
    modality even when one modality has no row, and no name on the columns."""
    tags = pd.DataFrame(
        [
            ("msc_studies", 1, 10, "cells", "mechanism", "a", "Alpha", "first phrase"),
            ("msc_studies", 1, 10, "cells", "mechanism", "a", "Alpha", "second phrase"),
            ("msc_studies", 2, 11, "cells", "mechanism", "a", "Alpha", "third phrase"),
        ],
        columns=["table", "row", "ref", "modality", "kind", "tag", "label", "phrase"],
    )
    counts = T.support_counts(tags, "mechanism")
    assert list(counts.columns) == list(T.MODALITIES)
    assert counts.to_dict("index") == {"Alpha": {"cells": 2, "exosomes": 0}}
    assert all(str(dtype) == "int64" for dtype in counts.dtypes)
    assert counts.columns.name is None


def test_curated_lines_keep_their_kind_and_every_entry_after_one_for_an_absent_table(small):
    """A curated add gives a line of its own kind; entries after one for an absent table still apply."""
    tmp_path, lexicon, studies = small
    curated = T.load_curated(
        _write(
            tmp_path,
            "curated_tags.csv",
            CURATED_HEADER
            + 'exosome_studies,1,mechanism,paracrine,add,"paracrine"\n'
            + 'msc_studies,2,mechanism,paracrine,add,"produced CD39"\n',
        )
    )
    assert list(curated.columns) == list(T.CURATED_COLUMNS)
    out = T.tag_rows(studies, lexicon, curated)
    added = out[out["origin"] == "curated"]
    assert added[["table", "row", "kind", "tag", "phrase"]].values.tolist() == [
        ["msc_studies", 2, "mechanism", "paracrine", "produced CD39"]
    ]


def test_a_curated_frame_with_an_unknown_action_is_refused_by_tag_rows(small):
    """tag_rows checks the action itself (for frames that did not come through load_curated)."""
    _tmp_path, lexicon, studies = small
    curated = pd.DataFrame([("msc_studies", 1, "mechanism", "paracrine", "keep", "x")], columns=list(T.CURATED_COLUMNS))
    with pytest.raises(ValueError, match=r"curated keep of mechanism 'paracrine' for msc_studies row 1: action must"):
        T.tag_rows(studies, lexicon, curated)


FIRST_MATCHES = [
    # rule, patterns in lexicon order, text, the phrase kept
    ("the earliest match in reading order", [r"stress", r"apoptosis"], "apoptosis and stress", "apoptosis"),
    (
        "a tie on the start goes to the longer match",
        [r"oxid\w{0,3}", r"oxidative stress"],
        "oxidative stress",
        "oxidative stress",
    ),
    ("zero-width hits are skipped", [r"x*", r"b"], "abc", "b"),
    ("no match at all", [r"zzz"], "abc", None),
]


@pytest.mark.parametrize("rule, patterns, text, phrase", FIRST_MATCHES, ids=[f[0] for f in FIRST_MATCHES])
def test_first_match_is_the_earliest_longest_non_empty_phrase(rule, patterns, text, phrase):
    """_first_match: earliest non-empty match; ties on the start go to the longer match."""
    assert T._first_match(text, [T.compile_pattern(p) for p in patterns]) == phrase, rule


def test_tag_lines_carry_the_rows_disease_and_source_and_a_missing_effects_cell_tags_nothing(tmp_path):
    """Each line names its row's disease and source; an empty (NA) Effects cell is no text, not "nan" or "None"."""
    lexicon = T.load_lexicon(
        _write(tmp_path, "lexicon.csv", LEXICON_HEADER + "mechanism,paracrine,\\bnan\\b|\\bnone\\b|paracrine,\n")
    )
    assert list(lexicon.columns) == list(T.LEXICON_COLUMNS)
    studies = _study("paracrine signals", "x")
    studies["msc_studies"].loc[1, "effects"] = None
    out = T.tag_rows(studies, lexicon)
    assert out[["row", "disease", "source", "phrase"]].values.tolist() == [[1, "POF", "hUC-MSC", "paracrine"]]


def test_a_study_table_without_needed_columns_is_refused_naming_them(small):
    """tag_rows: the missing columns are named, sorted."""
    _tmp_path, lexicon, studies = small
    frame = studies["msc_studies"].drop(columns=["source", "ref"])
    with pytest.raises(ValueError, match=r"^msc_studies: missing column\(s\) ref, source$"):
        T.tag_rows({"msc_studies": frame}, lexicon)


def test_an_empty_effects_cell_is_no_text(tmp_path):
    """A missing (NA) Effects cell matches nothing, not even a pattern for any character."""
    lexicon = T.load_lexicon(_write(tmp_path, "lexicon.csv", LEXICON_HEADER + "mechanism,paracrine,.+,\n"))
    studies = _study("x", "y")
    studies["msc_studies"].loc[1, "effects"] = None
    assert T.tag_rows(studies, lexicon)["row"].tolist() == [1]


def test_tag_lines_are_sorted_by_table_row_kind_then_tag(tmp_path):
    """tag_rows output order: table (msc_studies first), row, kind, tag, whatever the lexicon order."""
    lexicon = T.load_lexicon(
        _write(
            tmp_path,
            "lexicon.csv",
            LEXICON_HEADER
            + "pathway,nf_kb,\\bNF-?κB\\b,\n"
            + "mechanism,paracrine,\\bparacrine\\b,\n"
            + "mechanism,anti_apoptosis,\\bapopto\\w*,\n",
        )
    )
    studies = {
        **_study("NF-κB only", "paracrine and apoptosis, NF-κB"),
        **_study("apoptosis", table="exosome_studies"),
    }
    out = T.tag_rows(studies, lexicon)
    assert out[["table", "row", "kind", "tag"]].values.tolist() == [
        ["msc_studies", 1, "pathway", "nf_kb"],
        ["msc_studies", 2, "mechanism", "anti_apoptosis"],
        ["msc_studies", 2, "mechanism", "paracrine"],
        ["msc_studies", 2, "pathway", "nf_kb"],
        ["exosome_studies", 1, "mechanism", "anti_apoptosis"],
    ]
