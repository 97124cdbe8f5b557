"""Render the site model into Markdown pages through the Jinja2 templates.

The environment is strict (an undefined name is an error, never an empty string) and
escapes every interpolated value as Markdown text unless a helper below has already made
it safe. Helpers that build links live here so that templates only loop and branch.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import itertools
import posixpath
import re
import secrets
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import coverage, escape, pictures, structured, urls, workers
from .model import FIGURES, QUOTES, TIMELINE, WHOS_WHO, Cite, Site, human_date
from .reference import records
from .schema import Entity


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


@functools.cache
def shared_environment() -> Environment:
    """One environment per process, so templates compile once, not on every `mkdocs serve` rebuild
    (Jinja's auto_reload still recompiles a template whose file changed)."""
    return environment()


@functools.cache
def shared_html_environment() -> Environment:
    return html_environment()


@functools.lru_cache(maxsize=65536)
def _relative(target: str, start: str) -> str:
    # posixpath.relpath asks the OS for the working directory on every call; pages ask it thousands of times.
    return posixpath.relpath(target, start)


@functools.lru_cache(maxsize=65536)
def _fragment(anchor: str) -> str:
    return "#" + quote(anchor, safe="-._~!$'()*+,;=:@/?")


# Badges repeated on every fact, event and citation. Python rather than template macros: at a thousand
# articles they are drawn a hundred thousand times, and a Jinja macro call costs ten times a method's.
# Search leaves them out, like citation and history lines: a record is found by its own words, and a
# search for "article", "background" or a month would otherwise match every fact.
_ARTICLE_BADGE = Markup('<span class="badge badge-article" title="Reported in the source article" '
                        'data-search-exclude>From the article</span>')
_BACKGROUND_BADGE = Markup('<span class="badge badge-background" title="Not in the source article: '
                           'from an outside source" data-search-exclude>Background</span>')
_RANK_BADGES = {
    "preferred": Markup(' <span class="badge badge-preferred" title="Trusted more than the other sources for '
                        'this record" data-search-exclude>Preferred</span>'),
    "deprecated": Markup(' <span class="badge badge-deprecated" title="Trusted less than the other sources for '
                         'this record; kept so the disagreement stays visible" data-search-exclude>Deprecated source'
                         '</span>'),
}


@dataclass
class PageContext:
    """Helpers bound to one page: relative links and first-mention entity links.

    They write Markdown, or, in the view `as_html()` gives, HTML for the blocks written as raw HTML
    (Markdown leaves those alone: no inline parsing, no link rewriting, no glossary tooltips, so
    the view does all three). Both views share what the page has linked and cited so far."""

    site: Site
    path: str
    linked: set[str] = field(default_factory=set)
    cited: list[Cite] = field(default_factory=list)  # every citation shown, for the page's JSON-LD
    html: bool = False
    html_links: str = "directory"  # how links in HTML are written (`urls.LINK_STYLES`)
    glossary: escape.Glossary | None = None  # tooltips for HTML text; None: none

    def as_html(self) -> PageContext:
        return dataclasses.replace(self, html=True)

    def text(self, value: object) -> Markup:
        """Text escaped for where this view writes it."""
        if not self.html:
            return escape.md(value)
        return self.glossary(value) if self.glossary is not None else escape.html_text(value)

    def href(self, target: str, anchor: str = "") -> Markup:
        # Ids are slugs (the schema's pattern); HTML links quote them all the same, as paths are quoted
        # (`urls.page_url`), so that no input can end the attribute.
        fragment = (_fragment(anchor) if self.html else f"#{anchor}") if anchor else ""
        if target == self.path:
            return Markup(fragment)
        if self.html and self.html_links != "source":
            directory = self.html_links == "directory"
            start = urls.page_url(self.path, directory)
            return Markup(urls.relative(urls.page_url(target, directory), start) + fragment)
        return Markup(_relative(target, posixpath.dirname(self.path) or ".") + fragment)

    def link(self, label: Markup, target: str, anchor: str = "") -> Markup:
        """A link to a generated page: `label` must already be escaped (`text`)."""
        if self.html:
            return Markup(f'<a href="{self.href(target, anchor)}">{label}</a>')
        return Markup(f"[{label}]({self.href(target, anchor)})")

    def entity_link(self, entity: Entity | str) -> Markup:
        if isinstance(entity, str):
            entity = self.site.entity(entity)
        self.linked.add(entity.id)
        return self.link(self.text(entity.name), self.site.entity_page(entity.id), entity.id)

    def cite(self, cite: Cite) -> Markup:
        """A citation link: to the exact paragraph of an article, or out to a background source."""
        self.cited.append(cite)
        if cite.article is not None:
            name = self.site.article_label(cite.article)
            label = Markup(f"{self.text(name)}, ¶{cite.paragraph.number}") if cite.paragraph else self.text(name)
            anchor = cite.paragraph.id if cite.paragraph else ""
            link = self.link(label, f"articles/{cite.article.id}.md", anchor)
            return Markup(f'<span class="cite cite-article">{link}</span>')
        source = cite.source
        label = ", ".join(self.text(x) for x in (source.publisher or source.title or source.id,
                                                 human_date(source.date)) if x)
        address = source.url or ""
        if cite.raw.quote and address:
            # Keep an existing fragment: `#section:~:text=…` scrolls to the passage, not the section.
            base = address.split(":~:")[0]
            address = (base if "#" in base else base + "#") + escape.text_fragment(cite.raw.quote)
        return Markup(f'<span class="cite cite-background"><span class="badge">Background</span> '
                      f'<a href="{escape.url(address)}">{label}</a></span>')

    def ranked(self, cite: Cite) -> Markup:
        """A citation with its rank shown: deprecated sources stay visible, marked as such."""
        return Markup(self.cite(cite) + _RANK_BADGES.get(cite.raw.rank, ""))

    def sources(self, record) -> Markup:
        """Every citation of a record, preferred first (`Site.cites` sorts), separated by semicolons."""
        return Markup("; ".join(self.ranked(c) for c in self.site.cites(record)))

    def basis(self, record) -> Markup:
        """The badge saying whether a record comes from the article or from an outside source."""
        return _BACKGROUND_BADGE if self.site.is_background(record) else _ARTICLE_BADGE

    def prose(self, text: str) -> Markup:
        """Escaped text in which the first mention of each entity on the page links to who's who."""
        pattern = self.site_names_pattern()
        if pattern is None or self.path in self.site.whos_who_pages:
            return self.text(text)
        text = " ".join(text.split())
        out: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            entity_id = self.name_to_id[match.group(0)]
            if entity_id in self.linked:
                continue
            self.linked.add(entity_id)
            out.append(self.text(text[last:match.start()]) if match.start() > last else "")
            out.append(self.link(self.text(match.group(0)), self.site.entity_page(entity_id), entity_id))
            last = match.end()
        out.append(self.text(text[last:]) if last < len(text) else "")
        return Markup("".join(out))

    @staticmethod
    def by_year(events: list) -> list[tuple[str, list]]:
        """Events in runs of the same year, in their order (the timeline's sections)."""
        return [(year, list(run)) for year, run in itertools.groupby(events, key=lambda e: e.date[:4])]

    def site_names_pattern(self) -> re.Pattern[str] | None:
        return self.site.names_pattern

    @property
    def name_to_id(self) -> dict[str, str]:
        return self.site.name_to_id


def pages(site: Site) -> list[tuple[str, str, dict | Callable[[], dict]]]:
    """Every generated page: (path, template, extra context), in a fixed order. An extra context may be
    a function, called when its page is rendered, by whichever process renders it (`_split`)."""
    return [
        ("index.md", "home.md.j2", {}),
        ("topics/index.md", "topics.md.j2", {}),
        *[(f"topics/{t.id}.md", "topic.md.j2", {"topic": t}) for t in site.topics],
        *_directory(TIMELINE, site.timeline_pages, "timeline.md.j2", "events", _pictures(site)),
        ("actors.md", "actors.md.j2",
         {**_pictures(site), "relations": pictures.edges(site.sheet.relations, site.entity)}),
        *_directory(WHOS_WHO, site.whos_who_pages, "whos-who.md.j2", "entities", {}),
        ("glossary.md", "glossary.md.j2", {}),
        *_directory(FIGURES, site.figure_pages, "figures.md.j2", "figures", {}),
        *_directory(QUOTES, site.quote_pages, "quotes.md.j2", "quotes", {}),
        ("articles/index.md", "articles.md.j2", {}),
        ("reference/factsheet.md", "reference.md.j2", {"reference": _reference()}),
        ("coverage.md", "coverage.md.j2", functools.partial(_coverage_context, site)),
        ("changes.md", "changes.md.j2", {"history": site.history}),
        *[(f"articles/{a.id}.md", "article.md.j2", {"article": a}) for a in site.articles],
        ("map.md", "map.md.j2", _pictures(site)),  # last: the pages before it keep their share (`_split`)
    ]


def _coverage_context(site: Site) -> dict:
    return {"coverage": coverage.compute(site.sheet, site.articles, site.event_page, site.quote_page)}


def _directory(index: str, pages: dict[str, list], template: str, name: str, extra: dict) -> list:
    """A directory's pages: one page holding every entry, or an index page (`parts`: each part's
    page and size) and one page per part (`part`: its page's label)."""
    if list(pages) == [index]:
        return [(index, template, {name: pages[index], "parts": [], "part": "", **extra})]
    parts = [(path, _part_label(path), len(entries)) for path, entries in pages.items()]
    out = [(index, template, {name: [], "parts": parts, "part": "", **extra})]
    out += [(path, template, {name: pages[path], "parts": parts, "part": label, **extra})
            for path, label, _ in parts]
    return out


def _part_label(path: str) -> str:
    stem = posixpath.basename(path)[:-len(".md")]
    return "Other" if stem == "other" else stem.upper()


_reference = functools.cache(records)  # from the schema in our code: the same for the whole process


def _pictures(site: Site) -> dict:
    """The pictures, each drawn by its page's template with the page's own links (`blocks.picture`)."""
    return {
        "timeline_svg": functools.partial(pictures.timeline, site.events, site.topics, page_of=site.event_page,
                                          article_date=pictures.article_date(site.sources.values())),
        "actors_svg": functools.partial(pictures.actors, site.sheet.relations, site.entity,
                                        entity_page=site.entity_page),
        "map_svg": functools.partial(pictures.syria_map, site.entities, region=pictures.load_region(),
                                     entity_page=site.entity_page),
        "place_rows": pictures.place_events(site.entities, site.events, site.facts),
    }


@dataclass
class Rendered:
    """A page's Markdown, and where its HTML blocks are in it: (start, end) offsets, in order."""

    markdown: str
    blocks: list[tuple[int, int]]


class _Recorder:
    """The HTML blocks module as page templates call it: each block goes into the page as a token,
    so that the rest of the page (its Markdown) can be looked at without the blocks, and the blocks
    are put in place at the end, where their offsets are known without searching."""

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

    def fill(self, skeleton: str, tokens: re.Pattern[str]) -> tuple[str, list[tuple[int, int]]]:
        """`skeleton` with each token replaced by its block; each block's offsets, newlines around it left out."""
        pieces = tokens.split(skeleton)  # text, block number, text, block number, …, text
        spans = []
        at = 0
        for i in range(1, len(pieces), 2):
            at += len(pieces[i - 1])
            block = pieces[i] = self.blocks[int(pieces[i])]
            start = at + len(block) - len(block.lstrip("\n"))
            spans.append((start, start + len(block.strip("\n"))))
            at += len(block)
        return "".join(pieces), spans


def render_site(site: Site, env: Environment | None = None, *, parallel: bool = False, html_links: str = "directory",
                meanwhile: Callable[[], object] | None = None,
                helper: tuple[Future, str | None] | None = None) -> dict[str, Rendered]:
    """Path → Markdown and blocks for every generated page. `parallel`: half the pages (`_split`) are rendered by a
    forked worker where `workers.wanted` allows it (only where this process runs a single thread). `helper`: the
    serve helper's pending share (`render_half` of the inputs it read) and the signature of what this
    process read; its pages are used where it read the same, else rendered here. `meanwhile` is called
    after this process's own pages, while the worker may still be rendering. `html_links`: how the links
    in HTML blocks are written (`urls.LINK_STYLES`), as the builder publishes pages or reads links."""
    todo = _prepare(site, env, html_links)
    shared = helper is not None or (parallel and workers.wanted(len(todo)))
    numbers, theirs = _split(todo) if shared else (list(range(len(todo))), [])
    worker = workers.Worker(_render_share, theirs) if theirs and helper is None else None
    try:
        done = dict(_render_share(numbers))
        if meanwhile is not None:
            meanwhile()
        if worker is not None:
            done.update(worker.result())
        elif helper is not None:
            done.update(_from_helper(*helper, [todo[i][0] for i in theirs]) or _render_share(theirs))
    finally:
        if worker is not None:
            worker.stop()
        _SHARED.clear()
    return {path: done[path] for path, _, _ in todo}  # in page order, whoever rendered them


def render_half(site: Site, html_links: str) -> list[tuple[str, Rendered]]:
    """The serve helper's share of the pages: the other side of `_split`."""
    todo = _prepare(site, None, html_links)
    try:
        return _render_share(_split(todo)[1])
    finally:
        _SHARED.clear()


def _split(todo: list) -> tuple[list[int], list[int]]:
    """The pages this process renders and those a worker or the helper renders: every other page, except
    that a page whose context is made as it is rendered (coverage: 0.4 s at a thousand articles) goes
    to the other side, swapped with its neighbour. This process has the data files to write meanwhile,
    so the other side has that time to spare."""
    ours, theirs = list(range(0, len(todo), 2)), list(range(1, len(todo), 2))
    for number in [n for n in ours if callable(todo[n][2])]:
        other = number + 1 if number + 1 < len(todo) else number - 1
        if other >= 0 and not callable(todo[other][2]):
            ours[ours.index(number)], theirs[theirs.index(other)] = other, number
    return sorted(ours), sorted(theirs)


def _prepare(site: Site, env: Environment | None, html_links: str) -> list[tuple[str, str, dict]]:
    if html_links not in urls.LINK_STYLES:
        raise ValueError(f"html_links must be one of {urls.LINK_STYLES}, not {html_links!r}")
    todo = pages(site)
    abbreviations = _abbreviations(site)
    # Later definitions win, as in Markdown, where each `*[name]: …` line overwrites the one before.
    glossary = escape.Glossary({name: definition for name, definition, _ in abbreviations})
    _SHARED.update(site=site, env=env or shared_environment(), html_env=shared_html_environment(), todo=todo,
                   abbreviations=abbreviations, glossary=glossary, html_links=html_links)
    return todo


def _from_helper(share: Future, signature: str | None, paths: list[str]) -> list[tuple[str, Rendered]] | None:
    """The helper's pages, if it read what this process read and rendered the pages asked of it."""
    try:
        result = share.result()
    except Exception:  # noqa: BLE001 - the helper died or failed: this process renders its pages
        return None
    if result is None or signature is None or result[0] != signature or [p for p, _ in result[1]] != paths:
        return None
    return result[1]


_SHARED: dict = {}  # what `_render_share` needs, set before a worker is forked so that it has it too


def _render_share(numbers: list[int]) -> list[tuple[str, Rendered]]:
    site, env, todo, abbreviations = (_SHARED[k] for k in ("site", "env", "todo", "abbreviations"))
    blocks_template = _SHARED["html_env"].get_template("_blocks.html.j2")
    # A token no input can forge: NUL characters around a number this process drew at random.
    nonce = secrets.token_hex(8)
    token, tokens = f"\0{nonce}:%d\0", re.compile(f"\0{nonce}:(\\d+)\0")
    out = []
    for number in numbers:
        path, template, extra = todo[number]
        extra = extra() if callable(extra) else extra
        ctx = PageContext(site=site, path=path, html_links=_SHARED["html_links"], glossary=_SHARED["glossary"])
        blocks = _Recorder(blocks_template.make_module(_helpers(ctx.as_html())), token)
        skeleton = env.get_template(template).render(_helpers(ctx), blocks=blocks, **extra)
        data = structured.article(site, path, skeleton, ctx.cited, ctx.linked)
        skeleton = structured.with_front_matter(skeleton, structured.front_matter_line(data))
        # The blocks carry their own tooltips: only the Markdown around them needs abbreviation lines.
        skeleton = skeleton.rstrip("\n") + "\n" + _abbreviations_in(skeleton, abbreviations)
        out.append((path, Rendered(*blocks.fill(skeleton, tokens))))
    return out


def _helpers(ctx: PageContext) -> dict:
    """What a template sees of its page: the site and the page's helpers."""
    return dict(site=ctx.site, page=ctx, href=ctx.href, cite=ctx.cite, prose=ctx.prose, entity_link=ctx.entity_link,
                sources=ctx.sources, ranked=ctx.ranked, basis=ctx.basis, text=ctx.text)


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
    """The abbreviation lines of the terms that occur in the page (as it reads once unescaped).

    The HTML is the same as with every line on every page, but MkDocs no longer parses every
    definition and matches every term on each of a thousand pages (half of an article page's cost)."""
    plain = text.replace("\\", "")  # backslash escapes gone (a name with a backslash is always kept)
    plain = html.unescape(plain) if "&" in plain else plain
    lines = [line for name, _, line in abbreviations if "\\" in name or name in plain]
    return ("\n" + "\n".join(lines) + "\n") if lines else ""
