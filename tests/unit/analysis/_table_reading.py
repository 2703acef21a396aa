"""Shared by the table1/table2 reading tests: the printed legend, the notice's numbers, the rows."""

from __future__ import annotations

import os
import re

import pytest

from helpers.data import curated
from helpers.outputs import narrative, tables
from tests.conftest import ROOT, SEED

NUMBER = re.compile(r"\d+")


def printed_legend(first_entry: str) -> str:
    """The legend as the print has it: the paragraph starting with ``first_entry``, and the next
    ones while a paragraph ends in ";" (a legend broken over two paragraphs), joined by a space."""
    if not SEED.exists():
        message = f"the review's text ({SEED.relative_to(ROOT.parent)}) is not beside the project"
        if os.environ.get("CI", "").lower() in {"true", "1", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith(first_entry))
    text = lines[i]
    while text.endswith(";"):
        i += 1
        while not lines[i].strip():
            i += 1
        text += " " + lines[i]
    return text


def notice(resource: str) -> str:
    printed = curated.load(resource)
    derived = tables._derived(resource, printed, curated.load("abbreviations"))
    return narrative.table_notice(resource, printed, derived)


def numbers(text: str) -> list[int]:
    return [int(n) for n in NUMBER.findall(text)]
