# pyio — Io on Pyodide.  Everyday targets:
#   make serve   set up, build the site and serve it on http://localhost:8000
#   make test    set up, build the offline Pyodide dist and run every test
# Everything is installed by these targets themselves (apt, .venv, npm) and is
# idempotent: a second run only re-does what changed (stamp files in .cache/).

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python used to create .venv.  pyenv's 3.12 when present (the pyenv shim for
# `python3` is slow to start), else Debian's python3 (>= 3.11 is enough).
PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python) $(wildcard /usr/bin/python3) python3)

VENV      := .venv
VPY       := $(VENV)/bin/python
STAMPS    := .cache/stamps
WHEELS    := .cache/wheels
DIST      := build/pyodide
SITE      := build/site
PORT      ?= 8000

# Sources of the project wheel: rebuild the wheel / dist when any changes.
# The folders are listed too: deleting a file changes its folder's mtime.
PKG_SRC   := pyproject.toml $(shell find pyio_core bridge ide -not -path '*/__pycache__*' -not -name '*.pyc' 2>/dev/null)

# selenium-manager must never try to download a driver/browser: use Debian's.
export SE_OFFLINE := true

.PHONY: help setup system-deps dist site serve test lint bench fuzz clean distclean

help:
	@echo "make serve   - set up, build build/site and serve it on http://localhost:$(PORT)"
	@echo "make test    - set up, build the offline Pyodide dist, run ruff + all tests"
	@echo "make dist    - build/pyodide: Pyodide runtime + pyio/micropip/pytest wheels"
	@echo "make site    - build/site: static/ + pyodide/ + pyscript/ + pyio.files.gz"
	@echo "make bench   - benchmarks: pyio beside Python, on CPython and in Pyodide"
	@echo "make fuzz    - random Io programs (FUZZ_ARGS=--differential: compiler against interpreter)"
	@echo "make clean   - remove build/ (keeps .venv, node_modules and caches)"

# ---------------------------------------------------------------- set-up ---

setup: system-deps $(STAMPS)/venv $(STAMPS)/npm

# apt-get only when something is missing (then `apt-get update` first): a
# warm machine skips this in milliseconds.  sudo only when not root.
system-deps:
	@bash scripts/system-deps.sh

# .venv with the project installed editable plus the dev tools.  setuptools is
# installed first so the editable install needs no isolated build env.
# editable_mode=compat puts the checkout itself on sys.path (a .pth file), so
# packages added later (bridge/, ide/, new subpackages) import without a
# reinstall; setuptools' default mode only maps the packages seen at install.
$(STAMPS)/venv: pyproject.toml Makefile
	@mkdir -p $(STAMPS)
	test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check 'setuptools>=68'
	$(VPY) -m pip install --quiet --disable-pip-version-check --no-build-isolation \
	    --config-settings editable_mode=compat -e '.[dev]'
	@touch $@

# node_modules exactly as package-lock.json says (Pyodide, PyScript, ...).
$(STAMPS)/npm: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# ------------------------------------------------------- Pyodide dist ---

dist: setup $(DIST)/pyodide-lock.json

# Third-party wheels for Pyodide (pure Python, for CPython 3.14), downloaded
# once from PyPI into .cache/wheels; listed in scripts/pyodide-wheels.txt.
$(STAMPS)/wheels: scripts/pyodide-wheels.txt $(STAMPS)/venv
	@mkdir -p $(WHEELS) $(STAMPS)
	$(VPY) -m pip download --quiet --disable-pip-version-check --no-deps \
	    --only-binary=:all: --platform any --python-version 3.14 \
	    --dest $(WHEELS) -r scripts/pyodide-wheels.txt
	@touch $@

# The project's own pure-Python wheel (py3-none-any), built from a copy of the
# sources so setuptools' own build/ and egg-info never mix with ours.
build/wheels/.stamp: $(PKG_SRC) README.md $(STAMPS)/venv
	rm -rf build/wheels build/wheel-src && mkdir -p build/wheels build/wheel-src
	cp -r pyproject.toml README.md $(wildcard pyio_core bridge ide) build/wheel-src/
	$(VPY) -m pip wheel --quiet --disable-pip-version-check --no-deps \
	    --no-build-isolation -w build/wheels build/wheel-src
	rm -rf build/wheel-src
	@touch $@

# build/pyodide = the npm pyodide runtime files + our wheels + a lock file
# listing exactly those wheels (see scripts/pyodide_lock.py for why).
$(DIST)/pyodide-lock.json: $(STAMPS)/npm $(STAMPS)/wheels build/wheels/.stamp \
		scripts/pyodide_lock.py scripts/pyodide-wheels.txt embed/pyio.js
	rm -rf $(DIST) && mkdir -p $(DIST)
	cp node_modules/pyodide/pyodide.{js,mjs,asm.mjs,asm.wasm,d.ts} \
	   node_modules/pyodide/{python_stdlib.zip,ffi.d.ts} $(DIST)/
	cp $$(sed -e 's/#.*//' -e '/^\s*$$/d' scripts/pyodide-wheels.txt | \
	      $(VPY) scripts/wheel_files.py $(WHEELS)) $(DIST)/
	cp build/wheels/*.whl $(DIST)/
	cp embed/pyio.js $(DIST)/  # the <script type="io"> loader (docs/embedding.md)
	$(VPY) scripts/pyodide_lock.py node_modules/pyodide/pyodide-lock.json $(DIST)

# ------------------------------------------------------------- site ---

# build/site: static/ + the Pyodide dist + PyScript's dist (all local files).
# The IDE's JavaScript (static/src/: CodeMirror and its Io mode) is bundled by
# esbuild into one file, ide.js; the sources themselves are not served.
site: dist
	rm -rf $(SITE) && mkdir -p $(SITE)
	cp -r static/. $(SITE)/ && rm -rf $(SITE)/src
	node_modules/.bin/esbuild static/src/main.js --bundle --format=esm --minify \
	    --log-level=warning --outfile=$(SITE)/ide.js
	node_modules/.bin/esbuild node_modules/lodash-es/lodash.js --bundle --format=esm --minify \
	    --log-level=warning --outfile=$(SITE)/npm/lodash-es.js  # for the npm-import example
	cp -r $(DIST) $(SITE)/pyodide
	# pyio, and Pyodide's standard library, with their bytecode compiled by Pyodide's
	# CPython: the browser then compiles nothing at start-up (docs/ide.md, "Load time")
	node scripts/pyio_zip.mjs $(DIST) $(DIST)/pyio-*.whl $(SITE)/pyio.files.gz \
	    $(SITE)/pyodide/python_stdlib.zip
	# Python's memory just after start-up, which static/pyodide-boot.mjs starts from
	node scripts/pyodide_snapshot.mjs $(SITE)/pyodide
	cp -r node_modules/@pyscript/core/dist $(SITE)/pyscript

serve: setup site
	@echo "pyio IDE: http://localhost:$(PORT)"
	$(VPY) -m http.server $(PORT) --bind 127.0.0.1 --directory $(SITE)

# ------------------------------------------------------------- tests ---

# ruff, CPython pytest (tests/ minus tests/pyodide; tests/smoke also drives
# build/site in headless Chromium, hence `site`), then pytest-pyodide in node
# and in headless Chromium.  Runs every step even if one fails, prints each
# pytest summary line and a total, exits non-zero on any failure.
test: setup site
	$(VPY) scripts/run_tests.py

lint: setup
	$(VENV)/bin/ruff check .

# bench/run.py: Io programs beside Python ones on CPython, then the same in Pyodide in Node
# (bench/pyodide_bench.mjs, needs the dist).  BENCH_ARGS=--quick for a quick run.
bench: setup dist
	$(VPY) bench/run.py --pyodide $(BENCH_ARGS)

# Random programs against the interpreter; FUZZ_ARGS=--differential compares it with the compiler.
fuzz: setup
	$(VPY) fuzz/run.py $(FUZZ_ARGS)

clean:
	rm -rf build

distclean: clean
	rm -rf $(VENV) node_modules .cache
