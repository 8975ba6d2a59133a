# `make run` opens the dashboard; `make test` runs every test. Both set everything up first.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: setup run test bench fuzz export validate update-peers audit i18n clean

$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

setup: $(STAMP)
	@bash scripts/ensure-chromium.sh

run: setup
	$(VENV)/bin/streamlit run app.py --server.port $(PORT)

test: setup
	$(VENV)/bin/pytest

bench: setup
	$(PY) scripts/bench.py

# The loader's fuzzer at length: `make test` runs 2,000 mutants with a fixed seed; this runs more, with another seed.
FUZZ_MUTANTS ?= 20000
FUZZ_SEED ?= 2026
fuzz: $(STAMP)
	FUZZ_MUTANTS=$(FUZZ_MUTANTS) FUZZ_SEED=$(FUZZ_SEED) $(VENV)/bin/pytest tests/test_fuzz.py -q -s -p no:cacheprovider

export: setup
	$(PY) -m lib.export --out exports

validate: $(STAMP)
	$(PY) -m lib.validate data/claims.yaml

# Needs the network (epoch.ai); never run by the tests. See data/peers/README.md.
update-peers: $(STAMP)
	$(PY) -m lib.peers update-epoch --out data/peers/epoch-ai.csv

audit: $(STAMP)
	$(PY) -m lib.audit data/claims.yaml

# The catalogs from the code: extract every _(), N_() and ngettext() message into locale/burnboard.pot, bring each
# language's .po up to date with it (a new language's is made first), and compile them. The pages compile a .po that
# is newer than its .mo by themselves; tests/test_i18n.py fails when a catalog lags the code or lacks a translation.
LANGS := ko fr
i18n: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -o locale/burnboard.pot --no-location --sort-output \
		--project=Burnboard --copyright-holder="Burnboard" --omit-header .
	for lang in $(LANGS); do \
		[ -f locale/$$lang/LC_MESSAGES/burnboard.po ] || $(VENV)/bin/pybabel init -i locale/burnboard.pot -d locale -D burnboard -l $$lang; \
	done
	$(VENV)/bin/pybabel update -i locale/burnboard.pot -d locale -D burnboard --no-fuzzy-matching --ignore-obsolete
	$(VENV)/bin/pybabel compile -d locale -D burnboard --statistics

clean:
	rm -rf $(VENV) exports .pytest_cache .hypothesis
