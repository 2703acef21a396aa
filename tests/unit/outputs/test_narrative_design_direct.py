"""helpers.outputs.narrative, design exhibit: direct checks of the sentence helpers on small hand-built frames.

Each test calls one helper of the design note or notice directly and asserts the whole sentence it returns,
worked out by hand from the rows given and the rule the helper's docstring states. Where a helper reads the
curated data (the printed Animal model, Disease, Precondition and Effects cells through ``table``/``row``,
data/text_statements.csv and the cited titles through ``ref``), the rows are the real ones:

- Table 1 row 1 (ref 10) prints the Disease cell 'weakness' and the 'Bmi-1⁻/⁻ mouse model'; row 2 (ref 11)
  'CDDP induced POF rat model'; rows 4, 9 (refs 13, 19) CDDP/CTX induced POF models; row 12 (ref 23) 'drug-free
  IVA' in its Effects cell; row 15 (ref 28) 'SAMP8 mice' (an accelerated-ageing strain); rows 20, 21 (refs 34,
  35) high-fat diet models; row 22 (ref 37) 'D-gal induces transgenic FVB mouse model' and the carrier
  'NapFF-NO'; rows 24, 25 (refs 40, 41) OVX induced OP models.
- Table 2 rows 1, 2 (refs 48, 49) print the Disease cell 'POF' with 'CDDP induced POF mouse model' and 'CTX
  induced POF mouse model'; row 8 (ref 57) an APP/PS1 model; row 13 (ref 63) an STZ induced AD model; rows 19,
  20 (refs 72, 73) STZ induced OP models; row 25 (ref 80) surgical bone defects; row 28 (ref 83) 'UV
  radiation-induced photodamage rat model'; rows 6, 18, 27 (refs 54, 71, 82) are in vitro only.
- Cited titles: ref 58 'cognitive impairment', 'hippocampus' (animals); refs 10 'transplanted', 45
  'transplant' and 82 'Topical' name a route into a host but no host. The body text of ref 82 speaks of
  'photodamaged skin' (no host); refs 54 and 71 have neither title words nor body-text statements.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.outputs import narrative
from tests.unit.outputs.test_narrative_design import _COLUMNS, NAN, _studies

POF = "Premature ovarian failure"
AD = "Alzheimer's disease"
AS = "Atherosclerosis"
OP = "Osteoporosis"
XENO_RAT = ("xenogeneic", "human", "rat")
XENO_MOUSE = ("xenogeneic", "human", "mouse")
SAME_MOUSE = ("same species, not specified", "mouse", "mouse")
SAME_RAT = ("same species, not specified", "rat", "rat")
NATIVE = ("native", "none")

# The real rows, coded as the coded dataset codes them (table, row, ref, setting, disease, model class, relation,
# donor, host, modality, product, modification).
T1R1 = ("table1", 1, 10, "in vivo", "WEAK", "weakness", "genetic", *SAME_MOUSE, "cells", *NATIVE)
T1R2 = ("table1", 2, 11, "in vivo", "POF", POF, "induced: chemical", *XENO_RAT, "cells", *NATIVE)
T1R4 = ("table1", 4, 13, "in vivo + in vitro", "POF", POF, "induced: chemical", *XENO_RAT, "cells", *NATIVE)
T1R9 = ("table1", 9, 19, "in vivo", "POF", POF, "induced: chemical", *XENO_MOUSE, "cells", *NATIVE)
T1R12 = ("table1", 12, 23, "in vivo", "POF", POF, "induced: chemical", *XENO_RAT, "cells", "modified", "biomaterial")
T1R15 = ("table1", 15, 28, "in vivo", "AD", AD, "accelerated-ageing strain", *XENO_MOUSE, "cells", *NATIVE)
T1R20 = ("table1", 20, 34, "in vivo", "AS", AS, "induced: diet", "allogeneic", "rabbit", "rabbit", "cells", *NATIVE)
T1R21 = ("table1", 21, 35, "in vivo", "AS", AS, "induced: diet", "xenogeneic", "mouse", "rat", "cells", *NATIVE)
T1R22 = (
    "table1",
    22,
    37,
    "in vivo",
    "AS",
    AS,
    "genetic+induced: chemical",
    *SAME_MOUSE,
    "cells",
    "modified",
    "biomaterial",
)
T1R24 = ("table1", 24, 40, "in vivo", "OP", OP, "induced: ovariectomy", *SAME_MOUSE, "cells", *NATIVE)
T1R25 = ("table1", 25, 41, "in vivo", "OP", OP, "induced: ovariectomy", *XENO_RAT, "cells", *NATIVE)
T2R1 = ("table2", 1, 48, "in vivo", "POF", POF, "induced: chemical", *XENO_MOUSE, "exosomes", *NATIVE)
T2R2 = ("table2", 2, 49, "in vivo + in vitro", "POF", POF, "induced: chemical", *XENO_MOUSE, "exosomes", *NATIVE)
T2R8 = ("table2", 8, 57, "in vivo", "AD", AD, "genetic", *SAME_MOUSE, "exosomes", *NATIVE)
T2R13 = ("table2", 13, 63, "in vivo", "AD", AD, "induced: chemical", *SAME_MOUSE, "exosomes", *NATIVE)
T2R19 = ("table2", 19, 72, "in vivo", "OP", OP, "induced: chemical", *SAME_RAT, "exosomes", *NATIVE)
T2R20 = ("table2", 20, 73, "in vivo", "OP", OP, "induced: chemical", *SAME_RAT, "exosomes", "modified", "engineered")
T2R25 = (
    "table2",
    25,
    80,
    "in vivo",
    "OP",
    OP,
    "induced: surgical bone defect",
    *XENO_RAT,
    "exosomes",
    "modified",
    "biomaterial",
)
T2R28 = ("table2", 28, 83, "in vivo", "SKIN", "Skin aging", "induced: radiation", *XENO_RAT, "exosomes", *NATIVE)
_NO_HOST = ("in vitro only", "no animal host (in vitro)", "human", None, "exosomes", "modified")
T2R6 = ("table2", 6, 54, "in vitro", "AD", AD, *_NO_HOST, "engineered")
T2R18 = ("table2", 18, 71, "in vitro", "AS", AS, *_NO_HOST, "engineered")
T2R27 = ("table2", 27, 82, "in vitro", "SKIN", "Skin aging", *_NO_HOST, "biomaterial")


#: The two ways a true/false mark can be missing: NaN in an object column (a merge's blank) and pd.NA in the
#: nullable boolean column helpers.data.flags.attach builds. Either is "not flagged" (not a mimetic).
MISSING = {
    "NaN in an object column": lambda values: pd.Series([NAN if v is None else v for v in values], dtype=object),
    "NA in a nullable boolean column": lambda values: pd.Series(values, dtype="boolean"),
}


def _with(values, **changes):
    """A row with some of its coded columns changed (the printed cells stay those of its table and row)."""
    coded = dict(zip(_COLUMNS, values))
    coded.update(changes)
    return tuple(coded[c] for c in _COLUMNS)


# ------------------------------------------------------------------ small helpers

COUNT_OF = [
    ("a missing cell reads as an empty one", pd.Series(["", None, "a+b"]), "", 2),
    ("a code among '+'-joined codes", pd.Series(["a+b", None, "b"]), "b", 2),
]


@pytest.mark.parametrize("series, value, n", [c[1:] for c in COUNT_OF], ids=[c[0] for c in COUNT_OF])
def test_count_of(series, value, n):
    """_count_of: cells whose '+'-joined codes include the value; a missing cell holds the empty text."""
    assert narrative._count_of(series, value) == n


RULE_SPAN = [
    ("a run of any letter, first in the list", ("X1", "X2", "X3"), "X1-X3"),
    ("a lone rule of any letter", ("X4", "R1"), "X4, R1"),
]


@pytest.mark.parametrize("rules, text", [r[1:] for r in RULE_SPAN], ids=[r[0] for r in RULE_SPAN])
def test_rule_span_of_any_letter(rules, text):
    """_rule_span: the first rule starts a run of its own whatever its letter; three in a row join by a hyphen."""
    assert narrative._rule_span(rules) == text


FLAGGED_REFS = [
    ("one flagged, one missing, one false", [24, 28, 30], [True, None, False], [24]),
    ("refs in order", [41, 5, 40], [True, None, True], [40, 41]),
]


@pytest.mark.parametrize("missing", MISSING)
@pytest.mark.parametrize("refs, flags, out", [f[1:] for f in FLAGGED_REFS], ids=[f[0] for f in FLAGGED_REFS])
def test_flagged_refs_missing_flag(refs, flags, out, missing):
    """_flagged_refs: only a true flag counts; a missing one (``None`` here, NaN or NA in the column) does not."""
    frame = pd.DataFrame({"ref": refs, "audit_flag": MISSING[missing](flags)})
    assert narrative._flagged_refs(frame) == out


def test_no_animal_treated_names_every_printed_model():
    """_no_animal_treated: each in vitro row that prints an animal model is named, joined by '; '.

    Refs 25 ('5XFAD mice', Table 1 row 14) and 90 (a made-up row printing 'SD rats') are in vitro; ref 10 has a
    treated animal and is not named.
    """
    printed = pd.DataFrame(
        {"ref": [25, 10, 90], "animal_model": ["5XFAD mice", "Bmi-1⁻/⁻ mouse model", "SD rats"]},
    )
    in_vivo = pd.Series([False, True, False])
    assert narrative._no_animal_treated(printed, in_vivo) == (
        "no in vivo route ([25] prints '5XFAD mice'; [90] prints 'SD rats' as its animal model, but no treatment of "
        "those animals)"
    )


@pytest.mark.parametrize("missing", MISSING)
def test_span_mimetic_flag_missing_is_not_a_mimetic(missing):
    """_span: exosome mimetics are the rows marked so; a mark left empty (NaN) is not one.

    Two per-kg values, 2000 and 40000 µg/kg, both ends one study each but fewer than four studies: the plain
    range, 2×10³ to 4×10⁴, then the count; ref 70 is the one mimetic.
    """
    part = pd.DataFrame(
        {
            "ref": [60, 70],
            "dose_per_kg_low": [2000.0, 40000.0],
            "dose_per_kg_high": [2000.0, 40000.0],
            "mimetic": MISSING[missing]([None, True]),
        }
    )
    assert narrative._span(part, "µg/kg", "systemic") == (
        "2×10³ to 4×10⁴ µg/kg (2 studies, systemic; 1 of them, ref 70, exosome mimetics, not secreted exosomes)"
    )


@pytest.mark.parametrize("missing", MISSING)
def test_flagged_among_counts_only_true_flags(missing):
    """_flagged_among: the flagged per-kg values in all, and the local ones among them; a missing flag is none.

    Five per-kg values (refs 10, 19, 24, 37, 40), flagged: 19 and 24 (2 of 5); local: 24 (flagged) and 37
    (flag missing).
    """
    per = pd.DataFrame({"ref": [10, 19, 24, 37, 40], "audit_flag": MISSING[missing]([False, True, True, None, False])})
    local = per[per["ref"].isin([24, 37])]
    assert narrative._flagged_among(per, local) == (
        " In all, 2 of the 5 per-kg values are on rows the audit flags: these and ref 24, counted as local (the "
        "first reason that applies)."
    )


# ------------------------------------------------------------------ the marks


@pytest.mark.parametrize("missing", MISSING)
def test_design_flags_elsewhere_missing_flag_is_not_flagged(missing):
    """_design_flags_elsewhere: only a flagged study is named; ref 30's flag is missing, so its W2 is not said."""
    studies = pd.DataFrame(
        {"ref": [30, 19], "audit_flag": MISSING[missing]([None, True]), "audit_findings": ["W2", "W4"]}
    )
    assert narrative._design_flags_elsewhere(studies) == (
        "; for ref 19 (W4) the finding is on a code not drawn here, so its dagger says nothing of the model, host "
        "or product"
    )


@pytest.mark.parametrize("missing", MISSING)
def test_design_marks_missing_flag_draws_no_dagger(missing):
    """_design_marks: no dagger sentence when no study is flagged, a missing flag included."""
    studies = pd.DataFrame(
        {"ref": [19, 30], "audit_flag": MISSING[missing]([None, False]), "audit_findings": ["W4", ""]}
    )
    assert narrative._design_marks(studies) == (
        "figures/design.data.csv says how many and which, design.evidence.csv each study's findings, "
        "tables/audit.csv why. "
    )


# ------------------------------------------------------------------ the disease labels


def test_design_disease_labels_in_code_order_over_both_tables(monkeypatch):
    """Each column whose label wraps the printed Disease cell is said, by disease code in order, for Table 1 and
    Table 2 alike, with all its refs and all its printed models.

    The gap map's own labels wrap no printed cell any more, so two labels of the older kind are put in place:
    WEAK 'Premature aging (weakness)' (Table 1 row 1, ref 10) and POF 'Ovarian failure (POF)' (Table 2 rows 1 and
    2, refs 48 and 49, two models). The rows come WEAK first; POF is said first, by code. The printed wording
    'ref 48, 49' (not 'refs') is kept as the helper prints it.
    """
    from helpers.analysis import gapmap

    labels = {"WEAK": "Premature aging (weakness)", "POF": "Ovarian failure (POF)"}
    monkeypatch.setattr(gapmap, "disease_label", lambda code: labels.get(code, code))
    studies = _studies([T1R1, T2R2, T2R1])
    assert narrative._design_disease_labels(studies) == (
        "'Ovarian failure (POF)': the column's name is ours; the printed Disease cell reads 'POF' (refs 48, 49, "
        "animal model 'CDDP induced POF mouse model; CTX induced POF mouse model'). "
        "'Premature aging (weakness)': the column's name is ours; the printed Disease cell reads 'weakness' (ref "
        "10, animal model 'Bmi-1⁻/⁻ mouse model'). "
    )


def test_design_disease_labels_row_not_printed_wraps_nothing(monkeypatch):
    """A study whose table row is not among the printed rows has no printed Disease cell: its label is not said to
    wrap one, whatever words the label's parenthesis holds (here a placeholder, 'XXXX')."""
    from helpers.analysis import gapmap

    monkeypatch.setattr(gapmap, "disease_label", lambda code: "New disease (XXXX)")
    studies = _studies([_with(T1R2, row=99, disease_code="NEW")])
    assert narrative._design_disease_labels(studies) == ""


# ------------------------------------------------------------------ models and relations

MODELS = [
    (
        "classes tied in count: the first by name is the most common",
        # genetic 1, induced: chemical 1, induced: diet 2, induced: ovariectomy 2; no printed ageing model.
        [T2R8, T1R2, T1R20, T1R21, T1R24, T1R25],
        "The most common model class is induced: diet (2 of 6). 0 of 6 use naturally aged animals.",
    ),
    (
        "diseases of the top class tied in count: the first by code",
        # induced: chemical 6 of 7 (AD 1, AS 1, OP 2, POF 2: OP first); printed ageing models: D-gal (ref 37),
        # SAMP8 (ref 28), tied at 1: 'D-galactose' sorts before 'accelerated-ageing strain'.
        [T2R13, T1R22, T2R19, T2R20, T1R2, T1R4, T1R15],
        "The most common model class is induced: chemical (6 of 7); 2 of these 6 are Osteoporosis (OP) models, the "
        "other 4 spread over 3 diseases. 0 of 7 use naturally aged animals. 2 of 7 use a model of ageing itself "
        "(D-galactose 1, accelerated-ageing strain 1); the other 5 model a condition the review files under an "
        "age-related disease, and the review reports the age of none of the animals.",
    ),
    (
        "a disease code the vocabulary does not name is said by its code",
        [_with(T1R2, disease_code="POI"), _with(T1R4, disease_code="POI"), _with(T1R9, disease_code="POI")]
        + [T2R19, T2R20],
        "The most common model class is induced: chemical (5 of 5); 3 of these 5 are POI (POI) models, the other 2 "
        "spread over 1 disease. 0 of 5 use naturally aged animals.",
    ),
    (
        "a model class not recorded counts as 'not reported'",
        [_with(T1R20, model_class=None), _with(T1R21, model_class=None), T2R8],
        "The most common model class is not reported (2 of 3). 0 of 3 use naturally aged animals.",
    ),
    (
        "ageing models tied in count are listed by name",
        # The printed tables hold one study of each ageing model but natural ageing, so Table 2 row 28 (UV
        # photodamage) and Table 1 row 15 (SAMP8) are each given twice to tie them at 2. Classes: accelerated-ageing
        # strain 2, genetic 2, induced: chemical 1, induced: radiation 2 (the first by name is said). Kinds by name:
        # 'Bmi-1 ...' 1, 'D-galactose' 1, 'UV ...' 2, 'accelerated-ageing strain' 2.
        [T1R1, T1R22, T2R28, T2R28, T1R15, T1R15],
        "The most common model class is accelerated-ageing strain (2 of 6). 0 of 6 use naturally aged animals. 6 of "
        "6 use a model of ageing itself (UV photoageing (photodamage) 2, accelerated-ageing strain 2, Bmi-1 knockout "
        "(premature ageing) 1, D-galactose 1); the other 0 model a condition the review files under an age-related "
        "disease, and the review reports the age of none of the animals.",
    ),
]


@pytest.mark.parametrize("rows, text", [m[1:] for m in MODELS], ids=[m[0] for m in MODELS])
def test_design_models(rows, text):
    """_design_models: the most common class (ties by name), its top disease (ties by code), the ageing models."""
    assert narrative._design_models(_studies(rows)) == text


def test_design_relations_relation_not_recorded_counts_in_neither_group():
    """A study whose relation is not recorded is neither xenogeneic nor same-species, whatever its species.

    7 animals: not recorded (human to mouse), xenogeneic human to rat and human+human to mouse (both human to
    rodents), autologous, syngeneic and two same species not specified.
    """
    rows = [
        (None, "human", "mouse"),
        ("xenogeneic", "human", "rat"),
        ("xenogeneic", "human+human", "mouse"),
        ("autologous", "rat", "rat"),
        ("syngeneic", "mouse", "mouse"),
        SAME_MOUSE,
        SAME_RAT,
    ]
    in_vivo = pd.DataFrame(rows, columns=["relation", "donor_species", "host_species"])
    assert narrative._design_relations(in_vivo) == (
        "In 2 of 7 the donor species differs from the host's (2 of them human cells or their exosomes given to "
        "rodents); in 4 of 7 donor and host are of one species, and the print or the cited title names the "
        "relation for 2 of these (1 autologous, 1 syngeneic); the other 2 are same species, not specified."
    )


# ------------------------------------------------------------------ the notice's parts

ANIMAL_WORDS = [
    (
        "a title naming animals, and two titles naming only a route: 'refs' for the two",
        [58, 10, 45],
        "; for 1 of them the cited title speaks of animals: ref 58; for refs 10, 45 the body text or the cited title "
        "speaks of a treated tissue or a route into a host without naming the host",
    ),
    (
        "body text and title naming no host (ref 82) and a title naming a route only (ref 45)",
        [82, 45],
        "; for refs 45, 82 the body text or the cited title speaks of a treated tissue or a route into a host "
        "without naming the host",
    ),
]


@pytest.mark.parametrize("refs, text", [a[1:] for a in ANIMAL_WORDS], ids=[a[0] for a in ANIMAL_WORDS])
def test_design_animal_words_hosts_not_named(refs, text):
    """_design_animal_words: refs whose body text or title name no host are said apart, each source counting.

    The helper reads only ``ref`` and ``setting``: refs 10 and 45 stand here for rows printed in vitro only.
    """
    studies = pd.DataFrame({"ref": refs, "setting": ["in vitro"] * len(refs)})
    assert narrative._design_animal_words(studies) == text


def test_design_active_carriers_two_in_ref_order():
    """Two carriers that are active themselves (refs 23 and 37, both coded biomaterial), joined by '; '."""
    studies = _studies([T1R22, T1R12])
    assert narrative._design_active_carriers(studies) == (
        " A carrier counted as biomaterial is itself active in 2: ref 23's 'drug-free IVA' (ovarian tissue activated "
        "in vitro, itself a fertility treatment); ref 37's 'NapFF-NO' (a hydrogel that releases nitric oxide, as its "
        "cited title says)."
    )


# ------------------------------------------------------------------ the notice


def test_design_notice_one_study_with_animals():
    """Three in vitro only rows (refs 54, 71, 82) and one with animals (ref 80): 'the other 1 study'.

    Only ref 82's body text and title speak of a tissue or a route, naming no host. All four products are
    modified: 54 and 71 engineered (changed), 80 and 82 carried by a biomaterial (added), none active itself.
    """
    studies = _studies([T2R6, T2R18, T2R27, T2R25])
    assert narrative.design_notice(studies) == (
        "3 of the 4 studies shown (tabulated in the review) print no animal arm (in vitro only as the row prints "
        "it; for ref 82 the body text or the cited title speaks of a treated tissue or a route into a host without "
        "naming the host), so animal models and hosts are counted among the other 1 study. "
        "The most common model class is induced: surgical bone defect (1 of 1). 0 of 1 use naturally aged "
        "animals. "
        "In 1 of 1 the donor species differs from the host's (1 of them human cells or their exosomes given to "
        "rodents); in 0 of 1 donor and host are of one species, and the print or the cited title names the relation "
        "for 0 of these; the other 0 are same species, not specified. "
        "4 of the 4 studies use a primed, engineered or selected product, or deliver it with a biomaterial or a "
        "co-treatment (2 change the product itself; 2 add something to it: 2 a carrier or biomaterial); 0 use it as "
        "obtained."
    )


def test_design_notice_missing_setting_and_modification():
    """A study whose setting is not recorded is not in vitro only: it counts with the animals. A modification not
    recorded changes nothing.

    Ref 23 (setting not recorded, carried by drug-free IVA, itself active), ref 80 (carried), refs 11 and 19
    (native; ref 11's modification not recorded). Classes: induced: chemical 3 (all POF), surgical bone defect 1;
    all four human cells or exosomes given to rats or a mouse.
    """
    studies = _studies([_with(T1R12, setting=None), T2R25, _with(T1R2, modification=None), T1R9])
    assert narrative.design_notice(studies) == (
        "0 of the 4 studies shown (tabulated in the review) print no animal arm (in vitro only as the row prints "
        "it), so animal models and hosts are counted among the other 4 studies. "
        "The most common model class is induced: chemical (3 of 4). 0 of 4 use naturally aged animals. "
        "In 4 of 4 the donor species differs from the host's (4 of them human cells or their exosomes given to "
        "rodents); in 0 of 4 donor and host are of one species, and the print or the cited title names the relation "
        "for 0 of these; the other 0 are same species, not specified. "
        "2 of the 4 studies use a primed, engineered or selected product, or deliver it with a biomaterial or a "
        "co-treatment (0 change the product itself; 2 add something to it: 2 a carrier or biomaterial); 2 use it as "
        "obtained. A carrier counted as biomaterial is itself active in 1: ref 23's 'drug-free IVA' (ovarian tissue "
        "activated in vitro, itself a fertility treatment)."
    )
