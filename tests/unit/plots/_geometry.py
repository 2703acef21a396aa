"""What the figure geometry tests measure alike."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.lines import Line2D

from helpers.plots import fig1


def _unit_area(path) -> float:
    """Area of a marker path (its polygons, shoelace formula) at ``s`` = 1."""
    polygons = path.to_polygons()
    return sum(0.5 * abs(np.dot(q[:, 0], np.roll(q[:, 1], 1)) - np.dot(q[:, 1], np.roll(q[:, 0], 1))) for q in polygons)


def marker_area(collection: PathCollection) -> float:
    """Interior area of a scatter mark in square points: its marker path's area times ``s``."""
    return _unit_area(collection.get_paths()[0]) * float(collection.get_sizes()[0])


def covered_area(collection: PathCollection) -> float:
    """Area a scatter mark covers in square points, its edge stroke included (:func:`helpers.plots.fig1.visible_area`).

    The stroke is centred on the outline, so it widens a circle's diameter, or a square's or a
    diamond's side (mitred corners), by its width.
    """
    edge = float(collection.get_linewidths()[0])
    return _unit_area(collection.get_paths()[0]) * fig1.visible_area(float(collection.get_sizes()[0]), edge)


def key_covered_area(handle: Line2D, unit: float) -> float:
    """Area a legend marker covers in square points, its edge stroke included, for a unit-path area ``unit``."""
    return unit * fig1.visible_area(handle.get_markersize() ** 2, handle.get_markeredgewidth())
