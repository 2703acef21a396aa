#!/usr/bin/env bash
# Create the project's virtual environment from requirements.lock: what
# `make setup` runs (every target that needs .venv runs it when the lock or
# pyproject.toml changed). The Makefile has already refused an unsupported
# interpreter (tools/pythons.sh check) before this script creates anything.
#
#   tools/setup.sh PYTHON VENV INSTALLER UV_VERSION KERNEL
#
# INSTALLER is `uv` (the default: install the lock with uv, about ten times
# faster than pip on 2 cores; fall back to pip when uv cannot be had or
# fails) or `pip` (pip only). uv is a setup tool, not a dependency of the
# project: it is installed into the user's cache folder
# (${XDG_CACHE_HOME:-~/.cache}/mscs-aging-review/uv/<UV_VERSION>/, or
# $REVIEW_UV_HOME/<UV_VERSION>/), never into the venv nor the lock, and reused
# by later setups of every clone on the machine, as pip and uv reuse their
# package caches: a fresh clone then pays no 2-3 s of pip fetching uv.
#
# Never half-installed: the venv is made from scratch, and when any step
# fails it is removed, so the next `make` starts over. The Makefile writes
# the stamp ($VENV/.installed) only after this script succeeded.
set -euo pipefail

if [ $# -ne 5 ]; then
  echo "usage: tools/setup.sh PYTHON VENV INSTALLER UV_VERSION KERNEL" >&2
  exit 2
fi
python=$1 venv=$2 installer=$3 uv_version=$4 kernel=$5
case "$installer" in
  uv | pip) ;;
  *)
    echo "setup: INSTALLER=$installer; use INSTALLER=uv (the default, falls back to pip) or INSTALLER=pip" >&2
    exit 2
    ;;
esac
case "$venv" in
  "" | / | . | ..)
    echo "setup: refusing VENV='$venv'" >&2
    exit 2
    ;;
esac

quiet_pip=(--quiet --disable-pip-version-check)
# Remove a venv that did not finish, so no later target runs in it.
trap 'status=$?; if [ $status -ne 0 ]; then rm -rf "$venv"; echo "setup: failed; $venv removed, run make again" >&2; fi' EXIT

# A venv without pip is made in a fraction of a second; with pip, ensurepip
# unpacks and compiles it: 4-10 s of a fresh `make` on 2 cores. So the uv
# path makes the venv bare and lets uv install the same pip wheel ensurepip
# would have (so .venv/bin/pip is there for whoever wants it); the pip path
# needs pip to install anything, so it makes the venv with pip.
fresh_venv() {
  rm -rf "$venv"
  "$python" -m venv "$@" "$venv"
}

# The pip wheel this Python's ensurepip bundles (empty when a distribution stripped it).
bundled_pip() {
  "$python" -c 'import ensurepip, pathlib; print(*sorted(pathlib.Path(ensurepip.__file__).parent.glob("_bundled/pip-*.whl"))[-1:])' 2>/dev/null || true
}

# Where uv is kept between setups: the user's cache folder, shared by every clone;
# the clone's own .cache/uv when that folder cannot be written (a read-only home).
uv_home() {
  local home=.cache/uv
  if [ -n "${REVIEW_UV_HOME:-}" ]; then
    home=$REVIEW_UV_HOME
  elif [ -n "${XDG_CACHE_HOME:-}" ]; then
    home=$XDG_CACHE_HOME/mscs-aging-review/uv
  elif [ -n "${HOME:-}" ]; then
    home=$HOME/.cache/mscs-aging-review/uv
  fi
  if mkdir -p "$home" 2>/dev/null && [ -w "$home" ]; then
    echo "$home"
  else
    echo .cache/uv
  fi
}

# uv into $1, with this Python's own pip (the venv has none yet), else with a
# pip bootstrapped into the venv. Two setups may run at once (two clones), so
# uv is installed into a private folder and renamed into place: the first
# rename wins and the other copy is discarded; no setup ever sees half a uv.
install_uv() {
  local uv_dir=$1 scratch
  mkdir -p "$(dirname "$uv_dir")" || return 1
  scratch=$(mktemp -d "$uv_dir.XXXXXX") || return 1
  if "$python" -m pip --version >/dev/null 2>&1; then
    PIP_ROOT_USER_ACTION=ignore "$python" -m pip install "${quiet_pip[@]}" --target "$scratch" "uv==$uv_version" ||
      { rm -rf "$scratch"; return 1; }
  else
    { "$venv/bin/python" -m ensurepip --default-pip >/dev/null &&
      "$venv/bin/python" -m pip install "${quiet_pip[@]}" --target "$scratch" "uv==$uv_version"; } ||
      { rm -rf "$scratch"; return 1; }
  fi
  mv -T "$scratch" "$uv_dir" 2>/dev/null || rm -rf "$scratch"
  [ -x "$uv_dir/bin/uv" ]
}

# The kernel spec: Jupyter's file naming this venv's interpreter.
register_kernel() {
  "$venv/bin/python" -m ipykernel install --sys-prefix --name "$kernel" --display-name "Python ($kernel)" >/dev/null
}

# Install the lock and the project with uv; fail (status 1) without a word
# on stdout when uv cannot be had, so the caller can fall back to pip.
# The project's editable install and the kernel spec need only the lock, not
# each other, so they run at once (each is about a second, mostly one core).
with_uv() {
  local uv_dir pip_wheel
  uv_dir=$(uv_home)/$uv_version
  if [ ! -x "$uv_dir/bin/uv" ]; then
    install_uv "$uv_dir" || return 1
  fi
  local uv=("$uv_dir/bin/uv" pip install --quiet --python "$venv/bin/python")
  pip_wheel=$(bundled_pip)
  "${uv[@]}" -r requirements.lock ${pip_wheel:+"$pip_wheel"} || return 1
  register_kernel &
  local kernel_job=$!
  "${uv[@]}" --no-deps --no-build-isolation -e . || { wait "$kernel_job"; return 1; }
  wait "$kernel_job" || return 1
  if [ ! -x "$venv/bin/pip" ]; then
    "$venv/bin/python" -m ensurepip --default-pip >/dev/null || return 1
  fi
}

with_pip() {
  "$venv/bin/python" -m pip install "${quiet_pip[@]}" -r requirements.lock
  "$venv/bin/python" -m pip install "${quiet_pip[@]}" --no-deps --no-build-isolation -e .
  register_kernel
}

start=$SECONDS
used=pip
if [ "$installer" = uv ]; then
  fresh_venv --without-pip
  if with_uv; then
    used="uv $uv_version"
  else
    echo "setup: uv $uv_version could not be installed or failed; installing the lock with pip instead (slower)" >&2
    fresh_venv  # nothing of the failed attempt stays
    with_pip
  fi
else
  fresh_venv
  with_pip
fi
echo "setup: $venv ready ($("$venv/bin/python" -c 'import platform; print("Python", platform.python_version())'), lock installed with $used) in $((SECONDS - start)) s"
