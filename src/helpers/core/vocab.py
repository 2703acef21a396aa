"""The project's fixed vocabulary, stated once: tables, codes and parameter choices.

Every other module (derivations, tagging, parameters, table layout) and the
comments of the notebooks' ``parameters`` cells read these names from here;
``tests/unit/core/test_vocab.py`` fails when a notebook comment and this module
disagree. Labels are ours; the codes are the abbreviations the review prints.
"""

from __future__ import annotations

__all__ = [
    "PRINTED_TABLES",
    "STUDY_TABLES",
    "PRECLINICAL_TABLES",
    "TABLE_OF_RESOURCE",
    "RESOURCE_OF_TABLE",
    "DISEASE_CODES",
    "TISSUE_CODES",
    "SPECIES",
    "HOST_SPECIES",
    "MODALITIES",
    "ALL",
    "CHOICES",
    "FORMATS",
    "FLAGGED",
    "EDITIONS",
    "REFERENCE_ROLES",
]

#: The review's four printed tables: ``data/`` resource -> exhibit id.
TABLE_OF_RESOURCE: dict[str, str] = {
    "msc_studies": "table1",
    "exosome_studies": "table2",
    "clinical_trials": "table3",
    "tissue_sources": "table4",
}
RESOURCE_OF_TABLE: dict[str, str] = {table: resource for resource, table in TABLE_OF_RESOURCE.items()}
PRINTED_TABLES: tuple[str, ...] = tuple(TABLE_OF_RESOURCE)

#: The tables with one row per study or trial (they carry disease and source cells).
STUDY_TABLES: tuple[str, ...] = ("msc_studies", "exosome_studies", "clinical_trials")

#: The preclinical tables, with the modality each one studies (in output order).
PRECLINICAL_TABLES: dict[str, str] = {"msc_studies": "cells", "exosome_studies": "exosomes"}

#: Disease code -> readable label.
DISEASE_CODES: dict[str, str] = {
    "POF": "Premature ovarian failure",
    "AD": "Alzheimer's disease",
    "AS": "Atherosclerosis",
    "OP": "Osteoporosis",
    "SKIN": "Skin aging",
    "WEAK": "Premature aging (weakness)",
}

#: MSC tissue code -> readable label.
TISSUE_CODES: dict[str, str] = {
    "UC": "Umbilical cord",
    "UCB": "Umbilical cord blood",
    "BM": "Bone marrow",
    "AD": "Adipose tissue",
    "AM": "Amniotic membrane",
    "DP": "Dental pulp",
}

#: Species names used for donors and hosts.
SPECIES: tuple[str, ...] = ("human", "mouse", "rat", "rabbit")
#: Species that appear as animal hosts in Tables 1-2.
HOST_SPECIES: tuple[str, ...] = ("mouse", "rat", "rabbit")
#: What a study administers: the cells themselves or their exosomes.
MODALITIES: tuple[str, ...] = ("cells", "exosomes")
#: Whether a study used its MSC product as obtained or modified it (primed,
#: engineered, on a biomaterial, selected, or given with a drug).
PRODUCTS: tuple[str, ...] = ("native", "modified")

#: The word that selects everything in a list parameter.
ALL = "all"

#: Allowed values of the shared selecting parameters, by parameter name.
CHOICES: dict[str, tuple[str, ...]] = {
    "diseases": tuple(DISEASE_CODES),
    "sources": tuple(TISSUE_CODES),
    "host_species": HOST_SPECIES,
    "modality": MODALITIES,
    "product": PRODUCTS,
}
#: Selecting parameters that take one value (or "all") rather than a list.
SINGLE_CHOICE: tuple[str, ...] = ("modality", "product")

#: Choices of the ``flagged`` parameter: what a run does with rows the audit flags
#: (:mod:`helpers.data.flags`): ``keep`` does not consult the audit (nothing marked, "audit
#: flags not shown"), ``mark`` keeps the rows and marks them (the dataset: adds the audit
#: columns), ``drop`` leaves the flagged rows out of every selection
#: (:func:`helpers.core.selection.left_out`; the dataset keeps the columns).
FLAGGED: tuple[str, ...] = ("keep", "mark", "drop")

#: Editions of the data (the ``edition`` parameter): ``printed`` is the review as printed (``data/``),
#: ``current`` adds the validated studies, trials and references of ``data/additions/``.
EDITIONS: tuple[str, ...] = ("printed", "current")
#: The one role each of the review's references plays (``data/reference_roles.csv``), in the order the
#: selection exhibit shows them: the first three follow from the printed tables (a row cites the reference, or
#: the reference's entry prints a tabulated trial's NCT number); the last three are read from the body text
#: and the reference's title.
REFERENCE_ROLES: tuple[str, ...] = (
    "tabulated MSC study",
    "tabulated exosome study",
    "source of a tabulated trial",
    "primary study, cited in the text only",
    "review or background",
    "method or guideline",
)

#: File formats each kind of exhibit can be written in, in writing order.
FORMATS: dict[str, tuple[str, ...]] = {
    "table": ("csv", "md", "tex", "xlsx"),
    "figure": ("png", "svg", "pdf"),
    "references": ("bib", "csv"),
    "dataset": ("csv",),
    "audit": ("csv", "md"),
}
