"""A locator map of Syria and its neighbours, with the places the fact sheet names.

The shapes come from Natural Earth (public domain), cut and simplified once into data/syria-region.json
(its `source` says from which package and file, and how). Nothing is fetched, at build or view time.
Every country is drawn alike, the same land colour and the same thin border: the map draws the
outlines as the data has them and colours no area, so it makes no claim about borders or control.
The Golan Heights has no outline of its own in this data; the caption says how the data draws it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from markupsafe import Markup

from .common import Href, count, date_key, figure, link, n, svg_open, text_width, x
from .layout import Box, Spot, around, place
from .layout import spots as label_spots

# The countries the map names in the drawing; the caption names every outline. Israel's name is left
# out of the drawing: the data draws the Golan Heights inside its outline, and in the little room the
# frame leaves, the name would be written over the Golan, which would say more than the map means to.
NAMED = ("Syria", "Turkey", "Iraq", "Jordan", "Lebanon")
KM_PER_DEGREE = 111.2  # of latitude, on the WGS 84 ellipsoid's mean radius (for the scale bar)


@dataclass(frozen=True)
class Region:
    """The map's shapes: the frame (degrees) and each country's rings of (lon, lat)."""

    west: float
    south: float
    east: float
    north: float
    countries: tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]
    source: tuple[tuple[str, str], ...]


def load_region() -> Region:
    """The packaged shapes (read from the package's own files, never from the network)."""
    text = resources.files("generator.pictures").joinpath("data/syria-region.json").read_text(encoding="utf-8")
    raw = json.loads(text)
    frame = raw["frame"]
    countries = tuple((c["name"], tuple(tuple((p[0], p[1]) for p in ring) for ring in c["rings"]))
                      for c in raw["countries"])
    return Region(frame["west"], frame["south"], frame["east"], frame["north"], countries,
                  tuple(raw["source"].items()))


@dataclass(frozen=True)
class Place:
    """A place to draw: its name, where it is, and where its point links to."""

    id: str
    name: str
    lat: float
    lon: float
    href: str


def places(entities: Sequence, href: Href, entity_page: Callable[[str], str] = lambda _: "whos-who.md") -> list[Place]:
    """The place entities that have coordinates, in name order, each linking to its who's who entry."""
    chosen = [e for e in entities if e.kind == "place" and getattr(e, "coordinates", None) is not None]
    return [Place(e.id, e.name, e.coordinates.lat, e.coordinates.lon, str(href(entity_page(e.id), e.id)))
            for e in sorted(chosen, key=lambda e: (e.name.lower(), e.id))]


@dataclass(frozen=True)
class Projection:
    """Equirectangular, stretched by the cosine of the middle latitude: true to shape at this size."""

    region: Region
    width: float

    @property
    def scale(self) -> float:  # pixels per degree of latitude
        r = self.region
        return self.width / ((r.east - r.west) * math.cos(math.radians((r.north + r.south) / 2)))

    @property
    def height(self) -> float:
        return (self.region.north - self.region.south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        r = self.region
        k = math.cos(math.radians((r.north + r.south) / 2))
        return (lon - r.west) * k * self.scale, (r.north - lat) * self.scale


def syria_map(entities: Sequence, href: Href, *, region: Region,
              entity_page: Callable[[str], str] = lambda _: "whos-who.md") -> Markup:
    """The map figure of the place entities that have coordinates: a wide and a narrow drawing (one
    shown per screen width) and a caption that names the data and what the map does not claim."""
    drawn = places(entities, href, entity_page)
    if not drawn:
        return Markup("")
    title = f"Map of Syria and its neighbours with {count(len(drawn), 'place')} named in the fact sheet"
    outlines = ", ".join(name for name, _ in region.countries)
    desc = (f"Country outlines ({outlines}), each place a labelled point: " + ", ".join(p.name for p in drawn)
            + ". The list below gives each place with its events.")
    src = dict(region.source)
    caption = (f"{x(title)}. Each point links to its entry in who’s who. {x(src.get('golan', ''))}"
               f"<br><small>Outlines ({x(outlines)}): {x(src.get('data', ''))}, from the npm package "
               f"{x(src.get('package', ''))}. Places: GeoNames (CC BY 4.0), as the fact sheet cites it.</small>")
    return figure("map", [draw(drawn, region, 600.0, 14.0, "ex-wide", "ex-map-wide", title, desc),
                          draw(drawn, region, 360.0, 13.5, "ex-narrow", "ex-map-narrow", title, desc)], caption)


def place_events(entities: Sequence, events: Sequence, facts: Sequence = ()) -> list[tuple[object, list, list]]:
    """Every place entity (name order) with the events that name it (date order) and the facts that do
    (fact sheet order), for the list under the map."""
    chosen = sorted((e for e in entities if e.kind == "place"), key=lambda e: (e.name.lower(), e.id))
    ordered = sorted(events, key=lambda e: (date_key(e.date), e.id))
    return [(p, [e for e in ordered if p.id in e.entities], [f for f in facts if p.id in f.entities]) for p in chosen]


def draw(drawn: Sequence[Place], region: Region, width: float, size: float, classes: str, ident: str,
         title: str, desc: str) -> str:
    """One drawing of the map at `width`, its place names at `size`."""
    project = Projection(region, width)
    height = project.height
    points, chosen, taken, bar = layout(drawn, project, size)
    bounds = Box(2, 2, width - 2, height - 2)
    shapes = "".join(_country(name, rings, project) for name, rings in region.countries)
    names = _country_names(region, project, taken, bounds, size)
    marks = "".join(_point(p, px, py, POINT_R, spot, size)
                    for (p, px, py), spot in zip(points, chosen, strict=True))
    return (svg_open(f"ex-map {classes}", width, height, ident, title, desc)
            + f'<rect class="ex-sea" x="0" y="0" width="{n(width)}" height="{n(height)}"/>'
            + shapes + bar + names + marks
            + f'<rect class="ex-frame" x="0.5" y="0.5" width="{n(width - 1)}" height="{n(height - 1)}"/></svg>')


POINT_R = 4.5


def layout(drawn: Sequence[Place], project: Projection, size: float):
    """Where the points and their names go: (place, x, y) for each, each name's spot (None: no room),
    every box taken (points, names, the scale bar), and the scale bar's SVG."""
    width, height = project.width, project.height
    points = [(p, *project(p.lon, p.lat)) for p in drawn]
    taken = [around(px, py, POINT_R + 1) for _, px, py in points]
    bar = _scale_bar(project, width, height, size, taken)
    options = [label_spots(px, py, [p.name], size, size * 1.2, POINT_R, reach=(1.0, 2.2, 3.6))
               for p, px, py in points]
    chosen = place(options, taken, Box(2, 2, width - 2, height - 2))
    return points, chosen, taken, bar


def _country(name: str, rings, project: Projection) -> str:
    d = "".join("M" + " L".join(f"{n(a)} {n(b)}" for a, b in (project(lon, lat) for lon, lat in ring)) + "Z"
                for ring in rings)
    return f'<path class="ex-land" d="{d}"><title>{x(name)}</title></path>'


def _country_names(region: Region, project: Projection, taken: list[Box], bounds: Box, size: float) -> str:
    """Each named country's name, in the free spot deepest inside its part of the frame; then the sea's.
    A name stands in its country's outline and the sea, never across a neighbour's, or is left out (the
    caption names every outline): across a neighbour it would say more than the map means to."""
    out = []
    for name, rings in region.countries:
        if name not in NAMED:
            continue
        big = name == "Syria"
        label, label_size = name.upper(), size * 1.3 if big else max(11.8, size * 0.85)
        w = text_width(label, label_size, bold=True) + (0.3 if big else 0.14) * label_size * len(label)
        shapes = [[project(lon, lat) for lon, lat in ring] for ring in rings]
        others = [[project(lon, lat) for lon, lat in ring] for other, rs in region.countries if other != name
                  for ring in rs]
        for cx, cy in _inside_spots(shapes, bounds):
            box = Box(cx - w / 2, cy - label_size / 2, cx + w / 2, cy + label_size / 2)
            if box.within(bounds) and free_of(box, taken) and _clear_of_neighbours(box, shapes, others):
                taken.append(box)
                out.append(f'<text class="ex-country{" ex-subject" if big else ""}" font-size="{n(label_size)}" '
                           f'x="{n(cx)}" y="{n(cy + label_size * 0.35)}" text-anchor="middle">{x(label)}</text>')
                break
    return "".join(out) + _sea(region, project, taken, bounds, size)


def _inside_spots(shapes: list[list[tuple[float, float]]], bounds: Box,
                  step: float = 10.0) -> list[tuple[float, float]]:
    """Points of a grid inside the country and the frame, the farthest from its outline first (a name
    there sits well inside its country, not on a border)."""
    found = []
    for i in range(int((bounds.x1 - bounds.x0) / step)):
        for j in range(int((bounds.y1 - bounds.y0) / step)):
            px, py = bounds.x0 + (i + 0.5) * step, bounds.y0 + (j + 0.5) * step
            if any(_contains(s, px, py) for s in shapes):
                edge = min(_to_outline(s, px, py) for s in shapes)
                found.append((-min(edge, px - bounds.x0, bounds.x1 - px, py - bounds.y0, bounds.y1 - py), i, j, px, py))
    return [(px, py) for *_, px, py in sorted(found)]


def _clear_of_neighbours(box: Box, own: list, others: list) -> bool:
    """Whether every point of a grid over the box is in the country's own outline or in the sea."""
    grid = [(box.x0 + (box.x1 - box.x0) * i / 4, box.y0 + (box.y1 - box.y0) * j / 2)
            for i in range(5) for j in range(3)]
    return all(any(_contains(s, px, py) for s in own) or not any(_contains(s, px, py) for s in others)
               for px, py in grid)


def _to_outline(ring: list[tuple[float, float]], px: float, py: float) -> float:
    """The distance from a point to the nearest edge of a ring."""
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy or 1.0)))
        best = min(best, math.hypot(px - x1 - t * dx, py - y1 - t * dy))
    return best


def _contains(ring: list[tuple[float, float]], px: float, py: float) -> bool:
    """Whether a point is inside a ring (even-odd rule)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _sea(region: Region, project: Projection, taken: list[Box], bounds: Box, size: float) -> str:
    """The sea's name, in the first stretch of water along the frame's west side wide enough for it:
    across, or else upright along the coast."""
    shapes = [[project(lon, lat) for lon, lat in ring] for _, rings in region.countries for ring in rings]
    label, label_size = "Mediterranean Sea", size * 0.95
    w, h = text_width(label, label_size), label_size * 1.1
    for upright in (False, True):
        bw, bh = (h, w) if upright else (w, h)
        for top in range(int(bounds.y0) + 6, int(bounds.y1 - bh) - 6, 6):
            box = Box(bounds.x0 + 6, top, bounds.x0 + 6 + bw, top + bh)
            grid = [(box.x0 + (box.x1 - box.x0) * a / 4, box.y0 + (box.y1 - box.y0) * b / 4)
                    for a in range(5) for b in range(5)]
            if free_of(box, taken) and not any(_contains(s, gx, gy) for s in shapes for gx, gy in grid):
                taken.append(box)
                cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
                turn = f' transform="rotate(-90 {n(cx)} {n(cy)})"' if upright else ""
                return (f'<text class="ex-sea-name" x="{n(cx)}" y="{n(cy + label_size * 0.35)}" '
                        f'font-size="{n(label_size)}" text-anchor="middle"{turn}>{label}</text>')
    return ""


def free_of(box: Box, taken: list[Box]) -> bool:
    return not any(box.overlaps(b, 3) for b in taken)


def _scale_bar(project: Projection, width: float, height: float, size: float, taken: list[Box]) -> str:
    """A 100 km bar in the bottom right corner (true along the meridians, and across at the middle latitude)."""
    length = 100 / KM_PER_DEGREE * project.scale
    x1, y = width - 10, height - 10
    x0 = x1 - length
    taken.append(Box(x0 - 2, y - size - 8, x1 + 2, y + 3))
    return (f'<path class="ex-scale" d="M{n(x0)} {n(y - 4)} L{n(x0)} {n(y)} L{n(x1)} {n(y)} L{n(x1)} {n(y - 4)}"/>'
            f'<text class="ex-scale-label" x="{n((x0 + x1) / 2)}" y="{n(y - 5)}" font-size="{n(size * 0.9)}" '
            f'text-anchor="middle">100 km</text>')


def _point(p: Place, px: float, py: float, r: float, spot: Spot | None, size: float) -> str:
    """A place's point and name, as one link; a leader line where the name had to move away."""
    body = f'<circle class="ex-place" cx="{n(px)}" cy="{n(py)}" r="{n(r)}"/>'
    if spot is not None:
        if spot.leader is not None:
            a, b, c, d = spot.leader
            body = f'<line class="ex-leader" x1="{n(a)}" y1="{n(b)}" x2="{n(c)}" y2="{n(d)}"/>' + body
        body += (f'<text class="ex-place-label" x="{n(spot.x)}" y="{n(spot.y)}" '
                 f'font-size="{n(size)}" text-anchor="{spot.anchor}">{x(p.name)}</text>')
    return link(p.href, p.name, body, "ex-place-link")
