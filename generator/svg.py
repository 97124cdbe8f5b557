"""Pictures drawn at build time as inline SVG, from the fact sheet alone.

No CDN and no client-side diagram library: each picture is a string of SVG that the page
carries inline, so it shows with JavaScript off and follows the palette (strokes and fills
are `currentColor` or CSS variables set in docs/assets/explainer.css for light and dark).
Every text that comes from the fact sheet is XML-escaped here (`_x`); the SVG sits in a raw
HTML block, which Markdown leaves untouched, so no Markdown escaping applies inside it.

Screen readers get the root `<title>` and `<desc>` (the root has role="img"); the page
carries the same information as text next to the picture (the event list, the relation
table), so nothing is only in the picture.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from html import escape as _html_escape

from markupsafe import Markup

from .model import Site
from .schema import Entity, Relation
from .text import MONTHS, human_date

OPTIMISE_MAX_NODES = 30  # ring order and name placement are searched up to this many actors
RELATION_KINDS = ("cooperation", "conflict", "integration", "opposition")
# Non-colour cues too: every kind has its own dash pattern.
DASHES = {"cooperation": "", "conflict": "9 5", "integration": "2 5", "opposition": "12 4 2 4"}
TOPIC_CLASSES = 4  # topic colours cycle through ex-topic-0..3


def _x(value: object) -> str:
    """XML text and attribute escaping for every input string (quotes too)."""
    return _html_escape(" ".join(str(value).split()), quote=True)


def _n(value: float) -> str:
    """A coordinate, short and stable (no float noise in the output)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


# -- timeline ------------------------------------------------------------------------------


def timeline(site: Site) -> Markup:
    """A dot timeline: one column per month that has events, one dot per event, by topic.

    The axis is ordinal (months without events are left out, and a gap is marked where
    time is skipped) so that a decade with few events and a busy year both stay readable.
    """
    events = site.events
    if not events:
        return Markup("")
    topics = site.topics
    topic_index = {t.id: i for i, t in enumerate(topics)}
    columns: list[str] = sorted({e.date[:7] for e in events})
    by_column: dict[str, list] = {c: [] for c in columns}
    for event in events:
        by_column[event.date[:7]].append(event)

    # A year with a single column gets a wider one, so that its year label fits under it;
    # a skipped stretch of time gets a little room for its break mark.
    col_w, wide_w, gap_w, margin, dot_r, row_h = 34.0, 50.0, 10.0, 14.0, 9.0, 22.0
    per_year = Counter(c[:4] for c in columns)
    xs: list[tuple[float, float]] = []  # (centre, width) per column
    breaks: list[float] = []
    cursor = margin
    previous: tuple[int, int] | None = None
    for column in columns:
        current = (int(column[:4]), int(column[5:7]) if len(column) > 4 else 0)
        if previous is not None and not _consecutive(previous, current):
            breaks.append(cursor + gap_w / 2)
            cursor += gap_w
        previous = current
        w = wide_w if per_year[column[:4]] == 1 else col_w
        xs.append((cursor + w / 2, w))
        cursor += w
    tallest = max(len(v) for v in by_column.values())
    top = 12.0
    axis_y = top + tallest * row_h + 8
    width = cursor + margin
    height = axis_y + 54

    parts: list[str] = []
    count = len(events)
    first, last = human_date(events[0].date), human_date(events[-1].date)
    per_topic = Counter(e.topics[0] for e in events if e.topics)
    topic_words = ", ".join(f"{t.title}: {per_topic.get(t.id, 0)}" for t in topics)
    title = f"Timeline of {_count(count, 'event')}, {first} to {last}"
    desc = (f"Each dot is one event, placed in the column of its month and coloured by its main topic "
            f"({topic_words}). A hollow dot marks a date known only to the month or year. "
            f"The list below gives every event with its sources.")
    parts.append(f'<svg class="ex-svg ex-timeline" role="img" aria-labelledby="ex-timeline-title ex-timeline-desc" '
                 f'viewBox="0 0 {_n(width)} {_n(height)}" xmlns="http://www.w3.org/2000/svg">')
    parts.append(f'<title id="ex-timeline-title">{_x(title)}</title>')
    parts.append(f'<desc id="ex-timeline-desc">{_x(desc)}</desc>')
    parts.append(f'<line class="ex-axis" x1="{_n(margin)}" y1="{_n(axis_y)}" x2="{_n(width - margin)}" '
                 f'y2="{_n(axis_y)}"/>')
    for bx in breaks:  # time skipped here
        parts.append(f'<path class="ex-break" d="M{_n(bx - 3)} {_n(axis_y + 6)} L{_n(bx + 3)} {_n(axis_y - 6)}"/>')

    year_spans: dict[str, list[float]] = {}
    for column, (x, w) in zip(columns, xs, strict=True):
        year = column[:4]
        month = int(column[5:7]) if len(column) > 4 else 0
        span = year_spans.setdefault(year, [x - w / 2, x + w / 2])
        span[1] = x + w / 2
        if month:
            parts.append(f'<text class="ex-month" x="{_n(x)}" y="{_n(axis_y + 16)}" text-anchor="middle">'
                         f'{_x(MONTHS[month - 1][:3])}</text>')
        for j, event in enumerate(by_column[column]):
            y = axis_y - 8 - dot_r - j * row_h
            topic = topic_index.get(event.topics[0], 0) % TOPIC_CLASSES if event.topics else 0
            precise = len(event.date) == 10
            label = f"{human_date(event.date)}: {event.title}"
            parts.append(f'<g class="ex-event ex-topic-{topic}{"" if precise else " ex-imprecise"}">'
                         f'<title>{_x(label)}</title>'
                         f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(dot_r if precise else dot_r - 1.5)}"/></g>')
    for year, (x0, x1) in year_spans.items():
        y = axis_y + 28
        parts.append(f'<line class="ex-year-span" x1="{_n(x0 + 4)}" y1="{_n(y)}" '
                     f'x2="{_n(x1 - 4)}" y2="{_n(y)}"/>')
        parts.append(f'<text class="ex-year" x="{_n((x0 + x1) / 2)}" y="{_n(y + 18)}" '
                     f'text-anchor="middle">{_x(year)}</text>')
    parts.append("</svg>")

    legend = "".join(
        f'<li><svg class="ex-swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">'
        f'<g class="ex-event ex-topic-{i % TOPIC_CLASSES}"><circle cx="10" cy="10" r="7"/></g></svg>'
        f'{_x(t.title)}</li>' for i, t in enumerate(topics))
    legend += ('<li><svg class="ex-swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">'
               '<g class="ex-event ex-imprecise"><circle cx="10" cy="10" r="6"/></g></svg>'
               'date known to the month or year only</li>')
    return Markup(f'<figure class="ex-figure">\n{"".join(parts)}\n'
                  f'<figcaption>{_x(title)}. Hover over or tap a dot for its date and title.'
                  f'<ul class="ex-legend">{legend}</ul></figcaption>\n</figure>')


def _consecutive(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[1] == 0 or b[1] == 0:
        return b[0] - a[0] <= 1
    return (b[0] * 12 + b[1]) - (a[0] * 12 + a[1]) <= 1


# -- actors and relations ------------------------------------------------------------------


@dataclass(frozen=True)
class Edge:
    number: int
    relation: Relation
    source: Entity
    target: Entity


def edges(site: Site) -> list[Edge]:
    """The fact sheet's relations, numbered in the order the fact sheet lists them."""
    return [Edge(i, r, site.entity(r.source_entity), site.entity(r.target_entity))
            for i, r in enumerate(site.sheet.relations, start=1)]


def actors(site: Site) -> Markup:
    """A radial diagram: the actor with most relations in the centre, the others on a circle
    ordered to cross as few lines as possible; each line numbered, styled by kind, with an arrow
    from the `from` actor to the `to` actor."""
    links = edges(site)
    if not links:
        return Markup("")
    degree: Counter[str] = Counter()
    for e in links:
        degree[e.source.id] += 1
        degree[e.target.id] += 1
    nodes = sorted(degree, key=lambda n: (-degree[n], n))
    hub = nodes[0] if len(nodes) > 2 and degree[nodes[0]] > 2 else None
    ring = _order_ring([n for n in nodes if n != hub], [(e.source.id, e.target.id) for e in links], hub)

    # Sized so that names stay legible when the picture shrinks to a phone's width; a long ring
    # grows so that its nodes stay apart.
    radius, label_room, font = max(135.0, 24.0 * len(ring) / (2 * math.pi)), 150.0, 16.0
    width = 2 * (radius + label_room) + 16
    height = 2 * (radius + 56) + 16
    cx, cy = width / 2, height / 2
    kinds = Counter(e.relation.kind for e in links)
    kind_words = ", ".join(f"{kinds[k]} {k}" for k in RELATION_KINDS if kinds[k])
    title = (f"Actors and their relations: {_count(len(links), 'relation')} between "
             f"{_count(len(ring) + (1 if hub else 0), 'actor')}")
    hub_words = f" {site.entity(hub).name} is in the centre, with {degree[hub]} relations." if hub else ""
    desc = (f"Relations by kind: {kind_words}.{hub_words} Each line is numbered, runs from one actor to the "
            f"other with an arrow, and has its own colour and dash pattern per kind. The list below gives "
            f"every relation by number, with its sources.")
    head: list[str] = [
        f'<svg class="ex-svg ex-actors" role="img" aria-labelledby="ex-actors-title ex-actors-desc" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="ex-actors-title">{_x(title)}</title>',
        f'<desc id="ex-actors-desc">{_x(desc)}</desc>',
        "<defs>" + "".join(
            f'<marker id="ex-arrow-{k}" class="ex-rel-{k}" viewBox="0 0 10 10" refX="9" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"/></marker>'
            for k in RELATION_KINDS) + "</defs>",
    ]

    def draw(offset: float) -> tuple[float, list[str]]:
        """The picture with the ring turned by `offset` steps, and how much its names overlap."""
        out: list[str] = []
        pos: dict[str, tuple[float, float]] = {}
        if hub:
            pos[hub] = (cx, cy)
        for i, node in enumerate(ring):
            angle = -math.pi / 2 + 2 * math.pi * (i + offset) / len(ring)
            pos[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))

        node_r = 7.0
        line_h = font * 1.15
        hub_lines = _wrap(site.entity(hub).name) if hub else []
        hub_w = (max(len(line) for line in hub_lines) * font * _LabelPlacer.CHAR + 18) / 2 if hub else 0.0
        hub_h = (line_h * len(hub_lines) + 12) / 2 if hub else 0.0

        def endpoint(node: str, tx: float, ty: float, gap: float) -> tuple[float, float]:
            """Where a line towards (tx, ty) leaves the node: its circle, or the hub's box."""
            x, y = pos[node]
            if node != hub:
                return _towards(x, y, tx, ty, node_r + gap)
            dx, dy = tx - x, ty - y
            scale = min(hub_w / abs(dx) if dx else math.inf, hub_h / abs(dy) if dy else math.inf)
            return _towards(x, y, tx, ty, math.hypot(dx * scale, dy * scale) + gap)

        pair_seen: Counter[frozenset[str]] = Counter()
        pair_total = Counter(frozenset((e.source.id, e.target.id)) for e in links)
        badges: list[str] = []
        curves: list[list[tuple[float, float]]] = []  # each line as points, to keep names off them
        badge_at: list[tuple[float, float]] = []
        for e in links:
            (x1, y1), (x2, y2) = pos[e.source.id], pos[e.target.id]
            pair = frozenset((e.source.id, e.target.id))
            k = pair_seen[pair]
            pair_seen[pair] += 1
            # Several relations between one pair bend apart; a single one is straight.
            bend = (k - (pair_total[pair] - 1) / 2) * 46.0
            if (e.source.id, e.target.id) != tuple(sorted((e.source.id, e.target.id))):
                bend = -bend
            kind = e.relation.kind
            label = (f"{e.number}. {e.source.name} → {e.target.name}: {kind}, {e.relation.label}"
                     + (f" (as of {human_date(e.relation.as_of)})" if e.relation.as_of else ""))
            if e.source.id == e.target.id:  # an actor related to itself: a loop on the outer side
                ox, oy = x1 - cx, y1 - cy
                olen = math.hypot(ox, oy)
                ux, uy = (ox / olen, oy / olen) if olen else (0.0, -1.0)
                turn = math.radians(35 + 12 * k)
                a1 = (ux * math.cos(turn) - uy * math.sin(turn), ux * math.sin(turn) + uy * math.cos(turn))
                a2 = (ux * math.cos(-turn) - uy * math.sin(-turn), ux * math.sin(-turn) + uy * math.cos(-turn))
                reach = 70.0 + 14 * k
                sx, sy = x1 + a1[0] * (node_r + 3), y1 + a1[1] * (node_r + 3)
                ex, ey = x1 + a2[0] * (node_r + 5), y1 + a2[1] * (node_r + 5)
                c1 = (x1 + a1[0] * reach, y1 + a1[1] * reach)
                c2 = (x1 + a2[0] * reach, y1 + a2[1] * reach)
                d = f"M{_n(sx)} {_n(sy)} C{_n(c1[0])} {_n(c1[1])} {_n(c2[0])} {_n(c2[1])} {_n(ex)} {_n(ey)}"
                points = [((1 - t) ** 3 * sx + 3 * (1 - t) ** 2 * t * c1[0] + 3 * (1 - t) * t * t * c2[0] + t ** 3 * ex,
                           (1 - t) ** 3 * sy + 3 * (1 - t) ** 2 * t * c1[1] + 3 * (1 - t) * t * t * c2[1] + t ** 3 * ey)
                          for t in (i / 16 for i in range(17))]
            else:
                dx, dy = x2 - x1, y2 - y1
                length = math.hypot(dx, dy) or 1.0
                nx, ny = -dy / length, dx / length
                mx, my = (x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend
                # Start and end just outside the node circles, along the curve's end tangents.
                sx, sy = endpoint(e.source.id, mx, my, 3)
                ex, ey = endpoint(e.target.id, mx, my, 5)
                d = f"M{_n(sx)} {_n(sy)} Q{_n(mx)} {_n(my)} {_n(ex)} {_n(ey)}"
                points = [((1 - t) ** 2 * sx + 2 * (1 - t) * t * mx + t * t * ex,
                           (1 - t) ** 2 * sy + 2 * (1 - t) * t * my + t * t * ey) for t in (i / 16 for i in range(17))]
            out.append(f'<g class="ex-relation ex-rel-{kind}"><title>{_x(label)}</title>'
                       f'<path d="{d}"{_dash(kind)} marker-end="url(#ex-arrow-{kind})"/></g>')
            # The badge sits in the middle of the drawn curve.
            bx, by = points[8]
            badge_at.append((bx, by))
            curves.append(points)
            badges.append(f'<g class="ex-badge ex-rel-{kind}"><title>{_x(label)}</title>'
                          f'<circle cx="{_n(bx)}" cy="{_n(by)}" r="10"/>'
                          f'<text x="{_n(bx)}" y="{_n(by + 4.5)}" text-anchor="middle">{e.number}</text></g>')
        out += badges
        placer = _LabelPlacer(width, height, font, node_r, [pos[n] for n in ring], badge_at, curves)
        if hub:  # the hub is a box with its name inside; the names around it keep clear of it
            entity = site.entity(hub)
            placer.fixed.append((cx - hub_w, cy - hub_h, cx + hub_w, cy + hub_h))
            spans = "".join(f'<tspan x="{_n(cx)}" dy="{_n(0 if i == 0 else line_h)}">{_x(line)}</tspan>'
                            for i, line in enumerate(hub_lines))
            role = _x(": " + entity.role) if entity.role else ""
            out.append(f'<g class="ex-node ex-hub"><title>{_x(entity.name)}{role}'
                       f'</title><rect x="{_n(cx - hub_w)}" y="{_n(cy - hub_h)}" width="{_n(2 * hub_w)}" '
                       f'height="{_n(2 * hub_h)}" rx="6"/><text x="{_n(cx)}" '
                       f'y="{_n(cy - hub_h + 6 + font * 0.9)}" text-anchor="middle">{spans}</text></g>')
        labels, cost = placer.place_all([(site.entity(n).name, *pos[n], (pos[n][0] - cx, pos[n][1] - cy))
                                         for n in ring])
        for node, label in zip(ring, labels, strict=True):
            entity = site.entity(node)
            x, y = pos[node]
            out.append(f'<g class="ex-node"><title>{_x(entity.name)}{_x(": " + entity.role) if entity.role else ""}'
                       f'</title><circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(node_r)}"/>{label}</g>')
        return cost, out

    # Turn the ring so that a node sits at the top, or half a step further: keep the one whose
    # names overlap least.
    cost, parts = min((draw(offset) for offset in (0.0, 0.5)), key=lambda d: d[0])
    out = head + parts
    out.append("</svg>")

    legend = "".join(
        f'<li><svg class="ex-swatch ex-swatch-line" viewBox="0 0 40 12" aria-hidden="true" focusable="false">'
        f'<g class="ex-relation ex-rel-{k}"><path d="M2 6 L38 6"{_dash(k)}/></g></svg>{_x(k)}</li>'
        for k in RELATION_KINDS if kinds[k])
    return Markup(f'<figure class="ex-figure">\n{"".join(out)}\n'
                  f'<figcaption>{_x(title)}. Numbers match the list below; arrows point from the first '
                  f'actor to the second.<ul class="ex-legend">{legend}</ul></figcaption>\n</figure>')


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _dash(kind: str) -> str:
    return f' stroke-dasharray="{DASHES[kind]}"' if DASHES[kind] else ""


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    dx, dy = tx - x, ty - y
    length = math.hypot(dx, dy) or 1.0
    return x + dx / length * distance, y + dy / length * distance


def _wrap(text: str, width: int = 15) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


class _LabelPlacer:
    """Puts each actor's name beside its node where it covers the fewest other names, nodes,
    number badges and lines. Sizes are estimated from the character count (no font metrics
    at build time), generously, so that the estimate errs towards more room."""

    CHAR = 0.58  # average glyph width, in ems, of the sans-serif system fonts

    def __init__(self, width: float, height: float, font: float, node_r: float,
                 nodes: list[tuple[float, float]], badges: list[tuple[float, float]],
                 curves: list[list[tuple[float, float]]]) -> None:
        self.width, self.height, self.font, self.r = width, height, font, node_r
        self.nodes, self.badges, self.curves = nodes, badges, curves
        self.fixed: list[tuple[float, float, float, float]] = []
        self.placed: list[tuple[float, float, float, float]] = []

    def place_all(self, items: list[tuple[str, float, float, tuple[float, float]]]) -> list[str]:
        """Place every name greedily, then once more each with all the others in place."""
        chosen = []
        for name, x, y, outwards in items:
            chosen.append(self._best(name, x, y, outwards))
            self.placed.append(chosen[-1][1])
        for i, (name, x, y, outwards) in enumerate(items):
            self.placed = [c[1] for j, c in enumerate(chosen) if j != i]
            chosen[i] = self._best(name, x, y, outwards)
        line_h = self.font * 1.15
        out = []
        for _, _box, anchor, tx, ty, lines in chosen:
            spans = "".join(f'<tspan x="{_n(tx)}" dy="{_n(0 if i == 0 else line_h)}">{_x(line)}</tspan>'
                            for i, line in enumerate(lines))
            out.append(f'<text class="ex-node-label" x="{_n(tx)}" y="{_n(ty)}" text-anchor="{anchor}">{spans}</text>')
        return out, sum(c[0] for c in chosen)

    def _best(self, name: str, x: float, y: float, outwards: tuple[float, float]):
        length = math.hypot(*outwards)
        ux, uy = (outwards[0] / length, outwards[1] / length) if length else (0.0, 1.0)
        sides = self._sides(ux, uy)
        if len(self.nodes) > OPTIMISE_MAX_NODES:  # too many to search: the side facing outwards
            box, anchor, tx, ty = self._layout(_wrap(name, 15), x, y, sides[0])
            return 0.0, box, anchor, tx, ty, _wrap(name, 15)
        options = []
        for wrap in (15, 22):
            lines = _wrap(name, wrap)
            for rank, side in enumerate(sides):
                box, anchor, tx, ty = self._layout(lines, x, y, side)
                options.append((self._cost(box, x, y) + rank + (0 if wrap == 15 else 2), box, anchor, tx, ty, lines))
        return min(options, key=lambda o: o[0])

    @staticmethod
    def _sides(ux: float, uy: float) -> list[str]:
        """Where to try the name, the side facing away from the centre first."""
        horizontal = "right" if ux >= 0 else "left"
        vertical = "below" if uy >= 0 else "above"
        first = [horizontal, vertical] if abs(ux) >= 0.35 else [vertical, horizontal]
        rest = [s for s in ("below", "left", "right", "above") if s not in first]
        corners = [f"{v}-{h}" for v in (vertical, "above" if vertical == "below" else "below")
                   for h in (horizontal, "left" if horizontal == "right" else "right")]
        return first + rest + corners

    def _layout(self, lines: list[str], x: float, y: float, side: str):
        line_h = self.font * 1.15
        w = max(len(line) for line in lines) * self.font * self.CHAR
        h = line_h * len(lines)
        if "-" in side:  # a corner: the text block leans away from the node diagonally
            vertical, horizontal = side.split("-")
            tx = x + (self.r * 0.7) * (1 if horizontal == "right" else -1)
            top = y + self.r * 0.7 if vertical == "below" else y - self.r * 0.7 - h
            x0 = tx if horizontal == "right" else tx - w
            return (x0, top, x0 + w, top + h), ("start" if horizontal == "right" else "end"), tx, top + self.font * 0.9
        if side in ("right", "left"):
            top = y - h / 2
            tx = x + (self.r + 5) * (1 if side == "right" else -1)
            x0 = tx if side == "right" else tx - w
            return (x0, top, x0 + w, top + h), ("start" if side == "right" else "end"), tx, top + self.font * 0.9
        top = y + self.r + 4 if side == "below" else y - self.r - 4 - h
        return (x - w / 2, top, x + w / 2, top + h), "middle", x, top + self.font * 0.9

    def _cost(self, box, x: float, y: float) -> float:
        pad = 3.0
        x0, y0, x1, y1 = box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad
        cost = 0.0
        if x0 < 2 or y0 < 2 or x1 > self.width - 2 or y1 > self.height - 2:
            cost += 1000
        for other in self.placed + self.fixed:
            if x0 < other[2] and other[0] < x1 and y0 < other[3] and other[1] < y1:
                cost += 200
        for nx, ny in self.nodes:
            if (nx, ny) != (x, y) and x0 - self.r < nx < x1 + self.r and y0 - self.r < ny < y1 + self.r:
                cost += 150
        for bx, by in self.badges:
            if x0 - 10 < bx < x1 + 10 and y0 - 10 < by < y1 + 10:
                cost += 120
        for curve in self.curves:
            if any(x0 < px < x1 and y0 < py < y1 for px, py in curve):
                cost += 15
        return cost


def _order_ring(nodes: list[str], pairs: list[tuple[str, str]], hub: str | None) -> list[str]:
    """Order the ring so that related actors sit close together and few lines cross.

    Start from a depth-first walk (neighbours next to each other), then swap pairs while that
    lowers (crossings, total chord length). Deterministic: no randomness, fixed tie-breaks.
    """
    neighbours: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in pairs:
        if a in neighbours and b in neighbours:
            neighbours[a].append(b)
            neighbours[b].append(a)
    order: list[str] = []
    for start in nodes:
        stack = [start]
        while stack:
            node = stack.pop()
            if node in order:
                continue
            order.append(node)
            stack.extend(sorted(neighbours[node], reverse=True))
    if len(order) < 4 or len(order) > OPTIMISE_MAX_NODES or len(pairs) > 2 * OPTIMISE_MAX_NODES:
        return order  # past a few dozen actors the search costs too much; the walk order stays

    def cost(seq: list[str]) -> tuple[int, float]:
        n = len(seq)
        where = {node: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)) for i, node in enumerate(seq)}
        if hub:
            where[hub] = (0.0, 0.0)
        segs = [(where[a], where[b], {a, b}) for a, b in pairs]
        crossings = sum(1 for i, s in enumerate(segs) for t in segs[i + 1:]
                        if not (s[2] & t[2]) and _cross(s[0], s[1], t[0], t[1]))
        chords = sum(math.dist(where[a], where[b]) for a, b in pairs if hub not in (a, b))
        return crossings, round(chords, 6)

    best = cost(order)
    improved = True
    while improved:
        improved = False
        for i in range(len(order)):
            for j in range(i + 1, len(order)):
                trial = order[:]
                trial[i], trial[j] = trial[j], trial[i]
                c = cost(trial)
                if c < best:
                    order, best, improved = trial, c, True
    return order


def _cross(p1, p2, q1, q2) -> bool:
    def side(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    d1, d2 = side(q1, q2, p1), side(q1, q2, p2)
    d3, d4 = side(p1, p2, q1), side(p1, p2, q2)
    return (d1 * d2 < 0) and (d3 * d4 < 0)
