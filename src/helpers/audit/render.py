"""Render the audit's findings for readers: counts per rule, the findings as shown, the files' text."""

from __future__ import annotations

import re

import pandas as pd

from helpers.audit.registry import FAMILIES, RULES, SEVERITIES, TABLE_NAMES, rank
from helpers.audit.runner import COLUMNS
from helpers.audit.within import SIZE_MARGIN
from helpers.core import edition
from helpers.core.vocab import ALL
from helpers.core.words import agree, plural
from helpers.data import added
from helpers.outputs import formats

#: What each severity says about a finding.
MEANING: dict[str, str] = {
    "error": "certainly inconsistent as printed: the quoted evidence alone shows it",
    "warning": "very likely wrong, though the evidence leaves a way for it to be right",
    "check": "unusual and worth a look; it may well be right",
}

#: The verdicts of data/audit_review.csv, in the order they are counted.
VERDICTS: tuple[str, ...] = ("confirmed", "plausible", "dismissed")

#: The summary's column (current edition) and the verdict cell of a finding the project team has not judged.
NO_VERDICT = "no verdict yet"

#: How a verdict's reason marks a reading it offers (what a slip probably was) as not established by the print.
LIKELY_READING = "a likely reading, not established by the print"

#: What the audit cannot know, said once for the notebook and the Markdown file.
LIMITS = (
    "The audit reads only the transcribed review in `data/`. It cannot look anything up: whether a PMID, DOI or "
    "NCT number exists and names the article or trial it is printed beside is a registry fact; how a cell looked "
    "on the page (a Greek letter lost, a superscript) is a fact about the PDF's typography; and whether a cited "
    "paper really studied the disease, source, species or dose a row gives it is in the paper's full text, of "
    "which the audit sees only the title. The rules do not compare the review's body text with the tables, so a "
    "sentence of the text that contradicts a table is not reported by a rule (the exosome size range of W5 is the "
    "one yardstick taken from the text, and the project's verdicts may quote the text). A DOI is checked "
    "for its form only; whether its journal code fits the printed journal is left unchecked. One yardstick is "
    "the project's own, not the review's: the dose ranges in `data/dose_ranges.csv` (rules W3, W4), which do not "
    "tell routes apart. The exosome size (W5) is judged by the 30–150 nm the review itself states, a rounded "
    f"definition, so an excess within {SIZE_MARGIN:.0%} of its bound is called marginal. Some rules judge a "
    "printed value against such a yardstick or against common usage "
    "(an unusual pairing of species, a round-looking PubMed number, PMID order against the printed year, an "
    "exosome-mimetic title, an agent no legend explains) rather than against another printed value. The verdicts "
    "are the project team's own reading of the printed evidence, not an independent reader's or the authors'; they "
    "say whether the print supports each finding (confirmed), makes it likely without proof (plausible), or does "
    "not (dismissed, and the rule is tightened), not what the right value is. Where a verdict's reason names what a "
    f"slip probably was, it says so in these words: {LIKELY_READING}. A rule may report at two severities, by what "
    "the print offers; its docstring and each finding's message say which case applies. A3, for one, is a warning "
    "where neither a legend of the article nor the article list explains a code printed in a coded column (a "
    "disease, source or route), and a check where another legend or the article list does; A8 adds, where it "
    "applies, the unused legend entry the code may be a slip for."
)


def summary(table: pd.DataFrame, chosen: tuple[str, ...] | str = ALL) -> pd.DataFrame:
    """Findings per rule and severity, with the verdicts; every rule that ran, even those that found nothing."""
    ids = tuple(sorted(RULES, key=rank)) if chosen == ALL else tuple(sorted(chosen, key=rank))
    records, rule_of = [], table["key"].str.split("|").str[0]
    current = edition.current() == edition.CURRENT
    # A verdict given on the print for a finding whose evidence the additions changed counts apart, not as
    # "confirmed" for the evidence this run shows (audit ed2 7.1).
    on_print = (editions(table) == CHANGED) & (table["verdict"] != "unreviewed") if current else None
    for rule_id in ids:
        mine = rule_of == rule_id
        part = table[mine & ~on_print] if current else table[mine]
        counts = table[mine]["severity"].value_counts()
        verdicts = part["verdict"].value_counts()
        records.append(
            {
                "rule": f"{rule_id} {RULES[rule_id].name}",
                "family": FAMILIES[rule_id[0]],
                **{s: int(counts.get(s, 0)) for s in SEVERITIES},
                **{v: int(verdicts.get(v, 0)) for v in VERDICTS},
                ON_PRINT: int((mine & on_print).sum()) if current else 0,
                NO_VERDICT: int(verdicts.get("unreviewed", 0)),
            }
        )
    # A current edition can draw findings nobody has judged (on an added row, or on a printed place whose
    # evidence the additions changed): a column for them, so the verdicts add up to the findings (audit ed. 3).
    extra = [ON_PRINT, NO_VERDICT] if current else []
    return pd.DataFrame(records, columns=["rule", "family", *SEVERITIES, *VERDICTS, *extra])


#: The summary's column (current edition) of verdicts given on the print for findings the additions changed.
ON_PRINT = "verdict on the print only (evidence changed by the additions)"

#: The caption of the summary table, as the findings table has one (audit ed2 7.5).
SUMMARY_CAPTION = "Findings per rule"


def summary_caption(selection: str = "") -> str:
    """``Findings per rule`` or, in a run with other parameters or edition, ``Findings per rule (<selection>)``."""
    return f"{SUMMARY_CAPTION} ({selection})" if selection else SUMMARY_CAPTION


#: The resource behind each table the audit names (the inverse of registry.TABLE_NAMES), with the references.
_RESOURCES: dict[str, str] = {**{t: r for r, t in TABLE_NAMES.items()}, "references": "references"}


#: The edition cell of a finding at a printed place whose evidence the additions changed, or that only the
#: additions made the rules report: rules that read across rows (a spelling counted over the article, a legend
#: entry no row uses) see the added cells too (audit ed. 2).
CHANGED = "printed in the review; evidence changed by the additions, verdict given on the print not re-read"
ONLY_WITH_ADDED = "printed in the review; reported only with the additions, no verdict yet"


def editions(table: pd.DataFrame) -> pd.Series:
    """For each finding, the edition of the place it is reported at, and whether the additions changed it.

    :data:`helpers.data.added.PRINTED_LABEL` for a finding at a printed place that the printed edition reports
    with the same evidence; for a row of ``data/additions/`` its added label (when added, from which DOI or PMID);
    :data:`CHANGED` or :data:`ONLY_WITH_ADDED` for a finding at a printed place that a rule reading across rows
    reports differently, or only, once the added rows are read (found by running the same rules on the printed
    edition alone, :func:`_printed_evidence`).
    """
    labels = {}
    for audited, resource in _RESOURCES.items():
        for record in added.provenance(resource).to_dict("records"):
            labels[audited, str(record["key"])] = added.label(record, resource)
    printed = _printed_evidence() if labels else {}
    out = []
    for t, r, key, evidence in zip(table["table"], table["row"], table["key"], table["evidence"]):
        if (t, str(r)) in labels:
            out.append(labels[t, str(r)])
        elif labels and key not in printed:
            out.append(ONLY_WITH_ADDED)
        elif labels and printed[key] != evidence:
            out.append(CHANGED)
        else:
            out.append(added.PRINTED_LABEL)
    return pd.Series(out, index=table.index, dtype="str")


def with_editions(table: pd.DataFrame) -> pd.DataFrame:
    """The findings with their :func:`editions` cell as an ``edition`` column in a current edition (as is in the
    printed one), so the notes under Tables 1-3 mark a printed finding the additions changed (table1 ed2 7.2)."""
    if edition.current() != edition.CURRENT:
        return table
    return table.assign(edition=editions(table))


def _printed_evidence() -> dict[str, str]:
    """Every rule run on the printed edition alone: each finding's key and evidence (remembered, as any audit)."""
    from helpers.audit import runner

    chosen = edition.current()
    edition.use(edition.PRINTED)
    try:
        return {f.key: f.evidence for f in runner.findings()}
    finally:
        edition.use(chosen)


def _verdicts(table: pd.DataFrame) -> pd.Series:
    """The verdict cells, with "no verdict yet (added row)" (or "(changed by the additions)") for the unjudged."""
    where = editions(table) if edition.current() == edition.CURRENT else None
    if where is None:
        return table["verdict"]
    why = where.map(lambda e: "changed by the additions" if e.startswith(added.PRINTED_LABEL) else "added row")
    cells = table["verdict"].where(table["verdict"] != "unreviewed", f"{NO_VERDICT} (" + why + ")")
    # a verdict given on the print is not one on this run's evidence (audit ed2 7.1, 6.9)
    return cells.where(~((where == CHANGED) & (table["verdict"] != "unreviewed")), table["verdict"] + CHANGED_VERDICT)


#: What follows the verdict of a finding whose evidence the additions changed: ``confirmed on the print; …``.
CHANGED_VERDICT = " on the print; evidence changed by the additions, not re-read"

#: A count of the evidence: ``usual form "h" 67×``.
_TIMES = re.compile(r"(\d+)×")


def added_evidence(table: pd.DataFrame) -> pd.Series:
    """The evidence, with each count the additions moved saying how many of it they add (audit ed2 7.2).

    ``usual form "h" 67×`` reads ``usual form "h" 67× (2 of them from the added rows)`` where the printed
    edition counts 65; evidence the additions did not change is as it was.
    """
    if edition.current() != edition.CURRENT or not _added_places(table):
        return table["evidence"]
    printed = _printed_evidence()
    out = []
    for key, evidence, where in zip(table["key"], table["evidence"], editions(table)):
        before = [int(n) for n in _TIMES.findall(printed.get(key, ""))] if where == CHANGED else []
        now = [int(n) for n in _TIMES.findall(evidence)]
        if not before or len(before) != len(now):
            out.append(evidence)
            continue
        moved = iter(zip(before, now))

        def said(m: re.Match, moved=moved) -> str:
            was, is_ = next(moved)
            return m[0] if was == is_ else f"{m[0]} ({is_ - was} of them from the added {_rows_word()})"

        out.append(_TIMES.sub(said, evidence))
    return pd.Series(out, index=table.index, dtype="str")


def _rows_word() -> str:
    """``row 29`` or ``rows 29, 30`` (Tables 1-3) for the added rows a count may include."""
    rows = sorted(int(r) for t, r in _added_places(pd.DataFrame()) if t != "references")
    return agree(len(rows), "row ", "rows ") + ", ".join(str(r) for r in rows)


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The findings as a reader sees them: where, what, the printed evidence and our verdict with its reason.

    In the current edition "where" names a finding on an added row as such (``table1 29 (added row) effects``)
    and an ``edition`` column says when and from where that row was added; the printed edition has neither.
    """
    where = table["table"] + " " + table["row"] + " " + table["field"]
    extra = {}
    if edition.current() == edition.CURRENT:
        extra["edition"] = editions(table)
        new = extra["edition"] != added.PRINTED_LABEL
        where = where.where(~new, table["table"] + " " + table["row"] + " (added row) " + table["field"])
    return pd.DataFrame(
        {
            "severity": table["severity"],
            **extra,  # right after the severity, where a spreadsheet never cuts it off (audit ed. 9)
            "rule": table["rule"],
            "where": where,
            # an added row's cells are the curator's, not the print's
            "evidence (as printed)" if not extra else "evidence (as printed, or as added)": added_evidence(table),
            "finding": table["message"],
            # a finding on an added row has no verdict, and so no reason, yet
            "verdict": (_verdicts(table) + ": " + table["reason"]).where(table["reason"] != "", _verdicts(table)),
        }
    )


def how_to_read() -> str:
    """The "How to read this" text: the severities and what the audit cannot know."""
    lines = [f"- **{s}**: {m}." for s, m in MEANING.items()]
    return "\n".join(["Each finding has a severity:", "", *lines, "", LIMITS])


def render(
    table: pd.DataFrame, fmt: str, *, title: str, selection: str = "", chosen: tuple[str, ...] | str = ALL
) -> str:
    """The findings as ``csv`` (the columns of :data:`COLUMNS`) or ``md`` (with the severities' meaning).

    The Markdown file ends with the findings per rule (:func:`summary`) of
    every rule in ``chosen``, those that found nothing included, so the file
    alone says which rules ran. A run with other parameters names its
    selection in the Markdown title.
    """
    legend = " ".join(f"{s.capitalize()}: {m}." for s, m in MEANING.items()) + " " + LIMITS.replace("`", "")
    title = f"{title} ({selection})" if selection else title
    written = table[list(COLUMNS)]
    if edition.current() == edition.CURRENT:  # which findings fall on added rows (the printed files have no column)
        written = written.assign(verdict=_verdicts(table), evidence=added_evidence(table))
        written.insert(list(COLUMNS).index("severity") + 1, "edition", editions(table))
    payload = formats.table_bytes(written, fmt, exhibit="audit", title=title, caption="", legend=legend)
    text = payload.decode("utf-8")
    if fmt == "md":
        per_rule = summary(table, chosen)
        text += (
            f"\n**Findings per rule: every rule run, {len(per_rule)} in all, with 0 where a rule found nothing**\n\n"
            + per_rule.to_markdown(index=False)
            + "\n"
        )
    return text


def notice(table: pd.DataFrame, chosen: tuple[str, ...] | str = ALL, printed_rows: int | None = None) -> str:
    """Sentences of counts, each saying what it counts and out of how many.

    Findings per severity (out of all shown), the rules that found something
    (out of the rules run), the printed rows of Tables 1-3 with a finding
    (out of ``printed_rows``, the rows of Tables 1-3 selected, when given),
    and the verdicts (out of all shown), which are the project team's own.
    """
    counts, verdicts = table["severity"].value_counts(), table["verdict"].value_counts()
    ran = len(RULES) if chosen == ALL else len(chosen)
    fired = table["key"].str.split("|").str[0].nunique()
    per = ", ".join(plural(int(counts.get(s, 0)), s) for s in SEVERITIES)
    on_rows = table[table["table"].isin(["table1", "table2", "table3"]) & table["row"].str.fullmatch(r"\d+")]
    n_rows = len(set(zip(on_rows["table"], on_rows["row"])))
    places = len(set(zip(table["table"], table["row"], table["field"])))
    judged = ", ".join(f"{int(verdicts.get(v, 0))} {v}" for v in (*VERDICTS, "unreviewed") if verdicts.get(v, 0))
    current = edition.current() == edition.CURRENT  # the rows of Tables 1-3 counted include the added ones
    kind, kinds = ("row (printed or added)", "rows (printed or added)") if current else ("printed row", "printed rows")
    rows_text = plural(n_rows, kind, kinds) if printed_rows is None else f"{n_rows} of the {printed_rows} {kinds}"
    if current and printed_rows is not None:  # audit ed. 8: the split, and where the anchors fall
        new = _added_places(table)
        n_new = len(new)
        anchored_new = len({(t, r) for t, r in zip(on_rows["table"], on_rows["row"]) if (t, r) in new})
        rows_text = (
            f"{n_rows} of the {printed_rows} rows of the current edition ({printed_rows - n_new} printed, "
            f"{n_new} added; {n_rows - anchored_new} of these anchors printed, {anchored_new} added)"
        )
    if current:  # a verdict given on the print for evidence the additions changed counts apart (audit ed2 7.1)
        on_print = table[(editions(table) == CHANGED) & (table["verdict"] != "unreviewed")]
        verdicts = table.drop(on_print.index)["verdict"].value_counts()
        judged = ", ".join(f"{int(verdicts.get(v, 0))} {v}" for v in VERDICTS if verdicts.get(v, 0))
        if len(on_print):
            given = ", ".join(f"{n} {v}" for v, n in on_print["verdict"].value_counts().items())
            judged += (
                f", {len(on_print)} judged on the print only ({given} on the print; evidence changed by the "
                "additions, not re-read)"
            )
        judged += f", {int(verdicts.get('unreviewed', 0))} with {NO_VERDICT}"
    return (
        f"{plural(len(table), 'finding')} shown ({per}), from {fired} of the {ran} rules run. "
        f"A finding is one rule firing at one place, and one printed slip can draw findings from several rules "
        f"(an undefined code and its unused legend entry, say), so these count findings, not slips: they point at "
        f"{plural(places, 'distinct printed place')} (a cell, a legend entry, a reference's field or a header). "
        f"Each finding is reported at one place, its anchor, though its evidence may quote other rows too; "
        f"{rows_text} of Tables 1-3 are the anchor of a finding, and references, legends and column headers "
        "anchor the rest. "
        f"Verdicts on the {len(table)} findings, all by the project team: {judged or 'none'}."
    ) + (_added_notice(table) if current else "")


def _added_places(table: pd.DataFrame) -> set[tuple[str, str]]:
    """The (table, row) pairs of Tables 1-3 added since the print (current edition), as the findings name them."""
    return {
        (audited, str(k))
        for audited, resource in _RESOURCES.items()
        if audited != "references"
        for k in added.provenance(resource)["key"]
    }


def _added_notice(table: pd.DataFrame) -> str:
    """The current edition's sentences: what data/additions/ holds, the findings reported at the additions, and
    the findings at printed places that reading the additions changed (audit ed. 2, 6)."""
    from helpers.data import curated

    where = editions(table)
    what = added.summary()
    if not what:
        return (
            f" {curated.edition_note()} None of the {len(table)} findings is reported at a row added since the "
            "review was printed."
        )
    on_added = table[~where.str.startswith(added.PRINTED_LABEL)]
    places = sorted(set(zip(on_added["table"], on_added["row"])), key=lambda p: (p[0], int(p[1])))
    named = ", ".join(f"{t} {'reference' if t == 'references' else 'row'} {r}" for t, r in places)
    text = (
        f"{len(on_added)} of the {len(table)} findings are reported at the additions ({named}); "
        f"{int((on_added['verdict'] == 'unreviewed').sum())} of them have {NO_VERDICT} from the project team."
        if len(on_added)
        else f"None of the {len(table)} findings is reported at any of the additions ({what})."
    )
    changed = table[where.isin([CHANGED, ONLY_WITH_ADDED])]
    if changed.empty:
        text += (
            " Every finding at a printed place is the one the printed edition reports, with the same evidence: "
            "the rules that read across rows (spellings counted over the article, legend entries no row uses) "
            "report nothing different with the additions read."
        )
    else:
        listed = "; ".join(
            f"{k.split('|')[0]} at {t} {r}" for k, t, r in zip(changed["key"], changed["table"], changed["row"])
        )
        text += (
            f" {len(changed)} of the findings at printed places read differently once the additions are read by "
            f"the rules that read across rows ({listed}); their edition cell says so, and their verdict, given on "
            "the print, was not re-read."
        )
    return f" {curated.edition_note()} {text}{_duplicates_said()}"


def _duplicates_said() -> str:
    """The added rows that repeat a printed row's design (:mod:`helpers.data.duplicates`), a warning with no
    verdict yet; the 44 rules and the printed edition's findings stay as they were (table1, audit ed2 7.3/7.4)."""
    from helpers.data import duplicates

    said = [
        f"{TABLE_NAMES[resource]} row {k}: {duplicates.sentence(resource, k, p)}"
        for resource in duplicates.FIELDS
        for k, p in duplicates.matches(resource)
    ]
    if not said:
        return " No added row repeats the design of a printed row (disease, source, model, route and dose, follow-up)."
    return f" Added rows checked against the printed rows for one experiment counted twice: {'; '.join(said)}."
