"""Why the environment note was not written, word for word (issue 21: review.manifest's last survivors)."""

from __future__ import annotations

import errno

import pytest

from helpers.core import paths
from review import manifest

REFUSALS = [
    # what writing the note raised, what the note says
    (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),  # the system's reason, no errno
    (OSError(errno.EROFS, "Read-only file system"), "Read-only file system"),
    (OSError("the disk said no"), "the disk said no"),  # no errno, so no strerror: the message
]


@pytest.mark.parametrize("error, said", REFUSALS, ids=["full-disk", "read-only", "no-errno"])
def test_an_unwritable_note_says_why_in_the_systems_short_words(tmp_path, monkeypatch, error, said):
    def refuse(path, data):
        raise error

    monkeypatch.setattr(paths, "FIGURES_DIR", tmp_path / "figures")  # no manifest.json there
    monkeypatch.setattr(manifest, "ENVIRONMENT", tmp_path / "env.json")
    monkeypatch.setattr(manifest.files, "write_bytes", refuse)
    here = manifest.note_environment()
    assert here["unwritten"] == said
    assert here["manifest_python"] is None and not (tmp_path / "env.json").exists()
