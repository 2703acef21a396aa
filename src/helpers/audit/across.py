"""Rule family X, across rows: what two rows of one table print that cannot both be right."""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from helpers.audit.registry import Finding, at, q, rule

#: Free-text columns, by table: a sentence here is written for its row.
TEXT_COLUMNS = {"table1": ("effects",), "table2": ("effects",), "table3": ("purpose", "results")}
#: Columns that count or measure something: the same value on both rows as well makes a copied row likelier.
COUNT_COLUMNS = {
    "table1": ("route_dosage", "follow_up"),
    "table2": ("size_nm", "route_dosage", "follow_up"),
    "table3": ("enrollment",),
}
#: Shortest text compared, in words: shorter ones ("No results published") are formulae rows share by design.
MIN_WORDS = 6


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


@rule("X1", "identical printed text on two rows", "msc_studies", "exosome_studies", "clinical_trials")
def identical_text(t1: pd.DataFrame, t2: pd.DataFrame, t3: pd.DataFrame) -> list[Finding]:
    """Two rows of one table that print the same free text word for word (up to case and spacing).

    Only texts of :data:`MIN_WORDS` words or more count. Warning when the
    rows also print the same value in a column that counts or measures
    (enrollment, dose, size, follow-up) under two registrations or
    references; which is right is not checked here. Check when only the
    text is the same. Each row of a pair gets a finding, naming the other.
    """
    out = []
    for table, frame in (("table1", t1), ("table2", t2), ("table3", t3)):
        for col in TEXT_COLUMNS[table]:
            if col not in frame:
                continue
            groups: dict[str, list[dict]] = defaultdict(list)
            for r in frame.to_dict("records"):
                text = _norm(r[col])
                if len(text.split()) >= MIN_WORDS:
                    groups[text].append(r)
            for group in (g for g in groups.values() if len(g) > 1):
                for r in group:
                    for other in (o for o in group if o["row"] != r["row"]):
                        same = [
                            c
                            for c in COUNT_COLUMNS[table]
                            if c in frame and str(r[c]).strip() and _norm(r[c]) == _norm(other[c])
                        ]
                        evidence = f"{at(table, r['row'], col, r[col])}; {at(table, other['row'], col, other[col])}"
                        evidence += "".join(f"; both rows print {c} {q(r[c])}" for c in same)
                        first, second = sorted((int(r["row"]), int(other["row"])))
                        msg = f"Rows {first} and {second} print the same {col.replace('_', ' ')} word for word"
                        msg += (
                            f", and the same {', '.join(c.replace('_', ' ') for c in same)}, under two different "
                            f"{'registrations' if table == 'table3' else 'references'}; which is right is not checked "
                            f"against the {'registry' if table == 'table3' else 'cited articles'}."
                            if same
                            else "."
                        )
                        sev = "warning" if same else "check"
                        out.append(Finding("X1", sev, table, str(r["row"]), col, evidence, msg, str(other["row"])))
    return out
