"""Rule family T: typing slips (words one letter apart from the review's own vocabulary)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from helpers.audit.labels import _label_corpus
from helpers.audit.registry import PRINTED, Finding, printed_tables, q, rule


def _one_letter_apart(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter inside the word: not an ending, an s, or punctuation."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 and diff[0] < len(a) - 2 and a[diff[0]].isalpha() and b[diff[0]].isalpha()
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(
        long_[:i] + long_[i + 1 :] == short and long_[i].isalpha() and long_[i] != "s" and i < len(long_) - 1
        for i in range(len(long_))
    )


def _near_words(vocabulary: list[str]):
    """A lookup of the words one edit away from a word, in ``vocabulary`` order.

    Comparing every word with every other is quadratic: at 100 times the
    data (some 20,000 distinct words) it took over a minute. Words one
    substitution apart share a key with a wildcard at that position, and a
    word one letter longer becomes the other when that letter is deleted, so
    three dictionary lookups per position find every candidate. Candidates
    are returned in vocabulary order, so the first match is the one the
    pairwise scan found; :func:`_one_letter_apart` still decides.
    """
    order = {v: i for i, v in enumerate(vocabulary)}
    wildcard, deleted = defaultdict(list), defaultdict(list)
    for v in vocabulary:
        for i in range(len(v)):
            wildcard[v[:i] + "\0" + v[i + 1 :]].append(v)
            deleted[v[:i] + v[i + 1 :]].append(v)
    cache: dict[str, list[str]] = {}

    def near(word: str) -> list[str]:
        if word not in cache:
            found = set(deleted.get(word, ()))  # one letter longer
            for i in range(len(word)):
                found.update(wildcard.get(word[:i] + "\0" + word[i + 1 :], ()))  # one letter changed
                shorter = word[:i] + word[i + 1 :]  # one letter shorter
                if shorter in order:
                    found.add(shorter)
            found.discard(word)
            cache[word] = sorted(found, key=order.__getitem__)
        return cache[word]

    return near


def _phrases(abbr, notes, refs, tables):
    """Yield (location or None, cell, words) for every text; titles only count, they are never reported."""
    for table, row, field, cell in _label_corpus(abbr.iloc[0:0], tables):
        yield (table, row, field), cell
    for r in abbr.itertuples(index=False):
        yield ("abbreviations", f"{r.legend}:{r.position}", "definition"), str(r.definition)
    for r in notes.itertuples(index=False):
        yield ("abbreviations", f"{r.legend}:{r.position}", "text"), str(r.text)
    for title in refs["title"]:
        yield None, str(title)


def _neighbours_shared(before: str, after: str, other: tuple) -> int:
    """How many of a word's neighbours (0-2) another occurrence shares; a missing neighbour ("") shares none.

    Counted with bool(): a word first or last in its phrase has "" for a neighbour, and "" + True raised
    TypeError, which stopped the whole audit.
    """
    return int(bool(before) and other[1] == before) + int(bool(after) and other[2] == after)


@rule("T1", "one-letter slip", "abbreviations", "legend_notes", "references", *PRINTED)
def one_letter_slip(abbr, notes, refs, t1, t2, t3, t4) -> list[Finding]:
    """A lower-case word printed once that is one letter away from a commoner word printed in the same phrase.

    The two must share a neighbouring word (both neighbours when a letter is
    added or dropped), so "etudy" beside "efficacy study" is found while
    "affect" and "effect", or "induces" and "induced", are not (warning).
    """
    occurrences = []
    for where, cell in _phrases(abbr, notes, refs, printed_tables(t1, t2, t3, t4)):
        words = [w.strip('.,;:()[]"') for w in cell.split()]
        words = [w for w in words if w]
        for i, w in enumerate(words):
            before, after = (
                (words[i - 1].casefold() if i else ""),
                (words[i + 1].casefold() if i + 1 < len(words) else ""),
            )
            occurrences.append((w, before, after, where, cell))
    count = Counter(w.casefold() for w, *_ in occurrences)
    by_word = defaultdict(list)
    for o in occurrences:
        by_word[o[0].casefold()].append(o)
    near = _near_words(list(by_word))
    out = []
    for w, before, after, where, cell in occurrences:
        low = w.casefold()
        if where is None or len(w) < 4 or w[1:] != w[1:].lower() or not re.search(r"[a-z]", low):
            continue
        for v in near(low):
            others = by_word[v]
            if count[v] <= count[low] or not _one_letter_apart(low, v):
                continue
            need = 1 if len(v) == len(low) else 2
            match = next((o for o in others if _neighbours_shared(before, after, o) >= need), None)
            if match is None:
                continue
            there = f"{match[3][0]} row {match[3][1]} {match[3][2]}" if match[3] else "a cited title"
            evidence = f"{where[0]} row {where[1]} {where[2]} {q(cell)}; {there} {q(match[4])}"
            msg = f"{q(w)} differs by one letter from {q(match[0])}, printed elsewhere in the same phrase."
            out.append(Finding("T1", "warning", where[0], where[1], where[2], evidence, msg, w))
            break
    return out
