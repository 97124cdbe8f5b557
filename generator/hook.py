"""MkDocs hook: glue only. The generator renders; MkDocs gets the pages as virtual files.

on_pre_build runs before MkDocs cleans site/, so a bad fact sheet stops `mkdocs build` with
the previous site intact. Under `mkdocs serve` a bad save is reported and the last good pages
are served again (stock MkDocs would hang every request until the next good save). Editing
this file needs a restart of `mkdocs serve`: MkDocs caches hook modules.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator import blockstash, pagecache, pipeline, urls, workers
from generator.errors import InputError, Problems
from generator.write import collisions

log = logging.getLogger("mkdocs.hooks.generator")
_state: dict = {"pages": {}, "blocks": {}, "topics": [], "serving": False,
               "epoch_ours": "SOURCE_DATE_EPOCH" not in os.environ}


def on_startup(command, dirty) -> None:
    _state["serving"] = command == "serve"
    _index_search_sections()
    pagecache.install(reuse=_state["serving"])


def on_config(config):
    """Markdown passes the generator's HTML blocks through whole (`generator.blockstash`)."""
    if not any(isinstance(e, blockstash.PassBlocks) for e in config.markdown_extensions):
        config.markdown_extensions.append(blockstash.PassBlocks())
    return config


def on_pre_build(config) -> None:
    seeds = Path(config.config_file_path).parent / "seeds"
    try:
        # Under serve, the helper process renders half the pages once the site is large enough (the
        # last build's size says); a build forks a worker instead.
        helper = _state["serving"] and workers.wanted(len(_state["pages"]))
        result = pipeline.build(seeds, with_history=True, parallel=not _state["serving"],
                                html_links=urls.link_style(config.use_directory_urls), helper=helper)
        problems = Problems()
        collisions(result.outputs, Path(config.docs_dir), problems)
        problems.raise_if_errors()
    except InputError as exc:
        if not (_state["serving"] and _state["pages"]):
            raise PluginError("the explainer was not built:\n" + exc.format_message()) from None
        log.error("the explainer was not rebuilt; still serving the last good version:\n%s",
                  exc.format_message())
        config.nav = _with_topics(config.nav, _state["topics"])
        return
    for warning in result.warnings:
        log.info("%s", warning)
    if _state["epoch_ours"]:  # dates in the sitemap follow the inputs, not the clock
        os.environ["SOURCE_DATE_EPOCH"] = str(pipeline.epoch(result.site))
    _state["pages"] = result.outputs  # pages and data files alike become virtual files
    _state["blocks"] = result.blocks
    if _state["serving"] and workers.wanted(len(result.pages)):
        _warm_helper()
    _state["topics"] = [f"topics/{t.id}.md" for t in result.site.topics]
    config.nav = _with_topics(config.nav, _state["topics"])


def on_serve(server, config, builder):
    """Hear a save at once. MkDocs 1.6 polls the watched folders every half second, which is half of
    a small site's whole preview delay on average; the operating system's file events (inotify on
    Linux) arrive within milliseconds. If they cannot be had, polling stays."""
    paths = list(server._watched_paths)
    try:
        native = _changes_observer()
        _try_watching(paths)
    except (OSError, TypeError) as exc:  # e.g. the system's limit of inotify watches is reached
        log.info("file events unavailable (%s); MkDocs keeps polling every half second", exc)
        return server
    server.observer = native
    server._watched_paths.clear()
    server._watch_refs.clear()
    for path in paths:  # the same folders, now on the new observer (plugins' watches follow it too)
        server.watch(path)
    return server


def _changes_observer():
    """An observer of the operating system's file events that reports only what changes a file.
    (watchdog is imported here: only `mkdocs serve` needs it.)"""
    from watchdog import events
    from watchdog.observers import Observer

    # Inotify also reports every file opened or read, and MkDocs rebuilds on any event: reading a
    # template during a build would set off the next build, for ever.
    changes = [events.FileModifiedEvent, events.FileCreatedEvent, events.FileDeletedEvent,
               events.FileMovedEvent, events.FileClosedEvent]

    class ChangesObserver(Observer):  # type: ignore[valid-type,misc]
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            return super().schedule(event_handler, path, recursive=recursive, follow_symlink=follow_symlink,
                                    event_filter=event_filter or changes)

    return ChangesObserver()


def _try_watching(paths: list[str]) -> None:
    """Watch the folders once and stop: raises OSError now, at startup, if file events cannot be had
    for them (watchdog would otherwise raise it from inside `mkdocs serve` and end the server)."""
    from watchdog.events import FileSystemEventHandler

    probe, ignore = _changes_observer(), FileSystemEventHandler()
    for path in paths:
        probe.schedule(ignore, path, recursive=True)
    probe.start()
    probe.stop()
    probe.join(timeout=5)


NAV_TOPICS_MAX = 12  # more topics than this: the nav shows the topics index only, which lists them all


def _with_topics(nav, topic_pages: list[str]):
    """Append the fact sheet's topics to the nav section that holds topics/index.md.

    A long list would be rendered into every topic page (and read by no one): past NAV_TOPICS_MAX
    the topics index is the directory."""
    topic_pages = topic_pages if len(topic_pages) <= NAV_TOPICS_MAX else []
    for entry in nav or []:
        for title, children in (entry.items() if isinstance(entry, dict) else []):
            if isinstance(children, list) and "topics/index.md" in children:
                entry[title] = ["topics/index.md"] + topic_pages
    return nav


# MkDocs compiles Material's templates afresh for every build, every `mkdocs serve` rebuild too: a
# third of a small site's rebuild. Their compiled form is cached like Python's .pyc files (in Jinja's
# per-user cache folder; a template whose source changed is compiled again).
_THEME_BYTECODE = FileSystemBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _THEME_BYTECODE
    if not _state["serving"]:
        pagecache.start_page_writer(config, files, env)
    return env


# Material indents its HTML deeply: a fifth of every page is indentation. A run of whitespace that
# holds a line break renders as one space, so it becomes one line break (never inside <pre>,
# <textarea>, <script> or <style>, where whitespace is content).
_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_BLANK = re.compile(r"\s*\n\s*")


def on_post_page(output: str, page, config) -> str:
    parts, last = [], 0
    for match in _VERBATIM.finditer(output):
        parts += [_BLANK.sub("\n", output[last:match.start()]), match.group(0)]
        last = match.end()
    parts.append(_BLANK.sub("\n", output[last:]))
    return "".join(parts)


def on_files(files, config):
    for path, content in _state["pages"].items():
        files.append(File.generated(config, path, content=content))
    pagecache.remember(files, config, _blocks_of)
    return files


def _warm_helper() -> None:
    try:  # started now, it is ready by the first save
        workers.Helper.warm()
    except RuntimeError:
        pass


def _blocks_of(src_uri: str) -> list[str]:
    return pipeline.blocks_of(_state["pages"].get(src_uri, ""), _state["blocks"].get(src_uri, ()))


def on_nav(nav, config, files):
    if not _state["serving"]:  # under serve, the server's threads make forking unsafe; renders are reused
        pagecache.keep_nav(nav)
        pagecache.start_converter(config, files)
    return nav


def on_build_error(error) -> None:
    pagecache.stop_workers()


def on_post_build(config) -> None:
    """Stop the conversion worker, if one ran. Then leave out what Material copies but no reader
    loads: source maps (for debugging Material itself), and lunr's other-language stemmers when
    search is in English only. 2.2 MB a site."""
    pagecache.stop_workers()
    assets = Path(config.site_dir) / "assets"
    for source_map in sorted(assets.rglob("*.map")):
        source_map.unlink()
    search = config.plugins.get("search") or config.plugins.get("material/search")
    languages = (search.config.lang if search is not None else None) or ["en"]
    if list(languages) == ["en"]:
        shutil.rmtree(assets / "javascripts" / "lunr", ignore_errors=True)


def _index_search_sections() -> None:
    """Material's search looks up each section's heading by walking the page's whole table of
    contents: quadratic in the headings of a page, and who's who has one per entity (a quarter of
    a thousand-article build). The same lookup, from a map made once per page. Tied to
    mkdocs-material 9.8's SearchIndex, like the pin in requirements.lock."""
    from material.plugins.search.plugin import SearchIndex

    if getattr(SearchIndex._find_toc_by_id, "indexed", False):
        return
    last: dict = {"toc": None, "ids": {}}

    def find(self, toc, id):
        if last["toc"] is not toc:
            ids: dict = {}
            stack = list(reversed(list(toc)))
            while stack:  # depth first, in order: the first item with an id wins, as in the walk
                item = stack.pop()
                ids.setdefault(item.id, item)
                stack.extend(reversed(list(item.children)))
            last.update(toc=toc, ids=ids)
        return last["ids"].get(id)

    find.indexed = True  # type: ignore[attr-defined]
    SearchIndex._find_toc_by_id = find  # type: ignore[method-assign]
