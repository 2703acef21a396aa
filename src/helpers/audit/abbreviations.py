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
    field_name,
    printed_tables,
    q,
    rule,
)
from helpers.core.vocab import DISEASE_CODES
from helpers.core.words import agree, series
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


def _other_wordings(abbr: pd.DataFrame):
    """Yield (base entry, entry, near) for every legend entry whose meaning differs from its code's base.

    The base is the article list's entry, or else the code's first legend
    entry. ``near`` is true when one meaning only drops words of the other
    ("stem/stromal cells" beside "stem cells"), or they share a word or a
    word ending (oophorectomy, ovariectomy): two wordings of one thing.
    """
    by_code: dict[str, list] = defaultdict(list)
    for r in abbr.itertuples(index=False):
        by_code[code_key(r.abbreviation)].append(r)
    for entries in by_code.values():
        base = next((e for e in entries if e.legend == "article"), entries[0])
        for e in entries:
            a, b = meaning_words(base.definition), meaning_words(e.definition)
            if e.legend != base.legend and a != b:
                yield base, e, a < b or b < a or _related(a, b)


def _base_place(base) -> str:
    return "the article list" if base.legend == "article" else f"the {base.legend} legend"


def _places(entries) -> str:
    """Where some entries are printed, in printed order: "the article list and the table1 and table2 legends"."""
    legends = list(dict.fromkeys(e.legend for e in entries))
    named = ["the article list"] if "article" in legends else []
    others = [legend for legend in legends if legend != "article"]
    if others:
        named.append(f"the {series(others)} {agree(len(others), 'legend', 'legends')}")
    return " and ".join(named)


def _two_meanings(abbr: pd.DataFrame, base, e) -> str:
    """An A1 message that says where the review uses each meaning, so no one legend reads as the outlier.

    The review may use a code both ways (AD for Alzheimer's disease in the article list and Tables 1-3,
    for adipose in Table 4, the Fig. 2 legend and the prefix of AD-MSCs): each meaning is given with every
    legend that prints it, and the codes that carry the second as a prefix.
    """
    key = code_key(e.abbreviation)
    same = [r for r in abbr.itertuples(index=False) if code_key(r.abbreviation) == key]
    words = meaning_words(base.definition), meaning_words(e.definition)

    def like(r, w) -> bool:
        m = meaning_words(r.definition)
        return m == w or m < w or w < m or _related(m, w)

    first = [r for r in same if like(r, words[0])]
    second = [r for r in same if like(r, words[1]) and r not in first]
    # Part of a source name: "AD-MSCs", "ADMSCs-Exo", or with a species letter "hAD-MSC" (fourth reading 4.1).
    part = re.compile(rf"^[a-z]?{re.escape(str(e.abbreviation))}(-|MSC)")
    carried = [
        r
        for r in abbr.itertuples(index=False)
        if part.match(str(r.abbreviation)) and _related(meaning_words(r.definition), words[1])
    ]
    text = f"{e.abbreviation} has two meanings in the review: {_worded(base, first)}, and {_worded(e, second)}"
    if carried:
        by_place: dict[str, list[str]] = {}
        for r in carried:
            by_place.setdefault(_places([r]).removeprefix("the "), []).append(q(r.abbreviation))
        codes = "; ".join(f"{', '.join(names)} in the {place}" for place, names in by_place.items())
        text += f"; as part of a source name ({codes}) it has the second meaning"
        both = [r for r in first if any(c.legend == r.legend for c in carried)]
        if both:
            text += f", so {_places(list(dict.fromkeys(both)))} use it both ways"
    return text + "."


def _worded(lead, rows) -> str:
    """``"adipose" in the table4 legend ("adipose tissue" in the fig2 legend)``: one meaning with its places, each
    other wording of it (up to case and apostrophe) quoted beside its own places (table4 fifth reading 5.2)."""

    def form(definition: object) -> str:
        return re.sub(r"[’']", "'", str(definition)).casefold()

    groups: dict[str, list] = {form(lead.definition): []}
    for r in rows:
        groups.setdefault(form(r.definition), []).append(r)
    main, *others = groups.values()
    text = f"{q(lead.definition)} in {_places(main or rows)}"
    if others:
        text += " (" + "; ".join(f"{q(g[0].definition)} in {_places(g)}" for g in others) + ")"
    return text


@rule("A1", "one code, two meanings", "abbreviations")
def conflicting_meanings(abbr: pd.DataFrame) -> list[Finding]:
    """A legend that gives a code a meaning with nothing in common with the article list's (or the code's first
    legend's), up to case, hyphens, apostrophes, plural and filler words (warning).

    Two wordings of one meaning are rule A6's.
    """
    out = []
    for base, e, near in _other_wordings(abbr):
        if not near:
            msg = _two_meanings(abbr, base, e)
            evidence = f"{_entry(base)}; {_entry(e)}"
            out.append(
                Finding("A1", "warning", "abbreviations", f"{e.legend}:{e.position}", "definition", evidence, msg)
            )
    return out


@rule("A6", "one code, another wording", "abbreviations")
def other_wording(abbr: pd.DataFrame) -> list[Finding]:
    """A legend that words a code's meaning differently but recognisably alike (check).

    Synonyms (ovariectomy, oophorectomy) or a wording that only drops words
    of the other: one meaning, two wordings, which a reader may still take
    for two things.
    """
    out = []
    for base, e, near in _other_wordings(abbr):
        if near:
            msg = (
                f"The {e.legend} legend words {e.abbreviation} differently from {_base_place(base)}; "
                "the two wordings name one thing."
            )
            evidence = f"{_entry(base)}; {_entry(e)}"
            out.append(Finding("A6", "check", "abbreviations", f"{e.legend}:{e.position}", "definition", evidence, msg))
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


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c not in ("row", "ref", "enrollment")]


def _used_keys(frame: pd.DataFrame) -> set[str]:
    """The code keys a table prints: every token and every hyphen-joined head of one."""
    used = set()
    for r in frame[_text_columns(frame)].astype(str).itertuples(index=False):
        for tok in (t for cell in r for t in tokens(cell)):
            parts = tok.split("-")
            used |= {code_key("-".join(parts[:k])) for k in range(1, len(parts) + 1)}
    return used


@rule("A4", "legend entry unused by its table", "abbreviations", *PRINTED)
def unused_entry(abbr, t1, t2, t3, t4) -> list[Finding]:
    """A legend under a table explains a code that no cell of that table prints (check)."""
    legends, tables = _legends(abbr), printed_tables(t1, t2, t3, t4)
    out = []
    for table in TABLE_LEGENDS:
        frame = tables.get(table)
        if frame is None or table not in legends:
            continue
        used = _used_keys(frame)
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
                msg = (
                    f"{q(tok)} is printed where the legend has the code {defined.abbreviation}: "
                    "the same letters in another letter case."
                )
                out.append(Finding("A5", sev, table, str(row), col, evidence, msg, tok))
    return out


#: The word a model's inducing agent stands before: "CTX induced", "STZ-induced", "Aβ induces".
_INDUCED = re.compile(r"(?P<agent>[^\s/,;()]+?)(?:\s+|-)induc(?:ed|es|ing)\b", re.IGNORECASE)
#: A plain word (capitalised or not), not an abbreviation: "Radiation", "proteoglycan", "diet".
_PLAIN_WORD = re.compile(r"[A-Za-z][a-z]+")


@rule("A7", "model agent explained nowhere", "abbreviations", *PRINTED)
def undefined_agent(abbr, t1, t2, t3, t4) -> list[Finding]:
    """The agent that induced an animal model, abbreviated, and explained by no legend or the article list.

    Always a check: an inducing agent is named in a descriptive cell, and
    many agents are standard models a reader knows ("ZP3", "D-gal"), so an
    unexplained one is worth a look, not likely wrong, and it says nothing
    against the row's codes. A plain word before "induced" ("radiation",
    "proteoglycan") is no abbreviation and is never reported; a code that
    another legend explains is rule A3's.
    """
    legends, tables = _legends(abbr), printed_tables(t1, t2, t3, t4)
    everywhere = {k for codes in legends.values() for k in codes}
    out = []
    for table, row, col, cell, _ in _cells(tables, {t: ("animal_model",) for t in DESCRIPTIVE_COLUMNS}):
        for m in _INDUCED.finditer(cell):
            agent = m["agent"].strip(".:")
            if _PLAIN_WORD.fullmatch(agent) or _covered(agent, everywhere) or _case_variant(agent, everywhere):
                continue
            evidence = f"{at(table, row, col, cell)}; {q(agent)} is in no legend of the article nor its list"
            msg = f"No legend says what {q(agent)}, the agent that induced the model, stands for."
            out.append(Finding("A7", "check", table, str(row), col, evidence, msg, agent))
    return out


def _undefined_codes(frame: pd.DataFrame, keys: set[str]):
    """Yield (row, column, cell, token) for each code-like token of a table that no key of its legend covers."""
    for r in frame.to_dict("records"):
        for col in _text_columns(frame):
            cell = str(r[col])
            part = split_route_dosage(cell)[0] if col == "route_dosage" else cell
            for tok in dict.fromkeys(tokens(part)):
                if _code_like(tok) and not _covered(tok, keys) and not _case_variant(tok, keys):
                    yield r["row"], col, cell, tok


def _same_letters(a: str, b: str) -> bool:
    return a != b and sorted(a.casefold()) == sorted(b.casefold())


def _same_shape(a: str, b: str) -> bool:
    """Codes of one length and one two-letter ending ("HCAEC", "HUVEC"): perhaps one kind of thing."""
    return a != b and len(a) == len(b) >= 4 and a[-2:].casefold() == b[-2:].casefold()


def spelled_out(code: str, text: str) -> str | None:
    """The words of ``text`` whose initials spell ``code`` ("human coronary artery endothelial cells" for
    ``HCAECs``), or None: a row may explain a code its legend lacks.
    """
    letters = code_key(code).casefold()
    words = re.findall(r"[^\W\d_]+", str(text))
    if len(letters) < 2 or not letters.isalpha():
        return None
    for start in range(len(words) - len(letters) + 1):
        window = words[start : start + len(letters)]
        if "".join(w[0] for w in window).casefold() == letters:
            return " ".join(window)
    return None


@rule("A8", "undefined code beside an unused legend entry", "abbreviations", *PRINTED)
def undefined_beside_unused(abbr, t1, t2, t3, t4) -> list[Finding]:
    """A code a table prints that its legend lacks, while the legend explains a similar code the table never prints.

    The two findings (A3 or none, and A4) may be one slip. Warning when the
    two codes have the same letters in another order ("MI", "IM"); check
    when they only have one length and ending. A code the same row spells out
    by its initials is explained, and never reported.
    """
    legends, tables = _legends(abbr), printed_tables(t1, t2, t3, t4)
    out = []
    for table in TABLE_LEGENDS:
        frame, here = tables.get(table), legends.get(table, {})
        if frame is None or not here:
            continue
        unused = [entries[0] for key, entries in here.items() if key not in _used_keys(frame)]
        for row, col, cell, tok in _undefined_codes(frame, set(here)):
            # A row that spells the code out explains it (HCAECs: "human coronary artery endothelial cells"):
            # no slip to pair; an unused legend entry beside it is rule A4's alone.
            if spelled_out(tok, " ".join(str(v) for v in frame.loc[frame["row"] == row].iloc[0].tolist())):
                continue
            key = code_key(tok)
            for e in unused:
                other = code_key(e.abbreviation)
                swapped = _same_letters(key, other)
                if not (swapped or _same_shape(key, other)):
                    continue
                how = "the same letters in another order" if swapped else "the same length and ending"
                evidence = (
                    f"{at(table, row, col, cell)}; not in the {table} legend; {_entry(e)}; no cell of {table} prints it"
                )
                msg = (
                    f"{q(tok)} is explained nowhere under this table, whose legend explains {e.abbreviation} "
                    f"({how}) but never uses it: perhaps one slip. What {q(tok)} means is not reported in the review."
                )
                out.append(Finding("A8", "warning" if swapped else "check", table, str(row), col, evidence, msg, tok))
    return out


#: Words of a Purpose or Effects cell that say the product was given to someone.
_DELIVERY = re.compile(r"\b(?:implant|inject|infus|transplant|administ|deliver)\w*", re.IGNORECASE)


def _not_applicable(abbr: pd.DataFrame) -> dict:
    """Table -> its legend's entry for "not applicable" (``NA``), when the legend defines one."""
    return {
        r.legend: r
        for r in abbr.itertuples(index=False)
        if meaning_words(r.definition) == meaning_words("not applicable")
    }


def _applied(r: dict, route: str, dose: str, na: str) -> tuple[str, str]:
    """What the row prints that shows the route or dose marked ``na`` did apply, and the cell it is in."""
    t, n = r["table"], r["row"]
    if route == na and dose and dose != na:
        return f"a dose ({dose}) is printed after it, so a route applied", ""
    if dose == na and route and route != na:
        return f"a route ({route}) is printed before it, so a dose applied", ""
    model, follow = str(r.get("animal_model") or "").strip(), str(r.get("follow_up") or "").strip()
    if route == na and model and t != "table3":
        why = f"the row prints an animal model ({model})" + (f" and a follow-up ({follow})" if follow else "")
        return why + ", so a route and a dose applied", at(t, n, "animal_model", model)
    said = _DELIVERY.search(str(r.get("effects") or ""))
    if route == na and said:
        return f"the row's own text speaks of {said[0].lower()}, so a route applied", at(t, n, "effects", r["effects"])
    return "", ""


def _na_message(e, why: str) -> str:
    """What an NA that cannot mean "not applicable" leaves open: only that it is not what the legend says.

    The print supports no one reading, whether NA stands for a dose after a printed route or in the route's
    place (a value not reported, an unexplained code or a slip), so the message names no meaning for it and
    reads the same on every such cell (table2 fourth reading 4.2).
    """
    said = f"{q(e.abbreviation)} is defined as {e.definition}, but {why}: {e.definition} cannot be meant here"
    return f"{said}, and what {q(e.abbreviation)} stands for in this cell is not reported in the review."


@rule("A9", "'Not Applicable' where something applied", "abbreviations", "rows")
def not_applicable_applied(abbr: pd.DataFrame, rows: pd.DataFrame) -> list[Finding]:
    """A route or dose printed as the legend's "NA: Not Applicable" where the row shows one applied (check).

    A dose after an NA route, a route before an NA dose, an animal model
    beside an NA route, or a Purpose that speaks of an implantation: the NA
    cannot mean "not applicable" there. What it does mean the print does not
    say (see :func:`_na_message`). The finding's subject is the NA code, so a
    note on the same cell that already explains it takes the finding in.
    """
    entries, out = _not_applicable(abbr), []
    for r in rows.to_dict("records"):
        e = entries.get(r["table"])
        cell = str(r.get("route_dosage") or "")
        if e is None or e.abbreviation not in tokens(cell):
            continue
        route, dose = (s.strip() for s in split_route_dosage(cell))
        why, beside = _applied(r, route, dose, e.abbreviation)
        if not why:
            continue
        t, n = r["table"], r["row"]
        evidence = "; ".join(x for x in (at(t, n, "route_dosage", cell), beside, _entry(e)) if x)
        msg = _na_message(e, why)
        out.append(Finding("A9", "check", t, str(n), field_name(t, "route_dosage"), evidence, msg, e.abbreviation))
    return out
