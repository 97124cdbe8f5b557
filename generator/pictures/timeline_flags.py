"""The overview strip's columns of dots, the flags that name them, and the years under the axis.

Each flag names a column's event, or the events of several columns, and stands on a stem from its
dots; flags go in rows above the strip or hang under the year names, so that no flag covers another,
a stem or a name. Where a flag finds no room, it joins the flag before it, which then names both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..text import human_date as long_date
from .common import link, n, text_width, x
from .layout import Box, free, text_box
from .timeline_marks import Mark, dot

WIDTH, MARGIN = 760.0, 12.0
SIZE, LINE_H, FLAG_W = 13.0, 16.0, 110.0
LANES = (4, 3)  # the most rows of flags over the dots, and hanging under the year names
LANE_GAP = 8.0
LANE_H = LINE_H * 3 + LANE_GAP
DOT_R, DOT_STEP, STACK_MAX = 6.0, 15.0, 8  # past STACK_MAX dots, a stack keeps its height: its dots close up
# Below the axis (y down from the lowest dot's centre): month names, year spans and names, then flags.
AXIS, MONTH_Y, YEAR_LINE_Y, YEAR_Y, BELOW = 12.0, 29.0, 39.0, 57.0, 72.0


@dataclass(frozen=True)
class Column:
    period: str  # YYYY-MM or YYYY: a month's or a year's events
    marks: tuple[Mark, ...]
    x: float


@dataclass(frozen=True)
class Flag:
    columns: tuple[Column, ...]
    lines: tuple[str, ...]
    box: Box  # relative to the lowest dot's centre, y upwards negative
    stem: tuple[float, float, float]  # x, top, bottom
    anchor: str

    @property
    def stem_box(self) -> Box:
        return Box(self.stem[0] - 1, self.stem[1], self.stem[0] + 1, self.stem[2])


Words = Callable[[Sequence[Column]], list[str]]


def flags(groups: Sequence[tuple[Column, ...]], base: float, words: Words, fixed: Sequence[Box] = (),
          lanes: tuple[int, int] = LANES) -> list[Flag]:
    """A flag for each group of columns, placed in `lanes` rows above `base` (the top of the tallest stack,
    y up negative) or hanging below the year names, clear of the `fixed` boxes; a flag with no room joins
    the one before it."""
    fixed = list(fixed)
    placed: list[Flag] = []
    queue = list(groups)
    while queue:
        group = queue.pop(0)
        prefer = "below" if len(placed) % 2 else "above"  # sides in turn: two staircases share the width
        lines = words(group)
        flag = _place(group, lines, placed, fixed, base, lanes, prefer=prefer)
        if flag is not None or not placed:
            placed.append(flag or _place(group, lines, placed, fixed, base, lanes, force=True))
            continue
        queue.insert(0, placed.pop().columns + group)
    return placed


def _place(group: tuple[Column, ...], lines: list[str], placed: list[Flag], fixed: list[Box], base: float,
           lanes: tuple[int, int], force: bool = False, prefer: str = "above") -> Flag | None:
    """The first flag position that keeps clear of every flag, stem and fixed box: the rows farthest
    from the strip first, so that the next flags can stand on shorter stems under it."""
    stem_x = group[0].x
    dots_top = -stack_rise(len(group[0].marks)) - DOT_R - 2
    height = LINE_H * len(lines)
    sides = ("above", "below") if prefer == "above" else ("below", "above")
    for side in sides:
        for lane in range(lanes[0 if side == "above" else 1] - 1, -1, -1):
            if side == "above":
                top = base - LANE_GAP - lane * LANE_H - height
                stem = (stem_x, top + height, dots_top)
            else:
                top = BELOW + lane * LANE_H
                stem = (stem_x, YEAR_Y + 5, top)  # hanging under the year names, in line with its column
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
    others = [f.box for f in placed] + fixed
    stems = [f.stem_box for f in placed]
    return free(flag.box, others, 4) and free(flag.stem_box, others, 2) and free(flag.box, stems, 2)


def stack_rise(count: int) -> float:
    """How far above the axis dot the top dot of a stack of `count` stands."""
    return DOT_STEP * (min(count, STACK_MAX) - 1)


def years(cols: Sequence[Column]) -> list[tuple[Box, tuple[str, float, float]]]:
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


def draw_years(cols: Sequence[Column], dy: float) -> list[str]:
    out = []
    for _, (year, x0, x1) in years(cols):
        out.append(f'<line class="ex-year-span" x1="{n(x0)}" y1="{n(dy + YEAR_LINE_Y)}" x2="{n(x1)}" '
                   f'y2="{n(dy + YEAR_LINE_Y)}"/>')
        out.append(f'<text class="ex-year" x="{n((x0 + x1) / 2)}" y="{n(dy + YEAR_Y)}" font-size="{n(SIZE + 1)}" '
                   f'text-anchor="middle">{x(year)}</text>')
    return out


def draw_flag(flag: Flag, dy: float) -> str:
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


def draw_stack(col: Column, dy: float) -> str:
    """A column's dots, each a link to its event, from the axis up; past STACK_MAX the dots close up."""
    count = len(col.marks)
    step = stack_rise(count) / (count - 1) if count > 1 else 0.0
    return "".join(link(m.href, f"{long_date(m.date)}: {m.title}", dot(m, col.x, dy - j * step, DOT_R))
                   for j, m in enumerate(col.marks))


def band(x0: float, x1: float, axis: float, label: str) -> str:
    """A shaded period from the axis to the top, named at the top (kept inside the strip)."""
    half = text_width(label, SIZE, bold=True) / 2 + 2
    cx = min(max((x0 + x1) / 2, MARGIN + half), WIDTH - MARGIN - half)
    return (f'<rect class="ex-article-band" x="{n(x0)}" y="4" width="{n(x1 - x0)}" height="{n(axis - 4)}" rx="4"/>'
            f'<text class="ex-article" x="{n(cx)}" y="18" font-size="{n(SIZE)}" text-anchor="middle">{x(label)}</text>')
