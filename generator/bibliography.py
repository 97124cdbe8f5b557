"""The bibliography: every source of the explainer, what kind it is, and the records that cite it.

The source articles come first, then the outside sources by publisher. Past `model.DIRECTORY_PAGE_MAX`
sources the list is split into numbered pages, like the other directories.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup

from .model import Site, paged
from .schema import Citation, Source

BIBLIOGRAPHY = "bibliography.md"
LABEL_WORDS = 12  # a fact is named by the first words of its statement, a quote by its first words
FOLD_AFTER = 8  # a source cited by more records than this lists them in a section a reader opens


@dataclass(frozen=True)
class CitedBy:
    """A record that cites a source: how it is named, and where it is shown."""

    label: str
    page: str
    anchor: str


def _short(text: str) -> str:
    words = text.split()
    return " ".join(words[:LABEL_WORDS]) + ("…" if len(words) > LABEL_WORDS else "")


class Bibliography:
    """The sources in the order listed, their pages, and the records citing each (worked out once, when the
    bibliography is rendered)."""

    fold_after = FOLD_AFTER

    def __init__(self, site: Site) -> None:
        self.site = site

    @cached_property
    def sources(self) -> list[Source]:
        articles = sorted((s for s in self.site.sources.values() if s.kind == "article"),
                          key=lambda s: self._article_title(s).lower())
        web = sorted((s for s in self.site.sources.values() if s.kind != "article"),
                     key=lambda s: ((s.publisher or s.title or s.id).lower(), s.date or "", s.id))
        return articles + web

    @cached_property
    def pages(self) -> dict[str, list[Source]]:
        return paged(BIBLIOGRAPHY, self.sources)

    def _article_title(self, source: Source) -> str:
        article = self.article(source)
        return article.title if article else (source.title or source.id)

    def article(self, source: Source):
        """The article a source of kind `article` stands for, if it is in seeds/articles."""
        return self.site.article_by_id.get(source.article or "")

    @cached_property
    def cited_by(self) -> dict[str, list[CitedBy]]:
        """Source id → every record citing it, each once, in the order of the fact sheet's sections."""
        found: dict[str, dict[CitedBy, None]] = {}
        site, sheet = self.site, self.site.sheet

        def add(cites: list[Citation], label: str, page: str | None, anchor: str = "") -> None:
            if page is None:
                return
            for cite in cites:
                found.setdefault(cite.source, {})[CitedBy(label, page, anchor)] = None

        for topic in sheet.topics:
            cites = [*topic.cite, *(c for qa in topic.qa for c in qa.cite),
                     *(c for item in topic.watch if not isinstance(item, str) for c in item.cite),
                     *(c for point in (topic.lead, topic.why_it_matters, topic.now, *topic.key_points)
                       if point is not None for c in point.cite)]
            add(cites, f"Topic: {topic.title}", f"topics/{topic.id}.md")
        for fact in sheet.facts:
            add(fact.cite, f"Fact: {_short(fact.statement)}", site.fact_page(fact.id), fact.id)
        for event in site.events:
            add(event.cite, f"Event: {event.title}", site.event_page(event.id), event.id)
        for quote in sheet.quotes:
            speaker = site.entity_by_id.get(quote.speaker)
            add([quote.cite], f"Quote: {speaker.name if speaker else quote.speaker}, “{_short(quote.text)}”",
                site.quote_page(quote.id), quote.id)
        for entity in site.entities:
            add(entity.cite, f"Who's who: {entity.name}", site.entity_page(entity.id), entity.id)
        for term in site.glossary:
            add(term.cite, f"Glossary: {term.term}", "glossary.md", term.id)
        for relation in sheet.relations:
            add(relation.cite, f"Relation: {relation.label}", "actors.md")
        return {source: list(records) for source, records in found.items()}

    @staticmethod
    def cited_for(ctx, records: list[CitedBy]) -> Markup:
        """Links to the records citing a source, as HTML (`ctx`: the page's `PageContext` in its HTML view).
        Python, not a template loop: a source article is cited by thousands of records on a large site."""
        return Markup(" · ").join(Markup(f'<a href="{ctx.href(r.page, r.anchor)}">{ctx.text(r.label)}</a>')
                                  for r in records)
