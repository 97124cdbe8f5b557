"""Render the site model into Markdown pages through the Jinja2 templates: a function of the model.

The environment is strict (an undefined name is an error, never an empty string) and escapes every
interpolated value as Markdown text unless a helper (`context.PageContext`) has already made it safe.
The records a page repeats by the dozen (facts, quotes, events, passages) are written as HTML blocks
by `_blocks.html.j2`, in an environment that escapes every value as HTML text; each page's blocks are
also handed over as a list, so that a builder may pass them through its Markdown converter whole.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import coverage, diskcache, escape, pictures, structured, urls
from . import text as text_helpers
from .bibliography import BIBLIOGRAPHY, Bibliography
from .context import PageContext
from .history import History
from .model import FIGURES, QUOTES, TIMELINE, WHOS_WHO, Site
from .reference import record_docs
from .text import human_date


@dataclass(frozen=True)
class Rendered:
    """A page's Markdown, and its HTML blocks in order, each exactly as it stands in the Markdown."""

    markdown: str
    blocks: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageJob:
    """A page to render: its path, its template, and what its template needs besides the site. The extra
    context may be a function, called only when the page is rendered (by whichever process renders it)."""

    path: str
    template: str
    extra: dict | Callable[[], dict]


def environment() -> Environment:
    """The environment of the Markdown pages (`*.md.j2`)."""
    env = _environment(escape.finalize)
    env.filters.update(md=escape.md, attr=escape.attr, url=escape.url, date=human_date,
                       json_ld=escape.json_ld, front=escape.front_matter)
    return env


def html_environment() -> Environment:
    """The environment of the blocks written as HTML (`*.html.j2`): every `{{ … }}` is escaped as HTML
    text, with glossary tooltips, by the page's own `text` (Markdown leaves those blocks alone)."""
    env = _environment(_html_text)
    env.filters.update(attr=escape.attr, url=escape.url, date=human_date)
    return env


def _environment(finalize: Callable[..., object]) -> Environment:
    return Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        # Every `{{ … }}` goes through `finalize`, which escapes it for where it lands;
        # autoescape keeps macro output and helper results (Markup) from being escaped twice.
        autoescape=True,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=FileSystemBytecodeCache(),  # templates compile once, like .pyc files
    )


@pass_context
def _html_text(context: Context, value: object) -> object:
    if value is None:
        return ""
    return value if isinstance(value, Markup) else context["text"](value)


def page_jobs(site: Site, history: History) -> list[PageJob]:
    """Every generated page, in a fixed order."""
    drawings = _pictures(site)
    bibliography = Bibliography(site)
    return [
        PageJob("index.md", "home.md.j2", drawings),
        PageJob("topics/index.md", "topics.md.j2", {}),
        *[PageJob(f"topics/{t.id}.md", "topic.md.j2", {"topic": t}) for t in site.topics],
        *_directory(TIMELINE, site.timeline_pages, "timeline.md.j2", "events", drawings),
        PageJob("actors.md", "actors.md.j2",
                {**drawings, "relations": pictures.edges(site.sheet.relations, site.entity)}),
        PageJob("map.md", "map.md.j2", drawings),
        *_directory(WHOS_WHO, site.whos_who_pages, "whos-who.md.j2", "entities", {}),
        PageJob("glossary.md", "glossary.md.j2", {}),
        *_directory(FIGURES, site.figure_pages, "figures.md.j2", "figures", {}),
        *_directory(QUOTES, site.quote_pages, "quotes.md.j2", "quotes", {}),
        PageJob("articles/index.md", "articles.md.j2", {}),
        *_directory(BIBLIOGRAPHY, bibliography.pages, "bibliography.md.j2", "sources", {"bibliography": bibliography}),
        PageJob("reference/factsheet.md", "reference.md.j2", {"reference": record_docs()}),
        # Coverage analysis is the slowest context: made only when its page is rendered.
        PageJob("coverage.md", "coverage.md.j2", functools.partial(_coverage_context, site)),
        PageJob("changes.md", "changes.md.j2", {}),
        *[PageJob(f"articles/{a.id}.md", "article.md.j2", {"article": a}) for a in site.articles],
    ]


def _coverage_context(site: Site) -> dict:
    return {"coverage": coverage.compute(site.sheet, site.articles, site.event_page, site.quote_page)}


def _directory(index: str, pages: dict[str, list], template: str, name: str, extra: dict) -> list[PageJob]:
    """A directory's pages: one page holding every entry, or an index page (`parts`: each part's
    page and size) and one page per part (`part`: its page's label)."""
    if list(pages) == [index]:
        return [PageJob(index, template, {name: pages[index], "parts": [], "part": "", **extra})]
    parts = [(path, _part_label(path), len(entries)) for path, entries in pages.items()]
    out = [PageJob(index, template, {name: [], "parts": parts, "part": "", **extra})]
    out += [PageJob(path, template, {name: pages[path], "parts": parts, "part": label, **extra})
            for path, label, _ in parts]
    return out


def _part_label(path: str) -> str:
    stem = posixpath.basename(path)[:-len(".md")]
    return "Other" if stem == "other" else stem.upper()


def _pictures(site: Site) -> dict:
    """The pictures, each drawn by its page's template with the page's own links (`blocks.picture`). The slow
    parts are kept in the disk cache, keyed by exactly what they read: where the map's country names may
    stand (from the committed outlines only), and the timeline (from the events and the page's links)."""
    region = pictures.load_region()
    spots = diskcache.memo("map-name-spots", repr(region), (pictures,), lambda: pictures.name_spots(region))
    article_date = pictures.article_date(site.sources.values())
    timeline = functools.partial(pictures.timeline, site.events, site.topics, page_of=site.event_page,
                                 article_date=article_date)
    return {
        "timeline_svg": functools.partial(_timeline_drawing, site, article_date, timeline),
        "actors_svg": functools.partial(pictures.actors, site.sheet.relations, site.entity,
                                        entity_page=site.entity_page),
        "map_svg": functools.partial(pictures.syria_map, site.entities, region=region, spots=spots,
                                     entity_page=site.entity_page),
        "place_rows": pictures.place_events(site.entities, site.events, site.facts),
    }


class Renderer:
    """Renders the pages of one site. Made once per build; `render` may then run in two processes."""

    def __init__(self, site: Site, history: History, html_links: str = "directory") -> None:
        if html_links not in urls.LINK_STYLES:
            raise ValueError(f"html_links must be one of {urls.LINK_STYLES}, not {html_links!r}")
        self.site = site
        self.history = history
        self.html_links = html_links
        self.jobs = page_jobs(site, history)
        self.env, self.html_env = environment(), html_environment()
        self.abbreviations = _abbreviations(site)
        # Later definitions win, as in Markdown, where each `*[name]: …` line overwrites the one before.
        self.glossary = escape.Glossary({name: definition for name, definition, _ in self.abbreviations})

    def render(self, numbers: Sequence[int]) -> list[tuple[str, Rendered]]:
        """The pages `self.jobs[n]` for each n, in that order."""
        blocks_template = self.html_env.get_template("_blocks.html.j2")
        # A token no input can forge: NUL characters around a number drawn at random for this call.
        nonce = secrets.token_hex(8)
        token, tokens = f"\0{nonce}:%d\0", re.compile(f"\0{nonce}:(\\d+)\0")
        return [self._page(self.jobs[n], blocks_template, token, tokens) for n in numbers]

    def _page(self, job: PageJob, blocks_template, token: str, tokens: re.Pattern[str]) -> tuple[str, Rendered]:
        extra = job.extra() if callable(job.extra) else job.extra
        ctx = PageContext(site=self.site, path=job.path, html_links=self.html_links, glossary=self.glossary)
        blocks = _BlockRecorder(blocks_template.make_module(self._globals(ctx.as_html())), token)
        skeleton = self.env.get_template(job.template).render(self._globals(ctx), blocks=blocks, **extra)
        data = structured.article(self.site, job.path, skeleton, ctx.cited, ctx.linked)
        skeleton = structured.with_front_matter(skeleton, structured.front_matter_line(data))
        # The blocks carry their own tooltips: only the Markdown around them needs abbreviation lines.
        skeleton = skeleton.rstrip("\n") + "\n" + _abbreviations_in(skeleton, self.abbreviations)
        return job.path, blocks.fill(skeleton, tokens)

    def _globals(self, ctx: PageContext) -> dict:
        """What a template sees of its page: the site, the change history and the page's helpers."""
        return dict(site=ctx.site, history=self.history, page=ctx, href=ctx.href, note=ctx.note, prose=ctx.prose,
                    entity_link=ctx.entity_link, notes=ctx.notes_for, named=ctx.named, also=ctx.also,
                    provenance=ctx.provenance, text=ctx.text)


class _BlockRecorder:
    """The HTML blocks module as page templates call it: each block goes into the page as a token, so
    that the rest of the page (its Markdown) can be looked at without the blocks; `fill` puts them in."""

    def __init__(self, module, token: str) -> None:
        self._module = module
        self._token = token
        self.blocks: list[str] = []

    def __getattr__(self, name: str) -> Callable[..., Markup]:
        macro = getattr(self._module, name)

        def block(*args, **kwargs) -> Markup:
            self.blocks.append(str(macro(*args, **kwargs)))
            return Markup(self._token % (len(self.blocks) - 1))
        return block

    def fill(self, skeleton: str, tokens: re.Pattern[str]) -> Rendered:
        """`skeleton` with each token replaced by its block; the blocks without the newlines around them."""
        pieces = tokens.split(skeleton)  # text, block number, text, block number, …, text
        used = []
        for i in range(1, len(pieces), 2):
            pieces[i] = self.blocks[int(pieces[i])]
            used.append(pieces[i].strip("\n"))
        return Rendered("".join(pieces), tuple(block for block in used if block))


def render_site(site: Site, history: History | None = None, html_links: str = "directory") -> dict[str, Rendered]:
    """Path → Markdown and blocks for every generated page, in one process."""
    renderer = Renderer(site, history or History.not_read(), html_links)
    return dict(renderer.render(range(len(renderer.jobs))))


def _timeline_drawing(site: Site, article_date: str | None, draw: Callable, href: Callable) -> Markup:
    """The timeline as drawn before for the same events, topics, article date and links, or drawn now."""
    events = [(e.id, e.date, e.title, tuple(e.topics), str(href(site.event_page(e.id), e.id))) for e in site.events]
    key = repr((events, [(t.id, t.title) for t in site.topics], article_date))
    # The drawing's dates and months come from the text helpers: their code is part of the key too.
    return Markup(diskcache.memo("timeline", key, (pictures, text_helpers), lambda: str(draw(href))))


def _abbreviations(site: Site) -> list[tuple[str, str, str]]:
    """Glossary terms as abbreviations: a tooltip wherever a term appears. (name, definition, Markdown line)."""
    out = []
    for term in site.glossary:
        definition = " ".join(term.definition.split())
        for name in (term.term, *term.aliases):
            if "]" in name or "\n" in name:
                continue
            out.append((name, definition, f"*[{name}]: {definition}"))
    return out


def _abbreviations_in(text: str, abbreviations: list[tuple[str, str, str]]) -> str:
    """The abbreviation lines of the terms that occur in the page (as it reads once unescaped): the HTML
    is the same as with every line on every page, and Markdown matches far fewer terms per page."""
    plain = text.replace("\\", "")  # backslash escapes gone (a name with a backslash is always kept)
    plain = html.unescape(plain) if "&" in plain else plain
    lines = [line for name, _, line in abbreviations if "\\" in name or name in plain]
    return ("\n" + "\n".join(lines) + "\n") if lines else ""
