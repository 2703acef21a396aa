"""Doses, routes, follow-up and reporting completeness of the preclinical studies, setting kept apart.

Works on :func:`helpers.data.coded.studies`. Three rules run through it:

* The setting is a dimension of its own. Follow-up of treated animals
  (``follow_up_days``), incubation of cultured cells (``incubation_hours``) and
  a time the review does not assign to either arm of an "in vivo + in vitro"
  study (``unassigned_time_days``) are never pooled; a dose given to an animal
  and a concentration in a dish are different ``dose_kind`` values.
* Doses are quantities of one kind each (:mod:`helpers.data.quantities`),
  never converted into another kind; a dose outside its documented range
  (:func:`helpers.data.doserange.outside`, the audit's W4 yardstick) is kept as
  printed and marked.
* A reporting item counts only the studies it applies to, and no item is
  true by construction of the setting it is counted over.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from helpers.analysis import gapmap
from helpers.data import bodymass, design, doserange

__all__ = [
    "Panels",
    "panels",
    "per_kg",
    "per_kg_panels",
    "PER_KG_ROWS",
    "shown",
    "SYSTEMIC_ROUTES",
    "doses",
    "follow_up",
    "incubation",
    "routes",
    "missing",
    "completeness",
    "completeness_summary",
    "figure_data",
    "days_key",
    "carried",
    "ITEMS",
    "IN_VIVO_ITEMS",
    "IN_VITRO_ITEMS",
    "KIND_ORDER",
    "STATES",
    "RANGE_FACTOR",
    "RANGE_NOTE",
    "AMOUNT_KINDS",
    "MARK_MIMETIC",
]

#: Items of a study with animals, in the spirit of the ARRIVE items, limited to what the tables print. Host
#: species is not one: it is read from the Animal model cell, and a study has animals when that cell is printed,
#: so every study with animals would report it by construction (second reading 2.14).
IN_VIVO_ITEMS = ("how the model was made", "route", "amount given", "follow-up")
#: Items of a study in a dish only. The amount in the dish may be a number of cells or a concentration:
#: a coculture of living MSCs is not charged with a µg/mL it could not have (second reading 2.10).
IN_VITRO_ITEMS = ("amount in the dish (cells or µg/mL)", "incubation time")
ITEMS = IN_VIVO_ITEMS + IN_VITRO_ITEMS

#: States of a completeness cell; only "reported" counts as reported, "unclear" is shown beside it.
STATES = {
    "reported": "reported",
    "not reported": "not reported in the review",
    "na": "printed NA",
    "unclear": "printed, arm not stated",
    "concentration": "concentration only, volume not reported",
    "cells for exosomes": "cells printed for an exosome product",
    "not applicable": "not applicable",
    # An animal model is printed but not how it was made (ref 43, "Skin aging model of nude mice"): not "not
    # reported", which could read as no model printed (fifth reading 5.3; second reading resolution 18).
    "unstated induction": "model printed, induction not stated",
}

#: Dose kinds of the coded dataset in drawing order (given to animals first, the dish last).
KIND_ORDER = (
    "cells",
    "cells, printed for exosomes",
    "particles",
    "mass as printed",
    "mass per body mass",
    "injected concentration",
    "concentration, arm not stated",
    "in vitro concentration",
)
#: Dose kinds that state an amount an animal received (the others: a concentration, or cells for exosomes).
AMOUNT_KINDS = ("cells", "particles", "mass as printed", "mass per body mass")

#: What ``range_factor`` measures, for a reader of the doses table (third reading 3.4).
RANGE_FACTOR = (
    "how many times the dose lies beyond the nearer bound of its documented range: the larger of the highest "
    "printed arm divided by the upper bound and the lower bound divided by the lowest arm. Above 1 the dose lies "
    "outside the range; 1 or less, inside (0.2 is 5-fold inside)"
)
#: The sentence above the doses table in the notebook: what ``range_factor`` measures, and why it may be empty.
RANGE_NOTE = (
    f"`range_factor`: {RANGE_FACTOR}. `outside_range` and `range_factor` are empty where "
    "data/dose_ranges.csv has no range for the dose's kind: such a dose was not checked."
)

_KEYS = ["table", "row", "ref", "disease", "modality", "setting", "host_species"]
#: The audit's columns (:func:`helpers.data.flags.attach`), carried along when the studies have them.
_AUDIT = ["audit_flag", "audit_findings", "audit_flagged_by"]


def _keys(studies: pd.DataFrame) -> list[str]:
    return _KEYS + [c for c in _AUDIT if c in studies.columns]


def carried(studies: pd.DataFrame) -> pd.Series:
    """Studies with animals whose product was given in a scaffold or hydrogel (``modification`` biomaterial).

    The material is named in the printed Precondition (Table 1) or Effects (Table 2) cell. Some were implanted
    (a bioprinted ovary, a collagen or titanium scaffold), others injected with the gel (an ovarian injection, OV,
    of cells in hyaluronic acid): the print does not always say which, so the mark says only that a material
    carried the product (second reading 2.8, third reading 3.1). Every such row prints a scaffold, a hydrogel or a
    bioprinted construct; a loaded nanoparticle (ref 78, coded engineered) or a membrane coat (ref 70) is not one,
    and the one in vitro biomaterial row (ref 82, spicules on skin cells) gives no animal anything, so the mark
    says "to animals in a scaffold or hydrogel", not "carrier" (fourth reading 4.2).
    """
    material = studies["modification"].astype("string").fillna("").str.split("+").map(lambda m: "biomaterial" in m)
    return (material & _has_animals(studies)).astype(bool)


def _has_animals(studies: pd.DataFrame) -> pd.Series:
    """A study with an animal arm (in vivo, or in vivo + in vitro); one of unknown setting is held to it."""
    return studies["setting"].astype("string").fillna("in vivo").str.contains("in vivo", regex=False)


def _in_vitro_only(studies: pd.DataFrame) -> pd.Series:
    return (studies["setting"].astype("string") == "in vitro").fillna(False).astype(bool)


def per_kg(studies: pd.DataFrame, body_mass_g: dict | None = None) -> pd.DataFrame:
    """The studies with their doses per kg recomputed from the nominal masses ``body_mass_g`` overrides.

    Empty ``body_mass_g``: the coded dataset's own columns (data/body_mass.csv) are kept.
    """
    if not body_mass_g:
        return studies
    return studies.drop(columns=[c for c in studies if c.startswith("dose_per_kg")]).join(
        bodymass.per_kg(studies, body_mass_g)
    )


def doses(studies: pd.DataFrame, ranges: pd.DataFrame | None = None) -> pd.DataFrame:
    """One line per study with a readable dose, and where it lies against its documented range.

    Parameters
    ----------
    studies : pandas.DataFrame
        From :func:`helpers.data.coded.studies`.
    ranges : pandas.DataFrame, optional
        data/dose_ranges.csv (loaded when omitted).

    Returns
    -------
    pandas.DataFrame
        ``table, row, ref, disease, modality, setting, host_species`` (and the audit's
        columns when ``studies`` has them), ``printed`` (the printed Route/Dosage cell),
        ``route`` (a route printed "NA" reads "NA (printed)", one not printed "not
        reported in the review"), ``dose_kind, dose_unit, dose_low, dose_high,
        dose_arms, carrier`` (given to animals in a scaffold or hydrogel,
        :func:`carried`), ``mimetic`` (exosome mimetics by the printed Effects cell or
        the cited title, :func:`helpers.analysis.gapmap.mimetic_rows`), then
        ``range_low, range_high`` (the documented range), ``range_factor`` (see
        :data:`RANGE_FACTOR`) and ``outside_range``; the last three are empty where
        data/dose_ranges.csv has no range for the dose's kind: not checked, so
        neither inside nor outside.
    """
    part = studies[studies["dose_kind"].notna()]
    known = doserange.load(ranges)
    checks = [doserange.outside(known, r) for r in part.to_dict("records")]
    out = part[[*_keys(part), "route", "dose_kind", "dose_unit", "dose_low", "dose_high", "dose_arms"]].copy()
    out.insert(len(_keys(part)), "printed", _printed(part, "route_dosage").to_numpy())
    # The route as the route panel reads it: a printed "NA" is not a route left out (third reading 3.5).
    out["route"] = pd.array(
        [r if pd.notna(r) else _route_label(r, m) for r, m in zip(part["route"], part["route_missing"])],
        dtype="string",
    )
    out["carrier"] = carried(part).to_numpy()
    mimetics = {(t, r) for t, r, _ in gapmap.mimetic_rows(part)}
    out["mimetic"] = [(str(t), int(r)) in mimetics for t, r in zip(part["table"], part["row"])]
    out["range_low"] = pd.array([float(c.range["low"]) if c else None for c in checks], dtype="Float64")
    out["range_high"] = pd.array([float(c.range["high"]) if c else None for c in checks], dtype="Float64")
    out["range_factor"] = pd.array([round(c.factor, 3) if c else None for c in checks], dtype="Float64")
    # Empty, not False, where no range applies: those doses were not checked (third reading 3.4).
    out["outside_range"] = pd.array([c.outside if c else None for c in checks], dtype="boolean")
    # Per kg of a nominal body mass (an assumption, not the studies' animals), only for doses animals received.
    for column in ("dose_per_kg_low", "dose_per_kg_high", "dose_per_kg_unit", "dose_per_kg_basis"):
        out[column] = part[column].to_numpy()
    out["dose_per_kg_missing"] = part["dose_per_kg_missing"].to_numpy()
    # Per kg of whole-body mass means something for a systemic dose only (sixth reading 6.2).
    out["per_kg_systemic"] = pd.array(
        [str(r) in SYSTEMIC_ROUTES and not c for r, c in zip(out["route"], out["carrier"])], dtype="boolean"
    )
    return out.reset_index(drop=True)


#: Routes whose dose reaches the whole body, so that a dose per kg of body mass is meaningful (defined, with why
#: SC and IP are where they are, in :data:`helpers.data.bodymass.SYSTEMIC_ROUTES`).
SYSTEMIC_ROUTES = bodymass.SYSTEMIC_ROUTES


#: Rows of the per-kg panels, in drawing order: (unit, row label). Each route has a row of its own, so that an IP
#: dose is never read as an IV one (seventh reading 7.3: IP cells may largely stay in the peritoneal cavity);
#: exosome mimetics (ref 70) have a row apart from secreted exosomes (7.4); a dose the study printed per kg
#: (mg/kg, restated in µg/kg) has a row of its own, apart from the printed µg we divide by an assumed mass (6.9).
PER_KG_ROWS = (
    ("cells/kg", "MSCs, IV: cells ÷ nominal mass"),
    ("cells/kg", "MSCs, IP: cells ÷ nominal mass\n(cells may stay in the peritoneal cavity)"),
    ("particles/kg", "exosomes, IV: particles ÷ nominal mass"),
    ("particles/kg", "exosomes, IP: particles ÷ nominal mass"),
    ("µg/kg", "exosomes, IV: µg ÷ nominal mass"),
    ("µg/kg", "exosomes, IP: µg ÷ nominal mass"),
    ("µg/kg", "exosome mimetics, IV: µg ÷ nominal mass\n(not secreted exosomes)"),
    ("µg/kg", "exosomes, IV: printed per kg\n(mg/kg as µg/kg)"),
)


def per_kg_row(unit: str, route: str, printed: bool, mimetic: bool) -> str:
    """The per-kg row of one drawn dose: product, route and how the value was obtained (:data:`PER_KG_ROWS`)."""
    product = "MSCs" if unit == "cells/kg" else ("exosome mimetics" if mimetic else "exosomes")
    what = "printed per kg" if printed else f"{unit.split('/')[0]} ÷ nominal mass"
    head = f"{product}, {route}: {what}"
    return next((label for _, label in PER_KG_ROWS if label.split("\n")[0] == head), head)


#: Why a dose given to animals is not drawn per kg, as the per-kg panels' key says it.
PER_KG_LEFT = {
    "not an amount": "not an amount per animal",
    "no mass": "no sourced body mass for the host",
    "local": "given locally",
    "flagged": "row flagged by the audit",
}


def per_kg_panels(dose_frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The doses the per-kg panels draw, and the amounts given to or injected into animals that they leave out.

    Drawn: a dose per kg (:func:`helpers.data.bodymass.per_kg`) that is systemic (``per_kg_systemic``: IV or
    IP, not in a scaffold or hydrogel) on a row the audit does not flag, as the "What to notice" ranges count
    them (sixth reading 6.1, 6.2). The others are left out with the reason (:data:`PER_KG_LEFT`, first that
    applies): not an amount per animal (an injected concentration, cells printed for exosomes), no sourced
    mass for the host, a local dose, a flagged row. In vitro rows gave no animal anything and are in neither.

    Returns
    -------
    drawn : pandas.DataFrame
        Rows of :func:`doses` with ``per_kg_row`` (the label of :data:`PER_KG_ROWS`).
    left : pandas.DataFrame
        Rows of :func:`doses` with ``per_kg_left`` (a key of :data:`PER_KG_LEFT`).
    """
    given = dose_frame[dose_frame["setting"].astype("string") != "in vitro"]
    unit = given["dose_per_kg_unit"].astype("string")
    systemic = given["per_kg_systemic"].fillna(False).astype(bool)
    flagged = given["audit_flag"].fillna(False).astype(bool) if "audit_flag" in given else systemic & False
    kinds = given["dose_kind"].astype("string")
    why = pd.Series(
        [
            ("no mass" if k in AMOUNT_KINDS else "not an amount")
            if pd.isna(u)
            else ("local" if not s else ("flagged" if f else ""))
            for u, s, f, k in zip(unit, systemic, flagged, kinds)
        ],
        index=given.index,
        dtype="string",
    )
    printed = given["dose_per_kg_basis"].astype("string").fillna("").str.startswith("printed per kg")
    mimetic = given["mimetic"].fillna(False).astype(bool) if "mimetic" in given else printed & False
    rows = [
        per_kg_row(str(u), str(r), bool(p), bool(m))
        for u, r, p, m in zip(unit.fillna(""), given["route"].astype("string").fillna(""), printed, mimetic)
    ]
    drawn = given.assign(per_kg_row=pd.array(rows, dtype="string"))[why == ""]
    left = given.assign(per_kg_left=why)[why != ""]
    return drawn.reset_index(drop=True), left.reset_index(drop=True)


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` for display: doses per kg to 3 significant figures, lifespan shares as a percentage (1 decimal).

    The per-kg values rest on an assumed mass and the share on a record lifespan: more digits would be false
    precision (sixth reading 6.7). tables/studies.csv keeps the full values.
    """
    out = frame.copy()
    for column in ("dose_per_kg_low", "dose_per_kg_high"):
        if column in out:
            out[column] = pd.array([float(f"{v:.3g}") if pd.notna(v) else None for v in out[column]], dtype="Float64")
    if "lifespan_share" in out:
        out["lifespan_share"] = pd.array(
            [round(100 * v, 1) if pd.notna(v) else None for v in out["lifespan_share"]], dtype="Float64"
        )
        out = out.rename(columns={"lifespan_share": "lifespan_share_percent"})
    return out


def _printed(studies: pd.DataFrame, column: str = "follow_up") -> pd.Series:
    """A printed cell of each study (for readers: the number beside what it was read from)."""
    from helpers.core.vocab import PRECLINICAL_TABLES, TABLE_OF_RESOURCE
    from helpers.data import curated

    cells = {
        (TABLE_OF_RESOURCE[resource], int(r)): text
        for resource in PRECLINICAL_TABLES
        for r, text in curated.load(resource)[["row", column]].itertuples(index=False)
    }
    return pd.Series([cells.get((t, int(r)), "") for t, r in zip(studies["table"], studies["row"])], dtype="string")


def follow_up(studies: pd.DataFrame) -> pd.DataFrame:
    """Studies with animals and a printed time: in vivo follow-up, and times whose arm is not stated.

    Returns
    -------
    pandas.DataFrame
        ``table, row, ref, disease, modality, setting, host_species, printed, days,
        arm_stated``: ``days`` from ``follow_up_days`` (in vivo studies, ``arm_stated``
        True) or ``unassigned_time_days`` (in vivo + in vitro studies, False: the
        review does not say whether the time is the animals' or the culture's).
        Incubation times of in vitro studies are in :func:`incubation`, never here.
    """
    days = studies["follow_up_days"].astype("Float64").fillna(studies["unassigned_time_days"].astype("Float64"))
    keep = days.notna().to_numpy()
    out = studies.loc[keep, _keys(studies)].copy()
    out["printed"] = _printed(studies).to_numpy()[keep]
    out["days"] = days[keep]
    out["arm_stated"] = studies.loc[keep, "follow_up_days"].notna().astype("boolean")
    # Share of the host's lifespan (data/lifespan.csv), in vivo studies only; empty where the arm is not stated.
    out["lifespan_share"] = studies.loc[keep, "follow_up_lifespan_share"].to_numpy()
    return out.reset_index(drop=True)


def incubation(studies: pd.DataFrame) -> pd.DataFrame:
    """In vitro studies with a printed incubation time, in hours (``table ... host_species, printed, hours``)."""
    keep = studies["incubation_hours"].notna().to_numpy()
    out = studies.loc[keep, _keys(studies)].copy()
    out["printed"] = _printed(studies).to_numpy()[keep]
    out["hours"] = studies.loc[keep, "incubation_hours"].astype("Float64")
    return out.reset_index(drop=True)


#: Route codes written out for the figure's key (the review's legends; MI is in none of them).
ROUTE_NAMES = {
    "IV": "intravenous",
    "IP": "intraperitoneal",
    "OV": "intra-ovarian",
    "ICV": "intracerebroventricular",
    "SC": "subcutaneous",
    "IN": "intranasal",
    "IM": "intramuscular",
}


def _route_label(route: object, reason: object, carrier: bool = False) -> str:
    if pd.isna(route):
        return "NA (printed)" if "printed as NA" in str(reason) else "not reported in the review"
    if route == "MI":
        return "MI (not defined in the review)"
    # Abbreviations stay as printed (IV); spelled-out sites read as words (BACK_SIDES -> back sides).
    if len(str(route)) <= 3:
        return str(route)
    site = str(route).lower().replace("_", " ")
    # A scaffold or hydrogel placed at a site is implanted there, not administered (second reading 2.8).
    return f"{site} (implant site)" if carrier else site


def routes(studies: pd.DataFrame) -> pd.DataFrame:
    """Studies per route of administration and modality, studies with animals only; in vitro studies apart.

    Returns
    -------
    pandas.DataFrame
        ``setting, route, modality, studies``. ``setting`` is "in vivo" (any study with
        an animal arm, by the route its animals were treated) or "in vitro" (a study in
        a dish: "coculture", which is no route of administration). A route printed
        "NA" and a route not printed are separate rows; one route per study, as
        printed (no study of Tables 1-2 prints two).
    """
    if studies.empty:
        return pd.DataFrame(columns=["setting", "route", "modality", "studies"])
    labels = [_route_label(r, m, c) for r, m, c in zip(studies["route"], studies["route_missing"], carried(studies))]
    vivo = _has_animals(studies).to_numpy()
    frame = pd.DataFrame(
        {
            "setting": ["in vivo" if v else "in vitro" for v in vivo],
            "route": [label if v else "coculture (no route of administration)" for label, v in zip(labels, vivo)],
            "modality": studies["modality"].to_numpy(),
        }
    )
    counts = frame.groupby(["setting", "route", "modality"], sort=True).size().rename("studies").reset_index()
    return counts


def completeness(studies: pd.DataFrame) -> pd.DataFrame:
    """For each study, the state of each item of :data:`ITEMS` (values of :data:`STATES`).

    In vivo items apply to studies with an animal arm; in vitro items to studies in a
    dish only (an "in vivo + in vitro" study prints one dose and one time, which belong
    to its animals or to no stated arm). Nothing applies by construction: the model class
    is read from a printed Animal model cell, which may not say how the model was made;
    host species is no item, since a study has animals when that cell is printed.
    """
    vivo = _has_animals(studies)
    vitro = _in_vitro_only(studies)
    st = STATES

    def state(values: list[str], applicable: pd.Series) -> pd.Series:
        return pd.Series(values, index=studies.index, dtype="string").where(applicable, st["not applicable"])

    def yes_no(present: pd.Series) -> list[str]:
        return [st["reported"] if p else st["not reported"] for p in present.fillna(False)]

    route = [
        st["reported"] if pd.notna(r) else (st["na"] if "printed as NA" in str(m) else st["not reported"])
        for r, m in zip(studies["route"], studies["route_missing"])
    ]
    amount = []
    for kind, reason in zip(studies["dose_kind"], studies["dose_missing"]):
        if pd.isna(kind):
            amount.append(st["na"] if "printed as NA" in str(reason) else st["not reported"])
        elif kind in AMOUNT_KINDS:
            amount.append(st["reported"])
        elif kind == "cells, printed for exosomes":
            amount.append(st["cells for exosomes"])
        else:
            amount.append(st["concentration"])
    follow = [
        st["reported"] if pd.notna(f) else (st["unclear"] if pd.notna(u) else st["not reported"])
        for f, u in zip(studies["follow_up_days"], studies["unassigned_time_days"])
    ]
    frame = studies[["table", "row", "ref", "modality", "setting"]].copy()
    # "model named, induction not stated" names the animals but not how the phenotype was made (ref 43).
    made = studies["model_class"].notna() & (studies["model_class"].astype("string") != design.UNSTATED_INDUCTION)
    unstated = studies["model_class"].astype("string").fillna("") == design.UNSTATED_INDUCTION
    made_state = [st["reported"] if m else (st["unstated induction"] if u else st["not reported"])
                  for m, u in zip(made.fillna(False), unstated)]  # fmt: skip
    frame["how the model was made"] = state(made_state, vivo)
    frame["route"] = state(route, vivo)
    frame["amount given"] = state(amount, vivo)
    frame["follow-up"] = state(follow, vivo)
    frame[IN_VITRO_ITEMS[0]] = state(yes_no(studies["dose_kind"].notna()), vitro)
    frame["incubation time"] = state(yes_no(studies["incubation_hours"].notna()), vitro)
    return frame.reset_index(drop=True)


def completeness_summary(matrix: pd.DataFrame) -> pd.DataFrame:
    """Share of studies reporting each item where it applies, by modality.

    Returns
    -------
    pandas.DataFrame
        ``item, applies to, modality, reported, unclear, applicable, share, unclear share``
        (shares in percent of ``applicable``; ``unclear`` counts times printed
        without their arm, shown beside the reported share, never in it).
    """
    rows = []
    for modality, part in matrix.groupby("modality", sort=True):
        for name in ITEMS:
            applicable = int((part[name] != STATES["not applicable"]).sum())
            reported = int((part[name] == STATES["reported"]).sum())
            unclear = int((part[name] == STATES["unclear"]).sum())

            def pct(n: int, total: int = applicable) -> float:
                return round(100 * n / total, 1) if total else float("nan")

            where = "studies with animals" if name in IN_VIVO_ITEMS else "in vitro only studies"
            rows.append((name, where, modality, reported, unclear, applicable, pct(reported), pct(unclear)))
    columns = ["item", "applies to", "modality", "reported", "unclear", "applicable", "share", "unclear share"]
    return pd.DataFrame(rows, columns=columns)


def missing(studies: pd.DataFrame) -> dict[str, int]:
    """Counts behind the panels' "not reported" notes.

    ``studies``: all studies; ``dose``: studies with no readable dose at all; ``dose, with animals``:
    of those, studies with an animal arm; ``follow-up``: studies with animals that print no time;
    ``incubation``: in vitro only studies that print none; ``animals`` and ``in vitro``: the studies
    each panel is over.
    """
    vivo, vitro = _has_animals(studies), _in_vitro_only(studies)
    no_time = studies["follow_up_days"].isna() & studies["unassigned_time_days"].isna()
    return {
        "studies": len(studies),
        "dose": int(studies["dose_kind"].isna().sum()),
        "dose, with animals": int((studies["dose_kind"].isna() & vivo).sum()),
        "follow-up": int((no_time & vivo).sum()),
        "incubation": int((studies["incubation_hours"].isna() & vitro).sum()),
        "animals": int(vivo.sum()),
        "in vitro": int(vitro.sum()),
    }


#: What a mark's look says, as the data file's ``mark`` column writes it.
MARK_OUTSIDE = "outside data/dose_ranges.csv"
MARK_UNSTATED = "arm not stated in the review"
MARK_CARRIER = "given to animals in a scaffold or hydrogel (printed Precondition or Effects cell)"
MARK_MIMETIC = "exosome mimetics by the Effects cell or cited title, not secreted exosomes"
MARK_AUDIT = "flagged by the audit"
MARK_TITLE_CHECK = "not flagged; the audit's check against the cited title questions what the mark shows"


def title_checks(ids: list[str]) -> list[str]:
    """Of a row's audit findings, the checks of the row against its cited title (rule family R).

    On a row the audit does not flag they still question what its mark shows: ref 80 is drawn under OP
    though its printed model is a bone defect (R5), ref 82 as a dish concentration though its cited title
    speaks of topical use on skin (R6), ref 70's product (R4) (dosing fourth reading 4.3, 4.4).
    """
    return [x for x in ids if x.startswith("R")]


def _audit_marks(frame: pd.DataFrame) -> list[str]:
    """``flagged by the audit (R1; also listed: A7, A9, W4)``: the findings that flag the row first (3.2)."""
    if "audit_flag" not in frame:
        return [""] * len(frame)
    listed = frame["audit_findings"].fillna("").astype(str).str.split(";")
    by = frame["audit_flagged_by"].fillna("").astype(str) if "audit_flagged_by" in frame else None
    out = []
    for i, (flag, ids) in enumerate(zip(frame["audit_flag"].fillna(False), listed)):
        if not flag:
            # A check of the row against its cited title is named even without an edge (fourth reading 4.3, 4.4).
            title = title_checks(ids)
            rest = [x for x in ids if x and x not in title]
            out.append(
                f"{MARK_TITLE_CHECK} ({', '.join(title)}{'; also listed: ' + ', '.join(rest) if rest else ''})"
                if title
                else ""
            )
            continue
        why = [x for x in by.iloc[i].split(";") if x] if by is not None else ids
        rest = [x for x in ids if x not in why]
        out.append(f"{MARK_AUDIT} ({', '.join(why)}{'; also listed: ' + ', '.join(rest) if rest else ''})")
    return out


def _joined(*columns: list[str]) -> list[str]:
    return ["; ".join(m for m in marks if m) for marks in zip(*columns)]


def _dose_lines(dose_frame: pd.DataFrame) -> pd.DataFrame:
    outside = [
        (f"{MARK_OUTSIDE} ({f:.0f}-fold)" if f >= 1.5 else f"{MARK_OUTSIDE} (just)") if o else ""
        for f, o in zip(dose_frame["range_factor"].fillna(0), dose_frame["outside_range"].fillna(False))
    ]
    carrier = [MARK_CARRIER if c else "" for c in dose_frame["carrier"]]
    mimetic = [MARK_MIMETIC if m else "" for m in dose_frame["mimetic"]]
    return dose_frame[_KEYS].assign(
        panel="doses",
        label=dose_frame["dose_kind"],
        low=dose_frame["dose_low"],
        high=dose_frame["dose_high"],
        unit=dose_frame["dose_unit"],
        mark=_joined(outside, carrier, mimetic, _audit_marks(dose_frame)),
    )


def _per_kg_lines(dose_frame: pd.DataFrame) -> list[pd.DataFrame]:
    """One line per dose the per-kg panels draw (panel "doses per kg"), and one per amount they leave out
    (panel "doses per kg, not drawn", with the value where there is one and the reason in ``mark``)."""
    drawn, left = per_kg_panels(dose_frame)
    parts = []
    if len(drawn):
        parts.append(
            drawn[_KEYS].assign(
                panel="doses per kg",
                label=drawn["per_kg_row"].str.replace("\n", " ", regex=False),
                low=drawn["dose_per_kg_low"],
                high=drawn["dose_per_kg_high"],
                unit=drawn["dose_per_kg_unit"],
                mark=_joined(
                    list(drawn["dose_per_kg_basis"].fillna("")),
                    [MARK_MIMETIC if m else "" for m in drawn["mimetic"].fillna(False)],
                ),
            )
        )
    if len(left):
        parts.append(
            left[_KEYS].assign(
                panel="doses per kg, not drawn",
                label=left["dose_kind"],
                low=left["dose_per_kg_low"],
                high=left["dose_per_kg_high"],
                unit=left["dose_per_kg_unit"],
                mark=[PER_KG_LEFT[w] for w in left["per_kg_left"]],
            )
        )
    return parts


def _time_lines(follow: pd.DataFrame, hours: pd.DataFrame) -> list[pd.DataFrame]:
    parts = []
    if len(follow):
        parts.append(
            follow[_KEYS].assign(
                panel="follow-up",
                label=follow["modality"],
                low=follow["days"],
                high=follow["days"],
                unit="days",
                mark=_joined(["" if s else MARK_UNSTATED for s in follow["arm_stated"]], _audit_marks(follow)),
            )
        )
        stated = follow[follow["arm_stated"].astype(bool)]
        medians = stated.groupby("modality", sort=True)["days"].agg(["median", "size"]).reset_index()
        parts.append(
            pd.DataFrame(
                {
                    "panel": "follow-up median",
                    "label": "median, in vivo only studies",
                    "modality": medians["modality"],
                    "low": medians["median"].astype(float),
                    "high": medians["median"].astype(float),
                    "unit": "days",
                    "studies": medians["size"],
                }
            )
        )
    if len(hours):
        parts.append(
            hours[_KEYS].assign(
                panel="incubation",
                label=hours["modality"],
                low=hours["hours"],
                high=hours["hours"],
                unit="hours",
                mark=_audit_marks(hours),
            )
        )
    return parts


def _reporting_lines(summary: pd.DataFrame) -> list[pd.DataFrame]:
    """One line per reported share, and one per hatched share (times printed without their arm)."""
    columns = ["panel", "label", "modality", "studies", "applicable", "share"]
    reported = summary.assign(panel="reporting", label=summary["item"], studies=summary["reported"], mark="")
    # Assigned from the filtered frame itself: a Series of the whole summary would give an empty selection the
    # summary's index back, one line per item with no panel (pandas aligns an empty frame to it).
    hatched = summary[summary["unclear"] > 0]
    unclear = hatched.assign(
        panel="reporting",
        label=hatched["item"],
        studies=hatched["unclear"],
        share=hatched["unclear share"],
        mark="printed, arm not stated",
    )
    return [frame[[*columns, "mark"]] for frame in (reported, unclear)]


def figure_data(
    dose_frame: pd.DataFrame,
    follow: pd.DataFrame,
    hours: pd.DataFrame,
    route_frame: pd.DataFrame,
    summary: pd.DataFrame,
) -> pd.DataFrame:
    """Every number the dosing figure draws, one line per mark or bar, with the panel it is in.

    Returns
    -------
    pandas.DataFrame
        ``panel, label, table, row, ref, disease, modality, setting, host_species, low,
        high, unit, studies, applicable, share, mark``. Doses, follow-up and incubation:
        one line per study (``low``/``high`` in ``unit``; ``mark`` says why a point is
        marked). Routes: one line per bar segment (``studies``). Reporting: one line per
        bar (``studies`` reported of ``applicable``, ``share`` in percent; a second line
        for the times printed without their arm). The medians drawn in the follow-up
        panel: panel "follow-up median", one line per product (``studies`` they are over).
        Per kg: panel "doses per kg", one line per dose drawn (``low``/``high`` per kg,
        ``mark`` the mass it was divided by), and panel "doses per kg, not drawn", one line
        per amount given to animals that is left out, ``mark`` saying why
        (:func:`per_kg_panels`).
    """
    parts = [_dose_lines(dose_frame)] if len(dose_frame) else []
    if len(dose_frame) and "dose_per_kg_unit" in dose_frame:
        parts += _per_kg_lines(dose_frame)
    parts += _time_lines(follow, hours)
    if len(route_frame):
        parts.append(
            route_frame.assign(panel="routes", label=route_frame["route"])[
                ["panel", "label", "setting", "modality", "studies"]
            ]
        )
    if len(summary):
        parts += _reporting_lines(summary)
    columns = ["panel", "label", *_KEYS, "low", "high", "unit", "studies", "applicable", "share", "mark"]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True).reindex(columns=columns)
    out["mark"] = out["mark"].fillna("")
    for column in ("row", "ref", "studies", "applicable"):
        out[column] = out[column].astype("Int64")
    return out


def days_key(follow: pd.DataFrame) -> str:
    """How the printed times of a follow-up panel became days, for its axis: only the units it holds.

    E.g. "week = 7 d, month = 30 d, year = 365 d; 72 h = 3 d" (second reading 2.4: hours and weeks are
    converted too, and the axis says so). The units come from :data:`helpers.data.derive.lexicon.DAYS_PER_UNIT`.
    """
    import re

    from helpers.data.derive.lexicon import DAYS_PER_UNIT

    by_factor = {round(f, 9): unit for unit, f in DAYS_PER_UNIT.items()}
    units, hours = set(), {}
    for text, days in zip(follow["printed"].astype(str), follow["days"].astype(float)):
        number = re.match(r"\s*(\d+(?:\.\d+)?)", text)
        if not number or float(number[1]) == 0:
            continue
        unit = by_factor.get(round(days / float(number[1]), 9))
        if unit == "hour":
            hours[f"{float(number[1]):g} h"] = days
        elif unit and unit != "day":
            units.add(unit)
    parts = [f"{u} = {DAYS_PER_UNIT[u]:g} d" for u in DAYS_PER_UNIT if u in units]
    text = ", ".join(parts)
    if hours:
        text += ("; " if text else "") + ", ".join(f"{h} = {d:g} d" for h, d in sorted(hours.items()))
    return text


class Panels(NamedTuple):
    """What the dosing exhibit draws and shows for one selection of studies (see :func:`panels`).

    A named tuple, so that a notebook can unpack it in this order.
    """

    #: :func:`doses`
    doses: pd.DataFrame
    #: :func:`follow_up`
    follow: pd.DataFrame
    #: :func:`incubation`
    hours: pd.DataFrame
    #: :func:`routes`
    routes: pd.DataFrame
    #: :func:`missing`
    missing: dict[str, int]
    #: :func:`completeness`, the exhibit's evidence
    matrix: pd.DataFrame
    #: :func:`completeness_summary` of ``matrix``
    summary: pd.DataFrame


def panels(studies: pd.DataFrame) -> Panels:
    """Every frame the dosing exhibit needs, from one selection of studies.

    Parameters
    ----------
    studies : pandas.DataFrame
        From :func:`helpers.data.coded.studies` (or ``selected``), with the audit's
        columns (:func:`helpers.data.flags.attach`) when the marks should show them.

    Returns
    -------
    Panels
        Doses, follow-up, incubation, routes, the "not reported" counts, the
        reporting-completeness matrix and its summary by modality.
    """
    dose_frame, follow, hours = doses(studies), follow_up(studies), incubation(studies)
    route_frame, counts = routes(studies), missing(studies)
    # Computed once: the summary is read from it, and the notebook saves it as the exhibit's evidence.
    matrix = completeness(studies)
    return Panels(dose_frame, follow, hours, route_frame, counts, matrix, completeness_summary(matrix))
