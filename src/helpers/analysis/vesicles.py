"""The vesicles of Table 2: printed size, the cited title's term, what was done to the product, and characterisation.

Works on :func:`helpers.data.coded.studies` (its ``size_*``,
``vesicle_type`` and ``modification`` columns) and on the printed cells of
Table 2. ``vesicle_type`` is the term the cited title uses (exosomes,
extracellular vesicles, exosome-mimetic, conditioned medium, none named): a
name, not a subtype anyone verified. What was done to the product (engineered
parent cells, vesicles loaded after isolation, priming, a carrier) is kept
apart from it (:func:`helpers.data.derive.vesicles.product_change`). A printed size
is one number or a range, and the review says neither what the number is
(mean, median, peak) nor what a range spans, so the two are kept apart in
every count and drawn as different marks. The 30-150 nm the review's text
gives for exosomes is compared only with rows whose cited title says
exosomes, and even there it is the review's yardstick, not a test of subtype:
size alone identifies no vesicle subtype (MISEV2023). Selected reporting items
of the MISEV2023 guidelines (among others: how vesicles were isolated, sized,
imaged, and which markers were probed) are searched for in every printed cell of
each row: Table 2 has no column for them, and a count of 0 says that the
review does not report them, not that the studies did not do them.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.analysis.gapmap import disease_label
from helpers.core.vocab import TISSUE_CODES
from helpers.data import curated
from helpers.data.derive.vesicles import SIZE_KINDS, VESICLE_TYPES, product_change

__all__ = [
    "NOT_REPORTED",
    "STATED_BAND",
    "MARKS",
    "TYPE_ORDER",
    "REPORTING_ITEMS",
    "SIZE_ITEM",
    "PARTICLE_ITEM",
    "DISEASE_SHORT",
    "exosome_rows",
    "marks",
    "counts",
    "reporting",
    "band_fit",
    "data",
    "evidence",
]

#: The column name, in counts and on the figure, of a row that prints no size.
NOT_REPORTED = "not reported in the review"
#: The exosome diameter the review's own text states ("with a diameter of 30–150 nm"), in nm.
STATED_BAND = (30.0, 150.0)
#: The cited titles' terms in drawing and counting order: the review's own word first, then the others.
TYPE_ORDER: tuple[str, ...] = VESICLE_TYPES
#: The term the band is compared with: the review gives 30-150 nm for exosomes, not for the other products.
BAND_TERM = "exosomes"
#: Disease as a row label writes it: Alzheimer's disease spelled out, so that "AD" on the figure means adipose only.
DISEASE_SHORT = {"AD": "Alzheimer's", "SKIN": "skin aging"}
_SPECIES_PREFIX = {"human": "h", "mouse": "m", "rat": "r", "rabbit": "rb"}
#: What each size kind is drawn as, and what a row without a size shows.
MARKS = {"range": "line from low to high", "single value": "point", NOT_REPORTED: "text, no mark"}

#: The size item: a printed number is not the MISEV sizing item, which needs a method and a statistic.
SIZE_ITEM = "a size number is printed (method and statistic: not reported in the review)"
#: The dose item counted from ``dose_kind``.
PARTICLE_ITEM = "dose as a particle count"
# Selected MISEV2023 items: printed words that would name a method; none is printed in Table 2.
REPORTING_ITEMS: dict[str, re.Pattern[str] | None] = {
    SIZE_ITEM: None,  # counted from size_kind
    "how size was measured (NTA, DLS, TRPS, flow cytometry)": re.compile(
        r"nanoparticle tracking|\bNTA\b|light scattering|\bDLS\b|resistive pulse|\bTRPS\b|flow cytometr", re.I
    ),
    "isolation method (centrifugation, precipitation, SEC, filtration)": re.compile(
        r"centrifug|precipitat|size[- ]exclusion|\bSEC\b|ExoQuick|density gradient|ultrafiltrat|tangential flow"
        r"|immunoaffinity|isolat",
        re.I,
    ),
    "morphology (electron or atomic force microscopy)": re.compile(
        r"electron microscop|\bTEM\b|\bSEM\b|cryo-?EM|atomic force", re.I
    ),
    "EV markers (CD63, CD81, CD9, TSG101, Alix) or a negative marker (e.g. calnexin)": re.compile(
        r"\bCD63\b|\bCD81\b|\bCD9\b|\bTSG101\b|\bAlix\b|\bcalnexin\b|\bflotillin|western blot", re.I
    ),
    PARTICLE_ITEM: None,  # counted from dose_kind
}
# The printed cells of a Table 2 row that are searched.
_PRINTED_CELLS = ("source", "animal_model", "size_nm", "route_dosage", "in_vitro_model", "follow_up", "effects")


def exosome_rows(
    studies: pd.DataFrame, printed: pd.DataFrame | None = None, references: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The selected Table 2 rows, ordered for drawing: by tissue source, the cited title's term, then printed row.

    Parameters
    ----------
    studies : pandas.DataFrame
        The coded studies (:func:`helpers.data.coded.selected`), with the audit's columns where the run consults it.
    printed, references : pandas.DataFrame, optional
        ``data/exosome_studies.csv`` and ``data/references.csv``; loaded when not given.

    Returns
    -------
    pandas.DataFrame
        The coded columns, plus ``size_shown`` (the size kind, or :data:`NOT_REPORTED`), ``product_change``
        (what was done to the product), ``setting_caveat`` and ``disease_caveat`` (why a label is marked),
        ``audit_flag`` (false where the audit was not consulted) and ``y`` (0 at the top; each tissue group
        starts one line further down, the line its heading is drawn on).
    """
    printed = curated.load("exosome_studies") if printed is None else printed
    references = curated.load("references") if references is None else references
    effects = dict(zip(printed["row"].astype(int), printed["effects"].astype(str)))
    titles = dict(zip(references["ref"].astype(int), references["title"].astype(str)))
    rows = studies[studies["table"] == "table2"].copy()
    tissue_order = {code: i for i, code in enumerate(TISSUE_CODES)}
    type_order = {kind: i for i, kind in enumerate(TYPE_ORDER)}
    rows["_t"] = rows["tissue"].map(lambda t: tissue_order.get(str(t).split("+")[0], len(tissue_order)))
    rows["_v"] = rows["vesicle_type"].map(lambda v: type_order.get(v, len(type_order)))
    rows = rows.sort_values(["_t", "_v", "row"], kind="stable").drop(columns=["_t", "_v"]).reset_index(drop=True)
    rows["size_shown"] = rows["size_kind"].fillna(NOT_REPORTED).astype(str)
    rows["product_change"] = [
        product_change(str(r["modification"]), str(r["vesicle_type"]), effects.get(int(r["row"]), ""),
                       titles.get(int(r["ref"]), ""))
        for _, r in rows.iterrows()
    ]  # fmt: skip
    rows["setting_caveat"] = [setting_caveat(r) for _, r in rows.iterrows()]
    rows["disease_caveat"] = [disease_caveat(r) for _, r in rows.iterrows()]
    flag = rows["audit_flag"] if "audit_flag" in rows else pd.Series(False, index=rows.index)
    rows["audit_flag"] = flag.fillna(False).astype(bool)
    # One empty line above each tissue group carries the group's heading, clear of every mark.
    tissue = rows["tissue"].astype(str)
    group = (tissue != tissue.shift()).cumsum()
    rows["y"] = [i + int(g) for i, g in zip(range(len(rows)), group)]
    return rows


def _findings(row: pd.Series) -> set[str]:
    """The audit rule ids on a row (none where the run does not consult the audit)."""
    return {f for f in str(row.get("audit_findings", "") or "").split(";") if f and f != "<NA>"}


def _notes(row: pd.Series, column: str) -> list[str]:
    """The transcription notes on one printed cell of a row (``data/transcription_notes.csv``)."""
    text = row.get("transcription_notes", "")
    notes = [] if pd.isna(text) else str(text).split(" | ")
    return [n for n in notes if n.startswith(column + ":")]


def setting_caveat(row: pd.Series) -> str:
    """Why an in vitro label may understate the study: the audit's findings and our transcription notes.

    The setting is read from which of the Animal model and In vitro model cells are filled; an in vitro
    row whose Effects cell reports animals (audit W6), whose cited title names another route (R6), which
    prints a follow-up period for a dish (W8), or whose In vitro model cell carries a transcription note
    is marked. ``""`` for any other row.
    """
    if row.get("setting") != "in vitro":
        return ""
    found = _findings(row)
    reasons = []
    if "W6" in found:
        reasons.append("the Effects cell reports animals (audit W6)")
    if _notes(row, "In vitro model"):
        reasons.append("the cited title reports an animal outcome (transcription note)")
    if "R6" in found:
        reasons.append("the cited title names another route (audit R6)")
    if "W8" in found:
        reasons.append("a follow-up period is printed (audit W8)")
    return "; ".join(reasons)


def disease_caveat(row: pd.Series) -> str:
    """The transcription note on a row's Animal model cell, where it questions the disease filing; else ``""``."""
    notes = [n for n in _notes(row, "Animal model") if "Filed under" in n]
    return notes[0].split(": ", 1)[1] if notes else ""


def _source(row: pd.Series) -> str:
    """The MSC source as the print codes it: species prefix (h, m, r) and tissue, e.g. ``rAD-MSC``."""
    species = str(row.get("donor_species", ""))
    prefix = "+".join(_SPECIES_PREFIX.get(s, "?") for s in species.split("+")) if species and species != "<NA>" else ""
    return f"{prefix if prefix and prefix != 'nan' else ''}{row['tissue']}-MSC"


def _label(row: pd.Series) -> str:
    """A drawn row's label: printed row, reference, disease, MSC source with donor species, and setting.

    ``‡`` marks a disease a transcription note questions, ``†`` an in vitro setting with a caveat.
    """
    code = str(row["disease_code"])
    disease = DISEASE_SHORT.get(code, code) + ("‡" if row.get("disease_caveat") else "")
    setting = str(row["setting"]) + ("†" if row.get("setting_caveat") else "")
    return f"row {int(row['row'])} [{int(row['ref'])}] {disease}, {_source(row)}, {setting}"


def marks(rows: pd.DataFrame) -> pd.DataFrame:
    """One drawn mark per row of :func:`exosome_rows`: what it is and where (x in nm, y in rows).

    Returns
    -------
    pandas.DataFrame
        ``y, label, table, row, ref, disease, setting, tissue, vesicle_type, product_change, size_kind, mark,
        x_low, x_high, audit_flag``; ``x_low == x_high`` for a single value, both empty for a row without a size.
    """
    out = pd.DataFrame(
        {
            "y": rows["y"].astype(int),
            "label": [_label(r) for _, r in rows.iterrows()],
            "table": rows["table"],
            "row": rows["row"].astype(int),
            "ref": rows["ref"].astype(int),
            "disease": rows["disease_code"].map(disease_label),
            "setting": rows["setting"],
            "tissue": rows["tissue"],
            "vesicle_type": rows["vesicle_type"],
            "product_change": rows["product_change"],
            "size_kind": rows["size_shown"],
            "mark": rows["size_shown"].map(MARKS),
            "x_low": rows["size_low_nm"].astype("Float64"),
            "x_high": rows["size_high_nm"].astype("Float64"),
            "audit_flag": rows["audit_flag"].astype(bool),
        }
    )
    return out.reset_index(drop=True)


def counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows per cited title's term and size kind, with each term's total and the total out of all rows.

    Returns
    -------
    pandas.DataFrame
        Indexed by term (every term of :data:`TYPE_ORDER`, then ``all terms``); columns
        ``single value``, ``range``, :data:`NOT_REPORTED`, ``rows`` and ``out of``.
    """
    columns = [*SIZE_KINDS, NOT_REPORTED]
    table = pd.crosstab(rows["vesicle_type"], rows["size_shown"]) if len(rows) else pd.DataFrame()
    table = table.reindex(index=list(TYPE_ORDER), columns=columns, fill_value=0).fillna(0).astype(int)
    table.loc["all terms"] = table.sum()
    table["rows"] = table[columns].sum(axis=1)
    table["out of"] = len(rows)
    table.index.name = "term in the cited title"
    return table


def reporting(rows: pd.DataFrame, printed: pd.DataFrame) -> pd.DataFrame:
    """How many rows print each selected MISEV2023 reporting item, out of the rows shown.

    Parameters
    ----------
    rows : pandas.DataFrame
        :func:`exosome_rows`.
    printed : pandas.DataFrame
        ``data/exosome_studies.csv`` (every printed cell is searched).

    Returns
    -------
    pandas.DataFrame
        ``item, rows printing it, out of, printed rows`` (the rows' numbers, ``;``-joined).
    """
    cells = printed.set_index(printed["row"].astype(int))
    chosen = rows["row"].astype(int).tolist()
    text = {r: " | ".join(str(cells.at[r, c]) for c in _PRINTED_CELLS) for r in chosen}
    found = []
    for item, pattern in REPORTING_ITEMS.items():
        if item == SIZE_ITEM:
            hits = rows.loc[rows["size_kind"].notna(), "row"].astype(int).tolist()
        elif item == PARTICLE_ITEM:
            hits = rows.loc[rows["dose_kind"].fillna("") == "particles", "row"].astype(int).tolist()
        else:
            hits = [r for r in chosen if pattern.search(text[r])]
        found.append((item, len(hits), len(rows), "; ".join(str(h) for h in sorted(hits))))
    return pd.DataFrame(found, columns=["item", "rows printing it", "out of", "printed rows"])


def band_fit(rows: pd.DataFrame) -> pd.DataFrame:
    """For each printed size, whether it lies within the 30-150 nm the review's text states for exosomes.

    Returns
    -------
    pandas.DataFrame
        ``row, vesicle_type, compared, size_kind, size_low_nm, size_high_nm, within, beyond_nm`` for rows that
        print a size: ``compared`` is true where the cited title says exosomes (the band is the review's figure
        for exosomes only); ``within`` is true when the whole printed value or range lies inside
        :data:`STATED_BAND`; ``beyond_nm`` is how far the value or range ends outside it (0 inside).
    """
    sized = rows[rows["size_kind"].notna()]
    low, high = STATED_BAND
    within = (sized["size_low_nm"] >= low) & (sized["size_high_nm"] <= high)
    beyond = (sized["size_high_nm"].astype(float) - high).clip(lower=0) + (
        low - sized["size_low_nm"].astype(float)
    ).clip(lower=0)
    return pd.DataFrame(
        {
            "row": sized["row"].astype(int),
            "vesicle_type": sized["vesicle_type"].astype(str),
            "compared": (sized["vesicle_type"] == BAND_TERM).astype(bool),
            "size_kind": sized["size_kind"].astype(str),
            "size_low_nm": sized["size_low_nm"].astype(float),
            "size_high_nm": sized["size_high_nm"].astype(float),
            "within": within.astype(bool),
            "beyond_nm": beyond.round(6),
        }
    ).reset_index(drop=True)


def _band_words(fit: dict[int, tuple[bool, bool, float]], row: int) -> str:
    """The evidence's word on the band for one row."""
    if row not in fit:
        return NOT_REPORTED
    compared, within, beyond = fit[row]
    if not compared:
        return "not compared: the cited title does not call the product exosomes"
    return "yes" if within else f"no: ends {beyond:g} nm outside"


def data(rows: pd.DataFrame, printed: pd.DataFrame) -> pd.DataFrame:
    """Every number the figure draws, in one long table (``panel`` says which part of the figure).

    ``sizes``: one line per mark (:func:`marks`); ``counts``: one line per cell of the counts table
    (``label`` the cited title's term, ``size_kind`` the column, ``count`` and ``out_of``); ``reporting``: one line per
    reporting item (``label`` the item, ``count`` and ``out_of``).
    """
    drawn = marks(rows).assign(panel="sizes")
    table = counts(rows)
    counted = [
        {
            "panel": "counts",
            "label": kind,
            "size_kind": column,
            "count": int(table.at[kind, column]),
            "out_of": int(table.at[kind, "out of"]),
        }
        for kind in table.index
        for column in [*SIZE_KINDS, NOT_REPORTED, "rows"]
    ]
    items = reporting(rows, printed)
    reported = [
        {"panel": "reporting", "label": item, "count": int(n), "out_of": int(of)}
        for item, n, of in zip(items["item"], items["rows printing it"], items["out of"])
    ]
    frame = pd.concat([drawn, pd.DataFrame(counted), pd.DataFrame(reported)], ignore_index=True)
    # Text that names a mark first (what ``review diff`` keys a line on), then the numbers drawn, then the codes.
    order = [
        "panel", "label", "size_kind", "table", "row", "ref", "y", "x_low", "x_high", "count", "out_of",
        "disease", "setting", "tissue", "vesicle_type", "product_change", "mark", "audit_flag",
    ]  # fmt: skip
    frame = frame.reindex(columns=order)
    for column in ("y", "row", "ref", "count", "out_of"):
        frame[column] = frame[column].astype("Int64")
    return frame


def evidence(rows: pd.DataFrame, printed: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """The printed cells behind each drawn row: size and Effects as printed, the cited title, the codes and why."""
    cells = printed.set_index(printed["row"].astype(int))
    titles = dict(zip(references["ref"].astype(int), references["title"].astype(str)))
    fitted = band_fit(rows)
    fit = {
        int(r): (c, w, b)
        for r, c, w, b in zip(fitted["row"], fitted["compared"], fitted["within"], fitted["beyond_nm"])
    }
    return pd.DataFrame(
        {
            "y": rows["y"].astype(int),
            "table": rows["table"],
            "row": rows["row"].astype(int),
            "ref": rows["ref"].astype(int),
            "disease_printed": [cells.at[int(r), "disease"] for r in rows["row"]],
            "source_printed": [cells.at[int(r), "source"] for r in rows["row"]],
            "size_printed": [cells.at[int(r), "size_nm"] or "(empty)" for r in rows["row"]],
            "size_kind": rows["size_shown"],
            "within_30_150_nm": [_band_words(fit, int(r)) for r in rows["row"]],
            "vesicle_type": rows["vesicle_type"],
            "vesicle_type_evidence": rows["vesicle_type_evidence"],
            "modification": rows["modification"],
            "product_change": rows["product_change"],
            "setting": rows["setting"],
            "setting_caveat": rows["setting_caveat"],
            "disease_caveat": rows["disease_caveat"],
            "audit_flag": rows["audit_flag"],
            "audit_findings": rows.get("audit_findings", ""),
            "effects_printed": [cells.at[int(r), "effects"] for r in rows["row"]],
            "cited_title": [titles.get(int(r), "") for r in rows["ref"]],
        }
    )
