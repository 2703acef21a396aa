"""Draw the review's selection: its reference list parted by role, drawn like a flow, and the untabulated list.

The review reports no search, screening or eligibility criteria, so the drawing borrows a flow diagram's shape
only: an arrow parts a box's references among the boxes below, it does not screen them out.

Each box is one patch (gid ``box:<id>``) and one text (gid ``label:<id>``) whose numbers are, in order, the
box's lines of :func:`helpers.analysis.selection.flow`; each arrow is one patch (gid ``edge:<from>-><to>``).
A box says what it counts (references, or a table's printed rows), never a bare number. Under the flow, the
primary studies the text cites but no table uses are listed with their first author, year and title.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch, Patch
from matplotlib.transforms import offset_copy

from helpers.analysis.selection import BOXES, EDGES, PATIENT_ROWS, UNDECIDED, UNDECIDED_REFS
from helpers.core.words import plural
from helpers.plots.common import MODALITY_COLOURS, frame, note_height, plt

__all__ = ["selection_figure", "box_text", "POSITIONS", "FILLS", "KEY"]

#: Box positions in the flow's axes: the centre of the box's top edge (x, y), so a row of boxes aligns at its top.
POSITIONS: dict[str, tuple[float, float]] = {
    "listed": (0.5, 0.99),
    "tabulated": (0.26, 0.77),
    "text_only": (0.74, 0.77),
    "table1": (0.08, 0.53),
    "table2": (0.245, 0.53),
    "table3": (0.41, 0.53),
    "primary": (0.59, 0.53),
    "review": (0.755, 0.53),
    "method": (0.92, 0.53),
}
_WIDTH = {"listed": 0.30, "tabulated": 0.34, "text_only": 0.34}
_LEAF_WIDTH = 0.15
#: The flow's height (inches), and the axes units per text line in a box (8-point lines, about 0.19 inch) and
#: the box's margin above and below its text; the colour key sits under the lowest box.
_FLOW_HEIGHT = 5.4
_LINE, _MARGIN = 0.19 / _FLOW_HEIGHT, 0.21 / _FLOW_HEIGHT
#: Fill colours: the tables' boxes in their modality's colour (Table 3 in bluish green), every text-only box in one
#: grey (no text-only box is drawn to stand out); the key under the flow names them (:data:`KEY`).
FILLS: dict[str, str] = {
    "listed": "#FFFFFF",
    "tabulated": "#E8F1F8",
    "text_only": "#E4E4E4",
    "table1": MODALITY_COLOURS["cells"],
    "table2": MODALITY_COLOURS["exosomes"],
    "table3": "#009E73",
    "primary": "#E4E4E4",
    "review": "#E4E4E4",
    "method": "#E4E4E4",
}
#: The colour key: the box whose fill each entry shows, and what that fill means.
KEY: tuple[tuple[str, str], ...] = (
    ("listed", "the whole reference list"),
    ("tabulated", "references behind a table row"),
    ("table1", "Table 1 (MSCs)"),
    ("table2", "Table 2 (MSC exosomes)"),
    ("table3", "Table 3 (clinical studies)"),
    ("text_only", "references cited in the text only"),
)
_ALPHA = {"table1": 0.22, "table2": 0.25, "table3": 0.22}


def box_text(box: pd.DataFrame, width: int = 26) -> str:
    """The words in one box: its heading, then each counted quantity with its noun.

    ``box`` is the box's lines of :func:`helpers.analysis.selection.flow`; a table's box reads
    "28 printed rows (1 the text presents as a study in patients):", "28 backed by a reference,", "0 without one",
    "28 references"; Table 3's rows without a reference are registry records (an NCT number, no publication).
    The heading is wrapped at ``width`` characters.
    """
    n = dict(zip(box["quantity"], box["n"].astype(int)))
    lines = textwrap.wrap(str(box["heading"].iloc[0]), width)
    if "rows" in n:
        rows = f"{plural(n['rows'], 'printed row')}"
        if PATIENT_ROWS in n:
            rows += f" ({n[PATIENT_ROWS]} the text presents as a study in patients)"
        lines += textwrap.wrap(rows + ":", width)
        lines.append(f"{n['rows backed by a reference']} backed by a reference,")
        if PATIENT_ROWS in n:
            lines.append(f"{n['rows without a reference']} without one")
        else:
            lines += [f"{n['rows without a reference']} registry records only", "(NCT number, no publication)"]
    lines.append(plural(n["references"], "reference"))
    if UNDECIDED_REFS in n:
        lines += textwrap.wrap(f"({n[UNDECIDED_REFS]} of them maybe reviews: the print does not decide)", width)
    return "\n".join(lines)


def _draw_box(ax, box_id: str, text: str) -> tuple[float, float, float, float]:
    """Draw one box; return its extent (left, bottom, width, height) in axes units."""
    x, top = POSITIONS[box_id]
    width = _WIDTH.get(box_id, _LEAF_WIDTH)
    height = _MARGIN + _LINE * (text.count("\n") + 1)
    y = top - height / 2
    patch = FancyBboxPatch(
        (x - width / 2, y - height / 2),
        width,
        height,
        boxstyle="round,pad=0.004,rounding_size=0.01",
        facecolor=FILLS[box_id],
        alpha=_ALPHA.get(box_id, 1.0),
        edgecolor="none",
        transform=ax.transAxes,
        gid=f"box:{box_id}",
    )
    ax.add_patch(patch)
    outline = FancyBboxPatch(
        (x - width / 2, y - height / 2),
        width,
        height,
        boxstyle="round,pad=0.004,rounding_size=0.01",
        facecolor="none",
        edgecolor="#333333",
        linewidth=0.8,
        transform=ax.transAxes,
    )
    ax.add_patch(outline)
    ax.text(x, y, text, ha="center", va="center", fontsize=8, transform=ax.transAxes, gid=f"label:{box_id}")
    return (x - width / 2, y - height / 2, width, height)


def _draw_edge(ax, start: tuple, end: tuple, gid: str) -> None:
    (x0, y0), (x1, y1) = start, end
    arrow = FancyArrowPatch(
        (x0, y0),
        (x1, y1),
        arrowstyle="-|>",
        mutation_scale=10,
        linewidth=0.9,
        color="#333333",
        transform=ax.transAxes,
        gid=gid,
        shrinkA=0,
        shrinkB=0,
    )
    ax.add_patch(arrow)


def _draw_key(ax) -> None:
    """The colour key under the flow: each fill and what it means (the shades carry no other meaning)."""
    handles = [
        Patch(facecolor=FILLS[box], alpha=_ALPHA.get(box, 1.0), edgecolor="#333333", linewidth=0.6, label=label)
        for box, label in KEY
    ]
    legend = ax.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 0.03),
        ncol=len(KEY),
        frameon=False,
        fontsize=7.5,
        title="Fill colours (they tell the boxes apart and mean nothing else)",
        title_fontsize=7.5,
    )
    legend.set_gid("key")


def _draw_list(ax, primary: pd.DataFrame, wrap: int) -> None:
    """The untabulated primary studies, one entry each: [ref] first author (year). Title. Where the text cites it."""
    heading = (
        f"The {len(primary)} primary studies the text cites but no table row uses "
        "(reference number, first author, year and title as printed; where the text cites it)"
    )
    ax.text(
        0.0,
        1.0,
        heading,
        ha="left",
        va="top",
        fontsize=8,
        fontweight="bold",
        transform=ax.transAxes,
        gid="list-heading",
    )
    lines = []
    for r in primary.itertuples(index=False):
        lines += textwrap.wrap(_entry(r), wrap, subsequent_indent="      ")
    below = offset_copy(ax.transAxes, fig=ax.figure, y=-12, units="points")
    ax.text(0.0, 1.0, "\n".join(lines), ha="left", va="top", fontsize=7.5, transform=below, gid="list")
    ax.axis("off")


def _entry(r) -> str:
    """One listed study; its note follows where there is one (a model other than the section's, a term that means
    something else than in the review's legends, a direction the text and the title disagree on)."""
    note = str(r.note) if pd.notna(r.note) else ""
    if UNDECIDED in note:
        said = " Primary study or review: the print does not decide."
    else:
        said = f" Note: {note}." if note else ""
    return f"[{r.ref}] {r.first_author} ({r.year}). {r.title}. Cited in: {r.text_section}.{said}"


def _list_lines(primary: pd.DataFrame, wrap: int) -> int:
    return 1 + sum(len(textwrap.wrap(_entry(r), wrap)) for r in primary.itertuples(index=False))


def selection_figure(
    flow: pd.DataFrame, primary: pd.DataFrame, *, title: str, subtitle: str = "", note: str = ""
) -> plt.Figure:
    """Draw the flow of :func:`helpers.analysis.selection.flow` and the list of untabulated primary studies.

    Parameters
    ----------
    flow : pandas.DataFrame
        ``box``, ``heading``, ``quantity``, ``n`` (every number drawn).
    primary : pandas.DataFrame
        :func:`helpers.analysis.selection.untabulated_primary`.
    title, subtitle, note : str
        The frame's words (:func:`helpers.plots.common.frame`).
    """
    wrap = 200
    list_height = 0.125 * _list_lines(primary, wrap) + 0.3
    flow_height, top, bottom = _FLOW_HEIGHT, 0.5, note_height(note, 150) + 0.2
    height = top + flow_height + list_height + bottom
    fig = plt.figure(figsize=(12.0, height))
    frame(fig, title=title, subtitle=subtitle, note=note)
    ax = fig.add_axes((0.01, (bottom + list_height) / height, 0.98, flow_height / height))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.axis("off")
    extents = {}
    for box_id in BOXES:
        width = 60 if box_id in _WIDTH else 26
        extents[box_id] = _draw_box(ax, box_id, box_text(flow[flow["box"] == box_id], width))
    for parent, child in EDGES:
        left, low, width, _ = extents[parent]
        c_left, c_low, c_width, c_height = extents[child]
        _draw_edge(ax, (left + width / 2, low), (c_left + c_width / 2, c_low + c_height), f"edge:{parent}->{child}")
    _draw_key(ax)
    if len(primary):
        list_ax = fig.add_axes((0.015, bottom / height, 0.97, list_height / height))
        _draw_list(list_ax, primary, wrap)
    return fig
