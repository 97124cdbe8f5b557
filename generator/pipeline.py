"""read → check → model → render, with every problem collected before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .articles import read_articles
from .checks import check
from .errors import Problem, Problems
from .factsheet import read_factsheet
from .model import Site
from .render import render_site

SEEDS = Path("seeds")


@dataclass
class Result:
    site: Site
    pages: dict[str, str]
    warnings: list[Problem]


def load(seeds: Path = SEEDS, strict: bool = False) -> tuple[Site, list[Problem]]:
    """Read and check everything; raise `InputError` with every problem at once."""
    problems = Problems()
    articles = read_articles(seeds / "articles", problems)
    loaded = read_factsheet(seeds / "factsheet.yaml", problems)
    if loaded is not None:
        check(loaded, articles, problems)
    problems.raise_if_errors(strict=strict)
    assert loaded is not None  # no errors means the fact sheet loaded
    return Site(sheet=loaded.sheet, articles=articles), problems.warnings


def build(seeds: Path = SEEDS, strict: bool = False) -> Result:
    site, warnings = load(seeds, strict=strict)
    return Result(site=site, pages=render_site(site), warnings=warnings)


def epoch(site: Site) -> int:
    """A build timestamp derived from the inputs: the fact sheet's last review, at noon UTC."""
    import datetime as dt

    parts = [int(p) for p in site.meta.last_reviewed.split("-")] + [1, 1]
    day = dt.datetime(parts[0], parts[1], parts[2], 12, tzinfo=dt.timezone.utc)
    return int(day.timestamp())
