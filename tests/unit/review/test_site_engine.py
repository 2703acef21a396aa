"""The site's incremental engine (``review.site.engine.apply``): outputs made on worker threads.

Thumbnails are made on worker threads while the pages render. These tests
pin what that must not change: the bytes, the order outputs are reported and
recorded in, that an up-to-date output is not made again, and that a failure
still leaves the state of what was written before it.
"""

from __future__ import annotations

import json
import threading

import pytest

from review.site import engine
from review.site.engine import Output, apply


def _outputs(made: list[tuple[str, int]], *, concurrent: bool, fail: str | None = None) -> list[Output]:
    def maker(name: str):
        def make(context) -> bytes:
            made.append((name, threading.get_ident()))
            if name == fail:
                raise RuntimeError(f"cannot make {name}")
            return f"{name} for {context}".encode()

        return make

    return [
        Output("index.html", "k1", make=maker("index.html")),
        Output("thumbs/a.png", "k2", make=maker("thumbs/a.png"), concurrent=concurrent),
        Output("exhibits/a.html", "k3", make=maker("exhibits/a.html")),
        Output("thumbs/b.png", "k4", make=maker("thumbs/b.png"), concurrent=concurrent),
    ]


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_concurrent_outputs_give_the_same_files_and_order_as_sequential_ones(tmp_path):
    seq, par = tmp_path / "seq", tmp_path / "par"
    made_seq, made_par = [], []
    first = apply(_outputs(made_seq, concurrent=False), seq, "ctx")
    second = apply(_outputs(made_par, concurrent=True), par, "ctx")
    assert _files(seq) == _files(par)
    assert first.rendered == second.rendered == ["index.html", "thumbs/a.png", "exhibits/a.html", "thumbs/b.png"]
    main = threading.get_ident()
    assert {name for name, thread in made_par if thread != main} == {"thumbs/a.png", "thumbs/b.png"}
    assert all(thread == main for _, thread in made_seq)


def test_an_up_to_date_concurrent_output_is_not_made_again(tmp_path):
    apply(_outputs([], concurrent=True), tmp_path, "ctx")
    made: list[tuple[str, int]] = []
    again = apply(_outputs(made, concurrent=True), tmp_path, "ctx")
    assert made == []
    assert again.unchanged == ["index.html", "thumbs/a.png", "exhibits/a.html", "thumbs/b.png"]
    made.clear()
    forced = apply(_outputs(made, concurrent=True), tmp_path, "ctx", force=True)
    assert sorted(name for name, _ in made) == sorted(forced.rendered) and len(made) == 4


def test_a_failing_concurrent_output_raises_in_order_and_keeps_the_state_of_what_came_before(tmp_path):
    with pytest.raises(RuntimeError, match="cannot make thumbs/b.png"):
        apply(_outputs([], concurrent=True, fail="thumbs/b.png"), tmp_path, "ctx")
    state = json.loads((tmp_path / engine.STATE_NAME).read_text(encoding="utf-8"))["outputs"]
    assert state == {"index.html": "k1", "thumbs/a.png": "k2", "exhibits/a.html": "k3"}
    assert not (tmp_path / "thumbs" / "b.png").exists()
