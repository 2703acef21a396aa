"""Rule family L, labels: one entity written in several forms, a column header its cells contradict."""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from helpers.audit.registry import PRINTED, Finding, printed_tables, q, rule

_TISSUE = r"(?i:ucb|uc|bm|ad|am|dp)"
#: An MSC label: optional one-letter species prefix, tissue, "MSC", plural, vesicle suffix.
_MSC_LABEL = re.compile(
    rf"(?<![A-Za-z])(?P<prefix>[hmrH](?={_TISSUE}-?MSC))?(?P<tissue>{_TISSUE})(?P<sep>-?)MSC(?P<plural>s?)"
    r"(?P<suffix>\s?-(?:Exos?|EVs?|sEVs?))?(?![A-Za-z])"
)
#: A label followed by a serial number ("…-sEV-001") names a product and keeps its sponsor's spelling, so it is
#: not counted (the messages say so: :data:`LABELS_COUNTED`).
_SERIAL = re.compile(r"-\d+\b")


def _label_corpus(abbr, tables: dict[str, pd.DataFrame]):
    """Yield (table, row, field, printed cell) for every text cell of Tables 1-4 and every legend code."""
    for table, frame in tables.items():
        if frame is None:
            continue
        columns = [c for c in frame.columns if c not in ("row", "ref", "enrollment")]
        for r in frame.to_dict("records"):
            for col in columns:
                yield table, str(r["row"]), col, str(r[col])
    for r in abbr.itertuples(index=False):
        yield "abbreviations", f"{r.legend}:{r.position}", "abbreviation", str(r.abbreviation)


def _msc_labels(abbr, tables):
    """Every MSC label printed, as (match, location) with the location's cell."""
    for table, row, field, cell in _label_corpus(abbr, tables):
        for m in _MSC_LABEL.finditer(cell):
            if not _SERIAL.match(cell, m.end()):
                yield m, (table, row, field, cell)


def _where(occurrences: list, limit: int = 3) -> str:
    shown = "; ".join(f"{q(text)} at {t} row {r} {f}" for text, (t, r, f, _) in occurrences[:limit])
    more = len(occurrences) - limit
    return shown + (f"; and {more} more" if more > 0 else "")


#: What the MSC-label rules count, said in their messages: a count means nothing without it.
LABELS_COUNTED = "in the cells of Tables 1-4 and the legends' codes, product names with a serial number left out"
#: What the disease-label rule counts.
DISEASES_COUNTED = "in the Disease cells of Tables 1-3"


def _variants(groups: dict, rule: str, what: str, counted: str, severity: str = "check") -> list[Finding]:
    """One finding per minority spelling of an entity, at its first occurrence; ``counted`` says where it counted."""
    out = []
    for styles in groups.values():
        if len(styles) < 2:
            continue
        ranked = sorted(styles.items(), key=lambda kv: -len(kv[1]))  # stable: ties keep first-seen order
        usual, usual_occ = ranked[0]
        for style, occ in ranked[1:]:
            table, row, field, _ = occ[0][1]
            evidence = f"{len(occ)}× {_where(occ)}; usual form {q(usual)} {len(usual_occ)}×: {_where(usual_occ)}"
            printed = occ[0][0]
            here = f"printed {q(printed)} here" + ("" if printed == style else f", in the form {q(style)}")
            msg = f"The same {what} is {here}; most places use the form {q(usual)} (counted {counted})."
            out.append(Finding(rule, severity, table, row, field, evidence, msg, style))
    return out


@rule("L1", "MSC label in several spellings", "abbreviations", *PRINTED)
def msc_label_variants(abbr, t1, t2, t3, t4) -> list[Finding]:
    """One MSC type (tissue, cells or vesicles) written with and without hyphen, or in another case (check).

    Labels are compared with the species prefix and the plural removed; what
    is left (``UC-MSC`` against ``UCMSC``) is the spelling.
    """
    groups: dict = defaultdict(lambda: defaultdict(list))
    for m, where in _msc_labels(abbr, printed_tables(t1, t2, t3, t4)):
        suffix = re.sub(r"s$", "", (m["suffix"] or "").replace(" ", ""))
        entity = (m["tissue"].upper(), suffix.casefold())
        groups[entity][f"{m['tissue']}{m['sep']}MSC{suffix}"].append((m[0], where))
    return _variants(groups, "L1", "MSC type", LABELS_COUNTED)


@rule("L2", "species prefix in two cases", "abbreviations", *PRINTED)
def prefix_case_variants(abbr, t1, t2, t3, t4) -> list[Finding]:
    """A one-letter species prefix printed in capitals (``HUC-MSC``) where the article writes it small (check)."""
    groups: dict = defaultdict(lambda: defaultdict(list))
    for m, where in _msc_labels(abbr, printed_tables(t1, t2, t3, t4)):
        if m["prefix"]:
            groups[m["prefix"].lower()][m["prefix"]].append((m[0], where))
    return _variants(groups, "L2", "species prefix", LABELS_COUNTED)


@rule("L3", "disease label in several forms", "msc_studies", "exosome_studies", "clinical_trials")
def disease_label_variants(t1, t2, t3) -> list[Finding]:
    """One disease printed in the Disease cells with other word order or case (check)."""
    groups: dict = defaultdict(lambda: defaultdict(list))
    for table, frame, col in (("table1", t1, "disease"), ("table2", t2, "disease"), ("table3", t3, "disease_type")):
        for r in frame.to_dict("records"):
            cell = str(r[col])
            entity = tuple(sorted(cell.casefold().split()))
            groups[entity][cell].append((cell, (table, str(r["row"]), col, cell)))
    return _variants(groups, "L3", "disease", DISEASES_COUNTED)


@rule("L4", "header unit contradicted by the cells", "headers", "rows")
def header_unit(headers: dict, rows: pd.DataFrame) -> list[Finding]:
    """A dose column whose header names a unit ("Dosage/cells") that most of its doses are not in.

    Warning when more than half the readable doses use another unit, check
    when a few do.
    """
    out = []
    for table, titles in headers.items():
        title = titles.get("route_dosage", "")
        unit = title.rsplit("/", 1)[1].strip() if "/" in title else ""
        part = rows[(rows["table"] == table) & rows["dose_unit"].notna()]
        other = part[part["dose_unit"] != unit]
        if not unit or other.empty:
            continue
        shown = "; ".join(f"row {r.row} {q(r.route_dosage)}" for r in other.head(3).itertuples(index=False))
        evidence = (
            f"{table} header route_dosage {q(title)}; {len(other)} of {len(part)} readable doses in other units: "
        )
        msg = f"The column header says the doses are in {unit}, but most doses in the column are in other units."
        if len(other) * 2 <= len(part):
            msg = f"The column header says the doses are in {unit}, but some doses in the column are in other units."
        evidence += shown
        sev = "warning" if len(other) * 2 > len(part) else "check"
        out.append(Finding("L4", sev, table, "header", "route_dosage", evidence, msg))
    return out
