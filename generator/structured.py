"""Structured data: a schema.org Article in JSON-LD for every generated page.

The JSON-LD travels in the page's front matter (`json_ld:`), already escaped for a
<script> block by `escape.json_ld`; the theme override (overrides/main.html) prints it in
<head>. What it names is what the page shows: the sources it cites and the entities it
links (both recorded by the page's `PageContext` while the template renders), plus the
events the page lists.

Dates: `dateModified` is the fact sheet's last review; `datePublished` is the source
article's own date on an article page, and the same review date elsewhere (the pages are
regenerated from the fact sheet, which has no earlier publication date).
"""

from __future__ import annotations

import html
import json
import re

from .escape import json_ld
from .model import Cite, Site

SCHEMA = "https://schema.org"
# A page names at most this many sources, entities and events: the main ones, for search engines.
# Every one of them on a long page would make its <head> larger than its text, and MkDocs parses
# front matter slowly.
LIST_MAX = 12
ENTITY_TYPES = {"person": "Person", "state": "Country", "place": "Place"}  # the others are organisations
_HEADING = re.compile(r"^# (.+?)\s*(\{[^}]*\})?\s*$", re.M)


def headline(markdown: str) -> str:
    """The page's H1 as a reader sees it: Markdown escapes and HTML entities undone."""
    match = _HEADING.search(markdown)
    if not match:
        return ""
    return html.unescape(re.sub(r"\\(.)", r"\1", match.group(1)))


def _citation(cite: Cite) -> dict:
    source = cite.source
    item: dict = {"@type": "NewsArticle" if cite.article is not None else "CreativeWork"}
    name = cite.article.title if cite.article is not None else (source.title or source.publisher or source.id)
    item["name"] = name
    if source.publisher:
        item["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.date:
        item["datePublished"] = source.date
    if source.url:
        item["url"] = source.url
    return item


def _events(site: Site, path: str) -> list:
    if path == "timeline.md":
        return list(reversed(site.events))[:LIST_MAX]  # the latest
    if path in site.timeline_pages:  # a year's page
        return site.timeline_pages[path][-LIST_MAX:]
    if path == "index.md":
        return list(reversed(site.events))[:5]
    if path.startswith("topics/") and path != "topics/index.md":
        topic = site.topic_by_id.get(path[len("topics/"):-len(".md")])
        return site.events_for(topic)[-LIST_MAX:] if topic else []
    return []


def article(site: Site, path: str, markdown: str, cited: list[Cite], linked: set[str]) -> dict:
    """The JSON-LD object of one generated page."""
    reviewed = site.meta.last_reviewed
    published = reviewed
    if path.startswith("articles/") and path != "articles/index.md":
        source = site.article_source(site.article_by_id[path[len("articles/"):-len(".md")]])
        if source is not None and source.date:
            published = source.date
    citations: dict[str, dict] = {}
    for cite in cited:
        key = cite.source.id if cite.article is None else f"{cite.source.id}/{cite.article.id}"
        if key not in citations and len(citations) < LIST_MAX:
            citations[key] = _citation(cite)
    about: list[dict] = []
    # In `entities` order (scanning all of them per page was quadratic).
    for entity in site.entities_among(linked)[:LIST_MAX]:
        item = {"@type": ENTITY_TYPES.get(entity.kind, "Organization"), "name": entity.name}
        if entity.aliases:
            item["alternateName"] = list(entity.aliases)
        if entity.role:
            item["description"] = entity.role
        about.append(item)
    for event in _events(site, path):
        item = {"@type": "Event", "name": event.title, "startDate": event.date}
        if event.summary:
            item["description"] = event.summary
        about.append(item)
    description = site.meta.description
    if path.startswith("topics/") and path != "topics/index.md":
        topic = site.topic_by_id.get(path[len("topics/"):-len(".md")])
        description = topic.summary if topic else description
    data: dict = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": headline(markdown) or site.meta.title,
        "description": description,
        "inLanguage": "en",
        "datePublished": published,
        "dateModified": reviewed,
        "isPartOf": {"@type": "WebSite", "name": site.meta.title},
    }
    if citations:
        data["citation"] = list(citations.values())
    if about:
        data["about"] = about
    return data


def front_matter_line(data: dict) -> str:
    """`json_ld: "…"` for the page's YAML front matter: a double-quoted YAML scalar holding the
    script-safe JSON. Line and paragraph separators are escaped, as YAML would fold them."""
    quoted = json.dumps(str(json_ld(data)), ensure_ascii=False)
    for char in ("\u0085", "\u2028", "\u2029"):
        quoted = quoted.replace(char, f"\\u{ord(char):04x}")
    return "json_ld: " + quoted


def with_front_matter(markdown: str, line: str) -> str:
    """Add `line` to the page's front matter, creating the front matter if there is none."""
    if markdown.startswith("---\n"):
        return "---\n" + line + "\n" + markdown[4:]
    return "---\n" + line + "\n---\n\n" + markdown
