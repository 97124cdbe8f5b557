"""Boxes and label placement, shared by the pictures.

Every label and mark a picture draws is known here as a box, so that placement can keep them
apart and a test can check the result in Python before a browser checks it again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .common import text_width


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle: x0 ≤ x1, y0 ≤ y1, in the picture's units."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, pad: float = 0.0) -> bool:
        return (self.x0 - pad < other.x1 and other.x0 - pad < self.x1
                and self.y0 - pad < other.y1 and other.y0 - pad < self.y1)

    def within(self, bounds: Box) -> bool:
        return self.x0 >= bounds.x0 and self.y0 >= bounds.y0 and self.x1 <= bounds.x1 and self.y1 <= bounds.y1


def around(cx: float, cy: float, r: float) -> Box:
    """The box of a circle or a square mark."""
    return Box(cx - r, cy - r, cx + r, cy + r)


def text_box(lines: Sequence[str], size: float, x: float, top: float, anchor: str, line_h: float,
             bold: bool = False) -> Box:
    """The box of lines of text whose first line's top is at `top`, anchored at `x` (start, middle, end)."""
    w = max(text_width(line, size, bold) for line in lines)
    x0 = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
    return Box(x0, top, x0 + w, top + line_h * len(lines))


def free(box: Box, taken: Iterable[Box], pad: float = 0.0) -> bool:
    return not any(box.overlaps(other, pad) for other in taken)


def overlapping_pairs(boxes: Sequence[Box], pad: float = 0.0) -> list[tuple[int, int]]:
    """Every pair of boxes that overlap (the tests check drawings with it)."""
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if boxes[i].overlaps(boxes[j], pad)]


@dataclass(frozen=True)
class Spot:
    """Where a point's label goes: its anchor and first baseline, its box, and a leader line from the
    point to the label's edge (None: the label sits right by its point)."""

    anchor: str
    x: float
    y: float
    box: Box
    leader: tuple[float, float, float, float] | None = None


def spots(px: float, py: float, lines: Sequence[str], size: float, line_h: float, r: float,
          reach: Sequence[float] = (1.0,)) -> list[Spot]:
    """Places around a point for its label, best first: right, left, above, below, then the corners;
    each ring of `reach` further out (past the first, with a leader line back to the point)."""
    out: list[Spot] = []
    h = line_h * len(lines)
    ascent = size * 0.8  # from a line's top to its baseline
    for k, far in enumerate(reach):
        gap = (r + 3) * far + (0 if k == 0 else 4)
        for anchor, dx, dy in (("start", gap, -h / 2), ("end", -gap, -h / 2), ("middle", 0, -gap - h),
                               ("middle", 0, gap), ("start", gap * 0.75, -gap * 0.75 - h),
                               ("end", -gap * 0.75, -gap * 0.75 - h), ("start", gap * 0.75, gap * 0.75),
                               ("end", -gap * 0.75, gap * 0.75)):
            x, top = px + dx, py + dy
            box = text_box(lines, size, x, top, anchor, line_h)
            leader = None if k == 0 else (px, py, min(max(px, box.x0), box.x1), min(max(py, box.y0), box.y1))
            out.append(Spot(anchor, x, top + ascent, box, leader))
    return out


def place(options: Sequence[Sequence[Spot]], taken: list[Box], bounds: Box, pad: float = 2.0) -> list[Spot | None]:
    """For each label, the first of its spots inside `bounds` that overlaps nothing in `taken` nor a label
    placed before it (None where every spot is blocked). Placed labels are added to `taken`. Labels
    with the fewest free spots go first, so that a crowded point is not left with none."""
    def room(i: int) -> int:
        return sum(1 for s in options[i] if s.box.within(bounds) and free(s.box, taken, pad))

    order = sorted(range(len(options)), key=lambda i: (room(i), i))
    chosen: list[Spot | None] = [None] * len(options)
    for i in order:
        for spot in options[i]:
            if spot.box.within(bounds) and free(spot.box, taken, pad) and not _crosses(spot, taken):
                chosen[i] = spot
                taken.append(spot.box)
                break
    return chosen


def _crosses(spot: Spot, taken: list[Box]) -> bool:
    """Whether the spot's leader line runs through a box already taken (checked at a few points)."""
    if spot.leader is None:
        return False
    x0, y0, x1, y1 = spot.leader
    samples = [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in (0.35, 0.5, 0.65, 0.8, 0.95)]
    return any(b.x0 < sx < b.x1 and b.y0 < sy < b.y1 for b in taken for sx, sy in samples)
