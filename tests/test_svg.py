"""Pictures drawn at build time (generator/svg.py): well-formed SVG from the fact sheet, named for
screen readers, coloured by the palette, and every fact-sheet string in them kept as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from generator import pipeline, svg
from tests.helpers import CASES, ROOT

NS = {"s": "http://www.w3.org/2000/svg"}


def _svg_element(figure: str) -> ET.Element:
    """The <svg> of a rendered figure, parsed as XML (so it must be well-formed)."""
    return ET.fromstring(re.search(r"<svg .*?</svg>", str(figure), re.S).group(0))


class _SvgAudit(HTMLParser):
    """Tags inside <svg> elements of a built page, and the text of their <title>s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.tags: list[str] = []
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.depth += 1
        if self.depth:
            self.tags.append(tag)
            self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False
        if tag == "svg":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self._in_title:
            self.titles.append(data)


def test_relation_label_with_a_script_stays_text_in_the_built_diagram(hostile_project: Path):
    """Check that a `<script>` in a relation label shows as text in the actors diagram of the built
    site, and no element of it reaches the page."""
    html = (hostile_project / "site" / "actors" / "index.html").read_text(encoding="utf-8")
    audit = _SvgAudit()
    audit.feed(html)
    assert audit.tags and "script" not in audit.tags and "img" not in audit.tags
    assert any("<script>alert('relation')</script>" in t for t in audit.titles)
    assert any("<img src=x onerror=alert('entity')>" in t for t in audit.titles)
    assert "<script>alert('relation')" not in html


def test_every_string_from_the_fact_sheet_is_escaped_in_both_pictures():
    """Check that names, labels and titles with markup come out of the SVG as the same text."""
    result = pipeline.build(CASES / "hostile" / "seeds")
    for figure in (svg.actors(result.site), svg.timeline(result.site)):
        root = _svg_element(figure)
        assert not root.findall(".//s:script", NS) and not root.findall(".//s:foreignObject", NS)
        texts = " ".join(" ".join(e.itertext()) for e in root.iter())
        assert "<script>" in texts or "<img" in texts  # as characters, not elements
    relation = result.site.sheet.relations[0]
    titles = [t.text for t in _svg_element(svg.actors(result.site)).iterfind(".//s:g/s:title", NS)]
    assert any(relation.label in t for t in titles)


def test_pictures_are_well_formed_and_named_for_screen_readers():
    """Check that both pictures are well-formed SVG images with a title and a description, and show
    every event and every relation of the fact sheet."""
    site = pipeline.build(ROOT / "seeds").site
    timeline, actors = _svg_element(svg.timeline(site)), _svg_element(svg.actors(site))
    for root in (timeline, actors):
        assert root.get("role") == "img"
        title_id, desc_id = root.get("aria-labelledby").split()
        assert root.find(f"s:title[@id='{title_id}']", NS).text
        assert len(root.find(f"s:desc[@id='{desc_id}']", NS).text) > 40
    assert len(timeline.findall(".//s:g[@class]/s:circle", NS)) == len(site.events)
    assert len(actors.findall(".//s:g/s:path", NS)) >= len(site.sheet.relations)
    badges = [t.text for t in actors.iterfind(".//s:g/s:text", NS) if t.text and t.text.isdigit()]
    assert badges == [str(i) for i in range(1, len(site.sheet.relations) + 1)]


def test_pictures_take_their_colours_from_the_palette():
    """Check that no colour is written into the SVG: strokes and fills come from CSS variables
    (docs/assets/explainer.css), defined for the light and the dark palette."""
    site = pipeline.build(ROOT / "seeds").site
    for figure in (svg.timeline(site), svg.actors(site)):
        assert not re.search(r"(fill|stroke|color)=\"(#|rgb|[a-z]+\")", str(figure))
        assert "style=" not in str(figure)
    css = (ROOT / "docs" / "assets" / "explainer.css").read_text(encoding="utf-8")
    for kind in svg.RELATION_KINDS:
        assert css.count(f"--ex-{kind}:") == 2, f"--ex-{kind} needs a light and a dark value"


def test_pictures_are_the_same_on_every_build():
    """Check that drawing is deterministic: two renders give the same bytes."""
    first, second = pipeline.build(ROOT / "seeds").pages, pipeline.build(ROOT / "seeds").pages
    assert first["actors.md"] == second["actors.md"] and first["timeline.md"] == second["timeline.md"]


def test_the_site_shows_the_pictures_on_their_pages(seed_site: Path):
    """Check that the built timeline page shows the timeline, and the nav leads to the actors page."""
    timeline = (seed_site / "timeline" / "index.html").read_text(encoding="utf-8")
    actors = (seed_site / "actors" / "index.html").read_text(encoding="utf-8")
    assert 'class="ex-svg ex-timeline"' in timeline and 'class="ex-svg ex-actors"' in actors
    assert "actors.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    whos_who = (seed_site / "whos-who" / "index.html").read_text(encoding="utf-8")
    assert 'href="../actors/"' in whos_who  # its nav section lists the actors page
