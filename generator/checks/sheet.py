"""What every rule of the checks reads, and how a rule reports a problem at a key path of the fact sheet."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..articles import Article
from ..errors import Problems
from ..factsheet import LoadedFactSheet, cited_paragraph
from ..schema import Citation, FactSheet, Point, Source, Topic


@dataclass
class Sheet:
    """What every rule reads, and how it reports: a problem at a key path of the fact sheet."""

    loaded: LoadedFactSheet
    articles: dict[str, Article]
    sources: dict[str, Source]
    problems: Problems

    @property
    def sheet(self) -> FactSheet:
        return self.loaded.sheet

    def add(self, loc: tuple, message: str, hint: str = "") -> None:
        self.problems.add(self.loaded.path, self.loaded.line(*loc), self.loaded.key(*loc), message, hint)

    def warn(self, loc: tuple, message: str, hint: str = "") -> None:
        self.problems.warn(self.loaded.path, self.loaded.line(*loc), self.loaded.key(*loc), message, hint)

    def passage(self, cite: Citation) -> str | None:
        """The text of the article paragraph a citation names, if it names one that exists."""
        paragraph = cited_paragraph(cite, self.sources, self.articles)
        return paragraph.text if paragraph else None


def citations(sheet: FactSheet) -> Iterator[tuple[tuple, Citation]]:
    """Every citation in the sheet with its key path."""
    for kind in ("entities", "events", "facts", "glossary", "relations"):
        for i, record in enumerate(getattr(sheet, kind)):
            for j, cite in enumerate(record.cite):
                yield (kind, i, "cite", j), cite
    for i, quote in enumerate(sheet.quotes):
        yield ("quotes", i, "cite"), quote.cite
    for i, topic in enumerate(sheet.topics):
        for j, cite in enumerate(topic.cite):
            yield ("topics", i, "cite", j), cite
        for k, qa in enumerate(topic.qa):
            for j, cite in enumerate(qa.cite):
                yield ("topics", i, "qa", k, "cite", j), cite
        for k, item in enumerate(topic.watch):
            for j, cite in enumerate(getattr(item, "cite", ())):
                yield ("topics", i, "watch", k, "cite", j), cite
        for key, point in topic_points(topic):
            for j, cite in enumerate(point.cite):
                yield ("topics", i, *key, "cite", j), cite


def topic_points(topic: Topic) -> Iterator[tuple[tuple, Point]]:
    """The topic's own cited texts (lead, why it matters, key points, where things stand) with their key paths."""
    for name in ("lead", "why_it_matters", "now"):
        point = getattr(topic, name)
        if point is not None:
            yield (name,), point
    for k, point in enumerate(topic.key_points):
        yield ("key_points", k), point


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"did you mean {close[0]!r}?" if close else ""
