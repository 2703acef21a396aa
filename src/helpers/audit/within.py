"""Rule family W, within one row: donor and host, route, dose, size, setting."""

from __future__ import annotations

import re

import pandas as pd

from helpers.audit.references import ROUTE_WORDS, _named
from helpers.audit.registry import Finding, at, field_name, q, rule
from helpers.data import doserange
from helpers.data.derive import size_nm
from helpers.data.quantities import quantity_kind

_RELATION_WORDS = re.compile(r"\ballo(?:graft|geneic|genic)\w*|\bautologous\b|\bsyngeneic\b", re.IGNORECASE)
#: The exosome diameter the review itself states, nm: "Basic characteristics of MSCs and MSC-exosomes",
#: the paragraph on paracrine signalling (line 45 of the transcribed print). The yardstick is the
#: review's own, so a finding shows two printed things that disagree, not our opinion of exosomes.
EXOSOME_SIZE_NM: tuple[float, float] = (30.0, 150.0)
#: Where the print states :data:`EXOSOME_SIZE_NM`, quoted in the evidence.
EXOSOME_SIZE_SOURCE = (
    'the review\'s own exosome diameter, 30–150 nm (section "Basic characteristics of MSCs and MSC-exosomes")'
)
#: An excess over :data:`EXOSOME_SIZE_NM` smaller than this share of the bound is called marginal: the
#: review states its range once, in its introduction, as a rounded definition, not as a measured limit.
SIZE_MARGIN = 0.05
#: What a W5 message adds for a marginal excess.
MARGINAL_SIZE = (
    ": a marginal excess over a rounded range the review gives as a definition, which says little by itself."
)
#: Routes that deliver nothing to an animal: the product is added to cells in a dish.
IN_VITRO_ROUTES = frozenset({"coculture"})
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


def _words(text: str, codes: set[str]) -> str:
    """The words of ``text`` that name the given route codes, with the code: ``intraovarian (OV)``."""
    found = []
    for pattern, code in ROUTE_WORDS.items():
        if code in codes and (m := re.search(pattern, str(text), re.IGNORECASE)):
            found.append(m[0].lower() if m[0].lower() == code.lower() else f"{m[0].lower()} ({code})")
    return " and ".join(found)


@rule("W2", "route contradicted by the effects", "rows", "references")
def route_against_effects(rows: pd.DataFrame, refs: pd.DataFrame) -> list[Finding]:
    """The Effects (Table 3: Purpose) cell names only routes other than the row's route (error).

    When the cited title names a route too, the message says which side it
    supports, and so which printed cell is the likelier slip.
    """
    titles = dict(zip(refs["ref"].astype(int), refs["title"]))
    out = []
    for r in rows.to_dict("records"):
        named = _named(r["effects"], ROUTE_WORDS)
        mine = set(str(r["route"]).split("+")) if pd.notna(r["route"]) else set()
        if named and mine and not named & mine:
            t, n = r["table"], r["row"]
            evidence = f"{at(t, n, 'route_dosage', r['route_dosage'])}; {at(t, n, 'effects', r['effects'])}"
            routes, said = "/".join(sorted(mine)), "/".join(sorted(named))
            msg = f"The row's route is {routes}, but its own text speaks of {said} delivery."
            title = titles.get(int(r["ref"])) if pd.notna(r["ref"]) else None
            titled = _named(title, ROUTE_WORDS) if title else set()
            if titled & mine and not titled & named:
                evidence += f"; reference {r['ref']} title {q(title)}"
                words = _words(title, titled & mine)
                msg += f" The cited title names {words} delivery, so the effects text is the likelier slip."
            elif titled & named and not titled & mine:
                evidence += f"; reference {r['ref']} title {q(title)}"
                words = _words(title, titled & named)
                msg += f" The cited title names {words} delivery, so the route cell is the likelier slip."
            out.append(Finding("W2", "error", t, str(n), field_name(t, "route_dosage"), evidence, msg))
    return out


def _num(x: float) -> str:
    """A dose as a reader writes it: 20,000,000 or 0.5."""
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


@rule("W3", "dose kind unusual for the product", "rows", "dose_ranges")
def dose_kind(rows: pd.DataFrame, ranges: pd.DataFrame) -> list[Finding]:
    """A dose of a kind data/dose_ranges.csv gives no range for, for this product and host.

    Check for a dose of exosomes counted in cells: vesicles are commonly
    dosed in producer-cell equivalents (the vesicles of that many cells), so
    the count says how many cells made the dose, not how many vesicles it
    held. Warning for any other count of another product (particles for
    cells). Check otherwise (a concentration injected without a volume, say).
    """
    known, out = doserange.load(ranges), []
    for r in rows[rows["dose_kind"].notna()].to_dict("records"):
        host = doserange.host_key(r["setting"], r["host_species"])
        if host is None or doserange.range_of(known, r) is not None:
            continue
        kind = quantity_kind(r["dose_kind"])  # the quantity, in the words of dose_ranges.csv
        other = COUNTED_PRODUCT.get(kind)
        wrong = other is not None and other != r["modality"]
        # Vesicles counted by the cells that made them: a stated convention, not a likely slip.
        equivalent = wrong and other == "cells"
        if equivalent:
            msg = (
                f"The dose of {r['modality']} is stated as a number of cells, which reads as producer-cell "
                f"equivalents (the {r['modality']} of that many cells); the amount of {r['modality']} given is not "
                "reported in the review."
            )
        elif wrong:
            msg = f"A study of {r['modality']} states its dose as a number of {kind}."
        else:
            msg = f"A dose of {r['modality']} stated as a {kind} does not say how much a {host} received."
        evidence = f"{at(r['table'], r['row'], 'route_dosage', r['route_dosage'])}; host {q(host)}"
        evidence += f"; data/dose_ranges.csv has no {r['modality']} / {host} / {kind} range"
        sev = "warning" if wrong and not equivalent else "check"
        out.append(Finding("W3", sev, r["table"], str(r["row"]), "route_dosage", evidence, msg))
    return out


@rule("W4", "dose outside the documented range", "rows", "dose_ranges")
def dose_magnitude(rows: pd.DataFrame, ranges: pd.DataFrame) -> list[Finding]:
    """A dose outside its range in data/dose_ranges.csv: warning beyond tenfold, check within.

    The yardstick is :func:`helpers.data.doserange.outside`, the one the dosing exhibit marks its points with.
    """
    known, out = doserange.load(ranges), []
    for r in rows[rows["dose_kind"].notna()].to_dict("records"):
        check = doserange.outside(known, r)
        if check is None or not check.outside:
            continue
        g, factor = check.range, check.factor
        low, high = float(g["low"]), float(g["high"])
        read = _num(r["dose_low"]) + ("" if r["dose_high"] == r["dose_low"] else f" to {_num(r['dose_high'])}")
        evidence = f"{at(r['table'], r['row'], 'route_dosage', r['route_dosage'])}; read as {read} {r['dose_unit']}"
        evidence += (
            f"; data/dose_ranges.csv {r['modality']} / {g['host_species']}: {_num(low)} to {_num(high)} {g['unit']}"
        )
        size = "just" if factor < 1.5 else f"about {factor:.0f}-fold"
        msg = (
            f"The dose lies {size} outside the range data/dose_ranges.csv gives for {r['modality']} in a "
            f"{g['host_species']} (the project's own yardstick, not the review's)."
        )
        out.append(
            Finding(
                "W4", "warning" if factor > 10 else "check", r["table"], str(r["row"]), "route_dosage", evidence, msg
            )
        )
    return out


@rule("W5", "exosome size outside the review's own range", "rows")
def exosome_size(rows: pd.DataFrame) -> list[Finding]:
    """A printed exosome size reaching below 30 nm or above 150 nm, the diameter the review states (check)."""
    out = []
    for r in rows[rows["table"] == "table2"].to_dict("records"):
        size = size_nm(r.get("size_nm", ""))
        if size.missing or (size.value[0] >= EXOSOME_SIZE_NM[0] and size.value[1] <= EXOSOME_SIZE_NM[1]):
            continue
        evidence = f"{at('table2', r['row'], 'size_nm', r['size_nm'])}; {EXOSOME_SIZE_SOURCE}"
        whole = size.value[0] > EXOSOME_SIZE_NM[1] or size.value[1] < EXOSOME_SIZE_NM[0]
        msg = ("The printed size lies" if whole else "Part of the printed size range lies") + (
            " outside the 30–150 nm the review itself gives for exosomes"
        )
        beyond = max(EXOSOME_SIZE_NM[0] - size.value[0], size.value[1] - EXOSOME_SIZE_NM[1])
        share = beyond / (EXOSOME_SIZE_NM[1] if size.value[1] > EXOSOME_SIZE_NM[1] else EXOSOME_SIZE_NM[0])
        msg += f", by {_num(round(beyond, 1))} nm ({share:.1%} of the bound)"
        msg += MARGINAL_SIZE if share < SIZE_MARGIN else "."
        out.append(Finding("W5", "check", "table2", str(r["row"]), "size_nm", evidence, msg))
    return out


def animals_said(effects: object) -> str | None:
    """The first word of an Effects cell that speaks of animals or in vivo work, or None.

    Parameters
    ----------
    effects : object
        The printed Effects cell (may be missing).

    Returns
    -------
    str or None
        The word as printed (e.g. "mice"), so that W6 and W8 quote the same one.
    """
    said = re.search(r"\b(?:mice|mouse|rats?|rabbits?|in vivo)\b", str(effects or ""), re.IGNORECASE)
    return said[0] if said else None


@rule("W6", "in vitro row with animal effects", "rows")
def in_vitro_with_animals(rows: pd.DataFrame) -> list[Finding]:
    """A row set in vitro only whose Effects speak of animals or in vivo work (warning)."""
    out = []
    for r in rows[rows["setting"] == "in vitro"].to_dict("records"):
        said = animals_said(r["effects"])
        if said:
            t, n = r["table"], r["row"]
            evidence = f"{at(t, n, 'route_dosage', r['route_dosage'])}; {at(t, n, 'animal_model', r['animal_model'])}"
            evidence += f"; {at(t, n, 'effects', r['effects'])}"
            msg = f"The row prints no animal work, yet its effects speak of {said}."
            out.append(Finding("W6", "warning", t, str(n), "effects", evidence, msg))
    return out


@rule("W7", "animal model with no route into an animal", "rows")
def animal_model_in_vitro(rows: pd.DataFrame) -> list[Finding]:
    """A row that prints an animal model while its only route is into a dish (co-culture).

    The model's animals receive nothing the row prints, so the row is coded
    in vitro and its animal model cannot be read as a host. Warning when no
    follow-up is printed either (nothing says the animals were followed);
    check when one is.
    """
    out = []
    for r in rows[rows["table"] != "table3"].to_dict("records"):
        routes = {x.casefold() for x in str(r["route"]).split("+")} if pd.notna(r["route"]) else set()
        model = str(r.get("animal_model", "") or "").strip()
        if not model or not routes or not routes <= IN_VITRO_ROUTES:
            continue
        t, n = r["table"], r["row"]
        follow = str(r.get("follow_up", "") or "").strip()
        evidence = f"{at(t, n, 'animal_model', model)}; {at(t, n, 'route_dosage', r['route_dosage'])}"
        evidence += f"; {at(t, n, 'follow_up', follow)}" if follow else "; no follow-up printed"
        msg = "The row prints an animal model, but its only route is co-culture in a dish"
        msg += (
            ", and a follow-up: which animals received what is not reported."
            if follow
            else " and no follow-up: the animals may be only the source of cultured cells."
        )
        out.append(Finding("W7", "check" if follow else "warning", t, str(n), "animal_model", evidence, msg))
    return out


@rule("W8", "in vitro row with a follow-up period", "headers", "rows")
def in_vitro_follow_up(headers: dict, rows: pd.DataFrame) -> list[Finding]:
    """A row whose only route is into a dish but whose "Follow-up period" column holds a time (check).

    No animal received anything the row prints, so the time reads as how
    long the cultured cells were exposed (an incubation time), which the
    column's header does not name. The row's silence does not show that the
    cited study followed no animals (its Effects may speak of them, which W6
    reports), so the message says only what the row prints. Rows with an in
    vivo route beside the culture stay silent: the print does not say which
    arm one printed time belongs to.
    """
    out = []
    for r in rows[rows["table"] != "table3"].to_dict("records"):
        routes = {x.casefold() for x in str(r["route"]).split("+")} if pd.notna(r["route"]) else set()
        follow = str(r.get("follow_up", "") or "").strip()
        if not follow or not routes or not routes <= IN_VITRO_ROUTES:
            continue
        t, n = r["table"], r["row"]
        header = headers.get(t, {}).get("follow_up", "follow_up")
        evidence = f"{t} header follow_up {q(header)}; {at(t, n, 'route_dosage', r['route_dosage'])}"
        evidence += f"; {at(t, n, 'follow_up', follow)}"
        msg = (
            f"The row prints only a co-culture in a dish and no animal, so the {q(follow)} under {q(header)} "
            "reads as an incubation time in culture, which the header does not name; whether the cited study "
            "also followed animals is not reported in the row."
        )
        said = animals_said(r.get("effects"))
        if said:
            msg += f" Its effects speak of {said}, though (see W6 on this row)."
        out.append(Finding("W8", "check", t, str(n), "follow_up", evidence, msg))
    return out
