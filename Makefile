# Two commands: `make` sets up and regenerates every exhibit; `make test`
# sets up and runs the whole test suite. Both bootstrap .venv from the lock.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
KERNEL := mscs-review
JOBS   ?= 2

.PHONY: all setup build rebuild test verify list lab run bench lock clean
all: build

setup: $(STAMP)

# The stamp is rebuilt whenever the lock or the package metadata changes.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python ($(KERNEL))" >/dev/null
	@touch $@

build: $(STAMP)
	$(BIN)/review build

# Run every notebook, even those that are up to date.
rebuild: $(STAMP)
	$(BIN)/review build --force

verify: $(STAMP)
	$(BIN)/review verify

list: $(STAMP)
	$(BIN)/review list

# make run NB=table3 ARGS="-p diseases AD,POF"
run: $(STAMP)
	$(BIN)/review run $(NB) $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile tests notebooks \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

# Full, no-op and one-file builds against papermill/nbconvert loops, side by side.
bench: $(STAMP)
	$(BIN)/python bench/bench.py --repeat 3

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

# Re-resolve the lock from pyproject.toml in a scratch venv (needs network).
lock:
	rm -rf .cache/lock-venv && $(PYTHON) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet -e '.[dev]'
	.cache/lock-venv/bin/python -m helpers.envfiles write

clean:
	rm -rf $(VENV) .cache runs
