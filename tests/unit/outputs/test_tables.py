"""Table exhibits and figure evidence: selection by derived codes, published layout, legends, HTML."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import evidence
from helpers.core import paths, runrecord
from helpers.notebook.params import ParameterError
from helpers.notebook.session import start
from helpers.outputs import tables


def _run(exhibit, **params):
    return start(exhibit, params)


@pytest.mark.parametrize(
    "exhibit, params, rows, check",
    [
        ("table1", {}, 28, None),
        ("table1", {"diseases": "AD"}, 6, ("Disease", {"AD"})),
        ("table1", {"diseases": "POF,AD"}, 18, ("Disease", {"POF", "AD"})),
        ("table1", {"sources": "DP"}, 2, ("Source", {"hDP-MSC"})),
        ("table1", {"sources": "AD"}, 8, None),  # includes "hUCMSC/ hAD-MSC" (two sources)
        ("table1", {"host_species": "rabbit"}, 1, ("Source", {"Rabbit AD-MSC"})),
        ("table2", {"diseases": "SKIN"}, 3, ("Disease", {"Skin aging"})),
        ("table3", {"modality": "exosomes"}, 4, None),
        ("table3", {"diseases": "AS"}, 1, ("NCT number", {"[39]"})),
        ("table4", {"sources": "UC,UCB"}, 2, ("Source", {"UC", "UCB"})),
        ("table4", {"diseases": "AD"}, 4, ("Source", {"BM", "AD", "UC", "UCB"})),  # used by AD studies
        ("table4", {"diseases": "WEAK"}, 0, None),  # the one WEAK study used amniotic MSCs, not in Table 4
    ],
)
def test_selection_keeps_printed_rows_by_derived_codes(exhibit, params, rows, check):
    run = _run(exhibit, **params)
    printed, derived = tables.load_table(run)
    table = tables.published(printed, run.exhibit.resource)
    assert len(table) == rows == len(derived)
    if check:
        column, values = check
        assert set(table[column]) == values


def test_published_layout_uses_printed_headers_and_bracketed_refs():
    run = _run("table1")
    printed, _ = tables.load_table(run)
    table = tables.published(printed, "msc_studies")
    assert list(table.columns) == [
        "Disease",
        "Source",
        "Animal model",
        "Precondition",
        "Route Dosage/cells",
        "In vitro model",
        "Follow-up period",
        "Effects",
        "Ref.",
    ]
    assert table.loc[0, "Ref."] == "[10]" and table.loc[0, "Route Dosage/cells"] == "IP 1 × 10⁷"


@pytest.mark.parametrize(
    "exhibit, start, end",
    [
        ("table1", "hUC-MSC: human umbilical cord-derived mesenchymal stem cells; mUCMSCs:", "NA: Not Applicable"),
        ("table2", "hUCMSC: Human umbilical cord derived mesenchymal stem cells;", "NA: Not Applicable"),
        (
            "table3",
            "UC-MSCs: Umbilical cord derived mesenchymal stem cells; AD-MSC:",
            "NA: Not Applicable; Data obtained from ClinicalTrials.gov",  # the source note, printed last
        ),
        ("table4", "BM: bone marrow; AD: adipose;", "MSCs: mesenchymal stem cells"),
        ("fig1", "OS: Oxidative stress;", "EGF: Epidermal growth factor; Created using BioRender.com"),
        ("fig2", "UC: Umbilical Cord;", "MMPs: Matrix metalloproteinases; Created using BioRender.com"),
        ("references", "", ""),  # no printed legend
    ],
)
def test_legend_is_regenerated_from_the_data_in_printed_order(exhibit, start, end):
    legend = tables.legend(exhibit)
    assert legend.startswith(start) and legend.endswith(end)
    assert legend.count("Data obtained from") == (exhibit == "table3")


def test_legend_refuses_a_position_claimed_twice(monkeypatch):
    frames = {
        "abbreviations": pd.DataFrame({"legend": ["t"], "position": [1], "abbreviation": ["A"], "definition": ["a"]}),
        "legend_notes": pd.DataFrame({"legend": ["t"], "position": [1], "kind": ["source"], "text": ["Data"]}),
    }
    monkeypatch.setattr(tables.curated, "load", frames.__getitem__)
    with pytest.raises(ValueError, match="legend 't': a position is used by both"):
        tables.legend("t")
    frames["legend_notes"].loc[0, "position"] = 2
    assert tables.legend("t") == "A: a; Data"
    frames["legend_notes"].loc[0, "position"] = 0
    assert tables.legend("t") == "Data; A: a"


def test_table3_summary_counts_phases_statuses_and_enrollment():
    run = _run("table3")
    printed, derived = tables.load_table(run)
    summary = tables.summary(printed, derived, "clinical_trials")
    status = summary["Enrollment by design and status"]
    total = status.iloc[-1]
    assert total["enrollment as printed"] == 547 and "not a count of treated patients" in total["meaning"]
    assert status.iloc[:-1]["enrollment as printed"].sum() == 547
    phases = dict(zip(summary["Phase"]["phase"], summary["Phase"]["studies"]))
    assert phases == {"1": 7, "1/2": 9, "2": 1, "not a phase": 1}
    assert summary["Status"]["studies"].sum() == 18


def test_a_bad_parameter_fails_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "RUNS_DIR", tmp_path / "runs")
    with pytest.raises(ParameterError, match="allowed"):
        start("table1", {"diseases": "XYZ"})
    assert not (tmp_path / "runs").exists()


def test_figure_evidence_traces_counts_to_rows_and_phrases():
    run = _run("fig1")
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    table = evidence.evidence_table(tagged, "mechanism")
    assert {"Table 1", "Table 2"} == set(table["table"])
    assert table["supporting text"].str.len().gt(0).all()
    assert table["ref"].str.fullmatch(r"\[\d+\]").all()


def test_canonical_table4_reads_only_its_own_files():
    """The build reruns a notebook when a file it read changes: Table 4 must not read Tables 1–3."""
    runrecord.begin()
    run = _run("table4")
    tables.load_table(run)
    tables.legend("table4")
    read = runrecord.record()["inputs"]
    assert {name.rsplit("/", 1)[-1] for name in read} == {
        "tissue_sources.csv",
        "abbreviations.csv",
        "legend_notes.csv",
        "datapackage.json",
    }


@pytest.mark.parametrize(
    "diseases, refs",
    [
        ("all", list(range(1, 84))),
        ("SKIN", [43, 44, 81, 82, 83]),
        ("AS", [34, 35, 37, 38, 39, 66, 67, 68, 70, 71]),  # [39] is cited by Table 3's retrospective study
    ],
)
def test_references_of_the_selected_diseases(diseases, refs):
    assert tables.references(_run("references", diseases=diseases))["ref"].tolist() == refs
