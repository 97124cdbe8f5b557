"""What a template sees of its page: links relative to the page, citations, and prose whose first
mention of each actor links to who's who.

A page is Markdown around HTML blocks (facts, quotes, events, passages), so every helper writes
either Markdown or, in the view `as_html()` gives, HTML: Markdown leaves HTML blocks alone (no inline
parsing, no link rewriting, no glossary tooltips), so that view does all three itself.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup

from . import escape, notes, urls
from .model import Cite, Site
from .notes import Note, Notes
from .schema import Entity


@functools.lru_cache(maxsize=65536)  # the same anchors come back on page after page
def _fragment(anchor: str) -> str:
    return "#" + quote(anchor, safe="-._~!$'()*+,;=:@/?")


# Badges repeated on every fact, event and citation: constants rather than template macros, as they are
# drawn more often than anything else (`make bench`, generation time at 1,000 articles, measures it).
# Search leaves them out, like notes: a record is found by its own words, and a search for "article",
# "background" or a month would otherwise match every fact.
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
# A note in the text: Material shows the list entry it links to on hover and focus (`content.footnote.tooltips`
# in mkdocs.yml, which looks for the class `footnote-ref`); search leaves the number out.
_NOTE = ('<sup class="ex-ref" data-search-exclude><a class="footnote-ref" href="#{anchor}" aria-label="Source {n}">'
         '{n}</a></sup>')


def _mark(note: Note) -> Markup:
    return Markup(_NOTE.format(anchor=note.anchor, n=note.number))


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
    notes: Notes = field(default_factory=Notes)  # the page's numbered notes, listed at its foot
    html: bool = False
    html_links: str = "directory"  # how links in HTML are written (`urls.LINK_STYLES`)
    glossary: escape.Glossary | None = None  # tooltips for HTML text; None: none
    addresses: dict[tuple[bool, str], str] = field(default_factory=dict, repr=False)  # (html, page) → its address here

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
        address = self.addresses.get((self.html, target))
        if address is None:
            if self.html and self.html_links != "source":
                directory = self.html_links == "directory"
                address = urls.relative(urls.page_url(target, directory), urls.page_url(self.path, directory))
            else:
                address = urls.relative(target, self.path)
            self.addresses[(self.html, target)] = address
        return Markup(address + fragment)

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

    def note(self, cite: Cite) -> Markup:
        """A citation as a numbered note: a superscript number linking to the page's list of sources."""
        return _mark(self._numbered(cite))

    def notes_for(self, record) -> Markup:
        """The notes of every citation of a record, each once, in the order of their numbers."""
        found = {note.number: note for note in map(self._numbered, self.site.cites(record))}
        return Markup("".join(_mark(found[number]) for number in sorted(found)))

    def _numbered(self, cite: Cite) -> Note:
        self.cited.append(cite)
        return self.notes.add(cite)

    def named(self, cite: Cite, start: bool = False) -> Markup:
        """A source named in a sentence ("also reported by …"; `start`: at its start), with its note and, if
        ranked, its rank."""
        if cite.article is not None:
            label = ("The" if start else "the") + " source article" if len(self.site.articles) == 1 \
                else f"“{cite.article.title}”"
        else:
            label = notes.name(cite.source)
        return Markup(f'<span class="src">{self.text(label)}</span>{self.note(cite)}'
                      f'{_RANK_BADGES.get(cite.raw.rank, "")}')

    def also(self, cites: list[Cite]) -> Markup:
        """Sources named one after another: "A, B and C"."""
        names = [self.named(c) for c in cites]
        return Markup(", ").join(names[:-1]) + Markup(" and ") + names[-1] if len(names) > 1 else Markup("").join(names)

    def attribution(self, cites: list[Cite], disputed: bool) -> Markup:
        """Where a record's sources stand: each one's claim where they conflict (`disputed`), and the sources
        that agree, after the first (whose note follows the record's text), as corroboration. (Python, not a
        template macro: it is drawn for every fact and event.)"""
        if disputed:
            claims = "".join(f"<li>{self.named(c, True)}: {self.text(c.raw.claim)}</li>\n"
                             for c in cites if c.raw.claim)
            agree = [c for c in cites if not c.raw.claim]
            also = f"<p><small>Also reported by {self.also(agree)}.</small></p>\n" if agree else ""
            return Markup(f'<div class="differ" data-search-exclude>\n<p><strong>Sources differ:</strong></p>\n'
                          f"<ul>\n{claims}</ul>\n{also}</div>\n")
        if len(cites) > 1:
            return Markup(f'<p class="also" data-search-exclude><small>Also reported by {self.also(cites[1:])}.'
                          "</small></p>\n")
        return Markup("")

    def note_entries(self) -> Markup:
        """The entries of the page's list of sources, for the notes cited so far (call it last)."""
        return notes.entries(self, self.notes)

    @staticmethod
    def kind(source) -> str:
        return notes.kind(source)

    def provenance(self, record) -> Markup:
        """The badge saying whether a record comes from the article or from an outside source."""
        return _BACKGROUND_BADGE if self.site.is_background(record) else _ARTICLE_BADGE

    def prose(self, text: str) -> Markup:
        """Escaped text in which the first mention of each entity on the page links to who's who."""
        pattern = self.site.names.pattern
        if pattern is None or self.path in self.site.whos_who_pages:
            return self.text(text)
        text = " ".join(text.split())
        out: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            entity_id = self.site.names.to_id[match.group(0)]
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
