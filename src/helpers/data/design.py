"""Classify the study design of Tables 1-2: the animal model and the donor-host relation.

Two fields per preclinical row, read from the printed cells only:

* the **model class** (:data:`MODEL_CLASSES`): how the animals came to have
  the disease or the ageing phenotype: naturally aged, a genotype, or an
  induction (chemical, immune, radiation, surgical, diet); or
  ``in vitro only`` when no animal received the treatment;
* the **donor-host relation** (:data:`RELATIONS`): whether the MSCs (or the
  cells that made the exosomes) came from the host's species, and from the
  host itself.

Species, tissue, setting and routes are not parsed again here: they come
from :mod:`helpers.data.derive` (:func:`~helpers.data.derive.host_species`,
:func:`~helpers.data.derive.msc_sources`, :func:`~helpers.data.derive.setting`,
:func:`~helpers.data.derive.routes`). Like there, nothing is guessed: a model no
cue recognises, or a relation the cells do not settle, is a missing
:class:`~helpers.data.derive.Derived` with its reason.

Decisions on printed forms
--------------------------
* One model naming several kinds (a high-fat-diet ApoE⁻/⁻ mouse) gets
  every kind, in :data:`MODEL_CLASSES` order (``genetic+induced: diet``).
  Several models printed in one cell, separated by a spaced slash
  (``"Naturally aged mice / CTX induced POF mouse model"``), are joined in
  printed order. An unspaced slash belongs to a name (``APP/PS1``,
  ``Apo⁻/⁻``) and never splits.
* ``ZP3`` (zona pellucida 3) and ``proteoglycan`` inductions are
  immunisations that cause autoimmune disease, not toxic exposures:
  ``induced: immune``.
* ``AIC3`` is read as AlCl₃ (aluminium chloride, "l" printed as "I"), a
  neurotoxin: ``induced: chemical`` (``data/transcription_notes.csv`` says so
  under the table).
* ``Intrahippocampal infusion of Aβ`` is ``induced: Aβ peptide``: a
  proteotoxic model, which a neuroscientist does not pool with small-molecule
  toxins (CTX, CDDP, VCD, STZ).
* ``SAMP8`` (senescence-accelerated mouse prone 8) is a selectively bred
  strain that ages early, not an engineered genotype: ``accelerated-ageing
  strain``.
* ``"Y Radiation-induced"`` is γ radiation (see
  ``data/transcription_notes.csv``) and ``UV radiation`` is radiation too.
* ``OVX`` is ``induced: ovariectomy`` (the oestrogen loss of an osteoporosis
  model); ``"Surgically establish bone defects"`` is ``induced: surgical bone
  defect``, a regeneration model, kept apart although the print files it
  under osteoporosis.
* A printed ``transgenic`` is ``genetic``: the animals carry a transgene,
  named or not. So ``"D-gal induces transgenic FVB mouse model"`` is
  ``genetic+induced: chemical``, as printed.
* ``"Apo⁻/⁻"`` (the E missing) is still a ``⁻/⁻`` knockout: ``genetic``.
* ``"high-fat diet-induced as mouse model"`` (lower-case "as" for AS) is
  ``induced: diet``; the "as" plays no part.
* A cell that names a model but neither a recognised kind nor any induction
  (``"Skin aging model of nude mice"``) is ``model named, induction not
  stated``: the animal model is reported, only how the phenotype was made is
  not. A cell that says "induced" or "establish" by something not recognised
  stays missing rather than be called silent.
* A row whose only route is co-culture is ``in vitro only`` even when it
  prints an animal model (Table 1 row 14, ``5XFAD mice`` with
  ``coculture``), following :func:`~helpers.data.derive.setting`: no animal
  received the cells, the mice only supplied the cultured cells.

Donor-host relation
-------------------
* ``xenogeneic`` is a species fact: the donor species read from the Source
  cell's prefix (``h``/``m``/``r`` or a spelled-out species) differs from
  the host species named in the Animal model cell.
* Within one species the relation (``autologous``, ``syngeneic``,
  ``allogeneic``) is stated only where a printed cell of the row
  (:data:`RELATION_CELLS`) or the title of the reference the row cites
  (``data/references.csv``) says it (``Allograft``, ``autologous``);
  otherwise it is ``same species, not specified``: inbred rodents given
  same-species cells may be syngeneic, and the review does not say.
* A printed word that contradicts the species (human MSCs "autologous" to
  mice) is missing, as are two different words.
* Several sources in one cell give one relation per source, joined with
  ``+`` in printed order when they differ (``hUCMSC/ hAD-MSC`` in mice is
  just ``xenogeneic``).
* A study in which no animal received the product has ``no animal host (in
  vitro)``.
* Every relation carries its evidence (``relation_evidence``): which words,
  in which cell or title, decided it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from helpers.core.vocab import PRECLINICAL_TABLES, TABLE_OF_RESOURCE
from helpers.data import curated, derive
from helpers.data.derive import Derived

__all__ = [
    "MODEL_CLASSES",
    "RELATIONS",
    "RELATION_CELLS",
    "OUTPUT_COLUMNS",
    "printed_model_class",
    "animal_model_class",
    "printed_relation",
    "relation_words",
    "relation_evidence",
    "donor_host_relation",
    "SAME_SPECIES",
    "NO_HOST",
    "UNSTATED_INDUCTION",
    "classify",
    "printed_evidence",
    "DEFINITIONS",
    "definitions",
    "AGEING_MODELS",
    "ageing_model",
    "ageing_models",
    "model_evidence",
    "DESIGN_CHECK_RULES",
    "names_host",
    "ROUTE_WORD",
    "attach_checks",
    "ANIMAL_WORK",
    "title_animal_words",
    "text_statements",
    "modification_evidence",
    "ACTIVE_CARRIERS",
    "active_carriers",
]

#: Animal model classes, in the order several kinds of one model are joined.
MODEL_CLASSES: tuple[str, ...] = (
    "natural ageing",
    "accelerated-ageing strain",
    "genetic",
    "induced: chemical",
    "induced: Aβ peptide",
    "induced: immune",
    "induced: radiation",
    "induced: ovariectomy",
    "induced: surgical bone defect",
    "induced: diet",
    "model named, induction not stated",
    "in vitro only",
)

#: What each class of the three design dimensions means, in a biologist's words (shown under the figure).
DEFINITIONS: dict[str, dict[str, str]] = {
    "Animal model": {
        "natural ageing": "animals aged naturally ('naturally aged' printed)",
        "accelerated-ageing strain": "a strain bred to age early (SAMP8, senescence-accelerated)",
        "genetic": "a knockout (⁻/⁻) or transgenic line (APP/PS1, 5XFAD, 3xTg), or a printed 'transgenic' with no "
        "transgene named (the evidence file says so on the row)",
        "induced: chemical": "a small-molecule toxin or drug (CDDP, CTX, VCD, STZ, D-gal, AlCl₃ printed 'AIC3')",
        "induced: Aβ peptide": "amyloid-β infused into the brain",
        "induced: immune": "an immunisation causing autoimmune disease (ZP3, proteoglycan)",
        "induced: radiation": "γ ('Y Radiation') or UV radiation",
        "induced: ovariectomy": "ovaries removed (OVX), an oestrogen-loss osteoporosis model",
        "induced: surgical bone defect": "a bone defect made surgically, a regeneration model",
        "induced: diet": "a high-fat diet",
        "model named, induction not stated": "an animal model is printed, but not how its phenotype was made",
        "in vitro only": "the model and route cells print no treated animal: cells in a dish only, as the row "
        "prints it",
    },
    "Donor to host": {
        "xenogeneic": "the MSCs, or the cells that made the exosomes, came from another species than the host "
        "(Source prefix against the Animal model's species)",
        "same species, not specified": "donor and host of one species; neither the row nor the cited title says "
        "whether autologous, syngeneic or allogeneic",
        "autologous": "the host's own cells, as the row or the cited title says",
        "allogeneic": "another individual of the host's species, as the row or the cited title says",
        "syngeneic": "a genetically identical donor, as the row or the cited title says",
        "no animal host (in vitro)": "no animal received the product",
    },
    "Product and delivery": {
        "as obtained (native)": "MSCs or exosomes used as isolated, with nothing else printed",
        "engineered": "genetically modified, loaded (a miRNA, a nanoparticle) or made as a mimetic",
        "primed": "the cells (or the exosomes' parent cells) pretreated: a drug, hypoxia, 3D culture",
        "selected": "a subset of the cells chosen (LRP1-high)",
        "biomaterial": "a material given with the product to hold it or carry it in: scaffold, hydrogel, collagen, "
        "bioprinted organ; or sponge spicules that open the skin for it",
        "co-treatment": "another agent given together with the product",
    },
}

#: The class of a model that is printed but whose induction is not.
UNSTATED_INDUCTION = "model named, induction not stated"

#: Donor-host relations.
RELATIONS: tuple[str, ...] = (
    "xenogeneic",
    "allogeneic",
    "syngeneic",
    "autologous",
    "same species, not specified",
    "no animal host (in vitro)",
)
#: Same donor and host species, with no word saying how they are related.
SAME_SPECIES = "same species, not specified"
#: No animal received the product.
NO_HOST = "no animal host (in vitro)"

#: Printed cells of Tables 1-2 searched for a relation word (``precondition`` is Table 1's only).
RELATION_CELLS: tuple[str, ...] = ("source", "animal_model", "precondition", "effects")

#: Columns returned by :func:`classify`.
OUTPUT_COLUMNS: tuple[str, ...] = (
    "model_class",
    "model_class_missing",
    "relation",
    "relation_missing",
    "relation_evidence",
)

# The cue that puts a model in each class (the in vitro class has none: it comes from the setting).
# Agents are the abbreviations Tables 1-2 print, with their spelled-out names beside them.
_MODEL_CUES: dict[str, re.Pattern[str]] = {
    "natural ageing": re.compile(r"\bnatural(?:ly)?\s+ag(?:e?d|e?ing)\b", re.IGNORECASE),
    "accelerated-ageing strain": re.compile(r"\bSAMP\d+\b|\bsenescence[- ]accelerated\b", re.IGNORECASE),
    # ⁻/⁻ or -/- after a gene name is a knockout; the other names are transgenic lines.
    "genetic": re.compile(
        r"\w\s*(?:⁻/⁻|-/-)|\bAPP/PS1\b|\b5xFAD\b|\b3xTg\b|\bknock-?outs?\b|\btransgenic\b", re.IGNORECASE
    ),
    "induced: chemical": re.compile(
        r"\b(?:CDDP|cisplatin|CTX|cyclophosphamide|VCD|STZ|streptozotocin|D-gal(?:actose)?|A[lI]C[lI]?3)\b",
        re.IGNORECASE,
    ),
    "induced: Aβ peptide": re.compile(
        r"\b(?:infusion|injection)s?\s+of\s+A(?:β|beta)|\bA(?:β|beta)[\s-]+induce", re.IGNORECASE
    ),
    "induced: immune": re.compile(r"\bZP3\b|\bproteoglycan\b|\bimmuni[sz]\w*", re.IGNORECASE),
    "induced: radiation": re.compile(r"\bradiation\b|\birradiat\w*|\bUV\b", re.IGNORECASE),
    "induced: ovariectomy": re.compile(r"\bOVX\b|\bovariectom\w*", re.IGNORECASE),
    "induced: surgical bone defect": re.compile(r"\bbone defects?\b", re.IGNORECASE),
    "induced: diet": re.compile(r"\b(?:high[- ]fat|high[- ]cholesterol|western)\s+diet\b|\bHFD\b", re.IGNORECASE),
}

# A named model ("Skin aging model of nude mice") that says nothing of how it was made.
_NAMED_MODEL_RE = re.compile(r"\bmodels?\b", re.IGNORECASE)
_INDUCTION_WORD_RE = re.compile(r"\binduc\w*|\bestablish\w*|\bconstruct\w*", re.IGNORECASE)

# Two models in one cell are separated by a slash with a space on at least one side;
# "APP/PS1" and "Apo⁻/⁻" have none.
_MODEL_SPLIT_RE = re.compile(r"\s+/\s*|\s*/\s+")

# Words that state a relation; "allograft" is Table 1 row 20's word, "autologous" ref 22's title.
_RELATION_WORDS: dict[str, re.Pattern[str]] = {
    "autologous": re.compile(r"\bautologous\b", re.IGNORECASE),
    "syngeneic": re.compile(r"\b(?:syngeneic|isogeneic)\b", re.IGNORECASE),
    "allogeneic": re.compile(r"\ballo(?:geneic|genic|grafts?|transplant\w*)\b", re.IGNORECASE),
    "xenogeneic": re.compile(r"\bxeno(?:geneic|genic|grafts?|transplant\w*)\b", re.IGNORECASE),
}
_SAME_SPECIES = frozenset({"autologous", "syngeneic", "allogeneic"})


def _absent(reason: str) -> Derived:
    return Derived(None, reason)


def _squash(text: str) -> str:
    return " ".join(str(text).split())


# --- animal model ------------------------------------------------------------------


def _one_model(model: str) -> Derived:
    """Classify one printed model (no spaced slash in it)."""
    found = [name for name, cue in _MODEL_CUES.items() if cue.search(model)]
    if not found and _NAMED_MODEL_RE.search(model) and not _INDUCTION_WORD_RE.search(model):
        return Derived(UNSTATED_INDUCTION)
    if not found:
        return _absent(f"animal model '{model}' names no recognised ageing, genotype or induction")
    return Derived("+".join(found))


def printed_model_class(animal_model: str) -> Derived:
    """Classify a printed Animal model cell by its words alone.

    Parameters
    ----------
    animal_model : str
        The printed cell, e.g. ``"CDDP induced POF rat model"``,
        ``"Naturally aged mice / CTX induced POF mouse model"``.

    Returns
    -------
    Derived
        Classes of :data:`MODEL_CLASSES` joined with ``+``: per model in
        :data:`MODEL_CLASSES` order, models in printed order, each class
        once. Missing when the cell is empty or any of its models is not
        recognised (a half-read cell would understate the design).
    """
    cell = _squash(animal_model)
    if not cell:
        return _absent("no animal model printed")
    parts = [_one_model(part) for part in _MODEL_SPLIT_RE.split(cell) if part]
    reasons = [p.reason for p in parts if p.missing]
    if reasons:
        return _absent("; ".join(reasons))
    classes = [name for part in parts for name in part.value.split("+")]
    return Derived("+".join(dict.fromkeys(classes)))


def animal_model_class(animal_model: str, in_vitro_model: str = "", route_codes: Iterable[str] = ()) -> Derived:
    """Classify the model a study tested its treatment in.

    Parameters
    ----------
    animal_model, in_vitro_model : str
        The printed cells.
    route_codes : iterable of str, optional
        Route codes from :func:`helpers.data.derive.routes` (empty when none was
        parsed); a co-culture-only route makes the study in vitro.

    Returns
    -------
    Derived
        ``"in vitro only"`` when :func:`helpers.data.derive.setting` says the
        study is in vitro; otherwise :func:`printed_model_class` of the
        animal model. Missing when neither model is printed or the animal
        model is not recognised.
    """
    where = derive.setting(animal_model, in_vitro_model, route_codes)
    if where.missing:
        return where
    if where.value == "in vitro":
        return Derived("in vitro only")
    return printed_model_class(animal_model)


# --- donor-host relation -----------------------------------------------------------


def relation_words(places: dict[str, str]) -> list[tuple[str, str, str]]:
    """Every relation word in the given texts, with where it stands.

    Parameters
    ----------
    places : dict of str to str
        A label for each text (``"Effects"``, ``"cited title [22]"``) and
        the text.

    Returns
    -------
    list of (relation, place, word)
        In the order of ``places``, then of :data:`_RELATION_WORDS`.
    """
    found = []
    for place, text in places.items():
        for name, pattern in _RELATION_WORDS.items():
            match = pattern.search(_squash(text))
            if match:
                found.append((name, place, match.group(0)))
    return found


def printed_relation(cells: Iterable[str]) -> Derived | None:
    """Find a relation word in the printed cells (or a cited title).

    Parameters
    ----------
    cells : iterable of str
        Texts of one row (see :data:`RELATION_CELLS`).

    Returns
    -------
    Derived or None
        ``None`` when no text names a relation; the relation when the texts
        name one; missing when they name two different ones.
    """
    found = list(dict.fromkeys(name for name, _, _ in relation_words(dict(enumerate(map(str, cells))))))
    if not found:
        return None
    if len(found) > 1:
        return _absent(f"printed cells name conflicting relations: {', '.join(found)}")
    return Derived(found[0])


def _one_relation(donor: str, host: str, said: Derived | None) -> Derived:
    """Relate one donor species to the host, checking any stated relation word."""
    if donor != host:
        if said is not None and said.value in _SAME_SPECIES:
            return _absent(f"printed '{said.value}' but the donor ({donor}) and host ({host}) species differ")
        return Derived("xenogeneic")
    if said is None:
        return Derived(SAME_SPECIES)
    if said.value == "xenogeneic":
        return _absent(f"printed 'xenogeneic' but donor and host are both {host}")
    return said


def donor_host_relation(
    donor_species: Derived, host_species: Derived, printed: Iterable[str] = (), *, setting: Derived
) -> Derived:
    """Classify the relation between the MSC donor and the treated host.

    Parameters
    ----------
    donor_species : Derived
        Donor species as :func:`helpers.data.derive.derive` gives it: one species,
        or several joined with ``+`` in printed order.
    host_species : Derived
        From :func:`helpers.data.derive.host_species`.
    printed : iterable of str, optional
        The row's printed cells, and the cited reference's title, searched
        for a relation word (:func:`printed_relation`).
    setting : Derived
        From :func:`helpers.data.derive.setting`; an in vitro study has no host.

    Returns
    -------
    Derived
        One of :data:`RELATIONS` (several, ``+``-joined in printed order,
        when the sources of one row differ): :data:`NO_HOST` without a
        treated host; ``"xenogeneic"`` across species; within a species the
        stated word, else :data:`SAME_SPECIES`. Missing when the setting,
        the host or the donor species is not known, or when a stated word
        contradicts the species.
    """
    if setting.missing:
        return _absent(f"no setting: {setting.reason}")
    if setting.value == "in vitro":
        return Derived(NO_HOST)
    said = printed_relation(printed)
    if said is not None and said.missing:
        return said
    if host_species.missing:
        return _absent(f"no host species: {host_species.reason}")
    if donor_species.missing:
        # A printed "autologous" (or "allograft") states the species without a prefix.
        if said is not None and said.value in _SAME_SPECIES:
            return said
        return _absent(f"donor species not printed: {donor_species.reason}")
    relations = [_one_relation(donor, host_species.value, said) for donor in donor_species.value.split("+")]
    reasons = [r.reason for r in relations if r.missing]
    if reasons:
        return _absent("; ".join(dict.fromkeys(reasons)))
    return Derived("+".join(dict.fromkeys(r.value for r in relations)))


def relation_evidence(relation: Derived, places: dict[str, str], cells: dict[str, str]) -> str:
    """Say which words, in which cell or title, decided a relation.

    Parameters
    ----------
    relation : Derived
        From :func:`donor_host_relation`.
    places : dict of str to str
        The texts searched for a relation word, labelled as in :func:`relation_words`.
    cells : dict of str to str
        The printed ``source`` and ``animal_model``, the ``donor`` and ``host``
        species read from them, and the ``setting``.

    Returns
    -------
    str
        One sentence; empty for a missing relation (its reason says why).
    """
    if relation.missing:
        return ""
    if relation.value == NO_HOST:
        printed = str(cells.get("animal_model", "") or "").strip()
        if printed and printed != "NA":  # Table 1 row 14 prints '5XFAD mice' beside co-culture (4th reading 4.2)
            return (
                f"no treated animal: no route into an animal is printed (the row prints the animal model '{printed}')"
            )
        return "no treated animal: the row prints no animal model"
    species = (
        f"donor {cells['donor']} (Source '{cells['source']}'), host {cells['host']} "
        f"(Animal model '{cells['animal_model']}')"
    )
    words = "; ".join(f"{place} says '{word}'" for _, place, word in relation_words(places))
    if "xenogeneic" in relation.value and relation.value != "xenogeneic":
        return f"{species}: one source differs in species from the host"
    if relation.value == "xenogeneic":
        return f"{species}: the species differ"
    if relation.value == SAME_SPECIES:
        return f"{species}: the same species; no printed cell of the row nor the cited title names the relation"
    return f"{species}: the same species; {words}"


# --- whole tables --------------------------------------------------------------------


def _donor_species(source: str) -> Derived:
    """Donor species of a Source cell, ``+``-joined as :func:`helpers.data.derive.derive` does."""
    species = [s.donor_species for s in derive.msc_sources(source)]
    reasons = [s.reason for s in species if s.missing]
    if reasons:
        return _absent("; ".join(dict.fromkeys(reasons)))
    return Derived("+".join(s.value for s in species))


# Printed headers of the cells searched for a relation word, for the evidence.
_CELL_TITLES = {
    "source": "Source",
    "animal_model": "Animal model",
    "precondition": "Precondition",
    "effects": "Effects",
}


def _classify_row(
    row: pd.Series, route_legends: frozenset[str], titles: dict[int, str]
) -> tuple[Derived, Derived, str]:
    """Model class, relation and the relation's evidence of one printed row."""
    route = derive.routes(row["route_dosage"], route_legends)
    codes = () if route.missing else route.value
    model = animal_model_class(row["animal_model"], row["in_vitro_model"], codes)
    where = derive.setting(row["animal_model"], row["in_vitro_model"], codes)
    places = {_CELL_TITLES[cell]: str(row.get(cell, "")) for cell in RELATION_CELLS}
    ref = int(row["ref"]) if str(row.get("ref", "")).strip() else None
    if ref in titles:
        places[f"cited title [{ref}]"] = titles[ref]
    donor, host = _donor_species(row["source"]), derive.host_species(row["animal_model"])
    relation = donor_host_relation(donor, host, places.values(), setting=where)
    cells = {
        "source": row["source"],
        "animal_model": row["animal_model"],
        "setting": where.value,
        "donor": "/".join(dict.fromkeys(str(donor.value).split("+"))),
        "host": host.value,
    }
    return model, relation, relation_evidence(relation, places, cells)


def classify(
    df: pd.DataFrame, table: str, legends: pd.DataFrame | None = None, references: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Derive the model class and the donor-host relation of every row of Table 1 or 2.

    Parameters
    ----------
    df : pandas.DataFrame
        The printed table as loaded from ``data/`` (text cells, ``""`` for
        empty ones).
    table : {"msc_studies", "exosome_studies"}
        Which table ``df`` holds (a key of
        :data:`helpers.core.vocab.PRECLINICAL_TABLES`).
    legends : pandas.DataFrame, optional
        ``data/abbreviations.csv``; route abbreviations it defines are
        accepted besides :data:`helpers.data.derive.KNOWN_ROUTE_CODES`.
    references : pandas.DataFrame, optional
        ``data/references.csv``; the title of the reference a row cites is
        searched for a relation word beside the printed cells.

    Returns
    -------
    pandas.DataFrame
        :data:`OUTPUT_COLUMNS` as ``string`` columns on ``df``'s index (same
        row order): a value is ``pd.NA`` exactly when its ``_missing``
        reason is non-empty; ``relation_evidence`` says which words decided
        the relation.

    Raises
    ------
    ValueError
        For a table other than Tables 1-2.
    """
    if table not in PRECLINICAL_TABLES:
        raise ValueError(f"unknown preclinical table {table!r}; expected one of {sorted(PRECLINICAL_TABLES)}")
    route_legends = derive.legend_route_codes(legends) if legends is not None else frozenset()
    titles = {} if references is None else dict(zip(references["ref"].astype(int), references["title"].astype(str)))
    results = [_classify_row(row, route_legends, titles) for _, row in df.iterrows()]
    columns: dict[str, list] = {name: [] for name in OUTPUT_COLUMNS}
    for model, relation, evidence in results:
        for field, result in (("model_class", model), ("relation", relation)):
            columns[field].append(pd.NA if result.missing else result.value)
            columns[f"{field}_missing"].append(result.reason)
        columns["relation_evidence"].append(evidence)
    return pd.DataFrame({name: pd.Series(values, index=df.index, dtype="string") for name, values in columns.items()})


# A transgenic line the print names; a bare "transgenic" names none (Table 1 row 22, "transgenic FVB").
_NAMED_LINE_RE = re.compile(r"\w\s*(?:⁻/⁻|-/-)|\bAPP/PS1\b|\b5xFAD\b|\b3xTg\b|\bknock-?outs?\b", re.IGNORECASE)


def model_evidence(animal_model: str) -> str:
    """Say which printed words put an Animal model cell in each of its classes.

    Parameters
    ----------
    animal_model : str
        The printed cell.

    Returns
    -------
    str
        ``"genetic: 'transgenic' (no transgene named in the review); induced:
        chemical: 'D-gal'"``, in :data:`MODEL_CLASSES` order; a model named
        with no induction says so; empty for an empty cell or one no cue reads.
    """
    cell = _squash(animal_model)
    parts = []
    for name, cue in _MODEL_CUES.items():
        match = cue.search(cell)
        if not match:
            continue
        # The whole printed word ("Bmi-1⁻/⁻", not the "1⁻/⁻" the knockout cue ends on).
        start = cell.rfind(" ", 0, match.start()) + 1
        end = cell.find(" ", match.end())
        words = f"{name}: '{cell[start : end if end >= 0 else len(cell)]}'"
        if name == "genetic" and not _NAMED_LINE_RE.search(cell):
            words += " (no transgene named in the review)"
        parts.append(words)
    if not parts and cell and printed_model_class(cell).value == UNSTATED_INDUCTION:
        parts.append(f"{UNSTATED_INDUCTION}: '{cell}' names a model but not how it was made")
    return "; ".join(parts)


def printed_evidence(studies: pd.DataFrame) -> pd.DataFrame:
    """The printed cells and the cited title behind each study's design codes, for the evidence file.

    Parameters
    ----------
    studies : pandas.DataFrame
        From :func:`helpers.data.coded.studies` (``table``, ``row``, ``ref``, ``setting``), any selection.

    Returns
    -------
    pandas.DataFrame
        On ``studies``' index: the printed ``source``, ``animal_model``, the
        words that put it in its model classes (``model_evidence``, see
        :func:`model_evidence`), ``precondition`` (Table 1 only; empty for
        Table 2, which has no such column) and ``effects``, and the
        ``cited_title`` of the reference, so
        a reader can check each code, and see where a title says more than
        the row (conditioned medium, a primed parent cell, a patient arm).
    """
    columns = ["source", "animal_model", "precondition", "effects"]
    parts = []
    for resource, table in TABLE_OF_RESOURCE.items():
        if resource not in PRECLINICAL_TABLES:
            continue
        printed = curated.load(resource)
        part = printed.reindex(columns=["row", *columns], fill_value="").assign(table=table)
        parts.append(part.assign(row=part["row"].astype(int)))
    cells = pd.concat(parts, ignore_index=True)
    refs = curated.load("references")
    titles = dict(zip(refs["ref"].astype(int), refs["title"].astype(str)))
    keys = studies[["table", "row"]].assign(row=studies["row"].astype(int))
    out = keys.merge(cells, on=["table", "row"], how="left")[columns].fillna("")
    out["cited_title"] = [titles.get(int(r), "") for r in studies["ref"]]
    in_vitro = (studies["setting"].astype("string").fillna("") == "in vitro").to_numpy()
    out.insert(
        2,
        "model_evidence",
        [
            (
                "in vitro only, as printed: the model and route cells name no treated animal"
                + (
                    f"; '{cell}' printed, whether they only supplied cells is not reported in the review"
                    if cell
                    else ""
                )
            )
            if dish
            else model_evidence(cell)
            for cell, dish in zip(out["animal_model"], in_vitro)
        ],
    )
    return out.set_axis(studies.index).astype("string")


def definitions() -> pd.DataFrame:
    """:data:`DEFINITIONS` as a table (``group, class, meaning``) for under the figure."""
    rows = [(group, name, text) for group, classes in DEFINITIONS.items() for name, text in classes.items()]
    return pd.DataFrame(rows, columns=["group", "class", "meaning"])


#: Models of ageing itself, whatever their class, with the printed words that name each (a Bmi-1 knockout is a
#: genetic model of premature ageing; D-galactose an induced ageing mimetic). Other models of an ageing-related
#: disease (chemotherapy-induced ovarian failure, APP/PS1, ovariectomy) model the disease, not ageing.
AGEING_MODELS: dict[str, re.Pattern[str]] = {
    "natural ageing": _MODEL_CUES["natural ageing"],
    "accelerated-ageing strain": _MODEL_CUES["accelerated-ageing strain"],
    "Bmi-1 knockout (premature ageing)": re.compile(r"\bBmi-?1\s*(?:⁻/⁻|-/-)", re.IGNORECASE),
    "D-galactose": re.compile(r"\bD-gal(?:actose)?\b", re.IGNORECASE),
    # The printed name says it models skin ageing, though not how (third blind reading, design 3.3).
    "skin-ageing model (induction not stated)": re.compile(r"\bskin ag(?:e?ing) model\b", re.IGNORECASE),
    # UV photodamage is the standard model of extrinsic skin ageing (photoageing); the row's own Effects cell
    # (Table 2 row 28, ref 83) speaks of "skin photodamage and aging caused by ultra-violet radiation" (4th
    # reading 3.3).
    "UV photoageing (photodamage)": re.compile(
        r"\b(?:UV|ultra-?violet)\b.*\bphoto-?(?:damage|ag(?:e?ing))\b", re.IGNORECASE
    ),
}


def ageing_model(animal_model: str) -> str | None:
    """The ageing model a printed Animal model cell names (:data:`AGEING_MODELS`), or None.

    Parameters
    ----------
    animal_model : str
        The printed cell, e.g. ``"Bmi-1⁻/⁻ mouse model"``, ``"D-gal induces transgenic FVB mouse model"``.

    Returns
    -------
    str or None
        The first of :data:`AGEING_MODELS` (in its order) whose words the cell prints.
    """
    cell = _squash(animal_model)
    return next((name for name, cue in AGEING_MODELS.items() if cue.search(cell)), None)


def ageing_models(studies: pd.DataFrame) -> pd.Series:
    """The ageing model of each study in which an animal was treated (None for the others).

    Parameters
    ----------
    studies : pandas.DataFrame
        From :func:`helpers.data.coded.studies` (``table``, ``row``, ``ref``, ``setting``), any selection.

    Returns
    -------
    pandas.Series
        On ``studies``' index; a study done in vitro only has no model of its own (Table 1 row 14 prints
        '5XFAD mice' beside a co-culture route and no in vivo arm), so it is None whatever its printed Animal model.
    """
    printed = printed_evidence(studies)["animal_model"].fillna("")
    in_vivo = studies["setting"].astype("string").fillna("") != "in vitro"
    return pd.Series(
        [ageing_model(cell) if alive else None for cell, alive in zip(printed, in_vivo)],
        index=studies.index,
        dtype=object,
    )


#: Audit rules whose findings question a code the design exhibit draws: the disease, source, host, setting
#: or product (R1-R6 against the cited title; W1 donor against host; W6, W7 setting). A ``check`` of these gets
#: its own mark on the figure (third blind reading, design 3.1); route (W2), dose and size rules (W3-W5) and the
#: spelling of codes (A) bear on no dot here, since no route is drawn (fourth blind reading, design 4.3).
#: R2 (the MSC tissue source against the cited title) and R6 (the route against it) bear on no code drawn here
#: either: the tissue source does not change the donor species, and no route is drawn (fifth reading, design 4.3
#: and 5.3), so a study questioned only by them gets no double dagger, and its dagger is said to be elsewhere.
DESIGN_CHECK_RULES: tuple[str, ...] = ("R1", "R3", "R4", "R5", "W1", "W6", "W7")

#: What a statement of the review's body text (``data/text_statements.csv``) bears on, by the way it is used:
#: it ``adds`` a code where the row's cells are silent (the modification, the donor-host relation), and it
#: ``contradicts`` a printed cell (the setting, the host), where the code stays as printed and is marked.
_TEXT_USE = {"adds": ("modification", "relation"), "contradicts": ("setting", "host"), "source": ("tissue",)}
#: ``source``: the text names the MSC tissue otherwise than the row and its cited title, which the code follows
#: (Table 1 row 13, [24]: "umbilical cord blood" against hUC-MSC; fifth reading, gapmap 5.2).


def text_statements(studies: pd.DataFrame, use: str) -> pd.DataFrame:
    """The body-text statements on the selected studies that ``use`` ("adds", "contradicts" or "source") a code.

    Returns
    -------
    pandas.DataFrame
        ``ref, bears_on, words`` (``bears_on`` is the coded column the statement concerns), in ref order.
    """
    said = curated.load("text_statements")
    said = said[said["ref"].astype(int).isin(set(studies["ref"].astype(int)))]
    topic = said["bears_on"].str.split(":").str[0]
    part = said.assign(bears_on=topic)[topic.isin(_TEXT_USE[use])]
    return part[["ref", "bears_on", "words"]].astype({"ref": int}).sort_values("ref", ignore_index=True)


#: Words of a cited title that speak of work in animals or people, or of a route into one (topical
#: application, transplantation, injection). A study the table prints as in vitro only may have had such an
#: arm that the review did not tabulate (third reading, fig1/fig2 3.2, design 3.5).
ANIMAL_WORK = re.compile(
    r"\b(?:mice|mouse|rats?|rabbits?|animals?|patients|in vivo|cognitive impairment|hippocamp\w*|bone loss"
    r"|topical\w*|transplant\w*|inject\w*)\b",
    re.IGNORECASE,
)


#: Words that name a route into a host (topical application, transplantation, injection) but not the host: a
#: topical treatment may be of human skin or an explant as well as of an animal (fourth reading, fig1 4.4).
ROUTE_WORD = re.compile(r"(?:topical|transplant|inject)\w*", re.IGNORECASE)


def names_host(words: str) -> bool:
    """True when ``words`` name animals or people (:data:`ANIMAL_WORK`), not only a route into a host.

    >>> names_host("were transplanted into the ovaries of patients"), names_host("Topical application")
    (True, False)
    >>> names_host("significantly improve photodamaged skin")
    False
    """
    found = [m.group(0) for m in ANIMAL_WORK.finditer(words or "")]
    return any(not ROUTE_WORD.fullmatch(w) for w in found)


def title_animal_words(title: str) -> str:
    """The words of ``title`` that speak of animal work (:data:`ANIMAL_WORK`), quoted and joined, or ``""``."""
    words = list(dict.fromkeys(m.group(0) for m in ANIMAL_WORK.finditer(title or "")))
    return ", ".join(f"'{w}'" for w in words)


def attach_checks(studies: pd.DataFrame, checks: pd.DataFrame) -> pd.DataFrame:
    """Add what questions a study without flagging it: the audit's checks and the body text that contradicts a cell.

    Parameters
    ----------
    studies : pandas.DataFrame
        The coded studies with the audit's columns (:func:`helpers.data.flags.attach`).
    checks : pandas.DataFrame
        :func:`helpers.audit.flags.checks_by_row` for :data:`DESIGN_CHECK_RULES`.

    Returns
    -------
    pandas.DataFrame
        ``studies`` with ``audit_checks`` (rule ids), ``text_contradicts`` (what the body text says against a
        printed cell) and ``audit_check``: true when either questions the study and the audit does not flag it.
    """
    keyed = checks.set_index(["table", "row"])["audit_checks"].to_dict() if len(checks) else {}
    keys = list(zip(studies["table"].astype(str), studies["row"].astype(int)))
    against = text_statements(studies, "contradicts")
    said = {
        ref: "; ".join(
            f"{b}{'' if names_host(w) else ' (the text names no host)'}: '{w}'"
            for b, w in zip(part["bears_on"], part["words"])
        )
        for ref, part in against.groupby("ref")
    }
    # An in vitro only row whose cited title speaks of animal work is questioned on its setting too: the
    # review's text cites ref 74 for ref 75's finding (data/text_statements.csv), so for ref 74 only the
    # title ('bone loss') says the cited work may have had an animal arm.
    titles = curated.load("references").set_index("ref")["title"].astype(str)
    titled = [
        title_animal_words(titles.get(int(r), "")) if s == "in vitro" else ""
        for r, s in zip(studies["ref"], studies["setting"].astype(str))
    ]
    out = studies.assign(
        audit_checks=pd.array([keyed.get(k, "") for k in keys], dtype="string"),
        text_contradicts=pd.array([said.get(int(r), "") for r in studies["ref"]], dtype="string"),
        title_animal_words=pd.array(titled, dtype="string"),
    )
    questioned = (out["audit_checks"] != "") | (out["text_contradicts"] != "") | (out["title_animal_words"] != "")
    # Studies without the audit's columns are flagged by nothing: a Series of False, because ``~False`` is -1.
    flagged = out["audit_flag"].fillna(False).astype(bool) if "audit_flag" in out else pd.Series(False, index=out.index)
    return out.assign(audit_check=(questioned & ~flagged).astype(bool))


def modification_evidence(studies: pd.DataFrame) -> pd.Series:
    """The words that decided each study's product code, and where they are printed (third reading, design 3.2).

    A kind the row's Precondition or Effects cell names is quoted from that cell; a kind only the review's
    body text names (ref 53's pretreated parent cells) is quoted from the text; a printed Precondition that
    names no kind is "primed" because of the column's header.
    """
    printed = printed_evidence(studies)
    added = text_statements(studies, "adds")
    text_words = {int(r): w for r, b, w in zip(added["ref"], added["bears_on"], added["words"]) if b == "modification"}
    out = []
    for (_, study), pre, eff in zip(studies.iterrows(), printed["precondition"], printed["effects"]):
        kinds = [k for k in str(study["modification"]).split("+") if k in derive.MODIFICATIONS]
        in_pre = derive.modification_words(str(pre or ""))
        in_eff = derive.modification_words(str(eff or ""))
        in_text = derive.modification_words(text_words.get(int(study["ref"]), ""))
        parts = []
        for kind in kinds:
            if kind in in_pre:
                parts.append(f"{kind}: Precondition cell '{in_pre[kind]}'")
            elif kind in in_eff:
                parts.append(f"{kind}: Effects cell '{in_eff[kind]}'")
            elif kind in in_text:
                parts.append(f"{kind}: the review's body text '{text_words[int(study['ref'])]}', not the row")
            elif pre:
                parts.append(f"{kind}: Precondition cell '{pre}' names an agent (the column's header: preconditioned)")
        out.append("; ".join(parts) or "as obtained: no modification printed")
    return pd.Series(out, index=studies.index, dtype="string")


#: A carrier the exhibit counts as biomaterial although it is itself active, with the printed words that say
#: so and what they mean (third blind reading, design 3.4).
ACTIVE_CARRIERS: dict[str, tuple[re.Pattern[str], str]] = {
    "drug-free IVA": (
        re.compile(r"\bdrug-free IVA\b", re.IGNORECASE),
        "ovarian tissue activated in vitro, itself a fertility treatment",
    ),
    "NapFF-NO": (re.compile(r"\bNapFF-NO\b"), "a hydrogel that releases nitric oxide, as its cited title says"),
}


def active_carriers(studies: pd.DataFrame) -> pd.DataFrame:
    """The selected studies coded biomaterial whose printed carrier is itself active (:data:`ACTIVE_CARRIERS`).

    Returns
    -------
    pandas.DataFrame
        ``ref, printed, meaning``, in ref order.
    """
    printed = printed_evidence(studies)
    text = printed["precondition"].fillna("") + " | " + printed["effects"].fillna("")
    carried = studies["modification"].astype("string").fillna("").str.split("+").map(lambda m: "biomaterial" in m)
    rows = [
        (int(ref), name, meaning)
        for ref, cell, on in zip(studies["ref"], text, carried)
        for name, (pattern, meaning) in ACTIVE_CARRIERS.items()
        if on and pattern.search(str(cell))
    ]
    return pd.DataFrame(rows, columns=["ref", "printed", "meaning"]).sort_values("ref", ignore_index=True)
