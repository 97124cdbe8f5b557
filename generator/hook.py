"""MkDocs hook: glue only. The generator renders; MkDocs gets the pages as virtual files.

on_pre_build runs before MkDocs cleans site/, so a bad fact sheet stops `mkdocs build` with
the previous site intact. Under `mkdocs serve` a bad save is reported and the last good pages
are served again (stock MkDocs would hang every request until the next good save). Editing
this file needs a restart of `mkdocs serve`: MkDocs caches hook modules.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from generator import pipeline
from generator.errors import InputError, Problems
from generator.write import collisions

log = logging.getLogger("mkdocs.hooks.generator")
_state: dict = {"pages": {}, "topics": [], "serving": False, "epoch_ours": "SOURCE_DATE_EPOCH" not in os.environ}


def on_startup(command, dirty) -> None:
    _state["serving"] = command == "serve"


def on_pre_build(config) -> None:
    seeds = Path(config.config_file_path).parent / "seeds"
    try:
        result = pipeline.build(seeds, with_history=True)
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
    _state["topics"] = [f"topics/{t.id}.md" for t in result.site.topics]
    config.nav = _with_topics(config.nav, _state["topics"])


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
    return env


def on_files(files, config):
    for path, content in _state["pages"].items():
        files.append(File.generated(config, path, content=content))
    return files
