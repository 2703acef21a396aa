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


def _path_to(root, target) -> list | None:
    """The artists from ``root`` down to ``target`` through ``get_children`` (None when not below ``root``)."""
    if root is target:
        return [root]
    for child in root.get_children():
        below = _path_to(child, target)
        if below is not None:
            return [root, *below]
    return None


def painted_area(fig, artist, dpi: float = 200.0) -> float:
    """Square points that ``artist`` paints, measured on the figure's rendered pixels with every other artist hidden.

    What a reader measures on the PNG: the figure is drawn at ``dpi`` with only
    ``artist`` (and the containers it sits in) visible on a transparent
    background, and the alpha of every pixel is summed, so an anti-aliased edge
    counts by the fraction it covers and an edge stroke counts like the fill.
    Visibility is restored afterwards.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    path = _path_to(fig, artist)
    assert path is not None, "the artist is not drawn by this figure"
    keep = set(map(id, path))
    hidden = [a for a in fig.findobj() if id(a) not in keep and a.get_visible()]
    for a in hidden:
        a.set_visible(False)
    old_dpi = fig.dpi
    try:
        canvas = FigureCanvasAgg(fig)
        fig.set_dpi(dpi)
        canvas.draw()
        alpha = np.asarray(canvas.buffer_rgba())[..., 3].astype(float) / 255.0
    finally:
        fig.set_dpi(old_dpi)
        for a in hidden:
            a.set_visible(True)
    return float(alpha.sum()) * (72.0 / dpi) ** 2


def size_key(fig, studies: int) -> Line2D:
    """The evidence maps' size-key dot for ``studies`` ("1 study", "5 studies"), found by its legend label."""
    legend = fig.legends[0]
    handles = dict(zip((t.get_text() for t in legend.get_texts()), legend.legend_handles))
    return handles[f"{studies} {'study' if studies == 1 else 'studies'}"]


def dots_counting(fig, data, studies: int) -> list[PathCollection]:
    """The evidence-map dots that count ``studies``, per the exhibit's data CSV (``data``), matched by their gid."""
    keys = ["kind", "category", "disease", "modality", "setting"]
    count = {tuple(k): n for *k, n in data[[*keys, "studies"]].itertuples(index=False, name=None)}
    return [
        c
        for ax in fig.axes
        for c in ax.collections
        if (c.get_gid() or "").startswith("dot|") and count[tuple(c.get_gid().split("|")[1:])] == studies
    ]


def visible_fractions(fig, dpi: float = 200.0) -> dict[str, float]:
    """The share of each filled evidence-map dot's disc that the eye sees on the rendered figure, keyed by gid.

    The figure is drawn at ``dpi`` with every artist in place, and each pixel
    in a dot's disc (its edge pixels included) counts by how much of the dot's
    colour it shows: over a neutral background (white, grid grey) a pixel
    ``p = a * colour + (1 - a) * grey`` gives ``a`` from the difference of the
    colour's most different channels. A white halo or another mark drawn over
    the dot lowers the share. Hollow rings have no colour inside and are skipped.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    old_dpi = fig.dpi
    try:
        fig.set_dpi(dpi)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        image = np.asarray(canvas.buffer_rgba())[..., :3].astype(float)
        out = {}
        for ax in fig.axes:
            for dot in ax.collections:
                gid = dot.get_gid() or ""
                colour = np.asarray(dot.get_facecolors()[0][:3]) * 255
                if not gid.startswith("dot|") or np.ptp(colour) < 1:
                    continue
                hi, lo = int(np.argmax(colour)), int(np.argmin(colour))
                cx, cy = ax.transData.transform(dot.get_offsets()[0])
                cy = image.shape[0] - cy
                radius = np.sqrt(float(dot.get_sizes()[0])) / 2 * dpi / 72
                y0, y1 = int(cy - radius - 2), int(cy + radius + 3)
                x0, x1 = int(cx - radius - 2), int(cx + radius + 3)
                ys, xs = np.mgrid[y0:y1, x0:x1]
                disc = (ys + 0.5 - cy) ** 2 + (xs + 0.5 - cx) ** 2 <= (radius + 1) ** 2
                window = image[y0:y1, x0:x1]
                shown = np.clip((window[..., hi] - window[..., lo]) / (colour[hi] - colour[lo]), 0, 1)
                out[gid] = float((shown * disc).sum() / (np.pi * radius**2))
        return out
    finally:
        fig.set_dpi(old_dpi)
