"""Tag the studies of Tables 1-2 with mechanisms and pathway families.

Figures 1 and 2 of the review are drawn schematics. We regenerate them as
evidence diagrams whose every link counts study rows, so the tags must be
data, not judgement calls hidden in plotting code:

``data/lexicon.csv``
    One regular expression per line (``kind,tag,label,pattern,note``),
    matched case-insensitively against the printed ``effects`` cell.
    ``kind`` is ``mechanism`` (Fig. 1) or ``pathway`` (Fig. 2 family).
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

import csv
import re
from pathlib import Path

import pandas as pd

from . import data, paths

__all__ = [
    "KINDS",
    "ACTIONS",
    "TABLES",
    "MODALITIES",
    "LEXICON_COLUMNS",
    "CURATED_COLUMNS",
    "TAG_COLUMNS",
    "compile_pattern",
    "load_lexicon",
    "load_curated",
    "tag_rows",
    "support_counts",
    "supporting_refs",
]

KINDS: tuple[str, ...] = ("mechanism", "pathway")
ACTIONS: tuple[str, ...] = ("add", "remove")
#: Tables in output order, with the modality each one studies.
TABLES: dict[str, str] = {"msc_studies": "cells", "exosome_studies": "exosomes"}
MODALITIES: tuple[str, ...] = tuple(TABLES.values())

LEXICON_COLUMNS: tuple[str, ...] = ("kind", "tag", "label", "pattern", "note")
CURATED_COLUMNS: tuple[str, ...] = ("table", "row", "kind", "tag", "action", "evidence")
TAG_COLUMNS: tuple[str, ...] = (
    "table", "row", "ref", "modality", "disease", "source",
    "kind", "tag", "label", "origin", "phrase",
)

# Tags are identifiers used in code and file names: keep them plain.
_TAG_ID = re.compile(r"^[a-z][a-z0-9_]*$")
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

def _where(path: Path, line: int, columns: list[str], column: str) -> str:
    """Locate a cell for an error message: file, line and column."""
    number = columns.index(column) + 1 if column in columns else "?"
    return f"{paths.relative(path)}, line {line}, column {number} ({column})"


def _read_csv(path: Path, required: tuple[str, ...]) -> tuple[list[str], list[tuple[int, dict]]]:
    """Read a CSV keeping the physical line number of every record.

    pandas does not report line numbers, and an error that says only "row 7"
    of a file with quoted multi-line cells sends the reader to the wrong
    line; ``csv`` knows the line each record ends on.
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        # Record the read for build provenance, as helpers.data.load does.
        data.note_read(path)
        reader = csv.DictReader(handle)
        columns = list(reader.fieldnames or [])
        missing = [c for c in required if c not in columns]
        if missing:
            raise ValueError(
                f"{paths.relative(path)}, line 1: missing column(s) {', '.join(missing)}; "
                f"expected {', '.join(required)}"
            )
        records = []
        for record in reader:
            if None in record:  # more cells than header columns
                raise ValueError(
                    f"{paths.relative(path)}, line {reader.line_num}: "
                    f"{len(columns) + len(record[None])} cells for {len(columns)} columns"
                )
            records.append((reader.line_num, record))
    return columns, records


def _text(path: Path, line: int, columns: list[str], record: dict, column: str,
          required: bool = True) -> str:
    """Return a cell, refusing missing values and stray outer whitespace.

    Outer spaces are significant in a regular expression and invisible in a
    spreadsheet, so they are an error rather than silently stripped.
    """
    value = record.get(column) or ""
    if value != value.strip():
        raise ValueError(f"{_where(path, line, columns, column)}: remove leading/trailing whitespace in {value!r}")
    if required and not value:
        raise ValueError(f"{_where(path, line, columns, column)}: must not be empty")
    return value


def _choice(path: Path, line: int, columns: list[str], record: dict, column: str,
            allowed: tuple[str, ...]) -> str:
    value = _text(path, line, columns, record, column)
    if value not in allowed:
        raise ValueError(
            f"{_where(path, line, columns, column)}: expected one of "
            f"{', '.join(repr(a) for a in allowed)}, found {value!r}"
        )
    return value


def load_lexicon(path: str | Path) -> pd.DataFrame:
    """Load and validate the tag lexicon.

    Parameters
    ----------
    path : str or Path
        ``data/lexicon.csv`` (UTF-8; columns ``kind, tag, label, pattern,
        note``).

    Returns
    -------
    pandas.DataFrame
        One row per pattern, in file order, with the file's five columns.

    Raises
    ------
    ValueError
        Naming file, line and column when a column is missing, ``kind`` is
        not ``mechanism``/``pathway``, ``tag`` is not snake_case, a pattern
        does not compile (with the ``re`` error and its position) or can
        match the empty string, one ``(kind, tag)`` carries two labels, or a
        pattern is listed twice for the same tag.
    """
    path = Path(path)
    columns, records = _read_csv(path, LEXICON_COLUMNS)
    rows: list[dict[str, str]] = []
    labels: dict[tuple[str, str], tuple[str, int]] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for line, record in records:
        kind = _choice(path, line, columns, record, "kind", KINDS)
        tag = _text(path, line, columns, record, "tag")
        if not _TAG_ID.match(tag):
            raise ValueError(f"{_where(path, line, columns, 'tag')}: {tag!r} is not a snake_case id")
        label = _text(path, line, columns, record, "label")
        pattern = _text(path, line, columns, record, "pattern")
        try:
            regex = compile_pattern(pattern)
        except re.error as err:
            raise ValueError(
                f"{_where(path, line, columns, 'pattern')}: invalid regular expression "
                f"{pattern!r}: {err.msg} at position {err.pos}"
            ) from None
        # A pattern matching "" would tag every row with an empty phrase.
        if regex.fullmatch(""):
            raise ValueError(
                f"{_where(path, line, columns, 'pattern')}: {pattern!r} matches the empty string"
            )
        first = labels.setdefault((kind, tag), (label, line))
        if first[0] != label:
            raise ValueError(
                f"{_where(path, line, columns, 'label')}: {kind} tag {tag!r} is labelled "
                f"{label!r} here but {first[0]!r} on line {first[1]}"
            )
        if (kind, tag, pattern) in seen:
            raise ValueError(
                f"{_where(path, line, columns, 'pattern')}: duplicate of line {seen[kind, tag, pattern]}"
            )
        seen[kind, tag, pattern] = line
        rows.append({"kind": kind, "tag": tag, "label": label, "pattern": pattern,
                     "note": _text(path, line, columns, record, "note", required=False)})
    return pd.DataFrame(rows, columns=list(LEXICON_COLUMNS))


def load_curated(path: str | Path, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Load and validate the curated per-row tag corrections.

    Parameters
    ----------
    path : str or Path
        ``data/curated_tags.csv`` (columns ``table, row, kind, tag, action,
        evidence``).
    lexicon : pandas.DataFrame, optional
        The lexicon the tags must exist in; by default ``lexicon.csv`` in the
        same folder, loaded with :func:`load_lexicon`.

    Returns
    -------
    pandas.DataFrame
        One row per correction, in file order; ``row`` is an integer.

    Raises
    ------
    ValueError
        Naming file, line and column when ``table`` is not a study table,
        ``row`` is not a positive integer, ``kind``/``action`` is not
        allowed, the ``(kind, tag)`` is not in the lexicon, ``evidence`` is
        empty, or one ``(table, row, kind, tag)`` appears twice.
    """
    path = Path(path)
    if lexicon is None:
        lexicon = load_lexicon(path.with_name("lexicon.csv"))
    known = set(zip(lexicon["kind"], lexicon["tag"]))
    columns, records = _read_csv(path, CURATED_COLUMNS)
    rows: list[dict] = []
    seen: dict[tuple, int] = {}
    for line, record in records:
        table = _choice(path, line, columns, record, "table", tuple(TABLES))
        text = _text(path, line, columns, record, "row")
        if not text.isdigit() or int(text) < 1:
            raise ValueError(f"{_where(path, line, columns, 'row')}: expected a row number >= 1, found {text!r}")
        row = int(text)
        kind = _choice(path, line, columns, record, "kind", KINDS)
        tag = _text(path, line, columns, record, "tag")
        if (kind, tag) not in known:
            raise ValueError(f"{_where(path, line, columns, 'tag')}: {kind} tag {tag!r} is not in the lexicon")
        action = _choice(path, line, columns, record, "action", ACTIONS)
        evidence = _text(path, line, columns, record, "evidence")
        key = (table, row, kind, tag)
        if key in seen:
            raise ValueError(
                f"{_where(path, line, columns, 'tag')}: {table} row {row} {kind} {tag!r} "
                f"is already curated on line {seen[key]}"
            )
        seen[key] = line
        rows.append({"table": table, "row": row, "kind": kind, "tag": tag,
                     "action": action, "evidence": evidence})
    frame = pd.DataFrame(rows, columns=list(CURATED_COLUMNS))
    return frame.astype({"row": "int64"})


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


def tag_rows(studies: dict[str, pd.DataFrame], lexicon: pd.DataFrame,
             curated: pd.DataFrame | None = None, column: str = "effects") -> pd.DataFrame:
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
    labels = {(kind, tag): label for kind, tag, label, _ in groups}

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

    if curated is not None:
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
                lines[key] = _line(entry.table, study, entry.kind, entry.tag,
                                   labels[entry.kind, entry.tag], "curated", entry.evidence)
            else:
                raise ValueError(f"{where}: action must be one of {ACTIONS}")

    order = {t: i for i, t in enumerate(TABLES)}
    ordered = sorted(lines.items(), key=lambda item: (order[item[0][0]], item[0][1], item[0][2], item[0][3]))
    result = pd.DataFrame([line for _, line in ordered], columns=list(TAG_COLUMNS))
    return result.astype({"row": "int64", "ref": "int64"}).reset_index(drop=True)


def _line(table: str, study: pd.Series, kind: str, tag: str, label: str,
          origin: str, phrase: str) -> dict:
    """One output line: where the tag comes from and what supports it."""
    return {
        "table": table, "row": int(study["row"]), "ref": int(study["ref"]),
        "modality": TABLES[table], "disease": study["disease"], "source": study["source"],
        "kind": kind, "tag": tag, "label": label, "origin": origin, "phrase": phrase,
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
    counts = (part.groupby(["label", "modality"]).size()
              .unstack("modality").reindex(columns=list(MODALITIES)))
    if lexicon is not None:
        labels = lexicon.loc[lexicon["kind"] == kind, "label"].unique()
        counts = counts.reindex(counts.index.union(pd.Index(labels)))
    counts = counts.fillna(0).astype("int64")
    counts.index.name = "label"
    counts.columns.name = None
    total = counts.sum(axis=1)
    order = sorted(counts.index, key=lambda label: (-total[label], label))
    return counts.loc[order]


def supporting_refs(tags: pd.DataFrame, kind: str) -> pd.DataFrame:
    """List the references behind each count of :func:`support_counts`.

    Parameters
    ----------
    tags : pandas.DataFrame
        From :func:`tag_rows`.
    kind : {"mechanism", "pathway"}

    Returns
    -------
    pandas.DataFrame
        Columns ``label``, ``modality``, ``refs`` (sorted list of distinct
        reference numbers) and ``refs_text`` (the same as ``"10, 13, 22"``),
        one line per label and modality with support, in the order of
        :func:`support_counts` and then cells before exosomes.
    """
    part = _of_kind(tags, kind)
    labels = list(support_counts(tags, kind).index)
    rows = []
    for label in labels:
        for modality in MODALITIES:
            refs = sorted({int(r) for r in part.loc[(part["label"] == label)
                                                    & (part["modality"] == modality), "ref"]})
            if refs:
                rows.append({"label": label, "modality": modality, "refs": refs,
                             "refs_text": ", ".join(str(r) for r in refs)})
    return pd.DataFrame(rows, columns=["label", "modality", "refs", "refs_text"])
