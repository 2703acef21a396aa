"""The additions' data package is read as UTF-8 whatever the machine's locale (``helpers.data.additions``).

``data/additions/datapackage.json`` is a file curators may edit, and the project's data files are UTF-8
(``check_utf8``): a title or description may hold "é" or "µ". ``_resources`` must read it as UTF-8 also on a
machine whose locale encoding is another one (cp1252 on Windows); a locale-dependent read would turn "é" into
"Ã©" there. The locale is simulated by the encoding Python picks for a text file opened without one
(``io.text_encoding``), so the test does not depend on the machine it runs on.
"""

from __future__ import annotations

import io
import json

import pytest

from helpers.data import additions

RESOURCES = [
    {"name": "references", "path": "references.csv", "title": "Références ajoutées"},
    {"name": "msc_studies", "path": "msc_studies.csv", "description": "doses in µg, as printed"},
]


@pytest.mark.parametrize(
    "locale",
    [
        pytest.param("cp1252", id="a Windows locale (cp1252)"),
        pytest.param("latin-1", id="a Latin-1 locale"),
        pytest.param("utf-8", id="a UTF-8 locale"),
    ],
)
def test_the_package_is_read_as_utf8_under_any_locale(tmp_path, monkeypatch, locale):
    """Rule: every resource of the additions' package, by name, with its non-ASCII text as written (UTF-8)."""
    (tmp_path / "datapackage.json").write_bytes(json.dumps({"resources": RESOURCES}, ensure_ascii=False).encode())
    monkeypatch.setattr(additions, "_dir", lambda: tmp_path)
    default = io.text_encoding
    # A file opened without an encoding gets the locale's: this machine's locale is replaced by ``locale``.
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: locale if encoding is None else encoding)
    got = additions._resources()
    monkeypatch.setattr(io, "text_encoding", default)
    assert got == {
        "references": {"name": "references", "path": "references.csv", "title": "Références ajoutées"},
        "msc_studies": {"name": "msc_studies", "path": "msc_studies.csv", "description": "doses in µg, as printed"},
    }
