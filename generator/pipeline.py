"""read → check → model → render, with every problem collected before anything is written."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from . import coverage, export, freshness, history, workers
from .articles import ARTICLE_SUFFIX, read_articles
from .checks import check
from .errors import InputError, Problem, Problems
from .factsheet import read_factsheet
from .model import Site
from .render import render_half, render_site

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
          with_history: bool = False, parallel: bool = False, html_links: str = "directory",
          helper: bool = False) -> Result:
    """Check and render. `with_history` reads the facts' git history (the MkDocs hook and
    `generator render` do; golden tests do not, so their pages never depend on commits).
    `parallel` lets a forked worker render half the pages: only from a single-threaded process.
    `helper` has the serve process's helper (`workers.Helper`) read the inputs too, at the same time,
    and render half the pages. `html_links`: how links in HTML blocks are written (`urls.LINK_STYLES`)."""
    with _no_garbage_collection():
        share = _ask_helper(seeds, strict, today, with_history, html_links) if helper else None
        before = _inputs(seeds) if share else {}
        site, warnings = _read(seeds, strict, today, with_history)
        files: dict[str, str] = {}
        rendered = render_site(site, parallel=parallel, html_links=html_links,
                               meanwhile=lambda: files.update(export.files(site)),
                               helper=(share, _signature(before, seeds, site)) if share else None)
        return Result(site=site, pages={path: page.markdown for path, page in rendered.items()}, warnings=warnings,
                      files=files, blocks={path: page.blocks for path, page in rendered.items() if page.blocks})


@contextlib.contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """Python's cyclic garbage collector walks every live object again and again while millions are
    made (the YAML nodes alone): a quarter of a large build, and the reason it grew faster than the
    fact sheet. A build makes no garbage cycles worth collecting before it returns."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read(seeds: Path, strict: bool, today: dt.date | None, with_history: bool) -> tuple[Site, list[Problem]]:
    site, warnings = load(seeds, strict=strict, today=today)
    if with_history:
        site.history = history.read(seeds / "factsheet.yaml")
    return site, warnings


def _ask_helper(*args) -> Future | None:
    try:
        return workers.Helper.submit(_helper_share, *args)
    except RuntimeError:  # the helper could not be started or has died: this build goes without
        return None


def _helper_share(seeds: Path, strict: bool, today: dt.date | None, with_history: bool,
                  html_links: str) -> tuple[str, list] | None:
    """In the helper: read and check the inputs, as the serving process does at the same time, and render
    its half of the pages. With the signature of what was read, which must be what the serving process read."""
    with _no_garbage_collection():
        before = _inputs(seeds)
        try:
            site, _ = _read(seeds, strict, today, with_history)
        except InputError:
            return None
        signature = _signature(before, seeds, site)
        return (signature, render_half(site, html_links)) if signature else None


def _inputs(seeds: Path) -> dict[str, tuple[int, int]]:
    """The size and time of change of every file `load` reads (an editor's swap file is none of them)."""
    out = {}
    for path in [seeds / "factsheet.yaml", *sorted((seeds / "articles").glob(f"*{ARTICLE_SUFFIX}"))]:
        try:
            info = path.stat()
        except OSError:
            continue
        out[path.relative_to(seeds).as_posix()] = (info.st_mtime_ns, info.st_size)
    return out


def _signature(before: dict[str, tuple[int, int]], seeds: Path, site: Site) -> str | None:
    """What a process read and the day it took as today (which facts are past review) and the history it
    found, as one digest; None where an input changed while it was read (a save during the read)."""
    after = _inputs(seeds)
    if after != before:
        return None
    # The history's changes follow from its commits (the same code reads the same git objects).
    commits = [(e.commit, e.readable) for e in site.history.entries]
    text = repr((sorted(after.items()), site.today.isoformat(), site.history.available, site.history.reason,
                 site.history.capped, commits))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def blocks_of(markdown: str, spans) -> list[str]:
    return [markdown[start:end] for start, end in spans]


def epoch(site: Site) -> int:
    """A build timestamp derived from the inputs: the fact sheet's last review, at noon UTC."""
    parts = [int(p) for p in site.meta.last_reviewed.split("-")] + [1, 1]
    day = dt.datetime(parts[0], parts[1], parts[2], 12, tzinfo=dt.UTC)
    return int(day.timestamp())
