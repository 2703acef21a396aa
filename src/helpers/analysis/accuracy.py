"""How well the lexicon tags the studies: precision and recall against a reviewed reading.

``data/annotation.csv`` is the reference: two readers who never saw the
lexicon's output read every row of Tables 1-2 against the definitions of
``data/categories.csv`` and recorded each (row, category) pair that either
proposed; their disagreements were reconciled row by row, with the reason
recorded. A pair absent from the file was proposed by neither reader and
counts as not supported. Where a definition changed after that reading, the
pairs of the changed categories were re-read by one reader and reader B's
column says ``pending`` until a second independent reading is done; such
pairs are left out when reader B is scored.

:func:`score` compares the tags of :func:`helpers.data.tags.tag_rows` (lexicon
plus curated corrections) with the pairs the reference marks ``yes``.
"""

from __future__ import annotations

import pandas as pd

from helpers.data import curated

__all__ = ["reference", "readers", "pending", "coverage", "score", "disagreements", "TARGETS"]

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


def coverage(selected: dict[str, pd.DataFrame], categories: pd.DataFrame) -> dict[str, int]:
    """What the reviewed reading holds for the selected studies, in counts.

    Returns
    -------
    dict
        ``studies`` and ``categories`` (the reading's scope), ``possible``
        (their product: every study against every category), ``pairs`` (the
        pairs either reader proposed, which the file records), ``supported``
        (of those, the reconciled ``yes``) and ``pending`` (pairs re-read by one
        reader whose second independent reading is pending).
    """
    keys = {(t, int(r)) for t, f in selected.items() for r in f["row"]}
    frame = curated.load("annotation").astype({"row": "int64"})
    frame = frame[[(t, r) in keys for t, r in zip(frame["table"], frame["row"])]]
    studies, n_categories = len(keys), len(categories)
    return {
        "studies": studies,
        "categories": n_categories,
        "possible": studies * n_categories,
        "pairs": len(frame),
        "supported": int((frame["supported"] == "yes").sum()),
        "pending": int(((frame["reader_a"] == "pending") | (frame["reader_b"] == "pending")).sum()),
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
    independent reader against it (a reader's pending pairs are left out of
    that reader's score), then of the lexicon with its curated corrections,
    whose columns say "by construction" because the lexicon was revised, and
    the corrections written, with the settled reading in view. Rounded to two
    decimals.
    """
    keys = {(t, int(r)) for t, f in selected.items() for r in f["row"]}

    def within(frame: pd.DataFrame) -> pd.DataFrame:
        inside = [(t, int(r)) in keys for t, r in zip(frame["table"], frame["row"])]
        return frame[pd.Series(inside, index=frame.index, dtype=bool)]

    truth = within(reference())
    waiting = pending()
    columns = {}
    for name, found in readers().items():
        skip = _pairs(within(waiting[name]))
        kept = truth[pd.Series([p not in skip for p in _pairs_list(truth)], index=truth.index, dtype=bool)]
        scored = score(within(found), kept, categories)
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
