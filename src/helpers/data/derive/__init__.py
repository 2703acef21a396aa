"""Derive analysable values from the printed cells of Tables 1-3.

Every value here is computed from the exact text the review prints (see
``data/``); nothing is typed by hand and nothing is guessed. Each parser
returns a :class:`Derived` (or a tuple of them): either a value, or an
explicit missing value together with a short human reason saying why the
cell could not be read. :func:`derive` applies the parsers to a whole table
and returns a new DataFrame with one ``<field>_missing`` reason column per
derived field.

Conventions
-----------
* Follow-up periods are converted to days with 1 hour = 1/24 day,
  1 week = 7 days, 1 month = 30 days and 1 year = 365 days
  (:data:`DAYS_PER_UNIT`). The setting decides what a printed time is
  (:func:`timed`): follow-up of animals (in vivo), an incubation in hours
  (in vitro), or a time the review does not assign to either arm.
* Doses keep the printed unit, normalised in spelling only: ``ml`` becomes
  ``mL`` and the Greek mu becomes the micro sign (U+00B5) used in ``data/``.
  Units are never converted into one another (µg and mg/kg are different
  quantities).
* Table 1 prints bare counts under the header "Dosage/cells", so its
  default dose unit is ``cells``. Table 2 gets no default: a bare count of
  exosomes could be particles or producer cells.
* Several MSC sources or routes in one cell are joined with ``+`` in the
  derived DataFrame, in printed order; tissue and donor species stay paired
  position by position (``UC+AD`` with ``human+human``).


The parsers live in one module per derived field; this package re-exports
them so that callers keep writing ``derive.dose(...)``. A facade is safe here:
:func:`derive` itself uses every module, so a notebook that derives a table
depends on all of them anyway.
"""

from __future__ import annotations

from helpers.core.vocab import DISEASE_CODES, SPECIES, TISSUE_CODES
from helpers.data.derive.disease import disease_code
from helpers.data.derive.doses import dose, dose_arms
from helpers.data.derive.followup import TIME_ARMS, follow_up_days, timed
from helpers.data.derive.lexicon import DAYS_PER_UNIT, KNOWN_ROUTE_CODES, ROUTE_SITES, TABLE_LEGENDS
from helpers.data.derive.modality import modality
from helpers.data.derive.modification import MODIFICATIONS, modification, modification_words, product
from helpers.data.derive.registry import nct_id, phase
from helpers.data.derive.result import Derived, Dose, DoseArms, Source
from helpers.data.derive.routes import legend_codes, legend_route_codes, route_defined, routes, split_route_dosage
from helpers.data.derive.setting import setting
from helpers.data.derive.size import size_nm
from helpers.data.derive.sources import msc_sources
from helpers.data.derive.species import host_species
from helpers.data.derive.tables import DEFAULT_DOSE_UNIT, FIELDS, derive

__all__ = [
    "Derived",
    "Source",
    "Dose",
    "DoseArms",
    "DISEASE_CODES",
    "TISSUE_CODES",
    "SPECIES",
    "ROUTE_SITES",
    "KNOWN_ROUTE_CODES",
    "DAYS_PER_UNIT",
    "TABLE_LEGENDS",
    "FIELDS",
    "disease_code",
    "msc_sources",
    "modality",
    "host_species",
    "split_route_dosage",
    "routes",
    "route_defined",
    "legend_codes",
    "legend_route_codes",
    "DEFAULT_DOSE_UNIT",
    "dose_arms",
    "dose",
    "follow_up_days",
    "timed",
    "TIME_ARMS",
    "setting",
    "size_nm",
    "phase",
    "nct_id",
    "modification",
    "modification_words",
    "product",
    "MODIFICATIONS",
    "derive",
]
