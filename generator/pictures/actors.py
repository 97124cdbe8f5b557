"""The actors picture: who works with or against whom, as an arc diagram grouped by side.

Actors stand in one column, grouped by their `group` (an editorial label set in the fact sheet),
names on the left of their dots and every relation an arc on the right. That keeps names clear of
the lines by construction, reads the same on a phone and a desktop, and puts each group's actors
next to each other, so that the sides of the story show. Arcs that overlap in height reach out to
different widths, so that their numbered badges never sit on each other, nor on an arrowhead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..text import human_date as long_date
from .common import Href, count, figure, legend, link, n, svg_open, text_width, wrap, x
from .layout import Box, around, free

RELATION_KINDS = ("cooperation", "conflict", "integration", "opposition")
# Not colour alone: every kind has its own dash pattern too.
DASHES = {"cooperation": "", "conflict": "9 5", "integration": "2 5", "opposition": "12 4 2 4"}
OTHERS = "Others"

WIDTH = 380.0
SIZE, LINE_H, HEAD_SIZE = 14.0, 16.5, 12.5
NAME_W = 150.0  # names wrap at this width
DOT_R, BADGE_R, BADGE_SIZE = 5.5, 10.0, 12.5
FAN = 6.0  # how far apart the ends of several arcs at one dot are


@dataclass(frozen=True)
class Edge:
    """A relation, numbered in the fact sheet's order, with its two actors resolved."""

    number: int
    relation: object
    source: object
    target: object


def edges(relations: Sequence, entity: Callable[[str], object]) -> list[Edge]:
    """The relations, numbered from 1 in the order the fact sheet lists them."""
    return [Edge(i, r, entity(r.source_entity), entity(r.target_entity)) for i, r in enumerate(relations, start=1)]


@dataclass(frozen=True)
class Node:
    entity: object
    group: str
    y: float
    lines: tuple[str, ...]


def group_order(links: Sequence[Edge]) -> list[tuple[str, list]]:
    """Groups, each with its actors (most related first), ordered so that related groups sit close:
    each group in turn (most related first) goes where it adds least arc length. "Others" comes last."""
    degree: Counter[str] = Counter()
    members: dict[str, list] = {}
    for e in links:
        for entity in (e.source, e.target):
            degree[entity.id] += 1
            group = getattr(entity, "group", None) or OTHERS
            if entity not in members.setdefault(group, []):
                members[group].append(entity)
    weight: Counter[frozenset[str]] = Counter(frozenset((_group(e.source), _group(e.target))) for e in links)
    named = sorted((g for g in members if g != OTHERS),
                   key=lambda g: (-sum(degree[m.id] for m in members[g]), g))
    order: list[str] = []
    for group in named:
        order = min((order[:i] + [group] + order[i:] for i in range(len(order) + 1)),
                    key=lambda trial: _span(trial, weight))
    order += [OTHERS] if OTHERS in members else []
    return [(g, sorted(members[g], key=lambda m: (-degree[m.id], m.name.lower()))) for g in order]


def _group(entity) -> str:
    return getattr(entity, "group", None) or OTHERS


def _span(order: list[str], weight: Counter[frozenset[str]]) -> int:
    """The arc length an order of groups costs: how many groups apart each related pair is, weighted."""
    where = {g: i for i, g in enumerate(order)}
    total = 0
    for pair, w in weight.items():
        ends = tuple(pair)
        if len(ends) == 2 and ends[0] in where and ends[1] in where:
            total += w * abs(where[ends[0]] - where[ends[1]])
    return total


def nodes(groups: Sequence[tuple[str, list]],
          degree: Counter[str]) -> tuple[list[Node], list[tuple[str, float]], float]:
    """Each actor's row (its y: room for its name's lines and for the ends of its arcs), each group's
    heading (left out where the one actor's name says it), and the height used."""
    out, heads, y = [], [], 8.0
    for group, members in groups:
        if len(members) > 1 or group.lower() not in members[0].name.lower():  # not "Israel" over Israel
            heads.append((group, y + HEAD_SIZE * 0.8))
            y += HEAD_SIZE + 6
        for entity in members:
            lines = tuple(wrap(entity.name, SIZE, NAME_W, max_lines=3))
            row = max(LINE_H * len(lines) + 10, FAN * degree[entity.id] + 10)
            out.append(Node(entity, group, y + row / 2, lines))
            y += row
        y += 12
    return out, heads, y


@dataclass(frozen=True)
class Arc:
    edge: Edge
    y1: float
    y2: float
    reach: float  # how far right of the dots the arc's middle is
    badge: tuple[float, float]

    def path(self, spine: float) -> str:
        x0, c = spine + DOT_R + 2, spine + DOT_R + 2 + self.reach * 4 / 3
        y1, y2 = self.y1, self.y2
        if abs(y2 - y1) < 1:  # an actor related to itself: a small loop
            y1, y2 = y1 - 4, y2 + 4
        return f"M{n(x0)} {n(y1)} C{n(c)} {n(y1)} {n(c)} {n(y2)} {n(x0)} {n(y2)}"


def arcs(links: Sequence[Edge], where: dict[str, float], spine: float) -> list[Arc]:
    """Each relation's arc: its ends fanned out at busy dots, its reach one step wider than every
    shorter arc it overlaps, its badge at its middle, or moved along it where another badge is. Where
    many arcs overlap, the steps narrow so that the picture keeps its width (and its text its size)."""
    ends = _fanned(links, where)
    order = sorted(range(len(links)), key=lambda k: (abs(ends[k][1] - ends[k][0]), k))
    levels: dict[int, int] = {}
    for k in order:
        lo, hi = sorted(ends[k])
        levels[k] = 1 + max((levels[j] for j in levels if min(ends[j]) <= hi + 2 and lo <= max(ends[j]) + 2),
                            default=0)
    room = WIDTH - spine - DOT_R - 2 - BADGE_R - 20
    step = min(20.0, room / max(levels.values()))
    out: list[Arc] = []
    taken: list[Box] = []
    for k in order:
        reach = 16 + step * levels[k]
        badge = _badge(spine, ends[k][0], ends[k][1], reach, taken)
        out.append(Arc(links[k], ends[k][0], ends[k][1], reach, badge))
    return sorted(out, key=lambda a: a.edge.number)


def _fanned(links: Sequence[Edge], where: dict[str, float]) -> list[tuple[float, float]]:
    """Where each arc meets its two dots: ends at one dot are spread out, ordered by where they go."""
    at: dict[str, list[tuple[float, int, int]]] = {}
    for k, e in enumerate(links):
        at.setdefault(e.source.id, []).append((where[e.target.id], k, 0))
        at.setdefault(e.target.id, []).append((where[e.source.id], k, 1))
    ends = [[0.0, 0.0] for _ in links]
    for node, items in at.items():
        items.sort()
        for i, (_, k, side) in enumerate(items):
            ends[k][side] = where[node] + (i - (len(items) - 1) / 2) * FAN
    return [(a, b) for a, b in ends]


def _badge(spine: float, y1: float, y2: float, reach: float, taken: list[Box]) -> tuple[float, float]:
    """The badge's centre: the arc's middle, or the nearest point along the arc clear of other badges."""
    x0, c = spine + DOT_R + 2, spine + DOT_R + 2 + reach * 4 / 3
    for t in (0.5, 0.4, 0.6, 0.3, 0.7):
        bx = (1 - t) ** 3 * x0 + 3 * (1 - t) ** 2 * t * c + 3 * (1 - t) * t * t * c + t ** 3 * x0
        by = (1 - t) ** 3 * y1 + 3 * (1 - t) ** 2 * t * y1 + 3 * (1 - t) * t * t * y2 + t ** 3 * y2
        if free(around(bx, by, BADGE_R), taken, 2) or t == 0.7:
            taken.append(around(bx, by, BADGE_R))
            return bx, by
    raise AssertionError("unreachable")


def actors(relations: Sequence, entity: Callable[[str], object], href: Href,
           entity_page: Callable[[str], str] = lambda _: "whos-who.md") -> Markup:
    """The actors figure: `relations` are the fact sheet's; `entity(id)` gives an actor's record and
    `entity_page(id)` the page of its who's who entry."""
    links = edges(relations, entity)
    if not links:
        return Markup("")
    groups = group_order(links)
    degree = Counter(i for e in links for i in (e.source.id, e.target.id))
    rows, heads, height = nodes(groups, degree)
    spine = max(text_width(line, SIZE) for r in rows for line in r.lines) + 14
    drawn = arcs(links, {r.entity.id: r.y for r in rows}, spine)
    width = max(WIDTH, max(a.badge[0] for a in drawn) + BADGE_R + 4)
    kinds = Counter(e.relation.kind for e in links)
    title = f"Actors and their relations: {count(len(links), 'relation')} between {count(len(rows), 'actor')}"
    desc = (f"Actors in groups ({', '.join(g for g, _ in groups)}), each relation an arc from one actor to the "
            f"other, numbered as in the list below: "
            f"{', '.join(f'{kinds[k]} {k}' for k in RELATION_KINDS if kinds[k])}.")
    body = [_defs()] + [_group_band(r, rows, spine) for r in _firsts(rows)]
    body += [f'<text class="ex-group" x="4" y="{n(y)}" font-size="{n(HEAD_SIZE)}">{x(g.upper())}</text>'
             for g, y in heads]
    body += [_arc(a, spine) for a in drawn] + [_badge_mark(a) for a in drawn]
    body += [_node(r, spine, href, entity_page) for r in rows]
    svg = svg_open("ex-actors", width, height, "ex-actors", title, desc) + "".join(body) + "</svg>"
    swatches = [(_swatch(k), x(k)) for k in RELATION_KINDS if kinds[k]]
    caption = (f"{x(title)}. Numbers match the list below; arrows point from the first actor to the second. "
               f"Groups are an editorial aid to reading, not a claim.{legend(swatches)}")
    return figure("actors", [svg], caption)


def _firsts(rows: Sequence[Node]) -> list[Node]:
    return [r for i, r in enumerate(rows) if i == 0 or rows[i - 1].group != r.group]


def _group_band(first: Node, rows: Sequence[Node], spine: float) -> str:
    """A faint band behind a group's names, so that the groups read as blocks."""
    members = [r for r in rows if r.group == first.group]
    top = members[0].y - LINE_H * len(members[0].lines) / 2 - 4
    bottom = members[-1].y + LINE_H * len(members[-1].lines) / 2 + 4
    return (f'<rect class="ex-group-band" x="0" y="{n(top)}" width="{n(spine + DOT_R + 4)}" '
            f'height="{n(bottom - top)}" rx="4"/>')


def _defs() -> str:
    return "<defs>" + "".join(
        f'<marker id="ex-arrow-{k}" class="ex-rel-{k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        f'markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"/></marker>'
        for k in RELATION_KINDS) + "</defs>"


def _label(edge: Edge) -> str:
    r = edge.relation
    when = f" (as of {long_date(r.as_of)})" if getattr(r, "as_of", None) else ""
    return f"{edge.number}. {edge.source.name} → {edge.target.name}: {r.kind}, {r.label}{when}"


def _arc(arc: Arc, spine: float) -> str:
    kind = arc.edge.relation.kind
    dash = f' stroke-dasharray="{DASHES[kind]}"' if DASHES[kind] else ""
    return (f'<g class="ex-relation ex-rel-{kind}"><title>{x(_label(arc.edge))}</title>'
            f'<path d="{arc.path(spine)}"{dash} marker-end="url(#ex-arrow-{kind})"/></g>')


def _badge_mark(arc: Arc) -> str:
    bx, by = arc.badge
    return (f'<g class="ex-badge ex-rel-{arc.edge.relation.kind}"><title>{x(_label(arc.edge))}</title>'
            f'<circle cx="{n(bx)}" cy="{n(by)}" r="{n(BADGE_R)}"/>'
            f'<text x="{n(bx)}" y="{n(by + BADGE_SIZE * 0.36)}" font-size="{n(BADGE_SIZE)}" '
            f'text-anchor="middle">{arc.edge.number}</text></g>')


def _node(row: Node, spine: float, href: Href, entity_page: Callable[[str], str]) -> str:
    """An actor's dot and name, as one link to its who's who entry."""
    entity = row.entity
    top = row.y - LINE_H * len(row.lines) / 2 + SIZE * 0.8
    spans = "".join(f'<tspan x="{n(spine - 10)}" dy="{0 if i == 0 else n(LINE_H)}">{x(line)}</tspan>'
                    for i, line in enumerate(row.lines))
    body = (f'<circle class="ex-dot" cx="{n(spine)}" cy="{n(row.y)}" r="{n(DOT_R)}"/>'
            f'<text class="ex-node-label" x="{n(spine - 10)}" y="{n(top)}" font-size="{n(SIZE)}" '
            f'text-anchor="end">{spans}</text>')
    role = getattr(entity, "role", None)
    label = f"{entity.name}: {role}" if role else entity.name
    return link(str(href(entity_page(entity.id), entity.id)), label, body, "ex-node")


def _swatch(kind: str) -> str:
    dash = f' stroke-dasharray="{DASHES[kind]}"' if DASHES[kind] else ""
    return (f'<svg class="ex-swatch ex-swatch-line" viewBox="0 0 40 12" aria-hidden="true" focusable="false">'
            f'<g class="ex-relation ex-rel-{kind}"><path d="M2 6 L38 6"{dash}/></g></svg>')
