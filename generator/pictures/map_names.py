"""The names on the map: each country's, where it fits well inside its own outline, and the sea's.

A name stands in its country's outline and the sea, never across a neighbour's, or is left out (the
caption names every outline): across a neighbour it would say more than the map means to.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .common import n, text_width, x
from .geo import Projection, Region
from .layout import Box, free

# The countries the map names in the drawing; the caption names every outline. Israel's name is left
# out of the drawing: the data draws the Golan Heights inside its outline, and in the little room the
# frame leaves, the name would be written over the Golan, which would say more than the map means to.
NAMED = ("Syria", "Turkey", "Iraq", "Jordan", "Lebanon")


@dataclass(frozen=True)
class Outline:
    """A ring on the drawing, with its bounding box (most points are outside it: that test is cheap)."""

    points: tuple[tuple[float, float], ...]
    box: Box

    @classmethod
    def of(cls, ring, project: Projection) -> Outline:
        points = tuple(project(lon, lat) for lon, lat in ring)
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return cls(points, Box(min(xs), min(ys), max(xs), max(ys)))

    def contains(self, px: float, py: float) -> bool:
        """Whether a point is inside the ring (even-odd rule)."""
        b = self.box
        if not (b.x0 <= px <= b.x1 and b.y0 <= py <= b.y1):
            return False
        inside = False
        for (x1, y1), (x2, y2) in zip(self.points, self.points[1:] + self.points[:1], strict=True):
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
        return inside

    def distance(self, px: float, py: float) -> float:
        """The distance from a point to the ring's nearest edge."""
        best = math.inf
        for (x1, y1), (x2, y2) in zip(self.points, self.points[1:] + self.points[:1], strict=True):
            dx, dy = x2 - x1, y2 - y1
            t = ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy or 1.0)
            t = 0.0 if t < 0 else 1.0 if t > 1 else t
            ex, ey = px - x1 - t * dx, py - y1 - t * dy
            d = ex * ex + ey * ey
            if d < best:
                best = d
        return math.sqrt(best)


def deepest(region: Region, project: Projection) -> dict[str, list[tuple[float, float]]]:
    """For each named country, points of a grid inside it, the farthest from its outline first, as
    fractions of the drawing's width (the order is the same at every width: it is worked out once)."""
    width = project.width
    bounds = Box(2, 2, width - 2, project.height - 2)
    return {name: [(px / width, py / width)
                   for px, py in _inside_spots([Outline.of(r, project) for r in rings], bounds)]
            for name, rings in region.countries if name in NAMED}


def country_names(region: Region, project: Projection, deep: dict, taken: list[Box], bounds: Box,
                   size: float) -> str:
    """Each named country's name, in the free spot deepest inside its part of the frame; then the sea's.
    A name stands in its country's outline and the sea, never across a neighbour's, or is left out (the
    caption names every outline): across a neighbour it would say more than the map means to."""
    outlines = {name: [Outline.of(ring, project) for ring in rings] for name, rings in region.countries}
    out = []
    for name, own in outlines.items():
        if name not in NAMED:
            continue
        big = name == "Syria"
        label, label_size = name.upper(), size * 1.3 if big else max(11.8, size * 0.85)
        w = text_width(label, label_size, bold=True) + (0.3 if big else 0.14) * label_size * len(label)
        others = [o for other, rings in outlines.items() if other != name for o in rings]
        for cx, cy in ((u * project.width, v * project.width) for u, v in deep[name]):
            box = Box(cx - w / 2, cy - label_size / 2, cx + w / 2, cy + label_size / 2)
            if box.within(bounds) and free(box, taken, 3) and _clear_of_neighbours(box, own, others):
                taken.append(box)
                out.append(f'<text class="ex-country{" ex-subject" if big else ""}" font-size="{n(label_size)}" '
                           f'x="{n(cx)}" y="{n(cy + label_size * 0.35)}" text-anchor="middle">{x(label)}</text>')
                break
    every = [o for rings in outlines.values() for o in rings]
    return "".join(out) + _sea(every, taken, bounds, size)


def _inside_spots(own: list[Outline], bounds: Box, step: float = 18.0) -> list[tuple[float, float]]:
    """Points of a grid inside the country and the frame, the farthest from its outline first (a name
    there sits well inside its country, not on a border)."""
    found = []
    for ring in own:
        area = Box(max(ring.box.x0, bounds.x0), max(ring.box.y0, bounds.y0),
                   min(ring.box.x1, bounds.x1), min(ring.box.y1, bounds.y1))
        for i in range(int((area.x1 - area.x0) / step)):
            for j in range(int((area.y1 - area.y0) / step)):
                px, py = area.x0 + (i + 0.5) * step, area.y0 + (j + 0.5) * step
                if ring.contains(px, py):
                    room = min(ring.distance(px, py), px - bounds.x0, bounds.x1 - px, py - bounds.y0, bounds.y1 - py)
                    found.append((-room, px, py))
    return [(px, py) for _, px, py in sorted(found)]


def _clear_of_neighbours(box: Box, own: list[Outline], others: list[Outline]) -> bool:
    """Whether every point of a grid over the box is in the country's own outline or in the sea."""
    grid = [(box.x0 + (box.x1 - box.x0) * i / 4, box.y0 + (box.y1 - box.y0) * j / 2)
            for i in range(5) for j in range(3)]
    return all(any(o.contains(px, py) for o in own) or not any(o.contains(px, py) for o in others)
               for px, py in grid)


def _sea(outlines: list[Outline], taken: list[Box], bounds: Box, size: float) -> str:
    """The sea's name, in the first stretch of water along the frame's west side wide enough for it:
    across, or else upright along the coast."""
    label, label_size = "Mediterranean Sea", size * 0.95
    w, h = text_width(label, label_size), label_size * 1.1
    for upright in (False, True):
        bw, bh = (h, w) if upright else (w, h)
        for top in range(int(bounds.y0) + 6, int(bounds.y1 - bh) - 6, 6):
            box = Box(bounds.x0 + 6, top, bounds.x0 + 6 + bw, top + bh)
            grid = [(box.x0 + (box.x1 - box.x0) * a / 4, box.y0 + (box.y1 - box.y0) * b / 4)
                    for a in range(5) for b in range(5)]
            if free(box, taken, 3) and not any(o.contains(gx, gy) for o in outlines for gx, gy in grid):
                taken.append(box)
                cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
                turn = f' transform="rotate(-90 {n(cx)} {n(cy)})"' if upright else ""
                return (f'<text class="ex-sea-name" x="{n(cx)}" y="{n(cy + label_size * 0.35)}" '
                        f'font-size="{n(label_size)}" text-anchor="middle"{turn}>{label}</text>')
    return ""
