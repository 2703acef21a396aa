"""The blind domain readings in ``docs/reviews/``: when an exhibit was last read against the print, and what is open.

Each exhibit has a record ``docs/reviews/<id>.md``, written by a reader who
had not seen the code (``docs/reviews/BRIEF.md``). The record is Markdown for
people; this module reads the few things the site and the tests need from it,
in a form the records already follow:

- every finding is a table row whose first cell is its id (``| 7 | ...``; a
  later reading numbers its findings ``2.1``, ``2.2``, ...);
- every resolution is a list line ``7. fixed: ...`` or ``7. answered: ...``
  (below a ``## Resolutions`` heading);
- the reading is dated by ``Read at commit `abc1234` on 2026-12-06`` (the
  last such line is the latest reading);
- the verdict is one of the three phrases of the brief, on a ``Verdict:`` line;
- a later reading checks every resolution in a table whose rows start
  ``| #7 | holds |`` (or ``partly``, ``does not hold``): a resolution that
  does not fully hold reopens its finding.

A record that breaks these rules (a resolution of a finding that does not
exist, a finding numbered twice, no date) raises :class:`RecordError` naming
the file and the line, so a typo cannot hide an open finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpers.core import paths

__all__ = ["RECORDS_DIR", "VERDICTS", "Reading", "RecordError", "index_rows", "parse", "read"]

RECORDS_DIR: Path = paths.ROOT / "docs" / "reviews"
#: The verdicts of the brief, strongest first.
VERDICTS = ("would not cite", "cite after fixes", "would cite as is")

_FINDING = re.compile(r"^\|\s*(\d+(?:\.\d+)?)\s*\|")
_RESOLUTION = re.compile(r"^\s*(?:[-*]\s+)?(\d+(?:\.\d+)?)\.\s+(fixed|answered)\b", re.IGNORECASE)
_READ_AT = re.compile(r"[Rr]ead at commit `([0-9a-f]{7,40})`(?: on (\d{4}-\d{2}-\d{2}))?")
_CHECK = re.compile(r"^\|\s*#(\d+(?:\.\d+)?)\s*\|\s*(holds|partly|does not hold)\b", re.IGNORECASE)
_VERDICT = re.compile(r"^Verdict:\s*\**\s*(" + "|".join(VERDICTS) + r")", re.IGNORECASE)


class RecordError(ValueError):
    """A reading record that does not follow the rules in this module's docstring."""


@dataclass(frozen=True)
class Reading:
    """What a reading record says about one exhibit.

    Attributes
    ----------
    exhibit : str
        The exhibit id (the record's stem).
    commit, date : str
        The commit the exhibit was last read at, and the day.
    verdict : str
        The latest verdict, one of :data:`VERDICTS`.
    findings : tuple of str
        Every finding's id, in the record's order.
    resolutions : dict
        Finding id -> ``"fixed"`` or ``"answered"``.
    reopened : tuple of str
        Findings whose resolution a later reading found to hold only partly, or not at all.
    """

    exhibit: str
    commit: str
    date: str | None
    verdict: str
    findings: tuple[str, ...]
    resolutions: dict[str, str]
    reopened: tuple[str, ...] = ()

    @property
    def open(self) -> tuple[str, ...]:
        """The ids of the findings with no resolution yet, or whose resolution was reopened."""
        return tuple(f for f in self.findings if f not in self.resolutions or f in self.reopened)

    def count(self, kind: str) -> int:
        """How many findings are closed as ``kind`` (``"fixed"`` or ``"answered"``) and not reopened."""
        return sum(1 for f, k in self.resolutions.items() if k == kind and f not in self.reopened)


def parse(text: str, exhibit: str, where: str = "") -> Reading:
    """Read a record's text.

    Parameters
    ----------
    text : str
        The Markdown of ``docs/reviews/<exhibit>.md``.
    exhibit : str
        The exhibit id.
    where : str
        The file's name for error messages (defaults to ``docs/reviews/<exhibit>.md``).

    Raises
    ------
    RecordError
        Naming the file and line of a duplicate finding, a resolution of an
        unknown finding, or a record with no date or verdict.
    """
    where = where or f"docs/reviews/{exhibit}.md"
    findings: list[str] = []
    resolutions: dict[str, str] = {}
    reopened: set[str] = set()  # in record order: a later resolution closes a reopened finding again
    commit = date = verdict = None
    in_resolutions = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            in_resolutions = line.lstrip("#").strip().lower().startswith("resolutions")
            continue
        if found := _FINDING.match(line):
            if found.group(1) in findings:
                raise RecordError(f"{where}, line {number}: finding {found.group(1)} is numbered twice")
            findings.append(found.group(1))
        elif in_resolutions and (resolved := _RESOLUTION.match(line)):
            resolutions[resolved.group(1)] = resolved.group(2).lower()
            reopened.discard(resolved.group(1))
            if resolved.group(1) not in findings:
                raise RecordError(
                    f"{where}, line {number}: a resolution of finding {resolved.group(1)}, "
                    "which the record does not list"
                )
        elif checked := _CHECK.match(line):
            if checked.group(1) not in findings:
                raise RecordError(
                    f"{where}, line {number}: a check of finding {checked.group(1)}, which the record does not list"
                )
            if checked.group(2).lower() == "holds":
                reopened.discard(checked.group(1))
            else:
                reopened.add(checked.group(1))
        if read_at := _READ_AT.search(line):
            commit, date = read_at.group(1), read_at.group(2) or date
        if said := _VERDICT.match(line):
            verdict = said.group(1).lower()
    if commit is None:
        raise RecordError(f"{where}: no line says 'Read at commit `<sha>` on <date>'")
    if verdict is None:
        raise RecordError(f"{where}: no 'Verdict:' line with one of: {', '.join(VERDICTS)}")
    return Reading(
        exhibit, commit, date, verdict, tuple(findings), resolutions, tuple(f for f in findings if f in reopened)
    )


def read(exhibit: str, folder: Path | None = None) -> Reading | None:
    """The reading of ``exhibit``, or None when it has no record yet."""
    path = (folder or RECORDS_DIR) / f"{exhibit}.md"
    if not path.is_file():
        return None
    return parse(path.read_text(encoding="utf-8"), exhibit, where=paths.relative(path))


def index_rows(exhibits: list[str]) -> str:
    """The rows of ``docs/reviews/README.md``'s table, one per exhibit: verdict, findings, open.

    ``python -m review.readings`` prints them to paste into the index after a
    record changes; ``tests/unit/review/test_readings.py`` checks the index
    against the records.
    """
    rows = []
    for exhibit in sorted(exhibits):
        reading = read(exhibit)
        if reading is not None:
            rows.append(
                f"| [{exhibit}]({exhibit}.md) | {reading.verdict} | {len(reading.findings)} | {len(reading.open)} |"
            )
    return "\n".join(rows)


def write_index(exhibits: list[str], index: Path | None = None) -> bool:
    """Replace the table rows of ``docs/reviews/README.md`` with :func:`index_rows`.

    Returns True when the file changed. Only the lines that are table rows of
    the index (``| [id](id.md) | ...``) are replaced, so the prose around the
    table is kept; merging two branches that both edited records then needs
    only this call, not a hand edit of the counts.
    """
    index = index or RECORDS_DIR / "README.md"
    text = index.read_text(encoding="utf-8")
    row = re.compile(r"^\| \[\w+\]\(\w+\.md\) \|.*\|$\n?", flags=re.MULTILINE)
    spans = [m.span() for m in row.finditer(text)]
    if not spans:
        raise RecordError(f"{paths.relative(index)}: no table rows to replace")
    start, end = spans[0][0], spans[-1][1]
    new = text[:start] + index_rows(exhibits) + "\n" + text[end:]
    if new == text:
        return False
    index.write_text(new, encoding="utf-8")
    return True


if __name__ == "__main__":
    import sys

    from helpers.core import catalog

    if sys.argv[1:] == ["--write"]:
        changed = write_index(list(catalog.EXHIBITS))
        print("docs/reviews/README.md " + ("updated" if changed else "already current"))
    else:
        print(index_rows(list(catalog.EXHIBITS)))
