"""Rule family A, abbreviations: the article's list and the legends of Tables 1-4 and Figs. 1-2."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from helpers.audit.registry import (
    PRINTED,
    Finding,
    at,
    printed_tables,
    q,
    rule,
)
from helpers.core.vocab import DISEASE_CODES
from helpers.data.derive import split_route_dosage

#: Legends printed under a table, by table id (figure legends have no table to check against).
TABLE_LEGENDS = ("table1", "table2", "table3", "table4")
#: Columns whose cells the legends code systematically (disease, MSC source, route): an
#: undefined code there is very likely an omission.
CODED_COLUMNS = {
    "table1": ("disease", "source", "route_dosage"),
    "table2": ("disease", "source", "route_dosage"),
    "table3": ("disease_type", "msc_type", "migration_method"),
    "table4": ("source",),
}
#: Descriptive columns: they also print proper names (strains, genes, cell lines) that no
#: legend expands, so only a code some other legend defines is reported there.
DESCRIPTIVE_COLUMNS = {
    "table1": ("animal_model", "precondition", "in_vitro_model"),
    "table2": ("animal_model", "in_vitro_model"),
}
_TOKEN_SPLIT = re.compile(r"[\s/,;()+]+")
_HOST_WORD = re.compile(r"(?:mouse|mice|rats?|rabbits?)", re.IGNORECASE)
#: Words that join a meaning without changing it ("adipose tissue-derived" = "adipose").
_FILLER = {"derived", "tissue", "of", "the"}


@functools.lru_cache(maxsize=65536)  # called for every token of every cell by several rules
def code_key(code: str) -> str:
    """Compare abbreviations as printed up to hyphens, spaces and a plural s: ``hUC-MSCs`` -> ``hUCMSC``."""
    parts = [p for p in re.split(r"[-\s]+", str(code).strip()) if p]
    return "".join(re.sub(r"(?<=[A-Za-z]{2})(?<!s)s$", "", p) for p in parts)


def meaning_words(text: str) -> frozenset[str]:
    """The content words of a definition, up to case, hyphens, apostrophes, plural and filler words."""
    text = str(text).casefold().replace("’", "'").replace("'s", "")
    words = re.split(r"[^\w]+", text)
    return frozenset(re.sub(r"(?<=\w{3})(?<!s)s$", "", w) for w in words if w and w not in _FILLER)


def tokens(cell: str) -> list[str]:
    """Split a cell into word-like tokens, keeping hyphenated codes whole (``hUC-MSC``, ``CTX-induced``)."""
    return [t.strip(".:") for t in _TOKEN_SPLIT.split(str(cell)) if t.strip(".:")]


def _code_like(token: str) -> bool:
    """Letters only, at least two capitals: an abbreviation a legend should explain (digits mark names)."""
    return not re.search(r"\d", token) and sum(c.isupper() for c in token) >= 2


def _covered(token: str, keys: Iterable[str]) -> bool:
    """A token a set of legend keys explains: whole, or a defined head plus plain words (``CTX-induced``)."""
    keys = set(keys)
    if code_key(token) in keys:
        return True
    parts = token.split("-")
    return any(
        code_key("-".join(parts[:k])) in keys and not any(_code_like(p) for p in parts[k:])
        for k in range(len(parts) - 1, 0, -1)
    )


def _legends(abbr: pd.DataFrame) -> dict[str, dict[str, list]]:
    """Legend -> code key -> its entries (rows of ``abbreviations``), in printed order."""
    out: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in abbr.itertuples(index=False):
        out[r.legend][code_key(r.abbreviation)].append(r)
    return out


def _entry(r) -> str:
    return f"{r.legend} legend entry {r.position} {q(f'{r.abbreviation}: {r.definition}')}"


def _related(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two meanings share a content word or a long word ending (oophorectomy, ovariectomy)."""
    return bool(a & b) or any(x[-5:] == y[-5:] for x in a for y in b if min(len(x), len(y)) > 6)


@rule("A1", "one code, two meanings", "abbreviations")
def conflicting_meanings(abbr: pd.DataFrame) -> list[Finding]:
    """A legend that gives a code another meaning than the article list (or than the code's first legend).

    Meanings are compared up to case, hyphens, apostrophes, plural and filler
    words. Warning when they have nothing in common; check when one only
    drops words of the other ("stem/stromal cells" beside "stem cells") or
    they share a word or a word ending, so they may be two wordings of one
    thing.
    """
    by_code: dict[str, list] = defaultdict(list)
    for r in abbr.itertuples(index=False):
        by_code[code_key(r.abbreviation)].append(r)
    out = []
    for entries in by_code.values():
        base = next((e for e in entries if e.legend == "article"), entries[0])
        for e in entries:
            a, b = meaning_words(base.definition), meaning_words(e.definition)
            if e.legend == base.legend or a == b:
                continue
            near = a < b or b < a or _related(a, b)
            where = "the article list" if base.legend == "article" else f"the {base.legend} legend"
            msg = (
                f"The {e.legend} legend words {e.abbreviation} differently from {where}."
                if near
                else f"{e.abbreviation} means one thing in {where} and something else in the {e.legend} legend."
            )
            evidence = f"{_entry(base)}; {_entry(e)}"
            sev = "check" if near else "warning"
            out.append(Finding("A1", sev, "abbreviations", f"{e.legend}:{e.position}", "definition", evidence, msg))
    return out


@rule("A2", "entry repeated in a legend", "abbreviations")
def repeated_entry(abbr: pd.DataFrame) -> list[Finding]:
    """One legend lists a code twice: error if the two meanings differ, warning if they repeat."""
    out = []
    for legend, codes in _legends(abbr).items():
        for entries in codes.values():
            for e in entries[1:]:
                same = meaning_words(e.definition) == meaning_words(entries[0].definition)
                msg = (
                    f"The {legend} legend lists {e.abbreviation} a second time."
                    if same
                    else f"The {legend} legend defines {e.abbreviation} twice, with two meanings."
                )
                evidence = f"{_entry(entries[0])}; {_entry(e)}"
                sev = "warning" if same else "error"
                out.append(Finding("A2", sev, "abbreviations", f"{legend}:{e.position}", "abbreviation", evidence, msg))
    return out


def _cells(tables: dict[str, pd.DataFrame], columns: dict[str, tuple[str, ...]]):
    """Yield (table, row, column, printed cell, tokens) for the given columns; routes without their dose."""
    for table, cols in columns.items():
        frame = tables.get(table)
        if frame is None:
            continue
        for r in frame.to_dict("records"):
            for col in cols:
                cell = str(r.get(col, ""))
                part = split_route_dosage(cell)[0] if col == "route_dosage" else cell
                yield table, r["row"], col, cell, tokens(part)


@rule("A3", "code missing from its legend", "abbreviations", *PRINTED)
def undefined_code(abbr, t1, t2, t3, t4) -> list[Finding]:
    """A code a table prints that its own legend does not explain.

    Warning for a code in a coded column (disease, source, route) that no
    legend explains; check when another legend or the article list explains
    it. In descriptive columns only the second case is reported.
    """
    legends, tables = _legends(abbr), printed_tables(t1, t2, t3, t4)
    everywhere = {k for codes in legends.values() for k in codes}
    out, seen = [], set()
    for columns, is_coded in ((CODED_COLUMNS, True), (DESCRIPTIVE_COLUMNS, False)):
        for table, row, col, cell, toks in _cells(tables, columns):
            here = set(legends.get(table, {}))
            for tok in toks:
                if (table, row, col, tok) in seen or _covered(tok, here) or _case_variant(tok, here):
                    continue
                elsewhere = [e for lg, codes in legends.items() if lg != table for e in codes.get(code_key(tok), [])]
                if not elsewhere and not (is_coded and _code_like(tok) and not _covered(tok, everywhere)):
                    continue
                seen.add((table, row, col, tok))
                evidence = f"{at(table, row, col, cell)}; not in the {table} legend"
                if elsewhere:
                    evidence += "; explained only in " + "; ".join(_entry(e) for e in elsewhere)
                    msg = f"{q(tok)} is explained elsewhere in the article but not in the legend under this table."
                else:
                    evidence += " nor in any other legend or the article list"
                    msg = f"No legend of the article says what {q(tok)} stands for."
                sev = "check" if elsewhere else "warning"
                out.append(Finding("A3", sev, table, str(row), col, evidence, msg, tok))
    return out


@rule("A4", "legend entry unused by its table", "abbreviations", *PRINTED)
def unused_entry(abbr, t1, t2, t3, t4) -> list[Finding]:
    """A legend under a table explains a code that no cell of that table prints (check)."""
    legends, tables = _legends(abbr), printed_tables(t1, t2, t3, t4)
    out = []
    for table in TABLE_LEGENDS:
        frame = tables.get(table)
        if frame is None or table not in legends:
            continue
        text_columns = [c for c in frame.columns if c not in ("row", "ref", "enrollment")]
        used = set()
        for r in frame[text_columns].astype(str).itertuples(index=False):
            for tok in (t for cell in r for t in tokens(cell)):
                parts = tok.split("-")
                used |= {code_key("-".join(parts[:k])) for k in range(1, len(parts) + 1)}
        for key, entries in legends[table].items():
            if key not in used:
                e = entries[0]
                msg = f"The legend explains {e.abbreviation}, which its table never prints."
                evidence = f"{_entry(e)}; no cell of {table} prints it"
                out.append(
                    Finding("A4", "check", "abbreviations", f"{table}:{e.position}", "abbreviation", evidence, msg)
                )
    return out


def _case_variant(token: str, keys: Iterable[str]) -> str | None:
    """The defined key a token matches only when case is ignored, or None."""
    key = code_key(token)
    return next((k for k in keys if k != key and k.casefold() == key.casefold()), None)


@rule("A5", "code printed in another case", "abbreviations", *PRINTED)
def case_variant(abbr, t1, t2, t3, t4) -> list[Finding]:
    """A token that matches a code of its legend only when case is ignored (``Iv`` for ``IV``).

    A token with a capital letter is reported in any coded or descriptive
    column (warning in coded columns, check otherwise). An all-lower-case
    token is reported only where the animal-model cells print their disease
    code, right before the host species ("CTX induced POF rat model"), and
    only for a disease code: elsewhere a lower-case word such as "in" or
    "as" is ordinary English.
    """
    legends, tables = _legends(abbr), printed_tables(t1, t2, t3, t4)
    out = []
    for columns, is_coded in ((CODED_COLUMNS, True), (DESCRIPTIVE_COLUMNS, False)):
        for table, row, col, cell, toks in _cells(tables, columns):
            here = legends.get(table, {})
            for i, tok in enumerate(toks):
                key = _case_variant(tok, here)
                if key is None or _covered(tok, here):
                    continue
                if tok.islower():
                    slot = col == "animal_model" and i + 1 < len(toks) and _HOST_WORD.fullmatch(toks[i + 1])
                    if not (slot and key in DISEASE_CODES):
                        continue
                    sev = "warning"
                else:
                    sev = "warning" if is_coded else "check"
                defined = here[key][0]
                evidence = f"{at(table, row, col, cell)}; {_entry(defined)}"
                msg = f"{q(tok)} is printed where the legend has the code {defined.abbreviation}, in another case."
                out.append(Finding("A5", sev, table, str(row), col, evidence, msg, tok))
    return out
