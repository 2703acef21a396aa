"""Direct checks of the vesicle sentences of :mod:`helpers.outputs.narrative`.

Each case builds a few Table 2 rows by hand (the columns
:func:`helpers.analysis.vesicles.exosome_rows`, ``reporting`` and ``band_fit``
give) and compares the WHOLE sentence with one written from those rows: the
counts, the row lists, the singular/plural words and the fixed wording.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis.vesicles import NOT_REPORTED, PARTICLE_ITEM, SIZE_ITEM
from helpers.core.catalog import SOURCE_SHORT
from helpers.outputs import narrative as nv

# The fixed sentences of the figure note, as the module states them; the numbers around them are the tests'.
COLOUR = (
    "Colour is the term the cited title uses for the product (tables/studies.csv vesicle_type, with the words in "
    "vesicle_type_evidence): the authors' name, not a subtype anyone verified; the review reports no biogenesis or "
    "marker evidence and writes EVs and Exos for the same product. Conditioned medium is a secretome product that "
    "holds vesicles, not a kind of vesicle."
)
COLUMN = (
    "The column right of the sizes says what was done to the product (the modification column split by the "
    "printed words: parent cells engineered, vesicles loaded after isolation, or engineering whose step is not "
    "printed; priming or 3D culture of the parent cells; a carrier; a co-applied enhancer; a co-treatment)."
)
BAND = (
    "The grey band is the 30-150 nm the review's text gives for exosomes: a yardstick for exosomes, not a test; "
    "a size inside or outside it does not show whether vesicles are exosomes (size alone identifies no subtype, "
    "MISEV2023), and the review never says how a size was measured."
)
LABELS = (
    "Row labels: printed row, [reference], disease (POF premature ovarian failure, AS atherosclerosis, OP "
    "osteoporosis; Alzheimer's written out, so AD on the figure means adipose tissue only), MSC source with the "
    "donor species the Source cell prints (h human, m mouse, r rat), and setting read from the filled Animal "
    "model / In vitro model cells (Table 2 has no setting column)."
)
SOURCE = f"{SOURCE_SHORT}, Table 2 and references."


def _head(shown: str, ranges: int, singles: int, none: int, n: int) -> str:
    """The note's first sentence, with the counts a case states by hand."""
    return (
        f"One figure row per Table 2 row ({shown}), grouped by MSC tissue source and, within a "
        "group, ordered by the cited title's term, then by printed row. A capped line is a printed range, from its "
        f"low to its high end ({ranges} of {n} rows); a point is one printed number "
        f"({singles} of {n}); the review says neither whether a number is a mean, a median "
        "or a peak nor what a range spans, so the two are not compared as one. "
        f"{none} of {n} rows print no size (italic words, no mark)."
    )


def _rows(*specs: tuple) -> pd.DataFrame:
    """Rows as exosome_rows gives them: row, ref, size_shown, vesicle_type, setting, caveats, change, audit flag."""
    cols = [
        "row",
        "ref",
        "size_shown",
        "vesicle_type",
        "setting",
        "setting_caveat",
        "disease_caveat",
        "product_change",
        "audit_flag",
        "audit_flagged_by",
    ]
    return pd.DataFrame([dict(zip(cols, s)) for s in specs], columns=cols)


# Three rows printed out of order (21, 9, 27): one range, one single value, one without a size; row 9 names no
# vesicle product, carries an in vitro caveat, a questioned disease and an audit finding; row 27 is flagged with no
# finding named (None) and carries two in vitro reasons.
MIXED = _rows(
    (21, 80, "range", "exosomes", "in vivo", "", "", "none printed", False, ""),
    (
        9,
        70,
        "single value",
        "none named",
        "in vitro",
        "reason A",
        "note X",
        "parent cells primed + on a carrier",
        True,
        "R3",
    ),
    (27, 90, NOT_REPORTED, "extracellular vesicles", "in vitro", "reason A; reason B", "", "on a carrier", True, None),
)
# Two single values, nothing marked, nothing flagged.
PLAIN = _rows(
    (4, 11, "single value", "exosomes", "in vivo", "", "", "none printed", False, ""),
    (5, 12, "single value", "exosomes", "in vivo", "", "", "none printed", False, ""),
)
# One range only.
ONE_RANGE = _rows((6, 13, "range", "exosomes", "in vivo", "", "", "none printed", False, ""))


def _reporting(isolation: int, markers: int, sized: int, particles: int, of: int) -> pd.DataFrame:
    """The reporting table: the size and particle items plus two method items (their names carry a bracket)."""
    return pd.DataFrame(
        {
            "item": [
                SIZE_ITEM,
                "isolation method (ultracentrifugation, kits)",
                "EV markers (CD63, CD9)",
                PARTICLE_ITEM,
            ],
            "rows printing it": [sized, isolation, markers, particles],
            "out of": [of, of, of, of],
        }
    )


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "the 1 Table 2 row shown"), (28, "the 28 Table 2 rows shown")],
    ids=["one row is singular", "many rows are plural"],
)
def test_rows_phrase_states_the_denominator(n, expected):
    """The denominator every vesicle sentence states: 'the N Table 2 rows shown', singular for one."""
    assert nv._vesicle_rows_phrase(n) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [([9], "row 9"), ([21, 9], "rows 9, 21"), ([27, 9, 21], "rows 9, 21, 27")],
    ids=["one row says row", "two rows say rows, sorted", "three rows say rows, sorted"],
)
def test_rows_list_names_rows_in_order(rows, expected):
    """A row list is 'row 9' for one row and 'rows a, b' (ascending) for more."""
    assert nv._rows_list(rows) == expected


@pytest.mark.parametrize(
    ("rows", "reporting", "expected"),
    [
        pytest.param(
            MIXED,
            _reporting(0, 0, 2, 0, 3),
            " ".join(
                [
                    _head("the 3 Table 2 rows shown", 1, 1, 1, 3),
                    COLOUR,
                    "None named (row 9): the cited title names the cells and no vesicle product; "
                    '"exosomal" in the Effects cell is a proposed mechanism, so the row is drawn as Table 2 prints it '
                    "but is not read as a vesicle study.",
                    COLUMN,
                    BAND,
                    LABELS,
                    "† in vitro as the filled cells say, but the row may understate animal work "
                    "(rows 9, 27: reason A; row 27: reason B).",
                    "‡ filed under the disease Table 2 prints, which a transcription note questions "
                    "(row 9; the note is in the evidence file).",
                    "A ring at the left edge marks a row the audit flags (row 9 [70], finding R3; row 27 [90]; "
                    "tables/audit.csv).",
                    "Isolation and characterisation methods: not reported in the review's tables (Table 2 has no "
                    "such column, and no printed cell of the 3 rows names an isolation, sizing, imaging or marker "
                    "method).",
                    SOURCE,
                ]
            ),
            id="every mark: none named, both caveats, two flags, no method printed",
        ),
        pytest.param(
            PLAIN,
            _reporting(1, 0, 2, 0, 2),
            " ".join([_head("the 2 Table 2 rows shown", 0, 2, 0, 2), COLOUR, COLUMN, BAND, LABELS, SOURCE]),
            id="no range and no missing size count 0, nothing marked, a method printed",
        ),
        pytest.param(
            ONE_RANGE,
            _reporting(0, 0, 1, 0, 1),
            " ".join(
                [
                    _head("the 1 Table 2 row shown", 1, 0, 0, 1),
                    COLOUR,
                    COLUMN,
                    BAND,
                    LABELS,
                    "Isolation and characterisation methods: not reported in the review's tables (Table 2 has no "
                    "such column, and no printed cell of the 1 rows names an isolation, sizing, imaging or marker "
                    "method).",
                    SOURCE,
                ]
            ),
            id="one range: no single value counts 0",
        ),
    ],
)
def test_vesicles_note_states_each_mark_with_its_count(rows, reporting, expected):
    """The figure note counts each size kind out of the rows shown (0 for a kind no row has) and names marked rows."""
    assert nv.vesicles_note(rows, reporting) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            MIXED,
            "A ring at the left edge marks a row the audit flags (row 9 [70], finding R3; row 27 [90]; "
            "tables/audit.csv).",
            id="a flag without a finding names the row only",
        ),
        pytest.param(
            MIXED.drop(columns="audit_flagged_by"),
            "A ring at the left edge marks a row the audit flags (row 9 [70]; row 27 [90]; tables/audit.csv).",
            id="no findings column: rows named without findings",
        ),
        pytest.param(PLAIN, "", id="nothing flagged: no sentence"),
    ],
)
def test_vesicle_flags_names_flagged_rows_and_findings(rows, expected):
    """Flagged rows are named in row order with their reference and, where given, the finding that flags them."""
    assert nv._vesicle_flags(rows) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            MIXED,
            [
                "† in vitro as the filled cells say, but the row may understate animal work "
                "(rows 9, 27: reason A; row 27: reason B).",
                "‡ filed under the disease Table 2 prints, which a transcription note questions "
                "(row 9; the note is in the evidence file).",
            ],
            id="each reason with its rows, then the questioned disease",
        ),
        pytest.param(PLAIN, [], id="no caveat: no mark explained"),
    ],
)
def test_vesicle_caveats_spell_out_label_marks(rows, expected):
    """The † and ‡ label marks are each spelled out with the rows they apply to."""
    assert nv._vesicle_caveats(rows) == expected


def _fit(*specs: tuple) -> pd.DataFrame:
    """band_fit rows: row, compared (title says exosomes), size_kind, low, high, within, beyond_nm."""
    cols = ["row", "compared", "size_kind", "size_low_nm", "size_high_nm", "within", "beyond_nm"]
    return pd.DataFrame([dict(zip(cols, s)) for s in specs], columns=cols)


BAND_LINE = (
    "- **The 30-150 nm band** is the review's own figure for exosomes, so it is set only against the {compared} "
    "whose cited title says exosomes; the other {other} drawn but not compared. Inside "
    "or outside the band does not show whether vesicles are exosomes: size alone identifies no subtype (MISEV2023)."
)


@pytest.mark.parametrize(
    ("fit", "expected"),
    [
        pytest.param(
            # 100 nm and 40-120 nm both lie in 30-150; row 8 (another term) is not compared.
            _fit(
                (3, True, "single value", 100.0, 100.0, True, 0.0),
                (6, True, "range", 40.0, 120.0, True, 0.0),
                (8, False, "single value", 200.0, 200.0, False, 50.0),
            ),
            [
                BAND_LINE.format(compared="2 sized rows", other="1 sized row (other terms) is"),
                "- **Single numbers** (cited title: exosomes) run from 100 to 100 nm (1 row); 1 of these 1 lies "
                "within 30-150 nm; outside: none.",
                "- **Ranges** (cited title: exosomes) run from 40 nm at their lowest end to 120 nm at their highest, "
                "and are 80 nm wide (1 row); 1 of these 1 lies wholly within 30-150 nm, and 0 reach beyond it "
                "(none).",
            ],
            id="all inside the band: outside none",
        ),
        pytest.param(
            # 200 and 20 nm lie outside the band (singles keep the fit's row order); 100-200 nm ends 50 nm above it
            # and 10-60 nm 20 nm below it (ranges named in row order); widths 50, 100 and 80 nm.
            _fit(
                (1, True, "single value", 200.0, 200.0, False, 50.0),
                (2, True, "single value", 20.0, 20.0, False, 10.0),
                (3, True, "single value", 100.0, 100.0, True, 0.0),
                (9, True, "range", 10.0, 60.0, False, 20.0),
                (7, True, "range", 100.0, 200.0, False, 50.0),
                (6, True, "range", 40.0, 120.0, True, 0.0),
            ),
            [
                BAND_LINE.format(compared="6 sized rows", other="0 sized rows (other terms) are"),
                "- **Single numbers** (cited title: exosomes) run from 20 to 200 nm (3 rows); 1 of these 3 lies "
                "within 30-150 nm; outside: row 1 at 200 nm, row 2 at 20 nm.",
                "- **Ranges** (cited title: exosomes) run from 10 nm at their lowest end to 200 nm at their highest, "
                "and are 50 to 100 nm wide (3 rows); 1 of these 3 lies wholly within 30-150 nm, and 2 reach beyond it "
                "(row 7 by 50 nm, row 9 by 20 nm).",
            ],
            id="singles and ranges outside, named with how far",
        ),
    ],
)
def test_vesicle_size_lines_compare_exosome_sizes_with_the_band(fit, expected):
    """Only sizes whose title says exosomes meet the 30-150 nm band; singles and ranges are counted apart."""
    assert nv._vesicle_size_lines(fit) == expected


CHANGE_TAIL = (
    "A row can carry two changes. A co-applied enhancer is applied with the vesicles to help them into skin, "
    "not a carrier."
)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            pd.concat(
                [MIXED, _rows((30, 95, "range", "exosomes", "in vitro", "", "", "a new change", False, ""))],
                ignore_index=True,
            ),
            [
                "- **What was done to the product** (modification and the printed words), kept apart from the term: "
                "parent cells primed 1 (row 9); on a carrier 2 (rows 9, 27); a new change 1 (row 30); nothing printed "
                f"for 1 of the 4 rows. {CHANGE_TAIL}",
                "- **In vitro labels.** 2 of the 3 in vitro rows (the setting read from the filled Animal model / In "
                "vitro model cells) may understate the study: rows 9, 27: reason A; row 27: reason B.",
                "- **Row 9 [70]** is filed under the disease Table 2 prints; our transcription note: note X",
                "- **Audit.** A ring at the left edge marks a row the audit flags (row 9 [70], finding R3; row 27 "
                "[90]; tables/audit.csv).",
            ],
            id="changes in the listed order then an unlisted one, caveats, disease note, audit",
        ),
        pytest.param(
            PLAIN,
            [
                "- **What was done to the product** (modification and the printed words), kept apart from the term: "
                f"nothing printed; nothing printed for 2 of the 2 rows. {CHANGE_TAIL}"
            ],
            id="no change printed: says nothing printed",
        ),
    ],
)
def test_vesicle_change_lines_name_each_change_with_its_rows(rows, expected):
    """Each change is counted with its rows (a row can carry two); 'none printed' is counted apart."""
    assert nv._vesicle_change_lines(rows) == expected


@pytest.mark.parametrize(
    ("reporting", "sized", "n", "expected"),
    [
        pytest.param(
            _reporting(0, 0, 2, 1, 3),
            2,
            3,
            "- **Isolation and characterisation methods: not reported in the review's tables** (isolation method 0 "
            "of 3; EV markers 0 of 3 rows print one). A size number is the only characterisation Table 2 prints (2 of "
            "3 rows), without the method or the statistic a sizing item needs, and 1 of 3 rows gives the dose as a "
            "particle count. A 0 here says what the review reports, not what the cited studies did.",
            id="no method printed, one particle row: gives",
        ),
        pytest.param(
            _reporting(1, 0, 2, 2, 3),
            2,
            3,
            "- **Isolation and characterisation methods** printed: isolation method 1 of 3; EV markers 0 of 3 rows; "
            "a size number is printed in 2 of 3 rows, and 2 of 3 rows give the dose as a particle count.",
            id="a method printed, two particle rows: give",
        ),
        pytest.param(
            _reporting(1, 1, 1, 0, 3),
            1,
            3,
            "- **Isolation and characterisation methods** printed: isolation method 1 of 3; EV markers 1 of 3 rows; "
            "a size number is printed in 1 of 3 rows, and 0 of 3 rows give the dose as a particle count.",
            id="no particle row: give",
        ),
    ],
)
def test_vesicle_methods_line_counts_each_item(reporting, sized, n, expected):
    """Each method item (name before its bracket) with its rows out of n; particle rows in the right number."""
    assert nv._vesicle_methods_line(reporting, sized, n) == expected


def test_vesicles_notice_without_rows_says_so():
    """An empty selection of Table 2 gives one plain sentence, no counts out of zero."""
    empty = MIXED.iloc[0:0]
    assert (
        nv.vesicles_notice(empty, pd.DataFrame(), pd.DataFrame(), pd.DataFrame()) == "No Table 2 row in this selection."
    )


def test_vesicles_notice_states_every_count_out_of_the_rows():
    """The notice: sizes out of the rows shown, the band lines, each title term with rows, changes, methods."""
    counts = pd.DataFrame(
        {
            "single value": [0, 0, 0, 1, 1],
            "range": [1, 0, 0, 0, 1],
            NOT_REPORTED: [0, 1, 0, 0, 1],
            "rows": [1, 1, 0, 1, 3],
        },
        index=["exosomes", "extracellular vesicles", "conditioned medium", "none named", "all terms"],
    )
    # Row 21's 50-100 nm range is the one size whose title says exosomes; row 9's 90 nm is not compared.
    fit = _fit((9, False, "single value", 90.0, 90.0, True, 0.0), (21, True, "range", 50.0, 100.0, True, 0.0))
    expected = "\n".join(
        [
            "- **Size.** 2 of the 3 Table 2 rows shown print a vesicle size: 1 as one number and 1 as a range; 1 print "
            "none (not reported in the review). The review never says what a single number is (mean, median or "
            "peak), what a range spans, or how any size was measured, so the two are counted and drawn apart.",
            BAND_LINE.format(compared="1 sized row", other="1 sized row (other terms) is"),
            "- **Ranges** (cited title: exosomes) run from 50 nm at their lowest end to 100 nm at their highest, and "
            "are 50 nm wide (1 row); 1 of these 1 lies wholly within 30-150 nm, and 0 reach beyond it (none).",
            "- **Term in the cited title.** The review tabulates all 3 rows as exosomes; the cited titles name, row by "
            "row: 1 exosomes, 1 extracellular vesicles, 1 none named (out of 3 rows). This is the authors' name for "
            "the product, not a verified subtype: the review reports no biogenesis or marker evidence.",
            "- **What was done to the product** (modification and the printed words), kept apart from the term: "
            "parent cells primed 1 (row 9); on a carrier 2 (rows 9, 27); nothing printed for 1 of the 3 rows. "
            + CHANGE_TAIL,
            "- **In vitro labels.** 2 of the 2 in vitro rows (the setting read from the filled Animal model / In "
            "vitro model cells) may understate the study: rows 9, 27: reason A; row 27: reason B.",
            "- **Row 9 [70]** is filed under the disease Table 2 prints; our transcription note: note X",
            "- **Audit.** A ring at the left edge marks a row the audit flags (row 9 [70], finding R3; row 27 "
            "[90]; tables/audit.csv).",
            "- **Isolation and characterisation methods: not reported in the review's tables** (isolation method 0 "
            "of 3; EV markers 0 of 3 rows print one). A size number is the only characterisation Table 2 prints (2 of "
            "3 rows), without the method or the statistic a sizing item needs, and 1 of 3 rows gives the dose as a "
            "particle count. A 0 here says what the review reports, not what the cited studies did.",
        ]
    )
    assert nv.vesicles_notice(MIXED, counts, _reporting(0, 0, 2, 1, 3), fit) == expected
