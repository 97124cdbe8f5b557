"""The synthetic seeds of the benchmarks are valid and build; the shortcuts taken for scale change nothing."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from benchmarks import synth
from generator import pipeline
from generator.model import DIRECTORY_PAGE_MAX, Site
from generator.names import trie
from generator.text import initial
from tests.helpers import ROOT, broken_links, generator, make_project, mkdocs_build, visible


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth.write_seeds(tmp_path_factory.mktemp("synth") / "seeds", 10)


def test_synthetic_seeds_pass_the_checks_and_build(synthetic, tmp_path):
    """Check that 10 synthetic articles pass `generator check` without warnings and build with --strict."""
    project = make_project(tmp_path / "p", synthetic)
    checked = generator(project, "check", "--seeds", "seeds")
    assert checked.returncode == 0, checked.stderr
    assert "ok: 10 articles, 50 entities, 50 events, 100 facts, 10 quotes" in checked.stdout
    assert "warning" not in checked.stderr
    built = mkdocs_build(project)
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "articles" / "report-0001-rairser" / "index.html").is_file()


def test_synthetic_seeds_are_deterministic():
    """Check that the same size and seed give the same bytes, and another seed other bytes."""
    assert synth.generate(3, seed=1) == synth.generate(3, seed=1)
    assert synth.generate(3, seed=1) != synth.generate(3, seed=2)


def _brute_force_appearances(site: Site, entity) -> list[tuple[str, str, str]]:
    """Who's who's "appears in", the obvious way: every topic, event, quote and article, every time."""
    found = []
    for topic in site.sheet.topics:
        ids = {i for f in site.sheet.facts if topic.id in f.topics for i in f.entities}
        ids |= {i for e in site.sheet.events if topic.id in e.topics for i in e.entities}
        ids |= {q.speaker for q in site.sheet.quotes if topic.id in q.topics}
        if entity.id in ids:
            found.append((f"topics/{topic.id}.md", "", topic.title))
    if any(entity.id in e.entities for e in site.sheet.events):
        found.append(("timeline.md", "", "Timeline"))
    if any(q.speaker == entity.id for q in site.sheet.quotes):
        found.append(("quotes.md", "", "Quotes"))
    names = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")
    for article in site.articles:
        if any(pattern.search(p.text) for p in article.paragraphs):
            found.append((f"articles/{article.id}.md", "", article.title))
    return found


@pytest.mark.parametrize("seeds", ["real", "synthetic"])
def test_indexed_lookups_match_the_obvious_ones(seeds, synthetic):
    """Check that the indexed per-topic and per-entity lookups give what scanning every record gives."""
    site, _ = pipeline.load(ROOT / "seeds" if seeds == "real" else synthetic)
    for topic in site.sheet.topics:
        assert site.facts_for(topic) == [f for f in site.sheet.facts if topic.id in f.topics]
        assert site.events_for(topic) == [e for e in site.events if topic.id in e.topics]
        assert site.quotes_for(topic) == [q for q in site.sheet.quotes if topic.id in q.topics]
    for entity in site.sheet.entities:
        assert site.appearances(entity) == _brute_force_appearances(site, entity)


def test_name_trie_matches_what_a_plain_alternation_matches():
    """Check that the prefix-factored pattern of entity names finds exactly the spans of `a|b|…` longest first."""
    rng = random.Random(7)
    pieces = ["a", "b", "ab", "a-b", "a b", "(c)", "b.", "x", "ab c", "a(b)", "é"]
    for _ in range(2000):
        drawn = {"".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 6))}
        names = sorted(drawn, key=lambda n: (-len(n), n))
        plain = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
        fast = re.compile(r"(?<![\w-])(" + trie(names) + r")(?![\w-])")
        for _ in range(5):
            text = "".join(rng.choice([*pieces, " ", "-", ","]) for _ in range(rng.randint(0, 20)))
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], (names, text)


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Site]:
    """110 synthetic articles: 550 entities, 550 events and 330 figures, past DIRECTORY_PAGE_MAX, built by MkDocs."""
    seeds = synth.write_seeds(tmp_path_factory.mktemp("paged") / "seeds", 110)
    site, _ = pipeline.load(seeds)
    assert min(len(site.entities), len(site.events), len(site.figures)) > DIRECTORY_PAGE_MAX
    project = make_project(tmp_path_factory.mktemp("paged-project") / "p", seeds)
    built = mkdocs_build(project)  # --strict: a link to a missing page or anchor fails the build
    assert built.returncode == 0, built.stderr
    return project / "site", site


def _html(site_dir: Path, page: str) -> str:
    return (site_dir / page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")


def test_every_link_of_the_paged_site_reaches_its_page_and_anchor(paged_site):
    """Check that on a site with paged directories (who's who by letter, timeline by year, numbered figures)
    every link between pages, those written as HTML included, reaches an existing page and anchor."""
    site_dir, _ = paged_site
    assert broken_links(site_dir) == []


def test_long_whos_who_is_split_by_initial_letter(paged_site):
    """Check that past DIRECTORY_PAGE_MAX entities who's who becomes an index of letters, each entity's
    entry sits on its letter's page, and the links to it from a topic page land there."""
    site_dir, site = paged_site
    index = _html(site_dir, "whos-who.md")
    pages = site.whos_who_pages
    assert len(pages) > 1 and all(p.startswith("whos-who/") for p in pages)
    for path, entities in pages.items():
        letter = path[len("whos-who/"):-len(".md")]
        assert f'href="{letter}/"' in index
        markup = _html(site_dir, path)
        label = "Other" if letter == "other" else letter.upper()
        assert f"<strong>{label}</strong>" in markup and f'href="../{letter}/"' not in markup  # where you are
        for entity in entities:
            assert f'id="{entity.id}"' in markup, (path, entity.id)
            assert letter == "other" or initial(entity.name) == letter
    assert sum(len(e) for e in pages.values()) == len(site.entities)
    topic = site.topics[0]
    linked = re.findall(r'href="\.\./\.\./whos-who/([a-z]+)/#([\w-]+)"', _html(site_dir, f"topics/{topic.id}.md"))
    assert linked
    for letter, entity_id in linked:
        assert site.entity_page(entity_id) == f"whos-who/{letter}.md"


def test_long_timeline_is_split_by_year(paged_site):
    """Check that past DIRECTORY_PAGE_MAX events the timeline keeps its picture and lists one page per
    year, and every event is on the page of its year."""
    site_dir, site = paged_site
    index = _html(site_dir, "timeline.md")
    assert "<svg" in index
    for path, events in site.timeline_pages.items():
        year = path[len("timeline/"):-len(".md")]
        assert f'href="{year}/"' in index
        assert {e.date[:4] for e in events} == {year}
        text = visible(_html(site_dir, path))
        for event in events[:20]:
            assert " ".join(event.title.split()) in text, (path, event.id)
    assert sum(len(e) for e in site.timeline_pages.values()) == len(site.events)


def test_long_key_figures_are_split_into_numbered_pages(paged_site):
    """Check that past DIRECTORY_PAGE_MAX figures the key figures page lists numbered pages of at most
    that many, in sheet order, and each figure's block is on its page with links that resolve (--strict)."""
    site_dir, site = paged_site
    index = _html(site_dir, "figures.md")
    pages = site.figure_pages
    assert list(pages) == [f"figures/{n}.md" for n in range(1, len(pages) + 1)] and len(pages) > 1
    assert [f.id for entries in pages.values() for f in entries] == [f.id for f in site.figures]
    for path, facts in pages.items():
        number = path[len("figures/"):-len(".md")]
        assert f'href="{number}/"' in index and len(facts) <= DIRECTORY_PAGE_MAX
        markup = _html(site_dir, path)
        assert f"<strong>{number}</strong>" in markup
        for fact in facts:
            assert f'id="figure-{fact.id}"' in markup and f'id="{fact.id}"' in markup


def test_long_quotes_are_split_into_numbered_pages(tmp_path, monkeypatch):
    """Check that past DIRECTORY_PAGE_MAX quotes (8 here, so 20 articles suffice) the quotes page lists
    numbered pages, each quote's figure is on its page, and coverage links a quote to that page."""
    from generator import model

    monkeypatch.setattr(model, "DIRECTORY_PAGE_MAX", 8)
    seeds = synth.write_seeds(tmp_path / "seeds", 20)
    result = pipeline.build(seeds)
    pages = result.site.quote_pages
    assert list(pages) == ["quotes/1.md", "quotes/2.md", "quotes/3.md"]
    assert [q.id for quotes in pages.values() for q in quotes] == [q.id for q in result.site.quotes]
    assert all(f"[Page {n}](quotes/{n}.md)" in result.pages["quotes.md"] for n in (1, 2, 3))
    for path, quotes in pages.items():
        for quote in quotes:
            assert f'id="{quote.id}"' in result.pages[path]
    linked = re.findall(r"\]\((quotes/\d\.md)#([\w-]+)\)", result.pages["coverage.md"])
    assert linked
    for path, quote_id in linked:
        assert result.site.quote_page(quote_id) == path
