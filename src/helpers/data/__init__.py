"""Layer 2: the curated data and everything derived from its printed cells.

``curated`` loads ``data/`` validated against its schema; ``derive`` (a
package, one module per derived field) codes the printed cells; ``quantities``
reads doses as physical quantities; ``tags`` applies the mechanism lexicon;
``design`` codes study design; ``coded`` joins them into the coded dataset.
Imports only :mod:`helpers.core`.
"""
