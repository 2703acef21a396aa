"""The four published tables: selection, published layout, legend and summary.

A table exhibit is the printed rows of one ``data/`` resource under the
published headers (the schema's field titles), in published order, with the
reference number printed back as ``[n]``. A run's parameters select rows by
the derived codes of :mod:`helpers.derive`; they never alter a cell.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from . import data, derive
from .session import Run

__all__ = ["selected_rows", "study_codes", "load_table", "references", "published", "legend", "summary", "to_html"]

#: Which shared parameters filter which derived column.
_FILTERS = {"diseases": "disease_code", "sources": "tissue", "host_species": "host_species",
            "modality": "modality"}


_STUDIES = ("msc_studies", "exosome_studies", "clinical_trials")


def study_codes() -> pd.DataFrame:
    """Disease code, tissue source(s) and cited reference of every row of Tables 1–3.

    Table 3 cites a reference only where it prints one instead of an NCT
    number (``[39]``).
    """
    abbreviations = data.load("abbreviations")
    parts = []
    for resource in _STUDIES:
        printed = data.load(resource)
        derived = derive.derive(resource, printed, abbreviations)
        ref = printed["ref"] if "ref" in printed else \
            printed["nct_number"].str.extract(r"^\[(\d+)\]$")[0].astype("Int64")
        parts.append(pd.DataFrame({"disease_code": derived["disease_code"], "tissue": derived["tissue"],
                                   "ref": ref.to_numpy()}))
    return pd.concat(parts, ignore_index=True)


def _derived(resource: str, frame: pd.DataFrame, abbreviations: pd.DataFrame | None,
             by_disease: bool = False) -> pd.DataFrame:
    if resource != "tissue_sources":
        return derive.derive(resource, frame, abbreviations)
    # Table 4's Source cell is already a tissue code (BM, AD, UC, UCB, DP).
    out = pd.DataFrame({"row": frame["row"], "tissue": frame["source"]})
    if by_disease:
        # Table 4 has no disease column: a source is kept for a disease when
        # a study of that disease in Tables 1–3 used it. Only read when the
        # run selects diseases, so the canonical table depends on Table 4 alone.
        codes = study_codes()
        pairs = codes.assign(tissue=codes["tissue"].str.split("+")).explode("tissue").dropna(subset=["tissue", "disease_code"])
        used = pairs.groupby("tissue")["disease_code"].agg(lambda c: "+".join(sorted(set(c))))
        out["disease_code"] = out["tissue"].map(used)
    return out


def selected_rows(derived: pd.DataFrame, run: Run) -> pd.Series:
    """Rows whose derived codes match every selecting parameter of the run."""
    keep = pd.Series(True, index=derived.index)
    for name, column in _FILTERS.items():
        if name not in run.values or column not in derived:
            continue
        chosen = run.selected(name)
        if chosen is None or chosen == ("all",):
            continue
        # A cell may name several sources ("UC+AD"); any selected one keeps the row.
        codes = derived[column].fillna("").astype(str).str.split("+")
        wanted = set(chosen)
        keep &= codes.map(lambda parts, wanted=wanted: bool(set(parts) & wanted))
    return keep


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
        labels = derived["disease_code"].map(lambda c: derive.DISEASE_CODES.get(c, c) if pd.notna(c) else c)
        out["Disease"] = _counts(labels, "disease")
    out["MSC source"] = _counts(derived["tissue"], "tissue source")
    if "host_species" in derived:
        out["Host species"] = _counts(derived["host_species"].fillna("in vitro only"), "host species")
    if resource == "clinical_trials":
        out["Phase"] = _counts(derived["phase"].fillna("not a phase"), "phase")
        out["Status"] = _counts(printed["research_status"], "research status")
        out["Modality"] = _counts(derived["modality"], "modality")
        out["Enrollment"] = pd.DataFrame({"studies": [len(printed)],
                                          "total enrollment": [int(printed["enrollment"].sum())]})
    return out


def to_html(frame: pd.DataFrame, *, uid: str, caption: str = "", footer: str = "") -> str:
    """Render a frame as a styled HTML table for people.

    pandas' Styler draws a random id into its HTML unless given ``uuid``;
    a fixed one keeps the notebook output byte-stable for nbval.
    """
    # The uid becomes a CSS id: a space would split the selector and drop the styles.
    uid = re.sub(r"[^A-Za-z0-9_-]+", "-", uid)
    styler = (
        frame.style.hide(axis="index")
        .format(escape="html")  # cells are data, never markup
        .set_uuid(uid)
        .set_table_styles([
            {"selector": "th", "props": "text-align: left; vertical-align: bottom; background: #f0f0f0;"},
            {"selector": "td", "props": "text-align: left; vertical-align: top; white-space: pre-line;"},
            {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold;"},
        ])
    )
    if caption:
        styler = styler.set_caption(html.escape(caption))
    out = styler.to_html()
    if footer:
        out += f'<p style="font-size: 85%; max-width: 60em;">{html.escape(footer)}</p>'
    return out
