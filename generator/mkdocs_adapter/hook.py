"""The MkDocs hook that `mkdocs.yml` names: the generator's pages handed to MkDocs as virtual files.

MkDocs' public events only; the build's state lives on one `Adapter` object, whose events are the hook's.
`on_pre_build` runs before MkDocs cleans site/, so a bad fact sheet stops `mkdocs build` with the previous
site intact; under `mkdocs serve` a bad save is reported and the last good pages are served again
(stock MkDocs would hang every request until the next good save), each with a banner listing the problems
(`banner.py`), until a good save clears it. `mkdocs serve` started with a bad fact sheet serves stand-in
pages under that banner until the first good save. MkDocs caches hook modules: editing this package needs
a restart of `mkdocs serve`.
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

from generator import pipeline, urls
from generator.errors import InputError, Problem, Problems
from generator.mkdocs_adapter import banner, watch
from generator.mkdocs_adapter.blocks import PageBlocks, PassBlocks
from generator.write import collisions

log = logging.getLogger("mkdocs.hooks.generator")

NAV_TOPICS_MAX = 12  # more topics than this: the nav shows the topics index only, which lists them all

# Material indents its HTML deeply (`make bench` shows where a site's bytes go). A run of whitespace that
# holds a line break renders as one space, so it becomes one line break (never inside <pre>,
# <textarea>, <script> or <style>, where whitespace is content).
_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
_BLANK = re.compile(r"\s*\n\s*")


class Adapter:
    """What one MkDocs process knows between events: the last good pages, and the page being converted."""

    def __init__(self) -> None:
        self.serving = False
        self.outputs: dict[str, str] = {}  # the last good build's pages and data files, by path
        self.blocks: dict[str, tuple[str, ...]] = {}  # each page's HTML blocks
        self.topic_pages: list[str] = []
        self.failed: list[Problem] = []  # under serve: the problems of the last build, while it failed
        self.converting = PageBlocks()  # the blocks of the page Markdown is converting now
        self.epoch_ours = "SOURCE_DATE_EPOCH" not in os.environ
        # MkDocs compiles Material's templates afresh for every build, every rebuild under serve too; their
        # compiled form is cached like Python's .pyc files (a template whose source changed compiles again).
        self.theme_bytecode = FileSystemBytecodeCache()

    def on_startup(self, command, dirty) -> None:
        self.serving = command == "serve"
        core = logging.getLogger("generator")  # the core logs as `generator.*`: MkDocs prints its own loggers
        if not any(isinstance(h, _ToMkDocs) for h in core.handlers):
            core.addHandler(_ToMkDocs())
            core.setLevel(logging.INFO)
            core.propagate = False

    def on_config(self, config):
        if not any(isinstance(e, PassBlocks) for e in config.markdown_extensions):
            config.markdown_extensions.append(PassBlocks(self.converting))
        return config

    def on_pre_build(self, config) -> None:
        seeds = Path(config.config_file_path).parent / "seeds"
        try:
            result = pipeline.build(seeds, with_history=True, parallel_ok=not self.serving,
                                    html_links=urls.link_style(config.use_directory_urls))
            problems = Problems()
            collisions(result.outputs, Path(config.docs_dir), problems)
            problems.raise_if_errors()
        except InputError as exc:
            if not self.serving:
                raise PluginError("the explainer was not built:\n" + exc.format_message()) from None
            log.error("the explainer was not %s:\n%s", "rebuilt; still serving the last good version"
                      if self.outputs else "built; serving the list of problems", exc.format_message())
            self.failed = list(exc.problems)
            config.nav = _with_topics(config.nav, self.topic_pages)
            return
        self.failed = []
        for warning in result.warnings:
            log.info("%s", warning)
        if self.epoch_ours:  # dates in the sitemap follow the inputs, not the clock
            os.environ["SOURCE_DATE_EPOCH"] = str(pipeline.epoch(result.site))
        self.outputs, self.blocks = result.outputs, result.blocks
        self.topic_pages = [f"topics/{t.id}.md" for t in result.site.topics]
        config.nav = _with_topics(config.nav, self.topic_pages)

    def on_files(self, files, config):
        outputs = self.outputs
        if not outputs and self.failed:  # serve started broken: the nav's generated pages say so
            outputs = {p: banner.STAND_IN for p in banner.nav_pages(config.nav) if files.get_file_from_path(p) is None}
        for path, content in outputs.items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        self.converting.start(self.blocks.get(page.file.src_uri, ()))
        return markdown

    def on_page_content(self, html: str, page, config, files) -> str:
        # Markdown never saw inside the blocks: MkDocs learns their ids here, to check links to them.
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | self.converting.finish()
        return html

    def on_build_error(self, error) -> None:
        self.converting.finish()

    def on_env(self, env, config, files):
        env.bytecode_cache = self.theme_bytecode
        return env

    def on_post_page(self, output: str, page, config) -> str:
        parts, last = [], 0
        for match in _VERBATIM.finditer(output):
            parts += [_BLANK.sub("\n", output[last:match.start()]), match.group(0)]
            last = match.end()
        parts.append(_BLANK.sub("\n", output[last:]))
        page_html = "".join(parts)
        return banner.inject(page_html, self.failed, bool(self.outputs)) if self.failed else page_html

    def on_serve(self, server, config, builder):
        watch.use_file_events(server, log)
        return server

    def on_post_build(self, config) -> None:
        """Leave out what Material copies but no reader loads: source maps (for debugging Material itself),
        and lunr's other-language stemmers when search is in English only."""
        assets = Path(config.site_dir) / "assets"
        for source_map in sorted(assets.rglob("*.map")):
            source_map.unlink()
        search = config.plugins.get("search") or config.plugins.get("material/search")
        languages = (search.config.lang if search is not None else None) or ["en"]
        if list(languages) == ["en"]:
            shutil.rmtree(assets / "javascripts" / "lunr", ignore_errors=True)


class _ToMkDocs(logging.Handler):
    """Hands the core's log records to MkDocs' logger, so that they print (and count) as MkDocs' own."""

    def emit(self, record: logging.LogRecord) -> None:
        log.handle(record)


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


_adapter = Adapter()
on_startup = _adapter.on_startup
on_config = _adapter.on_config
on_pre_build = _adapter.on_pre_build
on_files = _adapter.on_files
on_page_markdown = _adapter.on_page_markdown
on_page_content = _adapter.on_page_content
on_build_error = _adapter.on_build_error
on_env = _adapter.on_env
on_post_page = _adapter.on_post_page
on_serve = _adapter.on_serve
on_post_build = _adapter.on_post_build
