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
ALONE = "\x00"  # starts the group key of an actor with no group (no fact-sheet text holds it)

WIDTH = 380.0
SIZE, LINE_H, HEAD_SIZE = 14.0, 16.5, 12.5
NAME_W = 150.0  # names wrap at this width
DOT_R, BADGE_R, BADGE_SIZE = 5.5, 10.0, 12.5
FAN, ARROW = 6.0, 12.0  # the room an arc's end takes at a dot: a plain end, and one with an arrowhead
ARROW_SIZE = 4.4  # the arrowhead's length and width, in stroke widths (11 px)


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
    ends: float = 0.0  # the room its arcs' ends take at its dot

    @property
    def half(self) -> float:
        """How far above and below its dot its name and its arcs' ends reach."""
        return max(LINE_H * len(self.lines) / 2 + 4, self.ends / 2)


def group_order(links: Sequence[Edge]) -> list[tuple[str, list]]:
    """Groups, each with its actors (most related first), ordered so that related groups sit close:
    each group in turn (most related first) goes where it adds least arc length; "Others", a group the
    fact sheet names, comes last. Then an actor with no group stands alone, under no heading (no side is
    claimed for it), where its own arcs are shortest: next to the actors it relates to."""
    degree: Counter[str] = Counter()
    members: dict[str, list] = {}
    for e in links:
        for entity in (e.source, e.target):
            degree[entity.id] += 1
            if entity not in members.setdefault(_group(entity), []):
                members[_group(entity)].append(entity)
    weight: Counter[frozenset[str]] = Counter(frozenset((_group(e.source), _group(e.target))) for e in links)
    ranked = sorted((g for g in members if g != OTHERS), key=lambda g: (-sum(degree[m.id] for m in members[g]), g))
    order: list[str] = []
    for group in [g for g in ranked if heading(g)]:
        order = min((order[:i] + [group] + order[i:] for i in range(len(order) + 1)),
                    key=lambda trial: _span(trial, weight))
    order += [OTHERS] if OTHERS in members else []
    for alone in [g for g in ranked if not heading(g)]:  # next to its own relations, the groups kept as they are
        own = Counter({pair: w for pair, w in weight.items() if alone in pair})
        order = min((order[:i] + [alone] + order[i:] for i in range(len(order) + 1)),
                    key=lambda trial: (_span(trial, own), _span(trial, weight)))
    return [(g, sorted(members[g], key=lambda m: (-degree[m.id], m.name.lower()))) for g in order]


def _group(entity) -> str:
    """An actor's group, or, for an actor with none, a key of its own (never a heading)."""
    return getattr(entity, "group", None) or f"{ALONE}{entity.id}"


def heading(group: str) -> str | None:
    return None if group.startswith(ALONE) else group


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
          ends: Counter[str]) -> tuple[list[Node], list[tuple[str, float]], float]:
    """Each actor's row (its y: room for its name's lines and for the ends of its arcs, `ends[id]`), each
    group's heading (left out where the one actor's name says it), and the height used."""
    out, heads, y = [], [], 8.0
    for group, members in groups:
        title = heading(group)
        if title and (len(members) > 1 or title.lower() not in members[0].name.lower()):  # not "Israel" over Israel
            heads.append((title, y + HEAD_SIZE * 0.8))
            y += HEAD_SIZE + 6
        for entity in members:
            lines = tuple(wrap(entity.name, SIZE, NAME_W, max_lines=3))
            row = max(LINE_H * len(lines) + 10, ends[entity.id] + 6)
            out.append(Node(entity, group, y + row / 2, lines, ends[entity.id]))
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


def end_room(links: Sequence[Edge]) -> Counter[str]:
    """The room the ends of its arcs take at each actor's dot: more for an end with an arrowhead."""
    room: Counter[str] = Counter()
    for e in links:
        room[e.source.id] += FAN
        room[e.target.id] += ARROW
    return room


def _fanned(links: Sequence[Edge], where: dict[str, float]) -> list[tuple[float, float]]:
    """Where each arc meets its two dots: ends at one dot are spread out, ordered by where they go, and
    an arrowhead kept clear of the next end."""
    at: dict[str, list[tuple[float, int, int]]] = {}
    for k, e in enumerate(links):
        at.setdefault(e.source.id, []).append((where[e.target.id], k, 0))
        at.setdefault(e.target.id, []).append((where[e.source.id], k, 1))
    ends = [[0.0, 0.0] for _ in links]
    for node, items in at.items():
        items.sort()
        room = [ARROW if side else FAN for _, _, side in items]
        offsets = [sum(room[:i]) + room[i] / 2 - room[0] / 2 for i in range(len(items))]
        middle = (offsets[0] + offsets[-1]) / 2
        for (_, k, side), offset in zip(items, offsets, strict=True):
            ends[k][side] = where[node] + offset - middle
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
    rows, heads, height = nodes(groups, end_room(links))
    spine = max(text_width(line, SIZE) for r in rows for line in r.lines) + 14
    drawn = arcs(links, {r.entity.id: r.y for r in rows}, spine)
    width = max(WIDTH, max(a.badge[0] for a in drawn) + BADGE_R + 4)
    kinds = Counter(e.relation.kind for e in links)
    title = f"Actors and their relations: {count(len(links), 'relation')} between {count(len(rows), 'actor')}"
    desc = (f"{_grouping(groups)}, each relation an arc from one actor to the other, numbered as in the list below: "
            f"{', '.join(f'{kinds[k]} {k}' for k in RELATION_KINDS if kinds[k])}.")
    body = [_defs()] + [_group_band(r, rows, spine) for r in _firsts(rows)]
    body += [f'<text class="ex-group" x="4" y="{n(y)}" font-size="{n(HEAD_SIZE)}">{x(g.upper())}</text>'
             for g, y in heads]
    body += [_arc(a, spine) for a in drawn] + [_badge_mark(a) for a in drawn]
    body += [_port(r, drawn, spine) for r in rows] + [_node(r, spine, href, entity_page) for r in rows]
    svg = svg_open("ex-actors", width, height, "ex-actors", title, desc) + "".join(body) + "</svg>"
    swatches = [(_swatch(k), x(k)) for k in RELATION_KINDS if kinds[k]]
    caption = (f"{x(title)}. Numbers match the list below; arrows point from the first actor to the second. "
               f"Groups are an editorial aid to reading, not a claim.{legend(swatches)}")
    return figure("actors", [svg], caption)


def _grouping(groups: Sequence[tuple[str, list]]) -> str:
    """How the actors are grouped, in words: "Actors in groups (A, B) and 2 actors in none"."""
    named = [g for g, _ in groups if heading(g)]
    alone = count(len(groups) - len(named), "actor")
    if not named:
        return "Actors in no group"
    return f"Actors in groups ({', '.join(named)})" + (f" and {alone} in none" if len(groups) > len(named) else "")


def _firsts(rows: Sequence[Node]) -> list[Node]:
    return [r for i, r in enumerate(rows) if i == 0 or rows[i - 1].group != r.group]


def _group_band(first: Node, rows: Sequence[Node], spine: float) -> str:
    """A faint band behind a group's names and the ends of their arcs, so that the groups read as blocks."""
    members = [r for r in rows if r.group == first.group]
    top, bottom = members[0].y - members[0].half, members[-1].y + members[-1].half
    return (f'<rect class="ex-group-band" x="0" y="{n(top)}" width="{n(spine + DOT_R + 4)}" '
            f'height="{n(bottom - top)}" rx="4"/>')


def _defs() -> str:
    return "<defs>" + "".join(
        f'<marker id="ex-arrow-{k}" class="ex-rel-{k}" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="{ARROW_SIZE}" markerHeight="{ARROW_SIZE}" orient="auto-start-reverse">'
        f'<path d="M0 0 L10 5 L0 10 z"/></marker>'
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


def _port(row: Node, drawn: Sequence[Arc], spine: float) -> str:
    """Where several arcs meet an actor, a bar by its dot from the first end to the last: every arrowhead
    there visibly reaches the actor, however far the ends are fanned out."""
    ys = [a.y1 for a in drawn if a.edge.source.id == row.entity.id]
    ys += [a.y2 for a in drawn if a.edge.target.id == row.entity.id]
    if max(ys) - min(ys) < 2 * DOT_R:
        return ""
    px = spine + DOT_R / 2
    return f'<line class="ex-port" x1="{n(px)}" y1="{n(min(ys))}" x2="{n(px)}" y2="{n(max(ys))}"/>'


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
