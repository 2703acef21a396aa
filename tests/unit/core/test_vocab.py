"""One source for each fact: codes and choices live in helpers.core.vocab, and everything agrees with it."""

from __future__ import annotations

import ast
import json
import re

import pytest

from helpers.core import catalog, vocab
from helpers.data import derive, tags
from helpers.notebook import params
from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _parameter_comments(notebook) -> dict[str, str]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", []))
    out = {}
    for line in "".join(cell["source"]).splitlines():
        name = ast.parse(line.split("#", 1)[0]).body[0].target.id
        out[name] = line.split("#", 1)[1].strip()
    return out


def listed_choices(name: str, comment: str) -> set[str]:
    """The choices a parameters comment offers, by the house convention.

    Lists end the comment as ``…: A, B, C; or "all"``; single-choice
    parameters (``modality``, ``product``) quote their words.
    """
    if name in vocab.SINGLE_CHOICE or name == "edition":
        return set(re.findall(r'"([^"]+)"', comment)) - {vocab.ALL}
    tail = comment.rsplit(":", 1)[1].split(";")[0]
    return {item.strip() for item in tail.split(",") if item.strip()}


@pytest.mark.parametrize(
    "name, comment, expected",
    [
        ("diseases", 'codes: POF, AD; or "all"', {"POF", "AD"}),
        ("sources", 'keep sources used by studies (Tables 1-3): UC, BM; or "all"', {"UC", "BM"}),
        ("modality", '"cells" (Table 1), "exosomes" (Table 2) or "all"', {"cells", "exosomes"}),
        ("formats", "files to write: png, svg", {"png", "svg"}),
    ],
)
def test_the_comment_parser(name, comment, expected):
    assert listed_choices(name, comment) == expected


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_parameter_comments_list_exactly_the_accepted_choices(notebook):
    kind = catalog.get(notebook.stem).kind
    accepted = {**vocab.CHOICES, "formats": vocab.FORMATS[kind], "edition": vocab.EDITIONS}
    for name, comment in _parameter_comments(notebook).items():
        if name in accepted:
            assert listed_choices(name, comment) == set(accepted[name]), (
                f"{notebook.name}: the comment of {name!r} and helpers.core.vocab disagree"
            )


@pytest.mark.parametrize("name", ["diseases", "sources", "host_species"])
def test_every_listed_choice_is_accepted_and_nothing_else(name):
    for code in vocab.CHOICES[name]:
        assert params._choice_list(name, code, params.CHOICES[name]) == (code,)
    with pytest.raises(params.ParameterError, match="allowed"):
        params._choice_list(name, "NOT_A_CODE", params.CHOICES[name])


def test_the_modules_read_their_codes_from_vocab():
    assert derive.DISEASE_CODES is vocab.DISEASE_CODES and derive.TISSUE_CODES is vocab.TISSUE_CODES
    assert params.CHOICES is vocab.CHOICES and tags.TABLES is vocab.PRECLINICAL_TABLES
    assert set(derive.TABLE_LEGENDS) == set(vocab.STUDY_TABLES)
    # Tables that reproduce a printed table name its resource; a table beyond the paper (registry) names none.
    printed = {e.resource for e in catalog.EXHIBITS.values() if e.kind == "table" and e.resource is not None}
    assert printed == set(vocab.PRINTED_TABLES)


def test_every_derived_code_is_a_vocab_code():
    """What derive produces from the printed cells is exactly what the parameters accept."""
    from helpers.data import curated

    abbreviations = curated.load("abbreviations")
    for resource in vocab.STUDY_TABLES:
        derived = derive.derive(resource, curated.load(resource), abbreviations)
        assert set(derived["disease_code"].dropna()) <= set(vocab.DISEASE_CODES)
        tissues = {t for cell in derived["tissue"].dropna() for t in cell.split("+")}
        assert tissues <= set(vocab.TISSUE_CODES)
        if "host_species" in derived:
            assert set(derived["host_species"].dropna()) <= set(vocab.HOST_SPECIES)
        assert set(derived["modality"].dropna()) <= set(vocab.MODALITIES)


def test_no_module_other_than_vocab_spells_out_the_code_lists():
    """A hand-typed copy of a code list elsewhere would drift; look for the telltale literals."""
    telltales = ['"POF", "AD", "AS"', '"UC", "UCB", "BM"', '("mouse", "rat", "rabbit")']
    for path in (ROOT / "src").rglob("*.py"):
        if path.name == "vocab.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not [t for t in telltales if t in text], path
