# The two promises: `make run` opens PhotoDesk on a fresh copy of the sample newsroom folder (in
# a temporary folder, with a catalog of its own), `make test` passes.
# Both build .venv from pyproject.toml first when it is missing or older than pyproject.toml.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed
PACKAGE_STAMP := $(VENV)/.installed-package

.PHONY: run test venv benchmark package install-desktop uninstall-desktop clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	bash packaging/qt-runtime.sh $(VENV)
	$(VENV)/bin/photodesk gui --sample

test: $(STAMP)
	$(VENV)/bin/ruff check photodesk tests benchmarks
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/python -m pytest -q

# The one-folder bundle dist/photodesk/ (PyInstaller); packaging/smoke.sh dist/photodesk checks it.
$(PACKAGE_STAMP): $(STAMP)
	$(VENV)/bin/python -m pip install --quiet -e '.[test,package]'
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/photodesk.spec

# The menu entry, icon and AppStream metainfo in the user's XDG folders, pointing at the bundle
# (dist/photodesk/photodesk) when it was built, else at .venv/bin/photodesk.
install-desktop: $(STAMP)
	bash packaging/install-desktop.sh

uninstall-desktop:
	bash packaging/install-desktop.sh --uninstall

benchmark: $(STAMP)
	$(VENV)/bin/python benchmarks/index_throughput.py

clean:
	rm -rf $(VENV) build dist *.egg-info
