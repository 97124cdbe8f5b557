"""MkDocs page renders (Markdown → HTML), made once and shared. Used by the hook only; tied to MkDocs
1.6.1's `Page.render`, like the pin in requirements.lock.

- Under `mkdocs serve`, a page whose Markdown, place and neighbours are what they were in the last build
  is not converted again: a save changes a few pages, and converting all of them again was most of a
  rebuild (at a thousand articles, minutes). A page taken from the last build does not log its link
  warnings again.
- Under `mkdocs build` of a large site, a forked worker converts the second half of the pages while
  MkDocs converts the first: conversion is most of a large build, and it ran on one core of two. The
  worker runs MkDocs's own `Page.render`, so the HTML is the same byte for byte; its warnings are
  logged again by MkDocs's process, at the page's turn, so `--strict` still counts them.
- Then, likewise, a second worker puts the second half of the pages through the theme and writes them,
  while MkDocs does the first half; it sends back each page's search index entries, which MkDocs's
  process adds at the page's turn, so the index is the one a single process makes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from . import blockstash, themecache, workers

log = logging.getLogger("mkdocs.hooks.generator")

_renders: dict[str, Any] = {"files": None, "config": None, "context": None, "current": {}, "previous": {},
                            "worker": None, "shared": set(), "from_worker": {},
                            "reuse": False, "blocks": lambda src_uri: []}
_convert = Page.render  # MkDocs's own conversion, before `install` wraps it
_build_page = mkdocs_build._build_page  # and its page writer, likewise
_written: dict[str, Any] = {"worker": None, "shared": set(), "done": {}, "nav": None, "env": None}


def remember(files, config, blocks: Callable[[str], list[str]]) -> None:
    """What a page's HTML depends on besides its own Markdown: where every page lands, and the config.
    `blocks(src_uri)`: the HTML blocks of a generated page, passed through Markdown whole (`blockstash`)."""
    if _renders["reuse"]:
        themecache.new_build(config, _search_entries(config))
    _renders.update(files=files, config=config, previous=_renders["current"], current={}, blocks=blocks, context=hash((
        tuple((f.src_uri, f.dest_uri, f.url) for f in files),
        repr((config.markdown_extensions, config.mdx_configs, config.validation, config.use_directory_urls)))))


def install(reuse: bool) -> None:
    """Route MkDocs's page conversion through the shared renders (once per process). `reuse`: take
    unchanged pages from the last build (under serve; a build logs every page's warnings)."""
    _renders["reuse"] = reuse
    if getattr(Page.render, "shares_renders", False):
        return

    def render(page: Page, config, files) -> None:
        if files is not _renders["files"]:  # not a build this module has seen: convert as usual
            return _convert(page, config, files)
        key = _key(page)
        done = (_renders["current"].get(key) or _renders["previous"].get(key)) if _renders["reuse"] else None
        done = done or _from_worker(key)
        if done is None:
            done = _converted(page, config, files)
        if _renders["reuse"]:  # kept for the next build only where the next build reuses it
            _renders["current"][key] = done
        _apply(page, done, files)

    def build_page(page: Page, config, doc_files, nav, env, dirty=False, excluded=False) -> None:
        if _renders["reuse"] and themecache.active():
            return themecache.build_page(_build_page, page, config, doc_files, nav, env, dirty, excluded)
        if page.file.src_uri not in _written["shared"]:
            return _build_page(page, config, doc_files, nav, env, dirty, excluded)
        if _written["worker"] is not None:  # its results, the first time one is needed
            _written["done"] = {uri: (entries, said) for uri, entries, said in _waited(_written["worker"])}
            _written["worker"] = None
        entries, said = _written["done"].pop(page.file.src_uri)
        _search_entries(config).extend(entries)
        _say_again(said)

    render.shares_renders = True  # type: ignore[attr-defined]
    Page.render = render  # type: ignore[method-assign]
    mkdocs_build._build_page = build_page


def _key(page: Page) -> tuple:
    return (page.file.src_uri, page.markdown, _renders["context"])


def _converted(page: Page, config, files) -> tuple:
    with blockstash.passing(_renders["blocks"](page.file.src_uri)) as passed:
        _convert(page, config, files)
    links = None if page.links_to_anchors is None else \
        {f.src_uri: dict(anchors) for f, anchors in page.links_to_anchors.items()}
    anchors = frozenset(page.present_anchor_ids or ()) | passed.ids
    return (page.content, page.toc, page._title_from_render, anchors, links)


def _apply(page: Page, done: tuple, files) -> None:
    page.content, page.toc, page._title_from_render, anchors, links = done
    page.present_anchor_ids = set(anchors)
    if links is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): dict(a) for uri, a in links.items()
                                 if files.get_file_from_path(uri) is not None}


# -- a second core for `mkdocs build` ------------------------------------------------------------


def start_converter(config, files) -> None:
    """Fork a worker that converts the second half of the pages (by size, in MkDocs's order). Call when
    every page's Markdown is known and before MkDocs converts any (the `on_nav` event of a build)."""
    pages = list(files.documentation_pages())
    if not workers.wanted(len(pages)):
        return
    # By size, MkDocs's process takes a little more: the long pages at the front convert faster per byte.
    share = _their_share(pages, [len(f.content_string) for f in pages], ours=0.52)
    if not share:
        return
    log.info("a second process converts %d of the %d pages, from '%s' on", len(share), len(pages), share[0])
    _renders.update(worker=workers.Worker(_convert_share, share), shared=set(share))


def keep_nav(nav) -> None:
    _written["nav"] = nav


def start_page_writer(config, files, env) -> None:
    """Fork a worker that builds the second half of the pages through the theme (by size; in MkDocs's
    order) and writes them. Call when every page is converted (the `on_env` event of a build)."""
    pages = list(files.documentation_pages(inclusion=InclusionLevel.is_included))
    if not workers.wanted(len(pages)) or _search_entries(config) is None:
        return
    share = _their_share(pages, [len(f.page.content or "") + _THEME_WEIGHT for f in pages], ours=0.45)
    if share:
        log.info("a second process writes %d of the %d pages, from '%s' on", len(share), len(pages), share[0])
        _written["env"] = env  # before the fork: the worker is a copy of this process (arguments are pickled)
        _written.update(worker=workers.Worker(_write_share, share), shared=set(share))


# What putting a page through the theme costs besides its content, in characters of content: the
# navigation, header and footer (about 14 KB a page).
_THEME_WEIGHT = 20_000


def _their_share(files: list, weights: list[int], ours: float) -> list[str]:
    """The worker's pages: those after the one where MkDocs's process reaches its part (`ours`) of the
    total weight."""
    mine, running = sum(weights) * ours, 0
    for i, weight in enumerate(weights):
        running += weight
        if running >= mine:
            return [f.src_uri for f in files[i + 1:]]
    return []


def _search_entries(config) -> list | None:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    return getattr(index, "entries", None)


def _write_share(uris: list[str]) -> list[tuple]:
    """In the worker: build and write each page as MkDocs's build loop would; keep its index entries."""
    env = _written["env"]
    config, files = _renders["config"], _renders["files"]
    said = _listen()
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    entries = _search_entries(config)
    out = []
    for uri in uris:
        file = files.get_file_from_path(uri)
        before = len(entries)
        said.records = []
        _build_page(file.page, config, doc_files, _written["nav"], env, excluded=file.inclusion.is_excluded())
        out.append((uri, entries[before:], _heard(said)))
    return out


def stop_workers() -> None:
    """Stop both workers, if they run (a build ended, or failed)."""
    for state in (_renders, _written):
        if state["worker"] is not None:
            state["worker"].stop()
        state.update(worker=None, shared=set())
    _renders["from_worker"] = {}
    _written.update(done={}, nav=None, env=None)


def _from_worker(key: tuple) -> tuple | None:
    if key[0] not in _renders["shared"]:
        return None
    if _renders["worker"] is not None:  # its results, the first time one is needed
        _renders["from_worker"] = {k: (done, said) for k, done, said in _waited(_renders["worker"])}
        _renders["worker"] = None
    found = _renders["from_worker"].pop(key, None)
    if found is None:  # the page's Markdown changed after the fork (a plugin): convert it here
        return None
    done, said = found
    _say_again(said)
    return done


def _waited(worker: workers.Worker) -> Any:
    """The worker's results, logging (with -v) which of the two processes waited for the other."""
    asked = time.monotonic()
    result = worker.result()
    finished = worker.finished or time.monotonic()
    log.debug("the worker finished %.2f s after it started; MkDocs's process asked for it after %.2f s",
              finished - worker.started, asked - worker.started)
    return result


def _say_again(said: list[tuple[str, int, str]]) -> None:
    for name, level, message in said:
        logging.getLogger(name).log(level, message)


def _listen() -> _Said:
    """In a worker: keep what MkDocs logs instead of printing it (MkDocs's process logs it)."""
    said = _Said()
    mkdocs_log = logging.getLogger("mkdocs")
    for handler in list(mkdocs_log.handlers):
        mkdocs_log.removeHandler(handler)
    mkdocs_log.addHandler(said)
    mkdocs_log.propagate = False
    return said


def _heard(said: _Said) -> list[tuple[str, int, str]]:
    return [(r.name, r.levelno, r.getMessage()) for r in said.records if r.levelno >= logging.INFO]


class _Said(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _convert_share(uris: list[str]) -> list[tuple]:
    """In the worker: read and convert each page as MkDocs's build loop would, keeping what it logged."""
    config, files = _renders["config"], _renders["files"]
    said = _listen()
    out = []
    for uri in uris:
        file = files.get_file_from_path(uri)
        page = file.page or Page(None, file, config)
        config._current_page = page
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        said.records = []
        done = _converted(page, config, files)
        out.append((_key(page), done, _heard(said)))
    return out
