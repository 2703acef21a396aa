"""What the figure geometry tests measure alike."""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PathCollection


def marker_area(collection: PathCollection) -> float:
    """Interior area of a scatter mark in square points: its marker path's area times ``s``."""
    polygons = collection.get_paths()[0].to_polygons()
    unit = sum(0.5 * abs(np.dot(q[:, 0], np.roll(q[:, 1], 1)) - np.dot(q[:, 1], np.roll(q[:, 0], 1))) for q in polygons)
    return unit * float(collection.get_sizes()[0])
