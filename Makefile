# hfs-pdf: two commands set everything up on a fresh machine (Python 3.11+ and make):
#   make build   creates .venv, installs hfs-pdf and writes every handout to dist/
#   make test    runs the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test validate list clean

build: $(STAMP)
	$(BIN)/hfs-pdf i18n compile
	$(BIN)/hfs-pdf build --lang all --out dist

test: $(STAMP)
	$(BIN)/python -m pytest -q

validate: $(STAMP)
	$(BIN)/hfs-pdf validate

list: $(STAMP)
	$(BIN)/hfs-pdf list

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf dist .pytest_cache
