"""Evidence behind Figures 1 and 2: selected studies, their tags, and what the figures count.

The review's two figures are drawn schematics. We regenerate them as
evidence diagrams: every mark counts study rows of Tables 1 and 2 whose
printed Effects support a category of ``data/categories.csv`` (a mechanism,
a pathway family or a cargo), as decided by the lexicon and the curated
corrections (:mod:`helpers.data.tags`). Each count keeps the rows, references and
phrases behind it.

One unit throughout: a study. In Fig. 2 each study weighs 1, split equally
among its k MSC sources on the left and among its m pathway families on the
right (1/(k·m) per strand), so every column of the diagram totals the number
of studies drawn. Node labels give distinct studies, which can exceed a
node's height when studies are shared with other nodes.
"""

from __future__ import annotations

import pandas as pd

from helpers.core import memo
from helpers.core.selection import Selecting, selected_rows
from helpers.core.vocab import DISEASE_CODES, PRECLINICAL_TABLES, TABLE_OF_RESOURCE, TISSUE_CODES
from helpers.data import curated, derive, tags

__all__ = [
    "studies",
    "tagged",
    "untagged_label",
    "strands",
    "links",
    "nodes",
    "matrix",
    "evidence_table",
    "counted",
    "source_label",
    "TABLE_NAMES",
]

#: "Table 1" and "Table 2", by resource.
TABLE_NAMES = {t: f"Table {TABLE_OF_RESOURCE[t].removeprefix('table')}" for t in PRECLINICAL_TABLES}
_NOT_STATED = "not stated"


def source_label(code: str | None) -> str:
    """A tissue code spelled out for readers: ``Adipose tissue (AD)``."""
    return f"{TISSUE_CODES[code]} ({code})" if code in TISSUE_CODES else _NOT_STATED


def untagged_label(kind: str) -> str:
    """The category shown for studies that name nothing of ``kind``."""
    return {"mechanism": "No mechanism named", "pathway": "No pathway named", "cargo": "No cargo named"}[kind]


def studies(run: Selecting) -> dict[str, pd.DataFrame]:
    """Printed study rows of Tables 1–2 selected by the run's parameters.

    Each frame gains the derived ``disease_code``, ``tissue``, ``modality``
    and ``product`` (native or modified) columns.
    """
    out = {}
    for table in PRECLINICAL_TABLES:
        printed = curated.load(table)  # only the files the figure reads (they decide its reruns)
        derived = _derived(table)
        keep = selected_rows(derived, run)
        joined = printed.assign(**{c: derived[c] for c in ("disease_code", "tissue", "modality", "product")})
        out[table] = joined[keep].reset_index(drop=True)
    return out


def _derived(table: str) -> pd.DataFrame:
    """:func:`helpers.data.derive.derive` of a whole printed table, remembered (:mod:`helpers.core.memo`)."""
    return memo.remembered(
        f"derived-{table}", lambda: derive.derive(table, curated.load(table), curated.load("abbreviations"))
    )


def tagged(selected: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Tag the selected studies with the lexicon and the curated corrections."""
    lexicon = tags.load_lexicon()
    curated = tags.load_curated()
    # Curated lines name rows by number; keep only those still selected.
    rows = {t: set(f["row"]) for t, f in selected.items()}
    curated = curated[[r in rows.get(t, set()) for t, r in zip(curated["table"], curated["row"])]]
    return tags.tag_rows(selected, lexicon, curated)


def _labels(tagged_rows: pd.DataFrame, kind: str) -> dict[tuple[str, int], list[str]]:
    part = tagged_rows[tagged_rows["kind"] == kind]
    out: dict[tuple[str, int], list[str]] = {}
    for table, row, label in zip(part["table"], part["row"], part["label"]):
        out.setdefault((table, int(row)), []).append(label)
    return out


def _study_lines(selected: dict[str, pd.DataFrame]):
    for table, frame in selected.items():
        for study in frame.itertuples(index=False):
            disease = DISEASE_CODES.get(study.disease_code, study.disease)
            yield table, study, disease


def strands(
    selected: dict[str, pd.DataFrame],
    tagged_rows: pd.DataFrame,
    kind: str = "pathway",
    *,
    untagged: bool = False,
    min_studies: int = 1,
) -> pd.DataFrame:
    """One weighted strand per study, source and category: what Fig. 2 draws.

    Parameters
    ----------
    selected, tagged_rows
        From :func:`studies` and :func:`tagged`.
    kind : str
        The category kind of the right-hand column.
    untagged : bool
        Draw studies that name no category of ``kind`` under
        :func:`untagged_label`; otherwise leave them out.
    min_studies : int
        Categories named by fewer studies are pooled as "Other (< n
        studies)", so no study is lost from the totals.

    Returns
    -------
    pandas.DataFrame
        ``table, row, ref, modality, product, disease, source, target,
        weight``; the weights of one study sum to 1.
    """
    named = _labels(tagged_rows, kind)
    counts = pd.Series([label for labels in named.values() for label in labels]).value_counts()
    rare = {label for label, n in counts.items() if n < min_studies}
    other = f"Other (< {min_studies} studies)"
    records = []
    for table, study, disease in _study_lines(selected):
        targets = named.get((table, int(study.row)), [])
        targets = list(dict.fromkeys(other if t in rare else t for t in targets))
        if not targets:
            if not untagged:
                continue
            targets = [untagged_label(kind)]
        codes = str(study.tissue).split("+") if pd.notna(study.tissue) else [None]
        weight = 1 / (len(codes) * len(targets))
        for code in codes:
            for target in targets:
                records.append(
                    (
                        table,
                        int(study.row),
                        int(study.ref),
                        study.modality,
                        study.product,
                        disease,
                        source_label(code),
                        target,
                        weight,
                    )
                )
    columns = ["table", "row", "ref", "modality", "product", "disease", "source", "target", "weight"]
    return pd.DataFrame(records, columns=columns)


def _refs(frame: pd.DataFrame) -> str:
    return ", ".join(str(r) for r in sorted(set(frame["ref"])))


def links(strand_frame: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Bands between two columns: summed weight, distinct studies and references.

    Returns
    -------
    pandas.DataFrame
        ``a, b, modality, weight, studies, refs``, sorted.
    """
    rows = []
    for (left, right, modality), part in strand_frame.groupby([a, b, "modality"], sort=True):
        rows.append(
            (left, right, modality, part["weight"].sum(), len(part[["table", "row"]].drop_duplicates()), _refs(part))
        )
    return pd.DataFrame(rows, columns=[a, b, "modality", "weight", "studies", "refs"])


def nodes(strand_frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """One column's nodes: their height (summed weight) and distinct studies, largest first."""
    rows = [
        (name, part["weight"].sum(), len(part[["table", "row"]].drop_duplicates()))
        for name, part in strand_frame.groupby(column, sort=True)
    ]
    frame = pd.DataFrame(rows, columns=[column, "weight", "studies"])
    return frame.sort_values(["weight", column], ascending=[False, True], ignore_index=True)


def per_modality(selected: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Selected studies of each modality: MSCs (Table 1) and their exosomes (Table 2)."""
    return {PRECLINICAL_TABLES[table]: len(frame) for table, frame in selected.items()}


def counted(selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, kind: str) -> dict[str, int]:
    """How many selected studies there are, and how many name at least one category of ``kind``."""
    named = _labels(tagged_rows, kind)
    total = sum(len(f) for f in selected.values())
    with_tag = sum(1 for table, study, _ in _study_lines(selected) if (table, int(study.row)) in named)
    return {"studies": total, "named": with_tag, "unnamed": total - with_tag}


def matrix(
    selected: dict[str, pd.DataFrame], tagged_rows: pd.DataFrame, kinds: tuple[str, ...] = ("mechanism", "cargo")
) -> pd.DataFrame:
    """Studies per category × disease × modality: what Fig. 1 draws.

    Each study counts once under every category of ``kinds`` it supports,
    or once under the kind's "No … named" category when it supports none;
    so no selected study is missing from a kind.

    Returns
    -------
    pandas.DataFrame
        ``kind, category, disease, modality, studies, refs``; one line per
        category, disease and modality with at least one study.
    """
    records = []
    for kind in kinds:
        named = _labels(tagged_rows, kind)
        for table, study, disease in _study_lines(selected):
            for label in named.get((table, int(study.row)), [untagged_label(kind)]):
                records.append((kind, label, disease, study.modality, int(study.ref)))
    frame = pd.DataFrame(records, columns=["kind", "category", "disease", "modality", "ref"])
    grouped = frame.groupby(["kind", "category", "disease", "modality"], sort=False)
    out = grouped.agg(studies=("ref", "size"), refs=("ref", lambda r: ", ".join(str(x) for x in sorted(set(r)))))
    return out.reset_index()


def evidence_table(tagged_rows: pd.DataFrame, kinds: str | tuple[str, ...]) -> pd.DataFrame:
    """One line per supporting study: the category, table, row, reference and printed words."""
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    part = tagged_rows[tagged_rows["kind"].isin(kinds)]
    frame = pd.DataFrame(
        {
            "kind": part["kind"].to_numpy(),
            "category": part["label"].to_numpy(),
            "modality": part["modality"].to_numpy(),
            "table": part["table"].map(TABLE_NAMES).to_numpy(),
            "row": part["row"].to_numpy(),
            "ref": part["ref"].map(lambda r: f"[{r}]").to_numpy(),
            "origin": part["origin"].to_numpy(),
            "supporting text": part["phrase"].to_numpy(),
        }
    )
    order = {k: i for i, k in enumerate(kinds)}
    frame = frame.assign(_k=frame["kind"].map(order)).sort_values(
        ["_k", "category", "modality", "table", "row"], kind="stable", ignore_index=True
    )
    return frame.drop(columns="_k") if len(kinds) > 1 else frame.drop(columns=["_k", "kind"])
