# Two commands: `make` sets up and regenerates every exhibit; `make test`
# sets up and runs the whole test suite. Both bootstrap .venv from the lock.
# `make help` lists every target.
# Python 3.11, 3.12 or 3.13 (tools/pythons.sh names them; `make pythons` proves them).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := mscs-review
JOBS   ?= 2
LINTED := src tests tools bench
# How setup installs the lock: uv (falls back to pip when uv cannot be had) or pip.
INSTALLER ?= uv
# The one pin of uv, a setup tool: installed once into ~/.cache/mscs-aging-review/uv/ (tools/setup.sh), never into the lock or the venv.
UV_VERSION := 0.13.8
# Python writes each module's bytecode once, on first import, and every later
# process (a kernel per notebook, a subprocess per test) loads it. Some shells
# and containers set PYTHONDONTWRITEBYTECODE, and uv installs without
# bytecode, so then every process recompiled pandas and matplotlib from source:
# 7 of the 10 s of one `review run`. Writing the cache lazily costs setup nothing
# (compiling the whole lock at install took 15-30 s on 2 cores).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: all help setup build rebuild test lint format verify list lab run bench lock clean site views soak pythons mutation release
all: build

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

setup: $(STAMP) ## create .venv from requirements.lock with uv, or pip (INSTALLER=pip); every target that needs it does

# Empty when $(PYTHON) is a supported version; else the one line saying what to
# install. Expanded only when the stamp is rebuilt, and $(error) prints it as
# make's single line, before anything is created.
PYTHON_REFUSED = $(shell bash tools/pythons.sh check '$(PYTHON)')

# The stamp is rebuilt whenever the lock or the package metadata changes. It is
# written last: tools/setup.sh removes a venv it could not finish.
$(STAMP): requirements.lock pyproject.toml
	$(if $(PYTHON_REFUSED),$(error $(PYTHON_REFUSED)))
	@bash tools/setup.sh '$(PYTHON)' '$(VENV)' '$(INSTALLER)' '$(UV_VERSION)' '$(KERNEL)'
	@touch $@

build: $(STAMP) ## regenerate every stale exhibit, then bring site/ up to date (the default target)
	$(BIN)/review build

rebuild: $(STAMP) ## run every notebook, even those up to date
	$(BIN)/review build --force

test: $(STAMP) lint ## lint, then the test suite but its slow checks (make soak), nbval included
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile -m "not slow" tests notebooks \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

# SOAK=10 runs; every run is kept in .cache/soak/<n>.log and the tally printed.
SOAK ?= 10
soak: $(STAMP) ## the whole suite, slow checks included, SOAK times (default 10); then make pythons and make mutation
	@mkdir -p .cache/soak; passed=0; \
	for n in $$(seq $(SOAK)); do \
	  if $(BIN)/python -m pytest -n $(JOBS) --dist loadfile tests notebooks \
	       --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
	       > .cache/soak/$$n.log 2>&1; then passed=$$((passed + 1)); echo "soak run $$n: passed"; \
	  else echo "soak run $$n: FAILED (.cache/soak/$$n.log)"; grep -E "^(FAILED|ERROR)" .cache/soak/$$n.log; fi; \
	done; echo "soak: $$passed of $(SOAK) runs passed"; \
	bash tools/pythons.sh prove; pythons=$$?; \
	$(MAKE) --no-print-directory mutation; mutation=$$?; \
	test $$passed -eq $(SOAK) && test $$pythons -eq 0 && test $$mutation -eq 0

pythons: ## on every supported Python found: fresh clone of HEAD, make, clean git status, make test, review verify
	@bash tools/pythons.sh prove

# MODULES=helpers.data.derive.doses (or a prefix, helpers.audit) limits the run.
# Results are cached in mutants/: only mutants whose function or tests changed run again.
MODULES ?=
mutation: $(STAMP) ## mutation testing (mutmut) of the science and safety modules; prints the score per module
	$(BIN)/python bench/mutation.py --jobs $(JOBS) $(MODULES)

lint: $(STAMP) ## ruff (lint and format check) and the import contracts (lint-imports)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/lint-imports --no-cache

format: $(STAMP) ## ruff: fix what can be fixed and reformat
	$(BIN)/ruff check --fix $(LINTED)
	$(BIN)/ruff format $(LINTED)

site: $(STAMP) ## render the static HTML site into site/ (open site/index.html); `make` does it too
	$(BIN)/review site

# Opt-in: every view is a notebook run (about a hundred), far beyond the time a fresh `make` may take.
# Like the build, only stale views run; with nothing changed it runs nothing. ONLY="fig1 table3" limits it.
ONLY ?=
views: $(STAMP) ## build, then every view the catalog declares (each disease alone, each modality alone) into site/views/
	$(BIN)/review build --no-site
	$(BIN)/review site --views --jobs $(JOBS) $(if $(ONLY),--only $(ONLY))

verify: $(STAMP) ## check canonical files against figures/manifest.json
	$(BIN)/review verify

list: $(STAMP) ## list notebooks, their parameters and whether they are stale
	$(BIN)/review list

run: $(STAMP) ## run one notebook: make run NB=table3 ARGS="-p diseases AD,POF" (a sweep: ARGS="--grid diseases=POF,AD")
	$(BIN)/review run $(NB) $(ARGS)

# VERSION=x.y.z: the version and date in pyproject.toml and CITATION.cff, the CHANGELOG section
# (review diff since the last v* tag), a rebuild that cites it, then dist/<name>-<version>.zip.
release: $(STAMP) ## make a release bundle: make release VERSION=0.2.0 (then commit, and tag v0.2.0)
	@test -n "$(VERSION)" || { echo "make release: give VERSION=x.y.z"; exit 2; }
	$(BIN)/review release prepare $(VERSION) $(if $(DATE),--date $(DATE))
	$(MAKE) --no-print-directory build
	$(BIN)/review release bundle
	$(BIN)/review verify --bundle dist/mscs-aging-review-$(VERSION).zip

bench: $(STAMP) ## full, no-op, one-file and tool-edit builds against papermill/nbconvert loops
	$(BIN)/python bench/bench.py --repeat 3

lab: $(STAMP) ## open JupyterLab on notebooks/ with the project's kernel
	$(BIN)/jupyter lab notebooks

# The pins already in requirements.lock hold, so adding a package to pyproject.toml
# resolves only that package and what it needs; UPGRADE=1 re-resolves everything
# (which may change the exhibits' bytes through a new matplotlib or pandas).
# setuptools is named so that its pin holds too, not the copy the new venv came with.
UPGRADE ?=
lock: ## re-resolve requirements.lock and environment.yml from pyproject.toml, keeping existing pins unless UPGRADE=1 (needs PyPI)
	rm -rf .cache/lock-venv && $(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet $(if $(UPGRADE),,-c requirements.lock) -e '.[dev]' setuptools
	.cache/lock-venv/bin/python -m review.lockfiles write

clean: ## remove .venv, .cache, runs/ and mutants/
	rm -rf $(VENV) .cache runs mutants

# An unknown target prints the list instead of make's terse error.
.DEFAULT:
	@echo "make: no target '$@'; the targets are:" >&2
	@$(MAKE) --no-print-directory help >&2
	@exit 2
