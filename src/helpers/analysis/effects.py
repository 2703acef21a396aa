"""What the tabulated studies report of the treatment's effect: direction, outcome level, head-to-head comparisons.

Counts come from the coded dataset's ``effect_direction``, ``outcome_level``
and ``comparison`` columns (:mod:`helpers.data.derive.outcomes`), per modality
and with in vivo studies kept apart from in vitro-only ones. Each count says
what it is out of. :func:`agreement` measures the derivation against the
two-reader annotation (``data/outcome_annotation.csv``).
"""

from __future__ import annotations

import pandas as pd

from helpers.core.vocab import PRECLINICAL_TABLES, TABLE_OF_RESOURCE
from helpers.data import curated
from helpers.data.derive.outcomes import DIRECTIONS, LEVELS, NOT_STATED

__all__ = [
    "ANIMAL_MARK",
    "FIELDS",
    "IN_VIVO",
    "IN_VITRO",
    "arm",
    "counts",
    "head_to_head",
    "not_stated",
    "agreement",
    "disagreements",
    "evidence",
    "modelled",
    "animal_words",
    "readers",
    "stated_elsewhere",
]

#: The two fields counted, with the codes in drawing order.
FIELDS: dict[str, tuple[str, ...]] = {"effect_direction": DIRECTIONS, "outcome_level": LEVELS}
#: The two arms drawn apart: studies with animals (whether or not they also printed a dish), and those printing no
#: animal treated (no animal model, or co-culture in a dish the only route: the dataset's ``setting``, as on the
#: other exhibits; Table 1 row 14 names 5XFAD mice beside co-culture, first blind reading, effects 3).
IN_VIVO, IN_VITRO = "in vivo", "in vitro only as printed"
_MODALITIES = tuple(PRECLINICAL_TABLES.values())
#: After an in vitro only bar's count: how many of its rows speak of animals (Effects cell, body text or title).
ANIMAL_MARK = "*"


def arm(setting: str) -> str:
    """``in vivo`` for a study with an animal treated (some with an in vitro arm too), else in vitro only.

    Not "in vitro only": a row can print no animal arm while its Effects cell speaks of animals (Table 2 row 9).
    """
    return IN_VITRO if setting == "in vitro" else IN_VIVO


def animal_words(studies: pd.DataFrame) -> pd.Series:
    """True for an in vitro only row whose Effects cell (audit W6), body text or cited title names animals.

    The same reading as the design and evidence maps' notes (:func:`helpers.data.design.names_host`): Table 2
    rows 9 [58] and 21 [74] by their cited titles; ref 82's title and text name a treated skin but no host,
    so it is not counted (first blind reading, effects 4).
    """
    from helpers.data.design import names_host, text_statements, title_animal_words

    no_arm = studies["setting"].astype("string").fillna("") == "in vitro"
    titles = curated.load("references").set_index("ref")["title"].astype(str)
    said = text_statements(studies[no_arm], "contradicts")
    by_text = {int(r) for r, w in zip(said["ref"], said["words"]) if names_host(w)}
    w6 = (
        studies["audit_findings"].astype("string").fillna("").str.contains(r"\bW6\b")
        if "audit_findings" in studies
        else pd.Series(False, index=studies.index)
    )
    named = [
        bool(vitro) and (bool(w) or int(ref) in by_text or names_host(title_animal_words(titles.get(int(ref), ""))))
        for vitro, w, ref in zip(no_arm, w6, studies["ref"])
    ]
    return pd.Series(named, index=studies.index, dtype=bool)


def counts(studies: pd.DataFrame) -> pd.DataFrame:
    """Studies per modality, arm, field and code, each with what it is out of.

    Every code of :data:`FIELDS` is listed, so a code no study has (no effect,
    worse) is a row with 0 rather than a missing row.

    Returns
    -------
    pandas.DataFrame
        ``modality``, ``arm``, ``field``, ``code``, ``studies``, ``animal_words`` (of those, in vitro only rows
        whose Effects cell, body text or cited title speaks of animals: :func:`animal_words`), ``arm_total``
        (studies of that modality and arm) and ``modality_total``.
    """
    rows = []
    arms = studies["setting"].map(arm)
    spoken = animal_words(studies)
    for modality in _MODALITIES:
        of_modality = studies["modality"] == modality
        for where in (IN_VIVO, IN_VITRO):
            part = studies[of_modality & (arms == where)]
            for field, codes in FIELDS.items():
                for code in codes:
                    rows.append(
                        {
                            "modality": modality,
                            "arm": where,
                            "field": field,
                            "code": code,
                            "studies": int((part[field] == code).sum()),
                            "animal_words": int(((part[field] == code) & spoken[part.index]).sum()),
                            "arm_total": len(part),
                            "modality_total": int(of_modality.sum()),
                        }
                    )
    return pd.DataFrame(rows)


def head_to_head(studies: pd.DataFrame) -> pd.DataFrame:
    """The studies whose Effects cell compares two arms head to head, with what vs what and which did better."""
    part = studies[studies["comparison"].fillna(False).astype(bool)]
    columns = ["table", "row", "ref", "modality", "setting", "effect_direction", "effect_instead"]
    out = part[[*columns, "comparison_what", "comparison_better", "outcome_evidence"]].reset_index(drop=True)
    return _with_readers(out, studies)


def not_stated(studies: pd.DataFrame) -> pd.DataFrame:
    """The studies whose Effects cell states no direction, with what it prints instead."""
    part = studies[studies["effect_direction"] == NOT_STATED]
    out = part[["table", "row", "ref", "modality", "setting", "effect_instead", "outcome_evidence"]]
    return _with_readers(out.reset_index(drop=True), studies)


def _with_readers(out: pd.DataFrame, studies: pd.DataFrame) -> pd.DataFrame:
    """``out`` with the two readers' certainty of each row (``both sure``, ``one unsure``, ``both unsure``)."""
    sure = readers(studies).set_index(["table", "row"])["readers"]
    return out.assign(readers=[sure.get((t, int(r)), "") for t, r in zip(out["table"], out["row"])])


def evidence(studies: pd.DataFrame) -> pd.DataFrame:
    """Every counted study with its codes and the printed words behind them."""
    columns = ["table", "row", "ref", "modality", "setting", "effect_direction", "effect_instead", "outcome_level"]
    out = studies[[*columns, "comparison", "comparison_what", "comparison_better", "outcome_evidence"]].copy()
    out.insert(5, "arm", studies["setting"].map(arm))
    return _with_readers(out.reset_index(drop=True), studies)


def readers(studies: pd.DataFrame) -> pd.DataFrame:
    """Each study's two readers' certainty, as they marked it (``data/outcome_annotation.csv``).

    Returns
    -------
    pandas.DataFrame
        ``table``, ``row``, ``readers`` ("both sure", "one unsure", "both unsure") and ``unsure`` (readers
        unsure, 0-2); only the studies given.
    """
    merged = _annotated(studies)
    unsure = [
        int(a.rsplit("; ", 1)[-1] == "unsure") + int(b.rsplit("; ", 1)[-1] == "unsure")
        for a, b in zip(merged["reader_a"], merged["reader_b"])
    ]
    said = {0: "both sure", 1: "one unsure", 2: "both unsure"}
    return pd.DataFrame(
        {"table": merged["table"], "row": merged["row"], "readers": [said[u] for u in unsure], "unsure": unsure}
    )


def modelled(studies: pd.DataFrame) -> pd.DataFrame:
    """The in vitro only studies whose row prints an animal model all the same (co-culture its only route).

    Returns
    -------
    pandas.DataFrame
        ``ref, table, row, model`` as :func:`helpers.analysis.evidence.modelled_in_vitro` gives them.
    """
    lines = []
    for table in ("msc_studies", "exosome_studies"):
        printed = curated.load(table).set_index("row")["animal_model"]
        part = studies[(studies["table"] == TABLE_OF_RESOURCE[table]) & (studies["setting"] == "in vitro")]
        for ref, row in zip(part["ref"], part["row"]):
            model = printed.get(int(row))
            if pd.notna(model) and str(model).strip() and str(model).strip() != "NA":
                lines.append((int(ref), f"Table {1 if table == 'msc_studies' else 2}", int(row), str(model).strip()))
    return pd.DataFrame(lines, columns=["ref", "table", "row", "model"])


def stated_elsewhere(studies: pd.DataFrame) -> pd.DataFrame:
    """The no-direction studies for which the review's body text states a benefit (``data/text_statements.csv``).

    ``not stated`` is of the Effects cell only (first blind reading, effects 2).

    Returns
    -------
    pandas.DataFrame
        ``ref`` and ``words`` (as printed), in ref order.
    """
    said = curated.load("text_statements")
    said = said[said["bears_on"].str.startswith("direction")]
    silent = {int(r) for r in studies.loc[studies["effect_direction"] == NOT_STATED, "ref"]}
    part = said[said["ref"].astype(int).isin(silent)]
    return part[["ref", "words"]].astype({"ref": int}).sort_values("ref", ignore_index=True)


def _annotated(studies: pd.DataFrame) -> pd.DataFrame:
    """The studies joined with the reviewed annotation (only the studies given)."""
    notes = curated.load("outcome_annotation")
    notes = notes.assign(table=notes["table"].map(TABLE_OF_RESOURCE))
    merged = studies.merge(notes, on=["table", "row"], how="inner", suffixes=("", "_read"))
    merged["comparison_derived"] = merged["comparison"].map({True: "yes", False: "no"})
    return merged


# Derived column -> reviewed annotation column.
_COMPARED = {"effect_direction": "direction", "outcome_level": "level", "comparison_derived": "comparison_read"}
_FIELD_NAMES = {"effect_direction": "direction", "outcome_level": "level", "comparison_derived": "comparison"}


def agreement(studies: pd.DataFrame) -> pd.DataFrame:
    """Agreement of the derived codes with the reviewed annotation, per field.

    Returns
    -------
    pandas.DataFrame
        ``field``, ``agree``, ``out_of`` and ``disagreeing`` (the rows, as ``table1 row 9``).
    """
    merged = _annotated(studies)
    rows = []
    for derived, read in _COMPARED.items():
        differ = merged[merged[derived].astype(str) != merged[read].astype(str)]
        rows.append(
            {
                "field": _FIELD_NAMES[derived],
                "agree": len(merged) - len(differ),
                "out_of": len(merged),
                "disagreeing": "; ".join(f"{t} row {r}" for t, r in zip(differ["table"], differ["row"])),
            }
        )
    return pd.DataFrame(rows)


def disagreements(studies: pd.DataFrame) -> pd.DataFrame:
    """Every (row, field) where the derivation and the reviewed annotation differ, with both codes and the setting."""
    merged = _annotated(studies)
    rows = []
    for derived, read in _COMPARED.items():
        differ = merged[merged[derived].astype(str) != merged[read].astype(str)]
        for r in differ.itertuples():
            rows.append(
                {
                    "table": r.table,
                    "row": r.row,
                    "field": _FIELD_NAMES[derived],
                    "derived": getattr(r, derived),
                    "annotation": getattr(r, read),
                    "setting": r.setting,
                    "evidence": r.evidence,
                }
            )
    return pd.DataFrame(rows, columns=["table", "row", "field", "derived", "annotation", "setting", "evidence"])
