"""Rules that span records: references, provenance, dates. All problems are collected."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .articles import Article
from .errors import Problems
from .factsheet import LoadedFactSheet, all_sources, cited_paragraph
from .schema import RECORD_KINDS, SOURCE_CATEGORIES, Citation, FactSheet, Point, Source, Topic
from .sentences import split_sentences
from .text import normalise, occurs_whole
from .yamlload import format_path


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
        for key, point in _topic_points(topic):
            for j, cite in enumerate(point.cite):
                yield ("topics", i, *key, "cite", j), cite


def _topic_points(topic: Topic) -> Iterator[tuple[tuple, Point]]:
    """The topic's own cited texts (lead, why it matters, key points, where things stand) with their key paths."""
    for name in ("lead", "why_it_matters", "now"):
        point = getattr(topic, name)
        if point is not None:
            yield (name,), point
    for k, point in enumerate(topic.key_points):
        yield ("key_points", k), point


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
        self.problems.add(self.loaded.path, self.loaded.line(*loc), format_path(loc), message, hint)

    def warn(self, loc: tuple, message: str, hint: str = "") -> None:
        self.problems.warn(self.loaded.path, self.loaded.line(*loc), format_path(loc), message, hint)

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
                s.add(loc, f"id {record.id!r} is already used by {format_path(first[:2])} "
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
        else:
            for key, hint in _WEB_SOURCE_KEYS:
                if getattr(source, key) is None:
                    report = s.add if key == "url" else s.warn  # TEMPORARY: errors once the seed has them all
                    report(("sources", i), f"outside source {source.id!r} needs `{key}:`", hint)


_WEB_SOURCE_KEYS = (
    ("url", "add the page's http(s) address"),
    ("publisher", "name the site the page is on; a news agency whose text it carries goes in `via:`"),
    ("category", "say what kind of publisher it is: " + ", ".join(SOURCE_CATEGORIES)),
    ("accessed", "give the date you read the page, e.g. 2026-12-01"),
)


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
            s.add((*loc, "quote"), f"the quoted words are not in {article.id} {cite.paragraph}",
                  "copy the words exactly from the paragraph; only spaces and quote marks may differ")


def verbatim_quotes(s: _Sheet) -> None:
    """A quote's words stand in its article paragraph, or in the sentence its outside page was seen to carry."""
    for i, quote in enumerate(s.sheet.quotes):
        passage = s.passage(quote.cite)
        if passage is not None and normalise(quote.text) not in normalise(passage):
            s.add(("quotes", i, "text"), f"the quote is not verbatim in {quote.cite.source} {quote.cite.paragraph}",
                  "copy the words exactly; only spaces and quote marks may differ")
        source = s.sources.get(quote.cite.source)
        if source is None or source.kind != "web":
            continue
        if not quote.cite.quote:
            s.add(("quotes", i, "cite"), f"quote {quote.id!r} cites an outside page without its words",
                  "add `quote:` to the citation: the page's sentence that carries the words, copied exactly")
        elif normalise(quote.text) not in normalise(quote.cite.quote):
            s.add(("quotes", i, "text"), f"the words of quote {quote.id!r} are not in the citation's `quote:`",
                  "copy the words exactly from the page's sentence; only spaces and quote marks may differ")


def real_disagreements(s: _Sheet) -> None:
    """`claim:` marks a conflict between a record's sources: at least two sources, saying different things.
    Sources that say the same are corroboration, shown without a claim; `rank:` orders only conflicts."""
    for loc, cites in _cited_records(s.sheet):
        claims = {normalise(c.claim) for c in cites if c.claim}
        first = next((j for j, c in enumerate(cites) if c.claim), 0)
        if claims and len(cites) < 2:
            s.warn((*loc, "cite", first, "claim"),
                  "`claim:` on the only source of this record: there is nothing for it to differ from",
                  "remove `claim:`; say what the source says in the record itself")
        elif len(claims) == 1:
            s.warn((*loc, "cite", first, "claim"), "only one claim among this record's sources, so none differ",
                  "give each conflicting source its own `claim:`, or remove `claim:` where the sources agree")
        elif len(claims) < 2 and any(c.rank != "normal" for c in cites):
            ranked = next(j for j, c in enumerate(cites) if c.rank != "normal")
            s.warn((*loc, "cite", ranked, "rank"), "`rank:` on a record whose sources do not conflict",
                  "rank sources only where their claims differ")


def _cited_records(sheet: FactSheet) -> Iterator[tuple[tuple, list[Citation]]]:
    for kind in ("entities", "events", "facts", "relations"):
        for i, record in enumerate(getattr(sheet, kind)):
            if record.cite:
                yield (kind, i), list(record.cite)


def answered_watch_items(s: _Sheet) -> None:
    """A watch item that events answered says when, how and from which sources."""
    for i, topic in enumerate(s.sheet.topics):
        for k, item in enumerate(topic.watch):
            if isinstance(item, str):
                continue
            loc = ("topics", i, "watch", k)
            if (item.answered is None) != (item.answer is None):
                s.add(loc, "an answered watch item needs both `answered:` (the date) and `answer:`",
                      "give the date events answered it and how, or remove both while it is still open")
            elif item.answer is not None and not item.cite:
                s.add(loc, "the answer to a watch item needs `cite:`", "cite the sources that report the answer")


KEY_POINTS_MIN = 4
LEAD_SENTENCES_MAX = 3


def topic_texts(s: _Sheet) -> None:
    """A topic's lead is two or three sentences; its key points, where it has some, four to six."""
    for i, topic in enumerate(s.sheet.topics):
        if topic.lead is not None and len(split_sentences(topic.lead.text)) > LEAD_SENTENCES_MAX:
            s.warn(("topics", i, "lead", "text"), f"the lead has more than {LEAD_SENTENCES_MAX} sentences",
                   "keep the lead to what happened; the key points and the answers carry the rest")
        if 0 < len(topic.key_points) < KEY_POINTS_MIN:
            s.warn(("topics", i, "key_points"), f"{len(topic.key_points)} key points; a reader expects "
                   f"{KEY_POINTS_MIN} to 6", "add key points from the topic's facts, or remove them all")


def superseded_facts(s: _Sheet) -> None:
    """`superseded_by` names an event or another fact, dated no earlier than the fact it overtakes."""
    dated = {e.id: e.date for e in s.sheet.events} | {f.id: f.as_of for f in s.sheet.facts}
    for i, fact in enumerate(s.sheet.facts):
        later = fact.superseded_by
        if later is None:
            continue
        loc = ("facts", i, "superseded_by")
        if later == fact.id:
            s.add(loc, f"fact {fact.id!r} cannot supersede itself", "name the event or fact that overtook it")
        elif later not in dated:
            s.add(loc, f"no event or fact with id {later!r}",
                  _did_you_mean(later, dated) or "name the id of the event or fact that overtook this one")
        elif fact.as_of and dated[later] and dated[later] < fact.as_of[:len(dated[later])]:
            s.add(loc, f"{later!r} is dated {dated[later]}, before this fact's as_of {fact.as_of}",
                  "a fact is overtaken by something later: check the dates or the id")


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
                s.add(("glossary", i), f"the term {name!r} is defined twice (also {format_path(names[low])})",
                      "merge the two entries")
            names[low] = ("glossary", i)


RULES: tuple[Callable[[_Sheet], None], ...] = (
    unique_ids, sources_complete, references, cited_passages, verbatim_quotes, figures_in_passages,
    dates_in_order, topics_used, entities_used, glossary_terms_once, real_disagreements, superseded_facts,
    answered_watch_items, topic_texts,
)


def _has_number(figure_text: str, passage: str) -> bool:
    return occurs_whole(normalise(figure_text), normalise(passage), not_before=",.", not_after=",")


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"did you mean {close[0]!r}?" if close else ""
