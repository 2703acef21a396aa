"""The four published tables: rows selected by a run, published layout, legend and summary.

A table exhibit is the printed rows of one ``data/`` resource under the
published headers (the schema's field titles), in published order, with the
reference number printed back as ``[n]``. A run's parameters select rows by
the derived codes of :mod:`helpers.derive`; they never alter a cell.
"""

from __future__ import annotations

import pandas as pd

from . import data, derive
from .select import selected_rows
from .session import Run
from .vocab import DISEASE_CODES, STUDY_TABLES

__all__ = ["study_codes", "load_table", "references", "published", "legend", "summary"]


def study_codes() -> pd.DataFrame:
    """Disease code, tissue source(s) and cited reference of every row of Tables 1–3.

    Table 3 cites a reference only where it prints one instead of an NCT
    number (``[39]``).
    """
    abbreviations = data.load("abbreviations")
    parts = []
    for resource in STUDY_TABLES:
        printed = data.load(resource)
        derived = derive.derive(resource, printed, abbreviations)
        ref = (
            printed["ref"] if "ref" in printed else printed["nct_number"].str.extract(r"^\[(\d+)\]$")[0].astype("Int64")
        )
        parts.append(
            pd.DataFrame({"disease_code": derived["disease_code"], "tissue": derived["tissue"], "ref": ref.to_numpy()})
        )
    return pd.concat(parts, ignore_index=True)


def _derived(
    resource: str, frame: pd.DataFrame, abbreviations: pd.DataFrame | None, by_disease: bool = False
) -> pd.DataFrame:
    if resource != "tissue_sources":
        return derive.derive(resource, frame, abbreviations)
    # Table 4's Source cell is already a tissue code (BM, AD, UC, UCB, DP).
    out = pd.DataFrame({"row": frame["row"], "tissue": frame["source"]})
    if by_disease:
        # Table 4 has no disease column: a source is kept for a disease when
        # a study of that disease in Tables 1–3 used it. Only read when the
        # run selects diseases, so the canonical table depends on Table 4 alone.
        codes = study_codes()
        pairs = (
            codes.assign(tissue=codes["tissue"].str.split("+"))
            .explode("tissue")
            .dropna(subset=["tissue", "disease_code"])
        )
        used = pairs.groupby("tissue")["disease_code"].agg(lambda c: "+".join(sorted(set(c))))
        out["disease_code"] = out["tissue"].map(used)
    return out


def load_table(run: Run) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the run's selected printed rows and their derived fields.

    Returns
    -------
    printed, derived : pandas.DataFrame
        Same index; ``printed`` keeps the data columns exactly as loaded.
    """
    resource = run.exhibit.resource
    # Load only what this exhibit needs: the build reruns a notebook when a
    # file it read changes, so reading everything would make every edit
    # rerun every notebook.
    printed = data.load(resource)
    abbreviations = data.load("abbreviations") if resource != "tissue_sources" else None
    derived = _derived(resource, printed, abbreviations, by_disease=run.selected("diseases") is not None)
    keep = selected_rows(derived, run)
    return printed[keep].reset_index(drop=True), derived[keep].reset_index(drop=True)


def references(run: Run) -> pd.DataFrame:
    """The printed references, or those cited by the studies of the selected diseases."""
    refs = data.load("references")
    chosen = run.selected("diseases")
    if chosen is None:
        return refs
    codes = study_codes()
    cited = set(codes.loc[codes["disease_code"].isin(chosen), "ref"].dropna().astype(int))
    return refs[refs["ref"].isin(cited)].reset_index(drop=True)


def published(printed: pd.DataFrame, resource: str) -> pd.DataFrame:
    """Lay printed rows out as the published table: its headers, its order."""
    fields = data.resources()[resource]["schema"]["fields"]
    frame = printed.drop(columns="row").copy()
    if "ref" in frame:
        frame["ref"] = frame["ref"].map(lambda n: f"[{n}]")
    if "enrollment" in frame:
        frame["enrollment"] = frame["enrollment"].astype("Int64").astype(str)
    titles = {f["name"]: f["title"] for f in fields}
    return frame.rename(columns=titles).astype(str)


def legend(exhibit: str) -> str:
    """Regenerate an exhibit's printed abbreviation legend from the data."""
    abbreviations = data.load("abbreviations")
    rows = abbreviations[abbreviations["legend"] == exhibit].sort_values("position")
    return "; ".join(f"{a}: {d}" for a, d in zip(rows["abbreviation"], rows["definition"]))


def _counts(values: pd.Series, name: str) -> pd.DataFrame:
    parts = values.fillna("not stated").astype(str).str.split("+").explode()
    counts = parts.value_counts().rename_axis(name).reset_index(name="studies")
    return counts.sort_values(["studies", name], ascending=[False, True], ignore_index=True)


def summary(printed: pd.DataFrame, derived: pd.DataFrame, resource: str) -> dict[str, pd.DataFrame]:
    """Counts computed from the selected rows, for the notebook's summary.

    Returns
    -------
    dict of str to pandas.DataFrame
        By disease, MSC source and host species for the preclinical tables;
        by disease, source, phase and status, plus total enrollment, for
        Table 3; by source for Table 4.
    """
    out: dict[str, pd.DataFrame] = {}
    if "disease_code" in derived:
        labels = derived["disease_code"].map(lambda c: DISEASE_CODES.get(c, c) if pd.notna(c) else c)
        out["Disease"] = _counts(labels, "disease")
    out["MSC source"] = _counts(derived["tissue"], "tissue source")
    if "host_species" in derived:
        out["Host species"] = _counts(derived["host_species"].fillna("in vitro only"), "host species")
    if resource == "clinical_trials":
        out["Phase"] = _counts(derived["phase"].fillna("not a phase"), "phase")
        out["Status"] = _counts(printed["research_status"], "research status")
        out["Modality"] = _counts(derived["modality"], "modality")
        out["Enrollment"] = pd.DataFrame(
            {"studies": [len(printed)], "total enrollment": [int(printed["enrollment"].sum())]}
        )
    return out
