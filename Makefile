# Every target sets up what it needs: a fresh clone needs only `make site` or `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve check article test bench lighthouse render schema golden icons map-data clean

site: $(STAMP)
	$(PY) -m generator check
	$(PY) -m mkdocs build --strict

serve: $(STAMP)
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

check: $(STAMP)
	$(PY) -m generator check

# A new report: `make article FILE=~/Downloads/report.txt` (NAME=report.txt to choose its file name).
article: $(STAMP)
	@test -n "$(FILE)" || { echo "usage: make article FILE=path/to/report.txt [NAME=file-name.txt]"; exit 2; }
	$(PY) -m generator article "$(FILE)" $(if $(NAME),--name "$(NAME)")

test: $(STAMP) browser node_modules/.installed
	$(PY) -m pytest

# Speed and size at 1 to 1,000 articles, with budgets (about 20 minutes on 2 cores; `make bench ZENSICAL=1` also builds
# and previews with Zensical, which `make test` installs; `$(PY) -m benchmarks --quick` takes a minute).
bench: $(STAMP)
	$(PY) -m benchmarks

# Lighthouse scores of the home and a topic page (accessibility, best practices, SEO must be 100;
# desktop performance printed). Lighthouse has its own package.json: `make test` never installs it.
lighthouse: site browser benchmarks/lighthouse/node_modules/.installed
	$(PY) -m benchmarks.lighthouse

benchmarks/lighthouse/node_modules/.installed: benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --silent
	touch $@

# Write the generated Markdown to disk, for builders that ignore MkDocs hooks.
render: $(STAMP)
	$(PY) -m generator render --out build/pages

# Rewrite seeds/factsheet.schema.json: the fact sheet's shape, and the ids of its topics, entities and sources
# and the names of the articles, which an editor's YAML extension completes (`make article` does this too).
schema: $(STAMP)
	$(PY) -m generator schema

# Refresh the golden Markdown files after an intended change to the templates.
golden: $(STAMP)
	$(PY) -m tests.golden

# Rewrite the header icons (overrides/.icons) and their masks in explainer.css after a Material upgrade.
icons: $(STAMP)
	$(PY) -m tests.theme_icons

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@test -x /usr/bin/java || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Refresh the map's shapes (generator/pictures/data/) from Natural Earth as world-atlas 2.0.2 packages it;
# the build only reads the committed file.
map-data: $(STAMP)
	tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz) \
	  && $(PY) -m tests.map_data $$tmp/package/countries-50m.json; status=$$?; rm -rf $$tmp; exit $$status

clean:
	rm -rf site build .pytest_cache
