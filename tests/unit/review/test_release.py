"""Releases: the version's one place, the CHANGELOG section, and a bundle that verifies on its own (review.release)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
import yaml

from review import release

PYPROJECT = '[project]\nname = "mscs-aging-review"\nversion = "0.1.0"\n'
CFF = 'cff-version: 1.2.0\ntitle: t\nversion: 0.1.0\ndate-released: "2026-11-27"\nlicense: MIT\n'


@pytest.fixture
def tree(tmp_path):
    """A project's release files, outside git (so the CHANGELOG says "First release.")."""
    (tmp_path / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    (tmp_path / "CITATION.cff").write_text(CFF, encoding="utf-8")
    return tmp_path


def _snapshot(root):
    return {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}


@pytest.mark.parametrize(
    ("version", "when", "message"),
    [
        ("0.2", None, "VERSION '0.2': expected three numbers"),
        ("v0.2.0", None, "VERSION 'v0.2.0': expected three numbers"),
        ("0.1.0", None, "VERSION 0.1.0: not newer than the current version 0.1.0"),
        ("0.0.9", None, "VERSION 0.0.9: not newer than the current version 0.1.0"),
        ("0.2.0", "6 Dec 2026", "--date '6 Dec 2026': expected YYYY-MM-DD"),
    ],
)
def test_a_bad_release_is_refused_before_anything_is_written(tree, version, when, message):
    before = _snapshot(tree)
    with pytest.raises(release.ReleaseError, match=message):
        release.prepare(version, when, root=tree)
    assert _snapshot(tree) == before


def test_prepare_sets_the_version_and_date_and_prepends_the_changelog(tree):
    (tree / "CHANGELOG.md").write_text("# Changelog\n\n## 0.1.0 (2026-11-27)\n\nFirst release.\n", encoding="utf-8")
    assert release.prepare("0.2.0", "2026-12-06", root=tree) == ["pyproject.toml", "CITATION.cff", "CHANGELOG.md"]
    assert 'version = "0.2.0"' in (tree / "pyproject.toml").read_text(encoding="utf-8")
    cff = yaml.safe_load((tree / "CITATION.cff").read_text(encoding="utf-8"))
    assert (str(cff["version"]), str(cff["date-released"])) == ("0.2.0", "2026-12-06")
    log = (tree / "CHANGELOG.md").read_text(encoding="utf-8")
    assert log.startswith("# Changelog\n\n## 0.2.0 (2026-12-06)\n")
    assert log.index("## 0.2.0") < log.index("## 0.1.0 (2026-11-27)")  # the older section is kept, below


# --- bundles ------------------------------------------------------------------------------------------------------

MEMBERS = {
    "figures/fig1.png": b"\x89PNG fig1",
    "tables/table1.csv": b"row,disease\n1,POF\n",
    "CITATION.cff": CFF.replace("0.1.0", "0.2.0").encode(),
    ".zenodo.json": json.dumps({"version": "0.2.0"}).encode(),
}


def _manifest(members):
    files = {n: hashlib.sha256(members[n]).hexdigest() for n in ("figures/fig1.png", "tables/table1.csv")}
    return json.dumps(
        {
            "exhibits": {
                "fig1": {"files": {"figures/fig1.png": files["figures/fig1.png"]}},
                "table1": {"files": {"tables/table1.csv": files["tables/table1.csv"]}},
            }
        }
    ).encode()


def _bundle(tmp_path, change=None, name="mscs-aging-review-0.2.0.zip"):
    members = dict(MEMBERS)
    members["figures/manifest.json"] = _manifest(members)
    members[release.SUMS] = release._sums(members)
    if change:
        change(members)
    path = tmp_path / name
    path.write_bytes(release._zip(members))
    return path


def _flip_a_byte(name):
    def change(members):
        data = bytearray(members[name])
        data[0] ^= 1
        members[name] = bytes(data)

    return change


def test_a_bundle_as_packed_verifies(tmp_path):
    assert release.verify_bundle(_bundle(tmp_path)) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _flip_a_byte("figures/fig1.png"),
            [
                "figures/fig1.png: sha256 differs from SHA256SUMS",
                "figures/fig1.png (fig1): sha256 differs from figures/manifest.json",
            ],
        ),
        (
            _flip_a_byte("tables/table1.csv"),
            [
                "tables/table1.csv: sha256 differs from SHA256SUMS",
                "tables/table1.csv (table1): sha256 differs from figures/manifest.json",
            ],
        ),
        (
            lambda m: m.pop("tables/table1.csv"),
            [
                "tables/table1.csv: listed in SHA256SUMS but not in the bundle",
                "tables/table1.csv (table1): in the manifest but not in the bundle",
            ],
        ),
        (lambda m: m.update({"extra.txt": b"x"}), ["extra.txt: in the bundle but not listed in SHA256SUMS"]),
        (lambda m: m.pop(release.SUMS), ["no SHA256SUMS in the bundle"]),
    ],
    ids=["figure-byte", "table-byte", "file-gone", "file-added", "no-sums"],
)
def test_a_changed_bundle_is_rejected_naming_the_file(tmp_path, change, expected):
    problems = release.verify_bundle(_bundle(tmp_path, change))
    assert [p.split(": ", 1)[1] if p.startswith(str(tmp_path)) else p for p in problems] == expected


def test_a_bundle_renamed_to_another_version_is_rejected(tmp_path):
    problems = release.verify_bundle(_bundle(tmp_path, name="mscs-aging-review-0.3.0.zip"))
    assert problems == ["versions disagree: CITATION.cff 0.2.0, .zenodo.json 0.2.0, file mscs-aging-review-0.3.0.zip"]


def test_packing_is_deterministic_and_stamps_no_time():
    once, again = release._zip(dict(MEMBERS)), release._zip(dict(reversed(list(MEMBERS.items()))))
    assert once == again
    with zipfile.ZipFile(io.BytesIO(once)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert [i.filename for i in zf.infolist()] == sorted(MEMBERS)


def test_the_zenodo_record_names_the_release():
    meta = json.loads(release.zenodo("0.2.0", "2026-12-06"))
    assert (meta["version"], meta["publication_date"], meta["upload_type"]) == ("0.2.0", "2026-12-06", "software")
    assert meta["creators"] == [{"name": "The mscs-aging-review contributors"}]
    assert "Li" in meta["notes"] and "CC BY-NC-ND 4.0" in meta["notes"]


def _git(root, *args):
    import subprocess

    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=root, check=True, capture_output=True
    )


def test_the_changelog_section_lists_what_changed_since_the_last_release_tag(tree):
    (tree / "data").mkdir()
    (tree / "data" / "datapackage.json").write_text(
        json.dumps({"resources": [{"path": "x.csv", "schema": {"primaryKey": ["row"]}}]}), encoding="utf-8"
    )
    (tree / "data" / "x.csv").write_text("row,disease\n1,POF\n", encoding="utf-8")
    _git(tree, "init", "-q")
    _git(tree, "add", "-A")
    _git(tree, "commit", "-qm", "first")
    first = release.changelog_section("0.1.0", "2026-11-27", tree)
    assert first == "## 0.1.0 (2026-11-27)\n\nFirst release.\n"  # no earlier v* tag, no manifest yet
    _git(tree, "tag", "v0.1.0")
    (tree / "data" / "x.csv").write_text("row,disease\n1,AD\n", encoding="utf-8")
    section = release.changelog_section("0.2.0", "2026-12-06", tree)
    assert section.startswith("## 0.2.0 (2026-12-06)\n\nSince v0.1.0: 1 rows of data/ changed")
    assert "### Transcribed data (data/)" in section  # the diff's sections, one level down
    assert "- row 1: disease: POF → AD" in section
