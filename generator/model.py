"""The site model: the checked fact sheet and articles, resolved for the templates.

Plain objects and lookups, no I/O. Templates only loop and branch over what is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .articles import Article, Paragraph
from .checks import all_sources
from .schema import Citation, Entity, Event, Fact, FactSheet, Quote, Source, Term, Topic

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def human_date(value: str | None) -> str:
    """Write a date with exactly the precision known: 2025, December 2025, 10 December 2025."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


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
    sheet: FactSheet
    articles: list[Article]
    sources: dict[str, Source] = field(init=False)

    def __post_init__(self) -> None:
        self.sources = all_sources(self.sheet, self.articles)
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
    def events(self) -> list[Event]:
        """Chronological; a month-precise date sorts before the days of that month."""
        return sorted(self.sheet.events, key=lambda e: (e.date, e.id))

    @property
    def facts(self) -> list[Fact]:
        return list(self.sheet.facts)

    @property
    def figures(self) -> list[Fact]:
        return [f for f in self.sheet.facts if f.figure is not None]

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
        raw = record.cite if isinstance(record.cite, list) else [record.cite]
        order = {"preferred": 0, "normal": 1, "deprecated": 2}
        return sorted((self.resolve(c) for c in raw), key=lambda c: order[c.raw.rank])

    def is_background(self, record) -> bool:
        """A record none of whose citations is a source article."""
        return all(c.background for c in self.cites(record))

    def disputed(self, record) -> bool:
        return any(c.raw.claim for c in self.cites(record))

    def entity(self, entity_id: str) -> Entity:
        return self.entity_by_id[entity_id]

    def article_source(self, article: Article) -> Source | None:
        """The source record that describes an article (publisher, date, address), if any."""
        return next((s for s in self.sources.values() if s.kind == "article" and s.article == article.id), None)

    # -- per topic ---------------------------------------------------------------------

    def facts_for(self, topic: Topic) -> list[Fact]:
        return [f for f in self.sheet.facts if topic.id in f.topics]

    def events_for(self, topic: Topic) -> list[Event]:
        return [e for e in self.events if topic.id in e.topics]

    def quotes_for(self, topic: Topic) -> list[Quote]:
        return [q for q in self.sheet.quotes if topic.id in q.topics]

    def entities_for(self, topic: Topic) -> list[Entity]:
        ids: set[str] = set()
        for record in (*self.facts_for(topic), *self.events_for(topic)):
            ids.update(record.entities)
        ids.update(q.speaker for q in self.quotes_for(topic))
        return [e for e in self.entities if e.id in ids]

    def passages_for(self, topic: Topic) -> list[tuple[Article, Paragraph]]:
        """Article paragraphs cited by the topic's facts, quotes and events, in reading order."""
        seen: dict[tuple[str, str], tuple[Article, Paragraph]] = {}
        records = (*self.facts_for(topic), *self.quotes_for(topic), *self.events_for(topic))
        for record in records:
            for cite in self.cites(record):
                if cite.article and cite.paragraph:
                    seen[(cite.article.id, cite.paragraph.id)] = (cite.article, cite.paragraph)
        return sorted(seen.values(), key=lambda ap: (ap[0].id, ap[1].number))

    # -- per entity ----------------------------------------------------------------------

    def appearances(self, entity: Entity) -> list[tuple[str, str, str]]:
        """(page path, anchor, label) for every record that names the entity."""
        found: list[tuple[str, str, str]] = []
        for topic in self.sheet.topics:
            if entity in self.entities_for(topic):
                found.append((f"topics/{topic.id}.md", "", topic.title))
        if any(entity.id in e.entities for e in self.sheet.events):
            found.append(("timeline.md", "", "Timeline"))
        if any(q.speaker == entity.id for q in self.sheet.quotes):
            found.append(("quotes.md", "", "Quotes"))
        for article in self.articles:
            if self.mentions(article, entity):
                found.append((f"articles/{article.id}.md", "", article.title))
        return found

    def mentions(self, article: Article, entity: Entity) -> bool:
        pattern = self._name_pattern(entity)
        return any(pattern.search(p.text) for p in article.paragraphs)

    def _name_pattern(self, entity: Entity) -> re.Pattern[str]:
        names = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
        return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")

    @cached_property
    def names(self) -> list[tuple[str, str]]:
        """(name, entity id) for every name and alias, longest first, for linking mentions."""
        pairs = {(n, e.id) for e in self.sheet.entities for n in (e.name, *e.aliases)}
        return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))

    @cached_property
    def name_to_id(self) -> dict[str, str]:
        return dict(self.names)

    @cached_property
    def names_pattern(self) -> re.Pattern[str] | None:
        """One pattern for every name; a mention must stand as a whole word."""
        if not self.names:
            return None
        alternatives = "|".join(re.escape(name) for name, _ in self.names)
        return re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])")
