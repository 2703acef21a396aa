"""The site's sanitizer alone, on the XSS corpus: fast enough for mutation testing (make mutation).

The corpus and the checker live with the end-to-end test (tests/integration/test_xss.py),
which plants the same payloads in data cells and notebook outputs and loads every page in
Chromium; here each payload goes through :func:`review.site.sanitize_html` only.
"""

from __future__ import annotations

import pytest

from tests.integration.test_xss import PAYLOADS, findings


def test_the_checker_finds_what_it_looks_for():
    bad = "".join(p for _, p in PAYLOADS)
    found = "\n".join(findings(bad))
    for expected in (
        "<script>",
        "onerror",
        "<iframe>",
        "<object>",
        "<embed>",
        "<base>",
        "refresh",
        "__xss=10",
        "__xss=12",
    ):
        assert expected in found or expected.strip("<>") in found, expected
    assert findings('<a href="x.html">x</a><img src="data:image/png;base64,AAAA" alt="">') == []


@pytest.mark.parametrize("payload", [p for _, p in PAYLOADS], ids=[n for n, _ in PAYLOADS])
def test_the_sanitizer_leaves_nothing_that_runs(payload):
    from review.site import sanitize_html

    assert findings(sanitize_html(payload)) == []
