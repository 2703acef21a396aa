"""What the reading tests of the two evidence maps (fig1, fig2) check alike: claims, audited rows, unchecked numbers."""

from __future__ import annotations

import re

import pandas as pd

from helpers.core import paths
from helpers.data import curated


def check_claim(texts: dict[str, str], which: str, pattern: str, numbers: tuple[int, ...]) -> None:
    """The ``which`` text states ``pattern`` with exactly the recounted ``numbers``."""
    match = re.search(pattern, texts[which])
    assert match, f"claim not found in the {which}: {pattern}"
    assert tuple(int(g) for g in match.groups()) == numbers


def claim_id(claim: tuple[str, str, tuple[int, ...]]) -> str:
    """A parametrize id for a claim: its text's name, then the pattern's words in ASCII, each ``(\\d+)`` as ``N``.

    An explicit id with a backslash or a non-ASCII letter is escaped again by each further collection in one
    process, which is how mutmut collects; it then cannot find the test (``bench/mutation.py``,
    ``unfindable_tests``).
    """
    which, pattern, _ = claim
    words = re.sub(r"[^A-Za-z0-9]+", "-", pattern.replace(r"(\d+)", "N")).strip("-")
    return f"{which}-{words[:48].rstrip('-')}"


def audited(refs: set[str] | None = None) -> set[str]:
    """References of study rows that tables/audit.csv flags with a rule on filing (cited title R*, setting W6/W7,
    donor species W1, route W2: fourth reading, fig1 4.2, fig2 4.1)."""
    audit_csv = pd.read_csv(paths.ROOT / "tables" / "audit.csv", dtype=str)
    ref_of = {}
    for table, resource in (("table1", "msc_studies"), ("table2", "exosome_studies")):
        frame = curated.load(resource)
        ref_of.update({(table, str(r)): str(ref) for r, ref in zip(frame["row"], frame["ref"])})
    rule = audit_csv["rule"].str.split(" ").str[0]
    keep = (rule.str.startswith("R") | rule.isin(["W1", "W2", "W6", "W7"])) & (audit_csv["verdict"] == "confirmed")
    found = {ref_of[t, r] for t, r in zip(audit_csv.loc[keep, "table"], audit_csv.loc[keep, "row"]) if (t, r) in ref_of}
    return found if refs is None else found & refs


def check_caption_names_audited_rows(note: str, drawn: set[str], must_name: set[str]) -> None:
    """The caption counts and names every drawn row the audit questions, the ones the reading found included."""
    match = re.search(
        r"questions (\d+) drawn stud(?:y on its|ies on their) disease, host, product, setting, route or MSC source, "
        r"kept as printed: (.*)",
        note,
    )
    assert match, "the caption names the rows the audit questions"
    expected = audited(drawn)
    assert int(match.group(1)) == len(expected)
    assert set(re.findall(r"\[(\d+)\]", match.group(2))) == expected
    assert expected >= must_name


def check_every_number_is_covered(text: str, claims: list, identifiers: re.Pattern) -> None:
    """Every number in ``text`` is inside a checked claim, the audited-rows count, or an identifier."""
    covered = [m.span() for _, pattern, _ in claims for m in re.finditer(pattern, text)]
    covered += [m.span() for m in re.finditer(r"questions \d+ drawn stud", text)]
    covered += [m.span() for m in identifiers.finditer(text)]
    for number in re.finditer(r"\d+(?:\.\d+)?", text):
        assert any(a <= number.start() and number.end() <= b for a, b in covered), (
            f"unchecked number {number.group()!r} in: ...{text[max(0, number.start() - 60) : number.end() + 20]}..."
        )
