"""Property-based fuzzing of notebook parameters (hypothesis).

Property: whatever values arrive for a notebook's declared parameters
(valid codes, unknown words, unicode, numbers, huge lists, mappings,
``None``, path tricks in ``output_dir``) and whatever extra names, a run is
either accepted, going to its canonical folder with the defaults or to a
folder under ``runs/``, or refused with a
:class:`~helpers.notebook.params.ParameterError`. Never another exception, never a
folder outside ``runs/``.

Parameter validation runs in this process (fast, hundreds of examples);
a few examples also go through ``review run`` (slow, marked).

Settings: ``max_examples`` bounds the run time; with ``CI`` set, examples are
derandomized and no example database is kept; otherwise the database lives
in ``.cache/hypothesis`` (ignored by git).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is a dev dependency: pip install -e '.[dev]'")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.database import DirectoryBasedExampleDatabase  # noqa: E402

from helpers.core import catalog, paths  # noqa: E402
from helpers.notebook.params import ALL, CHOICES, FORMATS, ParameterError, declared, injected, validate  # noqa: E402
from tests.conftest import ROOT, review, tree_hashes  # noqa: E402

CI = bool(os.environ.get("CI"))
settings.register_profile(
    "review",
    deadline=None,
    derandomize=CI,
    database=None if CI else DirectoryBasedExampleDatabase(str(ROOT / ".cache" / "hypothesis")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("review")

NOTEBOOKS = {p.stem: declared(p) for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}

# --------------------------------------------------------------------------- strategies

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.lists(st.text(max_size=8), max_size=6),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _codes(name: str) -> st.SearchStrategy:
    """Valid values of a selecting parameter, written every way a user may write them."""
    codes = st.sampled_from(CHOICES[name])
    cased = codes.flatmap(lambda c: st.sampled_from([c, c.lower(), c.upper(), f" {c} "]))
    return st.one_of(
        st.just(ALL),
        cased,
        st.lists(cased, min_size=1, max_size=8),
        st.lists(cased, min_size=1, max_size=8).map(",".join),
        # a huge list, cheaply: a few codes repeated thousands of times
        st.builds(lambda items, n: items * n, st.lists(codes, min_size=1, max_size=3), st.integers(500, 5000)),
    )


_SEGMENTS = ["..", ".", "runs", "tables", "figures", "notebooks", "data", "src", ".cache", "mine", "é", "a b", ""]
path_tricks = st.one_of(
    st.sampled_from(
        [
            "",
            "runs/mine",
            "runs",
            "runs/../tables",
            "runs/./../figures/x",
            "tables/../runs/ok",
            "..",
            "../..",
            "/",
            ".",
            "data",
            "~",
            "runs/" + "a" * 300,
            "runs/a\x00b",
            str(ROOT / "figures"),
            str(ROOT / "runs" / "absolute"),
            str(ROOT / "data"),
            "/tmp/review-fuzz-elsewhere",
        ]
    ),
    st.lists(st.sampled_from(_SEGMENTS), min_size=1, max_size=6).map("/".join),
    st.lists(st.sampled_from(_SEGMENTS), min_size=1, max_size=4).map(lambda s: "/" + "/".join(s)),
    st.text(max_size=30),
)


def _value(name: str, default: object, kind: str) -> st.SearchStrategy:
    if name in CHOICES:
        valid = _codes(name)
    elif name == "formats":
        valid = st.lists(st.sampled_from(FORMATS[kind]), min_size=1, max_size=4)
    elif name == "output_dir":
        return path_tricks
    elif isinstance(default, bool):
        valid = st.sampled_from([True, False, "true", "False", "yes", "no", "1", "0"])
    elif isinstance(default, int):
        valid = st.integers(-5, 2000) | st.integers(-5, 2000).map(str)
    else:
        valid = st.text(max_size=20)
    return st.one_of(valid, junk)


@st.composite
def requests(draw) -> tuple[str, dict]:
    """A notebook and the values a run would hand it: some declared, maybe extra names too."""
    exhibit = draw(st.sampled_from(sorted(NOTEBOOKS)))
    kind = catalog.get(exhibit).kind
    given = {}
    for name, default in NOTEBOOKS[exhibit].items():
        if draw(st.booleans()):
            given[name] = draw(_value(name, default, kind))
    if draw(st.integers(0, 9)) == 0:
        given[draw(st.text(min_size=1, max_size=12))] = draw(junk)
    return exhibit, given


# --------------------------------------------------------------------------- properties


def _check_resolved(exhibit: str, given: dict, resolved) -> None:
    """What an accepted request must look like."""
    info = catalog.get(exhibit)
    if resolved.canonical:
        assert resolved.out_dir == info.folder and not given.get("output_dir")
        return
    out = resolved.out_dir
    assert out.is_relative_to(paths.RUNS_DIR), f"{out} is not under runs/"
    for protected in (paths.TABLES_DIR, paths.FIGURES_DIR, paths.NOTEBOOKS_DIR, paths.DATA_DIR):
        assert not out.is_relative_to(protected)
    if not given.get("output_dir"):
        assert out.parent == paths.RUNS_DIR and re.fullmatch(r"[A-Za-z0-9+._-]+", out.name), out
        assert out.name.startswith(exhibit) and ".." not in out.name.split("_")[0]
    json.dumps(resolved.values)  # values are plain data (run.json and parameters.yaml hold them)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 400)))
@given(requests())
def test_validation_accepts_into_runs_or_refuses_with_a_parameter_error(request):
    exhibit, given = request
    notebook = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    try:
        resolved = validate(exhibit, catalog.get(exhibit).kind, given, notebook)
    except ParameterError as exc:
        assert str(exc), "a refusal says why"
        return
    _check_resolved(exhibit, given, resolved)


@settings(max_examples=200)
@given(st.lists(st.one_of(st.text(max_size=60), st.text(max_size=60).map(lambda t: "# Parameters\n" + t)), max_size=5))
def test_reading_the_injected_cell_never_fails(history):
    """``helpers.notebook.session.start`` reads papermill's cell from ``In``: any history gives identifiers."""
    names = injected({"In": ["", *history]})
    assert all(name.isidentifier() for name in names)


@pytest.mark.parametrize(
    "source, names",
    [
        ('# Parameters\ndiseases = "AD"\n', ["diseases"]),
        ('# Parameters\ncolour = "red"\ndpi = 300\n', ["colour", "dpi"]),
        ("x = 1", []),  # not papermill's cell
        ("# Parameters\nthis is not python(\n", []),
    ],
)
def test_injected_reads_papermills_cell(source, names):
    assert injected({"In": ["", "import os", source]}) == names
    assert injected({}) == []


# --------------------------------------------------------------------------- through review run


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory) -> Path:
    from tests.conftest import copy_project

    return copy_project(tmp_path_factory.mktemp("fuzz") / "project")


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("FUZZ_RUNS", 6)), suppress_health_check=list(HealthCheck))
@given(
    st.fixed_dictionaries(
        {},
        optional={"diseases": _value("diseases", ALL, "table"), "sources": _value("sources", ALL, "table")},
    ),
    path_tricks,
)
def test_review_run_gives_a_clean_run_or_a_clean_refusal(fuzz_project, values, output_dir):
    """A few fuzzed requests through the real ``review run table4``: exit 0 into runs/, or exit 2 and a message."""
    import yaml

    root = fuzz_project
    before = tree_hashes(root, "tables", "figures", "notebooks", "data")
    args = ["-y", yaml.safe_dump(values)] if values else []
    if output_dir and "\x00" not in output_dir:  # a NUL cannot be passed as a command-line argument
        args += ["-p", "output_dir", output_dir]
    result = review(root, "run", "table4", *args)
    assert result.returncode in (0, 2), result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr.startswith("review run: ")
    else:
        shown = result.stdout.splitlines()[-1].removeprefix("outputs in ")
        assert shown.startswith("runs/"), result.stdout
        out = (root / shown).resolve()
        assert out.is_relative_to(root / "runs"), out
        assert (out / "table4.ipynb").is_file() and (out / "parameters.yaml").is_file()
    assert tree_hashes(root, "tables", "figures", "notebooks", "data") == before


# --------------------------------------------------------------------------- printed doses

_UNITS = ["mg", "µg", "ng", "g", "mg/kg", "µg/ml", "ng/ml", "mg/ml"]


@settings(max_examples=300)
@given(st.decimals(min_value="0.001", max_value="10000", places=3), st.sampled_from(_UNITS))
def test_doses_in_base_units_carry_no_float_noise(number, unit):
    """A printed dose converts to its base unit as exactly as a person would (0.9 ng is 0.0009 µg, not 0.00090…01).

    Found by bench/mutants.py: no test noticed when helpers.data.quantities stopped
    rounding away the noise of unit conversions.
    """
    from helpers.data import quantities

    printed = f"{number.normalize():f}"
    reading = quantities.read_dose(f"IV {printed} {unit}", "exosome_studies")
    assert not reading.missing, reading.reason
    (arm,) = quantities.in_base_units(reading)
    assert arm.magnitude == float(f"{arm.magnitude:.12g}"), f"IV {printed} {unit} -> {arm}"
