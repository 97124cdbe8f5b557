"""Rules on where records come from: the cited paragraph holds the quoted words, figures are written as
their sources write them, disagreements are real ones, dates run forward, overtaken facts name what
overtook them, answered watch items cite their answer."""

from __future__ import annotations

from collections.abc import Iterator

from .. import figures, passages
from ..articles import Article
from ..factsheet import cited_paragraph
from ..schema import Citation, FactSheet
from ..sentences import split_sentences
from ..text import normalise, occurs_whole
from .sheet import Sheet, citations, did_you_mean


def cited_passages(s: Sheet) -> None:
    """A citation names a source that exists; an article's, a paragraph it has, holding the quoted words."""
    for loc, cite in citations(s.sheet):
        source = s.sources.get(cite.source)
        if source is None:
            s.add((*loc, "source"), f"no source with id {cite.source!r}",
                  did_you_mean(cite.source, s.sources) or "add it to `sources:`")
            continue
        if source.kind == "web":
            if cite.paragraph:
                s.add((*loc, "paragraph"), "an outside source has no numbered paragraphs",
                      "remove `paragraph:`; give the exact words as `quote:` instead")
            continue
        article = s.articles.get(source.article or "")
        if article is None:
            continue  # reported on the source itself
        if not cite.paragraph:
            s.add(loc, "a citation of an article needs `paragraph:`",
                  f"add the paragraph number, p1 to p{len(article.paragraphs)}")
            continue
        paragraph = article.paragraph(cite.paragraph)
        if paragraph is None:
            s.add((*loc, "paragraph"), f"{article.id} has no paragraph {cite.paragraph}",
                  f"it has p1 to p{len(article.paragraphs)}")
        elif cite.quote and normalise(cite.quote) not in normalise(paragraph.text):
            _misquote(s, loc, (*loc, "quote"), "the quoted words", cite.quote, article, paragraph.id)


def verbatim_quotes(s: Sheet) -> None:
    """A quote's words stand in its article paragraph, or in the sentence its outside page was seen to carry."""
    for i, quote in enumerate(s.sheet.quotes):
        paragraph = cited_paragraph(quote.cite, s.sources, s.articles)
        if paragraph is not None and normalise(quote.text) not in normalise(paragraph.text):
            article = s.articles[s.sources[quote.cite.source].article or ""]
            _misquote(s, ("quotes", i, "cite"), ("quotes", i, "text"), "the quote", quote.text, article, paragraph.id)
        source = s.sources.get(quote.cite.source)
        if source is None or source.kind != "web":
            continue
        if not quote.cite.quote:
            s.add(("quotes", i, "cite"), f"quote {quote.id!r} cites an outside page without its words",
                  "add `quote:` to the citation: the page's sentence that carries the words, copied exactly")
        elif normalise(quote.text) not in normalise(quote.cite.quote):
            s.add(("quotes", i, "text"), f"the words of quote {quote.id!r} are not in the citation's `quote:`",
                  "copy the words exactly from the page's sentence; only spaces and quote marks may differ")


def _misquote(s: Sheet, cite_loc: tuple, words_loc: tuple, what: str, words: str, article: Article,
              cited: str) -> None:
    """Words not in the paragraph cited: say where they are, or the nearest passage and what differs."""
    are = "are" if what.endswith("words") else "is"
    elsewhere = passages.holding(words, article)
    if elsewhere:
        s.add((*cite_loc, "paragraph"), f"{what} {are} in {article.id} {' and '.join(elsewhere)}, not {cited}",
              f"cite paragraph: {elsewhere[0]}")
        return
    paragraph = article.paragraph(cited)
    near = passages.nearest(words, article, paragraph) if paragraph else None
    rule = "copy the words exactly; only spaces and quote marks may differ"
    if near is None:
        s.add(words_loc, f"{what} {are} not in {article.id} {cited}, nor anything close",
              f"check the source and the paragraph; {rule}")
        return
    where = "" if near.paragraph.id == cited else f", in {near.paragraph.id}"
    s.add(words_loc, f"{what} {are} not verbatim in {article.id} {cited}: {'; '.join(near.differences)}",
          f"the nearest passage{where} reads “{near.passage}”; {rule}")


def figures_in_passages(s: Sheet) -> None:
    """A figure is written as its cited paragraph, quote or claim writes it."""
    for i, fact in enumerate(s.sheet.facts):
        if fact.figure is None:
            continue
        passages = [p for c in fact.cite if (p := s.passage(c)) is not None]
        passages += [c.quote for c in fact.cite if c.quote] + [c.claim for c in fact.cite if c.claim]
        if not passages:
            s.warn(("facts", i, "figure"), "the figure cannot be checked against its source",
                   "add the source's words as `quote:` on the citation")
        elif not any(_has_number(fact.figure.text, p) for p in passages):
            s.add(("facts", i, "figure", "text"), f"{fact.figure.text!r} is not in the cited passage",
                  "write the number exactly as the cited paragraph or quote does")


def figures_agree(s: Sheet) -> None:
    """A figure's `value` and `qualifier` say what its `text` says: the open data publishes `value`."""
    for i, fact in enumerate(s.sheet.facts):
        figure = fact.figure
        if figure is None:
            continue
        reading = figures.read(figure.text)
        if not reading.numbers:
            s.warn(("facts", i, "figure", "text"), f"{figure.text!r} gives no number to check `value` against",
                   "write the number in digits, as the passage does")
        elif not figures.agrees(figure.value, reading):
            given = " or ".join(dict.fromkeys(figures.written(n) for n in reading.numbers))
            s.add(("facts", i, "figure", "value"), f"{figures.written(figure.value)} is not the number the "
                  f"figure's text gives ({figure.text!r})", f"write value: {given}, or correct the text")
        if reading.qualifier and reading.qualifier != figure.qualifier:
            says = f"says {reading.word!r}" if reading.word else "has no word such as 'about' or 'more than'"
            s.add(("facts", i, "figure", "qualifier"), f"{figure.qualifier!r} does not agree with the figure's "
                  f"text {figure.text!r}, which {says}", f"write qualifier: {reading.qualifier}")


def _has_number(figure_text: str, passage: str) -> bool:
    return occurs_whole(normalise(figure_text), normalise(passage), not_before=",.", not_after=",")


def dates_in_order(s: Sheet) -> None:
    for i, fact in enumerate(s.sheet.facts):
        if fact.as_of and fact.review_after and fact.review_after < fact.as_of:
            s.add(("facts", i, "review_after"), "review_after is before as_of", "pick a later review date")


def real_disagreements(s: Sheet) -> None:
    """`claim:` marks a conflict between a record's sources: at least two sources, saying different things.
    Sources that say the same are corroboration, shown without a claim; `rank:` orders only conflicts."""
    for loc, cites in _cited_records(s.sheet):
        claims = {normalise(c.claim) for c in cites if c.claim}
        first = next((j for j, c in enumerate(cites) if c.claim), 0)
        if claims and len(cites) < 2:
            s.add((*loc, "cite", first, "claim"),
                  "`claim:` on the only source of this record: there is nothing for it to differ from",
                  "remove `claim:`; say what the source says in the record itself")
        elif len(claims) == 1:
            s.add((*loc, "cite", first, "claim"), "only one claim among this record's sources, so none differ",
                  "give each conflicting source its own `claim:`, or remove `claim:` where the sources agree")
        elif len(claims) < 2 and any(c.rank != "normal" for c in cites):
            ranked = next(j for j, c in enumerate(cites) if c.rank != "normal")
            s.add((*loc, "cite", ranked, "rank"), "`rank:` on a record whose sources do not conflict",
                  "rank sources only where their claims differ")


def _cited_records(sheet: FactSheet) -> Iterator[tuple[tuple, list[Citation]]]:
    for kind in ("entities", "events", "facts", "relations"):
        for i, record in enumerate(getattr(sheet, kind)):
            if record.cite:
                yield (kind, i), list(record.cite)


KEY_POINTS_MIN = 4
LEAD_SENTENCES_MAX = 3


def topic_texts(s: Sheet) -> None:
    """A topic's lead is two or three sentences; its key points, where it has some, four to six."""
    for i, topic in enumerate(s.sheet.topics):
        if topic.lead is not None and len(split_sentences(topic.lead.text)) > LEAD_SENTENCES_MAX:
            s.warn(("topics", i, "lead", "text"), f"the lead has more than {LEAD_SENTENCES_MAX} sentences",
                   "keep the lead to what happened; the key points and the answers carry the rest")
        if 0 < len(topic.key_points) < KEY_POINTS_MIN:
            s.warn(("topics", i, "key_points"), f"{len(topic.key_points)} key points; a reader expects "
                   f"{KEY_POINTS_MIN} to 6", "add key points from the topic's facts, or remove them all")


def superseded_facts(s: Sheet) -> None:
    """`superseded_by` names an event or another fact, dated no earlier than the fact it overtakes."""
    dated = {e.id: e.date for e in s.sheet.events} | {f.id: f.as_of for f in s.sheet.facts}
    for i, fact in enumerate(s.sheet.facts):
        later = fact.superseded_by
        if later is None:
            continue
        loc = ("facts", i, "superseded_by")
        if later == fact.id:
            s.add(loc, f"fact {fact.id!r} cannot supersede itself", "name the event or fact that overtook it")
        elif later not in dated:
            s.add(loc, f"no event or fact with id {later!r}",
                  did_you_mean(later, dated) or "name the id of the event or fact that overtook this one")
        elif fact.as_of and dated[later] and dated[later] < fact.as_of[:len(dated[later])]:
            s.add(loc, f"{later!r} is dated {dated[later]}, before this fact's as_of {fact.as_of}",
                  "a fact is overtaken by something later: check the dates or the id")


def answered_watch_items(s: Sheet) -> None:
    """A watch item that events answered says when, how and from which sources."""
    for i, topic in enumerate(s.sheet.topics):
        for k, item in enumerate(topic.watch):
            if isinstance(item, str):
                continue
            loc = ("topics", i, "watch", k)
            if (item.answered is None) != (item.answer is None):
                s.add(loc, "an answered watch item needs both `answered:` (the date) and `answer:`",
                      "give the date events answered it and how, or remove both while it is still open")
            elif item.answer is not None and not item.cite:
                s.add(loc, "the answer to a watch item needs `cite:`", "cite the sources that report the answer")
