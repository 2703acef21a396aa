"""The analyses beyond the paper: the coded dataset, gap map, trial landscape, dosing, design, timeline, vesicles."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from helpers.analysis import crossing, dosing, gapmap, timeline, vesicles
from helpers.analysis import trials as trial_lines
from helpers.data import coded
from helpers.notebook.session import start
from helpers.outputs import narrative
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def studies() -> pd.DataFrame:
    return coded.studies()


@pytest.fixture(scope="module")
def trials() -> pd.DataFrame:
    return coded.trials()


# ------------------------------------------------------------------ the coded dataset


def test_one_row_per_study_and_trial_keyed_by_table_and_row(studies, trials):
    assert len(studies) == 56 and len(trials) == 18
    assert not studies.duplicated(["table", "row"]).any() and not trials.duplicated(["table", "row"]).any()
    assert set(studies["table"]) == {"table1", "table2"} and set(trials["table"]) == {"table3"}


def test_every_documented_column_is_there_and_every_gap_has_a_reason(studies, trials):
    for frame, columns in ((studies, coded.STUDY_COLUMNS), (trials, coded.TRIAL_COLUMNS)):
        assert set(columns) <= set(frame.columns)
        for name in frame.columns:
            reason = f"{name}_missing"
            if reason in frame.columns and reason not in columns:
                empty = frame[name].isna()
                assert (frame.loc[empty, reason].str.len() > 0).all(), f"{name}: a missing value without a reason"
                assert (frame.loc[~empty, reason] == "").all(), f"{name}: a value with a reason"
    dose_empty = studies["dose_kind"].isna()
    assert (studies.loc[dose_empty, "dose_missing"].str.len() > 0).all()


def test_numbers_are_numbers_and_units_have_their_own_column(studies):
    assert pd.api.types.is_float_dtype(studies["dose_low"]) and pd.api.types.is_float_dtype(studies["follow_up_days"])
    assert set(studies["dose_unit"].dropna()) == {"cells", "particles", "µg", "mg/kg", "µg/mL"}
    assert studies["year"].between(1990, 2026).all()


def test_the_written_dataset_is_what_the_functions_return(studies, trials):
    """The analysis notebooks call the functions; users read the files: they must be the same rows.

    The files also carry the audit's columns (the dataset notebook's default ``flagged: mark``).
    """
    from helpers.audit import flags as audit_flags
    from helpers.data import flags

    published = flags.package(studies, trials, audit_flags.by_row(), "mark")
    for name, frame in (("studies", published[0]), ("trials", published[1])):
        written = (ROOT / "tables" / f"{name}.csv").read_text(encoding="utf-8")
        assert written == frame.to_csv(index=False, lineterminator="\n")
        back = pd.read_csv(io.StringIO(written))
        assert list(back.columns) == list(frame.columns)


def test_the_data_package_validates_with_frictionless():
    import frictionless

    report = frictionless.Package(str(ROOT / "tables" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_the_dictionary_describes_every_column(studies, trials):
    described = set(coded.dictionary()["column"])
    assert set(coded.STUDY_COLUMNS) | set(coded.TRIAL_COLUMNS) <= described


# ------------------------------------------------------------------ gap map


def test_the_gap_map_states_what_the_data_show(studies, trials):
    cells = gapmap.grid(studies, trials)
    facts = gapmap.facts(cells)
    assert set(facts["sources_preclinical_only"]) == {"AM", "DP"}
    assert facts["sources_clinical_only"] == ["UCB"]
    text = narrative.gap_notice(studies, trials, facts)
    assert "28 exosome preclinical rows (Table 2) stand beside 4 exosome clinical studies" in text
    assert "Dental pulp (DP-MSC)" in text and "Umbilical cord blood (UCB-MSC)" in text


def test_every_study_and_trial_is_in_the_grid(studies, trials):
    cells = gapmap.grid(studies, trials)
    sources_per_study = studies["tissue"].str.count(r"\+") + 1
    assert cells["preclinical"].sum() == sources_per_study.sum()
    clinical = cells["trials"].sum() + cells["other_clinical"].sum()
    assert clinical == (trials["tissue"].str.count(r"\+") + 1).sum()
    both = cells[(cells["preclinical"] > 0) & (cells["trials"] + cells["other_clinical"] > 0)]
    assert (both["gap"] == "both").all()


# ------------------------------------------------------------------ trials


def test_the_trial_landscape_keeps_the_retrospective_study_apart(trials):
    lines = trial_lines.landscape(trials)
    assert len(lines) == 18
    unregistered = lines[~lines["registered"]]
    assert len(unregistered) == 1 and unregistered.iloc[0]["phase"] == trial_lines.NOT_A_TRIAL
    assert unregistered.iloc[0]["design"] == "retrospective cohort study"
    assert lines.index[~lines["registered"]].tolist() == [17], "drawn last, below the trials"
    assert "no registry number" in unregistered.iloc[0]["identifier"]
    text = narrative.trials_notice(lines)
    assert "took part" not in text and "planned" not in text


# ------------------------------------------------------------------ timeline, crossing, dosing


def test_the_timeline_counts_every_study_once(studies):
    counts = timeline.by_year(studies)
    assert counts["studies"].sum() == len(studies)
    named = timeline.named_by_year(studies)
    assert [name for name, _ in named.attrs["groups"]] == ["Mechanisms", "Pathway families"]
    assert timeline.tables_by_year(studies).to_numpy().sum() == len(studies)


@pytest.mark.parametrize(
    "values, expected",
    [
        (["a", "a+b", None], {"a": 2, "b": 1, crossing.NOT_REPORTED: 1}),
        (["x"], {"x": 1}),
    ],
)
def test_crossed_counts_each_value_and_never_drops_the_unreported(values, expected):
    frame = pd.DataFrame(
        {
            "value": pd.array(values, dtype="string"),
            "disease_code": "AD",
            "modality": "cells",
            "ref": range(1, len(values) + 1),
        }
    )
    out = crossing.crossed(frame, "value", "K")
    assert dict(zip(out["category"], out["studies"])) == expected


def test_dosing_completeness_and_routes(studies):
    matrix = dosing.completeness(studies)
    assert len(matrix) == len(studies) and set(dosing.ITEMS) <= set(matrix.columns)
    in_vitro = studies["setting"] == "in vitro"
    assert (matrix.loc[in_vitro.to_numpy(), "how the model was made"] == "not applicable").all()
    summary = dosing.completeness_summary(matrix)
    assert summary["share"].between(0, 100).all()
    routes = dosing.routes(studies)
    assert routes["studies"].sum() == len(studies)  # one route per study, in vitro studies apart
    assert "NA (printed)" in set(routes["route"])
    assert dosing.missing(studies)["dose"] == int(studies["dose_kind"].isna().sum())


def test_the_design_rows_cover_every_study_in_each_group(studies):
    cells = crossing.design_cells(studies)
    relation = cells[cells["kind"] == "Donor to host"]
    assert relation["studies"].sum() == len(studies)
    product = cells[cells["kind"] == "Product and delivery"]
    native = product.loc[product["category"] == "as obtained (native)", "studies"].sum()
    assert native == (studies["product"] == "native").sum()


# ------------------------------------------------------------------ empty selections


@pytest.mark.parametrize("exhibit", ["gapmap", "trials", "dosing", "design", "timeline", "vesicles", "effects"])
def test_a_selection_with_nothing_to_draw_gives_an_empty_state_not_a_crash(exhibit, monkeypatch):
    from helpers.analysis import effects
    from helpers.plots import dosing as dosing_plot
    from helpers.plots import effects as effects_plot
    from helpers.plots import fig1
    from helpers.plots import gapmap as gapmap_plot
    from helpers.plots import timeline as timeline_plot
    from helpers.plots import trials as trials_plot
    from helpers.plots import vesicles as vesicles_plot

    params = {"diseases": "WEAK", "modality": "exosomes"}
    run = start(exhibit, params)
    chosen_studies, chosen_trials = coded.selected(run)
    assert chosen_studies.empty and chosen_trials.empty
    figures = {
        "gapmap": lambda: gapmap_plot.gap_map(gapmap.grid(chosen_studies, chosen_trials), title="T"),
        "trials": lambda: trials_plot.trial_landscape(trial_lines.landscape(chosen_trials), title="T"),
        "dosing": lambda: dosing_plot.dosing_figure(
            dosing.doses(chosen_studies),
            dosing.follow_up(chosen_studies),
            dosing.incubation(chosen_studies),
            dosing.routes(chosen_studies),
            pd.DataFrame(),
            dosing.ITEMS,
            missing=dosing.missing(chosen_studies),
            title="T",
        ),
        "design": lambda: fig1.evidence_map(crossing.design_cells(chosen_studies), totals={}, title="T"),
        "timeline": lambda: timeline_plot.timeline(timeline.by_year(chosen_studies), pd.DataFrame(), title="T"),
        "vesicles": lambda: vesicles_plot.vesicles(
            vesicles.marks(vesicles.exosome_rows(chosen_studies)),
            vesicles.counts(vesicles.exosome_rows(chosen_studies)),
            pd.DataFrame(columns=["item", "rows printing it", "out of", "printed rows"]),
            title="T",
        ),
        "effects": lambda: effects_plot.effects(effects.counts(chosen_studies), title="T"),
    }
    fig = figures[exhibit]()
    texts = [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]
    assert any(t.startswith("No ") for t in texts)


# ------------------------------------------------------------------ many studies, many trials


@pytest.mark.parametrize(("copies", "drawn", "cut"), [(1, 18, False), (4, 72, False), (5, 80, True), (100, 80, True)])
def test_the_trial_landscape_draws_at_most_max_lines_and_says_so(trials, copies, drawn, cut):
    """Past :data:`trials_plot.MAX_LINES` trials, the first ones are drawn and the note counts the rest."""
    from helpers.plots import trials as trials_plot

    lines = trial_lines.landscape(pd.concat([trials] * copies, ignore_index=True))
    fig = trials_plot.trial_landscape(lines, title="T", note="N.")
    ax = fig.axes[0]
    assert len(ax.get_yticks()) == drawn
    assert [t.get_text() for t in ax.get_yticklabels()] == list(lines["label"].head(drawn))
    notes = " ".join(t.get_text() for t in fig.texts).replace("\n", " ")
    assert (f"the first {trials_plot.MAX_LINES} of {len(lines)} rows" in notes) is cut
    assert notes.count("N.") == 1


@pytest.mark.parametrize(("copies", "rasterized"), [(1, False), (20, True)])
def test_the_dosing_strips_are_vector_for_the_review_and_raster_at_scale(studies, copies, rasterized):
    """One vector mark per study while there are a few hundred marks; an image above, so files stay small."""
    from matplotlib.collections import LineCollection, PathCollection

    from helpers.plots import dosing as dosing_plot

    many = pd.concat([studies] * copies, ignore_index=True)
    doses = dosing.doses(many)
    fig = dosing_plot.dosing_figure(
        doses,
        dosing.follow_up(many),
        dosing.incubation(many),
        dosing.routes(many),
        dosing.completeness_summary(dosing.completeness(many)),
        dosing.ITEMS,
        missing=dosing.missing(many),
        title="T",
    )
    dose_panel = fig.axes[0]
    marks = [c for c in dose_panel.collections if isinstance(c, PathCollection) and c.get_gid() == "dose-points"]
    # One mark per study, two for a study whose printed arms differ (lowest and highest).
    assert sum(len(c.get_offsets()) for c in marks) == len(doses) + int((doses["dose_high"] != doses["dose_low"]).sum())
    assert sum(len(c.get_segments()) for c in dose_panel.collections if isinstance(c, LineCollection)) == int(
        (doses["dose_high"] != doses["dose_low"]).sum()
    )
    assert {c.get_rasterized() for c in dose_panel.collections} == {rasterized}
