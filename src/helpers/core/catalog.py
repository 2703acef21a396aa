"""The exhibits this project regenerates: one id per exhibit, used everywhere.

The id is the notebook's stem (``notebooks/table1.ipynb``), the file stem of
its outputs (``tables/table1.csv``) and its key in the manifest. Titles of
the four tables are the review's own (data, with attribution); captions are
ours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from helpers.core import paths, source
from helpers.core.vocab import CHOICES

__all__ = ["Exhibit", "EXHIBITS", "get", "SOURCE", "SOURCE_SHORT", "LICENCE", "VIEW_PARAMETERS", "views", "is_view"]

#: The review every exhibit derives from (stated once, in :mod:`helpers.core.source`).
SOURCE = source.citation()
#: How a figure's note names its source.
SOURCE_SHORT = f"Source: {source.short()}, {source.REVIEW.licence}"
LICENCE = f"{source.REVIEW.licence} (the source article); regenerated from data/ by the mscs-aging-review project"

#: The selections the site serves beside each exhibit (``make views``), declared once for every exhibit: each
#: value of these parameters alone (each disease alone, each modality alone), for the exhibits whose notebook
#: declares the parameter. An exhibit names other parameters with ``Exhibit.views``; none needs to today.
VIEW_PARAMETERS: tuple[str, ...] = ("diseases", "modality")


@dataclass(frozen=True)
class Exhibit:
    """One published exhibit and the notebook that regenerates it."""

    id: str
    kind: str  # "table", "figure", "references" or "dataset"
    title: str
    caption: str
    resource: str | None = None  # the data/ resource a table exhibit reproduces
    views: tuple[str, ...] = VIEW_PARAMETERS  # parameters whose each value alone is a view on the site

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
            "Preclinical studies the review lists for MSCs in aging-related disease, in animal or cell models as "
            "printed (a few rows treat no animal), one row per study as printed in the review.",
            "msc_studies",
        ),
        Exhibit(
            "table2",
            "table",
            "Table 2. Exploitations of MSCs-Exo in aging-related diseases",
            "Preclinical studies of exosomes, other extracellular vesicles and exosome-mimetic vesicles derived "
            "from MSCs, which the review tabulates together as exosomes, one row per study as printed.",
            "exosome_studies",
        ),
        Exhibit(
            "table3",
            "table",
            "Table 3. Clinical trials of MSCs and exosomes for the treatment of aging diseases",
            "Clinical studies of MSCs or MSC exosomes in aging-related disease as printed: registered trials, and a "
            "retrospective cohort study cited by its reference instead of an NCT number, which the review lists "
            "among them.",
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
            "Evidence map R1 (counterpart of the review's Fig. 1): processes and molecules named for MSCs and exosomes",
            "Studies of Tables 1 and 2 whose one-line Effects cell supports each mechanism or cargo category, by "
            "disease, for MSCs and for MSC-derived exosomes, with in vitro studies drawn apart; the last row of "
            "each kind counts the Effects cells that match none. An evidence map regenerated from the tables, "
            "not the article's artwork.",
        ),
        Exhibit(
            "fig2",
            "figure",
            "Evidence map R2 (counterpart of the review's Fig. 2): MSC source, pathway and "
            "transcription factor by disease",
            "Studies of Tables 1 and 2 whose one-line Effects cell names a signalling pathway family or a "
            "transcription factor, counted in whole studies by MSC tissue source, family and factor, disease by "
            "disease, for MSCs and MSC-derived exosomes, with in vitro studies drawn apart. An evidence map "
            "regenerated from the tables, not the article's artwork.",
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
            "Bench and bedside in the review's tables: preclinical rows beside clinical studies, by disease and MSC "
            "source",
            "The review's preclinical rows (Tables 1-2) and clinical studies (Table 3) counted in a disease x MSC "
            "tissue source grid, for MSCs and for MSC-derived exosomes; shading marks rows on one side only. A map "
            "of the review's sample of studies, not of the field: the selection exhibit shows which cited studies "
            "its tables leave out.",
        ),
        Exhibit(
            "trials",
            "figure",
            "Clinical studies listed in the review's Table 3: phase, status, enrollment, route and printed results",
            "The rows of Table 3 by disease and phase, mark area proportional to the printed enrollment, coloured "
            "by printed status, with the printed route and whether the Results column prints an outcome; the "
            "registered trials are drawn apart from the retrospective cohort study that Table 3 lists among them.",
        ),
        Exhibit(
            "dosing",
            "figure",
            "Doses, routes and follow-up in the preclinical studies tabulated in the review (Tables 1-2)",
            "Printed doses as quantities with units (cells, particles, masses as printed with protein not stated, "
            "and concentrations kept apart), "
            "routes, follow-up in days, and which design items the review's Tables 1-2 print for each study. The "
            "bottom panels draw each systemic (IV or IP) dose animals received, on rows the audit does not flag, per "
            "kg of a nominal adult body mass of its host species (an assumption, data/body_mass.csv or the "
            "body_mass_g parameter, not the studies' animals, whose mass the review does not report), cells/kg and "
            "µg/kg on separate axes, each route and exosome mimetics on rows of their own; local doses, flagged rows "
            "and amounts that are not a dose per animal are left out and named under the figure (as a host without a "
            "sourced mass would be; none in the canonical figure). The notebook's tables also give in vivo "
            "follow-up as a share of the host's maximum recorded lifespan (AnAge, data/lifespan.csv; a lower bound of "
            "the share of a typical life).",
        ),
        Exhibit(
            "design",
            "figure",
            "Study design: animal models, donor-host relation, and product and delivery",
            "Preclinical studies tabulated in the review, classified by animal model, by donor-to-host relation and "
            "by product and delivery (as obtained; primed, engineered or selected; or given with a biomaterial or "
            "another agent), crossed with disease and modality.",
        ),
        Exhibit(
            "audit",
            "audit",
            "An audit of the review's own consistency",
            "The places our generic rules find where the review's tables, legends and references disagree with "
            "themselves, or look unusual against a stated yardstick (the review's own or the project's) or common "
            "usage (they do not compare the body text with the tables), each with the printed evidence and the "
            "project's own verdict.",
        ),
        Exhibit(
            "timeline",
            "figure",
            "Publication years of the studies the review tabulates",
            "The preclinical studies of Tables 1-2 by the publication year of their cited reference, by modality and "
            "disease, with the share of each year's studies naming each mechanism and pathway family. The review's "
            "sample of studies, not the field: the selection exhibit shows which cited studies its tables leave out.",
        ),
        Exhibit(
            "selection",
            "figure",
            "The review's selection: its reference list parted by the role each reference plays",
            "The review's reference list parted by role and drawn like a flow diagram, though the review reports no "
            "search, screening or eligibility criteria (its list numbers the references in the order the body text "
            "cites them, each once): which references back a row of Tables 1-3 and which the text cites only, as "
            "primary studies, reviews or background, or methods and guidelines, counting table rows and references "
            "apart; with the primary studies cited in the text but not tabulated. The roles of the text-only "
            "references are our reading of the print (data/reference_roles.csv).",
        ),
        Exhibit(
            "vesicles",
            "figure",
            "Vesicles in Table 2: printed size, the cited title's term, and what the review reports of their "
            "characterisation",
            "Each preclinical row of Table 2 with its printed vesicle size (a range drawn as a line, one number as a "
            "point: the review says neither what the number is nor what the range spans), by MSC tissue source, "
            "coloured by the term the cited title uses for the product (a name, not a verified subtype), with what "
            "was done to the product beside it, the review's 30-150 nm for exosomes as a yardstick only, counts out "
            "of the rows shown, and selected MISEV2023 reporting items the review prints (isolation and "
            "characterisation methods: none).",
        ),
        Exhibit(
            "effects",
            "figure",
            "What the review's one-line Effects cells say: effect direction and outcome level of the tabulated studies",
            "The preclinical studies of Tables 1-2 by the direction of effect the review's one-line Effects summary "
            "reports and the highest outcome level its words name, for MSCs and for the vesicles of Table 2, in vivo "
            "apart from in vitro only, with a list of the cells that compare two arms head to head. What the "
            "review's summaries say, not what each study found; the review's selection, not the field.",
        ),
        Exhibit(
            "registry",
            "table",
            "Table 3 beside ClinicalTrials.gov: printed status, phase and enrollment against a dated registry snapshot",
            "Each row of Table 3 with its printed status, phase, enrollment and Results cell, beside the values of a "
            "dated ClinicalTrials.gov snapshot (status, phases, enrollment with its type, whether a results section "
            "is posted, status verified, start, completion and last update) and, for status, phase, enrollment "
            "number and enrollment type, whether the two differ, are the same, cannot be compared or were not "
            "compared. With no snapshot in data/registry/ the registry columns stay empty and nothing is compared.",
            views=(),
        ),
    ]
}


def get(exhibit: str) -> Exhibit:
    """Return an exhibit by id, or raise a KeyError listing the known ids."""
    try:
        return EXHIBITS[exhibit]
    except KeyError:
        raise KeyError(f"unknown exhibit {exhibit!r}; known: {', '.join(EXHIBITS)}") from None


def views(exhibit: str, declared: Iterable[str]) -> list[dict[str, str]]:
    """The selections the site serves for ``exhibit``: one ``{parameter: value}`` per view, in a fixed order.

    Parameters
    ----------
    exhibit : str
        The exhibit id.
    declared : iterable of str
        The parameters its notebook declares (its ``parameters`` cell): a
        view parameter the notebook does not take gives no view.

    Examples
    --------
    >>> views("trials", ["diseases", "modality", "formats"])[:2]
    [{'diseases': 'POF'}, {'diseases': 'AD'}]
    >>> len(views("table1", ["diseases", "sources", "formats"]))
    6
    """
    names = set(declared)
    return [{name: value} for name in get(exhibit).views if name in names for value in CHOICES[name]]


def is_view(exhibit: str, changed: dict[str, object]) -> bool:
    """Whether a run's non-default values (validated, ``formats``/``dpi`` included) are one of the site's views.

    A view changes exactly one view parameter, to exactly one value; any other
    change (a second disease, another dpi) makes it an ordinary run.
    """
    if len(changed) != 1:
        return False
    ((name, value),) = changed.items()
    values = value if isinstance(value, tuple) else (value,)
    return name in get(exhibit).views and len(values) == 1 and values[0] in CHOICES.get(name, ())
