"""Freshness: facts whose `review_after` date has passed are marked "may be out of date".

Today's date is injectable so that a build is deterministic for a fixed date: pass it to the
pipeline, or set `EXPLAINER_TODAY=YYYY-MM-DD` in the environment (the MkDocs hook and the CLI
read it); otherwise the system clock's date is used.
"""

from __future__ import annotations

import datetime as dt
import os
import re

from .currency import stale, tracked_to
from .errors import Problems
from .text import human_date, last_day

TODAY_VARIABLE = "EXPLAINER_TODAY"


def today(problems: Problems, environ: dict[str, str] | None = None) -> dt.date:
    """`EXPLAINER_TODAY` if set (a bad value is a problem), else the clock's date."""
    value = (os.environ if environ is None else environ).get(TODAY_VARIABLE, "").strip()
    if not value:
        return dt.date.today()
    try:
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.add(TODAY_VARIABLE, 0, "", f"{value!r} is not a date",
                     f"set {TODAY_VARIABLE} as YYYY-MM-DD, e.g. 2026-01-31, or unset it to use today's date")
        return dt.date.today()


# A review this long after the latest dated record says the news was looked at and nothing newer taken in:
# readers are owed a sentence on why (`meta.tracking_note`).
TRACKING_GAP_DAYS = 90


def check(loaded, problems: Problems, on: dt.date) -> None:
    """Warnings (so `check --strict` fails, and the build says so) for each fact past its review date that
    nothing supersedes, and for a review long after the latest dated record with no word on why."""
    sheet = loaded.sheet
    for i, fact in enumerate(sheet.facts):
        if stale(fact, on):
            loc = ("facts", i, "review_after")
            problems.warn(loaded.path, loaded.line(*loc), loaded.key(*loc),
                          f"fact {fact.id!r} is past its review date, {human_date(fact.review_after)} "
                          f"(today is {on.isoformat()}), and nothing supersedes it; the site marks it "
                          f"“may be out of date”",
                          "check its sources, then update the fact, its as_of and its review_after, or name "
                          "what overtook it in `superseded_by:`")
    newest = tracked_to(sheet)
    reviewed = last_day(sheet.meta.last_reviewed)
    if newest and not sheet.meta.tracking_note and (reviewed - last_day(newest)).days > TRACKING_GAP_DAYS:
        loc = ("meta", "last_reviewed")
        problems.warn(loaded.path, loaded.line(*loc), loaded.key(*loc),
                      f"checked on {human_date(sheet.meta.last_reviewed)}, but the latest dated record is of "
                      f"{human_date(newest)}, and the fact sheet does not say why nothing newer is covered",
                      "add the newer events, or add `tracking_note:` under `meta:` saying why (readers see it)")
