"""Make a synthetic ``data/`` N times larger, valid against the project's schema.

Usage: ``.venv/bin/python bench/scale.py TARGET_PROJECT [--factor 100] [--seed 0]``

``TARGET_PROJECT`` is a copy of the project (``data/`` at least); its
``data/`` is rewritten in place. Every table of studies, trials, tissue
sources and references becomes ``factor`` times longer:

* the first copy is the real data, unchanged (curated tags, transcription
  notes and the reviewed annotation point at those rows, and stay true);
* every further row is a real row drawn at random (seeded), given a new key
  (``row``, or ``ref`` for a reference) and, for a study, a reference to the
  matching copy of its reference (a new number, so references grow too);
  a trial gets a new NCT number.

The schema is the project's, with one change a larger data set needs: the
upper bound of the reference numbers (83, the review's count) becomes the new
count. The result is checked with :func:`helpers.data.curated.validate` before this
script returns.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

#: Resources made longer, and their key column.
SCALED = {
    "references": "ref",
    "msc_studies": "row",
    "exosome_studies": "row",
    "clinical_trials": "row",
    "tissue_sources": "row",
}


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def scale(data_dir: Path, factor: int, seed: int = 0) -> dict[str, int]:
    """Rewrite ``data_dir`` ``factor`` times larger; return the new row count of each scaled file."""
    rng = random.Random(seed)
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    _, references = _read(data_dir / resources["references"]["path"])
    n_refs = len(references)
    counts = {}
    for name, key in SCALED.items():
        path = data_dir / resources[name]["path"]
        header, rows = _read(path)
        out = [dict(r) for r in rows]
        for copy in range(1, factor):
            for number, row in enumerate(rng.choices(rows, k=len(rows)), start=1):
                new = dict(row)
                new[key] = str(copy * len(rows) + number)
                if "ref" in new and name != "references":
                    new["ref"] = str(int(row["ref"]) + copy * n_refs)  # the matching copy of its reference
                if name == "clinical_trials" and new["nct_number"].startswith("NCT"):
                    new["nct_number"] = f"NCT{rng.randrange(10**8):08d}"
                out.append(new)
        _write(path, header, out)
        counts[name] = len(out)
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            if field["name"] == "ref" and "maximum" in field.get("constraints", {}):
                field["constraints"]["maximum"] = n_refs * factor
    (data_dir / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return counts


def validate(project: Path) -> None:
    """Check the scaled package with the project's own validation, in a process rooted at ``project``."""
    env = {**os.environ, "REVIEW_ROOT": str(project)}
    code = "from helpers.data import curated; curated.validate(use_cache=False)"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the scaled data is not valid:\n{done.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a copy of the project; its data/ is rewritten")
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    counts = scale(args.project / "data", args.factor, args.seed)
    validate(args.project)
    print(", ".join(f"{name} {count}" for name, count in counts.items()), f"rows ({args.factor}x), valid")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
