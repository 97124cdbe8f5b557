"""The wide timeline: a strip of months with a stack of dots each, labelled by flags above them.

The axis is ordinal (months without events are left out, and a break is marked where time is
skipped), so that a decade with few events and a busy year both stay readable. Each flag names a
month's event, or its events where there are several, and stands on a stem from its dots; flags go
in rows above the strip so that no flag covers another or a stem. Where a month's flag finds no
room, it joins the flag before it, which then names both months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..text import human_date as long_date
from .common import MONTHS, count, link, n, short_date, svg_open, text_width, wrap, x
from .layout import Box, free, text_box
from .timeline_marks import Article, Mark, dot

WIDTH, MARGIN = 760.0, 12.0
COLUMNS_MAX = 26  # past this many months with events, the strip has a column per year
SIZE, LINE_H, FLAG_W = 13.0, 16.0, 110.0
LANES = {"above": 4, "below": 3}  # rows of flags over the dots, and hanging under the month names
LANE_GAP = 8.0
LANE_H = LINE_H * 3 + LANE_GAP
DOT_R, DOT_STEP, STACK_MAX = 6.0, 15.0, 8
# Below the axis (y down from the lowest dot's centre): month names, year spans and names, then flags.
AXIS, MONTH_Y, YEAR_LINE_Y, YEAR_Y, BELOW = 12.0, 29.0, 39.0, 57.0, 72.0

@dataclass(frozen=True)
class Column:
    period: str  # YYYY-MM, or YYYY for a date known only to the year (or a strip of years)
    marks: tuple[Mark, ...]
    x: float

@dataclass(frozen=True)
class Flag:
    columns: tuple[Column, ...]
    lines: tuple[str, ...]
    box: Box  # relative to the top of the dots, y upwards negative
    stem: tuple[float, float, float]  # x, top, bottom
    anchor: str

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

def flag_lines(group: Sequence[Column]) -> list[str]:
    """A flag's words: the date (or the period and how many events), then the titles, cut to two lines."""
    marks = [m for c in group for m in c.marks]
    if len(marks) == 1:
        return [short_date(marks[0].date)] + wrap(marks[0].title, SIZE, FLAG_W, max_lines=2)
    first, last = group[0].period, group[-1].period
    when = short_date(first) if first == last else _range(first, last)
    words = f"{count(len(marks), 'event')}: " + "; ".join(m.title for m in marks)
    return [when] + wrap(words, SIZE, FLAG_W, max_lines=2)

def _range(first: str, last: str) -> str:
    if len(first) == 4 or len(last) == 4:
        return f"{first[:4]}–{last[:4]}"
    if first[:4] == last[:4]:
        return f"{MONTHS[int(first[5:7]) - 1][:3]}–{short_date(last)}"
    return f"{short_date(first)}–{short_date(last)}"

def flags(cols: Sequence[Column], base: float) -> list[Flag]:
    """Every column's flag, placed in the rows above `base` (the top of the tallest stack, y up negative)
    or hanging below the year names; a flag with no room joins the one before it."""
    fixed = [box for box, _ in _years(cols)]
    placed: list[Flag] = []
    queue = [(c,) for c in cols]
    while queue:
        group = queue.pop(0)
        prefer = "below" if len(placed) % 2 else "above"  # sides in turn: two staircases share the width
        flag = _place(group, placed, fixed, base, prefer=prefer)
        if flag is not None or not placed:
            placed.append(flag or _place(group, placed, fixed, base, force=True))
            continue
        queue.insert(0, placed.pop().columns + group)
    return placed


def _place(group: tuple[Column, ...], placed: list[Flag], fixed: list[Box], base: float,
           force: bool = False, prefer: str = "above") -> Flag | None:
    """The first flag position that keeps clear of every flag, stem and year name: the rows farthest
    from the strip first, so that the next flags can stand on shorter stems under it."""
    lines = flag_lines(group)
    stem_x = group[0].x
    dots_top = -DOT_STEP * (min(len(group[0].marks), STACK_MAX) - 1) - DOT_R - 2
    height = LINE_H * len(lines)
    sides = ("above", "below") if prefer == "above" else ("below", "above")
    for side in sides:
        for lane in range(LANES[side] - 1, -1, -1):
            if side == "above":
                top = base - LANE_GAP - lane * LANE_H - height
                stem = (stem_x, top + height, dots_top)
            else:
                top = BELOW + lane * LANE_H
                stem = (stem_x, YEAR_Y + 5, top)  # hanging under the year names, in line with its month
            for anchor in ("start", "end"):
                text_x = stem_x + (4 if anchor == "start" else -4)
                box = text_box(lines, SIZE, text_x, top, anchor, LINE_H, bold=True)
                box = Box(min(box.x0, stem_x), box.y0, max(box.x1, stem_x), box.y1)
                flag = Flag(group, tuple(lines), box, (stem[0], min(stem[1:]), max(stem[1:])), anchor)
                if force or _fits(flag, placed, fixed):
                    return flag
    return None


def _fits(flag: Flag, placed: list[Flag], fixed: list[Box]) -> bool:
    if flag.box.x0 < 2 or flag.box.x1 > WIDTH - 2:
        return False
    stem = Box(flag.stem[0] - 1, flag.stem[1], flag.stem[0] + 1, flag.stem[2])
    others = [f.box for f in placed] + fixed
    stems = [Box(f.stem[0] - 1, f.stem[1], f.stem[0] + 1, f.stem[2]) for f in placed]
    return free(flag.box, others, 4) and free(stem, others, 2) and free(flag.box, stems, 2)


def _years(cols: Sequence[Column]) -> list[tuple[Box, tuple[str, float, float]]]:
    """Each year's name box (y down from the lowest dot), and the year with its span's ends."""
    spans: dict[str, list[float]] = {}
    for col in cols:
        spans.setdefault(col.period[:4], []).append(col.x)
    out = []
    for year, xs in spans.items():
        x0, x1 = xs[0] - 14, xs[-1] + 14
        w = text_width(year, SIZE + 1, bold=True)
        out.append((Box((x0 + x1) / 2 - w / 2, YEAR_Y - SIZE, (x0 + x1) / 2 + w / 2, YEAR_Y + 3), (year, x0, x1)))
    return out


def strip(drawn: Sequence[Mark], article: Article | None, title: str, desc: str) -> str:
    """The wide timeline as SVG."""
    cols = columns(drawn)
    tallest = max(min(len(c.marks), STACK_MAX) for c in cols)
    base = -DOT_STEP * (tallest - 1) - DOT_R - 6
    placed = flags(cols, base)
    top = min(f.box.y0 for f in placed) - (30 if article else 8)
    bottom = max([YEAR_Y + 6] + [f.box.y1 + 6 for f in placed])
    shift = -top  # flags were placed with the lowest dot's centre at 0
    body = [_band(cols, article, shift + AXIS, top)] + [_flag(f, shift) for f in placed]
    body += [_stack(c, shift) for c in cols] + _axis(cols, shift)
    return (svg_open("ex-timeline ex-wide", WIDTH, bottom + shift, "ex-timeline-wide", title, desc)
            + "".join(body) + "</svg>")


def _flag(flag: Flag, dy: float) -> str:
    """A flag and its stem, as one link to the first event it names."""
    sx, s0, s1 = flag.stem
    tx = sx + (4 if flag.anchor == "start" else -4)
    baseline = flag.box.y0 + dy + SIZE * 0.8
    head, *rest = flag.lines
    spans = "".join(f'<tspan x="{n(tx)}" dy="{n(LINE_H)}">{x(line)}</tspan>' for line in rest)
    body = (f'<line class="ex-stem" x1="{n(sx)}" y1="{n(s0 + dy)}" x2="{n(sx)}" y2="{n(s1 + dy)}"/>'
            f'<text class="ex-label" x="{n(tx)}" y="{n(baseline)}" font-size="{n(SIZE)}" text-anchor="{flag.anchor}">'
            f'<tspan class="ex-date">{x(head)}</tspan>{spans}</text>')
    first = flag.columns[0].marks[0]
    return link(first.href, " ".join(flag.lines), body, "ex-flag")

def _stack(col: Column, dy: float) -> str:
    """A column's dots, each a link to its event, from the axis up."""
    out = []
    for j, mark in enumerate(col.marks[:STACK_MAX]):
        out.append(link(mark.href, f"{long_date(mark.date)}: {mark.title}", dot(mark, col.x, dy - j * DOT_STEP, DOT_R)))
    return "".join(out)


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
    for _, (year, x0, x1) in _years(cols):
        out.append(f'<line class="ex-year-span" x1="{n(x0)}" y1="{n(dy + YEAR_LINE_Y)}" x2="{n(x1)}" '
                   f'y2="{n(dy + YEAR_LINE_Y)}"/>')
        out.append(f'<text class="ex-year" x="{n((x0 + x1) / 2)}" y="{n(dy + YEAR_Y)}" font-size="{n(SIZE + 1)}" '
                   f'text-anchor="middle">{x(year)}</text>')
    return out


def _band(cols: Sequence[Column], article: Article | None, axis: float, top: float) -> str:
    """The source article's month (or year), shaded from the axis to the top, named at the top."""
    if article is None:
        return ""
    inside = [c for c in cols if c.period.startswith(article.date[:len(c.period)])]
    if not inside:
        return ""
    x0, x1 = inside[0].x - 18, inside[-1].x + 18
    label = f"Source article · {long_date(article.date)}"
    cx = min(max((x0 + x1) / 2, MARGIN + 90), WIDTH - MARGIN - 90)
    return (f'<rect class="ex-article-band" x="{n(x0)}" y="4" width="{n(x1 - x0)}" height="{n(axis - 4)}" rx="4"/>'
            f'<text class="ex-article" x="{n(cx)}" y="{n(18)}" font-size="{n(SIZE)}" text-anchor="middle">'
            f'{x(label)}</text>')

