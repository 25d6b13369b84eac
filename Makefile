# hfs-pdf: two commands set everything up on a fresh machine (Python 3.11+ and make):
#   make build   creates .venv, installs hfs-pdf and writes every handout to dist/
#   make test    runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test fuzz validate check list clean snapshots release pack bench bytecode

build: $(STAMP) bytecode
	$(BIN)/hfs-pdf i18n compile
	$(BIN)/hfs-pdf build --lang all --out dist
	$(BIN)/hfs-pdf build --lang all --large-print --out dist

test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto

# The fuzz properties of tests/test_fuzz.py, long and random (make test runs a short fixed sample).
FUZZ_EXAMPLES ?= 3000
fuzz: $(STAMP)
	HFS_PDF_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q tests/test_fuzz.py

validate: $(STAMP)
	$(BIN)/hfs-pdf validate

# Plain-language report for every handout and language; fails on English above grade 8.
check: $(STAMP)
	$(BIN)/hfs-pdf i18n compile
	$(BIN)/hfs-pdf check

list: $(STAMP)
	$(BIN)/hfs-pdf list

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# pip byte-compiles the libraries it installs, but not an editable install's own package; where
# PYTHONDONTWRITEBYTECODE is set nothing else will, and every command would compile hfs_pdf anew.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q hfs_pdf

clean:
	rm -rf dist release .pytest_cache .hfs-pdf-cache

# Every handout × language × variant with manifest.json, SHA256SUMS, index.html and a zip (reproducible).
release: $(STAMP)
	$(BIN)/hfs-pdf i18n compile
	$(BIN)/hfs-pdf release --out release

# The sample waiting-room print pack (packs/waiting-room.yaml) as one print-ready PDF.
pack: $(STAMP)
	$(BIN)/hfs-pdf i18n compile
	$(BIN)/hfs-pdf pack packs/waiting-room.yaml --out dist/waiting-room-pack.pdf

# Speed and memory figures (printed, not asserted): see the README for the last measured ones.
bench: $(STAMP) bytecode
	$(BIN)/python scripts/bench.py

# Rewrite the tag-tree snapshots in tests/snapshots/ from the current build; read the diff before committing.
snapshots: $(STAMP)
	HFS_PDF_UPDATE_SNAPSHOTS=1 $(BIN)/python -m pytest -q tests/test_accessibility.py -k snapshot
