"""read → check → model → render, with every problem collected before anything is written."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, field
from pathlib import Path

from . import coverage, export, freshness, history
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
    files: dict[str, str] = field(default_factory=dict)  # published as they are: data/*.json, data/*.csv
    # Where a page's HTML blocks are in its Markdown, (start, end): a builder may pass them through unparsed.
    blocks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def html_blocks(self, path: str) -> list[str]:
        """The HTML blocks of a page, in order, each as it is in the page's Markdown."""
        return blocks_of(self.pages.get(path, ""), self.blocks.get(path, ()))

    @property
    def outputs(self) -> dict[str, str]:
        """Every generated file, pages and data alike, by path."""
        return {**self.pages, **self.files}


def load(seeds: Path = SEEDS, strict: bool = False, *, today: dt.date | None = None,
         coverage_gate: bool = False) -> tuple[Site, list[Problem]]:
    """Read and check everything; raise `InputError` with every problem at once.

    `today` decides which facts are past review (default: `EXPLAINER_TODAY`, else the clock).
    `coverage_gate` adds an error per article covered less than `meta.coverage_min`: only
    `generator check` asks for it, so a new, uncited article never stops the site build.
    """
    problems = Problems()
    on = today or freshness.today(problems)
    articles = read_articles(seeds / "articles", problems)
    loaded = read_factsheet(seeds / "factsheet.yaml", problems)
    if loaded is not None:
        check(loaded, articles, problems)
        freshness.check(loaded, problems, on)
        if coverage_gate and not problems.errors:
            coverage.check_minimum(loaded, articles, problems)
    problems.raise_if_errors(strict=strict)
    assert loaded is not None  # no errors means the fact sheet loaded
    return Site(sheet=loaded.sheet, articles=articles, today=on), problems.warnings


def build(seeds: Path = SEEDS, strict: bool = False, *, today: dt.date | None = None,
          with_history: bool = False, parallel: bool = False, directory_urls: bool = True) -> Result:
    """Check and render. `with_history` reads the facts' git history (the MkDocs hook and
    `generator render` do; golden tests do not, so their pages never depend on commits).
    `parallel` lets a forked worker render half the pages: only from a single-threaded process.
    `directory_urls`: the builder's `use_directory_urls`, for the links written as HTML."""
    # Python's cyclic garbage collector walks every live object again and again while millions are
    # made (the YAML nodes alone): a quarter of a large build, and the reason it grew faster than
    # the fact sheet. A build makes no garbage cycles worth collecting before it returns.
    collecting = gc.isenabled()
    gc.disable()
    try:
        site, warnings = load(seeds, strict=strict, today=today)
        if with_history:
            site.history = history.read(seeds / "factsheet.yaml")
        files: dict[str, str] = {}
        rendered = render_site(site, parallel=parallel, directory_urls=directory_urls,
                               meanwhile=lambda: files.update(export.files(site)))
        return Result(site=site, pages={path: page.markdown for path, page in rendered.items()}, warnings=warnings,
                      files=files, blocks={path: page.blocks for path, page in rendered.items() if page.blocks})
    finally:
        if collecting:
            gc.enable()


def blocks_of(markdown: str, spans) -> list[str]:
    return [markdown[start:end] for start, end in spans]


def epoch(site: Site) -> int:
    """A build timestamp derived from the inputs: the fact sheet's last review, at noon UTC."""
    parts = [int(p) for p in site.meta.last_reviewed.split("-")] + [1, 1]
    day = dt.datetime(parts[0], parts[1], parts[2], 12, tzinfo=dt.UTC)
    return int(day.timestamp())
