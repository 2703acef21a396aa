"""Notebook files: find them, hash their code, inject parameters, clean executed copies.

papermill records run times, durations and absolute paths in an executed
notebook, and the kernel records the patch version of Python. None of that
may reach a committed notebook, so :func:`clean` removes it and what is
left is a pure function of the code and the data. Execution itself is in
:mod:`review.kernels`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from helpers.core import paths
from helpers.core.catalog import EXHIBITS

__all__ = [
    "clean",
    "coalesce_streams",
    "dumps",
    "code_hash",
    "parameterize",
    "notebook_path",
    "notebook_ids",
    "kernel_name",
]


def kernel_name(notebook: Path) -> str:
    """The kernel a notebook asks for (its kernelspec name)."""
    return json.loads(Path(notebook).read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]


def notebook_ids() -> list[str]:
    """Exhibit ids that have a notebook, in catalogue order."""
    return [e for e in EXHIBITS if (paths.NOTEBOOKS_DIR / f"{e}.ipynb").exists()]


def notebook_path(name: str) -> Path:
    """Resolve an exhibit id or a notebook path to the notebook file."""
    candidate = Path(name)
    if candidate.suffix == ".ipynb" and candidate.exists():
        return candidate.resolve()
    path = paths.NOTEBOOKS_DIR / f"{candidate.stem}.ipynb"
    if not path.exists():
        known = ", ".join(p.stem for p in sorted(paths.NOTEBOOKS_DIR.glob("*.ipynb")))
        raise FileNotFoundError(f"no notebook {name!r}; known: {known}")
    return path


#: The version of what :func:`clean` writes. The committed notebooks' bytes
#: depend on it although no notebook imports this module, so it is part of
#: :func:`code_hash`: bump it whenever :func:`clean` changes its output, and
#: every notebook runs again once.
CLEAN_VERSION = 2


def code_hash(notebook: Path) -> str:
    """SHA-256 of what a notebook would execute (cell types, sources and tags), and of how it is cleaned.

    Outputs and execution counts are left out, so a build that rewrites a
    notebook's outputs does not change the hash that decides whether the
    notebook must run again.
    """
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    code = [[c["cell_type"], "".join(c["source"]), sorted(c.get("metadata", {}).get("tags", []))] for c in nb["cells"]]
    blob = json.dumps([code, nb["metadata"].get("kernelspec", {}), CLEAN_VERSION], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def clean(nb: dict) -> dict:
    """Strip volatile metadata from an executed notebook (in place) and return it."""
    nb["metadata"].pop("papermill", None)
    info = nb["metadata"].get("language_info")
    if info:
        info.pop("version", None)  # the interpreter's patch level differs between machines
    for cell in nb["cells"]:
        meta = cell.get("metadata", {})
        for key in ("papermill", "execution", "collapsed", "scrolled"):
            meta.pop(key, None)
        if "outputs" in cell:
            cell["outputs"] = coalesce_streams(cell["outputs"])
    return nb


def _text(output: dict) -> str:
    return "".join(output["text"]) if isinstance(output["text"], list) else output["text"]


def coalesce_streams(outputs: list) -> list:
    """Merge consecutive outputs of one stream (stdout or stderr) into one.

    The kernel flushes a stream on a timer, so one ``print`` can arrive as
    one output or as two, depending on timing; merged, the notebook's bytes
    no longer depend on when the flush fired.
    """
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = _text(previous) + _text(output)
        else:
            merged.append(output)
    return merged


def dumps(nb: dict) -> bytes:
    """Serialise a notebook the way nbformat does (1-space indent, sorted keys)."""
    import nbformat

    return (nbformat.writes(nbformat.from_dict(nb)) + "\n").encode("utf-8")


def parameterize(source: Path, target: Path, parameters: dict) -> Path:
    """Write ``source`` with papermill's injected-parameters cell to ``target``.

    papermill does the injection (the cell a papermill user would get); the
    caller has already checked that every name is a declared identifier.
    """
    import nbformat
    from papermill.parameterize import parameterize_notebook

    nb = nbformat.read(source, as_version=4)
    nb.metadata["papermill"] = nbformat.NotebookNode()  # what papermill's own runner prepares first
    for cell in nb.cells:  # papermill reads every cell's tags and fails on a cell that has none (design.ipynb)
        cell.metadata.setdefault("tags", [])
    nb = parameterize_notebook(nb, parameters, kernel_name=kernel_name(source))
    for cell in nb.cells:  # papermill gives its injected cell a random id; a run's notebook must be the same bytes
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    Path(target).write_text(nbformat.writes(nb), encoding="utf-8")
    return Path(target)
