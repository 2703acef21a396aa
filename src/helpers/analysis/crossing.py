"""Count coded studies by one of their categories, crossed with disease and modality.

The design and dosing exhibits ask the same question of different columns
of :func:`helpers.data.coded.studies` (animal model class, donor-host relation,
product modification, route, dose kind): how many studies of each disease
and modality fall in each category. A value that could not be derived is
counted as "not reported", never dropped; a study with several values
("genetic+induced: diet") counts under each.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.vocab import DISEASE_CODES

__all__ = ["crossed", "design_cells", "NOT_REPORTED", "FLAG_MARK"]

NOT_REPORTED = "not reported"

#: Written after a drawn count once per study behind it that the audit flags (``flagged``).
FLAG_MARK = "†"


def crossed(studies: pd.DataFrame, column: str, kind: str, *, split: str = "+") -> pd.DataFrame:
    """Studies per category of ``column``, disease and modality.

    Parameters
    ----------
    studies : pandas.DataFrame
        From :func:`helpers.data.coded.studies`, already selected.
    column : str
        The coded column to count.
    kind : str
        A heading for this group of rows (e.g. "Animal model").
    split : str
        The separator of several values in one cell.

    Returns
    -------
    pandas.DataFrame
        ``kind, category, disease, modality, studies, refs`` (the layout of
        :func:`helpers.analysis.evidence.matrix`, so :func:`helpers.plots.common.fig1.evidence_map`
        can draw it). When ``studies`` carries the audit's ``audit_flag``
        (:func:`helpers.data.flags.attach`), two more columns say how many of
        each count's studies the audit flags and which: ``flagged, flagged_refs``.
    """
    columns = ["kind", "category", "disease", "modality", "studies", "refs"]
    audited = "audit_flag" in studies
    columns += ["flagged", "flagged_refs"] if audited else []
    if studies.empty:
        return pd.DataFrame(columns=columns)
    values = studies[column].astype("string").fillna(NOT_REPORTED).str.split(split, regex=False)
    frame = studies.assign(category=values, disease=studies["disease_code"].map(lambda c: DISEASE_CODES.get(c, c)))
    frame = frame.explode("category")
    rows = []
    for (category, disease, modality), part in frame.groupby(["category", "disease", "modality"], sort=True):
        row = [kind, category, disease, modality, len(part), _refs(part)]
        if audited:
            marked = part[part["audit_flag"].fillna(False).astype(bool)]
            row += [len(marked), _refs(marked)]
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def _refs(part: pd.DataFrame) -> str:
    """The studies' reference numbers, ascending, comma-separated."""
    return ", ".join(str(r) for r in sorted(set(part["ref"])))


def design_cells(studies: pd.DataFrame) -> pd.DataFrame:
    """The design exhibit's rows: animal model class, donor-to-host relation and product modification."""
    frames = [
        crossed(studies, "model_class", "Animal model"),
        crossed(studies, "relation", "Donor to host"),
        crossed(
            studies.assign(modification=studies["modification"].replace({"none": "as obtained (native)"})),
            "modification",
            "Product and delivery",
        ),
    ]
    return pd.concat(frames, ignore_index=True)
