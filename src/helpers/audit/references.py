"""Rule family R: a row against the title of the reference it cites."""

from __future__ import annotations

import re

import pandas as pd

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
#: Title words -> the product given, other than the cells themselves (every title names the cells).
TITLE_PRODUCTS: dict[str, str] = {
    r"exosom|extracellular vesicle|\bs?EVs?\b|nanovesicle": "exosomes",
    r"conditioned medi(?:um|a)|secretome|humoral factors": "conditioned medium",
}
#: The product each table files its rows under.
TABLE_PRODUCTS = {"table1": "cells", "table2": "exosomes"}
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


@rule("R4", "cited title names another product", "rows", "references")
def title_product(rows: pd.DataFrame, refs: pd.DataFrame) -> list[Finding]:
    """A row filed under cells (Table 1) or exosomes (Table 2) whose cited title speaks of another product.

    A Table 1 row whose title names exosomes or conditioned medium (warning).
    A Table 2 row whose title names conditioned medium: warning when the
    title names no vesicles as well, check when it does; and a Table 2 row
    whose title names neither vesicles nor medium, only the cells (check: a
    title may leave out the vesicles that carried the effect).
    """
    out = []
    for r, title in _cited(rows, refs):
        mine = TABLE_PRODUCTS.get(r["table"])
        if mine is None:
            continue
        named = _named(title, TITLE_PRODUCTS)
        if mine == "cells" and named:
            sev, what = "warning", f"{' and '.join(sorted(named))}, while the row is filed under cells (Table 1)"
        elif mine == "exosomes" and "conditioned medium" in named:
            sev = "check" if "exosomes" in named else "warning"
            what = f"{' and '.join(sorted(named))}, while the row is filed under exosomes (Table 2)"
        elif mine == "exosomes" and not named:
            sev, what = "check", "the cells themselves and no vesicles, while the row is filed under exosomes (Table 2)"
        else:
            continue
        out.append(_title_finding("R4", sev, r, "source", title, what))
    return out
