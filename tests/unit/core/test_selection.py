"""helpers.core.selection: which rows a run's parameters keep (issue 21, a mutant only nbval caught)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pytest

from helpers.core.selection import selected_rows
from helpers.core.vocab import ALL


@dataclass
class FakeRun:
    """The part of a notebook run that :func:`selected_rows` reads (the ``Selecting`` protocol)."""

    values: dict = field(default_factory=dict)
    exhibit: object = None
    selection: str = ""

    def selected(self, name: str):
        value = self.values.get(name)
        return None if value is None else tuple(value)


DERIVED = pd.DataFrame(
    {
        "disease_code": ["AD", "POF", "AD", "SKIN", "AD"],
        "tissue": ["UC", "AD", "UC+AD", "BM+UC", None],
        "modality": ["cells", "cells", "exosomes", "cells", "cells"],
    }
)

SELECTIONS = [
    # rule, parameters, rows kept (index of DERIVED)
    ("one source keeps single-source rows and each multi-source row naming it", {"sources": ["UC"]}, [0, 2, 3]),
    ("any selected source keeps a row with several sources", {"sources": ["AD"]}, [1, 2]),
    ("two sources keep a row that names one of them", {"sources": ["BM", "AD"]}, [1, 2, 3]),
    ("a row naming both of two selected sources is kept once", {"sources": ["UC", "AD"]}, [0, 1, 2, 3]),
    ("a row without a source is not kept by a source filter", {"sources": ["UC"]}, [0, 2, 3]),
    ("all sources keep every row, even one without a source", {"sources": [ALL]}, [0, 1, 2, 3, 4]),
    ("parameters combine with and", {"sources": ["UC"], "diseases": ["AD"]}, [0, 2]),
    ("a parameter whose column is absent filters nothing", {"product": ["modified"]}, [0, 1, 2, 3, 4]),
    ("modality filter", {"modality": ["exosomes"]}, [2]),
    ("no selecting parameter keeps every row", {}, [0, 1, 2, 3, 4]),
]


@pytest.mark.parametrize("rule, params, kept", SELECTIONS, ids=[s[0] for s in SELECTIONS])
def test_any_selected_code_keeps_a_row(rule, params, kept):
    """A cell may name several codes ("UC+AD"); any selected one keeps the row, every parameter must agree."""
    keep = selected_rows(DERIVED, FakeRun(values=params))
    assert list(DERIVED.index[keep]) == kept, rule
