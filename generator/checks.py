"""Rules that span records: references, provenance, dates. All problems are collected."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import figures, passages
from .articles import Article
from .errors import Problems
from .factsheet import LoadedFactSheet, all_sources, cited_paragraph
from .schema import RECORD_KINDS, Citation, FactSheet, Source
from .text import normalise, occurs_whole


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


@dataclass
class _Sheet:
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


def check(loaded: LoadedFactSheet, articles: list[Article], problems: Problems) -> None:
    """Every cross-record rule, each problem collected in `problems`."""
    sheet = _Sheet(loaded, {a.id: a for a in articles}, all_sources(loaded.sheet, articles), problems)
    for rule in RULES:
        rule(sheet)


def unique_ids(s: _Sheet) -> None:
    """Ids are unique across the whole sheet: they become page anchors side by side."""
    seen: dict[str, tuple] = {}
    for kind in RECORD_KINDS:
        for i, record in enumerate(getattr(s.sheet, kind)):
            loc = (kind, i, "id")
            if record.id in seen:
                first = seen[record.id]
                s.add(loc, f"id {record.id!r} is already used by {s.loaded.key(*first[:2])} "
                           f"(line {s.loaded.line(*first)})", "give each record its own id")
            else:
                seen[record.id] = loc


def sources_complete(s: _Sheet) -> None:
    for i, source in enumerate(s.sheet.sources):
        if source.kind == "article":
            if not source.article:
                s.add(("sources", i), "an article source needs `article:`",
                      "name a file of seeds/articles without .txt")
            elif source.article not in s.articles:
                s.add(("sources", i, "article"), f"no article {source.article!r} in seeds/articles",
                      _did_you_mean(source.article, s.articles) or "check the file name")
            continue
        if not source.url:
            s.add(("sources", i), "an outside (web) source needs `url:`", "add the page's http(s) address")
        for key in ("worked_through", "keep", "skip"):
            if getattr(source, key):
                s.add(("sources", i, key), f"`{key}:` is for article sources only", "remove it")


def article_lines_overruled(s: _Sheet) -> None:
    """Every line an article's source entry keeps or skips is a line of the article."""
    for i, source in enumerate(s.sheet.sources):
        article = s.articles.get(source.article or "") if source.kind == "article" else None
        for key in ("keep", "skip") if article is not None else ():
            for j, line in enumerate(getattr(source, key)):
                if " ".join(line.split()) not in article.overruled:
                    lines = [x.text for x in article.left_out] + [p.text for p in article.paragraphs] + \
                            [x.heading for x in article.sections]
                    s.add(("sources", i, key, j), f"no line of {article.id} reads {line!r}",
                          _did_you_mean(line, lines) or f"copy the whole line from {article.path.name}")


def references(s: _Sheet) -> None:
    """Every topic, entity, speaker and relation end named exists."""
    ids = {kind: {r.id for r in getattr(s.sheet, kind)} for kind in ("entities", "topics")}

    def ref(loc: tuple, value: str, kind: str) -> None:
        if value not in ids[kind]:
            s.add(loc, f"no {kind[:-1] if kind != 'entities' else 'entity'} with id {value!r}",
                  _did_you_mean(value, ids[kind]) or f"add it to `{kind}:` or fix the id")

    for kind in ("facts", "events", "quotes"):
        for i, record in enumerate(getattr(s.sheet, kind)):
            for j, topic in enumerate(record.topics):
                ref((kind, i, "topics", j), topic, "topics")
            for j, entity in enumerate(getattr(record, "entities", [])):
                ref((kind, i, "entities", j), entity, "entities")
    for i, quote in enumerate(s.sheet.quotes):
        ref(("quotes", i, "speaker"), quote.speaker, "entities")
    for i, rel in enumerate(s.sheet.relations):
        ref(("relations", i, "from"), rel.source_entity, "entities")
        ref(("relations", i, "to"), rel.target_entity, "entities")


def cited_passages(s: _Sheet) -> None:
    """A citation names a source that exists; an article's, a paragraph it has, holding the quoted words."""
    for loc, cite in citations(s.sheet):
        source = s.sources.get(cite.source)
        if source is None:
            s.add((*loc, "source"), f"no source with id {cite.source!r}",
                  _did_you_mean(cite.source, s.sources) or "add it to `sources:`")
            continue
        if source.kind == "web":
            if cite.paragraph:
                s.add((*loc, "paragraph"), "an outside source has no numbered paragraphs",
                      "remove `paragraph:`; give the exact words as `quote:` instead")
            continue
        article = s.articles.get(source.article or "")
        if article is None:
            continue  # reported on the source itself
        if not cite.paragraph:
            s.add(loc, "a citation of an article needs `paragraph:`",
                  f"add the paragraph number, p1 to p{len(article.paragraphs)}")
            continue
        paragraph = article.paragraph(cite.paragraph)
        if paragraph is None:
            s.add((*loc, "paragraph"), f"{article.id} has no paragraph {cite.paragraph}",
                  f"it has p1 to p{len(article.paragraphs)}")
        elif cite.quote and normalise(cite.quote) not in normalise(paragraph.text):
            _misquote(s, loc, (*loc, "quote"), "the quoted words", cite.quote, article, paragraph.id)


def verbatim_quotes(s: _Sheet) -> None:
    for i, quote in enumerate(s.sheet.quotes):
        paragraph = cited_paragraph(quote.cite, s.sources, s.articles)
        if paragraph is not None and normalise(quote.text) not in normalise(paragraph.text):
            article = s.articles[s.sources[quote.cite.source].article or ""]
            _misquote(s, ("quotes", i, "cite"), ("quotes", i, "text"), "the quote", quote.text, article, paragraph.id)


def _misquote(s: _Sheet, cite_loc: tuple, words_loc: tuple, what: str, words: str, article: Article,
              cited: str) -> None:
    """Words not in the paragraph cited: say where they are, or the nearest passage and what differs."""
    are = "are" if what.endswith("words") else "is"
    elsewhere = passages.holding(words, article)
    if elsewhere:
        s.add((*cite_loc, "paragraph"), f"{what} {are} in {article.id} {' and '.join(elsewhere)}, not {cited}",
              f"cite paragraph: {elsewhere[0]}")
        return
    paragraph = article.paragraph(cited)
    near = passages.nearest(words, article, paragraph) if paragraph else None
    rule = "copy the words exactly; only spaces and quote marks may differ"
    if near is None:
        s.add(words_loc, f"{what} {are} not in {article.id} {cited}, nor anything close",
              f"check the source and the paragraph; {rule}")
        return
    where = "" if near.paragraph.id == cited else f", in {near.paragraph.id}"
    s.add(words_loc, f"{what} {are} not verbatim in {article.id} {cited}: {'; '.join(near.differences)}",
          f"the nearest passage{where} reads “{near.passage}”; {rule}")


def figures_in_passages(s: _Sheet) -> None:
    """A figure is written as its cited paragraph, quote or claim writes it."""
    for i, fact in enumerate(s.sheet.facts):
        if fact.figure is None:
            continue
        passages = [p for c in fact.cite if (p := s.passage(c)) is not None]
        passages += [c.quote for c in fact.cite if c.quote] + [c.claim for c in fact.cite if c.claim]
        if not passages:
            s.warn(("facts", i, "figure"), "the figure cannot be checked against its source",
                   "add the source's words as `quote:` on the citation")
        elif not any(_has_number(fact.figure.text, p) for p in passages):
            s.add(("facts", i, "figure", "text"), f"{fact.figure.text!r} is not in the cited passage",
                  "write the number exactly as the cited paragraph or quote does")


def figures_agree(s: _Sheet) -> None:
    """A figure's `value` and `qualifier` say what its `text` says: the open data publishes `value`."""
    for i, fact in enumerate(s.sheet.facts):
        figure = fact.figure
        if figure is None:
            continue
        reading = figures.read(figure.text)
        if not reading.numbers:
            s.warn(("facts", i, "figure", "text"), f"{figure.text!r} gives no number to check `value` against",
                   "write the number in digits, as the passage does")
        elif not figures.agrees(figure.value, reading):
            given = " or ".join(dict.fromkeys(figures.written(n) for n in reading.numbers))
            s.add(("facts", i, "figure", "value"), f"{figures.written(figure.value)} is not the number the "
                  f"figure's text gives ({figure.text!r})", f"write value: {given}, or correct the text")
        if reading.qualifier and reading.qualifier != figure.qualifier:
            says = f"says {reading.word!r}" if reading.word else "has no word such as 'about' or 'more than'"
            s.add(("facts", i, "figure", "qualifier"), f"{figure.qualifier!r} does not agree with the figure's "
                  f"text {figure.text!r}, which {says}", f"write qualifier: {reading.qualifier}")


def dates_in_order(s: _Sheet) -> None:
    for i, fact in enumerate(s.sheet.facts):
        if fact.as_of and fact.review_after and fact.review_after < fact.as_of:
            s.add(("facts", i, "review_after"), "review_after is before as_of", "pick a later review date")


def topics_used(s: _Sheet) -> None:
    used = {t for fact in s.sheet.facts for t in fact.topics}
    for i, topic in enumerate(s.sheet.topics):
        if topic.id not in used:
            s.add(("topics", i), f"topic {topic.id!r} has no facts", "tag at least one fact with this topic")


def entities_used(s: _Sheet) -> None:
    sheet = s.sheet
    referenced = {e for kind in ("facts", "events") for r in getattr(sheet, kind) for e in r.entities}
    referenced |= {q.speaker for q in sheet.quotes}
    referenced |= {x for r in sheet.relations for x in (r.source_entity, r.target_entity)}
    for i, entity in enumerate(sheet.entities):
        if entity.id not in referenced:
            s.warn(("entities", i), f"entity {entity.id!r} is not referenced by any fact, event, quote or relation",
                   "reference it or remove it")


def glossary_terms_once(s: _Sheet) -> None:
    names: dict[str, tuple] = {}
    for i, term in enumerate(s.sheet.glossary):
        for name in (term.term, *term.aliases):
            low = name.lower()
            if low in names:
                s.add(("glossary", i), f"the term {name!r} is defined twice (also {s.loaded.key(*names[low])})",
                      "merge the two entries")
            names[low] = ("glossary", i)


RULES: tuple[Callable[[_Sheet], None], ...] = (
    unique_ids, sources_complete, article_lines_overruled, references, cited_passages, verbatim_quotes,
    figures_in_passages, figures_agree, dates_in_order, topics_used, entities_used, glossary_terms_once,
)


def _has_number(figure_text: str, passage: str) -> bool:
    return occurs_whole(normalise(figure_text), normalise(passage), not_before=",.", not_after=",")


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"did you mean {close[0]!r}?" if close else ""
