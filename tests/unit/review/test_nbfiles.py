"""Executed notebooks are cleaned into a pure function of code and data."""

from __future__ import annotations

import pytest

from review import nbfiles


def _stream(name, text):
    return {"output_type": "stream", "name": name, "text": text}


@pytest.mark.parametrize(
    "outputs, expected",
    [
        ([_stream("stdout", "a\n"), _stream("stdout", "b")], [_stream("stdout", "a\nb")]),
        ([_stream("stdout", ["a\n", "b"]), _stream("stdout", "\n")], [_stream("stdout", "a\nb\n")]),
        ([_stream("stdout", "a"), _stream("stderr", "w")], [_stream("stdout", "a"), _stream("stderr", "w")]),
        (
            [_stream("stdout", "a"), {"output_type": "display_data"}, _stream("stdout", "b")],
            [_stream("stdout", "a"), {"output_type": "display_data"}, _stream("stdout", "b")],
        ),
        ([], []),
    ],
)
def test_one_print_is_one_output_however_the_kernel_flushed_it(outputs, expected):
    assert nbfiles.coalesce_streams(outputs) == expected


def test_clean_strips_volatile_metadata_and_merges_streams():
    nb = {
        "metadata": {"papermill": {}, "language_info": {"name": "python", "version": "3.11.7"}},
        "cells": [
            {
                "cell_type": "code",
                "metadata": {"execution": {}, "papermill": {}, "tags": []},
                "outputs": [_stream("stdout", "x"), _stream("stdout", "\n")],
            }
        ],
    }
    cleaned = nbfiles.clean(nb)
    assert "papermill" not in cleaned["metadata"] and "version" not in cleaned["metadata"]["language_info"]
    assert cleaned["cells"][0]["metadata"] == {"tags": []}
    assert cleaned["cells"][0]["outputs"] == [_stream("stdout", "x\n")]


def test_the_cleaning_version_is_part_of_the_code_hash(monkeypatch):
    from tests.conftest import ROOT

    notebook = ROOT / "notebooks" / "table4.ipynb"
    before = nbfiles.code_hash(notebook)
    monkeypatch.setattr(nbfiles, "CLEAN_VERSION", nbfiles.CLEAN_VERSION + 1)
    assert nbfiles.code_hash(notebook) != before
