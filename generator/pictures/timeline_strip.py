"""The wide timeline's overview: a strip of months with a stack of dots each, labelled by flags.

The axis is ordinal (months without events are left out, and a break is marked where time is
skipped), so that a decade with few events and a busy year both stay readable. Each flag names a
month's event, or its events where there are several (timeline_flags.py places them). Where the
period since the source article is drawn again in detail below, its months share one flag that
says so, and leave the room to the older months.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text import human_date as long_date
from .common import MONTHS, count, n, short_date, wrap, x
from .timeline_flags import (
    AXIS,
    DOT_R,
    FLAG_W,
    LANES,
    MARGIN,
    MONTH_Y,
    SIZE,
    WIDTH,
    YEAR_Y,
    Column,
    Flag,
    band,
    draw_flag,
    draw_stack,
    draw_years,
    flags,
    stack_rise,
    years,
)
from .timeline_marks import Article, Mark, in_zoom

COLUMNS_MAX = 26  # past this many months with events, the strip has a column per year


def columns(drawn: Sequence[Mark]) -> list[Column]:
    """Columns in date order, spaced evenly, with room for a break where time is skipped."""
    width = 7 if len({m.date[:7] for m in drawn}) <= COLUMNS_MAX else 4
    grouped: dict[str, list[Mark]] = {}
    for m in drawn:
        grouped.setdefault(m.date[:width], []).append(m)
    periods = list(grouped)
    breaks = [i for i in range(1, len(periods)) if not _next_to(periods[i - 1], periods[i])]
    step = min(56.0, (WIDTH - 2 * MARGIN - 14 * len(breaks)) / len(periods))
    out, cursor = [], MARGIN
    for i, period in enumerate(periods):
        cursor += 14 if i in breaks else 0
        out.append(Column(period, tuple(grouped[period]), cursor + step / 2))
        cursor += step
    return out


def _next_to(a: str, b: str) -> bool:
    """Whether period b directly follows period a (no month or year without events between them)."""
    if len(a) == 4 or len(b) == 4:
        return int(b[:4]) - int(a[:4]) <= (0 if len(a) == 4 and len(b) > 4 else 1)
    return (int(b[:4]) * 12 + int(b[5:7])) - (int(a[:4]) * 12 + int(a[5:7])) <= 1


def flag_groups(cols: Sequence[Column], zoom: str | None = None) -> list[tuple[Column, ...]]:
    """The columns each flag starts from: one each, but the columns wholly in the detailed period share one."""
    inside = [c for c in cols if zoom and all(in_zoom(m.date, zoom) for m in c.marks)]
    return [(c,) for c in cols if c not in inside] + ([tuple(inside)] if inside else [])


def flag_lines(group: Sequence[Column], zoom: str | None = None) -> list[str]:
    """A flag's words: the date (or the period and how many events), then the titles, cut to two lines;
    for the detailed period, how many events it holds and where they are named."""
    marks = [m for c in group for m in c.marks]
    first, last = group[0].period, group[-1].period
    when = short_date(first) if first == last else _range(first, last)
    detailed = sum(1 for m in marks if zoom and in_zoom(m.date, zoom))
    if detailed:
        head = f"From {short_date(first)}" if detailed == len(marks) else when
        some = "" if detailed == len(marks) else f" {detailed}"
        return [head] + wrap(f"{count(len(marks), 'event')},{some} in detail below", SIZE, FLAG_W, max_lines=2)
    if len(marks) == 1:
        return [short_date(marks[0].date)] + wrap(marks[0].title, SIZE, FLAG_W, max_lines=2)
    words = f"{count(len(marks), 'event')}: " + "; ".join(m.title for m in marks)
    return [when] + wrap(words, SIZE, FLAG_W, max_lines=2)


def _range(first: str, last: str) -> str:
    if len(first) == 4 or len(last) == 4:
        return f"{first[:4]}–{last[:4]}"
    if first[:4] == last[:4]:
        return f"{MONTHS[int(first[5:7]) - 1][:3]}–{short_date(last)}"
    return f"{short_date(first)}–{short_date(last)}"


def overview_flags(cols: Sequence[Column], zoom: str | None = None) -> list[Flag]:
    """The overview's flags, placed clear of each other, their stems and the year names: in as few rows
    as leave the most flags their own (fewer flags have had to join their neighbours')."""
    base = -stack_rise(max(len(c.marks) for c in cols)) - DOT_R - 6
    groups, fixed = flag_groups(cols, zoom), [box for box, _ in years(cols)]
    worded: dict[tuple[Column, ...], list[str]] = {}  # a group's words are the same in every trial

    def words(group: tuple[Column, ...]) -> list[str]:
        if group not in worded:
            worded[group] = flag_lines(group, zoom)
        return worded[group]

    trials = []
    for lanes in sorted(((a, b) for a in range(1, LANES[0] + 1) for b in range(LANES[1] + 1)), key=sum):
        trials.append(flags(groups, base, words, fixed, lanes))
        if len(trials[-1]) == len(groups):  # no flag has had to join another: fewer rows do no better
            break
    return max(trials, key=lambda placed: (len(placed), -_height(placed)))


def _height(placed: Sequence[Flag]) -> float:
    return max([YEAR_Y] + [f.box.y1 for f in placed]) - min(f.box.y0 for f in placed)


def strip(drawn: Sequence[Mark], article: Article | None, zoom: str | None = None) -> tuple[str, float]:
    """The wide timeline's overview, as SVG elements, and its height (`zoom`: the first month drawn again
    in detail, if any)."""
    cols = columns(drawn)
    placed = overview_flags(cols, zoom)
    top = min(f.box.y0 for f in placed) - (30 if article else 8)
    bottom = max([YEAR_Y + 6] + [f.box.y1 + 6 for f in placed])
    shift = -top  # flags were placed with the lowest dot's centre at 0
    body = [_band(cols, article, shift + AXIS)] + [draw_flag(f, shift) for f in placed]
    body += [draw_stack(c, shift) for c in cols] + _axis(cols, shift)
    return "".join(body), bottom + shift


def _axis(cols: Sequence[Column], dy: float) -> list[str]:
    """The axis line, break marks, month names and year spans."""
    axis = dy + AXIS
    out = [f'<line class="ex-axis" x1="{n(MARGIN)}" y1="{n(axis)}" x2="{n(WIDTH - MARGIN)}" y2="{n(axis)}"/>']
    for prev, col in zip([None, *cols[:-1]], cols, strict=True):
        if prev is not None and not _next_to(prev.period, col.period):
            bx = (prev.x + col.x) / 2
            out.append(f'<path class="ex-break" d="M{n(bx - 3)} {n(axis + 6)} L{n(bx + 3)} {n(axis - 6)}"/>')
        if len(col.period) > 4:
            out.append(f'<text class="ex-month" x="{n(col.x)}" y="{n(dy + MONTH_Y)}" font-size="{n(SIZE)}" '
                       f'text-anchor="middle">{x(MONTHS[int(col.period[5:7]) - 1][:3])}</text>')
    return out + draw_years(cols, dy)


def _band(cols: Sequence[Column], article: Article | None, axis: float) -> str:
    """The source article's month (or year), shaded from the axis to the top, named at the top."""
    if article is None:
        return ""
    inside = [c for c in cols if c.period.startswith(article.date[:len(c.period)])]
    if not inside:
        return ""
    return band(inside[0].x - 18, inside[-1].x + 18, axis, f"Source article · {long_date(article.date)}")
