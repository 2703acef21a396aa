"""Parameter rules to the letter (``helpers.notebook.params``): whole refusal messages and edge values.

The error contract (docs/RELIABILITY.md) asks one message naming the
parameter and what was expected; ``test_params.py`` checks the words, these
tests pin each message whole, written from the rule it states: where a run
may write (only under ``runs/``; never the canonical folders), which
values each kind of parameter takes, and how a selection is described.
"""

from __future__ import annotations

import pytest

from helpers.core import paths
from helpers.notebook.params import ParameterError, describe_selection, validate

TABLE1 = paths.NOTEBOOKS_DIR / "table1.ipynb"
FIG2 = paths.NOTEBOOKS_DIR / "fig2.ipynb"

CANONICAL = (
    "which only the build writes (canonical exhibits, default parameters); "
    "leave output_dir empty or choose a folder elsewhere, e.g. runs/mine"
)
NOT_UNDER_RUNS = "is not under runs/; a run writes only there (e.g. runs/mine); copy its files elsewhere afterwards"


@pytest.mark.parametrize(
    "output_dir, expected",
    [
        ("tables/sub", f"parameter 'output_dir': tables/sub/ is inside tables/, {CANONICAL}"),
        ("notebooks", f"parameter 'output_dir': notebooks/ is inside notebooks/, {CANONICAL}"),
        # inside the project: named from the project root
        ("data", f"parameter 'output_dir': data/ {NOT_UNDER_RUNS}"),
        ("src/helpers", f"parameter 'output_dir': src/helpers/ {NOT_UNDER_RUNS}"),
        # outside it: the absolute path, one slash at the end
        ("/", f"parameter 'output_dir': / {NOT_UNDER_RUNS}"),
        ("/tmp/X", f"parameter 'output_dir': /tmp/X/ {NOT_UNDER_RUNS}"),
    ],
)
def test_a_refused_output_dir_is_named_with_where_a_run_may_write(output_dir, expected):
    """Rule: a run writes only under runs/; the refusal names the folder as the user would and says where to go."""
    with pytest.raises(ParameterError) as info:
        validate("table1", "table", {"output_dir": output_dir}, TABLE1)
    assert str(info.value) == expected


@pytest.mark.parametrize(
    "changed, expected",
    [
        # presentation parameters say nothing of the selection, wherever they come in the order
        ({"dpi": 300, "diseases": ("AD",)}, "Selection: diseases AD"),
        ({"formats": ("png",), "output_dir": "runs/x", "product": "native"}, "Selection: native products only"),
    ],
)
def test_presentation_parameters_are_skipped_not_the_end_of_the_selection(changed, expected):
    """Rule: formats, dpi and output_dir shape files, not content: skipped, and the rest still described."""
    assert describe_selection(changed) == expected


@pytest.mark.parametrize(
    "folder, accepted",
    [
        ("a" * 255, True),  # the longest name a Linux file system takes
        ("a" * 256, False),
        ("é" * 127, True),  # 254 bytes: bytes count, not characters
        ("é" * 128, False),  # 128 characters, 256 bytes
    ],
)
def test_a_folder_name_may_have_at_most_255_bytes(folder, accepted):
    """Rule: a folder name longer than 255 bytes in UTF-8 is refused before any file is written."""
    given = {"output_dir": f"runs/{folder}"}
    if accepted:
        assert validate("table1", "table", given, TABLE1).out_dir == paths.RUNS_DIR / folder
    else:
        with pytest.raises(ParameterError) as info:
            validate("table1", "table", given, TABLE1)
        assert str(info.value) == "parameter 'output_dir': a folder name is longer than 255 bytes"


@pytest.mark.parametrize(
    "given, expected",
    [
        ({"severity": "bad"}, "parameter 'severity': got 'bad'; allowed: error, warning, check"),
        ({"rules": "Z9"}, "parameter 'rules': unknown value(s) 'Z9'; allowed: 'all' or any of I1, I2, I3, "),
    ],
)
def test_audit_parameters_name_themselves_when_refused(given, expected):
    """Rule: the audit's severity takes one of the three levels, its rules only registered rule ids."""
    with pytest.raises(ParameterError) as info:
        validate("audit", "audit", given)
    assert str(info.value).startswith(expected)
