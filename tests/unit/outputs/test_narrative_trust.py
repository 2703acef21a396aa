"""helpers.outputs.narrative.trust_text: the "how far to trust the tags" paragraph, from a coverage dict.

The coverage dicts are written by hand in the shape :func:`helpers.analysis.accuracy.coverage`
returns; each paragraph is spelled out from them.
"""

from __future__ import annotations

import pytest

from helpers.outputs import narrative

BASE = {
    "studies": 56,
    "categories": 30,
    "pairs": 200,
    "possible": 1680,
    "supported": 150,
    "pending": 0,
    "reader A supported": 95,
    "reader A proposed": 100,
    "reader B supported": 2,
    "reader B proposed": 3,
}
OPENING = (
    "Two readers who never saw the lexicon's output read the 56 selected studies' Effects cells against the 30 "
    "categories of data/categories.csv and recorded each (study, category) pair that either proposed: 200 of the "
    "1680 possible pairs, 150 of them supported after their disagreements were settled row by row "
    "(data/annotation.csv). A pair that neither proposed counts as not supported, so a pair both readers missed "
    "is never counted against them: recall is an upper bound. "
)
CHANGED = (
    "After that reading the definitions changed: transcription factors and nuclear receptors moved out of the "
    "pathway families into the kind 'regulator'; the AMPK/NR4A1 family was split into AMPK (a pathway, only where "
    "AMPK is printed) and NR4A1 (a regulator); and miRNA cargo was narrowed to a miRNA the product carries, "
    "delivers or overexpresses, or names as its mediator, not an inhibitor of one nor a host miRNA it targets. "
    "Reader A re-read the {pairs} of the changed categories with the first settled reading in view, so A's "
    "reading of them is not independent and they are left out of A's score; reader B then read them blind and "
    "agreed with the settled reading on {agreed} "
)
CLOSING = (
    "The table scores each reader per category against the settled reading (the real measure of agreement; an "
    "empty cell is a category with no pair left to score), then the lexicon with its curated corrections: that "
    "row agrees by construction, because the lexicon was revised and the corrections written with the settled "
    "reading in view, so it promises nothing about new studies."
)
PRECISION = (
    "Over all categories, reader A's precision is 0.95 (95 of 100 proposed pairs supported) and reader B's {b}. "
)
B = "0.67 (2 of 3 proposed pairs supported)"

TRUST = [
    ("no re-read pairs, none pending", BASE, OPENING + PRECISION.format(b=B) + CLOSING),
    (
        "re-read pairs all agreed, some doubtful; one pair pending",
        {**BASE, "reread": 12, "reread agreed": 12, "reread supported": 9, "reread doubtful": 2, "pending": 1},
        OPENING
        + CHANGED.format(pairs="12 pairs", agreed="all 12")
        + "(9 supported, 3 rejected), doubtful of 2. "
        + "1 pair still await a reader under the current definitions and are left out of that reader's score. "
        + PRECISION.format(b=B)
        + CLOSING,
    ),
    (
        "one re-read pair, not agreed, none doubtful; reader B proposed nothing; pairs pending",
        {
            **BASE,
            "reread": 1,
            "reread agreed": 0,
            "reread supported": 1,
            "reread doubtful": 0,
            "pending": 4,
            "reader B supported": 0,
            "reader B proposed": 0,
        },
        OPENING
        + CHANGED.format(pairs="1 pair", agreed="0 of the 1")
        + "(1 supported, 0 rejected). "
        + "4 pairs still await a reader under the current definitions and are left out of that reader's score. "
        + PRECISION.format(b="not measurable (no pair)")
        + CLOSING,
    ),
    (
        "some of the re-read pairs agreed",
        {**BASE, "reread": 10, "reread agreed": 7, "reread supported": 6, "reread doubtful": 1},
        OPENING
        + CHANGED.format(pairs="10 pairs", agreed="7 of the 10")
        + "(6 supported, 4 rejected), doubtful of 1. "
        + PRECISION.format(b=B)
        + CLOSING,
    ),
]


@pytest.mark.parametrize("rule, coverage, text", TRUST, ids=[t[0] for t in TRUST])
def test_trust_text_states_the_reviewed_readings_scope(rule, coverage, text):
    """trust_text: pairs read, re-read pairs out of A's score with B's blind agreement, pending pairs, precisions."""
    assert narrative.trust_text(coverage) == text, rule


PRECISIONS = [
    ("two decimals with its counts", 95, 100, "0.95 (95 of 100 proposed pairs supported)"),
    ("rounded half up from two thirds", 2, 3, "0.67 (2 of 3 proposed pairs supported)"),
    ("no pair proposed", 0, 0, "not measurable (no pair)"),
]


@pytest.mark.parametrize("rule, part, whole, text", PRECISIONS, ids=[p[0] for p in PRECISIONS])
def test_precision(rule, part, whole, text):
    """_precision: supported over proposed, to two decimals, with the counts; none when nothing was proposed."""
    assert narrative._precision(part, whole) == text, rule
