"""Tests for the audit (``helpers.audit``: the registry, each rule family, the runner and render).

Every rule is tested on a few literal rows: cases that must fire (with the
severity they must get) and cases that must not, the closest near-misses
included (the variants a normalisation must absorb, and the cases that made
a rule too loose before it was tightened). Then the audit of the real data:
every finding has a reviewed verdict, none at error or warning is
dismissed, the review's known errata surface, and the output is stable.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.audit import render, runner
from helpers.audit.registry import RULES, SEVERITIES, Finding
from helpers.data import curated, quantities
from helpers.notebook.params import ParameterError
from helpers.notebook.session import start

NA = pd.NA


# --- literal inputs ------------------------------------------------------------------


def refs(*items: dict) -> pd.DataFrame:
    """References with defaults: each its own title, DOI and year 2020, no PMID."""
    out = []
    for i, item in enumerate(items, start=1):
        ref = item.get("ref", i)
        base = {"ref": ref, "title": f"Article number {ref}", "year": 2020, "volume_pages": "1:1"}
        out.append({**base, "doi": f"10.1000/x{ref}", "pmid": "", **item})
    return pd.DataFrame(out, columns=["ref", "title", "year", "volume_pages", "doi", "pmid"])


def legends(*entries: tuple[str, str, str]) -> pd.DataFrame:
    """Abbreviation entries (legend, code, meaning), numbered in order within each legend."""
    seen: dict[str, int] = {}
    out = []
    for legend, code, meaning in entries:
        seen[legend] = seen.get(legend, 0) + 1
        out.append(
            {"legend": legend, "position": seen[legend], "abbreviation": code, "definition": meaning, "note": ""}
        )
    return pd.DataFrame(out, columns=["legend", "position", "abbreviation", "definition", "note"])


T1_COLUMNS = ["row", "disease", "source", "animal_model", "precondition", "route_dosage", "in_vitro_model", "effects"]
T2_COLUMNS = ["row", "disease", "source", "animal_model", "size_nm", "route_dosage", "in_vitro_model", "effects"]
T3_COLUMNS = ["row", "disease_type", "purpose", "msc_type", "migration_method", "phases", "nct_number"]


def table(columns: list[str], *items: dict) -> pd.DataFrame:
    return pd.DataFrame(
        [{c: "" for c in columns} | {"row": i} | item for i, item in enumerate(items, 1)], columns=columns
    )


def printed(t1=(), t2=(), t3=(), t4=()) -> tuple[pd.DataFrame, ...]:
    return (
        table(T1_COLUMNS, *t1),
        table(T2_COLUMNS, *t2),
        table(T3_COLUMNS, *t3),
        table(["row", "source", "advantages"], *t4),
    )


def rows(*items: dict) -> pd.DataFrame:
    """Rows of the audit's ``rows`` frame: an in vivo study of human UC-MSCs in mice unless said otherwise."""
    base = {
        "table": "table1",
        "ref": NA,
        "disease_code": "AD",
        "tissue": "UC",
        "donor_species": "human",
        "host_species": "mouse",
        "relation": "xenogeneic",
        "setting": "in vivo",
        "route": "IV",
        "modality": "cells",
        "dose_kind": NA,
        "dose_low": NA,
        "dose_high": NA,
        "dose_unit": NA,
        "disease": "AD",
        "source": "hUC-MSC",
        "animal_model": "5XFAD mice",
        "precondition": "",
        "route_dosage": "IV 1 × 10⁶",
        "in_vitro_model": "",
        "effects": "",
        "size_nm": "",
    }
    return pd.DataFrame([base | {"row": i} | item for i, item in enumerate(items, 1)])


def fired(found: list[Finding]) -> list[tuple[str, str]]:
    """What a rule reported: (severity, row) per finding, in order."""
    return [(f.severity, f.row) for f in found]


# --- identifiers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "items, expected",
    [
        ([{"pmid": "123"}, {"pmid": "123"}], [("error", "2")]),  # two DOIs, one PMID
        ([{"pmid": "123"}, {"pmid": "123 h", "doi": ""}], [("error", "2")]),  # extra text, other title
        ([{"pmid": "123"}, {"pmid": "456"}], []),
        ([{"pmid": "123"}, {"pmid": "123", "doi": "10.1000/x1", "title": "Article number 1"}], []),  # one entry twice
        ([{"pmid": ""}, {"pmid": ""}], []),
        ([{"pmid": "2012;22:R741–52"}, {"pmid": "2012;22:R741–52"}], []),  # no PMID at all: I3's business
    ],
)
def test_i1_shared_pmid(items, expected):
    assert fired(RULES["I1"].check(refs(*items))) == expected


@pytest.mark.parametrize(
    "items, expected",
    [
        ([{"doi": "10.1000/A"}, {"doi": "10.1000/a"}], [("error", "2")]),
        ([{"doi": "10.1000/a", "title": "Same"}, {"doi": "10.1000/a", "title": "same."}], [("warning", "2")]),
        ([{"doi": "10.1000/a"}, {"doi": "10.1000/b"}], []),
        ([{"doi": ""}, {"doi": ""}], []),
    ],
)
def test_i2_shared_doi(items, expected):
    assert fired(RULES["I2"].check(refs(*items))) == expected


@pytest.mark.parametrize(
    "pmid, expected",
    [
        ("2012;22:R741–52", [("error", "1")]),
        ("see reference 4", [("error", "1")]),
        ("123456789", [("error", "1")]),  # nine digits: no PMID
        ("36307672 h", []),  # a PMID with extra text: I4
        ("36307672", []),
        ("", []),
    ],
)
def test_i3_pmid_field_without_a_pmid(pmid, expected):
    assert fired(RULES["I3"].check(refs({"pmid": pmid, "volume_pages": "22:R741–52"}))) == expected


def test_i3_says_when_the_field_repeats_volume_and_pages():
    (finding,) = RULES["I3"].check(refs({"pmid": "2012;22:R741–52", "volume_pages": "22:R741–52"}))
    assert "volume and pages" in finding.message and '"2012;22:R741–52"' in finding.evidence


@pytest.mark.parametrize(
    "pmid, expected",
    [
        ("36307672 h", [("warning", "1")]),
        ("37859748 NCT04388982", [("check", "1")]),  # a registry number: informative, misplaced
        ("36307672", []),
        ("2012;22:R741–52", []),
        ("", []),
    ],
)
def test_i4_text_after_the_pmid(pmid, expected):
    assert fired(RULES["I4"].check(refs({"pmid": pmid}))) == expected


@pytest.mark.parametrize(
    "title, expected",
    [
        ("PMID: 31637885 adipose-derived stem cell transplantation in rats", [("error", "1")]),
        ("Stem cells in mice PMID 123", [("error", "1")]),
        ("How PMIDs are assigned", []),
        ("Ten years of PubMed 2010", []),
    ],
)
def test_i5_pmid_inside_the_title(title, expected):
    assert fired(RULES["I5"].check(refs({"title": title}))) == expected


@pytest.mark.parametrize(
    "pmid, expected",
    [
        ("30000000", [("warning", "1")]),
        ("32000000", [("warning", "1")]),
        ("100000", [("warning", "1")]),
        ("30739785", []),
        ("30000001", []),
        ("32990000", []),  # four zeros
        ("", []),
    ],
)
def test_i6_placeholder_like_pmid(pmid, expected):
    assert fired(RULES["I6"].check(refs({"pmid": pmid}))) == expected


Y2019 = [(2019, "30500001"), (2019, "31000001")]
Y2021 = [(2021, "33000001"), (2021, "33500001")]


def _years(*pairs):
    return refs(*({"year": y, "pmid": p} for y, p in pairs))


@pytest.mark.parametrize(
    "pairs, expected",
    [
        ([*Y2019, (2020, "34000001"), *Y2021], [("check", "3")]),  # above every PMID of the next year
        ([*Y2019, (2020, "29000001"), *Y2021], [("check", "3")]),  # below every PMID of the year before
        ([*Y2019, (2020, "32000001"), *Y2021], []),
        ([*Y2019, (2020, "33200001"), *Y2021], []),  # among the next year's numbers, not above them all
        ([(2019, "31000001"), (2020, "34000001"), (2021, "33000001")], []),  # one reference a year: too few
        ([(2020, "34000001"), (2022, "33000001"), (2022, "33500001")], []),  # no reference of the next year
        ([*Y2019, (2020, "90000000"), *Y2021], []),  # a placeholder is I6's, not I7's
        ([*Y2019, (2020, "29000001"), (2020, "29000001"), *Y2021], []),  # shared numbers are I1's
    ],
)
def test_i7_pmid_out_of_step_with_the_year(pairs, expected):
    assert fired(RULES["I7"].check(_years(*pairs))) == expected


@pytest.mark.parametrize(
    "doi, expected",
    [
        ("doi:10.1000/x", [("error", "1")]),
        ("10.10/abc", [("error", "1")]),
        ("10.1000/ x", [("error", "1")]),
        ("10.1016/j.cub.2012.07.024", []),
        ("10.1093/abbs/gmab102.P102", []),
        ("", []),
    ],
)
def test_i8_malformed_doi(doi, expected):
    assert fired(RULES["I8"].check(refs({"doi": doi}))) == expected


NOTES = pd.DataFrame([{"legend": "table3", "position": 14, "kind": "source", "text": "Data obtained from a registry"}])


@pytest.mark.parametrize(
    "cell, notes, expected",
    [
        ("[39]", NOTES, [("warning", "1")]),
        ("[39]", NOTES.iloc[0:0], [("check", "1")]),
        ("", NOTES, [("warning", "1")]),
        ("NCT01742533", NOTES, []),
        ("NCT0174253", NOTES, []),  # malformed: I10
    ],
)
def test_i9_trial_without_a_registry_number(cell, notes, expected):
    trials = table(T3_COLUMNS, {"nct_number": cell, "phases": "1"})
    assert fired(RULES["I9"].check(trials, notes)) == expected


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("NCT0174253", [("error", "1")]),
        ("NCT 01742533", [("error", "1")]),
        ("nct01742533", [("error", "1")]),
        ("NCT01742533", []),
        ("[39]", []),
    ],
)
def test_i10_malformed_registry_number(cell, expected):
    assert fired(RULES["I10"].check(table(T3_COLUMNS, {"nct_number": cell}))) == expected


@pytest.mark.parametrize(
    "cells, expected",
    [
        (["NCT01742533", "NCT01742533"], [("error", "2")]),
        (["NCT01742533", "NCT02062931"], []),
        (["[39]", "[39]"], []),
    ],
)
def test_i11_registry_number_on_two_rows(cells, expected):
    trials = table(T3_COLUMNS, *({"nct_number": c} for c in cells))
    assert fired(RULES["I11"].check(trials)) == expected


# --- abbreviations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "entries, expected",
    [
        ([("article", "AD", "Alzheimer's disease"), ("table4", "AD", "adipose")], [("A1", "warning", "table4:1")]),
        ([("table1", "MT", "Melatonin"), ("fig1", "MT", "Mitochondrial transfer")], [("A1", "warning", "fig1:1")]),
        # One meaning only drops words of the other: A6 "another wording", check, never A1.
        (
            [("article", "MSCs", "Mesenchymal stem/stromal Cells"), ("table4", "MSCs", "mesenchymal stem cells")],
            [("A6", "check", "table4:1")],
        ),
        # Two words for one operation (dismissed as a warning before the rule was tightened): A6 check, never A1.
        ([("table1", "OVX", "Oophorectomy"), ("table2", "OVX", "Ovariectomy")], [("A6", "check", "table2:1")]),
        # Trivial variants: case, plural, apostrophe, hyphen, filler words.
        ([("table1", "IV", "Intravenous Injections"), ("table2", "IV", "Intravenous injection")], []),
        ([("article", "AD", "Alzheimer's disease"), ("table3", "AD", "Alzheimer’s Disease")], []),
        (
            [
                ("table1", "hAD-MSC", "human adipose-derived mesenchymal stem cells"),
                ("table2", "hAD-MSC", "Human adipose mesenchymal stem cells"),
            ],
            [],
        ),
        (
            [
                ("article", "AD-MSCs", "Adipose tissue derived mesenchymal stem cells"),
                ("table3", "AD-MSC", "Adipose mesenchymal stem cells"),
            ],
            [],
        ),
        # A repeat inside one legend is A2's business.
        ([("table1", "HDFs", "Human dermal fibroblasts"), ("table1", "HDFs", "Dermal cells")], []),
    ],
)
def test_a1_one_code_two_meanings_and_a6_one_code_another_wording(entries, expected):
    found = [*RULES["A1"].check(legends(*entries)), *RULES["A6"].check(legends(*entries))]
    assert [(f.rule, f.severity, f.row) for f in found] == expected


@pytest.mark.parametrize(
    "entries, expected",
    [
        (
            [("table1", "HDFs", "Human dermal fibroblasts"), ("table1", "HDFs", "Human dermal fibroblasts")],
            [("warning", "table1:2")],
        ),
        (
            [("table1", "HDFs", "Human dermal fibroblasts"), ("table1", "HDF", "human dermal fibroblast")],
            [("warning", "table1:2")],
        ),
        ([("table1", "MT", "Melatonin"), ("table1", "MT", "Mitochondrial transfer")], [("error", "table1:2")]),
        ([("table1", "HDFs", "Human dermal fibroblasts"), ("table2", "HDFs", "Human dermal fibroblasts")], []),
    ],
)
def test_a2_entry_repeated_in_a_legend(entries, expected):
    assert fired(RULES["A2"].check(legends(*entries))) == expected


BASE_LEGENDS = [
    ("table1", "IV", "Intravenous Injections"),
    ("table1", "CTX", "cyclophosphamide"),
    ("table1", "hUC-MSC", "human umbilical cord-derived mesenchymal stem cells"),
    ("table1", "hAD-MSC", "human adipose-derived mesenchymal stem cells"),
    ("table1", "AS", "atherosclerosis"),
    ("table1", "POF", "Premature Ovarian Failure"),
    ("table1", "GCs", "Granulosa cells"),
    ("table1", "TEC", "Thymus epithelial cells"),
    ("table1", "CDDP", "Cisplatin"),
    ("table2", "IV", "Intravenous injection"),
    ("table2", "IN", "Intranasal administration"),
    ("table2", "POF", "Premature ovarian failure"),
    ("table2", "hUCMSCs -Exo", "Human umbilical cord derived mesenchymal stem cells derived exosomes"),
    ("table3", "AD-MSC", "Adipose mesenchymal stem cells"),
    ("table3", "BM-MSC", "Bone marrow derived mesenchymal stem cells"),
    ("table4", "MSCs", "mesenchymal stem cells"),
]


def _abbreviation_rule(rule_id, **tables):
    found = RULES[rule_id].check(legends(*BASE_LEGENDS), *printed(**tables))
    return [(f.severity, f.table, f.row, f.subject) for f in found]


@pytest.mark.parametrize(
    "tables, expected",
    [
        ({"t1": [{"route_dosage": "MI 5 × 10⁶"}]}, [("warning", "table1", "1", "MI")]),
        ({"t2": [{"animal_model": "CDDP induced POF mouse model"}]}, [("check", "table2", "1", "CDDP")]),
        ({"t1": [{"source": "Rabbit AD-MSC"}]}, [("check", "table1", "1", "AD-MSC")]),
        ({"t1": [{"route_dosage": "IV 1 × 10⁶"}]}, []),
        ({"t1": [{"animal_model": "CTX-induced POF rat model"}]}, []),  # a defined code plus a plain word
        ({"t1": [{"source": "hUCMSC/ hAD-MSC"}]}, []),  # hyphens do not matter
        ({"t1": [{"animal_model": "5XFAD mice", "in_vitro_model": "SH-SY5Y"}]}, []),  # names no legend expands
        ({"t1": [{"animal_model": "FVB mouse model"}]}, []),  # undefined anywhere, in a descriptive column
        ({"t1": [{"route_dosage": "Back sides 1 × 10⁷"}]}, []),  # a spelled-out site
        ({"t1": [{"route_dosage": "Iv 1 × 10⁶"}]}, []),  # another case: A5
        ({"t3": [{"msc_type": "BM-MSC-Exos"}]}, []),  # a defined code with a vesicle suffix
    ],
)
def test_a3_code_missing_from_its_legend(tables, expected):
    assert _abbreviation_rule("A3", **tables) == expected


@pytest.mark.parametrize(
    "tables, unused",
    [
        ({"t1": [{"route_dosage": "IV 1", "effects": "CTX hUC-MSC hAD-MSC AS POF GCs CDDP"}]}, {"TEC"}),
        ({"t1": [{"route_dosage": "IV", "effects": "CTX-induced hUC-MSCs hAD-MSC AS POF GCs CDDP TEC"}]}, set()),
        ({"t2": [{"route_dosage": "IV", "effects": "IN POF hUCMSCs-Exos-miR-22-3p"}]}, set()),  # plural, suffix, miRNA
        ({"t4": [{"source": "BM", "advantages": "Very low MSC content"}]}, set()),
    ],
)
def test_a4_legend_entry_unused_by_its_table(tables, unused):
    found = RULES["A4"].check(legends(*BASE_LEGENDS), *printed(**tables))
    touched = {"t1": "table1", "t2": "table2", "t4": "table4"}
    mine = [f for f in found if f.row.split(":")[0] in {touched[t] for t in tables}]
    assert {f.evidence.split('"')[1].split(":")[0] for f in mine} == unused
    assert all(f.severity == "check" for f in found)


@pytest.mark.parametrize(
    "tables, expected",
    [
        ({"t2": [{"route_dosage": "Iv 1.6 mg/kg"}]}, [("warning", "table2", "1", "Iv")]),
        ({"t1": [{"animal_model": "high-fat diet-induced as mouse model"}]}, [("warning", "table1", "1", "as")]),
        ({"t1": [{"in_vitro_model": "Gcs"}]}, [("check", "table1", "1", "Gcs")]),
        ({"t2": [{"animal_model": "Surgically establish bone defects in rats"}]}, []),  # "in" is no disease code
        ({"t1": [{"animal_model": "Intrahippocampal infusion of Aβ induces AD in a rat model"}]}, []),
        ({"t1": [{"effects": "as well as in mice"}]}, []),  # Effects are prose
        ({"t1": [{"route_dosage": "IV 1 × 10⁶"}]}, []),
    ],
)
def test_a5_code_printed_in_another_case(tables, expected):
    assert _abbreviation_rule("A5", **tables) == expected


# --- labels ------------------------------------------------------------------------------


def _label_rule(rule_id, cells, legend=()):
    t3 = [{"msc_type": c} for c in cells]
    found = RULES[rule_id].check(legends(*legend), *printed(t3=t3))
    return [(f.row, f.subject) for f in found]


@pytest.mark.parametrize(
    "cells, expected",
    [
        (["UC-MSC", "UC-MSC", "UCMSCs"], [("3", "UCMSC")]),
        (["hUCMSC-Exos", "hUCMSCs-Exo", "3D-HucMSC-Exo"], [("3", "ucMSC-Exo")]),
        (["hUC-MSC", "UC-MSCs", "HUC-MSC"], []),  # species prefix and plural are not spellings
        (["UC-MSC", "UCB-MSC", "UC-MSC"], []),  # two tissues, one spelling each
        (["UCB-MSC", "UCB-MSC", "UCBMSC"], [("3", "UCBMSC")]),
        (["UCMSC-EVs", "UCMSC-Exos", "UC-MSC"], []),  # vesicles, exosomes and cells are three entities
        (["UC-MSC", "UC-MSC", "HUCMSC-sEV-001"], []),  # a product name keeps its sponsor's spelling
        (["UC-MSC-Exo", "UC-MSC-Exos", "UCMSC-Exos-miR-22-3p"], [("3", "UCMSC-Exo")]),  # a miRNA is no serial
    ],
)
def test_l1_msc_label_in_several_spellings(cells, expected):
    assert _label_rule("L1", cells) == expected


@pytest.mark.parametrize(
    "cells, expected",
    [
        (["hUC-MSC", "hBM-MSC", "HUC-MSC"], [("3", "H")]),
        (["hUC-MSC", "hBM-MSC", "HUC-MSC-sEV-001"], []),
        (["hUC-MSC", "Rabbit AD-MSC", "mAD-MSC"], []),
    ],
)
def test_l2_species_prefix_in_two_cases(cells, expected):
    assert _label_rule("L2", cells) == expected


@pytest.mark.parametrize(
    "t1, t2, expected",
    [
        (["Aging skin"], ["Skin aging", "Skin aging"], [("table1", "1", "Aging skin")]),
        (["AD", "POF"], ["AD"], []),
        (["Skin aging"], ["Skin aging"], []),
    ],
)
def test_l3_disease_label_in_several_forms(t1, t2, expected):
    t3 = table(T3_COLUMNS)
    found = RULES["L3"].check(
        table(T1_COLUMNS, *({"disease": d} for d in t1)), table(T2_COLUMNS, *({"disease": d} for d in t2)), t3
    )
    assert [(f.table, f.row, f.subject) for f in found] == expected


@pytest.mark.parametrize(
    "title, units, expected",
    [
        ("model Dosage/cells", ["µg", "µg", "mg/kg", "cells"], [("warning", "header")]),
        ("model Dosage/cells", ["cells", "cells", "µg"], [("check", "header")]),
        ("Route Dosage/cells", ["cells", "cells", NA], []),
        ("Route Dosage", ["µg"], []),
    ],
)
def test_l4_header_unit_contradicted_by_the_cells(title, units, expected):
    frame = rows(*({"table": "table2", "dose_unit": u} for u in units))
    assert fired(RULES["L4"].check({"table2": {"route_dosage": title}}, frame)) == expected


# --- a row against its cited reference ----------------------------------------------------


def _title_rule(rule_id, row: dict, title: str, abbr: pd.DataFrame | None = None):
    frames = {"rows": rows({"ref": 7, **row}), "references": refs({"ref": 7, "title": title})}
    frames["abbreviations"] = legends() if abbr is None else abbr
    return fired(RULES[rule_id].check(*(frames[n] for n in RULES[rule_id].needs)))


@pytest.mark.parametrize(
    "row, title, expected",
    [
        ({"disease_code": "AS"}, "Hydrogel MSCs for myocardial infarction", [("warning", "1")]),
        ({"disease_code": "POF"}, "MSCs in a mouse model of Alzheimer's disease", [("warning", "1")]),
        ({"disease_code": "OP"}, "Spine osteoporosis in ankylosing spondylitis mice", []),  # names the row's too
        ({"disease_code": "AS"}, "Adipose MSCs in arteriosclerosis: a cohort study", []),  # the wider family
        ({"disease_code": "POF"}, "AD-MSCs restore ovarian function", []),  # AD-MSC is a source, not a disease
        ({"disease_code": "AD"}, "Exosomes of MSCs reduce inflammation", []),  # silent
        ({"disease_code": "AD", "ref": NA}, "Osteoporosis", []),  # cites nothing
    ],
)
def test_r1_cited_title_names_another_disease(row, title, expected):
    assert _title_rule("R1", row, title) == expected


@pytest.mark.parametrize(
    "row, title, expected",
    [
        ({"tissue": "DP"}, "CD39 produced from human GMSCs in osteoporosis", [("warning", "1")]),
        ({"tissue": "UC"}, "Umbilical cord blood MSCs in mice", [("warning", "1")]),
        ({"tissue": "UCB"}, "Umbilical cord blood MSCs in mice", []),
        ({"tissue": "UC"}, "hucMSC-derived exosomes in SH-SY5Y cells", []),
        ({"tissue": "DP"}, "MSCs from dental pulp (DP), adipose tissue (AD) and umbilical cord (UC)", []),
        ({"tissue": "UC+AD"}, "Adipose MSCs for ovarian ageing", []),
        ({"tissue": "BM"}, "Human mesenchymal stem cells in mice", []),  # silent
    ],
)
def test_r2_cited_title_names_another_msc_source(row, title, expected):
    assert _title_rule("R2", row, title) == expected


@pytest.mark.parametrize(
    "row, title, expected",
    [
        ({}, "Collagen with UC-MSCs in POF patients", [("warning", "1")]),
        ({"host_species": "rat"}, "MSCs improve ovarian function in mice", [("warning", "1")]),
        ({}, "Activin A in an in vitro model of Alzheimer's disease", [("check", "1")]),
        ({"setting": "in vivo + in vitro"}, "MSCs in an in vitro model", []),
        ({"host_species": "rat"}, "Conditioned medium protects human keratinocytes", []),  # human donor cells
        ({"host_species": "rat"}, "MSCs after radiation injury", []),  # "rat" inside a word
        ({"table": "table3", "host_species": NA, "setting": NA}, "A retrospective cohort study", []),
        ({"setting": "in vitro"}, "Exosomes protect neurons in vitro", []),
    ],
)
def test_r3_cited_title_names_another_host_or_setting(row, title, expected):
    assert _title_rule("R3", row, title) == expected


# --- within a row ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row, expected",
    [
        ({"donor_species": "mouse", "host_species": "rat"}, [("check", "1")]),
        (
            {"donor_species": "mouse", "host_species": "rat", "effects": "Allograft AD-MSCs reduce plaque"},
            [("error", "1")],
        ),
        ({"donor_species": "human", "host_species": "mouse"}, []),  # human cells in animals: the usual design
        ({"donor_species": "rabbit", "host_species": "rabbit", "effects": "Allograft AD-MSCs"}, []),
        ({"donor_species": "mouse", "host_species": "rat", "setting": "in vitro"}, []),
        ({"donor_species": NA, "host_species": "rat"}, []),
        ({"donor_species": "human+human", "host_species": "mouse"}, []),
    ],
)
def test_w1_donor_species_against_host_species(row, expected):
    assert fired(RULES["W1"].check(rows(row))) == expected


@pytest.mark.parametrize(
    "row, expected",
    [
        ({"route": "OV", "effects": "Intrarenal transplantation of hBM-MSCs may be safe"}, [("error", "1")]),
        ({"route": "IV", "effects": "Intraperitoneal injection improved memory"}, [("error", "1")]),
        ({"route": "IN", "effects": "Intranasal administration of exosomes protects"}, []),
        ({"route": "IV", "effects": "SIRT1 signalling in the hippocampus of AD mice"}, []),  # a place, not a route
        (
            {"route": "IV", "animal_model": "Intrahippocampal infusion of Aβ", "effects": ""},
            [],
        ),  # the model, not the route
        ({"table": "table3", "route": "IN", "effects": "HUC-MSC-sEV-001 nasal drops"}, []),
        ({"route": NA, "effects": "Intrarenal transplantation"}, []),  # no printed route to compare
    ],
)
def test_w2_route_contradicted_by_the_effects(row, expected):
    assert fired(RULES["W2"].check(rows(row), refs())) == expected


RANGES = pd.DataFrame(
    [
        ("cells", "mouse", "cells", "cells", "1e4", "1e7"),
        ("exosomes", "mouse", "mass as printed", "µg", "0.1", "500"),
        ("exosomes", "in vitro", "concentration", "µg/mL", "0.1", "500"),
    ],
    columns=["modality", "host_species", "dose_kind", "unit", "low", "high"],
).assign(basis="typical reported doses")


def _dose(kind, low, unit, modality="exosomes", **extra):
    return {"modality": modality, "dose_kind": kind, "dose_low": low, "dose_high": low, "dose_unit": unit, **extra}


@pytest.mark.parametrize(
    "row, expected",
    [
        # second reading audit 2.3: exosomes dosed in cells read as producer-cell equivalents, a check
        (_dose("cells", 2e6, "cells"), [("check", "1")]),
        (_dose("particles", 1e9, "particles", modality="cells"), [("warning", "1")]),  # cells dosed in vesicles
        (_dose("concentration", 500.0, "µg/mL"), [("check", "1")]),  # injected concentration, no volume
        (_dose("mass as printed", 150.0, "µg"), []),
        (_dose("concentration", 50.0, "µg/mL", setting="in vitro", host_species=NA), []),
        (_dose("cells", 1e6, "cells", modality="cells"), []),
        ({"dose_kind": NA}, []),
    ],
)
def test_w3_dose_kind_unusual_for_the_product(row, expected):
    assert fired(RULES["W3"].check(rows(row), RANGES)) == expected


@pytest.mark.parametrize(
    "row, expected",
    [
        (_dose("mass as printed", 100000.0, "µg"), [("warning", "1")]),  # 100 mg in a mouse
        (_dose("cells", 2e7, "cells", modality="cells"), [("check", "1")]),
        (_dose("mass as printed", 0.05, "µg"), [("check", "1")]),
        (_dose("cells", 1e7, "cells", modality="cells"), []),  # on the bound
        (_dose("mass as printed", 0.1, "µg"), []),
        (_dose("mass as printed", 100000.0, "mg"), []),  # another unit: no range applies
    ],
)
def test_w4_dose_outside_the_documented_range(row, expected):
    assert fired(RULES["W4"].check(rows(row), RANGES)) == expected


@pytest.mark.parametrize(
    "row, expected",
    [
        # The yardstick is the review's own "30–150 nm" (Basic characteristics section), not 30–200 nm.
        ({"table": "table2", "size_nm": "57.5–317.5 nm"}, [("check", "1")]),
        ({"table": "table2", "size_nm": "20 nm"}, [("check", "1")]),
        ({"table": "table2", "size_nm": "30–200 nm"}, [("check", "1")]),
        ({"table": "table2", "size_nm": "160 nm"}, [("check", "1")]),
        ({"table": "table2", "size_nm": "142.5–150.9 nm"}, [("check", "1")]),  # just above the bound
        ({"table": "table2", "size_nm": "30–150 nm"}, []),  # exactly the review's range
        ({"table": "table2", "size_nm": "30–40nm"}, []),  # at the lower edge, inside
        ({"table": "table2", "size_nm": "150 nm"}, []),
        ({"table": "table2", "size_nm": ""}, []),
        ({"table": "table1", "size_nm": "500 nm"}, []),
    ],
)
def test_w5_exosome_size_outside_the_usual_range(row, expected):
    assert fired(RULES["W5"].check(rows(row))) == expected


@pytest.mark.parametrize(
    "row, expected",
    [
        ({"setting": "in vitro", "effects": "BM-MSCs improve cognition in AD model mice"}, [("warning", "1")]),
        ({"setting": "in vitro", "effects": "Exosomes reduce apoptosis in SH-SY5Y cells"}, []),
        ({"setting": "in vitro", "effects": "AD-MSCs combat photoaging in vitro"}, []),
        ({"setting": "in vivo", "effects": "improves memory in mice"}, []),
    ],
)
def test_w6_in_vitro_row_with_animal_effects(row, expected):
    assert fired(RULES["W6"].check(rows(row))) == expected


# --- typing slips ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "purposes, titles, expected",
    [
        (
            ["Safety and efficacy etudy of UCMSCs", "Safety and efficacy study of X", "A study"],
            [],
            [("3", "1", "etudy")],
        ),
        (
            ["High-fat diet Apo⁻/⁻ mouse model", "High-fat diet ApoE⁻/⁻ mouse model"],
            ["ApoE⁻/⁻ mice"],
            [("3", "1", "Apo⁻/⁻")],
        ),
        (["tissues affect MSC properties", "the effect of MSCs", "an effect on"], [], []),  # no shared phrase
        (["Aβ induces AD", "Aβ induced AD", "CTX induced POF"], [], []),  # an ending
        (["AM-MSC transplantation", "AD-MSC transplantation", "AD-MSC"], [], []),  # codes, not words
        (["3D bio-printed engineered ovaries", "3D bioprinted engineered ovaries"], ["bioprinted"], []),
        (["stem cells-derived exosomes", "stem cell-derived exosomes"], ["cell-derived"], []),
        (["An efficacy study", "An efficacy study"], ["An efficacy etudy"], []),  # titles are never reported
    ],
)
def test_t1_one_letter_slip(purposes, titles, expected):
    t3 = [{"purpose": p} for p in purposes]
    found = RULES["T1"].check(legends(), NOTES.iloc[0:0], refs(*({"title": t} for t in titles)), *printed(t3=t3))
    assert [(f.table[-1], f.row, f.subject) for f in found] == expected


# --- the registry ----------------------------------------------------------------------


def test_every_rule_is_registered_with_a_name_docstring_and_known_inputs():
    known = {"rows", "headers", "dose_ranges", *curated.resources()}
    for rule_id, rule in RULES.items():
        assert re.fullmatch(r"[IALRWTX]\d+", rule_id) and rule.name and rule.check.__doc__, rule_id
        assert set(rule.needs) <= known, rule_id


# --- the audit of the real data -------------------------------------------------------------


@pytest.fixture(scope="module")
def real() -> pd.DataFrame:
    return runner.frame(runner.findings(), runner.reviewed())


def test_every_finding_has_a_verdict_and_every_verdict_a_finding(real):
    review = runner.reviewed()
    assert not (missing := sorted(set(real["key"]) - set(review["key"]))), f"findings without a verdict: {missing}"
    assert not (stale := sorted(set(review["key"]) - set(real["key"]))), f"verdicts on no current finding: {stale}"
    assert (real["verdict"] != "unreviewed").all()


def test_nothing_at_error_or_warning_is_dismissed(real):
    serious = real[real["severity"].isin(["error", "warning"])]
    # "plausible": the print makes the problem likely, only a registry could confirm it (I6, I7 heuristics).
    ok = serious["verdict"].isin(["confirmed", "plausible"])
    assert ok.all(), serious[~ok]["key"].tolist()


def test_the_printed_errata_surface(real):
    keys = set(real["key"])
    for key in [
        "I1|references|34|pmid|",  # refs 33 and 34 share a PMID
        "I1|references|43|pmid|",  # refs 30 and 43
        "I1|references|44|pmid|",  # refs 40 and 44
        "I3|references|1|pmid|",  # a citation in the PMID field
        "I5|references|35|title|",  # a PMID inside the title
        "A3|table1|13|route_dosage|MI",  # a route no legend defines
        "A5|table2|20|route_dosage|Iv",
        "W3|table2|5|route_dosage|",  # 2×10⁶ cells as an exosome dose
        "W4|table2|16|route_dosage|",  # IV 100 mg of exosomes in mice
        "W2|table1|9|route_dosage|",  # OV, but the effects say intrarenal
        "W1|table1|21|source|",  # mouse MSCs in a rat model
        "T1|table3|10|purpose|etudy",
        "L4|table2|header|route_dosage|",  # "model Dosage/cells"
    ]:
        assert key in keys, key


def test_findings_are_well_formed_and_stable(real):
    again = runner.frame(runner.findings(), runner.reviewed())
    pd.testing.assert_frame_equal(real, again)
    assert real["key"].is_unique
    assert set(real["severity"]) <= set(SEVERITIES)
    assert set(real["table"]) <= {"table1", "table2", "table3", "table4", "references", "abbreviations"}
    assert real["evidence"].str.contains('"').all(), "evidence quotes printed values"
    assert real["message"].str.fullmatch(r"[^\n]+[.]").all(), "one sentence each"
    order = real["severity"].map(SEVERITIES.index)
    assert order.is_monotonic_increasing


def _printed_words() -> set[tuple[str, ...]]:
    """Every run of six words the review prints (cells, legends, titles)."""
    runs = set()
    for name in ("msc_studies", "exosome_studies", "clinical_trials", "tissue_sources", "references", "abbreviations"):
        for cell in curated.load(name).astype(str).to_numpy().ravel():
            words = re.findall(r"\w+", cell.casefold())
            runs |= {tuple(words[i : i + 6]) for i in range(len(words) - 5)}
    return runs


def test_messages_and_reasons_are_in_our_own_words(real):
    printed_runs = _printed_words()
    for text in [*real["message"], *runner.reviewed()["reason"]]:
        words = re.findall(r"\w+", text.casefold())
        copied = [w for w in (tuple(words[i : i + 6]) for i in range(len(words) - 5)) if w in printed_runs]
        assert not copied, f"{text!r} copies {' '.join(copied[0])!r}"


def test_dose_ranges_are_consistent_with_the_quantity_kinds():
    ranges = curated.load("dose_ranges")
    for r in ranges.itertuples(index=False):
        assert r.unit == quantities.KINDS[r.dose_kind].label
        assert 0 < float(r.low) < float(r.high), r
        assert r.basis


# --- selection, parameters and files --------------------------------------------------------


def real_findings():
    return runner.frame(runner.findings(), runner.reviewed())


def _run(**params):
    return start("audit", params)


@pytest.mark.parametrize(
    "params, check",
    [
        ({}, lambda t: len(t) == len(real_findings())),
        ({"severity": "error"}, lambda t: set(t["severity"]) == {"error"}),
        ({"severity": "warning"}, lambda t: set(t["severity"]) == {"error", "warning"}),
        (
            {"diseases": "SKIN"},
            lambda t: "table3 10 purpose" not in set(t["table"] + " " + t["row"] + " " + t["field"]),
        ),
        ({"modality": "exosomes"}, lambda t: "table1" not in set(t["table"]) and "table2" in set(t["table"])),
        ({"diseases": "AS"}, lambda t: {"34", "35"} <= set(t[t["table"] == "references"]["row"])),
        ({"diseases": "AS"}, lambda t: "43" not in set(t[t["table"] == "references"]["row"])),  # cited by SKIN only
        ({"diseases": "AS"}, lambda t: "1" in set(t[t["table"] == "references"]["row"])),  # cited by no row: kept
    ],
)
def test_a_run_keeps_what_its_parameters_select(real, params, check):
    assert check(runner.selected(real, _run(**params)))


def test_rules_parameter_runs_only_those_rules():
    run = _run(rules="i1,W4")
    assert run.values["rules"] == ("I1", "W4")
    assert {f.rule for f in runner.findings(run.values["rules"])} == {"I1", "W4"}


@pytest.mark.parametrize(
    "params, message",
    [
        ({"severity": "fatal"}, "allowed: error, warning, check"),
        ({"rules": "I1,Z9"}, "'Z9'"),
        ({"rules": ""}, "empty"),
    ],
)
def test_bad_severity_or_rules_are_refused_naming_the_allowed_values(params, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        _run(**params)
    if "rules" in params and params["rules"]:
        with pytest.raises(ParameterError, match="I1, I2"):
            _run(**params)


def test_the_files_hold_the_finding_columns_in_a_stable_order(real):
    csv_text = render.render(real, "csv", title="Audit")
    assert csv_text.splitlines()[0] == ",".join(runner.COLUMNS)
    assert csv_text == render.render(real.copy(), "csv", title="Audit")
    md = render.render(real, "md", title="Audit", selection="Selection: diseases AD")
    assert "**Audit (Selection: diseases AD)**" in md and "certainly inconsistent" in md


# --------------------------------------------------------------------------- the one-letter index


@pytest.mark.parametrize(
    ("word", "vocabulary", "expected"),
    [
        ("etudy", ["study", "steady", "etudy", "stud"], ["study"]),  # one letter changed
        ("stdy", ["study", "sty", "stdy"], ["study", "sty"]),  # one letter added, one dropped
        ("studies", ["studie", "studied", "studies"], []),  # an ending changed: refused by the rule
        ("cells", ["cell", "cells"], []),  # a plural s: refused by the rule
        ("bone", ["done", "tone", "bond", "bone"], ["done", "tone"]),  # in vocabulary order
    ],
)
def test_near_words_finds_what_the_pairwise_rule_accepts(word, vocabulary, expected):
    from helpers.audit.slips import _near_words, _one_letter_apart

    near = _near_words(vocabulary)
    assert [v for v in near(word) if _one_letter_apart(word, v)] == expected


def test_near_words_agrees_with_the_pairwise_scan_on_the_printed_words():
    """The index returns, in order, every word the old all-pairs scan accepted: on every word the review prints."""
    from helpers.audit.slips import _near_words, _one_letter_apart

    frames = [curated.load(name) for name in ("msc_studies", "exosome_studies", "clinical_trials", "tissue_sources")]
    words = {
        w.strip('.,;:()[]"').casefold()
        for f in frames
        for cell in f.astype(str).to_numpy().ravel()
        for w in cell.split()
    }
    vocabulary = sorted(w for w in words if w)
    near = _near_words(vocabulary)
    pairs = 0
    for word in vocabulary:
        brute = [v for v in vocabulary if v != word and _one_letter_apart(word, v)]
        assert [v for v in near(word) if _one_letter_apart(word, v)] == brute, word
        pairs += len(brute)
    assert pairs > 10  # the printed words do hold such pairs, so the comparison means something
