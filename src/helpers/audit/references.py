"""Rule family R: a row against the title of the reference it cites."""

from __future__ import annotations

import re

import pandas as pd

from helpers.audit.abbreviations import code_key
from helpers.audit.registry import Finding, at, field_name, q, rule

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
#: What a tissue code of :data:`TITLE_TISSUES` names, for a title that prints only its abbreviation.
TISSUE_WORDS: dict[str, str] = {
    "UCB": "umbilical cord blood",
    "UC": "umbilical cord",
    "BM": "bone marrow",
    "AD": "adipose tissue",
    "AM": "amnion",
    "DP": "dental pulp",
    "gingiva": "gingiva",
    "placenta": "placenta",
}
#: Vesicles made from cells (usually by extrusion) rather than secreted by them: another product than exosomes.
TITLE_MIMETIC = re.compile(r"exosome[- ]mimetic\w*(?:\s+nano\w+)?|mimetic nano\w+", re.IGNORECASE)
#: Title words -> the product given, other than the cells themselves (every title names the cells).
TITLE_PRODUCTS: dict[str, str] = {
    r"exosom|extracellular vesicle|\bs?EVs?\b|nanovesicle": "exosomes",
    r"conditioned medi(?:um|a)|secretome|humoral factors": "conditioned medium",
}
#: The product each table files its rows under.
TABLE_PRODUCTS = {"table1": "cells", "table2": "exosomes"}
#: Words of an Effects (or Purpose) cell or a cited title that name a route of delivery -> route code.
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


def _said(text: str, vocabulary: dict[str, str]) -> dict[str, str]:
    """Code -> the words of ``text`` that name it, as printed (the first match, to the end of its word)."""
    out: dict[str, str] = {}
    for pattern, code in vocabulary.items():
        if code not in out and (m := re.search(pattern, str(text), re.IGNORECASE)):
            out[code] = m[0] + re.match(r"[\w-]*", str(text)[m.end() :])[0]  # the whole printed word
    return out


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


def _abbreviated(printed: str) -> bool:
    """Whether a title names a tissue by an abbreviation: one token with two capitals or more ("GMSCs", "BM-MSCs").

    Words in a Title-Case title ("Dental Pulp") have two capitals too, but they are words, said as such.
    """
    return " " not in printed.strip() and sum(x.isupper() for x in printed) >= 2


def _tissue_words(said: dict[str, str], defined: set[str]) -> str:
    """How a title names its tissues: "MSCs from bone marrow and dental pulp", and abbreviations with our reading.

    An abbreviation ("GMSCs") is quoted as printed, our reading is said to be
    the usual one, and whether a legend of the review expands it is stated.
    """
    plain = [TISSUE_WORDS.get(c, c) for c, w in sorted(said.items()) if not _abbreviated(w)]
    parts = [f"MSCs from {' and '.join(plain)}"] if plain else []
    for code, printed in sorted(said.items()):
        if _abbreviated(printed):
            where = "expanded in a legend" if code_key(printed) in defined else "expanded in no legend"
            where += " of the review"
            parts.append(f"{q(printed)} (usually read as MSCs from {TISSUE_WORDS.get(code, code)}; {where})")
    return ", ".join(parts)


@rule("R2", "cited title names another MSC source", "rows", "references", "abbreviations")
def title_tissue(rows: pd.DataFrame, refs: pd.DataFrame, abbr: pd.DataFrame) -> list[Finding]:
    """A row whose MSC source differs from every source its cited title names (warning).

    A title that names the source only by an abbreviation ("GMSCs") is
    quoted as printed, with the usual reading marked as ours.
    """
    defined = {code_key(a) for a in abbr["abbreviation"]}
    out = []
    for r, title in _cited(rows, refs):
        said = _said(title, TITLE_TISSUES)
        mine = set(str(r["tissue"]).split("+")) if pd.notna(r["tissue"]) else set()
        if said and mine and not set(said) & mine:
            words = _tissue_words(said, defined)
            what = f"{words}, not the row's {', '.join(sorted(mine))}"
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


@rule("R4", "cited title names another product", "rows", "references")
def title_product(rows: pd.DataFrame, refs: pd.DataFrame) -> list[Finding]:
    """A row filed under cells (Table 1) or exosomes (Table 2) whose cited title speaks of another product.

    A Table 1 row whose title names exosomes or conditioned medium (warning).
    A Table 2 row whose title names exosome mimetics, vesicles made from
    cells rather than secreted by them (check). A Table 2 row whose title
    names conditioned medium: warning when the title names no vesicles as
    well, check when it does (the vesicles are named as the reason, not as
    another product: exosomes are extracellular vesicles); and a Table 2 row whose title names neither
    vesicles nor medium, only the cells (check: a title may leave out the
    vesicles that carried the effect). The title's own words are quoted.
    """
    out = []
    for r, title in _cited(rows, refs):
        mine = TABLE_PRODUCTS.get(r["table"])
        if mine is None:
            continue
        mimetic = TITLE_MIMETIC.search(str(title))
        said = _said(TITLE_MIMETIC.sub(" ", str(title)), TITLE_PRODUCTS)
        words = " and ".join(q(said[k]) for k in sorted(said))
        if mine == "cells" and (said or mimetic):
            words = " and ".join(x for x in (q(mimetic[0]) if mimetic else "", words) if x)
            sev, what = "warning", f"{words}, while the row is filed under cells (Table 1)"
        elif mine == "exosomes" and mimetic:
            sev = "check"
            what = (
                f"{q(mimetic[0])}, exosome mimetics (usually made from cells by extrusion, not secreted by them), "
                "while the row is filed under exosomes (Table 2)"
            )
        elif mine == "exosomes" and "conditioned medium" in said:
            sev = "check" if "exosomes" in said else "warning"
            what = f"{q(said['conditioned medium'])}, while the row is filed under exosomes (Table 2)"
            if "exosomes" in said:  # vesicles are not another product: they are why this is only a check
                what += f"; it also names {q(said['exosomes'])}, the class of vesicles exosomes belong to"
        elif mine == "exosomes" and not said:
            sev, what = "check", "the cells themselves and no vesicles, while the row is filed under exosomes (Table 2)"
        else:
            continue
        out.append(_title_finding("R4", sev, r, "source", title, what))
    return out


def _printed_disease(code: str, cell: str) -> bool:
    """Whether a cell names a disease code, as the code or in words (:data:`TITLE_DISEASES`)."""
    return bool(re.search(rf"(?<![A-Za-z]){re.escape(code)}(?![A-Za-z])", cell)) or code in _named(cell, TITLE_DISEASES)


@rule("R5", "disease named neither by the model nor the cited title", "rows", "references")
def disease_named_nowhere(rows: pd.DataFrame, refs: pd.DataFrame) -> list[Finding]:
    """A row of Tables 1-2 with an animal model whose model cell and cited title both leave its disease unnamed.

    Check: the row is filed under a disease, but neither what was done to
    the animals nor the cited title says so (a bone defect filed under
    osteoporosis, say). A title that names another disease is rule R1's.
    """
    out = []
    for r, title in _cited(rows[rows["table"] != "table3"], refs):
        code, model = r["disease_code"], str(r.get("animal_model") or "").strip()
        if pd.isna(code) or not model or _named(title, TITLE_DISEASES) or _printed_disease(code, model):
            continue
        t, n = r["table"], r["row"]
        evidence = f"{at(t, n, 'disease', r['disease'])}; {at(t, n, 'animal_model', model)}"
        evidence += f"; reference {r['ref']} title {q(title)}"
        msg = f"Neither the printed animal model nor the cited title names {code}, the disease the row is filed under."
        out.append(Finding("R5", "check", t, str(n), "disease", evidence, msg))
    return out


@rule("R6", "cited title names another route", "rows", "references")
def title_route(rows: pd.DataFrame, refs: pd.DataFrame) -> list[Finding]:
    """A row whose printed route is none of the routes its cited title names (check).

    The Effects cell against the route is rule W2's; here the title speaks
    of topical application, say, while the row prints co-culture.
    """
    out = []
    for r, title in _cited(rows, refs):
        said = _said(title, ROUTE_WORDS)
        mine = {x.casefold() for x in str(r["route"]).split("+")} if pd.notna(r["route"]) else set()
        if not said or not mine or {c.casefold() for c in said} & mine:
            continue
        t, n = r["table"], r["row"]
        column = "route_dosage"
        evidence = f"{at(t, n, column, r[column])}; reference {r['ref']} title {q(title)}"
        words = " and ".join(q(w) for w in said.values())
        msg = f"The cited article's title speaks of {words} delivery, which the row's printed route does not name."
        out.append(Finding("R6", "check", t, str(n), field_name(t, column), evidence, msg))
    return out
