"""The review's reference list as BibTeX (``tables/references.bib``).

Each entry is built from the printed fields of ``data/references.csv``.
Nothing is looked up or corrected: a PMID that is not a plain number, or
volume/pages that do not parse, go into the entry's ``note`` as printed.
Text fields go through :func:`helpers.outputs.latex.escape`, the escaper of the
``.tex`` tables, so the file is ASCII (``L{\\'{o}}pez``, ``TGF-$\\beta$``) and
works with BibTeX under pdfLaTeX as under LuaLaTeX.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from helpers.core.words import agree
from helpers.data import added
from helpers.outputs.latex import escape as _escape

__all__ = [
    "entry_key",
    "authors",
    "unnamed_authors",
    "lower_case_surnames",
    "short_doi_serials",
    "doi_serial_peers",
    "doi_form_others",
    "journal_variants",
    "volume_pages",
    "leading_pmid",
    "title_pmid",
    "pmid_export",
    "PMID_KINDS",
    "suspect_pmids",
    "also_printed",
    "to_bibtex",
]

_PMID = re.compile(r"\d{7,8}")
#: A PubMed number ending in five zeros or more: a round figure, typed in rather than looked up.
_ROUND = re.compile(r"[1-9]\d*0{5}")


def entry_key(ref: int, authors_text: str, year: object) -> str:
    """A stable, ASCII citation key: ``ref07_Nitzsche2017``."""
    surname = authors_text.split(",")[0].split(" ")[0]
    ascii_name = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode()
    return f"ref{int(ref):02d}_{re.sub(r'[^A-Za-z]', '', ascii_name) or 'anon'}{year}"


def authors(text: str, where: str = "") -> str:
    """Printed "Surname AB, Other C et al" as BibTeX "Surname, AB and Other, C and others".

    ``where`` names the source of the text in an escaping error.
    """
    out = []
    for person in (p.strip() for p in text.split(",")):
        if not person:
            continue
        etal = person.endswith(" et al")
        person = person.removesuffix(" et al").strip()
        match = re.fullmatch(r"(.+?) ([A-Z]{1,3})", person)
        out.append(
            f"{_escape(match.group(1), where)}, {match.group(2)}" if match else "{" + _escape(person, where) + "}"
        )
        if etal:
            out.append("others")
    return " and ".join(out)


def _people(text: str) -> list[str]:
    """The printed authors, one string each, without "et al"."""
    return [p.strip().removesuffix(" et al").strip() for p in str(text).split(",") if p.strip()]


def unnamed_authors(text: str) -> list[str]:
    """Authors printed as initials only, with no surname ("SDA"), in printed order.

    The BibTeX keeps such an author as printed and says so in the note; the
    audit reports it (rule I12).
    """
    return [p for p in _people(text) if re.fullmatch(r"[A-Z]{1,4}", p)]


#: Surname particles that are printed in lower case on purpose ("van der Berg", "de Souza").
_PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "der", "den", "du", "dos", "das", "le", "la", "ter"})


def lower_case_surnames(text: str) -> list[str]:
    """Authors whose surname is printed starting with a lower-case letter ("brahim N"), in printed order.

    No other author of the list is printed so, so such a name very likely
    lost its first letter; a lower-case particle ("van", "de") is not one.
    The BibTeX keeps the name as printed and says so in the note; the audit
    reports it (rule I13).
    """
    return [p for p in _people(text) if p[:1].islower() and p.split()[0] not in _PARTICLES]


#: A DOI of the form BioMed Central and Springer Nature give their articles: ``10.1186/s13287-022-02724-3`` is
#: journal code 13287, year (20)22, serial 02724, check character 3.
_SERIAL_DOI = re.compile(r"(10\.\d{4,9})/s(\d{5})-(\d{3})-(\d+)-[0-9a-zA-Z]")


def short_doi_serials(refs: pd.DataFrame) -> dict[int, str]:
    """References whose printed DOI has a shorter serial than a DOI of the same form from the same or an earlier year.

    Serial numbers only grow, and the printed list itself shows how they are
    written: a DOI whose serial has fewer digits than one printed for the
    same or an earlier year (``s12958-022-0992-5`` beside 2020's
    ``s13287-020-02067-x``) disagrees in form with the list, with no look-up.
    The reason describes every other DOI of the form: those from the first
    year a longer serial is printed on, and the older ones (fifth reading
    references 5.1: the 2018-2019 ones have short serials too, so "every
    same-or-earlier DOI has more" would be false).

    Parameters
    ----------
    refs : pandas.DataFrame
        The reference list (``ref``, ``doi``).

    Returns
    -------
    dict of int to str
        Reference number to the reason, naming the references it is judged against
        (:func:`doi_serial_peers` gives them as numbers).
    """
    parsed = _serial_dois(refs)
    return {ref: _serial_reason(parsed, ref, peers) for ref, (_, peers) in doi_serial_peers(refs).items()}


def _serial_dois(refs: pd.DataFrame) -> dict[int, tuple[str, int, int]]:
    """Reference number to (registrant prefix, the DOI's own year, serial digits), for DOIs of the
    ``s…-YYY-serial`` form."""
    parsed = {}
    for ref, doi in zip(refs["ref"].astype(int), refs["doi"].astype(str)):
        m = _SERIAL_DOI.fullmatch(doi.strip())
        if m:
            parsed[ref] = (m[1], 2000 + int(m[3]), len(m[4]))
    return parsed


def _refs(refs: list[int]) -> str:
    return f"(references {', '.join(str(r) for r in refs)})"


def _years(years: list[int]) -> str:
    return str(min(years)) if min(years) == max(years) else f"{min(years)}-{max(years)}"


def _serial_reason(parsed: dict[int, tuple[str, int, int]], ref: int, peers: list[int]) -> str:
    """Why ``ref``'s serial disagrees: the other DOIs of its form since the first longer one, then the older ones."""
    prefix, _, digits = parsed[ref]
    others = {r: (y, n) for r, (p, y, n) in parsed.items() if p == prefix and r != ref}
    since = min(others[r][0] for r in peers)
    later = sorted(r for r, (y, _) in others.items() if y >= since)
    older = sorted(r for r, (y, _) in others.items() if y < since)
    lengths = sorted({others[r][1] for r in later})
    if min(lengths) <= digits:  # not all later ones are longer: name only the longer same-or-earlier ones
        said = f"{len(peers)} other printed DOIs of this form from the same or an earlier year have more {_refs(peers)}"
    else:
        have = str(lengths[0]) if len(lengths) == 1 else "more"
        said = f"all {len(later)} other printed DOIs of this form from {since} on have {have} {_refs(later)}"
    if older:
        old_lengths = sorted({others[r][1] for r in older})
        have = " or ".join(str(n) for n in old_lengths)
        said += f"; only the {len(older)} from {_years([others[r][0] for r in older])} have {have} {_refs(older)}"
    return f"its serial has {digits} digits where {said}"


def doi_form_others(refs: pd.DataFrame, ref: int) -> list[int]:
    """The other references whose DOI has the same registrant and ``s…-YYY-serial`` form as ``ref``'s (its evidence)."""
    parsed = _serial_dois(refs)
    return sorted(r for r, (p, _, _) in parsed.items() if r != ref and p == parsed[ref][0])


def doi_serial_peers(refs: pd.DataFrame) -> dict[int, tuple[int, list[int]]]:
    """For each reference :func:`short_doi_serials` reports: its serial's digits and the references that trigger it
    (same form, same or an earlier year, a longer serial)."""
    parsed = _serial_dois(refs)
    out = {}
    for ref, (prefix, year, digits) in parsed.items():
        peers = sorted(r for r, (p, y, n) in parsed.items() if r != ref and p == prefix and y <= year and n > digits)
        if peers:
            out[ref] = (digits, peers)
    return out


def _journal_key(name: str) -> str:
    return re.sub(r"[^\w]+", "", str(name).casefold())


def journal_variants(refs: pd.DataFrame) -> dict[int, str]:
    """References whose journal is printed differently from the same journal elsewhere in the list (by
    punctuation or spacing only: "Sci. Rep" beside "Sci Rep"), to the form most references print.

    A reference manager files the two forms as two journals. The entry keeps
    its printed form and the note names the other.
    """
    names = refs["journal"].astype(str).str.strip()
    keys = names.map(_journal_key)
    out = {}
    for ref, name, key in zip(refs["ref"].astype(int), names, keys):
        others = names[(keys == key) & (names != name)]
        if len(others) and (names == name).sum() < others.value_counts().iloc[0]:
            usual = others.value_counts().index[0]
            where = ", ".join(str(r) for r in refs.loc[others[others == usual].index, "ref"].astype(int))
            out[ref] = f"journal printed '{name}', elsewhere '{usual}' (references {where}); kept as printed"
    return out


def leading_pmid(text: object) -> tuple[str, str] | None:
    """A PMID field that starts with a plain PubMed number followed by stray text: (number, the rest), or None.

    ``"36307672 h"`` gives ``("36307672", "h")``; a plain number, or a field
    that does not start with one, gives None.
    """
    match = re.fullmatch(r"(\d{7,8})\s+(\S.*)", str(text).strip())
    return (match.group(1), match.group(2)) if match else None


def title_pmid(title: object) -> str:
    """A PubMed number printed inside a title ("PMID: 31637885 adipose-derived …"), or ``""``."""
    match = re.search(r"\bPMID\s*:?\s*(\d{7,8})\b", str(title))
    return match.group(1) if match else ""


def trial_row_of(text: object) -> int | None:
    """The Table 3 row that prints ``text`` as its NCT number (ref 64's PMID field ends with NCT04388982, the number
    of Table 3 row 12: a link to the trial it reports, not a stray character), or None."""
    from helpers.data import curated

    text = str(text).strip()
    if not re.fullmatch(r"NCT\d{8}", text):
        return None
    trials = curated.load("clinical_trials")
    rows = trials.loc[trials["nct_number"].astype(str).str.strip() == text, "row"]
    return int(rows.iloc[0]) if len(rows) else None


def trailing_words(text: object) -> str:
    """What follows a PubMed number in a PMID field, in words: ``a stray 'h'``, or ``the registry number
    NCT04388982 of Table 3 row 12`` (references fifth reading 5.2)."""
    after = leading_pmid(text)
    if after is None:
        return ""
    trial = trial_row_of(after[1])
    return f"the registry number {after[1]} of Table 3 row {trial}" if trial else f"a stray '{after[1]}'"


#: How :func:`pmid_export` read a reference's printed PMID, in words for a notice.
PMID_KINDS = {
    "plain": "a plain PMID",
    "suspect": "a plain PMID printed for two references or placeholder-like",
    "stray": "a number followed by other text",
    "title": "a number inside the title",
    "other": "something else in the PMID's place",
    "label": "the label PMID with no number",
    "none": "no PMID",
}


def pmid_export(ref, suspect: dict[int, str]) -> tuple[str, str]:
    """The PMID a reference manager may use for one printed reference, and how it was read (a :data:`PMID_KINDS`
    key).

    A plain, unique number is exported whether it stands in the PMID field,
    is followed there by stray text, or is printed inside the title with no
    PMID field; a number :func:`suspect_pmids` distrusts is not.
    """
    pmid = str(ref.pmid)
    if int(ref.ref) in suspect:
        return "", "suspect"
    if _PMID.fullmatch(pmid):
        return pmid, "plain"
    if stray := leading_pmid(pmid):
        return stray[0], "stray"
    if pmid:
        return "", "other"
    if number := title_pmid(ref.title):
        return number, "title"
    return "", "label" if str(ref.citation).rstrip(" .").endswith("PMID") else "none"


def volume_pages(text: str) -> dict[str, str]:
    """Split "36(2):354–376" into volume, number and pages (``354--376``); {} if it does not parse."""
    match = re.fullmatch(r"(\w+)(?:\(([^)]+)\))?:([\w–-]+)", text.strip())
    if not match:
        return {}
    where = f"volume/pages {text!r}"
    out = {"volume": _escape(match.group(1), where), "pages": _escape(match.group(3), where)}
    if match.group(2):
        out["number"] = _escape(match.group(2), where)
    return out


def suspect_pmids(refs: pd.DataFrame) -> dict[int, str]:
    """Printed PMIDs a reference manager must not trust, by reference number, with the reason in words.

    A number printed for two or more different references (at least one is
    wrong), and a round number that looks like a placeholder. Judged over
    the whole list given (pass the full list even when exporting a selection).
    """
    # A number followed by stray text ("36307672 h") counts by its number, so it may be exported too.
    heads = refs["pmid"].astype(str).map(lambda p: p if _PMID.fullmatch(p) else (leading_pmid(p) or ("",))[0])
    # A number printed inside the title, with no PMID field, is judged like the others.
    heads = heads.where((heads != "") | (refs["pmid"].astype(str) != ""), refs["title"].map(title_pmid))
    plain = refs.assign(pmid=heads)[heads != ""]
    out: dict[int, str] = {}
    for pmid, group in plain.groupby("pmid", sort=False):
        numbers = [int(r) for r in group["ref"]]
        for n in numbers:
            reasons = []
            if len(numbers) > 1:
                others = " and ".join(str(o) for o in numbers if o != n)
                reasons.append(f"the same number is printed for reference {others}, so at least one of them is wrong")
            if _ROUND.fullmatch(str(pmid)):
                reasons.append("a round number, probably a placeholder")
            if reasons:
                out[n] = "; ".join(reasons)
    return out


def also_printed(ref) -> list[str]:
    """What the printed citation carries beyond the parsed fields ("Epub 2023 Mar 31", a second journal form)."""
    head = f"{ref.authors}. {ref.title}. {ref.journal}. {ref.year};{ref.volume_pages}."
    text = str(ref.citation)
    if not text.startswith(head):
        return []
    rest = text[len(head) :]
    for known in (f"doi.org/{ref.doi}" if ref.doi else "", f"PMID: {ref.pmid}" if ref.pmid else ""):
        if known:
            rest = re.sub(r"(?:https?://)?" + re.escape(known), "", rest)
    parts = [part.strip(" .") for part in re.split(r"\.\s+(?=[A-Z])|\.\s*$", rest)]
    return [part for part in parts if part and part != "PMID"]  # a bare label is said by the PMID note


def _count(refs: pd.DataFrame, full: pd.DataFrame | None) -> str:
    """``The 83 references``, or ``12 of the 83 references`` for a selection."""
    if full is None or len(full) == len(refs):
        return f"The {len(refs)} references"
    return f"{len(refs)} of the {len(full)} references"


_HEADER = (
    "% Fields are as printed; anything that does not parse is kept in `note`. Nothing was looked up or\n"
    "% corrected, and some printed DOIs and PMIDs are wrong. A PMID printed for two different references, or a\n"
    "% round placeholder-like one, is kept in `note` and not exported as `pmid`, so that a reference manager\n"
    "% does not link the entry to another article; a PMID printed with stray text after it, or inside the title\n"
    "% with no PMID field, is exported as its number, what surrounds it said in `note`. DOIs are exported as\n"
    "% printed and were not resolved.\n"
)


def to_bibtex(refs: pd.DataFrame, full: pd.DataFrame | None = None) -> str:
    """Render every reference as an ``@article`` entry, in printed order.

    ``full`` is the whole reference list that shared PMIDs are judged over
    (default: ``refs`` itself).
    """
    whole = refs if full is None else full
    judged = (suspect_pmids(whole), short_doi_serials(whole), journal_variants(whole))
    new = {int(r["key"]): r for r in added.provenance("references").to_dict("records")}
    shown = new.keys() & set(refs["ref"].astype(int))
    head = f"% {_count(refs, full)} of Li & Bai (2025), generated from data/references.csv.\n"
    header = _HEADER
    if shown:  # the current edition: the added ones are not the review's
        head = (
            f"% {_count(refs, full)}: {len(refs) - len(shown)} printed in Li & Bai (2025), {len(shown)} added "
            f"since ({agree(len(shown), 'its', 'their')} `note` says so),\n% generated from data/references.csv "
            "and data/additions/references.csv.\n"
        )
        # what the header says of the fields holds for the printed entries only (references ed. 7)
        header = _HEADER.replace("% Fields are as printed;", "% Fields of the printed entries are as printed;", 1)
        header += (
            f"% {agree(len(shown), 'The added entry gives', f'The {len(shown)} added entries give')} the fields "
            "their curator typed (key added<N>_...); no DOI or PMID of theirs was looked up.\n"
        )
    chunks = [head + header]
    chunks += [_entry(ref, *judged, new.get(int(ref.ref))) for ref in refs.itertuples(index=False)]
    return "\n".join(chunks)


def _entry(ref, suspect: dict, short_serials: dict, variants: dict, new: dict | None = None) -> str:
    """One ``@article`` entry: the printed fields, then a ``note`` saying what was not exported as printed.

    ``new`` is the provenance of an added reference (:func:`helpers.data.added.provenance`), whose note says
    it is not the review's but was added, when and by whom.
    """
    where = f"data/references.csv, reference {ref.ref}, column '{{}}'"
    fields = {
        "author": authors(ref.authors, where.format("authors")),
        "title": "{" + _escape(ref.title, where.format("title")) + "}",
        "journal": _escape(ref.journal, where.format("journal")),
        "year": str(ref.year),
    }
    parts = volume_pages(ref.volume_pages)
    fields.update(parts)
    notes = [f"Reference {ref.ref} of Li and Bai (2025)"]
    if new is not None:
        where = f"data/additions/references.csv, reference {ref.ref}, column '{{}}'"
        by = _escape(str(new["added_by"]), where.format("added_by"))
        notes = [
            f"Reference {ref.ref}, added {new['date_added']} by {by}; not in Li and Bai (2025); DOI and PMID not "
            "looked up"
        ]
    if not parts:
        notes.append(f"volume/pages as printed: {_escape(ref.volume_pages, where.format('volume_pages'))}")
    if ref.doi:
        fields["doi"] = _escape(ref.doi, where.format("doi"))
    if int(ref.ref) in short_serials:
        notes.append(f"DOI as printed, not resolved; {_escape(short_serials[int(ref.ref)], where.format('doi'))}")
    if int(ref.ref) in variants:
        notes.append(_escape(variants[int(ref.ref)], where.format("journal")))
    number, how = pmid_export(ref, suspect)
    if number:
        fields["pmid"] = number
    notes += _pmid_notes(ref, how, number, suspect, where) + _author_notes(ref, where)
    notes += [f"also printed: {_escape(extra, where.format('citation'))}" for extra in also_printed(ref)]
    if new is not None:  # the curator gave these fields; the review printed none of them
        notes = [notes[0]] + [n.replace("as printed", "as given").replace(" printed", " given") for n in notes[1:]]
    fields["note"] = "; ".join(notes)
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    key = entry_key(ref.ref, ref.authors, ref.year)
    if new is not None:  # never a key of the printed list's form (references ed. 5)
        key = key.replace("ref", added.REF_WORD, 1)
    return f"@article{{{key},\n{body}\n}}\n"


def _pmid_notes(ref, how: str, number: str | None, suspect: dict, where: str) -> list[str]:
    """What the note says of the printed PMID, by how :func:`pmid_export` exported it."""
    if how == "suspect":
        return [f"PMID as printed: {ref.pmid}, not exported as a pmid field: {suspect[int(ref.ref)]}"]
    if how == "stray":
        stray = leading_pmid(ref.pmid)[1]
        after = _escape(stray, where.format("pmid"))
        trial = trial_row_of(stray)
        said = f", the registry number Table 3 prints on row {trial}" if trial else ""
        return [f"PMID printed followed by '{after}'{said}, exported without it"]
    if how == "other":
        return [f"PMID as printed: {_escape(ref.pmid, where.format('pmid'))}"]
    if how == "title":
        return [
            f"PMID printed inside the title ('PMID: {number}'), not after the DOI, exported as that number; "
            "the title field keeps the printed prefix, which a citation should leave out"
        ]
    if how == "label":
        return ["the label PMID is printed with no number"]
    if how == "none":
        return ["no PMID printed"]
    return []


def _author_notes(ref, where: str) -> list[str]:
    """Notes on authors printed as initials only or with a lower-case surname, each kept as printed."""
    return [
        f"an author is printed as '{_escape(who, where.format('authors'))}' (initials only, no surname); "
        "kept as printed"
        for who in unnamed_authors(ref.authors)
    ] + [
        f"an author is printed as '{_escape(who, where.format('authors'))}' (surname in lower case, probably a "
        "lost first letter); kept as printed"
        for who in lower_case_surnames(ref.authors)
    ]
