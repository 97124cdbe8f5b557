"""Text and date helpers every stage shares. A leaf: it imports nothing of the package.

Passages are compared ignoring only whitespace and the style of quote marks; dates are written with
exactly the precision the fact sheet gives (a year, a month or a day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import unicodedata
from collections.abc import Iterable

QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'"})

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


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


def initial(name: str) -> str:
    """The letter a name is filed under: its first letter without accents, or `other`."""
    for char in unicodedata.normalize("NFKD", name):
        if char.isalpha():
            return char.lower() if "a" <= char.lower() <= "z" else "other"
    return "other"


def human_date(value: str | None) -> str:
    """Write a date with exactly the precision known: 2025, December 2025, 10 December 2025."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def date_key(value: str) -> tuple[int, int, int]:
    """Chronological order for dates of any precision: a date known only to the month sorts after the days
    of that month, and one known only to the year after every month of it (it may be as late)."""
    parts = [int(p) for p in value.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else 13, parts[2] if len(parts) > 2 else 32


def last_day(value: str) -> dt.date:
    """The last day a date of known precision covers: 2027 → 31 Dec 2027, 2027-03 → 31 Mar 2027."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(parts[0], parts[1], parts[2])


def latest(dates: Iterable[str | None]) -> str | None:
    """The date whose period ends last (2026-03 ends after 2026-03-10); of two that end together, the more
    precise one."""
    known = [d for d in dates if d]
    return max(known, key=lambda d: (last_day(d), len(d))) if known else None


def is_past(value: str | None, on: dt.date | None) -> bool:
    """True once `on` is past the whole period `value` names (after March 2027 = from 1 April)."""
    return bool(value and on and on > last_day(value))
