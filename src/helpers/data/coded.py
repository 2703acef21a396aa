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

import re

import pandas as pd

from helpers.core import memo
from helpers.core.selection import Selecting, selected_rows
from helpers.core.vocab import (
    DISEASE_CODES,
    HOST_SPECIES,
    MODALITIES,
    PRECLINICAL_TABLES,
    PRODUCTS,
    SPECIES,
    TABLE_OF_RESOURCE,
    TISSUE_CODES,
)
from helpers.data import bodymass, curated, derive, design, quantities, tags
from helpers.data.derive import outcomes, registry, sex, vesicles
from helpers.data.derive.followup import TIME_ARMS
from helpers.data.derive.modification import MODIFICATIONS

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
    "product": (
        "string",
        "native: MSCs or exosomes used as obtained, nothing else printed; modified: not used as obtained, either "
        "changed themselves (engineered, primed, selected) or only given on a carrier or with another agent "
        "(biomaterial, co-treatment), which leaves the cells or vesicles unchanged; modification says which",
    ),
    "modification": (
        "string",
        "how the product was changed (engineered, primed, selected) or co-delivered (biomaterial: on a carrier; "
        "co-treatment: with another agent), '+'-joined, or none",
    ),
    "model_class": (
        "string",
        "animal model class(es): natural ageing, accelerated-ageing strain, genetic (a knockout or a named "
        "transgenic line; a printed 'transgenic' counts too where no transgene is named, which the review then does "
        "not report, as in 'D-gal induces transgenic FVB mouse model'), induced (chemical, Aβ peptide, "
        "immune, radiation, ovariectomy, surgical bone defect, diet), model named but induction not stated, "
        "in vitro only",
    ),
    "relation": (
        "string",
        "donor to host: xenogeneic (donor and host species differ, from the Source prefix and the Animal model); "
        "autologous, allogeneic or syngeneic only where a printed cell or the cited title says so; otherwise "
        "'same species, not specified'; 'no animal host (in vitro)'",
    ),
    "relation_evidence": (
        "string",
        "the printed cells, and any word in a cell, the cited title or the review's text, behind relation",
    ),
    "sex": (
        "string",
        "sex of the treated animals: 'female (implied by the model)' where the printed Disease or Animal model cell "
        "names an ovarian-failure (POF) or ovariectomy (OVX) model, which can only be made in females; a sex only "
        "where a printed cell names one (none does); otherwise empty, not reported in the review; empty and not "
        "applicable for in vitro only rows",
    ),
    "sex_evidence": ("string", "the printed cell and words behind sex"),
    "route": ("string", "route code(s), '+'-joined"),
    "route_defined": (
        "boolean",
        "true when every route code is one the table's printed legend defines, false when a printed code is not "
        "(MI); empty when the route is printed as a plain word, an injection site (Hippocampus, Femur, back sides) "
        "or a co-culture (not a route of administration), which no legend code can define",
    ),
    "dose_kind": (
        "string",
        "what the printed dose counts, read with the setting and product: cells (MSCs), particles, mass as printed "
        "(a bare mass such as '150 µg'; the review does not say it is vesicle protein), mass per body mass, injected "
        "concentration (a solution given to animals; the volume, hence the amount received, is not reported in "
        "the review), in vitro concentration (in a culture dish, not a dose to an animal), or 'cells, printed for "
        "exosomes' (an exosome study whose dose is printed as a number of cells, most likely the producer cells "
        "the vesicles came from, as the review states a clinical exosome dose as 'equivalent to 30 million cells': "
        "not an MSC dose; the exosome quantity is not reported in the review)",
    ),
    "dose_low": ("number", "lowest dose arm, in dose_unit"),
    "dose_high": ("number", "highest dose arm, in dose_unit"),
    "dose_unit": ("string", "unit of dose_low and dose_high"),
    "dose_arms": ("integer", "number of dose arms printed"),
    "dose_missing": ("string", "why the dose columns are empty: no dose printed, or not in a recognised form"),
    "dose_per_kg_low": (
        "number",
        "lowest dose arm per kg of body mass, for doses given to animals only (in vivo, or the in vivo arm of an in "
        "vivo + in vitro study): the per-animal dose divided by a nominal adult body mass of the host species "
        "(data/body_mass.csv, a sourced assumption, not the studies' animals), or a dose printed per kg restated in "
        "µg/kg. Kinds stay apart (dose_per_kg_unit); concentrations and cells printed for exosomes are never converted",
    ),
    "dose_per_kg_high": ("number", "highest dose arm per kg of body mass, as dose_per_kg_low"),
    "dose_per_kg_unit": ("string", "unit of dose_per_kg_low and dose_per_kg_high: cells/kg, particles/kg or µg/kg"),
    "dose_per_kg_basis": (
        "string",
        "how the dose per kg was obtained: printed per kg, or per animal divided by the nominal body mass named here",
    ),
    "dose_per_kg_delivery": (
        "string",
        "whether the dose per kg is one the whole body received: 'systemic (IV or IP)' (an IV or IP dose not in a "
        "scaffold or hydrogel; IP cells may largely stay in the peritoneal cavity) or 'local (per kg of whole body not "
        "meaningful)' (into an ovary, the brain or the nose, under the skin of a skin model, a bone or an implant "
        "site, or in a scaffold or hydrogel): a local dose divided by whole-body mass says little about the dose at "
        "its site",
    ),
    "dose_per_kg_missing": ("string", "why the dose per kg columns are empty"),
    "follow_up_days": (
        "number",
        "in vivo studies only: follow-up of the treated animals in days (a week is 7 days, a month 30, a year 365, "
        "an hour 1/24)",
    ),
    "follow_up_lifespan_share": (
        "number",
        "in vivo studies only: follow_up_days divided by the host species' lifespan in days (data/lifespan.csv: the "
        "maximum longevity in captivity that AnAge records, 4 years for the mouse, 3.8 for the rat; a record, not a "
        "typical life, so the share of a typical life is larger)",
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
    "setting": (
        "string",
        "in vivo, in vitro, or in vivo + in vitro, as the row's printed Animal model, In vitro model and route cells "
        "show; 'in vitro' means the row prints no animal model or in vivo route, not that the cited study used no "
        "animal (audit W6 and R rules compare the effects and the cited title)",
    ),
    "animal_work_words": (
        "string",
        "in vitro studies only: the words of the printed Effects cell and of the cited title that speak of work in "
        "animals or of a route into a body; where there are any, the cited study probably also treated animals, "
        "which the row does not print, so time_arm, incubation_hours and an in vitro dose describe the dish part "
        "only (audit W6 and W8, the transcription notes)",
    ),
    "size_low_nm": ("number", "Table 2 only: smallest printed vesicle size (diameter) in nm"),
    "size_high_nm": ("number", "Table 2 only: largest printed vesicle size in nm (equal to size_low_nm for one size)"),
    "size_kind": (
        "string",
        "Table 2 only: the form the printed Size/nm cell takes, 'single value' (one number) or 'range' (two numbers, "
        "size_low_nm to size_high_nm); the review says neither whether one number is a mean, a median or a peak nor "
        "what a range spans (no cell prints 'mean', '±' or 'peak'), so the two are different kinds of number and "
        "are never compared as one",
    ),
    "vesicle_type": (
        "string",
        "Table 2 only: the term the cited title uses for the product (its authors' word, not a verified subtype: the "
        "review reports no biogenesis, marker or subtype evidence), first rule that applies: exosome-mimetic "
        "('mimetic': made from cells, not secreted by them), conditioned medium (a secretome product that holds "
        "vesicles, not a kind of vesicle), extracellular vesicles or exosomes (the one the title names), none named "
        "(the title names no vesicle product; row 9 [58] names the cells, and its Effects cell's 'exosomal' is a "
        "mechanism). What was done to the product (engineering, priming, a carrier) is the modification column, not "
        "this one",
    ),
    "vesicle_type_evidence": (
        "string",
        "the printed words behind vesicle_type (the cited title's) and the other vesicle words the row's Effects cell "
        "and the title print",
    ),
    "mechanisms": (
        "string",
        "mechanism categories the printed effects support ('; '-joined labels of data/categories.csv)",
    ),
    "pathways": ("string", "signalling pathway families the printed effects name, '; '-joined"),
    "regulators": (
        "string",
        "transcription factors or nuclear receptors the printed effects name (not pathways), '; '-joined",
    ),
    "cargo": (
        "string",
        "the molecule the printed effects name as the product's mediator (miRNA, other RNA, protein), '; '-joined: "
        "for vesicles what they carry, for cells (Table 1) an RNA they were made to express or a protein they make, "
        "such as CD39 on the surface of ref 42's MSCs, which is the cells' own product and not carried cargo; "
        "'circRNA or lncRNA' is one category (data/categories.csv's 'circRNA, lncRNA'): the row names either class, "
        "not both",
    ),
    "effect_direction": (
        "string",
        "what the printed Effects cell reports of the treatment against the untreated or disease control: improved, "
        "prospect only (a benefit stated only as a prospect, no outcome named), mixed, no effect, worse, or 'not "
        "stated' in the Effects cell (it names mechanisms, safety or delivery without a direction; effect_instead "
        "says which; the body text may say more, data/text_statements.csv); cue words in data/outcome_cues.csv, "
        "codes defined in data/outcome_codes.csv",
    ),
    "effect_instead": (
        "string",
        "for a 'not stated' direction, what the Effects cell prints instead: mechanism only, safety only, delivery "
        "only, or delivery and safety only",
    ),
    "outcome_level": (
        "string",
        "the highest level of outcome the printed Effects cell names: organism (function or phenotype of the animal), "
        "tissue (structure or histology of an organ), cellular or molecular, or 'not stated' (only a therapeutic "
        "effect or a prospect is printed); the level of the cell's words, whatever the row's setting",
    ),
    "comparison": (
        "boolean",
        "true when the printed Effects cell compares head to head two MSC tissue sources or two products (modified "
        "vs as obtained, with vs without a carrier or co-agent) and says which did better",
    ),
    "comparison_what": ("string", "the two arms compared, read from the cell's sources or the row's modification"),
    "comparison_better": ("string", "the arm the printed Effects cell says did better"),
    "outcome_evidence": (
        "string",
        "the printed words behind effect_direction, outcome_level and comparison (the cue each matched)",
    ),
    "curated_out": (
        "string",
        "categories a pattern finds in the printed effects but data/curated_tags.csv leaves out of mechanisms, "
        "pathways, regulators or cargo for this row, each with the curation's reason: 'kind label: why', "
        "' | '-joined; the column keeps what it leaves out visible where the category column still has a value",
    ),
    "review_text": (
        "string",
        "what the review's own text (not its table) says of this study where it bears on how the row is coded "
        "(setting, host, route, relation, modification, in vitro model), on a category the row's effects name but "
        "data/curated_tags.csv leaves out, or on which study a citation points to (the text swaps [74] and [75]): "
        "'section: 'words as printed' (what they bear on)', ' | '-joined (data/text_statements.csv); a statement "
        "on the modification is also read into modification. Not recorded: mechanisms the text alone names (the "
        "pathways and other category columns are read from the printed Effects cells only), so an empty value "
        "does not mean that the text says nothing more of the study",
    ),
    "transcription_notes": (
        "string",
        "our notes on the row's printed cells, ' | '-joined (data/transcription_notes.csv, shown under the table "
        "too): what a cell very probably means, where the review's own text or a cited title disagrees with it, "
        "or what the print leaves unverified (results for which no publication is cited; what a cited title "
        "implies); the cells and codes stay as printed",
    ),
}
#: Columns of studies.csv that list categories (empty when the effects name none, with that reason beside it).
_CATEGORY_COLUMNS: tuple[str, ...] = ("mechanisms", "pathways", "regulators", "cargo")
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
    "relation": (
        "string",
        "donor to patient, where the Purpose cell prints it: autologous or allogeneic; empty otherwise (not "
        "reported in the review)",
    ),
    "modification": (
        "string",
        "how the product was changed or co-delivered, as the Purpose cell names it (engineered, primed, "
        "biomaterial, selected, co-treatment, '+'-joined), or none",
    ),
    "route": ("string", "route code(s) of the printed migration method"),
    "phase": ("string", "trial phase as printed (1, 1/2, 2); missing for a retrospective study"),
    "status": ("string", "research status as printed"),
    "enrollment": (
        "integer",
        "participants as printed in the Enrollment column; whether actual or anticipated is not stated in the review",
    ),
    "results_printed": (
        "boolean",
        "the Results column prints a summary of results (true) or the words 'No results published' (false), as "
        "the cell prints it. Where the results appeared differs by row: for row 12 the review cites ref 64, a "
        "phase I/II trial report whose reference entry carries the row's NCT number, and row 17 prints its "
        "source, ref 39; for rows 2, 3, 4 and 9 the review cites no publication, and where their results appeared is "
        "not reported in the review. "
        "Rows 8 and 11 print false, but the review's text reports results for both (transcription_notes). No "
        "summary was checked against the registry",
    ),
    "results": ("string", "the Results cell as printed in Table 3"),
    "transcription_notes": STUDY_COLUMNS["transcription_notes"],
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


def _animal_work_words(printed: pd.DataFrame, setting: pd.Series) -> pd.DataFrame:
    """``animal_work_words`` and its reason: on an in vitro only row, what the Effects cell and the cited title say
    of animal work (dataset fifth reading 5.4: refs 58 and 74 are coded as culture incubations, as printed)."""
    titles = dict(zip(curated.load("references")["ref"].astype(int), curated.load("references")["title"].astype(str)))
    words, reasons = [], []
    for ref, effects, where in zip(printed["ref"].astype(int), printed["effects"].astype(str), setting):
        if where != "in vitro":
            words.append(pd.NA)
            reasons.append("not an in vitro only row: its printed animal model and in vivo route show the animal work")
            continue
        said = [
            f"{place} {found}"
            for place, found in (
                ("Effects cell", design.title_animal_words(effects)),
                ("cited title", design.title_animal_words(titles.get(ref, ""))),
            )
            if found
        ]
        words.append("; ".join(said) if said else pd.NA)
        reasons.append("" if said else "no word of the Effects cell or the cited title speaks of animal work")
    return pd.DataFrame(
        {
            "animal_work_words": pd.array(words, dtype="string"),
            "animal_work_words_missing": pd.array(reasons, dtype="string"),
        },
        index=printed.index,
    )


def _categories(printed: pd.DataFrame, resource: str) -> pd.DataFrame:
    """The categories each study's printed effects support, one column per kind."""
    tagged = tags.tag_rows({resource: printed}, tags.load_lexicon(), tags.load_curated())
    removed = _removed_by_curation(resource)
    out = {}
    for kind, column in (
        ("mechanism", "mechanisms"),
        ("pathway", "pathways"),
        ("regulator", "regulators"),
        ("cargo", "cargo"),
    ):
        part = tagged[tagged["kind"] == kind]
        # A label that lists two classes ("circRNA, lncRNA") is one category, either class: "or" says so in a
        # cell that already joins categories (dataset fifth reading 5.2; figures keep data/categories.csv's label).
        one = (lambda x: x.replace(", ", " or ")) if kind == "cargo" else (lambda x: x)
        labels = part.groupby("row")["label"].agg(lambda s, one=one: "; ".join(sorted(one(x) for x in s)))
        # Looked up row by row, not Series.map + fillna: for rows that name no category of this kind, map gives a
        # float column, and filling it with "" is deprecated by pandas (an error in pandas 4).
        out[column] = pd.array([labels.get(int(r), "") for r in printed["row"]], dtype="string")
        gone = removed.get(kind, {})
        out[f"{column}_removed"] = pd.array([gone.get(int(r), "") for r in printed["row"]], dtype="string")
    why = _curated_out(resource)
    out["curated_out"] = pd.array([why.get(int(r), pd.NA) for r in printed["row"]], dtype="string")
    out["curated_out_missing"] = pd.array(
        ["" if int(r) in why else _RECORDED["curated_out"] for r in printed["row"]], dtype="string"
    )
    return pd.DataFrame(out, index=printed.index)


def _curated_out(resource: str) -> dict[int, str]:
    """Per printed row, what data/curated_tags.csv leaves out and why (``kind label: evidence``, ' | '-joined).

    Shown in the row itself, also where the category column keeps other values (dataset third reading 3.2:
    Table 2 row 24 keeps circRNA, lncRNA while its miRNA is left out).
    """
    names = dict(zip(zip(*(tags.load_categories()[c] for c in ("kind", "tag"))), tags.load_categories()["label"]))
    rows = tags.load_curated()
    gone = rows[(rows["table"] == resource) & (rows["action"] == "remove")]
    out: dict[int, list[str]] = {}
    for kind, tag, row, evidence in zip(gone["kind"], gone["tag"], gone["row"].astype(int), gone["evidence"]):
        out.setdefault(row, []).append(f"{kind} {names.get((kind, tag), tag)}: {evidence}")
    return {row: " | ".join(said) for row, said in out.items()}


def _removed_by_curation(resource: str) -> dict[str, dict[int, str]]:
    """Per kind and printed row, the categories data/curated_tags.csv takes away from what the effects name.

    An empty column then does not mean that the effects name none (dataset third reading 3.2: ref 31's
    effects print "Nrf2 signaling pathway").
    """
    names = dict(zip(zip(*(tags.load_categories()[c] for c in ("kind", "tag"))), tags.load_categories()["label"]))
    curated_rows = tags.load_curated()
    gone = curated_rows[(curated_rows["table"] == resource) & (curated_rows["action"] == "remove")]
    out: dict[str, dict[int, list[str]]] = {}
    for kind, tag, row in zip(gone["kind"], gone["tag"], gone["row"].astype(int)):
        out.setdefault(kind, {}).setdefault(row, []).append(names.get((kind, tag), tag))
    # Two categories of one kind taken from one row are both named, joined as the category columns join theirs.
    return {kind: {row: "; ".join(sorted(labels)) for row, labels in rows.items()} for kind, rows in out.items()}


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
        frame = frame.join(vesicles.classify(printed, resource, curated.load("references")))
        frame = frame.join(_categories(printed, resource))
        frame = frame.join(_animal_work_words(printed, frame["setting"]))
        frame = frame.join(outcomes.outcomes(frame, printed["effects"]))
        said = [sex.sex(*cells) for cells in zip(printed["disease"], printed["animal_model"], frame["setting"])]
        frame["sex"] = pd.array([d.value for d, _ in said], dtype="string")
        frame["sex_missing"] = pd.array([d.reason for d, _ in said], dtype="string")
        frame["sex_evidence"] = pd.array([e or pd.NA for _, e in said], dtype="string")
        frame["transcription_notes"], frame["transcription_notes_missing"] = _transcription_notes(
            resource, printed["row"]
        )
        parts.append(frame)
    frame = _with_text(pd.concat(parts, ignore_index=True), curated.load("text_statements"))
    frame = frame.join(bodymass.per_kg(frame)).join(bodymass.lifespan_share(frame))
    for column in ("size_low_nm", "size_high_nm"):
        cells = frame["table"] == "table1"
        frame.loc[cells, f"{column}_missing"] = "cells (Table 1): the review prints no vesicle size"
    for column in _CATEGORY_COLUMNS:
        # Like every other column: empty exactly when its reason says why.
        none = (frame[column].fillna("") == "").to_numpy()
        frame[f"{column}_missing"] = pd.array(
            [
                ""
                if not empty
                else f"a pattern finds {gone} in the printed effects, which data/curated_tags.csv leaves out for "
                "this row (curated_out says why)" + ("; see review_text" if pd.notna(text) else "")
                if gone
                else "the printed effects name none"
                for empty, gone, text in zip(none, frame[f"{column}_removed"], frame["review_text"])
            ],
            dtype="string",
        )
        frame[column] = frame[column].mask(none)
    return _with_reasons(frame, STUDY_COLUMNS)


def _transcription_notes(resource: str, rows: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Our notes on each printed row's cells (``data/transcription_notes.csv``), as ``Column: note``, '|'-joined,
    and the reason where a row has none."""
    notes = curated.load("transcription_notes")
    notes = notes[notes["table"] == resource]
    titles = {f["name"]: f["title"] for f in curated.resources()[resource]["schema"]["fields"]}
    said = {
        int(row): " | ".join(f"{titles.get(c, c)}: {n}" for c, n in zip(part["column"], part["note"]))
        for row, part in notes.groupby(notes["row"].astype(int))
    }
    text = pd.Series([said.get(int(r), pd.NA) for r in rows], index=rows.index, dtype="string")
    reason = text.isna().map({True: "no transcription note on this row's printed cells", False: ""})
    return text, reason.astype("string")


def _with_text(frame: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """Add what the review's text says of each study (``review_text``), and read it where it bears on a code.

    A statement on the modification (ref 53's "lipopolysaccharide-pretreated" parent cells) is read with the
    row's own cells, and a relation word in the text joins ``relation_evidence``: the text is the print too.
    """
    out = frame.copy()
    texts, reasons = [], []
    for i, ref in enumerate(out["ref"].astype(int)):
        said = statements[statements["ref"].astype(int) == ref]
        texts.append(" | ".join(f"{r.section}: '{r.words}' ({r.bears_on})" for r in said.itertuples()) or pd.NA)
        reasons.append(
            "" if len(said) else "no statement of the review's text bearing on this row's codes or citation is recorded"
        )
        for r in said.itertuples():
            if r.bears_on.startswith("modification"):
                row = out.index[i]
                printed = f"{out.at[row, 'modification']}"
                read = derive.modification("", f"{r.words}").value
                kinds = [k for k in derive.MODIFICATIONS if k in f"{printed}+{read}".split("+")]
                out.at[row, "modification"] = "+".join(kinds) if kinds else "none"
                out.at[row, "product"] = "modified" if kinds else "native"
            if r.bears_on.startswith("host") and "patients" in r.words and pd.notna(out.at[out.index[i], "relation"]):
                # The text puts the study in people while the row prints an animal host (dataset fifth reading
                # 5.5, ref 24): the code stays as printed, the evidence says what the other reading would give.
                donor = out.at[out.index[i], "donor_species"]
                other = (
                    "human into human, not xenogeneic (allogeneic or autologous, not reported in the review)"
                    if donor == "human"
                    else "xenogeneic still"
                )
                out.at[out.index[i], "relation_evidence"] = (
                    f"{out.at[out.index[i], 'relation_evidence']}; but the review's text says '{r.words}' (see the "
                    f"transcription notes): if the cells went into patients the relation would be {other}"
                )
            words = design.relation_words({f"review text ({r.section})": r.words})
            if words and pd.notna(out.at[out.index[i], "relation_evidence"]):
                extra = "; ".join(f"{place} says '{word}'" for _, place, word in words)
                out.at[out.index[i], "relation_evidence"] = f"{out.at[out.index[i], 'relation_evidence']}; {extra}"
    out["review_text"] = pd.array(texts, dtype="string")
    out["review_text_missing"] = pd.array(reasons, dtype="string")
    return out


def _trials() -> pd.DataFrame:
    printed = curated.load("clinical_trials")
    frame = derive.derive("clinical_trials", printed, curated.load("abbreviations"))
    frame.insert(0, "table", "table3")
    frame["ref"] = printed["nct_number"].str.extract(r"^\[(\d+)\]$")[0].astype("Int64")
    frame["ref_missing"] = pd.Series(
        ["" if pd.notna(r) else "the row prints a registry number, not a reference" for r in frame["ref"]],
        dtype="string",
    )
    relations = [design.printed_relation([purpose]) for purpose in printed["purpose"]]
    frame["relation"] = pd.Series([pd.NA if r is None or r.missing else r.value for r in relations], dtype="string")
    frame["relation_missing"] = pd.Series(
        [
            "the Purpose cell names no donor relation: not reported in the review" if r is None else r.reason
            for r in relations
        ],
        dtype="string",
    )
    mods = [derive.modification("", purpose) for purpose in printed["purpose"]]
    frame["modification"] = pd.Series([m.value for m in mods], dtype="string")
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
    said = [registry.results(text) for text in printed["results"]]
    frame["results_printed"] = pd.array([r.value for r in said], dtype="boolean")
    frame["results_printed_missing"] = pd.array([r.reason for r in said], dtype="string")
    frame["results"] = printed["results"].astype("string")
    frame["transcription_notes"], frame["transcription_notes_missing"] = _transcription_notes(
        "clinical_trials", printed["row"]
    )
    return _with_reasons(frame, TRIAL_COLUMNS)


def _joined_pattern(values) -> str:
    """A pattern for one value of ``values`` or several joined with "+" (tissue codes, model classes)."""
    one = "|".join(re.escape(v) for v in values)
    return f"^(?:{one})(?:\\+(?:{one}))*$"


#: The donor relations a trial's Purpose cell can print: a patient is never a different species, a syngeneic
#: strain or a dish, so the trials' enum is narrower than the studies' (dataset third reading 3.5).
TRIAL_RELATIONS: tuple[str, ...] = ("autologous", "allogeneic")


def constraints(name: str, resource: str = "studies") -> dict:
    """The Frictionless constraints of a column, from the project's vocabulary (never from the data).

    Single codes get an ``enum``, '+'-joined codes a ``pattern``, numbers a ``minimum``, so that
    ``frictionless validate`` checks the values as well as their types. ``resource`` is ``studies`` or
    ``trials``: a trial's relation is only autologous or allogeneic. "none" in ``modification`` stands
    alone, never joined to a modification.
    """
    if name == "relation" and resource == "trials":
        return {"enum": list(TRIAL_RELATIONS)}
    if name == "modification":
        joined = _joined_pattern(MODIFICATIONS).removeprefix("^").removesuffix("$")
        return {"pattern": f"^(?:none|{joined})$"}
    single: dict[str, tuple[str, ...]] = {
        "disease_code": tuple(DISEASE_CODES),
        "host_species": HOST_SPECIES,
        "modality": MODALITIES,
        "product": PRODUCTS,
        "relation": design.RELATIONS,
        "dose_kind": tuple(quantities.CODED_KINDS),
        "time_arm": tuple(TIME_ARMS.values()),
        "setting": tuple(TIME_ARMS),
        "design": registry.DESIGNS,
        "size_kind": vesicles.SIZE_KINDS,
        "vesicle_type": vesicles.VESICLE_TYPES,
        "effect_direction": outcomes.DIRECTIONS,
        "outcome_level": outcomes.LEVELS,
        "effect_instead": outcomes.INSTEAD,
        "sex": sex.SEXES,
        "dose_per_kg_unit": tuple(bodymass.PER_KG_UNITS.values()),
        "dose_per_kg_delivery": bodymass.DELIVERIES,
    }
    joined: dict[str, tuple[str, ...]] = {
        "tissue": tuple(TISSUE_CODES),
        "donor_species": SPECIES,
        "model_class": design.MODEL_CLASSES,
    }
    minimum = {"row": 1, "ref": 1, "dose_arms": 1, "enrollment": 1, "dose_low": 0, "dose_high": 0}
    minimum |= dict.fromkeys(
        (
            "follow_up_days",
            "follow_up_lifespan_share",
            "dose_per_kg_low",
            "dose_per_kg_high",
            "incubation_hours",
            "unassigned_time_days",
            "size_low_nm",
            "size_high_nm",
        ),
        0,
    )
    if name in single:
        return {"enum": list(single[name])}
    if name in joined:
        return {"pattern": _joined_pattern(joined[name])}
    if name == "nct_id":
        return {"pattern": "^NCT\\d{8}$"}
    if name in minimum:
        return {"minimum": minimum[name]}
    return {}


#: Columns that record something of ours or of the review's text, not a value derived from the printed cells:
#: an empty value means that nothing is recorded (dataset fourth reading 4.2).
_RECORDED: dict[str, str] = {
    "review_text": "no statement of the review's text on this row is recorded (data/text_statements.csv)",
    "transcription_notes": "no note of ours on this row's printed cells is recorded (data/transcription_notes.csv)",
    "curated_out": "data/curated_tags.csv leaves no category out for this row",
}
#: The dictionary's words for every ``<field>_missing`` column.
MISSING_MEANING = (
    "why <field> is empty: it could not be derived from the printed cells, or, for "
    + ", ".join(_RECORDED)
    + ", nothing is recorded; empty when <field> has a value"
)


def missing_description(base: str) -> str:
    """The descriptor's words for ``<base>_missing``: why a derived value failed, or that nothing is recorded."""
    if base in _RECORDED:
        return f"why {base} is empty: {_RECORDED[base]}; empty when it has a value"
    return f"why {base} could not be derived from the printed cells; empty when it was"


def _fields(frame: pd.DataFrame, columns: dict[str, tuple[str, str]], resource: str) -> list[dict]:
    fields = []
    for name in frame.columns:
        if name.endswith("_missing") and name not in columns:
            base = name.removesuffix("_missing")
            fields.append(
                {
                    "name": name,
                    "type": "string",
                    "description": missing_description(base),
                }
            )
        else:
            kind, text = columns[name]
            field = {"name": name, "type": kind, "description": text}
            if constraints(name, resource):
                field["constraints"] = constraints(name, resource)
            fields.append(field)
    return fields


def descriptor(study_frame: pd.DataFrame, trial_frame: pd.DataFrame) -> dict:
    """The Frictionless data package describing ``studies.csv`` and ``trials.csv``."""
    from helpers.core.catalog import LICENCE, SOURCE

    def resource(name: str, frame: pd.DataFrame, columns: dict, title: str, description: str) -> dict:
        return {
            "name": name,
            "path": f"{name}.csv",
            "title": title,
            "description": description,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": _fields(frame, columns, name), "primaryKey": ["table", "row"], "missingValues": [""]},
        }

    return {
        "name": "li-bai-2025-msc-aging-coded",
        "title": "Coded studies and trials of Li & Bai (2025): every derived code and quantity, one row per study",
        "description": "Regenerated from data/ by the mscs-aging-review project (notebooks/dataset.ipynb). Each row "
        "is keyed by its source table and printed row; *_missing columns say why a value is absent.",
        "sources": [{"title": SOURCE}],
        "licenses": [{"name": "CC-BY-NC-ND-4.0", "title": LICENCE}],
        "resources": [
            resource(
                "studies",
                study_frame,
                STUDY_COLUMNS,
                "Preclinical studies of Tables 1 and 2, coded",
                "One row per printed row of Table 1 (MSCs) and Table 2 (MSC-derived exosomes and other vesicles), "
                "keyed by table and row: the codes and quantities derived from its printed cells and cited title.",
            ),
            resource(
                "trials",
                trial_frame,
                TRIAL_COLUMNS,
                "Clinical studies of Table 3, coded",
                "One row per printed row of Table 3 (registered trials, and a retrospective study where the row "
                "prints one), keyed by table and row: registry number, design, disease, source, donor relation, "
                "route, phase, status and enrollment.",
            ),
        ],
    }


def dictionary() -> pd.DataFrame:
    """Every column of both files with its type and meaning (the same words as the descriptor)."""
    rows = [
        (name, column, kind, text)
        for name, columns in (("studies.csv", STUDY_COLUMNS), ("trials.csv", TRIAL_COLUMNS))
        for column, (kind, text) in columns.items()
    ]
    rows.append(("both", "<field>_missing", "string", MISSING_MEANING))
    return pd.DataFrame(rows, columns=["file", "column", "type", "meaning"])


def selected(run: Selecting) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The coded studies and trials that a run's selecting parameters keep."""
    study_frame, trial_frame = studies(), trials()
    return (
        study_frame[selected_rows(study_frame, run)].reset_index(drop=True),
        trial_frame[selected_rows(trial_frame, run)].reset_index(drop=True),
    )
