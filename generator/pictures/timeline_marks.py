"""The events as the timeline draws them: marks in date order, each with its colour and its link,
and the source article's date, which both drawings mark."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..text import date_key
from .common import Href, n

TOPIC_CLASSES = 4  # topic colours cycle through ex-topic-0..3 (docs/assets/explainer.css)


@dataclass(frozen=True)
class Mark:
    """One event as the timeline draws it."""

    id: str
    date: str
    title: str
    topic: int  # colour class
    href: str

    @property
    def precise(self) -> bool:
        return len(self.date) == 10


@dataclass(frozen=True)
class Article:
    """The source article's date, and where that date falls among the marks."""

    date: str

    def after(self, mark_date: str) -> bool:
        """Whether a mark dated `mark_date` is later than the article (a day later, or a later period)."""
        return date_key(mark_date) > date_key(self.date) if len(self.date) == 10 else \
            mark_date[:len(self.date)] > self.date

    def covers(self, mark_date: str) -> bool:
        """Whether the article's date, known to the month or year, is the period of this mark."""
        return len(self.date) < 10 and mark_date[:len(self.date)] == self.date


def marks(events: Sequence, topics: Sequence, href: Href, page_of: Callable[[str], str]) -> list[Mark]:
    """The events (the fact sheet's records) as marks, in date order: a date known only to the month
    after the days of that month."""
    colour = {t.id: i % TOPIC_CLASSES for i, t in enumerate(topics)}
    ordered = sorted(events, key=lambda e: (date_key(e.date), e.id))
    return [Mark(e.id, e.date, e.title, colour.get(e.topics[0], 0) if e.topics else 0,
                 str(href(page_of(e.id), e.id))) for e in ordered]


def dot(mark: Mark, cx: float, cy: float, r: float) -> str:
    """An event's dot: filled in its topic's colour, hollow where the day is not known."""
    classes = f"ex-event ex-topic-{mark.topic}" + ("" if mark.precise else " ex-imprecise")
    return f'<g class="{classes}"><circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r if mark.precise else r - 1)}"/></g>'


ZOOM_MAX = 48  # the most events the detail under the strip names one by one


def in_zoom(date: str, start: str) -> bool:
    """Whether a date falls in the period from month `start` (YYYY-MM) on: a date known only to the year
    does where the whole year is later."""
    return date >= start if len(date) > 4 else date > start[:4]


def zoom_start(drawn: Sequence[Mark], article: Article | None) -> str | None:
    """The first month (YYYY-MM) of the period shown in detail: the source article's month (January of its
    year, if only the year is known), or the first later month from which at most ZOOM_MAX events follow.
    None without an article, or where that period would hold fewer than two events, or every event."""
    if article is None:
        return None
    start = article.date[:7] if len(article.date) > 4 else f"{article.date}-01"
    later = sorted({m.date[:7] for m in drawn if len(m.date) > 4 and m.date[:7] > start})
    for month in [start, *later]:
        inside = sum(1 for m in drawn if in_zoom(m.date, month))
        if inside <= ZOOM_MAX:
            return month if 2 <= inside < len(drawn) else None
    return None
