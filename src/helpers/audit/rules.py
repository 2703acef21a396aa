"""The audit's rule base, and its rules over labels, cited titles, rows and typing slips.

:class:`Finding` is what every rule returns and :data:`RULES` the registry
every rule joins (through :func:`rule`) with the names of the input frames it
reads, so a test can call a rule on a few literal rows. The identifier and
abbreviation rules, and running the whole audit, are in :mod:`helpers.audit.runner`.
No rule corrects anything, and none is keyed on a particular row or
reference number.

Families (the first letter of a rule id, :data:`FAMILIES`):

* ``I`` identifiers: PMIDs, DOIs and trial registry numbers;
* ``A`` abbreviations: the article list and the legends of Tables 1-4 and Figs. 1-2;
* ``L`` labels: one entity written in several forms, a column header its cells contradict;
* ``R`` a row against the title of the reference it cites;
* ``W`` within a row: donor and host, route, dose, size, setting;
* ``T`` typing slips.

Severities (:data:`SEVERITIES`): ``error`` is certainly inconsistent as
printed, shown by the quoted evidence alone; ``warning`` is very likely
wrong; ``check`` is unusual and worth a look.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from helpers.data.derive import size_nm

__all__ = ["Finding", "Rule", "RULES", "rule", "rank", "FAMILIES", "SEVERITIES", "TABLE_NAMES", "TABLE3_FIELDS"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "check")
FAMILIES: dict[str, str] = {
    "I": "identifiers",
    "A": "abbreviations",
    "L": "labels",
    "R": "row against its cited reference",
    "W": "within a row",
    "T": "typing slips",
}


@dataclass(frozen=True)
class Finding:
    """One place where the review disagrees with itself.

    ``row`` is the printed row number, the reference number, ``<legend>:<position>``
    for a legend entry, or ``header``; ``subject`` (the printed token concerned,
    when one cell can hold several findings of a rule) only makes the key unique.
    """

    rule: str
    severity: str
    table: str
    row: str
    field: str
    evidence: str
    message: str
    subject: str = ""

    @property
    def key(self) -> str:
        """Stable identity of the finding: ``rule|table|row|field|subject``."""
        return "|".join((self.rule, self.table, self.row, self.field, self.subject))


@dataclass(frozen=True)
class Rule:
    """A registered rule: id, short name, the input frames it reads, the function."""

    id: str
    name: str
    needs: tuple[str, ...]
    check: Callable[..., list[Finding]]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, name: str, *needs: str):
    """Register a rule function under an id such as ``I1`` with the input frames it takes, in order."""

    def register(fn):
        RULES[rule_id] = Rule(rule_id, name, needs, fn)
        return fn

    return register


def rank(rule_id: str) -> tuple[int, int]:
    """Sort key of a rule id: family in :data:`FAMILIES` order, then number (``I2`` before ``I10``)."""
    return list(FAMILIES).index(rule_id[0]), int(rule_id[1:])


TABLE_NAMES = {
    "msc_studies": "table1",
    "exosome_studies": "table2",
    "clinical_trials": "table3",
    "tissue_sources": "table4",
}
#: Printed column of Table 3 behind each generic column of the ``rows`` frame.
TABLE3_FIELDS = {
    "disease": "disease_type",
    "source": "msc_type",
    "route_dosage": "migration_method",
    "effects": "purpose",
}
#: The printed tables' frames, as rules that read all four take them.
PRINTED = ("msc_studies", "exosome_studies", "clinical_trials", "tissue_sources")


def q(value: object) -> str:
    """Quote a printed value."""
    return f'"{value}"'


def field_name(table: str, column: str) -> str:
    """The printed column behind a column of the ``rows`` frame."""
    return TABLE3_FIELDS.get(column, column) if table == "table3" else column


def at(table: str, row: object, column: str, value: object) -> str:
    """A printed cell with its location: ``table1 row 9 effects "…"``."""
    return f"{table} row {row} {field_name(table, column)} {q(value)}"


def printed_tables(t1, t2, t3, t4) -> dict[str, pd.DataFrame]:
    """Tables 1-4 by exhibit id."""
    return {"table1": t1, "table2": t2, "table3": t3, "table4": t4}


# --- labels ----------------------------------------------------------------------

_TISSUE = r"(?i:ucb|uc|bm|ad|am|dp)"
#: An MSC label: optional one-letter species prefix, tissue, "MSC", plural, vesicle suffix.
_MSC_LABEL = re.compile(
    rf"(?<![A-Za-z])(?P<prefix>[hmrH](?={_TISSUE}-?MSC))?(?P<tissue>{_TISSUE})(?P<sep>-?)MSC(?P<plural>s?)"
    r"(?P<suffix>\s?-(?:Exos?|EVs?|sEVs?))?(?![A-Za-z])"
)
#: A label followed by a serial number ("…-sEV-001") names a product and keeps its sponsor's spelling.
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


def _variants(groups: dict, rule: str, what: str, severity: str = "check") -> list[Finding]:
    """One finding per minority spelling of an entity, at its first occurrence."""
    out = []
    for styles in groups.values():
        if len(styles) < 2:
            continue
        ranked = sorted(styles.items(), key=lambda kv: -len(kv[1]))  # stable: ties keep first-seen order
        usual, usual_occ = ranked[0]
        for style, occ in ranked[1:]:
            table, row, field, _ = occ[0][1]
            evidence = f"{len(occ)}× {_where(occ)}; usual form {q(usual)} {len(usual_occ)}×: {_where(usual_occ)}"
            msg = f"The same {what} is spelled {q(style)} here and {q(usual)} in most places."
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
    return _variants(groups, "L1", "MSC type")


@rule("L2", "species prefix in two cases", "abbreviations", *PRINTED)
def prefix_case_variants(abbr, t1, t2, t3, t4) -> list[Finding]:
    """A one-letter species prefix printed in capitals (``HUC-MSC``) where the article writes it small (check)."""
    groups: dict = defaultdict(lambda: defaultdict(list))
    for m, where in _msc_labels(abbr, printed_tables(t1, t2, t3, t4)):
        if m["prefix"]:
            groups[m["prefix"].lower()][m["prefix"]].append((m[0], where))
    return _variants(groups, "L2", "species prefix")


@rule("L3", "disease label in several forms", "msc_studies", "exosome_studies", "clinical_trials")
def disease_label_variants(t1, t2, t3) -> list[Finding]:
    """One disease printed in the Disease cells with other word order or case (check)."""
    groups: dict = defaultdict(lambda: defaultdict(list))
    for table, frame, col in (("table1", t1, "disease"), ("table2", t2, "disease"), ("table3", t3, "disease_type")):
        for r in frame.to_dict("records"):
            cell = str(r[col])
            entity = tuple(sorted(cell.casefold().split()))
            groups[entity][cell].append((cell, (table, str(r["row"]), col, cell)))
    return _variants(groups, "L3", "disease")


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


# --- a row against the title of its cited reference ----------------------------------

#: Title words -> the disease they name (case-insensitive). The review's six codes, plus other
#: diseases a cited title may be about instead; "arteriosclerosis" is the wider family AS belongs to.
TITLE_DISEASES: dict[str, str] = {
    r"premature ovarian|\bPO[FI]\b|ovar(?:y|ies|ian)|oocyte": "POF",
    r"alzheimer|\bAD\b(?!-?MSC)|amyloid": "AD",
    r"atheroscleros|atherosclerotic|arterioscleros": "AS",
    r"osteoporo|bone loss": "OP",
    r"\bskin\b|photoag|photodamage": "SKIN",
    r"premature ag(?:e)?ing": "WEAK",
    r"myocardial infarction": "myocardial infarction",
    r"\bcancer": "cancer",
    r"isch(?:a)?emi": "ischaemia",
    r"ankylosing spondylitis": "ankylosing spondylitis",
}
#: Title words -> MSC tissue source; gingiva and placenta are sources the review's codes lack.
TITLE_TISSUES: dict[str, str] = {
    r"umbilical cord blood|\bUCB": "UCB",
    r"umbilical cord(?! blood)|\bh?u(?:c)?-?mscs?\b|wharton": "UC",
    r"bone marrow|\bBM-?MSC|\bBMSC": "BM",
    r"adipose|\bAD-?MSC|\bADSC": "AD",
    r"amnion|amniotic": "AM",
    r"dental pulp|\bDPSC|\bDP-?MSC": "DP",
    r"gingiva|\bh?GMSC": "gingiva",
    r"placenta": "placenta",
}
#: Title words -> who or what was treated.
TITLE_HOSTS: dict[str, str] = {
    r"\b(?:mice|mouse|murine)\b": "mouse",
    r"\brats?\b": "rat",
    r"\brabbits?\b": "rabbit",
    r"\bpatients?\b|\bwomen\b|clinical trial|cohort study|\bvolunteers?\b": "patients",
    r"\bin vitro\b": "in vitro",
}


def _named(text: str, vocabulary: dict[str, str]) -> set[str]:
    return {code for pattern, code in vocabulary.items() if re.search(pattern, str(text), re.IGNORECASE)}


def _cited(rows: pd.DataFrame, refs: pd.DataFrame):
    """Yield (row record, cited title) for every row that prints a reference."""
    titles = dict(zip(refs["ref"].astype(int), refs["title"]))
    for r in rows.to_dict("records"):
        if pd.notna(r["ref"]) and int(r["ref"]) in titles:
            yield r, titles[int(r["ref"])]


def _title_finding(rule, sev, r, column, title, what) -> Finding:
    evidence = f"{at(r['table'], r['row'], column, r[column])}; reference {r['ref']} title {q(title)}"
    msg = f"The cited article's title speaks of {what}."
    return Finding(rule, sev, r["table"], str(r["row"]), field_name(r["table"], column), evidence, msg)


@rule("R1", "cited title names another disease", "rows", "references")
def title_disease(rows: pd.DataFrame, refs: pd.DataFrame) -> list[Finding]:
    """A row for one disease citing a title that names only other diseases (warning)."""
    out = []
    for r, title in _cited(rows, refs):
        named = _named(title, TITLE_DISEASES)
        if named and pd.notna(r["disease_code"]) and r["disease_code"] not in named:
            what = f"{', '.join(sorted(named))}, not the row's {r['disease_code']}"
            out.append(_title_finding("R1", "warning", r, "disease", title, what))
    return out


@rule("R2", "cited title names another MSC source", "rows", "references")
def title_tissue(rows: pd.DataFrame, refs: pd.DataFrame) -> list[Finding]:
    """A row whose MSC source differs from every source its cited title names (warning)."""
    out = []
    for r, title in _cited(rows, refs):
        named = _named(title, TITLE_TISSUES)
        mine = set(str(r["tissue"]).split("+")) if pd.notna(r["tissue"]) else set()
        if named and mine and not named & mine:
            what = f"MSCs from {', '.join(sorted(named))}, not the row's {', '.join(sorted(mine))}"
            out.append(_title_finding("R2", "warning", r, "source", title, what))
    return out


def _hosts(codes: set[str]) -> str:
    plural = {"mouse": "mice", "rat": "rats", "rabbit": "rabbits", "in vitro": "cells in vitro"}
    return " and ".join(plural.get(c, c) for c in sorted(codes))


def _row_hosts(r: dict) -> set[str]:
    if r["table"] == "table3":
        return {"patients"}
    setting = str(r["setting"]) if pd.notna(r["setting"]) else ""
    hosts = {"in vitro"} if "in vitro" in setting else set()
    if "in vivo" in setting and pd.notna(r["host_species"]):
        hosts.add(r["host_species"])
    return hosts


@rule("R3", "cited title names another host or setting", "rows", "references")
def title_host(rows: pd.DataFrame, refs: pd.DataFrame) -> list[Finding]:
    """A row whose host (or in vitro setting) differs from every one its cited title names.

    Warning when the title names another species or patients; check when the
    disagreement is only between in vitro and in vivo work.
    """
    out = []
    for r, title in _cited(rows, refs):
        named, mine = _named(title, TITLE_HOSTS), _row_hosts(r)
        if named and mine and not named & mine:
            sev = "check" if "in vitro" in named | mine and len(named | mine) == 2 else "warning"
            what = f"{_hosts(named)}, while the row is about {_hosts(mine)}"
            column = "disease" if r["table"] == "table3" else "animal_model"
            out.append(_title_finding("R3", sev, r, column, title, what))
    return out


# --- within a row ------------------------------------------------------------------

_RELATION_WORDS = re.compile(r"\ballo(?:graft|geneic|genic)\w*|\bautologous\b|\bsyngeneic\b", re.IGNORECASE)
#: Words of an Effects (or Purpose) cell that name a route of delivery -> route code.
ROUTE_WORDS: dict[str, str] = {
    r"intravenous|tail vein": "IV",
    r"intraperitoneal": "IP",
    r"intra-?ovarian|ovarian injection": "OV",
    r"subcutaneous": "SC",
    r"intramuscular": "IM",
    r"intranasal|\bnasal\b": "IN",
    r"intracerebroventricular|intraventricular": "ICV",
    r"intrarenal|renal capsule": "intrarenal",
    r"intrahippocampal|into the hippocampus": "HIPPOCAMPUS",
    r"intra-?articular": "intra-articular",
    r"\btopical": "topical",
}
#: Usual size of exosomes (small extracellular vesicles), nm: below 30 nm or above 200 nm is unusual.
EXOSOME_SIZE_NM: tuple[float, float] = (30.0, 200.0)
#: Dose kinds that count a product, and the product they count.
COUNTED_PRODUCT = {"cells": "cells", "particles": "exosomes"}


def _text(r: dict, *columns: str) -> str:
    return " ".join(str(r.get(c, "")) for c in columns if pd.notna(r.get(c, "")))


@rule("W1", "donor species against host species", "rows")
def donor_host(rows: pd.DataFrame) -> list[Finding]:
    """Donor and host of different species: error if the row calls the graft allogeneic,
    autologous or syngeneic; check when both are animals (human cells in animals are the norm)."""
    out = []
    for r in rows[rows["table"] != "table3"].to_dict("records"):
        host = r["host_species"]
        donors = str(r["donor_species"]).split("+") if pd.notna(r["donor_species"]) else []
        if pd.isna(host) or "in vivo" not in str(r["setting"]) or all(d == host for d in donors) or not donors:
            continue
        said = _RELATION_WORDS.search(_text(r, "effects", "precondition", "animal_model"))
        if not said and ("human" in donors or host == "human"):
            continue
        t, n = r["table"], r["row"]
        evidence = f"{at(t, n, 'source', r['source'])}; {at(t, n, 'animal_model', r['animal_model'])}"
        if said:
            evidence += f"; the row says {q(said[0])}"
            msg = f"The row calls the graft {said[0]}, but its {'/'.join(donors)} cells went into a {host}."
        else:
            msg = f"{'/'.join(donors).capitalize()} MSCs given to a {host} is an unusual pairing of two animal species."
        out.append(Finding("W1", "error" if said else "check", t, str(n), "source", evidence, msg))
    return out


@rule("W2", "route contradicted by the effects", "rows")
def route_against_effects(rows: pd.DataFrame) -> list[Finding]:
    """The Effects (Table 3: Purpose) cell names only routes other than the row's route (error)."""
    out = []
    for r in rows.to_dict("records"):
        named = _named(r["effects"], ROUTE_WORDS)
        mine = set(str(r["route"]).split("+")) if pd.notna(r["route"]) else set()
        if named and mine and not named & mine:
            t, n = r["table"], r["row"]
            evidence = f"{at(t, n, 'route_dosage', r['route_dosage'])}; {at(t, n, 'effects', r['effects'])}"
            routes, said = "/".join(sorted(mine)), "/".join(sorted(named))
            msg = f"The row's route is {routes}, but its own text speaks of {said} delivery."
            out.append(Finding("W2", "error", t, str(n), field_name(t, "route_dosage"), evidence, msg))
    return out


def _num(x: float) -> str:
    """A dose as a reader writes it: 20,000,000 or 0.5."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _host_key(r: dict) -> str | None:
    if str(r["setting"]) == "in vitro":
        return "in vitro"
    return None if pd.isna(r["host_species"]) else str(r["host_species"])


def _ranges(ranges: pd.DataFrame) -> dict[tuple[str, str, str], dict]:
    return {(g["modality"], g["host_species"], g["dose_kind"]): g for g in ranges.to_dict("records")}


@rule("W3", "dose kind unusual for the product", "rows", "dose_ranges")
def dose_kind(rows: pd.DataFrame, ranges: pd.DataFrame) -> list[Finding]:
    """A dose of a kind data/dose_ranges.csv gives no range for, for this product and host.

    Warning when the dose counts another product (cells for exosomes);
    check otherwise (a concentration injected without a volume, say).
    """
    known, out = _ranges(ranges), []
    for r in rows[rows["dose_kind"].notna()].to_dict("records"):
        host = _host_key(r)
        if host is None or (r["modality"], host, r["dose_kind"]) in known:
            continue
        other = COUNTED_PRODUCT.get(r["dose_kind"])
        wrong = other is not None and other != r["modality"]
        msg = (
            f"A study of {r['modality']} states its dose as a number of {r['dose_kind']}."
            if wrong
            else f"A dose of {r['modality']} stated as a {r['dose_kind']} does not say how much a {host} received."
        )
        evidence = f"{at(r['table'], r['row'], 'route_dosage', r['route_dosage'])}; host {q(host)}"
        evidence += f"; data/dose_ranges.csv has no {r['modality']} / {host} / {r['dose_kind']} range"
        out.append(
            Finding("W3", "warning" if wrong else "check", r["table"], str(r["row"]), "route_dosage", evidence, msg)
        )
    return out


@rule("W4", "dose outside the documented range", "rows", "dose_ranges")
def dose_magnitude(rows: pd.DataFrame, ranges: pd.DataFrame) -> list[Finding]:
    """A dose outside its range in data/dose_ranges.csv: warning beyond tenfold, check within."""
    known, out = _ranges(ranges), []
    for r in rows[rows["dose_kind"].notna()].to_dict("records"):
        g = known.get((r["modality"], _host_key(r), r["dose_kind"]))
        if g is None or g["unit"] != r["dose_unit"]:
            continue
        low, high = float(g["low"]), float(g["high"])
        factor = max(low / float(r["dose_low"]) if r["dose_low"] > 0 else float("inf"), float(r["dose_high"]) / high)
        if factor <= 1:
            continue
        read = _num(r["dose_low"]) + ("" if r["dose_high"] == r["dose_low"] else f" to {_num(r['dose_high'])}")
        evidence = f"{at(r['table'], r['row'], 'route_dosage', r['route_dosage'])}; read as {read} {r['dose_unit']}"
        evidence += (
            f"; data/dose_ranges.csv {r['modality']} / {g['host_species']}: {_num(low)} to {_num(high)} {g['unit']}"
        )
        size = "just" if factor < 1.5 else f"about {factor:.0f}-fold"
        msg = f"The dose lies {size} outside the range usually reported for {r['modality']} in a {g['host_species']}."
        out.append(
            Finding(
                "W4", "warning" if factor > 10 else "check", r["table"], str(r["row"]), "route_dosage", evidence, msg
            )
        )
    return out


@rule("W5", "exosome size outside the usual range", "rows")
def exosome_size(rows: pd.DataFrame) -> list[Finding]:
    """A printed exosome size below 30 nm or above 200 nm (check)."""
    out = []
    for r in rows[rows["table"] == "table2"].to_dict("records"):
        size = size_nm(r.get("size_nm", ""))
        if size.missing or (size.value[0] >= EXOSOME_SIZE_NM[0] and size.value[1] <= EXOSOME_SIZE_NM[1]):
            continue
        evidence = f"{at('table2', r['row'], 'size_nm', r['size_nm'])}; usual exosome size 30–200 nm"
        msg = "Part of the printed size range lies outside what is usually called an exosome."
        out.append(Finding("W5", "check", "table2", str(r["row"]), "size_nm", evidence, msg))
    return out


@rule("W6", "in vitro row with animal effects", "rows")
def in_vitro_with_animals(rows: pd.DataFrame) -> list[Finding]:
    """A row set in vitro only whose Effects speak of animals or in vivo work (warning)."""
    out = []
    for r in rows[rows["setting"] == "in vitro"].to_dict("records"):
        said = re.search(r"\b(?:mice|mouse|rats?|rabbits?|in vivo)\b", str(r["effects"]), re.IGNORECASE)
        if said:
            t, n = r["table"], r["row"]
            evidence = f"{at(t, n, 'route_dosage', r['route_dosage'])}; {at(t, n, 'animal_model', r['animal_model'])}"
            evidence += f"; {at(t, n, 'effects', r['effects'])}"
            msg = f"The row prints no animal work, yet its effects speak of {said[0]}."
            out.append(Finding("W6", "warning", t, str(n), "effects", evidence, msg))
    return out


# --- typing slips ------------------------------------------------------------------


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
            match = next((o for o in others if (before and o[1] == before) + (after and o[2] == after) >= need), None)
            if match is None:
                continue
            there = f"{match[3][0]} row {match[3][1]} {match[3][2]}" if match[3] else "a cited title"
            evidence = f"{where[0]} row {where[1]} {where[2]} {q(cell)}; {there} {q(match[4])}"
            msg = f"{q(w)} differs by one letter from {q(match[0])}, printed elsewhere in the same phrase."
            out.append(Finding("T1", "warning", where[0], where[1], where[2], evidence, msg, w))
            break
    return out
