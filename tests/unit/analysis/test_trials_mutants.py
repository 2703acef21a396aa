"""The trials landscape's last surviving mutants, rule by rule (issue 21).

Expected values are a reading of the printed Table 3 (seed text, lines 232-256, and its transcription
``data/clinical_trials.csv``) and the rules the module's docstrings state: an enrollment is shown as printed, a
disease code the vocabulary does not name is shown as coded, a row Table 3 does not print has no printed route,
and the notes beside a row are joined in the order the ``_notes`` docstring lists them. Each test computes what it
checks inside the test (no module fixture), so that mutmut credits it with every function it reaches.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from helpers.analysis import trials as trial_lines
from helpers.data import coded, curated

DATA = Path(__file__).resolve().parents[3] / "data"


def _printed_enrollment() -> dict[int, str]:
    """Table 3's Enrollment cells as the transcription holds them (text, row -> cell)."""
    with (DATA / "clinical_trials.csv").open(encoding="utf-8", newline="") as handle:
        return {int(r["row"]): r["enrollment"] for r in csv.DictReader(handle)}


def test_the_enrollment_reads_as_printed_a_whole_number_of_participants():
    lines = trial_lines.landscape(coded.trials())
    shown = {int(r): str(n) for r, n in zip(lines["row"], lines["enrollment"])}
    # Table 3 prints whole numbers (40, 60, 60, 3, ... 78, 20): "10", never "10.0"
    assert shown == _printed_enrollment()
    assert shown[16] == "5" and shown[17] == "78" and shown[13] == "100"


def _unprinted_row(code: str) -> pd.DataFrame:
    """Table 3's row 5 (NCT06132542) copied as a row 19 that Table 3 does not print, filed under ``code``."""
    trials = coded.trials()
    extra = trials[trials["row"] == 5].copy()
    extra["row"] = pd.array([19], dtype="Int64")
    extra["disease_code"] = pd.array([code], dtype="string")
    return pd.concat([trials, extra], ignore_index=True)


def test_a_disease_code_the_vocabulary_does_not_name_is_shown_as_coded():
    lines = trial_lines.landscape(_unprinted_row("OA")).set_index("row")
    assert lines.at[19, "disease"] == "OA"
    assert lines.at[19, "label"] == "NCT06132542  (OA)"
    # the printed codes are still spelled out by the legend of Table 3
    assert lines.at[5, "disease"] == "Premature ovarian failure"
    assert lines.at[17, "disease"] == "Atherosclerosis"


def test_a_row_table_3_does_not_print_has_no_route_rather_than_an_invented_one():
    lines = trial_lines.landscape(_unprinted_row("POF")).set_index("row")
    assert lines.at[19, "route"] == ""
    # the printed rows keep their printed Migration method cells (T3 rows 5, 16, 18)
    assert lines.at[5, "route"] == "OV"
    assert lines.at[16, "route"] == "NA (printed; legend: Not Applicable)"
    assert lines.at[18, "route"] == "Superficial injection"


def test_two_notes_beside_one_row_are_both_shown_separated_by_a_semicolon(monkeypatch):
    trials = coded.trials()  # read before the printed table is changed below
    purpose = "Autologous MSCs for POF and several other ovarian disorders"
    load = curated.load

    def load_with_a_wider_purpose_on_row_2(name, *args, **kwargs):
        frame = load(name, *args, **kwargs)
        if name == "clinical_trials":
            frame = frame.copy()
            frame.loc[frame["row"].astype(int) == 2, "purpose"] = purpose
        return frame

    monkeypatch.setattr(curated, "load", load_with_a_wider_purpose_on_row_2)
    lines = trial_lines.landscape(trials).set_index("row")
    # row 2 prints the Results cell of row 3 word for word, and now a purpose naming several diseases
    copy = "Results text word for word as in row 3 of Table 3; not checked against the registry"
    wider = f"filed under POF, but the purpose as printed reads '{purpose}'"
    assert lines.at[2, "note"] == f"{copy}; {wider}"
    assert lines.at[3, "note"] == "Results text word for word as in row 2 of Table 3; not checked against the registry"
