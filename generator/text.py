"""Text and date helpers every stage shares. A leaf: it imports nothing of the package.

Passages are compared ignoring only whitespace and the style of quote marks; dates are written with
exactly the precision the fact sheet gives (a year, a month or a day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
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


_MONTH_NUMBER = {name.lower()[:3]: n for n, name in enumerate(MONTHS, 1)}
_MONTH_WORD = r"([A-Za-z]{3,9})\.?"
_DAY_WORD = r"(\d{1,2})(?:st|nd|rd|th)?"
_OTHER_DATE_FORMS = (  # (pattern, which groups are year, month, day): each form an editor may write
    (re.compile(rf"^{_DAY_WORD}\s+{_MONTH_WORD},?\s+(\d{{4}})$"), (3, 2, 1)),      # 31 January 2026
    (re.compile(rf"^{_MONTH_WORD}\s+{_DAY_WORD},?\s+(\d{{4}})$"), (3, 1, 2)),      # Jan 31, 2026
    (re.compile(rf"^{_MONTH_WORD},?\s+(\d{{4}})$"), (2, 1, 0)),                     # January 2026
    (re.compile(r"^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$"), (1, 2, 3)),         # 2026/1/31, 2026-1
)
_NUMERIC_DAY_FIRST_OR_MONTH_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")  # 31/01/2026


def iso_date(value: str) -> str | None:
    """The form the fact sheet wants (2026-01-31, 2026-01) of a date written another way, where only one
    date can be meant: 31/01/2026 (31 is no month), 31 January 2026, Jan 31 2026. None for 12/02/2026
    (12 February or 2 December?), and for anything that is no real date."""
    value = " ".join(value.split())
    match = _NUMERIC_DAY_FIRST_OR_MONTH_FIRST.match(value)
    if match:
        first, second, year = (int(g) for g in match.groups())
        if first != second and first <= 12 and second <= 12:
            return None  # either could be the month
        day, month = (first, second) if first > 12 or first == second else (second, first)
        return _real(year, month, day)
    for pattern, (y, m, d) in _OTHER_DATE_FORMS:
        match = pattern.match(value)
        if match:
            month_text = match.group(m)
            month = int(month_text) if month_text.isdigit() else _MONTH_NUMBER.get(month_text.lower()[:3], 0)
            if not month_text.isdigit() and not MONTHS[month - 1].lower().startswith(month_text.lower()):
                return None  # "Janvier", "Mayday": not a month's name or its abbreviation
            return _real(int(match.group(y)), month, int(match.group(d)) if d and match.group(d) else 0)
    return None


def _real(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12 or (day and not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
