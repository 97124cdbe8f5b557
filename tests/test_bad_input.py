"""One case per kind of bad input: the exact message, its line, exit 1 and no traceback.

Each case starts from the small fictional project in tests/cases/basic and makes one mistake.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import CASES, generator

BASIC = CASES / "basic" / "seeds"
SHEET = "seeds/factsheet.yaml"
ARTICLE = "seeds/articles/sample-report.txt"


@dataclass
class Case:
    name: str
    expected: str  # the whole first line of the report, file:line included
    replace: tuple[str, str] | None = None  # (old, new) once in the fact sheet
    raw: bytes | None = None  # replaces the fact sheet's bytes (after `replace`)
    article: bytes | None = None  # replaces the article's bytes
    strict: bool = False


def sheet_bytes() -> bytes:
    return (BASIC / "factsheet.yaml").read_bytes()


CASES_ = [
    Case("yaml-syntax", f"{SHEET}:12: YAML syntax error: expected <block end>, but found '<block sequence start>' "
         "while parsing a block mapping (check indentation, colons and quotes on this line and the one above)",
         ("    date: 2026-01\n  - id: outside", "    date: 2026-01\n - id: outside")),
    Case("tab-indent", f"{SHEET}:8: a tab is used for indentation (YAML indents with spaces only; "
         "replace the tab with spaces)", ("    kind: article", "\tkind: article")),
    Case("byte-order-mark", f"{SHEET}:1: the file starts with a byte-order mark (save it as UTF-8 without BOM)",
         raw=b"\xef\xbb\xbf" + sheet_bytes()),
    Case("crlf", f"{SHEET}:1: the file has Windows (CRLF) or old Mac line endings (save it with Unix (LF) "
         "line endings)", raw=sheet_bytes().replace(b"\n", b"\r\n")),
    Case("not-utf8", f"{SHEET}:4: byte 0xe9 is not valid UTF-8 (save the file as UTF-8)",
         raw=sheet_bytes().replace(b"A test explainer", b"A caf\xe9 explainer")),
    Case("duplicate-key", f"{SHEET}:5: meta.title: duplicate key (first set on line 3) (keep one of the two; "
         "YAML would silently drop the first)", ("  last_reviewed: 2026-01-15", "  title: Again")),
    Case("python-tag", f"{SHEET}:4: meta.description: the tag tag:yaml.org,2002:python/object/apply:os.system "
         "is not allowed (remove the tag; only plain YAML values are read (safe loading))",
         ("description: A test", "description: !!python/object/apply:os.system A test")),
    Case("merge-key", f"{SHEET}:3: meta: merge keys (<<) are not supported (write the keys out in full)",
         ("meta:\n", "meta:\n  <<: {}\n")),
    Case("unknown-key", f"{SHEET}:32: entities[river-guild].rol: unknown key (did you mean `role`?)",
         ("    kind: organisation\nevents", "    kind: organisation\n    rol: A guild\nevents")),
    Case("missing-key", f"{SHEET}:33: events[accord-signed].title: required key is missing (add `title:`)",
         ("    title: The accord is signed\n", "")),
    Case("wrong-type", f"{SHEET}:41: facts[border-posts].statement: expected text, found a number (quote text values; "
         "a mapping needs `key: value` lines)",
         ("    statement: The accord covers 12 border posts, according to the report.", "    statement: 12")),
    Case("not-a-list", f"{SHEET}:42: facts[border-posts].topics: expected a list (lines starting with `- `), "
         "found text "
         "(quote text values; a mapping needs `key: value` lines)",
         ("    topics: [accord]\n    entities: [northern-council]\n",
          "    topics: accord\n    entities: [northern-council]\n")),
    Case("value-not-allowed", f"{SHEET}:22: entities[dana-reyes].kind: 'human' is not allowed (use one of: 'person', "
         "'organisation', 'government', 'armed-group', 'state', 'coalition', 'military' or 'place')",
         ("    kind: person", "    kind: human")),
    Case("bad-id", f"{SHEET}:20: entities[0].id: 'Dana Reyes' has the wrong form (ids use lower-case letters, "
         "digits and hyphens, e.g. `brad-cooper`)", ("  - id: dana-reyes", "  - id: Dana Reyes")),
    Case("duplicate-id", f"{SHEET}:29: entities[2].id: id 'northern-council' is already used by entities[1] "
         "(line 26) (give each record its own id)", ("  - id: river-guild", "  - id: northern-council")),
    Case("unknown-topic", f"{SHEET}:36: events[accord-signed].topics[0]: no topic with id 'acord' (did you mean "
         "'accord'?)",
         ("    topics: [accord]\n    entities: [northern-council, river", "    topics: [acord]\n    entities: "
                                                                          "[northern-council, river")),
    Case("unknown-entity", f"{SHEET}:37: events[accord-signed].entities[1]: no entity with id 'river-gild' "
         "(did you mean "
         "'river-guild'?)", ("entities: [northern-council, river-guild]", "entities: [northern-council, river-gild]")),
    Case("unknown-source", f"{SHEET}:38: events[accord-signed].cite[0].source: no source with id 'sampel' "
         "(did you mean "
         "'sample'?)", ("    cite: [{source: sample, paragraph: p1}]\nfacts", "    cite: [{source: sampel, "
                                                                       "paragraph: p1}]\nfacts")),
    Case("missing-article", f"{SHEET}:9: sources[sample].article: no article 'sample-reprot' in seeds/articles (did "
         "you mean 'sample-report'?)", ("article: sample-report", "article: sample-reprot")),
    Case("paragraph-out-of-range", f"{SHEET}:59: facts[inspectors].cite[0].paragraph: sample-report has no "
         "paragraph p9 "
         "(it has p1 to p3)", ("    cite: [{source: sample, paragraph: p2}]\nquotes",
                               "    cite: [{source: sample, paragraph: p9}]\nquotes")),
    Case("paragraph-form", f"{SHEET}:59: facts[inspectors].cite[0].paragraph: 'para 2' has the wrong form (cite a "
         "paragraph as p1, p2, … as numbered on the article's page)",
         ("    cite: [{source: sample, paragraph: p2}]\nquotes", "    cite: [{source: sample, paragraph: para 2}]\n"
                                                                "quotes")),
    Case("paragraph-missing", f"{SHEET}:59: facts[inspectors].cite[0]: a citation of an article needs "
         "`paragraph:` (add "
         "the paragraph number, p1 to p3)", ("    cite: [{source: sample, paragraph: p2}]\nquotes",
                                             "    cite: [{source: sample}]\nquotes")),
    Case("web-paragraph", f"{SHEET}:52: facts[border-posts].cite[1].paragraph: an outside source has no "
         "numbered paragraphs "
         "(remove `paragraph:`; give the exact words as `quote:` instead)",
         ("      - source: outside\n", "      - source: outside\n        paragraph: p1\n")),
    Case("quote-not-verbatim", f"{SHEET}:63: quotes[every-post].text: the quote is not verbatim in sample-report p2: "
         "p2 has “have” after “We”, which you left out (the nearest passage reads “We have agreed on every post,”; "
         "copy the words exactly; only spaces and quote marks may differ)",
         ("text: We have agreed on every post,", "text: We agreed on every post,")),
    Case("cited-words-not-verbatim", f"{SHEET}:49: facts[border-posts].cite[0].quote: the quoted words are not "
         "verbatim in sample-report p1: you wrote “twelve” where p1 has “12” (the nearest passage reads “The accord "
         "covers 12 border posts.”; copy the words exactly; only spaces and quote marks may differ)",
         ("quote: The accord covers 12 border posts.", "quote: The accord covers twelve border posts.")),
    Case("figure-not-in-passage", f"{SHEET}:58: facts[inspectors].figure.text: 'about 400' is not in the cited passage "
         "(write the number exactly as the cited paragraph or quote does)",
         ('text: "about 300"', 'text: "about 400"')),
    Case("impossible-date", f"{SHEET}:5: meta.last_reviewed: '2026-02-30' is not a day of that month (write a "
         "date as 2025, 2025-12 or 2025-12-10)", ("last_reviewed: 2026-01-15", "last_reviewed: 2026-02-30")),
    Case("date-form", f"{SHEET}:34: events[accord-signed].date: '15/01/2026' has the wrong form (write it as "
         "2026-01-15)", ("    date: 2026-01\n    title", "    date: 15/01/2026\n    title")),
    Case("javascript-url", f"{SHEET}:17: sources[outside].url: 'javascript:alert(1)' has the wrong form (use a full "
         "http:// or https:// address)", ("url: https://example.org/accord", "url: javascript:alert(1)")),
    Case("review-before-as-of", f"{SHEET}:46: facts[border-posts].review_after: review_after is before as_of "
         "(pick a later "
         "review date)", ("    as_of: 2026-01\n", "    as_of: 2026-01\n    review_after: 2025-06\n")),
    Case("empty-list", f"{SHEET}:56: facts[inspectors].topics: must not be empty (add at least one entry)",
         ("    topics: [accord]\n    entities: [dana-reyes]", "    topics: []\n    entities: [dana-reyes]")),
    Case("topic-without-facts", f"{SHEET}:75: topics[other]: topic 'other' has no facts (tag at least one fact with "
         "this topic)", ("glossary:\n", "  - id: other\n    title: Other\n    summary: None yet.\nglossary:\n")),
    Case("glossary-twice", f"{SHEET}:79: glossary[accord-again]: the term 'Accord' is defined twice (also "
         "glossary[accord-term]) "
         "(merge the two entries)", ("    definition: A formal agreement.\n", "    definition: A formal "
                                     "agreement.\n  - id: accord-again\n    term: Accord\n    definition: Same.\n")),
    Case("quote-in-another-paragraph", f"{SHEET}:65: quotes[every-post].cite.paragraph: the quote is in "
         "sample-report p2, not p1 (cite paragraph: p2)",
         ("    cite: {source: sample, paragraph: p2}", "    cite: {source: sample, paragraph: p1}")),
    Case("cited-words-in-another-paragraph", f"{SHEET}:48: facts[border-posts].cite[0].paragraph: the quoted words "
         "are in sample-report p1, not p3 (cite paragraph: p1)",
         ("        paragraph: p1\n        quote: The accord", "        paragraph: p3\n        quote: The accord")),
    Case("quote-nowhere-near", f"{SHEET}:63: quotes[every-post].text: the quote is not in sample-report p2, nor "
         "anything close (check the source and the paragraph; copy the words exactly; only spaces and quote marks "
         "may differ)", ("text: We have agreed on every post,", "text: Nothing of the sort was said here,")),
    Case("figure-value-disagrees", f"{SHEET}:44: facts[border-posts].figure.value: 7000 is not the number the "
         "figure's text gives ('12') (write value: 12, or correct the text)",
         ("figure: {value: 12, unit", "figure: {value: 7000, unit")),
    Case("figure-qualifier-disagrees", f"{SHEET}:58: facts[inspectors].figure.qualifier: 'more-than' does not agree "
         "with the figure's text 'about 300', which says 'about' (write qualifier: about)",
         ("qualifier: about}", "qualifier: more-than}")),
    Case("figure-qualifier-without-word", f"{SHEET}:44: facts[border-posts].figure.qualifier: 'about' does not "
         "agree with the figure's text '12', which has no word such as 'about' or 'more than' (write qualifier: "
         "exact)", ('text: "12"}', 'text: "12", qualifier: about}')),
    Case("figure-text-without-number", f"{SHEET}:58: warning: facts[inspectors].figure.text: 'inspectors' gives no "
         "number to check `value` against (write the number in digits, as the passage does)", strict=True,
         replace=('text: "about 300", qualifier: about}', 'text: "inspectors", qualifier: exact}')),
    Case("unclosed-quote", f"{SHEET}:58: the \" opened on this line is never closed (end the value with \")",
         ('figure: {value: 300, unit: inspectors, text: "about 300", qualifier: about}',
          'figure: {value: 300, unit: inspectors, text: "about 300, qualifier: about}')),
    Case("unclosed-quote-at-line-end", f"{SHEET}:41: the \" opened on this line is not closed where the value ends: "
         "YAML read on to line 44 (end the value with \" on this line)",
         ("    statement: The accord covers 12 border posts, according to the report.",
          '    statement: "The accord covers 12 border posts, according to the report.')),
    Case("unclosed-bracket", f"{SHEET}:42: the [ opened on this line is never closed (end the list with ])",
         ("    topics: [accord]\n    entities: [northern-council]\n",
          "    topics: [accord\n    entities: [northern-council]\n")),
    Case("date-in-words", f"{SHEET}:34: events[accord-signed].date: '31 January 2026' has the wrong form (write it "
         "as 2026-01-31)", ("    date: 2026-01\n    title", "    date: 31 January 2026\n    title")),
    Case("date-month-first", f"{SHEET}:34: events[accord-signed].date: 'Jan 31 2026' has the wrong form (write it "
         "as 2026-01-31)", ("    date: 2026-01\n    title", "    date: Jan 31 2026\n    title")),
    Case("date-ambiguous", f"{SHEET}:34: events[accord-signed].date: '12/02/2026' has the wrong form (write a date "
         "as 2025, 2025-12 or 2025-12-10)", ("    date: 2026-01\n    title", "    date: 12/02/2026\n    title")),
    Case("coverage-under-minimum", f"{SHEET}:13: sources[sample].worked_through: sample-report is marked as worked "
         "through, but the fact sheet covers 3 of its 4 sentences (75%), under the minimum of 90% (cite more of its "
         "sentences (the page “What the fact sheet covers” lists them), or set worked_through: false until they are "
         "cited)", raw=sheet_bytes().replace(b"    date: 2026-01\n  - id: outside",
                                             b"    date: 2026-01\n    worked_through: true\n  - id: outside")
         .replace(b"  last_reviewed: 2026-01-15\n", b"  last_reviewed: 2026-01-15\n  coverage_min: 0.9\n")),
    Case("kept-line-not-in-article", f"{SHEET}:12: sources[sample].keep[0]: no line of sample-report reads 'Leave a "
         "Replied' (did you mean 'Leave a Reply'?)",
         ("    date: 2026-01\n  - id: outside", "    date: 2026-01\n    keep: [Leave a Replied]\n  - id: outside")),
    Case("article-field-on-web-source", f"{SHEET}:18: sources[outside].worked_through: `worked_through:` is for "
         "article sources only (remove it)",
         ("    url: https://example.org/accord\n", "    url: https://example.org/accord\n    worked_through: true\n")),
    Case("not-a-mapping", f"{SHEET}:1: the fact sheet must be a mapping of sections (meta:, sources:, …) (start "
         "the file with `meta:`)", raw=b"- just\n- a list\n"),
    Case("unused-entity-strict", f"{SHEET}:32: warning: entities[lonely]: entity 'lonely' is not referenced by "
         "any fact, event, quote or relation (reference it or remove it)", strict=True,
         replace=("events:\n", "  - id: lonely\n    name: Lonely\n    kind: place\nevents:\n")),
    Case("empty-article", f"{ARTICLE}:1: the article is empty (put the title on the first line, then the text)",
         article=b"\n\n"),
    Case("article-not-utf8", f"{ARTICLE}:3: byte 0xff is not valid UTF-8 (save the file as UTF-8)",
         article=b"Title\n\nBad \xff byte.\n"),
    Case("watch-answered-without-answer", f"{SHEET}:71: topics[accord].watch[0]: an answered watch item needs both "
         "`answered:` (the date) and `answer:` (give the date events answered it and how, or remove both while it "
         "is still open)", ("    watch: [Whether the inspectors are hired.]\n",
                            "    watch:\n      - {question: Whether the inspectors are hired., answered: 2026-02}\n")),
    Case("web-source-without-category", f"{SHEET}:12: sources[outside]: outside source 'outside' needs `category:` "
         "(say what kind of publisher it is: official, news-agency, major-outlet, specialist, regional-outlet, "
         "aggregator)", ("    category: regional-outlet\n", "")),
    Case("web-source-without-accessed", f"{SHEET}:12: sources[outside]: outside source 'outside' needs `accessed:` "
         "(give the date you read the page, e.g. 2026-12-01)", ("    accessed: 2026-01-31\n", "")),
    Case("claim-on-a-lone-source", f"{SHEET}:38: events[accord-signed].cite[0].claim: `claim:` on the only source "
         "of this record: there is nothing for it to differ from (remove `claim:`; say what the source says in the "
         "record itself)", ("    cite: [{source: sample, paragraph: p1}]\nfacts:",
                            "    cite: [{source: sample, paragraph: p1, claim: Signed.}]\nfacts:")),
    Case("claims-that-agree", f"{SHEET}:50: facts[border-posts].cite[0].claim: only one claim among this record's "
         "sources, so none differ (give each conflicting source its own `claim:`, or remove `claim:` where the "
         "sources agree)", ("        claim: The monitor counted 14 posts.\n", "        claim: 12 border posts.\n")),
    Case("superseded-by-unknown", f"{SHEET}:59: facts[inspectors].superseded_by: no event or fact with id "
         "'border-post' (did you mean 'border-posts'?)",
         ("    cite: [{source: sample, paragraph: p2}]\nquotes:",
          "    superseded_by: border-post\n    cite: [{source: sample, paragraph: p2}]\nquotes:")),
    Case("superseded-by-itself", f"{SHEET}:59: facts[inspectors].superseded_by: fact 'inspectors' cannot supersede "
         "itself (name the event or fact that overtook it)",
         ("    cite: [{source: sample, paragraph: p2}]\nquotes:",
          "    superseded_by: inspectors\n    cite: [{source: sample, paragraph: p2}]\nquotes:")),
    Case("superseded-by-earlier", f"{SHEET}:60: facts[inspectors].superseded_by: 'accord-signed' is dated 2026-01, "
         "before this fact's as_of 2026-02 (a fact is overtaken by something later: check the dates or the id)",
         ("    cite: [{source: sample, paragraph: p2}]\nquotes:",
          "    as_of: 2026-02\n    superseded_by: accord-signed\n    cite: [{source: sample, paragraph: p2}]\n"
          "quotes:")),
    Case("web-quote-without-words", f"{SHEET}:65: quotes[every-post].cite: quote 'every-post' cites an outside page "
         "without its words (add `quote:` to the citation: the page's sentence that carries the words, copied "
         "exactly)", ("    cite: {source: sample, paragraph: p2}\ntopics:", "    cite: {source: outside}\ntopics:")),
    Case("web-quote-not-in-its-words", f"{SHEET}:63: quotes[every-post].text: the words of quote 'every-post' are "
         "not in the citation's `quote:` (copy the words exactly from the page's sentence; only spaces and quote "
         "marks may differ)", ("    cite: {source: sample, paragraph: p2}\ntopics:",
                               "    cite: {source: outside, quote: We agreed on most posts.}\ntopics:")),
    Case("coordinates-not-a-place", f"{SHEET}:28: entities[northern-council].coordinates: only a place has "
         "coordinates; 'northern-council' is of kind 'organisation' (remove `coordinates:` or set `kind: place`)",
         ("    name: Northern Council\n", "    name: Northern Council\n    coordinates: {lat: 36.2, lon: 37.1}\n")),
    Case("latitude-out-of-range", f"{SHEET}:32: entities[river-guild].coordinates.lat: latitude 137.1 is not "
         "between -90 and 90 (write decimal degrees; check that lat and lon are not swapped)",
         ("    kind: organisation\nevents", "    kind: place\n    coordinates: {lat: 137.1, lon: 36.2}\nevents")),
]


def prepare(tmp_path: Path, case: Case) -> Path:
    project = tmp_path / "p"
    shutil.copytree(BASIC, project / "seeds")
    data = sheet_bytes()
    if case.replace:
        old, new = case.replace
        assert data.count(old.encode()) == 1, f"fixture edit for {case.name} must match once"
        data = data.replace(old.encode(), new.encode())
    if case.raw is not None:
        data = case.raw
    (project / SHEET).write_bytes(data)
    if case.article is not None:
        (project / ARTICLE).write_bytes(case.article)
    return project


def test_there_are_at_least_25_kinds_of_bad_input():
    """Check that the suite covers at least 25 kinds of mistake."""
    assert len({c.name for c in CASES_}) >= 25


@pytest.mark.parametrize("case", CASES_, ids=[c.name for c in CASES_])
def test_bad_input_gives_file_line_key_and_hint(tmp_path, case):
    """Check that each mistake stops the check with its file:line, key path and hint, and no traceback."""
    project = prepare(tmp_path, case)
    result = generator(project, "check", *(["--strict"] if case.strict else []))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first == case.expected
    assert result.stderr.rstrip().endswith("found; nothing was written.")


def test_basic_case_is_clean(tmp_path):
    """Check that the unmodified fixture passes, so every failure above comes from its one mistake."""
    project = prepare(tmp_path, Case("none", ""))
    result = generator(project, "check", "--strict")
    assert result.returncode == 0, result.stderr


def test_debug_flag_shows_the_traceback(tmp_path):
    """Check that --debug adds a traceback for developers, after the same plain messages."""
    project = prepare(tmp_path, CASES_[0])
    result = generator(project, "--debug", "check")
    assert result.returncode == 1
    assert "Traceback" in result.stderr
    assert CASES_[0].expected in result.stderr
