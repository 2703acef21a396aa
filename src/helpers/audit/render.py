"""Render the audit's findings for readers: counts per rule, the findings as shown, the files' text."""

from __future__ import annotations

import pandas as pd

from helpers.audit.registry import FAMILIES, RULES, SEVERITIES, rank
from helpers.audit.runner import COLUMNS
from helpers.core.vocab import ALL
from helpers.outputs import formats

#: What each severity says about a finding.
MEANING: dict[str, str] = {
    "error": "certainly inconsistent as printed: the quoted evidence alone shows it",
    "warning": "very likely wrong, though the evidence leaves a way for it to be right",
    "check": "unusual and worth a look; it may well be right",
}

#: What the audit cannot know, said once for the notebook and the Markdown file.
LIMITS = (
    "The audit reads only the transcribed review in `data/`. It cannot look anything up: whether a PMID, DOI or "
    "NCT number exists and names the article or trial it is printed beside is a registry fact; how a cell looked "
    "on the page (a Greek letter lost, a superscript) is a fact about the PDF's typography; and whether a cited "
    "paper really studied the disease, source, species or dose a row gives it is in the paper's full text, of "
    "which the audit sees only the title. Its verdicts say whether the printed evidence supports each finding, "
    "not what the right value is."
)


def summary(table: pd.DataFrame, chosen: tuple[str, ...] | str = ALL) -> pd.DataFrame:
    """Findings per rule and severity, with the verdicts; every rule that ran, even those that found nothing."""
    ids = tuple(sorted(RULES, key=rank)) if chosen == ALL else tuple(sorted(chosen, key=rank))
    records, rule_of = [], table["key"].str.split("|").str[0]
    for rule_id in ids:
        part = table[rule_of == rule_id]
        counts = part["severity"].value_counts()
        verdicts = part["verdict"].value_counts()
        records.append(
            {
                "rule": f"{rule_id} {RULES[rule_id].name}",
                "family": FAMILIES[rule_id[0]],
                **{s: int(counts.get(s, 0)) for s in SEVERITIES},
                "confirmed": int(verdicts.get("confirmed", 0)),
                "dismissed": int(verdicts.get("dismissed", 0)),
            }
        )
    return pd.DataFrame(records, columns=["rule", "family", *SEVERITIES, "confirmed", "dismissed"])


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The findings as a reader sees them: where, what, the printed evidence and our verdict with its reason."""
    where = table["table"] + " " + table["row"] + " " + table["field"]
    return pd.DataFrame(
        {
            "severity": table["severity"],
            "rule": table["rule"],
            "where": where,
            "evidence (as printed)": table["evidence"],
            "finding": table["message"],
            "verdict": table["verdict"] + ": " + table["reason"],
        }
    )


def how_to_read() -> str:
    """The "How to read this" text: the severities and what the audit cannot know."""
    lines = [f"- **{s}**: {m}." for s, m in MEANING.items()]
    return "\n".join(["Each finding has a severity:", "", *lines, "", LIMITS])


def render(table: pd.DataFrame, fmt: str, *, title: str, selection: str = "") -> str:
    """The findings as ``csv`` (the columns of :data:`COLUMNS`) or ``md`` (with the severities' meaning).

    A run with other parameters names its selection in the Markdown title.
    """
    legend = " ".join(f"{s.capitalize()}: {m}." for s, m in MEANING.items()) + " " + LIMITS.replace("`", "")
    title = f"{title} ({selection})" if selection else title
    payload = formats.table_bytes(table[list(COLUMNS)], fmt, exhibit="audit", title=title, caption="", legend=legend)
    return payload.decode("utf-8")


def notice(table: pd.DataFrame) -> str:
    """One sentence of counts: findings per severity and how many were confirmed or dismissed."""
    counts = table["severity"].value_counts()
    verdicts = table["verdict"].value_counts()
    per = ", ".join(f"{int(counts.get(s, 0))} {s}{'' if counts.get(s, 0) == 1 else 's'}" for s in SEVERITIES)
    judged = ", ".join(f"{int(n)} {v}" for v, n in verdicts.items())
    return f"{len(table)} findings shown ({per}); our verdicts: {judged or 'none'}."
