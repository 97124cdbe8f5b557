"""How current the explainer is: how far its events are tracked, when it was checked, what came after the
source articles, and which facts later events overtook.

"Tracked to" is derived from the records (the latest date of an event, or of a fact's `as_of`); "checked
on" is the editor's review date (`meta.last_reviewed`). A fact that names what overtook it
(`superseded_by`) is history: shown as "Until …", never as the present, and left out of key figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cached_property

from .schema import Event, Fact, FactSheet
from .text import is_past, last_day, latest


def tracked_to(sheet: FactSheet) -> str | None:
    """How far the fact sheet tracks events: the latest date of an event, or of a fact's `as_of`."""
    return latest([e.date for e in sheet.events] + [f.as_of for f in sheet.facts])


class Currency:
    """The fact sheet's dates as readers are told them."""

    def __init__(self, sheet: FactSheet, article_sources: Iterable[str]) -> None:
        self.sheet = sheet
        self.article_sources = frozenset(article_sources)

    @cached_property
    def tracked_to(self) -> str | None:
        return tracked_to(self.sheet)

    @property
    def checked_on(self) -> str:
        return self.sheet.meta.last_reviewed

    @property
    def note(self) -> str | None:
        """The editor's sentence on why nothing newer than `tracked_to` is covered, if any."""
        return self.sheet.meta.tracking_note

    @cached_property
    def articles_end(self) -> str | None:
        """The latest date of an event the source articles report (cite): what came later is "since"."""
        return latest(e.date for e in self.sheet.events
                      if any(c.source in self.article_sources for c in e.cite))

    def since_articles(self, events: Iterable[Event]) -> list[Event]:
        """The events dated after everything the source articles report, newest first."""
        end = self.articles_end
        if end is None:
            return []
        after = [e for e in events if last_day(e.date) > last_day(end)]
        return sorted(after, key=lambda e: (last_day(e.date), len(e.date), e.id), reverse=True)

    @cached_property
    def _records(self) -> dict[str, Event | Fact]:
        return {r.id: r for r in (*self.sheet.events, *self.sheet.facts)}

    def superseding(self, fact: Fact) -> Event | Fact | None:
        """The event or fact that overtook `fact`, if the fact sheet names one."""
        return self._records.get(fact.superseded_by or "")

    def until(self, fact: Fact) -> str | None:
        """The date from which a superseded fact no longer held: its successor's date, if known."""
        later = self.superseding(fact)
        if later is None:
            return None
        return later.date if isinstance(later, Event) else later.as_of


def stale(fact: Fact, on: dt.date) -> bool:
    """The fact is past its `review_after` date on `on`, nothing supersedes it, and it may be out of date."""
    return fact.superseded_by is None and is_past(fact.review_after, on)
