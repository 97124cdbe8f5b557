"""A locator map of Syria and its neighbours, with the places the fact sheet names.

The shapes come from Natural Earth (public domain), cut and simplified once into data/syria-region.json
(its `source` says from which package and file, and how). Nothing is fetched, at build or view time.
Every country is drawn alike, the same land colour and the same thin border: the map draws the
outlines as the data has them and colours no area, so it makes no claim about borders or control.
The Golan Heights has no outline of its own in this data; the caption says how the data draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..text import date_key
from .common import Href, count, figure, link, n, svg_open, x
from .geo import Projection, Region
from .layout import Box, Spot, around, place
from .layout import spots as label_spots
from .map_names import country_names, deepest

KM_PER_DEGREE = 111.2  # of latitude, on the WGS 84 ellipsoid's mean radius (for the scale bar)


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


def name_spots(region: Region) -> dict[str, list[tuple[float, float]]]:
    """Where each country's name may stand, best first: the same for every map of `region` (`deepest`)."""
    return deepest(region, Projection(region, 600.0))


def syria_map(entities: Sequence, href: Href, *, region: Region, spots: dict | None = None,
              entity_page: Callable[[str], str] = lambda _: "whos-who.md") -> Markup:
    """The map figure of the place entities that have coordinates: a wide and a narrow drawing (one
    shown per screen width) and a caption that names the data and what the map does not claim.
    `spots`: `name_spots(region)`, where a caller has it already (it is slow to work out)."""
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
    deep = spots if spots is not None else name_spots(region)
    return figure("map", [draw(drawn, region, deep, 600.0, 14.0, "ex-wide", "ex-map-wide", title, desc),
                          draw(drawn, region, deep, 360.0, 13.5, "ex-narrow", "ex-map-narrow", title, desc)], caption)


def place_events(entities: Sequence, events: Sequence, facts: Sequence = ()) -> list[tuple[object, list, list]]:
    """Every place entity (name order) with the events that name it (date order) and the facts that do
    (fact sheet order), for the list under the map."""
    chosen = sorted((e for e in entities if e.kind == "place"), key=lambda e: (e.name.lower(), e.id))
    by_place: dict[str, tuple[list, list]] = {p.id: ([], []) for p in chosen}
    for event in sorted(events, key=lambda e: (date_key(e.date), e.id)):
        for entity in dict.fromkeys(event.entities):
            if entity in by_place:
                by_place[entity][0].append(event)
    for fact in facts:
        for entity in dict.fromkeys(fact.entities):
            if entity in by_place:
                by_place[entity][1].append(fact)
    return [(p, *by_place[p.id]) for p in chosen]


def draw(drawn: Sequence[Place], region: Region, deep: dict, width: float, size: float, classes: str, ident: str,
         title: str, desc: str) -> str:
    """One drawing of the map at `width`, its place names at `size`."""
    project = Projection(region, width)
    height = project.height
    points, chosen, taken, bar = layout(drawn, project, size)
    bounds = Box(2, 2, width - 2, height - 2)
    shapes = "".join(_country(name, rings, project) for name, rings in region.countries)
    names = country_names(region, project, deep, taken, bounds, size)
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
