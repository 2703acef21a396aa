"""Tests for ``helpers.data.design``: model classes and donor-host relations of Tables 1-2.

Three kinds of case, all table-driven:

* printed forms that must classify, and forms that must be refused with a
  reason (including the odd spellings the review prints);
* a hand-read expectation for every one of the 56 rows of Tables 1-2,
  written from the printed cells (animal model, in vitro model, source,
  route/dosage) as literal data below, against which :func:`classify` must
  agree row by row;
* a row in ``data/`` that the hand-read table does not hold (or a printed
  cell that changed) fails, so a new row cannot go unread.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from helpers.data.derive import Derived
from helpers.data.design import (
    MODEL_CLASSES,
    OUTPUT_COLUMNS,
    RELATIONS,
    ageing_model,
    ageing_models,
    animal_model_class,
    classify,
    donor_host_relation,
    printed_model_class,
    printed_relation,
)
from tests.conftest import ROOT

DATA = ROOT / "data"
TABLES = ("msc_studies", "exosome_studies")


def load(name: str) -> pd.DataFrame:
    """Load one CSV of ``data/`` as printed text."""
    return pd.read_csv(DATA / f"{name}.csv", dtype=str, keep_default_na=False)


# --- (a) printed forms that classify, and forms that are refused --------------------

# (animal model, in vitro model, route codes, expected class)
MODEL_CASES = [
    ("Naturally aged mice", "", ("MI",), "natural ageing"),
    ("Naturally aged mouse model", "", ("OV",), "natural ageing"),
    ("Bmi-1⁻/⁻ mouse model", "", ("IP",), "genetic"),
    # A senescence-accelerated strain is bred, not engineered.
    ("SAMP8 mice", "", ("IP",), "accelerated-ageing strain"),
    ("APP/PS1 transgenic AD mouse model", "", ("IV",), "genetic"),
    ("APP/PS1 Transgenic mouse model", "SH-SY5Y", ("HIPPOCAMPUS",), "genetic"),
    ("3xTg-AD mouse model", "", ("IN",), "genetic"),
    ("5XFAD mice", "", ("IV",), "genetic"),
    ("CDDP induced POF rat model", "", ("IV",), "induced: chemical"),
    ("CTX-induced POF rat model", "", ("BACK_SIDES",), "induced: chemical"),
    ("VCD induced POF mouse model", "", ("OV",), "induced: chemical"),
    ("STZ induced OP rat model", "Osteoclast", ("IV",), "induced: chemical"),
    # AIC3 read as AlCl3 (aluminium chloride), and the correct spelling too.
    ("AIC3 induced rat model", "", ("IV",), "induced: chemical"),
    ("AlCl3 induced rat model", "", ("IV",), "induced: chemical"),
    # A peptide (proteotoxic) model, not a small-molecule toxin.
    ("Intrahippocampal infusion of Aβ induces AD in a rat model", "", ("HIPPOCAMPUS",), "induced: Aβ peptide"),
    # D-gal ages the mice, and the printed "transgenic" says they carry a transgene.
    ("D-gal induces transgenic FVB mouse model", "", (), "genetic+induced: chemical"),
    ("transgenic mouse model", "", ("IV",), "genetic"),
    ("ZP3 induced POF mouse model", "", ("IV",), "induced: immune"),
    ("proteoglycan induced OP mouse model", "", ("IV",), "induced: immune"),
    ("Y Radiation-induced POF rat model", "", ("IV",), "induced: radiation"),
    ("UV radiation-induced photodamage rat model", "", ("SC",), "induced: radiation"),
    ("OVX induced OP mouse model", "", ("IV",), "induced: ovariectomy"),
    # A bone-regeneration defect is not an osteoporosis model, whatever disease the row is filed under.
    ("Surgically establish bone defects in rats", "", ("FEMUR",), "induced: surgical bone defect"),
    # The model is printed; only how the skin was aged is not.
    ("Skin aging model of nude mice", "HDFs", ("SC",), "model named, induction not stated"),
    ("high-fat diet constructed AS rabbit model", "", ("IV",), "induced: diet"),
    # Lower-case "as" (for AS) plays no part.
    ("high-fat diet-induced as mouse model", "", ("IV",), "induced: diet"),
    # One model, two kinds: MODEL_CLASSES order, whatever the printed order.
    ("High-fat diet ApoE⁻/⁻ mouse model", "", ("IV",), "genetic+induced: diet"),
    ("High-fat diet Apo⁻/⁻ mouse model", "", ("IV",), "genetic+induced: diet"),
    # Two models in one cell: printed order.
    ("Naturally aged mice / CTX induced POF mouse model", "GCs", ("OV",), "natural ageing+induced: chemical"),
    ("VCD induced POF mouse model/ Naturally aged mouse model", "", ("OV",), "induced: chemical+natural ageing"),
    ("Naturally aged mice / Naturally aged rats", "", ("IV",), "natural ageing"),
    # No treated animal: co-culture only, or no animal model at all.
    ("5XFAD mice", "Neural stem cell", ("COCULTURE",), "in vitro only"),
    ("", "HDFs/ HaCaTs", ("COCULTURE",), "in vitro only"),
    ("", "SH-SY5Y", (), "in vitro only"),
]

# (animal model, in vitro model, route codes, reason)
MODEL_REFUSALS = [
    ("", "", (), "neither an animal model nor an in vitro model is printed"),
    # An induction is printed but not recognised: missing, never "not stated".
    (
        "Okadaic acid induced rat model",
        "",
        ("IV",),
        "animal model 'Okadaic acid induced rat model' names no recognised ageing, genotype or induction",
    ),
    # "aged" alone could be induced ageing: only "naturally aged" is read as natural.
    ("Aged rats", "", ("IV",), "animal model 'Aged rats' names no recognised ageing, genotype or induction"),
    # One unread model of two refuses the whole cell rather than half-read it.
    (
        "Naturally aged mice / nude mice",
        "",
        ("IV",),
        "animal model 'nude mice' names no recognised ageing, genotype or induction",
    ),
]


@pytest.mark.parametrize("animal, in_vitro, codes, expected", MODEL_CASES)
def test_animal_model_class(animal, in_vitro, codes, expected):
    assert animal_model_class(animal, in_vitro, codes) == Derived(expected)
    assert set(expected.split("+")) <= set(MODEL_CLASSES)


@pytest.mark.parametrize("animal, in_vitro, codes, reason", MODEL_REFUSALS)
def test_animal_model_class_refuses(animal, in_vitro, codes, reason):
    assert animal_model_class(animal, in_vitro, codes) == Derived(None, reason)


def test_printed_model_class_reads_words_only():
    # Without the setting, the 5XFAD cell is its genotype; the empty cell has no model.
    assert printed_model_class("5XFAD mice") == Derived("genetic")
    assert printed_model_class("  ") == Derived(None, "no animal model printed")


IN_VIVO, IN_VITRO, BOTH = Derived("in vivo"), Derived("in vitro"), Derived("in vivo + in vitro")
NO_PREFIX = Derived(None, "no species prefix printed")

# (donor species, host species, printed cells, setting, expected relation)
RELATION_CASES = [
    (Derived("human"), Derived("mouse"), (), IN_VIVO, "xenogeneic"),
    # Same species and no word: inbred rodents may be syngeneic, so nothing more is said.
    (Derived("mouse"), Derived("mouse"), (), IN_VIVO, "same species, not specified"),
    (Derived("rat"), Derived("rat"), (), BOTH, "same species, not specified"),
    # Ref 22: the cited title says "autologous adipose-derived stem cells".
    (
        Derived("mouse"),
        Derived("mouse"),
        ("mAD-MSC", "MT enhances", "Melatonin enhances autologous adipose-derived stem cells"),
        IN_VIVO,
        "autologous",
    ),
    # Table 1 row 20: "Allograft AD-MSCs", rabbit MSCs in a rabbit model.
    (
        Derived("rabbit"),
        Derived("rabbit"),
        ("Rabbit AD-MSC", "Allograft AD-MSCs can be transported"),
        IN_VIVO,
        "allogeneic",
    ),
    # Table 1 row 21: mouse MSCs in a rat, xenogeneic as printed.
    (Derived("mouse"), Derived("rat"), (), IN_VIVO, "xenogeneic"),
    (Derived("mouse"), Derived("mouse"), ("Transfer of autologous mitochondria",), IN_VIVO, "autologous"),
    (Derived("mouse"), Derived("mouse"), ("syngeneic BM-MSCs",), IN_VIVO, "syngeneic"),
    (Derived("human+human"), Derived("mouse"), (), IN_VIVO, "xenogeneic"),
    (Derived("human+mouse"), Derived("mouse"), (), IN_VIVO, "xenogeneic+same species, not specified"),
    # A printed same-species word states the relation without a species prefix.
    (NO_PREFIX, Derived("mouse"), ("autologous AD-MSC",), IN_VIVO, "autologous"),
    # No treated host: the animal model only supplied the cultured cells.
    (Derived("human"), Derived("mouse"), (), IN_VITRO, "no animal host (in vitro)"),
    (Derived("human"), Derived(None, "no animal model printed"), (), IN_VITRO, "no animal host (in vitro)"),
]

# (donor species, host species, printed cells, setting, reason)
RELATION_REFUSALS = [
    (NO_PREFIX, Derived("mouse"), (), IN_VIVO, "donor species not printed: no species prefix printed"),
    (
        Derived("human"),
        Derived(None, "animal model 'model' names no host species"),
        (),
        IN_VIVO,
        "no host species: animal model 'model' names no host species",
    ),
    (
        Derived("human"),
        Derived("mouse"),
        ("autologous hUC-MSC",),
        IN_VIVO,
        "printed 'autologous' but the donor (human) and host (mouse) species differ",
    ),
    (
        Derived("mouse"),
        Derived("mouse"),
        ("xenograft",),
        IN_VIVO,
        "printed 'xenogeneic' but donor and host are both mouse",
    ),
    (
        Derived("mouse"),
        Derived("mouse"),
        ("autologous", "allogeneic"),
        IN_VIVO,
        "printed cells name conflicting relations: autologous, allogeneic",
    ),
    (
        Derived("human"),
        Derived("mouse"),
        (),
        Derived(None, "neither an animal model nor an in vitro model is printed"),
        "no setting: neither an animal model nor an in vitro model is printed",
    ),
]


@pytest.mark.parametrize("donor, host, printed, where, expected", RELATION_CASES)
def test_donor_host_relation(donor, host, printed, where, expected):
    assert donor_host_relation(donor, host, printed, setting=where) == Derived(expected)
    assert set(expected.split("+")) <= set(RELATIONS)


@pytest.mark.parametrize("donor, host, printed, where, reason", RELATION_REFUSALS)
def test_donor_host_relation_refuses(donor, host, printed, where, reason):
    assert donor_host_relation(donor, host, printed, setting=where) == Derived(None, reason)


def test_printed_relation_none_when_no_word():
    assert printed_relation(["hUC-MSC", "IV 1 × 10⁶", "AD-MSC transplantation can inhibit"]) is None


# --- (b) every row of Tables 1-2, read by hand --------------------------------------

NOT_READ = None  # the model class is missing: the printed model is not recognised
SAME = "same species, not specified"  # no printed cell nor the cited title names the relation
NO_HOST = "no animal host (in vitro)"
UNSTATED = "model named, induction not stated"  # "Skin aging model of nude mice"

# (row, animal model, in vitro model, source, route/dosage, model class, relation): the printed
# cells as they read, and what a reader takes them to mean.
EXPECTED_T1 = [
    (1, "Bmi-1⁻/⁻ mouse model", "", "mAM-MSC", "IP 1 × 10⁷", "genetic", SAME),
    (2, "CDDP induced POF rat model", "", "hUC-MSC", "IV", "induced: chemical", "xenogeneic"),
    (3, "Y Radiation-induced POF rat model", "", "rBM-MSC", "IV 2 × 10⁶", "induced: radiation", SAME),
    (4, "CDDP induced POF rat model", "TIC", "hUC-MSC", "IV 1 × 10⁶", "induced: chemical", "xenogeneic"),
    (5, "CTX induced POF rat model", "GCs", "hUC-MSC", "IV 1 × 10⁶", "induced: chemical", "xenogeneic"),
    (6, "ZP3 induced POF mouse model", "", "hUC-MSC", "IV 1 × 10⁶", "induced: immune", "xenogeneic"),
    (
        7,
        "Naturally aged mice / CTX induced POF mouse model",
        "GCs",
        "hUC-MSC",
        "OV 1 × 10⁶",
        "natural ageing+induced: chemical",
        "xenogeneic",
    ),
    (8, "Naturally aged mouse model", "", "hUCMSC/ hAD-MSC", "OV 3.5 × 10⁵", "natural ageing", "xenogeneic"),
    (9, "CTX induced POF mouse model", "", "hBM-MSC", "OV 5 × 10⁵", "induced: chemical", "xenogeneic"),
    (
        10,
        "VCD induced POF mouse model/ Naturally aged mouse model",
        "",
        "hUC-MSC",
        "OV 1 × 10⁵",
        "induced: chemical+natural ageing",
        "xenogeneic",
    ),
    # Ref 22's cited title: "Melatonin enhances autologous adipose-derived stem cells".
    (11, "CTX induced POF mouse model", "", "mAD-MSC", "OV 1 × 10⁶", "induced: chemical", "autologous"),
    (12, "CTX-induced POF rat model", "", "hAD-MSC", "Back sides 1 × 10⁷", "induced: chemical", "xenogeneic"),
    (13, "Naturally aged mice", "", "hUC-MSC", "MI 5 × 10⁶", "natural ageing", "xenogeneic"),
    (14, "5XFAD mice", "Neural stem cell", "hUC-MSC", "coculture", "in vitro only", NO_HOST),
    (15, "SAMP8 mice", "", "hUC-MSC", "IP 5 × 10⁶", "accelerated-ageing strain", "xenogeneic"),
    (16, "AIC3 induced rat model", "", "rBM-MSC", "IV 1 × 10⁶", "induced: chemical", SAME),
    (17, "APP/PS1 transgenic AD mouse model", "", "hUC-MSC", "IV 1 × 10⁶", "genetic", "xenogeneic"),
    (18, "APP/PS1 transgenic AD mouse model", "", "hUC-MSC", "IV 1 × 10⁶", "genetic", "xenogeneic"),
    (
        19,
        "Intrahippocampal infusion of Aβ induces AD in a rat model",
        "",
        "rAD-MSC",
        "hippocampus",
        "induced: Aβ peptide",
        SAME,
    ),
    # Effects "Allograft AD-MSCs"; ref 34's title "Allogeneic adipose-derived …".
    (20, "high-fat diet constructed AS rabbit model", "", "Rabbit AD-MSC", "IV 6 × 10⁶", "induced: diet", "allogeneic"),
    (21, "high-fat diet constructed AS rat model", "", "mAD-MSC", "IV 5 × 10⁶", "induced: diet", "xenogeneic"),
    (22, "D-gal induces transgenic FVB mouse model", "", "mAD-MSC", "NA 2 × 10⁷", "genetic+induced: chemical", SAME),
    (23, "high-fat diet-induced as mouse model", "", "hAM-MSC", "IV 5 × 10⁵", "induced: diet", "xenogeneic"),
    (24, "OVX induced OP mouse model", "", "mBM-MSC", "IV 1 × 10⁶", "induced: ovariectomy", SAME),
    (25, "OVX induced OP rat model", "", "hDP-MSC", "IV 1 × 10⁶", "induced: ovariectomy", "xenogeneic"),
    (26, "OVX induced OP mouse model", "", "hDP-MSC", "IV 2 × 10⁶", "induced: ovariectomy", "xenogeneic"),
    (27, "Skin aging model of nude mice", "HDFs", "hUC-MSC", "SC 2 × 10⁶", UNSTATED, "xenogeneic"),
    (28, "", "HDFs/ HaCaTs", "hAD-MSC", "Coculture", "in vitro only", NO_HOST),
]

EXPECTED_T2 = [
    (1, "CDDP induced POF mouse model", "", "hUC-MSC", "NA", "induced: chemical", "xenogeneic"),
    (2, "CTX induced POF mouse model", "GCs", "hUC-MSC", "IP 150 µg", "induced: chemical", "xenogeneic"),
    (3, "CDDP induced POF mouse model", "GCs", "hUC-MSC", "IV 125 µg", "induced: chemical", "xenogeneic"),
    (4, "CTX induced POF rat model", "", "rBM-MSC", "IP 150 µg", "induced: chemical", SAME),
    (5, "CTX induced POF mouse model", "", "hUC-MSC", "OV 2×10⁶ cells", "induced: chemical", "xenogeneic"),
    (6, "", "SH-SY5Y", "hUC-MSC", "Coculture", "in vitro only", NO_HOST),
    (7, "", "SH-SY5Y", "hUC-MSC", "Coculture", "in vitro only", NO_HOST),
    (8, "APP/PS1 transgenic mouse model", "", "mBM-MSC", "IV 50 µg", "genetic", SAME),
    (9, "", "Astrocytes", "rBM-MSC", "coculture 0.4 µg/ml", "in vitro only", NO_HOST),
    (10, "APP/PS1 Transgenic mouse model", "SH-SY5Y", "hUC-MSC", "Hippocampus 50 µg", "genetic", "xenogeneic"),
    (11, "APP/PS1 transgenic AD mouse model", "", "hAD-MSC", "ICV 1×10⁹ particles", "genetic", "xenogeneic"),
    (12, "3xTg-AD mouse model", "", "hBM-MSC", "IN 30 µg", "genetic", "xenogeneic"),
    (13, "STZ induced AD mouse model", "", "mBM-MSC", "ICV 0.5 µg", "induced: chemical", SAME),
    (14, "High-fat diet Apo⁻/⁻ mouse model", "", "hUC-MSC", "IV 0.5 mg/mL", "genetic+induced: diet", "xenogeneic"),
    (15, "High-fat diet Apo⁻/⁻ mouse model", "", "hUC-MSC", "IV 80 µg/mL", "genetic+induced: diet", "xenogeneic"),
    (16, "High-fat diet ApoE⁻/⁻ mouse model", "", "mBM-MSC", "IV 100 mg", "genetic+induced: diet", SAME),
    (17, "High-fat diet ApoE⁻/⁻ mouse model", "", "mBM-MSC", "IV 150 µg", "genetic+induced: diet", SAME),
    (18, "", "HCAECs", "hUC-MSC", "Coculture", "in vitro only", NO_HOST),
    (19, "STZ induced OP rat model", "", "rAD-MSC", "IV 1.6 mg/kg", "induced: chemical", SAME),
    (20, "STZ induced OP rat model", "", "rAD-MSC", "Iv 1.6 mg/kg", "induced: chemical", SAME),
    (21, "", "MC3T3-E1", "rAD-MSC", "coculture 50 µg/ml", "in vitro only", NO_HOST),
    (22, "proteoglycan induced OP mouse model", "", "mAD-MSC", "IV NA", "induced: immune", SAME),
    (23, "STZ induced OP rat model", "Osteoclast", "rBM-MSC", "IV NA", "induced: chemical", SAME),
    (24, "STZ induced OP rat model", "", "rBM-MSC", "IV 10 mg/kg", "induced: chemical", SAME),
    (
        25,
        "Surgically establish bone defects in rats",
        "",
        "hDP-MSC",
        "Femur 150 µg",
        "induced: surgical bone defect",
        "xenogeneic",
    ),
    (26, "", "HDFs", "hUC-MSC", "Coculture", "in vitro only", NO_HOST),
    (27, "", "HDFs", "hUC-MSC", "Coculture 250 µg/mL", "in vitro only", NO_HOST),
    (
        28,
        "UV radiation-induced photodamage rat model",
        "",
        "hUC-MSC",
        "SC 200, 400 and 600 µg",
        "induced: radiation",
        "xenogeneic",
    ),
]

EXPECTED = {"msc_studies": EXPECTED_T1, "exosome_studies": EXPECTED_T2}
PRINTED = ("animal_model", "in_vitro_model", "source", "route_dosage")


def disagreements(table: str, df: pd.DataFrame) -> list[str]:
    """Every way ``df`` and :func:`classify` disagree with the hand-read rows of ``table``."""
    expected = {int(entry[0]): entry[1:] for entry in EXPECTED[table]}
    out = classify(df, table, references=load("references"))
    problems = []
    for i, row in df.iterrows():
        number = int(row["row"])
        if number not in expected:
            problems.append(f"{table} row {number} is not in the hand-read table")
            continue
        *cells, model, relation = expected.pop(number)
        printed = tuple(row[column] for column in PRINTED)
        if printed != tuple(cells):
            problems.append(f"{table} row {number}: printed cells {printed} were read as {tuple(cells)}")
        got = (out.at[i, "model_class"], out.at[i, "relation"])
        want = (pd.NA if model is NOT_READ else model, relation)
        if any((g is pd.NA) != (w is pd.NA) or (g is not pd.NA and g != w) for g, w in zip(got, want)):
            problems.append(f"{table} row {number}: classified {got}, read by hand as {want}")
    problems.extend(f"{table} row {number} of the hand-read table is not in data/" for number in expected)
    return problems


@pytest.mark.parametrize("table", TABLES)
def test_every_row_agrees_with_the_hand_reading(table):
    assert disagreements(table, load(table)) == []


def test_the_hand_reading_covers_56_rows():
    assert sum(len(rows) for rows in EXPECTED.values()) == 56
    for rows in EXPECTED.values():
        assert [entry[0] for entry in rows] == list(range(1, 29))


# --- (c) a row nobody read fails ------------------------------------------------------


def test_a_new_row_fails():
    df = load("msc_studies")
    new = df.iloc[[0]].assign(row="29", animal_model="Naturally aged mice")
    problems = disagreements("msc_studies", pd.concat([df, new], ignore_index=True))
    assert problems == ["msc_studies row 29 is not in the hand-read table"]


def test_a_changed_cell_fails():
    df = load("exosome_studies")
    df.loc[0, "source"] = "mUC-MSC"
    problems = disagreements("exosome_studies", df)
    assert len(problems) == 2
    assert "printed cells" in problems[0] and "classified" in problems[1]


def test_a_missing_row_fails():
    df = load("exosome_studies").iloc[:-1]
    assert disagreements("exosome_studies", df) == ["exosome_studies row 28 of the hand-read table is not in data/"]


# --- the whole-table function ---------------------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_classify_frame(table):
    df = load(table)
    out = classify(df, table)
    assert tuple(out.columns) == OUTPUT_COLUMNS
    assert out.index.equals(df.index)
    assert all(str(dtype) == "string" for dtype in out.dtypes)
    for field in ("model_class", "relation"):
        # A value exists exactly when its reason is empty.
        assert (out[field].isna() == (out[f"{field}_missing"] != "")).all()


def test_classify_keeps_the_index_and_accepts_legends():
    df = load("exosome_studies")
    shifted = df.set_axis(df.index + 100)
    out = classify(shifted, "exosome_studies", load("abbreviations"))
    assert out.index.equals(shifted.index)
    pd.testing.assert_frame_equal(out.reset_index(drop=True), classify(df, "exosome_studies"))


def test_classify_rejects_other_tables():
    with pytest.raises(ValueError, match="unknown preclinical table"):
        classify(load("clinical_trials"), "clinical_trials")


def test_counts_over_tables_1_and_2():
    """Recounted from the printed Animal model and Source cells of Tables 1-2 and the cited titles."""
    counts, relations, unread = Counter(), Counter(), 0
    for table in TABLES:
        out = classify(load(table), table, references=load("references"))
        for value in out["model_class"].dropna():
            counts.update(value.split("+"))
        relations.update(out["relation"].dropna())
        unread += int(out["model_class"].isna().sum())
    assert unread == 0
    # 29 cross species; within a species only ref 22 (title: autologous) and ref 34 (Allograft) are stated.
    assert relations == {
        "xenogeneic": 29,
        "same species, not specified": 16,
        "autologous": 1,
        "allogeneic": 1,
        "no animal host (in vitro)": 9,
    }
    assert set(counts) <= set(MODEL_CLASSES)
    # 63 = 56 studies + 7 with two classes (T1 rows 7, 10, 22; T2 rows 14-17).
    assert counts == {
        "natural ageing": 4,
        "accelerated-ageing strain": 1,
        "genetic": 12,
        "induced: chemical": 20,
        "induced: Aβ peptide": 1,
        "induced: immune": 2,
        "induced: radiation": 2,
        "induced: ovariectomy": 3,
        "induced: surgical bone defect": 1,
        "induced: diet": 7,
        "model named, induction not stated": 1,
        "in vitro only": 9,
    }


# (relation, printed cells, expected evidence): which words, where
EVIDENCE_ROWS = [
    ("msc_studies", 11, "cited title [22] says 'autologous'"),
    ("msc_studies", 20, "Effects says 'Allograft'; cited title [34] says 'Allogeneic'"),
    (
        "msc_studies",
        2,
        "donor human (Source 'hUC-MSC'), host rat (Animal model 'CDDP induced POF rat model'): the species differ",
    ),
    ("msc_studies", 1, "no printed cell of the row nor the cited title names the relation"),
    ("exosome_studies", 6, "no treated animal: the row prints no animal model"),  # fourth reading 4.2
]


@pytest.mark.parametrize("table, row, words", EVIDENCE_ROWS)
def test_relation_evidence_says_which_words_where(table, row, words):
    df = load(table)
    out = classify(df, table, references=load("references"))
    evidence = out.loc[df["row"].astype(int) == row, "relation_evidence"].iloc[0]
    assert words in evidence


# --- what the figure's classes mean, and the evidence beside each row -----------------


def test_every_class_has_a_definition():
    from helpers.data.derive.modification import MODIFICATIONS
    from helpers.data.design import DEFINITIONS

    assert set(DEFINITIONS["Animal model"]) == set(MODEL_CLASSES)
    assert set(DEFINITIONS["Donor to host"]) == set(RELATIONS)
    assert set(DEFINITIONS["Product and delivery"]) == {"as obtained (native)", *MODIFICATIONS}
    drawn = pd.read_csv(ROOT / "figures" / "design.data.csv", keep_default_na=False)
    for kind, category in zip(drawn["kind"], drawn["category"]):
        assert category in DEFINITIONS[kind], (kind, category)


# (table, row, column, printed words the evidence must show)
PRINTED_EVIDENCE = [
    ("table1", 14, "animal_model", "5XFAD mice"),
    ("table1", 11, "precondition", "MT"),
    ("table1", 11, "cited_title", "autologous"),
    ("table2", 26, "effects", "Utilizing HCOPs"),
    ("table2", 26, "precondition", ""),  # Table 2 has no Precondition column
    ("table2", 5, "cited_title", "lipopoly-saccharide-treated"),
    # Second reading 2.6: the words behind each model class; ref 37's "transgenic" names no transgene.
    ("table1", 22, "model_evidence", "genetic: 'transgenic' (no transgene named in the review); induced: chemical"),
    ("table1", 1, "model_evidence", "genetic: 'Bmi-1⁻/⁻'"),
    ("table1", 20, "model_evidence", "induced: diet: 'high-fat diet'"),
    ("table1", 14, "model_evidence", "in vitro only, as printed: the model and route cells name no treated animal"),
    ("table2", 27, "model_evidence", "in vitro only, as printed"),
]


@pytest.mark.parametrize("table, row, column, words", PRINTED_EVIDENCE)
def test_printed_evidence_sits_beside_each_row(table, row, column, words):
    from helpers.data import coded
    from helpers.data.design import printed_evidence

    studies = coded.studies()
    shown = printed_evidence(studies.iloc[::-1])  # any order: joined on (table, row), index kept
    value = shown.loc[studies.index[(studies["table"] == table) & (studies["row"] == row)][0], column]
    assert words in value if words else value == ""


# Models of ageing itself (second reading 2.7), as printed in the Animal model cells of Tables 1-2.
@pytest.mark.parametrize(
    "cell, expected",
    [
        ("Naturally aged mouse model", "natural ageing"),
        ("VCD induced POF mouse model/ Naturally aged mouse model", "natural ageing"),
        ("SAMP8 mice", "accelerated-ageing strain"),
        ("Bmi-1⁻/⁻ mouse model", "Bmi-1 knockout (premature ageing)"),
        ("D-gal induces transgenic FVB mouse model", "D-galactose"),
        ("Skin aging model of nude mice", "skin-ageing model (induction not stated)"),  # third reading 3.3
        ("UV radiation-induced photodamage rat model", "UV photoageing (photodamage)"),  # fourth reading 3.3
        ("CTX induced POF mouse model", None),
        ("APP/PS1 mice", None),
        ("ApoE⁻/⁻ mice with high-fat diet", None),
        ("", None),
    ],
)
def test_ageing_model(cell, expected):
    assert ageing_model(cell) == expected


def test_eight_studies_use_a_model_of_ageing_itself():
    """The second reader's recount: natural ageing 16, 18, 21, 24; SAMP8 28; Bmi-1 knockout 10; D-gal 37; and,
    after the third reading (design 3.3), ref 43, whose printed model is a "Skin aging model of nude mice"."""
    from helpers.data import coded

    studies = coded.studies()
    models = ageing_models(studies)
    assert sorted(studies.loc[models.notna(), "ref"].astype(int)) == [10, 16, 18, 21, 24, 28, 37, 43, 83]
