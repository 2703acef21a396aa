"""The exhibits this project regenerates: one id per exhibit, used everywhere.

The id is the notebook's stem (``notebooks/table1.ipynb``), the file stem of
its outputs (``tables/table1.csv``) and its key in the manifest. Titles of
the four tables are the review's own (data, with attribution); captions are
ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpers.core import paths, source

__all__ = ["Exhibit", "EXHIBITS", "get", "SOURCE", "SOURCE_SHORT", "LICENCE"]

#: The review every exhibit derives from (stated once, in :mod:`helpers.core.source`).
SOURCE = source.citation()
#: How a figure's note names its source.
SOURCE_SHORT = f"Source: {source.short()}, {source.REVIEW.licence}"
LICENCE = f"{source.REVIEW.licence} (the source article); regenerated from data/ by the mscs-aging-review project"


@dataclass(frozen=True)
class Exhibit:
    """One published exhibit and the notebook that regenerates it."""

    id: str
    kind: str  # "table", "figure", "references" or "dataset"
    title: str
    caption: str
    resource: str | None = None  # the data/ resource a table exhibit reproduces

    @property
    def folder(self) -> Path:
        """The canonical folder of this exhibit's files."""
        return paths.FIGURES_DIR if self.kind == "figure" else paths.TABLES_DIR


EXHIBITS: dict[str, Exhibit] = {
    e.id: e
    for e in [
        Exhibit(
            "table1",
            "table",
            "Table 1. Exploitations of MSCs in aging-related diseases",
            "Preclinical studies that treated models of aging-related disease with MSCs, "
            "one row per study as printed in the review.",
            "msc_studies",
        ),
        Exhibit(
            "table2",
            "table",
            "Table 2. Exploitations of MSCs-Exo in aging-related diseases",
            "Preclinical studies that used MSC-derived exosomes, one row per study as printed.",
            "exosome_studies",
        ),
        Exhibit(
            "table3",
            "table",
            "Table 3. Clinical trials of MSCs and exosomes for the treatment of aging diseases",
            "Registered clinical studies of MSCs or MSC exosomes in aging-related disease, as printed.",
            "clinical_trials",
        ),
        Exhibit(
            "table4",
            "table",
            "Table 4. Advantages and limitations of MSCs from different tissue sources",
            "How each MSC tissue source is obtained and what speaks for and against it, as printed.",
            "tissue_sources",
        ),
        Exhibit(
            "fig1",
            "figure",
            "Fig. 1. Anti-aging mechanisms of MSCs and MSC-derived exosomes: evidence map",
            "Preclinical studies of Tables 1 and 2 whose printed effects support each mechanism or cargo "
            "category, by disease, for MSCs and for MSC-derived exosomes; the last row of each kind counts "
            "the studies that name none. An evidence map regenerated from the tables, not the article's "
            "artwork.",
        ),
        Exhibit(
            "fig2",
            "figure",
            "Fig. 2. MSC source, disease and signalling pathway: evidence flows",
            "Preclinical studies of Tables 1 and 2 that name a signalling pathway family, traced from MSC "
            "tissue source to disease to pathway family. Each study weighs 1, split equally among its "
            "sources and among its families, so every column totals the number of studies drawn. An "
            "evidence diagram regenerated from the tables, not the article's artwork.",
        ),
        Exhibit(
            "references",
            "references",
            "References of Li & Bai (2025)",
            "The review's references as printed, with the DOIs and PMIDs they print (some of which are wrong and "
            "were not corrected), as BibTeX and CSV.",
            "references",
        ),
        # Beyond the paper: analyses the review does not compute, made from the coded dataset.
        Exhibit(
            "dataset",
            "dataset",
            "Coded studies and trials of Li & Bai (2025)",
            "One row per preclinical study (tables/studies.csv) and per clinical study (tables/trials.csv) with "
            "every derived code and quantity, described by tables/datapackage.json.",
        ),
        Exhibit(
            "gapmap",
            "figure",
            "From bench to bedside: preclinical studies beside clinical trials, by disease and MSC source",
            "Preclinical studies of Tables 1-2 and clinical studies of Table 3 counted in a disease x MSC tissue "
            "source grid, for MSCs and for MSC-derived exosomes; shading marks evidence on one side only.",
        ),
        Exhibit(
            "trials",
            "figure",
            "The clinical trial landscape: phase, status, enrollment and route",
            "Every clinical study of Table 3 by disease and phase, sized by its printed enrollment, coloured by "
            "status, with its route; the retrospective study without a registry number is marked.",
        ),
        Exhibit(
            "dosing",
            "figure",
            "Doses, routes and follow-up in the preclinical studies",
            "Printed doses as quantities with units (cells, particles, protein mass and concentrations kept apart), "
            "routes, follow-up in days, and which design items each study reports.",
        ),
        Exhibit(
            "design",
            "figure",
            "Study design: animal models, donor-host relation and modified products",
            "Preclinical studies classified by animal model, by donor-to-host relation and by native or modified "
            "MSC product, crossed with disease and modality.",
        ),
        Exhibit(
            "audit",
            "audit",
            "An audit of the review's own consistency",
            "The places our generic rules find where the review's tables, legends and references disagree with "
            "themselves (the body text is outside their scope), each with the printed evidence and the project's "
            "own verdict.",
        ),
        Exhibit(
            "timeline",
            "figure",
            "How the field moved: publication years of the cited studies",
            "Preclinical studies by publication year of their cited reference, by modality and disease, with the "
            "mechanisms and pathway families named each year.",
        ),
    ]
}


def get(exhibit: str) -> Exhibit:
    """Return an exhibit by id, or raise a KeyError listing the known ids."""
    try:
        return EXHIBITS[exhibit]
    except KeyError:
        raise KeyError(f"unknown exhibit {exhibit!r}; known: {', '.join(EXHIBITS)}") from None
