"""The error contract: every bad input a user can make is refused clearly and changes nothing.

One table per kind of input. For each bad input the real command runs on a
throw-away copy of the project, and the test asserts what a user gets:

* a non-zero exit (1 for bad data, 2 for a bad request);
* one message naming the file and record, line or column, or the
  parameter, and what was expected;
* no Python traceback as the whole story (a papermill run prints the
  notebook's traceback, but ends with the named error);
* zero bytes changed in ``tables/``, ``figures/`` and ``notebooks/``.

Conventions decided here and written in ``data/README.md``: a data file with
a byte-order mark or CRLF line endings is refused (the build names the file
and line), never silently read differently.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import DATA, papermill, review, tree_hashes

CANONICAL = ("tables", "figures", "notebooks")
RESOURCES = {r["name"]: r for r in json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]}


@dataclass(frozen=True)
class Bad:
    """One bad input: how to make it in a project copy, and what the message must say."""

    id: str
    make: Callable[[Path], object]
    says: tuple[str, ...]


def edit(name: str, old: str | bytes, new: str | bytes) -> Callable[[Path], None]:
    """Replace the first ``old`` by ``new`` in ``data/<name>`` (bytes, so any damage can be made)."""
    old_b = old.encode() if isinstance(old, str) else old
    new_b = new.encode() if isinstance(new, str) else new

    def make(root: Path) -> None:
        path = root / "data" / name
        raw = path.read_bytes()
        assert old_b in raw, f"{name}: {old!r} is not in the file any more; update this case"
        path.write_bytes(raw.replace(old_b, new_b, 1))

    return make


def cell(name: str, record: int, column: str, value: str) -> Callable[[Path], None]:
    """Set one cell of ``data/<name>`` (record 1 is the first after the header), whatever it held."""

    def make(root: Path) -> None:
        path = root / "data" / name
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        rows[record][rows[0].index(column)] = value
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator="\n").writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8", newline="")

    return make


def rewrite(name: str, change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / "data" / name
        path.write_bytes(change(path.read_bytes()))

    return make


def schema(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / "data" / "datapackage.json"
        package = json.loads(path.read_text(encoding="utf-8"))
        change(package)
        path.write_text(json.dumps(package, indent=2), encoding="utf-8")

    return make


def _field(package: dict, resource: str, name: str) -> dict:
    fields = next(r for r in package["resources"] if r["name"] == resource)["schema"]["fields"]
    return next(f for f in fields if f["name"] == name)


def _cut_inside_first_quoted_cell(raw: bytes) -> bytes:
    """End the file in the middle of its first quoted cell, as a truncated copy would."""
    start = raw.index(b'"', raw.index(b"\n"))
    return raw[: start + 20]


# --------------------------------------------------------------------------- data/ and its schema

#: Every file of the data package, missing or empty: the build names it.
WHOLE_FILE = [
    Bad(f"{name}-missing", lambda root, p=r["path"]: (root / "data" / p).unlink(), (f"data/{r['path']}", "missing"))
    for name, r in RESOURCES.items()
] + [
    Bad(
        f"{name}-empty",
        lambda root, p=r["path"]: (root / "data" / p).write_bytes(b""),
        (f"data/{r['path']}", "empty", "expected a header line", ",".join(f["name"] for f in r["schema"]["fields"])),
    )
    for name, r in RESOURCES.items()
]

DATA_CASES = [
    # columns
    Bad(
        "missing-column",
        edit("exosome_studies.csv", ",follow_up,", ","),
        ("data/exosome_studies.csv", "line 1 (header)", "missing 'follow_up'", "expected columns row, disease"),
    ),
    Bad(
        "renamed-column",
        edit("clinical_trials.csv", ",nct_number\n", ",nct\n"),
        ("data/clinical_trials.csv", "line 1 (header)", "missing 'nct_number'", "unexpected 'nct'"),
    ),
    Bad(
        "extra-column",
        edit("tissue_sources.csv", ",disadvantages\n", ",disadvantages,remarks\n"),
        ("data/tissue_sources.csv", "line 1 (header)", "unexpected 'remarks'", "expected columns row, source"),
    ),
    # codes, keys and references
    Bad(
        "unknown-disease-code",
        edit("msc_studies.csv", "\n1,weakness,", "\n1,XYZ,"),
        ("data/msc_studies.csv", "record 1", "column 'disease'", "got 'XYZ'", "one of 'weakness', 'POF'"),
    ),
    Bad(
        "unknown-trial-status",
        edit("clinical_trials.csv", ",40,unknown,", ",40,ongoing,"),
        ("data/clinical_trials.csv", "record 1", "column 'research_status'", "got 'ongoing'", "'Completed'"),
    ),
    Bad(
        "unknown-legend-kind",
        edit("legend_notes.csv", "table3,14,source,", "table3,14,sauce,"),
        ("data/legend_notes.csv", "record 1", "column 'kind'", "got 'sauce'", "one of"),
    ),
    Bad(
        "unknown-curated-action",
        edit("curated_tags.csv", ",remove,", ",drop,"),
        ("data/curated_tags.csv", "record 1", "column 'action'", "got 'drop'", "one of 'add', 'remove'"),
    ),
    Bad(
        "unknown-outcome-direction",
        edit("outcome_annotation.csv", "msc_studies,1,improved,", "msc_studies,1,better,"),
        ("data/outcome_annotation.csv", "record 1", "column 'direction'", "got 'better'", "one of"),
    ),
    Bad(
        "unknown-outcome-code-field",
        edit("outcome_codes.csv", "\ndirection,improved,", "\ndirektion,improved,"),
        ("data/outcome_codes.csv", "record 1", "column 'field'", "got 'direktion'", "one of"),
    ),
    Bad(
        "outcome-cue-without-pattern",
        edit("outcome_cues.csv", "\ndirection,improved,\\bimprov\\w*,", "\ndirection,improved,,"),
        ("data/outcome_cues.csv", "record 1", "column 'pattern'"),
    ),
    Bad(
        "unknown-reference-role",
        edit("reference_roles.csv", "\n1,review or background,", "\n1,opinion,"),
        ("data/reference_roles.csv", "record 1", "column 'role'", "got 'opinion'", "one of"),
    ),
    Bad(
        "unknown-annotation-verdict",
        edit("annotation.csv", "ecm_fibrosis,yes,", "ecm_fibrosis,maybe,"),
        ("data/annotation.csv", "record 1", "column 'supported'", "got 'maybe'", "one of 'yes', 'no'"),
    ),
    Bad(
        "duplicate-reference-number",
        edit("references.csv", "\n2,", "\n1,"),
        ("data/references.csv", "record 2", "column 'ref'", "unique"),
    ),
    Bad(
        "duplicate-legend-position",
        edit("legend_notes.csv", "fig1,6,credit,", "table3,14,credit,"),
        ("data/legend_notes.csv", "record 2", "primary-key"),
    ),
    Bad(
        "dangling-study-reference",
        rewrite(
            "references.csv", lambda raw: b"\n".join(line for line in raw.split(b"\n") if not line.startswith(b"10,"))
        ),
        ("data/msc_studies.csv", "record 1", 'for "ref": values "10" not found', "data/references.csv"),
    ),
    Bad(
        "dangling-lexicon-category",
        edit("lexicon.csv", "mechanism,regeneration,", "mechanism,regenerate,"),
        ("data/lexicon.csv", "record 1", '"mechanism, regenerate"', "data/categories.csv"),
    ),
    Bad(
        "dangling-annotation-category",
        edit("annotation.csv", "mechanism,ecm_fibrosis,", "mechanism,fibrosis,"),
        ("data/annotation.csv", "record 1", '"mechanism, fibrosis"', "data/categories.csv"),
    ),
    Bad(
        "unknown-audit-verdict",
        cell("audit_review.csv", 1, "verdict", "probable"),
        ("data/audit_review.csv", "record 1", "column 'verdict'", "got 'probable'", "one of 'confirmed'"),
    ),
    # numbers and identifiers
    Bad(
        "non-numeric-dose-bound",
        cell("dose_ranges.csv", 1, "low", "ten thousand"),
        ("data/dose_ranges.csv", "record 1", "column 'low'", "got 'ten thousand'", "matching"),
    ),
    Bad(
        "non-numeric-enrollment",
        edit("clinical_trials.csv", ",40,unknown,", ",forty,unknown,"),
        ("data/clinical_trials.csv", "record 1", "column 'enrollment'", "got 'forty'", "a whole number"),
    ),
    Bad(
        "non-numeric-row",
        edit("msc_studies.csv", "\n2,POF,", "\ntwo,POF,"),
        ("data/msc_studies.csv", "record 2", "column 'row'", "got 'two'", "a whole number"),
    ),
    Bad(
        "reference-number-out-of-range",
        edit("exosome_studies.csv", ",48\n", ",84\n"),
        ("data/exosome_studies.csv", "record 1", "column 'ref'", "got '84'", "<= 83"),
    ),
    Bad(
        "zero-row-in-notes",
        edit("transcription_notes.csv", "\nmsc_studies,3,", "\nmsc_studies,0,"),
        ("data/transcription_notes.csv", "record 1", "column 'row'", "got '0'", ">= 1"),
    ),
    Bad(
        "zero-reference-in-text-statements",
        edit("text_statements.csv", "\n18,MSCs / Premature ovarian failure,", "\n0,MSCs / Premature ovarian failure,"),
        ("data/text_statements.csv", "record 1", "column 'ref'", "got '0'", ">= 1"),
    ),
    Bad(
        "year-out-of-range",
        edit("references.csv", ",Curr Biol,2012,", ",Curr Biol,212,"),
        ("data/references.csv", "record 1", "column 'year'", "got '212'"),
    ),
    Bad(
        "malformed-doi",
        edit("references.csv", ",10.1016/j.cub.2012.07.024,", ",doi:10.1016/j.cub.2012.07.024,"),
        ("data/references.csv", "record 1", "column 'doi'", "'doi:10.1016/j.cub.2012.07.024'", r"/^10\.\d{4,9}/\S+$/"),
    ),
    Bad(
        "malformed-pmid",
        edit("references.csv", ",38181790,", ", 38181790,"),
        ("data/references.csv", "record 2", "column 'pmid'", "' 38181790'", "matching"),
    ),
    Bad(
        "malformed-nct",
        edit("clinical_trials.csv", "NCT01742533", "NCT0174253"),
        ("data/clinical_trials.csv", "record 1", "column 'nct_number'", "'NCT0174253'", r"NCT\d{8}"),
    ),
    Bad(
        "empty-required-cell",
        edit("abbreviations.csv", "article,1,Aβ,β-amyloid,", "article,1,Aβ,,"),
        ("data/abbreviations.csv", "record 1", "column 'definition'", "an empty cell", "not empty"),
    ),
    # bytes and layout
    Bad(
        "invalid-utf8",
        edit("abbreviations.csv", "β-amyloid", b"\xff-amyloid"),
        ("data/abbreviations.csv", "not UTF-8", "byte"),
    ),
    Bad(
        "byte-order-mark",
        rewrite("categories.csv", lambda raw: b"\xef\xbb\xbf" + raw),
        ("data/categories.csv", "byte-order mark", "without BOM"),
    ),
    Bad(
        "crlf-line-endings",
        rewrite("tissue_sources.csv", lambda raw: raw.replace(b"\n", b"\r\n")),
        ("data/tissue_sources.csv", "line 1", "CRLF", "LF line endings"),
    ),
    Bad(
        "crlf-from-line-3",
        rewrite("legend_notes.csv", lambda raw: raw.replace(b"\n", b"\r\n").replace(b"\r\n", b"\n", 2)),
        ("data/legend_notes.csv", "line 3", "CRLF"),
    ),
    Bad(
        "truncated-quoted-cell",
        # transcription_notes.csv: its first record's note is quoted (it quotes a printed cell), so the cut falls
        # in record 1 whatever the other files' first rows hold
        rewrite("transcription_notes.csv", _cut_inside_first_quoted_cell),
        ("data/transcription_notes.csv", "record 1", "line 2", "column 'note'", "quoted cell is not closed"),
    ),
    # the schema itself
    Bad(
        "schema-not-json",
        lambda root: (root / "data" / "datapackage.json").write_text('{"resources": [', encoding="utf-8"),
        ("data/datapackage.json", "not a data package", "line 1 column"),
    ),
    Bad(
        "schema-missing",
        lambda root: (root / "data" / "datapackage.json").unlink(),
        ("data/datapackage.json", "missing"),
    ),
    Bad(
        "schema-unknown-field-type",
        schema(lambda p: _field(p, "msc_studies", "source").update(type="strng")),
        ("data/datapackage.json", "'msc_studies'", "field 'source'", "type 'strng'", "expected one of integer, string"),
    ),
    Bad(
        "schema-unreadable-field-type",
        schema(lambda p: _field(p, "clinical_trials", "enrollment").update(type="number")),
        ("data/datapackage.json", "'clinical_trials'", "field 'enrollment'", "type 'number'", "integer, string"),
    ),
]


def _assert_refused(result: subprocess.CompletedProcess, says: tuple[str, ...], code: int) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == code, f"exit {result.returncode}, expected {code}:\n{output}"
    for text in says:
        assert text in result.stderr, f"{text!r} not in the message:\n{result.stderr}"
    assert "Traceback" not in output, f"a traceback instead of a message:\n{output}"


@pytest.mark.parametrize("bad", WHOLE_FILE + DATA_CASES, ids=lambda b: b.id)
def test_bad_data_stops_the_build_naming_file_and_place(project_copy, bad):
    before = tree_hashes(project_copy, *CANONICAL)
    bad.make(project_copy)
    result = review(project_copy, "build")
    _assert_refused(result, ("review build: data error: ", *bad.says), 1)
    assert "regenerated" not in result.stdout
    assert tree_hashes(project_copy, *CANONICAL) == before


def test_every_data_file_has_a_case_of_its_own():
    """The table covers every file of the package beyond missing/empty: each is damaged somewhere."""
    damaged = {bad.says[0].removeprefix("data/") for bad in DATA_CASES}
    missing = {r["path"] for r in RESOURCES.values()} - damaged
    assert not missing, f"no case damages {sorted(missing)}: add one to DATA_CASES"
    assert "datapackage.json" in damaged
    assert len(WHOLE_FILE + DATA_CASES + RUN_CASES) >= 30


def test_the_byte_conventions_are_written_where_curators_read():
    conventions = (DATA / "README.md").read_text(encoding="utf-8").split("## Transcription conventions", 1)[1]
    assert "without a byte-order mark" in conventions and "LF line" in conventions and "refuses" in conventions


def test_an_invalid_lexicon_pattern_fails_the_notebook_naming_record_and_column(project_copy):
    """A pattern is only compiled by the notebooks: the build names notebook, cell, file, record and column."""
    before = tree_hashes(project_copy, *CANONICAL)
    edit("lexicon.csv", "mechanism,regeneration,\\bregenerat\\w*,", "mechanism,regeneration,(regenerat,")(project_copy)
    result = review(project_copy, "build", "--only", "fig1", "-q")
    says = ("FAILED notebooks/fig1.ipynb, cell In[", "data/lexicon.csv, record 1", "column 'pattern'", "'(regenerat'")
    _assert_refused(result, says, 1)
    assert "invalid regular expression" in result.stderr
    assert tree_hashes(project_copy, *CANONICAL) == before


# --------------------------------------------------------------------------- review run parameters


@dataclass(frozen=True)
class BadRun:
    id: str
    args: tuple[str, ...]
    says: tuple[str, ...]


DISEASES = "POF, AD, AS, OP, SKIN, WEAK"
RUN_CASES = [
    BadRun("unknown-value", ("table1", "-p", "diseases", "XYZ"), ("'diseases'", "'XYZ'", DISEASES)),
    BadRun("unknown-source", ("fig2", "-y", "sources: [UC, liver]"), ("'sources'", "'liver'", "UCB")),
    BadRun("unknown-species", ("table1", "-p", "host_species", "dog"), ("'host_species'", "'dog'", "rabbit")),
    BadRun("unknown-format", ("table1", "-p", "formats", "csv,pptx"), ("'formats'", "'pptx'", "xlsx")),
    BadRun("unknown-single-choice", ("fig2", "-p", "modality", "cell"), ("'modality'", "'cell'", "cells, exosomes")),
    BadRun("wrong-type-dpi", ("fig2", "-p", "dpi", "high"), ("'dpi'", "whole number", "'high'")),
    BadRun("dpi-out-of-range", ("fig2", "-y", "dpi: 10"), ("'dpi'", "50–1200")),
    BadRun("wrong-type-list-for-number", ("fig2", "-y", "dpi: [1, 2]"), ("'dpi'", "whole number")),
    BadRun("wrong-type-int", ("fig2", "-p", "min_studies", "two"), ("'min_studies'", "whole number", "'two'")),
    BadRun("wrong-type-bool", ("fig2", "-p", "show_untagged", "maybe"), ("'show_untagged'", "true or false")),
    BadRun("wrong-type-mapping", ("table1", "-y", "diseases: {AD: 1}"), ("'diseases'", "a list or a comma")),
    BadRun("empty-list", ("table1", "-y", "diseases: []"), ("'diseases'", "empty", "'all'")),
    BadRun("empty-string", ("table1", "-p", "diseases", " , "), ("'diseases'", "empty")),
    BadRun("non-identifier-name", ("table1", "-p", "1st", "AD"), ("'1st'", "not a Python identifier")),
    BadRun("code-as-name", ("table1", "-p", "x=1;import os;y", "1"), ("not a Python identifier",)),
    BadRun("undeclared-name", ("table1", "-p", "colour", "red"), ("colour", "declared: diseases, sources")),
    BadRun("output-dir-dotdot", ("table1", "-p", "output_dir", "runs/../tables"), ("'output_dir'", "tables/")),
    BadRun("output-dir-dotdot-deep", ("table1", "-o", "runs/../figures/mine"), ("'output_dir'", "figures/")),
    BadRun("output-dir-absolute", ("table1", "-p", "output_dir", "{root}/figures"), ("'output_dir'", "figures/")),
    BadRun("output-dir-symlink", ("table1", "-o", "runs/link"), ("'output_dir'", "figures/")),
    BadRun("output-dir-into-data", ("references", "-p", "diseases", "AD", "-o", "data"), ("'output_dir'", "runs/")),
    BadRun("output-dir-project-root", ("table1", "-o", "."), ("'output_dir'", "not under runs/")),
    BadRun("yaml-file-a-list", ("table1", "-f", "{root}/list.yaml"), ("list.yaml", "expected a mapping", "list")),
    BadRun("yaml-file-a-string", ("table1", "-f", "{root}/word.yaml"), ("word.yaml", "expected a mapping", "str")),
    BadRun("yaml-file-broken", ("table1", "-f", "{root}/broken.yaml"), ("broken.yaml", "not valid YAML", "line")),
    BadRun("yaml-file-missing", ("table1", "-f", "{root}/nosuch.yaml"), ("nosuch.yaml", "cannot read")),
    BadRun("yaml-option-not-a-mapping", ("table1", "-y", "AD"), ("-y 'AD'", "expected a mapping")),
    BadRun("unknown-notebook", ("nosuch",), ("no notebook 'nosuch'", "known: ")),
]


@pytest.mark.parametrize("bad", RUN_CASES, ids=lambda b: b.id)
def test_bad_parameters_stop_the_run_naming_the_parameter(project_copy, bad):
    root = project_copy
    (root / "runs").mkdir()
    (root / "runs" / "link").symlink_to(root / "figures", target_is_directory=True)
    (root / "list.yaml").write_text("- diseases\n- AD\n", encoding="utf-8")
    (root / "word.yaml").write_text("AD\n", encoding="utf-8")
    (root / "broken.yaml").write_text("diseases: [AD\n", encoding="utf-8")
    before = tree_hashes(root, *CANONICAL, "data")
    result = review(root, "run", *(a.replace("{root}", str(root)) for a in bad.args))
    _assert_refused(result, ("review run: ", *bad.says), 2)
    assert tree_hashes(root, *CANONICAL, "data") == before
    assert sorted(p.name for p in (root / "runs").iterdir()) == ["link"], "nothing written under runs/"


# --------------------------------------------------------------------------- plain papermill


def test_plain_papermill_with_an_undeclared_parameter_is_refused_by_the_notebook(project_copy, tmp_path):
    """papermill only warns about a name the notebook does not declare; ``start`` refuses it, naming both."""
    before = tree_hashes(project_copy, *CANONICAL)
    notebook = str(project_copy / "notebooks" / "table3.ipynb")
    result = papermill(project_copy, tmp_path, notebook, "out.ipynb", "-p", "colour", "red")
    assert result.returncode != 0
    assert "ParameterError: table3: unknown parameter(s) colour; declared: diseases" in result.stderr
    assert not (project_copy / "runs").exists()
    assert tree_hashes(project_copy, *CANONICAL) == before
