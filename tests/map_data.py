"""Refresh generator/pictures/data/syria-region.json from Natural Earth, as packaged by world-atlas.

    make map-data        (or: npm pack world-atlas@2.0.2 in a temporary folder, unpack it, then
                          python -m tests.map_data PATH/package/countries-50m.json)

Keeps the countries that show in the map's frame, with each border simplified once (so that two
countries sharing it still meet), cut to the frame and a margin around it (so that no cut edge
shows), rounded to 0.001 degrees. The build only reads the result: nothing is fetched then.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from tests.helpers import ROOT

OUT = ROOT / "generator" / "pictures" / "data" / "syria-region.json"
FRAME = (34.85, 31.9, 42.55, 37.55)  # west, south, east, north: what the map shows
MARGIN = 0.35  # degrees kept around the frame
TOLERANCE = 0.006  # Douglas-Peucker, in degrees (about 600 m)
SOURCE = {
    "data": "Natural Earth, Admin 0 – Countries, 1:50m, version 4.1.0 (public domain)",
    "package": "world-atlas 2.0.2 (npm), file countries-50m.json",
    "home": "https://www.naturalearthdata.com/",
    "golan": ("In this data the Golan Heights lies inside the outline named Israel; it has no outline of its "
              "own. The map draws the outlines as they are and claims nothing about borders or control."),
}


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: the fewest points within `tolerance` of the line, its ends kept."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        far, at = 0.0, None
        for k in range(i + 1, j):
            d = _distance(points[k], points[i], points[j])
            if d > far:
                far, at = d, k
        if at is not None and far > tolerance:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _distance(p, a, b) -> float:
    if a == b:
        return math.dist(p, a)
    return abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / math.dist(a, b)


def clip(ring: list[tuple[float, float]], west: float, south: float, east: float, north: float) -> list:
    """Sutherland-Hodgman: the part of a ring inside a rectangle."""
    def cut_x(x):
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def cut_y(y):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    for inside, cut in ((lambda p: p[0] >= west, cut_x(west)), (lambda p: p[0] <= east, cut_x(east)),
                        (lambda p: p[1] >= south, cut_y(south)), (lambda p: p[1] <= north, cut_y(north))):
        out = []
        for k, cur in enumerate(ring):
            prev = ring[k - 1]
            if inside(cur) != inside(prev):
                out.append(cut(prev, cur))
            if inside(cur):
                out.append(cur)
        ring = out
        if not ring:
            break
    return ring


def rings(topology: dict, geometry: dict) -> list[list[tuple[float, float]]]:
    """A TopoJSON geometry's rings in degrees, each arc decoded and simplified."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]

    def arc(i: int) -> list[tuple[float, float]]:
        x = y = 0
        points = []
        for dx, dy in topology["arcs"][i if i >= 0 else ~i]:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        points = simplify(points, TOLERANCE)
        return points if i >= 0 else points[::-1]

    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    out = []
    for polygon in polygons:
        for ring in polygon:
            points: list[tuple[float, float]] = []
            for i in ring:
                points.extend(arc(i) if not points else arc(i)[1:])
            out.append(points)
    return out


def region(topology: dict) -> dict:
    west, south, east, north = FRAME
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kept = []
        for ring in rings(topology, geometry):
            if not clip(ring, *FRAME):
                continue  # nothing of it shows
            part = clip(ring, west - MARGIN, south - MARGIN, east + MARGIN, north + MARGIN)
            if len(part) >= 3:
                kept.append([[round(x, 3), round(y, 3)] for x, y in part])
        if kept:
            countries.append({"name": geometry["properties"]["name"], "id": geometry.get("id"), "rings": kept})
    processing = (f"Rings cut to longitude {west - MARGIN:.2f} to {east + MARGIN:.2f} and latitude "
                  f"{south - MARGIN:.2f} to {north + MARGIN:.2f} (the map's frame and {MARGIN:.2f} degrees around "
                  f"it), simplified "
                  f"(Douglas-Peucker, {TOLERANCE:.3f} degrees) and rounded to 0.001 degrees.")
    return {"source": {**SOURCE, "processing": processing},
            "frame": {"west": west, "south": south, "east": east, "north": north},
            "countries": sorted(countries, key=lambda c: c["name"])}


if __name__ == "__main__":
    data = region(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes, "
          f"{', '.join(c['name'] for c in data['countries'])}")
