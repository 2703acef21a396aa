"""How well the lexicon tags the studies: precision and recall against a reviewed reading.

``data/annotation.csv`` is the reference: two readers who never saw the
lexicon's output read every row of Tables 1-2 against the definitions of
``data/categories.csv`` and recorded each (row, category) pair that either
proposed; their disagreements were reconciled row by row, with the reason
recorded. A pair absent from the file was proposed by neither reader and
counts as not supported. Where a definition changed after that reading, the
pairs of the changed categories were re-read by reader A with the settled
reading in view (their ``resolution`` begins "re-read"), so A's reading of
them is not independent and is left out of A's score; reader B read them
afterwards, blind. A reader's column says ``pending`` while that reader has
not read a pair under the current definitions; such pairs are left out of
that reader's score too.

:func:`score` compares the tags of :func:`helpers.data.tags.tag_rows` (lexicon
plus curated corrections) with the pairs the reference marks ``yes``.
"""

from __future__ import annotations

import pandas as pd

from helpers.data import curated

__all__ = [
    "reference",
    "readers",
    "pending",
    "reread",
    "not_independent",
    "coverage",
    "score",
    "disagreements",
    "TARGETS",
]

#: What the figures promise: overall precision and recall, and the floor for
#: each category's precision and recall.
TARGETS = {"precision": 0.97, "recall": 0.93, "category floor": 0.85}

_KEY = ["table", "row", "kind", "tag"]


def reference() -> pd.DataFrame:
    """The reviewed annotation's supported (row, category) pairs."""
    frame = curated.load("annotation")
    return frame.loc[frame["supported"] == "yes", [*_KEY, "evidence"]].astype({"row": "int64"})


def readers() -> dict[str, pd.DataFrame]:
    """What each independent reader proposed (sure or doubtful), before reconciliation.

    Scoring a reader against the reconciled reference shows how far two
    careful people differ on the same printed words: the ceiling for any
    automatic tagging.
    """
    frame = curated.load("annotation").astype({"row": "int64"})
    return {
        f"reader {name[-1].upper()}": frame.loc[frame[name].isin(["sure", "doubtful"]), _KEY]
        for name in ("reader_a", "reader_b")
    }


def pending() -> dict[str, pd.DataFrame]:
    """Per reader, the pairs that reader has not yet read under the current definitions."""
    frame = curated.load("annotation").astype({"row": "int64"})
    return {
        f"reader {name[-1].upper()}": frame.loc[frame[name] == "pending", _KEY] for name in ("reader_a", "reader_b")
    }


#: How ``resolution`` begins for a pair re-read after its definition changed.
REREAD = "re-read"


def reread() -> pd.DataFrame:
    """The pairs re-read by reader A after their definition changed, with the settled reading in view."""
    frame = curated.load("annotation").astype({"row": "int64"})
    return frame.loc[frame["resolution"].fillna("").str.startswith(REREAD), [*_KEY, "supported", "reader_b"]]


def not_independent() -> dict[str, pd.DataFrame]:
    """Per reader, the pairs left out of that reader's score: pending ones, and reader A's re-read ones.

    Reader A re-read the pairs of the changed definitions knowing how the first
    reading had been settled, so agreement there says nothing about A; reader
    B read them blind.
    """
    out = pending()
    again = reread()[_KEY]
    out["reader A"] = pd.concat([out["reader A"], again]).drop_duplicates()
    return out


def coverage(selected: dict[str, pd.DataFrame], categories: pd.DataFrame) -> dict[str, int]:
    """What the reviewed reading holds for the selected studies, in counts.

    Returns
    -------
    dict
        ``studies`` and ``categories`` (the reading's scope), ``possible``
        (their product: every study against every category), ``pairs`` (the
        pairs either reader proposed, which the file records), ``supported``
        (of those, the reconciled ``yes``), ``pending`` (pairs a reader has not
        read under the current definitions), ``reread`` (pairs reader A re-read
        after their definition changed), of those ``reread supported`` (the
        settled ``yes``), ``reread agreed`` (where reader B, reading blind,
        proposed exactly the supported ones) and ``reread doubtful`` (reader B
        doubtful); and, per reader, ``<reader> proposed`` and ``<reader>
        supported``: the pairs scored for that reader (its not independent ones
        left out) that it proposed, and how many of them the settled reading
        supports.
    """
    keys = {(t, int(r)) for t, f in selected.items() for r in f["row"]}
    frame = curated.load("annotation").astype({"row": "int64"})
    frame = frame[[(t, r) in keys for t, r in zip(frame["table"], frame["row"])]]
    studies, n_categories = len(keys), len(categories)
    again = _pairs(reread())
    is_again = pd.Series([p in again for p in _pairs_list(frame)], index=frame.index, dtype=bool)
    proposed_b = frame["reader_b"].isin(["sure", "doubtful"])
    supported = frame["supported"] == "yes"
    per_reader = {}
    for name, skipped in not_independent().items():
        skip = _pairs(skipped)
        scored = frame[pd.Series([p not in skip for p in _pairs_list(frame)], index=frame.index, dtype=bool)]
        proposed = scored[f"reader_{name[-1].lower()}"].isin(["sure", "doubtful"])
        per_reader[f"{name} proposed"] = int(proposed.sum())
        per_reader[f"{name} supported"] = int((proposed & (scored["supported"] == "yes")).sum())
    return {
        "studies": studies,
        "categories": n_categories,
        "possible": studies * n_categories,
        "pairs": len(frame),
        "supported": int((frame["supported"] == "yes").sum()),
        "pending": int(((frame["reader_a"] == "pending") | (frame["reader_b"] == "pending")).sum()),
        "reread": int(is_again.sum()),
        "reread supported": int((is_again & supported).sum()),
        "reread agreed": int((is_again & (proposed_b == supported)).sum()),
        "reread doubtful": int((is_again & (frame["reader_b"] == "doubtful")).sum()),
        **per_reader,
    }


def _pairs_list(frame: pd.DataFrame) -> list[tuple]:
    return list(frame[_KEY].astype({"row": "int64"}).itertuples(index=False, name=None))


def _pairs(frame: pd.DataFrame) -> set[tuple]:
    return set(frame[_KEY].astype({"row": "int64"}).itertuples(index=False, name=None))


def score(tagged: pd.DataFrame, truth: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall of the tags, per category and overall.

    Parameters
    ----------
    tagged : pandas.DataFrame
        From :func:`helpers.data.tags.tag_rows`, over the rows being scored.
    truth : pandas.DataFrame
        From :func:`reference`, restricted to the same rows.
    categories : pandas.DataFrame
        From :func:`helpers.data.tags.load_categories`: the rows of the result.

    Returns
    -------
    pandas.DataFrame
        One line per category, then per kind, then ``all``: ``kind``,
        ``category``, ``true positives``, ``false positives``, ``false
        negatives``, ``precision`` and ``recall`` (NaN when undefined: a
        category nobody tagged has no precision).
    """
    found, expected = _pairs(tagged), _pairs(truth)
    lines = []
    groups = [(k, t, label) for k, t, label in categories[["kind", "tag", "label"]].itertuples(index=False)]
    for kind, tag, label in groups:
        lines.append(
            _line(
                kind, label, {p for p in found if p[2:] == (kind, tag)}, {p for p in expected if p[2:] == (kind, tag)}
            )
        )
    for kind in dict.fromkeys(categories["kind"]):
        lines.append(
            _line(
                kind,
                f"all {kind}s" if kind != "cargo" else "all cargo",
                {p for p in found if p[2] == kind},
                {p for p in expected if p[2] == kind},
            )
        )
    lines.append(_line("all", "all categories", found, expected))
    return pd.DataFrame(lines)


def _line(kind: str, name: str, found: set, expected: set) -> dict:
    tp, fp, fn = len(found & expected), len(found - expected), len(expected - found)
    return {
        "kind": kind,
        "category": name,
        "true positives": tp,
        "false positives": fp,
        "false negatives": fn,
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": tp / (tp + fn) if tp + fn else float("nan"),
    }


def disagreements(tagged: pd.DataFrame, truth: pd.DataFrame) -> pd.DataFrame:
    """Every pair the lexicon and the reference disagree on, with its printed words.

    Returns
    -------
    pandas.DataFrame
        ``table, row, kind, tag, error, words``: ``false positive`` lines
        carry the lexicon's phrase, ``false negative`` lines the reference's
        evidence.
    """
    found = {
        tuple(line[:4]): line[4]
        for line in tagged[[*_KEY, "phrase"]].astype({"row": "int64"}).itertuples(index=False, name=None)
    }
    expected = {tuple(line[:4]): line[4] for line in truth[[*_KEY, "evidence"]].itertuples(index=False, name=None)}
    lines = [(*k, "false positive", found[k]) for k in sorted(set(found) - set(expected))]
    lines += [(*k, "false negative", expected[k]) for k in sorted(set(expected) - set(found))]
    return pd.DataFrame(lines, columns=[*_KEY, "error", "words"])


def report(selected: dict[str, pd.DataFrame], tagged: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """The accuracy table a figure notebook shows, over the selected studies.

    One line per category, then per kind, then overall: how many pairs the
    settled reading supports, and the precision and recall of each
    reader against it (the pairs a reader did not read independently,
    :func:`not_independent`, are left out of that reader's score, on both
    sides), then of the lexicon with its curated corrections,
    whose columns say "by construction" because the lexicon was revised, and
    the corrections written, with the settled reading in view. Rounded to two
    decimals.
    """
    keys = {(t, int(r)) for t, f in selected.items() for r in f["row"]}

    def within(frame: pd.DataFrame) -> pd.DataFrame:
        inside = [(t, int(r)) in keys for t, r in zip(frame["table"], frame["row"])]
        return frame[pd.Series(inside, index=frame.index, dtype=bool)]

    truth = within(reference())
    skipped = not_independent()
    columns = {}
    for name, found in readers().items():
        skip = _pairs(within(skipped[name]))
        kept = truth[pd.Series([p not in skip for p in _pairs_list(truth)], index=truth.index, dtype=bool)]
        found = within(found)
        found = found[pd.Series([p not in skip for p in _pairs_list(found)], index=found.index, dtype=bool)]
        scored = score(found, kept, categories)
        columns[f"{name} precision"] = scored["precision"]
        columns[f"{name} recall"] = scored["recall"]
    lexicon = score(within(tagged), truth, categories)
    frame = pd.DataFrame(
        {
            "kind": lexicon["kind"],
            "category": lexicon["category"],
            "supported pairs": lexicon["true positives"] + lexicon["false negatives"],
            **columns,
            "lexicon precision (by construction)": lexicon["precision"],
            "lexicon recall (by construction)": lexicon["recall"],
        }
    )
    return frame.round(2)
