"""Pictures drawn at build time as inline SVG: the timeline, the actors diagram and the map.

No CDN and no client-side diagram library: each picture is SVG that the page carries inline, so it
shows with JavaScript off and follows the palette (strokes and fills are `currentColor` or CSS
variables set in docs/assets/explainer.css for light and dark). The functions are pure: they take
the fact sheet's records (or this package's small dataclasses) and an `href(page, anchor)` for
links, and return Markup. The only file read is the map's packaged shapes (`load_region`).

Screen readers get each picture's <title> and <desc>, and each mark's link with its own title (the
root has role="group": an "img" may not hold links); the page carries the same information as text
next to it (the event list, the relation list, the list of places).
"""

from .actors import RELATION_KINDS, Edge, actors, edges
from .geo import Region, load_region
from .syria_map import Place, name_spots, place_events, places, syria_map
from .timeline import article_date, timeline

__all__ = ["RELATION_KINDS", "Edge", "Place", "Region", "actors", "article_date", "edges", "load_region",
           "name_spots", "place_events", "places", "syria_map", "timeline"]
