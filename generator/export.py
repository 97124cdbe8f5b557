"""Open data: the fact sheet's facts, events, quotes, entities and relations as JSON and CSV.

The files are part of the render result (`Result.files`, path → text) and are published with
the site under `data/`. Citations name their source by id; the sources themselves (publisher,
date, address) are listed once, in `sources.json`, instead of again in every citation. JSON holds
one record per line: small, and still readable and diffable. A CSV cell
that a spreadsheet would run as a formula (one starting with = + - @, a tab or a carriage
return) is prefixed with a single quote, so opening the file never runs fact-sheet text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .model import Site

DATA_DIR = "data"
KINDS = ("facts", "events", "quotes", "entities", "relations", "sources")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A CSV cell that no spreadsheet runs as a formula. Numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        text = str(value)
        return "'" + text if text.startswith(_FORMULA_START) else text
    return value


def _citations(site: Site, record) -> list[dict]:
    out = []
    for cite in site.cites(record):
        source = cite.source
        item: dict = {"source": source.id}
        if cite.raw.paragraph:
            item["paragraph"] = cite.raw.paragraph
        for key in ("quote", "claim"):
            if getattr(cite.raw, key):
                item[key] = getattr(cite.raw, key)
        if cite.raw.rank != "normal":
            item["rank"] = cite.raw.rank
        out.append(item)
    return out


def _precision(date: str | None) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(date or ""), "")


def _coordinates(entity) -> dict | None:
    """A place's latitude and longitude in degrees, as the fact sheet gives them, or None."""
    where = entity.coordinates
    return None if where is None else {"lat": where.lat, "lon": where.lon}


def records(site: Site) -> dict[str, list[dict]]:
    """Every exported record, as plain dicts (the JSON files' content)."""
    facts = []
    for fact in site.facts:
        item: dict = {"id": fact.id, "statement": fact.statement, "topics": list(fact.topics),
                      "entities": list(fact.entities), "as_of": fact.as_of, "review_after": fact.review_after,
                      "superseded_by": fact.superseded_by,
                      "background": site.is_background(fact), "figure": None}
        if fact.figure is not None:
            value = fact.figure.value
            item["figure"] = {"value": int(value) if float(value).is_integer() else value,
                              "unit": fact.figure.unit, "text": fact.figure.text,
                              "qualifier": fact.figure.qualifier}
        item["citations"] = _citations(site, fact)
        facts.append(item)
    events = [{"id": e.id, "date": e.date, "precision": _precision(e.date), "title": e.title, "summary": e.summary,
               "topics": list(e.topics), "entities": list(e.entities), "background": site.is_background(e),
               "citations": _citations(site, e)} for e in site.events]
    quotes = [{"id": q.id, "speaker": q.speaker, "speaker_name": site.entity(q.speaker).name, "text": q.text,
               "context": q.context, "topics": list(q.topics), "citations": _citations(site, q)}
              for q in site.quotes]
    entities = [{"id": e.id, "name": e.name, "kind": e.kind, "aliases": list(e.aliases), "role": e.role,
                 "summary": e.summary, "group": e.group, "coordinates": _coordinates(e),
                 "citations": _citations(site, e)} for e in site.entities]
    relations = [{"id": r.id, "from": r.source_entity, "to": r.target_entity, "kind": r.kind, "label": r.label,
                  "as_of": r.as_of, "citations": _citations(site, r)} for r in site.sheet.relations]
    sources = [{"id": s.id, "kind": s.kind, "category": s.category, "article": s.article, "publisher": s.publisher,
                "via": s.via, "title": s.title, "date": s.date, "url": s.url, "accessed": s.accessed, "note": s.note}
               for s in site.sheet.sources]
    return {"facts": facts, "events": events, "quotes": quotes, "entities": entities, "relations": relations,
            "sources": sources}


# Flat CSV columns per kind: (column, how to get it from the JSON record).
def _sources(item: dict) -> str:
    return "; ".join(c["source"] + (f"#{c['paragraph']}" if c.get("paragraph") else "") for c in item["citations"])


def _joined(key: str):
    return lambda item: "; ".join(item[key])


def _figure(key: str):
    return lambda item: item["figure"][key] if item["figure"] else None


def _coordinate(key: str):
    return lambda item: item["coordinates"][key] if item["coordinates"] else None


COLUMNS = {
    "facts": [("id", "id"), ("statement", "statement"), ("figure_value", _figure("value")),
              ("figure_unit", _figure("unit")), ("figure_text", _figure("text")),
              ("figure_qualifier", _figure("qualifier")), ("as_of", "as_of"), ("review_after", "review_after"),
              ("superseded_by", "superseded_by"),
              ("background", "background"), ("topics", _joined("topics")), ("entities", _joined("entities")),
              ("sources", _sources)],
    "events": [("id", "id"), ("date", "date"), ("precision", "precision"), ("title", "title"),
               ("summary", "summary"), ("background", "background"), ("topics", _joined("topics")),
               ("entities", _joined("entities")), ("sources", _sources)],
    "quotes": [("id", "id"), ("speaker", "speaker"), ("speaker_name", "speaker_name"), ("text", "text"),
               ("context", "context"), ("topics", _joined("topics")), ("sources", _sources)],
    "entities": [("id", "id"), ("name", "name"), ("kind", "kind"), ("aliases", _joined("aliases")),
                 ("role", "role"), ("summary", "summary"), ("group", "group"), ("lat", _coordinate("lat")),
                 ("lon", _coordinate("lon")), ("sources", _sources)],
    "relations": [("id", "id"), ("from", "from"), ("to", "to"), ("kind", "kind"), ("label", "label"),
                  ("as_of", "as_of"), ("sources", _sources)],
    "sources": [("id", "id"), ("kind", "kind"), ("category", "category"), ("article", "article"),
                ("publisher", "publisher"), ("via", "via"), ("title", "title"), ("date", "date"), ("url", "url"),
                ("accessed", "accessed"), ("note", "note")],
}


def to_csv(kind: str, items: Iterable[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = COLUMNS[kind]
    writer.writerow([name for name, _ in columns])
    for item in items:
        row = []
        for _, get in columns:
            value = item[get] if isinstance(get, str) else get(item)
            row.append(safe_cell("true" if value is True else "false" if value is False else value))
        writer.writerow(row)
    return buffer.getvalue()


def files(site: Site) -> dict[str, str]:
    """data/<kind>.json and data/<kind>.csv for every exported kind."""
    out: dict[str, str] = {}
    data = records(site)
    for kind in KINDS:
        out[f"{DATA_DIR}/{kind}.json"] = _json_document(site, kind, data[kind])
        out[f"{DATA_DIR}/{kind}.csv"] = to_csv(kind, data[kind])
    return out


def _json_document(site: Site, kind: str, items: list[dict]) -> str:
    """`{"title": …, "last_reviewed": …, kind: [record, record, …]}` with one compact record per line."""
    head = json.dumps({"title": site.meta.title, "last_reviewed": site.meta.last_reviewed},
                      ensure_ascii=False)[:-1]
    lines = [json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in items]
    return head + f', "{kind}": [\n' + ",\n".join(lines) + "\n]}\n"
