"""Matplotlib settings that every figure of the project needs.

Applied by :mod:`helpers.plots.common` on import and again before each figure is
serialised, so a figure's bytes never depend on a user's matplotlibrc.
"""

from __future__ import annotations

__all__ = ["configure_matplotlib"]


def configure_matplotlib() -> None:
    """Agg backend, a fixed SVG hash salt, text kept as text, and each PDF font subset made once per process."""
    import matplotlib

    from helpers.outputs import fontsubset

    matplotlib.use("Agg")  # no display here or in CI; also the deterministic backend
    # Fixed salt: matplotlib otherwise draws random ids into every SVG.
    matplotlib.rcParams["svg.hashsalt"] = "mscs-aging-review"
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: searchable, smaller, stable
    matplotlib.rcParams["pdf.fonttype"] = 42
    fontsubset.install()  # the same bytes, made faster: see its docstring
