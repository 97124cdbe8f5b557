"""The site model: the checked fact sheet and articles, resolved for the templates.

Plain objects and lookups, no I/O. Templates only loop and branch over what is here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from .articles import Article, Paragraph
from .currency import Currency, stale
from .names import Names
from .schema import Citation, Entity, Event, Fact, FactSheet, Quote, Source, Term, Topic
from .text import date_key, initial

WHOS_WHO = "whos-who.md"
TIMELINE = "timeline.md"
FIGURES = "figures.md"
QUOTES = "quotes.md"
# A directory longer than this is split, so that no reader's phone loads a 5 MB page: who's who into
# one page per initial letter, the timeline into one page per year, key figures and quotes into
# numbered pages. The first page stays the index.
DIRECTORY_PAGE_MAX = 300


def paged(index: str, records: list, part=None) -> dict[str, list]:
    """`index` → every record while short. Past DIRECTORY_PAGE_MAX, `<folder>/<part(record)>.md` for each
    record (in the records' order), or without `part` numbered pages `<folder>/1.md`, `<folder>/2.md`, …"""
    if len(records) <= DIRECTORY_PAGE_MAX:
        return {index: records}
    folder = index[:-len(".md")]
    if part is None:
        size = DIRECTORY_PAGE_MAX
        return {f"{folder}/{n + 1}.md": records[k:k + size] for n, k in enumerate(range(0, len(records), size))}
    pages: dict[str, list] = {}
    for record in records:
        pages.setdefault(f"{folder}/{part(record)}.md", []).append(record)
    return pages


@dataclass(frozen=True)
class Cite:
    """A citation with its source (and, for an article, its paragraph) resolved."""

    raw: Citation
    source: Source
    article: Article | None
    paragraph: Paragraph | None

    @property
    def background(self) -> bool:
        return self.source.kind == "web"


@dataclass
class Site:
    """The checked inputs, resolved for the templates: what a page shows, and where it is shown."""

    sheet: FactSheet
    articles: list[Article]
    sources: dict[str, Source]  # every source by id, the implicit article sources included
    today: dt.date | None = None  # facts past `review_after` on this date are marked; None: never

    def __post_init__(self) -> None:
        self.article_by_id = {a.id: a for a in self.articles}
        self.entity_by_id = {e.id: e for e in self.sheet.entities}
        self.topic_by_id = {t.id: t for t in self.sheet.topics}

    # -- lookups -----------------------------------------------------------------------

    @property
    def meta(self):
        return self.sheet.meta

    @property
    def topics(self) -> list[Topic]:
        return list(self.sheet.topics)

    @cached_property
    def entities(self) -> list[Entity]:
        return sorted(self.sheet.entities, key=lambda e: e.name.lower())

    @cached_property
    def whos_who_pages(self) -> dict[str, list[Entity]]:
        """Who's who page → its entries, in name order: one page, or past DIRECTORY_PAGE_MAX one per letter."""
        pages = paged(WHOS_WHO, self.entities, lambda e: initial(e.name))
        return dict(sorted(pages.items(), key=lambda item: (item[0].endswith("/other.md"), item[0])))

    @cached_property
    def timeline_pages(self) -> dict[str, list[Event]]:
        """Timeline page → its events, in date order: one page, or past DIRECTORY_PAGE_MAX one per year."""
        return paged(TIMELINE, self.events, lambda e: e.date[:4])

    @cached_property
    def figure_pages(self) -> dict[str, list[Fact]]:
        """Key figures page → its figures, in sheet order: one page, or pages of DIRECTORY_PAGE_MAX."""
        return paged(FIGURES, self.figures)

    @cached_property
    def quote_pages(self) -> dict[str, list[Quote]]:
        """Quotes page → its quotes, in sheet order: one page, or pages of DIRECTORY_PAGE_MAX."""
        return paged(QUOTES, self.quotes)

    @cached_property
    def _listed_on(self) -> dict[str, str]:
        """Record id → the directory page that lists it. (Ids are unique across the fact sheet; figures
        are left out: a fact's page is its topic's.)"""
        return {r.id: path for pages in (self.whos_who_pages, self.timeline_pages, self.quote_pages)
                for path, records in pages.items() for r in records}

    def entity_page(self, entity_id: str) -> str:
        """The who's who page that holds the entity's entry (at anchor `entity_id`)."""
        return self._listed_on.get(entity_id, WHOS_WHO)

    def event_page(self, event_id: str) -> str:
        return self._listed_on.get(event_id, TIMELINE)

    def quote_page(self, quote_id: str) -> str:
        return self._listed_on.get(quote_id, QUOTES)

    @cached_property
    def events(self) -> list[Event]:
        """Chronological; a month-precise date sorts after the days of that month (as the timeline draws it)."""
        return sorted(self.sheet.events, key=lambda e: (date_key(e.date), e.id))

    @property
    def facts(self) -> list[Fact]:
        return list(self.sheet.facts)

    @property
    def figures(self) -> list[Fact]:
        """Key figures: the facts with a number that nothing has superseded."""
        return [f for f in self.sheet.facts if f.figure is not None and f.superseded_by is None]

    @property
    def quotes(self) -> list[Quote]:
        return list(self.sheet.quotes)

    @cached_property
    def glossary(self) -> list[Term]:
        return sorted(self.sheet.glossary, key=lambda t: t.term.lower())

    def resolve(self, cite: Citation) -> Cite:
        source = self.sources[cite.source]
        article = self.article_by_id.get(source.article or "") if source.kind == "article" else None
        paragraph = article.paragraph(cite.paragraph) if article and cite.paragraph else None
        return Cite(raw=cite, source=source, article=article, paragraph=paragraph)

    def cites(self, record) -> list[Cite]:
        # Resolved once per record: a fact block asks for its citations four or five times.
        known = self._cites.get(id(record))
        if known is None or known[0] is not record:
            raw = record.cite if isinstance(record.cite, list) else [record.cite]
            order = {"preferred": 0, "normal": 1, "deprecated": 2}
            known = (record, sorted((self.resolve(c) for c in raw), key=lambda c: order[c.raw.rank]))
            self._cites[id(record)] = known
        return list(known[1])

    @cached_property
    def _cites(self) -> dict[int, tuple[object, list[Cite]]]:
        return {}

    def is_background(self, record) -> bool:
        """A record none of whose citations is a source article."""
        return all(c.background for c in self.cites(record))

    def disputed(self, record) -> bool:
        """Its sources conflict: at least two of them say different things (`claim:`). Sources that agree
        are corroboration, and one source never disputes anything."""
        return len({c.raw.claim for c in self.cites(record) if c.raw.claim}) >= 2

    # -- provenance: currency, freshness, where a fact is shown ----------------------------

    @cached_property
    def currency(self) -> Currency:
        """How far events are tracked, when the sheet was checked, and what later events overtook."""
        return Currency(self.sheet, (s.id for s in self.sources.values() if s.kind == "article"))

    def stale(self, fact: Fact) -> bool:
        """The fact is past its `review_after` date, nothing supersedes it, and it may be out of date."""
        return stale(fact, self.today)

    @property
    def stale_facts(self) -> list[Fact]:
        return [f for f in self.sheet.facts if self.stale(f)]

    def fact_page(self, fact_id: str) -> str | None:
        """The page that shows a fact (its first topic's page, at anchor `fact_id`), if it still exists."""
        fact = self.fact_by_id.get(fact_id)
        return f"topics/{fact.topics[0]}.md" if fact else None

    @cached_property
    def fact_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.sheet.facts}

    def entity(self, entity_id: str) -> Entity:
        return self.entity_by_id[entity_id]

    def article_label(self, article: Article) -> str:
        """A short name for citations: "Article" when there is one, else the title's first words."""
        if len(self.articles) == 1:
            return "Article"
        words = article.title.split()
        return " ".join(words[:6]) + ("…" if len(words) > 6 else "")

    def article_source(self, article: Article) -> Source | None:
        """The source record that describes an article (publisher, date, address), if any."""
        return self._article_sources.get(article.id)

    @cached_property
    def _article_sources(self) -> dict[str, Source]:
        found: dict[str, Source] = {}
        for s in self.sources.values():
            if s.kind == "article" and s.article:
                found.setdefault(s.article, s)
        return found

    # -- per topic ---------------------------------------------------------------------
    # Every lookup below reads indexes built once per site: pages ask per topic and per entity,
    # and a scan of every record per question made the build quadratic in the fact sheet.

    def facts_for(self, topic: Topic) -> list[Fact]:
        return list(self._by_topic[topic.id][0]) if topic.id in self._by_topic else []

    def events_for(self, topic: Topic) -> list[Event]:
        return list(self._by_topic[topic.id][1]) if topic.id in self._by_topic else []

    def quotes_for(self, topic: Topic) -> list[Quote]:
        return list(self._by_topic[topic.id][2]) if topic.id in self._by_topic else []

    def entities_for(self, topic: Topic) -> list[Entity]:
        return [self.entity_by_id[i] for i in self._topic_entities.get(topic.id, ())]

    def entities_among(self, ids) -> list[Entity]:
        """The entities with these ids, in `entities` order, without scanning every entity per page."""
        rank = self._entity_rank
        return [self.entity_by_id[i] for i in sorted((i for i in set(ids) if i in rank), key=rank.__getitem__)]

    @cached_property
    def _entity_rank(self) -> dict[str, int]:
        return {e.id: k for k, e in enumerate(self.entities)}

    @cached_property
    def _by_topic(self) -> dict[str, tuple[list[Fact], list[Event], list[Quote]]]:
        """Topic id → its facts (sheet order), events (chronological) and quotes (sheet order)."""
        index: dict[str, tuple[list[Fact], list[Event], list[Quote]]] = {}
        for slot, records in enumerate((self.sheet.facts, self.events, self.sheet.quotes)):
            for record in records:
                for topic_id in dict.fromkeys(record.topics):
                    index.setdefault(topic_id, ([], [], []))[slot].append(record)
        return index

    @cached_property
    def _topic_entities(self) -> dict[str, list[str]]:
        """Topic id → ids of the entities its facts and events name or its quotes cite, in `entities` order."""
        rank = self._entity_rank
        out: dict[str, list[str]] = {}
        for topic_id, (facts, events, quotes) in self._by_topic.items():
            ids = {i for r in (*facts, *events) for i in r.entities} | {q.speaker for q in quotes}
            out[topic_id] = sorted((i for i in ids if i in rank), key=rank.__getitem__)
        return out

    PASSAGES_MAX = 8

    def passages_for(self, topic: Topic) -> tuple[list[tuple[Article, Paragraph]], int]:
        """The article paragraphs the topic's facts, quotes and events cite most (at most PASSAGES_MAX,
        in reading order), and how many paragraphs they cite in all. Each record links its own
        paragraph anyway; the passages are a taste of the sources, not a second copy of them."""
        counts: dict[tuple[str, int], int] = {}
        found: dict[tuple[str, int], tuple[Article, Paragraph]] = {}
        records = (*self.facts_for(topic), *self.quotes_for(topic), *self.events_for(topic))
        for record in records:
            for cite in self.cites(record):
                if cite.article and cite.paragraph:
                    key = (cite.article.id, cite.paragraph.number)
                    counts[key] = counts.get(key, 0) + 1
                    found[key] = (cite.article, cite.paragraph)
        chosen = sorted(counts, key=lambda k: (-counts[k], k))[:self.PASSAGES_MAX]
        return [found[k] for k in sorted(chosen)], len(counts)

    # -- per entity ----------------------------------------------------------------------

    def appearances(self, entity: Entity) -> list[tuple[str, str, str]]:
        """(page path, anchor, label) for every record that names the entity."""
        found: list[tuple[str, str, str]] = []
        for topic in self._topics_of_entity.get(entity.id, ()):
            found.append((f"topics/{topic.id}.md", "", topic.title))
        if entity.id in self._event_entities:
            found.append(("timeline.md", "", "Timeline"))
        if entity.id in self._speakers:
            found.append(("quotes.md", "", "Quotes"))
        for article in self.names.articles_mentioning(entity):
                found.append((f"articles/{article.id}.md", "", article.title))
        return found

    @cached_property
    def _topics_of_entity(self) -> dict[str, list[Topic]]:
        """Entity id → the topics (in sheet order) whose facts, events or quotes involve it."""
        out: dict[str, list[Topic]] = {}
        for topic in self.sheet.topics:
            for entity_id in self._topic_entities.get(topic.id, ()):
                out.setdefault(entity_id, []).append(topic)
        return out

    @cached_property
    def _event_entities(self) -> set[str]:
        return {i for e in self.sheet.events for i in e.entities}

    @cached_property
    def _speakers(self) -> set[str]:
        return {q.speaker for q in self.sheet.quotes}

    @cached_property
    def names(self) -> Names:
        """Every entity's names: the pattern that finds mentions, and which articles mention whom."""
        return Names(self.sheet.entities, self.articles)
