"""End-to-end tests of ``review build``: incremental, atomic, locked, deterministic.

Every test works on a throw-away copy of the project (``project_copy``) and
drives the real command in a subprocess (``review``), so what is checked is
what a user gets: exit codes, messages and the bytes on disk.

Running notebooks is the expensive part (a few seconds each), so two
trees are built once per test session (see ``tests/conftest.py``) and
overlaid onto each test's own copy:

``built``
    the project as committed, after its first ``review build`` in a new
    checkout;
``reference``
    ``built`` with :data:`EDIT` applied to the data and brought up to date
    by ``review build`` (the edited file's readers run): what a complete
    build of the edited data produces.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EDIT, OUTPUTS, ROOT, build_ok, replace_once, review, tree_hashes

EDIT_TRIALS = (
    "data/clinical_trials.csv",
    "hormone replacement therapy for POF",
    "hormone replacement therapy for premature ovarian failure (POF)",
)


# --------------------------------------------------------------------------- helpers


def listed(stdout: str, label: str) -> set[str]:
    """The ids on the ``regenerated:`` or ``up to date:`` line of a build summary."""
    for line in stdout.splitlines():
        if line.startswith(label + ":"):
            return {item.strip() for item in line.split(":", 1)[1].split(",") if item.strip()}
    return set()


def notebook_ids(root: Path) -> set[str]:
    return {p.stem for p in (root / "notebooks").glob("*.ipynb")}


def manifest(root: Path) -> dict:
    return json.loads((root / "figures" / "manifest.json").read_text(encoding="utf-8"))["exhibits"]


def file_bytes(root: Path) -> dict[str, bytes]:
    """Every published file's bytes, by project-relative path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in OUTPUTS
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def stray_temporaries(root: Path) -> list[str]:
    """Half-written files (``.name.XXXX.tmp``) left in the published folders."""
    return [
        p.relative_to(root).as_posix()
        for folder in OUTPUTS
        for p in (root / folder).rglob("*")
        if p.name.startswith(".") and p.name.endswith(".tmp")
    ]


def kernels_of(root: Path) -> list[int]:
    """Processes (the build and its kernels) started with ``REVIEW_ROOT=root``."""
    needle = f"REVIEW_ROOT={root}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if needle in environ:
            found.append(int(entry))
    return found


def kill_build(root: Path, delay: float | str) -> None:
    """Start ``review build --force`` in ``root`` and SIGKILL its process group.

    ``delay`` is seconds after the start, or ``"publishing"``: as soon as the
    publish journal appears. Kernels live in sessions of their own; they
    notice their parent is gone and exit within a second, and any left after
    ten seconds are killed by pid.
    """
    env = {**os.environ, "REVIEW_ROOT": str(root)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "review", "build", "--force", "--no-site"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        if delay == "publishing":
            journal = root / ".cache" / "publish.json"
            deadline = time.monotonic() + 120
            while not journal.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.001)
        else:
            time.sleep(delay)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while kernels_of(root) and time.monotonic() < deadline:
            time.sleep(0.1)
        for pid in kernels_of(root):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# --------------------------------------------------------------------------- 1. no-op


def test_first_build_of_a_fresh_copy_reproduces_the_committed_bytes(fresh_build):
    """A fresh checkout's first build runs every notebook, and every published byte stays as committed."""
    root, facts = fresh_build
    assert listed(facts["stdout"], "regenerated") == notebook_ids(root)
    assert "not yet built in this checkout" in facts["stdout"]
    assert tree_hashes(root, *OUTPUTS) == facts["before"], (
        "the committed outputs are stale or not deterministic: run `review build` and commit them"
    )


def test_noop_build_runs_no_notebook(up_to_date_copy):
    """Once built, a build with nothing changed runs nothing and writes nothing."""
    before = tree_hashes(up_to_date_copy, *OUTPUTS)
    result = build_ok(up_to_date_copy)
    assert listed(result.stdout, "regenerated") == set(), result.stdout
    assert listed(result.stdout, "up to date") == notebook_ids(up_to_date_copy)
    assert tree_hashes(up_to_date_copy, *OUTPUTS) == before
    assert not (up_to_date_copy / ".cache" / "stage").exists()


# --------------------------------------------------------------------------- 2. incremental


def _dependents(root: Path, data_file: str) -> set[str]:
    """Exhibits whose last run read ``data_file``, according to the manifest."""
    return {exhibit for exhibit, entry in manifest(root).items() if data_file in entry["inputs"]}


def stale(root: Path, env: dict[str, str] | None = None) -> set[str]:
    """The notebooks ``review list`` calls stale: those the next ``review build`` would run.

    ``review list`` and the build ask the same question
    (:func:`review.fingerprint.stale`), so a test of which notebooks an edit
    makes stale need not pay for running them; the end-to-end reruns are
    checked once, on the session's ``reference`` build.
    """
    result = subprocess.run(
        [sys.executable, "-m", "review", "list"],
        cwd=root,
        env=env or {**os.environ, "REVIEW_ROOT": str(root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line and not line.startswith(" ")]
    return {row[0] for row in rows if " ".join(row[2:]) != "up to date"}


def test_editing_one_csv_reruns_exactly_its_dependents(built, reference_facts):
    """An edited cell reruns the notebooks whose recorded inputs name that file, and no other.

    The session's ``reference`` tree is exactly this: ``built`` with :data:`EDIT`
    applied and brought up to date by a normal build, whose summary is read here.
    """
    reference, facts = reference_facts
    reference_stdout = facts["stdout"]
    everything = notebook_ids(built)

    # Table 4 is made from tissue_sources.csv.
    expected = _dependents(built, EDIT[0])
    # Table 4 prints tissue_sources.csv; the audit checks every printed table; and the exhibits that carry its
    # findings read it through the audit: the dataset (its audit columns), Tables 1-3 (their notes), Figs. 1-2
    # (captions), the dosing figure (its edged rows), the design map (its daggers) and the gap map (its evidence
    # sets the dataset's audit_flag beside its own "questioned") and the vesicles figure (its ringed rows and the
    # audit's reasons for its in vitro marks). The timeline and trials ask for a few rule families only, none of
    # which reads tissue_sources.csv; the effects and selection exhibits do not consult the audit.
    assert expected == {
        "table4",
        "audit",
        "dataset",
        "table1",
        "table2",
        "table3",
        "fig1",
        "fig2",
        "dosing",
        "design",
        "gapmap",
        "vesicles",
    }, expected
    assert listed(reference_stdout, "regenerated") == expected
    assert listed(reference_stdout, "up to date") == everything - expected
    table4 = (reference / "tables" / "table4.csv").read_text(encoding="utf-8")
    assert "The most extensively studied" in table4 and "The most widely studied" not in table4
    before, after = tree_hashes(built, *OUTPUTS), tree_hashes(reference, *OUTPUTS)
    changed = {name for name in after if after[name] != before.get(name)}
    assert "tables/table4.csv" in changed
    assert changed <= {n for n in after if n.startswith(("tables/table4.", "notebooks/table4."))} | {
        "figures/manifest.json"
    }
    assert review(reference, "verify").returncode == 0


def test_editing_another_csv_makes_exactly_its_dependents_stale(up_to_date_copy):
    """Table 3 is made from clinical_trials.csv; the notebooks that read it, and no other, become stale."""
    root = up_to_date_copy
    expected = _dependents(root, EDIT_TRIALS[0])
    assert {"table3", "trials", "gapmap", "audit"} <= expected
    assert stale(root) == set()
    replace_once(root, *EDIT_TRIALS)
    assert stale(root) == expected


def test_a_file_read_after_the_exhibit_is_saved_is_an_input_too(up_to_date_copy):
    """Table 4's notebook shows a legend from abbreviations.csv, so editing it reruns Table 4."""
    root = up_to_date_copy
    replace_once(root, "data/abbreviations.csv", "\ntable4,5,DP,Dental pulp,", "\ntable4,5,DP,Dental pulp tissue,")
    result = build_ok(root, "--only", "table4")
    assert listed(result.stdout, "regenerated") == {"table4"}
    assert "Dental pulp tissue" in (root / "notebooks" / "table4.ipynb").read_text(encoding="utf-8")


def _with_own_source(root: Path) -> dict[str, str]:
    """Copy ``src/`` into ``root`` and return an environment whose processes import it from there.

    The copy's modules have the same names and bytes as the real ones, so
    the manifest's recorded library hashes still match; editing the copy
    then changes what this project's build and kernels import, and nothing
    the other tests use.
    """
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    return {**os.environ, "REVIEW_ROOT": str(root), "PYTHONPATH": str(root / "src")}


def _build_with(env: dict[str, str], root: Path) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "review", "build", "--no-site"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


#: The module edits built end to end (one figure's module: one notebook runs); the others check which
#: notebooks ``review list`` calls stale, the question the build asks before it runs anything.
BUILT_AFTER_EDIT = {"helpers/plots/gapmap.py", "review/cli.py"}


@pytest.mark.parametrize(
    "module, expected",
    [
        ("review/cli.py", set()),  # the build tool: no notebook imports it
        ("review/kernels.py", set()),
        ("helpers/plots/common.py", "figures"),  # drawing: only the figure notebooks
        ("helpers/plots/gapmap.py", {"gapmap"}),  # one figure's module: only its notebook
        # one rule family: the audit and every exhibit that carries its findings (notes, captions, flags, edges,
        # daggers; the trials notice names the Table 1-2 rows whose cited title the audit finds about patients):
        # all but the references and the exhibits that do not consult the audit (effects, selection)
        (
            "helpers/audit/slips.py",
            {
                "audit",
                "dataset",
                "table1",
                "table2",
                "table3",
                "table4",
                "fig1",
                "fig2",
                "gapmap",
                "timeline",
                "trials",
                "dosing",
                "design",
                "vesicles",
            },
        ),
    ],
)
def test_editing_a_module_reruns_exactly_the_notebooks_that_imported_it(up_to_date_copy, module, expected):
    """A notebook's fingerprint covers the library modules it imported, and only those."""
    root = up_to_date_copy
    if expected == "figures":
        from helpers.core import catalog

        expected = {e for e, info in catalog.EXHIBITS.items() if info.kind == "figure"}
    env = _with_own_source(root)
    assert listed(_build_with(env, root).stdout, "regenerated") == set(), "the copy of src/ changed nothing"
    recorded = {e for e, entry in manifest(root).items() if module in entry["modules"]}
    assert recorded == expected, "the manifest's module records disagree with the imports"
    with open(root / "src" / module, "a", encoding="utf-8") as fh:
        fh.write("\n# an edit that changes the module's bytes\n")
    assert stale(root, env) == expected
    if module in BUILT_AFTER_EDIT:  # one edit is carried through a real build; stale() is what it asks
        result = _build_with(env, root)
        assert listed(result.stdout, "regenerated") == expected, result.stdout
        assert listed(result.stdout, "up to date") == notebook_ids(root) - expected


def test_a_notebook_whose_outputs_were_stripped_runs_again(up_to_date_copy):
    """The executed notebook is part of the exhibit: its bytes are recorded, so a cleared copy is rebuilt."""
    root = up_to_date_copy
    path = root / "notebooks" / "table4.ipynb"
    committed = path.read_bytes()
    nb = json.loads(committed)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")
    result = build_ok(root)
    assert listed(result.stdout, "regenerated") == {"table4"}
    assert "outputs differ from the manifest" in result.stdout
    assert path.read_bytes() == committed
    assert review(root, "verify").returncode == 0


# --------------------------------------------------------------------------- 3. bad data


def test_bad_cell_fails_before_anything_is_written(project_copy):
    """An invalid code stops even a forced build, naming file, column and allowed values."""
    replace_once(project_copy, "data/msc_studies.csv", "\n1,weakness,", "\n1,XYZ,")
    before = tree_hashes(project_copy, *OUTPUTS)
    result = review(project_copy, "build", "--force")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "data/msc_studies.csv" in result.stderr
    assert "'disease'" in result.stderr and "'XYZ'" in result.stderr
    package = json.loads((project_copy / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: r["schema"]["fields"] for r in package["resources"]}["msc_studies"]
    allowed = next(f for f in fields if f["name"] == "disease")["constraints"]["enum"]
    for value in allowed:
        assert repr(value) in result.stderr
    assert "regenerated" not in result.stdout
    assert tree_hashes(project_copy, *OUTPUTS) == before
    assert not (project_copy / ".cache" / "stage").exists()
    assert not (project_copy / "runs").exists()


# --------------------------------------------------------------------------- 4. crashes


def assert_each_file_old_or_new(root: Path, old: dict[str, bytes], new: dict[str, bytes]) -> None:
    """No half-written file, none lost: each published file is wholly old or wholly new.

    A build killed while writing a file may leave its temporary sibling
    (``.name.XXXX.tmp``); the next build sweeps it, so right after a kill a
    temporary is no published file. The tests check that the next build
    leaves none.
    """
    temporaries = set(stray_temporaries(root))
    now = {name: payload for name, payload in file_bytes(root).items() if name not in temporaries}
    for name, payload in now.items():
        assert payload in (old.get(name), new.get(name)), f"{name} is neither the old nor the new file"
    assert set(old) <= set(now), "a published file disappeared"


@pytest.mark.slow  # 30 s; test_publish_interrupted_midway_is_rolled_forward is the quick check
def test_killed_builds_leave_old_or_new_files_and_the_next_build_recovers(up_to_date_copy, reference):
    """SIGKILL a forced build at several moments; every file stays wholly old or new; rebuilds repair all.

    The copy holds outputs of the unedited data; the data is then edited, so
    old and new bytes differ (Table 4, its notebook, the manifest). The
    build is killed 0.5 s, 2 s and 5 s after it starts (importing,
    validating, notebooks running); a normal build of Table 4 must then
    work. Last it is killed the moment its publish journal appears, and the
    next build must finish that publish and find nothing left to run.
    """
    root = up_to_date_copy
    replace_once(root, *EDIT)
    old, new = file_bytes(root), file_bytes(reference)
    assert old != new

    for moment in (0.5, 2.0, 5.0):
        kill_build(root, moment)
        assert_each_file_old_or_new(root, old, new)

    # A build after a killed one: stale leftovers in the stage must not leak into it.
    pre = file_bytes(root)
    result = build_ok(root, "--only", "table4")
    stale = pre["tables/table4.csv"] != new["tables/table4.csv"]  # unless a kill came after the publish
    assert listed(result.stdout, "regenerated") == ({"table4"} if stale else set())
    assert review(root, "verify").returncode == 0
    assert stray_temporaries(root) == []
    for name, payload in file_bytes(root).items():
        if name.startswith(("tables/table4.", "notebooks/table4.")):
            assert payload == new[name], name
        elif name != "figures/manifest.json":  # now old entries plus Table 4's new one
            assert payload == pre[name], name

    before_publish = file_bytes(root)
    kill_build(root, "publishing")
    assert_each_file_old_or_new(root, before_publish, new)

    result = build_ok(root)
    assert listed(result.stdout, "regenerated") == set(), result.stdout
    verified = review(root, "verify")
    assert verified.returncode == 0, verified.stderr
    assert stray_temporaries(root) == []
    assert file_bytes(root) == new
    assert not (root / ".cache" / "publish.json").exists()


def test_publish_interrupted_midway_is_rolled_forward(up_to_date_copy, reference):
    """A journal left by a crash while moving files is completed by the next build, which then runs nothing."""
    root = up_to_date_copy
    replace_once(root, *EDIT)
    new = file_bytes(reference)
    stage = root / ".cache" / "stage"
    moves = []
    for name, payload in new.items():
        if name == "figures/manifest.json":
            continue
        staged = stage / name
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(payload)
        moves.append((staged.relative_to(root).as_posix(), name))
    # The crash came halfway: the first half of the moves had been made.
    done = moves[: len(moves) // 2]
    for source, target in done:
        os.replace(root / source, root / target)
    journal = root / ".cache" / "publish.json"
    journal.write_text(json.dumps({"moves": moves, "entries": manifest(reference)}), encoding="utf-8")

    result = build_ok(root)

    assert not journal.exists()
    assert listed(result.stdout, "regenerated") == set(), result.stdout
    assert listed(result.stdout, "up to date") == notebook_ids(root)
    assert file_bytes(root) == new
    assert [p for p in stage.rglob("*") if p.is_file()] == []
    assert review(root, "verify").returncode == 0


# --------------------------------------------------------------------------- 5. lock


def test_second_build_is_refused_while_one_holds_the_lock(project_copy):
    """With .cache/build.lock held, ``review build`` exits 2, says why and touches nothing."""
    import fcntl

    lock = project_copy / ".cache" / "build.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    before = tree_hashes(project_copy, *OUTPUTS)
    with open(lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = review(project_copy, "build", "--force")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "another build is running" in result.stderr
    assert tree_hashes(project_copy, *OUTPUTS) == before
    assert not (project_copy / ".cache" / "stage").exists()


# --------------------------------------------------------------------------- 6. --only


def test_only_runs_the_named_notebook(up_to_date_copy):
    """``--only table2 --force`` runs table2 and replaces only its files."""
    root = up_to_date_copy
    inodes = {name: (root / name).stat().st_ino for name in tree_hashes(root, *OUTPUTS)}
    result = build_ok(root, "--only", "table2", "--force")
    assert listed(result.stdout, "regenerated") == {"table2"}
    assert listed(result.stdout, "up to date") == set()
    replaced = {name for name, inode in inodes.items() if (root / name).stat().st_ino != inode}
    table2 = {name for name in inodes if name.startswith(("tables/table2.", "notebooks/table2."))}
    assert table2 and replaced - {"figures/manifest.json"} == table2
    assert review(root, "verify").returncode == 0


def test_only_with_an_unknown_notebook_is_a_usage_error(project_copy):
    """``--only nosuch`` exits 2 and lists the notebooks that exist."""
    before = tree_hashes(project_copy, *OUTPUTS)
    result = review(project_copy, "build", "--only", "nosuch")
    assert result.returncode == 2
    assert "nosuch" in result.stderr
    for exhibit in notebook_ids(project_copy):
        assert exhibit in result.stderr
    assert tree_hashes(project_copy, *OUTPUTS) == before


# --------------------------------------------------------------------------- 7. determinism


def test_two_forced_builds_give_identical_bytes(up_to_date_copy, reference):
    """Every notebook run twice gives the same SHA-256 for every notebook, table, figure and the manifest.

    The two runs are independent forced builds of the same data in two
    folders: the ``reference`` tree and this copy, so no absolute path or
    time may leak into any output either.
    """
    root = up_to_date_copy
    replace_once(root, *EDIT)
    result = build_ok(root, "--force")
    assert listed(result.stdout, "regenerated") == notebook_ids(root)
    assert tree_hashes(root, *OUTPUTS) == tree_hashes(reference, *OUTPUTS)
    recorded = {name for entry in manifest(root).values() for name in entry["files"]}
    published = set(tree_hashes(root, "tables", "figures")) - {"figures/manifest.json"}
    assert recorded == published, "files in tables/ or figures/ that the manifest does not list, or vice versa"


# --------------------------------------------------------------------------- failures


def test_a_failing_notebook_is_named_with_its_cell_and_keeps_the_last_good_exhibits(up_to_date_copy):
    """A cell error names notebook, cell and error; that exhibit keeps its old files; others publish."""
    root = up_to_date_copy
    path = root / "notebooks" / "table2.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    code[1]["source"] = ["raise ValueError('deliberate failure')\n"] + code[1]["source"]
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    replace_once(root, *EDIT)  # table4 is stale too, and must still be published
    before = tree_hashes(root, "tables", "figures")
    # Two of the edited file's readers (all seven are test_editing_one_csv_reruns_exactly_its_dependents'):
    # the failing one and one that must publish beside it.
    result = review(root, "build", "--no-site", "--only", "table2", "table4")
    assert result.returncode == 1
    assert "FAILED notebooks/table2.ipynb, cell In[2]: ValueError: deliberate failure" in result.stderr
    readers = _dependents(root, EDIT[0])
    assert {"table2", "table4"} <= readers and listed(result.stdout, "regenerated") == {"table4"}
    after = tree_hashes(root, "tables", "figures")
    assert {k for k in after if after[k] != before.get(k)} == {
        "tables/table4.csv",
        "tables/table4.md",
        "tables/table4.tex",
        "tables/table4.xlsx",
        "figures/manifest.json",
    }
    assert review(root, "verify").returncode == 0
    assert not stray_temporaries(root)
