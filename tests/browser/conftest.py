"""Browser fixtures: the real site, built once with MkDocs, served on 127.0.0.1, read by Chromium.

One browser for the whole session (the `browser` fixture of tests/conftest.py: Debian's
/usr/bin/chromium driven by Playwright). Pages open in one context per set of options (viewport,
palette, JavaScript on or off), reused from test to test, whose network is fenced: a request to any
host but 127.0.0.1 is recorded and refused, so a test can both prove the site asks for nothing
outside and never leak a request while it fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.server import serve


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
def _tabs(browser) -> Iterator[dict]:
    """One context and tab per set of options, reused by every test that asks for the same ones
    (a new context costs more than loading a page)."""
    tabs: dict = {}
    yield tabs
    for context, _, _ in tabs.values():
        context.close()


@pytest.fixture
def visit(_tabs: dict, browser, site_url: str) -> Callable[..., Visit]:
    """`visit(path, wait_until=..., **context_options)` opens `site_url + path` and returns a `Visit`
    whose lists hold what this page load asked other hosts for and the errors it logged."""

    def open_page(path: str, wait_until: str = "load", **options) -> Visit:
        key = repr(sorted(options.items()))
        if key not in _tabs:
            context = browser.new_context(**options)
            record = Visit(page=None)

            def fence(route, record=record) -> None:
                if urlsplit(route.request.url).hostname == "127.0.0.1":
                    route.continue_()
                else:
                    record.outside.append(route.request.url)
                    route.abort()

            context.route("**/*", fence)
            page = context.new_page()
            page.on("console", lambda m, r=record: r.console_errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e, r=record: r.console_errors.append(f"uncaught: {e}"))
            record.page = page
            _tabs[key] = (context, page, record)
        _, page, record = _tabs[key]
        page.goto("about:blank")
        record.outside.clear()
        record.console_errors.clear()
        page.goto(site_url + path, wait_until=wait_until)
        return record

    return open_page
