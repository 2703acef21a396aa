"""One notebook run: validated parameters, output folder and written files.

A notebook calls :func:`start` right after its ``parameters`` cell::

    run = start("table3", globals())

``start`` validates the declared parameters before anything is read or
written and decides where the exhibits go:

* default parameters: the canonical ``tables/`` or ``figures/``;
* anything else: ``runs/<readable-slug>/`` (or the given ``output_dir``),
  never the canonical folders.

During ``review build`` the environment variable ``REVIEW_STAGE_DIR`` names
a staging folder; canonical files are written there and moved into place by
the build only after the whole notebook has succeeded.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import catalog, data, export, paths
from .params import Resolved, validate

__all__ = ["start", "Run", "STAGE_ENV"]

STAGE_ENV = "REVIEW_STAGE_DIR"


@dataclass
class Run:
    """The state of one notebook run; see :func:`start`."""

    exhibit: catalog.Exhibit
    params: Resolved
    out_dir: Path
    written: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    _svg: dict[int, bytes] = field(default_factory=dict, repr=False)  # figure id -> rendered SVG

    @property
    def values(self) -> dict[str, object]:
        """The validated parameter values."""
        return self.params.values

    def selected(self, name: str) -> tuple[str, ...] | None:
        """Selected codes of a list parameter, or None when all are selected."""
        return self.params.selected(name)

    def _write(self, suffix: str, payload: bytes) -> None:
        target = export.write_bytes(self.out_dir / f"{self.exhibit.id}.{suffix}", payload)
        self.written[target.name] = hashlib.sha256(payload).hexdigest()
        self._record()

    def save_table(self, frame) -> None:
        """Write a table exhibit in every requested format."""
        for fmt in self.values["formats"]:
            self._write(fmt, export.table_bytes(frame, fmt, exhibit=self.exhibit.id,
                                                title=self.exhibit.title, caption=self.exhibit.caption))

    def save_figure(self, fig) -> None:
        """Write a figure exhibit in every requested format, at the run's dpi."""
        for fmt in self.values["formats"]:
            payload = self._render(fig, fmt)
            self._write(fmt, payload)

    def _render(self, fig, fmt: str) -> bytes:
        # The SVG shown inline is the one written to disk: render it once.
        if fmt == "svg" and id(fig) in self._svg:
            return self._svg[id(fig)]
        payload = export.figure_bytes(fig, fmt, exhibit=self.exhibit.id, title=self.exhibit.title,
                                      dpi=self.values.get("dpi", 100))
        if fmt == "svg":
            self._svg[id(fig)] = payload
        return payload

    def save_text(self, suffix: str, text: str) -> None:
        """Write one text file ``<id>.<suffix>`` (UTF-8)."""
        self._write(suffix, text.encode("utf-8"))

    def save_evidence(self, frame) -> None:
        """Write the rows behind a figure as ``<id>.evidence.csv`` beside it."""
        self._write("evidence.csv", frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))

    def svg(self, fig) -> str:
        """The figure as SVG text, for display inline (nbval compares SVG, not PNG)."""
        return self._render(fig, "svg").decode("utf-8")

    def _record(self) -> None:
        """Record parameters, outputs and the data files read, beside the outputs.

        The build reads this record to fill the manifest and to know which
        data files each notebook depends on.
        """
        if self.params.canonical and not os.environ.get(STAGE_ENV):
            return  # a canonical run outside the build: the build's manifest is the record
        record = {
            "exhibit": self.exhibit.id,
            "canonical": self.params.canonical,
            "parameters": {k: list(v) if isinstance(v, tuple) else v for k, v in self.values.items()},
            "files": dict(sorted(self.written.items())),
            "inputs": {paths.relative(p): export.sha256(p) for p in data.files_read()},
        }
        name = f"{self.exhibit.id}.record.json" if self.params.canonical else "run.json"
        payload = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
        export.write_bytes(self.out_dir / name, payload.encode())

    def files_report(self) -> str:
        """Text listing each written file and its SHA-256 (keeps figures under nbval's watch)."""
        where = self.exhibit.folder if self.params.canonical else self.out_dir
        lines = [f"Exhibit {self.exhibit.id}, written to {paths.relative(where)}/"]
        lines += [f"  {name:<14} sha256 {digest}" for name, digest in sorted(self.written.items())]
        return "\n".join(lines)


def start(exhibit: str, namespace: dict) -> Run:
    """Validate a notebook's parameters and prepare its run.

    Parameters
    ----------
    exhibit : str
        The exhibit id; the notebook ``notebooks/<exhibit>.ipynb`` declares
        the parameters.
    namespace : dict
        The notebook's ``globals()``, holding the (possibly injected) values.

    Returns
    -------
    Run

    Raises
    ------
    helpers.params.ParameterError
        Before anything is read or written, naming the parameter and the
        allowed values.
    """
    info = catalog.get(exhibit)
    notebook = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    from .params import declared

    given = {name: namespace[name] for name in declared(notebook) if name in namespace}
    resolved = validate(exhibit, info.kind, given, notebook)
    out_dir = resolved.out_dir
    stage = os.environ.get(STAGE_ENV)
    if resolved.canonical and stage:
        out_dir = Path(stage) / out_dir.name
    run = Run(info, resolved, out_dir)
    data.track_reads(lambda: run._record() if run.written else None)
    return run
