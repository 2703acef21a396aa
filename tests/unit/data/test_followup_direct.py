"""Direct tests of :func:`helpers.data.derive.followup.timed`: which column a printed time goes to.

The rules are those of the module docstring: an in vivo study's time is the follow-up of its animals
(``follow_up_days``), an in vitro study's time is an incubation in hours (``incubation_hours``, rounded to
9 decimals), and an in vivo + in vitro study's single printed time is assigned to neither arm
(``unassigned_time_days``). Every empty column carries its own reason, and ``time_arm`` says what the
printed time measures. Each expected dict below is written out whole, by hand, from those rules and
the ``DAYS_PER_UNIT`` conversions (1 h = 1/24 day, 1 week = 7 days).
"""

from __future__ import annotations

import pytest

from helpers.data.derive.followup import timed
from helpers.data.derive.result import Derived

FIELDS = ("follow_up_days", "incubation_hours", "unassigned_time_days", "time_arm")

# The reasons the module documents for a column its setting does not allow.
NO_CULTURE = "in vivo study: no culture to incubate (a printed time is in follow_up_days)"
NO_ANIMALS = "in vitro study: no animals to follow up (a printed time is in incubation_hours)"
NOT_BOTH = "not an in vivo + in vitro study"
UNASSIGNED = (
    "the study has an animal arm and a culture arm, and the review prints one time without saying which arm "
    "it belongs to (unassigned_time_days)"
)
BAD_UNIT = "is not a number of hours/days/weeks/months/years"


def _absent(reason: str) -> Derived:
    return Derived(None, reason)


@pytest.mark.parametrize(
    ("text", "setting", "expected"),
    [
        pytest.param(
            "3 weeks",
            "in vivo",
            {
                "follow_up_days": Derived(21.0),
                "incubation_hours": _absent(NO_CULTURE),
                "unassigned_time_days": _absent(NOT_BOTH),
                "time_arm": Derived("follow-up of treated animals"),
            },
            id="in-vivo-time-is-animal-follow-up",
        ),
        pytest.param(
            "36 h",
            "in vitro",
            {
                "follow_up_days": _absent(NO_ANIMALS),
                "incubation_hours": Derived(36.0),
                "unassigned_time_days": _absent(NOT_BOTH),
                "time_arm": Derived("incubation in culture"),
            },
            id="in-vitro-time-is-incubation-in-hours",
        ),
        pytest.param(
            "2 days",
            "in vivo + in vitro",
            {
                "follow_up_days": _absent(UNASSIGNED),
                "incubation_hours": _absent(UNASSIGNED),
                "unassigned_time_days": Derived(2.0),
                "time_arm": Derived("not stated in the review"),
            },
            id="two-arm-study-time-is-assigned-to-neither-arm",
        ),
    ],
)
def test_a_printed_time_fills_only_its_settings_column_and_every_other_column_says_why(text, setting, expected):
    assert timed(text, Derived(setting)) == expected


@pytest.mark.parametrize(
    ("text", "setting", "expected"),
    [
        # The study's own column repeats follow_up_days's reason; the other columns keep the setting's reason.
        pytest.param(
            "",
            "in vivo",
            {
                "follow_up_days": _absent("no follow-up printed"),
                "incubation_hours": _absent(NO_CULTURE),
                "unassigned_time_days": _absent(NOT_BOTH),
                "time_arm": _absent("no time printed"),
            },
            id="in-vivo-empty-cell",
        ),
        # In a dish the time is an incubation, so the reason speaks of a "time", not a "follow-up".
        pytest.param(
            "",
            "in vitro",
            {
                "follow_up_days": _absent(NO_ANIMALS),
                "incubation_hours": _absent("no time printed"),
                "unassigned_time_days": _absent(NOT_BOTH),
                "time_arm": _absent("no time printed"),
            },
            id="in-vitro-empty-cell",
        ),
        pytest.param(
            "overnight",
            "in vitro",
            {
                "follow_up_days": _absent(NO_ANIMALS),
                "incubation_hours": _absent(f"time 'overnight' {BAD_UNIT}"),
                "unassigned_time_days": _absent(NOT_BOTH),
                "time_arm": _absent("no time printed"),
            },
            id="in-vitro-unreadable-time",
        ),
        # With both arms and no time printed, no column is "the other arm's": each says no time was printed.
        pytest.param(
            "",
            "in vivo + in vitro",
            {
                "follow_up_days": _absent("no follow-up printed"),
                "incubation_hours": _absent("no time printed"),
                "unassigned_time_days": _absent("no time printed"),
                "time_arm": _absent("no time printed"),
            },
            id="two-arm-empty-cell",
        ),
        pytest.param(
            "a few weeks",
            "in vivo + in vitro",
            {
                "follow_up_days": _absent(f"follow-up 'a few weeks' {BAD_UNIT}"),
                "incubation_hours": _absent(f"time 'a few weeks' {BAD_UNIT}"),
                "unassigned_time_days": _absent(f"time 'a few weeks' {BAD_UNIT}"),
                "time_arm": _absent("no time printed"),
            },
            id="two-arm-unreadable-time",
        ),
    ],
)
def test_a_cell_without_a_readable_time_leaves_every_column_empty_with_its_reason(text, setting, expected):
    assert timed(text, Derived(setting)) == expected


def test_a_study_without_a_setting_assigns_its_time_to_no_column():
    """No setting, no arm: all four columns are empty with the setting's own reason quoted."""
    reason = "no setting to assign the time to: setting cell is empty"
    got = timed("21 days", Derived(None, "setting cell is empty"))
    assert got == dict.fromkeys(FIELDS, _absent(reason))
    assert list(got) == list(FIELDS)


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        # 1.5 h is 0.0625 day and back to 1.5 h: the half hour must stay (not be rounded to a whole hour).
        pytest.param("1.5 h", 1.5, id="half-hour-kept"),
        pytest.param("0.25 days", 6.0, id="quarter-day-is-six-hours"),
        # Rounded to 9 decimals: a 10th decimal printed in the cell is dropped, the 9th kept.
        pytest.param("2.0000000004 h", 2.0, id="tenth-decimal-dropped"),
        pytest.param("2.000000004 h", 2.000000004, id="ninth-decimal-kept"),
    ],
)
def test_an_incubation_is_given_in_hours_rounded_to_nine_decimals(text, hours):
    got = timed(text, Derived("in vitro"))["incubation_hours"]
    assert got == Derived(hours)
    assert isinstance(got.value, float)
