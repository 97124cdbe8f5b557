"""The preview where the editor looks: under `mkdocs serve`, a rejected save shows a banner in the open page,
which reloads by itself, and the next good save clears it; a preview started with a broken fact sheet shows
the problems until the first good save. Real `mkdocs serve`, real Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.run import fetch, free_port
from tests.helpers import CASES, make_project

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BASIC = CASES / "basic" / "seeds"
GOOD = "covers 12 border posts, according"
TIMEOUT = 60_000  # ms: only stops a hung test; a save shows in about a second here


@contextmanager
def serving(project: Path, log: Path) -> Iterator[str]:
    """`mkdocs serve` of `project` on a free port until the block ends; yields its base URL."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=30)


def edit(project: Path, old: str, new: str) -> None:
    sheet = project / "seeds" / "factsheet.yaml"
    text = sheet.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    sheet.write_text(text.replace(old, new), encoding="utf-8")


def open_when_up(browser, url: str, **options):
    """A page of a fresh context on `url`, once the server answers; requests to other hosts are refused."""
    context = browser.new_context(**options)
    outside: list[str] = []

    def fence(route) -> None:
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", fence)
    page = context.new_page()
    for _ in range(300):
        try:
            page.goto(url, wait_until="load")
            break
        except Exception:  # the server is still starting
            page.wait_for_timeout(200)
    page.outside = outside  # type: ignore[attr-defined]
    return context, page


def mark(page) -> None:
    """Mark the loaded document, so that a later check can tell whether the page was reloaded."""
    page.evaluate("window.__beforeSave = true")


def reloaded(page) -> bool:
    return page.evaluate("window.__beforeSave === undefined")


def contrast_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run({include: ['.explainer-error']}, {runOnly: {type: 'rule',
             values: ['color-contrast', 'aria-allowed-role', 'aria-allowed-attr']}})).violations
             .map(v => ({rule: v.id, where: v.nodes.map(n => n.target.join(' '))}))""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_rejected_save_shows_a_banner_that_the_next_good_save_clears(browser, tmp_path: Path, scheme: str):
    """Check that, with a topic page open, a rejected save reloads the page, which then shows the last good
    version under an alert banner with the message (file:line, record id, hint), readable in the palette;
    and that the next good save reloads it again, without the banner and with the new text."""
    project = make_project(tmp_path / "p", BASIC)
    with serving(project, tmp_path / "serve.log") as url:
        context, page = open_when_up(browser, url + "topics/accord/", color_scheme=scheme)
        try:
            page.wait_for_selector(f"text={GOOD}", state="attached", timeout=TIMEOUT)  # in a folded section
            assert page.locator(".explainer-error").count() == 0
            mark(page)
            edit(project, "topics: [accord]\n    entities: [northern-council, river", "topics: [acord]\n    "
                 "entities: [northern-council, river")
            alert = page.wait_for_selector("[role=alert]", timeout=TIMEOUT)
            assert reloaded(page)
            text = " ".join(alert.inner_text().split())
            assert text.startswith("Your last save was not published. You are seeing the last good version.")
            assert ("seeds/factsheet.yaml:36 events[accord-signed].topics[0]: no topic with id 'acord' "
                    "(did you mean 'accord'?)") in text
            assert GOOD in page.text_content("article")  # the last good version, under the banner
            assert page.locator("article [role=alert]").count() == 1  # in the content, not under the header
            assert alert.is_visible() and alert.bounding_box()["y"] > page.locator("header").bounding_box()["height"]
            assert contrast_violations(page) == []
            index = fetch(url + "search/search_index.json")
            assert '"docs"' in index and "acord" not in index  # search never finds the banner
            page.screenshot(path=tmp_path / f"banner-{scheme}.png")
            mark(page)
            edit(project, "topics: [acord]", "topics: [accord]")
            edit(project, GOOD, "covers twelve border posts, according")
            page.wait_for_selector("text=covers twelve border posts, according", state="attached", timeout=TIMEOUT)
            assert reloaded(page)
            assert page.locator(".explainer-error").count() == 0
            assert page.outside == []
        finally:
            context.close()


def test_preview_started_with_a_broken_sheet_shows_the_problems_until_the_first_good_save(browser, tmp_path):
    """Check that `mkdocs serve` starts although the fact sheet is broken, serves a page listing the problems
    (under an alert: nothing was built yet), and turns into the site on the first good save."""
    project = make_project(tmp_path / "p", BASIC)
    edit(project, "    date: 2026-01\n    title", "    date: 31/01/2026\n    title")
    with serving(project, tmp_path / "serve.log") as url:
        context, page = open_when_up(browser, url)
        try:
            alert = page.wait_for_selector("[role=alert]", timeout=TIMEOUT)
            text = " ".join(alert.inner_text().split())
            assert text.startswith("The explainer could not be built. Fix the 1 problem below and save")
            assert ("seeds/factsheet.yaml:34 events[accord-signed].date: '31/01/2026' has the wrong form "
                    "(write it as 2026-01-31)") in text
            assert "Not built yet" in page.inner_text("article")
            mark(page)
            edit(project, "    date: 31/01/2026\n    title", "    date: 2026-01\n    title")
            page.wait_for_selector("text=Fictional accord explainer", timeout=TIMEOUT)
            page.wait_for_function("!document.querySelector('.explainer-error')", timeout=TIMEOUT)
            assert reloaded(page)
            assert "Not built yet" not in page.inner_text("article")
        finally:
            context.close()
    assert "the explainer was not built; serving the list of problems" in (tmp_path / "serve.log").read_text()
