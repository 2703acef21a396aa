"""Setting (in vivo, in vitro or both) from the model and route cells."""

from __future__ import annotations

from collections.abc import Iterable

from helpers.data.derive.lexicon import _squash
from helpers.data.derive.result import Derived, _absent


def setting(animal_model: str, in_vitro_model: str, route_codes: Iterable[str] = ()) -> Derived:
    """Classify a study as in vivo, in vitro, or both.

    Parameters
    ----------
    animal_model, in_vitro_model : str
        The printed cells.
    route_codes : iterable of str, optional
        Route codes from :func:`routes` (empty when none was parsed).

    Returns
    -------
    Derived
        ``"in vivo"`` when an animal model is printed and some route other
        than co-culture delivered the treatment (or no route was parsed);
        ``"in vitro"`` when an in vitro model is printed or the route is
        co-culture; ``"in vivo + in vitro"`` when both hold.
    """
    codes = tuple(route_codes)
    by_coculture = "COCULTURE" in codes
    only_coculture = bool(codes) and all(code == "COCULTURE" for code in codes)
    in_vivo = bool(_squash(animal_model)) and not only_coculture
    in_vitro = bool(_squash(in_vitro_model)) or by_coculture
    if in_vivo and in_vitro:
        return Derived("in vivo + in vitro")
    if in_vivo:
        return Derived("in vivo")
    if in_vitro:
        return Derived("in vitro")
    return _absent("neither an animal model nor an in vitro model is printed")
