"""The manifest's ``software`` block: :func:`review.manifest.software` to the key.

The block names the interpreter under the key ``python`` as major.minor, then
the pinned version of each package that shapes the exhibits' bytes, in the
module's order, leaving out packages the lock does not pin and packages that
do not matter to the exhibits. The lock is replaced by a literal one, so the
expected blocks are written by hand.
"""

from __future__ import annotations

import sys

import pytest

from review import manifest

#: The interpreter as the block records it: major.minor, no patch level.
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


@pytest.mark.parametrize(
    "pins, expected",
    [
        # The interpreter first, then the packages that matter in the module's order (pandas before ipykernel);
        # a pin of no exhibit's concern (requests) is left out.
        (
            {"ipykernel": "6.29.5", "requests": "2.32.0", "pandas": "2.2.3"},
            [("python", PYTHON), ("pandas", "2.2.3"), ("ipykernel", "6.29.5")],
        ),
        # An empty lock: the interpreter alone.
        ({}, [("python", PYTHON)]),
    ],
    ids=["pins-that-matter-in-order", "no-pins"],
)
def test_software_block_is_python_then_the_pins_that_matter(monkeypatch, pins, expected):
    """The block is ``python`` (major.minor) followed by the pinned packages that shape the exhibits."""
    monkeypatch.setattr(manifest.lockfiles, "read_lock", lambda: dict(pins))
    assert list(manifest.software().items()) == expected
