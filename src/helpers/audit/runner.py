"""The audit of the review's own consistency: identifier and abbreviation rules, and running the audit.

The rule base (:class:`~helpers.audit.rules.Finding`, the registry
:data:`RULES`) and the rules on labels, cited titles, rows and typing slips
are in :mod:`helpers.audit.rules`; the rules on identifiers (``I``) and
abbreviations (``A``) are here, one small function each. This module also
loads what the rules read through :mod:`helpers.data.curated` and
:mod:`helpers.data.coded` (so the build knows what the audit depends on), runs
them, joins each finding to its reviewed verdict in
``data/audit_review.csv``, keeps what a run asked for and writes the
findings as CSV and Markdown. Nothing is corrected: every value is quoted
as printed.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd

from helpers.audit.rules import (
    FAMILIES,
    PRINTED,
    RULES,
    SEVERITIES,
    TABLE_NAMES,
    Finding,
    at,
    printed_tables,
    q,
    rank,
    rule,
)
from helpers.core.selection import Selecting, selected_rows
from helpers.core.vocab import ALL, DISEASE_CODES
from helpers.data import coded, curated
from helpers.data.derive import split_route_dosage
from helpers.outputs import formats

__all__ = [
    "RULES",
    "SEVERITIES",
    "MEANING",
    "LIMITS",
    "COLUMNS",
    "rank",
    "inputs",
    "rows",
    "findings",
    "frame",
    "reviewed",
    "selected",
    "summary",
    "shown",
    "how_to_read",
    "notice",
    "render",
    "run_audit",
]


# --- identifiers -----------------------------------------------------------------

_PMID = re.compile(r"\d{1,8}")
_NCT = re.compile(r"NCT\d{8}")


def _pmid(text: object) -> str | None:
    """The PubMed number a PMID field starts with, or None."""
    parts = str(text).split()
    return parts[0] if parts and _PMID.fullmatch(parts[0]) else None


def _norm_text(text: object) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", str(text).casefold()).split())


@rule("I1", "shared PMID", "references")
def shared_pmid(refs: pd.DataFrame) -> list[Finding]:
    """The same PMID printed for two references to different articles (error)."""
    out, first = [], {}
    for r in refs.itertuples(index=False):
        p = _pmid(r.pmid)
        if p is None:
            continue
        if p not in first:
            first[p] = r
            continue
        a = first[p]
        other_doi = bool(a.doi and r.doi and a.doi.casefold() != r.doi.casefold())
        if other_doi or _norm_text(a.title) != _norm_text(r.title):
            evidence = "; ".join(f"reference {x.ref} pmid {q(x.pmid)}, doi {q(x.doi)}" for x in (a, r))
            msg = f"References {a.ref} and {r.ref} point to different articles but give one PubMed number."
            out.append(Finding("I1", "error", "references", str(r.ref), "pmid", evidence, msg))
    return out


@rule("I2", "shared DOI", "references")
def shared_doi(refs: pd.DataFrame) -> list[Finding]:
    """The same DOI on two references: error if their titles differ, warning if the entry is repeated."""
    out, first = [], {}
    for r in refs.itertuples(index=False):
        doi = str(r.doi).casefold()
        if not doi:
            continue
        if doi not in first:
            first[doi] = r
            continue
        a = first[doi]
        same = _norm_text(a.title) == _norm_text(r.title)
        evidence = "; ".join(f"reference {x.ref} doi {q(x.doi)}, title {q(x.title)}" for x in (a, r))
        msg = (
            f"Reference {r.ref} repeats reference {a.ref} under a second number."
            if same
            else f"References {a.ref} and {r.ref} have different titles but one DOI."
        )
        out.append(Finding("I2", "warning" if same else "error", "references", str(r.ref), "doi", evidence, msg))
    return out


@rule("I3", "PMID field without a PMID", "references")
def pmid_not_a_number(refs: pd.DataFrame) -> list[Finding]:
    """A PMID field that does not start with a PubMed number of 1-8 digits (error)."""
    out = []
    for r in refs[refs["pmid"].astype(str).str.strip() != ""].itertuples(index=False):
        if _pmid(r.pmid) is None:
            evidence = f"reference {r.ref} pmid {q(r.pmid)}; volume_pages {q(r.volume_pages)}; year {q(r.year)}"
            repeats = bool(r.volume_pages) and str(r.volume_pages) in str(r.pmid)
            msg = "The PMID field holds " + (
                "the year, volume and pages again instead of a PubMed number."
                if repeats
                else "text that is no PubMed number (one to eight digits)."
            )
            out.append(Finding("I3", "error", "references", str(r.ref), "pmid", evidence, msg))
    return out


@rule("I4", "text after the PMID", "references")
def pmid_with_extra_text(refs: pd.DataFrame) -> list[Finding]:
    """A PubMed number followed by more text: warning, or check when the extra is a trial registry number."""
    out = []
    for r in refs.itertuples(index=False):
        p, parts = _pmid(r.pmid), str(r.pmid).split()
        if p is None or len(parts) < 2:
            continue
        extra = " ".join(parts[1:])
        registry = bool(_NCT.fullmatch(extra))
        msg = (
            "The PMID field also carries a trial registry number, which belongs elsewhere in a reference."
            if registry
            else f"Stray text {q(extra)} follows the PubMed number in the PMID field."
        )
        evidence = f"reference {r.ref} pmid {q(r.pmid)}"
        out.append(Finding("I4", "check" if registry else "warning", "references", str(r.ref), "pmid", evidence, msg))
    return out


@rule("I5", "PMID inside the title", "references")
def pmid_in_title(refs: pd.DataFrame) -> list[Finding]:
    """A title that contains ``PMID`` and a number (error)."""
    out = []
    for r in refs.itertuples(index=False):
        if re.search(r"\bPMID\s*:?\s*\d{1,8}\b", str(r.title)):
            evidence = f"reference {r.ref} title {q(r.title)}; pmid {q(r.pmid)}"
            where = "while the PMID field is empty" if not str(r.pmid).strip() else "as well as in the PMID field"
            msg = f"A PubMed number is printed as part of the article title, {where}."
            out.append(Finding("I5", "error", "references", str(r.ref), "title", evidence, msg))
    return out


@rule("I6", "placeholder-like PMID", "references")
def placeholder_pmid(refs: pd.DataFrame) -> list[Finding]:
    """A PubMed number ending in five or more zeros, like a round placeholder (warning)."""
    out = []
    for r in refs.itertuples(index=False):
        p = _pmid(r.pmid)
        if p and re.fullmatch(r"[1-9]\d*0{5}", p):
            msg = "The PubMed number is a round figure that looks typed in as a placeholder rather than looked up."
            evidence = f"reference {r.ref} pmid {q(r.pmid)}"
            out.append(Finding("I6", "warning", "references", str(r.ref), "pmid", evidence, msg))
    return out


@rule("I7", "PMID out of step with the year", "references")
def pmid_out_of_sequence(refs: pd.DataFrame) -> list[Finding]:
    """A PMID above every PMID of the next year's references, or below every one of the previous year's (check).

    PubMed numbers grow with time, so the reference list calibrates itself. A
    year needs two references to calibrate (one outlier must not make its
    neighbours look out of step), and shared or placeholder-like numbers are
    left out.
    """
    ok = [(int(_pmid(r.pmid)), int(r.year), r) for r in refs.itertuples(index=False) if _pmid(r.pmid)]
    counts = Counter(p for p, _, _ in ok)
    calib = sorted((p, y, r) for p, y, r in ok if counts[p] == 1 and not re.fullmatch(r"\d*0{5}", str(p)))
    out = []
    for p, y, r in calib:
        later = [(n, x) for n, z, x in calib if z == y + 1]
        earlier = [(n, x) for n, z, x in calib if z == y - 1]
        if len(later) > 1 and p > later[-1][0]:
            side, x = f"the highest PMID among references of {y + 1}", later[-1][1]
        elif len(earlier) > 1 and p < earlier[0][0]:
            side, x = f"the lowest PMID among references of {y - 1}", earlier[0][1]
        else:
            continue
        side += f" is {q(x.pmid)} (reference {x.ref})"
        evidence = f"reference {r.ref} year {q(r.year)}, pmid {q(r.pmid)}; {side}"
        msg = "Judged by the other references, the PubMed number belongs to a different year than the one printed."
        out.append(Finding("I7", "check", "references", str(r.ref), "pmid", evidence, msg))
    return out


@rule("I8", "malformed DOI", "references")
def malformed_doi(refs: pd.DataFrame) -> list[Finding]:
    """A DOI that is not ``10.<registrant>/<suffix>`` (error)."""
    out = []
    for r in refs.itertuples(index=False):
        if str(r.doi).strip() and not re.fullmatch(r"10\.\d{4,9}/\S+", str(r.doi)):
            msg = "The DOI does not have the form 10.<registrant code>/<suffix>."
            out.append(
                Finding("I8", "error", "references", str(r.ref), "doi", f"reference {r.ref} doi {q(r.doi)}", msg)
            )
    return out


@rule("I9", "trial without a registry number", "clinical_trials", "legend_notes")
def trial_unregistered(trials: pd.DataFrame, notes: pd.DataFrame) -> list[Finding]:
    """A Table 3 row with no NCT number: warning when the legend names a registry as the source, else check."""
    source = notes[(notes["legend"] == "table3") & (notes["kind"] == "source")]["text"].tolist()
    out = []
    for r in trials.itertuples(index=False):
        if "NCT" in str(r.nct_number).upper():
            continue
        evidence = at("table3", r.row, "nct_number", r.nct_number) + f"; phases {q(r.phases)}"
        evidence += "".join(f"; table3 legend {q(s)}" for s in source)
        msg = "The row gives no registry number" + (
            ", although the legend says every row was taken from a trial registry." if source else "."
        )
        out.append(Finding("I9", "warning" if source else "check", "table3", str(r.row), "nct_number", evidence, msg))
    return out


@rule("I10", "malformed registry number", "clinical_trials")
def trial_number_malformed(trials: pd.DataFrame) -> list[Finding]:
    """An NCT number that is not ``NCT`` and eight digits (error)."""
    out = []
    for r in trials.itertuples(index=False):
        cell = str(r.nct_number)
        if "NCT" in cell.upper() and not _NCT.fullmatch(cell):
            msg = "A ClinicalTrials.gov number is NCT followed by exactly eight digits; this one is not."
            out.append(
                Finding(
                    "I10", "error", "table3", str(r.row), "nct_number", at("table3", r.row, "nct_number", cell), msg
                )
            )
    return out


@rule("I11", "registry number on two rows", "clinical_trials")
def trial_number_shared(trials: pd.DataFrame) -> list[Finding]:
    """One NCT number printed on two rows of Table 3 (error)."""
    out, first = [], {}
    for r in trials.itertuples(index=False):
        cell = str(r.nct_number)
        if not _NCT.fullmatch(cell):
            continue
        if cell in first:
            evidence = f"{at('table3', first[cell], 'nct_number', cell)}; {at('table3', r.row, 'nct_number', cell)}"
            msg = "Two rows of the trial table carry the same registry number."
            out.append(Finding("I11", "error", "table3", str(r.row), "nct_number", evidence, msg))
        first.setdefault(cell, r.row)
    return out


# --- abbreviations ---------------------------------------------------------------

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


@rule("A1", "one code, two meanings", "abbreviations")
def conflicting_meanings(abbr: pd.DataFrame) -> list[Finding]:
    """A legend that gives a code another meaning than the article list (or than the code's first legend).

    Meanings are compared up to case, hyphens, apostrophes, plural and filler
    words. Warning when they have nothing in common; check when one only
    drops words of the other ("stem/stromal cells" beside "stem cells") or
    they share a word or a word ending, so they may be two wordings of one
    thing.
    """
    by_code: dict[str, list] = defaultdict(list)
    for r in abbr.itertuples(index=False):
        by_code[code_key(r.abbreviation)].append(r)
    out = []
    for entries in by_code.values():
        base = next((e for e in entries if e.legend == "article"), entries[0])
        for e in entries:
            a, b = meaning_words(base.definition), meaning_words(e.definition)
            if e.legend == base.legend or a == b:
                continue
            near = a < b or b < a or _related(a, b)
            where = "the article list" if base.legend == "article" else f"the {base.legend} legend"
            msg = (
                f"The {e.legend} legend words {e.abbreviation} differently from {where}."
                if near
                else f"{e.abbreviation} means one thing in {where} and something else in the {e.legend} legend."
            )
            evidence = f"{_entry(base)}; {_entry(e)}"
            sev = "check" if near else "warning"
            out.append(Finding("A1", sev, "abbreviations", f"{e.legend}:{e.position}", "definition", evidence, msg))
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


@rule("A4", "legend entry unused by its table", "abbreviations", *PRINTED)
def unused_entry(abbr, t1, t2, t3, t4) -> list[Finding]:
    """A legend under a table explains a code that no cell of that table prints (check)."""
    legends, tables = _legends(abbr), printed_tables(t1, t2, t3, t4)
    out = []
    for table in TABLE_LEGENDS:
        frame = tables.get(table)
        if frame is None or table not in legends:
            continue
        text_columns = [c for c in frame.columns if c not in ("row", "ref", "enrollment")]
        used = set()
        for r in frame[text_columns].astype(str).itertuples(index=False):
            for tok in (t for cell in r for t in tokens(cell)):
                parts = tok.split("-")
                used |= {code_key("-".join(parts[:k])) for k in range(1, len(parts) + 1)}
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
                msg = f"{q(tok)} is printed where the legend has the code {defined.abbreviation}, in another case."
                out.append(Finding("A5", sev, table, str(row), col, evidence, msg, tok))
    return out


# --- running the audit ---------------------------------------------------------------

#: What each severity says about a finding.
MEANING: dict[str, str] = {
    "error": "certainly inconsistent as printed: the quoted evidence alone shows it",
    "warning": "very likely wrong, though the evidence leaves a way for it to be right",
    "check": "unusual and worth a look; it may well be right",
}
#: What the audit cannot know, said once for the notebook and the Markdown file.
LIMITS = (
    "The audit reads only the transcribed review in `data/`. It cannot look anything up: whether a PMID, DOI or "
    "NCT number exists and names the article or trial it is printed beside is a registry fact; how a cell looked "
    "on the page (a Greek letter lost, a superscript) is a fact about the PDF's typography; and whether a cited "
    "paper really studied the disease, source, species or dose a row gives it is in the paper's full text, of "
    "which the audit sees only the title. Its verdicts say whether the printed evidence supports each finding, "
    "not what the right value is."
)
#: Columns of ``tables/audit.csv``, in order.
COLUMNS = ("rule", "severity", "table", "row", "field", "evidence", "message", "key", "verdict")
_TABLE_ORDER = ("table1", "table2", "table3", "table4", "references", "abbreviations")
_ROW_COLUMNS = (
    "disease",
    "source",
    "animal_model",
    "precondition",
    "route_dosage",
    "in_vitro_model",
    "effects",
    "size_nm",
)
_CODED_COLUMNS = (
    "table",
    "row",
    "ref",
    "disease_code",
    "tissue",
    "donor_species",
    "host_species",
    "relation",
    "setting",
    "route",
    "modality",
    "dose_kind",
    "dose_low",
    "dose_high",
    "dose_unit",
)


def rows(studies: pd.DataFrame, trials: pd.DataFrame, printed: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every row of Tables 1-3 with its derived codes beside its printed cells.

    Table 3's cells take the generic names (``disease`` for Disease Type,
    ``source`` for MSC Type, ``route_dosage`` for Migration method,
    ``effects`` for Purpose); :data:`helpers.audit.rules.TABLE3_FIELDS` maps
    them back in the findings.
    """
    parts = []
    for resource, coded_part in (("msc_studies", studies), ("exosome_studies", studies), ("clinical_trials", trials)):
        table = TABLE_NAMES[resource]
        frame = coded_part[coded_part["table"] == table].reindex(columns=list(_CODED_COLUMNS))
        cells = printed[resource].rename(
            columns={
                "disease_type": "disease",
                "msc_type": "source",
                "migration_method": "route_dosage",
                "purpose": "effects",
            }
        )
        cells = cells.reindex(columns=["row", *_ROW_COLUMNS], fill_value="")
        parts.append(frame.merge(cells, on="row", how="left"))
    return pd.concat(parts, ignore_index=True)


def _headers() -> dict[str, dict[str, str]]:
    described = curated.resources()
    return {
        TABLE_NAMES[r]: {f["name"]: f.get("title", "") for f in described[r]["schema"]["fields"]}
        for r in ("msc_studies", "exosome_studies")
    }


def inputs(needs: set[str]) -> dict[str, object]:
    """Load the frames the chosen rules read, and only those (so the run record names just them)."""
    out: dict[str, object] = {}
    for name in sorted(needs - {"rows", "headers"}):
        out[name] = curated.load(name)
    if needs & {"rows", "headers"}:
        printed = {r: curated.load(r) for r in ("msc_studies", "exosome_studies", "clinical_trials")}
        out["rows"] = rows(coded.studies(), coded.trials(), printed)
        out["headers"] = _headers()
    return out


def findings(chosen: tuple[str, ...] | str = ALL, frames: dict | None = None) -> list[Finding]:
    """Run the chosen rules (ids, or ``"all"``) on ``frames`` (loaded when not given)."""
    ids = tuple(sorted(RULES, key=rank)) if chosen == ALL else tuple(sorted(chosen, key=rank))
    frames = frames if frames is not None else inputs({n for i in ids for n in RULES[i].needs})
    return [f for i in ids for f in RULES[i].check(*(frames[n] for n in RULES[i].needs))]


def reviewed() -> pd.DataFrame:
    """The reviewed verdicts, ``data/audit_review.csv``: key, verdict, reason."""
    return curated.load("audit_review")


def _row_order(value: str) -> tuple:
    head = value.split(":")[0]
    legend = ("article", "table1", "table2", "table3", "table4", "fig1", "fig2")
    number = value.rsplit(":", 1)[-1]
    return (legend.index(head) if head in legend else -1, int(number) if number.isdigit() else 0, value)


def frame(found: list[Finding], review: pd.DataFrame | None = None) -> pd.DataFrame:
    """The findings as a table in a stable order (severity, rule, place), with key, verdict and reason."""
    verdicts = {} if review is None else dict(zip(review["key"], zip(review["verdict"], review["reason"])))
    records = [
        {
            "rule": f"{f.rule} {RULES[f.rule].name}",
            "severity": f.severity,
            "table": f.table,
            "row": f.row,
            "field": f.field,
            "evidence": f.evidence,
            "message": f.message,
            "key": f.key,
            "verdict": verdicts.get(f.key, ("unreviewed", ""))[0],
            "reason": verdicts.get(f.key, ("unreviewed", ""))[1],
            "_order": (
                SEVERITIES.index(f.severity),
                rank(f.rule),
                _TABLE_ORDER.index(f.table),
                _row_order(f.row),
                f.field,
                f.subject,
            ),
        }
        for f in found
    ]
    out = pd.DataFrame(records, columns=[*COLUMNS, "reason", "_order"])
    return out.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def selected(table: pd.DataFrame, run: Selecting) -> pd.DataFrame:
    """Keep the findings a run asks for: at least its ``severity``, and its diseases and modality.

    A finding on a row of Tables 1-3 is kept when the row is selected; one on
    a reference when a selected row cites it or no row does. Legends and
    Table 4 concern the whole article and are always kept.
    """

    table = table[table["severity"].map(SEVERITIES.index) <= SEVERITIES.index(run.values["severity"])]
    if table.empty or (run.selected("diseases") is None and run.selected("modality") is None):
        return table.reset_index(drop=True)
    studies, trials = coded.studies(), coded.trials()
    kept, cited = set(), set()
    for part in (studies, trials):
        chosen = part[selected_rows(part, run)]
        kept |= {(t, str(r)) for t, r in zip(chosen["table"], chosen["row"])}
        cited |= set(part["ref"].dropna().astype(int))
        kept |= {("references", str(int(r))) for r in chosen["ref"].dropna()}

    def wanted(f) -> bool:
        if f.table in ("table1", "table2", "table3"):
            return (f.table, f.row) in kept or (f.row == "header" and any(t == f.table for t, _ in kept))
        if f.table == "references":
            return (f.table, f.row) in kept or int(f.row) not in cited
        return True

    return table[table.apply(wanted, axis=1)].reset_index(drop=True)


def summary(table: pd.DataFrame, chosen: tuple[str, ...] | str = ALL) -> pd.DataFrame:
    """Findings per rule and severity, with the verdicts; every rule that ran, even those that found nothing."""
    ids = tuple(sorted(RULES, key=rank)) if chosen == ALL else tuple(sorted(chosen, key=rank))
    records, rule_of = [], table["key"].str.split("|").str[0]
    for rule_id in ids:
        part = table[rule_of == rule_id]
        counts = part["severity"].value_counts()
        verdicts = part["verdict"].value_counts()
        records.append(
            {
                "rule": f"{rule_id} {RULES[rule_id].name}",
                "family": FAMILIES[rule_id[0]],
                **{s: int(counts.get(s, 0)) for s in SEVERITIES},
                "confirmed": int(verdicts.get("confirmed", 0)),
                "dismissed": int(verdicts.get("dismissed", 0)),
            }
        )
    return pd.DataFrame(records, columns=["rule", "family", *SEVERITIES, "confirmed", "dismissed"])


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The findings as a reader sees them: where, what, the printed evidence and our verdict with its reason."""
    where = table["table"] + " " + table["row"] + " " + table["field"]
    return pd.DataFrame(
        {
            "severity": table["severity"],
            "rule": table["rule"],
            "where": where,
            "evidence (as printed)": table["evidence"],
            "finding": table["message"],
            "verdict": table["verdict"] + ": " + table["reason"],
        }
    )


def how_to_read() -> str:
    """The "How to read this" text: the severities and what the audit cannot know."""
    lines = [f"- **{s}**: {m}." for s, m in MEANING.items()]
    return "\n".join(["Each finding has a severity:", "", *lines, "", LIMITS])


def render(table: pd.DataFrame, fmt: str, *, title: str, selection: str = "") -> str:
    """The findings as ``csv`` (the columns of :data:`COLUMNS`) or ``md`` (with the severities' meaning).

    A run with other parameters names its selection in the Markdown title.
    """
    legend = " ".join(f"{s.capitalize()}: {m}." for s, m in MEANING.items()) + " " + LIMITS.replace("`", "")
    title = f"{title} ({selection})" if selection else title
    payload = formats.table_bytes(table[list(COLUMNS)], fmt, exhibit="audit", title=title, caption="", legend=legend)
    return payload.decode("utf-8")


def notice(table: pd.DataFrame) -> str:
    """One sentence of counts: findings per severity and how many were confirmed or dismissed."""
    counts = table["severity"].value_counts()
    verdicts = table["verdict"].value_counts()
    per = ", ".join(f"{int(counts.get(s, 0))} {s}{'' if counts.get(s, 0) == 1 else 's'}" for s in SEVERITIES)
    judged = ", ".join(f"{int(n)} {v}" for v, n in verdicts.items())
    return f"{len(table)} findings shown ({per}); our verdicts: {judged or 'none'}."


def run_audit(run: Selecting) -> pd.DataFrame:
    """A notebook's audit: its chosen rules run, each finding with its verdict, its selection kept."""
    return selected(frame(findings(run.values["rules"]), reviewed()), run)
