"""The audit inside the exhibits: findings per row, the audit columns, and the ``flagged`` parameter."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers.audit import flags as audit_flags  # noqa: E402
from helpers.core import vocab  # noqa: E402
from helpers.data import coded, flags  # noqa: E402
from helpers.notebook import params  # noqa: E402
from helpers.plots import flags as plot_flags  # noqa: E402


def audit_table(*items):
    """Rows of an audit table (helpers.audit.runner.frame): key, severity, table, row, verdict."""
    out = []
    for rule, severity, table, row, *rest in items:
        verdict = rest[0] if rest else "confirmed"
        out.append(
            {"key": f"{rule}|{table}|{row}|x|", "severity": severity, "table": table, "row": row, "verdict": verdict}
        )
    return pd.DataFrame(out, columns=["key", "severity", "table", "row", "verdict"])


@pytest.mark.parametrize(
    "items, expected",
    [
        # A warning of a meaning rule flags; the ids are listed in rule order, the worst severity kept.
        (
            [("W4", "warning", "table2", "16"), ("R3", "check", "table2", "16")],
            [("table2", 16, "R3;W4", "warning", True)],
        ),
        # An error flags.
        ([("W2", "error", "table1", "9")], [("table1", 9, "W2", "error", True)]),
        # A check never flags, even of a meaning rule: just below the line.
        ([("W4", "check", "table1", "22")], [("table1", 22, "W4", "check", False)]),
        # A spelling rule at warning lists but does not flag ("Iv" for IV).
        ([("A5", "warning", "table2", "20")], [("table2", 20, "A5", "warning", False)]),
        # The spelling family's meaning rules do flag: a route no legend explains.
        ([("A3", "warning", "table1", "13")], [("table1", 13, "A3", "warning", True)]),
        ([("I9", "warning", "table3", "17")], [("table3", 17, "I9", "warning", True)]),
        # A dismissed finding is not carried.
        ([("W4", "warning", "table2", "16", "dismissed")], []),
        # Findings not on a printed row (a reference, a legend, a header) are not row findings.
        (
            [
                ("I1", "error", "references", "34"),
                ("A1", "warning", "abbreviations", "table4:2"),
                ("L4", "warning", "table2", "header"),
            ],
            [],
        ),
    ],
)
def test_findings_per_row(items, expected):
    got = audit_flags.flags(audit_table(*items))
    assert list(got.itertuples(index=False, name=None)) == expected


@pytest.fixture(scope="module")
def found() -> pd.DataFrame:
    return audit_flags.by_row()


def test_the_rows_the_issue_names_are_flagged_on_the_real_data(found):
    # Recounted from the print: T1 row 13 cites a patient study (ref. 24) for naturally aged mice (R3);
    # T2 row 16 prints IV 100 mg of exosomes (W4); T3 rows 2 and 3 print the same results and enrollment (X1).
    got = {(t, r): (f, flag) for t, r, f, _, flag in found.itertuples(index=False, name=None)}
    assert "R3" in got[("table1", 13)][0].split(";") and got[("table1", 13)][1]
    assert got[("table2", 16)] == ("W4", True)
    assert got[("table3", 2)][1] and got[("table3", 3)][1]
    assert got[("table2", 20)] == ("A5", False)  # "Iv": spelling only


@pytest.mark.parametrize("mode", vocab.FLAGGED)
def test_each_choice_of_flagged_on_the_coded_studies(found, mode):
    studies = coded.studies()
    out = flags.apply(studies, found, mode)
    if mode == "keep":
        assert out is studies
        return
    assert list(out.columns) == [*studies.columns, *flags.COLUMNS]
    flagged_keys = set(zip(found.loc[found["audit_flag"], "table"], found.loc[found["audit_flag"], "row"]))
    keys = set(zip(out["table"], out["row"]))
    if mode == "mark":
        assert len(out) == len(studies)
        marked = set(zip(out.loc[out["audit_flag"], "table"], out.loc[out["audit_flag"], "row"]))
        assert marked == {k for k in flagged_keys if k[0] != "table3"}
        assert out.loc[out["row"].eq(16) & out["table"].eq("table2"), "audit_findings"].item() == "W4"
        assert out.loc[out["row"].eq(2) & out["table"].eq("table1"), "audit_findings"].item() == ""
    else:
        assert not keys & flagged_keys and len(out) == len(studies) - len({k for k in flagged_keys if k[0] != "table3"})


def test_attach_keeps_rows_and_order_of_any_frame_with_table_and_row(found):
    frame = pd.DataFrame({"table": ["table2", "table1", "table2"], "row": [16, 2, 16], "value": [1.0, 2.0, 3.0]})
    out = flags.attach(frame, found)
    assert out["value"].tolist() == [1.0, 2.0, 3.0]
    assert out["audit_flag"].tolist() == [True, False, True]


def test_the_package_describes_every_column_it_writes(found):
    studies, trials, package = flags.package(coded.studies(), coded.trials(), found, "mark")
    for resource, frame in zip(package["resources"], (studies, trials)):
        assert [f["name"] for f in resource["schema"]["fields"]] == list(frame.columns)
    _, _, plain = flags.package(coded.studies(), coded.trials(), None, "keep")
    assert "audit_flag" not in {f["name"] for r in plain["resources"] for f in r["schema"]["fields"]}
    assert set(flags.COLUMNS) <= set(flags.dictionary("mark")["column"])


@pytest.mark.parametrize("value, expected", [("keep", "keep"), ("MARK", "mark"), (" drop ", "drop")])
def test_flagged_parameter_accepts_its_choices(value, expected):
    assert params._normalise("flagged", value, "mark", ("csv",)) == expected


@pytest.mark.parametrize("value", ["all", "hide", "", "keep,drop", None])
def test_flagged_parameter_refuses_anything_else_naming_the_parameter(value):
    with pytest.raises(params.ParameterError, match=r"parameter 'flagged'.*allowed: keep, mark, drop"):
        params._normalise("flagged", value, "mark", ("csv",))


def test_apply_refuses_an_unknown_choice_and_a_missing_audit():
    frame = pd.DataFrame({"table": ["table1"], "row": [1]})
    with pytest.raises(ValueError, match="flagged"):
        flags.apply(frame, None, "hide")
    with pytest.raises(ValueError, match="needs the audit"):
        flags.apply(frame, None, "mark")


def test_a_selection_names_the_flagged_choice():
    assert params.describe_selection({"flagged": "drop"}) == "Selection: audit-flagged rows dropped"


def test_the_dataset_notebook_declares_flagged_with_exactly_the_vocab_choices():
    from tests.conftest import ROOT
    from tests.unit.core.test_vocab import _parameter_comments

    comment = _parameter_comments(ROOT / "notebooks" / "dataset.ipynb")["flagged"]
    listed = [w.strip().split(" ")[0] for w in comment.split(":", 1)[1].split(",")]
    assert tuple(w.strip() for w in listed) == vocab.FLAGGED


def test_ring_draws_one_hollow_ring_per_flagged_point_scaled_to_its_marker():
    fig, ax = plt.subplots()
    sizes = np.array([10.0, 20.0, 30.0])
    coll = plot_flags.ring(ax, [0, 1, 2], [0, 1, 2], [False, True, True], size=sizes)
    assert coll.get_offsets().tolist() == [[1.0, 1.0], [2.0, 2.0]]
    assert coll.get_sizes().tolist() == [20.0 * plot_flags.RING_SCALE, 30.0 * plot_flags.RING_SCALE]
    assert len(coll.get_facecolors()) == 0 or coll.get_facecolors()[:, 3].max() == 0  # hollow
    assert plot_flags.ring(ax, [0], [0], [False]) is None
    assert plot_flags.legend_handle().get_label() == plot_flags.LABEL
    plt.close(fig)
