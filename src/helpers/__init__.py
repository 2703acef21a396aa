"""The notebook library: regenerate the exhibits of Li & Bai (2025) from curated data.

Every piece of logic the notebooks call lives here, in small modules with
one job each; ARCHITECTURE.md lists them. The build tool that runs the
notebooks is the separate package :mod:`review`, which imports this one and
never the reverse.
"""

from importlib.metadata import version as _version

#: The project's version. Its one home is ``pyproject.toml``; the installed
#: metadata carries it here (``make`` reinstalls whenever pyproject.toml changes).
__version__: str = _version("mscs-aging-review")
