"""Every page in a real browser: accessible, self-contained, readable without JavaScript, and
fitting a phone's screen, in the light and the dark palette. Screenshots are kept as artefacts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.pages import PAGE_IDS, PAGES, url_path
from tests.helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0/2.1 level A and AA, and axe's best-practice rules.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
SIZES = {"phone": (375, 812), "desktop": (1280, 900)}
SCHEMES = {"light": "default", "dark": "slate"}  # the browser's preference → Material's palette


def _article_text(page) -> str:
    return " ".join(page.inner_text("article.md-content__inner").split())


def _shows_palette(page, scheme: str) -> None:
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=SCHEMES[scheme])


def test_every_built_page_is_checked(seed_site: Path):
    """Check that the browser tests visit every HTML page of the built site, no more, no fewer."""
    built = []
    for html in seed_site.rglob("*.html"):
        rel = html.relative_to(seed_site).as_posix()
        built.append(rel if rel == "404.html" else url_path(rel[: -len(".html")] + ".md"))
    assert sorted(built) == sorted(PAGES)


def _axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
             .map(v => ({rule: v.id, help: v.help, where: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))""",
        AXE_TAGS)


def _photograph(page, path: str, size: str, scheme: str) -> None:
    width, height = SIZES[size]
    name = re.sub(r"[^a-z0-9]+", "-", path.removesuffix(".html").lower()).strip("-") or "home"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{width}x{height}-{scheme}.png", full_page=True)


def _sideways(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", PAGES, ids=PAGE_IDS)
def test_page_on_a_desktop_is_accessible_and_self_contained(visit, path: str, scheme: str):
    """Check that at 1280×900, in each palette, the page has no axe-core violation (WCAG 2 A/AA and
    best practice), asks no host but 127.0.0.1 for anything, logs no error and never scrolls sideways."""
    width, height = SIZES["desktop"]
    seen = visit(path, wait_until="networkidle", viewport={"width": width, "height": height}, color_scheme=scheme)
    page = seen.page
    _shows_palette(page, scheme)
    _photograph(page, path, "desktop", scheme)
    assert seen.outside == [], f"{path} asked other hosts for: {seen.outside}"
    assert seen.console_errors == [], f"{path} logged: {seen.console_errors}"
    assert _sideways(page) <= 0, f"{path} scrolls sideways at {width}×{height}"
    violations = _axe_violations(page)
    assert violations == [], f"{path} ({scheme}): {violations}"


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", PAGES, ids=PAGE_IDS)
def test_page_on_a_phone_fits_the_screen(visit, path: str, scheme: str):
    """Check that at 375×812, in each palette, the page never scrolls sideways, asks no other host for
    anything and logs no error."""
    width, height = SIZES["phone"]
    seen = visit(path, viewport={"width": width, "height": height}, color_scheme=scheme, is_mobile=True,
                 has_touch=True)
    page = seen.page
    _shows_palette(page, scheme)
    _photograph(page, path, "phone", scheme)
    overflow = _sideways(page)
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}×{height}"
    assert seen.outside == [], f"{path} asked other hosts for: {seen.outside}"
    assert seen.console_errors == [], f"{path} logged: {seen.console_errors}"


@pytest.mark.parametrize("path", PAGES, ids=PAGE_IDS)
def test_page_content_is_all_there_without_javascript(visit, path: str):
    """Check that with JavaScript off a reader sees the whole content, the same text as with it on."""
    with_js = _article_text(visit(path).page)
    page = visit(path, java_script_enabled=False).page
    without_js = _article_text(page)
    assert len(without_js) > 10, f"{path}: next to no text without JavaScript"
    assert without_js == with_js
    for figure in page.locator("article figure.ex-figure").all():  # one drawing shown per screen width
        shown = figure.locator("svg.ex-svg").filter(visible=True)
        assert shown.count() == 1 and shown.bounding_box()["height"] > 50


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_header_icons_are_painted_from_the_stylesheet(visit, scheme: str):
    """Each header icon is an empty <svg> that the stylesheet paints with the theme's drawing as a mask:
    it must have its size, a mask and the header's text colour, in both palettes and on a phone."""
    page = visit("", color_scheme=scheme, viewport={"width": 375, "height": 812}).page
    _shows_palette(page, scheme)
    icons = page.evaluate("""() => [...document.querySelectorAll('.md-header svg.ex-i')]
        .filter(e => e.getBoundingClientRect().width > 0)
        .map(e => { const s = getComputedStyle(e), r = e.getBoundingClientRect();
                    return {name: e.getAttribute('class'), w: r.width, h: r.height,
                            mask: s.maskImage || s.webkitMaskImage, paint: s.backgroundColor,
                            color: getComputedStyle(e.parentElement).color}; })""")
    names = {icon["name"] for icon in icons}
    assert {"ex-i ex-i-menu", "ex-i ex-i-magnify"} <= names, names
    assert names & {"ex-i ex-i-weather-night", "ex-i ex-i-weather-sunny"}, names  # the palette toggle
    for icon in icons:
        assert icon["w"] >= 16 and icon["h"] >= 16, icon
        assert icon["mask"].startswith('url("data:image/svg+xml,'), icon
        assert icon["paint"] == icon["color"], icon
