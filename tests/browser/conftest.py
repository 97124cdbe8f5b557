"""Browser fixtures: the real site, built once with MkDocs, served on 127.0.0.1, read by Chromium.

One browser for the whole session (Debian's /usr/bin/chromium driven by Playwright; Playwright
never downloads a browser here). Every page is opened in a fresh context whose network is
fenced: a request to any host but 127.0.0.1 is recorded and refused, so a test can both
prove the site asks for nothing outside and never leak a request while it fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.server import serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@dataclass
class Visit:
    """One page in its own browser context, with what it asked for and what it complained about."""

    page: object
    outside: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def site_url(seed_site: Path) -> Iterator[str]:
    with serve(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    assert CHROMIUM.is_file(), "Debian's chromium is missing: run `make browser` (apt-get install chromium)"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def visit(browser, site_url: str) -> Iterator[Callable[..., Visit]]:
    """`visit(path, **context_options)` opens `site_url + path` and returns a `Visit`."""
    contexts = []

    def open_page(path: str, wait_until: str = "load", **options) -> Visit:
        context = browser.new_context(**options)
        contexts.append(context)
        record = Visit(page=None)

        def fence(route) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                record.outside.append(route.request.url)
                route.abort()

        context.route("**/*", fence)
        page = context.new_page()
        page.on("console", lambda m: record.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: record.console_errors.append(f"uncaught: {e}"))
        record.page = page
        page.goto(site_url + path, wait_until=wait_until)
        return record

    yield open_page
    for context in contexts:
        context.close()
