"""The notebook library: regenerate the exhibits of Li & Bai (2025) from curated data.

Every piece of logic the notebooks call lives here, in small modules with
one job each; ARCHITECTURE.md lists them. The build tool that runs the
notebooks is the separate package :mod:`review`, which imports this one and
never the reverse.
"""

__version__ = "0.1.0"
