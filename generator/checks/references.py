"""Rules on what records name: unique ids, complete sources, references that exist, terms defined once,
places with coordinates on the globe."""

from __future__ import annotations

from ..schema import RECORD_KINDS, SOURCE_CATEGORIES
from .sheet import Sheet, did_you_mean


def unique_ids(s: Sheet) -> None:
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


def sources_complete(s: Sheet) -> None:
    for i, source in enumerate(s.sheet.sources):
        if source.kind == "article":
            if not source.article:
                s.add(("sources", i), "an article source needs `article:`",
                      "name a file of seeds/articles without .txt")
            elif source.article not in s.articles:
                s.add(("sources", i, "article"), f"no article {source.article!r} in seeds/articles",
                      did_you_mean(source.article, s.articles) or "check the file name")
            continue
        for key, hint in _WEB_SOURCE_KEYS:
            if getattr(source, key) is None:
                s.add(("sources", i), f"outside source {source.id!r} needs `{key}:`", hint)
        for key in ("worked_through", "keep", "skip"):
            if getattr(source, key):
                s.add(("sources", i, key), f"`{key}:` is for article sources only", "remove it")


_WEB_SOURCE_KEYS = (
    ("url", "add the page's http(s) address"),
    ("publisher", "name the site the page is on; a news agency whose text it carries goes in `via:`"),
    ("category", "say what kind of publisher it is: " + ", ".join(SOURCE_CATEGORIES)),
    ("accessed", "give the date you read the page, e.g. 2026-12-01"),
)


def article_lines_overruled(s: Sheet) -> None:
    """Every line an article's source entry keeps or skips is a line of the article."""
    for i, source in enumerate(s.sheet.sources):
        article = s.articles.get(source.article or "") if source.kind == "article" else None
        for key in ("keep", "skip") if article is not None else ():
            for j, line in enumerate(getattr(source, key)):
                if " ".join(line.split()) not in article.overruled:
                    lines = [x.text for x in article.left_out] + [p.text for p in article.paragraphs] + \
                            [x.heading for x in article.sections]
                    s.add(("sources", i, key, j), f"no line of {article.id} reads {line!r}",
                          did_you_mean(line, lines) or f"copy the whole line from {article.path.name}")


def references(s: Sheet) -> None:
    """Every topic, entity, speaker and relation end named exists."""
    ids = {kind: {r.id for r in getattr(s.sheet, kind)} for kind in ("entities", "topics")}

    def ref(loc: tuple, value: str, kind: str) -> None:
        if value not in ids[kind]:
            s.add(loc, f"no {kind[:-1] if kind != 'entities' else 'entity'} with id {value!r}",
                  did_you_mean(value, ids[kind]) or f"add it to `{kind}:` or fix the id")

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


def topics_used(s: Sheet) -> None:
    used = {t for fact in s.sheet.facts for t in fact.topics}
    for i, topic in enumerate(s.sheet.topics):
        if topic.id not in used:
            s.add(("topics", i), f"topic {topic.id!r} has no facts", "tag at least one fact with this topic")


def entities_used(s: Sheet) -> None:
    sheet = s.sheet
    referenced = {e for kind in ("facts", "events") for r in getattr(sheet, kind) for e in r.entities}
    referenced |= {q.speaker for q in sheet.quotes}
    referenced |= {x for r in sheet.relations for x in (r.source_entity, r.target_entity)}
    for i, entity in enumerate(sheet.entities):
        if entity.id not in referenced:
            s.warn(("entities", i), f"entity {entity.id!r} is not referenced by any fact, event, quote or relation",
                   "reference it or remove it")


def glossary_terms_once(s: Sheet) -> None:
    names: dict[str, tuple] = {}
    for i, term in enumerate(s.sheet.glossary):
        for name in (term.term, *term.aliases):
            low = name.lower()
            if low in names:
                s.add(("glossary", i), f"the term {name!r} is defined twice (also {s.loaded.key(*names[low])})",
                      "merge the two entries")
            names[low] = ("glossary", i)


def place_coordinates(s: Sheet) -> None:
    """Coordinates belong to places only (the map draws nothing else), and must be on the globe: a swapped or
    mistyped number would put the point off the map without any other sign."""
    for i, entity in enumerate(s.sheet.entities):
        where = entity.coordinates
        if where is None:
            continue
        if entity.kind != "place":
            s.add(("entities", i, "coordinates"), f"only a place has coordinates; {entity.id!r} is of kind "
                  f"{entity.kind!r}", "remove `coordinates:` or set `kind: place`")
        if not -90 <= where.lat <= 90:
            s.add(("entities", i, "coordinates", "lat"), f"latitude {where.lat} is not between -90 and 90",
                  "write decimal degrees; check that lat and lon are not swapped")
        if not -180 <= where.lon <= 180:
            s.add(("entities", i, "coordinates", "lon"), f"longitude {where.lon} is not between -180 and 180",
                  "write decimal degrees; check that lat and lon are not swapped")
