"""The vesicles of Table 2: printed size, vesicle type, and what the review reports of their characterisation.

Works on :func:`helpers.data.coded.studies` (its ``size_*`` and
``vesicle_type`` columns) and on the printed cells of Table 2. A printed size
is one number or a range, and the review says neither what the number is
(mean, median, peak) nor what a range spans, so the two are kept apart in
every count and drawn as different marks. Reporting items in the spirit of
the MISEV guidelines (how vesicles were isolated, sized, imaged and
identified by protein markers) are searched for in every printed cell of
each row: Table 2 has no column for them, and a count of 0 says that the
review does not report them, not that the studies did not do them.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.analysis.gapmap import disease_label
from helpers.core.vocab import TISSUE_CODES
from helpers.data.derive.vesicles import SIZE_KINDS

__all__ = [
    "NOT_REPORTED",
    "STATED_BAND",
    "MARKS",
    "TYPE_ORDER",
    "REPORTING_ITEMS",
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
#: The vesicle types in drawing and counting order: the review's own word first, then the others.
TYPE_ORDER: tuple[str, ...] = (
    "exosomes",
    "extracellular vesicles",
    "loaded or engineered vesicles",
    "exosome-mimetic nanovesicles",
    "conditioned medium",
)
#: What each size kind is drawn as, and what a row without a size shows.
MARKS = {"range": "line from low to high", "single value": "point", NOT_REPORTED: "text, no mark"}

# Printed words that would name a characterisation or isolation method; none is printed in Table 2.
REPORTING_ITEMS: dict[str, re.Pattern[str] | None] = {
    "vesicle size (Size/nm column)": None,  # counted from size_kind
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
    "protein markers (CD63, CD81, CD9, TSG101, Alix, calnexin)": re.compile(
        r"\bCD63\b|\bCD81\b|\bCD9\b|\bTSG101\b|\bAlix\b|\bcalnexin\b|\bflotillin|western blot", re.I
    ),
    "dose as a particle count": None,  # counted from dose_kind
}
# The printed cells of a Table 2 row that are searched.
_PRINTED_CELLS = ("source", "animal_model", "size_nm", "route_dosage", "in_vitro_model", "follow_up", "effects")


def exosome_rows(studies: pd.DataFrame) -> pd.DataFrame:
    """The selected Table 2 rows, ordered for drawing: by tissue source, vesicle type, then printed row.

    Returns
    -------
    pandas.DataFrame
        The coded columns, plus ``size_shown`` (the size kind, or :data:`NOT_REPORTED`) and ``y`` (0 at the top).
    """
    rows = studies[studies["table"] == "table2"].copy()
    tissue_order = {code: i for i, code in enumerate(TISSUE_CODES)}
    type_order = {kind: i for i, kind in enumerate(TYPE_ORDER)}
    rows["_t"] = rows["tissue"].map(lambda t: tissue_order.get(str(t).split("+")[0], len(tissue_order)))
    rows["_v"] = rows["vesicle_type"].map(lambda v: type_order.get(v, len(type_order)))
    rows = rows.sort_values(["_t", "_v", "row"], kind="stable").drop(columns=["_t", "_v"]).reset_index(drop=True)
    rows["size_shown"] = rows["size_kind"].fillna(NOT_REPORTED).astype(str)
    rows["y"] = range(len(rows))
    return rows


def _label(row: pd.Series) -> str:
    """A drawn row's label: printed row, reference, disease code (spelled out in the note) and setting."""
    return f"row {int(row['row'])} [{int(row['ref'])}] {row['disease_code']}, {row['setting']}"


def marks(rows: pd.DataFrame) -> pd.DataFrame:
    """One drawn mark per row of :func:`exosome_rows`: what it is and where (x in nm, y in rows).

    Returns
    -------
    pandas.DataFrame
        ``y, label, table, row, ref, disease, setting, tissue, vesicle_type, size_kind, mark, x_low, x_high``;
        ``x_low == x_high`` for a single value, both empty for a row without a size.
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
            "size_kind": rows["size_shown"],
            "mark": rows["size_shown"].map(MARKS),
            "x_low": rows["size_low_nm"].astype("Float64"),
            "x_high": rows["size_high_nm"].astype("Float64"),
        }
    )
    return out.reset_index(drop=True)


def counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows per vesicle type and size kind, with each type's total and the total out of all rows.

    Returns
    -------
    pandas.DataFrame
        Indexed by vesicle type (every type of :data:`TYPE_ORDER`, then ``all types``); columns
        ``single value``, ``range``, :data:`NOT_REPORTED`, ``rows`` and ``out of``.
    """
    columns = [*SIZE_KINDS, NOT_REPORTED]
    table = pd.crosstab(rows["vesicle_type"], rows["size_shown"]) if len(rows) else pd.DataFrame()
    table = table.reindex(index=list(TYPE_ORDER), columns=columns, fill_value=0).fillna(0).astype(int)
    table.loc["all types"] = table.sum()
    table["rows"] = table[columns].sum(axis=1)
    table["out of"] = len(rows)
    table.index.name = "vesicle type"
    return table


def reporting(rows: pd.DataFrame, printed: pd.DataFrame) -> pd.DataFrame:
    """How many rows print each MISEV-style reporting item, out of the rows shown.

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
        if item.startswith("vesicle size"):
            hits = rows.loc[rows["size_kind"].notna(), "row"].astype(int).tolist()
        elif item.startswith("dose as a particle"):
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
        ``row, size_kind, size_low_nm, size_high_nm, within`` for rows that print a size: ``within`` is True when
        the whole printed value or range lies inside :data:`STATED_BAND`.
    """
    sized = rows[rows["size_kind"].notna()]
    low, high = STATED_BAND
    within = (sized["size_low_nm"] >= low) & (sized["size_high_nm"] <= high)
    return pd.DataFrame(
        {
            "row": sized["row"].astype(int),
            "size_kind": sized["size_kind"].astype(str),
            "size_low_nm": sized["size_low_nm"].astype(float),
            "size_high_nm": sized["size_high_nm"].astype(float),
            "within": within.astype(bool),
        }
    ).reset_index(drop=True)


def data(rows: pd.DataFrame, printed: pd.DataFrame) -> pd.DataFrame:
    """Every number the figure draws, in one long table (``panel`` says which part of the figure).

    ``sizes``: one line per mark (:func:`marks`); ``counts``: one line per cell of the counts table
    (``label`` the vesicle type, ``size_kind`` the column, ``count`` and ``out_of``); ``reporting``: one line per
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
        "disease", "setting", "tissue", "vesicle_type", "mark",
    ]  # fmt: skip
    frame = frame.reindex(columns=order)
    for column in ("y", "row", "ref", "count", "out_of"):
        frame[column] = frame[column].astype("Int64")
    return frame


def evidence(rows: pd.DataFrame, printed: pd.DataFrame, references: pd.DataFrame) -> pd.DataFrame:
    """The printed cells behind each drawn row: size and Effects as printed, the cited title, the codes and why."""
    cells = printed.set_index(printed["row"].astype(int))
    titles = dict(zip(references["ref"].astype(int), references["title"].astype(str)))
    fit = dict(zip(band_fit(rows)["row"], band_fit(rows)["within"]))
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
            "within_30_150_nm": [
                ("yes" if fit[int(r)] else "no") if int(r) in fit else NOT_REPORTED for r in rows["row"]
            ],
            "vesicle_type": rows["vesicle_type"],
            "vesicle_type_evidence": rows["vesicle_type_evidence"],
            "modification": rows["modification"],
            "setting": rows["setting"],
            "effects_printed": [cells.at[int(r), "effects"] for r in rows["row"]],
            "cited_title": [titles.get(int(r), "") for r in rows["ref"]],
        }
    )
