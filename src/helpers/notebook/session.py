"""One notebook run: validated parameters, output folder and written files.

A notebook calls :func:`start` right after its ``parameters`` cell::

    run = start("table3", globals())

``start`` validates the declared parameters before anything is read or
written and decides where the exhibits go:

* default parameters: the canonical ``tables/`` or ``figures/`` (or, inside
  ``review build``, the build's staging folder, see
  :func:`helpers.core.runrecord.begin`);
* anything else: ``runs/<readable-slug>/`` (or the given ``output_dir``),
  never the canonical folders.

Every written file is reported to :mod:`helpers.core.runrecord`. The notebook's
last call, :meth:`Run.finish`, lists the files and, for a run with other
parameters, leaves the record beside them as ``run.json``.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from helpers.core import catalog, edition, files, paths, project, runrecord
from helpers.data import curated
from helpers.notebook.params import (
    _EDITION_SHOWN,
    CHOICES,
    Resolved,
    check_declared,
    declared,
    describe_selection,
    injected,
    slug,
    validate,
)
from helpers.outputs import formats

__all__ = ["InlineSVG", "start", "Run", "RUN_RECORD"]

#: The exhibits whose current edition names its additions in the title (the reproductions that mark every added
#: row, and the audit); the figures keep the generic words.
_NAMED_EDITIONS = ("table1", "table2", "table3", "references", "audit")
#: The record a non-canonical run leaves in its folder.
RUN_RECORD = "run.json"


class InlineSVG:
    """A figure shown inline exactly as its SVG file holds it, from ``<svg`` on (the XML prolog dropped).

    Why not IPython's ``SVG``: it re-serialises the markup with
    :mod:`xml.dom.minidom`, whose escaping of quotes in text changed in
    Python 3.13, so a committed notebook's bytes depended on the interpreter
    that built it (a 3.13 ``make`` left fig1, fig2 and vesicles modified).
    Jupyter asks an object for ``_repr_svg_`` and stores what it returns.
    """

    def __init__(self, markup: str):
        start = markup.find("<svg")
        if start < 0:
            raise ValueError("not an SVG document: no <svg element")
        self.markup = markup[start:]

    def _repr_svg_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        # The notebook stores this as the output's text/plain; object's default names a memory address.
        return "<SVG figure>"


@dataclass
class Run:
    """The state of one notebook run; see :func:`start`."""

    exhibit: catalog.Exhibit
    params: Resolved
    out_dir: Path
    written: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    #: With ``flagged: drop``, the (table, row) pairs the audit flags, which every selection leaves
    #: out (helpers.core.selection.left_out); None when the run does not drop.
    audit_flagged: frozenset[tuple[str, int]] | None = None
    _svg: dict[int, bytes] = field(default_factory=dict, repr=False)  # figure id -> rendered SVG
    _left_out: list | None = field(default=None, repr=False)  # helpers.data.flags.left_out_rows, once

    @property
    def values(self) -> dict[str, object]:
        """The validated parameter values."""
        return self.params.values

    def selected(self, name: str) -> tuple[str, ...] | None:
        """Selected codes of a list parameter, or None when all are selected."""
        return self.params.selected(name)

    @property
    def selection(self) -> str:
        """``Selection: …`` naming what a run with other parameters shows; ``""`` for the defaults.

        Figures carry it as a subtitle and tables in their caption, so an
        exhibit cited from a run is never mistaken for the canonical one. A
        ``flagged: drop`` run says how many of its rows the audit's flags left out, and which.
        """
        if self.values.get("flagged") != "drop":
            return self._edition_named(describe_selection(self.params.changed, self.exhibit.id))
        from helpers.data import flags  # deferred: only a drop run counts what it left out

        return self._edition_named(
            describe_selection(self.params.changed, self.exhibit.id, flags.left_out_line(self._dropped()))
        )

    def _additions(self) -> str:
        """The additions a current-edition run holds, in words (:func:`helpers.data.added.summary`); else ""."""
        if self.values.get("edition") != edition.CURRENT:
            return ""
        from helpers.data import added

        return added.summary()

    def _holds_additions(self) -> bool:
        """False when the exhibit reproduces one table and none of the additions is in it (Table 2 or 3 of a
        current edition that adds a Table 1 study): its "Cite as" then says so (table2 ed2 reading 7.1)."""
        from helpers.data import added

        resource = self.exhibit.resource
        return resource not in added.KEYS or bool(len(added.provenance(resource)))

    def _edition_named(self, said: str) -> str:
        """Name a current edition by what it adds to the review, for the tables, the references and the audit.

        A current-edition run of a reproduction is not a "Selection" of the print (it may hold more rows than
        the review), so a run that changes only the edition says ``current edition: the review's 28 rows plus 1
        added since (row 29), not from the review`` (:func:`helpers.data.added.scope`); the audit names every
        addition. Other exhibits keep the generic words of :func:`describe_selection`.
        """
        if self.values.get("edition") != edition.CURRENT or self.exhibit.id not in _NAMED_EDITIONS:
            return said
        from helpers.data import added

        generic = _EDITION_SHOWN[edition.CURRENT]
        resource = self.exhibit.resource
        if resource in added.KEYS:
            n_added = len(added.provenance(resource))
            named = added.scope(resource, len(curated.load(resource)) - n_added)
            if said != f"Selection: {generic}":  # a selection of rows too: their printed count is not the review's
                named = named.replace(f"the review's {len(curated.load(resource)) - n_added} ", "the review's ")
        else:
            what = added.summary()
            named = f"current edition: the review plus {what}, not from the review" if what else generic
        said = said.replace(generic, named)
        return said.removeprefix("Selection: ") if said == f"Selection: {named}" else said

    def _dropped(self) -> list:
        if self._left_out is None:
            from helpers.data import flags

            self._left_out = flags.left_out_rows(self)
        return self._left_out

    def caption(self, note: str = "") -> str:
        """A figure's caption (its note) led by what the run's ``flagged`` choice did; ``note`` alone for ``mark``.

        ``keep`` says the audit's flags are not shown; ``drop`` how many rows of the selection it
        left out, which, and how many the counts are of (:func:`helpers.data.flags.audit_caption`).
        """
        mode = str(self.values.get("flagged", "mark"))
        if mode == "mark":
            return note
        from helpers.data import flags

        lead = flags.audit_caption(mode, self._dropped() if mode == "drop" else None)
        return f"{lead} {note}".strip()

    def _write(self, suffix: str, payload: bytes) -> None:
        self._write_named(f"{self.exhibit.id}.{suffix}", payload)

    def _write_named(self, name: str, payload: bytes) -> None:
        target = files.write_bytes(self.out_dir / name, payload)
        self.written[target.name] = hashlib.sha256(payload).hexdigest()
        runrecord.note_written(target.name, self.written[target.name])

    def save_table(self, frame, *, legend: str = "", notes: tuple[str, ...] = ()) -> None:
        """Write a table exhibit in every requested format.

        ``legend`` is the text printed under the table
        (:func:`helpers.outputs.tables.legend`) and ``notes`` our notes on its
        cells (transcription, setting and audit notes); the Markdown, LaTeX and
        Excel files carry both (see :func:`helpers.outputs.formats.table_bytes`). A run with other
        parameters names its selection in the title, so the file is never
        mistaken for the canonical table.
        """
        title = self._titled()
        for fmt in self.values["formats"]:
            self._write(
                fmt,
                formats.table_bytes(
                    frame,
                    fmt,
                    exhibit=self.exhibit.id,
                    title=title,
                    caption=self.exhibit.caption,
                    legend=legend,
                    notes=notes,
                ),
            )

    def _titled(self) -> str:
        """The title a file's metadata carries: the exhibit's, naming the selection (and edition) of a run."""
        return f"{self.exhibit.title} ({self.selection})" if self.selection else self.exhibit.title

    def save_figure(self, fig) -> None:
        """Write a figure exhibit in every requested format, at the run's dpi."""
        for fmt in self.values["formats"]:
            self._write(fmt, self._render(fig, fmt))

    def _render(self, fig, fmt: str) -> bytes:
        # The SVG shown inline is the one written to disk: render it once.
        if fmt == "svg" and id(fig) in self._svg:
            return self._svg[id(fig)]
        payload = formats.figure_bytes(
            fig,
            fmt,
            exhibit=self.exhibit.id,
            title=self._titled(),
            dpi=self.values.get("dpi", 100),
            **self._traced(),
        )
        if fmt == "svg":
            self._svg[id(fig)] = payload
        return payload

    def _traced(self) -> dict[str, str]:
        """What a run's figure carries to be traced back: its selection, the version, its page when a view.

        Empty for the canonical run (its figures' bytes stay as they were). A
        view is a run the catalog declares (:func:`helpers.core.catalog.is_view`),
        written to its own ``runs/<slug>/``; the site serves it at
        :func:`helpers.core.project.view_page`.
        """
        if self.params.canonical or not self.selection:
            return {}
        name = slug(self.exhibit.id, self.params.changed)
        view = catalog.is_view(self.exhibit.id, self.params.changed) and self.out_dir == paths.RUNS_DIR / name
        page = project.view_page(self.exhibit.id, name) if view else ""
        return {"selection": self.selection, "version": project.release().version, "page": page}

    def save_text(self, suffix: str, text: str) -> None:
        """Write one text file ``<id>.<suffix>`` (UTF-8)."""
        self._write(suffix, text.encode("utf-8"))

    def save_evidence(self, frame) -> None:
        """Write the rows behind a figure as ``<id>.evidence.csv`` beside it."""
        self._write("evidence.csv", frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))

    def save_data(self, frame) -> None:
        """Write every number a figure draws as ``<id>.data.csv`` beside it."""
        self._write("data.csv", frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))

    def save_package(self, frames: dict, descriptor: dict) -> None:
        """Write a dataset exhibit: one ``<name>.csv`` per frame and their ``datapackage.json``.

        Only ``dataset`` exhibits write files not named after their id: a
        data package names its resources.
        """
        if self.exhibit.kind != "dataset":
            raise ValueError(f"{self.exhibit.id}: save_package is for dataset exhibits")
        for name, frame in frames.items():
            self._write_named(f"{name}.csv", frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
        text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
        self._write_named("datapackage.json", text.encode("utf-8"))

    def svg(self, fig) -> InlineSVG:
        """The figure for display inline (nbval compares SVG, not PNG): the SVG file's own markup."""
        return InlineSVG(self._render(fig, "svg").decode("utf-8"))

    def rerun(self) -> str:
        """The exact commands that rerun this notebook, from the project root.

        For a run with other parameters: the same run with ``review run``
        and with plain papermill. For the canonical run: the build, then an
        example with one selecting parameter changed.
        """
        exhibit, notebook = self.exhibit.id, f"notebooks/{self.exhibit.id}.ipynb"
        if self.params.changed:
            args = " ".join(f"-p {name} {_shown(value)}" for name, value in self.params.changed.items())
            return "\n".join(
                [
                    "# this run again (its files go to runs/<slug>/):",
                    f".venv/bin/review run {exhibit} {args}",
                    f".venv/bin/papermill {notebook} {exhibit}-run.ipynb {args}",
                ]
            )
        example = next((f"-p {n} {CHOICES[n][0]}" for n in CHOICES if n in self.values), "")
        return "\n".join(
            [
                f"# the canonical exhibit ({self.exhibit.folder.name}/{exhibit}.*), rebuilt if its inputs changed:",
                f".venv/bin/review build --only {exhibit}",
                "# with your own parameters (files go to runs/<slug>/, never to the canonical folder):",
                f".venv/bin/review run {exhibit} {example}".rstrip(),
                f".venv/bin/papermill {notebook} {exhibit}-run.ipynb {example}".rstrip(),
            ]
        )

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
        if self.values.get("edition", edition.PRINTED) != edition.PRINTED:
            lines.append(curated.edition_note())
        lines += [f"  {name:<14} sha256 {digest}" for name, digest in sorted(self.written.items())]
        # The citation names a file's SHA-256, which exists only once the exhibit is written, so the
        # "Cite as" line closes the listing rather than heading the notebook.
        cite = project.cite_as(
            self.exhibit,
            self.written,
            canonical=self.params.canonical,
            selection=self.selection.removeprefix("Selection: "),
            additions=self._additions(),
            holds_additions=self._holds_additions(),
        )
        lines += ["", textwrap.fill(cite, width=110, break_on_hyphens=False, break_long_words=False)]
        return "\n".join(lines)


def _shown(value: object) -> str:
    """A parameter value as typed on a command line."""
    return ",".join(value) if isinstance(value, tuple) else str(value)


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
    helpers.notebook.params.ParameterError
        Before anything is read or written, naming the parameter and the
        allowed values.
    """
    edition.use(edition.PRINTED)  # a warm kernel may have run a current-edition notebook before this one
    info = catalog.get(exhibit)
    notebook = paths.NOTEBOOKS_DIR / f"{exhibit}.ipynb"
    defaults = declared(notebook)
    # papermill runs an undeclared name with a warning only; the notebook itself refuses it.
    check_declared(exhibit, {name: None for name in injected(namespace)}, defaults)
    given = {name: namespace[name] for name in defaults if name in namespace}
    resolved = validate(exhibit, info.kind, given, notebook)
    edition.use(str(resolved.values.get("edition", edition.PRINTED)))  # every later load reads this edition
    out_dir = resolved.out_dir
    stage = runrecord.stage()
    if resolved.canonical and stage is not None:
        out_dir = stage / out_dir.name
    runrecord.note_run(info.id, resolved.values, resolved.canonical, out_dir)
    return Run(info, resolved, out_dir, audit_flagged=_audit_flagged(resolved.values))


def _audit_flagged(values: dict[str, object]) -> frozenset[tuple[str, int]] | None:
    """The (table, row) pairs the audit flags, for a ``flagged: drop`` run; None for any other.

    Fetched here, in the notebook layer, because the layers that select rows sit below the audit
    and may not import it (ARCHITECTURE.md, "The audit inside the exhibits").
    """
    if values.get("flagged") != "drop":
        return None
    # Deferred: only a drop run consults the audit here, so other notebooks do not depend on it.
    from helpers.audit import flags as audit_flags

    found = audit_flags.by_row()
    flagged = found[found["audit_flag"]]
    return frozenset(zip(flagged["table"].astype(str), (int(r) for r in flagged["row"])))
