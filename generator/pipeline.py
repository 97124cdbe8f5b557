"""read → check → model → render, with every problem collected before anything is written."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import coverage, export, freshness, history, parallel
from .articles import Overrides, read_articles
from .checks import check as check_sheet
from .errors import Problem, Problems
from .factsheet import all_sources, read_factsheet
from .model import Site
from .render import Renderer
from .schema import FactSheet

SEEDS = Path("seeds")


@dataclass
class Result:
    site: Site
    pages: dict[str, str]  # Markdown pages by path
    warnings: list[Problem]
    files: dict[str, str] = field(default_factory=dict)  # published as they are: data/*.json, data/*.csv
    # Each page's HTML blocks, in order, as they stand in its Markdown: a builder may pass them through whole.
    blocks: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def outputs(self) -> dict[str, str]:
        """Every generated file, pages and data alike, by path."""
        return {**self.pages, **self.files}


def load(seeds: Path = SEEDS, strict: bool = False, *, today: dt.date | None = None) -> tuple[Site, list[Problem]]:
    """Read and check everything; raise `InputError` with every problem at once.

    `today` decides which facts are past review (default: `EXPLAINER_TODAY`, else the clock)."""
    site, warnings, _ = _read(seeds, strict, today, every_article=False)
    return site, warnings


def check(seeds: Path = SEEDS, strict: bool = False, *,
          today: dt.date | None = None) -> tuple[Site, list[Problem], coverage.Coverage]:
    """`load`, with the coverage of every article (for `generator check` to print). The rules are the
    build's: what one refuses, the other refuses."""
    return _read(seeds, strict, today, every_article=True)


def _read(seeds: Path, strict: bool, today: dt.date | None,
          every_article: bool) -> tuple[Site, list[Problem], coverage.Coverage]:
    problems = Problems()
    on = today or freshness.today(problems)
    loaded = read_factsheet(seeds / "factsheet.yaml", problems)
    # The fact sheet first: an article's source entry may overrule the reader (lines to keep or skip).
    articles = read_articles(seeds / "articles", problems, overrides(loaded.sheet) if loaded else None)
    covered = coverage.Coverage([], 0.0)
    if loaded is not None:
        check_sheet(loaded, articles, problems)
        freshness.check(loaded, problems, on)
        if not problems.errors:
            covered = coverage.check_minimum(loaded, articles, problems, every_article)
    problems.raise_if_errors(strict=strict)
    assert loaded is not None  # no errors means the fact sheet loaded
    sources = all_sources(loaded.sheet, articles)
    return Site(sheet=loaded.sheet, articles=articles, sources=sources, today=on), problems.warnings, covered


def overrides(sheet: FactSheet) -> dict[str, Overrides]:
    """Each article's lines to keep or skip, from its source entries."""
    found: dict[str, Overrides] = {}
    for source in sheet.sources:
        if source.kind == "article" and source.article and (source.keep or source.skip):
            before = found.get(source.article, Overrides())
            found[source.article] = Overrides(before.keep + tuple(source.keep), before.skip + tuple(source.skip))
    return found


def build(seeds: Path = SEEDS, strict: bool = False, *, today: dt.date | None = None,
          with_history: bool = False, parallel_ok: bool = False, html_links: str = "directory") -> Result:
    """Check and render. `with_history` reads the facts' git history (the MkDocs hook and `generator render`
    do; golden tests do not, so their pages never depend on commits). `parallel_ok`: this process runs a
    single thread, so a forked child may render half the pages (`parallel`). `html_links`: how links in
    HTML blocks are written (`urls.LINK_STYLES`)."""
    with _no_garbage_collection():
        site, warnings = load(seeds, strict=strict, today=today)
        changes = history.read(seeds / "factsheet.yaml") if with_history else history.History.not_read()
        renderer = Renderer(site, changes, html_links)
        numbers = list(range(len(renderer.jobs)))
        if parallel_ok and parallel.worthwhile(len(numbers)):
            # The child renders every other page and writes the data files; this process the rest.
            child = parallel.Child(lambda: (renderer.render(numbers[1::2]), export.files(site)))
            ours = renderer.render(numbers[0::2])
            theirs, files = child.result()
            done = dict(ours + theirs)
        else:
            done = dict(renderer.render(numbers))
            files = export.files(site)
        rendered = [(job.path, done[job.path]) for job in renderer.jobs]  # in page order, whoever rendered them
        return Result(site=site, pages={path: page.markdown for path, page in rendered}, warnings=warnings,
                      files=files, blocks={path: page.blocks for path, page in rendered if page.blocks})


@contextlib.contextmanager
def _no_garbage_collection() -> Iterator[None]:
    """Python's cyclic garbage collector walks every live object again and again while millions are made
    (the YAML nodes alone), so a build grew faster than its fact sheet. A build makes no garbage cycles
    worth collecting before it returns."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def epoch(site: Site) -> int:
    """A build timestamp derived from the inputs: the fact sheet's last review, at noon UTC."""
    parts = [int(p) for p in site.meta.last_reviewed.split("-")] + [1, 1]
    day = dt.datetime(parts[0], parts[1], parts[2], 12, tzinfo=dt.UTC)
    return int(day.timestamp())
