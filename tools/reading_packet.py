"""Make the packet a blind domain reader gets for one exhibit (docs/reviews/BRIEF.md).

    .venv/bin/python tools/reading_packet.py OUT_DIR EXHIBIT [EXHIBIT ...]

For each exhibit, ``OUT_DIR/<exhibit>/`` receives:

- ``notebook.md``: the commit, the catalog title and caption, then the
  notebook's Markdown cells and the text it displays (plain-text and
  Markdown outputs, stdout), with every code cell left out, because the
  reader must judge what a reader of the exhibit sees, not the code;
- the exhibit's files from the manifest that a reader reads: PNG, CSV and
  Markdown (not the SVG/PDF twins of the PNG, nor binary spreadsheets);
- ``findings.md``: empty, for the reader's record.

The packet is made from the committed outputs, so a reading is of exactly
what a scientist would download at that commit.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READABLE = (".png", ".csv", ".md", ".bib")


def _commit() -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


class _HtmlText(HTMLParser):
    """Plain text of an HTML display: a table becomes Markdown rows, other tags are dropped.

    The notebooks show their tables as HTML; a reader given only
    ``<IPython.core.display.HTML object>`` (their text/plain twin) could not
    check a number (second readings, trials 2.5 and fig1 #11). A parser of
    our own, because the lock has no HTML-to-Markdown converter and a
    reader needs only the cells' text, row by row.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._text: list[str] = []
        self._header_done = False
        self._skip = 0  # inside <style> or <script>: not text a reader sees

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            # A cell's printed items (Table 4's bullets) stay apart, as in the exhibit's own Markdown (table4 3.4).
            self._cell.append(" <br> ")
        elif tag in ("br", "p", "div", "caption") and self._cell is None:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()).replace("|", "\\|"))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.lines.append("| " + " | ".join(self._row) + " |")
            if not self._header_done:
                self.lines.append("|" + "---|" * len(self._row))
                self._header_done = True
            self._row = None
        elif tag == "table":
            self._header_done = False
            self.lines.append("")
        elif tag in ("p", "div", "caption"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        (self._cell if self._cell is not None else self._text).append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.lines.append(text)
        self._text = []

    def text(self) -> str:
        self._flush()
        return "\n".join(self.lines).strip()


def html_text(html: str) -> str:
    """The text of an HTML display, its tables as Markdown rows."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _outputs_text(cell: dict) -> list[str]:
    """The text a reader sees under a code cell: stdout, Markdown, HTML (as text) and plain-text displays."""
    shown = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stdout":
            shown.append("".join(out.get("text", "")))
        data = out.get("data", {})
        if "text/markdown" in data:
            shown.append("".join(data["text/markdown"]))
        elif "text/html" in data:
            shown.append(html_text("".join(data["text/html"])))
        elif "text/plain" in data and "image/png" not in data:
            shown.append("```\n" + "".join(data["text/plain"]) + "\n```")
    return shown


def notebook_text(exhibit: str, commit: str) -> str:
    """``notebook.md``: what the exhibit's notebook shows a reader, without its code."""
    sys.path.insert(0, str(ROOT / "src"))
    from helpers.core import catalog

    entry = catalog.EXHIBITS[exhibit]
    nb = json.loads((ROOT / "notebooks" / f"{exhibit}.ipynb").read_text(encoding="utf-8"))
    parts = [
        f"# Notebook text of `{exhibit}` (markdown cells and the text the notebook displays; code cells omitted)",
        f"Read at commit {commit}.",
        f"Title: {entry.title}",
        f"Caption: {entry.caption}",
    ]
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            parts.append("".join(cell["source"]))
        elif cell["cell_type"] == "code":
            parts += _outputs_text(cell)
    return "\n\n".join(p.strip() for p in parts if p.strip()) + "\n"


def make(out: Path, exhibit: str, commit: str) -> Path:
    """Write the packet of one exhibit into ``out/<exhibit>/`` and return that folder."""
    folder = out / exhibit
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "notebook.md").write_text(notebook_text(exhibit, commit), encoding="utf-8")
    manifest = json.loads((ROOT / "figures" / "manifest.json").read_text(encoding="utf-8"))
    for name in sorted(manifest["exhibits"][exhibit]["files"]):
        if name.endswith(READABLE):
            shutil.copy2(ROOT / name, folder / Path(name).name)
    (folder / "findings.md").write_text("", encoding="utf-8")
    return folder


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out, exhibits = Path(argv[0]), argv[1:]
    commit = _commit()
    for exhibit in exhibits:
        print(make(out, exhibit, commit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
