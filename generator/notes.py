"""Citations as numbered notes, as in an encyclopaedia: a small number in the text, and at the foot of the
page a list of the sources those numbers stand for.

A page numbers its notes in the order a reader meets them. Each source has one note; a source article has
one per paragraph cited (its note links to that paragraph), and an outside page cited for different words
one per passage (its link opens the page at those words). The list says what kind of source each is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from . import escape
from .model import Cite
from .schema import SOURCE_CATEGORIES, Source
from .text import human_date

ARTICLE_KIND = "Source article"
OUTSIDE_KIND = "Outside source"  # an outside source whose category the fact sheet does not give


@dataclass(frozen=True)
class Note:
    """One entry of a page's list of sources: its number and the citation that first called for it."""

    number: int
    cite: Cite

    @property
    def anchor(self) -> str:
        return f"note-{self.number}"


@dataclass
class Notes:
    """The notes of one page, numbered as they are first cited."""

    items: list[Note] = field(default_factory=list)
    _numbers: dict[tuple, Note] = field(default_factory=dict)

    def add(self, cite: Cite) -> Note:
        """The note of a citation: the one already given to the same source (and paragraph or passage), or a new one."""
        key = (cite.source.id, cite.raw.paragraph) if cite.article is not None else (cite.source.id, cite.raw.quote)
        note = self._numbers.get(key)
        if note is None:
            note = self._numbers[key] = Note(len(self.items) + 1, cite)
            self.items.append(note)
        return note


def kind(source: Source) -> str:
    """What kind of source this is, in the words readers are shown."""
    if source.kind == "article":
        return ARTICLE_KIND
    return SOURCE_CATEGORIES.get(source.category or "", OUTSIDE_KIND)


def address(cite: Cite) -> str:
    """An outside page's address, opening at the cited words where the citation quotes them ("" if none)."""
    url = cite.source.url or ""
    if cite.raw.quote and url:
        # Keep an existing fragment: `#section:~:text=…` scrolls to the passage, not the section.
        base = url.split(":~:")[0]
        url = (base if "#" in base else base + "#") + escape.text_fragment(cite.raw.quote)
    return url


def name(source: Source) -> str:
    """A source as a sentence names it: its publisher, else its title, else its id."""
    return source.publisher or source.title or source.id


def entries(ctx, notes: Notes) -> Markup:
    """The entries of a page's list of sources, as HTML (`ctx`: the page's `PageContext` in its HTML view). Written
    here rather than in a template: a long directory page lists hundreds of them, and a template macro per entry
    was most of such a page's time. The entries are citation apparatus, the sources' own words: no glossary
    tooltips (a term's definition is on the text above, where a reader meets it)."""
    text = escape.html_text
    named: set[str] = set()  # the articles already named in full
    out = []
    for note in notes.items:
        cite, source = note.cite, note.cite.source
        parts = [f'<li id="{note.anchor}"><p><span class="kind">{text(kind(source))}</span> ']
        if cite.article is not None:
            article, paragraph = cite.article, cite.paragraph
            target = ctx.href(f"articles/{article.id}.md", paragraph.id if paragraph else "")
            parts.append(f'<a href="{target}">{f"¶{paragraph.number}" if paragraph else text(article.title)}</a>')
            if article.id not in named:
                named.add(article.id)
                if paragraph:
                    parts.append(f" of “{text(article.title)}”")
                parts += [f", {text(v)}" for v in (source.publisher, human_date(source.date)) if v]
            parts.append(".")
        else:
            url = address(cite)
            label = text(name(source))
            parts.append(f'<a href="{escape.url(url)}">{label}</a>' if url else label)
            if source.via:
                parts.append(f" (via {text(source.via)})")
            if source.title and source.publisher:
                parts.append(f": “{text(source.title)}”")
            if source.date:
                parts.append(f", {text(human_date(source.date))}")
            parts.append(".")
            if cite.raw.quote:
                parts.append(f" “{text(cite.raw.quote)}”")
        out.append("".join(parts) + "</p></li>")
    return Markup("\n".join(out))
