"""The clinical trial landscape: what Table 3's studies are, how far they got, and how many take part.

Works on :func:`helpers.data.coded.trials`. Enrollment is printed as one number
per trial: participants for a completed trial, a plan for the others. The
summary keeps those apart (:func:`helpers.outputs.tables.enrollment` states what each
line means), and the figure labels each mark with its meaning.
"""

from __future__ import annotations

import pandas as pd

from helpers.core.vocab import DISEASE_CODES

__all__ = ["landscape", "PHASES", "STATUS_ORDER", "enrollment_meaning"]

#: Phase columns, left to right; a study with no phase (retrospective) is shown, not dropped.
PHASES = ("1", "1/2", "2", "no phase")
#: Statuses from settled to open.
STATUS_ORDER = ("Completed", "Recruiting", "Not yet recruiting", "Pause", "unknown")


def enrollment_meaning(status: str) -> str:
    """Whether a printed enrollment counts participants or plans them, from the trial's status."""
    return {"Completed": "took part", "Recruiting": "planned", "Not yet recruiting": "planned"}.get(
        status, "planned or actual"
    )


def _phase(value: object) -> str:
    if pd.isna(value):
        return "no phase"
    return str(value).replace(" ", "")


def landscape(trials: pd.DataFrame) -> pd.DataFrame:
    """One line per trial with what the figure draws, in drawing order (by disease, then phase, then row).

    Returns
    -------
    pandas.DataFrame
        ``row, label, disease, phase, status, modality, route, enrollment,
        meaning, registered, identifier``.
    """
    frame = pd.DataFrame(
        {
            "row": trials["row"].astype(int),
            "disease": trials["disease_code"].map(lambda c: DISEASE_CODES.get(c, c)),
            "phase": trials["phase"].map(_phase),
            "status": trials["status"].astype(str),
            "modality": trials["modality"].astype(str),
            "route": trials["route"].astype("string").fillna("not stated").astype(str),
            "enrollment": trials["enrollment"].astype(int),
            "registered": trials["registered"].astype(bool),
            "identifier": [
                nct if pd.notna(nct) else f"ref. [{ref}], no registry number"
                for nct, ref in zip(trials["nct_id"], trials["ref"])
            ],
        }
    )
    frame["meaning"] = frame["status"].map(enrollment_meaning)
    order = {d: i for i, d in enumerate(DISEASE_CODES.values())}
    frame = frame.assign(_d=frame["disease"].map(order), _p=frame["phase"].map(PHASES.index))
    frame = frame.sort_values(["_d", "_p", "row"], ignore_index=True).drop(columns=["_d", "_p"])
    frame.insert(1, "label", [f"{i}  ({d})" for i, d in zip(frame["identifier"], frame["disease"])])
    return frame
