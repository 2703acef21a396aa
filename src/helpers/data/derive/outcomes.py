"""Effect direction, outcome level and head-to-head comparison, from a printed Effects cell.

The cue words live in ``data/outcome_cues.csv`` and the codes they lead to are
defined in ``data/outcome_codes.csv``; this module only applies them. The
cues were written with the two-reader annotation (``data/outcome_annotation.csv``)
in view, so agreement with it is by construction, not a test of the cues on
unseen cells.

Rules
-----
* Direction: a cue of what the cell prints instead of an effect (delivery,
  safety) makes the row ``not stated``; otherwise a benefit cue together with
  a no-effect or worse cue makes it ``mixed``, a benefit cue alone
  ``improved``, a no-effect or worse cue alone that code; no cue at all is
  ``not stated`` with ``mechanism only`` printed instead. A benefit stated
  only as a prospect ("may provide", "a potential strategy") in a cell that
  names no outcome is ``prospect only`` (first blind reading, effects 12).
  ``not stated`` is of the Effects cell only; the body text may state more.
* Level: the highest level any cue finds (organism > tissue > cellular or
  molecular), that is the level of the cell's words. No rule supplies a level
  the words do not name, and a row that prints no animal arm keeps the level
  its words name (Table 2 row 9); the exhibit marks such rows (effects 4, 5).
* Comparison: any comparison cue; a ``combination`` cue compares with either
  part alone, an ``implied`` cue prints no comparator arm. What was compared is
  read from the cell's MSC tissue sources where it compares sources (the first
  named did better, as both such cells print it), otherwise from the row's
  modification, naming only a priming the cell prints (``kind`` cues). Which
  did better is left empty where the cell states no direction (Table 1 row 18).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from helpers.core.vocab import TISSUE_CODES
from helpers.data import curated
from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent

__all__ = ["Outcome", "LEVELS", "DIRECTIONS", "INSTEAD", "outcomes", "load_cues", "outcome", "NOT_STATED", "PROSPECT"]

NOT_STATED = "not stated"
#: A benefit the Effects cell states only as a prospect, naming no outcome.
PROSPECT = "prospect only"
#: Effect directions, in the order exhibits list them.
DIRECTIONS: tuple[str, ...] = ("improved", PROSPECT, "mixed", "no effect", "worse", NOT_STATED)
#: Outcome levels, highest first.
LEVELS: tuple[str, ...] = ("organism", "tissue", "cellular or molecular", NOT_STATED)
#: What a not-stated row prints instead of a direction.
INSTEAD: tuple[str, ...] = ("mechanism only", "safety only", "delivery only", "delivery and safety only")
# The comparator each kind of comparison cue implies.
_COMPARATOR = {
    "yes": "{own} as obtained",
    "combination": "each alone",
    "implied": "{own} (comparator implied, not printed)",
}
# How a modification reads in "what was compared" (helpers.data.derive.modification.MODIFICATIONS).
_MODIFIED_AS = {
    "engineered": "engineered",
    "primed": "primed",
    "biomaterial": "with a biomaterial",
    "selected": "a selected subset of",
    "co-treatment": "with a co-agent",
}
_SOURCE_RE = re.compile(
    r"(?<![A-Za-z])[hmr]?(?P<tissue>" + "|".join(sorted(TISSUE_CODES, key=len, reverse=True)) + r")-?MSCs?\b"
)


class Outcome(NamedTuple):
    """What one Effects cell says of the treatment's effect."""

    direction: Derived
    instead: Derived
    level: Derived
    comparison: Derived
    comparison_what: Derived
    comparison_better: Derived
    evidence: str


def load_cues() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """The cues of ``data/outcome_cues.csv``: field -> [(code, compiled pattern)], in file order."""
    cues: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for field, code, pattern in curated.load("outcome_cues")[["field", "code", "pattern"]].itertuples(index=False):
        cues.setdefault(field, []).append((code, re.compile(pattern, re.IGNORECASE)))
    return cues


def _hits(text: str, cues: list[tuple[str, re.Pattern[str]]]) -> dict[str, str]:
    """Code -> the first printed words that support it."""
    found: dict[str, str] = {}
    for code, pattern in cues:
        hit = pattern.search(text)
        if hit and code not in found:
            found[code] = hit.group(0)
    return found


def _direction(text: str, cues: dict) -> tuple[Derived, Derived, str]:
    instead = _hits(text, cues.get("instead", []))
    if instead:
        said = " and ".join(code.replace(" only", "") for code in ("delivery only", "safety only") if code in instead)
        words = "; ".join(f"'{w}'" for w in instead.values())
        found = f"{said} only"
        assert found in INSTEAD, found
        return Derived(NOT_STATED), Derived(found), words
    hits = _hits(text, [c for c in cues.get("direction", []) if c[0] != PROSPECT])
    good, bad = "improved" in hits, [c for c in ("no effect", "worse") if c in hits]
    reason = _absent("the printed Effects cell states a direction")
    if good and bad:
        return Derived("mixed"), reason, "; ".join(f"'{w}'" for w in hits.values())
    if good or bad:
        code = "improved" if good else bad[0]
        return Derived(code), reason, f"'{hits[code]}'"
    return Derived(NOT_STATED), Derived("mechanism only"), ""


def _level(text: str, cues: dict) -> tuple[Derived, str]:
    """The highest level the cell's words name; a row's setting does not move it (effects 4, 5)."""
    hits = _hits(text, cues.get("level", []))
    best = next((level for level in LEVELS if level in hits), None)
    if best is None:
        return Derived(NOT_STATED), ""
    return Derived(best), f"'{hits[best]}'"


def _compared(
    text: str, tissue: str, modality: str, modification: str, cues: dict, how: str
) -> tuple[Derived, Derived]:
    """What vs what, and which did better as printed; ``how`` is the comparison cue's code."""
    noun = "MSCs" if modality == "cells" else "MSC exosomes"
    named = list(dict.fromkeys(m["tissue"] for m in _SOURCE_RE.finditer(text)))
    if len(named) > 1:
        first, rest = named[0], named[1:]
        return Derived(f"{first}-MSCs vs {', '.join(rest)}-MSCs"), Derived(f"{first}-MSCs")
    own = f"{tissue}-{noun}" if tissue else noun
    kinds_said = _hits(text, cues.get("kind", []))
    if "3D-cultured" in kinds_said:
        grown = f"{own} of 3D-cultured cells"
        return Derived(f"{grown} vs {own} of conventionally cultured cells"), Derived(grown)
    # A kind with cues of its own (a priming) is named only where the cell prints it (Table 1 row 10).
    checked = {code for code, _ in cues.get("kind", [])}
    kinds = [k for k in (modification or "").split("+") if k in _MODIFIED_AS and (k not in checked or k in kinds_said)]
    if not kinds:
        return _absent("the compared arms are not read from the cell"), _absent("no arms read")
    modified = f"{own} {' and '.join(_MODIFIED_AS[k] for k in kinds)}"
    return Derived(f"{modified} vs {_COMPARATOR[how].format(own=own)}"), Derived(modified)


def outcome(effects: str, setting: str, tissue: str = "", modality: str = "cells", modification: str = "") -> Outcome:
    """Derive direction, level and comparison from one printed Effects cell.

    Parameters
    ----------
    effects : str
        The printed Effects cell.
    setting : str
        The row's derived setting (``in vivo``, ``in vitro``, ``in vivo + in vitro``). Kept for callers: no
        code depends on it any more, since the level is that of the cell's words (effects 4, 5).
    tissue, modality, modification : str, optional
        The row's derived codes, used only to name what a comparison compared.

    Returns
    -------
    Outcome
        Each field a :class:`Derived`; ``evidence`` names the printed words behind each.
    """
    text, cues = _squash(effects), load_cues()
    direction, instead, direction_words = _direction(text, cues)
    level, level_words = _level(text, cues)
    prospect = _hits(text, [c for c in cues.get("direction", []) if c[0] == PROSPECT])
    if direction.value == "improved" and level.value == NOT_STATED and prospect:
        direction, direction_words = Derived(PROSPECT), f"'{prospect[PROSPECT]}'"
    compare_hits = _hits(text, cues.get("comparison", []))
    if compare_hits:
        comparison = Derived(True)
        how = next(iter(compare_hits))
        what, better = _compared(text, tissue, modality, modification, cues, how)
        if instead.value == "mechanism only":  # delivery or safety rows still say which arm delivered better
            better = _absent("the Effects cell states no direction, so not which arm did better")
    else:
        comparison = Derived(False)
        what = better = _absent("no head-to-head comparison printed in the Effects cell")
    evidence = "; ".join(
        part
        for part in (
            f"direction: {direction_words}" if direction_words else "",
            f"level: {level_words}" if level_words else "",
            "comparison: " + "; ".join(f"'{w}'" for w in compare_hits.values()) if compare_hits else "",
        )
        if part
    )
    return Outcome(direction, instead, level, comparison, what, better, evidence)


def outcomes(studies: pd.DataFrame, effects: pd.Series) -> pd.DataFrame:
    """The outcome columns of every study, from its Effects cell and derived codes.

    Parameters
    ----------
    studies : pandas.DataFrame
        Coded rows with ``setting``, ``tissue``, ``modality`` and ``modification``.
    effects : pandas.Series
        The printed Effects cells, aligned with ``studies``.

    Returns
    -------
    pandas.DataFrame
        ``effect_direction``, ``effect_instead``, ``outcome_level``, ``comparison``,
        ``comparison_what``, ``comparison_better`` (each with ``<field>_missing``) and
        ``outcome_evidence``, indexed like ``studies``.
    """
    rows = [
        outcome(e, str(s), "" if pd.isna(t) else str(t), str(m), "" if pd.isna(x) else str(x))
        for e, s, t, m, x in zip(
            effects, studies["setting"], studies["tissue"], studies["modality"], studies["modification"]
        )
    ]
    fields = {
        "effect_direction": ("direction", "string"),
        "effect_instead": ("instead", "string"),
        "outcome_level": ("level", "string"),
        "comparison": ("comparison", "boolean"),
        "comparison_what": ("comparison_what", "string"),
        "comparison_better": ("comparison_better", "string"),
    }
    out = {}
    for column, (attr, dtype) in fields.items():
        values = [getattr(r, attr) for r in rows]
        out[column] = pd.array([pd.NA if v.missing else v.value for v in values], dtype=dtype)
        out[f"{column}_missing"] = pd.array([v.reason for v in values], dtype="string")
    out["outcome_evidence"] = pd.array([r.evidence for r in rows], dtype="string")
    return pd.DataFrame(out, index=studies.index)
