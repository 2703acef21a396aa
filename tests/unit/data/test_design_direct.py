"""Direct, table-driven tests of ``helpers.data.design`` on small hand-written inputs.

Each test calls one function of the module (or :func:`~helpers.data.design.classify` on a
2-6 row frame) and states the rule it checks in its id or docstring:

* how a printed Animal model cell is classified (several kinds, several models, a model
  named with no induction, an induction not recognised), and what is refused and why;
* which setting a row gets from its model and route cells (a route only a legend defines,
  no model printed at all) and what that does to the model class and donor-host relation;
* the donor-host relation of several sources, and the sentence that says what decided it;
* the evidence the design exhibit prints beside each study (printed cells, the words of each
  model class, the modification, the body text and cited titles, the active carriers).

Expected values are worked out by hand from the cells written here, or from the printed
rows of ``data/msc_studies.csv``, ``data/exosome_studies.csv``, ``data/references.csv`` and
``data/text_statements.csv`` read by eye.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.derive import Derived
from helpers.data.design import (
    NO_HOST,
    SAME_SPECIES,
    _donor_species,
    active_carriers,
    ageing_models,
    animal_model_class,
    attach_checks,
    classify,
    definitions,
    donor_host_relation,
    model_evidence,
    modification_evidence,
    names_host,
    printed_evidence,
    printed_model_class,
    relation_evidence,
    text_statements,
    title_animal_words,
)

UNREAD = "names no recognised ageing, genotype or induction"
NEITHER = "neither an animal model nor an in vitro model is printed"

# --- the Animal model cell, read by its words --------------------------------------------

# (printed cell, expected class)
PRINTED_MODELS = [
    pytest.param("Skin aging model of nude mice", "model named, induction not stated", id="named-model-no-induction"),
    pytest.param("Naturally aged mouse model", "natural ageing", id="a-recognised-model-is-its-kind-not-unstated"),
    pytest.param("CDDP induced POF rat model", "induced: chemical", id="chemical-induction"),
    # One model of two kinds: both, in MODEL_CLASSES order (genetic before diet), joined with '+'.
    pytest.param("High-fat diet ApoE⁻/⁻ mouse model", "genetic+induced: diet", id="one-model-two-kinds"),
    # Two models sharing a kind: each class once, in printed order.
    pytest.param(
        "High-fat diet ApoE⁻/⁻ mouse model / High-fat diet rabbit model",
        "genetic+induced: diet",
        id="two-models-share-a-class-once",
    ),
    pytest.param(
        "D-gal induced mouse model / D-gal induces transgenic FVB mouse model",
        "induced: chemical+genetic",
        id="two-models-printed-order-then-class-order",
    ),
    pytest.param("   SAMP8    mice ", "accelerated-ageing strain", id="spaces-squashed"),
]


@pytest.mark.parametrize("cell, expected", PRINTED_MODELS)
def test_printed_model_class(cell, expected):
    """A printed model gets every kind its words name; a named model with no induction is 'not stated'."""
    assert printed_model_class(cell) == Derived(expected)


# (printed cell, reason)
REFUSED_MODELS = [
    # An induction is printed but by nothing recognised: missing, never "not stated".
    pytest.param(
        "Okadaic acid induced rat model",
        f"animal model 'Okadaic acid induced rat model' {UNREAD}",
        id="unrecognised-induction-is-missing",
    ),
    pytest.param(
        "Okadaic acid established rat model",
        f"animal model 'Okadaic acid established rat model' {UNREAD}",
        id="establish-is-an-induction-word",
    ),
    # Two unread models: both reasons, in printed order, joined with '; '.
    pytest.param(
        "Aged rats / nude mice",
        f"animal model 'Aged rats' {UNREAD}; animal model 'nude mice' {UNREAD}",
        id="two-unread-models-both-reasons",
    ),
    pytest.param("", "no animal model printed", id="empty-cell"),
]


@pytest.mark.parametrize("cell, reason", REFUSED_MODELS)
def test_printed_model_class_refuses(cell, reason):
    """A cell no cue reads is missing with the reason, never guessed."""
    assert printed_model_class(cell) == Derived(None, reason)


def test_animal_model_class_with_no_cell_printed_is_missing():
    """With neither model cell printed (the defaults) there is no setting, so no model class."""
    assert animal_model_class("") == Derived(None, NEITHER)


def test_animal_model_class_defaults_to_in_vivo_for_a_printed_model():
    """A printed animal model with no in vitro model and no route is an in vivo study of that model."""
    assert animal_model_class("Naturally aged mice") == Derived("natural ageing")


# --- donor-host relation ------------------------------------------------------------------


def test_two_sources_contradicting_a_printed_word_give_both_reasons():
    """'autologous' printed beside human and rat MSCs in a mouse: each source's contradiction, in order."""
    got = donor_host_relation(Derived("human+rat"), Derived("mouse"), ("autologous MSCs",), setting=Derived("in vivo"))
    assert got == Derived(
        None,
        "printed 'autologous' but the donor (human) and host (mouse) species differ; "
        "printed 'autologous' but the donor (rat) and host (mouse) species differ",
    )


def test_two_sources_with_one_contradiction_reason_say_it_once():
    """Two human sources 'autologous' to a mouse give the same reason twice: said once."""
    got = donor_host_relation(
        Derived("human+human"), Derived("mouse"), ("autologous MSCs",), setting=Derived("in vivo")
    )
    assert got == Derived(None, "printed 'autologous' but the donor (human) and host (mouse) species differ")


# (source cell, expected donor species)
DONORS = [
    pytest.param("hUC-MSC/ mBM-MSC", Derived("human+mouse"), id="two-prefixes-printed-order"),
    pytest.param("hUCMSC/ hAD-MSC", Derived("human+human"), id="same-species-twice-kept"),
    pytest.param("Rabbit AD-MSC", Derived("rabbit"), id="spelled-out-species"),
    pytest.param("UC-MSC", Derived(None, "no species prefix printed"), id="no-prefix"),
    pytest.param("BM-MSC/ AD-MSC", Derived(None, "no species prefix printed"), id="same-reason-once"),
    pytest.param(
        "BM-MSC / stromal cells",
        Derived(None, "no species prefix printed; MSC source 'stromal cells' is not a recognised tissue/species form"),
        id="two-reasons-in-order",
    ),
]


@pytest.mark.parametrize("source, expected", DONORS)
def test_donor_species_of_a_source_cell(source, expected):
    """The donor species of each printed source, '+'-joined; the reasons of unread ones, each once."""
    assert _donor_species(source) == expected


SPECIES_CELLS = {"donor": "human", "source": "hUC-MSC", "host": "mouse", "animal_model": "CTX induced POF mouse model"}
SPECIES_WORDS = "donor human (Source 'hUC-MSC'), host mouse (Animal model 'CTX induced POF mouse model')"
SAME_CELLS = {"donor": "rabbit", "source": "Rabbit AD-MSC", "host": "rabbit", "animal_model": "AS rabbit model"}
SAME_WORDS = "donor rabbit (Source 'Rabbit AD-MSC'), host rabbit (Animal model 'AS rabbit model')"

# (relation, places searched, cells, sentence)
EVIDENCE = [
    pytest.param(Derived(None, "no setting"), {}, {}, "", id="missing-relation-says-nothing"),
    pytest.param(
        Derived(NO_HOST),
        {},
        {"animal_model": "5XFAD mice"},
        "no treated animal: no route into an animal is printed (the row prints the animal model '5XFAD mice')",
        id="no-host-with-printed-model",
    ),
    pytest.param(
        Derived(NO_HOST),
        {},
        {"animal_model": "  5XFAD mice "},
        "no treated animal: no route into an animal is printed (the row prints the animal model '5XFAD mice')",
        id="no-host-printed-model-stripped",
    ),
    pytest.param(
        Derived(NO_HOST),
        {},
        {"animal_model": "NA"},
        "no treated animal: the row prints no animal model",
        id="no-host-NA-is-no-model",
    ),
    pytest.param(
        Derived(NO_HOST),
        {},
        {"animal_model": ""},
        "no treated animal: the row prints no animal model",
        id="no-host-empty",
    ),
    pytest.param(Derived(NO_HOST), {}, {}, "no treated animal: the row prints no animal model", id="no-host-no-cell"),
    pytest.param(
        Derived(NO_HOST),
        {},
        {"animal_model": None},
        "no treated animal: the row prints no animal model",
        id="no-host-None-cell",
    ),
    pytest.param(
        Derived("xenogeneic"),
        {"Effects": "hUC-MSCs improve"},
        SPECIES_CELLS,
        f"{SPECIES_WORDS}: the species differ",
        id="xenogeneic",
    ),
    pytest.param(
        Derived("xenogeneic+same species, not specified"),
        {},
        SPECIES_CELLS,
        f"{SPECIES_WORDS}: one source differs in species from the host",
        id="one-source-of-two-xenogeneic",
    ),
    pytest.param(
        Derived("same species, not specified+xenogeneic"),
        {},
        SPECIES_CELLS,
        f"{SPECIES_WORDS}: one source differs in species from the host",
        id="one-source-of-two-xenogeneic-second",
    ),
    pytest.param(
        Derived(SAME_SPECIES),
        {"Effects": "AD-MSC transplantation"},
        SAME_CELLS,
        f"{SAME_WORDS}: the same species; no printed cell of the row nor the cited title names the relation",
        id="same-species-no-word",
    ),
    pytest.param(
        Derived("allogeneic"),
        {
            "Source": "Rabbit AD-MSC",
            "Effects": "Allograft AD-MSCs can be transported",
            "cited title [34]": "Allogeneic",
        },
        SAME_CELLS,
        f"{SAME_WORDS}: the same species; Effects says 'Allograft'; cited title [34] says 'Allogeneic'",
        id="stated-word-every-place-in-order",
    ),
]


@pytest.mark.parametrize("relation, places, cells, sentence", EVIDENCE)
def test_relation_evidence(relation, places, cells, sentence):
    """The evidence sentence names the species read and the words (cell or title) that decided the relation."""
    assert relation_evidence(relation, places, cells) == sentence


# --- whole rows through classify ------------------------------------------------------------

ROW_COLUMNS = ["row", "source", "animal_model", "precondition", "route_dosage", "in_vitro_model", "effects", "ref"]
# A route abbreviation that only a legend defines (not one of the known codes).
LEGENDS = pd.DataFrame(
    {"legend": ["table1"], "position": ["1"], "abbreviation": ["ITI"], "definition": ["Intrathecal injection"]}
)
TITLES = pd.DataFrame(
    {
        "ref": [22],
        "title": ["Melatonin enhances autologous adipose-derived stem cells to improve mouse ovarian function"],
    }
)

# (printed cells, model class, its reason, relation, its reason, relation evidence)
ROWS = [
    pytest.param(
        (1, "hUC-MSC", "", "", "", "", "", ""),
        (None, NEITHER, None, f"no setting: {NEITHER}", ""),
        id="no-model-cell-no-setting-no-class-no-relation",
    ),
    pytest.param(
        (2, "hUC-MSC", "", "", "", "HDFs", "", ""),
        ("in vitro only", "", NO_HOST, "", "no treated animal: the row prints no animal model"),
        id="in-vitro-model-only-is-in-vitro",
    ),
    # 'ITI' is a route only the legend defines; the co-culture beside it makes the row in vitro.
    pytest.param(
        (3, "hUC-MSC", "", "", "ITI / coculture", "", "", ""),
        ("in vitro only", "", NO_HOST, "", "no treated animal: the row prints no animal model"),
        id="legend-route-read-coculture-makes-in-vitro",
    ),
    pytest.param(
        (4, "hUC-MSC/ mBM-MSC", "CTX induced POF mouse model", "", "OV 1 × 10⁶", "", "", ""),
        (
            "induced: chemical",
            "",
            "xenogeneic+same species, not specified",
            "",
            "donor human/mouse (Source 'hUC-MSC/ mBM-MSC'), host mouse (Animal model 'CTX induced POF mouse "
            "model'): one source differs in species from the host",
        ),
        id="two-donor-species-both-named",
    ),
    pytest.param(
        (5, "hUCMSC/ hAD-MSC", "Naturally aged mouse model", "", "OV 3.5 × 10⁵", "", "", ""),
        (
            "natural ageing",
            "",
            "xenogeneic",
            "",
            "donor human (Source 'hUCMSC/ hAD-MSC'), host mouse (Animal model 'Naturally aged mouse model'): "
            "the species differ",
        ),
        id="one-donor-species-twice-named-once",
    ),
    pytest.param(
        (6, "mAD-MSC", "CTX induced POF mouse model", "MT", "OV 1 × 10⁶", "", "MT enhances", "22"),
        (
            "induced: chemical",
            "",
            "autologous",
            "",
            "donor mouse (Source 'mAD-MSC'), host mouse (Animal model 'CTX induced POF mouse model'): the same "
            "species; cited title [22] says 'autologous'",
        ),
        id="cited-title-states-the-relation",
    ),
    pytest.param(
        (7, "rBM-MSC", "AIC3 induced rat model", "", "IV 1 × 10⁶", "", "BM-MSCs have neuroprotective potential", "29"),
        (
            "induced: chemical",
            "",
            SAME_SPECIES,
            "",
            "donor rat (Source 'rBM-MSC'), host rat (Animal model 'AIC3 induced rat model'): the same species; "
            "no printed cell of the row nor the cited title names the relation",
        ),
        id="ref-without-a-title-same-species-unstated",
    ),
]


@pytest.mark.parametrize("cells, expected", ROWS)
def test_classify_one_row(cells, expected):
    """Each row's model class, relation and evidence, worked out from its printed cells."""
    df = pd.DataFrame([cells], columns=ROW_COLUMNS, index=[40])
    got = classify(df, "msc_studies", LEGENDS, TITLES)
    model, model_reason, relation, relation_reason, evidence = expected
    want = pd.DataFrame(
        {
            "model_class": [model],
            "model_class_missing": [model_reason],
            "relation": [relation],
            "relation_missing": [relation_reason],
            "relation_evidence": [evidence],
        },
        index=[40],
        dtype="string",
    )
    pd.testing.assert_frame_equal(got, want)


def test_classify_keeps_row_order_and_index():
    """Several rows come back in their own order, on the frame's index, one string column per output."""
    df = pd.DataFrame(
        [
            (1, "hUC-MSC", "CDDP induced POF rat model", "", "IV", "", "", "11"),
            (2, "rBM-MSC", "Y Radiation-induced POF rat model", "", "IV 2 × 10⁶", "", "", "12"),
        ],
        columns=ROW_COLUMNS,
        index=["a", "b"],
    )
    got = classify(df, "msc_studies")
    want = pd.DataFrame(
        {
            "model_class": ["induced: chemical", "induced: radiation"],
            "model_class_missing": ["", ""],
            "relation": ["xenogeneic", SAME_SPECIES],
            "relation_missing": ["", ""],
            "relation_evidence": [
                "donor human (Source 'hUC-MSC'), host rat (Animal model 'CDDP induced POF rat model'): the species "
                "differ",
                "donor rat (Source 'rBM-MSC'), host rat (Animal model 'Y Radiation-induced POF rat model'): the same "
                "species; no printed cell of the row nor the cited title names the relation",
            ],
        },
        index=["a", "b"],
        dtype="string",
    )
    pd.testing.assert_frame_equal(got, want)


def test_classify_a_table_without_ref_or_precondition_columns():
    """A frame that carries no ref (nor Precondition, Effects) still classifies: no title is searched."""
    df = pd.DataFrame(
        {
            "source": ["hUC-MSC"],
            "animal_model": ["CDDP induced POF rat model"],
            "route_dosage": ["IV"],
            "in_vitro_model": [""],
        }
    )
    got = classify(df, "exosome_studies", references=TITLES)
    assert got.loc[0].tolist() == [
        "induced: chemical",
        "",
        "xenogeneic",
        "",
        "donor human (Source 'hUC-MSC'), host rat (Animal model 'CDDP induced POF rat model'): the species differ",
    ]


def test_classify_rejects_a_clinical_table():
    """Only Tables 1-2 have an animal model: Table 3 is refused with the tables it could have been."""
    df = pd.DataFrame(columns=ROW_COLUMNS)
    with pytest.raises(ValueError) as err:
        classify(df, "clinical_trials")
    assert str(err.value) == (
        "unknown preclinical table 'clinical_trials'; expected one of ['exosome_studies', 'msc_studies']"
    )


# --- the words behind each model class -------------------------------------------------------

# (printed cell, evidence)
MODEL_WORDS = [
    pytest.param(
        "D-gal induces transgenic FVB mouse model",
        "genetic: 'transgenic' (no transgene named in the review); induced: chemical: 'D-gal'",
        id="bare-transgenic-says-no-transgene-named",
    ),
    pytest.param("Bmi-1⁻/⁻ mouse model", "genetic: 'Bmi-1⁻/⁻'", id="whole-knockout-word"),
    pytest.param(
        "High-fat diet ApoE⁻/⁻ mouse model",
        "genetic: 'ApoE⁻/⁻'; induced: diet: 'High-fat diet'",
        id="two-kinds-in-class-order",
    ),
    pytest.param("APP/PS1 transgenic AD mouse model", "genetic: 'APP/PS1'", id="named-line-no-note"),
    pytest.param(
        "Y Radiation-induced POF rat model", "induced: radiation: 'Radiation-induced'", id="word-to-next-space"
    ),
    pytest.param(
        "Naturally aged mice / CTX induced POF mouse model",
        "natural ageing: 'Naturally aged'; induced: chemical: 'CTX'",
        id="two-models",
    ),
    pytest.param("mice given OVX", "induced: ovariectomy: 'OVX'", id="last-word-of-cell"),
    pytest.param(" SAMP8   mice", "accelerated-ageing strain: 'SAMP8'", id="squashed"),
    pytest.param(
        "Skin aging model of nude mice",
        "model named, induction not stated: 'Skin aging model of nude mice' names a model but not how it was made",
        id="named-model-no-induction",
    ),
    pytest.param("Aged rats", "", id="no-cue-no-words"),
    pytest.param("", "", id="empty"),
]


@pytest.mark.parametrize("cell, words", MODEL_WORDS)
def test_model_evidence(cell, words):
    """The printed word that puts a model in each class, in MODEL_CLASSES order."""
    assert model_evidence(cell) == words


def test_definitions_table():
    """The definitions under the figure: every class of the three groups, in order, with its meaning."""
    table = definitions()
    assert table.columns.tolist() == ["group", "class", "meaning"]
    assert table.groupby("group", sort=False).size().to_dict() == {
        "Animal model": 12,
        "Donor to host": 6,
        "Product and delivery": 6,
    }
    assert table.iloc[0].tolist() == [
        "Animal model",
        "natural ageing",
        "animals aged naturally ('naturally aged' printed)",
    ]
    assert table.iloc[-1].tolist() == [
        "Product and delivery",
        "co-treatment",
        "another agent given together with the product",
    ]


# --- evidence beside each study, from the printed tables -------------------------------------

TITLE_10 = (
    "Anti-aging effect of transplanted amniotic membrane mesenchymal stem cells in a premature aging model of bmi-1 "
    "deficiency"
)
TITLE_25 = (
    "Activin A secreted by human mesenchymal stem cells induces neuronal development and neurite outgrowth in an in "
    "vitro model of Alzheimer's disease: neurogenesis induced by MSCs via activin A"
)
TITLE_37 = (
    "Nitric oxide releasing hydrogel enhances the therapeutic efficacy of mesenchymal stem cells for myocardial "
    "infarction"
)
TITLE_81 = (
    "The combined anti-aging effect of hydrolyzed collagen oligopeptides and exosomes derived from human "
    "umbilical cord mesenchymal stem cells on human skin fibroblasts"
)
IN_VITRO_ONLY = "in vitro only, as printed: the model and route cells name no treated animal"


def _studies(rows, *extra, index=None):
    """A studies frame like helpers.data.coded.studies: table, row, ref, setting, then the ``extra`` columns."""
    frame = pd.DataFrame(rows, columns=["table", "row", "ref", "setting", *extra])
    return frame.set_axis(index if index is not None else range(len(frame)))


def test_printed_evidence():
    """The printed cells, the model words (or why the row is in vitro only) and the cited title of each study."""
    studies = _studies(
        [
            ("table1", 1, 10, "in vivo"),
            ("table1", 14, 25, "in vitro"),
            ("table2", 26, 81, "in vitro"),
            ("table1", 22, 37, "in vivo"),
            # A selected study the print does not hold, citing no known reference, with no setting coded.
            ("table2", 99, 999, pd.NA),
        ],
        index=[7, 3, 9, 1, 2],
    )
    want = pd.DataFrame(
        {
            "source": ["mAM-MSC", "hUC-MSC", "hUC-MSC", "mAD-MSC", ""],
            "animal_model": ["Bmi-1⁻/⁻ mouse model", "5XFAD mice", "", "D-gal induces transgenic FVB mouse model", ""],
            "model_evidence": [
                "genetic: 'Bmi-1⁻/⁻'",
                f"{IN_VITRO_ONLY}; '5XFAD mice' printed, whether they only supplied cells is not reported in the "
                "review",
                IN_VITRO_ONLY,
                "genetic: 'transgenic' (no transgene named in the review); induced: chemical: 'D-gal'",
                "",
            ],
            # Table 2 has no Precondition column: empty.
            "precondition": ["", "", "", "NapFF-NO", ""],
            "effects": [
                "AM-MSC transplantation improved the premature aging phenotype in Bmi-1-deficient mice",
                "hUC-MSCs induce neurogenesis through activin A",
                "Utilizing HCOPs to enhance the anti-aging capabilities of hUCMSC-Exos in skin is a potential strategy",
                "NapFF-NO hydrogel significantly improved the therapeutic effect of AD-MSCs on myocardial infarction "
                "by increasing cell implantation and paracrine effect of angiogenesis.",
                "",
            ],
            "cited_title": [TITLE_10, TITLE_25, TITLE_81, TITLE_37, ""],
        },
        index=[7, 3, 9, 1, 2],
        dtype="string",
    )
    pd.testing.assert_frame_equal(printed_evidence(studies), want)


def test_ageing_models():
    """Models of ageing itself, by the printed Animal model; a study with no treated animal has none."""
    studies = _studies(
        [
            ("table1", 1, 10, "in vivo"),  # Bmi-1⁻/⁻ mouse model
            ("table1", 14, 25, "in vitro"),  # 5XFAD mice beside co-culture only
            ("table1", 22, 37, "in vivo"),  # D-gal induces transgenic FVB mouse model
            ("table2", 28, 83, "in vivo"),  # UV radiation-induced photodamage rat model
            ("table1", 27, 43, "in vivo + in vitro"),  # Skin aging model of nude mice
            ("table1", 15, 28, "in vivo"),  # SAMP8 mice
            ("table1", 13, 24, "in vivo"),  # Naturally aged mice
            ("table1", 2, 11, "in vivo"),  # CDDP induced POF rat model: a disease model
            # Coded in vitro (say, by a reading that found no route into the mice): no model of its own.
            ("table1", 1, 10, "in vitro"),
            # No setting coded: the printed model is read.
            ("table1", 15, 28, pd.NA),
        ],
        index=list("abcdefghij"),
    )
    got = ageing_models(studies)
    assert got.index.tolist() == list("abcdefghij")
    assert got.tolist() == [
        "Bmi-1 knockout (premature ageing)",
        None,
        "D-galactose",
        "UV photoageing (photodamage)",
        "skin-ageing model (induction not stated)",
        "accelerated-ageing strain",
        "natural ageing",
        None,
        None,
        "accelerated-ageing strain",
    ]


# (words, names a host)
HOST_WORDS = [
    pytest.param("were transplanted into the ovaries of patients", True, id="patients"),
    pytest.param("Topical application", False, id="route-only"),
    pytest.param("transplantation and injection", False, id="two-routes-only"),
    pytest.param("injected into mice", True, id="route-and-host"),
    pytest.param("in vivo", True, id="in-vivo"),
    pytest.param("", False, id="empty"),
    pytest.param(None, False, id="none"),
]


@pytest.mark.parametrize("words, expected", HOST_WORDS)
def test_names_host(words, expected):
    """Words name a host when they name animals or people, not only a route into one."""
    assert names_host(words) is expected


# (title, quoted animal words)
TITLE_WORDS = [
    pytest.param(
        "Transplantation of UC-MSCs on collagen scaffold activates follicles in dormant ovaries of POF patients",
        "'Transplantation', 'patients'",
        id="route-and-patients-in-order",
    ),
    pytest.param("Ageing mice and old mice", "'mice'", id="each-word-once"),
    pytest.param("Exosomes alleviated dexamethasone-induced bone loss", "'bone loss'", id="bone-loss"),
    pytest.param("in an in vitro model of Alzheimer's disease", "", id="in-vitro-is-not-animal-work"),
    pytest.param("", "", id="empty"),
    pytest.param(None, "", id="none"),
]


@pytest.mark.parametrize("title, expected", TITLE_WORDS)
def test_title_animal_words(title, expected):
    """The words of a cited title that speak of animal work, quoted, each once, in order."""
    assert title_animal_words(title) == expected


SETTING_24 = "for the first time in a clinical study"
HOST_24 = "were transplanted into the ovaries of patients"
SKIN_82 = "significantly improve photodamaged skin"

# (refs of the selection, use, expected rows)
STATEMENTS = [
    pytest.param(
        [82, 24, 11],
        "contradicts",
        [(24, "setting", SETTING_24), (24, "host", HOST_24), (82, "setting", SKIN_82)],
        id="contradicts-setting-and-host-in-ref-order",
    ),
    pytest.param(
        [53, 22, 10],
        "adds",
        [
            (22, "relation", "the therapeutic effect of autologous AD-MSCs"),
            (53, "modification", "exosomes from lipopolysaccharide-pretreated UC-MSCs"),
        ],
        id="adds-relation-and-modification",
    ),
    pytest.param(
        [24],
        "source",
        [(24, "tissue", "human umbilical cord blood mesenchymal stem cells (hUC-MSCs)")],
        id="source-tissue",
    ),
    pytest.param([10, 11], "contradicts", [], id="no-statement-on-these-refs"),
]


@pytest.mark.parametrize("refs, use, expected", STATEMENTS)
def test_text_statements(refs, use, expected):
    """The review's body-text statements on the selected refs, of the topics ``use`` covers, in ref order."""
    studies = _studies([("table1", 1, r, "in vivo") for r in refs])
    got = text_statements(studies, use)
    assert got.columns.tolist() == ["ref", "bears_on", "words"]
    assert list(got.itertuples(index=False, name=None)) == expected
    assert got.index.tolist() == list(range(len(expected)))


def test_attach_checks():
    """A study is 'checked' when an audit check, the body text or (in vitro only) its cited title questions it,
    unless the audit already flags it."""
    studies = _studies(
        [
            ("table1", 13, 24, "in vivo", True),  # flagged; text contradicts setting and host
            ("table2", 27, 82, "in vitro", False),  # text says photodamaged skin; title 'Topical'
            ("table2", 21, 74, "in vitro", False),  # only the title: 'bone loss'
            ("table1", 2, 11, "in vivo", False),  # nothing questions it
            ("table1", 22, 37, "in vivo", False),  # an audit check R1
        ],
        "audit_flag",
    )
    checks = pd.DataFrame({"table": ["table1", "table1"], "row": [13, 22], "audit_checks": ["R1;R3", "R1"]})
    got = attach_checks(studies, checks)
    assert got[["table", "row"]].equals(studies[["table", "row"]])
    assert got["audit_checks"].tolist() == ["R1;R3", "", "", "", "R1"]
    assert got["text_contradicts"].tolist() == [
        f"setting (the text names no host): '{SETTING_24}'; host: '{HOST_24}'",
        f"setting (the text names no host): '{SKIN_82}'",
        "",
        "",
        "",
    ]
    assert got["title_animal_words"].tolist() == ["", "'Topical'", "'bone loss'", "", ""]
    assert got["audit_check"].tolist() == [False, True, True, False, True]
    assert str(got["audit_checks"].dtype) == "string"
    assert str(got["text_contradicts"].dtype) == "string"
    assert str(got["title_animal_words"].dtype) == "string"
    assert got["audit_check"].dtype == bool


def test_attach_checks_with_no_checks_and_an_unknown_flag():
    """With no audit checks, only the body text and an in vitro row's title question a study; an unknown
    audit_flag (NA) counts as not flagged."""
    studies = _studies(
        [
            ("table1", 13, 24, "in vivo", pd.NA),
            ("table1", 28, 44, "in vitro", False),
            ("table1", 2, 11, "in vivo", pd.NA),
        ],
        "audit_flag",
    )
    studies = studies.assign(audit_flag=studies["audit_flag"].astype("boolean"))
    checks = pd.DataFrame(columns=["table", "row", "audit_checks"])
    got = attach_checks(studies, checks)
    assert got["audit_checks"].tolist() == ["", "", ""]
    # Ref 44's title: "... prevents UVB-induced skin aging in human keratinocytes and dermal fibroblasts": no animal.
    assert got["title_animal_words"].tolist() == ["", "", ""]
    assert got["audit_check"].tolist() == [True, False, False]


def test_attach_checks_on_an_empty_selection():
    """No study selected: the added columns are still text columns (and a boolean), with no rows."""
    studies = _studies([], "audit_flag")
    got = attach_checks(studies, pd.DataFrame(columns=["table", "row", "audit_checks"]))
    assert len(got) == 0
    assert [str(got[c].dtype) for c in ("audit_checks", "text_contradicts", "title_animal_words", "audit_check")] == [
        "string",
        "string",
        "string",
        "bool",
    ]


def test_modification_evidence():
    """Each modification kind is quoted from the Precondition, the Effects, or the body text, in that preference."""
    studies = _studies(
        [
            ("table1", 11, 22, "in vivo", "primed"),  # Precondition 'MT': no kind named, the header says primed
            ("table1", 13, 24, "in vivo", "biomaterial"),  # Precondition 'Collagen scaffold'
            ("table2", 5, 53, "in vivo", "primed+biomaterial"),  # text 'pretreated'; Effects 'Hyaluronic acid'
            ("table1", 2, 11, "in vivo", "none"),
            ("table1", 18, 32, "in vivo", "co-treatment"),  # Precondition 'Resveratrol'; Effects 'cumulative'
        ],
        "modification",
        index=[4, 5, 6, 7, 8],
    )
    got = modification_evidence(studies)
    assert got.index.tolist() == [4, 5, 6, 7, 8]
    assert str(got.dtype) == "string"
    assert got.tolist() == [
        "primed: Precondition cell 'MT' names an agent (the column's header: preconditioned)",
        "biomaterial: Precondition cell 'Collagen'",
        "primed: the review's body text 'exosomes from lipopolysaccharide-pretreated UC-MSCs', not the row; "
        "biomaterial: Effects cell 'Hyaluronic acid'",
        "as obtained: no modification printed",
        "co-treatment: Effects cell 'cumulative'",
    ]


def test_active_carriers():
    """A biomaterial-coded study whose printed carrier is itself active, in ref order; others are left out."""
    studies = _studies(
        [
            ("table1", 22, 37, "in vivo", "biomaterial"),  # Precondition 'NapFF-NO'
            ("table1", 12, 23, "in vivo", "primed+biomaterial"),  # Effects '... drug-free IVA ...'
            ("table1", 13, 24, "in vivo", "biomaterial"),  # 'Collagen scaffold': an inert carrier
            ("table1", 22, 37, "in vivo", "primed"),  # the same carrier, but not coded biomaterial
            ("table1", 22, 37, "in vivo", pd.NA),  # no modification coded: not a carrier
        ],
        "modification",
    )
    got = active_carriers(studies)
    assert got.columns.tolist() == ["ref", "printed", "meaning"]
    assert list(got.itertuples(index=False, name=None)) == [
        (23, "drug-free IVA", "ovarian tissue activated in vitro, itself a fertility treatment"),
        (37, "NapFF-NO", "a hydrogel that releases nitric oxide, as its cited title says"),
    ]
    assert got.index.tolist() == [0, 1]


def test_attach_checks_without_the_audit_columns_flags_nothing():
    """Studies without an ``audit_flag`` column are flagged by nothing, so whatever questions them is a check.

    This failed before the fix: the missing column fell back to the scalar ``False``, whose ``~`` is -1, and
    ``questioned & -1`` raised a TypeError.
    """
    checks = pd.DataFrame({"table": ["table1"], "row": [2], "audit_checks": ["R1"]})
    # A selection keeps the coded frame's index (here 5 and 6, not 0 and 1): the "not flagged" Series must carry it.
    for index in (None, [5, 6]):
        studies = _studies([("table2", 21, 74, "in vitro"), ("table1", 2, 11, "in vivo")], index=index)
        got = attach_checks(studies, checks)
        # Row 21 (ref 74): only its title ('bone loss') questions it; row 2: the audit's check R1.
        assert got["audit_check"].tolist() == [True, True]
        assert got["audit_check"].dtype == bool
        assert got.index.tolist() == studies.index.tolist()
