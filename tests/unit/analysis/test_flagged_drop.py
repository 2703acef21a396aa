"""``flagged: drop`` in the seven figure exhibits: the counts fall by exactly the audit-flagged rows of the selection.

The expected rows are our own reading of ``tables/audit.csv`` (not the code's
``audit_flag``): the rows of Tables 1-3 with an error or warning, not dismissed,
from a rule that questions what the row's codes mean (families R, W, X; A3, A6;
I9-I11). Spelling findings (A5 "as"/"Iv", T1 "Apo⁻/⁻", "etudy"), the header
finding L4 and A8 (which sits on row 13, flagged anyway by A3 and R3) do not flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pytest

from helpers.analysis import crossing, dosing, evidence, gapmap, timeline
from helpers.analysis import trials as trial_lines
from helpers.audit import runner
from helpers.core.catalog import get
from helpers.core.selection import left_out, selected_rows
from helpers.core.vocab import ALL
from helpers.data import coded
from helpers.data import flags as data_flags
from helpers.notebook import params
from helpers.notebook.session import start

#: Our reading of tables/audit.csv: (table, row) -> the findings that flag it.
FLAGGED_BY_AUDIT = {
    ("table1", 9): "W2 error: the route OV, while the row's own text speaks of intrarenal delivery",
    ("table1", 13): "A3 warning: 'MI' in no legend; R3 warning: the cited title speaks of patients, the row of mice",
    ("table1", 14): "W7 warning: an animal model with co-culture in a dish as its only route",
    ("table1", 22): "R1 warning: the cited title speaks of myocardial infarction, not AS",
    ("table1", 26): "R2 warning: the cited title speaks of GMSCs (gingiva), not the row's source",
    ("table1", 28): "R4 warning: the cited title speaks of conditioned medium, the row is filed under cells",
    ("table2", 9): "W6 warning: an in vitro row whose effects speak of mice",
    ("table2", 16): "W4 warning: a dose about 200-fold outside data/dose_ranges.csv",
    ("table3", 2): "X1 warning: the same results text and enrollment as row 3",
    ("table3", 3): "X1 warning: the same results text and enrollment as row 2",
    ("table3", 17): "I9 warning: no registry number, though the legend names ClinicalTrials.gov",
}
EXPECTED = frozenset(FLAGGED_BY_AUDIT)
STUDIES_FLAGGED = 8  # Table 1 rows 9, 13, 14, 22, 26, 28; Table 2 rows 9, 16
TRIALS_FLAGGED = 3  # Table 3 rows 2, 3, 17


@dataclass
class FakeRun:
    """What the selecting functions read of a run (the ``Selecting`` protocol), with the audit's flagged rows."""

    exhibit_id: str
    values: dict = field(default_factory=dict)
    audit_flagged: frozenset | None = EXPECTED
    selection: str = ""

    @property
    def exhibit(self):
        return get(self.exhibit_id)

    def selected(self, name: str):
        value = self.values.get(name, ALL)
        return None if value == ALL else tuple(value)


def _no_findings() -> pd.DataFrame:
    return runner.frame([])


def _studies(run) -> pd.DataFrame:
    return coded.selected(run)[0]


# What each exhibit counts, computed as its notebook does (findings only mark; they never change a count).
def _fig1(run) -> int:
    selected = evidence.studies(run)
    return sum(evidence.mechanism_view(selected, evidence.tagged(selected), _no_findings()).totals.values())


def _pathway_view(run):
    selected = evidence.studies(run)
    return evidence.pathway_view(selected, evidence.tagged(selected), _no_findings())


def _fig2(run) -> int:
    """The studies selected ("n of the N selected" per disease); the drawn ones are tested below."""
    return sum(selected for _, selected in _pathway_view(run).per_disease.values())


def _design(run) -> int:
    return len(crossing.design_evidence(_studies(run)))


def _dosing(run) -> int:
    return len(dosing.panels(_studies(run)).matrix)


def _timeline(run) -> int:
    return int(timeline.year_totals(_studies(run)).sum())


def _trials(run) -> int:
    return len(trial_lines.landscape(coded.selected(run)[1]))


def _gapmap(run) -> int:
    studies, trials = coded.selected(run)
    shown = gapmap.evidence(studies, trials, None, gapmap.comparators(studies), None)
    return len(set(zip(shown["table"], shown["row"].astype(int))))


#: exhibit -> (what it counts, which printed tables it counts rows of)
COUNTS = {
    "fig1": (_fig1, ("table1", "table2")),
    "fig2": (_fig2, ("table1", "table2")),
    "design": (_design, ("table1", "table2")),
    "dosing": (_dosing, ("table1", "table2")),
    "timeline": (_timeline, ("table1", "table2")),
    "trials": (_trials, ("table3",)),
    "gapmap": (_gapmap, ("table1", "table2", "table3")),
}
SELECTIONS = {
    "all": {},
    "AD": {"diseases": ("AD",)},
    "exosomes": {"modality": "exosomes"},
    "POF and AS": {"diseases": ("POF", "AS")},
}


def _expected_in(run, tables: tuple[str, ...]) -> set:
    """The flagged rows (our reading) among the rows the run's other parameters select."""
    studies, trials = coded.studies(), coded.trials()
    chosen = set()
    for frame in (studies, trials):
        part = frame[selected_rows(frame, run, audit=False)]
        chosen |= set(zip(part["table"], part["row"].astype(int)))
    return {key for key in EXPECTED & chosen if key[0] in tables}


@pytest.mark.parametrize("selection", SELECTIONS, ids=list(SELECTIONS))
@pytest.mark.parametrize("exhibit", COUNTS, ids=list(COUNTS))
def test_drop_lowers_each_exhibit_count_by_exactly_its_flagged_rows(exhibit, selection):
    count, tables = COUNTS[exhibit]
    marked = FakeRun(exhibit, {**SELECTIONS[selection], "flagged": "mark"})
    dropped = FakeRun(exhibit, {**SELECTIONS[selection], "flagged": "drop"})
    assert count(marked) - count(dropped) == len(_expected_in(marked, tables))


@pytest.mark.parametrize(
    "exhibit, fall",
    [
        ("fig1", STUDIES_FLAGGED),
        ("design", STUDIES_FLAGGED),
        ("dosing", STUDIES_FLAGGED),
        ("timeline", STUDIES_FLAGGED),
        ("trials", TRIALS_FLAGGED),
        ("gapmap", STUDIES_FLAGGED + TRIALS_FLAGGED),
    ],
)
def test_with_every_study_selected_the_fall_is_the_printed_count(exhibit, fall):
    """56 studies, 48 after the drop; 18 clinical studies, 15 after it (our reading of tables/audit.csv)."""
    count, _ = COUNTS[exhibit]
    assert count(FakeRun(exhibit, {"flagged": "mark"})) - count(FakeRun(exhibit, {"flagged": "drop"})) == fall


@pytest.mark.parametrize("selection", SELECTIONS, ids=list(SELECTIONS))
def test_fig2_draws_exactly_its_flagged_studies_fewer(selection):
    """Fig. 2 draws only the studies naming a pathway family or factor; drop removes the flagged ones among them."""
    marked = _pathway_view(FakeRun("fig2", {**SELECTIONS[selection], "flagged": "mark"})).drawn
    dropped = _pathway_view(FakeRun("fig2", {**SELECTIONS[selection], "flagged": "drop"})).drawn
    table = {"msc_studies": "table1", "exosome_studies": "table2"}
    flagged_drawn = {(r, n) for r, n in marked if (table[r], n) in EXPECTED}
    assert dropped == marked - flagged_drawn


def test_the_dropped_selection_holds_none_of_the_flagged_rows():
    run = FakeRun("gapmap", {"flagged": "drop"})
    studies, trials = coded.selected(run)
    kept = set(zip(studies["table"], studies["row"])) | set(zip(trials["table"], trials["row"]))
    assert not kept & EXPECTED
    assert (len(studies), len(trials)) == (56 - STUDIES_FLAGGED, 18 - TRIALS_FLAGGED)
    chosen = evidence.studies(FakeRun("fig1", {"flagged": "drop"}))
    assert [len(chosen["msc_studies"]), len(chosen["exosome_studies"])] == [28 - 6, 28 - 2]


@pytest.mark.parametrize("mode", ["keep", "mark"])
def test_keep_and_mark_leave_every_row_in(mode):
    run = FakeRun("fig1", {"flagged": mode}, audit_flagged=None)
    studies, trials = coded.selected(run)
    assert (len(studies), len(trials)) == (56, 18)


def test_a_drop_run_without_the_audits_rows_refuses_rather_than_drop_nothing():
    with pytest.raises(ValueError, match="flagged='drop' needs the audit's flagged rows"):
        left_out(coded.studies(), FakeRun("fig1", {"flagged": "drop"}, audit_flagged=None))


def test_start_fetches_the_rows_our_reading_of_the_audit_expects():
    """The notebook layer asks the audit for the flagged rows; they are the ones read from tables/audit.csv."""
    run = start("timeline", {"flagged": "drop"})
    assert run.audit_flagged == EXPECTED
    assert start("timeline", {}).audit_flagged is None
    assert start("timeline", {"flagged": "keep"}).audit_flagged is None


LINES = [
    # exhibit, selecting parameters, selection line
    (
        "fig1",
        {},
        "Selection: 8 of 56 studies flagged by the audit left out: Table 1 rows 9, 13, 14, 22, 26, 28; "
        "Table 2 rows 9, 16",
    ),
    ("trials", {}, "Selection: 3 of 18 clinical studies flagged by the audit left out: Table 3 rows 2, 3, 17"),
    (
        "gapmap",
        {"diseases": "AS"},
        # AS: Table 1 row 22 (R1) and Table 2 row 16 (W4) of its 9 studies; Table 3 row 17 (I9), its one clinical study.
        "Selection: diseases AS · 2 of 9 preclinical studies and 1 of 1 clinical study flagged by the audit left "
        "out: Table 1 row 22; Table 2 row 16; Table 3 row 17",
    ),
    # The one 'weakness' study (Table 1) carries no flagging finding; Table 3 names no such study.
    (
        "gapmap",
        {"diseases": "WEAK"},
        "Selection: diseases WEAK · 0 of 1 preclinical study flagged by the audit left out",
    ),
    # Table 1 row 28 (R4) is one of the 5 skin-ageing studies.
    (
        "dosing",
        {"diseases": "SKIN"},
        "Selection: diseases SKIN · 1 of 5 studies flagged by the audit left out: Table 1 row 28",
    ),
]


@pytest.mark.parametrize("exhibit, given, line", LINES, ids=[f"{e}-{g}" for e, g, _ in LINES])
def test_the_selection_line_says_how_many_of_how_many_were_left_out_and_which(exhibit, given, line):
    assert start(exhibit, {**given, "flagged": "drop"}).selection == line


def test_the_caption_leads_with_the_choice_and_says_what_the_counts_are_of():
    run = start("fig1", {"flagged": "drop"})
    caption = run.caption("The note.")
    assert caption.startswith("Left out (flagged: drop): the 8 of the 56 studies that the audit flags")
    assert "Table 1 rows 9, 13, 14, 22, 26, 28; Table 2 rows 9, 16." in caption
    assert "Every count and mark here is of the other 48 studies. The note." in caption
    keep = start("fig1", {"flagged": "keep"})
    assert keep.selection == "Selection: audit flags not shown"
    assert keep.caption("The note.").startswith("Audit flags not shown (flagged: keep): the audit was not consulted")
    assert "ignored" not in keep.caption() + keep.selection
    assert start("fig1", {}).caption("The note.") == "The note."


def test_left_out_line_words_one_row_and_no_row():
    assert data_flags.left_out_line([data_flags.LeftOut("studies", [("table2", 16)], 4)]) == (
        "1 of 4 studies flagged by the audit left out: Table 2 row 16"
    )
    assert data_flags.audit_caption("drop", [data_flags.LeftOut("studies", [], 5)]) == (
        "Left out (flagged: drop): none; the audit flags none of the 5 studies selected."
    )
    one = data_flags.audit_caption("drop", [data_flags.LeftOut("clinical studies", [("table3", 17)], 2)])
    assert "the 1 of the 2 clinical studies that the audit flags" in one
    assert one.endswith("Table 3 row 17. Every count and mark here is of the other 1 clinical study.")
    assert data_flags.audit_caption("mark") == ""


@pytest.mark.parametrize("exhibit", COUNTS)
def test_each_figure_notebook_declares_flagged_mark_and_refuses_a_bad_value_naming_it(exhibit):
    from tests.conftest import ROOT

    assert params.declared(ROOT / "notebooks" / f"{exhibit}.ipynb")["flagged"] == "mark"
    with pytest.raises(params.ParameterError, match=r"parameter 'flagged'.*allowed: keep, mark, drop"):
        start(exhibit, {"flagged": "hide"})


def test_every_notebook_cell_has_a_tags_list_for_papermill():
    """papermill reads every cell's ``metadata.tags`` when it injects parameters; without it `review run` fails."""
    import json

    from tests.conftest import ROOT

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        assert all(isinstance(c["metadata"].get("tags"), list) for c in cells), path.name
