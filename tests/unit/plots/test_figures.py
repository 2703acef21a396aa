"""Figures 1 and 2: what they count adds up, selections say so, and the tagging meets its targets."""

from __future__ import annotations

import math
import random

import pandas as pd
import pytest
from matplotlib.patches import Rectangle

from helpers.analysis import accuracy, evidence
from helpers.core import vocab
from helpers.data import tags
from helpers.notebook import params
from helpers.notebook.session import start
from helpers.outputs import narrative
from helpers.plots import fig1, fig2

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


def _strands(chosen: dict) -> tuple[pd.DataFrame, dict, dict, pd.DataFrame]:
    run = start("fig2", dict(chosen))
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    frame = evidence.strands(
        selected, tagged, "pathway", untagged=run.values["show_untagged"], min_studies=run.values["min_studies"]
    )
    return frame, selected, evidence.counted(selected, tagged, "pathway"), tagged


@pytest.mark.parametrize("chosen", SELECTIONS, ids=[f"selection{i}" for i in range(len(SELECTIONS))])
def test_every_column_of_fig2_totals_the_studies_drawn(chosen):
    frame, selected, counted, _ = _strands(chosen)
    drawn = len(frame[["table", "row"]].drop_duplicates())
    per_study = frame.groupby(["table", "row"])["weight"].sum()
    assert all(math.isclose(w, 1.0) for w in per_study), "each study weighs exactly 1"
    for column in ("source", "disease", "target"):
        assert math.isclose(evidence.nodes(frame, column)["weight"].sum(), drawn), column
    expected = counted["studies"] if chosen.get("show_untagged") else counted["named"]
    assert drawn == expected
    assert counted["studies"] == sum(len(f) for f in selected.values())


def test_the_drawn_columns_have_equal_height():
    frame, *_ = _strands({})
    fig = fig2.flow_diagram(frame, title="T")
    heights: dict[float, float] = {}
    for patch in fig.axes[0].patches:
        if isinstance(patch, Rectangle):
            x = round(patch.get_x() + patch.get_width() / 2, 3)
            heights[x] = heights.get(x, 0.0) + patch.get_height()
    assert len(heights) == 3
    assert all(math.isclose(h, len(frame[["table", "row"]].drop_duplicates())) for h in heights.values())


def test_pathway_labels_are_spelled_out_and_name_distinct_studies():
    frame, *_ = _strands({})
    fig = fig2.flow_diagram(frame, title="T")
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert "Adipose tissue (AD)  (n = 3)" in texts and "Alzheimer's disease  (n = 2)" in texts
    assert not any(t.startswith("AD ") for t in texts), "a bare tissue code would read as the disease AD"
    assert "Oxidative stress" not in " ".join(texts), "oxidative stress is not a pathway family"


def test_untagged_studies_are_off_by_default_and_counted_in_the_note():
    frame, _, counted, _ = _strands({})
    assert evidence.untagged_label("pathway") not in set(frame["target"])
    note = narrative.flow_note(frame, counted, untagged=False)
    assert f"{counted['unnamed']} of the {counted['studies']} selected studies name no pathway family" in note
    shown, *_ = _strands({"show_untagged": True})
    assert evidence.untagged_label("pathway") in set(shown["target"])


def test_rare_families_are_pooled_not_dropped():
    frame, *_ = _strands({"min_studies": 3})
    named = frame.drop_duplicates(["table", "row", "target"]).groupby("target").size()
    assert "Other (< 3 studies)" in named.index
    assert all(n >= 3 for label, n in named.items() if not label.startswith("Other"))


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
    frame, *_ = _strands({"diseases": "AD"})
    run = start("fig2", {"diseases": "AD"})
    assert run.selection == "Selection: diseases AD"
    fig = fig2.flow_diagram(frame, title="T", subtitle=run.selection)
    assert "Selection: diseases AD" in {t.get_text() for t in fig.texts}
    canonical = start("fig2", {})
    assert canonical.selection == ""


def test_an_empty_selection_draws_an_empty_state():
    run = start("fig2", {"diseases": "WEAK", "modality": "exosomes"})
    selected = evidence.studies(run)
    tagged = evidence.tagged(selected)
    frame = evidence.strands(selected, tagged)
    assert frame.empty
    fig = fig2.flow_diagram(frame, title="T", subtitle=run.selection)
    assert any("No study in this selection" in t.get_text() for t in fig.axes[0].texts)
    empty = evidence.matrix(selected, tagged)
    assert "No study in this selection." in {t.get_text() for t in fig1.evidence_map(empty, totals={}, title="T").texts}
    assert narrative.flow_notice(frame, evidence.counted(selected, tagged, "pathway")).startswith("No study")


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
    assert labels == {"MSCs (Table 1), n = 28", "MSC-derived exosomes (Table 2), n = 28"}
