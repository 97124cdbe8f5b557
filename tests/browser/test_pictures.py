"""The pictures as a reader sees them: legible on a phone, nothing drawn over anything else, the map's
points linked, and no picture text in search results."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.test_search import _search

PAGES = ["timeline/", "actors/", "map/"]
SIZES = {"phone": (375, 812), "desktop": (1280, 900)}
SMALLEST_PX = 11.0

# Every text and mark of the drawings shown (legend swatches aside): its box on the screen and the size
# its letters are drawn at (font size times the drawing's scale). A badge's number sits in its circle:
# the two are one mark, told by `owner`.
GEOMETRY = """() => {
  const shown = [...document.querySelectorAll('figure.ex-figure svg.ex-svg')]
      .filter(s => s.getBoundingClientRect().width > 0);
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const badges = [...document.querySelectorAll('.ex-badge')];
  const owner = e => badges.indexOf(e.closest('.ex-badge'));
  return shown.map(svg => ({
    texts: [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
      const m = t.getScreenCTM();
      return {text: t.textContent.trim(), box: box(t), owner: owner(t),
              px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)};
    }),
    marks: [...svg.querySelectorAll('.ex-event circle, .ex-dot, .ex-place, .ex-badge circle')]
      .map(c => ({box: box(c), owner: owner(c)})),
  }));
}"""


def _overlap(a: list[float], b: list[float], slack: float = 0.5) -> bool:
    return a[0] + slack < b[2] and b[0] + slack < a[2] and a[1] + slack < b[3] and b[1] + slack < a[3]


def _drawings(visit, path: str, size: str, scheme: str = "light") -> list[dict]:
    width, height = SIZES[size]
    page = visit(path, viewport={"width": width, "height": height}, color_scheme=scheme,
                 is_mobile=size == "phone", has_touch=size == "phone").page
    return page.evaluate(GEOMETRY)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_picture_text_is_at_least_11_px_on_a_phone(visit, path: str, scheme: str):
    """Check that at 375 px wide, in each palette, one drawing per picture is shown and its smallest
    letters are drawn at 11 CSS px or more."""
    drawings = _drawings(visit, path, "phone", scheme)
    assert len(drawings) == 1, f"{path}: {len(drawings)} drawings shown"
    smallest = min(t["px"] for d in drawings for t in d["texts"])
    assert smallest >= SMALLEST_PX, f"{path}: text drawn at {smallest:.2f} px"


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("path", PAGES)
def test_no_label_overlaps_another_label_or_a_mark(visit, path: str, size: str):
    """Check, on the screen's own boxes, that no text of a picture overlaps another text, a dot, a
    point or a number badge (a badge's number inside its own circle aside)."""
    for drawing in _drawings(visit, path, size):
        texts, marks = drawing["texts"], drawing["marks"]
        assert texts and marks
        clashes = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1:]
                   if _overlap(a["box"], b["box"])]
        assert clashes == [], f"{path} at {size}: labels overlap: {clashes[:5]}"
        on_marks = [t["text"] for t in texts for m in marks
                    if (t["owner"] < 0 or t["owner"] != m["owner"]) and _overlap(t["box"], m["box"])]
        assert on_marks == [], f"{path} at {size}: labels on marks: {on_marks[:5]}"


def test_the_map_shows_every_place_as_a_link_to_its_entry(visit, seed_site: Path):
    """Check that the map shows a point for every place with coordinates, each a link to an entry
    that exists on its page."""
    page = visit("map/", viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True).page
    links = page.evaluate("""() => [...document.querySelectorAll('svg.ex-map a.ex-place-link')]
        .filter(a => a.getBoundingClientRect().width > 0)
        .map(a => ({href: new URL(a.getAttribute('href'), location.href).href, name: a.textContent.trim(),
                    point: !!a.querySelector('circle.ex-place')}))""")
    from generator import pipeline
    from tests.helpers import ROOT

    placed = [e for e in pipeline.build(ROOT / "seeds").site.entities if e.coordinates is not None]
    assert len(links) == len(placed) > 10
    for link in links:
        assert link["point"], link
        address = urlsplit(link["href"])
        target = seed_site / address.path.strip("/") / "index.html"
        assert f'id="{address.fragment}"' in target.read_text(encoding="utf-8"), link


@pytest.mark.parametrize("query", ["Palmyra", "Raqqa"])
def test_searching_a_place_finds_no_picture_text(visit, query: str):
    """Check that a place's name finds pages, but no result shows text of a picture (map labels,
    country names, the timeline's flags)."""
    seen = visit("", viewport={"width": 1280, "height": 900})
    groups = _search(seen.page, query)
    assert groups, f"no result for {query!r}"
    texts = seen.page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')]
        .map(i => i.innerText)""")
    for picture_words in ("Mediterranean", "100 km", "TURKEY", "Source article ·", "events:"):
        assert not [t for t in texts if picture_words in t], f"{query!r} shows picture text {picture_words!r}"
