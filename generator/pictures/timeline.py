"""The timeline picture: on wide screens a strip across the page and, under it in the same drawing, the
period since the source article in detail; on phones a column of rows.

Both are drawn from the same marks; docs/assets/explainer.css shows one of them by the screen's width.
Every dot and label links to its event's entry in the list (anchor: the event id). Each event has a dot
in the strip, and a row in the column (unless more than ROWS_MAX events come before the detailed
period: those then share rows by month or year). The source article's date is marked, as a line where
the day is known and as a band over the month or year where it is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from markupsafe import Markup

from ..text import date_key
from ..text import human_date as long_date
from .common import Href, count, figure, legend, n, svg_open, x
from .timeline_column import column
from .timeline_detail import detail
from .timeline_flags import WIDTH
from .timeline_marks import TOPIC_CLASSES, Article, Mark, in_zoom, marks, zoom_start
from .timeline_strip import strip

DETAIL_GAP = 24.0  # between the strip and the detail under it


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
    zoom = zoom_start(drawn, article)
    wide, more = _wide(drawn, article, title, desc, zoom)
    more = f" {x(more)}" if more else ""
    caption = f"{x(title)}. Each dot and label links to the event in the list below.{more}{legend(swatches)}"
    return figure("timeline", [wide, column(drawn, article, title, desc, zoom)], caption)


def _wide(drawn: Sequence[Mark], article: Article | None, title: str, desc: str,
          zoom: str | None) -> tuple[str, str]:
    """The strip and, under it, the detail of the period from month `zoom` on (if any), as one drawing;
    and the caption's words about the detail."""
    body, height = strip(drawn, article, zoom)
    recent = [m for m in drawn if zoom and in_zoom(m.date, zoom)]
    more = ""
    if recent:
        below, below_height = detail(recent, article)
        body += f'<g class="ex-detail" transform="translate(0 {n(height + DETAIL_GAP)})">{below}</g>'
        height += DETAIL_GAP + below_height
        more = f"The {count(len(recent), 'event')} from {long_date(zoom)} on are named one by one."
        desc += (f" Under the strip, the events from {long_date(zoom)} on run down the page in date order, each "
                 f"with its day and title, under a heading for each month.")
    return svg_open("ex-timeline ex-wide", WIDTH, height, "ex-timeline-wide", title, desc) + body + "</svg>", more


def _article_words(article: Article | None) -> str:
    if article is None:
        return ""
    return f" The source article's date, {long_date(article.date)}, is marked."


def _swatch(classes: str) -> str:
    return (f'<svg class="ex-swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">'
            f'<g class="ex-event {classes}"><circle cx="10" cy="10" r="6"/></g></svg>')
