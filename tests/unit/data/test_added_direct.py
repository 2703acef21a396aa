"""The provenance of added rows (``helpers.data.added.provenance``) in the printed edition, called directly.

Rule (its docstring): the added rows' provenance is empty in the printed edition, whatever the resource,
and empty for a resource no addition extends; it has the columns key, doi, pmid, date_added, added_by.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.core import edition
from helpers.data import added, additions


@pytest.mark.parametrize("resource", ["references", "msc_studies", "clinical_trials", "tissue_sources"])
def test_the_printed_edition_has_no_added_rows_for_any_resource(resource, monkeypatch):
    """In the printed edition nothing was added: an empty frame with the provenance columns."""
    monkeypatch.setattr(edition, "_edition", edition.PRINTED)
    # Whatever data/additions/ holds, the printed edition never reads it: here it would hold one added row.
    one = pd.DataFrame({"ref": [90], "row": [30], "doi": ["10.1000/x"], "pmid": [""], "date_added": ["2025-01-01"]})
    monkeypatch.setattr(additions, "load", lambda name: one.assign(added_by="A. Curator"))
    got = added.provenance(resource)
    assert list(got.columns) == ["key", "doi", "pmid", "date_added", "added_by"]
    assert len(got) == 0
