"""Run the audit: load what the rules read, run them, join the reviewed verdicts, keep what a run asks for."""

from __future__ import annotations

import dataclasses
import hashlib

import pandas as pd

from helpers.audit import (  # noqa: F401 (each registers its rules)
    abbreviations,
    across,
    identifiers,
    labels,
    references,
    slips,
    within,
)
from helpers.audit.registry import (
    RULES,
    SEVERITIES,
    TABLE3_FIELDS,
    TABLE_NAMES,
    Finding,
    rank,
)
from helpers.core import memo
from helpers.core.selection import Selecting, selected_rows
from helpers.core.vocab import ALL
from helpers.data import coded, curated

#: Columns of ``tables/audit.csv``, in order.
COLUMNS = ("rule", "severity", "table", "row", "field", "evidence", "message", "key", "verdict")
_TABLE_ORDER = ("table1", "table2", "table3", "table4", "references", "abbreviations")
_ROW_COLUMNS = (
    "disease",
    "source",
    "animal_model",
    "precondition",
    "route_dosage",
    "in_vitro_model",
    "effects",
    "size_nm",
    "follow_up",
)
_CODED_COLUMNS = (
    "table",
    "row",
    "ref",
    "disease_code",
    "tissue",
    "donor_species",
    "host_species",
    "relation",
    "setting",
    "route",
    "modality",
    "dose_kind",
    "dose_low",
    "dose_high",
    "dose_unit",
)


def rows(studies: pd.DataFrame, trials: pd.DataFrame, printed: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every row of Tables 1-3 with its derived codes beside its printed cells.

    Table 3's cells take the generic names (``disease`` for Disease Type,
    ``source`` for MSC Type, ``route_dosage`` for Migration method,
    ``effects`` for Purpose); :data:`helpers.audit.registry.TABLE3_FIELDS` maps
    them back in the findings.
    """
    parts = []
    for resource, coded_part in (("msc_studies", studies), ("exosome_studies", studies), ("clinical_trials", trials)):
        table = TABLE_NAMES[resource]
        frame = coded_part[coded_part["table"] == table].reindex(columns=list(_CODED_COLUMNS))
        cells = printed[resource].rename(columns={printed_name: name for name, printed_name in TABLE3_FIELDS.items()})
        cells = cells.reindex(columns=["row", *_ROW_COLUMNS], fill_value="")
        parts.append(frame.merge(cells, on="row", how="left"))
    return pd.concat(parts, ignore_index=True)


def _headers() -> dict[str, dict[str, str]]:
    described = curated.resources()
    return {
        TABLE_NAMES[r]: {f["name"]: f.get("title", "") for f in described[r]["schema"]["fields"]}
        for r in ("msc_studies", "exosome_studies")
    }


def inputs(needs: set[str]) -> dict[str, object]:
    """Load the frames the chosen rules read, and only those (so the run record names just them)."""
    out: dict[str, object] = {}
    for name in sorted(needs - {"rows", "headers"}):
        out[name] = curated.load(name)
    if needs & {"rows", "headers"}:
        printed = {r: curated.load(r) for r in ("msc_studies", "exosome_studies", "clinical_trials")}
        out["rows"] = rows(coded.studies(), coded.trials(), printed)
        out["headers"] = _headers()
    return out


def findings(chosen: tuple[str, ...] | str = ALL, frames: dict | None = None) -> list[Finding]:
    """Run the chosen rules (ids, or ``"all"``) on ``frames`` (loaded when not given).

    On the project's own data (``frames`` not given) the result is remembered
    between notebooks (:mod:`helpers.core.memo`): nine exhibits show the
    audit, each in a kernel of its own, and running every rule costs about a
    second each time. The entry is per set of rules, so a notebook that asks
    for a few rules still records only the files those rules read.
    """
    ids = tuple(sorted(RULES, key=rank)) if chosen == ALL else tuple(sorted(chosen, key=rank))
    if frames is not None:
        return _run(ids, frames)
    name = "audit-" + hashlib.sha256("+".join(ids).encode()).hexdigest()[:12]
    table = memo.remembered(name, lambda: _as_frame(_run(ids, inputs({n for i in ids for n in RULES[i].needs}))))
    return [Finding(**record) for record in table.to_dict("records")]


def _run(ids: tuple[str, ...], frames: dict) -> list[Finding]:
    return [f for i in ids for f in RULES[i].check(*(frames[n] for n in RULES[i].needs))]


def _as_frame(found: list[Finding]) -> pd.DataFrame:
    """Findings as a frame of their fields, in order (what the memo keeps; :class:`Finding` rebuilds them)."""
    fields = [f.name for f in dataclasses.fields(Finding)]
    return pd.DataFrame([dataclasses.asdict(f) for f in found], columns=fields, dtype=object)


def reviewed() -> pd.DataFrame:
    """The reviewed verdicts, ``data/audit_review.csv``: key, verdict, reason."""
    return curated.load("audit_review")


def _row_order(value: str) -> tuple:
    head = value.split(":")[0]
    legend = ("article", "table1", "table2", "table3", "table4", "fig1", "fig2")
    number = value.rsplit(":", 1)[-1]
    return (legend.index(head) if head in legend else -1, int(number) if number.isdigit() else 0, value)


def frame(found: list[Finding], review: pd.DataFrame | None = None) -> pd.DataFrame:
    """The findings as a table in a stable order (severity, rule, place), with key, verdict and reason."""
    verdicts = {} if review is None else dict(zip(review["key"], zip(review["verdict"], review["reason"])))
    records = [
        {
            "rule": f"{f.rule} {RULES[f.rule].name}",
            "severity": f.severity,
            "table": f.table,
            "row": f.row,
            "field": f.field,
            "evidence": f.evidence,
            "message": f.message,
            "key": f.key,
            "verdict": verdicts.get(f.key, ("unreviewed", ""))[0],
            "reason": verdicts.get(f.key, ("unreviewed", ""))[1],
            "_order": (
                SEVERITIES.index(f.severity),
                rank(f.rule),
                _TABLE_ORDER.index(f.table),
                _row_order(f.row),
                f.field,
                f.subject,
            ),
        }
        for f in found
    ]
    out = pd.DataFrame(records, columns=[*COLUMNS, "reason", "_order"])
    return out.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def selected(table: pd.DataFrame, run: Selecting) -> pd.DataFrame:
    """Keep the findings a run asks for: at least its ``severity``, and its diseases and modality.

    A finding on a row of Tables 1-3 is kept when the row is selected; one on
    a reference when a selected row cites it or no row does. Legends and
    Table 4 concern the whole article and are always kept.
    """

    table = table[table["severity"].map(SEVERITIES.index) <= SEVERITIES.index(run.values["severity"])]
    if table.empty or (run.selected("diseases") is None and run.selected("modality") is None):
        return table.reset_index(drop=True)
    studies, trials = coded.studies(), coded.trials()
    kept, cited = set(), set()
    for part in (studies, trials):
        chosen = part[selected_rows(part, run)]
        kept |= {(t, str(r)) for t, r in zip(chosen["table"], chosen["row"])}
        cited |= set(part["ref"].dropna().astype(int))
        kept |= {("references", str(int(r))) for r in chosen["ref"].dropna()}

    def wanted(f) -> bool:
        if f.table in ("table1", "table2", "table3"):
            return (f.table, f.row) in kept or (f.row == "header" and any(t == f.table for t, _ in kept))
        if f.table == "references":
            return (f.table, f.row) in kept or int(f.row) not in cited
        return True

    return table[table.apply(wanted, axis=1)].reset_index(drop=True)


def run_audit(run: Selecting) -> pd.DataFrame:
    """A notebook's audit: its chosen rules run, each finding with its verdict, its selection kept."""
    return selected(frame(findings(run.values["rules"]), reviewed()), run)
