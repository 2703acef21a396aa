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

from helpers.analysis.gapmap import disease_label
from helpers.core.vocab import DISEASE_CODES
from helpers.data import design

__all__ = ["crossed", "design_cells", "design_evidence", "NOT_REPORTED", "FLAG_MARK", "CHECK_MARK"]

NOT_REPORTED = "not reported"

#: Written after a drawn count once per study behind it that the audit flags (``flagged``).
FLAG_MARK = "†"
#: Written after a drawn count when no study behind it is flagged but an audit check or the review's body
#: text questions one (``checked``; third blind reading, design 3.1).
CHECK_MARK = "‡"


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
        each count's studies the audit flags and which: ``flagged, flagged_refs``;
        with ``audit_check`` (:func:`helpers.data.design.attach_checks`) two more
        say the same of the studies only a check or the body text questions:
        ``checked, checked_refs``.
    """
    columns = ["kind", "category", "disease", "modality", "studies", "refs"]
    audited = "audit_flag" in studies
    checked = audited and "audit_check" in studies
    columns += ["flagged", "flagged_refs"] if audited else []
    columns += ["checked", "checked_refs"] if checked else []
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
        if checked:
            doubted = part[part["audit_check"].fillna(False).astype(bool)]
            row += [len(doubted), _refs(doubted)]
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
    cells = pd.concat(frames, ignore_index=True)
    # The disease named as the gap map and the timeline name it: the printed word first (third reading, design 3.6).
    names = {DISEASE_CODES[code]: disease_label(code) for code in DISEASE_CODES}
    return cells.assign(disease=cells["disease"].map(lambda d: names.get(d, d)))


#: The columns of ``figures/design.evidence.csv`` taken from the coded studies, before the printed cells.
EVIDENCE_COLUMNS = [
    "table", "row", "ref", "disease", "modality", "setting", "model_class", "relation", "relation_evidence",
    "modification", "modification_evidence", "audit_findings", "audit_flag", "audit_checks", "text_contradicts",
    "audit_check",
]  # fmt: skip


def design_evidence(studies: pd.DataFrame) -> pd.DataFrame:
    """The rows behind each dot: codes, the words that decided them, the audit's marks, the printed cells and title.

    ``studies`` carries the audit's columns (:func:`helpers.data.flags.attach`,
    :func:`helpers.data.design.attach_checks`); the disease is named as on the figure.
    """
    shown = studies.assign(
        disease=studies["disease_code"].map(disease_label),
        modification_evidence=design.modification_evidence(studies),
    )
    return shown[[c for c in EVIDENCE_COLUMNS if c in shown]].join(design.printed_evidence(studies))
