"""Ring the points the audit flags: one look for every figure that applies the ``flagged`` parameter.

A figure whose data frame went through :func:`helpers.data.flags.apply` with
``mark`` has an ``audit_flag`` column. Draw the points as usual, then::

    flags.ring(ax, frame["x"], frame["y"], frame["audit_flag"], size=marker_area)
    handles.append(flags.legend_handle())

The ring is a hollow black circle drawn around the point, so the point's own
colour and area (which encode data) stay as they are.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D

__all__ = ["ring", "legend_handle", "LABEL", "RING_COLOUR", "RING_SCALE"]

#: What the ring means, for the legend (and a caption sentence).
LABEL = "flagged by the audit (an error or warning on the row's content; tables/audit.csv)"
RING_COLOUR = "#000000"
#: Ring area relative to the marker area it surrounds (areas, as matplotlib's ``s``).
RING_SCALE = 2.6


def ring(ax: plt.Axes, x, y, flag, *, size: float | np.ndarray = 36.0, zorder: float = 5.0):
    """Draw a hollow ring around each flagged point; return the collection (None when nothing is flagged).

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    x, y : array-like
        The points' data coordinates, as drawn.
    flag : array-like of bool
        ``audit_flag`` of each point.
    size : float or array-like
        The points' marker areas (``s``); the ring's area is :data:`RING_SCALE` times it.
    """
    flag = np.asarray(flag, dtype=bool)
    if not flag.any():
        return None
    area = np.broadcast_to(np.asarray(size, dtype=float), flag.shape)[flag] * RING_SCALE
    return ax.scatter(
        np.asarray(x)[flag],
        np.asarray(y)[flag],
        s=area,
        facecolors="none",
        edgecolors=RING_COLOUR,
        linewidths=1.2,
        zorder=zorder,
        label=LABEL,
    )


def legend_handle() -> Line2D:
    """A legend entry for the ring."""
    return Line2D(
        [], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor=RING_COLOUR, markersize=9, label=LABEL
    )
