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


@pytest.mark.parametrize(
    "markup, expected",
    [
        # an element off the list keeps its text, even one nh3 would allow by default
        ("<article>a</article><aside>b</aside>", "ab"),
        # script and style go with their content
        ("<style>p{color:red}</style>text", "text"),
        ("<p>a<script>alert(1)</script></p>", "<p>a</p>"),
        # comments go
        ("a<!-- note -->b", "ab"),
        # only http, https, mailto and relative URLs; the attribute goes, the element stays
        ('<a href="ftp://host/x">f</a>', "<a>f</a>"),
        ('<a href="tel:123">t</a>', "<a>t</a>"),
        ('<a href="mailto:a@b.org">m</a>', '<a href="mailto:a@b.org">m</a>'),
        ('<a href="https://x.org/a?b=1#c">h</a>', '<a href="https://x.org/a?b=1#c">h</a>'),
        ('<a href="../x.html">r</a>', '<a href="../x.html">r</a>'),
        # inline style: only the cells' alignment survives
        (
            '<table><tr><td style="color:red;text-align:left;vertical-align:top;position:fixed">c</td></tr></table>',
            '<table><tbody><tr><td style="text-align:left;vertical-align:top">c</td></tr></tbody></table>',
        ),
        # attributes only where listed: a title on a link, none on a paragraph (not even lang or title,
        # which ammonia would otherwise allow on every element)
        ('<p title="t" lang="en" id="i">p</p><a title="t" lang="en">a</a>', '<p>p</p><a title="t">a</a>'),
        # no rel is added to links
        ('<a href="https://x.org">x</a>', '<a href="https://x.org">x</a>'),
    ],
)
def test_the_allow_list_is_exactly_the_documented_one(markup, expected):
    """Rule: listed tags, attributes, two CSS properties and three URL schemes; comments, script, style gone."""
    from review.site import sanitize_html

    assert sanitize_html(markup) == expected


@pytest.mark.parametrize(
    "markup, expected",
    [
        # href and src are rewritten; a title or alt that looks like a URL is not
        (
            '<a href="x.html" title="x.html">l</a><img src="p.png" alt="p.png">',
            '<a href="files/x.html" title="x.html">l</a><img src="files/p.png" alt="p.png">',
        ),
        # a rewrite may not turn a URL into a forbidden scheme: the attribute is dropped
        ('<a href="evil">l</a>', "<a>l</a>"),
        ('<img src="evil" alt="a">', '<img alt="a">'),
        # nor into data:, even for an image
        ('<img src="data" alt="a">', '<img alt="a">'),
        # a URL already refused never reaches the rewrite
        ('<a href="javascript:alert(1)">j</a>', "<a>j</a>"),
    ],
)
def test_rewritten_links_are_checked_again(markup, expected):
    """Rule: every href and src (and only those) passes the rewrite, whose result must be relative or allowed."""
    from review.site import sanitize_html

    def rewrite(url: str) -> str:
        if url == "evil":
            return "javascript:alert(1)"
        if url == "data":
            return "data:image/png;base64,AAAA"
        assert not url.startswith("javascript"), url  # the sanitizer checked it first
        return "files/" + url

    assert sanitize_html(markup, rewrite=rewrite) == expected
