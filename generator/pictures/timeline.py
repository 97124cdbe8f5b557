"""The timeline picture: a strip across the page on wide screens, a column of rows on phones.

Both are drawn from the same marks and shown one at a time by docs/assets/explainer.css. Every dot
and label links to its event's entry in the list (anchor: the event id); the source article's date
is marked, as a line where the day is known and as a band over the month or year where it is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from markupsafe import Markup

from ..text import date_key
from ..text import human_date as long_date
from .common import Href, count, figure, legend, x
from .timeline_column import column
from .timeline_marks import TOPIC_CLASSES, Article, marks
from .timeline_strip import strip


def article_date(sources: Iterable) -> str | None:
    """The date of the earliest source article (the fact sheet's `article` sources), to mark it."""
    dates = [s.date for s in sources if s.kind == "article" and s.date]
    return min(dates, key=date_key) if dates else None


def timeline(events: Sequence, topics: Sequence, href: Href, *, article_date: str | None = None,
             page_of: Callable[[str], str] = lambda _: "timeline.md") -> Markup:
    """The timeline figure: `events` and `topics` are the fact sheet's records; `page_of(event id)` is the
    page listing the event; `article_date` the source article's date (None: not marked)."""
    drawn = marks(events, topics, href, page_of)
    if not drawn:
        return Markup("")
    article = Article(article_date) if article_date else None
    title = f"Timeline of {count(len(drawn), 'event')}, {long_date(drawn[0].date)} to {long_date(drawn[-1].date)}"
    desc = (f"Events in date order, coloured by their main topic; a hollow dot marks a date known only to the "
            f"month or year.{_article_words(article)} The list below gives every event with its sources.")
    swatches = [(_swatch(f"ex-topic-{i % TOPIC_CLASSES}"), x(t.title)) for i, t in enumerate(topics)]
    swatches.append((_swatch("ex-imprecise"), "date known to the month or year only"))
    caption = (f"{x(title)}. Each dot and label links to the event in the list below."
               f"{legend(swatches)}")
    return figure("timeline", [strip(drawn, article, title, desc), column(drawn, article, title, desc)], caption)


def _article_words(article: Article | None) -> str:
    if article is None:
        return ""
    return f" The source article's date, {long_date(article.date)}, is marked."


def _swatch(classes: str) -> str:
    return (f'<svg class="ex-swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">'
            f'<g class="ex-event {classes}"><circle cx="10" cy="10" r="6"/></g></svg>')
