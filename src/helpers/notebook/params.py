"""Notebook parameters: declared defaults, validation and where a run writes.

The single source of truth for a notebook's parameters is its own
``parameters`` cell (literals only). :func:`declared` reads that cell with
``ast`` from the ``.ipynb`` JSON, so the build, ``review run`` and the
notebook itself agree on names and defaults without a second copy.

Values arrive from papermill as strings (``-p diseases AD,POF``) or as YAML
lists (``-y``/``-f``); :func:`validate` accepts both, checks every value
against what the data allows and raises :class:`ParameterError` naming the
parameter and the allowed values before any work is done.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from helpers.core import catalog, paths
from helpers.core.vocab import ALL, CHOICES, DISEASE_CODES, EDITIONS, FLAGGED, FORMATS, SINGLE_CHOICE
from helpers.data import snapshots

__all__ = [
    "ParameterError",
    "declared",
    "check_declared",
    "injected",
    "validate",
    "describe_selection",
    "slug",
    "Resolved",
    "ALL",
    "CHOICES",
    "FORMATS",
]


class ParameterError(ValueError):
    """A notebook parameter has a value the notebook cannot use."""


def check_declared(exhibit: str, given: dict, defaults: dict) -> None:
    """Refuse names the notebook does not declare, and names that are not identifiers.

    papermill pastes parameter names into code unescaped, so a name such as
    ``x=1;import os;y`` would run; only identifiers are accepted.

    Raises
    ------
    ParameterError
        Naming the offending names and the declared ones.
    """
    for name in given:
        if not isinstance(name, str) or not name.isidentifier():
            raise ParameterError(f"parameter name {name!r} is not a Python identifier")
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise ParameterError(f"{exhibit}: unknown parameter(s) {', '.join(unknown)}; declared: {', '.join(defaults)}")


#: The first line of the cell papermill injects (tagged ``injected-parameters``).
INJECTED_HEADER = "# Parameters"


def injected(namespace: dict) -> list[str]:
    """Names assigned by the parameters cell papermill injected into this kernel, if any.

    papermill only warns about a parameter the notebook does not declare, and
    runs it anyway. Inside the kernel, IPython's ``In`` list (in the
    notebook's namespace) holds the sources of the executed cells; the last
    one that starts with :data:`INJECTED_HEADER` is papermill's, and its
    assignments are read with ``ast``.
    """
    history = namespace.get("In")
    if not isinstance(history, list):
        return []  # not IPython (plain Python, a test)
    for source in reversed(history):
        if isinstance(source, str) and source.startswith(INJECTED_HEADER):
            try:
                body = ast.parse(source).body
            except (SyntaxError, ValueError):  # ValueError: a NUL byte
                return []
            names = []
            for node in body:
                targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
                names += [t.id for t in targets if isinstance(t, ast.Name)]
            return names
    return []


def _parameters_cell(notebook: Path) -> str:
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return "".join(cell["source"])
    raise ParameterError(f"{paths.relative(notebook)} has no cell tagged 'parameters'")


def declared(notebook: Path) -> dict[str, object]:
    """Return the parameters a notebook declares, with their default values.

    Parameters
    ----------
    notebook : pathlib.Path
        A notebook whose ``parameters`` cell assigns literals only.

    Returns
    -------
    dict
        Name to default value, in the cell's order.
    """
    tree = ast.parse(_parameters_cell(notebook))
    out: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = ast.literal_eval(node.value)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[node.targets[0].id] = ast.literal_eval(node.value)
        else:
            raise ParameterError(f"{paths.relative(notebook)}: the parameters cell may only assign literals")
    return out


def _as_list(name: str, value: object) -> list[str]:
    """Accept a list, a comma-separated string or the word 'all'."""
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    elif isinstance(value, (list, tuple)):
        items = [str(v).strip() for v in value]
    else:
        raise ParameterError(f"parameter {name!r}: expected a list or a comma-separated string, got {value!r}")
    items = [v for v in items if v]
    if not items:
        raise ParameterError(f"parameter {name!r}: empty; use 'all' for no filter")
    return items


def _choice_list(name: str, value: object, allowed: tuple[str, ...]) -> tuple[str, ...] | str:
    items = _as_list(name, value)
    # 'all' in any case, as the codes beside it are accepted in any case.
    if [v.lower() for v in items] == [ALL]:
        return ALL
    lookup = {a.lower(): a for a in allowed}
    bad = [v for v in items if v.lower() not in lookup]
    if bad:
        raise ParameterError(
            f"parameter {name!r}: unknown value(s) {', '.join(map(repr, bad))}; "
            f"allowed: {ALL!r} or any of {', '.join(allowed)}"
        )
    chosen = {lookup[v.lower()] for v in items}
    # A list naming every allowed value is the same selection as 'all'.
    return ALL if chosen == set(allowed) else tuple(a for a in allowed if a in chosen)


def _audit_choice(name: str, value: object) -> object:
    """The audit notebook's ``severity`` (lowest level shown) and ``rules`` (rule ids to run, or 'all')."""
    # Deferred on purpose: only the audit notebook needs the rule registry, and a
    # module-level import would make every notebook depend on (and rerun for)
    # every audit module, and make `review` pay for pandas when nothing is stale.
    from helpers.audit.runner import RULES, SEVERITIES, rank

    if name == "severity":
        text = str(value).strip().lower()
        if text not in SEVERITIES:
            raise ParameterError(f"parameter 'severity': got {value!r}; allowed: {', '.join(SEVERITIES)}")
        return text
    return _choice_list(name, value, tuple(sorted(RULES, key=rank)))


def _masses(value: object) -> dict[str, float]:
    """body_mass_g: host species -> grams (a dict, or its JSON text from the command line), checked up front."""
    from helpers.core.vocab import HOST_SPECIES
    from helpers.data.bodymass import check_masses

    try:
        return check_masses(json.loads(value) if isinstance(value, str) else value, HOST_SPECIES)
    except (ValueError, TypeError) as error:
        raise ParameterError(str(error)) from None


def _one_of(name: str, value: object, allowed: tuple[str, ...]) -> str:
    """One word of ``allowed``, case-insensitive; anything else is a ParameterError naming the choices."""
    text = str(value).strip().lower()
    if text not in allowed:
        raise ParameterError(f"parameter {name!r}: got {value!r}; allowed: {', '.join(allowed)}")
    return text


def _normalise(name: str, value: object, default: object, formats: tuple[str, ...]) -> object:
    if name in ("severity", "rules"):
        return _audit_choice(name, value)
    if name == "edition":  # printed (data/) or current (data/ plus data/additions/)
        return _one_of(name, value, EDITIONS)
    if name == "snapshot":  # registry exhibit: "latest" or the date of a snapshot in data/registry/
        try:
            snapshots.choose(str(value))
        except snapshots.SnapshotError as exc:
            raise ParameterError(str(exc)) from None
        return str(value).strip().lower()
    if name == "flagged":  # one word, and no "all": keep, mark or drop the audit-flagged rows
        return _one_of(name, value, FLAGGED)
    if name in CHOICES and name not in SINGLE_CHOICE:
        return _choice_list(name, value, CHOICES[name])
    if name in SINGLE_CHOICE:
        return _one_of(name, value, (ALL, *CHOICES[name]))
    if name == "formats":
        items = _as_list(name, value)
        bad = [v for v in items if v.lower() not in formats]
        if bad:
            raise ParameterError(
                f"parameter 'formats': unknown format(s) {', '.join(map(repr, bad))}; allowed: {', '.join(formats)}"
            )
        return tuple(f for f in formats if f in {v.lower() for v in items})
    if name == "dpi":
        try:
            dpi = int(value)
        except (TypeError, ValueError, OverflowError):
            raise ParameterError(f"parameter 'dpi': expected a whole number, got {value!r}") from None
        if not 50 <= dpi <= 1200:
            raise ParameterError(f"parameter 'dpi': {dpi} is outside 50–1200")
        return dpi
    if name == "output_dir":
        return str(value or "")
    # Notebook-specific parameters keep the type of their default.
    if isinstance(default, bool):
        if str(value).lower() in {"true", "1", "yes"}:
            return True
        if str(value).lower() in {"false", "0", "no"}:
            return False
        raise ParameterError(f"parameter {name!r}: expected true or false, got {value!r}")
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError, OverflowError):
            raise ParameterError(f"parameter {name!r}: expected a whole number, got {value!r}") from None
    if isinstance(default, (list, tuple)):
        return tuple(_as_list(name, value))
    if isinstance(default, dict):
        return _masses(value)
    return value


@dataclass(frozen=True)
class Resolved:
    """Validated parameters of one run and the folders it writes to."""

    exhibit: str
    values: dict[str, object]
    canonical: bool
    out_dir: Path
    changed: dict[str, object] = field(default_factory=dict)  # values that differ from the defaults

    def selected(self, name: str) -> tuple[str, ...] | None:
        """Return the selected codes of a list parameter, or None for all."""
        value = self.values.get(name, ALL)
        return None if value == ALL else tuple(value) if not isinstance(value, str) else (value,)


#: How a selection names each ``flagged`` choice.
_FLAGGED_SHOWN = {"keep": "audit flags not shown", "mark": "audit flags marked", "drop": "audit-flagged rows dropped"}
#: How a selection names an edition other than the printed one.
_EDITION_SHOWN = {"printed": "printed edition", "current": "current edition (printed review + data/additions/)"}
#: Parameters that shape files, not content: a selection never names them.
_PRESENTATION = ("formats", "dpi", "output_dir")


#: Exhibits whose rows a parameter selects only indirectly, and how their selection says so: Table 4 has no
#: disease column and "AD" is one of its rows (adipose), so a run with ``diseases`` names the diseases in full
#: and keeps "Table 4 for AD" from reading as the sources the review recommends (table4 4.3, 4.4).
_INDIRECT = {("table4", "diseases"): "tissue sources used by the Tables 1-3 studies of {}"}


def describe_selection(changed: dict[str, object], exhibit: str = "", left_out: str = "") -> str:
    """Name what a run with other parameters shows, for its figures' subtitles and tables' captions.

    ``exhibit`` words a parameter that selects its rows only indirectly (:data:`_INDIRECT`);
    ``left_out`` replaces the words of ``flagged: drop`` with the counts of what it left out
    (:func:`helpers.data.flags.left_out_line`).

    Examples
    --------
    >>> describe_selection({"diseases": ("AD", "POF"), "modality": "exosomes"})
    'Selection: diseases AD, POF · exosomes only'
    >>> describe_selection({"dpi": 300})
    ''
    >>> describe_selection({"diseases": ("AD",)}, exhibit="table4")
    "Selection: tissue sources used by the Tables 1-3 studies of Alzheimer's disease (disease code AD)"
    """
    parts = []
    for name, value in changed.items():
        if name in _PRESENTATION:
            continue
        if (exhibit, name) in _INDIRECT:
            codes = value if isinstance(value, tuple) else (str(value),)
            named = ", ".join(f"{DISEASE_CODES.get(c, c)} (disease code {c})" for c in codes)
            parts.append(_INDIRECT[exhibit, name].format(named))
        elif name == "flagged":
            parts.append(left_out if value == "drop" and left_out else _FLAGGED_SHOWN[str(value)])
        elif name == "edition":
            parts.append(_EDITION_SHOWN[str(value)])
        elif name in SINGLE_CHOICE:
            parts.append(f"{value} only" if name == "modality" else f"{value} {name}s only")
        elif isinstance(value, tuple):
            parts.append(f"{name.replace('_', ' ')} {', '.join(value)}")
        elif isinstance(value, dict):  # body_mass_g: the nominal masses this run assumes instead of the data file's
            parts.append("nominal body mass " + ", ".join(f"{k} {v:g} g" for k, v in value.items()))
        else:
            parts.append(f"{name.replace('_', ' ')} {value}")
    return "Selection: " + " · ".join(parts) if parts else ""


def slug(exhibit: str, changed: dict[str, object]) -> str:
    """The folder name of a run with these non-default values under ``runs/`` (and of a view's page).

    Examples
    --------
    >>> slug("fig1", {"diseases": ("AD",)})
    'fig1_diseases-AD'
    """
    parts = [exhibit]
    for name, value in changed.items():
        shown = "+".join(value) if isinstance(value, tuple) else str(value)
        if isinstance(value, dict):  # body_mass_g: mouse-25+rat-300
            shown = "+".join(f"{k}-{v:g}" for k, v in value.items())
        parts.append(f"{name}-{shown}")
    return re.sub(r"[^A-Za-z0-9+._-]+", "-", "_".join(parts))[:120]


def _run_folder(output_dir: str) -> Path:
    """The folder an explicit ``output_dir`` names, refused unless it lies under ``runs/``.

    A relative path is read from the project root, like every path here;
    ``..`` and symlinks are resolved first.
    """
    if "\0" in output_dir:
        raise ParameterError(f"parameter 'output_dir': {output_dir!r} holds a NUL character; expected a path")
    out_dir = (paths.ROOT / output_dir).resolve()
    for protected in (paths.TABLES_DIR, paths.FIGURES_DIR, paths.NOTEBOOKS_DIR):
        if out_dir.is_relative_to(protected):
            raise ParameterError(
                f"parameter 'output_dir': {paths.relative(out_dir)}/ is inside {protected.name}/, "
                "which only the build writes (canonical exhibits, default parameters); "
                "leave output_dir empty or choose a folder elsewhere, e.g. runs/mine"
            )
    # Anywhere else a run would overwrite sources (data/, src/) or strangers' files (/, ~).
    if not out_dir.is_relative_to(paths.RUNS_DIR):
        shown = paths.relative(out_dir) if out_dir.is_relative_to(paths.ROOT) else str(out_dir)
        raise ParameterError(
            f"parameter 'output_dir': {shown.rstrip('/')}/ is not under runs/; a run writes only there "
            "(e.g. runs/mine); copy its files elsewhere afterwards"
        )
    if any(len(part.encode("utf-8", "surrogatepass")) > 255 for part in out_dir.parts):
        raise ParameterError("parameter 'output_dir': a folder name is longer than 255 bytes")
    return out_dir


def validate(
    exhibit: str, kind: str, given: dict[str, object], notebook: Path | None = None, *, defaults: dict | None = None
) -> Resolved:
    """Validate a run's parameters and decide where its exhibits go.

    Parameters
    ----------
    exhibit : str
        The exhibit id (``table1`` … ``fig2``), also the notebook's stem.
    kind : {'table', 'figure', 'references'}
        Decides the allowed ``formats`` and the canonical folder.
    given : dict
        The values in the notebook's namespace after papermill injection.
    notebook : pathlib.Path, optional
        The notebook declaring the defaults; ``notebooks/<exhibit>.ipynb``.
    defaults : dict, optional
        Its :func:`declared` defaults, when the caller has read them already
        (the site's views validate many selections of one notebook).

    Returns
    -------
    Resolved
        Normalised values; ``canonical`` is true only when every value
        equals its default and no ``output_dir`` was given.

    Raises
    ------
    ParameterError
        For an undeclared name or a value outside what is allowed.
    """
    notebook = notebook or paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    defaults = declared(notebook) if defaults is None else defaults
    check_declared(exhibit, given, defaults)
    formats = FORMATS[kind]
    values, changed = {}, {}
    for name, default in defaults.items():
        value = _normalise(name, given.get(name, default), default, formats)
        values[name] = value
        if name != "output_dir" and value != _normalise(name, default, default, formats):
            changed[name] = value
    output_dir = values.get("output_dir", "")
    canonical_dir = catalog.get(exhibit).folder
    if output_dir:
        out_dir = _run_folder(output_dir)
    elif changed:
        out_dir = paths.RUNS_DIR / slug(exhibit, changed)
    else:
        out_dir = canonical_dir
    return Resolved(exhibit, values, canonical=not changed and not output_dir, out_dir=out_dir, changed=changed)
