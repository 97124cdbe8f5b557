"""The timeline picture: a strip across the page on wide screens, a column of rows on phones.

Both are drawn from the same marks and shown one at a time by docs/assets/explainer.css. Every dot
and label links to its event's entry in the list (anchor: the event id); the source article's date
is marked, as a line where the day is known and as a band over the month or year where it is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .common import Href, count, date_key, figure, legend, link, long_date, n, short_date, svg_open, wrap, x

TOPIC_CLASSES = 4  # topic colours cycle through ex-topic-0..3 (docs/assets/explainer.css)
ROWS_MAX = 40  # past this many events, the phone's column has a row per month (then per year)


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


def article_date(sources: Iterable) -> str | None:
    """The date of the earliest source article (the fact sheet's `article` sources), to mark it."""
    dates = [s.date for s in sources if s.kind == "article" and s.date]
    return min(dates, key=date_key) if dates else None


def timeline(events: Sequence, topics: Sequence, href: Href, *, article_date: str | None = None,
             page_of: Callable[[str], str] = lambda _: "timeline.md") -> Markup:
    """The timeline figure: `events` and `topics` are the fact sheet's records; `page_of(event id)` is the
    page listing the event; `article_date` the source article's date (None: not marked)."""
    from .timeline_strip import strip  # the wide version, in its own module

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


def dot(mark: Mark, cx: float, cy: float, r: float) -> str:
    """An event's dot: filled in its topic's colour, hollow where the day is not known."""
    classes = f"ex-event ex-topic-{mark.topic}" + ("" if mark.precise else " ex-imprecise")
    return f'<g class="{classes}"><circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r if mark.precise else r - 1)}"/></g>'


# -- the phone's column ----------------------------------------------------------------------------

COLUMN_W = 360.0  # about the width of a phone's content column: its text stays at its size there
AXIS_X, DATE_X, TITLE_X = 14.0, 28.0, 86.0
SIZE, DATE_SIZE, YEAR_SIZE, LINE_H = 14.0, 13.0, 15.0, 17.0


@dataclass(frozen=True)
class Row:
    """A row of the column: one event, or a period's events where there are too many for a row each."""

    marks: tuple[Mark, ...]
    period: str  # the date shown: the event's, or the month or year of a period

    @property
    def head(self) -> Mark:
        return self.marks[0]


def rows(drawn: Sequence[Mark], limit: int = ROWS_MAX) -> list[Row]:
    """A row per event, or per month, or per year: the finest that stays within `limit` rows."""
    for width in (10, 7, 4):
        if width == 10 and len(drawn) <= limit:
            return [Row((m,), m.date) for m in drawn]
        if width < 10:
            grouped: dict[str, list[Mark]] = {}
            for m in drawn:
                grouped.setdefault(m.date[:width], []).append(m)
            if len(grouped) <= limit or width == 4:
                return [Row(tuple(ms), period) for period, ms in grouped.items()]
    raise AssertionError("unreachable")


def column(drawn: Sequence[Mark], article: Article | None, title: str, desc: str) -> str:
    """The vertical timeline: a year heading where the year changes, then a row per event (date, title).
    The axis runs through the dots, dashed across years without events."""
    back: list[str] = []  # drawn first: the article's band
    body: list[str] = []
    y, year, dots, band = 6.0, "", [], None
    laid = rows(drawn)
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
    """Whether the row's period and the article's date overlap, where one of them is not a single day."""
    if len(article.date) == 10 and len(row.period) == 10:
        return False
    return row.period.startswith(article.date) or article.date.startswith(row.period)


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
    lines = wrap(words, SIZE, COLUMN_W - TITLE_X - 4, max_lines=2)
    baseline = y + SIZE * 0.8
    dot_y = baseline - SIZE * 0.32
    spans = "".join(f'<tspan x="{n(TITLE_X)}" dy="{0 if i == 0 else n(LINE_H)}">{x(line)}</tspan>'
                    for i, line in enumerate(lines))
    body = (dot(head, AXIS_X, dot_y, 6)
            + f'<text class="ex-date" x="{n(DATE_X)}" y="{n(baseline)}" font-size="{n(DATE_SIZE)}">{x(when)}</text>'
            + f'<text class="ex-label" x="{n(TITLE_X)}" y="{n(baseline)}" font-size="{n(SIZE)}">{spans}</text>')
    label = f"{long_date(row.period)}: {words}"
    return link(head.href, label, body, "ex-row"), dot_y, y + LINE_H * len(lines) + 9
