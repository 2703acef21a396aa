"""The result type of every parser: a value or an explicit missing value with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple


@dataclass(frozen=True)
class Derived:
    """A derived value, or an explicit missing value with its reason.

    Parameters
    ----------
    value : Any
        The derived value; ``None`` when the cell could not be read.
    reason : str
        Why the value is missing: a short human sentence. Must be empty
        when ``value`` is set and non-empty when it is not, so a missing
        value can never travel without its reason.
    """

    value: Any
    reason: str = ""

    def __post_init__(self) -> None:
        if self.value is None and not self.reason:
            raise ValueError("a missing Derived value needs a reason")
        if self.value is not None and self.reason:
            raise ValueError("a parsed Derived value must not carry a reason")

    @property
    def missing(self) -> bool:
        """bool : True when no value could be derived."""
        return self.value is None


def _absent(reason: str) -> Derived:
    return Derived(None, reason)


class Source(NamedTuple):
    """One MSC source named in a Source / MSC Type cell."""

    tissue: Derived
    donor_species: Derived


class Dose(NamedTuple):
    """A printed dose: lowest and highest arm, unit and number of arms."""

    low: float
    high: float
    unit: str
    n_arms: int


class DoseArms(NamedTuple):
    """Every printed dose arm in printed order, and their unit.

    ``unit`` is None when the cell prints no unit and no default applies;
    the caller decides what that means (:func:`dose` refuses it).
    """

    values: tuple[float, ...]
    unit: str | None
