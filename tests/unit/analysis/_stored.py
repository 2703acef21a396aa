"""Read what a committed notebook shows: its stored Markdown outputs (the computed "What to notice")."""

from __future__ import annotations

import json
import re

from tests.conftest import ROOT


def markdown_outputs(exhibit: str) -> list[str]:
    """The text of every Markdown output stored in ``notebooks/<exhibit>.ipynb``, in order."""
    nb = json.loads((ROOT / "notebooks" / f"{exhibit}.ipynb").read_text(encoding="utf-8"))
    return [
        "".join(o["data"]["text/markdown"])
        for c in nb["cells"]
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    ]


def numbers(text: str) -> list[int]:
    """Every whole number in a sentence, in order (years and reference numbers included)."""
    return [int(n) for n in re.findall(r"(?<![\w.])\d+(?![\w.]\d)", text)]
