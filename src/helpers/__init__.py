"""Regenerate the exhibits of Li & Bai (2025) from curated data.

The package keeps all logic of the project; notebooks only call into it.
Modules, one job each:

``paths``      every location, anchored on the package
``data``       load ``data/`` and validate it against its schema
``transcribe`` the documented transcription of the review's text
``derive``     derived fields (codes, doses, days) computed from printed cells
"""

__version__ = "0.1.0"
