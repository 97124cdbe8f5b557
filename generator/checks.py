"""Rules that span records: references, provenance, dates. All problems are collected."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Iterator

from .articles import Article
from .errors import Problems
from .factsheet import LoadedFactSheet
from .schema import Citation, FactSheet, Source
from .yamlload import format_path

QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"})


@functools.lru_cache(maxsize=1024)
def normalise(text: str) -> str:
    """Compare passages ignoring only whitespace and the style of quote marks. (Cached: a paragraph
    is compared once per citation of it.)"""
    return " ".join(text.translate(QUOTE_MARKS).split())


def occurs_whole(needle: str, haystack: str, not_before: str = "", not_after: str = "") -> bool:
    """Whether `needle` stands in `haystack` with no word character (as `\\w` counts them), nor one
    of `not_before` / `not_after`, right before / after it. What `re.search` with lookarounds would
    answer, without compiling a pattern per needle: names and figures number in the thousands."""
    if not needle:
        return False
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        before = haystack[start - 1] if start else ""
        after = haystack[end] if end < len(haystack) else ""
        if not (before and (_is_word(before) or before in not_before)) and \
                not (after and (_is_word(after) or after in not_after)):
            return True
        start = haystack.find(needle, start + 1)
    return False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # re's \w on str patterns


def all_sources(sheet: FactSheet, articles: list[Article]) -> dict[str, Source]:
    """Declared sources, plus one implicit source per article that no record describes."""
    sources = {s.id: s for s in sheet.sources}
    described = {s.article for s in sheet.sources if s.kind == "article"}
    for article in articles:
        if article.id not in described and article.id not in sources:
            sources[article.id] = Source(id=article.id, kind="article", article=article.id)
    return sources


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


def check(loaded: LoadedFactSheet, articles: list[Article], problems: Problems) -> None:
    sheet = loaded.sheet
    path = loaded.path
    by_article = {a.id: a for a in articles}

    def add(loc: tuple, message: str, hint: str = "") -> None:
        problems.add(path, loaded.line(*loc), _key(loc), message, hint)

    # Ids are unique across the whole sheet: they become page anchors side by side.
    seen: dict[str, tuple] = {}
    for kind in ("sources", "entities", "events", "facts", "quotes", "topics", "glossary", "relations"):
        for i, record in enumerate(getattr(sheet, kind)):
            loc = (kind, i, "id")
            if record.id in seen:
                first = seen[record.id]
                add(loc, f"id {record.id!r} is already used by {_key(first[:2])} (line {loaded.line(*first)})",
                    "give each record its own id")
            else:
                seen[record.id] = loc

    sources = all_sources(sheet, articles)
    ids = {kind: {r.id for r in getattr(sheet, kind)} for kind in ("entities", "topics", "events", "facts")}

    for i, source in enumerate(sheet.sources):
        if source.kind == "article":
            if not source.article:
                add(("sources", i), "an article source needs `article:`", "name a file of seeds/articles without .txt")
            elif source.article not in by_article:
                add(("sources", i, "article"), f"no article {source.article!r} in seeds/articles",
                    _did_you_mean(source.article, by_article) or "check the file name")
        elif not source.url:
            add(("sources", i), "an outside (web) source needs `url:`", "add the page's http(s) address")

    def ref(loc: tuple, value: str, kind: str) -> None:
        if value not in ids[kind]:
            add(loc, f"no {kind[:-1] if kind != 'entities' else 'entity'} with id {value!r}",
                _did_you_mean(value, ids[kind]) or f"add it to `{kind}:` or fix the id")

    for kind in ("facts", "events", "quotes"):
        for i, record in enumerate(getattr(sheet, kind)):
            for j, topic in enumerate(record.topics):
                ref((kind, i, "topics", j), topic, "topics")
            for j, entity in enumerate(getattr(record, "entities", [])):
                ref((kind, i, "entities", j), entity, "entities")
    for i, quote in enumerate(sheet.quotes):
        ref(("quotes", i, "speaker"), quote.speaker, "entities")
    for i, rel in enumerate(sheet.relations):
        ref(("relations", i, "from"), rel.source_entity, "entities")
        ref(("relations", i, "to"), rel.target_entity, "entities")

    for loc, cite in citations(sheet):
        source = sources.get(cite.source)
        if source is None:
            add((*loc, "source"), f"no source with id {cite.source!r}",
                _did_you_mean(cite.source, sources) or "add it to `sources:`")
            continue
        if source.kind == "web":
            if cite.paragraph:
                add((*loc, "paragraph"), "an outside source has no numbered paragraphs",
                    "remove `paragraph:`; give the exact words as `quote:` instead")
            continue
        article = by_article.get(source.article or "")
        if article is None:
            continue  # reported on the source itself
        if not cite.paragraph:
            add(loc, "a citation of an article needs `paragraph:`",
                f"add the paragraph number, p1 to p{len(article.paragraphs)}")
            continue
        paragraph = article.paragraph(cite.paragraph)
        if paragraph is None:
            add((*loc, "paragraph"), f"{article.id} has no paragraph {cite.paragraph}",
                f"it has p1 to p{len(article.paragraphs)}")
            continue
        if cite.quote and normalise(cite.quote) not in normalise(paragraph.text):
            add((*loc, "quote"), f"the quoted words are not in {article.id} {cite.paragraph}",
                "copy the words exactly from the paragraph; only spaces and quote marks may differ")

    for i, quote in enumerate(sheet.quotes):
        passage = _passage(quote.cite, sources, by_article)
        if passage is not None and normalise(quote.text) not in normalise(passage):
            add(("quotes", i, "text"), f"the quote is not verbatim in {quote.cite.source} {quote.cite.paragraph}",
                "copy the words exactly; only spaces and quote marks may differ")

    for i, fact in enumerate(sheet.facts):
        if fact.figure is None:
            continue
        passages = [p for c in fact.cite if (p := _passage(c, sources, by_article)) is not None]
        passages += [c.quote for c in fact.cite if c.quote] + [c.claim for c in fact.cite if c.claim]
        if not passages:
            problems.warn(path, loaded.line("facts", i, "figure"), _key(("facts", i, "figure")),
                          "the figure cannot be checked against its source",
                          "add the source's words as `quote:` on the citation")
        elif not any(_has_number(fact.figure.text, p) for p in passages):
            add(("facts", i, "figure", "text"), f"{fact.figure.text!r} is not in the cited passage",
                "write the number exactly as the cited paragraph or quote does")

    _check_coordinates(sheet, add)

    for i, fact in enumerate(sheet.facts):
        if fact.as_of and fact.review_after and fact.review_after < fact.as_of:
            add(("facts", i, "review_after"), "review_after is before as_of", "pick a later review date")

    used_topics = {t for kind in ("facts",) for r in getattr(sheet, kind) for t in r.topics}
    for i, topic in enumerate(sheet.topics):
        if topic.id not in used_topics:
            add(("topics", i), f"topic {topic.id!r} has no facts", "tag at least one fact with this topic")

    referenced = {e for kind in ("facts", "events") for r in getattr(sheet, kind) for e in r.entities}
    referenced |= {q.speaker for q in sheet.quotes}
    referenced |= {x for r in sheet.relations for x in (r.source_entity, r.target_entity)}
    for i, entity in enumerate(sheet.entities):
        if entity.id not in referenced:
            problems.warn(path, loaded.line("entities", i), _key(("entities", i)),
                          f"entity {entity.id!r} is not referenced by any fact, event, quote or relation",
                          "reference it or remove it")

    names: dict[str, tuple] = {}
    for i, term in enumerate(sheet.glossary):
        for name in (term.term, *term.aliases):
            low = name.lower()
            if low in names:
                add(("glossary", i), f"the term {name!r} is defined twice (also {_key(names[low])})",
                    "merge the two entries")
            names[low] = ("glossary", i)


def _check_coordinates(sheet: FactSheet, add) -> None:
    """Coordinates belong to places only (the map draws nothing else), and must be on the globe: a
    swapped or mistyped number would put the point off the map without any other sign."""
    for i, entity in enumerate(sheet.entities):
        where = entity.coordinates
        if where is None:
            continue
        if entity.kind != "place":
            add(("entities", i, "coordinates"),
                f"only a place has coordinates; {entity.id!r} is of kind {entity.kind!r}",
                "remove `coordinates:` or set `kind: place`")
        if not -90 <= where.lat <= 90:
            add(("entities", i, "coordinates", "lat"), f"latitude {where.lat} is not between -90 and 90",
                "write decimal degrees; check that lat and lon are not swapped")
        if not -180 <= where.lon <= 180:
            add(("entities", i, "coordinates", "lon"), f"longitude {where.lon} is not between -180 and 180",
                "write decimal degrees; check that lat and lon are not swapped")


def _passage(cite: Citation, sources: dict[str, Source], by_article: dict[str, Article]) -> str | None:
    source = sources.get(cite.source)
    if source is None or source.kind != "article" or not cite.paragraph:
        return None
    article = by_article.get(source.article or "")
    paragraph = article.paragraph(cite.paragraph) if article else None
    return paragraph.text if paragraph else None


def _has_number(figure_text: str, passage: str) -> bool:
    return occurs_whole(normalise(figure_text), normalise(passage), not_before=",.", not_after=",")


def _did_you_mean(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"did you mean {close[0]!r}?" if close else ""


def _key(loc: tuple) -> str:
    return format_path(loc)
