"""The audit's findings per row of Tables 1-3: which rules fired on each study or trial, and whether it is flagged.

This is the one place where the audit meets the coded dataset. The rules read
the coded rows (:func:`helpers.data.coded.studies`), so the dataset cannot
carry the findings itself without a cycle; instead the notebook layer asks
:func:`by_row` for a plain frame keyed by ``table`` and ``row`` and hands it
to :mod:`helpers.data.flags`, which analyses and plots may import (see
ARCHITECTURE.md, "The audit inside the exhibits").
"""

from __future__ import annotations

import pandas as pd

from helpers.audit import runner
from helpers.audit.registry import SEVERITIES, rank

__all__ = [
    "by_row",
    "checks_by_row",
    "flags",
    "notice",
    "MEANING_FAMILIES",
    "MEANING_RULES",
    "FLAG_SEVERITIES",
    "ROW_TABLES",
]

#: Tables whose findings name a study or trial by its printed row.
ROW_TABLES: tuple[str, ...] = ("table1", "table2", "table3")
#: Rule families whose findings question what a row's coded values mean (its disease, source,
#: host, route, dose, product, setting, or whether it is the row it claims to be), not how a
#: cell is spelled: R (the row against its cited title), W (within the row), X (across rows).
MEANING_FAMILIES: tuple[str, ...] = ("R", "W", "X")
#: Single rules of the spelling families that still bear on meaning: a coded value no legend
#: explains (A3, A6) and a trial row's registry number (I9-I11). A7 (an inducing agent no legend
#: explains) is not among them: the agent sits in a descriptive cell and leaves the codes alone.
MEANING_RULES: tuple[str, ...] = ("A3", "A6", "I9", "I10", "I11")
#: Severities that flag a row; a ``check`` is "worth a look, may well be right" and only lists.
FLAG_SEVERITIES: tuple[str, ...] = ("error", "warning")


def bears_on_meaning(rule_id: str) -> bool:
    """Whether a rule's findings question what a row's codes mean (see :data:`MEANING_FAMILIES`)."""
    return rule_id[0] in MEANING_FAMILIES or rule_id in MEANING_RULES


def flags(table: pd.DataFrame, reasons: bool = False) -> pd.DataFrame:
    """Summarise an audit table (:func:`helpers.audit.runner.frame`) per printed row of Tables 1-3.

    Parameters
    ----------
    table : pandas.DataFrame
        Findings with ``key``, ``severity``, ``table``, ``row`` and ``verdict``.
    reasons : bool
        Add ``audit_flagged_by`` (see below).

    Returns
    -------
    pandas.DataFrame
        One row per (``table``, ``row``) with at least one finding not
        dismissed: ``audit_findings`` (rule ids, ``;``-joined in rule order),
        ``audit_max_severity``, ``audit_flag`` (true when a finding of a
        rule that bears on meaning is an error or warning); with ``reasons``,
        ``audit_flagged_by`` too (the ids of those findings, ``;``-joined: why
        the row is flagged, where ``audit_findings`` also lists checks and
        spelling findings).
    """
    part = table[
        table["table"].isin(ROW_TABLES) & table["row"].str.fullmatch(r"\d+") & (table["verdict"] != "dismissed")
    ]
    records = []
    for (name, row), group in part.groupby(["table", part["row"].astype(int)], sort=True):
        ids = sorted(set(group["key"].str.split("|").str[0]), key=rank)
        worst = min(group["severity"], key=SEVERITIES.index)
        by = {
            k.split("|")[0]
            for k, s in zip(group["key"], group["severity"])
            if bears_on_meaning(k.split("|")[0]) and s in FLAG_SEVERITIES
        }
        records.append((name, row, ";".join(ids), worst, bool(by), ";".join(sorted(by, key=rank))))
    columns = ["table", "row", "audit_findings", "audit_max_severity", "audit_flag", "audit_flagged_by"]
    out = pd.DataFrame(records, columns=columns)
    if not reasons:
        out = out.drop(columns="audit_flagged_by")
    return out.astype({"row": "int64", "audit_flag": "bool"})


def by_row(reasons: bool = False) -> pd.DataFrame:
    """The findings on every printed row of Tables 1-3: every rule, every severity, the reviewed verdicts.

    Parameters
    ----------
    reasons : bool
        Add ``audit_flagged_by``, the findings that flag each row (see :func:`flags`).

    Returns
    -------
    pandas.DataFrame
        See :func:`flags`; join it onto any frame with ``table`` and ``row``
        columns with :func:`helpers.data.flags.attach`.
    """
    return flags(runner.frame(runner.findings(), runner.reviewed()), reasons)


def notice(found: pd.DataFrame, studies: int, trials: int) -> str:
    """How many coded rows the audit flags, out of how many, and how many more only carry findings.

    Parameters
    ----------
    found : pandas.DataFrame
        :func:`by_row` (or :func:`flags` of a selection).
    studies, trials : int
        The rows of Tables 1-2 and of Table 3 the counts are out of.
    """
    pre = found[found["table"].isin(["table1", "table2"])]
    clin = found[found["table"] == "table3"]
    listed = int((~found["audit_flag"]).sum())
    new = _added_rows()
    where = "In the coded dataset"
    pre_of, clin_of = f"{studies} preclinical studies (Tables 1-2)", f"{trials} clinical studies (Table 3)"
    if new is not None:  # the current edition: say which rows of the counts are not the review's (audit ed. 1)
        # This run wrote no coded dataset: name the run that does, and the printed one's files (audit ed2 7.3).
        where = (
            "In the current edition's coded dataset (runs/dataset_edition-current/, written by "
            "`review build --edition current`; tables/studies.csv and tables/trials.csv hold the printed rows only)"
        )
        pre_of = _of_edition(pre, studies, "preclinical studies (Tables 1-2)", new, ("table1", "table2"))
        clin_of = _of_edition(clin, trials, "clinical studies (Table 3)", new, ("table3",))
    return (
        f"{where} the audit flags {int(pre['audit_flag'].sum())} of the {pre_of} "
        f"and {int(clin['audit_flag'].sum())} of the {clin_of}: each has an "
        f"error or warning that questions what its codes mean. {listed} more rows carry only spelling findings or "
        "checks, listed in `audit_findings` but not flagged. The dataset notebook's parameter `flagged` (keep, "
        "mark or drop) reruns it with or without the flagged rows."
    )


def _added_rows() -> set[tuple[str, int]] | None:
    """The (table, row) pairs of Tables 1-3 added since the print, in a current-edition run; None in the printed."""
    from helpers.audit.registry import TABLE_NAMES
    from helpers.core import edition
    from helpers.data import added

    if edition.current() != edition.CURRENT:
        return None
    return {
        (TABLE_NAMES[resource], int(k))
        for resource in ("msc_studies", "exosome_studies", "clinical_trials")
        for k in added.provenance(resource)["key"]
    }


def _of_edition(found: pd.DataFrame, total: int, noun: str, new: set, tables: tuple[str, ...]) -> str:
    """``57 preclinical studies (Tables 1-2) of the current edition (56 printed, 1 added, none of the added
    flagged)``."""
    n_new = sum(1 for t, _ in new if t in tables)
    flagged = sum(1 for t, r, f in zip(found["table"], found["row"], found["audit_flag"]) if f and (t, int(r)) in new)
    flagged_text = "none of the added flagged" if not flagged else f"{flagged} of the added flagged"
    return f"{total} {noun} of the current edition ({total - n_new} printed, {n_new} added, {flagged_text})"


def checks_by_row(rules: tuple[str, ...]) -> pd.DataFrame:
    """The ``check`` findings of ``rules`` on each printed row of Tables 1-3 (not dismissed).

    A check does not flag a row (:data:`FLAG_SEVERITIES`), yet it may question the very code an
    exhibit draws; an exhibit that marks such rows passes the rules that bear on what it shows
    (third blind reading, design 3.1).

    Returns
    -------
    pandas.DataFrame
        ``table, row, audit_checks`` (rule ids, ``;``-joined in rule order), one line per row with any.
    """
    table = runner.frame(runner.findings(), runner.reviewed())
    part = table[
        table["table"].isin(ROW_TABLES)
        & table["row"].str.fullmatch(r"\d+")
        & (table["verdict"] != "dismissed")
        & (table["severity"] == "check")
    ]
    part = part.assign(rule=part["key"].str.split("|").str[0])
    part = part[part["rule"].isin(rules)]
    records = [
        (name, row, ";".join(sorted(set(group["rule"]), key=rank)))
        for (name, row), group in part.groupby(["table", part["row"].astype(int)], sort=True)
    ]
    return pd.DataFrame(records, columns=["table", "row", "audit_checks"]).astype({"row": "int64"})
