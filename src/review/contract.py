"""The build's side of the run record (the notebook's side is :mod:`helpers.core.runrecord`).

Two calls travel over the kernel's own Jupyter channel, outside the
notebook, so the notebook's bytes do not depend on who runs it:

* before a notebook: :func:`begin_code`, code that clears what the previous
  notebook left in a warm kernel (its namespace, figures and imported
  ``helpers`` modules, so the record lists only what this notebook imports)
  and calls :func:`helpers.core.runrecord.begin`;
* after it: :func:`collect`, which evaluates
  :func:`helpers.core.runrecord.report` as a Jupyter ``user_expressions`` entry
  and checks the schema id and keys before the build uses the record.
"""

from __future__ import annotations

import ast
import json

from helpers.core import runrecord

__all__ = ["ContractError", "begin_code", "collect", "parse"]

_EXPRESSION = "__import__('helpers.core.runrecord').core.runrecord.report()"


class ContractError(RuntimeError):
    """The kernel's run record is missing or not of the schema this build knows."""


def begin_code(stage_dir: str | None) -> str:
    """Code to run in a kernel before a notebook: reset, then start a fresh record."""
    return (
        "get_ipython().reset(new_session=True)\n"
        "import sys as _sys, matplotlib.pyplot as _plt\n"
        "_plt.close('all')\n"
        "[_sys.modules.pop(_m) for _m in list(_sys.modules) if _m == 'helpers' or _m.startswith('helpers.')]\n"
        "import helpers.core.runrecord as _rr\n"
        f"_rr.begin({stage_dir!r})\n"
        "del _sys, _plt, _rr\n"
    )


def parse(text: str) -> dict:
    """Check a record's JSON text against :data:`helpers.core.runrecord.SCHEMA` and return it.

    Raises
    ------
    ContractError
        When the text is not JSON, names another schema or lacks a key.
    """
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContractError(f"the run record is not JSON: {exc}") from None
    if not isinstance(record, dict) or record.get("schema") != runrecord.SCHEMA:
        found = record.get("schema") if isinstance(record, dict) else type(record).__name__
        raise ContractError(f"run record schema {found!r}; this build reads {runrecord.SCHEMA!r}")
    missing = [key for key in runrecord.RECORD_KEYS if key not in record]
    if missing:
        raise ContractError(f"run record lacks {', '.join(missing)}")
    return record


async def collect(kc, timeout: float = 60) -> dict:
    """Ask a kernel for the record of the notebook it just ran.

    Parameters
    ----------
    kc : jupyter_client.AsyncKernelClient
        The client of the kernel that ran the notebook.
    """
    reply = await kc.execute_interactive(
        "", store_history=False, timeout=timeout, user_expressions={"record": _EXPRESSION}
    )
    value = reply["content"].get("user_expressions", {}).get("record", {})
    if value.get("status") != "ok":
        raise ContractError(f"the kernel could not report its run record: {value.get('ename')}: {value.get('evalue')}")
    # user_expressions return the repr of the value: a quoted Python string.
    return parse(ast.literal_eval(value["data"]["text/plain"]))
