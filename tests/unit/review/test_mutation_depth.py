"""tests/conftest.py's fix of mutmut's ``max_stack_depth``: frames without a file are skipped, not fatal.

mutmut 3.8.1 resolves every frame's file strictly while it walks the stack
of a call of a mutated function, so a call from module level (an import's
``<frozen importlib._bootstrap>``) or from generated code (``<string>``)
aborted the whole run (boxed/mutmut#570). Each case builds a call chain of
real files and fileless frames and checks what the recorder keeps.
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
import types
from collections import defaultdict
from pathlib import Path

import pytest

from tests import conftest


@pytest.fixture
def folder():
    """A scratch folder whose path does not contain "pytest" (mutmut stops its walk at any such file)."""
    path = Path(tempfile.mkdtemp(prefix="depth-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def recorder(folder, monkeypatch):
    """The patched ``record_trampoline_hit`` against a stub of mutmut's settings and state."""
    from mutmut import configuration, stats
    from mutmut.mutation import trampoline

    state = importlib.import_module("mutmut.state")  # the package's own `state` names the function

    recorded = types.SimpleNamespace(_stats=set(), function_dependencies=defaultdict(set))
    settings = types.SimpleNamespace(
        max_stack_depth=2, resolved_mutated_source_paths=[folder / "src"], track_dependencies=True
    )
    monkeypatch.setattr(configuration, "config", lambda: settings)
    monkeypatch.setattr(state, "state", lambda: recorded)
    # Set to their own values so that monkeypatch puts mutmut's originals back after the patch replaced them.
    monkeypatch.setattr(stats, "record_trampoline_hit", stats.record_trampoline_hit)
    monkeypatch.setattr(trampoline, "record_trampoline_hit", trampoline.record_trampoline_hit)
    conftest._mutmut_depth_survives_frames_without_a_file()
    assert stats.record_trampoline_hit is trampoline.record_trampoline_hit
    return trampoline.record_trampoline_hit, settings, recorded


def _call_through(folder: Path, frames: list[str], record) -> None:
    """Call ``record`` from the innermost of ``frames`` (outermost first), each a code object with that file."""
    target = record
    for index, kind in enumerate(reversed(frames)):
        if kind.startswith("<"):
            filename = kind
        else:
            path = folder / kind / f"frame{len(frames) - index}.py"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("# one frame of a call chain\n", encoding="utf-8")
            filename = str(path)
        namespace: dict = {}
        source = "def step(name, caller=None):\n    return target(name, caller=caller)\n"
        exec(compile(source, filename, "exec"), {"target": target}, namespace)  # noqa: S102
        target = namespace["step"]
    target("helpers.x.f", caller="helpers.x.g")


# (frames from the outermost to the innermost caller of the mutated function, max_stack_depth, recorded).
# As in mutmut, the walk starts at the recorder and ends at the test runner; each frame under the mutated
# sources uses up one of the depth, and a depth used up before the runner means "too deep": not recorded.
CASES = [
    # A module-level call while importing: the import machinery's frames have no file.
    (["tests", "<frozen importlib._bootstrap>", "src"], 2, True),
    # A dataclass's generated __init__ calling into project code.
    (["tests", "src", "<string>", "src"], 2, False),
    (["tests", "src", "<string>", "src"], 3, True),
    # A test calling the function directly: no project frame between them.
    (["tests"], 1, True),
    # Frames outside the mutated sources (test files, helpers of the tests) use up no depth.
    (["tests", "tests", "tests", "src"], 2, True),
    (["tests", "src", "src", "src"], 2, False),
    (["tests", "src", "src", "src"], -1, True),
]


@pytest.mark.parametrize("frames, depth, kept", CASES, ids=[f"{'>'.join(f)}-depth{d}" for f, d, _ in CASES])
def test_frames_without_a_file_are_skipped_and_only_mutated_sources_use_up_the_depth(
    folder, recorder, frames, depth, kept
):
    record, settings, recorded = recorder
    settings.max_stack_depth = depth
    _call_through(folder, frames, record)
    assert (recorded._stats == {"helpers.x.f"}) is kept
    assert dict(recorded.function_dependencies) == ({"helpers.x.f": {"helpers.x.g"}} if kept else {})
