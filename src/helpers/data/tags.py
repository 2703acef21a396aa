"""Tag the studies of Tables 1-2 with mechanisms and pathway families.

Figures 1 and 2 of the review are drawn schematics. We regenerate them as
evidence diagrams whose every link counts study rows, so the tags must be
data, not judgement calls hidden in plotting code:

``data/lexicon.csv``
    One regular expression per line (``kind,tag,label,pattern,note``),
    matched case-insensitively against the printed ``effects`` cell.
    ``kind`` is ``mechanism`` or ``cargo`` (Fig. 1), ``pathway`` (a signalling
    family) or ``regulator`` (a transcription factor; both Fig. 2).
``data/curated_tags.csv``
    Per-row corrections (``table,row,kind,tag,action,evidence``) where the
    wording cannot decide: ``add`` a tag the printed row supports but the
    lexicon cannot find, ``remove`` a lexicon match that is a false
    positive for that row. ``evidence`` quotes the printed row.

:func:`tag_rows` applies both and keeps, for every tag, the phrase that
supports it (the exact matched substring, or the curated evidence), so any
link in a diagram traces back to a row, a reference and a quote.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from helpers.core import paths
from helpers.core.vocab import PRECLINICAL_TABLES
from helpers.data import curated

__all__ = [
    "KINDS",
    "ACTIONS",
    "TABLES",
    "MODALITIES",
    "CATEGORY_COLUMNS",
    "LEXICON_COLUMNS",
    "load_categories",
    "CURATED_COLUMNS",
    "TAG_COLUMNS",
    "compile_pattern",
    "load_lexicon",
    "load_curated",
    "tag_rows",
    "support_counts",
]

#: Mechanisms are processes, pathways signalling families, regulators the
#: transcription factors and nuclear receptors a study names (acting, targeted or
#: with their expression changed: not pathways), cargo the molecules an MSC
#: product carries or delivers (data/categories.csv defines each one).
KINDS: tuple[str, ...] = ("mechanism", "pathway", "regulator", "cargo")
ACTIONS: tuple[str, ...] = ("add", "remove")
#: Tables in output order, with the modality each one studies.
TABLES: dict[str, str] = PRECLINICAL_TABLES
MODALITIES: tuple[str, ...] = tuple(TABLES.values())

CATEGORY_COLUMNS: tuple[str, ...] = ("kind", "tag", "label", "definition")
LEXICON_COLUMNS: tuple[str, ...] = ("kind", "tag", "label", "pattern", "note")
CURATED_COLUMNS: tuple[str, ...] = ("table", "row", "kind", "tag", "action", "evidence")
TAG_COLUMNS: tuple[str, ...] = (
    "table",
    "row",
    "ref",
    "modality",
    "disease",
    "source",
    "kind",
    "tag",
    "label",
    "origin",
    "phrase",
)

# Always case-insensitive; a pattern that needs case (acronyms such as ROS)
# scopes it locally with (?-i:...).
_FLAGS = re.IGNORECASE


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a lexicon pattern with the flags the lexicon is matched with.

    Parameters
    ----------
    pattern : str
        A Python regular expression from ``lexicon.csv``.

    Returns
    -------
    re.Pattern
        The pattern compiled case-insensitively.
    """
    return re.compile(pattern, _FLAGS)


# ---------------------------------------------------------------- reading
#
# The structure of both files (columns, kinds, snake_case ids, no stray
# whitespace, no duplicate keys) is the schema's job, checked by
# helpers.data.curated like every other file of data/. What a schema cannot say is
# checked here: that each pattern compiles and matches something, and (for a
# file outside data/, whose foreign keys the schema cannot reach) that each
# category is defined.


def _load(name: str, path: str | Path | None) -> tuple[Path, pd.DataFrame]:
    """Read ``data/<name>.csv`` or another file of the same layout, schema-checked."""
    if path is None or Path(path).resolve() == (paths.DATA_DIR / f"{name}.csv").resolve():
        return paths.DATA_DIR / f"{name}.csv", curated.load(name)  # validated with the package (cached)
    path = Path(path)
    return path, curated.load_file(name, path)


def _where(path: Path, index: int, column: str) -> str:
    """Locate a cell the way :mod:`helpers.data.curated` does: file, record and column."""
    return f"{paths.relative(path)}, record {index + 1} (after the header), column '{column}'"


def load_categories() -> pd.DataFrame:
    """The categories of Figs. 1-2 with their labels and definitions (``data/categories.csv``)."""
    return curated.load("categories")[list(CATEGORY_COLUMNS)]


def load_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """Load and validate the tag lexicon, labelled from the categories.

    Parameters
    ----------
    path : str or Path, optional
        ``data/lexicon.csv`` by default, or a file with its columns
        (``kind, tag, pattern, note``).

    Returns
    -------
    pandas.DataFrame
        One row per pattern, in file order, with columns
        :data:`LEXICON_COLUMNS`; ``label`` comes from ``data/categories.csv``.

    Raises
    ------
    helpers.data.curated.DataError
        Naming file, record and column: for anything the schema refuses,
        for a category that ``data/categories.csv`` does not define, and for
        a pattern that does not compile (with the ``re`` error and its
        position) or can match the empty string.
    """
    path, frame = _load("lexicon", path)
    labels = {(k, t): label for k, t, label in load_categories()[["kind", "tag", "label"]].itertuples(index=False)}
    for index, (kind, tag, pattern) in enumerate(zip(frame["kind"], frame["tag"], frame["pattern"])):
        if (kind, tag) not in labels:
            raise curated.DataError(
                f"{_where(path, index, 'tag')}: {kind} {tag!r} is not defined in data/categories.csv"
            )
        try:
            regex = compile_pattern(pattern)
        except re.error as err:
            raise curated.DataError(
                f"{_where(path, index, 'pattern')}: invalid regular expression "
                f"{pattern!r}: {err.msg} at position {err.pos}"
            ) from None
        if regex.fullmatch(""):  # it would tag every row with an empty phrase
            raise curated.DataError(f"{_where(path, index, 'pattern')}: {pattern!r} matches the empty string")
    frame = frame.assign(label=[labels[k, t] for k, t in zip(frame["kind"], frame["tag"])])
    return frame[list(LEXICON_COLUMNS)].reset_index(drop=True)


def load_curated(path: str | Path | None = None) -> pd.DataFrame:
    """Load the curated per-row tag corrections, schema-checked.

    Parameters
    ----------
    path : str or Path, optional
        ``data/curated_tags.csv`` by default, or a file with its columns
        (``table, row, kind, tag, action, evidence``).

    Returns
    -------
    pandas.DataFrame
        One row per correction, in file order; ``row`` is an integer.
        Whether each tag exists and each correction still applies is
        checked against the lexicon and the rows by :func:`tag_rows`.
    """
    _, frame = _load("curated_tags", path)
    return frame[list(CURATED_COLUMNS)].astype({"row": "int64"}).reset_index(drop=True)


# ---------------------------------------------------------------- tagging


def _first_match(text: str, regexes: list[re.Pattern[str]]) -> str | None:
    """Return the earliest non-empty match of any pattern, in reading order.

    Ties on the start position go to the longer match, then to the pattern
    listed first, so the phrase does not depend on lexicon order by chance.
    """
    best: tuple[int, int, int, str] | None = None
    for index, regex in enumerate(regexes):
        for match in regex.finditer(text):
            if match.end() > match.start():  # skip zero-width hits
                candidate = (match.start(), -(match.end() - match.start()), index, match.group(0))
                if best is None or candidate < best:
                    best = candidate
                break
    return None if best is None else best[3]


def tag_rows(
    studies: dict[str, pd.DataFrame],
    lexicon: pd.DataFrame,
    curated: pd.DataFrame | None = None,
    column: str = "effects",
) -> pd.DataFrame:
    """Tag every study row with the lexicon, then apply the curated corrections.

    Parameters
    ----------
    studies : dict of str to pandas.DataFrame
        ``{"msc_studies": table1, "exosome_studies": table2}`` (either may be
        left out). Each frame needs ``row, ref, disease, source`` and
        ``column``.
    lexicon : pandas.DataFrame
        From :func:`load_lexicon`.
    curated : pandas.DataFrame, optional
        From :func:`load_curated`. Entries for tables not in ``studies`` are
        ignored.
    column : str, default "effects"
        The printed cell the patterns are matched against.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`TAG_COLUMNS`; one line per ``(table, row, kind,
        tag)``. ``origin`` is ``"lexicon"`` (``phrase`` is the first matched
        substring in reading order) or ``"curated"`` (``phrase`` is the
        curated evidence). Sorted by table (``msc_studies`` first), row,
        kind, tag.

    Raises
    ------
    ValueError
        If a table name is unknown, a needed column is missing, or a
        curated entry is stale: its row does not exist, a ``remove`` names a
        tag the lexicon did not find, or an ``add`` names one it already
        found. Stale curation is an error so corrections never silently
        outlive the wording or lexicon they correct.
    """
    unknown = set(studies) - set(TABLES)
    if unknown:
        raise ValueError(f"unknown table(s) {sorted(unknown)}; expected {list(TABLES)}")
    # Group patterns by tag once, keeping lexicon order within a tag.
    groups: list[tuple[str, str, str, list[re.Pattern[str]]]] = []
    for (kind, tag), part in lexicon.groupby(["kind", "tag"], sort=True):
        groups.append((kind, tag, part["label"].iloc[0], [compile_pattern(p) for p in part["pattern"]]))
    lines, rows_by_table = _lexicon_lines(studies, groups, column)
    if curated is not None:
        labels = {(kind, tag): label for kind, tag, label, _ in groups}
        _apply_curation(lines, rows_by_table, curated, labels)
    order = {t: i for i, t in enumerate(TABLES)}
    ordered = sorted(lines.items(), key=lambda item: (order[item[0][0]], item[0][1], item[0][2], item[0][3]))
    result = pd.DataFrame([line for _, line in ordered], columns=list(TAG_COLUMNS))
    return result.astype({"row": "int64", "ref": "int64"}).reset_index(drop=True)


def _lexicon_lines(studies: dict[str, pd.DataFrame], groups: list, column: str) -> tuple[dict, dict]:
    """Match every pattern group against every study row; return lines and rows by table."""
    lines: dict[tuple[str, int, str, str], dict] = {}
    rows_by_table: dict[str, dict[int, pd.Series]] = {}
    for table in (t for t in TABLES if t in studies):
        frame = studies[table]
        needed = {"row", "ref", "disease", "source", column} - set(frame.columns)
        if needed:
            raise ValueError(f"{table}: missing column(s) {', '.join(sorted(needed))}")
        rows_by_table[table] = {}
        for _, study in frame.iterrows():
            row = int(study["row"])
            rows_by_table[table][row] = study
            text = "" if pd.isna(study[column]) else str(study[column])
            for kind, tag, label, regexes in groups:
                phrase = _first_match(text, regexes)
                if phrase is not None:
                    lines[table, row, kind, tag] = _line(table, study, kind, tag, label, "lexicon", phrase)
    return lines, rows_by_table


def _apply_curation(lines: dict, rows_by_table: dict, curated: pd.DataFrame, labels: dict) -> None:
    """Apply curated adds and removes to ``lines`` in place, refusing stale ones."""
    for entry in curated.itertuples(index=False):
        if entry.table not in rows_by_table:
            continue
        key = (entry.table, int(entry.row), entry.kind, entry.tag)
        where = f"curated {entry.action} of {entry.kind} {entry.tag!r} for {entry.table} row {entry.row}"
        study = rows_by_table[entry.table].get(int(entry.row))
        if study is None:
            raise ValueError(f"{where}: the table has no such row")
        if (entry.kind, entry.tag) not in labels:
            raise ValueError(f"{where}: the tag is not in the lexicon")
        if entry.action == "remove":
            if key not in lines:
                raise ValueError(f"{where}: the lexicon does not tag this row; drop the curated line")
            del lines[key]
        elif entry.action == "add":
            if key in lines:
                raise ValueError(
                    f"{where}: the lexicon already finds it ({lines[key]['phrase']!r}); drop the curated line"
                )
            lines[key] = _line(
                entry.table, study, entry.kind, entry.tag, labels[entry.kind, entry.tag], "curated", entry.evidence
            )
        else:
            raise ValueError(f"{where}: action must be one of {ACTIONS}")


def _line(table: str, study: pd.Series, kind: str, tag: str, label: str, origin: str, phrase: str) -> dict:
    """One output line: where the tag comes from and what supports it."""
    return {
        "table": table,
        "row": int(study["row"]),
        "ref": int(study["ref"]),
        "modality": TABLES[table],
        "disease": study["disease"],
        "source": study["source"],
        "kind": kind,
        "tag": tag,
        "label": label,
        "origin": origin,
        "phrase": phrase,
    }


# --------------------------------------------------------------- counting


def _of_kind(tags: pd.DataFrame, kind: str) -> pd.DataFrame:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, found {kind!r}")
    # A study row counts once per tag even if it were listed twice.
    return tags[tags["kind"] == kind].drop_duplicates(["table", "row", "kind", "tag"])


def support_counts(tags: pd.DataFrame, kind: str, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count the study rows supporting each tag, for cells and for exosomes.

    Parameters
    ----------
    tags : pandas.DataFrame
        From :func:`tag_rows`.
    kind : {"mechanism", "pathway"}
    lexicon : pandas.DataFrame, optional
        If given, tags of this kind with no supporting row are kept with
        zero counts (so a figure shows what was looked for and not found).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``label``; integer columns ``cells`` and ``exosomes``
        (distinct study rows). Sorted by cells + exosomes, descending, then
        by label.
    """
    part = _of_kind(tags, kind)
    counts = part.groupby(["label", "modality"]).size().unstack("modality").reindex(columns=list(MODALITIES))
    if lexicon is not None:
        labels = lexicon.loc[lexicon["kind"] == kind, "label"].unique()
        counts = counts.reindex(counts.index.union(pd.Index(labels)))
    counts = counts.fillna(0).astype("int64")
    counts.index.name = "label"
    counts.columns.name = None
    total = counts.sum(axis=1)
    order = sorted(counts.index, key=lambda label: (-total[label], label))
    return counts.loc[order]
