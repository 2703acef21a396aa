"""Which exhibits take the ``edition`` parameter, and so which runs ``review build --edition current`` keeps.

Every exhibit that shows rows of Tables 1-3 or the reference list takes it: the reproductions of the printed
tables, the audit, the references, the dataset and the figures. Three do not, each for a reason of its own.
"""

from __future__ import annotations

import pytest

from helpers.core import catalog, paths
from helpers.notebook.params import declared
from review import editions

#: Exhibits without an edition, and why.
WITHOUT = {
    "table4": "the tissue sources: data/additions/ extends Tables 1-3 and the references, not Table 4",
    "selection": "how the review used its own reference list, read from its printed body text",
    "registry": "Table 3 beside a registry snapshot, chosen by its own snapshot parameter",
}


@pytest.mark.parametrize("exhibit", list(catalog.EXHIBITS))
def test_every_exhibit_but_three_takes_the_edition(exhibit):
    assert (exhibit in editions.notebooks()) is (exhibit not in WITHOUT), WITHOUT.get(exhibit, exhibit)


@pytest.mark.parametrize("exhibit", ["table1", "table2", "table3", "audit", "references"])
def test_edition_comes_after_the_content_parameters_and_before_the_files(exhibit):
    names = list(declared(paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"))
    tail = ["edition", "formats", "output_dir"]
    assert names[-3:] == tail, names
    assert editions.run_dir(exhibit).name == f"{exhibit}_edition-current"
