"""What a reader meets in running text and pictures: glossary tooltips, links from the first mention
of each entity to its who's-who entry, and diagrams readable in both palettes."""

from __future__ import annotations

import re

import pytest

from generator import pipeline
from tests.browser.pages import url_path
from tests.helpers import ROOT

SITE, _ = pipeline.load(ROOT / "seeds")
GENERATED = sorted(url_path(p) for p in pipeline.build(ROOT / "seeds").pages)
# Text runs of the article in document order: [text, href of the enclosing link, in <abbr>, left out].
# Headings, pictures, code and permalinks are left out; block edges are a "\n" run.
RUNS = (ROOT / "tests" / "browser" / "text_runs.js").read_text(encoding="utf-8")
DEFINITIONS = {name: " ".join(t.definition.split()) for t in SITE.glossary for name in (t.term, *t.aliases)}


def _ids(paths: list[str]) -> list[str]:
    return [p.removesuffix("/") or "home" for p in paths]


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def lum(rgb):
        c = [v / 255 for v in rgb[:3]]
        c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


@pytest.mark.parametrize("path", [p for p in GENERATED if p != "whos-who/"],
                         ids=_ids([p for p in GENERATED if p != "whos-who/"]))
def test_first_mention_of_each_entity_links_to_its_entry(visit, path: str):
    """Check that, on every generated page, the first mention of each entity in running text (outside
    headings, pictures and other links) is a link to that entity's who's-who entry."""
    runs = visit(path).page.evaluate(RUNS)
    chars: list[str] = []
    owners: list[str | None] = []
    for text, href, _, left_out in runs:
        other_link = href is not None and "whos-who/#" not in href
        for ch in text:
            chars.append("\n" if left_out or other_link else ch)
            owners.append(href)
    text = "".join(chars)
    seen: set[str] = set()
    unlinked = []
    for match in SITE.names.pattern.finditer(text):
        entity = SITE.names.to_id[match.group(0)]
        if entity in seen:
            continue
        seen.add(entity)
        hrefs = set(owners[match.start():match.end()])
        if not all(h and h.rsplit("#", 1)[-1] == entity and "whos-who/" in h for h in hrefs):
            unlinked.append(f"{match.group(0)!r} in “…{text[max(0, match.start() - 30):match.end() + 10]}…”")
    assert unlinked == [], f"{path}: first mentions not linked: {unlinked}"


@pytest.mark.parametrize("path", GENERATED, ids=_ids(GENERATED))
def test_every_glossary_term_in_the_text_carries_its_definition(visit, path: str):
    """Check that every glossary term or alias in the text of a page is marked up with its definition."""
    runs = visit(path).page.evaluate(RUNS)
    names = [n for n in DEFINITIONS if re.fullmatch(r"\w[\w ’'-]*\w", n)]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    bare = [(m.group(0), text.strip()[:60]) for text, _, in_abbr, left_out in runs
            if not in_abbr and not left_out for m in pattern.finditer(text)]
    assert bare == [], f"{path}: glossary terms without a tooltip: {bare}"


def test_a_glossary_alias_with_an_apostrophe_carries_its_definition(visit):
    """Check that a glossary alias with an apostrophe (People's Protection Units) gets its tooltip."""
    names = [n for n in DEFINITIONS if "'" in n]
    assert names, "no glossary name with an apostrophe left: drop this test"
    runs = visit("glossary/").page.evaluate(RUNS)
    assert all(any(name in text and in_abbr for text, _, in_abbr, _ in runs) for name in names)


@pytest.mark.parametrize("path", ["topics/sdf/", "glossary/", "timeline/"])
def test_hovering_a_glossary_term_shows_its_definition(visit, path: str):
    """Check that hovering over a glossary term shows its definition in a tooltip."""
    page = visit(path, viewport={"width": 1280, "height": 900}).page
    term = page.locator("article abbr").first
    name = " ".join(term.inner_text().split())
    term.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert " ".join(tooltip.inner_text().split()) == DEFINITIONS[name]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["timeline/", "actors/", "map/"])
def test_pictures_are_named_and_readable_in_both_palettes(visit, path: str, scheme: str):
    """Check that each picture has a title and a description for screen readers, and that its lines,
    dots and text stand out from the page background (3:1 for graphics, 4.5:1 for text) in each palette."""
    page = visit(path, color_scheme=scheme, viewport={"width": 1280, "height": 900}).page
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s",
                           arg="slate" if scheme == "dark" else "default")
    picture = page.locator("article svg.ex-svg").filter(visible=True)
    assert picture.count() == 1
    assert picture.get_attribute("role") == "group"  # not "img": it holds links
    names = [picture.get_attribute("aria-labelledby"), picture.get_attribute("aria-describedby")]
    texts = [page.locator(f"#{n}").text_content().strip() for n in names]
    assert [page.locator(f"#{n}").evaluate("e => e.tagName") for n in names] == ["title", "desc"]
    assert all(len(t) > 20 for t in texts)
    colours = page.evaluate("""() => {
        const bg = getComputedStyle(document.querySelector('.md-main')).backgroundColor;
        const svg = [...document.querySelectorAll('article svg.ex-svg')].find(s => s.getBoundingClientRect().width > 0);
        const filled = '.ex-event:not(.ex-imprecise) circle, .ex-node circle, .ex-place';
        const drawn = '.ex-relation path, .ex-event circle, .ex-node circle, .ex-axis, .ex-place';
        const marks = [...svg.querySelectorAll(drawn)]
            .map(e => e.matches(filled) ? getComputedStyle(e).fill
                                                                                      : getComputedStyle(e).stroke);
        const words = [...svg.querySelectorAll('text')].map(e => getComputedStyle(e).fill);
        return {bg: getComputedStyle(document.body).backgroundColor || bg, marks, words};
    }""")
    background = _rgb(colours["bg"])
    assert colours["marks"] and colours["words"]
    weak = [c for c in set(colours["marks"]) if _contrast(_rgb(c), background) < 3]
    assert weak == [], f"{path} ({scheme}): marks too faint on {colours['bg']}: {weak}"
    faint = [c for c in set(colours["words"]) if _contrast(_rgb(c), background) < 4.5]
    assert faint == [], f"{path} ({scheme}): text too faint on {colours['bg']}: {faint}"
