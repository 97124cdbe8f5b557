from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import CASES, make_project, mkdocs_build


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project (seeds/ as committed) built once with real MkDocs."""
    project = make_project(tmp_path_factory.mktemp("seed") / "project")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def seed_site(seed_project: Path) -> Path:
    return seed_project / "site"


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/cases/hostile (markup and scripts in every field) built once with real MkDocs."""
    project = make_project(tmp_path_factory.mktemp("hostile-shared") / "project", CASES / "hostile" / "seeds")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """The one Chromium of the test session (Debian's, driven by Playwright, which never downloads a
    browser here). Playwright's sync API allows one instance per process: every test shares this."""
    assert CHROMIUM.is_file(), "Debian's chromium is missing: run `make browser` (apt-get install chromium)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
