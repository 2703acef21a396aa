"""Rule family I, identifiers: PMIDs, DOIs and trial registry numbers, and the form of a reference's authors."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from helpers.audit.registry import (
    Finding,
    at,
    q,
    rule,
)
from helpers.outputs.bib import (
    doi_form_others,
    journal_variants,
    lower_case_surnames,
    short_doi_serials,
    unnamed_authors,
)

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
            f", although the legend names {q(source[0])} as the table's source." if source else "."
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


@rule("I12", "author printed as initials only", "references")
def author_initials_only(refs: pd.DataFrame) -> list[Finding]:
    """An author printed with initials and no surname ("SDA") in a reference's author list (check).

    The test is :func:`helpers.outputs.bib.unnamed_authors`, the one the
    BibTeX export uses to say so in the entry's note.
    """
    return _author_findings(refs, "I12", unnamed_authors, "initials with no surname")


def _author_findings(refs: pd.DataFrame, rule_id: str, test, said: str) -> list[Finding]:
    """One check per author that ``test`` (a function of the printed author list) picks out, saying ``said``."""
    out = []
    for r in refs.itertuples(index=False):
        for who in test(r.authors):
            evidence = f"reference {r.ref} authors {q(r.authors)}"
            msg = f"An author is printed as {q(who)}, {said}."
            out.append(Finding(rule_id, "check", "references", str(r.ref), "authors", evidence, msg, who))
    return out


@rule("I13", "author surname printed in lower case", "references")
def author_lower_case(refs: pd.DataFrame) -> list[Finding]:
    """An author whose surname starts with a lower-case letter ("brahim N"), not a particle such as "van" (check).

    The test is :func:`helpers.outputs.bib.lower_case_surnames`, the one the
    BibTeX export uses to say so in the entry's note.
    """
    return _author_findings(
        refs, "I13", lower_case_surnames, "a surname starting in lower case, unlike every other author"
    )


@rule("I14", "DOI serial shorter than the list's form", "references")
def doi_serial_form(refs: pd.DataFrame) -> list[Finding]:
    """A DOI whose serial has fewer digits than DOIs of the same form printed for the same or an earlier year (check).

    The evidence quotes every other DOI of the form, older short ones included,
    so that the message's description of them can be checked.

    The test is :func:`helpers.outputs.bib.short_doi_serials`, the one the
    BibTeX export uses to say so in the entry's note. Whether the DOI
    resolves is not looked up.
    """
    out = []
    for ref, why in short_doi_serials(refs).items():
        doi = refs.loc[refs["ref"].astype(int) == ref, "doi"].iloc[0]
        peers = refs[refs["ref"].astype(int).isin(doi_form_others(refs, ref))]
        evidence = f"reference {ref} doi {q(doi)}; " + "; ".join(
            f"reference {r} doi {q(d)}" for r, d in zip(peers["ref"], peers["doi"])
        )
        msg = f"The DOI's form disagrees with the list's: {why}."
        out.append(Finding("I14", "check", "references", str(ref), "doi", evidence, msg))
    return out


@rule("I15", "journal printed in two forms", "references")
def journal_forms(refs: pd.DataFrame) -> list[Finding]:
    """A journal printed with other punctuation or spacing than the same journal in most references (check).

    The test is :func:`helpers.outputs.bib.journal_variants`, the one the
    BibTeX export uses to say so in the entry's note.
    """
    out = []
    for ref, why in journal_variants(refs).items():
        journal = refs.loc[refs["ref"].astype(int) == ref, "journal"].iloc[0]
        evidence = f"reference {ref} journal {q(journal)}"
        msg = f"The same journal is printed in two forms: {why.removesuffix('; kept as printed')}."
        out.append(Finding("I15", "check", "references", str(ref), "journal", evidence, msg))
    return out
