# Two commands for a newcomer: `make run` and `make test`. Both create .venv and install by themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install ingest bench lint clean

$(STAMP): pyproject.toml assistant/search/_topk.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

ingest: install
	$(BIN)/assistant ingest
	$(BIN)/assistant index

run: ingest
	$(BIN)/python ui.py

test: install
	$(BIN)/python -m pytest -q

bench: ingest
	$(BIN)/python bench/bench_pdf.py
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_sharded_search.py
	$(BIN)/python bench/bench_cold_ask.py
	$(BIN)/python bench/bench_relevance.py
	$(BIN)/python bench/bench_summaries.py
	$(BIN)/python bench/bench_english.py
	$(BIN)/python bench/bench_ui_load.py
	$(BIN)/python bench/bench_chaos.py
	$(BIN)/python bench/bench_cluster.py

lint: install
	$(BIN)/ruff check assistant tests bench harness ui.py
	$(BIN)/ruff format --check assistant tests bench harness ui.py

clean:
	rm -rf $(VENV) indexes/*.sqlite indexes/*.tmp
