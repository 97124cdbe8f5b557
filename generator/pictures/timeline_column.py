"""The phone's timeline: a column with a year heading where the year changes and a row per event
(its date and title). Where there are many events, the period since the source article keeps a row per
event and the rows before it are shorter, or, where there are very many, per month or year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import human_date as long_date
from .common import count, link, n, short_date, svg_open, wrap, x
from .timeline_marks import Article, Mark, dot, in_zoom

ROWS_MAX = 40  # past this many events, the column's rows are shorter, then per month (then per year)

COLUMN_W = 360.0  # about the width of a phone's content column: its text stays at its size there
AXIS_X, DATE_X, TITLE_X = 14.0, 28.0, 86.0
SIZE, DATE_SIZE, YEAR_SIZE, LINE_H = 14.0, 13.0, 15.0, 17.0


@dataclass(frozen=True)
class Row:
    """A row of the column: one event, or a period's events where there are too many for a row each."""

    marks: tuple[Mark, ...]
    period: str  # the date shown: the event's, or the month or year of a period
    grouped: bool = False  # a period's row (of one event or more), not an event's
    lines: int = 2  # the most lines its words take

    @property
    def head(self) -> Mark:
        return self.marks[0]


def rows(drawn: Sequence[Mark], limit: int = ROWS_MAX, zoom: str | None = None) -> list[Row]:
    """A row per event, of up to two lines, where there are no more than `limit` events. Past that, the
    period shown in detail (from month `zoom` on; it holds no more than ZOOM_MAX events) keeps a row per
    event and two lines; the events before it have a row each of one line, or, past `limit` of them, a row
    per month, or per year: the finest that stays within `limit` rows."""
    if len(drawn) <= limit:
        return [Row((m,), m.date) for m in drawn]
    recent = {m.id for m in drawn if zoom and in_zoom(m.date, zoom)}
    width = {False: _finest([m for m in drawn if m.id not in recent], limit), True: 10}
    out: list[tuple[bool, str, list[Mark]]] = []
    for m in drawn:
        part = m.id in recent
        key = m.date if width[part] == 10 else m.date[:width[part]]
        if width[part] < 10 and out and out[-1][:2] == (part, key):
            out[-1][2].append(m)
        else:
            out.append((part, key, [m]))
    return [Row(tuple(ms), key, grouped=width[part] < 10, lines=2 if part or width[part] < 10 else 1)
            for part, key, ms in out]


def _finest(marks: Sequence[Mark], limit: int) -> int:
    """How much of the date the rows of these events go by: the whole date, the month or the year."""
    if len(marks) <= limit:
        return 10
    return 7 if len({m.date[:7] for m in marks}) <= limit else 4


def column(drawn: Sequence[Mark], article: Article | None, title: str, desc: str, zoom: str | None = None) -> str:
    """The vertical timeline: a year heading where the year changes, then a row per event (date, title).
    The axis runs through the dots, dashed across years without events."""
    back: list[str] = []  # drawn first: the article's band
    body: list[str] = []
    y, year, dots, band = 6.0, "", [], None
    laid = rows(drawn, zoom=zoom)
    for i, row in enumerate(laid):
        if row.period[:4] != year:
            y += 14 if year else 0
            if year:
                dots.append((None, int(row.period[:4]) - int(year) > 1))  # a break in the axis
            year = row.period[:4]
            body.append(f'<text class="ex-year" x="{n(DATE_X)}" y="{n(y + YEAR_SIZE * 0.8)}" '
                        f'font-size="{n(YEAR_SIZE)}">{x(year)}</text>')
            y += YEAR_SIZE + 10
        if article and band is None and _in_period(row, article):
            band = [y, y]
            body.append(_marker_text(article, y))
            y += 22
        drawn_row, dot_y, y = _row(row, y)
        body.append(drawn_row)
        dots.append((dot_y, False))
        if band is not None and _in_period(row, article):
            band[1] = y - 4
        following = laid[i + 1] if i + 1 < len(laid) else None
        if article and len(article.date) == 10 and band is None and _line_goes_after(row, following, article):
            body.append(_marker_line(article, y))
            y += 30
    if band is not None:
        back.append(f'<rect class="ex-article-band" x="{n(AXIS_X + 8)}" y="{n(band[0] - 4)}" '
                    f'width="{n(COLUMN_W - AXIS_X - 8)}" height="{n(band[1] - band[0] + 8)}" rx="4"/>')
    height = y + 6
    return (svg_open("ex-timeline ex-narrow", COLUMN_W, height, "ex-timeline-narrow", title, desc)
            + "".join(back) + _axis(dots) + "".join(body) + "</svg>")


def _in_period(row: Row, article: Article) -> bool:
    """Whether the row belongs in the article's band: an article known to the month or year spans the
    rows of that period; an article's day is inside a period's row only (else it is a line)."""
    inside = row.grouped and article.date.startswith(row.period)
    return inside or article.covers(row.period)


def _line_goes_after(row: Row, following: Row | None, article: Article) -> bool:
    """Whether the article's day falls after this row and before the next one."""
    return not article.after(row.marks[-1].date) and (following is None or article.after(following.head.date))


def _axis(dots: list[tuple[float | None, bool]]) -> str:
    """The axis from dot to dot; None marks where a year begins, True a gap of whole years (dashed)."""
    out, last, dashed = [], None, False
    for y, gap in dots:
        if y is None:
            dashed = dashed or gap
            continue
        if last is not None:
            out.append(f'<line class="ex-axis{" ex-gap" if dashed else ""}" x1="{n(AXIS_X)}" y1="{n(last)}" '
                       f'x2="{n(AXIS_X)}" y2="{n(y)}"/>')
        last, dashed = y, False
    return "".join(out)


def _marker_text(article: Article, y: float) -> str:
    return (f'<text class="ex-article" x="{n(TITLE_X)}" y="{n(y + DATE_SIZE * 0.8)}" font-size="{n(DATE_SIZE)}">'
            f'Source article · {x(long_date(article.date))}</text>')


def _marker_line(article: Article, y: float) -> str:
    return (f'<line class="ex-article-line" x1="{n(AXIS_X - 8)}" y1="{n(y + 2)}" x2="{n(COLUMN_W - 4)}" '
            f'y2="{n(y + 2)}"/>' + _marker_text(article, y + 6))


def _row(row: Row, y: float) -> tuple[str, float, float]:
    """One row at `y`: its dot on the axis, date and title, as one link; the dot's y; the y below it."""
    head = row.head
    many = len(row.marks) > 1
    when = short_date(row.period, with_year=False) if len(row.period) > 4 else row.period
    words = (f"{count(len(row.marks), 'event')}: " + "; ".join(m.title for m in row.marks)) if many else head.title
    lines = wrap(words, SIZE, COLUMN_W - TITLE_X - 4, max_lines=row.lines)
    baseline = y + SIZE * 0.8
    dot_y = baseline - SIZE * 0.32
    spans = "".join(f'<tspan x="{n(TITLE_X)}" dy="{0 if i == 0 else n(LINE_H)}">{x(line)}</tspan>'
                    for i, line in enumerate(lines))
    body = (dot(head, AXIS_X, dot_y, 6)
            + f'<text class="ex-date" x="{n(DATE_X)}" y="{n(baseline)}" font-size="{n(DATE_SIZE)}">{x(when)}</text>'
            + f'<text class="ex-label" x="{n(TITLE_X)}" y="{n(baseline)}" font-size="{n(SIZE)}">{spans}</text>')
    label = f"{long_date(row.period)}: {words}"
    return link(head.href, label, body, "ex-row"), dot_y, y + LINE_H * len(lines) + 9
