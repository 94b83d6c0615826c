# peerjournal: the two commands of the README are `make run` and `make test`.
# Both set everything up on a fresh Debian/Ubuntu machine (as root they install any
# missing system libraries Qt needs), then run.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Libraries Qt needs: EGL/GL, xkbcommon, fontconfig, dbus, and the xcb set for a real window;
# and Hunspell, the spelling check's library (the dictionaries are the app's own).
QT_DEB_PACKAGES := libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libfreetype6 libdbus-1-3 libx11-xcb1 libxcb1 libxcb-cursor0 \
	libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 \
	libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 \
	libxrender1 libxi6 libsm6 libice6 fonts-dejavu-core \
	libhunspell-1.7-0

# What `make test` adds: poppler's pdftotext, pdffonts and pdftoppm read the PDFs back.
TEST_DEB_PACKAGES := poppler-utils

TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: run test lint typecheck bench faults explore clean sysdeps setup package demo screenshots translations

# Bytecode first: where PYTHONDONTWRITEBYTECODE is set, the app would otherwise compile
# its source at every start.
run: setup
	@$(BIN)/python -m compileall -q src > /dev/null
	$(BIN)/peerjournal

demo: setup
	@$(BIN)/python -m compileall -q src > /dev/null
	$(BIN)/peerjournal demo

test: setup
	@sh packaging/install-system-deps.sh $(TEST_DEB_PACKAGES)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy --strict src tests
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q
	# Stored data is parsed, never asserted: the parsing tests hold under python -O too.
	QT_QPA_PLATFORM=offscreen $(BIN)/python -O -m pytest -q -p no:cacheprovider \
		tests/test_services.py tests/test_answer_codec.py tests/test_every_word_kept.py \
		--deselect tests/test_every_word_kept.py::test_every_file_is_private_under_umask_022

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks || true
	$(BIN)/mypy --strict src tests

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

# `make test` tries the same property-test examples every run (tests/conftest.py); this
# draws new ones each time it runs. A case it finds gets a test of its own.
explore: setup
	PEERJOURNAL_HYPOTHESIS=explore QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		-p no:cacheprovider $$(grep -rl "@given" tests)

# The fault suite runs in `make test` with a few rounds of each kill test (tests/conftest.py
# fault_rounds); this runs each a hundred times.
faults: setup
	PEERJOURNAL_FAULT_ROUNDS=100 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		tests/faults tests/test_vault_durability.py tests/test_vault_store.py

package: setup
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.5'
	$(BIN)/pyinstaller packaging/peerjournal.spec --noconfirm --distpath dist --workpath build/pyinstaller
	dist/peerjournal/peerjournal --version
	PEERJOURNAL_DATA_DIR=$$(mktemp -d) dist/peerjournal/peerjournal self-test
	sh packaging/make-tarball.sh

setup: sysdeps $(STAMP) $(QM_FILES)

# The window's translations: `make translations` gathers every tr() and translate() string
# into the .ts files (for translators); setup builds the .qm files the app loads.
resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find src/peerjournal/ui -name '*.py' | sort) \
		src/peerjournal/core/errors.py -no-obsolete \
		-locations none -target-language cy_GB -ts resources/translations/peerjournal_cy.ts

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "peerjournal needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

sysdeps:
	@sh packaging/install-system-deps.sh $(QT_DEB_PACKAGES)

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache .hypothesis \
		src/*.egg-info benchmarks/work benchmarks/.venv-jrnl
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
