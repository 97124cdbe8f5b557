"""Material's header icons come from the stylesheet, not from every page (tests/theme_icons.py)."""

from __future__ import annotations

from pathlib import Path

from tests import theme_icons


def test_icon_stubs_and_stylesheet_match_the_installed_theme():
    """After a Material upgrade, `python -m tests.theme_icons` refreshes both; review the diff."""
    stubs = {p.name: p.read_text(encoding="utf-8") for p in theme_icons.STUBS.glob("*.svg")}
    assert stubs == {f"{name}.svg": theme_icons.stub(name) for name in theme_icons.ICONS}
    css = theme_icons.CSS.read_text(encoding="utf-8")
    assert css == theme_icons.css_with_block(css), "run python -m tests.theme_icons"


def test_built_pages_inline_no_icon_paths(seed_site: Path):
    """No page carries an icon's drawing: each header icon is an empty, named <svg>."""
    paths = [theme_icons.theme_svg(name).split('d="')[1][:40] for name in theme_icons.ICONS]
    for html in seed_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert not [p for p in paths if p in text], html
        assert 'class="ex-i ex-i-magnify"' in text, html
