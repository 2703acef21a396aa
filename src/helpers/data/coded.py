"""The coded dataset: one row per study or trial, with every derived code and quantity.

This is the dataset behind the analysis exhibits (gap map, trial landscape,
dosing, design, timeline): each of their notebooks computes its numbers
from :func:`studies` or :func:`trials` and nothing else, and the ``dataset``
notebook writes the same frames to ``tables/studies.csv`` and
``tables/trials.csv`` with a Frictionless descriptor
(``tables/datapackage.json``) so that anyone can load them validated.

The notebooks call these functions rather than read the CSV files back:
the build runs notebooks in parallel, and a notebook that read another
notebook's output would have to wait for it. Both routes give the same
rows, which a test checks.

Every row is keyed by its source table and printed row (``table``, ``row``)
and carries its ``ref``. Numbers are numbers, units are in their own
columns, and wherever a value could not be derived its ``<field>_missing``
column says why.
"""

from __future__ import annotations

import pandas as pd

from helpers.core import memo
from helpers.core.selection import Selecting, selected_rows
from helpers.core.vocab import DISEASE_CODES, PRECLINICAL_TABLES, TABLE_OF_RESOURCE
from helpers.data import curated, derive, design, quantities, tags
from helpers.data.derive import registry

__all__ = ["studies", "trials", "selected", "dictionary", "descriptor", "STUDY_COLUMNS", "TRIAL_COLUMNS"]

#: Columns of ``tables/studies.csv``: name -> (Frictionless type, description).
STUDY_COLUMNS: dict[str, tuple[str, str]] = {
    "table": ("string", "the review's table: table1 (MSCs) or table2 (MSC-derived exosomes)"),
    "row": ("integer", "the printed row number in that table"),
    "ref": ("integer", "the review's reference number for the study"),
    "year": ("integer", "publication year of the cited reference"),
    "disease_code": ("string", "POF, AD, AS, OP, SKIN or WEAK"),
    "disease": (
        "string",
        "the disease spelled out; 'Premature aging (weakness)' is the project's label for the printed 'weakness' "
        "(a Bmi-1⁻/⁻ premature-ageing model, per the row's effects)",
    ),
    "tissue": ("string", "MSC tissue source code(s), '+'-joined in printed order"),
    "donor_species": ("string", "species of the MSC donor, paired with tissue"),
    "host_species": ("string", "species of the animal host"),
    "modality": ("string", "cells (Table 1) or exosomes (Table 2)"),
    "product": ("string", "native or modified"),
    "modification": (
        "string",
        "how the product was modified: engineered, primed, biomaterial, selected, co-treatment ('+'-joined), or none",
    ),
    "model_class": (
        "string",
        "animal model class(es): natural ageing, accelerated-ageing strain, genetic, induced (chemical, Aβ peptide, "
        "immune, radiation, ovariectomy, surgical bone defect, diet), model named but induction not stated, "
        "in vitro only",
    ),
    "relation": (
        "string",
        "donor to host: xenogeneic (donor and host species differ, from the Source prefix and the Animal model); "
        "autologous, allogeneic or syngeneic only where a printed cell or the cited title says so; otherwise "
        "'same species, not specified'; 'no animal host (in vitro)'",
    ),
    "relation_evidence": ("string", "the printed cells, and any word in a cell or the cited title, behind relation"),
    "route": ("string", "route code(s), '+'-joined"),
    "route_defined": ("boolean", "every route code is defined in the table's printed legend"),
    "dose_kind": (
        "string",
        "what the printed dose counts, read with the setting and product: cells (MSCs), particles, mass as printed "
        "(a bare mass such as '150 µg'; the review does not say it is vesicle protein), mass per body mass, injected "
        "concentration (a solution given to animals; the volume, hence the amount received, is not reported in "
        "the review), in vitro concentration (in a culture dish, not a dose to an animal), or 'cells, printed for "
        "exosomes' (an exosome study whose dose is printed as a number of cells: not an MSC dose; the exosome "
        "quantity is not reported in the review)",
    ),
    "dose_low": ("number", "lowest dose arm, in dose_unit"),
    "dose_high": ("number", "highest dose arm, in dose_unit"),
    "dose_unit": ("string", "unit of dose_low and dose_high"),
    "dose_arms": ("integer", "number of dose arms printed"),
    "dose_missing": ("string", "why the dose columns are empty: no dose printed, or not in a recognised form"),
    "follow_up_days": (
        "number",
        "in vivo studies only: follow-up of the treated animals in days (a week is 7 days, a month 30, a year 365, "
        "an hour 1/24)",
    ),
    "incubation_hours": ("number", "in vitro studies only: the printed time the cultured cells were exposed, in hours"),
    "unassigned_time_days": (
        "number",
        "in vivo + in vitro studies only: the one printed time, in days; the review does not say whether it is the "
        "animals' follow-up or the culture's incubation, so it is in neither column",
    ),
    "time_arm": (
        "string",
        "what the printed Follow-up period measures: follow-up of treated animals (in vivo), incubation in culture "
        "(in vitro), or not stated in the review (in vivo + in vitro)",
    ),
    "setting": ("string", "in vivo, in vitro, or both"),
    "mechanisms": (
        "string",
        "mechanism categories the printed effects support ('; '-joined labels of data/categories.csv), empty when none",
    ),
    "pathways": ("string", "signalling pathway families the printed effects name, '; '-joined, empty when none"),
    "regulators": (
        "string",
        "transcription factors or nuclear receptors the printed effects name (not pathways), '; '-joined, "
        "empty when none",
    ),
    "cargo": ("string", "cargo the printed effects name (miRNA, other RNA, protein), '; '-joined, empty when none"),
}
#: Columns of ``tables/trials.csv``.
TRIAL_COLUMNS: dict[str, tuple[str, str]] = {
    "table": ("string", "always table3"),
    "row": ("integer", "the printed row number in Table 3"),
    "ref": ("integer", "reference number where the row prints one instead of a registry number"),
    "nct_id": ("string", "ClinicalTrials.gov identifier, where printed"),
    "registered": ("boolean", "the row prints a registry (NCT) number"),
    "design": (
        "string",
        "registered trial (NCT number and phase printed), retrospective cohort study or retrospective study "
        "(the Phases cell describes a retrospective study; cohort only where the cited title says so)",
    ),
    "disease_code": ("string", "POF, AD, AS, OP, SKIN or WEAK"),
    "disease": ("string", "the disease spelled out"),
    "tissue": ("string", "MSC tissue source code(s)"),
    "modality": ("string", "cells or exosomes"),
    "route": ("string", "route code(s) of the printed migration method"),
    "phase": ("string", "trial phase as printed (1, 1/2, 2); missing for a retrospective study"),
    "status": ("string", "research status as printed"),
    "enrollment": (
        "integer",
        "participants as printed in the Enrollment column; whether actual or anticipated is not stated in the review",
    ),
}


def _with_reasons(frame: pd.DataFrame, columns: dict) -> pd.DataFrame:
    """Order the columns, each derived one followed by its ``_missing`` reason where it has one."""
    order = []
    for name in columns:
        order.append(name)
        if f"{name}_missing" in frame and f"{name}_missing" not in columns:
            order.append(f"{name}_missing")
    return frame[order].reset_index(drop=True)


def _years() -> dict[int, int]:
    refs = curated.load("references")
    return dict(zip(refs["ref"].astype(int), refs["year"].astype(int)))


def _categories(printed: pd.DataFrame, resource: str) -> pd.DataFrame:
    """The categories each study's printed effects support, one column per kind."""
    tagged = tags.tag_rows({resource: printed}, tags.load_lexicon(), tags.load_curated())
    out = {}
    for kind, column in (
        ("mechanism", "mechanisms"),
        ("pathway", "pathways"),
        ("regulator", "regulators"),
        ("cargo", "cargo"),
    ):
        part = tagged[tagged["kind"] == kind]
        labels = part.groupby("row")["label"].agg(lambda s: "; ".join(sorted(s)))
        out[column] = printed["row"].astype(int).map(labels).fillna("").astype("string")
    return pd.DataFrame(out, index=printed.index)


def studies() -> pd.DataFrame:
    """Tables 1 and 2 coded: one row per preclinical study (see :data:`STUDY_COLUMNS`).

    Remembered between notebooks while the library and its input files stay the same (:mod:`helpers.core.memo`).
    """
    return memo.remembered("studies", _studies)


def trials() -> pd.DataFrame:
    """Table 3 coded: one row per clinical study (see :data:`TRIAL_COLUMNS`); remembered like :func:`studies`."""
    return memo.remembered("trials", _trials)


def _studies() -> pd.DataFrame:
    abbreviations, years, parts = curated.load("abbreviations"), _years(), []
    for resource in PRECLINICAL_TABLES:
        printed = curated.load(resource)
        frame = derive.derive(resource, printed, abbreviations).drop(
            columns=[
                "dose_low",
                "dose_high",
                "dose_unit",
                "dose_arms",
                "dose_low_missing",
                "dose_high_missing",
                "dose_unit_missing",
                "dose_arms_missing",
            ]
        )
        frame.insert(0, "table", TABLE_OF_RESOURCE[resource])
        frame["year"] = frame["ref"].map(lambda r: years.get(int(r))).astype("Int64")
        frame["disease"] = frame["disease_code"].map(DISEASE_CODES).astype("string")
        doses = quantities.dose_table(printed, resource, derive.legend_route_codes(abbreviations))
        frame = frame.join(doses.drop(columns=["row", "ref"]))
        # What a dose means depends on the setting and product (injected vs in a dish; cells for exosomes).
        kinds = [quantities.coded_kind(*k) for k in zip(frame["dose_kind"], frame["modality"], frame["setting"])]
        frame["dose_kind"] = pd.Series(kinds, index=frame.index, dtype="string")
        frame = frame.join(design.classify(printed, resource, references=curated.load("references")))
        frame = frame.join(_categories(printed, resource))
        parts.append(frame)
    return _with_reasons(pd.concat(parts, ignore_index=True), STUDY_COLUMNS)


def _trials() -> pd.DataFrame:
    printed = curated.load("clinical_trials")
    frame = derive.derive("clinical_trials", printed, curated.load("abbreviations"))
    frame.insert(0, "table", "table3")
    frame["ref"] = printed["nct_number"].str.extract(r"^\[(\d+)\]$")[0].astype("Int64")
    frame["registered"] = frame["nct_id"].notna().astype("boolean")
    refs = curated.load("references")
    titles = dict(zip(refs["ref"].astype(int), refs["title"]))
    designs = [
        registry.design(p, n, titles.get(int(r), "") if pd.notna(r) else "")
        for p, n, r in zip(printed["phases"], printed["nct_number"], frame["ref"])
    ]
    frame["design"] = pd.Series([d.value for d in designs], dtype="string")
    frame["design_missing"] = pd.Series([d.reason for d in designs], dtype="string")
    frame["disease"] = frame["disease_code"].map(DISEASE_CODES).astype("string")
    frame["status"] = printed["research_status"].astype("string")
    frame["enrollment"] = printed["enrollment"].astype("Int64")
    return _with_reasons(frame, TRIAL_COLUMNS)


def _fields(frame: pd.DataFrame, columns: dict[str, tuple[str, str]]) -> list[dict]:
    fields = []
    for name in frame.columns:
        if name.endswith("_missing") and name not in columns:
            base = name.removesuffix("_missing")
            fields.append(
                {
                    "name": name,
                    "type": "string",
                    "description": f"why {base} could not be derived from the printed cells; empty when it was",
                }
            )
        else:
            kind, text = columns[name]
            fields.append({"name": name, "type": kind, "description": text})
    return fields


def descriptor(study_frame: pd.DataFrame, trial_frame: pd.DataFrame) -> dict:
    """The Frictionless data package describing ``studies.csv`` and ``trials.csv``."""
    from helpers.core.catalog import LICENCE, SOURCE

    def resource(name: str, frame: pd.DataFrame, columns: dict, title: str) -> dict:
        return {
            "name": name,
            "path": f"{name}.csv",
            "title": title,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": _fields(frame, columns), "primaryKey": ["table", "row"], "missingValues": [""]},
        }

    return {
        "name": "li-bai-2025-msc-aging-coded",
        "title": "Coded studies and trials of Li & Bai (2025): every derived code and quantity, one row per study",
        "description": "Regenerated from data/ by the mscs-aging-review project (notebooks/dataset.ipynb). Each row "
        "is keyed by its source table and printed row; *_missing columns say why a value is absent.",
        "sources": [{"title": SOURCE}],
        "licenses": [{"name": "CC-BY-NC-ND-4.0", "title": LICENCE}],
        "resources": [
            resource("studies", study_frame, STUDY_COLUMNS, "Preclinical studies of Tables 1 and 2, coded"),
            resource("trials", trial_frame, TRIAL_COLUMNS, "Clinical studies of Table 3, coded"),
        ],
    }


def dictionary() -> pd.DataFrame:
    """Every column of both files with its type and meaning (the same words as the descriptor)."""
    rows = [
        (name, column, kind, text)
        for name, columns in (("studies.csv", STUDY_COLUMNS), ("trials.csv", TRIAL_COLUMNS))
        for column, (kind, text) in columns.items()
    ]
    rows.append(("both", "<field>_missing", "string", "why <field> could not be derived; empty when it was"))
    return pd.DataFrame(rows, columns=["file", "column", "type", "meaning"])


def selected(run: Selecting) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The coded studies and trials that a run's selecting parameters keep."""
    study_frame, trial_frame = studies(), trials()
    return (
        study_frame[selected_rows(study_frame, run)].reset_index(drop=True),
        trial_frame[selected_rows(trial_frame, run)].reset_index(drop=True),
    )
