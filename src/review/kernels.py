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
(``InteractiveShell.reset(new_session=True)``), open figures are closed and
the ``helpers`` modules are unloaded (:func:`review.contract.begin_code`);
only third-party modules stay warm. After it ran, the kernel reports what
the notebook read, imported and wrote (:func:`review.contract.collect`). nbclient (the engine papermill itself
uses) numbers execution counts per notebook, so outputs do not depend on
which kernel ran a notebook or in which order. nbval re-executes every
committed notebook in a fresh kernel and compares outputs, which would
catch any state leaking from one notebook into the next.

A kernel whose notebook failed is replaced by a fresh one.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from helpers.core import paths

from . import contract, nbfiles

__all__ = [
    "run_notebooks",
    "Executed",
    "NotebookFailed",
    "KernelStartFailed",
    "ipc_sockets",
    "sweep_orphans",
    "DEFAULT_TIMEOUT",
]


@dataclass(frozen=True)
class Executed:
    """A notebook that ran to the end: its cleaned bytes and its run record."""

    notebook: bytes
    record: dict


class NotebookFailed(RuntimeError):
    """A cell of a notebook raised; carries the cell and the error."""

    def __init__(self, notebook: str, execution_count: int | None, ename: str, evalue: str):
        self.exec_count, self.ename, self.evalue = execution_count, ename, evalue
        super().__init__(f"{notebook}, cell In[{execution_count}]: {ename}: {evalue}")


class KernelStartFailed(RuntimeError):
    """A kernel died while starting, on every attempt."""


#: Kernels' own stderr is kept here rather than printed over the build's
#: progress bar. Cell errors still reach the build through the notebook's
#: outputs, and a kernel that dies at start quotes its stderr in the error.
KERNEL_LOG = paths.CACHE_DIR / "kernels.log"

#: Seconds a single cell may run before its notebook fails (``--timeout``).
DEFAULT_TIMEOUT = 600

#: Attempts to start a kernel before its notebook is reported as failed.
START_ATTEMPTS = 3


_PREFIX = "mscs-kernel-"

#: A Unix socket path holds at most 107 bytes; ours add about 30 to the base.
_MAX_BASE = 70


def _socket_base() -> str:
    """The folder for socket folders: the system temp dir, or /tmp if that is too deep.

    Not the project's own .cache: a project, or a test's copy of it, can sit
    deeper than a socket path allows.
    """
    base = tempfile.gettempdir()
    if len(os.fsencode(base)) > _MAX_BASE and os.path.isdir("/tmp"):
        return "/tmp"
    return base


def ipc_sockets() -> tuple[Path, dict[str, str]]:
    """A fresh private folder and the kernel-manager settings that put a kernel's sockets in it.

    Returns
    -------
    folder : Path
        Remove it once the kernel is gone.
    settings : dict
        ``transport`` and ``ip`` for a jupyter_client kernel manager.
    """
    folder = Path(tempfile.mkdtemp(prefix=_PREFIX, dir=_socket_base()))
    (folder / "owner").write_text(str(os.getpid()))
    return folder, {"transport": "ipc", "ip": str(folder / "k")}


def sweep_orphans() -> list[Path]:
    """Remove socket folders left by processes that were killed before cleaning up.

    Returns
    -------
    list of Path
        The folders removed.
    """
    removed = []
    for folder in Path(_socket_base()).glob(f"{_PREFIX}*"):
        try:
            owner = int((folder / "owner").read_text())
            os.kill(owner, 0)
        except ProcessLookupError:  # its owner is gone
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        except (OSError, ValueError):  # not ours to judge: unreadable, another user's, half-made
            continue
    return removed


class _Kernel:
    """One kernel on private Unix-domain sockets, with its own stderr file.

    Why IPC rather than Jupyter's default TCP: to hand a kernel its ports,
    jupyter_client binds free ports, closes them and writes the numbers to a
    file for the kernel to bind again. Another process starting a kernel in
    that window can take one of them, and the kernel dies before replying to
    ``kernel_info`` (jupyter/jupyter_client#154, nteract/papermill#511). The
    test suite and parallel builds start many kernels at once, so the race
    is real here. Socket files in a fresh private folder cannot collide.
    """

    def __init__(self, kernel_name: str):
        from jupyter_client.manager import AsyncKernelManager

        self.folder, sockets = ipc_sockets()
        self.stderr = self.folder / "stderr"
        # The connection file too, rather than the temp folder: a build killed with SIGKILL
        # leaves it behind, and sweep_orphans removes it with the folder.
        connection = str(self.folder / "kernel.json")
        self.km = AsyncKernelManager(kernel_name=kernel_name, connection_file=connection, **sockets)
        self.kc = None

    async def start(self) -> None:
        with open(self.stderr, "wb") as err:
            await self.km.start_kernel(cwd=str(paths.ROOT), stderr=err)
        self.kc = self.km.client()
        self.kc.start_channels()
        await self.kc.wait_for_ready(timeout=120)

    def stderr_tail(self, lines: int = 20) -> str:
        """The last lines the kernel wrote to stderr."""
        try:
            text = self.stderr.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])

    async def stop(self) -> None:
        """Shut the kernel down, keep its stderr in the log, remove its folder."""
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km.has_kernel:
            await self.km.shutdown_kernel(now=True)
        try:
            KERNEL_LOG.parent.mkdir(parents=True, exist_ok=True)
            with open(KERNEL_LOG, "ab") as log:
                log.write(self.stderr.read_bytes())
        except OSError:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


async def _start(kernel_name: str) -> _Kernel:
    """Start a kernel, trying again if it dies on the way up."""
    why = ""
    for _ in range(START_ATTEMPTS):
        kernel = _Kernel(kernel_name)
        try:
            await kernel.start()
            return kernel
        except RuntimeError as exc:  # jupyter_client: "Kernel died before replying to kernel_info"
            why = f"{exc}\n{kernel.stderr_tail()}".strip()
            await kernel.stop()
        except BaseException:  # interrupted (Ctrl-C) while starting: leave no kernel behind
            await kernel.stop()
            raise
    raise KernelStartFailed(
        f"kernel {kernel_name!r} died while starting ({START_ATTEMPTS} attempts); its stderr:\n{why}"
    )


def _failure(nb: dict, name: str, exc: Exception, cell_number: int | None = None, why: str = "") -> NotebookFailed:
    """Find the failing cell in the executed notebook and describe it.

    A cell that raised carries an error output. A cell that timed out or
    whose kernel died does not: ``cell_number`` (the code cells started so
    far) names it, and ``why`` says what happened.
    """
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return NotebookFailed(name, cell.get("execution_count"), output["ename"], output["evalue"])
    text = why or (str(exc).strip().splitlines()[-1] if str(exc).strip() else "")
    return NotebookFailed(name, cell_number, type(exc).__name__, text)


async def _why(kernel: _Kernel, exc: Exception, timeout: int) -> str:
    """Say in words why a cell stopped without an error of its own."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    if isinstance(exc, CellTimeoutError):
        return f"the cell ran longer than the timeout of {timeout} s (--timeout)"
    if isinstance(exc, DeadKernelError):
        code = await kernel.km.provisioner.poll() if kernel.km.provisioner else None
        tail = kernel.stderr_tail(5)
        return (
            "the kernel died while the cell ran"
            + (f" (exit code {code})" if code is not None else "")
            + (f"; its stderr: {tail}" if tail else "")
        )
    return ""


async def _run_one(
    kernel: _Kernel, source: Path, target: Path, stage: str | None, kernel_name: str, timeout: int
) -> Executed:
    """Run one notebook on a started kernel and collect its record."""
    import nbformat
    from nbclient import NotebookClient

    await kernel.kc.execute_interactive(contract.begin_code(stage), store_history=False, timeout=60)
    nb = nbformat.read(source, as_version=4)
    client = NotebookClient(
        nb, km=kernel.km, timeout=timeout, kernel_name=kernel_name, resources={"metadata": {"path": str(paths.ROOT)}}
    )
    client.kc = kernel.kc
    try:
        await client.async_execute(cleanup_kc=False)
    except Exception as exc:
        why = await _why(kernel, exc, timeout)
        raise _failure(nb, f"notebooks/{Path(source).name}", exc, client.code_cells_executed or None, why) from exc
    record = await contract.collect(kernel.kc)
    data = nbfiles.dumps(nbfiles.clean(dict(nb)))
    Path(target).write_bytes(data)
    return Executed(data, record)


async def _worker(
    queue: asyncio.Queue, kernel_name: str, stage: str | None, timeout: int, results: dict, on_done
) -> None:
    kernel = None
    try:
        while True:
            try:
                key, source, target = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            try:
                kernel = kernel or await _start(kernel_name)
                results[key] = await _run_one(kernel, source, target, stage, kernel_name, timeout)
            except KernelStartFailed as exc:  # reported as this notebook's failure; the next one tries again
                results[key] = exc
            except Exception as exc:  # one failed notebook must not stop the others
                if asyncio.current_task().cancelling():  # nbclient turns Ctrl-C into DeadKernelError
                    raise asyncio.CancelledError from exc
                results[key] = (
                    exc
                    if isinstance(exc, NotebookFailed)
                    else NotebookFailed(f"notebooks/{Path(source).name}", None, type(exc).__name__, str(exc))
                )
                await kernel.stop()  # its state is unknown: the next notebook gets a fresh kernel
                kernel = None
            on_done(key)
    finally:
        if kernel is not None:
            await kernel.stop()


def run_notebooks(
    jobs: list[tuple[str, Path, Path]],
    *,
    workers: int,
    kernel_name: str = "mscs-review",
    stage: str | None = None,
    timeout: int = DEFAULT_TIMEOUT,
    on_done=lambda key: None,
) -> dict[str, Executed | Exception]:
    """Execute notebooks on ``workers`` warm kernels.

    Parameters
    ----------
    jobs : list of (key, source, target)
        Each notebook to run and where to write its cleaned, executed copy.
        Put the slowest first: workers take them in order.
    workers : int
        Kernels running at once.
    stage : str, optional
        Folder for canonical exhibits (see :func:`helpers.core.runrecord.begin`).
    timeout : int
        Seconds a single cell may run.
    on_done : callable
        Called with the key of each finished notebook (progress bars).

    Returns
    -------
    dict
        Key to an :class:`Executed`, or to the exception that stopped it
        (:class:`NotebookFailed` or :class:`KernelStartFailed`).
    """
    sweep_orphans()

    async def main() -> dict:
        queue: asyncio.Queue = asyncio.Queue()
        for job in jobs:
            queue.put_nowait(job)
        results: dict = {}
        count = max(1, min(workers, len(jobs)))
        with _ctrl_c_cancels(asyncio.current_task()):
            await asyncio.gather(*(_worker(queue, kernel_name, stage, timeout, results, on_done) for _ in range(count)))
        return results

    try:
        return asyncio.run(main())
    except asyncio.CancelledError:  # Ctrl-C: every worker has stopped its kernel
        raise KeyboardInterrupt from None


@contextmanager
def _ctrl_c_cancels(task: asyncio.Task):
    """Make Ctrl-C (SIGINT) cancel ``task``, and keep nbclient from taking the signal over.

    nbclient installs a SIGINT handler of its own for each notebook, which
    shuts that notebook's kernel down and lets the other notebooks run on;
    a build must stop as a whole instead. Cancelling the task cancels every
    worker, and each stops its kernel on the way out.
    """
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGINT, task.cancel)
    except (RuntimeError, ValueError):  # not the main thread: nbclient cannot install its handler either
        yield
        return
    loop.add_signal_handler = loop.remove_signal_handler = lambda *_args, **_kwargs: None
    try:
        yield
    finally:
        del loop.add_signal_handler, loop.remove_signal_handler
        loop.remove_signal_handler(signal.SIGINT)
