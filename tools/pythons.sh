#!/usr/bin/env bash
# The Python versions the project supports, named here once, and the proof
# that each of them reproduces the committed exhibits.
#
#   tools/pythons.sh check PYTHON
#       Print nothing and exit 0 when PYTHON runs a supported version;
#       otherwise print ONE line saying what to install and exit 1. The
#       Makefile's setup runs it before it creates anything.
#   tools/pythons.sh list
#       The supported versions, one per line.
#   tools/pythons.sh prove            (`make pythons`; `make soak` runs it too)
#       For each supported interpreter found (python3.X on PATH, or
#       ~/.pyenv/versions/3.X.*/bin/python3): a fresh `git clone` of HEAD in
#       a temporary folder (beside a `shared` link to the real ../shared,
#       which the tests read), `make PYTHON=…`, `git status --porcelain`
#       empty, `make test PYTHON=…`, and `review verify` (every exhibit's
#       SHA-256 against the committed manifest). One line per interpreter,
#       then a verdict; exit 1 when any failed. A version not found is
#       skipped with a message, and does not count as proven.
#
# Keep SUPPORTED, pyproject.toml's requires-python and the README in
# agreement (tests/integration/test_pythons.py checks the first two).
set -uo pipefail

SUPPORTED="3.11 3.12 3.13"

# "3.11, 3.12 or 3.13"
_spoken() {
  local -a v=($SUPPORTED)
  local last=${v[-1]}
  unset 'v[-1]'
  local IFS=,
  echo "${v[*]}" | sed 's/,/, /g; s/$/ or '"$last"'/'
}

check() {
  local python=$1 found
  if ! found=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null); then
    echo "setup: cannot run '$python'; install Python $(_spoken) and run: make PYTHON=python${SUPPORTED##* }"
    return 1
  fi
  case " $SUPPORTED " in
    *" $found "*) return 0 ;;
  esac
  echo "setup: '$python' is Python $found; this project supports Python $(_spoken) only: install one and run make PYTHON=python${SUPPORTED##* } (or a path to it)"
  return 1
}

# The first interpreter found for version $1, or nothing.
_find() {
  local version=$1 candidate
  for candidate in "$(command -v "python$version" 2>/dev/null)" "$HOME"/.pyenv/versions/"$version".*/bin/python3; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    # a pyenv shim names a version it may not have: ask the interpreter itself
    if [ "$(check "$candidate" >/dev/null && "$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" = "$version" ]; then
      "$candidate" -c 'import sys; print(sys.executable)'  # the interpreter itself, not a shim
      return 0
    fi
  done
  return 1
}

# One interpreter's run: every step's output goes to $log.
_prove_one() {
  local python=$1 repo=$2 work=$3 log=$4 commit=$5 clone=$3/project dirty
  # Nothing of the calling make or shell may steer the clone's build: no
  # inherited make flags or variables, no REVIEW_ROOT, no active venv.
  local -a make=(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u REVIEW_ROOT -u VIRTUAL_ENV -u PYTHONPATH
    make -C "$clone" --no-print-directory)
  {
    echo "== git clone" && git clone --quiet "$repo" "$clone" &&
      git -C "$clone" checkout --quiet --detach "$commit" &&
      ln -s "$(cd "$repo/.." && pwd)/shared" "$work/shared" &&
      echo "== make PYTHON=$python" && "${make[@]}" PYTHON="$python" &&
      echo "== git status --porcelain" && dirty=$(git -C "$clone" status --porcelain) &&
      { [ -z "$dirty" ] || { echo "$dirty"; false; }; } &&
      echo "== make test PYTHON=$python" && "${make[@]}" test PYTHON="$python" &&
      echo "== review verify" && "$clone/.venv/bin/review" verify
  } >"$log" 2>&1
}

prove() {
  local repo commit version python work log start status failed=0 proven=() skipped=()
  repo=$(git rev-parse --show-toplevel) || return 1
  # Read once: every interpreter proves the same commit, even if HEAD moves meanwhile.
  commit=$(git -C "$repo" rev-parse HEAD) || return 1
  [ -e "$repo/../shared" ] || echo "pythons: ../shared is missing; the tests that read ../shared/seed will skip or fail"
  local logs=$repo/.cache/pythons
  mkdir -p "$logs"
  echo "pythons: proving ${commit:0:7} (committed HEAD; uncommitted changes are not included) on Python ${SUPPORTED// /, }"
  for version in $SUPPORTED; do
    if ! python=$(_find "$version"); then
      echo "python $version: SKIPPED (not found as python$version on PATH nor under ~/.pyenv/versions/$version.*)"
      skipped+=("$version")
      continue
    fi
    work=$(mktemp -d "${TMPDIR:-/tmp}/review-python$version.XXXXXX")
    log=$logs/$version.log
    start=$SECONDS
    if _prove_one "$python" "$repo" "$work" "$log" "$commit"; then
      status="passed at ${commit:0:7}: make, clean git status, make test ($(grep -Eo '[0-9]+ passed[^=]*' "$log" | tail -1)), review verify"
      proven+=("$version")
    else
      status="FAILED at '$(grep '^== ' "$log" | tail -1 | cut -c4-)' (.cache/pythons/$version.log)"
      failed=1
    fi
    echo "python $version ($("$python" -c 'import platform; print(platform.python_version())'), $python): $status in $((SECONDS - start)) s"
    rm -rf "$work"
  done
  if [ $failed -ne 0 ]; then
    echo "pythons: FAILED"
    return 1
  fi
  if [ ${#proven[@]} -eq 0 ]; then
    echo "pythons: FAILED (no supported interpreter found)"
    return 1
  fi
  if [ ${#skipped[@]} -ne 0 ]; then
    echo "pythons: passed on ${proven[*]}; NOT proven on ${skipped[*]} (not found)"
  else
    echo "pythons: passed on every supported version (${proven[*]})"
  fi
}

case "${1:-prove}" in
  check)
    [ $# -eq 2 ] || { echo "usage: tools/pythons.sh check PYTHON" >&2; exit 2; }
    check "$2"
    ;;
  list) printf '%s\n' $SUPPORTED ;;
  prove) prove ;;
  *)
    echo "usage: tools/pythons.sh [check PYTHON | list | prove]" >&2
    exit 2
    ;;
esac
