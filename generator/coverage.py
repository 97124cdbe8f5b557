"""Coverage: which sentences of each source article the fact sheet accounts for.

Every paragraph is split into sentences; a sentence is covered by a fact, quote or event whose
cited passage reaches it:

- a citation with `quote:` covers the sentences those quoted words overlap;
- a citation of a paragraph without `quote:` covers every sentence of the paragraph;
- a quote record covers the sentence(s) that contain its text.

Citations of outside (web) sources cover nothing: they are not the article. The figures are
shown on the generated page `coverage.md` and checked by `python -m generator check` against
`meta.coverage_min`; the site build itself never fails for coverage.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .articles import Article, Paragraph
from .checks import QUOTE_MARKS, all_sources, normalise
from .schema import Citation, FactSheet

# -- sentence splitting -----------------------------------------------------------------------

# Words that end with a full stop but do not end a sentence: titles before a name ("Gen.", "Adm.").
ABBREVIATIONS = frozenset("""
    mr mrs ms dr prof gen adm lt col maj capt cmdr cdr sgt cpl pvt brig gov sen rep rev hon pres
    st mt ft vs cf approx dept univ jr sr
""".split())
# These do so only before a number: "No. 5", "Jan. 20", but "The answer was no. Then …" ends.
ABBREVIATIONS_BEFORE_NUMBER = frozenset("""
    no nos fig vol pp ca est jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# After an initialism such as "U.S." or "D.C." the sentence ends only if one of these follows:
# "the U.S. The Pentagon said" splits, "the U.S. Navy" and "Washington, D.C. Mayor" do not.
SENTENCE_STARTERS = frozenset("""
    a an the he she it its they we i you this that these those there his her their our my
    but and so yet or in on at as after before when while if however meanwhile according
    still since despite although though last earlier later
""".split())
# Lower-case particles that begin Arabic names at the start of a sentence: "al-Sharaa said …".
_NAME_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|bint)[-‑]\w")
_OPENERS = "\"'“‘«([„"
_CLOSERS = "\"'”’»)]"
# A run of terminal punctuation, any closing quotes or brackets, then white space.
_CANDIDATE = re.compile(r"([.!?…]+)([" + re.escape(_CLOSERS) + r"]*)(\s+)")
_SPEECH = re.compile(r"(?:[A-Z][\w’'.-]*\s+){1,3}(?:said|says|asked|asks|added|adds|told|wrote|replied|"
                     r"continued|explained|noted|insisted|warned)\b")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+$")


@dataclass(frozen=True)
class Span:
    """A sentence: its text and where it sits in the paragraph's text (start inclusive, end exclusive)."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    """Split one paragraph into sentences, keeping offsets into `text`.

    A sentence ends at `.`, `!`, `?` or `…` (with any closing quote or bracket after it) that is
    followed by white space and then something that can start a sentence: a capital, a digit, an
    opening quote, or a name particle such as "al-". Not a boundary: an abbreviation ("Gen.",
    "Adm.", "No."), a single initial ("George W. Bush"), an initialism ("U.S.", "D.C.") unless a
    common sentence-opening word follows, and "?” Cooper asked" style attributions. Hyphens
    ("US-led", "al-Assad"), commas ("Washington, DC,") and dashes never split.
    """
    spans: list[Span] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        end = match.end(2)
        if end <= start or not _is_boundary(text, match):
            continue
        spans.append(Span(start, end, text[start:end]))
        start = match.end(3)
    tail_end = len(text.rstrip())
    if start < tail_end:
        spans.append(Span(start, tail_end, text[start:tail_end]))
    return spans


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    punct, closers = match.group(1), match.group(2)
    after = text[match.end(3):]
    if not after or not _can_start(after):
        return False
    if punct == "." and not closers:
        word = _word_before(text, match.start(1))
        bare = word.strip(_OPENERS).lower()
        if bare in ABBREVIATIONS or (bare in ABBREVIATIONS_BEFORE_NUMBER and after[0].isdigit()):
            return False
        if _INITIALISM.match(word.strip(_OPENERS) + "."):
            if len(bare) == 1:  # one initial: "George W. Bush"
                return False
            first = re.match(r"[\w’']+", after)
            return bool(first) and first.group(0).lower() in SENTENCE_STARTERS
    if punct[-1] in "!?" and closers and _SPEECH.match(after):
        return False  # “Is it over?” Cooper asked.
    return True


def _can_start(after: str) -> bool:
    first = after[0]
    if first.isupper() or first.isdigit():
        return True
    if first in _OPENERS:
        return len(after) > 1 and (after[1].isupper() or after[1].isdigit() or after[1] in _OPENERS
                                   or bool(_NAME_PARTICLE.match(after[1:])))
    return bool(_NAME_PARTICLE.match(after))


def _word_before(text: str, end: int) -> str:
    """The non-space run just before `end` (the word a full stop is attached to)."""
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


# -- coverage ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cover:
    """A record that covers a sentence, and where the site shows it."""

    kind: str  # "fact", "quote" or "event"
    id: str
    page: str  # site page path
    anchor: str

    @property
    def label(self) -> str:
        return f"{self.kind} {self.id}"


@dataclass
class Sentence:
    paragraph: Paragraph
    number: int  # 1-based within the paragraph
    span: Span
    covers: list[Cover] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def covered(self) -> bool:
        return bool(self.covers)


@dataclass
class ArticleCoverage:
    article: Article
    sentences: list[Sentence]

    @property
    def total(self) -> int:
        return len(self.sentences)

    @property
    def covered(self) -> list[Sentence]:
        return [s for s in self.sentences if s.covered]

    @property
    def uncovered(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.covered]

    @property
    def ratio(self) -> float:
        return len(self.covered) / self.total if self.total else 1.0

    @property
    def percent(self) -> str:
        return percent(len(self.covered), self.total)


@dataclass
class Coverage:
    articles: list[ArticleCoverage]
    minimum: float

    @property
    def total(self) -> int:
        return sum(a.total for a in self.articles)

    @property
    def covered(self) -> int:
        return sum(len(a.covered) for a in self.articles)

    @property
    def percent(self) -> str:
        return percent(self.covered, self.total)

    @property
    def minimum_percent(self) -> str:
        return f"{self.minimum * 100:g}%"

    def below_minimum(self) -> list[ArticleCoverage]:
        return [a for a in self.articles if a.ratio < self.minimum]

    # Past this many articles the page lists sentences only where coverage is under the minimum: every
    # sentence of a thousand articles made a 10 MB page that no editor reads to the end.
    DETAIL_MAX = 25

    def detailed(self) -> list[ArticleCoverage]:
        """The articles whose sentences the page lists."""
        return self.articles if len(self.articles) <= self.DETAIL_MAX else self.below_minimum()


def percent(part: int, whole: int) -> str:
    """A whole-number percentage, rounded down so 49.9% never reads as 50%."""
    return f"{(part * 100 // whole) if whole else 100}%"


def compute(sheet: FactSheet, articles: list[Article], event_page=lambda event_id: "timeline.md",
            quote_page=lambda quote_id: "quotes.md") -> Coverage:
    """Map every sentence of every article to the facts, quotes and events that cover it.
    `event_page` and `quote_page` name the page that lists an event or a quote (paged when long)."""
    sources = all_sources(sheet, articles)
    by_article = {a.id: a for a in articles}
    split: dict[tuple[str, str], list[Sentence]] = {}
    result = []
    for article in articles:
        sentences: list[Sentence] = []
        for paragraph in article.paragraphs:
            own = [Sentence(paragraph, n, span) for n, span in enumerate(split_sentences(paragraph.text), 1)]
            split[(article.id, paragraph.id)] = own
            sentences += own
        result.append(ArticleCoverage(article, sentences))

    def mark(cite: Citation, cover: Cover, words: str | None) -> None:
        source = sources.get(cite.source)
        if source is None or source.kind != "article" or not cite.paragraph:
            return
        article = by_article.get(source.article or "")
        sentences = split.get((article.id, cite.paragraph)) if article else None
        if not sentences:
            return
        if words is None:
            hit = sentences
        else:
            where = _find(sentences[0].paragraph.text, words)
            if where is None:
                return  # reported by the checks: the words are not verbatim in the paragraph
            hit = [s for s in sentences if s.span.start < where[1] and where[0] < s.span.end]
        for sentence in hit:
            if cover not in sentence.covers:
                sentence.covers.append(cover)

    for fact in sheet.facts:
        cover = Cover("fact", fact.id, f"topics/{fact.topics[0]}.md", fact.id)
        for cite in fact.cite:
            mark(cite, cover, cite.quote)
    for event in sheet.events:
        cover = Cover("event", event.id, event_page(event.id), "")
        for cite in event.cite:
            mark(cite, cover, cite.quote)
    for quote in sheet.quotes:
        mark(quote.cite, Cover("quote", quote.id, quote_page(quote.id), quote.id), quote.text)
    minimum = sheet.meta.coverage_min
    return Coverage(articles=result, minimum=minimum)


def _find(paragraph: str, words: str) -> tuple[int, int] | None:
    """Where `words` sit in `paragraph` (which is single-spaced), ignoring spacing and quote style."""
    needle = normalise(words)
    if not needle:
        return None
    at = _haystack(paragraph).find(needle)
    return (at, at + len(needle)) if at >= 0 else None


_SPACE = re.compile(r"\s")


@functools.lru_cache(maxsize=256)
def _haystack(paragraph: str) -> str:
    # Quote marks map one character to one and each space stays one space, so offsets in the
    # result are offsets in the paragraph. Cached: a paragraph is searched once per citation.
    return _SPACE.sub(" ", paragraph.translate(QUOTE_MARKS))


def check_minimum(loaded, articles: list[Article], problems) -> Coverage:
    """An error per article whose coverage is under `meta.coverage_min` (for `generator check` only).

    The site build never calls this: an article the fact sheet does not cite yet still publishes.
    """
    result = compute(loaded.sheet, articles)
    loc = ("meta", "coverage_min")
    for low in result.below_minimum():
        problems.add(loaded.path, loaded.line(*loc), "meta.coverage_min",
                     f"the fact sheet covers {len(low.covered)} of {low.total} sentences ({low.percent}) of "
                     f"article {low.article.id!r}, under the minimum of {result.minimum_percent}",
                     "cite more of its sentences (listed on the page “What the fact sheet covers”), "
                     "or lower meta.coverage_min")
    return result
