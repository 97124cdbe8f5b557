"""Coverage: which sentences of each source article the fact sheet accounts for.

Every paragraph is split into sentences; a sentence is covered by a fact, quote or event whose
cited passage reaches it:

- a citation with `quote:` covers the sentences those quoted words overlap;
- a citation of a paragraph without `quote:` covers every sentence of the paragraph;
- a quote record covers the sentence(s) that contain its text.

Citations of outside (web) sources cover nothing: they are not the article. The figures are
shown on the generated page `coverage.md`. An article the editors have marked as worked through
(`worked_through: true` on its source entry) must be covered at least `meta.coverage_min`, or the
check and the build fail alike; an article not yet worked through never stops either.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .articles import Article, Paragraph
from .factsheet import all_sources, cited_paragraph
from .schema import Citation, FactSheet
from .sentences import Span, split_sentences
from .text import QUOTE_MARKS, normalise


@dataclass(frozen=True)
class Cover:
    """A record that covers a sentence, and where the site shows it."""

    kind: str  # "fact", "quote" or "event"
    id: str
    page: str  # site page path
    anchor: str

    @property
    def label(self) -> str:
        return f"{self.kind} {self.id}"


@dataclass
class Sentence:
    paragraph: Paragraph
    number: int  # 1-based within the paragraph
    span: Span
    covers: list[Cover] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def covered(self) -> bool:
        return bool(self.covers)


@dataclass
class ArticleCoverage:
    article: Article
    sentences: list[Sentence]

    @property
    def total(self) -> int:
        return len(self.sentences)

    @property
    def covered(self) -> list[Sentence]:
        return [s for s in self.sentences if s.covered]

    @property
    def uncovered(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.covered]

    @property
    def ratio(self) -> float:
        return len(self.covered) / self.total if self.total else 1.0

    @property
    def percent(self) -> str:
        return percent(len(self.covered), self.total)


@dataclass
class Coverage:
    articles: list[ArticleCoverage]
    minimum: float

    @property
    def total(self) -> int:
        return sum(a.total for a in self.articles)

    @property
    def covered(self) -> int:
        return sum(len(a.covered) for a in self.articles)

    @property
    def percent(self) -> str:
        return percent(self.covered, self.total)

    @property
    def minimum_percent(self) -> str:
        return f"{self.minimum * 100:g}%"

    def below_minimum(self) -> list[ArticleCoverage]:
        return [a for a in self.articles if a.ratio < self.minimum]

    # Past this many articles the page lists sentences only where coverage is under the minimum: every
    # sentence of every article would make a page of megabytes that no editor reads to the end.
    DETAIL_MAX = 25

    def detailed(self) -> list[ArticleCoverage]:
        """The articles whose sentences the page lists."""
        return self.articles if len(self.articles) <= self.DETAIL_MAX else self.below_minimum()


def percent(part: int, whole: int) -> str:
    """A whole-number percentage, rounded down so 49.9% never reads as 50%."""
    return f"{(part * 100 // whole) if whole else 100}%"


def compute(sheet: FactSheet, articles: list[Article], event_page=lambda event_id: "timeline.md",
            quote_page=lambda quote_id: "quotes.md") -> Coverage:
    """Map every sentence of every article to the facts, quotes and events that cover it.
    `event_page` and `quote_page` name the page that lists an event or a quote (paged when long)."""
    sources = all_sources(sheet, articles)
    by_article = {a.id: a for a in articles}
    split: dict[int, list[Sentence]] = {}  # by id(): two articles may share a paragraph's text
    result = []
    for article in articles:
        sentences: list[Sentence] = []
        for paragraph in article.paragraphs:
            own = [Sentence(paragraph, n, span) for n, span in enumerate(split_sentences(paragraph.text), 1)]
            split[id(paragraph)] = own
            sentences += own
        result.append(ArticleCoverage(article, sentences))

    def mark(cite: Citation, cover: Cover, words: str | None) -> None:
        paragraph = cited_paragraph(cite, sources, by_article)
        sentences = split.get(id(paragraph)) if paragraph else None
        if not sentences:
            return
        if words is None:
            hit = sentences
        else:
            where = _find(sentences[0].paragraph.text, words)
            if where is None:
                return  # reported by the checks: the words are not verbatim in the paragraph
            hit = [s for s in sentences if s.span.start < where[1] and where[0] < s.span.end]
        for sentence in hit:
            if cover not in sentence.covers:
                sentence.covers.append(cover)

    for fact in sheet.facts:
        cover = Cover("fact", fact.id, f"topics/{fact.topics[0]}.md", fact.id)
        for cite in fact.cite:
            mark(cite, cover, cite.quote)
    for event in sheet.events:
        cover = Cover("event", event.id, event_page(event.id), "")
        for cite in event.cite:
            mark(cite, cover, cite.quote)
    for quote in sheet.quotes:
        mark(quote.cite, Cover("quote", quote.id, quote_page(quote.id), quote.id), quote.text)
    minimum = sheet.meta.coverage_min
    return Coverage(articles=result, minimum=minimum)


def _find(paragraph: str, words: str) -> tuple[int, int] | None:
    """Where `words` sit in `paragraph` (which is single-spaced), ignoring spacing and quote style."""
    needle = normalise(words)
    if not needle:
        return None
    at = _haystack(paragraph).find(needle)
    return (at, at + len(needle)) if at >= 0 else None


_SPACE = re.compile(r"\s")


@functools.lru_cache(maxsize=256)
def _haystack(paragraph: str) -> str:
    # Quote marks map one character to one and each space stays one space, so offsets in the
    # result are offsets in the paragraph. Cached: a paragraph is searched once per citation.
    return _SPACE.sub(" ", paragraph.translate(QUOTE_MARKS))


def worked_through(sheet: FactSheet) -> dict[str, int]:
    """The articles the editors have worked through (`worked_through: true` on their source entry): article
    id → the index of that entry in `sources`."""
    return {s.article: i for i, s in enumerate(sheet.sources) if s.kind == "article" and s.article and s.worked_through}


def check_minimum(loaded, articles: list[Article], problems, every_article: bool = False) -> Coverage:
    """An error per article worked through whose coverage is under `meta.coverage_min`, on its source entry.
    An article not yet worked through never stops a build. Returns the coverage of the articles worked
    through, or with `every_article` of every article."""
    worked = worked_through(loaded.sheet)
    if not (worked or every_article):
        return Coverage([], loaded.sheet.meta.coverage_min)
    result = compute(loaded.sheet, articles if every_article else [a for a in articles if a.id in worked])
    for low in result.below_minimum():
        if low.article.id not in worked:
            continue
        loc = ("sources", worked[low.article.id], "worked_through")
        problems.add(loaded.path, loaded.line(*loc), loaded.key(*loc),
                     f"{low.article.id} is marked as worked through, but the fact sheet covers {len(low.covered)} "
                     f"of its {low.total} sentences ({low.percent}), under the minimum of {result.minimum_percent}",
                     "cite more of its sentences (the page “What the fact sheet covers” lists them), or set "
                     "worked_through: false until they are cited")
    return result
