"""A small pool of warm Jupyter kernels that run notebooks one after another.

Why not one fresh kernel per notebook, as papermill does? Measured here
(see bench/): starting a kernel costs about 1 s, and importing pandas,
matplotlib and ``helpers`` in it another 1–1.5 s, while most notebooks
then compute for well under a second. With seven notebooks on two cores,
those start-up costs were most of the build. So the build starts one kernel
per worker (as many workers as cores), and each kernel runs several
notebooks in turn.

Each notebook still starts from a clean slate: before it runs, the kernel's
user namespace, history and execution counter are reset
(``InteractiveShell.reset(new_session=True)``) and open figures are closed;
only imported modules stay warm. nbclient (the engine papermill itself
uses) numbers execution counts per notebook, so outputs do not depend on
which kernel ran a notebook or in which order. nbval re-executes every
committed notebook in a fresh kernel and compares outputs, which would
catch any state leaking from one notebook into the next.

A kernel whose notebook failed is replaced by a fresh one.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from . import notebooks, paths

__all__ = ["run_notebooks", "NotebookFailed"]

_RESET = (
    "get_ipython().reset(new_session=True)\n"
    "import matplotlib.pyplot as _plt\n"
    "_plt.close('all')\n"
    "del _plt\n"
)


class NotebookFailed(RuntimeError):
    """A cell of a notebook raised; carries the cell and the error."""

    def __init__(self, notebook: str, execution_count: int | None, ename: str, evalue: str):
        self.exec_count, self.ename, self.evalue = execution_count, ename, evalue
        super().__init__(f"{notebook}, cell In[{execution_count}]: {ename}: {evalue}")


#: Kernels' own stderr (start-up chatter such as ipykernel's transport
#: warning) goes here rather than over the build's progress bar. Cell errors
#: still reach the build through the notebook's outputs.
KERNEL_LOG = paths.CACHE_DIR / "kernels.log"


async def _start(kernel_name: str):
    from jupyter_client.manager import AsyncKernelManager

    km = AsyncKernelManager(kernel_name=kernel_name)
    KERNEL_LOG.parent.mkdir(parents=True, exist_ok=True)
    with open(KERNEL_LOG, "ab") as log:
        await km.start_kernel(cwd=str(paths.ROOT), stderr=log)
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=120)
    return km, kc


async def _stop(km, kc) -> None:
    kc.stop_channels()
    await km.shutdown_kernel(now=True)


def _failure(nb: dict, name: str, exc: Exception) -> NotebookFailed:
    """Find the failing cell in the executed notebook and describe it."""
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return NotebookFailed(name, cell.get("execution_count"), output["ename"], output["evalue"])
    return NotebookFailed(name, None, type(exc).__name__, str(exc).strip().splitlines()[-1] if str(exc) else "")


async def _worker(queue: asyncio.Queue, kernel_name: str, results: dict, on_done) -> None:
    import nbformat
    from nbclient import NotebookClient

    km = kc = None
    try:
        while True:
            try:
                key, source, target = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            if km is None:
                km, kc = await _start(kernel_name)
            else:
                await kc.execute_interactive(_RESET, store_history=False, timeout=60)
            nb = nbformat.read(source, as_version=4)
            client = NotebookClient(nb, km=km, timeout=600, kernel_name=kernel_name,
                                    resources={"metadata": {"path": str(paths.ROOT)}})
            client.kc = kc
            try:
                await client.async_execute(cleanup_kc=False)
                data = notebooks.dumps(notebooks.clean(dict(nb)))
                Path(target).write_bytes(data)
                results[key] = data
            except Exception as exc:  # one failed notebook must not stop the others
                results[key] = _failure(nb, f"notebooks/{Path(source).name}", exc)
                await _stop(km, kc)  # its state is unknown: the next notebook gets a fresh kernel
                km = kc = None
            on_done(key)
    finally:
        if km is not None:
            await _stop(km, kc)


def run_notebooks(jobs: list[tuple[str, Path, Path]], *, workers: int, kernel_name: str = "mscs-review",
                  on_done=lambda key: None) -> dict[str, bytes | NotebookFailed]:
    """Execute notebooks on ``workers`` warm kernels.

    Parameters
    ----------
    jobs : list of (key, source, target)
        Each notebook to run and where to write its cleaned, executed copy.
        Put the slowest first: workers take them in order.
    workers : int
        Kernels running at once.
    on_done : callable
        Called with the key of each finished notebook (progress bars).

    Returns
    -------
    dict
        Key to the executed notebook's bytes, or to a :class:`NotebookFailed`.
    """
    async def main() -> dict:
        queue: asyncio.Queue = asyncio.Queue()
        for job in jobs:
            queue.put_nowait(job)
        results: dict = {}
        count = max(1, min(workers, len(jobs)))
        await asyncio.gather(*(_worker(queue, kernel_name, results, on_done) for _ in range(count)))
        return results

    return asyncio.run(main())
