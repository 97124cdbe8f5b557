"""The wide timeline's detail: the period since the source article, every event named, under the overview.

The busiest stretch of a timeline is often the latest, and the one a reader most wants to read; in the
overview its events share a flag. A strip has no room to name them one by one (flags on stems need
about their own width each), so the detail runs down the page: an axis in the middle, a heading where
the month changes, and each event on the side where it fits highest, its day next to the axis and its
title beside it, level with its dot. Nothing is placed over anything else: a row starts below the last
one on its side. The source article is marked as in the column: a band over its month or year, or a
line between the events either side of its day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import human_date as long_date
from .common import link, n, short_date, text_width, wrap, x
from .layout import Box
from .timeline_flags import DOT_R, LINE_H, SIZE, WIDTH
from .timeline_flags import DOT_STEP as STEP
from .timeline_marks import Article, Mark, dot

# The detail is drawn inside the strip's picture: its width, type and dots are the strip's.
MARGIN, MIDDLE, HEAD_SIZE = 8.0, WIDTH / 2, 14.0
GAP = 7.0  # dots at least STEP apart; rows on one side at least GAP apart
DATE_W = 50.0  # "28 Dec" in bold, with room to spare
TITLE_X = DOT_R + 8 + DATE_W  # from the axis to the titles
TITLE_W = MIDDLE - MARGIN - TITLE_X
HEAD_H = 30.0  # a month's heading, or the article's line: a row across both sides


@dataclass(frozen=True)
class Entry:
    """An event's place: its dot's y, its side (1 right, -1 left), its title's lines and its box."""

    mark: Mark
    y: float
    side: int
    lines: tuple[str, ...]

    @property
    def box(self) -> Box:
        top = self.y - LINE_H / 2
        near, far = MIDDLE + self.side * (DOT_R + 4), MIDDLE + self.side * (TITLE_X + _width(self.lines))
        return Box(min(near, far), top, max(near, far), top + LINE_H * len(self.lines))


@dataclass(frozen=True)
class Head:
    """A row across both sides: a month's (or a year's) heading, or the source article's day."""

    text: str
    y: float  # the row's middle
    article: bool = False

    @property
    def box(self) -> Box:
        half = text_width(self.text, HEAD_SIZE, bold=True) / 2 + 4
        return Box(MIDDLE - half, self.y - HEAD_SIZE / 2 - 2, MIDDLE + half, self.y + HEAD_SIZE / 2 + 2)


def _width(lines: Sequence[str]) -> float:
    return max(text_width(line, SIZE) for line in lines)


def sequence(drawn: Sequence[Mark], article: Article | None) -> list[tuple[str, Mark | str]]:
    """The rows in order: ("month", period) where the month (or a year-only date's year) changes,
    ("article", date) after the events up to an article's day, and ("event", mark)."""
    out: list[tuple[str, Mark | str]] = []
    period, line = None, article is not None and len(article.date) == 10
    for mark in drawn:
        due = line and article.after(mark.date)
        if due and not (mark.date[:7] != period and article.date[:7] == mark.date[:7]):
            out.append(("article", article.date))  # before the heading of a later month
            line = False
        if mark.date[:7] != period:
            period = mark.date[:7]
            out.append(("month", period))
        if due and line:
            out.append(("article", article.date))  # after the heading of its own month
            line = False
        out.append(("event", mark))
    return out + ([("article", article.date)] if line else [])


def layout(drawn: Sequence[Mark], article: Article | None) -> tuple[list[Entry], list[Head], float]:
    """Each event's entry and each heading, and the height used: an event goes on the side where it can
    stand highest (the other side first where both can), a heading below everything before it."""
    entries: list[Entry] = []
    heads: list[Head] = []
    bottom = {1: 0.0, -1: 0.0}  # the lowest point used on each side
    last_dot, side = -STEP, -1
    for kind, item in sequence(drawn, article):
        if kind != "event":
            mid = max(bottom.values()) + HEAD_H / 2 + (4 if entries or heads else 0)
            heads.append(Head(f"Source article · {long_date(item)}" if kind == "article" else long_date(item),
                              mid, kind == "article"))
            bottom = dict.fromkeys(bottom, mid + HEAD_H / 2)
            last_dot = mid + HEAD_H / 2 - STEP / 2
            continue
        lines = tuple(wrap(item.title, SIZE, TITLE_W, max_lines=3))
        at = {s: max(last_dot + STEP, bottom[s] + GAP + LINE_H / 2) for s in (-side, side)}
        side = min(at, key=lambda s: (at[s], s != -side))
        entries.append(Entry(item, at[side], side, lines))
        bottom[side] = entries[-1].box.y1
        last_dot = at[side]
    return entries, heads, max(bottom.values()) + 6


def detail(drawn: Sequence[Mark], article: Article | None) -> tuple[str, float]:
    """The detail, as SVG elements, and its height: `drawn` are the events of the period it shows."""
    entries, heads, height = layout(drawn, article)
    body = [_band(entries, heads, article)] + _axis(entries, heads) + [_head(h) for h in heads]
    body += [_entry(e) for e in entries]
    return "".join(body), height


def _axis(entries: Sequence[Entry], heads: Sequence[Head]) -> list[str]:
    """The axis from dot to dot, broken where a heading crosses it."""
    out, stops = [], sorted([(e.y, False) for e in entries] + [(h.y, True) for h in heads])
    for (y0, head0), (y1, head1) in zip(stops, stops[1:], strict=False):
        a = y0 + (HEAD_H / 2 - 4 if head0 else 0)
        b = y1 - (HEAD_H / 2 - 4 if head1 else 0)
        if b > a:
            out.append(f'<line class="ex-axis" x1="{n(MIDDLE)}" y1="{n(a)}" x2="{n(MIDDLE)}" y2="{n(b)}"/>')
    return out


def _head(head: Head) -> str:
    cls = "ex-article" if head.article else "ex-year"
    line = ""
    if head.article:  # a dashed line across, either side of the words
        b = head.box
        line = "".join(f'<line class="ex-article-line" x1="{n(x0)}" y1="{n(head.y)}" x2="{n(x1)}" y2="{n(head.y)}"/>'
                       for x0, x1 in ((MARGIN, b.x0 - 4), (b.x1 + 4, WIDTH - MARGIN)))
    return line + (f'<text class="{cls}" x="{n(MIDDLE)}" y="{n(head.y + HEAD_SIZE * 0.35)}" '
                   f'font-size="{n(HEAD_SIZE)}" text-anchor="middle">{x(head.text)}</text>')


def _band(entries: Sequence[Entry], heads: Sequence[Head], article: Article | None) -> str:
    """An article known to the month or year: its period's heading and events, shaded and named."""
    if article is None or len(article.date) == 10:
        return ""
    inside = [e for e in entries if article.covers(e.mark.date)]
    if not inside:
        return ""
    above = [h for h in heads if h.y < inside[0].y]
    top = above[-1].y - HEAD_H / 2 + 2 if above else inside[0].box.y0 - 4
    bottom = max(e.box.y1 for e in inside) + 4
    label = f"Source article · {long_date(article.date)}"
    return (f'<rect class="ex-article-band" x="{n(MARGIN)}" y="{n(top)}" width="{n(WIDTH - 2 * MARGIN)}" '
            f'height="{n(bottom - top)}" rx="4"/><text class="ex-article" x="{n(MARGIN + 8)}" '
            f'y="{n(top + HEAD_H / 2 + SIZE * 0.35)}" font-size="{n(SIZE)}">{x(label)}</text>')


def _entry(entry: Entry) -> str:
    """An event's dot, day and title, as one link to its entry."""
    mark, side = entry.mark, entry.side
    anchor = "start" if side > 0 else "end"
    baseline = entry.y + SIZE * 0.35
    date_x, title_x = MIDDLE + side * (DOT_R + 6), MIDDLE + side * TITLE_X
    spans = "".join(f'<tspan x="{n(title_x)}" dy="{0 if i == 0 else n(LINE_H)}">{x(line)}</tspan>'
                    for i, line in enumerate(entry.lines))
    body = (dot(mark, MIDDLE, entry.y, DOT_R)
            + f'<text class="ex-date" x="{n(date_x)}" y="{n(baseline)}" font-size="{n(SIZE)}" '
              f'text-anchor="{anchor}">{x(short_date(mark.date, with_year=False))}</text>'
            + f'<text class="ex-label" x="{n(title_x)}" y="{n(baseline)}" font-size="{n(SIZE)}" '
              f'text-anchor="{anchor}">{spans}</text>')
    return link(mark.href, f"{long_date(mark.date)}: {mark.title}", body, "ex-row")
