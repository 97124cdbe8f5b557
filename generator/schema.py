"""The fact sheet's schema, declared once.

Pydantic validates types, required keys, unknown keys and allowed values; the same models
give the published JSON Schema (for editors' YAML extensions) and the reference page.
Cross-record rules (references, provenance, dates in order) live in `checks/`.
Every field carries a description: it is shown to editors in both places.
"""

from __future__ import annotations

import calendar
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
PARAGRAPH_PATTERN = r"^p[1-9][0-9]*$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
URL_PATTERN = r"^https?://[^\s]+$"

RECORD_KINDS = ("sources", "entities", "events", "facts", "quotes", "topics", "glossary", "relations")
# In the JSON Schema, a reference names the records it refers to under this key; `editor_schema` turns it into
# the list of their ids, so that an editor's YAML extension completes ids and marks the ones that do not exist.
IDS_OF = "x-ids-of"

# What kind of publisher an outside source is, as readers are told beside every citation of it.
SOURCE_CATEGORIES = {
    "official": "Official statement or document",
    "news-agency": "News agency",
    "major-outlet": "Newspaper or broadcaster",
    "specialist": "Specialist or research body",
    "regional-outlet": "Regional outlet",
    "aggregator": "Aggregator or republisher",
}
SourceCategory = Literal["official", "news-agency", "major-outlet", "specialist", "regional-outlet", "aggregator"]


def _date_text(value: object) -> object:
    # YAML reads an unquoted 2025 as a number; a year is still a date with year precision.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _real_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"{value!r} has no month {parts[1]}")
    if len(parts) == 3 and not 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]:
        raise ValueError(f"{value!r} is not a day of that month")
    return value


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^/\s]+", value, re.I):
        raise ValueError(f"{value!r} is not an http(s) address")
    return value


Id = Annotated[str, Field(pattern=ID_PATTERN, description="Stable id: lower-case letters, digits, hyphens.")]
Ref = Annotated[str, Field(pattern=ID_PATTERN, description="The id of another record.")]
TopicRef = Annotated[str, Field(pattern=ID_PATTERN, description="The id of a topic (in `topics`).",
                                json_schema_extra={IDS_OF: "topics"})]
EntityRef = Annotated[str, Field(pattern=ID_PATTERN, description="The id of an entity (in `entities`).",
                                 json_schema_extra={IDS_OF: "entities"})]
SourceRef = Annotated[str, Field(pattern=ID_PATTERN, description="The id of a source (in `sources`).",
                                 json_schema_extra={IDS_OF: "sources"})]
ArticleRef = Annotated[str, Field(pattern=ID_PATTERN, description="A file of seeds/articles, without `.txt`.",
                                  json_schema_extra={IDS_OF: "articles"})]
Text = Annotated[str, Field(min_length=1)]
DateText = Annotated[
    str,
    BeforeValidator(_date_text),
    Field(pattern=DATE_PATTERN, description="A date with the precision known: 2025, 2025-12 or 2025-12-10."),
    AfterValidator(_real_date),
    # YAML reads `date: 2026` as a number: the JSON Schema accepts a year so written, as the sheet does.
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": DATE_PATTERN}, {"type": "integer", "minimum": 1000,
                                                                              "maximum": 9999}],
                    "description": "A date with the precision known: 2025, 2025-12 or 2025-12-10."}),
]
Url = Annotated[str, Field(pattern=URL_PATTERN, description="An http or https address."),
                AfterValidator(_http_url)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


class Citation(Record):
    """Where a record comes from: a paragraph of a source article, or an outside page."""

    source: SourceRef = Field(description="The id of a record in `sources`.")
    paragraph: str | None = Field(
        default=None, pattern=PARAGRAPH_PATTERN,
        description="For an article source: the paragraph cited, as numbered on its page (p1, p2, …).")
    quote: Text | None = Field(
        default=None,
        description="The exact words cited. For an article it must appear verbatim in the paragraph; "
                    "for an outside page it opens the page at that passage.")
    rank: Literal["preferred", "normal", "deprecated"] = Field(
        default="normal", description="How far this source is trusted for this record, where sources differ.")
    claim: Text | None = Field(
        default=None, description="Only where the sources of this record conflict (other figures, dates or "
                                  "accounts): what this source says. Sources that agree need no claim: "
                                  "they are shown as corroboration.")


class Source(Record):
    """A source: an article in seeds/articles or an outside publication."""

    id: Id
    kind: Literal["article", "web"] = Field(
        description="`article` for a file in seeds/articles, `web` for an outside page.")
    article: ArticleRef | None = Field(default=None, description="For `article`: the file name without `.txt`.")
    category: SourceCategory | None = Field(
        default=None, description="For `web`: what kind of publisher this is (`official`, `news-agency`, "
                                  "`major-outlet`, `specialist`, `regional-outlet` or `aggregator`).")
    publisher: Text | None = Field(default=None, description="Who published it: the site the page is on.")
    via: Text | None = Field(
        default=None, description="Whose text the page carries, where it says so (a news agency, say).")
    title: Text | None = Field(default=None, description="Its title, exactly as published; only if seen.")
    date: DateText | None = Field(default=None, description="When it was published, only if the page shows it.")
    url: Url | None = Field(default=None, description="Its address (http or https only).")
    accessed: DateText | None = Field(default=None, description="For `web`: when an editor read the page.")
    note: Text | None = Field(default=None, description="Anything a reader should know about the source.")
    worked_through: bool = Field(
        default=False, description="For `article`: true once the fact sheet cites the article's sentences. "
                                   "From then on `meta.coverage_min` applies to it; until then its page says it "
                                   "is not yet worked through, and it never stops the build.")
    keep: list[Text] = Field(
        default_factory=list, description="For `article`: lines of the file (whole, as written) to keep as the "
                                          "article's text although they look like page furniture.")
    skip: list[Text] = Field(
        default_factory=list, description="For `article`: lines of the file (whole, as written) to leave out as "
                                          "page furniture that the reader did not recognise.")


class Coordinates(Record):
    """Where a place is, in decimal degrees (WGS 84), as a cited gazetteer gives it."""

    lat: float = Field(description="Latitude, -90 to 90 (north is positive).")
    lon: float = Field(description="Longitude, -180 to 180 (east is positive).")


class Entity(Record):
    """A person, organisation, state, armed group or place."""

    id: Id
    name: Text = Field(description="The name used on the site.")
    kind: Literal["person", "organisation", "government", "armed-group", "state", "coalition", "military", "place"] = \
        Field(description="What sort of actor this is.")
    aliases: list[Text] = Field(default_factory=list, description="Other names and spellings; search finds them.")
    role: Text | None = Field(default=None, description="One line: who or what this is.")
    summary: Text | None = Field(default=None, description="A few neutral sentences.")
    group: Text | None = Field(
        default=None,
        description="The side or role the actors diagram groups the entity under, e.g. `United States` or "
                    "`Syrian government`: an editorial label for the picture, not a claim about the entity.")
    coordinates: Coordinates | None = Field(
        default=None, description="For a `place`: where the map draws it. Cite the gazetteer it comes from.")
    cite: list[Citation] = Field(default_factory=list, description="Sources for the role and summary.")


class Figure(Record):
    """A number, as the cited passage writes it."""

    value: float = Field(description="The number itself, for sorting and export.")
    unit: Text = Field(description="What is counted, e.g. `weapon sites`.")
    text: Text = Field(description="The number exactly as the cited passage writes it, e.g. `over 130`.")
    qualifier: Literal["exact", "about", "more-than", "at-least"] = Field(
        default="exact", description="How the source qualifies the number (`about 2,000` is `about`).")


class Fact(Record):
    """A statement, attributed, with its sources."""

    id: Id
    statement: Text = Field(description="One neutral, attributed sentence.")
    topics: list[TopicRef] = Field(min_length=1, description="Topics this fact belongs to.")
    entities: list[EntityRef] = Field(default_factory=list, description="Who or what the fact is about.")
    figure: Figure | None = Field(default=None, description="The number the fact states, if any.")
    as_of: DateText | None = Field(default=None, description="When the fact was true or reported.")
    review_after: DateText | None = Field(
        default=None, description="After this date the site marks the fact as possibly out of date.")
    superseded_by: Ref | None = Field(
        default=None, description="The id of the event or fact that overtook this one: the site then shows "
                                  "this fact as history (\"Until …\") and leaves it out of key figures.")
    update_note: Text | None = Field(
        default=None, description="A short note to readers on how this fact was updated, written by an editor.")
    cite: list[Citation] = Field(min_length=1, description="Where the fact comes from; several sources may disagree.")


class Event(Record):
    """Something that happened on a date known to a given precision."""

    id: Id
    date: DateText
    title: Text = Field(description="What happened, in a few words.")
    summary: Text | None = Field(default=None, description="One or two neutral sentences.")
    topics: list[TopicRef] = Field(min_length=1, description="Topics whose timeline shows the event.")
    entities: list[EntityRef] = Field(default_factory=list, description="Who took part.")
    cite: list[Citation] = Field(min_length=1, description="Sources for the date and what happened.")


class Quote(Record):
    """Words someone said, verbatim, cited to the article paragraph or the outside page that carries them."""

    id: Id
    speaker: EntityRef = Field(description="The id of the entity who said it.")
    text: Text = Field(description="The words, verbatim: they must stand in the cited paragraph, or, for an "
                                   "outside page, in the citation's `quote:` (the page's sentence, as seen).")
    context: Text | None = Field(default=None, description="Where and when it was said.")
    topics: list[TopicRef] = Field(min_length=1, description="Topic pages that show the quote.")
    cite: Citation = Field(description="The article paragraph, or the outside page, that carries the words.")


class QandA(Record):
    """A question a reader may ask, answered from the sources."""

    question: Text = Field(description="The question, as a reader would ask it.")
    answer: Text = Field(description="A short, neutral, attributed answer.")
    cite: list[Citation] = Field(min_length=1, description="Sources for the answer.")


class WatchItem(Record):
    """Something to watch; once events answer it, when and how, with sources."""

    question: Text = Field(description="What to watch, as a reader would ask it.")
    answered: DateText | None = Field(default=None, description="When events answered it.")
    answer: Text | None = Field(default=None, description="How events answered it: neutral and attributed.")
    cite: list[Citation] = Field(default_factory=list, description="Sources for the answer.")


class Point(Record):
    """A sentence or two of a topic page's own text, with the sources that say it."""

    text: Text = Field(description="Neutral, attributed text, taken from what the topic's facts, summary and "
                                   "answers already say.")
    cite: list[Citation] = Field(min_length=1,
                                 description="Sources for the text, as the facts it comes from cite them.")


class Topic(Record):
    """A topic page of the explainer."""

    id: Id
    title: Text = Field(description="The page title.")
    summary: Text = Field(description="What is happening, in a few neutral sentences (the topics list, the "
                                      "page's description, and its opening where it has no `lead`).")
    cite: list[Citation] = Field(default_factory=list, description="Sources for the summary.")
    lead: Point | None = Field(
        default=None, description="What happened, in two or three sentences: the page opens with it, and the "
                                  "home page tells the story with it.")
    why_it_matters: Point | None = Field(
        default=None, description="Why it matters, in a sentence or two, shown after the lead.")
    key_points: list[Point] = Field(
        default_factory=list, max_length=6,
        description="Four to six key points, one sentence each, shown after the lead and on the home page.")
    now: Point | None = Field(
        default=None, description="Where things stand now: the latest state of affairs the sources report, in a "
                                  "sentence or two.")
    watch: list[Text | WatchItem] = Field(
        default_factory=list, description="What to watch next: a line of text, or a `question:` that events "
                                          "have `answered:` (a date), with the `answer:` and its `cite:`.")
    qa: list[QandA] = Field(default_factory=list, description="Questions and answers.")


class Term(Record):
    """A glossary term; its definition shows as a tooltip wherever the term appears."""

    id: Id
    term: Text = Field(description="The term as it appears in text (case matters).")
    definition: Text = Field(description="A short neutral definition, shown as a tooltip.")
    aliases: list[Text] = Field(default_factory=list, description="Other spellings that get the same tooltip.")
    cite: list[Citation] = Field(default_factory=list, description="Sources for facts stated in the definition.")


class Relation(Record):
    """A relation between two entities, drawn on the actors diagram."""

    id: Id
    source_entity: EntityRef = Field(alias="from", description="The entity the relation starts from.")
    target_entity: EntityRef = Field(alias="to", description="The entity it points to.")
    kind: Literal["cooperation", "conflict", "integration", "opposition"] = Field(
        description="How the diagram draws the relation.")
    label: Text = Field(description="A few words on the arrow.")
    as_of: DateText | None = Field(default=None, description="When the relation held.")
    cite: list[Citation] = Field(min_length=1, description="Sources for the relation.")


class Meta(Record):
    """About the site as a whole."""

    title: Text = Field(description="The site's home page title.")
    description: Text = Field(description="One neutral sentence: what the site explains.")
    last_reviewed: DateText = Field(description="When an editor last checked the whole fact sheet against the "
                                                "news (shown to readers as \"checked on\").")
    tracking_note: Text | None = Field(
        default=None, description="Why nothing newer than the latest dated record is covered, where the "
                                  "review is much later: one sentence, shown to readers.")
    coverage_min: float = Field(default=0.0, ge=0, le=1,
                                description="The share of each article's sentences (0 to 1) that facts, quotes "
                                            "and events must cover; `make check` fails under it.")


class FactSheet(Record):
    """The hand-maintained fact sheet, seeds/factsheet.yaml."""

    meta: Meta
    sources: list[Source] = Field(min_length=1)
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    topics: list[Topic] = Field(default_factory=list)
    glossary: list[Term] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
