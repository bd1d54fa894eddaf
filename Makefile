# One command to set up and run the main job, one to run the tests (see README.md).
# Works on a fresh machine with python3 (>= 3.11); everything else is installed here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: all setup check site test lint bench clean

all: site

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	$(BIN)/python -m compileall -q generator signing  # byte code now, even where PYTHONDONTWRITEBYTECODE is set
	touch $@

setup: $(BIN)/.installed

check: setup
	$(BIN)/carbonreg check registry

# The sample's signed status list expires a week after it was signed (see README, "The sample stays
# verifiable"): the main job builds from a scratch copy of registry/ whose status list it re-signs for
# 7 days with the public demo status key, so the site's bundles verify today. registry/ itself is
# never changed, and a registry of your own (carbonreg init) is built as it is.
SAMPLE_COPY := .sample-build
site: setup
	@rm -rf $(SAMPLE_COPY) && mkdir -p $(SAMPLE_COPY) && cp -R registry $(SAMPLE_COPY)/registry
	@CARBONREG_PASSPHRASE=carbonreg-demo-only $(BIN)/carbonreg status sign --registry $(SAMPLE_COPY)/registry \
	    --key demo-keys/status.pem --days 7 >/dev/null
	@cd $(SAMPLE_COPY) && ../$(BIN)/carbonreg build --registry registry --out ../_site >/dev/null
	@echo "网站已生成 / site built: _site/index.html"
	@echo "预览 / preview: $(BIN)/carbonreg serve"
	@echo "核验证书包 / verify a bundle: $(BIN)/verify _site/events/2025-pujiang-city-marathon/declaration.json"

test: setup
	$(BIN)/pytest -q

# Ruff (pyflakes, pycodestyle, bugbear, import order) and mypy, configured in pyproject.toml; a few
# seconds. CI (.ci/run) runs it before the tests. It checks only: nothing is reformatted.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

# The benchmark against Hugo (on demand, about 40 minutes at 10,000 events on 2 cores; see bench/README.md).
# STAGES=scale measures only what the 100,000-event target names, e.g. make bench SIZES=10000,30000 STAGES=scale.
SIZES ?= 1000,10000
STAGES ?= all
bench: setup
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python bench/run.py --sizes $(SIZES) --stages $(STAGES)

clean:
	rm -rf $(VENV) _site ._site.builds $(SAMPLE_COPY) .pytest_cache .hypothesis .ruff_cache .mypy_cache
