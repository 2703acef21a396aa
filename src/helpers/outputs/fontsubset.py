"""Remember the PDF font subsets this process has made, so that saving a figure does not subset a font twice.

matplotlib embeds each font of a PDF as a TrueType (Type 42) subset holding only the glyphs the figure
uses, and makes every subset afresh with fontTools: about 0.2 s per font, a fifth of the time of saving a
figure in all three formats. A subset depends only on the font file and the set of glyphs, and the site's
views save over a hundred figures in two kernels whose glyph sets repeat (142 distinct subsets among 330
in one run of all views), so each subset is made once per process and its bytes reused.

matplotlib offers no hook for this; :func:`install` wraps
``matplotlib.backends._backend_pdf_ps.get_glyphs_subset``, which the PDF and PS backends look up on that
module at every call. The wrapper hands back what the original does (a fontTools ``TTFont`` and the glyph
index map, as a context manager), the font read again from the remembered bytes, so a PDF is byte for byte
the one made without it (``tests/unit/outputs/test_fontsubset.py``). It is installed once per process: a
build's kernel unloads ``helpers`` between notebooks but keeps matplotlib, and the remembered subsets with it.
"""

from __future__ import annotations

import io
from collections import OrderedDict

__all__ = ["install", "uninstall", "LIMIT"]

#: Subsets kept per process (least recently used dropped first); one is 10-60 KB.
LIMIT = 256
# The attribute marking matplotlib's module as wrapped: helpers is re-imported in a warm kernel, matplotlib is not.
_MARK = "_mscs_review_original_get_glyphs_subset"


def install() -> None:
    """Wrap matplotlib's font subsetting with the memory; a second call does nothing."""
    from matplotlib.backends import _backend_pdf_ps as module

    if hasattr(module, _MARK):
        return
    original = module.get_glyphs_subset
    remembered: OrderedDict[tuple, tuple[bytes, dict]] = OrderedDict()

    def get_glyphs_subset(fontfile, glyphs):
        from fontTools.ttLib import TTFont

        key = (str(fontfile), getattr(fontfile, "face_index", 0), frozenset(glyphs))
        if key in remembered:
            remembered.move_to_end(key)
        else:
            with original(fontfile, glyphs) as made:
                remembered[key] = (module.font_as_file(made.font).getvalue(), dict(made.glyph_index_map))
            if len(remembered) > LIMIT:
                remembered.popitem(last=False)
        data, index_map = remembered[key]
        # As fontTools' subsetter opens a font (its options' defaults): a font saved again keeps its head table,
        # where a recalculated timestamp would put the time of saving into the PDF.
        font = TTFont(io.BytesIO(data), recalcBBoxes=False, recalcTimestamp=False, lazy=True)
        return module.SubsetResults(font, dict(index_map))._as_cm()

    setattr(module, _MARK, original)
    module.get_glyphs_subset = get_glyphs_subset


def uninstall() -> None:
    """Put matplotlib's own subsetting back (the tests compare the two)."""
    from matplotlib.backends import _backend_pdf_ps as module

    if hasattr(module, _MARK):
        module.get_glyphs_subset = getattr(module, _MARK)
        delattr(module, _MARK)
