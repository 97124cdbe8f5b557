"""The map's geography: the packaged country outlines and the projection that draws them."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources


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
