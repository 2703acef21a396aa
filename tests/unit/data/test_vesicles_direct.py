"""Direct tests of :func:`helpers.data.derive.vesicles.vesicle_type` and :func:`classify`, evidence included.

The rules are the module docstring's precedence: (1) "mimetic" in the cited title makes an
``exosome-mimetic``; (2) "conditioned medium/media" a ``conditioned medium``; (3) otherwise the one of
"extracellular vesicles"/"exosomes" the title names, and where the title names both, the one word the
Effects cell uses; (4) ``none named``. The evidence quotes the deciding words and where they were printed
("title '...'", "Effects '...'"), then every other vesicle word printed ("; also printed: ..."). Each
expected (value, evidence) pair below was written by hand from the title and Effects text of the case.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data.derive.result import Derived
from helpers.data.derive.vesicles import CELL_THERAPY, NOT_REPORTED, classify, vesicle_type

BOTH = "Exosomes and extracellular vesicles of MSCs in aging"


@pytest.mark.parametrize(
    ("effects", "title", "expected"),
    [
        # Rule 1 wins over the title's own "Exosome"; every other vesicle word is quoted with where it was printed.
        pytest.param(
            "Exos improved wound healing",
            "Exosome-mimetic nanovesicles from MSCs heal skin",
            (
                Derived("exosome-mimetic"),
                "title 'Exosome-mimetic nanovesicles'; also printed: Effects 'Exos', title 'Exosome'",
            ),
            id="mimetic-title-with-other-vesicle-words",
        ),
        pytest.param(
            "Improved healing",
            "Mimetic nanovesicles for skin repair",
            (Derived("exosome-mimetic"), "title 'Mimetic nanovesicles'"),
            id="mimetic-title-alone",
        ),
        # Rule 2: the Effects cell's own "conditioned medium" is listed first, then its vesicle words.
        pytest.param(
            "MSC conditioned medium and its EVs reduced wrinkles",
            "Conditioned media of MSCs delay skin aging",
            (
                Derived("conditioned medium"),
                "title 'Conditioned media'; also printed: Effects 'conditioned medium', Effects 'EVs'",
            ),
            id="conditioned-medium-title",
        ),
        # Rule 3, one word in the title: the Effects cell's words are "also printed", the title's are not repeated.
        pytest.param(
            "EVs improved fertility; exosomal miR-21",
            "Small extracellular vesicles from hUC-MSCs restore ovarian function",
            (
                Derived("extracellular vesicles"),
                "title 'Small extracellular vesicles' (the cited title's word); "
                "also printed: Effects 'EVs', Effects 'exosomal'",
            ),
            id="ev-title-with-effects-words",
        ),
        pytest.param(
            "Improved memory",
            "Exosomes from young MSCs rejuvenate aged mice",
            (Derived("exosomes"), "title 'Exosomes' (the cited title's word)"),
            id="exosome-title-alone",
        ),
        # Rule 4: "exosomal" in the Effects cell describes how the cells act; it does not recode the row.
        pytest.param(
            "exosomal miR-144 inhibited apoptosis",
            "Bone marrow MSCs reverse ovarian aging",
            (Derived("none named"), "the cited title names no vesicle product; also printed: Effects 'exosomal'"),
            id="title-names-cells-only",
        ),
        pytest.param(
            "Improved memory",
            "Bone marrow MSCs reverse ovarian aging",
            (Derived("none named"), "the cited title names no vesicle product"),
            id="no-vesicle-word-anywhere",
        ),
        # Rule 3, both words in the title: the Effects cell's single word decides.
        pytest.param(
            "Exos reduced senescence",
            BOTH,
            (Derived("exosomes"), "Effects 'Exos' (the cited title names both)"),
            id="title-both-effects-says-exos",
        ),
        pytest.param(
            "EVs reduced senescence",
            BOTH,
            (Derived("extracellular vesicles"), "Effects 'EVs' (the cited title names both)"),
            id="title-both-effects-says-evs",
        ),
        pytest.param(
            "EVs and exosomes reduced senescence",
            BOTH,
            (
                Derived(None, "the cited title names both exosomes and extracellular vesicles"),
                "no vesicle word decides",
            ),
            id="title-both-effects-both",
        ),
        pytest.param(
            "Exos reduced senescence",
            "",
            (Derived(None, "the cited title is not known"), "no cited title"),
            id="no-title",
        ),
    ],
)
def test_the_vesicle_type_is_the_cited_titles_word_and_the_evidence_quotes_where_each_word_was_printed(
    effects, title, expected
):
    assert vesicle_type(effects, title) == expected


REFERENCES = pd.DataFrame(
    {
        "ref": [60, 61],
        "title": ["Exosomes from young MSCs rejuvenate aged mice", "Bone marrow MSCs reverse ovarian aging"],
    }
)


def test_table2_rows_get_size_kind_and_vesicle_type_with_evidence_on_the_printed_index():
    """A known title decides the type; an unknown reference has none; each size form is named as printed."""
    printed = pd.DataFrame(
        {
            "size_nm": ["160 nm", "30–200 nm", ""],
            "effects": ["Exos improved memory", "exosomal miR-144 inhibited apoptosis", "EVs improved memory"],
            "ref": [60, 61, 99],
        },
        index=[5, 2, 9],
    )
    expected = pd.DataFrame(
        {
            "size_kind": pd.array(["single value", "range", pd.NA], dtype="string"),
            "size_kind_missing": pd.array(["", "", NOT_REPORTED], dtype="string"),
            "vesicle_type": pd.array(["exosomes", "none named", pd.NA], dtype="string"),
            "vesicle_type_missing": pd.array(["", "", "the cited title is not known"], dtype="string"),
            "vesicle_type_evidence": pd.array(
                [
                    "title 'Exosomes' (the cited title's word); also printed: Effects 'Exos'",
                    "the cited title names no vesicle product; also printed: Effects 'exosomal'",
                    "no cited title",
                ],
                dtype="string",
            ),
        },
        index=[5, 2, 9],
    )
    pd.testing.assert_frame_equal(classify(printed, "exosome_studies", REFERENCES), expected)


def test_table1_rows_are_cell_therapies_with_no_size_kind_or_vesicle_type():
    printed = pd.DataFrame({"size_nm": ["160 nm", ""], "effects": ["Exos help", "MSCs help"], "ref": [60, 61]})
    evidence = "Table 1 (MSCs): a cell therapy, no vesicle product"
    expected = pd.DataFrame(
        {
            "size_kind": pd.array([pd.NA, pd.NA], dtype="string"),
            "size_kind_missing": pd.array([CELL_THERAPY, CELL_THERAPY], dtype="string"),
            "vesicle_type": pd.array([pd.NA, pd.NA], dtype="string"),
            "vesicle_type_missing": pd.array([CELL_THERAPY, CELL_THERAPY], dtype="string"),
            "vesicle_type_evidence": pd.array([evidence, evidence], dtype="string"),
        }
    )
    pd.testing.assert_frame_equal(classify(printed, "msc_studies", REFERENCES), expected)
