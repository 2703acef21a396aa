"""The review's selection: from its reference list to the studies and trials its tables use.

Every reference plays one role (:data:`helpers.core.vocab.REFERENCE_ROLES`). Three roles follow from the
printed tables and are derived here (:func:`derived_roles`): a Table 1 or Table 2 row cites the reference in its
Ref. column, or a Table 3 row prints the reference where the others print an NCT number, or the reference's
entry prints a Table 3 row's NCT number. The other three are our reading of the body text and the titles,
stored in ``data/reference_roles.csv``; :func:`roles` refuses that file when its tabulated roles drift from
the tables. A reference may back several rows and a row may cite no reference (most of Table 3), so the flow
counts rows and references apart and says which it counts.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from helpers.core.vocab import DISEASE_CODES, REFERENCE_ROLES
from helpers.data import curated
from helpers.data.derive.disease import disease_code
from helpers.data.derive.registry import nct_id

__all__ = [
    "TABLE_ROLES",
    "TEXT_ROLES",
    "BOXES",
    "EDGES",
    "derived_roles",
    "roles",
    "flow",
    "evidence",
    "untabulated_primary",
    "first_author",
    "undecided",
    "UNDECIDED",
    "select",
    "LISTED_SELECTED",
    "PATIENTS",
    "OFF_MODEL",
    "COMPANION",
    "SAME_GROUP",
    "noted",
    "HEADINGS",
    "PATIENT_ROWS",
    "UNDECIDED_REFS",
]

MSC, EXOSOME, TRIAL, PRIMARY, REVIEW, METHOD = REFERENCE_ROLES
#: The roles a printed table decides, by the table (file and printed name) that decides them.
TABLE_ROLES: dict[str, tuple[str, str]] = {
    "msc_studies": ("Table 1", MSC),
    "exosome_studies": ("Table 2", EXOSOME),
    "clinical_trials": ("Table 3", TRIAL),
}
#: The roles read from the body text and the titles (``data/reference_roles.csv``).
TEXT_ROLES: tuple[str, ...] = (PRIMARY, REVIEW, METHOD)

#: The flow's boxes, top to bottom and left to right: id -> the references it holds (roles), or None for all.
BOXES: dict[str, tuple[str, ...] | None] = {
    "listed": None,
    "tabulated": (MSC, EXOSOME, TRIAL),
    "text_only": TEXT_ROLES,
    "table1": (MSC,),
    "table2": (EXOSOME,),
    "table3": (TRIAL,),
    "primary": (PRIMARY,),
    "review": (REVIEW,),
    "method": (METHOD,),
}
#: The arrows: each box's references are split among the boxes it points to.
EDGES: tuple[tuple[str, str], ...] = (
    ("listed", "tabulated"),
    ("listed", "text_only"),
    ("tabulated", "table1"),
    ("tabulated", "table2"),
    ("tabulated", "table3"),
    ("text_only", "primary"),
    ("text_only", "review"),
    ("text_only", "method"),
)

_CITED_RE = re.compile(r"^\[(\d+)\]$")
_NCT_RE = re.compile(r"NCT\d{8}")


def _backing(printed: dict[str, pd.DataFrame], references: pd.DataFrame) -> list[tuple[int, str, int]]:
    """``(ref, table, row)`` for every printed row a reference backs, in table and row order."""
    out = []
    for resource, (table, _) in TABLE_ROLES.items():
        frame = printed[resource]
        if resource != "clinical_trials":
            out += [(int(ref), table, int(row)) for ref, row in zip(frame["ref"], frame["row"]) if pd.notna(ref)]
            continue
        entries = {int(r): " ".join(str(v) for v in values) for r, values in zip(references["ref"], references.values)}
        for row, cell in zip(frame["row"], frame["nct_number"]):
            cited = _CITED_RE.match(str(cell).strip())
            if cited:  # the row prints a reference where the others print an NCT number
                out.append((int(cited.group(1)), table, int(row)))
                continue
            nct = nct_id(str(cell)).value
            # A reference whose printed entry names the row's NCT number is that trial's report.
            out += [(ref, table, int(row)) for ref, text in entries.items() if nct and nct in _NCT_RE.findall(text)]
    return out


def derived_roles(
    printed: dict[str, pd.DataFrame] | None = None, references: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The roles the printed tables decide: one row per reference a table row uses.

    Parameters
    ----------
    printed : dict, optional
        ``msc_studies``, ``exosome_studies`` and ``clinical_trials`` as loaded; read from ``data/`` if omitted.
    references : pandas.DataFrame, optional
        The reference list as loaded.

    Returns
    -------
    pandas.DataFrame
        ``ref``, ``role`` and ``table_rows`` (e.g. ``"Table 1 row 3"``, several joined by ``"; "``).

    Raises
    ------
    ValueError
        If one reference backs rows of two tables, which would give it two roles.
    """
    printed = printed or {name: curated.load(name) for name in TABLE_ROLES}
    references = curated.load("references") if references is None else references
    role_of = {table: role for table, role in TABLE_ROLES.values()}
    rows: dict[int, list[tuple[str, int]]] = {}
    for ref, table, row in _backing(printed, references):
        rows.setdefault(ref, []).append((table, row))
    out = []
    for ref in sorted(rows):
        tables = {table for table, _ in rows[ref]}
        if len(tables) > 1:
            raise ValueError(f"reference [{ref}] backs rows of {', '.join(sorted(tables))}: one role cannot hold it")
        shown = "; ".join(f"{table} row {row}" for table, row in rows[ref])
        out.append({"ref": ref, "role": role_of[next(iter(tables))], "table_rows": shown})
    return pd.DataFrame(out, columns=["ref", "role", "table_rows"])


def _drift(curated_roles: pd.DataFrame, derived: pd.DataFrame) -> list[str]:
    """Where the curated roles disagree with the roles the tables decide, one sentence each."""
    table_roles = {role for _, role in TABLE_ROLES.values()}
    mine = curated_roles.set_index("ref")
    theirs = derived.set_index("ref")
    problems = []
    for ref in sorted(set(mine.index[mine["role"].isin(table_roles)]) | set(theirs.index)):
        if ref not in theirs.index:
            problems.append(f"[{ref}] is curated as {mine.at[ref, 'role']!r} but no table row uses it")
        elif ref not in mine.index:
            problems.append(f"[{ref}] backs {theirs.at[ref, 'table_rows']} but has no curated role")
        elif (mine.at[ref, "role"], str(mine.at[ref, "table_rows"])) != tuple(theirs.loc[ref, ["role", "table_rows"]]):
            problems.append(
                f"[{ref}] is curated as {mine.at[ref, 'role']!r} ({mine.at[ref, 'table_rows']}); the tables make it "
                f"{theirs.at[ref, 'role']!r} ({theirs.at[ref, 'table_rows']})"
            )
    return problems


def first_author(authors: str, note: str = "") -> str:
    """The first author as printed in the entry's author list, marked "[sic; ...]" where the note says so.

    A name the note quotes as printed and follows with "[sic; ...]" is a likely misprint that we keep as
    printed, so that no one cites it from the exhibit without seeing it.

    >>> first_author("Niccoli T, Partridge L")
    'Niccoli T'
    >>> first_author("brahim N, Al Saihati HA", "first author printed as 'brahim N' [sic; probably Ibrahim N]")
    'brahim N [sic; probably Ibrahim N]'
    """
    name = str(authors).split(",")[0].strip()
    sic = re.search(r"printed as '" + re.escape(name) + r"' (\[sic[^\]]*\])", str(note))
    return f"{name} {sic.group(1)}" if sic else name


def roles(curated_roles: pd.DataFrame | None = None, references: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every reference with its one role, its evidence and its first author, year and title as printed.

    Raises
    ------
    ValueError
        If ``data/reference_roles.csv`` disagrees with the roles the tables decide (:func:`derived_roles`),
        or does not hold every reference of the list exactly once.
    """
    curated_roles = curated.load("reference_roles") if curated_roles is None else curated_roles
    references = curated.load("references") if references is None else references
    problems = _drift(curated_roles, derived_roles(references=references))
    problems += _coverage(references["ref"].astype(int).tolist(), curated_roles["ref"].astype(int).tolist())
    if problems:
        raise ValueError("data/reference_roles.csv disagrees with the printed tables: " + "; ".join(problems))
    printed = references[["ref", "authors", "year", "title"]].copy()
    out = curated_roles.merge(printed, on="ref", how="left")
    out["first_author"] = [first_author(a, n) for a, n in zip(out["authors"], out["note"].fillna(""))]
    out = out.drop(columns="authors")
    out["ref"] = out["ref"].astype(int)
    out["disease_codes"] = _disease_codes(out)
    return out.sort_values("ref").reset_index(drop=True)


def _coverage(listed: list[int], held: list[int]) -> list[str]:
    """Why the curated roles do not hold each listed reference exactly once, naming the references.

    Parameters
    ----------
    listed : list of int
        The reference list's numbers.
    held : list of int
        The numbers ``data/reference_roles.csv`` gives a role, as often as it gives one.
    """
    missing = sorted(set(listed) - set(held))
    unknown = sorted(set(held) - set(listed))
    twice = sorted(ref for ref, n in Counter(held).items() if n > 1)
    out = []
    if missing:
        out.append(f"no role for listed reference{'s' if len(missing) > 1 else ''} {missing}")
    if unknown:
        out.append(f"a role for reference{'s' if len(unknown) > 1 else ''} {unknown} not in the list")
    if twice:
        out.append(f"more than one role for reference{'s' if len(twice) > 1 else ''} {twice}")
    return out


#: Disease label (a printed heading of the body text) -> disease code.
_CODE_OF_HEADING = {label: code for code, label in DISEASE_CODES.items()}
_DISEASE_COLUMN = {"msc_studies": "disease", "exosome_studies": "disease", "clinical_trials": "disease_type"}


def _row_codes(printed: dict[str, pd.DataFrame] | None = None) -> dict[tuple[str, int], str]:
    """``(table, row) -> disease code`` for every row of Tables 1-3, from its printed Disease cell."""
    printed = printed or {name: curated.load(name) for name in TABLE_ROLES}
    out = {}
    for resource, (table, _) in TABLE_ROLES.items():
        frame = printed[resource]
        for row, cell in zip(frame["row"], frame[_DISEASE_COLUMN[resource]]):
            code = disease_code(str(cell)).value
            if code:
                out[table, int(row)] = code
    return out


def _disease_codes(frame: pd.DataFrame) -> pd.Series:
    """The diseases each reference is cited for: those of the table rows it backs and of the text section citing it.

    A reference cited only in a section with no disease heading (Introduction, the basics of MSCs) has none.
    """
    rows = _row_codes()
    codes = []
    for table_rows, section in zip(frame["table_rows"].fillna(""), frame["text_section"].fillna("")):
        found = set()
        for part in filter(None, str(table_rows).split("; ")):
            table, row = part.split(" row ")
            found.add(rows.get((table, int(row)), ""))
        found.add(_CODE_OF_HEADING.get(str(section).split(" / ")[-1], ""))
        codes.append("; ".join(c for c in DISEASE_CODES if c in found))
    return pd.Series(codes, index=frame.index, dtype="string")


#: The first box's heading when a run selects diseases.
LISTED_SELECTED = "References cited for the selected diseases"


def select(role_frame: pd.DataFrame, diseases: tuple[str, ...] | None) -> pd.DataFrame:
    """The references cited for any of ``diseases`` (a table row of the disease, or the text's section on it).

    ``None`` keeps every reference, those of general sections included.
    """
    if diseases is None:
        return role_frame
    keep = role_frame["disease_codes"].fillna("").str.split("; ").map(lambda codes: bool(set(codes) & set(diseases)))
    return role_frame[keep].reset_index(drop=True)


#: What each box is, without its numbers (the figure adds them from :func:`flow`). The review reports no search,
#: screening or eligibility criteria, so no box says "included" or "excluded": the boxes part the list by role.
#: Table 3's source is its printed legend (``data/legend_notes.csv``); the print's table titles do not say
#: "preclinical", and Table 1 holds one row the text presents as a study in patients (:data:`PATIENTS`).
HEADINGS: dict[str, str] = {
    "listed": "References in the review's list (numbered in the order the text first cites them)",
    "tabulated": "References behind a table row",
    "text_only": "References cited in the text only (no reason for leaving them out of the tables is reported)",
    "table1": "Table 1 (MSCs)",
    "table2": "Table 2 (MSC exosomes)",
    "table3": "Table 3 (clinical studies; legend: data from ClinicalTrials.gov)",
    "primary": "Primary studies, not tabulated",
    "review": "Reviews or background",
    "method": "Methods or guidelines",
}
#: The quantities a box counts besides its rows and references: Tables 1-2's rows of patient studies, and the
#: primary studies the print leaves undecided.
PATIENT_ROWS = "rows the text presents as a study in patients"
UNDECIDED_REFS = "references the print leaves undecided (primary study or review)"
_TABLE_OF_BOX = {"table1": "msc_studies", "table2": "exosome_studies", "table3": "clinical_trials"}


def _held(frame: pd.DataFrame, box: str) -> pd.DataFrame:
    kept = BOXES[box]
    return frame if kept is None else frame[frame["role"].isin(kept)]


def flow(
    role_frame: pd.DataFrame,
    printed: dict[str, pd.DataFrame] | None = None,
    diseases: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Every number the flow draws: one line per (box, quantity).

    A box counts ``references``; a table's box also counts its printed ``rows``, the ``rows backed by a
    reference`` (its Ref. column, or a reference whose entry prints the row's NCT number) and the ``rows
    without a reference`` (in Table 3, registry records: an NCT number and no publication); Tables 1-2 also
    count their :data:`PATIENT_ROWS`, and the primary studies' box its :data:`UNDECIDED_REFS`. With
    ``diseases``, a table counts only its rows of those diseases, and ``role_frame`` should be :func:`select`'s.

    Returns
    -------
    pandas.DataFrame
        ``box``, ``heading``, ``quantity``, ``n``, in drawing order.
    """
    printed = printed or {name: curated.load(name) for name in TABLE_ROLES}
    codes = _row_codes(printed)
    out = []
    for box in BOXES:
        held = _held(role_frame, box)
        if box in _TABLE_OF_BOX:
            table = TABLE_ROLES[_TABLE_OF_BOX[box]][0]
            numbers = printed[_TABLE_OF_BOX[box]]["row"].astype(int)
            rows = sum(1 for r in numbers if diseases is None or codes.get((table, r)) in diseases)
            cited = _rows_of(held, table, codes, diseases)
            out.append((box, "rows", rows))
            if box != "table3":  # Table 3 is the clinical table; a patient study elsewhere is worth counting
                out.append((box, PATIENT_ROWS, len(_rows_of(held[noted(held, PATIENTS)], table, codes, diseases))))
            out += [
                (box, "rows backed by a reference", len(cited)),
                (box, "rows without a reference", rows - len(cited)),
            ]
        out.append((box, "references", len(held)))
        if box == "primary":
            out.append((box, UNDECIDED_REFS, int(undecided(held).sum())))
    frame = pd.DataFrame(out, columns=["box", "quantity", "n"])
    headings = HEADINGS if diseases is None else {**HEADINGS, "listed": LISTED_SELECTED}
    frame.insert(1, "heading", frame["box"].map(headings))
    return frame


def _rows_of(held: pd.DataFrame, table: str, codes: dict, diseases: tuple[str, ...] | None) -> set[int]:
    """The printed rows of ``table`` that ``held``'s references back, of the selected diseases only."""
    cited = {
        int(part.split(" row ")[1])
        for cell in held["table_rows"]
        for part in str(cell).split("; ")
        if part.startswith(table + " row ")
    }
    return {r for r in cited if diseases is None or codes.get((table, r)) in diseases}


def evidence(role_frame: pd.DataFrame) -> pd.DataFrame:
    """The references behind each box's count: one line per (box, reference), with the printed evidence."""
    parts = []
    for box in BOXES:
        held = _held(role_frame, box)[
            [
                "ref",
                "first_author",
                "year",
                "title",
                "role",
                "table_rows",
                "text_section",
                "disease_codes",
                "evidence",
                "note",
            ]
        ]
        parts.append(held.assign(box=box))
    out = pd.concat(parts, ignore_index=True)
    return out[["box", *[c for c in out.columns if c != "box"]]]


def untabulated_primary(role_frame: pd.DataFrame) -> pd.DataFrame:
    """The primary studies the text cites but no table row uses: ref, first author, year, title, where cited."""
    held = role_frame[role_frame["role"] == PRIMARY]
    return held[["ref", "first_author", "year", "title", "text_section", "note"]].reset_index(drop=True)


#: The words ``data/reference_roles.csv``'s note uses where the print does not decide between primary study and
#: review.
UNDECIDED = "does not let us decide"
#: ... where a tabulated row's work is presented by the body text and the cited title as a study in patients.
PATIENTS = "present this work as a study in patients"
#: ... where a text-only study's title shows a model other than the disease of the section that cites it.
OFF_MODEL = "not a model of the section's disease"
#: ... where two tabulated references are companion reports (same authors, year and model).
COMPANION = "companion report of"
#: ... where two tabulated references come from one group (shared authors and model), as separate reports.
SAME_GROUP = "same group as"


def noted(frame: pd.DataFrame, words: str) -> pd.Series:
    """True for the references whose note contains ``words`` (one of the markers above)."""
    return frame["note"].astype("string").fillna("").str.contains(words, regex=False).astype(bool)


def undecided(frame: pd.DataFrame) -> pd.Series:
    """True for the references whose note says the print does not decide between a primary study and a review."""
    return noted(frame, UNDECIDED)
