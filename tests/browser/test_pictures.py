"""The pictures as a reader sees them: legible on a phone, nothing drawn over anything else, the map's
points linked, and no picture text in search results."""

from __future__ import annotations

import re
from html.parser import HTMLParser
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


class _FigureText(HTMLParser):
    """The pieces of text inside a page's figures (the pictures, their titles and captions), each as drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.pieces = 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "figure" and "ex-figure" in (dict(attrs).get("class") or ""):
            self.depth = 1
        elif self.depth and tag == "figure":
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag == "figure":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and data.strip():
            self.pieces.append(" ".join(data.split()))


def _record_text() -> str:
    """Everything the fact sheet's records and the articles say, spaces made one."""
    from generator import pipeline
    from tests.helpers import ROOT

    strings: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(pipeline.build(ROOT / "seeds").site.sheet.model_dump())
    strings += [p.read_text(encoding="utf-8") for p in (ROOT / "seeds" / "articles").glob("*.txt")]
    return "\n".join(" ".join(s.split()) for s in strings)


def _picture_only(seed_site: Path) -> set[str]:
    """The words the pictures draw that no record says: the sea's name, the scale, the axes' and flags'
    own words, the groups' headings in capitals; a search result that shows one shows picture text."""
    parser = _FigureText()
    for path in PAGES:
        parser.feed((seed_site / path / "index.html").read_text(encoding="utf-8"))
    records = _record_text()
    return {piece for piece in parser.pieces if len(piece) > 3 and piece not in records}


@pytest.mark.parametrize("query", ["Palmyra", "Raqqa"])
def test_searching_a_place_finds_no_picture_text(visit, seed_site: Path, query: str):
    """Check that a place's name finds pages, but no result shows text that only a picture carries (map
    labels, country names, the timeline's flags and axis), while a record's own words may mention the
    same things (a record that names the Mediterranean coast is not the map's "Mediterranean Sea")."""
    picture_only = _picture_only(seed_site)
    assert {"Mediterranean Sea", "100 km", "TURKEY"} <= picture_only
    assert any(p.startswith("Source article ·") for p in picture_only)
    seen = visit("", viewport={"width": 1280, "height": 900})
    groups = _search(seen.page, query)
    assert groups, f"no result for {query!r}"
    texts = seen.page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')]
        .map(i => i.innerText)""")
    shown = sorted({p for p in picture_only for t in texts  # whole words: "24 Nov" is not in "24 November"
                    if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", " ".join(t.split()))})
    assert not shown, f"{query!r} shows picture text {shown[:5]}"
