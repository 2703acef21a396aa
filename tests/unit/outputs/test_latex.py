"""LaTeX: one escaper with a form for every character of data/, and .tex tables that compile.

The compile tests run pdfLaTeX and LuaLaTeX on every ``tables/*.tex`` (and
on tables rendered from data/ by the current code), each wrapped in a
minimal ``article`` with the packages its header comment names. Without the
engines they are skipped, saying how to install them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pandas as pd
import pytest

from helpers.core import catalog
from helpers.data import curated
from helpers.outputs import formats, latex, tables
from tests.conftest import DATA, ROOT

#: The Debian packages .ci/run installs when an engine is missing.
TEX_PACKAGES = "texlive-latex-base texlive-latex-recommended texlive-luatex"
INSTALL = f"apt-get update && apt-get install -y --no-install-recommends {TEX_PACKAGES}"
ENGINES = ("pdflatex", "lualatex")
TABLE_IDS = ("table1", "table2", "table3", "table4")


# --- The escaper ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("plain text, 1/2 (ok).", "plain text, 1/2 (ok)."),
        ("5% of {n} & $x_1# ~^\\", r"5\% of \{n\} \& \$x\_1\# \textasciitilde{}\textasciicircum{}\textbackslash{}"),
        ("a<b>c|d", r"a\textless{}b\textgreater{}c\textbar{}d"),
        ("IP 1 × 10⁷", r"IP 1 $\times$ 10\textsuperscript{7}"),
        ("10¹² cells", r"10\textsuperscript{12} cells"),
        ("ApoE⁻/⁻ mice", r"ApoE\textsuperscript{$-$}/\textsuperscript{$-$} mice"),
        ("H₂O", r"H\textsubscript{2}O"),
        ("Aβ, NF-κB, TNF-α, PKCζ", r"A$\beta$, NF-$\kappa$B, TNF-$\alpha$, PKC$\zeta$"),
        ("αβ", r"$\alpha$$\beta$"),
        ("50 µg/ml", r"50 $\mu$g/ml"),
        ("40–100 nm", "40--100 nm"),
        ("1--2", "1-{}-2"),
        ("Alzheimer’s “disease”", "Alzheimer's ``disease''"),
        ("NEUROSTEM®", r"NEUROSTEM$^{\circledR}$"),
        ("≥ 65 years", r"$\geq$ 65 years"),
        ("López-Otín", r"L{\'{o}}pez-Ot{\'{\i}}n"),
        ("Hägg, Müller, Peña, Hernández, Grès", r"H{\"{a}}gg, M{\"{u}}ller, Pe{\~{n}}a, Hern{\'{a}}ndez, Gr{\`{e}}s"),
        ("Çelik, Dvořák, Straße, Søren", r"{\c{C}}elik, Dvo{\v{r}}{\'{a}}k, Stra{\ss}e, S{\o}ren"),
        ("one\ntwo", "one\ntwo"),
    ],
)
def test_escape(text, expected):
    assert latex.escape(text) == expected
    assert latex.escape(text).isascii()


@pytest.mark.parametrize(
    "text, where, words",
    [
        ("snow ☃", "table9 row 2, column 'Effects'", ["'☃'", "U+2603", "SNOWMAN", "table9 row 2, column 'Effects'"]),
        ("zero\u200bwidth", "a caption", ["U+200B", "ZERO WIDTH SPACE", "a caption"]),
        ("bell\x07", "", ["U+0007", "the text"]),
        ("Α (capital alpha, looks Latin)", "x", ["U+0391", "GREEK CAPITAL LETTER ALPHA"]),
        ("中", "x", ["U+4E2D"]),
        ("Gdańsk ą", "x", ["U+0105", "LATIN SMALL LETTER A WITH OGONEK"]),
        ("\r", "x", ["U+000D"]),
    ],
)
def test_a_character_with_no_form_is_named_with_its_origin(text, where, words):
    with pytest.raises(latex.UnmappedCharacter) as info:
        latex.escape(text, where)
    message = str(info.value)
    for word in words:
        assert word in message, (word, message)
    assert "helpers.outputs.latex.UNICODE" in message


@pytest.mark.parametrize("path", sorted(DATA.glob("*.csv")), ids=lambda p: p.name)
def test_every_character_in_data_has_a_latex_form(path):
    """Each distinct character of each data/ file escapes to ASCII (fails naming the file otherwise)."""
    text = path.read_text(encoding="utf-8")
    for ch in sorted(set(text) - {"\r"}):
        form = latex.escape(ch, f"data/{path.name}")
        assert form.isascii(), (ch, form)
        if not ch.isascii():
            assert form != ch


def test_packages_named_for_the_forms_that_need_them():
    assert latex.packages(latex.escape("NEUROSTEM®")) == ["amssymb"]
    assert latex.packages(latex.escape("Aβ × 10⁶ µg")) == []


def test_forms_avoid_text_companion_symbols():
    """TS1 symbols (\\textmu, \\textregistered, ...) need fonts a minimal TeX has only as METAFONT sources."""
    for ch, form in latex.UNICODE.items():
        assert not re.search(r"\\text(mu|registered|degree|copyright|pm|bullet|periodcentered)\b", form), ch
        assert form.isascii(), ch


# --- Compiling ------------------------------------------------------------------


def _engine(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not on PATH; on Debian or Ubuntu get it with: sudo sh -c '{INSTALL}'")
    return path


def _compile(parts: dict[str, bytes], engine: str, folder) -> str:
    """Compile the tables ``parts`` (name -> .tex bytes) in one minimal article, each on its page; return the log.

    One document per engine, not one per table: LuaLaTeX spends 3-5 s
    loading its fonts before the first line, so four tables in one run cost
    a quarter of four runs. Each table is its own file, so an error or an
    overfull box in the log names the table it came from (``(./table2.tex``).
    """
    packages: list[str] = []
    for name, tex in parts.items():
        header = re.search(rb"^%.*Needs \\usepackage\{([a-z,]+)\}", tex, re.MULTILINE)
        assert header, f"{name}: the .tex must name its packages in a '% Needs \\usepackage{{...}}' header comment"
        packages += [p for p in header.group(1).decode().split(",") if p not in packages]
    folder.mkdir(parents=True, exist_ok=True)
    for name, tex in parts.items():
        (folder / f"{name}.tex").write_bytes(tex)
    body = "\\clearpage\n".join(f"\\input{{{name}}}\n" for name in parts)
    (folder / "doc.tex").write_text(
        "\\documentclass{article}\n"
        f"\\usepackage{{{','.join(packages)}}}\n"
        f"\\begin{{document}}\n{body}\\end{{document}}\n",
        encoding="ascii",
    )
    done = subprocess.run(
        [_engine(engine), "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"],
        cwd=folder,
        capture_output=True,
        timeout=300,
    )
    log = (folder / "doc.log").read_text(encoding="utf-8", errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert done.returncode == 0 and not errors, f"{engine}: {errors or done.stdout.decode(errors='replace')[-2000:]}"
    missing = [line for line in log.splitlines() if "Missing character" in line]
    assert not missing, f"{engine} dropped characters: {missing[:5]}"
    return log


def _overflow(log: str) -> float:
    """The widest overfull line of the log, in points (0 when none)."""
    return max((float(x) for x in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)), default=0.0)


def _overflow_by_part(log: str, names) -> dict[str, float]:
    """:func:`_overflow` of each part of a log of :func:`_compile`, cut where the engine opens each part's file."""
    starts = sorted((log.index(f"(./{name}.tex"), name) for name in names)
    ends = [start for start, _ in starts[1:]] + [len(log)]
    return {name: _overflow(log[start:end]) for (start, name), end in zip(starts, ends, strict=True)}


def test_tables_folder_holds_the_four_tex_files():
    assert {p.stem for p in (ROOT / "tables").glob("*.tex")} >= set(TABLE_IDS)


@pytest.mark.parametrize("engine", ENGINES)
def test_canonical_tex_compiles(engine, tmp_path):
    _engine("pdflatex")  # pdfLaTeX decides whether the LaTeX tests run at all
    _compile({p.stem: p.read_bytes() for p in sorted((ROOT / "tables").glob("*.tex"))}, engine, tmp_path)


def _rendered(exhibit: str) -> bytes:
    entry = catalog.get(exhibit)
    frame = tables.published(curated.load(entry.resource), entry.resource)
    return formats.table_bytes(
        frame, "tex", exhibit=exhibit, title=entry.title, caption=entry.caption, legend=tables.legend(exhibit)
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_tables_rendered_from_data_compile_and_fit(engine, tmp_path):
    """What the current code writes compiles, and no cell runs more than a few points past its column."""
    _engine("pdflatex")
    log = _compile({exhibit: _rendered(exhibit) for exhibit in TABLE_IDS}, engine, tmp_path)
    wide = {name: pt for name, pt in _overflow_by_part(log, TABLE_IDS).items() if pt >= 8}
    assert wide == {}, f"cells wider than their column, in pt: {wide}"


def _every_form() -> str:
    accented = "áàâãäåāăçčéèêëēėěíìîïīñňóòôõöőřšúùûüűůýÿžźż"
    return "".join(latex.UNICODE) + "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ " + accented + accented.upper() + " &%$#_{}~^\\<>|"


#: Tables at the edges of what the writer must handle: (id, frame, legend).
EDGE_TABLES = [
    (
        "every-mapped-character",
        pd.DataFrame({"Every form": [_every_form()], "Again, glued": ["x" + "x".join(_every_form()) + "x"]}),
        "",
    ),
    ("no-rows", pd.DataFrame({"Empty selection": pd.Series([], dtype=str), "Ref.": pd.Series([], dtype=str)}), "A: a"),
    (
        "lists-and-codes",
        pd.DataFrame({"One": ["a\nb\n\nc"], "NCT number": ["NCT01742533"]}),
        "Data obtained from ClinicalTrials.gov",
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_edge_tables_compile(engine, tmp_path):
    _engine("pdflatex")
    parts = {
        name: formats.table_bytes(frame, "tex", exhibit="t", title="Table 9. Edge case", caption="C", legend=legend)
        for name, frame, legend in EDGE_TABLES
    }
    _compile(parts, engine, tmp_path)


@pytest.mark.parametrize("engine", ENGINES)
def test_references_bib_works_with_bibtex(engine, tmp_path):
    """tables/references.bib: BibTeX reads every entry, and the bibliography compiles."""
    _engine("pdflatex")
    bibtex = _engine("bibtex")
    shutil.copy(ROOT / "tables" / "references.bib", tmp_path / "references.bib")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\n\\nocite{*}\n"
        "\\bibliographystyle{plain}\n\\bibliography{references}\n\\end{document}\n",
        encoding="ascii",
    )
    command = [_engine(engine), "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"]
    subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=300, check=True)
    subprocess.run([bibtex, "doc"], cwd=tmp_path, capture_output=True, timeout=300, check=True)
    assert (tmp_path / "doc.bbl").read_text(encoding="utf-8").count("\\bibitem") == 83
    # One pass after BibTeX reads the .bbl: \\nocite{*} cites nothing in the text that a third pass would resolve.
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, timeout=300)
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert done.returncode == 0 and not [line for line in log.splitlines() if line.startswith("!")]
    assert "Missing character" not in log and "Warning: Citation" not in log


def test_skip_reason_names_the_install_command():
    assert "apt-get install -y --no-install-recommends texlive-latex-base" in INSTALL
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert all(package in ci for package in TEX_PACKAGES.split()) and ci.rstrip().endswith("exec make test")


def test_unicode_names_are_real_characters():
    for ch in latex.UNICODE:
        assert len(ch) == 1 and unicodedata.name(ch, None), repr(ch)
