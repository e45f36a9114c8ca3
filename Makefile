# Two commands for a newcomer: `make run` and `make test`. Both create .venv and install by themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install ingest bench lint clean

$(STAMP): pyproject.toml assistant/search/_topk.c assistant/search/_segment.c Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m assistant.search.tokenize
	touch $(STAMP)

install: $(STAMP)

ingest: install
	$(BIN)/python -m assistant.search.tokenize
	$(BIN)/assistant ingest
	$(BIN)/assistant index

run: ingest
	$(BIN)/python ui.py

test: install
	$(BIN)/python -m pytest -q

# every bench runs, even after a miss; the target fails at the end if any of them did
BENCHES := pdf search sharded_search cold_ask relevance summaries english ui_load chaos cluster
bench: ingest
	@failed=""; for b in $(BENCHES); do $(BIN)/python bench/bench_$$b.py || failed="$$failed $$b"; done; \
	if [ -n "$$failed" ]; then echo "benches with a MISS or an error:$$failed" >&2; exit 1; fi

lint: install
	$(BIN)/ruff check assistant tests bench harness ui.py
	$(BIN)/ruff format --check assistant tests bench harness ui.py

clean:
	rm -rf $(VENV) indexes/*.sqlite indexes/*.tmp
