"""``make`` never calls the network: a forced build and the site render with every internet connection refused.

The only module that opens one is ``review.registry`` (``review registry
fetch``, opt-in); tests/unit/review/test_registry.py checks that no other
module imports an HTTP or socket client. This test checks the behaviour:
every process of the build (the build, its kernels, the site renderer)
starts with a ``sitecustomize`` that refuses IPv4/IPv6 connections and name
lookups, so a network call anywhere would fail the build. Kernels talk to
the build over private IPC sockets (review.kernels), which stay allowed.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import overlay

GUARD = """
import socket
_connect = socket.socket.connect
def _refuse(self, address, *args, **kwargs):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        raise OSError("network refused by the test: %r" % (address,))
    return _connect(self, address, *args, **kwargs)
def _no_lookup(*args, **kwargs):
    raise OSError("name lookup refused by the test")
socket.socket.connect = _refuse
socket.getaddrinfo = _no_lookup
"""


def test_a_build_and_the_site_need_no_network(project_copy, built, tmp_path):
    overlay(built, project_copy)
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    env = {**os.environ, "REVIEW_ROOT": str(project_copy), "PYTHONPATH": str(guard)}
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert "refused by the test" in probe.stderr, "the guard must be active in every process"
    result = subprocess.run(
        [sys.executable, "-m", "review", "build", "-q", "--force", "--only", "table4", "references", "trials"],
        cwd=project_copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "refused by the test" not in result.stdout + result.stderr
