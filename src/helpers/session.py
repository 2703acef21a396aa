"""One notebook run: validated parameters, output folder and written files.

A notebook calls :func:`start` right after its ``parameters`` cell::

    run = start("table3", globals())

``start`` validates the declared parameters before anything is read or
written and decides where the exhibits go:

* default parameters: the canonical ``tables/`` or ``figures/`` (or, inside
  ``review build``, the build's staging folder, see
  :func:`helpers.runrecord.begin`);
* anything else: ``runs/<readable-slug>/`` (or the given ``output_dir``),
  never the canonical folders.

Every written file is reported to :mod:`helpers.runrecord`. The notebook's
last call, :meth:`Run.finish`, lists the files and, for a run with other
parameters, leaves the record beside them as ``run.json``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import catalog, files, formats, paths, runrecord
from .params import Resolved, declared, validate

__all__ = ["start", "Run", "RUN_RECORD"]

#: The record a non-canonical run leaves in its folder.
RUN_RECORD = "run.json"


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
        target = files.write_bytes(self.out_dir / f"{self.exhibit.id}.{suffix}", payload)
        self.written[target.name] = hashlib.sha256(payload).hexdigest()
        runrecord.note_written(target.name, self.written[target.name])

    def save_table(self, frame) -> None:
        """Write a table exhibit in every requested format."""
        for fmt in self.values["formats"]:
            self._write(
                fmt,
                formats.table_bytes(
                    frame, fmt, exhibit=self.exhibit.id, title=self.exhibit.title, caption=self.exhibit.caption
                ),
            )

    def save_figure(self, fig) -> None:
        """Write a figure exhibit in every requested format, at the run's dpi."""
        for fmt in self.values["formats"]:
            self._write(fmt, self._render(fig, fmt))

    def _render(self, fig, fmt: str) -> bytes:
        # The SVG shown inline is the one written to disk: render it once.
        if fmt == "svg" and id(fig) in self._svg:
            return self._svg[id(fig)]
        payload = formats.figure_bytes(
            fig, fmt, exhibit=self.exhibit.id, title=self.exhibit.title, dpi=self.values.get("dpi", 100)
        )
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

    def finish(self) -> str:
        """End the run: list each written file with its SHA-256.

        A run with other parameters also writes the run record (parameters,
        files, data read, library modules used) as ``run.json`` beside its
        files, whoever ran it; canonical runs are described by the build's
        manifest instead.

        Returns
        -------
        str
            The listing, printed by the notebook so nbval watches the hashes.
        """
        if not self.params.canonical:
            text = json.dumps(runrecord.record(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
            files.write_bytes(self.out_dir / RUN_RECORD, text.encode("utf-8"))
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
    given = {name: namespace[name] for name in declared(notebook) if name in namespace}
    resolved = validate(exhibit, info.kind, given, notebook)
    out_dir = resolved.out_dir
    stage = runrecord.stage()
    if resolved.canonical and stage is not None:
        out_dir = stage / out_dir.name
    runrecord.note_run(info.id, resolved.values, resolved.canonical, out_dir)
    return Run(info, resolved, out_dir)
