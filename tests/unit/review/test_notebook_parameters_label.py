"""The label of a notebook's parameters cell on the site (``NotebookRenderer.code`` and its label).

The rule, from :meth:`NotebookRenderer._parameters_label`'s docstring: a run
(a view) papermill made has an ``injected-parameters`` cell whose values
replace the declared defaults and made the page; in such a notebook the
``parameters`` cell only declares the defaults; in a notebook that ran on its
defaults the ``parameters`` cell's defaults made the page. A cell tagged
either way is labelled above its highlighted code; any other cell is not.
The labels are written out in full, as the page shows them.
"""

from __future__ import annotations

import re

import pytest

from review.site.notebook import NotebookRenderer, highlighted

SOURCE = "dose_unit = 'cells'\n"
OF_THIS_RUN = "Parameters of this run (they replace the defaults above, and made this page)"
DECLARED = "Parameters the notebook declares, with their defaults"
DEFAULTS_MADE_IT = "Parameters (their defaults made this page)"


def renderer(*, injected: bool) -> NotebookRenderer:
    """A renderer in the state rendering a notebook leaves it: ``injected`` when it ran with injected parameters."""
    r = NotebookRenderer("Title", "Caption")
    r.injected = injected
    return r


def labelled(label: str) -> str:
    return f'<div class="input"><p class="input-label">{label}</p>{highlighted(SOURCE)}</div>'


@pytest.mark.parametrize(
    "injected, tags, expected",
    [
        (False, ["parameters"], labelled(DEFAULTS_MADE_IT)),
        (True, ["parameters"], labelled(DECLARED)),
        # The injected cell is labelled as the run's values, whatever the notebook's state says.
        (True, ["injected-parameters"], labelled(OF_THIS_RUN)),
        (False, ["injected-parameters"], labelled(OF_THIS_RUN)),
        (True, ["other", "injected-parameters"], labelled(OF_THIS_RUN)),
        # No parameters tag: the code alone, no label.
        (True, ["other"], f'<div class="input">{highlighted(SOURCE)}</div>'),
        (False, [], f'<div class="input">{highlighted(SOURCE)}</div>'),
    ],
    ids=[
        "defaults-made-the-page",
        "defaults-replaced-by-a-run",
        "injected-cell-of-a-view",
        "injected-cell-alone",
        "injected-among-other-tags",
        "other-tag-no-label",
        "no-tags-no-label",
    ],
)
def test_a_parameters_cell_says_whose_values_made_the_page(injected, tags, expected):
    """A parameters cell is labelled with whose values made the page; an injected cell as the run's values."""
    assert renderer(injected=injected).code(SOURCE, {"tags": tags}) == expected


@pytest.mark.parametrize(
    "injected, tags, label",
    [
        (False, ["parameters"], DEFAULTS_MADE_IT),
        (True, ["parameters"], DECLARED),
        (False, ["injected-parameters"], OF_THIS_RUN),
        (True, ["injected-parameters"], OF_THIS_RUN),
    ],
    ids=["defaults", "declared", "run-alone", "run-in-view"],
)
def test_parameters_label_in_full(injected, tags, label):
    """The label's words, capital first, exactly as the page prints them."""
    assert renderer(injected=injected)._parameters_label(tags) == label


def test_a_view_notebook_labels_its_declared_and_its_injected_cell():
    """A papermill run: the declared cell says it holds defaults, the injected cell says its values made the page."""
    notebook = {
        "cells": [
            {"cell_type": "code", "source": SOURCE, "metadata": {"tags": ["parameters"]}, "outputs": []},
            {"cell_type": "code", "source": SOURCE, "metadata": {"tags": ["injected-parameters"]}, "outputs": []},
        ]
    }
    page = NotebookRenderer("Title", "Caption").render(notebook)
    assert re.findall(r'<p class="input-label">(.*?)</p>', page) == [DECLARED, OF_THIS_RUN]
