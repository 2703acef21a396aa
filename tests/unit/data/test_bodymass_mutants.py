"""Doses per kg of body mass and follow-up as a share of lifespan, each rule of helpers.data.bodymass on its own.

tests/unit/data/test_perkg.py checks the coded dataset's columns, computed once in a module fixture: under
mutmut that work is credited to its first test only, and through ``coded.studies`` the functions here are
reached only inside the whole coded build. These tests call ``masses``, ``lifespans``, ``check_masses``,
``delivery``, ``per_kg`` and ``lifespan_share`` directly, on small literal frames, inside each test.

Expected values come from data/body_mass.csv (mouse 32.5 g, the midpoint of the breeder's printed 30-35 g; rat
350 g; rabbit 4000 g, the midpoint of the producer's printed 3-5 kg; no strain-level row) and
data/lifespan.csv (mouse 1460 days = 4 years x 365; rat 1387 days = 3.8 years x 365; rabbit empty: no
AnAge entry), as data/README.md states them; the arithmetic is written beside each value.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.data import bodymass, curated

HOSTS = ("mouse", "rat", "rabbit")
SYSTEMIC = "systemic (IV or IP)"
LOCAL = "local (per kg of whole body not meaningful)"


def _basis(host: str, grams: str, where: str) -> str:
    """The basis sentence a reader sees beside a dose per kg computed from a body mass."""
    return (
        "printed dose per administration (schedule, and for OV per ovary or per animal, not reported in the review) "
        f"/ nominal {host} body mass {grams} g ({where}), not the study's animals"
    )


# --- masses and lifespans: the sourced values -----------------------------------------------------------------


def test_masses_are_the_sourced_nominal_masses_in_grams():
    out = bodymass.masses()
    assert out == {"mouse": 32.5, "rat": 350.0, "rabbit": 4000.0}
    assert all(type(v) is float for v in out.values())


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        (None, {"mouse": 32.5, "rat": 350.0, "rabbit": 4000.0}),
        ({}, {"mouse": 32.5, "rat": 350.0, "rabbit": 4000.0}),
        ({"mouse": 25}, {"mouse": 25.0, "rat": 350.0, "rabbit": 4000.0}),  # override wins, the rest stay
        ({"rabbit": 3000, "rat": 300.5}, {"mouse": 32.5, "rat": 300.5, "rabbit": 3000.0}),
    ],
)
def test_masses_override_replaces_only_the_species_it_names(override, expected):
    out = bodymass.masses(override)
    assert out == expected
    assert all(type(k) is str and type(v) is float for k, v in out.items())


def test_masses_keep_only_species_level_rows_with_a_mass(monkeypatch):
    # A strain-level row is not the species' nominal mass; a species with no mass has none.
    frame = pd.DataFrame(
        {
            "species": ["mouse", "mouse", "hamster", "rat"],
            "strain": ["C57BL/6", "", "", ""],
            "body_mass_g": ["20", "32.5", "", "350"],
        }
    )
    monkeypatch.setattr(curated, "load", lambda name: frame if name == "body_mass" else None)
    assert bodymass.masses() == {"mouse": 32.5, "rat": 350.0}


def test_lifespans_are_the_sourced_maximum_longevities_in_days():
    out = bodymass.lifespans()
    # mouse 4 years x 365 = 1460 days; rat 3.8 x 365 = 1387; the rabbit's cell is empty: no lifespan.
    assert out == {"mouse": 1460.0, "rat": 1387.0}
    assert all(type(v) is float for v in out.values())


# --- check_masses: the notebook parameter body_mass_g ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({}, {}),
        ({"mouse": 25}, {"mouse": 25.0}),
        ({"mouse": 25, "rabbit": 3000.5}, {"mouse": 25.0, "rabbit": 3000.5}),
        ({"rat": 1e-3}, {"rat": 0.001}),  # any positive mass is accepted
    ],
)
def test_check_masses_accepts_positive_grams_per_host_species(value, expected):
    out = bodymass.check_masses(value, HOSTS)
    assert out == expected
    assert all(type(v) is float for v in out.values())


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([25], "parameter 'body_mass_g': expected a dict such as {'mouse': 25}, got [25]"),
        ("mouse=25", "parameter 'body_mass_g': expected a dict such as {'mouse': 25}, got 'mouse=25'"),
        (
            {"cat": 4000},
            "parameter 'body_mass_g': 'cat' is not a host species; expected one of ['mouse', 'rat', 'rabbit']",
        ),
        ({"mouse": 0}, "parameter 'body_mass_g': 'mouse' must be a positive number of grams, got 0"),
        ({"mouse": -5}, "parameter 'body_mass_g': 'mouse' must be a positive number of grams, got -5"),
        ({"mouse": "25"}, "parameter 'body_mass_g': 'mouse' must be a positive number of grams, got '25'"),
        ({"mouse": True}, "parameter 'body_mass_g': 'mouse' must be a positive number of grams, got True"),
        ({"mouse": None}, "parameter 'body_mass_g': 'mouse' must be a positive number of grams, got None"),
        ({"mouse": float("nan")}, "parameter 'body_mass_g': 'mouse' must be a positive number of grams, got nan"),
        ({"mouse": float("inf")}, "parameter 'body_mass_g': 'mouse' must be a positive number of grams, got inf"),
        ({"mouse": 25, "rat": 0.0}, "parameter 'body_mass_g': 'rat' must be a positive number of grams, got 0.0"),
    ],
)
def test_check_masses_says_what_is_wrong_with_the_parameter(value, message):
    with pytest.raises(ValueError) as caught:
        bodymass.check_masses(value, HOSTS)
    assert str(caught.value) == message


# --- delivery: systemic or local -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "modification", "expected"),
    [
        ("IV", None, SYSTEMIC),
        ("IP", None, SYSTEMIC),
        ("IV", float("nan"), SYSTEMIC),
        ("IV", pd.NA, SYSTEMIC),
        ("IV", "engineered", SYSTEMIC),  # a changed product, not a carrier: still systemic
        ("IV", "biomaterial", LOCAL),  # in a scaffold or hydrogel: stays where it is put
        ("IP", "engineered+biomaterial", LOCAL),
        ("IV", "nonbiomaterial", SYSTEMIC),  # only the whole code "biomaterial" counts
        ("SC", None, LOCAL),  # skin models: the dose acts under the skin first
        ("OV", None, LOCAL),
        ("ICV", None, LOCAL),
        ("IN", None, LOCAL),
        ("NA", None, LOCAL),
        ("iv", None, LOCAL),  # the route codes are upper case
        (None, None, LOCAL),
        (pd.NA, None, LOCAL),
    ],
)
def test_delivery_is_systemic_only_for_iv_or_ip_without_a_biomaterial(route, modification, expected):
    assert bodymass.delivery(route, modification) == expected


# --- per_kg: one rule per branch, on a literal frame ---------------------------------------------------------


def _studies(rows: list[dict]) -> pd.DataFrame:
    columns = ["setting", "host_species", "dose_kind", "dose_low", "dose_high", "dose_unit", "dose_missing",
               "route", "modification"]  # fmt: skip
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows])
    frame["dose_low"] = frame["dose_low"].astype(float)
    frame["dose_high"] = frame["dose_high"].astype(float)
    # a non-default index: the result is aligned to the studies' own index
    frame.index = [10 + 3 * i for i in range(len(frame))]
    return frame


VIVO = {"setting": "in vivo", "route": "IV"}
#: (one row, (low, high, unit, basis, delivery, missing)) with the arithmetic from the sourced masses.
PER_KG_CASES = {
    "cells per mouse": (
        {
            **VIVO,
            "host_species": "mouse",
            "dose_kind": "cells",
            "dose_unit": "cells",
            "dose_low": 1e7,
            "dose_high": 1e7,
        },
        (1e7 / 0.0325, 1e7 / 0.0325, "cells/kg", _basis("mouse", "32.5", "data/body_mass.csv"), SYSTEMIC, ""),
    ),
    "cells per rabbit": (
        {
            **VIVO,
            "host_species": "rabbit",
            "dose_kind": "cells",
            "dose_unit": "cells",
            "dose_low": 6e6,
            "dose_high": 6e6,
        },
        (1.5e6, 1.5e6, "cells/kg", _basis("rabbit", "4000", "data/body_mass.csv"), SYSTEMIC, ""),  # 6e6 / 4 kg
    ),
    "particles per mouse": (
        {
            **VIVO,
            "route": "ICV",
            "host_species": "mouse",
            "dose_kind": "particles",
            "dose_unit": "particles",
            "dose_low": 1e9,
            "dose_high": 1e9,
        },
        (1e9 / 0.0325, 1e9 / 0.0325, "particles/kg", _basis("mouse", "32.5", "data/body_mass.csv"), LOCAL, ""),
    ),
    # Case names are ids on mutmut's command line: ASCII only ("ug" for µg; pytest escapes µ in ids).
    "a range in ug per rat": (
        {
            **VIVO,
            "route": "SC",
            "host_species": "rat",
            "dose_kind": "mass as printed",
            "dose_unit": "µg",
            "dose_low": 200.0,
            "dose_high": 600.0,
        },
        (200 / 0.35, 600 / 0.35, "µg/kg", _basis("rat", "350", "data/body_mass.csv"), LOCAL, ""),  # 571.4-1714
    ),
    "printed per kg in mg/kg": (
        {
            **VIVO,
            "host_species": "rat",
            "dose_kind": "mass per body mass",
            "dose_unit": "mg/kg",
            "dose_low": 1.6,
            "dose_high": 2.5,
        },
        (1600.0, 2500.0, "µg/kg", "printed per kg (mg/kg restated in µg/kg)", SYSTEMIC, ""),  # 1 mg = 1000 µg
    ),
    "printed per kg in mg/kg, host with no mass": (
        {
            **VIVO,
            "host_species": "pig",
            "dose_kind": "mass per body mass",
            "dose_unit": "mg/kg",
            "dose_low": 10.0,
            "dose_high": 10.0,
        },
        (10_000.0, 10_000.0, "µg/kg", "printed per kg (mg/kg restated in µg/kg)", SYSTEMIC, ""),
    ),
    "in vivo + in vitro row counts as an animal dose": (
        {
            "setting": "in vivo + in vitro",
            "route": "IP",
            "host_species": "mouse",
            "dose_kind": "mass as printed",
            "dose_unit": "µg",
            "dose_low": 150.0,
            "dose_high": 150.0,
        },
        (150 / 0.0325, 150 / 0.0325, "µg/kg", _basis("mouse", "32.5", "data/body_mass.csv"), SYSTEMIC, ""),
    ),
}
NONE_CASES = {
    "in vitro only": (
        {
            "setting": "in vitro",
            "host_species": "mouse",
            "dose_kind": "cells",
            "dose_unit": "cells",
            "dose_low": 1e6,
            "dose_high": 1e6,
        },
        "in vitro only row: no animal received a dose",
    ),
    "no dose printed": (
        {**VIVO, "host_species": "mouse", "dose_missing": "not reported in the review"},
        "no dose to put per kg: not reported in the review",
    ),
    "in vitro concentration": (
        {
            **VIVO,
            "host_species": "mouse",
            "dose_kind": "in vitro concentration",
            "dose_unit": "µg/mL",
            "dose_low": 10.0,
            "dose_high": 10.0,
        },
        "a concentration in a culture dish, not a dose an animal received: never converted",
    ),
    "injected concentration": (
        {
            **VIVO,
            "host_species": "mouse",
            "dose_kind": "injected concentration",
            "dose_unit": "µg/mL",
            "dose_low": 80.0,
            "dose_high": 80.0,
        },
        "a concentration injected without a printed volume: the amount an animal received, hence a dose per kg, is "
        "not reported in the review",
    ),
    "cells printed for exosomes": (
        {
            **VIVO,
            "route": "OV",
            "host_species": "mouse",
            "dose_kind": "cells, printed for exosomes",
            "dose_unit": "cells",
            "dose_low": 2e6,
            "dose_high": 2e6,
        },
        "an exosome study whose dose is printed as a number of cells (most likely the producer cells): not an "
        "amount of the vesicles, so not put per kg",
    ),
    "per body mass in another unit": (
        {
            **VIVO,
            "host_species": "mouse",
            "dose_kind": "mass per body mass",
            "dose_unit": "µg/kg",
            "dose_low": 5.0,
            "dose_high": 5.0,
        },
        "a dose of kind 'mass per body mass' in 'µg/kg' has no per-kg form",
    ),
    "mass in mg": (
        {
            **VIVO,
            "host_species": "mouse",
            "dose_kind": "mass as printed",
            "dose_unit": "mg",
            "dose_low": 100.0,
            "dose_high": 100.0,
        },
        "a dose of kind 'mass as printed' in 'mg' has no per-kg form",
    ),
    "cells counted in ug": (
        {**VIVO, "host_species": "mouse", "dose_kind": "cells", "dose_unit": "µg", "dose_low": 1.0, "dose_high": 1.0},
        "a dose of kind 'cells' in 'µg' has no per-kg form",
    ),
    "host with no sourced mass": (
        {**VIVO, "host_species": "pig", "dose_kind": "cells", "dose_unit": "cells", "dose_low": 1e6, "dose_high": 1e6},
        "no sourced nominal body mass for the pig (data/body_mass.csv); the parameter body_mass_g can set one",
    ),
}


@pytest.mark.parametrize(("row", "expected"), PER_KG_CASES.values(), ids=PER_KG_CASES.keys())
def test_per_kg_divides_a_received_dose_by_the_sourced_mass(row, expected):
    studies = _studies([row])
    out = bodymass.per_kg(studies)
    assert out.index.tolist() == studies.index.tolist()
    got = out.iloc[0]
    low, high, unit, basis, how, missing = expected
    assert (got["dose_per_kg_low"], got["dose_per_kg_high"]) == pytest.approx((low, high), rel=1e-12)
    assert (got["dose_per_kg_unit"], got["dose_per_kg_basis"]) == (unit, basis)
    assert (got["dose_per_kg_delivery"], got["dose_per_kg_missing"]) == (how, missing)


@pytest.mark.parametrize(("row", "reason"), NONE_CASES.values(), ids=NONE_CASES.keys())
def test_per_kg_says_why_a_row_has_no_dose_per_kg(row, reason):
    out = bodymass.per_kg(_studies([row])).iloc[0]
    assert out["dose_per_kg_missing"] == reason
    for column in ("low", "high", "unit", "basis", "delivery"):
        assert pd.isna(out[f"dose_per_kg_{column}"]), column


@pytest.mark.parametrize(
    ("override", "low", "basis"),
    [
        ({"mouse": 25}, 1e7 / 0.025, _basis("mouse", "25", "parameter body_mass_g")),  # 1e7 cells / 0.025 kg
        ({"mouse": 20.5}, 1e7 / 0.0205, _basis("mouse", "20.5", "parameter body_mass_g")),
        ({"rat": 300}, 1e7 / 0.0325, _basis("mouse", "32.5", "data/body_mass.csv")),  # another species: untouched
        ({"hamster": 100}, 1e7 / 0.0325, _basis("mouse", "32.5", "data/body_mass.csv")),
    ],
)
def test_per_kg_override_replaces_the_mass_and_the_basis_says_so(override, low, basis):
    row = {
        **VIVO,
        "host_species": "mouse",
        "dose_kind": "cells",
        "dose_unit": "cells",
        "dose_low": 1e7,
        "dose_high": 1e7,
    }
    out = bodymass.per_kg(_studies([row]), override).iloc[0]
    assert out["dose_per_kg_low"] == pytest.approx(low, rel=1e-12)
    assert out["dose_per_kg_high"] == pytest.approx(low, rel=1e-12)
    assert out["dose_per_kg_basis"] == basis


def test_per_kg_override_gives_a_mass_to_a_host_with_none():
    row = {**VIVO, "host_species": "pig", "dose_kind": "cells", "dose_unit": "cells", "dose_low": 1e6, "dose_high": 4e6}
    out = bodymass.per_kg(_studies([row]), {"pig": 50_000}).iloc[0]
    assert (out["dose_per_kg_low"], out["dose_per_kg_high"]) == pytest.approx((2e4, 8e4))  # 1e6 and 4e6 / 50 kg
    assert out["dose_per_kg_basis"] == _basis("pig", "50000", "parameter body_mass_g")
    assert out["dose_per_kg_missing"] == ""


def test_per_kg_columns_types_and_order_for_mixed_rows():
    rows = [
        PER_KG_CASES["cells per mouse"][0],
        NONE_CASES["in vitro only"][0],
        PER_KG_CASES["a range in ug per rat"][0],
    ]
    studies = _studies(rows)
    out = bodymass.per_kg(studies)
    assert out.columns.tolist() == [
        "dose_per_kg_low", "dose_per_kg_high", "dose_per_kg_unit", "dose_per_kg_basis", "dose_per_kg_delivery",
        "dose_per_kg_missing",
    ]  # fmt: skip
    assert [str(t) for t in out.dtypes] == ["Float64", "Float64", "string", "string", "string", "string"]
    assert out.index.tolist() == studies.index.tolist()
    assert out["dose_per_kg_unit"].tolist() == ["cells/kg", pd.NA, "µg/kg"]
    assert out["dose_per_kg_delivery"].tolist() == [SYSTEMIC, pd.NA, LOCAL]  # IV; none; SC
    assert out["dose_per_kg_missing"].tolist() == ["", "in vitro only row: no animal received a dose", ""]


def test_per_kg_without_route_or_modification_columns_calls_every_dose_local():
    row = PER_KG_CASES["cells per mouse"][0]
    studies = _studies([row, NONE_CASES["in vitro only"][0]]).drop(columns=["route", "modification"])
    out = bodymass.per_kg(studies)
    assert out["dose_per_kg_delivery"].tolist() == [LOCAL, pd.NA]  # no route printed: not systemic
    assert out["dose_per_kg_low"].iloc[0] == pytest.approx(1e7 / 0.0325)


def test_per_kg_reads_the_biomaterial_from_the_modification_column():
    row = {**PER_KG_CASES["cells per mouse"][0], "modification": "biomaterial"}
    out = bodymass.per_kg(_studies([row, PER_KG_CASES["cells per mouse"][0]]))
    assert out["dose_per_kg_delivery"].tolist() == [LOCAL, SYSTEMIC]


def test_per_kg_of_no_studies_is_an_empty_frame_with_the_columns():
    out = bodymass.per_kg(_studies([PER_KG_CASES["cells per mouse"][0]]).iloc[:0])
    assert len(out) == 0
    assert out.columns.tolist() == [
        "dose_per_kg_low", "dose_per_kg_high", "dose_per_kg_unit", "dose_per_kg_basis", "dose_per_kg_delivery",
        "dose_per_kg_missing",
    ]  # fmt: skip
    assert [str(t) for t in out.dtypes] == ["Float64", "Float64", "string", "string", "string", "string"]


# --- lifespan_share ------------------------------------------------------------------------------------------


def _follow(rows: list[tuple], unassigned: bool = True) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["setting", "host_species", "follow_up_days", "unassigned_time_days"])
    frame["follow_up_days"] = frame["follow_up_days"].astype(float)
    frame["unassigned_time_days"] = frame["unassigned_time_days"].astype(float)
    frame.index = [7 + 2 * i for i in range(len(frame))]
    return frame if unassigned else frame.drop(columns=["unassigned_time_days"])


NAN = float("nan")
#: (setting, host, follow-up days, unassigned days) -> (share, reason), shares from mouse 1460 and rat 1387 days.
SHARE_CASES = [
    (("in vivo", "mouse", 365, NAN), (0.25, "")),  # 1 year / 4 years
    (("in vivo", "rat", 1387, NAN), (1.0, "")),  # the whole 3.8 years
    (("in vivo", "rat", 14, NAN), (14 / 1387, "")),
    (("in vivo", "mouse", 21, 3), (21 / 1460, "")),  # an unassigned time beside it does not matter
    (("in vitro", "mouse", 21, NAN), (None, "in vitro only row: no animals to follow up")),
    (("in vitro", "mouse", NAN, NAN), (None, "in vitro only row: no animals to follow up")),
    (("in vivo + in vitro", "mouse", NAN, NAN), (None, "no follow-up printed")),
    (("in vivo", "mouse", NAN, NAN), (None, "no follow-up printed")),
    (
        ("in vivo + in vitro", "mouse", NAN, 14),
        (None, "the review does not say whether the one printed time is the animals' follow-up"),
    ),
    (
        ("in vivo + in vitro", "mouse", 14, NAN),
        (None, "the review does not say whether the one printed time is the animals' follow-up"),
    ),
    (("in vivo", "mouse", NAN, 14), (None, "no follow-up printed")),  # a time not assigned to the animals
    (("in vivo", "rabbit", 28, NAN), (None, "no sourced lifespan for the rabbit (data/lifespan.csv)")),
    (("in vivo", "pig", 28, NAN), (None, "no sourced lifespan for the pig (data/lifespan.csv)")),
]


@pytest.mark.parametrize(("row", "expected"), SHARE_CASES, ids=[f"{r[0]}-{r[1]}-{r[2]}-{r[3]}" for r, _ in SHARE_CASES])
def test_lifespan_share_is_follow_up_over_lifespan_for_in_vivo_rows_only(row, expected):
    frame = _follow([row])
    out = bodymass.lifespan_share(frame)
    assert out.index.tolist() == frame.index.tolist()
    share, reason = expected
    got = out.iloc[0]
    if share is None:
        assert pd.isna(got["follow_up_lifespan_share"])
    else:
        assert got["follow_up_lifespan_share"] == pytest.approx(share, rel=1e-12)
    assert got["follow_up_lifespan_share_missing"] == reason


def test_lifespan_share_without_an_unassigned_column_reads_follow_up_alone():
    frame = _follow([("in vivo", "mouse", 365, NAN), ("in vivo + in vitro", "mouse", NAN, NAN),
                     ("in vivo", "mouse", NAN, NAN)], unassigned=False)  # fmt: skip
    out = bodymass.lifespan_share(frame)
    assert out.columns.tolist() == ["follow_up_lifespan_share", "follow_up_lifespan_share_missing"]
    assert [str(t) for t in out.dtypes] == ["Float64", "string"]
    assert out["follow_up_lifespan_share"].iloc[0] == pytest.approx(0.25)
    assert out["follow_up_lifespan_share_missing"].tolist() == ["", "no follow-up printed", "no follow-up printed"]
    assert out.index.tolist() == frame.index.tolist()


def test_lifespan_share_keeps_each_rows_place():
    frame = _follow([("in vivo", "rat", 1387, NAN), ("in vitro", "mouse", 7, NAN), ("in vivo", "mouse", 730, NAN)])
    out = bodymass.lifespan_share(frame)
    shares = out["follow_up_lifespan_share"].tolist()
    assert shares[0] == pytest.approx(1.0) and pd.isna(shares[1]) and shares[2] == pytest.approx(0.5)  # 730 / 1460
    assert [str(t) for t in out.dtypes] == ["Float64", "string"]


def test_lifespan_share_where_no_row_has_one_is_still_a_number_column():
    frame = _follow([("in vitro", "mouse", 7, NAN), ("in vivo", "rabbit", 28, NAN)])
    out = bodymass.lifespan_share(frame)
    assert [str(t) for t in out.dtypes] == ["Float64", "string"]
    assert out["follow_up_lifespan_share"].isna().all()


def test_lifespan_share_of_no_studies_is_empty_with_its_types():
    out = bodymass.lifespan_share(_follow([("in vivo", "mouse", 365, NAN)]).iloc[:0])
    assert len(out) == 0
    assert out.columns.tolist() == ["follow_up_lifespan_share", "follow_up_lifespan_share_missing"]
    assert [str(t) for t in out.dtypes] == ["Float64", "string"]


def test_per_kg_where_no_row_has_one_keeps_number_columns():
    studies = _studies([NONE_CASES["in vitro only"][0], NONE_CASES["host with no sourced mass"][0]])
    out = bodymass.per_kg(studies)
    assert [str(t) for t in out.dtypes] == ["Float64", "Float64", "string", "string", "string", "string"]
    assert out["dose_per_kg_low"].isna().all() and out["dose_per_kg_high"].isna().all()
