# The two promises: `make run` opens PhotoDesk on the sample newsroom folder, `make test` passes.
# Both build .venv from pyproject.toml first when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
SAMPLE := resources/sample
RUN_CATALOG ?= $(HOME)/.local/share/photodesk/catalog.sqlite

.PHONY: run test venv benchmark clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	bash packaging/qt-runtime.sh $(VENV)
	$(VENV)/bin/photodesk --catalog "$(RUN_CATALOG)" gui $(SAMPLE)

test: $(STAMP)
	$(VENV)/bin/ruff check photodesk tests benchmarks
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -q

benchmark: $(STAMP)
	$(VENV)/bin/python benchmarks/index_throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
