"""Figures 1 and 2: what they count adds up, selections say so, and the tagging meets its targets."""

from __future__ import annotations

import math
import random

import pandas as pd
import pytest

from helpers.analysis import accuracy, evidence
from helpers.core import vocab
from helpers.data import tags
from helpers.notebook import params
from helpers.notebook.session import start
from helpers.outputs import narrative
from helpers.plots import fig1, fig2
from tests.unit._audit import audit_frame

# ------------------------------------------------------------------ selections


def _selection(seed: int) -> dict:
    """A random but valid choice of the shared selecting parameters (seeded, so reproducible)."""
    rng = random.Random(seed)
    chosen = {}
    for name in ("diseases", "sources", "host_species"):
        if rng.random() < 0.6:
            chosen[name] = ",".join(rng.sample(vocab.CHOICES[name], rng.randint(1, len(vocab.CHOICES[name]))))
    for name in vocab.SINGLE_CHOICE:
        chosen[name] = rng.choice([vocab.ALL, *vocab.CHOICES[name]])
    chosen["min_studies"] = rng.choice([1, 1, 2, 3])
    chosen["show_untagged"] = rng.choice([True, False])
    return chosen


SELECTIONS = [{}] + [_selection(seed) for seed in range(30)]


def _pathways(chosen: dict) -> tuple[pd.DataFrame, dict, dict, pd.DataFrame]:
    run = start("fig2", dict(chosen))
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    cells = evidence.pathway_matrix(
        selected, tagged, untagged=run.values["show_untagged"], min_studies=run.values["min_studies"]
    )
    return cells, selected, evidence.counted(selected, tagged, ("pathway", "regulator")), tagged


@pytest.mark.parametrize("chosen", SELECTIONS, ids=[f"selection{i}" for i in range(len(SELECTIONS))])
def test_fig2_counts_every_drawn_study_once_per_source_and_in_the_pathway_block(chosen):
    cells, selected, counted, _ = _pathways(chosen)
    drawn = counted["studies"] if chosen.get("show_untagged") else counted["named"]
    assert counted["studies"] == sum(len(f) for f in selected.values())
    if cells.empty:
        assert drawn == 0
        return
    sources = cells[cells["kind"] == "source"]
    refs = {r for refs in sources["refs"] for r in refs.split(", ")}
    assert len(refs) == drawn, "every drawn study sits under at least one source"
    pathway_refs = {r for refs in cells.loc[cells["kind"] == "pathway", "refs"] for r in refs.split(", ")}
    assert pathway_refs == refs, "the pathway block (with its 'No pathway family' row) covers every drawn study"


def test_transcription_factors_are_not_pathway_families():
    cells, *_ = _pathways({})
    families = set(cells.loc[cells["kind"] == "pathway", "category"])
    factors = set(cells.loc[cells["kind"] == "regulator", "category"])
    assert not any(name.startswith(("KLF6", "FoxO", "NR4A1", "ATF4")) for name in families)
    assert {"KLF6", "FoxO (FOXO1, FOXO3a)", "NR4A1 (nuclear receptor)"} <= factors


def test_source_labels_are_spelled_out_without_the_code_ad():
    cells, *_ = _pathways({})
    sources = set(cells.loc[cells["kind"] == "source", "category"])
    assert "Adipose tissue" in sources and not any("(AD)" in s for s in sources)


def test_untagged_studies_are_off_by_default():
    cells, _, counted, _ = _pathways({})
    refs = {r for refs in cells.loc[cells["kind"] == "source", "refs"] for r in refs.split(", ")}
    assert len(refs) == counted["named"]
    shown, _, counted_all, _ = _pathways({"show_untagged": True})
    refs = {r for refs in shown.loc[shown["kind"] == "source", "refs"] for r in refs.split(", ")}
    assert len(refs) == counted_all["studies"]


def test_rare_families_are_pooled_not_dropped():
    cells, *_ = _pathways({"min_studies": 3})
    named = cells[cells["kind"] == "pathway"].groupby("category")["studies"].sum()
    assert "Other (< 3 studies)" in named.index
    assert all(
        n >= 3 for label, n in named.items() if not label.startswith(("Other", "No ", "Transcription factor only"))
    )


@pytest.mark.parametrize("chosen", SELECTIONS[:12], ids=[f"selection{i}" for i in range(12)])
def test_fig1_counts_every_selected_study_once_per_kind(chosen):
    run = start("fig1", {k: v for k, v in chosen.items() if k not in ("min_studies", "show_untagged")})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    cells = evidence.matrix(selected, tagged, ("mechanism", "cargo"))
    for kind in ("mechanism", "cargo"):
        counted = evidence.counted(selected, tagged, kind)
        untagged = cells[(cells["kind"] == kind) & (cells["category"] == evidence.untagged_label(kind))]
        assert untagged["studies"].sum() == counted["unnamed"]
        named = tagged[tagged["kind"] == kind]
        assert cells[(cells["kind"] == kind)]["studies"].sum() == len(named) + counted["unnamed"]
    if not cells.empty:
        rows = fig1.row_order(cells)
        for kind in ("mechanism", "cargo"):
            own = [category for k, category in rows if k == kind]
            if evidence.untagged_label(kind) in own:
                assert own[-1] == evidence.untagged_label(kind), "the studies that name none come last"


# ------------------------------------------------------------------ selections on the figure


@pytest.mark.parametrize(
    "changed, expected",
    [
        ({}, ""),
        ({"diseases": ("AD", "POF"), "modality": "exosomes"}, "Selection: diseases AD, POF · exosomes only"),
        ({"product": "modified"}, "Selection: modified products only"),
        ({"host_species": ("rat",), "min_studies": 2}, "Selection: host species rat · min studies 2"),
        ({"dpi": 300, "formats": ("png",)}, ""),
    ],
)
def test_selection_is_described_from_the_changed_parameters(changed, expected):
    assert params.describe_selection(changed) == expected


def test_a_run_with_other_parameters_says_so_on_the_figure():
    cells, *_ = _pathways({"diseases": "AD"})
    run = start("fig2", {"diseases": "AD"})
    assert run.selection == "Selection: diseases AD"
    fig = fig2.pathway_map(cells, totals={}, title="T", subtitle=run.selection)
    assert "Selection: diseases AD" in {t.get_text() for t in fig.texts}
    canonical = start("fig2", {})
    assert canonical.selection == ""


def test_an_empty_selection_draws_an_empty_state():
    run = start("fig2", {"diseases": "WEAK", "modality": "exosomes"})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    cells = evidence.pathway_matrix(selected, tagged)
    assert cells.empty
    fig = fig2.pathway_map(cells, totals={}, title="T", subtitle=run.selection)
    assert "No study in this selection." in {t.get_text() for t in fig.texts}
    empty = evidence.matrix(selected, tagged)
    assert "No study in this selection." in {t.get_text() for t in fig1.evidence_map(empty, totals={}, title="T").texts}
    view = evidence.pathway_view(selected, tagged, audit_frame())
    assert narrative.pathway_notice(view).startswith("No study")


# ------------------------------------------------------------------ accuracy


@pytest.mark.parametrize(
    "found, truth, expected",
    [
        # (found pairs, true pairs) -> (tp, fp, fn, precision, recall) for category "a"
        ([1, 2], [1, 2], (2, 0, 0, 1.0, 1.0)),
        ([1, 2, 3], [1, 2], (2, 1, 0, 2 / 3, 1.0)),
        ([1], [1, 2], (1, 0, 1, 1.0, 0.5)),
        ([], [1], (0, 0, 1, float("nan"), 0.0)),
        ([], [], (0, 0, 0, float("nan"), float("nan"))),
    ],
)
def test_score_counts_true_and_false_tags(found, truth, expected):
    def frame(rows):
        return pd.DataFrame(
            [("msc_studies", r, "mechanism", "a") for r in rows], columns=["table", "row", "kind", "tag"]
        )

    categories = pd.DataFrame([("mechanism", "a", "A", "")], columns=list(tags.CATEGORY_COLUMNS))
    line = accuracy.score(frame(found), frame(truth), categories).iloc[0]
    got = (line["true positives"], line["false positives"], line["false negatives"], line["precision"], line["recall"])
    for value, want in zip(got, expected):
        assert (math.isnan(value) and math.isnan(want)) or math.isclose(value, want)


def test_the_lexicon_meets_its_accuracy_targets():
    run = start("fig1", {})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    scores = accuracy.score(tagged, accuracy.reference(), tags.load_categories())
    overall = scores.iloc[-1]
    assert overall["precision"] >= accuracy.TARGETS["precision"] and overall["recall"] >= accuracy.TARGETS["recall"]
    per_category = scores[scores["kind"] != "all"].dropna(subset=["precision", "recall"])
    floor = accuracy.TARGETS["category floor"]
    weak = per_category[(per_category["precision"] < floor) | (per_category["recall"] < floor)]
    assert weak.empty, weak.to_string()


def test_the_reference_is_independent_and_reconciled():
    """Two readers, every disagreement or doubt resolved with a reason, every quote printed in its row."""
    from helpers.data import curated

    frame = curated.load("annotation")
    settled = (frame["reader_a"] == "sure") & (frame["reader_b"] == "sure") & (frame["supported"] == "yes")
    assert (frame.loc[~settled, "resolution"].str.len() > 0).all()
    effects = {(t, int(r)): e for t in tags.TABLES for r, e in zip(curated.load(t)["row"], curated.load(t)["effects"])}
    for line in frame.itertuples(index=False):
        assert line.evidence in effects[line.table, int(line.row)], (line.table, line.row, line.evidence)
    assert set(zip(frame["kind"], frame["tag"])) <= set(zip(*[tags.load_categories()[c] for c in ("kind", "tag")]))


def test_the_evidence_map_legend_states_the_studies_per_modality():
    run = start("fig1", {})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    fig = fig1.evidence_map(evidence.matrix(selected, tagged), totals=evidence.per_modality(selected), title="T")
    labels = {t.get_text() for legend in fig.legends for t in legend.get_texts()}
    assert {
        "MSCs (Table 1) as tabulated by the review, n = 28",
        "MSC-derived exosomes (Table 2) as tabulated by the review, n = 28",
    } <= labels
